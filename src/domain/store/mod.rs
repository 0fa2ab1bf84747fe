//! The local store: the one versioned document Mend keeps on the device, and the decisions the browser glue needs to keep it safe.
//!
//! Everything here is plain Rust: it never touches the browser. [`Tab`] is
//! the machine each browser tab runs: it follows the rules below, reading
//! and writing through a [`Shelf`] (`localStorage` in the browser) and
//! asking for everything asynchronous as an [`Effect`]; the glue in
//! `src/store/` only performs effects. The rules:
//!
//! **On start-up.** Read [`DOCUMENT_KEY`] and pass it to [`decode()`]:
//! - [`Decoded::Fresh`]: nothing saved yet. Start from `Document::default()`
//!   with no [`Stamp`].
//! - [`Decoded::Loaded`]: keep the document twice, as `saved` (what storage
//!   holds) and `current` (what the user sees and edits), and keep its stamp.
//! - [`Decoded::Newer`]: a newer Mend saved this. Write nothing, ever, from
//!   this page; show [`Notice::NewerVersion`] and let nobody start answering
//!   (what they wrote could not be saved).
//! - [`Decoded::Corrupt`]: copy the text as it is to [`recovery_key`]`(text)`
//!   (never alter or remove [`DOCUMENT_KEY`] here), show [`Notice::Recovered`]
//!   offering the text as a download, and start fresh with no stamp. If the
//!   copy fails (storage full), nothing is lost: the original stays where it
//!   is and the download comes from memory. The unreadable text is replaced
//!   only by the first save, which copies it again first (to the same key,
//!   so there is still one copy) and writes only if that worked.
//!
//! **On save** (after every change the user makes): read [`DOCUMENT_KEY`]
//! again and pass it with this tab's stamp to [`before_write`]. In one
//! synchronous task, with no `await` between the read and the write:
//! - [`WriteDecision::Write`]: [`encode()`] `current` with a new stamp (the
//!   given revision, `saved_at` = now as an ISO 8601 time) and `setItem` it.
//!   If that succeeds, `saved = current`, keep the new stamp, and clear any
//!   [`Notice::SaveFailed`]. If it throws, keep everything in memory as it is,
//!   show [`Notice::SaveFailed`] (from [`SaveFailure::from_error_name`]) until a
//!   later save succeeds, and try again on the next change.
//! - [`WriteDecision::Conflict`]: another tab saved since. Call
//!   [`merge_pending`]`(theirs, &saved, &current, &library)`, then
//!   `saved = theirs`, stamp = theirs, `current = merged.document`, show
//!   `merged.notice()`, and if `current != saved` ask [`before_write`] again
//!   (a few times at most; each round takes a newer copy).
//! - [`WriteDecision::Corrupt`]: copy the stored text to
//!   [`recovery_key`]`(text)`; only if that copy succeeded, write as for
//!   `Write` with the given revision and show [`Notice::Recovered`]. If the
//!   copy fails, write nothing and show [`Notice::SaveFailed`].
//! - [`WriteDecision::Newer`]: write nothing from now on; show
//!   [`Notice::NewerElsewhere`].
//! - [`WriteDecision::Erased`]: everything was erased in another tab. Write
//!   nothing; clear this tab as for [`StorageChange::Erased`].
//!
//! **On a `storage` event** from another tab: pass its `key`, `newValue` and
//! this tab's stamp to [`on_storage_event`]:
//! - `None`: ignore it.
//! - [`StorageChange::Incoming`]: call [`merge_pending`] as for a conflict
//!   (with nothing unsaved it returns their document as it is), take the
//!   result the same way, and show `merged.notice()` (normally
//!   [`Notice::TookTheirs`], a quiet status). If this tab had unsaved changes
//!   (a save had failed), save now.
//! - [`StorageChange::Erased`]: `saved = current = Document::default()`, no
//!   stamp, back to the start page, [`Notice::ErasedElsewhere`].
//! - [`StorageChange::Newer`]: stop saving, [`Notice::NewerElsewhere`].
//! - [`StorageChange::Corrupt`]: keep showing what this tab has; the next save
//!   moves the unreadable copy aside.
//!
//! **Erase everything** removes every key for which [`is_mend_key`] holds,
//! recovered copies included; other tabs then clear themselves.
//!
//! **Export** can write exactly what [`encode()`] produces, so that importing a
//! file goes through [`decode()`] and its migrations like stored data does.

mod decode;
mod document;
mod encode;
mod kept_aside;
mod keys;
mod merge;
mod migrate;
mod notice;
mod sync;
mod tab;

pub use decode::{decode, open_data, Corruption, Decoded};
pub use document::{Document, Profile, Stamp, APP_MARKER};
pub use encode::{document_aad, document_plaintext, encode, encode_sealed, undo_aad};
pub use kept_aside::{encode_kept_aside, kept_aside_aad, read_kept_aside, KeptAside};
pub use keys::{
    is_mend_key, is_recovery_key, recovery_key, DOCUMENT_KEY, KEY_PREFIX, RECOVERY_KEY_PREFIX,
    UNDO_KEY,
};
pub use merge::{merge_pending, MergeNote, Merged};
pub use migrate::{migrate, MigrationError, CURRENT_SCHEMA};
pub use notice::{Lasts, Notice, NoticeAction, SaveFailure};
pub use sync::{
    before_write, copy_fits, is_overtaken, is_stale_removal, on_storage_event, StorageChange,
    WriteDecision,
};
pub use tab::{
    Ask, BoxKey, Effect, Event, Job, Outcome, Request, Shelf, Tab, Timer, UnlockError, Urgency,
    BRIEF_NOTICE_MS, TYPING_DELAY_MS,
};

// Native only, like the other domain tests (they share its fixtures).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;
