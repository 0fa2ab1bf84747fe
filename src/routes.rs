//! The app's pages as a typed enum: their addresses, the router's patterns,
//! navigation labels and the router base.

use crate::domain::ids::GuideId;
use crate::domain::msg::{fill, shell, Text};

/// Every page of the app, the one place its address is written: the
/// router's patterns ([`pattern`]), the navigation and every link come from
/// here, so a page cannot be added to one and forgotten in another, and no
/// address is typed twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Start,
    Guides,
    /// One guide: its introduction and questions, its review, its results or
    /// Compare.
    Guide(GuideId, GuidePart),
    History,
    /// The summary to take to a counsellor.
    Summary,
    Settings,
    Safety,
    /// Crisis lines and what to do right now (thoughts of suicide or self-harm).
    RightNow,
    /// For people who have frightened, threatened, hurt or controlled someone.
    StoppingHarm,
}

/// The pages of one guide.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuidePart {
    /// The introduction and the questions (the runner).
    Questions,
    Review,
    Results,
    Compare,
}

// The segments of every address, shared by `Page::path` and `pattern`.
const GUIDES: &str = "guides";
const REVIEW: &str = "review";
const RESULTS: &str = "results";
const COMPARE: &str = "compare";
const HISTORY: &str = "history";
const SUMMARY: &str = "summary";
const SETTINGS: &str = "settings";
const SAFETY: &str = "safety";
const STOPPING_HARM: &str = "stopping-harm";
const RIGHT_NOW: &str = "right-now";
/// The parameter that names the guide in a guide page's address.
pub const GUIDE_PARAM: &str = "id";
/// Query parameters: Results shows the History entry `?entry=` names,
/// Compare the exchange `?exchange=` names, and the runner goes back to the
/// review when it came `?from=review`.
pub const ENTRY_QUERY: &str = "entry";
pub const EXCHANGE_QUERY: &str = "exchange";
pub const FROM_QUERY: &str = "from";
pub const FROM_REVIEW: &str = "review";

impl GuidePart {
    fn segment(self) -> Option<&'static str> {
        match self {
            GuidePart::Questions => None,
            GuidePart::Review => Some(REVIEW),
            GuidePart::Results => Some(RESULTS),
            GuidePart::Compare => Some(COMPARE),
        }
    }
}

impl Page {
    /// The pages shown in the main navigation, in order.
    pub const NAVIGATION: [Page; 4] = [Page::Start, Page::Guides, Page::History, Page::Settings];

    /// A guide's introduction and questions.
    pub fn guide(id: &GuideId) -> Page {
        Page::Guide(id.clone(), GuidePart::Questions)
    }

    pub fn review(id: &GuideId) -> Page {
        Page::Guide(id.clone(), GuidePart::Review)
    }

    pub fn results(id: &GuideId) -> Page {
        Page::Guide(id.clone(), GuidePart::Results)
    }

    /// Compare; a QR code's link points here.
    pub fn compare(id: &GuideId) -> Page {
        Page::Guide(id.clone(), GuidePart::Compare)
    }

    /// One page of each kind, for the route table's tests (the match in
    /// `kind_pattern` in tests/browser.rs is exhaustive, so a new kind of
    /// page must be given its pattern there, and listed here).
    pub fn one_of_each_kind() -> Vec<Page> {
        let id = GuideId::new("first-days");
        vec![
            Page::Start,
            Page::Guides,
            Page::guide(&id),
            Page::review(&id),
            Page::results(&id),
            Page::compare(&id),
            Page::History,
            Page::Summary,
            Page::Settings,
            Page::Safety,
            Page::RightNow,
            Page::StoppingHarm,
        ]
    }

    /// Path of the page, relative to the router base. (Pushed segment by
    /// segment rather than `format!`ed per page: every link calls it, and
    /// this is the smaller code in the first load.)
    pub fn path(&self) -> String {
        let (first, id, last) = match self {
            Page::Start => return "/".to_owned(),
            Page::Guides => (GUIDES, None, None),
            Page::Guide(id, part) => (GUIDES, Some(id), part.segment()),
            Page::History => (HISTORY, None, None),
            Page::Summary => (HISTORY, None, Some(SUMMARY)),
            Page::Settings => (SETTINGS, None, None),
            Page::Safety => (SAFETY, None, None),
            Page::RightNow => (RIGHT_NOW, None, None),
            Page::StoppingHarm => (SAFETY, None, Some(STOPPING_HARM)),
        };
        let mut path = String::new();
        for segment in [Some(first), id.map(GuideId::as_str), last]
            .into_iter()
            .flatten()
        {
            path.push('/');
            path.push_str(segment);
        }
        path
    }

    /// The page's address as a link's href, with the sub-path Mend is
    /// served from.
    #[cfg(target_arch = "wasm32")]
    pub fn href(&self) -> String {
        href(&router_base(&crate::pwa::base_path()), &self.path())
    }

    /// The href with one query parameter (`?entry=…`, `?from=review`).
    #[cfg(target_arch = "wasm32")]
    pub fn href_with(&self, name: &str, value: &str) -> String {
        format!("{}?{name}={value}", self.href())
    }

    /// Label in the navigation, also the page's accessible link name, and
    /// the first part of its tab title, in the language shown.
    pub fn label(&self) -> &'static str {
        words(self.label_key())
    }

    /// The message [`Page::label`] shows.
    pub fn label_key(&self) -> Text {
        match self {
            Page::Start => shell::PAGE_START,
            Page::Guides => shell::PAGE_GUIDES,
            Page::Guide(_, GuidePart::Questions) => shell::PAGE_GUIDE,
            Page::Guide(_, GuidePart::Review) => shell::PAGE_REVIEW,
            Page::Guide(_, GuidePart::Results) => shell::PAGE_RESULTS,
            Page::Guide(_, GuidePart::Compare) => shell::PAGE_COMPARE,
            Page::History => shell::PAGE_HISTORY,
            Page::Summary => shell::PAGE_SUMMARY,
            Page::Settings => shell::PAGE_SETTINGS,
            Page::Safety => shell::PAGE_SAFETY,
            Page::RightNow => shell::PAGE_RIGHT_NOW,
            Page::StoppingHarm => shell::PAGE_STOPPING_HARM,
        }
    }

    /// Title shown in the browser tab and read by screen readers on
    /// navigation. A guide's runner, review and results name the guide in
    /// theirs, so they build their own.
    pub fn document_title(&self) -> String {
        let page = match self {
            Page::Start => return "Mend".to_owned(),
            Page::Safety => words(shell::TITLE_SAFETY),
            Page::StoppingHarm => words(shell::TITLE_STOPPING_HARM),
            other => other.label(),
        };
        tab_title(page)
    }
}

/// `page` then the app, as a tab's title: "Settings · Mend".
pub fn tab_title(page: &str) -> String {
    fill(words(shell::TAB_TITLE), &[("page", page)])
}

/// A message in the language shown (in the browser), or in English (native
/// builds: tests).
#[cfg(target_arch = "wasm32")]
fn words(text: Text) -> &'static str {
    crate::i18n::t(text)
}

#[cfg(not(target_arch = "wasm32"))]
fn words(text: Text) -> &'static str {
    text.en()
}

/// Takes the `#` part out of the address bar, leaving the page where it is
/// and adding no history entry: what arrived there (an answer card, the
/// static intake's open screen) has been read and must not linger.
#[cfg(target_arch = "wasm32")]
pub fn drop_fragment(window: &web_sys::Window) {
    let location = window.location();
    let without = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&without));
    }
}

/// The router's pattern for each page, made of the same segments as
/// [`Page::path`] (a browser test, `tests/browser.rs`, matches every page's
/// path against its pattern with the router's own matcher).
#[cfg(target_arch = "wasm32")]
pub mod pattern {
    use super::*;
    use leptos_router::{ParamSegment, StaticSegment};

    type Fixed = StaticSegment<&'static str>;

    pub const START: () = ();
    pub const GUIDES: (Fixed,) = (StaticSegment(super::GUIDES),);
    pub const GUIDE: (Fixed, ParamSegment) =
        (StaticSegment(super::GUIDES), ParamSegment(GUIDE_PARAM));
    pub const REVIEW: (Fixed, ParamSegment, Fixed) = guide_part(super::REVIEW);
    pub const RESULTS: (Fixed, ParamSegment, Fixed) = guide_part(super::RESULTS);
    pub const COMPARE: (Fixed, ParamSegment, Fixed) = guide_part(super::COMPARE);
    pub const HISTORY: (Fixed,) = (StaticSegment(super::HISTORY),);
    pub const SUMMARY: (Fixed, Fixed) =
        (StaticSegment(super::HISTORY), StaticSegment(super::SUMMARY));
    pub const SETTINGS: (Fixed,) = (StaticSegment(super::SETTINGS),);
    pub const SAFETY: (Fixed,) = (StaticSegment(super::SAFETY),);
    pub const STOPPING_HARM: (Fixed, Fixed) = (
        StaticSegment(super::SAFETY),
        StaticSegment(super::STOPPING_HARM),
    );
    pub const RIGHT_NOW: (Fixed,) = (StaticSegment(super::RIGHT_NOW),);

    const fn guide_part(part: &'static str) -> (Fixed, ParamSegment, Fixed) {
        (
            StaticSegment(super::GUIDES),
            ParamSegment(GUIDE_PARAM),
            StaticSegment(part),
        )
    }
}

/// Turns the path of the document's base URL (`/` or `/mend/` when Mend is
/// served from a sub-path) into the router base (`""` or `/mend`).
pub fn router_base(base_path: &str) -> String {
    let trimmed = base_path.trim_end_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else if trimmed.starts_with('/') {
        trimmed.to_owned()
    } else {
        format!("/{trimmed}")
    }
}

/// The address of an in-app `path` when the app is served under `base` (as
/// returned by [`router_base`]). Links need it spelled out: the router matches
/// routes under its base but does not prefix the hrefs of its links.
pub fn href(base: &str, path: &str) -> String {
    if path == "/" {
        format!("{base}/")
    } else {
        format!("{base}{path}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn served_from_the_root_the_router_has_no_base() {
        assert_eq!(router_base("/"), "");
        assert_eq!(router_base(""), "");
    }

    #[test]
    fn served_from_a_sub_path_the_router_base_is_that_path() {
        assert_eq!(router_base("/mend/"), "/mend");
        assert_eq!(router_base("/apps/mend/"), "/apps/mend");
        assert_eq!(router_base("mend/"), "/mend");
    }

    #[test]
    fn links_carry_the_base_so_they_stay_inside_a_sub_path() {
        assert_eq!(href("", "/"), "/");
        assert_eq!(href("", "/guides"), "/guides");
        assert_eq!(href("/mend", "/"), "/mend/");
        assert_eq!(href("/mend", "/settings"), "/mend/settings");
    }

    #[test]
    fn every_navigation_page_has_its_own_path_and_label() {
        let paths: Vec<_> = Page::NAVIGATION.iter().map(Page::path).collect();
        let labels: Vec<_> = Page::NAVIGATION.iter().map(Page::label).collect();
        for (i, path) in paths.iter().enumerate() {
            assert!(path.starts_with('/'), "{path} must be absolute");
            assert!(!paths[i + 1..].contains(path), "{path} appears twice");
            assert!(!labels[i + 1..].contains(&labels[i]), "label repeated");
        }
    }

    #[test]
    fn tab_titles_name_the_page_then_the_app() {
        assert_eq!(Page::Start.document_title(), "Mend");
        assert_eq!(Page::Settings.document_title(), "Settings · Mend");
    }

    #[test]
    fn every_kind_of_page_has_its_own_address() {
        let paths: Vec<String> = Page::one_of_each_kind().iter().map(Page::path).collect();
        for (i, path) in paths.iter().enumerate() {
            assert!(path.starts_with('/'), "{path} must be absolute");
            assert!(!paths[i + 1..].contains(path), "{path} appears twice");
        }
    }

    #[test]
    fn a_guide_and_its_pages_live_under_its_address() {
        let id = GuideId::new("first-days");
        assert_eq!(Page::guide(&id).path(), "/guides/first-days");
        assert_eq!(
            Page::Guide(id.clone(), GuidePart::Review).path(),
            "/guides/first-days/review"
        );
        assert_eq!(
            Page::Guide(id, GuidePart::Compare).path(),
            "/guides/first-days/compare"
        );
        assert_eq!(Page::Summary.path(), "/history/summary");
        assert_eq!(Page::StoppingHarm.path(), "/safety/stopping-harm");
    }
}
