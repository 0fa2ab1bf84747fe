//! Review dates: days the user chose, in a guide, to look at something
//! again (a date question marked `review = true`). Your path and History
//! show them, so a date set weeks ago is not forgotten.

use crate::domain::answer::AnswerValue;
use crate::domain::date::CalendarDate;
use crate::domain::entry::Entries;
use crate::domain::guide::{Guide, Library, Question};

/// One date the user set, with the guide and question it was set in.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewDate<'g> {
    pub guide: &'g Guide,
    pub question: &'g Question,
    pub date: CalendarDate,
}

/// Every review date in the latest entry of each guide (the one being
/// worked on if it has answers, else the latest finished), soonest first.
/// Answers on hidden questions do not count.
pub fn review_dates<'g>(entries: &Entries, library: &'g Library) -> Vec<ReviewDate<'g>> {
    let mut dates: Vec<ReviewDate<'g>> = Vec::new();
    for guide in library.guides() {
        let entry = entries
            .current(guide)
            .filter(|e| !e.answers().is_empty())
            .or_else(|| entries.history(guide.id()).last().copied());
        let Some(entry) = entry else { continue };
        let visible = guide.visible_answers(entry.answers());
        for (_, question) in guide.questions().filter(|(_, q)| q.is_review_date()) {
            if let Some(AnswerValue::Date(text)) = visible.get(question.id()) {
                if let Ok(date) = text.parse::<CalendarDate>() {
                    dates.push(ReviewDate {
                        guide,
                        question,
                        date,
                    });
                }
            }
        }
    }
    dates.sort_by_key(|d| d.date);
    dates
}
