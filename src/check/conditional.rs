//! The conditional of reported information: French news writes what it has not confirmed
//! in the conditional and names its source (« une part de la production serait exportée
//! en contrebande, selon un rapport »). English states it with the attribution ("is
//! smuggled out, according to a report") or adds "reportedly". Rendered "would be
//! smuggled", it becomes a hypothesis.

use super::{Category, Finding, Pair, Severity, Tokens, Word};

mod claim;
pub mod schedule;

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

/// The imperfect of a verb whose stem ends in r looks like a conditional (« figuraient »,
/// « déclaraient », « opéraient », « montraient »), but the conditional puts a mute e or
/// the infinitive's own letters before its r (« figureraient », « montreraient »,
/// « prendraient »). Read on the word as written, since « opéraient » keeps its accent.
fn is_imperfect(text: &str) -> bool {
    let lower = text.to_lowercase();
    let stem = lower
        .strip_suffix("raient")
        .or_else(|| lower.strip_suffix("rait"))
        .unwrap_or(&lower);
    let mut before = stem.chars().rev();
    let (last, previous) = (before.next(), before.next());
    match last {
        Some('a' | 'o' | 'u' | 'é' | 'è' | 'ê' | 'â' | 'ô' | 'û' | 'g' | 'b' | 'f') => true,
        // « montraient », « enregistraient »; « mettraient », « paraîtraient » are
        // conditionals.
        Some('t') => matches!(previous, Some('n' | 's')),
        // « consacraient »; « convaincraient » is a conditional.
        Some('c') => previous != Some('n'),
        _ => false,
    }
}

/// A verb in the conditional by itself (« représenterait », « s'élèveraient »): reported
/// information with no auxiliary. Nouns in -trait (portrait, retrait) are no verbs, nor
/// imperfects that look like conditionals.
fn is_plain_conditional_word(word: &Word) -> bool {
    let folded = word.folded.as_str();
    let verb = folded.rsplit(['\'', '’']).next().unwrap_or(folded);
    (verb.ends_with("raient") || verb.ends_with("rait") && !verb.ends_with("trait"))
        && verb.chars().count() >= 7
        && !MODAL_CONDITIONALS.contains(&verb)
        && !is_imperfect(word.text)
}

/// Endings of French past participles (« exportée », « pris », « détenu »).
const PARTICIPLE_ENDINGS: &[&str] = &[
    "é", "ée", "és", "ées", "i", "ie", "is", "ies", "u", "ue", "us", "ues", "it", "ite", "its",
    "ites", "ert", "erte", "erts", "ertes", "ort", "orte", "orts", "ortes", "int", "inte", "ints",
    "intes",
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
        (None, _) => claim::claimed_as_fact(pair, tokens).or_else(|| {
            unattributed_hearsay(&tokens.source)
                .filter(|_| !has_modal(&tokens.target))
                .and_then(|k| stated_as_fact(pair, tokens, k))
        }),
        _ => None,
    };
    hypothesis
        .into_iter()
        .chain(fact)
        .chain(possibility_as_certainty(pair, tokens))
        .chain(expectation_as_obligation(pair, tokens))
        .chain(schedule::plan_as_obligation(pair, tokens))
        .chain(certainty_as_possibility(pair, tokens))
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
/// Any English modal: with no source named, "would take advantage" fairly renders
/// « profiteraient » as a hypothesis. "May" in capitals is the month.
fn has_modal(english: &[Word]) -> bool {
    english
        .iter()
        .any(|w| matches!(w.folded.as_str(), "would" | "could" | "might") || w.text == "may")
}

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
    let at = tokens
        .source
        .iter()
        .position(|w| POSSIBILITY.contains(&w.folded.as_str()))?;
    let fr = &tokens.source[at];
    let english = &tokens.target;
    if english
        .iter()
        .any(|w| ENGLISH_POSSIBILITY.contains(&w.folded.as_str()))
    {
        return None;
    }
    let will = english
        .iter()
        .find(|w| matches!(w.folded.as_str(), "will" | "'ll" | "’ll" | "shall"));
    let (target, made) = match will {
        Some(will) => (
            Some(pair.target.span(will.start, will.end)),
            format!("« {} »", will.text),
        ),
        // « pourrait être l'œuvre de » rendered "was the work of": a hypothesis about
        // what is or was, stated as plain fact.
        None if supposes_a_state(&tokens.source, at) && !is_hedged(english) => (
            pair.target_if_single_sentence(),
            "the English, with no may or could,".to_string(),
        ),
        None => return None,
    };
    Some(
        Finding::new(
            RULE_CERTAINTY,
            Category::Mistranslation,
            Severity::Warning,
            Some(pair.source.span(fr.start, fr.end)),
            target,
            format!(
                "« {} » is a possibility (could, may); {made} makes it a certainty",
                fr.text
            ),
        )
        .suggest("could, may"),
    )
}

/// « pourrait être », « pourraient avoir » : a supposition about a state or a past event.
fn supposes_a_state(french: &[Word], at: usize) -> bool {
    let next = |k: usize| french.get(k).map(|w| w.folded.as_str());
    let verb = match next(at + 1) {
        Some(adverb) if adverb.ends_with("ment") => next(at + 2),
        other => other,
    };
    matches!(verb, Some("etre" | "avoir"))
}

/// « sera », « aura » (a plain future) rendered "could", "may", "might": a certainty made
/// a possibility.
pub const RULE_POSSIBILITY: &str = "mistranslation.certainty-as-possibility";

/// French futures common enough to be worth the look; their English is "will".
const FRENCH_FUTURES: &[&str] = &["sera", "seront", "aura", "auront", "fera", "feront"];

/// French that leaves room for doubt, which "could" fairly renders.
const FRENCH_DOUBT: &[&str] = &[
    "pourrait",
    "pourraient",
    "pourra",
    "pourront",
    "peut",
    "peuvent",
    "pouvait",
    "pouvaient",
    "pu",
    "peut-etre",
    "probablement",
    "eventuellement",
    "possible",
    "possibles",
    "risque",
    "risquent",
    "susceptible",
    "susceptibles",
    "doute",
    "devrait",
    "devraient",
    "si",
    "s'il",
    "s'ils",
    "potentiellement",
    "vraisemblablement",
];

fn certainty_as_possibility(pair: &Pair, tokens: &Tokens) -> Option<Finding> {
    let fr = tokens
        .source
        .iter()
        .find(|w| FRENCH_FUTURES.contains(&w.folded.as_str()))?;
    let doubt = |w: &Word| {
        FRENCH_DOUBT.contains(&w.folded.as_str())
            || w.folded.starts_with("sembl")
            || is_plain_conditional_word(w)
    };
    if tokens.source.iter().any(doubt) {
        return None;
    }
    let english = &tokens.target;
    let could = english
        .iter()
        .find(|w| matches!(w.folded.as_str(), "could" | "might") || w.text == "may")?;
    if english.iter().any(|w| {
        matches!(
            w.folded.as_str(),
            "will" | "'ll" | "’ll" | "shall" | "would"
        )
    }) {
        return None;
    }
    Some(
        Finding::new(
            RULE_POSSIBILITY,
            Category::Mistranslation,
            Severity::Warning,
            Some(pair.source.span(fr.start, fr.end)),
            Some(pair.target.span(could.start, could.end)),
            format!(
                "« {} » states what will be; « {} » makes it a possibility",
                fr.text, could.text
            ),
        )
        .suggest("will"),
    )
}

/// « devrait » (should, is expected to) rendered "must": an expectation made an obligation.
pub const RULE_OBLIGATION: &str = "mistranslation.expectation-as-obligation";

/// English that keeps the expectation of « devrait » or the plan of « devait ».
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
    "slated",
    "meant",
    "intended",
];

fn expectation_as_obligation(pair: &Pair, tokens: &Tokens) -> Option<Finding> {
    let fr = tokens
        .source
        .iter()
        .find(|w| matches!(w.folded.as_str(), "devrait" | "devraient"))?;
    let english = &tokens.target;
    let must = english.iter().find(|w| w.folded == "must")?;
    let bound_to = english
        .windows(2)
        .any(|p| p[0].folded == "bound" && p[1].folded == "to");
    if bound_to
        || english
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

/// Words that make a conditional counterfactual rather than reported when they come
/// before it: « sans son aide, le pays aurait sombré », « si rien n'est fait ».
const COUNTERFACTUAL_CUES: &[&str] = &[
    "si",
    "s'il",
    "s'ils",
    "s’il",
    "s’ils",
    "sans",
    "sinon",
    "autrement",
    "cas",
];

/// Participles whose conditional past wishes or regrets (« aurait voulu », « aurait
/// fallu », « aurait pu »): no hearsay.
const MODAL_PARTICIPLES: &[&str] = &[
    "fallu", "pu", "du", "voulu", "aime", "souhaite", "prefere", "dit", "cru",
];

/// A conditional with no source named and no condition: news writing reports hearsay
/// this way too (« le groupe, qui aurait refusé de construire une raffinerie », « des
/// acheteurs profiteraient de »), so rendered as plain fact it is worth a note.
fn unattributed_hearsay(words: &[Word]) -> Option<usize> {
    // The condition comes first: « sans cette aide, le pays aurait sombré »; a « sans »
    // after the verb (« serait détenu sans avoir pu ») is no condition.
    let condition_before = |k: usize| {
        words[..k]
            .iter()
            .any(|w| COUNTERFACTUAL_CUES.contains(&w.folded.as_str()))
    };
    let found = words.iter().enumerate().find_map(|(k, w)| {
        let auxiliary = CONDITIONAL_AUXILIARIES.contains(&w.folded.as_str());
        if is_plain_conditional_word(w) && !auxiliary {
            return Some(k);
        }
        if !auxiliary {
            return None;
        }
        let participle = words[k + 1..]
            .iter()
            .filter(|w| w.is_word())
            .find(|w| !BETWEEN.contains(&w.folded.as_str()))?;
        let text = participle.text.to_lowercase();
        let is_participle = PARTICIPLE_ENDINGS
            .iter()
            .any(|end| text.ends_with(end) && text.chars().count() > end.chars().count());
        (is_participle && !MODAL_PARTICIPLES.contains(&participle.folded.as_str())).then_some(k)
    })?;
    (!condition_before(found)).then_some(found)
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
        if is_plain_conditional_word(w) && !CONDITIONAL_AUXILIARIES.contains(&folded(w)) {
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
    fn a_conditional_past_without_source_stated_as_fact_is_noted() {
        let noted = |fr: &str, en: &str| crate::check::fires(super::RULE_AS_FACT, fr, en);
        let fr = "Le groupe, qui aurait refusé de construire une raffinerie, a perdu son permis.";
        assert!(noted(
            fr,
            "The group, which refused to build a refinery, lost its licence."
        ));
        assert!(!noted(
            fr,
            "The group, which reportedly refused to build a refinery, lost its licence."
        ));
        // A counterfactual or a regret is no hearsay.
        assert!(!noted(
            "Sans cette aide, le pays aurait sombré dans la famine.",
            "Without this aid, the country sank into famine."
        ));
        assert!(!noted(
            "Le ministre aurait voulu un autre calendrier.",
            "The minister wanted another timetable."
        ));
        assert!(noted(
            "Il serait détenu dans les locaux de la police, sans avoir pu voir ses avocats.",
            "He is being held at police premises, without having been able to see his lawyers."
        ));
        assert!(noted(
            "Les coupures auraient contraint des centres de santé à fermer, faute de groupes électrogènes.",
            "The outages have forced health centres to close, for lack of generators."
        ));
        assert!(noted(
            "Quelque 25 000 personnes seraient arrivées à Adré en mai.",
            "Some 25,000 people arrived in Adre in May."
        ));
        assert!(noted(
            "Des acheteurs profiteraient de l'isolement des villages.",
            "Buyers take advantage of the isolation of villages."
        ));
        assert!(!noted(
            "Des acheteurs profiteraient de l'isolement des villages.",
            "Buyers would take advantage of the isolation of villages."
        ));
        // With its source named: « ouvert » is a participle too.
        assert!(noted(
            "Selon le rapport, les soldats auraient ouvert le feu sur des habitants.",
            "According to the report, soldiers opened fire on residents."
        ));
    }

    #[test]
    fn imperfects_of_r_stems_are_no_conditionals() {
        for imperfect in [
            "figuraient",
            "déclaraient",
            "opéraient",
            "montraient",
            "ignoraient",
            "consacraient",
        ] {
            assert!(super::is_imperfect(imperfect), "{imperfect}");
        }
        for conditional in [
            "figureraient",
            "représenterait",
            "prendraient",
            "permettraient",
            "convaincraient",
            "s'élèveraient",
        ] {
            assert!(!super::is_imperfect(conditional), "{conditional}");
        }
        assert!(!crate::check::fires(
            super::RULE_AS_FACT,
            "Parmi eux figuraient une trentaine de femmes.",
            "Among them were some thirty women."
        ));
    }

    #[test]
    fn a_certainty_made_a_possibility_is_flagged() {
        let fr = "La campagne, qui débute le 1er octobre, sera décisive pour l'économie.";
        let flagged = |fr: &str, en: &str| crate::check::fires(super::RULE_POSSIBILITY, fr, en);
        assert!(flagged(
            fr,
            "The season, which begins on October 1, could be decisive for the economy."
        ));
        assert!(!flagged(
            fr,
            "The season, which begins on October 1, will be decisive for the economy."
        ));
        // Room for doubt in the French: "could" is fair.
        assert!(!flagged(
            "Si la pluie revient, la campagne sera décisive.",
            "If the rain returns, the season could be decisive."
        ));
        // "May" is the month.
        assert!(!flagged(
            "Le verdict sera rendu en mai.",
            "The verdict is due in May."
        ));
    }

    #[test]
    fn an_expectation_made_an_obligation_is_flagged() {
        let fr = "Le scrutin devrait s'ouvrir le 12 octobre.";
        let flagged = |en: &str| crate::check::fires(super::RULE_OBLIGATION, fr, en);
        assert!(flagged("The poll must open on October 12."));
        assert!(!flagged("The poll should open on October 12."));
        assert!(!flagged("The poll is expected to open on October 12."));
        assert!(!flagged("The poll is bound to open on October 12."));
        // "bound" of a tie is no expectation.
        let tied = "Le pacte qui la liait à la France devrait expirer en janvier.";
        assert!(crate::check::fires(
            super::RULE_OBLIGATION,
            tied,
            "The pact that bound it to France must expire in January."
        ));
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
        // A supposition about what happened, stated as plain fact.
        let fr = "L'attaque pourrait être l'œuvre du GSIM, selon une source sécuritaire.";
        let certain = |en: &str| crate::check::fires(super::RULE_CERTAINTY, fr, en);
        assert!(certain(
            "The attack was the work of JNIM, a security source said."
        ));
        assert!(!certain(
            "The attack may have been the work of JNIM, a security source said."
        ));
        assert!(!certain(
            "The attack was probably the work of JNIM, a security source said."
        ));
    }
}
