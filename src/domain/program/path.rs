//! The personal path: which guides Mend suggests, in which order, from the
//! intake answers. The rules are data (content/paths.toml), checked here.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::intake::{Intake, Role};
use super::safety::{SafetyStatus, SAFETY_CHECK};
use crate::domain::entry::Entries;
use crate::domain::guide::{Guide, Library};
use crate::domain::ids::GuideId;

/// content/paths.toml as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPaths {
    pub together: Vec<String>,
    pub danger: Vec<String>,
    pub recent: Vec<String>,
    pub held_for_harm: Vec<String>,
    pub roles: BTreeMap<String, Vec<String>>,
    pub library: Vec<RawGroup>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawGroup {
    pub title: String,
    pub guides: Vec<String>,
}

/// A heading on the Guides page and the guides under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    pub title: String,
    pub guides: Vec<GuideId>,
}

/// The checked path rules: every id names a guide, every role has a path.
#[derive(Debug, Clone, PartialEq)]
pub struct Paths {
    together: Vec<GuideId>,
    danger: Vec<GuideId>,
    recent: Vec<GuideId>,
    held_for_harm: Vec<GuideId>,
    roles: BTreeMap<String, Vec<GuideId>>,
    groups: Vec<Group>,
}

impl Paths {
    /// Reads and checks the rules against the guides that exist. Every
    /// problem is reported, each naming the list it is in.
    /// `shipped` are the guides users see, each of which must be in exactly
    /// one group of the Guides page.
    pub fn from_json(
        json: &str,
        library: &Library,
        shipped: &[GuideId],
    ) -> Result<Self, Vec<String>> {
        let raw: RawPaths = serde_json::from_str(json)
            .map_err(|e| vec![format!("content/paths.toml could not be read: {e}")])?;
        let mut problems = Vec::new();
        let mut check = |list: &str, ids: &[String]| -> Vec<GuideId> {
            let mut seen = Vec::new();
            for id in ids {
                let id = GuideId::new(id.as_str());
                if library.guide(&id).is_none() {
                    problems.push(format!(
                        "content/paths.toml: `{list}` names `{id}`, which is not a guide"
                    ));
                }
                if seen.contains(&id) {
                    problems.push(format!("content/paths.toml: `{list}` names `{id}` twice"));
                }
                seen.push(id);
            }
            seen
        };
        let together = check("together", &raw.together);
        let danger = check("danger", &raw.danger);
        let recent = check("recent", &raw.recent);
        let held_for_harm = check("held_for_harm", &raw.held_for_harm);
        let mut roles = BTreeMap::new();
        for (role, ids) in &raw.roles {
            let list = check(&format!("roles.{role}"), ids);
            roles.insert(role.clone(), list);
        }
        let mut groups = Vec::new();
        for group in &raw.library {
            let guides = check(&format!("library \"{}\"", group.title), &group.guides);
            groups.push(Group {
                title: group.title.clone(),
                guides,
            });
        }
        for role in Role::ALL {
            match roles.get(role.as_str()) {
                None => problems.push(format!(
                    "content/paths.toml: `roles` has no path for `{}`",
                    role.as_str()
                )),
                Some(list) if list.is_empty() => problems.push(format!(
                    "content/paths.toml: `roles.{}` is empty",
                    role.as_str()
                )),
                Some(_) => {}
            }
        }
        for role in raw.roles.keys() {
            if !Role::ALL.iter().any(|r| r.as_str() == role) {
                problems.push(format!(
                    "content/paths.toml: `roles.{role}` is not a role the intake offers"
                ));
            }
        }
        for id in shipped {
            let count = groups.iter().filter(|g| g.guides.contains(id)).count();
            if count != 1 {
                problems.push(format!(
                    "content/paths.toml: guide `{id}` is in {count} library groups, not 1"
                ));
            }
        }
        if danger.first().map(GuideId::as_str) != Some("safety-check") {
            problems.push("content/paths.toml: `danger` must start with `safety-check`".to_owned());
        }
        if problems.is_empty() {
            Ok(Paths {
                together,
                danger,
                recent,
                held_for_harm,
                roles,
                groups,
            })
        } else {
            Err(problems)
        }
    }

    /// The Guides page's groups, in order.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// The guides to suggest, in order.
    ///
    /// - Danger (unless the user chose the full path): only the `danger`
    ///   list, no repair work.
    /// - Without a role yet there is no path.
    /// - A recent discovery puts the `recent` guides first.
    /// - Caution puts the Safety check first; the path stays.
    /// - Work needing both people is left out while the other person is
    ///   said to be unwilling.
    /// - The `held_for_harm` guides wait while the user has said they
    ///   frightened or hurt the other person and has not read that page.
    pub fn for_intake(&self, intake: &Intake, safety: &SafetyStatus) -> Vec<GuideId> {
        if safety.path_restricted() {
            return self.danger.clone();
        }
        let Some(role) = intake.role else {
            return Vec::new();
        };
        let mut path: Vec<GuideId> = Vec::new();
        if safety.caution() || safety.danger() {
            path.push(GuideId::new(SAFETY_CHECK));
        }
        if intake.is_recent() {
            path.extend(self.recent.iter().cloned());
        }
        path.extend(self.roles.get(role.as_str()).cloned().unwrap_or_default());
        let mut seen = Vec::new();
        path.into_iter()
            .filter(|id| intake.other_is_willing() || !self.together.contains(id))
            .filter(|id| !safety.holds_repair_for_harm() || !self.held_for_harm.contains(id))
            .filter(|id| {
                let first = !seen.contains(id);
                seen.push(id.clone());
                first
            })
            .collect()
    }

    /// Of the guides a result suggests, those the safety rules allow now:
    /// only the `danger` list while the path is restricted, and never the
    /// `held_for_harm` guides while they wait. A result page must not
    /// suggest what Your path has set aside.
    pub fn allowed<'g>(
        &self,
        suggested: Vec<&'g GuideId>,
        safety: &SafetyStatus,
    ) -> Vec<&'g GuideId> {
        suggested
            .into_iter()
            .filter(|id| !safety.path_restricted() || self.danger.contains(id))
            .filter(|id| !safety.holds_repair_for_harm() || !self.held_for_harm.contains(id))
            .collect()
    }

    /// The guides held back until the user has read the page for people who
    /// have used harm.
    pub fn held_for_harm(&self) -> &[GuideId] {
        &self.held_for_harm
    }
}

/// How far the user is with one guide of their path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepStatus {
    NotStarted,
    InProgress,
    Done,
}

impl StepStatus {
    pub fn label(self) -> &'static str {
        match self {
            StepStatus::NotStarted => "Not started",
            StepStatus::InProgress => "In progress",
            StepStatus::Done => "Done",
        }
    }
}

/// Done once finished at least once (a recurring guide stays done while a
/// new entry is open); in progress once anything is answered.
pub fn step_status(guide: &Guide, entries: &Entries) -> StepStatus {
    if !entries.history(guide.id()).is_empty() {
        return StepStatus::Done;
    }
    match entries.current(guide) {
        Some(entry) if entry.is_completed() => StepStatus::Done,
        Some(entry) if !entry.answers().is_empty() || entry.current_step().is_some() => {
            StepStatus::InProgress
        }
        _ => StepStatus::NotStarted,
    }
}

/// The step "Continue" opens: the first one not done.
pub fn next_step<'p>(
    path: &'p [GuideId],
    library: &Library,
    entries: &Entries,
) -> Option<&'p GuideId> {
    path.iter().find(|id| {
        library
            .guide(id)
            .is_some_and(|guide| step_status(guide, entries) != StepStatus::Done)
    })
}
