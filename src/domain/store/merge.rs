//! Re-applying this tab's unsaved changes on top of a newer document saved by another tab.
//!
//! The glue keeps two documents: `saved`, the copy storage held when this
//! tab last read or wrote it, and `current`, what the user sees. Their
//! difference is what this tab has not saved yet: normally the one answer
//! just given, or several if saving has been failing. [`merge_pending`]
//! replays that difference, answer by answer, onto the other tab's document,
//! so that two tabs answering different questions both keep their answers.
//!
//! Rules, each chosen so nothing the user did is dropped unseen:
//! - An answer this tab gave, changed or cleared is applied to the same entry
//!   in theirs. If the other tab also changed that answer to something else,
//!   this tab's is kept (it was given last) and [`MergeNote::BothAnswered`]
//!   says so.
//! - An entry this tab started that theirs does not have is started there with
//!   [`Entries::begin`], which resumes the other tab's entry if it started the
//!   same guide, so both tabs' answers end up in one entry.
//! - An entry this tab finished is finished in theirs too, if it still has
//!   every answer it needs with the other tab's changes; otherwise it stays
//!   open and [`MergeNote::NotFinished`] says so.
//! - The name or relationship kind, likewise, field by field.
//! - Commitments, by id: one this tab took up is added; for one it changed,
//!   its words, its ending and each week's mark that this tab changed are
//!   this tab's (see [`Commitments::merge`]).
//! - Exchanges, by id: started here is added, deleted here is deleted, a
//!   card set here is set there (see [`Exchanges::merge`]).
//! - The resume point follows this tab, where the user is working.

use super::document::Document;
use super::notice::Notice;
use crate::domain::answer::{AnswerValue, Answers};
use crate::domain::compare::exchange::Exchanges;
use crate::domain::entry::{Entries, Entry};
use crate::domain::guide::Library;
use crate::domain::ids::{EntryId, QuestionId};
use crate::domain::program::commitments::Commitments;
use crate::domain::program::safety::SafetyChoices;
use crate::domain::wording::Wording;
use std::collections::BTreeSet;

/// The other tab's document with this tab's unsaved changes on top.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub document: Document,
    /// Whether this tab had any unsaved change to re-apply.
    pub had_pending: bool,
    pub notes: Vec<MergeNote>,
}

/// Something about the merge the user should hear.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeNote {
    /// Both tabs changed this answer differently; this tab's was kept.
    BothAnswered {
        entry: EntryId,
        question: QuestionId,
    },
    /// Both tabs changed the relationship kind or the name differently; this
    /// tab's was kept.
    BothChangedWording,
    /// This tab finished the entry, but with the other tab's changes it is
    /// missing an answer, so it stays open for the user to finish.
    NotFinished { entry: EntryId },
}

impl Merged {
    /// What to tell the user, most important first.
    pub fn notice(&self) -> Notice {
        let has = |wanted: fn(&MergeNote) -> bool| self.notes.iter().any(wanted);
        if has(|n| matches!(n, MergeNote::NotFinished { .. })) {
            Notice::NotFinished
        } else if !self.notes.is_empty() {
            Notice::BothChanged
        } else if self.had_pending {
            Notice::Combined
        } else {
            Notice::TookTheirs
        }
    }
}

/// `theirs` (just read from storage) with the changes from `saved` to
/// `current` (this tab's) re-applied on top. `library` is needed to start
/// and finish entries the way the guide pages do.
pub fn merge_pending(
    theirs: Document,
    saved: &Document,
    current: &Document,
    library: &Library,
) -> Merged {
    let mut merged = theirs;
    let mut notes = Vec::new();
    let had_pending = saved != current;

    let (wording, clash) = merge_wording(
        &merged.profile.wording,
        &saved.profile.wording,
        &current.profile.wording,
    );
    merged.profile.wording = wording;
    merged.profile.safety = merge_safety(
        &merged.profile.safety,
        &saved.profile.safety,
        &current.profile.safety,
    );
    if clash {
        notes.push(MergeNote::BothChangedWording);
    }

    for mine in current.entries.iter() {
        let before = saved.entries.get(mine.id());
        if before != Some(mine) {
            merge_entry(&mut merged.entries, before, mine, library, &mut notes);
        }
    }
    merged.commitments = Commitments::merge(
        &merged.commitments,
        &saved.commitments,
        &current.commitments,
    );
    merged.exchanges = Exchanges::merge(&merged.exchanges, &saved.exchanges, &current.exchanges);

    Merged {
        document: merged,
        had_pending,
        notes,
    }
}

/// Safety choices, field by field: a list this tab changed is this tab's
/// (a choice undone here stays undone, a new one stays made); a list only
/// the other tab changed is theirs. Never a whole-struct overwrite, so a
/// stale tab cannot bring back a choice the other tab undid.
fn merge_safety(
    theirs: &SafetyChoices,
    saved: &SafetyChoices,
    mine: &SafetyChoices,
) -> SafetyChoices {
    fn pick<T: Clone + PartialEq>(theirs: &T, saved: &T, mine: &T) -> T {
        if mine != saved {
            mine.clone()
        } else {
            theirs.clone()
        }
    }
    SafetyChoices {
        full_path_for: pick(
            &theirs.full_path_for,
            &saved.full_path_for,
            &mine.full_path_for,
        ),
        safe_now: pick(&theirs.safe_now, &saved.safe_now, &mine.safe_now),
        harm_step_for: pick(
            &theirs.harm_step_for,
            &saved.harm_step_for,
            &mine.harm_step_for,
        ),
        caution_lifted: pick(
            &theirs.caution_lifted,
            &saved.caution_lifted,
            &mine.caution_lifted,
        ),
        done_set_aside_for: pick(
            &theirs.done_set_aside_for,
            &saved.done_set_aside_for,
            &mine.done_set_aside_for,
        ),
    }
}

/// Field by field; the flag says both sides changed the same field differently.
fn merge_wording(theirs: &Wording, saved: &Wording, mine: &Wording) -> (Wording, bool) {
    let mut merged = theirs.clone();
    let mut clash = false;
    if mine.relationship != saved.relationship {
        clash |=
            theirs.relationship != saved.relationship && theirs.relationship != mine.relationship;
        merged.relationship = mine.relationship;
    }
    if mine.name != saved.name {
        clash |= theirs.name != saved.name && theirs.name != mine.name;
        merged.name.clone_from(&mine.name);
    }
    (merged, clash)
}

/// Re-applies what changed in one entry from `before` (absent if this tab
/// started it) to `mine`.
fn merge_entry(
    entries: &mut Entries,
    before: Option<&Entry>,
    mine: &Entry,
    library: &Library,
    notes: &mut Vec<MergeNote>,
) {
    let guide = library.guide(mine.guide());
    let target = match (entries.get(mine.id()), guide) {
        (Some(_), _) => mine.id().clone(),
        (None, Some(guide)) => entries.begin(guide, mine.started_on()).id().clone(),
        // Every guide this tab can open is in its library, so an entry it
        // changed always has one; but if not, keep the entry whole.
        (None, None) => {
            append(entries, mine);
            return;
        }
    };
    let Some(entry) = entries.get_mut(&target) else {
        return; // just found or made; cannot be missing
    };

    let no_answers = Answers::default();
    let was = before.map_or(&no_answers, Entry::answers);
    let questions: BTreeSet<&QuestionId> = was
        .iter()
        .chain(mine.answers().iter())
        .map(|(question, _)| question)
        .collect();
    for question in questions {
        let (old, new) = (was.get(question), mine.answers().get(question));
        if old == new {
            continue;
        }
        let other = entry.answers().get(question);
        if other != old && other != new {
            notes.push(MergeNote::BothAnswered {
                entry: target.clone(),
                question: question.clone(),
            });
        }
        set_answer(entry, question, new);
    }

    if mine.current_step() != before.and_then(Entry::current_step) {
        if let Some(step) = mine.current_step() {
            entry.move_to(step.clone());
        }
    }

    let newly_finished = before.is_none_or(|b| !b.is_completed());
    if let (Some(done), true, false) = (mine.completed_on(), newly_finished, entry.is_completed()) {
        // `complete` works on the guide's current entry; make sure that is
        // the one merged into before finishing it.
        let finished = guide.is_some_and(|guide| {
            entries.current(guide).map(Entry::id) == Some(&target)
                && entries.complete(guide, done).is_ok()
        });
        if !finished {
            notes.push(MergeNote::NotFinished { entry: target });
        }
    }
}

fn set_answer(entry: &mut Entry, question: &QuestionId, value: Option<&AnswerValue>) {
    match value {
        Some(value) => entry.answer(question.clone(), value.clone()),
        None => entry.clear_answer(question),
    }
}

/// Adds `entry` as it is. `Entries` has no method for that (its entries come
/// from `begin`), so this goes through the stored form, which is a plain
/// list of entries.
fn append(entries: &mut Entries, entry: &Entry) {
    let mut list: Vec<&Entry> = entries.iter().collect();
    list.push(entry);
    // Cannot fail: the list is read back from the JSON it was just written as.
    if let Ok(longer) = serde_json::to_value(&list).and_then(serde_json::from_value) {
        *entries = longer;
    }
}
