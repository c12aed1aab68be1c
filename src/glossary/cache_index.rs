//! The index a lookup cache file holds for one glossary file.
//!
//! A one-off lookup must say, for every term of a 10,000-concept glossary, whether the
//! query may meet it; folding 90,000 terms to find out costs more than the rest of the
//! process. So the cache keeps each term already folded: its spaced key and its
//! [`Shape`] (length, characters, and those of its words); and each concept's id, French
//! key and row of our table. A lookup bounds every term by its shape (as
//! [`Matcher::may_meet_shape`] does), scores the few terms that pass from their keys (as
//! [`Matcher::meets_spaced`]), and parses only the rows of the concepts met, which are
//! checked again once parsed. So the concepts found are exactly those a scan of the
//! whole glossary finds.
//!
//! Layout, after the cache's first line (all numbers little-endian):
//! magic, then the counts of concepts C, terms T and words W and the byte lengths of the
//! strings S and rows R (u64 each); per concept its number of terms, the end of its row in
//! the rows, the end of its id and of its French key in the strings (u32 each); per term
//! its characters (u64), the end of its spaced key in the strings (u32), its length and
//! number of words (u16 each); per word of the terms of more than one word, its
//! characters (u64) and length (u16); the strings (each concept's id, French key, then
//! the spaced keys of its terms); the rows (our table's rows, end to end). Anything that does not
//! add up makes the whole file unusable, never a wrong answer.

use super::lookup::{Matcher, Shape, Shaper};
use super::oneshot::Slot;
use super::{compact_key, table, Glossary};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};

const MAGIC: &[u8; 8] = b"WAGLIDX1";
pub(super) const HEADER_LEN: usize = MAGIC.len() + 5 * 8;
/// A length or word count too large for the index: the term is always a candidate.
const UNSURE: u16 = u16::MAX;

/// The index of `glossary`, or `None` when it is too large to index (over 4 GB of text).
pub(super) fn encode(glossary: &Glossary) -> Option<Vec<u8>> {
    let concepts = glossary.concepts();
    let mut concept_terms = Vec::with_capacity(concepts.len());
    let mut row_ends = Vec::with_capacity(concepts.len());
    let mut id_ends = Vec::with_capacity(concepts.len());
    let mut french_ends = Vec::with_capacity(concepts.len());
    let (mut term_chars, mut term_lens, mut term_words) = (Vec::new(), Vec::new(), Vec::new());
    let (mut word_chars, mut word_lens) = (Vec::new(), Vec::new());
    let mut strings = String::new();
    let mut rows = String::new();
    // The spaced keys of one concept's terms, and their ends.
    let (mut key_texts, mut key_ends) = (String::new(), Vec::new());
    let mut term_key_ends = Vec::new();
    let mut shaper = Shaper::default();
    let small = |n: usize| u16::try_from(n).ok().filter(|&n| n != UNSURE);
    for concept in concepts {
        let mut terms = 0u32;
        key_texts.clear();
        key_ends.clear();
        for term in concept.terms() {
            let Some((shape, spaced, words)) = shaper.shape(term.text) else {
                continue;
            };
            terms += 1;
            term_chars.push(shape.chars);
            key_texts.push_str(spaced);
            key_ends.push(key_texts.len());
            let words: Vec<(usize, u64)> = words.collect();
            let word_lens_small: Option<Vec<u16>> =
                words.iter().map(|&(len, _)| small(len)).collect();
            match (small(shape.len), small(shape.words), word_lens_small) {
                (Some(len), Some(count), Some(lens)) => {
                    term_lens.push(len);
                    term_words.push(count);
                    if count > 1 {
                        word_lens.extend(lens);
                        word_chars.extend(words.iter().map(|&(_, chars)| chars));
                    }
                }
                _ => {
                    term_lens.push(UNSURE);
                    term_words.push(0);
                }
            }
        }
        concept_terms.push(terms);
        table::push_row(concept, &mut rows);
        row_ends.push(u32::try_from(rows.len()).ok()?);
        strings.push_str(&concept.id);
        id_ends.push(u32::try_from(strings.len()).ok()?);
        strings.push_str(&compact_key(&concept.fr.preferred));
        french_ends.push(u32::try_from(strings.len()).ok()?);
        for &end in &key_ends {
            term_key_ends.push(u32::try_from(strings.len() + end).ok()?);
        }
        strings.push_str(&key_texts);
    }
    let mut out = Vec::with_capacity(
        HEADER_LEN
            + concepts.len() * 16
            + term_chars.len() * 16
            + word_chars.len() * 10
            + strings.len()
            + rows.len(),
    );
    out.extend_from_slice(MAGIC);
    for count in [
        concepts.len(),
        term_chars.len(),
        word_chars.len(),
        strings.len(),
        rows.len(),
    ] {
        out.extend_from_slice(&(count as u64).to_le_bytes());
    }
    for numbers in [&concept_terms, &row_ends, &id_ends, &french_ends] {
        out.extend(numbers.iter().flat_map(|n| n.to_le_bytes()));
    }
    out.extend(term_chars.iter().flat_map(|n| n.to_le_bytes()));
    out.extend(term_key_ends.iter().flat_map(|n| n.to_le_bytes()));
    out.extend(term_lens.iter().flat_map(|n| n.to_le_bytes()));
    out.extend(term_words.iter().flat_map(|n| n.to_le_bytes()));
    out.extend(word_chars.iter().flat_map(|n| n.to_le_bytes()));
    out.extend(word_lens.iter().flat_map(|n| n.to_le_bytes()));
    out.extend_from_slice(strings.as_bytes());
    out.extend_from_slice(rows.as_bytes());
    Some(out)
}

/// The slots of the glossary indexed in `file` from byte `start` on, for `matcher`: the
/// concept itself in each slot whose concept the query meets. `None` when the file is not
/// a whole, consistent index.
pub(super) fn slots_for_query(
    mut file: &File,
    start: u64,
    matcher: &mut Matcher<'_>,
) -> Option<Vec<Slot>> {
    let file_len = file.metadata().ok()?.len();
    let mut header = [0u8; HEADER_LEN];
    file.seek(SeekFrom::Start(start)).ok()?;
    file.read_exact(&mut header).ok()?;
    let (magic, counts) = header.split_at(MAGIC.len());
    if magic != MAGIC {
        return None;
    }
    let mut counts = counts
        .chunks_exact(8)
        .map(|c| usize::try_from(u64::from_le_bytes(c.try_into().expect("8 bytes"))).ok());
    let mut next = || counts.next().flatten();
    let (concepts, terms, words, strings, rows) = (next()?, next()?, next()?, next()?, next()?);
    let index_len = concepts
        .checked_mul(16)?
        .checked_add(terms.checked_mul(16)?)?
        .checked_add(words.checked_mul(10)?)?
        .checked_add(strings)?;
    let rows_at = start
        .checked_add(HEADER_LEN as u64)?
        .checked_add(index_len as u64)?;
    if rows_at.checked_add(rows as u64)? != file_len {
        return None;
    }
    let mut bytes = vec![0u8; index_len];
    file.read_exact(&mut bytes).ok()?;
    let index = Index::split(&bytes, concepts, terms, words, strings)?;
    let met = index.met(matcher)?;
    index.slots(
        &met,
        |from, to| {
            let len = usize::try_from(to.checked_sub(from)?).ok()?;
            if u64::from(to) > rows as u64 {
                return None;
            }
            let mut row = vec![0u8; len];
            file.seek(SeekFrom::Start(rows_at + u64::from(from))).ok()?;
            file.read_exact(&mut row).ok()?;
            String::from_utf8(row).ok()
        },
        matcher,
    )
}

/// The sections of an index read into memory (all but the rows).
struct Index<'a> {
    concept_terms: &'a [u8],
    row_ends: &'a [u8],
    id_ends: &'a [u8],
    french_ends: &'a [u8],
    term_chars: &'a [u8],
    term_key_ends: &'a [u8],
    term_lens: &'a [u8],
    term_words: &'a [u8],
    word_chars: &'a [u8],
    word_lens: &'a [u8],
    strings: &'a str,
}

fn u16_at(bytes: &[u8], i: usize) -> u16 {
    u16::from_le_bytes([bytes[2 * i], bytes[2 * i + 1]])
}

fn u32_at(bytes: &[u8], i: usize) -> u32 {
    u32::from_le_bytes(bytes[4 * i..4 * i + 4].try_into().expect("4 bytes"))
}

fn u64_at(bytes: &[u8], i: usize) -> u64 {
    u64::from_le_bytes(bytes[8 * i..8 * i + 8].try_into().expect("8 bytes"))
}

impl<'a> Index<'a> {
    /// Cuts `bytes` into sections of the given counts.
    fn split(
        bytes: &'a [u8],
        concepts: usize,
        terms: usize,
        words: usize,
        strings: usize,
    ) -> Option<Index<'a>> {
        let mut rest = bytes;
        let mut take = |len: usize| -> Option<&'a [u8]> {
            let (section, after) = rest.split_at_checked(len)?;
            rest = after;
            Some(section)
        };
        Some(Index {
            concept_terms: take(4 * concepts)?,
            row_ends: take(4 * concepts)?,
            id_ends: take(4 * concepts)?,
            french_ends: take(4 * concepts)?,
            term_chars: take(8 * terms)?,
            term_key_ends: take(4 * terms)?,
            term_lens: take(2 * terms)?,
            term_words: take(2 * terms)?,
            word_chars: take(8 * words)?,
            word_lens: take(2 * words)?,
            strings: simdutf8::basic::from_utf8(take(strings)?).ok()?,
        })
    }

    fn concepts(&self) -> usize {
        self.concept_terms.len() / 4
    }

    /// Whether the query meets each concept (some term of it); `None` when the counts of
    /// terms and words or the keys do not add up.
    fn met(&self, matcher: &mut Matcher<'_>) -> Option<Vec<bool>> {
        let terms = self.term_lens.len() / 2;
        let words = self.word_lens.len() / 2;
        let mut term = 0usize;
        let mut word = 0usize;
        let mut met = Vec::with_capacity(self.concepts());
        for concept in 0..self.concepts() {
            let last = term.checked_add(u32_at(self.concept_terms, concept) as usize)?;
            if last > terms {
                return None;
            }
            let mut key_start = u32_at(self.french_ends, concept) as usize;
            let mut concept_met = false;
            while term < last {
                let len = u16_at(self.term_lens, term);
                let count = usize::from(u16_at(self.term_words, term));
                let own_words = if count > 1 { count } else { 0 };
                if word + own_words > words {
                    return None;
                }
                let key_end = u32_at(self.term_key_ends, term) as usize;
                if !concept_met {
                    let shape = Shape {
                        len: usize::from(len),
                        chars: u64_at(self.term_chars, term),
                        words: count,
                    };
                    let (word_lens, word_chars) = (self.word_lens, self.word_chars);
                    let each_word = (word..word + own_words)
                        .map(|w| (usize::from(u16_at(word_lens, w)), u64_at(word_chars, w)));
                    if len == UNSURE || matcher.may_meet_shape(shape, each_word) {
                        concept_met = matcher.meets_spaced(self.strings.get(key_start..key_end)?);
                    }
                }
                key_start = key_end;
                word += own_words;
                term += 1;
            }
            met.push(concept_met);
        }
        (term == terms && word == words).then_some(met)
    }

    /// Every concept as a slot, with the concept itself, read with `row(start, end)`,
    /// where `met` says; `None` when a row read does not agree with the index.
    fn slots(
        &self,
        met: &[bool],
        mut row: impl FnMut(u32, u32) -> Option<String>,
        matcher: &mut Matcher<'_>,
    ) -> Option<Vec<Slot>> {
        let mut slots = Vec::with_capacity(met.len());
        let (mut row_start, mut string_start, mut terms_seen) = (0u32, 0usize, 0usize);
        for (i, &met) in met.iter().enumerate() {
            let row_end = u32_at(self.row_ends, i);
            let id_end = u32_at(self.id_ends, i) as usize;
            let french_end = u32_at(self.french_ends, i) as usize;
            let id = self.strings.get(string_start..id_end)?;
            let french = self.strings.get(id_end..french_end)?;
            let own_terms = u32_at(self.concept_terms, i) as usize;
            terms_seen += own_terms;
            // The next concept's strings start after this one's spaced keys.
            string_start = if own_terms == 0 {
                french_end
            } else {
                u32_at(self.term_key_ends, terms_seen - 1) as usize
            };
            let concept = if met {
                let concept = table::concept_from_row_of_ours(&row(row_start, row_end)?).ok()?;
                let agrees = concept.id == id
                    && compact_key(&concept.fr.preferred) == french
                    && matcher.meets_concept(&concept);
                if !agrees {
                    return None;
                }
                Some(Box::new(concept))
            } else {
                None
            };
            row_start = row_end;
            slots.push(Slot {
                id: id.into(),
                french: french.into(),
                concept,
            });
        }
        Some(slots)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::generated;
    use std::io::Write;

    /// The index of `glossary` in a file, after a first line as the cache writes one.
    fn index_file(glossary: &Glossary) -> (tempfile::NamedTempFile, u64) {
        let mut file = tempfile::NamedTempFile::new().unwrap();
        let first_line = b"first line\n";
        file.write_all(first_line).unwrap();
        file.write_all(&encode(glossary).unwrap()).unwrap();
        (file, first_line.len() as u64)
    }

    /// Each concept's id and French key, and the concept itself where `meets`.
    fn summary(slots: Vec<Slot>) -> Vec<(String, String, Option<Box<super::super::Concept>>)> {
        slots
            .into_iter()
            .map(|s| (s.id.to_string(), s.french.to_string(), s.concept))
            .collect()
    }

    #[test]
    fn the_index_meets_exactly_the_concepts_a_scan_meets() {
        let glossary = generated::glossary(300);
        let mut queries = generated::queries(&glossary, 300);
        queries.extend(["Wagnr", "...", "zzzz", "ba", "a b c"].map(String::from));
        let (file, start) = index_file(&glossary);
        let mut met = 0;
        for query in &queries {
            let mut matcher = Matcher::new(query);
            let expected: Vec<Slot> = glossary
                .concepts()
                .iter()
                .map(|c| Slot::of(c.clone(), &mut matcher))
                .collect();
            let found = slots_for_query(file.as_file(), start, &mut matcher).unwrap();
            met += found.iter().filter(|s| s.concept.is_some()).count();
            assert_eq!(summary(found), summary(expected), "{query:?}");
        }
        assert!(met > queries.len(), "the queries met only {met} concepts");
    }

    #[test]
    fn terms_too_long_for_the_index_are_always_looked_at() {
        let long_word = "a".repeat(70_000);
        let many_words = "ba ".repeat(300);
        let mut concept = super::super::Concept::new("long", "x", "y");
        concept.fr.variants = vec![long_word.clone(), many_words.clone()];
        concept.en.variants = vec![format!("{long_word} b")];
        let glossary = Glossary::from_concepts(vec![concept]).unwrap();
        let (file, start) = index_file(&glossary);
        for query in ["ba", "ba ba", long_word.as_str(), "b", "x", "z"] {
            let mut matcher = Matcher::new(query);
            let expected = matcher.meets_concept(&glossary.concepts()[0]);
            let found = slots_for_query(file.as_file(), start, &mut matcher).unwrap();
            assert_eq!(found[0].concept.is_some(), expected, "{query:.20}");
        }
    }
}
