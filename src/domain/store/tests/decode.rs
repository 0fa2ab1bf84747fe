//! Reading stored text: every fixture loads, and everything else is told apart without panicking.

use super::{current_fixture, loaded, FIXTURES};
use crate::domain::answer::AnswerValue;
use crate::domain::ids::{EntryId, GuideId, QuestionId, StepId};
use crate::domain::store::{decode, Corruption, Decoded, MigrationError, CURRENT_SCHEMA};
use crate::domain::wording::RelationshipKind;
use serde_json::{json, Value};

fn corrupt(text: &str) -> Corruption {
    match decode(Some(text)) {
        Decoded::Corrupt { reason } => reason,
        other => panic!("expected corrupt for {text:?}, got {other:?}"),
    }
}

/// A named way to damage the fixture.
type Damage = (&'static str, fn(&mut Value));

/// The current fixture as JSON, edited by `edit`, as text.
fn edited(edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(current_fixture()).expect("fixture is JSON");
    edit(&mut value);
    value.to_string()
}

#[test]
fn nothing_stored_is_a_fresh_start() {
    assert_eq!(decode(None), Decoded::Fresh);
}

#[test]
fn every_schema_ever_written_still_loads() {
    for (schema, text) in FIXTURES {
        assert!(
            matches!(decode(Some(text)), Decoded::Loaded { .. }),
            "schema {schema} fixture no longer loads: {:?}",
            decode(Some(text))
        );
    }
}

#[test]
fn the_schema_1_fixture_loads_with_everything_in_it() {
    let (document, stamp) = loaded(FIXTURES[0].1);
    assert_eq!(stamp.revision, 42);
    assert_eq!(stamp.saved_at, "2026-11-08T21:47:12.345Z");

    let wording = &document.profile.wording;
    assert_eq!(wording.relationship, RelationshipKind::Partner);
    assert_eq!(wording.name(), Some("Zoë"));

    let entries: Vec<_> = document.entries.iter().collect();
    assert_eq!(entries.len(), 6);
    let weekly = GuideId::new("weekly-check-in");
    let history: Vec<_> = document
        .entries
        .history(&weekly)
        .iter()
        .map(|e| e.id().to_string())
        .collect();
    assert_eq!(
        history,
        ["weekly-check-in-2026-10-18", "weekly-check-in-2026-10-25"]
    );

    let owning = document
        .entries
        .get(&EntryId::new("owning-your-part-2026-10-04"))
        .expect("owning entry");
    assert_eq!(
        owning.completed_on().map(|d| d.to_string()).as_deref(),
        Some("2026-10-11")
    );
    assert_eq!(
        owning.answers().get(&QuestionId::new("what-happened")),
        Some(&AnswerValue::Text(
            "I said I was at Dani’s on the Friday — I wasn't.\n\
             I kept the \"work trip\" story going for two months."
                .to_owned()
        ))
    );

    let open = document
        .entries
        .get(&EntryId::new("weekly-check-in-2026-11-08"))
        .expect("open check-in");
    assert!(!open.is_completed());
    assert_eq!(open.current_step(), Some(&StepId::new("ratings")));
    assert_eq!(
        open.answers().get(&QuestionId::new("trust")),
        Some(&AnswerValue::Scale(6))
    );

    let apology = document
        .entries
        .get(&EntryId::new("planning-an-apology-2026-11-02"))
        .expect("apology entry");
    assert_eq!(
        apology.answers().get(&QuestionId::new("talk-date")),
        Some(&AnswerValue::Date("2026-11-30".to_owned()))
    );
    // Blank text the user left is kept as typed, not dropped.
    assert_eq!(
        apology.answers().get(&QuestionId::new("what-will-change")),
        Some(&AnswerValue::Text("   ".to_owned()))
    );
}

#[test]
fn a_newer_schema_is_recognised_and_not_judged() {
    let newer = CURRENT_SCHEMA + 1;
    // Whatever a newer Mend changed, its data is left for it.
    let text = json!({"app": "mend", "schema": newer, "everything": "different"}).to_string();
    assert_eq!(decode(Some(&text)), Decoded::Newer { schema: newer });
    let text = edited(|v| v["schema"] = json!(newer));
    assert_eq!(decode(Some(&text)), Decoded::Newer { schema: newer });
}

#[test]
fn empty_or_blank_text_is_corrupt() {
    assert_eq!(corrupt(""), Corruption::Empty);
    assert_eq!(corrupt(" \n\t"), Corruption::Empty);
}

#[test]
fn text_that_is_not_json_is_corrupt() {
    for text in [
        "hello",
        "{",
        "{\"app\": \"mend\",}",
        "\u{feff}{}",
        "undefined",
        "[object Object]",
    ] {
        assert!(matches!(corrupt(text), Corruption::NotJson(_)), "{text:?}");
    }
}

#[test]
fn json_that_is_not_an_object_is_corrupt() {
    for text in [
        "null",
        "42",
        "\"mend\"",
        "[]",
        "[{\"app\":\"mend\"}]",
        "true",
    ] {
        assert_eq!(corrupt(text), Corruption::NotAnObject, "{text:?}");
    }
}

#[test]
fn an_object_without_the_mend_marker_is_corrupt() {
    assert_eq!(corrupt("{}"), Corruption::NotMend);
    assert_eq!(
        corrupt(&edited(|v| v["app"] = json!("other-app"))),
        Corruption::NotMend
    );
    assert_eq!(
        corrupt(&edited(|v| v["app"] = json!(1))),
        Corruption::NotMend
    );
    let no_marker = edited(|v| {
        v.as_object_mut().unwrap().remove("app");
    });
    assert_eq!(corrupt(&no_marker), Corruption::NotMend);
}

#[test]
fn an_unreadable_envelope_is_corrupt() {
    let cases: [Damage; 9] = [
        ("schema missing", |v| {
            v.as_object_mut().unwrap().remove("schema");
        }),
        ("schema as text", |v| v["schema"] = json!("1")),
        ("schema zero", |v| v["schema"] = json!(0)),
        ("schema negative", |v| v["schema"] = json!(-1)),
        ("schema huge", |v| v["schema"] = json!(u64::MAX)),
        ("revision as text", |v| v["revision"] = json!("42")),
        ("revision fractional", |v| v["revision"] = json!(4.2)),
        ("saved_at missing", |v| {
            v.as_object_mut().unwrap().remove("saved_at");
        }),
        ("an unknown field", |v| v["extra"] = json!(true)),
    ];
    for (case, edit) in cases {
        assert!(
            matches!(corrupt(&edited(edit)), Corruption::Envelope(_)),
            "{case}: {:?}",
            decode(Some(&edited(edit)))
        );
    }
    let no_data = edited(|v| {
        v.as_object_mut().unwrap().remove("data");
    });
    assert!(matches!(corrupt(&no_data), Corruption::Envelope(_)));
}

#[test]
fn data_of_the_wrong_shape_or_with_impossible_values_is_corrupt() {
    let cases: [Damage; 10] = [
        ("data is a list", |v| v["data"] = json!([])),
        ("no profile", |v| {
            v["data"].as_object_mut().unwrap().remove("profile");
        }),
        ("entries is an object", |v| v["data"]["entries"] = json!({})),
        ("an unknown relationship", |v| {
            v["data"]["profile"]["wording"]["relationship"] = json!("spouse")
        }),
        ("a date that does not exist", |v| {
            v["data"]["entries"][0]["started_on"] = json!("2026-02-30")
        }),
        ("an unknown answer kind", |v| {
            v["data"]["entries"][0]["answers"]["ready"] = json!({"type": "maybe", "value": 1})
        }),
        ("a scale answer as text", |v| {
            v["data"]["entries"][1]["answers"]["trust"] = json!({"type": "scale", "value": "3"})
        }),
        ("an entry without an id", |v| {
            v["data"]["entries"][2]
                .as_object_mut()
                .unwrap()
                .remove("id");
        }),
        ("an unknown field in the document", |v| {
            v["data"]["settings"] = json!({})
        }),
        ("an unknown field in the profile", |v| {
            v["data"]["profile"]["theme"] = json!("dark")
        }),
    ];
    for (case, edit) in cases {
        assert!(
            matches!(
                corrupt(&edited(edit)),
                Corruption::Data {
                    schema: CURRENT_SCHEMA,
                    ..
                }
            ),
            "{case}: {:?}",
            decode(Some(&edited(edit)))
        );
    }
}

#[test]
fn a_truncated_document_is_corrupt() {
    let text = current_fixture().trim_end();
    for cut in [
        1,
        text.len() / 3,
        text.len() / 2,
        text.len() - 2,
        text.len() - 1,
    ] {
        let cut = (0..=cut).rev().find(|&c| text.is_char_boundary(c)).unwrap();
        assert!(
            matches!(corrupt(&text[..cut]), Corruption::NotJson(_)),
            "cut at {cut}"
        );
    }
}

#[test]
fn corruption_reasons_read_well_in_the_console() {
    assert_eq!(
        corrupt(&edited(|v| v["schema"] = json!(0))).to_string(),
        "the envelope is not readable: `schema` is 0; schemas start at 1"
    );
    assert_eq!(
        Corruption::from(MigrationError::UnknownSchema(7)).to_string(),
        "there is no schema 7 to upgrade from"
    );
    let reason = corrupt(&edited(|v| {
        v["data"]["profile"]["wording"]["relationship"] = json!("spouse")
    }));
    assert!(
        reason
            .to_string()
            .starts_with("the data does not fit schema 5: unknown variant `spouse`"),
        "{reason}"
    );
}
