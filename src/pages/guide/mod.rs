//! The pages of one guide: the runner (intro and question screens), the
//! review of every answer, and the results.

mod first_answer;
mod results;
mod review;
mod runner;
mod step;

pub use first_answer::take_from_page as take_first_answer_from_page;
use leptos::prelude::*;

use crate::components::safety::use_safety;
use crate::components::with_words;
use crate::content;
use crate::domain::guide::Guide;
use crate::domain::ids::GuideId;
use crate::i18n::{msg, t};
use crate::pages::NotFound;
use crate::routes::Page;

pub use results::GuideResults;
pub use review::GuideReview;
pub use runner::GuideRunner;

/// Renders `page` with the guide named in the address, or the not-found
/// page. The guide's words are fetched first if they are not here yet
/// (`components::with_words`). While danger holds, the guide comes without
/// its questions that presume repair (`Guide::without_repair`).
pub(crate) fn with_guide<V: IntoView + 'static>(page: fn(&'static Guide) -> V) -> impl IntoView {
    let address = crate::router::page();
    let safety = use_safety();
    // The app draws a guide's page afresh for each guide. When the address
    // moves on to another kind of page, this one is going away: it keeps
    // its guide rather than flash "page not found" on its way out.
    let id = Memo::new(move |before: Option<&GuideId>| match address.get() {
        Some(Page::Guide(id, _)) => id,
        _ => before.cloned().unwrap_or_else(|| GuideId::new("")),
    });
    move || {
        if content::library().guide(&id.get()).is_none() {
            return view! { <NotFound /> }.into_any();
        }
        with_words(
            t(msg::guide::THIS_GUIDE),
            move || vec![id.get()],
            move |guides| {
                // Read once per guide opened: an answer given in this guide
                // must not redraw the screen the user is typing in.
                let danger = safety.with_untracked(|s| s.danger());
                guides
                    .first()
                    .map(|guide| page(content::as_asked(guide, danger)))
            },
        )
        .into_any()
    }
}
