//! Text that adapts to the relationship and the name the user gave.

use super::{problems, q, sample};
use crate::domain::guide::{Template, TemplateError};
use crate::domain::wording::{RelationshipKind, Wording};

const ALL: &str = "{Name} | {name} | {kind} | {Kind} | {relationship} | {Relationship}";

fn render(source: &str, relationship: RelationshipKind, name: Option<&str>) -> String {
    let wording = Wording {
        relationship,
        name: name.map(str::to_owned),
    };
    Template::parse(source).expect("valid").render(&wording)
}

#[test]
fn without_a_name_each_relationship_has_its_own_words() {
    use RelationshipKind::*;
    let cases = [
        (Partner, "Your partner | your partner | partner | Partner | relationship | Relationship"),
        (Friend, "Your friend | your friend | friend | Friend | friendship | Friendship"),
        (
            FamilyMember,
            "Your family member | your family member | family member | Family member | relationship | Relationship",
        ),
        (
            Coworker,
            "Your coworker | your coworker | coworker | Coworker | working relationship | Working relationship",
        ),
        (
            Unspecified,
            "The other person | the other person | other person | Other person | relationship | Relationship",
        ),
    ];
    for (relationship, expected) in cases {
        assert_eq!(
            render(ALL, relationship, None),
            expected,
            "{relationship:?}"
        );
    }
}

#[test]
fn a_given_name_replaces_the_reference_and_stays_as_typed() {
    assert_eq!(
        render(ALL, RelationshipKind::Friend, Some("Sam")),
        "Sam | Sam | friend | Friend | friendship | Friendship"
    );
    // Not capitalised at a sentence start: the user typed it this way.
    assert_eq!(
        render(
            "{Name} said sorry.",
            RelationshipKind::FamilyMember,
            Some("de Vries")
        ),
        "de Vries said sorry."
    );
}

#[test]
fn a_name_is_trimmed_and_a_blank_name_counts_as_none() {
    assert_eq!(
        render(
            "Talk to {name}.",
            RelationshipKind::Partner,
            Some("  Alex \n")
        ),
        "Talk to Alex."
    );
    assert_eq!(
        render("Talk to {name}.", RelationshipKind::Partner, Some("   ")),
        "Talk to your partner."
    );
    assert_eq!(
        Wording::default().relationship,
        RelationshipKind::Unspecified
    );
}

#[test]
fn the_output_is_plain_text_with_nothing_escaped() {
    // The UI never renders this as HTML, so it must not be escaped twice.
    assert_eq!(
        render(
            "Dear {name},",
            RelationshipKind::Friend,
            Some("<b>Jo</b> & \"Kim\"")
        ),
        "Dear <b>Jo</b> & \"Kim\","
    );
}

#[test]
fn doubled_braces_are_literal_braces() {
    assert_eq!(
        render(
            "Write {{name}} on the card for {name}.",
            RelationshipKind::Friend,
            None
        ),
        "Write {name} on the card for your friend."
    );
}

#[test]
fn unknown_or_broken_placeholders_are_refused() {
    assert_eq!(
        Template::parse("Ask {nmae} first."),
        Err(TemplateError::UnknownPlaceholder("nmae".into()))
    );
    assert_eq!(
        Template::parse("Ask {name first."),
        Err(TemplateError::Unclosed)
    );
    assert_eq!(
        Template::parse("Ask name} first."),
        Err(TemplateError::Unopened)
    );
    assert_eq!(Template::parse("  "), Err(TemplateError::Empty));
}

#[test]
fn the_sample_speaks_about_the_person_the_user_named() {
    let guide = sample();
    let wording = Wording {
        relationship: RelationshipKind::Friend,
        name: Some("Priya".into()),
    };
    let afraid = guide.question(&q("afraid")).unwrap();
    assert_eq!(
        afraid.text().render(&wording),
        "Are you ever afraid of Priya, or of what Priya might do?"
    );
    assert!(guide
        .intro()
        .render(&Wording {
            relationship: RelationshipKind::Coworker,
            name: None
        })
        .contains("in your working relationship today"));
    let checking = &guide.question(&q("pressure")).unwrap().kind().options()[0];
    assert_eq!(
        checking.label().render(&Wording::default()),
        "The other person checks my phone or messages without asking"
    );
}

#[test]
fn an_unknown_placeholder_cannot_ship() {
    assert_eq!(
        problems(
            r#"
[[steps]]
id = "s"
  [[steps.questions]]
  id = "q1"
  kind = "yes_no"
  text = "Have you told {nmae}?"
"#
        ),
        [
            "content/guides/tiny.toml: guide `tiny`, question `q1`: text uses the unknown \
          placeholder `{nmae}`; the placeholders are {name}, {Name}, {kind}, {Kind}, \
          {relationship} and {Relationship}"
        ]
    );
}

#[test]
fn relationship_kinds_are_stored_by_name() {
    let wording = Wording {
        relationship: RelationshipKind::FamilyMember,
        name: Some("Mum".into()),
    };
    let json = serde_json::to_string(&wording).unwrap();
    assert_eq!(json, r#"{"relationship":"family_member","name":"Mum"}"#);
    assert_eq!(serde_json::from_str::<Wording>(&json).unwrap(), wording);
}
