//! Browser glue for Compare (domain::compare): drawing a pairing code,
//! sealing this person's card and opening the other person's with WebCrypto,
//! and a card that arrived in the address's `#` fragment.
//!
//! The key is derived from the pairing code with the same PBKDF2 setup as
//! the passphrase (crypto.rs), under a fresh salt for every card.

use std::cell::RefCell;

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use wasm_bindgen::JsCast;

use crate::crypto::{random_bytes, Key, OpenError};
use crate::domain::compare::card::{Card, CardError, CardHeader, CARD_ID_BYTES, PREFIX};
use crate::domain::compare::code::{PairingCode, RANDOM_BYTES};
use crate::domain::compare::exchange::OpenPermit;
use crate::domain::compare::sharing::{Chosen, Payload};
use crate::domain::date::CalendarDate;
use crate::domain::guide::Guide;
use crate::i18n::{msg, t, Text};

/// Said when the browser cannot do the cryptography at all.
pub const UNAVAILABLE: Text = msg::compare::UNAVAILABLE;

/// A new code from the browser's random source.
pub fn new_code() -> Result<PairingCode, &'static str> {
    let bytes = random_bytes(RANDOM_BYTES).map_err(|_| t(UNAVAILABLE))?;
    let mut drawn = [0u8; RANDOM_BYTES];
    drawn.copy_from_slice(&bytes);
    Ok(PairingCode::from_random(drawn))
}

/// Seals the answers the user chose for `guide` under `code`: the card,
/// ready to send.
pub async fn seal(
    code: &PairingCode,
    guide: &Guide,
    chosen: &Chosen,
    today: CalendarDate,
) -> Result<Card, &'static str> {
    let card = random_bytes(CARD_ID_BYTES).map_err(|_| t(UNAVAILABLE))?;
    let header = CardHeader {
        guide: guide.id().clone(),
        version: guide.version(),
        card: URL_SAFE_NO_PAD.encode(card),
    };
    let payload = Payload {
        made_on: today,
        answers: chosen.answers().clone(),
    };
    let key = Key::create(&code.secret())
        .await
        .map_err(|_| t(UNAVAILABLE))?;
    let sealed = key
        .seal(&payload.to_bytes(), &header.aad())
        .await
        .map_err(|_| t(UNAVAILABLE))?;
    Ok(Card { header, sealed })
}

/// Why a card did not open: one of the card's messages, or the browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenFailure {
    Card(CardError),
    Unavailable,
}

/// Opens the other person's card, with the exchange's permit for it.
pub async fn open(permit: &OpenPermit, guide: &Guide, card: &Card) -> Result<Payload, OpenFailure> {
    if !permit.is_for(&card.header) {
        return Err(OpenFailure::Card(CardError::Altered));
    }
    let code = permit.code();
    let failed = |error: OpenError| match error {
        OpenError::WrongPassphrase => OpenFailure::Card(CardError::WrongPairing),
        OpenError::Tampered => OpenFailure::Card(CardError::Altered),
        OpenError::Unavailable => OpenFailure::Unavailable,
    };
    let key = Key::for_box(&code.secret(), &card.sealed)
        .await
        .map_err(failed)?;
    let bytes = key
        .open(&card.sealed, &card.header.aad())
        .await
        .map_err(failed)?;
    Payload::read(&bytes, guide).map_err(OpenFailure::Card)
}

thread_local! {
    /// A card that arrived in the address (a scanned QR code's link), kept in
    /// memory only until the Compare page takes it.
    static ARRIVED: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// At start: takes a card out of the address's `#` fragment and removes it
/// from the address bar (and so from the history) at once. The fragment
/// never reaches a server: browsers do not send it.
pub fn take_card_from_address() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let Ok(hash) = location.hash() else {
        return;
    };
    let Some(card) = hash.strip_prefix('#').filter(|h| h.starts_with(PREFIX)) else {
        return;
    };
    ARRIVED.with(|arrived| *arrived.borrow_mut() = Some(card.to_owned()));
    crate::routes::drop_fragment(&window);
}

/// The card that arrived in the address, if any; taken once.
pub fn arrived_card() -> Option<String> {
    ARRIVED.with(|arrived| arrived.borrow_mut().take())
}

/// Whether the browser offers the system share sheet.
pub fn can_share() -> bool {
    web_sys::window()
        .map(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).unwrap_or(false))
        .unwrap_or(false)
}

/// Opens the share sheet with `text` (plain text is what share sheets take).
/// True once the user shared it; false if they closed the sheet or it failed.
pub async fn share(text: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return false;
    };
    let Ok(share) = js_sys::Reflect::get(&navigator, &"share".into()) else {
        return false;
    };
    let Ok(share) = share.dyn_into::<js_sys::Function>() else {
        return false;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"text".into(), &text.into());
    let Ok(promise) = share.call1(&navigator, &data) else {
        return false;
    };
    let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
