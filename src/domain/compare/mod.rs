//! Compare: two people answer a shareable guide on their own devices and
//! exchange sealed answer cards, with no server; the other person's card
//! opens only once this device has sent its own.
//!
//! Here, in plain Rust: the pairing code ([`code`]), the card's text format
//! with every refusal ([`card`]), which guides and answers may travel and
//! what a card holds ([`sharing`]), the exchange and its blind-reveal rule
//! ([`exchange`]), the side-by-side comparison ([`comparison`]) and the QR
//! code of a card's link ([`qr`]). The WebCrypto sealing is in the glue
//! (`src/compare.rs`), the pages in `pages/compare.rs`.

pub mod card;
pub mod code;
pub mod comparison;
pub mod exchange;
pub mod qr;
pub mod sharing;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
