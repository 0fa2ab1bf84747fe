//! Checks that a dimension's result bands give every possible score exactly one meaning.

use super::Report;
use crate::domain::guide::error::Place;
use crate::domain::guide::model::{Band, ScoreRange};
use crate::domain::guide::raw::RawBand;
use crate::domain::ids::GuideId;
use std::collections::BTreeSet;

/// Builds the bands, sorted by score, reporting gaps, overlaps, bands no
/// score can reach and recommendations of unknown guides.
pub(super) fn convert(
    r: &mut Report,
    place: &Place,
    raw: &[RawBand],
    range: ScoreRange,
    library: &BTreeSet<GuideId>,
) -> Vec<Band> {
    let place = Some(place);
    if raw.is_empty() {
        r.add(place, "has no bands");
        return Vec::new();
    }
    let mut bands: Vec<Band> = raw
        .iter()
        .map(|band| {
            let name = name(band);
            let title = r.text(place, &format!("band {name}: title"), &band.title);
            let text = r.text(place, &format!("band {name}: text"), &band.text);
            for guide in &band.recommend {
                if !library.contains(&GuideId::new(guide.as_str())) {
                    r.add(
                        place,
                        format!(
                            "band {name} recommends `{guide}`, which is not a guide in the library"
                        ),
                    );
                }
            }
            Band {
                from: band.from,
                to: band.to,
                title,
                text,
                recommend: band.recommend.iter().map(GuideId::new).collect(),
            }
        })
        .collect();

    let mut backwards = false;
    for band in raw.iter().filter(|b| b.from > b.to) {
        backwards = true;
        r.add(
            place,
            format!(
                "band {} runs from {} down to {}; `from` must not be above `to`",
                name(band),
                band.from,
                band.to
            ),
        );
    }
    if !backwards {
        coverage(r, place, raw, range);
    }
    bands.sort_by_key(|b| (b.from, b.to));
    bands
}

/// Walks the bands from the lowest score up, reporting what is missing or doubled.
fn coverage(r: &mut Report, place: Option<&Place>, raw: &[RawBand], range: ScoreRange) {
    let mut sorted: Vec<&RawBand> = raw.iter().collect();
    sorted.sort_by_key(|b| (b.from, b.to));
    // The lowest score not yet covered, and the band reaching highest so far.
    let mut next = range.min;
    let mut reach: Option<&RawBand> = None;
    for band in sorted {
        if band.to < range.min || band.from > range.max {
            r.add(
                place,
                format!(
                    "band {} ({} to {}) is outside the possible scores {} to {}, so it is never shown",
                    name(band),
                    band.from,
                    band.to,
                    range.min,
                    range.max
                ),
            );
            continue;
        }
        if let Some(earlier) = reach.filter(|e| band.from <= e.to) {
            r.add(
                place,
                format!(
                    "bands {} and {} both cover {}",
                    name(earlier),
                    name(band),
                    scores(
                        band.from.max(range.min),
                        earlier.to.min(band.to).min(range.max)
                    )
                ),
            );
        }
        if band.from > next {
            let missing = scores(next, band.from - 1);
            r.add(
                place,
                if reach.is_none() {
                    format!("no band covers {missing} (the lowest possible score is {next})")
                } else {
                    format!("no band covers {missing}")
                },
            );
        }
        next = next.max(band.to + 1);
        if reach.is_none_or(|e| band.to > e.to) {
            reach = Some(band);
        }
    }
    if next <= range.max {
        r.add(
            place,
            format!(
                "no band covers {} (the highest possible score is {})",
                scores(next, range.max),
                range.max
            ),
        );
    }
}

/// How a band is named in messages: by its title, as written.
fn name(band: &RawBand) -> String {
    if band.title.trim().is_empty() {
        format!("{} to {}", band.from, band.to)
    } else {
        format!("`{}`", band.title)
    }
}

fn scores(from: i64, to: i64) -> String {
    if from == to {
        format!("score {from}")
    } else {
        format!("scores {from} to {to}")
    }
}
