//! The browser side of the local store: reads and writes the one document in
//! localStorage following the rules in `domain::store` (decode on start,
//! check before every write, merge what another tab saved, keep unreadable
//! data aside, report failed writes), and exposes it to the UI as signals.
//!
//! Every write of user data goes through [`Store::change`] and [`Store::flush`].
//! It uses `web_sys::Storage` directly rather than gloo-storage: Mend needs
//! the exception's name to tell a full quota from blocked storage, and the
//! stored text byte for byte to keep unreadable data aside, while
//! gloo-storage wraps values in its own JSON and panics when storage is off.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::content;
use crate::crypto::{Key, OpenError};
use crate::domain::date::CalendarDate;
use crate::domain::sealed::Sealed;
use crate::domain::store::{
    before_write, decode, document_aad, document_plaintext, encode, encode_sealed, is_mend_key,
    is_overtaken, is_stale_removal, merge_pending, on_storage_event, open_data, recovery_key,
    undo_aad, Decoded, Document, Lasts, Notice, SaveFailure, Session, Stamp, StorageChange,
    WriteDecision, CURRENT_SCHEMA, DOCUMENT_KEY, UNDO_KEY,
};
use crate::domain::transfer;

/// How urgently a change must reach storage. Typing is coalesced (saved
/// ~300 ms after the last key, and on blur or when the page is hidden);
/// everything else is saved at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    Now,
    Soon,
}

/// How long typing may wait before it is saved.
const TYPING_DELAY_MS: i32 = 300;
/// How long a brief notice stays on screen.
const BRIEF_NOTICE_MS: i32 = 6000;

/// The user's data, shared through context. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Store {
    /// What the user sees and edits.
    current: RwSignal<Document>,
    /// What storage holds, as far as this tab knows (equal to `current` when
    /// nothing is waiting to be saved).
    saved: StoredValue<Document>,
    /// The saved copy this tab last read or wrote.
    stamp: StoredValue<Option<Stamp>>,
    /// Mirror: a newer Mend owns the stored data; never write from this page.
    read_only: RwSignal<bool>,
    notices: RwSignal<Vec<Notice>>,
    /// Bumped whenever the document is replaced by another tab's data, so
    /// screens with uncontrolled inputs re-create themselves.
    outside: RwSignal<u64>,
    timer: StoredValue<Option<i32>>,
    /// Where the unreadable copy was kept, for its download.
    recovered: StoredValue<Option<String>>,
    /// Open, unlocked (with the key, only ever in memory), locked or
    /// read-only; and the epoch that dates asynchronous work. Changed only
    /// through [`Store::step`], which mirrors it into the three flags below.
    session: StoredValue<Session<Key>, LocalStorage>,
    /// Mirror: the stored data is sealed with a passphrase (whether or not
    /// this tab holds the key right now).
    protected: RwSignal<bool>,
    /// Mirror: the stored data is sealed and this tab has no key.
    locked: RwSignal<bool>,
    /// Write even if nothing changed: the passphrase was set, changed or removed.
    reseal: StoredValue<bool>,
    /// A sealed save is under way (sealing is asynchronous); another save
    /// asked for meanwhile runs right after it.
    saving: StoredValue<bool>,
    again: StoredValue<bool>,
    /// Who is waiting for the save under way to finish ([`Store::settle`]).
    waiters: StoredValue<Vec<js_sys::Function>, LocalStorage>,
    /// What the last import replaced, until undone or dismissed.
    undo: RwSignal<Option<Document>>,
    /// What this tab had not saved when it locked, sealed: restored on top
    /// of the stored data after unlocking. Normally `None`.
    held: StoredValue<Option<Held>, LocalStorage>,
}

/// Changes a tab had not saved when it locked (a full quota, say), kept
/// sealed so a locked tab holds no readable answer. The key is kept with
/// them, in memory only, so they open after unlocking even if another tab
/// changed the passphrase meanwhile; it opens nothing else.
#[derive(Clone)]
enum Held {
    Sealed {
        key: Key,
        base: Sealed,
        mine: Sealed,
    },
    /// Another tab set the first passphrase while this one had unsaved
    /// typing: there is no key to seal it with yet.
    Plain { base: Document, mine: Document },
}

/// The additional-data labels of held boxes: never a stored document's.
const HELD_BASE_AAD: &str = "mend.held.base";
const HELD_MINE_AAD: &str = "mend.held.mine";

/// Why the lock screen (or a passphrase change) did not go through.
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
    /// Another tab set or changed the passphrase at the same moment.
    ChangedElsewhere,
}

impl UnlockError {
    pub fn message(self) -> &'static str {
        match self {
            Self::WrongPassphrase => {
                "That passphrase doesn't open Mend. Check for caps lock and try again; \
                 nothing has been changed."
            }
            Self::Damaged => {
                "The passphrase is right, but the saved data has been damaged or changed \
                 since Mend wrote it, so Mend can't open it. Nothing has been changed or \
                 deleted. If you have an export, you can import it."
            }
            Self::Unavailable => {
                "This browser can't do the encryption Mend needs. Open Mend in an \
                 up-to-date browser."
            }
            Self::NotSaved => {
                "Mend couldn't save that change on this device, so nothing has \
                 changed. Free up some space in the browser and try again."
            }
            Self::ChangedElsewhere => {
                "Mend's passphrase was set or changed in another tab at the same moment, \
                 so nothing was changed here. Unlock with that passphrase, then try again \
                 if you still want to change it."
            }
            Self::Busy => {
                "Mend is open in another tab that was saving while this one unlocked. \
                 Nothing has been changed; please try again."
            }
        }
    }
}

impl From<OpenError> for UnlockError {
    fn from(error: OpenError) -> Self {
        match error {
            OpenError::WrongPassphrase => Self::WrongPassphrase,
            OpenError::Tampered => Self::Damaged,
            OpenError::Unavailable => Self::Unavailable,
        }
    }
}

impl Store {
    /// Loads the document (or starts fresh), and starts listening to other
    /// tabs and to the page being hidden.
    pub fn open() -> Self {
        let store = Store {
            current: RwSignal::new(Document::default()),
            saved: StoredValue::new(Document::default()),
            stamp: StoredValue::new(None),
            read_only: RwSignal::new(false),
            notices: RwSignal::new(Vec::new()),
            outside: RwSignal::new(0),
            timer: StoredValue::new(None),
            recovered: StoredValue::new(None),
            session: StoredValue::new_local(Session::open()),
            protected: RwSignal::new(false),
            locked: RwSignal::new(false),
            reseal: StoredValue::new(false),
            saving: StoredValue::new(false),
            again: StoredValue::new(false),
            waiters: StoredValue::new_local(Vec::new()),
            undo: RwSignal::new(None),
            held: StoredValue::new_local(None),
        };
        store.load();
        store.listen();
        store
    }

    fn load(&self) {
        let stored = match storage().and_then(|s| s.get_item(DOCUMENT_KEY).map_err(failure)) {
            Ok(stored) => stored,
            Err(reason) => {
                self.notify(Notice::SaveFailed(reason));
                return;
            }
        };
        match decode(stored.as_deref()) {
            Decoded::Fresh => {}
            Decoded::Loaded { document, stamp } => {
                self.saved.set_value(document.clone());
                self.current.set(document);
                self.stamp.set_value(Some(stamp));
                if let Decoded::Loaded { document, .. } = decode(read_key(UNDO_KEY).as_deref()) {
                    self.undo.set(Some(document));
                }
            }
            Decoded::Sealed { .. } => {
                // Sealed before this tab had any key.
                self.step(Session::locked_elsewhere);
            }
            Decoded::Newer { .. } => {
                self.step(Session::read_only);
                self.notify(Notice::NewerVersion);
            }
            Decoded::Corrupt { .. } => {
                // Not the reason: a parser's message can quote what the user wrote.
                web_sys::console::warn_1(&"Mend: stored data unreadable; kept aside".into());
                let text = stored.unwrap_or_default();
                if let Err(reason) = self.keep_aside(&text) {
                    self.notify(Notice::SaveFailed(reason));
                }
                self.notify(Notice::Recovered);
            }
        }
    }

    /// True while the stored data is sealed and this tab has no key.
    pub fn locked(&self) -> Signal<bool> {
        self.locked.into()
    }

    /// True when the stored data is sealed with a passphrase.
    pub fn protected(&self) -> Signal<bool> {
        self.protected.into()
    }

    /// Opens the sealed data with `passphrase`. A wrong passphrase changes
    /// nothing, in storage or on screen. Deriving the key takes about a
    /// second, so what is installed is what storage holds once the box has
    /// opened, read again; never the snapshot the derivation started from.
    pub async fn unlock(&self, passphrase: &str) -> Result<(), UnlockError> {
        let mut key: Option<Key> = None;
        for _ in 0..4 {
            let ticket = self.session.with_value(Session::ticket);
            let stored = read_key(DOCUMENT_KEY);
            let Decoded::Sealed {
                sealed,
                stamp,
                schema,
            } = decode(stored.as_deref())
            else {
                // Opened, erased or replaced in another tab meanwhile:
                // nothing to unlock; take what is there.
                self.load_again();
                self.dismiss(Notice::LockedElsewhere);
                self.restore_held().await;
                return Ok(());
            };
            let fitting = match key.take().filter(|key| key.made(&sealed)) {
                Some(key) => key,
                None => Key::for_box(passphrase, &sealed).await?,
            };
            let bytes = fitting.open(&sealed, &document_aad(schema, &stamp)).await?;
            let document = open_data(schema, &bytes).map_err(|_| UnlockError::Damaged)?;
            // The import's undo copy is sealed with the same key.
            let undo = read_undo(Some(&fitting)).await;
            if read_key(DOCUMENT_KEY) != stored
                || !self.step(|session| session.unlocked(ticket, fitting.clone()))
            {
                // Another tab saved, or the session moved on, while the box
                // was opening: go again, with the same key if it still fits.
                key = Some(fitting);
                continue;
            }
            self.undo.set(undo);
            self.saved.set_value(document.clone());
            self.stamp.set_value(Some(stamp));
            self.current.set(document);
            self.outside.update(|n| *n += 1);
            self.dismiss(Notice::LockedElsewhere);
            self.restore_held().await;
            return Ok(());
        }
        // Storage kept changing under the unlock (another tab typing fast):
        // the passphrase was right; asking again is harmless.
        Err(UnlockError::Busy)
    }

    /// Puts back what this tab had not saved when it locked, on top of what
    /// storage holds now, and saves it.
    async fn restore_held(&self) {
        // Still locked (the data was sealed again meanwhile): they wait for
        // the next unlock.
        if !self.session.with_value(Session::may_write) {
            return;
        }
        let Some(held) = self.held.try_update_value(Option::take).flatten() else {
            return;
        };
        let ticket = self.session.with_value(Session::ticket);
        let (base, mine) = match held.clone() {
            Held::Plain { base, mine } => (base, mine),
            Held::Sealed { key, base, mine } => {
                let open = |sealed: Sealed, aad: &'static str| {
                    let key = key.clone();
                    async move {
                        let bytes = key.open(&sealed, aad).await.ok()?;
                        open_data(CURRENT_SCHEMA, &bytes).ok()
                    }
                };
                match (
                    open(base, HELD_BASE_AAD).await,
                    open(mine, HELD_MINE_AAD).await,
                ) {
                    (Some(base), Some(mine)) => (base, mine),
                    _ => return self.notify(Notice::SaveFailed(SaveFailure::Unknown)),
                }
            }
        };
        if !self.session.with_value(|s| s.accepts(ticket)) {
            // Locked again while they opened: keep them for the next unlock.
            self.held.set_value(Some(held));
            return;
        }
        self.dismiss(Notice::LockedUnsaved);
        let merged = self
            .saved
            .with_value(|saved| merge_pending(saved.clone(), &base, &mine, content::library()));
        self.current.set(merged.document);
        self.outside.update(|n| *n += 1);
        self.flush();
    }

    /// Saves what is waiting, then drops the key and every decrypted answer
    /// from memory. What cannot be saved (a full quota) is sealed and kept
    /// in this tab until it unlocks, and the user is told. Returns false
    /// (and stays open) only if there is no passphrase, or if even sealing
    /// in memory failed.
    pub async fn lock(&self) -> bool {
        if self.key().is_none() {
            return false;
        }
        self.settle().await;
        let Some(key) = self.key() else {
            // Locked by another tab meanwhile (or the data was opened there).
            return self.locked.get_untracked();
        };
        if self.unsaved() {
            let (base, mine) = (self.saved.get_value(), self.current.get_untracked());
            let sealed = async {
                let base = key
                    .seal(document_plaintext(&base).as_bytes(), HELD_BASE_AAD)
                    .await
                    .ok()?;
                let mine = key
                    .seal(document_plaintext(&mine).as_bytes(), HELD_MINE_AAD)
                    .await
                    .ok()?;
                Some((base, mine))
            };
            let Some((base, sealed_mine)) = sealed.await else {
                return false;
            };
            if self.current.with_untracked(|now| now != &mine) {
                // Typing arrived while sealing: lock on the next try.
                return false;
            }
            self.held.set_value(Some(Held::Sealed {
                key,
                base,
                mine: sealed_mine,
            }));
            self.notify(Notice::LockedUnsaved);
        }
        if self.step(Session::lock).is_none() {
            return self.locked.get_untracked();
        }
        self.drop_plaintext();
        true
    }

    /// Forgets every decrypted answer (the session has already forgotten
    /// the key).
    fn drop_plaintext(&self) {
        self.cancel_timer();
        self.reseal.set_value(false);
        self.saved.set_value(Document::default());
        self.current.set(Document::default());
        self.undo.set(None);
        self.stamp.set_value(None);
        self.outside.update(|n| *n += 1);
    }

    /// The one way the session changes: a step of its machine, then the
    /// flags the screens watch follow it.
    fn step<R: Default>(&self, f: impl FnOnce(&mut Session<Key>) -> R) -> R {
        let result = self.session.try_update_value(f).unwrap_or_default();
        let (protected, locked, read_only) = self
            .session
            .try_with_value(|s| (s.is_protected(), s.is_locked(), s.is_read_only()))
            .unwrap_or_default();
        set_flag(self.protected, protected);
        set_flag(self.locked, locked);
        set_flag(self.read_only, read_only);
        result
    }

    /// The key, while unlocked.
    fn key(&self) -> Option<Key> {
        self.session.try_with_value(|s| s.key().cloned()).flatten()
    }

    /// Waits until nothing is waiting to be saved, or a save has failed.
    pub async fn settle(&self) {
        self.cancel_timer();
        if self.key().is_none() && !self.reseal.get_value() {
            return self.flush();
        }
        // If a save is already under way this only asks it for one more
        // round; then wait for that save to finish, however it ends.
        self.save_sealed().await;
        if self.saving.get_value() {
            let waiters = self.waiters;
            let promise = js_sys::Promise::new(&mut |resolve, _| {
                waiters.update_value(|w| w.push(resolve));
            });
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        }
    }

    /// Seals everything with a new passphrase (setting it, or replacing the
    /// one given as `current`). Nothing changes unless the new form is saved.
    pub async fn set_passphrase(
        &self,
        current: Option<&str>,
        new: &str,
    ) -> Result<(), UnlockError> {
        self.check_current(current).await?;
        let key = Key::create(new).await?;
        self.rewrite(Some(key)).await
    }

    /// Stores everything open again, after checking the passphrase.
    pub async fn remove_passphrase(&self, current: &str) -> Result<(), UnlockError> {
        self.check_current(Some(current)).await?;
        self.rewrite(None).await
    }

    /// Proves the user knows the passphrase of the sealed data, if any.
    async fn check_current(&self, current: Option<&str>) -> Result<(), UnlockError> {
        if !self.session.with_value(Session::is_protected) {
            return Ok(());
        }
        let stored = storage()
            .ok()
            .and_then(|s| s.get_item(DOCUMENT_KEY).ok().flatten());
        let Decoded::Sealed { sealed, .. } = decode(stored.as_deref()) else {
            return Ok(());
        };
        Key::for_box(current.unwrap_or_default(), &sealed).await?;
        Ok(())
    }

    async fn rewrite(&self, key: Option<Key>) -> Result<(), UnlockError> {
        self.settle().await;
        let before = self.key();
        let rekey = |key: Option<Key>| {
            move |session: &mut Session<Key>| match key {
                Some(key) => session.rekeyed(key),
                None => session.opened(),
            }
        };
        self.step(rekey(key));
        let ticket = self.session.with_value(Session::ticket);
        self.reseal.set_value(true);
        self.settle().await;
        if !self.session.with_value(|s| s.accepts(ticket)) {
            // Another tab set or changed the passphrase at the same moment
            // and this tab locked: nothing was written here.
            return Err(UnlockError::ChangedElsewhere);
        }
        if self.reseal.get_value() {
            // Not written: storage still holds the old form, so keep its key.
            self.reseal.set_value(false);
            self.step(rekey(before));
            return Err(UnlockError::NotSaved);
        }
        // The undo copy follows the data into its new form: the copy in
        // storage, which another tab may have written since this one read.
        if read_key(UNDO_KEY).is_some() {
            let kept = match read_undo(before.as_ref()).await {
                Some(previous) => self.write_undo(&previous).await.map(|()| previous).ok(),
                None => None,
            };
            match kept {
                Some(previous) => self.undo.set(Some(previous)),
                None => {
                    self.forget_undo();
                    self.notify(Notice::UndoDropped);
                }
            }
        }
        Ok(())
    }

    /// Seals `plaintext` for an export with the current key, if unlocked with one.
    pub async fn seal_export(&self, plaintext: &str, aad: &str) -> Option<Sealed> {
        let key = self.key()?;
        key.seal(plaintext.as_bytes(), aad).await.ok()
    }

    /// What the last import replaced, while it can still be brought back.
    pub fn undo_available(&self) -> Signal<bool> {
        let undo = self.undo;
        Signal::derive(move || undo.with(Option::is_some))
    }

    /// Replaces everything with an imported document, keeping what was here
    /// as a one-step undo. Nothing changes if that copy cannot be kept.
    pub async fn replace_all(&self, document: Document) -> Result<(), UnlockError> {
        self.settle().await;
        let previous = self.current.get_untracked();
        let undo_before = self.undo.get_untracked();
        self.write_undo(&previous).await?;
        self.undo.set(Some(previous.clone()));
        self.change(Urgency::Now, |d| *d = document);
        self.outside.update(|n| *n += 1);
        self.settle().await;
        if self.unsaved() {
            // Not saved: put everything back as it was, so "Imported" is
            // never said of an import that a reload would lose.
            self.current.set(previous);
            self.undo.set(undo_before.clone());
            self.outside.update(|n| *n += 1);
            match undo_before {
                Some(undo) => {
                    let _ = self.write_undo(&undo).await;
                }
                None => {
                    if let Ok(storage) = storage() {
                        let _ = storage.remove_item(UNDO_KEY);
                    }
                }
            }
            self.settle().await;
            return Err(UnlockError::NotSaved);
        }
        Ok(())
    }

    /// Brings back what the last import replaced.
    pub async fn undo_import(&self) {
        let Some(previous) = self.undo.get_untracked() else {
            return;
        };
        self.change(Urgency::Now, |d| *d = previous);
        self.outside.update(|n| *n += 1);
        self.settle().await;
        if !self.pending() {
            self.forget_undo();
        }
    }

    /// Drops the undo copy, in memory and in storage.
    pub fn forget_undo(&self) {
        if let Ok(storage) = storage() {
            let _ = storage.remove_item(UNDO_KEY);
        }
        self.undo.set(None);
    }

    async fn write_undo(&self, previous: &Document) -> Result<(), UnlockError> {
        let stamp = Stamp::new(0, now_iso());
        let text = match self.key() {
            None => encode(previous, &stamp),
            Some(key) => {
                let aad = undo_aad(CURRENT_SCHEMA, &stamp);
                let sealed = key
                    .seal(document_plaintext(previous).as_bytes(), &aad)
                    .await?;
                encode_sealed(&sealed, &stamp)
            }
        };
        storage()
            .and_then(|s| s.set_item(UNDO_KEY, &text).map_err(failure))
            .map_err(|_| UnlockError::NotSaved)
    }

    fn load_again(&self) {
        self.step(Session::opened);
        self.saved.set_value(Document::default());
        self.current.set(Document::default());
        self.stamp.set_value(None);
        self.load();
        self.outside.update(|n| *n += 1);
    }

    /// Reads the document, tracking it.
    pub fn read<R>(&self, f: impl FnOnce(&Document) -> R) -> R {
        self.current.with(f)
    }

    pub fn read_untracked<R>(&self, f: impl FnOnce(&Document) -> R) -> R {
        self.current.with_untracked(f)
    }

    /// Changes the document and saves it: at once, or after typing pauses.
    pub fn change(&self, urgency: Urgency, f: impl FnOnce(&mut Document)) {
        self.current.update(f);
        match urgency {
            Urgency::Now => self.flush(),
            Urgency::Soon => self.flush_later(),
        }
    }

    /// True when a newer Mend owns the stored data and this page must not write.
    pub fn read_only(&self) -> Signal<bool> {
        self.read_only.into()
    }

    /// Bumps when another tab's data replaced what this tab showed.
    pub fn outside_changes(&self) -> RwSignal<u64> {
        self.outside
    }

    pub fn notices(&self) -> Signal<Vec<Notice>> {
        self.notices.into()
    }

    pub fn dismiss(&self, notice: Notice) {
        self.notices.update(|n| n.retain(|x| *x != notice));
    }

    fn notify(&self, notice: Notice) {
        self.notices.update(|notices| {
            // One save failure at a time: the newest reason replaces the old.
            notices.retain(|n| {
                *n != notice
                    && !(matches!(n, Notice::SaveFailed(_))
                        && matches!(notice, Notice::SaveFailed(_)))
            });
            notices.push(notice);
        });
        if notice.lasts() == Lasts::Briefly {
            let notices = self.notices;
            set_timeout(
                move || notices.update(|n| n.retain(|x| *x != notice)),
                BRIEF_NOTICE_MS,
            );
        }
    }

    fn flush_later(&self) {
        self.cancel_timer();
        let store = *self;
        let handle = set_timeout(move || store.flush(), TYPING_DELAY_MS);
        self.timer.set_value(handle);
    }

    fn cancel_timer(&self) {
        if let Some(handle) = self.timer.get_value() {
            window().clear_timeout_with_handle(handle);
            self.timer.set_value(None);
        }
    }

    /// Saves what is waiting, if anything, following `domain::store`'s rules.
    /// Open data is written at once (so it is safe even when the page is
    /// closing); sealed data is written as soon as the browser has sealed it.
    pub fn flush(&self) {
        self.cancel_timer();
        if !self.session.with_value(Session::may_write) {
            return;
        }
        if self.key().is_some() || self.reseal.get_value() {
            let store = *self;
            wasm_bindgen_futures::spawn_local(async move { store.save_sealed().await });
            return;
        }
        // A conflict leads to one more round; two rounds settle any case.
        for _ in 0..3 {
            let pending = self
                .saved
                .with_value(|saved| self.current.with_untracked(|current| saved != current));
            if !pending {
                return;
            }
            let storage = match storage() {
                Ok(storage) => storage,
                Err(reason) => return self.notify(Notice::SaveFailed(reason)),
            };
            let stored = match storage.get_item(DOCUMENT_KEY) {
                Ok(stored) => stored,
                Err(error) => return self.notify(Notice::SaveFailed(failure(error))),
            };
            let decision = self
                .stamp
                .with_value(|stamp| before_write(stamp.as_ref(), stored.as_deref()));
            match decision {
                WriteDecision::Write { next_revision } => {
                    return self.write(&storage, next_revision)
                }
                WriteDecision::Corrupt { next_revision, .. } => {
                    if let Err(reason) = self.keep_aside(stored.as_deref().unwrap_or_default()) {
                        return self.notify(Notice::SaveFailed(reason));
                    }
                    self.notify(Notice::Recovered);
                    return self.write(&storage, next_revision);
                }
                WriteDecision::Conflict { theirs, stamp } => self.take_theirs(theirs, stamp),
                // Sealed in another tab, and this tab has no key: lock, keeping
                // what was typed here to add back after unlocking.
                WriteDecision::SealedConflict { .. } => return self.locked_elsewhere(),
                WriteDecision::Newer { .. } => {
                    self.step(Session::read_only);
                    return self.notify(Notice::NewerElsewhere);
                }
                WriteDecision::Erased => return self.erased_elsewhere(),
            }
        }
    }

    fn pending(&self) -> bool {
        self.reseal.get_value() || self.unsaved()
    }

    /// The user changed something that storage does not hold yet.
    fn unsaved(&self) -> bool {
        self.saved
            .with_value(|saved| self.current.with_untracked(|current| saved != current))
    }

    /// The save for sealed data (and for the write that seals or unseals it):
    /// seal first, then check and write in one synchronous step, as
    /// `domain::store` requires; if storage changed while sealing, take the
    /// other copy into account and go round again.
    async fn save_sealed(&self) {
        if self.saving.get_value() {
            self.again.set_value(true);
            return;
        }
        self.saving.set_value(true);
        for _ in 0..6 {
            self.again.set_value(false);
            if !self.save_sealed_round().await && !self.again.get_value() {
                break;
            }
        }
        self.saving.set_value(false);
        for waiter in self
            .waiters
            .try_update_value(std::mem::take)
            .unwrap_or_default()
        {
            let _ = waiter.call0(&JsValue::NULL);
        }
    }

    /// One round of [`Store::save_sealed`]; true when another round is needed.
    async fn save_sealed_round(&self) -> bool {
        if !self.session.with_value(Session::may_write) || !self.pending() {
            return false;
        }
        let storage = match storage() {
            Ok(storage) => storage,
            Err(reason) => {
                self.notify(Notice::SaveFailed(reason));
                return false;
            }
        };
        let stored = match storage.get_item(DOCUMENT_KEY) {
            Ok(stored) => stored,
            Err(error) => {
                self.notify(Notice::SaveFailed(failure(error)));
                return false;
            }
        };
        let decision = self
            .stamp
            .with_value(|stamp| before_write(stamp.as_ref(), stored.as_deref()));
        let next_revision = match decision {
            WriteDecision::Write { next_revision } => next_revision,
            WriteDecision::Corrupt { next_revision, .. } => {
                if let Err(reason) = self.keep_aside(stored.as_deref().unwrap_or_default()) {
                    self.notify(Notice::SaveFailed(reason));
                    return false;
                }
                self.notify(Notice::Recovered);
                next_revision
            }
            WriteDecision::Conflict { theirs, stamp } => {
                if self.key().is_some() && !self.reseal.get_value() {
                    // Open data where this tab sealed: the passphrase was
                    // removed in another tab. Never seal it again here.
                    self.step(Session::opened);
                }
                self.take_theirs(theirs, stamp);
                return true;
            }
            WriteDecision::SealedConflict {
                sealed,
                stamp,
                schema,
            } => return self.take_sealed(sealed, stamp, schema).await,
            WriteDecision::Newer { .. } => {
                self.step(Session::read_only);
                self.notify(Notice::NewerElsewhere);
                return false;
            }
            WriteDecision::Erased => {
                self.erased_elsewhere();
                return false;
            }
        };
        let stamp = Stamp::new(next_revision, now_iso());
        let document = self.current.get_untracked();
        let ticket = self.session.with_value(Session::ticket);
        let key = self.key();
        let text = match &key {
            None => encode(&document, &stamp),
            Some(key) => {
                let aad = document_aad(CURRENT_SCHEMA, &stamp);
                match key
                    .seal(document_plaintext(&document).as_bytes(), &aad)
                    .await
                {
                    Ok(sealed) => encode_sealed(&sealed, &stamp),
                    Err(_) => {
                        self.notify(Notice::SaveFailed(SaveFailure::Unknown));
                        return false;
                    }
                }
            }
        };
        // Sealing took a moment: write only if storage still holds exactly
        // the text the decision was made on (checked in the same synchronous
        // step as the write); otherwise decide again. A box sealed under a
        // session that has moved on (locked, re-keyed) is never written.
        if !self.session.with_value(|s| s.accepts(ticket)) {
            return false;
        }
        if storage.get_item(DOCUMENT_KEY).ok().flatten() != stored {
            return true;
        }
        match storage.set_item(DOCUMENT_KEY, &text) {
            Ok(()) => {
                self.saved.set_value(document);
                self.stamp.set_value(Some(stamp));
                self.reseal.set_value(false);
                self.notices
                    .update(|n| n.retain(|x| !matches!(x, Notice::SaveFailed(_))));
                // Typing during the seal is saved by the next round.
                self.pending()
            }
            Err(error) => {
                self.notify(Notice::SaveFailed(failure(error)));
                false
            }
        }
    }

    /// Another tab saved sealed data: open it with this tab's key and take it
    /// as for a conflict, or lock if the key does not fit. True when the
    /// save should go round again.
    async fn take_sealed(&self, sealed: Sealed, stamp: Stamp, schema: u32) -> bool {
        let Some(key) = self.key().filter(|key| key.made(&sealed)) else {
            self.locked_elsewhere();
            return false;
        };
        let ticket = self.session.with_value(Session::ticket);
        let opened = key.open(&sealed, &document_aad(schema, &stamp)).await;
        if !self.session.with_value(|s| s.accepts(ticket)) {
            // Locked (or erased, or the passphrase changed) while the box
            // was opening: what it holds must not come back into memory.
            return false;
        }
        if stored_stamp().as_ref() != Some(&stamp) {
            // Overtaken while it opened (this tab saved since, or another
            // tab did): taking it now would step back. Decide again.
            return true;
        }
        match opened.ok().and_then(|bytes| open_data(schema, &bytes).ok()) {
            Some(theirs) => {
                self.take_theirs(theirs, stamp);
                true
            }
            // Unreadable although the key fits: leave it alone and keep
            // this tab's copy in memory; the next save tries again.
            None => {
                web_sys::console::warn_1(&"Mend: another tab's sealed save did not open".into());
                self.notify(Notice::SaveFailed(SaveFailure::Unknown));
                false
            }
        }
    }

    /// The data in storage is now sealed with a key this tab does not have.
    /// Unsaved changes stay in memory and are merged back after unlocking.
    /// Like [`Store::lock`], what was not saved here is kept sealed (or,
    /// without any key yet, as it is) and added back after unlocking; every
    /// other decrypted answer is dropped at once.
    fn locked_elsewhere(&self) {
        let unsaved = self.unsaved();
        let old_key = self.step(Session::locked_elsewhere);
        if unsaved {
            let base = self.saved.get_value();
            let mine = self.current.get_untracked();
            match old_key {
                None => self.held.set_value(Some(Held::Plain { base, mine })),
                Some(key) => {
                    let held = self.held;
                    wasm_bindgen_futures::spawn_local(async move {
                        let base = key
                            .seal(document_plaintext(&base).as_bytes(), HELD_BASE_AAD)
                            .await;
                        let mine = key
                            .seal(document_plaintext(&mine).as_bytes(), HELD_MINE_AAD)
                            .await;
                        if let (Ok(base), Ok(mine)) = (base, mine) {
                            held.try_set_value(Some(Held::Sealed { key, base, mine }));
                        }
                    });
                }
            }
        }
        self.drop_plaintext();
        self.notify(Notice::LockedElsewhere);
    }

    fn write(&self, storage: &web_sys::Storage, revision: u64) {
        let stamp = Stamp::new(revision, now_iso());
        let (document, text) = self
            .current
            .with_untracked(|d| (d.clone(), encode(d, &stamp)));
        match storage.set_item(DOCUMENT_KEY, &text) {
            Ok(()) => {
                self.saved.set_value(document);
                self.stamp.set_value(Some(stamp));
                self.notices
                    .update(|n| n.retain(|x| !matches!(x, Notice::SaveFailed(_))));
            }
            // Everything stays in memory; the banner stays until a save works.
            Err(error) => self.notify(Notice::SaveFailed(failure(error))),
        }
    }

    /// Another tab saved since this one last did: show its data with this
    /// tab's unsaved changes on top.
    fn take_theirs(&self, theirs: Document, stamp: Stamp) {
        let merged = self.saved.with_value(|saved| {
            self.current.with_untracked(|current| {
                merge_pending(theirs.clone(), saved, current, content::library())
            })
        });
        self.saved.set_value(theirs);
        self.stamp.set_value(Some(stamp));
        let notice = merged.notice();
        self.current.set(merged.document);
        self.outside.update(|n| *n += 1);
        self.notify(notice);
    }

    fn erased_elsewhere(&self) {
        self.held.set_value(None);
        self.step(Session::opened);
        self.reseal.set_value(false);
        self.saved.set_value(Document::default());
        self.current.set(Document::default());
        self.stamp.set_value(None);
        self.undo.set(None);
        self.outside.update(|n| *n += 1);
        self.notify(Notice::ErasedElsewhere);
    }

    /// Copies unreadable text to its recovery key, unchanged.
    fn keep_aside(&self, text: &str) -> Result<(), SaveFailure> {
        let key = recovery_key(text);
        storage()?.set_item(&key, text).map_err(failure)?;
        self.recovered.set_value(Some(key));
        Ok(())
    }

    /// Removes every key Mend has written (recovered copies included) and
    /// starts this tab fresh. Other tabs clear themselves on the storage event.
    pub fn erase_everything(&self) -> Result<(), SaveFailure> {
        self.cancel_timer();
        let storage = storage()?;
        let length = storage.length().map_err(failure)?;
        let keys: Vec<String> = (0..length)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect();
        for key in keys.iter().filter(|key| is_mend_key(key)) {
            storage.remove_item(key).map_err(failure)?;
        }
        self.saved.set_value(Document::default());
        self.current.set(Document::default());
        self.stamp.set_value(None);
        self.recovered.set_value(None);
        self.undo.set(None);
        self.held.set_value(None);
        self.step(Session::opened);
        self.reseal.set_value(false);
        self.notices.set(Vec::new());
        self.outside.update(|n| *n += 1);
        Ok(())
    }

    /// The unreadable text kept aside at start-up, for its download.
    pub fn recovered_text(&self) -> Option<String> {
        let key = self.recovered.get_value()?;
        storage().ok()?.get_item(&key).ok().flatten()
    }

    /// Everything this tab holds as an export file (see `domain::transfer`):
    /// sealed with the passphrase when there is one, unless `plain` was
    /// chosen. `None` if sealing failed.
    pub async fn export_file(&self, plain: bool) -> Option<String> {
        let created_at = now_iso();
        let text = self
            .current
            .with_untracked(|d| transfer::export_plain(d, &created_at));
        if plain || !self.session.with_value(Session::is_protected) {
            return Some(text);
        }
        let sealed = self
            .seal_export(&text, &transfer::export_aad(&created_at))
            .await?;
        Some(transfer::export_sealed(&sealed, &created_at))
    }

    fn on_storage(&self, event: web_sys::StorageEvent) {
        let is_local = match (event.storage_area(), storage()) {
            (Some(area), Ok(local)) => area == local,
            _ => false,
        };
        if !is_local {
            return;
        }
        let key = event.key();
        let value = event.new_value();
        if key.as_deref() == Some(DOCUMENT_KEY)
            && is_overtaken(value.as_deref(), read_key(DOCUMENT_KEY).as_deref())
        {
            return;
        }
        let change = self
            .stamp
            .with_value(|stamp| on_storage_event(key.as_deref(), value.as_deref(), stamp.as_ref()));
        match change {
            None | Some(StorageChange::Corrupt { .. }) => {}
            Some(StorageChange::SealedIncoming {
                sealed,
                stamp,
                schema,
            }) => {
                if self.locked.get_untracked() {
                    return;
                }
                let store = *self;
                wasm_bindgen_futures::spawn_local(async move {
                    let pending = store.pending();
                    if store.take_sealed(sealed, stamp, schema).await && pending {
                        store.flush();
                    }
                });
            }
            Some(StorageChange::Incoming { document, stamp }) => {
                // Open data: the passphrase was removed (or never set) there.
                if self.locked.get_untracked() {
                    self.load_again();
                    self.dismiss(Notice::LockedElsewhere);
                    let store = *self;
                    wasm_bindgen_futures::spawn_local(async move { store.restore_held().await });
                    return;
                }
                self.step(Session::opened);
                let pending = self
                    .saved
                    .with_value(|saved| self.current.with_untracked(|current| saved != current));
                if pending {
                    self.take_theirs(document, stamp);
                    self.flush();
                } else {
                    self.saved.set_value(document.clone());
                    self.stamp.set_value(Some(stamp));
                    self.current.set(document);
                    self.outside.update(|n| *n += 1);
                    self.notify(Notice::TookTheirs);
                }
            }
            Some(StorageChange::Erased) => {
                let now = read_key(DOCUMENT_KEY);
                let stale = self
                    .stamp
                    .with_value(|stamp| is_stale_removal(stamp.as_ref(), now.as_deref()));
                if !stale {
                    self.erased_elsewhere();
                    // Saved again since the erase (by another tab, perhaps
                    // under a new passphrase): start from that.
                    if now.is_some() {
                        self.load_again();
                    }
                }
            }
            Some(StorageChange::Newer { .. }) => {
                self.step(Session::read_only);
                self.notify(Notice::NewerElsewhere);
            }
        }
    }

    fn listen(&self) {
        let store = *self;
        let on_storage =
            Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e| store.on_storage(e));
        // Typing waits at most until the page is hidden or closed.
        let on_hide = Closure::<dyn Fn()>::new(move || store.flush());
        let on_visibility = Closure::<dyn Fn()>::new(move || {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                store.flush();
            }
        });
        let window = window();
        let _ =
            window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        let _ =
            window.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
        let _ = document().add_event_listener_with_callback(
            "visibilitychange",
            on_visibility.as_ref().unchecked_ref(),
        );
        // The store lives as long as the page.
        on_storage.forget();
        on_hide.forget();
        on_visibility.forget();
    }
}

/// Sets a flag only when it changes: screens built on it (the passphrase
/// settings, the lock screen) must not be rebuilt, losing what they show,
/// when it is set to what it already was.
fn set_flag(flag: RwSignal<bool>, value: bool) {
    if flag.get_untracked() != value {
        flag.set(value);
    }
}

/// The import-undo copy in storage, opened with `key` if it is sealed.
async fn read_undo(key: Option<&Key>) -> Option<Document> {
    match decode(read_key(UNDO_KEY).as_deref()) {
        Decoded::Loaded { document, .. } => Some(document),
        Decoded::Sealed {
            sealed,
            stamp,
            schema,
        } => {
            let key = key?;
            let mut opened = key.open(&sealed, &undo_aad(schema, &stamp)).await;
            if opened.is_err() {
                // Written before the undo copy had its own label.
                opened = key.open(&sealed, &document_aad(schema, &stamp)).await;
            }
            opened.ok().and_then(|bytes| open_data(schema, &bytes).ok())
        }
        _ => None,
    }
}

/// The stamp of what storage holds now, if it is a document.
fn stored_stamp() -> Option<Stamp> {
    match decode(read_key(DOCUMENT_KEY).as_deref()) {
        Decoded::Loaded { stamp, .. } | Decoded::Sealed { stamp, .. } => Some(stamp),
        _ => None,
    }
}

fn read_key(key: &str) -> Option<String> {
    storage().ok()?.get_item(key).ok().flatten()
}

fn storage() -> Result<web_sys::Storage, SaveFailure> {
    match window().local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(SaveFailure::Unavailable),
        Err(error) => Err(failure(error)),
    }
}

/// Why the browser refused, from the DOMException it threw.
fn failure(error: JsValue) -> SaveFailure {
    let name = error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .unwrap_or_default();
    SaveFailure::from_error_name(&name)
}

fn set_timeout(f: impl FnOnce() + 'static, ms: i32) -> Option<i32> {
    let callback = Closure::once_into_js(f);
    window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms)
        .ok()
}

fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Today on the user's own calendar.
pub fn today() -> CalendarDate {
    let now = js_sys::Date::new_0();
    let text = format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    );
    text.parse()
        .unwrap_or_else(|_| "2000-01-01".parse().expect("a valid date"))
}
