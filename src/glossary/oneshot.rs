//! One lookup from the command line over large user glossaries.
//!
//! Loading a 10,000-concept glossary in full (every field of every concept parsed and
//! allocated) costs far more than answering one query. This reader checks every row as
//! strictly as the full loader but materialises only the concepts that have a term the
//! query meets; every other concept is kept as its id and French key, which is all that
//! merging over the built-in glossary looks at. The result is the glossary that
//! [`Glossary::lookup`] would find hits in, so a lookup over it gives exactly the hits of
//! a lookup over the fully loaded glossary.

use super::lookup::Matcher;
use super::{compact_key, decode_utf8, detect_format, table, Concept, Format, Glossary};
use crate::error::{Error, Result};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// A concept of a glossary being merged: its id and French key always, the concept
/// itself only when the query meets one of its terms.
pub(super) struct Slot {
    pub(super) id: String,
    pub(super) french: String,
    pub(super) concept: Option<Concept>,
}

impl Slot {
    fn of(concept: Concept, matcher: &mut Matcher<'_>) -> Slot {
        Slot {
            id: concept.id.clone(),
            french: compact_key(&concept.fr.preferred),
            concept: matcher.meets_concept(&concept).then_some(concept),
        }
    }
}

/// The built-in glossary with the user files merged over it, as
/// [`Glossary::with_user_files`] builds it, keeping only the concepts `query` meets.
/// Every file is read in full and any invalid one is refused, as by the full loader.
pub(super) fn with_user_files_for_query(paths: &[PathBuf], query: &str) -> Result<Glossary> {
    let mut matcher = Matcher::new(query);
    let mut merged = Merged::default();
    let builtin = Glossary::builtin();
    merged.merge(
        builtin
            .concepts
            .into_iter()
            .map(|c| Slot::of(c, &mut matcher))
            .collect(),
    );
    for path in paths {
        merged.merge(read_for_query(path, &mut matcher)?);
    }
    let concepts = merged.slots.into_iter().filter_map(|s| s.concept).collect();
    Glossary::from_normalized(concepts).map_err(Error::usage)
}

/// One user file as slots: our table is scanned, any other format is loaded in full.
fn read_for_query(path: &Path, matcher: &mut Matcher<'_>) -> Result<Vec<Slot>> {
    let bytes = std::fs::read(path).map_err(|e| Error::input(path, e.to_string()))?;
    let text = decode_utf8(path, &bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if !text.trim().is_empty() && detect_format(text) == Format::Table {
        if let Some(slots) = table::scan_for_query(text, matcher) {
            return Ok(slots);
        }
    }
    let glossary = Glossary::parse(text, path)?;
    Ok(glossary
        .concepts
        .into_iter()
        .map(|c| Slot::of(c, matcher))
        .collect())
}

/// [`Glossary::merge`] over slots: the same replacement rules (same id, or else same
/// French key), so that the same concepts survive.
#[derive(Default)]
struct Merged {
    slots: Vec<Slot>,
    by_id: HashMap<String, usize>,
}

impl Merged {
    fn merge(&mut self, other: Vec<Slot>) {
        let mut by_french: HashMap<String, usize> = self
            .slots
            .iter()
            .enumerate()
            .map(|(i, s)| (s.french.clone(), i))
            .collect();
        for slot in other {
            let found = self
                .by_id
                .get(&slot.id)
                .or_else(|| by_french.get(&slot.french))
                .copied();
            match found {
                Some(i) => {
                    let old = &self.slots[i];
                    self.by_id.remove(&old.id);
                    if by_french.get(&old.french) == Some(&i) {
                        by_french.remove(&old.french);
                    }
                    self.by_id.insert(slot.id.clone(), i);
                    by_french.insert(slot.french.clone(), i);
                    self.slots[i] = slot;
                }
                None => {
                    by_french.insert(slot.french.clone(), self.slots.len());
                    self.by_id.insert(slot.id.clone(), self.slots.len());
                    self.slots.push(slot);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
                let fast = with_user_files_for_query(&paths, query).unwrap();
                assert_eq!(summary(&fast, query), summary(&full, query), "{query}");
            }
        }
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
            let fast = with_user_files_for_query(&paths, "fr")
                .unwrap_err()
                .to_string();
            assert_eq!(fast, full, "{bad:?}");
        }
    }
}
