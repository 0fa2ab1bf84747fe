//! Reading the stored text back: a document, nothing yet, a newer Mend's data, or something unreadable.
//!
//! [`decode`] never panics and never throws anything away: every outcome
//! tells the glue what to do with the text (see the [store](super) docs).

use super::document::{Document, Stamp, APP_MARKER};
use super::migrate::{migrate, MigrationError, CURRENT_SCHEMA};
use serde::Deserialize;
use serde_json::{Map, Value};

/// What the stored text turned out to be.
#[derive(Debug, Clone, PartialEq)]
pub enum Decoded {
    /// Nothing is stored: a first visit, or after "erase everything".
    Fresh,
    /// A document this Mend can read (upgraded from an older schema if needed),
    /// and the stamp of the saved copy it came from.
    Loaded { document: Document, stamp: Stamp },
    /// Mend's data, saved by a newer Mend than this one. Leave it untouched
    /// and ask the user to update.
    Newer { schema: u32 },
    /// Not something this Mend can read. Keep it aside, start fresh.
    Corrupt { reason: Corruption },
}

/// Why stored text could not be read, for the developer console and for
/// tests; the user sees [`Notice::Recovered`](super::Notice::Recovered).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Corruption {
    #[error("the stored text is empty")]
    Empty,
    #[error("the stored text is not JSON: {0}")]
    NotJson(String),
    #[error("the stored JSON is not an object")]
    NotAnObject,
    /// No `"app": "mend"`: something else wrote under our key.
    #[error("the stored JSON is not a Mend document")]
    NotMend,
    /// `schema`, `revision`, `saved_at` or `data` missing or of the wrong type,
    /// or a field the envelope does not have.
    #[error("the envelope is not readable: {0}")]
    Envelope(String),
    #[error(transparent)]
    Migration(#[from] MigrationError),
    /// The data does not fit the document of its schema: a wrong shape or
    /// a value no Mend writes, such as a date that does not exist.
    #[error("the data does not fit schema {schema}: {problem}")]
    Data { schema: u32, problem: String },
}

/// Reads what is stored under [`DOCUMENT_KEY`](super::DOCUMENT_KEY); `None`
/// when nothing is.
pub fn decode(stored: Option<&str>) -> Decoded {
    let Some(text) = stored else {
        return Decoded::Fresh;
    };
    read(text).unwrap_or_else(|reason| Decoded::Corrupt { reason })
}

/// The envelope once it is known to be ours and not newer. `data` stays raw
/// JSON until it is migrated.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope {
    /// Already checked; listed so it is not refused as unknown.
    #[serde(rename = "app")]
    _app: serde::de::IgnoredAny,
    schema: u32,
    revision: u64,
    saved_at: String,
    data: Value,
}

fn read(text: &str) -> Result<Decoded, Corruption> {
    if text.trim().is_empty() {
        return Err(Corruption::Empty);
    }
    let value: Value =
        serde_json::from_str(text).map_err(|e| Corruption::NotJson(e.to_string()))?;
    let Value::Object(fields) = value else {
        return Err(Corruption::NotAnObject);
    };
    if fields.get("app").and_then(Value::as_str) != Some(APP_MARKER) {
        return Err(Corruption::NotMend);
    }
    // The schema is read before anything else: a newer Mend may have changed
    // every other field, and its data must not be judged by our rules.
    let schema = schema_of(&fields)?;
    if schema > CURRENT_SCHEMA {
        return Ok(Decoded::Newer { schema });
    }
    let envelope: Envelope = serde_json::from_value(Value::Object(fields))
        .map_err(|e| Corruption::Envelope(e.to_string()))?;
    let data = migrate(envelope.schema, envelope.data)?;
    let document: Document = serde_json::from_value(data).map_err(|e| Corruption::Data {
        schema: envelope.schema,
        problem: e.to_string(),
    })?;
    Ok(Decoded::Loaded {
        document,
        stamp: Stamp::new(envelope.revision, envelope.saved_at),
    })
}

fn schema_of(fields: &Map<String, Value>) -> Result<u32, Corruption> {
    let bad = |why: &str| Corruption::Envelope(format!("`schema` {why}"));
    let number = fields
        .get("schema")
        .ok_or_else(|| bad("is missing"))?
        .as_u64()
        .ok_or_else(|| bad("is not a whole number"))?;
    match u32::try_from(number) {
        Ok(0) => Err(bad("is 0; schemas start at 1")),
        Ok(schema) => Ok(schema),
        Err(_) => Err(bad("is far too large")),
    }
}
