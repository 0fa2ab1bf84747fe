//! Auto-lock: with a passphrase set, Mend locks after the chosen time without
//! use, and when it comes back after being hidden for at least as long.
//! Locking saves first, then drops the key and every answer from memory.

use std::cell::Cell;
use std::rc::Rc;

use leptos::ev;
use leptos::prelude::*;
use std::time::Duration;

use super::Privacy;
use crate::store::Store;

/// How often the idle time is checked while the page is visible.
const CHECK_EVERY_MS: u64 = 5_000;

pub(super) fn start(store: Store, privacy: Privacy) {
    let last_use = Rc::new(Cell::new(js_sys::Date::now()));
    let check = {
        let last_use = last_use.clone();
        move || {
            if !store.protected().get_untracked() || store.locked().get_untracked() {
                return;
            }
            let limit = f64::from(privacy.prefs().get_untracked().auto_lock_minutes) * 60_000.0;
            if js_sys::Date::now() - last_use.get() >= limit {
                wasm_bindgen_futures::spawn_local(async move {
                    store.lock().await;
                });
            }
        }
    };
    // Every listener and the interval live as long as the page: their
    // handles are let go.
    for event in ["pointerdown", "keydown", "input", "wheel", "touchstart"] {
        let last_use = last_use.clone();
        let _ = window_event_listener_untyped(event, move |_| last_use.set(js_sys::Date::now()));
    }
    // Timers are slowed or stopped in hidden pages, so the time hidden is
    // checked again the moment the page is visible. (`visibilitychange` is
    // fired at the document and bubbles to the window.)
    let on_visibility = {
        let check = check.clone();
        move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                check();
            } else {
                // Hidden counts as idle from now on.
                last_use.set(js_sys::Date::now());
            }
        }
    };
    let _ = window_event_listener(ev::visibilitychange, on_visibility);
    let _ = set_interval_with_handle(check, Duration::from_millis(CHECK_EVERY_MS));
}
