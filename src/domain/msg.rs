//! The interface's words, by key. Each key carries its English words (no
//! table to look English up in) and its index in every other language's
//! table, a file
//! the app fetches when someone chooses that language ([`PACKS`]). The build
//! writes the keys from content/i18n/en/*.toml (one module per file, one
//! constant per message) and refuses a translation with a missing, extra or
//! differently shaped message, or other placeholders, naming the file and
//! the key. The domain hands out keys; the app looks them up in the
//! language shown (`crate::i18n`).

/// A message: one text. A key is a reference to its definition, so each
/// of the hundreds of places that show a message passes one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Text(&'static TextDef);

/// Where a text sits in every other language's table, and its English.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct TextDef {
    index: u32,
    en: &'static str,
}

/// A message about a count: its forms (`one`, `other`) sit side by side in
/// every table, `{count}` in them is the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Counted(&'static CountedDef);

/// Where a counted message's forms sit, and its English forms.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct CountedDef {
    index: u32,
    en: [&'static str; 2],
}

impl TextDef {
    const fn new(index: u32, en: &'static str) -> Self {
        TextDef { index, en }
    }
}

impl CountedDef {
    const fn new(index: u32, en: [&'static str; 2]) -> Self {
        CountedDef { index, en }
    }
}

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

impl Text {
    const fn new(def: &'static TextDef) -> Self {
        Text(def)
    }

    /// Where the message sits in each other language's table.
    pub fn index(self) -> usize {
        self.0.index as usize
    }

    /// The English words.
    pub fn en(self) -> &'static str {
        self.0.en
    }
}

impl Counted {
    const fn new(def: &'static CountedDef) -> Self {
        Counted(def)
    }

    /// Where the form `lang` uses for `count` sits in each other table.
    pub fn index(self, lang: Lang, count: u64) -> usize {
        self.0.index as usize + lang.plural_form(count)
    }

    /// The English form for `count`, placeholders unfilled.
    pub fn en(self, count: u64) -> &'static str {
        self.0.en[Lang::En.plural_form(count)]
    }
}

/// A language Mend speaks (stored with the settings by its code).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Es,
    /// The pseudo-locale of test builds (MEND_PSEUDO=1): English accented
    /// and 40% longer, to find words left out of the catalogs and labels a
    /// longer language would cut off. Never in a shipped build.
    #[cfg(mend_pseudo)]
    #[serde(rename = "en-XA")]
    Qps,
}

impl Lang {
    #[cfg(not(mend_pseudo))]
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];
    #[cfg(mend_pseudo)]
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Es, Lang::Qps];

    /// Its BCP 47 code, as `<html lang>` and the stored settings have it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            #[cfg(mend_pseudo)]
            Lang::Qps => "en-XA",
        }
    }

    /// Its name in its own words, as the choice in Settings shows it.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
            #[cfg(mend_pseudo)]
            Lang::Qps => "Pseudo",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|lang| lang.code() == code)
    }

    /// The first of the browser's languages (`navigator.languages`, in the
    /// user's order) that Mend speaks; English if none.
    pub fn from_browser<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter()
            .find_map(|tag| {
                let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
                Lang::from_code(&primary)
            })
            .unwrap_or_default()
    }

    /// Which form of a counted message this language uses for `count`:
    /// 0 for `one`, 1 for `other`. English and Spanish both say "one" of
    /// exactly one and use the other form for everything else, zero too.
    pub fn plural_form(self, count: u64) -> usize {
        match count {
            1 => 0,
            _ => 1,
        }
    }

    /// The table of this language's messages, in native builds (tests).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn table(self) -> &'static [&'static str] {
        match self {
            Lang::En => EN,
            lang => TABLES
                .iter()
                .find(|(code, _)| *code == lang.code())
                .map(|(_, table)| *table)
                .unwrap_or(EN),
        }
    }
}

thread_local! {
    /// The language shown and its table (empty for English: each key
    /// carries its English words). Set by the app when it shows a language;
    /// the domain's own messages (notices, errors) read it too.
    static SHOWN: std::cell::Cell<(Lang, &'static [&'static str])> =
        const { std::cell::Cell::new((Lang::En, &[])) };
}

/// Shows `lang` from now on, with its table (every message, in the
/// build's order; see `crate::i18n::show`, which fetches it).
pub fn show_table(lang: Lang, table: &'static [&'static str]) {
    SHOWN.set((lang, table));
}

/// The language shown.
pub fn shown() -> Lang {
    SHOWN.get().0
}

/// A message in the language shown.
// Called from every screen: one copy, not one per call.
#[inline(never)]
pub fn t(text: Text) -> &'static str {
    let (_, table) = SHOWN.get();
    // A table has every message (the build and the loader check its
    // length); English is the fallback should one ever not.
    table.get(text.index()).copied().unwrap_or(text.en())
}

/// A message with its `{placeholders}` filled.
// Called from every screen: one copy, not one per call.
#[inline(never)]
pub fn tf(text: Text, values: &[(&str, &str)]) -> String {
    fill(t(text), values)
}

/// The form of a counted message the language shown uses for `count`,
/// placeholders unfilled.
// Called from every screen: one copy, not one per call.
#[inline(never)]
pub fn counted(message: Counted, count: u64) -> &'static str {
    let (lang, table) = SHOWN.get();
    match lang {
        Lang::En => message.en(count),
        _ => table
            .get(message.index(lang, count))
            .copied()
            .unwrap_or(message.en(count)),
    }
}

/// `text` with each `{name}` replaced by its value (`{{` and `}}` are
/// braces). A placeholder with no value is left as it is, so a mistake
/// shows rather than vanishes; the build checks every translation has the
/// English message's placeholders.
// Called from every screen: one copy, not one per call.
#[inline(never)]
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find(['{', '}']) {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        if let (true, Some(end)) = (tail.starts_with('{'), tail.find('}')) {
            let name = &tail[1..end];
            match values.iter().find(|(key, _)| *key == name) {
                Some((_, value)) => out.push_str(value),
                None => out.push_str(&tail[..=end]),
            }
            rest = &tail[end + 1..];
        } else {
            out.push_str(&tail[..1]);
            rest = &tail[1..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_and_braces_kept() {
        assert_eq!(fill("Hello {name}!", &[("name", "Ana")]), "Hello Ana!");
        assert_eq!(fill("{{literal}} {n}", &[("n", "3")]), "{literal} 3");
        assert_eq!(fill("{missing} stays", &[]), "{missing} stays");
        assert_eq!(fill("ünïcödé {x}", &[("x", "ñ")]), "ünïcödé ñ");
    }

    #[test]
    fn the_browser_s_first_language_mend_speaks_is_chosen() {
        assert_eq!(Lang::from_browser(["es-MX", "en-US"]), Lang::Es);
        assert_eq!(Lang::from_browser(["fr-FR", "es"]), Lang::Es);
        assert_eq!(Lang::from_browser(["en-GB", "es-ES"]), Lang::En);
        assert_eq!(Lang::from_browser(["de", "fr"]), Lang::En);
        assert_eq!(Lang::from_browser([]), Lang::En);
    }

    #[test]
    fn every_language_has_every_message() {
        for lang in Lang::ALL {
            assert_eq!(lang.table().len(), EN.len(), "{lang:?}");
            assert!(
                lang.table().iter().all(|text| !text.trim().is_empty()),
                "{lang:?}"
            );
        }
        assert_eq!(lock::HEADING.en(), "Mend is locked");
        assert_eq!(
            Lang::Es.table()[lock::HEADING.index()],
            "Mend está bloqueado"
        );
    }

    #[test]
    fn one_and_everything_else_take_their_own_forms() {
        assert_eq!(Lang::En.plural_form(1), 0);
        assert_eq!(Lang::En.plural_form(0), 1);
        assert_eq!(Lang::Es.plural_form(2), 1);
    }
}
