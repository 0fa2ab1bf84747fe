//! Short text, long text and date: one labelled input each.

use leptos::prelude::*;

use super::{optional_mark, FieldProps, HelpAndError, Urgency};
use crate::domain::answer::AnswerValue;
use crate::domain::guide::QuestionKind;

#[component]
pub fn TextField(props: FieldProps) -> impl IntoView {
    let initial = match &props.initial {
        Some(AnswerValue::Text(text)) | Some(AnswerValue::Date(text)) => text.clone(),
        _ => String::new(),
    };
    let kind = props.question.kind();
    let is_date = matches!(kind, QuestionKind::Date);
    let on_answer = props.on_answer;
    let to_answer = move |text: String| -> Option<AnswerValue> {
        if text.trim().is_empty() {
            None
        } else if is_date {
            Some(AnswerValue::Date(text))
        } else {
            Some(AnswerValue::Text(text))
        }
    };
    // Typing is saved soon; leaving the field saves at once.
    let on_input = move |event: leptos::ev::Event| {
        on_answer.run((to_answer(event_target_value(&event)), Urgency::Soon))
    };
    let on_commit = move |event: leptos::ev::FocusEvent| {
        on_answer.run((to_answer(event_target_value(&event)), Urgency::Now))
    };
    let on_change = move |event: leptos::ev::Event| {
        on_answer.run((to_answer(event_target_value(&event)), Urgency::Now))
    };
    let error = props.error;
    let invalid = move || error.get().is_some().then_some("true");
    let control = match kind {
        QuestionKind::LongText { max_length, .. } => view! {
            <textarea
                id=props.dom_id()
                rows="6"
                maxlength=max_length.map(|n| n.to_string())
                aria-describedby=props.described_by()
                aria-invalid=invalid
                on:input=on_input
                on:blur=on_commit
                prop:value=initial
            ></textarea>
        }
        .into_any(),
        QuestionKind::ShortText { max_length, .. } => view! {
            <input
                type="text"
                id=props.dom_id()
                maxlength=max_length.to_string()
                autocomplete="off"
                aria-describedby=props.described_by()
                aria-invalid=invalid
                on:input=on_input
                on:blur=on_commit
                prop:value=initial
            />
        }
        .into_any(),
        _ => view! {
            <input
                type="date"
                id=props.dom_id()
                aria-describedby=props.described_by()
                aria-invalid=invalid
                on:change=on_change
                on:blur=on_commit
                prop:value=initial
            />
        }
        .into_any(),
    };
    view! {
        <div class="question" data-question=props.question.id().to_string()>
            <label class="question__text" for=props.dom_id() tabindex="-1">
                {props.text()}
                {optional_mark(props.question)}
            </label>
            <HelpAndError props=props.clone() />
            {control}
        </div>
    }
}
