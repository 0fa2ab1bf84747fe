//! Mend: a private, offline workbook for rebuilding trust in a relationship.
//!
//! `domain`, `content` and `routes` are plain Rust and build everywhere; the user interface (`app`,
//! `pages`, `components`, `pwa`) only exists in the browser, so it is compiled
//! for wasm32 alone. See ARCHITECTURE.md for the module map and invariants.

pub mod content;
pub mod domain;
#[cfg(target_arch = "wasm32")]
pub mod router;
pub mod routes;

#[cfg(target_arch = "wasm32")]
pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod compare;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod crypto;
#[cfg(target_arch = "wasm32")]
pub mod i18n;
#[cfg(target_arch = "wasm32")]
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod privacy;
#[cfg(target_arch = "wasm32")]
pub mod pwa;
#[cfg(target_arch = "wasm32")]
pub mod recovery;
#[cfg(target_arch = "wasm32")]
pub mod store;

/// Mounts the app on `<body>` and marks the moment the first page is on screen,
/// which `scripts/bench.sh` reads as "navigation to first rendered page".
#[cfg(target_arch = "wasm32")]
pub fn mount() {
    recovery::install();
    // Before the router reads the address: a card in the fragment is taken
    // into memory and removed from the address bar.
    compare::take_card_from_address();
    // A reader of another language keeps the static page in their language
    // (public/first-screen.js chose it) until the app's words in it are
    // here, rather than seeing the app in English for a moment. A failed
    // download starts the app in English, and so does one still under way
    // after WORDS_WAIT_MS: a stalled connection must never keep Mend (and
    // Quick exit's Escape ×3) from starting. The words then follow, as
    // when the language is chosen in Settings.
    match i18n::at_start() {
        domain::msg::Lang::En => start(),
        lang => {
            let started = std::rc::Rc::new(std::cell::Cell::new(false));
            let once = {
                let started = started.clone();
                move || {
                    if !started.replace(true) {
                        start();
                    }
                }
            };
            let after_wait = once.clone();
            let waiting = wasm_bindgen::closure::Closure::once_into_js(after_wait);
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                    wasm_bindgen::JsCast::unchecked_ref(&waiting),
                    WORDS_WAIT_MS,
                );
            }
            wasm_bindgen_futures::spawn_local(async move {
                let _ = i18n::show(lang).await;
                once();
            });
        }
    }
}

/// How long the app waits for another language's words before it starts
/// in English (they take well under a second on a slow phone connection).
#[cfg(target_arch = "wasm32")]
const WORDS_WAIT_MS: i32 = 4_000;

#[cfg(target_arch = "wasm32")]
fn start() {
    // A choice made on the static intake page, before it goes.
    pages::guide::take_first_answer_from_page();
    let document = web_sys::window().and_then(|w| w.document());
    // The static page (scripts/first_screen.py) shows while the wasm
    // downloads; the app takes its place.
    if let Some(opening) = document
        .as_ref()
        .and_then(|d| d.get_element_by_id("opening"))
    {
        opening.remove();
    }
    // first-screen.js marked the page with the reader's language; if its
    // words could not be downloaded, the app starts in another.
    if let Some(html) = document.and_then(|d| d.document_element()) {
        let _ = html.set_attribute("lang", domain::msg::shown().code());
    }
    leptos::mount::mount_to_body(app::App);
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        // A failed mark only costs the benchmark a figure; the user loses nothing.
        let _ = performance.mark(FIRST_RENDER_MARK);
    }
}

/// Panics on purpose. The end-to-end tests call it (as
/// `wasmBindings.mendForcePanicForTests()`) to prove that a panic in the
/// release build shows the recovery screen and keeps what was saved; a panic
/// cannot be reached from the interface, so no other way exists to show it.
/// Only the browser console can call it, and it harms nothing it can reach:
/// the page is replaced, storage is untouched.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = mendForcePanicForTests)]
pub fn force_panic_for_tests() {
    panic!("a panic forced by a test");
}

/// Name of the performance mark set once the first page has rendered.
pub const FIRST_RENDER_MARK: &str = "mend:first-render";
