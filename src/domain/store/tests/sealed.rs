//! Sealed documents: the header stays readable, so tabs keep in step without
//! the key, and the contents are read like open data once the box is opened.

use super::{current_fixture, loaded, stamp};
use crate::domain::sealed::{
    KdfParams, Sealed, CHECK_PLAINTEXT, CIPHER, FORMAT, IV_BYTES, TAG_BYTES,
};
use crate::domain::store::{
    before_write, copy_fits, decode, document_aad, document_plaintext, encode_sealed,
    on_storage_event, open_data, Corruption, Decoded, Document, StorageChange, WriteDecision,
    CURRENT_SCHEMA, DOCUMENT_KEY,
};

/// A box as the browser would write it; its bytes are not real ciphertext,
/// which these tests never need (opening happens in the browser tests).
pub(super) fn sealed() -> Sealed {
    Sealed {
        format: FORMAT,
        cipher: CIPHER.into(),
        kdf: KdfParams::new(vec![9; 16]),
        check_iv: vec![1; IV_BYTES],
        check: vec![2; CHECK_PLAINTEXT.len() + TAG_BYTES],
        iv: vec![3; IV_BYTES],
        data: vec![4; 64],
    }
}

#[test]
fn a_sealed_document_keeps_its_stamp_readable_and_nothing_else() {
    let text = encode_sealed(&sealed(), &stamp(4));
    let fields: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        fields.get("data"),
        None,
        "no open data beside the box: {text}"
    );
    assert_eq!(fields["revision"], 4);
    assert_eq!(
        decode(Some(&text)),
        Decoded::Sealed {
            sealed: sealed(),
            stamp: stamp(4),
            schema: CURRENT_SCHEMA
        }
    );
}

#[test]
fn the_box_is_bound_to_its_header() {
    assert_ne!(
        document_aad(CURRENT_SCHEMA, &stamp(4)),
        document_aad(CURRENT_SCHEMA, &stamp(5)),
        "an old box under a new header must fail to open"
    );
}

#[test]
fn a_tab_with_the_key_writes_over_its_own_sealed_copy_and_opens_anyone_elses() {
    let text = encode_sealed(&sealed(), &stamp(4));
    assert_eq!(
        before_write(Some(&stamp(4)), Some(&text)),
        WriteDecision::Write { next_revision: 5 }
    );
    assert_eq!(
        before_write(Some(&stamp(3)), Some(&text)),
        WriteDecision::SealedConflict {
            sealed: sealed(),
            stamp: stamp(4),
            schema: CURRENT_SCHEMA
        }
    );
    assert_eq!(
        on_storage_event(Some(DOCUMENT_KEY), Some(&text), Some(&stamp(3))),
        Some(StorageChange::SealedIncoming {
            sealed: sealed(),
            stamp: stamp(4),
            schema: CURRENT_SCHEMA
        })
    );
    // An event older than what this tab wrote itself is not taken.
    assert_eq!(
        on_storage_event(Some(DOCUMENT_KEY), Some(&text), Some(&stamp(6))),
        None
    );
}

#[test]
fn opened_contents_read_like_open_data() {
    let (document, _) = loaded(current_fixture());
    let plaintext = document_plaintext(&document);
    assert_eq!(
        open_data(CURRENT_SCHEMA, plaintext.as_bytes()),
        Ok(document)
    );
    assert_eq!(
        open_data(CURRENT_SCHEMA, &[0xff, 0xfe]),
        Err(Corruption::SealedNotText)
    );
    assert!(matches!(
        open_data(CURRENT_SCHEMA, b"{\"profile\":1}"),
        Err(Corruption::Data { .. })
    ));
}

#[test]
fn a_box_with_weak_parameters_or_both_kinds_of_data_is_unreadable() {
    let mut weak = sealed();
    weak.kdf.iterations = 10;
    let text = encode_sealed(&weak, &stamp(1));
    assert!(matches!(
        decode(Some(&text)),
        Decoded::Corrupt {
            reason: Corruption::Sealed(_)
        }
    ));

    let both =
        encode_sealed(&sealed(), &stamp(1)).replace("\"sealed\":", "\"data\":{},\"sealed\":");
    assert!(matches!(
        decode(Some(&both)),
        Decoded::Corrupt {
            reason: Corruption::Envelope(_)
        }
    ));
}

/// Issue 10, defect 5: a box from a newer Mend (a format this one doesn't
/// know, perhaps with fields it has never seen) is that Mend's data, not
/// damage. An older tab must leave it alone: never set it aside as
/// unreadable and never write over it.
#[test]
fn a_box_in_a_newer_format_is_a_newer_mends_data_not_damage() {
    let mut fields: serde_json::Value =
        serde_json::from_str(&encode_sealed(&sealed(), &stamp(4))).unwrap();
    fields["sealed"]["format"] = (FORMAT + 1).into();
    fields["sealed"]["kem"] = "a field this Mend has never seen".into();
    let text = fields.to_string();
    assert_eq!(
        decode(Some(&text)),
        Decoded::Newer {
            schema: CURRENT_SCHEMA
        }
    );
    assert_eq!(
        before_write(Some(&stamp(3)), Some(&text)),
        WriteDecision::Newer {
            schema: CURRENT_SCHEMA
        }
    );
    assert_eq!(
        on_storage_event(Some(DOCUMENT_KEY), Some(&text), Some(&stamp(3))),
        Some(StorageChange::Newer {
            schema: CURRENT_SCHEMA
        })
    );
}

// ---------------------------------------------------------------- copy_fits

/// A stand-in key: whether it "made" a box is all `copy_fits` asks.
struct FakeKey(bool);

fn made(key: &FakeKey, _: &Sealed) -> bool {
    key.0
}

#[test]
fn an_open_undo_copy_is_never_written_beside_sealed_data() {
    let sealed_text = encode_sealed(&sealed(), &stamp(4));
    // A tab that has not yet heard that another tab set a passphrase.
    assert!(!copy_fits::<FakeKey>(
        Some(&stamp(3)),
        Some(&sealed_text),
        None,
        made
    ));
    assert!(copy_fits(
        Some(&stamp(4)),
        Some(&sealed_text),
        Some(&FakeKey(true)),
        made
    ));
}

#[test]
fn an_undo_copy_is_not_sealed_with_a_passphrase_the_data_no_longer_uses() {
    let sealed_text = encode_sealed(&sealed(), &stamp(4));
    assert!(!copy_fits(
        Some(&stamp(4)),
        Some(&sealed_text),
        Some(&FakeKey(false)),
        made
    ));
    let open_text = crate::domain::store::encode(&Document::default(), &stamp(5));
    // The passphrase was removed elsewhere.
    assert!(!copy_fits(
        Some(&stamp(4)),
        Some(&open_text),
        Some(&FakeKey(true)),
        made
    ));
    assert!(copy_fits::<FakeKey>(
        Some(&stamp(4)),
        Some(&open_text),
        None,
        made
    ));
}

#[test]
fn an_undo_copy_does_not_bring_back_what_another_tab_erased() {
    assert!(!copy_fits::<FakeKey>(Some(&stamp(4)), None, None, made));
    // Nothing was ever stored here: importing into an empty Mend keeps an
    // (empty) copy to undo to.
    assert!(copy_fits::<FakeKey>(None, None, None, made));
}
