//! Short text, long text and date: one labelled input each.

use leptos::prelude::*;

use super::{optional_mark, report, FieldProps, HelpAndError, Urgency};
use crate::domain::answer::AnswerValue;
use crate::domain::guide::QuestionKind;
use crate::domain::program::apology::{check_wording, segments, Pattern};
use crate::i18n::{msg, tn};

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
    // What is typed so far, for the wording check of apology parts.
    let draft = RwSignal::new(initial.clone());
    // Typing is saved soon; leaving the field saves at once, but only if
    // something was typed: a field the cursor merely rested in may show an
    // answer another tab has replaced meanwhile (it is not redrawn while
    // focused), and saving that would write the older answer back.
    let typed = StoredValue::new(false);
    let on_input = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        typed.set_value(true);
        draft.set(text.clone());
        report(on_answer, to_answer(text), Urgency::Soon)
    };
    let on_commit = move |event: leptos::ev::FocusEvent| {
        if typed.try_get_value() != Some(true) {
            return;
        }
        typed.set_value(false);
        report(
            on_answer,
            to_answer(event_target_value(&event)),
            Urgency::Now,
        )
    };
    let on_change = move |event: leptos::ev::Event| {
        report(
            on_answer,
            to_answer(event_target_value(&event)),
            Urgency::Now,
        )
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
            {props.check_wording.then(|| view! { <WordingCheck draft=draft.into() /> })}
        </div>
    }
}

/// The apology draft with phrases that shift blame or excuse marked, each
/// explained once. Every piece is shown as text, never as markup.
#[component]
fn WordingCheck(draft: Signal<String>) -> impl IntoView {
    let count = Memo::new(move |_| draft.with(|text| check_wording(text).len()));
    view! {
        <div class="wording-check">
            <p class="wording-check__status" role="status">
                {move || match count.get() {
                    0 => String::new(),
                    n => tn(msg::guide::PHRASES_TO_LOOK_AT, n as u64),
                }}
            </p>
            <Show when=move || { count.get() > 0 }>
                {move || {
                    let text = draft.get();
                    let mut explained: Vec<&'static Pattern> = Vec::new();
                    let pieces = segments(&text)
                        .into_iter()
                        .map(|(piece, flag)| match flag {
                            Some(pattern) => {
                                if !explained.iter().any(|p| p.why == pattern.why) {
                                    explained.push(pattern);
                                }
                                view! { <mark>{piece.to_owned()}</mark> }.into_any()
                            }
                            None => view! { <span>{piece.to_owned()}</span> }.into_any(),
                        })
                        .collect_view();
                    let reasons = explained
                        .into_iter()
                        .map(|p| view! { <li><strong>{format!("\u{201c}{}\u{201d}", p.phrase)}</strong>" "{p.why}</li> })
                        .collect_view();
                    view! {
                        <p class="wording-check__draft">{pieces}</p>
                        <ul class="wording-check__reasons">{reasons}</ul>
                    }
                }}
            </Show>
        </div>
    }
}
