//! History's commitments: each one's record week by week, as it is (no
//! streaks or scores), and the ways to change one: new words (the record
//! stays), finished, dropped with a reason, tracked again; and a commitment
//! of the user's own, for either role (an agreement, a boundary).

use leptos::prelude::*;

use crate::domain::date::CalendarDate;
use crate::domain::program::commitments::{Commitment, EndedHow};
use crate::domain::program::summary::status;
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
            add_error.set(Some("Write the commitment first, in a few words."));
        }
    };
    view! {
        <section class="card" aria-labelledby="history-commitments">
            <h2 id="history-commitments">"Commitments"</h2>
            <Show
                when=move || listed.with(|all| !all.is_empty())
                fallback=|| view! {
                    <p>
                        "Nothing is tracked yet. The commitments you write in \u{201c}Keeping your "
                        "word\u{201d} or \u{201c}Committing to the work\u{201d} are tracked from the day "
                        "you finish the guide, and each weekly check-in asks how they went."
                    </p>
                }
            >
                <p class="field-help">
                    "Each weekly check-in asks how the open ones went. This is a record, not a score: "
                    "a missed week is worth talking about, and it doesn't undo the weeks that were kept."
                </p>
                <For each=move || listed.get() key=|c| c.clone() let(c)>
                    <CommitmentCard commitment=c />
                </For>
            </Show>
            <form class="commitment-add" on:submit=add novalidate>
                <div class="field">
                    <label for="commitment-new">"Add a commitment of your own"</label>
                    <p class="field-help" id="commitment-new-help">
                        "Something you will do, or an agreement or boundary you want to keep. It is "
                        "tracked from today."
                    </p>
                    <input id="commitment-new" type="text" maxlength="500"
                        aria-describedby="commitment-new-help"
                        prop:value=move || new_text.get()
                        on:input=move |e| new_text.set(event_target_value(&e)) />
                    <p class="field-error" role="alert">{move || add_error.get()}</p>
                </div>
                <button type="submit" class="button">"Add it"</button>
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
                <summary>"Week by week"</summary>
                <table>
                    <caption>{format!("Each week since {}", commitment.started_on.long())}</caption>
                    <thead>
                        <tr><th scope="col">"Week of"</th><th scope="col">"How it went"</th><th scope="col">"Note"</th></tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </details>
            <details class="commitment__change">
                <summary>{if open { "Change, finish or drop it" } else { "Change or track it again" }}</summary>
                <form class="commitment__form" on:submit=save_words novalidate>
                    <div class="field">
                        <label for=words_id.clone()>"In your words"</label>
                        <input id=words_id type="text" maxlength="500"
                            prop:value=move || words.get()
                            on:input=move |e| words.set(event_target_value(&e)) />
                    </div>
                    <button type="submit" class="button">"Save the new words"</button>
                </form>
                {if open {
                    view! {
                        <div class="field">
                            <label for=reason_id.clone()>"Why it ends (optional)"</label>
                            <input id=reason_id type="text" maxlength="500"
                                prop:value=move || reason.get()
                                on:input=move |e| reason.set(event_target_value(&e)) />
                        </div>
                        <p class="actions">
                            <button type="button" class="button" on:click=move |_| end(EndedHow::Finished)>"It's finished"</button>
                            <button type="button" class="button" on:click=move |_| end(EndedHow::Dropped)>"Drop it"</button>
                        </p>
                    }
                    .into_any()
                } else {
                    view! {
                        <p class="actions">
                            <button type="button" class="button" on:click=move |_| {
                                store.change(Urgency::Now, |d| d.commitments.reopen(&id.get_value()));
                            }>"Track it again"</button>
                        </p>
                    }
                    .into_any()
                }}
            </details>
        </article>
    }
}

fn week_row(week: CalendarDate, mark: Option<(&'static str, String)>) -> impl IntoView {
    let (how, note) = mark.unwrap_or(("Not marked", String::new()));
    view! {
        <tr>
            <th scope="row"><time datetime=week.to_string()>{week.long()}</time></th>
            <td>{how}</td>
            <td>{note}</td>
        </tr>
    }
}
