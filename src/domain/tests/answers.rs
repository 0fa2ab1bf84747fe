//! Checking answers against their questions, the messages people see, and how answers are stored.

use super::{choice, choices, q, sample, text, tiny};
use crate::domain::answer::{AnswerProblem, AnswerValue, Answers, ProblemKind};
use crate::domain::date::CalendarDate;
use crate::domain::guide::Guide;

fn check(guide: &Guide, question: &str, answer: Option<AnswerValue>) -> Result<(), String> {
    guide
        .question(&q(question))
        .expect("question exists")
        .check(answer.as_ref())
        .map_err(|AnswerProblem { message, .. }| message)
}

fn list(items: &[&str]) -> AnswerValue {
    AnswerValue::List(items.iter().map(|i| i.to_string()).collect())
}

fn date(text: &str) -> AnswerValue {
    AnswerValue::Date(text.to_owned())
}

#[test]
fn a_single_choice_asks_for_one_of_its_options() {
    let guide = sample();
    assert_eq!(check(&guide, "role", Some(choice("hurt"))), Ok(()));
    assert_eq!(
        check(&guide, "role", None),
        Err("Please choose one option.".into())
    );
    assert_eq!(
        check(&guide, "role", Some(choice("gone"))),
        Err("The option you chose is no longer offered. Please choose again.".into())
    );
    assert_eq!(
        check(&guide, "role", Some(AnswerValue::YesNo(true))),
        Err("This answer no longer fits the question. Please answer it again.".into())
    );
}

#[test]
fn a_multiple_choice_keeps_to_its_counts() {
    let guide = sample();
    assert_eq!(check(&guide, "kept", Some(choices(&["owned"]))), Ok(()));
    assert_eq!(
        check(&guide, "kept", Some(choices(&[]))),
        Err("Please choose at least one option.".into())
    );
    assert_eq!(
        check(
            &guide,
            "kept",
            Some(choices(&[
                "listened",
                "followed-through",
                "owned",
                "not-yet"
            ]))
        ),
        Err("Please choose no more than 3 options.".into())
    );
    // The same option twice is one choice, not two.
    assert_eq!(
        check(
            &guide,
            "kept",
            Some(choices(&["owned", "owned", "listened"]))
        ),
        Ok(())
    );
}

#[test]
fn a_minimum_number_of_choices_is_explained() {
    let guide = tiny(
        r#"
[[steps]]
id = "s"
  [[steps.questions]]
  id = "needs"
  kind = "multiple_choice"
  text = "Which two matter most?"
  min_choices = 2
  max_choices = 2
  options = [ { id = "time", label = "Time" }, { id = "honesty", label = "Honesty" }, { id = "space", label = "Space" } ]
"#,
    );
    assert_eq!(
        check(&guide, "needs", None),
        Err("Please choose at least 2 options.".into())
    );
    assert_eq!(
        check(&guide, "needs", Some(choices(&["time"]))),
        Err("Please choose at least 2 options.".into())
    );
    assert_eq!(
        check(&guide, "needs", Some(choices(&["time", "space"]))),
        Ok(())
    );
}

#[test]
fn yes_no_and_scale_say_what_they_need() {
    let guide = sample();
    assert_eq!(
        check(&guide, "afraid", None),
        Err("Please answer yes or no.".into())
    );
    assert_eq!(
        check(&guide, "afraid", Some(AnswerValue::YesNo(false))),
        Ok(())
    );
    assert_eq!(
        check(&guide, "trust-now", None),
        Err("Please pick a number from 0 to 10.".into())
    );
    assert_eq!(
        check(&guide, "trust-now", Some(AnswerValue::Scale(11))),
        Err("Please pick a number from 0 to 10.".into())
    );
    assert_eq!(
        check(&guide, "trust-now", Some(AnswerValue::Scale(0))),
        Ok(())
    );
}

#[test]
fn a_scale_with_a_step_accepts_only_its_marks() {
    let guide = tiny(
        r#"
[[steps]]
id = "s"
  [[steps.questions]]
  id = "effort"
  kind = "scale"
  text = "How much effort?"
  min = 0
  max = 100
  step = 25
"#,
    );
    let scale = match guide.question(&q("effort")).unwrap().kind() {
        crate::domain::guide::QuestionKind::Scale(scale) => scale.clone(),
        other => panic!("not a scale: {other:?}"),
    };
    assert_eq!(scale.values().collect::<Vec<_>>(), [0, 25, 50, 75, 100]);
    assert_eq!(
        check(&guide, "effort", Some(AnswerValue::Scale(50))),
        Ok(())
    );
    assert_eq!(
        check(&guide, "effort", Some(AnswerValue::Scale(30))),
        Err("Please pick a number from 0 to 100.".into())
    );
}

#[test]
fn text_rules_count_characters_of_the_trimmed_text() {
    let guide = sample();
    // The counsellor's own message replaces "Please write at least 20 characters."
    assert_eq!(
        check(&guide, "hardest", Some(text("   The silence.   "))),
        Err(
            "A sentence or two is plenty, just enough that you will remember what you meant."
                .into()
        )
    );
    assert_eq!(
        check(&guide, "hardest", Some(text("Not knowing what was true."))),
        Ok(())
    );
    // "é" is one character, though two bytes.
    assert_eq!(
        check(&guide, "hardest", Some(text(&"é".repeat(20)))),
        Ok(())
    );
    assert_eq!(
        check(&guide, "hardest", Some(text("  "))),
        Err("Please write an answer.".into())
    );
}

#[test]
fn standard_text_messages_name_the_limit() {
    let guide = tiny(
        r#"
[[steps]]
id = "s"
  [[steps.questions]]
  id = "what"
  kind = "long_text"
  text = "What happened, in your words?"
  min_length = 20
  [[steps.questions]]
  id = "word"
  kind = "short_text"
  text = "One word for today?"
  min_length = 1
  max_length = 12
  [[steps.questions]]
  id = "default-short"
  kind = "short_text"
  text = "Anything?"
"#,
    );
    assert_eq!(
        check(&guide, "what", Some(text("It was bad."))),
        Err("Please write at least 20 characters.".into())
    );
    assert_eq!(
        check(&guide, "word", Some(text("overwhelmed, tired"))),
        Err("Please keep this to 12 characters or fewer.".into())
    );
    assert_eq!(
        check(&guide, "default-short", Some(text(&"a".repeat(201)))),
        Err("Please keep this to 200 characters or fewer.".into())
    );
}

#[test]
fn a_checklist_may_be_left_with_nothing_ticked() {
    let guide = sample();
    assert_eq!(check(&guide, "pressure", None), Ok(()));
    assert_eq!(check(&guide, "pressure", Some(choices(&[]))), Ok(()));
    assert_eq!(check(&guide, "pressure", Some(choices(&["money"]))), Ok(()));
    assert_eq!(
        check(&guide, "pressure", Some(choices(&["money", "gambling"]))),
        Err("The option you chose is no longer offered. Please choose again.".into())
    );
}

#[test]
fn a_list_ignores_blank_rows_and_keeps_to_its_size() {
    let guide = sample();
    assert_eq!(
        check(&guide, "small-steps", Some(list(&["", "  "]))),
        Err("Please add at least one item.".into())
    );
    assert_eq!(
        check(
            &guide,
            "small-steps",
            Some(list(&["Call", "", "Walk", " ", "Cook"]))
        ),
        Ok(())
    );
    assert_eq!(
        check(
            &guide,
            "small-steps",
            Some(list(&["Call", "Walk", "Cook", "Write"]))
        ),
        Err("Please keep this to 3 items or fewer.".into())
    );
}

#[test]
fn a_date_must_be_a_real_day_written_yyyy_mm_dd() {
    let guide = sample();
    let example = Err("Please pick a date like 2026-11-22.".to_owned());
    assert_eq!(check(&guide, "talk-date", Some(date("2026-11-22"))), Ok(()));
    assert_eq!(check(&guide, "talk-date", Some(date("2028-02-29"))), Ok(()));
    assert_eq!(
        check(&guide, "talk-date", Some(date("2026-02-29"))),
        example
    );
    assert_eq!(
        check(&guide, "talk-date", Some(date("2026-11-31"))),
        example
    );
    assert_eq!(
        check(&guide, "talk-date", Some(date("22/11/2026"))),
        example
    );
    assert_eq!(check(&guide, "talk-date", Some(date("2026-1-5"))), example);
    // Optional, so a cleared date is fine.
    assert_eq!(check(&guide, "talk-date", Some(date(""))), Ok(()));
}

#[test]
fn problems_carry_a_kind_for_code_and_a_message_for_people() {
    let problem = sample()
        .question(&q("talk-date"))
        .unwrap()
        .check(Some(&date("soon")))
        .unwrap_err();
    assert_eq!(problem.kind, ProblemKind::NotADate);
    assert_eq!(problem.to_string(), "Please pick a date like 2026-11-22.");
}

#[test]
fn empty_answers_are_blank_text_nothing_chosen_or_blank_rows() {
    assert!(text(" \n ").is_empty());
    assert!(choices(&[]).is_empty());
    assert!(list(&["", " "]).is_empty());
    assert!(date("").is_empty());
    assert!(!list(&["", "Tea"]).is_empty());
    assert!(!AnswerValue::YesNo(false).is_empty());
    assert!(!AnswerValue::Scale(0).is_empty());
}

#[test]
fn answers_are_stored_in_a_fixed_json_form() {
    let answers = Answers::default()
        .with("role", choice("hurt"))
        .with("kept", choices(&["owned"]))
        .with("afraid", AnswerValue::YesNo(false))
        .with("trust-now", AnswerValue::Scale(7))
        .with("wish", text("That I need time"))
        .with("small-steps", list(&["Tea"]))
        .with("talk-date", date("2026-11-22"));
    let json = serde_json::to_string(&answers).unwrap();
    assert_eq!(
        json,
        concat!(
            r#"{"afraid":{"type":"yes_no","value":false},"#,
            r#""kept":{"type":"choices","value":["owned"]},"#,
            r#""role":{"type":"choice","value":"hurt"},"#,
            r#""small-steps":{"type":"list","value":["Tea"]},"#,
            r#""talk-date":{"type":"date","value":"2026-11-22"},"#,
            r#""trust-now":{"type":"scale","value":7},"#,
            r#""wish":{"type":"text","value":"That I need time"}}"#
        )
    );
    assert_eq!(serde_json::from_str::<Answers>(&json).unwrap(), answers);
}

#[test]
fn calendar_dates_parse_strictly_and_store_as_text() {
    let day: CalendarDate = "2026-11-22".parse().unwrap();
    assert_eq!((day.year(), day.month(), day.day()), (2026, 11, 22));
    assert_eq!(serde_json::to_string(&day).unwrap(), r#""2026-11-22""#);
    assert!("2026-13-01".parse::<CalendarDate>().is_err());
    assert!("0000-01-01".parse::<CalendarDate>().is_err());
    assert!("1900-02-29".parse::<CalendarDate>().is_err());
    assert!("2000-02-29".parse::<CalendarDate>().is_ok());
    assert!(serde_json::from_str::<CalendarDate>(r#""2026-02-30""#).is_err());
}
