//! Auto-lock: with a passphrase set, Mend locks after the chosen time without
//! use, and when it comes back after being hidden for at least as long.
//! Locking saves first, then drops the key and every answer from memory.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::Privacy;
use crate::store::Store;

/// How often the idle time is checked while the page is visible.
const CHECK_EVERY_MS: i32 = 5_000;

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
    let used = {
        let last_use = last_use.clone();
        Closure::<dyn Fn()>::new(move || last_use.set(js_sys::Date::now()))
    };
    let window = window();
    for event in ["pointerdown", "keydown", "input", "wheel", "touchstart"] {
        let _ = window.add_event_listener_with_callback(event, used.as_ref().unchecked_ref());
    }
    // Timers are slowed or stopped in hidden pages, so the time hidden is
    // checked again the moment the page is visible.
    let on_visibility = {
        let check = check.clone();
        let last_use = last_use.clone();
        Closure::<dyn Fn()>::new(move || {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                check();
            } else {
                // Hidden counts as idle from now on.
                last_use.set(js_sys::Date::now());
            }
        })
    };
    let _ = document().add_event_listener_with_callback(
        "visibilitychange",
        on_visibility.as_ref().unchecked_ref(),
    );
    let tick = Closure::<dyn Fn()>::new(check);
    let _ = window.set_interval_with_callback_and_timeout_and_arguments_0(
        tick.as_ref().unchecked_ref(),
        CHECK_EVERY_MS,
    );
    // All live as long as the page.
    used.forget();
    on_visibility.forget();
    tick.forget();
}
