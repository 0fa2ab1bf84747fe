//! The sealed box: how Mend writes data encrypted with the user's passphrase.
//!
//! The cryptography itself happens in the browser (WebCrypto: PBKDF2-SHA256
//! to derive a non-extractable AES-256-GCM key, a fresh random IV per write);
//! this module only describes the stored format and checks it, so that the
//! format can be read, validated and fuzzed without a browser.
//!
//! A box carries its own parameters in plain text (format version, cipher,
//! KDF name, iterations and salt), so they can be raised later without
//! stranding anyone's data: a box is always opened with the parameters it
//! names, and re-sealed with the current ones on the next write.
//!
//! Besides the data, a box holds a *check*: a fixed phrase sealed with the
//! same key under its own IV. If the check opens and the data does not, the
//! passphrase was right and the data was altered; if the check does not open,
//! the passphrase is wrong. Without it, AES-GCM cannot tell the two apart.

use serde::{Deserialize, Serialize};

/// The only box format so far.
pub const FORMAT: u32 = 1;
/// The cipher every box uses, as WebCrypto names its parts.
pub const CIPHER: &str = "AES-256-GCM";
/// The key derivation every box uses.
pub const KDF: &str = "PBKDF2-SHA256";
/// What new boxes use. OWASP's 2023 figure for PBKDF2-HMAC-SHA256.
pub const ITERATIONS: u32 = 600_000;
/// Fewer than this is refused: a box claiming it was forged or damaged.
pub const MIN_ITERATIONS: u32 = 600_000;
/// More than this is refused too: deriving would freeze the page for minutes.
pub const MAX_ITERATIONS: u32 = 10_000_000;
pub const SALT_BYTES: usize = 16;
pub const IV_BYTES: usize = 12;
/// AES-GCM appends a 16-byte authentication tag to every ciphertext.
pub const TAG_BYTES: usize = 16;
/// The phrase sealed as the check.
pub const CHECK_PLAINTEXT: &[u8] = b"mend passphrase check";

/// How the key is derived from the passphrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KdfParams {
    pub name: String,
    pub iterations: u32,
    #[serde(with = "base64_bytes")]
    pub salt: Vec<u8>,
}

impl KdfParams {
    /// Parameters for a new passphrase, with a salt the browser drew at random.
    pub fn new(salt: Vec<u8>) -> Self {
        KdfParams {
            name: KDF.to_owned(),
            iterations: ITERATIONS,
            salt,
        }
    }
}

/// One sealed value: everything needed to open it, given the passphrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sealed {
    pub format: u32,
    pub cipher: String,
    pub kdf: KdfParams,
    #[serde(with = "base64_bytes")]
    pub check_iv: Vec<u8>,
    #[serde(with = "base64_bytes")]
    pub check: Vec<u8>,
    #[serde(with = "base64_bytes")]
    pub iv: Vec<u8>,
    #[serde(with = "base64_bytes")]
    pub data: Vec<u8>,
}

/// Why a box cannot even be tried.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealedError {
    #[error("box format {0} is newer than this Mend knows")]
    NewerFormat(u32),
    #[error("box format 0 does not exist")]
    ZeroFormat,
    #[error("unknown cipher {0:?}")]
    Cipher(String),
    #[error("unknown key derivation {0:?}")]
    Kdf(String),
    #[error("{0} iterations is outside {MIN_ITERATIONS}..={MAX_ITERATIONS}")]
    Iterations(u32),
    #[error("{what} is {len} bytes, not {expected}")]
    Length {
        what: &'static str,
        len: usize,
        expected: usize,
    },
    #[error("the ciphertext is shorter than its tag")]
    Short,
}

impl Sealed {
    /// Checks everything that can be checked without the key, so the browser
    /// is never asked to run an unknown cipher or a billion iterations.
    pub fn validate(&self) -> Result<(), SealedError> {
        match self.format {
            0 => return Err(SealedError::ZeroFormat),
            FORMAT => {}
            newer => return Err(SealedError::NewerFormat(newer)),
        }
        if self.cipher != CIPHER {
            return Err(SealedError::Cipher(self.cipher.clone()));
        }
        if self.kdf.name != KDF {
            return Err(SealedError::Kdf(self.kdf.name.clone()));
        }
        if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&self.kdf.iterations) {
            return Err(SealedError::Iterations(self.kdf.iterations));
        }
        let exact = |what, len: usize, expected| {
            (len == expected).then_some(()).ok_or(SealedError::Length {
                what,
                len,
                expected,
            })
        };
        exact("the salt", self.kdf.salt.len(), SALT_BYTES)?;
        exact("the check IV", self.check_iv.len(), IV_BYTES)?;
        exact("the IV", self.iv.len(), IV_BYTES)?;
        exact(
            "the check",
            self.check.len(),
            CHECK_PLAINTEXT.len() + TAG_BYTES,
        )?;
        if self.data.len() < TAG_BYTES {
            return Err(SealedError::Short);
        }
        Ok(())
    }
}

/// Bytes as standard base64 text (with padding) in JSON.
mod base64_bytes {
    use base64::{engine::general_purpose::STANDARD, Engine};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&STANDARD.encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<u8>, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        STANDARD
            .decode(text.as_bytes())
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn sample() -> Sealed {
        Sealed {
            format: FORMAT,
            cipher: CIPHER.into(),
            kdf: KdfParams::new(vec![7; SALT_BYTES]),
            check_iv: vec![1; IV_BYTES],
            check: vec![2; CHECK_PLAINTEXT.len() + TAG_BYTES],
            iv: vec![3; IV_BYTES],
            data: vec![4; 40],
        }
    }

    #[test]
    fn a_box_round_trips_through_json_as_base64() {
        let text = serde_json::to_string(&sample()).unwrap();
        assert!(
            text.contains(r#""salt":"BwcHBwcHBwcHBwcHBwcHBw==""#),
            "{text}"
        );
        let back: Sealed = serde_json::from_str(&text).unwrap();
        assert_eq!(back, sample());
        assert_eq!(back.validate(), Ok(()));
    }

    #[test]
    fn weak_or_unknown_parameters_are_refused_before_any_key_is_derived() {
        let mut weak = sample();
        weak.kdf.iterations = 1_000;
        assert_eq!(weak.validate(), Err(SealedError::Iterations(1_000)));
        let mut huge = sample();
        huge.kdf.iterations = u32::MAX;
        assert_eq!(huge.validate(), Err(SealedError::Iterations(u32::MAX)));
        let mut cipher = sample();
        cipher.cipher = "AES-128-CBC".into();
        assert!(matches!(cipher.validate(), Err(SealedError::Cipher(_))));
        let mut newer = sample();
        newer.format = 2;
        assert_eq!(newer.validate(), Err(SealedError::NewerFormat(2)));
        let mut iv = sample();
        iv.iv.pop();
        assert!(matches!(
            iv.validate(),
            Err(SealedError::Length { what: "the IV", .. })
        ));
        let mut short = sample();
        short.data.truncate(3);
        assert_eq!(short.validate(), Err(SealedError::Short));
    }

    #[test]
    fn text_that_is_not_base64_is_refused_by_the_parser() {
        let text = serde_json::to_string(&sample())
            .unwrap()
            .replace("BwcHBwcHBwcHBwcHBwcHBw==", "not base64!");
        assert!(serde_json::from_str::<Sealed>(&text).is_err());
    }
}
