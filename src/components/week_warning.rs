//! "Safari may remove Mend's data after a week": shown on the start page and
//! in Settings where the browser does that and Mend is not on the Home
//! Screen (an installed app keeps its data).

use leptos::prelude::*;

use crate::domain::browser::may_clear_after_a_week;
use crate::i18n::{around, msg::shell, t};
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
                <h2 id="week-warning">{t(shell::WEEK_HEADING)}</h2>
                <p>{t(shell::WEEK_BODY)}</p>
                <ul>
                    <li>{t(shell::WEEK_HOME_SCREEN)}</li>
                    {keep_a_copy(link_to_settings)}
                </ul>
            </section>
        }
    })
}

/// "Keep a copy with Export everything", with a link to Settings in the
/// sentence where the warning shows outside Settings.
fn keep_a_copy(link_to_settings: bool) -> impl IntoView {
    if link_to_settings {
        let [before, after] = around(shell::WEEK_COPY_SETTINGS, "{settings}", &[]);
        view! {
            <li>{before}<a href=Page::Settings.href()>{Page::Settings.label()}</a>{after}</li>
        }
        .into_any()
    } else {
        view! { <li>{t(shell::WEEK_COPY)}</li> }.into_any()
    }
}
