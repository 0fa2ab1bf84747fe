//! Damaged text never crashes the decoder: every cut and a few hundred flipped bytes of the fixture.

use super::current_fixture;
use crate::domain::store::{before_write, decode, on_storage_event, Decoded, DOCUMENT_KEY};

fn assert_no_fresh(text: &str, what: &str) -> Decoded {
    let decoded = decode(Some(text));
    assert!(
        matches!(
            decoded,
            Decoded::Loaded { .. } | Decoded::Corrupt { .. } | Decoded::Newer { .. }
        ),
        "{what}: {decoded:?}"
    );
    // The glue's other entry points read the same text; they must not panic either.
    let _ = before_write(None, Some(text));
    let _ = on_storage_event(Some(DOCUMENT_KEY), Some(text), None);
    decoded
}

#[test]
fn every_cut_of_the_fixture_is_told_apart_without_panicking() {
    let bytes = current_fixture().trim_end().as_bytes();
    for cut in 0..bytes.len() {
        let text = String::from_utf8_lossy(&bytes[..cut]);
        let decoded = assert_no_fresh(&text, &format!("cut at {cut}"));
        // No strict prefix of a JSON object is a whole one.
        assert!(
            matches!(decoded, Decoded::Corrupt { .. }),
            "cut at {cut} loaded"
        );
    }
}

#[test]
fn flipped_bytes_never_panic() {
    let original = current_fixture().as_bytes();
    // A fixed linear congruential sequence: the same positions every run.
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        seed >> 33
    };
    let (mut loaded, mut corrupt) = (0, 0);
    for round in 0..400 {
        let mut bytes = original.to_vec();
        // One to three damaged bytes per round.
        for _ in 0..=(round % 3) {
            let at = next() as usize % bytes.len();
            bytes[at] ^= 1 << (next() % 8);
        }
        match assert_no_fresh(&String::from_utf8_lossy(&bytes), &format!("round {round}")) {
            Decoded::Loaded { .. } => loaded += 1,
            _ => corrupt += 1,
        }
    }
    // Both kinds occur: damage inside a text answer still loads.
    assert!(
        loaded > 0 && corrupt > 0,
        "{loaded} loaded, {corrupt} corrupt"
    );
}

#[test]
fn odd_inputs_never_panic() {
    let deep = "[".repeat(100_000);
    let long_number = format!("{{\"app\":\"mend\",\"schema\":1{}}}", "0".repeat(5000));
    for text in [
        deep.as_str(),
        long_number.as_str(),
        "\0",
        "{\"app\":\"mend\",\"schema\":1e400}",
        "{\"app\":\"mend\",\"schema\":1,\"revision\":18446744073709551616}",
        "\u{fffd}\u{fffd}",
    ] {
        assert_no_fresh(text, &text.chars().take(40).collect::<String>());
    }
}
