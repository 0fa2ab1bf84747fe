//! Turns one raw guide into a validated `Guide`, collecting every problem instead of stopping at the first.
//!
//! Problems are collected while building: where a part is broken a stand-in
//! is used so the rest can still be checked, and a guide with any problem
//! is discarded.

mod bands;
mod conditions;
mod kinds;
mod reach;

use super::error::{ContentError, Place};
use super::model::{Dimension, Flag, Gate, Guide, Question, QuestionKind, Step};
use super::raw::{RawGuide, RawQuestion};
use super::scoring::{adds_to_dimension, score_range};
use super::template::Template;
use crate::domain::ids::{is_well_formed, DimensionId, FlagId, GuideId, QuestionId, StepId};
use conditions::{Scope, ScopeLimit};
use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};

/// Validates `raw` from `file`. `library` holds the ids of every guide in
/// the library, for checking recommendations.
pub(crate) fn guide(
    file: &str,
    raw: &RawGuide,
    library: &BTreeSet<GuideId>,
) -> Result<Guide, Vec<ContentError>> {
    let mut r = Report {
        file,
        guide: GuideId::new(&raw.id),
        errors: Vec::new(),
    };
    r.id(None, &raw.id);
    let title = r.text(None, "title", &raw.title);
    let summary = r.text(None, "summary", &raw.summary);
    let intro = r.text(None, "intro", &raw.intro);
    let closing = r.optional_text(None, "closing", raw.closing.as_deref());
    if raw.sources.is_empty() {
        r.add(
            None,
            "sources is empty; name the article file(s) this guide's ideas come from",
        );
    }
    if raw.version == 0 {
        r.add(None, "version starts at 1");
    }
    if raw.sources.iter().any(|s| s.trim().is_empty()) {
        r.add(None, "sources has a blank entry");
    }

    let dimension_ids = dimension_ids(&mut r, raw);
    let order = question_order(&mut r, raw);
    let steps = steps(&mut r, raw, &order, &dimension_ids);
    let kinds: BTreeMap<QuestionId, QuestionKind> = steps
        .iter()
        .flat_map(|s| &s.questions)
        .map(|q| (q.id.clone(), q.kind.clone()))
        .collect();
    let flags = flags(&mut r, raw, &order, &kinds);
    let gates = gates(&mut r, raw, &order, &kinds, library);
    let dimensions = dimensions(&mut r, raw, &steps, library);

    if !r.errors.is_empty() {
        return Err(r.errors);
    }
    let guide = Guide {
        id: GuideId::new(&raw.id),
        title,
        summary,
        intro,
        sources: raw.sources.clone(),
        recurring: raw.recurring,
        shareable: raw.shareable,
        version: raw.version,
        closing,
        steps,
        dimensions,
        flags,
        gates,
        words_left_out: false,
    };
    // Only meaningful once every condition is known to be well-formed.
    reach::check(&mut r, &guide);
    repair_questions_are_not_safety_questions(&mut r, &guide);
    if r.errors.is_empty() {
        Ok(guide)
    } else {
        Err(r.errors)
    }
}

/// Collects the problems of one guide.
pub(super) struct Report<'f> {
    file: &'f str,
    guide: GuideId,
    errors: Vec<ContentError>,
}

impl Report<'_> {
    fn add(&mut self, place: Option<&Place>, problem: impl Into<String>) {
        self.errors.push(ContentError {
            file: self.file.to_owned(),
            guide: Some(self.guide.clone()),
            place: place.cloned(),
            problem: problem.into(),
        });
    }

    /// Parses a required piece of text; `field` names it in the message.
    fn text(&mut self, place: Option<&Place>, field: &str, source: &str) -> Template {
        Template::parse(source).unwrap_or_else(|e| {
            self.add(place, format!("{field} {e}"));
            Template::broken()
        })
    }

    fn optional_text(
        &mut self,
        place: Option<&Place>,
        field: &str,
        source: Option<&str>,
    ) -> Option<Template> {
        source.map(|s| self.text(place, field, s))
    }

    fn id(&mut self, place: Option<&Place>, id: &str) {
        if !is_well_formed(id) {
            self.add(place, bad_id("the id", id));
        }
    }
}

fn bad_id(what: &str, id: &str) -> String {
    format!("{what} `{id}` may only use lowercase letters, digits, `-` and `_`")
}

/// Where each question id first appears in guide order; reports repeats.
fn question_order<'r>(r: &mut Report, raw: &'r RawGuide) -> BTreeMap<&'r str, usize> {
    let mut order = BTreeMap::new();
    for (position, q) in raw.steps.iter().flat_map(|s| &s.questions).enumerate() {
        match order.entry(q.id.as_str()) {
            Entry::Vacant(slot) => {
                slot.insert(position);
            }
            // Conditions naming it keep meaning the first one.
            Entry::Occupied(_) => {
                let place = Place::Question(QuestionId::new(&q.id));
                r.add(Some(&place), "another question already uses this id");
            }
        }
    }
    order
}

fn dimension_ids(r: &mut Report, raw: &RawGuide) -> BTreeSet<DimensionId> {
    let mut ids = BTreeSet::new();
    for d in &raw.dimensions {
        let place = Place::Dimension(DimensionId::new(&d.id));
        r.id(Some(&place), &d.id);
        if !ids.insert(DimensionId::new(&d.id)) {
            r.add(Some(&place), "another dimension already uses this id");
        }
    }
    ids
}

fn steps(
    r: &mut Report,
    raw: &RawGuide,
    order: &BTreeMap<&str, usize>,
    dimensions: &BTreeSet<DimensionId>,
) -> Vec<Step> {
    if raw.steps.is_empty() {
        r.add(None, "has no steps");
    }
    let mut seen = BTreeSet::new();
    let mut kinds: BTreeMap<QuestionId, QuestionKind> = BTreeMap::new();
    let mut position = 0;
    let mut steps = Vec::with_capacity(raw.steps.len());
    for raw_step in &raw.steps {
        let place = Place::Step(StepId::new(&raw_step.id));
        r.id(Some(&place), &raw_step.id);
        if !seen.insert(raw_step.id.as_str()) {
            r.add(Some(&place), "another step already uses this id");
        }
        if raw_step.questions.is_empty() {
            r.add(Some(&place), "has no questions");
        }
        let title = r.optional_text(Some(&place), "title", raw_step.title.as_deref());
        let intro = r.optional_text(Some(&place), "intro", raw_step.intro.as_deref());
        let step_scope = ScopeLimit::Step {
            first: position,
            end: position + raw_step.questions.len(),
        };
        let show_if = raw_step
            .show_if
            .as_ref()
            .and_then(|c| Scope::new(order, &kinds, step_scope).convert(r, &place, "show_if", c));
        let mut questions = Vec::with_capacity(raw_step.questions.len());
        for raw_question in &raw_step.questions {
            let limit = ScopeLimit::Question(position);
            let question = question(
                r,
                raw_question,
                Scope::new(order, &kinds, limit),
                dimensions,
            );
            kinds.insert(question.id.clone(), question.kind.clone());
            questions.push(question);
            position += 1;
        }
        steps.push(Step {
            id: StepId::new(&raw_step.id),
            title,
            intro,
            show_if,
            questions,
        });
    }
    steps
}

fn question(
    r: &mut Report,
    raw: &RawQuestion,
    scope: Scope,
    dimensions: &BTreeSet<DimensionId>,
) -> Question {
    let place = Place::Question(QuestionId::new(&raw.id));
    r.id(Some(&place), &raw.id);
    let text = r.text(Some(&place), "text", &raw.text);
    let help = r.optional_text(Some(&place), "help", raw.help.as_deref());
    if let Some(message) = &raw.message {
        if message.trim().is_empty() {
            r.add(Some(&place), "message is empty");
        } else if message.contains(['{', '}']) {
            // Messages are shown as written; a `{name}` here would ship unfilled.
            r.add(
                Some(&place),
                "message cannot use placeholders or braces; it is shown exactly as written",
            );
        }
    }
    // Ticking nothing on a checklist is a real answer ("none of these"),
    // so checklists are optional unless the content says otherwise.
    let required = raw.required.unwrap_or(!matches!(
        raw.kind,
        super::raw::RawQuestionKind::Checklist { .. }
    ));
    let kind = kinds::convert(r, &place, &raw.kind, dimensions);
    if raw.review && !matches!(kind, QuestionKind::Date) {
        r.add(Some(&place), "review = true is only for date questions");
    }
    let show_if = raw
        .show_if
        .as_ref()
        .and_then(|c| scope.convert(r, &place, "show_if", c));
    Question {
        id: QuestionId::new(&raw.id),
        text,
        help,
        required,
        show_if,
        message: raw.message.clone(),
        review: raw.review,
        presumes_repair: raw.presumes_repair,
        kind,
    }
}

fn flags(
    r: &mut Report,
    raw: &RawGuide,
    order: &BTreeMap<&str, usize>,
    kinds: &BTreeMap<QuestionId, QuestionKind>,
) -> Vec<Flag> {
    let mut seen = BTreeSet::new();
    let mut flags = Vec::with_capacity(raw.flags.len());
    for raw_flag in &raw.flags {
        let place = Place::Flag(FlagId::new(&raw_flag.id));
        r.id(Some(&place), &raw_flag.id);
        if !seen.insert(raw_flag.id.as_str()) {
            r.add(Some(&place), "another flag already uses this id");
        }
        let when = Scope::new(order, kinds, ScopeLimit::Anywhere).convert(
            r,
            &place,
            "when",
            &raw_flag.when,
        );
        if let Some(when) = when {
            flags.push(Flag {
                id: FlagId::new(&raw_flag.id),
                when,
            });
        }
    }
    flags
}

fn gates(
    r: &mut Report,
    raw: &RawGuide,
    order: &BTreeMap<&str, usize>,
    kinds: &BTreeMap<QuestionId, QuestionKind>,
    library: &BTreeSet<GuideId>,
) -> Vec<Gate> {
    let mut seen = BTreeSet::new();
    let mut gates = Vec::with_capacity(raw.gates.len());
    for raw_gate in &raw.gates {
        let place = Place::Gate(FlagId::new(&raw_gate.id));
        r.id(Some(&place), &raw_gate.id);
        if !seen.insert(raw_gate.id.as_str()) {
            r.add(Some(&place), "another gate already uses this id");
        }
        let title = r.text(Some(&place), "title", &raw_gate.title);
        let text = r.text(Some(&place), "text", &raw_gate.text);
        for guide in &raw_gate.recommend {
            if !library.contains(&GuideId::new(guide.as_str())) {
                r.add(
                    Some(&place),
                    format!("recommends `{guide}`, which is not a guide in the library"),
                );
            }
        }
        let when = Scope::new(order, kinds, ScopeLimit::Anywhere).convert(
            r,
            &place,
            "when",
            &raw_gate.when,
        );
        if let Some(when) = when {
            gates.push(Gate {
                id: FlagId::new(&raw_gate.id),
                when,
                title,
                text,
                recommend: raw_gate.recommend.iter().map(GuideId::new).collect(),
            });
        }
    }
    gates
}

fn dimensions(
    r: &mut Report,
    raw: &RawGuide,
    steps: &[Step],
    library: &BTreeSet<GuideId>,
) -> Vec<Dimension> {
    raw.dimensions
        .iter()
        .map(|raw_dimension| {
            let id = DimensionId::new(&raw_dimension.id);
            let place = Place::Dimension(id.clone());
            let label = r.text(Some(&place), "label", &raw_dimension.label);
            let description = r.optional_text(
                Some(&place),
                "description",
                raw_dimension.description.as_deref(),
            );
            if !adds_to(steps, &id) {
                r.add(Some(&place), "no question adds to this dimension");
            }
            let range = score_range(steps, &id);
            let bands = bands::convert(r, &place, &raw_dimension.bands, range, library);
            Dimension {
                id,
                label,
                description,
                bands,
                range,
            }
        })
        .collect()
}

/// Whether any answer can add to `dimension`.
fn adds_to(steps: &[Step], dimension: &DimensionId) -> bool {
    steps
        .iter()
        .flat_map(|s| &s.questions)
        .any(|q| adds_to_dimension(q, dimension))
}

/// A question marked `presumes_repair` is hidden while danger holds; if a
/// flag or gate looked at it, hiding it would change what Mend knows about
/// safety. So none may.
fn repair_questions_are_not_safety_questions(r: &mut Report, guide: &Guide) {
    let repair: Vec<&QuestionId> = guide
        .steps()
        .iter()
        .flat_map(|s| s.questions())
        .filter(|q| q.presumes_repair())
        .map(|q| q.id())
        .collect();
    let looked_at = guide
        .flags()
        .iter()
        .map(|f| (Place::Flag(f.id().clone()), f.when()))
        .chain(
            guide
                .gates()
                .iter()
                .map(|g| (Place::Gate(g.id().clone()), g.when())),
        );
    for (place, when) in looked_at {
        for question in when.questions() {
            if repair.contains(&question) {
                r.add(
                    Some(&place),
                    format!(
                        "looks at `{question}`, which presumes repair and is not asked while danger holds"
                    ),
                );
            }
        }
    }
}
