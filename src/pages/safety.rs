//! The Safety page: what abuse can look like, that it is not the user's
//! fault, why Mend sets repair work aside, where to find help, and how to
//! leave or erase Mend. Reachable from every page.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::link;
use crate::components::PageHeading;
use crate::pages::guide::guide_path;
use crate::routes::Page;

#[component]
pub fn Safety() -> impl IntoView {
    view! {
        <PageHeading text="Your safety" tab_title=Page::Safety.document_title() />
        <div class="card notice--safety" role="note">
            <h2>"If you are in danger right now"</h2>
            <p>
                "Call your local emergency number: 911 in the United States and Canada, 999 in the "
                "United Kingdom, 112 across the European Union, 000 in Australia, 111 in New Zealand."
            </p>
        </div>

        <section class="card" aria-labelledby="safety-signs">
            <h2 id="safety-signs">"What abuse can look like"</h2>
            <p>"Abuse is not only hitting. It can be any of these, in any kind of relationship:"</p>
            <ul>
                <li>"You feel afraid of them, or of what they might do."</li>
                <li>"They threaten you, your children, your pets, or to hurt themselves if you don't do what they want."</li>
                <li>"They keep you away from friends or family, or make it hard to see them."</li>
                <li>"They control money you need, or where you go and who you talk to."</li>
                <li>"They track your phone or read your messages to keep control of you."</li>
                <li>"They insist things you remember never happened, until you doubt your own memory."</li>
                <li>"They push, grab, hit, hold you down, or break things to frighten you."</li>
                <li>"They pressure or force you into sex or anything sexual."</li>
            </ul>
        </section>

        <section class="card" aria-labelledby="safety-fault">
            <h2 id="safety-fault">"It is not your fault"</h2>
            <p>
                "Nothing you did or said makes it acceptable for someone to frighten, control or hurt "
                "you. That is true even if you broke their trust, and even if they say sorry afterwards."
            </p>
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
        </section>

        <section class="card" aria-labelledby="safety-help">
            <h2 id="safety-help">"Where to find help"</h2>
            <p>
                "These free, confidential lines help people of every gender, in any kind of "
                "relationship. Numbers differ by country, so check yours if it is not here."
            </p>
            <ul class="helplines">
                <li>"United States: National Domestic Violence Hotline, 1-800-799-7233, or text START to 88788"</li>
                <li>"United Kingdom: National Domestic Abuse Helpline (England), 0808 2000 247"</li>
                <li>"Ireland: Women's Aid, 1800 341 900"</li>
                <li>"Australia: 1800RESPECT, 1800 737 732"</li>
                <li>"New Zealand: Women's Refuge crisis line, 0800 733 843"</li>
            </ul>
            <p>
                "Elsewhere, search for a domestic abuse helpline in your country, ideally on a device "
                "the other person cannot see. If this is about someone at work, your workplace's "
                "human resources team or a trade union can help too."
            </p>
        </section>

        <section class="card" aria-labelledby="safety-leave">
            <h2 id="safety-leave">"Leaving Mend quickly, and erasing it"</h2>
            <p>
                "If someone might see your screen, close this tab or switch to another app. Mend "
                "leaves its own address in your browser history; you can delete that from the "
                "browser's history."
            </p>
            <p>
                "To remove everything Mend keeps on this device, use Erase everything in "
                <A href=link(Page::Settings.path())>"Settings"</A>
                ". If you added Mend to your home screen, remove it there as well."
            </p>
        </section>

        <p class="actions">
            <A href=link(&guide_path(&"safety-check".into())) attr:class="button button--primary">"Take the safety check"</A>
        </p>
    }
}
