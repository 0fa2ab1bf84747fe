//! A page's main heading, which also names the browser tab and takes focus.

use std::sync::atomic::{AtomicBool, Ordering};

use leptos::html;
use leptos::prelude::*;

/// Whether a page has been shown before in this session. The first page keeps
/// the browser's natural focus; after an in-app navigation, focus moves to the
/// new heading so keyboard and screen-reader users land on the new content.
static SHOWN_BEFORE: AtomicBool = AtomicBool::new(false);

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
    document().set_title(&tab_title);

    let heading = NodeRef::<html::H1>::new();
    if SHOWN_BEFORE.swap(true, Ordering::Relaxed) && autofocus {
        Effect::new(move |_| {
            if let Some(h1) = heading.get() {
                let _ = h1.focus();
            }
        });
    }
    view! { <h1 node_ref=heading tabindex="-1">{text}</h1> }
}
