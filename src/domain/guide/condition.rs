//! Show-if conditions on earlier answers, and the answers they are allowed to see.

use crate::domain::answer::AnswerValue;
use crate::domain::ids::{OptionId, QuestionId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A validated condition: every question it names exists, comes earlier, and
/// every value it compares with is one that question can take.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Condition {
    /// A single choice is this option; a multiple choice or checklist
    /// includes it; a yes/no or scale answer is this value.
    Equals {
        question: QuestionId,
        value: Expected,
    },
    /// The choice is one of these options (or, for several choices, includes one).
    AnyOf {
        question: QuestionId,
        options: Vec<OptionId>,
    },
    /// A scale answer is at least this (inclusive).
    AtLeast {
        question: QuestionId,
        value: i32,
    },
    /// A scale answer is at most this (inclusive).
    AtMost {
        question: QuestionId,
        value: i32,
    },
    /// The question has a valid, non-empty answer.
    Answered(QuestionId),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

/// What `Equals` compares with, already matched to the question's kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Expected {
    Chosen(OptionId),
    YesNo(bool),
    Number(i32),
}

/// The answers a condition may look at: those of questions that are shown,
/// that are non-empty and valid. Answers of hidden questions stay stored
/// but are not in here, so they count as unanswered.
///
/// Only `Guide::visible_answers` makes these, so a condition can never be
/// evaluated against answers the user cannot see.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VisibleAnswers<'a>(pub(super) BTreeMap<&'a QuestionId, &'a AnswerValue>);

impl<'a> VisibleAnswers<'a> {
    pub fn get(&self, question: &QuestionId) -> Option<&'a AnswerValue> {
        self.0.get(question).copied()
    }

    pub fn contains(&self, question: &QuestionId) -> bool {
        self.0.contains_key(question)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (&'a QuestionId, &'a AnswerValue)> + '_ {
        self.0.iter().map(|(q, a)| (*q, *a))
    }
}

impl Condition {
    pub fn holds(&self, answers: &VisibleAnswers<'_>) -> bool {
        match self {
            Self::Equals { question, value } => match (answers.get(question), value) {
                (Some(AnswerValue::Choice(chosen)), Expected::Chosen(wanted)) => chosen == wanted,
                (Some(AnswerValue::Choices(chosen)), Expected::Chosen(wanted)) => {
                    chosen.contains(wanted)
                }
                (Some(AnswerValue::YesNo(given)), Expected::YesNo(wanted)) => given == wanted,
                (Some(AnswerValue::Scale(given)), Expected::Number(wanted)) => given == wanted,
                _ => false,
            },
            Self::AnyOf { question, options } => match answers.get(question) {
                Some(AnswerValue::Choice(chosen)) => options.contains(chosen),
                Some(AnswerValue::Choices(chosen)) => chosen.iter().any(|c| options.contains(c)),
                _ => false,
            },
            Self::AtLeast { question, value } => {
                matches!(answers.get(question), Some(AnswerValue::Scale(given)) if given >= value)
            }
            Self::AtMost { question, value } => {
                matches!(answers.get(question), Some(AnswerValue::Scale(given)) if given <= value)
            }
            Self::Answered(question) => answers.contains(question),
            Self::All(all) => all.iter().all(|c| c.holds(answers)),
            Self::Any(any) => any.iter().any(|c| c.holds(answers)),
            Self::Not(inner) => !inner.holds(answers),
        }
    }

    /// Every question this condition looks at, possibly with repeats.
    pub fn questions(&self) -> Vec<&QuestionId> {
        let mut found = Vec::new();
        self.collect_questions(&mut found);
        found
    }

    fn collect_questions<'a>(&'a self, found: &mut Vec<&'a QuestionId>) {
        match self {
            Self::Equals { question, .. }
            | Self::AnyOf { question, .. }
            | Self::AtLeast { question, .. }
            | Self::AtMost { question, .. }
            | Self::Answered(question) => found.push(question),
            Self::All(all) | Self::Any(all) => {
                all.iter().for_each(|c| c.collect_questions(found));
            }
            Self::Not(inner) => inner.collect_questions(found),
        }
    }
}
