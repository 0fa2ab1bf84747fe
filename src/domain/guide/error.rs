//! Problems found in content files, worded so a counsellor can find and fix each one.

use crate::domain::ids::{DimensionId, FlagId, GuideId, QuestionId, StepId};
use std::fmt;

/// One problem in one content file.
///
/// Displays as `file: guide `g`, question `q`: what is wrong`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    /// `None` when the file could not be read as a guide at all.
    pub guide: Option<GuideId>,
    pub place: Option<Place>,
    pub problem: String,
}

/// The part of a guide a problem is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    Step(StepId),
    Question(QuestionId),
    Dimension(DimensionId),
    Flag(FlagId),
    Gate(FlagId),
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(guide) = &self.guide {
            write!(f, ": guide `{guide}`")?;
        }
        match &self.place {
            Some(Place::Step(id)) => write!(f, ", step `{id}`")?,
            Some(Place::Question(id)) => write!(f, ", question `{id}`")?,
            Some(Place::Dimension(id)) => write!(f, ", dimension `{id}`")?,
            Some(Place::Flag(id)) => write!(f, ", flag `{id}`")?,
            Some(Place::Gate(id)) => write!(f, ", gate `{id}`")?,
            None => {}
        }
        write!(f, ": {}", self.problem)
    }
}

impl std::error::Error for ContentError {}

/// Every problem found in the content, in file order; one per line when displayed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentErrors(pub Vec<ContentError>);

impl ContentErrors {
    /// Each problem as its display line, for tests and build output.
    pub fn lines(&self) -> Vec<String> {
        self.0.iter().map(ToString::to_string).collect()
    }
}

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ContentErrors {}
