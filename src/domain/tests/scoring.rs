//! Scores from shown answers, result bands, possible ranges, flags and recommendations.

use super::{choices, complete_answers, q, sample, tiny};
use crate::domain::answer::{AnswerValue, Answers};
use crate::domain::guide::{Guide, ScoreRange};
use crate::domain::ids::DimensionId;
use crate::domain::wording::Wording;

/// (dimension, score, band title) for each dimension.
fn results(guide: &Guide, answers: &Answers) -> Vec<(String, i64, Option<String>)> {
    guide
        .score(answers)
        .into_iter()
        .map(|s| {
            (
                s.dimension.id().to_string(),
                s.value,
                s.band.map(|b| b.title().render(&Wording::default())),
            )
        })
        .collect()
}

fn result(dimension: &str, value: i64, band: &str) -> (String, i64, Option<String>) {
    (dimension.to_owned(), value, Some(band.to_owned()))
}

#[test]
fn a_complete_check_in_scores_each_dimension_and_finds_its_band() {
    // openness: talk 4 + listened 1; steadiness: not afraid 2 + followed through 1 + trust 6.
    assert_eq!(
        results(&sample(), &complete_answers()),
        [
            result("openness", 5, "Opening up"),
            result("steadiness", 9, "Steady")
        ]
    );
}

#[test]
fn hidden_answers_do_not_score() {
    let mut answers = complete_answers();
    answers.set(q("afraid"), AnswerValue::YesNo(true));
    // `kept` and `trust-now` are still stored but their screen is hidden.
    assert_eq!(
        results(&sample(), &answers),
        [
            result("openness", 4, "Opening up"),
            result("steadiness", 0, "Shaky")
        ]
    );
}

#[test]
fn ticked_checklist_items_and_negative_weights_count() {
    let answers = complete_answers().with("pressure", choices(&["silence", "money"]));
    assert_eq!(
        results(&sample(), &answers),
        [
            result("openness", 5, "Opening up"),
            result("steadiness", 7, "Finding footing")
        ]
    );
}

#[test]
fn the_possible_range_of_each_dimension_is_known() {
    let guide = sample();
    let ranges: Vec<_> = guide.dimensions().iter().map(|d| d.range()).collect();
    // openness: talk 1..5 (required) + kept 0..2; steadiness: afraid 0..2,
    // pressure -5..0, kept 0..1, trust-now 0..10.
    assert_eq!(
        ranges,
        [
            ScoreRange { min: 1, max: 7 },
            ScoreRange { min: -5, max: 13 }
        ]
    );
}

#[test]
fn bands_are_looked_up_inclusively_at_both_ends() {
    let guide = sample();
    let openness = &guide.dimensions()[0];
    let title = |score| {
        openness
            .band_for(score)
            .map(|b| b.title().render(&Wording::default()))
    };
    assert_eq!(title(1).as_deref(), Some("Guarded"));
    assert_eq!(title(3).as_deref(), Some("Guarded"));
    assert_eq!(title(4).as_deref(), Some("Opening up"));
    assert_eq!(title(7).as_deref(), Some("Open"));
    assert_eq!(title(8), None);
}

#[test]
fn a_half_finished_guide_can_score_below_every_band() {
    let guide = sample();
    let scores = guide.score(&Answers::default());
    assert_eq!(scores[0].value, 0);
    assert!(
        scores[0].band.is_none(),
        "openness needs `talk`, so 0 has no band"
    );
}

#[test]
fn recommendations_come_from_the_bands_without_repeats() {
    let guide = sample();
    // Guarded openness and finding-footing steadiness both suggest `listening`.
    let answers = complete_answers()
        .with("talk", AnswerValue::Scale(1))
        .with("kept", choices(&["not-yet"]))
        .with("trust-now", AnswerValue::Scale(3));
    assert_eq!(
        results(&guide, &answers),
        [
            result("openness", 1, "Guarded"),
            result("steadiness", 5, "Finding footing")
        ]
    );
    let next: Vec<_> = guide
        .recommendations(&answers)
        .iter()
        .map(|g| g.as_str())
        .collect();
    assert_eq!(next, ["listening"]);
    assert!(guide.recommendations(&complete_answers()).is_empty());
}

#[test]
fn the_safety_flag_is_raised_by_fear_or_by_control() {
    let guide = sample();
    let raised = |answers: &Answers| -> Vec<String> {
        guide
            .raised_flags(answers)
            .iter()
            .map(|f| f.id().to_string())
            .collect()
    };
    assert!(raised(&complete_answers()).is_empty());
    let afraid = complete_answers().with("afraid", AnswerValue::YesNo(true));
    assert_eq!(raised(&afraid), ["safety"]);
    let checked = complete_answers().with("pressure", choices(&["silence", "checking"]));
    assert_eq!(raised(&checked), ["safety"]);
    let silence = complete_answers().with("pressure", choices(&["silence"]));
    assert!(raised(&silence).is_empty());
    assert!(guide.raises(&"safety".into(), &afraid));
}

fn range_of(body: &str) -> ScoreRange {
    let guide = tiny(body);
    guide
        .dimensions()
        .iter()
        .find(|d| d.id() == &DimensionId::new("d"))
        .expect("dimension d")
        .range()
}

/// A guide with one question (given) scoring into dimension `d`, whose one
/// band covers `from..=to`.
fn one_question(question: &str, from: i64, to: i64) -> String {
    format!(
        r#"
[[steps]]
id = "s"
  [[steps.questions]]
  id = "q"
  text = "Question?"
  {question}

[[dimensions]]
id = "d"
label = "D"
  [[dimensions.bands]]
  from = {from}
  to = {to}
  title = "All"
  text = "Every score."
"#
    )
}

#[test]
fn the_range_of_several_choices_respects_how_many_may_be_chosen() {
    let question = r#"kind = "multiple_choice"
  min_choices = 2
  max_choices = 2
  options = [
    { id = "a", label = "A", weights = { d = 3 } },
    { id = "b", label = "B", weights = { d = 2 } },
    { id = "c", label = "C", weights = { d = 1 } },
    { id = "e", label = "E", weights = { d = -1 } },
  ]"#;
    // Lowest pair: 1 + -1; highest pair: 3 + 2.
    assert_eq!(
        range_of(&one_question(question, 0, 5)),
        ScoreRange { min: 0, max: 5 }
    );
}

#[test]
fn a_scale_weight_multiplies_and_an_optional_question_can_add_nothing() {
    let required = r#"kind = "scale"
  min = 1
  max = 5
  weights = { d = -2 }"#;
    assert_eq!(
        range_of(&one_question(required, -10, -2)),
        ScoreRange { min: -10, max: -2 }
    );
    let optional = format!("{required}\n  required = false");
    assert_eq!(
        range_of(&one_question(&optional, -10, 0)),
        ScoreRange { min: -10, max: 0 }
    );
}

#[test]
fn yes_no_weights_score_the_answer_given() {
    let question = r#"kind = "yes_no"
  yes_weights = { d = 3 }
  no_weights = { d = -1 }"#;
    let guide = tiny(&one_question(question, -1, 3));
    assert_eq!(
        guide.dimensions()[0].range(),
        ScoreRange { min: -1, max: 3 }
    );
    let yes = Answers::default().with("q", AnswerValue::YesNo(true));
    let no = Answers::default().with("q", AnswerValue::YesNo(false));
    assert_eq!(guide.score(&yes)[0].value, 3);
    assert_eq!(guide.score(&no)[0].value, -1);
}
