//! The pairing code two people agree in person: 12 characters from an
//! alphabet with no look-alikes, 60 bits, shown in three groups of four so it
//! is easy to read aloud ("K7QM-4TRX-9HCP").
//!
//! The browser draws the bytes (`crypto.getRandomValues`); this module only
//! turns them into a code and reads a code back as typed.

use crate::domain::msg::{self, t, tf};

/// 32 symbols, so each is exactly 5 bits and no symbol is likelier than
/// another. Left out: 0 and O, 1 and I (they look alike), and the rest of
/// the digits and letters stay.
pub const ALPHABET: &[u8; 32] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
/// Characters in a code: 12 × 5 = 60 bits.
pub const LENGTH: usize = 12;
/// Random bytes needed to draw one code.
pub const RANDOM_BYTES: usize = 8;

/// A well-formed pairing code, kept as its 12 symbols without separators
/// (stored that way too, and checked again when read).
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PairingCode(String);

impl TryFrom<String> for PairingCode {
    type Error = CodeError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        PairingCode::parse(&text)
    }
}

impl From<PairingCode> for String {
    fn from(code: PairingCode) -> String {
        code.0
    }
}

/// Why typed text is not a pairing code, in words for the person typing
/// (`Display`, in the language shown).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    Empty,
    Length(usize),
    Character(char),
}

impl std::fmt::Display for CodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Empty => f.write_str(t(msg::domain::CODE_EMPTY)),
            Self::Length(length) => f.write_str(&tf(
                msg::domain::CODE_LENGTH,
                &[("length", &length.to_string())],
            )),
            Self::Character(character) => f.write_str(&tf(
                msg::domain::CODE_CHARACTER,
                &[("char", &character.to_string())],
            )),
        }
    }
}

impl PairingCode {
    /// A code from `RANDOM_BYTES` random bytes (the first 60 bits are used).
    pub fn from_random(bytes: [u8; RANDOM_BYTES]) -> PairingCode {
        let bits = u64::from_be_bytes(bytes);
        let code = (0..LENGTH)
            .map(|i| {
                let index = (bits >> (59 - 5 * i as u32)) & 0x1f;
                char::from(ALPHABET[index as usize])
            })
            .collect();
        PairingCode(code)
    }

    /// Reads a code as a person types it: any case, with or without spaces
    /// and dashes between the groups.
    pub fn parse(typed: &str) -> Result<PairingCode, CodeError> {
        let mut code = String::with_capacity(LENGTH);
        for c in typed.chars() {
            if c.is_whitespace() || c == '-' {
                continue;
            }
            let upper = c.to_ascii_uppercase();
            if !upper.is_ascii() || !ALPHABET.contains(&(upper as u8)) {
                return Err(CodeError::Character(c));
            }
            code.push(upper);
        }
        match code.len() {
            0 => Err(CodeError::Empty),
            LENGTH => Ok(PairingCode(code)),
            n => Err(CodeError::Length(n)),
        }
    }

    /// The code as shown and read aloud: "K7QM-4TRX-9HCP".
    pub fn grouped(&self) -> String {
        let groups: Vec<&str> = (0..LENGTH / 4).map(|g| &self.0[g * 4..g * 4 + 4]).collect();
        groups.join("-")
    }

    /// What the key is derived from: the 12 symbols under a label of their
    /// own, so the same characters typed as a passphrase give another key.
    pub fn secret(&self) -> String {
        format!("mend pairing {}", self.0)
    }
}
