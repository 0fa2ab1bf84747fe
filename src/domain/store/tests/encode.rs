//! Writing the document: the exact stored text, and that what is written reads back the same.

use super::{current_fixture, day, guide, loaded, stamp};
use crate::domain::answer::AnswerValue;
use crate::domain::ids::{QuestionId, StepId};
use crate::domain::store::{decode, encode, Decoded, Document, Stamp};
use crate::domain::wording::{RelationshipKind, Wording};
use serde_json::Value;

fn small_document() -> Document {
    let mut document = Document::default();
    document.profile.wording = Wording {
        relationship: RelationshipKind::Partner,
        name: Some("Sam".to_owned()),
    };
    let weekly = guide("weekly");
    let entry = document.entries.begin(&weekly, day("2026-11-22"));
    entry.answer(QuestionId::new("rating"), AnswerValue::Scale(6));
    entry.move_to(StepId::new("week"));
    document
}

#[test]
fn the_stored_text_is_exactly_this() {
    let text = encode(
        &small_document(),
        &Stamp::new(7, "2026-11-22T10:15:00.000Z"),
    );
    assert_eq!(
        text,
        concat!(
            r#"{"app":"mend","schema":5,"revision":7,"saved_at":"2026-11-22T10:15:00.000Z","#,
            r#""data":{"profile":{"wording":{"relationship":"partner","name":"Sam"},"#,
            r#""safety":{"full_path_for":[],"safe_now":[],"harm_step_for":[],"caution_lifted":[],"done_set_aside_for":[]}},"#,
            r#""entries":[{"id":"weekly-2026-11-22","guide":"weekly","started_on":"2026-11-22","#,
            r#""completed_on":null,"answers":{"rating":{"type":"scale","value":6}},"#,
            r#""current_step":"week"}],"commitments":[],"exchanges":[]}}"#
        )
    );
}

#[test]
fn what_is_written_reads_back_the_same() {
    for document in [
        Document::default(),
        small_document(),
        loaded(current_fixture()).0,
    ] {
        let saved = stamp(43);
        let text = encode(&document, &saved);
        assert_eq!(
            decode(Some(&text)),
            Decoded::Loaded {
                document,
                stamp: saved
            }
        );
    }
}

/// Guards the format: if any stored type gains, loses or renames a field,
/// this fails, as a reminder to raise `CURRENT_SCHEMA` and add a migration.
#[test]
fn the_current_fixture_is_written_back_exactly_as_it_was() {
    let (document, stamp) = loaded(current_fixture());
    let written: Value = serde_json::from_str(&encode(&document, &stamp)).unwrap();
    let fixture: Value = serde_json::from_str(current_fixture()).unwrap();
    assert_eq!(
        written, fixture,
        "the stored format changed: raise CURRENT_SCHEMA and add a migration (see store/migrate.rs)"
    );
}

#[test]
fn equal_documents_give_equal_text() {
    let (document, stamp) = loaded(current_fixture());
    assert_eq!(encode(&document, &stamp), encode(&document.clone(), &stamp));
}
