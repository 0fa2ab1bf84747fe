//! "Safari may remove Mend's data after a week": shown on the start page and
//! in Settings where the browser does that and Mend is not on the Home
//! Screen (an installed app keeps its data).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::browser::may_clear_after_a_week;
use crate::routes::Page;

/// Whether Mend runs as an installed app (Home Screen): then the week rule
/// does not apply.
fn installed() -> bool {
    let window = window();
    let standalone_display = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches());
    // iOS Safari's own flag for a Home Screen app.
    let ios_standalone = js_sys::Reflect::get(&window.navigator(), &"standalone".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    standalone_display || ios_standalone
}

#[component]
pub fn WeekWarning(
    /// Link to Settings (export) when shown outside Settings.
    #[prop(default = true)]
    link_to_settings: bool,
) -> impl IntoView {
    let user_agent = window().navigator().user_agent().unwrap_or_default();
    let show = may_clear_after_a_week(&user_agent) && !installed();
    show.then(|| {
        view! {
            <section class="card notice" aria-labelledby="week-warning">
                <h2 id="week-warning">"This browser may clear Mend after a week"</h2>
                <p>
                    "Safari, and every browser on iPhone and iPad, deletes what a website keeps on the "
                    "device if you don't visit it for seven days. Mend keeps your answers that way, so "
                    "they could be lost."
                </p>
                <ul>
                    <li>"Add Mend to your Home Screen (Share, then Add to Home Screen): there it keeps your answers."</li>
                    <li>
                        "Keep a copy with Export everything"
                        {link_to_settings.then(|| view! { " in " <A href=Page::Settings.href()>"Settings"</A> })}
                        ", and bring it back with Import if anything is lost."
                    </li>
                </ul>
            </section>
        }
    })
}
