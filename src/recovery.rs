//! What a panic leaves on screen. Release builds abort on panic, so without
//! this the page would freeze with whatever was showing, answers included,
//! and stop responding (Quick exit too). The hook replaces the page with a
//! plain message, a Reload link and a Quick exit link, built from plain DOM
//! calls that cannot panic again and need no Rust code after the abort:
//! both are ordinary links.

use web_sys::{Document, Element};

use crate::domain::msg::{self, t};
use crate::domain::prefs::{Prefs, PREFS_KEY};

/// Logs panics to the console as before, then shows the recovery screen.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if let Some(body) = document.body() {
            document.set_title("Mend");
            show_in(&document, &body);
        }
    }));
}

/// Replaces everything inside `root` with the recovery screen. Every step
/// that can fail is skipped rather than unwrapped: this runs inside a panic.
/// Its words are in the language shown: `t` reads a `Cell` and a table
/// that lives for the page's life, so it holds no borrow a panic could
/// have left open.
pub fn show_in(document: &Document, root: &Element) {
    root.set_text_content(None);
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_else(|| ".".to_owned());
    let exit = web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .and_then(|s| s.get_item(PREFS_KEY).ok().flatten());
    let exit_url = Prefs::read(exit.as_deref()).exit_url;
    let element = |tag: &str, class: &str, text: &str| -> Option<Element> {
        let el = document.create_element(tag).ok()?;
        if !class.is_empty() {
            el.set_class_name(class);
        }
        if !text.is_empty() {
            el.set_text_content(Some(text));
        }
        Some(el)
    };
    let Some(main) = element("main", "page recovery", "") else {
        return;
    };
    let _ = main.set_attribute("role", "alert");
    let parts = [
        element("h1", "", t(msg::shell::PANIC_HEADING)),
        element("p", "lead", t(msg::shell::PANIC_MESSAGE)),
        element("p", "actions", "").inspect(|actions| {
            if let Some(reload) =
                element("a", "button button--primary", t(msg::shell::PANIC_RELOAD))
            {
                let _ = reload.set_attribute("href", &href);
                // The router catches clicks on same-origin links and would
                // route this one inside the dead app; "external" makes it a
                // real page load.
                let _ = reload.set_attribute("rel", "external");
                let _ = actions.append_child(&reload);
            }
            if let Some(leave) = element("a", "button", t(msg::shell::QUICK_EXIT)) {
                let _ = leave.set_attribute("href", &exit_url);
                let _ = leave.set_attribute("rel", "noreferrer");
                let _ = actions.append_child(&leave);
            }
        }),
    ];
    for part in parts.into_iter().flatten() {
        let _ = main.append_child(&part);
    }
    let _ = root.append_child(&main);
}
