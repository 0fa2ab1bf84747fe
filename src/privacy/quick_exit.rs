//! Quick exit: a button on every page and Escape pressed three times within
//! two seconds (anywhere, text fields included). Mend disappears from the
//! screen at once, saves what was typed, locks (or closes, without a
//! passphrase), and the tab's current history entry is replaced by a
//! neutral site, so Back does not lead to an answer.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::ev;
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::Privacy;
use crate::i18n::{msg::shell, t};
use crate::store::Store;

/// Presses of Escape that trigger Quick exit, and the window they must fall in.
const PRESSES: usize = 3;
const WINDOW_MS: f64 = 2000.0;
/// The class that hides everything the moment Quick exit starts.
const EXITING_CLASS: &str = "exiting";
/// The longest Quick exit waits for the last save before it leaves.
const LEAVE_WITHIN_MS: u64 = 300;

/// Leaves Mend now.
pub fn quick_exit(store: Store, privacy: Privacy) {
    let root = document().document_element();
    if let Some(root) = &root {
        let _ = root.class_list().add_1(EXITING_CLASS);
    }
    // The tab strip and app switcher stop naming the guide at once.
    document().set_title(t(shell::EXIT_TAB_TITLE));
    let url = privacy.prefs().get_untracked().exit_url;
    let left = Rc::new(Cell::new(false));
    let leave = move || {
        if !left.replace(true) {
            privacy.close();
            let _ = window().location().replace(&url);
        }
    };
    // Saving first: leaving must not cost the user what they just typed.
    // With a passphrase this also drops the key and every answer. Saving
    // takes a few milliseconds; whatever happens, Mend is gone within
    // LEAVE_WITHIN_MS.
    let saved = leave.clone();
    wasm_bindgen_futures::spawn_local(async move {
        if !store.lock().await {
            store.settle().await;
        }
        saved();
    });
    set_timeout(leave, Duration::from_millis(LEAVE_WITHIN_MS));
}

/// Listens for Escape on the whole page, before any field handles it.
pub(super) fn listen(store: Store, privacy: Privacy) {
    let presses: Rc<RefCell<Vec<f64>>> = Rc::default();
    let on_key =
        Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(move |event: web_sys::KeyboardEvent| {
            if event.key() != "Escape" || event.repeat() {
                return;
            }
            let now = js_sys::Date::now();
            let mut presses = presses.borrow_mut();
            presses.retain(|t| now - t < WINDOW_MS);
            presses.push(now);
            if presses.len() >= PRESSES {
                presses.clear();
                quick_exit(store, privacy);
            }
        });
    let options = web_sys::AddEventListenerOptions::new();
    options.set_capture(true);
    let _ = window().add_event_listener_with_callback_and_add_event_listener_options(
        "keydown",
        on_key.as_ref().unchecked_ref(),
        &options,
    );
    // A page restored from the back/forward cache would show whatever was on
    // screen when it was left; load it afresh instead (locked, or closed).
    let _ = window_event_listener(ev::pageshow, |event| {
        if event.persisted() {
            let _ = window().location().reload();
        }
    });
    // Blank the page whenever it is left, so a cached copy (Back, or the
    // tab switcher's picture of it) shows nothing; a restored page reloads.
    let _ = window_event_listener(ev::pagehide, |_| {
        if let Some(root) = document().document_element() {
            let _ = root.class_list().add_1(EXITING_CLASS);
        }
    });
    // Escape is heard in the capture phase, before any field can stop it,
    // which window_event_listener does not offer: this one is made by hand
    // and, like the others, lives as long as the page.
    on_key.forget();
}
