//! The History page: every finished guide and check-in, newest first.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::reminder::download;
use crate::components::{PageHeading, TrustOverTime};
use crate::content::library;
use crate::domain::calendar::{Reminder, REVIEW_TITLE};
use crate::domain::ids::GuideId;
use crate::domain::program::progress::CHECK_IN_GUIDE;
use crate::domain::program::review::review_dates;
use crate::routes::{Page, ENTRY_QUERY};
use crate::store::Store;

mod commitments;
mod exchanges;
use commitments::CommitmentsSection;
use exchanges::ExchangesSection;

#[component]
pub fn History() -> impl IntoView {
    let store = expect_context::<Store>();
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
            rows.into_iter()
                .map(|(date, entry, guide)| {
                    let href =
                        Page::results(guide.id()).href_with(ENTRY_QUERY, &entry.id().to_string());
                    let title = guide.title().render(&d.profile.wording);
                    view! {
                        <li class="history__item">
                            <time datetime=date.to_string()>{date.long()}</time>
                            " "
                            <A href=href>{title}</A>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
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
                            <A href=Page::review(r.guide.id()).href()>{title}</A>
                            <span class="muted">{format!(" ({question})")}</span>
                            " "
                            // A one-off reminder in the user's calendar, with
                            // a title that says nothing about what it is for.
                            <button type="button" class="button button--quiet"
                                aria-label=format!("Add {} to my calendar", day.long())
                                on:click=move |_| reminder_error.set(download(&Reminder::on_day(REVIEW_TITLE, day)).err())>
                                "Add to my calendar"
                            </button>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <PageHeading text="History" tab_title=Page::History.document_title() />
        {move || has_finished().then(|| view! {
            <p>
                <A href=Page::Summary.href()>"Make a summary to take to a counsellor"</A>
            </p>
        })}
        {move || has_check_ins().then(|| view! { <TrustOverTime /> })}
        <CommitmentsSection />
        <ExchangesSection />
        {move || {
            let rows = reviews();
            (!rows.is_empty()).then(|| view! {
                <section class="card" aria-labelledby="history-reviews">
                    <h2 id="history-reviews">"Dates you set to look again"</h2>
                    <ul class="history">{rows}</ul>
                    <p class="field-help">
                        "\u{201c}Add to my calendar\u{201d} downloads a reminder for 7 pm that day, titled \u{201c}"
                        {REVIEW_TITLE}
                        "\u{201d}, so a calendar that syncs or shows on a lock screen says nothing more."
                    </p>
                    <p class="field-error" role="alert">{move || reminder_error.get()}</p>
                </section>
            })
        }}
        {move || {
            let rows = finished();
            if rows.is_empty() {
                view! {
                    <div class="empty-state" role="note">
                        <p>"Nothing here yet."</p>
                        <p>
                            "Each time you finish a guide or a check-in, it is kept here with its date, so you "
                            "can look back and see how things have changed."
                        </p>
                    </div>
                }
                .into_any()
            } else {
                view! { <ol class="history">{rows}</ol> }.into_any()
            }
        }}
    }
}
