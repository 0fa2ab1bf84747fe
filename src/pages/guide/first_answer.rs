//! The intake before the app: guides/start.html (scripts/first_screen.py)
//! shows its introduction with Begin and its first question, which a
//! person can answer while the WebAssembly is still on its way. When the
//! app starts it takes what that page holds ([`take_from_page`], before
//! the page is removed), and the intake's runner carries it into the
//! stored intake ([`carry`]), so the choice made there is not lost.

use std::cell::Cell;

use wasm_bindgen::JsCast;

use crate::components::question::Urgency;
use crate::domain::guide::Guide;
use crate::domain::program::intake::{carry_first_answer, FIRST_QUESTION};
use crate::store::{today, Store};

/// What the static page held: Begin pressed, and the option chosen.
struct Taken {
    choice: Option<String>,
}

thread_local! {
    static TAKEN: Cell<Option<Taken>> = const { Cell::new(None) };
}

/// Begin on the static page makes its first screen the address's target
/// (`#intake-step-<lang>`).
const BEGUN: &str = "#intake-step-";

/// Reads the static intake page, if this is it and Begin was pressed, and
/// takes the target out of the address (as Begin in the app leaves none).
pub fn take_from_page() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let hash = location.hash().unwrap_or_default();
    let Some(lang) = hash.strip_prefix(BEGUN) else {
        return;
    };
    if lang.is_empty() || !lang.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
        return;
    }
    // The screen Begin opened, in the copy the person used.
    let choice = window
        .document()
        .and_then(|d| {
            d.query_selector(&format!(
                "#opening {hash} input[name=\"{FIRST_QUESTION}\"]:checked"
            ))
            .ok()
            .flatten()
        })
        .and_then(|input| input.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value());
    TAKEN.set(Some(Taken { choice }));
    crate::routes::drop_fragment(&window);
}

/// Carries what the static page held into `intake`, once.
pub fn carry(store: Store, intake: &'static Guide) {
    let Some(taken) = TAKEN.take() else {
        return;
    };
    store.change(Urgency::Now, move |d| {
        carry_first_answer(&mut d.entries, intake, taken.choice.as_deref(), today());
    });
}
