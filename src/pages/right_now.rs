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

use crate::components::question::Urgency;
use crate::components::safety::{emergency_words, use_country, use_safety, HelplineList};
use crate::components::PageHeading;
use crate::content::first_screen;
use crate::domain::first_screen::around_right_now;
use crate::domain::program::helplines::Purpose;
use crate::i18n::{msg, t};
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
    // The same words as the static crisis page (content/first-screen.toml).
    let words = &first_screen().right_now;
    view! {
        <PageHeading text=words.heading tab_title=Page::RightNow.document_title() />
        <div class="card notice--safety" role="note">
            <h2>{words.act_heading}</h2>
            <p>{move || around_right_now(words.act, &emergency_words(country.get())).0}</p>
        </div>

        <section class="card" aria-labelledby="now-minutes">
            <h2 id="now-minutes">{words.minutes_heading}</h2>
            <ul>
                {words.minutes.iter().map(|m| view! { <li>{*m}</li> }).collect_view()}
            </ul>
        </section>

        <section class="card" aria-labelledby="now-lines">
            <h2 id="now-lines">{words.lines_heading}</h2>
            <p>{words.lines}</p>
            <HelplineList purposes=&[Purpose::Crisis, Purpose::Relay] picker_id="crisis-country" />
        </section>

        <section class="card" aria-labelledby="now-mend">
            <h2 id="now-mend">{t(msg::safety::STILL_HERE_HEADING)}</h2>
            <p>{t(msg::safety::STILL_HERE)}</p>
            {move || if !said_safe.get() && !safety.with(|s| s.crisis_open) {
                view! {
                    <p class="actions">
                        <a href=Page::Start.href() class="button">{t(msg::safety::BACK_TO_PATH)}</a>
                    </p>
                }
                .into_any()
            } else if said_safe.get() {
                view! {
                    <p role="status">{t(msg::safety::THANKS_SAFE)}</p>
                    <p class="actions">
                        <a href=Page::Start.href() class="button">{t(msg::safety::BACK_TO_PATH)}</a>
                    </p>
                }
                .into_any()
            } else {
                view! {
                    <p class="actions">
                        <button type="button" class="button" on:click=safe_now>{t(msg::safety::SAFE_NOW)}</button>
                        <a href=Page::Start.href() class="button">{t(msg::safety::BACK_TO_PATH)}</a>
                    </p>
                }
                .into_any()
            }}
        </section>
    }
}
