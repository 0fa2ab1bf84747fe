//! The parts of Mend that protect the user on a shared device: Quick exit,
//! auto-lock, and the plain-text settings they need (`domain::prefs`).

mod auto_lock;
mod quick_exit;

use leptos::ev;
use leptos::prelude::*;

use crate::domain::prefs::{Prefs, PREFS_KEY};
use crate::store::Store;

pub use quick_exit::quick_exit;

/// Shared through context. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Privacy {
    prefs: RwSignal<Prefs>,
    /// Quick exit was used in this tab: show nothing until the user opens
    /// Mend again (matters when there is no passphrase to lock with).
    closed: RwSignal<bool>,
}

/// Remembered in sessionStorage and in localStorage, so Back from the
/// neutral site shows the closed screen rather than the page that was open.
/// sessionStorage alone is not enough: Firefox can lose it in exactly that
/// history (a page restored by Back after Quick exit). localStorage also
/// closes Mend in any tab opened later, until the user opens it again.
const CLOSED_KEY: &str = "mend.closed";

impl Privacy {
    /// Reads the settings and starts Quick exit's shortcut and auto-lock.
    pub fn install(store: Store) -> Self {
        let stored = local_storage().and_then(|s| s.get_item(PREFS_KEY).ok().flatten());
        let closed = [session_storage(), local_storage()]
            .into_iter()
            .flatten()
            .any(|s| s.get_item(CLOSED_KEY).ok().flatten().is_some());
        let privacy = Privacy {
            prefs: RwSignal::new(Prefs::read(stored.as_deref())),
            closed: RwSignal::new(closed),
        };
        quick_exit::listen(store, privacy);
        auto_lock::start(store, privacy);
        privacy.follow_other_tabs();
        privacy
    }

    /// Settings changed in another tab (the auto-lock time, the exit site)
    /// apply here at once, not on the next reload.
    fn follow_other_tabs(self) {
        let prefs = self.prefs;
        // Lives as long as the page: the handle is let go.
        let _ = window_event_listener(ev::storage, move |event| {
            if event.key().as_deref() == Some(PREFS_KEY) {
                prefs.try_set(Prefs::read(event.new_value().as_deref()));
            }
        });
    }

    pub fn prefs(&self) -> Signal<Prefs> {
        self.prefs.into()
    }

    /// Saves new settings. They apply at once even if saving fails.
    pub fn set_prefs(&self, prefs: Prefs) -> bool {
        let saved = local_storage()
            .map(|s| s.set_item(PREFS_KEY, &prefs.write()).is_ok())
            .unwrap_or(false);
        self.prefs.set(prefs);
        saved
    }

    /// Back to the defaults in memory, after everything was erased.
    pub fn forget(&self) {
        self.prefs.set(Prefs::default());
    }

    pub fn closed(&self) -> Signal<bool> {
        self.closed.into()
    }

    pub(crate) fn close(&self) {
        for storage in [session_storage(), local_storage()].into_iter().flatten() {
            let _ = storage.set_item(CLOSED_KEY, "1");
        }
        self.closed.try_set(true);
    }

    /// Opens Mend again after a Quick exit.
    pub fn reopen(&self) {
        for storage in [session_storage(), local_storage()].into_iter().flatten() {
            let _ = storage.remove_item(CLOSED_KEY);
        }
        self.closed.set(false);
    }
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn session_storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}
