//! A deterministic fuzz run over the card parser: random text, random
//! bytes, and real cards cut, spliced and damaged at random. None may
//! panic; every one is either refused with one of the card messages or,
//! if it parses, is a card whose text reads back the same.

use super::{sample_card, Card};

use crate::domain::tests::Rng;

const TOKENS: &[&str] = &[
    "MEND-CARD",
    ".",
    "1",
    "2",
    "0",
    "needs-and-boundaries",
    "3",
    "AAAA",
    "_-",
    "==",
    " ",
    "\n",
    "é",
    "\u{0}",
    "MEND-CARD.1.",
    "ffffffffffffffff",
];

fn damaged(rng: &mut Rng, card: &str) -> String {
    let mut bytes = card.as_bytes().to_vec();
    match rng.below(6) {
        0 => bytes.truncate(rng.below(bytes.len() + 1)),
        1 => {
            for _ in 0..=rng.below(4) {
                let at = rng.below(bytes.len());
                bytes[at] = rng.next() as u8;
            }
        }
        2 => {
            let at = rng.below(bytes.len());
            bytes.remove(at);
        }
        3 => {
            let at = rng.below(bytes.len() + 1);
            let token = TOKENS[rng.below(TOKENS.len())];
            bytes.splice(at..at, token.bytes());
        }
        4 => {
            let (a, b) = (rng.below(bytes.len()), rng.below(bytes.len()));
            bytes.swap(a, b);
        }
        _ => {
            let at = rng.below(bytes.len());
            bytes.extend_from_slice(&card.as_bytes()[at..]);
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

#[test]
fn ten_thousand_random_and_damaged_cards_never_panic_and_are_refused_or_read_faithfully() {
    let card = sample_card().to_text();
    let mut rng = Rng(0x5eed_ca2d);
    let mut refused = 0;
    for round in 0..12_000 {
        let input = match round % 3 {
            0 => damaged(&mut rng, &card),
            1 => (0..rng.below(40))
                .map(|_| TOKENS[rng.below(TOKENS.len())])
                .collect::<String>(),
            _ => (0..rng.below(300))
                .map(|_| char::from(rng.below(128) as u8))
                .collect(),
        };
        match Card::parse(&input) {
            Ok(parsed) => {
                let again = parsed.to_text();
                assert_eq!(
                    Card::parse(&again),
                    Ok(parsed),
                    "a card that parses reads back the same: {input:?}"
                );
            }
            Err(error) => {
                assert!(!error.to_string().is_empty());
                refused += 1;
            }
        }
    }
    assert!(
        refused > 11_000,
        "damage is noticed: only {refused} refused"
    );
}
