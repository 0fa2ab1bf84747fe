//! The personal path: which guides Mend suggests, in which order, from the
//! intake answers. The rules are data (content/paths.toml), checked here.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::intake::{Intake, Role};
use super::safety::{SafetyStatus, SAFETY_CHECK};
use crate::domain::entry::Entries;
use crate::domain::guide::{Guide, Library};
use crate::domain::ids::GuideId;
use crate::domain::msg::{self, t};

/// content/paths.toml as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPaths {
    pub together: Vec<String>,
    pub danger: Vec<String>,
    pub recent: Vec<String>,
    pub held_for_harm: Vec<String>,
    pub needs_contact: Vec<String>,
    pub done_first: Vec<String>,
    pub presumes_repair: Vec<String>,
    pub only_after_infidelity: Vec<String>,
    pub only_when_unwilling: Vec<String>,
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
    needs_contact: Vec<GuideId>,
    done_first: Vec<GuideId>,
    presumes_repair: Vec<GuideId>,
    only_after_infidelity: Vec<GuideId>,
    only_when_unwilling: Vec<GuideId>,
    roles: BTreeMap<String, Vec<GuideId>>,
    groups: Vec<Group>,
}

/// content/paths.toml as the build writes it into the app, as constants
/// (no parser in the app). The content tests read the same file through
/// [`Paths::from_json`], which checks it, and prove both say the same.
#[derive(Debug, Clone, Copy)]
pub struct PathLists {
    pub together: &'static [&'static str],
    pub danger: &'static [&'static str],
    pub recent: &'static [&'static str],
    pub held_for_harm: &'static [&'static str],
    pub needs_contact: &'static [&'static str],
    pub done_first: &'static [&'static str],
    pub presumes_repair: &'static [&'static str],
    pub only_after_infidelity: &'static [&'static str],
    pub only_when_unwilling: &'static [&'static str],
    pub roles: &'static [(&'static str, &'static [&'static str])],
    pub library: &'static [(&'static str, &'static [&'static str])],
}

/// Why Your path looks the way it does, one line each, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathNote {
    /// Danger holds: only what is for the user alone.
    Danger,
    /// The user wants to end it, or has ended it.
    Done,
    /// The other person is said to be unwilling: nothing that reaches out.
    Unwilling,
    /// The user has frightened or hurt the other person and taken no step yet.
    HeldForHarm,
}

impl PathNote {
    /// The one line Your path shows.
    pub fn line(self) -> &'static str {
        match self {
            PathNote::Danger => t(msg::domain::PATH_DANGER),
            PathNote::Done => t(msg::domain::PATH_DONE),
            PathNote::Unwilling => t(msg::domain::PATH_UNWILLING),
            PathNote::HeldForHarm => t(msg::domain::PATH_HELD_FOR_HARM),
        }
    }
}

impl Paths {
    /// The rules the build wrote, as they are (checked by the content
    /// tests against [`Paths::from_json`]).
    pub fn from_lists(lists: &PathLists) -> Self {
        let ids = |list: &[&str]| list.iter().map(|id| GuideId::new(*id)).collect::<Vec<_>>();
        Paths {
            together: ids(lists.together),
            danger: ids(lists.danger),
            recent: ids(lists.recent),
            held_for_harm: ids(lists.held_for_harm),
            needs_contact: ids(lists.needs_contact),
            done_first: ids(lists.done_first),
            presumes_repair: ids(lists.presumes_repair),
            only_after_infidelity: ids(lists.only_after_infidelity),
            only_when_unwilling: ids(lists.only_when_unwilling),
            roles: lists
                .roles
                .iter()
                .map(|(role, list)| ((*role).to_owned(), ids(list)))
                .collect(),
            groups: lists
                .library
                .iter()
                .map(|(title, list)| Group {
                    title: (*title).to_owned(),
                    guides: ids(list),
                })
                .collect(),
        }
    }

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
        let needs_contact = check("needs_contact", &raw.needs_contact);
        let done_first = check("done_first", &raw.done_first);
        let presumes_repair = check("presumes_repair", &raw.presumes_repair);
        let only_after_infidelity = check("only_after_infidelity", &raw.only_after_infidelity);
        let only_when_unwilling = check("only_when_unwilling", &raw.only_when_unwilling);
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
        for id in &done_first {
            if presumes_repair.contains(id) {
                problems.push(format!(
                    "content/paths.toml: `{id}` is in both `done_first` and `presumes_repair`"
                ));
            }
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
                needs_contact,
                done_first,
                presumes_repair,
                only_after_infidelity,
                only_when_unwilling,
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
    ///   frightened or hurt the other person and has taken no step yet.
    /// - The `needs_contact` guides wait while the other person is said to
    ///   be unwilling: a "no" is not pushed past.
    /// - `only_after_infidelity` guides are suggested only when the intake
    ///   says cheating or an affair broke the trust, and
    ///   `only_when_unwilling` guides only when the other person is said to
    ///   be unwilling (or has ended it).
    /// - A "done" answer anywhere (the user wants to end it, or has) puts
    ///   `done_first` first and leaves out every guide in `presumes_repair`.
    pub fn for_intake(&self, intake: &Intake, safety: &SafetyStatus) -> Vec<GuideId> {
        if safety.path_restricted() {
            return self.danger.clone();
        }
        if intake.role.is_none() && !safety.done() {
            return Vec::new();
        }
        let mut path: Vec<GuideId> = Vec::new();
        if safety.caution() || safety.danger() {
            path.push(GuideId::new(SAFETY_CHECK));
        }
        if safety.done() {
            path.extend(self.done_first.iter().cloned());
        }
        if intake.is_recent() {
            path.extend(self.recent.iter().cloned());
        }
        if let Some(role) = intake.role {
            path.extend(self.roles.get(role.as_str()).cloned().unwrap_or_default());
        }
        let mut seen = Vec::new();
        path.into_iter()
            .filter(|id| intake.other_is_willing() || !self.together.contains(id))
            .filter(|id| intake.other_is_willing() || !self.needs_contact.contains(id))
            .filter(|id| intake.infidelity() || !self.only_after_infidelity.contains(id))
            .filter(|id| !intake.other_is_willing() || !self.only_when_unwilling.contains(id))
            .filter(|id| !safety.done() || !self.presumes_repair.contains(id))
            .filter(|id| !safety.holds_repair_for_harm() || !self.held_for_harm.contains(id))
            .filter(|id| {
                let first = !seen.contains(id);
                seen.push(id.clone());
                first
            })
            .collect()
    }

    /// Of the guides a result suggests, those the safety rules allow now:
    /// only the `danger` list while the path is restricted, never the
    /// `held_for_harm` guides while they wait, and nothing that presumes
    /// repair once the user has said they are done, and never work that
    /// needs or reaches out to the other person while they are said to be
    /// unwilling. A result page must not suggest what Your path has set aside.
    pub fn allowed<'g>(
        &self,
        suggested: Vec<&'g GuideId>,
        intake: &Intake,
        safety: &SafetyStatus,
    ) -> Vec<&'g GuideId> {
        suggested
            .into_iter()
            .filter(|id| !safety.path_restricted() || self.danger.contains(id))
            .filter(|id| !safety.holds_repair_for_harm() || !self.held_for_harm.contains(id))
            .filter(|id| !safety.done() || !self.presumes_repair.contains(id))
            .filter(|id| {
                intake.other_is_willing()
                    || !(self.together.contains(id) || self.needs_contact.contains(id))
            })
            .collect()
    }

    /// Why the path for these answers looks as it does, most urgent first.
    pub fn notes(&self, intake: &Intake, safety: &SafetyStatus) -> Vec<PathNote> {
        let mut notes = Vec::new();
        if safety.path_restricted() {
            notes.push(PathNote::Danger);
        }
        // The danger path has its own card and order; "done" speaks only
        // where the path really starts with moving on.
        if safety.done() && !safety.path_restricted() {
            notes.push(PathNote::Done);
        }
        if !intake.other_is_willing() && !safety.path_restricted() {
            notes.push(PathNote::Unwilling);
        }
        if safety.holds_repair_for_harm() && !safety.path_restricted() {
            notes.push(PathNote::HeldForHarm);
        }
        notes
    }

    /// The guides held back until the user has taken a step for stopping.
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
            StepStatus::NotStarted => t(msg::domain::NOT_STARTED),
            StepStatus::InProgress => t(msg::domain::IN_PROGRESS),
            StepStatus::Done => t(msg::domain::DONE),
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

/// What Your path shows for the entries Mend holds: the intake's state,
/// the safety status, the guides in order with their progress, the one
/// "Continue" opens, and the notes without a card of their own. Words are
/// rendered by the page.
#[derive(Debug, Clone, PartialEq)]
pub struct YourPath<'l> {
    pub intake_done: bool,
    pub intake_started: bool,
    pub safety: SafetyStatus,
    pub steps: Vec<(&'l Guide, StepStatus)>,
    /// The step "Continue" opens, and whether it is begun.
    pub next: Option<(&'l Guide, StepStatus)>,
    /// Why the path looks as it does: the notes without a card of their own
    /// on the page (danger and harm have theirs).
    pub notes: Vec<PathNote>,
}

impl<'l> YourPath<'l> {
    /// Whether the page shows the path rather than the welcome: the intake
    /// is finished, or a danger answer stopped it (the runner opened the
    /// Safety page), so the safety path shows even before it is finished.
    pub fn shown(&self) -> bool {
        self.intake_done || self.safety.danger()
    }
}

impl Paths {
    /// Your path for `entries`, with `safety` as `assess` gave it.
    pub fn your_path<'l>(
        &self,
        entries: &Entries,
        safety: SafetyStatus,
        library: &'l Library,
    ) -> YourPath<'l> {
        let intake_entry = library
            .guide(&super::intake::intake_guide())
            .and_then(|intake| entries.current(intake));
        let intake = intake_entry
            .map(|entry| Intake::from_answers(entry.answers()))
            .unwrap_or_default();
        let path = self.for_intake(&intake, &safety);
        YourPath {
            intake_done: intake_entry.is_some_and(|e| e.is_completed()),
            intake_started: intake_entry.is_some_and(|e| !e.answers().is_empty()),
            steps: path
                .iter()
                .filter_map(|id| library.guide(id))
                .map(|guide| (guide, step_status(guide, entries)))
                .collect(),
            next: next_step(&path, library, entries)
                .and_then(|id| library.guide(id))
                .map(|guide| (guide, step_status(guide, entries))),
            notes: self
                .notes(&intake, &safety)
                .into_iter()
                .filter(|n| matches!(n, PathNote::Done | PathNote::Unwilling))
                .collect(),
            safety,
        }
    }
}
