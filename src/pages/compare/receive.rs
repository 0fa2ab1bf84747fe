//! Opening the other person's card, once this one is on its way.

use leptos::prelude::*;

use super::capitalised;
use crate::compare::{self as glue, OpenFailure, UNAVAILABLE};
use crate::domain::compare::card::Card;
use crate::domain::compare::exchange::{Exchange, OpenPermit};
use crate::domain::guide::Guide;
use crate::store::{today, Store, Urgency};

#[component]
pub(super) fn Receive(
    guide: &'static Guide,
    exchange: Exchange,
    pasted: RwSignal<String>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let name = store.read_untracked(|d| d.profile.wording.reference());
    // What was refused before any decrypt (a card that doesn't parse, or
    // one the exchange may not open yet).
    let refused = RwSignal::new(None::<String>);
    let id = exchange.id().to_owned();
    // Opening takes a moment (the key is derived from the code). The
    // action's own state says whether it is under way and how it ended; it
    // goes with this section, so a result that arrives after the user left
    // sets nothing.
    let opening = {
        let id = id.clone();
        Action::new_local(move |(permit, card): &(OpenPermit, Card)| {
            let (permit, card, id) = (permit.clone(), card.clone(), id.clone());
            async move {
                match glue::open(&permit, guide, &card).await {
                    Ok(payload) => {
                        let mut refused = None;
                        store.change(Urgency::Now, |d| {
                            if let Some(e) = d.exchanges.get_mut(&id) {
                                refused = e.received(&card.header, payload, today()).err();
                            }
                        });
                        refused.map(|problem| problem.to_string())
                    }
                    Err(OpenFailure::Card(problem)) => Some(problem.to_string()),
                    Err(OpenFailure::Unavailable) => Some(UNAVAILABLE.to_owned()),
                }
            }
        })
    };
    let busy = opening.pending();
    let open = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        if busy.get_untracked() {
            return;
        }
        refused.set(None);
        let card = match Card::parse(&pasted.get_untracked()) {
            Ok(card) => card,
            Err(problem) => return refused.set(Some(problem.to_string())),
        };
        // The blind reveal and every other check come before any decrypt:
        // opening needs the permit only this gives.
        match store.read_untracked(|d| d.exchanges.may_open(&id, &card.header)) {
            Ok(permit) => {
                opening.dispatch_local((permit, card));
            }
            Err(problem) => refused.set(Some(problem.to_string())),
        }
    };
    // The newest problem: a refusal now, or how the last opening ended
    // (not while another is under way).
    let error = move || {
        refused.get().or_else(|| {
            (!busy.get())
                .then(|| opening.value().get().flatten())
                .flatten()
        })
    };
    view! {
        <section class="card" aria-labelledby="compare-receive">
            <h2 id="compare-receive">{format!("{}'s card", capitalised(&name))}</h2>
            <form on:submit=open novalidate>
                <div class="field">
                    <label for="their-card">{format!("Paste {name}'s card")}</label>
                    <textarea id="their-card" class="card-text" rows="4" spellcheck="false"
                        prop:value=move || pasted.get() on:input=move |e| pasted.set(event_target_value(&e))></textarea>
                </div>
                <button type="submit" class="button button--primary" disabled=move || busy.get()>"Open their card"</button>
            </form>
            <p class="field-error" role="alert">{error}</p>
        </section>
    }
}
