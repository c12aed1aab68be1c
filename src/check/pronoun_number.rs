//! The number of « en »: the clitic stands for « de » + a noun phrase and says nothing of
//! its number, so machine translation guesses, most often the singular (« trois pays …
//! les régimes qui en ont pris le contrôle » → "taken control of it"; « des armes … ils
//! en ignorent la provenance » → "its origin").
//!
//! The antecedent is found the way simple anaphora resolvers do (Hobbs 1978; Lappin and
//! Leass 1994): the nearest noun phrase before the clause, the clause's own subject left
//! out, and noun phrases inside a prepositional phrase passed over as less salient. A
//! noun phrase is known by its determiner, whose number French marks (les, ces, trois …);
//! « une dizaine de », « le Mali et le Niger » are plural.

use super::{Category, Finding, Pair, Severity, Tokens, Word};
use crate::text::token::TokenKind;

pub const RULE: &str = "mistranslation.pronoun-number";

/// Finite verbs that take the clitic « en » for a « de » complement: the auxiliaries, the
/// modals, and verbs whose object « en » qualifies (« en ignorent la provenance »).
/// Folded. Left out: « fait » (« en fait », in fact), « garde » (« mettre en garde »).
const VERBS_AFTER_CLITIC: &[&str] = &[
    "a",
    "ont",
    "avait",
    "avaient",
    "aura",
    "auront",
    "aurait",
    "auraient",
    "ait",
    "aient",
    "est",
    "sont",
    "etait",
    "etaient",
    "sera",
    "seront",
    "serait",
    "seraient",
    "peut",
    "peuvent",
    "pourrait",
    "pourraient",
    "doit",
    "doivent",
    "prend",
    "prennent",
    "prenait",
    "prenaient",
    "detient",
    "detiennent",
    "revendique",
    "revendiquent",
    "assure",
    "assurent",
    "ignore",
    "ignorent",
    "conteste",
    "contestent",
    "reclame",
    "reclament",
    "connait",
    "connaissent",
    "sait",
    "savent",
    "denonce",
    "denoncent",
    "exige",
    "exigent",
    "retrouve",
    "retrouvent",
    "recoit",
    "recoivent",
    "craint",
    "craignent",
    "subit",
    "subissent",
    "tire",
    "tirent",
    "profite",
    "profitent",
    "paie",
    "paient",
    "veut",
    "veulent",
    "annonce",
    "annoncent",
    "salue",
    "saluent",
    "critique",
    "critiquent",
    "condamne",
    "condamnent",
    "demande",
    "demandent",
    "dirige",
    "dirigent",
    "assume",
    "assument",
    "explique",
    "expliquent",
    "parle",
    "parlent",
    "attend",
    "attendent",
    "controle",
    "controlent",
];

/// Subject pronouns: the clause's subject, never the antecedent of its « en ».
const SUBJECT_PRONOUNS: &[&str] = &[
    "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "j'", "qui",
];

const PLURAL_DETERMINERS: &[&str] = &[
    "les",
    "des",
    "ces",
    "ses",
    "leurs",
    "nos",
    "vos",
    "aux",
    "plusieurs",
    "quelques",
    "certains",
    "certaines",
    "nombreux",
    "nombreuses",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "dix",
    "douze",
    "quinze",
    "vingt",
    "trente",
    "cent",
    "mille",
];

const SINGULAR_DETERMINERS: &[&str] = &[
    "le", "la", "l'", "un", "une", "du", "au", "ce", "cet", "cette", "son", "sa", "mon", "ma",
    "notre", "votre", "leur", "chaque",
];

/// Nouns of quantity: « une dizaine de détenus » counts detainees.
const QUANTITY_NOUNS: &[&str] = &[
    "dizaine",
    "douzaine",
    "quinzaine",
    "vingtaine",
    "trentaine",
    "quarantaine",
    "cinquantaine",
    "centaine",
    "millier",
    "plupart",
    "majorite",
    "nombre",
    "serie",
];

/// Time nouns: « ces derniers mois » dates, it names nothing « en » could stand for.
const TIME_NOUNS: &[&str] = &[
    "mois", "jours", "semaines", "annees", "ans", "heures", "temps", "jour", "semaine", "annee",
    "an", "heure", "fois",
];

/// A quantity after the verb makes « en » partitive (« en ont secouru une trentaine »,
/// « il y en a trois cents », « n'en a retrouvé qu'une partie »): English "of them" or
/// "of it" follows the quantity, not the antecedent.
const QUANTITY_WORDS: &[&str] = &[
    "un",
    "une",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "quinze",
    "vingt",
    "trente",
    "quarante",
    "cinquante",
    "cent",
    "cents",
    "mille",
    "partie",
    "part",
    "beaucoup",
    "peu",
    "plus",
    "moins",
    "aucun",
    "aucune",
    "certains",
    "certaines",
    "plusieurs",
    "moitie",
    "tiers",
    "quart",
    "trop",
    "assez",
    "autant",
];

/// Units and currencies: « 200 millions de francs » is a sum, one thing.
const UNITS: &[&str] = &[
    "francs",
    "fcfa",
    "cfa",
    "dollars",
    "euros",
    "tonnes",
    "kilometres",
    "km",
    "litres",
    "hectares",
    "pour",
    "%",
    "ans",
    "jours",
    "heures",
    "mois",
];

/// Prepositions: a noun phrase right after one is an adjunct, not a likely antecedent.
const PREPOSITIONS: &[&str] = &[
    "a", "dans", "de", "d'", "en", "sur", "sous", "par", "pour", "avec", "vers", "contre", "entre",
    "chez", "depuis", "pendant", "selon", "sans", "apres", "avant", "malgre", "parmi", "pres",
    "face", "lors", "jusqu'", "autour",
];

/// « du », « au », « aux » hold their preposition.
const CONTRACTED: &[&str] = &["du", "au", "aux"];

/// Words after which « des » is the plural article (« ont saisi des armes », « et des
/// civils »), not « de » + « les » (« le report des élections »).
const BEFORE_PLURAL_ARTICLE: &[&str] = &["et", "ou", "mais", "que", "qui", "dont"];

/// Collective nouns English may refer to with "they" and "their" (the government … their).
const COLLECTIVES: &[&str] = &[
    "gouvernement",
    "parti",
    "armee",
    "police",
    "equipe",
    "groupe",
    "population",
    "opposition",
    "foule",
    "junte",
    "communaute",
    "famille",
    "personnel",
    "conseil",
    "assemblee",
    "commission",
    "direction",
    "societe",
    "entreprise",
];

/// English renderings of « en » as a « de » complement, by number.
const SINGULAR_RENDERINGS: &[&str] = &["of it", "from it", "about it", "out of it", "for it"];
const PLURAL_RENDERINGS: &[&str] = &["of them", "from them", "about them", "for them"];

/// How far back a noun phrase may start: the previous sentence of the document.
const CONTEXT_BYTES: usize = 600;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Number {
    Singular,
    Plural,
}

impl Number {
    fn other(self) -> Number {
        match self {
            Number::Singular => Number::Plural,
            Number::Plural => Number::Singular,
        }
    }
}

fn is_in(list: &[&str], word: &Word) -> bool {
    word.is_word() && list.contains(&word.folded.as_str())
}

fn folded_at<'w>(words: &'w [Word], k: usize) -> &'w str {
    words.get(k).map_or("", |w| w.folded.as_str())
}

/// Word `k` is a clitic « en »: before a finite verb that takes it.
fn is_clitic_en(words: &[Word], k: usize) -> bool {
    words[k].folded == "en"
        && words
            .get(k + 1)
            .is_some_and(|n| is_in(VERBS_AFTER_CLITIC, n))
}

/// The « en » at `k` counts a part: « il y en a trois », « en ont tué une dizaine ».
fn is_partitive(words: &[Word], k: usize) -> bool {
    let existential = k.checked_sub(1).is_some_and(|p| words[p].folded == "y");
    existential
        || (k + 2..(k + 6).min(words.len())).any(|j| {
            let w = &words[j];
            // « le plus » is a superlative, no quantity.
            let superlative = w.folded == "plus" && folded_at(words, j - 1) == "le";
            !superlative
                && (w.kind == TokenKind::Number
                    || is_in(QUANTITY_WORDS, w)
                    || is_in(QUANTITY_NOUNS, w)
                    || w.folded.starts_with("qu'"))
        })
}

/// The partitive « en » at `k` counts several (« en ont incendié deux », « en conteste une
/// soixantaine »): whatever it stands for is plural.
fn counts_several(words: &[Word], k: usize) -> bool {
    (k + 2..(k + 6).min(words.len())).any(|j| {
        let w = &words[j];
        let value = match w.kind {
            TokenKind::Number => w.text.replace(['.', ',', ' ', '\u{a0}'], "").parse().ok(),
            _ => super::numbers::word_value("fr", &w.folded),
        };
        let several = value.is_some_and(|v: f64| v >= 2.0);
        let unit_follows = (j + 1..(j + 3).min(words.len())).any(|u| is_unit(&words[u]));
        (several && !unit_follows) || is_in(QUANTITY_NOUNS, w) && w.folded != "plupart"
    })
}

/// English "of it" after a count: "two of it", "3,000 of it", "about sixty of it".
fn counted_of_it(english: &str) -> Option<(usize, usize)> {
    let lower = english.to_lowercase();
    if lower.len() != english.len() {
        return None;
    }
    let found = word_positions(&lower, "of it").find_map(|at| {
        let before: Vec<&str> = lower[..at].split_whitespace().rev().take(2).collect();
        let counted = before.iter().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.starts_with(|c: char| c.is_ascii_digit())
                || super::numbers::word_value("en", w).is_some_and(|v| v >= 2.0)
                || matches!(w, "dozens" | "hundreds" | "thousands" | "several" | "many")
        });
        counted.then_some((at, at + "of it".len()))
    });
    found
}

/// The clause of the « en » at `k` has a definite object: « en ont pris le contrôle »,
/// « en ignorent encore la provenance ». English then says "its" or "their".
fn has_definite_object(words: &[Word], k: usize) -> bool {
    (k + 2..(k + 6).min(words.len()))
        .any(|j| matches!(folded_at(words, j), "le" | "la" | "l'" | "les"))
}

fn is_unit(word: &Word) -> bool {
    word.text == "%" || is_in(UNITS, word)
}

/// Number of the determiner at `d`, when it is one. A year or a sum is no count.
fn determiner_number(words: &[Word], d: usize) -> Option<Number> {
    let word = &words[d];
    if word.kind == TokenKind::Number {
        let value: f64 = word
            .text
            .replace([' ', '\u{a0}', '\u{202f}'], "")
            .parse()
            .ok()?;
        let sum = (d + 1..(d + 4).min(words.len())).any(|j| is_unit(&words[j]));
        return match value {
            _ if sum => None,
            v if (1900.0..=2100.0).contains(&v) => None,
            v if v >= 2.0 => Some(Number::Plural),
            _ => Some(Number::Singular),
        };
    }
    let hyphenated_number = word.folded.contains('-')
        && word
            .folded
            .split('-')
            .all(|part| super::numbers::is_number_word("fr", part));
    if is_in(PLURAL_DETERMINERS, word) || hyphenated_number {
        Some(Number::Plural)
    } else if is_in(SINGULAR_DETERMINERS, word) {
        let counted = is_in(QUANTITY_NOUNS, words.get(d + 1)?)
            && matches!(folded_at(words, d + 2), "de" | "d'");
        Some(if counted {
            Number::Plural
        } else {
            Number::Singular
        })
    } else {
        None
    }
}

/// The determiner at `d` opens a noun phrase inside a prepositional phrase.
fn in_prepositional_phrase(words: &[Word], d: usize) -> bool {
    let previous = d.checked_sub(1).map(|p| &words[p]);
    let after_preposition = previous.is_some_and(|p| is_in(PREPOSITIONS, p));
    // « des » after a noun is « de » + « les »; after a verb, punctuation or « et », the
    // plural article.
    let contracted_des = words[d].folded == "des"
        && previous.is_some_and(|p| {
            p.is_word() && !is_in(BEFORE_PLURAL_ARTICLE, p) && !is_participle_or_verb(p)
        });
    is_in(CONTRACTED, &words[d]) || after_preposition || contracted_des
}

/// A finite verb or a past participle, by its ending (« saisi », « frappé », « ont »).
fn is_participle_or_verb(word: &Word) -> bool {
    // Endings read on the accented text: « frappé » is a participle, « Afrique » is not.
    let lower = word.text.to_lowercase();
    is_in(VERBS_AFTER_CLITIC, word)
        || !word.is_capitalised()
            && [
                "é", "és", "ée", "ées", "i", "is", "u", "us", "ait", "aient", "ont",
            ]
            .iter()
            .any(|end| lower.ends_with(end))
}

/// « le Mali, le Niger et le Burkina Faso »: a noun phrase after « et » or « ou » that
/// follows another is one of several.
fn coordinated(words: &[Word], d: usize) -> bool {
    d.checked_sub(1)
        .is_some_and(|p| matches!(folded_at(words, p), "et" | "ou"))
        && (d.saturating_sub(5)..d.saturating_sub(1)).any(|j| determiner_number(words, j).is_some())
}

/// Index just before the noun phrase that ends at `end`: back over its words to its
/// determiner (a few words at most), or `end` itself when none is near.
fn before_noun_phrase(words: &[Word], end: usize) -> Option<usize> {
    let start = end.saturating_sub(4);
    let Some(mut d) = (start..=end)
        .rev()
        .find(|&d| determiner_number(words, d).is_some())
    else {
        return end.checked_sub(1);
    };
    // « les deux médias »: back to the first of the determiners.
    while d > 0 && determiner_number(words, d - 1).is_some() {
        d -= 1;
    }
    d.checked_sub(1)
}

/// Where the search for the antecedent starts: before the subject of the clause of the
/// « en » at `k` (a pronoun, or « qui » and the noun phrase it stands for, or a noun
/// phrase).
fn before_subject(words: &[Word], k: usize) -> Option<usize> {
    let mut p = k.checked_sub(1)?;
    if matches!(words[p].folded.as_str(), "n'" | "ne") {
        p = p.checked_sub(1)?;
    }
    if is_in(SUBJECT_PRONOUNS, &words[p]) && words[p].folded != "qui" {
        return p.checked_sub(1);
    }
    if words[p].folded == "qui" {
        p = p.checked_sub(1)?;
    }
    before_noun_phrase(words, p)
}

/// What « en » stands for, as far as its number goes: a noun phrase or a count, with the
/// byte span to quote.
struct Antecedent {
    number: Number,
    start: usize,
    end: usize,
    collective: bool,
}

/// The nearest noun phrase at or before `from`, passing over those inside a prepositional
/// phrase.
fn antecedent(words: &[Word], from: usize) -> Option<Antecedent> {
    (0..=from)
        .rev()
        .find_map(|d| noun_phrase_at(words, d).or_else(|| names_joined_at(words, d)))
}

/// « Sadio Mané, Kalidou Koulibaly et Édouard Mendy »: names joined by « et » at word `d`
/// are several.
fn names_joined_at(words: &[Word], d: usize) -> Option<Antecedent> {
    let named = |j: usize| {
        words
            .get(j)
            .is_some_and(|w| w.is_word() && w.is_capitalised())
    };
    let joined = words[d].folded == "et" && d > 0 && named(d - 1) && named(d + 1);
    joined.then(|| Antecedent {
        number: Number::Plural,
        start: words[d - 1].start,
        end: words[d + 1].end,
        collective: false,
    })
}

/// The noun phrase whose determiner is word `d`, unless it sits in a prepositional phrase
/// or only dates something.
fn noun_phrase_at(words: &[Word], d: usize) -> Option<Antecedent> {
    let mut number = determiner_number(words, d)?;
    if in_prepositional_phrase(words, d) {
        return None;
    }
    let noun = words.get(d + 1).filter(|w| w.kind != TokenKind::Punct)?;
    if (d + 1..(d + 3).min(words.len())).any(|j| is_in(TIME_NOUNS, &words[j])) {
        return None;
    }
    if coordinated(words, d) {
        number = Number::Plural;
    }
    Some(Antecedent {
        number,
        start: words[d].start,
        end: noun.end,
        collective: is_in(COLLECTIVES, noun),
    })
}

/// The subject of the sentence holding word `at`: its first noun phrase outside a
/// prepositional phrase, the most salient antecedent after the nearest one.
fn sentence_subject(words: &[Word], at: usize) -> Option<Antecedent> {
    let start = (0..at)
        .rev()
        .find(|&j| matches!(words[j].text, "." | "!" | "?"))
        .map_or(0, |j| j + 1);
    (start..=at).find_map(|d| noun_phrase_at(words, d))
}

/// The previous sentence of the document and the pair's text, as one text with the
/// offset where the pair's text starts in it.
fn context<'a>(pair: &Pair<'a>) -> (&'a str, usize) {
    let doc = &pair.source.doc.text;
    let end = pair.source.offset;
    let mut start = end.saturating_sub(CONTEXT_BYTES);
    while !doc.is_char_boundary(start) {
        start += 1;
    }
    let before = doc[start..end].trim_end();
    // The previous sentence starts after the last sentence end before its own.
    let body = before.trim_end_matches(['.', '!', '?', '»', '"', '”', ' ']);
    let sentence_start = body.rfind(['.', '!', '?', '\n']).map_or(0, |at| at + 1);
    let from = start + sentence_start;
    (&doc[from..end + pair.source.text.len()], end - from)
}

/// The English renders « en » in one number: the first such rendering, unless the other
/// number is rendered too. `possessive` adds "its" and "their".
fn rendering(english: &str, number: Number, possessive: bool) -> Option<(usize, usize)> {
    let lower = english.to_lowercase();
    if lower.len() != english.len() {
        return None;
    }
    let first = |phrases: &[&str]| {
        phrases
            .iter()
            .filter_map(|p| {
                word_positions(&lower, p)
                    .next()
                    .map(|at| (at, at + p.len()))
            })
            .min()
    };
    let phrasal = |number: Number| match number {
        Number::Singular => first(SINGULAR_RENDERINGS),
        Number::Plural => first(PLURAL_RENDERINGS),
    };
    let pronoun = |number: Number| match number {
        Number::Singular => first(&["its"]),
        Number::Plural => first(&["their"]),
    };
    // "of it", "of them" say what « en » became; "its" and "their" are read only where
    // no such phrase is, and « en » qualifies a definite object.
    let decide = |found: &dyn Fn(Number) -> Option<(usize, usize)>| {
        found(number.other()).is_none().then(|| found(number))?
    };
    if phrasal(number).is_some() || phrasal(number.other()).is_some() {
        decide(&phrasal)
    } else if possessive {
        decide(&pronoun)
    } else {
        None
    }
}

fn word_positions<'t>(text: &'t str, phrase: &'t str) -> impl Iterator<Item = usize> + 't {
    let is_letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(phrase)
        .map(|(at, _)| at)
        .filter(move |&at| {
            !is_letter(text[..at].chars().next_back())
                && !is_letter(text[at + phrase.len()..].chars().next())
        })
}

pub fn check(pair: &Pair, tokens: &Tokens) -> Option<Finding> {
    // Most pairs have no clitic « en »: only those read the context.
    if !(0..tokens.source.len()).any(|k| is_clitic_en(&tokens.source, k)) {
        return None;
    }
    let (text, pair_start) = context(pair);
    let words = super::words(text);
    let k = (0..words.len()).find(|&k| words[k].start >= pair_start && is_clitic_en(&words, k))?;
    let (english_start, english_end, antecedent) = if is_partitive(&words, k) {
        // A count says the number by itself, whatever « en » stands for.
        if !counts_several(&words, k) {
            return None;
        }
        let (start, end) = counted_of_it(pair.target.text)?;
        let count = Antecedent {
            number: Number::Plural,
            start: words[k + 1].start,
            end: words[(k + 4).min(words.len() - 1)].end,
            collective: false,
        };
        (start, end, count)
    } else {
        let antecedent = antecedent(&words, before_subject(&words, k)?)?;
        // The nearest noun phrase against the sentence's subject: a singular one after a
        // plural subject is too weak to call "them" wrong.
        let subject = sentence_subject(&words, word_at(&words, antecedent.start)?);
        let undecided = antecedent.number == Number::Singular
            && subject.is_some_and(|s| s.number == Number::Plural);
        // A singular collective may be "they" in English; its "their" is no slip.
        if undecided || antecedent.collective && antecedent.number == Number::Singular {
            return None;
        }
        let possessive = has_definite_object(&words, k);
        let (start, end) = rendering(pair.target.text, antecedent.number.other(), possessive)?;
        (start, end, antecedent)
    };
    let local = |at: usize| at.checked_sub(pair_start);
    let source = match (local(words[k].start), local(words[k].end)) {
        (Some(s), Some(e)) => pair.source.span(s, e),
        _ => return None,
    };
    let english = &pair.target.text[english_start..english_end];
    let said = match antecedent.number {
        Number::Plural => "a plural",
        Number::Singular => "one thing",
    };
    Some(
        Finding::new(
            RULE,
            Category::Mistranslation,
            Severity::Warning,
            Some(source),
            Some(pair.target.span(english_start, english_end)),
            format!(
                "« en » stands for {said} here (« {} »): “{english}” gets its number wrong",
                &text[antecedent.start..antecedent.end]
            ),
        )
        .suggest(swap_number(english, antecedent.number)),
    )
}

fn word_at(words: &[Word], start: usize) -> Option<usize> {
    words.iter().position(|w| w.start == start)
}

/// The English rendering in the antecedent's number: "of it" → "of them", "its" → "their".
fn swap_number(english: &str, number: Number) -> String {
    match number {
        Number::Plural => match english {
            "its" | "Its" => "their".to_string(),
            _ => english.replace(" it", " them"),
        },
        Number::Singular => match english {
            "their" | "Their" => "its".to_string(),
            _ => english.replace(" them", " it"),
        },
    }
}

#[cfg(test)]
mod tests {
    fn flagged(fr: &str, en: &str) -> bool {
        crate::check::fires(super::RULE, fr, en)
    }

    #[test]
    fn a_plural_antecedent_rendered_of_it_is_flagged() {
        assert!(flagged(
            "L'armée a perdu trois bases dans le nord. Les rebelles qui en ont pris le contrôle y ont hissé leur drapeau.",
            "The army lost three bases in the north. The rebels who took control of it raised their flag there."
        ));
        // « en » qualifying a definite object is English "its".
        assert!(flagged(
            "Les enquêteurs ont saisi des documents. Ils en ont publié le contenu mardi.",
            "Investigators seized documents. They published its contents on Tuesday."
        ));
        // Names joined by « et » are several.
        assert!(flagged(
            "Le club a recruté Ali Diallo et Moussa Keita. Il en a prolongé les contrats.",
            "The club signed Ali Diallo and Moussa Keita. It extended its contracts."
        ));
    }

    #[test]
    fn a_singular_antecedent_rendered_of_them_is_flagged() {
        assert!(flagged(
            "Le camp militaire a été attaqué dimanche. Les assaillants en ont pris le contrôle.",
            "The military camp was attacked on Sunday. The attackers took control of them."
        ));
    }

    #[test]
    fn a_count_makes_en_plural_whatever_it_stands_for() {
        assert!(flagged(
            "Des hommes armés ont attaqué trois villages. Ils en ont incendié deux.",
            "Armed men attacked three villages. They set fire to two of it."
        ));
        // A part of one thing, or a share, is rightly "of it".
        assert!(!flagged(
            "Des hommes ont volé 200 millions de francs. La police n'en a retrouvé qu'une partie.",
            "Men stole 200 million francs. Police recovered only part of it."
        ));
        assert!(!flagged(
            "L'Etat a vendu une partie du capital de la société. Il en détient désormais 15 %.",
            "The state sold part of the company's capital. It now holds 15% of it."
        ));
    }

    #[test]
    fn a_collective_may_be_they() {
        assert!(!flagged(
            "Le gouvernement a présenté son plan. L'opposition en a critiqué les dirigeants.",
            "The government presented its plan. The opposition criticised their leaders."
        ));
    }

    #[test]
    fn a_singular_antecedent_or_a_plural_rendering_is_left_alone() {
        // « la ville » is the antecedent: "of it" is right.
        assert!(!flagged(
            "La ville est tombée dimanche. Les jihadistes qui en ont pris le contrôle ont pillé le marché.",
            "The town fell on Sunday. The jihadists who took control of it looted the market."
        ));
        // The plural is rendered.
        assert!(!flagged(
            "L'armée a perdu trois bases dans le nord. Les rebelles qui en ont pris le contrôle y ont hissé leur drapeau.",
            "The army lost three bases in the north. The rebels who took control of them raised their flag there."
        ));
        // The clause's own subject is no antecedent: « les jihadistes » took « la ville ».
        assert!(!flagged(
            "La ville est tombée et les jihadistes en ont pris le contrôle.",
            "The town fell and the jihadists took control of it."
        ));
    }

    #[test]
    fn noun_phrases_inside_a_prepositional_phrase_are_passed_over() {
        // « des combats » follows « après »: the salient antecedent is « le camp ».
        assert!(!flagged(
            "Le camp a été repris après des combats. L'armée en a pris le contrôle.",
            "The camp was retaken after fighting. The army took control of it."
        ));
    }

    #[test]
    fn en_as_a_preposition_or_a_year_is_no_clitic() {
        assert!(!flagged(
            "Les trois pays ont quitté la Cédéao. Ils ont signé en 2023 une charte.",
            "The three countries left ECOWAS. They signed a charter in 2023, the heart of it."
        ));
        assert!(!flagged(
            "Depuis 2020, le pays a été dirigé par des militaires qui en ont pris le contrôle.",
            "Since 2020 the country has been led by soldiers who took control of it."
        ));
    }
}
