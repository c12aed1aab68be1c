//! Lookup: find the concepts a user means by a term typed in either language, however it
//! is cased, accented, punctuated or misspelt.
//!
//! Every term of every concept is indexed under its compact key (folded, punctuation and
//! spaces removed: "G.S.I.M." → "gsim"). A query is matched, best first, by
//! 1. the same key (exact, or equal once folded);
//! 2. whole words inside a longer term ("barkhane" in "opération Barkhane");
//! 3. a small edit distance (optimal string alignment, so a swapped pair of letters is one
//!    edit) against keys of nearby length only: keys are bucketed by length, and a query of
//!    length n with at most k edits only reads buckets n−k..=n+k.

use super::{spaced_key, Concept, Glossary, Lang, Term, TermRole};
use rapidfuzz::distance::osa;
use serde::Serialize;
use std::collections::HashMap;

/// How a query met a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum MatchKind {
    /// The term exactly as written.
    Exact,
    /// The same term ignoring case, accents and punctuation.
    Folded,
    /// The query is a whole word or run of words of the term.
    Words,
    /// The term within a few edits of the query.
    Fuzzy { edits: usize },
    /// A word of the term within a few edits of the one-word query ("Wagnr").
    FuzzyWord { edits: usize },
}

/// One concept found by a lookup, with the term that matched and why.
#[derive(Debug, Clone, Serialize)]
pub struct Hit<'g> {
    /// 0–100: exact 100, folded 95, words 60–89, fuzzy up to 89, fuzzy word up to 78.
    pub score: u32,
    #[serde(rename = "match")]
    pub kind: MatchKind,
    pub term: Term<'g>,
    pub reason: String,
    pub concept: &'g Concept,
}

/// One indexed term.
struct Entry<'g> {
    concept: u32,
    term: Term<'g>,
    spaced: String,
}

/// The lookup index over a glossary.
pub struct Index<'g> {
    glossary: &'g Glossary,
    entries: Vec<Entry<'g>>,
    by_key: HashMap<String, Vec<u32>>,
    /// Distinct keys grouped by length in characters, for the typo search.
    keys_by_len: Vec<Vec<String>>,
    /// The words of multi-word terms, each with the entries that contain it.
    by_word: HashMap<String, Vec<u32>>,
    words_by_len: Vec<Vec<String>>,
}

impl<'g> Index<'g> {
    pub fn new(glossary: &'g Glossary) -> Index<'g> {
        let mut entries = Vec::with_capacity(glossary.len() * 6);
        let mut by_key: HashMap<String, Vec<u32>> = HashMap::with_capacity(glossary.len() * 6);
        for (i, concept) in glossary.iter().enumerate() {
            for term in concept.terms() {
                let spaced = spaced_key(term.text);
                let key: String = spaced.chars().filter(|c| *c != ' ').collect();
                if key.is_empty() {
                    continue;
                }
                by_key.entry(key).or_default().push(entries.len() as u32);
                entries.push(Entry {
                    concept: i as u32,
                    term,
                    spaced,
                });
            }
        }
        let mut by_word: HashMap<String, Vec<u32>> = HashMap::new();
        for (e, entry) in entries.iter().enumerate() {
            if !entry.spaced.contains(' ') {
                continue;
            }
            for word in entry.spaced.split(' ') {
                let list = by_word.entry(word.to_string()).or_default();
                if list.last() != Some(&(e as u32)) {
                    list.push(e as u32);
                }
            }
        }
        let keys_by_len = bucket_by_len(by_key.keys());
        let words_by_len = bucket_by_len(by_word.keys());
        Index {
            glossary,
            entries,
            by_key,
            keys_by_len,
            by_word,
            words_by_len,
        }
    }

    /// The best `limit` concepts for `query`, best first, one hit per concept.
    pub fn lookup(&self, query: &str, limit: usize) -> Vec<Hit<'g>> {
        let query = query.trim();
        let spaced = spaced_key(query);
        let key: String = spaced.chars().filter(|c| *c != ' ').collect();
        if key.is_empty() {
            return Vec::new();
        }
        let mut best: HashMap<u32, Hit<'g>> = HashMap::new();
        let mut offer = |entry: &Entry<'g>, score: u32, kind: MatchKind| {
            let better = best.get(&entry.concept).map_or(true, |hit| {
                (score, std::cmp::Reverse(role_rank(entry.term.role)))
                    > (hit.score, std::cmp::Reverse(role_rank(hit.term.role)))
            });
            if better {
                let concept = &self.glossary.concepts()[entry.concept as usize];
                best.insert(
                    entry.concept,
                    Hit {
                        score,
                        kind,
                        term: entry.term,
                        reason: reason(kind, entry.term, concept),
                        concept,
                    },
                );
            }
        };

        for &e in self.by_key.get(&key).into_iter().flatten() {
            let entry = &self.entries[e as usize];
            if entry.term.text == query {
                offer(entry, 100, MatchKind::Exact);
            } else {
                offer(entry, 95, MatchKind::Folded);
            }
        }

        if key.chars().count() >= 3 {
            // Candidates share the query's first word; the whole run is then checked.
            let first_word = spaced.split(' ').next().unwrap_or("");
            for &e in self.by_word.get(first_word).into_iter().flatten() {
                let entry = &self.entries[e as usize];
                if let Some(coverage) = word_coverage(&spaced, &entry.spaced) {
                    offer(entry, 60 + (29.0 * coverage) as u32, MatchKind::Words);
                }
            }
        }

        let len = key.chars().count();
        for (candidate, edits) in near_keys(&key, &self.keys_by_len) {
            let longest = len.max(candidate.chars().count()) as f64;
            let score = (90.0 * (1.0 - edits as f64 / longest)) as u32;
            for &e in &self.by_key[candidate] {
                offer(&self.entries[e as usize], score, MatchKind::Fuzzy { edits });
            }
        }
        if !spaced.contains(' ') {
            for (word, edits) in near_keys(&key, &self.words_by_len) {
                for &e in &self.by_word[word] {
                    let entry = &self.entries[e as usize];
                    let coverage = word.len() as f64 / entry.spaced.len() as f64;
                    let closeness = 1.0 - edits as f64 / len.max(word.chars().count()) as f64;
                    let score = ((50.0 + 29.0 * coverage) * closeness) as u32;
                    offer(entry, score, MatchKind::FuzzyWord { edits });
                }
            }
        }

        let mut hits: Vec<Hit<'g>> = best.into_values().collect();
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then_with(|| role_rank(a.term.role).cmp(&role_rank(b.term.role)))
                .then_with(|| a.concept.id.cmp(&b.concept.id))
        });
        hits.truncate(limit);
        hits
    }
}

/// Keys within the allowed number of edits of `key` (but not equal to it), read from the
/// length buckets that can hold such keys only.
fn near_keys<'k>(key: &str, buckets: &'k [Vec<String>]) -> Vec<(&'k str, usize)> {
    let len = key.chars().count();
    let max_edits = max_edits(len);
    if max_edits == 0 || buckets.is_empty() {
        return Vec::new();
    }
    let comparator = osa::BatchComparator::new(key.chars());
    let args = osa::Args::default().score_cutoff(max_edits);
    let lo = len.saturating_sub(max_edits);
    let hi = (len + max_edits).min(buckets.len() - 1);
    let mut near = Vec::new();
    for bucket in buckets.get(lo..=hi).into_iter().flatten() {
        for candidate in bucket {
            match comparator.distance_with_args(candidate.chars(), &args) {
                Some(edits) if edits > 0 => near.push((candidate.as_str(), edits)),
                _ => {}
            }
        }
    }
    near
}

fn bucket_by_len<'a>(keys: impl Iterator<Item = &'a String>) -> Vec<Vec<String>> {
    let mut buckets: Vec<Vec<String>> = Vec::new();
    for key in keys {
        let len = key.chars().count();
        if buckets.len() <= len {
            buckets.resize_with(len + 1, Vec::new);
        }
        buckets[len].push(key.clone());
    }
    buckets
}

/// How many edits a typo may have: none under 4 characters (acronyms are too dense:
/// "UA" and "UE" are different bodies), then one, two, three as the key grows.
fn max_edits(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=5 => 1,
        6..=11 => 2,
        _ => 3,
    }
}

/// The share of `term` covered when `query` is a run of whole words of it, if it is one.
fn word_coverage(query: &str, term: &str) -> Option<f64> {
    if query.len() >= term.len() {
        return None;
    }
    let found = term.match_indices(query).any(|(at, _)| {
        let before_ok = at == 0 || term.as_bytes()[at - 1] == b' ';
        let end = at + query.len();
        let after_ok = end == term.len() || term.as_bytes()[end] == b' ';
        before_ok && after_ok
    });
    found.then(|| query.len() as f64 / term.len() as f64)
}

/// Preferred terms rank before variants and acronyms at equal score; renderings to avoid
/// come last.
fn role_rank(role: TermRole) -> u8 {
    match role {
        TermRole::Preferred => 0,
        TermRole::Acronym => 1,
        TermRole::Variant => 2,
        TermRole::Avoid => 3,
    }
}

fn reason(kind: MatchKind, term: Term<'_>, concept: &Concept) -> String {
    let language = match term.lang {
        Lang::Fr => "French",
        Lang::En => "English",
    };
    let what = match term.role {
        TermRole::Preferred => format!("the {language} preferred term"),
        TermRole::Variant => format!("a {language} variant"),
        TermRole::Acronym => format!("the {language} acronym"),
        TermRole::Avoid => "an English rendering to avoid".to_string(),
    };
    let how = match kind {
        MatchKind::Exact => "exactly".to_string(),
        MatchKind::Folded => "ignoring case, accents and punctuation".to_string(),
        MatchKind::Words => "as words of".to_string(),
        MatchKind::FuzzyWord { edits: 1 } => "within 1 edit of a word of".to_string(),
        MatchKind::FuzzyWord { edits } => format!("within {edits} edits of a word of"),
        MatchKind::Fuzzy { edits: 1 } => "within 1 edit of".to_string(),
        MatchKind::Fuzzy { edits } => format!("within {edits} edits of"),
    };
    let mut text = match kind {
        MatchKind::Exact | MatchKind::Folded => format!("{what} “{}”, {how}", term.text),
        _ => format!("{how} {what} “{}”", term.text),
    };
    if term.role == TermRole::Avoid {
        text.push_str(&format!("; write “{}”", concept.en.preferred));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glossary() -> Glossary {
        let mut jnim = Concept::new(
            "jnim",
            "Groupe de soutien à l'islam et aux musulmans",
            "JNIM",
        );
        jnim.fr.acronym = Some("GSIM".into());
        jnim.en_avoid = vec!["Group for the Support of Islam and Muslims".into()];
        let mut eigs = Concept::new(
            "eigs",
            "État islamique au Grand Sahara",
            "Islamic State Sahel Province",
        );
        eigs.fr.acronym = Some("EIGS".into());
        let wagner = Concept::new("wagner", "groupe Wagner", "Wagner Group");
        let ua = Concept::new("ua", "Union africaine", "African Union");
        let ue = Concept::new("ue", "Union européenne", "European Union");
        Glossary::from_concepts(vec![jnim, eigs, wagner, ua, ue]).unwrap()
    }

    fn first_id(index: &Index<'_>, query: &str) -> Option<String> {
        index.lookup(query, 5).first().map(|h| h.concept.id.clone())
    }

    #[test]
    fn folded_punctuated_and_cased_queries_meet_their_term() {
        let g = glossary();
        let index = g.index();
        assert_eq!(
            first_id(&index, "etat islamique au grand sahara").as_deref(),
            Some("eigs")
        );
        assert_eq!(first_id(&index, "G.S.I.M.").as_deref(), Some("jnim"));
        let hit = &index.lookup("jnim", 1)[0];
        assert_eq!(hit.kind, MatchKind::Folded);
        assert_eq!(index.lookup("JNIM", 1)[0].kind, MatchKind::Exact);
    }

    #[test]
    fn typos_and_words_are_found_but_rank_below_exact() {
        let g = glossary();
        let index = g.index();
        let hit = &index.lookup("Wagnr", 1)[0];
        assert_eq!(hit.concept.id, "wagner");
        assert_eq!(hit.kind, MatchKind::FuzzyWord { edits: 1 });
        let hits = index.lookup("union", 5);
        assert_eq!(hits.len(), 2);
        assert!(hits.iter().all(|h| h.kind == MatchKind::Words));
    }

    #[test]
    fn short_acronyms_are_not_typo_matched() {
        let g = glossary();
        let index = g.index();
        let hits = index.lookup("UA", 5);
        assert!(hits.is_empty(), "UA has no term of its own here: {hits:?}");
    }

    #[test]
    fn an_avoided_rendering_says_what_to_write() {
        let g = glossary();
        let index = g.index();
        let hit = &index.lookup("group for the support of islam and muslims", 1)[0];
        assert_eq!(hit.term.role, TermRole::Avoid);
        assert!(hit.reason.ends_with("write “JNIM”"), "{}", hit.reason);
    }
}
