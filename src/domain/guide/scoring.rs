//! Scores per dimension from the shown answers, their bands, the flags raised, and what to try next.

use super::model::{
    Band, ChoiceOption, Dimension, Flag, Gate, Guide, Question, QuestionKind, ScoreRange, Step,
    Weights,
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
    /// Whether any shown question that adds to this dimension is answered.
    /// False for an entry finished before the guide gained the dimension's
    /// questions: its 0 means "not asked yet", not a low score.
    pub answered: bool,
}

impl Guide {
    /// Each dimension's score, in the order the guide lists dimensions.
    /// Only shown questions with valid answers count.
    pub fn score(&self, answers: &Answers) -> Vec<DimensionScore<'_>> {
        let visible = self.visible_answers(answers);
        self.dimensions
            .iter()
            .map(|dimension| {
                let answered: Vec<(&Question, &AnswerValue)> = self
                    .questions()
                    .filter(|(_, q)| adds_to_dimension(q, &dimension.id))
                    .filter_map(|(_, q)| Some((q, visible.get(&q.id)?)))
                    .collect();
                let value = answered
                    .iter()
                    .map(|(q, answer)| contribution(q, answer, &dimension.id))
                    .sum();
                DimensionScore {
                    dimension,
                    value,
                    band: dimension.band_for(value),
                    answered: !answered.is_empty(),
                }
            })
            .collect()
    }

    /// The questions whose answers add to `dimension`, in guide order.
    pub fn questions_adding_to(&self, dimension: &DimensionId) -> Vec<&Question> {
        self.questions()
            .map(|(_, q)| q)
            .filter(|q| adds_to_dimension(q, dimension))
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

    /// The gates whose condition holds on the shown answers, in guide order.
    pub fn gates_holding(&self, answers: &Answers) -> Vec<&Gate> {
        let visible = self.visible_answers(answers);
        self.gates
            .iter()
            .filter(|g| g.when.holds(&visible))
            .collect()
    }

    /// The guides to suggest next, first mention first, without repeats:
    /// the holding gates' if any gate holds (scores never argue with it),
    /// else the result bands'.
    pub fn recommendations(&self, answers: &Answers) -> Vec<&GuideId> {
        let gates = self.gates_holding(answers);
        let lists: Vec<&[GuideId]> = if gates.is_empty() {
            self.score(answers)
                .iter()
                .map(|score| score.band.map(Band::recommend).unwrap_or_default())
                .collect()
        } else {
            gates.iter().map(|gate| gate.recommend()).collect()
        };
        let mut found: Vec<&GuideId> = Vec::new();
        for guide in lists.into_iter().flatten() {
            if !found.contains(&guide) {
                found.push(guide);
            }
        }
        found
    }
}

/// Whether some answer to `question` can add to `dimension`.
pub(super) fn adds_to_dimension(question: &Question, dimension: &DimensionId) -> bool {
    match &question.kind {
        QuestionKind::YesNo {
            yes_weights,
            no_weights,
        } => yes_weights.contains_key(dimension) || no_weights.contains_key(dimension),
        QuestionKind::Scale(scale) => scale.weights.contains_key(dimension),
        kind => kind
            .options()
            .iter()
            .any(|o| o.weights.contains_key(dimension)),
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
