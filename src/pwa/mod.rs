//! Installable, offline Mend: registers the service worker and relays updates.
//!
//! The worker itself is `sw.template.js`; `scripts/precache.py` fills in its
//! precache list and cache name from the files of each release build.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/pwa/sw_client.js")]
extern "C" {
    #[wasm_bindgen(js_name = registerServiceWorker)]
    fn register_service_worker(script_url: &str, scope: &str, on_update_ready: &Closure<dyn Fn()>);
    #[wasm_bindgen(js_name = unregisterServiceWorkers)]
    fn unregister_service_workers();
    #[wasm_bindgen(js_name = applyUpdate)]
    fn apply_waiting_update() -> bool;
    #[wasm_bindgen(js_name = offlineStatus)]
    fn offline_status_code() -> String;
}

/// True once a new version has installed and waits for the user's go-ahead.
#[derive(Debug, Clone, Copy, Default)]
pub struct UpdateReady(pub RwSignal<bool>);

/// Whether this page can work offline right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfflineStatus {
    Ready,
    Preparing,
    Unsupported,
    DevelopmentBuild,
}

pub fn offline_status() -> OfflineStatus {
    if cfg!(debug_assertions) {
        return OfflineStatus::DevelopmentBuild;
    }
    match offline_status_code().as_str() {
        "ready" => OfflineStatus::Ready,
        "unsupported" => OfflineStatus::Unsupported,
        _ => OfflineStatus::Preparing,
    }
}

/// The path Mend is served from: `/`, or `/mend/` on a sub-path. Trunk writes
/// it into `<base href>` at build time (`--public-url`).
pub fn base_path() -> String {
    base_url()
        .and_then(|url| web_sys::Url::new(&url).ok())
        .map(|url| url.pathname())
        .unwrap_or_else(|| "/".to_owned())
}

fn base_url() -> Option<String> {
    document().base_uri().ok().flatten()
}

/// Registers the service worker in release builds. Development builds
/// unregister any worker left by an earlier release build on the same address,
/// so that `trunk serve` always shows the code being edited.
pub fn register(update: UpdateReady) {
    if cfg!(debug_assertions) {
        unregister_service_workers();
        return;
    }
    let Some(scope) = base_url() else { return };
    let on_update_ready = Closure::<dyn Fn()>::new(move || update.0.set(true));
    register_service_worker(&format!("{scope}sw.js"), &scope, &on_update_ready);
    // The worker may report an update at any time while the page lives.
    on_update_ready.forget();
}

/// Activates the waiting version; the page reloads once it has taken over.
pub fn apply_update() {
    if !apply_waiting_update() {
        // No worker is waiting any more (another tab already activated it):
        // a plain reload picks up the version now in control.
        let _ = window().location().reload();
    }
}
