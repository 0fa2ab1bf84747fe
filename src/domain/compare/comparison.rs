//! Two people's answers to one guide, side by side, question by question,
//! with what agrees and what differs said in words (not only in colour).

use super::sharing::private_questions;
use crate::domain::answer::{AnswerValue, Answers};
use crate::domain::guide::{DimensionScore, Guide};
use crate::domain::msg::{self, tf};
use crate::domain::program::summary::answer_lines;
use crate::domain::wording::Wording;

/// How two answers to one question relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The same choice, the same number, the same ticks.
    Same,
    /// Some ticks in common, some not.
    Overlap,
    /// Different choices or numbers.
    Different,
    /// Both wrote something in their own words: read side by side.
    BothWrote,
    OnlyYou,
    OnlyThem,
}

impl Verdict {
    /// The verdict in words; `them` is the other person's name or "they".
    pub fn in_words(self, them: &str) -> String {
        let message = match self {
            Verdict::Same => msg::domain_program::SAME,
            Verdict::Overlap => msg::domain_program::OVERLAP,
            Verdict::Different => msg::domain_program::DIFFERENT,
            Verdict::BothWrote => msg::domain_program::BOTH_WROTE,
            Verdict::OnlyYou => msg::domain_program::ONLY_YOU,
            Verdict::OnlyThem => msg::domain_program::ONLY_THEM,
        };
        tf(message, &[("them", them)])
    }
}

/// One question in the comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub question: String,
    pub yours: Vec<String>,
    pub theirs: Vec<String>,
    pub verdict: Verdict,
    /// For ticks: the ones you both chose.
    pub shared: Vec<String>,
}

/// Every question either person shared an answer to, in the guide's order.
pub fn compare(guide: &Guide, yours: &Answers, theirs: &Answers, wording: &Wording) -> Vec<Row> {
    guide
        .questions()
        .filter_map(|(_, question)| {
            let given = |answers: &'_ Answers| {
                answers
                    .get(question.id())
                    .filter(|a| !a.is_empty())
                    .cloned()
            };
            let (mine, other) = (given(yours), given(theirs));
            let lines =
                |answer: &Option<AnswerValue>| answer_lines(question, answer.as_ref(), wording);
            let (your_lines, their_lines) = (lines(&mine), lines(&other));
            let mut shared = Vec::new();
            let verdict = match (&mine, &other) {
                (None, None) => return None,
                (Some(_), None) => Verdict::OnlyYou,
                (None, Some(_)) => Verdict::OnlyThem,
                (Some(AnswerValue::Text(_) | AnswerValue::List(_)), Some(_))
                | (Some(_), Some(AnswerValue::Text(_) | AnswerValue::List(_))) => {
                    Verdict::BothWrote
                }
                (Some(AnswerValue::Choices(a)), Some(AnswerValue::Choices(b))) => {
                    shared = your_lines
                        .iter()
                        .filter(|l| their_lines.contains(l))
                        .cloned()
                        .collect();
                    if a.len() == b.len() && shared.len() == a.len() {
                        Verdict::Same
                    } else if shared.is_empty() {
                        Verdict::Different
                    } else {
                        Verdict::Overlap
                    }
                }
                (Some(a), Some(b)) if a == b => Verdict::Same,
                (Some(_), Some(_)) => Verdict::Different,
            };
            Some(Row {
                question: question.text().render(wording),
                yours: your_lines,
                theirs: their_lines,
                verdict,
                shared,
            })
        })
        .collect()
}

/// Both people's scores, for the dimensions they can fairly be compared on:
/// every question that adds to the dimension may travel (none is private)
/// and was answered by both or by neither. A score made from part of its
/// questions would show a lower band than either person saw on their own
/// results, so such a dimension is left out rather than shown wrong.
pub fn comparable_scores<'g>(
    guide: &'g Guide,
    yours: &Answers,
    theirs: &Answers,
) -> Vec<(DimensionScore<'g>, DimensionScore<'g>)> {
    let private = private_questions(guide);
    let answered = |answers: &Answers, q: &crate::domain::guide::Question| {
        answers.get(q.id()).is_some_and(|a| !a.is_empty())
    };
    guide
        .score(yours)
        .into_iter()
        .zip(guide.score(theirs))
        .filter(|(a, b)| a.answered && b.answered)
        .filter(|(a, _)| {
            guide
                .questions_adding_to(a.dimension.id())
                .iter()
                .all(|q| !private.contains(q.id()) && answered(yours, q) == answered(theirs, q))
        })
        .collect()
}
