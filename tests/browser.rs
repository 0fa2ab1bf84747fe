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
