//! A scale (1–5 agreement, 0–10 rating): a row of radio buttons with end labels.

use leptos::prelude::*;

use super::{report, FieldProps, QuestionGroup, Urgency};
use crate::domain::answer::AnswerValue;
use crate::domain::guide::Scale;

/// `scale` is the question's own, matched by `field`: the kind is settled
/// before the control exists.
#[component]
pub fn ScaleField(props: FieldProps, scale: &'static Scale) -> impl IntoView {
    let chosen = match &props.initial {
        Some(AnswerValue::Scale(value)) => Some(*value),
        _ => None,
    };
    let name = props.dom_id();
    let on_answer = props.on_answer;
    let wording = props.wording.clone();
    let min_label = scale.min_label().map(|l| l.render(&wording));
    let max_label = scale.max_label().map(|l| l.render(&wording));
    let values = scale
        .values()
        .map(|value| {
            // Screen readers hear the end labels with the end values.
            let label = scale.label(value).map(|l| l.render(&wording)).or_else(|| {
                if value == scale.min() {
                    min_label.clone()
                } else if value == scale.max() {
                    max_label.clone()
                } else {
                    None
                }
            });
            let aria = match &label {
                Some(label) => format!("{value}, {label}"),
                None => value.to_string(),
            };
            view! {
                <label class="scale__value">
                    <input
                        type="radio"
                        name=name.clone()
                        value=value.to_string()
                        checked=chosen == Some(value)
                        aria-label=aria
                        on:change=move |_| report(on_answer, Some(AnswerValue::Scale(value)), Urgency::Now)
                    />
                    <span aria-hidden="true">{value}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <QuestionGroup props scale=true>
            <div class="scale">{values}</div>
            <div class="scale__ends" aria-hidden="true">
                <span>{min_label.clone()}</span>
                <span>{max_label.clone()}</span>
            </div>
        </QuestionGroup>
    }
}
