//! Whether one answer is acceptable for its question, and the message to show when it is not.

use super::model::{ChoiceOption, Question, QuestionKind};
use crate::domain::answer::{AnswerProblem, AnswerValue, ProblemKind};
use crate::domain::date::CalendarDate;
use crate::domain::ids::OptionId;
use std::collections::BTreeSet;

const NO_LONGER_FITS: &str = "This answer no longer fits the question. Please answer it again.";
const OPTION_GONE: &str = "The option you chose is no longer offered. Please choose again.";
const DATE_EXAMPLE: &str = "Please pick a date like 2026-11-22.";

impl Question {
    /// `Ok` when `answer` can be accepted: it fits the question and its
    /// rules, or it is absent/empty and the question is optional.
    ///
    /// An empty answer (see `AnswerValue::is_empty`) is treated as no answer.
    pub fn check(&self, answer: Option<&AnswerValue>) -> Result<(), AnswerProblem> {
        let Some(answer) = answer.filter(|a| !a.is_empty()) else {
            return if self.required {
                Err(AnswerProblem::new(
                    ProblemKind::Missing,
                    self.missing_message(),
                ))
            } else {
                Ok(())
            };
        };
        self.check_given(answer)
    }

    fn check_given(&self, answer: &AnswerValue) -> Result<(), AnswerProblem> {
        let no_longer_fits = || AnswerProblem::new(ProblemKind::NoLongerFits, NO_LONGER_FITS);
        match (&self.kind, answer) {
            (QuestionKind::SingleChoice { options }, AnswerValue::Choice(chosen)) => {
                known_options(options, std::slice::from_ref(chosen))
            }
            (
                QuestionKind::MultipleChoice {
                    options,
                    min_choices,
                    max_choices,
                },
                AnswerValue::Choices(chosen),
            ) => {
                known_options(options, chosen)?;
                let count = chosen.iter().collect::<BTreeSet<_>>().len();
                if count < *min_choices {
                    return Err(self.rule(
                        ProblemKind::TooFew,
                        format!(
                            "Please choose at least {}.",
                            counted(*min_choices, "option")
                        ),
                    ));
                }
                if count > *max_choices {
                    let text = if *max_choices == 1 {
                        "Please choose only one option.".to_owned()
                    } else {
                        format!("Please choose no more than {max_choices} options.")
                    };
                    return Err(self.rule(ProblemKind::TooMany, text));
                }
                Ok(())
            }
            (QuestionKind::Checklist { items }, AnswerValue::Choices(ticked)) => {
                known_options(items, ticked)
            }
            (QuestionKind::YesNo { .. }, AnswerValue::YesNo(_)) => Ok(()),
            (QuestionKind::Scale(scale), AnswerValue::Scale(value)) => {
                if scale.allows(*value) {
                    Ok(())
                } else {
                    Err(AnswerProblem::new(
                        ProblemKind::OutOfRange,
                        self.missing_message(),
                    ))
                }
            }
            (
                QuestionKind::ShortText {
                    min_length,
                    max_length,
                },
                AnswerValue::Text(text),
            ) => self.check_length(text, *min_length, Some(*max_length)),
            (
                QuestionKind::LongText {
                    min_length,
                    max_length,
                },
                AnswerValue::Text(text),
            ) => self.check_length(text, *min_length, *max_length),
            (
                QuestionKind::List {
                    min_items,
                    max_items,
                },
                AnswerValue::List(items),
            ) => {
                // Blank rows are ones the user added and has not filled in yet.
                let count = items.iter().filter(|i| !i.trim().is_empty()).count();
                if count < *min_items {
                    return Err(self.rule(
                        ProblemKind::TooFew,
                        format!("Please add at least {}.", counted(*min_items, "item")),
                    ));
                }
                match max_items {
                    Some(max) if count > *max => Err(self.rule(
                        ProblemKind::TooMany,
                        format!("Please keep this to {} or fewer.", counted(*max, "item")),
                    )),
                    _ => Ok(()),
                }
            }
            (QuestionKind::Date, AnswerValue::Date(text)) => text
                .trim()
                .parse::<CalendarDate>()
                .map(|_| ())
                .map_err(|_| AnswerProblem::new(ProblemKind::NotADate, DATE_EXAMPLE)),
            _ => Err(no_longer_fits()),
        }
    }

    fn check_length(
        &self,
        text: &str,
        min: usize,
        max: Option<usize>,
    ) -> Result<(), AnswerProblem> {
        // Characters, not bytes: "é" is one letter to the person typing it.
        let length = text.trim().chars().count();
        if length < min {
            return Err(self.rule(
                ProblemKind::TooShort,
                format!("Please write at least {}.", counted(min, "character")),
            ));
        }
        match max {
            Some(max) if length > max => Err(self.rule(
                ProblemKind::TooLong,
                format!(
                    "Please keep this to {} or fewer.",
                    counted(max, "character")
                ),
            )),
            _ => Ok(()),
        }
    }

    /// A failed length or count rule: the counsellor's message if they wrote one.
    fn rule(&self, kind: ProblemKind, standard: String) -> AnswerProblem {
        AnswerProblem::new(kind, self.message.clone().unwrap_or(standard))
    }

    fn missing_message(&self) -> String {
        match &self.kind {
            QuestionKind::SingleChoice { .. } => "Please choose one option.".to_owned(),
            QuestionKind::MultipleChoice { min_choices, .. } => {
                format!(
                    "Please choose at least {}.",
                    counted_words(*min_choices, "option")
                )
            }
            QuestionKind::YesNo { .. } => "Please answer yes or no.".to_owned(),
            QuestionKind::Scale(scale) => format!(
                "Please pick a number from {} to {}.",
                scale.min(),
                scale.max()
            ),
            QuestionKind::ShortText { .. } | QuestionKind::LongText { .. } => {
                "Please write an answer.".to_owned()
            }
            QuestionKind::Checklist { .. } => "Please tick at least one item.".to_owned(),
            QuestionKind::List { min_items, .. } => {
                format!("Please add at least {}.", counted_words(*min_items, "item"))
            }
            QuestionKind::Date => DATE_EXAMPLE.to_owned(),
        }
    }
}

fn known_options(offered: &[ChoiceOption], chosen: &[OptionId]) -> Result<(), AnswerProblem> {
    if chosen.iter().all(|c| offered.iter().any(|o| o.id() == c)) {
        Ok(())
    } else {
        Err(AnswerProblem::new(ProblemKind::NoLongerFits, OPTION_GONE))
    }
}

/// "1 character", "20 characters".
fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Like [`counted`] but "one item" reads kinder than "1 item" in a first prompt.
fn counted_words(n: usize, noun: &str) -> String {
    if n <= 1 {
        format!("one {noun}")
    } else {
        counted(n, noun)
    }
}
