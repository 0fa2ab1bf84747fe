//! The guide content file format exactly as counsellors write it (TOML, shipped as JSON); checked later by `validate`.
//!
//! Everything here deserializes the same from TOML and from JSON: only
//! strings, integers, booleans, arrays and tables, no TOML dates.

use serde::Deserialize;
use std::collections::BTreeMap;

/// One guide file.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGuide {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub intro: String,
    /// Article file names the ideas come from. Defaulted so that leaving it
    /// out gets the same friendly message as an empty list.
    #[serde(default)]
    pub sources: Vec<String>,
    #[serde(default)]
    pub recurring: bool,
    /// Whether two people may compare their answers with answer cards.
    #[serde(default)]
    pub shareable: bool,
    /// Raised when a question's meaning or options change, so an answer card
    /// made with the older guide is refused rather than misread.
    #[serde(default = "first_version")]
    pub version: u32,
    #[serde(default)]
    pub closing: Option<String>,
    #[serde(default)]
    pub steps: Vec<RawStep>,
    #[serde(default)]
    pub dimensions: Vec<RawDimension>,
    #[serde(default)]
    pub flags: Vec<RawFlag>,
    #[serde(default)]
    pub gates: Vec<RawGate>,
}

/// One screen: `[[steps]]`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    pub id: String,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub intro: Option<String>,
    #[serde(default)]
    pub show_if: Option<RawCondition>,
    #[serde(default)]
    pub questions: Vec<RawQuestion>,
}

/// `[[steps.questions]]`: the fields every kind shares, plus `kind = "..."`
/// and that kind's own fields.
///
/// Unknown fields are refused by [`RawQuestionKind`] (serde cannot refuse them
/// on a struct with a flattened field).
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct RawQuestion {
    pub id: String,
    pub text: String,
    #[serde(default)]
    pub help: Option<String>,
    /// Defaults to true, except for checklists (ticking nothing is an answer).
    #[serde(default)]
    pub required: Option<bool>,
    #[serde(default)]
    pub show_if: Option<RawCondition>,
    /// Replaces the standard message when a length or count rule fails.
    #[serde(default)]
    pub message: Option<String>,
    /// On a date question: the date is one the user set to look again, shown
    /// on Your path and in History.
    #[serde(default)]
    pub review: bool,
    /// The question only makes sense if the relationship is to be repaired
    /// ("are you willing to put in months of work?"): it is not asked while
    /// any answer in Mend shows danger.
    #[serde(default)]
    pub presumes_repair: bool,
    #[serde(flatten)]
    pub kind: RawQuestionKind,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum RawQuestionKind {
    SingleChoice {
        #[serde(default)]
        options: Vec<RawOption>,
    },
    MultipleChoice {
        #[serde(default)]
        options: Vec<RawOption>,
        #[serde(default)]
        min_choices: Option<u32>,
        #[serde(default)]
        max_choices: Option<u32>,
    },
    YesNo {
        #[serde(default)]
        yes_weights: BTreeMap<String, i32>,
        #[serde(default)]
        no_weights: BTreeMap<String, i32>,
    },
    Scale {
        min: i32,
        max: i32,
        #[serde(default)]
        step: Option<i32>,
        #[serde(default)]
        min_label: Option<String>,
        #[serde(default)]
        max_label: Option<String>,
        /// Keys are the values as text (`3 = "Sometimes"`): TOML keys are
        /// always strings.
        #[serde(default)]
        labels: BTreeMap<String, String>,
        /// Each dimension gets the chosen value times the weight.
        #[serde(default)]
        weights: BTreeMap<String, i32>,
    },
    ShortText {
        #[serde(default)]
        min_length: Option<u32>,
        #[serde(default)]
        max_length: Option<u32>,
    },
    LongText {
        #[serde(default)]
        min_length: Option<u32>,
        #[serde(default)]
        max_length: Option<u32>,
    },
    Checklist {
        #[serde(default)]
        items: Vec<RawOption>,
    },
    List {
        #[serde(default)]
        min_items: Option<u32>,
        #[serde(default)]
        max_items: Option<u32>,
    },
    /// A struct variant (not a unit) so stray fields are refused here too.
    Date {},
}

/// An option of a choice question or an item of a checklist.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    pub id: String,
    pub label: String,
    /// `{ dimension = weight }` added when this option is chosen.
    #[serde(default)]
    pub weights: BTreeMap<String, i32>,
}

/// `[[dimensions]]`: a named score with its result bands.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDimension {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub bands: Vec<RawBand>,
}

/// `[[dimensions.bands]]`: scores `from` to `to`, both included.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBand {
    pub from: i64,
    pub to: i64,
    pub title: String,
    pub text: String,
    /// Ids of guides to suggest next.
    #[serde(default)]
    pub recommend: Vec<String>,
}

/// `[[flags]]`: raised when its condition holds.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFlag {
    pub id: String,
    pub when: RawCondition,
}

/// `[[gates]]`: when its condition holds, the results show this message in
/// place of every band's interpretation, and only its recommendations.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGate {
    pub id: String,
    pub when: RawCondition,
    pub title: String,
    pub text: String,
    #[serde(default)]
    pub recommend: Vec<String>,
}

/// A show-if condition as written. In the file it is one table:
///
/// ```toml
/// show_if = { question = "q1", equals = "often" }       # option id, "yes"/"no", or a number
/// show_if = { question = "q1", any_of = ["a", "b"] }
/// show_if = { question = "q2", at_least = 3 }            # at_most too, or both
/// show_if = { answered = "q3" }
/// show_if = { all = [ {...}, {...} ] }                   # also any = [...]
/// show_if = { not = { answered = "q3" } }
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(try_from = "ConditionFields")]
pub enum RawCondition {
    Equals {
        question: String,
        value: RawValue,
    },
    AnyOf {
        question: String,
        options: Vec<String>,
    },
    /// `at_least` and/or `at_most`, both inclusive.
    Range {
        question: String,
        at_least: Option<i64>,
        at_most: Option<i64>,
    },
    Answered(String),
    All(Vec<RawCondition>),
    Any(Vec<RawCondition>),
    Not(Box<RawCondition>),
}

/// What `equals` compares with: an option id, `"yes"`/`"no"` (or `true`/`false`), or a number.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum RawValue {
    Bool(bool),
    Number(i64),
    Text(String),
}

/// The flat table a condition is written as, before we know which operator it uses.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConditionFields {
    #[serde(default)]
    question: Option<String>,
    #[serde(default)]
    equals: Option<RawValue>,
    #[serde(default)]
    any_of: Option<Vec<String>>,
    #[serde(default)]
    at_least: Option<i64>,
    #[serde(default)]
    at_most: Option<i64>,
    #[serde(default)]
    answered: Option<String>,
    #[serde(default)]
    all: Option<Vec<RawCondition>>,
    #[serde(default)]
    any: Option<Vec<RawCondition>>,
    #[serde(default)]
    not: Option<Box<RawCondition>>,
}

const ONE_OPERATOR: &str = "a condition needs exactly one of `equals`, `any_of`, \
                            `at_least`/`at_most`, `answered`, `all`, `any` or `not`";

impl TryFrom<ConditionFields> for RawCondition {
    type Error = String;

    fn try_from(f: ConditionFields) -> Result<Self, Self::Error> {
        let range = f.at_least.is_some() || f.at_most.is_some();
        let operators = [
            f.equals.is_some(),
            f.any_of.is_some(),
            range,
            f.answered.is_some(),
            f.all.is_some(),
            f.any.is_some(),
            f.not.is_some(),
        ];
        if operators.iter().filter(|&&set| set).count() != 1 {
            return Err(ONE_OPERATOR.to_owned());
        }
        let compares_one_question = f.equals.is_some() || f.any_of.is_some() || range;
        let question = match (compares_one_question, f.question) {
            (true, Some(question)) => question,
            (true, None) => return Err("this condition needs `question = \"...\"`".to_owned()),
            (false, Some(_)) => {
                return Err(
                    "`question` is only used with `equals`, `any_of`, `at_least` and `at_most`"
                        .to_owned(),
                )
            }
            (false, None) => String::new(),
        };
        Ok(if let Some(value) = f.equals {
            Self::Equals { question, value }
        } else if let Some(options) = f.any_of {
            Self::AnyOf { question, options }
        } else if range {
            Self::Range {
                question,
                at_least: f.at_least,
                at_most: f.at_most,
            }
        } else if let Some(question) = f.answered {
            Self::Answered(question)
        } else if let Some(all) = f.all {
            Self::All(all)
        } else if let Some(any) = f.any {
            Self::Any(any)
        } else if let Some(not) = f.not {
            Self::Not(not)
        } else {
            return Err(ONE_OPERATOR.to_owned());
        })
    }
}

fn first_version() -> u32 {
    1
}
