//! Two tabs of Mend open at once, played out on the real tab machine
//! (`domain::store::Tab`) through the test harness: an in-memory
//! `localStorage` that sends every write to the other tabs, and a driver
//! that only performs what the machine asks, as `src/store/` does.
//!
//! Each test states what a user relies on, and checks only what they could
//! notice: the answers each tab shows, what is stored (what a reload would
//! show), the notices, and whether a tab still saves.

use super::current_fixture;
use super::harness::{answer_in, newer_mends_data, Driven, Storage};
use crate::domain::answer::AnswerValue;
use crate::domain::ids::OptionId;
use crate::domain::store::{
    is_recovery_key, recovery_key, Decoded, Document, Notice, SaveFailure, DOCUMENT_KEY,
};

fn text(words: &str) -> AnswerValue {
    AnswerValue::Text(words.to_owned())
}

/// What a reload would show for `question` (the data is stored open here).
fn stored_answer(storage: &Storage, question: &str) -> Option<AnswerValue> {
    answer_in(&storage.opened(None), question)
}

fn stored_revision(storage: &Storage) -> u64 {
    match storage.document() {
        Decoded::Loaded { stamp, .. } => stamp.revision,
        other => panic!("nothing readable stored: {other:?}"),
    }
}

/// A save cut short (a crash mid-write, a damaged profile): the start of a
/// real stored document, which Mend cannot read.
fn cut_short() -> &'static str {
    let text = current_fixture();
    let mut end = text.len() / 2;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The user answers in one tab; the other tab shows it as soon as it hears
/// of the save, and goes on from it without any conflict.
#[test]
fn a_change_saved_in_one_tab_appears_in_the_other() {
    let mut storage = Storage::default();
    let mut a = Driven::open(1, &mut storage);
    let mut b = Driven::open(2, &mut storage);
    a.answer("talk", AnswerValue::Scale(4), &mut storage);
    b.hear(&mut storage);
    assert_eq!(b.shown("talk"), Some(AnswerValue::Scale(4)));
    assert_eq!(b.notices(), [Notice::TookTheirs]);

    // B goes on from A's revision, with no conflict.
    b.answer("afraid", AnswerValue::YesNo(false), &mut storage);
    assert_eq!(stored_revision(&storage), 2);
    assert_eq!(stored_answer(&storage, "talk"), Some(AnswerValue::Scale(4)));
    assert_eq!(b.notices(), [Notice::TookTheirs]);
}

/// Two tabs answering different questions before either hears of the
/// other's save: both answers are kept, stored, and shown in both tabs.
#[test]
fn two_tabs_answering_at_the_same_moment_both_keep_their_answers() {
    let mut storage = Storage::default();
    let mut a = Driven::open(1, &mut storage);
    let mut b = Driven::open(2, &mut storage);
    a.answer("talk", AnswerValue::Scale(4), &mut storage);
    // B answers before hearing about A's save.
    b.answer("afraid", AnswerValue::YesNo(false), &mut storage);
    assert_eq!(b.notices(), [Notice::Combined]);
    a.hear(&mut storage);

    for tab in [&a, &b] {
        assert_eq!(tab.shown("talk"), Some(AnswerValue::Scale(4)));
        assert_eq!(tab.shown("afraid"), Some(AnswerValue::YesNo(false)));
    }
    assert_eq!(stored_answer(&storage, "talk"), Some(AnswerValue::Scale(4)));
    assert_eq!(
        stored_answer(&storage, "afraid"),
        Some(AnswerValue::YesNo(false))
    );
    assert_eq!(stored_revision(&storage), 2);
    assert_eq!(a.document(), b.document());
}

/// Both tabs change the same answer: the one given last is kept, and
/// neither tab overwrote the other without saying so.
#[test]
fn a_tab_never_silently_overwrites_a_newer_save() {
    let mut storage = Storage::default();
    let mut a = Driven::open(1, &mut storage);
    let mut b = Driven::open(2, &mut storage);
    a.answer("talk", AnswerValue::Scale(2), &mut storage);
    b.answer("talk", AnswerValue::Scale(5), &mut storage);
    assert_eq!(b.notices(), [Notice::BothChanged]);
    a.hear(&mut storage);
    // The answer given last is kept, and both tabs were told.
    assert_eq!(stored_answer(&storage, "talk"), Some(AnswerValue::Scale(5)));
    assert_eq!(a.shown("talk"), Some(AnswerValue::Scale(5)));
    assert_eq!(a.notices(), [Notice::TookTheirs]);
}

/// When the browser has no room, the answers stay on screen and the banner
/// stays up; the next save that works stores everything and the banner goes.
#[test]
fn a_failed_save_keeps_the_answers_on_screen_and_the_banner_until_saving_works() {
    let mut storage = Storage::default();
    let mut a = Driven::open(1, &mut storage);
    a.answer("talk", AnswerValue::Scale(3), &mut storage);
    storage.full = true;
    a.answer("afraid", AnswerValue::YesNo(false), &mut storage);
    a.answer("wish", text("Patience"), &mut storage);
    assert_eq!(a.notices(), [Notice::SaveFailed(SaveFailure::Full)]);
    assert_eq!(a.shown("afraid"), Some(AnswerValue::YesNo(false)));
    assert_eq!(a.shown("wish"), Some(text("Patience")));
    assert_eq!(stored_answer(&storage, "afraid"), None);
    assert!(a.tab.unsaved());

    storage.full = false;
    a.answer(
        "role",
        AnswerValue::Choice(OptionId::new("hurt")),
        &mut storage,
    );
    assert_eq!(a.notices(), []);
    for question in ["talk", "afraid", "wish", "role"] {
        assert!(stored_answer(&storage, question).is_some(), "{question}");
    }
    assert!(!a.tab.unsaved());
}

/// A tab holding an answer it could not save takes another tab's save
/// without losing it, and saves both.
#[test]
fn unsaved_answers_survive_another_tabs_save() {
    let mut storage = Storage::default();
    let mut a = Driven::open(1, &mut storage);
    let mut b = Driven::open(2, &mut storage);
    storage.full = true;
    b.answer("wish", text("Patience"), &mut storage);
    assert_eq!(b.notices(), [Notice::SaveFailed(SaveFailure::Full)]);
    storage.full = false;
    a.answer("talk", AnswerValue::Scale(4), &mut storage);
    // B hears A's save while holding an unsaved answer: it merges and saves.
    b.hear(&mut storage);
    b.finish_all(&mut storage);
    assert_eq!(stored_answer(&storage, "talk"), Some(AnswerValue::Scale(4)));
    assert_eq!(stored_answer(&storage, "wish"), Some(text("Patience")));
    assert_eq!(b.shown("talk"), Some(AnswerValue::Scale(4)));
    assert_eq!(b.shown("wish"), Some(text("Patience")));
    assert_eq!(b.notices(), [Notice::Combined]);

    a.hear(&mut storage);
    assert_eq!(a.shown("wish"), Some(text("Patience")));
}

/// "Erase everything" in one tab clears the other, and the other tab does
/// not write the erased answers back, even if it saves before it hears of
/// the erase.
#[test]
fn erasing_in_one_tab_clears_the_other_and_is_not_undone_by_it() {
    let mut storage = Storage::default();
    let mut a = Driven::open(1, &mut storage);
    let mut b = Driven::open(2, &mut storage);
    a.answer("talk", AnswerValue::Scale(4), &mut storage);
    b.hear(&mut storage);
    assert_eq!(b.shown("talk"), Some(AnswerValue::Scale(4)));

    a.erase(&mut storage).expect("erasing works");
    assert!(storage.items.is_empty(), "every Mend key is gone");
    assert_eq!(a.document(), Document::default());

    // B answers before it hears of the erase: it must not write the old
    // answers back.
    b.answer("afraid", AnswerValue::YesNo(true), &mut storage);
    assert_eq!(storage.get(DOCUMENT_KEY), None);
    assert_eq!(b.document(), Document::default());
    assert_eq!(b.notices().last(), Some(&Notice::ErasedElsewhere));

    // Hearing of the erase late changes nothing more.
    b.hear(&mut storage);
    b.save(&mut storage);
    b.finish_all(&mut storage);
    assert_eq!(storage.get(DOCUMENT_KEY), None);
    assert_eq!(b.document(), Document::default());
    assert_eq!(b.notices().last(), Some(&Notice::ErasedElsewhere));
}

/// Stored data Mend cannot read is copied aside (for download) before
/// anything replaces it, and left in place until the first save.
#[test]
fn unreadable_data_is_kept_aside_and_replaced_only_after_it_is_copied() {
    let mut storage = Storage::default();
    let broken = cut_short();
    storage.put(DOCUMENT_KEY, broken);

    let mut a = Driven::open(1, &mut storage);
    assert_eq!(a.notices(), [Notice::Recovered]);
    assert_eq!(a.document(), Document::default());
    let copy = recovery_key(broken);
    assert_eq!(storage.get(&copy).as_deref(), Some(broken));
    assert_eq!(a.tab.recovered(), Some(copy.as_str()));
    // Not removed at start-up: another tab may still hold good answers.
    assert_eq!(storage.get(DOCUMENT_KEY).as_deref(), Some(broken));

    a.answer("talk", AnswerValue::Scale(4), &mut storage);
    assert_eq!(stored_answer(&storage, "talk"), Some(AnswerValue::Scale(4)));
    assert_eq!(stored_revision(&storage), 1);
    // Copying again landed on the same key: one copy, not two.
    let copies: Vec<_> = storage
        .items
        .keys()
        .filter(|k| is_recovery_key(k))
        .collect();
    assert_eq!(copies, [&copy]);
    assert_eq!(storage.get(&copy).as_deref(), Some(broken));
}

/// With no room to copy unreadable data aside, Mend does not replace it:
/// the answers stay on screen with the banner until there is room, and
/// then the copy is made first.
#[test]
fn unreadable_data_that_cannot_be_copied_is_not_replaced() {
    let mut storage = Storage::default();
    storage.put(DOCUMENT_KEY, "garbage");
    storage.full = true;
    let mut a = Driven::open(1, &mut storage);
    assert!(a.notices().contains(&Notice::Recovered));
    a.answer("talk", AnswerValue::Scale(4), &mut storage);
    assert_eq!(storage.get(DOCUMENT_KEY).as_deref(), Some("garbage"));
    assert_eq!(
        a.notices(),
        [Notice::Recovered, Notice::SaveFailed(SaveFailure::Full)]
    );
    assert_eq!(a.shown("talk"), Some(AnswerValue::Scale(4)));

    storage.full = false;
    a.save(&mut storage);
    assert_eq!(
        storage.get(&recovery_key("garbage")).as_deref(),
        Some("garbage")
    );
    assert_eq!(stored_answer(&storage, "talk"), Some(AnswerValue::Scale(4)));
    assert_eq!(a.notices(), [Notice::Recovered]);
}

/// Data a newer Mend saved is never written over by this one.
#[test]
fn a_newer_mends_data_is_left_untouched() {
    let mut storage = Storage::default();
    let newer = newer_mends_data();
    storage.put(DOCUMENT_KEY, &newer);
    let mut a = Driven::open(1, &mut storage);
    assert_eq!(a.notices(), [Notice::NewerVersion]);
    assert!(a.tab.is_read_only());
    a.answer("talk", AnswerValue::Scale(4), &mut storage);
    assert_eq!(storage.get(DOCUMENT_KEY), Some(newer));
    assert_eq!(storage.items.len(), 1, "nothing else written either");
    assert!(a.tab.is_read_only());
}

/// A tab left open while Mend updates in another tab stops saving as soon
/// as it hears of the newer save, so it never overwrites it.
#[test]
fn a_tab_still_open_when_mend_updates_elsewhere_stops_saving() {
    let mut storage = Storage::default();
    let mut old = Driven::open(1, &mut storage);
    old.answer("talk", AnswerValue::Scale(4), &mut storage);
    let newer = newer_mends_data();
    storage.put(DOCUMENT_KEY, &newer);
    old.hear(&mut storage);
    assert!(old.tab.is_read_only());
    assert_eq!(old.notices(), [Notice::NewerElsewhere]);
    // What it showed stays on screen, for download.
    assert_eq!(old.shown("talk"), Some(AnswerValue::Scale(4)));

    old.answer("afraid", AnswerValue::YesNo(false), &mut storage);
    assert_eq!(storage.get(DOCUMENT_KEY), Some(newer));
    assert_eq!(old.notices(), [Notice::NewerElsewhere]);
}
