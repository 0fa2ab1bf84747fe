//! Settings: export everything to a file, and import such a file. An import
//! is read and checked in full before anything changes; the user sees what
//! the file holds and confirms, and what it replaced can be brought back.

use leptos::html;
use leptos::prelude::*;

use crate::components::{alive, Checkbox};
use wasm_bindgen_futures::JsFuture;

use crate::components::download;
use crate::content;
use crate::crypto::{Key, OpenError};
use crate::domain::date::CalendarDate;
use crate::domain::sealed::Sealed;
use crate::domain::transfer::{
    export_aad, long_date, read_import, read_unsealed, summary, Import, ImportError, ImportFile,
    MAX_IMPORT_BYTES,
};
use crate::i18n::{msg::settings, t, tf};
use crate::store::Store;

/// Where an import stands.
#[derive(Clone)]
enum Step {
    Idle,
    Reading,
    Failed(&'static str),
    /// A sealed file, waiting for its passphrase.
    NeedsPassphrase {
        sealed: Sealed,
        created_at: String,
    },
    /// Checked and ready; waiting for the user's yes.
    Ready(Import),
    Done,
}

#[component]
pub fn TransferSettings() -> impl IntoView {
    let store = expect_context::<Store>();
    let plain = RwSignal::new(false);
    let step = RwSignal::new(Step::Idle);
    let file_input = NodeRef::<html::Input>::new();
    let passphrase = NodeRef::<html::Input>::new();
    let pass_error = RwSignal::new(None::<&'static str>);
    let busy = RwSignal::new(false);
    let export_failed = RwSignal::new(None::<&'static str>);

    let choose = move |_| {
        let Some(file) = file_input
            .get_untracked()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        // Checked before reading: a huge file is never loaded into memory.
        if file.size() > MAX_IMPORT_BYTES as f64 {
            return step.set(Step::Failed(ImportError::TooLarge.message()));
        }
        step.set(Step::Reading);
        wasm_bindgen_futures::spawn_local(async move {
            let bytes = match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
                Err(_) => return alive(step, Step::Failed(t(settings::READ_FAILED))),
            };
            alive(
                step,
                match read_import(&bytes) {
                    Ok(ImportFile::Plain(import)) => Step::Ready(import),
                    Ok(ImportFile::Sealed { sealed, created_at }) => {
                        Step::NeedsPassphrase { sealed, created_at }
                    }
                    Err(error) => Step::Failed(error.message()),
                },
            );
        });
    };

    let open = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let Step::NeedsPassphrase { sealed, created_at } = step.get_untracked() else {
            return;
        };
        let text = passphrase
            .get_untracked()
            .map(|i| i.value())
            .unwrap_or_default();
        busy.set(true);
        pass_error.set(None);
        wasm_bindgen_futures::spawn_local(async move {
            let opened = match Key::for_box(&text, &sealed).await {
                Ok(key) => key.open(&sealed, &export_aad(&created_at)).await,
                Err(error) => Err(error),
            };
            alive(busy, false);
            match opened {
                Ok(bytes) => match read_unsealed(&bytes) {
                    Ok(import) => alive(step, Step::Ready(import)),
                    Err(error) => alive(step, Step::Failed(error.message())),
                },
                Err(OpenError::WrongPassphrase) => {
                    alive(pass_error, Some(ImportError::WrongPassphrase.message()))
                }
                Err(OpenError::Tampered) => {
                    alive(step, Step::Failed(ImportError::SealedTampered.message()))
                }
                Err(OpenError::Unavailable) => alive(pass_error, Some(t(settings::NO_DECRYPTION))),
            }
        });
    };

    let replace = move |_| {
        let Step::Ready(import) = step.get_untracked() else {
            return;
        };
        busy.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            let result = store.replace_all(import.document).await;
            alive(busy, false);
            match result {
                Ok(()) => alive(step, Step::Done),
                Err(reason) => alive(step, Step::Failed(reason.message())),
            }
            if let Some(input) = file_input.get_untracked() {
                input.set_value("");
            }
        });
    };
    let cancel = move |_| {
        step.set(Step::Idle);
        if let Some(input) = file_input.get_untracked() {
            input.set_value("");
        }
    };

    let current = Memo::new(move |_| store.read(|d| summary(d, content::library()).describe()));

    view! {
        <section class="card" aria-labelledby="settings-export">
            <h2 id="settings-export">{t(settings::EXPORT_HEADING)}</h2>
            <p>{t(settings::EXPORT_BODY)}</p>
            <Show when=move || store.protected().get()>
                <p>{t(settings::EXPORT_ENCRYPTED)}</p>
                <Checkbox checked=plain on_change=move |on| plain.set(on) label=t(settings::SAVE_PLAIN) />
                <Show when=move || plain.get()>
                    <p class="warning">{t(settings::PLAIN_WARNING)}</p>
                </Show>
            </Show>
            <p>
                <button type="button" class="button button--primary" on:click=move |_| {
                    export_failed.set(None);
                    download::everything(store, plain.get_untracked(), move |message| alive(export_failed, Some(message)));
                }>
                    {t(settings::EXPORT_EVERYTHING)}
                </button>
            </p>
            <p class="field-error" role="alert">{move || export_failed.get()}</p>
        </section>
        <section class="card" aria-labelledby="settings-import">
            <h2 id="settings-import">{t(settings::IMPORT_HEADING)}</h2>
            <p>{t(settings::IMPORT_BODY)}</p>
            <div class="field">
                <label for="import-file">{t(settings::CHOOSE_FILE)}</label>
                <input id="import-file" type="file" accept=".json,application/json" node_ref=file_input on:change=choose />
            </div>
            {move || match step.get() {
                Step::Idle => ().into_any(),
                Step::Reading => view! { <p role="status">{t(settings::CHECKING_FILE)}</p> }.into_any(),
                Step::Failed(message) => view! { <p class="warning" role="alert">{message}</p> }.into_any(),
                Step::NeedsPassphrase { .. } => view! {
                    <form on:submit=open novalidate>
                        <p>{t(settings::FILE_ENCRYPTED)}</p>
                        <div class="field">
                            <label for="import-passphrase">{t(settings::FILE_PASSPHRASE)}</label>
                            <input id="import-passphrase" type="password" autocomplete="off" node_ref=passphrase />
                        </div>
                        <p class="field-error" role="alert">{move || pass_error.get()}</p>
                        <button class="button" type="submit" disabled=move || busy.get()>
                            {move || if busy.get() { t(settings::OPENING) } else { t(settings::OPEN_FILE) }}
                        </button>
                    </form>
                }.into_any(),
                Step::Ready(import) => {
                    let found = summary(&import.document, content::library());
                    let guides = (!found.guides.is_empty())
                        .then(|| view! { <p>{tf(settings::FOUND_GUIDES, &[("guides", &found.guides.join(", "))])}</p> });
                    let exported = import
                        .created_at
                        .as_deref()
                        .and_then(|t| t.get(..10)?.parse::<CalendarDate>().ok())
                        .map(|day| view! { <p>{tf(settings::EXPORTED_ON, &[("date", &long_date(day))])}</p> });
                    let found = found.describe();
                    view! {
                        <div class="confirm" role="group" aria-label=t(settings::IMPORT_GROUP)>
                            <p role="status"><strong>{t(settings::FILE_HOLDS)}</strong>{found}</p>
                            {guides}
                            {exported}
                            <p>{move || tf(settings::HOLDS_NOW, &[("what", &current.get())])}</p>
                            <p>{t(settings::REPLACE_NOTE)}</p>
                            <p class="actions">
                                <button type="button" class="button button--primary" on:click=replace disabled=move || busy.get()>
                                    {t(settings::REPLACE_BUTTON)}
                                </button>
                                <button type="button" class="button" on:click=cancel>{t(settings::CANCEL)}</button>
                            </p>
                        </div>
                    }.into_any()
                }
                Step::Done => view! { <p role="status">{t(settings::IMPORTED)}</p> }.into_any(),
            }}
            <Show when=move || store.undo_available().get()>
                <div class="confirm" role="group" aria-label=t(settings::UNDO_GROUP)>
                    <p>{t(settings::UNDO_BODY)}</p>
                    <p class="actions">
                        <button type="button" class="button" on:click=move |_| {
                            step.set(Step::Idle);
                            wasm_bindgen_futures::spawn_local(async move { store.undo_import().await });
                        }>{t(settings::UNDO_BUTTON)}</button>
                        <button type="button" class="button" on:click=move |_| store.forget_undo()>
                            {t(settings::KEEP_IMPORT)}
                        </button>
                    </p>
                </div>
            </Show>
        </section>
    }
}
