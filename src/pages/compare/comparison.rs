//! Both cards side by side, in words.

use leptos::prelude::*;
use leptos_router::components::A;

use super::capitalised;
use crate::content::library;
use crate::domain::compare::comparison::{comparable_scores, compare};
use crate::domain::compare::exchange::Exchange;
use crate::domain::guide::Guide;
use crate::domain::ids::GuideId;
use crate::routes::Page;
use crate::store::Store;

/// The guide a comparison points to for talking differences through.
const CONVERSATION_GUIDE: &str = "the-conversation";

#[component]
pub(super) fn Comparison(guide: &'static Guide, exchange: Exchange) -> impl IntoView {
    let store = expect_context::<Store>();
    let wording = store.read_untracked(|d| d.profile.wording.clone());
    let name = wording.reference();
    let them = capitalised(&name);
    let (Some(mine), Some(theirs)) = (exchange.mine(), exchange.theirs()) else {
        return ().into_any();
    };
    let rows = compare(guide, &mine.answers, &theirs.answers, &wording)
        .into_iter()
        .map(|row| {
            let verdict = row.verdict.in_words(&name);
            let them = them.clone();
            let shared = (!row.shared.is_empty()).then(|| format!("You both chose: {}.", row.shared.join("; ")));
            let label = row.question.clone();
            view! {
                <article class="compare-row" aria-label=label>
                    <h3>{row.question}</h3>
                    <p class="compare-row__verdict">{verdict}</p>
                    {shared.map(|s| view! { <p>{s}</p> })}
                    <dl class="compare-row__answers">
                        <dt>"You"</dt>
                        <dd>{if row.yours.is_empty() { vec!["(not shared)".to_owned()] } else { row.yours }.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}</dd>
                        <dt>{them}</dt>
                        <dd>{if row.theirs.is_empty() { vec!["(not shared)".to_owned()] } else { row.theirs }.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}</dd>
                    </dl>
                </article>
            }
        })
        .collect_view();
    // Scores only where both shared every answer that makes them (see
    // `comparable_scores`): a partial score would show a wrong band.
    let score_rows = comparable_scores(guide, &mine.answers, &theirs.answers)
        .into_iter()
        .map(|(a, b)| {
            let label = a.dimension.label().render(&wording);
            let band = |s: &crate::domain::guide::DimensionScore<'_>| {
                s.band
                    .map(|b| format!(" ({})", b.title().render(&wording)))
                    .unwrap_or_default()
            };
            let range = a.dimension.range();
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td>{format!("{} of {}{}", a.value, range.max, band(&a))}</td>
                    <td>{format!("{} of {}{}", b.value, range.max, band(&b))}</td>
                </tr>
            }
        })
        .collect::<Vec<_>>();
    let has_scores = !score_rows.is_empty();
    let conversation = library()
        .guide(&GuideId::new(CONVERSATION_GUIDE))
        .map(|g| (Page::guide(g.id()).href(), g.title().render(&wording)));
    view! {
        <section class="card" aria-labelledby="compare-result">
            <h2 id="compare-result">"Side by side"</h2>
            <p>
                {format!("Your card and {name}'s, question by question. Opened on {}.", theirs.opened_on.long())}
            </p>
            {has_scores.then(|| view! {
                <table class="week-table__plain">
                    <caption>"Scores from the answers you both shared"</caption>
                    <thead><tr><th scope="col">"Result"</th><th scope="col">"You"</th><th scope="col">{them.clone()}</th></tr></thead>
                    <tbody>{score_rows}</tbody>
                </table>
            })}
            {rows}
            <div class="card notice" role="note">
                <p>
                    "Differences are where the useful talking is. Take one at a time, say what you see "
                    "and how it feels rather than what the other person got wrong, and ask before you explain."
                </p>
                {conversation.map(|(href, title)| view! {
                    <p>"The guide " <A href=href>{title}</A> " can help you plan that talk."</p>
                })}
            </div>
        </section>
    }
    .into_any()
}
