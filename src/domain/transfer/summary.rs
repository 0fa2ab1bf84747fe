//! What an import file holds, in the terms a user needs to decide whether to
//! let it replace what Mend holds now.

use crate::domain::date::CalendarDate;
use crate::domain::guide::Library;
use crate::domain::ids::GuideId;
use crate::domain::store::Document;
use crate::domain::wording::RelationshipKind;

/// An overview of a document, for the import confirmation (and for "Mend
/// holds now", to compare).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    pub entries: usize,
    /// Entries the user finished.
    pub completed: usize,
    /// The guides with at least one entry: titles of the ones in the
    /// library, in library order, then the ids of any this Mend does not
    /// know, in the order they first appear.
    pub guides: Vec<String>,
    /// The earliest and latest day any entry was started or finished on.
    pub first_day: Option<CalendarDate>,
    pub last_day: Option<CalendarDate>,
    /// Whether the user gave the other person's name or chose the kind of
    /// relationship.
    pub has_profile: bool,
    /// Commitments tracked (open or ended): ones added by hand exist
    /// nowhere else, so replacing them must be visible.
    pub commitments: usize,
    /// Answer-card exchanges (Compare): the other person's answers exist
    /// here only, so replacing them must be visible too.
    pub exchanges: usize,
}

/// What `document` holds, with the titles of `library`'s guides.
pub fn summary(document: &Document, library: &Library) -> ImportSummary {
    let entries: Vec<_> = document.entries.iter().collect();
    let used: Vec<&GuideId> = entries.iter().map(|entry| entry.guide()).collect();
    let wording = &document.profile.wording;
    // Titles as the guide pages show them, with the file's own wording.
    let mut guides: Vec<String> = library
        .guides()
        .iter()
        .filter(|guide| used.contains(&guide.id()))
        .map(|guide| guide.title().render(wording))
        .collect();
    let mut unknown: Vec<&GuideId> = Vec::new();
    for id in used {
        if library.guide(id).is_none() && !unknown.contains(&id) {
            unknown.push(id);
        }
    }
    guides.extend(unknown.into_iter().map(GuideId::to_string));
    let days = entries
        .iter()
        .flat_map(|entry| [Some(entry.started_on()), entry.completed_on()])
        .flatten();
    ImportSummary {
        entries: entries.len(),
        completed: entries.iter().filter(|entry| entry.is_completed()).count(),
        guides,
        first_day: days.clone().min(),
        last_day: days.max(),
        has_profile: wording.name().is_some()
            || wording.relationship != RelationshipKind::Unspecified,
        commitments: document.commitments.iter().count(),
        exchanges: document.exchanges.iter().count(),
    }
}

impl ImportSummary {
    /// One plain sentence, e.g. "14 entries in 5 guides, from 3 March 2026
    /// to 22 November 2026." or "No entries yet.", and the commitments
    /// tracked and exchanges made, if any ("3 commitments tracked. 1
    /// exchange with answers compared.").
    pub fn describe(&self) -> String {
        let mut tracked = match self.commitments {
            0 => String::new(),
            n => format!(" {} tracked.", count(n, "commitment", "commitments")),
        };
        if self.exchanges > 0 {
            tracked.push_str(&format!(
                " {} with answers compared.",
                count(self.exchanges, "exchange", "exchanges")
            ));
        }
        let (Some(first), Some(last)) = (self.first_day, self.last_day) else {
            return format!("No entries yet.{tracked}");
        };
        let when = if first == last {
            format!("on {}", long_date(first))
        } else {
            format!("from {} to {}", long_date(first), long_date(last))
        };
        format!(
            "{} in {}, {when}.{tracked}",
            count(self.entries, "entry", "entries"),
            count(self.guides.len(), "guide", "guides"),
        )
    }
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "3 March 2026": unambiguous wherever the reader lives.
pub fn long_date(date: CalendarDate) -> String {
    date.long()
}
