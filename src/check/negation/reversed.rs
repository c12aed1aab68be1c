//! « sans » + a determiner + a noun rendered "with": « sans l'aval du conseil » → "with
//! the approval of the board". The English says the opposite of the French, and the
//! clause-level negation check cannot see it: « sans » before a noun is no clause negation,
//! and the sentence may keep another negation ("never") that pairs with « ne … jamais ».

use crate::check::{Category, Finding, Pair, Severity, Tokens, Word};

pub const RULE: &str = "negation.reversed";

/// Words that open a French noun phrase after « sans ».
const FRENCH_DETERMINERS: &[&str] = &[
    "le", "la", "l'", "l’", "les", "un", "une", "son", "sa", "ses", "leur", "leurs", "ce", "cet",
    "cette", "ces", "notre", "nos", "votre", "vos", "mon", "ma", "mes",
];

/// Words that open an English noun phrase after "with".
const ENGLISH_DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "this", "that", "these", "those", "our",
    "your", "my",
];

/// English that renders « sans » before a noun: "without the approval", "no approval",
/// "lacking", "in the absence of", "free of".
const PRIVATIVES: &[&str] = &[
    "without",
    "no",
    "lack",
    "lacks",
    "lacked",
    "lacking",
    "absence",
    "free",
    "barring",
    "except",
    "excluding",
];

pub fn check(pair: &Pair, tokens: &Tokens) -> Option<Finding> {
    let french = words(&tokens.source);
    let english = words(&tokens.target);
    let sans: Vec<usize> = (0..french.len())
        .filter(|&k| french[k].folded == "sans" && followed_by(&french, k, FRENCH_DETERMINERS))
        .collect();
    let privatives = english
        .iter()
        .filter(|w| PRIVATIVES.contains(&w.folded.as_str()) || is_privative_form(&w.folded))
        .count();
    if sans.is_empty() || privatives >= sans.len() {
        return None;
    }
    let with: Vec<usize> = (0..english.len())
        .filter(|&k| english[k].folded == "with" && followed_by(&english, k, ENGLISH_DETERMINERS))
        .collect();
    let at = |k: usize, len: usize| k as f64 / len as f64;
    let (s, w) = sans
        .iter()
        .flat_map(|&s| with.iter().map(move |&w| (s, w)))
        .min_by(|a, b| {
            let gap = |(s, w): (usize, usize)| (at(s, french.len()) - at(w, english.len())).abs();
            gap(*a).total_cmp(&gap(*b))
        })?;
    if (at(s, french.len()) - at(w, english.len())).abs() > 0.25 {
        return None;
    }
    let (s, w) = (french[s], english[w]);
    Some(
        Finding::new(
            RULE,
            Category::Negation,
            Severity::Warning,
            Some(pair.source.span(s.start, s.end)),
            Some(pair.target.span(w.start, w.end)),
            format!(
                "« {} » means “without”, but the English has « {} »: the meaning is reversed",
                s.text, w.text
            ),
        )
        .suggest("without"),
    )
}

fn words<'w>(all: &'w [Word<'w>]) -> Vec<&'w Word<'w>> {
    all.iter().filter(|w| w.is_word()).collect()
}

fn followed_by(words: &[&Word], k: usize, determiners: &[&str]) -> bool {
    words
        .get(k + 1)
        .is_some_and(|w| determiners.contains(&w.folded.as_str()))
}

/// "non-profit", "unauthorised", "jobless": words that deny by their form.
fn is_privative_form(folded: &str) -> bool {
    folded.starts_with("non-") || folded.ends_with("less") && folded.len() >= 7
}

#[cfg(test)]
mod tests {
    fn flagged(fr: &str, en: &str) -> bool {
        crate::check::fires(super::RULE, fr, en)
    }

    #[test]
    fn sans_rendered_with_is_flagged() {
        assert!(flagged(
            "« Je n'ai jamais signé le moindre contrat sans l'aval du conseil », a-t-il dit.",
            "\"I never signed the slightest contract with the approval of the board,\" he said."
        ));
        // "bar" is a noun here, no "bar none".
        assert!(flagged(
            "« Je n'ai rien signé sans l'aval du conseil », a-t-il dit à la barre.",
            "\"I signed nothing with the approval of the board,\" he said at the bar."
        ));
        assert!(flagged(
            "Les soldats sont entrés dans le village sans leurs armes.",
            "The soldiers entered the village with their weapons."
        ));
    }

    #[test]
    fn sans_rendered_without_or_idioms_stay_silent() {
        for (fr, en) in [
            (
                "« Je n'ai jamais signé le moindre contrat sans l'aval du conseil », a-t-il dit.",
                "\"I never signed a single contract without the board's approval,\" he said.",
            ),
            (
                "Il a agi sans l'accord de son parti, avec le soutien de l'armée.",
                "He acted with no agreement from his party, with the support of the army.",
            ),
            // No determiner: an idiom or a bare noun, rendered many ways.
            (
                "Sans logement, il dort chez des amis avec sa famille.",
                "With nowhere to live, he sleeps at friends' homes with his family.",
            ),
            (
                "C'est sans doute la fin de la crise avec le Niger.",
                "This is probably the end of the crisis with Niger.",
            ),
        ] {
            assert!(!flagged(fr, en), "{en}");
        }
    }
}
