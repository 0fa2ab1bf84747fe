//! Compare with {name}: two people who both want to rebuild answer a
//! shareable guide each on their own device, agree a pairing code in person,
//! and exchange sealed answer cards. The other person's card opens only once
//! this device has sent its own (domain::compare::exchange), so neither sees
//! the other's answers before sharing their own. No server is involved.
//!
//! The page (this file) finds the exchange to show and hands it to the step
//! it is at: `pairing` (the code both people agree), `flow` (which step),
//! `choose` (what to share, then seal), `send` (copy, share, download or a
//! QR code), `receive` (paste their card) and `comparison` (side by side).

mod choose;
mod comparison;
mod flow;
mod pairing;
mod receive;
mod send;

use leptos::prelude::*;

use crate::compare as glue;
use crate::components::safety::use_safety;
use crate::components::{alive, PageHeading};
use crate::domain::answer::Answers;
use crate::domain::compare::sharing::{availability, Availability};
use crate::domain::guide::Guide;
use crate::i18n::{msg, t, tf};
use crate::pages::guide::with_guide;
use crate::routes::{Page, EXCHANGE_QUERY};
use crate::store::Store;

use flow::Flow;
use pairing::Pairing;

#[component]
pub fn GuideCompare() -> impl IntoView {
    with_guide(|guide| view! { <ComparePage guide /> })
}

#[component]
fn ComparePage(guide: &'static Guide) -> impl IntoView {
    let store = expect_context::<Store>();
    let safety = use_safety();
    let wording = Memo::new(move |_| store.read(|d| d.profile.wording.clone()));
    let name = Signal::derive(move || wording.with(|w| w.reference()));
    let title = tf(msg::compare::TITLE, &[("name", &name.get_untracked())]);
    // A card that came in a link is held here until it can be opened.
    let arrived = glue::arrived_card();
    let from_link = arrived.is_some();
    let pasted = RwSignal::new(arrived.unwrap_or_default());
    // A link opened while this page is already showing changes only the
    // fragment: no new page load, so the card is taken from here.
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        glue::take_card_from_address();
        if let Some(card) = glue::arrived_card() {
            alive(pasted, card);
        }
    });
    on_cleanup(move || listener.remove());
    // `?exchange=` (History's links) shows that exchange; else the newest.
    let exchange = Memo::new(move |_| {
        let chosen = crate::router::query(EXCHANGE_QUERY);
        store.read(|d| d.exchanges.to_show(guide.id(), chosen.as_deref()).cloned())
    });
    // Set when the user asks for a new exchange over a finished one.
    let fresh = RwSignal::new(false);
    // Kept here: the card's section is drawn again when the exchange changes
    // (showing the code marks the card sent), and the code must stay shown.
    let qr_shown = RwSignal::new(false);
    let body = move || {
        match safety.with(|s| availability(guide, s)) {
            Availability::Open => {}
            Availability::NotShareable => {
                return view! {
                    <p>{t(msg::compare::NOT_SHAREABLE)}</p>
                }
                .into_any();
            }
            Availability::OffForDanger => {
                return view! {
                    <div class="card notice--safety" role="note">
                        <p>{t(msg::compare::OFF_FOR_DANGER)}</p>
                        <p><a href=Page::Safety.href() class="link-alone">{t(msg::compare::SAFETY_LINK)}</a></p>
                    </div>
                }
                .into_any();
            }
            Availability::OffForHarm => {
                return view! {
                    <div class="card notice" role="note">
                        <p>{t(msg::compare::OFF_FOR_HARM)}</p>
                        <p><a href=Page::StoppingHarm.href() class="link-alone">{t(msg::compare::STOPPING_HARM_LINK)}</a></p>
                    </div>
                }
                .into_any();
            }
        }
        match exchange.get().filter(|_| !fresh.get()) {
            None => view! { <Pairing guide fresh from_link /> }.into_any(),
            Some(e) => view! { <Flow guide exchange=e pasted fresh qr_shown /> }.into_any(),
        }
    };
    view! {
        <PageHeading text=title tab_title=t(msg::compare::TAB_TITLE) />
        <p class="lead">{move || guide.title().render(&wording.get())}</p>
        {body}
    }
}

/// The answers of the user's latest finished entry of `guide`.
fn finished_answers(store: Store, guide: &'static Guide) -> Option<Answers> {
    store.read(|d| {
        d.entries
            .history(guide.id())
            .last()
            .map(|e| e.answers().clone())
    })
}

fn capitalised(text: &str) -> String {
    crate::domain::wording::capitalise(text)
}
