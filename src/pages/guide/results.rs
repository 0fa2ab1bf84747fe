//! The results page: scores per dimension as an accessible bar chart, each
//! band's interpretation, the guides recommended next, and the closing words.

use leptos::prelude::*;
use leptos_router::components::A;

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
use crate::routes::{Page, ENTRY_QUERY};
use crate::store::{today, Store};

#[component]
pub fn GuideResults() -> impl IntoView {
    with_guide(|guide| view! { <Results guide /> })
}

#[component]
fn Results(guide: &'static Guide) -> impl IntoView {
    let store = expect_context::<Store>();
    let navigate = leptos_router::hooks::use_navigate();
    // `?entry=` shows one dated entry from the history; otherwise the latest.
    let query = leptos_router::hooks::use_query_map();
    let entry = Memo::new(move |_| {
        let chosen = query.read().get(ENTRY_QUERY).map(EntryId::new);
        store.read(|d| finished_entry(guide, &d.entries, chosen.as_ref()).cloned())
    });
    let wording = Memo::new(move |_| store.read(|d| d.profile.wording.clone()));
    let safety = use_safety();
    let title = guide.title().render(&wording.get_untracked());
    let heading = format!("Your results: {title}");
    let tab = format!("Results · {title} · Mend");
    view! {
        <PageHeading text=heading tab_title=tab />
        {move || match entry.get() {
            None => view! {
                <div class="empty-state" role="note">
                    <p>"You haven't finished this guide yet, so there are no results to show."</p>
                    <p><A href=Page::guide(guide.id()).href() attr:class="button">"Go to the guide"</A></p>
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
                                        "Some questions of this part have no answer yet (they were added "
                                        "after you finished, or set aside while you may not have been safe), "
                                        "so there is no result for it. "
                                        <A href=review_href.clone()>"Answer its questions in your review"</A>
                                        "."
                                    </p>
                                </section>
                            }
                            .into_any();
                        }
                        view! {
                            <section class="card result" aria-label=label.clone()>
                                <h2>{label.clone()}</h2>
                                <p class="result__score">
                                    {format!("{} on a scale from {} to {}", score.value, range.min, range.max)}
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
                let completed = entry.completed_on().map(|d| format!("Finished on {}.", d.long())).unwrap_or_default();
                view! {
                    <p class="lead">{completed}</p>
                    {crisis.then(|| view! {
                        <div class="card notice notice--safety" role="note">
                            <h2>"Someone to talk to"</h2>
                            <p>
                                "You said you have had thoughts of ending your life or hurting yourself. "
                                <A href=Page::RightNow.href()>"Right now"</A>
                                " has crisis lines for your country and what to do in the next few minutes."
                            </p>
                        </div>
                    })}
                    {danger.then(|| view! {
                        <div class="card notice notice--safety" role="note">
                            <h2>"Your safety comes first"</h2>
                            <p>
                                "Some of your answers suggest you may not feel safe with "
                                {wording.reference()}
                                ". Repair exercises are for relationships where both people are safe, so Mend is not suggesting any here. "
                                "If you are in danger right now, call your local emergency number. "
                                <A href=Page::Safety.href()>"The Safety page"</A>
                                " lists helplines that can talk it through with you in confidence."
                            </p>
                        </div>
                    })}
                    {(caution && !danger).then(|| view! {
                        <div class="card notice" role="note">
                            <h2>"Worth a closer look"</h2>
                            <p>
                                "Some of your answers describe control, or walking on eggshells around "
                                {wording.reference()}
                                ". Mend keeps your path, and suggests the Safety check first: it looks at this more closely."
                            </p>
                        </div>
                    })}
                    {uses_harm.then(|| view! {
                        <div class="card notice" role="note">
                            <h2>"Help for stopping"</h2>
                            <p>
                                "You said you have frightened, threatened, hurt or controlled "
                                {wording.reference()}
                                ". "
                                <A href=Page::StoppingHarm.href()>"If you have frightened or hurt someone"</A>
                                " is about what you can do now, without judging you."
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
                                <h2 id="apology-draft">"Your apology, as you wrote it"</h2>
                                {parts}
                            </section>
                        }
                    })}
                    {leaving_note.then(|| view! {
                        <div class="card notice notice--safety" role="note">
                            <h2>"If you decide to leave"</h2>
                            <p>
                                "Some of your answers in Mend show danger. The time around leaving can be the most "
                                "dangerous, so please plan it with an advocate from a domestic abuse service before "
                                "you tell anyone. "
                                <A href=Page::Safety.href()>"The Safety page"</A>
                                " lists lines for your country, and "
                                <A href=Page::guide(&"my-plan".into()).href()>"My plan"</A>
                                " is a place to note what you would need."
                            </p>
                        </div>
                    })}
                    {gate_cards}
                    {scores_set_aside.then(|| view! {
                        <section class="card notice--safety result" aria-labelledby="results-fear">
                            <h2 id="results-fear">"No scores while you may not be safe"</h2>
                            <p>
                                "Somewhere in Mend you said you are afraid, or that you have been hurt or threatened. "
                                "Fear is not one answer to weigh against others, so Mend is not showing scores or "
                                "what they might mean. Your answers are kept as you gave them."
                            </p>
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
                            <h2 id="results-compare">{format!("Compare with {}", wording.reference())}</h2>
                            <p>
                                "If you both want to, you can each choose answers to share and see them side by "
                                "side, on your own devices, with no server. Neither of you sees the other's answers "
                                "before sharing your own."
                            </p>
                            <p><A href=Page::compare(guide.id()).href() attr:class="link-alone">"Compare your answers"</A></p>
                        </section>
                    })}
                    {(!recommended.is_empty()).then(|| {
                        let items = recommended
                            .into_iter()
                            .map(|(href, title, summary)| view! {
                                <li>
                                    <A href=href>{title}</A>
                                    " — "
                                    {summary}
                                </li>
                            })
                            .collect_view();
                        view! {
                            <section class="card" aria-labelledby="results-next">
                                <h2 id="results-next">"What might help next"</h2>
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
                <A href=Page::Start.href() attr:class="button button--primary">"See your path"</A>
            })}
            <button type="button" class="button" on:click=|_| { let _ = window().print(); }>"Print"</button>
            <A href=Page::review(guide.id()).href() attr:class="button">"Review my answers"</A>
            {guide.is_recurring().then(|| view! {
                <button
                    type="button"
                    class="button button--primary"
                    on:click=move |_| {
                        store.change(Urgency::Now, |d| {
                            let entry = d.entries.begin(guide, today());
                            entry.clear_step();
                        });
                        navigate(&Page::guide(guide.id()).href(), Default::default());
                    }
                >
                    "Start a new entry"
                </button>
            })}
        </p>
        {(guide.id().as_str() == CHECK_IN_GUIDE).then(|| view! { <TrustOverTime /> <ReminderCard /> })}
    }
}
