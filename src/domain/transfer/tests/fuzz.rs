//! A deterministic fuzz run: thousands of random and damaged files, none of
//! which may panic, and every one of which is either imported faithfully or
//! refused with a message.

use super::*;
use std::collections::BTreeMap;

use crate::domain::tests::Rng;

/// Pieces that steer random text towards the parser's interesting corners.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    " ",
    "\n",
    "\"app\"",
    "\"mend\"",
    "\"kind\"",
    "\"export\"",
    "\"format\"",
    "\"schema\"",
    "\"created_at\"",
    "\"checksum\"",
    "\"data\"",
    "\"sealed\"",
    "\"revision\"",
    "\"saved_at\"",
    "\"profile\"",
    "\"entries\"",
    "\"wording\"",
    "0",
    "1",
    "2",
    "99",
    "-1",
    "1e400",
    "18446744073709551616",
    "true",
    "null",
    "\"\"",
    "\"2026-11-22\"",
    "\"fnv1a64:83dd28f7472bdb67\"",
    "\"AAAA\"",
    "\"\\u0000\"",
    "\"é\"",
    "\u{feff}",
];

fn random_bytes(rng: &mut Rng) -> Vec<u8> {
    let len = rng.below(200);
    (0..len).map(|_| rng.byte()).collect()
}

/// Random token soup; half of it starts like a Mend file so that it gets
/// past the first checks.
fn random_json(rng: &mut Rng) -> Vec<u8> {
    let mut text = String::new();
    if rng.below(2) == 0 {
        text.push_str(r#"{"app":"mend","#);
    }
    for _ in 0..rng.below(40) {
        text.push_str(TOKENS[rng.below(TOKENS.len())]);
    }
    text.into_bytes()
}

/// One to four random edits of `original`.
fn mutate(rng: &mut Rng, original: &[u8]) -> Vec<u8> {
    let mut bytes = original.to_vec();
    for _ in 0..=rng.below(4) {
        if bytes.is_empty() {
            bytes.push(rng.byte());
            continue;
        }
        let at = rng.below(bytes.len());
        let end = (at + 1 + rng.below(24)).min(bytes.len());
        match rng.below(8) {
            0 => bytes[at] ^= 1 << rng.below(8),
            1 => bytes[at] = rng.byte(),
            2 => {
                bytes.drain(at..end);
            }
            3 => {
                let copy = bytes[at..end].to_vec();
                let to = rng.below(bytes.len() + 1);
                bytes.splice(to..to, copy);
            }
            4 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                bytes.splice(at..at, token.iter().copied());
            }
            5 => bytes.truncate(at),
            6 => {
                // Swap a digit for another: counts, dates, checksums, base64.
                if let Some(digit) = bytes[at..].iter_mut().find(|b| b.is_ascii_digit()) {
                    *digit = b'0' + (*digit - b'0' + 1 + rng.below(9) as u8) % 10;
                }
            }
            _ => bytes.swap(at, end - 1),
        }
    }
    bytes
}

/// Reads `bytes` and checks the outcome; returns a name for the tally.
fn check(bytes: &[u8]) -> String {
    match read_import(bytes) {
        Ok(ImportFile::Plain(import)) => {
            // What was accepted must survive its own export unchanged.
            let again = export_plain(&import.document, CREATED_AT);
            assert_eq!(imported(again).document, import.document);
            "plain".into()
        }
        Ok(ImportFile::Sealed { sealed, created_at }) => {
            assert_eq!(sealed.validate(), Ok(()));
            match read_import(export_sealed(&sealed, &created_at).as_bytes()) {
                Ok(ImportFile::Sealed { sealed: back, .. }) => assert_eq!(back, sealed),
                other => panic!("a re-exported box did not read back: {other:?}"),
            }
            "sealed".into()
        }
        Err(error) => {
            assert!(!error.message().is_empty(), "{error:?}");
            match error {
                ImportError::Newer { .. } => "Newer".into(),
                other => format!("{other:?}"),
            }
        }
    }
}

#[test]
fn no_input_panics_and_every_outcome_is_sound() {
    let mut rng = Rng(0x6d65_6e64_2d66_757a);
    let seeds = [
        plain_export().into_bytes(),
        serde_json::to_string(&serde_json::from_str::<Value>(&plain_export()).unwrap())
            .unwrap()
            .into_bytes(),
        STORED.as_bytes().to_vec(),
        sealed_export().into_bytes(),
    ];
    let mut tally: BTreeMap<String, usize> = BTreeMap::new();
    let mut inputs = 0;
    for round in 0..1_000 {
        let mut cases = vec![random_bytes(&mut rng), random_json(&mut rng)];
        cases.extend(seeds.iter().map(|seed| mutate(&mut rng, seed)));
        for bytes in cases {
            *tally.entry(check(&bytes)).or_default() += 1;
            inputs += 1;
        }
        // Nothing that can be opened unlocks anything: the plaintext reader
        // sees the same damage.
        let plaintext = mutate(&mut rng, &seeds[round % 2]);
        match read_unsealed(&plaintext) {
            Ok(import) => {
                let again = export_plain(&import.document, CREATED_AT);
                assert_eq!(imported(again).document, import.document);
            }
            Err(error) => assert!(!error.message().is_empty(), "{error:?}"),
        }
        inputs += 1;
    }
    assert!(inputs >= 7_000, "{inputs}");
    // The run reaches deep: faithful imports, sealed boxes, and every kind of
    // refusal a damaged file can cause.
    for outcome in [
        "plain",
        "sealed",
        "NotText",
        "NotMend",
        "Truncated",
        "Tampered(Syntax)",
        "Tampered(Header)",
        "Tampered(Checksum)",
        "Tampered(Data)",
        "BadSeal",
        "Newer",
    ] {
        assert!(
            tally.contains_key(outcome),
            "never saw {outcome}: {tally:?}"
        );
    }
}
