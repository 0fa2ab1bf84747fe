//! Shown for any address inside Mend that is not a page.

use leptos::prelude::*;

use crate::components::PageHeading;
use crate::i18n::{msg::shell, t};
use crate::routes::{tab_title, Page};

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <PageHeading text=t(shell::NOT_FOUND_HEADING) tab_title=tab_title(t(shell::NOT_FOUND_TITLE)) />
        <p>{t(shell::NOT_FOUND_BODY)}</p>
        <p class="actions">
            <a href=Page::Start.href() class="button button--primary">{t(shell::GO_START)}</a>
        </p>
    }
}
