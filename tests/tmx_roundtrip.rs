//! Properties of the TMX writer, reader and merge over generated memories.

use proptest::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use wirealign::tmx::{self, Header, Memory, Prop, ReadOptions, TranslationUnit, Variant};

/// Segment text with the characters escaping must get right, accents, whitespace that
/// must survive, and now and then a character XML forbids.
fn segment() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            8 => "[a-zA-Zéèàçœ0-9 ,.;:!?'’«»-]{1,12}",
            2 => Just("&".to_string()),
            2 => Just("<".to_string()),
            1 => Just(">".to_string()),
            1 => Just("\"".to_string()),
            1 => Just("\t".to_string()),
            1 => Just("\r\n".to_string()),
            1 => Just("\u{c}".to_string()),
            1 => Just("&amp;".to_string()),
        ],
        1..6,
    )
    .prop_map(|parts| parts.concat())
}

fn date() -> impl Strategy<Value = Option<String>> {
    prop::option::of(
        (2000u32..2030, 1u32..13, 1u32..29)
            .prop_map(|(y, m, d)| format!("{y:04}{m:02}{d:02}T120000Z")),
    )
}

fn unit() -> impl Strategy<Value = TranslationUnit> {
    let texts = (segment(), segment(), "[a-z0-9 &<\"-]{0,10}");
    let notes = (
        prop::collection::vec(segment(), 0..3),
        prop::collection::vec(segment(), 0..2),
        prop::option::of(segment()),
    );
    (texts, date(), date(), notes).prop_map(
        |((fr, en, document), creationdate, changedate, (notes, fr_notes, en_prop))| {
            let mut english = Variant::plain("en", en);
            english.props = en_prop
                .map(|v| Prop::new("x-context", v))
                .into_iter()
                .collect();
            let mut french = Variant::plain("fr-FR", fr);
            french.notes = fr_notes;
            TranslationUnit {
                creationdate,
                changedate,
                notes,
                props: vec![Prop::new(tmx::PROP_DOCUMENT, document)],
                variants: vec![french, english],
                ..Default::default()
            }
        },
    )
}

fn memory() -> impl Strategy<Value = Memory> {
    prop::collection::vec(unit(), 0..12).prop_map(|units| Memory {
        header: Header::wirealign("fr-FR", "20250101T120000Z"),
        units,
    })
}

fn read(xml: &str) -> Memory {
    tmx::read_bytes(
        Path::new("generated.tmx"),
        xml.as_bytes(),
        &ReadOptions::default(),
    )
    .unwrap_or_else(|e| panic!("our own output does not read back: {e}\n{xml}"))
}

fn keys(memory: &Memory) -> Vec<Vec<(String, String)>> {
    memory
        .units
        .iter()
        .map(|u| {
            tmx::merge::pair_key(u)
                .into_iter()
                .map(|(lang, text)| (lang, text.to_string()))
                .collect()
        })
        .collect()
}

/// The memory with duplicate pairs removed (first kept), so merge has nothing to collapse.
fn distinct(mut memory: Memory) -> Memory {
    let mut seen = HashSet::new();
    let all = keys(&memory);
    let mut index = 0;
    memory.units.retain(|_| {
        index += 1;
        seen.insert(all[index - 1].clone())
    });
    memory
}

fn named(memories: Vec<Memory>) -> Vec<(PathBuf, Memory)> {
    memories
        .into_iter()
        .enumerate()
        .map(|(i, m)| (PathBuf::from(format!("m{i}.tmx")), m))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn write_read_write_is_byte_identical(memory in memory()) {
        let first = tmx::write(&memory);
        let second = tmx::write(&read(&first));
        prop_assert_eq!(&first, &second);
        prop_assert!(tmx::validate_bytes(Path::new("g.tmx"), first.as_bytes()).is_empty());
    }

    #[test]
    fn clean_text_reads_back_unchanged(memory in memory()) {
        let (xml, warnings) = tmx::write_with_warnings(&memory);
        if warnings.is_empty() {
            prop_assert_eq!(read(&xml), memory);
        }
    }

    #[test]
    fn merging_a_memory_with_itself_changes_nothing(memory in memory()) {
        let memory = distinct(memory);
        let (merged, report) =
            tmx::merge(&named(vec![memory.clone(), memory.clone()]), "20250101T120000Z").unwrap();
        prop_assert_eq!(&merged.units, &memory.units);
        prop_assert_eq!(report.duplicates, memory.units.len());
    }

    #[test]
    fn merge_keeps_every_distinct_unit_of_both(a in memory(), b in memory()) {
        let (merged, _) = tmx::merge(&named(vec![a.clone(), b.clone()]), "20250101T120000Z").unwrap();
        let expected: HashSet<_> = keys(&a).into_iter().chain(keys(&b)).collect();
        let found = keys(&merged);
        let found_set: HashSet<_> = found.iter().cloned().collect();
        prop_assert_eq!(found.len(), found_set.len(), "a pair is kept twice");
        prop_assert_eq!(found_set, expected);
        // The merged file is itself a valid memory.
        let xml = tmx::write(&merged);
        prop_assert!(tmx::validate_bytes(Path::new("m.tmx"), xml.as_bytes()).is_empty());
    }

    #[test]
    fn merge_loses_no_note_or_prop(a in memory(), b in memory()) {
        let (merged, _) = tmx::merge(&named(vec![a.clone(), b.clone()]), "20250101T120000Z").unwrap();
        let merged_keys = keys(&merged);
        for (unit, key) in a.units.iter().chain(&b.units).zip(keys(&a).into_iter().chain(keys(&b))) {
            let at = merged_keys.iter().position(|k| *k == key).expect("every pair is kept");
            let kept = &merged.units[at];
            prop_assert!(unit.notes.iter().all(|n| kept.notes.contains(n)));
            prop_assert!(unit.props.iter().all(|p| kept.props.contains(p)));
            for (variant, twin) in unit.variants.iter().zip(&kept.variants) {
                prop_assert!(variant.notes.iter().all(|n| twin.notes.contains(n)));
                prop_assert!(variant.props.iter().all(|p| twin.props.contains(p)));
            }
        }
    }
}
