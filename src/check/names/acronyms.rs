//! An acronym the French introduces in parentheses, « Volontaires pour la défense de la
//! patrie (VDP) », that the English drops once it has rendered the name. Readers then meet
//! the acronym later in the copy with nothing to read it by. A note: English copy may
//! introduce the acronym in a later sentence.

use crate::check::{Category, Finding, Pair, Severity};
use crate::text::token::fold;

pub const RULE: &str = "name.acronym-dropped";

/// Whether `inside` (the text between parentheses) is an acronym: one word, two capitals
/// or more, and no more lower-case letters than capitals (FAMa yes, Mali no).
fn is_acronym(inside: &str) -> bool {
    let upper = inside.chars().filter(|c| c.is_uppercase()).count();
    let lower = inside.chars().filter(|c| c.is_lowercase()).count();
    !inside.is_empty()
        && inside.chars().all(|c| c.is_alphanumeric() || c == '-')
        && upper >= 2
        && lower <= upper
}

/// Byte spans and texts of the parenthesised acronyms of `text`.
fn parenthesised_acronyms(text: &str) -> Vec<(usize, usize, &str)> {
    text.match_indices('(')
        .filter_map(|(open, _)| {
            let close = open + text[open..].find(')')?;
            let inside = &text[open + 1..close];
            is_acronym(inside).then_some((open, close + 1, inside))
        })
        .collect()
}

/// `already`: the pair's other findings. An acronym the names check already reports
/// missing is not reported twice.
pub fn check(pair: &Pair, already: &[Finding]) -> Option<Finding> {
    let french = parenthesised_acronyms(pair.source.text);
    let (start, end, acronym) = *french.first()?;
    let span = pair.source.span(start, end);
    let reported = already.iter().any(|f| {
        f.source
            .as_ref()
            .is_some_and(|s| s.start < span.end && span.start < s.end)
    });
    if reported {
        return None;
    }
    // The English gives an acronym of its own in parentheses (CEDEAO → ECOWAS), or keeps
    // this one somewhere.
    let english = pair.target.text;
    let kept = || super::contains_phrase(&fold(english), &fold(acronym));
    if !parenthesised_acronyms(english).is_empty() || kept() {
        return None;
    }
    Some(
        Finding::new(
            RULE,
            Category::Name,
            Severity::Info,
            Some(span),
            pair.target_if_single_sentence(),
            format!("the French introduces the acronym « {acronym} »; the English drops it"),
        )
        .suggest(format!(
            "give the English acronym after the name ({acronym} in French)"
        )),
    )
}

#[cfg(test)]
mod tests {
    fn flagged(fr: &str, en: &str) -> bool {
        crate::check::fires(super::RULE, fr, en)
    }

    #[test]
    fn a_dropped_acronym_is_noted() {
        let fr = "Le pays recrute 30 000 Volontaires pour la défense de la patrie (VDP).";
        assert!(flagged(
            fr,
            "The country is recruiting 30,000 Volunteers for the Defence of the Homeland."
        ));
        assert!(!flagged(
            fr,
            "The country is recruiting 30,000 Volunteers for the Defence of the Homeland (VDP)."
        ));
        // An English acronym of its own.
        assert!(!flagged(
            "La Communauté économique des États de l'Afrique de l'Ouest (CEDEAO) a réagi.",
            "The Economic Community of West African States (ECOWAS) reacted."
        ));
    }

    #[test]
    fn a_place_in_parentheses_is_no_acronym() {
        assert!(!flagged(
            "Une attaque a visé Ménaka (Mali) lundi.",
            "An attack targeted Menaka on Monday."
        ));
        assert!(super::is_acronym("FAMa"));
        assert!(!super::is_acronym("Mali"));
    }
}
