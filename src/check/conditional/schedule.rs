//! A plan seen from the past: in news French, « devait » + infinitive is mostly what was
//! planned or expected (« le ministre devait se rendre lundi à Niamey », "was due to
//! travel"), and machine translation renders it "had to", an obligation. The rule speaks
//! when the French dates the event (a weekday, a date, « dans la soirée », « initialement »)
//! or says it fell through (« mais … a été reporté »), and nothing in it makes an
//! obligation (a purpose, « chaque jour », « sous peine de », « faute de »).

use crate::check::{Category, Finding, Pair, Severity, Tokens, Word};

pub const RULE: &str = "mistranslation.plan-as-obligation";

/// Words that date an event or mark it as planned.
const SCHEDULE_CUES: &[&str] = &[
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
    "demain",
    "lendemain",
    "initialement",
    "prochaine",
    "prochain",
    "prochainement",
    "soiree",
    "matinee",
    "nuit",
    "suivante",
    "suivant",
    "prochains",
    "prochaines",
    "printemps",
    "automne",
    "hiver",
    "prevu",
    "prevue",
    "prevus",
    "prevues",
    // « à l'issue du conseil »: after an event.
    "issue",
    "annuler",
    "journee",
    "apres-midi",
    "reporte",
    "reportee",
    "reportes",
    "reportees",
    "annule",
    "annulee",
    "repousse",
    "repoussee",
    "ajourne",
    "ajournee",
    "differe",
    "differee",
    "retarde",
    "retardee",
    "retardes",
    "retardees",
];

/// Words that make « devait » an obligation or a constraint.
const OBLIGATION_CUES: &[&str] = &[
    "chaque",
    "quotidiennement",
    "peine",
    "faute",
    "force",
    "forces",
    "imperativement",
    "survivre",
    // An order, a demand or a rule: « en vertu de l'ultimatum », « sur ordre de ».
    "ultimatum",
    "vertu",
    "injonction",
    "sommation",
    "ordre",
    "ordres",
];

/// Beginnings of the words of constraint, in all their forms (« obligés »,
/// « obligatoire », « exigeaient », « ordonné », « contrainte »).
const OBLIGATION_STEMS: &[&str] = &["oblig", "contrain", "exig", "ordonn", "impos"];

pub fn plan_as_obligation(pair: &Pair, tokens: &Tokens) -> Option<Finding> {
    let french = &tokens.source;
    let devait = french
        .iter()
        .position(|w| matches!(w.folded.as_str(), "devait" | "devaient"))?;
    if !dates_a_plan(french) || makes_an_obligation(french, devait) {
        return None;
    }
    let english = &tokens.target;
    let had = english.windows(2).position(|p| {
        matches!(
            p[0].folded.as_str(),
            "had" | "needed" | "obliged" | "forced" | "required"
        ) && p[1].folded == "to"
    })?;
    if english
        .iter()
        .any(|w| super::ENGLISH_EXPECTATION.contains(&w.folded.as_str()))
    {
        return None;
    }
    let (fr, en) = (&french[devait], &english[had..had + 2]);
    Some(
        Finding::new(
            RULE,
            Category::Mistranslation,
            Severity::Warning,
            Some(pair.source.span(fr.start, fr.end)),
            Some(pair.target.span(en[0].start, en[1].end)),
            format!(
                "« {} » here is what was planned (the French dates the event); \"{} to\" makes it an obligation",
                fr.text, en[0].text
            ),
        )
        .suggest("was due to, was to, was scheduled to"),
    )
}

/// A cue of the list, or « fin » of a period (« à la fin de l'année », « fin mars »; not
/// « mettre fin à »).
fn dates_a_plan(french: &[Word]) -> bool {
    let end_of_period = |pair: &[Word]| {
        pair[0].folded == "fin"
            && (matches!(pair[1].folded.as_str(), "de" | "d'" | "d’" | "du")
                || SCHEDULE_CUES.contains(&pair[1].folded.as_str()))
    };
    french
        .iter()
        .any(|w| SCHEDULE_CUES.contains(&w.folded.as_str()))
        || french.windows(2).any(end_of_period)
}

/// A cue of obligation, or a purpose clause (« pour obtenir », « afin de ») before
/// « devait » that makes it what one had to do. A « mais » clause after « devait » tells
/// what became of the plan: its « faute de » is why it fell through, not a constraint.
fn makes_an_obligation(french: &[Word], devait: usize) -> bool {
    let fate = french[devait..]
        .iter()
        .position(|w| w.folded == "mais")
        .map_or(french.len(), |k| devait + k);
    let french = &french[..fate];
    let purpose = french[..devait]
        .iter()
        .any(|w| matches!(w.folded.as_str(), "pour" | "afin"));
    purpose
        || french.iter().enumerate().any(|(k, w)| {
            let word = w.folded.as_str();
            let agenda = word == "ordre" && french.get(k + 1).is_some_and(|n| n.folded == "du");
            OBLIGATION_CUES.contains(&word) && !agenda
                || OBLIGATION_STEMS.iter().any(|stem| word.starts_with(stem))
        })
}

#[cfg(test)]
mod tests {
    fn flagged(fr: &str, en: &str) -> bool {
        crate::check::fires(super::RULE, fr, en)
    }

    #[test]
    fn a_dated_plan_rendered_had_to_is_flagged() {
        assert!(flagged(
            "Le sommet devait s'ouvrir mardi à Abuja.",
            "The summit had to open in Abuja on Tuesday."
        ));
        assert!(flagged(
            "Le vol devait décoller le 4 mai, mais il a été annulé.",
            "The flight had to take off on May 4, but it was cancelled."
        ));
        // What stopped the plan is no constraint on it.
        assert!(flagged(
            "La route devait rouvrir en juin, mais les travaux ont été retardés faute de fonds.",
            "The road had to reopen in June, but the work was delayed for lack of funds."
        ));
    }

    #[test]
    fn an_obligation_an_undated_devait_or_a_kept_plan_stays_silent() {
        for (fr, en) in [
            (
                "Les réfugiés devaient chaque jour faire la queue mardi comme les autres jours.",
                "Every day the refugees had to queue, on Tuesday as on other days.",
            ),
            (
                "Faute de moyens, ils devaient marcher jusqu'à Gao lundi.",
                "For lack of means, they had to walk to Gao on Monday.",
            ),
            (
                "Il devait rembourser ses dettes.",
                "He had to pay back his debts.",
            ),
            (
                "Le sommet devait s'ouvrir mardi à Abuja.",
                "The summit was due to open in Abuja on Tuesday.",
            ),
        ] {
            assert!(!flagged(fr, en), "{en}");
        }
    }
}
