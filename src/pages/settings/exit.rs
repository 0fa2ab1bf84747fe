//! Settings: where Quick exit goes, and what it can and cannot hide.

use leptos::html;
use leptos::prelude::*;

use crate::components::Checkbox;

use crate::components::safety::use_safety;
use crate::domain::prefs::{exit_url, NEUTRAL_TITLE};
use crate::privacy::Privacy;
use crate::store::Store;

#[component]
pub fn QuickExitSettings() -> impl IntoView {
    let privacy = expect_context::<Privacy>();
    let address = NodeRef::<html::Input>::new();
    let error = RwSignal::new(None::<&'static str>);
    let status = RwSignal::new(None::<&'static str>);
    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let typed = address
            .get_untracked()
            .map(|i| i.value())
            .unwrap_or_default();
        status.set(None);
        match exit_url(&typed) {
            Err(message) => error.set(Some(message)),
            Ok(url) => {
                error.set(None);
                if let Some(input) = address.get_untracked() {
                    input.set_value(&url);
                }
                let mut prefs = privacy.prefs().get_untracked();
                prefs.exit_url = url;
                status.set(Some(if privacy.set_prefs(prefs) {
                    "Saved. Quick exit now goes there."
                } else {
                    "This browser didn't let Mend save the address; it applies until Mend is closed."
                }));
            }
        }
    };
    view! {
        <section class="card" aria-labelledby="settings-exit">
            <h2 id="settings-exit">"Quick exit"</h2>
            <p>
                "The Quick exit button at the top of every page, or pressing Escape three times, "
                "hides Mend at once, saves what you typed, locks Mend if you have a passphrase, and "
                "opens another website in this tab in Mend's place, so the Back button does not lead "
                "back to your answers."
            </p>
            <p><strong>"What it cannot hide: "</strong>
                "Mend's pages stay in the browser's history list, and Mend's icon stays on your home "
                "screen if you installed it. In a private or incognito window the history is not kept. "
                "Without a passphrase, anyone who opens Mend on this device can read your answers."
            </p>
            <form on:submit=save novalidate>
                <div class="field">
                    <label for="exit-url">"Website to show instead"</label>
                    <input id="exit-url" type="url" inputmode="url" node_ref=address
                        prop:value=move || privacy.prefs().get_untracked().exit_url
                        aria-describedby="exit-url-error" />
                </div>
                <p id="exit-url-error" class="field-error" role="alert">{move || error.get()}</p>
                <p role="status">{move || status.get()}</p>
                <button class="button" type="submit">"Save address"</button>
            </form>
            <NeutralTitle />
        </section>
    }
}

/// "Show a neutral tab title": tab strips, app switchers and the history
/// list show "Notes" instead of the name of the guide in view.
#[component]
fn NeutralTitle() -> impl IntoView {
    let privacy = expect_context::<Privacy>();
    let store = expect_context::<Store>();
    let safety = use_safety();
    let on = move || {
        let protected = store.protected().get();
        let danger = safety.with(|s| s.danger());
        privacy.prefs().with(|p| p.neutral_title(protected, danger))
    };
    let status = RwSignal::new(None::<&'static str>);
    let change = move |ticked: bool| {
        let mut prefs = privacy.prefs().get_untracked();
        prefs.neutral_title = Some(ticked);
        status.set((!privacy.set_prefs(prefs)).then_some(
            "This browser didn't let Mend save this choice; it applies until Mend is closed.",
        ));
    };
    view! {
        <Checkbox checked=Signal::derive(on) on_change=change label="Show a neutral tab title"
            described_by="neutral-title-help" class="neutral-title">
            <p id="neutral-title-help" class="field-help">
                "The browser tab, the app switcher and the history list say \u{201c}"
                {NEUTRAL_TITLE}
                "\u{201d} instead of the name of the page or guide you are in. It is on by default once "
                "you set a passphrase, and while any answer shows danger."
            </p>
            <p role="status">{move || status.get()}</p>
        </Checkbox>
    }
}
