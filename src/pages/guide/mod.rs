//! The pages of one guide: the runner (intro and question screens), the
//! review of every answer, and the results.

mod results;
mod review;
mod runner;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::safety::use_safety;
use crate::content;
use crate::domain::guide::Guide;
use crate::domain::ids::GuideId;
use crate::pages::NotFound;

pub use results::GuideResults;
pub use review::GuideReview;
pub use runner::GuideRunner;

/// Address of a guide's pages, relative to the router base.
pub fn guide_path(guide: &GuideId) -> String {
    format!("/guides/{guide}")
}

pub fn review_path(guide: &GuideId) -> String {
    format!("/guides/{guide}/review")
}

pub fn results_path(guide: &GuideId) -> String {
    format!("/guides/{guide}/results")
}

/// Compare (pages/compare.rs); a QR code's link points here.
pub fn compare_path(guide: &GuideId) -> String {
    format!("/guides/{guide}/compare")
}

/// Renders `page` with the guide named in the address, or the not-found page.
/// While danger holds, the guide comes without its questions that presume
/// repair (`Guide::without_repair`).
pub(crate) fn with_guide<V: IntoView + 'static>(page: fn(&'static Guide) -> V) -> impl IntoView {
    let params = use_params_map();
    let safety = use_safety();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        // Read once per guide opened: an answer given in this guide must not
        // redraw the screen the user is typing in.
        let danger = safety.with_untracked(|s| s.danger());
        match content::guide_as_asked(&GuideId::new(id), danger) {
            Some(guide) => page(guide).into_any(),
            None => view! { <NotFound /> }.into_any(),
        }
    }
}
