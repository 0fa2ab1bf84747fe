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
    assert_eq!(texts(&root, "h1"), [mend::recovery::HEADING]);
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
