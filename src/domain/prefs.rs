//! Settings that must work before the passphrase is entered: when to lock,
//! and where Quick exit goes. Kept in their own small key, in plain text, so
//! the lock screen's Quick exit goes to the user's chosen site too. Nothing
//! here is something the user wrote about their relationship.

use serde::{Deserialize, Serialize};

use crate::domain::msg::{self, t, Lang};

/// Where the settings are stored (under Mend's prefix, so "erase everything"
/// removes them too).
pub const PREFS_KEY: &str = "mend.prefs";

/// The idle times offered, in minutes.
pub const AUTO_LOCK_CHOICES: [u32; 6] = [1, 5, 10, 15, 30, 60];
pub const DEFAULT_AUTO_LOCK_MINUTES: u32 = 10;
/// A page nobody would look at twice.
pub const DEFAULT_EXIT_URL: &str = "https://www.bbc.com/weather";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    /// Lock after this many minutes without use, or hidden for as long.
    pub auto_lock_minutes: u32,
    /// Where Quick exit takes the tab.
    pub exit_url: String,
    /// The country whose helplines the Safety, Right now and stopping-harm
    /// pages show (a code in content/helplines.toml); unset until chosen, then
    /// the browser's language decides.
    pub country: Option<String>,
    /// Whether the browser tab says "Notes" instead of the page or guide
    /// name. Unset until the user chooses: then it follows the passphrase
    /// (see [`Prefs::neutral_title`]). Settings saved before this existed
    /// read as unset.
    pub neutral_title: Option<bool>,
    /// The language Mend is shown in. Unset until chosen: then the
    /// browser's languages decide ([`Lang::from_browser`]).
    pub language: Option<Lang>,
}

/// The tab title shown while the neutral title is on ("Notes"), in the
/// language shown.
pub fn neutral_title() -> &'static str {
    t(msg::domain::NEUTRAL_TITLE)
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            auto_lock_minutes: DEFAULT_AUTO_LOCK_MINUTES,
            exit_url: DEFAULT_EXIT_URL.to_owned(),
            country: None,
            neutral_title: None,
            language: None,
        }
    }
}

impl Prefs {
    /// Reads the stored settings. Anything unreadable falls back to the
    /// default, value by value: one bad field never resets the others, and
    /// a broken setting must never stand between the user and Quick exit.
    pub fn read(stored: Option<&str>) -> Prefs {
        let mut prefs = Prefs::default();
        let Some(fields) = stored
            .and_then(|text| serde_json::from_str::<serde_json::Value>(text).ok())
            .and_then(|value| value.as_object().cloned())
        else {
            return prefs;
        };
        if let Some(minutes) = fields
            .get("auto_lock_minutes")
            .and_then(serde_json::Value::as_u64)
            .and_then(|m| u32::try_from(m).ok())
            .filter(|m| AUTO_LOCK_CHOICES.contains(m))
        {
            prefs.auto_lock_minutes = minutes;
        }
        if let Some(url) = fields
            .get("exit_url")
            .and_then(serde_json::Value::as_str)
            .and_then(|url| exit_url(url).ok())
        {
            prefs.exit_url = url;
        }
        prefs.country = fields
            .get("country")
            .and_then(serde_json::Value::as_str)
            .filter(|code| code.len() == 2 && code.chars().all(|c| c.is_ascii_uppercase()))
            .map(str::to_owned);
        prefs.neutral_title = fields
            .get("neutral_title")
            .and_then(serde_json::Value::as_bool);
        prefs.language = fields
            .get("language")
            .and_then(serde_json::Value::as_str)
            .and_then(Lang::from_code);
        prefs
    }

    /// The language to show: as chosen, else the first of the browser's
    /// languages Mend speaks.
    pub fn language<'a>(&self, browser: impl IntoIterator<Item = &'a str>) -> Lang {
        self.language.unwrap_or_else(|| Lang::from_browser(browser))
    }

    /// Whether the tab title is neutral: as chosen, or, until the user
    /// chooses, whenever a passphrase protects the data (someone who set
    /// one is guarding against a person who may glance at the screen) or
    /// an answer shows danger (someone who is afraid may have their phone
    /// checked; the Safety page says the title changed).
    pub fn neutral_title(&self, protected: bool, danger: bool) -> bool {
        self.neutral_title.unwrap_or(protected || danger)
    }

    pub fn write(&self) -> String {
        serde_json::to_string(self).expect("settings always serialize")
    }
}

/// Checks an address typed for Quick exit. Only `https://` addresses of a
/// real-looking host are accepted: anything else could fail to load and
/// leave Mend's page showing, or run script.
pub fn exit_url(text: &str) -> Result<String, &'static str> {
    let text = text.trim();
    let with_scheme = if text.contains("://") {
        text.to_owned()
    } else {
        format!("https://{text}")
    };
    let Some(rest) = with_scheme.strip_prefix("https://") else {
        return Err(t(msg::domain::EXIT_NEEDS_HTTPS));
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let plausible = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
    if !plausible || with_scheme.chars().any(char::is_whitespace) {
        return Err(t(msg::domain::EXIT_NOT_ADDRESS));
    }
    Ok(with_scheme)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_language_is_read_on_its_own_and_the_browser_decides_until_chosen() {
        let chosen = Prefs::read(Some(r#"{"auto_lock_minutes":5,"language":"es"}"#));
        assert_eq!(chosen.language, Some(Lang::Es));
        assert_eq!(chosen.auto_lock_minutes, 5);
        assert_eq!(chosen.language(["en-US"]), Lang::Es);
        // Unknown or broken: unset, and nothing else is lost.
        let odd = Prefs::read(Some(r#"{"auto_lock_minutes":5,"language":"klingon"}"#));
        assert_eq!(odd.language, None);
        assert_eq!(odd.auto_lock_minutes, 5);
        assert_eq!(odd.language(["es-MX", "en"]), Lang::Es);
        assert_eq!(Prefs::default().language(["fr"]), Lang::En);
        // Written and read back.
        let written = Prefs {
            language: Some(Lang::Es),
            ..Prefs::default()
        }
        .write();
        assert!(written.contains(r#""language":"es""#), "{written}");
        assert_eq!(Prefs::read(Some(&written)).language, Some(Lang::Es));
    }

    #[test]
    fn the_neutral_tab_title_follows_the_passphrase_until_the_user_chooses() {
        // Settings saved before the option existed.
        let old = Prefs::read(Some(
            r#"{"auto_lock_minutes":5,"exit_url":"https://example.org/","country":"GB"}"#,
        ));
        assert_eq!(old.neutral_title, None);
        assert_eq!(old.auto_lock_minutes, 5, "nothing else changes");
        assert!(!old.neutral_title(false, false));
        assert!(
            old.neutral_title(true, false),
            "on by default with a passphrase"
        );
        assert!(
            old.neutral_title(false, true),
            "on by default while danger holds"
        );

        let off = Prefs {
            neutral_title: Some(false),
            ..Prefs::default()
        };
        assert!(!Prefs::read(Some(&off.write())).neutral_title(true, true));
        let on = Prefs {
            neutral_title: Some(true),
            ..Prefs::default()
        };
        assert!(Prefs::read(Some(&on.write())).neutral_title(false, false));
        assert_eq!(
            Prefs::read(Some(r#"{"neutral_title":"yes"}"#)).neutral_title,
            None,
            "a broken value is unset, not a reset of everything"
        );
    }

    #[test]
    fn missing_or_broken_settings_give_the_defaults() {
        assert_eq!(Prefs::read(None), Prefs::default());
        assert_eq!(Prefs::read(Some("{not json")), Prefs::default());
        let odd = Prefs::read(Some(
            r#"{"auto_lock_minutes":7,"exit_url":"javascript:alert(1)"}"#,
        ));
        assert_eq!(odd, Prefs::default());
    }

    #[test]
    fn chosen_settings_survive_a_round_trip() {
        let prefs = Prefs {
            auto_lock_minutes: 1,
            exit_url: "https://example.org/news".into(),
            country: Some("NZ".into()),
            neutral_title: Some(true),
            language: Some(Lang::Es),
        };
        assert_eq!(Prefs::read(Some(&prefs.write())), prefs);
        let before_countries = r#"{"auto_lock_minutes":5,"exit_url":"https://example.org/news"}"#;
        assert_eq!(
            Prefs::read(Some(before_countries)).country,
            None,
            "settings saved before the country choice existed still read"
        );
        assert_eq!(Prefs::read(Some(before_countries)).auto_lock_minutes, 5);
    }

    #[test]
    fn one_bad_setting_falls_back_alone_and_keeps_the_others() {
        let read = Prefs::read(Some(
            r#"{"auto_lock_minutes":"ten","exit_url":"https://example.org/news","country":"GB"}"#,
        ));
        assert_eq!(read.auto_lock_minutes, DEFAULT_AUTO_LOCK_MINUTES);
        assert_eq!(read.exit_url, "https://example.org/news");
        assert_eq!(read.country.as_deref(), Some("GB"));
        let read = Prefs::read(Some(r#"{"auto_lock_minutes":1,"country":42}"#));
        assert_eq!(read.auto_lock_minutes, 1);
        assert_eq!(read.country, None);
    }

    #[test]
    fn only_plain_https_addresses_are_accepted_for_quick_exit() {
        assert_eq!(
            exit_url("www.example.org").unwrap(),
            "https://www.example.org"
        );
        assert_eq!(
            exit_url(" https://news.example.com/today?x=1 ").unwrap(),
            "https://news.example.com/today?x=1"
        );
        for bad in [
            "http://example.org",
            "javascript:alert(1)",
            "data:text/html,hi",
            "https://localhost",
            "https://exa mple.org",
            "",
        ] {
            assert!(exit_url(bad).is_err(), "{bad} was accepted");
        }
    }
}
