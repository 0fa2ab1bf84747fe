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
                Err(_) => {
                    return alive(
                        step,
                        Step::Failed("Mend couldn't read that file. Try choosing it again."),
                    )
                }
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
                Err(OpenError::Unavailable) => alive(pass_error, Some(
                    "This browser can't do the decryption Mend needs. Try an up-to-date browser.",
                )),
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
            <h2 id="settings-export">"Export"</h2>
            <p>
                "Saves everything Mend keeps (every answer, entry and the names you gave) to a file on "
                "this device, to keep as a copy or to move to another browser."
            </p>
            <Show when=move || store.protected().get()>
                <p>"The file is encrypted with your passphrase, so you need it to import the file again."</p>
                <Checkbox checked=plain on_change=move |on| plain.set(on) label="Save without encryption" />
                <Show when=move || plain.get()>
                    <p class="warning">
                        "Anyone who finds an unencrypted file can read every answer in it. Keep it "
                        "somewhere only you can reach, and delete it when you no longer need it."
                    </p>
                </Show>
            </Show>
            <p>
                <button type="button" class="button button--primary" on:click=move |_| {
                    export_failed.set(None);
                    download::everything(store, plain.get_untracked(), move |message| alive(export_failed, Some(message)));
                }>
                    "Export everything"
                </button>
            </p>
            <p class="field-error" role="alert">{move || export_failed.get()}</p>
        </section>
        <section class="card" aria-labelledby="settings-import">
            <h2 id="settings-import">"Import"</h2>
            <p>
                "Brings back the data from a file Mend exported. Mend checks the whole file first and "
                "shows what it holds; nothing changes until you say so."
            </p>
            <div class="field">
                <label for="import-file">"Choose an export file"</label>
                <input id="import-file" type="file" accept=".json,application/json" node_ref=file_input on:change=choose />
            </div>
            {move || match step.get() {
                Step::Idle => ().into_any(),
                Step::Reading => view! { <p role="status">"Checking the file…"</p> }.into_any(),
                Step::Failed(message) => view! { <p class="warning" role="alert">{message}</p> }.into_any(),
                Step::NeedsPassphrase { .. } => view! {
                    <form on:submit=open novalidate>
                        <p>"This file is encrypted."</p>
                        <div class="field">
                            <label for="import-passphrase">"The file's passphrase"</label>
                            <input id="import-passphrase" type="password" autocomplete="off" node_ref=passphrase />
                        </div>
                        <p class="field-error" role="alert">{move || pass_error.get()}</p>
                        <button class="button" type="submit" disabled=move || busy.get()>
                            {move || if busy.get() { "Opening…" } else { "Open the file" }}
                        </button>
                    </form>
                }.into_any(),
                Step::Ready(import) => {
                    let found = summary(&import.document, content::library());
                    let guides = (!found.guides.is_empty())
                        .then(|| view! { <p>"Guides: "{found.guides.join(", ")}</p> });
                    let exported = import
                        .created_at
                        .as_deref()
                        .and_then(|t| t.get(..10)?.parse::<CalendarDate>().ok())
                        .map(|day| view! { <p>"Exported on "{long_date(day)}"."</p> });
                    let found = found.describe();
                    view! {
                        <div class="confirm" role="group" aria-label="Confirm import">
                            <p role="status"><strong>"The file holds: "</strong>{found}</p>
                            {guides}
                            {exported}
                            <p>"Mend holds now: "{move || current.get()}</p>
                            <p>"Importing replaces what Mend holds now. You can undo it straight after."</p>
                            <p class="actions">
                                <button type="button" class="button button--primary" on:click=replace disabled=move || busy.get()>
                                    "Replace my data with this file"
                                </button>
                                <button type="button" class="button" on:click=cancel>"Cancel"</button>
                            </p>
                        </div>
                    }.into_any()
                }
                Step::Done => view! { <p role="status">"Imported. Everything from the file is in Mend now."</p> }.into_any(),
            }}
            <Show when=move || store.undo_available().get()>
                <div class="confirm" role="group" aria-label="Undo import">
                    <p>"The data Mend held before the import is kept until you let it go."</p>
                    <p class="actions">
                        <button type="button" class="button" on:click=move |_| {
                            step.set(Step::Idle);
                            wasm_bindgen_futures::spawn_local(async move { store.undo_import().await });
                        }>"Undo the import"</button>
                        <button type="button" class="button" on:click=move |_| store.forget_undo()>
                            "Keep the import and let the old data go"
                        </button>
                    </p>
                </div>
            </Show>
        </section>
    }
}
