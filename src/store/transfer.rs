//! Import (with its one-step undo), export, and erasing everything.

use leptos::prelude::*;

use super::*;
use crate::crypto::Key;
use crate::domain::sealed::Sealed;
use crate::domain::store::*;
use crate::domain::transfer;

impl Store {
    /// Seals `plaintext` for an export with the current key, if unlocked with one.
    pub async fn seal_export(&self, plaintext: &str, aad: &str) -> Option<Sealed> {
        let key = self.sealing_key()?;
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
        if !self.session.with_value(Session::may_write) {
            return Err(UnlockError::ChangedElsewhere);
        }
        let ticket = self.session.with_value(Session::ticket);
        let key = self.key();
        let previous = self.current.get_untracked();
        let undo_before = self.undo.get_untracked();
        let seen = self.stamp.get_value();
        write_undo(key.as_ref(), seen.as_ref(), &previous).await?;
        if !self.session.with_value(|s| s.accepts(ticket)) {
            // Locked (or re-keyed) while the undo copy was sealed: change
            // nothing in memory.
            return Err(UnlockError::ChangedElsewhere);
        }
        self.undo.set(Some(previous.clone()));
        self.change(Urgency::Now, |d| *d = document);
        self.outside.update(|n| *n += 1);
        self.settle().await;
        if !self.session.with_value(|s| s.accepts(ticket)) {
            return Err(UnlockError::ChangedElsewhere);
        }
        if self.unsaved() {
            // Not saved: put everything back as it was, so "Imported" is
            // never said of an import that a reload would lose.
            self.current.set(previous);
            self.undo.set(undo_before.clone());
            self.outside.update(|n| *n += 1);
            match undo_before {
                Some(undo) => {
                    let seen = self.stamp.get_value();
                    let _ = write_undo(key.as_ref(), seen.as_ref(), &undo).await;
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

    /// The unreadable text kept aside at start-up, exactly as it was found,
    /// for its download (opened with the passphrase if it was sealed since).
    pub async fn recovered_text(&self) -> Option<String> {
        let name = self.recovered.get_value()?;
        match read_kept_aside(&read_key(&name)?) {
            KeptAside::Plain(text) => Some(text),
            KeptAside::Sealed(sealed) => {
                let bytes = self
                    .key()?
                    .open(&sealed, &kept_aside_aad(&name))
                    .await
                    .ok()?;
                String::from_utf8(bytes).ok()
            }
        }
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
}

/// Writes the import-undo copy: sealed with `key`, or open when there is
/// none. The key is passed in, never read after an await, so a lock while
/// this runs cannot make it write an open copy; and the copy is written only
/// if storage still holds the document in the same form (see
/// [`copy_fits`]), checked after sealing with no await before the write.
pub(super) async fn write_undo(
    key: Option<&Key>,
    seen: Option<&Stamp>,
    previous: &Document,
) -> Result<(), UnlockError> {
    let stamp = Stamp::new(0, now_iso());
    let text = match key {
        None => encode(previous, &stamp),
        Some(key) => {
            let aad = undo_aad(CURRENT_SCHEMA, &stamp);
            let sealed = key
                .seal(document_plaintext(previous).as_bytes(), &aad)
                .await?;
            encode_sealed(&sealed, &stamp)
        }
    };
    let stored = read_key(DOCUMENT_KEY);
    if !copy_fits(seen, stored.as_deref(), key, |key, sealed| key.made(sealed)) {
        return Err(UnlockError::ChangedElsewhere);
    }
    storage()
        .and_then(|s| s.set_item(UNDO_KEY, &text).map_err(failure))
        .map_err(|_| UnlockError::NotSaved)
}
