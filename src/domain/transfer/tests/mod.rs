//! Native tests of export files: round trips, one test per way a file can
//! fail, the summary, and a deterministic fuzz run.

mod errors;
mod fuzz;
mod summary;

use super::*;
use crate::domain::sealed::{KdfParams, CHECK_PLAINTEXT, IV_BYTES, SALT_BYTES, TAG_BYTES};
use crate::domain::store::{decode, Decoded};

/// What schema 1 really stored (the store's own fixture).
const STORED: &str = include_str!("../../store/fixtures/schema-1.json");
/// What export format 1 with schema 1 really wrote: [`STORED`]'s document
/// exported at [`CREATED_AT`]. Never edit it; add a new fixture when the
/// format or the schema changes.
const EXPORT_1: &str = include_str!("../fixtures/export-1.json");
const CREATED_AT: &str = "2026-11-22T10:15:00.000Z";

/// Things the user wrote in the fixtures; no message may ever contain them.
const USER_TEXT: &[&str] = &["Zoë", "Dani", "work trip", "stomach", "Made tea", "2026"];

fn fixture_document() -> Document {
    match decode(Some(STORED)) {
        Decoded::Loaded { document, .. } => document,
        other => panic!("the store fixture does not load: {other:?}"),
    }
}

fn plain_export() -> String {
    export_plain(&fixture_document(), CREATED_AT)
}

/// A box that passes `validate` (the bytes are not real ciphertext: the
/// crypto happens in the browser).
fn sample_box() -> Sealed {
    Sealed {
        format: crate::domain::sealed::FORMAT,
        cipher: crate::domain::sealed::CIPHER.into(),
        kdf: KdfParams::new(vec![7; SALT_BYTES]),
        check_iv: vec![1; IV_BYTES],
        check: vec![2; CHECK_PLAINTEXT.len() + TAG_BYTES],
        iv: vec![3; IV_BYTES],
        data: vec![4; 64],
    }
}

fn sealed_export() -> String {
    export_sealed(&sample_box(), CREATED_AT)
}

/// The import in `bytes`, which must be plain and valid.
fn imported(bytes: impl AsRef<[u8]>) -> Import {
    match read_import(bytes.as_ref()) {
        Ok(ImportFile::Plain(import)) => import,
        Ok(ImportFile::Sealed { .. }) => panic!("expected a plain import, got a sealed one"),
        Err(error) => panic!("expected a plain import, got {error:?}"),
    }
}

/// The error `bytes` gives, checked to be fit for the user.
fn refused(bytes: impl AsRef<[u8]>) -> ImportError {
    let error = match read_import(bytes.as_ref()) {
        Ok(_) => panic!("expected an error, the file was accepted"),
        Err(error) => error,
    };
    assert_fit_for_users(error);
    error
}

/// One or two plain sentences, no jargon, nothing from the file.
fn assert_fit_for_users(error: ImportError) {
    let message = error.message();
    assert!(message.len() > 30, "{error:?}: {message:?}");
    assert!(message.ends_with('.'), "{error:?}: {message:?}");
    assert!(message.matches(". ").count() <= 1, "{error:?}: {message:?}");
    for word in ["JSON", "checksum", "schema", "UTF", "format", "{", "\""] {
        assert!(!message.contains(word), "{error:?} says {word:?}");
    }
    let console = error.to_string();
    for text in USER_TEXT {
        assert!(!message.contains(text), "{error:?} quotes {text:?}");
        assert!(!console.contains(text), "{error:?} logs {text:?}");
    }
}

/// `export` (a plain export's text) with its JSON changed by `edit`.
fn edited(export: &str, edit: impl FnOnce(&mut serde_json::Map<String, Value>)) -> String {
    let mut value: Value = serde_json::from_str(export).expect("an export is JSON");
    edit(value.as_object_mut().expect("an export is an object"));
    serde_json::to_string_pretty(&value).expect("JSON serializes")
}

/// Replaces `data` and sets a checksum that matches it, as a careful forger
/// or a newer Mend would.
fn with_data(export: &str, data: Value) -> String {
    edited(export, |fields| {
        fields.insert("checksum".into(), checksum(&data).into());
        fields.insert("data".into(), data);
    })
}

#[test]
fn a_plain_export_imports_as_the_same_document() {
    let document = fixture_document();
    let import = imported(export_plain(&document, CREATED_AT));
    assert_eq!(import.document, document);
    assert_eq!(import.created_at.as_deref(), Some(CREATED_AT));
    assert_eq!(import.schema, CURRENT_SCHEMA);
}

#[test]
fn an_empty_document_round_trips() {
    let import = imported(export_plain(&Document::default(), CREATED_AT));
    assert_eq!(import.document, Document::default());
}

#[test]
fn the_format_1_fixture_still_imports() {
    let import = imported(EXPORT_1);
    assert_eq!(import.document, fixture_document());
    assert_eq!(import.schema, 1);
    assert_eq!(import.created_at.as_deref(), Some(CREATED_AT));
}

#[test]
fn export_writes_the_format_1_fixture_exactly() {
    // Holds while this Mend writes schema 1; once the schema rises, add a
    // fixture for the new one and compare with that instead.
    if CURRENT_SCHEMA == 1 {
        assert_eq!(plain_export(), EXPORT_1.trim_end());
    }
    let value: Value = serde_json::from_str(EXPORT_1).unwrap();
    let keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "app",
            "checksum",
            "created_at",
            "data",
            "format",
            "kind",
            "schema"
        ]
    );
    assert!(EXPORT_1.starts_with("{\n  \"app\": \"mend\",\n  \"kind\": \"export\","));
}

#[test]
fn a_stored_document_imports_with_its_save_time() {
    let import = imported(STORED);
    assert_eq!(import.document, fixture_document());
    assert_eq!(
        import.created_at.as_deref(),
        Some("2026-11-08T21:47:12.345Z")
    );
    assert_eq!(import.schema, 1);
    // Exactly what the store writes today, too.
    let stamp = crate::domain::store::Stamp::new(3, "2026-11-22T10:00:00.000Z");
    let text = crate::domain::store::encode(&fixture_document(), &stamp);
    assert_eq!(imported(text).document, fixture_document());
}

#[test]
fn a_sealed_export_gives_its_box_and_time_to_open() {
    match read_import(sealed_export().as_bytes()) {
        Ok(ImportFile::Sealed { sealed, created_at }) => {
            assert_eq!(sealed, sample_box());
            assert_eq!(created_at, CREATED_AT);
        }
        other => panic!("expected a sealed file, got {other:?}"),
    }
}

#[test]
fn an_opened_box_holding_a_plain_export_imports() {
    let import = read_unsealed(plain_export().as_bytes()).expect("a plain export");
    assert_eq!(import.document, fixture_document());
    assert_eq!(import.created_at.as_deref(), Some(CREATED_AT));
}

#[test]
fn layout_and_key_order_do_not_matter() {
    // Compact, keys sorted everywhere: the data is the same, so is the checksum.
    let value: Value = serde_json::from_str(&plain_export()).unwrap();
    let compact = serde_json::to_string(&value).unwrap();
    assert_eq!(imported(&compact).document, fixture_document());
    // Spread out, with a byte-order mark as some editors add.
    let spread = format!(
        "\u{feff}\n\n{}\r\n",
        plain_export().replace('\n', "\r\n   ")
    );
    assert_eq!(imported(spread).document, fixture_document());
}

#[test]
fn serde_json_keeps_object_keys_sorted() {
    // The checksum relies on it: if serde_json's `preserve_order` feature is
    // ever enabled, reordered keys would read as tampered.
    let value: Value = serde_json::from_str(r#"{"b":1,"a":{"d":2,"c":3}}"#).unwrap();
    assert_eq!(
        serde_json::to_string(&value).unwrap(),
        r#"{"a":{"c":3,"d":2},"b":1}"#
    );
}

#[test]
fn the_checksum_is_fnv1a_64_of_the_compact_data() {
    // The published FNV-1a test vectors.
    assert_eq!(fingerprint(""), 0xcbf2_9ce4_8422_2325);
    assert_eq!(fingerprint("a"), 0xaf63_dc4c_8601_ec8c);
    assert_eq!(fingerprint("foobar"), 0x8594_4171_f739_67e8);
    let data = serde_json::json!({"b": [1, "x"], "a": null});
    assert_eq!(
        checksum(&data),
        format!("fnv1a64:{:016x}", fingerprint(r#"{"a":null,"b":[1,"x"]}"#))
    );
    let written = serde_json::from_str::<Value>(EXPORT_1).unwrap()["checksum"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(written.len(), "fnv1a64:".len() + 16);
    assert!(written["fnv1a64:".len()..]
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
}

#[test]
fn an_export_box_is_bound_to_its_time() {
    assert_eq!(
        export_aad("2026-11-22T10:15:00.000Z"),
        "mend.export:2026-11-22T10:15:00.000Z"
    );
}
