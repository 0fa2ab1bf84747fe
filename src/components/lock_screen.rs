//! What shows instead of Mend's pages while it is locked (the data is sealed
//! and this tab has no key) or closed (Quick exit was used in this tab).

use leptos::html;
use leptos::prelude::*;

use crate::components::safety::HelplineList;
use crate::components::{alive, set_tab_title};
use crate::domain::program::helplines::Purpose;
use crate::i18n::{msg::lock, t};

use crate::privacy::Privacy;
use crate::store::Store;

#[component]
pub fn LockScreen() -> impl IntoView {
    let store = expect_context::<Store>();
    let passphrase = NodeRef::<html::Input>::new();
    let error = RwSignal::new(None::<&'static str>);
    let busy = RwSignal::new(false);
    let confirming = RwSignal::new(false);
    let privacy = expect_context::<Privacy>();
    // Through set_tab_title, so the neutral title ("Notes") holds here too.
    set_tab_title(t(lock::TAB_TITLE));
    Effect::new(move |_| {
        if let Some(input) = passphrase.get() {
            let _ = input.focus();
        }
    });
    let unlock = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Some(input) = passphrase.get_untracked() else {
            return;
        };
        let text = input.value();
        if text.is_empty() {
            error.set(Some(t(lock::TYPE_FIRST)));
            return;
        }
        busy.set(true);
        error.set(None);
        wasm_bindgen_futures::spawn_local(async move {
            let result = store.unlock(&text).await;
            alive(busy, false);
            if let Err(reason) = result {
                alive(error, Some(reason.message()));
                if let Some(input) = passphrase.get_untracked() {
                    input.select();
                    let _ = input.focus();
                }
            }
        });
    };
    view! {
        <section class="lock" aria-labelledby="lock-heading">
            <h1 id="lock-heading" tabindex="-1">{t(lock::HEADING)}</h1>
            <p>{t(lock::INTRO)}</p>
            <form class="lock__form" on:submit=unlock novalidate>
                <label for="lock-passphrase">{t(lock::PASSPHRASE)}</label>
                <input
                    id="lock-passphrase"
                    type="password"
                    autocomplete="current-password"
                    node_ref=passphrase
                    aria-describedby="lock-error"
                    aria-invalid=move || error.get().is_some().then_some("true")
                />
                <p id="lock-error" class="field-error" role="alert">{move || error.get()}</p>
                <button class="button button--primary" type="submit" disabled=move || busy.get()>
                    {move || if busy.get() { t(lock::UNLOCKING) } else { t(lock::UNLOCK) }}
                </button>
            </form>
            <details class="lock__forgot">
                <summary>{t(lock::FORGOT)}</summary>
                <p>{t(lock::FORGOT_BODY)}</p>
                <Show
                    when=move || confirming.get()
                    fallback=move || view! {
                        <button type="button" class="button" on:click=move |_| confirming.set(true)>
                            {t(lock::ERASE_START)}
                        </button>
                    }
                >
                    <div class="confirm" role="group" aria-label=t(lock::CONFIRM_GROUP)>
                        <p><strong>{t(lock::CONFIRM_QUESTION)}</strong></p>
                        <p class="actions">
                            <button type="button" class="button button--danger" on:click=move |_| {
                                confirming.set(false);
                                // On success this screen goes away at once.
                                if store.erase_everything().is_ok() {
                                    privacy.forget();
                                } else {
                                    error.set(Some(t(lock::ERASE_FAILED)));
                                }
                            }>{t(lock::ERASE_YES)}</button>
                            <button type="button" class="button" on:click=move |_| confirming.set(false)>{t(lock::CANCEL)}</button>
                        </p>
                    </div>
                </Show>
            </details>
            // Help must not wait behind a passphrase: the lines are not the
            // user's words, so they show without unlocking.
            <details class="lock__help">
                <summary>{t(lock::HELP_SUMMARY)}</summary>
                <p>{t(lock::HELP_BODY)}</p>
                <HelplineList purposes=&[Purpose::Crisis, Purpose::Abuse] picker_id="lock-country" />
            </details>
        </section>
    }
}

#[component]
pub fn ClosedScreen() -> impl IntoView {
    let privacy = expect_context::<Privacy>();
    set_tab_title("Mend");
    view! {
        <section class="lock" aria-labelledby="closed-heading">
            <h1 id="closed-heading" tabindex="-1">{t(lock::CLOSED_HEADING)}</h1>
            <p>{t(lock::CLOSED_BODY)}</p>
            <p>
                <button class="button button--primary" type="button" on:click=move |_| privacy.reopen()>
                    {t(lock::OPEN_AGAIN)}
                </button>
            </p>
        </section>
    }
}
