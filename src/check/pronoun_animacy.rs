//! "She" for a thing: French refers to every feminine noun with « elle » (la CEDEAO, la
//! junte, la France, la loi), English keeps "she" for women and says "it" of organisations,
//! countries and things. Machine translation often carries the French gender over
//! ("ECOWAS said she would …", "the army … her troops").
//!
//! The referent of « elle » is usually in its own sentence or the one before; a run of
//! sentences opening with « elle » goes back to where the run began. The rule speaks only
//! when that stretch of French names a feminine thing and no one who could be a woman: no
//! feminine title, role or kinship noun, no unknown first-and-last name, and no English
//! word for a woman either.

use super::gender;
use super::{words, Category, Finding, Pair, Severity, Word};
use crate::text::token::TokenKind;

pub const RULE: &str = "mistranslation.pronoun-animacy";

/// Links looked back over for the referent of a run of « elle ».
const MAX_LOOKBACK: usize = 4;

/// Links before the referent window in which a woman named keeps the rule silent.
const RECENT_LINKS: usize = 3;

/// English words that name a woman, so that "she" may well be right.
const ENGLISH_WOMEN: &[&str] = &[
    "woman",
    "women",
    "girl",
    "girls",
    "mother",
    "mothers",
    "wife",
    "daughter",
    "daughters",
    "sister",
    "sisters",
    "widow",
    "grandmother",
    "aunt",
    "niece",
    "mrs",
    "ms",
    "madam",
    "madame",
    "lady",
    "queen",
    "princess",
    "actress",
    "chairwoman",
    "spokeswoman",
    "businesswoman",
    "congresswoman",
    "policewoman",
    "sportswoman",
    "female",
    "girlfriend",
    "nun",
];

/// Feminine nouns that name a person of either sex (« la victime » may be a man or a
/// woman): with one of them about, "she" may be right.
const EPICENE_FEMININE_PERSONS: &[&str] = &[
    "victime",
    "victimes",
    "personne",
    "recrue",
    "sentinelle",
    "vedette",
    "star",
    "personnalite",
    "celebrite",
    "idole",
    "otage",
    // « une source sécuritaire a indiqué qu'elle … »: a source is a person.
    "source",
];

/// Feminine nouns and acronyms after an elided « l' » or « d' », whose article hides
/// the gender: organisations, places and institutions of the news.
const ELIDED_FEMININE: &[&str] = &[
    "armee",
    "administration",
    "opposition",
    "organisation",
    "union",
    "alliance",
    "assemblee",
    "autorite",
    "agence",
    "ambassade",
    "association",
    "entreprise",
    "equipe",
    "ecole",
    "eglise",
    "institution",
    "instance",
    "industrie",
    "usine",
    "universite",
    "enquete",
    "operation",
    "offensive",
    "accusation",
    "onu",
    "ue",
    "ua",
    "aes",
    "oms",
    "ocde",
    "opep",
    "uemoa",
    "unesco",
    "algerie",
    "allemagne",
    "italie",
    "espagne",
    "inde",
    "egypte",
    "ukraine",
    "afrique",
    "europe",
    "amerique",
    "australie",
    "autriche",
    "arabie",
    "ethiopie",
    "indonesie",
    "irlande",
    "ecosse",
    "angleterre",
];

/// Adjectives that come before the noun (« la nouvelle loi »).
const PRENOMINAL: &[&str] = &[
    "nouvelle",
    "premiere",
    "grande",
    "petite",
    "ancienne",
    "seule",
    "principale",
    "derniere",
    "meme",
    "future",
];

/// Titles of either sex before a name (« le Dr Achta Saleh », « Me Traoré »).
const EPICENE_TITLES: &[&str] = &["dr", "docteur", "pr", "professeur", "me", "maitre"];

/// Prepositions before a noun phrase that make it a complement, not a subject.
const PREPOSITIONS: &[&str] = &[
    "de", "a", "au", "aux", "du", "des", "en", "dans", "sur", "sous", "par", "pour", "avec",
    "contre", "entre", "vers", "depuis", "chez", "sans", "apres", "avant", "pendant", "selon",
];

/// Words after which a capitalised pair is a place or an institution, not a person
/// (« au Burkina Faso », « la Sierra Leone », « du Conseil National »). Not « de »,
/// « selon » or « par », which come before people as often.
const BEFORE_A_PLACE: &[&str] = &[
    "le", "la", "les", "l'", "l’", "du", "des", "a", "au", "aux", "en", "vers", "sur", "dans",
    "depuis", "sous",
];

/// Findings over the links of one document pair, each with the index of its link.
pub fn check(pairs: &[Pair]) -> Vec<(usize, Finding)> {
    let english: Vec<Vec<Word>> = pairs.iter().map(|p| words(p.target.text)).collect();
    if !english.iter().flatten().any(is_feminine_english_pronoun) {
        return Vec::new();
    }
    let story = Story::of(pairs, english);
    (0..pairs.len())
        .filter_map(|link| story.finding(pairs, link).map(|f| (link, f)))
        .collect()
}

/// What the rule needs to know of every link of a document, worked out once.
struct Story<'a> {
    french: Vec<Vec<Word<'a>>>,
    english: Vec<Vec<Word<'a>>>,
    /// The link's French names a woman by title, role or kin.
    names_a_woman: Vec<bool>,
    /// The link names someone « elle » or "she" may stand for: a woman (also by a name that
    /// may be hers), a person of either sex, or a woman in the English.
    names_someone: Vec<bool>,
    /// The first link whose French names a woman in any way.
    first_woman: Option<usize>,
}

impl<'a> Story<'a> {
    fn of(pairs: &[Pair<'a>], english: Vec<Vec<Word<'a>>>) -> Story<'a> {
        let french: Vec<Vec<Word>> = pairs.iter().map(|p| words(p.source.text)).collect();
        let maybe_woman: Vec<bool> = french.iter().map(|w| names_a_woman(w)).collect();
        let names_someone = (0..pairs.len())
            .map(|l| {
                maybe_woman[l]
                    || names_a_person_of_either_sex(&french[l])
                    || english_names_a_woman(&english[l])
            })
            .collect();
        Story {
            names_a_woman: french.iter().map(|w| gender::names_a_woman(w)).collect(),
            first_woman: maybe_woman.iter().position(|&named| named),
            names_someone,
            french,
            english,
        }
    }

    fn finding(&self, pairs: &[Pair], link: usize) -> Option<Finding> {
        let she = self.english[link]
            .iter()
            .position(is_feminine_english_pronoun)?;
        let elle = self.french[link].iter().position(is_elle)?;
        let she = &self.english[link][she];
        // « L'ONU … estime qu'elle … »: the subject of the sentence is what « elle » in its
        // « que » clause takes up, whoever earlier sentences named.
        let subject = subject_taken_up(&self.french[link], elle);
        if let Some((article, noun)) = subject.filter(|_| !self.names_someone[link]) {
            let thing = (link, article, noun);
            return Some(finding(&pairs[link], &self.french, link, elle, thing, she));
        }
        let window = referent_window(&self.french, link);
        if (*window.start()..link).any(|l| self.names_someone[l])
            || self.names_someone_before(link, elle)
        {
            return None;
        }
        // A woman named earlier in the story can be taken up far from her name. Named by
        // title, role or kin a few sentences back, she is too likely the referent to say
        // anything; further back, or by a name that may be hers, she leaves only a thing
        // in the pronoun's own sentence as a referent.
        let start = *window.start();
        let recent = start.saturating_sub(RECENT_LINKS);
        if self.names_a_woman[recent..start].contains(&true) {
            return None;
        }
        let woman_before = self.first_woman.is_some_and(|first| first < start);
        let thing = referent(&self.french, start, link, elle, woman_before)?;
        Some(finding(&pairs[link], &self.french, link, elle, thing, she))
    }
}

impl Story<'_> {
    /// Whether link `link` names someone « elle » at `elle` may stand for. A subject
    /// pronoun takes up someone named before it: a woman named after it in its own
    /// sentence (« Elle a désigné comme émissaire l'ancienne ministre … ») is not its
    /// referent, unless she stands in apposition to it (« Elle, la ministre, … »).
    fn names_someone_before(&self, link: usize, elle: usize) -> bool {
        let words = &self.french[link];
        let apposition = words.get(elle + 1).is_some_and(|w| w.text == ",");
        let named = if apposition {
            words.as_slice()
        } else {
            &words[..elle]
        };
        names_a_woman(named)
            || names_a_person_of_either_sex(named)
            || english_names_a_woman(&self.english[link])
    }
}

fn english_names_a_woman(words: &[Word]) -> bool {
    words
        .iter()
        .any(|w| ENGLISH_WOMEN.contains(&w.folded.as_str()))
}

fn is_feminine_english_pronoun(word: &Word) -> bool {
    matches!(word.folded.as_str(), "she" | "her" | "hers" | "herself")
}

fn is_elle(word: &Word) -> bool {
    word.kind == TokenKind::Word && gender::subject_pronoun(&word.folded) == Some("elle")
}

/// The links where the referent of link `link`'s « elle » can be: this one, and the ones
/// before it back to the last one without « elle » (a run of « elle » continues one
/// referent).
fn referent_window(french: &[Vec<Word>], link: usize) -> std::ops::RangeInclusive<usize> {
    let mut start = link;
    while start > 0 && link - start < MAX_LOOKBACK {
        start -= 1;
        if !french[start].iter().any(is_elle) {
            break;
        }
    }
    start..=link
}

/// By title, role, kinship noun, a feminine agent noun, or a name that may be hers.
fn names_a_woman(words: &[Word]) -> bool {
    gender::names_a_woman(words) || has_feminine_agent_noun(words) || may_name_a_woman(words)
}

/// « la procureure », « une électrice », « la vendeuse »: feminine nouns of agents, which
/// mostly name women (when one names a machine, « la mitrailleuse », the rule only stays
/// silent).
fn has_feminine_agent_noun(words: &[Word]) -> bool {
    const SUFFIXES: &[&str] = &["eure", "eures", "rice", "rices", "euse", "euses"];
    const THINGS: &[&str] = &["heure", "heures", "demeure", "matrice", "cicatrice"];
    (1..words.len()).any(|k| {
        let noun = words[k].folded.as_str();
        matches!(
            words[k - 1].folded.as_str(),
            "la" | "une" | "cette" | "les" | "des"
        ) && SUFFIXES.iter().any(|s| noun.ends_with(s))
            && !THINGS.contains(&noun)
    })
}

fn names_a_person_of_either_sex(words: &[Word]) -> bool {
    (0..words.len()).any(|k| {
        EPICENE_FEMININE_PERSONS.contains(&words[k].folded.as_str())
            && k.checked_sub(1)
                .is_some_and(|j| is_determiner(&words[j].folded))
    })
}

/// Whether two capitalised words in a row could be a woman's first and last name: not a
/// place or an institution after an article or a preposition, not an acronym, and not a
/// man named by his title or rank (« le colonel Assimi Goïta »).
fn may_name_a_woman(words: &[Word]) -> bool {
    (0..words.len().saturating_sub(1)).any(|k| {
        let (first, second) = (&words[k], &words[k + 1]);
        let name_like = |w: &Word| w.is_word() && w.is_capitalised() && !w.is_acronym();
        if EPICENE_TITLES.contains(&first.folded.as_str()) && name_like(second) {
            return true;
        }
        if !name_like(first)
            || !name_like(second)
            || BEFORE_A_PLACE.contains(&first.folded.as_str())
        {
            return false;
        }
        match title_before(words, k) {
            Some(j) if name_like(&words[j]) => false,
            Some(j) if words[j].text == "," => !in_apposition_to_a_man(words, j),
            Some(j) => {
                !BEFORE_A_PLACE.contains(&words[j].folded.as_str())
                    && !gender::is_masculine_title(words, j)
            }
            None => true,
        }
    })
}

/// « le ministre du Pétrole, Moussa Sanda »: the name after the comma at `comma` stands in
/// apposition to a masculine title or role a few words before it, in the same clause.
fn in_apposition_to_a_man(words: &[Word], comma: usize) -> bool {
    const REACH: usize = 6;
    (comma.saturating_sub(REACH)..comma)
        .rev()
        .take_while(|&j| words[j].is_word())
        .any(|j| gender::is_masculine_title(words, j))
}

/// The word before word `k`, past the full stop of an abbreviated title (« M. »).
fn title_before(words: &[Word], k: usize) -> Option<usize> {
    let j = k.checked_sub(1)?;
    if words[j].text == "." {
        return j.checked_sub(1);
    }
    Some(j)
}

fn is_determiner(folded: &str) -> bool {
    matches!(
        folded,
        "la" | "une" | "cette" | "sa" | "l'" | "l’" | "d'" | "d’"
    )
}

/// A feminine noun phrase that names a thing, as (link, article, noun) word indices into
/// the links' French: the first one of the pronoun's own sentence before it, else the
/// first one of the links before, since « elle » mostly takes up a subject. When a woman
/// was named earlier in the story (`woman_before`), only a thing that opens a clause of
/// the pronoun's own sentence will do: one after a preposition (« au creux de la nuit »)
/// is too weak against her.
fn referent(
    french: &[Vec<Word>],
    start: usize,
    link: usize,
    elle: usize,
    woman_before: bool,
) -> Option<(usize, usize, usize)> {
    let words = &french[link];
    let pronoun_quoted = inside_quotes(words)[elle];
    let own = feminine_things(&words[..elle], pronoun_quoted)
        .into_iter()
        .find(|thing| !(woman_before && thing.after_preposition));
    let earlier = if woman_before { link } else { start };
    own.map(|thing| (link, thing.article, thing.noun))
        .or_else(|| {
            (earlier..link).find_map(|l| {
                feminine_things(&french[l], false)
                    .into_iter()
                    .next()
                    .map(|thing| (l, thing.article, thing.noun))
            })
        })
}

/// The feminine thing that opens the sentence as its subject, as (article, noun) word
/// indices, when « elle » at `elle` stands in a « que » clause of that sentence.
fn subject_taken_up(words: &[Word], elle: usize) -> Option<(usize, usize)> {
    let in_que_clause = elle
        .checked_sub(1)
        .is_some_and(|j| matches!(words[j].folded.as_str(), "qu'" | "qu’" | "que"));
    let subject = feminine_things(&words[..elle], false).into_iter().next()?;
    // « La semaine dernière, le ministre a dit qu'elle … »: a time opens the sentence,
    // the subject comes after it.
    let time = TIME_NOUNS.contains(&words[subject.noun].folded.as_str());
    (in_que_clause && subject.article == 0 && !time).then_some((subject.article, subject.noun))
}

/// Feminine nouns of time, which open sentences without being their subject.
const TIME_NOUNS: &[&str] = &[
    "semaine",
    "veille",
    "nuit",
    "journee",
    "annee",
    "fois",
    "matinee",
    "soiree",
    "fin",
    "periode",
    "saison",
    "decennie",
    "heure",
    "date",
    "mi-journee",
    "rentree",
];

/// A feminine noun phrase that is not a person.
struct Thing {
    article: usize,
    noun: usize,
    /// It follows a preposition (« dans la ville »), so it is no subject.
    after_preposition: bool,
}

/// Every feminine noun phrase that is not a person and is on the same side of the
/// quotation marks as the pronoun (`quoted`): « la », « cette », « une » or « sa » before
/// a noun, or an elided article before a noun known or built to be feminine.
fn feminine_things(words: &[Word], quoted: bool) -> Vec<Thing> {
    let inside = inside_quotes(words);
    let mut found = Vec::new();
    for (k, article) in words.iter().enumerate() {
        let elided = matches!(article.folded.as_str(), "l'" | "l’" | "d'" | "d’");
        // The text, not the folded form: « là » folds to « la ».
        let plain = article.text.to_lowercase();
        if inside[k] != quoted
            || !elided && !matches!(plain.as_str(), "la" | "cette" | "une" | "sa")
        {
            continue;
        }
        // « le quotidien La Voix du Sahel »: a capital article inside a sentence begins a
        // title, which French does not take up with « elle ».
        let inside_sentence = k > 0 && words[k - 1].is_word();
        if article.is_capitalised() && inside_sentence {
            continue;
        }
        let mut noun = k + 1;
        if words
            .get(noun)
            .is_some_and(|w| PRENOMINAL.contains(&w.folded.as_str()))
        {
            noun += 1;
        }
        let Some(word) = words.get(noun).filter(|w| w.is_word()) else {
            continue;
        };
        if elided && !is_feminine_after_elision(&word.folded) {
            continue;
        }
        if !gender::is_person_word(&word.folded) {
            let after_preposition = article.folded.starts_with('d')
                || k.checked_sub(1)
                    .is_some_and(|j| PREPOSITIONS.contains(&words[j].folded.as_str()));
            found.push(Thing {
                article: k,
                noun,
                after_preposition,
            });
        }
    }
    found
}

/// Whether a noun after « l' » or « d' » is feminine: listed, or built with a suffix that
/// makes feminine nouns (« l'expérimentation », « l'assurance », « l'université »).
fn is_feminine_after_elision(noun: &str) -> bool {
    const SUFFIXES: &[&str] = &[
        "tion", "sion", "ance", "ence", "ure", "ade", "esse", "ette", "ite",
    ];
    const MASCULINE: &[&str] = &["comite", "ete", "augure", "exode"];
    ELIDED_FEMININE.contains(&noun)
        || SUFFIXES.iter().any(|s| noun.ends_with(s)) && !MASCULINE.contains(&noun)
}

/// For each word, whether it lies between quotation marks.
fn inside_quotes(words: &[Word]) -> Vec<bool> {
    let mut inside = false;
    words
        .iter()
        .map(|w| {
            match w.text {
                "«" | "“" => inside = true,
                "»" | "”" => inside = false,
                "\"" => inside = !inside,
                _ => {}
            }
            inside
        })
        .collect()
}

fn finding(
    pair: &Pair,
    french: &[Vec<Word>],
    link: usize,
    elle: usize,
    (thing_link, article, noun): (usize, usize, usize),
    she: &Word,
) -> Finding {
    let elle_word = &french[link][elle];
    let thing = &french[thing_link];
    let phrase = phrase_of(thing, article, noun);
    Finding::new(
        RULE,
        Category::Mistranslation,
        Severity::Warning,
        Some(pair.source.span(elle_word.start, elle_word.end)),
        Some(pair.target.span(she.start, she.end)),
        format!(
            "« {} » takes up « {phrase} », not a woman, but the English says \"{}\": English refers to organisations, countries and things as \"it\"",
            elle_word.text, she.text
        ),
    )
    .suggest(match she.folded.as_str() {
        "she" => "it",
        "herself" => "itself",
        "hers" => "its",
        _ => "its (possessive) or it (object)",
    })
}

/// The article and the words up to the noun, with a capitalised word after it kept
/// (« la Banque centrale »).
fn phrase_of(words: &[Word], article: usize, noun: usize) -> String {
    let mut end = noun;
    if words
        .get(noun + 1)
        .is_some_and(|w| w.is_word() && w.is_capitalised())
    {
        end += 1;
    }
    let mut phrase = String::new();
    for (k, word) in words[article..=end].iter().enumerate() {
        let elided = k > 0 && words[article + k - 1].text.ends_with(['\'', '’']);
        if k > 0 && !elided {
            phrase.push(' ');
        }
        phrase.push_str(word.text);
    }
    phrase
}

#[cfg(test)]
mod tests {
    fn flagged(fr: &str, en: &str) -> bool {
        crate::check::fires(super::RULE, fr, en)
    }

    #[test]
    fn she_for_an_organisation_or_a_thing_is_flagged() {
        assert!(flagged(
            "L'Union africaine a suspendu le pays et elle exige des élections.",
            "The African Union suspended the country and she demands elections."
        ));
        assert!(flagged(
            "La réforme a été votée hier ; elle entrera en vigueur en mai.",
            "The reform was passed yesterday; she will come into force in May."
        ));
    }

    #[test]
    fn a_woman_named_after_the_pronoun_or_a_man_in_apposition_leaves_the_thing() {
        // The woman is the object of « Elle a désigné », not its referent; the man before
        // is named in apposition to « le ministre ».
        let fr = "Le ministre du Pétrole, Moussa Sanda, a parlé lundi. \
                  La Communauté des États sahéliens a proposé sa médiation. \
                  Elle a désigné comme émissaire l'ancienne ministre Aminata Ndour.";
        let en = "Oil Minister Moussa Sanda spoke on Monday. \
                  The Community of Sahel States offered to mediate. \
                  She appointed former minister Aminata Ndour as envoy.";
        assert!(flagged(fr, en));
        // In apposition to the pronoun, she may be its referent.
        assert!(!flagged(
            "Elle, la ministre Aminata Ndour, a désigné un émissaire.",
            "She, minister Aminata Ndour, appointed an envoy."
        ));
        let words = crate::check::words("La porte-parole, Aminata Ndour, a parlé.");
        assert!(super::may_name_a_woman(&words));
    }

    #[test]
    fn a_subject_is_what_elle_takes_up_in_its_que_clause_and_a_time_is_not() {
        let position = |words: &[crate::check::Word], text: &str| {
            words.iter().position(|w| w.text == text).unwrap()
        };
        let words = crate::check::words("L'Union africaine estime qu'elle ne peut plus payer.");
        let elle = position(&words, "elle");
        assert_eq!(super::subject_taken_up(&words, elle), Some((0, 1)));
        // Not in a « que » clause, or no thing opening the sentence.
        let words = crate::check::words("L'Union africaine a payé, mais elle refuse.");
        assert_eq!(
            super::subject_taken_up(&words, position(&words, "elle")),
            None
        );
        let words = crate::check::words("Selon lui, la mission estime qu'elle a échoué.");
        assert_eq!(
            super::subject_taken_up(&words, position(&words, "elle")),
            None
        );
        let words = crate::check::words("La semaine dernière, le ministre a dit qu'elle partait.");
        assert_eq!(
            super::subject_taken_up(&words, position(&words, "elle")),
            None
        );
    }

    #[test]
    fn she_for_a_woman_or_it_for_a_thing_stays_silent() {
        // A role, a title, a name that may be hers, a word for a woman in the English.
        for (fr, en) in [
            (
                "La procureure a dit qu'elle ferait appel de la décision.",
                "The prosecutor said she would appeal the decision.",
            ),
            (
                "Selon Mariam Sangaré, la situation est grave et elle appelle à l'aide.",
                "According to Mariam Sangare, the situation is serious and she is calling for help.",
            ),
            (
                "La réforme a été votée hier ; elle entrera en vigueur en mai.",
                "The reform was passed yesterday; it will come into force in May.",
            ),
        ] {
            assert!(!flagged(fr, en), "{en}");
        }
    }

    #[test]
    fn a_pronoun_does_not_take_up_a_noun_across_quotation_marks() {
        let words = crate::check::words("« La loi est claire », dit-elle.");
        let inside = super::inside_quotes(&words);
        let loi = words.iter().position(|w| w.text == "loi").unwrap();
        let elle = words.iter().position(|w| w.text == "dit-elle").unwrap();
        assert!(inside[loi] && !inside[elle]);
        assert!(super::feminine_things(&words, false).is_empty());
    }

    #[test]
    fn elided_nouns_get_their_gender_from_list_or_suffix() {
        for feminine in ["armee", "experimentation", "assurance", "universite", "onu"] {
            assert!(super::is_feminine_after_elision(feminine), "{feminine}");
        }
        for masculine in ["etat", "comite", "ete", "hopital", "otan"] {
            assert!(!super::is_feminine_after_elision(masculine), "{masculine}");
        }
    }
}
