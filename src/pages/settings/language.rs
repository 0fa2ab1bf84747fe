//! Choosing the language Mend is shown in. It applies at once (once its
//! words have arrived), is kept with the other settings, and reaches the
//! other open tabs through them.

use leptos::prelude::*;

use crate::i18n::{msg::settings_language as words, t, Lang, Language};
use crate::privacy::Privacy;

#[component]
pub(super) fn LanguageSettings() -> impl IntoView {
    let privacy = expect_context::<Privacy>();
    let language = expect_context::<Language>();
    let choose = move |lang: Lang| {
        let mut prefs = privacy.prefs().get_untracked();
        prefs.language = Some(lang);
        // The app follows the settings (src/app.rs), here and in other tabs.
        privacy.set_prefs(prefs);
    };
    let choices = Lang::ALL
        .into_iter()
        .map(|lang| {
            view! {
                <label class="option">
                    <input type="radio" name="language" value=lang.code()
                        // Back on the language shown if the chosen one's
                        // words did not arrive, so it can be chosen again.
                        prop:checked=move || {
                            let _ = language.failed().get();
                            language.get() == lang
                        }
                        on:change=move |_| choose(lang) />
                    <span class="option__label" lang=lang.code()>{lang.own_name()}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="settings-language">
            <h2 id="settings-language">{t(words::HEADING)}</h2>
            <p>{t(words::INTRO)}</p>
            <fieldset>
                <legend>{t(words::LEGEND)}</legend>
                <div class="options">{choices}</div>
            </fieldset>
            <p class="field-error" role="alert">
                {move || language.failed().get().map(|_| t(words::NOT_DOWNLOADED))}
            </p>
        </section>
    }
}
