//! The Settings page: how this copy of Mend works and where its data lives.

use leptos::prelude::*;

use crate::components::PageHeading;
use crate::pwa;
use crate::routes::Page;

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
    view! {
        <PageHeading text="Settings" tab_title=Page::Settings.document_title() />
        <section class="card" aria-labelledby="settings-data">
            <h2 id="settings-data">"Your data"</h2>
            <p>
                "Everything you write is kept in this browser's storage on this device, and nowhere "
                "else. Mend makes no requests to any other website."
            </p>
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
