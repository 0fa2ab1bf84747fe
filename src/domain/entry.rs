//! Entries: one go at a guide, and the rule for which entry is current and which are history.
//!
//! The rule: a guide that is not recurring has at most one entry, which the
//! user resumes, reviews and edits (finishing it again keeps the first
//! completion date). A recurring guide (a weekly check-in) has at most one
//! open entry; finishing it files it, dated, into the guide's history, and
//! the next `begin` starts a fresh entry, so no earlier week is overwritten.

use crate::domain::answer::{AnswerProblem, AnswerValue, Answers};
use crate::domain::date::CalendarDate;
use crate::domain::guide::Guide;
use crate::domain::ids::{EntryId, GuideId, QuestionId, StepId};
use serde::{Deserialize, Serialize};

/// One go at one guide. Stored as
/// `{"id":"weekly-2026-11-22","guide":"weekly","started_on":"2026-11-22",
///   "completed_on":null,"answers":{...},"current_step":"ratings"}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    id: EntryId,
    guide: GuideId,
    started_on: CalendarDate,
    completed_on: Option<CalendarDate>,
    answers: Answers,
    /// Where to resume; `None` before the first screen.
    current_step: Option<StepId>,
}

impl Entry {
    pub fn id(&self) -> &EntryId {
        &self.id
    }
    pub fn guide(&self) -> &GuideId {
        &self.guide
    }
    pub fn started_on(&self) -> CalendarDate {
        self.started_on
    }
    /// When the user first finished it.
    pub fn completed_on(&self) -> Option<CalendarDate> {
        self.completed_on
    }
    pub fn is_completed(&self) -> bool {
        self.completed_on.is_some()
    }
    pub fn answers(&self) -> &Answers {
        &self.answers
    }
    pub fn current_step(&self) -> Option<&StepId> {
        self.current_step.as_ref()
    }

    /// Records an answer as it is given.
    pub fn answer(&mut self, question: QuestionId, value: AnswerValue) {
        self.answers.set(question, value);
    }

    pub fn clear_answer(&mut self, question: &QuestionId) {
        self.answers.remove(question);
    }

    /// Remembers the screen the user is on, so they come back to it.
    pub fn move_to(&mut self, step: StepId) {
        self.current_step = Some(step);
    }

    /// Back to the guide's introduction; every answer stays.
    pub fn clear_step(&mut self) {
        self.current_step = None;
    }
}

/// Why an entry cannot be finished.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EntryError {
    #[error("There is nothing started in this guide to finish.")]
    NotStarted,
    /// Points at the first question still to answer, for the review page.
    #[error("{problem}")]
    Unfinished {
        step: StepId,
        question: QuestionId,
        problem: AnswerProblem,
    },
}

/// Every entry of every guide, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Entries(Vec<Entry>);

impl Entries {
    pub fn iter(&self) -> impl Iterator<Item = &Entry> {
        self.0.iter()
    }

    pub fn get(&self, id: &EntryId) -> Option<&Entry> {
        self.0.iter().find(|e| &e.id == id)
    }

    pub fn get_mut(&mut self, id: &EntryId) -> Option<&mut Entry> {
        self.0.iter_mut().find(|e| &e.id == id)
    }

    /// The entry the user works on for `guide`: the only one of a one-off
    /// guide (finished or not), or the open one of a recurring guide.
    pub fn current(&self, guide: &Guide) -> Option<&Entry> {
        let index = self.current_index(guide)?;
        Some(&self.0[index])
    }

    pub fn current_mut(&mut self, guide: &Guide) -> Option<&mut Entry> {
        let index = self.current_index(guide)?;
        Some(&mut self.0[index])
    }

    /// Finished entries of `guide`, oldest first: the history a recurring
    /// guide builds up (for a one-off guide, at most its one entry).
    pub fn history(&self, guide: &GuideId) -> Vec<&Entry> {
        self.0
            .iter()
            .filter(|e| &e.guide == guide && e.is_completed())
            .collect()
    }

    /// The current entry of `guide`, starting one dated `today` if there is none.
    pub fn begin(&mut self, guide: &Guide, today: CalendarDate) -> &mut Entry {
        let index = match self.current_index(guide) {
            Some(index) => index,
            None => {
                let id = self.fresh_id(guide.id(), today);
                self.0.push(Entry {
                    id,
                    guide: guide.id().clone(),
                    started_on: today,
                    completed_on: None,
                    answers: Answers::default(),
                    current_step: None,
                });
                self.0.len() - 1
            }
        };
        &mut self.0[index]
    }

    /// Marks the current entry of `guide` finished on `today`, if every shown
    /// question is answered. For a recurring guide this files it into history.
    pub fn complete(&mut self, guide: &Guide, today: CalendarDate) -> Result<&Entry, EntryError> {
        let index = self.current_index(guide).ok_or(EntryError::NotStarted)?;
        let entry = &mut self.0[index];
        if let Some(gap) = guide.first_unfinished(&entry.answers) {
            return Err(EntryError::Unfinished {
                step: gap.step.id().clone(),
                question: gap.question.id().clone(),
                problem: gap.problem,
            });
        }
        entry.completed_on.get_or_insert(today);
        Ok(entry)
    }

    fn current_index(&self, guide: &Guide) -> Option<usize> {
        // Newest first: if an import ever left two, the latest one wins.
        self.0
            .iter()
            .rposition(|e| &e.guide == guide.id() && (!guide.is_recurring() || !e.is_completed()))
    }

    /// `weekly-2026-11-22`, then `weekly-2026-11-22-2` for a second one that day.
    fn fresh_id(&self, guide: &GuideId, day: CalendarDate) -> EntryId {
        let base = format!("{guide}-{day}");
        let mut id = EntryId::new(base.as_str());
        let mut n = 1;
        while self.get(&id).is_some() {
            n += 1;
            id = EntryId::new(format!("{base}-{n}"));
        }
        id
    }
}
