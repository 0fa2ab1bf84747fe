//! The browser side of the local store: reads and writes the one document in
//! localStorage following the rules in `domain::store` (decode on start,
//! check before every write, merge what another tab saved, keep unreadable
//! data aside, report failed writes), and exposes it to the UI as signals.
//!
//! Every write of user data goes through [`Store::change`] and [`Store::flush`].
//! The glue is split by concern: `storage` (access to localStorage, never
//! throwing), `writer` (the one save path, plain or sealed, single-flight),
//! `session` (lock, unlock, passphrase changes, what a locked tab holds),
//! `transfer` (import, undo, export, erase) and `events` (other tabs, the
//! page being hidden). Every change of session goes through [`Store::step`],
//! one step of `domain::store::Session`.
//!
//! It uses `web_sys::Storage` directly rather than gloo-storage: Mend needs
//! the exception's name to tell a full quota from blocked storage, and the
//! stored text byte for byte to keep unreadable data aside, while
//! gloo-storage wraps values in its own JSON and panics when storage is off.

use leptos::prelude::*;

use crate::crypto::{Key, OpenError};
use crate::domain::date::CalendarDate;
use crate::domain::sealed::Sealed;
use crate::domain::store::{
    before_write, decode, document_aad, document_plaintext, encode, encode_sealed, is_mend_key,
    is_overtaken, is_stale_removal, merge_pending, on_storage_event, open_data, recovery_key,
    undo_aad, Decoded, Document, Lasts, Notice, Session, Stamp, CURRENT_SCHEMA, DOCUMENT_KEY,
    UNDO_KEY,
};

/// How urgently a change must reach storage. Typing is coalesced (saved
/// ~300 ms after the last key, and on blur or when the page is hidden);
/// everything else is saved at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    Now,
    Soon,
}

/// How long typing may wait before it is saved.
const TYPING_DELAY_MS: u64 = 300;
/// How long a brief notice stays on screen.
const BRIEF_NOTICE_MS: u64 = 6000;

/// The user's data, shared through context. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Store {
    /// What the user sees and edits.
    current: RwSignal<Document>,
    /// What storage holds, as far as this tab knows (equal to `current` when
    /// nothing is waiting to be saved).
    saved: StoredValue<Document>,
    /// The saved copy this tab last read or wrote.
    stamp: StoredValue<Option<Stamp>>,
    /// Mirror: a newer Mend owns the stored data; never write from this page.
    read_only: RwSignal<bool>,
    notices: RwSignal<Vec<Notice>>,
    /// Bumped whenever the document is replaced by another tab's data, so
    /// screens with uncontrolled inputs re-create themselves.
    outside: RwSignal<u64>,
    timer: StoredValue<Option<TimeoutHandle>>,
    /// Where the unreadable copy was kept, for its download.
    recovered: StoredValue<Option<String>>,
    /// Open, unlocked (with the key, only ever in memory), locked or
    /// read-only; and the epoch that dates asynchronous work. Changed only
    /// through [`Store::step`], which mirrors it into the three flags below.
    session: StoredValue<Session<Key>, LocalStorage>,
    /// Mirror: the stored data is sealed with a passphrase (whether or not
    /// this tab holds the key right now).
    protected: RwSignal<bool>,
    /// Mirror: the stored data is sealed and this tab has no key.
    locked: RwSignal<bool>,
    /// Write even if nothing changed: the passphrase was set, changed or removed.
    reseal: StoredValue<bool>,
    /// A sealed save is under way (sealing is asynchronous); another save
    /// asked for meanwhile runs right after it.
    saving: StoredValue<bool>,
    again: StoredValue<bool>,
    /// Who is waiting for the save under way to finish ([`Store::settle`]).
    waiters: StoredValue<Vec<js_sys::Function>, LocalStorage>,
    /// What the last import replaced, until undone or dismissed.
    undo: RwSignal<Option<Document>>,
    /// What this tab had not saved when it locked, sealed: restored on top
    /// of the stored data after unlocking. Normally `None`.
    held: StoredValue<Option<Held>, LocalStorage>,
    /// Bumped after each write of the user's answers that worked, for the
    /// "Saved" status a screen reader hears.
    saves: RwSignal<u64>,
}

/// Changes a tab had not saved when it locked (a full quota, say), kept
/// sealed so a locked tab holds no readable answer. The key is kept with
/// them, in memory only, so they open after unlocking even if another tab
/// changed the passphrase meanwhile; it opens nothing else.
#[derive(Clone)]
enum Held {
    Sealed {
        key: Key,
        base: Sealed,
        mine: Sealed,
    },
    /// Another tab set the first passphrase while this one had unsaved
    /// typing: there is no key to seal it with yet.
    Plain { base: Document, mine: Document },
}

impl Held {
    /// Seals `base` (what storage held) and `mine` (what the user sees) with
    /// `key`; `None` if the browser could not.
    async fn seal(key: Key, base: &Document, mine: &Document) -> Option<Held> {
        let base = key
            .seal(document_plaintext(base).as_bytes(), HELD_BASE_AAD)
            .await
            .ok()?;
        let mine = key
            .seal(document_plaintext(mine).as_bytes(), HELD_MINE_AAD)
            .await
            .ok()?;
        Some(Held::Sealed { key, base, mine })
    }
}

/// The additional-data labels of held boxes: never a stored document's.
const HELD_BASE_AAD: &str = "mend.held.base";
const HELD_MINE_AAD: &str = "mend.held.mine";

/// Why the lock screen (or a passphrase change) did not go through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnlockError {
    WrongPassphrase,
    /// The box opened with the right passphrase but not its contents.
    Damaged,
    /// WebCrypto is missing (an old browser, or not a secure origin).
    Unavailable,
    /// The data could not be saved in its new form; nothing changed.
    NotSaved,
    /// Another tab kept saving while the data was being opened.
    Busy,
    /// The session moved on while this was under way: locked here, or the
    /// passphrase set or changed in another tab.
    ChangedElsewhere,
}

impl UnlockError {
    pub fn message(self) -> &'static str {
        match self {
            Self::WrongPassphrase => {
                "That passphrase doesn't open Mend. Check for caps lock and try again; \
                 nothing has been changed."
            }
            Self::Damaged => {
                "The passphrase is right, but the saved data has been damaged or changed \
                 since Mend wrote it, so Mend can't open it. Nothing has been changed or \
                 deleted. If you have an export, you can import it."
            }
            Self::Unavailable => {
                "This browser can't do the encryption Mend needs. Open Mend in an \
                 up-to-date browser."
            }
            Self::NotSaved => {
                "Mend couldn't save that change on this device, so nothing has \
                 changed. Free up some space in the browser and try again."
            }
            Self::ChangedElsewhere => {
                "Mend locked, or its passphrase was set or changed in another tab, while \
                 this was under way, so nothing was changed here. Unlock, then try again."
            }
            Self::Busy => {
                "Mend is open in another tab that was saving while this one unlocked. \
                 Nothing has been changed; please try again."
            }
        }
    }
}

impl From<OpenError> for UnlockError {
    fn from(error: OpenError) -> Self {
        match error {
            OpenError::WrongPassphrase => Self::WrongPassphrase,
            OpenError::Tampered => Self::Damaged,
            OpenError::Unavailable => Self::Unavailable,
        }
    }
}

mod events;
mod session;
mod storage;
mod transfer;
mod writer;

use storage::{failure, now_iso, read_key, read_undo, storage, stored_stamp};
use transfer::write_undo;

impl Store {
    /// Loads the document (or starts fresh), and starts listening to other
    /// tabs and to the page being hidden.
    pub fn open() -> Self {
        let store = Store {
            current: RwSignal::new(Document::default()),
            saved: StoredValue::new(Document::default()),
            stamp: StoredValue::new(None),
            read_only: RwSignal::new(false),
            notices: RwSignal::new(Vec::new()),
            outside: RwSignal::new(0),
            timer: StoredValue::new(None),
            recovered: StoredValue::new(None),
            session: StoredValue::new_local(Session::open()),
            protected: RwSignal::new(false),
            locked: RwSignal::new(false),
            reseal: StoredValue::new(false),
            saving: StoredValue::new(false),
            again: StoredValue::new(false),
            waiters: StoredValue::new_local(Vec::new()),
            undo: RwSignal::new(None),
            held: StoredValue::new_local(None),
            saves: RwSignal::new(0),
        };
        store.load();
        store.listen();
        store
    }

    pub(super) fn load(&self) {
        let stored = match storage().and_then(|s| s.get_item(DOCUMENT_KEY).map_err(failure)) {
            Ok(stored) => stored,
            Err(reason) => {
                self.notify(Notice::SaveFailed(reason));
                return;
            }
        };
        match decode(stored.as_deref()) {
            Decoded::Fresh => {}
            Decoded::Loaded { document, stamp } => {
                self.saved.set_value(document.clone());
                self.current.set(document);
                self.stamp.set_value(Some(stamp));
                if let Decoded::Loaded { document, .. } = decode(read_key(UNDO_KEY).as_deref()) {
                    self.undo.set(Some(document));
                }
            }
            Decoded::Sealed { .. } => {
                // Sealed before this tab had any key.
                self.step(Session::locked_elsewhere);
            }
            Decoded::Newer { .. } => {
                self.step(Session::read_only);
                self.notify(Notice::NewerVersion);
            }
            Decoded::Corrupt { .. } => {
                // Not the reason: a parser's message can quote what the user wrote.
                web_sys::console::warn_1(&"Mend: stored data unreadable; kept aside".into());
                let text = stored.unwrap_or_default();
                if let Err(reason) = self.keep_aside(&text) {
                    self.notify(Notice::SaveFailed(reason));
                }
                self.notify(Notice::Recovered);
            }
        }
    }

    /// True while the stored data is sealed and this tab has no key.
    pub fn locked(&self) -> Signal<bool> {
        self.locked.into()
    }

    /// True when the stored data is sealed with a passphrase.
    pub fn protected(&self) -> Signal<bool> {
        self.protected.into()
    }

    /// Reads the document, tracking it.
    pub fn read<R>(&self, f: impl FnOnce(&Document) -> R) -> R {
        self.current.with(f)
    }

    pub fn read_untracked<R>(&self, f: impl FnOnce(&Document) -> R) -> R {
        self.current.with_untracked(f)
    }

    /// Changes the document and saves it: at once, or after typing pauses.
    pub fn change(&self, urgency: Urgency, f: impl FnOnce(&mut Document)) {
        self.current.update(f);
        match urgency {
            Urgency::Now => self.flush(),
            Urgency::Soon => self.flush_later(),
        }
    }

    /// True when a newer Mend owns the stored data and this page must not write.
    pub fn read_only(&self) -> Signal<bool> {
        self.read_only.into()
    }

    /// Bumps when another tab's data replaced what this tab showed.
    /// Counts writes of the user's answers that worked, in this tab.
    pub fn saves(&self) -> Signal<u64> {
        self.saves.into()
    }

    pub fn outside_changes(&self) -> RwSignal<u64> {
        self.outside
    }

    pub fn notices(&self) -> Signal<Vec<Notice>> {
        self.notices.into()
    }

    pub fn dismiss(&self, notice: Notice) {
        self.notices.update(|n| n.retain(|x| *x != notice));
    }

    pub(super) fn notify(&self, notice: Notice) {
        self.notices.update(|notices| {
            // One save failure at a time: the newest reason replaces the old.
            notices.retain(|n| {
                *n != notice
                    && !(matches!(n, Notice::SaveFailed(_))
                        && matches!(notice, Notice::SaveFailed(_)))
            });
            notices.push(notice);
        });
        if notice.lasts() == Lasts::Briefly {
            let notices = self.notices;
            set_timeout(
                move || notices.update(|n| n.retain(|x| *x != notice)),
                std::time::Duration::from_millis(BRIEF_NOTICE_MS),
            );
        }
    }

    /// The one way the session changes: a step of its machine, then the
    /// flags the screens watch follow it.
    pub(super) fn step<R: Default>(&self, f: impl FnOnce(&mut Session<Key>) -> R) -> R {
        let result = self.session.try_update_value(f).unwrap_or_default();
        let (protected, locked, read_only) = self
            .session
            .try_with_value(|s| (s.is_protected(), s.is_locked(), s.is_read_only()))
            .unwrap_or_default();
        set_flag(self.protected, protected);
        set_flag(self.locked, locked);
        set_flag(self.read_only, read_only);
        result
    }

    /// The key to seal an export with (also kept by a tab a newer Mend
    /// stopped, so it can still lock).
    pub(super) fn sealing_key(&self) -> Option<Key> {
        self.session
            .try_with_value(|s| s.sealing_key().cloned())
            .flatten()
    }

    /// The key, while unlocked.
    pub(super) fn key(&self) -> Option<Key> {
        self.session.try_with_value(|s| s.key().cloned()).flatten()
    }
}

/// Sets a flag only when it changes: screens built on it (the passphrase
/// settings, the lock screen) must not be rebuilt, losing what they show,
/// when it is set to what it already was.
fn set_flag(flag: RwSignal<bool>, value: bool) {
    if flag.get_untracked() != value {
        flag.set(value);
    }
}

/// Today on the user's own calendar.
pub fn today() -> CalendarDate {
    let now = js_sys::Date::new_0();
    let text = format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    );
    text.parse()
        .unwrap_or_else(|_| "2000-01-01".parse().expect("a valid date"))
}
