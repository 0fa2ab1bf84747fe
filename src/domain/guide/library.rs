//! All guides of the app, validated together so that links between them resolve.

use super::error::{ContentError, ContentErrors};
use super::model::Guide;
use super::raw::RawGuide;
use super::validate;
use crate::domain::ids::GuideId;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Every guide, in the order their files were given.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Library {
    guides: Vec<Guide>,
}

impl Library {
    /// Validates every guide; `files` pairs each file name (used in messages)
    /// with its contents. Returns every problem in every file, or the library.
    pub fn from_raw(files: Vec<(String, RawGuide)>) -> Result<Self, ContentErrors> {
        Self::validate(files, Vec::new())
    }

    /// Reads guides from JSON (the build turns the TOML files into JSON) and
    /// validates them. A file that cannot be read is reported with the rest.
    pub fn from_json(files: &[(&str, &str)]) -> Result<Self, ContentErrors> {
        let mut errors = Vec::new();
        let mut raw = Vec::with_capacity(files.len());
        for (file, json) in files {
            match serde_json::from_str::<RawGuide>(json) {
                Ok(guide) => raw.push((file.to_string(), guide)),
                Err(e) => errors.push(ContentError {
                    file: file.to_string(),
                    guide: None,
                    place: None,
                    problem: format!("could not be read: {e}"),
                }),
            }
        }
        Self::validate(raw, errors)
    }

    fn validate(
        files: Vec<(String, RawGuide)>,
        mut errors: Vec<ContentError>,
    ) -> Result<Self, ContentErrors> {
        let ids: BTreeSet<GuideId> = files.iter().map(|(_, g)| GuideId::new(&g.id)).collect();
        // Each guide id with the index of the first file using it.
        let mut first_use: BTreeMap<&str, usize> = BTreeMap::new();
        let mut guides = Vec::with_capacity(files.len());
        for (index, (file, raw)) in files.iter().enumerate() {
            let first = *first_use.entry(raw.id.as_str()).or_insert(index);
            if first != index {
                let first = &files[first].0;
                errors.push(ContentError {
                    file: file.clone(),
                    guide: Some(GuideId::new(&raw.id)),
                    place: None,
                    problem: format!("another guide already uses this id (in {first})"),
                });
            }
            match validate::guide(file, raw, &ids) {
                Ok(guide) => guides.push(guide),
                Err(found) => errors.extend(found),
            }
        }
        if errors.is_empty() {
            Ok(Self { guides })
        } else {
            Err(ContentErrors(errors))
        }
    }

    /// Guides that come from a validated library, as they are or as their
    /// outlines (`Guide::outline`): the build makes the app's library so.
    pub fn of(guides: Vec<Guide>) -> Self {
        Self { guides }
    }

    pub fn guide(&self, id: &GuideId) -> Option<&Guide> {
        self.guides.iter().find(|g| &g.id == id)
    }

    pub fn guides(&self) -> &[Guide] {
        &self.guides
    }
}
