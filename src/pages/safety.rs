//! The Safety page: what abuse can look like, that it is not the user's
//! fault, why Mend sets repair work aside (and the user's explicit choice to
//! see the full path again), the danger of leaving and planning it, where to
//! find help in the user's country, and how to leave or erase Mend.
//! Reachable from every page.
//!
//! "Leaving can be the most dangerous time" and "plan it with an advocate"
//! follow published domestic-abuse safety-planning guidance (for example the
//! National Domestic Violence Hotline and Refuge, whose lines are in
//! content/helplines.toml).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::question::Urgency;
use crate::components::safety::{emergency_words, use_country, use_safety, HelplineList};
use crate::components::{PageHeading, TechSafety};
use crate::content::first_screen;
use crate::domain::first_screen::around_right_now;
use crate::domain::prefs::NEUTRAL_TITLE;
use crate::domain::program::helplines::Purpose;
use crate::privacy::Privacy;
use crate::routes::Page;
use crate::store::Store;

#[component]
pub fn Safety() -> impl IntoView {
    let store = expect_context::<Store>();
    let privacy = expect_context::<Privacy>();
    let safety = use_safety();
    let country = use_country();
    let danger = move || safety.with(|s| s.danger());
    let set_full_path = move |full: bool| {
        let status = safety.get_untracked();
        store.change(Urgency::Now, |d| {
            d.profile.safety.choose_full_path(&status, full)
        });
    };
    let wording = Memo::new(move |_| store.read(|d| d.profile.wording.clone()));
    let name = move || wording.with(|w| w.reference());
    // The tab title turned neutral by itself because of danger: say so.
    let title_changed = move || {
        danger() && !store.protected().get() && privacy.prefs().with(|p| p.neutral_title.is_none())
    };
    let words = &first_screen().safety;
    let crisis = move || around_right_now(words.crisis, &emergency_words(country.get()));
    view! {
        <PageHeading text=words.heading tab_title=Page::Safety.document_title() />
        <div class="card notice--safety" role="note">
            <h2>{words.now_heading}</h2>
            <p>{move || around_right_now(words.now, &emergency_words(country.get())).0}</p>
            {move || country.get().and_then(|c| c.silent_call.clone()).map(|silent| view! { <p class="silent-call">{silent}</p> })}
            <p>
                {move || crisis().0}
                <A href=Page::RightNow.href()>"Right now"</A>
                {move || crisis().1}
            </p>
        </div>

        // Someone who is afraid and also said they frightened or hurt the
        // other person is sent here first: they may have been defending
        // themselves.
        <Show when=move || danger() && safety.with(|s| s.uses_harm)>
            <section class="card notice" aria-labelledby="safety-both">
                <h2 id="safety-both">"You said two things"</h2>
                <p>
                    "You said you may not be safe with " {name} ", and that you have frightened or hurt "
                    {name} " at some point. If you pushed back to protect yourself or someone else, this "
                    "page is for you, and what you did does not make you the one to blame. If you want to "
                    "stop frightening or hurting someone, "
                    <A href=Page::StoppingHarm.href()>"there is help for that too"</A>
                    ". Both can be true, and an advocate can help you sort it out."
                </p>
            </section>
        </Show>

        <TechSafety />
        <Show when=title_changed>
            <p class="notice" role="status">
                "While your answers show danger, this tab is titled \u{201c}" {NEUTRAL_TITLE}
                "\u{201d} instead of the page you are on, so a glance at the screen or the app switcher "
                "shows less. You can change this in "
                <A href=Page::Settings.href()>"Settings"</A>
                "."
            </p>
        </Show>

        <Show when=danger>
            <section class="card" aria-labelledby="safety-leaving">
                <h2 id="safety-leaving">"If you are thinking of leaving"</h2>
                <p>
                    "The time around leaving, and the weeks after, can be the most dangerous in a "
                    "relationship where someone has hurt, threatened or controlled you. That is not a "
                    "reason to stay. It is a reason to plan it with someone who knows how: an advocate "
                    "at a domestic abuse service can help you plan where to go, what to take and when, "
                    "often without the other person knowing. The lines below can put you in touch."
                </p>
                <p>
                    <A href=Page::guide(&"my-plan".into()).href()>"My plan"</A>
                    " is a place to note what you would need, and to print it. It is kept only on this "
                    "device; anyone who can open Mend here can read it unless you set a passphrase in Settings."
                </p>
            </section>
        </Show>

        <section class="card" aria-labelledby="safety-help">
            <h2 id="safety-help">{words.help_heading}</h2>
            <p>{words.help}</p>
            <HelplineList purposes=&[Purpose::Abuse, Purpose::Men, Purpose::Lgbtq, Purpose::Workplace, Purpose::Relay] />
        </section>

        <section class="card" aria-labelledby="safety-signs">
            <h2 id="safety-signs">"What abuse can look like"</h2>
            <p>"Abuse is not only hitting. It can be any of these, in any kind of relationship:"</p>
            <ul>
                <li>"You feel afraid of them, or of what they might do."</li>
                <li>"They threaten you, your children, your pets, or to hurt themselves if you don't do what they want."</li>
                <li>"They choke or strangle you, or put pressure on your neck, even once."</li>
                <li>"They keep you away from friends or family, or make it hard to see them."</li>
                <li>"They control money you need, or where you go and who you talk to."</li>
                <li>"They track your phone, follow you, or read your messages to keep control of you."</li>
                <li>"They insist things you remember never happened, until you doubt your own memory."</li>
                <li>"They push, grab, hit, hold you down, or break things to frighten you."</li>
                <li>"They pressure or force you into sex or anything sexual."</li>
            </ul>
            <p>
                "Anger about a broken trust is to be expected for a while, and so is asking for an "
                "agreement like no more contact with someone involved. Anger that frightens you, and "
                "rules you never agreed to, are different."
            </p>
        </section>

        <section class="card" aria-labelledby="safety-fault">
            <h2 id="safety-fault">{words.fault_heading}</h2>
            <p>{words.fault}</p>
        </section>

        <section class="card" aria-labelledby="safety-repair">
            <h2 id="safety-repair">"Why Mend sets repair work aside"</h2>
            <p>
                "Apologies, honest talks and new agreements only help when both people are safe. Where "
                "someone is afraid, they can be used to pressure or blame. So when your answers show "
                "signs of danger, Mend stops suggesting them and keeps to what is for you alone. A "
                "counsellor who knows about abuse can help you think it through; couples counselling "
                "is usually not the place to start."
            </p>
            <Show when=danger>
                {move || if safety.with(|s| s.full_path) {
                    view! {
                        <p role="status">"You chose to see your full path again. It still starts with the Safety check, and the safety note stays on Your path. A new answer that shows danger sets repair work aside again."</p>
                        <p class="actions">
                            <button type="button" class="button" on:click=move |_| set_full_path(false)>"Set repair work aside again"</button>
                        </p>
                    }
                    .into_any()
                } else {
                    view! {
                        <p>
                            "Your answers are kept as you gave them. If, having read this page, you still "
                            "want to see every guide for your role on your path, you can choose that. You "
                            "can undo it here at any time."
                        </p>
                        <p class="actions">
                            <button type="button" class="button" on:click=move |_| set_full_path(true)>"Show me the full path"</button>
                        </p>
                    }
                    .into_any()
                }}
            </Show>
        </section>

        <section class="card" aria-labelledby="safety-own">
            <h2 id="safety-own">"If you are the one who has frightened or hurt someone"</h2>
            <p>
                "There is help for stopping, and asking for it takes courage. "
                <A href=Page::StoppingHarm.href()>"Read what you can do now"</A>
                "."
            </p>
        </section>

        <section class="card" aria-labelledby="safety-leave">
            <h2 id="safety-leave">"Leaving Mend quickly, and erasing it"</h2>
            <p>
                "Quick exit, at the top of every page, leaves Mend at once; pressing Escape three "
                "times does the same. Mend leaves its own address in your browser history; you can "
                "delete that from the browser's history."
            </p>
            <p>
                "Your answers are kept only on this device. Anyone who can open Mend here can read "
                "them, unless you set a passphrase in "
                <A href=Page::Settings.href()>"Settings"</A>
                ", which locks them. Erase everything, also in Settings, removes all Mend keeps on "
                "this device. If you added Mend to your home screen, remove it there as well."
            </p>
        </section>

        <p class="actions">
            <A href=Page::guide(&"safety-check".into()).href() attr:class="button button--primary">"Take the safety check"</A>
        </p>
    }
}
