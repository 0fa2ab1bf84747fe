//! Pages loaded on demand: each page here lives in a chunk of WebAssembly
//! of its own (wasm-split, see scripts/build_wasm.py), downloaded the first
//! time the page opens, so its cost falls on the people who use it.
//!
//! A chunk that fails to load (offline before the first full visit, a
//! dropped connection) shows a plain message with "Try again"; the loader
//! does not remember failures, so trying again downloads afresh.

use leptos::prelude::*;
#[cfg(feature = "split")]
use split::*;

#[cfg(feature = "split")]
mod split {
    pub use std::future::Future;
    pub use std::pin::Pin;

    pub use leptos::wasm_split::{wasm_split, SplitLoaderError};
    pub use send_wrapper::SendWrapper;

    pub use crate::components::unavailable;
    pub use crate::i18n::{msg, t, tf};
}

#[cfg(feature = "split")]
type Loaded = Pin<Box<dyn Future<Output = Result<AnyView, SplitLoaderError>>>>;

/// Declares the component `$lazy`, which shows `$page` from chunk `$chunk`
/// (downloaded the first time), naming it with the message `$what` (a key
/// of `msg::shell`) while it loads or fails.
macro_rules! lazy_page {
    ($lazy:ident, $chunk:ident, $page:path, $what:ident) => {
        #[component]
        pub fn $lazy() -> impl IntoView {
            use $page as Page;
            #[cfg(feature = "split")]
            {
                #[wasm_split($chunk, fallible, wasm_split_path = ::leptos::wasm_split)]
                fn load() -> Result<AnyView, SplitLoaderError> {
                    Ok(view! { <Page /> }.into_any())
                }
                lazy(t(msg::shell::$what), || Box::pin(load())).into_any()
            }
            // Builds that are not split (cargo test, the browser tests) have
            // no loader to fetch chunks with: the page is simply there.
            #[cfg(not(feature = "split"))]
            {
                view! { <Page /> }.into_any()
            }
        }
    };
}

lazy_page!(
    LazyHistory,
    history,
    crate::pages::history::History,
    WHAT_HISTORY
);
lazy_page!(
    LazySummary,
    summary,
    crate::pages::summary::Summary,
    WHAT_SUMMARY
);
lazy_page!(
    LazySettings,
    settings,
    crate::pages::settings::Settings,
    WHAT_SETTINGS
);
lazy_page!(
    LazyCompare,
    compare,
    crate::pages::compare::GuideCompare,
    WHAT_COMPARE
);
lazy_page!(
    LazyReview,
    review,
    crate::pages::guide::GuideReview,
    WHAT_REVIEW
);
lazy_page!(
    LazyResults,
    results,
    crate::pages::guide::GuideResults,
    WHAT_RESULTS
);
lazy_page!(
    LazyStoppingHarm,
    stopping_harm,
    crate::pages::stopping_harm::StoppingHarm,
    WHAT_PAGE
);

/// Renders the page `load` downloads; `what` names it while it loads or fails.
#[cfg(feature = "split")]
fn lazy(what: &'static str, load: fn() -> Loaded) -> impl IntoView {
    let attempt = RwSignal::new(0_u32);
    let opening = move || view! { <p class="muted" role="status">{tf(msg::shell::OPENING, &[("what", what)])}</p> };
    view! {
        <Suspense fallback=opening>
            {move || {
                attempt.track();
                let loading = SendWrapper::new(load());
                Suspend::new(async move {
                    match loading.await {
                        Ok(page) => page,
                        Err(_) => unavailable(what, t(msg::shell::UNREACHABLE), move || {
                            attempt.update(|n| *n += 1)
                        })
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
