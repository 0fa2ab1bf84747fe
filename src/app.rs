//! The app shell: the page the address names, header with navigation,
//! update banner and footer.

use leptos::prelude::*;

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
use crate::router;
use crate::routes::Page;
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
    router::install();
    let page = router::page();

    move || {
        // Read to rebuild every page in the language chosen.
        let _ = language.get();
        view! {
            <UpdateBanner />
                <header class="site-header">
                    <div class="site-header__inner">
                        <div class="site-header__top">
                            <a href=Page::Start.href() class="brand" aria-current=current_marker(&Page::Start)>
                                <img class="brand__mark" src="icons/mend.svg" alt="" width="28" height="28" />
                                <span>"Mend"</span>
                            </a>
                            // One click from every page, whatever else is going on.
                            <a href=Page::Safety.href() class="safety-link" aria-current=current_marker(&Page::Safety)>
                                {Page::Safety.label()}
                            </a>
                            <button type="button" class="quick-exit" on:click=move |_| quick_exit(store, privacy)
                                title=t(msg::shell::QUICK_EXIT_TITLE)>
                                {t(msg::shell::QUICK_EXIT)}
                            </button>
                        </div>
                        <Show when=crisis_open>
                            <p class="now-bar">
                                <a href=Page::RightNow.href() class="now-bar__link">{t(msg::shell::NOW_BAR)}</a>
                            </p>
                        </Show>
                        <nav class="site-nav" aria-label=t(msg::shell::NAV_MAIN) hidden=shut>
                            <ul>
                                {Page::NAVIGATION
                                    .into_iter()
                                    .map(|page| view! {
                                        <li>
                                            <NavLink page />
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
                        {move || page_view(page.get())}
                    </Show>
                </main>
                <footer class="site-footer">
                    <p>{t(msg::shell::FOOTER)}</p>
                </footer>
        }
    }
}

/// The page the address names; "page not found" where Mend has none.
fn page_view(page: Option<Page>) -> AnyView {
    use crate::routes::GuidePart;
    match page {
        Some(Page::Start) => view! { <Start /> }.into_any(),
        Some(Page::Guides) => view! { <Guides /> }.into_any(),
        Some(Page::Guide(_, GuidePart::Questions)) => view! { <GuideRunner /> }.into_any(),
        Some(Page::Guide(_, GuidePart::Review)) => view! { <LazyReview /> }.into_any(),
        Some(Page::Guide(_, GuidePart::Results)) => view! { <LazyResults /> }.into_any(),
        Some(Page::Guide(_, GuidePart::Compare)) => view! { <LazyCompare /> }.into_any(),
        Some(Page::History) => view! { <LazyHistory /> }.into_any(),
        Some(Page::Summary) => view! { <LazySummary /> }.into_any(),
        Some(Page::Settings) => view! { <LazySettings /> }.into_any(),
        Some(Page::Safety) => view! { <Safety /> }.into_any(),
        Some(Page::RightNow) => view! { <RightNow /> }.into_any(),
        Some(Page::StoppingHarm) => view! { <LazyStoppingHarm /> }.into_any(),
        None => view! { <NotFound /> }.into_any(),
    }
}

/// A link in the main navigation, marked as the current page (`aria-current`)
/// on its page and the pages inside it.
#[component]
fn NavLink(page: Page) -> impl IntoView {
    view! { <a href=page.href() aria-current=current_marker(&page)>{page.label()}</a> }
}

/// `aria-current` for a link to `page`: "page" on that page and the pages
/// inside it, so a screen reader says which page is shown.
fn current_marker(page: &Page) -> impl Fn() -> Option<&'static str> + Send + Sync + 'static {
    let href = page.href();
    move || router::is_current_page(&href).then_some("page")
}
