//! Guide text with `{name}`-style placeholders, checked when content is loaded and filled in per user.

use crate::domain::wording::{capitalise, Wording};

/// A piece of guide text whose placeholders are all known.
///
/// Only made by [`Template::parse`], so rendering can never meet an unknown
/// placeholder. The output is plain text: the UI must never render it as HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    source: String,
    pieces: Vec<Piece>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Literal(String),
    Slot(Placeholder),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Placeholder {
    Name,
    NameCapitalised,
    Kind,
    KindCapitalised,
    Relationship,
    RelationshipCapitalised,
}

/// Why a piece of text cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TemplateError {
    #[error("is empty")]
    Empty,
    #[error(
        "uses the unknown placeholder `{{{0}}}`; the placeholders are {{name}}, {{Name}}, \
         {{kind}}, {{Kind}}, {{relationship}} and {{Relationship}}"
    )]
    UnknownPlaceholder(String),
    #[error("has a `{{` with no matching `}}`; write `{{{{` for a literal brace")]
    Unclosed,
    #[error("has a `}}` with no matching `{{`; write `}}}}` for a literal brace")]
    Unopened,
}

impl Template {
    /// Checks `source` and splits it into text and placeholders.
    /// Blank text is refused: an empty label or question would ship silently.
    pub fn parse(source: &str) -> Result<Self, TemplateError> {
        if source.trim().is_empty() {
            return Err(TemplateError::Empty);
        }
        let mut pieces = Vec::new();
        let mut literal = String::new();
        let mut chars = source.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    literal.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    literal.push('}');
                }
                '}' => return Err(TemplateError::Unopened),
                '{' => {
                    let mut word = String::new();
                    loop {
                        match chars.next() {
                            Some('}') => break,
                            Some('{') | None => return Err(TemplateError::Unclosed),
                            Some(c) => word.push(c),
                        }
                    }
                    let slot = Placeholder::from_word(&word)
                        .ok_or(TemplateError::UnknownPlaceholder(word))?;
                    if !literal.is_empty() {
                        pieces.push(Piece::Literal(std::mem::take(&mut literal)));
                    }
                    pieces.push(Piece::Slot(slot));
                }
                c => literal.push(c),
            }
        }
        if !literal.is_empty() {
            pieces.push(Piece::Literal(literal));
        }
        Ok(Self {
            source: source.to_owned(),
            pieces,
        })
    }

    /// Stands in for text that failed to parse, so validation can go on
    /// collecting problems; a guide holding one is never handed out.
    pub(super) fn broken() -> Self {
        Self {
            source: String::new(),
            pieces: Vec::new(),
        }
    }

    /// The text with every placeholder filled in for this user.
    pub fn render(&self, wording: &Wording) -> String {
        let mut out = String::with_capacity(self.source.len());
        for piece in &self.pieces {
            match piece {
                Piece::Literal(text) => out.push_str(text),
                Piece::Slot(slot) => out.push_str(&slot.fill(wording)),
            }
        }
        out
    }

    /// A guide outline's stand-in for words that live in the guide's own
    /// file (see `Guide::outline`): it renders as nothing.
    pub(super) fn left_out() -> Self {
        Self::broken()
    }

    /// The text as the counsellor wrote it, placeholders and all.
    pub fn source(&self) -> &str {
        &self.source
    }
}

impl Placeholder {
    fn from_word(word: &str) -> Option<Self> {
        Some(match word {
            "name" => Self::Name,
            "Name" => Self::NameCapitalised,
            "kind" => Self::Kind,
            "Kind" => Self::KindCapitalised,
            "relationship" => Self::Relationship,
            "Relationship" => Self::RelationshipCapitalised,
            _ => return None,
        })
    }

    fn fill(self, wording: &Wording) -> String {
        let kind = wording.relationship;
        match self {
            Self::Name => wording.reference(),
            Self::NameCapitalised => wording.reference_capitalised(),
            Self::Kind => kind.person().to_owned(),
            Self::KindCapitalised => capitalise(kind.person()),
            Self::Relationship => kind.bond().to_owned(),
            Self::RelationshipCapitalised => capitalise(kind.bond()),
        }
    }
}

/// Guides travel as JSON in their validated form (the build writes them, see
/// build.rs): a template is its source text and is parsed again on arrival,
/// so a rendered placeholder is always one Mend knows. Empty text is the
/// outline's "words left out" and nothing else.
impl serde::Serialize for Template {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.source)
    }
}

impl<'de> serde::Deserialize<'de> for Template {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let source = String::deserialize(deserializer)?;
        if source.is_empty() {
            return Ok(Self::left_out());
        }
        Self::parse(&source).map_err(serde::de::Error::custom)
    }
}
