//! One exchange of answer cards for one guide between two people, and the
//! blind-reveal rule: the other person's card opens only after this device
//! has sealed its own card and it has been sent (copied, shared or
//! downloaded). From the moment this person's card is sealed, the answers
//! in it are frozen for this exchange, so nobody changes an answer after
//! seeing the other's. What Mend cannot prevent: the last person to receive
//! a card can read it and never send theirs.

use super::card::{CardError, CardHeader};
use super::code::PairingCode;
use super::sharing::{Chosen, Payload};
use crate::domain::answer::Answers;
use crate::domain::date::CalendarDate;
use crate::domain::ids::GuideId;
use crate::domain::msg::{self, t};
use serde::{Deserialize, Serialize};

/// One exchange, stored in the document (schema 4) with the pairing code
/// (sealed under the passphrase like everything else, when there is one).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exchange {
    /// Unique in the document: the guide, the start date and a number.
    id: String,
    guide: GuideId,
    version: u32,
    code: PairingCode,
    started_on: CalendarDate,
    mine: Option<MyCard>,
    theirs: Option<TheirCard>,
}

/// This person's card: the answers as sealed, frozen from then on, and the
/// card's text, so it can be sent again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MyCard {
    pub card: String,
    pub text: String,
    pub answers: Answers,
    /// When it was first copied, shared or downloaded.
    pub sent_on: Option<CalendarDate>,
}

/// The other person's card, once opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TheirCard {
    pub card: String,
    pub answers: Answers,
    pub made_on: CalendarDate,
    pub opened_on: CalendarDate,
}

/// Where an exchange stands, for the page to say what comes next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Choose what to share, then seal.
    Choosing,
    /// Sealed; send it before anything else.
    Sealed,
    /// Sent; waiting for the other person's card.
    Waiting,
    /// Both cards are here: the comparison shows.
    Compared,
}

/// Why a step of the exchange is refused. `Display` gives the words for
/// the person, in the language shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExchangeError {
    AlreadySealed,
    SendYoursFirst,
    NothingChosen,
    Gone,
    Card(#[from] CardError),
}

impl std::fmt::Display for ExchangeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Self::AlreadySealed => msg::domain::ALREADY_SEALED,
            Self::SendYoursFirst => msg::domain::SEND_YOURS_FIRST,
            Self::NothingChosen => msg::domain::NOTHING_CHOSEN,
            Self::Gone => msg::domain::EXCHANGE_GONE,
            Self::Card(problem) => return write!(f, "{problem}"),
        };
        f.write_str(t(text))
    }
}

/// Proof that a card passed every check before its box is opened
/// ([`Exchange::may_open`]): the blind reveal first, so nothing is decrypted
/// before this device has sent its own card. Opening a card
/// (`compare::open`) requires one, and it carries the pairing code the box
/// opens with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenPermit {
    code: PairingCode,
    card: String,
}

impl OpenPermit {
    /// The code the card's box is opened with.
    pub fn code(&self) -> &PairingCode {
        &self.code
    }

    /// Whether the permit was given for this card.
    pub fn is_for(&self, header: &CardHeader) -> bool {
        self.card == header.card
    }
}

impl Exchange {
    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn guide(&self) -> &GuideId {
        &self.guide
    }

    pub fn version(&self) -> u32 {
        self.version
    }

    /// The pairing code, to show the user (and write on the card).
    pub fn code(&self) -> &PairingCode {
        &self.code
    }

    pub fn started_on(&self) -> CalendarDate {
        self.started_on
    }

    /// This person's card, once sealed.
    pub fn mine(&self) -> Option<&MyCard> {
        self.mine.as_ref()
    }

    /// The other person's card, once opened.
    pub fn theirs(&self) -> Option<&TheirCard> {
        self.theirs.as_ref()
    }

    pub fn new(
        id: String,
        guide: GuideId,
        version: u32,
        code: PairingCode,
        today: CalendarDate,
    ) -> Exchange {
        Exchange {
            id,
            guide,
            version,
            code,
            started_on: today,
            mine: None,
            theirs: None,
        }
    }

    pub fn stage(&self) -> Stage {
        match (&self.mine, &self.theirs) {
            (None, _) => Stage::Choosing,
            (Some(mine), None) if mine.sent_on.is_none() => Stage::Sealed,
            (Some(_), None) => Stage::Waiting,
            (Some(_), Some(_)) => Stage::Compared,
        }
    }

    /// Freezes the answers this person chose to share under a new card id.
    /// Only answers that passed [`choose`](super::sharing::choose) can be
    /// sealed: never a private or a safety answer.
    pub fn seal(
        &mut self,
        card: String,
        text: String,
        chosen: Chosen,
    ) -> Result<(), ExchangeError> {
        if self.mine.is_some() {
            return Err(ExchangeError::AlreadySealed);
        }
        self.mine = Some(MyCard {
            card,
            text,
            answers: chosen.into_answers(),
            sent_on: None,
        });
        Ok(())
    }

    /// Records that this person's card left the device. The first time counts.
    pub fn sent(&mut self, today: CalendarDate) {
        if let Some(mine) = &mut self.mine {
            mine.sent_on.get_or_insert(today);
        }
    }

    /// Everything that can be checked before the box is opened: the blind
    /// reveal first (nothing about their card is looked at before), then
    /// that the card is for this guide and version, not this person's own,
    /// and not one already opened.
    pub fn may_open(&self, header: &CardHeader) -> Result<OpenPermit, ExchangeError> {
        let Some(mine) = self.mine.as_ref().filter(|m| m.sent_on.is_some()) else {
            return Err(ExchangeError::SendYoursFirst);
        };
        if header.guide != self.guide {
            return Err(CardError::WrongGuide.into());
        }
        if header.version != self.version {
            return Err(CardError::WrongGuideVersion.into());
        }
        if header.card == mine.card {
            return Err(CardError::OwnCard.into());
        }
        if self.theirs.is_some() {
            return Err(CardError::Replayed.into());
        }
        Ok(OpenPermit {
            code: self.code.clone(),
            card: header.card.clone(),
        })
    }

    /// Keeps their opened answers, after [`Self::may_open`] said yes.
    pub fn received(
        &mut self,
        header: &CardHeader,
        payload: Payload,
        today: CalendarDate,
    ) -> Result<(), ExchangeError> {
        self.may_open(header)?;
        self.theirs = Some(TheirCard {
            card: header.card.clone(),
            answers: payload.answers,
            made_on: payload.made_on,
            opened_on: today,
        });
        Ok(())
    }

    /// Where it stands, in a few words for History.
    pub fn stage_in_words(&self) -> &'static str {
        t(match self.stage() {
            Stage::Choosing => msg::domain::STAGE_CHOOSING,
            Stage::Sealed => msg::domain::STAGE_SEALED,
            Stage::Waiting => msg::domain::STAGE_WAITING,
            Stage::Compared => msg::domain::STAGE_COMPARED,
        })
    }
}

/// Every exchange, oldest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Exchanges(Vec<Exchange>);

impl Exchanges {
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Exchange> {
        self.0.iter()
    }

    pub fn get(&self, id: &str) -> Option<&Exchange> {
        self.0.iter().find(|e| e.id == id)
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut Exchange> {
        self.0.iter_mut().find(|e| e.id == id)
    }

    /// The newest exchange for `guide`, the one its Compare page shows.
    pub fn latest(&self, guide: &GuideId) -> Option<&Exchange> {
        self.0.iter().rev().find(|e| &e.guide == guide)
    }

    /// The exchange `guide`'s Compare page shows: the one `chosen` (History's
    /// link) if it is this guide's, else the newest.
    pub fn to_show(&self, guide: &GuideId, chosen: Option<&str>) -> Option<&Exchange> {
        chosen
            .and_then(|id| self.get(id).filter(|e| &e.guide == guide))
            .or_else(|| self.latest(guide))
    }

    /// Starts an exchange and returns its id.
    pub fn start(
        &mut self,
        guide: GuideId,
        version: u32,
        code: PairingCode,
        today: CalendarDate,
    ) -> String {
        let id = (1..)
            .map(|n| format!("{guide}-{today}-{n}"))
            .find(|id| self.get(id).is_none())
            .unwrap_or_default();
        self.0
            .push(Exchange::new(id.clone(), guide, version, code, today));
        id
    }

    /// Everything a card must pass before it is opened for exchange `id`:
    /// [`Exchange::may_open`], and that no exchange on this device has
    /// opened this card already (a card sent again later, with the same
    /// code, is a replay, not a new answer).
    pub fn may_open(&self, id: &str, header: &CardHeader) -> Result<OpenPermit, ExchangeError> {
        let exchange = self.get(id).ok_or(ExchangeError::Gone)?;
        let permit = exchange.may_open(header)?;
        let seen = self
            .0
            .iter()
            .filter_map(|e| e.theirs.as_ref())
            .any(|t| t.card == header.card);
        if seen {
            return Err(CardError::Replayed.into());
        }
        Ok(permit)
    }

    /// Deletes one exchange: both cards' answers and the code go with it.
    pub fn remove(&mut self, id: &str) {
        self.0.retain(|e| e.id != id);
    }

    /// `theirs` (another tab's newer copy) with this tab's changes from
    /// `saved` to `mine`: an exchange this tab started is added (under a
    /// fresh id if the other tab took the same one meanwhile), one it
    /// deleted is deleted, and for one it changed, a card this tab set is
    /// set there unless that tab had already set one: the first card sealed
    /// (and perhaps sent) stands, so the answers compared are always the
    /// ones that travelled. A card once set is never unset by the merge.
    pub fn merge(theirs: &Exchanges, saved: &Exchanges, mine: &Exchanges) -> Exchanges {
        let mut merged = theirs.clone();
        for before in &saved.0 {
            if mine.get(&before.id).is_none() {
                merged.remove(&before.id);
            }
        }
        for my in &mine.0 {
            let before = saved.get(&my.id);
            if before == Some(my) {
                continue;
            }
            let exists = merged.get(&my.id).is_some();
            match (before, exists) {
                (None, false) => merged.0.push(my.clone()),
                (None, true) if merged.get(&my.id) == Some(my) => {}
                (None, true) => {
                    // Both tabs started an exchange under the same id.
                    let mut moved = my.clone();
                    moved.id = (2..)
                        .map(|n| format!("{}-{n}", my.id))
                        .find(|id| merged.get(id).is_none())
                        .unwrap_or_default();
                    merged.0.push(moved);
                }
                (Some(_), false) => {}
                (Some(before), true) => {
                    if let Some(their) = merged.get_mut(&my.id) {
                        if before.mine != my.mine && their.mine.is_none() {
                            their.mine.clone_from(&my.mine);
                        }
                        if let (Some(mine_now), Some(theirs_now)) = (&my.mine, &mut their.mine) {
                            // The same card: keep the earliest "sent".
                            if mine_now.card == theirs_now.card && theirs_now.sent_on.is_none() {
                                theirs_now.sent_on = mine_now.sent_on;
                            }
                        }
                        if before.theirs != my.theirs && their.theirs.is_none() {
                            their.theirs.clone_from(&my.theirs);
                        }
                    }
                }
            }
        }
        merged
    }
}
