//! The decisions for the glue: when a tab may write, and what another tab's save means.

use super::{current_fixture, loaded, stamp};
use crate::domain::store::{
    before_write, encode, is_overtaken, is_stale_removal, on_storage_event, Corruption, Document,
    Stamp, StorageChange, WriteDecision, CURRENT_SCHEMA, DOCUMENT_KEY,
};
use crate::domain::wording::Wording;

fn named(name: &str) -> Document {
    let mut document = Document::default();
    document.profile.wording = Wording {
        name: Some(name.to_owned()),
        ..Wording::default()
    };
    document
}

fn newer_text() -> String {
    format!(
        r#"{{"app":"mend","schema":{},"whatever":"it is"}}"#,
        CURRENT_SCHEMA + 1
    )
}

// ------------------------------------------------------------ before_write

#[test]
fn a_first_save_on_a_fresh_device_is_revision_1() {
    assert_eq!(
        before_write(None, None),
        WriteDecision::Write { next_revision: 1 }
    );
}

#[test]
fn a_tab_writes_over_the_copy_it_last_saw() {
    let text = encode(&named("Sam"), &stamp(5));
    assert_eq!(
        before_write(Some(&stamp(5)), Some(&text)),
        WriteDecision::Write { next_revision: 6 }
    );
    let (_, fixture_stamp) = loaded(current_fixture());
    assert_eq!(
        before_write(Some(&fixture_stamp), Some(current_fixture())),
        WriteDecision::Write { next_revision: 72 }
    );
}

#[test]
fn a_later_save_from_another_tab_is_taken_not_overwritten() {
    let text = encode(&named("Theirs"), &stamp(6));
    assert_eq!(
        before_write(Some(&stamp(5)), Some(&text)),
        WriteDecision::Conflict {
            theirs: named("Theirs"),
            stamp: stamp(6)
        }
    );
}

#[test]
fn a_tab_that_started_fresh_takes_what_another_tab_saved_since() {
    let text = encode(&named("Theirs"), &stamp(1));
    assert!(matches!(
        before_write(None, Some(&text)),
        WriteDecision::Conflict { .. }
    ));
}

#[test]
fn the_same_revision_saved_at_another_time_is_someone_elses_copy() {
    // Two tabs raced and both wrote revision 6, or "erase everything" started
    // the count again: the revision matches, the copy does not.
    let theirs = Stamp::new(6, "2026-11-22T10:00:00.001Z");
    let mine = Stamp::new(6, "2026-11-22T10:00:00.002Z");
    let text = encode(&named("Theirs"), &theirs);
    assert_eq!(
        before_write(Some(&mine), Some(&text)),
        WriteDecision::Conflict {
            theirs: named("Theirs"),
            stamp: theirs
        }
    );
}

#[test]
fn an_older_revision_in_storage_is_still_not_overwritten() {
    // Only a reset (erase, then new answers) gets storage behind a tab.
    let text = encode(&named("After the erase"), &stamp(2));
    assert!(matches!(
        before_write(Some(&stamp(9)), Some(&text)),
        WriteDecision::Conflict { .. }
    ));
}

#[test]
fn unreadable_data_must_be_copied_aside_before_a_write() {
    assert!(matches!(
        before_write(None, Some("{\"app\":\"mend\",\"sch")),
        WriteDecision::Corrupt {
            reason: Corruption::NotJson(_),
            next_revision: 1
        }
    ));
    assert!(matches!(
        before_write(Some(&stamp(5)), Some("")),
        WriteDecision::Corrupt {
            reason: Corruption::Empty,
            next_revision: 6
        }
    ));
}

#[test]
fn a_newer_mends_data_is_never_written_over() {
    for seen in [None, Some(stamp(5))] {
        assert_eq!(
            before_write(seen.as_ref(), Some(&newer_text())),
            WriteDecision::Newer {
                schema: CURRENT_SCHEMA + 1
            }
        );
    }
}

#[test]
fn answers_erased_in_another_tab_are_not_brought_back() {
    assert_eq!(before_write(Some(&stamp(5)), None), WriteDecision::Erased);
}

#[test]
fn the_revision_does_not_overflow() {
    let text = encode(&Document::default(), &stamp(u64::MAX));
    assert_eq!(
        before_write(Some(&stamp(u64::MAX)), Some(&text)),
        WriteDecision::Write {
            next_revision: u64::MAX
        }
    );
}

// ------------------------------------------------------------ storage events

#[test]
fn a_later_save_in_another_tab_comes_in() {
    let text = encode(&named("Theirs"), &stamp(6));
    assert_eq!(
        on_storage_event(Some(DOCUMENT_KEY), Some(&text), Some(&stamp(5))),
        Some(StorageChange::Incoming {
            document: named("Theirs"),
            stamp: stamp(6)
        })
    );
    assert!(matches!(
        on_storage_event(Some(DOCUMENT_KEY), Some(&text), None),
        Some(StorageChange::Incoming { .. })
    ));
}

#[test]
fn an_older_or_equal_revision_is_ignored() {
    for revision in [4, 5] {
        let text = encode(&named("Old"), &stamp(revision));
        assert_eq!(
            on_storage_event(Some(DOCUMENT_KEY), Some(&text), Some(&stamp(5))),
            None,
            "revision {revision}"
        );
    }
}

#[test]
fn other_keys_are_ignored() {
    let text = encode(&named("Theirs"), &stamp(6));
    for key in ["mend.recovered.0123456789abcdef", "theme", "mend.documents"] {
        assert_eq!(
            on_storage_event(Some(key), Some(&text), Some(&stamp(5))),
            None,
            "{key}"
        );
        assert_eq!(on_storage_event(Some(key), None, Some(&stamp(5))), None);
    }
}

#[test]
fn erasing_in_another_tab_clears_this_one() {
    // `removeItem` of the document, or `clear()` (no key at all).
    assert_eq!(
        on_storage_event(Some(DOCUMENT_KEY), None, Some(&stamp(5))),
        Some(StorageChange::Erased)
    );
    assert_eq!(
        on_storage_event(None, None, Some(&stamp(5))),
        Some(StorageChange::Erased)
    );
}

#[test]
fn a_newer_mend_in_another_tab_stops_this_one() {
    assert_eq!(
        on_storage_event(Some(DOCUMENT_KEY), Some(&newer_text()), Some(&stamp(5))),
        Some(StorageChange::Newer {
            schema: CURRENT_SCHEMA + 1
        })
    );
}

#[test]
fn unreadable_text_from_elsewhere_is_reported_not_shown() {
    assert!(matches!(
        on_storage_event(Some(DOCUMENT_KEY), Some("garbage"), Some(&stamp(5))),
        Some(StorageChange::Corrupt {
            reason: Corruption::NotJson(_)
        })
    ));
}

#[test]
fn an_erase_heard_after_this_tab_saved_again_is_old_news() {
    let (document, _) = loaded(current_fixture());
    let mine = encode(&document, &stamp(1));
    assert!(is_stale_removal(Some(&stamp(1)), Some(&mine)));
    // Storage holds someone else's copy, or nothing: the erase is news.
    assert!(!is_stale_removal(Some(&stamp(5)), Some(&mine)));
    assert!(!is_stale_removal(Some(&stamp(5)), None));
    assert!(!is_stale_removal(None, Some(&mine)));
}

#[test]
fn a_save_heard_after_storage_moved_on_is_overtaken() {
    let (document, _) = loaded(current_fixture());
    let first = encode(&document, &stamp(1));
    let second = encode(&document, &stamp(2));
    assert!(is_overtaken(Some(&first), Some(&second)));
    assert!(
        is_overtaken(Some(&first), None),
        "erased since: do not bring it back"
    );
    assert!(!is_overtaken(Some(&second), Some(&second)));
    assert!(
        !is_overtaken(None, None),
        "removals are judged on their own"
    );
}
