//! Native tests of the store, driven by the stored-document fixtures in `../fixtures/`.

mod decode;
mod encode;
mod harness;
mod kept_aside;
mod keys;
mod merge;
mod migrate;
mod model;
mod notice;
mod robust;
mod sealed;
mod sync;
mod tab;
mod two_tabs;

use crate::domain::guide::{Guide, Library};
use crate::domain::ids::GuideId;
use crate::domain::store::{Decoded, Document, Stamp, CURRENT_SCHEMA};
pub(super) use crate::domain::tests::day;
use crate::domain::tests::{raw, LISTENING, SAMPLE};

/// What every schema really wrote, oldest first. Never edit one once it is
/// released; add the next schema's fixture here when [`CURRENT_SCHEMA`] rises.
pub(super) const FIXTURES: &[(u32, &str)] = &[
    (1, include_str!("../fixtures/schema-1.json")),
    (2, include_str!("../fixtures/schema-2.json")),
    (3, include_str!("../fixtures/schema-3.json")),
    (4, include_str!("../fixtures/schema-4.json")),
    (5, include_str!("../fixtures/schema-5.json")),
];

/// The fixture written by the schema this Mend writes.
pub(super) fn current_fixture() -> &'static str {
    FIXTURES
        .iter()
        .find(|(schema, _)| *schema == CURRENT_SCHEMA)
        .map(|(_, text)| *text)
        .expect("a fixture for the current schema")
}

/// The document and stamp in `text`, which must load.
pub(super) fn loaded(text: &str) -> (Document, Stamp) {
    match crate::domain::store::decode(Some(text)) {
        Decoded::Loaded { document, stamp } => (document, stamp),
        other => panic!("expected a loaded document, got {other:?}"),
    }
}

pub(super) fn stamp(revision: u64) -> Stamp {
    Stamp::new(
        revision,
        format!("2026-11-22T10:00:{:02}.000Z", revision % 60),
    )
}

/// A recurring check-in: a required 0–10 `rating` and an optional `note`.
const WEEKLY: &str = r#"
id = "weekly"
title = "Weekly check-in"
summary = "How this week went between you and {name}."
intro = "A few minutes, once a week."
sources = ["000_74b60a4c028f30fb.txt"]
recurring = true
[[steps]]
id = "week"
  [[steps.questions]]
  id = "rating"
  kind = "scale"
  text = "How much did you trust {name} this week?"
  min = 0
  max = 10
  [[steps.questions]]
  id = "note"
  kind = "short_text"
  text = "Anything to remember?"
  required = false
"#;

/// The sample and listening guides of the engine tests, plus `weekly`.
pub(super) fn library() -> Library {
    Library::from_raw(vec![
        ("content/guides/sample.toml".to_owned(), raw(SAMPLE)),
        ("content/guides/listening.toml".to_owned(), raw(LISTENING)),
        ("content/guides/weekly.toml".to_owned(), raw(WEEKLY)),
    ])
    .unwrap_or_else(|e| panic!("fixtures are invalid:\n{e}"))
}

pub(super) fn guide(id: &str) -> Guide {
    library()
        .guide(&GuideId::new(id))
        .unwrap_or_else(|| panic!("no guide {id}"))
        .clone()
}
