//! What the user answered, in the form stored on their device for years.

use crate::domain::ids::{OptionId, QuestionId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One answer. The stored JSON form is fixed; never rename a variant.
///
/// | variant | JSON |
/// | --- | --- |
/// | `Choice` | `{"type":"choice","value":"often"}` |
/// | `Choices` | `{"type":"choices","value":["walks","calls"]}` |
/// | `YesNo` | `{"type":"yes_no","value":true}` |
/// | `Scale` | `{"type":"scale","value":7}` |
/// | `Text` | `{"type":"text","value":"I said I was at work."}` |
/// | `List` | `{"type":"list","value":["Tea on Sunday","The call"]}` |
/// | `Date` | `{"type":"date","value":"2026-11-22"}` |
///
/// A date keeps the text as typed, valid or not, so nothing the user wrote
/// is lost; `Question::check` says whether it is a real date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum AnswerValue {
    Choice(OptionId),
    Choices(Vec<OptionId>),
    YesNo(bool),
    Scale(i32),
    Text(String),
    List(Vec<String>),
    Date(String),
}

impl AnswerValue {
    /// Whether this holds nothing the user would call an answer: blank text,
    /// nothing ticked, a list with only blank items. Empty answers count as
    /// unanswered everywhere (conditions, scores, completion).
    pub fn is_empty(&self) -> bool {
        match self {
            Self::Choice(_) | Self::YesNo(_) | Self::Scale(_) => false,
            Self::Choices(chosen) => chosen.is_empty(),
            Self::Text(text) | Self::Date(text) => text.trim().is_empty(),
            Self::List(items) => items.iter().all(|item| item.trim().is_empty()),
        }
    }
}

/// All answers of one entry, by question. Answers to questions that are now
/// hidden stay here (the user may change their mind back) but are ignored.
///
/// Stored as a JSON object: `{"q1":{"type":"yes_no","value":true},...}`,
/// keys sorted, so the same answers always serialize the same way.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Answers(BTreeMap<QuestionId, AnswerValue>);

impl Answers {
    pub fn get(&self, question: &QuestionId) -> Option<&AnswerValue> {
        self.0.get(question)
    }

    /// The answer with the map's own key, for borrowing both together.
    pub(crate) fn get_key_value(
        &self,
        question: &QuestionId,
    ) -> Option<(&QuestionId, &AnswerValue)> {
        self.0.get_key_value(question)
    }

    /// Records an answer, replacing any earlier one to the same question.
    pub fn set(&mut self, question: QuestionId, value: AnswerValue) {
        self.0.insert(question, value);
    }

    /// Builder form of [`Answers::set`].
    pub fn with(mut self, question: impl Into<QuestionId>, value: AnswerValue) -> Self {
        self.set(question.into(), value);
        self
    }

    pub fn remove(&mut self, question: &QuestionId) -> Option<AnswerValue> {
        self.0.remove(question)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&QuestionId, &AnswerValue)> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Why an answer cannot be accepted yet, with the message to show beside the question.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct AnswerProblem {
    pub kind: ProblemKind,
    pub message: String,
}

/// The kind of problem, for code that needs more than the message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProblemKind {
    /// A required question has no answer (or an empty one).
    Missing,
    /// The answer does not match the question any more, e.g. an option the
    /// content no longer offers; the user needs to answer again.
    NoLongerFits,
    /// A number off the scale.
    OutOfRange,
    /// Not a real date in `yyyy-mm-dd` form.
    NotADate,
    TooShort,
    TooLong,
    TooFew,
    TooMany,
}

impl AnswerProblem {
    pub(crate) fn new(kind: ProblemKind, message: impl Into<String>) -> Self {
        Self {
            kind,
            message: message.into(),
        }
    }
}
