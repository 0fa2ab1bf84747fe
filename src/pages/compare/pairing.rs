//! Compare's first step: the pairing code both people agree in person.

use leptos::prelude::*;
use leptos_router::components::A;

use super::finished_answers;
use crate::compare as glue;
use crate::domain::compare::code::PairingCode;
use crate::domain::guide::Guide;
use crate::routes::Page;
use crate::store::{today, Store, Urgency};

#[component]
pub(super) fn Pairing(
    guide: &'static Guide,
    fresh: RwSignal<bool>,
    from_link: bool,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let name = Memo::new(move |_| store.read(|d| d.profile.wording.reference()));
    let shown = RwSignal::new(None::<PairingCode>);
    let typed = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let start = move |code: PairingCode| {
        store.change(Urgency::Now, |d| {
            d.exchanges
                .start(guide.id().to_owned(), guide.version(), code, today());
        });
        fresh.set(false);
    };
    let show = move |_| match glue::new_code() {
        Ok(code) => shown.set(Some(code)),
        Err(message) => error.set(Some(message.to_owned())),
    };
    let use_typed = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        match PairingCode::parse(&typed.get_untracked()) {
            Ok(code) => start(code),
            Err(problem) => error.set(Some(problem.to_string())),
        }
    };
    let finished = finished_answers(store, guide).is_some();
    view! {
        {from_link.then(|| view! {
            <p class="card notice" role="note">
                "This link holds an answer card. It opens once you have agreed a pairing code with "
                {move || name.get()} " below, sealed your own answers and sent them."
            </p>
        })}
        <section class="card" aria-labelledby="compare-how">
            <h2 id="compare-how">"How it works"</h2>
            <ol>
                <li>"You each answer this guide on your own device."</li>
                <li>"Together, in person, you agree a pairing code."</li>
                <li>"You each choose which answers to share, and seal them into an answer card."</li>
                <li>"You send each other your cards. Theirs opens on your device only after you have sent yours, so neither of you sees the other's answers before sharing your own."</li>
            </ol>
            <p>
                "No server is involved: cards travel however you send them, sealed with the pairing code. "
                "One thing Mend can't prevent: whoever receives a card last could read it and never send theirs."
            </p>
        </section>
        {if finished {
            view! {
                <section class="card" aria-labelledby="compare-code">
                    <h2 id="compare-code">"Your pairing code"</h2>
                    <p>"One of you shows a new code; the other types it in. Both of you use the same code."</p>
                    {move || match shown.get() {
                        None => view! {
                            <p><button type="button" class="button" on:click=show>"Show a new code"</button></p>
                        }.into_any(),
                        Some(code) => {
                            let grouped = code.grouped();
                            let spoken = grouped.chars().map(|c| if c == '-' { ", ".to_owned() } else { format!("{c} ") }).collect::<String>();
                            view! {
                                <p class="pairing-code">
                                    <span aria-hidden="true">{grouped}</span>
                                    // Read letter by letter, not as words.
                                    <span class="visually-hidden">{format!("Pairing code: {spoken}")}</span>
                                </p>
                                <p>"Read it out to " {move || name.get()} " or let them type it in, then use it here."</p>
                                <p><button type="button" class="button button--primary" on:click=move |_| start(code.clone())>"Use this code"</button></p>
                            }.into_any()
                        }
                    }}
                    <form on:submit=use_typed novalidate>
                        <div class="field">
                            <label for="pairing-typed">"Or type the code you were given"</label>
                            <input id="pairing-typed" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false"
                                prop:value=move || typed.get() on:input=move |e| typed.set(event_target_value(&e)) />
                        </div>
                        <button type="submit" class="button">"Use the typed code"</button>
                    </form>
                    <p class="field-error" role="alert">{move || error.get()}</p>
                </section>
            }
            .into_any()
        } else {
            view! {
                <p>
                    "Finish this guide first: the answers you compare are the ones you gave. "
                    <A href=Page::guide(guide.id()).href()>"Go to the guide"</A>
                </p>
            }
            .into_any()
        }}
    }
}
