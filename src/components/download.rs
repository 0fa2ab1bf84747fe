//! Saves text as a file on the user's device, without any network request.

use wasm_bindgen::JsCast;

use crate::store::{today, Store};

/// Said when the browser could not encrypt an export (WebCrypto failed).
pub const NOT_SEALED: &str = "Mend couldn't encrypt the export, so it wasn't saved. Try again; if it keeps failing, reload Mend.";

/// Downloads everything as an export file: sealed with the passphrase when
/// there is one, unless `plain` was chosen (behind its warning in Settings).
/// `failed` runs if it could not be sealed, so the user is told.
pub fn everything(store: Store, plain: bool, failed: impl FnOnce() + 'static) {
    wasm_bindgen_futures::spawn_local(async move {
        match store.export_file(plain).await {
            Some(text) => text_file(
                &format!("mend-export-{}.json", today()),
                &text,
                "application/json",
            ),
            None => failed(),
        }
    });
}

/// Offers `text` as a download named `file_name`.
pub fn text_file(file_name: &str, text: &str, mime: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = leptos::prelude::document();
    if let Ok(anchor) = document.create_element("a") {
        if let Ok(anchor) = anchor.dyn_into::<web_sys::HtmlAnchorElement>() {
            anchor.set_href(&url);
            anchor.set_download(file_name);
            anchor.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
