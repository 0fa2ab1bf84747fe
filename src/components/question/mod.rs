//! One form control per question kind. Each shows the question's text, help
//! and error, starts from the stored answer and reports every change at once.
//!
//! Controls are uncontrolled after their first render: they read the stored
//! answer once and then own their value, so typing is never disturbed by the
//! save that follows. A change arriving from another tab re-creates the whole
//! screen instead (see `pages::guide::runner`).

mod choice;
mod list;
mod scale;
mod text;

use leptos::prelude::*;

use crate::domain::answer::AnswerValue;
use crate::domain::guide::{Question, QuestionKind};
use crate::domain::wording::Wording;
use crate::i18n::{msg, t};

pub use choice::{ChoiceField, MultiChoiceField};
pub use list::ListField;
pub use scale::ScaleField;
pub use text::TextField;

pub use crate::store::Urgency;

/// What a control tells the runner: the question's new answer (`None` when
/// cleared) and how soon it must be saved.
pub type OnAnswer = Callback<(Option<AnswerValue>, Urgency)>;

/// Tells the runner about a new answer. Does nothing once the screen is
/// gone: a blur can arrive after its control was removed.
pub fn report(on_answer: OnAnswer, answer: Option<AnswerValue>, urgency: Urgency) {
    let _ = on_answer.try_run((answer, urgency));
}

/// Everything a control needs besides its question.
#[derive(Clone)]
pub struct FieldProps {
    pub question: &'static Question,
    pub initial: Option<AnswerValue>,
    pub wording: Wording,
    pub error: Signal<Option<String>>,
    pub on_answer: OnAnswer,
    /// Look for excuse and blame wording as the user types (apology parts).
    pub check_wording: bool,
}

impl FieldProps {
    /// DOM id of the control (or group) for this question.
    pub fn dom_id(&self) -> String {
        format!("q-{}", self.question.id())
    }

    pub fn help_id(&self) -> String {
        format!("q-{}-help", self.question.id())
    }

    pub fn error_id(&self) -> String {
        format!("q-{}-error", self.question.id())
    }

    /// `aria-describedby`: help first, then the error when there is one.
    pub fn described_by(&self) -> Signal<String> {
        let help = self.question.help().map(|_| self.help_id());
        let error_id = self.error_id();
        let error = self.error;
        Signal::derive(move || {
            let mut ids: Vec<String> = help.iter().cloned().collect();
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            ids.join(" ")
        })
    }

    pub fn text(&self) -> String {
        self.question.text().render(&self.wording)
    }
}

/// The control for `props.question`, chosen by its kind.
pub fn field(props: FieldProps) -> AnyView {
    match props.question.kind() {
        QuestionKind::SingleChoice { .. } | QuestionKind::YesNo { .. } => {
            view! { <ChoiceField props /> }.into_any()
        }
        QuestionKind::MultipleChoice { .. } | QuestionKind::Checklist { .. } => {
            view! { <MultiChoiceField props /> }.into_any()
        }
        QuestionKind::Scale(scale) => view! { <ScaleField props scale /> }.into_any(),
        QuestionKind::ShortText { .. } | QuestionKind::LongText { .. } | QuestionKind::Date => {
            view! { <TextField props /> }.into_any()
        }
        QuestionKind::List { .. } => view! { <ListField props /> }.into_any(),
    }
}

/// The shell of a question answered with a group of controls (options,
/// checkboxes, a scale): a fieldset named by its legend, with help and error
/// under it, described and marked invalid the same way for every kind.
#[component]
pub fn QuestionGroup(
    props: FieldProps,
    /// A scale's group carries its own class and data attribute (styles and
    /// the keyboard's number keys tell it apart).
    #[prop(optional)]
    scale: bool,
    children: Children,
) -> impl IntoView {
    let error = props.error;
    view! {
        <fieldset
            class=if scale { "question question--scale" } else { "question" }
            id=props.dom_id()
            data-question=props.question.id().to_string()
            data-scale=scale.then_some("true")
            aria-describedby=props.described_by()
            aria-invalid=move || error.get().is_some().then_some("true")
        >
            <legend class="question__text" tabindex="-1">
                {props.text()}
                {optional_mark(props.question)}
            </legend>
            <HelpAndError props=props.clone() />
            {children()}
        </fieldset>
    }
}

/// The help line and the error line under a question.
#[component]
pub fn HelpAndError(#[prop(into)] props: FieldProps) -> impl IntoView {
    let help = props.question.help().map(|help| {
        view! { <p class="question__help" id=props.help_id()>{help.render(&props.wording)}</p> }
    });
    let error = props.error;
    let error_id = props.error_id();
    view! {
        {help}
        <Show when=move || error.get().is_some()>
            // Not an alert of its own: the step's error summary is the one
            // alert; this message is read with the field (aria-describedby).
            <p class="question__error" id=error_id.clone()>
                {move || error.get().unwrap_or_default()}
            </p>
        </Show>
    }
}

/// " (optional)" after the text of a question that may be skipped.
pub fn optional_mark(question: &Question) -> Option<impl IntoView> {
    (!question.is_required())
        .then(|| view! { <span class="question__optional">{t(msg::guide::OPTIONAL)}</span> })
}
