//! The pairing code, the card format and every refusal, the blind reveal,
//! the comparison, and a fuzz run over the card parser.

use super::card::{Card, CardError, CardHeader, TooLong, CARD_ID_BYTES, MAX_CARD_CHARS, PREFIX};
use super::code::{CodeError, PairingCode, ALPHABET, LENGTH};
use super::comparison::{compare, Verdict};
use super::exchange::{Exchange, ExchangeError, Exchanges, Stage};
use super::sharing::{choose, is_shareable, offered, private_questions, Chosen, Payload};
use crate::domain::answer::{AnswerValue, Answers};
use crate::domain::fingerprint::fingerprint;
use crate::domain::ids::{GuideId, OptionId, QuestionId};
use crate::domain::sealed::{
    KdfParams, Sealed, CHECK_PLAINTEXT, CIPHER, FORMAT, IV_BYTES, TAG_BYTES,
};
use crate::domain::tests::day as d;
use crate::domain::wording::Wording;
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};

mod fuzz;

fn code() -> PairingCode {
    PairingCode::from_random([0x5a, 0x13, 0xc4, 0x7e, 0x90, 0x21, 0xfe, 0x08])
}

/// A card as the glue would make it (the bytes stand in for real
/// ciphertext: this module never decrypts).
pub(super) fn sample_card() -> Card {
    Card {
        header: CardHeader {
            guide: GuideId::new("needs-and-boundaries"),
            version: 3,
            card: URL_SAFE_NO_PAD.encode([7u8; CARD_ID_BYTES]),
        },
        sealed: Sealed {
            format: FORMAT,
            cipher: CIPHER.to_owned(),
            kdf: KdfParams::new(vec![1; 16]),
            check_iv: vec![2; IV_BYTES],
            check: vec![3; CHECK_PLAINTEXT.len() + TAG_BYTES],
            iv: vec![4; IV_BYTES],
            data: (0..300).map(|i| i as u8).collect(),
        },
    }
}

#[test]
fn a_pairing_code_is_twelve_unambiguous_characters_in_three_groups() {
    let code = code();
    let grouped = code.grouped();
    assert_eq!(grouped.len(), LENGTH + 2);
    assert_eq!(grouped.matches('-').count(), 2);
    assert!(grouped
        .chars()
        .filter(|&c| c != '-')
        .all(|c| ALPHABET.contains(&(c as u8))));
    for look_alike in ['0', 'O', '1', 'I'] {
        assert!(!ALPHABET.contains(&(look_alike as u8)), "{look_alike}");
    }
    // 32 distinct symbols: 5 bits each, 60 bits in all.
    let mut symbols = ALPHABET.to_vec();
    symbols.sort_unstable();
    symbols.dedup();
    assert_eq!(symbols.len(), 32);
    assert_ne!(
        PairingCode::from_random([0; 8]),
        PairingCode::from_random([0, 0, 0, 0, 0, 0, 0, 0x10]),
        "the last bits used change the code"
    );
}

#[test]
fn a_code_is_read_back_as_typed_in_any_case_and_spacing() {
    let code = code();
    let grouped = code.grouped();
    assert_eq!(PairingCode::parse(&grouped), Ok(code.clone()));
    let relaxed = grouped.to_lowercase().replace('-', " ");
    assert_eq!(
        PairingCode::parse(&format!("  {relaxed} ")),
        Ok(code.clone())
    );
    assert_eq!(PairingCode::parse("   "), Err(CodeError::Empty));
    assert_eq!(PairingCode::parse("K7QM-4TRX"), Err(CodeError::Length(8)));
    assert_eq!(
        PairingCode::parse("K7QM-4TRX-9HC0"),
        Err(CodeError::Character('0'))
    );
    assert_eq!(
        PairingCode::parse("K7QM-4TRX-9HCé"),
        Err(CodeError::Character('é'))
    );
    assert!(CodeError::Character('0').to_string().contains("look-alike"));
    assert_ne!(
        code.secret(),
        code.grouped(),
        "the key has a label of its own"
    );
}

#[test]
fn a_card_round_trips_through_its_text_and_any_line_breaks() {
    let card = sample_card();
    let text = card.to_text();
    assert!(text.starts_with("MEND-CARD.1.needs-and-boundaries.3."));
    assert!(
        text.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)),
        "nothing a URL, a chat app or a QR code would change: {text}"
    );
    assert_eq!(Card::parse(&text), Ok(card.clone()));
    // Chat apps wrap long lines; a pasted card may carry the breaks.
    let wrapped: String = text
        .as_bytes()
        .chunks(40)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(Card::parse(&format!("\n  {wrapped}\n")), Ok(card.clone()));
    // With words around it, as the whole link a QR code holds, or with the
    // invisible characters some apps slip into long words.
    for pasted in [
        format!("Here's mine: {text} thanks x"),
        format!("https://example.org/mend/guides/needs-and-boundaries/compare#{text}"),
        text.replacen('.', ".\u{200b}", 3)
            .replacen('A', "A\u{00ad}", 2),
    ] {
        assert_eq!(Card::parse(&pasted), Ok(card.clone()), "{pasted}");
    }
    assert_eq!(
        card.header.aad(),
        format!("MEND-CARD.1.needs-and-boundaries.3.{}", card.header.card),
        "the header is bound to the box"
    );
}

/// A card longer than the other device accepts is never offered for
/// sending: the person is told to untick some answers instead, and a card
/// that fits is sent exactly as it reads back.
#[test]
fn a_card_too_long_for_the_other_device_is_refused_before_it_is_sent() {
    let card = sample_card();
    let text = card.sendable().expect("a card of a few answers fits");
    assert_eq!(Card::parse(&text), Ok(card.clone()));
    let mut long = card;
    long.sealed.data = vec![7; MAX_CARD_CHARS];
    assert_eq!(long.sendable(), Err(TooLong));
    assert!(TooLong.to_string().contains("Untick some"));
    assert_eq!(Card::parse(&long.to_text()), Err(CardError::Oversized));
}

#[test]
fn each_kind_of_bad_card_gets_its_own_message() {
    let text = sample_card().to_text();
    let fields: Vec<&str> = text.split('.').collect();
    // Fields: 0 the prefix, 1 format, 2 guide, 3 version, 4 card id, 5 salt,
    // 6 check IV, 7 check, 8 IV, 9 data, 10 end. One field changed, with the
    // end field made to match, so each field's own check is what refuses it.
    let with = |index: usize, value: &str| {
        let mut changed = fields.clone();
        changed[index] = value;
        let body = changed[..10].join(".");
        if index == 10 {
            changed.join(".")
        } else {
            format!("{body}.{:016x}", fingerprint(&body))
        }
    };
    let cases: Vec<(String, CardError)> = vec![
        ("Hello, here are my answers".into(), CardError::NotACard),
        ("".into(), CardError::NotACard),
        ("MEND-CARDS.1".into(), CardError::NotACard),
        (PREFIX.into(), CardError::Truncated),
        (text[..text.len() / 2].into(), CardError::Truncated),
        (text[..text.len() - 10].into(), CardError::Truncated),
        (text[..text.len() - 17].into(), CardError::Truncated),
        (text[..text.len() - 300].into(), CardError::Truncated),
        (format!("{text}.extra"), CardError::Altered),
        (
            text.replacen("needs-and-boundaries", "needs-and-boundariez", 1),
            CardError::Altered,
        ),
        (with(1, "2"), CardError::Newer),
        (with(1, "0"), CardError::Altered),
        (with(1, "+1"), CardError::Altered),
        (with(2, "Needs_And_Boundaries"), CardError::Altered),
        (with(3, "+3"), CardError::Altered),
        (with(8, "AAAA"), CardError::Altered),
        (with(3, "03"), CardError::Altered),
        (with(4, "AAAA"), CardError::Altered),
        (with(5, "not*base64"), CardError::Altered),
        (with(9, "AAAA"), CardError::Altered),
        (with(10, "AAAA"), CardError::Truncated),
        (with(10, "0123456789abcdef"), CardError::Altered),
        (" ".repeat(MAX_CARD_CHARS + 1), CardError::Oversized),
    ];
    for (input, expected) in cases {
        assert_eq!(
            Card::parse(&input),
            Err(expected.clone()),
            "{:?}",
            input.get(..60)
        );
    }
    for error in [
        CardError::NotACard,
        CardError::Oversized,
        CardError::Truncated,
        CardError::Altered,
        CardError::Newer,
        CardError::WrongPairing,
        CardError::WrongGuide,
        CardError::WrongGuideVersion,
        CardError::Replayed,
        CardError::OwnCard,
    ] {
        let message = error.to_string();
        assert!(
            message.ends_with('.') && message.len() > 30,
            "says what happened and what to do: {message}"
        );
    }
}

fn answers(pairs: &[(&str, AnswerValue)]) -> Answers {
    let mut all = Answers::default();
    for (question, value) in pairs {
        all.set(QuestionId::new(*question), value.clone());
    }
    all
}

fn exchange() -> Exchange {
    Exchange::new(
        "x".into(),
        GuideId::new("needs-and-boundaries"),
        3,
        code(),
        d("2026-12-05"),
    )
}

fn their_header(card: &str) -> CardHeader {
    CardHeader {
        guide: GuideId::new("needs-and-boundaries"),
        version: 3,
        card: card.to_owned(),
    }
}

#[test]
fn their_card_opens_only_after_this_device_has_sent_its_own() {
    let mut exchange = exchange();
    let header = their_header("theirs");
    assert_eq!(exchange.stage(), Stage::Choosing);
    assert_eq!(
        exchange.may_open(&header),
        Err(ExchangeError::SendYoursFirst)
    );
    let mine = answers(&[("need", AnswerValue::Text("Honesty".into()))]);
    assert_eq!(
        exchange.seal(
            "mine".into(),
            "MEND-CARD…".into(),
            Chosen::unchecked(mine.clone())
        ),
        Ok(())
    );
    assert_eq!(exchange.stage(), Stage::Sealed);
    assert_eq!(
        exchange.may_open(&header),
        Err(ExchangeError::SendYoursFirst),
        "sealed is not sent"
    );
    // Frozen: no second seal with other answers.
    assert_eq!(
        exchange.seal(
            "again".into(),
            "MEND-CARD…".into(),
            Chosen::unchecked(answers(&[("need", AnswerValue::Text("Space".into()))]))
        ),
        Err(ExchangeError::AlreadySealed)
    );
    exchange.sent(d("2026-12-05"));
    exchange.sent(d("2026-12-09"));
    assert_eq!(exchange.stage(), Stage::Waiting);
    assert_eq!(
        exchange.mine().and_then(|m| m.sent_on),
        Some(d("2026-12-05"))
    );

    assert_eq!(
        exchange.may_open(&their_header("mine")),
        Err(CardError::OwnCard.into())
    );
    let mut other_guide = header.clone();
    other_guide.guide = GuideId::new("the-conversation");
    assert_eq!(
        exchange.may_open(&other_guide),
        Err(CardError::WrongGuide.into())
    );
    let mut other_version = header.clone();
    other_version.version = 4;
    assert_eq!(
        exchange.may_open(&other_version),
        Err(CardError::WrongGuideVersion.into())
    );
    let theirs = answers(&[("need", AnswerValue::Text("Time".into()))]);
    let payload = |answers: Answers| Payload {
        made_on: d("2026-12-06"),
        answers,
    };
    assert_eq!(
        exchange.received(&header, payload(theirs.clone()), d("2026-12-06")),
        Ok(())
    );
    assert_eq!(exchange.stage(), Stage::Compared);
    assert_eq!(
        exchange.received(&header, payload(Answers::default()), d("2026-12-07")),
        Err(CardError::Replayed.into()),
        "a replayed card changes nothing"
    );
    assert_eq!(exchange.theirs().map(|t| &t.answers), Some(&theirs));
    assert_eq!(exchange.mine().map(|m| &m.answers), Some(&mine));
}

#[test]
fn the_comparison_says_in_words_what_agrees_and_what_differs() {
    let library = crate::domain::tests::library();
    let guide = library
        .guide(&GuideId::new("sample"))
        .unwrap_or_else(|| panic!("the sample guide"));
    let choice = |id: &str| AnswerValue::Choice(OptionId::new(id));
    let ticks =
        |ids: &[&str]| AnswerValue::Choices(ids.iter().map(|i| OptionId::new(*i)).collect());
    let yours = answers(&[
        ("role", choice("hurt")),
        ("talk", AnswerValue::Scale(4)),
        ("kept", ticks(&["listened", "owned"])),
        ("hardest", AnswerValue::Text("Not knowing".into())),
        ("afraid", AnswerValue::YesNo(false)),
    ]);
    let theirs = answers(&[
        ("role", choice("hurt")),
        ("talk", AnswerValue::Scale(2)),
        ("kept", ticks(&["owned", "followed-through"])),
        ("hardest", AnswerValue::Text("The silence".into())),
        ("trust-now", AnswerValue::Scale(5)),
    ]);
    let rows = compare(guide, &yours, &theirs, &Wording::default());
    let verdict = |start: &str| {
        rows.iter()
            .find(|r| r.question.starts_with(start))
            .map(|r| r.verdict)
            .unwrap_or_else(|| panic!("{start} in {rows:?}"))
    };
    assert_eq!(verdict("Which of these"), Verdict::Same);
    assert_eq!(verdict("I can tell the other person"), Verdict::Different);
    assert_eq!(verdict("What has been hardest"), Verdict::BothWrote);
    assert_eq!(verdict("Are you ever afraid"), Verdict::OnlyYou);
    let kept = rows
        .iter()
        .find(|r| r.verdict == Verdict::Overlap)
        .unwrap_or_else(|| panic!("ticks in common: {rows:?}"));
    assert_eq!(kept.shared.len(), 1);
    assert!(rows.iter().any(|r| r.verdict == Verdict::OnlyThem));
    assert_eq!(
        Verdict::OnlyThem.in_words("Sam"),
        "Only Sam answered this; you left it out."
    );
    assert!(
        rows.iter()
            .all(|r| !r.yours.is_empty() || !r.theirs.is_empty()),
        "a question neither answered is left out"
    );
}

#[test]
fn only_guides_marked_shareable_are_and_never_the_safety_check_or_plan() {
    let library = crate::content::library();
    let mut shareable: Vec<&str> = library
        .guides()
        .iter()
        .filter(|g| is_shareable(g))
        .map(|g| g.id().as_str())
        .collect();
    shareable.sort_unstable();
    assert_eq!(
        shareable,
        [
            "can-this-be-rebuilt",
            "committing-to-the-work",
            "needs-and-boundaries",
            "weekly-check-in"
        ]
    );
    for id in crate::domain::program::summary::PRIVATE_BY_DEFAULT {
        assert!(!shareable.contains(&id), "{id} never is");
    }
}

#[test]
fn answers_a_safety_flag_or_gate_looks_at_never_travel() {
    let library = crate::content::library();
    let guide = library
        .guide(&GuideId::new("can-this-be-rebuilt"))
        .unwrap_or_else(|| panic!("shipped"));
    let private = private_questions(guide);
    assert!(private.contains(&QuestionId::new("s-afraid")));
    assert!(private.contains(&QuestionId::new("s-harm")));
    let mut given = Answers::default();
    given.set(QuestionId::new("s-afraid"), AnswerValue::YesNo(false));
    for (_, question) in guide.questions() {
        if !private.contains(question.id()) {
            if let crate::domain::guide::QuestionKind::Scale(_) = question.kind() {
                given.set(question.id().clone(), AnswerValue::Scale(3));
            }
        }
    }
    let offered = offered(guide, &given);
    assert!(!offered.is_empty());
    assert!(offered.iter().all(|(q, _)| !private.contains(q.id())));

    // Ticking every answer still seals no private one: `choose` lets
    // through only what was offered.
    let ticked: Vec<QuestionId> = given.iter().map(|(id, _)| id.clone()).collect();
    let chosen = choose(guide, &given, &ticked).unwrap_or_else(|e| panic!("{e}"));
    assert!(chosen.answers().get(&QuestionId::new("s-afraid")).is_none());
    assert_eq!(chosen.answers().iter().count(), offered.len());
    assert_eq!(
        choose(guide, &given, &[QuestionId::new("s-afraid")]),
        Err(ExchangeError::NothingChosen),
        "a private answer alone is nothing to share"
    );
    assert_eq!(
        choose(guide, &given, &[]),
        Err(ExchangeError::NothingChosen)
    );

    // A card holding a private answer, or a question the guide lacks, is not
    // what a Mend made.
    let payload = |answers: Answers| {
        serde_json::to_vec(&Payload {
            made_on: d("2026-12-05"),
            answers,
        })
        .unwrap_or_default()
    };
    assert_eq!(
        Payload::read(&payload(given.clone()), guide),
        Err(CardError::Altered)
    );
    let mut unknown = Answers::default();
    unknown.set(
        QuestionId::new("no-such-question"),
        AnswerValue::YesNo(true),
    );
    assert_eq!(
        Payload::read(&payload(unknown), guide),
        Err(CardError::Altered)
    );
    let shared: Answers = {
        let mut a = Answers::default();
        for (q, v) in &offered {
            a.set(q.id().clone(), v.clone());
        }
        a
    };
    assert!(Payload::read(&payload(shared), guide).is_ok());
    assert_eq!(Payload::read(b"{not json", guide), Err(CardError::Altered));
}

#[test]
fn exchanges_are_stored_and_merged_card_by_card() {
    let mut saved = Exchanges::default();
    let id = saved.start(
        GuideId::new("needs-and-boundaries"),
        1,
        code(),
        d("2026-12-05"),
    );
    assert_eq!(id, "needs-and-boundaries-2026-12-05-1");
    let text = serde_json::to_string(&saved).unwrap_or_default();
    assert!(text.contains(&format!(
        "\"code\":\"{}\"",
        code().grouped().replace('-', "")
    )));
    let back: Exchanges = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, saved);
    let bad = text.replace(&code().grouped().replace('-', ""), "00000000000O");
    assert!(
        serde_json::from_str::<Exchanges>(&bad).is_err(),
        "a code is checked when read"
    );

    // This tab seals its card; the other tab started another exchange.
    let mut mine = saved.clone();
    if let Some(e) = mine.get_mut(&id) {
        let mut a = Answers::default();
        a.set(QuestionId::new("need"), AnswerValue::Text("Honesty".into()));
        assert_eq!(
            e.seal("c1".into(), "MEND-CARD…".into(), Chosen::unchecked(a)),
            Ok(())
        );
    }
    let mut theirs = saved.clone();
    let other = theirs.start(GuideId::new("weekly-check-in"), 1, code(), d("2026-12-05"));
    let merged = Exchanges::merge(&theirs, &saved, &mine);
    assert!(merged.get(&id).and_then(|e| e.mine()).is_some());
    assert!(merged.get(&other).is_some());

    // Deleted here: deleted in theirs too.
    let mut deleted = saved.clone();
    deleted.remove(&id);
    assert!(Exchanges::merge(&theirs, &saved, &deleted)
        .get(&id)
        .is_none());
    // A card set in theirs is not unset by a tab that never saw it.
    let merged = Exchanges::merge(&mine, &saved, &saved);
    assert!(merged.get(&id).and_then(|e| e.mine()).is_some());

    // Both tabs sealed: the card the other tab sealed first stands.
    let mut other_seal = saved.clone();
    if let Some(e) = other_seal.get_mut(&id) {
        let mut a = Answers::default();
        a.set(QuestionId::new("need"), AnswerValue::Text("Space".into()));
        assert_eq!(
            e.seal("c2".into(), "MEND-CARD…".into(), Chosen::unchecked(a)),
            Ok(())
        );
    }
    let merged = Exchanges::merge(&other_seal, &saved, &mine);
    assert_eq!(
        merged
            .get(&id)
            .and_then(|e| e.mine())
            .map(|m| m.card.as_str()),
        Some("c2")
    );

    // Both tabs started an exchange under the same id: both are kept.
    let empty = Exchanges::default();
    let mut a = Exchanges::default();
    let first = a.start(GuideId::new("weekly-check-in"), 1, code(), d("2026-12-05"));
    let mut b = Exchanges::default();
    let other_code = PairingCode::from_random([9; 8]);
    b.start(
        GuideId::new("weekly-check-in"),
        1,
        other_code.clone(),
        d("2026-12-05"),
    );
    let merged = Exchanges::merge(&a, &empty, &b);
    assert_eq!(merged.iter().count(), 2);
    assert_eq!(merged.get(&first).map(Exchange::code), Some(&code()));
    assert_eq!(
        merged.get(&format!("{first}-2")).map(Exchange::code),
        Some(&other_code)
    );
}

#[test]
fn a_short_link_becomes_a_code_a_camera_reads_and_a_long_one_is_refused() {
    let link = format!(
        "https://example.org/mend/guides/needs-and-boundaries/compare#{}",
        sample_card().to_text()
    );
    let qr = super::qr::draw(&link).unwrap_or_else(|| panic!("a 300-byte card fits"));
    assert!(qr.width <= 17 + 4 * i32::from(super::qr::MAX_VERSION) + 8);
    assert!(
        qr.path.starts_with("M4 4h7v1h-7z"),
        "the finder pattern's top row: {}",
        &qr.path[..20]
    );
    assert_eq!(
        super::qr::draw(&"x".repeat(2000)),
        None,
        "too long for a readable code"
    );
}

#[test]
fn a_card_opened_in_an_earlier_exchange_is_a_replay_in_a_later_one() {
    let mut all = Exchanges::default();
    let guide = GuideId::new("needs-and-boundaries");
    let first = all.start(guide.clone(), 3, code(), d("2026-12-01"));
    let second = all.start(guide, 3, code(), d("2026-12-05"));
    let mine = answers(&[("need", AnswerValue::Text("Honesty".into()))]);
    for (id, card) in [(&first, "mine-1"), (&second, "mine-2")] {
        if let Some(e) = all.get_mut(id) {
            assert_eq!(
                e.seal(
                    card.into(),
                    "MEND-CARD…".into(),
                    Chosen::unchecked(mine.clone())
                ),
                Ok(())
            );
            e.sent(d("2026-12-05"));
        }
    }
    let header = their_header("theirs-1");
    let permit = all.may_open(&first, &header);
    assert!(permit
        .as_ref()
        .is_ok_and(|p| p.is_for(&header) && p.code() == &code()));
    if let Some(e) = all.get_mut(&first) {
        let payload = Payload {
            made_on: d("2026-12-01"),
            answers: mine.clone(),
        };
        assert_eq!(e.received(&header, payload, d("2026-12-01")), Ok(()));
    }
    assert_eq!(
        all.may_open(&second, &header),
        Err(CardError::Replayed.into())
    );
    assert!(all.may_open(&second, &their_header("theirs-2")).is_ok());
    assert_eq!(all.may_open("deleted", &header), Err(ExchangeError::Gone));
}

#[test]
fn scores_are_compared_only_where_both_shared_every_answer_that_makes_them() {
    use super::comparison::comparable_scores;
    use crate::domain::guide::QuestionKind;
    let library = crate::content::library();
    let guide = library
        .guide(&GuideId::new("can-this-be-rebuilt"))
        .unwrap_or_else(|| panic!("shipped"));
    let private = private_questions(guide);
    // Every scored question answered (the first option, or the top of the
    // scale), private ones included, as a person's own entry would be.
    let mut full = Answers::default();
    for (_, q) in guide.questions() {
        let answer = match q.kind() {
            QuestionKind::Scale(scale) => AnswerValue::Scale(scale.max()),
            QuestionKind::YesNo { .. } => AnswerValue::YesNo(false),
            kind => match kind.options().first() {
                Some(o) if matches!(kind, QuestionKind::SingleChoice { .. }) => {
                    AnswerValue::Choice(o.id().clone())
                }
                Some(o) => AnswerValue::Choices(vec![o.id().clone()]),
                None => continue,
            },
        };
        full.set(q.id().clone(), answer);
    }
    // What a card can carry: the private answers stay home.
    let mut shared = full.clone();
    for id in &private {
        shared.remove(id);
    }
    let compared: Vec<String> = comparable_scores(guide, &shared, &shared)
        .iter()
        .map(|(a, _)| a.dimension.id().to_string())
        .collect();
    for dimension in guide.dimensions() {
        let needs_private = guide
            .questions_adding_to(dimension.id())
            .iter()
            .any(|q| private.contains(q.id()));
        assert_eq!(
            compared.contains(&dimension.id().to_string()),
            !needs_private,
            "{}: a score missing a private answer would show a lower band",
            dimension.id()
        );
    }
    assert!(
        guide.dimensions().iter().any(|d| guide
            .questions_adding_to(d.id())
            .iter()
            .any(|q| private.contains(q.id()))),
        "the guide has a dimension that needs a private answer, so this test can fail"
    );
    // One person left an answer out: that dimension is not compared either.
    if let Some((a, _)) = comparable_scores(guide, &shared, &shared).first() {
        let mut less = shared.clone();
        if let Some(q) = guide.questions_adding_to(a.dimension.id()).first() {
            less.remove(q.id());
        }
        assert!(comparable_scores(guide, &shared, &less)
            .iter()
            .all(|(b, _)| b.dimension.id() != a.dimension.id()));
    }
}

#[test]
fn compare_opens_only_for_a_shareable_guide_and_never_while_danger_or_harm_holds() {
    use super::sharing::{availability, Availability};
    use crate::domain::program::safety::SafetyStatus;
    let library = crate::content::library();
    let shareable = library
        .guide(&GuideId::new("needs-and-boundaries"))
        .unwrap_or_else(|| panic!("shipped"));
    let private = library
        .guide(&GuideId::new("safety-check"))
        .unwrap_or_else(|| panic!("shipped"));
    let calm = SafetyStatus::default();
    assert_eq!(availability(shareable, &calm), Availability::Open);
    assert_eq!(availability(private, &calm), Availability::NotShareable);
    let danger = SafetyStatus {
        danger_from: vec![GuideId::new("start")],
        ..SafetyStatus::default()
    };
    assert_eq!(availability(shareable, &danger), Availability::OffForDanger);
    let harm = SafetyStatus {
        uses_harm: true,
        ..SafetyStatus::default()
    };
    assert_eq!(availability(shareable, &harm), Availability::OffForHarm);
    let step_taken = SafetyStatus {
        uses_harm: true,
        harm_step_taken: true,
        ..SafetyStatus::default()
    };
    assert_eq!(availability(shareable, &step_taken), Availability::Open);
}

#[test]
fn the_compare_page_shows_the_exchange_history_chose_if_it_is_this_guide_s_else_the_newest() {
    let mut all = Exchanges::default();
    let guide = GuideId::new("needs-and-boundaries");
    let first = all.start(guide.clone(), 3, code(), d("2026-12-01"));
    let newest = all.start(guide.clone(), 3, code(), d("2026-12-05"));
    let other = all.start(GuideId::new("weekly-check-in"), 1, code(), d("2026-12-06"));
    let shown = |chosen: Option<&str>| all.to_show(&guide, chosen).map(|e| e.id().to_owned());
    assert_eq!(shown(None), Some(newest.clone()));
    assert_eq!(shown(Some(&first)), Some(first.clone()));
    assert_eq!(
        shown(Some(&other)),
        Some(newest.clone()),
        "another guide's exchange is not shown here"
    );
    assert_eq!(shown(Some("deleted")), Some(newest));
}
