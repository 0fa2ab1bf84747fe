//! The app's pages as a typed enum: paths, navigation labels and the router base.

/// A top-level page of the app. Routes and navigation are built from this list,
/// so a page cannot be added to one and forgotten in the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Start,
    Guides,
    History,
    Settings,
    Safety,
    /// Crisis lines and what to do right now (thoughts of suicide or self-harm).
    RightNow,
    /// For people who have frightened, threatened, hurt or controlled someone.
    StoppingHarm,
}

impl Page {
    /// The pages shown in the main navigation, in order.
    pub const NAVIGATION: [Page; 4] = [Page::Start, Page::Guides, Page::History, Page::Settings];

    /// Path of the page, relative to the router base.
    pub fn path(self) -> &'static str {
        match self {
            Page::Start => "/",
            Page::Guides => "/guides",
            Page::History => "/history",
            Page::Settings => "/settings",
            Page::Safety => "/safety",
            Page::RightNow => "/right-now",
            Page::StoppingHarm => "/safety/stopping-harm",
        }
    }

    /// Label in the navigation, also the page's accessible link name.
    pub fn label(self) -> &'static str {
        match self {
            Page::Start => "Your path",
            Page::Guides => "Guides",
            Page::History => "History",
            Page::Settings => "Settings",
            Page::Safety => "Safety",
            Page::RightNow => "Right now",
            Page::StoppingHarm => "If you have frightened or hurt someone",
        }
    }

    /// Title shown in the browser tab and read by screen readers on navigation.
    pub fn document_title(self) -> String {
        match self {
            Page::Start => "Mend".to_owned(),
            Page::Safety => "Your safety · Mend".to_owned(),
            Page::RightNow => "Right now · Mend".to_owned(),
            Page::StoppingHarm => "Stopping harm · Mend".to_owned(),
            other => format!("{} · Mend", other.label()),
        }
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
        let paths: Vec<_> = Page::NAVIGATION.iter().map(|p| p.path()).collect();
        let labels: Vec<_> = Page::NAVIGATION.iter().map(|p| p.label()).collect();
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
}
