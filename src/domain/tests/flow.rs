//! Moving through a guide: which screens show, progress counts, back/next, and when it is finished.

use super::{choice, complete_answers, q, sample, text, tiny};
use crate::domain::answer::{AnswerValue, Answers, ProblemKind};
use crate::domain::guide::{Guide, Progress};
use crate::domain::ids::StepId;

fn step_ids(guide: &Guide, answers: &Answers) -> Vec<String> {
    guide
        .visible_steps(answers)
        .iter()
        .map(|s| s.id().to_string())
        .collect()
}

fn progress(guide: &Guide, step: &str, answers: &Answers) -> Option<Progress> {
    guide.progress(&StepId::new(step), answers)
}

#[test]
fn every_screen_shows_when_nothing_hides_it() {
    assert_eq!(
        step_ids(&sample(), &complete_answers()),
        [
            "where-you-are",
            "feeling-safe",
            "what-helps",
            "in-your-words",
            "looking-ahead"
        ]
    );
}

#[test]
fn being_afraid_skips_the_repair_screen_both_ways() {
    let guide = sample();
    let afraid = Answers::default().with("afraid", AnswerValue::YesNo(true));
    assert_eq!(
        step_ids(&guide, &afraid),
        [
            "where-you-are",
            "feeling-safe",
            "in-your-words",
            "looking-ahead"
        ]
    );
    let next = guide.next_step(&StepId::new("feeling-safe"), &afraid);
    assert_eq!(next.map(|s| s.id().as_str()), Some("in-your-words"));
    let back = guide.previous_step(&StepId::new("in-your-words"), &afraid);
    assert_eq!(back.map(|s| s.id().as_str()), Some("feeling-safe"));
}

#[test]
fn next_and_previous_stop_at_the_ends() {
    let guide = sample();
    let none = Answers::default();
    assert_eq!(
        guide.first_step(&none).map(|s| s.id().as_str()),
        Some("where-you-are")
    );
    assert!(guide
        .previous_step(&StepId::new("where-you-are"), &none)
        .is_none());
    assert!(guide
        .next_step(&StepId::new("looking-ahead"), &none)
        .is_none());
    assert!(guide
        .next_step(&StepId::new("no-such-step"), &none)
        .is_none());
}

#[test]
fn next_works_from_a_screen_that_has_just_become_hidden() {
    let guide = sample();
    let afraid = Answers::default().with("afraid", AnswerValue::YesNo(true));
    let next = guide.next_step(&StepId::new("what-helps"), &afraid);
    assert_eq!(next.map(|s| s.id().as_str()), Some("in-your-words"));
}

#[test]
fn progress_counts_only_the_questions_currently_shown() {
    let guide = sample();
    // Before any answer: `hardest` and `talk-date` are hidden, 8 questions show.
    let none = Answers::default();
    assert_eq!(
        progress(&guide, "where-you-are", &none),
        Some(Progress {
            first: 1,
            last: 2,
            total: 8
        })
    );
    assert_eq!(
        progress(&guide, "in-your-words", &none),
        Some(Progress {
            first: 7,
            last: 7,
            total: 8
        })
    );
    // Saying you were hurt, and how talking feels, brings both in.
    let hurt = none
        .with("role", choice("hurt"))
        .with("talk", AnswerValue::Scale(4));
    assert_eq!(
        progress(&guide, "in-your-words", &hurt),
        Some(Progress {
            first: 7,
            last: 8,
            total: 10
        })
    );
    assert_eq!(
        progress(&guide, "looking-ahead", &hurt),
        Some(Progress {
            first: 9,
            last: 10,
            total: 10
        })
    );
}

#[test]
fn a_hidden_screen_has_no_progress() {
    let afraid = Answers::default().with("afraid", AnswerValue::YesNo(true));
    assert_eq!(progress(&sample(), "what-helps", &afraid), None);
}

#[test]
fn a_screen_whose_questions_are_all_hidden_is_skipped() {
    let guide = tiny(
        r#"
[[steps]]
id = "first"
  [[steps.questions]]
  id = "talked"
  kind = "yes_no"
  text = "Have you talked since?"
[[steps]]
id = "about-the-talk"
  [[steps.questions]]
  id = "how"
  kind = "long_text"
  text = "How did it go?"
  show_if = { question = "talked", equals = "yes" }
[[steps]]
id = "last"
  [[steps.questions]]
  id = "next"
  kind = "short_text"
  text = "One thing for next time?"
"#,
    );
    let not_yet = Answers::default().with("talked", AnswerValue::YesNo(false));
    assert_eq!(step_ids(&guide, &not_yet), ["first", "last"]);
    assert!(guide
        .questions_shown_on(&StepId::new("about-the-talk"), &not_yet)
        .is_empty());
    let talked = Answers::default().with("talked", AnswerValue::YesNo(true));
    assert_eq!(
        step_ids(&guide, &talked),
        ["first", "about-the-talk", "last"]
    );
}

#[test]
fn a_screen_shows_only_its_visible_questions() {
    let guide = sample();
    let broke = Answers::default()
        .with("role", choice("broke"))
        .with("talk", AnswerValue::Scale(3));
    let shown: Vec<_> = guide
        .questions_shown_on(&StepId::new("in-your-words"), &broke)
        .iter()
        .map(|q| q.id().as_str())
        .collect();
    assert_eq!(shown, ["wish"]);
}

#[test]
fn a_fresh_guide_sends_the_user_to_the_first_question() {
    let guide = sample();
    let gap = guide
        .first_unfinished(&Answers::default())
        .expect("nothing answered");
    assert_eq!(gap.step.id().as_str(), "where-you-are");
    assert_eq!(gap.question.id().as_str(), "role");
    assert_eq!(gap.problem.message, "Please choose one option.");
    assert!(!guide.is_complete(&Answers::default()));
}

#[test]
fn answering_every_shown_required_question_completes_the_guide() {
    let guide = sample();
    assert!(guide.is_complete(&complete_answers()));

    let mut answers = complete_answers();
    answers.remove(&q("small-steps"));
    let gap = guide.first_unfinished(&answers).expect("list missing");
    assert_eq!(gap.question.id().as_str(), "small-steps");
    assert_eq!(gap.problem.message, "Please add at least one item.");
}

#[test]
fn hidden_required_questions_do_not_block_completion() {
    let mut answers = complete_answers();
    answers.set(q("afraid"), AnswerValue::YesNo(true));
    answers.remove(&q("kept"));
    answers.remove(&q("trust-now"));
    assert!(sample().is_complete(&answers));
}

#[test]
fn an_optional_answer_that_breaks_a_rule_must_be_fixed_first() {
    let guide = sample();
    let answers = complete_answers().with("wish", text(&"x".repeat(141)));
    let gaps = guide.unfinished(&answers);
    assert_eq!(gaps.len(), 1);
    assert_eq!(gaps[0].question.id().as_str(), "wish");
    assert_eq!(gaps[0].problem.kind, ProblemKind::TooLong);
    assert_eq!(
        gaps[0].problem.message,
        "Please keep this to 140 characters or fewer."
    );
}

#[test]
fn the_review_page_lists_every_gap_in_order() {
    let answers = complete_answers().with("hardest", text("Hard."));
    let mut answers = answers;
    answers.remove(&q("role"));
    let gaps: Vec<_> = sample()
        .unfinished(&answers)
        .into_iter()
        .map(|g| (g.question.id().to_string(), g.problem.message))
        .collect();
    // Without a role, `hardest` is hidden again, so its short answer does not matter.
    assert_eq!(
        gaps,
        [("role".to_owned(), "Please choose one option.".to_owned())]
    );
}

#[test]
fn an_answer_can_reveal_a_follow_up_on_the_same_screen() {
    let guide = tiny(
        r#"
[[steps]]
id = "apology"
  [[steps.questions]]
  id = "apologised"
  kind = "yes_no"
  text = "Have you apologised to {name}?"
  [[steps.questions]]
  id = "response"
  kind = "long_text"
  text = "How did {name} respond?"
  show_if = { question = "apologised", equals = "yes" }
"#,
    );
    let step = StepId::new("apology");
    let shown = |answers: &Answers| -> Vec<String> {
        guide
            .questions_shown_on(&step, answers)
            .iter()
            .map(|q| q.id().to_string())
            .collect()
    };
    assert_eq!(shown(&Answers::default()), ["apologised"]);
    let yes = Answers::default().with("apologised", AnswerValue::YesNo(true));
    assert_eq!(shown(&yes), ["apologised", "response"]);
    assert_eq!(
        guide.progress(&step, &yes),
        Some(Progress {
            first: 1,
            last: 2,
            total: 2
        })
    );
}
