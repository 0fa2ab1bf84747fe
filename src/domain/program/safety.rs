//! The safety rules: four levels a guide's answers can raise, how the
//! newest evidence weighs against older answers, and the choices the user
//! has made about them (always explicit, remembered and reversible).
//!
//! - **Danger** (harm, a weapon, strangulation, sexual coercion, threats to
//!   kill or to harm children, stalking, fear for one's life): repair guides
//!   come off the path and the Safety page leads. A danger answer is never
//!   rewritten by a later, cleaner one; the user may, after reading the
//!   Safety page, choose to see the full path again.
//! - **Caution** (walking on eggshells, control, isolation): the path stays,
//!   with a note and the Safety check first. A Safety check finished later
//!   with no sign of danger or caution lifts a caution raised elsewhere.
//! - **Crisis** (thoughts of ending one's life or of self-harm): the "Right
//!   now" page is one tap away from every page until the user says they are
//!   safe now; a new crisis answer brings it back. The path stays.
//! - **Uses harm** (the user has frightened, threatened, hurt or controlled
//!   the other person): the apology and conversation guides wait until the
//!   user has read the page for people who want to stop.

use serde::{Deserialize, Serialize};

use crate::domain::entry::{Entries, Entry};
use crate::domain::guide::{Guide, Library, Step};
use crate::domain::ids::{EntryId, FlagId, GuideId};

/// Guides about deciding to leave: while danger holds, their results say
/// that leaving can be the most dangerous time and suggest planning it.
pub const LEAVING_GUIDES: [&str; 2] = ["rebuild-or-move-on", "moving-on"];

/// The guide whose finished, clean answers can lift a caution.
pub const SAFETY_CHECK: &str = "safety-check";

/// What a guide's `[[flags]]` can raise. A flag id in a shipped guide must be
/// one of these (checked by the content tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Danger,
    Caution,
    Crisis,
    UsesHarm,
}

impl Level {
    pub const ALL: [Level; 4] = [
        Level::Danger,
        Level::Caution,
        Level::Crisis,
        Level::UsesHarm,
    ];

    /// The flag id content files use for this level.
    pub fn flag_id(self) -> &'static str {
        match self {
            Level::Danger => "danger",
            Level::Caution => "caution",
            Level::Crisis => "crisis",
            Level::UsesHarm => "uses-harm",
        }
    }

    pub fn of_flag(id: &FlagId) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.flag_id() == id.as_str())
    }
}

/// The user's own, remembered choices about the safety rules. Stored in the
/// document's profile (sealed with everything else under a passphrase).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyChoices {
    /// "Show me the full path" while danger holds: chosen on the Safety page,
    /// undone there too. Never the default.
    pub full_path: bool,
    /// Entries whose crisis answers the user has said they are safe from now.
    pub safe_now: Vec<EntryId>,
    /// The user has read the page for people who have used harm.
    pub harm_page_read: bool,
}

impl SafetyChoices {
    /// The user says they are safe now, from every crisis answer so far.
    pub fn say_safe_now(&mut self, status: &SafetyStatus) {
        for entry in &status.crisis_entries {
            if !self.safe_now.contains(entry) {
                self.safe_now.push(entry.clone());
            }
        }
    }

    /// A crisis answer was just given in `entry`: it counts again.
    pub fn crisis_answered(&mut self, entry: &EntryId) {
        self.safe_now.retain(|e| e != entry);
    }
}

/// What every guide's latest answers say, with the newest-evidence rule and
/// the user's choices applied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SafetyStatus {
    /// Guides whose latest answers raise danger, in library order.
    pub danger_from: Vec<GuideId>,
    /// Guides whose caution still stands (not lifted by a newer clean check).
    pub caution_from: Vec<GuideId>,
    /// Entries whose answers raise crisis.
    pub crisis_entries: Vec<EntryId>,
    /// Some answer says the user has frightened or hurt the other person.
    pub uses_harm: bool,
    /// The user chose to see the full path despite danger.
    pub full_path: bool,
    /// Crisis answers the user has not said they are safe from.
    pub crisis_open: bool,
    pub harm_page_read: bool,
}

impl SafetyStatus {
    pub fn danger(&self) -> bool {
        !self.danger_from.is_empty()
    }
    pub fn caution(&self) -> bool {
        !self.caution_from.is_empty()
    }
    pub fn crisis(&self) -> bool {
        !self.crisis_entries.is_empty()
    }
    /// Repair guides are off the path: danger holds and the user has not
    /// chosen to see the full path.
    pub fn path_restricted(&self) -> bool {
        self.danger() && !self.full_path
    }
    /// The apology and conversation guides wait for the harm page.
    pub fn holds_repair_for_harm(&self) -> bool {
        self.uses_harm && !self.harm_page_read
    }
}

/// The entry whose answers speak for `guide` now: the one being worked on if
/// it has any answers, else the latest finished one. So retaking the safety
/// check (a recurring guide) replaces what an older check said.
fn latest<'e>(guide: &Guide, entries: &'e Entries) -> Option<&'e Entry> {
    entries
        .current(guide)
        .filter(|entry| !entry.answers().is_empty())
        .or_else(|| entries.history(guide.id()).last().copied())
}

/// The latest finished entry of `guide`.
fn latest_finished<'e>(guide: &Guide, entries: &'e Entries) -> Option<&'e Entry> {
    entries
        .current(guide)
        .filter(|entry| entry.is_completed())
        .or_else(|| entries.history(guide.id()).last().copied())
}

fn raises(guide: &Guide, entry: &Entry, level: Level) -> bool {
    guide.raises(&FlagId::new(level.flag_id()), entry.answers())
}

/// Applies every rule to the stored entries.
pub fn assess(entries: &Entries, library: &Library, choices: &SafetyChoices) -> SafetyStatus {
    let mut status = SafetyStatus {
        full_path: choices.full_path,
        harm_page_read: choices.harm_page_read,
        ..SafetyStatus::default()
    };
    // The newest evidence: a finished Safety check with no sign of danger or
    // caution lifts a caution from any guide started no later than it was
    // finished.
    let clean_check_on = library
        .guide(&GuideId::new(SAFETY_CHECK))
        .and_then(|check| {
            let entry = latest_finished(check, entries)?;
            let clean =
                !raises(check, entry, Level::Danger) && !raises(check, entry, Level::Caution);
            clean.then(|| entry.completed_on()).flatten()
        });
    for guide in library.guides() {
        let Some(entry) = latest(guide, entries) else {
            continue;
        };
        if raises(guide, entry, Level::Danger) {
            status.danger_from.push(guide.id().clone());
        }
        if raises(guide, entry, Level::Caution) {
            let lifted = clean_check_on.is_some_and(|on| entry.started_on() <= on)
                && guide.id().as_str() != SAFETY_CHECK;
            if !lifted {
                status.caution_from.push(guide.id().clone());
            }
        }
        if raises(guide, entry, Level::Crisis) {
            status.crisis_entries.push(entry.id().clone());
        }
        if raises(guide, entry, Level::UsesHarm) {
            status.uses_harm = true;
        }
    }
    status.crisis_open = status
        .crisis_entries
        .iter()
        .any(|entry| !choices.safe_now.contains(entry));
    status
}

/// Where the user is taken after a screen whose answers raised a level,
/// most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// The "Right now" page (crisis lines, what to do now).
    RightNow,
    /// The Safety page.
    Safety,
    /// The page for people who have frightened or hurt someone.
    StoppingHarm,
}

/// Whether a flag of `level` holds now and depends on a question of `step`,
/// so an answer just given on that screen raised it.
pub fn raised_on_step(
    guide: &Guide,
    step: &Step,
    answers: &crate::domain::answer::Answers,
    level: Level,
) -> bool {
    let id = FlagId::new(level.flag_id());
    guide
        .flags()
        .iter()
        .filter(|flag| flag.id() == &id)
        .any(|flag| {
            let asked_here = flag
                .when()
                .questions()
                .iter()
                .any(|q| step.questions().iter().any(|sq| sq.id() == *q));
            asked_here && guide.raises(&id, answers)
        })
}

/// The page to open after the user leaves `step`, if its answers call for one.
/// Caution opens nothing: the path stays, with a note.
pub fn route_after_step(
    guide: &Guide,
    step: &Step,
    answers: &crate::domain::answer::Answers,
) -> Option<Route> {
    if raised_on_step(guide, step, answers, Level::Crisis) {
        Some(Route::RightNow)
    } else if raised_on_step(guide, step, answers, Level::Danger) {
        Some(Route::Safety)
    } else if raised_on_step(guide, step, answers, Level::UsesHarm) {
        Some(Route::StoppingHarm)
    } else {
        None
    }
}

/// Whether answering `question` in `guide` can raise a crisis (so a new
/// answer there reopens the "Right now" link).
pub fn asks_about_crisis(guide: &Guide, question: &crate::domain::ids::QuestionId) -> bool {
    let id = FlagId::new(Level::Crisis.flag_id());
    guide
        .flags()
        .iter()
        .filter(|flag| flag.id() == &id)
        .any(|flag| flag.when().questions().contains(&question))
}

/// Flag ids in `library` that are not a known level, as messages.
pub fn unknown_flags(library: &Library, shipped: &[GuideId]) -> Vec<String> {
    library
        .guides()
        .iter()
        .filter(|g| shipped.contains(g.id()))
        .flat_map(|g| {
            g.flags()
                .iter()
                .filter(|f| Level::of_flag(f.id()).is_none())
                .map(move |f| {
                    format!(
                        "content/guides/{}.toml: flag `{}` is not a level Mend knows (danger, caution, crisis, uses-harm)",
                        g.id(),
                        f.id()
                    )
                })
        })
        .collect()
}
