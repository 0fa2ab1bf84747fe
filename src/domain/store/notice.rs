//! What Mend tells the user when something about saving needs their attention, in plain words.

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
        match self {
            Self::Recovered => {
                "Mend couldn't read the answers saved on this device, so it has started \
                 fresh. Nothing was deleted: a copy of what was saved is kept aside, and you \
                 can download it to keep it safe."
            }
            Self::NewerVersion => {
                "Your answers were saved by a newer version of Mend than this one. To keep \
                 them safe, this version won't change them. Close every Mend tab and open \
                 Mend again to get the newer version; your answers will be there."
            }
            Self::NewerElsewhereUnsaved => {
                "Mend has been updated in another tab, and this tab has stopped saving so \
                 that nothing gets overwritten. Your latest changes here are not saved yet: \
                 download everything to keep them, then reload this tab to carry on with \
                 the newer version."
            }
            Self::NewerElsewhere => {
                "Mend has been updated in another tab. So that nothing gets overwritten, \
                 this tab has stopped saving. Reload it to carry on with the newer version; \
                 your saved answers will be there."
            }
            Self::SaveFailed(SaveFailure::Full) => {
                "Your latest answers couldn't be saved: the space this browser gives Mend \
                 is full. They are still here on screen, so please keep this tab open, and \
                 download everything to a file to be safe. Mend will keep trying, and this \
                 message will go away once saving works again."
            }
            Self::SaveFailed(SaveFailure::Unavailable) => {
                "Your latest answers couldn't be saved: this browser isn't letting Mend \
                 keep anything on this device right now. Private browsing or a privacy \
                 setting can do this. Your answers are still here on screen, so please keep \
                 this tab open, and download everything to a file to be safe. This message \
                 will go away once saving works again."
            }
            Self::SaveFailed(SaveFailure::Unknown) => {
                "Your latest answers couldn't be saved, and the browser didn't say why. \
                 They are still here on screen, so please keep this tab open, and download \
                 everything to a file to be safe. Mend will keep trying, and this message \
                 will go away once saving works again."
            }
            Self::TookTheirs => "Another tab saved newer answers; Mend is showing those now.",
            Self::Combined => {
                "Another tab saved answers at the same moment as this one. Mend has kept \
                 both, and is showing them together here."
            }
            Self::BothChanged => {
                "You changed the same answer in two tabs at once. Mend has kept the one you \
                 gave here; have a look that it's the one you want."
            }
            Self::NotFinished => {
                "An answer this guide needs was changed in another tab, so the guide isn't \
                 marked as finished yet. The review page shows what's left."
            }
            Self::ErasedElsewhere => {
                "Everything in Mend was erased from another tab, so this tab has been \
                 cleared too."
            }
            Self::LockedUnsaved => {
                "Mend has locked, but your latest changes couldn't be saved on this device \
                 yet. They are kept, encrypted, in this tab only: unlock here to save them, \
                 and keep this tab open until you have."
            }
            Self::UndoDropped => {
                "Mend couldn't keep the copy it made before your last import in the new \
                 form, so that import can no longer be undone. Everything else is as it was."
            }
            Self::KeptAsideOpen => {
                "Earlier, Mend kept aside a copy of answers it couldn't read. This browser \
                 had no room to encrypt that copy with your passphrase, so it is still kept \
                 unencrypted on this device. Download it to keep it somewhere safe; \
                 \u{201c}Erase everything\u{201d} in Settings removes it from here."
            }
            Self::LockedElsewhere => {
                "Mend's passphrase was set or changed in another tab, so this tab has \
                 locked. Enter the passphrase to carry on; anything you had not saved \
                 here is kept and added back."
            }
        }
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
