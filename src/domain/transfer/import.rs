//! Reading an import file: every check happens here, before the user is
//! asked anything and long before anything is replaced.

use super::{checksum, Damage, ImportError, FORMAT, KIND, MAX_IMPORT_BYTES};
use crate::domain::sealed::{self, Sealed, SealedError};
use crate::domain::store::{self, Corruption, Decoded, Document, APP_MARKER, CURRENT_SCHEMA};
use serde::de::IgnoredAny;
use serde::Deserialize;
use serde_json::error::Category;
use serde_json::{Map, Value};

/// A file read and checked in full, ready to replace what Mend holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    /// Already migrated to [`CURRENT_SCHEMA`].
    pub document: Document,
    /// When the export was made; for a stored document, when it was saved.
    /// Every file Mend writes has one.
    pub created_at: Option<String>,
    /// The schema the file was written with (older ones were migrated).
    pub schema: u32,
}

/// What [`read_import`] found.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportFile {
    /// Ready: show its [`summary`](super::summary) and ask before replacing.
    Plain(Import),
    /// An encrypted export: ask for its passphrase, open `sealed` in the
    /// browser with [`export_aad`](super::export_aad)`(&created_at)`, then
    /// pass the plaintext to [`read_unsealed`]. The box has passed
    /// [`Sealed::validate`], so it is safe to try.
    Sealed { sealed: Sealed, created_at: String },
}

/// Reads an import file: a plain or encrypted export, or the stored
/// document's own format (files downloaded before exports existed).
///
/// Never panics, whatever the bytes; the size is checked before any parsing.
pub fn read_import(bytes: &[u8]) -> Result<ImportFile, ImportError> {
    let (text, mut fields) = read_json(bytes)?;
    if !fields.contains_key("kind") {
        return read_stored(text, &fields).map(ImportFile::Plain);
    }
    check_header(&fields)?;
    match fields.remove("sealed") {
        Some(sealed) => read_sealed(fields, sealed),
        None => read_plain(fields).map(ImportFile::Plain),
    }
}

/// Reads what an encrypted export's box held once the browser opened it:
/// it must be a plain export. Mend never seals anything else into an
/// export, so a stored document or a box inside the box is refused.
pub fn read_unsealed(plaintext: &[u8]) -> Result<Import, ImportError> {
    let (_, fields) = read_json(plaintext)?;
    if !fields.contains_key("kind") {
        return Err(ImportError::Tampered(Damage::Contents));
    }
    check_header(&fields)?;
    if fields.contains_key("sealed") {
        return Err(ImportError::Tampered(Damage::Contents));
    }
    read_plain(fields)
}

/// The bytes as a JSON object with `"app": "mend"`, or why not.
fn read_json(bytes: &[u8]) -> Result<(&str, Map<String, Value>), ImportError> {
    // First of all: a wrongly chosen video is never decoded or parsed.
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge);
    }
    // Some editors start a saved file with a byte-order mark.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        // Text that ends in the middle of a character (an accent, an emoji)
        // was cut off there, if what comes before it is Mend's.
        Err(error) if error.error_len().is_none() => {
            let before = std::str::from_utf8(&bytes[..error.valid_up_to()]).unwrap_or_default();
            return Err(if looks_like_mend(before) {
                ImportError::Truncated
            } else {
                ImportError::NotText
            });
        }
        Err(_) => return Err(ImportError::NotText),
    };
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(value) => value,
        Err(_) if !looks_like_mend(text) => return Err(ImportError::NotMend),
        Err(error) if error.classify() == Category::Eof => return Err(ImportError::Truncated),
        // Mend's start, then something no JSON writer produces: edited by hand
        // or damaged in the middle.
        Err(_) => return Err(ImportError::Tampered(Damage::Syntax)),
    };
    match value {
        Value::Object(fields) if fields.get("app").and_then(Value::as_str) == Some(APP_MARKER) => {
            Ok((text, fields))
        }
        _ => Err(ImportError::NotMend),
    }
}

/// Whether `text` starts `{"app":"mend"` (whitespace aside), as everything
/// Mend writes does; tells a cut-off or damaged Mend file from any other.
fn looks_like_mend(text: &str) -> bool {
    const START: &str = r#"{"app":"mend""#;
    let mut squeezed = text.chars().filter(|c| !c.is_whitespace());
    START.chars().all(|c| squeezed.next() == Some(c))
}

/// `kind` and `format`, which every export has.
fn check_header(fields: &Map<String, Value>) -> Result<(), ImportError> {
    if fields.get("kind").and_then(Value::as_str) != Some(KIND) {
        return Err(ImportError::NotMend);
    }
    match fields.get("format").and_then(Value::as_u64) {
        Some(format) if format == u64::from(FORMAT) => Ok(()),
        Some(format) if format > u64::from(FORMAT) => Err(ImportError::Newer {
            what: "export format",
            version: format,
        }),
        _ => Err(ImportError::Tampered(Damage::Header)),
    }
}

/// A plain export once its header is known to be ours and not newer.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlainFields {
    /// Already checked; listed so they are not refused as unknown.
    #[serde(rename = "app")]
    _app: IgnoredAny,
    #[serde(rename = "kind")]
    _kind: IgnoredAny,
    #[serde(rename = "format")]
    _format: IgnoredAny,
    schema: u32,
    created_at: String,
    checksum: String,
    data: Value,
}

fn read_plain(fields: Map<String, Value>) -> Result<Import, ImportError> {
    // The schema comes first: a newer Mend's data must not be judged by our
    // rules (as in the store's decoder).
    if let Some(schema) = fields.get("schema").and_then(Value::as_u64) {
        if schema > u64::from(CURRENT_SCHEMA) {
            return Err(ImportError::Newer {
                what: "schema",
                version: schema,
            });
        }
    }
    let plain: PlainFields = serde_json::from_value(Value::Object(fields))
        .map_err(|_| ImportError::Tampered(Damage::Header))?;
    // Before migrating: the checksum is over the data as it was written.
    if plain.checksum != checksum(&plain.data) {
        return Err(ImportError::Tampered(Damage::Checksum));
    }
    let data = store::migrate(plain.schema, plain.data)
        .map_err(|_| ImportError::Tampered(Damage::Data))?;
    let document: Document =
        serde_json::from_value(data).map_err(|_| ImportError::Tampered(Damage::Data))?;
    Ok(Import {
        document,
        created_at: Some(plain.created_at),
        schema: plain.schema,
    })
}

/// An encrypted export's header, without its box.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SealedFields {
    #[serde(rename = "app")]
    _app: IgnoredAny,
    #[serde(rename = "kind")]
    _kind: IgnoredAny,
    #[serde(rename = "format")]
    _format: IgnoredAny,
    created_at: String,
}

fn read_sealed(fields: Map<String, Value>, sealed: Value) -> Result<ImportFile, ImportError> {
    let header: SealedFields = serde_json::from_value(Value::Object(fields))
        .map_err(|_| ImportError::Tampered(Damage::Header))?;
    // A newer box may have different fields altogether: call it newer, not
    // damaged, before its fields are read.
    if let Some(format) = sealed.get("format").and_then(Value::as_u64) {
        if format > u64::from(sealed::FORMAT) {
            return Err(ImportError::Newer {
                what: "sealed box format",
                version: format,
            });
        }
    }
    let sealed: Sealed = serde_json::from_value(sealed).map_err(|_| ImportError::BadSeal)?;
    match sealed.validate() {
        Ok(()) => Ok(ImportFile::Sealed {
            sealed,
            created_at: header.created_at,
        }),
        Err(SealedError::NewerFormat(format)) => Err(ImportError::Newer {
            what: "sealed box format",
            version: format.into(),
        }),
        Err(_) => Err(ImportError::BadSeal),
    }
}

/// The stored document's format, read by the store's own decoder so that
/// its checks and migrations apply unchanged.
fn read_stored(text: &str, fields: &Map<String, Value>) -> Result<Import, ImportError> {
    match store::decode(Some(text)) {
        Decoded::Loaded { document, stamp } => Ok(Import {
            document,
            created_at: Some(stamp.saved_at),
            // The decoder has checked it: a whole number it can read.
            schema: fields
                .get("schema")
                .and_then(Value::as_u64)
                .and_then(|schema| u32::try_from(schema).ok())
                .unwrap_or(CURRENT_SCHEMA),
        }),
        Decoded::Newer { schema } => Err(ImportError::Newer {
            what: "schema",
            version: schema.into(),
        }),
        Decoded::Corrupt { reason } => Err(match reason {
            Corruption::Envelope(_) => ImportError::Tampered(Damage::Header),
            Corruption::Migration(_) | Corruption::Data { .. } => {
                ImportError::Tampered(Damage::Data)
            }
            // Not JSON, not ours, or a sealed stored copy: never an export.
            _ => ImportError::NotMend,
        }),
        // `Fresh` cannot happen (there is text). A stored document sealed
        // with the passphrase is not something Mend exports: its box is
        // bound to that device's storage, not to a file.
        _ => Err(ImportError::NotMend),
    }
}
