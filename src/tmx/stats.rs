//! Counts a translator wants before trusting a memory.

use super::merge::pair_key;
use super::Memory;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub srclang: String,
    pub units: usize,
    /// Variants per language tag.
    pub languages: BTreeMap<String, usize>,
    /// Units whose pair already appeared earlier in the memory.
    pub duplicates: usize,
    /// Variants whose segment is empty or only whitespace.
    pub empty_segments: usize,
    /// Units with fewer than two variants (nothing to reuse).
    pub untranslated_units: usize,
}

pub fn stats(memory: &Memory) -> Stats {
    let mut languages = BTreeMap::new();
    let mut seen = HashSet::new();
    let mut duplicates = 0;
    let mut empty_segments = 0;
    let mut untranslated_units = 0;
    for unit in &memory.units {
        for variant in &unit.variants {
            *languages.entry(variant.lang.clone()).or_insert(0) += 1;
            if variant.text.trim().is_empty() {
                empty_segments += 1;
            }
        }
        if unit.variants.len() < 2 {
            untranslated_units += 1;
        }
        if !seen.insert(pair_key(unit)) {
            duplicates += 1;
        }
    }
    Stats {
        srclang: memory.header.srclang.clone(),
        units: memory.units.len(),
        languages,
        duplicates,
        empty_segments,
        untranslated_units,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tmx::{Header, TranslationUnit, Variant};

    #[test]
    fn counts_duplicates_and_empty_segments() {
        let unit = |fr: &str, en: &str| TranslationUnit {
            variants: vec![Variant::plain("fr", fr), Variant::plain("en", en)],
            ..Default::default()
        };
        let memory = Memory {
            header: Header::wirealign("fr", "20250101T000000Z"),
            units: vec![unit("a", "A"), unit("a", "A"), unit("b", " ")],
        };
        let s = stats(&memory);
        assert_eq!((s.units, s.duplicates, s.empty_segments), (3, 1, 1));
        assert_eq!(s.languages["fr"], 3);
    }
}
