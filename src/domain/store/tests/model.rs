//! A model test of the session machine and the save rules together:
//! random interleavings of two or three tabs typing, saving, hearing each
//! other late, locking, unlocking, setting, changing and removing the
//! passphrase, importing and undoing an import, erasing, running out of
//! room, and decrypts that finish late.
//!
//! Each model tab does what the browser glue (`src/store/`) does, step for
//! step, with the same domain calls: `Session` for lock state and epochs,
//! `before_write` and `on_storage_event` for every write and event,
//! `merge_pending` for every conflict. Sealing is faked (the "ciphertext" is
//! the plaintext, the salt names the key) because the cryptography itself is
//! tested in the browser; what is checked here is who may hold what, when.
//!
//! After every step: no plaintext is stored while a passphrase is set (the
//! import-undo copy included), and a locked tab holds no answer. After the
//! sequence, an undo copy left in storage is in the stored data's form. After the sequence, once every tab has heard
//! everything, unlocked and saved: no typed word is lost unless the user
//! erased it.

use super::two_tabs::Storage;
use super::{day, library};
use crate::domain::answer::AnswerValue;
use crate::domain::guide::{Guide, Library};
use crate::domain::ids::GuideId;
use crate::domain::sealed::{
    KdfParams, Sealed, CHECK_PLAINTEXT, CIPHER, FORMAT, IV_BYTES, TAG_BYTES,
};
use crate::domain::store::{
    before_write, copy_fits, decode, document_plaintext, encode, encode_sealed, is_mend_key,
    is_overtaken, is_stale_removal, merge_pending, on_storage_event, open_data, Decoded, Document,
    Session, Stamp, StorageChange, Ticket, WriteDecision, CURRENT_SCHEMA, DOCUMENT_KEY, UNDO_KEY,
};
use crate::domain::tests::q;
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::sync::OnceLock;

const QUESTIONS: [&str; 3] = ["wish", "hardest", "role"];

/// The fixture library, built once: every step merges with it.
fn lib() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(library)
}

fn sample() -> &'static Guide {
    lib()
        .guide(&GuideId::new("sample"))
        .unwrap_or_else(|| panic!("the sample guide is a fixture"))
}

/// A fake box: the salt's first byte names the key.
fn seal(key: u8, document: &Document) -> Sealed {
    let mut data = document_plaintext(document).into_bytes();
    data.extend([0; TAG_BYTES]);
    Sealed {
        format: FORMAT,
        cipher: CIPHER.into(),
        kdf: KdfParams::new(vec![key; 16]),
        check_iv: vec![1; IV_BYTES],
        check: vec![2; CHECK_PLAINTEXT.len() + TAG_BYTES],
        iv: vec![3; IV_BYTES],
        data,
    }
}

fn made(key: u8, sealed: &Sealed) -> bool {
    sealed.kdf.salt.first() == Some(&key)
}

fn open(key: u8, sealed: &Sealed) -> Option<Document> {
    if !made(key, sealed) {
        return None;
    }
    let plaintext = &sealed.data[..sealed.data.len() - TAG_BYTES];
    open_data(CURRENT_SCHEMA, plaintext).ok()
}

/// Unsaved changes kept at lock: sealed in the glue, the key kept with them.
struct Held {
    base: Document,
    mine: Document,
}

/// A decrypt under way: another tab's sealed save, opening.
struct Opening {
    /// Whether the tab had unsaved changes when it heard (then it saves).
    unsaved: bool,
    ticket: Ticket,
    sealed: Sealed,
    stamp: Stamp,
    schema: u32,
}

struct Tab {
    id: usize,
    session: Session<u8>,
    saved: Document,
    current: Document,
    stamp: Option<Stamp>,
    reseal: bool,
    held: Option<Held>,
    openings: Vec<Opening>,
    heard: usize,
    /// What the last import here replaced, while it can be brought back.
    undo: Option<Document>,
}

/// The world: storage, the passphrase the user set last, and what was typed.
struct World {
    storage: Storage,
    tabs: Vec<Tab>,
    /// The passphrase (key) the stored data is sealed with, as the user
    /// knows it; `None` while there is none.
    passphrase: Option<u8>,
    next_key: u8,
    /// Per question, every value typed since the last erase, in order, with
    /// the tab that typed it.
    typed: BTreeMap<&'static str, Vec<(usize, String)>>,
    /// Per question, values typed by a tab that had not yet heard of an
    /// erase elsewhere: the rules may drop them on purpose (writing would
    /// bring erased data back), so they are allowed but not required.
    void: BTreeMap<&'static str, Vec<String>>,
    erased_unheard: Vec<bool>,
    /// Per tab: an import or an undo elsewhere replaced every answer, and
    /// this tab has not heard it yet (an undo may wait unsaved on a full
    /// quota). What it types meanwhile meets that replacement in a merge,
    /// where the later save wins, as for two tabs changing one answer: it
    /// may stay, but need not.
    replaced_unheard: Vec<bool>,
    /// The tab whose import or undo that was.
    replacer: Option<usize>,
    counter: u32,
}

#[derive(Debug, Clone)]
enum Op {
    Type { tab: usize, question: usize },
    Save(usize),
    Hear(usize),
    FinishOpening { tab: usize, which: usize },
    Lock(usize),
    Unlock(usize),
    SetPassphrase(usize),
    RemovePassphrase(usize),
    Erase(usize),
    Import(usize),
    Undo(usize),
    Full(bool),
}

fn op(tabs: usize) -> impl Strategy<Value = Op> {
    let tab = 0..tabs;
    prop_oneof![
        6 => (tab.clone(), 0..QUESTIONS.len()).prop_map(|(tab, question)| Op::Type { tab, question }),
        4 => tab.clone().prop_map(Op::Save),
        4 => tab.clone().prop_map(Op::Hear),
        2 => (tab.clone(), 0..3_usize).prop_map(|(tab, which)| Op::FinishOpening { tab, which }),
        2 => tab.clone().prop_map(Op::Lock),
        2 => tab.clone().prop_map(Op::Unlock),
        1 => tab.clone().prop_map(Op::SetPassphrase),
        1 => tab.clone().prop_map(Op::RemovePassphrase),
        1 => tab.clone().prop_map(Op::Erase),
        1 => tab.clone().prop_map(Op::Import),
        1 => tab.prop_map(Op::Undo),
        1 => any::<bool>().prop_map(Op::Full),
    ]
}

impl Tab {
    fn open(id: usize, storage: &Storage) -> Self {
        let mut tab = Tab {
            id,
            session: Session::open(),
            saved: Document::default(),
            current: Document::default(),
            stamp: None,
            reseal: false,
            held: None,
            openings: Vec::new(),
            heard: storage.events.len(),
            undo: None,
        };
        tab.load(storage);
        if let Decoded::Loaded { document, .. } = decode(storage.get(UNDO_KEY).as_deref()) {
            tab.undo = Some(document);
        }
        tab
    }

    fn load(&mut self, storage: &Storage) {
        self.saved = Document::default();
        self.current = Document::default();
        self.stamp = None;
        match decode(storage.get(DOCUMENT_KEY).as_deref()) {
            Decoded::Loaded { document, stamp } => {
                self.saved = document.clone();
                self.current = document;
                self.stamp = Some(stamp);
            }
            Decoded::Sealed { .. } => {
                self.session.locked_elsewhere();
            }
            Decoded::Fresh => {}
            other => panic!("the model never writes {other:?}"),
        }
    }

    fn unsaved(&self) -> bool {
        self.saved != self.current
    }

    fn answer(&self, question: &str) -> Option<AnswerValue> {
        self.current
            .entries
            .current(sample())
            .and_then(|e| e.answers().get(&q(question)).cloned())
    }

    fn drop_plaintext(&mut self) {
        self.reseal = false;
        self.undo = None;
        self.saved = Document::default();
        self.current = Document::default();
        self.stamp = None;
    }

    fn locked_elsewhere(&mut self) {
        let unsaved = self.unsaved();
        self.session.locked_elsewhere();
        if unsaved {
            self.held = Some(Held {
                base: self.saved.clone(),
                mine: self.current.clone(),
            });
        }
        self.drop_plaintext();
    }

    fn take_theirs(&mut self, theirs: Document, stamp: Stamp) {
        let merged = merge_pending(theirs.clone(), &self.saved, &self.current, lib());
        self.saved = theirs;
        self.stamp = Some(stamp);
        self.current = merged.document;
    }

    fn erased(&mut self) {
        self.held = None;
        self.undo = None;
        self.session.opened();
        self.drop_plaintext();
        self.openings.clear();
    }

    /// `Store::flush` and `Store::save_sealed` in one: bounded rounds of
    /// decide, (seal,) check and write.
    fn save(&mut self, storage: &mut Storage) -> Result<(), ()> {
        for _ in 0..6 {
            if !self.session.may_write() || !(self.reseal || self.unsaved()) {
                return Ok(());
            }
            let stored = storage.get(DOCUMENT_KEY);
            let next_revision = match before_write(self.stamp.as_ref(), stored.as_deref()) {
                WriteDecision::Write { next_revision } => next_revision,
                WriteDecision::Conflict { theirs, stamp } => {
                    if self.session.key().is_some() && !self.reseal {
                        // Storage holds open data while this tab thought it
                        // sealed: the passphrase was removed elsewhere.
                        self.session.opened();
                    }
                    self.take_theirs(theirs, stamp);
                    continue;
                }
                WriteDecision::SealedConflict {
                    sealed,
                    stamp,
                    schema: _,
                } => match self.session.key().copied().filter(|k| made(*k, &sealed)) {
                    // The glue opens it asynchronously; no await can fall
                    // between its read and its write, so this is the same.
                    Some(key) => match open(key, &sealed) {
                        Some(theirs) => {
                            self.take_theirs(theirs, stamp);
                            continue;
                        }
                        None => return Err(()),
                    },
                    None => {
                        self.locked_elsewhere();
                        return Ok(());
                    }
                },
                WriteDecision::Erased => {
                    self.erased();
                    return Ok(());
                }
                other => panic!("the model never writes what gives {other:?}"),
            };
            let stamp = Stamp::new(next_revision, storage.now());
            let text = match self.session.key() {
                Some(key) => encode_sealed(&seal(*key, &self.current), &stamp),
                None => encode(&self.current, &stamp),
            };
            if storage.set(self.id, DOCUMENT_KEY, &text).is_err() {
                return Err(());
            }
            self.saved = self.current.clone();
            self.stamp = Some(stamp);
            self.reseal = false;
            return Ok(());
        }
        Ok(())
    }

    fn hear(&mut self, storage: &mut Storage) {
        let events: Vec<_> = storage.events[self.heard..].to_vec();
        self.heard = storage.events.len();
        for (writer, key, value) in events {
            if writer == self.id {
                continue;
            }
            if key.as_deref() == Some(DOCUMENT_KEY)
                && is_overtaken(value.as_deref(), storage.get(DOCUMENT_KEY).as_deref())
            {
                continue;
            }
            match on_storage_event(key.as_deref(), value.as_deref(), self.stamp.as_ref()) {
                None | Some(StorageChange::Corrupt { .. }) => {}
                Some(StorageChange::SealedIncoming {
                    sealed,
                    stamp,
                    schema,
                }) => {
                    if self.session.is_locked() {
                        continue;
                    }
                    if !self.session.key().is_some_and(|k| made(*k, &sealed)) {
                        self.locked_elsewhere();
                        continue;
                    }
                    self.openings.push(Opening {
                        unsaved: self.unsaved(),
                        ticket: self.session.ticket(),
                        sealed,
                        stamp,
                        schema,
                    });
                }
                Some(StorageChange::Incoming { document, stamp }) => {
                    if self.session.is_locked() {
                        self.session.opened();
                        self.load(storage);
                        self.restore_held(storage);
                        continue;
                    }
                    self.session.opened();
                    let unsaved = self.unsaved();
                    self.take_theirs(document, stamp);
                    if unsaved {
                        let _ = self.save(storage);
                    }
                }
                Some(StorageChange::Erased) => {
                    let now = storage.get(DOCUMENT_KEY);
                    if !is_stale_removal(self.stamp.as_ref(), now.as_deref()) {
                        self.erased();
                        if now.is_some() {
                            self.session.opened();
                            self.load(storage);
                        }
                    }
                }
                Some(StorageChange::Newer { .. }) => panic!("no newer Mend in the model"),
            }
        }
    }

    /// `Store::take_sealed` once its decrypt finishes.
    fn finish_opening(&mut self, which: usize, storage: &mut Storage) {
        if self.openings.is_empty() {
            return;
        }
        let opening = self.openings.remove(which % self.openings.len());
        if !self.session.accepts(opening.ticket) {
            return; // locked, erased or re-keyed meanwhile
        }
        let now = match decode(storage.get(DOCUMENT_KEY).as_deref()) {
            Decoded::Loaded { stamp, .. } | Decoded::Sealed { stamp, .. } => Some(stamp),
            _ => None,
        };
        if now.as_ref() != Some(&opening.stamp) {
            return; // overtaken while it opened
        }
        let Some(key) = self.session.key().copied() else {
            return;
        };
        let _ = opening.schema;
        if let Some(theirs) = open(key, &opening.sealed) {
            self.take_theirs(theirs, opening.stamp);
            if opening.unsaved {
                let _ = self.save(storage);
            }
        }
    }

    fn lock(&mut self, storage: &mut Storage) {
        if self.session.key().is_none() {
            return;
        }
        let _ = self.save(storage);
        if self.session.key().is_none() {
            return;
        }
        let held = self.unsaved().then(|| Held {
            base: self.saved.clone(),
            mine: self.current.clone(),
        });
        if self.session.lock().is_none() {
            return;
        }
        if held.is_some() {
            self.held = held;
        }
        self.drop_plaintext();
    }

    fn unlock(&mut self, passphrase: Option<u8>, storage: &mut Storage) {
        if !self.session.is_locked() {
            return;
        }
        let ticket = self.session.ticket();
        match decode(storage.get(DOCUMENT_KEY).as_deref()) {
            Decoded::Sealed { sealed, stamp, .. } => {
                let Some(key) = passphrase.filter(|k| made(*k, &sealed)) else {
                    return; // the user only knows the current passphrase
                };
                let Some(document) = open(key, &sealed) else {
                    return;
                };
                assert!(self.session.unlocked(ticket, key));
                self.saved = document.clone();
                self.current = document;
                self.stamp = Some(stamp);
                self.undo = read_undo(Some(key), storage);
            }
            _ => {
                self.session.opened();
                self.load(storage);
            }
        }
        self.restore_held(storage);
    }

    fn restore_held(&mut self, storage: &mut Storage) {
        if !self.session.may_write() {
            return; // sealed again meanwhile: they wait for the next unlock
        }
        let Some(held) = self.held.take() else { return };
        let merged = merge_pending(self.saved.clone(), &held.base, &held.mine, lib());
        self.current = merged.document;
        let _ = self.save(storage);
    }

    /// `Store::rewrite`: save, switch the session, write in the new form.
    fn rewrite(&mut self, key: Option<u8>, storage: &mut Storage) -> bool {
        if !self.session.may_write() {
            return false;
        }
        let _ = self.save(storage);
        if !self.session.may_write() {
            return false; // locked or erased elsewhere while saving
        }
        let before = self.session.key().copied();
        match key {
            Some(key) => self.session.rekeyed(key),
            None => self.session.opened(),
        }
        let ticket = self.session.ticket();
        self.reseal = true;
        let _ = self.save(storage);
        if !self.session.accepts(ticket) {
            return false; // locked: another tab set a passphrase meanwhile
        }
        if self.reseal {
            self.reseal = false;
            if self.session.may_write() {
                // Not written: back to the form storage holds now, which
                // another tab may have changed meanwhile (an erase, say).
                match decode(storage.get(DOCUMENT_KEY).as_deref()) {
                    Decoded::Sealed { sealed, .. } => match before.filter(|k| made(*k, &sealed)) {
                        Some(key) => self.session.rekeyed(key),
                        None => self.locked_elsewhere(),
                    },
                    Decoded::Loaded { .. } | Decoded::Fresh => self.session.opened(),
                    _ => match before {
                        Some(key) => self.session.rekeyed(key),
                        None => self.session.opened(),
                    },
                }
            }
            return false;
        }
        // The undo copy follows the data into its new form.
        if storage.get(UNDO_KEY).is_some() {
            let kept = read_undo(before, storage)
                .filter(|previous| self.write_undo(key, previous, storage).is_ok());
            match kept {
                Some(previous) if self.session.accepts(ticket) => self.undo = Some(previous),
                Some(_) => {}
                None => {
                    storage.remove(self.id, UNDO_KEY);
                    self.undo = None;
                }
            }
        }
        true
    }

    /// `transfer::write_undo`: sealed with `key`, or open without one, and
    /// only in the form the stored data has.
    fn write_undo(
        &self,
        key: Option<u8>,
        previous: &Document,
        storage: &mut Storage,
    ) -> Result<(), ()> {
        let stored = storage.get(DOCUMENT_KEY);
        if !copy_fits(
            self.stamp.as_ref(),
            stored.as_deref(),
            key.as_ref(),
            |k, sealed| made(*k, sealed),
        ) {
            return Err(());
        }
        let stamp = Stamp::new(0, storage.now());
        let text = match key {
            Some(key) => encode_sealed(&seal(key, previous), &stamp),
            None => encode(previous, &stamp),
        };
        storage.set(self.id, UNDO_KEY, &text).map_err(|_| ())
    }

    /// `Store::replace_all`: keep what is here as the undo copy, replace
    /// everything, and put it all back if the import was not saved.
    fn import(&mut self, imported: Document, storage: &mut Storage) -> bool {
        let _ = self.save(storage);
        if !self.session.may_write() {
            return false;
        }
        let ticket = self.session.ticket();
        let key = self.session.key().copied();
        let previous = self.current.clone();
        let undo_before = self.undo.clone();
        if self.write_undo(key, &previous, storage).is_err() || !self.session.accepts(ticket) {
            return false;
        }
        self.undo = Some(previous.clone());
        self.current = imported;
        let _ = self.save(storage);
        if !self.session.accepts(ticket) {
            return false;
        }
        if self.unsaved() {
            self.current = previous;
            self.undo = undo_before.clone();
            match undo_before {
                Some(undo) => {
                    let _ = self.write_undo(key, &undo, storage);
                }
                None => storage.remove(self.id, UNDO_KEY),
            }
            let _ = self.save(storage);
            return false;
        }
        true
    }

    /// `Store::undo_import`: bring back what the last import replaced. The
    /// copy is forgotten once that is saved; until then (a full quota) it
    /// stays, and what was brought back is on screen, waiting to be saved.
    fn undo_import(&mut self, storage: &mut Storage) -> Option<Document> {
        let previous = self.undo.clone()?;
        self.current = previous.clone();
        let _ = self.save(storage);
        if !self.unsaved() {
            storage.remove(self.id, UNDO_KEY);
            self.undo = None;
        }
        Some(previous)
    }
}

/// `storage::read_undo`: the undo copy, opened with `key` if it is sealed.
fn read_undo(key: Option<u8>, storage: &Storage) -> Option<Document> {
    match decode(storage.get(UNDO_KEY).as_deref()) {
        Decoded::Loaded { document, .. } => Some(document),
        Decoded::Sealed { sealed, .. } => open(key?, &sealed),
        _ => None,
    }
}

impl World {
    fn new(tabs: usize) -> Self {
        let storage = Storage::default();
        let tabs = (0..tabs).map(|id| Tab::open(id, &storage)).collect();
        World {
            storage,
            tabs,
            passphrase: None,
            next_key: 1,
            typed: BTreeMap::new(),
            void: BTreeMap::new(),
            erased_unheard: vec![false; 3],
            replaced_unheard: vec![false; 3],
            replacer: None,
            counter: 0,
        }
    }

    fn apply(&mut self, op: &Op) {
        let storage = &mut self.storage;
        match *op {
            Op::Type { tab, question } => {
                let t = &mut self.tabs[tab];
                if !t.session.may_write() {
                    return; // the lock screen is showing: nothing to type in
                }
                self.counter += 1;
                let value = format!("tab {tab} wrote {}", self.counter);
                let question = QUESTIONS[question];
                t.current
                    .entries
                    .begin(sample(), day("2026-11-22"))
                    .answer(q(question), AnswerValue::Text(value.clone()));
                if self.erased_unheard[tab] || self.replaced_unheard[tab] {
                    self.void.entry(question).or_default().push(value);
                } else {
                    self.typed.entry(question).or_default().push((tab, value));
                }
            }
            Op::Save(tab) => {
                let _ = self.tabs[tab].save(storage);
            }
            Op::Hear(tab) => {
                self.tabs[tab].hear(storage);
                self.erased_unheard[tab] = false;
                self.heard_replacement(tab);
            }
            Op::FinishOpening { tab, which } => self.tabs[tab].finish_opening(which, storage),
            Op::Lock(tab) => self.tabs[tab].lock(storage),
            Op::Unlock(tab) => self.tabs[tab].unlock(self.passphrase, storage),
            Op::SetPassphrase(tab) => {
                let key = self.next_key;
                if self.tabs[tab].rewrite(Some(key), storage) {
                    self.next_key += 1;
                    self.passphrase = Some(key);
                }
            }
            Op::RemovePassphrase(tab) => {
                if self.tabs[tab].session.key().is_some() && self.tabs[tab].rewrite(None, storage) {
                    self.passphrase = None;
                }
            }
            Op::Erase(tab) => {
                let keys: Vec<String> = storage
                    .items
                    .keys()
                    .filter(|k| is_mend_key(k))
                    .cloned()
                    .collect();
                for key in keys {
                    storage.remove(tab, &key);
                }
                self.tabs[tab].erased();
                self.passphrase = None;
                // Words typed before the erase may go (that is what erasing
                // is for) but may also stay: a tab whose typing was not yet
                // saved, and that hears of no removal, saves it afterwards.
                for (question, values) in std::mem::take(&mut self.typed) {
                    let void = self.void.entry(question).or_default();
                    void.extend(values.into_iter().map(|(_, v)| v));
                }
                for (other, unheard) in self.erased_unheard.iter_mut().enumerate() {
                    if other != tab && other < self.tabs.len() {
                        *unheard = true;
                    }
                }
                // What other tabs typed and had not saved is dropped by the
                // rules once they hear of it: erasing means everything.
            }
            Op::Import(tab) => {
                self.counter += 1;
                let mut imported = Document::default();
                let mut values = Vec::new();
                for question in QUESTIONS {
                    let value = format!("imported {}", self.counter);
                    imported
                        .entries
                        .begin(sample(), day("2026-11-20"))
                        .answer(q(question), AnswerValue::Text(value.clone()));
                    values.push((question, value));
                }
                if self.tabs[tab].import(imported, storage) {
                    self.replaced_by(tab, values);
                }
            }
            Op::Undo(tab) => {
                if let Some(previous) = self.tabs[tab].undo_import(storage) {
                    let values = QUESTIONS
                        .iter()
                        .filter_map(|question| {
                            match previous
                                .entries
                                .current(sample())
                                .and_then(|e| e.answers().get(&q(question)).cloned())
                            {
                                Some(AnswerValue::Text(value)) => Some((*question, value)),
                                _ => None,
                            }
                        })
                        .collect();
                    self.replaced_by(tab, values);
                }
            }
            Op::Full(full) => storage.full = full,
        }
    }

    /// An import (or its undo) in `tab` replaced every answer on purpose:
    /// what was typed before may go, and `values` are what the user chose.
    fn replaced_by(&mut self, tab: usize, values: Vec<(&'static str, String)>) {
        for (other, unheard) in self.replaced_unheard.iter_mut().enumerate() {
            *unheard = other != tab && other < self.tabs.len();
        }
        self.replacer = Some(tab);
        for (question, before) in std::mem::take(&mut self.typed) {
            let void = self.void.entry(question).or_default();
            void.extend(before.into_iter().map(|(_, v)| v));
        }
        for (question, value) in values {
            if self.erased_unheard[tab] {
                self.void.entry(question).or_default().push(value);
            } else {
                self.typed.entry(question).or_default().push((tab, value));
            }
        }
    }

    /// `tab` heard everything stored; once the replacement is stored too
    /// (nothing left unsaved in the tab that made it), it has heard that.
    fn heard_replacement(&mut self, tab: usize) {
        if let Some(replacer) = self.replacer {
            if !self.tabs[replacer].unsaved() {
                self.replaced_unheard[tab] = false;
            }
        }
    }

    fn check_always(&self, history: &[Op]) {
        if self.passphrase.is_some() {
            for key in [DOCUMENT_KEY, UNDO_KEY] {
                assert!(
                    !matches!(
                        decode(self.storage.get(key).as_deref()),
                        Decoded::Loaded { .. }
                    ),
                    "plaintext stored in {key} while a passphrase is set, after {history:?}"
                );
            }
        }
        for tab in &self.tabs {
            if tab.session.is_locked() {
                assert!(
                    tab.current == Document::default()
                        && tab.saved == Document::default()
                        && tab.undo.is_none(),
                    "locked tab {} holds answers, after {history:?}",
                    tab.id
                );
            }
        }
    }

    /// Everyone hears everything, unlocks with the passphrase, finishes
    /// every decrypt and saves, until nothing changes.
    fn settle(&mut self) {
        self.storage.full = false;
        for _ in 0..8 {
            for id in 0..self.tabs.len() {
                let storage = &mut self.storage;
                let tab = &mut self.tabs[id];
                tab.hear(storage);
                self.erased_unheard[id] = false;
                while !tab.openings.is_empty() {
                    tab.finish_opening(0, storage);
                }
                tab.unlock(self.passphrase, storage);
                let _ = tab.save(storage);
            }
        }
    }

    /// The undo copy, if one is left, opens the way the data does: with the
    /// passphrase the user knows, or open when there is none. (One sealed
    /// with an old passphrase could never be undone; one left after an
    /// erase would bring erased words back.)
    fn check_undo_copy(&self, history: &[Op]) {
        let Some(text) = self.storage.get(UNDO_KEY) else {
            return;
        };
        let fits = match (decode(Some(&text)), self.passphrase) {
            (Decoded::Loaded { .. }, None) => self.storage.get(DOCUMENT_KEY).is_some(),
            (Decoded::Sealed { sealed, .. }, Some(key)) => made(key, &sealed),
            _ => false,
        };
        assert!(
            fits,
            "the undo copy does not fit the stored data (passphrase {:?}), after {history:?}",
            self.passphrase
        );
    }

    fn check_nothing_lost(&self, history: &[Op]) {
        let stored = match decode(self.storage.get(DOCUMENT_KEY).as_deref()) {
            Decoded::Loaded { document, .. } => Some(document),
            Decoded::Sealed { sealed, .. } => {
                let key = self.passphrase.expect("sealed data has a known passphrase");
                Some(open(key, &sealed).expect("the passphrase opens it"))
            }
            Decoded::Fresh => None,
            other => panic!("unexpected {other:?}"),
        };
        let answer = |question: &str| {
            stored.as_ref().and_then(|d| {
                d.entries
                    .current(sample())
                    .and_then(|e| e.answers().get(&q(question)).cloned())
            })
        };
        for question in QUESTIONS {
            let values = self
                .typed
                .get(question)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let void = self
                .void
                .get(question)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let kept = match answer(question) {
                Some(AnswerValue::Text(kept)) => kept,
                None if values.is_empty() => continue,
                other => panic!(
                    "`{question}` was typed ({values:?}) and holds {other:?}, after {history:?}"
                ),
            };
            assert!(
                values.iter().any(|(_, v)| v == &kept) || void.contains(&kept),
                "`{question}` holds {kept:?}, not typed since the last erase, after {history:?}"
            );
            // Typed in one tab only: the last word typed is the one kept.
            if !values.is_empty()
                && void.is_empty()
                && values.iter().all(|(tab, _)| *tab == values[0].0)
            {
                assert_eq!(
                    &kept,
                    &values[values.len() - 1].1,
                    "`{question}` lost its last word, after {history:?}"
                );
            }
        }
        for tab in &self.tabs {
            assert!(!tab.session.is_locked(), "tab {} still locked", tab.id);
            for question in QUESTIONS {
                assert_eq!(
                    tab.answer(question),
                    answer(question),
                    "tab {} shows something else than storage, after {history:?}",
                    tab.id
                );
            }
        }
    }
}

/// How many sequences the model test runs.
const SEQUENCES: u32 = 10_000;

#[test]
fn tabs_locks_passphrases_and_erasing_never_lose_or_leak_a_word() {
    let strategy =
        (2..=3_usize).prop_flat_map(|tabs| (Just(tabs), prop::collection::vec(op(tabs), 1..40)));
    let config = ProptestConfig {
        cases: SEQUENCES,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    // The same 10,000 sequences on every run, so the test command never
    // fails by chance; MEND_MODEL_RANDOM=1 explores fresh ones (a failure
    // prints its smallest sequence: add it as a fixed case when fixed).
    let mut runner = if std::env::var_os("MEND_MODEL_RANDOM").is_some() {
        proptest::test_runner::TestRunner::new(config)
    } else {
        proptest::test_runner::TestRunner::new_with_rng(
            config,
            proptest::test_runner::TestRng::deterministic_rng(
                proptest::test_runner::RngAlgorithm::ChaCha,
            ),
        )
    };
    let result = runner.run(&strategy, |(tabs, ops)| {
        let mut world = World::new(tabs);
        for (i, op) in ops.iter().enumerate() {
            world.apply(op);
            world.check_always(&ops[..=i]);
        }
        world.settle();
        world.check_always(&ops);
        world.check_undo_copy(&ops);
        world.check_nothing_lost(&ops);
        Ok(())
    });
    if let Err(failure) = result {
        panic!("{failure}");
    }
    println!("model test: {SEQUENCES} sequences of two or three tabs, no word lost or leaked");
}
