//! Copies of unreadable text kept aside under `mend.recovered.*`, and how
//! they follow the passphrase: a copy may hold the user's words, so once
//! there is a passphrase it is sealed like everything else.
//!
//! A copy is either the unreadable text exactly as it was found, or that
//! text sealed in a small envelope of its own. The envelope names its own
//! format, so it is never mistaken for a document, and its box is bound to
//! the key it is stored under ([`kept_aside_aad`]).

use super::document::APP_MARKER;
use crate::domain::sealed::Sealed;
use serde::{Deserialize, Serialize};

/// The only envelope format for a sealed copy so far.
const FORMAT: u32 = 1;

/// What a `mend.recovered.*` key holds.
#[derive(Debug, Clone, PartialEq)]
pub enum KeptAside {
    /// The unreadable text, exactly as it was found.
    Plain(String),
    /// That text, sealed with the passphrase.
    Sealed(Sealed),
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Envelope {
    app: String,
    kept_aside: u32,
    sealed: Sealed,
}

/// Reads a kept-aside copy. Anything that is not Mend's sealed envelope
/// (in a format this Mend knows, with a usable box) is the text as found.
pub fn read_kept_aside(text: &str) -> KeptAside {
    match serde_json::from_str::<Envelope>(text) {
        Ok(envelope)
            if envelope.app == APP_MARKER
                && envelope.kept_aside == FORMAT
                && envelope.sealed.validate().is_ok() =>
        {
            KeptAside::Sealed(envelope.sealed)
        }
        _ => KeptAside::Plain(text.to_owned()),
    }
}

/// The text to store for a copy sealed as `sealed`.
pub fn encode_kept_aside(sealed: &Sealed) -> String {
    let envelope = Envelope {
        app: APP_MARKER.to_owned(),
        kept_aside: FORMAT,
        sealed: sealed.clone(),
    };
    // A struct of strings, numbers and byte lists always serializes.
    serde_json::to_string(&envelope).unwrap_or_default()
}

/// The additional data of a sealed copy: the key it is stored under, so a
/// box moved to another key (or passed off as the document) fails to open.
pub fn kept_aside_aad(key: &str) -> String {
    format!("mend.recovered:{key}")
}
