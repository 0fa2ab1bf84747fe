//! The guides Mend ships, bundled from their data files at build time (see build.rs).

use std::sync::OnceLock;

use crate::domain::first_screen::FirstScreen;
use crate::domain::guide::{ContentErrors, Guide, Library};
use crate::domain::ids::GuideId;
use crate::domain::program::helplines::Helplines;
use crate::domain::program::path::Paths;

include!(concat!(env!("OUT_DIR"), "/guides.rs"));

/// The source articles a guide may name in `sources` (../shared/seeds/).
pub const SOURCE_ARTICLES: [&str; 5] = [
    "000_74b60a4c028f30fb.txt",
    "001_db92ba8bc5b98863.txt",
    "002_7fcc00d9eb8842b3.txt",
    "003_49450703fc24d509.txt",
    "004_c2e4617a44ebd3a2.txt",
];

/// Validates every bundled guide (shipped and fixtures) together.
pub fn load() -> Result<Library, ContentErrors> {
    let files: Vec<(&str, &str)> = GUIDES.iter().chain(FIXTURES).copied().collect();
    Library::from_json(&files)
}

/// The library, parsed once. The content tests prove it is valid, so a
/// failure here means a broken build, not something a user can cause.
pub fn library() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        load().unwrap_or_else(|errors| panic!("bundled guides are invalid:\n{errors}"))
    })
}

/// The guides as they are asked while danger holds: the same library with
/// every question that presumes repair hidden (`Guide::without_repair`).
pub fn library_without_repair() -> &'static [Guide] {
    static GUIDES_NOW: OnceLock<Vec<Guide>> = OnceLock::new();
    GUIDES_NOW.get_or_init(|| {
        library()
            .guides()
            .iter()
            .map(Guide::without_repair)
            .collect()
    })
}

/// The guide `id` as the user should be asked it now.
pub fn guide_as_asked(id: &GuideId, danger: bool) -> Option<&'static Guide> {
    if danger {
        library_without_repair().iter().find(|g| g.id() == id)
    } else {
        library().guide(id)
    }
}

/// The path rules, checked against the library once. The content tests
/// prove they are valid.
pub fn paths() -> &'static Paths {
    static PATH_RULES: OnceLock<Paths> = OnceLock::new();
    PATH_RULES.get_or_init(|| {
        Paths::from_json(PATHS, library(), &shipped_ids())
            .unwrap_or_else(|problems| panic!("{}", problems.join("\n")))
    })
}

/// The helplines, checked once. The content tests prove the file is valid.
pub fn helplines() -> &'static Helplines {
    static LINES: OnceLock<Helplines> = OnceLock::new();
    LINES.get_or_init(|| {
        Helplines::from_json(HELPLINES).unwrap_or_else(|problems| panic!("{}", problems.join("\n")))
    })
}

/// The words of the first screen and the crisis pages, checked once. The
/// content tests prove the file is valid; the static pages the build writes
/// from it (scripts/first_screen.py) say the same.
pub fn first_screen() -> &'static FirstScreen {
    &FIRST_SCREEN
}

/// Ids of the guides in content/guides/ (not the fixtures).
fn shipped_ids() -> Vec<GuideId> {
    GUIDES
        .iter()
        .filter_map(|(_, json)| serde_json::from_str::<serde_json::Value>(json).ok())
        .filter_map(|value| value.get("id")?.as_str().map(GuideId::new))
        .collect()
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

#[cfg(test)]
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
    fn the_path_rules_name_only_guides_that_exist() {
        if let Err(problems) = Paths::from_json(PATHS, library(), &shipped_ids()) {
            panic!("path problems:\n{}", problems.join("\n"));
        }
    }

    #[test]
    fn every_helpline_names_where_and_when_it_was_confirmed() {
        let lines = match Helplines::from_json(HELPLINES) {
            Ok(lines) => lines,
            Err(problems) => panic!("helpline problems:\n{}", problems.join("\n")),
        };
        for country in ["US", "CA", "GB", "IE", "AU", "NZ"] {
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
    fn fixtures_are_not_listed_to_users() {
        let listed: Vec<_> = listed().iter().map(|g| g.id().to_string()).collect();
        assert!(!listed.contains(&"sample".to_owned()), "{listed:?}");
        assert!(library().guide(&GuideId::new("sample")).is_some());
    }
}
