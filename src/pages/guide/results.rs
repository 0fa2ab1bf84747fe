//! The results page: scores per dimension as an accessible bar chart, each
//! band's interpretation, the guides recommended next, and the closing words.

use leptos::prelude::*;

use super::with_guide;
use crate::components::question::Urgency;
use crate::components::safety::use_safety;
use crate::components::{PageHeading, Prose, ReminderCard, TrustOverTime};
use crate::content;
use crate::domain::answer::AnswerValue;
use crate::domain::compare::sharing::is_shareable;
use crate::domain::guide::Guide;
use crate::domain::ids::{EntryId, QuestionId};
use crate::domain::program::apology::{APOLOGY_GUIDE, APOLOGY_PARTS};
use crate::domain::program::intake::{intake_guide, Intake, INTAKE_GUIDE};
use crate::domain::program::progress::CHECK_IN_GUIDE;
use crate::domain::program::results::{finished_entry, read, Reading};
use crate::i18n::{fill, msg, t, tf, Text};
use crate::routes::{Page, ENTRY_QUERY};
use crate::store::{today, Store};

#[component]
pub fn GuideResults() -> impl IntoView {
    with_guide(|guide| view! { <Results guide /> })
}

#[component]
fn Results(guide: &'static Guide) -> impl IntoView {
    let store = expect_context::<Store>();
    // `?entry=` shows one dated entry from the history; otherwise the latest.
    let entry = Memo::new(move |_| {
        let chosen = crate::router::query(ENTRY_QUERY).map(EntryId::new);
        store.read(|d| finished_entry(guide, &d.entries, chosen.as_ref()).cloned())
    });
    let wording = Memo::new(move |_| store.read(|d| d.profile.wording.clone()));
    let safety = use_safety();
    let title = guide.title().render(&wording.get_untracked());
    let heading = tf(msg::guide::RESULTS_HEADING, &[("title", &title)]);
    let tab = tf(msg::guide::RESULTS_TAB_TITLE, &[("title", &title)]);
    view! {
        <PageHeading text=heading tab_title=tab />
        {move || match entry.get() {
            None => view! {
                <div class="empty-state" role="note">
                    <p>{t(msg::guide::NO_RESULTS)}</p>
                    <p><a href=Page::guide(guide.id()).href() class="button">{t(msg::guide::GO_TO_GUIDE)}</a></p>
                </div>
            }
            .into_any(),
            Some(entry) => {
                let wording = wording.get();
                let scores = guide.score(entry.answers());
                let status = safety.get();
                // The intake's answers (the other person unwilling, say) hold here too.
                let intake = store.read(|d| {
                    content::library()
                        .guide(&intake_guide())
                        .and_then(|g| d.entries.current(g))
                        .map(|e| Intake::from_answers(e.answers()))
                        .unwrap_or_default()
                });
                let reading = read(guide, entry.answers(), &intake, &status, content::paths(), content::library());
                let Reading { danger, caution, crisis, uses_harm, scores_shown, scores_set_aside, leaving_note, gates, recommended } = reading;
                let recommended: Vec<(String, String, String)> = recommended
                    .into_iter()
                    .filter_map(|id| content::library().guide(id))
                    .map(|g| (Page::guide(g.id()).href(), g.title().render(&wording), g.summary().render(&wording)))
                    .collect();
                let gate_cards = gates
                    .iter()
                    .map(|gate| {
                        let title = gate.title().render(&wording);
                        let label = title.clone();
                        view! {
                            <section class="card notice--safety result" aria-label=label>
                                <h2>{title}</h2>
                                <Prose text=gate.text().render(&wording) />
                            </section>
                        }
                    })
                    .collect_view();
                let review_href = Page::review(guide.id()).href();
                let bars = scores
                    .iter()
                    .filter(|_| scores_shown)
                    .map(|score| {
                        let range = score.dimension.range();
                        let span = (range.max - range.min).max(1) as f64;
                        let percent = ((score.value - range.min) as f64 / span * 100.0).clamp(0.0, 100.0);
                        let label = score.dimension.label().render(&wording);
                        if !score.answered {
                            return view! {
                                <section class="card result" aria-label=label.clone()>
                                    <h2>{label.clone()}</h2>
                                    <p>
                                        {with_links(
                                            msg::guide::PART_UNANSWERED,
                                            &[],
                                            &[("review_link", review_href.clone(), msg::guide::REVIEW_LINK)],
                                        )}
                                    </p>
                                </section>
                            }
                            .into_any();
                        }
                        view! {
                            <section class="card result" aria-label=label.clone()>
                                <h2>{label.clone()}</h2>
                                <p class="result__score">
                                    {tf(
                                        msg::guide::SCORE,
                                        &[
                                            ("value", &score.value.to_string()),
                                            ("min", &range.min.to_string()),
                                            ("max", &range.max.to_string()),
                                        ],
                                    )}
                                </p>
                                <div class="bar" aria-hidden="true">
                                    // A style property, not a style attribute: the CSP allows the first only.
                                    <div class="bar__fill" style:width=format!("{percent:.0}%")></div>
                                </div>
                                {score.band.map(|band| view! {
                                    <h3>{band.title().render(&wording)}</h3>
                                    <Prose text=band.text().render(&wording) />
                                })}
                            </section>
                        }
                        .into_any()
                    })
                    .collect_view();
                let completed = entry
                    .completed_on()
                    .map(|d| tf(msg::guide::FINISHED_ON, &[("date", &d.long())]))
                    .unwrap_or_default();
                let person = wording.reference();
                view! {
                    <p class="lead">{completed}</p>
                    {crisis.then(|| view! {
                        <div class="card notice notice--safety" role="note">
                            <h2>{t(msg::guide::CRISIS_HEADING)}</h2>
                            <p>
                                {with_links(
                                    msg::guide::CRISIS_BODY,
                                    &[],
                                    &[("right_now", Page::RightNow.href(), msg::guide::RIGHT_NOW)],
                                )}
                            </p>
                        </div>
                    })}
                    {danger.then(|| view! {
                        <div class="card notice notice--safety" role="note">
                            <h2>{t(msg::guide::DANGER_HEADING)}</h2>
                            <p>
                                {with_links(
                                    msg::guide::DANGER_BODY,
                                    &[("person", &person)],
                                    &[("safety_page", Page::Safety.href(), msg::guide::SAFETY_PAGE)],
                                )}
                            </p>
                        </div>
                    })}
                    {(caution && !danger).then(|| view! {
                        <div class="card notice" role="note">
                            <h2>{t(msg::guide::CAUTION_HEADING)}</h2>
                            <p>{tf(msg::guide::CAUTION_BODY, &[("person", &person)])}</p>
                        </div>
                    })}
                    {uses_harm.then(|| view! {
                        <div class="card notice" role="note">
                            <h2>{t(msg::guide::HARM_HEADING)}</h2>
                            <p>
                                {with_links(
                                    msg::guide::HARM_BODY,
                                    &[("person", &person)],
                                    &[("stopping_harm", Page::StoppingHarm.href(), msg::guide::STOPPING_HARM)],
                                )}
                            </p>
                        </div>
                    })}
                    {(guide.id().as_str() == APOLOGY_GUIDE).then(|| {
                        let parts = APOLOGY_PARTS
                            .iter()
                            .filter_map(|part| match entry.answers().get(&QuestionId::new(*part)) {
                                Some(AnswerValue::Text(text)) if !text.trim().is_empty() => Some(text.clone()),
                                _ => None,
                            })
                            .map(|text| view! { <p class="review__text">{text}</p> })
                            .collect_view();
                        view! {
                            <section class="card apology" aria-labelledby="apology-draft">
                                <h2 id="apology-draft">{t(msg::guide::APOLOGY_HEADING)}</h2>
                                {parts}
                            </section>
                        }
                    })}
                    {leaving_note.then(|| view! {
                        <div class="card notice notice--safety" role="note">
                            <h2>{t(msg::guide::LEAVING_HEADING)}</h2>
                            <p>
                                {with_links(
                                    msg::guide::LEAVING_BODY,
                                    &[],
                                    &[
                                        ("safety_page", Page::Safety.href(), msg::guide::SAFETY_PAGE),
                                        ("my_plan", Page::guide(&"my-plan".into()).href(), msg::guide::MY_PLAN),
                                    ],
                                )}
                            </p>
                        </div>
                    })}
                    {gate_cards}
                    {scores_set_aside.then(|| view! {
                        <section class="card notice--safety result" aria-labelledby="results-fear">
                            <h2 id="results-fear">{t(msg::guide::NO_SCORES_HEADING)}</h2>
                            <p>{t(msg::guide::NO_SCORES_BODY)}</p>
                        </section>
                    })}
                    {bars}
                    // Off while danger holds: "show me your answers" can be a tool of control.
                    // Off, too, while the user has frightened or hurt the other
                    // person and taken no step yet.
                    // Nor while the other person is said to be unwilling, or the
                    // user is done: comparing answers presumes both want to work on it.
                    {(is_shareable(guide) && status.compare_allowed() && intake.other_is_willing() && !status.done()).then(|| view! {
                        <section class="card" aria-labelledby="results-compare">
                            <h2 id="results-compare">{tf(msg::guide::COMPARE_HEADING, &[("person", &person)])}</h2>
                            <p>{t(msg::guide::COMPARE_BODY)}</p>
                            <p><a href=Page::compare(guide.id()).href() class="link-alone">{t(msg::guide::COMPARE_LINK)}</a></p>
                        </section>
                    })}
                    {(!recommended.is_empty()).then(|| {
                        let items = recommended
                            .into_iter()
                            .map(|(href, title, summary)| view! {
                                <li>
                                    <a href=href>{title}</a>
                                    " — "
                                    {summary}
                                </li>
                            })
                            .collect_view();
                        view! {
                            <section class="card" aria-labelledby="results-next">
                                <h2 id="results-next">{t(msg::guide::NEXT_HEADING)}</h2>
                                <ul>{items}</ul>
                            </section>
                        }
                    })}
                    {guide.closing().map(|c| view! { <div class="card"><Prose text=c.render(&wording) /></div> })}
                }
                .into_any()
            }
        }}
        <p class="actions no-print">
            {(guide.id().as_str() == INTAKE_GUIDE).then(|| view! {
                <a href=Page::Start.href() class="button button--primary">{t(msg::guide::SEE_PATH)}</a>
            })}
            <button type="button" class="button" on:click=|_| { let _ = window().print(); }>{t(msg::guide::PRINT)}</button>
            <a href=Page::review(guide.id()).href() class="button">{t(msg::guide::REVIEW_ANSWERS)}</a>
            {guide.is_recurring().then(|| view! {
                <button
                    type="button"
                    class="button button--primary"
                    on:click=move |_| {
                        store.change(Urgency::Now, |d| {
                            let entry = d.entries.begin(guide, today());
                            entry.clear_step();
                        });
                        crate::router::navigate(&Page::guide(guide.id()).href());
                    }
                >
                    {t(msg::guide::NEW_ENTRY)}
                </button>
            })}
        </p>
        {(guide.id().as_str() == CHECK_IN_GUIDE).then(|| view! { <TrustOverTime /> <ReminderCard /> })}
    }
}

/// `text` with its `{placeholders}` filled from `values`, and each link of
/// `links` (name, address, words) put where its `{name}` stands: inside the
/// sentence, wherever the language shown puts it.
fn with_links(text: Text, values: &[(&str, &str)], links: &[(&str, String, Text)]) -> Vec<AnyView> {
    let mut pieces = Vec::new();
    let mut rest = t(text);
    loop {
        let next = links
            .iter()
            .filter_map(|(name, href, words)| {
                let mark = format!("{{{name}}}");
                rest.find(&mark)
                    .map(|at| (at, mark.len(), href.clone(), *words))
            })
            .min_by_key(|(at, ..)| *at);
        let Some((at, len, href, words)) = next else {
            break;
        };
        pieces.push(fill(&rest[..at], values).into_any());
        pieces.push(view! { <a href=href>{t(words)}</a> }.into_any());
        rest = &rest[at + len..];
    }
    pieces.push(fill(rest, values).into_any());
    pieces
}
