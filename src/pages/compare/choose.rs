//! Choosing which answers go on this person's card, then sealing it.

use leptos::prelude::*;

use super::finished_answers;
use crate::compare as glue;
use crate::components::{alive, Checkbox};
use crate::domain::compare::exchange::{Exchange, ExchangeError};
use crate::domain::compare::sharing::{choose, offered};
use crate::domain::guide::Guide;
use crate::domain::ids::QuestionId;
use crate::domain::program::summary::answer_lines;
use crate::i18n::{msg, t};
use crate::store::{today, Store, Urgency};

#[component]
pub(super) fn Choose(guide: &'static Guide, exchange: Exchange) -> impl IntoView {
    let store = expect_context::<Store>();
    let wording = store.read_untracked(|d| d.profile.wording.clone());
    let answers = finished_answers(store, guide).unwrap_or_default();
    let choices: Vec<(QuestionId, String, Vec<String>)> = offered(guide, &answers)
        .into_iter()
        .map(|(q, answer)| {
            let lines = answer_lines(q, Some(&answer), &wording);
            (q.id().to_owned(), q.text().render(&wording), lines)
        })
        .collect();
    let ticked = RwSignal::new(choices.iter().map(|c| c.0.clone()).collect::<Vec<_>>());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let code = exchange.code().clone();
    let id = exchange.id().to_owned();
    let seal = move |_| {
        if busy.get_untracked() {
            return;
        }
        let shared = match choose(guide, &answers, &ticked.get_untracked()) {
            Ok(shared) => shared,
            Err(problem) => return error.set(Some(problem.to_string())),
        };
        busy.set(true);
        let (code, id) = (code.clone(), id.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let sealed = glue::seal(&code, guide, &shared, today()).await;
            match sealed.map(|card| (card.sendable(), card)) {
                Ok((Err(too_long), _)) => alive(error, Some(too_long.to_string())),
                Ok((Ok(text), card)) => {
                    // Another tab may have sealed or deleted this exchange
                    // meanwhile: say so rather than seal nothing in silence.
                    let mut refused = Some(ExchangeError::Gone);
                    store.change(Urgency::Now, |d| {
                        if let Some(e) = d.exchanges.get_mut(&id) {
                            refused = e.seal(card.header.card.clone(), text, shared).err();
                        }
                    });
                    if let Some(problem) = refused {
                        alive(error, Some(problem.to_string()));
                    }
                }
                Err(message) => alive(error, Some(message.to_owned())),
            }
            alive(busy, false);
        });
    };
    let rows = choices
        .into_iter()
        .map(|(question, text, lines)| {
            let q = question.clone();
            let checked = Signal::derive(move || ticked.with(|t| t.contains(&q)));
            // The answer itself is read with the checkbox, so a screen
            // reader user hears what would travel.
            let answer_id = format!("share-{question}");
            view! {
                <Checkbox checked label=text described_by=answer_id.clone() class="compare-choice"
                    on_change=move |on| ticked.update(|t| {
                        t.retain(|x| x != &question);
                        if on {
                            t.push(question.clone());
                        }
                    })>
                    <div class="compare-choice__answer" id=answer_id>
                        {lines.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}
                    </div>
                </Checkbox>
            }
        })
        .collect_view();
    view! {
        <section class="card" aria-labelledby="compare-choose">
            <h2 id="compare-choose">{t(msg::compare::CHOOSE_HEADING)}</h2>
            <p>{t(msg::compare::CHOOSE_INTRO)}</p>
            <fieldset>
                <legend>{t(msg::compare::CHOOSE_LEGEND)}</legend>
                {rows}
            </fieldset>
            <p>{t(msg::compare::SEALED_NOTE)}</p>
            <p><button type="button" class="button button--primary" on:click=seal disabled=move || busy.get()>
                {move || if busy.get() { t(msg::compare::SEALING) } else { t(msg::compare::SEAL) }}
            </button></p>
            <p class="field-error" role="alert">{move || error.get()}</p>
        </section>
    }
}
