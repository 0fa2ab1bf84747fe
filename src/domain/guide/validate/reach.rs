//! Finds steps, questions and flags whose conditions no set of answers can ever satisfy.
//!
//! Every question a condition can look at has a small set of distinct
//! answers that matter (its options, yes/no, its scale values, "answered"
//! or not), so we simply try every combination, hidden-question rule
//! included. Conditions naming too many questions to try are let through.

use super::Report;
use crate::domain::answer::{AnswerValue, Answers};
use crate::domain::guide::condition::Condition;
use crate::domain::guide::error::Place;
use crate::domain::guide::model::{ChoiceOption, Guide, Question, QuestionKind};
use crate::domain::ids::{OptionId, QuestionId};
use std::collections::BTreeSet;

/// More combinations than this are not tried (a real guide's conditions need far fewer).
const MOST_CASES: usize = 20_000;
/// Checklists and multiple choices with more options than this are not tried.
const MOST_OPTIONS: usize = 10;

pub(super) fn check(r: &mut Report, guide: &Guide) {
    for step in &guide.steps {
        if let Some(show_if) = &step.show_if {
            if can_hold(guide, &[show_if]) == Some(false) {
                let place = Place::Step(step.id.clone());
                r.add(
                    Some(&place),
                    "show_if can never hold, so this step is never shown",
                );
                continue;
            }
        }
        for question in &step.questions {
            let Some(show_if) = &question.show_if else {
                continue;
            };
            // Shown only when its step is shown too.
            let both: Vec<&Condition> = std::iter::once(show_if).chain(&step.show_if).collect();
            if can_hold(guide, &both) == Some(false) {
                let place = Place::Question(question.id.clone());
                r.add(
                    Some(&place),
                    "show_if can never hold, so this question is never shown",
                );
            }
        }
    }
    for flag in &guide.flags {
        if can_hold(guide, &[&flag.when]) == Some(false) {
            let place = Place::Flag(flag.id.clone());
            r.add(
                Some(&place),
                "when can never hold, so this flag is never raised",
            );
        }
    }
    for gate in &guide.gates {
        if can_hold(guide, &[&gate.when]) == Some(false) {
            let place = Place::Gate(gate.id.clone());
            r.add(
                Some(&place),
                "when can never hold, so this gate never shows",
            );
        }
    }
}

/// Whether some answers make every condition hold; `None` if too many to try.
fn can_hold(guide: &Guide, conditions: &[&Condition]) -> Option<bool> {
    let involved = involved_questions(guide, conditions);
    let mut choices = Vec::with_capacity(involved.len());
    let mut cases: usize = 1;
    for question in &involved {
        let answers = distinct_answers(question)?;
        cases = cases
            .checked_mul(answers.len())
            .filter(|&n| n <= MOST_CASES)?;
        choices.push((question.id.clone(), answers));
    }
    // An odometer over every combination of answers.
    let mut picks = vec![0; choices.len()];
    loop {
        let mut answers = Answers::default();
        for ((id, options), &pick) in choices.iter().zip(&picks) {
            if let Some(answer) = &options[pick] {
                answers.set(id.clone(), answer.clone());
            }
        }
        let visible = guide.visible_answers(&answers);
        if conditions.iter().all(|c| c.holds(&visible)) {
            return Some(true);
        }
        let mut wheel = 0;
        loop {
            if wheel == picks.len() {
                return Some(false);
            }
            picks[wheel] += 1;
            if picks[wheel] < choices[wheel].1.len() {
                break;
            }
            picks[wheel] = 0;
            wheel += 1;
        }
    }
}

/// The questions the conditions name, plus those their visibility depends on.
fn involved_questions<'g>(guide: &'g Guide, conditions: &[&Condition]) -> Vec<&'g Question> {
    let mut pending: Vec<&QuestionId> = conditions.iter().flat_map(|c| c.questions()).collect();
    let mut found: BTreeSet<&QuestionId> = BTreeSet::new();
    let mut involved = Vec::new();
    while let Some(id) = pending.pop() {
        if !found.insert(id) {
            continue;
        }
        let Some((step, question)) = guide.questions().find(|(_, q)| &q.id == id) else {
            continue;
        };
        involved.push(question);
        for condition in step.show_if.iter().chain(&question.show_if) {
            pending.extend(condition.questions());
        }
    }
    involved
}

/// One answer per distinct outcome a condition can tell apart, plus no answer.
fn distinct_answers(question: &Question) -> Option<Vec<Option<AnswerValue>>> {
    let mut answers = vec![None];
    let ids = |options: &[ChoiceOption]| -> Vec<OptionId> {
        options.iter().map(|o| o.id.clone()).collect()
    };
    match &question.kind {
        QuestionKind::SingleChoice { options } => {
            answers.extend(
                ids(options)
                    .into_iter()
                    .map(|o| Some(AnswerValue::Choice(o))),
            );
        }
        QuestionKind::MultipleChoice {
            options,
            min_choices,
            max_choices,
        } => answers.extend(subsets(&ids(options), *min_choices, *max_choices)?),
        QuestionKind::Checklist { items } => {
            answers.extend(subsets(&ids(items), 1, items.len())?);
        }
        QuestionKind::YesNo { .. } => {
            answers.extend([
                Some(AnswerValue::YesNo(true)),
                Some(AnswerValue::YesNo(false)),
            ]);
        }
        QuestionKind::Scale(scale) => {
            answers.extend(scale.values().map(|v| Some(AnswerValue::Scale(v))));
        }
        QuestionKind::ShortText { min_length, .. } | QuestionKind::LongText { min_length, .. } => {
            answers.push(Some(AnswerValue::Text("x".repeat((*min_length).max(1)))));
        }
        QuestionKind::List { min_items, .. } => {
            answers.push(Some(AnswerValue::List(vec![
                "x".to_owned();
                (*min_items).max(1)
            ])));
        }
        QuestionKind::Date => answers.push(Some(AnswerValue::Date("2000-01-01".to_owned()))),
    }
    Some(answers)
}

/// Every choice of between `min` and `max` of `ids`; `None` if there are too many.
fn subsets(ids: &[OptionId], min: usize, max: usize) -> Option<Vec<Option<AnswerValue>>> {
    if ids.len() > MOST_OPTIONS {
        return None;
    }
    let picks = (0u32..1 << ids.len())
        .filter(|mask| (min..=max).contains(&(mask.count_ones() as usize)))
        .map(|mask| {
            let chosen = ids
                .iter()
                .enumerate()
                .filter(|(i, _)| mask & (1 << i) != 0)
                .map(|(_, id)| id.clone())
                .collect();
            Some(AnswerValue::Choices(chosen))
        })
        .collect();
    Some(picks)
}
