//! Fuzzy search over translation memories, as a CAT tool shows it.
//!
//! **Match percentage.** Both the query and each memory source are split into word tokens
//! (runs of letters and digits, lower-cased) and punctuation tokens (every other non-space
//! character). The percentage is `100 × (1 − d / max(n, m))`, rounded down, where `d` is the
//! word-level Levenshtein distance (insertions, deletions, substitutions of whole tokens)
//! and `n`, `m` the token counts. 100 % is kept for a source identical to the query; when
//! only case or spacing differ the match shows 99 %. An exact match whose preceding unit in
//! the same document equals the given context is an in-context match, ranked first.
//!
//! **Speed.** An inverted index maps each token to the units containing it. A unit reaching
//! the minimum percentage must share at least `⌈min × n / 100⌉` of the query's tokens, so it
//! contains at least one of the query's rarest tokens (the pigeonhole "prefix filter"): only
//! the units listed under those tokens are scored, with rapidfuzz's bit-parallel Levenshtein
//! over token ids and a distance cutoff.

use crate::error::{Error, Result};
use crate::text::hash::FastMap;
use crate::tmx::{self, Header, Memory, ReadOptions, TranslationUnit};
use rapidfuzz::distance::levenshtein;
use rayon::prelude::*;
use serde::Serialize;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// How a match relates to the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchKind {
    /// Identical source, and the unit before it matches the query's context.
    InContext,
    /// Identical source.
    Exact,
    Fuzzy,
}

#[derive(Debug, Clone, Serialize)]
pub struct Match {
    pub score: u8,
    pub kind: MatchKind,
    pub source: String,
    pub target: String,
    pub file: PathBuf,
    pub document: Option<String>,
    /// Byte ranges of `source` that differ from the query.
    pub changed: Vec<(usize, usize)>,
    /// Query words the match lacks.
    pub missing: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct SearchOptions {
    /// Lowest percentage shown (0–100).
    pub min: u8,
    pub limit: usize,
    /// The source sentence before the query, for in-context matches.
    pub context: Option<String>,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            min: 70,
            limit: 5,
            context: None,
        }
    }
}

/// Loaded memories with their token index. Texts and tokens live in flat arenas so that a
/// million units cost a few allocations, not millions.
#[derive(Debug, Default)]
pub struct TranslationMemory {
    files: Vec<PathBuf>,
    documents: Vec<String>,
    document_ids: HashMap<String, u32>,
    sources: Arena,
    targets: Arena,
    unit_file: Vec<u32>,
    /// Index into `documents`, or `u32::MAX`.
    unit_document: Vec<u32>,
    /// The newest date as a number (YYYYMMDDhhmmss), 0 when undated.
    unit_date: Vec<u64>,
    tokens: Vec<u32>,
    token_ends: Vec<usize>,
    vocabulary: FastMap<String, u32>,
    postings: Vec<u32>,
    posting_starts: Vec<usize>,
}

#[derive(Debug, Default)]
struct Arena {
    text: String,
    ends: Vec<usize>,
}

impl Arena {
    fn push(&mut self, s: &str) {
        self.text.push_str(s);
        self.ends.push(self.text.len());
    }

    fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.text[start..self.ends[i]]
    }
}

impl TranslationMemory {
    /// Reads and indexes TMX files (inline codes stripped).
    pub fn load(paths: &[PathBuf]) -> Result<Self> {
        let mut tm = TranslationMemory::default();
        for path in paths {
            let file = tm.files.len() as u32;
            tm.files.push(path.clone());
            tmx::read::read_file_units(path, &ReadOptions::default(), |header, unit| {
                tm.add(file, header, &unit);
                Ok(())
            })?;
        }
        tm.build_index();
        Ok(tm)
    }

    /// Indexes memories already in memory; `name` stands for the file in matches.
    pub fn from_memories(memories: &[(PathBuf, Memory)]) -> Self {
        let mut tm = TranslationMemory::default();
        for (path, memory) in memories {
            let file = tm.files.len() as u32;
            tm.files.push(path.clone());
            for unit in &memory.units {
                tm.add(file, &memory.header, unit);
            }
        }
        tm.build_index();
        tm
    }

    pub fn len(&self) -> usize {
        self.unit_file.len()
    }

    pub fn is_empty(&self) -> bool {
        self.unit_file.is_empty()
    }

    fn add(&mut self, file: u32, header: &Header, unit: &TranslationUnit) {
        let srclang = if header.srclang.is_empty() || header.srclang == "*all*" {
            unit.variants.first().map(|v| v.lang.as_str()).unwrap_or("")
        } else {
            header.srclang.as_str()
        };
        let (Some(source), Some(target)) = (unit.variant(srclang), unit.translation(srclang))
        else {
            return;
        };
        if source.text.trim().is_empty() || target.text.trim().is_empty() {
            return;
        }
        self.sources.push(source.text.trim());
        self.targets.push(target.text.trim());
        self.unit_file.push(file);
        let document = match unit.prop(tmx::PROP_DOCUMENT) {
            Some(name) => {
                let next = self.documents.len() as u32;
                let id = *self.document_ids.entry(name.to_string()).or_insert(next);
                if id == next {
                    self.documents.push(name.to_string());
                }
                id
            }
            None => u32::MAX,
        };
        self.unit_document.push(document);
        self.unit_date.push(date_number(unit.newest_date()));
        let (vocabulary, tokens) = (&mut self.vocabulary, &mut self.tokens);
        for_each_token(source.text.trim(), |_, _, token| {
            let id = match vocabulary.get(token) {
                Some(&id) => id,
                None => {
                    let id = vocabulary.len() as u32;
                    vocabulary.insert(token.to_string(), id);
                    id
                }
            };
            tokens.push(id);
        });
        self.token_ends.push(self.tokens.len());
    }

    fn unit_tokens(&self, unit: usize) -> &[u32] {
        let start = if unit == 0 {
            0
        } else {
            self.token_ends[unit - 1]
        };
        &self.tokens[start..self.token_ends[unit]]
    }

    /// Builds the inverted index (compressed rows: one sorted run of unit ids per token).
    fn build_index(&mut self) {
        let mut counts = vec![0usize; self.vocabulary.len() + 1];
        let mut distinct = Vec::new();
        for unit in 0..self.len() {
            distinct.clear();
            distinct.extend_from_slice(self.unit_tokens(unit));
            distinct.sort_unstable();
            distinct.dedup();
            for &t in &distinct {
                counts[t as usize + 1] += 1;
            }
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let mut fill = counts.clone();
        let mut postings = vec![0u32; *counts.last().unwrap_or(&0)];
        for unit in 0..self.len() {
            distinct.clear();
            distinct.extend_from_slice(self.unit_tokens(unit));
            distinct.sort_unstable();
            distinct.dedup();
            for &t in &distinct {
                postings[fill[t as usize]] = unit as u32;
                fill[t as usize] += 1;
            }
        }
        self.postings = postings;
        self.posting_starts = counts;
    }

    fn posting(&self, token: u32) -> &[u32] {
        let t = token as usize;
        &self.postings[self.posting_starts[t]..self.posting_starts[t + 1]]
    }

    /// The matches of each segment of a document, in order, each with the segment before
    /// it as its context (as a CAT tool pre-translates a file): one memory, many queries.
    pub fn search_document(&self, segments: &[&str], opts: &SearchOptions) -> Vec<Vec<Match>> {
        segments
            .iter()
            .enumerate()
            .map(|(k, segment)| {
                let context = k.checked_sub(1).map(|before| segments[before].to_string());
                let opts = SearchOptions {
                    context,
                    ..opts.clone()
                };
                self.search(segment, &opts)
            })
            .collect()
    }

    /// The best matches for `query`, best first: in-context, exact, then by percentage and
    /// recency. Identical source–target pairs are shown once.
    pub fn search(&self, query: &str, opts: &SearchOptions) -> Vec<Match> {
        let query = query.trim();
        let query_tokens = tokenize(query);
        let n = query_tokens.len();
        if n == 0 || self.is_empty() {
            return Vec::new();
        }
        let min = opts.min.min(100) as usize;
        // Tokens absent from the memory get ids no unit has.
        let ids: Vec<u32> = query_tokens
            .iter()
            .enumerate()
            .map(|(i, (_, _, t))| {
                self.vocabulary
                    .get(t)
                    .copied()
                    .unwrap_or(u32::MAX - i as u32)
            })
            .collect();
        let candidates = self.candidates(&ids, min);
        let comparator = levenshtein::BatchComparator::new(ids.iter().copied());
        let score_unit = |unit: u32| -> Option<(u8, u32)> {
            let tokens = self.unit_tokens(unit as usize);
            let m = tokens.len();
            let longest = n.max(m);
            if m == 0 || n.min(m) * 100 < min * longest {
                return None;
            }
            let max_distance = longest * (100 - min) / 100;
            let args = levenshtein::Args::default().score_cutoff(max_distance);
            let distance = comparator.distance_with_args(tokens.iter().copied(), &args)?;
            let score = ((longest - distance) * 100 / longest) as u8;
            (score as usize >= min).then_some((score, unit))
        };
        let mut scored: Vec<(u8, u32)> = if candidates.len() > 50_000 {
            candidates
                .par_iter()
                .filter_map(|&u| score_unit(u))
                .collect()
        } else {
            candidates.iter().filter_map(|&u| score_unit(u)).collect()
        };
        let context = opts.context.as_deref().map(str::trim);
        let mut ranked: Vec<(MatchKind, u8, u32)> = scored
            .drain(..)
            .map(|(score, unit)| {
                let exact = self.sources.get(unit as usize) == query;
                let kind = match (exact, context) {
                    (true, Some(c)) if self.previous_source(unit as usize) == Some(c) => {
                        MatchKind::InContext
                    }
                    (true, _) => MatchKind::Exact,
                    (false, _) => MatchKind::Fuzzy,
                };
                // Same tokens but different case or spacing: not a 100 % match.
                let score = if exact { 100 } else { score.min(99) };
                (kind, score, unit)
            })
            .collect();
        ranked.sort_by(|a, b| {
            (
                a.0,
                std::cmp::Reverse(a.1),
                std::cmp::Reverse(self.unit_date[a.2 as usize]),
                a.2,
            )
                .cmp(&(
                    b.0,
                    std::cmp::Reverse(b.1),
                    std::cmp::Reverse(self.unit_date[b.2 as usize]),
                    b.2,
                ))
        });
        let mut shown = std::collections::HashSet::new();
        ranked
            .into_iter()
            .filter(|(_, _, u)| {
                shown.insert((self.sources.get(*u as usize), self.targets.get(*u as usize)))
            })
            .take(opts.limit)
            .map(|(kind, score, unit)| {
                self.to_match(query, &query_tokens, kind, score, unit as usize)
            })
            .collect()
    }

    /// Units that can reach `min` %: those containing one of the query's rarest tokens, chosen
    /// so that a unit lacking all of them shares too few tokens with the query.
    fn candidates(&self, ids: &[u32], min: usize) -> Vec<u32> {
        let n = ids.len();
        let needed = (min * n).div_ceil(100).max(1);
        let mut known: Vec<(usize, u32, usize)> = Vec::new(); // (posting length, token, count)
        for &id in ids {
            if (id as usize) < self.vocabulary.len() {
                match known.iter_mut().find(|k| k.1 == id) {
                    Some(k) => k.2 += 1,
                    None => known.push((self.posting(id).len(), id, 1)),
                }
            }
        }
        known.sort_unstable();
        let mut outside: usize = known.iter().map(|k| k.2).sum();
        if outside < needed {
            return Vec::new();
        }
        let mut seen = vec![0u64; self.len().div_ceil(64)];
        let mut candidates = Vec::new();
        for &(_, token, count) in &known {
            if outside < needed {
                break;
            }
            outside -= count;
            for &unit in self.posting(token) {
                let (word, bit) = (unit as usize / 64, 1u64 << (unit % 64));
                if seen[word] & bit == 0 {
                    seen[word] |= bit;
                    candidates.push(unit);
                }
            }
        }
        candidates
    }

    fn previous_source(&self, unit: usize) -> Option<&str> {
        let previous = unit.checked_sub(1)?;
        (self.unit_file[previous] == self.unit_file[unit]
            && self.unit_document[previous] == self.unit_document[unit])
            .then(|| self.sources.get(previous))
    }

    fn to_match(
        &self,
        query: &str,
        query_tokens: &[(usize, usize, String)],
        kind: MatchKind,
        score: u8,
        unit: usize,
    ) -> Match {
        let source = self.sources.get(unit);
        let (changed, missing) = differences(query, query_tokens, source);
        let document = self.unit_document[unit];
        Match {
            score,
            kind,
            source: source.to_string(),
            target: self.targets.get(unit).to_string(),
            file: self.files[self.unit_file[unit] as usize].clone(),
            document: (document != u32::MAX).then(|| self.documents[document as usize].clone()),
            changed,
            missing,
        }
    }
}

/// Reads and indexes memories; a convenience for the CLI and the benchmark.
pub fn load(paths: &[PathBuf]) -> Result<TranslationMemory> {
    TranslationMemory::load(paths)
}

fn date_number(date: Option<&str>) -> u64 {
    date.map(|d| d.chars().filter(char::is_ascii_digit).collect::<String>())
        .and_then(|d| d.parse().ok())
        .unwrap_or(0)
}

/// Word and punctuation tokens with their byte ranges, lower-cased.
pub fn tokenize(text: &str) -> Vec<(usize, usize, String)> {
    let mut tokens = Vec::new();
    for_each_token(text, |start, end, token| {
        tokens.push((start, end, token.to_string()))
    });
    tokens
}

/// Calls `f(start, end, lower-cased token)` for each token without allocating per token
/// (a million-unit memory has tens of millions of them).
fn for_each_token(text: &str, mut f: impl FnMut(usize, usize, &str)) {
    let mut lowered = String::new();
    let mut emit = |start: usize, end: usize| {
        let token = &text[start..end];
        if token.bytes().any(|b| b.is_ascii_uppercase() || b >= 0x80) {
            lowered.clear();
            lowered.extend(token.chars().flat_map(char::to_lowercase));
            f(start, end, &lowered);
        } else {
            f(start, end, token);
        }
    };
    let mut word: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            word.get_or_insert(i);
            continue;
        }
        if let Some(start) = word.take() {
            emit(start, i);
        }
        if !c.is_whitespace() {
            emit(i, i + c.len_utf8());
        }
    }
    if let Some(start) = word {
        emit(start, text.len());
    }
}

/// Token-level differences between the query and a match source (longest common
/// subsequence): byte ranges of the source that are not in the query, and query tokens the
/// source lacks.
pub fn differences(
    query: &str,
    query_tokens: &[(usize, usize, String)],
    source: &str,
) -> (Vec<(usize, usize)>, Vec<String>) {
    let source_tokens = tokenize(source);
    let (n, m) = (query_tokens.len(), source_tokens.len());
    let mut lcs = vec![vec![0u16; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if query_tokens[i].2 == source_tokens[j].2 {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut changed: Vec<(usize, usize)> = Vec::new();
    let mut missing = Vec::new();
    let mut mark = |start: usize, end: usize| match changed.last_mut() {
        Some(last) if source[last.1..start].trim().is_empty() => last.1 = end,
        _ => changed.push((start, end)),
    };
    while i < n || j < m {
        if i < n && j < m && query_tokens[i].2 == source_tokens[j].2 {
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j]) {
            mark(source_tokens[j].0, source_tokens[j].1);
            j += 1;
        } else {
            missing.push(query[query_tokens[i].0..query_tokens[i].1].to_string());
            i += 1;
        }
    }
    (changed, missing)
}

/// Checks that `path` names files that exist before any loading work.
pub fn check_paths(paths: &[PathBuf]) -> Result<()> {
    match paths.iter().find(|p| !Path::new(p).is_file()) {
        Some(p) => Err(Error::input(p, "no such file")),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tmx::{Prop, Variant};

    fn memory(pairs: &[(&str, &str)]) -> TranslationMemory {
        let units = pairs
            .iter()
            .map(|(fr, en)| TranslationUnit {
                props: vec![Prop::new(tmx::PROP_DOCUMENT, "d")],
                variants: vec![Variant::plain("fr", *fr), Variant::plain("en", *en)],
                ..Default::default()
            })
            .collect();
        let memory = Memory {
            header: Header::wirealign("fr", "20250101T000000Z"),
            units,
        };
        TranslationMemory::from_memories(&[("m.tmx".into(), memory)])
    }

    #[test]
    fn a_document_is_searched_segment_by_segment_in_context() {
        let tm = memory(&[
            ("Le bilan est lourd.", "The toll is heavy."),
            ("Trois soldats ont été tués.", "Three soldiers were killed."),
        ]);
        let found = tm.search_document(
            &[
                "Le bilan est lourd.",
                "Trois soldats ont été tués.",
                "Rien à voir.",
            ],
            &SearchOptions::default(),
        );
        assert_eq!(found.len(), 3);
        assert_eq!(found[0][0].kind, MatchKind::Exact);
        assert_eq!(found[1][0].kind, MatchKind::InContext);
        assert!(found[2].is_empty());
    }

    #[test]
    fn tokens_split_words_and_punctuation() {
        let words: Vec<String> = tokenize("L'armée a tué 12 civils.")
            .into_iter()
            .map(|t| t.2)
            .collect();
        assert_eq!(words, ["l", "'", "armée", "a", "tué", "12", "civils", "."]);
    }

    #[test]
    fn percentage_is_word_level_edit_distance() {
        let tm = memory(&[
            (
                "Le convoi a été attaqué près de Gao.",
                "The convoy was attacked near Gao.",
            ),
            ("Rien à voir ici.", "Nothing to see here."),
        ]);
        // One substituted word out of nine tokens: 100 × (1 − 1/9) = 88.
        let found = tm.search(
            "Le convoi a été attaqué près de Kidal.",
            &SearchOptions::default(),
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].score, 88);
        assert_eq!(found[0].kind, MatchKind::Fuzzy);
        assert_eq!(
            &found[0].source[found[0].changed[0].0..found[0].changed[0].1],
            "Gao"
        );
        assert_eq!(found[0].missing, ["Kidal"]);
    }

    #[test]
    fn exact_and_in_context_matches_come_first() {
        let tm = memory(&[
            ("Un.", "One."),
            ("Le même texte.", "The same text (A)."),
            ("Deux.", "Two."),
            ("Le même texte.", "The same text (B)."),
            ("Le même texte !", "Close."),
        ]);
        let opts = SearchOptions {
            context: Some("Deux.".into()),
            ..Default::default()
        };
        let found = tm.search("Le même texte.", &opts);
        let kinds: Vec<_> = found.iter().map(|m| (m.kind, m.score)).collect();
        assert_eq!(
            kinds,
            [
                (MatchKind::InContext, 100),
                (MatchKind::Exact, 100),
                (MatchKind::Fuzzy, 75)
            ]
        );
        assert_eq!(found[0].target, "The same text (B).");
    }

    #[test]
    fn case_only_differences_score_99() {
        let tm = memory(&[("le convoi.", "the convoy.")]);
        let found = tm.search("Le convoi.", &SearchOptions::default());
        assert_eq!((found[0].score, found[0].kind), (99, MatchKind::Fuzzy));
    }

    /// Textbook Levenshtein over tokens, independent of rapidfuzz.
    fn word_distance(a: &[(usize, usize, String)], b: &[(usize, usize, String)]) -> usize {
        let mut row: Vec<usize> = (0..=b.len()).collect();
        for (i, x) in a.iter().enumerate() {
            let mut diagonal = row[0];
            row[0] = i + 1;
            for (j, y) in b.iter().enumerate() {
                let substitution = diagonal + usize::from(x.2 != y.2);
                diagonal = row[j + 1];
                row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
            }
        }
        row[b.len()]
    }

    #[test]
    fn the_index_never_misses_a_match_the_scorer_would_accept() {
        // Brute force over every unit agrees with the indexed search.
        let words = [
            "le", "la", "convoi", "armée", "a", "été", "attaqué", "près", "de", "Gao", ".",
        ];
        let mut pairs = Vec::new();
        let mut seed = 7u64;
        for _ in 0..300 {
            let mut sentence = Vec::new();
            for _ in 0..(3 + seed % 7) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                sentence.push(words[(seed >> 33) as usize % words.len()]);
            }
            pairs.push(sentence.join(" "));
        }
        let refs: Vec<(&str, &str)> = pairs.iter().map(|s| (s.as_str(), "x")).collect();
        let tm = memory(&refs);
        for query in pairs.iter().take(40) {
            for min in [50u8, 70, 90] {
                let opts = SearchOptions {
                    min,
                    limit: usize::MAX,
                    context: None,
                };
                let found = tm.search(query, &opts).len();
                let q = tokenize(query);
                let mut brute = std::collections::HashSet::new();
                for s in &pairs {
                    let t = tokenize(s);
                    let d = word_distance(&q, &t);
                    let longest = q.len().max(t.len());
                    if (longest - d) * 100 / longest >= min as usize {
                        brute.insert(s.as_str());
                    }
                }
                assert_eq!(found, brute.len(), "{query} at {min}");
            }
        }
    }
}
