//! "A summary for a counsellor": the user ticks which finished guides and
//! check-ins to include, in a date range; Mend shows exactly those, ready
//! to print or to download as a text file (domain::program::summary).

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::components::download::text_file;
use crate::components::{scale_range, with_words, Checkbox, PageHeading};
use crate::content::library;
use crate::domain::date::CalendarDate;
use crate::domain::guide::Guide;
use crate::domain::ids::{EntryId, GuideId, QuestionId};
use crate::domain::program::progress::{
    trend, Series, CHART_WEEKS, CHECK_IN_GUIDE, TRUST_QUESTION,
};
use crate::domain::program::summary::{candidates, markdown, Section, Tracked};
use crate::i18n::{msg, t};
use crate::store::{today, Store};

/// How far back the range starts at first.
const DEFAULT_DAYS: i64 = 90;

#[component]
pub fn Summary() -> impl IntoView {
    let store = expect_context::<Store>();
    // The summary shows the questions of every finished guide, so their
    // words must be here first.
    let finished = move || {
        store.read(|d| {
            let mut ids: Vec<GuideId> = d
                .entries
                .iter()
                .filter(|entry| entry.is_completed())
                .map(|entry| entry.guide().clone())
                .collect();
            ids.sort();
            ids.dedup();
            ids
        })
    };
    with_words(
        t(msg::history_summary::WHAT),
        finished,
        |guides| view! { <SummaryPage guides /> },
    )
}

/// The page itself, with the whole guides its entries belong to.
#[component]
fn SummaryPage(guides: Vec<&'static Guide>) -> impl IntoView {
    let store = expect_context::<Store>();
    let guides = StoredValue::new(guides);
    let whole = move |id: &GuideId| {
        guides.with_value(|guides| guides.iter().copied().find(|g| g.id() == id))
    };
    let to_day = today();
    let from_day = to_day.plus_days(-DEFAULT_DAYS).unwrap_or(to_day);
    let from = RwSignal::new(from_day.to_string());
    let to = RwSignal::new(to_day.to_string());
    let range = move || -> Option<(CalendarDate, CalendarDate)> {
        let from: CalendarDate = from.get().parse().ok()?;
        let to: CalendarDate = to.get().parse().ok()?;
        Some((from, to))
    };
    // Ticked entries: at first every finished one except the private ones.
    let ticked = RwSignal::new(store.read_untracked(|d| {
        candidates(
            &d.entries,
            library(),
            CalendarDate::from_day_number(0).unwrap_or(from_day),
            to_day,
        )
        .iter()
        .filter(|c| !c.private)
        .map(|c| c.entry.id().clone())
        .collect::<BTreeSet<EntryId>>()
    }));
    let trend_sentence = move || {
        store.read(|d| {
            let series = Series::of(
                &d.entries,
                &GuideId::new(CHECK_IN_GUIDE),
                &QuestionId::new(TRUST_QUESTION),
            );
            trend(series.last_weeks(CHART_WEEKS), scale_range().1)
        })
    };
    let with_trust = RwSignal::new(true);
    // What the summary holds: the ticked entries in the range, oldest first.
    let sections = move || -> Vec<Section> {
        let Some((from, to)) = range() else {
            return Vec::new();
        };
        store.read(|d| {
            ticked.with(|ticked| {
                candidates(&d.entries, library(), from, to)
                    .iter()
                    .filter(|c| ticked.contains(c.entry.id()))
                    .filter_map(|c| Section::of(c.entry, whole(c.guide.id())?, &d.profile.wording))
                    .collect()
            })
        })
    };
    let trust = move || with_trust.get().then(trend_sentence).flatten();
    // Commitments whose record overlaps the range; ticked at first, like
    // the trust chart: they are the user's own record, not a safety matter.
    let tracked = move || -> Vec<Tracked> {
        let Some((from, to)) = range() else {
            return Vec::new();
        };
        store.read(|d| Tracked::all_in(&d.commitments, from, to, today()))
    };
    let with_commitments = RwSignal::new(true);
    let commitments = move || {
        if with_commitments.get() {
            tracked()
        } else {
            Vec::new()
        }
    };
    let error = RwSignal::new(None::<&'static str>);
    let download = move |_| {
        let text = markdown(
            &untrack(sections),
            untrack(trust).as_deref(),
            &untrack(commitments),
            today(),
        );
        let name = format!("summary-{}.md", today());
        error.set(
            (!text_file(&name, &text, "text/markdown")).then_some(t(msg::shell::NOT_DOWNLOADED)),
        );
    };
    let choices = move || {
        let Some((from, to)) = range() else {
            return view! { <p class="field-error" role="alert">{t(msg::history_summary::NO_RANGE)}</p> }.into_any();
        };
        store.read(|d| {
            let found = candidates(&d.entries, library(), from, to);
            if found.is_empty() {
                return view! { <p>{t(msg::history_summary::NOTHING_FINISHED)}</p> }.into_any();
            }
            found
                .into_iter()
                .map(|c| {
                    let id = c.entry.id().clone();
                    let checked = {
                        let id = id.clone();
                        Signal::derive(move || ticked.with(|t| t.contains(&id)))
                    };
                    let label = format!("{}, {}", c.guide.title().render(&d.profile.wording), c.finished_on.long());
                    let private = c.private;
                    view! {
                        <Checkbox checked label on_change=move |on| ticked.update(|t| {
                            if on {
                                t.insert(id.clone());
                            } else {
                                t.remove(&id);
                            }
                        })>
                            {private.then(|| view! { <p class="field-help">{t(msg::history_summary::LEFT_OUT)}</p> })}
                        </Checkbox>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    view! {
        <PageHeading text=t(msg::history_summary::HEADING) tab_title=t(msg::history_summary::TAB_TITLE) />
        <div class="no-print">
            <p class="lead">{t(msg::history_summary::LEAD)}</p>
            <fieldset class="card summary-range">
                <legend>{t(msg::history_summary::RANGE)}</legend>
                <div class="field">
                    <label for="summary-from">{t(msg::history_summary::FROM)}</label>
                    <input id="summary-from" type="date" prop:value=move || from.get() on:input=move |e| from.set(event_target_value(&e)) />
                </div>
                <div class="field">
                    <label for="summary-to">{t(msg::history_summary::TO)}</label>
                    <input id="summary-to" type="date" prop:value=move || to.get() on:input=move |e| to.set(event_target_value(&e)) />
                </div>
            </fieldset>
            <fieldset class="card">
                <legend>{t(msg::history_summary::INCLUDE)}</legend>
                <p class="field-help">{t(msg::history_summary::SAFETY_UNTICKED)}</p>
                {move || trend_sentence().map(|_| view! {
                    <Checkbox checked=with_trust on_change=move |on| with_trust.set(on) label=t(msg::history_summary::TRUST) />
                })}
                {move || (!tracked().is_empty()).then(|| view! {
                    <Checkbox checked=with_commitments on_change=move |on| with_commitments.set(on)
                        label=t(msg::history_summary::COMMITMENTS) />
                })}
                {choices}
            </fieldset>
            <p class="actions">
                <button type="button" class="button" on:click=|_| { let _ = window().print(); }>{t(msg::history_summary::PRINT)}</button>
                <button type="button" class="button button--primary" on:click=download>{t(msg::history_summary::DOWNLOAD)}</button>
            </p>
            <p class="field-error" role="alert">{move || error.get()}</p>
        </div>
        <section class="summary" aria-labelledby="summary-heading">
            <h2 id="summary-heading">{t(msg::history_summary::YOURS)}</h2>
            {move || {
                let sections = sections();
                let trust = trust();
                let commitments = commitments();
                if sections.is_empty() && trust.is_none() && commitments.is_empty() {
                    return view! { <p>{t(msg::history_summary::NOTHING_TICKED)}</p> }.into_any();
                }
                view! {
                    {trust.map(|sentence| view! { <h3>{t(msg::history_summary::TRUST)}</h3> <p>{sentence}</p> })}
                    {(!commitments.is_empty()).then(|| view! {
                        <h3>{t(msg::history_summary::COMMITMENTS)}</h3>
                        {commitments.into_iter().map(|c| view! {
                            <article class="summary__entry">
                                <h4>{c.text}</h4>
                                <p class="muted">{c.status}</p>
                                <ul>{c.weeks.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
                            </article>
                        }).collect_view()}
                    })}
                    {sections.into_iter().map(|s| view! {
                        <article class="summary__entry">
                            <h3>{format!("{}, {}", s.title, s.finished_on.long())}</h3>
                            {(!s.results.is_empty()).then(|| view! {
                                <ul class="summary__results">
                                    {s.results.into_iter().map(|r| view! { <li>{r}</li> }).collect_view()}
                                </ul>
                            })}
                            <dl>
                                {s.answers.into_iter().map(|(question, lines)| view! {
                                    <dt>{question}</dt>
                                    <dd>{lines.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}</dd>
                                }).collect_view()}
                            </dl>
                        </article>
                    }).collect_view()}
                }
                .into_any()
            }}
        </section>
    }
}
