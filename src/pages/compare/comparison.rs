//! Both cards side by side, in words.

use leptos::prelude::*;

use super::capitalised;
use crate::content::library;
use crate::domain::compare::comparison::{comparable_scores, compare};
use crate::domain::compare::exchange::Exchange;
use crate::domain::guide::Guide;
use crate::domain::ids::GuideId;
use crate::i18n::{around, msg, t, tf};
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
            let shared = (!row.shared.is_empty()).then(|| tf(msg::compare::BOTH_CHOSE, &[("choices", &row.shared.join("; "))]));
            let label = row.question.clone();
            view! {
                <article class="compare-row" aria-label=label>
                    <h3>{row.question}</h3>
                    <p class="compare-row__verdict">{verdict}</p>
                    {shared.map(|s| view! { <p>{s}</p> })}
                    <dl class="compare-row__answers">
                        <dt>{t(msg::compare::YOU)}</dt>
                        <dd>{if row.yours.is_empty() { vec![t(msg::compare::NOT_SHARED).to_owned()] } else { row.yours }.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}</dd>
                        <dt>{them}</dt>
                        <dd>{if row.theirs.is_empty() { vec![t(msg::compare::NOT_SHARED).to_owned()] } else { row.theirs }.into_iter().map(|l| view! { <p>{l}</p> }).collect_view()}</dd>
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
            let range = a.dimension.range();
            let score = |s: &crate::domain::guide::DimensionScore<'_>| {
                let (value, max) = (s.value.to_string(), range.max.to_string());
                match s.band {
                    Some(b) => tf(
                        msg::compare::SCORE_BAND,
                        &[
                            ("value", &value),
                            ("max", &max),
                            ("band", &b.title().render(&wording)),
                        ],
                    ),
                    None => tf(msg::compare::SCORE, &[("value", &value), ("max", &max)]),
                }
            };
            view! {
                <tr>
                    <th scope="row">{label}</th>
                    <td>{score(&a)}</td>
                    <td>{score(&b)}</td>
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
            <h2 id="compare-result">{t(msg::compare::RESULT_HEADING)}</h2>
            <p>
                {tf(msg::compare::RESULT_INTRO, &[("name", &name), ("date", &theirs.opened_on.long())])}
            </p>
            {has_scores.then(|| view! {
                <table class="week-table__plain">
                    <caption>{t(msg::compare::SCORES_CAPTION)}</caption>
                    <thead><tr><th scope="col">{t(msg::compare::RESULT_COLUMN)}</th><th scope="col">{t(msg::compare::YOU)}</th><th scope="col">{them.clone()}</th></tr></thead>
                    <tbody>{score_rows}</tbody>
                </table>
            })}
            {rows}
            <div class="card notice" role="note">
                <p>{t(msg::compare::TALK_NOTE)}</p>
                {conversation.map(|(href, title)| {
                    // The guide's title is a link inside the sentence.
                    let [before, after] = around(msg::compare::TALK_GUIDE, "{guide}", &[]);
                    view! { <p>{before} <a href=href>{title}</a> {after}</p> }
                })}
            </div>
        </section>
    }
    .into_any()
}
