//! A guide's words, fetched from its own file the first time one of its
//! pages opens, and kept for the rest of the visit.
//!
//! The file belongs to this build (its name carries a hash of its contents,
//! see build.rs), and what arrives must be the very guide the app holds the
//! outline of, so a stale or damaged file is refused with a message instead
//! of being shown. Native builds have every guide whole and fetch nothing.

use std::cell::RefCell;
use std::collections::BTreeMap;

use crate::domain::guide::Guide;
use crate::domain::ids::GuideId;

/// Why a guide's words are not here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WordsError {
    /// No guide has this id (a mistyped address, or a test guide in a
    /// release build).
    NoSuchGuide,
    /// The file could not be downloaded: offline before the first full
    /// visit, or the connection dropped.
    Unreachable,
    /// A file arrived but is not this build's guide.
    Damaged,
}

impl WordsError {
    /// What the person reads, and what they can do.
    pub fn message(&self) -> &'static str {
        match self {
            Self::NoSuchGuide => "There is no guide at this address.",
            Self::Unreachable => {
                "This guide could not be downloaded. Mend keeps every guide on this device \
                 after its first complete visit online; until then it needs a connection. \
                 Check the connection and try again. Your answers are safe."
            }
            Self::Damaged => {
                "This guide's file did not arrive whole, so Mend will not show it. Try \
                 again; if it keeps happening, reload the page. Your answers are safe."
            }
        }
    }
}

thread_local! {
    /// Whole guides fetched in this visit. A guide is a few kilobytes and
    /// there are about thirty, so they are kept (leaked) for the life of the
    /// page, which lets every page hold `&'static Guide` as before.
    static WHOLE: RefCell<BTreeMap<GuideId, &'static Guide>> =
        const { RefCell::new(BTreeMap::new()) };
    /// Whole guides as they are asked while danger holds, made once each.
    static WITHOUT_REPAIR: RefCell<BTreeMap<GuideId, &'static Guide>> =
        const { RefCell::new(BTreeMap::new()) };
}

/// The whole guide `id` if it is already here (embedded, or fetched in this visit).
pub fn words_now(id: &GuideId) -> Option<&'static Guide> {
    let guide = super::library().guide(id)?;
    if !guide.is_outline() {
        return Some(guide);
    }
    WHOLE.with_borrow(|whole| whole.get(id).copied())
}

/// `guide` (whole) as the user should be asked it now: while danger holds,
/// without the questions that presume repair (`Guide::without_repair`).
pub fn as_asked(guide: &'static Guide, danger: bool) -> &'static Guide {
    if !danger || !guide.has_repair_questions() {
        return guide;
    }
    WITHOUT_REPAIR.with_borrow_mut(|made| {
        *made
            .entry(guide.id().clone())
            .or_insert_with(|| Box::leak(Box::new(guide.without_repair())))
    })
}

/// The whole guide `id`, fetched if it is not here yet.
pub async fn words(id: &GuideId) -> Result<&'static Guide, WordsError> {
    if let Some(guide) = words_now(id) {
        return Ok(guide);
    }
    let outline = super::library().guide(id).ok_or(WordsError::NoSuchGuide)?;
    let file = super::WORDS
        .iter()
        .find(|(guide, _)| *guide == id.as_str())
        .map(|(_, file)| *file)
        .ok_or(WordsError::NoSuchGuide)?;
    let text = fetch_text(file).await?;
    let guide: Guide = serde_json::from_str(&text).map_err(|_| WordsError::Damaged)?;
    if guide.outline() != *outline {
        return Err(WordsError::Damaged);
    }
    let guide: &'static Guide = Box::leak(Box::new(guide));
    Ok(WHOLE.with_borrow_mut(|whole| *whole.entry(id.clone()).or_insert(guide)))
}

/// Every whole guide among `ids`, fetched together; the first failure wins.
pub async fn words_for(ids: &[GuideId]) -> Result<Vec<&'static Guide>, WordsError> {
    let mut guides = Vec::with_capacity(ids.len());
    for id in ids {
        guides.push(words(id).await?);
    }
    Ok(guides)
}

/// `file` (relative to the app's base address) as text.
#[cfg(target_arch = "wasm32")]
pub(crate) async fn fetch_text(file: &str) -> Result<String, WordsError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    let window = web_sys::window().ok_or(WordsError::Unreachable)?;
    let response = JsFuture::from(window.fetch_with_str(file))
        .await
        .map_err(|_| WordsError::Unreachable)?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| WordsError::Unreachable)?;
    if !response.ok() {
        return Err(WordsError::Unreachable);
    }
    let text = response.text().map_err(|_| WordsError::Unreachable)?;
    let text = JsFuture::from(text)
        .await
        .map_err(|_| WordsError::Unreachable)?;
    text.as_string().ok_or(WordsError::Damaged)
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) async fn fetch_text(_file: &str) -> Result<String, WordsError> {
    // Native builds hold every guide whole, so `words_now` always answers.
    Err(WordsError::Unreachable)
}
