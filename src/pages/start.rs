//! The Start page: what Mend is, in plain words, and the promise that nothing leaves the device.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::link;
use crate::components::PageHeading;
use crate::routes::Page;

#[component]
pub fn Start() -> impl IntoView {
    view! {
        <PageHeading text="Rebuild trust, one honest step at a time" tab_title=Page::Start.document_title() />
        <p class="lead">
            "Mend is a private workbook for the slow work of rebuilding trust, whether you broke it, "
            "you were the one who was hurt, or a bit of both. It asks you short, guided questions, "
            "keeps your answers, and helps you see where you are along the way."
        </p>

        <section class="card" aria-labelledby="start-private">
            <h2 id="start-private">"Everything stays on this device"</h2>
            <p>
                "What you write is kept only in this browser, on this device. Mend has no account "
                "and no server, and it sends nothing anywhere. After your first visit it works "
                "without an internet connection, and you can add it to your home screen like an app."
            </p>
        </section>

        <section class="card" aria-labelledby="start-pace">
            <h2 id="start-pace">"At your own pace"</h2>
            <p>
                "Trust usually comes back over months, not in one conversation. You can stop in the "
                "middle of anything and pick it up later: Mend keeps your place and every answer."
            </p>
        </section>

        <section class="card" aria-labelledby="start-safety">
            <h2 id="start-safety">"Your safety comes first"</h2>
            <p>
                "The exercises here are meant for relationships where both people are safe. If you "
                "are afraid of the other person, or they threaten, control or hurt you, that is not "
                "something to repair alone: please contact a local helpline or, in danger, your "
                "emergency number."
            </p>
        </section>

        <section class="card" aria-labelledby="start-therapy">
            <h2 id="start-therapy">"A workbook, not a therapist"</h2>
            <p>
                "Mend can help you think, prepare and keep track. It is not therapy. A counsellor, "
                "on your own or together, can help in ways a workbook cannot."
            </p>
        </section>

        <p class="actions">
            <A href=link(Page::Guides.path()) attr:class="button button--primary">"See the guides"</A>
        </p>
    }
}
