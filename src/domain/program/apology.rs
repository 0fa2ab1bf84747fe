//! The apology planner's wording check: finds phrases that shift blame or
//! excuse, so the user can look at them again. It never judges the whole
//! draft; it points at words and says, kindly, why they may land badly.
//! It looks for the phrases of the language shown.

use std::cell::RefCell;

use crate::domain::msg::{self, domain_program as words, t, Lang, Text};

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
    /// Lowercase words as people write them, with straight apostrophes.
    pub phrase: &'static str,
    /// Why, in the language shown.
    pub why: &'static str,
}

/// Phrases that tend to turn an apology into a defence, in English, and why.
const ENGLISH: &[(&str, Text)] = &[
    ("i'm sorry you feel", words::APOLOGY_FEELINGS),
    ("sorry that you feel", words::APOLOGY_FEELINGS),
    ("sorry if", words::APOLOGY_SORRY_IF),
    ("if you", words::APOLOGY_IF_YOU),
    ("you made me", words::APOLOGY_BLAME),
    ("i only", words::APOLOGY_ONLY),
    ("i just", words::APOLOGY_JUST),
    ("everyone does", words::APOLOGY_EVERYONE),
    ("everybody does", words::APOLOGY_EVERYONE),
    ("anyone would", words::APOLOGY_ANYONE),
    ("you always", words::APOLOGY_ALWAYS),
    ("you never", words::APOLOGY_NEVER),
    ("mistakes were made", words::APOLOGY_MISTAKES),
    ("but", words::APOLOGY_BUT),
];

/// The same in Spanish: how people there excuse, play down or hand the
/// blame back (subjects are mostly left out, so the verb carries them).
const SPANISH: &[(&str, Text)] = &[
    // Sorry for their feelings.
    ("siento que te sientas", words::APOLOGY_FEELINGS),
    ("lamento que te sientas", words::APOLOGY_FEELINGS),
    ("siento que te hayas sentido", words::APOLOGY_FEELINGS),
    ("lamento que te hayas sentido", words::APOLOGY_FEELINGS),
    ("siento que lo veas así", words::APOLOGY_FEELINGS),
    ("lamento que lo veas así", words::APOLOGY_FEELINGS),
    ("siento que lo tomes así", words::APOLOGY_FEELINGS),
    ("siento que te lo tomes así", words::APOLOGY_FEELINGS),
    ("lamento que te lo tomes así", words::APOLOGY_FEELINGS),
    // Sorry if.
    ("perdón si", words::APOLOGY_SORRY_IF),
    ("perdona si", words::APOLOGY_SORRY_IF),
    ("perdóname si", words::APOLOGY_SORRY_IF),
    ("lo siento si", words::APOLOGY_SORRY_IF),
    ("siento si", words::APOLOGY_SORRY_IF),
    ("disculpa si", words::APOLOGY_SORRY_IF),
    ("discúlpame si", words::APOLOGY_SORRY_IF),
    ("lamento si", words::APOLOGY_SORRY_IF),
    // If you (had).
    ("si tú", words::APOLOGY_IF_YOU),
    ("si te", words::APOLOGY_IF_YOU),
    ("si hubieras", words::APOLOGY_IF_YOU),
    ("si no hubieras", words::APOLOGY_IF_YOU),
    ("si me hubieras", words::APOLOGY_IF_YOU),
    ("si no me hubieras", words::APOLOGY_IF_YOU),
    // You made me; your fault.
    ("me hiciste", words::APOLOGY_BLAME),
    ("me provocaste", words::APOLOGY_BLAME),
    ("me provocas", words::APOLOGY_BLAME),
    ("me obligaste", words::APOLOGY_BLAME),
    ("no me dejaste otra opción", words::APOLOGY_BLAME),
    ("no me dejaste opción", words::APOLOGY_BLAME),
    ("no me dejaste otra salida", words::APOLOGY_BLAME),
    ("por tu culpa", words::APOLOGY_BLAME),
    ("tú tienes la culpa", words::APOLOGY_BLAME),
    ("tú tuviste la culpa", words::APOLOGY_BLAME),
    ("la culpa es tuya", words::APOLOGY_BLAME),
    ("la culpa fue tuya", words::APOLOGY_BLAME),
    ("tú empezaste", words::APOLOGY_BLAME),
    ("empezaste tú", words::APOLOGY_BLAME),
    // Only; just.
    ("solo fue", words::APOLOGY_ONLY),
    ("fue solo", words::APOLOGY_ONLY),
    ("solo era", words::APOLOGY_ONLY),
    ("era solo", words::APOLOGY_ONLY),
    ("solo una vez", words::APOLOGY_ONLY),
    ("solo quería", words::APOLOGY_ONLY),
    ("solo necesitaba", words::APOLOGY_ONLY),
    ("solo estaba", words::APOLOGY_ONLY),
    ("solo lo hice", words::APOLOGY_ONLY),
    ("solamente", words::APOLOGY_ONLY),
    ("simplemente", words::APOLOGY_JUST),
    // Everyone does it; anyone would have.
    ("todo el mundo lo hace", words::APOLOGY_EVERYONE),
    ("todo el mundo hace", words::APOLOGY_EVERYONE),
    ("todo mundo lo hace", words::APOLOGY_EVERYONE),
    ("todo mundo hace", words::APOLOGY_EVERYONE),
    ("todos lo hacen", words::APOLOGY_EVERYONE),
    ("todos hacen", words::APOLOGY_EVERYONE),
    ("todos lo hemos hecho", words::APOLOGY_EVERYONE),
    ("cualquiera haría", words::APOLOGY_ANYONE),
    ("cualquiera habría", words::APOLOGY_ANYONE),
    ("cualquiera hubiera", words::APOLOGY_ANYONE),
    ("cualquiera hubiese", words::APOLOGY_ANYONE),
    ("cualquiera lo haría", words::APOLOGY_ANYONE),
    ("cualquiera lo habría", words::APOLOGY_ANYONE),
    ("cualquiera lo hubiera", words::APOLOGY_ANYONE),
    ("cualquiera lo hubiese", words::APOLOGY_ANYONE),
    ("cualquiera en mi lugar", words::APOLOGY_ANYONE),
    ("cualquier persona habría", words::APOLOGY_ANYONE),
    ("cualquier persona lo habría", words::APOLOGY_ANYONE),
    // You always, you never, you too.
    ("tú siempre", words::APOLOGY_ALWAYS),
    ("siempre haces", words::APOLOGY_ALWAYS),
    ("tú nunca", words::APOLOGY_NEVER),
    ("nunca haces", words::APOLOGY_NEVER),
    ("nunca me escuchas", words::APOLOGY_NEVER),
    ("tú también", words::APOLOGY_YOU_TOO),
    ("tú tampoco", words::APOLOGY_YOU_TOO),
    ("y tú qué", words::APOLOGY_YOU_TOO),
    // Mistakes were made.
    ("se cometieron errores", words::APOLOGY_MISTAKES),
    ("se cometió un error", words::APOLOGY_MISTAKES),
    ("hubo errores", words::APOLOGY_MISTAKES),
    ("hubo un error", words::APOLOGY_MISTAKES),
    // It was no big deal; you're exaggerating.
    ("no fue para tanto", words::APOLOGY_NO_BIG_DEAL),
    ("no es para tanto", words::APOLOGY_NO_BIG_DEAL),
    ("no era para tanto", words::APOLOGY_NO_BIG_DEAL),
    ("tampoco fue para tanto", words::APOLOGY_NO_BIG_DEAL),
    ("tampoco es para tanto", words::APOLOGY_NO_BIG_DEAL),
    ("no fue gran cosa", words::APOLOGY_NO_BIG_DEAL),
    ("no es gran cosa", words::APOLOGY_NO_BIG_DEAL),
    ("exageras", words::APOLOGY_DOUBTING),
    ("estás exagerando", words::APOLOGY_DOUBTING),
    ("exageraste", words::APOLOGY_DOUBTING),
    ("eres muy sensible", words::APOLOGY_DOUBTING),
    ("eres demasiado sensible", words::APOLOGY_DOUBTING),
    // But.
    ("pero", words::APOLOGY_BUT),
    ("sin embargo", words::APOLOGY_BUT),
];

/// Spanish phrases that hold a flagged one but say the opposite (it was
/// not your fault): read past, never flagged.
const SPANISH_FINE: &[&str] = &[
    "no es por tu culpa",
    "no fue por tu culpa",
    "no fue culpa tuya",
    "no es culpa tuya",
];

/// The phrases of `lang`, and those it reads past.
fn phrases(lang: Lang) -> (&'static [(&'static str, Text)], &'static [&'static str]) {
    match lang {
        Lang::Es => (SPANISH, SPANISH_FINE),
        // English, and the test builds' pseudo-locale (English underneath).
        _ => (ENGLISH, &[]),
    }
}

/// The phrases the check looks for in the language shown, each with why
/// in that language. Made once per language for the page's life (a
/// language's words do not change once shown).
pub fn patterns() -> &'static [Pattern] {
    thread_local! {
        static MADE: RefCell<Vec<(Lang, &'static [Pattern])>> = const { RefCell::new(Vec::new()) };
    }
    let lang = msg::shown();
    MADE.with_borrow_mut(|made| {
        if let Some((_, patterns)) = made.iter().find(|(l, _)| *l == lang) {
            return *patterns;
        }
        let patterns: &'static [Pattern] = Box::leak(
            phrases(lang)
                .0
                .iter()
                .map(|&(phrase, why)| Pattern {
                    phrase,
                    why: t(why),
                })
                .collect::<Vec<_>>()
                .into_boxed_slice(),
        );
        made.push((lang, patterns));
        patterns
    })
}

/// A character as the check compares it: lowercase, without accents, with
/// straight apostrophes, and still one character, so offsets stay valid.
fn folded(c: char) -> char {
    match c {
        '\u{2019}' => '\'',
        'á' | 'à' | 'â' | 'ä' | 'Á' | 'À' | 'Â' | 'Ä' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => 'i',
        'ó' | 'ò' | 'ô' | 'ö' | 'Ó' | 'Ò' | 'Ô' | 'Ö' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'Ú' | 'Ù' | 'Û' | 'Ü' => 'u',
        'Ñ' => 'ñ',
        c => c.to_ascii_lowercase(),
    }
}

/// One place in the text worth a second look: `start..end` are byte offsets
/// into the text as given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flag {
    pub start: usize,
    pub end: usize,
    pub pattern: &'static Pattern,
}

/// Every flagged phrase in `text`, in order, never overlapping (a longer
/// phrase wins over a shorter one starting at the same place), in the
/// language shown. Matched as whole words, ignoring case, accents and curly
/// apostrophes.
pub fn check_wording(text: &str) -> Vec<Flag> {
    // Each phrase as compared; `None` for one read past without a flag.
    let wanted: Vec<(Option<&'static Pattern>, Vec<char>)> = patterns()
        .iter()
        .map(|pattern| (Some(pattern), pattern.phrase))
        .chain(phrases(msg::shown()).1.iter().map(|phrase| (None, *phrase)))
        .map(|(pattern, phrase)| (pattern, phrase.chars().map(folded).collect()))
        .collect();
    // Folded one char for one, keeping each char's byte offset, so offsets
    // stay valid for any text.
    let chars: Vec<(usize, char)> = text.char_indices().map(|(i, c)| (i, folded(c))).collect();
    let word_char = |c: char| c.is_alphanumeric() || c == '\'';
    let mut flags: Vec<Flag> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let at_word_start = i == 0 || !word_char(chars[i - 1].1);
        let found = at_word_start
            .then(|| {
                wanted
                    .iter()
                    .filter_map(|(pattern, phrase)| {
                        let end = i + phrase.len();
                        let matches = end <= chars.len()
                            && chars[i..end]
                                .iter()
                                .map(|(_, c)| *c)
                                .eq(phrase.iter().copied())
                            && chars.get(end).is_none_or(|(_, c)| !word_char(*c));
                        matches.then_some((*pattern, end))
                    })
                    .max_by_key(|(_, end)| *end)
            })
            .flatten();
        match found {
            Some((None, end)) => i = end,
            Some((Some(pattern), end)) => {
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// Shows Spanish on this test's thread until dropped.
    struct InSpanish;

    impl InSpanish {
        fn show() -> Self {
            msg::show_table(Lang::Es, Lang::Es.table());
            InSpanish
        }
    }

    impl Drop for InSpanish {
        fn drop(&mut self) {
            msg::show_table(Lang::En, &[]);
        }
    }

    fn flagged(text: &str) -> Vec<&str> {
        check_wording(text)
            .iter()
            .map(|f| &text[f.start..f.end])
            .collect()
    }

    #[test]
    fn in_spanish_excuses_and_blame_are_flagged_with_the_reason_in_spanish() {
        let _spanish = InSpanish::show();
        // Excuses.
        assert_eq!(flagged("Lo siento, pero estaba muy cansado."), ["pero"]);
        assert_eq!(flagged("Perdón si te molestó."), ["Perdón si"]);
        assert_eq!(flagged("Lo siento si te dolió."), ["Lo siento si"]);
        assert_eq!(
            flagged("Siento que te sientas así."),
            ["Siento que te sientas"]
        );
        assert_eq!(
            flagged("Lamento que te hayas sentido mal."),
            ["Lamento que te hayas sentido"]
        );
        assert_eq!(flagged("No fue para tanto."), ["No fue para tanto"]);
        assert_eq!(flagged("Sólo fue una vez."), ["Sólo fue"]);
        assert_eq!(flagged("Todo el mundo lo hace."), ["Todo el mundo lo hace"]);
        // Blame.
        assert_eq!(flagged("Lo hice por tu culpa."), ["por tu culpa"]);
        assert_eq!(flagged("Tú me provocaste."), ["me provocaste"]);
        assert_eq!(flagged("Tú también me mentiste."), ["Tú también"]);
        assert_eq!(
            flagged("Si no hubieras gritado, no me habría ido."),
            ["Si no hubieras"]
        );
        // Accents, capitals and curly apostrophes do not hide a phrase.
        assert_eq!(flagged("SI TU me hubieras dicho algo."), ["SI TU"]);
        assert_eq!(flagged("Perdon si te moleste."), ["Perdon si"]);

        let reasons: Vec<&str> = check_wording("Lo siento, pero fue por tu culpa.")
            .iter()
            .map(|f| f.pattern.why)
            .collect();
        assert_eq!(reasons, [t(words::APOLOGY_BUT), t(words::APOLOGY_BLAME),]);
        assert!(reasons[0].starts_with("Un «pero»"), "{reasons:?}");
    }

    #[test]
    fn in_spanish_a_sincere_apology_is_left_alone() {
        let _spanish = InSpanish::show();
        let apology = "Te mentí sobre dónde estaba el viernes, y sé que te hice daño. \
                       No fue por tu culpa: lo decidí yo. Voy a decirte la verdad \
                       desde ahora, y quiero saber qué necesitas de mí.";
        assert_eq!(flagged(apology), Vec::<&str>::new());
        for sentence in [
            "Leí tus mensajes sin preguntarte, y lo siento.",
            "Confiaste en mí y rompí esa confianza.",
            "No es culpa tuya. Es mía.",
            "Voy a llegar a las seis, y te aviso si eso cambia.",
        ] {
            assert_eq!(flagged(sentence), Vec::<&str>::new(), "{sentence}");
        }
    }

    #[test]
    fn english_phrases_are_looked_for_in_english_and_spanish_ones_in_spanish() {
        assert_eq!(
            flagged("Lo siento, pero estaba cansado."),
            Vec::<&str>::new()
        );
        assert_eq!(
            patterns().iter().find(|p| p.phrase == "but").map(|p| p.why),
            Some("A \"but\" tends to cancel what came before it. Try ending the sentence where the apology ends.")
        );
        let _spanish = InSpanish::show();
        assert_eq!(flagged("I'm sorry, but I was tired."), Vec::<&str>::new());
    }
}
