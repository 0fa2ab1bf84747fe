//! Browser tests (wasm-bindgen-test in headless Chromium) for the app's components.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use mend::components::UpdateBanner;
use mend::pwa::UpdateReady;
use mend::routes::{pattern, GuidePart, Page, GUIDE_PARAM};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element on the page for one test to mount into.
fn container() -> web_sys::HtmlElement {
    let element = document().create_element("div").expect("create a div");
    document()
        .body()
        .expect("the test page has a body")
        .append_child(&element)
        .expect("append the container");
    element.unchecked_into()
}

fn texts(root: &web_sys::HtmlElement, selector: &str) -> Vec<String> {
    let nodes = root.query_selector_all(selector).expect("valid selector");
    (0..nodes.length())
        .filter_map(|i| nodes.item(i))
        .filter_map(|node| node.text_content())
        .map(|text| text.trim().to_owned())
        .collect()
}

#[wasm_bindgen_test]
async fn the_app_shell_names_itself_and_links_every_page() {
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), mend::app::App);
    tick().await;

    assert_eq!(texts(&root, ".brand"), ["Mend"]);
    assert_eq!(
        texts(&root, "nav[aria-label='Main'] a"),
        ["Your path", "Guides", "History", "Settings"]
    );
    let footer = texts(&root, "footer").join(" ");
    assert!(
        footer.contains("stays in this browser, on this device"),
        "{footer}"
    );
    // No banner unless a new version is actually waiting.
    assert!(texts(&root, "[role='status']").is_empty());
    drop(handle);
}

#[wasm_bindgen_test]
async fn the_update_banner_appears_only_when_a_new_version_waits() {
    let root = container();
    let ready = UpdateReady::default();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        provide_context(ready);
        view! { <UpdateBanner /> }
    });
    tick().await;
    assert!(texts(&root, "[role='status']").is_empty());

    ready.0.set(true);
    tick().await;
    assert_eq!(
        texts(&root, "[role='status'] p"),
        ["A new version of Mend is ready."]
    );
    assert_eq!(texts(&root, "[role='status'] button"), ["Reload"]);
    drop(handle);
}

#[wasm_bindgen_test]
fn after_a_panic_the_page_says_what_happened_and_offers_reload_and_quick_exit() {
    let root = container();
    root.set_text_content(Some("An answer the user typed"));
    mend::recovery::show_in(&document(), &root);
    let text = root.text_content().unwrap_or_default();
    assert!(
        !text.contains("An answer the user typed"),
        "nothing of the page that broke stays on screen"
    );
    assert_eq!(texts(&root, "h1"), ["Mend hit a problem"]);
    assert!(text.contains("Everything saved up to now is kept"));
    assert!(
        root.query_selector("[role=alert]").ok().flatten().is_some(),
        "announced at once"
    );
    let links = root.query_selector_all("a").expect("valid selector");
    let reload = links
        .item(0)
        .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        .expect("a Reload link");
    assert_eq!(reload.text_content().as_deref(), Some("Reload"));
    assert_eq!(
        reload.get_attribute("href"),
        window().location().href().ok(),
        "Reload opens this same address again"
    );
    let leave = links
        .item(1)
        .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        .expect("a Quick exit link");
    assert_eq!(
        leave.get_attribute("href").as_deref(),
        Some(mend::domain::prefs::DEFAULT_EXIT_URL)
    );
    root.remove();
}

/// What the router's pattern for `page`'s kind makes of `path`: its
/// parameters, if the whole path matched. The match is exhaustive, so a new
/// kind of page cannot be added without a pattern.
fn kind_pattern(page: &Page, path: &str) -> Option<Vec<(String, String)>> {
    use leptos_router::PossibleRouteMatch;
    let found = match page {
        Page::Start => pattern::START.test(path),
        Page::Guides => pattern::GUIDES.test(path),
        Page::Guide(_, GuidePart::Questions) => pattern::GUIDE.test(path),
        Page::Guide(_, GuidePart::Review) => pattern::REVIEW.test(path),
        Page::Guide(_, GuidePart::Results) => pattern::RESULTS.test(path),
        Page::Guide(_, GuidePart::Compare) => pattern::COMPARE.test(path),
        Page::History => pattern::HISTORY.test(path),
        Page::Summary => pattern::SUMMARY.test(path),
        Page::Settings => pattern::SETTINGS.test(path),
        Page::Safety => pattern::SAFETY.test(path),
        Page::RightNow => pattern::RIGHT_NOW.test(path),
        Page::StoppingHarm => pattern::STOPPING_HARM.test(path),
    }?;
    found.is_complete().then(|| {
        found
            .params()
            .into_iter()
            .map(|(name, value)| (name.into_owned(), value))
            .collect()
    })
}

/// The router opens each page's own address with that page, and with no
/// other: a link made from `Page` always lands where it says.
#[wasm_bindgen_test]
fn every_page_is_found_by_its_own_route_and_by_no_other() {
    let pages = Page::one_of_each_kind();
    for page in &pages {
        let path = page.path();
        let params = kind_pattern(page, &path)
            .unwrap_or_else(|| panic!("{path} is not matched by the route of {page:?}"));
        match page {
            Page::Guide(id, _) => {
                assert_eq!(params, vec![(GUIDE_PARAM.to_owned(), id.to_string())]);
            }
            _ => assert!(params.is_empty(), "{path} has no parameter"),
        }
        for other in pages.iter().filter(|other| *other != page) {
            assert!(
                kind_pattern(other, &path).is_none(),
                "{path} would also open {other:?}"
            );
        }
    }
}

#[wasm_bindgen_test]
fn a_size_in_megabytes_is_written_the_way_the_language_shown_writes_it() {
    use mend::domain::msg::{show_table, Lang};
    show_table(Lang::Es, &[]);
    let spanish = mend::i18n::decimal(1.4);
    show_table(Lang::En, &[]);
    assert_eq!(spanish, "1,4", "a decimal comma in Spanish");
    assert_eq!(mend::i18n::decimal(1.4), "1.4");
}
