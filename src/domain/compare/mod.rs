//! Compare (issue 13, in progress): two people answer a shareable guide on
//! their own devices and exchange sealed answer cards, with no server; the
//! other person's card opens only once this device has sent its own.
//!
//! Built so far, and tested here: the pairing code ([`code`]), the card's
//! text format with every refusal ([`card`]), the exchange and its
//! blind-reveal rule ([`exchange`]) and the side-by-side comparison
//! ([`comparison`]). Not yet built: the guides' `shareable` flag and
//! version, storing exchanges (a new schema), the WebCrypto glue, the
//! pages, the QR link and the e2e tests (see ARCHITECTURE.md).

pub mod card;
pub mod code;
pub mod comparison;
pub mod exchange;
pub mod qr;
pub mod sharing;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
