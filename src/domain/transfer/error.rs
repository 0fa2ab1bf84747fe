//! Why a file could not be imported, in words for the developer console
//! (`Display`) and in words for the user ([`ImportError::message`]).

use crate::domain::msg::{self, t};

/// Why a file could not be imported.
///
/// `Display` is for the developer console; the user sees
/// [`message`](ImportError::message). Neither ever quotes the file's
/// contents, so nothing the user wrote ends up in a log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ImportError {
    /// More than [`MAX_IMPORT_BYTES`](super::MAX_IMPORT_BYTES); not parsed.
    #[error("the file is larger than the import limit")]
    TooLarge,
    /// Nothing in the file but whitespace.
    #[error("the file is empty")]
    Empty,
    /// Not UTF-8 text: a photo, a PDF, a zip...
    #[error("the file is not UTF-8 text")]
    NotText,
    /// Text, but not JSON starting like Mend's, or JSON without
    /// `"app": "mend"` (or with a `kind` Mend does not write).
    #[error("the file is not a Mend export")]
    NotMend,
    /// Starts like a Mend file but ends before the JSON does.
    #[error("the file ends early")]
    Truncated,
    /// Mend's, but not as Mend wrote it: see [`Damage`].
    #[error("the file was altered: {0}")]
    Tampered(Damage),
    /// Written by a newer Mend: its `what` is `version`, higher than this
    /// Mend reads.
    #[error("the file's {what} is {version}, newer than this Mend reads")]
    Newer { what: &'static str, version: u64 },
    /// An encrypted export whose box this Mend will not try to open (unknown
    /// cipher, too few or too many iterations, wrong lengths).
    #[error("the file's sealed box is not usable")]
    BadSeal,
    /// Decided in the browser: the box's check did not open.
    #[error("the passphrase does not open the file")]
    WrongPassphrase,
    /// Decided in the browser: the check opened but the data did not.
    #[error("the sealed data was altered")]
    SealedTampered,
}

/// Where a Mend file stopped being what Mend wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Damage {
    /// Starts like Mend's JSON but breaks off into something that is not JSON.
    #[error("the JSON is broken")]
    Syntax,
    /// A header field is missing, of the wrong type, or unknown.
    #[error("the header is not as Mend writes it")]
    Header,
    /// The checksum is missing or does not match `data`.
    #[error("the checksum does not match")]
    Checksum,
    /// `data` does not fit the document of its schema, even after migration.
    #[error("the data does not fit its schema")]
    Data,
    /// An opened box did not hold a plain export.
    #[error("the sealed box does not hold a plain export")]
    Contents,
}

impl ImportError {
    /// What to tell the user: what happened and what to do, in one or two
    /// plain sentences. Static text, so it can never contain user data.
    pub fn message(&self) -> &'static str {
        t(match self {
            Self::TooLarge => msg::domain::IMPORT_TOO_LARGE,
            Self::Empty => msg::domain::IMPORT_EMPTY,
            Self::NotText | Self::NotMend => msg::domain::IMPORT_NOT_MEND,
            Self::Truncated => msg::domain::IMPORT_TRUNCATED,
            Self::Tampered(_) => msg::domain::IMPORT_TAMPERED,
            Self::Newer { .. } => msg::domain::IMPORT_NEWER,
            Self::BadSeal => msg::domain::IMPORT_BAD_SEAL,
            Self::WrongPassphrase => msg::domain::IMPORT_WRONG_PASSPHRASE,
            Self::SealedTampered => msg::domain::IMPORT_SEALED_TAMPERED,
        })
    }
}
