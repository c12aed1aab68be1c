//! « ne … que » restricts: « la Guinée ne produit qu'environ 40 % de son électricité » is
//! "only about 40 %". English that drops the restriction states something else ("produces
//! about 40 %"), and the negation check cannot see it: « ne … que » is no negation.
//! A note, not a warning: English also restricts with idioms no list holds ("all it took
//! was", "a nominal $1", "has had its day"), which good translations use.

use crate::check::{Category, Finding, Pair, Severity, Tokens, Word};

pub const RULE: &str = "negation.restriction-dropped";

/// Words that make « ne … » a negation rather than a restriction.
const NEGATORS: &[&str] = &[
    "pas", "plus", "jamais", "rien", "personne", "aucun", "aucune", "guere", "ni", "nul", "nulle",
    "point",
];

/// English that renders the restriction, besides the words that render « ne … plus que »
/// (`RESTRICTIVE`): a negation ("no more than", "not until") or a scarce amount.
const ENGLISH_RESTRICTIVES: &[&str] = &[
    "mere", "sole", "nothing", "not", "no", "never", "barely", "hardly", "scarcely",
];

/// How far the « que » may follow the « ne »: « ne produit actuellement qu'environ ».
const WINDOW: usize = 4;

pub fn check(pair: &Pair, tokens: &Tokens) -> Option<Finding> {
    let french: Vec<&Word> = tokens.source.iter().filter(|w| w.is_word()).collect();
    let (ne, que) = restriction(&french)?;
    let rendered = tokens.target.iter().any(|w| {
        let word = w.folded.as_str();
        super::RESTRICTIVE.contains(&word)
            || ENGLISH_RESTRICTIVES.contains(&word)
            || word.ends_with("n't")
    });
    if rendered {
        return None;
    }
    let (ne, que) = (french[ne], french[que]);
    Some(
        Finding::new(
            RULE,
            Category::Negation,
            Severity::Info,
            Some(pair.source.span(ne.start, que.end)),
            pair.target_if_single_sentence(),
            format!(
                "« {} » restricts (“only”), but the English has no “only”",
                &pair.source.text[ne.start..que.end]
            ),
        )
        .suggest("only"),
    )
}

/// The byte span from « ne » to « que » of the first « ne … que » with no negator.
pub(crate) fn plain_restriction(tokens: &[Word]) -> Option<(usize, usize)> {
    let french: Vec<&Word> = tokens.iter().filter(|w| w.is_word()).collect();
    let (ne, que) = restriction(&french)?;
    Some((french[ne].start, french[que].end))
}

/// Words after which a « que » clause takes an expletive « ne »: « empêché que des avions
/// ne tombent », « avant qu'il ne parte », « de peur qu'ils ne fuient ».
const EXPLETIVE_NE_AFTER: &[&str] = &[
    "empech", "evit", "crain", "craign", "redout", "peur", "avant", "moins", "prevenir",
];

/// Whether the « ne » at `k` is expletive: it follows, within three words, a « que »
/// after a verb of fearing or preventing. (« assurant que les frappes n'avaient visé
/// que … » is a restriction.)
fn expletive(words: &[&Word], k: usize) -> bool {
    let start = k.saturating_sub(3);
    (start..k).any(|q| {
        matches!(words[q].folded.as_str(), "que" | "qu'" | "qu’")
            && q.checked_sub(1).is_some_and(|p| {
                EXPLETIVE_NE_AFTER
                    .iter()
                    .any(|stem| words[p].folded.starts_with(stem))
            })
    })
}

/// The first « ne … que » with no negator between them, as word indices.
fn restriction(words: &[&Word]) -> Option<(usize, usize)> {
    words.iter().enumerate().find_map(|(k, w)| {
        if !matches!(w.folded.as_str(), "ne" | "n'" | "n’") || expletive(words, k) {
            return None;
        }
        let window = &words[k + 1..(k + 1 + WINDOW).min(words.len())];
        let que = window
            .iter()
            .position(|n| matches!(n.folded.as_str(), "que" | "qu'" | "qu’"))?;
        let negated = window[..que]
            .iter()
            .any(|n| NEGATORS.contains(&n.folded.as_str()));
        (!negated).then_some((k, k + 1 + que))
    })
}

#[cfg(test)]
mod tests {
    fn flagged(fr: &str, en: &str) -> bool {
        crate::check::fires(super::RULE, fr, en)
    }

    #[test]
    fn a_dropped_restriction_is_flagged() {
        let fr = "La Guinée ne produit actuellement qu'environ 40 % de l'électricité dont elle a besoin.";
        assert!(flagged(
            fr,
            "Guinea currently produces about 40% of the electricity it needs."
        ));
        assert!(!flagged(
            fr,
            "Guinea currently produces only about 40% of the electricity it needs."
        ));
        assert!(!flagged(
            fr,
            "Guinea currently produces no more than 40% of the electricity it needs."
        ));
    }

    #[test]
    fn an_expletive_ne_is_no_restriction() {
        assert!(!flagged(
            "Nous avons empêché que des avions ne tombent, que des immeubles explosent.",
            "We prevented planes falling and buildings exploding."
        ));
    }

    #[test]
    fn a_negation_followed_by_a_clause_is_no_restriction() {
        assert!(!flagged(
            "Il ne pense pas que la crise soit finie.",
            "He thinks the crisis is over."
        ));
    }
}
