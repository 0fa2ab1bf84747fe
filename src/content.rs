//! Mend's content, bundled at build time (see build.rs): the guides, the
//! path rules, the helplines and the words of the first screen.
//!
//! The app carries every guide's *outline* (ids, rules, titles; see
//! `Guide::outline`), which is all that lists, the path, safety, history and
//! the store need. A guide's words are fetched from its own file when one
//! of its pages opens ([`words`]); the service worker keeps every file for
//! offline use. Native builds (tests, tools) have every guide whole.

use std::sync::OnceLock;

use crate::domain::first_screen::FirstScreen;
#[cfg(not(target_arch = "wasm32"))]
use crate::domain::guide::ContentErrors;
use crate::domain::guide::{Guide, Library};
use crate::domain::ids::GuideId;
use crate::domain::program::helplines::Helplines;
use crate::domain::program::path::Paths;

mod words;

pub use words::{as_asked, words, words_for, words_now, WordsError};
#[cfg(target_arch = "wasm32")]
pub(crate) use words::{fetch_outline, fetch_text};

include!(concat!(env!("OUT_DIR"), "/guides.rs"));

/// The source articles a guide may name in `sources` (../shared/seeds/).
pub const SOURCE_ARTICLES: [&str; 5] = [
    "000_74b60a4c028f30fb.txt",
    "001_db92ba8bc5b98863.txt",
    "002_7fcc00d9eb8842b3.txt",
    "003_49450703fc24d509.txt",
    "004_c2e4617a44ebd3a2.txt",
];

/// Validates every bundled guide file (shipped and fixtures) together, as
/// the build does.
#[cfg(not(target_arch = "wasm32"))]
pub fn load() -> Result<Library, ContentErrors> {
    let files: Vec<(&str, &str)> = GUIDES.iter().chain(FIXTURES).copied().collect();
    Library::from_json(&files)
}

/// The library as the app holds it: outlines, and the intake whole, in
/// the language shown (English is built in; another language's arrives
/// with its words, see `words::fetch_outline`).
pub fn outline() -> &'static Library {
    #[cfg(target_arch = "wasm32")]
    if let Some(outline) = words::shown_outline() {
        return outline;
    }
    english_outline()
}

/// The English outlines. The build wrote them from guides it had
/// validated, and a test reads them back, so an empty library here means a
/// broken build, never a user's doing.
pub fn english_outline() -> &'static Library {
    static OUTLINE_READ: OnceLock<Library> = OnceLock::new();
    OUTLINE_READ.get_or_init(|| serde_json::from_str(OUTLINE).unwrap_or_default())
}

/// The library every part of the app reads: outlines in the browser, whole
/// guides in native builds (tests and tools).
pub fn library() -> &'static Library {
    #[cfg(target_arch = "wasm32")]
    {
        outline()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        static WHOLE: OnceLock<Library> = OnceLock::new();
        WHOLE.get_or_init(|| {
            load().unwrap_or_else(|errors| panic!("bundled guides are invalid:\n{errors}"))
        })
    }
}

/// The path rules, as the build wrote them. The content tests prove they
/// are valid (and the same as content/paths.toml read and checked).
pub fn paths() -> &'static Paths {
    static PATH_RULES: OnceLock<Paths> = OnceLock::new();
    PATH_RULES.get_or_init(|| Paths::from_lists(&PATH_LISTS))
}

/// The helplines, as the build wrote them. The content tests prove every
/// line is valid (and the same as content/helplines.toml read and checked).
pub fn helplines() -> &'static Helplines {
    static HELPLINE_DATA: OnceLock<Helplines> = OnceLock::new();
    HELPLINE_DATA.get_or_init(|| Helplines::from_data(COUNTRIES, LINES))
}

/// The words of the first screen and the crisis pages, checked once. The
/// content tests prove the file is valid; the static pages the build writes
/// from it (scripts/first_screen.py) say the same.
pub fn first_screen() -> &'static FirstScreen {
    // In the language shown, when it has its own (built in, like English).
    let lang = crate::domain::msg::shown();
    FIRST_SCREENS
        .iter()
        .find(|(code, _)| *code == lang.code())
        .map(|(_, words)| *words)
        .unwrap_or(&FIRST_SCREEN)
}

/// Ids of the guides in content/guides/ (not the fixtures).
fn shipped_ids() -> Vec<GuideId> {
    SHIPPED.iter().map(|id| GuideId::new(*id)).collect()
}

/// Guides listed on the Guides page: the shipped ones, not the engine's
/// fixtures (those open only by their address, for tests).
pub fn listed() -> Vec<&'static Guide> {
    let shipped = shipped_ids();
    library()
        .guides()
        .iter()
        .filter(|guide| shipped.contains(guide.id()))
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_guide_passes_the_content_validator() {
        if let Err(errors) = load() {
            panic!("content problems:\n{errors}");
        }
    }

    #[test]
    fn every_guide_names_source_articles_that_exist() {
        for guide in library().guides() {
            assert!(
                !guide.sources().is_empty(),
                "{} names no source",
                guide.id()
            );
            for source in guide.sources() {
                assert!(
                    SOURCE_ARTICLES.contains(&source.as_str()),
                    "guide {} names unknown source {source}",
                    guide.id()
                );
            }
        }
    }

    #[test]
    fn the_path_rules_name_only_guides_that_exist_and_the_app_has_them_as_written() {
        match Paths::from_json(PATHS, library(), &shipped_ids()) {
            Ok(checked) => assert_eq!(&checked, paths(), "the built rules say the same"),
            Err(problems) => panic!("path problems:\n{}", problems.join("\n")),
        }
    }

    #[test]
    fn every_helpline_names_where_and_when_it_was_confirmed() {
        let lines = match Helplines::from_json(HELPLINES) {
            Ok(lines) => lines,
            Err(problems) => panic!("helpline problems:\n{}", problems.join("\n")),
        };
        assert_eq!(&lines, helplines(), "the app has every line as written");
        for country in ["US", "CA", "GB", "IE", "AU", "NZ", "ES"] {
            use crate::domain::program::helplines::Purpose;
            assert!(lines.country(country).is_some(), "{country} is covered");
            assert!(
                !lines.lines_for(country, &[Purpose::Crisis]).is_empty(),
                "{country} has a crisis line"
            );
            assert!(
                !lines.lines_for(country, &[Purpose::Abuse]).is_empty(),
                "{country} has an abuse line"
            );
        }
        assert!(!lines.international().is_empty());
        // Mexico: only its emergency number is confirmed so far.
        let mexico = lines.country("MX").expect("MX is covered");
        assert_eq!(mexico.emergency, "911");
        assert_eq!(
            lines.country("ES").map(|c| c.emergency.as_str()),
            Some("112")
        );
        assert!(
            lines.lines.iter().all(|l| !l.languages.is_empty()),
            "every line says which languages it answers in"
        );
    }

    #[test]
    fn the_first_screen_words_use_only_the_placeholders_they_may() {
        let words = first_screen();
        for (place, text) in words.sentences() {
            assert!(
                !text.trim().is_empty(),
                "content/first-screen.toml: {place} is empty"
            );
            let rest = text.replace("{emergency}", "").replace("{right_now}", "");
            assert!(
                !rest.contains(['{', '}', '<', '>']),
                "content/first-screen.toml: {place} has an unknown placeholder or markup: {text}"
            );
        }
        // Each placeholder only where the app fills it.
        let may = |place: &str| -> (bool, bool) {
            match place {
                "safety.now" | "right_now.act" => (true, false),
                "safety.crisis" => (true, true),
                _ => (false, false),
            }
        };
        for (place, text) in words.sentences() {
            let (emergency, right_now) = may(place);
            assert!(
                emergency || !text.contains("{emergency}"),
                "{place} may not use {{emergency}}"
            );
            assert!(
                right_now || !text.contains("{right_now}"),
                "{place} may not use {{right_now}}"
            );
        }
        assert!(words.right_now.act.contains("{emergency}"));
        assert!(words.safety.crisis.contains("{right_now}"));
        assert_eq!(
            words.tech_safety.leads.len(),
            words.tech_safety.texts.len(),
            "content/first-screen.toml: every tech-safety lead has its text"
        );
    }

    #[test]
    fn every_flag_in_a_shipped_guide_is_a_level_mend_knows() {
        let problems = crate::domain::program::safety::unknown_flags(library(), &shipped_ids());
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn the_app_holds_every_guide_as_an_outline_but_the_intake_whole() {
        let whole = library();
        let outline = outline();
        assert_eq!(outline.guides().len(), whole.guides().len());
        let intake = crate::domain::program::intake::intake_guide();
        assert!(whole.guide(&intake).is_some());
        for guide in whole.guides() {
            let held = outline
                .guide(guide.id())
                .expect("every guide has an outline");
            if *guide.id() == intake {
                assert_eq!(
                    held, guide,
                    "the first question must not wait for a download"
                );
            } else {
                assert!(held.is_outline(), "{} ships whole in the app", guide.id());
                assert_eq!(*held, guide.outline());
            }
        }
    }

    #[test]
    fn an_outline_keeps_titles_and_review_questions_and_drops_the_rest() {
        let wording = Default::default();
        let apology = library()
            .guide(&GuideId::new("planning-an-apology"))
            .expect("the apology guide");
        let outline = apology.outline();
        assert_eq!(outline.title(), apology.title());
        assert_eq!(outline.summary(), apology.summary());
        assert_eq!(outline.intro().render(&wording), "");
        for (_, question) in outline.questions() {
            assert_eq!(question.text().render(&wording), "", "{}", question.id());
            assert!(question.help().is_none());
        }
        // Everything that decides something is unchanged.
        let answers = Default::default();
        assert_eq!(outline.score(&answers), apology.score(&answers));
        assert_eq!(
            outline.recommendations(&answers),
            apology.recommendations(&answers)
        );
        // The home screen names a review date by its question.
        let check_in = library()
            .guides()
            .iter()
            .find(|g| g.questions().any(|(_, q)| q.is_review_date()))
            .expect("a guide asks for a review date");
        let review = check_in.outline();
        let (_, question) = review
            .questions()
            .find(|(_, q)| q.is_review_date())
            .expect("kept");
        assert!(!question.text().render(&wording).is_empty());
    }

    #[test]
    fn every_words_file_holds_its_whole_guide() {
        let dir = std::path::Path::new(env!("OUT_DIR"));
        assert_eq!(WORDS.len(), library().guides().len());
        for (id, file) in WORDS {
            assert!(file.starts_with(&format!("guides/{id}-")), "{file}");
            let text = std::fs::read_to_string(dir.join(file)).expect("the build wrote it");
            let read: Guide = serde_json::from_str(&text).expect("it reads back");
            assert_eq!(Some(&read), library().guide(&GuideId::new(*id)));
        }
    }

    #[test]
    fn fixtures_are_not_listed_to_users() {
        let listed: Vec<_> = listed().iter().map(|g| g.id().to_string()).collect();
        assert!(!listed.contains(&"sample".to_owned()), "{listed:?}");
        assert!(library().guide(&GuideId::new("sample")).is_some());
    }
}
