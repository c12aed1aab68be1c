//! Word translation evidence: a user dictionary (hunalign's `target @ source` lines or
//! `source<TAB>target`), cognates found by string similarity, and a table learned without
//! supervision from the confident links of a first pass (IBM Model 1 by EM, both
//! directions, as in Moore 2002).

use crate::align::features::{Sentence, Vocab};
use crate::error::{Error, Result};
use std::collections::HashMap;
use std::path::Path;

/// Source word id → target word ids with a confidence in (0, 1], indexed by word id.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    entries: Vec<Vec<(u32, f32)>>,
}

impl Lexicon {
    pub fn translations(&self, source_word: u32) -> &[(u32, f32)] {
        self.entries
            .get(source_word as usize)
            .map_or(&[], Vec::as_slice)
    }

    pub fn add(&mut self, source: u32, target: u32, confidence: f32) {
        let index = source as usize;
        if self.entries.len() <= index {
            self.entries.resize_with(index + 1, Vec::new);
        }
        let list = &mut self.entries[index];
        match list.iter_mut().find(|(t, _)| *t == target) {
            Some(entry) => entry.1 = entry.1.max(confidence),
            None => list.push((target, confidence)),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.iter().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// A bilingual word list given by the user, folded like the aligner's tokens.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    pairs: Vec<(String, String)>,
}

impl Dictionary {
    pub fn read(path: &Path) -> Result<Dictionary> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::input(path, format!("cannot read dictionary: {e}")))?;
        Dictionary::parse(&text, path)
    }

    /// Parses hunalign lines (`target @ source`) or TSV (`source<TAB>target`).
    pub fn parse(text: &str, path: &Path) -> Result<Dictionary> {
        let mut pairs = Vec::new();
        for (number, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (source, target) = if let Some((target, source)) = line.split_once(" @ ") {
                (source, target)
            } else if let Some((source, target)) = line.split_once('\t') {
                (source, target.split('\t').next().unwrap_or(""))
            } else {
                return Err(Error::parse(
                    path,
                    number + 1,
                    1,
                    "expected `target @ source` or `source<TAB>target`",
                ));
            };
            push_entry(&mut pairs, source, target);
        }
        Ok(Dictionary { pairs })
    }

    /// A dictionary from term pairs (source, target), e.g. a glossary's terms.
    pub fn from_pairs<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> Dictionary {
        let mut pairs = Vec::new();
        for (source, target) in entries {
            push_entry(&mut pairs, source, target);
        }
        Dictionary { pairs }
    }

    /// Adds the entries of `other`.
    pub fn extend(&mut self, other: Dictionary) {
        self.pairs.extend(other.pairs);
    }

    pub fn len(&self) -> usize {
        self.pairs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pairs.is_empty()
    }

    /// Adds the entries whose words occur in the texts being aligned.
    pub fn add_to(&self, lexicon: &mut Lexicon, vocab: &Vocab) {
        for (s, t) in &self.pairs {
            if let (Some(s), Some(t)) = (vocab.get(s), vocab.get(t)) {
                if s != t {
                    lexicon.add(s, t, 1.0);
                }
            }
        }
    }
}

/// Word pairs of one entry. Entries of more than two words a side are left out: pairing
/// every word of a long term with every word of its translation says little.
fn push_entry(pairs: &mut Vec<(String, String)>, source: &str, target: &str) {
    let source_words = content_words(source);
    let target_words = content_words(target);
    if source_words.len() > 2 || target_words.len() > 2 {
        return;
    }
    for s in &source_words {
        for t in &target_words {
            pairs.push((s.clone(), t.clone()));
        }
    }
}

fn content_words(phrase: &str) -> Vec<String> {
    crate::text::token::tokenize(phrase)
        .into_iter()
        .filter(|t| t.kind != crate::text::token::TokenKind::Punct)
        .map(|t| crate::text::token::fold(t.text.trim_end_matches(['\'', '’'])))
        .collect()
}

/// Words of one side (ids) that are long enough for a cognate test.
pub fn word_types(sides: &[&[Sentence]], vocab: &Vocab) -> Vec<u32> {
    let mut ids: Vec<u32> = sides
        .iter()
        .flat_map(|side| side.iter())
        .flat_map(|s| s.tokens.iter())
        .filter(|t| t.is_word && vocab.word(t.word).chars().count() >= 5)
        .map(|t| t.word)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// Cognates: different but similar folded words ("gouvernement" ~ "government"). Only words
/// that share their first two letters are compared, which keeps this near-linear.
pub fn add_cognates(lexicon: &mut Lexicon, source: &[u32], target: &[u32], vocab: &Vocab) {
    let key = |id: u32| vocab.word(id).chars().take(2).collect::<String>();
    let mut buckets: HashMap<String, Vec<u32>> = HashMap::new();
    for &t in target {
        buckets.entry(key(t)).or_default().push(t);
    }
    for &s in source {
        let Some(candidates) = buckets.get(&key(s)) else {
            continue;
        };
        let sw = vocab.word(s);
        let sl = sw.chars().count() as f32;
        for &t in candidates {
            if s == t {
                continue;
            }
            let tw = vocab.word(t);
            let tl = tw.chars().count() as f32;
            if sl.min(tl) / sl.max(tl) < 0.7 {
                continue;
            }
            let similarity = strsim::normalized_levenshtein(sw, tw) as f32;
            if similarity >= 0.7 {
                lexicon.add(s, t, similarity.min(0.9));
            }
        }
    }
}

/// p(target | source) from IBM Model 1 with a NULL source word, trained by EM. Every
/// co-occurring (source, target) pair gets a dense cell once, so the iterations are plain
/// array arithmetic.
fn ibm1(pairs: &[(Vec<u32>, Vec<u32>)], iterations: usize) -> HashMap<(u32, u32), f32> {
    const NULL: u32 = u32::MAX;
    let mut cell_of: HashMap<(u32, u32), u32> = HashMap::new();
    let mut cells: Vec<(u32, u32)> = Vec::new();
    let mut source_of_cell: Vec<u32> = Vec::new();
    let mut source_index: HashMap<u32, u32> = HashMap::new();
    // Per pair, per target word: the cells of (each source word and NULL, that target).
    let mut layout: Vec<Vec<u32>> = Vec::with_capacity(pairs.len());
    for (src, tgt) in pairs {
        let mut row = Vec::with_capacity(tgt.len() * (src.len() + 1));
        for &t in tgt {
            for &s in src.iter().chain(std::iter::once(&NULL)) {
                let next = cells.len() as u32;
                let cell = *cell_of.entry((s, t)).or_insert_with(|| {
                    cells.push((s, t));
                    let next_source = source_index.len() as u32;
                    source_of_cell.push(*source_index.entry(s).or_insert(next_source));
                    next
                });
                row.push(cell);
            }
        }
        layout.push(row);
    }
    let mut prob = vec![1.0f32; cells.len()];
    let mut counts = vec![0.0f32; cells.len()];
    let mut totals = vec![0.0f32; source_index.len()];
    for _ in 0..iterations {
        counts.iter_mut().for_each(|c| *c = 0.0);
        totals.iter_mut().for_each(|c| *c = 0.0);
        for ((src, _), row) in pairs.iter().zip(&layout) {
            for group in row.chunks(src.len() + 1) {
                let denom: f32 = group.iter().map(|&c| prob[c as usize]).sum();
                for &c in group {
                    let share = prob[c as usize] / denom;
                    counts[c as usize] += share;
                    totals[source_of_cell[c as usize] as usize] += share;
                }
            }
        }
        for (c, p) in prob.iter_mut().enumerate() {
            *p = counts[c] / totals[source_of_cell[c] as usize];
        }
    }
    cells.into_iter().zip(prob).collect()
}

/// Learns word translations from sentence pairs believed to be translations of each other.
/// A pair of words is kept when both directions agree (p(t|s) and p(s|t) both high) and
/// both words were seen at least twice, which filters the noise of a small training set.
pub fn learn_translations(
    lexicon: &mut Lexicon,
    pairs: &[(Vec<u32>, Vec<u32>)],
    min_probability: f32,
) {
    let mut source_count: HashMap<u32, u32> = HashMap::new();
    let mut target_count: HashMap<u32, u32> = HashMap::new();
    for (s, t) in pairs {
        for &w in s {
            *source_count.entry(w).or_default() += 1;
        }
        for &w in t {
            *target_count.entry(w).or_default() += 1;
        }
    }
    let forward = ibm1(pairs, 5);
    let reversed: Vec<(Vec<u32>, Vec<u32>)> =
        pairs.iter().map(|(s, t)| (t.clone(), s.clone())).collect();
    let backward = ibm1(&reversed, 5);
    for (&(s, t), &pf) in &forward {
        if s == u32::MAX || s == t || pf < min_probability {
            continue;
        }
        if source_count[&s] < 2 || target_count[&t] < 2 {
            continue;
        }
        let pb = backward.get(&(t, s)).copied().unwrap_or(0.0);
        if pb < min_probability {
            continue;
        }
        lexicon.add(s, t, (pf * pb).sqrt().min(1.0));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dictionary_reads_hunalign_and_tsv() {
        let d = Dictionary::parse("mountain @ Berg\nGipfel\tsommet\n", Path::new("d")).unwrap();
        assert_eq!(
            d.pairs,
            vec![
                ("berg".to_string(), "mountain".to_string()),
                ("gipfel".to_string(), "sommet".to_string())
            ]
        );
        assert!(matches!(
            Dictionary::parse("ok\tfine\nno separator\n", Path::new("d")),
            Err(Error::Parse { line: 2, .. })
        ));
    }

    #[test]
    fn ibm1_learns_a_consistent_translation() {
        // "haus" always co-occurs with "maison", other words vary.
        let mut vocab = Vocab::default();
        let ids = |v: &mut Vocab, s: &str| s.split(' ').map(|w| v.id(w)).collect::<Vec<_>>();
        let pairs = vec![
            (ids(&mut vocab, "das haus"), ids(&mut vocab, "la maison")),
            (ids(&mut vocab, "ein haus"), ids(&mut vocab, "une maison")),
            (ids(&mut vocab, "das buch"), ids(&mut vocab, "le livre")),
            (ids(&mut vocab, "ein buch"), ids(&mut vocab, "un livre")),
        ];
        let mut lexicon = Lexicon::default();
        learn_translations(&mut lexicon, &pairs, 0.3);
        let haus = vocab.get("haus").unwrap();
        let maison = vocab.get("maison").unwrap();
        assert!(lexicon.translations(haus).iter().any(|&(t, _)| t == maison));
        let livre = vocab.get("livre").unwrap();
        assert!(!lexicon.translations(haus).iter().any(|&(t, _)| t == livre));
    }
}
