//! Copies of unreadable text: sealed ones are recognised, everything else
//! is the text exactly as found.

use super::sealed::sealed;
use crate::domain::store::{
    encode_kept_aside, kept_aside_aad, read_kept_aside, recovery_key, KeptAside,
};

#[test]
fn a_sealed_copy_reads_back_as_sealed_and_shows_no_text() {
    let text = encode_kept_aside(&sealed());
    assert_eq!(read_kept_aside(&text), KeptAside::Sealed(sealed()));
    assert!(!text.contains("I wrote"));
}

#[test]
fn anything_else_is_the_text_exactly_as_found() {
    for found in [
        "{\"app\":\"mend\",\"schema\":1,\"revision\":3,\"data\":{\"entries\":[{\"answers\": \"I wrote",
        "",
        "not json at all",
        // An envelope from a newer Mend, or with a box this one refuses.
        "{\"app\":\"mend\",\"kept_aside\":2,\"sealed\":{}}",
    ] {
        assert_eq!(read_kept_aside(found), KeptAside::Plain(found.to_owned()));
    }
    let mut bad = sealed();
    bad.kdf.iterations = 1;
    let text = encode_kept_aside(&bad);
    assert_eq!(read_kept_aside(&text), KeptAside::Plain(text.clone()));
}

#[test]
fn each_copy_is_bound_to_its_own_key() {
    let one = recovery_key("one");
    let two = recovery_key("two");
    assert_ne!(kept_aside_aad(&one), kept_aside_aad(&two));
    assert!(kept_aside_aad(&one).starts_with("mend.recovered:"));
}
