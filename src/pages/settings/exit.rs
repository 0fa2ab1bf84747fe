//! Settings: where Quick exit goes, and what it can and cannot hide.

use leptos::html;
use leptos::prelude::*;

use crate::components::Checkbox;

use crate::components::safety::use_safety;
use crate::domain::prefs::{exit_url, neutral_title};
use crate::i18n::{msg::settings, t, tf};
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
                    t(settings::EXIT_SAVED)
                } else {
                    t(settings::EXIT_NOT_SAVED)
                }));
            }
        }
    };
    view! {
        <section class="card" aria-labelledby="settings-exit">
            <h2 id="settings-exit">{t(settings::EXIT_HEADING)}</h2>
            <p>{t(settings::EXIT_INTRO)}</p>
            <p><strong>{t(settings::EXIT_CANNOT_HIDE)}</strong>
                {t(settings::EXIT_CANNOT_HIDE_BODY)}
            </p>
            <form on:submit=save novalidate>
                <div class="field">
                    <label for="exit-url">{t(settings::EXIT_URL)}</label>
                    <input id="exit-url" type="url" inputmode="url" node_ref=address
                        prop:value=move || privacy.prefs().get_untracked().exit_url
                        aria-describedby="exit-url-error" />
                </div>
                <p id="exit-url-error" class="field-error" role="alert">{move || error.get()}</p>
                <p role="status">{move || status.get()}</p>
                <button class="button" type="submit">{t(settings::EXIT_SAVE)}</button>
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
        status.set((!privacy.set_prefs(prefs)).then_some(t(settings::NEUTRAL_NOT_SAVED)));
    };
    view! {
        <Checkbox checked=Signal::derive(on) on_change=change label=t(settings::NEUTRAL_LABEL)
            described_by="neutral-title-help" class="neutral-title">
            <p id="neutral-title-help" class="field-help">
                {tf(settings::NEUTRAL_HELP, &[("title", neutral_title())])}
            </p>
            <p role="status">{move || status.get()}</p>
        </Checkbox>
    }
}
