//! Entries: resuming a guide, finishing it, and the dated history of recurring guides.

use super::{complete_answers, day, q, sample, text, tiny};
use crate::domain::answer::AnswerValue;
use crate::domain::entry::{Entries, EntryError};
use crate::domain::guide::Guide;
use crate::domain::ids::StepId;

fn weekly() -> Guide {
    tiny(
        r#"
recurring = true
[[steps]]
id = "week"
  [[steps.questions]]
  id = "rating"
  kind = "scale"
  text = "How much did you trust {name} this week?"
  min = 0
  max = 10
"#,
    )
}

fn rate(entries: &mut Entries, guide: &Guide, today: &str, rating: i32) {
    entries
        .begin(guide, day(today))
        .answer(q("rating"), AnswerValue::Scale(rating));
    entries.complete(guide, day(today)).expect("complete");
}

#[test]
fn starting_a_guide_twice_resumes_the_same_entry_where_it_was_left() {
    let guide = sample();
    let mut entries = Entries::default();
    let entry = entries.begin(&guide, day("2026-11-22"));
    entry.answer(q("wish"), text("That I need time"));
    entry.move_to(StepId::new("in-your-words"));

    let again = entries.begin(&guide, day("2026-11-25"));
    assert_eq!(again.id().as_str(), "sample-2026-11-22");
    assert_eq!(again.started_on(), day("2026-11-22"));
    assert_eq!(
        again.current_step().map(StepId::as_str),
        Some("in-your-words")
    );
    assert_eq!(
        again.answers().get(&q("wish")),
        Some(&text("That I need time"))
    );
    assert_eq!(entries.iter().count(), 1);
}

#[test]
fn an_unfinished_guide_cannot_be_completed_and_says_what_is_missing() {
    let guide = sample();
    let mut entries = Entries::default();
    assert_eq!(
        entries.complete(&guide, day("2026-11-22")),
        Err(EntryError::NotStarted)
    );
    entries.begin(&guide, day("2026-11-22"));
    match entries.complete(&guide, day("2026-11-22")) {
        Err(error @ EntryError::Unfinished { .. }) => {
            assert_eq!(error.to_string(), "Please choose one option.");
            let EntryError::Unfinished { step, question, .. } = error else {
                unreachable!()
            };
            assert_eq!(
                (step.as_str(), question.as_str()),
                ("where-you-are", "role")
            );
        }
        other => panic!("expected unfinished, got {other:?}"),
    }
    assert!(!entries.current(&guide).unwrap().is_completed());
}

#[test]
fn a_one_off_guide_keeps_one_entry_that_stays_editable_after_finishing() {
    let guide = sample();
    let mut entries = Entries::default();
    let entry = entries.begin(&guide, day("2026-11-22"));
    for (question, answer) in complete_answers().iter() {
        entry.answer(question.clone(), answer.clone());
    }
    let done = entries.complete(&guide, day("2026-11-24")).unwrap();
    assert_eq!(done.completed_on(), Some(day("2026-11-24")));

    // Coming back to review: the same entry, not a new one.
    let entry = entries.begin(&guide, day("2026-12-01"));
    entry.answer(q("wish"), text("Patience"));
    assert_eq!(entry.id().as_str(), "sample-2026-11-22");
    // Finishing again keeps the first completion date.
    let done = entries.complete(&guide, day("2026-12-01")).unwrap();
    assert_eq!(done.completed_on(), Some(day("2026-11-24")));
    assert_eq!(entries.iter().count(), 1);
    assert_eq!(entries.history(guide.id()).len(), 1);
}

#[test]
fn each_completed_check_in_is_kept_as_a_dated_entry() {
    let guide = weekly();
    let mut entries = Entries::default();
    rate(&mut entries, &guide, "2026-11-22", 4);
    rate(&mut entries, &guide, "2026-11-29", 6);
    // Next week starts afresh, and the earlier weeks are untouched.
    let third = entries.begin(&guide, day("2026-12-06"));
    assert!(third.answers().is_empty());
    assert_eq!(third.id().as_str(), "tiny-2026-12-06");

    let history: Vec<_> = entries
        .history(guide.id())
        .iter()
        .map(|e| {
            (
                e.completed_on().unwrap().to_string(),
                e.answers().get(&q("rating")).cloned(),
            )
        })
        .collect();
    assert_eq!(
        history,
        [
            ("2026-11-22".to_owned(), Some(AnswerValue::Scale(4))),
            ("2026-11-29".to_owned(), Some(AnswerValue::Scale(6))),
        ]
    );
    assert_eq!(
        entries.current(&guide).map(|e| e.id().as_str()),
        Some("tiny-2026-12-06")
    );
}

#[test]
fn two_check_ins_on_one_day_get_different_ids() {
    let guide = weekly();
    let mut entries = Entries::default();
    rate(&mut entries, &guide, "2026-11-22", 4);
    rate(&mut entries, &guide, "2026-11-22", 5);
    let ids: Vec<_> = entries.iter().map(|e| e.id().to_string()).collect();
    assert_eq!(ids, ["tiny-2026-11-22", "tiny-2026-11-22-2"]);
}

#[test]
fn entries_are_stored_as_plain_json_and_read_back_unchanged() {
    let guide = weekly();
    let mut entries = Entries::default();
    rate(&mut entries, &guide, "2026-11-22", 4);
    entries
        .begin(&guide, day("2026-11-29"))
        .move_to(StepId::new("week"));
    let json = serde_json::to_string(&entries).unwrap();
    assert_eq!(
        json,
        concat!(
            r#"[{"id":"tiny-2026-11-22","guide":"tiny","started_on":"2026-11-22","#,
            r#""completed_on":"2026-11-22","answers":{"rating":{"type":"scale","value":4}},"#,
            r#""current_step":null},"#,
            r#"{"id":"tiny-2026-11-29","guide":"tiny","started_on":"2026-11-29","#,
            r#""completed_on":null,"answers":{},"current_step":"week"}]"#
        )
    );
    assert_eq!(serde_json::from_str::<Entries>(&json).unwrap(), entries);
}
