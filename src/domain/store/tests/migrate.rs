//! Upgrading older data: the chain from every schema ends at the current one.

use super::{current_fixture, FIXTURES};
use crate::domain::store::{migrate, MigrationError, CURRENT_SCHEMA};
use serde_json::Value;

#[test]
fn data_at_the_current_schema_is_left_as_it_is() {
    let envelope: Value = serde_json::from_str(current_fixture()).unwrap();
    let data = envelope["data"].clone();
    assert_eq!(migrate(CURRENT_SCHEMA, data.clone()), Ok(data));
}

#[test]
fn schema_1_migrates_to_the_current_schema() {
    // Identity while 1 is the only schema; once there are more, this is the
    // whole chain and `decode` tests check the result fits.
    let envelope: Value = serde_json::from_str(FIXTURES[0].1).unwrap();
    assert!(migrate(1, envelope["data"].clone()).is_ok());
}

#[test]
fn there_is_a_fixture_for_every_schema() {
    let schemas: Vec<u32> = FIXTURES.iter().map(|(schema, _)| *schema).collect();
    assert_eq!(schemas, (1..=CURRENT_SCHEMA).collect::<Vec<_>>());
    for (schema, text) in FIXTURES {
        let envelope: Value = serde_json::from_str(text).unwrap();
        assert_eq!(envelope["schema"], *schema, "fixture for schema {schema}");
    }
}

#[test]
fn schemas_that_do_not_exist_cannot_be_migrated() {
    assert_eq!(
        migrate(0, Value::Null),
        Err(MigrationError::UnknownSchema(0))
    );
    assert_eq!(
        migrate(CURRENT_SCHEMA + 1, Value::Null),
        Err(MigrationError::UnknownSchema(CURRENT_SCHEMA + 1))
    );
}
