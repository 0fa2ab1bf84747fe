//! A page's main heading, which also names the browser tab and takes focus.

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicBool, Ordering};

use leptos::html;
use leptos::prelude::*;

use crate::domain::prefs::neutral_title;

/// Whether a page has been shown before in this session. The first page keeps
/// the browser's natural focus; after an in-app navigation, focus moves to the
/// new heading so keyboard and screen-reader users land on the new content.
static SHOWN_BEFORE: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// The title the page in view gives itself.
    static PAGE_TITLE: RefCell<String> = RefCell::new("Mend".to_owned());
    /// Whether the tab shows the neutral title instead (Settings).
    static NEUTRAL: Cell<bool> = const { Cell::new(false) };
}

/// Names the browser tab for the page in view; while the neutral tab title
/// is on, the tab says "Notes" whatever the page.
pub fn set_tab_title(title: &str) {
    PAGE_TITLE.with(|t| *t.borrow_mut() = title.to_owned());
    show_tab_title();
}

/// Turns the neutral tab title on or off (the app follows the setting).
pub fn set_neutral_tab_title(on: bool) {
    NEUTRAL.with(|n| n.set(on));
    show_tab_title();
}

fn show_tab_title() {
    let title = if NEUTRAL.with(Cell::get) {
        neutral_title().to_owned()
    } else {
        PAGE_TITLE.with(|t| t.borrow().clone())
    };
    document().set_title(&title);
}

#[component]
pub fn PageHeading(
    /// The heading text.
    #[prop(into)]
    text: String,
    /// The browser tab's title, which screen readers also announce.
    #[prop(into)]
    tab_title: String,
    /// Whether the heading takes focus after a navigation; false where the
    /// page moves focus somewhere more useful itself (a question).
    #[prop(default = true)]
    autofocus: bool,
) -> impl IntoView {
    set_tab_title(&tab_title);

    let heading = NodeRef::<html::H1>::new();
    if SHOWN_BEFORE.swap(true, Ordering::Relaxed) && autofocus {
        Effect::new(move |_| {
            if let Some(h1) = heading.get() {
                if h1.is_connected() {
                    let _ = h1.focus();
                } else {
                    // A page loaded on demand (pages/lazy.rs) is built
                    // before it is put in the document; focus it once it is.
                    request_animation_frame(move || {
                        let _ = h1.focus();
                    });
                }
            }
        });
    }
    view! { <h1 node_ref=heading tabindex="-1">{text}</h1> }
}
