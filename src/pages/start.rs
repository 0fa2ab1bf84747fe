//! The Start page, which becomes "Your path": before the intake it says what
//! Mend is and that nothing leaves the device; after it, the suggested guides
//! in order with each one's progress and a Continue button.

use leptos::prelude::*;

use crate::components::question::Urgency;
use crate::components::{PageHeading, WeekWarning};
use crate::content::{first_screen, library, paths};
use crate::domain::date::CalendarDate;
use crate::domain::guide::Guide;
use crate::domain::program::intake::intake_guide;
use crate::domain::program::path::{PathNote, StepStatus};
use crate::domain::program::review::review_dates;
use crate::domain::program::safety::{assess, SafetyStatus};
use crate::i18n::{msg::shell, t, tf};
use crate::routes::Page;
use crate::store::Store;

/// What the page shows: Your path (domain::program::path) and the review
/// dates, with their words rendered.
#[derive(Clone, PartialEq)]
struct PathView {
    intake_done: bool,
    intake_started: bool,
    /// Repair guides are off the path (danger, and no full-path choice).
    danger: bool,
    /// The path rather than the welcome.
    shown: bool,
    safety: SafetyStatus,
    /// Review dates the user set, soonest first: (guide, title, question text, date).
    reviews: Vec<(&'static Guide, String, String, CalendarDate)>,
    steps: Vec<(&'static Guide, StepStatus)>,
    next: Option<(&'static Guide, StepStatus)>,
    notes: Vec<PathNote>,
}

#[component]
pub fn Start() -> impl IntoView {
    let store = expect_context::<Store>();
    let intake = intake_guide();
    let state = Memo::new(move |_| {
        store.read(|d| {
            let safety = assess(&d.entries, library(), &d.profile.safety);
            let path = paths().your_path(&d.entries, safety, library());
            PathView {
                intake_done: path.intake_done,
                intake_started: path.intake_started,
                danger: path.safety.danger(),
                shown: path.shown(),
                reviews: review_dates(&d.entries, library())
                    .into_iter()
                    .map(|r| {
                        (
                            r.guide,
                            r.guide.title().render(&d.profile.wording),
                            r.question.text().render(&d.profile.wording),
                            r.date,
                        )
                    })
                    .collect(),
                safety: path.safety,
                steps: path.steps,
                next: path.next,
                notes: path.notes,
            }
        })
    });
    let wording = Memo::new(move |_| store.read(|d| d.profile.wording.clone()));
    let set_aside_done = move |aside: bool| {
        let status = state.with_untracked(|s| s.safety.clone());
        store.change(Urgency::Now, |d| {
            d.profile.safety.set_aside_done(&status, aside)
        });
    };
    let done = state.with_untracked(|s| s.shown);
    // The first view's words are the static first screen's (content/first-screen.toml).
    let home = &first_screen().home;
    let heading = if done {
        Page::Start.label()
    } else {
        home.heading
    };

    view! {
        <PageHeading text=heading tab_title=Page::Start.document_title() />
        <Show when=move || state.with(|s| s.danger)>
            <section class="card notice--safety" aria-labelledby="path-safety">
                <h2 id="path-safety">{t(shell::SAFETY_FIRST)}</h2>
                {move || if state.with(|s| s.safety.full_path) {
                    view! {
                        <p>{t(shell::DANGER_FULL_PATH)}</p>
                    }
                    .into_any()
                } else {
                    view! {
                        <p>{t(shell::DANGER_SET_ASIDE)}</p>
                    }
                    .into_any()
                }}
                <p>
                    <a href=Page::Safety.href() class="button button--primary">{t(shell::READ_SAFETY)}</a>
                </p>
            </section>
        </Show>
        <Show when=move || state.with(|s| s.safety.crisis_open)>
            <section class="card notice--safety" aria-labelledby="path-crisis">
                <h2 id="path-crisis">{t(shell::CRISIS_HEADING)}</h2>
                <p>{t(shell::CRISIS_BODY)}</p>
                <p>
                    <a href=Page::RightNow.href() class="button button--primary">{Page::RightNow.label()}</a>
                </p>
            </section>
        </Show>
        <Show when=move || state.with(|s| s.safety.caution() && !s.safety.danger())>
            <section class="card notice" aria-labelledby="path-caution">
                <h2 id="path-caution">{t(shell::CAUTION_HEADING)}</h2>
                <p>{t(shell::CAUTION_BODY)}</p>
            </section>
        </Show>
        <Show when=move || state.with(|s| s.safety.holds_repair_for_harm())>
            <section class="card notice" aria-labelledby="path-harm">
                <h2 id="path-harm">{t(shell::HARM_HEADING)}</h2>
                <p>{PathNote::HeldForHarm.line()}</p>
                <p>
                    <a href=Page::StoppingHarm.href() class="button button--primary">{Page::StoppingHarm.label()}</a>
                </p>
            </section>
        </Show>
        {move || {
            let s = state.get();
            let wording = wording.get();
            if !s.shown {
                view! {
                    <p class="lead">{home.lead}</p>
                    <p class="actions">
                        <a href=Page::guide(&intake).href() class="button button--primary">
                            {if s.intake_started { t(shell::CONTINUE_INTAKE) } else { home.start }}
                        </a>
                    </p>
                    <p class="muted">{home.start_note}</p>
                }
                .into_any()
            } else {
                let next = s.next.map(|(guide, status)| {
                    let label = match status {
                        StepStatus::InProgress => tf(shell::CONTINUE_GUIDE, &[("title", &guide.title().render(&wording))]),
                        _ => tf(shell::NEXT_GUIDE, &[("title", &guide.title().render(&wording))]),
                    };
                    view! {
                        <p class="actions">
                            <a href=Page::guide(guide.id()).href() class="button button--primary">{label}</a>
                        </p>
                    }
                });
                let all_done = s.next.is_none() && !s.steps.is_empty();
                let steps = s
                    .steps
                    .clone()
                    .into_iter()
                    .enumerate()
                    .map(|(index, (guide, status))| {
                        let title = guide.title().render(&wording);
                        let summary = guide.summary().render(&wording);
                        let href = Page::guide(guide.id()).href();
                        let status_class = match status {
                            StepStatus::NotStarted => "status status--not-started",
                            StepStatus::InProgress => "status status--in-progress",
                            StepStatus::Done => "status status--done",
                        };
                        view! {
                            <li class="path__step">
                                <span class="path__number" aria-hidden="true">{index + 1}</span>
                                <div>
                                    <a href=href>{title}</a>
                                    " "
                                    <span class=status_class>{status.label()}</span>
                                    <p class="muted">{summary}</p>
                                </div>
                            </li>
                        }
                    })
                    .collect_view();
                let notes = s
                    .notes
                    .iter()
                    .map(|note| {
                        // "Done" is the user's own word: they can say it has changed.
                        let changed = (*note == PathNote::Done).then(|| view! {
                            <button type="button" class="button" on:click=move |_| set_aside_done(true)>
                                {t(shell::SHOW_WHOLE_PATH)}
                            </button>
                        });
                        view! { <div class="notice path-note"><p>{note.line()}</p>{changed}</div> }
                    })
                    .collect_view();
                view! {
                    <p class="lead">{t(shell::PATH_LEAD)}</p>
                    {notes}
                    {next}
                    {all_done.then(|| view! {
                        <p class="notice">{t(shell::ALL_DONE)}</p>
                    })}
                    <ol class="path" aria-label=t(shell::SUGGESTED_GUIDES)>{steps}</ol>
                    {(!s.reviews.is_empty()).then(|| {
                        let items = s
                            .reviews
                            .clone()
                            .into_iter()
                            .map(|(guide, title, question, date)| view! {
                                <li>
                                    <time datetime=date.to_string()>{date.long()}</time>
                                    ": "
                                    <a href=Page::review(guide.id()).href()>{title}</a>
                                    <span class="muted">{format!(" ({question})")}</span>
                                </li>
                            })
                            .collect_view();
                        view! {
                            <section class="card" aria-labelledby="path-reviews">
                                <h2 id="path-reviews">{t(shell::REVIEWS_HEADING)}</h2>
                                <ul class="reviews">{items}</ul>
                            </section>
                        }
                    })}
                    <p>
                        {if s.intake_done {
                            view! { <a href=Page::review(&intake).href()>{t(shell::CHANGE_INTAKE)}</a> }.into_any()
                        } else {
                            view! { <a href=Page::guide(&intake).href()>{t(shell::FINISH_INTAKE)}</a> }.into_any()
                        }}
                    </p>
                }
                .into_any()
            }
        }}

        <WeekWarning />
        <section class="card" aria-labelledby="start-private">
            <h2 id="start-private">{home.private_heading}</h2>
            <p>{home.private}</p>
        </section>
        <Show when=move || state.with(|s| !s.intake_done && !s.danger)>
            <section class="card" aria-labelledby="start-pace">
                <h2 id="start-pace">{t(shell::PACE_HEADING)}</h2>
                <p>{t(shell::PACE_BODY)}</p>
            </section>
            <section class="card" aria-labelledby="start-safety">
                <h2 id="start-safety">{home.safety_heading}</h2>
                <p>{home.safety}</p>
            </section>
            <section class="card" aria-labelledby="start-therapy">
                <h2 id="start-therapy">{t(shell::THERAPY_HEADING)}</h2>
                <p>{t(shell::THERAPY_BODY)}</p>
            </section>
        </Show>
    }
}
