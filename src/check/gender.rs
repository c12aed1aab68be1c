//! Pronoun gender: a French sentence that speaks of a woman, and of no man, rendered with
//! "he", "him" or "his" (« la ministre … son ministère » → "his ministry"); or the other
//! way round. French marks the gender of people in titles (Mme, M.), articles before a
//! role noun (« la ministre », « le ministre ») and nouns of kinship; English in its
//! pronouns only. Machine translation often defaults to "he".

use super::{Category, Finding, Pair, Severity, Tokens, Word};
use crate::text::token::TokenKind;

pub const RULE: &str = "mistranslation.pronoun-gender";

/// Role nouns whose gender shows only in the article before them (« la ministre »).
const EPICENE_ROLES: &[&str] = &[
    "ministre",
    "porte-parole",
    "juge",
    "secretaire",
    "journaliste",
    "responsable",
    "membre",
    "chef",
    "cheffe",
    "diplomate",
    "commissaire",
    // Military ranks, and the accused, whose article says who they are.
    "commandant",
    "capitaine",
    "colonel",
    "lieutenant",
    "general",
    "sergent",
    "caporal",
    "adjudant",
    "accuse",
    "prevenu",
];

/// Titles and role nouns that name a woman by themselves: they say who the sentence is
/// about. (Kinship nouns do not: "his mother" is a man's.)
const FEMININE_ROLES: &[&str] = &[
    "mme",
    "madame",
    "mlle",
    "mademoiselle",
    "presidente",
    "directrice",
    "deputee",
    "senatrice",
    "ambassadrice",
    "chanceliere",
    "reine",
    "princesse",
    "militante",
    "avocate",
    "candidate",
    "dirigeante",
    "etudiante",
    "enseignante",
    "infirmiere",
    "actrice",
    "chanteuse",
    "gouverneure",
    "representante",
    "adjointe",
    "procureure",
    "magistrate",
    "conseillere",
    "fondatrice",
    "coordinatrice",
    "inspectrice",
];

/// Titles and role nouns that name a man by themselves.
const MASCULINE_ROLES: &[&str] = &[
    "m",
    "monsieur",
    "president",
    "directeur",
    "depute",
    "senateur",
    "ambassadeur",
    "chancelier",
    "roi",
    "prince",
    "militant",
    "avocat",
    "candidat",
    "dirigeant",
    "etudiant",
    "enseignant",
    "infirmier",
    "acteur",
    "chanteur",
    "gouverneur",
    "pape",
    "representant",
    "adjoint",
    "procureur",
    "magistrat",
    "conseiller",
    "fondateur",
    "coordinateur",
    "inspecteur",
];

/// Verbs after which « il » is impersonal (« il faut », « il y a ») and names no one.
const IMPERSONAL_AFTER_IL: &[&str] = &[
    "y",
    "faut",
    "fallait",
    "faudra",
    "faudrait",
    "s'",
    "semble",
    "semblait",
    "reste",
    "restait",
    "pleut",
    "neige",
    "parait",
    "existe",
    "existait",
    "convient",
    "importe",
    "suffit",
    "suffisait",
    "vaut",
    "vaudrait",
    "manque",
    "arrive",
    "arrivait",
];

/// Other words that mention a woman or a man: someone else the English may speak of.
const FEMININE_MENTIONS: &[&str] = &[
    "femme",
    "femmes",
    "mere",
    "fille",
    "filles",
    "soeur",
    "epouse",
    "veuve",
    "grand-mere",
    "tante",
    "niece",
    // Women named by what they are to the story: « ma cliente », « une commerçante ».
    "cliente",
    "patiente",
    "employee",
    "ouvriere",
    "commercante",
    "habitante",
    "voisine",
    "amie",
    "citoyenne",
    "detenue",
    "prisonniere",
];
const MASCULINE_MENTIONS: &[&str] = &[
    "il",
    "homme",
    "hommes",
    "pere",
    "fils",
    "frere",
    "mari",
    "veuf",
    "grand-pere",
    "oncle",
    "neveu",
    "garcon",
    "maire",
    "general",
    "colonel",
    "capitaine",
    "lieutenant",
    "sergent",
    "soldat",
    "patron",
    "pretre",
    "imam",
    "client",
    "patient",
    "employe",
    "ouvrier",
    "commercant",
    "habitant",
    "voisin",
    "ami",
    "citoyen",
    "detenu",
    "prisonnier",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Feminine,
    Masculine,
}

pub fn check(pair: &Pair, tokens: &Tokens) -> Option<Finding> {
    let people = french_people(&tokens.source);
    let said = match (people.feminine_role, people.masculine_role) {
        (Some(word), None) if !people.masculine_mention => (Gender::Feminine, word),
        (None, Some(word)) if !people.feminine_mention => (Gender::Masculine, word),
        _ => return None,
    };
    // « Son avocate, Me Diarra, … »: a possessive before anyone is named refers to someone
    // of an earlier sentence, so "his" and "her" say nothing here.
    let possessor_elsewhere = tokens
        .source
        .iter()
        .find(|w| w.kind == TokenKind::Word)
        .is_some_and(|w| matches!(w.folded.as_str(), "son" | "sa" | "ses" | "leur" | "leurs"));
    let (he, she) = english_pronouns(&tokens.target, possessor_elsewhere);
    // The French names one gender and no one of the other, so any pronoun of the other
    // is wrong, even beside a right one ("He denied … , she insisted").
    let wrong = match (said.0, he, she) {
        (Gender::Feminine, Some(j), _) => j,
        (Gender::Masculine, _, Some(j)) => j,
        _ => return None,
    };
    let (french, english) = (&tokens.source[said.1], &tokens.target[wrong]);
    let (person, pronouns) = match said.0 {
        Gender::Feminine => ("a woman", "she, her"),
        Gender::Masculine => ("a man", "he, him, his"),
    };
    Some(
        Finding::new(
            RULE,
            Category::Mistranslation,
            Severity::Warning,
            Some(pair.source.span(french.start, french.end)),
            Some(pair.target.span(english.start, english.end)),
            format!(
                "the French speaks of {person} (« {} ») and of no one else, but the English says \"{}\"",
                french.text, english.text
            ),
        )
        .suggest(format!("use {pronouns}")),
    )
}

/// Who a French sentence speaks of: the first word naming a woman or a man by title, role
/// or subject pronoun, and whether anyone else of either gender is mentioned.
#[derive(Debug, Default)]
struct People {
    feminine_role: Option<usize>,
    masculine_role: Option<usize>,
    feminine_mention: bool,
    masculine_mention: bool,
}

/// Every word of the lists above, so that most words are passed over with one lookup.
fn person_words() -> &'static foldhash::HashSet<&'static str> {
    static WORDS: std::sync::OnceLock<foldhash::HashSet<&'static str>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        [
            EPICENE_ROLES,
            FEMININE_ROLES,
            MASCULINE_ROLES,
            FEMININE_MENTIONS,
            MASCULINE_MENTIONS,
        ]
        .concat()
        .into_iter()
        .collect()
    })
}

fn french_people(words: &[Word]) -> People {
    let mut people = People::default();
    for (k, word) in words.iter().enumerate() {
        if word.kind != TokenKind::Word {
            continue;
        }
        let folded = word.folded.as_str();
        let pronoun = subject_pronoun(folded);
        if pronoun.is_none() && !person_words().contains(folded) {
            continue;
        }
        let gender = role_gender(words, k);
        match gender {
            Some(Gender::Feminine) => people.feminine_role = people.feminine_role.or(Some(k)),
            Some(Gender::Masculine) => people.masculine_role = people.masculine_role.or(Some(k)),
            None => {}
        }
        // A pronoun mentions someone unless it is impersonal (« il y a dix jours »).
        let (feminine, masculine) = match pronoun {
            Some(_) => (
                gender == Some(Gender::Feminine),
                gender == Some(Gender::Masculine),
            ),
            None => (
                FEMININE_MENTIONS.contains(&folded),
                MASCULINE_MENTIONS.contains(&folded),
            ),
        };
        people.feminine_mention |= feminine;
        people.masculine_mention |= masculine;
    }
    people
}

/// The gender a title, role noun or subject pronoun gives its person: from the word itself
/// or, for a role noun of both genders, from its article (« la Première ministre » too).
/// An impersonal « il » (« il faut ») names no one.
fn role_gender(words: &[Word], k: usize) -> Option<Gender> {
    let word = words[k].folded.as_str();
    if EPICENE_ROLES.contains(&word) {
        let before = k.checked_sub(1)?;
        // An adjective before the role shows the gender itself (« l'ancien ministre »),
        // « jeune » lets the article show it.
        return match words[before].folded.as_str() {
            "la" | "une" | "cette" => Some(Gender::Feminine),
            "le" | "un" | "ce" | "du" | "au" => Some(Gender::Masculine),
            "premiere" | "ancienne" | "nouvelle" | "future" | "seule" | "principale" => {
                Some(Gender::Feminine)
            }
            "premier" | "ancien" | "nouveau" | "nouvel" | "futur" | "seul" | "principal" => {
                Some(Gender::Masculine)
            }
            "jeune" => match words[before.checked_sub(1)?].folded.as_str() {
                "la" | "une" | "cette" => Some(Gender::Feminine),
                "le" | "un" | "ce" | "du" | "au" => Some(Gender::Masculine),
                _ => None,
            },
            _ => None,
        };
    }
    match subject_pronoun(word) {
        Some("elle") => return Some(Gender::Feminine),
        Some("il") => {
            let next = words.get(k + 1);
            // « il ne reste rien », « il n'y a »: the negation comes before the verb.
            let verb = match next.map(|n| n.folded.as_str()) {
                Some("ne" | "n'" | "n’") => words.get(k + 2),
                _ => next,
            };
            let impersonal = verb.is_some_and(|n| IMPERSONAL_AFTER_IL.contains(&n.folded.as_str()));
            // "Il Messaggero", "Il Sole": an Italian article before a name.
            let article =
                word == "il" && next.is_some_and(|n| n.text.starts_with(char::is_uppercase));
            return (!impersonal && !article).then_some(Gender::Masculine);
        }
        _ => {}
    }
    let gender = if FEMININE_ROLES.contains(&word) {
        Gender::Feminine
    } else if MASCULINE_ROLES.contains(&word) {
        Gender::Masculine
    } else {
        return None;
    };
    // A title stands alone (Mme Traoré); a role noun follows a determiner, or it is an
    // adjective (« la clientèle étudiante »).
    let title = matches!(
        word,
        "mme" | "madame" | "mlle" | "mademoiselle" | "m" | "monsieur"
    );
    (title || after_determiner(words, k)).then_some(gender)
}

/// Whether the French names a woman by title, role or kinship (« Mme », « la ministre »,
/// « sa mère »); the pronoun « elle » alone does not count, since it may stand for a thing.
pub(super) fn names_a_woman(words: &[Word]) -> bool {
    (0..words.len()).any(|k| {
        let folded = words[k].folded.as_str();
        words[k].kind == TokenKind::Word
            && subject_pronoun(folded).is_none()
            && (FEMININE_MENTIONS.contains(&folded)
                || person_words().contains(folded)
                    && role_gender(words, k) == Some(Gender::Feminine))
    })
}

/// Whether word `k` is a title or role that names a man (« M. », « le colonel »).
pub(super) fn is_masculine_title(words: &[Word], k: usize) -> bool {
    let folded = words[k].folded.as_str();
    subject_pronoun(folded).is_none()
        && person_words().contains(folded)
        && role_gender(words, k) == Some(Gender::Masculine)
}

/// Whether a folded French word names a person: a title, role or kinship noun of either
/// gender.
pub(super) fn is_person_word(folded: &str) -> bool {
    person_words().contains(folded)
}

/// « il » or « elle », also inverted after a verb (« a-t-il », « dit-elle »).
pub(super) fn subject_pronoun(word: &str) -> Option<&'static str> {
    // « lui-même », « elle-même » stress a subject: « qui dit avoir elle-même perdu ».
    if word == "il" || word.ends_with("-il") || word == "lui-meme" {
        Some("il")
    } else if word == "elle" || word.ends_with("-elle") || word == "elle-meme" {
        Some("elle")
    } else {
        None
    }
}

/// Whether a determiner comes before word `k`, past one adjective (« l'ancienne ministre »).
fn after_determiner(words: &[Word], k: usize) -> bool {
    const DETERMINERS: &[&str] = &[
        "la", "le", "l'", "une", "un", "cette", "ce", "cet", "sa", "son", "notre", "leur", "votre",
        "du", "au",
    ];
    const ADJECTIVES: &[&str] = &[
        "ancienne", "ancien", "nouvelle", "nouveau", "jeune", "future", "futur", "premiere",
        "premier", "seule", "seul",
    ];
    let folded = |j: usize| words[j].folded.as_str();
    match k.checked_sub(1) {
        Some(j) if DETERMINERS.contains(&folded(j)) => true,
        Some(j) if ADJECTIVES.contains(&folded(j)) => j
            .checked_sub(1)
            .is_some_and(|i| DETERMINERS.contains(&folded(i))),
        _ => false,
    }
}

/// The first "he" or "his" and the first "she" of the English, possessives left out when
/// they refer elsewhere. Object pronouns ("him", "her") are left out: they usually name
/// someone else ("she told him"); but "according to him" renders « selon lui ».
fn english_pronouns(words: &[Word], without_possessives: bool) -> (Option<usize>, Option<usize>) {
    let according_to =
        |k: usize| k >= 2 && words[k - 1].folded == "to" && words[k - 2].folded == "according";
    let find = |set: &[&str], object: &str| {
        words.iter().enumerate().position(|(k, w)| {
            let folded = w.folded.as_str();
            w.kind == TokenKind::Word
                && (set.contains(&folded) || folded == object && according_to(k))
                && !(without_possessives && matches!(folded, "his" | "hers"))
        })
    };
    (
        find(&["he", "his", "himself"], "him"),
        find(&["she", "hers", "herself"], "her"),
    )
}

#[cfg(test)]
mod tests {
    fn flagged(fr: &str, en: &str) -> bool {
        crate::check::fires(super::RULE, fr, en)
    }

    #[test]
    fn a_woman_rendered_he_is_flagged() {
        assert!(flagged(
            "La ministre de la Santé a présenté son plan mardi.",
            "The Minister of Health presented his plan on Tuesday."
        ));
        assert!(flagged(
            "Dans son réquisitoire, la procureure a demandé dix ans de prison.",
            "In his closing speech, the prosecutor asked for ten years in prison."
        ));
        assert!(flagged(
            "Mme Traoré a quitté le pays après sa libération.",
            "Mr Traoré left the country after his release."
        ));
        assert!(flagged(
            "« Nous resterons », a-t-elle assuré.",
            "\"We will stay,\" he said."
        ));
        assert!(flagged(
            "Il a été libéré après trois mois de détention.",
            "She was released after three months in detention."
        ));
        // A rank or « accusé » takes its gender from the article or adjective before it.
        let officer = "Le principal accusé, le colonel Amadou Sanou, a rejeté les faits, affirmant être innocent.";
        assert!(flagged(
            officer,
            "The main defendant, Colonel Amadou Sanou, rejected the charges, saying she was innocent."
        ));
        assert!(!flagged(
            officer,
            "The main defendant, Colonel Amadou Sanou, rejected the charges, saying he was innocent."
        ));
        assert!(flagged(
            "Une commerçante, qui dit avoir elle-même tout perdu, a témoigné.",
            "A trader, saying he himself had lost everything, testified."
        ));
        // A possessive opening the sentence refers to someone named before.
        assert!(!flagged(
            "Son avocate, Me Fatoumata Diarra, a qualifié ce verdict de politique.",
            "His lawyer, Fatoumata Diarra, called the verdict political."
        ));
        // « l'ancien ministre » is a man: "His lawyer … She" is right.
        assert!(!flagged(
            "L'ancien ministre a été condamné. Son avocate, Me Fatoumata Diarra, a qualifié ce verdict de politique. Elle fera appel.",
            "The former minister was convicted. His lawyer, Fatoumata Diarra, called the verdict political. She will appeal."
        ));
        // A wrong pronoun beside a right one, and an Italian title's « Il ».
        assert!(flagged(
            "Elle a démenti ces informations. « Rien ne nous est parvenu », a-t-elle assuré.",
            "He denied the reports. \"Nothing has reached us,\" she insisted."
        ));
        assert!(flagged(
            "Elle a démenti les informations du quotidien Il Messaggero.",
            "He denied the reports in the daily Il Messaggero."
        ));
        // "according to him" renders « selon elle ».
        assert!(flagged(
            "Selon elle, le coût pourrait atteindre 15 milliards de francs CFA.",
            "According to him, the cost could reach 15 billion CFA francs."
        ));
        assert!(!flagged(
            "Selon elle, le coût pourrait atteindre 15 milliards de francs CFA.",
            "According to her, the cost could reach 15 billion CFA francs."
        ));
        // « Ma cliente » is the woman the English calls "she", beside her male lawyer.
        assert!(!flagged(
            "« Ma cliente n'est pas une criminelle », a déclaré son avocat, Me Élie Saadé.",
            "\"My client is not a criminal, she is a victim,\" her lawyer, Élie Saadé, said."
        ));
        // « Ils » is "they": no man for a "he".
        assert!(flagged(
            "« Ils dorment à même le sol », a-t-elle expliqué.",
            "\"They sleep on the bare ground,\" he said."
        ));
        // « Il ne reste plus rien » is impersonal too.
        assert!(flagged(
            "« Il ne reste plus rien, tout est à refaire », ajoute-t-elle.",
            "\"There is nothing left, everything has to be redone,\" he added."
        ));
        // An impersonal « il y a » mentions no man.
        assert!(flagged(
            "Elle dit n'avoir reçu aucune aide depuis son arrivée, il y a dix jours.",
            "He says he has received no aid since arriving ten days ago."
        ));
    }

    #[test]
    fn impersonal_il_adjectives_and_inversions_name_no_one() {
        for (fr, en) in [
            // « il faut » names no one: the woman is in the English only by her name.
            (
                "Il faut du temps, selon Aminata Touré.",
                "It takes time, according to Aminata Touré, who said she was confident.",
            ),
            // « étudiante » is an adjective here, and « -t-il » names a man.
            (
                "« La clientèle étudiante change », souligne-t-il.",
                "\"The student body is changing,\" he stresses.",
            ),
        ] {
            assert!(!flagged(fr, en), "{en}");
        }
    }

    #[test]
    fn right_pronouns_and_mixed_company_stay_silent() {
        for (fr, en) in [
            (
                "La ministre de la Santé a présenté son plan mardi.",
                "The Minister of Health presented her plan on Tuesday.",
            ),
            (
                "La ministre a reçu le président, qui a présenté son plan.",
                "The minister received the president, who presented his plan.",
            ),
            (
                "Le ministre de la Santé a présenté son plan mardi.",
                "The Minister of Health presented his plan on Tuesday.",
            ),
        ] {
            assert!(!flagged(fr, en), "{en}");
        }
    }
}
