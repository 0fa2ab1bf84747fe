//! Show-if conditions: each operator, nesting, and the rule that hidden answers do not count.

use super::{choice, choices, complete_answers, q, sample, text, tiny};
use crate::domain::answer::{AnswerValue, Answers};
use crate::domain::guide::Guide;

/// A guide whose second step holds one question per kind of condition.
const OPERATORS: &str = r#"
[[steps]]
id = "ask"
  [[steps.questions]]
  id = "mood"
  kind = "single_choice"
  text = "How do you feel?"
  options = [
    { id = "calm", label = "Calm" },
    { id = "tense", label = "Tense" },
    { id = "numb", label = "Numb" },
  ]
  [[steps.questions]]
  id = "ok"
  kind = "yes_no"
  text = "Are you OK?"
  [[steps.questions]]
  id = "rating"
  kind = "scale"
  text = "Rate today."
  min = 0
  max = 10
  [[steps.questions]]
  id = "tried"
  kind = "multiple_choice"
  text = "What did you try?"
  options = [
    { id = "talk", label = "Talking" },
    { id = "walk", label = "A walk" },
    { id = "write", label = "Writing" },
  ]
  [[steps.questions]]
  id = "note"
  kind = "short_text"
  text = "Anything else?"
  required = false

[[steps]]
id = "follow"
  [[steps.questions]]
  id = "if-calm"
  kind = "long_text"
  text = "What helps you stay calm?"
  required = false
  show_if = { question = "mood", equals = "calm" }
  [[steps.questions]]
  id = "if-not-ok"
  kind = "long_text"
  text = "What is weighing on you?"
  required = false
  show_if = { question = "ok", equals = "no" }
  [[steps.questions]]
  id = "if-seven"
  kind = "long_text"
  text = "Why exactly seven?"
  required = false
  show_if = { question = "rating", equals = 7 }
  [[steps.questions]]
  id = "if-high"
  kind = "long_text"
  text = "What made it a good day?"
  required = false
  show_if = { question = "rating", at_least = 7 }
  [[steps.questions]]
  id = "if-low"
  kind = "long_text"
  text = "What made it hard?"
  required = false
  show_if = { question = "rating", at_most = 3 }
  [[steps.questions]]
  id = "if-middle"
  kind = "long_text"
  text = "What would tip it?"
  required = false
  show_if = { question = "rating", at_least = 4, at_most = 6 }
  [[steps.questions]]
  id = "if-walked"
  kind = "long_text"
  text = "Where did you walk?"
  required = false
  show_if = { question = "tried", equals = "walk" }
  [[steps.questions]]
  id = "if-uneasy"
  kind = "long_text"
  text = "What is unsettling you?"
  required = false
  show_if = { question = "mood", any_of = ["tense", "numb"] }
  [[steps.questions]]
  id = "if-words"
  kind = "long_text"
  text = "What did you say or write?"
  required = false
  show_if = { question = "tried", any_of = ["talk", "write"] }
  [[steps.questions]]
  id = "if-noted"
  kind = "long_text"
  text = "Say more about your note."
  required = false
  show_if = { answered = "note" }
  [[steps.questions]]
  id = "if-calm-and-ok"
  kind = "long_text"
  text = "What is going well?"
  required = false
  show_if = { all = [ { question = "mood", equals = "calm" }, { question = "ok", equals = "yes" } ] }
  [[steps.questions]]
  id = "if-either"
  kind = "long_text"
  text = "Calm or not OK?"
  required = false
  show_if = { any = [ { question = "mood", equals = "calm" }, { question = "ok", equals = false } ] }
  [[steps.questions]]
  id = "if-not-calm"
  kind = "long_text"
  text = "What would help you feel calmer?"
  required = false
  show_if = { not = { question = "mood", equals = "calm" } }
  [[steps.questions]]
  id = "if-uneasy-and-unsure"
  kind = "long_text"
  text = "Is it about the other person, or something else?"
  required = false
  show_if = { all = [ { not = { answered = "note" } }, { any = [ { question = "mood", equals = "tense" }, { question = "rating", at_most = 2 } ] } ] }

[[steps]]
id = "deeper"
  [[steps.questions]]
  id = "after-calm"
  kind = "long_text"
  text = "Has that always helped?"
  required = false
  show_if = { answered = "if-calm" }
"#;

fn operators() -> Guide {
    tiny(OPERATORS)
}

/// The follow-up questions shown after the first step.
fn follow_ups(guide: &Guide, answers: &Answers) -> Vec<String> {
    guide
        .visible_questions(answers)
        .into_iter()
        .map(|question| question.id().to_string())
        .filter(|id| id.starts_with("if-") || id.starts_with("after-"))
        .collect()
}

#[test]
fn nothing_answered_shows_only_what_depends_on_nothing_or_on_absence() {
    // "not calm" holds while mood is unanswered: no answer is not "calm".
    assert_eq!(
        follow_ups(&operators(), &Answers::default()),
        ["if-not-calm"]
    );
}

#[test]
fn equals_matches_a_single_choice() {
    let calm = Answers::default().with("mood", choice("calm"));
    assert_eq!(
        follow_ups(&operators(), &calm),
        ["if-calm", "if-either"],
        "calm shows its follow-up, the `any`, and hides `not calm`"
    );
}

#[test]
fn equals_matches_yes_no_written_as_word_or_boolean() {
    let not_ok = Answers::default().with("ok", AnswerValue::YesNo(false));
    assert_eq!(
        follow_ups(&operators(), &not_ok),
        ["if-not-ok", "if-either", "if-not-calm"]
    );
}

#[test]
fn equals_at_least_and_at_most_compare_scale_values_inclusively() {
    let guide = operators();
    let rated = |n| Answers::default().with("rating", AnswerValue::Scale(n));
    let shown = |n| follow_ups(&guide, &rated(n));
    assert_eq!(shown(7), ["if-seven", "if-high", "if-not-calm"]);
    assert_eq!(shown(8), ["if-high", "if-not-calm"]);
    assert_eq!(shown(6), ["if-middle", "if-not-calm"]);
    assert_eq!(shown(4), ["if-middle", "if-not-calm"]);
    assert_eq!(shown(3), ["if-low", "if-not-calm"]);
    assert_eq!(shown(0), ["if-low", "if-not-calm", "if-uneasy-and-unsure"]);
}

#[test]
fn equals_on_a_multiple_choice_means_it_includes_that_option() {
    let walked = Answers::default().with("tried", choices(&["talk", "walk"]));
    assert_eq!(
        follow_ups(&operators(), &walked),
        ["if-walked", "if-words", "if-not-calm"]
    );
}

#[test]
fn any_of_matches_any_listed_option() {
    let guide = operators();
    let numb = Answers::default().with("mood", choice("numb"));
    assert_eq!(follow_ups(&guide, &numb), ["if-uneasy", "if-not-calm"]);
    let wrote = Answers::default().with("tried", choices(&["write"]));
    assert_eq!(follow_ups(&guide, &wrote), ["if-words", "if-not-calm"]);
    let walked_only = Answers::default().with("tried", choices(&["walk"]));
    assert_eq!(
        follow_ups(&guide, &walked_only),
        ["if-walked", "if-not-calm"]
    );
}

#[test]
fn answered_needs_a_non_blank_answer() {
    let guide = operators();
    let blank = Answers::default().with("note", text("   "));
    assert_eq!(follow_ups(&guide, &blank), ["if-not-calm"]);
    let noted = Answers::default().with("note", text("Slept badly"));
    assert_eq!(follow_ups(&guide, &noted), ["if-noted", "if-not-calm"]);
}

#[test]
fn all_needs_every_part_and_any_needs_one() {
    let guide = operators();
    let calm_and_ok = Answers::default()
        .with("mood", choice("calm"))
        .with("ok", AnswerValue::YesNo(true));
    assert_eq!(
        follow_ups(&guide, &calm_and_ok),
        ["if-calm", "if-calm-and-ok", "if-either"]
    );
    let calm_not_ok = Answers::default()
        .with("mood", choice("calm"))
        .with("ok", AnswerValue::YesNo(false));
    assert_eq!(
        follow_ups(&guide, &calm_not_ok),
        ["if-calm", "if-not-ok", "if-either"]
    );
}

#[test]
fn nested_conditions_combine_not_all_and_any() {
    let guide = operators();
    let tense = Answers::default().with("mood", choice("tense"));
    assert_eq!(
        follow_ups(&guide, &tense),
        ["if-uneasy", "if-not-calm", "if-uneasy-and-unsure"]
    );
    let low = Answers::default().with("rating", AnswerValue::Scale(1));
    assert_eq!(
        follow_ups(&guide, &low),
        ["if-low", "if-not-calm", "if-uneasy-and-unsure"]
    );
    // The note makes `not answered` fail, so the whole `all` fails.
    let tense_with_note = tense.with("note", text("Work"));
    assert_eq!(
        follow_ups(&guide, &tense_with_note),
        ["if-uneasy", "if-noted", "if-not-calm"]
    );
}

#[test]
fn an_answer_to_a_hidden_question_is_kept_but_counts_as_unanswered() {
    let guide = operators();
    let calm = Answers::default()
        .with("mood", choice("calm"))
        .with("if-calm", text("Breathing slowly"));
    assert_eq!(
        follow_ups(&guide, &calm),
        ["if-calm", "if-either", "after-calm"]
    );

    // Changing mood hides `if-calm`; its stored answer must not keep `after-calm` shown.
    let mut tense = calm.clone();
    tense.set(q("mood"), choice("tense"));
    assert_eq!(
        follow_ups(&guide, &tense),
        ["if-uneasy", "if-not-calm", "if-uneasy-and-unsure"]
    );
    assert_eq!(tense.get(&q("if-calm")), Some(&text("Breathing slowly")));
    assert!(!guide.visible_answers(&tense).contains(&q("if-calm")));

    // Changing back brings the kept answer back.
    assert_eq!(
        follow_ups(&guide, &calm),
        ["if-calm", "if-either", "after-calm"]
    );
}

#[test]
fn an_answer_that_no_longer_fits_counts_as_unanswered() {
    // e.g. stored before the content changed the scale.
    let off_scale = Answers::default().with("rating", AnswerValue::Scale(11));
    assert_eq!(follow_ups(&operators(), &off_scale), ["if-not-calm"]);
    let wrong_kind = Answers::default().with("mood", text("calm"));
    assert_eq!(follow_ups(&operators(), &wrong_kind), ["if-not-calm"]);
}

#[test]
fn in_the_sample_being_afraid_hides_the_repair_questions_and_their_answers() {
    let guide = sample();
    let mut answers = complete_answers();
    answers.set(q("afraid"), AnswerValue::YesNo(true));
    let shown: Vec<_> = guide
        .visible_questions(&answers)
        .iter()
        .map(|q| q.id().to_string())
        .collect();
    assert!(!shown.contains(&"kept".to_owned()));
    assert!(!shown.contains(&"trust-now".to_owned()));
    // trust-now = 6 is stored but hidden, so only talk = 4 can show the date question.
    assert!(shown.contains(&"talk-date".to_owned()));
    answers.set(q("talk"), AnswerValue::Scale(2));
    let shown: Vec<_> = guide
        .visible_questions(&answers)
        .iter()
        .map(|q| q.id().to_string())
        .collect();
    assert!(!shown.contains(&"talk-date".to_owned()));
}
