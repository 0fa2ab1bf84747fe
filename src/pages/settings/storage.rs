//! Settings: how much room Mend's data takes, and asking the browser not to
//! clear it when space runs low (persistent storage).

use leptos::prelude::*;

use crate::components::alive;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::domain::store::is_mend_key;
use crate::i18n::{msg::settings, t, tf};

/// Bytes Mend's keys take in localStorage, which stores text as UTF-16.
fn mend_bytes() -> Option<f64> {
    let storage = window().local_storage().ok().flatten()?;
    let length = storage.length().ok()?;
    let mut units = 0usize;
    for index in 0..length {
        let Some(key) = storage.key(index).ok().flatten() else {
            continue;
        };
        if is_mend_key(&key) {
            let value = storage.get_item(&key).ok().flatten().unwrap_or_default();
            units += key.encode_utf16().count() + value.encode_utf16().count();
        }
    }
    Some(units as f64 * 2.0)
}

/// "12 KB", "1.4 MB": sizes the way people read them.
fn size(bytes: f64) -> String {
    let (message, amount) = if bytes < 1000.0 {
        (settings::SIZE_BYTES, format!("{bytes:.0}"))
    } else if bytes < 1_000_000.0 {
        (
            settings::SIZE_KB,
            format!("{:.0}", (bytes / 1000.0).max(1.0)),
        )
    } else if bytes < 1_000_000_000.0 {
        (settings::SIZE_MB, crate::i18n::decimal(bytes / 1_000_000.0))
    } else {
        (settings::SIZE_GB, format!("{:.0}", bytes / 1_000_000_000.0))
    };
    tf(message, &[("size", &amount)])
}

fn manager() -> Option<web_sys::StorageManager> {
    let navigator = window().navigator();
    // Older browsers have no `navigator.storage` at all.
    js_sys::Reflect::has(&navigator, &"storage".into())
        .unwrap_or(false)
        .then(|| navigator.storage())
}

async fn ask(
    promise: Result<js_sys::Promise, wasm_bindgen::JsValue>,
) -> Option<wasm_bindgen::JsValue> {
    JsFuture::from(promise.ok()?).await.ok()
}

#[derive(Clone, Copy, PartialEq)]
enum Persistence {
    Unknown,
    Persistent,
    BestEffort,
    Refused,
    Unsupported,
}

#[component]
pub fn StorageSettings() -> impl IntoView {
    let used = RwSignal::new(mend_bytes());
    let quota = RwSignal::new(None::<(f64, f64)>);
    let persistence = RwSignal::new(Persistence::Unknown);
    wasm_bindgen_futures::spawn_local(async move {
        let Some(manager) = manager() else {
            return alive(persistence, Persistence::Unsupported);
        };
        if let Some(estimate) = ask(manager.estimate()).await {
            let estimate: web_sys::StorageEstimate = estimate.unchecked_into();
            if let (Some(usage), Some(total)) = (estimate.get_usage(), estimate.get_quota()) {
                alive(quota, Some((usage, total)));
            }
        }
        alive(
            persistence,
            match ask(manager.persisted()).await.and_then(|v| v.as_bool()) {
                Some(true) => Persistence::Persistent,
                Some(false) => Persistence::BestEffort,
                None => Persistence::Unsupported,
            },
        );
    });
    let request = move |_| {
        wasm_bindgen_futures::spawn_local(async move {
            let Some(manager) = manager() else { return };
            alive(
                persistence,
                match ask(manager.persist()).await.and_then(|v| v.as_bool()) {
                    Some(true) => Persistence::Persistent,
                    Some(false) => Persistence::Refused,
                    None => Persistence::Unsupported,
                },
            );
            alive(used, mend_bytes());
        });
    };
    view! {
        <section class="card" aria-labelledby="settings-storage">
            <h2 id="settings-storage">{t(settings::STORAGE_HEADING)}</h2>
            <dl class="facts">
                <dt>{t(settings::STORAGE_YOURS)}</dt>
                <dd>{move || used.get().map(size).unwrap_or_else(|| t(settings::NOT_AVAILABLE).into())}</dd>
                <dt>{t(settings::STORAGE_TOTAL)}</dt>
                <dd>{move || quota.get().map(|(usage, total)| tf(settings::USAGE_OF_QUOTA, &[("used", &size(usage)), ("total", &size(total))])).unwrap_or_else(|| t(settings::NOT_REPORTED).into())}</dd>
                <dt>{t(settings::KEPT_LABEL)}</dt>
                // The status role sits inside the <dd>: a <dl> may hold only
                // term and description groups (axe: definition-list).
                <dd><span role="status">{move || match persistence.get() {
                    Persistence::Unknown => t(settings::CHECKING),
                    Persistence::Persistent => t(settings::KEPT_YES),
                    Persistence::BestEffort => t(settings::KEPT_NOT_GUARANTEED),
                    Persistence::Refused => t(settings::KEPT_REFUSED),
                    Persistence::Unsupported => t(settings::KEPT_UNKNOWN),
                }}</span></dd>
            </dl>
            <Show when=move || matches!(persistence.get(), Persistence::BestEffort | Persistence::Refused)>
                <p>
                    <button type="button" class="button" on:click=request>{t(settings::ASK_KEEP)}</button>
                </p>
            </Show>
        </section>
    }
}
