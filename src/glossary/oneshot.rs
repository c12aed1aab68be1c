//! One lookup from the command line over large user glossaries.
//!
//! Loading a 10,000-concept glossary in full (every field of every concept parsed and
//! allocated) costs far more than answering one query. This reader checks every row as
//! strictly as the full loader but materialises only the concepts that have a term the
//! query meets; every other concept is kept as its id and French key, which is all that
//! merging over the built-in glossary looks at. The result is the glossary that
//! [`Glossary::lookup`] would find hits in, so a lookup over it gives exactly the hits of
//! a lookup over the fully loaded glossary.
//!
//! With a [`LookupCache`], a file unchanged since an earlier lookup is read from the index
//! kept then, which holds every term already folded (see the `cache_index` module).
//! Otherwise our table is scanned a chunk at a time, each term first looked at without
//! folding it (see `Query::may_meet` in the lookup module), and other formats are parsed
//! in full; a file whose times have settled is then read in full and indexed.

use super::cache::LookupCache;
use super::lookup::Matcher;
use super::{compact_key, table, Concept, Glossary};
use crate::error::{Error, Result};
use std::io::Read;
use std::path::{Path, PathBuf};

/// The concepts of one glossary being merged: the id and French key of each, kept end to
/// end in one string (a 10,000-concept glossary would otherwise cost 20,000 small
/// allocations), and the concept itself only where the query meets one of its terms.
#[derive(Default)]
pub(super) struct Slots {
    names: String,
    /// Where each concept's id and French key end in `names`.
    ends: Vec<(usize, usize)>,
    concepts: Vec<Option<Box<Concept>>>,
    /// Known to have no two concepts with the same French key (ids are distinct in any
    /// glossary read), which lets a merge append them without a look at each other.
    distinct_french: bool,
}

impl Slots {
    fn of(glossary: Glossary, matcher: &mut Matcher<'_>) -> Slots {
        let mut slots = Slots::default();
        slots.reserve(glossary.len(), 0);
        for concept in glossary.concepts {
            slots.push_concept(concept, matcher);
        }
        slots
    }

    /// Says that no two concepts have the same French key.
    pub(super) fn set_distinct_french(&mut self) {
        self.distinct_french = true;
    }

    /// Makes room for `concepts` more concepts, and `names` bytes of ids and French keys.
    pub(super) fn reserve(&mut self, concepts: usize, names: usize) {
        self.names.reserve(names);
        self.ends.reserve(concepts);
        self.concepts.reserve(concepts);
    }

    pub(super) fn push(&mut self, id: &str, french: &str, concept: Option<Box<Concept>>) {
        self.push_id(id);
        self.push_french(french);
        self.concepts[self.ends.len() - 1] = concept;
    }

    /// [`Slots::push`] of a concept not met, in two steps: its id, then its French key.
    pub(super) fn push_id(&mut self, id: &str) {
        self.names.push_str(id);
        self.ends.push((self.names.len(), self.names.len()));
        self.concepts.push(None);
    }

    pub(super) fn push_french(&mut self, french: &str) {
        self.names.push_str(french);
        if let Some(last) = self.ends.last_mut() {
            last.1 = self.names.len();
        }
    }

    /// Adds `concept`, kept only if the matcher meets one of its terms.
    pub(super) fn push_concept(&mut self, concept: Concept, matcher: &mut Matcher<'_>) {
        let french = compact_key(&concept.fr.preferred);
        self.push_id(&concept.id);
        self.push_french(&french);
        if matcher.meets_concept(&concept) {
            self.set_concept(self.len() - 1, concept);
        }
    }

    pub(super) fn len(&self) -> usize {
        self.ends.len()
    }

    pub(super) fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    pub(super) fn id(&self, i: usize) -> &str {
        let start = i.checked_sub(1).map_or(0, |before| self.ends[before].1);
        &self.names[start..self.ends[i].0]
    }

    pub(super) fn french(&self, i: usize) -> &str {
        &self.names[self.ends[i].0..self.ends[i].1]
    }

    pub(super) fn set_concept(&mut self, i: usize, concept: Concept) {
        self.concepts[i] = Some(Box::new(concept));
    }

    /// Each concept's id, French key and, where met, the concept.
    #[cfg(test)]
    pub(super) fn summary(&self) -> Vec<(String, String, Option<Box<Concept>>)> {
        (0..self.len())
            .map(|i| {
                let concept = self.concepts[i].clone();
                (self.id(i).to_string(), self.french(i).to_string(), concept)
            })
            .collect()
    }
}

/// The built-in glossary with the user files merged over it, as
/// [`Glossary::with_user_files`] builds it, keeping only the concepts `query` meets.
/// Every file is read in full and any invalid one is refused, as by the full loader;
/// with a cache, a file that is unchanged since it was last read is read from the index
/// cached then (see [`super::cache`]), which was made from the file once validated.
pub(super) fn with_user_files_for_query(
    paths: &[PathBuf],
    query: &str,
    cache: Option<&LookupCache>,
) -> Result<Glossary> {
    let mut matcher = Matcher::new(query);
    let mut sources = Vec::with_capacity(paths.len() + 1);
    sources.push(Slots::of(Glossary::builtin(), &mut matcher));
    for path in paths {
        sources.push(read_for_query(path, &mut matcher, cache)?);
    }
    let last = sources.len() - 1;
    let mut merged = Merged::default();
    for source in 0..last {
        merged.merge(&sources, source);
    }
    let appended = merged.appends(&sources, last);
    if !appended {
        merged.merge(&sources, last);
    }
    let mut survivors = merged.slots;
    if appended {
        // Only the concepts met are needed from here on.
        let met = (0..sources[last].len()).filter(|&i| sources[last].concepts[i].is_some());
        survivors.extend(met.map(|i| (last, i)));
    }
    let concepts = survivors
        .into_iter()
        .filter_map(|(source, i)| sources[source].concepts[i].take().map(|c| *c))
        .collect();
    Glossary::from_normalized(concepts).map_err(Error::usage)
}

/// One user file as slots: from its cached index when there is a current one; else
/// scanned when it is our table and will not be cached; else loaded in full (and then
/// cached once its times have settled).
fn read_for_query(
    path: &Path,
    matcher: &mut Matcher<'_>,
    cache: Option<&LookupCache>,
) -> Result<Slots> {
    let cached = cache.and_then(|cache| Some((cache, cache.entry(path)?)));
    if let Some((cache, entry)) = &cached {
        if let Some(slots) = cache.slots_for_query(entry, matcher) {
            return Ok(slots);
        }
    }
    let cached = cached.filter(|(cache, entry)| cache.would_store(entry));
    if cached.is_none() {
        match scan_table_file(path, matcher, CHUNK)? {
            Scan::Slots(slots) => return Ok(slots),
            // Not our table, or one with something only the full reader handles.
            Scan::NotOurTable | Scan::Unsure => {}
        }
    }
    let glossary = Glossary::load(path)?;
    if let Some((cache, entry)) = &cached {
        cache.store(entry, &glossary);
    }
    Ok(Slots::of(glossary, matcher))
}

/// What scanning a file as our table gave.
enum Scan {
    Slots(Slots),
    /// The file does not start with our table's header (after the expected first line).
    NotOurTable,
    /// Our table, with something the scan leaves to the full reader.
    Unsure,
}

/// Bytes read at a time: the table is scanned a chunk at a time, so that a large file is
/// never held whole in memory (fresh memory costs more than reading the file).
const CHUNK: usize = 64 * 1024;

/// Scans `path` with [`table::QueryScan`] when its first line is our table's header.
/// When the file is not our table or is one the scan is unsure of, the full reader reads
/// the file again, and names any problem.
fn scan_table_file(path: &Path, matcher: &mut Matcher<'_>, chunk: usize) -> Result<Scan> {
    let read_error = |e: std::io::Error| Error::input(path, e.to_string());
    let mut file = std::fs::File::open(path).map_err(read_error)?;
    let mut scan = table::QueryScan::new(matcher);
    let mut buffer = vec![0u8; chunk];
    let mut filled = 0;
    let mut first = true;
    loop {
        if filled == buffer.len() {
            buffer.resize(buffer.len() * 2, 0);
        }
        let n = match file.read(&mut buffer[filled..]) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(read_error(e)),
        };
        filled += n;
        let end = if n == 0 {
            filled
        } else {
            match buffer[..filled].iter().rposition(|&b| b == b'\n') {
                Some(last) => last + 1,
                None => continue,
            }
        };
        // simdutf8 checks UTF-8 several times faster than std, which reads accented text
        // a byte at a time; the table's bytes all go through this check.
        let Ok(mut text) = simdutf8::basic::from_utf8(&buffer[..end]) else {
            return Ok(if first {
                Scan::NotOurTable
            } else {
                Scan::Unsure
            });
        };
        if first {
            text = text.strip_prefix('\u{feff}').unwrap_or(text);
            let header = text.split('\n').next().unwrap_or("");
            if !table::is_header(header.split('\t')) {
                return Ok(Scan::NotOurTable);
            }
            first = false;
            // Room for every row at once, guessed from the first chunk's rows: growing
            // by doubling would copy the rows read so far and touch twice the memory.
            let file_len = file.metadata().map_or(0, |m| m.len()) as usize;
            let rows_here = memchr::memchr_iter(b'\n', text.as_bytes()).count();
            scan.reserve(file_len / (text.len() / rows_here.max(1)).max(1) + 16);
        }
        if scan.lines(text).is_none() {
            return Ok(Scan::Unsure);
        }
        if n == 0 {
            return Ok(scan.finish().map_or(Scan::Unsure, Scan::Slots));
        }
        buffer.copy_within(end..filled, 0);
        filled -= end;
    }
}

/// [`Glossary::merge`] over slots: the same replacement rules (same id, or else same
/// French key), so that the same concepts survive.
#[derive(Default)]
struct Merged<'s> {
    /// Each surviving concept as its source and its place there.
    slots: Vec<(usize, usize)>,
    /// foldhash, as for [`table::QueryScan`]'s ids.
    by_id: foldhash::HashMap<&'s str, usize>,
}

impl<'s> Merged<'s> {
    /// True when merging `other` would only append its concepts: they have distinct ids
    /// and French keys, none of them the id or French key of a concept merged so far.
    /// A large user glossary merged over the built-in one usually is so, and this check
    /// costs far less than keeping every id and key in the maps.
    fn appends(&self, sources: &'s [Slots], other: usize) -> bool {
        let other = &sources[other];
        let occupied: foldhash::HashSet<&str> = self
            .slots
            .iter()
            .map(|&(source, i)| sources[source].french(i))
            .collect();
        other.distinct_french
            && (0..other.len()).all(|i| {
                !self.by_id.contains_key(other.id(i)) && !occupied.contains(other.french(i))
            })
    }

    /// Merges `sources[source]` over the sources merged so far.
    fn merge(&mut self, sources: &'s [Slots], source: usize) {
        let french_of = |(source, i): (usize, usize)| sources[source].french(i);
        let mut by_french: foldhash::HashMap<&'s str, usize> = self
            .slots
            .iter()
            .enumerate()
            .map(|(at, &slot)| (french_of(slot), at))
            .collect();
        let other = &sources[source];
        self.slots.reserve(other.len());
        self.by_id.reserve(other.len());
        by_french.reserve(other.len());
        for i in 0..other.len() {
            let (id, french) = (other.id(i), other.french(i));
            let found = self
                .by_id
                .get(id)
                .or_else(|| by_french.get(french))
                .copied();
            match found {
                Some(at) => {
                    let (old_source, old_i) = self.slots[at];
                    let old = &sources[old_source];
                    self.by_id.remove(old.id(old_i));
                    if by_french.get(old.french(old_i)) == Some(&at) {
                        by_french.remove(old.french(old_i));
                    }
                    self.by_id.insert(id, at);
                    by_french.insert(french, at);
                    self.slots[at] = (source, i);
                }
                None => {
                    by_french.insert(french, self.slots.len());
                    self.by_id.insert(id, self.slots.len());
                    self.slots.push((source, i));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::Format;

    /// A user table that overrides built-in concepts by id and by French term, adds its
    /// own, leaves one id empty and repeats a French term within the file.
    const USER_TABLE: &str = "id\tdomain\tpos\tfr\tfr_acronym\tfr_variants\ten\ten_acronym\ten_variants\ten_avoid\tdefinition\tnote\tsource\n\
        wagner\tarmed group\tnoun\tgroupe Wagner\t\tles Wagner | Wagnériens\tWagner Group\t\t\t\tA user definition.\t\tuser\n\
        my-barkhane\toperation\tnoun\topération Barkhane\t\t\tOperation Barkhane\t\t\t\tReplaced by French term.\tline\\nbreak\tuser\n\
        \tgeneral\tnoun\tcomité de crise\t\t\tcrisis committee\t\t\t\t\t\t\n\
        zz1\tgeneral\tnoun\tunion sahélienne\tUS1\t\tSahelian union\t\t\tSahel union\t\t\t\n\
        zz2\tgeneral\tnoun\tUnion sahelienne\t\t\tSahel Union\t\t\t\t\t\t\n";

    fn summary(glossary: &Glossary, query: &str) -> Vec<(String, u32, String)> {
        glossary
            .lookup(query, 20)
            .into_iter()
            .map(|h| (h.concept.id.clone(), h.score, format!("{:?}", h.concept)))
            .collect()
    }

    #[test]
    fn one_off_lookup_finds_what_the_full_load_finds() {
        let dir = tempfile::tempdir().unwrap();
        let table = dir.path().join("user.tsv");
        std::fs::write(&table, USER_TABLE).unwrap();
        let csv = dir.path().join("user.csv");
        let user = Glossary::load(&table).unwrap();
        std::fs::write(&csv, user.to_format(Format::Csv)).unwrap();
        for paths in [vec![table.clone()], vec![csv.clone()], vec![csv, table]] {
            let full = Glossary::with_user_files(&paths).unwrap();
            for query in [
                "Wagnr",
                "wagner",
                "Barkhane",
                "union",
                "comite de crise",
                "US1",
                "jnim",
                "Sahel union",
                "zzzz",
                "...",
            ] {
                let fast = with_user_files_for_query(&paths, query, None).unwrap();
                assert_eq!(summary(&fast, query), summary(&full, query), "{query}");
            }
        }
    }

    /// Every field of every hit, in order.
    fn everything(glossary: &Glossary, query: &str) -> String {
        format!("{:#?}", glossary.lookup(query, 10))
    }

    #[test]
    fn one_off_lookup_equals_the_full_load_on_a_generated_glossary() {
        let generated = crate::glossary::generated::glossary(300);
        let queries = crate::glossary::generated::queries(&generated, 80);
        let dir = tempfile::tempdir().unwrap();
        let mut files = Vec::new();
        for (name, format) in [
            ("g.tsv", Format::Table),
            ("g.csv", Format::Csv),
            ("g.tbx", Format::Tbx),
        ] {
            let path = dir.path().join(name);
            std::fs::write(&path, generated.to_format(format)).unwrap();
            files.push(path);
        }
        let user = dir.path().join("user.tsv");
        std::fs::write(&user, USER_TABLE).unwrap();
        let mut file_sets: Vec<Vec<PathBuf>> = files.iter().map(|f| vec![f.clone()]).collect();
        file_sets.push(vec![files[0].clone(), user.clone()]);
        file_sets.push(vec![user, files[1].clone()]);
        for paths in &file_sets {
            let full = Glossary::with_user_files(paths).unwrap();
            for query in &queries {
                let fast = with_user_files_for_query(paths, query, None).unwrap();
                assert_eq!(
                    everything(&fast, query),
                    everything(&full, query),
                    "{query:?} in {paths:?}"
                );
            }
        }
    }

    #[test]
    fn the_table_reads_the_same_in_any_chunks() {
        let generated = crate::glossary::generated::glossary(60);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("g.tsv");
        std::fs::write(&path, generated.to_format(Format::Table)).unwrap();
        let slots = |query: &str, chunk: usize| {
            let mut matcher = Matcher::new(query);
            let Ok(Scan::Slots(slots)) = scan_table_file(&path, &mut matcher, chunk) else {
                panic!("the generated table is read by the scan");
            };
            format!("{:?}", slots.summary())
        };
        let queries = crate::glossary::generated::queries(&generated, 20);
        let mut met = 0;
        for query in &queries[7..] {
            let whole = slots(query, 1 << 20);
            met += whole.matches("Some(").count();
            for chunk in [1, 7, 100, 4096] {
                assert_eq!(slots(query, chunk), whole, "{query}, chunks of {chunk}");
            }
        }
        assert!(met > 0, "no query met a concept");
    }

    #[test]
    fn one_off_lookup_refuses_what_the_full_load_refuses() {
        let dir = tempfile::tempdir().unwrap();
        let header = USER_TABLE.lines().next().unwrap();
        let row = "x\tgeneral\tnoun\tfr\t\t\ten\t\t\t\t\t\t";
        for bad in [
            format!("{header}\n{row}\n{row}\n"),
            format!("{header}\n{row}\textra\n"),
            format!(
                "{header}\n{}\n",
                row.replace("\tgeneral", "\tgeneralissimo")
            ),
            format!("{header}\n{}\n", row.replace("\tfr\t", "\t#fr\t")),
            format!("{header}\n{}\n", row.replace("\ten\t", "\t \t")),
            format!("{header}\n{}\n", row.replace("x\t", "9x\t")),
            format!("{header}\n{}\n", row.replace("noun\t", "noun\u{1}\t")),
            format!("{header}\n"),
        ] {
            let path = dir.path().join("bad.tsv");
            std::fs::write(&path, &bad).unwrap();
            let paths = [path];
            let full = Glossary::with_user_files(&paths).unwrap_err().to_string();
            let fast = with_user_files_for_query(&paths, "fr", None)
                .unwrap_err()
                .to_string();
            assert_eq!(fast, full, "{bad:?}");
        }
    }
}
