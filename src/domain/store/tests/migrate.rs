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
        serde_json::json!({ "full_path_for": [], "safe_now": [], "harm_step_for": [], "caution_lifted": [], "done_set_aside_for": [] }),
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

/// Schema 2 data with commitments written in finished and unfinished guides.
fn schema_2_with_commitments() -> Value {
    serde_json::json!({
        "profile": {
            "wording": { "relationship": "partner", "name": "Sam" },
            "safety": { "full_path_for": [], "safe_now": [], "harm_page_read_for": [], "caution_lifted": [] }
        },
        "entries": [
            { "id": "b", "guide": "backing-words-with-actions", "started_on": "2026-10-01",
              "completed_on": "2026-10-03", "current_step": null, "answers": {
                "commitments": { "type": "list", "value": ["  Tell you if my plans change ", "", "No phone at dinner"] },
                "if-you-slip": { "type": "list", "value": ["Say so the same day"] } } },
            { "id": "c", "guide": "committing-to-the-work", "started_on": "2026-10-20",
              "completed_on": "2026-10-21", "current_step": null, "answers": {
                "amends": { "type": "list", "value": ["Answer questions honestly"] },
                "open-to": { "type": "list", "value": ["Say when I need a break"] },
                "ask-of-them": { "type": "list", "value": ["Be home by ten"] } } },
            { "id": "open", "guide": "committing-to-the-work", "started_on": "2026-11-01",
              "completed_on": null, "current_step": null, "answers": {
                "amends": { "type": "list", "value": ["Not finished yet"] } } },
            { "id": "gone", "guide": "a-guide-that-no-longer-exists", "started_on": "2026-09-01",
              "completed_on": "2026-09-01", "current_step": null, "answers": {
                "commitments": { "type": "list", "value": ["Not a source"] } } }
        ]
    })
}

#[test]
fn schema_2_commitments_in_finished_guides_are_tracked_from_the_day_they_were_finished() {
    let before = schema_2_with_commitments();
    let after = migrate(2, before.clone()).unwrap();
    for (after, before) in after["entries"]
        .as_array()
        .unwrap()
        .iter()
        .zip(before["entries"].as_array().unwrap())
    {
        assert_eq!(after["answers"], before["answers"], "no answer changes");
        assert_eq!(after["id"], before["id"]);
    }
    let tracked: Vec<(String, String, String)> = after["commitments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            assert_eq!(c["ended"], Value::Null);
            assert_eq!(c["weeks"], serde_json::json!([]), "no week is marked");
            (
                c["text"].as_str().unwrap().to_owned(),
                c["started_on"].as_str().unwrap().to_owned(),
                c["source"]["question"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let expected = [
        ("Tell you if my plans change", "2026-10-03", "commitments"),
        ("No phone at dinner", "2026-10-03", "commitments"),
        ("Answer questions honestly", "2026-10-21", "amends"),
        ("Say when I need a break", "2026-10-21", "open-to"),
    ]
    .map(|(a, b, c)| (a.to_owned(), b.to_owned(), c.to_owned()));
    assert_eq!(tracked, expected);
}

#[test]
fn schema_2_data_with_commitments_loads_with_them() {
    let mut envelope: Value = serde_json::from_str(FIXTURES[1].1).unwrap();
    envelope["data"] = schema_2_with_commitments();
    let Decoded::Loaded { document, .. } = decode(Some(&envelope.to_string())) else {
        panic!("schema 2 no longer loads");
    };
    assert_eq!(document.commitments.open().count(), 4);
    let Decoded::Loaded { document, .. } = decode(Some(FIXTURES[1].1)) else {
        panic!("schema 2 no longer loads");
    };
    assert!(
        document.commitments.is_empty(),
        "the schema 2 fixture wrote no commitments"
    );
}

#[test]
fn a_schema_2_document_with_commitments_or_a_bad_date_is_refused_not_guessed() {
    let mut data = schema_2_with_commitments();
    data["commitments"] = serde_json::json!([]);
    assert!(matches!(
        migrate(2, data),
        Err(MigrationError::Failed { from: 2, .. })
    ));
    let mut data = schema_2_with_commitments();
    data["entries"][0]["completed_on"] = serde_json::json!("last Tuesday");
    assert!(matches!(
        migrate(2, data),
        Err(MigrationError::Failed { from: 2, .. })
    ));
}

#[test]
fn schema_3_data_gains_no_exchanges_and_keeps_everything_else() {
    let envelope: Value = serde_json::from_str(FIXTURES[2].1).unwrap();
    let before = envelope["data"].clone();
    let after = migrate(3, before.clone()).unwrap();
    assert_eq!(after["exchanges"], serde_json::json!([]));
    // Schema 5 renamed one guide; nothing else about them changes.
    let unrenamed = |v: &Value| -> Value {
        serde_json::from_str(
            &v.to_string()
                .replace("\"keeping-your-word\"", "\"backing-words-with-actions\""),
        )
        .unwrap()
    };
    assert_eq!(unrenamed(&after["entries"]), before["entries"]);
    assert_eq!(unrenamed(&after["commitments"]), before["commitments"]);
    let mut with_exchanges = before;
    with_exchanges["exchanges"] = serde_json::json!([]);
    assert!(matches!(
        migrate(3, with_exchanges),
        Err(MigrationError::Failed { from: 3, .. })
    ));
}

#[test]
fn schema_4_loses_the_page_read_choice_and_gains_no_step_taken() {
    let envelope: Value = serde_json::from_str(FIXTURES[3].1).unwrap();
    let mut data = envelope["data"].clone();
    data["profile"]["safety"]["harm_page_read_for"] = serde_json::json!(["start-2026-10-02"]);
    let after = migrate(4, data).unwrap();
    assert_eq!(
        after["profile"]["safety"],
        serde_json::json!({ "full_path_for": [], "safe_now": ["start-2026-10-02"], "harm_step_for": [], "caution_lifted": [], "done_set_aside_for": [] }),
        "reading the page no longer releases the held guides; no step was said to be taken"
    );
}

#[test]
fn schema_4_intake_threats_keep_their_caution_and_raise_no_new_danger() {
    let envelope: Value = serde_json::from_str(FIXTURES[3].1).unwrap();
    let mut data = envelope["data"].clone();
    data["entries"][0]["answers"]["control"] =
        serde_json::json!({ "type": "choices", "value": ["threats", "money"] });
    let after = migrate(4, data).unwrap();
    assert_eq!(
        after["entries"][0]["answers"]["control"]["value"],
        serde_json::json!(["leave-with-nothing", "money"])
    );
    let mut envelope = envelope.clone();
    envelope["schema"] = serde_json::json!(4);
    envelope["data"]["entries"][0]["answers"]["control"] =
        serde_json::json!({ "type": "choices", "value": ["threats"] });
    let text = envelope.to_string();
    let Decoded::Loaded { document, .. } = decode(Some(&text)) else {
        panic!("schema 4 no longer loads");
    };
    let status = assess(&document.entries, library(), &document.profile.safety);
    assert!(status.caution(), "the caution stands");
    assert!(!status.danger(), "no new danger on old data");
}

#[test]
fn schema_4_data_that_already_has_a_step_taken_is_refused_not_guessed() {
    let envelope: Value = serde_json::from_str(FIXTURES[3].1).unwrap();
    let mut data = envelope["data"].clone();
    data["profile"]["safety"]["harm_step_for"] = serde_json::json!([]);
    assert!(matches!(
        migrate(4, data),
        Err(MigrationError::Failed { from: 4, .. })
    ));
}

#[test]
fn schema_4_backing_words_with_actions_becomes_keeping_your_word_with_its_commitments() {
    let after = migrate(2, schema_2_with_commitments()).unwrap();
    assert_eq!(after["entries"][0]["guide"], "keeping-your-word");
    assert_eq!(
        after["entries"][0]["id"], "b",
        "entry ids are names and stay"
    );
    assert_eq!(
        after["entries"][3]["guide"],
        "a-guide-that-no-longer-exists"
    );
    let sources: Vec<&str> = after["commitments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["source"]["guide"].as_str().unwrap())
        .collect();
    assert!(sources.contains(&"keeping-your-word"), "{sources:?}");
    assert!(!sources.contains(&"backing-words-with-actions"));
    // Loaded, the finished guide is the renamed one, with its answers.
    let envelope = serde_json::json!({
        "app": "mend", "schema": 2, "revision": 1, "saved_at": "2026-11-10T10:00:00.000Z",
        "data": schema_2_with_commitments(),
    });
    let Decoded::Loaded { document, .. } = decode(Some(&envelope.to_string())) else {
        panic!("schema 2 no longer loads");
    };
    let guide = library()
        .guide(&crate::domain::ids::GuideId::new("keeping-your-word"))
        .unwrap();
    let history = document.entries.history(guide.id());
    assert_eq!(history.len(), 1);
    assert!(history[0].answers().get(&"commitments".into()).is_some());
}

#[test]
fn schema_4_done_answers_are_set_aside_so_the_upgrade_changes_no_path() {
    let envelope: Value = serde_json::from_str(FIXTURES[3].1).unwrap();
    let mut data = envelope["data"].clone();
    let entries = data["entries"].as_array_mut().unwrap();
    entries.push(serde_json::json!({
        "id": "rebuild-or-move-on-2026-10-20", "guide": "rebuild-or-move-on",
        "started_on": "2026-10-20", "completed_on": "2026-10-20", "current_step": null,
        "answers": { "lean": { "type": "choice", "value": "move-on" } }
    }));
    let after = migrate(4, data.clone()).unwrap();
    assert_eq!(
        after["profile"]["safety"]["done_set_aside_for"],
        serde_json::json!(["rebuild-or-move-on-2026-10-20"])
    );
    let mut envelope = envelope.clone();
    envelope["data"] = data;
    let Decoded::Loaded { document, .. } = decode(Some(&envelope.to_string())) else {
        panic!("schema 4 no longer loads");
    };
    let status = assess(&document.entries, library(), &document.profile.safety);
    assert!(!status.done(), "an old answer raises nothing by itself");
    assert_eq!(
        status.done_entries.len(),
        1,
        "but it is known, and a new one counts"
    );
}

#[test]
fn schema_4_a_caution_lifted_before_stays_lifted_after_its_tick_is_renamed() {
    use crate::domain::program::safety::SafetyChoices;
    let envelope: Value = serde_json::from_str(FIXTURES[3].1).unwrap();
    let mut data = envelope["data"].clone();
    data["entries"][0]["answers"]["control"] =
        serde_json::json!({ "type": "choices", "value": ["threats"] });
    // What a clean Safety check stored when it lifted that caution.
    let old = serde_json::json!({ "type": "choices", "value": ["threats"] });
    let fp = format!(
        "{:016x}",
        crate::domain::fingerprint::fingerprint(&format!("control={old}"))
    );
    data["profile"]["safety"]["caution_lifted"] =
        serde_json::json!([{ "entry": "start-2026-10-02", "answers": fp }]);
    let mut envelope = envelope.clone();
    envelope["data"] = data;
    let Decoded::Loaded { document, .. } = decode(Some(&envelope.to_string())) else {
        panic!("schema 4 no longer loads");
    };
    let status = assess(&document.entries, library(), &document.profile.safety);
    assert!(!status.caution(), "the lifted caution does not come back");
    // And with nothing lifted, the caution stands, as before the upgrade.
    let fresh = assess(&document.entries, library(), &SafetyChoices::default());
    assert!(fresh.caution());
}
