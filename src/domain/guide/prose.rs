//! Longer guide text (introductions, closings, band interpretations) as
//! blocks: paragraphs separated by a blank line, and lists whose lines start
//! with "- ". Writers use nothing else (see content/FORMAT.md), and the UI
//! renders the blocks as text, never as markup.

/// One block of prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    List(Vec<String>),
}

/// Splits rendered text into blocks. A paragraph may lead into a list
/// ("Some next steps:" then "- …" lines); both become their own blocks.
pub fn blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    for chunk in text.split("\n\n").map(str::trim).filter(|c| !c.is_empty()) {
        let mut lead = Vec::new();
        let mut items: Vec<String> = Vec::new();
        for line in chunk.lines().map(str::trim) {
            if let Some(item) = line.strip_prefix("- ") {
                items.push(item.trim().to_owned());
            } else if let Some(last) = items.last_mut() {
                // A wrapped list line continues its item.
                last.push(' ');
                last.push_str(line);
            } else {
                lead.push(line);
            }
        }
        if !lead.is_empty() {
            out.push(Block::Paragraph(lead.join(" ")));
        }
        if !items.is_empty() {
            out.push(Block::List(items));
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_and_lists_come_out_as_written() {
        let text = "First thought.\n\nSome next steps:\n- Talk to Sam.\n- Come back\n  next week.\n\nLast words.";
        assert_eq!(
            blocks(text),
            vec![
                Block::Paragraph("First thought.".into()),
                Block::Paragraph("Some next steps:".into()),
                Block::List(vec!["Talk to Sam.".into(), "Come back next week.".into()]),
                Block::Paragraph("Last words.".into()),
            ]
        );
    }

    #[test]
    fn a_dash_inside_a_sentence_is_not_a_list() {
        assert_eq!(
            blocks("Trust comes back - slowly - with time."),
            vec![Block::Paragraph(
                "Trust comes back - slowly - with time.".into()
            )]
        );
        assert_eq!(blocks("\n\n"), vec![]);
    }
}
