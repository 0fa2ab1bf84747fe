//! Checks a raw condition against the questions it may name, and builds the validated `Condition`.

use super::Report;
use crate::domain::guide::condition::{Condition, Expected};
use crate::domain::guide::error::Place;
use crate::domain::guide::model::QuestionKind;
use crate::domain::guide::raw::{RawCondition, RawValue};
use crate::domain::ids::{OptionId, QuestionId};
use std::collections::BTreeMap;

/// Which questions a condition may name, by their position in the guide.
#[derive(Debug, Clone, Copy)]
pub(super) enum ScopeLimit {
    /// A step's condition: only questions on earlier steps (`first..end` is this step).
    Step { first: usize, end: usize },
    /// A question's condition: only questions before it.
    Question(usize),
    /// A flag's condition: any question.
    Anywhere,
}

pub(super) struct Scope<'a> {
    order: &'a BTreeMap<&'a str, usize>,
    kinds: &'a BTreeMap<QuestionId, QuestionKind>,
    limit: ScopeLimit,
}

impl<'a> Scope<'a> {
    pub(super) fn new(
        order: &'a BTreeMap<&'a str, usize>,
        kinds: &'a BTreeMap<QuestionId, QuestionKind>,
        limit: ScopeLimit,
    ) -> Self {
        Self {
            order,
            kinds,
            limit,
        }
    }

    /// The validated condition, or `None` after reporting every problem in it.
    pub(super) fn convert(
        &self,
        r: &mut Report,
        place: &Place,
        field: &str,
        raw: &RawCondition,
    ) -> Option<Condition> {
        match raw {
            RawCondition::Equals { question, value } => {
                let (id, kind) = self.question(r, place, field, question)?;
                match expected(kind, &id, value) {
                    Ok(value) => Some(Condition::Equals {
                        question: id,
                        value,
                    }),
                    Err(problem) => {
                        r.add(Some(place), format!("{field}: {problem}"));
                        None
                    }
                }
            }
            RawCondition::AnyOf { question, options } => {
                let (id, kind) = self.question(r, place, field, question)?;
                let mut fail = |problem: String| r.add(Some(place), format!("{field}: {problem}"));
                if kind.options().is_empty() {
                    fail(format!(
                        "`any_of` can only be used on single_choice, multiple_choice and \
                         checklist questions, and `{id}` is a {} question",
                        kind.name()
                    ));
                    return None;
                }
                if options.is_empty() {
                    fail("`any_of` needs at least one option".to_owned());
                    return None;
                }
                let mut known = true;
                for option in options {
                    if !offers(kind, option) {
                        fail(format!("`{option}` is not an option of `{id}`"));
                        known = false;
                    }
                }
                known.then(|| Condition::AnyOf {
                    question: id,
                    options: options.iter().map(OptionId::new).collect(),
                })
            }
            RawCondition::Range {
                question,
                at_least,
                at_most,
            } => self.range(r, place, field, question, *at_least, *at_most),
            RawCondition::Answered(question) => {
                let (id, _) = self.question(r, place, field, question)?;
                Some(Condition::Answered(id))
            }
            RawCondition::All(parts) | RawCondition::Any(parts) => {
                let word = if matches!(raw, RawCondition::All(_)) {
                    "all"
                } else {
                    "any"
                };
                if parts.is_empty() {
                    r.add(
                        Some(place),
                        format!("{field}: `{word}` needs at least one condition"),
                    );
                    return None;
                }
                // Convert every part (no short cut) so all their problems are reported.
                let converted: Vec<_> = parts
                    .iter()
                    .map(|p| self.convert(r, place, field, p))
                    .collect();
                let converted: Option<Vec<_>> = converted.into_iter().collect();
                let converted = converted?;
                Some(if word == "all" {
                    Condition::All(converted)
                } else {
                    Condition::Any(converted)
                })
            }
            RawCondition::Not(inner) => self
                .convert(r, place, field, inner)
                .map(|c| Condition::Not(Box::new(c))),
        }
    }

    fn range(
        &self,
        r: &mut Report,
        place: &Place,
        field: &str,
        question: &str,
        at_least: Option<i64>,
        at_most: Option<i64>,
    ) -> Option<Condition> {
        let (id, kind) = self.question(r, place, field, question)?;
        let mut fail = |problem: String| r.add(Some(place), format!("{field}: {problem}"));
        let QuestionKind::Scale(scale) = kind else {
            let word = match (at_least, at_most) {
                (Some(_), Some(_)) => "at_least`/`at_most",
                (Some(_), None) => "at_least",
                _ => "at_most",
            };
            fail(format!(
                "`{word}` can only be used on a scale question, and `{id}` is a {} question",
                kind.name()
            ));
            return None;
        };
        let mut parts = Vec::new();
        for (word, bound) in [("at_least", at_least), ("at_most", at_most)] {
            let Some(bound) = bound else { continue };
            let on_scale = i64::from(scale.min()) <= bound && bound <= i64::from(scale.max());
            if !on_scale {
                fail(format!(
                    "{word} {bound} is outside the scale of `{id}` ({} to {})",
                    scale.min(),
                    scale.max()
                ));
                continue;
            }
            let value = bound as i32; // in range of an i32 scale, checked above
            let question = id.clone();
            parts.push(if word == "at_least" {
                Condition::AtLeast { question, value }
            } else {
                Condition::AtMost { question, value }
            });
        }
        let wanted = usize::from(at_least.is_some()) + usize::from(at_most.is_some());
        if parts.len() != wanted {
            return None;
        }
        Some(if parts.len() == 1 {
            parts.remove(0)
        } else {
            Condition::All(parts)
        })
    }

    /// The named question and its kind, if the condition may look at it.
    fn question(
        &self,
        r: &mut Report,
        place: &Place,
        field: &str,
        name: &str,
    ) -> Option<(QuestionId, &'a QuestionKind)> {
        let mut fail = |problem: &str| {
            r.add(Some(place), format!("{field} names `{name}`, {problem}"));
            None
        };
        let Some(&position) = self.order.get(name) else {
            return fail("which is not a question in this guide");
        };
        match self.limit {
            ScopeLimit::Question(me) if position == me => return fail("the question itself"),
            ScopeLimit::Question(me) if position > me => {
                return fail("which comes later in the guide")
            }
            ScopeLimit::Step { first, end } if (first..end).contains(&position) => {
                return fail(
                    "which is on this step; a step's show_if can only name questions on \
                     earlier steps",
                )
            }
            ScopeLimit::Step { end, .. } if position >= end => {
                return fail("which comes later in the guide")
            }
            _ => {}
        }
        let id = QuestionId::new(name);
        // Earlier questions are always built by now.
        let kind = self.kinds.get(&id)?;
        Some((id, kind))
    }
}

/// What `equals` compares with, checked against the question's kind.
fn expected(kind: &QuestionKind, id: &QuestionId, value: &RawValue) -> Result<Expected, String> {
    match (kind, value) {
        (QuestionKind::YesNo { .. }, RawValue::Bool(yes)) => Ok(Expected::YesNo(*yes)),
        (QuestionKind::YesNo { .. }, RawValue::Text(word)) if word == "yes" || word == "no" => {
            Ok(Expected::YesNo(word == "yes"))
        }
        (QuestionKind::YesNo { .. }, _) => Err(format!(
            "`{id}` is a yes_no question; compare it with \"yes\" or \"no\""
        )),
        (QuestionKind::Scale(scale), RawValue::Number(n)) => {
            match i32::try_from(*n).ok().filter(|n| scale.allows(*n)) {
                Some(n) => Ok(Expected::Number(n)),
                None => Err(format!(
                    "{n} is not on the scale of `{id}` ({} to {})",
                    scale.min(),
                    scale.max()
                )),
            }
        }
        (QuestionKind::Scale(_), _) => Err(format!(
            "`{id}` is a scale question; compare it with a number"
        )),
        (kind, value) if !kind.options().is_empty() => match value {
            RawValue::Text(option) if offers(kind, option) => {
                Ok(Expected::Chosen(OptionId::new(option.as_str())))
            }
            RawValue::Text(option) => Err(format!("`{option}` is not an option of `{id}`")),
            _ => Err(format!(
                "`{id}` is a {} question; compare it with one of its option ids",
                kind.name()
            )),
        },
        (kind, _) => Err(format!(
            "`equals` cannot be used on `{id}`, a {} question; use `answered`",
            kind.name()
        )),
    }
}

fn offers(kind: &QuestionKind, option: &str) -> bool {
    kind.options().iter().any(|o| o.id().as_str() == option)
}
