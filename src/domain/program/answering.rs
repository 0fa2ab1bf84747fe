//! What giving an answer does beyond storing it. Decided here, with tests;
//! the question screen (`pages::guide::runner`) only reports the answer.

use crate::domain::answer::AnswerValue;
use crate::domain::date::CalendarDate;
use crate::domain::guide::Guide;
use crate::domain::ids::QuestionId;
use crate::domain::store::Document;

use super::intake::{Intake, INTAKE_GUIDE};

/// Records `value` (or clears the answer, for `None`) to `question` of
/// `guide` in `document`, beginning an entry if none is open. A new answer
/// to a safety question counts afresh, whatever the user chose about the
/// earlier ones ("I'm safe now", "Show me the full path", a step taken
/// after harm, "That has changed"); and the intake's answers name the
/// relationship and the other person, so every guide's wording follows them.
pub fn give(
    document: &mut Document,
    guide: &Guide,
    question: QuestionId,
    value: Option<AnswerValue>,
    today: CalendarDate,
) {
    let entry = document.entries.begin(guide, today);
    document
        .profile
        .safety
        .answered(guide, &question, entry.id());
    match value {
        Some(value) => entry.answer(question, value),
        None => entry.clear_answer(&question),
    }
    if guide.id().as_str() == INTAKE_GUIDE {
        document.profile.wording = Intake::from_answers(entry.answers()).wording();
    }
}
