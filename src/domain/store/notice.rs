//! What Mend tells the user when something about saving needs their attention, in plain words.

use crate::domain::msg::{self, t};

/// A message about the user's saved answers. The glue shows
/// [`Notice::message`], offers [`Notice::action`] as a button, and keeps the
/// notice as long as [`Notice::lasts`] says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// At start-up the stored answers could not be read; a copy is kept aside
    /// and Mend started fresh.
    Recovered,
    /// At start-up: the answers were saved by a newer Mend.
    NewerVersion,
    /// While working: another tab runs a newer Mend and has saved.
    NewerElsewhere,
    /// As [`Notice::NewerElsewhere`], while this tab holds changes it had
    /// not saved: reloading would lose them, so the download comes first.
    NewerElsewhereUnsaved,
    /// A save failed; the answers are still in memory.
    SaveFailed(SaveFailure),
    /// Another tab saved newer answers, and this tab had nothing unsaved.
    TookTheirs,
    /// Another tab saved at the same moment; this tab's change was added to it.
    Combined,
    /// Both tabs changed the same answer; this tab's was kept.
    BothChanged,
    /// This tab finished a guide, but an answer it needs changed in another tab.
    NotFinished,
    /// Everything was erased in another tab, so this tab was cleared too.
    ErasedElsewhere,
    /// A passphrase was set, changed or entered in another tab, and this tab
    /// does not hold the key to the data now stored: it has locked.
    LockedElsewhere,
    /// Mend locked while the latest changes could not be saved (a full
    /// quota): they are kept sealed in this tab until it unlocks.
    LockedUnsaved,
    /// The copy kept from before the last import could not follow a
    /// passphrase change, so that import can no longer be undone.
    UndoDropped,
    /// A copy of unreadable answers kept aside earlier could not be sealed
    /// with the new passphrase (the browser had no room for the sealed
    /// form): it stays as it was, unencrypted, until downloaded or erased.
    KeptAsideOpen,
}

/// Why a save failed, as far as the browser says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveFailure {
    /// The space the browser gives Mend is full.
    Full,
    /// The browser does not let Mend store anything (private browsing,
    /// blocked site data, no storage at all).
    Unavailable,
    /// Anything else.
    Unknown,
}

impl SaveFailure {
    /// From the `name` of the `DOMException` that `setItem` (or reaching
    /// `localStorage` at all) threw.
    pub fn from_error_name(name: &str) -> Self {
        match name {
            // Firefox before 2020 used its own name for a full quota.
            "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => Self::Full,
            "SecurityError" | "InvalidAccessError" => Self::Unavailable,
            _ => Self::Unknown,
        }
    }
}

/// The button a notice offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeAction {
    /// Download the unreadable copy kept aside, exactly as it was stored.
    DownloadRecovered,
    /// Download everything this tab holds, as an export file.
    DownloadEverything,
    /// Reload the page, which brings the newer Mend.
    Reload,
}

/// How long a notice stays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lasts {
    /// Until a save succeeds; it cannot be dismissed before.
    UntilSaved,
    /// Until the user dismisses it.
    UntilDismissed,
    /// A quiet status that may fade after a few seconds.
    Briefly,
}

impl Notice {
    /// The text to show.
    pub fn message(self) -> &'static str {
        t(match self {
            Self::Recovered => msg::domain::RECOVERED,
            Self::NewerVersion => msg::domain::NEWER_VERSION,
            Self::NewerElsewhereUnsaved => msg::domain::NEWER_ELSEWHERE_UNSAVED,
            Self::NewerElsewhere => msg::domain::NEWER_ELSEWHERE,
            Self::SaveFailed(SaveFailure::Full) => msg::domain::SAVE_FULL,
            Self::SaveFailed(SaveFailure::Unavailable) => msg::domain::SAVE_UNAVAILABLE,
            Self::SaveFailed(SaveFailure::Unknown) => msg::domain::SAVE_UNKNOWN,
            Self::TookTheirs => msg::domain::TOOK_THEIRS,
            Self::Combined => msg::domain::COMBINED,
            Self::BothChanged => msg::domain::BOTH_CHANGED,
            Self::NotFinished => msg::domain::NOT_FINISHED,
            Self::ErasedElsewhere => msg::domain::ERASED_ELSEWHERE,
            Self::LockedUnsaved => msg::domain::LOCKED_UNSAVED,
            Self::UndoDropped => msg::domain::UNDO_DROPPED,
            Self::KeptAsideOpen => msg::domain::KEPT_ASIDE_OPEN,
            Self::LockedElsewhere => msg::domain::LOCKED_ELSEWHERE,
        })
    }

    /// The button to offer with the message, if any.
    pub fn action(self) -> Option<NoticeAction> {
        match self {
            Self::Recovered | Self::KeptAsideOpen => Some(NoticeAction::DownloadRecovered),
            Self::SaveFailed(_) | Self::NewerElsewhereUnsaved => {
                Some(NoticeAction::DownloadEverything)
            }
            Self::NewerVersion | Self::NewerElsewhere => Some(NoticeAction::Reload),
            Self::TookTheirs
            | Self::Combined
            | Self::BothChanged
            | Self::NotFinished
            | Self::ErasedElsewhere
            | Self::LockedElsewhere
            | Self::LockedUnsaved
            | Self::UndoDropped => None,
        }
    }

    /// How long to keep it on screen.
    pub fn lasts(self) -> Lasts {
        match self {
            Self::SaveFailed(_) => Lasts::UntilSaved,
            Self::TookTheirs | Self::Combined => Lasts::Briefly,
            Self::Recovered
            | Self::NewerVersion
            | Self::NewerElsewhere
            | Self::NewerElsewhereUnsaved
            | Self::BothChanged
            | Self::NotFinished
            | Self::ErasedElsewhere
            | Self::LockedElsewhere
            | Self::LockedUnsaved
            | Self::UndoDropped
            | Self::KeptAsideOpen => Lasts::UntilDismissed,
        }
    }

    /// Whether a screen reader should interrupt for it (`role="alert"`)
    /// rather than wait (`role="status"`): only when words may be lost.
    pub fn is_urgent(self) -> bool {
        matches!(
            self,
            Self::SaveFailed(_)
                | Self::NewerElsewhere
                | Self::NewerElsewhereUnsaved
                | Self::LockedUnsaved
        )
    }
}
