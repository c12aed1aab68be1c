//! The bundled French–English corpora (`corpora/*/`): each pair is aligned as
//! `wirealign align fr.txt en.txt` would (our segmenter, paragraphs as evidence, one document
//! at a time) and scored against its `gold.ladder`, which a translator drew.

mod common;

use wirealign::align::input::load_side;
use wirealign::align::{eval, ladder, AlignOptions, Aligner, Alignment, DocPair};

fn corpus_dirs() -> Vec<std::path::PathBuf> {
    let mut dirs: Vec<_> = std::fs::read_dir(common::repo("corpora"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("gold.ladder").is_file())
        .collect();
    dirs.sort();
    dirs
}

#[test]
fn bundled_corpora_align_as_their_gold_ladders() {
    let dirs = corpus_dirs();
    assert!(dirs.len() >= 4, "corpora with a gold.ladder: {dirs:?}");
    let mut results: Vec<(Alignment, Alignment)> = Vec::new();
    let mut wrong = Vec::new();
    for dir in &dirs {
        let fr = load_side(&dir.join("fr.txt"), Some("fr"), false).unwrap();
        let en = load_side(&dir.join("en.txt"), Some("en"), false).unwrap();
        let doc = DocPair {
            source: fr.texts(),
            target: en.texts(),
            source_paragraphs: fr.paragraphs(),
            target_paragraphs: en.paragraphs(),
        };
        let test = Aligner::new(AlignOptions::default())
            .align_documents(&[doc], &|| ())
            .remove(0);
        let gold = ladder::read_ladder(&dir.join("gold.ladder")).unwrap();
        for link in &test.links {
            let found = gold
                .links
                .iter()
                .any(|g| g.source == link.source && g.target == link.target);
            if !found {
                wrong.push(format!(
                    "{}: {:?}:{:?}",
                    dir.display(),
                    link.source,
                    link.target
                ));
            }
        }
        results.push((gold, test));
    }
    let pairs: Vec<(&Alignment, &Alignment)> = results.iter().map(|(g, t)| (g, t)).collect();
    let scores = eval::score(&pairs);
    println!(
        "bundled corpora ({} pairs): strict P {:.3} R {:.3} F1 {:.3}",
        dirs.len(),
        scores.precision_strict,
        scores.recall_strict,
        scores.f1_strict
    );
    assert!(wrong.is_empty(), "beads not in gold:\n{}", wrong.join("\n"));
}
