//! Export → import preserves every field of every concept, in every format, including
//! awkward text: XML metacharacters, quotes, our own separators and escapes, accents,
//! tabs and newlines in notes and definitions.

use proptest::prelude::*;
use std::path::Path;
use wirealign::glossary::{Concept, Domain, Format, Glossary, PartOfSpeech, Terms};

/// One-line term text: letters, digits, accents, XML and CSV metacharacters, and the
/// separators our formats escape (`|`, `;`, `\`, `: `).
fn term() -> impl Strategy<Value = String> {
    "[A-Za-zÉéèàçœ0-9&<>\"'|\\\\;:(),.’ -]{1,16}".prop_filter("not blank", |s| !s.trim().is_empty())
}

/// Free text that may span lines and hold tabs.
fn text() -> impl Strategy<Value = String> {
    "[A-Za-zé0-9&<>\"'|\\\\;:,. \t\n-]{0,40}"
}

fn terms() -> impl Strategy<Value = Terms> {
    (
        term(),
        prop::collection::vec(term(), 0..3),
        prop::option::of(term()),
    )
        .prop_map(|(preferred, variants, acronym)| Terms {
            preferred,
            variants,
            acronym,
        })
}

fn concept() -> impl Strategy<Value = Concept> {
    (
        "[a-z_][a-z0-9_.-]{0,6}",
        prop::sample::select(Domain::ALL.to_vec()),
        prop::sample::select(PartOfSpeech::ALL.to_vec()),
        terms(),
        terms(),
        prop::collection::vec(term(), 0..3),
        (text(), text(), text()),
    )
        .prop_map(
            |(id, domain, pos, fr, en, en_avoid, (definition, note, source))| Concept {
                id,
                domain,
                pos,
                fr,
                en,
                en_avoid,
                definition,
                note,
                source,
            },
        )
}

fn glossary() -> impl Strategy<Value = Glossary> {
    prop::collection::vec(concept(), 1..5).prop_map(|concepts| {
        let unique = concepts
            .into_iter()
            .enumerate()
            .map(|(i, mut c)| {
                c.id = format!("{}-{i}", c.id);
                c.normalize().expect("generated concepts are valid")
            })
            .collect();
        Glossary::from_concepts(unique).expect("ids are unique")
    })
}

const FORMATS: [Format; 5] = [
    Format::Tbx,
    Format::Tbx3,
    Format::OmegatTsv,
    Format::Csv,
    Format::Table,
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn every_format_round_trips(g in glossary()) {
        for format in FORMATS {
            let written = g.to_format(format);
            let back = Glossary::parse(&written, Path::new("generated"))
                .map_err(|e| TestCaseError::fail(format!("{format:?}: {e}\n{written}")))?;
            prop_assert_eq!(&back, &g, "{:?}:\n{}", format, written);
        }
    }
}

#[test]
fn the_builtin_glossary_round_trips_in_every_format() {
    let g = Glossary::builtin();
    for format in FORMATS {
        let back = Glossary::parse(&g.to_format(format), Path::new("builtin")).unwrap();
        assert_eq!(back, g, "{format:?}");
    }
}

#[test]
fn omegat_rows_stay_single_line_and_headerless() {
    let mut c = Concept::new("c1", "R&D", "R&D");
    c.note = "first line\n\tsecond # line".into();
    let g = Glossary::from_concepts(vec![c]).unwrap();
    let tsv = g.to_format(Format::OmegatTsv);
    assert_eq!(tsv.lines().count(), 1, "{tsv}");
    assert!(tsv
        .lines()
        .all(|l| l.split('\t').count() == 3 && !l.starts_with('#')));
}
