//! A guide's words, fetched from its own file the first time one of its
//! pages opens, and kept for the rest of the visit.
//!
//! The file belongs to this build (its name carries a hash of its contents,
//! see build.rs), and what arrives must be the very guide the app holds the
//! outline of, so a stale or damaged file is refused with a message instead
//! of being shown. Native builds have every guide whole and fetch nothing.

use std::cell::RefCell;
use std::collections::BTreeMap;

use crate::domain::guide::{Guide, Library};
use crate::domain::ids::GuideId;
use crate::domain::msg::{shown, Lang};

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
        use crate::domain::msg::{domain as words, t};
        t(match self {
            Self::NoSuchGuide => words::WORDS_NO_SUCH_GUIDE,
            Self::Unreachable => words::WORDS_UNREACHABLE,
            Self::Damaged => words::WORDS_DAMAGED,
        })
    }
}

thread_local! {
    /// Whole guides fetched in this visit, by language. A guide is a few
    /// kilobytes and there are about thirty, so they are kept (leaked) for
    /// the life of the page, which lets every page hold `&'static Guide`.
    static WHOLE: RefCell<BTreeMap<(Lang, GuideId), &'static Guide>> =
        const { RefCell::new(BTreeMap::new()) };
    /// Whole guides as they are asked while danger holds, made once each.
    static WITHOUT_REPAIR: RefCell<BTreeMap<(Lang, GuideId), &'static Guide>> =
        const { RefCell::new(BTreeMap::new()) };
    /// Each other language's outlines (and intake), fetched with its words.
    static OUTLINES: RefCell<Vec<(Lang, &'static Library)>> = const { RefCell::new(Vec::new()) };
}

/// The outlines in the language shown, once fetched (English is built in).
#[cfg(target_arch = "wasm32")]
pub fn shown_outline() -> Option<&'static Library> {
    let lang = shown();
    OUTLINES.with_borrow(|outlines| outlines.iter().find(|(l, _)| *l == lang).map(|(_, o)| *o))
}

/// Fetches `lang`'s outlines and intake, if it has guides of its own and
/// they are not here yet. English needs nothing.
#[cfg(target_arch = "wasm32")]
pub async fn fetch_outline(lang: Lang) -> Result<(), WordsError> {
    let Some((_, file, _)) = super::TRANSLATED
        .iter()
        .find(|(code, _, _)| *code == lang.code())
    else {
        return Ok(());
    };
    if OUTLINES.with_borrow(|outlines| outlines.iter().any(|(l, _)| *l == lang)) {
        return Ok(());
    }
    let text = fetch_text(file).await?;
    let outline: Library = serde_json::from_str(&text).map_err(|_| WordsError::Damaged)?;
    // The same guides, by the same ids, as the English outline.
    let ids = |library: &Library| {
        library
            .guides()
            .iter()
            .map(|g| g.id().clone())
            .collect::<Vec<_>>()
    };
    if ids(&outline) != ids(super::english_outline()) {
        return Err(WordsError::Damaged);
    }
    let outline: &'static Library = Box::leak(Box::new(outline));
    OUTLINES.with_borrow_mut(|outlines| outlines.push((lang, outline)));
    Ok(())
}

/// The file holding guide `id`'s words in the language shown (English if
/// that language has none for it).
fn words_file(id: &GuideId) -> Option<&'static str> {
    let lang = shown();
    super::TRANSLATED
        .iter()
        .find(|(code, _, _)| *code == lang.code())
        .and_then(|(_, _, files)| files.iter().find(|(guide, _)| *guide == id.as_str()))
        .or_else(|| super::WORDS.iter().find(|(guide, _)| *guide == id.as_str()))
        .map(|(_, file)| *file)
}

/// The whole guide `id` if it is already here (embedded, or fetched in this visit).
pub fn words_now(id: &GuideId) -> Option<&'static Guide> {
    let guide = super::library().guide(id)?;
    if !guide.is_outline() {
        return Some(guide);
    }
    WHOLE.with_borrow(|whole| whole.get(&(shown(), id.clone())).copied())
}

/// `guide` (whole) as the user should be asked it now: while danger holds,
/// without the questions that presume repair (`Guide::without_repair`).
pub fn as_asked(guide: &'static Guide, danger: bool) -> &'static Guide {
    if !danger || !guide.has_repair_questions() {
        return guide;
    }
    WITHOUT_REPAIR.with_borrow_mut(|made| {
        *made
            .entry((shown(), guide.id().clone()))
            .or_insert_with(|| Box::leak(Box::new(guide.without_repair())))
    })
}

/// The whole guide `id`, fetched if it is not here yet.
pub async fn words(id: &GuideId) -> Result<&'static Guide, WordsError> {
    if let Some(guide) = words_now(id) {
        return Ok(guide);
    }
    let lang = shown();
    let outline = super::library().guide(id).ok_or(WordsError::NoSuchGuide)?;
    let file = words_file(id).ok_or(WordsError::NoSuchGuide)?;
    let text = fetch_text(file).await?;
    let guide: Guide = serde_json::from_str(&text).map_err(|_| WordsError::Damaged)?;
    if guide.outline() != *outline {
        return Err(WordsError::Damaged);
    }
    let guide: &'static Guide = Box::leak(Box::new(guide));
    Ok(WHOLE.with_borrow_mut(|whole| *whole.entry((lang, id.clone())).or_insert(guide)))
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
