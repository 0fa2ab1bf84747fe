//! What the confirmation shows about a file before it replaces anything.

use super::*;
use crate::content::library;
use crate::domain::program::safety::SafetyChoices;
use serde_json::json;

/// A document with one entry per `(guide, started_on, completed_on)`.
fn document(wording: Value, entries: &[(&str, &str, Option<&str>)]) -> Document {
    let entries: Vec<Value> = entries
        .iter()
        .enumerate()
        .map(|(n, (guide, started, completed))| {
            json!({"id": format!("{guide}-{n}"), "guide": guide, "started_on": started,
                   "completed_on": completed, "answers": {}, "current_step": null})
        })
        .collect();
    serde_json::from_value(json!({"profile": {"wording": wording, "safety": SafetyChoices::default()}, "entries": entries, "commitments": [], "exchanges": []}))
        .expect("a valid document")
}

fn title(id: &str) -> String {
    let guide = library()
        .guide(&crate::domain::ids::GuideId::new(id))
        .expect("a shipped guide");
    guide.title().render(&Default::default())
}

#[test]
fn the_fixture_is_summed_up_in_library_order() {
    let found = summary(&fixture_document(), library());
    assert_eq!(found.entries, 6);
    assert_eq!(found.completed, 3);
    assert_eq!(
        found.guides,
        [
            "Can this be rebuilt?",
            "Owning your part",
            "Planning an apology",
            "Weekly check-in"
        ]
    );
    assert_eq!(found.first_day, Some("2026-10-04".parse().unwrap()));
    assert_eq!(found.last_day, Some("2026-11-08".parse().unwrap()));
    assert!(found.has_profile);
    assert_eq!(
        found.describe(),
        "6 entries in 4 guides, from 4 October 2026 to 8 November 2026."
    );
}

#[test]
fn library_order_wins_over_the_order_of_entries() {
    let ids: Vec<&str> = library()
        .guides()
        .iter()
        .take(3)
        .map(|g| g.id().as_str())
        .collect();
    let doc = document(
        json!({"relationship": "unspecified"}),
        &[
            (ids[2], "2026-03-03", None),
            (ids[0], "2026-03-04", None),
            (ids[2], "2026-03-05", None),
            (ids[1], "2026-03-06", None),
        ],
    );
    assert_eq!(
        summary(&doc, library()).guides,
        [title(ids[0]), title(ids[1]), title(ids[2])]
    );
}

#[test]
fn unknown_guides_are_listed_by_id_after_the_known_ones() {
    let doc = document(
        json!({"relationship": "friend"}),
        &[
            ("from-a-newer-mend", "2026-01-31", None),
            ("weekly-check-in", "2026-02-01", Some("2026-12-25")),
            ("another-new-one", "2026-02-02", None),
            ("from-a-newer-mend", "2026-02-03", None),
        ],
    );
    let found = summary(&doc, library());
    assert_eq!(
        found.guides,
        ["Weekly check-in", "from-a-newer-mend", "another-new-one"]
    );
    assert_eq!(found.completed, 1);
    assert_eq!(
        found.describe(),
        "4 entries in 3 guides, from 31 January 2026 to 25 December 2026."
    );
}

#[test]
fn one_entry_on_one_day_reads_as_one() {
    let doc = document(
        json!({"relationship": "unspecified", "name": "   "}),
        &[("weekly-check-in", "2024-02-29", Some("2024-02-29"))],
    );
    let found = summary(&doc, library());
    assert!(!found.has_profile, "a blank name is no name");
    assert_eq!(found.describe(), "1 entry in 1 guide, on 29 February 2024.");
}

#[test]
fn an_empty_document_has_no_entries_and_no_profile() {
    let found = summary(&Document::default(), library());
    assert_eq!(found.entries, 0);
    assert!(found.guides.is_empty());
    assert_eq!((found.first_day, found.last_day), (None, None));
    assert!(!found.has_profile);
    assert_eq!(found.describe(), "No entries yet.");
    let mut with_commitments = Document::default();
    with_commitments
        .commitments
        .add("Keep Sunday evenings for us", "2026-11-02".parse().unwrap());
    assert_eq!(
        summary(&with_commitments, library()).describe(),
        "No entries yet. 1 commitment tracked.",
        "one added by hand shows, so an import cannot replace it unseen"
    );
    with_commitments.exchanges.start(
        crate::domain::ids::GuideId::new("weekly-check-in"),
        1,
        crate::domain::compare::code::PairingCode::from_random([1; 8]),
        "2026-11-02".parse().unwrap(),
    );
    assert_eq!(
        summary(&with_commitments, library()).describe(),
        "No entries yet. 1 commitment tracked. 1 exchange with answers compared."
    );
    let named = document(json!({"relationship": "unspecified", "name": "Sam"}), &[]);
    assert!(summary(&named, library()).has_profile);
}
