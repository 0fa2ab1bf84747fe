//! Why a file could not be imported, in words for the developer console
//! (`Display`) and in words for the user ([`ImportError::message`]).

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
        match self {
            Self::TooLarge => {
                "This file is larger than 5 MB, more than a Mend export ever is. \
                 Check that you picked the right file."
            }
            Self::Empty => {
                "This file is empty, so there is nothing in it to import. \
                 Choose a file Mend saved with Export."
            }
            Self::NotText | Self::NotMend => {
                "This isn't a Mend export. Choose a file Mend saved with Export."
            }
            Self::Truncated => {
                "This file looks cut off: it ends before the data does. \
                 Try exporting again or use another copy."
            }
            Self::Tampered(_) => {
                "This file was changed after Mend saved it, so Mend can't trust it. \
                 Use an untouched copy."
            }
            Self::Newer { .. } => {
                "This file comes from a newer version of Mend. \
                 Update Mend (reload it while online), then import again."
            }
            Self::BadSeal => {
                "This file's encryption looks damaged, so Mend won't try to open it. \
                 Use an untouched copy."
            }
            Self::WrongPassphrase => {
                "That passphrase doesn't open this file. It needs the passphrase \
                 that was set in Mend when the file was exported."
            }
            Self::SealedTampered => {
                "The passphrase is right, but this file was changed after Mend saved it, \
                 so Mend can't trust it. Use an untouched copy."
            }
        }
    }
}
