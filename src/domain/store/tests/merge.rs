//! Merging: this tab's unsaved changes re-applied on top of another tab's newer save.

use super::{day, guide, library};
use crate::domain::answer::AnswerValue;
use crate::domain::entry::Entry;
use crate::domain::guide::Library;
use crate::domain::ids::{EntryId, GuideId, StepId};
use crate::domain::store::{merge_pending, Document, MergeNote, Merged, Notice};
use crate::domain::tests::{choice, complete_answers, q, text};
use crate::domain::wording::{RelationshipKind, Wording};

const DAY: &str = "2026-11-22";

/// A document with one entry of `guide` begun on `on`, with `answers`.
fn with_entry(guide_id: &str, on: &str, answers: &[(&str, AnswerValue)]) -> Document {
    let mut document = Document::default();
    answer(&mut document, guide_id, on, answers);
    document
}

/// Begins (or resumes) `guide` in `document` and gives `answers`.
fn answer(document: &mut Document, guide_id: &str, on: &str, answers: &[(&str, AnswerValue)]) {
    let entry = document.entries.begin(&guide(guide_id), day(on));
    for (question, value) in answers {
        entry.answer(q(question), value.clone());
    }
}

fn the_entry<'a>(document: &'a Document, guide_id: &str) -> &'a Entry {
    let found: Vec<_> = document
        .entries
        .iter()
        .filter(|e| e.guide() == &GuideId::new(guide_id))
        .collect();
    assert_eq!(found.len(), 1, "entries of {guide_id}: {found:?}");
    found[0]
}

fn answer_of(document: &Document, guide_id: &str, question: &str) -> Option<AnswerValue> {
    the_entry(document, guide_id)
        .answers()
        .get(&q(question))
        .cloned()
}

fn merge(theirs: &Document, saved: &Document, current: &Document) -> Merged {
    merge_pending(theirs.clone(), saved, current, &library())
}

#[test]
fn two_tabs_answering_different_questions_keep_both_answers() {
    let saved = with_entry("sample", DAY, &[("role", choice("hurt"))]);
    let mut theirs = saved.clone();
    answer(
        &mut theirs,
        "sample",
        DAY,
        &[("talk", AnswerValue::Scale(4))],
    );
    let mut current = saved.clone();
    answer(
        &mut current,
        "sample",
        DAY,
        &[("afraid", AnswerValue::YesNo(false))],
    );

    let merged = merge(&theirs, &saved, &current);
    let document = &merged.document;
    assert_eq!(answer_of(document, "sample", "role"), Some(choice("hurt")));
    assert_eq!(
        answer_of(document, "sample", "talk"),
        Some(AnswerValue::Scale(4))
    );
    assert_eq!(
        answer_of(document, "sample", "afraid"),
        Some(AnswerValue::YesNo(false))
    );
    assert_eq!(merged.notes, []);
    assert_eq!(merged.notice(), Notice::Combined);
}

#[test]
fn the_same_answer_changed_in_both_keeps_this_tabs_and_says_so() {
    let saved = with_entry("sample", DAY, &[("talk", AnswerValue::Scale(3))]);
    let mut theirs = saved.clone();
    answer(
        &mut theirs,
        "sample",
        DAY,
        &[("talk", AnswerValue::Scale(1))],
    );
    let mut current = saved.clone();
    answer(
        &mut current,
        "sample",
        DAY,
        &[("talk", AnswerValue::Scale(5))],
    );

    let merged = merge(&theirs, &saved, &current);
    assert_eq!(
        answer_of(&merged.document, "sample", "talk"),
        Some(AnswerValue::Scale(5))
    );
    assert_eq!(
        merged.notes,
        [MergeNote::BothAnswered {
            entry: EntryId::new("sample-2026-11-22"),
            question: q("talk")
        }]
    );
    assert_eq!(merged.notice(), Notice::BothChanged);
}

#[test]
fn the_same_answer_given_in_both_is_no_clash() {
    let saved = with_entry("sample", DAY, &[]);
    let both = with_entry("sample", DAY, &[("role", choice("both"))]);
    let merged = merge(&both, &saved, &both);
    assert_eq!(merged.document, both);
    assert_eq!(merged.notes, []);
}

#[test]
fn an_answer_cleared_here_stays_cleared() {
    let saved = with_entry(
        "sample",
        DAY,
        &[("wish", text("Time")), ("role", choice("hurt"))],
    );
    let mut theirs = saved.clone();
    answer(&mut theirs, "sample", DAY, &[("role", choice("both"))]);
    let mut current = saved.clone();
    current
        .entries
        .get_mut(&EntryId::new("sample-2026-11-22"))
        .unwrap()
        .clear_answer(&q("wish"));

    let merged = merge(&theirs, &saved, &current);
    assert_eq!(answer_of(&merged.document, "sample", "wish"), None);
    assert_eq!(
        answer_of(&merged.document, "sample", "role"),
        Some(choice("both"))
    );
}

#[test]
fn with_nothing_unsaved_here_the_other_tabs_document_is_taken_as_it_is() {
    let saved = with_entry("sample", DAY, &[("role", choice("hurt"))]);
    let mut theirs = saved.clone();
    answer(
        &mut theirs,
        "listening",
        DAY,
        &[("urge", text("To explain myself"))],
    );

    let merged = merge(&theirs, &saved, &saved);
    assert_eq!(merged.document, theirs);
    assert!(!merged.had_pending);
    assert_eq!(merged.notice(), Notice::TookTheirs);
}

#[test]
fn a_guide_started_here_is_added_where_the_other_tab_has_none() {
    let saved = Document::default();
    let theirs = with_entry("listening", DAY, &[("urge", text("To explain myself"))]);
    let mut current = with_entry("sample", "2026-11-23", &[("role", choice("broke"))]);
    current
        .entries
        .get_mut(&EntryId::new("sample-2026-11-23"))
        .unwrap()
        .move_to(StepId::new("feeling-safe"));

    let merged = merge(&theirs, &saved, &current);
    let sample = the_entry(&merged.document, "sample");
    assert_eq!(sample.id().as_str(), "sample-2026-11-23");
    assert_eq!(sample.started_on(), day("2026-11-23"));
    assert_eq!(sample.answers().get(&q("role")), Some(&choice("broke")));
    assert_eq!(sample.current_step(), Some(&StepId::new("feeling-safe")));
    assert_eq!(
        answer_of(&merged.document, "listening", "urge"),
        Some(text("To explain myself"))
    );
}

#[test]
fn a_guide_started_in_both_tabs_becomes_one_entry_with_both_answers() {
    let saved = Document::default();
    // Begun on different days, so with different ids.
    let theirs = with_entry("sample", "2026-11-21", &[("role", choice("hurt"))]);
    let current = with_entry("sample", DAY, &[("talk", AnswerValue::Scale(2))]);

    let merged = merge(&theirs, &saved, &current);
    let sample = the_entry(&merged.document, "sample");
    assert_eq!(sample.id().as_str(), "sample-2026-11-21");
    assert_eq!(sample.answers().get(&q("role")), Some(&choice("hurt")));
    assert_eq!(
        sample.answers().get(&q("talk")),
        Some(&AnswerValue::Scale(2))
    );
    assert_eq!(merged.notes, []);
}

#[test]
fn a_guide_finished_here_is_finished_in_the_merge() {
    let saved = with_entry("sample", DAY, &[]);
    let mut theirs = saved.clone();
    theirs.profile.wording.relationship = RelationshipKind::Friend;
    let mut current = saved.clone();
    let answers: Vec<_> = complete_answers()
        .iter()
        .map(|(question, value)| (question.as_str().to_owned(), value.clone()))
        .collect();
    let entry = current.entries.begin(&guide("sample"), day(DAY));
    for (question, value) in &answers {
        entry.answer(q(question), value.clone());
    }
    current
        .entries
        .complete(&guide("sample"), day("2026-11-24"))
        .expect("complete");

    let merged = merge(&theirs, &saved, &current);
    let sample = the_entry(&merged.document, "sample");
    assert_eq!(sample.completed_on(), Some(day("2026-11-24")));
    assert_eq!(sample.answers(), &complete_answers());
    assert_eq!(
        merged.document.profile.wording.relationship,
        RelationshipKind::Friend
    );
    assert_eq!(merged.notes, []);
}

#[test]
fn a_guide_finished_here_stays_open_if_the_other_tab_removed_a_needed_answer() {
    let mut saved = Document::default();
    let entry = saved.entries.begin(&guide("sample"), day(DAY));
    for (question, value) in complete_answers().iter() {
        entry.answer(question.clone(), value.clone());
    }
    let mut theirs = saved.clone();
    theirs
        .entries
        .get_mut(&EntryId::new("sample-2026-11-22"))
        .unwrap()
        .clear_answer(&q("role"));
    let mut current = saved.clone();
    current
        .entries
        .complete(&guide("sample"), day(DAY))
        .expect("complete");

    let merged = merge(&theirs, &saved, &current);
    assert!(!the_entry(&merged.document, "sample").is_completed());
    assert_eq!(
        merged.notes,
        [MergeNote::NotFinished {
            entry: EntryId::new("sample-2026-11-22")
        }]
    );
    assert_eq!(merged.notice(), Notice::NotFinished);
}

#[test]
fn a_check_in_filed_in_the_other_tab_still_gets_the_note_added_here() {
    let weekly = guide("weekly");
    let saved = with_entry("weekly", DAY, &[("rating", AnswerValue::Scale(4))]);
    let mut theirs = saved.clone();
    theirs
        .entries
        .complete(&weekly, day(DAY))
        .expect("complete");
    let mut current = saved.clone();
    answer(
        &mut current,
        "weekly",
        DAY,
        &[("note", text("Good talk on Sunday"))],
    );

    let merged = merge(&theirs, &saved, &current);
    // Added to the filed week, not to a new one.
    let week = the_entry(&merged.document, "weekly");
    assert!(week.is_completed());
    assert_eq!(
        week.answers().get(&q("note")),
        Some(&text("Good talk on Sunday"))
    );
    assert_eq!(merged.notes, []);
}

#[test]
fn a_check_in_finished_in_both_tabs_stays_one_dated_entry() {
    let weekly = guide("weekly");
    let saved = Document::default();
    let mut theirs = with_entry("weekly", DAY, &[("rating", AnswerValue::Scale(3))]);
    theirs.entries.complete(&weekly, day(DAY)).unwrap();
    let mut current = with_entry("weekly", DAY, &[("rating", AnswerValue::Scale(7))]);
    current.entries.complete(&weekly, day(DAY)).unwrap();

    let merged = merge(&theirs, &saved, &current);
    let history = merged.document.entries.history(weekly.id());
    assert_eq!(history.len(), 1);
    assert_eq!(
        history[0].answers().get(&q("rating")),
        Some(&AnswerValue::Scale(7))
    );
    assert_eq!(merged.notes.len(), 1, "{:?}", merged.notes);
}

#[test]
fn history_this_tab_built_while_saving_failed_is_all_kept() {
    let weekly = guide("weekly");
    let saved = Document::default();
    let theirs = with_entry("listening", DAY, &[("urge", text("To argue"))]);
    // Two weeks of check-ins here, none of them saved.
    let mut current = Document::default();
    for (on, rating) in [("2026-11-15", 5), (DAY, 6)] {
        answer(
            &mut current,
            "weekly",
            on,
            &[("rating", AnswerValue::Scale(rating))],
        );
        current.entries.complete(&weekly, day(on)).unwrap();
    }

    let merged = merge(&theirs, &saved, &current);
    let ratings: Vec<_> = merged
        .document
        .entries
        .history(weekly.id())
        .iter()
        .map(|e| (e.id().to_string(), e.answers().get(&q("rating")).cloned()))
        .collect();
    assert_eq!(
        ratings,
        [
            ("weekly-2026-11-15".to_owned(), Some(AnswerValue::Scale(5))),
            ("weekly-2026-11-22".to_owned(), Some(AnswerValue::Scale(6))),
        ]
    );
    assert_eq!(merged.notes, []);
}

#[test]
fn the_resume_point_follows_this_tab() {
    let saved = with_entry("sample", DAY, &[]);
    let id = EntryId::new("sample-2026-11-22");
    let mut theirs = saved.clone();
    theirs
        .entries
        .get_mut(&id)
        .unwrap()
        .move_to(StepId::new("where-you-are"));
    let mut current = saved.clone();
    current
        .entries
        .get_mut(&id)
        .unwrap()
        .move_to(StepId::new("looking-ahead"));

    let merged = merge(&theirs, &saved, &current);
    assert_eq!(
        the_entry(&merged.document, "sample").current_step(),
        Some(&StepId::new("looking-ahead"))
    );
}

#[test]
fn wording_merges_field_by_field() {
    let saved = Document::default();
    let mut theirs = saved.clone();
    theirs.profile.wording.relationship = RelationshipKind::Friend;
    let mut current = saved.clone();
    current.profile.wording.name = Some("Robin".to_owned());

    let merged = merge(&theirs, &saved, &current);
    assert_eq!(
        merged.document.profile.wording,
        Wording {
            relationship: RelationshipKind::Friend,
            name: Some("Robin".to_owned())
        }
    );
    assert_eq!(merged.notes, []);

    theirs.profile.wording.name = Some("Rob".to_owned());
    let merged = merge(&theirs, &saved, &current);
    assert_eq!(
        merged.document.profile.wording.name.as_deref(),
        Some("Robin")
    );
    assert_eq!(merged.notes, [MergeNote::BothChangedWording]);
    assert_eq!(merged.notice(), Notice::BothChanged);
}

#[test]
fn an_entry_of_a_guide_not_in_the_library_is_kept_whole() {
    // Cannot happen in the app (a tab edits only guides it has), but if it
    // did, the entry must not vanish.
    let saved = Document::default();
    let theirs = Document::default();
    let current = with_entry("sample", DAY, &[("role", choice("hurt"))]);
    let without_sample = Library::from_raw(vec![(
        "content/guides/listening.toml".to_owned(),
        crate::domain::tests::raw(crate::domain::tests::LISTENING),
    )])
    .unwrap();

    let merged = merge_pending(theirs, &saved, &current, &without_sample);
    assert_eq!(merged.document, current);
}

#[test]
fn safety_choices_merge_choice_by_choice_so_a_stale_tab_never_brings_back_an_undone_one() {
    let mut saved = Document::default();
    saved.profile.safety.full_path_for = vec![EntryId::new("start-2026-11-22")];
    saved.profile.safety.safe_now = vec![EntryId::new("start-2026-11-22")];
    // The other tab set repair work aside again.
    let mut theirs = saved.clone();
    theirs.profile.safety.full_path_for.clear();
    // This tab, still holding the old copy, only reopened a crisis answer.
    let mut current = saved.clone();
    current.profile.safety.safe_now.clear();
    let merged = merge_pending(theirs, &saved, &current, &library()).document;
    assert!(
        merged.profile.safety.full_path_for.is_empty(),
        "the choice undone in the other tab stays undone"
    );
    assert!(
        merged.profile.safety.safe_now.is_empty(),
        "this tab's change is kept"
    );
}
