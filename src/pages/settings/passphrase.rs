//! Settings: protect Mend with a passphrase, change it, remove it, lock now,
//! and choose when Mend locks by itself.

use leptos::html;
use leptos::prelude::*;

use crate::components::alive;

use crate::domain::prefs::AUTO_LOCK_CHOICES;
use crate::i18n::{msg::settings, t, tn};
use crate::privacy::Privacy;
use crate::store::Store;

/// Shorter than this is refused: a passphrase is the only thing between the
/// data and anyone holding the device.
const MIN_LENGTH: usize = 8;

/// Checks a new passphrase and its repetition; the message says what to fix.
fn check_new(new: &str, again: &str) -> Result<(), String> {
    if new.chars().count() < MIN_LENGTH {
        return Err(tn(settings::TOO_SHORT, MIN_LENGTH as u64));
    }
    if new != again {
        return Err(t(settings::NOT_SAME).to_owned());
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
            <h2 id="settings-passphrase">{t(settings::PASSPHRASE_HEADING)}</h2>
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
    let error = RwSignal::new(None::<String>);
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
                Err(reason) => alive(error, Some(reason.message().to_owned())),
            }
        });
    };
    view! {
        <p>{t(settings::UNPROTECTED_INTRO)}</p>
        <p class="warning">
            <strong>{t(settings::FORGOTTEN_LEAD)}</strong>
            {t(settings::FORGOTTEN_BODY)}
        </p>
        <p>
            <button type="button" class="button" on:click=move |_| export.run(())>{t(settings::EXPORT_FIRST)}</button>
        </p>
        <p>{t(settings::PASTE_HINT)}</p>
        <form on:submit=submit novalidate>
            <PasswordField id="passphrase-new" label=t(settings::NEW_PASSPHRASE) autocomplete="new-password" input=new />
            <PasswordField id="passphrase-again" label=t(settings::TYPE_AGAIN) autocomplete="new-password" input=again />
            <p class="field-error" role="alert">{move || error.get()}</p>
            <button class="button button--primary" type="submit" disabled=move || busy.get()>
                {move || if busy.get() { t(settings::ENCRYPTING) } else { t(settings::PROTECT) }}
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
    let error = RwSignal::new(None::<String>);
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
                    alive(status, Some(t(settings::CHANGED)));
                }
                Err(reason) => alive(error, Some(reason.message().to_owned())),
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
        <p>{t(settings::PROTECTED_INTRO)}</p>
        <p>
            <button type="button" class="button button--primary" on:click=move |_| {
                wasm_bindgen_futures::spawn_local(async move {
                    if !store.lock().await {
                        alive(lock_error, Some(t(settings::LOCK_FAILED)));
                    }
                });
            }>{t(settings::LOCK_NOW)}</button>
        </p>
        <p class="field-error" role="alert">{move || lock_error.get()}</p>
        <h3>{t(settings::CHANGE_HEADING)}</h3>
        <form on:submit=change novalidate>
            <PasswordField id="passphrase-current" label=t(settings::CURRENT_PASSPHRASE) autocomplete="current-password" input=current />
            <PasswordField id="passphrase-new" label=t(settings::NEW_PASSPHRASE) autocomplete="new-password" input=new />
            <PasswordField id="passphrase-again" label=t(settings::TYPE_NEW_AGAIN) autocomplete="new-password" input=again />
            <p class="field-error" role="alert">{move || error.get()}</p>
            <p role="status">{move || status.get()}</p>
            <button class="button" type="submit" disabled=move || busy.get()>{t(settings::CHANGE_BUTTON)}</button>
        </form>
        <h3>{t(settings::REMOVE_HEADING)}</h3>
        <p>{t(settings::REMOVE_BODY)}</p>
        <form on:submit=remove novalidate>
            <PasswordField id="passphrase-remove" label=t(settings::REMOVE_CONFIRM) autocomplete="current-password" input=removing />
            <p class="field-error" role="alert">{move || remove_error.get()}</p>
            <button class="button" type="submit" disabled=move || busy.get()>{t(settings::REMOVE_BUTTON)}</button>
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
            t(settings::AUTOLOCK_SAVED)
        } else {
            t(settings::AUTOLOCK_NOT_SAVED)
        }));
    };
    view! {
        <section class="card" aria-labelledby="settings-autolock">
            <h2 id="settings-autolock">{t(settings::AUTOLOCK_HEADING)}</h2>
            <p>
                {move || if store.protected().get() {
                    t(settings::AUTOLOCK_PROTECTED)
                } else {
                    t(settings::AUTOLOCK_UNPROTECTED)
                }}
            </p>
            <div class="field">
                <label for="auto-lock">{t(settings::LOCK_AFTER)}</label>
                <select id="auto-lock" on:change=choose>
                    {AUTO_LOCK_CHOICES
                        .into_iter()
                        .map(|minutes| {
                            let label = tn(settings::MINUTES, minutes.into());
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
