//! Sealing and opening with the user's passphrase, through the browser's
//! WebCrypto: PBKDF2-SHA256 derives a non-extractable AES-256-GCM key, and
//! every seal draws a fresh 12-byte IV. The format and its checks live in
//! `domain::sealed`; this module only does the cryptography.
//!
//! The derived key never leaves WebCrypto (it is created non-extractable),
//! and Mend keeps it only in memory, in the store, until it locks.

use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

use crate::domain::sealed::{
    KdfParams, Sealed, CHECK_PLAINTEXT, CIPHER, FORMAT, IV_BYTES, SALT_BYTES,
};

/// A key derived from the passphrase, with its parameters and its check
/// (sealed once, copied into every box so a wrong passphrase is recognised).
#[derive(Clone)]
pub struct Key {
    key: CryptoKey,
    kdf: KdfParams,
    check_iv: Vec<u8>,
    check: Vec<u8>,
}

/// Why a box did not open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenError {
    /// The check did not open: another passphrase sealed this.
    WrongPassphrase,
    /// The check opened but the data did not: it was changed or damaged.
    Tampered,
    /// The browser could not do the work at all (no WebCrypto: an insecure
    /// origin or a very old browser).
    Unavailable,
}

/// The passphrase in Unicode normal form C: the same words typed on two
/// keyboards (an accent as one character, or as a letter plus a combining
/// mark) make the same key.
fn normalized(passphrase: &str) -> String {
    String::from(js_sys::JsString::from(passphrase).normalize("NFC"))
}

/// Never prints anything of the key (it cannot: WebCrypto holds it).
impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(..)")
    }
}

/// The store's machine only asks which boxes a key made.
impl crate::domain::store::BoxKey for Key {
    fn made(&self, sealed: &Sealed) -> bool {
        Key::made(self, sealed)
    }
}

impl From<OpenError> for crate::domain::store::UnlockError {
    fn from(error: OpenError) -> Self {
        match error {
            OpenError::WrongPassphrase => Self::WrongPassphrase,
            OpenError::Tampered => Self::Damaged,
            OpenError::Unavailable => Self::Unavailable,
        }
    }
}

impl Key {
    /// Derives a key for a new passphrase, with a fresh random salt.
    pub async fn create(passphrase: &str) -> Result<Key, OpenError> {
        let kdf = KdfParams::new(random_bytes(SALT_BYTES)?);
        let key = derive(&normalized(passphrase), &kdf).await?;
        let check_iv = random_bytes(IV_BYTES)?;
        let check = encrypt(&key, &check_iv, CHECK_PLAINTEXT, None).await?;
        Ok(Key {
            key,
            kdf,
            check_iv,
            check,
        })
    }

    /// Derives the key a box was sealed with from `passphrase`, and proves it
    /// with the box's check before anything is opened.
    pub async fn for_box(passphrase: &str, sealed: &Sealed) -> Result<Key, OpenError> {
        let normal = normalized(passphrase);
        match Self::try_box(&normal, sealed).await {
            // Boxes sealed before passphrases were normalised were made
            // from the text exactly as typed.
            Err(OpenError::WrongPassphrase) if normal != passphrase => {
                Self::try_box(passphrase, sealed).await
            }
            result => result,
        }
    }

    async fn try_box(passphrase: &str, sealed: &Sealed) -> Result<Key, OpenError> {
        let key = derive(passphrase, &sealed.kdf).await?;
        let check = decrypt(&key, &sealed.check_iv, &sealed.check, None)
            .await
            .map_err(|_| OpenError::WrongPassphrase)?;
        if check != CHECK_PLAINTEXT {
            return Err(OpenError::WrongPassphrase);
        }
        Ok(Key {
            key,
            kdf: sealed.kdf.clone(),
            check_iv: sealed.check_iv.clone(),
            check: sealed.check.clone(),
        })
    }

    /// Whether the browser would let anyone read the key out (never: it is
    /// derived non-extractable). For the tests that prove it.
    pub fn extractable(&self) -> bool {
        self.key.extractable()
    }

    /// Whether this key sealed `sealed` (same salt and check), without
    /// running the slow derivation again.
    pub fn made(&self, sealed: &Sealed) -> bool {
        self.kdf == sealed.kdf && self.check == sealed.check && self.check_iv == sealed.check_iv
    }

    /// Seals `plaintext`, bound to `aad`, under a fresh IV.
    pub async fn seal(&self, plaintext: &[u8], aad: &str) -> Result<Sealed, OpenError> {
        let iv = random_bytes(IV_BYTES)?;
        let data = encrypt(&self.key, &iv, plaintext, Some(aad.as_bytes())).await?;
        Ok(Sealed {
            format: FORMAT,
            cipher: CIPHER.to_owned(),
            kdf: self.kdf.clone(),
            check_iv: self.check_iv.clone(),
            check: self.check.clone(),
            iv,
            data,
        })
    }

    /// Opens a box this key made (check it with [`Key::made`] first, or use
    /// [`Key::for_box`]).
    pub async fn open(&self, sealed: &Sealed, aad: &str) -> Result<Vec<u8>, OpenError> {
        if !self.made(sealed) {
            return Err(OpenError::WrongPassphrase);
        }
        decrypt(&self.key, &sealed.iv, &sealed.data, Some(aad.as_bytes()))
            .await
            .map_err(|_| OpenError::Tampered)
    }
}

fn subtle() -> Result<SubtleCrypto, OpenError> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(OpenError::Unavailable)?;
    Ok(crypto.subtle())
}

/// Bytes from the browser's cryptographic random source.
pub fn random_bytes(count: usize) -> Result<Vec<u8>, OpenError> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or(OpenError::Unavailable)?;
    let mut bytes = vec![0; count];
    crypto
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(|_| OpenError::Unavailable)?;
    Ok(bytes)
}

fn usages(names: &[&str]) -> JsValue {
    names
        .iter()
        .map(|name| JsValue::from_str(name))
        .collect::<js_sys::Array>()
        .into()
}

async fn derive(passphrase: &str, kdf: &KdfParams) -> Result<CryptoKey, OpenError> {
    let subtle = subtle()?;
    let unavailable = |_| OpenError::Unavailable;
    let secret = Uint8Array::from(passphrase.as_bytes());
    let base = subtle
        .import_key_with_str("raw", &secret, "PBKDF2", false, &usages(&["deriveKey"]))
        .map_err(unavailable)?;
    let base: CryptoKey = JsFuture::from(base)
        .await
        .map_err(unavailable)?
        .unchecked_into();
    let salt = Uint8Array::from(kdf.salt.as_slice());
    let algorithm = web_sys::Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", kdf.iterations, &salt);
    let target = web_sys::AesDerivedKeyParams::new("AES-GCM", 256);
    // Not extractable: the key can be used, never read out.
    let key = subtle
        .derive_key_with_object_and_object(
            &algorithm,
            &base,
            &target,
            false,
            &usages(&["encrypt", "decrypt"]),
        )
        .map_err(unavailable)?;
    Ok(JsFuture::from(key)
        .await
        .map_err(unavailable)?
        .unchecked_into())
}

fn gcm(iv: &[u8], aad: Option<&[u8]>) -> web_sys::AesGcmParams {
    let params = web_sys::AesGcmParams::new_with_u8_array("AES-GCM", &Uint8Array::from(iv));
    if let Some(aad) = aad {
        params.set_additional_data_u8_array(&Uint8Array::from(aad));
    }
    params
}

async fn encrypt(
    key: &CryptoKey,
    iv: &[u8],
    plaintext: &[u8],
    aad: Option<&[u8]>,
) -> Result<Vec<u8>, OpenError> {
    let promise = subtle()?
        .encrypt_with_object_and_u8_array(&gcm(iv, aad), key, plaintext)
        .map_err(|_| OpenError::Unavailable)?;
    let buffer = JsFuture::from(promise)
        .await
        .map_err(|_| OpenError::Unavailable)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// Fails (with the browser's OperationError) when the key or data is wrong.
async fn decrypt(
    key: &CryptoKey,
    iv: &[u8],
    ciphertext: &[u8],
    aad: Option<&[u8]>,
) -> Result<Vec<u8>, JsValue> {
    let promise = subtle()
        .map_err(|_| JsValue::NULL)?
        .decrypt_with_object_and_u8_array(&gcm(iv, aad), key, ciphertext)?;
    let buffer = JsFuture::from(promise).await?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
