//! Whether one answer is acceptable for its question, and the message to show when it is not.
//!
//! The messages are the interface's words (content/i18n/*/domain_program.toml),
//! in the language shown. The build script compiles this file too (it
//! validates every guide with the same code) before those words exist, so
//! there, and in native builds other than tests, they are written here in
//! English; a test keeps the two the same.

use super::model::{ChoiceOption, Question, QuestionKind};
use crate::domain::answer::{AnswerProblem, AnswerValue, ProblemKind};
use crate::domain::date::CalendarDate;
use crate::domain::ids::OptionId;
use std::collections::BTreeSet;

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
        let no_longer_fits =
            || AnswerProblem::new(ProblemKind::NoLongerFits, say(Say::NoLongerFits));
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
                    return Err(
                        self.rule(ProblemKind::TooFew, say(Say::ChooseAtLeast(*min_choices)))
                    );
                }
                if count > *max_choices {
                    let text = if *max_choices == 1 {
                        say(Say::ChooseOnlyOne)
                    } else {
                        say(Say::ChooseNoMore(*max_choices))
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
                    return Err(self.rule(ProblemKind::TooFew, say(Say::AddAtLeast(*min_items))));
                }
                match max_items {
                    Some(max) if count > *max => {
                        Err(self.rule(ProblemKind::TooMany, say(Say::KeepItems(*max))))
                    }
                    _ => Ok(()),
                }
            }
            (QuestionKind::Date, AnswerValue::Date(text)) => text
                .trim()
                .parse::<CalendarDate>()
                .map(|_| ())
                .map_err(|_| AnswerProblem::new(ProblemKind::NotADate, say(Say::DateExample))),
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
            return Err(self.rule(ProblemKind::TooShort, say(Say::WriteAtLeast(min))));
        }
        match max {
            Some(max) if length > max => {
                Err(self.rule(ProblemKind::TooLong, say(Say::KeepCharacters(max))))
            }
            _ => Ok(()),
        }
    }

    /// A failed length or count rule: the counsellor's message if they wrote one.
    fn rule(&self, kind: ProblemKind, standard: String) -> AnswerProblem {
        AnswerProblem::new(kind, self.message.clone().unwrap_or(standard))
    }

    fn missing_message(&self) -> String {
        match &self.kind {
            QuestionKind::SingleChoice { .. } => say(Say::ChooseOne),
            // "One item" reads kinder than "1 item" in a first prompt.
            QuestionKind::MultipleChoice { min_choices, .. } => say(if *min_choices <= 1 {
                Say::ChooseAtLeastOne
            } else {
                Say::ChooseAtLeast(*min_choices)
            }),
            QuestionKind::YesNo { .. } => say(Say::AnswerYesNo),
            QuestionKind::Scale(scale) => say(Say::PickNumber(scale.min(), scale.max())),
            QuestionKind::ShortText { .. } | QuestionKind::LongText { .. } => say(Say::WriteAnswer),
            QuestionKind::Checklist { .. } => say(Say::TickOne),
            QuestionKind::List { min_items, .. } => say(if *min_items <= 1 {
                Say::AddAtLeastOne
            } else {
                Say::AddAtLeast(*min_items)
            }),
            QuestionKind::Date => say(Say::DateExample),
        }
    }
}

fn known_options(offered: &[ChoiceOption], chosen: &[OptionId]) -> Result<(), AnswerProblem> {
    if chosen.iter().all(|c| offered.iter().any(|o| o.id() == c)) {
        Ok(())
    } else {
        Err(AnswerProblem::new(
            ProblemKind::NoLongerFits,
            say(Say::OptionGone),
        ))
    }
}

/// What a problem says, with its numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Say {
    NoLongerFits,
    OptionGone,
    DateExample,
    ChooseAtLeast(usize),
    ChooseOnlyOne,
    ChooseNoMore(usize),
    AddAtLeast(usize),
    KeepItems(usize),
    WriteAtLeast(usize),
    KeepCharacters(usize),
    ChooseOne,
    ChooseAtLeastOne,
    AnswerYesNo,
    PickNumber(i32, i32),
    WriteAnswer,
    TickOne,
    AddAtLeastOne,
}

/// The message in the language shown.
#[cfg(any(target_arch = "wasm32", test))]
fn say(what: Say) -> String {
    use crate::domain::msg::{self, domain_program as words, fill, t, tf, Counted};
    let counted = |message: Counted, n: usize| {
        fill(
            msg::counted(message, n as u64),
            &[("count", &n.to_string())],
        )
    };
    match what {
        Say::NoLongerFits => t(words::NO_LONGER_FITS).to_owned(),
        Say::OptionGone => t(words::OPTION_GONE).to_owned(),
        Say::DateExample => t(words::DATE_EXAMPLE).to_owned(),
        Say::ChooseAtLeast(n) => counted(words::CHOOSE_AT_LEAST, n),
        Say::ChooseOnlyOne => t(words::CHOOSE_ONLY_ONE).to_owned(),
        Say::ChooseNoMore(max) => tf(words::CHOOSE_NO_MORE, &[("max", &max.to_string())]),
        Say::AddAtLeast(n) => counted(words::ADD_AT_LEAST, n),
        Say::KeepItems(n) => counted(words::KEEP_ITEMS, n),
        Say::WriteAtLeast(n) => counted(words::WRITE_AT_LEAST, n),
        Say::KeepCharacters(n) => counted(words::KEEP_CHARACTERS, n),
        Say::ChooseOne => t(words::CHOOSE_ONE).to_owned(),
        Say::ChooseAtLeastOne => t(words::CHOOSE_AT_LEAST_ONE).to_owned(),
        Say::AnswerYesNo => t(words::ANSWER_YES_NO).to_owned(),
        Say::PickNumber(min, max) => tf(
            words::PICK_NUMBER,
            &[("min", &min.to_string()), ("max", &max.to_string())],
        ),
        Say::WriteAnswer => t(words::WRITE_ANSWER).to_owned(),
        Say::TickOne => t(words::TICK_ONE).to_owned(),
        Say::AddAtLeastOne => t(words::ADD_AT_LEAST_ONE).to_owned(),
    }
}

/// The message in English: the build script has no other words.
#[cfg(not(any(target_arch = "wasm32", test)))]
fn say(what: Say) -> String {
    english(what)
}

/// The message in English, as the catalog has it.
#[cfg(not(target_arch = "wasm32"))]
fn english(what: Say) -> String {
    /// "1 character", "20 characters".
    fn counted(n: usize, noun: &str) -> String {
        if n == 1 {
            format!("1 {noun}")
        } else {
            format!("{n} {noun}s")
        }
    }
    match what {
        Say::NoLongerFits => {
            "This answer no longer fits the question. Please answer it again.".to_owned()
        }
        Say::OptionGone => {
            "The option you chose is no longer offered. Please choose again.".to_owned()
        }
        Say::DateExample => "Please pick a date like 2026-11-22.".to_owned(),
        Say::ChooseAtLeast(n) => format!("Please choose at least {}.", counted(n, "option")),
        Say::ChooseOnlyOne => "Please choose only one option.".to_owned(),
        Say::ChooseNoMore(max) => format!("Please choose no more than {max} options."),
        Say::AddAtLeast(n) => format!("Please add at least {}.", counted(n, "item")),
        Say::KeepItems(n) => format!("Please keep this to {} or fewer.", counted(n, "item")),
        Say::WriteAtLeast(n) => format!("Please write at least {}.", counted(n, "character")),
        Say::KeepCharacters(n) => {
            format!("Please keep this to {} or fewer.", counted(n, "character"))
        }
        Say::ChooseOne => "Please choose one option.".to_owned(),
        Say::ChooseAtLeastOne => "Please choose at least one option.".to_owned(),
        Say::AnswerYesNo => "Please answer yes or no.".to_owned(),
        Say::PickNumber(min, max) => format!("Please pick a number from {min} to {max}."),
        Say::WriteAnswer => "Please write an answer.".to_owned(),
        Say::TickOne => "Please tick at least one item.".to_owned(),
        Say::AddAtLeastOne => "Please add at least one item.".to_owned(),
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::msg::{self, Lang};

    const EVERY: [Say; 17] = [
        Say::NoLongerFits,
        Say::OptionGone,
        Say::DateExample,
        Say::ChooseAtLeast(1),
        Say::ChooseOnlyOne,
        Say::ChooseNoMore(3),
        Say::AddAtLeast(2),
        Say::KeepItems(1),
        Say::WriteAtLeast(20),
        Say::KeepCharacters(1),
        Say::ChooseOne,
        Say::ChooseAtLeastOne,
        Say::AnswerYesNo,
        Say::PickNumber(0, 10),
        Say::WriteAnswer,
        Say::TickOne,
        Say::AddAtLeastOne,
    ];

    #[test]
    fn the_build_s_english_is_the_catalog_s() {
        for what in EVERY {
            assert_eq!(say(what), english(what), "{what:?}");
        }
        for n in [1, 2, 10] {
            for what in [
                Say::ChooseAtLeast(n),
                Say::AddAtLeast(n),
                Say::KeepItems(n),
                Say::WriteAtLeast(n),
                Say::KeepCharacters(n),
            ] {
                assert_eq!(say(what), english(what), "{what:?}");
            }
        }
    }

    #[test]
    fn the_messages_are_in_the_language_shown() {
        msg::show_table(Lang::Es, Lang::Es.table());
        let spanish = (say(Say::ChooseOne), say(Say::WriteAtLeast(20)));
        msg::show_table(Lang::En, &[]);
        assert_eq!(spanish.0, "Elige una opción.");
        assert_eq!(spanish.1, "Escribe al menos 20 caracteres.");
    }
}
