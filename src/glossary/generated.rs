//! A generated glossary and queries against it, for tests that check that the fast
//! one-off lookup gives exactly what the full load and scan give.
//!
//! Terms are pseudo-words with French accents, hyphens, apostrophes, digits, acronyms
//! (dotted or not) and now and then a letter only the full Unicode fold handles, so that
//! every way a query can meet a term occurs, often with near neighbours.

use super::{spaced_key, Concept, Domain, Glossary, Terms};

/// A deterministic generator: the same glossary on every run.
pub(super) struct Lcg(pub(super) u64);

impl Lcg {
    pub(super) fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn word(&mut self) -> String {
        const SYLLABLES: [&str; 20] = [
            "ba", "ko", "ra", "mé", "li", "du", "sa", "tô", "gou", "na", "fè", "ri", "ma", "tchi",
            "wa", "ç", "dé", "si", "œu", "za",
        ];
        let len = 1 + self.below(3);
        let mut word: String = (0..len).map(|_| self.pick(&SYLLABLES)).collect();
        if self.below(40) == 0 {
            // Letters outside the fold table: the whole term takes the Unicode path.
            word.push_str(self.pick(&["ǆ", "ş", "ﬁ", "ð"]));
        }
        if self.below(3) == 0 {
            // Capitalised, as names are.
            let mut chars = word.chars();
            let first = chars.next().expect("words are not empty");
            word = first.to_uppercase().chain(chars).collect();
        }
        word
    }

    /// One to `most` words.
    fn phrase(&mut self, most: usize) -> String {
        let words = 1 + self.below(most);
        let mut phrase = self.word();
        for _ in 1..words {
            phrase.push_str(self.pick(&[" ", " ", " ", "-", " d'", ", "]));
            phrase.push_str(&self.word());
        }
        phrase
    }
}

fn acronym_of(phrase: &str, dotted: bool) -> String {
    let spaced = spaced_key(phrase);
    let letters = spaced
        .split(' ')
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase);
    if dotted {
        letters.flat_map(|c| [c, '.']).collect()
    } else {
        letters.collect()
    }
}

/// `count` concepts; some share words, acronyms or a French term with others.
pub(super) fn glossary(count: usize) -> Glossary {
    let mut rng = Lcg(7);
    let concepts = (0..count)
        .map(|i| {
            let fr = rng.phrase(4);
            let en = rng.phrase(4);
            let mut concept = Concept::new(format!("g{i}"), fr.clone(), en.clone());
            concept.domain = Domain::ALL[i % Domain::ALL.len()];
            concept.fr = Terms {
                acronym: (rng.below(2) == 0).then(|| {
                    let dotted = rng.below(3) == 0;
                    acronym_of(&fr, dotted)
                }),
                variants: (0..rng.below(3)).map(|_| rng.phrase(2)).collect(),
                preferred: fr,
            };
            concept.en = Terms {
                acronym: (rng.below(2) == 0)
                    .then(|| format!("{}{}", acronym_of(&en, false), i % 7)),
                variants: (0..rng.below(2)).map(|_| rng.phrase(2)).collect(),
                preferred: en,
            };
            concept.en_avoid = (0..rng.below(2)).map(|_| rng.phrase(2)).collect();
            concept.definition = rng.phrase(8);
            concept.note = format!("note {i}");
            concept
        })
        .collect();
    Glossary::from_concepts(concepts).expect("generated concepts are valid")
}

/// Queries against `glossary`: its terms as written, re-cased, stripped of accents and
/// punctuation, single words of them, and all of those with a letter dropped, doubled,
/// replaced or two letters swapped; plus a few that meet nothing or the built-in data.
pub(super) fn queries(glossary: &Glossary, count: usize) -> Vec<String> {
    let mut rng = Lcg(11);
    let terms: Vec<&str> = glossary
        .iter()
        .flat_map(|c| c.terms().map(|t| t.text))
        .collect();
    let mut queries: Vec<String> = ["Wagnr", "union", "jnim", "G.S.I.M.", "zzzz", "...", "ba"]
        .map(String::from)
        .to_vec();
    while queries.len() < count {
        let term = terms[rng.below(terms.len())];
        let base = match rng.below(5) {
            0 => term.to_string(),
            1 => term.to_uppercase(),
            2 => spaced_key(term),
            _ => {
                let words: Vec<&str> = term.split([' ', '-', '\'']).collect();
                words[rng.below(words.len())].to_string()
            }
        };
        let mut chars: Vec<char> = base.chars().collect();
        if chars.len() > 2 {
            let at = rng.below(chars.len() - 1);
            match rng.below(6) {
                0 => {
                    chars.remove(at);
                }
                1 => chars.insert(at, chars[at]),
                2 => chars[at] = 'x',
                3 => chars.swap(at, at + 1),
                _ => {}
            }
        }
        queries.push(chars.into_iter().collect());
    }
    queries
}
