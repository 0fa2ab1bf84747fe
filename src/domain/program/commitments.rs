//! Commitments the user tracks week by week: kept, partly kept or missed.
//!
//! A commitment is one line the user wrote in a guide that asks for them
//! ([`SOURCES`]), or one they added themselves on History. It starts on the
//! day it was taken up and stays open until the user says it is finished or
//! drops it (with a reason, if they want). Each weekly check-in asks about
//! every open one; the answer is kept against the week (Monday to Sunday, on
//! calendar dates, like the trust series), so a second check-in in the same
//! week changes that week's mark rather than adding another.
//!
//! The record is shown as it is: no streaks, badges or scores. A missed week
//! is something to talk about, not a failure to count against anyone.
//!
//! Stored in the document (schema 3) as `commitments`:
//!
//! ```json
//! [{"id":"2026-11-23-1","text":"Tell you if my plans change",
//!   "source":{"guide":"keeping-your-word","question":"commitments",
//!             "line":"Tell you if my plans change"},
//!   "started_on":"2026-11-23","ended":null,
//!   "weeks":[{"week":"2026-11-23","mark":"kept","note":""}]}]
//! ```

use crate::domain::answer::AnswerValue;
use crate::domain::date::CalendarDate;
use crate::domain::entry::Entry;
use crate::domain::ids::{GuideId, QuestionId};
use crate::domain::msg::{self, fill, t, tf};
use serde::{Deserialize, Serialize};

/// The list questions whose lines become tracked commitments, by guide.
/// "What are you hoping {name} will commit to?" is not here: those are the
/// other person's to make.
pub const SOURCES: [(&str, &str); 3] = [
    ("keeping-your-word", "commitments"),
    ("committing-to-the-work", "amends"),
    ("committing-to-the-work", "open-to"),
];

/// The weekly check-in's step that asks about each open commitment.
pub const CHECK_IN_STEP: &str = "commitments";

/// The longest commitment or note kept, in characters, so one paste cannot
/// fill the device's storage.
pub const MAX_TEXT: usize = 500;

/// One tracked commitment.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    /// Unique in the document: the start date and a number.
    pub id: String,
    /// The words, as the user last wrote them. Changing them keeps the record.
    pub text: String,
    /// The guide question it came from; `None` for one added on History.
    pub source: Option<Source>,
    pub started_on: CalendarDate,
    pub ended: Option<Ending>,
    /// One mark per week that has one, oldest first.
    pub weeks: Vec<WeekMark>,
}

/// Where a commitment was written, and the words it had there: new words
/// on History, or an ending, must not make finishing the guide again take
/// the same line up a second time.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub guide: GuideId,
    pub question: QuestionId,
    pub line: String,
}

/// How a commitment stopped being tracked.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    pub on: CalendarDate,
    pub how: EndedHow,
    /// In the user's words; may be empty.
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndedHow {
    /// Done, or it has become part of ordinary life.
    Finished,
    /// No longer the right commitment.
    Dropped,
}

/// One week's answer for one commitment.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeekMark {
    /// The Monday the week starts on.
    pub week: CalendarDate,
    pub mark: Mark,
    /// In the user's words; may be empty.
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    Kept,
    Partly,
    Missed,
}

impl Mark {
    pub const ALL: [Mark; 3] = [Mark::Kept, Mark::Partly, Mark::Missed];

    /// As the check-in offers it.
    pub fn label(self) -> &'static str {
        match self {
            Mark::Kept => t(msg::domain::MARK_KEPT),
            Mark::Partly => t(msg::domain::MARK_PARTLY),
            Mark::Missed => t(msg::domain::MARK_MISSED),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Mark::Kept => "kept",
            Mark::Partly => "partly",
            Mark::Missed => "missed",
        }
    }
}

impl Commitment {
    pub fn is_open(&self) -> bool {
        self.ended.is_none()
    }

    /// This week's mark, if there is one.
    pub fn mark_for(&self, week: CalendarDate) -> Option<&WeekMark> {
        self.weeks.iter().find(|w| w.week == week)
    }

    /// Every week from the one it started in to the one it ended in (or the
    /// one `today` falls in), newest first, with its mark where it has one.
    /// Marks outside that span (a week marked before the start date was
    /// changed by a clock, say) are still shown, in date order.
    pub fn record(&self, today: CalendarDate) -> Vec<(CalendarDate, Option<&WeekMark>)> {
        let first = self.started_on.week_start().day_number();
        let end = self.ended.as_ref().map_or(today, |e| e.on).week_start();
        let last = end.day_number().max(first);
        let mut weeks: Vec<CalendarDate> = (0..=(last - first) / 7)
            .filter_map(|i| CalendarDate::from_day_number(first + i * 7))
            .collect();
        for mark in &self.weeks {
            if !weeks.contains(&mark.week) {
                weeks.push(mark.week);
            }
        }
        weeks.sort_unstable_by(|a, b| b.cmp(a));
        weeks
            .into_iter()
            .map(|week| (week, self.mark_for(week)))
            .collect()
    }

    /// The record in one sentence: how many weeks were marked and how. Counts
    /// only, in words, with no verdict.
    pub fn in_words(&self, today: CalendarDate) -> String {
        let weeks = self.record(today).len();
        let spanned = weeks.to_string();
        let in_form = |message| msg::counted(message, weeks as u64);
        if self.weeks.is_empty() {
            return fill(
                in_form(msg::domain::COMMITMENT_NONE),
                &[("count", &spanned)],
            );
        }
        let count = |mark: Mark| self.weeks.iter().filter(|w| w.mark == mark).count();
        let parts: Vec<String> = Mark::ALL
            .iter()
            .filter(|&&m| count(m) > 0)
            .map(|&m| {
                tf(
                    msg::domain::MARK_COUNT,
                    &[
                        ("mark", &m.label().to_lowercase()),
                        ("count", &count(m).to_string()),
                    ],
                )
            })
            .collect();
        fill(
            in_form(msg::domain::COMMITMENT_MARKED),
            &[
                ("marked", &self.weeks.len().to_string()),
                ("count", &spanned),
                ("marks", &parts.join(", ")),
            ],
        )
    }
}

/// Trims and caps the user's words.
fn cleaned(text: &str) -> String {
    text.trim().chars().take(MAX_TEXT).collect()
}

/// Every tracked commitment, in the order they were taken up.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Commitments(Vec<Commitment>);

impl Commitments {
    pub fn iter(&self) -> impl Iterator<Item = &Commitment> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Commitment> {
        self.0.iter().find(|c| c.id == id)
    }

    fn get_mut(&mut self, id: &str) -> Option<&mut Commitment> {
        self.0.iter_mut().find(|c| c.id == id)
    }

    /// The ones still being tracked, in order.
    pub fn open(&self) -> impl Iterator<Item = &Commitment> {
        self.0.iter().filter(|c| c.is_open())
    }

    /// An id no commitment has: the start date and the first free number.
    fn fresh_id(&self, started_on: CalendarDate) -> String {
        (1..)
            .map(|n| format!("{started_on}-{n}"))
            .find(|id| self.get(id).is_none())
            .unwrap_or_default()
    }

    fn push(&mut self, text: String, source: Option<Source>, started_on: CalendarDate) -> String {
        let id = self.fresh_id(started_on);
        self.0.push(Commitment {
            id: id.clone(),
            text,
            source,
            started_on,
            ended: None,
            weeks: Vec::new(),
        });
        id
    }

    /// Takes up the lines of a finished entry's commitment questions that are
    /// not tracked yet (a line taken up before from the same question counts
    /// as tracked, whatever its words are now and whether or not it ended),
    /// started on `on`. Returns how many were new.
    ///
    /// A line the user later rewrites in the guide is taken up as a new
    /// commitment; the old one keeps its record until the user ends it.
    pub fn adopt(&mut self, entry: &Entry, on: CalendarDate) -> usize {
        SOURCES
            .iter()
            .filter(|(guide, _)| entry.guide().as_str() == *guide)
            .map(|&(_, question)| {
                let question = QuestionId::new(question);
                match entry.answers().get(&question) {
                    Some(AnswerValue::List(lines)) => {
                        self.adopt_lines(entry.guide(), &question, lines, on)
                    }
                    _ => 0,
                }
            })
            .sum()
    }

    /// [`Self::adopt`] for one question's lines. The schema 3 migration calls
    /// it too, so if the stored form of a commitment ever changes, that step
    /// must keep writing schema 3's form (its test fails otherwise).
    pub fn adopt_lines(
        &mut self,
        guide: &GuideId,
        question: &QuestionId,
        lines: &[String],
        on: CalendarDate,
    ) -> usize {
        let mut added = 0;
        for line in lines {
            let text = cleaned(line);
            let source = Source {
                guide: guide.clone(),
                question: question.clone(),
                line: text.clone(),
            };
            let known = self.0.iter().any(|c| c.source.as_ref() == Some(&source));
            if !text.is_empty() && !known {
                self.push(text, Some(source), on);
                added += 1;
            }
        }
        added
    }

    /// Adds one the user wrote on History; `None` for blank words.
    pub fn add(&mut self, text: &str, on: CalendarDate) -> Option<String> {
        let text = cleaned(text);
        (!text.is_empty()).then(|| self.push(text, None, on))
    }

    /// New words for a commitment; its record stays. Blank words change nothing.
    pub fn reword(&mut self, id: &str, text: &str) -> bool {
        let text = cleaned(text);
        match self.get_mut(id) {
            Some(c) if !text.is_empty() => {
                c.text = text;
                true
            }
            _ => false,
        }
    }

    /// Sets (or with `None`, clears) a week's mark; the note goes with it.
    pub fn mark(&mut self, id: &str, week: CalendarDate, mark: Option<Mark>, note: &str) {
        let Some(c) = self.get_mut(id) else { return };
        let week = week.week_start();
        c.weeks.retain(|w| w.week != week);
        if let Some(mark) = mark {
            c.weeks.push(WeekMark {
                week,
                mark,
                note: cleaned(note),
            });
            c.weeks.sort_by_key(|w| w.week);
        }
    }

    /// Changes the note of a week that has a mark.
    pub fn note(&mut self, id: &str, week: CalendarDate, note: &str) {
        let week = week.week_start();
        if let Some(w) = self
            .get_mut(id)
            .and_then(|c| c.weeks.iter_mut().find(|w| w.week == week))
        {
            w.note = cleaned(note);
        }
    }

    pub fn end(&mut self, id: &str, how: EndedHow, reason: &str, on: CalendarDate) {
        if let Some(c) = self.get_mut(id) {
            c.ended = Some(Ending {
                on,
                how,
                reason: cleaned(reason),
            });
        }
    }

    /// Tracks an ended commitment again; its record is kept.
    pub fn reopen(&mut self, id: &str) {
        if let Some(c) = self.get_mut(id) {
            c.ended = None;
        }
    }

    /// `theirs` (another tab's newer copy) with this tab's changes from
    /// `saved` to `mine` on top: a commitment this tab added is added (under
    /// a fresh id if theirs took the same one meanwhile); for one this tab
    /// changed, its words and ending are this tab's if this tab changed them,
    /// and each week's mark is this tab's if this tab changed that week.
    pub fn merge(theirs: &Commitments, saved: &Commitments, mine: &Commitments) -> Commitments {
        let mut merged = theirs.clone();
        for my in &mine.0 {
            let before = saved.get(&my.id);
            if before == Some(my) {
                continue;
            }
            let at = merged.0.iter().position(|c| c.id == my.id);
            match (before, at) {
                (_, Some(at)) if merged.0[at] == *my => {}
                (Some(before), Some(at)) => merge_one(&mut merged.0[at], before, my),
                (None, Some(_)) => {
                    // Both tabs took up a commitment under the same id.
                    let mut moved = my.clone();
                    moved.id = merged.fresh_id(my.started_on);
                    merged.0.push(moved);
                }
                (_, None) => merged.0.push(my.clone()),
            }
        }
        merged
    }
}

/// One commitment both tabs have: this tab's changes from `before` to `my`
/// onto `their`, field by field and week by week.
fn merge_one(their: &mut Commitment, before: &Commitment, my: &Commitment) {
    if my.text != before.text {
        their.text.clone_from(&my.text);
    }
    if my.ended != before.ended {
        their.ended.clone_from(&my.ended);
    }
    let mut weeks: Vec<CalendarDate> = my
        .weeks
        .iter()
        .chain(&before.weeks)
        .map(|w| w.week)
        .collect();
    weeks.sort_unstable();
    weeks.dedup();
    for week in weeks {
        let now = my.mark_for(week);
        if before.mark_for(week) != now {
            their.weeks.retain(|w| w.week != week);
            their.weeks.extend(now.cloned());
        }
    }
    their.weeks.sort_by_key(|w| w.week);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
