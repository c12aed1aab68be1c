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

/// How far the « que » may follow the « ne »: « ne produit actuellement qu'environ »,
/// « n'a confirmé l'enlèvement que dimanche ».
const WINDOW: usize = 5;

pub fn check(pair: &Pair, tokens: &Tokens) -> Option<Finding> {
    let french: Vec<&Word> = tokens.source.iter().filter(|w| w.is_word()).collect();
    let (ne, que) = restriction(&french)?;
    if let Some(reversed) = not_only(pair, tokens, (french[ne], french[que])) {
        return Some(reversed);
    }
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

/// « ne vise qu'à » rendered "is not only aimed at": "not only" adds where the French
/// restricts. French that says "not only" itself (« non seulement », « pas seulement »)
/// is left alone.
fn not_only(pair: &Pair, tokens: &Tokens, (ne, que): (&Word, &Word)) -> Option<Finding> {
    let english: Vec<&Word> = tokens.target.iter().filter(|w| w.is_word()).collect();
    let not = english.windows(2).find(|p| {
        p[0].folded == "not" && matches!(p[1].folded.as_str(), "only" | "just" | "merely")
    })?;
    let french_not_only = tokens.source.windows(2).any(|p| {
        matches!(p[0].folded.as_str(), "non" | "pas")
            && matches!(
                p[1].folded.as_str(),
                "seulement" | "uniquement" | "que" | "qu'"
            )
    });
    if french_not_only {
        return None;
    }
    Some(
        Finding::new(
            "negation.restriction",
            Category::Negation,
            Severity::Error,
            Some(pair.source.span(ne.start, que.end)),
            Some(pair.target.span(not[0].start, not[1].end)),
            format!(
                "« {} » restricts (only); “{} {}” says there is more",
                &pair.source.text[ne.start..que.end],
                not[0].text,
                not[1].text
            ),
        )
        .suggest("only, solely"),
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
    fn not_only_for_a_restriction_is_flagged() {
        let fr =
            "Pour ses détracteurs, cette réforme ne vise qu'à lui permettre de rester au pouvoir.";
        let rules = |en: &str| crate::check::family_rules_on("negation.", fr, en);
        assert_eq!(
            rules("Critics say the reform is not only aimed at keeping him in power."),
            ["negation.restriction"]
        );
        assert!(
            rules("Critics say the reform is aimed solely at keeping him in power.").is_empty()
        );
        assert!(crate::check::family_rules_on(
            "negation.",
            "La réforme ne vise pas seulement à le maintenir au pouvoir.",
            "The reform is not only aimed at keeping him in power."
        )
        .is_empty());
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
