//! Messages about the user's saved answers: a failed save, data kept aside,
//! a newer version, another tab's changes. Each offers what the user can do.

use leptos::prelude::*;

use crate::components::download;
use crate::domain::store::{Lasts, Notice, NoticeAction};
use crate::i18n::{msg::shell, t};
use crate::store::{today, Store};

#[component]
pub fn Notices() -> impl IntoView {
    let store = expect_context::<Store>();
    view! {
        <div class="notices">
            <For each=move || store.notices().get() key=|notice| format!("{notice:?}") let(notice)>
                <NoticeView notice />
            </For>
        </div>
    }
}

#[component]
fn NoticeView(notice: Notice) -> impl IntoView {
    let store = expect_context::<Store>();
    let urgent = notice.is_urgent();
    let action = notice.action().map(|action| {
        let (label, run): (&str, Box<dyn Fn()>) = match action {
            NoticeAction::DownloadEverything => (
                t(shell::DOWNLOAD_EVERYTHING),
                // An export file: Import reads it back, checksum and all.
                Box::new(move || {
                    download::everything(store, false, |message| {
                        // Rare (WebCrypto or the browser failing) and on an
                        // already urgent path: a plain alert is sure to be seen.
                        let _ = window().alert_with_message(message);
                    })
                }),
            ),
            NoticeAction::DownloadRecovered => (
                t(shell::DOWNLOAD_UNREADABLE),
                Box::new(move || {
                    wasm_bindgen_futures::spawn_local(async move {
                        let saved = store.recovered_text().await.is_some_and(|text| {
                            download::text_file(
                                &format!("mend-unreadable-{}.txt", today()),
                                &text,
                                "text/plain",
                            )
                        });
                        if !saved {
                            let _ = window().alert_with_message(t(shell::NOT_DOWNLOADED));
                        }
                    });
                }),
            ),
            NoticeAction::Reload => (
                t(shell::RELOAD),
                Box::new(|| {
                    let _ = window().location().reload();
                }),
            ),
        };
        view! { <button type="button" class="button" on:click=move |_| run()>{label}</button> }
    });
    let dismiss = (notice.lasts() != Lasts::UntilSaved).then(|| {
        view! {
            <button type="button" class="button button--quiet" on:click=move |_| store.dismiss(notice)>
                {t(shell::DISMISS)}
            </button>
        }
    });
    view! {
        <div class="notice" class:notice--urgent=urgent role=if urgent { "alert" } else { "status" }>
            <p>{notice.message()}</p>
            <div class="notice__actions">{action}{dismiss}</div>
        </div>
    }
}
