//! The Guides page: every guide, grouped, with where the user is in each.

use leptos::prelude::*;

use crate::components::PageHeading;
use crate::content::{library, paths};
use crate::domain::program::path::step_status;
use crate::i18n::{msg::shell, t};
use crate::routes::Page;
use crate::store::Store;

#[component]
pub fn Guides() -> impl IntoView {
    let store = expect_context::<Store>();
    let groups = move || {
        store.read(|d| {
            paths()
                .groups()
                .iter()
                .map(|group| {
                    let guides = group
                        .guides
                        .iter()
                        .filter_map(|id| library().guide(id))
                        .map(|guide| {
                            let status = step_status(guide, &d.entries);
                            let recurring = guide
                                .is_recurring()
                                .then(|| format!(" · {}", t(shell::CAN_REPEAT)));
                            let title = guide.title().render(&d.profile.wording);
                            let summary = guide.summary().render(&d.profile.wording);
                            view! {
                                <li class="guide-item">
                                    <a href=Page::guide(guide.id()).href()>{title}</a>
                                    <span class="muted">" · "{status.label()}{recurring}</span>
                                    <p class="muted">{summary}</p>
                                </li>
                            }
                        })
                        .collect_view();
                    let title = group.title.clone();
                    let label = title.clone();
                    view! {
                        <section aria-label=label>
                            <h2>{title}</h2>
                            <ul class="guide-list">{guides}</ul>
                        </section>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <PageHeading text=Page::Guides.label() tab_title=Page::Guides.document_title() />
        <p class="lead">{t(shell::GUIDES_LEAD)}</p>
        {groups}
    }
}
