//! The app shell: router, header with navigation, update banner and footer.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};

use crate::components::safety::use_safety;
use crate::components::{set_neutral_tab_title, ClosedScreen, LockScreen, Notices, UpdateBanner};
use crate::i18n::{msg, t, Language};
use crate::pages::guide::GuideRunner;
use crate::pages::{
    Guides, LazyCompare, LazyHistory, LazyResults, LazyReview, LazySettings, LazyStoppingHarm,
    LazySummary, NotFound, RightNow, Safety, Start,
};
use crate::privacy::{quick_exit, Privacy};
use crate::pwa::{self, UpdateReady};
use crate::routes::{pattern, router_base, Page};
use crate::store::Store;

#[component]
pub fn App() -> impl IntoView {
    let update_ready = UpdateReady::default();
    provide_context(update_ready);
    pwa::register(update_ready);
    let store = Store::open();
    provide_context(store);
    let privacy = Privacy::install(store);
    provide_context(privacy);
    let safety = use_safety();
    // The tab says "Notes" while the neutral title is on (Settings; by
    // default whenever a passphrase is set or danger holds), on every page.
    Effect::new(move |_| {
        let protected = store.protected().get();
        let danger = safety.with(|s| s.danger());
        set_neutral_tab_title(privacy.prefs().with(|p| p.neutral_title(protected, danger)));
    });
    // The language chosen in Settings (here or in another tab), else the
    // browser's; the pages are rebuilt in it once its words are here.
    let language = Language::new();
    provide_context(language);
    Effect::new(move |_| {
        let browser = crate::i18n::browser_languages();
        let wanted = privacy
            .prefs()
            .with(|p| p.language(browser.iter().map(String::as_str)));
        language.choose(wanted);
    });
    let shut = move || store.locked().get() || privacy.closed().get();
    // While a crisis answer stands and the user has not said they are safe
    // now, the "Right now" page is one tap away from every page.
    let crisis_open = move || !shut() && safety.with(|s| s.crisis_open);

    move || {
        // Read to rebuild every page in the language chosen.
        let _ = language.get();
        view! {
            <Router base=router_base(&pwa::base_path())>
                <UpdateBanner />
                <header class="site-header">
                    <div class="site-header__inner">
                        <div class="site-header__top">
                            <A href=Page::Start.href() attr:class="brand">
                                <img class="brand__mark" src="icons/mend.svg" alt="" width="28" height="28" />
                                <span>"Mend"</span>
                            </A>
                            // One click from every page, whatever else is going on.
                            <A href=Page::Safety.href() attr:class="safety-link">{Page::Safety.label()}</A>
                            <button type="button" class="quick-exit" on:click=move |_| quick_exit(store, privacy)
                                title=t(msg::shell::QUICK_EXIT_TITLE)>
                                {t(msg::shell::QUICK_EXIT)}
                            </button>
                        </div>
                        <Show when=crisis_open>
                            <p class="now-bar">
                                <A href=Page::RightNow.href() attr:class="now-bar__link">{t(msg::shell::NOW_BAR)}</A>
                            </p>
                        </Show>
                        <nav class="site-nav" aria-label=t(msg::shell::NAV_MAIN) hidden=shut>
                            <ul>
                                {Page::NAVIGATION
                                    .into_iter()
                                    .map(|page| view! {
                                        <li>
                                            <A href=page.href()>{page.label()}</A>
                                        </li>
                                    })
                                    .collect_view()}
                            </ul>
                        </nav>
                    </div>
                </header>
                <Notices />
                <main id="main" class="page">
                    <Show when=move || !shut() fallback=move || view! {
                        {move || if privacy.closed().get() {
                            view! { <ClosedScreen /> }.into_any()
                        } else {
                            view! { <LockScreen /> }.into_any()
                        }}
                    }>
                    <Routes fallback=|| view! { <NotFound /> }>
                        <Route path=pattern::START view=Start />
                        <Route path=pattern::GUIDES view=Guides />
                        <Route path=pattern::GUIDE view=GuideRunner />
                        <Route path=pattern::REVIEW view=LazyReview />
                        <Route path=pattern::RESULTS view=LazyResults />
                        <Route path=pattern::COMPARE view=LazyCompare />
                        <Route path=pattern::HISTORY view=LazyHistory />
                        <Route path=pattern::SUMMARY view=LazySummary />
                        <Route path=pattern::SETTINGS view=LazySettings />
                        <Route path=pattern::SAFETY view=Safety />
                        <Route path=pattern::STOPPING_HARM view=LazyStoppingHarm />
                        <Route path=pattern::RIGHT_NOW view=RightNow />
                    </Routes>
                    </Show>
                </main>
                <footer class="site-footer">
                    <p>{t(msg::shell::FOOTER)}</p>
                </footer>
            </Router>
        }
    }
}
