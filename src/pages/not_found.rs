//! Shown for any address inside Mend that is not a page.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::PageHeading;
use crate::routes::Page;

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageHeading text="This page doesn't exist" tab_title="Page not found · Mend" />
        <p>"The address may be mistyped, or the page may have moved. Your answers are safe."</p>
        <p class="actions">
            <A href=Page::Start.href() attr:class="button button--primary">"Go to the start page"</A>
        </p>
    }
}
