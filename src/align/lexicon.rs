//! Word translation evidence: a user dictionary (hunalign's `target @ source` lines or
//! `source<TAB>target`), cognates found by string similarity, and a table learned without
//! supervision from the confident links of a first pass (IBM Model 1 by EM, both
//! directions, as in Moore 2002).

use crate::align::features::{Sentence, Vocab};
use crate::error::{Error, Result};
use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

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

    /// Keeps only translations into words that occur (`present[id]`): a dictionary brings
    /// many that the texts never use, and every source token would carry them.
    pub fn retain_present(&mut self, present: &[bool]) {
        for list in &mut self.entries {
            list.retain(|&(t, _)| present.get(t as usize).copied().unwrap_or(false));
            list.shrink_to_fit();
        }
    }

    pub fn len(&self) -> usize {
        self.entries.iter().map(Vec::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// One side of a dictionary entry: a word, or a stem that stands for every word it begins
/// (`steig*` for steigen, steigt, steigend).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Pattern {
    Word(String),
    Stem(String),
}

/// Shortest stem (in characters) taken as a stem; a shorter one is read as a word, since
/// `an*` would match half the vocabulary.
const MIN_STEM_CHARS: usize = 3;

/// A bilingual word list, folded like the aligner's tokens: each entry pairs every source
/// pattern with every target pattern.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    entries: Vec<(Vec<Pattern>, Vec<Pattern>)>,
}

/// German→French core vocabulary, our own list (see the file's header).
const GERMAN_FRENCH: &str = include_str!("data/de-fr.tsv");
/// French→English core vocabulary, shared with the checker's adequacy test.
const FRENCH_ENGLISH: &str = include_str!("../check/data/fr-en-core.tsv");

impl Dictionary {
    pub fn read(path: &Path) -> Result<Dictionary> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Error::input(path, format!("cannot read dictionary: {e}")))?;
        Dictionary::parse(&text, path)
    }

    /// The built-in dictionary for a language pair (ISO 639-1 codes), either way round.
    /// Each list is parsed once per process: a `tmx build` aligns many documents.
    pub fn builtin(source_lang: &str, target_lang: &str) -> Option<Dictionary> {
        static GERMAN_FRENCH_PARSED: OnceLock<Dictionary> = OnceLock::new();
        static FRENCH_ENGLISH_PARSED: OnceLock<Dictionary> = OnceLock::new();
        let parsed = |cell: &'static OnceLock<Dictionary>, text: &str| {
            cell.get_or_init(|| {
                Dictionary::parse(text, Path::new("built-in dictionary"))
                    .expect("built-in dictionaries parse")
            })
            .clone()
        };
        match (source_lang, target_lang) {
            ("de", "fr") => Some(parsed(&GERMAN_FRENCH_PARSED, GERMAN_FRENCH)),
            ("fr", "de") => Some(parsed(&GERMAN_FRENCH_PARSED, GERMAN_FRENCH).reversed()),
            ("fr", "en") => Some(parsed(&FRENCH_ENGLISH_PARSED, FRENCH_ENGLISH)),
            ("en", "fr") => Some(parsed(&FRENCH_ENGLISH_PARSED, FRENCH_ENGLISH).reversed()),
            _ => None,
        }
    }

    /// Parses hunalign lines (`target @ source`) or TSV (`source<TAB>target`, where the
    /// target may list alternatives separated by `|` and a trailing `*` marks a stem).
    pub fn parse(text: &str, path: &Path) -> Result<Dictionary> {
        let mut entries = Vec::new();
        for (number, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (source, targets) = if let Some((target, source)) = line.split_once(" @ ") {
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
            let target: Vec<Pattern> = targets.split('|').flat_map(patterns).collect();
            push_entry(&mut entries, patterns(source), target);
        }
        Ok(Dictionary { entries })
    }

    /// A dictionary from term pairs (source, target), e.g. a glossary's terms.
    pub fn from_pairs<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> Dictionary {
        let mut list = Vec::new();
        for (source, target) in entries {
            push_entry(&mut list, patterns(source), patterns(target));
        }
        Dictionary { entries: list }
    }

    /// The same entries read the other way (French→German from German→French).
    pub fn reversed(self) -> Dictionary {
        Dictionary {
            entries: self.entries.into_iter().map(|(s, t)| (t, s)).collect(),
        }
    }

    /// Adds the entries of `other`.
    pub fn extend(&mut self, other: Dictionary) {
        self.entries.extend(other.entries);
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds the word pairs whose words occur in the texts being aligned.
    pub fn add_to(&self, lexicon: &mut Lexicon, vocab: &Vocab) {
        let stems = StemIndex::new(&self.entries, vocab);
        let mut sources = Vec::new();
        let mut targets = Vec::new();
        for (source, target) in &self.entries {
            stems.resolve(source, vocab, &mut sources);
            if sources.is_empty() {
                continue;
            }
            stems.resolve(target, vocab, &mut targets);
            for &s in &sources {
                for &t in targets.iter().filter(|&&t| t != s) {
                    lexicon.add(s, t, 1.0);
                }
            }
        }
    }
}

impl Dictionary {
    /// Gives a compound that is not an entry of its own the translations of its parts: German writes as one word
    /// what French says in several (Gipfelkreuz: croix du sommet; Bergführer: guide de
    /// montagne). The head is the longest known ending of at least four letters, the
    /// modifier what precedes it, with or without a linking -s, -n, -en or -e.
    pub fn add_compounds_to(&self, lexicon: &mut Lexicon, vocab: &Vocab, source_words: &[u32]) {
        let index = SourceIndex::new(&self.entries);
        if index.is_empty() {
            return;
        }
        let stems = StemIndex::new(&self.entries, vocab);
        let mut targets = Vec::new();
        for &id in source_words {
            let word = vocab.word(id);
            if word.chars().count() < MIN_COMPOUND_CHARS || index.words.contains_key(word) {
                continue;
            }
            let Some(parts) = index.compound_parts(word) else {
                continue;
            };
            for entry in parts {
                stems.resolve(&self.entries[entry].1, vocab, &mut targets);
                for &t in targets.iter().filter(|&&t| t != id) {
                    lexicon.add(id, t, COMPOUND_CONFIDENCE);
                }
            }
        }
    }
}

/// Shortest word worth splitting, and shortest part.
const MIN_COMPOUND_CHARS: usize = 8;
const MIN_PART_BYTES: usize = 4;
/// A part of a compound says less than a whole word.
const COMPOUND_CONFIDENCE: f32 = 0.8;
/// Linking elements between the parts of a German compound (Fugenelemente).
const LINKS: &[&str] = &["es", "en", "s", "n", "e"];

/// Dictionary entries by their source words and stems.
struct SourceIndex<'d> {
    words: HashMap<&'d str, Vec<usize>>,
    stems: HashMap<&'d str, Vec<usize>>,
}

impl<'d> SourceIndex<'d> {
    fn new(entries: &'d [(Vec<Pattern>, Vec<Pattern>)]) -> SourceIndex<'d> {
        let mut index = SourceIndex {
            words: HashMap::new(),
            stems: HashMap::new(),
        };
        for (k, (source, _)) in entries.iter().enumerate() {
            for pattern in source {
                match pattern {
                    Pattern::Word(w) => index.words.entry(w.as_str()).or_default().push(k),
                    Pattern::Stem(s) => index.stems.entry(s.as_str()).or_default().push(k),
                }
            }
        }
        index
    }

    fn is_empty(&self) -> bool {
        self.words.is_empty() && self.stems.is_empty()
    }

    /// Entries of a word: its own and those of the stems it begins with.
    fn entries(&self, word: &str) -> Vec<usize> {
        let mut found: Vec<usize> = self.words.get(word).cloned().unwrap_or_default();
        for n in (MIN_STEM_CHARS..=word.len()).filter(|&n| word.is_char_boundary(n)) {
            found.extend(self.stems.get(&word[..n]).into_iter().flatten());
        }
        found
    }

    /// Entries of a compound's head and modifier, or `None` when it does not split.
    fn compound_parts(&self, word: &str) -> Option<Vec<usize>> {
        let splits = (MIN_PART_BYTES..=word.len().saturating_sub(MIN_PART_BYTES))
            .filter(|&k| word.is_char_boundary(k));
        for k in splits {
            let head = self.entries(&word[k..]);
            if head.is_empty() {
                continue;
            }
            let modifier = &word[..k];
            let mut parts = self.entries(modifier);
            if parts.is_empty() {
                parts = LINKS
                    .iter()
                    .filter_map(|link| modifier.strip_suffix(link))
                    .filter(|m| m.len() >= MIN_PART_BYTES)
                    .map(|m| self.entries(m))
                    .find(|e| !e.is_empty())
                    .unwrap_or_default();
            }
            parts.extend(head);
            return Some(parts);
        }
        None
    }
}

/// Words of the vocabulary each dictionary stem begins, found in one scan of the vocabulary.
struct StemIndex {
    words: HashMap<String, Vec<u32>>,
}

impl StemIndex {
    fn new(entries: &[(Vec<Pattern>, Vec<Pattern>)], vocab: &Vocab) -> StemIndex {
        let mut words: HashMap<String, Vec<u32>> = HashMap::new();
        for (source, target) in entries {
            for pattern in source.iter().chain(target) {
                if let Pattern::Stem(stem) = pattern {
                    words.entry(stem.clone()).or_default();
                }
            }
        }
        if words.is_empty() {
            return StemIndex { words };
        }
        let shortest = words.keys().map(String::len).min().unwrap_or(0);
        for id in 0..vocab.len() as u32 {
            let word = vocab.word(id);
            let prefixes = (shortest..=word.len()).filter(|&n| word.is_char_boundary(n));
            for n in prefixes {
                if let Some(ids) = words.get_mut(&word[..n]) {
                    ids.push(id);
                }
            }
        }
        StemIndex { words }
    }

    /// Vocabulary ids of the words the patterns stand for.
    fn resolve(&self, patterns: &[Pattern], vocab: &Vocab, out: &mut Vec<u32>) {
        out.clear();
        for pattern in patterns {
            match pattern {
                Pattern::Word(word) => out.extend(vocab.get(word)),
                Pattern::Stem(stem) => out.extend(self.words.get(stem).into_iter().flatten()),
            }
        }
        out.sort_unstable();
        out.dedup();
    }
}

/// Patterns of one side of an entry: a stem (`steig*`), or the words of a phrase of at
/// most two words (pairing every word of a long term with every word of its translation
/// says little, so a longer phrase gives nothing).
fn patterns(phrase: &str) -> Vec<Pattern> {
    let phrase = phrase.trim();
    if let Some(stem) = phrase.strip_suffix('*') {
        let stem = crate::text::token::fold(stem.trim());
        if !stem.contains(char::is_whitespace) && stem.chars().count() >= MIN_STEM_CHARS {
            return vec![Pattern::Stem(stem)];
        }
    }
    let words = content_words(phrase.trim_end_matches('*'));
    if words.len() > 2 {
        return Vec::new();
    }
    words.into_iter().map(Pattern::Word).collect()
}

fn push_entry(
    entries: &mut Vec<(Vec<Pattern>, Vec<Pattern>)>,
    source: Vec<Pattern>,
    target: Vec<Pattern>,
) {
    if !source.is_empty() && !target.is_empty() {
        entries.push((source, target));
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
        let word = |w: &str| vec![Pattern::Word(w.to_string())];
        assert_eq!(
            d.entries,
            vec![
                (word("berg"), word("mountain")),
                (word("gipfel"), word("sommet"))
            ]
        );
        assert!(matches!(
            Dictionary::parse("ok\tfine\nno separator\n", Path::new("d")),
            Err(Error::Parse { line: 2, .. })
        ));
    }

    #[test]
    fn stems_match_every_word_they_begin_and_alternatives_all_count() {
        let d = Dictionary::parse("steig*\tmont*|grimpé\nan*\tà\n", Path::new("d")).unwrap();
        let mut vocab = Vocab::default();
        for w in [
            "steigen", "stieg", "montons", "grimpe", "grimpé", "an", "anders", "à",
        ] {
            vocab.id(&crate::text::token::fold(w));
        }
        let mut lexicon = Lexicon::default();
        d.add_to(&mut lexicon, &vocab);
        let id = |w: &str| vocab.get(&crate::text::token::fold(w)).unwrap();
        let of = |w: &str| -> Vec<u32> {
            let mut t: Vec<u32> = lexicon.translations(id(w)).iter().map(|p| p.0).collect();
            t.sort_unstable();
            t
        };
        assert_eq!(of("steigen"), vec![id("montons"), id("grimpe")]);
        assert!(of("stieg").is_empty());
        // A stem of two letters is read as the word itself.
        assert_eq!(of("an"), vec![id("à")]);
        assert!(of("anders").is_empty());
    }

    #[test]
    fn compounds_get_the_translations_of_their_parts() {
        let d = Dictionary::parse(
            "gipfel*\tsommet*\nkreuz\tcroix\nberg\tmontagne\n",
            Path::new("d"),
        )
        .unwrap();
        let mut vocab = Vocab::default();
        let ids: Vec<u32> = [
            "gipfelkreuz",
            "bergeskreuz",
            "sommet",
            "croix",
            "montagne",
            "kreuzung",
        ]
        .iter()
        .map(|w| vocab.id(w))
        .collect();
        let mut lexicon = Lexicon::default();
        d.add_to(&mut lexicon, &vocab);
        d.add_compounds_to(&mut lexicon, &vocab, &ids);
        let of = |id: u32| -> Vec<u32> {
            let mut t: Vec<u32> = lexicon.translations(id).iter().map(|p| p.0).collect();
            t.sort_unstable();
            t
        };
        // Gipfel + Kreuz; Berg + linking -es + Kreuz.
        assert_eq!(of(ids[0]), vec![ids[2], ids[3]]);
        assert_eq!(of(ids[1]), vec![ids[3], ids[4]]);
        // "kreuzung" ends in no known word: it is not split.
        assert!(of(ids[5]).is_empty());
    }

    #[test]
    fn the_german_french_list_has_one_line_per_key_and_no_short_stems() {
        let mut keys = std::collections::HashSet::new();
        for line in GERMAN_FRENCH.lines().filter(|l| !l.starts_with('#')) {
            let (german, french) = line.split_once('\t').expect("two columns");
            assert!(keys.insert(german), "{german} twice");
            for word in std::iter::once(german).chain(french.split('|')) {
                assert!(!word.is_empty() && !word.contains(' '), "{line}");
                if let Some(stem) = word.strip_suffix('*') {
                    assert!(stem.chars().count() >= 4, "short stem in {line}");
                }
            }
        }
        assert!(keys.len() > 9000, "{}", keys.len());
    }

    #[test]
    fn builtin_dictionaries_exist_both_ways_for_their_pairs() {
        for (a, b) in [("de", "fr"), ("fr", "en")] {
            let forward = Dictionary::builtin(a, b).unwrap();
            let backward = Dictionary::builtin(b, a).unwrap();
            assert!(forward.len() > 1000, "{a}-{b}: {}", forward.len());
            assert_eq!(forward.len(), backward.len());
            assert_eq!(forward.entries[0].0, backward.entries[0].1);
        }
        assert!(Dictionary::builtin("hu", "en").is_none());
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
