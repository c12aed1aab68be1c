//! WMT14 newstest French originals with their professional English (1-1 by construction):
//! a seeded perturbation merges some adjacent English sentences, splits some, deletes some
//! on either side, and records the gold ladder; the aligner must recover it (strict F1 ≥ 0.99).

mod common;

use wirealign::align::{eval, AlignOptions, Aligner, Alignment, DocPair, Link};

/// A small deterministic generator (64-bit LCG), so the perturbation is reproducible.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 11) as f64 / (1u64 << 53) as f64
    }
}

struct Perturbed {
    fr: Vec<String>,
    en: Vec<String>,
    gold: Alignment,
    counts: [usize; 4],
}

fn link(source: Vec<usize>, target: Vec<usize>) -> Link {
    Link {
        source,
        target,
        score: 1.0,
    }
}

/// Splits a sentence at the word boundary nearest its middle, if it has one.
fn split_in_two(sentence: &str) -> Option<(String, String)> {
    let spaces: Vec<usize> = sentence.match_indices(' ').map(|(k, _)| k).collect();
    if spaces.len() < 8 {
        return None;
    }
    let middle = spaces[spaces.len() / 2];
    Some((
        sentence[..middle].to_string(),
        sentence[middle + 1..].to_string(),
    ))
}

fn perturb(fr: &[String], en: &[String], seed: u64) -> Perturbed {
    let mut rng = Lcg(seed);
    let mut out = Perturbed {
        fr: Vec::new(),
        en: Vec::new(),
        gold: Alignment::default(),
        counts: [0; 4],
    };
    let mut i = 0;
    while i < fr.len() {
        let roll = rng.next();
        let (s, t) = (out.fr.len(), out.en.len());
        if roll < 0.05 && i + 1 < fr.len() {
            // Merge two English sentences: two French ↔ one English.
            out.fr.extend([fr[i].clone(), fr[i + 1].clone()]);
            out.en.push(format!("{} {}", en[i], en[i + 1]));
            out.gold.links.push(link(vec![s, s + 1], vec![t]));
            out.counts[0] += 1;
            i += 2;
            continue;
        }
        if roll < 0.10 {
            if let Some((a, b)) = split_in_two(&en[i]) {
                out.fr.push(fr[i].clone());
                out.en.extend([a, b]);
                out.gold.links.push(link(vec![s], vec![t, t + 1]));
                out.counts[1] += 1;
                i += 1;
                continue;
            }
        }
        if roll < 0.12 {
            out.fr.push(fr[i].clone());
            out.gold.links.push(link(vec![s], vec![]));
            out.counts[2] += 1;
        } else if roll < 0.14 {
            out.en.push(en[i].clone());
            out.gold.links.push(link(vec![], vec![t]));
            out.counts[3] += 1;
        } else {
            out.fr.push(fr[i].clone());
            out.en.push(en[i].clone());
            out.gold.links.push(link(vec![s], vec![t]));
        }
        i += 1;
    }
    out
}

fn lines(path: &std::path::Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn wmt_perturbed_alignment_is_recovered() {
    let Some(dir) = common::shared("data/wmt14-newstest-fren") else {
        return;
    };
    let fr = lines(&dir.join("origfr.fr"));
    let en = lines(&dir.join("origfr.en"));
    assert_eq!(fr.len(), en.len());
    let p = perturb(&fr, &en, 20_140_601);
    let doc = DocPair {
        source: p.fr.iter().map(String::as_str).collect(),
        target: p.en.iter().map(String::as_str).collect(),
        ..DocPair::default()
    };
    let test = Aligner::new(AlignOptions::default())
        .align_documents(&[doc], &|| ())
        .remove(0);
    let scores = eval::score(&[(&p.gold, &test)]);
    println!(
        "WMT14 fr-en perturbed ({} merges, {} splits, {} English deletions, {} French deletions; {} × {} sentences): strict P {:.4} R {:.4} F1 {:.4}, lax F1 {:.4}",
        p.counts[0], p.counts[1], p.counts[2], p.counts[3], p.fr.len(), p.en.len(),
        scores.precision_strict, scores.recall_strict, scores.f1_strict, scores.f1_lax
    );
    if std::env::var_os("WIREALIGN_SHOW_ERRORS").is_some() {
        let gold: std::collections::HashSet<_> = p
            .gold
            .links
            .iter()
            .map(|l| (l.source.clone(), l.target.clone()))
            .collect();
        for l in test
            .links
            .iter()
            .filter(|l| !gold.contains(&(l.source.clone(), l.target.clone())))
            .take(12)
        {
            println!("FP {:?}:{:?} {:.2}", l.source, l.target, l.score);
            for &i in &l.source {
                println!("   FR {}", p.fr[i]);
            }
            for &j in &l.target {
                println!("   EN {}", p.en[j]);
            }
        }
    }
    assert!(
        p.counts.iter().all(|&c| c > 10),
        "perturbation too light: {:?}",
        p.counts
    );
    assert!(
        scores.f1_strict >= 0.99,
        "strict F1 {:.4}",
        scores.f1_strict
    );
}
