//! For a user who says they have frightened, threatened, hurt or controlled
//! the other person: respect, concrete next steps, services for people who
//! want to stop. Every guide that asks the other person for a hearing,
//! access or closeness waits, and Compare is off, until the user says they
//! have taken a concrete step (an explicit, reversible choice on the page).
//!
//! The page speaks of choice and control, not of anger. Each point was
//! confirmed on 2026-12-06:
//! - abuse is a choice and about control: Respect
//!   (http://www.respect.uk.net/articles/respect-phoneline-support-over-the-festive-period,
//!   "abuse is always a choice"), Refuge (http://www.refuge.org.uk/about-domestic-violence/)
//! - time-outs have rules (say when you will be back, keep it short) and
//!   are misused to keep control: https://mensline.org.au/family-violence/using-time-out/,
//!   https://respect.org.uk/resources/3-time-out-a-strategy-for-reducing-men-s-violence-against-women-in-relationships
//! - couples counselling is not advised while there is abuse:
//!   https://www.thehotline.org/2014/08/01/why-we-dont-recommend-couples-counseling-for-abusive-relationships/
//!   (and stopvaw.org, womensafe.org, checked 2026-12-02)
//! - a no-contact order can forbid contact through other people:
//!   https://www.womenslaw.org/en/hotline/restraining-orders/restraining-order-categories/violation-questions/definition-direct
//!   (respecting a break-up or a request is Mend's own advice)
//! - the first step is a service for people who use abuse: Respect,
//!   https://ntv.org.au/get-help/getting-support
//! - force used to resist abuse is recognised as different:
//!   https://www.dvact.org/post/violent-resistance-and-domestic-abuse

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::question::Urgency;
use crate::components::safety::{emergency_words, use_country, use_safety, HelplineList};
use crate::components::PageHeading;
use crate::content::{library, paths};
use crate::domain::program::helplines::Purpose;
use crate::routes::Page;
use crate::store::Store;

#[component]
pub fn StoppingHarm() -> impl IntoView {
    let store = expect_context::<Store>();
    let safety = use_safety();
    let country = use_country();
    let wording = Memo::new(move |_| store.read(|d| d.profile.wording.clone()));
    let name = move || wording.with(|w| w.reference());
    let held: Vec<String> = paths()
        .held_for_harm()
        .iter()
        .filter_map(|id| library().guide(id))
        .map(|g| g.title().render(&Default::default()))
        .collect();
    let held_list = held.join(", ");
    let take_step = move |taken: bool| {
        let status = safety.get_untracked();
        store.change(Urgency::Now, |d| {
            d.profile.safety.take_harm_step(&status, taken)
        });
    };
    // "Not yet" is an answer too: it changes nothing stored, and says so.
    let not_yet = RwSignal::new(false);
    view! {
        <PageHeading text="If you have frightened or hurt someone" tab_title=Page::StoppingHarm.document_title() />
        <p class="lead">
            {move || if safety.with(|s| s.uses_harm) {
                "Thank you for saying it plainly. That is hard, and it is where change starts. Frightening or \
                 controlling someone can feel like something that just happens, but it is something a person \
                 does, and so it is something you can stop doing. This page is about how, starting today, \
                 and nobody here is judging you."
            } else {
                "This page is for anyone who has frightened, threatened, hurt or controlled someone close to \
                 them and wants to stop. It can feel like something that just happens, but it is something a \
                 person does, which means it can change. This page is about what you can do now, without \
                 judging you."
            }}
        </p>
        <div class="card notice" role="note">
            <p>
                "If you pushed back to protect yourself or someone else, this page may not be for you: "
                <A href=Page::Safety.href()>"the Safety page"</A>
                " is."
            </p>
        </div>
        <div class="card notice--safety" role="note">
            <p>
                "If anyone is in danger right now, "
                {move || emergency_words(country.get())}
                "."
            </p>
            <p>
                "If you are having thoughts of ending your life or hurting yourself, "
                <A href=Page::RightNow.href()>"Right now"</A>
                " has crisis lines, and they are there for you too."
            </p>
        </div>

        <section class="card" aria-labelledby="harm-now">
            <h2 id="harm-now">"What you can do now"</h2>
            <ul>
                <li>"Stop anything that keeps " {name} " in line: checking their phone, tracking where they go, controlling money, or deciding who they see."</li>
                <li>"Look at control, not only temper. Notice the moments when you try to make " {name} " do, say or feel what you want. Those moments are where a different choice is possible."</li>
                <li>"Own it without a \"but\". Stress, drink, jealousy or something " {name} " did can explain a feeling; none of them makes frightening someone all right."</li>
                <li>"If you feel yourself about to frighten someone, stop and step away. Say that you are going and when you will be back, keep it short, and come back when you said. A break is for calming yourself, not a way to avoid a talk or to leave " {name} " waiting and worried."</li>
                <li>"Let " {name} " set the pace. Don't press for forgiveness, for a talk, or for things to feel normal again."</li>
                <li>"If " {name} " has ended things, asked you not to get in touch, or a court has told you to stay away, keep to it fully: no messages through friends, family, children or social media, and no \"just one\" apology."</li>
                <li>"Talk to a service for people who want to stop. It is confidential, they have heard it all before, and they can help you plan what to do instead and find a programme near you."</li>
                <li>"Start there, not with couples counselling. While someone is afraid, sitting together can put them at more risk, and it makes the problem look shared when the change is yours to make."</li>
            </ul>
        </section>

        <section class="card" aria-labelledby="harm-step">
            <h2 id="harm-step">"A step to take"</h2>
            <p>
                "Some guides wait until you have taken one real step: " {held_list.clone()} ". Done too soon, "
                "they can feel like pressure to someone who has been frightened, however kindly they are "
                "meant. So can Compare, which stays off until then. The step is to contact a service for "
                "people who want to stop, or to start seeing a counsellor who works with this. Your other "
                "guides, like owning your part, stay open."
            </p>
            {move || if !safety.with(|s| s.uses_harm) {
                view! {
                    <p class="muted">"Nothing is held for you: none of your answers says you have frightened or hurt someone."</p>
                }
                .into_any()
            } else if safety.with(|s| s.harm_step_taken) {
                view! {
                    <p role="status">"Thank you for taking that step. Those guides are back on your path. Go gently, and let " {name} " decide whether, when and how to talk."</p>
                    <p class="actions">
                        <A href=Page::Start.href() attr:class="button button--primary">"Back to your path"</A>
                        <button type="button" class="button" on:click=move |_| take_step(false)>"Keep them aside for now"</button>
                    </p>
                }
                .into_any()
            } else {
                view! {
                    <fieldset class="harm-step">
                        <legend>"Have you taken a step like this?"</legend>
                        <p class="actions">
                            <button type="button" class="button" on:click=move |_| take_step(true)>"I have contacted a service for people who want to stop"</button>
                            <button type="button" class="button" on:click=move |_| take_step(true)>"I have started seeing a counsellor who works with this"</button>
                            <button type="button" class="button" on:click=move |_| not_yet.set(true)>"Not yet"</button>
                        </p>
                    </fieldset>
                    <p role="status">
                        {move || not_yet.get().then_some(
                            "That's all right. The numbers below are here whenever you are ready, and your other guides stay open in the meantime.",
                        )}
                    </p>
                }
                .into_any()
            }}
        </section>

        <section class="card" aria-labelledby="harm-help">
            <h2 id="harm-help">"Services for people who want to stop"</h2>
            <HelplineList purposes=&[Purpose::UsesHarm, Purpose::Relay] picker_id="harm-country" />
        </section>

        <section class="card" aria-labelledby="harm-crisis">
            <h2 id="harm-crisis">"If you are in crisis yourself"</h2>
            <HelplineList purposes=&[Purpose::Crisis] picker_id="harm-crisis-country" />
        </section>
    }
}
