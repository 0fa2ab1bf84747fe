//! Keeping tabs in step: whether a tab may write now, and what another tab's save means for it.
//!
//! # The guarantee
//!
//! A tab overwrites the stored document only if storage still holds exactly
//! the copy this tab last read or wrote (the same [`Stamp`]: revision and
//! save time). Anything else in storage was written by someone else since,
//! and the tab takes it instead of overwriting it ([`WriteDecision::Conflict`]),
//! re-applies its own unsaved change on top ([`merge_pending`](super::merge_pending))
//! and tells the user. Unreadable data is copied aside before it is replaced;
//! a newer Mend's data is never replaced; data erased in another tab is not
//! brought back.
//!
//! # Two tabs answering at the same moment
//!
//! Tabs A and B both show revision 5. The user answers question 1 in A and,
//! a moment later, question 2 in B.
//!
//! 1. A checks: storage still holds 5, A's copy, so A writes 6 (5 + q1).
//! 2. B checks before it has heard about 6: storage holds 6, not B's 5, so
//!    this is a conflict. B merges: A's 6 plus B's own change (q2), writes 7
//!    and says "another tab saved at the same moment; both were kept".
//! 3. A receives the storage event for 7 (a later revision than its 6) and
//!    shows it: q1 and q2, with a quiet "another tab saved newer answers".
//!
//! Nothing is lost and nothing is overwritten unseen. If both tabs changed
//! the *same* answer, the one given last (B's) is kept, B says so, and A
//! shows B's answer with its notice.
//!
//! Usually B hears about 6 before the user acts in B, and simply shows it.
//!
//! # The limit
//!
//! Browsers do not lock `localStorage` between tabs, so "check, then write"
//! is not atomic. The glue keeps the read and the write in one synchronous
//! task, which leaves a window of a few milliseconds. If two tabs in
//! different processes both check inside it, both write the same revision
//! and the later write wins; the other tab notices at its next save (the
//! stamp differs), takes the stored copy and says so, but the one change it
//! made in that window is no longer stored. This needs two saves within a
//! few milliseconds in two tabs, which a person working in one tab at a time
//! does not produce.

use super::decode::{decode, Corruption, Decoded};
use super::document::{Document, Stamp};
use super::keys::DOCUMENT_KEY;
use crate::domain::sealed::Sealed;

/// What a tab should do with the save it is about to make.
#[derive(Debug, Clone, PartialEq)]
pub enum WriteDecision {
    /// Storage holds what this tab last read or wrote (or nothing, and this
    /// tab never saw anything): write with this revision.
    Write { next_revision: u64 },
    /// Another tab saved since: take `theirs` (with its stamp) instead of
    /// overwriting it, re-apply this tab's unsaved change on top with
    /// [`merge_pending`](super::merge_pending), and ask again.
    Conflict { theirs: Document, stamp: Stamp },
    /// Another tab saved since, sealed with a passphrase: open the box (if
    /// this tab has the key; if not, lock), then go on as for `Conflict`.
    SealedConflict {
        sealed: Sealed,
        stamp: Stamp,
        schema: u32,
    },
    /// Storage holds text Mend cannot read. Copy it to
    /// [`recovery_key`](super::recovery_key) first; only once that worked,
    /// write with this revision.
    Corrupt {
        reason: Corruption,
        next_revision: u64,
    },
    /// A newer Mend saved there: write nothing, ask the user to reload.
    Newer { schema: u32 },
    /// The document was removed after this tab read or wrote it: "erase
    /// everything" in another tab. Writing would bring erased answers back,
    /// so write nothing and clear this tab too.
    Erased,
}

/// Decides whether this tab may write. `seen` is the stamp of the copy this
/// tab last read or wrote (`None` if it started fresh and has not saved);
/// `stored` is what [`DOCUMENT_KEY`] holds right now.
pub fn before_write(seen: Option<&Stamp>, stored: Option<&str>) -> WriteDecision {
    let next_revision = seen.map_or(1, |stamp| stamp.revision.saturating_add(1));
    match (decode(stored), seen) {
        (Decoded::Fresh, None) => WriteDecision::Write { next_revision },
        (Decoded::Fresh, Some(_)) => WriteDecision::Erased,
        (Decoded::Loaded { stamp, .. }, Some(seen)) if &stamp == seen => {
            WriteDecision::Write { next_revision }
        }
        (Decoded::Loaded { document, stamp }, _) => WriteDecision::Conflict {
            theirs: document,
            stamp,
        },
        (Decoded::Sealed { stamp, .. }, Some(seen)) if &stamp == seen => {
            WriteDecision::Write { next_revision }
        }
        (
            Decoded::Sealed {
                sealed,
                stamp,
                schema,
            },
            _,
        ) => WriteDecision::SealedConflict {
            sealed,
            stamp,
            schema,
        },
        (Decoded::Corrupt { reason }, _) => WriteDecision::Corrupt {
            reason,
            next_revision,
        },
        (Decoded::Newer { schema }, _) => WriteDecision::Newer { schema },
    }
}

/// What another tab's change to storage means for this tab.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageChange {
    /// Another tab saved a later revision: show it (merging first if this
    /// tab has unsaved changes).
    Incoming { document: Document, stamp: Stamp },
    /// Another tab saved a later revision, sealed: open it with this tab's
    /// key, or lock if this tab has none or the key no longer fits (the
    /// passphrase was set or changed there).
    SealedIncoming {
        sealed: Sealed,
        stamp: Stamp,
        schema: u32,
    },
    /// Another tab erased everything: clear this tab too.
    Erased,
    /// A newer Mend saved: stop writing, ask the user to reload.
    Newer { schema: u32 },
    /// Something unreadable was written. Nothing to show; this tab's next
    /// save copies it aside before replacing it.
    Corrupt { reason: Corruption },
}

/// Reads a `storage` event (which only other tabs receive). `key` and
/// `new_value` are the event's (`key` is `None` when storage was cleared);
/// `seen` is the stamp of the copy this tab last read or wrote.
///
/// Only a *later* revision is taken: events arrive in order, but one sent
/// before this tab's own later save can arrive after it, and must not undo it.
pub fn on_storage_event(
    key: Option<&str>,
    new_value: Option<&str>,
    seen: Option<&Stamp>,
) -> Option<StorageChange> {
    let Some(key) = key else {
        return Some(StorageChange::Erased);
    };
    if key != DOCUMENT_KEY {
        return None;
    }
    match decode(new_value) {
        Decoded::Fresh => Some(StorageChange::Erased),
        Decoded::Loaded { document, stamp } => {
            let later = seen.is_none_or(|seen| stamp.revision > seen.revision);
            later.then_some(StorageChange::Incoming { document, stamp })
        }
        Decoded::Sealed {
            sealed,
            stamp,
            schema,
        } => {
            let later = seen.is_none_or(|seen| stamp.revision > seen.revision);
            later.then_some(StorageChange::SealedIncoming {
                sealed,
                stamp,
                schema,
            })
        }
        Decoded::Newer { schema } => Some(StorageChange::Newer { schema }),
        Decoded::Corrupt { reason } => Some(StorageChange::Corrupt { reason }),
    }
}

/// Whether a removal of the document (an erase in another tab) that this tab
/// hears only now is old news: this tab has already saved again since, so
/// storage holds this tab's own copy. Storage events arrive late sometimes;
/// clearing the tab then would hide answers that are safely stored.
/// `now_stored` is what [`DOCUMENT_KEY`] holds at the moment of hearing.
pub fn is_stale_removal(seen: Option<&Stamp>, now_stored: Option<&str>) -> bool {
    let Some(seen) = seen else {
        return false;
    };
    match decode(now_stored) {
        Decoded::Loaded { stamp, .. } | Decoded::Sealed { stamp, .. } => &stamp == seen,
        _ => false,
    }
}

/// Whether another tab's save that this tab hears only now was overtaken:
/// storage no longer holds it. A later change replaced it, and that change
/// is either this tab's own (already in step) or comes with its own event;
/// taking the old one would show answers that are gone (an erase made here
/// meanwhile, say). `new_value` is the event's; `now_stored` is what
/// [`DOCUMENT_KEY`] holds at the moment of hearing. Removals are judged by
/// [`is_stale_removal`] instead.
pub fn is_overtaken(new_value: Option<&str>, now_stored: Option<&str>) -> bool {
    new_value.is_some() && new_value != now_stored
}

/// Whether a copy of the user's words kept beside the document (the
/// import-undo copy) may be written now in the form `key` gives it: only
/// while storage holds the document in that same form. A tab that has not
/// yet heard of a passphrase set elsewhere would otherwise write an open
/// copy beside sealed data; one that has not heard of a change would seal
/// it with a key no one can give any more; one that has not heard of an
/// erase would bring erased words back. `seen` is the stamp this tab last
/// read or wrote, `made` tells whether `key` sealed a box.
pub fn copy_fits<K>(
    seen: Option<&Stamp>,
    stored: Option<&str>,
    key: Option<&K>,
    made: impl Fn(&K, &Sealed) -> bool,
) -> bool {
    match (decode(stored), key) {
        (Decoded::Fresh, None) => seen.is_none(),
        (Decoded::Loaded { .. }, None) => true,
        (Decoded::Sealed { sealed, .. }, Some(key)) => made(key, &sealed),
        _ => false,
    }
}
