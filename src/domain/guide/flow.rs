//! Which steps and questions the user sees given their answers, where they are, and what is left to do.

use super::condition::VisibleAnswers;
use super::model::{Guide, Question, Step};
use crate::domain::answer::{AnswerProblem, Answers};
use crate::domain::ids::StepId;
use std::collections::BTreeMap;

/// Where a step sits among the questions currently shown: this screen
/// shows questions `first..=last` of `total` ("Questions 3–4 of 12").
/// Questions hidden by conditions are not counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub first: usize,
    pub last: usize,
    pub total: usize,
}

/// A shown question whose answer is missing or not acceptable.
#[derive(Debug, Clone, PartialEq)]
pub struct Unfinished<'g> {
    pub step: &'g Step,
    pub question: &'g Question,
    pub problem: AnswerProblem,
}

/// The result of walking the guide in order with some answers.
struct Walk<'g, 'a> {
    visible: VisibleAnswers<'a>,
    /// For each step, its shown questions (empty when the step is hidden).
    shown: Vec<Vec<&'g Question>>,
}

impl Guide {
    /// Walks steps and questions in order, deciding each one's visibility from
    /// the answers of the shown questions before it, so a condition on a
    /// hidden question sees it as unanswered.
    fn walk<'g, 'a>(&'g self, answers: &'a Answers) -> Walk<'g, 'a> {
        let mut visible = VisibleAnswers(BTreeMap::new());
        let mut shown = Vec::with_capacity(self.steps.len());
        for step in &self.steps {
            let mut on_step = Vec::new();
            if step.show_if.as_ref().is_none_or(|c| c.holds(&visible)) {
                for question in &step.questions {
                    if !question.show_if.as_ref().is_none_or(|c| c.holds(&visible)) {
                        continue;
                    }
                    on_step.push(question);
                    // Only a valid, non-empty answer counts as an answer.
                    if let Some((id, answer)) = answers.get_key_value(&question.id) {
                        if !answer.is_empty() && question.check(Some(answer)).is_ok() {
                            visible.0.insert(id, answer);
                        }
                    }
                }
            }
            shown.push(on_step);
        }
        Walk { visible, shown }
    }

    /// The answers conditions, scores and flags may use; see [`VisibleAnswers`].
    pub fn visible_answers<'a>(&self, answers: &'a Answers) -> VisibleAnswers<'a> {
        self.walk(answers).visible
    }

    /// The screens the user goes through, in order. A step is shown when its
    /// condition holds and at least one of its questions is shown, so there is
    /// never an empty screen.
    pub fn visible_steps(&self, answers: &Answers) -> Vec<&Step> {
        let walk = self.walk(answers);
        self.steps
            .iter()
            .zip(&walk.shown)
            .filter(|(_, shown)| !shown.is_empty())
            .map(|(step, _)| step)
            .collect()
    }

    /// Every shown question, in order.
    pub fn visible_questions(&self, answers: &Answers) -> Vec<&Question> {
        self.walk(answers).shown.into_iter().flatten().collect()
    }

    /// The questions to put on the screen for `step`; empty if it is hidden.
    pub fn questions_shown_on(&self, step: &StepId, answers: &Answers) -> Vec<&Question> {
        let Some(index) = self.step_index(step) else {
            return Vec::new();
        };
        self.walk(answers).shown.swap_remove(index)
    }

    pub fn first_step(&self, answers: &Answers) -> Option<&Step> {
        self.visible_steps(answers).into_iter().next()
    }

    /// The next shown step after `from` in guide order; `None` at the end.
    /// Works even if `from` itself has just become hidden.
    pub fn next_step(&self, from: &StepId, answers: &Answers) -> Option<&Step> {
        let from = self.step_index(from)?;
        let walk = self.walk(answers);
        (from + 1..self.steps.len())
            .find(|&i| !walk.shown[i].is_empty())
            .map(|i| &self.steps[i])
    }

    /// The shown step before `from`; `None` at the start.
    pub fn previous_step(&self, from: &StepId, answers: &Answers) -> Option<&Step> {
        let from = self.step_index(from)?;
        let walk = self.walk(answers);
        (0..from)
            .rev()
            .find(|&i| !walk.shown[i].is_empty())
            .map(|i| &self.steps[i])
    }

    /// How far through the guide `step` is; `None` if it is hidden or unknown.
    pub fn progress(&self, step: &StepId, answers: &Answers) -> Option<Progress> {
        let index = self.step_index(step)?;
        let walk = self.walk(answers);
        let here = walk.shown[index].len();
        if here == 0 {
            return None;
        }
        let before: usize = walk.shown[..index].iter().map(Vec::len).sum();
        Some(Progress {
            first: before + 1,
            last: before + here,
            total: walk.shown.iter().map(Vec::len).sum(),
        })
    }

    /// Every shown question whose answer is missing (if required) or not
    /// acceptable (even if optional: a half-valid answer needs fixing), in order.
    pub fn unfinished(&self, answers: &Answers) -> Vec<Unfinished<'_>> {
        let walk = self.walk(answers);
        self.steps
            .iter()
            .zip(walk.shown)
            .flat_map(|(step, shown)| shown.into_iter().map(move |q| (step, q)))
            .filter_map(|(step, question)| {
                let problem = question.check(answers.get(&question.id)).err()?;
                Some(Unfinished {
                    step,
                    question,
                    problem,
                })
            })
            .collect()
    }

    /// Where to send the user to finish: the first shown question with a problem.
    pub fn first_unfinished(&self, answers: &Answers) -> Option<Unfinished<'_>> {
        self.unfinished(answers).into_iter().next()
    }

    /// Whether every shown question is acceptably answered (or optional and empty).
    pub fn is_complete(&self, answers: &Answers) -> bool {
        self.first_unfinished(answers).is_none()
    }

    fn step_index(&self, step: &StepId) -> Option<usize> {
        self.steps.iter().position(|s| &s.id == step)
    }
}
