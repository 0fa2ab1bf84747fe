//! Which page the address bar shows, and moving between pages without
//! reloading: Mend's own few lines instead of leptos_router.
//!
//! Mend's routes are a flat list with one parameter (a guide's id) and a
//! query (`?entry=`, `?exchange=`, `?from=`), all in `crate::routes`, where
//! `Page::at` reads an address back into a page with native tests. What is
//! left for the browser is small: the address as a signal, Back and Forward
//! (`popstate`), a click on a link to one of Mend's own pages (kept in the
//! tab, the page scrolled to the top), and `navigate` for code that moves on
//! by itself. leptos_router did the same through nested route matching,
//! transitions, resolving relative links and the `url` crate, none of which
//! Mend uses, for 37 KB brotli of the first load (ARCHITECTURE.md, "Why not
//! leptos_router").
//!
//! Links to another origin (`tel:`, `mailto:`, a helpline's site), with a
//! `download` attribute (exports, reminders) or a target are the browser's,
//! untouched.

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::routes::{is_current, within_base, Page};

/// The address bar, as the pages read it: one for the life of the page.
/// Its signals are reference-counted rather than owned by a component, so
/// no page that goes away can take them with it.
#[derive(Clone)]
struct Location {
    /// The router base: "" at the root, "/mend" under a sub-path.
    base: String,
    /// The path as the address bar has it, base included.
    pathname: ArcRwSignal<String>,
    /// The query, with its "?" ("" when there is none).
    search: ArcRwSignal<String>,
}

thread_local! {
    static LOCATION: std::cell::OnceCell<Location> = const { std::cell::OnceCell::new() };
}

/// The address bar, followed from the first time it is asked for: Back
/// and Forward, and clicks on links to Mend's own pages.
fn location() -> Location {
    LOCATION.with(|cell| {
        cell.get_or_init(|| {
            let location = Location {
                base: crate::routes::router_base(&crate::pwa::base_path()),
                pathname: ArcRwSignal::new(String::new()),
                search: ArcRwSignal::new(String::new()),
            };
            location.read_address_bar();
            // The page's one router: these are never removed.
            let popped = location.clone();
            let _ = window_event_listener(ev::popstate, move |_| popped.read_address_bar());
            let clicked = location.clone();
            let _ = window_event_listener(ev::click, move |event| clicked.follow(&event));
            location
        })
        .clone()
    })
}

/// Starts following the address bar (the app calls it before its first view).
pub fn install() {
    let _ = location();
}

/// The page the address names, or `None` where Mend has none (the "page not
/// found" view). Changes only when the page does, not when only its query
/// does.
pub fn page() -> Memo<Option<Page>> {
    let location = location();
    Memo::new(move |_| {
        location
            .pathname
            .with(|pathname| within_base(&location.base, pathname).and_then(Page::at))
    })
}

/// The value of the query parameter `name`, tracked: a page reading it in a
/// reactive closure follows a change of the query alone.
pub fn query(name: &str) -> Option<String> {
    location()
        .search
        .with(|search| crate::routes::query_value(search, name))
}

/// The same, read once.
pub fn query_untracked(name: &str) -> Option<String> {
    location()
        .search
        .with_untracked(|search| crate::routes::query_value(search, name))
}

/// Whether a link to `href` (a `Page::href`) leads to the page shown, or to
/// one inside it; tracked.
pub fn is_current_page(href: &str) -> bool {
    let location = location();
    let link = href.split(['?', '#']).next().unwrap_or_default();
    location.pathname.with(|pathname| {
        match (
            within_base(&location.base, link),
            within_base(&location.base, pathname),
        ) {
            (Some(link), Some(current)) => is_current(link, current),
            _ => false,
        }
    })
}

/// Shows the page at `href` (a `Page::href`, perhaps with a query): a new
/// entry in the tab's history, the new page at its top (or at the part a
/// `#` names).
pub fn navigate(href: &str) {
    location().go(href);
}

impl Location {
    fn go(&self, href: &str) {
        let window = window();
        // A link to the page already shown adds no entry for Back to repeat.
        let here = self.pathname.get_untracked() + &self.search.get_untracked();
        let pushed = window.history().and_then(|history| {
            let state = &wasm_bindgen::JsValue::NULL;
            if href == here {
                history.replace_state_with_url(state, "", Some(href))
            } else {
                history.push_state_with_url(state, "", Some(href))
            }
        });
        if pushed.is_err() {
            // A history that refuses (it should not, for an address on this
            // origin): a full load of the page still gets the reader there.
            let _ = window.location().set_href(href);
            return;
        }
        self.read_address_bar();
        window.scroll_to_with_x_and_y(0.0, 0.0);
        // An address with a `#` shows that part of the new page, once the
        // page is drawn.
        if let Some((_, fragment)) = href.split_once('#').filter(|(_, f)| !f.is_empty()) {
            let id = js_sys::decode_uri_component(fragment)
                .ok()
                .and_then(|decoded| decoded.as_string())
                .unwrap_or_else(|| fragment.to_owned());
            request_animation_frame(move || {
                if let Some(element) = document().get_element_by_id(&id) {
                    element.scroll_into_view();
                }
            });
        }
    }

    fn read_address_bar(&self) {
        let location = window().location();
        let pathname = location.pathname().unwrap_or_default();
        let search = location.search().unwrap_or_default();
        // Set only what changed, so a query's change does not look like a
        // new page to what reads the path.
        if self.pathname.with_untracked(|now| *now != pathname) {
            self.pathname.set(pathname);
        }
        if self.search.with_untracked(|now| *now != search) {
            self.search.set(search);
        }
    }

    /// A click on a link to one of Mend's pages stays in the tab, as a
    /// browser would follow it but without loading the app again. Clicks
    /// the browser should take (a new tab, a download, another site, the
    /// same page's `#` part, an address outside Mend's sub-path) are left
    /// to it.
    fn follow(&self, event: &web_sys::MouseEvent) {
        if event.default_prevented()
            || event.button() != 0
            || event.meta_key()
            || event.alt_key()
            || event.ctrl_key()
            || event.shift_key()
        {
            return;
        }
        let Some(link) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten())
            .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        else {
            return;
        };
        let external = link
            .get_attribute("rel")
            .is_some_and(|rel| rel.split_ascii_whitespace().any(|word| word == "external"));
        if !link.target().is_empty() || link.has_attribute("download") || external {
            return;
        }
        let here = window().location();
        if link.origin() != here.origin().unwrap_or_default() {
            return;
        }
        let pathname = link.pathname();
        let search = link.search();
        let same_page = here.pathname().is_ok_and(|now| now == pathname)
            && here.search().is_ok_and(|now| now == search);
        if (same_page && !link.hash().is_empty()) || within_base(&self.base, &pathname).is_none() {
            return;
        }
        event.prevent_default();
        self.go(&format!("{pathname}{search}{}", link.hash()));
    }
}
