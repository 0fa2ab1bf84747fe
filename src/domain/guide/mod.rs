//! Guides: the content format, its validation, and how answers flow through a guide.

mod check;
pub mod condition;
pub mod error;
mod flow;
mod library;
pub mod model;
pub mod prose;
pub mod raw;
mod scoring;
pub mod template;
mod validate;

pub use condition::{Condition, Expected, VisibleAnswers};
pub use error::{ContentError, ContentErrors, Place};
pub use flow::{Progress, Unfinished};
pub use library::Library;
pub use model::{
    Band, ChoiceOption, Dimension, Flag, Gate, Guide, Question, QuestionKind, Scale, ScoreRange,
    Step, Weights, SHORT_TEXT_DEFAULT_MAX,
};
pub use raw::RawGuide;
pub use scoring::DimensionScore;
pub use template::{Template, TemplateError};
