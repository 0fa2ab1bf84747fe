//! The user's requests that take a while: lock, unlock, setting, changing
//! or removing the passphrase, importing and undoing an import, and
//! waiting for saves to land. One runs at a time, in the order asked; each
//! is a chain of steps, and each step that waits for the browser checks,
//! when the answer comes, that the tab has not moved on meanwhile.

use super::*;
use crate::domain::msg::{self, t};
use crate::domain::store::decode::open_data;
use crate::domain::store::encode::{
    document_aad, document_plaintext, encode, encode_sealed, undo_aad,
};
use crate::domain::store::kept_aside::{
    encode_kept_aside, kept_aside_aad, read_kept_aside, KeptAside,
};
use crate::domain::store::keys::is_recovery_key;
use crate::domain::store::migrate::CURRENT_SCHEMA;
use crate::domain::store::sync::copy_fits;

/// A request from the user.
#[derive(Debug)]
pub enum Ask {
    /// Save what waits, then drop the key and every answer from memory.
    Lock,
    Unlock(String),
    /// Seal everything with `new`, after checking `current` if there is a
    /// passphrase already.
    SetPassphrase {
        current: Option<String>,
        new: String,
    },
    /// Store everything open again, after checking the passphrase.
    RemovePassphrase(String),
    /// Replace everything, keeping what was here as a one-step undo.
    Import(Document),
    /// Bring back what the last import replaced.
    Undo,
    /// Answer once nothing waits to be saved (or a save has failed).
    Settle,
}

/// Why a request did not go through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnlockError {
    WrongPassphrase,
    /// The box opened with the right passphrase but not its contents.
    Damaged,
    /// WebCrypto is missing (an old browser, or not a secure origin).
    Unavailable,
    /// The data could not be saved in its new form; nothing changed.
    NotSaved,
    /// Another tab kept saving while the data was being opened.
    Busy,
    /// The session moved on while this was under way: locked here, or the
    /// passphrase set or changed in another tab.
    ChangedElsewhere,
    /// Mend did not lock: there is no passphrase, or typing arrived while
    /// it was locking (the next try locks).
    NotLocked,
}

impl UnlockError {
    pub fn message(self) -> &'static str {
        t(match self {
            Self::WrongPassphrase => msg::domain::WRONG_PASSPHRASE,
            Self::Damaged => msg::domain::DAMAGED,
            Self::Unavailable => msg::domain::CRYPTO_UNAVAILABLE,
            Self::NotSaved => msg::domain::NOT_SAVED,
            Self::ChangedElsewhere => msg::domain::CHANGED_ELSEWHERE,
            Self::Busy => msg::domain::BUSY,
            Self::NotLocked => msg::domain::NOT_LOCKED,
        })
    }
}

/// A request under way, and the step it is at.
#[derive(Debug)]
pub(super) struct Task<K> {
    request: Request,
    step: Step<K>,
}

#[derive(Debug)]
enum Step<K> {
    /// Waiting for the save in flight to land; then `Then`.
    Settling(Box<Then<K>>),
    /// Locking: what was not saved is being sealed to hold.
    LockSealing { key: K, edits: u64 },
    /// Unlocking: the key is being derived from the passphrase.
    UnlockDeriving(Unlocking<K>),
    /// Unlocking: the stored box (and the undo copy's) are being opened.
    UnlockOpening { unlocking: Unlocking<K>, key: K },
    /// Unlocked: what was held at lock is being opened, to be put back
    /// before the unlock is done.
    Restoring,
    /// The passphrase given as the current one is being checked.
    Checking { new: Option<String> },
    /// The key for a new passphrase is being made.
    Creating,
    /// The copies kept beside the data are being opened with the old key,
    /// then sealed with the new one.
    Rekeying(Rekey<K>),
    /// An import: the undo copy is being sealed.
    ImportSealingUndo(Box<Importing<K>>),
    /// An import that could not be saved: the undo copy it replaced is
    /// being sealed again, to put it back.
    ImportRestoringUndo {
        key: K,
        seen: Option<Stamp>,
        stamp: Stamp,
    },
}

// Boxed where it waits (`Step::Settling`), so its size does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug)]
enum Then<K> {
    Reply(Outcome),
    Lock,
    Rewrite(Option<K>),
    Resealed {
        before: Option<K>,
        new: Option<K>,
        epoch: u64,
    },
    Import(Document),
    Imported {
        previous: Document,
        undo_before: Option<Document>,
        key: Option<K>,
        epoch: u64,
    },
    Undone,
}

#[derive(Debug)]
struct Unlocking<K> {
    passphrase: String,
    /// What storage held when this try began.
    stored: Option<String>,
    tries: u8,
    /// A key derived in an earlier try, used again if it still fits.
    key: Option<K>,
}

#[derive(Debug)]
struct Importing<K> {
    document: Document,
    previous: Document,
    undo_before: Option<Document>,
    key: K,
    seen: Option<Stamp>,
    stamp: Stamp,
}

/// Copies of the user's words kept beside the data (the undo copy, text
/// kept aside), following the data into a new passphrase.
#[derive(Debug)]
struct Rekey<K> {
    new: Option<K>,
    epoch: u64,
    copies: Vec<Copy>,
}

#[derive(Debug)]
struct Copy {
    name: String,
    /// As found in storage.
    stored: String,
    /// The undo copy (a document), or text kept aside.
    undo: bool,
    /// What it says, once known; `None` when it could not be read.
    plaintext: Option<String>,
    /// The undo copy's new stamp.
    stamp: Stamp,
    /// Boxes to open: how many this copy sent (0, 1, or 2 for an undo
    /// copy, whose older form had the document's label).
    sent: usize,
    sealed: Option<Sealed>,
}

/// How many times an unlock starts over because another tab kept saving.
const UNLOCK_TRIES: u8 = 4;

impl<K: BoxKey + std::fmt::Debug> Tab<K> {
    pub(super) fn ask(&mut self, request: Request, ask: Ask, io: &mut Io) {
        self.queue.push_back((request, ask));
        let _ = io;
    }

    /// Moves requests along: a request waiting for saves goes on once
    /// none is in flight; the next request starts once the last is done.
    pub(super) fn pump(&mut self, io: &mut Io) {
        loop {
            match self.task.take() {
                Some(Task {
                    request,
                    step: Step::Settling(then),
                }) if self.flight_idle() => self.resume(request, *then, io),
                Some(task) => {
                    self.task = Some(task);
                    return;
                }
                None => match self.queue.pop_front() {
                    Some((request, ask)) => self.start(request, ask, io),
                    None => return,
                },
            }
        }
    }

    fn reply(&mut self, request: Request, outcome: Outcome) {
        self.out.push(Effect::Reply(request, outcome));
    }

    fn wait(&mut self, request: Request, step: Step<K>) {
        self.task = Some(Task { request, step });
    }

    /// Saves what waits, then goes on with `then`.
    fn settle_then(&mut self, request: Request, then: Then<K>, io: &mut Io) {
        self.save(io);
        self.wait(request, Step::Settling(Box::new(then)));
    }

    fn start(&mut self, request: Request, ask: Ask, io: &mut Io) {
        match ask {
            Ask::Settle => self.settle_then(request, Then::Reply(Ok(())), io),
            Ask::Lock => {
                if self.sealing_key().is_none() {
                    return self.reply(request, Err(UnlockError::NotLocked));
                }
                if self.is_read_only() {
                    // A newer Mend owns the data: nothing here can be saved
                    // any more (the notice offered the download); hide what
                    // is on screen.
                    self.become_(State::ReadOnly {
                        key: None,
                        docs: None,
                    });
                    self.replaced += 1;
                    self.dismiss(Notice::NewerElsewhereUnsaved);
                    self.notify(Notice::NewerElsewhere);
                    return self.reply(request, Ok(()));
                }
                self.settle_then(request, Then::Lock, io);
            }
            Ask::Unlock(passphrase) => self.unlock_try(
                request,
                Unlocking {
                    passphrase,
                    stored: None,
                    tries: 0,
                    key: None,
                },
                io,
            ),
            Ask::SetPassphrase { current, new } => {
                self.check_current(request, current, Some(new), io)
            }
            Ask::RemovePassphrase(current) => self.check_current(request, Some(current), None, io),
            Ask::Import(document) => self.settle_then(request, Then::Import(document), io),
            Ask::Undo => {
                let Some(docs) = self.writable() else {
                    return self.reply(request, Err(UnlockError::ChangedElsewhere));
                };
                let Some(previous) = docs.undo.clone() else {
                    // Gone meanwhile (erased, or dismissed): nothing came back.
                    return self.reply(request, Err(UnlockError::ChangedElsewhere));
                };
                docs.current = previous;
                self.replaced += 1;
                self.settle_then(request, Then::Undone, io);
            }
        }
    }

    /// Saves have landed (or failed): the request goes on.
    fn resume(&mut self, request: Request, then: Then<K>, io: &mut Io) {
        match then {
            Then::Reply(outcome) => self.reply(request, outcome),
            Then::Lock => self.lock_after_save(request),
            Then::Rewrite(new) => self.rewrite(request, new, io),
            Then::Resealed { before, new, epoch } => self.resealed(request, before, new, epoch, io),
            Then::Import(document) => self.import(request, document, io),
            Then::Imported {
                previous,
                undo_before,
                key,
                epoch,
            } => self.imported(request, previous, undo_before, key, epoch, io),
            Then::Undone => {
                if !self.docs().is_some_and(Docs::pending) {
                    self.forget_undo(io);
                }
                self.reply(request, Ok(()));
            }
        }
    }

    // Lock.

    fn lock_after_save(&mut self, request: Request) {
        let Some(key) = self.key().cloned() else {
            // Locked by another tab meanwhile (or the data was opened there).
            let outcome = if self.is_locked() {
                Ok(())
            } else {
                Err(UnlockError::NotLocked)
            };
            return self.reply(request, outcome);
        };
        match self.docs().filter(|docs| docs.unsaved()) {
            None => self.finish_lock(request, None),
            Some(docs) => {
                // What could not be saved (a full quota) is kept sealed.
                let boxes = vec![
                    (document_plaintext(&docs.saved), HELD_BASE_AAD.to_owned()),
                    (document_plaintext(&docs.current), HELD_MINE_AAD.to_owned()),
                ];
                let job = self.job(What::Task);
                self.out.push(Effect::Seal {
                    job,
                    key: key.clone(),
                    boxes,
                });
                let edits = self.edits;
                self.wait(request, Step::LockSealing { key, edits });
            }
        }
    }

    fn finish_lock(&mut self, request: Request, held: Option<Held<K>>) {
        self.out.push(Effect::Stop(Timer::Save));
        self.become_(State::Locked);
        self.replaced += 1;
        if let Some(held) = held {
            self.held = Some(held);
            self.notify(Notice::LockedUnsaved);
        }
        self.reply(request, Ok(()));
    }

    // Unlock.

    /// One try: what storage holds now, opened with the passphrase's key.
    fn unlock_try(&mut self, request: Request, mut unlocking: Unlocking<K>, io: &mut Io) {
        let stored = io.shelf.get(DOCUMENT_KEY).ok().flatten();
        let Decoded::Sealed { sealed, .. } = decode(stored.as_deref()) else {
            // Opened, erased or replaced in another tab meanwhile: nothing
            // to unlock; take what is there (unless this tab already did,
            // and may hold typing of its own since).
            if self.is_locked() {
                self.load_again(io);
                self.dismiss(Notice::LockedElsewhere);
                self.restore_held(io);
            }
            return self.reply(request, Ok(()));
        };
        unlocking.stored = stored;
        match unlocking.key.take().filter(|key| key.made(&sealed)) {
            Some(key) => self.unlock_open(request, unlocking, key, io),
            None => {
                let job = self.job(What::Task);
                self.out.push(Effect::Derive {
                    job,
                    passphrase: unlocking.passphrase.clone(),
                    like: Some(sealed),
                });
                self.wait(request, Step::UnlockDeriving(unlocking));
            }
        }
    }

    fn unlock_open(&mut self, request: Request, unlocking: Unlocking<K>, key: K, io: &mut Io) {
        let Decoded::Sealed {
            sealed,
            stamp,
            schema,
        } = decode(unlocking.stored.as_deref())
        else {
            return self.unlock_try(request, unlocking, io);
        };
        let mut boxes = vec![(sealed, document_aad(schema, &stamp))];
        // The import's undo copy is sealed with the same key (older ones
        // with the document's label).
        if let Decoded::Sealed {
            sealed,
            stamp,
            schema,
        } = decode(io.shelf.get(UNDO_KEY).ok().flatten().as_deref())
        {
            boxes.push((sealed.clone(), undo_aad(schema, &stamp)));
            boxes.push((sealed, document_aad(schema, &stamp)));
        }
        let job = self.job(What::Task);
        self.out.push(Effect::Open {
            job,
            key: key.clone(),
            boxes,
        });
        self.wait(request, Step::UnlockOpening { unlocking, key });
    }

    /// The boxes opened: install what storage holds, if it still holds it
    /// and nothing moved on; otherwise try again.
    fn unlock_opened(
        &mut self,
        request: Request,
        fresh: bool,
        mut unlocking: Unlocking<K>,
        key: K,
        result: Vec<Result<Vec<u8>, UnlockError>>,
        io: &mut Io,
    ) {
        let Decoded::Sealed { stamp, schema, .. } = decode(unlocking.stored.as_deref()) else {
            return self.unlock_try(request, unlocking, io);
        };
        let mut result = result.into_iter();
        let bytes = match result.next() {
            Some(Ok(bytes)) => bytes,
            Some(Err(error)) => return self.reply(request, Err(error)),
            None => return self.reply(request, Err(UnlockError::Unavailable)),
        };
        let Ok(document) = open_data(schema, &bytes) else {
            return self.reply(request, Err(UnlockError::Damaged));
        };
        let undo = match decode(io.shelf.get(UNDO_KEY).ok().flatten().as_deref()) {
            Decoded::Sealed { schema, .. } => result
                .filter_map(Result::ok)
                .find_map(|bytes| open_data(schema, &bytes).ok()),
            Decoded::Loaded { document, .. } => Some(document),
            _ => None,
        };
        if !fresh
            || !self.is_locked()
            || io.shelf.get(DOCUMENT_KEY).ok().flatten() != unlocking.stored
        {
            // Another tab saved, or the session moved on, while the box was
            // opening: go again, with the same key if it still fits.
            unlocking.tries += 1;
            if unlocking.tries >= UNLOCK_TRIES {
                // The passphrase was right; asking again is harmless.
                return self.reply(request, Err(UnlockError::Busy));
            }
            unlocking.key = Some(key);
            return self.unlock_try(request, unlocking, io);
        }
        let mut docs = Docs::loaded(document, stamp);
        docs.undo = undo;
        self.become_(State::Unlocked { key, docs });
        self.replaced += 1;
        self.dismiss(Notice::LockedElsewhere);
        self.restore_held(io);
        if self.restoring.is_some() {
            return self.wait(request, Step::Restoring);
        }
        self.reply(request, Ok(()));
    }

    /// What was held is back (or kept for later): an unlock waiting for
    /// it is done.
    pub(super) fn restore_done(&mut self) {
        match self.task.take() {
            Some(Task {
                request,
                step: Step::Restoring,
            }) => self.reply(request, Ok(())),
            other => self.task = other,
        }
    }

    // Passphrases.

    /// Proves the user knows the passphrase of the sealed data, if any.
    fn check_current(
        &mut self,
        request: Request,
        current: Option<String>,
        new: Option<String>,
        io: &mut Io,
    ) {
        let stored = io.shelf.get(DOCUMENT_KEY).ok().flatten();
        match decode(stored.as_deref()) {
            Decoded::Sealed { sealed, .. } if self.is_protected() => {
                let job = self.job(What::Task);
                self.out.push(Effect::Derive {
                    job,
                    passphrase: current.unwrap_or_default(),
                    like: Some(sealed),
                });
                self.wait(request, Step::Checking { new });
            }
            _ => self.checked(request, new, io),
        }
    }

    fn checked(&mut self, request: Request, new: Option<String>, io: &mut Io) {
        match new {
            Some(passphrase) => {
                let job = self.job(What::Task);
                self.out.push(Effect::Derive {
                    job,
                    passphrase,
                    like: None,
                });
                self.wait(request, Step::Creating);
            }
            None => self.settle_then(request, Then::Rewrite(None), io),
        }
    }

    /// Writes everything in its new form: sealed with `new`, or open.
    fn rewrite(&mut self, request: Request, new: Option<K>, io: &mut Io) {
        if !self.may_write() {
            // Locked (here, or by another tab) while the passphrase was
            // being checked: nothing changes.
            return self.reply(request, Err(UnlockError::ChangedElsewhere));
        }
        let before = self.key().cloned();
        self.rekey(new.clone());
        if let Some(docs) = self.writable() {
            docs.reseal = true;
        }
        let epoch = self.epoch;
        self.settle_then(request, Then::Resealed { before, new, epoch }, io);
    }

    /// The session with `key` (or open), keeping what is shown.
    fn rekey(&mut self, key: Option<K>) {
        let docs = self.take_docs();
        self.become_(match key {
            Some(key) => State::Unlocked { key, docs },
            None => State::Open(docs),
        });
    }

    fn resealed(
        &mut self,
        request: Request,
        before: Option<K>,
        new: Option<K>,
        epoch: u64,
        io: &mut Io,
    ) {
        // An open undo copy taken out of storage as the data was sealed.
        let undo_open = self.docs_mut().and_then(|docs| docs.undo_out.take());
        if self.epoch != epoch {
            // Another tab set or changed the passphrase at the same moment
            // and this tab locked: nothing was written here. The open undo
            // copy goes back only beside open data.
            self.put_back_open_undo(undo_open, io);
            return self.reply(request, Err(UnlockError::ChangedElsewhere));
        }
        if self.docs().is_some_and(|docs| docs.reseal) {
            // Not written (a full quota): back to the form storage holds
            // now. Usually that is the old one, with its key; but another
            // tab may have changed it meanwhile (erased everything and
            // saved open data, say), and keeping the old key then would
            // seal the next save with a passphrase that was given up.
            if let Some(docs) = self.writable() {
                docs.reseal = false;
            }
            match decode(io.shelf.get(DOCUMENT_KEY).ok().flatten().as_deref()) {
                Decoded::Sealed { sealed, .. } => match before.filter(|key| key.made(&sealed)) {
                    Some(key) => self.rekey(Some(key)),
                    None => self.locked_elsewhere(),
                },
                Decoded::Loaded { .. } | Decoded::Fresh => self.rekey(None),
                _ => self.rekey(before),
            }
            self.put_back_open_undo(undo_open, io);
            return self.reply(request, Err(UnlockError::NotSaved));
        }
        // So does every copy of the user's words kept beside the data.
        let stamp = Stamp::new(0, io.shelf.now());
        let mut copies = Vec::new();
        for name in io.shelf.keys().unwrap_or_default() {
            let undo = name == UNDO_KEY;
            if !undo && !is_recovery_key(&name) {
                continue;
            }
            let Some(stored) = io.shelf.get(&name).ok().flatten() else {
                continue;
            };
            copies.push(Copy {
                name,
                stored,
                undo,
                plaintext: None,
                stamp: stamp.clone(),
                sent: 0,
                sealed: None,
            });
        }
        let mut boxes = Vec::new();
        for copy in &mut copies {
            if copy.undo {
                match decode(Some(&copy.stored)) {
                    Decoded::Loaded { document, .. } => {
                        copy.plaintext = Some(document_plaintext(&document));
                    }
                    Decoded::Sealed {
                        sealed,
                        stamp,
                        schema,
                    } if before.is_some() => {
                        boxes.push((sealed.clone(), undo_aad(schema, &stamp)));
                        boxes.push((sealed, document_aad(schema, &stamp)));
                        copy.sent = 2;
                    }
                    _ => {}
                }
            } else {
                match read_kept_aside(&copy.stored) {
                    KeptAside::Plain(found) => copy.plaintext = Some(found),
                    KeptAside::Sealed(sealed) if before.is_some() => {
                        boxes.push((sealed, kept_aside_aad(&copy.name)));
                        copy.sent = 1;
                    }
                    // Sealed under a key this tab does not hold: left as it is.
                    KeptAside::Sealed(_) => {}
                }
            }
        }
        if let Some(document) = undo_open.filter(|_| !copies.iter().any(|copy| copy.undo)) {
            copies.push(Copy {
                name: UNDO_KEY.to_owned(),
                stored: String::new(),
                undo: true,
                plaintext: Some(document_plaintext(&document)),
                stamp: stamp.clone(),
                sent: 0,
                sealed: None,
            });
        }
        // Kept aside under a key this tab does not hold: left as it is.
        copies.retain(|copy| copy.undo || copy.plaintext.is_some() || copy.sent > 0);
        let rekey = Rekey { new, epoch, copies };
        match before.filter(|_| !boxes.is_empty()) {
            Some(key) => {
                let job = self.job(What::Task);
                self.out.push(Effect::Open { job, key, boxes });
                self.wait(request, Step::Rekeying(rekey));
            }
            None => self.rekey_opened(request, rekey, Vec::new(), io),
        }
    }

    /// The copies that were sealed are open: seal them all with the new key.
    fn rekey_opened(
        &mut self,
        request: Request,
        mut rekey: Rekey<K>,
        result: Vec<Result<Vec<u8>, UnlockError>>,
        io: &mut Io,
    ) {
        let mut result = result.into_iter();
        for copy in &mut rekey.copies {
            let opened: Vec<_> = result.by_ref().take(copy.sent).collect();
            if copy.sent == 0 {
                continue;
            }
            copy.plaintext = if copy.undo {
                let schema = match decode(Some(&copy.stored)) {
                    Decoded::Sealed { schema, .. } => schema,
                    _ => CURRENT_SCHEMA,
                };
                opened
                    .into_iter()
                    .filter_map(Result::ok)
                    .find_map(|bytes| open_data(schema, &bytes).ok())
                    .map(|document| document_plaintext(&document))
            } else {
                opened
                    .into_iter()
                    .next()
                    .and_then(Result::ok)
                    .and_then(|bytes| String::from_utf8(bytes).ok())
            };
        }
        let Some(key) = rekey.new.clone() else {
            return self.rekey_write(request, rekey, io);
        };
        let boxes: Vec<(String, String)> = rekey
            .copies
            .iter()
            .filter_map(|copy| {
                let aad = if copy.undo {
                    undo_aad(CURRENT_SCHEMA, &copy.stamp)
                } else {
                    kept_aside_aad(&copy.name)
                };
                copy.plaintext.clone().map(|text| (text, aad))
            })
            .collect();
        if boxes.is_empty() {
            return self.rekey_write(request, rekey, io);
        }
        let job = self.job(What::Task);
        self.out.push(Effect::Seal { job, key, boxes });
        self.wait(request, Step::Rekeying(rekey));
    }

    fn rekey_sealed(
        &mut self,
        request: Request,
        mut rekey: Rekey<K>,
        result: Result<Vec<Sealed>, ()>,
        io: &mut Io,
    ) {
        let mut sealed = result.unwrap_or_default().into_iter();
        for copy in rekey
            .copies
            .iter_mut()
            .filter(|copy| copy.plaintext.is_some())
        {
            copy.sealed = sealed.next();
        }
        self.rekey_write(request, rekey, io);
    }

    /// Writes each copy in its new form. A copy that cannot follow stays
    /// as it was, and the user hears of it.
    fn rekey_write(&mut self, request: Request, rekey: Rekey<K>, io: &mut Io) {
        let Rekey {
            new, epoch, copies, ..
        } = rekey;
        for copy in copies {
            let text = match (&copy.plaintext, &new, copy.sealed) {
                (None, _, _) | (Some(_), Some(_), None) => None,
                (Some(_), Some(_), Some(sealed)) if copy.undo => {
                    Some(encode_sealed(&sealed, &copy.stamp))
                }
                (Some(_), Some(_), Some(sealed)) => Some(encode_kept_aside(&sealed)),
                (Some(plain), None, _) if copy.undo => open_data(CURRENT_SCHEMA, plain.as_bytes())
                    .ok()
                    .map(|document| encode(&document, &copy.stamp)),
                (Some(plain), None, _) => Some(plain.clone()),
            };
            if copy.undo {
                let seen = self.docs().and_then(|docs| docs.stamp.clone());
                let stored = io.shelf.get(DOCUMENT_KEY).ok().flatten();
                let fits = copy_fits(
                    seen.as_ref(),
                    stored.as_deref(),
                    new.as_ref(),
                    |key, sealed| key.made(sealed),
                );
                let written = match text {
                    Some(text) if fits => io.shelf.set(UNDO_KEY, &text).is_ok(),
                    _ => false,
                };
                let previous = copy
                    .plaintext
                    .and_then(|plain| open_data(CURRENT_SCHEMA, plain.as_bytes()).ok());
                match previous {
                    // Back in memory only while the session is the one it
                    // was written for (not locked meanwhile).
                    Some(previous) if written => {
                        if self.epoch == epoch {
                            if let Some(docs) = self.writable() {
                                docs.undo = Some(previous);
                            }
                        }
                    }
                    _ => {
                        self.forget_undo(io);
                        self.notify(Notice::UndoDropped);
                    }
                }
            } else {
                let written = text.is_some_and(|text| io.shelf.set(&copy.name, &text).is_ok());
                if !written {
                    // Still as it was (nothing is lost); if that is open
                    // text beside sealed data, the user must hear of it.
                    self.kept_aside_open(&copy.name, &copy.stored);
                }
            }
        }
        self.reply(request, Ok(()));
    }

    // Import and undo.

    fn import(&mut self, request: Request, document: Document, io: &mut Io) {
        let key = self.key().cloned();
        let Some(docs) = self.writable() else {
            return self.reply(request, Err(UnlockError::ChangedElsewhere));
        };
        let previous = docs.current.clone();
        let undo_before = docs.undo.clone();
        let seen = docs.stamp.clone();
        let stamp = Stamp::new(0, io.shelf.now());
        match key {
            None => {
                match self.write_undo(None, seen.as_ref(), &stamp, encode(&previous, &stamp), io) {
                    Ok(()) => {
                        self.imported_undo(request, document, previous, undo_before, None, io)
                    }
                    Err(error) => self.reply(request, Err(error)),
                }
            }
            Some(key) => {
                let job = self.job(What::Task);
                self.out.push(Effect::Seal {
                    job,
                    key: key.clone(),
                    boxes: vec![(
                        document_plaintext(&previous),
                        undo_aad(CURRENT_SCHEMA, &stamp),
                    )],
                });
                self.wait(
                    request,
                    Step::ImportSealingUndo(Box::new(Importing {
                        document,
                        previous,
                        undo_before,
                        key,
                        seen,
                        stamp,
                    })),
                );
            }
        }
    }

    /// Writes the import-undo copy, only while storage holds the document
    /// in the same form (see [`copy_fits`]), checked with the write.
    fn write_undo(
        &mut self,
        key: Option<&K>,
        seen: Option<&Stamp>,
        _stamp: &Stamp,
        text: String,
        io: &mut Io,
    ) -> Outcome {
        let stored = io.shelf.get(DOCUMENT_KEY).ok().flatten();
        if !copy_fits(seen, stored.as_deref(), key, |key, sealed| key.made(sealed)) {
            return Err(UnlockError::ChangedElsewhere);
        }
        io.shelf
            .set(UNDO_KEY, &text)
            .map_err(|_| UnlockError::NotSaved)
    }

    /// The undo copy is written: replace everything and save.
    fn imported_undo(
        &mut self,
        request: Request,
        document: Document,
        previous: Document,
        undo_before: Option<Document>,
        key: Option<K>,
        io: &mut Io,
    ) {
        let Some(docs) = self.writable() else {
            return self.reply(request, Err(UnlockError::ChangedElsewhere));
        };
        docs.undo = Some(previous.clone());
        docs.current = document;
        self.replaced += 1;
        let epoch = self.epoch;
        self.settle_then(
            request,
            Then::Imported {
                previous,
                undo_before,
                key,
                epoch,
            },
            io,
        );
    }

    fn imported(
        &mut self,
        request: Request,
        previous: Document,
        undo_before: Option<Document>,
        key: Option<K>,
        epoch: u64,
        io: &mut Io,
    ) {
        if self.epoch != epoch {
            return self.reply(request, Err(UnlockError::ChangedElsewhere));
        }
        let Some(docs) = self.writable().filter(|docs| docs.unsaved()) else {
            return self.reply(request, Ok(()));
        };
        // Not saved: put everything back as it was, so "Imported" is never
        // said of an import that a reload would lose.
        docs.current = previous;
        docs.undo = undo_before.clone();
        let seen = docs.stamp.clone();
        self.replaced += 1;
        let stamp = Stamp::new(0, io.shelf.now());
        match (undo_before, key) {
            (None, _) => {
                let _ = io.shelf.remove(UNDO_KEY);
            }
            (Some(undo), None) => {
                let _ = self.write_undo(None, seen.as_ref(), &stamp, encode(&undo, &stamp), io);
            }
            (Some(undo), Some(key)) => {
                let job = self.job(What::Task);
                self.out.push(Effect::Seal {
                    job,
                    key: key.clone(),
                    boxes: vec![(document_plaintext(&undo), undo_aad(CURRENT_SCHEMA, &stamp))],
                });
                return self.wait(request, Step::ImportRestoringUndo { key, seen, stamp });
            }
        }
        self.settle_then(request, Then::Reply(Err(UnlockError::NotSaved)), io);
    }

    /// An open undo copy taken out for a passphrase change that did not
    /// happen goes back, if storage still holds the open data this tab
    /// last read or wrote; after anything else (an erase, another tab's
    /// passphrase) it would bring back words that are gone, so it is dropped.
    fn put_back_open_undo(&mut self, undo_open: Option<Document>, io: &mut Io) {
        let Some(document) = undo_open else { return };
        let seen = self.docs().and_then(|docs| docs.stamp.clone());
        let in_step = match decode(io.shelf.get(DOCUMENT_KEY).ok().flatten().as_deref()) {
            Decoded::Loaded { stamp, .. } => seen.as_ref() == Some(&stamp),
            _ => false,
        };
        let stamp = Stamp::new(0, io.shelf.now());
        if in_step && io.shelf.set(UNDO_KEY, &encode(&document, &stamp)).is_ok() {
            return;
        }
        if let Some(docs) = self.docs_mut() {
            docs.undo = None;
        }
        self.notify(Notice::UndoDropped);
    }

    /// Drops the undo copy, in memory and in storage.
    pub(super) fn forget_undo(&mut self, io: &mut Io) {
        let _ = io.shelf.remove(UNDO_KEY);
        if let Some(docs) = self.docs_mut() {
            docs.undo = None;
        }
    }

    // Results of the browser's work for the request under way.

    pub(super) fn task_sealed(
        &mut self,
        fresh: bool,
        result: Result<Vec<Sealed>, ()>,
        io: &mut Io,
    ) {
        let Some(Task { request, step }) = self.task.take() else {
            return;
        };
        match step {
            Step::LockSealing { key, edits } => {
                if !fresh {
                    // The session moved on while sealing (locked or opened
                    // elsewhere).
                    let outcome = if self.is_locked() {
                        Ok(())
                    } else {
                        Err(UnlockError::NotLocked)
                    };
                    return self.reply(request, outcome);
                }
                if edits != self.edits {
                    // Typing arrived while sealing: lock on the next try.
                    return self.reply(request, Err(UnlockError::NotLocked));
                }
                match result.map(<[Sealed; 2]>::try_from) {
                    Ok(Ok([base, mine])) => {
                        self.finish_lock(request, Some(Held::Sealed { key, base, mine }))
                    }
                    _ => self.reply(request, Err(UnlockError::NotLocked)),
                }
            }
            Step::Rekeying(rekey) => self.rekey_sealed(request, rekey, result, io),
            Step::ImportSealingUndo(importing) => {
                if !fresh {
                    // Locked (or re-keyed) while the undo copy was sealed:
                    // change nothing.
                    return self.reply(request, Err(UnlockError::ChangedElsewhere));
                }
                let Some(sealed) = result.ok().and_then(|mut boxes| boxes.pop()) else {
                    return self.reply(request, Err(UnlockError::Unavailable));
                };
                let Importing {
                    document,
                    previous,
                    undo_before,
                    key,
                    seen,
                    stamp,
                } = *importing;
                let text = encode_sealed(&sealed, &stamp);
                match self.write_undo(Some(&key), seen.as_ref(), &stamp, text, io) {
                    Ok(()) => {
                        self.imported_undo(request, document, previous, undo_before, Some(key), io)
                    }
                    Err(error) => self.reply(request, Err(error)),
                }
            }
            Step::ImportRestoringUndo { key, seen, stamp } => {
                if let Some(sealed) = result.ok().and_then(|mut boxes| boxes.pop()) {
                    let text = encode_sealed(&sealed, &stamp);
                    let _ = self.write_undo(Some(&key), seen.as_ref(), &stamp, text, io);
                }
                self.settle_then(request, Then::Reply(Err(UnlockError::NotSaved)), io);
            }
            step => self.wait(request, step),
        }
    }

    pub(super) fn task_opened(
        &mut self,
        fresh: bool,
        result: Vec<Result<Vec<u8>, UnlockError>>,
        io: &mut Io,
    ) {
        let Some(Task { request, step }) = self.task.take() else {
            return;
        };
        match step {
            Step::UnlockOpening { unlocking, key } => {
                self.unlock_opened(request, fresh, unlocking, key, result, io)
            }
            Step::Rekeying(rekey) => self.rekey_opened(request, rekey, result, io),
            step => self.wait(request, step),
        }
    }

    pub(super) fn task_derived(&mut self, result: Result<K, UnlockError>, io: &mut Io) {
        let Some(Task { request, step }) = self.task.take() else {
            return;
        };
        match step {
            Step::UnlockDeriving(unlocking) => match result {
                Ok(key) => self.unlock_open(request, unlocking, key, io),
                Err(error) => self.reply(request, Err(error)),
            },
            Step::Checking { new } => match result {
                Ok(_) => self.checked(request, new, io),
                Err(error) => self.reply(request, Err(error)),
            },
            Step::Creating => match result {
                Ok(key) => self.settle_then(request, Then::Rewrite(Some(key)), io),
                Err(error) => self.reply(request, Err(error)),
            },
            step => self.wait(request, step),
        }
    }
}
