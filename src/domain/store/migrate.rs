//! Upgrading stored data written by an earlier Mend, one schema at a time.
//!
//! Migrations work on the JSON of the envelope's `data` (a
//! `serde_json::Value`), before it is read into a [`Document`](super::Document),
//! because an older shape no longer fits today's types.
//!
//! # Adding a schema
//!
//! When the stored format changes in any way (a new field, a renamed one, a
//! new answer kind):
//!
//! 1. Raise [`CURRENT_SCHEMA`] by one. The [`MIGRATIONS`] array then fails to
//!    compile until it has one more step, so none can be forgotten.
//! 2. Write the step as one function from the old `data` to the new one, and
//!    append it to [`MIGRATIONS`]:
//!
//!    ```ignore
//!    /// Schema 2 adds `profile.settings`, empty until the user changes one.
//!    fn from_1_to_2(mut data: Value) -> Result<Value, String> {
//!        let profile = data
//!            .get_mut("profile")
//!            .and_then(Value::as_object_mut)
//!            .ok_or("there is no profile")?;
//!        profile.insert("settings".to_owned(), serde_json::json!({}));
//!        Ok(data)
//!    }
//!
//!    const MIGRATIONS: [Step; CURRENT_SCHEMA as usize - 1] = [from_1_to_2, from_2_to_3, from_3_to_4];
//!    ```
//!
//! 3. Keep `fixtures/schema-1.json` exactly as it is (it is what schema 1
//!    really wrote) and add `fixtures/schema-2.json`, a realistic document as
//!    the new Mend writes it. List it in `FIXTURES` in `tests/mod.rs`. The
//!    tests then decode every fixture, so every older format stays readable,
//!    and check that the newest one re-encodes to exactly itself.
//! 4. Add a test that the old fixture decodes to what you expect in the new
//!    shape (e.g. empty settings).
//!
//! A step never sees data newer than itself and must not guess: if the data
//! does not have the shape its schema promised, return an error and the
//! decoder treats the text as unreadable (it is kept aside, never deleted).

use crate::domain::date::CalendarDate;
use crate::domain::fingerprint::fingerprint;
use crate::domain::ids::{GuideId, QuestionId};
use crate::domain::program::commitments::Commitments;
use crate::domain::program::intake::INTAKE_GUIDE;
use serde_json::Value;

/// The schema this Mend writes. Data with a higher one is left alone.
pub const CURRENT_SCHEMA: u32 = 5;

/// One upgrade: `data` of schema `n` to schema `n + 1`, or why it can't be.
type Step = fn(Value) -> Result<Value, String>;

/// `MIGRATIONS[i]` upgrades schema `i + 1` to `i + 2`.
const MIGRATIONS: [Step; CURRENT_SCHEMA as usize - 1] =
    [from_1_to_2, from_2_to_3, from_3_to_4, from_4_to_5];

/// Schema 2 adds `profile.safety`: the user's choices about the safety rules
/// (see the program's safety module). Nobody had made one before, so every
/// choice starts unmade. No answer changes: the answers of schema 1 keep
/// their question and option ids, and the new levels are worked out from them.
fn from_1_to_2(mut data: Value) -> Result<Value, String> {
    let profile = data
        .get_mut("profile")
        .and_then(Value::as_object_mut)
        .ok_or("there is no profile")?;
    if profile.contains_key("safety") {
        return Err("schema 1 has no `profile.safety`, but this data does".to_owned());
    }
    profile.insert(
        "safety".to_owned(),
        serde_json::json!({ "full_path_for": [], "safe_now": [], "harm_page_read_for": [], "caution_lifted": [] }),
    );
    Ok(data)
}

/// The guides and questions commitments came from when schema 3 was written,
/// under the guide ids of that time (schema 5 renamed one of them).
const SOURCES_AT_SCHEMA_3: [(&str, &str); 3] = [
    ("backing-words-with-actions", "commitments"),
    ("committing-to-the-work", "amends"),
    ("committing-to-the-work", "open-to"),
];

/// Guides renamed by schema 5: (the old id, the new one).
const RENAMED_AT_SCHEMA_5: [(&str, &str); 1] =
    [("backing-words-with-actions", "keeping-your-word")];

/// Schema 3 adds `commitments`, tracked week by week. The commitments the
/// user already wrote in a finished guide that asks for them are taken up,
/// started on the day that guide was finished, with no week marked: the
/// same as finishing the guide today would do, dated as it really was.
/// Unfinished entries are left to be taken up when they are finished.
fn from_2_to_3(mut data: Value) -> Result<Value, String> {
    let object = data.as_object_mut().ok_or("the data is not an object")?;
    if object.contains_key("commitments") {
        return Err("schema 2 has no `commitments`, but this data does".to_owned());
    }
    let entries = object
        .get("entries")
        .and_then(Value::as_array)
        .ok_or("there are no entries")?;
    let mut commitments = Commitments::default();
    for entry in entries {
        let text = |field: &str| entry.get(field).and_then(Value::as_str);
        let (Some(guide), Some(finished)) = (text("guide"), text("completed_on")) else {
            continue;
        };
        let finished: CalendarDate = finished
            .parse()
            .map_err(|_| format!("an entry was finished on {finished:?}, which is not a date"))?;
        for (source, question) in SOURCES_AT_SCHEMA_3 {
            let lines = entry
                .pointer(&format!("/answers/{question}"))
                .filter(|answer| answer.get("type").and_then(Value::as_str) == Some("list"))
                .and_then(|answer| answer.get("value"))
                .and_then(|value| serde_json::from_value::<Vec<String>>(value.clone()).ok());
            if let (true, Some(lines)) = (guide == source, lines) {
                commitments.adopt_lines(
                    &GuideId::new(guide),
                    &QuestionId::new(question),
                    &lines,
                    finished,
                );
            }
        }
    }
    let commitments = serde_json::to_value(&commitments).map_err(|e| e.to_string())?;
    object.insert("commitments".to_owned(), commitments);
    Ok(data)
}

/// Schema 4 adds `exchanges`: answer cards exchanged with the other person
/// (domain::compare). There were none before.
fn from_3_to_4(mut data: Value) -> Result<Value, String> {
    let object = data.as_object_mut().ok_or("the data is not an object")?;
    if object.contains_key("exchanges") {
        return Err("schema 3 has no `exchanges`, but this data does".to_owned());
    }
    object.insert("exchanges".to_owned(), Value::Array(Vec::new()));
    Ok(data)
}

/// Schema 5 is the third safety pass:
///
/// - Reading the page for people who have used harm no longer releases the
///   guides it holds; only a concrete step does. `harm_page_read_for` goes
///   and `harm_step_for` starts empty: nobody had said they took a step.
/// - The intake's control item `threats` ("threatens to hurt themselves,
///   or to leave you with nothing") is split in two, because a threat of
///   suicide used to control someone is danger everywhere in Mend. Which
///   half an old tick meant cannot be known, so it becomes the half that
///   keeps its level (caution, `leave-with-nothing`): no new flag is raised
///   on old data, and the caution still puts the Safety check first, which
///   asks about threats of self-harm on their own.
/// - "Backing words with actions" is now "Keeping your word" (its title was
///   too close to a source article's heading), with the id
///   `keeping-your-word`: its entries and the commitments taken from it move
///   to the new id. Entry ids stay as they are: they are only names.
/// - "I'm done" answers now shape Your path. Those given before are set
///   aside (`done_set_aside_for`), so the upgrade changes no path by itself.
fn from_4_to_5(mut data: Value) -> Result<Value, String> {
    let renamed = |id: &str| {
        RENAMED_AT_SCHEMA_5
            .iter()
            .find(|(old, _)| *old == id)
            .map(|(_, new)| Value::String((*new).to_owned()))
    };
    for pointer in ["/entries", "/commitments"] {
        let list = data
            .pointer_mut(pointer)
            .and_then(Value::as_array_mut)
            .ok_or_else(|| format!("there is no `{}`", &pointer[1..]))?;
        for item in list {
            let guide = if pointer == "/entries" {
                item.get_mut("guide")
            } else {
                item.pointer_mut("/source/guide")
            };
            if let Some(guide) = guide {
                if let Some(new) = guide.as_str().and_then(renamed) {
                    *guide = new;
                }
            }
        }
    }
    let safety = data
        .pointer_mut("/profile/safety")
        .and_then(Value::as_object_mut)
        .ok_or("there are no safety choices")?;
    if safety.remove("harm_page_read_for").is_none() {
        return Err("schema 4 has `harm_page_read_for`, but this data does not".to_owned());
    }
    if safety.contains_key("harm_step_for") {
        return Err("schema 4 has no `harm_step_for`, but this data does".to_owned());
    }
    safety.insert("harm_step_for".to_owned(), Value::Array(Vec::new()));
    if safety.contains_key("done_set_aside_for") {
        return Err("schema 4 has no `done_set_aside_for`, but this data does".to_owned());
    }
    let done_before = done_answers_at_schema_4(&data);
    if let Some(safety) = data
        .pointer_mut("/profile/safety")
        .and_then(Value::as_object_mut)
    {
        safety.insert("done_set_aside_for".to_owned(), Value::Array(done_before));
    }
    let entries = data
        .get_mut("entries")
        .and_then(Value::as_array_mut)
        .ok_or("there are no entries")?;
    // A caution a clean Safety check had lifted was lifted for the answer
    // as written then; the renamed tick is the same answer, so its lift stays.
    let mut refingerprinted: Vec<(String, String, String)> = Vec::new();
    for entry in entries {
        if entry.get("guide").and_then(Value::as_str) != Some(INTAKE_GUIDE) {
            continue;
        }
        let id = entry.get("id").and_then(Value::as_str).map(str::to_owned);
        let Some(answer) = entry.pointer_mut("/answers/control") else {
            continue;
        };
        let old = caution_fingerprint_of_control(answer);
        let Some(ticked) = answer.get_mut("value").and_then(Value::as_array_mut) else {
            continue;
        };
        let mut changed = false;
        for item in ticked.iter_mut() {
            if item.as_str() == Some("threats") {
                *item = Value::String("leave-with-nothing".to_owned());
                changed = true;
            }
        }
        if let (true, Some(id)) = (changed, id) {
            refingerprinted.push((id, old, caution_fingerprint_of_control(answer)));
        }
    }
    if let Some(lifted) = data
        .pointer_mut("/profile/safety/caution_lifted")
        .and_then(Value::as_array_mut)
    {
        for lift in lifted.iter_mut() {
            for (id, old, new) in &refingerprinted {
                if lift.get("entry").and_then(Value::as_str) == Some(id.as_str())
                    && lift.get("answers").and_then(Value::as_str) == Some(old.as_str())
                {
                    lift["answers"] = Value::String(new.clone());
                }
            }
        }
    }
    Ok(data)
}

/// The fingerprint `program::safety` keeps of the intake's caution answers
/// (its caution flag looks at `control` alone), for an answer as stored.
fn caution_fingerprint_of_control(answer: &Value) -> String {
    format!("{:016x}", fingerprint(&format!("control={answer}")))
}

/// The entries whose answers mean "I'm done" (the `done` flags schema 5
/// brought in), as schema 4 stored them. Before schema 5 these answers
/// changed no path; the migration sets them aside, so old data raises no new
/// flag by itself, and a new "done" answer counts afresh.
fn done_answers_at_schema_4(data: &Value) -> Vec<Value> {
    const DONE: [(&str, &str, &str); 3] = [
        ("can-this-be-rebuilt", "r-done", "yes"),
        ("committing-to-the-work", "worth", "no"),
        ("rebuild-or-move-on", "lean", "move-on"),
    ];
    let Some(entries) = data.get("entries").and_then(Value::as_array) else {
        return Vec::new();
    };
    entries
        .iter()
        .filter(|entry| {
            DONE.iter().any(|(guide, question, option)| {
                entry.get("guide").and_then(Value::as_str) == Some(guide)
                    && entry
                        .pointer(&format!("/answers/{question}/value"))
                        .and_then(Value::as_str)
                        == Some(option)
            })
        })
        .filter_map(|entry| entry.get("id").cloned())
        .collect()
}

/// Why stored data could not be brought up to [`CURRENT_SCHEMA`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MigrationError {
    /// Only schemas `1..=CURRENT_SCHEMA` can be migrated; the decoder deals
    /// with newer ones before calling [`migrate`].
    #[error("there is no schema {0} to upgrade from")]
    UnknownSchema(u32),
    #[error("upgrading from schema {from} to {}: {problem}", from + 1)]
    Failed { from: u32, problem: String },
}

/// Upgrades `data` written with `schema` to [`CURRENT_SCHEMA`], step by step.
/// Data already at the current schema comes back unchanged.
pub fn migrate(schema: u32, data: Value) -> Result<Value, MigrationError> {
    if schema == 0 || schema > CURRENT_SCHEMA {
        return Err(MigrationError::UnknownSchema(schema));
    }
    MIGRATIONS
        .iter()
        .zip(1..)
        .skip(schema as usize - 1)
        .try_fold(data, |data, (step, from)| {
            step(data).map_err(|problem| MigrationError::Failed { from, problem })
        })
}
