//! "Trust over the weeks": the weekly check-in's trust rating as a line
//! chart drawn in SVG (no chart library: they need inline styles, HTML
//! injection or a lot of JavaScript), a caption that says the trend in
//! words, and the same numbers as a table for screen readers and for anyone
//! who prefers them. A week without a check-in is a gap, never a joined line.

use leptos::prelude::*;

use crate::content::library;
use crate::domain::guide::QuestionKind;
use crate::domain::ids::{GuideId, QuestionId};
use crate::domain::program::progress::{
    trend, Series, Week, CHART_WEEKS, CHECK_IN_GUIDE, TRUST_QUESTION,
};
use crate::i18n::{msg, t, tf};
use crate::store::Store;

// The drawing's own units; the SVG scales to its box (CSS).
const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 160.0;
const LEFT: f64 = 28.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 24.0;

/// The trust rating's range, from the check-in guide itself.
pub fn scale_range() -> (i32, i32) {
    library()
        .guide(&GuideId::new(CHECK_IN_GUIDE))
        .and_then(|g| g.question(&QuestionId::new(TRUST_QUESTION)))
        .and_then(|q| match q.kind() {
            QuestionKind::Scale(scale) => Some((scale.min(), scale.max())),
            _ => None,
        })
        .unwrap_or((0, 10))
}

#[component]
pub fn TrustOverTime() -> impl IntoView {
    let store = expect_context::<Store>();
    let series = Memo::new(move |_| {
        store.read(|d| {
            Series::of(
                &d.entries,
                &GuideId::new(CHECK_IN_GUIDE),
                &QuestionId::new(TRUST_QUESTION),
            )
        })
    });
    let (min, max) = scale_range();
    view! {
        <section class="card trust" aria-labelledby="trust-over-time">
            <h2 id="trust-over-time">{t(msg::guide::TRUST_HEADING)}</h2>
            {move || series.with(|s| {
                if s.check_ins() == 0 {
                    return view! {
                        <p>{t(msg::guide::TRUST_EMPTY)}</p>
                    }
                    .into_any();
                }
                let shown = s.last_weeks(CHART_WEEKS).to_vec();
                let caption = trend(&shown, max).unwrap_or_default();
                let all: Vec<Week> = s.weeks.iter().rev().copied().collect();
                view! {
                    <figure class="trust__figure">
                        <Chart weeks=shown min max />
                        <figcaption id="trust-caption">{caption}</figcaption>
                    </figure>
                    <details class="week-table">
                        <summary>{t(msg::guide::SHOW_TABLE)}</summary>
                        <table>
                            <caption>
                                {tf(msg::guide::TRUST_TABLE_CAPTION, &[("min", &min.to_string()), ("max", &max.to_string())])}
                            </caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t(msg::guide::WEEK_STARTING)}</th>
                                    <th scope="col">{t(msg::guide::TRUST_COLUMN)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {all.into_iter().map(|week| view! {
                                    <tr>
                                        <td><time datetime=week.starts.to_string()>{week.starts.long()}</time></td>
                                        <td>{week.value.map_or_else(|| t(msg::guide::NO_CHECK_IN).to_owned(), |v| v.to_string())}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </details>
                }
                .into_any()
            })}
        </section>
    }
}

/// The drawing. Its text alternative is the caption (the trend in words);
/// the table carries every number.
#[component]
fn Chart(weeks: Vec<Week>, min: i32, max: i32) -> impl IntoView {
    let span = f64::from((max - min).max(1));
    let step = (WIDTH - LEFT - RIGHT) / (weeks.len().max(2) - 1) as f64;
    // One week alone sits in the middle.
    let single = weeks.len() == 1;
    let x = move |i: usize| {
        if single {
            LEFT + (WIDTH - LEFT - RIGHT) / 2.0
        } else {
            LEFT + step * i as f64
        }
    };
    let y = move |value: i32| {
        TOP + (HEIGHT - TOP - BOTTOM) * f64::from(max - value.clamp(min, max)) / span
    };
    // Runs of consecutive weeks with a value: each is one line.
    let mut runs: Vec<Vec<(usize, i32)>> = Vec::new();
    for (i, week) in weeks.iter().enumerate() {
        match (week.value, runs.last_mut()) {
            (Some(v), Some(run)) if run.last().is_some_and(|&(j, _)| j + 1 == i) => {
                run.push((i, v))
            }
            (Some(v), _) => runs.push(vec![(i, v)]),
            (None, _) => {}
        }
    }
    let middle = min + (max - min) / 2;
    let grid = [min, middle, max].map(|value| {
        let at = format!("{:.1}", y(value));
        view! {
            <line class="chart__grid" x1=LEFT.to_string() x2=(WIDTH - RIGHT).to_string() y1=at.clone() y2=at.clone() />
            <text class="chart__label" x=(LEFT - 6.0).to_string() y=at text-anchor="end" dominant-baseline="middle">{value.to_string()}</text>
        }
    });
    let lines = runs
        .iter()
        .filter(|run| run.len() > 1)
        .map(|run| {
            let points = run
                .iter()
                .map(|&(i, v)| format!("{:.1},{:.1}", x(i), y(v)))
                .collect::<Vec<_>>()
                .join(" ");
            view! { <polyline class="chart__line" points=points /> }
        })
        .collect_view();
    let dots = runs
        .iter()
        .flatten()
        .map(|&(i, v)| view! { <circle class="chart__dot" cx=format!("{:.1}", x(i)) cy=format!("{:.1}", y(v)) r="3.5" /> })
        .collect_view();
    let first = weeks.first().map(|w| w.starts.long()).unwrap_or_default();
    let last = weeks.last().map(|w| w.starts.long()).unwrap_or_default();
    let bottom = format!("{:.1}", HEIGHT - 6.0);
    view! {
        <svg class="chart" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby="trust-caption" focusable="false">
            {grid}
            {lines}
            {dots}
            <text class="chart__label" x=LEFT.to_string() y=bottom.clone() text-anchor="start">{first}</text>
            <text class="chart__label" x=(WIDTH - RIGHT).to_string() y=bottom text-anchor="end">{last}</text>
        </svg>
    }
}
