//! A clause left out inside a sentence: « …, avant une médiation de Pékin » or « depuis
//! son arrivée au pouvoir » with no English at all, while the rest of the sentence is
//! translated word for word. The length check misses it (a clause is a small share of a
//! long sentence); the French words of the clause, none of them found in the English,
//! show it.

use crate::check::adequacy::{has_equivalent, is_content, Correspondence};
use crate::check::{Category, Finding, Pair, Severity, Tokens, Word};
use crate::text::lang::stop_words;
use crate::text::token::TokenKind;

pub const RULE: &str = "omission.clause";

/// Content words a clause needs before its silence in the English says anything.
const MIN_CLAUSE_WORDS: usize = 4;
/// Of those, words the English would show in any translation: a figure, a name, or a word
/// the core dictionary knows.
const MIN_ANCHORS: usize = 2;
/// The rest of the sentence must be translated closely: this share of its content words
/// found in the English, out of at least `MIN_REST_WORDS`.
const MIN_REST_SHARE: f64 = 0.6;
const MIN_REST_WORDS: usize = 6;

/// Words that open a clause of their own.
const CLAUSE_OPENERS: &[&str] = &[
    "qui", "dont", "avant", "depuis", "alors", "tandis", "lorsque", "quand", "afin", "mais", "car",
    "puisque", "bien", "malgre",
];

fn is_boundary(word: &Word) -> bool {
    word.kind == TokenKind::Punct
        && matches!(
            word.text,
            "," | ";" | ":" | "(" | ")" | "«" | "»" | "—" | "–" | "\"" | "." | "!" | "?"
        )
}

/// French clauses as token index ranges: runs between punctuation, cut again before a
/// word that opens a clause.
fn clauses(words: &[Word]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (k, w) in words.iter().enumerate() {
        let opener = w.kind == TokenKind::Word && CLAUSE_OPENERS.contains(&w.folded.as_str());
        if is_boundary(w) || (opener && k > start) {
            if k > start {
                out.push(start..k);
            }
            start = if is_boundary(w) { k + 1 } else { k };
        }
    }
    if start < words.len() {
        out.push(start..words.len());
    }
    out
}

pub fn check(pair: &Pair, tokens: &Tokens, correspondence: &Correspondence) -> Option<Finding> {
    // A clause of four words, none found, beside six found: at least ten content words.
    if correspondence.content < MIN_CLAUSE_WORDS + MIN_REST_WORDS
        || correspondence.matched.len() + MIN_CLAUSE_WORDS > correspondence.content
    {
        return None;
    }
    let words = &tokens.source;
    let stop = stop_words("fr");
    let matched: Vec<usize> = correspondence.matched.iter().map(|&(i, _)| i).collect();
    let content: Vec<usize> = (0..words.len())
        .filter(|&i| is_content(&words[i], stop))
        .collect();
    let lost = clauses(words).into_iter().find(|clause| {
        let inside: Vec<usize> = content
            .iter()
            .copied()
            .filter(|i| clause.contains(i))
            .collect();
        let rest = content.len() - inside.len();
        let rest_matched = || matched.iter().filter(|i| !clause.contains(i)).count();
        // Cheapest tests first: most clauses have a matched word.
        inside.len() >= MIN_CLAUSE_WORDS
            && rest >= MIN_REST_WORDS
            && !inside.iter().any(|i| matched.contains(i))
            && rest_matched() as f64 >= MIN_REST_SHARE * rest as f64
            && inside.iter().filter(|&&i| is_anchor(&words[i])).count() >= MIN_ANCHORS
    })?;
    let (start, end) = (words[lost.start].start, words[lost.end - 1].end);
    Some(Finding::new(
        RULE,
        Category::Omission,
        Severity::Info,
        Some(pair.source.span(start, end)),
        pair.target_if_single_sentence(),
        format!(
            "« {} » has no counterpart in the English, whose other words follow the French closely",
            &pair.source.text[start..end]
        ),
    ))
}

fn is_anchor(word: &Word) -> bool {
    word.kind == TokenKind::Number || word.is_capitalised() || has_equivalent(word)
}

#[cfg(test)]
mod tests {
    fn flagged(fr: &str, en: &str) -> bool {
        crate::check::fires(super::RULE, fr, en)
    }

    #[test]
    fn a_clause_with_no_english_in_a_closely_translated_sentence_is_noted() {
        let fr = "Le ministre de la Santé a annoncé mardi la fermeture de douze écoles à Gao, \
                  avant une visite du Premier ministre Choguel Maïga prévue en mars.";
        assert!(flagged(
            fr,
            "The health minister announced on Tuesday the closure of twelve schools in Gao."
        ));
        assert!(!flagged(
            fr,
            "The health minister announced on Tuesday the closure of twelve schools in Gao, \
             ahead of a visit by Prime Minister Choguel Maiga planned for March."
        ));
    }
}
