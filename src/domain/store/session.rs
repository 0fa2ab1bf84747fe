//! Where one tab stands with the stored data: open, unlocked, locked or
//! read-only, as one value, and which asynchronous results it may still take.
//!
//! Sealing and opening boxes is asynchronous (WebCrypto), and a lot can happen
//! while a box opens: the user locks, another tab changes the passphrase or
//! erases everything. Every such step starts a new *epoch*; work started
//! earlier carries a [`Ticket`] from its epoch, and its result is dropped
//! unless [`Session::accepts`] it. That is how a decrypt that finishes after
//! lock never brings answers back into memory.
//!
//! | State      | Key in memory | Answers in memory        | Writes            |
//! |------------|---------------|--------------------------|-------------------|
//! | `Open`     | none          | yes                      | open              |
//! | `Unlocked` | yes           | yes                      | sealed with key   |
//! | `Locked`   | none          | none (unsaved ones sealed)| none              |
//! | `ReadOnly` | kept, if any  | until locked             | never             |
//!
//! The key type is a parameter so the machine is tested natively with a
//! stand-in; the browser uses its non-extractable WebCrypto key.

/// What a tab is, with respect to the passphrase and to newer Mends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State<K> {
    /// No passphrase: answers are stored open.
    Open,
    /// A passphrase seals the data and this tab holds its key.
    Unlocked { key: K },
    /// A passphrase seals the data and this tab has no key: the lock screen
    /// shows and no answer is held in the clear.
    Locked,
    /// A newer Mend owns the stored data: this tab never writes again. The
    /// key it had is kept, so it can still lock (dropping the answers on
    /// screen) and seal an export of what it shows.
    ReadOnly { key: Option<K> },
}

/// Proof that a piece of asynchronous work was started in a given epoch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ticket(u64);

/// One tab's session: its state and the epoch that dates its work.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session<K> {
    state: State<K>,
    epoch: u64,
}

impl<K: Clone> Session<K> {
    /// A tab that found open data, or nothing.
    pub fn open() -> Self {
        Self::at(State::Open)
    }

    /// A tab that found sealed data.
    pub fn locked() -> Self {
        Self::at(State::Locked)
    }

    fn at(state: State<K>) -> Self {
        Session { state, epoch: 0 }
    }

    pub fn state(&self) -> &State<K> {
        &self.state
    }

    /// The key to seal and open with, while unlocked.
    pub fn key(&self) -> Option<&K> {
        match &self.state {
            State::Unlocked { key } => Some(key),
            _ => None,
        }
    }

    /// The key to seal an export with: while unlocked, or read-only with
    /// the key it had.
    pub fn sealing_key(&self) -> Option<&K> {
        match &self.state {
            State::Unlocked { key } | State::ReadOnly { key: Some(key) } => Some(key),
            _ => None,
        }
    }

    /// The stored data is sealed (whether or not this tab holds the key).
    pub fn is_protected(&self) -> bool {
        matches!(
            self.state,
            State::Unlocked { .. } | State::Locked | State::ReadOnly { key: Some(_) }
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
        matches!(self.state, State::Open | State::Unlocked { .. })
    }

    /// Dates work about to start (a seal, an open, a key derivation).
    pub fn ticket(&self) -> Ticket {
        Ticket(self.epoch)
    }

    /// Whether a result of work started with `ticket` may still be used:
    /// nothing has locked, unlocked, re-keyed or erased since.
    pub fn accepts(&self, ticket: Ticket) -> bool {
        ticket.0 == self.epoch
    }

    fn become_(&mut self, state: State<K>) {
        self.state = state;
        self.epoch = self.epoch.wrapping_add(1);
    }

    /// The user (or auto-lock) locks. Returns the key, to seal whatever was
    /// not saved before it is forgotten; `None` if there was nothing to lock.
    /// A read-only tab stays read-only, without its key.
    pub fn lock(&mut self) -> Option<K> {
        let key = self.sealing_key().cloned()?;
        let next = if self.is_read_only() {
            State::ReadOnly { key: None }
        } else {
            State::Locked
        };
        self.become_(next);
        Some(key)
    }

    /// Another tab sealed the data with a key this tab does not have. The
    /// old key is returned for the same reason as in [`Session::lock`].
    pub fn locked_elsewhere(&mut self) -> Option<K> {
        if self.is_read_only() {
            return None;
        }
        let key = self.key().cloned();
        self.become_(State::Locked);
        key
    }

    /// The passphrase opened the stored box, in work started with `ticket`.
    /// Refused (false) if the session moved on meanwhile.
    pub fn unlocked(&mut self, ticket: Ticket, key: K) -> bool {
        if !self.accepts(ticket) || !self.is_locked() {
            return false;
        }
        self.become_(State::Unlocked { key });
        true
    }

    /// A passphrase was set or changed here and the data was saved under it.
    pub fn rekeyed(&mut self, key: K) {
        if self.may_write() {
            self.become_(State::Unlocked { key });
        }
    }

    /// The data is open again: the passphrase was removed (here or in
    /// another tab), or everything was erased.
    pub fn opened(&mut self) {
        if !self.is_read_only() {
            self.become_(State::Open);
        }
    }

    /// A newer Mend owns the data from now on.
    pub fn read_only(&mut self) {
        let key = self.sealing_key().cloned();
        self.become_(State::ReadOnly { key });
    }
}
