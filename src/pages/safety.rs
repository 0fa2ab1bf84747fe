//! The Safety page: what abuse can look like, that it is not the user's
//! fault, why Mend sets repair work aside (and the user's explicit choice to
//! see the full path again), the danger of leaving and planning it, where to
//! find help in the user's country, and how to leave or erase Mend.
//! Reachable from every page.
//!
//! "Leaving can be the most dangerous time" and "plan it with an advocate"
//! follow published domestic-abuse safety-planning guidance (for example the
//! National Domestic Violence Hotline and Refuge, whose lines are in
//! content/helplines.toml).

use leptos::prelude::*;

use crate::components::question::Urgency;
use crate::components::safety::{emergency_words, use_country, use_safety, HelplineList};
use crate::components::{PageHeading, TechSafety};
use crate::content::first_screen;
use crate::domain::first_screen::around_right_now;
use crate::domain::prefs::neutral_title;
use crate::domain::program::helplines::Purpose;
use crate::i18n::{msg, t, with_link};
use crate::privacy::Privacy;
use crate::routes::Page;
use crate::store::Store;

#[component]
pub fn Safety() -> impl IntoView {
    let store = expect_context::<Store>();
    let privacy = expect_context::<Privacy>();
    let safety = use_safety();
    let country = use_country();
    let danger = move || safety.with(|s| s.danger());
    let set_full_path = move |full: bool| {
        let status = safety.get_untracked();
        store.change(Urgency::Now, |d| {
            d.profile.safety.choose_full_path(&status, full)
        });
    };
    let wording = Memo::new(move |_| store.read(|d| d.profile.wording.clone()));
    let name = move || wording.with(|w| w.reference());
    // The tab title turned neutral by itself because of danger: say so.
    let title_changed = move || {
        danger() && !store.protected().get() && privacy.prefs().with(|p| p.neutral_title.is_none())
    };
    let words = &first_screen().safety;
    let crisis = move || around_right_now(words.crisis, &emergency_words(country.get()));
    let both = move || with_link(msg::safety::BOTH_BODY, &[("name", &name())]);
    // Built afresh each time `Show` shows them.
    let title_notice = move || {
        let [before, link, after] =
            with_link(msg::safety::TITLE_NOTICE, &[("title", neutral_title())]);
        view! { {before} <a href=Page::Settings.href()>{link}</a> {after} }
    };
    let my_plan_note = move || {
        let [before, link, after] = with_link(msg::safety::MY_PLAN_NOTE, &[]);
        view! { {before} <a href=Page::guide(&"my-plan".into()).href()>{link}</a> {after} }
    };
    let [own_before, own_link, own_after] = with_link(msg::safety::OWN_BODY, &[]);
    let [device_before, device_link, device_after] = with_link(msg::safety::LEAVE_DEVICE, &[]);
    view! {
        <PageHeading text=words.heading tab_title=Page::Safety.document_title() />
        <div class="card notice--safety" role="note">
            <h2>{words.now_heading}</h2>
            <p>{move || around_right_now(words.now, &emergency_words(country.get())).0}</p>
            {move || country.get().and_then(|c| c.silent_call.clone()).map(|silent| view! { <p class="silent-call">{silent}</p> })}
            <p>
                {move || crisis().0}
                <a href=Page::RightNow.href()>{t(msg::safety::RIGHT_NOW_LINK)}</a>
                {move || crisis().1}
            </p>
        </div>

        // Someone who is afraid and also said they frightened or hurt the
        // other person is sent here first: they may have been defending
        // themselves.
        <Show when=move || danger() && safety.with(|s| s.uses_harm)>
            <section class="card notice" aria-labelledby="safety-both">
                <h2 id="safety-both">{t(msg::safety::BOTH_HEADING)}</h2>
                <p>
                    {move || {
                        let [before, link, after] = both();
                        view! {
                            {before}
                            <a href=Page::StoppingHarm.href()>{link}</a>
                            {after}
                        }
                    }}
                </p>
            </section>
        </Show>

        <TechSafety />
        <Show when=title_changed>
            <p class="notice" role="status">{title_notice}</p>
        </Show>

        <Show when=danger>
            <section class="card" aria-labelledby="safety-leaving">
                <h2 id="safety-leaving">{t(msg::safety::LEAVING_HEADING)}</h2>
                <p>{t(msg::safety::LEAVING_BODY)}</p>
                <p>{my_plan_note}</p>
            </section>
        </Show>

        <section class="card" aria-labelledby="safety-help">
            <h2 id="safety-help">{words.help_heading}</h2>
            <p>{words.help}</p>
            <HelplineList purposes=&[Purpose::Abuse, Purpose::Men, Purpose::Lgbtq, Purpose::Workplace, Purpose::Relay] />
        </section>

        <section class="card" aria-labelledby="safety-signs">
            <h2 id="safety-signs">{t(msg::safety::SIGNS_HEADING)}</h2>
            <p>{t(msg::safety::SIGNS_INTRO)}</p>
            <ul>
                <li>{t(msg::safety::SIGN_AFRAID)}</li>
                <li>{t(msg::safety::SIGN_THREATS)}</li>
                <li>{t(msg::safety::SIGN_CHOKING)}</li>
                <li>{t(msg::safety::SIGN_ISOLATING)}</li>
                <li>{t(msg::safety::SIGN_CONTROL)}</li>
                <li>{t(msg::safety::SIGN_TRACKING)}</li>
                <li>{t(msg::safety::SIGN_DENYING)}</li>
                <li>{t(msg::safety::SIGN_PHYSICAL)}</li>
                <li>{t(msg::safety::SIGN_SEXUAL)}</li>
            </ul>
            <p>{t(msg::safety::SIGNS_ANGER)}</p>
        </section>

        <section class="card" aria-labelledby="safety-fault">
            <h2 id="safety-fault">{words.fault_heading}</h2>
            <p>{words.fault}</p>
        </section>

        <section class="card" aria-labelledby="safety-repair">
            <h2 id="safety-repair">{t(msg::safety::REPAIR_HEADING)}</h2>
            <p>{t(msg::safety::REPAIR_BODY)}</p>
            <Show when=danger>
                {move || if safety.with(|s| s.full_path) {
                    view! {
                        <p role="status">{t(msg::safety::FULL_PATH_SHOWN)}</p>
                        <p class="actions">
                            <button type="button" class="button" on:click=move |_| set_full_path(false)>{t(msg::safety::SET_ASIDE_AGAIN)}</button>
                        </p>
                    }
                    .into_any()
                } else {
                    view! {
                        <p>{t(msg::safety::FULL_PATH_OFFER)}</p>
                        <p class="actions">
                            <button type="button" class="button" on:click=move |_| set_full_path(true)>{t(msg::safety::SHOW_FULL_PATH)}</button>
                        </p>
                    }
                    .into_any()
                }}
            </Show>
        </section>

        <section class="card" aria-labelledby="safety-own">
            <h2 id="safety-own">{t(msg::safety::OWN_HEADING)}</h2>
            <p>
                {own_before}
                <a href=Page::StoppingHarm.href()>{own_link}</a>
                {own_after}
            </p>
        </section>

        <section class="card" aria-labelledby="safety-leave">
            <h2 id="safety-leave">{t(msg::safety::LEAVE_HEADING)}</h2>
            <p>{t(msg::safety::LEAVE_QUICKLY)}</p>
            <p>
                {device_before}
                <a href=Page::Settings.href()>{device_link}</a>
                {device_after}
            </p>
        </section>

        <p class="actions">
            <a href=Page::guide(&"safety-check".into()).href() class="button button--primary">{t(msg::safety::TAKE_CHECK)}</a>
        </p>
    }
}
