//! Parts of a question screen (pages::guide::runner): where the step sits in
//! the guide, the one alert that lists every answer needing attention, and
//! each question's control as it lives alongside another tab's saves.

use leptos::html;
use leptos::prelude::*;

use wasm_bindgen::JsCast;

use crate::components::question::{field, FieldProps, OnAnswer};
use crate::domain::answer::Answers;
use crate::domain::guide::{Guide, Progress};
use crate::domain::ids::QuestionId;
use crate::domain::program::apology::{APOLOGY_GUIDE, APOLOGY_PARTS};
use crate::domain::wording::Wording;
use crate::i18n::{msg, t, tf, tn};
use crate::store::Store;

/// "Question 3 of 12" (or "Questions 3–5 of 12") and a progress bar.
#[component]
pub(super) fn StepProgress(progress: Memo<Option<Progress>>) -> impl IntoView {
    view! {
        <div class="progress">
            <p class="progress__text" id="step-progress">
                {move || progress.get().map(|p| if p.first == p.last {
                    tf(msg::guide::QUESTION_OF, &[("number", &p.first.to_string()), ("total", &p.total.to_string())])
                } else {
                    tf(
                        msg::guide::QUESTIONS_OF,
                        &[("first", &p.first.to_string()), ("last", &p.last.to_string()), ("total", &p.total.to_string())],
                    )
                })}
            </p>
            <progress
                max=move || progress.get().map(|p| p.total).unwrap_or(1).to_string()
                value=move || progress.get().map(|p| p.last).unwrap_or(0).to_string()
                aria-label=t(msg::guide::PROGRESS_LABEL)
            ></progress>
        </div>
    }
}

/// One alert for the whole step, with a link to each answer that needs
/// attention (each field also shows its own message). `question_text`
/// names a question as the screen shows it.
#[component]
pub(super) fn ErrorSummary(
    errors: RwSignal<Vec<(QuestionId, String)>>,
    question_text: Callback<QuestionId, String>,
    form: NodeRef<html::Form>,
) -> impl IntoView {
    view! {
        <Show when=move || errors.with(|e| !e.is_empty())>
            <div class="error-summary" role="alert">
                <h3 class="error-summary__title">
                    {move || tn(msg::guide::ANSWERS_NEED_ATTENTION, errors.with(Vec::len) as u64)}
                </h3>
                <ul>
                    {move || errors.get().into_iter().map(|(id, message)| {
                        let question = question_text.run(id.clone());
                        // "How do you feel? Please choose one." or
                        // "Your plan: Please choose one."
                        let joiner = if question.ends_with(['.', '?', '!']) { " " } else { ": " };
                        let text = format!("{question}{joiner}{message}");
                        let href = format!("#q-{id}");
                        view! {
                            <li>
                                <a href=href on:click=move |event| {
                                    // Focus the field itself, not only
                                    // scroll to it as the `#` would.
                                    event.prevent_default();
                                    focus_question(form, &id);
                                }>{text}</a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// The control of question `id`. Controls own their value once drawn
/// (typing is never disturbed by its own save). When another tab's save
/// arrives, the control is drawn again from the merged answers, unless the
/// user is in it: rebuilding it would take the cursor away and drop what is
/// typed there. Then it is drawn again as soon as the user leaves it
/// (`focus_left` counts focus leaving any control), so it never goes on
/// showing an answer that was replaced.
#[component]
#[allow(clippy::too_many_arguments)] // A component's props: each is named where it is used.
pub(super) fn LiveQuestion(
    guide: &'static Guide,
    id: QuestionId,
    answers: Memo<Answers>,
    errors: RwSignal<Vec<(QuestionId, String)>>,
    wording: Wording,
    on_answer: OnAnswer,
    form: NodeRef<html::Form>,
    focus_left: RwSignal<u32>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let redraw = RwSignal::new(0_u32);
    let missed = StoredValue::new(false);
    let watched = id.clone();
    Effect::watch(
        move || store.outside_changes().get(),
        move |_, _, _| {
            if holds_focus(form, &watched) {
                missed.set_value(true);
            } else {
                redraw.update(|n| *n = n.wrapping_add(1));
            }
        },
        false,
    );
    let left = id.clone();
    Effect::watch(
        move || focus_left.get(),
        move |_, _, _| {
            if missed.get_value() && !holds_focus(form, &left) {
                missed.set_value(false);
                redraw.update(|n| *n = n.wrapping_add(1));
            }
        },
        false,
    );
    move || {
        redraw.track();
        let question = guide.question(&id)?;
        let error_of = id.clone();
        Some(field(FieldProps {
            question,
            initial: answers.with_untracked(|a| a.get(&id).cloned()),
            wording: wording.clone(),
            error: Signal::derive(move || {
                errors.with(|e| {
                    e.iter()
                        .find(|(q, _)| q == &error_of)
                        .map(|(_, m)| m.clone())
                })
            }),
            on_answer,
            check_wording: guide.id().as_str() == APOLOGY_GUIDE
                && APOLOGY_PARTS.contains(&id.as_str()),
        }))
    }
}

/// True when the keyboard focus is inside the control of `question`.
fn holds_focus(form: NodeRef<html::Form>, question: &QuestionId) -> bool {
    let Some(form) = form.get_untracked() else {
        return false;
    };
    let Some(active) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
    else {
        return false;
    };
    form.query_selector(&format!("[data-question='{question}']"))
        .ok()
        .flatten()
        .is_some_and(|control| control.contains(Some(&active)))
}

/// Moves focus to the control of `question` (after a failed Next).
pub(super) fn focus_question(form: NodeRef<html::Form>, question: &QuestionId) {
    let Some(form) = form.get_untracked() else {
        return;
    };
    let selector =
        format!("[data-question='{question}'] input, [data-question='{question}'] textarea");
    if let Ok(Some(control)) = form.query_selector(&selector) {
        if let Ok(control) = control.dyn_into::<web_sys::HtmlElement>() {
            let _ = control.focus();
        }
    }
}
