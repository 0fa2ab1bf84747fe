//! `localStorage` as the machine's [`Shelf`]: access that never throws,
//! every failure a [`SaveFailure`] the user can be told about.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::store::{SaveFailure, Shelf};

/// The browser's `localStorage`, reached afresh for every call (it can be
/// switched off while the page runs).
pub(super) struct LocalShelf;

impl Shelf for LocalShelf {
    fn get(&self, key: &str) -> Result<Option<String>, SaveFailure> {
        storage()?.get_item(key).map_err(failure)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveFailure> {
        storage()?.set_item(key, value).map_err(failure)
    }

    fn remove(&mut self, key: &str) -> Result<(), SaveFailure> {
        storage()?.remove_item(key).map_err(failure)
    }

    fn keys(&self) -> Result<Vec<String>, SaveFailure> {
        let storage = storage()?;
        let length = storage.length().map_err(failure)?;
        Ok((0..length)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect())
    }

    fn now(&self) -> String {
        now_iso()
    }
}

pub(super) fn storage() -> Result<web_sys::Storage, SaveFailure> {
    match window().local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(SaveFailure::Unavailable),
        Err(error) => Err(failure(error)),
    }
}

/// Why the browser refused, from the DOMException it threw.
fn failure(error: JsValue) -> SaveFailure {
    let name = error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .unwrap_or_default();
    SaveFailure::from_error_name(&name)
}

pub(super) fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}
