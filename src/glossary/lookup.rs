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

use super::{fold, spaced_key, Concept, Glossary, Lang, Term, TermRole};
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

/// One indexed term; its spaced key is a range of `Index::spaced`.
struct Entry<'g> {
    concept: u32,
    term: Term<'g>,
    spaced: (u32, u32),
}

/// The lookup index over a glossary.
///
/// Built at every start-up of a lookup, so it avoids one allocation per key: distinct keys
/// live in one string, and the entries of each key in one array (see [`Postings`]).
pub struct Index<'g> {
    glossary: &'g Glossary,
    entries: Vec<Entry<'g>>,
    /// Every entry's spaced key, end to end.
    spaced: String,
    /// Compact keys ("gsim", "etatislamiqueaugrandsahara") → entries.
    keys: Postings,
    /// Words of multi-word terms → entries that contain them.
    words: Postings,
}

impl<'g> Index<'g> {
    pub fn new(glossary: &'g Glossary) -> Index<'g> {
        let mut entries = Vec::with_capacity(glossary.len() * 8);
        let mut spaced_all = String::with_capacity(glossary.len() * 160);
        let mut keys = Postings::default();
        let mut words = Postings::default();
        let mut key = String::new();
        for (i, concept) in glossary.iter().enumerate() {
            for term in concept.terms() {
                let start = spaced_all.len();
                fold::push_spaced_key(term.text, &mut spaced_all);
                let spaced = &spaced_all[start..];
                if spaced.is_empty() {
                    continue;
                }
                let e = entries.len() as u32;
                key.clear();
                key.extend(spaced.chars().filter(|c| *c != ' '));
                keys.insert(&key, e);
                if spaced.contains(' ') {
                    for word in spaced.split(' ') {
                        words.insert(word, e);
                    }
                }
                entries.push(Entry {
                    concept: i as u32,
                    term,
                    spaced: (start as u32, spaced_all.len() as u32),
                });
            }
        }
        keys.finish();
        words.finish();
        Index {
            glossary,
            entries,
            spaced: spaced_all,
            keys,
            words,
        }
    }

    fn spaced_of(&self, entry: &Entry<'_>) -> &str {
        &self.spaced[entry.spaced.0 as usize..entry.spaced.1 as usize]
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

        for &e in self.keys.get(&key) {
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
            for &e in self.words.get(first_word) {
                let entry = &self.entries[e as usize];
                if let Some(coverage) = word_coverage(&spaced, self.spaced_of(entry)) {
                    offer(entry, 60 + (29.0 * coverage) as u32, MatchKind::Words);
                }
            }
        }

        let len = key.chars().count();
        for (candidate, edits) in self.keys.near(&key) {
            let longest = len.max(self.keys.text_of(candidate).chars().count()) as f64;
            let score = (90.0 * (1.0 - edits as f64 / longest)) as u32;
            for &e in self.keys.entries_of(candidate) {
                offer(&self.entries[e as usize], score, MatchKind::Fuzzy { edits });
            }
        }
        if !spaced.contains(' ') {
            for (word_id, edits) in self.words.near(&key) {
                let word = self.words.text_of(word_id);
                for &e in self.words.entries_of(word_id) {
                    let entry = &self.entries[e as usize];
                    let coverage = word.len() as f64 / self.spaced_of(entry).len() as f64;
                    let closeness = 1.0 - edits as f64 / len.max(word.chars().count()) as f64;
                    let score = ((50.0 + 29.0 * coverage) * closeness) as u32;
                    offer(entry, score, MatchKind::FuzzyWord { edits });
                }
            }
        }

        rank(best, limit)
    }
}

/// Best first: score, then preferred terms before variants, then id.
fn rank<'g>(best: HashMap<u32, Hit<'g>>, limit: usize) -> Vec<Hit<'g>> {
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

/// One lookup without an index: a single pass over every term that folds it and scores it
/// against the query with the same rules as [`Index::lookup`]. For one lookup (the
/// command line) this is cheaper than building the index, whose hash tables only pay
/// off over many lookups.
pub fn scan<'g>(glossary: &'g Glossary, query: &str, limit: usize) -> Vec<Hit<'g>> {
    let Some(q) = Query::new(query) else {
        return Vec::new();
    };
    let mut best: HashMap<u32, Hit<'g>> = HashMap::new();
    let mut spaced = String::new();
    let mut key = String::new();
    for (i, concept) in glossary.iter().enumerate() {
        for term in concept.terms() {
            spaced.clear();
            fold::push_spaced_key(term.text, &mut spaced);
            if spaced.is_empty() {
                continue;
            }
            key.clear();
            key.extend(spaced.chars().filter(|c| *c != ' '));
            let Some((score, kind)) = q.score(term.text, &spaced, &key) else {
                continue;
            };
            let better = best.get(&(i as u32)).map_or(true, |hit| {
                (score, std::cmp::Reverse(role_rank(term.role)))
                    > (hit.score, std::cmp::Reverse(role_rank(hit.term.role)))
            });
            if better {
                best.insert(
                    i as u32,
                    Hit {
                        score,
                        kind,
                        term,
                        reason: reason(kind, term, concept),
                        concept,
                    },
                );
            }
        }
    }
    rank(best, limit)
}

/// Tells, term by term, whether a query meets a term at all (by the rules of [`scan`]),
/// with reused buffers: the one-off lookup reads a large user glossary through this and
/// materialises only the concepts it accepts.
pub(super) struct Matcher<'q> {
    query: Option<Query<'q>>,
    spaced: String,
    key: String,
}

impl<'q> Matcher<'q> {
    pub(super) fn new(query: &'q str) -> Matcher<'q> {
        Matcher {
            query: Query::new(query),
            spaced: String::new(),
            key: String::new(),
        }
    }

    /// True when [`scan`] would score `term` (already trimmed, as a concept holds it).
    pub(super) fn meets(&mut self, term: &str) -> bool {
        let Some(query) = &self.query else {
            return false;
        };
        self.spaced.clear();
        fold::push_spaced_key(term, &mut self.spaced);
        if self.spaced.is_empty() {
            return false;
        }
        self.key.clear();
        self.key.extend(self.spaced.chars().filter(|c| *c != ' '));
        query.score(term, &self.spaced, &self.key).is_some()
    }

    /// True when [`scan`] would score some term of `concept`.
    pub(super) fn meets_concept(&mut self, concept: &Concept) -> bool {
        concept.terms().any(|term| self.meets(term.text))
    }
}

/// A query prepared for [`scan`].
struct Query<'q> {
    text: &'q str,
    spaced: String,
    key: String,
    len: usize,
    max_edits: usize,
    comparator: osa::BatchComparator<char>,
}

impl<'q> Query<'q> {
    fn new(text: &'q str) -> Option<Query<'q>> {
        let text = text.trim();
        let spaced = spaced_key(text);
        let key: String = spaced.chars().filter(|c| *c != ' ').collect();
        if key.is_empty() {
            return None;
        }
        let len = key.chars().count();
        Some(Query {
            text,
            comparator: osa::BatchComparator::new(key.chars()),
            max_edits: max_edits(len),
            spaced,
            key,
            len,
        })
    }

    /// Edits between the query key and `candidate`, when within the allowance and not 0.
    fn edits(&self, candidate: &str) -> Option<usize> {
        if self.max_edits == 0 {
            return None;
        }
        let n = candidate.chars().count();
        if n + self.max_edits < self.len || n > self.len + self.max_edits {
            return None;
        }
        let args = osa::Args::default().score_cutoff(self.max_edits);
        self.comparator
            .distance_with_args(candidate.chars(), &args)
            .filter(|&e| e > 0)
    }

    /// The best way this query meets a term, if any.
    fn score(&self, text: &str, spaced: &str, key: &str) -> Option<(u32, MatchKind)> {
        if key == self.key {
            return Some(if text == self.text {
                (100, MatchKind::Exact)
            } else {
                (95, MatchKind::Folded)
            });
        }
        let mut best: Option<(u32, MatchKind)> = None;
        let mut consider = |score: u32, kind: MatchKind| {
            if best.map_or(true, |(s, _)| score > s) {
                best = Some((score, kind));
            }
        };
        if self.len >= 3 {
            if let Some(coverage) = word_coverage(&self.spaced, spaced) {
                consider(60 + (29.0 * coverage) as u32, MatchKind::Words);
            }
        }
        if let Some(edits) = self.edits(key) {
            let longest = self.len.max(key.chars().count()) as f64;
            consider(
                (90.0 * (1.0 - edits as f64 / longest)) as u32,
                MatchKind::Fuzzy { edits },
            );
        }
        if !self.spaced.contains(' ') && spaced.contains(' ') {
            for word in spaced.split(' ') {
                if let Some(edits) = self.edits(word) {
                    let coverage = word.len() as f64 / spaced.len() as f64;
                    let closeness = 1.0 - edits as f64 / self.len.max(word.chars().count()) as f64;
                    consider(
                        ((50.0 + 29.0 * coverage) * closeness) as u32,
                        MatchKind::FuzzyWord { edits },
                    );
                }
            }
        }
        best
    }
}

/// Distinct strings, each with the entries that carry it. The strings sit end to end in
/// one `String`, found by a hash of their text; the entries of all strings sit in one
/// array (grouped by string once `finish` has run); string ids are also grouped by length
/// in characters, so the typo search only reads the lengths a match can have.
#[derive(Default)]
struct Postings {
    text: String,
    spans: Vec<(u32, u32)>,
    /// Hash of a string → its id; on the (rare) collision of two strings, the next free
    /// hash value is used (linear probing).
    ids: HashMap<u64, u32>,
    pairs: Vec<(u32, u32)>,
    offsets: Vec<u32>,
    entries: Vec<u32>,
    by_len: Vec<Vec<u32>>,
}

impl Postings {
    fn text_of(&self, id: u32) -> &str {
        let (start, end) = self.spans[id as usize];
        &self.text[start as usize..end as usize]
    }

    /// The id of `s`, or the free hash slot where it would go.
    fn find(&self, s: &str) -> Result<u32, u64> {
        let mut h = fnv1a(s);
        loop {
            match self.ids.get(&h) {
                Some(&id) if self.text_of(id) == s => return Ok(id),
                Some(_) => h = h.wrapping_add(1),
                None => return Err(h),
            }
        }
    }

    fn insert(&mut self, s: &str, entry: u32) {
        let id = match self.find(s) {
            Ok(id) => id,
            Err(slot) => {
                let id = self.spans.len() as u32;
                let start = self.text.len() as u32;
                self.text.push_str(s);
                self.spans.push((start, self.text.len() as u32));
                self.ids.insert(slot, id);
                let len = s.chars().count();
                if self.by_len.len() <= len {
                    self.by_len.resize_with(len + 1, Vec::new);
                }
                self.by_len[len].push(id);
                id
            }
        };
        if self.pairs.last() != Some(&(id, entry)) {
            self.pairs.push((id, entry));
        }
    }

    /// Groups the entries by string (a counting sort, which keeps entry order).
    fn finish(&mut self) {
        let mut offsets = vec![0u32; self.spans.len() + 1];
        for &(id, _) in &self.pairs {
            offsets[id as usize + 1] += 1;
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let mut next = offsets.clone();
        let mut entries = vec![0u32; self.pairs.len()];
        for &(id, entry) in &self.pairs {
            entries[next[id as usize] as usize] = entry;
            next[id as usize] += 1;
        }
        self.offsets = offsets;
        self.entries = entries;
        self.pairs = Vec::new();
    }

    fn entries_of(&self, id: u32) -> &[u32] {
        let start = self.offsets[id as usize] as usize;
        let end = self.offsets[id as usize + 1] as usize;
        &self.entries[start..end]
    }

    fn get(&self, s: &str) -> &[u32] {
        match self.find(s) {
            Ok(id) => self.entries_of(id),
            Err(_) => &[],
        }
    }

    /// Strings within the allowed number of edits of `key` (but not equal to it).
    fn near(&self, key: &str) -> Vec<(u32, usize)> {
        let len = key.chars().count();
        let max_edits = max_edits(len);
        if max_edits == 0 || self.by_len.is_empty() {
            return Vec::new();
        }
        let comparator = osa::BatchComparator::new(key.chars());
        let args = osa::Args::default().score_cutoff(max_edits);
        let lo = len.saturating_sub(max_edits);
        let hi = (len + max_edits).min(self.by_len.len() - 1);
        let mut near = Vec::new();
        for bucket in self.by_len.get(lo..=hi).into_iter().flatten() {
            for &id in bucket {
                match comparator.distance_with_args(self.text_of(id).chars(), &args) {
                    Some(edits) if edits > 0 => near.push((id, edits)),
                    _ => {}
                }
            }
        }
        near
    }
}

/// FNV-1a: a fast hash for short keys; collisions are resolved by [`Postings::find`].
fn fnv1a(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
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
    fn scan_and_index_agree_on_the_builtin_glossary() {
        let g = Glossary::builtin();
        let index = g.index();
        for query in [
            "jnim",
            "G.S.I.M.",
            "Wagnr",
            "Barkane",
            "union",
            "etat islamique",
            "Tombouctu",
            "Sahel States Alliance",
            "gendarmerie",
            "UA",
            "zzzz",
            "Forces armées",
        ] {
            let summary = |hits: Vec<Hit<'_>>| -> Vec<(String, u32)> {
                hits.into_iter()
                    .map(|h| (h.concept.id.clone(), h.score))
                    .collect()
            };
            assert_eq!(
                summary(scan(&g, query, 10)),
                summary(index.lookup(query, 10)),
                "{query}"
            );
        }
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
