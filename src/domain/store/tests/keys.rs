//! Storage keys: all under `mend.`, and recovered copies never overwrite each other.

use crate::domain::store::{
    is_mend_key, is_recovery_key, recovery_key, DOCUMENT_KEY, KEY_PREFIX, RECOVERY_KEY_PREFIX,
};

#[test]
fn every_key_is_under_the_mend_prefix() {
    assert_eq!(KEY_PREFIX, "mend.");
    assert_eq!(DOCUMENT_KEY, "mend.document");
    for key in [DOCUMENT_KEY, RECOVERY_KEY_PREFIX, &recovery_key("x")] {
        assert!(is_mend_key(key), "{key}");
    }
    assert!(!is_mend_key("theme"));
    assert!(!is_mend_key("mendocino"));
}

#[test]
fn a_recovered_copy_is_named_by_its_text() {
    let key = recovery_key("{\"app\":\"mend\",");
    assert!(is_recovery_key(&key));
    assert!(!is_recovery_key(DOCUMENT_KEY));
    assert_eq!(key.len(), RECOVERY_KEY_PREFIX.len() + 16);
    // The same text always gets the same key, so copying it twice is harmless.
    assert_eq!(key, recovery_key("{\"app\":\"mend\","));
    // Fixed forever: a copy made by an older Mend is found by a newer one.
    assert_eq!(recovery_key(""), "mend.recovered.cbf29ce484222325");
    assert_eq!(recovery_key("a"), "mend.recovered.af63dc4c8601ec8c");
}

#[test]
fn different_texts_never_share_a_recovery_key() {
    let texts: Vec<String> = (0..2000).map(|n| format!("{{\"broken\":{n}")).collect();
    let mut keys: Vec<String> = texts.iter().map(|t| recovery_key(t)).collect();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), texts.len());
}
