//! The language Mend is shown in, and its words. English is built in; any
//! other language's words are a file fetched the first time it is chosen
//! (and precached, so it works offline after one visit). Views ask for a
//! message by key (`domain::msg`): `t(msg::lock::HEADING)`.
//!
//! Changing language rebuilds the app's pages from the root (`Language`
//! in context), so every view reads its words afresh; the answers are in
//! the store, not in the views, so nothing is lost.

use std::cell::RefCell;

use leptos::prelude::*;

use crate::content::{fetch_outline, fetch_text, WordsError};
pub use crate::domain::msg::{self, fill, shown, t, tf, Counted, Lang, Text};

thread_local! {
    /// Tables fetched so far, kept for the page's life.
    static FETCHED: RefCell<Vec<(Lang, &'static [&'static str])>> = const { RefCell::new(Vec::new()) };
}

/// A message about `count`, in the form the language shown uses for it,
/// with `{count}` written the way that language writes numbers.
#[inline(never)]
pub fn tn(message: Counted, count: u64) -> String {
    fill(
        msg::counted(message, count),
        &[("count", &number(shown(), count))],
    )
}

/// `count` as `lang` writes numbers (the browser's Intl).
fn number(lang: Lang, count: u64) -> String {
    intl_number(lang, count as f64, None).unwrap_or_else(|| count.to_string())
}

/// `value` with one decimal, as the language shown writes it ("1.4" in
/// English, "1,4" in Spanish), by the browser's Intl.
pub fn decimal(value: f64) -> String {
    intl_number(shown(), value, Some(1)).unwrap_or_else(|| format!("{value:.1}"))
}

fn intl_number(lang: Lang, value: f64, fraction_digits: Option<u32>) -> Option<String> {
    let locales = js_sys::Array::of1(&lang.code().into());
    let options = js_sys::Object::new();
    if let Some(digits) = fraction_digits {
        for key in ["minimumFractionDigits", "maximumFractionDigits"] {
            let _ = js_sys::Reflect::set(&options, &key.into(), &f64::from(digits).into());
        }
    }
    let format = js_sys::Intl::NumberFormat::new(&locales, &options).format();
    format
        .call1(&wasm_bindgen::JsValue::NULL, &value.into())
        .ok()
        .and_then(|text| text.as_string())
}

/// A date in full as the language shown writes it ("4 de octubre de
/// 2026"), by the browser's Intl; the domain's own words if Intl fails.
fn long_date(date: crate::domain::date::CalendarDate) -> String {
    let (year, month, day) = (date.year(), date.month(), date.day());
    let utc = js_sys::Date::utc(f64::from(year), f64::from(month) - 1.0);
    let at = js_sys::Date::new(&(utc + (f64::from(day) - 1.0) * 86_400_000.0).into());
    let options = js_sys::Object::new();
    for (key, value) in [
        ("day", "numeric"),
        ("month", "long"),
        ("year", "numeric"),
        ("timeZone", "UTC"),
    ] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let locales = js_sys::Array::of1(&shown().code().into());
    let text = js_sys::Intl::DateTimeFormat::new(&locales, &options)
        .format()
        .call1(&wasm_bindgen::JsValue::NULL, &at)
        .ok()
        .and_then(|text| text.as_string());
    text.unwrap_or_else(|| format!("{day}/{month}/{year}"))
}

/// A message whose `{link}…{/link}` words a view draws as a link: the words
/// before, inside and after, each with `values` filled. With
/// [`around`], the one way a view places something of its own inside a
/// translated sentence, so a translation may move it anywhere.
pub fn with_link(text: Text, values: &[(&str, &str)]) -> [String; 3] {
    let whole = t(text);
    let (before, rest) = whole.split_once("{link}").unwrap_or((whole, ""));
    let (inside, after) = rest.split_once("{/link}").unwrap_or((rest, ""));
    [before, inside, after].map(|part| fill(part, values))
}

/// A message split at `{marker}`, where a view puts something of its own
/// (a link to a page, a number as a `tel:` link): the words before and
/// after, each with `values` filled.
pub fn around(text: Text, marker: &str, values: &[(&str, &str)]) -> [String; 2] {
    let whole = t(text);
    let (before, after) = whole.split_once(marker).unwrap_or((whole, ""));
    [before, after].map(|part| fill(part, values))
}

/// The browser's languages, in the user's order (`navigator.languages`).
pub fn browser_languages() -> Vec<String> {
    window()
        .navigator()
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect()
}

/// The language to start in, before the store opens: the one chosen in
/// Settings (the preferences are never sealed), else the browser's.
pub fn at_start() -> Lang {
    let stored = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(crate::domain::prefs::PREFS_KEY).ok().flatten());
    let browser = browser_languages();
    crate::domain::prefs::Prefs::read(stored.as_deref())
        .language(browser.iter().map(String::as_str))
}

/// Shows `lang`, fetching its words the first time. English needs nothing.
pub async fn show(lang: Lang) -> Result<(), WordsError> {
    let table: &'static [&'static str] = match lang {
        Lang::En => &[],
        _ => match FETCHED.with_borrow(|f| f.iter().find(|(l, _)| *l == lang).map(|(_, t)| *t)) {
            Some(table) => table,
            None => {
                let file = msg::PACKS
                    .iter()
                    .find(|(code, _)| *code == lang.code())
                    .map(|(_, file)| *file)
                    .ok_or(WordsError::NoSuchGuide)?;
                let text = fetch_text(file).await?;
                let table: Vec<String> =
                    serde_json::from_str(&text).map_err(|_| WordsError::Damaged)?;
                if table.len() != msg::COUNT {
                    return Err(WordsError::Damaged);
                }
                // Kept for the page's life, like the guides' words.
                let table: &'static [&'static str] = Box::leak(
                    table
                        .into_iter()
                        .map(|text| &*Box::leak(text.into_boxed_str()))
                        .collect::<Vec<&'static str>>()
                        .into_boxed_slice(),
                );
                FETCHED.with_borrow_mut(|f| f.push((lang, table)));
                table
            }
        },
    };
    // The guides' outlines and intake in that language come with its words.
    fetch_outline(lang).await?;
    msg::show_table(lang, table);
    crate::domain::wording::speak(lang.code());
    crate::domain::date::write_long_dates_with(
        (lang != Lang::En).then_some(long_date as fn(_) -> _),
    );
    document()
        .document_element()
        .map(|html| html.set_attribute("lang", lang.code()));
    Ok(())
}

/// The language the pages are built in, shared through context: the root
/// rebuilds them when it changes.
#[derive(Clone, Copy)]
pub struct Language {
    shown: RwSignal<Lang>,
    /// The language last chosen whose words could not be downloaded.
    failed: RwSignal<Option<Lang>>,
}

impl Language {
    pub fn new() -> Self {
        Language {
            // The language lib.rs showed before mounting the app.
            shown: RwSignal::new(shown()),
            failed: RwSignal::new(None),
        }
    }

    /// The language the pages show; tracked, so the root follows it.
    pub fn get(self) -> Lang {
        self.shown.get()
    }

    /// The language chosen last, if its words could not be downloaded
    /// (offline before the first full visit): Settings says so.
    pub fn failed(self) -> Signal<Option<Lang>> {
        self.failed.into()
    }

    /// Shows `lang` once its words are here. A failed download keeps the
    /// language shown as it is, and [`Language::failed`] says so.
    pub fn choose(self, lang: Lang) {
        // Set only when it changes: Settings' choice follows it.
        if self.failed.get_untracked().is_some() {
            self.failed.set(None);
        }
        if self.shown.get_untracked() == lang && shown() == lang {
            return;
        }
        let (signal, failed) = (self.shown, self.failed);
        wasm_bindgen_futures::spawn_local(async move {
            match show(lang).await {
                Ok(()) => {
                    let _ = signal.try_set(lang);
                }
                Err(_) => {
                    let _ = failed.try_set(Some(lang));
                }
            }
        });
    }
}

impl Default for Language {
    fn default() -> Self {
        Self::new()
    }
}
