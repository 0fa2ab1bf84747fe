//! Compare with {name}: two people who both want to rebuild answer a
//! shareable guide each on their own device, agree a pairing code in person,
//! and exchange sealed answer cards. The other person's card opens only once
//! this device has sent its own (domain::compare::exchange), so neither sees
//! the other's answers before sharing their own. No server is involved.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::compare::{self as glue, OpenFailure, UNAVAILABLE};
use crate::components::download::{text_file, NOT_DOWNLOADED};
use crate::components::safety::use_safety;
use crate::components::{Checkbox, PageHeading};
use crate::content::library;
use crate::domain::answer::Answers;
use crate::domain::compare::card::{Card, MAX_CARD_CHARS};
use crate::domain::compare::code::PairingCode;
use crate::domain::compare::comparison::{comparable_scores, compare};
use crate::domain::compare::exchange::{Exchange, ExchangeError, Stage};
use crate::domain::compare::qr;
use crate::domain::compare::sharing::{choose, is_shareable, offered};
use crate::domain::guide::Guide;
use crate::domain::ids::{GuideId, QuestionId};
use crate::domain::program::summary::answer_lines;
use crate::pages::guide::with_guide;
use crate::routes::{Page, EXCHANGE_QUERY};
use crate::store::{today, Store, Urgency};

/// Said when the ticked answers make a card too long for the other device
/// to accept; nothing is sealed, so the user can untick and try again.
const TOO_LONG: &str = "These answers make a card too long to send. Untick some of the longest answers and seal again.";

/// The guide a comparison points to for talking differences through.
const CONVERSATION_GUIDE: &str = "the-conversation";

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
    let title = format!("Compare with {}", name.get_untracked());
    // A card that came in a link is held here until it can be opened.
    let arrived = glue::arrived_card();
    let from_link = arrived.is_some();
    let pasted = RwSignal::new(arrived.unwrap_or_default());
    // A link opened while this page is already showing changes only the
    // fragment: no new page load, so the card is taken from here.
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        glue::take_card_from_address();
        if let Some(card) = glue::arrived_card() {
            let _ = pasted.try_set(card);
        }
    });
    on_cleanup(move || listener.remove());
    // `?exchange=` (History's links) shows that exchange; else the newest.
    let query = leptos_router::hooks::use_query_map();
    let exchange = Memo::new(move |_| {
        let chosen = query.read().get(EXCHANGE_QUERY);
        store.read(|d| {
            chosen
                .and_then(|id| d.exchanges.get(&id).filter(|e| e.guide() == guide.id()))
                .or_else(|| d.exchanges.latest(guide.id()))
                .cloned()
        })
    });
    // Set when the user asks for a new exchange over a finished one.
    let fresh = RwSignal::new(false);
    // Kept here: the card's section is drawn again when the exchange changes
    // (showing the code marks the card sent), and the code must stay shown.
    let qr_shown = RwSignal::new(false);
    let body = move || {
        if !is_shareable(guide) {
            return view! {
                <p>"This guide is not one to compare: its answers stay on this device."</p>
            }
            .into_any();
        }
        if safety.with(|s| s.danger()) {
            return view! {
                <div class="card notice--safety" role="note">
                    <p>
                        "Compare is switched off while your answers say you may not be safe. Being asked "
                        "to show your answers can be a way of being controlled, and Mend won't help with that."
                    </p>
                    <p><A href=Page::Safety.href() attr:class="link-alone">"Go to your safety page"</A></p>
                </div>
            }
            .into_any();
        }
        if safety.with(|s| s.holds_repair_for_harm()) {
            return view! {
                <div class="card notice" role="note">
                    <p>
                        "Compare is switched off for now. You said you have frightened, threatened, hurt or "
                        "controlled the other person, and asking to see someone's answers can feel like "
                        "pressure. It comes back once you have taken a first step for stopping."
                    </p>
                    <p><A href=Page::StoppingHarm.href() attr:class="link-alone">"If you have frightened or hurt someone"</A></p>
                </div>
            }
            .into_any();
        }
        match exchange.get().filter(|_| !fresh.get()) {
            None => view! { <Pairing guide fresh from_link /> }.into_any(),
            Some(e) => view! { <Flow guide exchange=e pasted fresh qr_shown /> }.into_any(),
        }
    };
    view! {
        <PageHeading text=title tab_title="Compare · Mend" />
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

#[component]
fn Pairing(guide: &'static Guide, fresh: RwSignal<bool>, from_link: bool) -> impl IntoView {
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

#[component]
fn Flow(
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
            <h2 id="compare-manage">"This exchange"</h2>
            <p>{format!("Started on {}.", exchange.started_on().long())}</p>
            <p class="actions">
                <button type="button" class="button" on:click=move |_| { qr_shown.set(false); fresh.set(true); }>"Start a new exchange"</button>
                {move || if delete_asked.get() {
                    view! {
                        <button type="button" class="button button--danger" on:click=delete>"Delete it for good"</button>
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="button" on:click=move |_| delete_asked.set(true)>"Delete this exchange"</button>
                    }.into_any()
                }}
            </p>
            {move || delete_asked.get().then(|| view! {
                <p class="field-help">"Both cards' answers and the pairing code are removed from this device. A card already sent stays wherever it was sent."</p>
            })}
        </section>
    }
}

#[component]
fn Choose(guide: &'static Guide, exchange: Exchange) -> impl IntoView {
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
            match glue::seal(&code, guide, &shared, today()).await {
                Ok(card) if card.to_text().len() > MAX_CARD_CHARS => {
                    let _ = error.try_set(Some(TOO_LONG.to_owned()));
                }
                Ok(card) => {
                    let text = card.to_text();
                    // Another tab may have sealed or deleted this exchange
                    // meanwhile: say so rather than seal nothing in silence.
                    let mut refused = Some(ExchangeError::Gone);
                    store.change(Urgency::Now, |d| {
                        if let Some(e) = d.exchanges.get_mut(&id) {
                            refused = e.seal(card.header.card.clone(), text, shared).err();
                        }
                    });
                    if let Some(problem) = refused {
                        let _ = error.try_set(Some(problem.to_string()));
                    }
                }
                Err(message) => {
                    let _ = error.try_set(Some(message.to_owned()));
                }
            }
            let _ = busy.try_set(false);
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
            <h2 id="compare-choose">"Choose what to share"</h2>
            <p>
                "Everything ticked goes on your card, exactly as shown. Untick anything you'd rather keep "
                "to yourself. Answers about your safety never go on a card."
            </p>
            <fieldset>
                <legend>"Answers to share"</legend>
                {rows}
            </fieldset>
            <p>"Once sealed, these answers stay as they are for this exchange, so neither of you can change an answer after seeing the other's."</p>
            <p><button type="button" class="button button--primary" on:click=seal disabled=move || busy.get()>
                {move || if busy.get() { "Sealing…" } else { "Seal my card" }}
            </button></p>
            <p class="field-error" role="alert">{move || error.get()}</p>
        </section>
    }
}

#[component]
fn Send(exchange: Exchange, qr_shown: RwSignal<bool>) -> impl IntoView {
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
                let _ = status.try_set(Some(
                    "This browser wouldn't copy it. Select the card above and copy it yourself.",
                ));
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

#[component]
fn Receive(guide: &'static Guide, exchange: Exchange, pasted: RwSignal<String>) -> impl IntoView {
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
                        let _ = error.try_set(Some(problem.to_string()));
                    }
                }
                Err(OpenFailure::Card(problem)) => {
                    let _ = error.try_set(Some(problem.to_string()));
                }
                Err(OpenFailure::Unavailable) => {
                    let _ = error.try_set(Some(UNAVAILABLE.to_owned()));
                }
            }
            let _ = busy.try_set(false);
        });
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
            <p class="field-error" role="alert">{move || error.get()}</p>
        </section>
    }
}

fn capitalised(text: &str) -> String {
    crate::domain::wording::capitalise(text)
}

#[component]
fn Comparison(guide: &'static Guide, exchange: Exchange) -> impl IntoView {
    let store = expect_context::<Store>();
    let wording = store.read_untracked(|d| d.profile.wording.clone());
    let name = wording.reference();
    let them = capitalised(&name);
    let (Some(mine), Some(theirs)) = (exchange.mine(), exchange.theirs()) else {
        return ().into_any();
    };
    let rows = compare(guide, &mine.answers, &theirs.answers, &wording)
        .into_iter()
        .map(|row| {
            let verdict = row.verdict.in_words(&name);
            let them = them.clone();
            let shared = (!row.shared.is_empty()).then(|| format!("You both chose: {}.", row.shared.join("; ")));
            let label = row.question.clone();
            view! {
                <article class="compare-row" aria-label=label>
                    <h3>{row.question}</h3>
                    <p class="compare-row__verdict">{verdict}</p>
                    {shared.map(|s| view! { <p>{s}</p> })}
                    <dl class="compare-row__answers">
                        <dt>"You"</dt>
                        <dd>{if row.yours.is_empty() { vec!["(not shared)".to_owned()] } else { row.yours }.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}</dd>
                        <dt>{them}</dt>
                        <dd>{if row.theirs.is_empty() { vec!["(not shared)".to_owned()] } else { row.theirs }.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}</dd>
                    </dl>
                </article>
            }
        })
        .collect_view();
    // Scores only where both shared every answer that makes them (see
    // `comparable_scores`): a partial score would show a wrong band.
    let score_rows = comparable_scores(guide, &mine.answers, &theirs.answers)
        .into_iter()
        .map(|(a, b)| {
            let label = a.dimension.label().render(&wording);
            let band = |s: &crate::domain::guide::DimensionScore<'_>| {
                s.band
                    .map(|b| format!(" ({})", b.title().render(&wording)))
                    .unwrap_or_default()
            };
            let range = a.dimension.range();
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td>{format!("{} of {}{}", a.value, range.max, band(&a))}</td>
                    <td>{format!("{} of {}{}", b.value, range.max, band(&b))}</td>
                </tr>
            }
        })
        .collect::<Vec<_>>();
    let has_scores = !score_rows.is_empty();
    let conversation = library()
        .guide(&GuideId::new(CONVERSATION_GUIDE))
        .map(|g| (Page::guide(g.id()).href(), g.title().render(&wording)));
    view! {
        <section class="card" aria-labelledby="compare-result">
            <h2 id="compare-result">"Side by side"</h2>
            <p>
                {format!("Your card and {name}'s, question by question. Opened on {}.", theirs.opened_on.long())}
            </p>
            {has_scores.then(|| view! {
                <table class="week-table__plain">
                    <caption>"Scores from the answers you both shared"</caption>
                    <thead><tr><th scope="col">"Result"</th><th scope="col">"You"</th><th scope="col">{them.clone()}</th></tr></thead>
                    <tbody>{score_rows}</tbody>
                </table>
            })}
            {rows}
            <div class="card notice" role="note">
                <p>
                    "Differences are where the useful talking is. Take one at a time, say what you see "
                    "and how it feels rather than what the other person got wrong, and ask before you explain."
                </p>
                {conversation.map(|(href, title)| view! {
                    <p>"The guide " <A href=href>{title}</A> " can help you plan that talk."</p>
                })}
            </div>
        </section>
    }
    .into_any()
}
