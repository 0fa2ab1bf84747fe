//! Which guides and answers may travel on a card, and what a card holds once
//! opened.
//!
//! A guide is shareable when its data says so, and never the Safety check or
//! the safety plan whatever its data says. Within a shareable guide, answers
//! that any safety flag or gate looks at (fear, harm, control, a decision
//! made) never travel: "show me your answers" can be a tool of control, and
//! those answers are the ones it would be used on.

use crate::domain::answer::{AnswerValue, Answers};
use crate::domain::date::CalendarDate;
use crate::domain::guide::{Guide, Question};
use crate::domain::ids::QuestionId;
use crate::domain::program::safety::SafetyStatus;
use crate::domain::program::summary::PRIVATE_BY_DEFAULT;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

use super::card::CardError;
use super::exchange::ExchangeError;

/// Whether two people may compare answers to `guide`.
pub fn is_shareable(guide: &Guide) -> bool {
    guide.is_shareable() && !PRIVATE_BY_DEFAULT.contains(&guide.id().as_str())
}

/// Whether Compare opens for `guide` now, and if not, why: the page says
/// which.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    Open,
    /// Its answers stay on this device, whatever else holds.
    NotShareable,
    /// Off while any answer says the user may not be safe: "show me your
    /// answers" can be a way of being controlled.
    OffForDanger,
    /// Off while the user has frightened or hurt the other person and taken
    /// no step for stopping: asking to see answers can feel like pressure.
    OffForHarm,
}

/// Whether Compare opens for `guide`, given where the user stands.
pub fn availability(guide: &Guide, safety: &SafetyStatus) -> Availability {
    if !is_shareable(guide) {
        Availability::NotShareable
    } else if safety.danger() {
        Availability::OffForDanger
    } else if safety.holds_repair_for_harm() {
        Availability::OffForHarm
    } else {
        Availability::Open
    }
}

/// The questions whose answers never go on a card: those a flag or a gate
/// of the guide looks at.
pub fn private_questions(guide: &Guide) -> BTreeSet<&QuestionId> {
    guide
        .flags()
        .iter()
        .map(|f| f.when())
        .chain(guide.gates().iter().map(|g| g.when()))
        .flat_map(|condition| condition.questions())
        .collect()
}

/// The answers this person could share, in the guide's order: shown,
/// non-empty and not private.
pub fn offered<'g>(guide: &'g Guide, answers: &Answers) -> Vec<(&'g Question, AnswerValue)> {
    let private = private_questions(guide);
    guide
        .visible_steps(answers)
        .into_iter()
        .flat_map(|step| guide.questions_shown_on(step.id(), answers))
        .filter(|q| !private.contains(q.id()))
        .filter_map(|q| {
            let answer = answers.get(q.id()).filter(|a| !a.is_empty())?;
            Some((q, answer.clone()))
        })
        .collect()
}

/// Answers that passed [`choose`]: shown, non-empty, not private, and
/// ticked by the user. It is the only thing a card can be sealed with
/// (`compare::seal`, [`Exchange::seal`](super::exchange::Exchange::seal)), so
/// a private or safety answer cannot be sealed at all, not only be refused
/// by the receiver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chosen(Answers);

impl Chosen {
    pub fn answers(&self) -> &Answers {
        &self.0
    }

    pub fn into_answers(self) -> Answers {
        self.0
    }

    /// Answers taken as chosen without a guide, for tests of the exchange's
    /// own rules (what `choose` lets through is tested on its own).
    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub(crate) fn unchecked(answers: Answers) -> Chosen {
        Chosen(answers)
    }
}

/// The answers among [`offered`] whose questions the user ticked.
pub fn choose(
    guide: &Guide,
    answers: &Answers,
    ticked: &[QuestionId],
) -> Result<Chosen, ExchangeError> {
    let mut chosen = Answers::default();
    for (question, answer) in offered(guide, answers) {
        if ticked.contains(question.id()) {
            chosen.set(question.id().clone(), answer);
        }
    }
    if chosen.iter().next().is_none() {
        return Err(ExchangeError::NothingChosen);
    }
    Ok(Chosen(chosen))
}

/// What a card's box holds: the day it was made and the shared answers, in
/// the stored form of answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Payload {
    pub made_on: CalendarDate,
    pub answers: Answers,
}

impl Payload {
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_default()
    }

    /// Reads an opened box. Answers to questions the guide does not have, or
    /// may not share, mean the card is not what a Mend made: refused whole.
    pub fn read(bytes: &[u8], guide: &Guide) -> Result<Payload, CardError> {
        let payload: Payload = serde_json::from_slice(bytes).map_err(|_| CardError::Altered)?;
        let private = private_questions(guide);
        let fits = payload
            .answers
            .iter()
            .all(|(id, _)| guide.question(id).is_some() && !private.contains(id));
        if fits {
            Ok(payload)
        } else {
            Err(CardError::Altered)
        }
    }
}
