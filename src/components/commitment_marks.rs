//! The weekly check-in's question for each open commitment: kept, partly or
//! missed this week, with an optional note. Each choice is saved at once
//! against this week (domain::program::commitments), so a second check-in
//! in the same week changes the week's mark instead of adding one.

use leptos::prelude::*;

use crate::domain::program::commitments::Mark;
use crate::i18n::{around, msg, t};
use crate::routes::Page;
use crate::store::{today, Store, Urgency};

/// One row's choice: a mark, or "didn't come up" (no mark).
fn choices() -> [(Option<Mark>, &'static str); 4] {
    [
        (Some(Mark::Kept), Mark::Kept.label()),
        (Some(Mark::Partly), Mark::Partly.label()),
        (Some(Mark::Missed), Mark::Missed.label()),
        (None, t(msg::guide::DIDNT_COME_UP)),
    ]
}

#[component]
pub fn CommitmentMarks() -> impl IntoView {
    let store = expect_context::<Store>();
    // The open commitments as (id, words), as a memo: a save elsewhere in
    // the document must not redraw the rows (that would take the cursor out
    // of a note being typed). A row keeps its own controls.
    let open = Memo::new(move |_| {
        store.read(|d| {
            d.commitments
                .open()
                .map(|c| (c.id.clone(), c.text.clone()))
                .collect::<Vec<_>>()
        })
    });
    let none = move || open.with(Vec::is_empty);
    view! {
        <section class="commitment-marks" aria-labelledby="commitment-marks-title">
            <h3 id="commitment-marks-title" class="question__text">{t(msg::guide::COMMITMENTS_HEADING)}</h3>
            <Show
                when=move || !none()
                fallback=|| {
                    // "History" is a link inside the sentence.
                    let [before, after] = around(msg::guide::COMMITMENTS_NONE, "{history}", &[]);
                    view! {
                        <p class="field-help">
                            {before}
                            <a href=Page::History.href()>{t(msg::guide::HISTORY)}</a>
                            {after}
                        </p>
                    }
                }
            >
                <p class="field-help">{t(msg::guide::COMMITMENTS_HELP)}</p>
                <For each=move || open.get() key=|row| row.clone() let((id, text))>
                    <CommitmentRow id=id text=text />
                </For>
            </Show>
        </section>
    }
}

#[component]
fn CommitmentRow(id: String, text: String) -> impl IntoView {
    let store = expect_context::<Store>();
    let id = StoredValue::new(id);
    // The week this check-in is about; each change is filed under the week
    // of the moment it is made (see `week_now`), so a check-in left open past
    // Sunday night marks the new week, as its date will say.
    let week = today().week_start();
    let (mark, note) = store.read_untracked(|d| {
        d.commitments
            .get(&id.get_value())
            .and_then(|c| c.mark_for(week))
            .map_or((None, String::new()), |m| (Some(m.mark), m.note.clone()))
    });
    let mark = RwSignal::new(mark);
    let note = RwSignal::new(note);
    let name = format!("mark-{}", id.get_value());
    let note_id = format!("note-{}", id.get_value());
    let choose = move |chosen: Option<Mark>| {
        mark.set(chosen);
        store.change(Urgency::Now, |d| {
            d.commitments
                .mark(&id.get_value(), week_now(), chosen, &note.get_untracked())
        });
    };
    let options = choices()
        .into_iter()
        .map(|(value, label)| {
            view! {
                <label class="option">
                    <input type="radio" name=name.clone()
                        prop:checked=move || mark.get() == value
                        on:change=move |_| choose(value) />
                    <span class="option__label">{label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="question commitment-mark">
            <legend class="commitment-mark__text">{text}</legend>
            <div class="options options--row">{options}</div>
            // A note belongs to a mark, so it is offered once there is one.
            <Show when=move || mark.get().is_some()>
                <div class="field">
                    <label for=note_id.clone()>{t(msg::guide::WEEK_NOTE)}</label>
                    <input id=note_id.clone() type="text" maxlength="500"
                        prop:value=move || note.get_untracked()
                        on:input=move |e| {
                            note.set(event_target_value(&e));
                            store.change(Urgency::Soon, |d| {
                                d.commitments.note(&id.get_value(), week_now(), &note.get_untracked())
                            });
                        } />
                </div>
            </Show>
        </fieldset>
    }
}

/// The Monday of today's week, at the moment of a change.
fn week_now() -> crate::domain::date::CalendarDate {
    today().week_start()
}
