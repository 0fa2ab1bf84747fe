//! Who the user is writing about, which decides how guide text refers to them.

use serde::{Deserialize, Serialize};

/// The kind of relationship the user picked during intake.
///
/// Stored as `"partner"`, `"friend"`, `"family_member"`, `"coworker"` or
/// `"unspecified"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationshipKind {
    Partner,
    Friend,
    FamilyMember,
    Coworker,
    #[default]
    Unspecified,
}

impl RelationshipKind {
    /// The noun for the other person: `{kind}`.
    pub fn person(self) -> &'static str {
        match self {
            Self::Partner => "partner",
            Self::Friend => "friend",
            Self::FamilyMember => "family member",
            Self::Coworker => "coworker",
            Self::Unspecified => "other person",
        }
    }

    /// How to refer to the other person when the user gave no name: `{name}`.
    pub fn default_reference(self) -> &'static str {
        match self {
            Self::Partner => "your partner",
            Self::Friend => "your friend",
            Self::FamilyMember => "your family member",
            Self::Coworker => "your coworker",
            Self::Unspecified => "the other person",
        }
    }

    /// The noun for the bond itself: `{relationship}`.
    pub fn bond(self) -> &'static str {
        match self {
            Self::Friend => "friendship",
            Self::Coworker => "working relationship",
            Self::Partner | Self::FamilyMember | Self::Unspecified => "relationship",
        }
    }
}

/// What guide text needs to know to speak about the other person.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Wording {
    pub relationship: RelationshipKind,
    /// The name the user gave, exactly as typed; see [`Wording::name`].
    #[serde(default)]
    pub name: Option<String>,
}

impl Wording {
    /// The given name, trimmed; a blank name counts as no name.
    pub fn name(&self) -> Option<&str> {
        self.name
            .as_deref()
            .map(str::trim)
            .filter(|name| !name.is_empty())
    }

    /// `{name}`: the given name, else "your partner", "the other person", ...
    pub fn reference(&self) -> String {
        self.name()
            .unwrap_or(self.relationship.default_reference())
            .to_owned()
    }

    /// `{Name}`: like [`Wording::reference`] but fit to start a sentence.
    /// A given name is left exactly as typed (some names start lowercase).
    pub fn reference_capitalised(&self) -> String {
        match self.name() {
            Some(name) => name.to_owned(),
            None => capitalise(self.relationship.default_reference()),
        }
    }
}

/// Upper-cases the first letter; used only on our own English defaults.
pub(crate) fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}
