//! Export files are written by code in a chunk of its own (wasm-split): only
//! people who export download it. Builds that are not split (cargo test,
//! the browser tests) call the same functions directly.

use crate::domain::sealed::Sealed;
use crate::domain::store::Document;
use crate::domain::transfer;

/// The part of Mend that writes export files could not be downloaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unreachable;

#[cfg(feature = "split")]
mod split {
    pub use leptos::wasm_split::{wasm_split, SplitLoaderError};

    impl From<SplitLoaderError> for super::Unreachable {
        fn from(_: SplitLoaderError) -> Self {
            super::Unreachable
        }
    }
}

#[cfg(feature = "split")]
use split::*;

/// Everything in `document`, as an export file's text.
#[cfg(feature = "split")]
#[wasm_split(export, fallible, wasm_split_path = ::leptos::wasm_split)]
pub fn plain(document: &Document, created_at: &str) -> Result<String, Unreachable> {
    Ok(transfer::export_plain(document, created_at))
}

/// A sealed export's box, as an export file's text.
#[cfg(feature = "split")]
#[wasm_split(export, fallible, wasm_split_path = ::leptos::wasm_split)]
pub fn sealed(sealed: &Sealed, created_at: &str) -> Result<String, Unreachable> {
    Ok(transfer::export_sealed(sealed, created_at))
}

#[cfg(not(feature = "split"))]
pub async fn plain(document: &Document, created_at: &str) -> Result<String, Unreachable> {
    Ok(transfer::export_plain(document, created_at))
}

#[cfg(not(feature = "split"))]
pub async fn sealed(sealed: &Sealed, created_at: &str) -> Result<String, Unreachable> {
    Ok(transfer::export_sealed(sealed, created_at))
}
