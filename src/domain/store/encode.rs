//! Writing the document into its envelope, as the text stored on the device.

use super::document::{Document, Stamp, APP_MARKER};
use super::migrate::CURRENT_SCHEMA;
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
