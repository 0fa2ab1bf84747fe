//! The safety rule: when any answer shows danger, Mend stops suggesting
//! repair work and points to the Safety page instead.

use crate::domain::entry::{Entries, Entry};
use crate::domain::guide::{Guide, Library};
use crate::domain::ids::FlagId;

/// The flag guides raise on any sign of fear, threats, control or harm.
pub const DANGER_FLAG: &str = "danger";

/// The entry whose answers speak for `guide` now: the one being worked on if
/// it has any answers, else the latest finished one. So retaking the safety
/// check (a recurring guide) replaces what an older check said.
fn latest<'e>(guide: &Guide, entries: &'e Entries) -> Option<&'e Entry> {
    entries
        .current(guide)
        .filter(|entry| !entry.answers().is_empty())
        .or_else(|| entries.history(guide.id()).last().copied())
}

/// The guides whose latest answers raise the danger flag, in library order.
pub fn danger_sources<'g>(entries: &Entries, library: &'g Library) -> Vec<&'g Guide> {
    let danger = FlagId::new(DANGER_FLAG);
    library
        .guides()
        .iter()
        .filter(|guide| guide.flags().iter().any(|flag| flag.id() == &danger))
        .filter(|guide| {
            latest(guide, entries).is_some_and(|entry| guide.raises(&danger, entry.answers()))
        })
        .collect()
}

pub fn in_danger(entries: &Entries, library: &Library) -> bool {
    !danger_sources(entries, library).is_empty()
}
