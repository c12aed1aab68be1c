//! Word order: English that no writer produces ("the of", "a would", "they the", "an
//! feel", a sentence ending on "the") betrays a scrambled or garbled translation, which
//! every check that compares words would pass as complete.
//!
//! The rules only look at closed-class words, whose grammar is fixed: a determiner opens a
//! noun phrase, a preposition needs an object, a subject pronoun is followed by its verb.
//! Good English breaks them almost never (2 of 1,500 WMT news references), so one broken
//! pair is enough to warn.

use super::adequacy::Correspondence;
use super::{Category, Finding, Pair, Severity, Tokens, Word};
use crate::text::token::TokenKind;
use std::sync::OnceLock;

const WORD_CLASSES: &str = include_str!("data/english-word-classes.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Determiner,
    Preposition,
    Conjunction,
    Auxiliary,
    Subject,
    Punctuation,
    Other,
}

/// Prepositions that double as adverb particles ("give in and", "up to"), so they may be
/// followed by what a preposition may not.
const PARTICLES: &[&str] = &[
    "in", "on", "out", "up", "down", "off", "over", "about", "through", "by",
];

/// Words that may follow a preposition directly: approximations ("of about 30") and a
/// passive agent after a stranded preposition ("paid for by").
const AFTER_PREPOSITION: &[&str] = &[
    "about", "over", "under", "around", "into", "through", "within", "between", "by",
];

/// Words that cannot follow a determiner: demonstratives, subordinators, pronouns and the
/// bare verb "be" ("the this", "a whether", "the them", "the be").
const NEVER_AFTER_DETERMINER: &[&str] = &[
    "this", "these", "those", "that", "whether", "because", "although", "unless", "whereas", "be",
    "him", "them", "me", "us", "it",
];

/// Object pronouns, which never directly follow a subject pronoun ("she it", "they them").
const OBJECT_PRONOUNS: &[&str] = &["him", "them", "me", "us", "it"];

/// Prepositions that may be stranded before a passive agent: "paid for by", "dealt with by".
const STRANDED_BEFORE_BY: &[&str] = &["for", "with", "to", "at", "on", "upon", "about"];

/// Words that are repeated on purpose ("he had had", "that that", "is is" in speech).
const REPEATABLE: &[&str] = &["had", "that", "is"];

/// Words a sentence cannot end on, beyond determiners, conjunctions and subject pronouns:
/// prepositions that are never stranded and modals that never stand alone.
const NEVER_LAST: &[&str] = &[
    "during", "between", "among", "into", "upon", "via", "despite", "towards", "would", "should",
    "could",
];

/// Endings of singular words that look plural ("a crisis", "a bus", "a series").
const SINGULAR_S_ENDINGS: &[&str] = &[
    "ss",
    "us",
    "is",
    "as",
    "os",
    "ics",
    "ies",
    "news",
    "means",
    "headquarters",
    "whereas",
    "crossroads",
];

/// foldhash: every English token of every pair is looked up.
fn classes() -> &'static foldhash::HashMap<&'static str, Class> {
    static CLASSES: OnceLock<foldhash::HashMap<&'static str, Class>> = OnceLock::new();
    CLASSES.get_or_init(|| {
        WORD_CLASSES
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .filter_map(|line| {
                let (word, class) = line.split_once('\t')?;
                Some((word.trim(), parse_class(class.trim())?))
            })
            .collect()
    })
}

fn parse_class(name: &str) -> Option<Class> {
    Some(match name {
        "determiner" => Class::Determiner,
        "preposition" => Class::Preposition,
        "conjunction" => Class::Conjunction,
        "auxiliary" => Class::Auxiliary,
        "subject" => Class::Subject,
        _ => return None,
    })
}

/// The word in lower case, when it can be an English closed-class word: those are all
/// ASCII, and folding would turn French "à" into the article "a".
fn lower<'w>(word: &'w Word) -> &'w str {
    if word.text.is_ascii() {
        &word.folded
    } else {
        ""
    }
}

fn class_of(word: &Word) -> Class {
    match word.kind {
        TokenKind::Punct => Class::Punctuation,
        TokenKind::Number => Class::Other,
        TokenKind::Word => classes().get(lower(word)).copied().unwrap_or(Class::Other),
    }
}

/// A place where the English breaks its own grammar: byte span in the side's text and a
/// short description of what is wrong.
#[derive(Debug, Clone, PartialEq)]
struct Break {
    pub start: usize,
    pub end: usize,
    pub what: String,
}

/// Punctuation a determiner may precede: an opening quote or bracket, a currency sign.
fn opens_noun_phrase(text: &str) -> bool {
    matches!(
        text,
        "\"" | "“" | "‘" | "'" | "«" | "(" | "[" | "$" | "€" | "£"
    )
}

fn starts_lowercase(word: &Word) -> bool {
    word.text.chars().next().is_some_and(char::is_lowercase)
}

fn is_one_of(word: &Word, list: &[&str]) -> bool {
    list.contains(&lower(word))
}

/// Words that open a clause whose preposition may be left stranded before a verb: "what
/// he is looking for is", "the one they spoke of was".
const STRANDING: &[&str] = &["what", "who", "whom", "which", "where", "that"];

/// The words around a pair: the one before `a`, the one after `b`, and whether a clause
/// that strands prepositions opened earlier in the sentence.
struct Context<'t, 'w> {
    before: Option<&'t Word<'w>>,
    after: Option<&'t Word<'w>>,
    stranding: bool,
}

/// Whether two adjacent words can follow each other in English.
fn broken_pair(context: &Context, a: &Word, b: &Word) -> bool {
    use Class::*;
    let (ca, cb) = (class_of(a), class_of(b));
    let after_auxiliary = context.before.is_some_and(|w| class_of(w) == Auxiliary);
    let at_least = lower(b) == "at" && context.after.is_some_and(|w| lower(w) == "least");
    match (ca, cb) {
        // A full stop after a determiner is reported as the sentence's ending.
        (Determiner, Punctuation) => !opens_noun_phrase(b.text) && !ends_sentence(b.text),
        (Determiner, Determiner | Preposition | Conjunction | Auxiliary | Subject) => true,
        // "arriving at and leaving": verbs may share an object, so a conjunction may follow.
        (Preposition, Auxiliary) => !is_one_of(a, PARTICLES) && !context.stranding,
        (Preposition, Preposition) => {
            let agent = lower(b) == "by" && is_one_of(a, STRANDED_BEFORE_BY);
            let allowed = lower(b) != "by" && is_one_of(b, AFTER_PREPOSITION);
            !is_one_of(a, PARTICLES) && !allowed && !agent && !at_least
        }
        // Lower case only: "the US" is a country.
        (Determiner, Other) => starts_lowercase(b) && is_one_of(b, NEVER_AFTER_DETERMINER),
        (Subject, Other) => {
            starts_lowercase(b) && is_one_of(b, OBJECT_PRONOUNS) && !after_auxiliary
        }
        // "Is he a professor?": an inverted question puts the subject before its object.
        (Subject, Determiner | Preposition) => !is_one_of(b, PARTICLES) && !after_auxiliary,
        (Subject, Subject) | (Conjunction, Conjunction) => true,
        _ => false,
    }
}

fn repeated(a: &Word, b: &Word) -> bool {
    a.is_word() && a.text == b.text && starts_lowercase(a) && !is_one_of(a, REPEATABLE)
}

/// "a" before a vowel, "an" before a consonant, or either before a plural.
fn article_disagrees(a: &Word, b: &Word) -> bool {
    if !b.is_word() || !b.text.chars().next().is_some_and(char::is_alphabetic) {
        return false;
    }
    let next = b.folded.as_str();
    let all_caps = !b.text.chars().any(char::is_lowercase);
    match lower(a) {
        "a" if next.starts_with(['a', 'e', 'i', 'o'])
            && !next.starts_with("one")
            && !next.starts_with("once")
            && !next.starts_with("eu")
            && !all_caps =>
        {
            true
        }
        "an" if !next.starts_with(['a', 'e', 'i', 'o', 'u', 'h']) && starts_lowercase(b) => true,
        _ => false,
    }
}

fn singular_before_plural(a: &Word, b: &Word) -> bool {
    matches!(lower(a), "a" | "an" | "every" | "each")
        && b.is_word()
        && starts_lowercase(b)
        && b.text.len() > 3
        && b.text.ends_with('s')
        && !b.text.contains(['\'', '’'])
        && !SINGULAR_S_ENDINGS.iter().any(|end| b.folded.ends_with(end))
}

fn cannot_end(word: &Word) -> bool {
    matches!(
        class_of(word),
        Class::Determiner | Class::Conjunction | Class::Subject
    ) || is_one_of(word, NEVER_LAST)
}

/// Every grammar break in one English sentence (its tokens).
fn sentence_breaks(tokens: &[Word]) -> Vec<Break> {
    let mut breaks = Vec::new();
    let mut stranding = false;
    for i in 0..tokens.len().saturating_sub(1) {
        let (a, b) = (&tokens[i], &tokens[i + 1]);
        stranding |= is_one_of(a, STRANDING);
        let context = Context {
            before: i.checked_sub(1).map(|j| &tokens[j]),
            after: tokens.get(i + 2),
            stranding,
        };
        let broken = broken_pair(&context, a, b)
            || repeated(a, b)
            || article_disagrees(a, b)
            || singular_before_plural(a, b);
        if broken {
            breaks.push(Break {
                start: a.start,
                end: b.end,
                what: format!("“{} {}”", a.text, b.text),
            });
        }
    }
    let last_word = tokens
        .iter()
        .rev()
        .find(|t| t.kind != TokenKind::Punct || !is_closing(t.text));
    if let Some(last) = last_word.filter(|w| w.is_word() && cannot_end(w)) {
        breaks.push(Break {
            start: last.start,
            end: last.end,
            what: format!("ends on “{}”", last.text),
        });
    }
    breaks
}

fn ends_sentence(text: &str) -> bool {
    matches!(text, "." | "!" | "?" | "…")
}

fn is_closing(text: &str) -> bool {
    matches!(
        text,
        "." | "!" | "?" | "…" | "\"" | "”" | "’" | "'" | "»" | ")" | "]" | ":" | ";" | ","
    )
}

/// Grammar breaks of every English sentence of a text, given its tokens and its sentences
/// as byte ranges; spans are offsets into the text.
fn breaks_in(tokens: &[Word], sentences: &[(usize, usize)]) -> Vec<Break> {
    sentences
        .iter()
        .flat_map(|&(start, end)| {
            let first = tokens.partition_point(|t| t.start < start);
            let last = tokens.partition_point(|t| t.start < end);
            sentence_breaks(&tokens[first..last])
        })
        .collect()
}

/// Matched words in reverse order for at least this share of all pairs and of
/// neighbouring pairs, over at least `MIN_ORDERED_WORDS` words, is scrambling. Translations
/// reorder locally (adjective and noun) or move a whole clause, which reverses many pairs
/// but few neighbours; shuffled words reverse both. Tuned on WMT14 references and DEMETR.
const SCRAMBLED_DISCORDANCE: f64 = 0.5;
const SCRAMBLED_NEIGHBOURS: f64 = 0.4;
const MIN_ORDERED_WORDS: usize = 7;

/// One warning per link whose English breaks English grammar, pointing at the first
/// break, or whose words follow the French in no order at all.
pub fn check(pair: &Pair, tokens: &Tokens, correspondence: &Correspondence) -> Option<Finding> {
    if pair.target.lang != "en" {
        return None;
    }
    let sentences: Vec<(usize, usize)> = pair
        .target
        .segments
        .iter()
        .map(|s| {
            (
                s.norm_start.saturating_sub(pair.target.offset),
                s.norm_end.saturating_sub(pair.target.offset),
            )
        })
        .collect();
    let found = breaks_in(&tokens.target, &sentences);
    let (target, reason) = match found.first() {
        Some(first) => {
            let listed: Vec<&str> = found.iter().map(|b| b.what.as_str()).collect();
            (
                pair.target.span(first.start, first.end),
                format!(
                    "the English breaks English word order ({})",
                    listed.join(", ")
                ),
            )
        }
        None if scrambled(correspondence) => (
            pair.target.whole(),
            format!(
                "the English has the French words in no order ({:.0} % of word pairs reversed)",
                100.0 * correspondence.discordance()
            ),
        ),
        None => return None,
    };
    Some(
        Finding::new(
            "mistranslation.word-order",
            Category::Mistranslation,
            Severity::Warning,
            Some(pair.source.whole()),
            Some(target),
            format!("{reason}: the sentence reads as scrambled or garbled"),
        )
        .suggest("retranslate the sentence from the French"),
    )
}

fn scrambled(correspondence: &Correspondence) -> bool {
    correspondence.matched.len() >= MIN_ORDERED_WORDS
        && correspondence.discordance() >= SCRAMBLED_DISCORDANCE
        && correspondence.neighbour_discordance() >= SCRAMBLED_NEIGHBOURS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::words;

    fn found(sentence: &str) -> Vec<String> {
        breaks_in(&words(sentence), &[(0, sentence.len())])
            .into_iter()
            .map(|b| b.what)
            .collect()
    }

    #[test]
    fn good_english_has_no_break() {
        for sentence in [
            "All flights arriving at and leaving the airport have been suspended.",
            "The caves have a diameter of at least 100 to 250 meters.",
            "Is he a professor in lecture halls and classrooms?",
            "The bill is paid for by taxpayers, at a cost of about $150 per student.",
            "He had had enough of a crisis that an hour of news could not end.",
            "It was a unique, one-off event for a European union of states.",
            "They read the \"white\" book (the [new] one) in Paris.",
            "What Pierre Nora is searching for is something else.",
            "The US and the EU paid for by the UN what the IMF asked for.",
        ] {
            assert_eq!(found(sentence), Vec::<String>::new(), "{sentence}");
        }
    }

    #[test]
    fn determiner_before_a_function_word_is_a_break() {
        assert_eq!(found("Crews put the the fire out."), ["“the the”"]);
        assert_eq!(found("Around from the is site."), ["“the is”"]);
        assert_eq!(found("Citizens to their of advice."), ["“their of”"]);
        assert_eq!(found("It is a good the this chance."), ["“the this”"]);
    }

    #[test]
    fn sentence_ending_on_a_determiner_or_conjunction_is_a_break() {
        assert_eq!(found("Several million vials of the."), ["ends on “the”"]);
        assert_eq!(found("Months of dark autumn and."), ["ends on “and”"]);
    }

    #[test]
    fn article_must_agree_with_the_next_sound_and_number() {
        assert_eq!(found("I feel an guilt today."), ["“an guilt”"]);
        assert_eq!(found("It was a elections year."), ["“a elections”"]);
        assert_eq!(found("It was an important year."), Vec::<String>::new());
        assert_eq!(found("He lives à Istanbul."), Vec::<String>::new());
    }

    fn scrambled_translation(fr: &str, en: &str) -> bool {
        let tokens = crate::check::Tokens {
            source: words(fr),
            target: words(en),
        };
        scrambled(&Correspondence::of(&tokens))
    }

    #[test]
    fn french_words_in_no_order_are_scrambling_but_a_moved_clause_is_not() {
        let fr = "Le gouvernement malien a annoncé mardi à Bamako une enquête sur la crise politique et les violences du mois dernier.";
        assert!(!scrambled_translation(
            fr,
            "The Malian government announced on Tuesday in Bamako an investigation into the political crisis and last month's violence."
        ));
        assert!(!scrambled_translation(
            fr,
            "On Tuesday in Bamako, the Malian government announced an investigation into the political crisis and into last month's violence."
        ));
        assert!(scrambled_translation(
            fr,
            "Crisis Bamako month violence government Tuesday political investigation Malian announced last."
        ));
    }

    #[test]
    fn subject_pronoun_before_a_determiner_is_a_break() {
        assert_eq!(found("Yesterday they the report read."), ["“they the”"]);
        assert_eq!(found("I I saw it."), ["“I I”"]);
    }
}
