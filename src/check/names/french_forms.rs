//! A place's French name left in the English: "refugees fleeing Darfour", "in Tombouctou".
//! English copy has its own names for these places (Darfur, Timbuktu); the French one
//! reads as untranslated.

use super::{letter_runs, letters, lexicon};
use crate::check::{Category, Finding, Pair, Severity, Tokens, Word};

pub const RULE: &str = "name.french-form";

/// Findings for places the French names whose French form also stands in the English.
pub fn kept(pair: &Pair, tokens: &Tokens) -> Vec<Finding> {
    let words = &tokens.target;
    let mut out = Vec::new();
    let mut seen = Vec::new();
    for k in 0..words.len() {
        if !words[k].is_capitalised() || inside_a_longer_name(words, k) {
            continue;
        }
        let Some((entry, span)) = french_form_at(words, k) else {
            continue;
        };
        if seen.contains(&entry) || quoted(pair.target.text, words[k].start) {
            continue;
        }
        // A place, not a person or a title that bears its name: the French gives it an
        // article or a preposition (« le Maroc », « au Caire »), or the English a word
        // of place ("in", "from", "the").
        let Some(as_place) = french_mention(&tokens.source, entry) else {
            continue;
        };
        if as_place || after_a_place_word(words, k) {
            seen.push(entry);
            out.push(finding(pair, entry, span));
        }
    }
    out
}

/// Whether byte `at` of the English stands inside quotation marks: a title or a slogan
/// kept in French ("Le Chemin de Damas"), or words quoted as the French has them.
fn quoted(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let straight = before.matches('"').count() % 2 == 1;
    let curly = before.rfind('“') > before.rfind('”');
    straight || curly
}

/// French articles that open some names of places (Le Caire, La Haye).
fn is_article(folded: &str) -> bool {
    matches!(folded, "le" | "la" | "les" | "l'" | "l’")
}

/// The exonyms whose French form may start at word `k`: its own, or past an article.
fn candidates(words: &[Word], k: usize) -> Option<&'static Vec<usize>> {
    let index = &lexicon().by_french_word;
    let key = if is_article(&words[k].folded) {
        words.get(k + 1)?
    } else {
        &words[k]
    };
    index.get(key.folded.as_str())
}

/// The letters of a French form with and without its article: "lecaire", "caire".
fn form_letters(form: &str) -> [String; 2] {
    let bare = form
        .split_once(' ')
        .filter(|(article, _)| is_article(article))
        .map_or(form, |(_, rest)| rest);
    [letters(form), letters(bare)]
}

/// The place whose French form (and none of its English ones) starts at word `k`, with
/// the byte span of that form.
fn french_form_at(words: &[Word], k: usize) -> Option<(usize, (usize, usize))> {
    let lex = lexicon();
    let entries = candidates(words, k)?;
    let runs = letter_runs(words, k);
    let ends: Vec<usize> = words[k..]
        .iter()
        .filter(|w| w.is_word())
        .take(runs.len())
        .map(|w| w.end)
        .collect();
    entries.iter().filter(|&&e| e < lex.places).find_map(|&e| {
        let place = &lex.exonyms[e];
        let english: Vec<String> = place.english.iter().map(|f| letters(f)).collect();
        place.french.iter().find_map(|form| {
            let form = letters(form);
            let at = runs.iter().position(|run| *run == form)?;
            // "Niger" is Niger in both languages; "Côte d'Ivoire" is also English;
            // "Nigeriens" is the plural of "Nigerien".
            let english_too = english.iter().any(|e| same_but_plural(e, &form));
            let last = k + at;
            let longer = words
                .get(last + 1)
                .is_some_and(|w| w.is_capitalised() || UNIT_NOUNS.contains(&w.folded.as_str()));
            (!english_too && !longer && !words[k].is_acronym())
                .then_some((e, (words[k].start, ends[at])))
        })
    })
}

/// Whether the French names place `entry` in one of its French forms: `None` if not,
/// `Some(true)` if after an article or a preposition of place (« au Maroc »).
fn french_mention(words: &[Word], entry: usize) -> Option<bool> {
    let forms: Vec<[String; 2]> = lexicon().exonyms[entry]
        .french
        .iter()
        .map(|f| form_letters(f))
        .collect();
    let mut named = None;
    for k in 0..words.len() {
        if !candidates(words, k).is_some_and(|c| c.contains(&entry)) {
            continue;
        }
        let runs = letter_runs(words, k);
        if !forms.iter().flatten().any(|f| runs.contains(f)) {
            continue;
        }
        let marked = k
            .checked_sub(1)
            .is_some_and(|j| FRENCH_PLACE_MARKERS.contains(&words[j].folded.as_str()));
        let marked = marked || is_article(&words[k].folded);
        named = Some(named.unwrap_or(false) || marked);
    }
    named
}

/// French words before the name of a place.
const FRENCH_PLACE_MARKERS: &[&str] = &[
    "le", "la", "les", "l'", "l’", "au", "aux", "en", "a", "de", "du", "d'", "d’", "vers",
    "depuis", "pour",
];

/// The capitalised word before `k` makes it part of a longer name (Air Algérie, Mr
/// Damas), unless that word is a word of place opening the sentence ("In Tombouctou").
fn inside_a_longer_name(words: &[Word], k: usize) -> bool {
    k.checked_sub(1).is_some_and(|j| {
        let previous = &words[j];
        previous.is_word()
            && previous.is_capitalised()
            && !PLACE_WORDS.contains(&previous.folded.as_str())
            && !is_article(&previous.folded)
    })
}

/// Words after which a capitalised word names a place ("fighting in Darfour", "the
/// Darfour region"), not a person who bears a place's name (President Hollande).
const PLACE_WORDS: &[&str] = &[
    "in",
    "from",
    "to",
    "at",
    "of",
    "across",
    "near",
    "around",
    "into",
    "through",
    "toward",
    "towards",
    "outside",
    "inside",
    "within",
    "throughout",
    "the",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "neighbouring",
    "neighboring",
];

/// An administrative unit whose official name English copy keeps in French: "the Golfe
/// district" of Lomé, "Plateaux region".
const UNIT_NOUNS: &[&str] = &[
    "district",
    "prefecture",
    "region",
    "province",
    "commune",
    "department",
    "county",
    "canton",
    "quarter",
    "neighbourhood",
    "neighborhood",
];

fn after_a_place_word(words: &[Word], k: usize) -> bool {
    k.checked_sub(1)
        .is_some_and(|j| PLACE_WORDS.contains(&words[j].folded.as_str()))
}

fn same_but_plural(a: &str, b: &str) -> bool {
    a.trim_end_matches('s') == b.trim_end_matches('s')
}

fn finding(pair: &Pair, entry: usize, (start, end): (usize, usize)) -> Finding {
    let english = &lexicon().exonyms[entry].english_shown;
    let kept = &pair.target.text[start..end];
    Finding::new(
        RULE,
        Category::Name,
        Severity::Warning,
        None,
        Some(pair.target.span(start, end)),
        format!("« {kept} » is the French name of the place; English writes “{english}”"),
    )
    .suggest(english)
}

#[cfg(test)]
mod tests {
    fn flagged(fr: &str, en: &str) -> bool {
        crate::check::fires(super::RULE, fr, en)
    }

    #[test]
    fn a_place_left_in_its_french_form_is_flagged() {
        assert!(flagged(
            "Des réfugiés fuient les combats au Darfour.",
            "Refugees are fleeing the fighting in Darfour."
        ));
        assert!(flagged(
            "Le convoi est arrivé à Tombouctou.",
            "The convoy arrived in Tombouctou."
        ));
    }

    #[test]
    fn english_forms_people_and_local_units_stay_silent() {
        for (fr, en) in [
            (
                "Des réfugiés fuient les combats au Darfour.",
                "Refugees are fleeing the fighting in Darfur.",
            ),
            // A man who bears a place's name; a place name inside a longer name.
            (
                "Le président Hollande s'est rendu à Bamako.",
                "President Hollande travelled to Bamako.",
            ),
            (
                "Le magazine Jeune Afrique a publié l'entretien.",
                "The magazine Jeune Afrique published the interview.",
            ),
            // The official name of an administrative unit.
            (
                "Les cas ont été recensés dans le district du Golfe.",
                "The cases were recorded in the Golfe district.",
            ),
            // An English form that is the French one in the plural.
            (
                "Des Nigériens ont manifesté à Niamey.",
                "Nigeriens demonstrated in Niamey.",
            ),
        ] {
            assert!(!flagged(fr, en), "{en}");
        }
    }
}
