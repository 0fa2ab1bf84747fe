//! The answer card: one person's shared answers to one guide, sealed under
//! a key derived from the pairing code, as one line of text that survives
//! copy and paste, a .txt file, a share sheet and a link's `#` fragment.
//!
//! ```text
//! MEND-CARD.1.needs-and-boundaries.3.<card>.<salt>.<check_iv>.<check>.<iv>.<data>.<end>
//! ```
//!
//! Fields are separated by dots; the byte fields are base64url without
//! padding, so the line has no character a URL, a chat app or a QR code
//! would change. In order: the card format, the guide id and its version,
//! a random card id (8 bytes), then a sealed box as in
//! [`Sealed`](crate::domain::sealed::Sealed): the PBKDF2 salt (the
//! iterations are fixed by the card format), the check and the data; last,
//! `<end>`: 16 hex digits of FNV-1a 64 over everything before it. The end
//! field is what tells a card cut off in the middle of its data (no end
//! field) from one changed on the way (an end field that does not match);
//! it is not a defence against forgery, which the box itself is.
//!
//! Everything before the box is bound to it as AES-GCM additional data
//! ([`CardHeader::aad`]), so changing the guide, version or card id makes the
//! box refuse to open. The check value is the pairing's fingerprint: it
//! opens only under the key derived from the same pairing code, which tells
//! "sealed for another pairing" from "changed on the way". It is not a plain
//! hash of the code on purpose: a hash of a 60-bit code could be tried
//! offline far faster than PBKDF2 with 600,000 iterations allows.

use crate::domain::fingerprint::fingerprint;
use crate::domain::ids::GuideId;
use crate::domain::msg::{self, t};
use crate::domain::sealed::{KdfParams, Sealed, CIPHER, FORMAT, IV_BYTES, SALT_BYTES, TAG_BYTES};
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};

/// What every card starts with.
pub const PREFIX: &str = "MEND-CARD";
/// The card format this Mend writes and reads.
pub const CARD_FORMAT: u32 = 1;
/// Bytes in a card id.
pub const CARD_ID_BYTES: usize = 8;
/// The longest card text read at all. Answers to one guide are a few
/// kilobytes; anything far longer is not a card, and is refused before any
/// work is done on it.
pub const MAX_CARD_CHARS: usize = 64 * 1024;
/// Hex digits in the end field.
const END_DIGITS: usize = 16;
/// Characters chat apps and word processors slip into long words.
const INVISIBLE: [char; 6] = [
    '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}', '\u{00ad}',
];
/// The check's length once sealed: the check phrase plus the tag.
const CHECK_BYTES: usize = crate::domain::sealed::CHECK_PLAINTEXT.len() + TAG_BYTES;

/// The plain part of a card: which guide, which version, which card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CardHeader {
    pub guide: GuideId,
    pub version: u32,
    /// Random, so the same card opened twice is known as a replay.
    pub card: String,
}

impl CardHeader {
    /// The additional data the box is sealed with.
    pub fn aad(&self) -> String {
        format!(
            "{PREFIX}.{CARD_FORMAT}.{}.{}.{}",
            self.guide, self.version, self.card
        )
    }
}

/// A card read from text: its header and the sealed box, not yet opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub header: CardHeader,
    pub sealed: Sealed,
}

/// Why text is not a card this Mend can open. One message each, saying
/// what happened and what to do; nothing is changed by any of them.
/// `Display` gives the words, in the language shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CardError {
    NotACard,
    Oversized,
    Truncated,
    Altered,
    Newer,
    WrongPairing,
    WrongGuide,
    WrongGuideVersion,
    Replayed,
    OwnCard,
}

impl std::fmt::Display for CardError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(t(match self {
            Self::NotACard => msg::domain::CARD_NOT_A_CARD,
            Self::Oversized => msg::domain::CARD_OVERSIZED,
            Self::Truncated => msg::domain::CARD_TRUNCATED,
            Self::Altered => msg::domain::CARD_ALTERED,
            Self::Newer => msg::domain::CARD_NEWER,
            Self::WrongPairing => msg::domain::CARD_WRONG_PAIRING,
            Self::WrongGuide => msg::domain::CARD_WRONG_GUIDE,
            Self::WrongGuideVersion => msg::domain::CARD_WRONG_GUIDE_VERSION,
            Self::Replayed => msg::domain::CARD_REPLAYED,
            Self::OwnCard => msg::domain::CARD_OWN,
        }))
    }
}

/// Said when the ticked answers make a card longer than the other device
/// accepts ([`MAX_CARD_CHARS`]); nothing is sealed for the exchange, so
/// the user can untick and try again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub struct TooLong;

impl std::fmt::Display for TooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(t(msg::domain::CARD_TOO_LONG))
    }
}

impl Card {
    /// The card as text, if the other device will accept it: a card is
    /// refused on reading when longer than [`MAX_CARD_CHARS`], so one that
    /// long is never sent.
    pub fn sendable(&self) -> Result<String, TooLong> {
        let text = self.to_text();
        if text.len() > MAX_CARD_CHARS {
            return Err(TooLong);
        }
        Ok(text)
    }

    /// Writes the card as one line of text.
    pub fn to_text(&self) -> String {
        let b = |bytes: &[u8]| URL_SAFE_NO_PAD.encode(bytes);
        let body = format!(
            "{}.{}.{}.{}.{}.{}",
            self.header.aad(),
            b(&self.sealed.kdf.salt),
            b(&self.sealed.check_iv),
            b(&self.sealed.check),
            b(&self.sealed.iv),
            b(&self.sealed.data),
        );
        format!("{body}.{:016x}", fingerprint(&body))
    }

    /// Reads a card from text as pasted: surrounding whitespace and line
    /// breaks inside it (chat apps wrap long lines) are ignored. Never
    /// panics, on any input.
    pub fn parse(text: &str) -> Result<Card, CardError> {
        if text.len() > MAX_CARD_CHARS {
            return Err(CardError::Oversized);
        }
        // Whitespace and the invisible characters some apps put into long
        // words (zero-width spaces, soft hyphens) are not part of a card.
        let text: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && !INVISIBLE.contains(c))
            .collect();
        // A card may come with words around it, or as the link a QR code
        // holds ("https://…#MEND-CARD…"), pasted whole.
        let Some(start) = text.find(PREFIX) else {
            return Err(CardError::NotACard);
        };
        let text = &text[start..];
        let rest = &text[PREFIX.len()..];
        let Some(rest) = rest.strip_prefix('.') else {
            return Err(if rest.is_empty() {
                CardError::Truncated
            } else {
                CardError::NotACard
            });
        };
        let fields: Vec<&str> = rest.split('.').collect();
        let digits = |field: &str| !field.is_empty() && field.bytes().all(|b| b.is_ascii_digit());
        let format: u32 = match fields[0].parse().ok().filter(|_| digits(fields[0])) {
            Some(format) => format,
            None if fields[0].is_empty() || fields.len() == 1 => return Err(CardError::Truncated),
            None => return Err(CardError::Altered),
        };
        if format > CARD_FORMAT {
            return Err(CardError::Newer);
        }
        if format != CARD_FORMAT {
            return Err(CardError::Altered);
        }
        // A card cut off before its end field, or inside it, is truncated;
        // one whose end field does not match what precedes it was changed.
        if fields.len() < 10 || fields[9].len() < END_DIGITS {
            return Err(CardError::Truncated);
        }
        if fields.len() > 10 {
            return Err(CardError::Altered);
        }
        let body_len = text.len() - fields[9].len() - 1;
        // Anything after the end field's 16 digits is what followed the card
        // in a message ("…thanks"): not part of it.
        let end = fields[9].get(..END_DIGITS).ok_or(CardError::Altered)?;
        if end != format!("{:016x}", fingerprint(&text[..body_len])) {
            return Err(CardError::Altered);
        }
        let guide = fields[1];
        let guide_ok = !guide.is_empty()
            && guide.len() <= 64
            && guide
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        let version: u32 = fields[2].parse().map_err(|_| CardError::Altered)?;
        if !guide_ok || !digits(fields[2]) || fields[2].starts_with('0') {
            return Err(CardError::Altered);
        }
        let bytes = |field: &str, exact: Option<usize>| -> Result<Vec<u8>, CardError> {
            let decoded = URL_SAFE_NO_PAD
                .decode(field.as_bytes())
                .map_err(|_| CardError::Altered)?;
            match exact {
                Some(n) if decoded.len() != n => Err(CardError::Altered),
                _ => Ok(decoded),
            }
        };
        let card = bytes(fields[3], Some(CARD_ID_BYTES))?;
        let salt = bytes(fields[4], Some(SALT_BYTES))?;
        let check_iv = bytes(fields[5], Some(IV_BYTES))?;
        let check = bytes(fields[6], Some(CHECK_BYTES))?;
        let iv = bytes(fields[7], Some(IV_BYTES))?;
        let data = bytes(fields[8], None)?;
        if data.len() < TAG_BYTES {
            return Err(CardError::Altered);
        }
        let sealed = Sealed {
            format: FORMAT,
            cipher: CIPHER.to_owned(),
            kdf: KdfParams::new(salt),
            check_iv,
            check,
            iv,
            data,
        };
        if sealed.validate().is_err() {
            return Err(CardError::Altered);
        }
        Ok(Card {
            header: CardHeader {
                guide: GuideId::new(guide),
                version,
                card: URL_SAFE_NO_PAD.encode(card),
            },
            sealed,
        })
    }
}
