//! Compare's first step: the pairing code both people agree in person.

use leptos::prelude::*;

use super::finished_answers;
use crate::compare as glue;
use crate::domain::compare::code::PairingCode;
use crate::domain::guide::Guide;
use crate::i18n::{msg, t, tf};
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
                {move || tf(msg::compare::FROM_LINK, &[("name", &name.get())])}
            </p>
        })}
        <section class="card" aria-labelledby="compare-how">
            <h2 id="compare-how">{t(msg::compare::HOW_HEADING)}</h2>
            <ol>
                <li>{t(msg::compare::HOW_ANSWER)}</li>
                <li>{t(msg::compare::HOW_CODE)}</li>
                <li>{t(msg::compare::HOW_CHOOSE)}</li>
                <li>{t(msg::compare::HOW_SEND)}</li>
            </ol>
            <p>{t(msg::compare::HOW_SERVER)}</p>
        </section>
        {if finished {
            view! {
                <section class="card" aria-labelledby="compare-code">
                    <h2 id="compare-code">{t(msg::compare::CODE_HEADING)}</h2>
                    <p>{t(msg::compare::CODE_INTRO)}</p>
                    {move || match shown.get() {
                        None => view! {
                            <p><button type="button" class="button" on:click=show>{t(msg::compare::SHOW_CODE)}</button></p>
                        }.into_any(),
                        Some(code) => {
                            let grouped = code.grouped();
                            let spoken = grouped.chars().map(|c| if c == '-' { ", ".to_owned() } else { format!("{c} ") }).collect::<String>();
                            view! {
                                <p class="pairing-code">
                                    <span aria-hidden="true">{grouped}</span>
                                    // Read letter by letter, not as words.
                                    <span class="visually-hidden">{tf(msg::compare::CODE_SPOKEN, &[("code", &spoken)])}</span>
                                </p>
                                <p>{move || tf(msg::compare::READ_OUT, &[("name", &name.get())])}</p>
                                <p><button type="button" class="button button--primary" on:click=move |_| start(code.clone())>{t(msg::compare::USE_CODE)}</button></p>
                            }.into_any()
                        }
                    }}
                    <form on:submit=use_typed novalidate>
                        <div class="field">
                            <label for="pairing-typed">{t(msg::compare::TYPE_LABEL)}</label>
                            <input id="pairing-typed" type="text" autocomplete="off" autocapitalize="characters" spellcheck="false"
                                prop:value=move || typed.get() on:input=move |e| typed.set(event_target_value(&e)) />
                        </div>
                        <button type="submit" class="button">{t(msg::compare::USE_TYPED)}</button>
                    </form>
                    <p class="field-error" role="alert">{move || error.get()}</p>
                </section>
            }
            .into_any()
        } else {
            view! {
                <p>
                    {t(msg::compare::FINISH_FIRST)}
                    " "
                    <a href=Page::guide(guide.id()).href()>{t(msg::compare::GO_TO_GUIDE)}</a>
                </p>
            }
            .into_any()
        }}
    }
}
