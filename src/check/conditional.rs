//! The conditional of reported information: French news writes what it has not confirmed
//! in the conditional and names its source (« une part de la production serait exportée
//! en contrebande, selon un rapport »). English states it with the attribution ("is
//! smuggled out, according to a report") or adds "reportedly". Rendered "would be
//! smuggled", it becomes a hypothesis.

use super::{Category, Finding, Pair, Severity, Tokens, Word};

mod claim;

pub const RULE: &str = "mistranslation.reported-conditional";

const CONDITIONAL_AUXILIARIES: &[&str] = &["serait", "seraient", "aurait", "auraient"];

/// Words that may stand between the auxiliary and its participle (« aurait déjà été tué »).
const BETWEEN: &[&str] = &[
    "deja",
    "ete",
    "bien",
    "egalement",
    "aussi",
    "meme",
    "pas",
    "plus",
    "jamais",
    "en",
    "realite",
    "effet",
    "notamment",
    "toutefois",
    "cependant",
    "finalement",
    "ainsi",
    "encore",
];

/// Conditionals of modal verbs: their own rules (`possibility_as_certainty`,
/// `expectation_as_obligation`), or no report at all.
const MODAL_CONDITIONALS: &[&str] = &[
    "pourrait",
    "pourraient",
    "devrait",
    "devraient",
    "voudrait",
    "voudraient",
    "faudrait",
    "saurait",
    "sauraient",
    "vaudrait",
];

/// A verb in the conditional by itself (« représenterait », « s'élèveraient »): reported
/// information with no auxiliary. Nouns in -trait (portrait, retrait) are no verbs.
fn is_plain_conditional(folded: &str) -> bool {
    let verb = folded.rsplit(['\'', '’']).next().unwrap_or(folded);
    (verb.ends_with("raient") || verb.ends_with("rait") && !verb.ends_with("trait"))
        && verb.chars().count() >= 7
        && !MODAL_CONDITIONALS.contains(&verb)
}

/// Endings of French past participles (« exportée », « pris », « détenu »).
const PARTICIPLE_ENDINGS: &[&str] = &[
    "é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "it", "ite", "its",
    "ites",
];

/// Adjectives that report a stance or a state after « serait » (« plusieurs ministres
/// seraient favorables à un compromis »), where the conditional is hearsay, not opinion.
const REPORTED_PREDICATES: &[&str] = &[
    "favorable",
    "favorables",
    "hostile",
    "hostiles",
    "pret",
    "prets",
    "prete",
    "pretes",
    "present",
    "presents",
    "presente",
    "presentes",
    "responsable",
    "responsables",
    "malade",
    "malades",
    "vivant",
    "vivants",
    "vivante",
    "vivantes",
    "enceinte",
    "proche",
    "proches",
    "en",
    "a",
    "au",
    "aux",
    "sur",
    "parmi",
];

/// How French names the source of what it reports (and « d'après »).
const ATTRIBUTIONS: &[&str] = &["selon", "source", "sources", "rapporte", "rapportent"];

/// English that keeps the information reported: the right renderings.
const ENGLISH_HEDGES: &[&str] = &[
    "reportedly",
    "allegedly",
    "apparently",
    "supposedly",
    "believed",
    "thought",
    "suspected",
    "may",
    "might",
    "could",
    "likely",
];

/// Reported information stated as fact: no "would", no hedge. Only a note: the attribution
/// English keeps ("according to a union") carries part of what the conditional says.
pub const RULE_AS_FACT: &str = "mistranslation.reported-as-fact";

/// « pourrait » (could, may) rendered "will": a possibility stated as a certainty.
pub const RULE_CERTAINTY: &str = "mistranslation.possibility-as-certainty";

pub fn check(pair: &Pair, tokens: &Tokens) -> Vec<Finding> {
    let reported = reported_conditional(&tokens.source);
    // "would be worth $245 million" fairly renders « représenterait »: an estimate is
    // hypothetical. "would" turns a reported fact into a hypothesis only after an
    // auxiliary (« aurait été tué » → "would have been killed").
    let auxiliary = |k: usize| CONDITIONAL_AUXILIARIES.contains(&tokens.source[k].folded.as_str());
    let hypothesis = reported
        .filter(|&k| auxiliary(k))
        .and_then(|k| rendered_as_hypothesis(pair, tokens, k));
    let fact = match (reported, &hypothesis) {
        (Some(k), None) => stated_as_fact(pair, tokens, k),
        (None, _) => claim::claimed_as_fact(pair, tokens),
        _ => None,
    };
    hypothesis
        .into_iter()
        .chain(fact)
        .chain(possibility_as_certainty(pair, tokens))
        .chain(expectation_as_obligation(pair, tokens))
        .collect()
}

fn is_hedged(english: &[Word]) -> bool {
    english
        .iter()
        .any(|w| ENGLISH_HEDGES.contains(&w.folded.as_str()) || w.folded == "if")
}

/// Whether the English keeps the doubt of a reported fact: a reporting word ("reportedly",
/// "believed"), or a modal of the fact itself ("may have been destroyed"). A modal of
/// another clause ("which could send prices soaring") keeps nothing.
fn keeps_the_doubt(english: &[Word]) -> bool {
    let words: Vec<&Word> = english.iter().filter(|w| w.is_word()).collect();
    words.iter().enumerate().any(|(k, w)| {
        let word = w.folded.as_str();
        let modal = matches!(word, "may" | "might" | "could" | "would");
        if modal {
            words
                .get(k + 1)
                .is_some_and(|n| matches!(n.folded.as_str(), "be" | "have" | "well"))
        } else {
            ENGLISH_HEDGES.contains(&word) || word == "if"
        }
    })
}

fn stated_as_fact(pair: &Pair, tokens: &Tokens, auxiliary: usize) -> Option<Finding> {
    let english = &tokens.target;
    if keeps_the_doubt(english) {
        return None;
    }
    let fr = &tokens.source[auxiliary];
    Some(
        Finding::new(
            RULE_AS_FACT,
            Category::Mistranslation,
            Severity::Info,
            Some(pair.source.span(fr.start, fr.end)),
            pair.target_if_single_sentence(),
            format!(
                "« {} » keeps its distance from what it reports; the English states it as fact",
                fr.text
            ),
        )
        .suggest("add \"reportedly\" or \"allegedly\""),
    )
}

/// French conditionals of « pouvoir »: a possibility. (« devrait », an expectation, is
/// left out here: good translations render it "will" as often as "should" or "is expected
/// to". Only "must" misrenders it: `expectation_as_obligation`.)
const POSSIBILITY: &[&str] = &["pourrait", "pourraient"];

/// English that keeps the possibility.
const ENGLISH_POSSIBILITY: &[&str] = &[
    "could",
    "may",
    "might",
    "possibly",
    "possible",
    "potentially",
    "likely",
    "risk",
    "risks",
    "able",
    "chance",
    "perhaps",
    "maybe",
    "threaten",
    "threatens",
    "threatened",
    "can",
    "if",
    "would",
    "unless",
    "should",
    "expected",
    "expects",
    "due",
    "set",
    "supposed",
    "probably",
    "scheduled",
    "planned",
    "ought",
    "must",
];

fn possibility_as_certainty(pair: &Pair, tokens: &Tokens) -> Option<Finding> {
    let fr = tokens
        .source
        .iter()
        .find(|w| POSSIBILITY.contains(&w.folded.as_str()))?;
    let english = &tokens.target;
    let will = english
        .iter()
        .find(|w| matches!(w.folded.as_str(), "will" | "'ll" | "’ll" | "shall"))?;
    if english
        .iter()
        .any(|w| ENGLISH_POSSIBILITY.contains(&w.folded.as_str()))
    {
        return None;
    }
    Some(
        Finding::new(
            RULE_CERTAINTY,
            Category::Mistranslation,
            Severity::Warning,
            Some(pair.source.span(fr.start, fr.end)),
            Some(pair.target.span(will.start, will.end)),
            format!(
                "« {} » is a possibility (could, may); « {} » makes it a certainty",
                fr.text, will.text
            ),
        )
        .suggest("could, may"),
    )
}

/// « devrait » (should, is expected to) rendered "must": an expectation made an obligation.
pub const RULE_OBLIGATION: &str = "mistranslation.expectation-as-obligation";

/// English that keeps the expectation of « devrait ».
const ENGLISH_EXPECTATION: &[&str] = &[
    "should",
    "expected",
    "expects",
    "expect",
    "likely",
    "due",
    "set",
    "supposed",
    "ought",
    "would",
    "probably",
    "scheduled",
    "planned",
    "bound",
];

fn expectation_as_obligation(pair: &Pair, tokens: &Tokens) -> Option<Finding> {
    let fr = tokens
        .source
        .iter()
        .find(|w| matches!(w.folded.as_str(), "devrait" | "devraient"))?;
    let english = &tokens.target;
    let must = english.iter().find(|w| w.folded == "must")?;
    if english
        .iter()
        .any(|w| ENGLISH_EXPECTATION.contains(&w.folded.as_str()))
    {
        return None;
    }
    Some(
        Finding::new(
            RULE_OBLIGATION,
            Category::Mistranslation,
            Severity::Warning,
            Some(pair.source.span(fr.start, fr.end)),
            Some(pair.target.span(must.start, must.end)),
            format!(
                "« {} » is an expectation (should, is expected to); « {} » makes it an obligation",
                fr.text, must.text
            ),
        )
        .suggest("should, is expected to"),
    )
}

fn rendered_as_hypothesis(pair: &Pair, tokens: &Tokens, auxiliary: usize) -> Option<Finding> {
    let english = &tokens.target;
    let would = english.iter().position(|w| w.folded == "would")?;
    let french = &tokens.source;
    let hypothesis = english[would + 1..]
        .iter()
        .take(2)
        .any(|w| matches!(w.folded.as_str(), "be" | "have"));
    if !hypothesis || is_hedged(english) {
        return None;
    }
    let (fr, en) = (&french[auxiliary], &english[would]);
    Some(
        Finding::new(
            RULE,
            Category::Mistranslation,
            Severity::Warning,
            Some(pair.source.span(fr.start, fr.end)),
            Some(pair.target.span(en.start, en.end)),
            format!(
                "« {} » reports unconfirmed information, with its source; \"would\" makes it a hypothesis",
                fr.text
            ),
        )
        .suggest("state it with the attribution (\"is …, according to\"), or add \"reportedly\""),
    )
}

/// The auxiliary of a conditional past or passive in a sentence that names its source and
/// states no condition (« si »).
fn reported_conditional(words: &[Word]) -> Option<usize> {
    fn folded<'w>(w: &'w Word) -> &'w str {
        w.folded.as_str()
    }
    let conditioned = words
        .iter()
        .any(|w| matches!(folded(w), "si" | "s'il" | "s'ils" | "s’il" | "s’ils"));
    let attributed = words.iter().enumerate().any(|(k, w)| {
        ATTRIBUTIONS.contains(&folded(w))
            || (folded(w) == "apres" && k > 0 && matches!(folded(&words[k - 1]), "d'" | "d’"))
    });
    if conditioned || !attributed {
        return None;
    }
    words.iter().enumerate().find_map(|(k, w)| {
        if is_plain_conditional(folded(w)) && !CONDITIONAL_AUXILIARIES.contains(&folded(w)) {
            return Some(k);
        }
        if !CONDITIONAL_AUXILIARIES.contains(&folded(w)) {
            return None;
        }
        let participle = words[k + 1..]
            .iter()
            .filter(|w| w.is_word())
            .find(|w| !BETWEEN.contains(&folded(w)))?;
        let text = participle.text.to_lowercase();
        let predicate = matches!(folded(w), "serait" | "seraient")
            && REPORTED_PREDICATES.contains(&folded(participle));
        (predicate
            || PARTICIPLE_ENDINGS
                .iter()
                .any(|end| text.ends_with(end) && text.chars().count() > end.chars().count()))
        .then_some(k)
    })
}

#[cfg(test)]
mod tests {
    fn flagged(fr: &str, en: &str) -> bool {
        crate::check::fires(super::RULE, fr, en)
    }

    #[test]
    fn reported_information_rendered_as_a_hypothesis_is_flagged() {
        assert!(flagged(
            "Une part importante de la production serait exportée en contrebande vers le Togo, selon un rapport.",
            "A significant share of output would be smuggled out to Togo, according to a report."
        ));
        assert!(flagged(
            "Le chef jihadiste aurait été tué lors de la frappe, selon des sources locales.",
            "The jihadist leader would have been killed in the strike, according to local sources."
        ));
    }

    #[test]
    fn reported_information_kept_and_real_conditions_stay_silent() {
        for (fr, en) in [
            (
                "Une part importante de la production serait exportée en contrebande vers le Togo, selon un rapport.",
                "A significant share of output is smuggled out to Togo, according to a report.",
            ),
            (
                "Le chef jihadiste aurait été tué lors de la frappe, selon des sources locales.",
                "The jihadist leader was reportedly killed in the strike, local sources said.",
            ),
            // A condition: "would" is right.
            (
                "Si l'accord était signé, le pays serait libéré de ses dettes, selon le ministre.",
                "If the deal were signed, the country would be freed of its debts, the minister said.",
            ),
            // No source named: an ordinary conditional.
            (
                "Ce serait une erreur historique.",
                "It would be a historic mistake.",
            ),
        ] {
            assert!(!flagged(fr, en), "{en}");
        }
    }

    #[test]
    fn reported_information_stated_as_fact_is_noted() {
        let fr = "Plusieurs chauffeurs auraient été enlevés, selon un syndicat.";
        let as_fact = |en: &str| crate::check::fires(super::RULE_AS_FACT, fr, en);
        assert!(as_fact(
            "Several drivers were kidnapped, according to a union."
        ));
        assert!(!as_fact(
            "Several drivers were reportedly kidnapped, according to a union."
        ));
        assert!(!as_fact(
            "Several drivers would have been kidnapped, according to a union."
        ));
        // A modal of another clause keeps no doubt; one of the fact does.
        let fr = "Selon le ministère, 30 % des plantations auraient été détruites, ce qui pourrait faire flamber les cours.";
        let as_fact = |en: &str| crate::check::fires(super::RULE_AS_FACT, fr, en);
        assert!(as_fact(
            "According to the ministry, 30% of plantations have been destroyed, which could send prices soaring."
        ));
        assert!(!as_fact(
            "According to the ministry, 30% of plantations may have been destroyed, which could send prices soaring."
        ));
        // A verb in the conditional by itself, and words between auxiliary and participle.
        assert!(crate::check::fires(
            super::RULE_AS_FACT,
            "Cette saisie représenterait plus de 245 millions de dollars, selon des analystes.",
            "The seizure is worth more than $245 million, according to analysts."
        ));
        assert!(!crate::check::fires(
            super::RULE_AS_FACT,
            "Cette saisie représenterait plus de 245 millions de dollars, selon des analystes.",
            "The seizure is reportedly worth more than $245 million, according to analysts."
        ));
        assert!(!crate::check::fires(
            super::RULE,
            "Cette saisie représenterait plus de 245 millions de dollars, selon des analystes.",
            "The seizure would be worth more than $245 million, according to analysts."
        ));
        assert!(crate::check::fires(
            super::RULE_AS_FACT,
            "Le déficit aurait en réalité dépassé 12 %, selon la Cour des comptes.",
            "The deficit in reality exceeded 12 percent, according to the Court of Auditors."
        ));
        assert!(!crate::check::fires(
            super::RULE_AS_FACT,
            "Selon le ministre, le retrait des troupes est un portrait fidèle de la situation.",
            "According to the minister, the troop withdrawal is a true picture of the situation."
        ));
        // A negation between the auxiliary and its participle.
        assert!(crate::check::fires(
            super::RULE_AS_FACT,
            "Selon ses avocats, il n'aurait plus reçu la visite de son médecin depuis mai.",
            "According to his lawyers, he has not been visited by his doctor since May."
        ));
        // « auraient eu lieu »: a participle of two letters.
        assert!(crate::check::fires(
            super::RULE_AS_FACT,
            "Selon le quotidien, des pillages auraient eu lieu dans plusieurs magasins.",
            "According to the daily, looting took place in several shops."
        ));
        // A "would" of another clause does not hide it; an adjective after « seraient ».
        assert!(crate::check::fires(
            super::RULE_AS_FACT,
            "Selon un hebdomadaire, plusieurs ministres seraient favorables à un compromis qui limiterait la hausse.",
            "According to a weekly, several ministers are in favour of a compromise that would limit the increase."
        ));
    }

    #[test]
    fn an_expectation_made_an_obligation_is_flagged() {
        let fr = "Le scrutin devrait s'ouvrir le 12 octobre.";
        let flagged = |en: &str| crate::check::fires(super::RULE_OBLIGATION, fr, en);
        assert!(flagged("The poll must open on October 12."));
        assert!(!flagged("The poll should open on October 12."));
        assert!(!flagged("The poll is expected to open on October 12."));
        assert!(!crate::check::fires(
            super::RULE_OBLIGATION,
            "Le scrutin doit s'ouvrir le 12 octobre.",
            "The poll must open on October 12."
        ));
    }

    #[test]
    fn a_possibility_stated_as_a_certainty_is_flagged() {
        let fr = "Le Tchad et la Centrafrique pourraient également être touchés.";
        let certain = |en: &str| crate::check::fires(super::RULE_CERTAINTY, fr, en);
        assert!(certain(
            "Chad and the Central African Republic will also be affected."
        ));
        assert!(!certain(
            "Chad and the Central African Republic could also be affected."
        ));
        assert!(!certain(
            "Chad and the Central African Republic may also be affected."
        ));
    }
}
