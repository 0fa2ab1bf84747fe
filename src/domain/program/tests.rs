//! Tests of the program rules against the guides Mend actually ships.

use super::apology::{check_wording, segments, APOLOGY_GUIDE, APOLOGY_PARTS};
use super::intake::{Intake, Role};
use super::path::{next_step, step_status, StepStatus};
use super::safety::{assess, route_after_step, Level, Route, SafetyChoices, SafetyStatus};
use crate::content::{library, paths};
use crate::domain::answer::{AnswerValue, Answers};
use crate::domain::entry::Entries;
use crate::domain::ids::{GuideId, QuestionId};
use crate::domain::tests::{day, shipped as guide};
use crate::domain::wording::RelationshipKind;

fn flagged(text: &str) -> Vec<&str> {
    check_wording(text)
        .iter()
        .map(|f| &text[f.start..f.end])
        .collect()
}

#[test]
fn the_apology_check_flags_each_excuse_and_blame_phrase() {
    assert_eq!(flagged("I'm sorry, but I was tired."), ["but"]);
    assert_eq!(flagged("I'm sorry if you were hurt."), ["sorry if"]);
    assert_eq!(
        flagged("It wouldn't have happened if you had told me."),
        ["if you"]
    );
    assert_eq!(
        flagged("I'm sorry you feel that way."),
        ["I'm sorry you feel"]
    );
    assert_eq!(
        flagged("You made me so angry that I left."),
        ["You made me"]
    );
    assert_eq!(flagged("I only looked at the messages once."), ["I only"]);
    assert_eq!(flagged("Everyone does this sometimes."), ["Everyone does"]);
    assert_eq!(flagged("I just needed time."), ["I just"]);
    assert_eq!(flagged("Mistakes were made."), ["Mistakes were made"]);
}

#[test]
fn the_apology_check_leaves_plain_sentences_alone() {
    for sentence in [
        "I lied to you about where I was on Friday.",
        "I read your diary without asking, and I am sorry.",
        "You trusted me with that, and I broke it.",
        "I will be home by six, and I will tell you if that changes.",
        "What do you need from me now?",
        "I buttered the bread and pressed the button.",
        "I justified it to myself for weeks.",
    ] {
        assert_eq!(flagged(sentence), Vec::<&str>::new(), "{sentence}");
    }
}

#[test]
fn the_apology_check_reads_curly_apostrophes_and_keeps_offsets_in_any_text() {
    assert_eq!(
        flagged("I’m sorry you feel let down."),
        ["I’m sorry you feel"]
    );
    let text = "Zoë, I hurt you — but I want to do better.";
    assert_eq!(flagged(text), ["but"]);
    let rebuilt: String = segments(text).iter().map(|(piece, _)| *piece).collect();
    assert_eq!(
        rebuilt, text,
        "the pieces put back together are the draft, unchanged"
    );
    assert!(segments(text)
        .iter()
        .any(|(piece, flag)| *piece == "but" && flag.is_some()));
}

#[test]
fn the_apology_guide_has_every_part_the_planner_checks() {
    let guide = library()
        .guide(&GuideId::new(APOLOGY_GUIDE))
        .expect("the apology guide ships");
    for part in APOLOGY_PARTS {
        assert!(
            guide.question(&QuestionId::new(part)).is_some(),
            "missing part {part}"
        );
    }
}

fn intake(role: &str, relationship: &str, name: &str, willing: &str) -> Answers {
    Answers::default()
        .with("role", AnswerValue::Choice(role.into()))
        .with("relationship", AnswerValue::Choice(relationship.into()))
        .with("name", AnswerValue::Text(name.into()))
        .with("willing", AnswerValue::Choice(willing.into()))
}

#[test]
fn the_intake_sets_the_wording_every_guide_uses() {
    let read = Intake::from_answers(&intake("hurt", "family", "  Mum ", "yes"));
    assert_eq!(read.role, Some(Role::Hurt));
    assert_eq!(read.wording().relationship, RelationshipKind::FamilyMember);
    assert_eq!(read.wording().reference(), "Mum");
    let unnamed = Intake::from_answers(&intake("broke", "coworker", "   ", "yes"));
    assert_eq!(unnamed.wording().reference(), "your coworker");
}

fn ids(path: &[GuideId]) -> Vec<&str> {
    path.iter().map(GuideId::as_str).collect()
}

#[test]
fn each_role_gets_its_own_path() {
    let path = |role| {
        paths().for_intake(
            &Intake::from_answers(&intake(role, "partner", "", "yes")),
            &SafetyStatus::default(),
        )
    };
    assert_eq!(
        ids(&path("broke"))[..3],
        [
            "owning-your-part",
            "planning-an-apology",
            "how-much-to-tell"
        ]
    );
    assert_eq!(
        ids(&path("hurt"))[..3],
        [
            "understanding-the-hurt",
            "your-footing",
            "can-this-be-rebuilt"
        ]
    );
    assert_eq!(
        ids(&path("both"))[..2],
        ["can-this-be-rebuilt", "owning-your-part"]
    );
    assert_eq!(
        ids(&path("unsure"))[..2],
        ["safety-check", "can-this-be-rebuilt"]
    );
    assert!(
        paths()
            .for_intake(&Intake::default(), &SafetyStatus::default())
            .is_empty(),
        "no path before the role is known"
    );
}

#[test]
fn danger_replaces_the_path_with_safety_and_no_repair_work() {
    for role in Role::ALL {
        let path = paths().for_intake(
            &Intake::from_answers(&intake(role.as_str(), "partner", "", "yes")),
            &danger_status(),
        );
        assert_eq!(ids(&path)[0], "safety-check");
        for repair in [
            "planning-an-apology",
            "the-conversation",
            "forgiveness",
            "committing-to-the-work",
        ] {
            assert!(
                !ids(&path).contains(&repair),
                "{repair} suggested despite danger"
            );
        }
    }
}

#[test]
fn work_that_needs_both_people_waits_while_the_other_is_unwilling() {
    let path = paths().for_intake(
        &Intake::from_answers(&intake("broke", "friend", "", "no")),
        &SafetyStatus::default(),
    );
    assert!(!ids(&path).contains(&"the-conversation"));
    assert!(
        !ids(&path).contains(&"planning-an-apology"),
        "an apology waits: a no is respected"
    );
    assert!(ids(&path).contains(&"owning-your-part"));
}

#[test]
fn a_safety_check_with_its_safety_questions_skipped_lifts_no_caution() {
    let mut entries = Entries::default();
    let mut choices = SafetyChoices::default();
    answer_in(
        &mut entries,
        "start",
        "2026-11-01",
        &[("control", ticked(&["monitoring"]))],
        false,
    );
    let skipped: Vec<(&str, AnswerValue)> = calm_check()
        .into_iter()
        .filter(|(q, _)| *q != "afraid")
        .collect();
    finish_check(&mut entries, &mut choices, "2026-11-08", &skipped);
    assert!(
        assess(&entries, library(), &choices).caution(),
        "a skipped question says nothing clean"
    );
}

#[test]
fn path_steps_show_not_started_in_progress_and_done() {
    let guide = library().guide(&GuideId::new("appreciation-log")).unwrap();
    let today = "2026-11-22".parse().unwrap();
    let mut entries = Entries::default();
    assert_eq!(step_status(guide, &entries), StepStatus::NotStarted);
    let first = guide.steps()[0].id().clone();
    entries.begin(guide, today).move_to(first);
    assert_eq!(step_status(guide, &entries), StepStatus::InProgress);
    let path = vec![guide.id().clone()];
    assert_eq!(next_step(&path, library(), &entries), Some(guide.id()));
}

// ------------------------------------------------------------ safety levels

fn danger_status() -> SafetyStatus {
    SafetyStatus {
        danger_from: vec![GuideId::new("start")],
        ..SafetyStatus::default()
    }
}

/// Entries with one entry of `guide_id` holding `answers`, begun on `on`,
/// finished when `finish` is true.
fn answer_in(
    entries: &mut Entries,
    guide_id: &str,
    on: &str,
    answers: &[(&str, AnswerValue)],
    finish: bool,
) {
    let g = guide(guide_id);
    let entry = entries.begin(g, day(on));
    for (question, value) in answers {
        entry.answer(QuestionId::new(*question), value.clone());
    }
    if finish {
        // Fill every other required question the way a calm user might, so
        // the entry can be finished; the named answers stay as given.
        let _ = entries.complete(g, day(on));
    }
}

fn status(entries: &Entries) -> SafetyStatus {
    assess(entries, library(), &SafetyChoices::default())
}

fn yes() -> AnswerValue {
    AnswerValue::YesNo(true)
}
fn no() -> AnswerValue {
    AnswerValue::YesNo(false)
}
fn ticked(items: &[&str]) -> AnswerValue {
    AnswerValue::Choices(items.iter().map(|i| (*i).into()).collect())
}

#[test]
fn fear_or_harm_in_the_intake_is_danger_and_takes_repair_off_every_path() {
    for question in ["afraid", "harm"] {
        let mut entries = Entries::default();
        answer_in(
            &mut entries,
            "start",
            "2026-11-22",
            &[(question, yes())],
            false,
        );
        let s = status(&entries);
        assert!(s.danger(), "{question}");
        assert!(s.path_restricted());
    }
}

#[test]
fn control_and_walking_on_eggshells_are_caution_and_keep_the_path_with_the_check_first() {
    let mut entries = Entries::default();
    answer_in(
        &mut entries,
        "start",
        "2026-11-22",
        &[
            ("role", AnswerValue::Choice("broke".into())),
            ("willing", AnswerValue::Choice("yes".into())),
            ("afraid", no()),
            ("harm", no()),
            ("control", ticked(&["fear-of-anger", "isolating"])),
        ],
        false,
    );
    let s = status(&entries);
    assert!(s.caution() && !s.danger(), "{s:?}");
    let intake = Intake::from_answers(
        entries
            .current(guide("start"))
            .map(|e| e.answers())
            .unwrap(),
    );
    let path = paths().for_intake(&intake, &s);
    assert_eq!(
        ids(&path)[0],
        "safety-check",
        "the Safety check comes first"
    );
    assert!(
        ids(&path).contains(&"planning-an-apology"),
        "the person who broke trust keeps the repair guides under caution"
    );
}

#[test]
fn in_the_safety_check_eggshells_and_agreed_contact_rules_are_caution_but_strangulation_kill_threats_and_stalking_are_danger(
) {
    let cases: [(&str, AnswerValue, Level); 8] = [
        ("anger", yes(), Level::Caution),
        ("control", ticked(&["contacts"]), Level::Caution),
        ("isolation", yes(), Level::Caution),
        ("strangled", yes(), Level::Danger),
        ("threats", ticked(&["kill"]), Level::Danger),
        ("stalking", yes(), Level::Danger),
        ("self-harm", yes(), Level::Crisis),
        ("uses-harm", yes(), Level::UsesHarm),
    ];
    for (question, value, level) in cases {
        let mut entries = Entries::default();
        answer_in(
            &mut entries,
            "safety-check",
            "2026-11-22",
            &[(question, value)],
            false,
        );
        let s = status(&entries);
        let raised = [
            (Level::Danger, s.danger()),
            (Level::Caution, s.caution()),
            (Level::Crisis, s.crisis()),
            (Level::UsesHarm, s.uses_harm),
        ];
        for (l, on) in raised {
            assert_eq!(on, l == level, "{question}: {l:?} should be {}", l == level);
        }
    }
}

fn calm_check() -> Vec<(&'static str, AnswerValue)> {
    vec![
        ("afraid", no()),
        ("anger", no()),
        ("threats", ticked(&[])),
        ("control", ticked(&[])),
        ("isolation", no()),
        ("doubt", no()),
        ("stalking", no()),
        ("harm", no()),
        ("strangled", no()),
        ("sexual", no()),
        ("dependents", no()),
        ("escalation", AnswerValue::Choice("no".into())),
        ("separation", AnswerValue::Choice("no".into())),
        ("self-harm", no()),
        ("uses-harm", no()),
        ("safe-place", AnswerValue::Choice("yes".into())),
        ("someone", yes()),
        ("gun", no()),
        ("could-kill", no()),
    ]
}

/// Finishes a Safety check with `answers` the way the review page does:
/// complete, then let the choices see the finished check.
fn finish_check(
    entries: &mut Entries,
    choices: &mut SafetyChoices,
    on: &str,
    answers: &[(&str, AnswerValue)],
) {
    answer_in(entries, "safety-check", on, answers, true);
    choices.finished(guide("safety-check"), entries, library());
}

#[test]
fn a_clean_finished_safety_check_lifts_the_cautions_standing_then_and_a_changed_answer_brings_them_back(
) {
    let mut entries = Entries::default();
    let mut choices = SafetyChoices::default();
    answer_in(
        &mut entries,
        "start",
        "2026-11-01",
        &[("control", ticked(&["monitoring"]))],
        false,
    );
    assert!(assess(&entries, library(), &choices).caution());
    finish_check(&mut entries, &mut choices, "2026-11-08", &calm_check());
    assert_eq!(
        entries.history(&GuideId::new("safety-check")).len(),
        1,
        "the calm check was finished"
    );
    assert!(
        !assess(&entries, library(), &choices).caution(),
        "the newest evidence stands: the caution is lifted"
    );
    // Ticking another control item afterwards, even the same day, is newer
    // evidence than the check: the caution is back.
    answer_in(
        &mut entries,
        "start",
        "2026-11-08",
        &[("control", ticked(&["monitoring", "money"]))],
        false,
    );
    assert!(assess(&entries, library(), &choices).caution());
}

#[test]
fn a_half_finished_or_worried_check_lifts_nothing_and_danger_is_never_lifted() {
    let mut entries = Entries::default();
    let mut choices = SafetyChoices::default();
    answer_in(
        &mut entries,
        "start",
        "2026-11-01",
        &[("control", ticked(&["monitoring"]))],
        false,
    );
    answer_in(
        &mut entries,
        "safety-check",
        "2026-11-08",
        &calm_check()[..3],
        false,
    );
    choices.finished(guide("safety-check"), &entries, library());
    assert!(
        assess(&entries, library(), &choices).caution(),
        "half a check lifts nothing"
    );

    let mut entries = Entries::default();
    let mut choices = SafetyChoices::default();
    answer_in(
        &mut entries,
        "start",
        "2026-11-01",
        &[("harm", yes())],
        false,
    );
    finish_check(&mut entries, &mut choices, "2026-11-08", &calm_check());
    assert!(
        assess(&entries, library(), &choices).danger(),
        "a danger answer is never rewritten by another guide"
    );
}

#[test]
fn starting_a_retake_of_the_safety_check_never_hides_what_the_last_finished_one_said() {
    let mut entries = Entries::default();
    let mut choices = SafetyChoices::default();
    let mut worried = calm_check();
    worried.retain(|(q, _)| *q != "strangled" && *q != "self-harm");
    worried.push(("strangled", yes()));
    worried.push(("self-harm", yes()));
    finish_check(&mut entries, &mut choices, "2026-11-01", &worried);
    let before = assess(&entries, library(), &choices);
    assert!(before.danger() && before.crisis_open);
    // A retake, one calm answer in: nothing is lifted yet.
    answer_in(
        &mut entries,
        "safety-check",
        "2026-11-09",
        &[("afraid", no())],
        false,
    );
    let during = assess(&entries, library(), &choices);
    assert!(
        during.danger(),
        "danger stays while the retake is unfinished"
    );
    assert!(during.crisis_open, "the Right now link stays too");
    // Finished calm, the retake speaks for the check.
    answer_in(
        &mut entries,
        "safety-check",
        "2026-11-09",
        &calm_check(),
        true,
    );
    let after = assess(&entries, library(), &choices);
    assert!(!after.danger() && !after.crisis());
}

#[test]
fn a_new_danger_answer_undoes_the_full_path_choice_and_a_new_harm_answer_the_step_taken() {
    let mut entries = Entries::default();
    let mut choices = SafetyChoices::default();
    answer_in(
        &mut entries,
        "start",
        "2026-11-01",
        &[
            ("role", AnswerValue::Choice("broke".into())),
            ("afraid", yes()),
            ("uses-harm", yes()),
        ],
        false,
    );
    let first = assess(&entries, library(), &choices);
    choices.choose_full_path(&first, true);
    choices.take_harm_step(&first, true);
    let chosen = assess(&entries, library(), &choices);
    assert!(chosen.full_path && !chosen.path_restricted());
    assert!(!chosen.holds_repair_for_harm());
    // Later, the Safety check reports strangulation: the choice covered
    // only what was known when it was made.
    answer_in(
        &mut entries,
        "safety-check",
        "2026-11-20",
        &[("strangled", yes())],
        false,
    );
    assert!(assess(&entries, library(), &choices).path_restricted());
    // And a changed answer in the same entry counts as new too.
    let mut entries = Entries::default();
    let mut choices = SafetyChoices::default();
    answer_in(
        &mut entries,
        "start",
        "2026-11-01",
        &[("uses-harm", yes())],
        false,
    );
    choices.take_harm_step(&assess(&entries, library(), &choices), true);
    assert!(!assess(&entries, library(), &choices).holds_repair_for_harm());
    let id = entries.current(guide("start")).unwrap().id().clone();
    choices.answered(guide("start"), &QuestionId::new("uses-harm"), &id);
    assert!(assess(&entries, library(), &choices).holds_repair_for_harm());
}

#[test]
fn the_full_path_is_an_explicit_remembered_choice_that_can_be_undone() {
    let mut entries = Entries::default();
    answer_in(
        &mut entries,
        "start",
        "2026-11-01",
        &[
            ("role", AnswerValue::Choice("hurt".into())),
            ("harm", yes()),
        ],
        false,
    );
    let intake = Intake::from_answers(entries.current(guide("start")).unwrap().answers());
    let mut choices = SafetyChoices::default();
    let restricted = assess(&entries, library(), &choices);
    assert!(restricted.path_restricted(), "never the default");
    assert!(!ids(&paths().for_intake(&intake, &restricted)).contains(&"the-conversation"));
    choices.choose_full_path(&restricted, true);
    let chosen = assess(&entries, library(), &choices);
    assert!(chosen.danger(), "the danger answer itself still stands");
    let path = paths().for_intake(&intake, &chosen);
    assert_eq!(ids(&path)[0], "safety-check");
    assert!(ids(&path).contains(&"the-conversation"));
    choices.choose_full_path(&chosen, false);
    assert!(assess(&entries, library(), &choices).path_restricted());
}

#[test]
fn a_crisis_answer_keeps_the_path_until_the_user_says_they_are_safe_and_a_new_one_reopens_it() {
    let mut entries = Entries::default();
    answer_in(
        &mut entries,
        "start",
        "2026-11-01",
        &[
            ("role", AnswerValue::Choice("broke".into())),
            ("self-harm", yes()),
        ],
        false,
    );
    let mut choices = SafetyChoices::default();
    let s = assess(&entries, library(), &choices);
    assert!(s.crisis() && s.crisis_open && !s.path_restricted());
    let intake = Intake::from_answers(entries.current(guide("start")).unwrap().answers());
    assert!(
        !paths().for_intake(&intake, &s).is_empty(),
        "the path stays"
    );
    choices.say_safe_now(&s);
    assert!(!assess(&entries, library(), &choices).crisis_open);
    // A new crisis answer elsewhere opens it again.
    answer_in(
        &mut entries,
        "safety-check",
        "2026-11-09",
        &[("self-harm", yes())],
        false,
    );
    assert!(assess(&entries, library(), &choices).crisis_open);
    // And answering it again in the same entry reopens it too.
    choices.say_safe_now(&assess(&entries, library(), &choices));
    let id = entries.current(guide("start")).unwrap().id().clone();
    choices.answered(guide("start"), &QuestionId::new("self-harm"), &id);
    assert!(assess(&entries, library(), &choices).crisis_open);
}

#[test]
fn the_hurt_taking_up_the_whole_day_asks_about_dark_thoughts_and_yes_is_a_crisis() {
    let g = guide("understanding-the-hurt");
    let mut entries = Entries::default();
    answer_in(
        &mut entries,
        "understanding-the-hurt",
        "2026-11-01",
        &[("weight", AnswerValue::Scale(5)), ("dark-thoughts", yes())],
        false,
    );
    assert!(status(&entries).crisis());
    let answers = entries.current(g).unwrap().answers().clone();
    let step = g.step(&"weight".into()).unwrap();
    let none = Answers::default();
    assert_eq!(
        route_after_step(g, step, &none, &answers, false),
        Some(Route::RightNow)
    );
    // At 4 the question is hidden, so a stored yes counts for nothing.
    let lighter = answers.with("weight", AnswerValue::Scale(4));
    assert_eq!(route_after_step(g, step, &none, &lighter, false), None);
}

#[test]
fn routes_after_a_screen_put_crisis_before_danger_before_uses_harm() {
    let g = guide("start");
    let none = Answers::default();
    let you = g.step(&"you".into()).unwrap();
    let dark = Answers::default().with("self-harm", yes());
    assert_eq!(
        route_after_step(g, you, &none, &dark, false),
        Some(Route::RightNow)
    );
    let part = g.step(&"your-part".into()).unwrap();
    let harm_only = Answers::default()
        .with("self-harm", no())
        .with("uses-harm", yes());
    assert_eq!(
        route_after_step(g, part, &none, &harm_only, false),
        Some(Route::StoppingHarm)
    );
    let safety = g.step(&"safety".into()).unwrap();
    let hurt = Answers::default().with("harm", yes());
    assert_eq!(
        route_after_step(g, safety, &none, &hurt, false),
        Some(Route::Safety)
    );
    let watched =
        Answers::default().with("control", AnswerValue::Choices(vec!["monitoring".into()]));
    assert_eq!(
        route_after_step(g, safety, &none, &watched, false),
        None,
        "caution opens no page"
    );
}

// Issue 21, item 1: someone who fought back is asked about their safety
// first, and sent to the Safety page, not the stopping-harm page.
#[test]
fn the_intake_asks_about_safety_before_the_users_own_behaviour() {
    let g = guide("start");
    let order: Vec<&str> = g.steps().iter().map(|s| s.id().as_str()).collect();
    let crisis = order.iter().position(|s| *s == "you").unwrap();
    let safety = order.iter().position(|s| *s == "safety").unwrap();
    let own = order.iter().position(|s| *s == "your-part").unwrap();
    assert!(safety < own, "the safety step comes first: {order:?}");
    assert!(
        crisis < safety,
        "nobody sent to Safety misses the crisis question: {order:?}"
    );
}

#[test]
fn afraid_and_pushed_back_once_goes_to_safety_first_never_to_stopping_harm() {
    let g = guide("start");
    let safety = g.step(&"safety".into()).unwrap();
    let you = g.step(&"your-part".into()).unwrap();
    let afraid = Answers::default().with("afraid", yes());
    assert_eq!(
        route_after_step(g, safety, &Answers::default(), &afraid, false),
        Some(Route::Safety)
    );
    let then = afraid
        .clone()
        .with("self-harm", no())
        .with("uses-harm", yes());
    assert_eq!(
        route_after_step(g, you, &afraid, &then, true),
        Some(Route::Safety),
        "with danger anywhere, uses-harm leads to the Safety page"
    );
    // Danger said in another guide counts the same.
    let harm_only = Answers::default()
        .with("self-harm", no())
        .with("uses-harm", yes());
    assert_eq!(
        route_after_step(g, you, &Answers::default(), &harm_only, true),
        Some(Route::Safety)
    );
}

// Issue 21, item 2: the Safety check can be finished after "afraid = yes".
#[test]
fn the_safety_check_sends_nobody_away_before_it_is_finished_except_for_crisis() {
    let g = guide("safety-check");
    let none = Answers::default();
    let afraid = none.clone().with("afraid", yes());
    let feeling = g.step(&"feeling".into()).unwrap();
    assert_eq!(route_after_step(g, feeling, &none, &afraid, false), None);
    // Every later screen, answered with more danger, keeps the reader here.
    let mut answers = afraid.clone();
    for step in g.visible_steps(&afraid).into_iter().skip(1) {
        let before = answers.clone();
        for q in step.questions() {
            let value = match q.kind() {
                crate::domain::guide::QuestionKind::YesNo { .. } => yes(),
                _ => continue,
            };
            answers = answers.with(q.id().as_str(), value);
        }
        let route = route_after_step(g, step, &before, &answers, true);
        let crisis = step
            .questions()
            .iter()
            .any(|q| q.id().as_str() == "self-harm");
        if crisis {
            assert_eq!(route, Some(Route::RightNow), "crisis still opens Right now");
        } else {
            assert_eq!(route, None, "step {} sent the reader away", step.id());
        }
    }
    assert!(g.raises(&"danger".into(), &answers));
}

#[test]
fn a_level_already_raised_before_the_screen_reroutes_no_one_again() {
    let g = guide("understanding-the-hurt");
    let step = g.step(&"weight".into()).unwrap();
    let answered = Answers::default()
        .with("weight", AnswerValue::Scale(5))
        .with("dark-thoughts", yes());
    assert_eq!(
        route_after_step(g, step, &answered, &answered, false),
        None,
        "coming back to a screen and pressing Next again is not a new answer"
    );
}

// Issue 21, item 3: "I'm done" reshapes the path wherever it is said.
#[test]
fn i_want_to_end_it_puts_moving_on_first_and_no_repair_guide_on_any_path() {
    for role in ["broke", "hurt", "both", "unsure"] {
        let mut entries = Entries::default();
        answer_in(
            &mut entries,
            "start",
            "2026-11-01",
            &[
                ("role", AnswerValue::Choice(role.into())),
                ("willing", AnswerValue::Choice("yes".into())),
                ("intent", AnswerValue::Choice("end".into())),
            ],
            false,
        );
        let s = status(&entries);
        assert!(s.done(), "{role}");
        let intake = Intake::from_answers(entries.current(guide("start")).unwrap().answers());
        let path = paths().for_intake(&intake, &s);
        assert_eq!(&ids(&path)[..2], ["moving-on", "your-footing"], "{role}");
        for repair in [
            "the-conversation",
            "committing-to-the-work",
            "needs-and-boundaries",
            "weekly-check-in",
            "reconnecting",
            "can-this-be-rebuilt",
        ] {
            assert!(!ids(&path).contains(&repair), "{role}: {repair}");
        }
        assert!(paths()
            .notes(&intake, &s)
            .contains(&super::path::PathNote::Done));
    }
}

#[test]
fn done_said_in_any_later_guide_reshapes_the_path_too() {
    for (g, q, value) in [
        (
            "can-this-be-rebuilt",
            "r-done",
            AnswerValue::Choice("yes".into()),
        ),
        (
            "committing-to-the-work",
            "worth",
            AnswerValue::Choice("no".into()),
        ),
        (
            "rebuild-or-move-on",
            "lean",
            AnswerValue::Choice("move-on".into()),
        ),
    ] {
        let mut entries = Entries::default();
        answer_in(
            &mut entries,
            "start",
            "2026-11-01",
            &[("role", AnswerValue::Choice("hurt".into()))],
            true,
        );
        answer_in(&mut entries, g, "2026-11-05", &[(q, value)], false);
        let s = status(&entries);
        assert!(s.done(), "{g}");
        let intake = Intake::from_answers(entries.current(guide("start")).unwrap().answers());
        let path = paths().for_intake(&intake, &s);
        assert_eq!(ids(&path)[0], "moving-on", "{g}");
        assert!(!ids(&path).contains(&"committing-to-the-work"), "{g}");
        let suggested = [
            GuideId::new("committing-to-the-work"),
            GuideId::new("your-footing"),
        ];
        let allowed = paths().allowed(suggested.iter().collect(), &intake, &s);
        assert_eq!(allowed, vec![&GuideId::new("your-footing")], "{g}");
    }
}

// Issue 21, item 4: a "no" to working on it is respected.
#[test]
fn the_other_person_unwilling_holds_the_apology_and_how_much_to_tell() {
    let answers = intake("broke", "partner", "", "no");
    let path = paths().for_intake(&Intake::from_answers(&answers), &SafetyStatus::default());
    assert!(!ids(&path).contains(&"planning-an-apology"));
    assert!(!ids(&path).contains(&"how-much-to-tell"));
    assert!(ids(&path).contains(&"owning-your-part"));
    let willing = intake("broke", "partner", "", "yes");
    let path = paths().for_intake(&Intake::from_answers(&willing), &SafetyStatus::default());
    assert!(ids(&path).contains(&"planning-an-apology"));
    let apology = guide("planning-an-apology");
    let text = apology.intro().render(&Default::default());
    assert!(
        text.contains("no contact"),
        "the apology guide says a request for no contact is respected"
    );
}

// Issue 21, item 5: scores never argue with fear said anywhere.
#[test]
fn fear_in_the_intake_sets_aside_the_scores_of_every_guide() {
    let mut entries = Entries::default();
    answer_in(
        &mut entries,
        "start",
        "2026-11-01",
        &[
            ("role", AnswerValue::Choice("hurt".into())),
            ("afraid", yes()),
        ],
        true,
    );
    let s = status(&entries);
    assert!(s.scores_set_aside());
    let without = assess(&Entries::default(), library(), &SafetyChoices::default());
    assert!(!without.scores_set_aside());
}

#[test]
fn questions_that_presume_repair_are_not_asked_while_danger_holds() {
    let g = guide("rebuild-or-move-on");
    assert!(g.has_repair_questions());
    let asked = g.without_repair();
    let shown: Vec<&str> = asked
        .visible_questions(&Answers::default())
        .iter()
        .map(|q| q.id().as_str())
        .collect();
    assert!(!shown.contains(&"willing-self"), "{shown:?}");
    assert!(shown.contains(&"care"));
    let everyone: Vec<&str> = g
        .visible_questions(&Answers::default())
        .iter()
        .map(|q| q.id().as_str())
        .collect();
    assert!(everyone.contains(&"willing-self"));
    // A guide asked this way can still be finished: nothing hidden is required.
    assert!(asked
        .unfinished(&Answers::default())
        .iter()
        .all(|u| !u.question.presumes_repair()));
}

// Issue 21, item 6: the harm hold lasts until a concrete step.
#[test]
fn uses_harm_holds_every_guide_that_asks_for_access_and_compare_until_a_step() {
    let mut entries = Entries::default();
    answer_in(
        &mut entries,
        "start",
        "2026-11-01",
        &[
            ("role", AnswerValue::Choice("broke".into())),
            ("willing", AnswerValue::Choice("yes".into())),
            ("uses-harm", yes()),
        ],
        true,
    );
    let intake = Intake::from_answers(entries.current(guide("start")).unwrap().answers());
    let mut choices = SafetyChoices::default();
    let s = assess(&entries, library(), &choices);
    assert!(!s.compare_allowed(), "Compare is off");
    let path = paths().for_intake(&intake, &s);
    for held in [
        "planning-an-apology",
        "the-conversation",
        "listening-without-defending",
        "needs-and-boundaries",
        "committing-to-the-work",
        "weekly-check-in",
        "reconnecting",
    ] {
        assert!(!ids(&path).contains(&held), "{held} waits");
    }
    assert!(
        ids(&path).contains(&"owning-your-part"),
        "work of one's own stays"
    );
    choices.take_harm_step(&s, true);
    let after = assess(&entries, library(), &choices);
    assert!(after.compare_allowed());
    assert!(ids(&paths().for_intake(&intake, &after)).contains(&"weekly-check-in"));
}

// Issue 21, item 8: one level for a threat of suicide used to control.
#[test]
fn a_threat_of_suicide_used_to_control_is_danger_in_the_intake_and_the_safety_check() {
    let intake = Answers::default().with(
        "control",
        AnswerValue::Choices(vec!["self-harm-threats".into()]),
    );
    assert!(guide("start").raises(&"danger".into(), &intake));
    let check = Answers::default().with("threats", AnswerValue::Choices(vec!["self-harm".into()]));
    assert!(guide("safety-check").raises(&"danger".into(), &check));
    let money = Answers::default().with(
        "control",
        AnswerValue::Choices(vec!["leave-with-nothing".into()]),
    );
    assert!(!guide("start").raises(&"danger".into(), &money));
    assert!(guide("start").raises(&"caution".into(), &money));
}

#[test]
fn the_not_sure_path_starts_with_the_safety_check() {
    let answers = intake("unsure", "partner", "", "yes");
    let path = paths().for_intake(&Intake::from_answers(&answers), &SafetyStatus::default());
    assert_eq!(ids(&path)[0], "safety-check");
}

// Issue 21, item 10: the graded response.
#[test]
fn strangulation_threats_to_kill_a_weapon_or_believing_they_could_kill_bring_the_high_risk_card() {
    let g = guide("safety-check");
    let high = |answers: &Answers| {
        g.gates_holding(answers)
            .first()
            .map(|gate| gate.id().as_str().to_owned())
    };
    for answers in [
        Answers::default().with("strangled", yes()),
        Answers::default().with("threats", AnswerValue::Choices(vec!["kill".into()])),
        Answers::default().with("threats", AnswerValue::Choices(vec!["weapon".into()])),
        Answers::default().with("could-kill", yes()),
    ] {
        assert_eq!(high(&answers).as_deref(), Some("high-risk"), "{answers:?}");
        assert!(g.raises(&"danger".into(), &answers));
    }
    let gun_alone = Answers::default().with("gun", yes());
    assert_eq!(
        high(&gun_alone),
        None,
        "a gun alone is not a high-risk answer"
    );
    assert!(!g.raises(&"danger".into(), &gun_alone));
    let gun_and_fear = gun_alone.with("afraid", yes());
    assert_eq!(high(&gun_and_fear).as_deref(), Some("high-risk"));
    // Every yes/no question can be skipped.
    for q in g.steps().iter().flat_map(|s| s.questions()) {
        if matches!(q.kind(), crate::domain::guide::QuestionKind::YesNo { .. }) {
            assert!(!q.is_required(), "{} can be skipped", q.id());
        }
    }
}

#[test]
fn a_recent_discovery_puts_the_first_days_first() {
    let answers =
        intake("hurt", "partner", "", "yes").with("when", AnswerValue::Choice("days".into()));
    let path = paths().for_intake(&Intake::from_answers(&answers), &SafetyStatus::default());
    assert_eq!(ids(&path)[0], "first-days");
    let older =
        intake("hurt", "partner", "", "yes").with("when", AnswerValue::Choice("year".into()));
    let path = paths().for_intake(&Intake::from_answers(&older), &SafetyStatus::default());
    assert!(!ids(&path).contains(&"first-days"));
}

// ------------------------------------------------------------ scores and gates

fn recommended(guide_id: &str, answers: &Answers) -> Vec<String> {
    guide(guide_id)
        .recommendations(answers)
        .iter()
        .map(|g| g.to_string())
        .collect()
}

fn rebuild_or_move_on(signs: &[&str], body_with: &str, since: &[&str]) -> Answers {
    Answers::default()
        .with("reasons-rebuild", AnswerValue::List(vec![]))
        .with("since", ticked(since))
        .with("willing-self", AnswerValue::Choice("yes".into()))
        .with("willing-them", AnswerValue::Choice("yes".into()))
        .with("care", AnswerValue::Scale(4))
        .with("body-with", AnswerValue::Choice(body_with.into()))
        .with("body-without", AnswerValue::Choice("loss".into()))
        .with("friends", AnswerValue::Choice("worth-it".into()))
        .with("signs", ticked(signs))
        .with("a-friend", AnswerValue::Text("Go gently.".into()))
        .with("lean", AnswerValue::Choice("between".into()))
}

#[test]
fn fear_control_and_new_lies_are_gates_that_replace_the_bands_never_points() {
    let g = guide("rebuild-or-move-on");
    for (answers, gate) in [
        (rebuild_or_move_on(&["afraid"], "relax", &["owned"]), "fear"),
        (rebuild_or_move_on(&[], "afraid", &["owned"]), "fear"),
        (
            rebuild_or_move_on(&["control"], "relax", &["owned"]),
            "control",
        ),
        (
            rebuild_or_move_on(&[], "relax", &["owned", "again"]),
            "new-lies",
        ),
    ] {
        let holding: Vec<_> = g
            .gates_holding(&answers)
            .iter()
            .map(|gate| gate.id().to_string())
            .collect();
        assert!(holding.contains(&gate.to_owned()), "{gate}: {holding:?}");
        let recs = recommended("rebuild-or-move-on", &answers);
        for repair in [
            "committing-to-the-work",
            "needs-and-boundaries",
            "can-this-be-rebuilt",
        ] {
            assert!(
                !recs.contains(&repair.to_owned()),
                "{gate} recommends {repair}"
            );
        }
    }
    // The scores themselves never count fear: "afraid" adds nothing.
    let calm = rebuild_or_move_on(&[], "relax", &["owned"]);
    let afraid = rebuild_or_move_on(&["afraid", "control"], "relax", &["owned", "again"]);
    let values = |a: &Answers| g.score(a).iter().map(|s| s.value).collect::<Vec<_>>();
    assert_eq!(values(&calm), values(&afraid));
}

#[test]
fn the_two_scales_of_rebuild_or_move_on_share_one_range() {
    let g = guide("rebuild-or-move-on");
    let ranges: Vec<_> = g.dimensions().iter().map(|d| d.range()).collect();
    assert_eq!(ranges.len(), 2);
    assert_eq!(
        ranges[0], ranges[1],
        "read side by side, they share a range"
    );
}

#[test]
fn deciding_you_are_done_is_respected_and_never_recommends_repair() {
    let answers = Answers::default()
        .with("w-me", AnswerValue::Scale(5))
        .with("w-them", AnswerValue::Choice("yes".into()))
        .with("s-afraid", no())
        .with("s-harm", no())
        .with("s-speak", AnswerValue::Scale(5))
        .with("c-care", AnswerValue::Scale(5))
        .with("c-respect", AnswerValue::Scale(5))
        .with("p-before", AnswerValue::Choice("first".into()))
        .with("p-length", AnswerValue::Choice("single".into()))
        .with("r-stopped", AnswerValue::Choice("yes".into()))
        .with("r-owned", AnswerValue::Choice("yes".into()))
        .with("r-cycle", no())
        .with("r-gone", no())
        .with("r-contempt", no())
        .with("r-done", AnswerValue::Choice("yes".into()));
    let recs = recommended("can-this-be-rebuilt", &answers);
    assert!(recs.contains(&"moving-on".to_owned()), "{recs:?}");
    for repair in [
        "committing-to-the-work",
        "the-conversation",
        "needs-and-boundaries",
        "weekly-check-in",
    ] {
        assert!(!recs.contains(&repair.to_owned()), "recommends {repair}");
    }
    let not_done = answers.with("r-done", AnswerValue::Choice("no".into()));
    assert!(recommended("can-this-be-rebuilt", &not_done)
        .contains(&"committing-to-the-work".to_owned()));
}

#[test]
fn safety_is_never_a_score_in_can_this_be_rebuilt() {
    let g = guide("can-this-be-rebuilt");
    assert!(
        g.dimensions().iter().all(|d| d.id().as_str() != "safety"),
        "no fill bar for safety"
    );
    let hurt = Answers::default().with("s-harm", yes());
    assert!(g
        .gates_holding(&hurt)
        .iter()
        .any(|gate| gate.id().as_str() == "fear"));
    let scared_to_disagree = Answers::default().with("s-speak", AnswerValue::Scale(2));
    assert!(g.raises(&"caution".into(), &scared_to_disagree));
    assert!(!g.raises(&"danger".into(), &scared_to_disagree));
}

// ------------------------------------------------------------ review dates, helplines

#[test]
fn review_dates_the_user_set_are_listed_soonest_first() {
    use super::review::review_dates;
    let mut entries = Entries::default();
    answer_in(
        &mut entries,
        "committing-to-the-work",
        "2026-11-01",
        &[
            ("worth", AnswerValue::Choice("yes".into())),
            ("review-date", AnswerValue::Date("2027-02-01".into())),
        ],
        false,
    );
    answer_in(
        &mut entries,
        "forgiveness",
        "2026-11-01",
        &[("revisit", AnswerValue::Date("2027-01-10".into()))],
        false,
    );
    let dates: Vec<(String, String)> = review_dates(&entries, library())
        .iter()
        .map(|r| (r.guide.id().to_string(), r.date.to_string()))
        .collect();
    let forgiveness = dates.iter().position(|(g, _)| g == "forgiveness");
    let committing = dates
        .iter()
        .position(|(g, _)| g == "committing-to-the-work");
    assert!(forgiveness.is_some(), "{dates:?}");
    assert!(committing.is_some(), "{dates:?}");
    assert!(forgiveness < committing, "soonest first: {dates:?}");
    // A date on a question hidden by "No, not really" is not shown.
    let mut entries = Entries::default();
    answer_in(
        &mut entries,
        "committing-to-the-work",
        "2026-11-01",
        &[
            ("worth", AnswerValue::Choice("no".into())),
            ("review-date", AnswerValue::Date("2027-02-01".into())),
        ],
        false,
    );
    assert!(review_dates(&entries, library()).is_empty());
}

#[test]
fn the_browser_language_picks_the_country_whose_helplines_show() {
    let lines = crate::content::helplines();
    let code = |tag: &str| lines.country_for_language(tag).map(|c| c.code.as_str());
    assert_eq!(code("en-GB"), Some("GB"));
    assert_eq!(code("en-us"), Some("US"));
    assert_eq!(code("fr-CA"), Some("CA"));
    assert_eq!(code("en-NZ"), Some("NZ"));
    assert_eq!(
        code("de-DE"),
        None,
        "no lines for Germany: the picker and the directory show"
    );
    assert_eq!(code("en"), None);
    // Spanish: the region decides, and plain Spanish picks no country.
    assert_eq!(code("es-ES"), Some("ES"));
    assert_eq!(code("es-MX"), Some("MX"));
    assert_eq!(code("es-US"), Some("US"));
    assert_eq!(code("ca-ES"), Some("ES"), "Catalan in Spain");
    assert_eq!(code("es"), None, "Spanish is spoken in many countries");
    assert_eq!(
        code("es-419"),
        None,
        "Latin American Spanish names no country"
    );
}

#[test]
fn every_helpline_says_which_languages_it_answers_in() {
    use super::helplines::{language_name, Helplines};
    let lines = crate::content::helplines();
    for line in &lines.lines {
        assert!(
            !line.languages.is_empty(),
            "{} ({}) says no language",
            line.service,
            line.country
        );
        for tag in &line.languages {
            assert!(language_name(tag).is_some(), "{}: {tag}", line.service);
        }
    }
    let line = |country: &str, service: &str| {
        lines
            .lines
            .iter()
            .find(|l| l.country == country && l.service.starts_with(service))
            .unwrap_or_else(|| panic!("{service} ({country}) ships"))
    };
    // Spanish, as their official pages say.
    for (country, service) in [
        ("US", "988"),
        ("US", "National Domestic Violence Hotline"),
        ("US", "U.S. Equal Employment"),
        ("ES", "024"),
        ("ES", "016"),
    ] {
        assert!(line(country, service).answers_in("es"), "{service}");
        assert!(line(country, service).answers_in("es-MX"), "{service}");
    }
    assert!(!line("US", "Telecommunications Relay").answers_in("es"));
    assert!(line("CA", "9-8-8").answers_in("fr-CA"));
    assert!(!line("ES", "024").answers_in("en"));

    // The file is refused when a line has no languages, or a code that is
    // not a language tag or has no name to show.
    let with = |languages: &str| {
        Helplines::from_json(&format!(
            r#"{{"countries":[],"lines":[{{"country":"INTL","service":"X","for":["crisis"],"web":"https://example.org","source":"https://example.org/x","checked":"2026-12-02"{languages}}}]}}"#
        ))
    };
    assert!(with(r#","languages":["en"]"#).is_ok());
    for (languages, problem) in [
        ("", "`languages` is missing or empty"),
        (r#","languages":[]"#, "`languages` is missing or empty"),
        (r#","languages":["Spanish"]"#, "not a language tag"),
        (r#","languages":["xx"]"#, "no name for"),
        (r#","languages":["es","es-MX"]"#, "twice"),
    ] {
        let refused = with(languages);
        assert!(
            refused
                .as_ref()
                .is_err_and(|p| p.iter().any(|m| m.contains(problem))),
            "{languages}: {refused:?}"
        );
    }
}

#[test]
fn lines_that_answer_in_spanish_come_first_for_a_spanish_speaker() {
    use super::helplines::{Helplines, Purpose};
    // Three lines in file order: English, Spanish, both.
    let data = Helplines::from_json(
        r#"{"countries":[{"code":"US","name":"US","emergency":"911"}],"lines":[
            {"country":"US","service":"A","for":["abuse"],"call":"1","languages":["en"],"source":"https://example.org/a","checked":"2026-12-02"},
            {"country":"US","service":"B","for":["abuse"],"call":"2","languages":["es"],"source":"https://example.org/b","checked":"2026-12-02"},
            {"country":"US","service":"C","for":["crisis"],"call":"3","languages":["en","es"],"source":"https://example.org/c","checked":"2026-12-02"},
            {"country":"US","service":"D","for":["abuse"],"call":"4","languages":["en"],"source":"https://example.org/d","checked":"2026-12-02"},
            {"country":"INTL","service":"E","for":["abuse"],"web":"https://example.org","languages":["en"],"source":"https://example.org/e","checked":"2026-12-02"}
        ]}"#,
    )
    .unwrap();
    let services = |lang: &str| -> Vec<&str> {
        data.lines_for_language("US", &[Purpose::Crisis, Purpose::Abuse], lang)
            .iter()
            .map(|l| l.service.as_str())
            .collect()
    };
    assert_eq!(services("es"), ["B", "C", "A", "D"]);
    assert_eq!(services("es-MX"), ["B", "C", "A", "D"]);
    assert_eq!(services("en"), ["A", "C", "D", "B"]);
    assert_eq!(
        services("de"),
        ["A", "B", "C", "D"],
        "no line answers in German: file order"
    );

    // The shipped lines: every US line that answers in Spanish before every
    // one that does not, each group in file order.
    let lines = crate::content::helplines();
    let all = [
        Purpose::Crisis,
        Purpose::Abuse,
        Purpose::UsesHarm,
        Purpose::Men,
        Purpose::Lgbtq,
        Purpose::Workplace,
        Purpose::Relay,
    ];
    let in_order = lines.lines_for("US", &all);
    let spanish_first = lines.lines_for_language("US", &all, "es");
    assert_eq!(in_order.len(), spanish_first.len());
    let split = spanish_first
        .iter()
        .position(|l| !l.answers_in("es"))
        .unwrap_or(spanish_first.len());
    assert!(split >= 2, "988 and the Hotline answer in Spanish");
    assert!(spanish_first[split..].iter().all(|l| !l.answers_in("es")));
    let expected: Vec<&str> = in_order
        .iter()
        .filter(|l| l.answers_in("es"))
        .chain(in_order.iter().filter(|l| !l.answers_in("es")))
        .map(|l| l.service.as_str())
        .collect();
    let got: Vec<&str> = spanish_first.iter().map(|l| l.service.as_str()).collect();
    assert_eq!(got, expected);
    assert_eq!(
        got.last().copied(),
        Some("Telecommunications Relay Service (711)")
    );
    // In English every US line answers: the order is the file's.
    let english: Vec<&str> = lines
        .lines_for_language("US", &all, "en")
        .iter()
        .map(|l| l.service.as_str())
        .collect();
    let file: Vec<&str> = in_order.iter().map(|l| l.service.as_str()).collect();
    assert_eq!(english, file);
}

#[test]
fn a_line_that_also_answers_in_spanish_says_so_once() {
    let lines = crate::content::helplines();
    let tag = |country: &str, service: &str, page: &str| {
        lines
            .lines
            .iter()
            .find(|l| l.country == country && l.service.starts_with(service))
            .unwrap_or_else(|| panic!("{service} ({country}) ships"))
            .language_tag(page)
    };
    assert_eq!(tag("US", "988", "en").as_deref(), Some("Also in Spanish"));
    assert_eq!(
        tag("US", "National Domestic Violence Hotline", "en-US").as_deref(),
        Some("Also in Spanish")
    );
    assert_eq!(tag("ES", "024", "en").as_deref(), Some("In Spanish"));
    assert_eq!(tag("ES", "016", "en").as_deref(), Some("In Spanish"));
    assert_eq!(tag("GB", "Samaritans", "en"), None, "English only");
    assert_eq!(tag("US", "Telecommunications Relay", "en"), None);
    // The audience already says it: no second tag.
    assert_eq!(tag("CA", "9-8-8", "en"), None);
    assert_eq!(tag("CA", "Prends l'air", "en"), None);
    assert_eq!(tag("CA", "SRV Canada VRS", "en"), None);
    // On a page in Spanish, the Spanish-only line needs no tag.
    assert_eq!(tag("ES", "024", "es"), None);
}

#[test]
fn not_wanting_to_commit_is_a_gate_not_a_low_score() {
    let answers = Answers::default().with("worth", AnswerValue::Choice("no".into()));
    let g = guide("committing-to-the-work");
    assert!(g
        .gates_holding(&answers)
        .iter()
        .any(|gate| gate.id().as_str() == "not-now"));
    let recs = recommended("committing-to-the-work", &answers);
    assert!(recs.contains(&"moving-on".to_owned()), "{recs:?}");
}

#[test]
fn in_the_safety_check_nowhere_to_go_and_leaving_in_danger_lead_to_a_plan() {
    let g = guide("safety-check");
    let nowhere = Answers::default().with("safe-place", AnswerValue::Choice("no".into()));
    assert_eq!(recommended("safety-check", &nowhere), ["my-plan"]);
    let leaving = Answers::default()
        .with("separation", AnswerValue::Choice("planned".into()))
        .with("strangled", yes());
    assert!(g
        .gates_holding(&leaving)
        .iter()
        .any(|gate| gate.id().as_str() == "leaving"));
    let leaving_calmly =
        Answers::default().with("separation", AnswerValue::Choice("planned".into()));
    assert!(
        g.gates_holding(&leaving_calmly).is_empty(),
        "planning to leave is not itself a danger sign"
    );
}

#[test]
fn results_never_suggest_what_the_path_has_set_aside() {
    let answers = rebuild_or_move_on(
        &[],
        "relax",
        &["owned", "kept", "answered", "apologised", "patient", "help"],
    );
    let suggested = guide("rebuild-or-move-on").recommendations(&answers);
    assert!(
        suggested
            .iter()
            .any(|g| g.as_str() == "committing-to-the-work"),
        "{suggested:?}"
    );
    let allowed: Vec<&str> = paths()
        .allowed(suggested, &Intake::default(), &danger_status())
        .iter()
        .map(|g| g.as_str())
        .collect();
    assert!(!allowed.contains(&"committing-to-the-work"), "{allowed:?}");
    let harm = SafetyStatus {
        uses_harm: true,
        uses_harm_entries: vec!["start-1".into()],
        ..SafetyStatus::default()
    };
    let suggested = vec![&*Box::leak(Box::new(GuideId::new("planning-an-apology")))];
    assert!(paths()
        .allowed(suggested, &Intake::default(), &harm)
        .is_empty());
}

#[test]
fn every_helpline_number_can_be_dialled_as_shown() {
    use super::helplines::Helplines;
    let lines = crate::content::helplines();
    for line in &lines.lines {
        if line.call.is_some() {
            let dial = Helplines::dial_for(line).unwrap_or_default();
            let digits = dial.strip_prefix('+').unwrap_or(&dial);
            assert!(
                digits.len() >= 3 && digits.chars().all(|c| c.is_ascii_digit()),
                "{}: dials {dial:?}",
                line.service
            );
        }
    }
    let hotline = lines
        .lines
        .iter()
        .find(|l| l.call.as_deref() == Some("800-799-SAFE (7233)"))
        .expect("the US hotline ships");
    assert_eq!(
        Helplines::dial_for(hotline).as_deref(),
        Some("+18007997233")
    );
    let refused = Helplines::from_json(
        r#"{"countries":[],"lines":[{"country":"INTL","service":"X","for":["crisis"],"call":"1-800-HELP","source":"https://example.org/x","checked":"2026-12-02"}]}"#,
    );
    assert!(refused.is_err_and(|p| p.iter().any(|m| m.contains("give `dial`"))));
}

// Issue 25: the four new guides are on the right paths.
#[test]
fn an_affair_puts_the_practical_part_on_the_path_of_the_one_who_broke_trust() {
    let with = |what: &str| {
        let answers = intake("broke", "partner", "", "yes")
            .with("what-happened", AnswerValue::Choices(vec![what.into()]));
        paths().for_intake(&Intake::from_answers(&answers), &SafetyStatus::default())
    };
    let affair = with("infidelity");
    assert_eq!(&ids(&affair)[..2], ["owning-your-part", "after-an-affair"]);
    assert!(!ids(&with("lie")).contains(&"after-an-affair"));
    let hurt = intake("hurt", "partner", "", "yes").with(
        "what-happened",
        AnswerValue::Choices(vec!["infidelity".into()]),
    );
    let hurt = paths().for_intake(&Intake::from_answers(&hurt), &SafetyStatus::default());
    assert!(
        !ids(&hurt).contains(&"after-an-affair"),
        "not the hurt person's work"
    );
}

#[test]
fn when_they_end_it_leads_the_path_of_the_one_who_broke_trust_only_when_the_other_is_unwilling() {
    let unwilling = paths().for_intake(
        &Intake::from_answers(&intake("broke", "partner", "", "no")),
        &SafetyStatus::default(),
    );
    assert_eq!(ids(&unwilling)[0], "when-they-end-it");
    let willing = paths().for_intake(
        &Intake::from_answers(&intake("broke", "partner", "", "yes")),
        &SafetyStatus::default(),
    );
    assert!(!ids(&willing).contains(&"when-they-end-it"));
}

#[test]
fn the_checking_guide_is_on_the_hurt_path_and_finding_a_counsellor_on_every_path() {
    let path = |role: &str| {
        paths().for_intake(
            &Intake::from_answers(&intake(role, "partner", "", "yes")),
            &SafetyStatus::default(),
        )
    };
    assert!(ids(&path("hurt")).contains(&"checking-and-replaying"));
    for role in ["broke", "hurt", "both", "unsure"] {
        assert!(ids(&path(role)).contains(&"finding-a-counsellor"), "{role}");
    }
    let danger = paths().for_intake(
        &Intake::from_answers(&intake("hurt", "partner", "", "yes")),
        &danger_status(),
    );
    assert!(ids(&danger).contains(&"finding-a-counsellor"));
    assert!(!ids(&danger).contains(&"checking-and-replaying"));
}

#[test]
fn the_counsellor_guide_says_couples_counselling_is_not_the_place_to_start_when_afraid() {
    let g = guide("finding-a-counsellor");
    let afraid = Answers::default().with("afraid", yes());
    let gates = g.gates_holding(&afraid);
    assert_eq!(gates.first().map(|gate| gate.id().as_str()), Some("fear"));
    let text = gates[0].text().render(&Default::default()).to_lowercase();
    assert!(text.contains("together"), "{text}");
    assert!(g.raises(&"danger".into(), &afraid));
}

#[test]
fn results_never_suggest_what_waits_while_the_other_person_is_unwilling() {
    let unwilling = Intake::from_answers(&intake("broke", "partner", "", "no"));
    let suggested = [
        GuideId::new("planning-an-apology"),
        GuideId::new("weekly-check-in"),
        GuideId::new("how-much-to-tell"),
        GuideId::new("owning-your-part"),
    ];
    let allowed = paths().allowed(
        suggested.iter().collect(),
        &unwilling,
        &SafetyStatus::default(),
    );
    assert_eq!(allowed, vec![&GuideId::new("owning-your-part")]);
}

#[test]
fn with_danger_the_path_does_not_claim_to_start_with_moving_on() {
    let mut entries = Entries::default();
    answer_in(
        &mut entries,
        "start",
        "2026-11-01",
        &[
            ("role", AnswerValue::Choice("hurt".into())),
            ("intent", AnswerValue::Choice("end".into())),
            ("afraid", yes()),
        ],
        true,
    );
    let s = status(&entries);
    let intake = Intake::from_answers(entries.current(guide("start")).unwrap().answers());
    let notes = paths().notes(&intake, &s);
    assert!(notes.contains(&super::path::PathNote::Danger));
    assert!(!notes.contains(&super::path::PathNote::Done));
    assert_eq!(ids(&paths().for_intake(&intake, &s))[0], "safety-check");
}

// ------------------------------------------------------------ results page

/// Every scale at its top and every yes-or-no a no: a calm, hopeful entry.
fn calm_answers(guide: &crate::domain::guide::Guide) -> Answers {
    use crate::domain::guide::QuestionKind;
    let mut answers = Answers::default();
    for (_, question) in guide.questions() {
        match question.kind() {
            QuestionKind::Scale(scale) => {
                answers.set(question.id().clone(), AnswerValue::Scale(scale.max()))
            }
            QuestionKind::YesNo { .. } => answers.set(question.id().clone(), no()),
            _ => {}
        }
    }
    answers
}

#[test]
fn results_show_scores_and_suggest_guides_when_nothing_speaks_of_danger() {
    let g = guide("can-this-be-rebuilt");
    let answers = calm_answers(g);
    let reading = super::results::read(
        g,
        &answers,
        &Intake::default(),
        &SafetyStatus::default(),
        paths(),
        library(),
    );
    assert!(reading.gates.is_empty(), "a calm entry holds no gate");
    assert!(!reading.danger);
    assert!(reading.scores_shown);
    assert!(!reading.scores_set_aside);
    assert!(
        !reading.recommended.is_empty(),
        "the next guides are suggested"
    );
    assert!(reading
        .recommended
        .iter()
        .all(|id| library().guide(id).is_some()));
}

#[test]
fn results_set_scores_aside_and_suggest_nothing_while_danger_holds_anywhere() {
    let g = guide("can-this-be-rebuilt");
    let answers = calm_answers(g);
    let reading = super::results::read(
        g,
        &answers,
        &Intake::default(),
        &danger_status(),
        paths(),
        library(),
    );
    assert!(reading.danger, "fear said in the intake holds here too");
    assert!(!reading.scores_shown);
    assert!(
        reading.scores_set_aside,
        "the page says why the scores are not shown"
    );
    assert!(reading.recommended.is_empty());
}

#[test]
fn a_guide_about_leaving_warns_that_leaving_can_be_dangerous_only_while_danger_holds() {
    let mut warned = 0;
    for id in ["moving-on", "rebuild-or-move-on"] {
        let g = guide(id);
        let answers = calm_answers(g);
        let calm = super::results::read(
            g,
            &answers,
            &Intake::default(),
            &SafetyStatus::default(),
            paths(),
            library(),
        );
        assert!(!calm.leaving_note, "{id}: no warning without danger");
        let feared = super::results::read(
            g,
            &answers,
            &Intake::default(),
            &danger_status(),
            paths(),
            library(),
        );
        assert!(
            feared.leaving_note || !feared.gates.is_empty(),
            "{id}: warned, unless its own gate speaks"
        );
        warned += usize::from(feared.leaving_note);
    }
    assert!(
        warned > 0,
        "a calm entry of a guide about leaving is warned"
    );
    let other = guide("can-this-be-rebuilt");
    let reading = super::results::read(
        other,
        &calm_answers(other),
        &Intake::default(),
        &danger_status(),
        paths(),
        library(),
    );
    assert!(!reading.leaving_note, "only a guide about leaving says it");
}

#[test]
fn results_read_the_entry_history_chose_or_else_the_latest_finished_one() {
    use super::results::finished_entry;
    let check_in = guide("weekly-check-in");
    let mut entries = Entries::default();
    let mut finish = |on: &str| {
        let entry = entries.begin(check_in, day(on));
        for (question, value) in calm_answers(check_in).iter() {
            entry.answer(question.clone(), value.clone());
        }
        // Its choices and words too, so the week can be finished.
        for (_, question) in check_in.questions() {
            use crate::domain::guide::QuestionKind;
            let first = question.kind().options().first().map(|o| o.id().clone());
            let value = match (question.kind(), first) {
                (QuestionKind::SingleChoice { .. }, Some(first)) => AnswerValue::Choice(first),
                (QuestionKind::ShortText { .. } | QuestionKind::LongText { .. }, _) => {
                    AnswerValue::Text("A quieter week, with one good talk.".into())
                }
                _ => continue,
            };
            entry.answer(question.id().clone(), value);
        }
        entries
            .complete(check_in, day(on))
            .map(|e| e.id().clone())
            .map_err(|e| format!("{e:?}"))
    };
    let first = finish("2026-11-02").unwrap_or_else(|e| panic!("{e}"));
    let second = finish("2026-11-09").unwrap_or_else(|e| panic!("{e}"));
    // A new week's check-in, begun and not finished.
    entries.begin(check_in, day("2026-11-16"));
    let latest = finished_entry(check_in, &entries, None).map(|e| e.id().clone());
    assert_eq!(latest, Some(second), "the open one has no results yet");
    let chosen = finished_entry(check_in, &entries, Some(&first)).map(|e| e.id().clone());
    assert_eq!(chosen, Some(first.clone()));
    // An entry of another guide is not this guide's result.
    assert!(finished_entry(guide("can-this-be-rebuilt"), &entries, Some(&first)).is_none());
}

// ------------------------------------------------------------ Your path

#[test]
fn your_path_welcomes_before_the_intake_then_lists_the_role_s_guides_with_the_next_one() {
    let mut entries = Entries::default();
    let before = paths().your_path(&entries, status(&entries), library());
    assert!(!before.shown(), "the welcome, not a path");
    assert!(!before.intake_started);
    assert!(before.steps.is_empty() && before.next.is_none());

    let start = guide("start");
    let entry = entries.begin(start, day("2026-11-02"));
    let calm_intake = intake("hurt", "partner", "Sam", "yes")
        .with("what-happened", ticked(&["lie"]))
        .with("when", AnswerValue::Choice("weeks".into()))
        .with("intent", AnswerValue::Choice("rebuild".into()))
        .with("self-harm", no())
        .with("afraid", no())
        .with("harm", no())
        .with("control", ticked(&[]))
        .with("uses-harm", no());
    for (question, value) in calm_intake.iter() {
        entry.answer(question.clone(), value.clone());
    }
    let begun = paths().your_path(&entries, status(&entries), library());
    assert!(begun.intake_started && !begun.intake_done && !begun.shown());

    let finished = entries.complete(start, day("2026-11-02")).map(|_| ());
    assert_eq!(finished.map_err(|e| format!("{e:?}")), Ok(()));
    let done = paths().your_path(&entries, status(&entries), library());
    assert!(done.intake_done && done.shown());
    let steps: Vec<&str> = done.steps.iter().map(|(g, _)| g.id().as_str()).collect();
    // It came out weeks ago: the first days come first.
    assert_eq!(steps[..2], ["first-days", "understanding-the-hurt"]);
    assert_eq!(
        done.next.map(|(g, s)| (g.id().as_str(), s)),
        Some(("first-days", StepStatus::NotStarted))
    );

    // Begun: "Continue" says so.
    let first_days = guide("first-days");
    let entry = entries.begin(first_days, day("2026-11-03"));
    entry.move_to(first_days.steps()[0].id().clone());
    let going = paths().your_path(&entries, status(&entries), library());
    assert_eq!(going.next.map(|(_, s)| s), Some(StepStatus::InProgress));
}

#[test]
fn your_path_shows_the_safety_path_when_danger_stopped_the_intake_before_its_end() {
    let entries = Entries::default();
    let path = paths().your_path(&entries, danger_status(), library());
    assert!(!path.intake_done);
    assert!(path.shown(), "danger shows the safety path at once");
}

// ------------------------------------------------------------ answering

#[test]
fn an_intake_answer_sets_the_wording_and_a_new_safety_answer_counts_afresh() {
    use super::answering::give;
    use crate::domain::store::Document;
    let start = guide("start");
    let mut document = Document::default();
    give(
        &mut document,
        start,
        QuestionId::new("name"),
        Some(AnswerValue::Text("Sam".into())),
        day("2026-11-02"),
    );
    assert_eq!(
        document.profile.wording.reference(),
        "Sam",
        "every guide says Sam from now on"
    );
    give(
        &mut document,
        start,
        QuestionId::new("name"),
        None,
        day("2026-11-02"),
    );
    assert!(
        document.profile.wording.name().is_none(),
        "a cleared name is no longer used"
    );

    // Fear said, then "Show me the full path" chosen about it.
    give(
        &mut document,
        start,
        QuestionId::new("afraid"),
        Some(yes()),
        day("2026-11-02"),
    );
    let status = assess(&document.entries, library(), &document.profile.safety);
    document.profile.safety.choose_full_path(&status, true);
    assert!(!document.profile.safety.full_path_for.is_empty());
    // A new answer to a danger question is heard afresh: the choice no longer covers it.
    give(
        &mut document,
        start,
        QuestionId::new("harm"),
        Some(yes()),
        day("2026-11-03"),
    );
    assert!(document.profile.safety.full_path_for.is_empty());
    // An answer elsewhere in the intake leaves the choice alone.
    document.profile.safety.choose_full_path(
        &assess(&document.entries, library(), &document.profile.safety),
        true,
    );
    give(
        &mut document,
        start,
        QuestionId::new("when"),
        Some(AnswerValue::Choice("weeks".into())),
        day("2026-11-03"),
    );
    assert!(!document.profile.safety.full_path_for.is_empty());
}

#[test]
fn every_country_has_its_name_in_each_language_and_the_english_is_the_files() {
    use crate::domain::msg::{show_table, Lang};
    let lines = crate::content::helplines();
    // English (each test thread starts with it): the file's own names.
    for country in &lines.countries {
        assert_eq!(country.shown_name(), country.name, "{}", country.code);
    }
    show_table(Lang::Es, Lang::Es.table());
    let spanish: Vec<&str> = lines.countries.iter().map(|c| c.shown_name()).collect();
    show_table(Lang::En, Lang::En.table());
    for (country, name) in lines.countries.iter().zip(&spanish) {
        assert!(
            *name != country.name || ["Australia"].contains(name),
            "{} has no Spanish name: add country_{} to content/i18n/<lang>/domain.toml",
            country.code,
            country.code.to_lowercase()
        );
    }
    assert!(spanish.contains(&"Estados Unidos") && spanish.contains(&"México"));
}

#[test]
fn a_lines_hours_and_texting_read_in_spanish_with_mend_in_spanish_and_otherwise_in_english() {
    let lines = crate::content::helplines();
    let lifeline = lines
        .lines
        .iter()
        .find(|l| l.service == "988 Suicide & Crisis Lifeline")
        .expect("the 988 Lifeline is listed");
    assert_eq!(
        lifeline.hours_in("es-MX"),
        Some("Las 24 horas, todos los días")
    );
    assert_eq!(lifeline.text_in("es"), Some("Mensaje de texto al 988"));
    assert_eq!(lifeline.hours_in("en"), Some("24 hours, every day"));
    assert_eq!(lifeline.text_in("en-US"), Some("Text 988"));
    // A keyword to text stays as it is.
    let shout = lines
        .lines
        .iter()
        .find(|l| l.text.as_deref() == Some("Text SHOUT to 85258"));
    assert_eq!(
        shout.and_then(|l| l.text_in("es")),
        Some("Envía SHOUT por mensaje de texto al 85258")
    );
    // Every line with hours or a number to text has them in Spanish too.
    for line in &lines.lines {
        assert_eq!(
            line.hours.is_some(),
            line.hours_es.is_some(),
            "{}",
            line.service
        );
        assert_eq!(
            line.text.is_some(),
            line.text_es.is_some(),
            "{}",
            line.service
        );
    }
}

#[test]
fn a_spanish_hours_or_text_with_no_english_to_translate_is_refused() {
    use super::helplines::Helplines;
    let json = r#"{"countries":[{"code":"US","name":"United States","emergency":"911"}],
        "lines":[{"country":"US","service":"A line","for":["crisis"],"call":"988",
        "hours_es":"Las 24 horas","languages":["en"],"source":"https://example.org","checked":"2026-12-07"}]}"#;
    let problems = Helplines::from_json(json).expect_err("refused");
    assert!(
        problems
            .iter()
            .any(|p| p.contains("`hours_es` has no `hours`")),
        "{problems:?}"
    );
}
