//! Tells the user a new version is waiting, and activates it only when they say so.

use leptos::prelude::*;

use crate::i18n::{msg::shell, t};
use crate::pwa::{self, UpdateReady};

/// Shown once a new service worker has installed. The running page keeps using
/// the version it started with until the user presses Reload, so a half-written
/// answer is never interrupted and two versions never mix in one page.
#[component]
pub fn UpdateBanner() -> impl IntoView {
    let UpdateReady(ready) = expect_context::<UpdateReady>();
    view! {
        <Show when=move || ready.get()>
            <div class="update-banner" role="status">
                <p>{t(shell::UPDATE_READY)}</p>
                <button type="button" class="button" on:click=move |_| pwa::apply_update()>
                    {t(shell::RELOAD)}
                </button>
            </div>
        </Show>
    }
}
