//! Native tests of the domain, driven by the fixture guides in `../fixtures/`.

mod answers;
mod conditions;
mod entries;
mod flow;
mod format;
mod scoring;
mod validation;
mod wording;

use crate::domain::answer::{AnswerValue, Answers};
use crate::domain::guide::{Guide, Library, RawGuide};
use crate::domain::ids::{GuideId, OptionId, QuestionId};

/// A calendar date from "2026-11-02"; the one date helper every domain test
/// uses.
pub(crate) fn day(text: &str) -> crate::domain::date::CalendarDate {
    text.parse().unwrap_or_else(|e| panic!("{text}: {e}"))
}

/// A guide Mend ships, from the library native builds hold whole.
pub(crate) fn shipped(id: &str) -> &'static Guide {
    crate::content::library()
        .guide(&GuideId::new(id))
        .unwrap_or_else(|| panic!("{id} ships"))
}

pub(super) const SAMPLE: &str = include_str!("../fixtures/sample.toml");
pub(super) const LISTENING: &str = include_str!("../fixtures/listening.toml");

pub(super) fn raw(toml_text: &str) -> RawGuide {
    toml::from_str(toml_text).unwrap_or_else(|e| panic!("fixture does not parse: {e}"))
}

/// The two fixture guides, validated together.
pub(super) fn library() -> Library {
    Library::from_raw(vec![
        ("content/guides/sample.toml".to_owned(), raw(SAMPLE)),
        ("content/guides/listening.toml".to_owned(), raw(LISTENING)),
    ])
    .unwrap_or_else(|e| panic!("fixtures are invalid:\n{e}"))
}

pub(super) fn sample() -> Guide {
    library()
        .guide(&GuideId::new("sample"))
        .expect("sample is in the library")
        .clone()
}

pub(super) fn q(id: &str) -> QuestionId {
    QuestionId::new(id)
}

pub(super) fn choice(option: &str) -> AnswerValue {
    AnswerValue::Choice(OptionId::new(option))
}

pub(super) fn choices(options: &[&str]) -> AnswerValue {
    AnswerValue::Choices(options.iter().map(|o| OptionId::new(*o)).collect())
}

pub(super) fn text(text: &str) -> AnswerValue {
    AnswerValue::Text(text.to_owned())
}

/// Answers that complete the sample guide for someone who was hurt and is not afraid.
pub(super) fn complete_answers() -> Answers {
    Answers::default()
        .with("role", choice("hurt"))
        .with("talk", AnswerValue::Scale(4))
        .with("afraid", AnswerValue::YesNo(false))
        .with("pressure", choices(&[]))
        .with("kept", choices(&["listened", "followed-through"]))
        .with("trust-now", AnswerValue::Scale(6))
        .with(
            "hardest",
            text("Not knowing what was true for all those months."),
        )
        .with(
            "small-steps",
            AnswerValue::List(vec!["A walk on Sundays".to_owned()]),
        )
}

/// The top of a small inline guide `tiny`; tests add steps and the rest.
const TINY_HEAD: &str = r#"
id = "tiny"
title = "Tiny"
summary = "A tiny guide for one test."
intro = "Only for tests."
sources = ["000_74b60a4c028f30fb.txt"]
"#;

/// Validates the tiny guide made of `body`, alongside the `listening` fixture
/// (so recommendations have something to point at).
pub(super) fn tiny_library(body: &str) -> Result<Library, Vec<String>> {
    Library::from_raw(vec![
        (
            "content/guides/tiny.toml".to_owned(),
            raw(&format!("{TINY_HEAD}{body}")),
        ),
        ("content/guides/listening.toml".to_owned(), raw(LISTENING)),
    ])
    .map_err(|e| e.lines())
}

/// The tiny guide made of `body`, which must be valid.
pub(super) fn tiny(body: &str) -> Guide {
    match tiny_library(body) {
        Ok(library) => library.guides()[0].clone(),
        Err(problems) => panic!("tiny guide is invalid:\n{}", problems.join("\n")),
    }
}

/// The problems found in the tiny guide made of `body`.
pub(super) fn problems(body: &str) -> Vec<String> {
    match tiny_library(body) {
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    }
}

/// SplitMix64 for the fuzz tests (imports, answer cards): tiny, fixed, and
/// good enough to scatter damage; the same seed gives the same inputs on
/// every run, so a failure can be replayed.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`; `n` must not be 0.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub(crate) fn byte(&mut self) -> u8 {
        self.next() as u8
    }
}
