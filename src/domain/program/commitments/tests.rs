use super::*;
use crate::domain::entry::Entries;
use crate::domain::tests::day as d;
use serde_json::json;

fn finished(guide: &str, answers: serde_json::Value) -> Entries {
    serde_json::from_value(
        json!([{ "id": "e", "guide": guide, "started_on": "2026-11-02",
        "completed_on": "2026-11-03", "current_step": null, "answers": answers }]),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

fn adopted(guide: &str, answers: serde_json::Value) -> Commitments {
    let entries = finished(guide, answers);
    let mut commitments = Commitments::default();
    for entry in entries.iter() {
        commitments.adopt(entry, d("2026-11-03"));
    }
    commitments
}

fn texts(commitments: &Commitments) -> Vec<&str> {
    commitments.iter().map(|c| c.text.as_str()).collect()
}

#[test]
fn the_lines_of_commitment_questions_are_taken_up_once_each() {
    let mut commitments = adopted(
        "committing-to-the-work",
        json!({
            "amends": { "type": "list", "value": [" Tell you if my plans change ", "", "   "] },
            "open-to": { "type": "list", "value": ["Say when I need a break"] },
            "ask-of-them": { "type": "list", "value": ["Be home by ten"] },
            "stop-signs": { "type": "list", "value": ["Another lie"] }
        }),
    );
    assert_eq!(
        texts(&commitments),
        ["Tell you if my plans change", "Say when I need a break"],
        "what the other person should do, and the user's limits, are not the user's commitments"
    );
    let first = commitments.iter().next().unwrap_or_else(|| panic!("one"));
    assert_eq!(first.started_on, d("2026-11-03"));
    assert_eq!(first.id, "2026-11-03-1");
    assert!(first.is_open() && first.weeks.is_empty());

    // Finishing the guide again (after a review) adds only what is new,
    // and never brings back one the user ended.
    commitments.end("2026-11-03-1", EndedHow::Dropped, "", d("2026-11-20"));
    let entries = finished(
        "committing-to-the-work",
        json!({ "amends": { "type": "list", "value": ["Tell you if my plans change", "Show you my calendar"] } }),
    );
    let added = entries
        .iter()
        .map(|e| commitments.adopt(e, d("2026-11-21")))
        .sum::<usize>();
    assert_eq!(added, 1);
    assert_eq!(commitments.open().count(), 2);
    assert_eq!(
        commitments.get("2026-11-21-1").map(|c| c.text.as_str()),
        Some("Show you my calendar")
    );
}

#[test]
fn other_guides_and_other_kinds_of_answer_give_no_commitments() {
    assert!(adopted(
        "weekly-check-in",
        json!({ "commitments": { "type": "choice", "value": "all" } })
    )
    .is_empty());
    assert!(adopted(
        "keeping-your-word",
        json!({ "commitments": { "type": "text", "value": "Not a list" } })
    )
    .is_empty());
    assert!(adopted(
        "a-guide-that-no-longer-exists",
        json!({ "commitments": { "type": "list", "value": ["Something"] } })
    )
    .is_empty());
}

#[test]
fn one_added_by_hand_needs_words_and_is_capped() {
    let mut commitments = Commitments::default();
    assert_eq!(commitments.add("   ", d("2026-11-03")), None);
    let id = commitments
        .add(&"x".repeat(2 * MAX_TEXT), d("2026-11-03"))
        .unwrap_or_else(|| panic!("added"));
    let added = commitments.get(&id).unwrap_or_else(|| panic!("kept"));
    assert_eq!(added.text.chars().count(), MAX_TEXT);
    assert_eq!(added.source, None);
    assert_ne!(commitments.add("Another", d("2026-11-03")), Some(id));
}

#[test]
fn a_week_has_one_mark_and_a_second_check_in_that_week_changes_it() {
    let mut commitments = Commitments::default();
    let id = commitments
        .add("Tell you if my plans change", d("2026-11-03"))
        .unwrap_or_else(|| panic!("added"));
    // Tuesday and Saturday of one week, then the Monday after: a clock
    // change cannot move a calendar date, so weeks are counted on dates.
    commitments.mark(&id, d("2026-11-10"), Some(Mark::Missed), "Forgot");
    commitments.mark(&id, d("2026-11-15"), Some(Mark::Partly), "Told you late");
    commitments.mark(&id, d("2026-11-16"), Some(Mark::Kept), "");
    let c = commitments.get(&id).unwrap_or_else(|| panic!("kept"));
    assert_eq!(
        c.weeks,
        [
            WeekMark {
                week: d("2026-11-09"),
                mark: Mark::Partly,
                note: "Told you late".into()
            },
            WeekMark {
                week: d("2026-11-16"),
                mark: Mark::Kept,
                note: String::new()
            },
        ]
    );
    commitments.note(&id, d("2026-11-17"), "  On time  ");
    commitments.mark(&id, d("2026-11-11"), None, "");
    let c = commitments.get(&id).unwrap_or_else(|| panic!("kept"));
    assert_eq!(c.weeks.len(), 1);
    assert_eq!(c.weeks[0].note, "On time");
}

#[test]
fn the_record_shows_every_week_newest_first_with_unmarked_weeks_as_gaps() {
    let mut commitments = Commitments::default();
    let id = commitments
        .add("Tell you if my plans change", d("2026-11-04"))
        .unwrap_or_else(|| panic!("added"));
    commitments.mark(&id, d("2026-11-04"), Some(Mark::Kept), "");
    commitments.mark(&id, d("2026-11-18"), Some(Mark::Missed), "Away");
    let c = commitments.get(&id).unwrap_or_else(|| panic!("kept"));
    let record: Vec<(String, Option<Mark>)> = c
        .record(d("2026-11-26"))
        .into_iter()
        .map(|(week, mark)| (week.to_string(), mark.map(|m| m.mark)))
        .collect();
    assert_eq!(
        record,
        [
            ("2026-11-23".to_owned(), None),
            ("2026-11-16".to_owned(), Some(Mark::Missed)),
            ("2026-11-09".to_owned(), None),
            ("2026-11-02".to_owned(), Some(Mark::Kept)),
        ]
    );
    assert_eq!(
        c.in_words(d("2026-11-26")),
        "Marked for 2 of 4 weeks: kept 1, missed 1."
    );

    // An ended commitment's record stops at the week it ended.
    commitments.end(&id, EndedHow::Finished, "Part of life now", d("2026-11-17"));
    let c = commitments.get(&id).unwrap_or_else(|| panic!("kept"));
    assert_eq!(c.record(d("2027-06-01")).len(), 3);
    assert!(!c.is_open());
    commitments.reopen(&id);
    assert_eq!(commitments.open().count(), 1);

    let fresh = Commitments::default();
    let mut fresh = fresh;
    let new = fresh
        .add("Walk on Sundays", d("2026-11-26"))
        .unwrap_or_else(|| panic!("added"));
    let c = fresh.get(&new).unwrap_or_else(|| panic!("kept"));
    assert_eq!(
        c.in_words(d("2026-11-26")),
        "No week marked yet, of 1 week."
    );
}

#[test]
fn rewording_keeps_the_record_and_blank_words_change_nothing() {
    let mut commitments = adopted(
        "keeping-your-word",
        json!({ "commitments": { "type": "list", "value": ["No phone at dinner"] } }),
    );
    let id = "2026-11-03-1";
    commitments.mark(id, d("2026-11-04"), Some(Mark::Kept), "");
    assert!(commitments.reword(id, "No phone at dinner or in bed"));
    assert!(!commitments.reword(id, "  "));
    assert!(!commitments.reword("no-such-id", "Anything"));
    let c = commitments.get(id).unwrap_or_else(|| panic!("kept"));
    assert_eq!(c.text, "No phone at dinner or in bed");
    assert_eq!(c.weeks.len(), 1, "the week already marked stays");
    assert!(c.source.is_some());

    // Finishing the guide again, with the line as first written, does not
    // take it up a second time: the reworded one is that line.
    let entries = finished(
        "keeping-your-word",
        json!({ "commitments": { "type": "list", "value": ["No phone at dinner"] } }),
    );
    let added: usize = entries
        .iter()
        .map(|e| commitments.adopt(e, d("2026-11-30")))
        .sum();
    assert_eq!(added, 0);
    assert_eq!(commitments.iter().count(), 1);
}

#[test]
fn a_commitment_from_a_guide_that_no_longer_exists_keeps_its_words_and_record() {
    let commitments: Commitments = serde_json::from_value(json!([{
        "id": "2026-01-05-1", "text": "Call on Fridays",
        "source": { "guide": "a-guide-that-no-longer-exists", "question": "promises", "line": "Call on Fridays" },
        "started_on": "2026-01-05", "ended": null,
        "weeks": [{ "week": "2026-01-05", "mark": "partly", "note": "" }]
    }]))
    .unwrap_or_else(|e| panic!("{e}"));
    let c = commitments.open().next().unwrap_or_else(|| panic!("open"));
    assert_eq!(c.text, "Call on Fridays");
    assert_eq!(
        c.in_words(d("2026-01-20")),
        "Marked for 1 of 3 weeks: partly 1."
    );
}

#[test]
fn the_stored_form_is_exactly_this() {
    let mut commitments = Commitments::default();
    let id = commitments
        .add("Tell you if my plans change", d("2026-11-23"))
        .unwrap_or_else(|| panic!("added"));
    commitments.mark(&id, d("2026-11-24"), Some(Mark::Kept), "");
    commitments.end(&id, EndedHow::Finished, "", d("2026-12-01"));
    assert_eq!(
        serde_json::to_string(&commitments).unwrap_or_default(),
        concat!(
            r#"[{"id":"2026-11-23-1","text":"Tell you if my plans change","source":null,"#,
            r#""started_on":"2026-11-23","ended":{"on":"2026-12-01","how":"finished","reason":""},"#,
            r#""weeks":[{"week":"2026-11-23","mark":"kept","note":""}]}]"#
        )
    );
}

mod merge {
    use super::*;

    fn base() -> (Commitments, String) {
        let mut saved = Commitments::default();
        let id = saved
            .add("Tell you if my plans change", d("2026-11-02"))
            .unwrap_or_else(|| panic!("added"));
        saved.mark(&id, d("2026-11-02"), Some(Mark::Kept), "");
        (saved, id)
    }

    #[test]
    fn each_tab_keeps_the_weeks_and_fields_it_changed() {
        let (saved, id) = base();
        let mut theirs = saved.clone();
        theirs.mark(&id, d("2026-11-09"), Some(Mark::Missed), "Theirs");
        theirs.reword(&id, "Tell you the same day if my plans change");
        let mut mine = saved.clone();
        mine.mark(&id, d("2026-11-16"), Some(Mark::Partly), "Mine");
        mine.mark(&id, d("2026-11-02"), None, "");
        mine.end(&id, EndedHow::Dropped, "Not the right one", d("2026-11-20"));

        let merged = Commitments::merge(&theirs, &saved, &mine);
        let c = merged.get(&id).unwrap_or_else(|| panic!("kept"));
        assert_eq!(c.text, "Tell you the same day if my plans change");
        assert_eq!(c.ended.as_ref().map(|e| e.how), Some(EndedHow::Dropped));
        let weeks: Vec<(String, Mark)> = c
            .weeks
            .iter()
            .map(|w| (w.week.to_string(), w.mark))
            .collect();
        assert_eq!(
            weeks,
            [
                ("2026-11-09".to_owned(), Mark::Missed),
                ("2026-11-16".to_owned(), Mark::Partly)
            ],
            "the week this tab cleared stays cleared; the other tab's week stays"
        );
    }

    #[test]
    fn two_tabs_taking_up_the_same_id_keep_both_commitments() {
        let saved = Commitments::default();
        let mut theirs = saved.clone();
        theirs.add("Theirs", d("2026-11-02"));
        let mut mine = saved.clone();
        mine.add("Mine", d("2026-11-02"));
        let merged = Commitments::merge(&theirs, &saved, &mine);
        assert_eq!(texts(&merged), ["Theirs", "Mine"]);
        let ids: Vec<&str> = merged.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["2026-11-02-1", "2026-11-02-2"]);
    }

    #[test]
    fn nothing_changed_here_means_theirs_as_it_is() {
        let (saved, id) = base();
        let mut theirs = saved.clone();
        theirs.end(&id, EndedHow::Finished, "", d("2026-11-20"));
        assert_eq!(Commitments::merge(&theirs, &saved, &saved), theirs);
    }
}

#[test]
fn the_shipped_guides_ask_for_commitments_where_mend_looks_for_them() {
    use crate::domain::guide::QuestionKind;
    use crate::domain::ids::StepId;
    let library = crate::content::library();
    for (guide, question) in SOURCES {
        let question = library
            .guide(&GuideId::new(guide))
            .and_then(|g| g.question(&QuestionId::new(question)))
            .unwrap_or_else(|| panic!("{guide} asks {question}"));
        assert!(
            matches!(question.kind(), QuestionKind::List { .. }),
            "{guide}: {question:?} is a list"
        );
    }
    let check_in = library
        .guide(&GuideId::new(
            crate::domain::program::progress::CHECK_IN_GUIDE,
        ))
        .unwrap_or_else(|| panic!("the weekly check-in"));
    assert!(check_in.step(&StepId::new(CHECK_IN_STEP)).is_some());
}
