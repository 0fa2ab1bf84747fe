//! The one save path (open data written at once; sealed data sealed, then
//! checked and written in one synchronous step), what other tabs' saves
//! mean for this one, and what a tab does when it loses its key.

use super::*;
use crate::domain::store::decode::open_data;
use crate::domain::store::encode::{document_aad, document_plaintext, encode, encode_sealed};
use crate::domain::store::kept_aside::encode_kept_aside;
use crate::domain::store::merge::merge_pending;
use crate::domain::store::migrate::CURRENT_SCHEMA;
use crate::domain::store::sync::{
    before_write, is_overtaken, is_stale_removal, on_storage_event, StorageChange, WriteDecision,
};

/// How many rounds one save may take (each conflict takes a newer copy,
/// so two settle any ordinary case; more means another tab keeps saving).
const ROUNDS: u8 = 6;

impl<K: BoxKey + std::fmt::Debug> Tab<K> {
    pub(super) fn flight_idle(&self) -> bool {
        self.docs()
            .is_none_or(|docs| matches!(docs.flight, Flight::Idle))
    }

    /// Saves what is waiting, if anything, following `domain::store`'s
    /// rules. A save already in flight looks again when it lands.
    pub(super) fn save(&mut self, io: &mut Io) {
        self.out.push(Effect::Stop(Timer::Save));
        if self.flight_idle() {
            self.rounds(0, io);
        }
    }

    /// Rounds of decide, (seal,) check and write, from round `done`.
    fn rounds(&mut self, mut done: u8, io: &mut Io) {
        loop {
            let key = self.key().cloned();
            let Some(docs) = self.writable() else { return };
            docs.flight = Flight::Idle;
            if done >= ROUNDS || !docs.pending() {
                return;
            }
            let (seen, reseal) = (docs.stamp.clone(), docs.reseal);
            done += 1;
            let stored = match io.shelf.get(DOCUMENT_KEY) {
                Ok(stored) => stored,
                Err(reason) => return self.notify(Notice::SaveFailed(reason)),
            };
            let next_revision = match before_write(seen.as_ref(), stored.as_deref()) {
                WriteDecision::Write { next_revision } => next_revision,
                WriteDecision::Corrupt { next_revision, .. } => {
                    if let Err(reason) = self.keep_aside(stored.as_deref().unwrap_or_default(), io)
                    {
                        return self.notify(Notice::SaveFailed(reason));
                    }
                    self.notify(Notice::Recovered);
                    next_revision
                }
                WriteDecision::Conflict { theirs, stamp } => {
                    if key.is_some() && !reseal {
                        // Open data where this tab sealed: the passphrase
                        // was removed in another tab. Never seal it again.
                        self.become_open();
                    }
                    self.take_theirs(theirs, stamp, io);
                    continue;
                }
                WriteDecision::SealedConflict {
                    sealed,
                    stamp,
                    schema,
                } => {
                    match key.filter(|key| key.made(&sealed)) {
                        Some(key) => {
                            if let Some(docs) = self.writable() {
                                docs.flight = Flight::Opening { rounds: done };
                            }
                            let aad = document_aad(schema, &stamp);
                            let job = self.job(What::SaveTheirs { stamp, schema });
                            self.out.push(Effect::Open {
                                job,
                                key,
                                boxes: vec![(sealed, aad)],
                            });
                        }
                        // Sealed in another tab with a key this tab does
                        // not have: lock, keeping what was typed here.
                        None => self.locked_elsewhere(),
                    }
                    return;
                }
                WriteDecision::Newer { .. } => return self.newer_elsewhere(),
                WriteDecision::Erased => return self.erased_elsewhere(),
            };
            let stamp = Stamp::new(next_revision, io.shelf.now());
            let Some(docs) = self.writable() else { return };
            let doc = docs.current.clone();
            match key {
                None => {
                    if let Err(reason) = io.shelf.set(DOCUMENT_KEY, &encode(&doc, &stamp)) {
                        // Everything stays in memory; the notice stays
                        // until a save works.
                        return self.notify(Notice::SaveFailed(reason));
                    }
                    self.wrote(doc, stamp);
                }
                Some(key) => {
                    let plaintext = document_plaintext(&doc);
                    let aad = document_aad(CURRENT_SCHEMA, &stamp);
                    docs.flight = Flight::Sealing {
                        seen: stored,
                        doc: Box::new(doc),
                        stamp,
                        rounds: done,
                    };
                    let job = self.job(What::Save);
                    self.out.push(Effect::Seal {
                        job,
                        key,
                        boxes: vec![(plaintext, aad)],
                    });
                    return;
                }
            }
        }
    }

    /// Storage now holds `doc` with `stamp`, written by this tab.
    fn wrote(&mut self, doc: Document, stamp: Stamp) {
        if let Some(docs) = self.writable() {
            docs.saved = doc;
            docs.stamp = Some(stamp);
            docs.reseal = false;
        }
        self.clear_save_failed();
        self.saves += 1;
    }

    /// The save in flight has its box: write it, if storage still holds
    /// exactly what the decision was made on (checked in the same step as
    /// the write); otherwise decide again. A box sealed under a session
    /// that has moved on is never written.
    fn save_sealed(&mut self, result: Result<Vec<Sealed>, ()>, io: &mut Io) {
        let Some(docs) = self.writable() else { return };
        let Flight::Sealing {
            seen,
            doc,
            stamp,
            rounds,
        } = std::mem::take(&mut docs.flight)
        else {
            return;
        };
        let Some(sealed) = result.ok().and_then(|mut boxes| boxes.pop()) else {
            return self.notify(Notice::SaveFailed(SaveFailure::Unknown));
        };
        if io.shelf.get(DOCUMENT_KEY).ok().flatten() != seen {
            return self.rounds(rounds, io);
        }
        if docs.reseal {
            // The data is about to be sealed with a new passphrase: an open
            // undo copy leaves storage in the same step (the passphrase
            // change seals it and writes it back).
            if let Decoded::Loaded { document, .. } =
                decode(io.shelf.get(UNDO_KEY).ok().flatten().as_deref())
            {
                if io.shelf.remove(UNDO_KEY).is_err() {
                    return self.notify(Notice::SaveFailed(SaveFailure::Unknown));
                }
                docs.undo_out = Some(document);
            }
        }
        match io.shelf.set(DOCUMENT_KEY, &encode_sealed(&sealed, &stamp)) {
            Ok(()) => {
                self.wrote(*doc, stamp);
                // Typing during the seal is saved by the next round.
                self.rounds(rounds, io);
            }
            Err(reason) => self.notify(Notice::SaveFailed(reason)),
        }
    }

    /// A box this tab asked for is sealed.
    pub(super) fn sealed(&mut self, job: Job<K>, result: Result<Vec<Sealed>, ()>, io: &mut Io) {
        if matches!(job.what, What::Task) {
            // The request under way judges for itself whether it is stale.
            let fresh = self.accepts(&job);
            return self.task_sealed(fresh, result, io);
        }
        if !self.accepts(&job) {
            // Locked, re-keyed or erased meanwhile: what it holds is stale.
            return;
        }
        match job.what {
            What::Save => self.save_sealed(result, io),
            What::HeldElsewhere(key) => {
                if let Ok([base, mine]) = result
                    .map(<[Sealed; 2]>::try_from)
                    .and_then(|r| r.map_err(|_| ()))
                {
                    self.keep_held(Held::Sealed { key, base, mine });
                }
            }
            What::Aside { name, found } => {
                let Ok(mut boxes) = result else { return };
                let Some(sealed) = boxes.pop() else { return };
                if io.shelf.get(&name).ok().flatten().as_deref() == Some(found.as_str())
                    && io.shelf.set(&name, &encode_kept_aside(&sealed)).is_err()
                {
                    self.kept_aside_open(&name, &found);
                }
            }
            What::Theirs { .. } | What::SaveTheirs { .. } | What::Restore | What::Task => {}
        }
    }

    /// A box this tab asked for is open (or not).
    pub(super) fn opened(
        &mut self,
        job: Job<K>,
        result: Vec<Result<Vec<u8>, UnlockError>>,
        io: &mut Io,
    ) {
        if matches!(job.what, What::Task) {
            let fresh = self.accepts(&job);
            return self.task_opened(fresh, result, io);
        }
        if !self.accepts(&job) {
            if matches!(job.what, What::Restore) {
                // Locked again while they opened: keep them for the next unlock.
                if let Some(held) = self.restoring.take() {
                    self.keep_held(held);
                }
                self.restore_done();
            }
            return;
        }
        match job.what {
            What::SaveTheirs { stamp, schema } => {
                let Some(docs) = self.writable() else { return };
                let Flight::Opening { rounds } = std::mem::take(&mut docs.flight) else {
                    return;
                };
                if self.take_sealed(result, stamp, schema, io) {
                    self.rounds(rounds, io);
                }
            }
            What::Theirs {
                stamp,
                schema,
                then_save,
            } => {
                if self.take_sealed(result, stamp, schema, io) && then_save {
                    self.save(io);
                }
            }
            What::Restore => {
                self.restored(result, io);
                self.restore_done();
            }
            What::Save | What::HeldElsewhere(_) | What::Aside { .. } | What::Task => {}
        }
    }

    /// Another tab's sealed save, opened: take it as for a conflict. True
    /// when this tab should save (again): it took theirs, or storage moved
    /// on while the box opened and taking it now would step back.
    fn take_sealed(
        &mut self,
        result: Vec<Result<Vec<u8>, UnlockError>>,
        stamp: Stamp,
        schema: u32,
        io: &mut Io,
    ) -> bool {
        let now = match decode(io.shelf.get(DOCUMENT_KEY).ok().flatten().as_deref()) {
            Decoded::Loaded { stamp, .. } | Decoded::Sealed { stamp, .. } => Some(stamp),
            _ => None,
        };
        if now.as_ref() != Some(&stamp) {
            return true;
        }
        let theirs = result
            .into_iter()
            .next()
            .and_then(Result::ok)
            .and_then(|bytes| open_data(schema, &bytes).ok());
        match theirs {
            Some(theirs) => {
                self.take_theirs(theirs, stamp, io);
                true
            }
            // Unreadable although the key fits: leave it alone and keep
            // this tab's copy in memory; the next save tries again.
            None => {
                self.notify(Notice::SaveFailed(SaveFailure::Unknown));
                false
            }
        }
    }

    /// Another tab saved since this one last did: show its data with this
    /// tab's unsaved changes on top.
    pub(super) fn take_theirs(&mut self, theirs: Document, stamp: Stamp, io: &mut Io) {
        let Some(docs) = self.docs_mut() else { return };
        let merged = merge_pending(theirs.clone(), &docs.saved, &docs.current, io.library);
        docs.saved = theirs;
        docs.stamp = Some(stamp);
        let notice = merged.notice();
        docs.current = merged.document;
        self.replaced += 1;
        self.notify(notice);
    }

    /// Another tab wrote to storage.
    pub(super) fn heard(&mut self, key: Option<&str>, value: Option<&str>, io: &mut Io) {
        let now = io.shelf.get(DOCUMENT_KEY).ok().flatten();
        if key == Some(DOCUMENT_KEY) && is_overtaken(value, now.as_deref()) {
            return;
        }
        let stamp = self.docs().and_then(|docs| docs.stamp.clone());
        match on_storage_event(key, value, stamp.as_ref()) {
            None | Some(StorageChange::Corrupt { .. }) => {}
            Some(StorageChange::SealedIncoming {
                sealed,
                stamp,
                schema,
            }) => {
                if self.is_locked() {
                    return;
                }
                let Some(key) = self.key().cloned().filter(|key| key.made(&sealed)) else {
                    return self.locked_elsewhere();
                };
                let aad = document_aad(schema, &stamp);
                let then_save = self.unsaved();
                let job = self.job(What::Theirs {
                    stamp,
                    schema,
                    then_save,
                });
                self.out.push(Effect::Open {
                    job,
                    key,
                    boxes: vec![(sealed, aad)],
                });
            }
            Some(StorageChange::Incoming { document, stamp }) => {
                // Open data: the passphrase was removed (or never set) there.
                if self.is_locked() {
                    self.load_again(io);
                    self.dismiss(Notice::LockedElsewhere);
                    return self.restore_held(io);
                }
                self.become_open();
                if self.unsaved() {
                    self.take_theirs(document, stamp, io);
                    self.save(io);
                } else if let Some(docs) = self.docs_mut() {
                    docs.saved = document.clone();
                    docs.current = document;
                    docs.stamp = Some(stamp);
                    self.replaced += 1;
                    self.notify(Notice::TookTheirs);
                }
            }
            Some(StorageChange::Erased) => {
                if !is_stale_removal(stamp.as_ref(), now.as_deref()) {
                    self.erased_elsewhere();
                    // Saved again since the erase (by another tab, perhaps
                    // under a new passphrase): start from that. A tab a
                    // newer Mend stopped stays stopped, whatever it hears.
                    if now.is_some() && !self.is_read_only() {
                        self.load_again(io);
                    }
                }
            }
            Some(StorageChange::Newer { .. }) => self.newer_elsewhere(),
        }
    }

    /// A newer Mend saved in another tab: stop writing, and say so in the
    /// words that fit what this tab still holds.
    fn newer_elsewhere(&mut self) {
        let unsaved = self.unsaved();
        self.become_read_only();
        self.notify(if unsaved {
            Notice::NewerElsewhereUnsaved
        } else {
            Notice::NewerElsewhere
        });
    }

    /// The data in storage is now sealed with a key this tab does not have.
    /// What was not saved here is kept sealed with the old key (or, without
    /// any key yet, as it is) and added back after unlocking; every other
    /// answer is dropped at once.
    pub(super) fn locked_elsewhere(&mut self) {
        if self.is_read_only() {
            return;
        }
        let old_key = self.key().cloned();
        let docs = self.take_docs();
        self.become_(State::Locked);
        self.replaced += 1;
        if docs.unsaved() {
            match old_key {
                None => self.keep_held(Held::Plain {
                    base: docs.saved,
                    mine: docs.current,
                }),
                Some(key) => {
                    let job = self.job(What::HeldElsewhere(key.clone()));
                    self.out.push(Effect::Seal {
                        job,
                        key,
                        boxes: vec![
                            (document_plaintext(&docs.saved), HELD_BASE_AAD.to_owned()),
                            (document_plaintext(&docs.current), HELD_MINE_AAD.to_owned()),
                        ],
                    });
                }
            }
        }
        self.notify(Notice::LockedElsewhere);
    }

    /// Everything was erased in another tab: clear this one too.
    pub(super) fn erased_elsewhere(&mut self) {
        self.held = None;
        self.restoring = None;
        if !self.is_read_only() {
            self.become_(State::Open(Docs::default()));
        } else {
            self.become_(State::ReadOnly {
                key: None,
                docs: None,
            });
        }
        self.replaced += 1;
        self.notify(Notice::ErasedElsewhere);
    }

    /// Puts held changes back, unless newer ones were held meanwhile.
    pub(super) fn keep_held(&mut self, held: Held<K>) {
        if self.held.is_none() {
            self.held = Some(held);
        }
    }

    /// Puts back what this tab had not saved when it locked, on top of
    /// what storage holds now, and saves it. Still locked: they wait.
    pub(super) fn restore_held(&mut self, io: &mut Io) {
        if !self.may_write() {
            return;
        }
        match self.held.take() {
            None => {}
            Some(Held::Plain { base, mine }) => self.put_back(base, mine, io),
            Some(Held::Sealed { key, base, mine }) => {
                let job = self.job(What::Restore);
                self.out.push(Effect::Open {
                    job,
                    key: key.clone(),
                    boxes: vec![
                        (base.clone(), HELD_BASE_AAD.to_owned()),
                        (mine.clone(), HELD_MINE_AAD.to_owned()),
                    ],
                });
                self.restoring = Some(Held::Sealed { key, base, mine });
            }
        }
    }

    /// Held changes, opened.
    fn restored(&mut self, result: Vec<Result<Vec<u8>, UnlockError>>, io: &mut Io) {
        let Some(held) = self.restoring.take() else {
            return;
        };
        let mut documents = result.into_iter().map(|r| {
            r.ok()
                .and_then(|bytes| open_data(CURRENT_SCHEMA, &bytes).ok())
        });
        match (documents.next().flatten(), documents.next().flatten()) {
            (Some(base), Some(mine)) if self.may_write() => self.put_back(base, mine, io),
            (Some(_), Some(_)) => self.keep_held(held),
            _ => {
                // Kept for another try; never thrown away.
                self.keep_held(held);
                self.notify(Notice::SaveFailed(SaveFailure::Unknown));
            }
        }
    }

    fn put_back(&mut self, base: Document, mine: Document, io: &mut Io) {
        self.dismiss(Notice::LockedUnsaved);
        let Some(docs) = self.writable() else { return };
        let merged = merge_pending(docs.saved.clone(), &base, &mine, io.library);
        docs.current = merged.document;
        self.replaced += 1;
        self.save(io);
    }

    /// A copy kept aside stays in its old form, `text`: if that is open
    /// while the data is sealed, say so and offer its download.
    pub(super) fn kept_aside_open(&mut self, name: &str, text: &str) {
        use crate::domain::store::kept_aside::{read_kept_aside, KeptAside};
        if matches!(read_kept_aside(text), KeptAside::Plain(_)) && self.is_protected() {
            self.recovered = Some(name.to_owned());
            self.notify(Notice::KeptAsideOpen);
        }
    }
}
