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
//!
//! A single lookup ([`scan`], and the one-off reader of large user files) has no index:
//! it bounds each term before any distance call (lengths, and the characters one side
//! lacks, see [`CharSet`]), first without folding the term at all.

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
    match Query::new(query) {
        Some(q) => scan_with(glossary, &q, limit),
        None => Vec::new(),
    }
}

fn scan_with<'g>(glossary: &'g Glossary, q: &Query<'_>, limit: usize) -> Vec<Hit<'g>> {
    let mut best: HashMap<u32, Hit<'g>> = HashMap::new();
    let mut folded = FoldedTerm::default();
    for (i, concept) in glossary.iter().enumerate() {
        for term in concept.terms() {
            if !q.may_meet(term.text) || !folded.fold(term.text) {
                continue;
            }
            let Some((score, kind)) = q.score(term.text, &folded) else {
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
    folded: FoldedTerm,
    key: String,
}

impl<'q> Matcher<'q> {
    pub(super) fn new(query: &'q str) -> Matcher<'q> {
        Matcher {
            query: Query::new(query),
            folded: FoldedTerm::default(),
            key: String::new(),
        }
    }

    /// True when [`scan`] would score `term` (already trimmed, as a concept holds it).
    pub(super) fn meets(&mut self, term: &str) -> bool {
        let Some(query) = &self.query else {
            return false;
        };
        query.may_meet(term) && self.folded.fold(term) && query.score(term, &self.folded).is_some()
    }

    /// [`Matcher::meets`] for a term given as its spaced key (what [`spaced_key`] makes
    /// of it): whether the query meets the term depends on that key alone.
    pub(super) fn meets_spaced(&mut self, spaced: &str) -> bool {
        let Some(query) = &self.query else {
            return false;
        };
        self.folded.set_spaced(spaced) && query.score(spaced, &self.folded).is_some()
    }

    /// [`Matcher::meets`], and the compact key of `term` (what [`super::compact_key`]
    /// makes of it), which merging needs for every French term.
    pub(super) fn meets_keyed(&mut self, term: &str) -> (bool, &str) {
        let met = self.meets(term);
        self.key.clear();
        fold::push_compact_key(term, &mut self.key);
        (met, &self.key)
    }

    /// False when no term of this `shape` can be met: the bounds of [`Matcher::meets`]
    /// on a term already folded. `words` gives the length and [`CharSet`] bits of each
    /// word, and is only read when the shape alone does not tell.
    pub(super) fn may_meet_shape(
        &self,
        shape: Shape,
        words: impl Iterator<Item = (usize, u32)>,
    ) -> bool {
        self.query
            .as_ref()
            .is_some_and(|query| query.may_meet_shape(shape, words))
    }

    /// True when [`scan`] would score some term of `concept`.
    pub(super) fn meets_concept(&mut self, concept: &Concept) -> bool {
        concept.terms().any(|term| self.meets(term.text))
    }
}

/// The shape of a folded term, as the cheap bounds of [`Query::may_meet`] see it: its
/// length and characters, and those of each word. A lookup cache keeps the shapes of
/// every term, so that a lookup bounds every term without reading or folding it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Shape {
    /// Characters in the compact key.
    pub(super) len: usize,
    /// The [`CharSet`] of the compact key, narrowed (see [`narrow`]).
    pub(super) chars: u32,
    /// Words in the spaced key.
    pub(super) words: usize,
}

/// Folds terms into their [`Shape`], reusing one buffer.
#[derive(Default)]
pub(super) struct Shaper {
    folded: FoldedTerm,
}

impl Shaper {
    /// The shape of `term`, its spaced key and its words (length and narrowed
    /// [`CharSet`] of each), or `None` when nothing is left of it once folded (no query
    /// ever meets it).
    #[allow(clippy::type_complexity)]
    pub(super) fn shape(
        &mut self,
        term: &str,
    ) -> Option<(Shape, &str, impl Iterator<Item = (usize, u32)> + '_)> {
        if !self.folded.fold(term) {
            return None;
        }
        let folded = &self.folded;
        let shape = Shape {
            len: folded.len,
            chars: narrow(folded.chars.0),
            words: folded.words.len(),
        };
        let words = folded.words.iter().map(|w| (w.len, narrow(w.chars.0)));
        Some((shape, folded.spaced.as_str(), words))
    }
}

/// The keys of one term, folded into buffers that are reused from term to term: a scan
/// folds some 90,000 terms of a 10,000-concept glossary, so this is one pass over the
/// text that fills the spaced key, the compact key and the words at once.
#[derive(Default)]
struct FoldedTerm {
    /// As [`spaced_key`] makes it.
    spaced: String,
    /// As [`super::compact_key`] makes it.
    key: String,
    /// Characters in `key`.
    len: usize,
    /// The characters of `key`.
    chars: CharSet,
    /// The words of `spaced`, in order.
    words: Vec<Word>,
}

/// One word of a [`FoldedTerm`]: a byte range of its spaced key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Word {
    start: usize,
    end: usize,
    /// Characters in the word.
    len: usize,
    chars: CharSet,
}

impl Word {
    fn starting_at(start: usize) -> Word {
        Word {
            start,
            end: start,
            len: 0,
            chars: CharSet::default(),
        }
    }
}

impl FoldedTerm {
    /// Folds `text`; false when nothing is left of it (only punctuation).
    fn fold(&mut self, text: &str) -> bool {
        self.clear();
        let mut word = Word::starting_at(0);
        let mut pending_space = false;
        let mut i = 0;
        while i < text.len() {
            let b = text.as_bytes()[i];
            let folded = if b.is_ascii() {
                i += 1;
                match fold::ASCII_FOLD[usize::from(b)] {
                    0 => None,
                    folded => Some(char::from(folded)),
                }
            } else {
                match fold::fold_next(text, &mut i) {
                    fold::CharFold::Letter(c) => Some(c),
                    fold::CharFold::Separator => None,
                    fold::CharFold::Unusual => return self.fold_unicode(text),
                }
            };
            let Some(c) = folded else {
                pending_space = true;
                continue;
            };
            if pending_space && !self.spaced.is_empty() {
                word.end = self.spaced.len();
                self.words.push(word);
                self.spaced.push(' ');
                word = Word::starting_at(self.spaced.len());
            }
            pending_space = false;
            self.spaced.push(c);
            self.count(c, &mut word);
        }
        self.finish(word)
    }

    /// Takes `spaced`, a spaced key as [`spaced_key`] makes it, as the folded term: the
    /// same as folding the text it was made from.
    fn set_spaced(&mut self, spaced: &str) -> bool {
        self.clear();
        self.spaced.push_str(spaced);
        self.count_spaced()
    }

    /// The same through the full Unicode fold, for the rare text that needs it.
    fn fold_unicode(&mut self, text: &str) -> bool {
        self.clear();
        fold::push_spaced_key_slow(text, &mut self.spaced);
        self.count_spaced()
    }

    /// Counts every character of `spaced` (words separated by single spaces) into the key.
    fn count_spaced(&mut self) -> bool {
        let spaced = std::mem::take(&mut self.spaced);
        let mut word = Word::starting_at(0);
        for (at, c) in spaced.char_indices() {
            if c == ' ' {
                word.end = at;
                self.words.push(word);
                word = Word::starting_at(at + 1);
            } else {
                self.count(c, &mut word);
            }
        }
        self.spaced = spaced;
        self.finish(word)
    }

    fn clear(&mut self) {
        self.spaced.clear();
        self.key.clear();
        self.len = 0;
        self.chars = CharSet::default();
        self.words.clear();
    }

    /// Counts a folded character, already in `spaced`, into the compact key and `word`.
    #[inline(always)]
    fn count(&mut self, c: char, word: &mut Word) {
        self.key.push(c);
        self.len += 1;
        self.chars.insert(c);
        word.len += 1;
        word.chars.insert(c);
    }

    fn finish(&mut self, mut word: Word) -> bool {
        if self.len == 0 {
            return false;
        }
        word.end = self.spaced.len();
        self.words.push(word);
        true
    }
}

/// A set of characters in 64 bits, for a cheap lower bound on an edit distance before
/// computing it: every character of one string that the other lacks costs at least one
/// edit (a deletion or substitution for each of its occurrences; a transposition keeps
/// characters). Unaccented letters and digits have a bit each; other characters share
/// bits, which can only hide a missing character, never invent one, so the bound stays a
/// lower bound.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct CharSet(u64);

impl CharSet {
    fn of(text: &str) -> CharSet {
        let mut set = CharSet::default();
        for c in text.chars() {
            set.insert(c);
        }
        set
    }

    #[inline(always)]
    fn insert(&mut self, c: char) {
        self.0 |= 1 << bit_of(c as u32);
    }

    /// How many characters (bits) of `self` are not in `other`.
    fn missing_from(self, other: CharSet) -> usize {
        (self.0 & !other.0).count_ones() as usize
    }
}

/// The bits of a [`CharSet`] in 32 bits, its two halves merged, as the lookup cache
/// keeps them: merged bits can only hide a missing character, so the bounds computed on
/// narrowed sets (both sides narrowed) stay lower bounds.
pub(super) fn narrow(chars: u64) -> u32 {
    chars as u32 | (chars >> 32) as u32
}

/// The bit of a folded character in a [`CharSet`].
const fn bit_of(c: u32) -> u32 {
    if c.wrapping_sub('a' as u32) < 26 {
        c - 'a' as u32
    } else if c.wrapping_sub('0' as u32) < 10 {
        26 + c - '0' as u32
    } else {
        36 + c % 28
    }
}

/// What a byte of a term is to the fold, for the tight loops that read every term of a
/// large glossary: below 64, an ASCII letter or digit and its [`CharSet`] bit (folded
/// case); [`SEPARATOR`] for other ASCII; [`MULTIBYTE`] for the bytes of other characters.
const BYTE_CLASS: [u8; 256] = {
    let mut table = [MULTIBYTE; 256];
    let mut b = 0;
    while b < 128 {
        let folded = fold::ASCII_FOLD[b];
        table[b] = if folded == 0 {
            SEPARATOR
        } else {
            bit_of(folded as u32) as u8
        };
        b += 1;
    }
    table
};
/// [`BYTE_CLASS`] for the second byte of U+00C0..=U+00FF (after 0xC3): the bit of its
/// ASCII base letter, or [`MULTIBYTE`] for the others (×, æ, ð…).
const LATIN1_CLASS: [u8; 64] = {
    let mut table = [MULTIBYTE; 64];
    let mut i = 0;
    while i < 64 {
        let folded = fold::LATIN1_FOLD[i];
        if folded != 0 {
            table[i] = bit_of(folded as u32) as u8;
        }
        i += 1;
    }
    table
};
const SEPARATOR: u8 = 64;
const MULTIBYTE: u8 = 128;

/// A query prepared for [`scan`].
struct Query<'q> {
    text: &'q str,
    spaced: String,
    key: String,
    len: usize,
    chars: CharSet,
    /// The query is a single word (no space in its spaced key).
    one_word: bool,
    /// Characters in the query's first word, and its characters.
    first_word: (usize, CharSet),
    max_edits: usize,
    comparator: osa::BatchComparator<char>,
    /// Whether the cheap bounds may skip a distance computation; off only in tests, to
    /// check that the bounds never change a result.
    bounded: bool,
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
            chars: CharSet::of(&key),
            one_word: !spaced.contains(' '),
            first_word: {
                let first = spaced.split(' ').next().unwrap_or("");
                (first.chars().count(), CharSet::of(first))
            },
            spaced,
            key,
            len,
            bounded: true,
        })
    }

    /// False when a string of `len` characters drawn from `chars` is surely more than
    /// the allowed edits away from the query (by length, then by missing characters).
    fn may_be_near(&self, len: usize, chars: CharSet) -> bool {
        if self.max_edits == 0 || len + self.max_edits < self.len || len > self.len + self.max_edits
        {
            return false;
        }
        !self.bounded
            || (self.chars.missing_from(chars) <= self.max_edits
                && chars.missing_from(self.chars) <= self.max_edits)
    }

    /// A first look at a term before folding it: one pass that counts its folded
    /// characters and words without writing anything, and tells whether any way of
    /// meeting the query (as [`Query::score`] tries them) can pass the bounds. Most terms
    /// of a large glossary end here. True when unsure (a letter outside the fold table).
    fn may_meet(&self, text: &str) -> bool {
        if !self.bounded {
            return true;
        }
        let bytes = text.as_bytes();
        let mut len = 0;
        let mut chars = CharSet::default();
        let mut words = 0;
        let mut word_len = 0;
        let mut word_chars = CharSet::default();
        let mut near_word = false;
        // The query's first word among the term's words (for a run of words).
        let mut first_word = false;
        let mut i = 0;
        loop {
            // The common case, ASCII and Latin-1 letters, in a loop of its own.
            let mut class = SEPARATOR;
            while let Some(&b) = bytes.get(i) {
                class = BYTE_CLASS[usize::from(b)];
                let mut width = 1;
                if class == MULTIBYTE && b == 0xC3 {
                    // A valid two-byte sequence: the second byte is there.
                    class = LATIN1_CLASS[usize::from(bytes[i + 1] & 0x3f)];
                    width = 2;
                }
                if class >= SEPARATOR {
                    break;
                }
                word_len += 1;
                word_chars.0 |= 1 << class;
                i += width;
            }
            if i == bytes.len() {
                class = SEPARATOR;
            }
            if class == MULTIBYTE {
                match fold::fold_next(text, &mut i) {
                    fold::CharFold::Letter(c) => {
                        word_len += 1;
                        word_chars.insert(c);
                        continue;
                    }
                    fold::CharFold::Separator => {}
                    fold::CharFold::Unusual => return true,
                }
            } else {
                i += 1;
            }
            if word_len > 0 {
                words += 1;
                len += word_len;
                chars.0 |= word_chars.0;
                near_word = near_word || self.may_be_near(word_len, word_chars);
                first_word = first_word
                    || (word_len == self.first_word.0 && word_chars == self.first_word.1);
                word_len = 0;
                word_chars = CharSet::default();
            }
            if i > bytes.len() {
                break;
            }
        }
        let same_key = len == self.len && chars == self.chars;
        let words_of_term =
            self.len >= 3 && first_word && len >= self.len && self.chars.missing_from(chars) == 0;
        let near_word = self.one_word && words > 1 && near_word;
        same_key || words_of_term || self.may_be_near(len, chars) || near_word
    }

    /// [`Query::may_meet`] on a term already folded into its shape and words, whose
    /// character sets are narrowed (see [`narrow`]): the query's are narrowed alike.
    #[inline]
    fn may_meet_shape(&self, shape: Shape, mut words: impl Iterator<Item = (usize, u32)>) -> bool {
        if !self.bounded {
            return true;
        }
        let query_chars = narrow(self.chars.0);
        let first_word = (self.first_word.0, narrow(self.first_word.1 .0));
        let k = self.max_edits;
        let (lo, hi) = (self.len.saturating_sub(k), self.len + k);
        let missing = |a: u32, b: u32| (a & !b).count_ones() as usize;
        let near = |len: usize, chars: u32| {
            k > 0
                && (lo..=hi).contains(&len)
                && missing(query_chars, chars) <= k
                && missing(chars, query_chars) <= k
        };
        let (len, chars) = (shape.len, shape.chars);
        // Every way of meeting the query needs all but `k` of its characters in the term
        // (a word of the term has no character the term lacks).
        if missing(query_chars, chars) > k {
            return false;
        }
        if (len == self.len && chars == query_chars) || near(len, chars) {
            return true;
        }
        let run_of_words = self.len >= 3 && len >= self.len && missing(query_chars, chars) == 0;
        let near_word = self.one_word && shape.words > 1;
        (run_of_words || near_word)
            && words.any(|word| {
                (run_of_words && word == first_word) || (near_word && near(word.0, word.1))
            })
    }

    /// Edits between the query key and `candidate` (of `len` characters drawn from
    /// `chars`), when within the allowance and not 0.
    fn edits(&self, candidate: &str, len: usize, chars: CharSet) -> Option<usize> {
        if !self.may_be_near(len, chars) {
            return None;
        }
        let args = osa::Args::default().score_cutoff(self.max_edits);
        self.comparator
            .distance_with_args(candidate.chars(), &args)
            .filter(|&e| e > 0)
    }

    /// The best way this query meets a term (`text` as written, `term` its keys), if any.
    fn score(&self, text: &str, term: &FoldedTerm) -> Option<(u32, MatchKind)> {
        if term.key == self.key {
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
        // Words of the query inside the term: every query character is in the term.
        if self.len >= 3 && (!self.bounded || self.chars.missing_from(term.chars) == 0) {
            if let Some(coverage) = word_coverage(&self.spaced, &term.spaced) {
                consider(60 + (29.0 * coverage) as u32, MatchKind::Words);
            }
        }
        if let Some(edits) = self.edits(&term.key, term.len, term.chars) {
            let longest = self.len.max(term.len) as f64;
            consider(
                (90.0 * (1.0 - edits as f64 / longest)) as u32,
                MatchKind::Fuzzy { edits },
            );
        }
        if self.max_edits > 0 && self.one_word && term.words.len() > 1 {
            for word in &term.words {
                if word.len + self.max_edits < self.len || word.len > self.len + self.max_edits {
                    continue;
                }
                let text = &term.spaced[word.start..word.end];
                if let Some(edits) = self.edits(text, word.len, word.chars) {
                    let coverage = text.len() as f64 / term.spaced.len() as f64;
                    let closeness = 1.0 - edits as f64 / self.len.max(word.len) as f64;
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

    /// Every field of every hit, in order: what the one-off lookup must reproduce.
    fn everything(hits: &[Hit<'_>]) -> String {
        format!("{hits:#?}")
    }

    #[test]
    fn the_cheap_bounds_never_change_a_result() {
        let g = super::super::generated::glossary(400);
        let queries = super::super::generated::queries(&g, 400);
        let mut found = 0;
        for query in &queries {
            let Some(bounded) = Query::new(query) else {
                assert!(scan(&g, query, 10).is_empty());
                continue;
            };
            let unbounded = Query {
                bounded: false,
                ..Query::new(query).unwrap()
            };
            let hits = scan_with(&g, &bounded, 10);
            found += hits.len();
            assert_eq!(
                everything(&hits),
                everything(&scan_with(&g, &unbounded, 10)),
                "{query}"
            );
        }
        // The queries do meet terms, in all the ways there are.
        assert!(found > queries.len(), "{found} hits");
        for kind in ["Exact", "Folded", "Words", "Fuzzy {", "FuzzyWord"] {
            let met = queries
                .iter()
                .any(|q| everything(&scan(&g, q, 10)).contains(&format!("kind: {kind}")));
            assert!(met, "no query met a term as {kind}");
        }
    }

    #[test]
    fn one_pass_fold_agrees_with_the_keys() {
        let g = super::super::generated::glossary(200);
        let mut texts: Vec<String> = g
            .iter()
            .flat_map(|c| c.terms().map(|t| t.text.to_string()))
            .collect();
        texts.extend(
            ["", "...", " a-b ", "Ǆemal ﬁn", "l’État", "x\u{301}y", "ŞĂȚ"].map(String::from),
        );
        let mut folded = FoldedTerm::default();
        for text in &texts {
            check_fold(&mut folded, text);
        }
    }

    fn check_fold(folded: &mut FoldedTerm, text: &str) {
        let spaced = spaced_key(text);
        let key = super::super::compact_key(text);
        assert_eq!(folded.fold(text), !key.is_empty(), "{text:?}");
        assert_eq!(folded.key, key, "{text:?}");
        if key.is_empty() {
            return;
        }
        assert_eq!(folded.spaced, spaced, "{text:?}");
        assert_eq!(folded.len, key.chars().count(), "{text:?}");
        assert_eq!(folded.chars, CharSet::of(&key), "{text:?}");
        let words: Vec<&str> = folded
            .words
            .iter()
            .map(|w| &folded.spaced[w.start..w.end])
            .collect();
        assert_eq!(words, spaced.split(' ').collect::<Vec<_>>(), "{text:?}");
        for (word, text) in folded.words.iter().zip(&words) {
            assert_eq!(word.len, text.chars().count());
            assert_eq!(word.chars, CharSet::of(text));
        }
        // A lookup cache keeps the spaced key only: taken back, it is the same term.
        let mut again = FoldedTerm::default();
        assert!(again.set_spaced(&spaced), "{text:?}");
        assert_eq!(again.spaced, folded.spaced, "{text:?}");
        assert_eq!(again.key, folded.key, "{text:?}");
        assert_eq!(
            (again.len, again.chars),
            (folded.len, folded.chars),
            "{text:?}"
        );
        assert_eq!(again.words, folded.words, "{text:?}");
    }

    proptest::proptest! {
        #[test]
        fn one_pass_fold_agrees_with_the_keys_on_any_text(text in "\\PC{0,12}|[a-zA-Zé ,.'-]{0,20}") {
            check_fold(&mut FoldedTerm::default(), &text);
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
