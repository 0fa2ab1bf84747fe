//! A list the user builds: add, edit and remove items.

use leptos::html;
use leptos::prelude::*;

use super::{optional_mark, report, FieldProps, HelpAndError, Urgency};
use crate::domain::answer::AnswerValue;
use crate::domain::guide::QuestionKind;
use crate::i18n::{msg, t, tf};

#[component]
pub fn ListField(props: FieldProps) -> impl IntoView {
    let max_items = match props.question.kind() {
        QuestionKind::List { max_items, .. } => *max_items,
        _ => None,
    };
    let initial = match &props.initial {
        Some(AnswerValue::List(items)) => items.clone(),
        _ => Vec::new(),
    };
    // Each item keeps a stable key so editing one never re-creates the others.
    let next_key = StoredValue::new(initial.len());
    let items = RwSignal::new(
        initial
            .into_iter()
            .enumerate()
            .collect::<Vec<(usize, String)>>(),
    );
    let on_answer = props.on_answer;
    // Whether an item was edited since the list was drawn: leaving an item
    // saves at once only then, so a list that another tab changed while the
    // cursor rested here is not written back as it was.
    let edited = StoredValue::new(false);
    let send = move |urgency: Urgency| {
        // A blur can arrive after the screen was replaced: nothing to report.
        let Some(values) = items.try_with_untracked(|items| {
            items
                .iter()
                .map(|(_, text)| text.clone())
                .collect::<Vec<_>>()
        }) else {
            return;
        };
        let answer =
            (!values.iter().all(|v| v.trim().is_empty())).then_some(AnswerValue::List(values));
        report(on_answer, answer, urgency);
    };
    let draft = NodeRef::<html::Input>::new();
    let full = move || max_items.is_some_and(|max| items.with(|i| i.len() >= max));
    let add = move || {
        let Some(input) = draft.get() else { return };
        let text = input.value();
        if text.trim().is_empty() || full() {
            return;
        }
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        items.update(|items| items.push((key, text)));
        input.set_value("");
        send(Urgency::Now);
        let _ = input.focus();
    };
    let question_text = props.text();
    let add_label = tf(msg::guide::LIST_NEW_ITEM, &[("question", &question_text)]);
    view! {
        <fieldset class="question" id=props.dom_id() data-question=props.question.id().to_string() aria-describedby=props.described_by()>
            <legend class="question__text" tabindex="-1">
                {question_text.clone()}
                {optional_mark(props.question)}
            </legend>
            <HelpAndError props=props.clone() />
            <ol class="list-items">
                <For each=move || items.get() key=|(key, _)| *key let((key, text))>
                    <li class="list-item">
                        <input
                            type="text"
                            aria-label=move || {
                                let position = items.with(|i| i.iter().position(|(k, _)| *k == key).unwrap_or(0) + 1);
                                tf(msg::guide::LIST_ITEM, &[("position", &position.to_string())])
                            }
                            prop:value=text
                            on:input=move |event| {
                                let value = event_target_value(&event);
                                items.update_untracked(|items| {
                                    if let Some(item) = items.iter_mut().find(|(k, _)| *k == key) {
                                        item.1 = value;
                                    }
                                });
                                edited.set_value(true);
                                send(Urgency::Soon);
                            }
                            on:blur=move |_| {
                                if edited.try_get_value() == Some(true) {
                                    edited.set_value(false);
                                    send(Urgency::Now);
                                }
                            }
                        />
                        <button
                            type="button"
                            class="button button--quiet"
                            aria-label=move || {
                                let position = items.with(|i| i.iter().position(|(k, _)| *k == key).unwrap_or(0) + 1);
                                tf(msg::guide::LIST_REMOVE_ITEM, &[("position", &position.to_string())])
                            }
                            on:click=move |_| {
                                items.update(|items| items.retain(|(k, _)| *k != key));
                                send(Urgency::Now);
                            }
                        >
                            {t(msg::guide::LIST_REMOVE)}
                        </button>
                    </li>
                </For>
            </ol>
            <div class="list-add">
                <input
                    type="text"
                    node_ref=draft
                    aria-label=add_label
                    placeholder=t(msg::guide::LIST_ADD_PLACEHOLDER)
                    disabled=full
                    // Text typed here and left unadded is kept, not dropped.
                    on:blur=move |_| add()
                    on:keydown=move |event| {
                        // Enter adds the item here instead of moving to the next question.
                        if event.key() == "Enter" {
                            event.prevent_default();
                            event.stop_propagation();
                            add();
                        }
                    }
                />
                <button type="button" class="button" disabled=full on:click=move |_| add()>
                    {t(msg::guide::LIST_ADD)}
                </button>
            </div>
            <Show when=full>
                <p class="question__help">{t(msg::guide::LIST_FULL)}</p>
            </Show>
        </fieldset>
    }
}
