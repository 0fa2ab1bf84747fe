//! The session machine on its own: which steps are allowed from which state,
//! and that results of work from an earlier epoch are refused.

use crate::domain::store::{Session, State};

#[test]
fn a_decrypt_started_before_lock_is_refused_after_it() {
    let mut session: Session<u8> = Session::locked();
    let ticket = session.ticket();
    assert!(session.unlocked(ticket, 1));
    let opening = session.ticket();
    assert_eq!(
        session.lock(),
        Some(1),
        "the key comes back once, to seal what was unsaved"
    );
    assert!(!session.accepts(opening));
    assert_eq!(session.key(), None);
    assert!(session.is_locked() && !session.may_write());
}

#[test]
fn an_unlock_that_finishes_after_the_data_was_erased_or_opened_elsewhere_is_refused() {
    let mut session: Session<u8> = Session::locked();
    let ticket = session.ticket();
    session.opened();
    assert!(!session.unlocked(ticket, 1));
    assert_eq!(session.state(), &State::Open);

    let mut session: Session<u8> = Session::locked();
    let ticket = session.ticket();
    session.locked_elsewhere();
    assert!(
        !session.unlocked(ticket, 1),
        "the passphrase changed meanwhile: derive again"
    );
}

#[test]
fn a_tab_stopped_by_a_newer_mend_can_still_lock_and_seal_an_export() {
    let mut session: Session<u8> = Session::open();
    session.rekeyed(4);
    session.read_only();
    assert!(session.is_protected() && !session.may_write());
    assert_eq!(session.sealing_key(), Some(&4));
    assert_eq!(session.key(), None, "never a key to write with");
    assert_eq!(session.lock(), Some(4));
    assert_eq!(session.sealing_key(), None);
    assert!(session.is_read_only() && !session.is_locked());
}

#[test]
fn a_newer_mend_stops_every_write_for_good() {
    let mut session: Session<u8> = Session::open();
    session.read_only();
    session.rekeyed(3);
    session.opened();
    assert_eq!(session.locked_elsewhere(), None);
    assert!(session.is_read_only() && !session.may_write());
}

#[test]
fn the_key_lives_only_in_the_unlocked_state() {
    let mut session: Session<u8> = Session::open();
    assert!(session.may_write() && !session.is_protected());
    session.rekeyed(7);
    assert_eq!(session.key(), Some(&7));
    assert!(session.is_protected());
    assert_eq!(session.locked_elsewhere(), Some(7));
    assert_eq!(session.key(), None);
    assert!(session.is_protected() && session.is_locked());
    assert_eq!(session.lock(), None, "nothing left to lock");
}
