//! The review page: every shown question with its answer, each one editable.

use crate::domain::program::summary::option_label;
use crate::router::navigate;
use leptos::prelude::*;

use super::with_guide;
use crate::components::question::Urgency;
use crate::components::PageHeading;
use crate::content;
use crate::domain::answer::AnswerValue;
use crate::domain::guide::{Guide, Question, QuestionKind};
use crate::domain::wording::Wording;
use crate::i18n::{msg, t, tf};
use crate::routes::{Page, FROM_QUERY, FROM_REVIEW};
use crate::store::{today, Store};

#[component]
pub fn GuideReview() -> impl IntoView {
    with_guide(|guide| view! { <Review guide /> })
}

#[component]
fn Review(guide: &'static Guide) -> impl IntoView {
    let store = expect_context::<Store>();
    let answers = Memo::new(move |_| {
        store.read(|d| {
            d.entries
                .current(guide)
                .map(|e| e.answers().clone())
                .unwrap_or_default()
        })
    });
    let wording = Memo::new(move |_| store.read(|d| d.profile.wording.clone()));
    let complete = Memo::new(move |_| answers.with(|a| guide.is_complete(a)));

    let edit = move |step: crate::domain::ids::StepId| {
        move |_| {
            let step = step.clone();
            store.change(Urgency::Now, |d| {
                d.entries.begin(guide, today()).move_to(step)
            });
            navigate(&Page::guide(guide.id()).href_with(FROM_QUERY, FROM_REVIEW));
        }
    };
    let finish = move |_| {
        let mut finished = false;
        store.change(Urgency::Now, |d| {
            let done = d.entries.complete(guide, today()).ok().cloned();
            finished = done.is_some();
            // The commitments it asks for are tracked from today.
            if let Some(entry) = done {
                d.commitments.adopt(&entry, today());
            }
            // A clean Safety check lifts the cautions standing now.
            if finished {
                d.profile
                    .safety
                    .finished(guide, &d.entries, content::library());
            }
        });
        if finished {
            navigate(&Page::results(guide.id()).href());
        }
    };

    let rows = move || {
        let wording = wording.get();
        answers.with(|a| {
            guide
                .visible_steps(a)
                .into_iter()
                .flat_map(|step| guide.questions_shown_on(step.id(), a).into_iter().map(move |q| (step, q)))
                .map(|(step, question)| {
                    let answer = a.get(question.id()).filter(|v| !v.is_empty());
                    let problem = question.check(answer).err().map(|p| p.message);
                    let missing = problem.is_some();
                    let text = question.text().render(&wording);
                    let edit_label = tf(msg::guide::EDIT_LABEL, &[("question", &text)]);
                    view! {
                        <div class="review__item" class:review__item--missing=missing>
                            <dt>{text}</dt>
                            <dd>
                                {answer_view(question, answer, &wording)}
                                {problem.map(|m| view! { <p class="question__error">{m}</p> })}
                                <button type="button" class="button button--quiet no-print" aria-label=edit_label on:click=edit(step.id().clone())>
                                    {t(msg::guide::EDIT)}
                                </button>
                            </dd>
                        </div>
                    }
                })
                .collect_view()
        })
    };
    let title = guide.title().render(&wording.get_untracked());
    view! {
        <PageHeading
            text=tf(msg::guide::REVIEW_HEADING, &[("title", &title)])
            tab_title=tf(msg::guide::REVIEW_TAB_TITLE, &[("title", &title)])
        />
        <p class="lead no-print">{t(msg::guide::REVIEW_LEAD)}</p>
        <dl class="review">{rows}</dl>
        <p class="actions no-print">
            <Show
                when=move || complete.get()
                fallback=|| view! { <span class="notice">{t(msg::guide::REVIEW_INCOMPLETE)}</span> }
            >
                <button type="button" class="button button--primary" on:click=finish>{t(msg::guide::SEE_RESULTS)}</button>
            </Show>
            <button type="button" class="button" on:click=|_| { let _ = window().print(); }>{t(msg::guide::PRINT)}</button>
            <a href=Page::guide(guide.id()).href() class="button">{t(msg::guide::BACK_TO_QUESTIONS)}</a>
        </p>
    }
}

/// An answer as a person reads it: option labels, "Yes"/"No", the scale value
/// with its label, the text as written (never as HTML), list items.
pub fn answer_view(
    question: &Question,
    answer: Option<&AnswerValue>,
    wording: &Wording,
) -> AnyView {
    let label_of = |id: &crate::domain::ids::OptionId| option_label(question, id, wording);
    match (question.kind(), answer) {
        (_, None) => view! { <p class="review__none">{t(msg::guide::NOT_ANSWERED)}</p> }.into_any(),
        (_, Some(AnswerValue::Choice(id))) => view! { <p>{label_of(id)}</p> }.into_any(),
        (_, Some(AnswerValue::Choices(ids))) => {
            view! { <ul>{ids.iter().map(|id| view! { <li>{label_of(id)}</li> }).collect_view()}</ul> }.into_any()
        }
        (_, Some(AnswerValue::YesNo(yes))) => view! { <p>{if *yes { t(msg::guide::YES) } else { t(msg::guide::NO) }}</p> }.into_any(),
        (QuestionKind::Scale(scale), Some(AnswerValue::Scale(value))) => {
            let label = scale.label(*value).map(|l| format!(" ({})", l.render(wording)));
            view! { <p>{tf(
                msg::guide::SCALE_ANSWER,
                &[("value", &value.to_string()), ("min", &scale.min().to_string()), ("max", &scale.max().to_string())],
            )}{label}</p> }.into_any()
        }
        (_, Some(AnswerValue::Scale(value))) => view! { <p>{*value}</p> }.into_any(),
        (_, Some(AnswerValue::Text(text))) => view! { <p class="review__text">{text.clone()}</p> }.into_any(),
        (_, Some(AnswerValue::Date(date))) => view! { <p>{date.clone()}</p> }.into_any(),
        (_, Some(AnswerValue::List(items))) => view! {
            <ul>
                {items.iter().filter(|i| !i.trim().is_empty()).map(|i| view! { <li>{i.clone()}</li> }).collect_view()}
            </ul>
        }
        .into_any(),
    }
}
