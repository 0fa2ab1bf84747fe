//! Reading the intake ("Getting started") answers: the user's role, the
//! relationship, the name they gave, and whether the other person is willing.

use crate::domain::answer::{AnswerValue, Answers};
use crate::domain::date::CalendarDate;
use crate::domain::entry::Entries;
use crate::domain::guide::Guide;
use crate::domain::ids::{GuideId, QuestionId};
use crate::domain::wording::{RelationshipKind, Wording};

/// The id of the intake guide (content/guides/start.toml).
pub const INTAKE_GUIDE: &str = "start";

/// The intake's safety step, which also says how Mend could be seen on a
/// phone someone checks.
pub const INTAKE_SAFETY_STEP: &str = "safety";

pub fn intake_guide() -> GuideId {
    GuideId::new(INTAKE_GUIDE)
}

/// The question of the intake's first screen, which the static page
/// (scripts/first_screen.py writes guides/start.html) lets a person answer
/// while the app is still downloading.
pub const FIRST_QUESTION: &str = "role";

/// Carries what a person did on the static intake page into `intake`: they
/// pressed Begin, so it is begun at its first screen, with `choice` if it
/// is one of that screen's options for [`FIRST_QUESTION`]. An intake that
/// already has answers is left as it is: the static page shows its
/// introduction only to someone who has not started (first-screen.js), so
/// nothing chosen there is meant to replace answers given since. Says
/// whether anything changed.
pub fn carry_first_answer(
    entries: &mut Entries,
    intake: &Guide,
    choice: Option<&str>,
    today: CalendarDate,
) -> bool {
    if entries
        .current(intake)
        .is_some_and(|e| !e.answers().is_empty() || e.current_step().is_some())
    {
        return false;
    }
    let Some(first) = intake.first_step(&Answers::default()) else {
        return false;
    };
    let question = QuestionId::new(FIRST_QUESTION);
    let option = choice.and_then(|choice| {
        first
            .questions()
            .iter()
            .find(|q| q.id() == &question)?
            .kind()
            .options()
            .iter()
            .find(|o| o.id().as_str() == choice)
            .map(|o| o.id().clone())
    });
    let first = first.id().clone();
    let entry = entries.begin(intake, today);
    entry.move_to(first);
    // Recorded directly, not through `answering`: the role feeds neither
    // the wording nor any safety rule, which `answering` recomputes.
    if let Some(option) = option {
        entry.answer(question, AnswerValue::Choice(option));
    }
    true
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod first_answer_tests {
    use super::*;
    use crate::domain::ids::OptionId;
    use crate::domain::tests::{day, shipped};

    fn carried(entries: &Entries, intake: &Guide) -> (Option<String>, Option<AnswerValue>) {
        let entry = entries.current(intake);
        (
            entry.and_then(|e| e.current_step()).map(|s| s.to_string()),
            entry.and_then(|e| e.answers().get(&QuestionId::new(FIRST_QUESTION)).cloned()),
        )
    }

    #[test]
    fn a_choice_made_before_the_app_started_is_kept_on_the_intakes_first_screen() {
        let intake = shipped(INTAKE_GUIDE);
        let mut entries = Entries::default();
        assert!(carry_first_answer(
            &mut entries,
            intake,
            Some("hurt"),
            day("2026-12-07")
        ));
        assert_eq!(
            carried(&entries, intake),
            (
                Some("your-side".into()),
                Some(AnswerValue::Choice(OptionId::new("hurt")))
            )
        );
    }

    #[test]
    fn begin_alone_opens_the_first_screen_and_a_choice_that_is_no_option_is_dropped() {
        let intake = shipped(INTAKE_GUIDE);
        let mut entries = Entries::default();
        assert!(carry_first_answer(
            &mut entries,
            intake,
            None,
            day("2026-12-07")
        ));
        assert_eq!(carried(&entries, intake), (Some("your-side".into()), None));
        let mut entries = Entries::default();
        assert!(carry_first_answer(
            &mut entries,
            intake,
            Some("<b>x</b>"),
            day("2026-12-07")
        ));
        assert_eq!(carried(&entries, intake), (Some("your-side".into()), None));
    }

    #[test]
    fn an_intake_under_way_is_never_overwritten_by_the_static_page() {
        let intake = shipped(INTAKE_GUIDE);
        let mut entries = Entries::default();
        let entry = entries.begin(intake, day("2026-12-01"));
        entry.answer(
            QuestionId::new(FIRST_QUESTION),
            AnswerValue::Choice(OptionId::new("broke")),
        );
        let before = entries.clone();
        assert!(!carry_first_answer(
            &mut entries,
            intake,
            Some("hurt"),
            day("2026-12-07")
        ));
        assert_eq!(entries, before);
    }
}

/// Where the user stands, from the intake's `role` question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// "I broke trust"
    Broke,
    /// "My trust was broken"
    Hurt,
    /// "We both did"
    Both,
    /// "I'm not sure"
    Unsure,
}

impl Role {
    /// The option id in the intake, also the key of the path in paths.toml.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Broke => "broke",
            Role::Hurt => "hurt",
            Role::Both => "both",
            Role::Unsure => "unsure",
        }
    }

    pub const ALL: [Role; 4] = [Role::Broke, Role::Hurt, Role::Both, Role::Unsure];
}

/// What the intake answers say, as far as they are given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Intake {
    pub role: Option<Role>,
    pub relationship: RelationshipKind,
    pub name: Option<String>,
    /// The `willing` option id: yes, unsure, no, not-asked.
    pub willing: Option<String>,
    /// The `when` option id: days, weeks, months, year, years.
    pub when: Option<String>,
    /// The `what-happened` option ids chosen (lie, infidelity, ...).
    pub what_happened: Vec<String>,
}

fn choice<'a>(answers: &'a Answers, question: &str) -> Option<&'a str> {
    match answers.get(&QuestionId::new(question)) {
        Some(AnswerValue::Choice(option)) => Some(option.as_str()),
        _ => None,
    }
}

impl Intake {
    pub fn from_answers(answers: &Answers) -> Self {
        let role = match choice(answers, "role") {
            Some("broke") => Some(Role::Broke),
            Some("hurt") => Some(Role::Hurt),
            Some("both") => Some(Role::Both),
            Some("unsure") => Some(Role::Unsure),
            _ => None,
        };
        let relationship = match choice(answers, "relationship") {
            Some("partner") => RelationshipKind::Partner,
            Some("friend") => RelationshipKind::Friend,
            Some("family") => RelationshipKind::FamilyMember,
            Some("coworker") => RelationshipKind::Coworker,
            _ => RelationshipKind::Unspecified,
        };
        let name = match answers.get(&QuestionId::new("name")) {
            Some(AnswerValue::Text(name)) if !name.trim().is_empty() => {
                Some(name.trim().to_owned())
            }
            _ => None,
        };
        let what_happened = match answers.get(&QuestionId::new("what-happened")) {
            Some(AnswerValue::Choices(chosen)) => {
                chosen.iter().map(|c| c.as_str().to_owned()).collect()
            }
            _ => Vec::new(),
        };
        Intake {
            role,
            relationship,
            name,
            willing: choice(answers, "willing").map(str::to_owned),
            when: choice(answers, "when").map(str::to_owned),
            what_happened,
        }
    }

    /// How every guide speaks of the other person from now on.
    pub fn wording(&self) -> Wording {
        Wording {
            relationship: self.relationship,
            name: self.name.clone(),
        }
    }

    /// It happened, or came to light, in the last few days or weeks.
    pub fn is_recent(&self) -> bool {
        matches!(self.when.as_deref(), Some("days" | "weeks"))
    }

    /// What broke the trust included cheating or an affair.
    pub fn infidelity(&self) -> bool {
        self.what_happened.iter().any(|w| w == "infidelity")
    }

    /// False only when the user said the other person is not willing now:
    /// then work that needs both people is left off the path.
    pub fn other_is_willing(&self) -> bool {
        self.willing.as_deref() != Some("no")
    }
}
