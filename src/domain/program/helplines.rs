//! Helplines as data (content/helplines.toml): which country, which service,
//! how to reach it, what it is for, and where the number was confirmed.
//! A line without a source page and a date is refused, so an unchecked
//! number cannot ship.

use serde::Deserialize;

use crate::domain::date::CalendarDate;
use crate::domain::msg::{self, t, tf};

/// What a line is for. The pages pick lines by purpose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Purpose {
    /// Thoughts of suicide or self-harm.
    Crisis,
    /// Domestic abuse, for anyone experiencing it.
    Abuse,
    /// People who have used abuse and want to stop.
    UsesHarm,
    Men,
    Lgbtq,
    Workplace,
    /// Relay services, so Deaf and hard-of-hearing people can call any line.
    Relay,
}

impl Purpose {
    /// A short phrase for a line's purpose, for its listing.
    pub fn label(self) -> &'static str {
        match self {
            Purpose::Crisis => t(msg::domain::PURPOSE_CRISIS),
            Purpose::Abuse => t(msg::domain::PURPOSE_ABUSE),
            Purpose::UsesHarm => t(msg::domain::PURPOSE_USES_HARM),
            Purpose::Men => t(msg::domain::PURPOSE_MEN),
            Purpose::Lgbtq => t(msg::domain::PURPOSE_LGBTQ),
            Purpose::Workplace => t(msg::domain::PURPOSE_WORKPLACE),
            Purpose::Relay => t(msg::domain::PURPOSE_RELAY),
        }
    }
}

/// The code of the entry for everywhere else (an international directory).
pub const INTERNATIONAL: &str = "INTL";

/// The languages a line may say it answers in (the primary subtag of a
/// BCP 47 tag), with their English names (as content/helplines.toml writes
/// an `audience`). A line naming a language not here is refused, so every
/// tag can be written; add the language here, and its name in the language
/// shown to [`shown_language_name`], to use it.
pub const LANGUAGE_NAMES: &[(&str, &str)] = &[
    ("en", "English"),
    ("es", "Spanish"),
    ("fr", "French"),
    ("ga", "Irish"),
    ("mi", "Māori"),
    // Sign languages: American Sign Language and Langue des signes québécoise.
    ("ase", "ASL"),
    ("fcs", "LSQ"),
];

/// The primary subtag of a language tag, lower-cased: "es-MX" → "es".
fn primary(tag: &str) -> String {
    tag.trim()
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// A language's name in the language shown, as a line's tag shows it
/// ("Also in Spanish"), from its primary subtag and English name.
fn shown_language_name(code: &str, english: &'static str) -> &'static str {
    let name = match code {
        "en" => msg::domain::LANG_EN,
        "es" => msg::domain::LANG_ES,
        "fr" => msg::domain::LANG_FR,
        "ga" => msg::domain::LANG_GA,
        "mi" => msg::domain::LANG_MI,
        "ase" => msg::domain::LANG_ASE,
        "fcs" => msg::domain::LANG_FCS,
        _ => return english,
    };
    t(name)
}

/// The English name of a language tag's primary subtag, if Mend has one.
pub fn language_name(tag: &str) -> Option<&'static str> {
    let code = primary(tag);
    LANGUAGE_NAMES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, name)| *name)
}

/// Whether `tag` looks like a BCP 47 language tag: a primary subtag of two
/// or three lower-case letters, then optional subtags of 2 to 8 letters or
/// digits ("en", "es-MX", "es-419").
pub fn looks_like_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or_default();
    (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// "Spanish", "French and Spanish", "English, French and Spanish", in the
/// language shown.
fn names_list(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => {
            // Spanish writes "e" for "y" before an "i" sound ("francés e
            // inglés"); the catalog gives each language its own form.
            let and = if starts_with_i_sound(last) {
                msg::domain::NAMES_AND_I
            } else {
                msg::domain::NAMES_AND
            };
            tf(and, &[("names", &rest.join(", ")), ("last", last)])
        }
    }
}

/// Whether a word starts with an "i" sound: "i", "í", or "hi" not before
/// another vowel ("hielo" starts with a "ye" sound).
fn starts_with_i_sound(word: &str) -> bool {
    let lower = word.to_lowercase();
    let vowel = |c: char| "aeiouáéíóú".contains(c);
    lower.starts_with(['i', 'í'])
        || ["hi", "hí"].iter().any(|h| {
            lower
                .strip_prefix(*h)
                .is_some_and(|rest| !rest.starts_with(vowel))
        })
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    pub code: String,
    pub name: String,
    pub emergency: String,
    #[serde(default)]
    pub emergency_source: Option<String>,
    #[serde(default)]
    pub emergency_checked: Option<String>,
    #[serde(default)]
    pub languages: Vec<String>,
    /// What to do when calling the emergency number but unable to speak
    /// (the UK's "Silent Solution"), confirmed on `emergency_source`.
    #[serde(default)]
    pub silent_call: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    pub country: String,
    pub service: String,
    #[serde(rename = "for")]
    pub purposes: Vec<Purpose>,
    /// The number as people say it, e.g. "800-799-SAFE (7233)".
    #[serde(default)]
    pub call: Option<String>,
    /// Digits (and a leading +) for the phone to dial, when `call` has
    /// letters or words in it.
    #[serde(default)]
    pub dial: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub web: Option<String>,
    #[serde(default)]
    pub hours: Option<String>,
    /// `text` and `hours` in Spanish, shown when Mend is: the same facts
    /// in the reader's words (each needs its English beside it).
    #[serde(default)]
    pub text_es: Option<String>,
    #[serde(default)]
    pub hours_es: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// Who the line is for, when narrower than everyone ("Women only",
    /// "In French and English"), shown as a tag beside it.
    #[serde(default)]
    pub audience: Option<String>,
    /// The languages the line answers in, as BCP 47 tags ("en", "es").
    /// Required: [`Helplines::from_json`] refuses a line with none.
    #[serde(default)]
    pub languages: Vec<String>,
    /// The page where the number was confirmed.
    pub source: String,
    /// When it was read (yyyy-mm-dd).
    pub checked: String,
}

impl Line {
    /// How to text the line, in `lang` where the data has it.
    pub fn text_in(&self, lang: &str) -> Option<&str> {
        match primary(lang).as_str() {
            "es" => self.text_es.as_deref().or(self.text.as_deref()),
            _ => self.text.as_deref(),
        }
    }

    /// When the line answers, in `lang` where the data has it.
    pub fn hours_in(&self, lang: &str) -> Option<&str> {
        match primary(lang).as_str() {
            "es" => self.hours_es.as_deref().or(self.hours.as_deref()),
            _ => self.hours.as_deref(),
        }
    }

    /// Whether the line answers in `lang` (compared by primary subtag, so
    /// "es-MX" matches a line that answers in "es").
    pub fn answers_in(&self, lang: &str) -> bool {
        let lang = primary(lang);
        !lang.is_empty() && self.languages.iter().any(|l| primary(l) == lang)
    }

    /// A short tag for a page in `page` (a language tag) when the line
    /// answers in other languages: "Also in Spanish" when it answers in the
    /// page's language too, "In Spanish" when it does not. None when it
    /// answers only in the page's language, or when `audience` already
    /// names one of those languages ("In French and English"), so the two
    /// tags never say the same thing. The words are in the language shown;
    /// `audience` is compared in English, the language of
    /// content/helplines.toml.
    pub fn language_tag(&self, page: &str) -> Option<String> {
        let page = primary(page);
        // Each other language: its English name and its name as shown.
        let mut others: Vec<(&str, &str)> = Vec::new();
        for lang in &self.languages {
            let code = primary(lang);
            if code != page {
                let name = language_name(lang)?;
                if !others.iter().any(|(english, _)| *english == name) {
                    others.push((name, shown_language_name(&code, name)));
                }
            }
        }
        if others.is_empty() {
            return None;
        }
        if let Some(audience) = &self.audience {
            if others.iter().any(|(english, _)| audience.contains(english)) {
                return None;
            }
        }
        let shown: Vec<&str> = others.iter().map(|(_, name)| *name).collect();
        let names = names_list(&shown);
        Some(if self.answers_in(&page) {
            tf(msg::domain::ALSO_IN, &[("names", &names)])
        } else {
            tf(msg::domain::ONLY_IN, &[("names", &names)])
        })
    }
}

impl Country {
    /// The country's name in the language shown: the catalog's, else the
    /// name content/helplines.toml gives (a test holds the English equal).
    pub fn shown_name(&self) -> &str {
        let key = match self.code.as_str() {
            "US" => msg::domain::COUNTRY_US,
            "CA" => msg::domain::COUNTRY_CA,
            "GB" => msg::domain::COUNTRY_GB,
            "IE" => msg::domain::COUNTRY_IE,
            "AU" => msg::domain::COUNTRY_AU,
            "NZ" => msg::domain::COUNTRY_NZ,
            "ES" => msg::domain::COUNTRY_ES,
            "MX" => msg::domain::COUNTRY_MX,
            _ => return &self.name,
        };
        t(key)
    }
}

/// A country as the build writes it into the app (see [`Helplines::from_data`]).
#[derive(Debug, Clone, Copy)]
pub struct CountryData {
    pub code: &'static str,
    pub name: &'static str,
    pub emergency: &'static str,
    pub emergency_source: Option<&'static str>,
    pub emergency_checked: Option<&'static str>,
    pub languages: &'static [&'static str],
    pub silent_call: Option<&'static str>,
}

/// A line as the build writes it into the app (see [`Helplines::from_data`]).
#[derive(Debug, Clone, Copy)]
pub struct LineData {
    pub country: &'static str,
    pub service: &'static str,
    pub purposes: &'static [Purpose],
    pub call: Option<&'static str>,
    pub dial: Option<&'static str>,
    pub text: Option<&'static str>,
    pub web: Option<&'static str>,
    pub hours: Option<&'static str>,
    pub text_es: Option<&'static str>,
    pub hours_es: Option<&'static str>,
    pub note: Option<&'static str>,
    pub audience: Option<&'static str>,
    pub languages: &'static [&'static str],
    pub source: &'static str,
    pub checked: &'static str,
}

/// The checked helpline data.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Helplines {
    pub countries: Vec<Country>,
    pub lines: Vec<Line>,
}

impl Helplines {
    /// content/helplines.toml as the build wrote it into the app, as
    /// constants (no parser in the app). The content tests read the same
    /// file through [`Helplines::from_json`], which checks every line, and
    /// prove both say the same.
    pub fn from_data(countries: &[CountryData], lines: &[LineData]) -> Self {
        let text = |s: &str| s.to_owned();
        let maybe = |s: Option<&str>| s.map(str::to_owned);
        Helplines {
            countries: countries
                .iter()
                .map(|c| Country {
                    code: text(c.code),
                    name: text(c.name),
                    emergency: text(c.emergency),
                    emergency_source: maybe(c.emergency_source),
                    emergency_checked: maybe(c.emergency_checked),
                    languages: c.languages.iter().map(|l| text(l)).collect(),
                    silent_call: maybe(c.silent_call),
                })
                .collect(),
            lines: lines
                .iter()
                .map(|l| Line {
                    country: text(l.country),
                    service: text(l.service),
                    purposes: l.purposes.to_vec(),
                    call: maybe(l.call),
                    dial: maybe(l.dial),
                    text: maybe(l.text),
                    web: maybe(l.web),
                    hours: maybe(l.hours),
                    text_es: maybe(l.text_es),
                    hours_es: maybe(l.hours_es),
                    note: maybe(l.note),
                    audience: maybe(l.audience),
                    languages: l.languages.iter().map(|g| text(g)).collect(),
                    source: text(l.source),
                    checked: text(l.checked),
                })
                .collect(),
        }
    }

    /// Reads and checks the file; every problem is reported.
    pub fn from_json(json: &str) -> Result<Self, Vec<String>> {
        let data: Helplines = serde_json::from_str(json)
            .map_err(|e| vec![format!("content/helplines.toml could not be read: {e}")])?;
        let mut problems = Vec::new();
        let https = |s: &str| s.starts_with("https://") && s.len() > "https://".len() + 3;
        for country in &data.countries {
            if data
                .countries
                .iter()
                .filter(|c| c.code == country.code)
                .count()
                > 1
            {
                problems.push(format!("country {} is listed twice", country.code));
            }
            if country.emergency.trim().is_empty() {
                problems.push(format!("country {} has no emergency number", country.code));
            }
            for tag in &country.languages {
                if !looks_like_language_tag(tag) {
                    problems.push(format!(
                        "country {}: `languages` has {tag:?}, which is not a language tag like \"en-GB\"",
                        country.code
                    ));
                }
            }
        }
        for line in &data.lines {
            let at = format!("line `{}` ({})", line.service, line.country);
            if line.country != INTERNATIONAL && data.country(&line.country).is_none() {
                problems.push(format!("{at}: no country {}", line.country));
            }
            if line.purposes.is_empty() {
                problems.push(format!("{at}: `for` is empty"));
            }
            if line.languages.is_empty() {
                problems.push(format!(
                    "{at}: `languages` is missing or empty (the languages the line answers in, e.g. [\"en\"])"
                ));
            }
            for (i, tag) in line.languages.iter().enumerate() {
                if !looks_like_language_tag(tag) {
                    problems.push(format!(
                        "{at}: `languages` has {tag:?}, which is not a language tag like \"en\" or \"es\""
                    ));
                } else if language_name(tag).is_none() {
                    problems.push(format!(
                        "{at}: `languages` has {tag:?}, which Mend has no name for (add it to LANGUAGE_NAMES)"
                    ));
                }
                if line.languages[..i]
                    .iter()
                    .any(|t| primary(t) == primary(tag))
                {
                    problems.push(format!("{at}: `languages` lists {tag:?} twice"));
                }
            }
            // A translation says the same as its English: never on its own.
            for (field, english, spanish) in [
                ("text", &line.text, &line.text_es),
                ("hours", &line.hours, &line.hours_es),
            ] {
                if spanish.is_some() && english.is_none() {
                    problems.push(format!("{at}: `{field}_es` has no `{field}` to translate"));
                }
            }
            if let Some(call) = &line.call {
                let has_letters = call.chars().any(|c| c.is_ascii_alphabetic());
                if has_letters && line.dial.is_none() {
                    problems.push(format!(
                        "{at}: `call` has letters, so give `dial` too (digits a phone can dial)"
                    ));
                }
            }
            if let Some(dial) = &line.dial {
                let digits = dial.strip_prefix('+').unwrap_or(dial);
                if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
                    problems.push(format!("{at}: `dial` may hold only digits and a leading +"));
                }
            }
            if line.call.is_none() && line.text.is_none() && line.web.is_none() {
                problems.push(format!("{at}: no number, text or web address"));
            }
            if !(https(&line.source) || line.source.starts_with("http://")) {
                problems.push(format!(
                    "{at}: `source` must be the address of the page where the number was confirmed"
                ));
            }
            if line.checked.parse::<CalendarDate>().is_err() {
                problems.push(format!("{at}: `checked` must be a date like 2026-12-02"));
            }
            if line.web.as_deref().is_some_and(|w| !https(w)) {
                problems.push(format!("{at}: `web` must be an https:// address"));
            }
        }
        if !data.lines.iter().any(|l| l.country == INTERNATIONAL) {
            problems.push("there is no line for everywhere else (country = \"INTL\")".to_owned());
        }
        if problems.is_empty() {
            Ok(data)
        } else {
            Err(problems
                .into_iter()
                .map(|p| format!("content/helplines.toml: {p}"))
                .collect())
        }
    }

    pub fn country(&self, code: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.code == code)
    }

    /// The country a browser language points to (`en-GB` → GB), if any:
    /// an exact tag first, then the region part of the tag. A bare language
    /// ("es") has no region and picks no country, even where its code is
    /// also a country's ("es" is not Spain).
    pub fn country_for_language(&self, tag: &str) -> Option<&Country> {
        let tag = tag.trim();
        self.countries
            .iter()
            .find(|c| c.languages.iter().any(|l| l.eq_ignore_ascii_case(tag)))
            .or_else(|| {
                let region = tag
                    .split(['-', '_'])
                    .skip(1)
                    .filter(|r| r.len() == 2 && r.chars().all(|c| c.is_ascii_alphabetic()))
                    .last()?;
                self.country(&region.to_ascii_uppercase())
            })
    }

    /// Lines of `country` for any of `purposes`, in file order.
    pub fn lines_for<'h>(&'h self, country: &str, purposes: &[Purpose]) -> Vec<&'h Line> {
        self.lines
            .iter()
            .filter(|l| l.country == country)
            .filter(|l| l.purposes.iter().any(|p| purposes.contains(p)))
            .collect()
    }

    /// Lines of `country` for any of `purposes`, those that answer in
    /// `lang` first ("es" puts the lines that answer in Spanish at the
    /// top); otherwise in file order, which is kept within each group.
    pub fn lines_for_language<'h>(
        &'h self,
        country: &str,
        purposes: &[Purpose],
        lang: &str,
    ) -> Vec<&'h Line> {
        let mut lines = self.lines_for(country, purposes);
        // A stable sort: false (answers in `lang`) before true.
        lines.sort_by_key(|l| !l.answers_in(lang));
        lines
    }

    /// What a phone dials for `line`: `dial` if given, else the digits of
    /// `call` (a leading + kept).
    pub fn dial_for(line: &Line) -> Option<String> {
        line.dial.clone().or_else(|| {
            line.call.as_ref().map(|call| {
                call.chars()
                    .enumerate()
                    .filter(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '+'))
                    .map(|(_, c)| c)
                    .collect()
            })
        })
    }

    /// The directory for everywhere else.
    pub fn international(&self) -> Vec<&Line> {
        self.lines
            .iter()
            .filter(|l| l.country == INTERNATIONAL)
            .collect()
    }
}
