//! Opening the other person's card, once this one is on its way.

use leptos::prelude::*;

use super::capitalised;
use crate::compare::{self as glue, OpenFailure, UNAVAILABLE};
use crate::components::alive;
use crate::domain::compare::card::Card;
use crate::domain::compare::exchange::Exchange;
use crate::domain::guide::Guide;
use crate::i18n::{msg, t, tf};
use crate::store::{today, Store, Urgency};

#[component]
pub(super) fn Receive(
    guide: &'static Guide,
    exchange: Exchange,
    pasted: RwSignal<String>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let name = store.read_untracked(|d| d.profile.wording.reference());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let id = exchange.id().to_owned();
    let open = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        error.set(None);
        let card = match Card::parse(&pasted.get_untracked()) {
            Ok(card) => card,
            Err(problem) => return error.set(Some(problem.to_string())),
        };
        // The blind reveal and every other check come before any decrypt:
        // opening needs the permit only this gives.
        let permit = match store.read_untracked(|d| d.exchanges.may_open(&id, &card.header)) {
            Ok(permit) => permit,
            Err(problem) => return error.set(Some(problem.to_string())),
        };
        busy.set(true);
        let id = id.clone();
        wasm_bindgen_futures::spawn_local(async move {
            match glue::open(&permit, guide, &card).await {
                Ok(payload) => {
                    let mut refused = None;
                    store.change(Urgency::Now, |d| {
                        if let Some(e) = d.exchanges.get_mut(&id) {
                            refused = e.received(&card.header, payload, today()).err();
                        }
                    });
                    if let Some(problem) = refused {
                        alive(error, Some(problem.to_string()));
                    }
                }
                Err(OpenFailure::Card(problem)) => alive(error, Some(problem.to_string())),
                Err(OpenFailure::Unavailable) => alive(error, Some(t(UNAVAILABLE).to_owned())),
            }
            alive(busy, false);
        });
    };
    view! {
        <section class="card" aria-labelledby="compare-receive">
            <h2 id="compare-receive">{capitalised(&tf(msg::compare::THEIR_CARD, &[("name", &name)]))}</h2>
            <form on:submit=open novalidate>
                <div class="field">
                    <label for="their-card">{tf(msg::compare::PASTE_LABEL, &[("name", &name)])}</label>
                    <textarea id="their-card" class="card-text" rows="4" spellcheck="false"
                        prop:value=move || pasted.get() on:input=move |e| pasted.set(event_target_value(&e))></textarea>
                </div>
                <button type="submit" class="button button--primary" disabled=move || busy.get()>{t(msg::compare::OPEN_CARD)}</button>
            </form>
            <p class="field-error" role="alert">{move || error.get()}</p>
        </section>
    }
}
