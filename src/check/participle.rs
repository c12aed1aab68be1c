//! A French participle after its noun kept in place: « un document authentifié rapporte »
//! rendered "a document authenticated reports". French puts a participle used as an
//! adjective after the noun; English puts a bare one before it ("an authenticated
//! document reports"). Left after the noun and followed by the main verb, it reads as the
//! verb of the sentence, and the real verb as a noun.

use super::adequacy::{is_content, Correspondence};
use super::{Category, Finding, Pair, Severity, Tokens, Word};
use crate::text::lang::stop_words;
use crate::text::token::TokenKind;

/// A word-order error, like the other orders English does not allow (`word_order`).
pub const RULE: &str = "mistranslation.participle-after-noun";

/// French words before a participle that make it a verb form, not an adjective: the
/// auxiliaries of compound tenses and the passive (« a été publié »).
const FRENCH_AUXILIARIES: &[&str] = &[
    "a", "ai", "as", "avons", "avez", "ont", "avait", "avaient", "aura", "auront", "aurait",
    "auraient", "ayant", "eu", "est", "sont", "etait", "etaient", "ete", "sera", "seront",
    "serait", "seraient", "soit", "soient", "fut", "furent", "etant", "etre", "avoir",
];

pub fn check(pair: &Pair, tokens: &Tokens, correspondence: &Correspondence) -> Option<Finding> {
    let english_of = |i: usize| {
        correspondence
            .matched
            .iter()
            .find(|&&(f, _)| f == i)
            .map(|&(_, e)| e)
    };
    let (french, english) = (&tokens.source, &tokens.target);
    for i in 1..french.len().saturating_sub(1) {
        if !is_present_verb(&french[i + 1]) || !is_adjectival_participle(&french[i - 1], &french[i])
        {
            continue;
        }
        let (Some(j), Some(verb)) = (english_of(i), english_of(i + 1)) else {
            continue;
        };
        if j == 0 || verb != j + 1 || !kept_after_noun(&english[j - 1], &english[j]) {
            continue;
        }
        if english[verb].is_capitalised() || english[verb].folded.ends_with("ly") {
            continue;
        }
        return Some(finding(pair, tokens, i, j));
    }
    None
}

/// A French participle (« authentifié », « publiée ») right after a noun or adjective.
fn is_adjectival_participle(before: &Word, word: &Word) -> bool {
    is_participle_form(word.text)
        && word.text.chars().count() >= 5
        && before.kind == TokenKind::Word
        && !FRENCH_AUXILIARIES.contains(&before.folded.as_str())
        && is_content(before, stop_words("fr"))
}

/// « -é », « -ée », « -és » or « -ées ».
fn is_participle_form(text: &str) -> bool {
    let stem = text.strip_suffix('s').unwrap_or(text);
    stem.strip_suffix('e').unwrap_or(stem).ends_with('é')
}

/// A French word that can be a present-tense verb in the third person (« rapporte »,
/// « prévoit », « prend », « indiquent »), and is neither a participle, an adverb in
/// « -ment » nor a name.
fn is_present_verb(word: &Word) -> bool {
    let folded = &word.folded;
    word.kind == TokenKind::Word
        && (folded.ends_with('e') || folded.ends_with('t') || folded.ends_with('d'))
        && !folded.ends_with("ment")
        && !word.is_capitalised()
        && !is_participle_form(word.text)
}

/// An English "-ed" word right after a noun, not after an auxiliary or adverb ("document
/// authenticated", not "was authenticated" or "newly authenticated").
fn kept_after_noun(before: &Word, participle: &Word) -> bool {
    participle.folded.ends_with("ed")
        && before.kind == TokenKind::Word
        && !before.folded.ends_with("ly")
        && is_content(before, stop_words("en"))
}

fn finding(pair: &Pair, tokens: &Tokens, i: usize, j: usize) -> Finding {
    let (french, english) = (&tokens.source, &tokens.target);
    let source = pair.source.span(french[i - 1].start, french[i + 1].end);
    let target = pair.target.span(english[j - 1].start, english[j + 1].end);
    Finding::new(
        RULE,
        Category::Mistranslation,
        Severity::Warning,
        Some(source),
        Some(target),
        format!(
            "the participle « {} » stays after its noun as in French: \"{} {}\" reads as if \"{}\" were the verb",
            french[i].text, english[j - 1].text, english[j].text, english[j].text
        ),
    )
    .suggest(format!(
        "put the participle before the noun: \"{} {} {}\"",
        english[j].text, english[j - 1].text, english[j + 1].text
    ))
}

#[cfg(test)]
mod tests {
    use crate::check::rules_on as rules;

    #[test]
    fn a_participle_left_before_the_main_verb_is_flagged() {
        let found = rules(
            "Le rapport publié indique que trois soldats sont morts.",
            "The report published indicates that three soldiers died.",
        );
        assert!(found.iter().any(|r| r == super::RULE), "{found:?}");
    }

    #[test]
    fn good_orders_and_verb_forms_stay_silent() {
        for (fr, en) in [
            (
                "Le rapport publié indique que trois soldats sont morts.",
                "The published report indicates that three soldiers died.",
            ),
            (
                "Le texte a été adopté samedi.",
                "The text was adopted on Saturday.",
            ),
            (
                "L'accord signé dimanche prévoit un cessez-le-feu.",
                "The agreement signed Sunday provides for a ceasefire.",
            ),
        ] {
            let found = rules(fr, en);
            assert!(!found.iter().any(|r| r == super::RULE), "{en}: {found:?}");
        }
    }
}
