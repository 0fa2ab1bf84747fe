//! Two people's answers to one guide, side by side, question by question,
//! with what agrees and what differs said in words (not only in colour).

use crate::domain::answer::{AnswerValue, Answers};
use crate::domain::guide::Guide;
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
        match self {
            Verdict::Same => "You agree.".to_owned(),
            Verdict::Overlap => "Some of this you share, some not.".to_owned(),
            Verdict::Different => "You see this differently.".to_owned(),
            Verdict::BothWrote => "You both wrote about this; read each other's words.".to_owned(),
            Verdict::OnlyYou => format!("Only you answered this; {them} left it out."),
            Verdict::OnlyThem => format!("Only {them} answered this; you left it out."),
        }
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
