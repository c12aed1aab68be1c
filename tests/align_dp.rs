//! The aligner on synthetic cases whose right answer is known: an inserted passage, a
//! missing sentence, a sentence split in two, and a 2-1 merge. Sentences carry names and
//! numbers (anchors) in otherwise different words, as a translation would.

use wirealign::align::{align, align_paragraphs, AlignOptions, Alignment};

const NAMES: &[&str] = &[
    "Amadou",
    "Bamako",
    "Gao",
    "Kidal",
    "Tombouctou",
    "Mopti",
    "Sévaré",
    "Ménaka",
    "Ansongo",
    "Niono",
    "Ségou",
    "Kayes",
    "Sikasso",
    "Koutiala",
    "Douentza",
    "Tessalit",
    "Aguelhok",
    "Bourem",
    "Diré",
    "Goundam",
    "Léré",
    "Nampala",
    "Macina",
    "Djenné",
];

/// A French-like sentence and its English-like translation, both naming `k`'s anchors.
fn pair(k: usize) -> (String, String) {
    let name = NAMES[k % NAMES.len()];
    let other = NAMES[(k * 7 + 3) % NAMES.len()];
    let number = 1000 + 37 * k;
    let filler_fr = [
        "selon les autorités locales",
        "a indiqué un responsable",
        "dans la matinée",
    ];
    let filler_en = [
        "according to local officials",
        "an official said",
        "in the morning",
    ];
    (
        format!(
            "Le convoi parti de {name} vers {other} transportait {number} tonnes, {}.",
            filler_fr[k % 3]
        ),
        format!(
            "The convoy from {name} to {other} carried {number} tonnes, {}.",
            filler_en[k % 3]
        ),
    )
}

fn corpus(n: usize) -> (Vec<String>, Vec<String>) {
    (0..n).map(pair).unzip()
}

fn refs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

fn has(alignment: &Alignment, source: &[usize], target: &[usize]) -> bool {
    alignment
        .links
        .iter()
        .any(|l| l.source == source && l.target == target)
}

fn assert_one_to_one_except(
    alignment: &Alignment,
    skip_src: &[usize],
    map: impl Fn(usize) -> usize,
    n: usize,
) {
    for i in (0..n).filter(|i| !skip_src.contains(i)) {
        assert!(
            has(alignment, &[i], &[map(i)]),
            "missing {i}-{} in {alignment:?}",
            map(i)
        );
    }
}

#[test]
fn identical_structure_gives_one_to_one() {
    let (fr, en) = corpus(30);
    let a = align(&refs(&fr), &refs(&en), &AlignOptions::default());
    assert_eq!(a.links.len(), 30);
    assert_one_to_one_except(&a, &[], |i| i, 30);
    assert!(a.links.iter().all(|l| (0.0..=1.0).contains(&l.score)));
}

#[test]
fn inserted_paragraph_becomes_insertions() {
    let (fr, mut en) = corpus(30);
    let inserted: Vec<String> = (0..6)
        .map(|k| format!("Unrelated sidebar line {k} about weather, markets and sport results."))
        .collect();
    en.splice(12..12, inserted);
    let a = align(&refs(&fr), &refs(&en), &AlignOptions::default());
    for j in 12..18 {
        assert!(
            has(&a, &[], &[j]),
            "target {j} should be an insertion: {a:?}"
        );
    }
    assert_one_to_one_except(&a, &[], |i| if i < 12 { i } else { i + 6 }, 30);
}

#[test]
fn missing_sentence_becomes_a_deletion() {
    let (fr, mut en) = corpus(25);
    en.remove(9);
    let a = align(&refs(&fr), &refs(&en), &AlignOptions::default());
    assert!(has(&a, &[9], &[]), "{a:?}");
    assert_one_to_one_except(&a, &[9], |i| if i < 9 { i } else { i - 1 }, 25);
}

#[test]
fn merged_translation_gives_two_to_one() {
    let (fr, mut en) = corpus(20);
    let merged = format!("{} {}", en[7], en[8]);
    en.splice(7..9, [merged]);
    let a = align(&refs(&fr), &refs(&en), &AlignOptions::default());
    assert!(has(&a, &[7, 8], &[7]), "{a:?}");
    assert_one_to_one_except(&a, &[7, 8], |i| if i < 7 { i } else { i - 1 }, 20);
}

#[test]
fn split_translation_gives_one_to_two() {
    let (mut fr, en) = corpus(20);
    let merged = format!("{} {}", fr[4], fr[5]);
    fr.splice(4..6, [merged]);
    let a = align(&refs(&fr), &refs(&en), &AlignOptions::default());
    assert!(has(&a, &[4], &[4, 5]), "{a:?}");
}

#[test]
fn paragraph_variant_and_empty_sides() {
    let (fr, en) = corpus(8);
    let paragraphs: Vec<usize> = (0..8).map(|i| i / 2).collect();
    let a = align_paragraphs(
        &refs(&fr),
        &paragraphs,
        &refs(&en),
        &paragraphs,
        &AlignOptions::default(),
    );
    assert_one_to_one_except(&a, &[], |i| i, 8);
    let none = align(&[], &refs(&en), &AlignOptions::default());
    assert_eq!(none.links.len(), 8);
    assert!(none.links.iter().all(|l| l.source.is_empty()));
}

#[test]
fn sentence_missing_at_a_paragraph_end_is_a_deletion_not_a_merge() {
    let (mut fr, en) = corpus(12);
    let mut fr_paragraphs: Vec<usize> = (0..12).map(|i| i / 3).collect();
    let en_paragraphs = fr_paragraphs.clone();
    // The last sentence of the second French paragraph has no English counterpart.
    fr.insert(6, "Aucun bilan n’a été donné.".to_string());
    fr_paragraphs.insert(6, 1);
    let a = align_paragraphs(
        &refs(&fr),
        &fr_paragraphs,
        &refs(&en),
        &en_paragraphs,
        &AlignOptions::default(),
    );
    assert!(has(&a, &[6], &[]), "{a:?}");
    assert_one_to_one_except(&a, &[6], |i| if i < 6 { i } else { i - 1 }, 13);
}
