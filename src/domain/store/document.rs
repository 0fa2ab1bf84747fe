//! The user's data as one document, and the envelope it is stored in.
//!
//! The stored text under [`DOCUMENT_KEY`](super::DOCUMENT_KEY), exactly as
//! [`encode`](fn@super::encode) writes it (one line; wrapped here to read):
//!
//! ```json
//! {"app":"mend","schema":4,"revision":7,"saved_at":"2026-11-22T10:15:00.000Z",
//!  "data":{"profile":{"wording":{"relationship":"partner","name":"Sam"},
//!                     "safety":{"full_path_for":[],"safe_now":[],"harm_step_for":[],"caution_lifted":[],"done_set_aside_for":[]}},
//!          "entries":[{"id":"weekly-check-in-2026-11-22","guide":"weekly-check-in",
//!                      "started_on":"2026-11-22","completed_on":null,
//!                      "answers":{"trust":{"type":"scale","value":6}},
//!                      "current_step":"ratings"}],
//!          "commitments":[],"exchanges":[]}}
//! ```
//!
//! - `app`: always `"mend"`, so that something else stored under the key is
//!   recognised as not ours rather than misread.
//! - `schema`: the version of the format of `data` (and of this envelope); see
//!   [`CURRENT_SCHEMA`](super::CURRENT_SCHEMA). Any change to what is stored,
//!   even one new optional field, raises it, so that an older Mend still open
//!   in another tab stops writing instead of dropping the field it does not know.
//! - `revision`: 1 for the first save, one more with every successful save.
//! - `saved_at`: when that save happened, as the glue's clock wrote it. With
//!   `revision` it identifies one saved copy (see [`Stamp`]).
//! - `data`: the [`Document`]. Answers are stored as in
//!   [`AnswerValue`](crate::domain::answer::AnswerValue), entries as in
//!   [`Entry`](crate::domain::entry::Entry), `wording` as in [`Wording`],
//!   commitments as in [`Commitments`], exchanges as in [`Exchanges`].

use crate::domain::compare::exchange::Exchanges;
use crate::domain::entry::Entries;
use crate::domain::program::commitments::Commitments;
use crate::domain::program::safety::SafetyChoices;
use crate::domain::wording::Wording;
use serde::{Deserialize, Serialize};

/// The value of the envelope's `app` field.
pub const APP_MARKER: &str = "mend";

/// Everything the user has told Mend, saved and loaded as one piece.
///
/// Unknown fields are refused rather than skipped: skipping would drop them
/// at the next save, and a new field comes with a new schema anyway.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    pub profile: Profile,
    /// Every entry of every guide, oldest first.
    pub entries: Entries,
    /// Commitments tracked week by week (schema 3), in the order taken up.
    pub commitments: Commitments,
    /// Answer-card exchanges with the other person (schema 4), oldest first.
    pub exchanges: Exchanges,
}

/// What the user told Mend about themselves and the other person. Settings
/// (theme, passphrase options) belong here too when they arrive, with a new
/// schema and a migration that adds them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// The kind of relationship and the name the user gave the other person.
    pub wording: Wording,
    /// The user's choices about the safety rules (schema 2).
    pub safety: SafetyChoices,
}

/// Which saved copy a tab last read or wrote: the envelope's `revision` and
/// `saved_at`.
///
/// A tab overwrites storage only while it still holds exactly this copy.
/// The revision alone would not do: after "erase everything" in one tab the
/// count starts again at 1, and two tabs racing can both write the same
/// revision; the time of the save tells those copies apart.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Stamp {
    pub revision: u64,
    pub saved_at: String,
}

impl Stamp {
    pub fn new(revision: u64, saved_at: impl Into<String>) -> Self {
        Self {
            revision,
            saved_at: saved_at.into(),
        }
    }
}
