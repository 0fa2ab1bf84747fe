//! "A reminder in your calendar": Mend has no server to send reminders, so
//! it writes an `.ics` file the person's calendar opens (domain::calendar),
//! with a neutral title they can change, and the same details in words to
//! copy for a calendar that cannot open the file.

use leptos::prelude::*;

use super::alive;

use super::Checkbox;

use crate::components::download::text_file;
use crate::crypto::random_bytes;
use crate::domain::calendar::{default_title, parse_time, Reminder, ReminderError};
use crate::domain::date::CalendarDate;
use crate::i18n::{msg::settings_reminder as words, t, tf};
use crate::store::today;

/// How long before the reminder its alert goes off, when the user wants one.
const ALERT_MINUTES: u16 = 15;

#[component]
pub fn ReminderCard() -> impl IntoView {
    let first_day = today().plus_days(7).unwrap_or_else(today);
    let title = RwSignal::new(default_title().to_owned());
    let date = RwSignal::new(first_day.to_string());
    let time = RwSignal::new("19:00".to_owned());
    let weekly = RwSignal::new(true);
    let alert = RwSignal::new(true);
    let error = RwSignal::new(None::<&'static str>);
    let copied = RwSignal::new(None::<&'static str>);

    let reminder = move || -> Result<Reminder, &'static str> {
        let starts: CalendarDate = date.get().parse().map_err(|_| t(words::CHOOSE_DAY))?;
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
                t(words::COPIED)
            } else {
                t(words::COPY_FAILED)
            };
            alive(copied, Some(said));
        });
    };
    view! {
        <section class="card reminder" aria-labelledby="reminder-heading">
            <h2 id="reminder-heading">{t(words::HEADING)}</h2>
            <p>{t(words::INTRO)}</p>
            <form on:submit=offer novalidate>
                <div class="field">
                    <label for="reminder-title">{t(words::TITLE)}</label>
                    <input id="reminder-title" type="text" maxlength="80" autocomplete="off"
                        aria-describedby="reminder-title-help"
                        prop:value=move || title.get()
                        on:input=move |e| title.set(event_target_value(&e)) />
                    <p id="reminder-title-help" class="field-help">{t(words::TITLE_HELP)}</p>
                </div>
                <div class="field">
                    <label for="reminder-date">{t(words::FIRST_REMINDER)}</label>
                    <input id="reminder-date" type="date"
                        prop:value=move || date.get()
                        on:input=move |e| date.set(event_target_value(&e)) />
                </div>
                <div class="field">
                    <label for="reminder-time">{t(words::TIME)}</label>
                    <input id="reminder-time" type="time"
                        prop:value=move || time.get()
                        on:input=move |e| time.set(event_target_value(&e)) />
                </div>
                <Checkbox checked=weekly on_change=move |on| weekly.set(on) label=t(words::EVERY_WEEK) />
                <Checkbox checked=alert on_change=move |on| alert.set(on)
                    label=tf(words::ALERT_BEFORE, &[("minutes", &ALERT_MINUTES.to_string())]) />
                <p class="field-error" role="alert">{move || error.get()}</p>
                <p class="actions">
                    <button type="submit" class="button button--primary">{t(words::ADD)}</button>
                </p>
            </form>
            <p class="reminder__words">{move || reminder().ok().map(|r| r.in_words())}</p>
            <p class="actions">
                <button type="button" class="button" on:click=copy>{t(words::COPY_DETAILS)}</button>
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
        Err(t(crate::i18n::msg::shell::NOT_DOWNLOADED))
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
