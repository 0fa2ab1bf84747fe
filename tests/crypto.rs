//! Browser tests (wasm-bindgen-test in headless Chromium) for the WebCrypto
//! layer and the sealed store: what the user relies on when they set a
//! passphrase. The e2e tests cover the same through the interface.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use mend::crypto::{Key, OpenError};
use mend::domain::answer::AnswerValue;
use mend::domain::ids::QuestionId;
use mend::domain::sealed::ITERATIONS;
use mend::domain::store::{decode, Decoded, Notice, DOCUMENT_KEY};
use mend::store::{Store, UnlockError, Urgency};
use wasm_bindgen::JsValue;
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
    // Kept exactly as found, and (like every copy of the user's words
    // beside sealed data) sealed once the browser has done so.
    assert_eq!(
        store.recovered_text().await.as_deref(),
        Some("{\"app\":\"mend\",\"sch")
    );
    local().clear().unwrap();
}

// Issue 10: lock means gone, and unlocking takes what storage holds *after*
// the slow key derivation, never the snapshot it started from.

fn sample_answer(store: &Store, question: &str, value: AnswerValue) {
    let guide = mend::content::library().guide(&"sample".into()).unwrap();
    store.change(Urgency::Now, |d| {
        d.entries
            .begin(guide, "2026-11-22".parse().unwrap())
            .answer(QuestionId::new(question), value)
    });
}

fn answer_of(store: &Store, question: &str) -> Option<AnswerValue> {
    store.read_untracked(|d| {
        d.entries
            .iter()
            .next()
            .and_then(|e| e.answers().get(&QuestionId::new(question)).cloned())
    })
}

fn holds_no_answer(store: &Store) -> bool {
    store.read_untracked(|d| d.entries.iter().next().is_none())
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Fills the origin's real quota; returns the keys to remove afterwards.
fn fill_quota() -> Vec<String> {
    let chunk = "x".repeat(512 * 1024);
    let mut size = chunk.len();
    let mut keys = Vec::new();
    while size >= 8 {
        let key = format!("filler-{}", keys.len());
        if local().set_item(&key, &chunk[..size]).is_err() {
            size /= 2;
        } else {
            keys.push(key);
        }
    }
    keys
}

#[wasm_bindgen_test]
async fn locking_while_the_quota_is_full_hides_everything_and_saves_the_last_words_after_unlock() {
    local().clear().unwrap();
    let store = Store::open();
    sample_answer(&store, "talk", AnswerValue::Scale(4));
    store.set_passphrase(None, PASSPHRASE).await.unwrap();
    let fillers = fill_quota();
    sample_answer(
        &store,
        "wish",
        AnswerValue::Text("Words the quota refused".into()),
    );
    store.settle().await;

    assert!(store.lock().await, "auto-lock never silently does nothing");
    assert!(store.locked().get_untracked());
    assert!(holds_no_answer(&store), "nothing readable stays in memory");
    assert!(store
        .notices()
        .get_untracked()
        .contains(&Notice::LockedUnsaved));

    for key in fillers {
        local().remove_item(&key).unwrap();
    }
    store.unlock(PASSPHRASE).await.unwrap();
    store.settle().await;
    assert_eq!(
        answer_of(&store, "wish"),
        Some(AnswerValue::Text("Words the quota refused".into()))
    );
    // And they reached storage: a second lock and unlock still has them.
    assert!(store.lock().await);
    store.unlock(PASSPHRASE).await.unwrap();
    assert_eq!(
        answer_of(&store, "wish"),
        Some(AnswerValue::Text("Words the quota refused".into()))
    );
    assert_eq!(answer_of(&store, "talk"), Some(AnswerValue::Scale(4)));
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn unlocking_shows_what_another_tab_saved_while_the_key_was_being_derived() {
    local().clear().unwrap();
    let here = Store::open();
    sample_answer(&here, "talk", AnswerValue::Scale(1));
    here.set_passphrase(None, PASSPHRASE).await.unwrap();
    assert!(here.lock().await);
    // The other tab (same page here, so no storage events between them).
    let there = Store::open();
    there.unlock(PASSPHRASE).await.unwrap();
    wasm_bindgen_futures::spawn_local(async move {
        sleep(30).await;
        sample_answer(&there, "talk", AnswerValue::Scale(5));
    });
    here.unlock(PASSPHRASE).await.unwrap();
    assert_eq!(answer_of(&here, "talk"), Some(AnswerValue::Scale(5)));
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn unlocking_does_not_bring_back_what_another_tab_erased_meanwhile() {
    local().clear().unwrap();
    let here = Store::open();
    sample_answer(&here, "talk", AnswerValue::Scale(1));
    here.set_passphrase(None, PASSPHRASE).await.unwrap();
    assert!(here.lock().await);
    wasm_bindgen_futures::spawn_local(async move {
        sleep(30).await;
        Store::open().erase_everything().unwrap();
    });
    here.unlock(PASSPHRASE).await.unwrap();
    assert!(holds_no_answer(&here));
    assert!(!here.locked().get_untracked() && !here.protected().get_untracked());
    here.settle().await;
    assert_eq!(local().get_item(DOCUMENT_KEY).unwrap(), None);
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_save_from_another_tab_that_opens_after_lock_stays_out_of_memory() {
    local().clear().unwrap();
    let here = Store::open();
    sample_answer(&here, "talk", AnswerValue::Scale(1));
    here.set_passphrase(None, PASSPHRASE).await.unwrap();
    let there = Store::open();
    there.unlock(PASSPHRASE).await.unwrap();
    sample_answer(&there, "talk", AnswerValue::Scale(3));
    there.settle().await;

    // The browser tells this tab of the other's save; this tab locks
    // before the box has opened.
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(DOCUMENT_KEY));
    init.set_new_value(local().get_item(DOCUMENT_KEY).unwrap().as_deref());
    init.set_storage_area(Some(&local()));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    window().dispatch_event(&event).unwrap();
    // One turn of the microtask queue: the box starts opening.
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&JsValue::NULL)).await;
    assert!(here.lock().await);
    sleep(200).await;
    assert!(here.locked().get_untracked());
    assert!(holds_no_answer(&here), "a late decrypt installs nothing");
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn the_import_undo_copy_follows_a_passphrase_set_in_a_tab_that_never_saw_it() {
    local().clear().unwrap();
    let here = Store::open();
    let there = Store::open();
    sample_answer(&here, "wish", AnswerValue::Text("Before the import".into()));
    let imported = mend::domain::store::Document::default();
    here.replace_all(imported).await.unwrap();
    let undo = local()
        .get_item(mend::domain::store::UNDO_KEY)
        .unwrap()
        .unwrap();
    assert!(
        undo.contains("Before the import"),
        "kept open while there is no passphrase"
    );

    // The other tab loaded before the import, so holds no undo copy itself.
    there.set_passphrase(None, PASSPHRASE).await.unwrap();
    let undo = local()
        .get_item(mend::domain::store::UNDO_KEY)
        .unwrap()
        .unwrap();
    assert!(
        !undo.contains("Before the import"),
        "sealed like everything else: {undo}"
    );

    there
        .set_passphrase(Some(PASSPHRASE), "green door at noon")
        .await
        .unwrap();
    assert!(there.lock().await);
    there.unlock("green door at noon").await.unwrap();
    assert!(
        there.undo_available().get_untracked(),
        "the undo copy opens with the new passphrase"
    );
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn an_import_in_a_tab_that_has_not_heard_of_a_new_passphrase_leaves_nothing_readable() {
    local().clear().unwrap();
    let here = Store::open();
    sample_answer(&here, "wish", AnswerValue::Text("Before the import".into()));
    // Opened after that save, so it knows the answer; the two share storage
    // but not events, like a tab whose storage event has not arrived yet.
    let there = Store::open();
    there.set_passphrase(None, PASSPHRASE).await.unwrap();
    let sealed = local().get_item(DOCUMENT_KEY).unwrap().unwrap();

    let imported = mend::domain::store::Document::default();
    assert_eq!(
        here.replace_all(imported.clone()).await,
        Err(UnlockError::ChangedElsewhere)
    );
    assert_eq!(
        local().get_item(mend::domain::store::UNDO_KEY).unwrap(),
        None,
        "no open copy of the answers beside sealed data"
    );
    assert_eq!(local().get_item(DOCUMENT_KEY).unwrap().unwrap(), sealed);

    // Nor does an import bring back what another tab erased.
    there.erase_everything().unwrap();
    let fresh = Store::open();
    sample_answer(
        &fresh,
        "wish",
        AnswerValue::Text("Erased on purpose".into()),
    );
    let erasing = Store::open();
    erasing.erase_everything().unwrap();
    assert_eq!(
        fresh.replace_all(imported).await,
        Err(UnlockError::ChangedElsewhere)
    );
    assert_eq!(
        local().get_item(mend::domain::store::UNDO_KEY).unwrap(),
        None
    );
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_passphrase_removal_blocked_by_a_full_quota_after_an_erase_elsewhere_keeps_the_words_and_saves_them_open(
) {
    local().clear().unwrap();
    let here = Store::open();
    sample_answer(&here, "talk", AnswerValue::Scale(4));
    here.set_passphrase(None, PASSPHRASE).await.unwrap();
    // Another tab erases everything and starts again, open; this tab has
    // not heard (two stores in one page hear no storage events).
    let there = Store::open();
    there.erase_everything().unwrap();
    sample_answer(&there, "wish", AnswerValue::Text("A fresh start".into()));
    let fillers = fill_quota();
    // Words typed here that the full quota keeps from being saved.
    sample_answer(
        &here,
        "hardest",
        AnswerValue::Text("I kept it to myself for too long. ".repeat(20)),
    );
    assert_eq!(
        here.remove_passphrase(PASSPHRASE).await,
        Err(UnlockError::NotSaved)
    );
    for filler in fillers {
        local().remove_item(&filler).unwrap();
    }
    here.flush();
    // A sealed save is asynchronous (WebCrypto): give it time to land.
    sleep(300).await;
    let stored = local().get_item(DOCUMENT_KEY).unwrap();
    assert!(
        stored
            .as_deref()
            .is_some_and(|s| s.contains("I kept it to myself")),
        "the words typed here are saved once there is room"
    );
    assert!(
        matches!(decode(stored.as_deref()), Decoded::Loaded { .. }),
        "the next save is open, like the data: the old passphrase was given up with the erase"
    );
    assert!(!here.protected().get_untracked());
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_passphrase_typed_with_a_combining_accent_opens_what_the_precomposed_one_sealed() {
    let precomposed = "caf\u{e9} au lait";
    let combining = "cafe\u{301} au lait";
    let key = Key::create(precomposed).await.unwrap();
    let sealed = key.seal(b"mine", "aad").await.unwrap();
    let other = Key::for_box(combining, &sealed).await.unwrap();
    assert_eq!(other.open(&sealed, "aad").await.unwrap(), b"mine");
}

#[wasm_bindgen_test]
async fn unreadable_text_kept_aside_is_sealed_with_the_passphrase_and_given_back_without_it() {
    local().clear().unwrap();
    let broken = "{\"app\":\"mend\",\"schema\":1,\"revision\":3,\"data\":{\"entries\":[{\"answers\": \"I wrote about the night";
    local().set_item(DOCUMENT_KEY, broken).unwrap();
    let store = Store::open();
    let name = mend::domain::store::recovery_key(broken);
    assert_eq!(local().get_item(&name).unwrap().as_deref(), Some(broken));

    store.set_passphrase(None, PASSPHRASE).await.unwrap();
    let kept = local().get_item(&name).unwrap().unwrap();
    assert!(!kept.contains("I wrote about the night"), "{kept}");
    assert_eq!(
        store.recovered_text().await.as_deref(),
        Some(broken),
        "still offered as a download, exactly as found"
    );

    store.remove_passphrase(PASSPHRASE).await.unwrap();
    assert_eq!(
        local().get_item(&name).unwrap().as_deref(),
        Some(broken),
        "back as found"
    );
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_copy_kept_aside_that_finds_no_room_to_be_sealed_is_kept_and_the_user_is_told() {
    local().clear().unwrap();
    let words = "I wrote about the night ".repeat(8_000);
    let broken = format!("{{\"app\":\"mend\",\"schema\":1,\"revision\":3,\"data\":\"{words}");
    local().set_item(DOCUMENT_KEY, &broken).unwrap();
    let store = Store::open();
    let name = mend::domain::store::recovery_key(&broken);
    // A first answer replaces the unreadable document, so only the copy
    // kept aside is large.
    sample_answer(&store, "talk", AnswerValue::Scale(4));
    // Room for the small sealed document, not for the sealed form of the
    // large copy (base64 makes it a third larger).
    local().set_item("room", &"r".repeat(40_000)).unwrap();
    let fillers = fill_quota();
    local().remove_item("room").unwrap();

    store.set_passphrase(None, PASSPHRASE).await.unwrap();
    for filler in fillers {
        local().remove_item(&filler).unwrap();
    }
    assert!(matches!(
        decode(local().get_item(DOCUMENT_KEY).unwrap().as_deref()),
        Decoded::Sealed { .. }
    ));
    assert_eq!(
        local().get_item(&name).unwrap().as_deref(),
        Some(broken.as_str()),
        "nothing kept aside is lost"
    );
    assert!(
        store
            .notices()
            .get_untracked()
            .contains(&Notice::KeptAsideOpen),
        "the user hears that this copy is still unencrypted"
    );
    assert_eq!(
        store.recovered_text().await.as_deref(),
        Some(broken.as_str()),
        "and can download it"
    );
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_tab_a_newer_mend_stopped_still_seals_its_export_and_still_locks() {
    local().clear().unwrap();
    let store = Store::open();
    store.set_passphrase(None, PASSPHRASE).await.unwrap();
    sample_answer(&store, "wish", AnswerValue::Text("Only for me".into()));
    store.settle().await;
    // A newer Mend saves in another tab; this tab's next save meets it.
    let newer = "{\"app\":\"mend\",\"schema\":99,\"revision\":9,\"saved_at\":\"x\",\"data\":{}}";
    local().set_item(DOCUMENT_KEY, newer).unwrap();
    sample_answer(&store, "talk", AnswerValue::Scale(2));
    store.settle().await;
    assert!(store.read_only().get_untracked());
    assert_eq!(
        local().get_item(DOCUMENT_KEY).unwrap().as_deref(),
        Some(newer)
    );

    let export = store.export_file(false).await.unwrap();
    assert!(
        !export.contains("Only for me"),
        "sealed like before: {export}"
    );
    assert!(store.lock().await, "Lock now and auto-lock still work");
    assert!(holds_no_answer(&store));
    local().clear().unwrap();
}

#[wasm_bindgen_test]
async fn a_passphrase_change_that_finishes_after_a_lock_leaves_mend_locked() {
    local().clear().unwrap();
    let store = Store::open();
    sample_answer(&store, "wish", AnswerValue::Text("Only for me".into()));
    store.set_passphrase(None, PASSPHRASE).await.unwrap();
    assert!(store.lock().await);
    assert_eq!(
        store
            .set_passphrase(Some(PASSPHRASE), "green door at noon")
            .await,
        Err(UnlockError::ChangedElsewhere)
    );
    assert!(store.locked().get_untracked(), "the lock screen stays");
    store.unlock(PASSPHRASE).await.unwrap();
    assert_eq!(
        answer_of(&store, "wish"),
        Some(AnswerValue::Text("Only for me".into()))
    );
    local().clear().unwrap();
}

/// Compare's answer cards: sealed under the pairing code, a card opens with
/// the same code only, and only with the permit of an exchange whose own card
/// was sent first; another code is "another pairing", a changed card is
/// "changed", and a changed header does not open either.
#[wasm_bindgen_test]
async fn an_answer_card_opens_only_with_its_pairing_code_and_only_unaltered() {
    use mend::compare::{open, seal, OpenFailure};
    use mend::domain::answer::Answers;
    use mend::domain::compare::card::{Card, CardError};
    use mend::domain::compare::code::PairingCode;
    use mend::domain::compare::exchange::{ExchangeError, Exchanges, OpenPermit};
    use mend::domain::compare::sharing::choose;
    use mend::domain::ids::GuideId;

    let guide = mend::content::library()
        .guide(&GuideId::new("needs-and-boundaries"))
        .unwrap();
    let code = PairingCode::parse("K7QM-4TRX-9HCP").unwrap();
    let mut answers = Answers::default();
    answers.set(
        QuestionId::new("top-need"),
        AnswerValue::Text("Straight answers".into()),
    );
    let chosen = choose(guide, &answers, &[QuestionId::new("top-need")]).unwrap();
    let today = "2026-12-05".parse().unwrap();
    let card = seal(&code, guide, &chosen, today).await.unwrap();
    let text = card.to_text();
    assert!(!text.contains("Straight"), "sealed");
    let read = Card::parse(&text).unwrap();

    // The other device's exchange under `code`: it must send its own card
    // before it gets a permit to open this one.
    let permit = |code: &PairingCode, card: &Card| -> OpenPermit {
        let mut all = Exchanges::default();
        let id = all.start(guide.id().clone(), guide.version(), code.clone(), today);
        let exchange = all.get_mut(&id).unwrap();
        exchange
            .seal("their-own".into(), "MEND-CARD…".into(), chosen.clone())
            .unwrap();
        assert_eq!(
            all.may_open(&id, &card.header),
            Err(ExchangeError::SendYoursFirst)
        );
        all.get_mut(&id).unwrap().sent(today);
        all.may_open(&id, &card.header).unwrap()
    };
    let payload = open(&permit(&code, &read), guide, &read).await.unwrap();
    assert_eq!(payload.answers, answers);
    assert_eq!(payload.made_on, today);

    let other = PairingCode::parse("K7QM-4TRX-9HCQ").unwrap();
    assert_eq!(
        open(&permit(&other, &read), guide, &read).await,
        Err(OpenFailure::Card(CardError::WrongPairing))
    );
    let mut changed = read.clone();
    changed.sealed.data[3] ^= 1;
    assert_eq!(
        open(&permit(&code, &changed), guide, &changed).await,
        Err(OpenFailure::Card(CardError::Altered))
    );
    let mut moved = read.clone();
    moved.header.card = "another-card".into();
    assert_eq!(
        open(&permit(&code, &moved), guide, &moved).await,
        Err(OpenFailure::Card(CardError::Altered)),
        "the header is bound to the box"
    );
    assert_eq!(
        open(&permit(&code, &read), guide, &moved).await,
        Err(OpenFailure::Card(CardError::Altered)),
        "a permit opens only the card it was given for"
    );
}
