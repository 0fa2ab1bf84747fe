//! "A reminder in your calendar": Mend has no server to send reminders, so
//! it writes an `.ics` file the person's calendar opens (domain::calendar),
//! with a neutral title they can change, and the same details in words to
//! copy for a calendar that cannot open the file.

use leptos::prelude::*;

use super::alive;

use super::Checkbox;

use crate::components::download::{text_file, NOT_DOWNLOADED};
use crate::crypto::random_bytes;
use crate::domain::calendar::{parse_time, Reminder, ReminderError, DEFAULT_TITLE};
use crate::domain::date::CalendarDate;
use crate::store::today;

/// How long before the reminder its alert goes off, when the user wants one.
const ALERT_MINUTES: u16 = 15;

#[component]
pub fn ReminderCard() -> impl IntoView {
    let first_day = today().plus_days(7).unwrap_or_else(today);
    let title = RwSignal::new(DEFAULT_TITLE.to_owned());
    let date = RwSignal::new(first_day.to_string());
    let time = RwSignal::new("19:00".to_owned());
    let weekly = RwSignal::new(true);
    let alert = RwSignal::new(true);
    let error = RwSignal::new(None::<&'static str>);
    let copied = RwSignal::new(None::<&'static str>);

    let reminder = move || -> Result<Reminder, &'static str> {
        let starts: CalendarDate = date
            .get()
            .parse()
            .map_err(|_| "Choose the day of the first reminder.")?;
        let (hour, minute) = parse_time(&time.get()).map_err(|e| e.message())?;
        let title = title.get();
        if title.trim().is_empty() {
            return Err(ReminderError::NoTitle.message());
        }
        Ok(Reminder {
            title,
            starts,
            hour,
            minute,
            weekly: weekly.get(),
            alert_minutes_before: alert.get().then_some(ALERT_MINUTES),
        })
    };
    let offer = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        error.set(
            reminder_untracked(reminder)
                .and_then(|r| download(&r))
                .err(),
        );
    };
    let copy = move |_| {
        let words = match reminder_untracked(reminder) {
            Ok(r) => r.in_words(),
            Err(message) => return error.set(Some(message)),
        };
        let promise = window().navigator().clipboard().write_text(&words);
        wasm_bindgen_futures::spawn_local(async move {
            let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            let said = if done {
                "Copied. Paste it into a new event in your calendar."
            } else {
                "This browser wouldn't copy it. Select the details above and copy them yourself."
            };
            alive(copied, Some(said));
        });
    };
    view! {
        <section class="card reminder" aria-labelledby="reminder-heading">
            <h2 id="reminder-heading">"A reminder in your calendar"</h2>
            <p>
                "Mend can't send reminders: it has no server, and nothing you write leaves this device. "
                "Your calendar can. Download a file your calendar opens, or copy the details and add "
                "them yourself."
            </p>
            <form on:submit=offer novalidate>
                <div class="field">
                    <label for="reminder-title">"Title"</label>
                    <input id="reminder-title" type="text" maxlength="80" autocomplete="off"
                        aria-describedby="reminder-title-help"
                        prop:value=move || title.get()
                        on:input=move |e| title.set(event_target_value(&e)) />
                    <p id="reminder-title-help" class="field-help">
                        "Calendars often sync to other devices and show on lock screens, so this title "
                        "says nothing about what the check-in is for. Change it if you like."
                    </p>
                </div>
                <div class="field">
                    <label for="reminder-date">"First reminder"</label>
                    <input id="reminder-date" type="date"
                        prop:value=move || date.get()
                        on:input=move |e| date.set(event_target_value(&e)) />
                </div>
                <div class="field">
                    <label for="reminder-time">"Time"</label>
                    <input id="reminder-time" type="time"
                        prop:value=move || time.get()
                        on:input=move |e| time.set(event_target_value(&e)) />
                </div>
                <Checkbox checked=weekly on_change=move |on| weekly.set(on) label="Every week" />
                <Checkbox checked=alert on_change=move |on| alert.set(on)
                    label=format!("An alert {ALERT_MINUTES} minutes before") />
                <p class="field-error" role="alert">{move || error.get()}</p>
                <p class="actions">
                    <button type="submit" class="button button--primary">"Add a reminder to my calendar"</button>
                </p>
            </form>
            <p class="reminder__words">{move || reminder().ok().map(|r| r.in_words())}</p>
            <p class="actions">
                <button type="button" class="button" on:click=copy>"Copy the details"</button>
            </p>
            <p role="status">{move || copied.get()}</p>
        </section>
    }
}

/// Offers `reminder` as `reminder.ics`; says what went wrong if it could not.
pub fn download(reminder: &Reminder) -> Result<(), &'static str> {
    let text = reminder
        .ics(&unique_id(), &utc_stamp())
        .map_err(|e| e.message())?;
    if text_file("reminder.ics", &text, "text/calendar") {
        Ok(())
    } else {
        Err(NOT_DOWNLOADED)
    }
}

/// The reminder as the form stands now, read without subscribing.
fn reminder_untracked(
    reminder: impl Fn() -> Result<Reminder, &'static str>,
) -> Result<Reminder, &'static str> {
    leptos::prelude::untrack(reminder)
}

/// A UID no other reminder has: random, and nothing about the user.
fn unique_id() -> String {
    let hex: String = random_bytes(16)
        .unwrap_or_else(|_| {
            // Without WebCrypto, the time keeps it unique enough on one device.
            js_sys::Date::now().to_bits().to_be_bytes().to_vec()
        })
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("{hex}@mend.reminder")
}

/// Now in UTC as `yyyymmddThhmmssZ`.
fn utc_stamp() -> String {
    let iso = String::from(js_sys::Date::new_0().to_iso_string());
    // "2026-12-05T09:56:00.000Z" → "20261205T095600Z"
    let digits: String = iso
        .chars()
        .take(19)
        .filter(|c| c.is_ascii_digit() || *c == 'T')
        .collect();
    format!("{digits}Z")
}
