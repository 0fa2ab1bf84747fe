//! The browser side of the local store: reads and writes the one document in
//! localStorage following the rules in `domain::store` (decode on start,
//! check before every write, merge what another tab saved, keep unreadable
//! data aside, report failed writes), and exposes it to the UI as signals.
//!
//! Every write of user data goes through [`Store::change`] and [`Store::flush`].
//! It uses `web_sys::Storage` directly rather than gloo-storage: Mend needs
//! the exception's name to tell a full quota from blocked storage, and the
//! stored text byte for byte to keep unreadable data aside, while
//! gloo-storage wraps values in its own JSON and panics when storage is off.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::content;
use crate::domain::date::CalendarDate;
use crate::domain::store::{
    before_write, decode, encode, is_mend_key, merge_pending, on_storage_event, recovery_key,
    Decoded, Document, Lasts, Notice, SaveFailure, Stamp, StorageChange, WriteDecision,
    DOCUMENT_KEY,
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
const TYPING_DELAY_MS: i32 = 300;
/// How long a brief notice stays on screen.
const BRIEF_NOTICE_MS: i32 = 6000;

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
    /// A newer Mend owns the stored data: never write from this page.
    read_only: RwSignal<bool>,
    notices: RwSignal<Vec<Notice>>,
    /// Bumped whenever the document is replaced by another tab's data, so
    /// screens with uncontrolled inputs re-create themselves.
    outside: RwSignal<u64>,
    timer: StoredValue<Option<i32>>,
    /// Where the unreadable copy was kept, for its download.
    recovered: StoredValue<Option<String>>,
}

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
        };
        store.load();
        store.listen();
        store
    }

    fn load(&self) {
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
            }
            Decoded::Newer { .. } => {
                self.read_only.set(true);
                self.notify(Notice::NewerVersion);
            }
            Decoded::Corrupt { reason } => {
                web_sys::console::warn_1(
                    &format!("Mend: stored data unreadable ({reason}); kept aside").into(),
                );
                let text = stored.unwrap_or_default();
                if let Err(reason) = self.keep_aside(&text) {
                    self.notify(Notice::SaveFailed(reason));
                }
                self.notify(Notice::Recovered);
            }
        }
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
    pub fn outside_changes(&self) -> RwSignal<u64> {
        self.outside
    }

    pub fn notices(&self) -> Signal<Vec<Notice>> {
        self.notices.into()
    }

    pub fn dismiss(&self, notice: Notice) {
        self.notices.update(|n| n.retain(|x| *x != notice));
    }

    fn notify(&self, notice: Notice) {
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
                BRIEF_NOTICE_MS,
            );
        }
    }

    fn flush_later(&self) {
        self.cancel_timer();
        let store = *self;
        let handle = set_timeout(move || store.flush(), TYPING_DELAY_MS);
        self.timer.set_value(handle);
    }

    fn cancel_timer(&self) {
        if let Some(handle) = self.timer.get_value() {
            window().clear_timeout_with_handle(handle);
            self.timer.set_value(None);
        }
    }

    /// Saves what is waiting, if anything, following `domain::store`'s rules.
    pub fn flush(&self) {
        self.cancel_timer();
        if self.read_only.get_untracked() {
            return;
        }
        // A conflict leads to one more round; two rounds settle any case.
        for _ in 0..3 {
            let pending = self
                .saved
                .with_value(|saved| self.current.with_untracked(|current| saved != current));
            if !pending {
                return;
            }
            let storage = match storage() {
                Ok(storage) => storage,
                Err(reason) => return self.notify(Notice::SaveFailed(reason)),
            };
            let stored = match storage.get_item(DOCUMENT_KEY) {
                Ok(stored) => stored,
                Err(error) => return self.notify(Notice::SaveFailed(failure(error))),
            };
            let decision = self
                .stamp
                .with_value(|stamp| before_write(stamp.as_ref(), stored.as_deref()));
            match decision {
                WriteDecision::Write { next_revision } => {
                    return self.write(&storage, next_revision)
                }
                WriteDecision::Corrupt { next_revision, .. } => {
                    if let Err(reason) = self.keep_aside(stored.as_deref().unwrap_or_default()) {
                        return self.notify(Notice::SaveFailed(reason));
                    }
                    self.notify(Notice::Recovered);
                    return self.write(&storage, next_revision);
                }
                WriteDecision::Conflict { theirs, stamp } => self.take_theirs(theirs, stamp),
                WriteDecision::Newer { .. } => {
                    self.read_only.set(true);
                    return self.notify(Notice::NewerElsewhere);
                }
                WriteDecision::Erased => return self.erased_elsewhere(),
            }
        }
    }

    fn write(&self, storage: &web_sys::Storage, revision: u64) {
        let stamp = Stamp::new(revision, now_iso());
        let (document, text) = self
            .current
            .with_untracked(|d| (d.clone(), encode(d, &stamp)));
        match storage.set_item(DOCUMENT_KEY, &text) {
            Ok(()) => {
                self.saved.set_value(document);
                self.stamp.set_value(Some(stamp));
                self.notices
                    .update(|n| n.retain(|x| !matches!(x, Notice::SaveFailed(_))));
            }
            // Everything stays in memory; the banner stays until a save works.
            Err(error) => self.notify(Notice::SaveFailed(failure(error))),
        }
    }

    /// Another tab saved since this one last did: show its data with this
    /// tab's unsaved changes on top.
    fn take_theirs(&self, theirs: Document, stamp: Stamp) {
        let merged = self.saved.with_value(|saved| {
            self.current.with_untracked(|current| {
                merge_pending(theirs.clone(), saved, current, content::library())
            })
        });
        self.saved.set_value(theirs);
        self.stamp.set_value(Some(stamp));
        let notice = merged.notice();
        self.current.set(merged.document);
        self.outside.update(|n| *n += 1);
        self.notify(notice);
    }

    fn erased_elsewhere(&self) {
        self.saved.set_value(Document::default());
        self.current.set(Document::default());
        self.stamp.set_value(None);
        self.outside.update(|n| *n += 1);
        self.notify(Notice::ErasedElsewhere);
    }

    /// Copies unreadable text to its recovery key, unchanged.
    fn keep_aside(&self, text: &str) -> Result<(), SaveFailure> {
        let key = recovery_key(text);
        storage()?.set_item(&key, text).map_err(failure)?;
        self.recovered.set_value(Some(key));
        Ok(())
    }

    /// Removes every key Mend has written (recovered copies included) and
    /// starts this tab fresh. Other tabs clear themselves on the storage event.
    pub fn erase_everything(&self) -> Result<(), SaveFailure> {
        self.cancel_timer();
        let storage = storage()?;
        let length = storage.length().map_err(failure)?;
        let keys: Vec<String> = (0..length)
            .filter_map(|i| storage.key(i).ok().flatten())
            .collect();
        for key in keys.iter().filter(|key| is_mend_key(key)) {
            storage.remove_item(key).map_err(failure)?;
        }
        self.saved.set_value(Document::default());
        self.current.set(Document::default());
        self.stamp.set_value(None);
        self.recovered.set_value(None);
        self.notices.set(Vec::new());
        self.outside.update(|n| *n += 1);
        Ok(())
    }

    /// The unreadable text kept aside at start-up, for its download.
    pub fn recovered_text(&self) -> Option<String> {
        let key = self.recovered.get_value()?;
        storage().ok()?.get_item(&key).ok().flatten()
    }

    /// Everything this tab holds, in the stored format, for a download.
    pub fn export_text(&self) -> String {
        let stamp = self
            .stamp
            .get_value()
            .unwrap_or_else(|| Stamp::new(0, now_iso()));
        self.current.with_untracked(|d| encode(d, &stamp))
    }

    fn on_storage(&self, event: web_sys::StorageEvent) {
        let is_local = match (event.storage_area(), storage()) {
            (Some(area), Ok(local)) => area == local,
            _ => false,
        };
        if !is_local {
            return;
        }
        let key = event.key();
        let value = event.new_value();
        let change = self
            .stamp
            .with_value(|stamp| on_storage_event(key.as_deref(), value.as_deref(), stamp.as_ref()));
        match change {
            None | Some(StorageChange::Corrupt { .. }) => {}
            Some(StorageChange::Incoming { document, stamp }) => {
                let pending = self
                    .saved
                    .with_value(|saved| self.current.with_untracked(|current| saved != current));
                if pending {
                    self.take_theirs(document, stamp);
                    self.flush();
                } else {
                    self.saved.set_value(document.clone());
                    self.stamp.set_value(Some(stamp));
                    self.current.set(document);
                    self.outside.update(|n| *n += 1);
                    self.notify(Notice::TookTheirs);
                }
            }
            Some(StorageChange::Erased) => self.erased_elsewhere(),
            Some(StorageChange::Newer { .. }) => {
                self.read_only.set(true);
                self.notify(Notice::NewerElsewhere);
            }
        }
    }

    fn listen(&self) {
        let store = *self;
        let on_storage =
            Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |e| store.on_storage(e));
        // Typing waits at most until the page is hidden or closed.
        let on_hide = Closure::<dyn Fn()>::new(move || store.flush());
        let on_visibility = Closure::<dyn Fn()>::new(move || {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                store.flush();
            }
        });
        let window = window();
        let _ =
            window.add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
        let _ =
            window.add_event_listener_with_callback("pagehide", on_hide.as_ref().unchecked_ref());
        let _ = document().add_event_listener_with_callback(
            "visibilitychange",
            on_visibility.as_ref().unchecked_ref(),
        );
        // The store lives as long as the page.
        on_storage.forget();
        on_hide.forget();
        on_visibility.forget();
    }
}

fn storage() -> Result<web_sys::Storage, SaveFailure> {
    match window().local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(SaveFailure::Unavailable),
        Err(error) => Err(failure(error)),
    }
}

/// Why the browser refused, from the DOMException it threw.
fn failure(error: JsValue) -> SaveFailure {
    let name = error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .unwrap_or_default();
    SaveFailure::from_error_name(&name)
}

fn set_timeout(f: impl FnOnce() + 'static, ms: i32) -> Option<i32> {
    let callback = Closure::once_into_js(f);
    window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms)
        .ok()
}

fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
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
