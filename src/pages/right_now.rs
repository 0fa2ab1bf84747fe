//! The "Right now" page, for thoughts of suicide or self-harm: calm, short,
//! what to do in the next few minutes, and crisis lines for the user's
//! country. One tap away in the header while a crisis answer stands and the
//! user has not said they are safe now; always reachable from Safety.
//!
//! The steps follow the Safety Planning Intervention (Stanley and Brown):
//! notice what is happening, do something that helps, be near people, reach
//! someone who can help, and make the surroundings safer. Read on
//! 2026-12-02 at https://www.ummhealth.org/health-library/suicide-prevention-safety
//! and https://chconline.org/resourcelibrary/making-a-suicide-safety-plan.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::link;
use crate::components::question::Urgency;
use crate::components::safety::{emergency_words, use_country, use_safety, HelplineList};
use crate::components::PageHeading;
use crate::domain::program::helplines::Purpose;
use crate::routes::Page;
use crate::store::Store;

#[component]
pub fn RightNow() -> impl IntoView {
    let store = expect_context::<Store>();
    let safety = use_safety();
    let country = use_country();
    let said_safe = RwSignal::new(false);
    let safe_now = move |_| {
        let status = safety.get_untracked();
        store.change(Urgency::Now, |d| d.profile.safety.say_safe_now(&status));
        said_safe.set(true);
    };
    view! {
        <PageHeading text="Right now" tab_title=Page::RightNow.document_title() />
        <div class="card notice--safety" role="note">
            <h2>"If you might act on these thoughts"</h2>
            <p>
                "If you feel you could act on them soon, or you have already hurt yourself, "
                {move || emergency_words(country.get())}
                " now, or go to the nearest emergency department. You don't have to be sure it is "
                "serious enough."
            </p>
        </div>

        <section class="card" aria-labelledby="now-minutes">
            <h2 id="now-minutes">"For the next few minutes"</h2>
            <ul>
                <li>"Put some distance between you and anything you could use to hurt yourself. If you can, ask someone to keep it for now."</li>
                <li>"Go where other people are, or call or message someone you trust and tell them how hard it is right now."</li>
                <li>"Talk to a crisis line below. They listen, day and night, and you don't need the right words."</li>
                <li>"Breathe out slowly, a few times. Feelings this strong rise and fall, even when it doesn't feel that way."</li>
                <li>"Leave big decisions, about your life or your relationship, for after you have talked to someone."</li>
            </ul>
        </section>

        <section class="card" aria-labelledby="now-lines">
            <h2 id="now-lines">"Someone to talk to now"</h2>
            <p>"Free and confidential. You can call about your own thoughts, or about someone else."</p>
            <HelplineList purposes=&[Purpose::Crisis, Purpose::Relay] picker_id="crisis-country" />
        </section>

        <section class="card" aria-labelledby="now-mend">
            <h2 id="now-mend">"Mend is still here"</h2>
            <p>
                "Your path and everything you wrote stay as they are, for when you're ready. Until "
                "you say you are safe now, a \"Right now\" link stays at the top of every page. If "
                "things change later, this page is always on the Safety page."
            </p>
            {move || if !said_safe.get() && !safety.with(|s| s.crisis_open) {
                view! {
                    <p class="actions">
                        <A href=link(Page::Start.path()) attr:class="button">"Back to your path"</A>
                    </p>
                }
                .into_any()
            } else if said_safe.get() {
                view! {
                    <p role="status">
                        "Thank you for letting Mend know. If these thoughts come back, please come back "
                        "here, or talk to someone you trust."
                    </p>
                    <p class="actions">
                        <A href=link(Page::Start.path()) attr:class="button">"Back to your path"</A>
                    </p>
                }
                .into_any()
            } else {
                view! {
                    <p class="actions">
                        <button type="button" class="button" on:click=safe_now>"I'm safe now"</button>
                        <A href=link(Page::Start.path()) attr:class="button">"Back to your path"</A>
                    </p>
                }
                .into_any()
            }}
        </section>
    }
}
