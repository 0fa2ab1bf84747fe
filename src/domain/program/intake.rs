//! Reading the intake ("Getting started") answers: the user's role, the
//! relationship, the name they gave, and whether the other person is willing.

use crate::domain::answer::{AnswerValue, Answers};
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
