//! One tab's hold on the stored data, as a machine with no I/O of its own:
//! the documents it shows and last saved, its stamp, whether a passphrase
//! seals the data and whether this tab holds the key, changes kept at lock,
//! the import's undo copy, the save in flight and the user's requests under
//! way. The browser glue (`src/store/`) only performs what it asks for.
//!
//! **What goes in and out.** The glue hands each [`Event`] (another tab's
//! storage event, a box sealed or opened, a key derived, a timer, a request
//! from the user) to [`Tab::handle`] and performs every [`Effect`] it gets
//! back: seal or open boxes, derive a key, start or stop a timer, answer a
//! request. Results come back as events carrying the [`Job`] they were
//! asked with, so a result that arrives after the tab has moved on (locked,
//! re-keyed, erased: a new *epoch*) is recognised and dropped.
//!
//! **Why storage is a port, not an effect.** `localStorage` is synchronous,
//! and the one rule that keeps two tabs from overwriting each other is
//! "read, decide and write with no `await` between" (see
//! [`before_write`](super::before_write)). The machine therefore reads and
//! writes through a [`Shelf`] handed to each call, in the same synchronous
//! step as its decision; a write's result is its return value. Everything
//! asynchronous (WebCrypto) is an effect. The browser's shelf is
//! `localStorage`; the tests' is an in-memory one that can fail.
//!
//! | State      | Key in memory | Answers in memory          | Writes          |
//! |------------|---------------|----------------------------|-----------------|
//! | `Open`     | none          | yes                        | open            |
//! | `Unlocked` | yes           | yes                        | sealed with key |
//! | `Locked`   | none          | none (unsaved ones sealed) | none            |
//! | `ReadOnly` | kept, if any  | until locked               | never           |

mod save;
mod tasks;

use std::collections::VecDeque;

use super::decode::{decode, Decoded};
use super::document::{Document, Stamp};
use super::keys::{recovery_key, DOCUMENT_KEY, UNDO_KEY};
use super::notice::{Lasts, Notice, SaveFailure};
use crate::domain::guide::Library;
use crate::domain::sealed::Sealed;

pub use tasks::{Ask, UnlockError};

/// Synchronous storage: `localStorage` in the browser, a map in tests.
/// Every failure is a [`SaveFailure`] the user can be told about.
pub trait Shelf {
    fn get(&self, key: &str) -> Result<Option<String>, SaveFailure>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveFailure>;
    fn remove(&mut self, key: &str) -> Result<(), SaveFailure>;
    /// Every key stored, Mend's and others'.
    fn keys(&self) -> Result<Vec<String>, SaveFailure>;
    /// Now, as an ISO 8601 time, for a save's stamp.
    fn now(&self) -> String;
}

/// A key derived from the passphrase: WebCrypto's in the browser, a
/// stand-in in tests. The machine only needs to know which boxes it sealed.
pub trait BoxKey: Clone {
    fn made(&self, sealed: &Sealed) -> bool;
}

/// How urgently a change must reach storage. Typing is coalesced (saved
/// [`TYPING_DELAY_MS`] after the last key, and when the page is hidden);
/// everything else is saved at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    Now,
    Soon,
}

/// How long typing may wait before it is saved.
pub const TYPING_DELAY_MS: u32 = 300;
/// How long a brief notice stays on screen.
pub const BRIEF_NOTICE_MS: u32 = 6000;

/// A timer the machine asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timer {
    /// Typing paused: save.
    Save,
    /// A brief notice has been on screen long enough.
    Fade(Notice),
}

/// Names a request from the user, so its answer finds its way back.
pub type Request = u64;

/// What a request came to.
pub type Outcome = Result<(), UnlockError>;

/// A piece of asynchronous work asked for by the machine, dated by the
/// epoch it was asked in. Opaque to the glue, which hands it back with the
/// result.
#[derive(Debug, Clone)]
pub struct Job<K> {
    epoch: u64,
    what: What<K>,
}

#[derive(Debug, Clone)]
enum What<K> {
    /// The save in flight sealed what it writes.
    Save,
    /// Another tab's sealed save, opened to show it (and then save this
    /// tab's own changes on top, if `then_save`).
    Theirs {
        stamp: Stamp,
        schema: u32,
        then_save: bool,
    },
    /// As `Theirs`, met by the save in flight.
    SaveTheirs { stamp: Stamp, schema: u32 },
    /// Unsaved changes sealed as this tab locked because another tab
    /// sealed the data with a key it does not have.
    HeldElsewhere(K),
    /// Changes held at lock, opened after unlocking.
    Restore,
    /// A copy of unreadable text kept aside, sealed after the fact.
    Aside { name: String, found: String },
    /// The request under way.
    Task,
}

/// Something the glue must do. The glue decides nothing: it performs the
/// effect and hands the result back as the matching [`Event`].
#[derive(Debug)]
pub enum Effect<K> {
    /// Seal each plaintext with `key` and its additional data, in order;
    /// answer with [`Event::Sealed`].
    Seal {
        job: Job<K>,
        key: K,
        boxes: Vec<(String, String)>,
    },
    /// Open each box with `key` and its additional data, in order; answer
    /// with [`Event::Opened`].
    Open {
        job: Job<K>,
        key: K,
        boxes: Vec<(Sealed, String)>,
    },
    /// Derive the key `passphrase` gives: for the box `like` (its salt and
    /// check), or a new one with a fresh salt. Answer with [`Event::Derived`].
    Derive {
        job: Job<K>,
        passphrase: String,
        like: Option<Sealed>,
    },
    /// Start (or restart) a timer; answer with [`Event::Timer`] when it fires.
    Start(Timer, u32),
    /// Stop a timer, if it runs.
    Stop(Timer),
    /// Answer a request.
    Reply(Request, Outcome),
}

/// Something that happened, for the machine to take into account.
#[derive(Debug)]
pub enum Event<K> {
    /// Another tab changed storage (`key` is `None` when it was cleared).
    Heard {
        key: Option<String>,
        value: Option<String>,
    },
    Sealed {
        job: Job<K>,
        result: Result<Vec<Sealed>, ()>,
    },
    Opened {
        job: Job<K>,
        result: Vec<Result<Vec<u8>, UnlockError>>,
    },
    Derived {
        job: Job<K>,
        result: Result<K, UnlockError>,
    },
    Timer(Timer),
    /// Save what waits now: the page is being hidden or closed, or a field
    /// lost focus. Typing waits no longer.
    Flush,
    /// The user asks for something that takes a while.
    Ask(Request, Ask),
    Dismiss(Notice),
    /// The user no longer wants to undo the last import.
    ForgetUndo,
}

/// The documents of a tab that may hold answers.
#[derive(Debug, Clone, Default)]
struct Docs {
    /// What storage holds, as far as this tab knows.
    saved: Document,
    /// What the user sees and edits (equal to `saved` when nothing waits).
    current: Document,
    /// The stamp of the copy this tab last read or wrote.
    stamp: Option<Stamp>,
    /// What the last import replaced, until undone or dismissed.
    undo: Option<Document>,
    /// Write even if nothing changed: the passphrase was set, changed or
    /// removed.
    reseal: bool,
    /// An open undo copy taken out of storage at the moment the data was
    /// first sealed (it must not stay beside sealed data even while it is
    /// being sealed itself), until the passphrase change writes it back.
    undo_out: Option<Document>,
    flight: Flight,
}

impl Docs {
    fn loaded(document: Document, stamp: Stamp) -> Self {
        Docs {
            saved: document.clone(),
            current: document,
            stamp: Some(stamp),
            ..Docs::default()
        }
    }

    fn unsaved(&self) -> bool {
        self.saved != self.current
    }

    fn pending(&self) -> bool {
        self.reseal || self.unsaved()
    }
}

/// The save under way. Asking for a save while one is in flight needs no
/// flag: when the flight lands it looks again at what is waiting.
#[derive(Debug, Clone, Default)]
enum Flight {
    #[default]
    Idle,
    /// Sealing `doc` to write with `stamp`, decided on storage holding `seen`.
    Sealing {
        seen: Option<String>,
        doc: Box<Document>,
        stamp: Stamp,
        rounds: u8,
    },
    /// Opening another tab's sealed save met on the way.
    Opening { rounds: u8 },
}

/// Where a tab stands with the passphrase; the states carry their data.
#[derive(Debug, Clone)]
enum State<K> {
    /// No passphrase: answers are stored open.
    Open(Docs),
    /// A passphrase seals the data and this tab holds its key.
    Unlocked { key: K, docs: Docs },
    /// A passphrase seals the data and this tab has no key: the lock screen
    /// shows and no answer is held.
    Locked,
    /// A newer Mend owns the stored data: this tab never writes again. It
    /// keeps the key it had (to lock, and to seal an export) and what it
    /// showed, until it locks.
    ReadOnly { key: Option<K>, docs: Option<Docs> },
}

/// Changes a tab had not saved when it locked (a full quota, say), kept
/// sealed so a locked tab holds no readable answer. The key is kept with
/// them so they open after unlocking even if the passphrase changed
/// meanwhile; it opens nothing else.
#[derive(Debug, Clone)]
enum Held<K> {
    Sealed {
        key: K,
        base: Sealed,
        mine: Sealed,
    },
    /// Another tab set the first passphrase while this one had unsaved
    /// typing: there is no key to seal it with (see Known limits).
    Plain {
        base: Document,
        mine: Document,
    },
}

/// The additional-data labels of held boxes: never a stored document's.
const HELD_BASE_AAD: &str = "mend.held.base";
const HELD_MINE_AAD: &str = "mend.held.mine";

/// One tab's machine. `K` is the key type.
#[derive(Debug)]
pub struct Tab<K> {
    state: State<K>,
    epoch: u64,
    held: Option<Held<K>>,
    /// A held change being opened after unlocking (its key, kept so a lock
    /// meanwhile can put it back).
    restoring: Option<Held<K>>,
    task: Option<tasks::Task<K>>,
    queue: VecDeque<(Request, Ask)>,
    notices: Vec<Notice>,
    /// Where the unreadable copy was kept, for its download.
    recovered: Option<String>,
    /// Bumped whenever what the tab shows was replaced from outside the
    /// user's typing (another tab, an unlock, an import), so screens with
    /// uncontrolled inputs re-create themselves.
    replaced: u64,
    /// Writes of the user's answers that worked, for the "Saved" status.
    saves: u64,
    /// Changes the user made, counted (typing while locking is noticed).
    edits: u64,
    out: Vec<Effect<K>>,
}

/// What the machine needs from the world for one step.
struct Io<'a> {
    shelf: &'a mut dyn Shelf,
    library: &'a Library,
}

impl<K: BoxKey + std::fmt::Debug> Tab<K> {
    /// Reads storage (or starts fresh) the way a tab does when it opens.
    pub fn open(shelf: &mut dyn Shelf, library: &Library) -> (Self, Vec<Effect<K>>) {
        let mut tab = Tab {
            state: State::Open(Docs::default()),
            epoch: 0,
            held: None,
            restoring: None,
            task: None,
            queue: VecDeque::new(),
            notices: Vec::new(),
            recovered: None,
            replaced: 0,
            saves: 0,
            edits: 0,
            out: Vec::new(),
        };
        let mut io = Io { shelf, library };
        tab.load(&mut io);
        let effects = tab.drain();
        (tab, effects)
    }

    /// One step: take `event` into account; returns what to do.
    pub fn handle(
        &mut self,
        event: Event<K>,
        shelf: &mut dyn Shelf,
        library: &Library,
    ) -> Vec<Effect<K>> {
        let mut io = Io { shelf, library };
        match event {
            Event::Heard { key, value } => self.heard(key.as_deref(), value.as_deref(), &mut io),
            Event::Sealed { job, result } => self.sealed(job, result, &mut io),
            Event::Opened { job, result } => self.opened(job, result, &mut io),
            Event::Derived { job, result } => {
                if matches!(job.what, What::Task) {
                    self.task_derived(result, &mut io);
                }
            }
            Event::Timer(Timer::Save) | Event::Flush => self.save(&mut io),
            Event::Timer(Timer::Fade(notice)) => self.notices.retain(|n| *n != notice),
            Event::Ask(request, ask) => self.ask(request, ask, &mut io),
            Event::Dismiss(notice) => self.notices.retain(|n| *n != notice),
            Event::ForgetUndo => self.forget_undo(&mut io),
        }
        self.pump(&mut io);
        self.drain()
    }

    /// The user changed the document: keep it, and save it at once or once
    /// typing pauses. Nothing changes while no answers are held (locked).
    pub fn edit(
        &mut self,
        urgency: Urgency,
        f: impl FnOnce(&mut Document),
        shelf: &mut dyn Shelf,
        library: &Library,
    ) -> Vec<Effect<K>> {
        let mut io = Io { shelf, library };
        if let Some(docs) = self.docs_mut() {
            f(&mut docs.current);
            self.edits += 1;
            match urgency {
                Urgency::Now => {
                    self.out.push(Effect::Stop(Timer::Save));
                    self.save(&mut io);
                }
                Urgency::Soon => self.out.push(Effect::Start(Timer::Save, TYPING_DELAY_MS)),
            }
        }
        self.pump(&mut io);
        self.drain()
    }

    /// Removes every key Mend has written (recovered copies included) and
    /// starts this tab fresh. Other tabs clear themselves when they hear it.
    pub fn erase(&mut self, shelf: &mut dyn Shelf) -> (Result<(), SaveFailure>, Vec<Effect<K>>) {
        self.out.push(Effect::Stop(Timer::Save));
        let result = erase_all(shelf);
        if result.is_ok() {
            self.recovered = None;
            self.held = None;
            self.restoring = None;
            self.become_(State::Open(Docs::default()));
            self.notices.clear();
            self.replaced += 1;
        }
        (result, self.drain())
    }

    // What the glue mirrors into the screens.

    /// What the user sees; `None` while locked (or read-only after locking).
    pub fn document(&self) -> Option<&Document> {
        self.docs().map(|docs| &docs.current)
    }

    /// Bumps whenever what is shown was replaced from outside the user's typing.
    pub fn replaced(&self) -> u64 {
        self.replaced
    }

    pub fn saves(&self) -> u64 {
        self.saves
    }

    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }

    pub fn recovered(&self) -> Option<&str> {
        self.recovered.as_deref()
    }

    pub fn undo_available(&self) -> bool {
        self.docs().is_some_and(|docs| docs.undo.is_some())
    }

    /// The key, while unlocked.
    pub fn key(&self) -> Option<&K> {
        match &self.state {
            State::Unlocked { key, .. } => Some(key),
            _ => None,
        }
    }

    /// The key to seal an export with: while unlocked, or read-only with
    /// the key it had.
    pub fn sealing_key(&self) -> Option<&K> {
        match &self.state {
            State::Unlocked { key, .. } | State::ReadOnly { key: Some(key), .. } => Some(key),
            _ => None,
        }
    }

    /// The stored data is sealed (whether or not this tab holds the key).
    pub fn is_protected(&self) -> bool {
        matches!(
            self.state,
            State::Unlocked { .. } | State::Locked | State::ReadOnly { key: Some(_), .. }
        )
    }

    pub fn is_locked(&self) -> bool {
        matches!(self.state, State::Locked)
    }

    pub fn is_read_only(&self) -> bool {
        matches!(self.state, State::ReadOnly { .. })
    }

    /// Whether this tab may write its answers to storage now.
    pub fn may_write(&self) -> bool {
        matches!(self.state, State::Open(_) | State::Unlocked { .. })
    }

    /// Something the user changed is not in storage yet.
    pub fn unsaved(&self) -> bool {
        self.docs().is_some_and(Docs::unsaved)
    }

    /// Changes held sealed (or, without a key, as they are) while locked.
    pub fn holds_changes(&self) -> bool {
        self.held.is_some() || self.restoring.is_some()
    }

    /// Nothing is under way: no save in flight, no request being done.
    pub fn is_idle(&self) -> bool {
        self.task.is_none() && self.queue.is_empty() && self.flight_idle()
    }

    /// What the last import replaced, for tests that follow the user's words.
    #[cfg(all(test, not(target_arch = "wasm32")))]
    pub(crate) fn undo_copy(&self) -> Option<&Document> {
        self.docs().and_then(|docs| docs.undo.as_ref())
    }

    // The machinery.

    fn drain(&mut self) -> Vec<Effect<K>> {
        std::mem::take(&mut self.out)
    }

    fn docs(&self) -> Option<&Docs> {
        match &self.state {
            State::Open(docs) | State::Unlocked { docs, .. } => Some(docs),
            State::ReadOnly { docs, .. } => docs.as_ref(),
            State::Locked => None,
        }
    }

    fn docs_mut(&mut self) -> Option<&mut Docs> {
        match &mut self.state {
            State::Open(docs) | State::Unlocked { docs, .. } => Some(docs),
            State::ReadOnly { docs, .. } => docs.as_mut(),
            State::Locked => None,
        }
    }

    /// The documents, while this tab may write them.
    fn writable(&mut self) -> Option<&mut Docs> {
        match &mut self.state {
            State::Open(docs) | State::Unlocked { docs, .. } => Some(docs),
            _ => None,
        }
    }

    fn job(&self, what: What<K>) -> Job<K> {
        Job {
            epoch: self.epoch,
            what,
        }
    }

    fn accepts(&self, job: &Job<K>) -> bool {
        job.epoch == self.epoch
    }

    /// Every change of state starts a new epoch: work started before it is
    /// dropped when it comes back. A save in flight goes with the old state.
    fn become_(&mut self, state: State<K>) {
        self.state = state;
        self.epoch = self.epoch.wrapping_add(1);
    }

    /// The documents, kept across a change of state that keeps them.
    fn take_docs(&mut self) -> Docs {
        let mut docs = match std::mem::replace(&mut self.state, State::Locked) {
            State::Open(docs) | State::Unlocked { docs, .. } => docs,
            State::ReadOnly { docs, .. } => docs.unwrap_or_default(),
            State::Locked => Docs::default(),
        };
        docs.flight = Flight::Idle;
        docs
    }

    /// The passphrase is gone (removed here or elsewhere): open, keeping
    /// what is shown. A read-only tab stays read-only.
    fn become_open(&mut self) {
        if self.is_read_only() {
            return;
        }
        let docs = self.take_docs();
        self.become_(State::Open(docs));
    }

    /// A newer Mend owns the data from now on.
    fn become_read_only(&mut self) {
        let key = self.sealing_key().cloned();
        let had = self.docs().is_some();
        let docs = self.take_docs();
        self.become_(State::ReadOnly {
            key,
            docs: had.then_some(docs),
        });
    }

    fn notify(&mut self, notice: Notice) {
        // One save failure at a time: the newest reason replaces the old.
        self.notices.retain(|n| {
            *n != notice
                && !(matches!(n, Notice::SaveFailed(_)) && matches!(notice, Notice::SaveFailed(_)))
        });
        self.notices.push(notice);
        if notice.lasts() == Lasts::Briefly {
            self.out
                .push(Effect::Start(Timer::Fade(notice), BRIEF_NOTICE_MS));
        }
    }

    fn dismiss(&mut self, notice: Notice) {
        self.notices.retain(|n| *n != notice);
    }

    fn clear_save_failed(&mut self) {
        self.notices.retain(|n| !matches!(n, Notice::SaveFailed(_)));
    }

    /// Reads storage as a tab does when it opens (or starts over).
    fn load(&mut self, io: &mut Io) {
        let stored = match io.shelf.get(DOCUMENT_KEY) {
            Ok(stored) => stored,
            Err(reason) => return self.notify(Notice::SaveFailed(reason)),
        };
        match decode(stored.as_deref()) {
            Decoded::Fresh => self.become_(State::Open(Docs::default())),
            Decoded::Loaded { document, stamp } => {
                let mut docs = Docs::loaded(document, stamp);
                if let Ok(undo) = io.shelf.get(UNDO_KEY) {
                    if let Decoded::Loaded { document, .. } = decode(undo.as_deref()) {
                        docs.undo = Some(document);
                    }
                }
                self.become_(State::Open(docs));
            }
            // Sealed before this tab had any key.
            Decoded::Sealed { .. } => self.become_(State::Locked),
            Decoded::Newer { .. } => {
                self.become_(State::ReadOnly {
                    key: None,
                    docs: Some(Docs::default()),
                });
                self.notify(Notice::NewerVersion);
            }
            Decoded::Corrupt { .. } => {
                self.become_(State::Open(Docs::default()));
                if let Err(reason) = self.keep_aside(stored.as_deref().unwrap_or_default(), io) {
                    self.notify(Notice::SaveFailed(reason));
                }
                self.notify(Notice::Recovered);
            }
        }
    }

    /// Starts over from what storage holds now, as a new tab would.
    fn load_again(&mut self, io: &mut Io) {
        self.become_(State::Open(Docs::default()));
        self.load(io);
        self.replaced += 1;
    }

    /// Copies unreadable text to its recovery key, unchanged; sealed right
    /// after when there is a passphrase, like every other copy of the
    /// user's words (kept as found first: that must not wait).
    fn keep_aside(&mut self, text: &str, io: &mut Io) -> Result<(), SaveFailure> {
        let name = recovery_key(text);
        io.shelf.set(&name, text)?;
        self.recovered = Some(name.clone());
        if let Some(key) = self.key().cloned() {
            let aad = super::kept_aside::kept_aside_aad(&name);
            let job = self.job(What::Aside {
                name,
                found: text.to_owned(),
            });
            self.out.push(Effect::Seal {
                job,
                key,
                boxes: vec![(text.to_owned(), aad)],
            });
        }
        Ok(())
    }
}

/// Removes every Mend key. Stops at the first failure (what was removed
/// stays removed; the user is told and can try again).
fn erase_all(shelf: &mut dyn Shelf) -> Result<(), SaveFailure> {
    let keys = shelf.keys()?;
    for key in keys.iter().filter(|key| super::keys::is_mend_key(key)) {
        shelf.remove(key)?;
    }
    Ok(())
}
