//! The names Mend stores things under, all starting with `mend.`.

use crate::domain::fingerprint::fingerprint;

/// Every key Mend uses starts with this, so "erase everything" can find them all.
pub const KEY_PREFIX: &str = "mend.";

/// The one stored document (see [`Document`](super::Document)).
pub const DOCUMENT_KEY: &str = "mend.document";

/// The data an import replaced, kept (in the same format as the document,
/// sealed too when there is a passphrase) until the user undoes the import
/// or dismisses the offer.
pub const UNDO_KEY: &str = "mend.undo";

/// Copies of stored text Mend could not read, kept so that nothing is lost;
/// see [`recovery_key`].
pub const RECOVERY_KEY_PREFIX: &str = "mend.recovered.";

/// Where to keep a copy of `unreadable`: [`RECOVERY_KEY_PREFIX`] plus a
/// fingerprint of the text, e.g. `mend.recovered.5f1c0a9e23b4d871`.
///
/// Named by content rather than by time so that copying the same text again
/// (a second tab, or the first save after start-up) lands on the same key
/// instead of filling storage with duplicates, while different texts never
/// overwrite each other.
pub fn recovery_key(unreadable: &str) -> String {
    format!("{RECOVERY_KEY_PREFIX}{:016x}", fingerprint(unreadable))
}

/// Whether `key` holds a recovered copy (to list them or offer them again).
pub fn is_recovery_key(key: &str) -> bool {
    key.starts_with(RECOVERY_KEY_PREFIX)
}

/// Whether `key` is one of Mend's: what "erase everything" removes.
pub fn is_mend_key(key: &str) -> bool {
    key.starts_with(KEY_PREFIX)
}
