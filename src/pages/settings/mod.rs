//! The Settings page: privacy (passphrase, auto-lock, Quick exit), the data
//! itself (export, import, storage, erase) and this copy of Mend.

mod exit;
mod passphrase;
mod storage;
mod transfer;

use leptos::prelude::*;

use crate::components::{alive, download, PageHeading};
use crate::privacy::Privacy;
use crate::pwa;
use crate::routes::Page;
use crate::store::Store;

#[component]
pub fn Settings() -> impl IntoView {
    let offline = match pwa::offline_status() {
        pwa::OfflineStatus::Ready => "Ready. Mend will open and work without a connection.",
        pwa::OfflineStatus::Preparing => {
            "Getting ready. Keep this page open for a moment with a connection, and Mend will work offline from then on."
        }
        pwa::OfflineStatus::Unsupported => {
            "This browser cannot keep Mend for offline use. It still works while you are online, and your answers are still kept on this device."
        }
        pwa::OfflineStatus::DevelopmentBuild => {
            "Off in this development build, so changes show up at once."
        }
    };
    let store = expect_context::<Store>();
    let privacy = expect_context::<Privacy>();
    // Erasing asks once, in place; the result is announced either way.
    let confirming = RwSignal::new(false);
    let outcome = RwSignal::new(None::<String>);
    let erase = move |_| {
        confirming.set(false);
        outcome.set(Some(match store.erase_everything() {
            Ok(()) => {
                privacy.forget();
                "Everything Mend kept on this device has been erased.".to_owned()
            }
            Err(_) => "Mend could not erase its data: this browser is not letting it reach its storage. Your browser's settings can clear this site's data instead.".to_owned(),
        }));
    };
    let export_failed = RwSignal::new(None::<&'static str>);
    let export = Callback::new(move |()| {
        download::everything(store, false, move |message| {
            alive(export_failed, Some(message))
        })
    });
    view! {
        <PageHeading text="Settings" tab_title=Page::Settings.document_title() />
        <section class="card" aria-labelledby="settings-data">
            <h2 id="settings-data">"Your data"</h2>
            <p>
                "Everything you write is kept in this browser's storage on this device, and nowhere "
                "else. Mend makes no requests to any other website."
            </p>
            <p class="field-error" role="alert">{move || export_failed.get()}</p>
        </section>
        <passphrase::PassphraseSettings export=export />
        <exit::QuickExitSettings />
        <transfer::TransferSettings />
        <crate::components::WeekWarning link_to_settings=false />
        <storage::StorageSettings />
        <section class="card" aria-labelledby="settings-erase">
            <h2 id="settings-erase">"Erase everything"</h2>
            <p>
                "Removes every answer, entry and setting Mend keeps on this device. It cannot be undone."
            </p>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <p>
                        <button type="button" class="button" on:click=move |_| { outcome.set(None); confirming.set(true); }>
                            "Erase everything…"
                        </button>
                    </p>
                }
            >
                <div class="confirm" role="group" aria-label="Confirm erasing">
                    <p><strong>"Erase all of your answers on this device?"</strong></p>
                    <p class="actions">
                        <button type="button" class="button button--danger" on:click=erase>"Yes, erase everything"</button>
                        <button type="button" class="button" on:click=move |_| confirming.set(false)>"Cancel"</button>
                    </p>
                </div>
            </Show>
            <p role="status">{move || outcome.get()}</p>
        </section>
        <section class="card" aria-labelledby="settings-about">
            <h2 id="settings-about">"This copy of Mend"</h2>
            <dl class="facts">
                <dt>"Version"</dt>
                <dd>{env!("CARGO_PKG_VERSION")}</dd>
                <dt>"Offline use"</dt>
                <dd>{offline}</dd>
            </dl>
        </section>
    }
}
