//! Scores per dimension from the shown answers, their bands, the flags raised, and what to try next.

use super::model::{
    Band, ChoiceOption, Dimension, Flag, Guide, Question, QuestionKind, ScoreRange, Step, Weights,
};
use crate::domain::answer::{AnswerValue, Answers};
use crate::domain::ids::{DimensionId, FlagId, GuideId};

/// One dimension's result.
#[derive(Debug, Clone, PartialEq)]
pub struct DimensionScore<'g> {
    pub dimension: &'g Dimension,
    pub value: i64,
    /// The band `value` falls in; always present once the guide is complete.
    pub band: Option<&'g Band>,
}

impl Guide {
    /// Each dimension's score, in the order the guide lists dimensions.
    /// Only shown questions with valid answers count.
    pub fn score(&self, answers: &Answers) -> Vec<DimensionScore<'_>> {
        let visible = self.visible_answers(answers);
        self.dimensions
            .iter()
            .map(|dimension| {
                let value = self
                    .questions()
                    .filter_map(|(_, q)| Some((q, visible.get(&q.id)?)))
                    .map(|(q, answer)| contribution(q, answer, &dimension.id))
                    .sum();
                DimensionScore {
                    dimension,
                    value,
                    band: dimension.band_for(value),
                }
            })
            .collect()
    }

    /// The flags whose condition holds on the shown answers, in guide order.
    pub fn raised_flags(&self, answers: &Answers) -> Vec<&Flag> {
        let visible = self.visible_answers(answers);
        self.flags
            .iter()
            .filter(|f| f.when.holds(&visible))
            .collect()
    }

    pub fn raises(&self, flag: &FlagId, answers: &Answers) -> bool {
        self.raised_flags(answers).iter().any(|f| &f.id == flag)
    }

    /// The guides the result bands suggest, first mention first, without repeats.
    pub fn recommendations(&self, answers: &Answers) -> Vec<&GuideId> {
        let mut found: Vec<&GuideId> = Vec::new();
        for score in self.score(answers) {
            for guide in score.band.map(Band::recommend).unwrap_or_default() {
                if !found.contains(&guide) {
                    found.push(guide);
                }
            }
        }
        found
    }
}

/// What one valid answer adds to one dimension.
fn contribution(question: &Question, answer: &AnswerValue, dimension: &DimensionId) -> i64 {
    let weight = |weights: &Weights| i64::from(weights.get(dimension).copied().unwrap_or(0));
    let option_weight = |options: &[ChoiceOption], chosen| {
        options
            .iter()
            .find(|o| &o.id == chosen)
            .map_or(0, |o| weight(&o.weights))
    };
    match (&question.kind, answer) {
        (QuestionKind::SingleChoice { options }, AnswerValue::Choice(chosen)) => {
            option_weight(options, chosen)
        }
        (
            QuestionKind::MultipleChoice { options, .. }
            | QuestionKind::Checklist { items: options },
            AnswerValue::Choices(chosen),
        ) => {
            // Each option counts once, however often the list names it.
            let mut seen = Vec::new();
            chosen
                .iter()
                .filter(|c| {
                    let first = !seen.contains(c);
                    seen.push(*c);
                    first
                })
                .map(|c| option_weight(options, c))
                .sum()
        }
        (
            QuestionKind::YesNo {
                yes_weights,
                no_weights,
            },
            AnswerValue::YesNo(yes),
        ) => weight(if *yes { yes_weights } else { no_weights }),
        (QuestionKind::Scale(scale), AnswerValue::Scale(value)) => {
            i64::from(*value) * weight(&scale.weights)
        }
        _ => 0,
    }
}

/// The lowest and highest score `dimension` can reach over the given steps.
///
/// Questions are treated as independent, so this can only be wider than
/// what is really reachable, never narrower: bands covering it cover every
/// real score. A question that may go unanswered (optional, or behind a
/// condition) can also add 0.
pub(super) fn score_range(steps: &[Step], dimension: &DimensionId) -> ScoreRange {
    let mut range = ScoreRange { min: 0, max: 0 };
    for step in steps {
        for question in &step.questions {
            let (low, high) = question_range(question, dimension);
            let can_skip =
                !question.required || step.show_if.is_some() || question.show_if.is_some();
            let (low, high) = if can_skip {
                (low.min(0), high.max(0))
            } else {
                (low, high)
            };
            range.min += low;
            range.max += high;
        }
    }
    range
}

/// Lowest and highest that one answered question can add.
fn question_range(question: &Question, dimension: &DimensionId) -> (i64, i64) {
    let weight = |weights: &Weights| i64::from(weights.get(dimension).copied().unwrap_or(0));
    let option_weights = |options: &[ChoiceOption]| -> Vec<i64> {
        let mut weights: Vec<i64> = options.iter().map(|o| weight(&o.weights)).collect();
        weights.sort_unstable();
        weights
    };
    match &question.kind {
        QuestionKind::SingleChoice { options } => {
            let w = option_weights(options);
            (
                w.first().copied().unwrap_or(0),
                w.last().copied().unwrap_or(0),
            )
        }
        QuestionKind::MultipleChoice {
            options,
            min_choices,
            max_choices,
        } => picks_range(&option_weights(options), *min_choices, *max_choices),
        QuestionKind::Checklist { items } => picks_range(&option_weights(items), 1, items.len()),
        QuestionKind::YesNo {
            yes_weights,
            no_weights,
        } => {
            let (yes, no) = (weight(yes_weights), weight(no_weights));
            (yes.min(no), yes.max(no))
        }
        QuestionKind::Scale(scale) => {
            let w = weight(&scale.weights);
            let (a, b) = (i64::from(scale.min) * w, i64::from(scale.max) * w);
            (a.min(b), a.max(b))
        }
        QuestionKind::ShortText { .. }
        | QuestionKind::LongText { .. }
        | QuestionKind::List { .. }
        | QuestionKind::Date => (0, 0),
    }
}

/// Range of the sum of between `min` and `max` distinct picks from sorted `weights`:
/// the lowest takes the smallest weights first, the highest the largest.
fn picks_range(sorted: &[i64], min: usize, max: usize) -> (i64, i64) {
    let max = max.min(sorted.len());
    let mut low = i64::MAX;
    let mut high = i64::MIN;
    for k in min..=max {
        low = low.min(sorted[..k].iter().sum());
        high = high.max(sorted[sorted.len() - k..].iter().sum());
    }
    if low > high {
        // No valid count (validation reports this); add nothing.
        (0, 0)
    } else {
        (low, high)
    }
}
