//! Sentence alignment: a cost model (length, lexical anchors, dictionary), a banded dynamic
//! programme, the `Alignment`/`Link` types, ladder I/O and evaluation.

use serde::{Deserialize, Serialize};

/// One bead of an alignment: source segment indices ↔ target segment indices (0-based,
/// contiguous, either side may be empty) with a confidence in [0, 1].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub source: Vec<usize>,
    pub target: Vec<usize>,
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Alignment {
    pub links: Vec<Link>,
}

#[derive(Debug, Clone)]
pub struct AlignOptions {
    /// Largest group on either side of a bead (3 allows 3-1 and 1-3).
    pub max_group: usize,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions { max_group: 3 }
    }
}

/// Aligns two sequences of segment texts. Placeholder: pairs segments in order.
pub fn align(source: &[&str], target: &[&str], _opts: &AlignOptions) -> Alignment {
    let n = source.len().max(target.len());
    let links = (0..n)
        .map(|i| Link {
            source: if i < source.len() { vec![i] } else { vec![] },
            target: if i < target.len() { vec![i] } else { vec![] },
            score: 0.5,
        })
        .collect();
    Alignment { links }
}
