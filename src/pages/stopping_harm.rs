//! For a user who says they have frightened, threatened, hurt or controlled
//! the other person: respect, concrete next steps, services for people who
//! want to stop. The apology and conversation guides wait until this page
//! has been read (an explicit, reversible choice on the page).
//!
//! The advice follows the published guidance of services for people who
//! use abuse (for example the Respect Phoneline in the UK and No to
//! Violence in Australia, both listed in content/helplines.toml): stop and
//! step away before acting, take responsibility without blame, let the other
//! person set the pace, and get specialist help rather than starting with
//! couples counselling. That last point was confirmed on 2026-12-02 at
//! https://www.stopvaw.org/couples_counseling_and_drug_and_alcohol_treatment
//! (intervention programmes, not couples counselling, while abuse goes on)
//! and http://www.womensafe.org/get-help/links-and-literature-resources/why-couples-counseling-does-not-work.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::link;
use crate::components::question::Urgency;
use crate::components::safety::{emergency_words, use_country, use_safety, HelplineList};
use crate::components::PageHeading;
use crate::content::{library, paths};
use crate::domain::program::helplines::Purpose;
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
    let mark_read = move |read: bool| {
        let status = safety.get_untracked();
        store.change(Urgency::Now, |d| {
            d.profile.safety.read_harm_page(&status, read)
        });
    };
    view! {
        <PageHeading text="If you have frightened or hurt someone" tab_title=Page::StoppingHarm.document_title() />
        <p class="lead">
            {move || if safety.with(|s| s.uses_harm) {
                "Thank you for being honest about it. Saying it plainly, even only to yourself, is where "
            } else {
                "This page is for anyone who has frightened, threatened, hurt or controlled someone close "
            }}
            {move || if safety.with(|s| s.uses_harm) {
                "change starts. This page is about what you can do now, without judging you."
            } else {
                "to them and wants to stop. It is about what you can do now, without judging you."
            }}
        </p>
        <div class="card notice--safety" role="note">
            <p>
                "If anyone is in danger right now, "
                {move || emergency_words(country.get())}
                "."
            </p>
        </div>

        <section class="card" aria-labelledby="harm-now">
            <h2 id="harm-now">"What you can do now"</h2>
            <ul>
                <li>"When you feel anger or panic rising, stop and leave the room before you say or do anything. Come back when your body has calmed down, not only your words."</li>
                <li>"Stop anything that keeps " {name} " in line: checking their phone, tracking them, controlling money, or deciding who they see."</li>
                <li>"Let " {name} " set the pace. Don't press for forgiveness, for a talk, or for things to feel normal again."</li>
                <li>"Own it without a \"but\". Stress, drink, jealousy or what " {name} " did can explain a feeling; they never make frightening someone all right."</li>
                <li>"Talk to a service for people who want to stop. They are confidential, they have heard it before, and they help you find what sets it off and what to do instead."</li>
                <li>"Start there rather than with couples counselling. Sitting together in counselling can be unsafe for someone who is afraid, and specialist help comes first."</li>
            </ul>
        </section>

        <section class="card" aria-labelledby="harm-why">
            <h2 id="harm-why">"Why some guides wait"</h2>
            <p>
                "An apology or a big conversation can feel like pressure to someone who has been "
                "frightened, even when it is meant kindly. So Mend keeps these off your path until you "
                "have read this page: " {held_list.clone()} ". Your other guides, like owning your part, "
                "stay open."
            </p>
            {move || if safety.with(|s| s.harm_page_read) {
                view! {
                    <p role="status">"You have read this page, so those guides are back on your path. Go gently, and let " {name} " decide when and how to talk."</p>
                    <p class="actions">
                        <A href=link(Page::Start.path()) attr:class="button button--primary">"Back to your path"</A>
                        <button type="button" class="button" on:click=move |_| mark_read(false)>"Keep them aside for now"</button>
                    </p>
                }
                .into_any()
            } else {
                view! {
                    <p class="actions">
                        <button type="button" class="button button--primary" on:click=move |_| mark_read(true)>"I have read this"</button>
                    </p>
                }
                .into_any()
            }}
        </section>

        <section class="card" aria-labelledby="harm-help">
            <h2 id="harm-help">"Services for people who want to stop"</h2>
            <HelplineList purposes=&[Purpose::UsesHarm] picker_id="harm-country" />
        </section>
    }
}
