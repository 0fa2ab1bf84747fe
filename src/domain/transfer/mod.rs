//! Export files: everything Mend holds, written to one file the user keeps or
//! moves to another browser, and the validating reader that imports them.
//!
//! # The two file shapes
//!
//! A plain export (pretty-printed when written; wrapped here to read):
//!
//! ```json
//! {"app":"mend","kind":"export","format":1,"schema":1,
//!  "created_at":"2026-11-22T10:15:00.000Z",
//!  "checksum":"fnv1a64:0123456789abcdef",
//!  "data":{"profile":{"wording":{"relationship":"partner","name":"Sam"}},
//!          "entries":[...]}}
//! ```
//!
//! An encrypted export, written when the user has a passphrase:
//!
//! ```json
//! {"app":"mend","kind":"export","format":1,
//!  "created_at":"2026-11-22T10:15:00.000Z",
//!  "sealed":{"format":1,"cipher":"AES-256-GCM","kdf":{...},"check_iv":"...",
//!            "check":"...","iv":"...","data":"..."}}
//! ```
//!
//! - `app`: always `"mend"`; `kind`: always `"export"`. Together they tell an
//!   export from the stored document (which has no `kind`) and from any other
//!   JSON file.
//! - `format`: the version of this outer shape, [`FORMAT`]. A higher one is
//!   from a newer Mend and is refused with [`ImportError::Newer`].
//! - `schema`: the schema of `data`, as in the stored document
//!   ([`CURRENT_SCHEMA`] when written); older schemas are migrated on import
//!   exactly like stored data.
//! - `created_at`: when the export was made, as the browser's clock wrote it.
//! - `checksum`: `fnv1a64:` and 16 lowercase hex digits of 64-bit FNV-1a
//!   over the compact JSON of `data`. It catches a file damaged in transit
//!   or edited by hand, so Mend never imports half-sensible data. It is
//!   **not** a security feature: anyone can recompute it. What protects an
//!   encrypted export is the AES-GCM tag of its sealed box.
//! - `data`: the [`Document`], serialized as the store serializes it.
//! - `sealed`: a [`Sealed`] box whose plaintext is the complete plain export
//!   text (UTF-8), sealed with [`export_aad`]`(created_at)` as the AES-GCM
//!   additional data, so the outer `created_at` cannot be swapped unnoticed.
//!
//! # Importing
//!
//! [`read_import`] takes the file's bytes and returns either a checked
//! [`Import`] or a sealed box that needs the passphrase; after the browser
//! opens the box, [`read_unsealed`] checks its contents. Nothing is replaced
//! until the user has seen the [`summary`] and said yes. For files people
//! downloaded before exports existed, the stored document's own format
//! (what [`store::encode`](crate::domain::store::encode) writes) is read too.
//! Every failure is an [`ImportError`] whose [`message`](ImportError::message)
//! is what the user sees.

mod error;
mod import;
mod summary;

pub use error::{Damage, ImportError};
pub use import::{read_import, read_unsealed, Import, ImportFile};
pub use summary::{long_date, summary, ImportSummary};

use crate::domain::fingerprint::fingerprint;
use crate::domain::sealed::Sealed;
use crate::domain::store::{Document, APP_MARKER, CURRENT_SCHEMA};
use serde::Serialize;
use serde_json::Value;

/// The value of an export's `kind` field.
pub const KIND: &str = "export";

/// The version of the export shape this Mend writes and reads.
pub const FORMAT: u32 = 1;

/// Files larger than this are refused before they are parsed. A year of
/// weekly check-ins is well under 1 MB; this leaves room for very long
/// answers while keeping a wrongly chosen video or photo out of memory.
/// [`ImportError::TooLarge`]'s message says "5 MB": change both together.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// A plain export as written; field order is the order in the file.
#[derive(Serialize)]
struct PlainExport<'a> {
    app: &'static str,
    kind: &'static str,
    format: u32,
    schema: u32,
    created_at: &'a str,
    checksum: String,
    /// The document itself rather than its `Value`, so the file keeps the
    /// store's readable field order (`id` first); the checksum does not
    /// depend on the order.
    data: &'a Document,
}

/// An encrypted export as written.
#[derive(Serialize)]
struct SealedExport<'a> {
    app: &'static str,
    kind: &'static str,
    format: u32,
    created_at: &'a str,
    sealed: &'a Sealed,
}

/// The text of a plain export of `document`, made at `created_at` (an ISO
/// 8601 time from the browser's clock). Also the plaintext to seal for an
/// encrypted export.
pub fn export_plain(document: &Document, created_at: &str) -> String {
    // Serializing can only fail for maps with non-string keys or a failing
    // `Serialize` impl; the document has neither (see `store::encode`).
    let value = serde_json::to_value(document).expect("a Document always serializes to JSON");
    let export = PlainExport {
        app: APP_MARKER,
        kind: KIND,
        format: FORMAT,
        schema: CURRENT_SCHEMA,
        created_at,
        checksum: checksum(&value),
        data: document,
    };
    serde_json::to_string_pretty(&export).expect("an export always serializes to JSON")
}

/// The text of an encrypted export: `sealed` holds [`export_plain`]'s text,
/// sealed with [`export_aad`]`(created_at)`.
pub fn export_sealed(sealed: &Sealed, created_at: &str) -> String {
    let export = SealedExport {
        app: APP_MARKER,
        kind: KIND,
        format: FORMAT,
        created_at,
        sealed,
    };
    serde_json::to_string_pretty(&export).expect("a sealed box always serializes to JSON")
}

/// The AES-GCM additional data for an export's box. It binds the box to the
/// file's `created_at` and keeps export boxes apart from stored-document
/// boxes (whose additional data starts `mend.document:`).
pub fn export_aad(created_at: &str) -> String {
    format!("mend.export:{created_at}")
}

/// `fnv1a64:` and 16 lowercase hex digits of 64-bit FNV-1a (the store's
/// `fingerprint`, which must never change) over the compact
/// JSON of `data` as a `serde_json::Value`.
///
/// A `Value` keeps object keys sorted (this crate does not enable
/// serde_json's `preserve_order` feature; a test checks), so the same data
/// gives the same text whatever whitespace or key order the file has: the
/// exporter and the importer both hash that canonical text.
fn checksum(data: &Value) -> String {
    let text = serde_json::to_string(data).expect("a JSON value always serializes");
    format!("fnv1a64:{:016x}", fingerprint(&text))
}

// Native only, like the other domain tests.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
