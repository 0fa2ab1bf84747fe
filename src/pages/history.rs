//! The History page: completed guides and recurring check-ins, by date.

use leptos::prelude::*;

use crate::components::PageHeading;
use crate::routes::Page;

#[component]
pub fn History() -> impl IntoView {
    view! {
        <PageHeading text="History" tab_title=Page::History.document_title() />
        <div class="empty-state" role="note">
            <p>"Nothing here yet."</p>
            <p>
                "Each time you finish a guide or a check-in, it is kept here with its date, so you "
                "can look back and see how things have changed."
            </p>
        </div>
    }
}
