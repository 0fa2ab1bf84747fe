//! Sending this person's card: copy, share, download, or a QR code.

use leptos::prelude::*;

use crate::compare as glue;
use crate::components::alive;
use crate::components::download::text_file;
use crate::domain::compare::exchange::{Exchange, Stage};
use crate::domain::compare::qr;
use crate::i18n::{msg, t, tf};
use crate::routes::Page;
use crate::store::{today, Store, Urgency};

#[component]
pub(super) fn Send(exchange: Exchange, qr_shown: RwSignal<bool>) -> impl IntoView {
    let store = expect_context::<Store>();
    let name = store.read_untracked(|d| d.profile.wording.reference());
    let text = exchange.mine().map(|m| m.text.clone()).unwrap_or_default();
    let sent = exchange.stage() == Stage::Waiting;
    // A plain String, not a StoredValue: the copy and share promises end
    // after this section may have been redrawn (the first "sent" redraws it).
    let id = exchange.id().to_owned();
    let status = RwSignal::new(None::<&'static str>);
    let mark_sent = move || {
        let id = id.clone();
        store.change(Urgency::Now, move |d| {
            if let Some(e) = d.exchanges.get_mut(&id) {
                e.sent(today());
            }
        });
    };
    let copy_text = text.clone();
    let copy_sent = mark_sent.clone();
    let copy = move |_| {
        let promise = window().navigator().clipboard().write_text(&copy_text);
        let mark_sent = copy_sent.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                mark_sent();
            } else {
                alive(status, Some(t(msg::compare::COPY_FAILED)));
            }
        });
    };
    let file_text = text.clone();
    let download_sent = mark_sent.clone();
    let download = move |_| {
        let mark_sent = download_sent.clone();
        if text_file("answer-card.txt", &file_text, "text/plain") {
            mark_sent();
        } else {
            status.set(Some(t(crate::i18n::msg::shell::NOT_DOWNLOADED)));
        }
    };
    let share_text = text.clone();
    let share_sent = mark_sent.clone();
    let share = move |_| {
        let text = share_text.clone();
        let mark_sent = share_sent.clone();
        wasm_bindgen_futures::spawn_local(async move {
            if glue::share(&text).await {
                mark_sent();
            }
        });
    };
    let guide = exchange.guide().clone();
    let link_to = format!(
        "{}{}#{}",
        window().location().origin().unwrap_or_default(),
        Page::compare(&guide).href(),
        text
    );
    let drawn = qr::draw(&link_to);
    let qr_sent = mark_sent.clone();
    let show_qr = move |_| {
        qr_shown.set(true);
        qr_sent();
    };
    let copied_sent = mark_sent.clone();
    view! {
        <section class="card" aria-labelledby="compare-send">
            <h2 id="compare-send">{t(msg::compare::YOUR_CARD)}</h2>
            <p>
                {if sent {
                    tf(msg::compare::SENT, &[("name", &name)])
                } else {
                    tf(msg::compare::SEND_INTRO, &[("name", &name)])
                }}
            </p>
            <label for="my-card">{t(msg::compare::SEALED_LABEL)}</label>
            <textarea id="my-card" class="card-text" readonly rows="4"
                on:copy=move |_| copied_sent()>{text.clone()}</textarea>
            <p class="actions">
                <button type="button" class="button button--primary" on:click=copy>{t(msg::compare::COPY)}</button>
                <button type="button" class="button" on:click=download>{t(msg::compare::DOWNLOAD)}</button>
                {glue::can_share().then(|| view! { <button type="button" class="button" on:click=share>{t(msg::compare::SHARE)}</button> })}
                <button type="button" class="button" on:click=show_qr>{t(msg::compare::SHOW_QR)}</button>
            </p>
            <p class="field-error" role="alert">{move || status.get()}</p>
            {move || qr_shown.get().then(|| match drawn.clone() {
                Some(code) => view! {
                    <figure class="qr" data-link=link_to.clone()>
                        <svg viewBox=format!("0 0 {0} {0}", code.width) role="img" aria-label=t(msg::compare::QR_LABEL) class="qr__code">
                            <rect width=code.width.to_string() height=code.width.to_string() class="qr__light" />
                            <path d=code.path class="qr__dark" />
                        </svg>
                        <figcaption>{t(msg::compare::QR_CAPTION)}</figcaption>
                    </figure>
                }.into_any(),
                None => view! {
                    <p role="status">{t(msg::compare::QR_TOO_BIG)}</p>
                }.into_any(),
            })}
        </section>
    }
}
