//! Settings: protect Mend with a passphrase, change it, remove it, lock now,
//! and choose when Mend locks by itself.

use leptos::html;
use leptos::prelude::*;

use crate::components::alive;

use crate::domain::prefs::AUTO_LOCK_CHOICES;
use crate::privacy::Privacy;
use crate::store::Store;

/// Shorter than this is refused: a passphrase is the only thing between the
/// data and anyone holding the device.
const MIN_LENGTH: usize = 8;

/// Checks a new passphrase and its repetition; the message says what to fix.
fn check_new(new: &str, again: &str) -> Result<(), &'static str> {
    if new.chars().count() < MIN_LENGTH {
        return Err("Use at least 8 characters. A few unrelated words are easy to remember and hard to guess.");
    }
    if new != again {
        return Err("The two passphrases are not the same. Type them again.");
    }
    Ok(())
}

fn value(input: NodeRef<html::Input>) -> String {
    input.get_untracked().map(|i| i.value()).unwrap_or_default()
}

fn clear(inputs: &[NodeRef<html::Input>]) {
    // After async work the form may be gone already; then there is nothing to clear.
    for input in inputs {
        if let Some(input) = input.try_get_untracked().flatten() {
            input.set_value("");
        }
    }
}

#[component]
pub fn PassphraseSettings(
    /// Offers an export before a passphrase is set.
    export: Callback<()>,
) -> impl IntoView {
    let store = expect_context::<Store>();
    let protected = store.protected();
    view! {
        <section class="card" aria-labelledby="settings-passphrase">
            <h2 id="settings-passphrase">"Passphrase"</h2>
            {move || if protected.get() {
                view! { <Protected /> }.into_any()
            } else {
                view! { <Unprotected export=export /> }.into_any()
            }}
        </section>
        <AutoLock />
    }
}

#[component]
fn Unprotected(export: Callback<()>) -> impl IntoView {
    let store = expect_context::<Store>();
    let new = NodeRef::<html::Input>::new();
    let again = NodeRef::<html::Input>::new();
    let error = RwSignal::new(None::<&'static str>);
    let busy = RwSignal::new(false);
    let submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (first, second) = (value(new), value(again));
        if let Err(message) = check_new(&first, &second) {
            return error.set(Some(message));
        }
        error.set(None);
        busy.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            let result = store.set_passphrase(None, &first).await;
            alive(busy, false);
            match result {
                Ok(()) => clear(&[new, again]),
                Err(reason) => alive(error, Some(reason.message())),
            }
        });
    };
    view! {
        <p>
            "With a passphrase, everything Mend keeps on this device is encrypted, and Mend asks "
            "for the passphrase each time it opens and after it locks itself."
        </p>
        <p class="warning">
            <strong>"A forgotten passphrase cannot be recovered. "</strong>
            "Nobody can open your answers without it, not even Mend. Keep it somewhere safe, "
            "and export your data first so you have a copy."
        </p>
        <p>
            <button type="button" class="button" on:click=move |_| export.run(())>"Export my data first"</button>
        </p>
        <p>
            "You can paste a passphrase, or let a password manager make one and fill it in. "
            "On a device other people use, think about where it is saved: anyone who can open "
            "that password manager, or the browser's saved passwords, can open Mend too."
        </p>
        <form on:submit=submit novalidate>
            <PasswordField id="passphrase-new" label="New passphrase" autocomplete="new-password" input=new />
            <PasswordField id="passphrase-again" label="Type it again" autocomplete="new-password" input=again />
            <p class="field-error" role="alert">{move || error.get()}</p>
            <button class="button button--primary" type="submit" disabled=move || busy.get()>
                {move || if busy.get() { "Encrypting…" } else { "Protect with this passphrase" }}
            </button>
        </form>
    }
}

#[component]
fn Protected() -> impl IntoView {
    let store = expect_context::<Store>();
    let current = NodeRef::<html::Input>::new();
    let new = NodeRef::<html::Input>::new();
    let again = NodeRef::<html::Input>::new();
    let removing = NodeRef::<html::Input>::new();
    let error = RwSignal::new(None::<&'static str>);
    let status = RwSignal::new(None::<&'static str>);
    let remove_error = RwSignal::new(None::<&'static str>);
    let lock_error = RwSignal::new(None::<&'static str>);
    let busy = RwSignal::new(false);
    let change = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let (old, first, second) = (value(current), value(new), value(again));
        if let Err(message) = check_new(&first, &second) {
            return error.set(Some(message));
        }
        error.set(None);
        status.set(None);
        busy.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            let result = store.set_passphrase(Some(&old), &first).await;
            alive(busy, false);
            match result {
                Ok(()) => {
                    clear(&[current, new, again]);
                    alive(status, Some("Your passphrase has been changed."));
                }
                Err(reason) => alive(error, Some(reason.message())),
            }
        });
    };
    let remove = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let old = value(removing);
        remove_error.set(None);
        busy.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            let result = store.remove_passphrase(&old).await;
            alive(busy, false);
            if let Err(reason) = result {
                alive(remove_error, Some(reason.message()));
            }
        });
    };
    view! {
        <p>"Mend is protected: everything it keeps on this device is encrypted with your passphrase."</p>
        <p>
            <button type="button" class="button button--primary" on:click=move |_| {
                wasm_bindgen_futures::spawn_local(async move {
                    if !store.lock().await {
                        alive(lock_error, Some("Mend couldn't lock just now: it was still putting your latest answers away safely. Nothing is lost; please try again in a moment."));
                    }
                });
            }>"Lock now"</button>
        </p>
        <p class="field-error" role="alert">{move || lock_error.get()}</p>
        <h3>"Change passphrase"</h3>
        <form on:submit=change novalidate>
            <PasswordField id="passphrase-current" label="Current passphrase" autocomplete="current-password" input=current />
            <PasswordField id="passphrase-new" label="New passphrase" autocomplete="new-password" input=new />
            <PasswordField id="passphrase-again" label="Type the new one again" autocomplete="new-password" input=again />
            <p class="field-error" role="alert">{move || error.get()}</p>
            <p role="status">{move || status.get()}</p>
            <button class="button" type="submit" disabled=move || busy.get()>"Change passphrase"</button>
        </form>
        <h3>"Remove passphrase"</h3>
        <p>"Your answers stay, but are no longer encrypted on this device."</p>
        <form on:submit=remove novalidate>
            <PasswordField id="passphrase-remove" label="Your passphrase, to confirm" autocomplete="current-password" input=removing />
            <p class="field-error" role="alert">{move || remove_error.get()}</p>
            <button class="button" type="submit" disabled=move || busy.get()>"Remove passphrase"</button>
        </form>
    }
}

/// One labelled passphrase field.
#[component]
fn PasswordField(
    id: &'static str,
    label: &'static str,
    /// `new-password` or `current-password`, so password managers help.
    autocomplete: &'static str,
    input: NodeRef<html::Input>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type="password" autocomplete=autocomplete node_ref=input />
        </div>
    }
}

#[component]
fn AutoLock() -> impl IntoView {
    let privacy = expect_context::<Privacy>();
    let store = expect_context::<Store>();
    let status = RwSignal::new(None::<&'static str>);
    let choose = move |event: leptos::ev::Event| {
        let minutes: u32 = event_target_value(&event).parse().unwrap_or_default();
        let mut prefs = privacy.prefs().get_untracked();
        prefs.auto_lock_minutes = minutes;
        status.set(Some(if privacy.set_prefs(prefs) {
            "Saved."
        } else {
            "This browser didn't let Mend save the setting; it applies until Mend is closed."
        }));
    };
    view! {
        <section class="card" aria-labelledby="settings-autolock">
            <h2 id="settings-autolock">"Lock automatically"</h2>
            <p>
                {move || if store.protected().get() {
                    "Mend locks itself after this long without use, and when you come back to it after it has been in the background for as long."
                } else {
                    "Once you set a passphrase, Mend locks itself after this long without use, and when you come back to it after it has been in the background for as long."
                }}
            </p>
            <div class="field">
                <label for="auto-lock">"Lock after"</label>
                <select id="auto-lock" on:change=choose>
                    {AUTO_LOCK_CHOICES
                        .into_iter()
                        .map(|minutes| {
                            let label = if minutes == 1 { "1 minute".to_owned() } else { format!("{minutes} minutes") };
                            view! {
                                <option
                                    value=minutes.to_string()
                                    selected=move || privacy.prefs().get().auto_lock_minutes == minutes
                                >
                                    {label}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <p role="status">{move || status.get()}</p>
        </section>
    }
}
