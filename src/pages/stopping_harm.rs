//! For a user who says they have frightened, threatened, hurt or controlled
//! the other person: respect, concrete next steps, services for people who
//! want to stop. Every guide that asks the other person for a hearing,
//! access or closeness waits, and Compare is off, until the user says they
//! have taken a concrete step (an explicit, reversible choice on the page).
//!
//! The page speaks of choice and control, not of anger. Each point was
//! confirmed on 2026-12-06:
//! - abuse is a choice and about control: Respect
//!   (http://www.respect.uk.net/articles/respect-phoneline-support-over-the-festive-period,
//!   "abuse is always a choice"), Refuge (http://www.refuge.org.uk/about-domestic-violence/)
//! - time-outs have rules (say when you will be back, keep it short) and
//!   are misused to keep control: https://mensline.org.au/family-violence/using-time-out/,
//!   https://respect.org.uk/resources/3-time-out-a-strategy-for-reducing-men-s-violence-against-women-in-relationships
//! - couples counselling is not advised while there is abuse:
//!   https://www.thehotline.org/2014/08/01/why-we-dont-recommend-couples-counseling-for-abusive-relationships/
//!   (and stopvaw.org, womensafe.org, checked 2026-12-02)
//! - a no-contact order can forbid contact through other people:
//!   https://www.womenslaw.org/en/hotline/restraining-orders/restraining-order-categories/violation-questions/definition-direct
//!   (respecting a break-up or a request is Mend's own advice)
//! - the first step is a service for people who use abuse: Respect,
//!   https://ntv.org.au/get-help/getting-support
//! - force used to resist abuse is recognised as different:
//!   https://www.dvact.org/post/violent-resistance-and-domestic-abuse

use leptos::prelude::*;

use crate::components::question::Urgency;
use crate::components::safety::{emergency_words, use_country, use_safety, HelplineList};
use crate::components::PageHeading;
use crate::content::{library, paths};
use crate::domain::program::helplines::Purpose;
use crate::i18n::{msg, t, tf, with_link, Text};
use crate::routes::Page;
use crate::store::Store;

#[component]
pub fn StoppingHarm() -> impl IntoView {
    let store = expect_context::<Store>();
    let safety = use_safety();
    let country = use_country();
    let wording = Memo::new(move |_| store.read(|d| d.profile.wording.clone()));
    let name = move || wording.with(|w| w.reference());
    let held: Vec<String> = paths()
        .held_for_harm()
        .iter()
        .filter_map(|id| library().guide(id))
        .map(|g| g.title().render(&Default::default()))
        .collect();
    let held_list = held.join(", ");
    let named = move |text: Text| tf(text, &[("name", &name())]);
    let [not_for_before, not_for_link, not_for_after] = with_link(msg::safety::NOT_FOR_YOU, &[]);
    let [crisis_before, crisis_link, crisis_after] = with_link(msg::safety::CRISIS_TOO, &[]);
    let take_step = move |taken: bool| {
        let status = safety.get_untracked();
        store.change(Urgency::Now, |d| {
            d.profile.safety.take_harm_step(&status, taken)
        });
    };
    // "Not yet" is an answer too: it changes nothing stored, and says so.
    let not_yet = RwSignal::new(false);
    view! {
        <PageHeading text=t(msg::safety::HARM_HEADING) tab_title=Page::StoppingHarm.document_title() />
        <p class="lead">
            {move || if safety.with(|s| s.uses_harm) {
                t(msg::safety::HARM_LEAD_SAID)
            } else {
                t(msg::safety::HARM_LEAD)
            }}
        </p>
        <div class="card notice" role="note">
            <p>
                {not_for_before}
                <a href=Page::Safety.href()>{not_for_link}</a>
                {not_for_after}
            </p>
        </div>
        <div class="card notice--safety" role="note">
            <p>
                {move || tf(msg::safety::DANGER_NOW, &[("emergency", &emergency_words(country.get()))])}
            </p>
            <p>
                {crisis_before}
                <a href=Page::RightNow.href()>{crisis_link}</a>
                {crisis_after}
            </p>
        </div>

        <section class="card" aria-labelledby="harm-now">
            <h2 id="harm-now">{t(msg::safety::HARM_NOW_HEADING)}</h2>
            <ul>
                <li>{move || named(msg::safety::HARM_STOP_CONTROL)}</li>
                <li>{move || named(msg::safety::HARM_NOTICE_CONTROL)}</li>
                <li>{move || named(msg::safety::HARM_OWN_IT)}</li>
                <li>{move || named(msg::safety::HARM_STEP_AWAY)}</li>
                <li>{move || named(msg::safety::HARM_THEIR_PACE)}</li>
                <li>{move || named(msg::safety::HARM_NO_CONTACT)}</li>
                <li>{t(msg::safety::HARM_TALK_TO_SERVICE)}</li>
                <li>{t(msg::safety::HARM_NOT_COUPLES)}</li>
            </ul>
        </section>

        <section class="card" aria-labelledby="harm-step">
            <h2 id="harm-step">{t(msg::safety::STEP_HEADING)}</h2>
            <p>{tf(msg::safety::STEP_BODY, &[("guides", &held_list)])}</p>
            {move || if !safety.with(|s| s.uses_harm) {
                view! {
                    <p class="muted">{t(msg::safety::NOTHING_HELD)}</p>
                }
                .into_any()
            } else if safety.with(|s| s.harm_step_taken) {
                view! {
                    <p role="status">{move || named(msg::safety::STEP_THANKS)}</p>
                    <p class="actions">
                        <a href=Page::Start.href() class="button button--primary">{t(msg::safety::BACK_TO_PATH)}</a>
                        <button type="button" class="button" on:click=move |_| take_step(false)>{t(msg::safety::KEEP_ASIDE)}</button>
                    </p>
                }
                .into_any()
            } else {
                view! {
                    <fieldset class="harm-step">
                        <legend>{t(msg::safety::STEP_QUESTION)}</legend>
                        <p class="actions">
                            <button type="button" class="button" on:click=move |_| take_step(true)>{t(msg::safety::STEP_CONTACTED)}</button>
                            <button type="button" class="button" on:click=move |_| take_step(true)>{t(msg::safety::STEP_COUNSELLOR)}</button>
                            <button type="button" class="button" on:click=move |_| not_yet.set(true)>{t(msg::safety::NOT_YET)}</button>
                        </p>
                    </fieldset>
                    <p role="status">
                        {move || not_yet.get().then_some(t(msg::safety::NOT_YET_REPLY))}
                    </p>
                }
                .into_any()
            }}
        </section>

        <section class="card" aria-labelledby="harm-help">
            <h2 id="harm-help">{t(msg::safety::SERVICES_HEADING)}</h2>
            <HelplineList purposes=&[Purpose::UsesHarm, Purpose::Relay] picker_id="harm-country" />
        </section>

        <section class="card" aria-labelledby="harm-crisis">
            <h2 id="harm-crisis">{t(msg::safety::IN_CRISIS_HEADING)}</h2>
            <HelplineList purposes=&[Purpose::Crisis] picker_id="harm-crisis-country" />
        </section>
    }
}
