//! The Settings page: privacy (passphrase, auto-lock, Quick exit), the data
//! itself (export, import, storage, erase) and this copy of Mend.

mod exit;
mod language;
mod passphrase;
mod storage;
mod transfer;

use leptos::prelude::*;

use crate::components::{alive, download, PageHeading};
use crate::i18n::{msg::settings, t};
use crate::privacy::Privacy;
use crate::pwa;
use crate::routes::Page;
use crate::store::Store;

#[component]
pub fn Settings() -> impl IntoView {
    let offline = match pwa::offline_status() {
        pwa::OfflineStatus::Ready => t(settings::OFFLINE_READY),
        pwa::OfflineStatus::Preparing => t(settings::OFFLINE_PREPARING),
        pwa::OfflineStatus::Unsupported => t(settings::OFFLINE_UNSUPPORTED),
        pwa::OfflineStatus::DevelopmentBuild => t(settings::OFFLINE_DEV),
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
                t(settings::ERASED).to_owned()
            }
            Err(_) => t(settings::ERASE_FAILED).to_owned(),
        }));
    };
    let export_failed = RwSignal::new(None::<&'static str>);
    let export = Callback::new(move |()| {
        download::everything(store, false, move |message| {
            alive(export_failed, Some(message))
        })
    });
    view! {
        <PageHeading text=t(settings::HEADING) tab_title=Page::Settings.document_title() />
        <language::LanguageSettings />
        <section class="card" aria-labelledby="settings-data">
            <h2 id="settings-data">{t(settings::DATA_HEADING)}</h2>
            <p>{t(settings::DATA_BODY)}</p>
            <p class="field-error" role="alert">{move || export_failed.get()}</p>
        </section>
        <passphrase::PassphraseSettings export=export />
        <exit::QuickExitSettings />
        <transfer::TransferSettings />
        <crate::components::WeekWarning link_to_settings=false />
        <storage::StorageSettings />
        <section class="card" aria-labelledby="settings-erase">
            <h2 id="settings-erase">{t(settings::ERASE_HEADING)}</h2>
            <p>{t(settings::ERASE_BODY)}</p>
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <p>
                        <button type="button" class="button" on:click=move |_| { outcome.set(None); confirming.set(true); }>
                            {t(settings::ERASE_START)}
                        </button>
                    </p>
                }
            >
                <div class="confirm" role="group" aria-label=t(settings::ERASE_GROUP)>
                    <p><strong>{t(settings::ERASE_QUESTION)}</strong></p>
                    <p class="actions">
                        <button type="button" class="button button--danger" on:click=erase>{t(settings::ERASE_YES)}</button>
                        <button type="button" class="button" on:click=move |_| confirming.set(false)>{t(settings::CANCEL)}</button>
                    </p>
                </div>
            </Show>
            <p role="status">{move || outcome.get()}</p>
        </section>
        <section class="card" aria-labelledby="settings-about">
            <h2 id="settings-about">{t(settings::ABOUT_HEADING)}</h2>
            <dl class="facts">
                <dt>{t(settings::VERSION)}</dt>
                <dd>{env!("CARGO_PKG_VERSION")}</dd>
                <dt>{t(settings::OFFLINE_USE)}</dt>
                <dd>{offline}</dd>
            </dl>
        </section>
    }
}
