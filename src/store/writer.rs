//! The one save path: typing is coalesced, open data is written at once,
//! sealed data is sealed and then checked and written in one synchronous step.

use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::prelude::*;

use super::*;
use crate::content;
use crate::domain::sealed::Sealed;
use crate::domain::store::*;

impl Store {
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

    pub(super) fn flush_later(&self) {
        self.cancel_timer();
        let store = *self;
        let handle = set_timeout_with_handle(
            move || store.flush(),
            Duration::from_millis(TYPING_DELAY_MS),
        )
        .ok();
        self.timer.set_value(handle);
    }

    pub(super) fn cancel_timer(&self) {
        if let Some(handle) = self.timer.try_update_value(Option::take).flatten() {
            handle.clear();
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
                    return self.notify_newer_elsewhere();
                }
                WriteDecision::Erased => return self.erased_elsewhere(),
            }
        }
    }

    pub(super) fn pending(&self) -> bool {
        self.reseal.get_value() || self.unsaved()
    }

    /// The user changed something that storage does not hold yet.
    pub(super) fn unsaved(&self) -> bool {
        self.saved
            .with_value(|saved| self.current.with_untracked(|current| saved != current))
    }

    /// The save for sealed data (and for the write that seals or unseals it):
    /// seal first, then check and write in one synchronous step, as
    /// `domain::store` requires; if storage changed while sealing, take the
    /// other copy into account and go round again.
    pub(super) async fn save_sealed(&self) {
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
    pub(super) async fn save_sealed_round(&self) -> bool {
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
                self.notify_newer_elsewhere();
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
                self.saves.update(|n| *n += 1);
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
    pub(super) async fn take_sealed(&self, sealed: Sealed, stamp: Stamp, schema: u32) -> bool {
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

    pub(super) fn write(&self, storage: &web_sys::Storage, revision: u64) {
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
                self.saves.update(|n| *n += 1);
            }
            // Everything stays in memory; the banner stays until a save works.
            Err(error) => self.notify(Notice::SaveFailed(failure(error))),
        }
    }

    /// Another tab saved since this one last did: show its data with this
    /// tab's unsaved changes on top.
    pub(super) fn take_theirs(&self, theirs: Document, stamp: Stamp) {
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

    /// Copies unreadable text to its recovery key, unchanged.
    /// A newer Mend saved in another tab: stop writing, and say so in the
    /// words that fit what this tab still holds.
    pub(super) fn notify_newer_elsewhere(&self) {
        self.notify(if self.unsaved() {
            Notice::NewerElsewhereUnsaved
        } else {
            Notice::NewerElsewhere
        });
    }

    pub(super) fn keep_aside(&self, text: &str) -> Result<(), SaveFailure> {
        let key = recovery_key(text);
        storage()?.set_item(&key, text).map_err(failure)?;
        self.recovered.set_value(Some(key));
        // Kept as found first (that must not wait); sealed right after when
        // there is a passphrase, like every other copy of the user's words.
        if let Some(passphrase_key) = self.key() {
            let store = *self;
            wasm_bindgen_futures::spawn_local(async move {
                store.rekey_kept_aside(None, Some(&passphrase_key)).await;
            });
        }
        Ok(())
    }
}
