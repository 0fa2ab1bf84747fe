//! Validated guides: only `validate` builds these, so every reference in them resolves.

use super::condition::Condition;
use super::template::Template;
use crate::domain::ids::{DimensionId, FlagId, GuideId, OptionId, QuestionId, StepId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Points added to dimensions, e.g. by choosing an option.
pub type Weights = BTreeMap<DimensionId, i32>;

/// A guided questionnaire.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Guide {
    pub(super) id: GuideId,
    pub(super) title: Template,
    pub(super) summary: Template,
    pub(super) intro: Template,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) sources: Vec<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(super) recurring: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(super) shareable: bool,
    pub(super) version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) closing: Option<Template>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) steps: Vec<Step>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) dimensions: Vec<Dimension>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) flags: Vec<Flag>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) gates: Vec<Gate>,
    /// Set only by [`Guide::outline`].
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(super) words_left_out: bool,
}

impl Guide {
    /// This guide as it is asked while danger holds: every question marked
    /// `presumes_repair` is hidden (a condition that never holds), so a
    /// frightened reader is not asked whether they will put in months of
    /// work. Answers already given stay stored; hidden, they count as
    /// unanswered, like any hidden question's. The validator makes sure no
    /// flag or gate looks at such a question, so safety reads the same.
    pub fn without_repair(&self) -> Guide {
        let mut guide = self.clone();
        for step in &mut guide.steps {
            for question in &mut step.questions {
                if question.presumes_repair {
                    question.show_if = Some(Condition::Any(Vec::new()));
                }
            }
        }
        guide
    }

    /// The guide without the words only its own pages show: titles and the
    /// summary stay (lists, the path, history), and so does the text of a
    /// review-date question (the home screen names it); everything that
    /// decides something (ids, kinds, conditions, weights, flags, gates,
    /// bands' ranges and recommendations) stays too. The build embeds the
    /// outlines in the app and writes each whole guide to a file of its own
    /// that its pages fetch (see `content`), so a guide's words cost nothing
    /// until it is opened.
    pub fn outline(&self) -> Guide {
        let mut guide = self.clone();
        guide.words_left_out = true;
        guide.intro = Template::left_out();
        guide.closing = None;
        for step in &mut guide.steps {
            step.title = None;
            step.intro = None;
            for question in &mut step.questions {
                if !question.review {
                    question.text = Template::left_out();
                }
                question.help = None;
                question.message = None;
                match &mut question.kind {
                    QuestionKind::SingleChoice { options }
                    | QuestionKind::MultipleChoice { options, .. }
                    | QuestionKind::Checklist { items: options } => {
                        for option in options {
                            option.label = Template::left_out();
                        }
                    }
                    QuestionKind::Scale(scale) => {
                        scale.min_label = None;
                        scale.max_label = None;
                        scale.labels.clear();
                    }
                    _ => {}
                }
            }
        }
        for dimension in &mut guide.dimensions {
            dimension.label = Template::left_out();
            dimension.description = None;
            for band in &mut dimension.bands {
                band.title = Template::left_out();
                band.text = Template::left_out();
            }
        }
        for gate in &mut guide.gates {
            gate.title = Template::left_out();
            gate.text = Template::left_out();
        }
        guide
    }

    /// Whether this is an outline (see [`Guide::outline`]): its pages must
    /// fetch the whole guide before showing it.
    pub fn is_outline(&self) -> bool {
        self.words_left_out
    }

    /// Whether any question is hidden while danger holds.
    pub fn has_repair_questions(&self) -> bool {
        self.steps
            .iter()
            .flat_map(|s| &s.questions)
            .any(|q| q.presumes_repair)
    }

    pub fn id(&self) -> &GuideId {
        &self.id
    }
    pub fn title(&self) -> &Template {
        &self.title
    }
    /// One or two sentences for the list of guides.
    pub fn summary(&self) -> &Template {
        &self.summary
    }
    /// What the guide is for, about how long it takes, that one can stop and come back.
    pub fn intro(&self) -> &Template {
        &self.intro
    }
    /// Article file names the ideas come from (never empty).
    pub fn sources(&self) -> &[String] {
        &self.sources
    }
    /// Whether each completion is kept as a dated entry (a weekly check-in).
    pub fn is_recurring(&self) -> bool {
        self.recurring
    }
    /// Whether the guide's data lets two people compare answers (Compare
    /// adds its own rules on top: see `domain::compare`).
    pub fn is_shareable(&self) -> bool {
        self.shareable
    }
    /// The guide's version, carried on answer cards.
    pub fn version(&self) -> u32 {
        self.version
    }
    /// Shown on the result page, after the scores.
    pub fn closing(&self) -> Option<&Template> {
        self.closing.as_ref()
    }
    /// All steps, shown or not; see `visible_steps` for what the user sees.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }
    pub fn step(&self, id: &StepId) -> Option<&Step> {
        self.steps.iter().find(|s| &s.id == id)
    }
    pub fn dimensions(&self) -> &[Dimension] {
        &self.dimensions
    }
    pub fn flags(&self) -> &[Flag] {
        &self.flags
    }
    /// Answers that set the scores aside (fear, harm, a decision already made).
    pub fn gates(&self) -> &[Gate] {
        &self.gates
    }
    /// Every question in guide order, with its step.
    pub fn questions(&self) -> impl Iterator<Item = (&Step, &Question)> {
        self.steps
            .iter()
            .flat_map(|step| step.questions.iter().map(move |q| (step, q)))
    }
    pub fn question(&self, id: &QuestionId) -> Option<&Question> {
        self.questions().map(|(_, q)| q).find(|q| &q.id == id)
    }
}

/// One screen: one question or a small group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub(super) id: StepId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) title: Option<Template>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) intro: Option<Template>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) show_if: Option<Condition>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) questions: Vec<Question>,
}

impl Step {
    pub fn id(&self) -> &StepId {
        &self.id
    }
    pub fn title(&self) -> Option<&Template> {
        self.title.as_ref()
    }
    pub fn intro(&self) -> Option<&Template> {
        self.intro.as_ref()
    }
    pub fn show_if(&self) -> Option<&Condition> {
        self.show_if.as_ref()
    }
    /// All questions of the step, shown or not; see `Guide::questions_shown_on`.
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    pub(super) id: QuestionId,
    pub(super) text: Template,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) help: Option<Template>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(super) required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) show_if: Option<Condition>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) message: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(super) review: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(super) presumes_repair: bool,
    pub(super) kind: QuestionKind,
}

impl Question {
    pub fn id(&self) -> &QuestionId {
        &self.id
    }
    pub fn text(&self) -> &Template {
        &self.text
    }
    pub fn help(&self) -> Option<&Template> {
        self.help.as_ref()
    }
    /// Whether the guide counts as complete only once this is answered.
    pub fn is_required(&self) -> bool {
        self.required
    }
    pub fn show_if(&self) -> Option<&Condition> {
        self.show_if.as_ref()
    }
    /// Not asked while danger holds (see [`Guide::without_repair`]).
    pub fn presumes_repair(&self) -> bool {
        self.presumes_repair
    }
    pub fn kind(&self) -> &QuestionKind {
        &self.kind
    }
    /// A date question whose answer is a day the user chose to look again.
    pub fn is_review_date(&self) -> bool {
        self.review
    }
    /// The counsellor's own wording for a failed length or count rule.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }
}

/// What kind of answer a question asks for, with that kind's settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum QuestionKind {
    /// Answered with `AnswerValue::Choice`.
    SingleChoice { options: Vec<ChoiceOption> },
    /// Answered with `AnswerValue::Choices`; counts are already defaulted
    /// (at least 1, at most every option).
    MultipleChoice {
        options: Vec<ChoiceOption>,
        min_choices: usize,
        max_choices: usize,
    },
    /// Answered with `AnswerValue::YesNo`.
    YesNo {
        yes_weights: Weights,
        no_weights: Weights,
    },
    /// Answered with `AnswerValue::Scale`.
    Scale(Scale),
    /// Answered with `AnswerValue::Text`; lengths count characters of the trimmed text.
    ShortText {
        min_length: usize,
        max_length: usize,
    },
    /// Answered with `AnswerValue::Text`.
    LongText {
        min_length: usize,
        max_length: Option<usize>,
    },
    /// Answered with `AnswerValue::Choices` (the ticked items).
    Checklist { items: Vec<ChoiceOption> },
    /// Answered with `AnswerValue::List`; blank items are not counted.
    List {
        min_items: usize,
        max_items: Option<usize>,
    },
    /// Answered with `AnswerValue::Date`.
    Date,
}

/// Longest short answer when the content sets no `max_length`.
pub const SHORT_TEXT_DEFAULT_MAX: usize = 200;

impl QuestionKind {
    /// The name used for this kind in content files, for messages.
    pub fn name(&self) -> &'static str {
        match self {
            Self::SingleChoice { .. } => "single_choice",
            Self::MultipleChoice { .. } => "multiple_choice",
            Self::YesNo { .. } => "yes_no",
            Self::Scale(_) => "scale",
            Self::ShortText { .. } => "short_text",
            Self::LongText { .. } => "long_text",
            Self::Checklist { .. } => "checklist",
            Self::List { .. } => "list",
            Self::Date => "date",
        }
    }

    /// The options (or checklist items) the user picks from, if any.
    pub fn options(&self) -> &[ChoiceOption] {
        match self {
            Self::SingleChoice { options } | Self::MultipleChoice { options, .. } => options,
            Self::Checklist { items } => items,
            _ => &[],
        }
    }
}

/// An option of a choice question, or an item of a checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChoiceOption {
    pub(super) id: OptionId,
    pub(super) label: Template,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) weights: Weights,
}

impl ChoiceOption {
    pub fn id(&self) -> &OptionId {
        &self.id
    }
    pub fn label(&self) -> &Template {
        &self.label
    }
    pub fn weights(&self) -> &Weights {
        &self.weights
    }
}

/// A row of numbers to pick from, e.g. 1–5 agreement or a 0–10 rating.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Scale {
    pub(super) min: i32,
    pub(super) max: i32,
    pub(super) step: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) min_label: Option<Template>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) max_label: Option<Template>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) labels: BTreeMap<i32, Template>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub(super) weights: Weights,
}

impl Scale {
    pub fn min(&self) -> i32 {
        self.min
    }
    pub fn max(&self) -> i32 {
        self.max
    }
    pub fn step(&self) -> i32 {
        self.step
    }
    /// Every value the user can pick, lowest first.
    pub fn values(&self) -> impl Iterator<Item = i32> + '_ {
        (self.min..=self.max).step_by(self.step as usize)
    }
    pub fn allows(&self, value: i32) -> bool {
        (self.min..=self.max).contains(&value) && (value - self.min) % self.step == 0
    }
    /// Label under the lowest value, e.g. "Not at all".
    pub fn min_label(&self) -> Option<&Template> {
        self.min_label.as_ref()
    }
    /// Label under the highest value, e.g. "Completely".
    pub fn max_label(&self) -> Option<&Template> {
        self.max_label.as_ref()
    }
    /// A label for one value, if the content gives one.
    pub fn label(&self, value: i32) -> Option<&Template> {
        self.labels.get(&value)
    }
    /// Each dimension gets the chosen value times its weight.
    pub fn weights(&self) -> &Weights {
        &self.weights
    }
}

/// A named score, e.g. "Willingness", with what each range of it means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dimension {
    pub(super) id: DimensionId,
    pub(super) label: Template,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) description: Option<Template>,
    /// Sorted by score and, once validated, covering `range` without gaps or overlaps.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) bands: Vec<Band>,
    pub(super) range: ScoreRange,
}

impl Dimension {
    pub fn id(&self) -> &DimensionId {
        &self.id
    }
    pub fn label(&self) -> &Template {
        &self.label
    }
    pub fn description(&self) -> Option<&Template> {
        self.description.as_ref()
    }
    /// Lowest band first.
    pub fn bands(&self) -> &[Band] {
        &self.bands
    }
    /// The lowest and highest score a finished guide can give.
    pub fn range(&self) -> ScoreRange {
        self.range
    }
    /// The band a score falls in. Always `Some` for a score of a complete
    /// guide; a half-finished guide can score outside the range.
    pub fn band_for(&self, score: i64) -> Option<&Band> {
        self.bands.iter().find(|b| b.covers(score))
    }
}

/// Lowest and highest possible score, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreRange {
    pub min: i64,
    pub max: i64,
}

/// What a range of scores of one dimension means.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Band {
    pub(super) from: i64,
    pub(super) to: i64,
    pub(super) title: Template,
    pub(super) text: Template,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) recommend: Vec<GuideId>,
}

impl Band {
    /// Lowest score in the band (included).
    pub fn from(&self) -> i64 {
        self.from
    }
    /// Highest score in the band (included).
    pub fn to(&self) -> i64 {
        self.to
    }
    pub fn covers(&self, score: i64) -> bool {
        (self.from..=self.to).contains(&score)
    }
    pub fn title(&self) -> &Template {
        &self.title
    }
    /// The interpretation shown on the result page.
    pub fn text(&self) -> &Template {
        &self.text
    }
    /// Guides to suggest next; every id names a guide in the library.
    pub fn recommend(&self) -> &[GuideId] {
        &self.recommend
    }
}

/// Something other parts of the app react to, e.g. `safety` stops repair suggestions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    pub(super) id: FlagId,
    pub(super) when: Condition,
}

impl Flag {
    pub fn id(&self) -> &FlagId {
        &self.id
    }
    pub fn when(&self) -> &Condition {
        &self.when
    }
}

/// Answers that must never be weighed against other answers: when a gate
/// holds, the results page shows its message instead of the bands, and
/// recommends only what the gate names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Gate {
    pub(super) id: FlagId,
    pub(super) when: Condition,
    pub(super) title: Template,
    pub(super) text: Template,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(super) recommend: Vec<GuideId>,
}

impl Gate {
    pub fn id(&self) -> &FlagId {
        &self.id
    }
    pub fn when(&self) -> &Condition {
        &self.when
    }
    pub fn title(&self) -> &Template {
        &self.title
    }
    pub fn text(&self) -> &Template {
        &self.text
    }
    pub fn recommend(&self) -> &[GuideId] {
        &self.recommend
    }
}
