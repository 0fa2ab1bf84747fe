//! The History page: every finished guide and check-in, newest first.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::reminder::download;
use crate::components::{PageHeading, TrustOverTime};
use crate::content::library;
use crate::domain::calendar::{review_title, Reminder};
use crate::domain::ids::GuideId;
use crate::domain::program::progress::CHECK_IN_GUIDE;
use crate::domain::program::review::review_dates;
use crate::i18n::{msg, t, tf, tn};
use crate::routes::{Page, ENTRY_QUERY};
use crate::store::Store;

mod commitments;
mod exchanges;
use commitments::CommitmentsSection;
use exchanges::ExchangesSection;

/// How many finished guides the list shows before "Show all": enough for
/// months of weekly check-ins, few enough that years of them open quickly.
const NEWEST: usize = 100;
/// The id of the list of finished guides.
const FINISHED_LIST: &str = "history-finished";

#[component]
pub fn History() -> impl IntoView {
    let store = expect_context::<Store>();
    // Set by "Show all"; kept while the page is open.
    let all_shown = RwSignal::new(false);
    let finished = move || {
        store.read(|d| {
            let mut rows: Vec<_> = d
                .entries
                .iter()
                .filter_map(|entry| {
                    Some((
                        entry.completed_on()?,
                        entry,
                        library().guide(entry.guide())?,
                    ))
                })
                .collect();
            // Newest first; the stored order (oldest first) breaks ties.
            rows.reverse();
            rows.sort_by_key(|row| std::cmp::Reverse(row.0));
            let total = rows.len();
            let shown = if all_shown.get() { total } else { NEWEST };
            let items = rows
                .into_iter()
                .take(shown)
                .map(|(date, entry, guide)| {
                    let href =
                        Page::results(guide.id()).href_with(ENTRY_QUERY, &entry.id().to_string());
                    let title = guide.title().render(&d.profile.wording);
                    view! {
                        <li class="history__item">
                            <time datetime=date.to_string()>{date.long()}</time>
                            " "
                            <a href=href>{title}</a>
                        </li>
                    }
                })
                .collect::<Vec<_>>();
            (items, total)
        })
    };
    // The button goes with the rest of the list drawn; focus moves to the
    // first entry it brought, where the reader goes on.
    let show_all = move || {
        all_shown.set(true);
        request_animation_frame(|| {
            let first_new = format!("#{FINISHED_LIST} > li:nth-child({}) a", NEWEST + 1);
            if let Some(link) = document()
                .query_selector(&first_new)
                .ok()
                .flatten()
                .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = link.focus();
            }
        });
    };
    let reminder_error = RwSignal::new(None::<&'static str>);
    let has_finished = move || store.read(|d| d.entries.iter().any(|e| e.is_completed()));
    let has_check_ins =
        move || store.read(|d| !d.entries.history(&GuideId::new(CHECK_IN_GUIDE)).is_empty());
    // Dates the user set in a guide to look again, soonest first.
    let reviews = move || {
        store.read(|d| {
            review_dates(&d.entries, library())
                .into_iter()
                .map(|r| {
                    let title = r.guide.title().render(&d.profile.wording);
                    let question = r.question.text().render(&d.profile.wording);
                    let day = r.date;
                    view! {
                        <li class="history__item">
                            <time datetime=r.date.to_string()>{r.date.long()}</time>
                            " "
                            <a href=Page::review(r.guide.id()).href()>{title}</a>
                            <span class="muted">{format!(" ({question})")}</span>
                            " "
                            // A one-off reminder in the user's calendar, with
                            // a title that says nothing about what it is for.
                            <button type="button" class="button button--quiet"
                                aria-label=tf(msg::history::ADD_DAY_TO_CALENDAR, &[("date", &day.long())])
                                on:click=move |_| reminder_error.set(download(&Reminder::on_day(review_title(), day)).err())>
                                {t(msg::history::ADD_TO_CALENDAR)}
                            </button>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <PageHeading text=t(msg::history::HEADING) tab_title=Page::History.document_title() />
        {move || has_finished().then(|| view! {
            <p>
                <a href=Page::Summary.href()>{t(msg::history::SUMMARY_LINK)}</a>
            </p>
        })}
        {move || has_check_ins().then(|| view! { <TrustOverTime /> })}
        <CommitmentsSection />
        <ExchangesSection />
        {move || {
            let rows = reviews();
            (!rows.is_empty()).then(|| view! {
                <section class="card" aria-labelledby="history-reviews">
                    <h2 id="history-reviews">{t(msg::history::REVIEWS_HEADING)}</h2>
                    <ul class="history">{rows}</ul>
                    <p class="field-help">
                        {tf(msg::history::CALENDAR_HELP, &[("title", review_title())])}
                    </p>
                    <p class="field-error" role="alert">{move || reminder_error.get()}</p>
                </section>
            })
        }}
        {move || {
            let (rows, total) = finished();
            if rows.is_empty() {
                view! {
                    <div class="empty-state" role="note">
                        <p>{t(msg::history::EMPTY)}</p>
                        <p>{t(msg::history::EMPTY_BODY)}</p>
                    </div>
                }
                .into_any()
            } else {
                let rest = (rows.len() < total).then(|| view! {
                    <p class="actions">
                        <button type="button" class="button" on:click=move |_| show_all()>
                            {tn(msg::history::SHOW_ALL, total as u64)}
                        </button>
                    </p>
                });
                view! { <ol class="history" id=FINISHED_LIST aria-label=t(msg::history::FINISHED_LABEL)>{rows}</ol> {rest} }.into_any()
            }
        }}
    }
}
