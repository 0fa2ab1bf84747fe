//! Browser tests (wasm-bindgen-test in headless Chromium) for the local store
//! over the real localStorage: round trip, the schema fixtures, unreadable
//! data, a full quota.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mend::domain::answer::AnswerValue;
use mend::domain::ids::QuestionId;
use mend::domain::store::{Notice, SaveFailure, DOCUMENT_KEY};
use mend::store::{Store, Urgency};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

fn keys() -> Vec<String> {
    let storage = local();
    let mut keys: Vec<String> = (0..storage.length().unwrap())
        .filter_map(|i| storage.key(i).unwrap())
        .collect();
    keys.sort();
    keys
}

/// Every test starts from an empty origin, as a first visit does.
fn fresh() {
    local().clear().unwrap();
}

fn answer_sample(store: &Store, question: &str, value: AnswerValue) {
    let guide = mend::content::library().guide(&"sample".into()).unwrap();
    store.change(Urgency::Now, |d| {
        d.entries
            .begin(guide, "2026-11-22".parse().unwrap())
            .answer(QuestionId::new(question), value)
    });
}

#[wasm_bindgen_test]
fn answers_saved_by_one_page_are_there_for_the_next() {
    fresh();
    let store = Store::open();
    answer_sample(
        &store,
        "wish",
        AnswerValue::Text("That I'm still here. <b>x</b>".into()),
    );
    assert_eq!(keys(), [DOCUMENT_KEY]);

    let reopened = Store::open();
    let answer = reopened.read_untracked(|d| {
        let guide = mend::content::library().guide(&"sample".into()).unwrap();
        d.entries
            .current(guide)
            .unwrap()
            .answers()
            .get(&QuestionId::new("wish"))
            .cloned()
    });
    assert_eq!(
        answer,
        Some(AnswerValue::Text("That I'm still here. <b>x</b>".into()))
    );
    assert!(reopened.notices().get_untracked().is_empty());
}

#[wasm_bindgen_test]
fn a_document_saved_in_schema_1_opens_with_everything_in_it() {
    fresh();
    let fixture = include_str!("../src/domain/store/fixtures/schema-1.json");
    local().set_item(DOCUMENT_KEY, fixture).unwrap();
    let store = Store::open();
    assert!(store.notices().get_untracked().is_empty());
    let (name, entries) =
        store.read_untracked(|d| (d.profile.wording.name.clone(), d.entries.iter().count()));
    assert_eq!(name.as_deref(), Some("Zoë"));
    assert!(entries >= 3, "{entries} entries");
    // Opening alone never rewrites it.
    assert_eq!(
        local().get_item(DOCUMENT_KEY).unwrap().as_deref(),
        Some(fixture)
    );
}

#[wasm_bindgen_test]
async fn unreadable_data_is_copied_aside_untouched_and_the_user_told() {
    fresh();
    local()
        .set_item(DOCUMENT_KEY, "{\"app\":\"mend\",\"sch")
        .unwrap();
    let store = Store::open();
    assert_eq!(store.notices().get_untracked(), [Notice::Recovered]);
    assert_eq!(
        store.recovered_text().await.as_deref(),
        Some("{\"app\":\"mend\",\"sch")
    );
    assert_eq!(
        store.read_untracked(|d| d.entries.iter().count()),
        0,
        "starts fresh"
    );

    answer_sample(&store, "role", AnswerValue::Choice("hurt".into()));
    let keys = keys();
    assert_eq!(keys.len(), 2, "{keys:?}");
    assert!(keys[1].starts_with("mend.recovered."));
    assert_eq!(
        local().get_item(&keys[1]).unwrap().as_deref(),
        Some("{\"app\":\"mend\",\"sch")
    );
}

#[wasm_bindgen_test]
async fn a_full_quota_keeps_answers_in_memory_and_says_so_until_a_save_works() {
    fresh();
    let store = Store::open();
    answer_sample(&store, "role", AnswerValue::Choice("hurt".into()));
    // Fill the origin's real quota.
    let chunk = "x".repeat(512 * 1024);
    let mut size = chunk.len();
    let mut n = 0;
    while size >= 8 {
        if local()
            .set_item(&format!("filler-{n}"), &chunk[..size])
            .is_err()
        {
            size /= 2;
        }
        n += 1;
    }
    answer_sample(
        &store,
        "wish",
        AnswerValue::Text("Please don't lose this.".into()),
    );
    assert_eq!(
        store.notices().get_untracked(),
        [Notice::SaveFailed(SaveFailure::Full)]
    );
    assert!(
        store
            .export_file(false)
            .await
            .is_ok_and(|file| file.contains("Please don't lose this.")),
        "the download has it"
    );

    for key in keys().into_iter().filter(|k| k.starts_with("filler-")) {
        local().remove_item(&key).unwrap();
    }
    answer_sample(&store, "talk", AnswerValue::Scale(4));
    assert!(
        store.notices().get_untracked().is_empty(),
        "the banner goes once saving works"
    );
    let saved = local().get_item(DOCUMENT_KEY).unwrap().unwrap();
    assert!(saved.contains("Please don't lose this.") && saved.contains("\"talk\""));
}
