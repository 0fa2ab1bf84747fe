//! A summary to take to a counsellor: the finished guides and check-ins the
//! user ticks, in a date range, as plain sections of questions and their
//! own answers, and as a Markdown text file. Nothing is in it that was not
//! ticked. The Safety check and the safety plan start unticked: a summary
//! is made to be shown, and those may name dangers the user has not chosen
//! to share.

use crate::domain::answer::AnswerValue;
use crate::domain::date::CalendarDate;
use crate::domain::entry::{Entries, Entry};
use crate::domain::guide::{Guide, Library, Question, QuestionKind};
use crate::domain::ids::OptionId;
use crate::domain::msg::{self, t, tf};
use crate::domain::program::commitments::{Commitment, Commitments, EndedHow};
use crate::domain::wording::Wording;

/// Guides left out unless the user ticks them.
pub const PRIVATE_BY_DEFAULT: [&str; 2] = ["safety-check", "my-plan"];

/// A finished entry the user may include.
pub struct Candidate<'a> {
    pub entry: &'a Entry,
    pub guide: &'a Guide,
    pub finished_on: CalendarDate,
    /// Starts unticked (see [`PRIVATE_BY_DEFAULT`]).
    pub private: bool,
}

/// Finished entries in `from..=to` whose guide still exists, oldest first.
pub fn candidates<'a>(
    entries: &'a Entries,
    library: &'a Library,
    from: CalendarDate,
    to: CalendarDate,
) -> Vec<Candidate<'a>> {
    let mut found: Vec<Candidate<'a>> = entries
        .iter()
        .filter_map(|entry| {
            let finished_on = entry.completed_on()?;
            let guide = library.guide(entry.guide())?;
            (from <= finished_on && finished_on <= to).then(|| Candidate {
                entry,
                guide,
                finished_on,
                private: PRIVATE_BY_DEFAULT.contains(&guide.id().as_str()),
            })
        })
        .collect();
    found.sort_by_key(|c| c.finished_on);
    found
}

/// One ticked entry: its title, date, and each answered question with the
/// answer as lines of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub title: String,
    pub finished_on: CalendarDate,
    /// Each score with its range and band, as on the results page. Empty
    /// when a gate held (fear, harm, a decision made): the results page shows
    /// no score then either.
    pub results: Vec<String>,
    pub answers: Vec<(String, Vec<String>)>,
}

impl Section {
    /// The questions the user saw and answered, in the guide's order.
    pub fn of(entry: &Entry, guide: &Guide, wording: &Wording) -> Option<Section> {
        let finished_on = entry.completed_on()?;
        let answers = entry.answers();
        let mut shown = Vec::new();
        for step in guide.visible_steps(answers) {
            for question in guide.questions_shown_on(step.id(), answers) {
                let lines = answer_lines(question, answers.get(question.id()), wording);
                if !lines.is_empty() {
                    shown.push((question.text().render(wording), lines));
                }
            }
        }
        let results = if guide.gates_holding(answers).is_empty() {
            guide
                .score(answers)
                .iter()
                .filter(|score| score.answered)
                .map(|score| {
                    let range = score.dimension.range();
                    let label = score.dimension.label().render(wording);
                    let value = score.value.to_string();
                    let (min, max) = (range.min.to_string(), range.max.to_string());
                    let band = score.band.map(|band| band.title().render(wording));
                    let mut values = vec![
                        ("label", label.as_str()),
                        ("value", value.as_str()),
                        ("min", min.as_str()),
                        ("max", max.as_str()),
                    ];
                    match &band {
                        Some(band) => {
                            values.push(("band", band.as_str()));
                            tf(msg::domain_program::SCORE_BAND, &values)
                        }
                        None => tf(msg::domain_program::SCORE, &values),
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        Some(Section {
            title: guide.title().render(wording),
            finished_on,
            results,
            answers: shown,
        })
    }
}

/// One commitment's record for the summary: its words, when it started and
/// ended, and each week of the range with its mark and note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tracked {
    pub text: String,
    pub status: String,
    pub weeks: Vec<String>,
}

impl Tracked {
    /// The commitments whose record overlaps `from..=to`, in the order they
    /// were taken up, with the weeks in that range (newest first).
    pub fn all_in(
        commitments: &Commitments,
        from: CalendarDate,
        to: CalendarDate,
        today: CalendarDate,
    ) -> Vec<Tracked> {
        let (from, to) = (from.week_start(), to);
        commitments
            .iter()
            .filter_map(|c| {
                let weeks: Vec<String> = c
                    .record(today)
                    .into_iter()
                    .filter(|(week, _)| from <= *week && *week <= to)
                    .map(|(week, mark)| {
                        let what = match mark {
                            None => t(msg::domain_program::NOT_MARKED).to_owned(),
                            Some(m) if m.note.is_empty() => m.mark.label().to_lowercase(),
                            Some(m) => format!("{} ({})", m.mark.label().to_lowercase(), m.note),
                        };
                        tf(
                            msg::domain_program::WEEK_OF,
                            &[("date", &week.long()), ("what", &what)],
                        )
                    })
                    .collect();
                (!weeks.is_empty()).then(|| Tracked {
                    text: c.text.clone(),
                    status: status(c),
                    weeks,
                })
            })
            .collect()
    }
}

/// "Since 3 November 2026", and how it ended if it has.
pub fn status(c: &Commitment) -> String {
    let since = tf(
        msg::domain_program::SINCE,
        &[("date", &c.started_on.long())],
    );
    match &c.ended {
        None => since,
        Some(end) => {
            let message = match (end.how, end.reason.is_empty()) {
                (EndedHow::Finished, true) => msg::domain_program::ENDED_FINISHED,
                (EndedHow::Finished, false) => msg::domain_program::ENDED_FINISHED_REASON,
                (EndedHow::Dropped, true) => msg::domain_program::ENDED_DROPPED,
                (EndedHow::Dropped, false) => msg::domain_program::ENDED_DROPPED_REASON,
            };
            tf(
                message,
                &[
                    ("since", &since),
                    ("date", &end.on.long()),
                    ("reason", &end.reason),
                ],
            )
        }
    }
}

/// An answer as a person reads it, as lines: option labels, "Yes"/"No",
/// the scale value with its range, the text as written, list items. An
/// unanswered question gives no lines.
pub fn answer_lines(
    question: &Question,
    answer: Option<&AnswerValue>,
    wording: &Wording,
) -> Vec<String> {
    let label_of = |id: &OptionId| option_label(question, id, wording);
    match (question.kind(), answer) {
        (_, None) => Vec::new(),
        (_, Some(AnswerValue::Choice(id))) => vec![label_of(id)],
        (_, Some(AnswerValue::Choices(ids))) => ids.iter().map(label_of).collect(),
        (_, Some(AnswerValue::YesNo(yes))) => vec![t(if *yes {
            msg::domain_program::YES
        } else {
            msg::domain_program::NO
        })
        .to_owned()],
        (QuestionKind::Scale(scale), Some(AnswerValue::Scale(value))) => vec![tf(
            msg::domain_program::SCALE_ANSWER,
            &[
                ("value", &value.to_string()),
                ("min", &scale.min().to_string()),
                ("max", &scale.max().to_string()),
            ],
        )],
        (_, Some(AnswerValue::Scale(value))) => vec![value.to_string()],
        (_, Some(AnswerValue::Text(text) | AnswerValue::Date(text))) => {
            text.lines().map(str::to_owned).collect()
        }
        (_, Some(AnswerValue::List(items))) => items
            .iter()
            .filter(|i| !i.trim().is_empty())
            .cloned()
            .collect(),
    }
}

/// The label of a question's option as the user saw it; the id itself for
/// an option the guide no longer has.
pub fn option_label(question: &Question, id: &OptionId, wording: &Wording) -> String {
    question
        .kind()
        .options()
        .iter()
        .find(|o| o.id() == id)
        .map(|o| o.label().render(wording))
        .unwrap_or_else(|| id.to_string())
}

/// The summary as a Markdown text file (it reads as plain text too). The
/// user's own words are quoted line by line, so nothing they wrote can
/// turn into a heading of the file.
pub fn markdown(
    sections: &[Section],
    trust: Option<&str>,
    commitments: &[Tracked],
    made_on: CalendarDate,
) -> String {
    let mut out = String::new();
    out.push_str(&format!("# {}\n\n", t(msg::domain_program::FILE_TITLE)));
    out.push_str(&tf(
        msg::domain_program::FILE_MADE_ON,
        &[("date", &made_on.long())],
    ));
    out.push('\n');
    if let Some(trust) = trust {
        out.push_str(&format!("\n## {}\n\n", t(msg::domain_program::FILE_TRUST)));
        out.push_str(trust);
        out.push('\n');
    }
    if !commitments.is_empty() {
        out.push_str(&format!(
            "\n## {}\n",
            t(msg::domain_program::FILE_COMMITMENTS)
        ));
        for c in commitments {
            out.push_str(&format!(
                "\n> {}\n\n{}.\n\n",
                one_line(&c.text),
                one_line(&c.status)
            ));
            for week in &c.weeks {
                out.push_str("- ");
                out.push_str(&one_line(week));
                out.push('\n');
            }
        }
    }
    for section in sections {
        out.push_str(&format!(
            "\n## {}, {}\n",
            one_line(&section.title),
            section.finished_on.long()
        ));
        if !section.results.is_empty() {
            out.push('\n');
            for result in &section.results {
                out.push_str(&format!("- {}\n", one_line(result)));
            }
        }
        for (question, lines) in &section.answers {
            out.push_str(&format!("\n**{}**\n\n", one_line(question)));
            for line in lines {
                out.push_str("> ");
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    out
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::tests::library as library_with_fixtures;
    use serde_json::json;

    fn d(text: &str) -> CalendarDate {
        text.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    fn entries() -> Entries {
        serde_json::from_value(json!([
            { "id": "s", "guide": "sample", "started_on": "2026-11-20", "completed_on": "2026-11-20",
              "current_step": null, "answers": {
                "role": { "type": "choice", "value": "hurt" },
                "talk": { "type": "scale", "value": 4 },
                "afraid": { "type": "yes_no", "value": false },
                "kept": { "type": "choices", "value": ["listened", "owned"] },
                "trust-now": { "type": "scale", "value": 6 },
                "hardest": { "type": "text", "value": "Not knowing.\n# Not a heading" } } },
            { "id": "old", "guide": "sample", "started_on": "2026-01-02", "completed_on": "2026-01-02",
              "current_step": null, "answers": {} },
            { "id": "open", "guide": "sample", "started_on": "2026-11-25", "completed_on": null,
              "current_step": null, "answers": {} },
            { "id": "gone", "guide": "a-guide-that-no-longer-exists", "started_on": "2026-11-21",
              "completed_on": "2026-11-21", "current_step": null, "answers": {} }
        ]))
        .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn candidates_are_finished_entries_of_existing_guides_in_the_range() {
        let library = library_with_fixtures();
        let entries = entries();
        let found = candidates(&entries, &library, d("2026-11-01"), d("2026-11-30"));
        let ids: Vec<&str> = found.iter().map(|c| c.entry.id().as_str()).collect();
        assert_eq!(ids, ["s"]);
        assert!(!found[0].private);
        assert!(PRIVATE_BY_DEFAULT.contains(&"safety-check"));
    }

    #[test]
    fn a_section_holds_the_answered_questions_as_read_and_the_file_quotes_the_users_words() {
        let library = library_with_fixtures();
        let entries = entries();
        let entry = entries.iter().next().unwrap_or_else(|| panic!("an entry"));
        let guide = library
            .guide(entry.guide())
            .unwrap_or_else(|| panic!("the sample guide"));
        let section =
            Section::of(entry, guide, &Wording::default()).unwrap_or_else(|| panic!("finished"));
        assert_eq!(section.title, "Checking in on trust");
        let answer = |start: &str| {
            section
                .answers
                .iter()
                .find(|(q, _)| q.starts_with(start))
                .map(|(_, a)| a.clone())
                .unwrap_or_else(|| panic!("{start} in {:?}", section.answers))
        };
        assert_eq!(answer("Which of these"), ["My trust was broken"]);
        assert_eq!(
            answer("What has been hardest"),
            ["Not knowing.", "# Not a heading"]
        );
        assert_eq!(answer("Are you ever afraid"), ["No"]);
        assert_eq!(
            answer("I can tell the other person"),
            ["4 on a scale of 1 to 5"]
        );

        assert!(
            section.results.iter().any(|r| r.starts_with("Openness: ")
                && r.contains(" on a scale from ")
                && r.ends_with(')')),
            "each score with its range and band: {:?}",
            section.results
        );
        let file = markdown(
            std::slice::from_ref(&section),
            Some("Trust has risen from 3 to 6 over the last 4 weeks."),
            &[],
            d("2026-12-05"),
        );
        assert!(file.starts_with("# Notes from Mend\n\nMade on 5 December 2026."));
        assert!(file.contains("\n## Checking in on trust, 20 November 2026\n"));
        assert!(
            file.contains("\n> # Not a heading\n"),
            "the user's words are quoted: {file}"
        );
        assert!(file.contains("## Trust over the weeks\n\nTrust has risen"));
        assert!(
            file.contains("\n- Openness: "),
            "results are listed: {file}"
        );
        let nothing = markdown(&[], None, &[], d("2026-12-05"));
        assert!(!nothing.contains("##"), "nothing ticked, nothing included");
    }

    #[test]
    fn commitments_show_the_weeks_in_the_range_with_their_marks_and_notes() {
        use crate::domain::program::commitments::Mark;
        let mut commitments = Commitments::default();
        let kept = commitments
            .add("Tell you if my plans change", d("2026-10-05"))
            .unwrap_or_else(|| panic!("added"));
        commitments.mark(&kept, d("2026-10-06"), Some(Mark::Kept), "");
        commitments.mark(
            &kept,
            d("2026-10-13"),
            Some(Mark::Missed),
            "Away\n## for work",
        );
        let dropped = commitments
            .add("Walk on Sundays", d("2026-10-12"))
            .unwrap_or_else(|| panic!("added"));
        commitments.end(
            &dropped,
            EndedHow::Dropped,
            "Shifts changed",
            d("2026-10-14"),
        );
        let before = commitments
            .add("Before the range", d("2026-01-05"))
            .unwrap_or_else(|| panic!("added"));
        commitments.end(&before, EndedHow::Finished, "", d("2026-01-06"));

        let tracked = Tracked::all_in(
            &commitments,
            d("2026-10-08"),
            d("2026-10-20"),
            d("2026-10-21"),
        );
        assert_eq!(
            tracked,
            [
                Tracked {
                    text: "Tell you if my plans change".into(),
                    status: "Since 5 October 2026".into(),
                    weeks: vec![
                        "Week of 19 October 2026: not marked".into(),
                        "Week of 12 October 2026: missed (Away\n## for work)".into(),
                        "Week of 5 October 2026: kept".into(),
                    ],
                },
                Tracked {
                    text: "Walk on Sundays".into(),
                    status: "Since 12 October 2026; dropped on 14 October 2026: Shifts changed"
                        .into(),
                    weeks: vec!["Week of 12 October 2026: not marked".into()],
                },
            ],
            "a commitment ended before the range is left out"
        );
        let file = markdown(&[], None, &tracked, d("2026-10-21"));
        assert!(file.contains("## Commitments, week by week\n\n> Tell you if my plans change\n\nSince 5 October 2026.\n"));
        assert!(
            file.contains("- Week of 12 October 2026: missed (Away ## for work)\n"),
            "a note stays on its line: {file}"
        );
    }
}
