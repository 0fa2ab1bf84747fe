//! Progress over time: a number the weekly check-in asks (trust, from 0 to
//! 10) as one value per week, with gaps where a week had no check-in, and a
//! sentence that says in words how it moved.
//!
//! Weeks run Monday to Sunday and are counted on calendar dates, so a clock
//! change or a time zone never moves a check-in into another week. Two
//! check-ins in one week count once: the later one stands for the week.

use crate::domain::answer::AnswerValue;
use crate::domain::date::CalendarDate;
use crate::domain::entry::Entries;
use crate::domain::ids::{GuideId, QuestionId};
use crate::domain::msg::{self, fill, t, tf, Text};

/// The recurring guide whose answers make the series.
pub const CHECK_IN_GUIDE: &str = "weekly-check-in";
/// Its trust rating.
pub const TRUST_QUESTION: &str = "trust";
/// How many weeks the chart shows; the table lists them all.
pub const CHART_WEEKS: usize = 26;

/// One week of the series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Week {
    /// The Monday the week starts on.
    pub starts: CalendarDate,
    /// The value given that week, if there was a check-in.
    pub value: Option<i32>,
}

/// A scale answer over the weeks, oldest first, every week from the first
/// check-in to the last (weeks without one have no value).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Series {
    pub weeks: Vec<Week>,
}

impl Series {
    /// The finished entries of `guide` that answered `question` with a
    /// number. Entries of other guides, unfinished ones and other kinds of
    /// answer are left out.
    pub fn of(entries: &Entries, guide: &GuideId, question: &QuestionId) -> Series {
        // (week, day, order) → value; the latest check-in of a week stands.
        let mut given: Vec<(CalendarDate, CalendarDate, usize, i32)> = entries
            .history(guide)
            .into_iter()
            .enumerate()
            .filter_map(|(order, entry)| match entry.answers().get(question) {
                Some(AnswerValue::Scale(value)) => {
                    let day = entry.completed_on()?;
                    Some((day.week_start(), day, order, *value))
                }
                _ => None,
            })
            .collect();
        given.sort_by_key(|&(week, day, order, _)| (week, day, order));
        let (Some(first), Some(last)) = (given.first(), given.last()) else {
            return Series::default();
        };
        let (first, last) = (first.0.day_number(), last.0.day_number());
        let weeks = (0..=(last - first) / 7)
            .filter_map(|i| CalendarDate::from_day_number(first + i * 7))
            .map(|starts| Week {
                starts,
                value: given
                    .iter()
                    .rev()
                    .find(|(week, ..)| *week == starts)
                    .map(|&(.., value)| value),
            })
            .collect();
        Series { weeks }
    }

    /// The last `count` weeks (all of them if there are fewer).
    pub fn last_weeks(&self, count: usize) -> &[Week] {
        &self.weeks[self.weeks.len().saturating_sub(count)..]
    }

    /// How many weeks had a check-in.
    pub fn check_ins(&self) -> usize {
        self.weeks.iter().filter(|w| w.value.is_some()).count()
    }
}

/// How trust moved over `weeks`, in one or two plain sentences; `None`
/// when there is no value at all.
pub fn trend(weeks: &[Week], max: i32) -> Option<String> {
    let points: Vec<(usize, i32)> = weeks
        .iter()
        .enumerate()
        .filter_map(|(i, w)| Some((i, w.value?)))
        .collect();
    let (&(first_at, first), &(last_at, last)) = (points.first()?, points.last()?);
    let (first_text, last_text) = (first.to_string(), last.to_string());
    if points.len() == 1 {
        return Some(tf(
            msg::domain_program::TREND_ONE,
            &[("last", &last_text), ("max", &max.to_string())],
        ));
    }
    let span = last_at - first_at;
    let low = points.iter().map(|p| p.1).min().unwrap_or(first);
    let high = points.iter().map(|p| p.1).max().unwrap_or(first);
    let message = if last > first {
        msg::domain_program::TREND_RISEN
    } else if last < first {
        msg::domain_program::TREND_FALLEN
    } else if low == high {
        msg::domain_program::TREND_STAYED
    } else {
        msg::domain_program::TREND_BACK
    };
    let mut sentence = fill(
        msg::counted(message, span as u64),
        &[
            ("count", &span.to_string()),
            ("first", &first_text),
            ("last", &last_text),
            ("low", &low.to_string()),
            ("high", &high.to_string()),
        ],
    );
    let missed = weeks[first_at..=last_at]
        .iter()
        .filter(|w| w.value.is_none())
        .count();
    if missed > 0 {
        sentence.push(' ');
        sentence.push_str(&fill(
            msg::counted(msg::domain_program::TREND_MISSED, missed as u64),
            &[("count", &count_word(missed))],
        ));
    }
    Some(sentence)
}

/// "Two", "Three" … for the start of a sentence's second part (one has
/// its own sentence); a number from ten on.
fn count_word(n: usize) -> String {
    const WORDS: [Text; 8] = [
        msg::domain_program::WEEKS_TWO,
        msg::domain_program::WEEKS_THREE,
        msg::domain_program::WEEKS_FOUR,
        msg::domain_program::WEEKS_FIVE,
        msg::domain_program::WEEKS_SIX,
        msg::domain_program::WEEKS_SEVEN,
        msg::domain_program::WEEKS_EIGHT,
        msg::domain_program::WEEKS_NINE,
    ];
    n.checked_sub(2)
        .and_then(|i| WORDS.get(i))
        .map_or_else(|| n.to_string(), |w| t(*w).to_owned())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use serde_json::json;

    fn d(text: &str) -> CalendarDate {
        text.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    /// Finished check-ins: (day finished, trust), in the order stored.
    fn check_ins(days: &[(&str, i32)]) -> Entries {
        let entries: Vec<_> = days
            .iter()
            .enumerate()
            .map(|(i, (day, trust))| {
                json!({
                    "id": format!("weekly-check-in-{day}-{i}"),
                    "guide": CHECK_IN_GUIDE,
                    "started_on": day,
                    "completed_on": day,
                    "answers": { "trust": { "type": "scale", "value": trust } },
                    "current_step": null
                })
            })
            .collect();
        serde_json::from_value(json!(entries)).unwrap_or_else(|e| panic!("{e}"))
    }

    fn series(entries: &Entries) -> Series {
        Series::of(
            entries,
            &GuideId::new(CHECK_IN_GUIDE),
            &QuestionId::new(TRUST_QUESTION),
        )
    }

    fn values(series: &Series) -> Vec<Option<i32>> {
        series.weeks.iter().map(|w| w.value).collect()
    }

    #[test]
    fn one_value_per_week_with_gaps_for_weeks_without_a_check_in() {
        let s = series(&check_ins(&[
            ("2026-11-01", 3),
            ("2026-11-08", 4),
            ("2026-11-22", 6),
        ]));
        assert_eq!(values(&s), [Some(3), Some(4), None, Some(6)]);
        assert_eq!(s.weeks[0].starts, d("2026-10-26"), "weeks start on Monday");
        assert_eq!(s.check_ins(), 3);
    }

    #[test]
    fn two_check_ins_in_one_week_count_once_the_later_one() {
        // Same day twice, and Monday then Sunday of one week.
        let s = series(&check_ins(&[
            ("2026-11-02", 2),
            ("2026-11-08", 5),
            ("2026-11-08", 7),
        ]));
        assert_eq!(values(&s), [Some(7)]);
        // Stored out of order (an import): the date decides, not the order.
        let s = series(&check_ins(&[("2026-11-08", 5), ("2026-11-02", 2)]));
        assert_eq!(values(&s), [Some(5)]);
    }

    #[test]
    fn unfinished_entries_other_guides_and_other_answers_are_left_out() {
        let entries: Entries = serde_json::from_value(json!([
            { "id": "a", "guide": CHECK_IN_GUIDE, "started_on": "2026-11-01", "completed_on": null,
              "answers": { "trust": { "type": "scale", "value": 9 } }, "current_step": null },
            { "id": "b", "guide": "a-guide-that-no-longer-exists", "started_on": "2026-11-01",
              "completed_on": "2026-11-01", "answers": { "trust": { "type": "scale", "value": 1 } },
              "current_step": null },
            { "id": "c", "guide": CHECK_IN_GUIDE, "started_on": "2026-11-09", "completed_on": "2026-11-09",
              "answers": { "trust": { "type": "text", "value": "7" } }, "current_step": null },
            { "id": "d", "guide": CHECK_IN_GUIDE, "started_on": "2026-11-16", "completed_on": "2026-11-16",
              "answers": {}, "current_step": null }
        ]))
        .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(series(&entries), Series::default());
        assert_eq!(trend(&series(&entries).weeks, 10), None);
    }

    #[test]
    fn three_years_of_weeks_stay_in_order_and_the_chart_takes_the_last_half_year() {
        let start = d("2024-01-01");
        let days: Vec<(String, i32)> = (0..156)
            .map(|week| {
                (
                    start
                        .plus_days(week * 7)
                        .map(|d| d.to_string())
                        .unwrap_or_default(),
                    (week % 11) as i32,
                )
            })
            .collect();
        let borrowed: Vec<(&str, i32)> = days.iter().map(|(d, v)| (d.as_str(), *v)).collect();
        let s = series(&check_ins(&borrowed));
        assert_eq!(s.weeks.len(), 156);
        assert_eq!(s.last_weeks(CHART_WEEKS).len(), CHART_WEEKS);
        assert_eq!(
            s.last_weeks(CHART_WEEKS).last().and_then(|w| w.value),
            Some(155 % 11)
        );
    }

    /// Issue 12's scale: three years of weekly check-ins and 1,000 other
    /// entries, each with a few sentences, and commitments marked every
    /// week, stay well inside localStorage.
    #[test]
    fn three_years_of_check_ins_a_thousand_entries_and_commitments_stay_under_one_and_a_half_mib() {
        use crate::domain::store::{encode, Document, Stamp};
        let sentence = "We talked after dinner and it went better than last week, slowly. ";
        let start = d("2024-01-01");
        let mut entries = Vec::new();
        for week in 0..156 {
            let day = start
                .plus_days(week * 7)
                .map(|d| d.to_string())
                .unwrap_or_default();
            entries.push(json!({
                "id": format!("weekly-check-in-{day}"), "guide": CHECK_IN_GUIDE,
                "started_on": day, "completed_on": day, "current_step": null,
                "answers": {
                    "appreciations": { "type": "list", "value": [sentence, sentence] },
                    "went-well": { "type": "text", "value": sentence.repeat(2) },
                    "concern": { "type": "text", "value": sentence },
                    "commitments": { "type": "choice", "value": "most" },
                    "trust": { "type": "scale", "value": week % 11 },
                    "trust-why": { "type": "text", "value": "Kept the promise about Sundays." }
                }
            }));
        }
        for n in 0..1000 {
            let day = start
                .plus_days(n)
                .map(|d| d.to_string())
                .unwrap_or_default();
            entries.push(json!({
                "id": format!("appreciation-log-{day}-{n}"), "guide": "appreciation-log",
                "started_on": day, "completed_on": day, "current_step": null,
                "answers": {
                    "appreciated": { "type": "text", "value": sentence },
                    "said": { "type": "yes_no", "value": true }
                }
            }));
        }
        let mut document = Document {
            entries: serde_json::from_value(json!(entries)).unwrap_or_else(|e| panic!("{e}")),
            ..Document::default()
        };
        // Eight commitments, each marked every week for three years, with a
        // note every fourth week.
        for n in 0..8 {
            let id = document
                .commitments
                .add(&format!("Commitment {n}: {sentence}"), start)
                .unwrap_or_default();
            for week in 0..156 {
                let day = start.plus_days(week * 7).unwrap_or(start);
                let note = if week % 4 == 0 { sentence } else { "" };
                document.commitments.mark(
                    &id,
                    day,
                    Some(crate::domain::program::commitments::Mark::Kept),
                    note,
                );
            }
        }
        let text = encode(
            &document,
            &Stamp::new(1, "2026-12-05T10:00:00.000Z".to_owned()),
        );
        println!(
            "three years of check-ins, 1,000 entries and 8 commitments marked weekly: {} bytes stored",
            text.len()
        );
        assert!(text.len() < 1_572_864, "{} bytes", text.len());
        assert_eq!(series(&document.entries).weeks.len(), 156);
    }

    #[test]
    fn the_trend_in_words() {
        let trend_of = |days: &[(&str, i32)]| trend(&series(&check_ins(days)).weeks, 10);
        assert_eq!(
            trend_of(&[("2026-11-02", 6)]).as_deref(),
            Some("One check-in so far: Trust is at 6 out of 10. After your next check-in, this shows how it moves from week to week.")
        );
        assert_eq!(
            trend_of(&[("2026-10-05", 3), ("2026-11-30", 6)]).as_deref(),
            Some("Trust has risen from 3 to 6 over the last 8 weeks. Seven of those weeks had no check-in.")
        );
        assert_eq!(
            trend_of(&[("2026-11-23", 6), ("2026-11-30", 4)]).as_deref(),
            Some("Trust has fallen from 6 to 4 over the last week.")
        );
        assert_eq!(
            trend_of(&[("2026-11-16", 5), ("2026-11-23", 5), ("2026-11-30", 5)]).as_deref(),
            Some("Trust has stayed at 5 over the last 2 weeks.")
        );
        assert_eq!(
            trend_of(&[("2026-11-09", 5), ("2026-11-16", 2), ("2026-11-30", 5)]).as_deref(),
            Some("Trust is at 5, where it was 3 weeks ago, after moving between 2 and 5. One of those weeks had no check-in.")
        );
    }

    #[test]
    fn the_trend_in_spanish_words() {
        use crate::domain::msg::{show_table, Lang};
        let trend_of = |days: &[(&str, i32)]| trend(&series(&check_ins(days)).weeks, 10);
        show_table(Lang::Es, Lang::Es.table());
        let said = [
            trend_of(&[("2026-11-02", 6)]),
            trend_of(&[("2026-10-05", 3), ("2026-11-30", 6)]),
            trend_of(&[("2026-11-23", 6), ("2026-11-30", 4)]),
            trend_of(&[("2026-11-09", 5), ("2026-11-16", 2), ("2026-11-30", 5)]),
        ];
        show_table(Lang::En, &[]);
        assert_eq!(
            said.map(Option::unwrap_or_default),
            [
                "Una revisión hasta ahora: la confianza está en 6 de 10. Después de tu próxima revisión, aquí verás cómo cambia de una semana a otra.",
                "La confianza ha subido de 3 a 6 en las últimas 8 semanas. Siete de esas semanas no tuvieron revisión.",
                "La confianza ha bajado de 6 a 4 en la última semana.",
                "La confianza está en 5, como hace 3 semanas, después de moverse entre 2 y 5. Una de esas semanas no tuvo revisión.",
            ]
        );
    }
}
