//! Which step of an exchange the page shows.

use leptos::prelude::*;

use super::choose::Choose;
use super::comparison::Comparison;
use super::receive::Receive;
use super::send::Send;
use crate::domain::compare::exchange::{Exchange, Stage};
use crate::domain::guide::Guide;
use crate::i18n::{msg, t, tf};
use crate::store::{Store, Urgency};

#[component]
pub(super) fn Flow(
    guide: &'static Guide,
    exchange: Exchange,
    pasted: RwSignal<String>,
    fresh: RwSignal<bool>,
    qr_shown: RwSignal<bool>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let id = StoredValue::new(exchange.id().to_owned());
    let stage = exchange.stage();
    let delete_asked = RwSignal::new(false);
    let delete = move |_| {
        store.change(Urgency::Now, |d| d.exchanges.remove(&id.get_value()));
    };
    let step = match stage {
        Stage::Choosing => view! { <Choose guide exchange=exchange.clone() /> }.into_any(),
        Stage::Sealed | Stage::Waiting => view! {
            <Send exchange=exchange.clone() qr_shown />
            <Receive guide exchange=exchange.clone() pasted />
        }
        .into_any(),
        Stage::Compared => view! { <Comparison guide exchange=exchange.clone() /> }.into_any(),
    };
    view! {
        {step}
        <section class="card" aria-labelledby="compare-manage">
            <h2 id="compare-manage">{t(msg::compare::MANAGE_HEADING)}</h2>
            <p>{tf(msg::compare::STARTED_ON, &[("date", &exchange.started_on().long())])}</p>
            <p class="actions">
                <button type="button" class="button" on:click=move |_| { qr_shown.set(false); fresh.set(true); }>{t(msg::compare::NEW_EXCHANGE)}</button>
                {move || if delete_asked.get() {
                    view! {
                        <button type="button" class="button button--danger" on:click=delete>{t(msg::compare::DELETE_FOR_GOOD)}</button>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="button" on:click=move |_| delete_asked.set(true)>{t(msg::compare::DELETE_EXCHANGE)}</button>
                    }.into_any()
                }}
            </p>
            {move || delete_asked.get().then(|| view! {
                <p class="field-help">{t(msg::compare::DELETE_NOTE)}</p>
            })}
        </section>
    }
}
