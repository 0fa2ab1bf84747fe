//! The browser side of the local store: a driver for `domain::store::Tab`,
//! the machine that decides everything about the user's saved data. The
//! driver hands it each event (another tab's storage event, the page being
//! hidden, a box sealed or opened by WebCrypto, a timer, a request from a
//! screen), performs every effect it asks for, and mirrors what it holds
//! into the signals the screens read. It makes no decision of its own.
//!
//! Storage is `localStorage` (see `storage`), through `web_sys::Storage`
//! rather than gloo-storage: Mend needs the exception's name to tell a full
//! quota from blocked storage, and the stored text byte for byte to keep
//! unreadable data aside, while gloo-storage wraps values in its own JSON
//! and panics when storage is off.

use std::collections::BTreeMap;
use std::time::Duration;

use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::content;
use crate::crypto::Key;
use crate::domain::date::CalendarDate;
use crate::domain::sealed::Sealed;
use crate::domain::store::{
    kept_aside_aad, read_kept_aside, Ask, Document, Effect, Event, KeptAside, Notice, Outcome,
    Request, SaveFailure, Tab, Timer,
};
use crate::domain::transfer;

pub use crate::domain::store::{UnlockError, Urgency};

mod export;
mod storage;

use storage::{now_iso, storage, LocalShelf};

/// Why an export file was not made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFailure {
    /// The browser could not encrypt it (WebCrypto failed).
    NotSealed,
    /// The part of Mend that writes export files could not be downloaded.
    Unreachable,
}

/// The user's data, shared through context. Cheap to copy.
#[derive(Clone, Copy)]
pub struct Store {
    tab: StoredValue<Tab<Key>, LocalStorage>,
    /// Mirrors of the machine, for the screens.
    current: RwSignal<Document>,
    notices: RwSignal<Vec<Notice>>,
    protected: RwSignal<bool>,
    locked: RwSignal<bool>,
    read_only: RwSignal<bool>,
    undo: RwSignal<bool>,
    /// Bumped when another tab's data (or an unlock, an import) replaced
    /// what the tab showed, so screens with uncontrolled inputs re-create.
    outside: RwSignal<u64>,
    /// Writes of the user's answers that worked, for the "Saved" status.
    saves: RwSignal<u64>,
    timers: StoredValue<Vec<(Timer, TimeoutHandle)>>,
    /// Requests waiting for their answer: the promise to resolve, then the
    /// answer itself.
    waiting: StoredValue<BTreeMap<Request, js_sys::Function>, LocalStorage>,
    answers: StoredValue<BTreeMap<Request, Outcome>>,
    next_request: StoredValue<Request>,
}

impl Store {
    /// Loads the document (or starts fresh), and starts listening to other
    /// tabs and to the page being hidden.
    pub fn open() -> Self {
        let (tab, effects) = Tab::open(&mut LocalShelf, content::library());
        let store = Store {
            tab: StoredValue::new_local(tab),
            current: RwSignal::new(Document::default()),
            notices: RwSignal::new(Vec::new()),
            protected: RwSignal::new(false),
            locked: RwSignal::new(false),
            read_only: RwSignal::new(false),
            undo: RwSignal::new(false),
            outside: RwSignal::new(0),
            saves: RwSignal::new(0),
            timers: StoredValue::new(Vec::new()),
            waiting: StoredValue::new_local(BTreeMap::new()),
            answers: StoredValue::new(BTreeMap::new()),
            next_request: StoredValue::new(0),
        };
        store.mirror();
        store.perform(effects);
        store.listen();
        store
    }

    // What the screens read.

    /// Reads the document, tracking it.
    pub fn read<R>(&self, f: impl FnOnce(&Document) -> R) -> R {
        self.current.with(f)
    }

    pub fn read_untracked<R>(&self, f: impl FnOnce(&Document) -> R) -> R {
        self.current.with_untracked(f)
    }

    /// True while the stored data is sealed and this tab has no key.
    pub fn locked(&self) -> Signal<bool> {
        self.locked.into()
    }

    /// True when the stored data is sealed with a passphrase.
    pub fn protected(&self) -> Signal<bool> {
        self.protected.into()
    }

    /// True when a newer Mend owns the stored data and this page must not write.
    pub fn read_only(&self) -> Signal<bool> {
        self.read_only.into()
    }

    /// Counts writes of the user's answers that worked, in this tab.
    pub fn saves(&self) -> Signal<u64> {
        self.saves.into()
    }

    /// Bumps when another tab's data replaced what this tab showed.
    pub fn outside_changes(&self) -> RwSignal<u64> {
        self.outside
    }

    pub fn notices(&self) -> Signal<Vec<Notice>> {
        self.notices.into()
    }

    /// What the last import replaced, while it can still be brought back.
    pub fn undo_available(&self) -> Signal<bool> {
        self.undo.into()
    }

    // What the screens ask.

    /// Changes the document and saves it: at once, or after typing pauses.
    pub fn change(&self, urgency: Urgency, f: impl FnOnce(&mut Document)) {
        let effects = self
            .tab
            .try_update_value(|tab| tab.edit(urgency, f, &mut LocalShelf, content::library()))
            .unwrap_or_default();
        self.after(effects);
    }

    /// Saves what is waiting now (a field lost focus, the page is hidden).
    pub fn flush(&self) {
        self.handle(Event::Flush);
    }

    pub fn dismiss(&self, notice: Notice) {
        self.handle(Event::Dismiss(notice));
    }

    /// Waits until nothing is waiting to be saved, or a save has failed.
    pub async fn settle(&self) {
        let _ = self.ask(Ask::Settle).await;
    }

    /// Saves what is waiting, then drops the key and every decrypted answer
    /// from memory (what cannot be saved is held sealed until unlock).
    /// False if there is nothing to lock, or typing arrived meanwhile.
    pub async fn lock(&self) -> bool {
        self.ask(Ask::Lock).await.is_ok()
    }

    /// Opens the sealed data with `passphrase`. A wrong passphrase changes
    /// nothing, in storage or on screen.
    pub async fn unlock(&self, passphrase: &str) -> Result<(), UnlockError> {
        self.ask(Ask::Unlock(passphrase.to_owned())).await
    }

    /// Seals everything with a new passphrase (setting it, or replacing the
    /// one given as `current`). Nothing changes unless the new form is saved.
    pub async fn set_passphrase(
        &self,
        current: Option<&str>,
        new: &str,
    ) -> Result<(), UnlockError> {
        let current = current.map(str::to_owned);
        let new = new.to_owned();
        self.ask(Ask::SetPassphrase { current, new }).await
    }

    /// Stores everything open again, after checking the passphrase.
    pub async fn remove_passphrase(&self, current: &str) -> Result<(), UnlockError> {
        self.ask(Ask::RemovePassphrase(current.to_owned())).await
    }

    /// Replaces everything with an imported document, keeping what was here
    /// as a one-step undo. Nothing changes if that copy cannot be kept.
    pub async fn replace_all(&self, document: Document) -> Result<(), UnlockError> {
        self.ask(Ask::Import(document)).await
    }

    /// Brings back what the last import replaced.
    pub async fn undo_import(&self) {
        let _ = self.ask(Ask::Undo).await;
    }

    /// Drops the undo copy, in memory and in storage.
    pub fn forget_undo(&self) {
        self.handle(Event::ForgetUndo);
    }

    /// Removes every key Mend has written (recovered copies included) and
    /// starts this tab fresh. Other tabs clear themselves when they hear it.
    pub fn erase_everything(&self) -> Result<(), SaveFailure> {
        let (result, effects) = self
            .tab
            .try_update_value(|tab| tab.erase(&mut LocalShelf))
            .unwrap_or((Err(SaveFailure::Unknown), Vec::new()));
        self.after(effects);
        result
    }

    /// The unreadable text kept aside at start-up, exactly as it was found,
    /// for its download (opened with the passphrase if it was sealed since).
    pub async fn recovered_text(&self) -> Option<String> {
        let (name, key) = self
            .tab
            .try_with_value(|tab| (tab.recovered().map(str::to_owned), tab.key().cloned()))?;
        let name = name?;
        let text = storage().ok()?.get_item(&name).ok()??;
        match read_kept_aside(&text) {
            KeptAside::Plain(text) => Some(text),
            KeptAside::Sealed(sealed) => {
                let bytes = key?.open(&sealed, &kept_aside_aad(&name)).await.ok()?;
                String::from_utf8(bytes).ok()
            }
        }
    }

    /// Seals `plaintext` for an export with the current key, if there is one.
    pub async fn seal_export(&self, plaintext: &str, aad: &str) -> Option<Sealed> {
        let key = self
            .tab
            .try_with_value(|tab| tab.sealing_key().cloned())??;
        key.seal(plaintext.as_bytes(), aad).await.ok()
    }

    /// Everything this tab holds as an export file (see `domain::transfer`):
    /// sealed with the passphrase when there is one, unless `plain` was
    /// chosen.
    pub async fn export_file(&self, plain: bool) -> Result<String, ExportFailure> {
        let created_at = now_iso();
        let document = self.read_untracked(Document::clone);
        let text = export::plain(&document, &created_at)
            .await
            .map_err(|_| ExportFailure::Unreachable)?;
        if plain || !self.protected.get_untracked() {
            return Ok(text);
        }
        let sealed = self
            .seal_export(&text, &transfer::export_aad(&created_at))
            .await
            .ok_or(ExportFailure::NotSealed)?;
        export::sealed(&sealed, &created_at)
            .await
            .map_err(|_| ExportFailure::Unreachable)
    }

    // The driver.

    fn handle(&self, event: Event<Key>) {
        let effects = self
            .tab
            .try_update_value(|tab| tab.handle(event, &mut LocalShelf, content::library()))
            .unwrap_or_default();
        self.after(effects);
    }

    fn after(&self, effects: Vec<Effect<Key>>) {
        self.mirror();
        self.perform(effects);
    }

    /// Asks the machine and waits for its answer.
    async fn ask(&self, ask: Ask) -> Outcome {
        let request = self.next_request.get_value() + 1;
        self.next_request.set_value(request);
        let waiting = self.waiting;
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            waiting.update_value(|w| {
                w.insert(request, resolve);
            });
        });
        self.handle(Event::Ask(request, ask));
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        self.answers
            .try_update_value(|answers| answers.remove(&request))
            .flatten()
            .unwrap_or(Err(UnlockError::ChangedElsewhere))
    }

    fn perform(&self, effects: Vec<Effect<Key>>) {
        for effect in effects {
            let store = *self;
            match effect {
                Effect::Seal { job, key, boxes } => wasm_bindgen_futures::spawn_local(async move {
                    let mut sealed = Vec::with_capacity(boxes.len());
                    for (plaintext, aad) in &boxes {
                        match key.seal(plaintext.as_bytes(), aad).await {
                            Ok(one) => sealed.push(one),
                            Err(_) => {
                                return store.handle(Event::Sealed {
                                    job,
                                    result: Err(()),
                                })
                            }
                        }
                    }
                    store.handle(Event::Sealed {
                        job,
                        result: Ok(sealed),
                    });
                }),
                Effect::Open { job, key, boxes } => wasm_bindgen_futures::spawn_local(async move {
                    let mut result = Vec::with_capacity(boxes.len());
                    for (sealed, aad) in &boxes {
                        result.push(key.open(sealed, aad).await.map_err(UnlockError::from));
                    }
                    store.handle(Event::Opened { job, result });
                }),
                Effect::Derive {
                    job,
                    passphrase,
                    like,
                } => wasm_bindgen_futures::spawn_local(async move {
                    let result = match like {
                        Some(sealed) => Key::for_box(&passphrase, &sealed).await,
                        None => Key::create(&passphrase).await,
                    };
                    store.handle(Event::Derived {
                        job,
                        result: result.map_err(UnlockError::from),
                    });
                }),
                Effect::Start(timer, ms) => {
                    self.stop(timer);
                    let handle = set_timeout_with_handle(
                        move || {
                            store
                                .timers
                                .update_value(|t| t.retain(|(x, _)| *x != timer));
                            store.handle(Event::Timer(timer));
                        },
                        Duration::from_millis(u64::from(ms)),
                    );
                    if let Ok(handle) = handle {
                        self.timers.update_value(|t| t.push((timer, handle)));
                    }
                }
                Effect::Stop(timer) => self.stop(timer),
                Effect::Reply(request, outcome) => {
                    self.answers.update_value(|a| {
                        a.insert(request, outcome);
                    });
                    let resolve = self
                        .waiting
                        .try_update_value(|w| w.remove(&request))
                        .flatten();
                    if let Some(resolve) = resolve {
                        let _ = resolve.call0(&JsValue::NULL);
                    }
                }
            }
        }
    }

    fn stop(&self, timer: Timer) {
        self.timers.update_value(|timers| {
            timers.retain(|(x, handle)| {
                if *x == timer {
                    handle.clear();
                }
                *x != timer
            })
        });
    }

    /// Mirrors the machine into the signals, setting only what changed:
    /// screens built on them must not be rebuilt, losing what they show,
    /// when a value is set to what it already was.
    fn mirror(&self) {
        let Some((document, notices, flags, replaced, saves)) = self.tab.try_with_value(|tab| {
            let shown = tab.document();
            let document = (self.current.with_untracked(|c| Some(c) != shown))
                .then(|| shown.cloned().unwrap_or_default());
            let notices = (self
                .notices
                .with_untracked(|n| n.as_slice() != tab.notices()))
            .then(|| tab.notices().to_vec());
            let flags = [
                tab.is_protected(),
                tab.is_locked(),
                tab.is_read_only(),
                tab.undo_available(),
            ];
            (document, notices, flags, tab.replaced(), tab.saves())
        }) else {
            return;
        };
        if let Some(document) = document {
            self.current.set(document);
        }
        if let Some(notices) = notices {
            self.notices.set(notices);
        }
        let signals = [self.protected, self.locked, self.read_only, self.undo];
        for (signal, value) in signals.into_iter().zip(flags) {
            if signal.get_untracked() != value {
                signal.set(value);
            }
        }
        if self.outside.get_untracked() != replaced {
            self.outside.set(replaced);
        }
        if self.saves.get_untracked() != saves {
            self.saves.set(saves);
        }
    }

    fn listen(&self) {
        let store = *self;
        // The store lives as long as the page, so its listeners are never
        // removed: their handles are let go.
        let _ = window_event_listener(ev::storage, move |event| {
            // Only localStorage is Mend's (sessionStorage events come too).
            let local = match (event.storage_area(), storage()) {
                (Some(area), Ok(local)) => area == local,
                _ => false,
            };
            if local {
                store.handle(Event::Heard {
                    key: event.key(),
                    value: event.new_value(),
                });
            }
        });
        // Typing waits at most until the page is hidden or closed.
        let _ = window_event_listener(ev::pagehide, move |_| store.flush());
        // `visibilitychange` is fired at the document and bubbles to the window.
        let _ = window_event_listener(ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                store.flush();
            }
        });
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
