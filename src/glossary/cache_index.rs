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
//! Fresh memory costs a lookup more than anything else, so the shapes are small (8 bytes
//! a term, 5 a word of a term of several words) and streamed through one small buffer,
//! and keys and rows are read only where needed. Layout, after the cache's first line
//! (numbers little-endian):
//!
//! - magic, then the counts of concepts C, terms T and words W, the byte lengths of the
//!   entries E, the keys K and the rows R, and flags (u64 each; flag 1: no two concepts
//!   have the same French key);
//! - the entries: per concept, its id and French key (each a u16 length and the text),
//!   the length of its row (u32) and its number of terms (u16); then per term its
//!   narrowed characters (u32), its length and number of words (u8 each; [`UNSURE`] when
//!   too large: the term is then always scored) and the length of its spaced key (u16),
//!   followed, for a term of several words, by each word's narrowed characters (u32) and
//!   length (u8);
//! - the spaced keys of all terms end to end, then our table's rows end to end.
//!
//! Anything that does not add up makes the whole file unusable, never a wrong answer.

use super::lookup::{Matcher, Shape, Shaper};
use super::oneshot::Slots;
use super::{compact_key, table, Glossary};
use std::fs::File;

const MAGIC: &[u8; 8] = b"WAGLIDX3";
pub(super) const HEADER_LEN: usize = MAGIC.len() + 7 * 8;
/// Flag: no two concepts have the same French key.
const DISTINCT_FRENCH: u64 = 1;
/// A length or word count too large for the index: the term is always scored.
const UNSURE: u8 = u8::MAX;
/// Above this many terms to score, the keys are read in order a chunk at a time rather
/// than one by one.
const KEYS_READ_ONE_BY_ONE: usize = 128;
/// Bytes of entries read at a time.
const CHUNK: usize = 64 * 1024;

/// The index of `glossary`, or `None` when it cannot be indexed (an id, key or row too
/// long for its length field, or too many terms in a concept).
pub(super) fn encode(glossary: &Glossary) -> Option<Vec<u8>> {
    let concepts = glossary.concepts();
    let (mut entries, mut keys, mut rows) = (Vec::new(), String::new(), String::new());
    let (mut terms, mut words) = (0usize, 0usize);
    let mut shaper = Shaper::default();
    let mut row = String::new();
    let mut french_keys = std::collections::HashSet::new();
    let small = |n: usize| u8::try_from(n).ok().filter(|&n| n != UNSURE);
    let text = |entries: &mut Vec<u8>, text: &str| -> Option<()> {
        entries.extend(u16::try_from(text.len()).ok()?.to_le_bytes());
        entries.extend_from_slice(text.as_bytes());
        Some(())
    };
    for concept in concepts {
        text(&mut entries, &concept.id)?;
        let french = compact_key(&concept.fr.preferred);
        text(&mut entries, &french)?;
        french_keys.insert(french);
        row.clear();
        table::push_row(concept, &mut row);
        rows.push_str(&row);
        entries.extend(u32::try_from(row.len()).ok()?.to_le_bytes());
        let count_at = entries.len();
        entries.extend([0, 0]);
        let mut own_terms = 0usize;
        for term in concept.terms() {
            let Some((shape, spaced, term_words)) = shaper.shape(term.text) else {
                continue;
            };
            own_terms += 1;
            keys.push_str(spaced);
            let term_words: Vec<(usize, u32)> = term_words.collect();
            let lens: Option<Vec<u8>> = term_words.iter().map(|&(len, _)| small(len)).collect();
            let (len, count, lens) = match (small(shape.len), small(shape.words), lens) {
                (Some(len), Some(count), Some(lens)) => (len, count, lens),
                _ => (UNSURE, 0, Vec::new()),
            };
            entries.extend(shape.chars.to_le_bytes());
            entries.extend([len, count]);
            entries.extend(u16::try_from(spaced.len()).ok()?.to_le_bytes());
            if count > 1 {
                for (&(_, chars), len) in term_words.iter().zip(lens) {
                    entries.extend(chars.to_le_bytes());
                    entries.push(len);
                    words += 1;
                }
            }
        }
        terms += own_terms;
        let own_terms = u16::try_from(own_terms).ok()?.to_le_bytes();
        entries[count_at..count_at + 2].copy_from_slice(&own_terms);
    }
    let mut out = Vec::with_capacity(HEADER_LEN + entries.len() + keys.len() + rows.len());
    out.extend_from_slice(MAGIC);
    let flags = if french_keys.len() == concepts.len() {
        DISTINCT_FRENCH
    } else {
        0
    };
    let counts = [concepts.len(), terms, words];
    let lengths = [entries.len(), keys.len(), rows.len()];
    for n in counts.into_iter().chain(lengths) {
        out.extend_from_slice(&(n as u64).to_le_bytes());
    }
    out.extend_from_slice(&flags.to_le_bytes());
    out.extend_from_slice(&entries);
    out.extend_from_slice(keys.as_bytes());
    out.extend_from_slice(rows.as_bytes());
    Some(out)
}

/// Reads `buf.len()` bytes of `file` from `offset`.
#[cfg(unix)]
fn read_at(file: &File, offset: u64, buf: &mut [u8]) -> Option<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset).ok()
}

#[cfg(not(unix))]
fn read_at(mut file: &File, offset: u64, buf: &mut [u8]) -> Option<()> {
    use std::io::{Read, Seek, SeekFrom};
    file.seek(SeekFrom::Start(offset)).ok()?;
    file.read_exact(buf).ok()
}

/// `len` bytes of `file` from `offset`, as text.
fn text_at(file: &File, offset: u64, len: usize) -> Option<String> {
    let mut bytes = vec![0u8; len];
    read_at(file, offset, &mut bytes)?;
    String::from_utf8(bytes).ok()
}

/// The slots of the glossary indexed in `file` from byte `start` on, for `matcher`: the
/// concept itself in each slot whose concept the query meets. `None` when the file is not
/// a whole, consistent index.
pub(super) fn slots_for_query(file: &File, start: u64, matcher: &mut Matcher<'_>) -> Option<Slots> {
    let file_len = file.metadata().ok()?.len();
    let mut header = [0u8; HEADER_LEN];
    read_at(file, start, &mut header)?;
    let (magic, counts) = header.split_at(MAGIC.len());
    if magic != MAGIC {
        return None;
    }
    let mut numbers = counts
        .chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().expect("chunks of 8")));
    let mut next = || usize::try_from(numbers.next()?).ok();
    let (concepts, terms, words) = (next()?, next()?, next()?);
    let (entries, keys, rows) = (next()?, next()?, next()?);
    let flags = next()? as u64;
    if flags & !DISTINCT_FRENCH != 0 {
        return None;
    }
    let entries_at = start.checked_add(HEADER_LEN as u64)?;
    let keys_at = entries_at.checked_add(entries as u64)?;
    let rows_at = keys_at.checked_add(keys as u64)?;
    // Every concept takes at least 10 bytes of entries: a damaged count must not make
    // the reader reserve room for more.
    if rows_at.checked_add(rows as u64)? != file_len || concepts > entries / 10 {
        return None;
    }
    let mut stream = Stream::new(file, entries_at, entries);
    let read = read_entries(&mut stream, concepts, matcher)?;
    let counted = (read.terms, read.words, read.keys, read.rows);
    if !stream.finished() || counted != (terms, words, keys, rows) {
        return None;
    }
    let met = met(
        &read.to_score,
        concepts,
        matcher,
        |offset, len| text_at(file, keys_at + offset as u64, len),
        Stream::new(file, keys_at, keys),
    )?;
    let mut slots = read.slots;
    if flags & DISTINCT_FRENCH != 0 {
        slots.set_distinct_french();
    }
    let mut row_start = 0;
    for (i, (met, row_end)) in met.into_iter().zip(read.row_ends).enumerate() {
        if met {
            let row = text_at(file, rows_at + row_start as u64, row_end - row_start)?;
            let concept = table::concept_from_row_of_ours(&row).ok()?;
            let agrees = concept.id == slots.id(i)
                && compact_key(&concept.fr.preferred) == slots.french(i)
                && matcher.meets_concept(&concept);
            if !agrees {
                return None;
            }
            slots.set_concept(i, concept);
        }
        row_start = row_end;
    }
    Some(slots)
}

/// A term whose shape passed the bounds: its concept, and where its key is.
struct ToScore {
    concept: usize,
    key_at: usize,
    key_len: usize,
}

/// What a pass over the entries found.
struct Entries {
    /// Every concept, none of them read yet.
    slots: Slots,
    /// Where each concept's row ends in the rows.
    row_ends: Vec<usize>,
    to_score: Vec<ToScore>,
    terms: usize,
    words: usize,
    /// Bytes of keys and of rows the entries account for.
    keys: usize,
    rows: usize,
}

/// One pass over the entries of `concepts` concepts, bounding every term.
fn read_entries(
    stream: &mut Stream<'_>,
    concepts: usize,
    matcher: &Matcher<'_>,
) -> Option<Entries> {
    let mut slots = Slots::default();
    // The entries hold every id and French key: room for them all at once (pages never
    // written cost nothing), rather than copies as the names grow.
    slots.reserve(concepts, stream.len());
    let mut read = Entries {
        slots,
        row_ends: Vec::with_capacity(concepts),
        to_score: Vec::new(),
        terms: 0,
        words: 0,
        keys: 0,
        rows: 0,
    };
    for concept in 0..concepts {
        read.slots.push_id(stream.text()?);
        let french = stream.text()?;
        read.slots.push_french(french);
        read.rows = read.rows.checked_add(stream.u32()? as usize)?;
        read.row_ends.push(read.rows);
        let own_terms = stream.u16()?;
        for _ in 0..own_terms {
            let [c0, c1, c2, c3, len, count, k0, k1] = *stream.take(8)? else {
                return None;
            };
            let chars = u32::from_le_bytes([c0, c1, c2, c3]);
            let key_len = usize::from(u16::from_le_bytes([k0, k1]));
            let count = usize::from(count);
            let shape = Shape {
                len: usize::from(len),
                chars,
                words: count,
            };
            let words: &[u8] = if count > 1 {
                read.words = read.words.checked_add(count)?;
                stream.take(5 * count)?
            } else {
                &[]
            };
            let each_word = words.chunks_exact(5).map(|w| {
                (
                    usize::from(w[4]),
                    u32::from_le_bytes([w[0], w[1], w[2], w[3]]),
                )
            });
            if len == UNSURE || matcher.may_meet_shape(shape, each_word) {
                read.to_score.push(ToScore {
                    concept,
                    key_at: read.keys,
                    key_len,
                });
            }
            read.keys = read.keys.checked_add(key_len)?;
            read.terms += 1;
        }
    }
    Some(read)
}

/// Whether the query meets each concept, scoring the terms `to_score` from their keys,
/// read one by one with `key(offset, len)` when they are few, else in order from `keys`.
fn met(
    to_score: &[ToScore],
    concepts: usize,
    matcher: &mut Matcher<'_>,
    mut key: impl FnMut(usize, usize) -> Option<String>,
    mut keys: Stream<'_>,
) -> Option<Vec<bool>> {
    let mut met = vec![false; concepts];
    let one_by_one = to_score.len() <= KEYS_READ_ONE_BY_ONE;
    let mut position = 0;
    for term in to_score {
        if met[term.concept] {
            continue;
        }
        met[term.concept] = if one_by_one {
            matcher.meets_spaced(&key(term.key_at, term.key_len)?)
        } else {
            keys.skip(term.key_at.checked_sub(position)?)?;
            position = term.key_at + term.key_len;
            matcher.meets_spaced(keys.text_of(term.key_len)?)
        };
    }
    Some(met)
}

/// A section of a file read through one small buffer, a few bytes at a time.
struct Stream<'f> {
    file: &'f File,
    /// Where the next read starts, and where the section ends, in the file.
    next_at: u64,
    end_at: u64,
    buffer: Vec<u8>,
    /// The bytes of `buffer` read but not yet taken.
    start: usize,
    end: usize,
}

impl<'f> Stream<'f> {
    fn new(file: &'f File, at: u64, len: usize) -> Stream<'f> {
        Stream {
            file,
            next_at: at,
            end_at: at + len as u64,
            buffer: vec![0; CHUNK.min(len)],
            start: 0,
            end: 0,
        }
    }

    /// The next `n` bytes, or `None` past the end of the section.
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        if self.end - self.start < n {
            self.buffer.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
            if self.buffer.len() < n {
                self.buffer.resize(n, 0);
            }
            let left = usize::try_from(self.end_at - self.next_at).ok()?;
            let len = (self.buffer.len() - self.end).min(left);
            if self.end + len < n {
                return None;
            }
            read_at(
                self.file,
                self.next_at,
                &mut self.buffer[self.end..self.end + len],
            )?;
            self.next_at += len as u64;
            self.end += len;
        }
        let taken = &self.buffer[self.start..self.start + n];
        self.start += n;
        Some(taken)
    }

    fn u16(&mut self) -> Option<u16> {
        let bytes = self.take(2)?;
        Some(u16::from_le_bytes([bytes[0], bytes[1]]))
    }

    fn u32(&mut self) -> Option<u32> {
        let bytes = self.take(4)?;
        Some(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
    }

    /// A text given as its length (u16) and bytes.
    fn text(&mut self) -> Option<&str> {
        let len = usize::from(self.u16()?);
        self.text_of(len)
    }

    /// The next `len` bytes, as text.
    fn text_of(&mut self, len: usize) -> Option<&str> {
        std::str::from_utf8(self.take(len)?).ok()
    }

    /// Passes over the next `n` bytes, reading none it does not hold already.
    fn skip(&mut self, n: usize) -> Option<()> {
        let held = self.end - self.start;
        if n <= held {
            self.start += n;
        } else {
            let beyond = (n - held) as u64;
            if beyond > self.end_at - self.next_at {
                return None;
            }
            self.next_at += beyond;
            (self.start, self.end) = (0, 0);
        }
        Some(())
    }

    /// Bytes in the section.
    fn len(&self) -> usize {
        (self.end_at - self.next_at) as usize + self.end - self.start
    }

    /// True when every byte of the section has been taken.
    fn finished(&self) -> bool {
        self.start == self.end && self.next_at == self.end_at
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

    #[test]
    fn the_index_meets_exactly_the_concepts_a_scan_meets() {
        let glossary = generated::glossary(300);
        let mut queries = generated::queries(&glossary, 300);
        queries.extend(["Wagnr", "...", "zzzz", "ba", "a b c"].map(String::from));
        let (file, start) = index_file(&glossary);
        let mut met = 0;
        for query in &queries {
            let mut matcher = Matcher::new(query);
            let mut expected = Slots::default();
            for concept in glossary.concepts() {
                expected.push_concept(concept.clone(), &mut matcher);
            }
            let found = slots_for_query(file.as_file(), start, &mut matcher).unwrap();
            let found = found.summary();
            met += found
                .iter()
                .filter(|(_, _, concept)| concept.is_some())
                .count();
            assert_eq!(found, expected.summary(), "{query:?}");
        }
        assert!(met > queries.len(), "the queries met only {met} concepts");
    }

    #[test]
    fn terms_too_long_for_the_index_are_always_scored() {
        let long_word = "a".repeat(300);
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
            assert_eq!(found.summary()[0].2.is_some(), expected, "{query:.20}");
        }
        let mut huge = super::super::Concept::new("huge", "x", "y");
        huge.note = "a".repeat(30_000);
        let glossary = Glossary::from_concepts(vec![huge.clone()]).unwrap();
        assert!(encode(&glossary).is_some(), "long notes are fine");
        huge.fr.variants = vec!["a".repeat(70_000)];
        let glossary = Glossary::from_concepts(vec![huge]).unwrap();
        assert!(encode(&glossary).is_none(), "a key too long for the index");
    }
}
