//! Pages that show a guide's words wait for them here: a guide's file is
//! fetched the first time it is needed (see `content::words`), and a failed
//! download says so, with a way to try again, never a broken page.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::PageHeading;
use crate::content::{words_for, words_now, WordsError};
use crate::domain::guide::Guide;
use crate::domain::ids::GuideId;
use crate::i18n::{msg::shell, t, tf};
use crate::routes::tab_title;

/// Renders `render` with the whole guides `ids` (in that order) once they
/// are here; `what` names the page in a failure's heading ("this guide").
pub fn with_words<V, Ids, Render>(what: &'static str, ids: Ids, render: Render) -> impl IntoView
where
    V: IntoView + 'static,
    Ids: Fn() -> Vec<GuideId> + Send + Sync + 'static,
    Render: Fn(Vec<&'static Guide>) -> V + Send + Sync + 'static,
{
    // Bumped when a download ends, so the page looks again.
    let arrived = RwSignal::new(0_u32);
    // The ids a download failed for, and why.
    let failed: RwSignal<Option<(Vec<GuideId>, WordsError)>> = RwSignal::new(None);
    // The ids being fetched now: the page may redraw while it waits (the
    // summary follows the store), and one download per set is enough.
    let fetching: StoredValue<Option<Vec<GuideId>>> = StoredValue::new(None);
    move || {
        let ids = ids();
        arrived.track();
        if let Some(problem) = failed.with(|f| {
            f.as_ref()
                .filter(|(for_ids, _)| *for_ids == ids)
                .map(|(_, problem)| problem.message())
        }) {
            return unavailable(what, problem, move || failed.set(None)).into_any();
        }
        let here: Option<Vec<&'static Guide>> = ids.iter().map(words_now).collect();
        match here {
            Some(guides) => untrack(|| render(guides)).into_any(),
            None => {
                let already = fetching.with_value(|f| f.as_ref() == Some(&ids));
                if !already {
                    fetching.set_value(Some(ids.clone()));
                    spawn_local(async move {
                        let result = words_for(&ids).await;
                        let _ = fetching.try_update_value(|f| *f = None);
                        match result {
                            Ok(_) => {
                                let _ = arrived.try_update(|n| *n += 1);
                            }
                            Err(problem) => super::alive(failed, Some((ids, problem))),
                        }
                    });
                }
                view! { <p class="muted" role="status">{tf(shell::OPENING, &[("what", what)])}</p> }
                    .into_any()
            }
        }
    }
}

/// What a page shows when a part of Mend it needs could not be downloaded:
/// what happened, "Try again", and "Reload" for the case where this tab
/// runs a version of Mend that has since been replaced (its files are gone
/// from the server). Answers are saved as they are given, so reloading
/// loses nothing.
pub fn unavailable(
    what: &'static str,
    problem: &'static str,
    retry: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let reload = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    };
    let heading = tf(shell::COULD_NOT_OPEN, &[("what", what)]);
    let tab_title = tab_title(&heading);
    view! {
        <PageHeading text=heading tab_title />
        <div class="notice" role="alert">
            <p>{problem}</p>
            <p>{t(shell::UPDATED_ELSEWHERE)}</p>
            <p class="actions">
                <button type="button" class="button" on:click=move |_| retry()>{t(shell::TRY_AGAIN)}</button>
                <button type="button" class="button button--quiet" on:click=reload>{t(shell::RELOAD)}</button>
            </p>
        </div>
    }
}
