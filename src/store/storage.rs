//! Access to localStorage that never throws: every failure is a
//! [`SaveFailure`] the user can be told about.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::*;
use crate::crypto::Key;
use crate::domain::store::*;

/// The import-undo copy in storage, opened with `key` if it is sealed.
pub(super) async fn read_undo(key: Option<&Key>) -> Option<Document> {
    match decode(read_key(UNDO_KEY).as_deref()) {
        Decoded::Loaded { document, .. } => Some(document),
        Decoded::Sealed {
            sealed,
            stamp,
            schema,
        } => {
            let key = key?;
            let mut opened = key.open(&sealed, &undo_aad(schema, &stamp)).await;
            if opened.is_err() {
                // Written before the undo copy had its own label.
                opened = key.open(&sealed, &document_aad(schema, &stamp)).await;
            }
            opened.ok().and_then(|bytes| open_data(schema, &bytes).ok())
        }
        _ => None,
    }
}

/// The stamp of what storage holds now, if it is a document.
pub(super) fn stored_stamp() -> Option<Stamp> {
    match decode(read_key(DOCUMENT_KEY).as_deref()) {
        Decoded::Loaded { stamp, .. } | Decoded::Sealed { stamp, .. } => Some(stamp),
        _ => None,
    }
}

pub(super) fn read_key(key: &str) -> Option<String> {
    storage().ok()?.get_item(key).ok().flatten()
}

pub(super) fn storage() -> Result<web_sys::Storage, SaveFailure> {
    match window().local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(SaveFailure::Unavailable),
        Err(error) => Err(failure(error)),
    }
}

/// Why the browser refused, from the DOMException it threw.
pub(super) fn failure(error: JsValue) -> SaveFailure {
    let name = error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .unwrap_or_default();
    SaveFailure::from_error_name(&name)
}

pub(super) fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}
