//! Saves text as a file on the user's device, without any network request.

use wasm_bindgen::JsCast;

use crate::i18n::{msg::shell, t};
use crate::store::{today, ExportFailure, Store};

/// How long a file's temporary address lives: long enough for any browser
/// to start the download (revoking it at once can cancel it in some).
const KEEP_URL_MS: i32 = 60_000;

/// Downloads everything as an export file: sealed with the passphrase when
/// there is one, unless `plain` was chosen (behind its warning in Settings).
/// `failed` is told what went wrong if it could not be sealed or saved.
pub fn everything(store: Store, plain: bool, failed: impl FnOnce(&'static str) + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        match store.export_file(plain).await {
            Ok(text) => {
                let name = format!("mend-export-{}.json", today());
                if !text_file(&name, &text, "application/json") {
                    // The browser would not make the file at all.
                    failed(t(shell::NOT_DOWNLOADED));
                }
            }
            // The browser could not encrypt the export (WebCrypto failed).
            Err(ExportFailure::NotSealed) => failed(t(shell::NOT_SEALED)),
            // The part of Mend that writes export files did not download.
            Err(ExportFailure::Unreachable) => failed(t(shell::NOT_LOADED)),
        }
    });
}

/// Offers `text` as a download named `file_name`. False if the browser
/// would not make the file, so the caller can say so.
#[must_use]
pub fn text_file(file_name: &str, text: &str, mime: &str) -> bool {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let document = leptos::prelude::document();
    let clicked = document
        .create_element("a")
        .ok()
        .and_then(|anchor| anchor.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .map(|anchor| {
            anchor.set_href(&url);
            anchor.set_download(file_name);
            anchor.click();
        })
        .is_some();
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = leptos::prelude::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), KEEP_URL_MS);
    clicked
}
