//! Browser tests (wasm-bindgen-test in headless Chromium) for the WebCrypto
//! layer and the sealed store: what the user relies on when they set a
//! passphrase. The e2e tests cover the same through the interface.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mend::crypto::{Key, OpenError};
use mend::domain::answer::AnswerValue;
use mend::domain::ids::QuestionId;
use mend::domain::sealed::ITERATIONS;
use mend::domain::store::{decode, Decoded, DOCUMENT_KEY};
use mend::store::{Store, UnlockError, Urgency};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PASSPHRASE: &str = "blue kettle morning walk";

fn local() -> web_sys::Storage {
    window().local_storage().unwrap().unwrap()
}

#[wasm_bindgen_test]
async fn a_sealed_text_opens_only_with_its_passphrase_and_only_unaltered() {
    let key = Key::create(PASSPHRASE).await.unwrap();
    assert!(!key.extractable(), "the key can be used, never read out");
    let sealed = key.seal(b"what I wrote", "mend.test:1").await.unwrap();
    assert_eq!(sealed.kdf.iterations, ITERATIONS);
    assert_eq!(sealed.validate(), Ok(()));
    assert!(!sealed.data.windows(5).any(|w| w == b"wrote"));

    // The right passphrase, from scratch (as after a reload).
    let again = Key::for_box(PASSPHRASE, &sealed).await.unwrap();
    assert_eq!(
        again.open(&sealed, "mend.test:1").await.unwrap(),
        b"what I wrote"
    );

    // A wrong passphrase is told apart from damage by the check value.
    assert_eq!(
        Key::for_box("blue kettle evening walk", &sealed)
            .await
            .err(),
        Some(OpenError::WrongPassphrase)
    );
    let mut altered = sealed.clone();
    altered.data[0] ^= 1;
    assert_eq!(
        again.open(&altered, "mend.test:1").await,
        Err(OpenError::Tampered)
    );
    // Bound to its additional data: moved under another header, it fails.
    assert_eq!(
        again.open(&sealed, "mend.test:2").await,
        Err(OpenError::Tampered)
    );

    // Every seal has its own IV.
    let twice = key.seal(b"what I wrote", "mend.test:1").await.unwrap();
    assert_ne!(twice.iv, sealed.iv);
}

#[wasm_bindgen_test]
async fn with_a_passphrase_the_store_keeps_nothing_readable_and_locks_without_losing_a_word() {
    local().clear().unwrap();
    let store = Store::open();
    let guide = mend::content::library().guide(&"sample".into()).unwrap();
    store.change(Urgency::Now, |d| {
        d.entries
            .begin(guide, "2026-11-22".parse().unwrap())
            .answer(QuestionId::new("talk"), AnswerValue::Scale(4))
    });
    store.set_passphrase(None, PASSPHRASE).await.unwrap();
    let text = local().get_item(DOCUMENT_KEY).unwrap().unwrap();
    assert!(!text.contains("\"talk\""), "{text}");
    assert!(matches!(decode(Some(&text)), Decoded::Sealed { .. }));

    assert!(store.lock().await);
    assert!(store.locked().get_untracked());
    assert!(
        store.read_untracked(|d| d.entries.iter().next().is_none()),
        "locking drops the answers"
    );
    assert_eq!(
        store.unlock("not it").await,
        Err(UnlockError::WrongPassphrase)
    );
    assert_eq!(
        local().get_item(DOCUMENT_KEY).unwrap().unwrap(),
        text,
        "a wrong passphrase touches nothing"
    );
    store.unlock(PASSPHRASE).await.unwrap();
    let answer = store.read_untracked(|d| {
        d.entries
            .iter()
            .next()
            .and_then(|e| e.answers().get(&QuestionId::new("talk")).cloned())
    });
    assert_eq!(answer, Some(AnswerValue::Scale(4)));

    store.remove_passphrase(PASSPHRASE).await.unwrap();
    assert!(local()
        .get_item(DOCUMENT_KEY)
        .unwrap()
        .unwrap()
        .contains("talk"));
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn unreadable_text_met_while_sealing_is_kept_aside_and_the_sealed_save_still_happens() {
    local().clear().unwrap();
    let store = Store::open();
    store.set_passphrase(None, PASSPHRASE).await.unwrap();
    local()
        .set_item(DOCUMENT_KEY, "{\"app\":\"mend\",\"sch")
        .unwrap();
    let guide = mend::content::library().guide(&"sample".into()).unwrap();
    store.change(Urgency::Now, |d| {
        d.entries
            .begin(guide, "2026-11-22".parse().unwrap())
            .answer(QuestionId::new("talk"), AnswerValue::Scale(2))
    });
    store.settle().await;
    let text = local().get_item(DOCUMENT_KEY).unwrap().unwrap();
    assert!(
        matches!(decode(Some(&text)), Decoded::Sealed { .. }),
        "{text}"
    );
    let kept: Vec<String> = (0..local().length().unwrap())
        .filter_map(|i| local().key(i).unwrap())
        .filter(|k| k.starts_with("mend.recovered."))
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(
        local().get_item(&kept[0]).unwrap().as_deref(),
        Some("{\"app\":\"mend\",\"sch")
    );
    local().clear().unwrap();
}
