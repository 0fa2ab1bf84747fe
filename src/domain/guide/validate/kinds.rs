//! Checks each question kind's settings, including rules that would make a question impossible to answer.

use super::{bad_id, Report};
use crate::domain::guide::error::Place;
use crate::domain::guide::model::{
    ChoiceOption, QuestionKind, Scale, Weights, SHORT_TEXT_DEFAULT_MAX,
};
use crate::domain::guide::raw::{RawOption, RawQuestionKind};
use crate::domain::ids::{is_well_formed, DimensionId, OptionId};
use std::collections::{BTreeMap, BTreeSet};

const NEVER: &str = "so this question can never be answered";

pub(super) fn convert(
    r: &mut Report,
    place: &Place,
    raw: &RawQuestionKind,
    dimensions: &BTreeSet<DimensionId>,
) -> QuestionKind {
    let place = Some(place);
    match raw {
        RawQuestionKind::SingleChoice { options } => {
            let options = choices(r, place, options, "option", dimensions);
            if options.len() < 2 {
                r.add(place, "a single_choice question needs at least two options");
            }
            QuestionKind::SingleChoice { options }
        }
        RawQuestionKind::MultipleChoice {
            options,
            min_choices,
            max_choices,
        } => {
            let options = choices(r, place, options, "option", dimensions);
            if options.len() < 2 {
                r.add(
                    place,
                    "a multiple_choice question needs at least two options",
                );
            }
            let min = count(*min_choices, 1);
            let max = count(*max_choices, options.len());
            if min == 0 {
                r.add(
                    place,
                    "min_choices must be at least 1; to let people skip the question, set required = false",
                );
            }
            if *max_choices == Some(0) {
                r.add(place, "max_choices must be at least 1");
            }
            if min > options.len() && options.len() >= 2 {
                r.add(
                    place,
                    format!(
                        "min_choices is {min} but there are only {} options, {NEVER}",
                        options.len()
                    ),
                );
            } else if min > max && max > 0 {
                r.add(
                    place,
                    format!("min_choices ({min}) is more than max_choices ({max}), {NEVER}"),
                );
            }
            QuestionKind::MultipleChoice {
                options,
                min_choices: min,
                max_choices: max,
            }
        }
        RawQuestionKind::YesNo {
            yes_weights,
            no_weights,
        } => QuestionKind::YesNo {
            yes_weights: weights(r, place, "yes_weights add to", yes_weights, dimensions),
            no_weights: weights(r, place, "no_weights add to", no_weights, dimensions),
        },
        RawQuestionKind::Scale {
            min,
            max,
            step,
            min_label,
            max_label,
            labels,
            weights: raw_weights,
        } => {
            let step = step.unwrap_or(1);
            if min >= max {
                r.add(
                    place,
                    format!("the scale's min ({min}) must be below its max ({max})"),
                );
            } else if step < 1 {
                r.add(place, "step must be at least 1");
            } else if (i64::from(*max) - i64::from(*min)) % i64::from(step) != 0 {
                r.add(
                    place,
                    format!("step {step} does not fit evenly from {min} to {max}"),
                );
            }
            let mut scale = Scale {
                min: *min,
                max: *max,
                step: step.max(1),
                min_label: r.optional_text(place, "min_label", min_label.as_deref()),
                max_label: r.optional_text(place, "max_label", max_label.as_deref()),
                labels: BTreeMap::new(),
                weights: weights(r, place, "weights add to", raw_weights, dimensions),
            };
            for (key, label) in labels {
                let label = r.text(place, &format!("labels: the label for {key}"), label);
                match key.trim().parse::<i32>() {
                    Ok(value) if scale.allows(value) => {
                        scale.labels.insert(value, label);
                    }
                    Ok(value) => r.add(
                        place,
                        format!("labels: {value} is not on the scale ({min} to {max})"),
                    ),
                    Err(_) => r.add(place, format!("labels: `{key}` is not a whole number")),
                }
            }
            QuestionKind::Scale(scale)
        }
        RawQuestionKind::ShortText {
            min_length,
            max_length,
        } => {
            let (min_length, max_length) = lengths(
                r,
                place,
                *min_length,
                Some(count(*max_length, SHORT_TEXT_DEFAULT_MAX)),
            );
            QuestionKind::ShortText {
                min_length,
                max_length: max_length.unwrap_or(SHORT_TEXT_DEFAULT_MAX),
            }
        }
        RawQuestionKind::LongText {
            min_length,
            max_length,
        } => {
            let (min_length, max_length) =
                lengths(r, place, *min_length, max_length.map(|m| m as usize));
            QuestionKind::LongText {
                min_length,
                max_length,
            }
        }
        RawQuestionKind::Checklist { items } => {
            let items = choices(r, place, items, "item", dimensions);
            if items.is_empty() {
                r.add(place, "a checklist needs at least one item");
            }
            QuestionKind::Checklist { items }
        }
        RawQuestionKind::List {
            min_items,
            max_items,
        } => {
            let min_items = count(*min_items, 0);
            let max_items = max_items.map(|m| m as usize);
            match max_items {
                Some(0) => r.add(place, "max_items must be at least 1"),
                Some(max) if min_items > max => r.add(
                    place,
                    format!("min_items ({min_items}) is more than max_items ({max}), {NEVER}"),
                ),
                _ => {}
            }
            QuestionKind::List {
                min_items,
                max_items,
            }
        }
        RawQuestionKind::Date {} => QuestionKind::Date,
    }
}

fn count(raw: Option<u32>, default: usize) -> usize {
    raw.map_or(default, |n| n as usize)
}

/// Checks a text length rule; returns `(min, max)`.
fn lengths(
    r: &mut Report,
    place: Option<&Place>,
    min: Option<u32>,
    max: Option<usize>,
) -> (usize, Option<usize>) {
    let min = count(min, 0);
    match max {
        Some(0) => r.add(place, "max_length must be at least 1"),
        Some(max) if min > max => r.add(
            place,
            format!("min_length ({min}) is more than max_length ({max}), {NEVER}"),
        ),
        _ => {}
    }
    (min, max)
}

/// Options of a choice question, or items of a checklist (`noun` says which).
fn choices(
    r: &mut Report,
    place: Option<&Place>,
    raw: &[RawOption],
    noun: &str,
    dimensions: &BTreeSet<DimensionId>,
) -> Vec<ChoiceOption> {
    let mut seen = BTreeSet::new();
    raw.iter()
        .map(|option| {
            if !is_well_formed(&option.id) {
                r.add(place, bad_id(&format!("the {noun} id"), &option.id));
            }
            if !seen.insert(option.id.as_str()) {
                r.add(place, format!("two {noun}s use the id `{}`", option.id));
            }
            let label = r.text(
                place,
                &format!("{noun} `{}`: label", option.id),
                &option.label,
            );
            let what = format!("{noun} `{}` adds to", option.id);
            ChoiceOption {
                id: OptionId::new(option.id.as_str()),
                label,
                weights: weights(r, place, &what, &option.weights, dimensions),
            }
        })
        .collect()
}

/// Weights, each naming a dimension of this guide.
fn weights(
    r: &mut Report,
    place: Option<&Place>,
    what: &str,
    raw: &BTreeMap<String, i32>,
    dimensions: &BTreeSet<DimensionId>,
) -> Weights {
    raw.iter()
        .map(|(dimension, weight)| {
            let id = DimensionId::new(dimension.as_str());
            if !dimensions.contains(&id) {
                r.add(
                    place,
                    format!("{what} `{dimension}`, which is not a dimension of this guide"),
                );
            }
            (id, *weight)
        })
        .collect()
}
