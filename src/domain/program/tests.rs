//! Tests of the program rules against the guides Mend actually ships.

use super::apology::{check_wording, segments, APOLOGY_GUIDE, APOLOGY_PARTS};
use super::intake::{Intake, Role};
use super::path::{next_step, step_status, StepStatus};
use super::safety::in_danger;
use crate::content::{library, paths};
use crate::domain::answer::{AnswerValue, Answers};
use crate::domain::entry::Entries;
use crate::domain::ids::{GuideId, QuestionId};
use crate::domain::wording::RelationshipKind;

fn flagged(text: &str) -> Vec<&str> {
    check_wording(text)
        .iter()
        .map(|f| &text[f.start..f.end])
        .collect()
}

#[test]
fn the_apology_check_flags_each_excuse_and_blame_phrase() {
    assert_eq!(flagged("I'm sorry, but I was tired."), ["but"]);
    assert_eq!(flagged("I'm sorry if you were hurt."), ["sorry if"]);
    assert_eq!(
        flagged("It wouldn't have happened if you had told me."),
        ["if you"]
    );
    assert_eq!(
        flagged("I'm sorry you feel that way."),
        ["I'm sorry you feel"]
    );
    assert_eq!(
        flagged("You made me so angry that I left."),
        ["You made me"]
    );
    assert_eq!(flagged("I only looked at the messages once."), ["I only"]);
    assert_eq!(flagged("Everyone does this sometimes."), ["Everyone does"]);
    assert_eq!(flagged("I just needed time."), ["I just"]);
    assert_eq!(flagged("Mistakes were made."), ["Mistakes were made"]);
}

#[test]
fn the_apology_check_leaves_plain_sentences_alone() {
    for sentence in [
        "I lied to you about where I was on Friday.",
        "I read your diary without asking, and I am sorry.",
        "You trusted me with that, and I broke it.",
        "I will be home by six, and I will tell you if that changes.",
        "What do you need from me now?",
        "I buttered the bread and pressed the button.",
        "I justified it to myself for weeks.",
    ] {
        assert_eq!(flagged(sentence), Vec::<&str>::new(), "{sentence}");
    }
}

#[test]
fn the_apology_check_reads_curly_apostrophes_and_keeps_offsets_in_any_text() {
    assert_eq!(
        flagged("I’m sorry you feel let down."),
        ["I’m sorry you feel"]
    );
    let text = "Zoë, I hurt you — but I want to do better.";
    assert_eq!(flagged(text), ["but"]);
    let rebuilt: String = segments(text).iter().map(|(piece, _)| *piece).collect();
    assert_eq!(
        rebuilt, text,
        "the pieces put back together are the draft, unchanged"
    );
    assert!(segments(text)
        .iter()
        .any(|(piece, flag)| *piece == "but" && flag.is_some()));
}

#[test]
fn the_apology_guide_has_every_part_the_planner_checks() {
    let guide = library()
        .guide(&GuideId::new(APOLOGY_GUIDE))
        .expect("the apology guide ships");
    for part in APOLOGY_PARTS {
        assert!(
            guide.question(&QuestionId::new(part)).is_some(),
            "missing part {part}"
        );
    }
}

fn intake(role: &str, relationship: &str, name: &str, willing: &str) -> Answers {
    Answers::default()
        .with("role", AnswerValue::Choice(role.into()))
        .with("relationship", AnswerValue::Choice(relationship.into()))
        .with("name", AnswerValue::Text(name.into()))
        .with("willing", AnswerValue::Choice(willing.into()))
}

#[test]
fn the_intake_sets_the_wording_every_guide_uses() {
    let read = Intake::from_answers(&intake("hurt", "family", "  Mum ", "yes"));
    assert_eq!(read.role, Some(Role::Hurt));
    assert_eq!(read.wording().relationship, RelationshipKind::FamilyMember);
    assert_eq!(read.wording().reference(), "Mum");
    let unnamed = Intake::from_answers(&intake("broke", "coworker", "   ", "yes"));
    assert_eq!(unnamed.wording().reference(), "your coworker");
}

fn ids(path: &[GuideId]) -> Vec<&str> {
    path.iter().map(GuideId::as_str).collect()
}

#[test]
fn each_role_gets_its_own_path() {
    let path = |role| {
        paths().for_intake(
            &Intake::from_answers(&intake(role, "partner", "", "yes")),
            false,
        )
    };
    assert_eq!(
        ids(&path("broke"))[..3],
        [
            "owning-your-part",
            "planning-an-apology",
            "how-much-to-tell"
        ]
    );
    assert_eq!(
        ids(&path("hurt"))[..3],
        [
            "understanding-the-hurt",
            "your-footing",
            "can-this-be-rebuilt"
        ]
    );
    assert_eq!(
        ids(&path("both"))[..2],
        ["can-this-be-rebuilt", "owning-your-part"]
    );
    assert_eq!(ids(&path("unsure"))[0], "can-this-be-rebuilt");
    assert!(
        paths().for_intake(&Intake::default(), false).is_empty(),
        "no path before the role is known"
    );
}

#[test]
fn danger_replaces_the_path_with_safety_and_no_repair_work() {
    for role in Role::ALL {
        let path = paths().for_intake(
            &Intake::from_answers(&intake(role.as_str(), "partner", "", "yes")),
            true,
        );
        assert_eq!(ids(&path)[0], "safety-check");
        for repair in [
            "planning-an-apology",
            "the-conversation",
            "forgiveness",
            "committing-to-the-work",
        ] {
            assert!(
                !ids(&path).contains(&repair),
                "{repair} suggested despite danger"
            );
        }
    }
}

#[test]
fn work_that_needs_both_people_waits_while_the_other_is_unwilling() {
    let path = paths().for_intake(
        &Intake::from_answers(&intake("broke", "friend", "", "no")),
        false,
    );
    assert!(!ids(&path).contains(&"the-conversation"));
    assert!(ids(&path).contains(&"planning-an-apology"));
}

#[test]
fn the_intakes_safety_answers_raise_danger_and_a_clean_safety_check_later_does_not_hide_them() {
    let start = library().guide(&GuideId::new("start")).unwrap();
    let check = library().guide(&GuideId::new("safety-check")).unwrap();
    let today = "2026-11-22".parse().unwrap();
    let mut entries = Entries::default();
    entries
        .begin(start, today)
        .answer(QuestionId::new("afraid"), AnswerValue::YesNo(false));
    assert!(!in_danger(&entries, library()));
    entries
        .begin(start, today)
        .answer(QuestionId::new("harm"), AnswerValue::YesNo(true));
    assert!(in_danger(&entries, library()));
    entries
        .begin(start, today)
        .answer(QuestionId::new("harm"), AnswerValue::YesNo(false));
    assert!(
        !in_danger(&entries, library()),
        "changing the answer clears it"
    );
    assert!(check.flags().iter().any(|f| f.id().as_str() == "danger"));
}

#[test]
fn path_steps_show_not_started_in_progress_and_done() {
    let guide = library().guide(&GuideId::new("appreciation-log")).unwrap();
    let today = "2026-11-22".parse().unwrap();
    let mut entries = Entries::default();
    assert_eq!(step_status(guide, &entries), StepStatus::NotStarted);
    let first = guide.steps()[0].id().clone();
    entries.begin(guide, today).move_to(first);
    assert_eq!(step_status(guide, &entries), StepStatus::InProgress);
    let path = vec![guide.id().clone()];
    assert_eq!(next_step(&path, library(), &entries), Some(guide.id()));
}
