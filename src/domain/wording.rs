//! Who the user is writing about, which decides how guide text refers to them.

use std::cell::Cell;

use serde::{Deserialize, Serialize};

thread_local! {
    /// Whether guide text speaks Spanish. This file is also compiled into
    /// build.rs (to validate guides), which cannot see the message
    /// catalogs, so these few words keep both languages here; the app sets
    /// it whenever it shows a language (`crate::i18n::show`).
    static SPANISH: Cell<bool> = const { Cell::new(false) };
}

/// Guide text from now on speaks Spanish (`es`) or English (anything else).
pub fn speak(language_code: &str) {
    SPANISH.set(language_code == "es");
}

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
        if SPANISH.get() {
            // Words that need no article and agree with no gender.
            return match self {
                Self::Partner => "pareja",
                Self::Friend => "amistad",
                Self::FamilyMember => "familiar",
                Self::Coworker => "colega",
                Self::Unspecified => "otra persona",
            };
        }
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
        if SPANISH.get() {
            // Read well after "de", "a", "con" and at a sentence's start,
            // as guide text writes `{name}` (content/FORMAT.md).
            return match self {
                Self::Partner => "tu pareja",
                Self::Friend => "tu amigo o amiga",
                Self::FamilyMember => "tu familiar",
                Self::Coworker => "tu compañero o compañera de trabajo",
                Self::Unspecified => "la otra persona",
            };
        }
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
        if SPANISH.get() {
            // All feminine, as Spanish guide text assumes.
            return match self {
                Self::Friend => "amistad",
                Self::Coworker => "relación de trabajo",
                Self::Partner | Self::FamilyMember | Self::Unspecified => "relación",
            };
        }
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod spanish_tests {
    use super::*;

    #[test]
    fn in_spanish_the_other_person_is_named_with_no_article_to_agree_with() {
        let wording = Wording {
            relationship: RelationshipKind::Friend,
            name: None,
        };
        speak("es");
        let (reference, start, bond) = (
            wording.reference(),
            wording.reference_capitalised(),
            RelationshipKind::Coworker.bond(),
        );
        speak("en");
        assert_eq!(reference, "tu amigo o amiga");
        assert_eq!(start, "Tu amigo o amiga");
        assert_eq!(bond, "relación de trabajo");
        assert_eq!(wording.reference(), "your friend", "English again after");
        let named = Wording {
            relationship: RelationshipKind::Partner,
            name: Some("Ana".into()),
        };
        speak("es");
        let name = named.reference();
        speak("en");
        assert_eq!(name, "Ana", "a given name is never translated");
    }
}
