//! What other tabs and the page tell this one: storage events, the page
//! being hidden or closed.

use leptos::ev;
use leptos::prelude::*;

use super::*;
use crate::domain::store::*;

impl Store {
    pub(super) fn on_storage(&self, event: web_sys::StorageEvent) {
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
                self.notify_newer_elsewhere();
            }
        }
    }

    pub(super) fn listen(&self) {
        let store = *self;
        // The store lives as long as the page, so its listeners are never
        // removed: their handles are let go.
        let _ = window_event_listener(ev::storage, move |event| store.on_storage(event));
        // Typing waits at most until the page is hidden or closed.
        let _ = window_event_listener(ev::pagehide, move |_| store.flush());
        // `visibilitychange` is fired at the document and bubbles to the window.
        let _ = window_event_listener(ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                store.flush();
            }
        });
    }
}
