//! A model test of the tab machine, `domain::store::Tab`, the code every
//! tab runs: random interleavings of two or three tabs typing, saving,
//! hearing each other late, locking, unlocking, setting, changing and
//! removing the passphrase, importing and undoing an import, erasing,
//! running out of room, and the browser's cryptography finishing late and
//! in any order (see `harness`: a stand-in key, and a driver that only
//! performs what the machine asks, as `src/store/` does).
//!
//! After every step: no plaintext is stored while a passphrase is set (the
//! import-undo copy included), and a locked tab holds no answer. After the
//! sequence, once every tab has heard everything, finished its work,
//! unlocked and saved: an undo copy left in storage opens the way the data
//! does, every tab shows what is stored, and no typed word is lost unless
//! the user erased it or replaced it with an import.

use super::day;
use super::harness::{lib, passphrase, Driven, FakeKey, Storage};
use crate::domain::answer::AnswerValue;
use crate::domain::guide::Guide;
use crate::domain::ids::GuideId;
use crate::domain::store::{decode, Ask, BoxKey, Decoded, Document, DOCUMENT_KEY, UNDO_KEY};
use crate::domain::store::{open_data, CURRENT_SCHEMA};
use crate::domain::tests::q;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

const QUESTIONS: [&str; 3] = ["wish", "hardest", "role"];

fn sample() -> &'static Guide {
    lib()
        .guide(&GuideId::new("sample"))
        .unwrap_or_else(|| panic!("the sample guide is a fixture"))
}

fn answer_in(document: &Document, question: &str) -> Option<AnswerValue> {
    document
        .entries
        .current(sample())
        .and_then(|e| e.answers().get(&q(question)).cloned())
}

/// What a request was, to follow the user's words when it is answered.
#[derive(Debug)]
enum Asked {
    Set(u8),
    Remove,
    /// An import or an undo: what it puts in place of every answer.
    Replace(Vec<(&'static str, String)>),
    Other,
}

/// The world: storage, the tabs, the passphrases the user set, and what
/// was typed.
struct World {
    storage: Storage,
    tabs: Vec<Driven>,
    /// Every passphrase the user set (they know each).
    known: BTreeSet<u8>,
    /// The passphrase the stored data is sealed with, as the user knows it
    /// (the last set or removal that was answered "done"); `None` while
    /// there is none.
    passphrase: Option<u8>,
    next_key: u8,
    /// Bumped by every erase: a passphrase set before it is gone with it.
    erases: u64,
    /// Requests not yet answered: (tab, request, what, erases when asked).
    asked: Vec<(usize, u64, Asked, u64)>,
    /// Per question, every value typed since the last erase, in order, with
    /// the tab that typed it.
    typed: BTreeMap<&'static str, Vec<(usize, String)>>,
    /// Per question, values the rules may drop on purpose (typed by a tab
    /// that had not yet heard of an erase or an import elsewhere, or
    /// replaced by an import): allowed but not required.
    void: BTreeMap<&'static str, Vec<String>>,
    erased_unheard: Vec<bool>,
    /// Per tab: an import or an undo elsewhere replaced every answer, and
    /// this tab has not heard it yet. What it types meanwhile meets that
    /// replacement in a merge, where the later save wins: it may stay, but
    /// need not.
    replaced_unheard: Vec<bool>,
    /// The tab whose import or undo that was.
    replacer: Option<usize>,
    counter: u32,
}

#[derive(Debug, Clone)]
enum Op {
    Type {
        tab: usize,
        question: usize,
    },
    Save(usize),
    Hear(usize),
    /// The browser finishes one piece of a tab's work (a seal, an open, a
    /// key derivation), whichever `which` picks.
    Finish {
        tab: usize,
        which: usize,
    },
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
        5 => (tab.clone(), 0..3_usize).prop_map(|(tab, which)| Op::Finish { tab, which }),
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

impl World {
    fn new(tabs: usize) -> Self {
        let mut storage = Storage::default();
        let tabs = (0..tabs).map(|id| Driven::open(id, &mut storage)).collect();
        World {
            storage,
            tabs,
            known: BTreeSet::new(),
            passphrase: None,
            next_key: 1,
            erases: 0,
            asked: Vec::new(),
            typed: BTreeMap::new(),
            void: BTreeMap::new(),
            erased_unheard: vec![false; 3],
            replaced_unheard: vec![false; 3],
            replacer: None,
            counter: 0,
        }
    }

    /// The passphrase the user gives to unlock: the one that sealed what
    /// is stored (they set it), or a wrong one if none they know fits.
    fn passphrase_for_stored(&self) -> String {
        let key = match self.storage.document() {
            Decoded::Sealed { sealed, .. } => self
                .known
                .iter()
                .copied()
                .find(|key| FakeKey(*key).made(&sealed)),
            _ => None,
        };
        passphrase(key.unwrap_or(u8::MAX))
    }

    fn ask(&mut self, tab: usize, ask: Ask, asked: Asked) {
        let request = self.tabs[tab].ask(ask, &mut self.storage);
        self.asked.push((tab, request, asked, self.erases));
    }

    fn apply(&mut self, op: &Op) {
        match *op {
            Op::Type { tab, question } => {
                if !self.tabs[tab].tab.may_write() {
                    return; // the lock screen is showing: nothing to type in
                }
                self.counter += 1;
                let value = format!("tab {tab} wrote {}", self.counter);
                let question = QUESTIONS[question];
                let typed = value.clone();
                self.tabs[tab].edit(
                    |d| {
                        d.entries
                            .begin(sample(), day("2026-11-22"))
                            .answer(q(question), AnswerValue::Text(typed));
                    },
                    &mut self.storage,
                );
                if self.erased_unheard[tab] || self.replaced_unheard[tab] {
                    self.void.entry(question).or_default().push(value);
                } else {
                    self.typed.entry(question).or_default().push((tab, value));
                }
            }
            Op::Save(tab) => self.tabs[tab].save(&mut self.storage),
            Op::Hear(tab) => {
                self.tabs[tab].hear(&mut self.storage);
                self.erased_unheard[tab] = false;
                self.heard_replacement(tab);
            }
            Op::Finish { tab, which } => self.tabs[tab].finish(which, &mut self.storage),
            Op::Lock(tab) => self.ask(tab, Ask::Lock, Asked::Other),
            Op::Unlock(tab) => {
                if self.tabs[tab].tab.is_locked() {
                    let given = self.passphrase_for_stored();
                    self.ask(tab, Ask::Unlock(given), Asked::Other);
                }
            }
            Op::SetPassphrase(tab) => {
                if self.tabs[tab].tab.may_write() {
                    let key = self.next_key;
                    self.next_key += 1;
                    self.known.insert(key);
                    let current = self.passphrase_for_stored();
                    let ask = Ask::SetPassphrase {
                        current: Some(current),
                        new: passphrase(key),
                    };
                    self.ask(tab, ask, Asked::Set(key));
                }
            }
            Op::RemovePassphrase(tab) => {
                if self.tabs[tab].tab.key().is_some() {
                    let current = self.passphrase_for_stored();
                    self.ask(tab, Ask::RemovePassphrase(current), Asked::Remove);
                }
            }
            Op::Erase(tab) => {
                if self.tabs[tab].erase(&mut self.storage).is_err() {
                    return;
                }
                self.passphrase = None;
                self.erases += 1;
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
            }
            Op::Import(tab) => {
                if !self.tabs[tab].tab.may_write() {
                    return;
                }
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
                self.ask(tab, Ask::Import(imported), Asked::Replace(values));
            }
            Op::Undo(tab) => {
                let Some(previous) = self.tabs[tab].tab.undo_copy().cloned() else {
                    return;
                };
                // The button shows once the import is done; what it brings
                // back is the copy it shows for.
                if !self.tabs[tab].tab.may_write() || !self.tabs[tab].tab.is_idle() {
                    return;
                }
                let values = QUESTIONS
                    .iter()
                    .filter_map(|question| match answer_in(&previous, question) {
                        Some(AnswerValue::Text(value)) => Some((*question, value)),
                        _ => None,
                    })
                    .collect();
                self.ask(tab, Ask::Undo, Asked::Replace(values));
            }
            Op::Full(full) => self.storage.full = full,
        }
        self.answered();
    }

    /// Follows the answers that came back.
    fn answered(&mut self) {
        let asked = std::mem::take(&mut self.asked);
        for (tab, request, what, erases) in asked {
            let Some(outcome) = self.tabs[tab].reply(request) else {
                self.asked.push((tab, request, what, erases));
                continue;
            };
            if outcome.is_err() {
                continue;
            }
            match what {
                // A passphrase set before an erase went with everything else.
                Asked::Set(key) if erases == self.erases => self.passphrase = Some(key),
                Asked::Remove if erases == self.erases => self.passphrase = None,
                Asked::Replace(values) if erases == self.erases => self.replaced_by(tab, values),
                // Erased since it was asked: those words may be gone too.
                Asked::Replace(values) => {
                    for (question, value) in values {
                        self.void.entry(question).or_default().push(value);
                    }
                }
                _ => {}
            }
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
            if !self.tabs[replacer].tab.unsaved() {
                self.replaced_unheard[tab] = false;
            }
        }
    }

    fn removing(&self) -> bool {
        self.asked
            .iter()
            .any(|(_, _, what, _)| matches!(what, Asked::Remove))
    }

    fn check_always(&self, history: &[Op]) {
        let document = decode(self.storage.get(DOCUMENT_KEY).as_deref());
        let undo = decode(self.storage.get(UNDO_KEY).as_deref());
        if self.passphrase.is_some() && !self.removing() {
            assert!(
                !matches!(document, Decoded::Loaded { .. }),
                "plaintext stored while a passphrase is set, after {history:?}"
            );
        }
        if matches!(document, Decoded::Sealed { .. }) {
            assert!(
                !matches!(undo, Decoded::Loaded { .. }),
                "an open undo copy beside sealed data, after {history:?}"
            );
        }
        for tab in &self.tabs {
            if tab.tab.is_locked() {
                assert!(
                    tab.tab.document().is_none() && !tab.tab.undo_available(),
                    "locked tab {} holds answers, after {history:?}",
                    tab.id
                );
            }
        }
    }

    /// Everyone hears everything, finishes their work, unlocks with the
    /// passphrase and saves, until nothing changes.
    fn settle(&mut self) {
        self.storage.full = false;
        for _ in 0..8 {
            for id in 0..self.tabs.len() {
                self.tabs[id].hear(&mut self.storage);
                self.erased_unheard[id] = false;
                self.tabs[id].finish_all(&mut self.storage);
                if self.tabs[id].tab.is_locked() {
                    let given = self.passphrase_for_stored();
                    self.tabs[id].ask(Ask::Unlock(given), &mut self.storage);
                    self.tabs[id].finish_all(&mut self.storage);
                }
                self.tabs[id].save(&mut self.storage);
                self.tabs[id].finish_all(&mut self.storage);
                self.answered();
            }
        }
    }

    /// The key that sealed what is stored, which the user must know.
    fn stored_key(&self, sealed: &crate::domain::sealed::Sealed, history: &[Op]) -> FakeKey {
        self.known
            .iter()
            .map(|key| FakeKey(*key))
            .find(|key| key.made(sealed))
            .unwrap_or_else(|| {
                panic!("stored data sealed with no passphrase the user set, after {history:?}")
            })
    }

    /// The undo copy, if one is left, opens the way the data does: with the
    /// passphrase that opens the data, or open when there is none. (One
    /// sealed with an old passphrase could never be undone; one left after
    /// an erase would bring erased words back.)
    fn check_undo_copy(&self, history: &[Op]) {
        let Some(text) = self.storage.get(UNDO_KEY) else {
            return;
        };
        let fits = match (decode(Some(&text)), self.storage.document()) {
            (Decoded::Loaded { .. }, Decoded::Loaded { .. }) => true,
            (Decoded::Sealed { sealed: undo, .. }, Decoded::Sealed { sealed, .. }) => {
                self.stored_key(&sealed, history).made(&undo)
            }
            _ => false,
        };
        assert!(
            fits,
            "the undo copy does not fit the stored data, after {history:?}"
        );
    }

    fn check_nothing_lost(&self, history: &[Op]) {
        let stored = match self.storage.document() {
            Decoded::Loaded { document, .. } => Some(document),
            Decoded::Sealed {
                sealed,
                stamp,
                schema,
            } => {
                let key = self.stored_key(&sealed, history);
                let aad = crate::domain::store::document_aad(schema, &stamp);
                let bytes = super::harness::open(key, &sealed, &aad)
                    .unwrap_or_else(|e| panic!("the passphrase opens it: {e:?}"));
                Some(open_data(schema, &bytes).unwrap_or_else(|e| panic!("{e:?}")))
            }
            Decoded::Fresh => None,
            other => panic!("unexpected {other:?}"),
        };
        let _ = CURRENT_SCHEMA;
        let answer = |question: &str| stored.as_ref().and_then(|d| answer_in(d, question));
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
            assert!(
                !tab.tab.is_locked(),
                "tab {} still locked, after {history:?}",
                tab.id
            );
            for question in QUESTIONS {
                assert_eq!(
                    answer_in(&tab.document(), question),
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
