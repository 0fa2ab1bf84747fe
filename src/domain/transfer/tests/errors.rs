//! One test per way an import can fail, each with a realistic file.

use super::*;
use serde_json::json;

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_parsed() {
    // A valid export padded past the limit: parsing would accept it.
    let mut padded = plain_export().into_bytes();
    padded.resize(MAX_IMPORT_BYTES + 1, b' ');
    assert_eq!(refused(&padded), ImportError::TooLarge);
    // Exactly at the limit is still read.
    padded.truncate(MAX_IMPORT_BYTES);
    assert_eq!(imported(&padded).document, fixture_document());
    // Never parsed: a huge file of garbage gives the same answer.
    assert_eq!(
        refused(vec![0xff; MAX_IMPORT_BYTES + 1]),
        ImportError::TooLarge
    );
    assert!(ImportError::TooLarge.message().contains("5 MB"));
}

#[test]
fn an_empty_file_is_refused() {
    assert_eq!(refused(b""), ImportError::Empty);
    assert_eq!(refused(" \r\n\t"), ImportError::Empty);
    assert_eq!(refused("\u{feff}"), ImportError::Empty);
}

#[test]
fn a_picture_is_not_text() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0";
    assert_eq!(refused(png), ImportError::NotText);
    // Latin-1 text saved by an old editor: "Zoë" as one byte.
    assert_eq!(
        refused(b"{\"app\":\"mend\",\"name\":\"Zo\xeb\"}"),
        ImportError::NotText
    );
}

#[test]
fn other_files_are_not_mend_exports() {
    for text in [
        r#"{"name":"x"}"#,
        r#"{"app":"other","kind":"export","format":1}"#,
        r#"{"app":"Mend"}"#,
        "[1, 2, 3]",
        "\"mend\"",
        "name,date\nSam,2026-11-22\n",
        "<!doctype html><title>Mend</title>",
        // Cut off, but not a Mend file: still not ours.
        r#"{"name":"x","list":[1,2"#,
    ] {
        assert_eq!(refused(text), ImportError::NotMend, "{text}");
    }
    // Mend's marker but a kind of file Mend does not write.
    let backup = edited(&plain_export(), |fields| {
        fields.insert("kind".into(), "backup".into());
    });
    assert_eq!(refused(backup), ImportError::NotMend);
}

#[test]
fn a_cut_off_export_is_truncated_wherever_it_was_cut() {
    let marker_end = plain_export().find("\"mend\"").unwrap() + "\"mend\"".len();
    for file in [plain_export(), sealed_export(), STORED.to_owned()] {
        let bytes = file.trim_end().as_bytes();
        let start = file.find("\"mend\"").unwrap() + "\"mend\"".len();
        for cut in start..bytes.len() {
            // Cuts inside "Zoë" or an emoji leave half a character.
            let error = read_import(&bytes[..cut]).expect_err("a cut file is refused");
            assert_eq!(error, ImportError::Truncated, "cut at {cut}");
        }
    }
    // Before the marker is complete, nothing says it was Mend's.
    let early = &plain_export()[..marker_end - 2];
    assert_eq!(refused(early), ImportError::NotMend);
    assert_fit_for_users(ImportError::Truncated);
}

#[test]
fn an_answer_edited_by_hand_is_tampered() {
    let export = plain_export();
    let changed = export.replace("Made tea without being asked", "Made tea, as asked");
    assert_ne!(changed, export);
    assert_eq!(refused(changed), ImportError::Tampered(Damage::Checksum));
    // A changed score, with the digits in place.
    let changed = export.replacen("\"value\": 3", "\"value\": 9", 1);
    assert_ne!(changed, export);
    assert_eq!(refused(changed), ImportError::Tampered(Damage::Checksum));
}

#[test]
fn a_missing_or_malformed_checksum_is_tampered() {
    let export = plain_export();
    let without = edited(&export, |fields| {
        fields.remove("checksum");
    });
    assert_eq!(refused(without), ImportError::Tampered(Damage::Header));
    let checksum = export
        .split("\"checksum\": \"fnv1a64:")
        .nth(1)
        .and_then(|rest| rest.get(..16))
        .expect("the export has a checksum");
    let upper = export.replace(checksum, &checksum.to_uppercase());
    assert_ne!(upper, export);
    assert_eq!(refused(upper), ImportError::Tampered(Damage::Checksum));
}

#[test]
fn fields_of_the_wrong_type_are_tampered() {
    let export = plain_export();
    for (field, value) in [
        ("created_at", json!(5)),
        ("schema", json!("1")),
        ("format", json!("1")),
        ("format", json!(0)),
        ("checksum", json!(null)),
        ("extra", json!(true)),
    ] {
        let file = edited(&export, |fields| {
            fields.insert(field.into(), value);
        });
        assert_eq!(
            refused(file),
            ImportError::Tampered(Damage::Header),
            "{field}"
        );
    }
    // The stored format: a revision that is not a number.
    let stored = STORED.replace("\"revision\": 42", "\"revision\": \"42\"");
    assert_ne!(stored, STORED);
    assert_eq!(refused(stored), ImportError::Tampered(Damage::Header));
}

#[test]
fn data_that_does_not_fit_the_document_is_tampered_even_with_a_good_checksum() {
    let export = plain_export();
    let mut data: Value = serde_json::from_str::<Value>(&export).unwrap()["data"].clone();
    data["entries"][0]["started_on"] = json!("2026-02-30");
    assert_eq!(
        refused(with_data(&export, data)),
        ImportError::Tampered(Damage::Data)
    );
    let unknown_field = json!({"profile": {"wording": {"relationship": "partner"}},
                               "entries": [], "settings": {}});
    assert_eq!(
        refused(with_data(&export, unknown_field)),
        ImportError::Tampered(Damage::Data)
    );
    // The same in the stored format (no checksum there).
    let stored = STORED.replace("\"2026-10-04\"", "\"2026-13-04\"");
    assert_eq!(refused(stored), ImportError::Tampered(Damage::Data));
}

#[test]
fn broken_json_in_a_mend_file_is_tampered() {
    let export = plain_export();
    let broken = export.replacen("\"guide\":", "\"guide\" ", 1);
    assert_eq!(refused(broken), ImportError::Tampered(Damage::Syntax));
    // Two exports pasted into one file.
    let twice = format!("{export}\n{export}");
    assert_eq!(refused(twice), ImportError::Tampered(Damage::Syntax));
}

#[test]
fn files_from_a_newer_mend_ask_for_an_update() {
    let export = plain_export();
    let schema_99 = with_data(
        &edited(&export, |fields| {
            fields.insert("schema".into(), 99.into());
        }),
        json!({"something": "new"}),
    );
    assert_eq!(
        refused(schema_99),
        ImportError::Newer {
            what: "schema",
            version: 99
        }
    );
    let format_2 = edited(&export, |fields| {
        fields.insert("format".into(), 2.into());
        fields.insert("payload".into(), "a new layout".into());
    });
    assert_eq!(
        refused(format_2),
        ImportError::Newer {
            what: "export format",
            version: 2
        }
    );
    let stored_99 = STORED.replace("\"schema\": 1", "\"schema\": 99");
    assert_eq!(
        refused(stored_99),
        ImportError::Newer {
            what: "schema",
            version: 99
        }
    );
    let mut value: Value = serde_json::from_str(&sealed_export()).unwrap();
    value["sealed"] = json!({"format": 2, "cipher": "something new"});
    assert_eq!(
        refused(value.to_string()),
        ImportError::Newer {
            what: "sealed box format",
            version: 2
        }
    );
}

#[test]
fn a_box_mend_will_not_try_is_a_bad_seal() {
    let weak = Sealed {
        kdf: KdfParams {
            iterations: 1000,
            ..KdfParams::new(vec![7; SALT_BYTES])
        },
        ..sample_box()
    };
    assert_eq!(
        refused(export_sealed(&weak, CREATED_AT)),
        ImportError::BadSeal
    );
    let short_iv = Sealed {
        iv: vec![3; 4],
        ..sample_box()
    };
    assert_eq!(
        refused(export_sealed(&short_iv, CREATED_AT)),
        ImportError::BadSeal
    );
    let export = sealed_export();
    let not_base64 = export.replacen("\"AwMDAwMDAwMDAwMD\"", "\"not base64!\"", 1);
    assert_ne!(not_base64, export);
    assert_eq!(refused(not_base64), ImportError::BadSeal);
    let mut value: Value = serde_json::from_str(&export).unwrap();
    value["sealed"] = json!("a string");
    assert_eq!(refused(value.to_string()), ImportError::BadSeal);
    // The header around a good box is checked like any other.
    value["sealed"] = serde_json::to_value(sample_box()).unwrap();
    value["created_at"] = json!(null);
    assert_eq!(
        refused(value.to_string()),
        ImportError::Tampered(Damage::Header)
    );
}

#[test]
fn a_stored_document_sealed_with_the_passphrase_is_not_an_export() {
    let stored = json!({
        "app": "mend", "schema": 1, "revision": 3,
        "saved_at": "2026-11-22T10:00:00.000Z",
        "sealed": serde_json::to_value(sample_box()).unwrap(),
    });
    assert_eq!(refused(stored.to_string()), ImportError::NotMend);
}

#[test]
fn an_opened_box_must_hold_a_plain_export() {
    let refuse = |bytes: &[u8]| {
        let error = read_unsealed(bytes).expect_err("refused");
        assert_fit_for_users(error);
        error
    };
    assert_eq!(
        refuse(sealed_export().as_bytes()),
        ImportError::Tampered(Damage::Contents)
    );
    assert_eq!(
        refuse(STORED.as_bytes()),
        ImportError::Tampered(Damage::Contents)
    );
    let edited = plain_export().replace("Made tea", "Made coffee");
    assert_eq!(
        refuse(edited.as_bytes()),
        ImportError::Tampered(Damage::Checksum)
    );
    assert_eq!(refuse(&[0xff, 0xfe, 0x00]), ImportError::NotText);
    assert_eq!(refuse(b""), ImportError::Empty);
}

#[test]
fn the_browser_decided_errors_have_their_messages_here() {
    for error in [ImportError::WrongPassphrase, ImportError::SealedTampered] {
        assert_fit_for_users(error);
    }
    assert!(ImportError::WrongPassphrase
        .message()
        .contains("passphrase that was set in Mend"));
    assert_ne!(
        ImportError::SealedTampered.message(),
        ImportError::Tampered(Damage::Checksum).message()
    );
}

#[test]
fn every_error_has_a_message_fit_for_users() {
    let all = [
        ImportError::TooLarge,
        ImportError::Empty,
        ImportError::NotText,
        ImportError::NotMend,
        ImportError::Truncated,
        ImportError::Tampered(Damage::Syntax),
        ImportError::Tampered(Damage::Header),
        ImportError::Tampered(Damage::Checksum),
        ImportError::Tampered(Damage::Data),
        ImportError::Tampered(Damage::Contents),
        ImportError::Newer {
            what: "schema",
            version: 99,
        },
        ImportError::BadSeal,
        ImportError::WrongPassphrase,
        ImportError::SealedTampered,
    ];
    for error in all {
        assert_fit_for_users(error);
    }
}
