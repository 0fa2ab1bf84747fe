//! The screen a user works in: a guide's introduction, then one screen of
//! questions at a time with Back and Next, saving every answer as it is given.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::step::{focus_question, ErrorSummary, LiveQuestion, StepProgress};
use super::with_guide;
use crate::components::question::Urgency;
use crate::components::safety::use_safety;
use crate::components::{set_tab_title, CommitmentMarks, PageHeading, Prose, TechSafety};
use crate::domain::answer::AnswerValue;
use crate::domain::guide::{Guide, Step};
use crate::domain::ids::{QuestionId, StepId};
use crate::domain::program::answering;
use crate::domain::program::commitments::CHECK_IN_STEP;
use crate::domain::program::intake::{INTAKE_GUIDE, INTAKE_SAFETY_STEP};
use crate::domain::program::progress::CHECK_IN_GUIDE;
use crate::domain::program::safety::{route_after_step, Route};
use crate::i18n::{msg, t};
use crate::router;
use crate::routes::{Page, FROM_QUERY, FROM_REVIEW};
use crate::store::{today, Store};

#[component]
pub fn GuideRunner() -> impl IntoView {
    with_guide(|guide| view! { <Runner guide /> })
}

#[component]
fn Runner(guide: &'static Guide) -> impl IntoView {
    let store = expect_context::<Store>();
    // A choice made on the static intake page before the app started.
    if guide.id().as_str() == INTAKE_GUIDE {
        super::first_answer::carry(store, guide);
    }
    // Where the user is; `None` shows the introduction.
    let current = Memo::new(move |_| {
        store.read(|d| {
            d.entries
                .current(guide)
                .and_then(|e| e.current_step().cloned())
        })
    });
    let wording = store.read_untracked(|d| d.profile.wording.clone());
    let title = guide.title().render(&wording);
    // "Saved", said once per step: after the first save that follows an
    // answer on this step, and not again for every keystroke after it. The
    // status element outlives the steps, so screen readers hear it change.
    let answered = RwSignal::new(false);
    let saved = RwSignal::new(false);
    Effect::watch(
        move || current.get(),
        move |_, _, _| {
            answered.set(false);
            saved.set(false);
        },
        false,
    );
    Effect::watch(
        move || store.saves().get(),
        move |_, _, _| {
            if answered.get_untracked() && !saved.get_untracked() {
                saved.set(true);
            }
        },
        false,
    );
    let guide_title = title.clone();
    view! {
        <PageHeading
            text=title.clone()
            tab_title=format!("{title} · Mend")
            autofocus=current.get_untracked().is_none()
        />
        {move || match current.get() {
            None => view! { <Intro guide /> }.into_any(),
            Some(step) => view! { <StepScreen guide step guide_title=guide_title.clone() answered /> }.into_any(),
        }}
        <p class="save-status" role="status">{move || saved.get().then_some(t(msg::guide::SAVED))}</p>
    }
}

#[component]
fn Intro(guide: &'static Guide) -> impl IntoView {
    let store = expect_context::<Store>();
    let wording = store.read_untracked(|d| d.profile.wording.clone());
    let started = store.read_untracked(|d| {
        d.entries
            .current(guide)
            .is_some_and(|e| !e.answers().is_empty())
    });
    let begin = move |_| {
        store.change(Urgency::Now, |d| {
            let entry = d.entries.begin(guide, today());
            let first = guide
                .first_step(entry.answers())
                .map(|s| s.id().clone())
                .expect("validated guides have a shown first step");
            entry.move_to(first);
        });
    };
    view! {
        <p class="lead">{guide.summary().render(&wording)}</p>
        <div class="card intro">
            <Prose text=guide.intro().render(&wording) />
        </div>
        <p class="actions">
            <button type="button" class="button button--primary" on:click=begin disabled=move || store.read_only().get()>
                {if started { t(msg::guide::CONTINUE_WHERE_LEFT) } else { t(msg::guide::BEGIN) }}
            </button>
        </p>
    }
}

#[component]
fn StepScreen(
    guide: &'static Guide,
    step: StepId,
    /// The guide's title, for the tab title of each step.
    guide_title: String,
    /// Set when the user answers on this step (for the "Saved" status).
    answered: RwSignal<bool>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let from_review = router::query_untracked(FROM_QUERY).as_deref() == Some(FROM_REVIEW);
    let answers = Memo::new(move |_| {
        store.read(|d| {
            d.entries
                .current(guide)
                .map(|e| e.answers().clone())
                .unwrap_or_default()
        })
    });
    // The step shown: the stored one, or the next shown one if an answer
    // elsewhere has hidden it since.
    let step: &'static Step = answers.with_untracked(|a| {
        let visible = guide.visible_steps(a);
        visible
            .iter()
            .find(|s| s.id() == &step)
            .copied()
            .or_else(|| guide.next_step(&step, a))
            .or_else(|| visible.first().copied())
            .unwrap_or(&guide.steps()[0])
    });
    let wording = store.read_untracked(|d| d.profile.wording.clone());
    let errors = RwSignal::new(Vec::<(QuestionId, String)>::new());
    let shown = Memo::new(move |_| {
        answers.with(|a| {
            guide
                .questions_shown_on(step.id(), a)
                .into_iter()
                .map(|q| q.id().clone())
                .collect::<Vec<_>>()
        })
    });
    let progress = Memo::new(move |_| answers.with(|a| guide.progress(step.id(), a)));
    // The answers as this screen found them: only a level this screen's own
    // answers newly raise may send the reader to another page.
    let before = StoredValue::new(answers.get_untracked());
    let safety = use_safety();

    let on_answer = move |question: QuestionId| {
        Callback::new(move |(value, urgency): (Option<AnswerValue>, Urgency)| {
            errors.update(|e| e.retain(|(q, _)| q != &question));
            answered.set(true);
            let question = question.clone();
            store.change(urgency, move |d| {
                answering::give(d, guide, question, value, today())
            });
        })
    };

    let go_to = move |target: Option<StepId>| {
        store.flush();
        match target {
            Some(target) => store.change(Urgency::Now, |d| {
                if let Some(entry) = d.entries.current_mut(guide) {
                    entry.move_to(target);
                }
            }),
            None => router::navigate(&Page::review(guide.id()).href()),
        }
    };

    // An answer on this screen that newly raised a level calls for a page of
    // its own (crisis lines, safety, stopping harm): it comes first. The
    // guide keeps its place for when the user comes back.
    let open_route = move || {
        // Danger held before this screen was shown, wherever it was said.
        let danger_elsewhere = safety.with_untracked(|s| s.danger());
        let route = answers.with_untracked(|a| {
            before.with_value(|b| route_after_step(guide, step, b, a, danger_elsewhere))
        });
        let page = match route {
            Some(Route::RightNow) => Some(Page::RightNow),
            Some(Route::Safety) => Some(Page::Safety),
            Some(Route::StoppingHarm) => Some(Page::StoppingHarm),
            None => None,
        };
        if let Some(page) = page {
            router::navigate(&page.href());
        }
    };
    let form = NodeRef::<html::Form>::new();
    let next = {
        move || {
            let problems: Vec<(QuestionId, String)> = answers.with_untracked(|a| {
                guide
                    .questions_shown_on(step.id(), a)
                    .into_iter()
                    .filter_map(|q| {
                        q.check(a.get(q.id()))
                            .err()
                            .map(|p| (q.id().clone(), p.message))
                    })
                    .collect()
            });
            if let Some((first, _)) = problems.first() {
                focus_question(form, first);
                errors.set(problems);
                return;
            }
            let target =
                answers.with_untracked(|a| guide.next_step(step.id(), a).map(|s| s.id().clone()));
            go_to(target.filter(|_| !from_review));
            open_route();
        }
    };
    // Leaving by Back is leaving too: an answer given here that calls for a
    // page of its own opens it, as Next would.
    let back = move |_| {
        let target =
            answers.with_untracked(|a| guide.previous_step(step.id(), a).map(|s| s.id().clone()));
        match target {
            Some(target) => go_to(Some(target)),
            None => store.change(Urgency::Now, |d| {
                if let Some(entry) = d.entries.current_mut(guide) {
                    entry.clear_step();
                }
            }),
        }
        open_route();
    };

    // Focus moves to the new screen's first question for keyboard and
    // screen-reader users.
    Effect::new(move |_| {
        if let Some(form) = form.get() {
            if let Ok(Some(target)) = form.query_selector(".runner__heading, .question__text") {
                if let Ok(target) = target.dyn_into::<web_sys::HtmlElement>() {
                    let _ = target.focus();
                }
            }
        }
    });

    // The intake's safety step says how Mend could be seen on a checked phone.
    let tech_safety =
        guide.id().as_str() == INTAKE_GUIDE && step.id().as_str() == INTAKE_SAFETY_STEP;
    let tracks_commitments =
        guide.id().as_str() == CHECK_IN_GUIDE && step.id().as_str() == CHECK_IN_STEP;
    let title = step.title().map(|t| t.render(&wording));
    let intro = step.intro().map(|t| t.render(&wording));
    // Each step names itself in the tab title, which screen readers read
    // on arrival along with the step's heading.
    set_tab_title(&match &title {
        Some(step_title) => format!("{step_title} · {guide_title} · Mend"),
        None => format!("{guide_title} · Mend"),
    });
    // The questions' texts, for the error summary's links.
    let summary_wording = StoredValue::new(wording.clone());
    let question_text = move |id: QuestionId| {
        guide
            .question(&id)
            .map(|q| summary_wording.with_value(|w| q.text().render(w)))
            .unwrap_or_default()
    };
    // Counts focus leaving any control, so a control that was not redrawn
    // while the user was in it catches up once they leave.
    let focus_left = RwSignal::new(0_u32);
    view! {
        <form
            class="runner"
            node_ref=form
            novalidate
            on:submit=move |event| {
                event.prevent_default();
                next();
            }
            on:keydown=move |event| on_key(form, event)
            on:focusout=move |_| focus_left.update(|n| *n = n.wrapping_add(1))
        >
            <StepProgress progress />
            // Focus lands here on each step: a screen reader reads the
            // step's name, then where it sits in the guide.
            {title.map(|t| view! { <h2 class="runner__heading" tabindex="-1" aria-describedby="step-progress">{t}</h2> })}
            {intro.map(|t| view! { <div class="runner__intro"><Prose text=t /></div> })}
            {tech_safety.then(|| view! { <TechSafety heading_level=3 /> })}
            // One alert for the whole step, with a link to each answer that
            // needs attention; each field also shows its own message.
            <ErrorSummary errors question_text=Callback::new(question_text) form />
            // The weekly check-in asks about each tracked commitment here.
            {tracks_commitments.then(|| view! { <CommitmentMarks /> })}
            <For each=move || shown.get() key=|id| id.clone() let(id)>
                <LiveQuestion
                    guide
                    on_answer=on_answer(id.clone())
                    id
                    answers
                    errors
                    wording=wording.clone()
                    form
                    focus_left
                />
            </For>
            <div class="runner__nav">
                <button type="button" class="button" on:click=back>{t(msg::guide::BACK)}</button>
                <button type="submit" class="button button--primary">
                    {if from_review { t(msg::guide::BACK_TO_REVIEW) } else { t(msg::guide::NEXT) }}
                </button>
            </div>
            <p class="runner__hint">{t(msg::guide::SAVED_AS_YOU_GO)}</p>
        </form>
    }
}

/// Keyboard: Enter moves on from any choice; a number key picks that choice
/// of the question in focus (or the screen's first choice question); on a
/// scale it picks that value.
fn on_key(form: NodeRef<html::Form>, event: leptos::ev::KeyboardEvent) {
    let Some(form) = form.get_untracked() else {
        return;
    };
    let Some(target) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let tag = target.tag_name().to_ascii_lowercase();
    let input_type = target.get_attribute("type").unwrap_or_default();
    let typing = tag == "textarea"
        || (tag == "input" && !matches!(input_type.as_str(), "radio" | "checkbox"));
    if event.key() == "Enter" && tag == "input" && !typing {
        event.prevent_default();
        let _ = form.request_submit();
        return;
    }
    if typing || event.ctrl_key() || event.alt_key() || event.meta_key() {
        return;
    }
    let Some(digit) = event
        .key()
        .chars()
        .next()
        .filter(|c| c.is_ascii_digit() && event.key().len() == 1)
    else {
        return;
    };
    let group = target
        .closest("fieldset[data-question]")
        .ok()
        .flatten()
        .or_else(|| {
            form.query_selector("fieldset[data-question]")
                .ok()
                .flatten()
        });
    let Some(group) = group else { return };
    let choice = if group.has_attribute("data-scale") {
        group
            .query_selector(&format!("input[value='{digit}']"))
            .ok()
            .flatten()
    } else {
        let index = digit.to_digit(10).unwrap_or(0) as usize;
        if index == 0 {
            return;
        }
        group
            .query_selector_all("input")
            .ok()
            .and_then(|inputs| inputs.item(index as u32 - 1))
            .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
    };
    if let Some(choice) = choice.and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok()) {
        event.prevent_default();
        choice.click();
        let _ = choice.focus();
    }
}
