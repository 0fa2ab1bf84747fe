//! Content validation: every mistake a counsellor can make is reported, with where and what.

use super::{problems, raw, LISTENING, SAMPLE};
use crate::domain::guide::{ContentError, Library, Place};
use crate::domain::ids::{GuideId, QuestionId};

/// A problem line in the tiny guide; `place` is e.g. ", question `q1`".
fn at(place: &str, problem: &str) -> String {
    format!("content/guides/tiny.toml: guide `tiny`{place}: {problem}")
}

/// Problems in the sample fixture after replacing `from` with `to`.
fn sample_problems(from: &str, to: &str) -> Vec<String> {
    assert!(SAMPLE.contains(from), "fixture no longer contains {from:?}");
    let edited = SAMPLE.replace(from, to);
    match Library::from_raw(vec![
        ("content/guides/sample.toml".to_owned(), raw(&edited)),
        ("content/guides/listening.toml".to_owned(), raw(LISTENING)),
    ]) {
        Ok(_) => Vec::new(),
        Err(e) => e.lines(),
    }
}

/// A first step with a yes/no `q1`, a single choice `q2` (a/b/c) and a 1–5 scale `q3`.
const FIRST: &str = r#"
[[steps]]
id = "s1"
  [[steps.questions]]
  id = "q1"
  kind = "yes_no"
  text = "Did you talk this week?"
  [[steps.questions]]
  id = "q2"
  kind = "single_choice"
  text = "How did it feel?"
  options = [ { id = "a", label = "Easy" }, { id = "b", label = "Hard" }, { id = "c", label = "Both" } ]
  [[steps.questions]]
  id = "q3"
  kind = "scale"
  text = "How hopeful are you?"
  min = 1
  max = 5
  [[steps.questions]]
  id = "q4"
  kind = "long_text"
  text = "What was said?"
"#;

/// `FIRST` plus a second step whose question `later` has `show_if`.
fn later_if(show_if: &str) -> Vec<String> {
    problems(&format!(
        r#"{FIRST}
[[steps]]
id = "s2"
  [[steps.questions]]
  id = "later"
  kind = "short_text"
  text = "Tell me more."
  show_if = {show_if}
"#
    ))
}

#[test]
fn the_fixtures_are_valid() {
    assert_eq!(super::library().guides().len(), 2);
}

#[test]
fn a_problem_reads_file_guide_place_and_what_is_wrong() {
    let error = ContentError {
        file: "content/guides/sample.toml".into(),
        guide: Some(GuideId::new("sample")),
        place: Some(Place::Question(QuestionId::new("q3"))),
        problem: "show_if names `q9`, which comes later in the guide".into(),
    };
    assert_eq!(
        error.to_string(),
        "content/guides/sample.toml: guide `sample`, question `q3`: show_if names `q9`, which comes later in the guide"
    );
}

#[test]
fn two_guides_cannot_share_an_id() {
    let errors = Library::from_raw(vec![
        ("content/guides/sample.toml".to_owned(), raw(SAMPLE)),
        ("content/guides/listening.toml".to_owned(), raw(LISTENING)),
        ("content/guides/copy.toml".to_owned(), raw(SAMPLE)),
    ])
    .unwrap_err();
    assert_eq!(
        errors.lines(),
        ["content/guides/copy.toml: guide `sample`: another guide already uses this id (in content/guides/sample.toml)"]
    );
}

#[test]
fn steps_questions_and_options_need_their_own_ids() {
    let found = problems(
        r#"
[[steps]]
id = "s1"
  [[steps.questions]]
  id = "q1"
  kind = "single_choice"
  text = "Which?"
  options = [ { id = "a", label = "One" }, { id = "a", label = "Two" } ]
[[steps]]
id = "s1"
  [[steps.questions]]
  id = "q1"
  kind = "date"
  text = "When?"
"#,
    );
    assert_eq!(
        found,
        [
            at(", question `q1`", "another question already uses this id"),
            at(", question `q1`", "two options use the id `a`"),
            at(", step `s1`", "another step already uses this id"),
        ]
    );
}

#[test]
fn ids_stay_plain_because_they_are_stored_for_years() {
    let found = problems(&FIRST.replace(r#"id = "q4""#, r#"id = "Q 4""#));
    assert_eq!(
        found,
        [at(
            ", question `Q 4`",
            "the id `Q 4` may only use lowercase letters, digits, `-` and `_`"
        )]
    );
}

#[test]
fn a_condition_must_name_a_question_of_this_guide() {
    assert_eq!(
        later_if(r#"{ answered = "q9" }"#),
        [at(
            ", question `later`",
            "show_if names `q9`, which is not a question in this guide"
        )]
    );
}

#[test]
fn a_condition_must_name_an_earlier_question() {
    let found = problems(&FIRST.replace(
        r#"text = "How did it feel?""#,
        r#"text = "How did it feel?"
  show_if = { answered = "q4" }"#,
    ));
    assert_eq!(
        found,
        [at(
            ", question `q2`",
            "show_if names `q4`, which comes later in the guide"
        )]
    );
}

#[test]
fn a_condition_cannot_name_its_own_question() {
    let found = problems(&FIRST.replace(
        r#"text = "What was said?""#,
        r#"text = "What was said?"
  show_if = { answered = "q4" }"#,
    ));
    assert_eq!(
        found,
        [at(
            ", question `q4`",
            "show_if names `q4`, the question itself"
        )]
    );
}

#[test]
fn a_step_condition_must_name_questions_on_earlier_steps() {
    let found = problems(&format!(
        r#"{FIRST}
[[steps]]
id = "s2"
show_if = {{ answered = "q5" }}
  [[steps.questions]]
  id = "q5"
  kind = "short_text"
  text = "Anything else?"
"#
    ));
    assert_eq!(
        found,
        [at(
            ", step `s2`",
            "show_if names `q5`, which is on this step; a step's show_if can only name questions on earlier steps"
        )]
    );
}

#[test]
fn compared_values_must_be_options_of_the_question() {
    assert_eq!(
        later_if(r#"{ question = "q2", equals = "maybe" }"#),
        [at(
            ", question `later`",
            "show_if: `maybe` is not an option of `q2`"
        )]
    );
    assert_eq!(
        later_if(r#"{ question = "q2", any_of = ["a", "d", "e"] }"#),
        [
            at(
                ", question `later`",
                "show_if: `d` is not an option of `q2`"
            ),
            at(
                ", question `later`",
                "show_if: `e` is not an option of `q2`"
            ),
        ]
    );
}

#[test]
fn compared_values_must_suit_the_kind_of_question() {
    assert_eq!(
        later_if(r#"{ question = "q4", at_least = 3 }"#),
        [at(
            ", question `later`",
            "show_if: `at_least` can only be used on a scale question, and `q4` is a long_text question"
        )]
    );
    assert_eq!(
        later_if(r#"{ question = "q1", equals = "maybe" }"#),
        [at(
            ", question `later`",
            "show_if: `q1` is a yes_no question; compare it with \"yes\" or \"no\""
        )]
    );
    assert_eq!(
        later_if(r#"{ question = "q4", equals = "sorry" }"#),
        [at(
            ", question `later`",
            "show_if: `equals` cannot be used on `q4`, a long_text question; use `answered`"
        )]
    );
    assert_eq!(
        later_if(r#"{ question = "q3", any_of = ["a"] }"#),
        [at(
            ", question `later`",
            "show_if: `any_of` can only be used on single_choice, multiple_choice and checklist questions, and `q3` is a scale question"
        )]
    );
    assert_eq!(
        later_if(r#"{ question = "q2", equals = 2 }"#),
        [at(
            ", question `later`",
            "show_if: `q2` is a single_choice question; compare it with one of its option ids"
        )]
    );
}

#[test]
fn compared_numbers_must_be_on_the_scale() {
    assert_eq!(
        later_if(r#"{ question = "q3", equals = 7 }"#),
        [at(
            ", question `later`",
            "show_if: 7 is not on the scale of `q3` (1 to 5)"
        )]
    );
    assert_eq!(
        later_if(r#"{ question = "q3", at_least = 0, at_most = 9 }"#),
        [
            at(
                ", question `later`",
                "show_if: at_least 0 is outside the scale of `q3` (1 to 5)"
            ),
            at(
                ", question `later`",
                "show_if: at_most 9 is outside the scale of `q3` (1 to 5)"
            ),
        ]
    );
}

#[test]
fn every_problem_inside_nested_conditions_is_reported() {
    assert_eq!(
        later_if(
            r#"{ all = [ { answered = "nope" }, { not = { question = "q3", at_most = 8 } }, { any = [] } ] }"#
        ),
        [
            at(
                ", question `later`",
                "show_if names `nope`, which is not a question in this guide"
            ),
            at(
                ", question `later`",
                "show_if: at_most 8 is outside the scale of `q3` (1 to 5)"
            ),
            at(
                ", question `later`",
                "show_if: `any` needs at least one condition"
            ),
        ]
    );
}

#[test]
fn a_step_whose_condition_contradicts_itself_is_unreachable() {
    let unreachable = |show_if: &str| {
        problems(&format!(
            r#"{FIRST}
[[steps]]
id = "s2"
show_if = {show_if}
  [[steps.questions]]
  id = "q5"
  kind = "short_text"
  text = "Anything else?"
"#
        ))
    };
    let never = [at(
        ", step `s2`",
        "show_if can never hold, so this step is never shown",
    )];
    assert_eq!(
        unreachable(
            r#"{ all = [ { question = "q2", equals = "a" }, { question = "q2", equals = "b" } ] }"#
        ),
        never
    );
    assert_eq!(
        unreachable(
            r#"{ all = [ { question = "q2", any_of = ["a", "b"] }, { question = "q2", equals = "c" } ] }"#
        ),
        never
    );
    assert_eq!(
        unreachable(r#"{ question = "q3", at_least = 4, at_most = 2 }"#),
        never
    );
    assert_eq!(
        unreachable(r#"{ all = [ { answered = "q1" }, { not = { answered = "q1" } } ] }"#),
        never
    );
    // Possible combinations are fine.
    assert!(unreachable(
        r#"{ all = [ { question = "q2", equals = "a" }, { question = "q3", at_least = 4 } ] }"#
    )
    .is_empty());
}

#[test]
fn a_question_its_step_or_an_earlier_hidden_question_rules_out_is_unreachable() {
    let found = problems(&format!(
        r#"{FIRST}
[[steps]]
id = "s2"
show_if = {{ question = "q1", equals = "yes" }}
  [[steps.questions]]
  id = "why-not"
  kind = "short_text"
  text = "Why not?"
  show_if = {{ question = "q1", equals = "no" }}
  [[steps.questions]]
  id = "how"
  kind = "short_text"
  text = "How did it go?"
[[steps]]
id = "s3"
  [[steps.questions]]
  id = "more"
  kind = "short_text"
  text = "And when it did not happen?"
  show_if = {{ all = [ {{ answered = "how" }}, {{ question = "q1", equals = "no" }} ] }}
"#
    ));
    assert_eq!(
        found,
        [
            at(
                ", question `why-not`",
                "show_if can never hold, so this question is never shown"
            ),
            // `how` is only shown (and so only answered) when q1 is yes.
            at(
                ", question `more`",
                "show_if can never hold, so this question is never shown"
            ),
        ]
    );
}

#[test]
fn a_flag_that_can_never_be_raised_is_reported() {
    let found = problems(&format!(
        r#"{FIRST}
[[flags]]
id = "safety"
when = {{ all = [ {{ question = "q1", equals = true }}, {{ question = "q1", equals = false }} ] }}
"#
    ));
    assert_eq!(
        found,
        [at(
            ", flag `safety`",
            "when can never hold, so this flag is never raised"
        )]
    );
}

#[test]
fn flags_check_their_questions_too() {
    let found = problems(&format!(
        r#"{FIRST}
[[flags]]
id = "safety"
when = {{ question = "afriad", equals = "yes" }}
"#
    ));
    assert_eq!(
        found,
        [at(
            ", flag `safety`",
            "when names `afriad`, which is not a question in this guide"
        )]
    );
}

#[test]
fn weights_must_name_a_dimension_of_the_guide() {
    let found = problems(&FIRST.replace(
        r#"{ id = "a", label = "Easy" }"#,
        r#"{ id = "a", label = "Easy", weights = { trsut = 1 } }"#,
    ));
    assert_eq!(
        found,
        [at(
            ", question `q2`",
            "option `a` adds to `trsut`, which is not a dimension of this guide"
        )]
    );
    let found = problems(&FIRST.replace(
        r#"text = "Did you talk this week?""#,
        r#"text = "Did you talk this week?"
  yes_weights = { hope = 1 }"#,
    ));
    assert_eq!(
        found,
        [at(
            ", question `q1`",
            "yes_weights add to `hope`, which is not a dimension of this guide"
        )]
    );
}

/// A guide with a required 0–10 scale scoring into `d`, and these bands.
fn banded(bands: &[(i64, i64, &str)]) -> Vec<String> {
    let mut body = String::from(
        r#"
[[steps]]
id = "s1"
  [[steps.questions]]
  id = "rating"
  kind = "scale"
  text = "How much do you trust {name} today?"
  min = 0
  max = 10
  weights = { d = 1 }

[[dimensions]]
id = "d"
label = "Trust"
"#,
    );
    for (from, to, title) in bands {
        body.push_str(&format!(
            "  [[dimensions.bands]]\n  from = {from}\n  to = {to}\n  title = \"{title}\"\n  text = \"About {title}.\"\n"
        ));
    }
    problems(&body)
}

fn on_d(problem: &str) -> String {
    at(", dimension `d`", problem)
}

#[test]
fn bands_covering_every_score_once_are_accepted() {
    assert!(banded(&[(0, 3, "Low"), (4, 7, "Middle"), (8, 10, "High")]).is_empty());
    // Written in any order, and reaching past the possible scores is fine.
    assert!(banded(&[(8, 20, "High"), (-5, 7, "Rest")]).is_empty());
}

#[test]
fn a_gap_between_bands_is_reported() {
    assert_eq!(
        banded(&[(0, 3, "Low"), (5, 10, "High")]),
        [on_d("no band covers score 4")]
    );
    assert_eq!(
        banded(&[(0, 3, "Low"), (6, 10, "High")]),
        [on_d("no band covers scores 4 to 5")]
    );
}

#[test]
fn overlapping_bands_are_reported() {
    assert_eq!(
        banded(&[(0, 5, "Low"), (5, 10, "High")]),
        [on_d("bands `Low` and `High` both cover score 5")]
    );
    assert_eq!(
        banded(&[(0, 10, "All"), (3, 4, "Some")]),
        [on_d("bands `All` and `Some` both cover scores 3 to 4")]
    );
}

#[test]
fn bands_must_reach_the_lowest_and_highest_possible_scores() {
    assert_eq!(
        banded(&[(1, 10, "Most")]),
        [on_d(
            "no band covers score 0 (the lowest possible score is 0)"
        )]
    );
    assert_eq!(
        banded(&[(0, 8, "Most")]),
        [on_d(
            "no band covers scores 9 to 10 (the highest possible score is 10)"
        )]
    );
}

#[test]
fn a_band_no_score_can_reach_is_reported() {
    assert_eq!(
        banded(&[(0, 10, "All"), (11, 20, "Beyond")]),
        [on_d(
            "band `Beyond` (11 to 20) is outside the possible scores 0 to 10, so it is never shown"
        )]
    );
}

#[test]
fn a_band_running_backwards_is_reported() {
    assert_eq!(
        banded(&[(0, 10, "All"), (5, 3, "Odd")]),
        [on_d(
            "band `Odd` runs from 5 down to 3; `from` must not be above `to`"
        )]
    );
}

#[test]
fn a_dimension_needs_bands_and_something_adding_to_it() {
    assert_eq!(banded(&[]), [on_d("has no bands")]);
    let found = problems(&format!(
        r#"{FIRST}
[[dimensions]]
id = "unused"
label = "Unused"
  [[dimensions.bands]]
  from = 0
  to = 0
  title = "Nothing"
  text = "Nothing adds here."
"#
    ));
    assert_eq!(
        found,
        [at(
            ", dimension `unused`",
            "no question adds to this dimension"
        )]
    );
}

#[test]
fn recommendations_must_name_guides_in_the_library() {
    assert_eq!(
        sample_problems(r#"recommend = ["listening"]"#, r#"recommend = ["listenning"]"#),
        [
            "content/guides/sample.toml: guide `sample`, dimension `openness`: band `Guarded` recommends `listenning`, which is not a guide in the library",
            "content/guides/sample.toml: guide `sample`, dimension `steadiness`: band `Finding footing` recommends `listenning`, which is not a guide in the library",
        ]
    );
}

#[test]
fn a_guide_needs_steps_and_a_step_needs_questions() {
    assert_eq!(problems(""), [at("", "has no steps")]);
    assert_eq!(
        problems("[[steps]]\nid = \"s1\"\ntitle = \"Empty\"\n"),
        [at(", step `s1`", "has no questions")]
    );
}

#[test]
fn a_choice_needs_at_least_two_options_and_a_checklist_one_item() {
    let one_option = |kind: &str| {
        problems(&format!(
            r#"
[[steps]]
id = "s1"
  [[steps.questions]]
  id = "q1"
  kind = "{kind}"
  text = "Which?"
  options = [ {{ id = "only", label = "The only one" }} ]
"#
        ))
    };
    assert_eq!(
        one_option("single_choice"),
        [at(
            ", question `q1`",
            "a single_choice question needs at least two options"
        )]
    );
    assert_eq!(
        one_option("multiple_choice"),
        [at(
            ", question `q1`",
            "a multiple_choice question needs at least two options"
        )]
    );
    assert_eq!(
        problems(
            "[[steps]]\nid = \"s1\"\n[[steps.questions]]\nid = \"q1\"\nkind = \"single_choice\"\ntext = \"Which?\"\n"
        ),
        [at(", question `q1`", "a single_choice question needs at least two options")]
    );
    assert_eq!(
        problems(
            "[[steps]]\nid = \"s1\"\n[[steps.questions]]\nid = \"q1\"\nkind = \"checklist\"\ntext = \"Tick.\"\nitems = []\n"
        ),
        [at(", question `q1`", "a checklist needs at least one item")]
    );
}

#[test]
fn a_scale_must_run_upwards_in_even_steps() {
    let scale = |settings: &str| {
        problems(&format!(
            "[[steps]]\nid = \"s1\"\n[[steps.questions]]\nid = \"q1\"\nkind = \"scale\"\ntext = \"How much?\"\n{settings}\n"
        ))
    };
    assert_eq!(
        scale("min = 5\nmax = 5"),
        [at(
            ", question `q1`",
            "the scale's min (5) must be below its max (5)"
        )]
    );
    assert_eq!(
        scale("min = 1\nmax = 6\nstep = 2"),
        [at(
            ", question `q1`",
            "step 2 does not fit evenly from 1 to 6"
        )]
    );
    assert_eq!(
        scale("min = 1\nmax = 6\nstep = 0"),
        [at(", question `q1`", "step must be at least 1")]
    );
    assert_eq!(
        scale("min = 1\nmax = 5\nlabels = { 6 = \"Beyond\", x = \"What\" }"),
        [
            at(", question `q1`", "labels: 6 is not on the scale (1 to 5)"),
            at(", question `q1`", "labels: `x` is not a whole number"),
        ]
    );
}

#[test]
fn a_required_question_nobody_can_answer_is_a_dead_end() {
    let question = |settings: &str| {
        problems(&format!(
            "[[steps]]\nid = \"s1\"\n[[steps.questions]]\nid = \"q1\"\ntext = \"Answer me.\"\n{settings}\n"
        ))
    };
    let options = r#"options = [ { id = "a", label = "A" }, { id = "b", label = "B" }, { id = "c", label = "C" } ]"#;
    assert_eq!(
        question(&format!(
            "kind = \"multiple_choice\"\nmin_choices = 4\n{options}"
        )),
        [at(
            ", question `q1`",
            "min_choices is 4 but there are only 3 options, so this question can never be answered"
        )]
    );
    assert_eq!(
        question(&format!(
            "kind = \"multiple_choice\"\nmin_choices = 3\nmax_choices = 2\n{options}"
        )),
        [at(
            ", question `q1`",
            "min_choices (3) is more than max_choices (2), so this question can never be answered"
        )]
    );
    assert_eq!(
        question("kind = \"list\"\nmin_items = 3\nmax_items = 2"),
        [at(
            ", question `q1`",
            "min_items (3) is more than max_items (2), so this question can never be answered"
        )]
    );
    assert_eq!(
        question("kind = \"long_text\"\nmin_length = 50\nmax_length = 20"),
        [at(
            ", question `q1`",
            "min_length (50) is more than max_length (20), so this question can never be answered"
        )]
    );
    assert_eq!(
        question("kind = \"short_text\"\nmin_length = 300"),
        [at(
            ", question `q1`",
            "min_length (300) is more than max_length (200), so this question can never be answered"
        )]
    );
}

#[test]
fn a_guide_must_name_its_sources() {
    assert_eq!(
        sample_problems(
            r#"sources = ["002_7fcc00d9eb8842b3.txt", "004_c2e4617a44ebd3a2.txt"]"#,
            "sources = []"
        ),
        ["content/guides/sample.toml: guide `sample`: sources is empty; name the article file(s) this guide's ideas come from"]
    );
}

#[test]
fn empty_text_cannot_ship() {
    assert_eq!(
        sample_problems(r#"title = "Checking in on trust""#, r#"title = "  ""#),
        ["content/guides/sample.toml: guide `sample`: title is empty"]
    );
    let found = problems(
        &FIRST
            .replace(r#"text = "What was said?""#, r#"text = """#)
            .replace(r#"label = "Hard""#, r#"label = " ""#),
    );
    assert_eq!(
        found,
        [
            at(", question `q2`", "option `b`: label is empty"),
            at(", question `q4`", "text is empty"),
        ]
    );
    assert_eq!(
        sample_problems(
            r#"text = "Things feel unsettled. Look after yourself first, and lean on people you trust.""#,
            r#"text = "  ""#
        ),
        ["content/guides/sample.toml: guide `sample`, dimension `steadiness`: band `Shaky`: text is empty"]
    );
}

#[test]
fn a_custom_message_is_shown_as_written_so_cannot_hold_placeholders() {
    assert_eq!(
        sample_problems(
            "message = \"A sentence or two is plenty",
            "message = \"Tell {name} a sentence or two"
        ),
        ["content/guides/sample.toml: guide `sample`, question `hardest`: message cannot use placeholders or braces; it is shown exactly as written"]
    );
}

#[test]
fn every_problem_in_every_file_is_reported_at_once() {
    let errors = Library::from_raw(vec![
        ("content/guides/listening.toml".to_owned(), raw(LISTENING)),
        (
            "content/guides/sample.toml".to_owned(),
            raw(&SAMPLE
                .replace(r#"id = "talk-date""#, r#"id = "talk date""#)
                .replace("{Name} keeps money", "{Nmae} keeps money")),
        ),
        (
            "content/guides/other.toml".to_owned(),
            raw(&LISTENING
                .replace(r#"id = "listening""#, r#"id = "other""#)
                .replace(r#"sources = ["003_49450703fc24d509.txt"]"#, "sources = []")),
        ),
    ])
    .unwrap_err();
    assert_eq!(
        errors.to_string(),
        "content/guides/sample.toml: guide `sample`, question `pressure`: item `money`: label uses the unknown placeholder `{Nmae}`; the placeholders are {name}, {Name}, {kind}, {Kind}, {relationship} and {Relationship}\n\
         content/guides/sample.toml: guide `sample`, question `talk date`: the id `talk date` may only use lowercase letters, digits, `-` and `_`\n\
         content/guides/other.toml: guide `other`: sources is empty; name the article file(s) this guide's ideas come from"
    );
}
