//! The tab machine's states and epochs, through the harness: what a tab
//! holds while open, unlocked, locked or read-only; that the browser's work
//! finishing after the tab has moved on (locked, erased, opened or re-keyed
//! elsewhere) changes nothing; and the scenarios users hit: a full quota,
//! another tab's save arriving mid-save, a lock asked mid-unlock.

use super::harness::{answer_in, newer_mends_data, passphrase, Driven, FakeKey, Storage};
use crate::domain::answer::AnswerValue;
use crate::domain::store::{
    Ask, Decoded, Document, Effect, Notice, SaveFailure, UnlockError, DOCUMENT_KEY,
};

fn text(words: &str) -> AnswerValue {
    AnswerValue::Text(words.to_owned())
}

/// The key `passphrase(1)` derives.
const KEY: FakeKey = FakeKey(1);

/// Tab 1, where the user has set the passphrase `passphrase(1)`.
fn first_tab_with_passphrase(storage: &mut Storage) -> Driven {
    let mut a = Driven::open(1, storage);
    let set = Ask::SetPassphrase {
        current: None,
        new: passphrase(1),
    };
    assert_eq!(a.ask_done(set, storage), Ok(()));
    assert!(matches!(storage.document(), Decoded::Sealed { .. }));
    a
}

/// Tab `id`, opened once the data is sealed with `passphrase(1)`: it starts
/// on the lock screen, and the user unlocks it.
fn unlocked_tab(id: usize, storage: &mut Storage) -> Driven {
    let mut tab = Driven::open(id, storage);
    assert!(tab.tab.is_locked());
    assert_eq!(tab.ask_done(Ask::Unlock(passphrase(1)), storage), Ok(()));
    tab
}

/// Whether the browser work a tab waits for includes opening a box.
fn opening(tab: &Driven) -> bool {
    tab.work
        .iter()
        .any(|work| matches!(work, Effect::Open { .. }))
}

// States: what each one holds.

/// Without a passphrase nothing is sealed and there is no key; with one,
/// only an unlocked tab holds the key, and a tab that loses it (the
/// passphrase changed in another tab) holds no answers and cannot lock
/// again.
#[test]
fn the_key_is_held_only_while_unlocked() {
    let mut storage = Storage::default();
    let mut a = Driven::open(1, &mut storage);
    assert!(a.tab.may_write() && !a.tab.is_protected());
    assert_eq!(a.tab.key(), None);
    assert_eq!(
        a.ask_done(Ask::Lock, &mut storage),
        Err(UnlockError::NotLocked),
        "no passphrase: nothing to lock"
    );

    let set = Ask::SetPassphrase {
        current: None,
        new: passphrase(1),
    };
    assert_eq!(a.ask_done(set, &mut storage), Ok(()));
    assert_eq!(a.tab.key(), Some(&KEY));
    assert!(a.tab.is_protected() && a.tab.may_write());

    // The passphrase is changed in another tab.
    let mut b = unlocked_tab(2, &mut storage);
    let change = Ask::SetPassphrase {
        current: Some(passphrase(1)),
        new: passphrase(2),
    };
    assert_eq!(b.ask_done(change, &mut storage), Ok(()));
    a.hear(&mut storage);
    a.finish_all(&mut storage);
    assert_eq!(a.tab.key(), None);
    assert!(a.tab.is_protected() && a.tab.is_locked() && !a.tab.may_write());
    assert!(a.tab.document().is_none());
    assert_eq!(a.notices(), [Notice::LockedElsewhere]);
    assert_eq!(
        a.ask_done(Ask::Lock, &mut storage),
        Err(UnlockError::NotLocked),
        "nothing left to lock"
    );
}

/// A locked tab shows the lock screen: it holds no answer, and typing
/// changes nothing. What it had not saved when another tab changed the
/// passphrase is kept (sealed with the old key) and comes back, saved,
/// once the user unlocks with the new passphrase.
#[test]
fn a_locked_tab_holds_no_answers_and_its_held_changes_come_back_after_unlock() {
    let mut storage = Storage::default();
    let mut a = first_tab_with_passphrase(&mut storage);
    a.answer("talk", AnswerValue::Scale(4), &mut storage);

    let mut b = unlocked_tab(2, &mut storage);
    assert_eq!(b.shown("talk"), Some(AnswerValue::Scale(4)));
    // B is typing (not saved yet) when A changes the passphrase.
    b.type_answer("wish", text("Patience"), &mut storage);
    let change = Ask::SetPassphrase {
        current: Some(passphrase(1)),
        new: passphrase(2),
    };
    assert_eq!(a.ask_done(change, &mut storage), Ok(()));
    b.hear(&mut storage);
    b.finish_all(&mut storage);

    assert!(b.tab.is_locked());
    assert!(b.tab.document().is_none(), "a locked tab holds no answer");
    assert!(b.tab.holds_changes());
    assert_eq!(b.notices(), [Notice::LockedElsewhere]);
    b.type_answer("afraid", AnswerValue::YesNo(true), &mut storage);
    b.save(&mut storage);
    b.finish_all(&mut storage);
    assert!(
        b.tab.document().is_none(),
        "typing while locked changes nothing"
    );

    assert_eq!(
        b.ask_done(Ask::Unlock(passphrase(1)), &mut storage),
        Err(UnlockError::WrongPassphrase),
        "the old passphrase no longer opens the data"
    );
    assert!(b.tab.is_locked() && b.tab.holds_changes());
    assert_eq!(b.ask_done(Ask::Unlock(passphrase(2)), &mut storage), Ok(()));
    assert_eq!(b.shown("wish"), Some(text("Patience")));
    assert_eq!(b.shown("talk"), Some(AnswerValue::Scale(4)));
    assert_eq!(b.shown("afraid"), None, "typed on the lock screen");
    assert!(!b.tab.holds_changes() && !b.tab.unsaved());
    assert!(b.notices().is_empty(), "{:?}", b.notices());
    let stored = storage.opened(Some(FakeKey(2)));
    assert_eq!(stored, b.document());
}

/// A tab that a newer Mend stopped writes nothing, whatever the user does
/// after: no save, no passphrase, no import.
#[test]
fn a_read_only_tab_never_writes() {
    let mut storage = Storage::default();
    storage.put(DOCUMENT_KEY, &newer_mends_data());
    let mut a = Driven::open(1, &mut storage);
    assert!(a.tab.is_read_only() && !a.tab.may_write());
    assert_eq!(a.notices(), [Notice::NewerVersion]);
    let before = storage.items.clone();

    a.answer("talk", AnswerValue::Scale(4), &mut storage);
    assert_eq!(a.ask_done(Ask::Settle, &mut storage), Ok(()));
    assert_eq!(
        a.ask_done(Ask::Lock, &mut storage),
        Err(UnlockError::NotLocked)
    );
    let set = Ask::SetPassphrase {
        current: None,
        new: passphrase(1),
    };
    assert!(a.ask_done(set, &mut storage).is_err());
    assert!(a
        .ask_done(Ask::Import(Document::default()), &mut storage)
        .is_err());
    assert_eq!(storage.items, before);
    assert!(a.tab.is_read_only());
}

/// Whatever the other tabs do after, a tab a newer Mend stopped stays
/// stopped: here everything is erased in another tab, which the stopped
/// tab hears at once, and then a fresh tab saves.
#[test]
fn a_read_only_tab_stays_read_only_when_it_hears_of_an_erase() {
    let mut storage = Storage::default();
    storage.put(DOCUMENT_KEY, &newer_mends_data());
    let mut a = Driven::open(1, &mut storage);
    let mut b = Driven::open(2, &mut storage);
    b.erase(&mut storage).expect("erasing works");
    a.hear(&mut storage);
    assert!(a.tab.is_read_only());
    assert_eq!(a.notices().last(), Some(&Notice::ErasedElsewhere));

    let mut c = Driven::open(3, &mut storage);
    c.answer("afraid", AnswerValue::YesNo(false), &mut storage);
    let stored = storage.items.clone();
    a.hear(&mut storage);
    a.answer("wish", text("from the stopped tab"), &mut storage);
    assert!(a.tab.is_read_only());
    assert_eq!(storage.items, stored);
}

/// As above, but the stopped tab hears of the erase only after the fresh
/// tab saved (storage events can arrive late). It stays stopped all the
/// same (it once reloaded from storage as an ordinary tab, and wrote).
#[test]
fn a_read_only_tab_stays_read_only_when_it_hears_of_an_erase_late() {
    let mut storage = Storage::default();
    storage.put(DOCUMENT_KEY, &newer_mends_data());
    let mut a = Driven::open(1, &mut storage);
    let mut b = Driven::open(2, &mut storage);
    b.erase(&mut storage).expect("erasing works");
    let mut c = Driven::open(3, &mut storage);
    c.answer("afraid", AnswerValue::YesNo(false), &mut storage);
    let stored = storage.items.clone();

    a.hear(&mut storage);
    a.answer("wish", text("from the stopped tab"), &mut storage);
    assert_eq!(storage.items, stored, "the stopped tab wrote");
    assert!(a.tab.is_read_only(), "the stopped tab is writable again");
}

/// A tab that was unlocked when a newer Mend saved elsewhere keeps its key
/// only to lock and to seal an export (what it showed is offered for
/// download): it never writes with it, and locking hides its answers.
#[test]
fn a_tab_stopped_by_a_newer_mend_can_still_lock_and_seal_an_export() {
    let mut storage = Storage::default();
    let mut a = first_tab_with_passphrase(&mut storage);
    a.answer("talk", AnswerValue::Scale(4), &mut storage);
    a.type_answer("afraid", AnswerValue::YesNo(false), &mut storage);
    let newer = newer_mends_data();
    storage.put(DOCUMENT_KEY, &newer);
    a.hear(&mut storage);

    assert!(a.tab.is_read_only() && a.tab.is_protected() && !a.tab.may_write());
    assert_eq!(a.notices(), [Notice::NewerElsewhereUnsaved]);
    assert_eq!(a.tab.sealing_key(), Some(&KEY));
    assert_eq!(a.tab.key(), None, "never a key to write with");
    assert_eq!(a.shown("afraid"), Some(AnswerValue::YesNo(false)));

    a.save(&mut storage);
    a.finish_all(&mut storage);
    assert_eq!(storage.get(DOCUMENT_KEY), Some(newer.clone()));

    assert_eq!(a.ask_done(Ask::Lock, &mut storage), Ok(()));
    assert_eq!(a.tab.sealing_key(), None);
    assert!(a.tab.document().is_none());
    assert!(a.tab.is_read_only() && !a.tab.is_locked());
    assert_eq!(a.notices(), [Notice::NewerElsewhere]);
    assert_eq!(storage.get(DOCUMENT_KEY), Some(newer));
}

// Epochs: work that finishes after the tab moved on.

/// Another tab's save is being opened when the user locks: when it opens,
/// the locked tab takes nothing from it.
#[test]
fn a_decrypt_started_before_a_lock_is_refused_after_it() {
    let mut storage = Storage::default();
    let mut a = first_tab_with_passphrase(&mut storage);
    let mut b = unlocked_tab(2, &mut storage);
    b.answer("talk", AnswerValue::Scale(4), &mut storage);
    a.hear(&mut storage);
    assert!(opening(&a), "A opens B's save");

    let lock = a.ask(Ask::Lock, &mut storage);
    assert_eq!(a.reply(lock), Some(Ok(())));
    assert!(a.tab.is_locked());
    a.finish_all(&mut storage);
    assert!(a.tab.is_locked());
    assert!(a.tab.document().is_none());

    assert_eq!(a.ask_done(Ask::Unlock(passphrase(1)), &mut storage), Ok(()));
    assert_eq!(a.shown("talk"), Some(AnswerValue::Scale(4)));
}

/// Right after unlocking, the changes held at the last lock are opened;
/// a lock asked meanwhile waits until they are back and saved, so nothing
/// typed is lost and the unlock is done before the tab locks again.
#[test]
fn a_lock_asked_while_held_changes_are_opened_waits_until_they_are_saved() {
    let mut storage = Storage::default();
    let mut a = first_tab_with_passphrase(&mut storage);
    storage.full = true;
    a.type_answer("wish", text("Patience"), &mut storage);
    assert_eq!(a.ask_done(Ask::Lock, &mut storage), Ok(()));
    assert!(a.tab.holds_changes());
    storage.full = false;

    let unlock = a.ask(Ask::Unlock(passphrase(1)), &mut storage);
    a.finish(0, &mut storage); // the key
    a.finish(0, &mut storage); // the stored data
    assert!(opening(&a), "the held changes are being opened");
    let lock = a.ask(Ask::Lock, &mut storage);
    assert_eq!(a.reply(lock), None);
    a.finish_all(&mut storage);

    assert_eq!(a.reply(unlock), Some(Ok(())));
    assert_eq!(a.reply(lock), Some(Ok(())));
    assert!(a.tab.is_locked() && a.tab.document().is_none());
    assert!(!a.tab.holds_changes(), "nothing left unsaved to hold");
    assert_eq!(
        answer_in(&storage.opened(Some(KEY)), "wish"),
        Some(text("Patience"))
    );
}

/// Right after unlocking, the changes held at the last lock are opened; if
/// the tab locks again before that finishes (the passphrase was changed in
/// another tab), they are not put into the locked tab but kept, and come
/// back, saved with the new passphrase, after the next unlock.
#[test]
fn held_changes_opened_after_a_lock_elsewhere_wait_for_the_next_unlock() {
    let mut storage = Storage::default();
    let mut a = first_tab_with_passphrase(&mut storage);
    let mut b = unlocked_tab(2, &mut storage);
    storage.full = true;
    a.type_answer("wish", text("Patience"), &mut storage);
    assert_eq!(a.ask_done(Ask::Lock, &mut storage), Ok(()));
    assert!(a.tab.holds_changes());
    storage.full = false;

    let unlock = a.ask(Ask::Unlock(passphrase(1)), &mut storage);
    a.finish(0, &mut storage); // the key
    a.finish(0, &mut storage); // the stored data
    assert!(opening(&a), "the held changes are being opened");
    let change = Ask::SetPassphrase {
        current: Some(passphrase(1)),
        new: passphrase(2),
    };
    assert_eq!(b.ask_done(change, &mut storage), Ok(()));
    a.hear(&mut storage);
    assert!(a.tab.is_locked());
    a.finish_all(&mut storage);

    // The unlock did happen (it may say so); the tab then locked, and says why.
    assert!(a.reply(unlock).is_some(), "the unlock is answered");
    assert!(a.tab.is_locked() && a.tab.document().is_none());
    assert!(a.notices().contains(&Notice::LockedElsewhere));
    assert!(a.tab.holds_changes());
    assert_eq!(answer_in(&storage.opened(Some(FakeKey(2))), "wish"), None);

    assert_eq!(a.ask_done(Ask::Unlock(passphrase(2)), &mut storage), Ok(()));
    assert_eq!(a.shown("wish"), Some(text("Patience")));
    assert!(!a.tab.holds_changes() && !a.tab.unsaved());
    assert!(a.notices().is_empty(), "{:?}", a.notices());
    assert_eq!(
        answer_in(&storage.opened(Some(FakeKey(2))), "wish"),
        Some(text("Patience"))
    );
}

/// The user unlocks a tab while everything is erased in another: the
/// unlock that finishes afterwards does not bring the erased answers back,
/// whether or not the tab heard of the erase first.
#[test]
fn an_unlock_that_finishes_after_the_data_was_erased_elsewhere_does_not_bring_answers_back() {
    for hear_first in [true, false] {
        let mut storage = Storage::default();
        let mut a = first_tab_with_passphrase(&mut storage);
        a.answer("talk", AnswerValue::Scale(4), &mut storage);
        let mut b = Driven::open(2, &mut storage);
        let unlock = b.ask(Ask::Unlock(passphrase(1)), &mut storage);
        b.finish(0, &mut storage); // the key; the stored box is opening
        assert!(opening(&b));

        a.erase(&mut storage).expect("erasing works");
        if hear_first {
            b.hear(&mut storage);
        }
        b.finish_all(&mut storage);
        b.hear(&mut storage);

        assert_eq!(b.reply(unlock), Some(Ok(())), "nothing left to unlock");
        assert!(!b.tab.is_locked(), "nothing is sealed any more");
        assert_eq!(
            b.document(),
            Document::default(),
            "hear first: {hear_first}"
        );
        b.save(&mut storage);
        b.finish_all(&mut storage);
        assert!(storage.items.is_empty(), "hear first: {hear_first}");
    }
}

/// The user unlocks a tab while the passphrase is removed in another, which
/// then saves a newer answer: the unlock that finishes afterwards shows
/// what is stored now, never the older answers it opened.
#[test]
fn an_unlock_that_finishes_after_the_data_was_opened_elsewhere_does_not_bring_answers_back() {
    for hear_first in [true, false] {
        let mut storage = Storage::default();
        let mut a = first_tab_with_passphrase(&mut storage);
        a.answer("talk", AnswerValue::Scale(4), &mut storage);
        let mut b = Driven::open(2, &mut storage);
        let unlock = b.ask(Ask::Unlock(passphrase(1)), &mut storage);
        b.finish(0, &mut storage); // the key; the stored box is opening
        assert!(opening(&b));

        let remove = Ask::RemovePassphrase(passphrase(1));
        assert_eq!(a.ask_done(remove, &mut storage), Ok(()));
        a.answer("talk", AnswerValue::Scale(7), &mut storage);
        if hear_first {
            b.hear(&mut storage);
        }
        b.finish_all(&mut storage);
        b.hear(&mut storage);

        assert_eq!(b.reply(unlock), Some(Ok(())), "hear first: {hear_first}");
        assert!(!b.tab.is_protected() && b.tab.may_write());
        assert_eq!(b.shown("talk"), Some(AnswerValue::Scale(7)));
        b.save(&mut storage);
        b.finish_all(&mut storage);
        assert_eq!(
            answer_in(&storage.opened(None), "talk"),
            Some(AnswerValue::Scale(7)),
            "hear first: {hear_first}"
        );
    }
}

/// The user unlocks a tab with the passphrase while it is changed in
/// another tab: the unlock that finishes afterwards does not open the data
/// sealed with the new passphrase; the old one is refused, the new one works.
#[test]
fn an_unlock_that_finishes_after_the_passphrase_changed_elsewhere_does_not_open_it() {
    let mut storage = Storage::default();
    let mut a = first_tab_with_passphrase(&mut storage);
    a.answer("talk", AnswerValue::Scale(4), &mut storage);
    let mut b = Driven::open(2, &mut storage);
    let unlock = b.ask(Ask::Unlock(passphrase(1)), &mut storage);
    b.finish(0, &mut storage); // the key; the stored box is opening
    assert!(opening(&b));

    let change = Ask::SetPassphrase {
        current: Some(passphrase(1)),
        new: passphrase(2),
    };
    assert_eq!(a.ask_done(change, &mut storage), Ok(()));
    b.finish_all(&mut storage);
    b.hear(&mut storage);

    assert_eq!(b.reply(unlock), Some(Err(UnlockError::WrongPassphrase)));
    assert!(b.tab.is_locked() && b.tab.document().is_none());
    assert_eq!(b.ask_done(Ask::Unlock(passphrase(2)), &mut storage), Ok(()));
    assert_eq!(b.shown("talk"), Some(AnswerValue::Scale(4)));
}

// Scenarios.

/// With no room left, a typed answer stays on screen with the "couldn't
/// save" banner and nothing is written; once there is room, the next save
/// stores it and the banner goes.
#[test]
fn a_full_quota_keeps_the_answer_on_screen_until_a_save_works() {
    let mut storage = Storage::default();
    let mut a = Driven::open(1, &mut storage);
    storage.full = true;
    a.type_answer("wish", text("Patience"), &mut storage);
    a.save(&mut storage);
    assert_eq!(a.notices(), [Notice::SaveFailed(SaveFailure::Full)]);
    assert_eq!(a.shown("wish"), Some(text("Patience")));
    assert!(storage.items.is_empty(), "nothing written");

    storage.full = false;
    a.save(&mut storage);
    assert_eq!(
        answer_in(&storage.opened(None), "wish"),
        Some(text("Patience"))
    );
    assert_eq!(a.notices(), []);
    assert_eq!(a.shown("wish"), Some(text("Patience")));
}

/// With a passphrase and no room left, locking keeps the unsaved answer
/// sealed in the tab (the lock screen says so) rather than in the clear;
/// after unlocking, with room again, it is back and saved, sealed.
#[test]
fn locking_with_a_full_quota_keeps_the_unsaved_answer_until_unlock() {
    let mut storage = Storage::default();
    let mut a = first_tab_with_passphrase(&mut storage);
    storage.full = true;
    a.type_answer("wish", text("Patience"), &mut storage);
    let lock = a.ask(Ask::Lock, &mut storage);
    a.finish_all(&mut storage);
    assert_eq!(a.reply(lock), Some(Ok(())));
    assert!(a.tab.is_locked());
    assert!(a.tab.document().is_none());
    assert!(a.notices().contains(&Notice::LockedUnsaved));
    assert_eq!(answer_in(&storage.opened(Some(KEY)), "wish"), None);

    storage.full = false;
    assert_eq!(a.ask_done(Ask::Unlock(passphrase(1)), &mut storage), Ok(()));
    assert_eq!(a.shown("wish"), Some(text("Patience")));
    assert!(!a.tab.unsaved() && !a.tab.holds_changes());
    assert!(matches!(storage.document(), Decoded::Sealed { .. }));
    assert_eq!(
        answer_in(&storage.opened(Some(KEY)), "wish"),
        Some(text("Patience"))
    );
    assert!(
        !a.notices().contains(&Notice::LockedUnsaved),
        "{:?}",
        a.notices()
    );
}

/// Two unlocked tabs answer different questions; one hears the other's
/// save while its own is still being sealed. Whichever finishes first,
/// both answers are stored and both tabs show both.
#[test]
fn a_storage_event_arriving_mid_save_loses_neither_answer() {
    for which in [0, 1] {
        let mut storage = Storage::default();
        let mut a = first_tab_with_passphrase(&mut storage);
        let mut b = unlocked_tab(2, &mut storage);

        a.type_answer("talk", AnswerValue::Scale(4), &mut storage);
        a.save(&mut storage);
        assert_eq!(a.work.len(), 1, "A's save is being sealed");
        b.answer("afraid", AnswerValue::YesNo(true), &mut storage);
        a.hear(&mut storage);
        assert_eq!(a.work.len(), 2);
        assert!(opening(&a), "A opens B's save");

        // 0: A's seal lands first; 1: B's box opens first.
        a.finish(which, &mut storage);
        a.finish_all(&mut storage);
        b.hear(&mut storage);
        b.finish_all(&mut storage);
        a.hear(&mut storage);
        a.finish_all(&mut storage);

        let stored = storage.opened(Some(KEY));
        assert_eq!(
            answer_in(&stored, "talk"),
            Some(AnswerValue::Scale(4)),
            "order {which}"
        );
        assert_eq!(
            answer_in(&stored, "afraid"),
            Some(AnswerValue::YesNo(true)),
            "order {which}"
        );
        assert_eq!(a.document(), stored, "order {which}");
        assert_eq!(b.document(), stored, "order {which}");
        assert!(!a.tab.unsaved() && !b.tab.unsaved());
    }
}

/// A lock asked while an unlock is still deriving the key waits its turn:
/// the unlock finishes (and says so), then the tab locks.
#[test]
fn a_lock_asked_mid_unlock_locks_once_the_unlock_is_done() {
    let mut storage = Storage::default();
    let mut a = first_tab_with_passphrase(&mut storage);
    a.answer("talk", AnswerValue::Scale(4), &mut storage);
    assert_eq!(a.ask_done(Ask::Lock, &mut storage), Ok(()));

    let unlock = a.ask(Ask::Unlock(passphrase(1)), &mut storage);
    assert!(
        matches!(a.work[..], [Effect::Derive { .. }]),
        "the key is being derived"
    );
    let lock = a.ask(Ask::Lock, &mut storage);
    assert_eq!(a.reply(lock), None, "the lock waits for the unlock");
    a.finish_all(&mut storage);

    assert_eq!(a.reply(unlock), Some(Ok(())));
    assert_eq!(a.reply(lock), Some(Ok(())));
    assert!(a.tab.is_locked());
    assert!(a.tab.document().is_none());
    assert_eq!(
        answer_in(&storage.opened(Some(KEY)), "talk"),
        Some(AnswerValue::Scale(4))
    );
}

/// Asking to lock a tab that is already locked, with nothing under way,
/// says it did not lock (there is nothing to lock).
#[test]
fn locking_a_locked_tab_says_so() {
    let mut storage = Storage::default();
    let mut a = first_tab_with_passphrase(&mut storage);
    assert_eq!(a.ask_done(Ask::Lock, &mut storage), Ok(()));
    assert!(a.tab.is_locked() && a.tab.is_idle());
    assert_eq!(
        a.ask_done(Ask::Lock, &mut storage),
        Err(UnlockError::NotLocked)
    );
    assert!(a.tab.is_locked());
}
