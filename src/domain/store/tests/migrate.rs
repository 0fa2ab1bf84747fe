//! Upgrading older data: the chain from every schema ends at the current one.

use super::{current_fixture, FIXTURES};
use crate::content::library;
use crate::domain::program::safety::{assess, SafetyChoices};
use crate::domain::store::{decode, migrate, Decoded, MigrationError, CURRENT_SCHEMA};
use serde_json::Value;

#[test]
fn data_at_the_current_schema_is_left_as_it_is() {
    let envelope: Value = serde_json::from_str(current_fixture()).unwrap();
    let data = envelope["data"].clone();
    assert_eq!(migrate(CURRENT_SCHEMA, data.clone()), Ok(data));
}

#[test]
fn schema_1_migrates_to_the_current_schema() {
    let envelope: Value = serde_json::from_str(FIXTURES[0].1).unwrap();
    assert!(migrate(1, envelope["data"].clone()).is_ok());
}

#[test]
fn schema_1_data_gains_unmade_safety_choices_and_keeps_every_answer() {
    let envelope: Value = serde_json::from_str(FIXTURES[0].1).unwrap();
    let before = envelope["data"].clone();
    let after = migrate(1, before.clone()).unwrap();
    assert_eq!(
        after["profile"]["safety"],
        serde_json::json!({ "full_path_for": [], "safe_now": [], "harm_page_read_for": [], "caution_lifted": [] }),
        "nobody had chosen anything before schema 2"
    );
    assert_eq!(after["profile"]["wording"], before["profile"]["wording"]);
    assert_eq!(
        after["entries"], before["entries"],
        "answers keep their meaning"
    );
    let Decoded::Loaded { document, .. } = decode(Some(FIXTURES[0].1)) else {
        panic!("schema 1 no longer loads");
    };
    assert_eq!(document.profile.safety, SafetyChoices::default());
}

#[test]
fn schema_1_safety_answers_raise_no_new_level_after_the_upgrade() {
    // Old data can only hold answers to questions that existed then; the new
    // crisis and uses-harm questions are unanswered, so neither level is
    // raised without the user having said anything new.
    let Decoded::Loaded { document, .. } = decode(Some(FIXTURES[0].1)) else {
        panic!("schema 1 no longer loads");
    };
    let status = assess(&document.entries, library(), &document.profile.safety);
    assert!(!status.crisis() && !status.uses_harm && !status.danger());
}

#[test]
fn a_schema_1_document_with_a_safety_field_is_refused_not_guessed() {
    let mut data: Value = serde_json::from_str::<Value>(FIXTURES[0].1).unwrap()["data"].clone();
    data["profile"]["safety"] = serde_json::json!({});
    assert!(matches!(
        migrate(1, data),
        Err(MigrationError::Failed { from: 1, .. })
    ));
}

#[test]
fn there_is_a_fixture_for_every_schema() {
    let schemas: Vec<u32> = FIXTURES.iter().map(|(schema, _)| *schema).collect();
    assert_eq!(schemas, (1..=CURRENT_SCHEMA).collect::<Vec<_>>());
    for (schema, text) in FIXTURES {
        let envelope: Value = serde_json::from_str(text).unwrap();
        assert_eq!(envelope["schema"], *schema, "fixture for schema {schema}");
    }
}

#[test]
fn schemas_that_do_not_exist_cannot_be_migrated() {
    assert_eq!(
        migrate(0, Value::Null),
        Err(MigrationError::UnknownSchema(0))
    );
    assert_eq!(
        migrate(CURRENT_SCHEMA + 1, Value::Null),
        Err(MigrationError::UnknownSchema(CURRENT_SCHEMA + 1))
    );
}
