//! Oddities: word sequences that good English allows but seldom writes, such as a sentence
//! ending on a preposition ("the people he worked with.") or a comma before "of" ("Smith,
//! of London,"). One proves nothing; two in one sentence, or one in an English whose words
//! follow the French in little order, are what words in random order produce and careful
//! writing almost never does (none in 3,000 WMT news sentences).

use super::{
    class_of, is_one_of, lower, starts_lowercase, Break, Class, Word, INVERTED_SUBJECT_STARTS,
    NEVER_LAST, PARTICLES, SHARED_PREPOSITION_PARTNERS, STRANDING,
};
use crate::text::token::TokenKind;

/// Oddities in one sentence before it counts as scrambled.
pub(super) const ODDITIES_FOR_WARNING: usize = 2;

/// Modal verbs, which are also nouns ("the will", "a can"), so only a preposition before
/// one and a verb-like word after it make it odd ("with will see").
const MODALS: &[&str] = &["will", "can", "may", "might", "must", "shall"];

/// Words after ", of" that make it ordinary: "of which", "of whom", "of course".
const AFTER_COMMA_OF: &[&str] = &["which", "whom", "whose", "course"];

/// Every oddity of one English sentence (its tokens).
pub(super) fn sentence_oddities(tokens: &[Word], classes: &[Class]) -> Vec<Break> {
    let mut found = Vec::new();
    let mut stranding = false;
    for (i, pair) in tokens.windows(2).enumerate() {
        let (a, b) = (&pair[0], &pair[1]);
        stranding |= is_one_of(a, STRANDING);
        if !(i == 0 || may_open_oddity(a, classes[i])) {
            continue;
        }
        let after = tokens.get(i + 2);
        let odd = particle_before_auxiliary(a, b, stranding)
            || preposition_before_conjunction(a, b, after)
            || comma_before_of(a, b, after)
            || determiner_before_adverb(a, b, after, i + 3 == tokens.len())
            || preposition_before_modal(a, b, after)
            || (i == 0 && opening_word_coordinated(a, b, after));
        if odd {
            found.push(Break {
                start: a.start,
                end: b.end,
                what: format!("“{} {}”", a.text, b.text),
            });
        }
    }
    found.extend(odd_opening(tokens));
    found.extend(odd_ending(tokens, stranding));
    found
}

/// Whether a word can open one of the pairs below: most words cannot, and are passed
/// over at the cost of one look-up.
fn may_open_oddity(a: &Word, class: Class) -> bool {
    matches!(class, Class::Preposition | Class::Determiner)
        || a.text == ","
        || (class == Class::Other && is_one_of(a, PARTICLES))
}

/// "close on is": a particle before a verb, unless a clause opened before may have left it
/// there ("what he found out was").
fn particle_before_auxiliary(a: &Word, b: &Word, stranding: bool) -> bool {
    is_one_of(a, PARTICLES) && class_of(b) == Class::Auxiliary && !stranding
}

fn shares_preposition(word: &Word) -> bool {
    class_of(word) == Class::Preposition
        || is_one_of(word, PARTICLES)
        || is_one_of(word, SHARED_PREPOSITION_PARTNERS)
}

/// "in and tenants": a preposition or particle, a conjunction, then a word that is neither
/// another preposition ("to and from") nor a participle sharing it ("arriving at and
/// leaving", "blown up and burned"). Irregular verbs ("came in and sat") make it only odd.
fn preposition_before_conjunction(a: &Word, b: &Word, after: Option<&Word>) -> bool {
    let Some(next) = after.filter(|w| w.is_word()) else {
        return false;
    };
    let participle = next.folded.ends_with("ing") || next.folded.ends_with("ed");
    (class_of(a) == Class::Preposition || is_one_of(a, PARTICLES))
        && class_of(b) == Class::Conjunction
        && !shares_preposition(next)
        && !participle
}

/// ", of Michele": "of" right after a comma, outside "of which", "of course".
fn comma_before_of(a: &Word, b: &Word, after: Option<&Word>) -> bool {
    a.text == "," && lower(b) == "of" && !after.is_some_and(|w| is_one_of(w, AFTER_COMMA_OF))
}

/// "the simply.": a determiner, then an "-ly" word ending the sentence. Nouns in "-ly"
/// ("the family.") make it only odd.
fn determiner_before_adverb(a: &Word, b: &Word, after: Option<&Word>, last: bool) -> bool {
    class_of(a) == Class::Determiner
        && b.is_word()
        && starts_lowercase(b)
        && b.text.len() >= 5
        && b.folded.ends_with("ly")
        && last
        && after.is_some_and(|w| w.text == ".")
}

/// "with will see": a modal right after a preposition, followed by a word it could govern.
fn preposition_before_modal(a: &Word, b: &Word, after: Option<&Word>) -> bool {
    let governs = after.is_some_and(|w| {
        w.is_word()
            && starts_lowercase(w)
            && !matches!(
                class_of(w),
                Class::Preposition | Class::Conjunction | Class::Determiner
            )
    });
    class_of(a) == Class::Preposition
        && !is_one_of(a, PARTICLES)
        && starts_lowercase(b)
        && is_one_of(b, MODALS)
        && governs
}

/// "Keep and usually": the first word of a sentence coordinated with a lower-case word.
/// Common enough ("More and more", "Go and see") to be only odd.
fn opening_word_coordinated(a: &Word, b: &Word, after: Option<&Word>) -> bool {
    a.is_word()
        && a.is_capitalised()
        && class_of(b) == Class::Conjunction
        && after.is_some_and(|w| w.is_word() && starts_lowercase(w))
}

/// Auxiliaries that open questions, and statements only as fragments of lists ("Was
/// elected in 2013.") or imperatives ("Have a look.").
const FRAGMENT_OPENERS: &[&str] = &["is", "was", "has", "had", "have", "will"];

/// "Will or to encourage…": a statement opening on an auxiliary and a lower-case word that
/// cannot be its inverted subject.
fn odd_opening(tokens: &[Word]) -> Option<Break> {
    let (first, second) = (tokens.first()?, tokens.get(1)?);
    let statement = tokens.last().is_some_and(|t| t.text == ".");
    let subject = matches!(class_of(second), Class::Determiner | Class::Subject)
        || is_one_of(second, INVERTED_SUBJECT_STARTS);
    let odd = statement
        && is_one_of(first, FRAGMENT_OPENERS)
        && second.is_word()
        && starts_lowercase(second)
        && !subject;
    odd.then(|| Break {
        start: first.start,
        end: second.end,
        what: format!("opens on “{} {}”", first.text, second.text),
    })
}

/// A sentence ending on a preposition or an auxiliary ("traces with.", "exactly is."),
/// unless a clause that strands them opened before ("what it was.", "who they are.").
fn odd_ending(tokens: &[Word], stranding: bool) -> Option<Break> {
    let last = tokens
        .iter()
        .rev()
        .find(|t| t.kind != TokenKind::Punct || !super::is_closing(t.text))?;
    let dangling = (matches!(class_of(last), Class::Preposition | Class::Auxiliary)
        || matches!(lower(last), "have" | "be"))
        && !is_one_of(last, NEVER_LAST);
    (last.is_word() && dangling && !stranding).then(|| Break {
        start: last.start,
        end: last.end,
        what: format!("ends on “{}”", last.text),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::words;

    fn odd(sentence: &str) -> Vec<String> {
        let tokens = words(sentence);
        sentence_oddities(&tokens, &super::super::classes_of(&tokens))
            .into_iter()
            .map(|b| b.what)
            .collect()
    }

    #[test]
    fn good_english_has_no_oddity() {
        for sentence in [
            "All flights arriving at and leaving the airport were suspended.",
            "Traffic to and from the port, in and around the city, stopped.",
            "Buildings were blown up and burned during the raid.",
            "Most of them, of course, stayed in Bamako, of which they are fond.",
            "He cares for the elderly and the sick in the family home.",
            "The political will to act is there, and the army can help.",
            "What he found out was horrifying.",
            "Nobody knows who they are.",
            "The talks will resume in March.",
            "Gao and Timbuktu fell in 2012.",
        ] {
            assert_eq!(odd(sentence), Vec::<String>::new(), "{sentence}");
        }
    }

    #[test]
    fn a_particle_before_a_verb_is_odd_unless_a_clause_stranded_it() {
        assert_eq!(odd("The show close on is Jessica"), ["“on is”"]);
        assert_eq!(
            odd("What he found out was horrifying"),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_preposition_before_a_conjunction_and_a_noun_is_odd() {
        assert_eq!(odd("Each Airbnb in and tenants left"), ["“in and”"]);
        assert_eq!(odd("They came in and walked away"), Vec::<String>::new());
        assert_eq!(odd("Prices for and against rose"), Vec::<String>::new());
    }

    #[test]
    fn comma_before_of_is_odd_outside_set_phrases() {
        assert_eq!(odd("Representatives fourth, of Michele left"), ["“, of”"]);
        assert_eq!(odd("He left, of course"), Vec::<String>::new());
    }

    #[test]
    fn determiner_before_a_final_ly_word_is_odd() {
        assert_eq!(odd("Life singing the simply."), ["“the simply”"]);
        assert_eq!(odd("The simply stated rule holds."), Vec::<String>::new());
    }

    #[test]
    fn a_modal_after_a_preposition_is_odd() {
        assert_eq!(odd("Shy with will see them"), ["“with will”"]);
        assert_eq!(odd("It was against his will."), Vec::<String>::new());
    }

    #[test]
    fn a_sentence_ending_on_a_preposition_or_auxiliary_is_odd() {
        assert_eq!(odd("Recognized traces with."), ["ends on “with”"]);
        assert_eq!(odd("Pronounced exactly is."), ["ends on “is”"]);
        assert_eq!(odd("Her sound have."), ["ends on “have”"]);
        assert_eq!(
            odd("It is the club that he plays for."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn a_statement_opening_on_an_auxiliary_before_a_non_subject_is_odd() {
        assert_eq!(
            odd("Will or to encourage work."),
            ["“Will or”", "opens on “Will or”"]
        );
        assert_eq!(odd("Has anyone seen it."), Vec::<String>::new());
        assert_eq!(odd("Will Smith was there."), Vec::<String>::new());
        assert_eq!(odd("Is it true?"), Vec::<String>::new());
    }

    #[test]
    fn an_opening_word_coordinated_with_a_lower_case_word_is_odd() {
        assert_eq!(odd("Keep and usually in specials"), ["“Keep and”"]);
        assert_eq!(odd("Mali and Niger signed"), Vec::<String>::new());
    }
}
