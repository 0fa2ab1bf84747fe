//! The Guides page: the library of guided questionnaires.

use leptos::prelude::*;

use crate::components::PageHeading;
use crate::routes::Page;

#[component]
pub fn Guides() -> impl IntoView {
    view! {
        <PageHeading text="Guides" tab_title=Page::Guides.document_title() />
        <p class="lead">
            "Each guide is a short set of questions that helps you think one part of this through: "
            "owning what happened, planning an apology, understanding the hurt, deciding what comes next."
        </p>
        <div class="empty-state" role="note">
            <p>"This version of Mend does not include any guides yet. They arrive with the next update."</p>
        </div>
    }
}
