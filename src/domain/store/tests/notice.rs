//! What the user is told: plain words, the right button, and how long it stays.

use crate::domain::store::{Lasts, Notice, NoticeAction, SaveFailure};

const EVERY_NOTICE: [Notice; 16] = [
    Notice::Recovered,
    Notice::NewerVersion,
    Notice::NewerElsewhere,
    Notice::NewerElsewhereUnsaved,
    Notice::SaveFailed(SaveFailure::Full),
    Notice::SaveFailed(SaveFailure::Unavailable),
    Notice::SaveFailed(SaveFailure::Unknown),
    Notice::TookTheirs,
    Notice::Combined,
    Notice::BothChanged,
    Notice::NotFinished,
    Notice::ErasedElsewhere,
    Notice::LockedElsewhere,
    Notice::LockedUnsaved,
    Notice::UndoDropped,
    Notice::KeptAsideOpen,
];

#[test]
fn notices_speak_plainly() {
    let jargon = [
        "storage", "schema", "json", "quota", "revision", "corrupt", "error", "invalid", "failed",
        "conflict", "sync", "data",
    ];
    for notice in EVERY_NOTICE {
        let message = notice.message().to_lowercase();
        for word in jargon {
            assert!(
                !message.contains(word),
                "{notice:?} says {word:?}: {message}"
            );
        }
        assert!(message.ends_with('.'), "{notice:?}");
        assert!(!message.contains("  "), "{notice:?} has a double space");
    }
}

#[test]
fn a_conflict_says_what_the_user_now_sees() {
    assert_eq!(
        Notice::TookTheirs.message(),
        "Another tab saved newer answers; Mend is showing those now."
    );
}

#[test]
fn a_failed_save_stays_until_a_save_works_and_offers_a_download() {
    for failure in [
        SaveFailure::Full,
        SaveFailure::Unavailable,
        SaveFailure::Unknown,
    ] {
        let notice = Notice::SaveFailed(failure);
        assert_eq!(notice.lasts(), Lasts::UntilSaved);
        assert_eq!(notice.action(), Some(NoticeAction::DownloadEverything));
        assert!(notice.is_urgent());
        assert!(notice.message().contains("still here on screen"));
    }
    // Only a failed save waits for a save.
    for notice in EVERY_NOTICE {
        let is_failure = matches!(notice, Notice::SaveFailed(_));
        assert_eq!(
            notice.lasts() == Lasts::UntilSaved,
            is_failure,
            "{notice:?}"
        );
    }
}

#[test]
fn recovered_answers_are_offered_as_a_download_and_newer_data_asks_for_a_reload() {
    assert_eq!(
        Notice::Recovered.action(),
        Some(NoticeAction::DownloadRecovered)
    );
    assert!(Notice::Recovered.message().contains("Nothing was deleted"));
    assert_eq!(Notice::NewerVersion.action(), Some(NoticeAction::Reload));
    assert!(Notice::NewerVersion.message().contains("won't change them"));
    assert_eq!(Notice::NewerElsewhere.action(), Some(NoticeAction::Reload));
}

#[test]
fn the_browsers_error_names_map_to_what_happened() {
    assert_eq!(
        SaveFailure::from_error_name("QuotaExceededError"),
        SaveFailure::Full
    );
    assert_eq!(
        SaveFailure::from_error_name("NS_ERROR_DOM_QUOTA_REACHED"),
        SaveFailure::Full
    );
    assert_eq!(
        SaveFailure::from_error_name("SecurityError"),
        SaveFailure::Unavailable
    );
    assert_eq!(
        SaveFailure::from_error_name("TypeError"),
        SaveFailure::Unknown
    );
    assert_eq!(SaveFailure::from_error_name(""), SaveFailure::Unknown);
}

#[test]
fn a_tab_stopped_by_a_newer_mend_offers_the_download_before_a_reload_that_would_lose_words() {
    assert_eq!(
        Notice::NewerElsewhereUnsaved.action(),
        Some(NoticeAction::DownloadEverything)
    );
    assert!(Notice::NewerElsewhereUnsaved
        .message()
        .contains("not saved yet"));
    assert!(Notice::NewerElsewhereUnsaved.is_urgent());
}
