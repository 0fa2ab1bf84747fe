//! Lock, unlock and passphrase changes: what a tab holds in each state of
//! its session, and how unsaved words survive a lock.

use leptos::prelude::*;

use super::*;
use crate::content;
use crate::crypto::Key;
use crate::domain::sealed::Sealed;
use crate::domain::store::*;

impl Store {
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
                // nothing to unlock; take what is there (unless this tab
                // already did, and may hold typing of its own since).
                if self.locked.get_untracked() {
                    self.load_again();
                    self.dismiss(Notice::LockedElsewhere);
                    self.restore_held().await;
                }
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
    pub(super) async fn restore_held(&self) {
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
                    _ => {
                        // Kept for another try; never thrown away.
                        self.keep_held(held);
                        return self.notify(Notice::SaveFailed(SaveFailure::Unknown));
                    }
                }
            }
        };
        if !self.session.with_value(|s| s.accepts(ticket)) {
            // Locked again while they opened: keep them for the next unlock.
            self.keep_held(held);
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

    /// Puts held changes back, unless newer ones were held meanwhile.
    fn keep_held(&self, held: Held) {
        self.held.update_value(|slot| {
            if slot.is_none() {
                *slot = Some(held);
            }
        });
    }

    /// Saves what is waiting, then drops the key and every decrypted answer
    /// from memory. What cannot be saved (a full quota) is sealed and kept
    /// in this tab until it unlocks, and the user is told. Returns false
    /// (and stays open) only if there is no passphrase, or if even sealing
    /// in memory failed.
    pub async fn lock(&self) -> bool {
        if self.sealing_key().is_none() {
            return false;
        }
        if self.session.with_value(Session::is_read_only) {
            // A newer Mend owns the data: nothing here can be saved any more
            // (the notice offered the download); hide what is on screen.
            let _ = self.step(Session::lock);
            self.drop_plaintext();
            self.dismiss(Notice::NewerElsewhereUnsaved);
            self.notify(Notice::NewerElsewhere);
            return true;
        }
        self.settle().await;
        let Some(key) = self.key() else {
            // Locked by another tab meanwhile (or the data was opened there).
            return self.locked.get_untracked();
        };
        let mut held = None;
        if self.unsaved() {
            let mine = self.current.get_untracked();
            let Some(sealed) = Held::seal(key, &self.saved.get_value(), &mine).await else {
                return false;
            };
            if self.current.with_untracked(|now| now != &mine) {
                // Typing arrived while sealing: lock on the next try.
                return false;
            }
            held = Some(sealed);
        }
        if self.step(Session::lock).is_none() {
            // The session moved on while sealing (locked or opened elsewhere).
            return self.locked.get_untracked();
        }
        if let Some(held) = held {
            self.held.set_value(Some(held));
            self.notify(Notice::LockedUnsaved);
        }
        self.drop_plaintext();
        true
    }

    /// Forgets every decrypted answer (the session has already forgotten
    /// the key).
    pub(super) fn drop_plaintext(&self) {
        self.cancel_timer();
        self.reseal.set_value(false);
        self.saved.set_value(Document::default());
        self.current.set(Document::default());
        self.undo.set(None);
        self.stamp.set_value(None);
        self.outside.update(|n| *n += 1);
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
    pub(super) async fn check_current(&self, current: Option<&str>) -> Result<(), UnlockError> {
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

    pub(super) async fn rewrite(&self, key: Option<Key>) -> Result<(), UnlockError> {
        self.settle().await;
        if !self.session.with_value(Session::may_write) {
            // Locked (here, or by another tab) while the passphrase was
            // being checked: nothing changes.
            return Err(UnlockError::ChangedElsewhere);
        }
        let before = self.key();
        let new = key.clone();
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
            // Not written (a full quota): back to the form storage holds
            // now. Usually that is the old one, with its key; but another
            // tab may have changed it meanwhile (erased everything and
            // saved open data, say), and keeping the old key then would
            // seal the next save with a passphrase that was given up.
            self.reseal.set_value(false);
            let stored = read_key(DOCUMENT_KEY);
            match decode(stored.as_deref()) {
                Decoded::Sealed { sealed, .. } => match before.filter(|key| key.made(&sealed)) {
                    Some(key) => {
                        self.step(rekey(Some(key)));
                    }
                    None => self.locked_elsewhere(),
                },
                Decoded::Loaded { .. } | Decoded::Fresh => {
                    self.step(rekey(None));
                }
                _ => {
                    self.step(rekey(before));
                }
            }
            return Err(UnlockError::NotSaved);
        }
        // So does every copy of unreadable text kept aside. The keys are
        // passed along, never read again after an await: a lock meanwhile
        // must not turn a sealed copy into an open one.
        self.rekey_kept_aside(before.as_ref(), new.as_ref()).await;
        // The undo copy follows the data into its new form: the copy in
        // storage, which another tab may have written since this one read.
        if read_key(UNDO_KEY).is_some() {
            let kept = match read_undo(before.as_ref()).await {
                Some(previous) => {
                    write_undo(new.as_ref(), self.stamp.get_value().as_ref(), &previous)
                        .await
                        .map(|()| previous)
                        .ok()
                }
                None => None,
            };
            match kept {
                // Back in memory only while the session is the one it was
                // written for (not locked meanwhile).
                Some(previous) if self.session.with_value(|s| s.accepts(ticket)) => {
                    self.undo.set(Some(previous));
                }
                Some(_) => {}
                None => {
                    self.forget_undo();
                    self.notify(Notice::UndoDropped);
                }
            }
        }
        Ok(())
    }

    /// The data in storage is now sealed with a key this tab does not have.
    /// Unsaved changes stay in memory and are merged back after unlocking.
    /// Like [`Store::lock`], what was not saved here is kept sealed (or,
    /// without any key yet, as it is) and added back after unlocking; every
    /// other decrypted answer is dropped at once.
    pub(super) fn locked_elsewhere(&self) {
        let unsaved = self.unsaved();
        let old_key = self.step(Session::locked_elsewhere);
        if unsaved {
            let base = self.saved.get_value();
            let mine = self.current.get_untracked();
            match old_key {
                None => self.held.set_value(Some(Held::Plain { base, mine })),
                Some(key) => {
                    let store = *self;
                    let ticket = self.session.with_value(Session::ticket);
                    wasm_bindgen_futures::spawn_local(async move {
                        let sealed = Held::seal(key, &base, &mine).await;
                        // Erased, or unlocked, meanwhile: these are stale.
                        let current = store.session.try_with_value(|s| s.accepts(ticket));
                        if let (Some(held), Some(true)) = (sealed, current) {
                            store.keep_held(held);
                        }
                    });
                }
            }
        }
        self.drop_plaintext();
        self.notify(Notice::LockedElsewhere);
    }

    pub(super) fn load_again(&self) {
        self.step(Session::opened);
        self.saved.set_value(Document::default());
        self.current.set(Document::default());
        self.stamp.set_value(None);
        self.load();
        self.outside.update(|n| *n += 1);
    }

    pub(super) fn erased_elsewhere(&self) {
        self.held.set_value(None);
        self.step(Session::opened);
        self.drop_plaintext();
        self.notify(Notice::ErasedElsewhere);
    }

    /// Every copy of unreadable text kept aside follows the passphrase:
    /// sealed with `new` (opened first with `old` if it was sealed), or
    /// written back exactly as found when there is no passphrase any more.
    /// A copy sealed under a key this tab does not hold is left as it is.
    pub(super) async fn rekey_kept_aside(&self, old: Option<&Key>, new: Option<&Key>) {
        let Ok(storage) = storage() else { return };
        let names: Vec<String> = (0..storage.length().unwrap_or(0))
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|name| is_recovery_key(name))
            .collect();
        for name in names {
            let Some(text) = read_key(&name) else {
                continue;
            };
            let aad = kept_aside_aad(&name);
            let found = match read_kept_aside(&text) {
                KeptAside::Plain(found) => found,
                KeptAside::Sealed(sealed) => {
                    let Some(old) = old else { continue };
                    let opened = old.open(&sealed, &aad).await.ok();
                    match opened.and_then(|bytes| String::from_utf8(bytes).ok()) {
                        Some(found) => found,
                        None => continue,
                    }
                }
            };
            let stored = match new {
                Some(new) => match new.seal(found.as_bytes(), &aad).await {
                    Ok(sealed) => encode_kept_aside(&sealed),
                    Err(_) => {
                        self.kept_aside_open(&name, &text);
                        continue;
                    }
                },
                None => found,
            };
            if storage.set_item(&name, &stored).is_err() {
                // Still as it was (nothing is lost); if that is open text
                // beside sealed data, the user must hear of it.
                self.kept_aside_open(&name, &text);
            }
        }
    }

    /// A copy kept aside stays in its old form, `text`: if that is open
    /// while the data is sealed, say so and offer its download.
    fn kept_aside_open(&self, name: &str, text: &str) {
        if matches!(read_kept_aside(text), KeptAside::Plain(_))
            && self.session.with_value(Session::is_protected)
        {
            self.recovered.set_value(Some(name.to_owned()));
            self.notify(Notice::KeptAsideOpen);
        }
    }
}
