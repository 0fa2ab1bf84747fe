//! The world a [`Tab`] runs in, for native tests: `localStorage` in memory
//! (which can be full, and which sends every write to the other tabs as a
//! storage event), a stand-in for WebCrypto whose work finishes only when
//! the test says so, in any order, and a driver that does nothing but
//! perform effects, as `src/store/` does in the browser.
//!
//! The stand-in key is a byte: a box records it as the first byte of its
//! salt, and its additional data in its IV, so a box opened with the wrong
//! key or the wrong label fails as WebCrypto's would. The plaintext is in
//! the box as it is: the cryptography itself is tested in the browser.

use std::collections::hash_map::DefaultHasher;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

use super::{day, library};
use crate::domain::answer::AnswerValue;
use crate::domain::guide::{Guide, Library};
use crate::domain::ids::GuideId;
use crate::domain::sealed::{KdfParams, Sealed, CHECK_PLAINTEXT, CIPHER, FORMAT, TAG_BYTES};
use crate::domain::store::{
    document_aad, open_data, Ask, BoxKey, Decoded, Document, Effect, Event, Notice, Outcome,
    Request, SaveFailure, Shelf, Tab, UnlockError, Urgency, DOCUMENT_KEY,
};
use crate::domain::tests::q;
use std::sync::OnceLock;

/// The fixture library, built once: every merge uses it.
pub(super) fn lib() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(library)
}

/// The guide the scenario tests answer.
pub(super) fn sample() -> &'static Guide {
    lib()
        .guide(&GuideId::new("sample"))
        .unwrap_or_else(|| panic!("the sample guide is a fixture"))
}

/// The day the scenario tests answer on.
const TODAY: &str = "2026-11-22";

/// The answer to `question` of the sample guide in `document`, if any.
pub(super) fn answer_in(document: &Document, question: &str) -> Option<AnswerValue> {
    document
        .entries
        .current(sample())
        .and_then(|e| e.answers().get(&q(question)).cloned())
}

/// What a newer Mend (one schema ahead) would have stored: this Mend must
/// never write over it.
pub(super) fn newer_mends_data() -> String {
    format!(
        r#"{{"app":"mend","schema":{},"data":"new"}}"#,
        crate::domain::store::CURRENT_SCHEMA + 1
    )
}

/// `localStorage` for one origin: items, a switch to make it full, and the
/// `storage` events every write sends to the other tabs.
#[derive(Default)]
pub(super) struct Storage {
    pub(super) items: BTreeMap<String, String>,
    pub(super) full: bool,
    /// (tab that wrote, key, new value).
    pub(super) events: Vec<(usize, Option<String>, Option<String>)>,
    /// Every save is at a new instant.
    clock: std::cell::Cell<u32>,
}

impl Storage {
    pub(super) fn get(&self, key: &str) -> Option<String> {
        self.items.get(key).cloned()
    }

    /// Writes as another program would (a newer Mend, a damaged profile).
    pub(super) fn put(&mut self, key: &str, value: &str) {
        self.items.insert(key.to_owned(), value.to_owned());
        self.events
            .push((usize::MAX, Some(key.to_owned()), Some(value.to_owned())));
    }

    /// What the document key holds, decoded.
    pub(super) fn document(&self) -> Decoded {
        crate::domain::store::decode(self.get(DOCUMENT_KEY).as_deref())
    }

    /// The stored document as Mend reads it: open, or sealed and opened
    /// with `key` (the passphrase the user set). Panics on anything else.
    pub(super) fn opened(&self, key: Option<FakeKey>) -> Document {
        match (self.document(), key) {
            (Decoded::Fresh, _) => Document::default(),
            (Decoded::Loaded { document, .. }, _) => document,
            (
                Decoded::Sealed {
                    sealed,
                    stamp,
                    schema,
                },
                Some(key),
            ) => {
                let bytes = open(key, &sealed, &document_aad(schema, &stamp))
                    .unwrap_or_else(|e| panic!("the stored box does not open: {e:?}"));
                open_data(schema, &bytes).unwrap_or_else(|e| panic!("{e:?}"))
            }
            (other, _) => panic!("nothing readable stored: {other:?}"),
        }
    }

    /// The storage as tab `tab` sees it (its writes are sent to the others).
    pub(super) fn shelf(&mut self, tab: usize) -> TabShelf<'_> {
        TabShelf { storage: self, tab }
    }
}

pub(super) struct TabShelf<'a> {
    storage: &'a mut Storage,
    tab: usize,
}

impl Shelf for TabShelf<'_> {
    fn get(&self, key: &str) -> Result<Option<String>, SaveFailure> {
        Ok(self.storage.items.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), SaveFailure> {
        if self.storage.full {
            return Err(SaveFailure::Full);
        }
        self.storage.items.insert(key.to_owned(), value.to_owned());
        self.storage
            .events
            .push((self.tab, Some(key.to_owned()), Some(value.to_owned())));
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), SaveFailure> {
        if self.storage.items.remove(key).is_some() {
            self.storage
                .events
                .push((self.tab, Some(key.to_owned()), None));
        }
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, SaveFailure> {
        Ok(self.storage.items.keys().cloned().collect())
    }

    fn now(&self) -> String {
        let clock = self.storage.clock.get() + 1;
        self.storage.clock.set(clock);
        format!(
            "2026-11-22T{:02}:{:02}:{:02}.{:03}Z",
            clock / 3_600_000 % 24,
            clock / 60_000 % 60,
            clock / 1000 % 60,
            clock % 1000
        )
    }
}

/// The stand-in key: a byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct FakeKey(pub(super) u8);

impl BoxKey for FakeKey {
    fn made(&self, sealed: &Sealed) -> bool {
        sealed.kdf.salt.first() == Some(&self.0)
    }
}

/// The passphrase that derives `key`.
pub(super) fn passphrase(key: u8) -> String {
    format!("passphrase number {key}")
}

fn key_of(passphrase: &str) -> Option<u8> {
    passphrase.strip_prefix("passphrase number ")?.parse().ok()
}

fn label(aad: &str) -> Vec<u8> {
    let mut hasher = DefaultHasher::new();
    aad.hash(&mut hasher);
    let mut iv = hasher.finish().to_le_bytes().to_vec();
    iv.extend([0; 4]);
    iv
}

/// A fake box: the key in the salt, the label in the IV, the text as it is.
pub(super) fn seal(key: FakeKey, plaintext: &str, aad: &str) -> Sealed {
    let mut data = plaintext.as_bytes().to_vec();
    data.extend([0; TAG_BYTES]);
    Sealed {
        format: FORMAT,
        cipher: CIPHER.into(),
        kdf: KdfParams::new(vec![key.0; 16]),
        check_iv: vec![1; 12],
        check: vec![2; CHECK_PLAINTEXT.len() + TAG_BYTES],
        iv: label(aad),
        data,
    }
}

pub(super) fn open(key: FakeKey, sealed: &Sealed, aad: &str) -> Result<Vec<u8>, UnlockError> {
    if !key.made(sealed) {
        return Err(UnlockError::WrongPassphrase);
    }
    if sealed.iv != label(aad) {
        return Err(UnlockError::Damaged);
    }
    Ok(sealed.data[..sealed.data.len() - TAG_BYTES].to_vec())
}

/// One tab: the machine, the browser work it asked for and not yet
/// finished, and the answers to its requests.
pub(super) struct Driven {
    pub(super) id: usize,
    pub(super) tab: Tab<FakeKey>,
    /// Seal, open and derive effects not yet performed.
    pub(super) work: Vec<Effect<FakeKey>>,
    pub(super) replies: BTreeMap<Request, Outcome>,
    /// How many of the storage events this tab has heard.
    heard: usize,
    next_request: Request,
}

impl Driven {
    pub(super) fn open(id: usize, storage: &mut Storage) -> Self {
        let heard = storage.events.len();
        let (tab, effects) = Tab::open(&mut storage.shelf(id), lib());
        let mut driven = Driven {
            id,
            tab,
            work: Vec::new(),
            replies: BTreeMap::new(),
            heard,
            next_request: 0,
        };
        driven.keep(effects);
        driven
    }

    fn keep(&mut self, effects: Vec<Effect<FakeKey>>) {
        for effect in effects {
            match effect {
                Effect::Reply(request, outcome) => {
                    self.replies.insert(request, outcome);
                }
                // Timers are the test's to fire (a save is an explicit step).
                Effect::Start(..) | Effect::Stop(_) => {}
                work => self.work.push(work),
            }
        }
    }

    pub(super) fn step(&mut self, event: Event<FakeKey>, storage: &mut Storage) {
        let effects = self.tab.handle(event, &mut storage.shelf(self.id), lib());
        self.keep(effects);
    }

    pub(super) fn edit(&mut self, f: impl FnOnce(&mut Document), storage: &mut Storage) {
        let effects = self
            .tab
            .edit(Urgency::Soon, f, &mut storage.shelf(self.id), lib());
        self.keep(effects);
    }

    /// The user answers `question` of the sample guide (saved once typing
    /// pauses: see [`Driven::save`]).
    pub(super) fn type_answer(
        &mut self,
        question: &str,
        value: AnswerValue,
        storage: &mut Storage,
    ) {
        self.edit(
            |d| {
                d.entries
                    .begin(sample(), day(TODAY))
                    .answer(q(question), value);
            },
            storage,
        );
    }

    /// The user answers, and typing pauses long enough to save (finishing
    /// whatever browser work that takes).
    pub(super) fn answer(&mut self, question: &str, value: AnswerValue, storage: &mut Storage) {
        self.type_answer(question, value, storage);
        self.save(storage);
        self.finish_all(storage);
    }

    /// What the tab shows for `question`.
    pub(super) fn shown(&self, question: &str) -> Option<AnswerValue> {
        answer_in(&self.document(), question)
    }

    /// The typing timer fires (or the page is hidden).
    pub(super) fn save(&mut self, storage: &mut Storage) {
        self.step(Event::Flush, storage);
    }

    pub(super) fn ask(&mut self, ask: Ask, storage: &mut Storage) -> Request {
        self.next_request += 1;
        let request = self.next_request;
        self.step(Event::Ask(request, ask), storage);
        request
    }

    /// The answer to `request`, once there is one.
    pub(super) fn reply(&self, request: Request) -> Option<Outcome> {
        self.replies.get(&request).copied()
    }

    pub(super) fn erase(&mut self, storage: &mut Storage) -> Result<(), SaveFailure> {
        let (result, effects) = self.tab.erase(&mut storage.shelf(self.id));
        self.keep(effects);
        result
    }

    /// Delivers the storage events other tabs caused since this tab last heard.
    pub(super) fn hear(&mut self, storage: &mut Storage) {
        let events: Vec<_> = storage.events[self.heard..].to_vec();
        self.heard = storage.events.len();
        for (writer, key, value) in events {
            if writer == self.id {
                continue; // browsers do not send a tab its own events
            }
            self.step(Event::Heard { key, value }, storage);
        }
    }

    /// Finishes the browser work at `which` (modulo what is waiting).
    pub(super) fn finish(&mut self, which: usize, storage: &mut Storage) {
        if self.work.is_empty() {
            return;
        }
        let effect = self.work.remove(which % self.work.len());
        let event = match effect {
            Effect::Seal { job, key, boxes } => Event::Sealed {
                job,
                result: Ok(boxes
                    .iter()
                    .map(|(text, aad)| seal(key, text, aad))
                    .collect()),
            },
            Effect::Open { job, key, boxes } => Event::Opened {
                job,
                result: boxes
                    .iter()
                    .map(|(sealed, aad)| open(key, sealed, aad))
                    .collect(),
            },
            Effect::Derive {
                job,
                passphrase,
                like,
            } => Event::Derived {
                job,
                result: match (key_of(&passphrase), like) {
                    (Some(key), Some(sealed)) if FakeKey(key).made(&sealed) => Ok(FakeKey(key)),
                    (Some(_), Some(_)) | (None, _) => Err(UnlockError::WrongPassphrase),
                    (Some(key), None) => Ok(FakeKey(key)),
                },
            },
            Effect::Start(..) | Effect::Stop(_) | Effect::Reply(..) => return,
        };
        self.step(event, storage);
    }

    /// Finishes all browser work, including what that work asks for next.
    pub(super) fn finish_all(&mut self, storage: &mut Storage) {
        for _ in 0..64 {
            if self.work.is_empty() {
                return;
            }
            self.finish(0, storage);
        }
        panic!("tab {} keeps asking for work", self.id);
    }

    /// Asks and waits, finishing every piece of work it takes.
    pub(super) fn ask_done(&mut self, ask: Ask, storage: &mut Storage) -> Outcome {
        let request = self.ask(ask, storage);
        self.finish_all(storage);
        self.reply(request)
            .unwrap_or_else(|| panic!("tab {} never answered {request}", self.id))
    }

    pub(super) fn document(&self) -> Document {
        self.tab.document().cloned().unwrap_or_default()
    }

    pub(super) fn notices(&self) -> &[Notice] {
        self.tab.notices()
    }
}
