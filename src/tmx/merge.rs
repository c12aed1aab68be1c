//! Merging memories: identical pairs are kept once (the newest copy, carrying the notes
//! and props of every copy), every distinct unit is kept, and memories in different source
//! languages are refused.

use super::{primary_language, Header, Memory, TranslationUnit};
use crate::error::{Error, Result};
use std::collections::HashMap;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct MergeReport {
    pub units_read: usize,
    pub units_written: usize,
    /// Units folded into an identical pair kept (their notes and props are kept with it).
    pub duplicates: usize,
}

/// Identity of a unit for deduplication: its variants' languages (case-insensitive) and
/// contents, in a fixed order. Props, notes and dates do not make a unit distinct.
pub fn pair_key(unit: &TranslationUnit) -> Vec<(String, &str)> {
    let mut key: Vec<(String, &str)> = unit
        .variants
        .iter()
        .map(|v| {
            let content = v.markup.as_deref().unwrap_or(&v.text);
            (v.lang.to_ascii_lowercase(), content)
        })
        .collect();
    key.sort();
    key
}

/// Merges memories in order. A duplicate replaces the kept copy only when its newest date
/// (changedate or creationdate) is strictly later; the unit keeps its first position.
pub fn merge(inputs: &[(PathBuf, Memory)], creationdate: &str) -> Result<(Memory, MergeReport)> {
    let Some((_, first)) = inputs.first() else {
        return Err(Error::usage("nothing to merge"));
    };
    let srclang = first.header.srclang.clone();
    for (path, memory) in inputs {
        let lang = &memory.header.srclang;
        if lang == "*all*"
            || !primary_language(lang).eq_ignore_ascii_case(primary_language(&srclang))
        {
            return Err(Error::input(
                path,
                format!(
                    "source language \"{lang}\" differs from \"{srclang}\"; refusing to mix them"
                ),
            ));
        }
    }
    let mut report = MergeReport::default();
    let mut kept: Vec<TranslationUnit> = Vec::new();
    let mut position: HashMap<Vec<(String, &str)>, usize> = HashMap::new();
    for unit in inputs.iter().flat_map(|(_, m)| &m.units) {
        report.units_read += 1;
        match position.get(&pair_key(unit)) {
            Some(&at) => {
                report.duplicates += 1;
                if unit.newest_date() > kept[at].newest_date() {
                    let older = std::mem::replace(&mut kept[at], unit.clone());
                    absorb_metadata(&mut kept[at], &older);
                } else {
                    absorb_metadata(&mut kept[at], unit);
                }
            }
            None => {
                position.insert(pair_key(unit), kept.len());
                kept.push(unit.clone());
            }
        }
    }
    report.units_written = kept.len();
    let mut header = Header::wirealign(&srclang, creationdate);
    for (_, memory) in inputs {
        add_missing(&mut header.notes, &memory.header.notes);
        add_missing(&mut header.props, &memory.header.props);
    }
    let memory = Memory {
        header,
        units: kept,
    };
    Ok((memory, report))
}

/// Keeps the notes and props of a duplicate that the kept copy lacks, on the unit and on
/// each variant of the same language: a merge loses no translator's comment.
fn absorb_metadata(kept: &mut TranslationUnit, duplicate: &TranslationUnit) {
    add_missing(&mut kept.notes, &duplicate.notes);
    add_missing(&mut kept.props, &duplicate.props);
    for variant in &duplicate.variants {
        let twin = kept
            .variants
            .iter_mut()
            .find(|v| v.lang.eq_ignore_ascii_case(&variant.lang));
        if let Some(twin) = twin {
            add_missing(&mut twin.notes, &variant.notes);
            add_missing(&mut twin.props, &variant.props);
        }
    }
}

fn add_missing<T: PartialEq + Clone>(into: &mut Vec<T>, from: &[T]) {
    for item in from {
        if !into.contains(item) {
            into.push(item.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tmx::Variant;

    fn unit(fr: &str, en: &str, date: &str) -> TranslationUnit {
        TranslationUnit {
            creationdate: Some(date.into()),
            variants: vec![Variant::plain("fr", fr), Variant::plain("en", en)],
            ..Default::default()
        }
    }

    fn memory(srclang: &str, units: Vec<TranslationUnit>) -> Memory {
        Memory {
            header: Header::wirealign(srclang, "20250101T000000Z"),
            units,
        }
    }

    #[test]
    fn keeps_the_newest_duplicate_in_first_position() {
        let a = memory(
            "fr",
            vec![
                unit("a", "A", "20200101T000000Z"),
                unit("b", "B", "20200101T000000Z"),
            ],
        );
        let b = memory(
            "fr-FR",
            vec![
                unit("a", "A", "20230101T000000Z"),
                unit("a", "A2", "20190101T000000Z"),
            ],
        );
        let (merged, report) =
            merge(&[("a".into(), a), ("b".into(), b)], "20250101T000000Z").unwrap();
        assert_eq!(report.duplicates, 1);
        assert_eq!(merged.units.len(), 3);
        assert_eq!(
            merged.units[0].creationdate.as_deref(),
            Some("20230101T000000Z")
        );
        assert_eq!(merged.units[2].variants[1].text, "A2");
    }

    #[test]
    fn refuses_mixed_source_languages() {
        let a = memory("fr", vec![]);
        let b = memory("en", vec![]);
        let err = merge(&[("a".into(), a), ("b.tmx".into(), b)], "20250101T000000Z").unwrap_err();
        assert!(err.to_string().starts_with("b.tmx:"), "{err}");
    }
}
