//! The content file format: TOML and its JSON conversion read the same, and mistakes are refused.

use super::{raw, LISTENING, SAMPLE};
use crate::domain::guide::raw::{RawCondition, RawValue};
use crate::domain::guide::{Library, RawGuide};

/// What the build does: TOML text -> TOML value -> JSON text.
fn to_json(toml_text: &str) -> String {
    let value: toml::Value = toml::from_str(toml_text).expect("valid TOML");
    serde_json::to_string(&value).expect("TOML converts to JSON")
}

#[test]
fn a_guide_reads_the_same_from_toml_and_from_its_json() {
    for fixture in [SAMPLE, LISTENING] {
        let from_json: RawGuide = serde_json::from_str(&to_json(fixture)).expect("JSON reads");
        assert_eq!(from_json, raw(fixture));
    }
}

#[test]
fn the_library_loads_from_the_json_the_build_produces() {
    let sample = to_json(SAMPLE);
    let listening = to_json(LISTENING);
    let library = Library::from_json(&[
        ("content/guides/sample.json", &sample),
        ("content/guides/listening.json", &listening),
    ])
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(library, super::library());
}

#[test]
fn a_file_that_is_not_a_guide_is_reported_by_name() {
    let errors = Library::from_json(&[("content/guides/broken.json", r#"{"id": "broken"}"#)])
        .expect_err("not a guide");
    assert_eq!(
        errors.to_string(),
        "content/guides/broken.json: could not be read: missing field `title` at line 1 column 16"
    );
}

#[test]
fn a_misspelt_question_field_is_refused_rather_than_ignored() {
    let text = SAMPLE.replace("help = \"Pick the one", "hlep = \"Pick the one");
    let error = toml::from_str::<RawGuide>(&text).expect_err("typo refused");
    assert!(
        error.message().contains("unknown field `hlep`"),
        "{}",
        error.message()
    );
}

#[test]
fn an_unknown_question_kind_is_refused_with_the_kinds_listed() {
    let text = SAMPLE.replace("kind = \"date\"", "kind = \"calendar\"");
    let error = toml::from_str::<RawGuide>(&text).expect_err("unknown kind");
    assert!(
        error
            .message()
            .starts_with("unknown variant `calendar`, expected one of `single_choice`"),
        "{}",
        error.message()
    );
}

fn condition(toml_table: &str) -> Result<RawCondition, String> {
    #[derive(serde::Deserialize)]
    struct Holder {
        show_if: RawCondition,
    }
    toml::from_str::<Holder>(&format!("show_if = {toml_table}"))
        .map(|h| h.show_if)
        .map_err(|e| e.message().to_owned())
}

#[test]
fn conditions_read_as_one_flat_table_each() {
    assert_eq!(
        condition(r#"{ question = "afraid", equals = "yes" }"#),
        Ok(RawCondition::Equals {
            question: "afraid".into(),
            value: RawValue::Text("yes".into())
        })
    );
    assert_eq!(
        condition(r#"{ question = "trust", at_least = 3, at_most = 7 }"#),
        Ok(RawCondition::Range {
            question: "trust".into(),
            at_least: Some(3),
            at_most: Some(7)
        })
    );
    assert_eq!(
        condition(r#"{ not = { answered = "q1" } }"#),
        Ok(RawCondition::Not(Box::new(RawCondition::Answered(
            "q1".into()
        ))))
    );
    assert_eq!(
        condition(r#"{ question = "q", equals = 4 }"#),
        Ok(RawCondition::Equals {
            question: "q".into(),
            value: RawValue::Number(4)
        })
    );
}

#[test]
fn a_condition_with_two_operators_or_none_is_refused() {
    let expected = "a condition needs exactly one of `equals`, `any_of`, `at_least`/`at_most`, \
                    `answered`, `all`, `any` or `not`";
    assert_eq!(
        condition(r#"{ question = "q", equals = "a", any_of = ["b"] }"#),
        Err(expected.to_owned())
    );
    assert_eq!(condition(r#"{ question = "q" }"#), Err(expected.to_owned()));
}

#[test]
fn a_condition_says_when_it_needs_or_cannot_use_a_question() {
    assert_eq!(
        condition(r#"{ equals = "a" }"#),
        Err("this condition needs `question = \"...\"`".to_owned())
    );
    assert_eq!(
        condition(r#"{ question = "q", answered = "q" }"#),
        Err("`question` is only used with `equals`, `any_of`, `at_least` and `at_most`".to_owned())
    );
    assert!(condition(r#"{ question = "q", eqals = "a" }"#)
        .unwrap_err()
        .contains("unknown field `eqals`"));
}
