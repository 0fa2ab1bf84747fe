//! Reading the stored text back: a document, nothing yet, a newer Mend's data, or something unreadable.
//!
//! [`decode`] never panics and never throws anything away: every outcome
//! tells the glue what to do with the text (see the [store](super) docs).

use super::document::{Document, Stamp, APP_MARKER};
use super::migrate::{migrate, MigrationError, CURRENT_SCHEMA};
use crate::domain::sealed::{Sealed, SealedError, FORMAT as SEALED_FORMAT};
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
    /// Mend's data, sealed with the user's passphrase: show the lock screen,
    /// open the box in the browser, then read its contents with [`open_data`].
    /// `schema` is the schema of the sealed data; the stamp is readable
    /// without the key, so tabs can keep in step while locked.
    Sealed {
        sealed: Sealed,
        stamp: Stamp,
        schema: u32,
    },
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
    /// A sealed box whose parameters this Mend refuses to try.
    #[error("the sealed box is not usable: {0}")]
    Sealed(#[from] SealedError),
    /// A box that opened (so the key was right) but did not hold text.
    #[error("the sealed data is not text")]
    SealedNotText,
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
    /// Exactly one of `data` (open) and `sealed` (encrypted).
    data: Option<Value>,
    sealed: Option<Sealed>,
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
    // So is the box's format: a newer box may have fields this Mend has
    // never seen, and calling it damage would set it aside and write over it.
    let box_format = fields
        .get("sealed")
        .and_then(|sealed| sealed.get("format"))
        .and_then(Value::as_u64);
    if box_format.is_some_and(|format| format > u64::from(SEALED_FORMAT)) {
        return Ok(Decoded::Newer { schema });
    }
    let envelope: Envelope = serde_json::from_value(Value::Object(fields))
        .map_err(|e| Corruption::Envelope(e.to_string()))?;
    let stamp = Stamp::new(envelope.revision, envelope.saved_at);
    match (envelope.data, envelope.sealed) {
        (Some(data), None) => Ok(Decoded::Loaded {
            document: read_data(envelope.schema, data)?,
            stamp,
        }),
        (None, Some(sealed)) => {
            sealed.validate()?;
            Ok(Decoded::Sealed {
                sealed,
                stamp,
                schema: envelope.schema,
            })
        }
        _ => Err(Corruption::Envelope(
            "exactly one of `data` and `sealed` must be present".into(),
        )),
    }
}

/// Reads the contents of an opened box: the `data` of schema `schema`.
pub fn open_data(schema: u32, plaintext: &[u8]) -> Result<Document, Corruption> {
    let text = std::str::from_utf8(plaintext).map_err(|_| Corruption::SealedNotText)?;
    let data: Value = serde_json::from_str(text).map_err(|e| Corruption::NotJson(e.to_string()))?;
    read_data(schema, data)
}

fn read_data(schema: u32, data: Value) -> Result<Document, Corruption> {
    let data = migrate(schema, data)?;
    serde_json::from_value(data).map_err(|e| Corruption::Data {
        schema,
        problem: e.to_string(),
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
