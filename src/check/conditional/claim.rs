//! A claim reported with its verb: « la junte affirme avoir déjoué trois complots » is what
//! the junta says, "says it has foiled three plots". English that drops the verb ("has
//! foiled three plots") states the claim as fact. A note, like the conditional's: the
//! attribution may live in a neighbouring sentence.

use crate::check::{Category, Finding, Pair, Severity, Tokens, Word};

/// French verbs that report a claim when a past infinitive follows (« affirme avoir »),
/// folded, with their participles (« affirmant n'avoir jamais »).
const CLAIM_VERBS: &[&str] = &[
    "affirme",
    "affirment",
    "affirmait",
    "affirmaient",
    "affirmant",
    "assure",
    "assurent",
    "assurait",
    "assuraient",
    "assurant",
    "pretend",
    "pretendent",
    "pretendait",
    "pretendaient",
    "pretendant",
    "dit",
    "disent",
    "disait",
    "disaient",
    "disant",
    "declare",
    "declarent",
    "declarait",
    "declaraient",
    "declarant",
    "revendique",
    "revendiquent",
    "soutient",
    "soutiennent",
    "soutenait",
    "soutenant",
    "estime",
    "estiment",
    "jure",
    "jurent",
];

/// English stems that keep the claim a claim.
const ENGLISH_REPORTING: &[&str] = &[
    "say", "said", "claim", "assert", "insist", "maintain", "state", "declar", "contend", "report",
    "accord", "announc", "believ", "told", "tell", "boast", "argu", "alleg", "affirm", "assur",
    "swor", "swear", "vow", "deni", "deny", "pretend", "purport", "think", "consider", "feel",
    "felt",
];

/// The claim verb of the first « affirme avoir », « assure être », « affirmant n'avoir ».
fn claim_verb<'a>(french: &[&'a Word<'a>]) -> Option<&'a Word<'a>> {
    french.windows(3).find_map(|w| {
        let infinitive = |x: &Word| matches!(x.folded.as_str(), "avoir" | "etre");
        let negated = matches!(w[1].folded.as_str(), "n'" | "n’" | "ne") && infinitive(w[2]);
        let claims = CLAIM_VERBS.contains(&w[0].folded.as_str()) && (infinitive(w[1]) || negated);
        claims.then_some(w[0])
    })
}

fn keeps_the_claim(english: &[Word]) -> bool {
    english
        .iter()
        .any(|w| ENGLISH_REPORTING.iter().any(|s| w.folded.starts_with(s)))
}

pub fn claimed_as_fact(pair: &Pair, tokens: &Tokens) -> Option<Finding> {
    let french: Vec<&Word> = tokens.source.iter().filter(|w| w.is_word()).collect();
    let verb = claim_verb(&french)?;
    if keeps_the_claim(&tokens.target) {
        return None;
    }
    Some(
        Finding::new(
            super::RULE_AS_FACT,
            Category::Mistranslation,
            Severity::Info,
            Some(pair.source.span(verb.start, verb.end)),
            pair.target_if_single_sentence(),
            format!(
                "« {} » reports a claim; the English states it as fact",
                verb.text
            ),
        )
        .suggest("says it has …, claims to have …"),
    )
}

#[cfg(test)]
mod tests {
    fn flagged(fr: &str, en: &str) -> bool {
        crate::check::fires(super::super::RULE_AS_FACT, fr, en)
    }

    #[test]
    fn a_claim_stated_as_fact_is_noted() {
        let fr = "La junte affirme avoir déjoué plusieurs tentatives de putsch.";
        assert!(flagged(fr, "The junta has foiled several coup attempts."));
        assert!(!flagged(
            fr,
            "The junta says it has foiled several coup attempts."
        ));
        assert!(!flagged(
            fr,
            "The junta claims to have foiled several coup attempts."
        ));
    }

    #[test]
    fn a_denial_keeps_its_verb() {
        let fr = "Il a nié les faits, affirmant n'avoir jamais participé à une réunion.";
        assert!(!flagged(
            fr,
            "He denied the charges, saying he had never attended a meeting."
        ));
        assert!(flagged(
            fr,
            "He rejected the charges: he never attended a meeting."
        ));
    }

    #[test]
    fn a_verb_without_a_past_infinitive_reports_nothing() {
        assert!(!flagged(
            "Le ministre affirme que la situation est sous contrôle.",
            "The situation is under control."
        ));
        assert!(flagged(
            "Il dit être prêt au dialogue.",
            "He is ready for dialogue."
        ));
    }
}
