//! The app's pages as a typed enum: their addresses, how an address is read
//! back into a page (the router, `crate::router`, asks [`Page::at`]),
//! navigation labels and the router base.

use crate::domain::ids::GuideId;
use crate::domain::msg::{fill, shell, Text};

/// Every page of the app, the one place its address is written: reading an
/// address ([`Page::at`]), the navigation and every link come from here, so
/// a page cannot be added to one and forgotten in another, and no address
/// is typed twice.
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

// The segments of every address, shared by `Page::path` and `Page::at`.
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

    /// One page of each kind, for the route table's tests.
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

    /// The page at `path` (relative to the router base, as [`Page::path`]
    /// writes it), or `None` for an address Mend has no page at. One
    /// trailing slash is forgiven ("/guides/" is Guides). Every page's own
    /// path reads back as that page (a test).
    pub fn at(path: &str) -> Option<Page> {
        let path = match path.strip_suffix('/') {
            Some(trimmed) if !trimmed.is_empty() => trimmed,
            _ => path,
        };
        let mut segments = path.strip_prefix('/')?.split('/');
        let first = segments.next().unwrap_or_default();
        let second = segments.next();
        let third = segments.next();
        if segments.next().is_some() {
            return None;
        }
        let guide_part = |part: Option<&str>| match part {
            None => Some(GuidePart::Questions),
            Some(REVIEW) => Some(GuidePart::Review),
            Some(RESULTS) => Some(GuidePart::Results),
            Some(COMPARE) => Some(GuidePart::Compare),
            Some(_) => None,
        };
        Some(match (first, second, third) {
            ("", None, None) => Page::Start,
            (GUIDES, None, None) => Page::Guides,
            (GUIDES, Some(id), part) if !id.is_empty() => {
                Page::Guide(GuideId::new(id), guide_part(part)?)
            }
            (HISTORY, None, None) => Page::History,
            (HISTORY, Some(SUMMARY), None) => Page::Summary,
            (SETTINGS, None, None) => Page::Settings,
            (SAFETY, None, None) => Page::Safety,
            (SAFETY, Some(STOPPING_HARM), None) => Page::StoppingHarm,
            (RIGHT_NOW, None, None) => Page::RightNow,
            _ => return None,
        })
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

/// The in-app path of `pathname` (an address bar's path) when the app is
/// served under `base` (as returned by [`router_base`]): `None` for an
/// address outside Mend's sub-path.
pub fn within_base<'a>(base: &str, pathname: &'a str) -> Option<&'a str> {
    let rest = pathname.strip_prefix(base)?;
    if rest.is_empty() {
        Some("/")
    } else if rest.starts_with('/') {
        Some(rest)
    } else {
        None
    }
}

/// Whether a link to `link` (an in-app path) leads to the page at `current`
/// or to one inside it (Guides is current on a guide's pages). The start
/// page is current only on itself, since every page is inside it.
pub fn is_current(link: &str, current: &str) -> bool {
    link == current
        || (link != "/"
            && current
                .strip_prefix(link)
                .is_some_and(|rest| rest.starts_with('/')))
}

/// The value of the query parameter `name` in `search` ("?entry=e1&from=review"),
/// percent-decoded, as a browser's `URLSearchParams` would give it.
pub fn query_value(search: &str, name: &str) -> Option<String> {
    search
        .strip_prefix('?')
        .unwrap_or(search)
        .split('&')
        .filter_map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(key) == name).then(|| decode(value))
        })
        .next()
}

/// `%XX` escapes and `+` (a space in a query) turned back into text; an
/// escape that is not UTF-8 becomes U+FFFD, as in a browser.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|b| (*b as char).to_digit(16));
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                if let (Some(high), Some(low)) = (hex(i + 1), hex(i + 2)) {
                    out.push((high * 16 + low) as u8);
                    i += 3;
                    continue;
                }
                out.push(b'%');
            }
            other => out.push(other),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
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

    /// Each kind of page, numbered; exhaustive, so a new kind of page cannot
    /// be left out of `one_of_each_kind` (the test below counts them).
    fn kind(page: &Page) -> usize {
        match page {
            Page::Start => 0,
            Page::Guides => 1,
            Page::Guide(_, GuidePart::Questions) => 2,
            Page::Guide(_, GuidePart::Review) => 3,
            Page::Guide(_, GuidePart::Results) => 4,
            Page::Guide(_, GuidePart::Compare) => 5,
            Page::History => 6,
            Page::Summary => 7,
            Page::Settings => 8,
            Page::Safety => 9,
            Page::RightNow => 10,
            Page::StoppingHarm => 11,
        }
    }

    #[test]
    fn every_page_is_found_again_at_its_own_address() {
        let kinds: Vec<usize> = Page::one_of_each_kind().iter().map(kind).collect();
        assert_eq!(
            kinds,
            (0..12).collect::<Vec<_>>(),
            "one page of each kind, in order"
        );
        for page in Page::one_of_each_kind() {
            assert_eq!(
                Page::at(&page.path()),
                Some(page.clone()),
                "{}",
                page.path()
            );
            let slashed = format!("{}/", page.path());
            assert_eq!(Page::at(&slashed), Some(page.clone()), "{slashed}");
        }
    }

    #[test]
    fn an_address_mend_has_no_page_at_is_none() {
        for path in [
            "",
            "guides//review",
            "/guides//review",
            "/guides/first-days/edit",
            "/guides/first-days/review/more",
            "/history/other",
            "/safety/elsewhere",
            "/nothing-here",
            "/settings/x",
        ] {
            assert_eq!(Page::at(path), None, "{path}");
        }
    }

    #[test]
    fn the_in_app_path_is_what_follows_the_base() {
        assert_eq!(within_base("", "/guides"), Some("/guides"));
        assert_eq!(within_base("", "/"), Some("/"));
        assert_eq!(within_base("/mend", "/mend"), Some("/"));
        assert_eq!(within_base("/mend", "/mend/"), Some("/"));
        assert_eq!(within_base("/mend", "/mend/history"), Some("/history"));
        assert_eq!(within_base("/mend", "/mendel/history"), None);
        assert_eq!(within_base("/mend", "/other"), None);
    }

    #[test]
    fn a_link_is_current_on_its_page_and_the_pages_inside_it() {
        assert!(is_current("/", "/"));
        assert!(!is_current("/", "/guides"));
        assert!(is_current("/guides", "/guides"));
        assert!(is_current("/guides", "/guides/first-days/review"));
        assert!(!is_current("/guides", "/guidesx"));
        assert!(!is_current("/history", "/guides"));
        assert!(is_current("/history", "/history/summary"));
    }

    #[test]
    fn query_values_are_read_and_decoded() {
        assert_eq!(
            query_value("?entry=e-1&from=review", "from").as_deref(),
            Some("review")
        );
        assert_eq!(
            query_value("?entry=e-1&from=review", "entry").as_deref(),
            Some("e-1")
        );
        assert_eq!(
            query_value("entry=a%20b+c", "entry").as_deref(),
            Some("a b c")
        );
        assert_eq!(
            query_value("?name=%C3%A9t%C3%A9", "name").as_deref(),
            Some("été")
        );
        assert_eq!(query_value("?flag&x=1", "flag").as_deref(), Some(""));
        assert_eq!(query_value("?x=%zz", "x").as_deref(), Some("%zz"));
        assert_eq!(query_value("", "entry"), None);
        assert_eq!(query_value("?entryx=1", "entry"), None);
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
