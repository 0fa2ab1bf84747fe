//! History's commitments: each one's record week by week, as it is (no
//! streaks or scores), and the ways to change one: new words (the record
//! stays), finished, dropped with a reason, tracked again; and a commitment
//! of the user's own, for either role (an agreement, a boundary).

use leptos::prelude::*;

use crate::domain::date::CalendarDate;
use crate::domain::program::commitments::{Commitment, EndedHow};
use crate::domain::program::summary::status;
use crate::i18n::{msg, t, tf};
use crate::store::{today, Store, Urgency};

#[component]
pub fn CommitmentsSection() -> impl IntoView {
    let store = expect_context::<Store>();
    // Open ones first, then ended ones, each in the order taken up. A memo
    // keyed on the whole commitment: a change to one redraws only its card,
    // and a save elsewhere in the document redraws none (what is typed in
    // another card's fields stays).
    let listed = Memo::new(move |_| {
        store.read(|d| {
            let mut all: Vec<Commitment> = d.commitments.iter().cloned().collect();
            all.sort_by_key(|c| !c.is_open());
            all
        })
    });
    let new_text = RwSignal::new(String::new());
    let add_error = RwSignal::new(None::<&'static str>);
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let text = new_text.get_untracked();
        let mut added = false;
        store.change(Urgency::Now, |d| {
            added = d.commitments.add(&text, today()).is_some();
        });
        if added {
            new_text.set(String::new());
            add_error.set(None);
        } else {
            add_error.set(Some(t(msg::history::ADD_EMPTY)));
        }
    };
    view! {
        <section class="card" aria-labelledby="history-commitments">
            <h2 id="history-commitments">{t(msg::history::COMMITMENTS_HEADING)}</h2>
            <Show
                when=move || listed.with(|all| !all.is_empty())
                fallback=|| view! {
                    <p>{t(msg::history::COMMITMENTS_NONE)}</p>
                }
            >
                <p class="field-help">{t(msg::history::COMMITMENTS_HELP)}</p>
                <For each=move || listed.get() key=|c| c.clone() let(c)>
                    <CommitmentCard commitment=c />
                </For>
            </Show>
            <form class="commitment-add" on:submit=add novalidate>
                <div class="field">
                    <label for="commitment-new">{t(msg::history::ADD_LABEL)}</label>
                    <p class="field-help" id="commitment-new-help">{t(msg::history::ADD_HELP)}</p>
                    <input id="commitment-new" type="text" maxlength="500"
                        aria-describedby="commitment-new-help"
                        prop:value=move || new_text.get()
                        on:input=move |e| new_text.set(event_target_value(&e)) />
                    <p class="field-error" role="alert">{move || add_error.get()}</p>
                </div>
                <button type="submit" class="button">{t(msg::history::ADD_IT)}</button>
            </form>
        </section>
    }
}

#[component]
fn CommitmentCard(commitment: Commitment) -> impl IntoView {
    let store = expect_context::<Store>();
    let today = today();
    let id = StoredValue::new(commitment.id.clone());
    let heading_id = format!("commitment-{}", commitment.id);
    let labelled_by = heading_id.clone();
    let words_id = format!("commitment-words-{}", commitment.id);
    let reason_id = format!("commitment-reason-{}", commitment.id);
    let words = RwSignal::new(commitment.text.clone());
    let reason = RwSignal::new(String::new());
    // The week-by-week table is drawn when first opened: years of weeks for
    // every commitment would otherwise slow History for nobody's benefit.
    let record = StoredValue::new(commitment.clone());
    let table_opened = RwSignal::new(false);
    let rows = move || {
        table_opened.get().then(|| {
            record.with_value(|c| {
                c.record(today)
                    .into_iter()
                    .map(|(week, mark)| {
                        week_row(week, mark.map(|m| (m.mark.label(), m.note.clone())))
                    })
                    .collect_view()
            })
        })
    };
    let save_words = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        store.change(Urgency::Now, |d| {
            d.commitments
                .reword(&id.get_value(), &words.get_untracked());
        });
    };
    let end = move |how: EndedHow| {
        store.change(Urgency::Now, |d| {
            d.commitments
                .end(&id.get_value(), how, &reason.get_untracked(), today)
        });
    };
    let open = commitment.is_open();
    view! {
        <article class="commitment" aria-labelledby=labelled_by>
            <h3 id=heading_id>{commitment.text.clone()}</h3>
            <p class="muted">{status(&commitment)}</p>
            <p>{commitment.in_words(today)}</p>
            <details class="week-table" on:toggle=move |_| table_opened.set(true)>
                <summary>{t(msg::history::WEEK_BY_WEEK)}</summary>
                <table>
                    <caption>{tf(msg::history::EACH_WEEK_SINCE, &[("date", &commitment.started_on.long())])}</caption>
                    <thead>
                        <tr><th scope="col">{t(msg::history::WEEK_OF)}</th><th scope="col">{t(msg::history::HOW_IT_WENT)}</th><th scope="col">{t(msg::history::NOTE)}</th></tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
            <details class="commitment__change">
                <summary>{if open { t(msg::history::CHANGE_OPEN) } else { t(msg::history::CHANGE_ENDED) }}</summary>
                <form class="commitment__form" on:submit=save_words novalidate>
                    <div class="field">
                        <label for=words_id.clone()>{t(msg::history::IN_YOUR_WORDS)}</label>
                        <input id=words_id type="text" maxlength="500"
                            prop:value=move || words.get()
                            on:input=move |e| words.set(event_target_value(&e)) />
                    </div>
                    <button type="submit" class="button">{t(msg::history::SAVE_WORDS)}</button>
                </form>
                {if open {
                    view! {
                        <div class="field">
                            <label for=reason_id.clone()>{t(msg::history::END_REASON)}</label>
                            <input id=reason_id type="text" maxlength="500"
                                prop:value=move || reason.get()
                                on:input=move |e| reason.set(event_target_value(&e)) />
                        </div>
                        <p class="actions">
                            <button type="button" class="button" on:click=move |_| end(EndedHow::Finished)>{t(msg::history::FINISHED)}</button>
                            <button type="button" class="button" on:click=move |_| end(EndedHow::Dropped)>{t(msg::history::DROP)}</button>
                        </p>
                    }
                    .into_any()
                } else {
                    view! {
                        <p class="actions">
                            <button type="button" class="button" on:click=move |_| {
                                store.change(Urgency::Now, |d| d.commitments.reopen(&id.get_value()));
                            }>{t(msg::history::TRACK_AGAIN)}</button>
                        </p>
                    }
                    .into_any()
                }}
            </details>
        </article>
    }
}

fn week_row(week: CalendarDate, mark: Option<(&'static str, String)>) -> impl IntoView {
    let (how, note) = mark.unwrap_or((t(msg::history::NOT_MARKED), String::new()));
    view! {
        <tr>
            <th scope="row"><time datetime=week.to_string()>{week.long()}</time></th>
            <td>{how}</td>
            <td>{note}</td>
        </tr>
    }
}
