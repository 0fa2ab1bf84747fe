//! History's answer-card exchanges (Compare): each with its guide, when it
//! started and where it stands, a link to it, and a way to delete it.

use leptos::prelude::*;

use crate::content::library;
use crate::i18n::{msg, t, tf};
use crate::routes::{Page, EXCHANGE_QUERY};
use crate::store::{Store, Urgency};

#[component]
pub fn ExchangesSection() -> impl IntoView {
    let store = expect_context::<Store>();
    let rows = move || {
        store.read(|d| {
            d.exchanges
                .iter()
                .rev()
                .map(|e| {
                    let title = library()
                        .guide(e.guide())
                        .map(|g| g.title().render(&d.profile.wording))
                        .unwrap_or_else(|| e.guide().to_string());
                    let id = e.id().to_owned();
                    let href = Page::compare(e.guide()).href_with(EXCHANGE_QUERY, e.id());
                    let started = e.started_on().long();
                    let label = tf(
                        msg::history::DELETE_EXCHANGE,
                        &[("title", &title), ("date", &started)],
                    );
                    let label_for_good = tf(
                        msg::history::DELETE_EXCHANGE_FOR_GOOD,
                        &[("title", &title), ("date", &started)],
                    );
                    // Deleting takes the other person's answers and the
                    // code with it, so it asks twice.
                    let asked = RwSignal::new(false);
                    view! {
                        <li class="history__item">
                            <time datetime=e.started_on().to_string()>{e.started_on().long()}</time>
                            " "
                            <a href=href>{title}</a>
                            <span class="muted">{format!(" ({})", e.stage_in_words())}</span>
                            " "
                            {move || {
                                let id = id.clone();
                                if asked.get() {
                                    view! {
                                        <button type="button" class="button button--danger" aria-label=label_for_good.clone()
                                            on:click=move |_| store.change(Urgency::Now, |d| d.exchanges.remove(&id))>
                                            {t(msg::history::DELETE_FOR_GOOD)}
                                        </button>
                                    }.into_any()
                                } else {
                                    view! {
                                        <button type="button" class="button button--quiet" aria-label=label.clone()
                                            on:click=move |_| asked.set(true)>
                                            {t(msg::history::DELETE)}
                                        </button>
                                    }.into_any()
                                }
                            }}
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    move || {
        let rows = rows();
        (!rows.is_empty()).then(|| {
            view! {
                <section class="card" aria-labelledby="history-exchanges">
                    <h2 id="history-exchanges">{t(msg::history::EXCHANGES_HEADING)}</h2>
                    <p class="field-help">{t(msg::history::EXCHANGES_HELP)}</p>
                    <ul class="history">{rows}</ul>
                </section>
            }
        })
    }
}
