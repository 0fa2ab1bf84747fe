//! The apology planner's wording check: finds phrases that shift blame or
//! excuse, so the user can look at them again. It never judges the whole
//! draft; it points at words and says, kindly, why they may land badly.

/// The guide the planner works in, and the parts of the apology it checks.
pub const APOLOGY_GUIDE: &str = "planning-an-apology";
pub const APOLOGY_PARTS: [&str; 6] = [
    "what-i-did",
    "impact",
    "responsibility",
    "regret",
    "change",
    "their-needs",
];

/// A phrase worth a second look, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pattern {
    /// Lowercase words, with straight apostrophes.
    pub phrase: &'static str,
    pub why: &'static str,
}

/// Phrases that tend to turn an apology into a defence. Matched as whole
/// words, ignoring case and curly apostrophes.
pub const PATTERNS: &[Pattern] = &[
    Pattern {
        phrase: "i'm sorry you feel",
        why: "This apologises for their feelings rather than for what you did. Try naming your action instead.",
    },
    Pattern {
        phrase: "sorry that you feel",
        why: "This apologises for their feelings rather than for what you did. Try naming your action instead.",
    },
    Pattern {
        phrase: "sorry if",
        why: "\"Sorry if\" makes the hurt sound uncertain. If it hurt them, you can say so plainly.",
    },
    Pattern {
        phrase: "if you",
        why: "\"If you...\" can sound as though their reaction is the problem. Keep the focus on your part.",
    },
    Pattern {
        phrase: "you made me",
        why: "This hands the responsibility back to them, even when that isn't what you mean.",
    },
    Pattern {
        phrase: "i only",
        why: "\"Only\" makes what happened sound smaller than it felt to them.",
    },
    Pattern {
        phrase: "i just",
        why: "\"Just\" can shrink what happened. Let it be as big as it was for them.",
    },
    Pattern {
        phrase: "everyone does",
        why: "Pointing to what other people do can sound like an excuse. This apology is about you and them.",
    },
    Pattern {
        phrase: "everybody does",
        why: "Pointing to what other people do can sound like an excuse. This apology is about you and them.",
    },
    Pattern {
        phrase: "anyone would",
        why: "Saying anyone would have done it can sound like an excuse. Speak for yourself.",
    },
    Pattern {
        phrase: "you always",
        why: "\"You always\" turns toward their faults. Save that for another conversation, if at all.",
    },
    Pattern {
        phrase: "you never",
        why: "\"You never\" turns toward their faults. Save that for another conversation, if at all.",
    },
    Pattern {
        phrase: "mistakes were made",
        why: "This leaves out who made them. \"I\" is harder to write and means more.",
    },
    Pattern {
        phrase: "but",
        why: "A \"but\" tends to cancel what came before it. Try ending the sentence where the apology ends.",
    },
];

/// One place in the text worth a second look: `start..end` are byte offsets
/// into the text as given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flag {
    pub start: usize,
    pub end: usize,
    pub pattern: &'static Pattern,
}

/// Every flagged phrase in `text`, in order, never overlapping (a longer
/// phrase wins over a shorter one starting at the same place).
pub fn check_wording(text: &str) -> Vec<Flag> {
    // Lowercase ASCII only and straighten apostrophes, keeping each char's
    // byte offset, so offsets stay valid for any text.
    let chars: Vec<(usize, char)> = text
        .char_indices()
        .map(|(i, c)| {
            (
                i,
                if c == '\u{2019}' {
                    '\''
                } else {
                    c.to_ascii_lowercase()
                },
            )
        })
        .collect();
    let word_char = |c: char| c.is_alphanumeric() || c == '\'';
    let mut flags: Vec<Flag> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let at_word_start = i == 0 || !word_char(chars[i - 1].1);
        let found = at_word_start
            .then(|| {
                PATTERNS
                    .iter()
                    .filter_map(|pattern| {
                        let wanted: Vec<char> = pattern.phrase.chars().collect();
                        let end = i + wanted.len();
                        let matches = end <= chars.len()
                            && chars[i..end]
                                .iter()
                                .map(|(_, c)| *c)
                                .eq(wanted.iter().copied())
                            && chars.get(end).is_none_or(|(_, c)| !word_char(*c));
                        matches.then_some((pattern, end))
                    })
                    .max_by_key(|(pattern, _)| pattern.phrase.len())
            })
            .flatten();
        match found {
            Some((pattern, end)) => {
                let end_byte = chars.get(end).map_or(text.len(), |(b, _)| *b);
                flags.push(Flag {
                    start: chars[i].0,
                    end: end_byte,
                    pattern,
                });
                i = end;
            }
            None => i += 1,
        }
    }
    flags
}

/// `text` cut into plain pieces and flagged pieces, for showing the draft
/// with its flags marked (each piece is shown as text, never as markup).
pub fn segments(text: &str) -> Vec<(&str, Option<&'static Pattern>)> {
    let mut pieces = Vec::new();
    let mut at = 0;
    for flag in check_wording(text) {
        if flag.start > at {
            pieces.push((&text[at..flag.start], None));
        }
        pieces.push((&text[flag.start..flag.end], Some(flag.pattern)));
        at = flag.end;
    }
    if at < text.len() {
        pieces.push((&text[at..], None));
    }
    pieces
}
