//! Typed ids for the things a guide names, so a question id can never be passed where a guide id is meant.

use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        // Transparent so stored answers read `"q1"`, not `{"0":"q1"}`.
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(id: &str) -> Self {
                Self(id.to_owned())
            }
        }
    };
}

id_type!(
    /// Names a guide across the whole library (and in stored entries).
    GuideId
);
id_type!(
    /// Names a step (one screen) within a guide.
    StepId
);
id_type!(
    /// Names a question within a guide; answers are stored under it.
    QuestionId
);
id_type!(
    /// Names an option of a choice question or an item of a checklist.
    OptionId
);
id_type!(
    /// Names a scoring dimension within a guide.
    DimensionId
);
id_type!(
    /// Names a flag such as `safety`, which other parts of the app look for.
    FlagId
);
id_type!(
    /// Names one stored entry (one go at a guide).
    EntryId
);

/// Whether `id` is usable as an id in content: ids end up in stored answers
/// and in URLs for years, so they stay plain.
pub(crate) fn is_well_formed(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}
