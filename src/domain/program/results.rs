//! What a guide's results page says: which entry it reads, which safety
//! notes it shows, whether scores stand, and which guides it suggests next.
//! Decided here, with tests; `pages::guide::results` only draws it.

use crate::domain::answer::Answers;
use crate::domain::entry::{Entries, Entry};
use crate::domain::guide::{Gate, Guide, Library};
use crate::domain::ids::{EntryId, FlagId, GuideId};

use super::intake::Intake;
use super::path::Paths;
use super::safety::{Level, SafetyStatus, LEAVING_GUIDES};

/// The entry whose results to show: the one `chosen` (History's link) if it
/// is a finished entry of this guide; otherwise the current one once
/// finished, else the latest finished one (a recurring guide's current
/// entry is a new, open one).
pub fn finished_entry<'e>(
    guide: &Guide,
    entries: &'e Entries,
    chosen: Option<&EntryId>,
) -> Option<&'e Entry> {
    if let Some(id) = chosen {
        return entries
            .get(id)
            .filter(|e| e.guide() == guide.id() && e.is_completed());
    }
    entries
        .current(guide)
        .filter(|e| e.is_completed())
        .or_else(|| entries.history(guide.id()).last().copied())
}

/// The results of one finished entry, as the page must say them.
#[derive(Debug)]
pub struct Reading<'g> {
    /// Fear or danger, in this guide's answers or anywhere in Mend: no
    /// score argues with it.
    pub danger: bool,
    pub caution: bool,
    /// Thoughts of suicide or self-harm: the crisis lines come first.
    pub crisis: bool,
    /// The user has frightened or hurt someone: the page on stopping harm.
    pub uses_harm: bool,
    /// Fear, harm, new lies or a decision already made: the gates speak
    /// instead of the scores, and only they recommend.
    pub gates: Vec<&'g Gate>,
    /// Whether the scores are drawn: only when no gate holds and no danger.
    pub scores_shown: bool,
    /// Whether to say the scores were set aside for danger (this guide has
    /// scores, and no gate of its own speaks).
    pub scores_set_aside: bool,
    /// A guide about leaving, while danger holds and no gate of its own says
    /// so: leaving can be the most dangerous time.
    pub leaving_note: bool,
    /// The guides to suggest next, in order: none while danger holds and no
    /// gate speaks, and never one the safety rules set aside on Your path.
    pub recommended: Vec<&'g GuideId>,
}

/// Reads `answers` (a finished entry of `guide`) with what Mend knows
/// elsewhere: the intake's answers and the safety status of every guide.
pub fn read<'g>(
    guide: &'g Guide,
    answers: &Answers,
    intake: &Intake,
    status: &SafetyStatus,
    paths: &Paths,
    library: &Library,
) -> Reading<'g> {
    let level = |l: Level| guide.raises(&FlagId::new(l.flag_id()), answers);
    let danger = level(Level::Danger) || status.scores_set_aside();
    let gates = guide.gates_holding(answers);
    let recommended = if danger && gates.is_empty() {
        Vec::new()
    } else {
        paths
            .allowed(guide.recommendations(answers), intake, status)
            .into_iter()
            .filter(|id| library.guide(id).is_some())
            .collect()
    };
    let scored = !guide.score(answers).is_empty();
    Reading {
        danger,
        caution: level(Level::Caution),
        crisis: level(Level::Crisis),
        uses_harm: level(Level::UsesHarm),
        scores_shown: gates.is_empty() && !danger,
        scores_set_aside: scored && danger && gates.is_empty(),
        leaving_note: LEAVING_GUIDES.contains(&guide.id().as_str())
            && status.danger()
            && gates.is_empty(),
        gates,
        recommended,
    }
}
