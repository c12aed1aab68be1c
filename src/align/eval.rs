//! Strict and lax precision/recall/F1 of alignments against gold ladders, pooled over
//! files, with the definitions of Vecalign's `score.py` (after Sennrich & Volk 2011):
//! precision counts every test bead, recall ignores insertions and deletions on both
//! sides, and a bead is a lax match when it overlaps a gold bead on both sides.

use crate::align::{Alignment, Link};
use std::collections::{BTreeMap, HashMap, HashSet};

/// True and false positive counts, strict and lax.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub strict_true: usize,
    pub strict_false: usize,
    pub lax_true: usize,
    pub lax_false: usize,
}

impl std::ops::AddAssign for Counts {
    fn add_assign(&mut self, o: Counts) {
        self.strict_true += o.strict_true;
        self.strict_false += o.strict_false;
        self.lax_true += o.lax_true;
        self.lax_false += o.lax_false;
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Scores {
    pub precision_strict: f64,
    pub recall_strict: f64,
    pub f1_strict: f64,
    pub precision_lax: f64,
    pub recall_lax: f64,
    pub f1_lax: f64,
}

type Bead = (Vec<usize>, Vec<usize>);

fn beads(links: &[Link], keep: impl Fn(&Link) -> bool) -> HashSet<Bead> {
    links
        .iter()
        .filter(|l| keep(l) && (!l.source.is_empty() || !l.target.is_empty()))
        .map(|l| (l.source.clone(), l.target.clone()))
        .collect()
}

/// How many `test` beads are found in `gold` (strict) or overlap a gold bead (lax).
fn precision_counts(gold: &HashSet<Bead>, test: &HashSet<Bead>) -> Counts {
    let mut gold_targets: HashMap<usize, HashSet<usize>> = HashMap::new();
    for (src, tgt) in gold {
        for &s in src {
            gold_targets
                .entry(s)
                .or_default()
                .extend(tgt.iter().copied());
        }
    }
    let mut counts = Counts::default();
    for bead in test {
        if gold.contains(bead) {
            counts.strict_true += 1;
            counts.lax_true += 1;
            continue;
        }
        counts.strict_false += 1;
        let overlaps = bead.0.iter().any(|s| {
            gold_targets
                .get(s)
                .is_some_and(|targets| bead.1.iter().any(|t| targets.contains(t)))
        });
        if overlaps {
            counts.lax_true += 1;
        } else {
            counts.lax_false += 1;
        }
    }
    counts
}

/// Precision and recall counts of one file pair.
pub fn file_counts(gold: &Alignment, test: &Alignment) -> (Counts, Counts) {
    let precision = precision_counts(&beads(&gold.links, |_| true), &beads(&test.links, |_| true));
    let aligned = |l: &Link| !l.source.is_empty() && !l.target.is_empty();
    let recall = precision_counts(&beads(&test.links, aligned), &beads(&gold.links, aligned));
    (precision, recall)
}

/// Scores pooled over several (gold, test) pairs.
pub fn score(pairs: &[(&Alignment, &Alignment)]) -> Scores {
    let mut precision = Counts::default();
    let mut recall = Counts::default();
    for (gold, test) in pairs {
        let (p, r) = file_counts(gold, test);
        precision += p;
        recall += r;
    }
    scores_from_counts(precision, recall)
}

fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

pub fn scores_from_counts(precision: Counts, recall: Counts) -> Scores {
    let ps = ratio(
        precision.strict_true,
        precision.strict_true + precision.strict_false,
    );
    let pl = ratio(precision.lax_true, precision.lax_true + precision.lax_false);
    let rs = ratio(recall.strict_true, recall.strict_true + recall.strict_false);
    let rl = ratio(recall.lax_true, recall.lax_true + recall.lax_false);
    Scores {
        precision_strict: ps,
        recall_strict: rs,
        f1_strict: f1(ps, rs),
        precision_lax: pl,
        recall_lax: rl,
        f1_lax: f1(pl, rl),
    }
}

/// Per gold bead type ("2-1" = two source, one target): (found exactly, total).
pub fn bead_type_matches(pairs: &[(&Alignment, &Alignment)]) -> BTreeMap<String, (usize, usize)> {
    let mut table: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (gold, test) in pairs {
        let found = beads(&test.links, |_| true);
        for link in &gold.links {
            let entry = table
                .entry(format!("{}-{}", link.source.len(), link.target.len()))
                .or_default();
            entry.1 += 1;
            if found.contains(&(link.source.clone(), link.target.clone())) {
                entry.0 += 1;
            }
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alignment(beads: &[(&[usize], &[usize])]) -> Alignment {
        Alignment {
            links: beads
                .iter()
                .map(|(s, t)| Link {
                    source: s.to_vec(),
                    target: t.to_vec(),
                    score: 1.0,
                })
                .collect(),
        }
    }

    #[test]
    fn identical_alignments_score_one() {
        let g = alignment(&[(&[0], &[0]), (&[1, 2], &[1]), (&[], &[2])]);
        let s = score(&[(&g, &g)]);
        assert_eq!(s.f1_strict, 1.0);
        assert_eq!(s.f1_lax, 1.0);
    }

    #[test]
    fn counts_follow_score_py() {
        // Gold: 0-0, [1,2]-[1], insertion of target 2, 3-3.
        let gold = alignment(&[(&[0], &[0]), (&[1, 2], &[1]), (&[], &[2]), (&[3], &[3])]);
        // Test: 0-0 right, 1-1 partial (lax), 2-2 wrong (lax miss), 3-3 right.
        let test = alignment(&[(&[0], &[0]), (&[1], &[1]), (&[2], &[2]), (&[3], &[3])]);
        let (p, r) = file_counts(&gold, &test);
        assert_eq!(
            p,
            Counts {
                strict_true: 2,
                strict_false: 2,
                lax_true: 3,
                lax_false: 1
            }
        );
        // Recall: gold beads without the insertion, looked up in test.
        assert_eq!(
            r,
            Counts {
                strict_true: 2,
                strict_false: 1,
                lax_true: 3,
                lax_false: 0
            }
        );
        let s = score(&[(&gold, &test)]);
        assert!((s.precision_strict - 0.5).abs() < 1e-12);
        assert!((s.recall_strict - 2.0 / 3.0).abs() < 1e-12);
        assert!((s.f1_strict - 4.0 / 7.0).abs() < 1e-12);
        assert!((s.precision_lax - 0.75).abs() < 1e-12);
        assert_eq!(s.recall_lax, 1.0);
    }

    #[test]
    fn pooling_sums_counts_not_scores() {
        let g1 = alignment(&[(&[0], &[0])]);
        let t1 = alignment(&[(&[0], &[1])]);
        let g2 = alignment(&[(&[0], &[0]), (&[1], &[1]), (&[2], &[2])]);
        let s = score(&[(&g1, &t1), (&g2, &g2)]);
        assert!((s.precision_strict - 0.75).abs() < 1e-12);
    }

    #[test]
    fn bead_types_count_exact_matches() {
        let gold = alignment(&[(&[0], &[0]), (&[1, 2], &[1]), (&[], &[2])]);
        let test = alignment(&[(&[0], &[0]), (&[1], &[1]), (&[2], &[2])]);
        let table = bead_type_matches(&[(&gold, &test)]);
        assert_eq!(table["1-1"], (1, 1));
        assert_eq!(table["2-1"], (0, 1));
        assert_eq!(table["0-1"], (0, 1));
    }
}
