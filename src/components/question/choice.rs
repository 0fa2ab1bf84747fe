//! Single choice, yes/no, multiple choice and checklist: radio buttons and checkboxes in a fieldset.

use leptos::prelude::*;

use super::{report, FieldProps, QuestionGroup, Urgency};
use crate::domain::answer::AnswerValue;
use crate::domain::guide::QuestionKind;
use crate::domain::ids::OptionId;
use crate::i18n::{msg, t};

/// The options of a one-answer question as (value, label); yes/no is "yes"/"no".
fn one_answer_options(props: &FieldProps) -> Vec<(String, String)> {
    match props.question.kind() {
        QuestionKind::YesNo { .. } => {
            vec![
                ("yes".into(), t(msg::guide::YES).into()),
                ("no".into(), t(msg::guide::NO).into()),
            ]
        }
        kind => kind
            .options()
            .iter()
            .map(|o| (o.id().to_string(), o.label().render(&props.wording)))
            .collect(),
    }
}

#[component]
pub fn ChoiceField(props: FieldProps) -> impl IntoView {
    let is_yes_no = matches!(props.question.kind(), QuestionKind::YesNo { .. });
    let chosen = match &props.initial {
        Some(AnswerValue::Choice(id)) => Some(id.to_string()),
        Some(AnswerValue::YesNo(true)) => Some("yes".to_owned()),
        Some(AnswerValue::YesNo(false)) => Some("no".to_owned()),
        _ => None,
    };
    let name = props.dom_id();
    let on_answer = props.on_answer;
    let options = one_answer_options(&props)
        .into_iter()
        .enumerate()
        .map(|(index, (value, label))| {
            let checked = chosen.as_deref() == Some(value.as_str());
            let answer = if is_yes_no {
                AnswerValue::YesNo(value == "yes")
            } else {
                AnswerValue::Choice(OptionId::new(value.as_str()))
            };
            view! {
                <label class="option">
                    <input
                        type="radio"
                        name=name.clone()
                        value=value
                        checked=checked
                        on:change=move |_| report(on_answer, Some(answer.clone()), Urgency::Now)
                    />
                    <span class="option__key" aria-hidden="true">{index + 1}</span>
                    <span class="option__label">{label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <QuestionGroup props>
            <div class="options">{options}</div>
        </QuestionGroup>
    }
}

#[component]
pub fn MultiChoiceField(props: FieldProps) -> impl IntoView {
    let initial: Vec<OptionId> = match &props.initial {
        Some(AnswerValue::Choices(ids)) => ids.clone(),
        _ => Vec::new(),
    };
    let chosen = StoredValue::new(initial);
    let on_answer = props.on_answer;
    let all: Vec<OptionId> = props
        .question
        .kind()
        .options()
        .iter()
        .map(|o| o.id().clone())
        .collect();
    let options = props
        .question
        .kind()
        .options()
        .iter()
        .enumerate()
        .map(|(index, option)| {
            let id = option.id().clone();
            let checked = chosen.with_value(|c| c.contains(&id));
            let all = all.clone();
            view! {
                <label class="option">
                    <input
                        type="checkbox"
                        value=id.to_string()
                        checked=checked
                        on:change=move |event| {
                            let on = event_target_checked(&event);
                            chosen.update_value(|c| {
                                c.retain(|x| x != &id);
                                if on {
                                    c.push(id.clone());
                                }
                                // Keep the content's order, whatever the order of clicks.
                                c.sort_by_key(|x| all.iter().position(|o| o == x));
                            });
                            let Some(value) = chosen.try_get_value() else { return };
                            let answer = (!value.is_empty()).then_some(AnswerValue::Choices(value));
                            report(on_answer, answer, Urgency::Now);
                        }
                    />
                    <span class="option__key" aria-hidden="true">{index + 1}</span>
                    <span class="option__label">{option.label().render(&props.wording)}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <QuestionGroup props>
            <div class="options">{options}</div>
        </QuestionGroup>
    }
}
