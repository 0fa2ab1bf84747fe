//! The glue's contract played out with a fake `localStorage` and two tabs, as the store docs describe it.

use super::{day, guide, library};
use crate::domain::answer::AnswerValue;
use crate::domain::store::{
    before_write, decode, encode, is_mend_key, is_recovery_key, merge_pending, on_storage_event,
    recovery_key, Decoded, Document, Notice, SaveFailure, Stamp, StorageChange, WriteDecision,
    CURRENT_SCHEMA, DOCUMENT_KEY,
};
use crate::domain::tests::q;
use std::collections::BTreeMap;

const DAY: &str = "2026-11-22";

/// `localStorage` for one origin: items, a switch to make it full, and the
/// `storage` events every write sends to the other tabs.
#[derive(Default)]
pub(super) struct Storage {
    pub(super) items: BTreeMap<String, String>,
    pub(super) full: bool,
    /// (tab that wrote, key, new value); `None` key means `clear()`.
    pub(super) events: Vec<(usize, Option<String>, Option<String>)>,
    clock: u32,
}

impl Storage {
    pub(super) fn get(&self, key: &str) -> Option<String> {
        self.items.get(key).cloned()
    }

    pub(super) fn set(&mut self, tab: usize, key: &str, value: &str) -> Result<(), &'static str> {
        if self.full {
            return Err("QuotaExceededError");
        }
        self.items.insert(key.to_owned(), value.to_owned());
        self.events
            .push((tab, Some(key.to_owned()), Some(value.to_owned())));
        Ok(())
    }

    pub(super) fn remove(&mut self, tab: usize, key: &str) {
        self.items.remove(key);
        self.events.push((tab, Some(key.to_owned()), None));
    }

    pub(super) fn now(&mut self) -> String {
        self.clock += 1;
        format!(
            "2026-11-22T10:00:{:02}.{:03}Z",
            self.clock / 1000,
            self.clock % 1000
        )
    }
}

/// What the glue keeps per tab, and what it does, following `store`'s docs.
struct Tab {
    id: usize,
    saved: Document,
    current: Document,
    stamp: Option<Stamp>,
    /// Saving stopped for good (a newer Mend's data).
    stopped: bool,
    notices: Vec<Notice>,
    /// How many of the storage events this tab has heard.
    heard: usize,
}

impl Tab {
    fn open(id: usize, storage: &mut Storage) -> Self {
        let mut tab = Self {
            id,
            saved: Document::default(),
            current: Document::default(),
            stamp: None,
            stopped: false,
            notices: Vec::new(),
            heard: storage.events.len(),
        };
        let text = storage.get(DOCUMENT_KEY);
        match decode(text.as_deref()) {
            Decoded::Fresh => {}
            Decoded::Loaded { document, stamp } => {
                tab.saved = document.clone();
                tab.current = document;
                tab.stamp = Some(stamp);
            }
            Decoded::Newer { .. } => {
                tab.stopped = true;
                tab.notices.push(Notice::NewerVersion);
            }
            // These simulated tabs have no passphrase: sealed data locks them.
            Decoded::Sealed { .. } => tab.stopped = true,
            Decoded::Corrupt { .. } => {
                let text = text.expect("corrupt text was stored");
                // If the copy fails the original stays where it is; the
                // first save tries again before replacing it.
                let _ = storage.set(id, &recovery_key(&text), &text);
                tab.notices.push(Notice::Recovered);
            }
        }
        tab
    }

    fn answer(&mut self, storage: &mut Storage, question: &str, value: AnswerValue) {
        self.current
            .entries
            .begin(&guide("sample"), day(DAY))
            .answer(q(question), value);
        self.save(storage);
    }

    fn save(&mut self, storage: &mut Storage) {
        // Bounded: each round either writes, stops, or takes a newer copy.
        for _ in 0..3 {
            if self.stopped {
                return;
            }
            let stored = storage.get(DOCUMENT_KEY);
            match before_write(self.stamp.as_ref(), stored.as_deref()) {
                WriteDecision::Write { next_revision } => {
                    return self.write(storage, next_revision);
                }
                WriteDecision::SealedConflict { .. } => {
                    self.stopped = true;
                    return;
                }
                WriteDecision::Conflict { theirs, stamp } => {
                    let merged =
                        merge_pending(theirs.clone(), &self.saved, &self.current, &library());
                    self.notices.push(merged.notice());
                    self.saved = theirs;
                    self.stamp = Some(stamp);
                    self.current = merged.document;
                    if self.current == self.saved {
                        return;
                    }
                }
                WriteDecision::Corrupt { next_revision, .. } => {
                    let text = stored.expect("corrupt text was stored");
                    if storage.set(self.id, &recovery_key(&text), &text).is_err() {
                        return self.failed("QuotaExceededError");
                    }
                    self.notices.push(Notice::Recovered);
                    return self.write(storage, next_revision);
                }
                WriteDecision::Newer { .. } => {
                    self.stopped = true;
                    return self.notices.push(Notice::NewerElsewhere);
                }
                WriteDecision::Erased => return self.clear(),
            }
        }
    }

    fn write(&mut self, storage: &mut Storage, revision: u64) {
        let stamp = Stamp::new(revision, storage.now());
        match storage.set(self.id, DOCUMENT_KEY, &encode(&self.current, &stamp)) {
            Ok(()) => {
                self.saved = self.current.clone();
                self.stamp = Some(stamp);
                self.notices.retain(|n| !matches!(n, Notice::SaveFailed(_)));
            }
            Err(name) => self.failed(name),
        }
    }

    fn failed(&mut self, error_name: &str) {
        let notice = Notice::SaveFailed(SaveFailure::from_error_name(error_name));
        if !self.notices.contains(&notice) {
            self.notices.push(notice);
        }
    }

    fn clear(&mut self) {
        self.saved = Document::default();
        self.current = Document::default();
        self.stamp = None;
        self.notices.push(Notice::ErasedElsewhere);
    }

    /// Delivers the storage events other tabs caused since this tab last listened.
    fn listen(&mut self, storage: &mut Storage) {
        let events: Vec<_> = storage.events[self.heard..].to_vec();
        self.heard = storage.events.len();
        for (writer, key, value) in events {
            if writer == self.id {
                continue; // browsers do not send a tab its own events
            }
            match on_storage_event(key.as_deref(), value.as_deref(), self.stamp.as_ref()) {
                None | Some(StorageChange::Corrupt { .. }) => {}
                Some(StorageChange::SealedIncoming { .. }) => self.stopped = true,
                Some(StorageChange::Incoming { document, stamp }) => {
                    let unsaved = self.current != self.saved;
                    let merged =
                        merge_pending(document.clone(), &self.saved, &self.current, &library());
                    self.notices.push(merged.notice());
                    self.saved = document;
                    self.current = merged.document;
                    self.stamp = Some(stamp);
                    if unsaved {
                        self.save(storage);
                    }
                }
                Some(StorageChange::Erased) => self.clear(),
                Some(StorageChange::Newer { .. }) => {
                    self.stopped = true;
                    self.notices.push(Notice::NewerElsewhere);
                }
            }
        }
    }

    fn answer_to(&self, question: &str) -> Option<AnswerValue> {
        self.current
            .entries
            .current(&guide("sample"))
            .and_then(|e| e.answers().get(&q(question)).cloned())
    }
}

fn stored_answer(storage: &Storage, question: &str) -> Option<AnswerValue> {
    match decode(storage.get(DOCUMENT_KEY).as_deref()) {
        Decoded::Loaded { document, .. } => document
            .entries
            .current(&guide("sample"))
            .and_then(|e| e.answers().get(&q(question)).cloned()),
        other => panic!("nothing readable stored: {other:?}"),
    }
}

fn stored_revision(storage: &Storage) -> u64 {
    match decode(storage.get(DOCUMENT_KEY).as_deref()) {
        Decoded::Loaded { stamp, .. } => stamp.revision,
        other => panic!("nothing readable stored: {other:?}"),
    }
}

#[test]
fn a_change_saved_in_one_tab_appears_in_the_other() {
    let mut storage = Storage::default();
    let mut a = Tab::open(1, &mut storage);
    let mut b = Tab::open(2, &mut storage);
    a.answer(&mut storage, "talk", AnswerValue::Scale(4));
    b.listen(&mut storage);
    assert_eq!(b.answer_to("talk"), Some(AnswerValue::Scale(4)));
    assert_eq!(b.notices, [Notice::TookTheirs]);
    // B goes on from A's revision, with no conflict.
    b.answer(&mut storage, "afraid", AnswerValue::YesNo(false));
    assert_eq!(stored_revision(&storage), 2);
    assert_eq!(b.notices, [Notice::TookTheirs]);
}

#[test]
fn two_tabs_answering_at_the_same_moment_both_keep_their_answers() {
    let mut storage = Storage::default();
    let mut a = Tab::open(1, &mut storage);
    let mut b = Tab::open(2, &mut storage);
    a.answer(&mut storage, "talk", AnswerValue::Scale(4));
    // B answers before hearing about A's save.
    b.answer(&mut storage, "afraid", AnswerValue::YesNo(false));
    assert_eq!(b.notices, [Notice::Combined]);
    a.listen(&mut storage);

    for tab in [&a, &b] {
        assert_eq!(tab.answer_to("talk"), Some(AnswerValue::Scale(4)));
        assert_eq!(tab.answer_to("afraid"), Some(AnswerValue::YesNo(false)));
    }
    assert_eq!(stored_answer(&storage, "talk"), Some(AnswerValue::Scale(4)));
    assert_eq!(
        stored_answer(&storage, "afraid"),
        Some(AnswerValue::YesNo(false))
    );
    assert_eq!(stored_revision(&storage), 2);
    assert_eq!(a.current, b.current);
}

#[test]
fn a_tab_never_silently_overwrites_a_newer_save() {
    let mut storage = Storage::default();
    let mut a = Tab::open(1, &mut storage);
    let mut b = Tab::open(2, &mut storage);
    a.answer(&mut storage, "talk", AnswerValue::Scale(2));
    b.answer(&mut storage, "talk", AnswerValue::Scale(5));
    assert_eq!(b.notices, [Notice::BothChanged]);
    a.listen(&mut storage);
    // The answer given last is kept, and both tabs were told.
    assert_eq!(stored_answer(&storage, "talk"), Some(AnswerValue::Scale(5)));
    assert_eq!(a.answer_to("talk"), Some(AnswerValue::Scale(5)));
    assert_eq!(a.notices, [Notice::TookTheirs]);
}

#[test]
fn a_failed_save_keeps_the_answers_on_screen_and_the_banner_until_saving_works() {
    let mut storage = Storage::default();
    let mut a = Tab::open(1, &mut storage);
    a.answer(&mut storage, "talk", AnswerValue::Scale(3));
    storage.full = true;
    a.answer(&mut storage, "afraid", AnswerValue::YesNo(false));
    a.answer(
        &mut storage,
        "wish",
        AnswerValue::Text("Patience".to_owned()),
    );
    assert_eq!(a.notices, [Notice::SaveFailed(SaveFailure::Full)]);
    assert_eq!(
        a.answer_to("wish"),
        Some(AnswerValue::Text("Patience".to_owned()))
    );
    assert_eq!(stored_answer(&storage, "afraid"), None);

    storage.full = false;
    a.answer(&mut storage, "role", AnswerValue::Choice("hurt".into()));
    assert_eq!(a.notices, []);
    for question in ["talk", "afraid", "wish", "role"] {
        assert!(stored_answer(&storage, question).is_some(), "{question}");
    }
}

#[test]
fn unsaved_answers_survive_another_tabs_save() {
    let mut storage = Storage::default();
    let mut a = Tab::open(1, &mut storage);
    let mut b = Tab::open(2, &mut storage);
    storage.full = true;
    b.answer(
        &mut storage,
        "wish",
        AnswerValue::Text("Patience".to_owned()),
    );
    storage.full = false;
    a.answer(&mut storage, "talk", AnswerValue::Scale(4));
    // B hears A's save while holding an unsaved answer: it merges and saves.
    b.listen(&mut storage);
    assert_eq!(stored_answer(&storage, "talk"), Some(AnswerValue::Scale(4)));
    assert_eq!(
        stored_answer(&storage, "wish"),
        Some(AnswerValue::Text("Patience".to_owned()))
    );
    assert_eq!(b.notices, [Notice::Combined]);
}

#[test]
fn erasing_in_one_tab_clears_the_other_and_is_not_undone_by_it() {
    let mut storage = Storage::default();
    let mut a = Tab::open(1, &mut storage);
    let mut b = Tab::open(2, &mut storage);
    a.answer(&mut storage, "talk", AnswerValue::Scale(4));
    b.listen(&mut storage);

    // Erase everything in A: every `mend.` key goes.
    let keys: Vec<String> = storage
        .items
        .keys()
        .filter(|k| is_mend_key(k))
        .cloned()
        .collect();
    for key in keys {
        storage.remove(1, &key);
    }
    // B answers before it hears of the erase: it must not write the old answers back.
    b.answer(&mut storage, "afraid", AnswerValue::YesNo(true));
    assert_eq!(storage.get(DOCUMENT_KEY), None);
    assert_eq!(b.current, Document::default());
    assert_eq!(b.notices.last(), Some(&Notice::ErasedElsewhere));
}

#[test]
fn unreadable_data_is_kept_aside_and_replaced_only_after_it_is_copied() {
    let mut storage = Storage::default();
    let broken = r#"{"app":"mend","schema":1,"revision":9,"saved_at":"x","data":{"prof"#;
    storage
        .items
        .insert(DOCUMENT_KEY.to_owned(), broken.to_owned());

    let mut a = Tab::open(1, &mut storage);
    assert_eq!(a.notices, [Notice::Recovered]);
    assert_eq!(a.current, Document::default());
    assert_eq!(storage.get(&recovery_key(broken)).as_deref(), Some(broken));
    // Not removed at start-up: another tab may still hold good answers.
    assert_eq!(storage.get(DOCUMENT_KEY).as_deref(), Some(broken));

    a.answer(&mut storage, "talk", AnswerValue::Scale(4));
    assert_eq!(stored_revision(&storage), 1);
    // Copying again landed on the same key: one copy, not two.
    let copies = storage.items.keys().filter(|k| is_recovery_key(k)).count();
    assert_eq!(copies, 1);
}

#[test]
fn unreadable_data_that_cannot_be_copied_is_not_replaced() {
    let mut storage = Storage {
        full: true,
        ..Storage::default()
    };
    storage
        .items
        .insert(DOCUMENT_KEY.to_owned(), "garbage".to_owned());
    let mut a = Tab::open(1, &mut storage);
    a.answer(&mut storage, "talk", AnswerValue::Scale(4));
    assert_eq!(storage.get(DOCUMENT_KEY).as_deref(), Some("garbage"));
    assert_eq!(
        a.notices,
        [Notice::Recovered, Notice::SaveFailed(SaveFailure::Full)]
    );
    assert_eq!(a.answer_to("talk"), Some(AnswerValue::Scale(4)));
}

#[test]
fn a_newer_mends_data_is_left_untouched() {
    let mut storage = Storage::default();
    let newer = format!(
        r#"{{"app":"mend","schema":{},"data":"new"}}"#,
        CURRENT_SCHEMA + 1
    );
    storage.items.insert(DOCUMENT_KEY.to_owned(), newer.clone());
    let mut a = Tab::open(1, &mut storage);
    assert_eq!(a.notices, [Notice::NewerVersion]);
    a.answer(&mut storage, "talk", AnswerValue::Scale(4));
    assert_eq!(storage.get(DOCUMENT_KEY), Some(newer));
}

#[test]
fn a_tab_still_open_when_mend_updates_elsewhere_stops_saving() {
    let mut storage = Storage::default();
    let mut old = Tab::open(1, &mut storage);
    old.answer(&mut storage, "talk", AnswerValue::Scale(4));
    let newer = format!(
        r#"{{"app":"mend","schema":{},"data":"new"}}"#,
        CURRENT_SCHEMA + 1
    );
    storage.set(2, DOCUMENT_KEY, &newer).unwrap();
    old.listen(&mut storage);
    old.answer(&mut storage, "afraid", AnswerValue::YesNo(false));
    assert_eq!(storage.get(DOCUMENT_KEY), Some(newer));
    assert_eq!(old.notices, [Notice::NewerElsewhere]);
}
