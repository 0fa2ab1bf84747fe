//! Sending this person's card: copy, share, download, or a QR code.

use leptos::prelude::*;

use crate::compare as glue;
use crate::components::alive;
use crate::components::download::{text_file, NOT_DOWNLOADED};
use crate::domain::compare::exchange::{Exchange, Stage};
use crate::domain::compare::qr;
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
                alive(
                    status,
                    Some("This browser wouldn't copy it. Select the card above and copy it yourself."),
                );
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
            status.set(Some(NOT_DOWNLOADED));
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
            <h2 id="compare-send">"Your card"</h2>
            <p>
                {if sent {
                    format!("Sent. When {name} sends theirs, open it below.")
                } else {
                    format!("Send your card to {name}: copy it into a message, download it, or share it. Their card opens once yours is on its way.")
                }}
            </p>
            <label for="my-card">"Your sealed card"</label>
            <textarea id="my-card" class="card-text" readonly rows="4"
                on:copy=move |_| copied_sent()>{text.clone()}</textarea>
            <p class="actions">
                <button type="button" class="button button--primary" on:click=copy>"Copy my card"</button>
                <button type="button" class="button" on:click=download>"Download as a text file"</button>
                {glue::can_share().then(|| view! { <button type="button" class="button" on:click=share>"Share…"</button> })}
                <button type="button" class="button" on:click=show_qr>"Show as a QR code"</button>
            </p>
            <p class="field-error" role="alert">{move || status.get()}</p>
            {move || qr_shown.get().then(|| match drawn.clone() {
                Some(code) => view! {
                    <figure class="qr" data-link=link_to.clone()>
                        <svg viewBox=format!("0 0 {0} {0}", code.width) role="img" aria-label="Your card as a QR code, for the other phone's camera" class="qr__code">
                            <rect width=code.width.to_string() height=code.width.to_string() class="qr__light" />
                            <path d=code.path class="qr__dark" />
                        </svg>
                        <figcaption>"Scan it with the other phone's camera. The link opens Mend there, with your card; it never reaches a server."</figcaption>
                    </figure>
                }.into_any(),
                None => view! {
                    <p role="status">"Your card holds too much for a QR code a camera reads reliably. Send it as text instead: copy, download or share it."</p>
                }.into_any(),
            })}
        </section>
    }
}
