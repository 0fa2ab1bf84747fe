//! The safety rules: four levels a guide's answers can raise, how the
//! newest evidence weighs against older answers, and the choices the user
//! has made about them (always explicit, remembered and reversible).
//!
//! - **Danger** (harm, a weapon, strangulation, sexual coercion, threats to
//!   kill or to harm children, stalking, fear for one's life): repair guides
//!   come off the path and the Safety page leads. A danger answer is never
//!   rewritten by a cleaner one in another guide, nor by a retake that is
//!   not finished; the user may, after reading the Safety page, choose to see
//!   the full path again, and any new danger answer undoes that choice.
//! - **Caution** (walking on eggshells, control, isolation): the path stays,
//!   with a note and the Safety check first. Finishing a Safety check with no
//!   sign of danger or caution lifts the cautions standing at that moment,
//!   exactly as they were answered; changing those answers later brings the
//!   caution back.
//! - **Crisis** (thoughts of ending one's life or of self-harm): the "Right
//!   now" page is one tap away from every page until the user says they are
//!   safe now; a new crisis answer brings it back. The path stays.
//! - **Uses harm** (the user has frightened, threatened, hurt or controlled
//!   the other person): every guide that asks the other person for access,
//!   closeness or a hearing waits, and Compare is off, until the user says
//!   they have taken a concrete step (contacted a service for people who
//!   use harm, or a counsellor who works with it). When danger holds too,
//!   the Safety page comes first: someone who fought back may be the one
//!   in danger.
//! - **Done** (the user wants to end it, or has ended it; not a safety
//!   level, but it holds the same way): Your path leads with moving on and
//!   the user's own footing, and no guide that presumes repair is suggested.
//!
//! After a screen, a level reroutes only if that screen's own answer newly
//! raised it, and the Safety check is never interrupted except for crisis:
//! its results lead to the Safety page once the reader has finished it.

use serde::{Deserialize, Serialize};

use crate::domain::answer::Answers;
use crate::domain::entry::{Entries, Entry};
use crate::domain::fingerprint::fingerprint;
use crate::domain::guide::{Guide, Library, QuestionKind, Step};
use crate::domain::ids::{EntryId, FlagId, GuideId, QuestionId};

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
    Done,
}

impl Level {
    pub const ALL: [Level; 5] = [
        Level::Danger,
        Level::Caution,
        Level::Crisis,
        Level::UsesHarm,
        Level::Done,
    ];

    /// The flag id content files use for this level.
    pub fn flag_id(self) -> &'static str {
        match self {
            Level::Danger => "danger",
            Level::Caution => "caution",
            Level::Crisis => "crisis",
            Level::UsesHarm => "uses-harm",
            Level::Done => "done",
        }
    }

    pub fn of_flag(id: &FlagId) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.flag_id() == id.as_str())
    }
}

/// A caution the user's finished, clean Safety check has lifted: the entry
/// and a fingerprint of its answers to the caution questions at that moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lifted {
    pub entry: EntryId,
    pub answers: String,
}

/// The user's own, remembered choices about the safety rules. Stored in the
/// document's profile (sealed with everything else under a passphrase).
/// Each choice names the entries it was made about, so an answer given
/// later (a new entry, or a changed answer in the same one) is not covered.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyChoices {
    /// "Show me the full path", chosen on the Safety page about the danger
    /// answers in these entries. Never the default; undone there too.
    pub full_path_for: Vec<EntryId>,
    /// Entries whose crisis answers the user has said they are safe from now.
    pub safe_now: Vec<EntryId>,
    /// Entries whose uses-harm answer the user had given when they said they
    /// had taken a concrete step for stopping (schema 5; reading the page
    /// alone, what schema 2 to 4 stored, no longer releases anything).
    pub harm_step_for: Vec<EntryId>,
    /// Cautions lifted by a finished, clean Safety check.
    pub caution_lifted: Vec<Lifted>,
    /// Entries whose "done" answers the user has said no longer stand
    /// ("That has changed" on Your path), and, from the schema 5 migration,
    /// entries whose answers meant "done" before Mend acted on them, so old
    /// data changes no path by itself. A new "done" answer counts afresh.
    pub done_set_aside_for: Vec<EntryId>,
}

fn add_all(list: &mut Vec<EntryId>, entries: &[EntryId]) {
    for entry in entries {
        if !list.contains(entry) {
            list.push(entry.clone());
        }
    }
}

impl SafetyChoices {
    /// The user says they are safe now, from every crisis answer so far.
    pub fn say_safe_now(&mut self, status: &SafetyStatus) {
        add_all(&mut self.safe_now, &status.crisis_entries);
    }

    /// "Show me the full path", about every danger answer so far; `false`
    /// sets repair work aside again.
    pub fn choose_full_path(&mut self, status: &SafetyStatus, full: bool) {
        if full {
            add_all(&mut self.full_path_for, &status.danger_entries);
        } else {
            self.full_path_for.clear();
        }
    }

    /// "That has changed": the "done" answers so far no longer shape Your
    /// path (or, with `false`, they do again).
    pub fn set_aside_done(&mut self, status: &SafetyStatus, aside: bool) {
        if aside {
            add_all(&mut self.done_set_aside_for, &status.done_entries);
        } else {
            self.done_set_aside_for.clear();
        }
    }

    /// The user says they have taken a concrete step for stopping (or, with
    /// `false`, wants the held guides set aside again).
    pub fn take_harm_step(&mut self, status: &SafetyStatus, taken: bool) {
        if taken {
            add_all(&mut self.harm_step_for, &status.uses_harm_entries);
        } else {
            self.harm_step_for.clear();
        }
    }

    /// An answer to `question` was just given in `entry` of `guide`: every
    /// choice made about that entry's answers at a level the question can
    /// raise no longer covers it, so a new answer is never hidden by an old
    /// choice.
    pub fn answered(&mut self, guide: &Guide, question: &QuestionId, entry: &EntryId) {
        for level in Level::ALL {
            if !asks_about(guide, question, level) {
                continue;
            }
            match level {
                Level::Danger => self.full_path_for.retain(|e| e != entry),
                Level::Crisis => self.safe_now.retain(|e| e != entry),
                Level::UsesHarm => self.harm_step_for.retain(|e| e != entry),
                Level::Done => self.done_set_aside_for.retain(|e| e != entry),
                // Lifted cautions carry their answers' fingerprint instead.
                Level::Caution => {}
            }
        }
    }

    /// After `guide` was finished: if it is the Safety check and its answers
    /// show neither danger nor caution, the cautions standing now are lifted,
    /// as answered now.
    pub fn finished(&mut self, guide: &Guide, entries: &Entries, library: &Library) {
        if guide.id().as_str() != SAFETY_CHECK {
            return;
        }
        let Some(check) = latest_finished(guide, entries) else {
            return;
        };
        if raises(guide, check, Level::Danger) || raises(guide, check, Level::Caution) {
            return;
        }
        // Every question can be skipped; a check with its yes/no safety
        // questions skipped says nothing clean, so it lifts nothing.
        if !answered_every_yes_no(guide, check) {
            return;
        }
        for other in library.guides() {
            if other.id().as_str() == SAFETY_CHECK {
                continue;
            }
            let Some(entry) = latest(other, entries) else {
                continue;
            };
            if raises(other, entry, Level::Caution) {
                let lifted = Lifted {
                    entry: entry.id().clone(),
                    answers: caution_fingerprint(other, entry),
                };
                if !self.caution_lifted.contains(&lifted) {
                    self.caution_lifted.push(lifted);
                }
            }
        }
    }
}

/// A fingerprint of the shown answers `guide`'s caution flags look at, so a
/// lifted caution comes back when any of them changes. Caution questions are
/// choices and yes/no, but it is hashed anyway: nothing typed is copied.
fn caution_fingerprint(guide: &Guide, entry: &Entry) -> String {
    let id = FlagId::new(Level::Caution.flag_id());
    let visible = guide.visible_answers(entry.answers());
    let mut parts: Vec<String> = Vec::new();
    for flag in guide.flags().iter().filter(|f| f.id() == &id) {
        for question in flag.when().questions() {
            let answer = visible
                .get(question)
                .and_then(|a| serde_json::to_string(a).ok())
                .unwrap_or_default();
            parts.push(format!("{question}={answer}"));
        }
    }
    format!("{:016x}", fingerprint(&parts.join(";")))
}

/// Whether every shown yes/no question that a danger or caution flag of
/// `guide` looks at has an answer in `entry`.
fn answered_every_yes_no(guide: &Guide, entry: &Entry) -> bool {
    let visible = guide.visible_answers(entry.answers());
    let shown = guide.visible_questions(entry.answers());
    let watched = |id: &QuestionId| {
        [Level::Danger, Level::Caution]
            .into_iter()
            .any(|level| asks_about(guide, id, level))
    };
    shown
        .iter()
        .filter(|q| matches!(q.kind(), QuestionKind::YesNo { .. }) && watched(q.id()))
        .all(|q| visible.contains(q.id()))
}

/// Whether `question` appears in a condition of one of `guide`'s flags of `level`.
fn asks_about(guide: &Guide, question: &QuestionId, level: Level) -> bool {
    let id = FlagId::new(level.flag_id());
    guide
        .flags()
        .iter()
        .filter(|flag| flag.id() == &id)
        .any(|flag| flag.when().questions().contains(&question))
}

/// What every guide's latest answers say, with the newest-evidence rule and
/// the user's choices applied.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SafetyStatus {
    /// Guides whose answers raise danger, in library order.
    pub danger_from: Vec<GuideId>,
    /// The entries those answers are in.
    pub danger_entries: Vec<EntryId>,
    /// Guides whose caution still stands (not lifted by a clean check).
    pub caution_from: Vec<GuideId>,
    /// Entries whose answers raise crisis.
    pub crisis_entries: Vec<EntryId>,
    /// Entries where the user says they have frightened or hurt the other person.
    pub uses_harm_entries: Vec<EntryId>,
    /// Some answer says the user has frightened or hurt the other person.
    pub uses_harm: bool,
    /// Guides whose answers say the user wants to end it, or has, and that
    /// the user has not set aside.
    pub done_from: Vec<GuideId>,
    /// The entries those answers are in (set aside or not).
    pub done_entries: Vec<EntryId>,
    /// The user chose to see the full path, and no danger answer is newer
    /// than that choice.
    pub full_path: bool,
    /// Crisis answers the user has not said they are safe from.
    pub crisis_open: bool,
    /// The user has taken a concrete step for stopping since their last
    /// uses-harm answer.
    pub harm_step_taken: bool,
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
    /// The guides that ask the other person for access, closeness or a
    /// hearing wait, and Compare is off, until a step is taken.
    pub fn holds_repair_for_harm(&self) -> bool {
        self.uses_harm && !self.harm_step_taken
    }
    /// The user wants to end it, or has ended it.
    pub fn done(&self) -> bool {
        !self.done_from.is_empty()
    }
    /// Compare is offered: not while danger holds (being asked to show
    /// answers can be a way of being controlled), nor while the user has
    /// said they frightened or hurt the other person and taken no step yet.
    pub fn compare_allowed(&self) -> bool {
        !self.danger() && !self.holds_repair_for_harm()
    }
    /// Results show no scores or bands: fear is not one answer among
    /// others, wherever in Mend it was given.
    pub fn scores_set_aside(&self) -> bool {
        self.danger()
    }
}

/// The entry whose answers speak for `guide` now: the one being worked on if
/// it has any answers, else the latest finished one.
fn latest<'e>(guide: &Guide, entries: &'e Entries) -> Option<&'e Entry> {
    entries
        .current(guide)
        .filter(|entry| !entry.answers().is_empty())
        .or_else(|| latest_finished(guide, entries))
}

/// The latest finished entry of `guide`.
fn latest_finished<'e>(guide: &Guide, entries: &'e Entries) -> Option<&'e Entry> {
    entries
        .current(guide)
        .filter(|entry| entry.is_completed())
        .or_else(|| entries.history(guide.id()).last().copied())
}

/// The entries whose answers speak for `guide` now. A retake (a recurring
/// guide's open entry) adds to the last finished one until it is finished
/// itself: a half-answered retake never hides what the last one said.
fn speaking<'e>(guide: &Guide, entries: &'e Entries) -> Vec<&'e Entry> {
    let finished = latest_finished(guide, entries);
    let open = entries
        .current(guide)
        .filter(|entry| !entry.is_completed() && !entry.answers().is_empty());
    let mut found: Vec<&Entry> = finished.into_iter().collect();
    if let Some(open) = open {
        if !found.iter().any(|e| e.id() == open.id()) {
            found.push(open);
        }
    }
    found
}

fn raises(guide: &Guide, entry: &Entry, level: Level) -> bool {
    guide.raises(&FlagId::new(level.flag_id()), entry.answers())
}

/// Applies every rule to the stored entries.
pub fn assess(entries: &Entries, library: &Library, choices: &SafetyChoices) -> SafetyStatus {
    let mut status = SafetyStatus::default();
    for guide in library.guides() {
        let speaking = speaking(guide, entries);
        let push = |level: Level, into: &mut Vec<EntryId>| {
            let mut any = false;
            for entry in speaking.iter().filter(|e| raises(guide, e, level)) {
                into.push(entry.id().clone());
                any = true;
            }
            any
        };
        if push(Level::Danger, &mut status.danger_entries) {
            status.danger_from.push(guide.id().clone());
        }
        push(Level::Crisis, &mut status.crisis_entries);
        push(Level::UsesHarm, &mut status.uses_harm_entries);
        let mut done_here = Vec::new();
        if push(Level::Done, &mut done_here) {
            if !done_here
                .iter()
                .all(|e| choices.done_set_aside_for.contains(e))
            {
                status.done_from.push(guide.id().clone());
            }
            status.done_entries.extend(done_here);
        }
        // Caution speaks from the latest entry only; a finished clean
        // Safety check lifts it as it was answered then.
        if let Some(entry) = latest(guide, entries) {
            if raises(guide, entry, Level::Caution) {
                let lifted = Lifted {
                    entry: entry.id().clone(),
                    answers: caution_fingerprint(guide, entry),
                };
                if !choices.caution_lifted.contains(&lifted) {
                    status.caution_from.push(guide.id().clone());
                }
            }
        }
    }
    let covered = |list: &[EntryId], by: &[EntryId]| list.iter().all(|e| by.contains(e));
    status.uses_harm = !status.uses_harm_entries.is_empty();
    status.full_path = status.danger() && covered(&status.danger_entries, &choices.full_path_for);
    status.crisis_open = !covered(&status.crisis_entries, &choices.safe_now);
    status.harm_step_taken =
        status.uses_harm && covered(&status.uses_harm_entries, &choices.harm_step_for);
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

/// Whether this screen's own answer raised `level`: a flag of that level
/// asks about a question on `step`, holds with the answers `after` the
/// screen, and did not hold with the answers `before` it was shown. A level
/// that already held (from an earlier screen, or an earlier visit to this
/// one) is not raised again, so nobody is sent away twice for one answer.
pub fn raised_on_step(
    guide: &Guide,
    step: &Step,
    before: &Answers,
    after: &Answers,
    level: Level,
) -> bool {
    let id = FlagId::new(level.flag_id());
    let asked_here = guide
        .flags()
        .iter()
        .filter(|flag| flag.id() == &id)
        .any(|flag| {
            flag.when()
                .questions()
                .iter()
                .any(|q| step.questions().iter().any(|sq| sq.id() == *q))
        });
    asked_here && guide.raises(&id, after) && !guide.raises(&id, before)
}

/// The page to open after the user leaves `step`, if its own answers call
/// for one; `before` are the guide's answers when the screen was shown, and
/// `danger_elsewhere` says danger already holds in Mend.
///
/// - Crisis always comes first, in every guide.
/// - The Safety check is never interrupted for anything else: its results
///   lead to the Safety page once the reader has finished it.
/// - Someone who says they frightened or hurt the other person while danger
///   holds is sent to the Safety page, not the stopping-harm page: people
///   who are afraid sometimes fought back, and their safety comes first.
/// - Caution and "done" open nothing: the path changes, with a note.
pub fn route_after_step(
    guide: &Guide,
    step: &Step,
    before: &Answers,
    after: &Answers,
    danger_elsewhere: bool,
) -> Option<Route> {
    let raised = |level| raised_on_step(guide, step, before, after, level);
    if raised(Level::Crisis) {
        return Some(Route::RightNow);
    }
    if guide.id().as_str() == SAFETY_CHECK {
        return None;
    }
    let danger_now = danger_elsewhere || guide.raises(&FlagId::new(Level::Danger.flag_id()), after);
    if raised(Level::Danger) {
        Some(Route::Safety)
    } else if raised(Level::UsesHarm) {
        Some(if danger_now {
            Route::Safety
        } else {
            Route::StoppingHarm
        })
    } else {
        None
    }
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
                        "content/guides/{}.toml: flag `{}` is not a level Mend knows (danger, caution, crisis, uses-harm, done)",
                        g.id(),
                        f.id()
                    )
                })
        })
        .collect()
}
