//! Writing the document into its envelope, as the text stored on the device.

use super::document::{Document, Stamp, APP_MARKER};
use super::migrate::CURRENT_SCHEMA;
use crate::domain::sealed::Sealed;
use serde::Serialize;

/// The envelope as written; field order is the order in the stored text.
#[derive(Serialize)]
struct Envelope<'a> {
    app: &'static str,
    schema: u32,
    revision: u64,
    saved_at: &'a str,
    data: &'a Document,
}

/// The text to store under [`DOCUMENT_KEY`](super::DOCUMENT_KEY) for
/// `document` saved as `stamp` (the revision from
/// [`WriteDecision::Write`](super::WriteDecision::Write) and the time now).
/// Compact, with answers in key order, so equal documents give equal text.
pub fn encode(document: &Document, stamp: &Stamp) -> String {
    let envelope = Envelope {
        app: APP_MARKER,
        schema: CURRENT_SCHEMA,
        revision: stamp.revision,
        saved_at: &stamp.saved_at,
        data: document,
    };
    // Serializing can only fail for maps with non-string keys or a failing
    // `Serialize` impl; the document has neither (every map is keyed by an id
    // string, every date serializes as text), so this cannot happen.
    serde_json::to_string(&envelope).expect("a Document always serializes to JSON")
}

/// The envelope of a sealed document: the same header, in plain text, so any
/// tab can compare stamps without the key, and the box instead of `data`.
#[derive(Serialize)]
struct SealedEnvelope<'a> {
    app: &'static str,
    schema: u32,
    revision: u64,
    saved_at: &'a str,
    sealed: &'a Sealed,
}

/// What to seal for `document`: the JSON that `data` would hold.
pub fn document_plaintext(document: &Document) -> String {
    serde_json::to_string(document).expect("a Document always serializes to JSON")
}

/// The additional data a sealed document is bound to: its plain header. A
/// box moved under another header (an older revision's, say) fails to open.
pub fn document_aad(schema: u32, stamp: &Stamp) -> String {
    format!(
        "mend.document:{schema}:{}:{}",
        stamp.revision, stamp.saved_at
    )
}

/// The additional data of the import-undo copy under [`UNDO_KEY`](super::UNDO_KEY):
/// its own label, so a box moved from one key to the other fails to open
/// (a document sealed earlier cannot be passed off as the undo copy, or the
/// other way round). Copies written before this label used [`document_aad`].
pub fn undo_aad(schema: u32, stamp: &Stamp) -> String {
    format!("mend.undo:{schema}:{}:{}", stamp.revision, stamp.saved_at)
}

/// The text to store for a document sealed as `sealed` (made from
/// [`document_plaintext`] with [`document_aad`]`(CURRENT_SCHEMA, stamp)`).
pub fn encode_sealed(sealed: &Sealed, stamp: &Stamp) -> String {
    let envelope = SealedEnvelope {
        app: APP_MARKER,
        schema: CURRENT_SCHEMA,
        revision: stamp.revision,
        saved_at: &stamp.saved_at,
        sealed,
    };
    serde_json::to_string(&envelope).expect("a sealed envelope always serializes to JSON")
}
