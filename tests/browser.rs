//! Browser tests (wasm-bindgen-test in headless Chromium) for the app's components.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use mend::components::UpdateBanner;
use mend::pwa::UpdateReady;
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

/// The navigation link named `name` under `root`.
fn nav_link(root: &web_sys::HtmlElement, name: &str) -> web_sys::HtmlElement {
    let links = root
        .query_selector_all("nav[aria-label='Main'] a")
        .expect("valid selector");
    (0..links.length())
        .filter_map(|i| links.item(i))
        .filter_map(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        .find(|link| link.text_content().is_some_and(|text| text.trim() == name))
        .unwrap_or_else(|| panic!("a navigation link named {name}"))
}

/// The router keeps a click on one of Mend's links in the tab: the address
/// changes with a new history entry, the page is not loaded again, and the
/// navigation marks the page shown; Back returns to the page before.
#[wasm_bindgen_test]
async fn a_link_to_a_page_of_mend_stays_in_the_tab_and_marks_the_page_shown() {
    let window = window();
    let history = window.history().expect("history");
    let start = window.location().pathname().expect("a path");
    let before = history.length().expect("a length");
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), mend::app::App);
    tick().await;

    nav_link(&root, "Guides").click();
    tick().await;
    assert_eq!(window.location().pathname().expect("a path"), "/guides");
    assert_eq!(
        history.length().expect("a length"),
        before + 1,
        "one new entry for Back"
    );
    let current = |name: &str| nav_link(&root, name).get_attribute("aria-current");
    assert_eq!(current("Guides").as_deref(), Some("page"));
    assert_eq!(current("Your path"), None);
    assert_eq!(texts(&root, "h1"), ["Guides"]);

    history.back().expect("back");
    // Back is asynchronous: its popstate arrives on a later task.
    for _ in 0..50 {
        if window.location().pathname().ok().as_deref() != Some("/guides") {
            break;
        }
        sleep(20).await;
    }
    tick().await;
    assert_eq!(window.location().pathname().expect("a path"), start);
    assert_eq!(
        current("Guides"),
        None,
        "Guides is no longer marked after Back"
    );
    drop(handle);
    root.remove();
}

/// Waits `ms` milliseconds (a browser timer, no extra crate).
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
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

#[wasm_bindgen_test]
fn a_size_in_megabytes_is_written_the_way_the_language_shown_writes_it() {
    use mend::domain::msg::{show_table, Lang};
    show_table(Lang::Es, &[]);
    let spanish = mend::i18n::decimal(1.4);
    show_table(Lang::En, &[]);
    assert_eq!(spanish, "1,4", "a decimal comma in Spanish");
    assert_eq!(mend::i18n::decimal(1.4), "1.4");
}
