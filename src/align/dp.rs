//! The dynamic programme: a monotone path of beads through the (source, target) lattice,
//! restricted to a band so that time and memory grow linearly with the input. The band
//! comes from a coarser solution (blocks of 2, 4, 8… sentences), as in Vecalign.

use rayon::prelude::*;

/// What the programme needs to know about the two sequences of units (sentences or blocks).
pub trait Evidence: Sync {
    fn n(&self) -> usize;
    fn m(&self) -> usize;
    fn src_len(&self, i: usize) -> f32;
    fn tgt_len(&self, j: usize) -> f32;
    /// Lexical evidence a unit brings; what its bead does not explain is paid for.
    fn src_mass(&self, i: usize) -> f32;
    fn tgt_mass(&self, j: usize) -> f32;
    /// Source unit `i` against each target unit in `lo..hi`; `scratch` is per thread.
    fn pair_row(&self, i: usize, lo: usize, hi: usize, scratch: &mut Scratch) -> Vec<PairEvidence>;
    /// Weight of the `k`-th token of a unit (only tokens the masks cover are asked for).
    fn src_token_weight(&self, _i: usize, _k: usize) -> f32 {
        1.0
    }
    fn tgt_token_weight(&self, _j: usize, _k: usize) -> f32 {
        1.0
    }
    /// Whether a paragraph ends after source unit `i` (resp. target unit `j`).
    fn src_paragraph_end(&self, _i: usize) -> bool {
        false
    }
    fn tgt_paragraph_end(&self, _j: usize) -> bool {
        false
    }
    fn has_paragraphs(&self) -> bool {
        false
    }
}

/// Per-thread working memory of `Evidence::pair_row`: tables indexed by key id.
#[derive(Debug, Default)]
pub struct Scratch {
    /// Best confidence with which the current source unit reaches each key.
    pub reach: Vec<f32>,
    /// For each key, the last target unit seen to contain it.
    pub stamp: Vec<u32>,
}

/// What one source unit and one target unit explain of each other.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct PairEvidence {
    /// Source mass explained by the target unit.
    pub source: f32,
    /// Target mass explained by the source unit.
    pub target: f32,
    /// Which of the first 32 source (target) tokens found a match, so that a token matched
    /// by two sentences of a group is not counted twice.
    pub source_mask: u32,
    pub target_mask: u32,
}

/// Weights of the cost of a bead (all costs are in nats-like units; lower is better).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CostModel {
    /// Target characters per source character.
    pub ratio: f32,
    /// Gale–Church variance of the length difference per character.
    pub variance: f32,
    pub length_weight: f32,
    /// Price of one unit of unexplained lexical mass.
    pub lexical_weight: f32,
    /// Price of one unit of lexical mass left out by an insertion or deletion, relative to
    /// `lexical_weight`: below 1, an unrelated sentence is cheaper left out than merged.
    pub skip_lexical: f32,
    /// Price of each sentence's unexplained share of its evidence (0..1), which keeps long
    /// sentences from dominating.
    pub share_weight: f32,
    /// Prior cost of an insertion or deletion.
    pub skip: f32,
    /// Largest discount of the skip prior, for an empty line.
    pub short_skip: f32,
    /// Length (source characters) from which a skip gets no discount.
    pub short_chars: f32,
    /// Prior cost per extra sentence in a bead (2-1 pays once, 2-2 twice).
    pub merge: f32,
    /// Extra prior cost when both sides of a bead have several sentences.
    pub many_to_many: f32,
    /// Cost when a bead ends a paragraph on one side only.
    pub paragraph: f32,
}

impl CostModel {
    fn prior(&self, a: usize, b: usize) -> f32 {
        if a == 0 || b == 0 {
            return self.skip;
        }
        let extra = (a + b - 2) as f32 * self.merge;
        if a > 1 && b > 1 {
            extra + self.many_to_many
        } else {
            extra
        }
    }

    /// Short lines (captions, page headers, stray marks) are the usual insertions: the skip
    /// prior falls linearly from `skip` at `short_chars` characters by up to `short_skip`.
    fn short_skip_discount(&self, chars: f32) -> f32 {
        if self.short_chars <= 0.0 {
            return 0.0;
        }
        self.short_skip * (1.0 - chars / self.short_chars).max(0.0)
    }

    /// Gale & Church (1993): −log P(|δ|) with δ the normalised length difference.
    pub fn length_cost(&self, l1: f32, l2: f32) -> f32 {
        if l1 + l2 <= 0.0 {
            return 0.0;
        }
        let mean = (l1 + l2 / self.ratio) / 2.0;
        let delta = (l2 - self.ratio * l1) / (self.variance * mean).sqrt().max(1.0);
        neg_log_two_tail(delta.abs())
    }
}

/// Steps per unit of |δ| in the table of `neg_log_two_tail`.
const TAIL_STEPS: f32 = 64.0;
/// |δ| covered by the table; beyond it the asymptotic formula is used.
const TAIL_RANGE: f32 = 8.0;

/// `neg_log_two_tail` tabulated, since the programme asks for it millions of times.
fn tail_table() -> &'static [f32] {
    static TABLE: std::sync::OnceLock<Vec<f32>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        (0..=(TAIL_RANGE * TAIL_STEPS) as usize + 1)
            .map(|k| neg_log_two_tail_exact(k as f32 / TAIL_STEPS))
            .collect()
    })
}

fn neg_log_two_tail(x: f32) -> f32 {
    if x >= TAIL_RANGE {
        return neg_log_two_tail_exact(x);
    }
    let position = x * TAIL_STEPS;
    let k = position as usize;
    let table = tail_table();
    let fraction = position - k as f32;
    table[k] + (table[k + 1] - table[k]) * fraction
}

/// −ln(2·(1 − Φ(x))) = −ln(erfc(x/√2)).
fn neg_log_two_tail_exact(x: f32) -> f32 {
    let z = (x as f64) / std::f64::consts::SQRT_2;
    let value = if z < 4.0 {
        // Abramowitz & Stegun 7.1.26.
        let t = 1.0 / (1.0 + 0.327_591_1 * z);
        let poly = t
            * (0.254_829_592
                + t * (-0.284_496_736
                    + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
        -(poly.ln() - z * z)
    } else {
        z * z + (z * std::f64::consts::PI.sqrt()).ln()
    };
    value.max(0.0) as f32
}

/// The bead shapes allowed: 0-1, 1-0 and every a-b with a, b ≥ 1, a, b ≤ `max_group` and
/// a + b ≤ `max_group` + 1 (so 3 allows 2-2, 3-1 and 1-3).
pub fn bead_shapes(max_group: usize) -> Vec<(usize, usize)> {
    let max_group = max_group.max(1);
    let mut shapes = vec![(1, 1), (1, 0), (0, 1)];
    for a in 1..=max_group {
        for b in 1..=max_group {
            if (a, b) != (1, 1) && a + b <= max_group + 1 {
                shapes.push((a, b));
            }
        }
    }
    shapes
}

/// Allowed target positions per source position: row `i` (0..=n) may visit `lo[i]..=hi[i]`.
/// Both bounds are non-decreasing.
#[derive(Debug, Clone, PartialEq)]
pub struct Band {
    pub lo: Vec<usize>,
    pub hi: Vec<usize>,
}

impl Band {
    pub fn full(n: usize, m: usize) -> Band {
        Band {
            lo: vec![0; n + 1],
            hi: vec![m; n + 1],
        }
    }

    /// The cells a path covers (each bead's rectangle), widened by `margin`.
    pub fn around(path: &[(usize, usize)], n: usize, m: usize, margin: usize) -> Band {
        let mut lo = vec![usize::MAX; n + 1];
        let mut hi = vec![0; n + 1];
        for w in path.windows(2) {
            let ((i0, j0), (i1, j1)) = (w[0], w[1]);
            for i in i0..=i1.min(n) {
                lo[i] = lo[i].min(j0);
                hi[i] = hi[i].max(j1.min(m));
            }
        }
        Band::widened(lo, hi, n, m, margin)
    }

    /// Projects a path found on blocks of two units onto the units.
    pub fn project(coarse: &[(usize, usize)], n: usize, m: usize, margin: usize) -> Band {
        let fine: Vec<(usize, usize)> = coarse
            .iter()
            .map(|&(i, j)| ((2 * i).min(n), (2 * j).min(m)))
            .collect();
        Band::around(&fine, n, m, margin)
    }

    fn widened(mut lo: Vec<usize>, mut hi: Vec<usize>, n: usize, m: usize, margin: usize) -> Band {
        for i in 0..=n {
            if lo[i] == usize::MAX {
                lo[i] = if i > 0 { lo[i - 1] } else { 0 };
                hi[i] = if i > 0 { hi[i - 1] } else { 0 };
            }
        }
        // Widen along both axes: a row also sees the columns of its `margin` neighbours.
        let raw_lo = lo.clone();
        let raw_hi = hi.clone();
        for i in 0..=n {
            let first = i.saturating_sub(margin);
            let last = (i + margin).min(n);
            lo[i] = raw_lo[first].saturating_sub(margin);
            hi[i] = (raw_hi[last] + margin).min(m);
        }
        lo[0] = 0;
        hi[n] = m;
        for i in (0..n).rev() {
            lo[i] = lo[i].min(lo[i + 1]);
        }
        for i in 1..=n {
            hi[i] = hi[i].max(hi[i - 1]);
        }
        for i in 0..=n {
            lo[i] = lo[i].min(hi[i]);
        }
        Band { lo, hi }
    }

    /// The part of the band between lattice points (i0, j0) and (i1, j1), which it must
    /// contain, with indices relative to (i0, j0).
    fn window(&self, (i0, j0): (usize, usize), (i1, j1): (usize, usize)) -> Band {
        let clamp = |j: usize| j.clamp(j0, j1) - j0;
        Band {
            lo: self.lo[i0..=i1].iter().map(|&j| clamp(j)).collect(),
            hi: self.hi[i0..=i1].iter().map(|&j| clamp(j)).collect(),
        }
    }

    pub fn cells(&self) -> usize {
        self.lo.iter().zip(&self.hi).map(|(l, h)| h - l + 1).sum()
    }
}

/// A bead of the best path: half-open ranges on both sides, and its cost.
#[derive(Debug, Clone, PartialEq)]
pub struct Bead {
    pub src: std::ops::Range<usize>,
    pub tgt: std::ops::Range<usize>,
    pub cost: f32,
}

/// Pair evidence of each source unit over the target range its beads can reach.
struct PairTable {
    lo: Vec<usize>,
    rows: Vec<Vec<PairEvidence>>,
}

impl PairTable {
    fn build(evidence: &dyn Evidence, band: &Band, max_group: usize) -> PairTable {
        let n = evidence.n();
        let ranges: Vec<(usize, usize)> = (0..n)
            .map(|i| {
                let lo = band.lo[(i + 1).saturating_sub(max_group)];
                let hi = band.hi[(i + max_group).min(n)];
                (lo, hi)
            })
            .collect();
        let rows = ranges
            .par_iter()
            .enumerate()
            .map_init(Scratch::default, |scratch, (i, &(lo, hi))| {
                evidence.pair_row(i, lo, hi, scratch)
            })
            .collect();
        PairTable {
            lo: ranges.iter().map(|r| r.0).collect(),
            rows,
        }
    }

    fn get(&self, i: usize, j: usize) -> PairEvidence {
        match j.checked_sub(self.lo[i]) {
            Some(k) => self.rows[i].get(k).copied().unwrap_or_default(),
            None => PairEvidence::default(),
        }
    }
}

/// Per-unit quantities of both sides, read once from the evidence.
struct Sides {
    /// Running character counts, in f64: beyond 2^24 characters (a 200,000-sentence side
    /// has more) f32 sums stop being exact and bead lengths drift by whole characters.
    src_prefix: Vec<f64>,
    tgt_prefix: Vec<f64>,
    src_mass: Vec<f32>,
    tgt_mass: Vec<f32>,
    /// Paragraph ends, when both sides have paragraphs.
    src_end: Option<Vec<bool>>,
    tgt_end: Option<Vec<bool>>,
}

impl Sides {
    fn read(evidence: &dyn Evidence) -> Sides {
        let (n, m) = (evidence.n(), evidence.m());
        let paragraphs = evidence.has_paragraphs();
        Sides {
            src_prefix: prefix_sums(n, |i| evidence.src_len(i)),
            tgt_prefix: prefix_sums(m, |j| evidence.tgt_len(j)),
            src_mass: (0..n).map(|i| evidence.src_mass(i)).collect(),
            tgt_mass: (0..m).map(|j| evidence.tgt_mass(j)).collect(),
            src_end: paragraphs.then(|| (0..n).map(|i| evidence.src_paragraph_end(i)).collect()),
            tgt_end: paragraphs.then(|| (0..m).map(|j| evidence.tgt_paragraph_end(j)).collect()),
        }
    }
}

/// The part of a bead's cost that needs no token evidence: prior, length and paragraphs.
/// It is cheap, so the programme computes it first and skips the lexical part of beads it
/// already rules out.
fn shape_cost(
    model: &CostModel,
    sides: &Sides,
    (i0, i1): (usize, usize),
    (j0, j1): (usize, usize),
) -> f32 {
    let (a, b) = (i1 - i0, j1 - j0);
    let mut cost = model.prior(a, b);
    let l1 = (sides.src_prefix[i1] - sides.src_prefix[i0]) as f32;
    let l2 = (sides.tgt_prefix[j1] - sides.tgt_prefix[j0]) as f32;
    if a > 0 && b > 0 {
        cost += model.length_weight * model.length_cost(l1, l2);
    } else {
        cost -= model.short_skip_discount(l1 + l2 / model.ratio);
    }
    if let (Some(src_end), Some(tgt_end)) = (&sides.src_end, &sides.tgt_end) {
        let crossings = src_end[i0..i1.saturating_sub(1).max(i0)]
            .iter()
            .chain(&tgt_end[j0..j1.saturating_sub(1).max(j0)])
            .filter(|&&end| end)
            .count();
        let src_closes = i1 > 0 && src_end[i1 - 1];
        let tgt_closes = j1 > 0 && tgt_end[j1 - 1];
        // A paragraph whose last sentence was left out of the translation (or added to it)
        // ends one sentence later on that side: the deletion that follows pays for it.
        let closes_next =
            |ends: &[bool], k: usize| k < ends.len() && (ends[k] || k + 1 == ends.len());
        let one_short =
            (tgt_closes && closes_next(src_end, i1)) || (src_closes && closes_next(tgt_end, j1));
        let mismatch = a > 0 && b > 0 && src_closes != tgt_closes && !one_short;
        cost += model.paragraph * (crossings as f32 + if mismatch { 1.0 } else { 0.0 });
    }
    cost
}

/// The price of the lexical evidence a bead leaves unexplained (never negative).
fn lexical_cost(
    evidence: &dyn Evidence,
    pairs: &PairTable,
    model: &CostModel,
    sides: &Sides,
    (i0, i1): (usize, usize),
    (j0, j1): (usize, usize),
) -> f32 {
    let (a, b) = (i1 - i0, j1 - j0);
    // Both what is left unexplained and which share of each sentence that is.
    let (mut left, mut share) = (0.0, 0.0);
    let mut charge = |mass: f32, explained: f32| {
        let l = (mass - explained).max(0.0);
        left += l;
        share += if mass > 0.0 { l / mass } else { 0.0 };
    };
    for i in i0..i1 {
        let explained = if b == 1 {
            pairs.get(i, j0).source
        } else {
            let parts = (j0..j1).map(|j| {
                let p = pairs.get(i, j);
                (p.source, p.source_mask)
            });
            group_explained(parts, |k| evidence.src_token_weight(i, k))
        };
        charge(sides.src_mass[i], explained);
    }
    for j in j0..j1 {
        let explained = if a == 1 {
            pairs.get(i0, j).target
        } else {
            let parts = (i0..i1).map(|i| {
                let p = pairs.get(i, j);
                (p.target, p.target_mask)
            });
            group_explained(parts, |k| evidence.tgt_token_weight(j, k))
        };
        charge(sides.tgt_mass[j], explained);
    }
    let lexical = model.lexical_weight * left + model.share_weight * share;
    let rate = if a == 0 || b == 0 {
        model.skip_lexical
    } else {
        1.0
    };
    rate * lexical
}

/// Mass of one sentence explained by a group of sentences on the other side: the sum over
/// the group, less the tokens matched more than once (counted at full weight, and never
/// below the best single sentence).
fn group_explained(parts: impl Iterator<Item = (f32, u32)>, weight: impl Fn(usize) -> f32) -> f32 {
    let (mut sum, mut best, mut seen, mut repeated, mut count) = (0.0f32, 0.0f32, 0u32, 0.0f32, 0);
    for (explained, mask) in parts {
        sum += explained;
        best = best.max(explained);
        let mut again = seen & mask;
        while again != 0 {
            repeated += weight(again.trailing_zeros() as usize);
            again &= again - 1;
        }
        seen |= mask;
        count += 1;
    }
    if count < 2 {
        return sum;
    }
    (sum - repeated).max(best)
}

fn prefix_sums(n: usize, len: impl Fn(usize) -> f32) -> Vec<f64> {
    let mut sums = Vec::with_capacity(n + 1);
    sums.push(0.0);
    for i in 0..n {
        sums.push(sums[i] + len(i) as f64);
    }
    sums
}

/// The cheapest monotone path through `band`, as beads in order.
pub fn best_path(
    evidence: &dyn Evidence,
    band: &Band,
    shapes: &[(usize, usize)],
    model: &CostModel,
) -> Vec<Bead> {
    let (n, m) = (evidence.n(), evidence.m());
    let max_group = shapes.iter().map(|&(a, b)| a.max(b)).max().unwrap_or(1);
    let pairs = PairTable::build(evidence, band, max_group);
    let sides = Sides::read(evidence);
    let mut offsets = Vec::with_capacity(n + 2);
    offsets.push(0usize);
    for i in 0..=n {
        offsets.push(offsets[i] + band.hi[i] - band.lo[i] + 1);
    }
    let cells = offsets[n + 1];
    let mut cost = vec![f32::INFINITY; cells];
    let mut back = vec![u8::MAX; cells];
    let index = |i: usize, j: usize| -> Option<usize> {
        (j >= band.lo[i] && j <= band.hi[i]).then(|| offsets[i] + j - band.lo[i])
    };
    for (i, &row_start) in offsets.iter().enumerate().take(n + 1) {
        for j in band.lo[i]..=band.hi[i] {
            let here = row_start + j - band.lo[i];
            if i == 0 && j == 0 {
                cost[here] = 0.0;
                continue;
            }
            for (shape, &(a, b)) in shapes.iter().enumerate() {
                if a > i || b > j {
                    continue;
                }
                let Some(prev) = index(i - a, j - b) else {
                    continue;
                };
                if !cost[prev].is_finite() {
                    continue;
                }
                let (src, tgt) = ((i - a, i), (j - b, j));
                // The lexical part is never negative: a bead whose cheap part already
                // reaches the best way found so far cannot win.
                let cheap = cost[prev] + shape_cost(model, &sides, src, tgt);
                if cheap >= cost[here] {
                    continue;
                }
                let c = cheap + lexical_cost(evidence, &pairs, model, &sides, src, tgt);
                if c < cost[here] {
                    cost[here] = c;
                    back[here] = shape as u8;
                }
            }
        }
    }
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let here = index(i, j).expect("band contains the end of the path");
        let (a, b) = shapes[back[here] as usize];
        let prev = index(i - a, j - b).expect("back pointer stays in the band");
        beads.push(Bead {
            src: i - a..i,
            tgt: j - b..j,
            cost: cost[here] - cost[prev],
        });
        i -= a;
        j -= b;
    }
    beads.reverse();
    beads
}

/// Rows per piece when a long document's realignment is cut up (see [`best_path_in_pieces`]).
pub const PIECE_ROWS: usize = 8192;

/// [`best_path`] for a long document, cut into pieces of about [`PIECE_ROWS`] rows that are
/// solved in parallel: the programme itself runs row after row, and at 200,000 sentences
/// it would otherwise be the longest sequential step. The cuts are lattice points `guide`
/// (the first pass) passes through between two one-to-one beads, where it was surest, and
/// the path is made to pass through them. A document shorter than two pieces is solved
/// whole, so it gets exactly the path `best_path` gives.
pub fn best_path_in_pieces(
    evidence: &dyn Evidence,
    band: &Band,
    shapes: &[(usize, usize)],
    model: &CostModel,
    guide: &[Bead],
) -> Vec<Bead> {
    let cuts = cut_points(guide, evidence.n(), evidence.m());
    if cuts.len() <= 2 {
        return best_path(evidence, band, shapes, model);
    }
    let pieces: Vec<Vec<Bead>> = cuts
        .par_windows(2)
        .map(|w| {
            let window = Window {
                inner: evidence,
                start: w[0],
                end: w[1],
            };
            let (i0, j0) = w[0];
            best_path(&window, &band.window(w[0], w[1]), shapes, model)
                .into_iter()
                .map(|b| Bead {
                    src: b.src.start + i0..b.src.end + i0,
                    tgt: b.tgt.start + j0..b.tgt.end + j0,
                    cost: b.cost,
                })
                .collect()
        })
        .collect();
    pieces.concat()
}

/// (0, 0), the cut points, and (n, m): every [`PIECE_ROWS`] rows, the first point of
/// `guide` between two one-to-one beads that leaves at least a piece's worth of rows after
/// it.
fn cut_points(guide: &[Bead], n: usize, m: usize) -> Vec<(usize, usize)> {
    let one_to_one = |b: &Bead| b.src.len() == 1 && b.tgt.len() == 1;
    let mut cuts = vec![(0, 0)];
    let mut next = PIECE_ROWS;
    for pair in guide.windows(2) {
        let (i, j) = (pair[0].src.end, pair[0].tgt.end);
        if i >= next && i + PIECE_ROWS <= n && one_to_one(&pair[0]) && one_to_one(&pair[1]) {
            cuts.push((i, j));
            next = i + PIECE_ROWS;
        }
    }
    cuts.push((n, m));
    cuts
}

/// The units between two lattice points, as evidence of their own.
struct Window<'a> {
    inner: &'a dyn Evidence,
    start: (usize, usize),
    end: (usize, usize),
}

impl Evidence for Window<'_> {
    fn n(&self) -> usize {
        self.end.0 - self.start.0
    }
    fn m(&self) -> usize {
        self.end.1 - self.start.1
    }
    fn src_len(&self, i: usize) -> f32 {
        self.inner.src_len(i + self.start.0)
    }
    fn tgt_len(&self, j: usize) -> f32 {
        self.inner.tgt_len(j + self.start.1)
    }
    fn src_mass(&self, i: usize) -> f32 {
        self.inner.src_mass(i + self.start.0)
    }
    fn tgt_mass(&self, j: usize) -> f32 {
        self.inner.tgt_mass(j + self.start.1)
    }
    fn pair_row(&self, i: usize, lo: usize, hi: usize, scratch: &mut Scratch) -> Vec<PairEvidence> {
        let (i0, j0) = self.start;
        self.inner
            .pair_row(i + i0, lo + j0, (hi + j0).min(self.end.1), scratch)
    }
    fn src_token_weight(&self, i: usize, k: usize) -> f32 {
        self.inner.src_token_weight(i + self.start.0, k)
    }
    fn tgt_token_weight(&self, j: usize, k: usize) -> f32 {
        self.inner.tgt_token_weight(j + self.start.1, k)
    }
    fn src_paragraph_end(&self, i: usize) -> bool {
        self.inner.src_paragraph_end(i + self.start.0)
    }
    fn tgt_paragraph_end(&self, j: usize) -> bool {
        self.inner.tgt_paragraph_end(j + self.start.1)
    }
    fn has_paragraphs(&self) -> bool {
        self.inner.has_paragraphs()
    }
}

/// The lattice points a path passes through, starting at (0, 0).
pub fn lattice_points(beads: &[Bead]) -> Vec<(usize, usize)> {
    std::iter::once((0, 0))
        .chain(beads.iter().map(|b| (b.src.end, b.tgt.end)))
        .collect()
}

/// Bottom-k sketch of the anchor keys a block of sentences carries: hashes of the keys,
/// sorted, at most `SKETCH_SIZE`. Two sketches share a key when both blocks share it.
#[derive(Debug, Clone, Default)]
pub struct Sketch {
    pub chars: f32,
    pub hashes: Vec<u64>,
}

pub const SKETCH_SIZE: usize = 48;

impl Sketch {
    pub fn new(chars: f32, mut hashes: Vec<u64>) -> Sketch {
        hashes.sort_unstable();
        hashes.dedup();
        hashes.truncate(SKETCH_SIZE);
        // A sentence may bring hundreds of keys (a dictionary's translations): keep only
        // the memory the sketch needs, since every sentence of every level holds one.
        hashes.shrink_to_fit();
        Sketch { chars, hashes }
    }

    fn merge(&self, other: &Sketch) -> Sketch {
        let mut hashes = Vec::with_capacity(self.hashes.len() + other.hashes.len());
        hashes.extend_from_slice(&self.hashes);
        hashes.extend_from_slice(&other.hashes);
        Sketch::new(self.chars + other.chars, hashes)
    }

    fn shared(&self, other: &Sketch) -> usize {
        let (mut x, mut y, mut count) = (0, 0, 0);
        while x < self.hashes.len() && y < other.hashes.len() {
            match self.hashes[x].cmp(&other.hashes[y]) {
                std::cmp::Ordering::Less => x += 1,
                std::cmp::Ordering::Greater => y += 1,
                std::cmp::Ordering::Equal => {
                    count += 1;
                    x += 1;
                    y += 1;
                }
            }
        }
        count
    }
}

/// Mixes a key into a well-spread hash (SplitMix64), so bottom-k samples keys fairly.
pub fn key_hash(key: u32) -> u64 {
    let mut z = (key as u64).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Blocks of sentences seen through their sketches.
pub struct SketchEvidence {
    pub src: Vec<Sketch>,
    pub tgt: Vec<Sketch>,
}

impl SketchEvidence {
    /// Blocks twice as large.
    pub fn coarser(&self) -> SketchEvidence {
        let halve = |units: &[Sketch]| -> Vec<Sketch> {
            units
                .chunks(2)
                .map(|c| match c {
                    [a, b] => a.merge(b),
                    [a] => a.clone(),
                    _ => unreachable!("chunks of two"),
                })
                .collect()
        };
        SketchEvidence {
            src: halve(&self.src),
            tgt: halve(&self.tgt),
        }
    }
}

impl Evidence for SketchEvidence {
    fn n(&self) -> usize {
        self.src.len()
    }
    fn m(&self) -> usize {
        self.tgt.len()
    }
    fn src_len(&self, i: usize) -> f32 {
        self.src[i].chars
    }
    fn tgt_len(&self, j: usize) -> f32 {
        self.tgt[j].chars
    }
    fn src_mass(&self, i: usize) -> f32 {
        self.src[i].hashes.len() as f32
    }
    fn tgt_mass(&self, j: usize) -> f32 {
        self.tgt[j].hashes.len() as f32
    }
    fn pair_row(&self, i: usize, lo: usize, hi: usize, _: &mut Scratch) -> Vec<PairEvidence> {
        (lo..hi.min(self.tgt.len()))
            .map(|j| {
                let shared = self.src[i].shared(&self.tgt[j]) as f32;
                PairEvidence {
                    source: shared,
                    target: shared,
                    source_mask: 0,
                    target_mask: 0,
                }
            })
            .collect()
    }
}

/// Largest lattice (cells) solved without a band.
pub const FULL_LATTICE: usize = 10_000;
/// Margin around a projected coarse path, in units.
pub const PROJECTION_MARGIN: usize = 3;

/// The path over `sketches` found coarse-to-fine, as lattice points.
pub fn coarse_path(sketches: &SketchEvidence, model: &CostModel) -> Vec<(usize, usize)> {
    let (n, m) = (sketches.n(), sketches.m());
    let shapes = bead_shapes(2);
    let band = if (n + 1) * (m + 1) <= FULL_LATTICE || n < 2 || m < 2 {
        Band::full(n, m)
    } else {
        let coarse = coarse_path(&sketches.coarser(), model);
        Band::project(&coarse, n, m, PROJECTION_MARGIN)
    };
    lattice_points(&best_path(sketches, &band, &shapes, model))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lengths and priors only: no lexical evidence, no paragraphs.
    fn length_only_model() -> CostModel {
        CostModel {
            ratio: 1.0,
            variance: 6.8,
            length_weight: 1.0,
            lexical_weight: 0.0,
            skip_lexical: 1.0,
            share_weight: 0.0,
            short_skip: 0.0,
            short_chars: 0.0,
            skip: 4.0,
            merge: 2.0,
            many_to_many: 1.0,
            paragraph: 0.0,
        }
    }

    #[test]
    fn length_cost_grows_with_the_difference() {
        let model = length_only_model();
        let same = model.length_cost(100.0, 100.0);
        let near = model.length_cost(100.0, 110.0);
        let far = model.length_cost(100.0, 200.0);
        assert!(same < 0.01, "{same}");
        assert!(same < near && near < far, "{same} {near} {far}");
    }

    /// Units with lengths only (no lexical evidence).
    struct Lengths {
        src: Vec<f32>,
        tgt: Vec<f32>,
    }

    impl Evidence for Lengths {
        fn n(&self) -> usize {
            self.src.len()
        }
        fn m(&self) -> usize {
            self.tgt.len()
        }
        fn src_len(&self, i: usize) -> f32 {
            self.src[i]
        }
        fn tgt_len(&self, j: usize) -> f32 {
            self.tgt[j]
        }
        fn src_mass(&self, _: usize) -> f32 {
            0.0
        }
        fn tgt_mass(&self, _: usize) -> f32 {
            0.0
        }
        fn pair_row(&self, _: usize, lo: usize, hi: usize, _: &mut Scratch) -> Vec<PairEvidence> {
            vec![PairEvidence::default(); hi.saturating_sub(lo)]
        }
    }

    #[test]
    fn a_long_document_solved_in_pieces_keeps_the_whole_path() {
        // Lengths 20..120 from a fixed LCG; the target repeats them, with a long unit
        // inserted every 997 and every 1,009th pair of units joined.
        let mut state = 7u64;
        let src: Vec<f32> = (0..3 * PIECE_ROWS)
            .map(|_| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1);
                20.0 + (state >> 33) as f32 % 100.0
            })
            .collect();
        let (mut tgt, mut inserted) = (Vec::new(), 0);
        let mut i = 0;
        while i < src.len() {
            if i % 997 == 0 {
                tgt.push(300.0);
                inserted += 1;
            }
            if i % 1009 == 5 && i + 1 < src.len() {
                tgt.push(src[i] + src[i + 1]);
                i += 2;
            } else {
                tgt.push(src[i]);
                i += 1;
            }
        }
        let evidence = Lengths { src, tgt };
        let model = length_only_model();
        let shapes = bead_shapes(2);
        let (n, m) = (evidence.n(), evidence.m());
        let diagonal: Vec<(usize, usize)> = (0..=n).map(|i| (i, i * m / n)).collect();
        let wide = Band::around(&diagonal, n, m, 40);
        let guide = best_path(&evidence, &wide, &shapes, &model);
        assert!(cut_points(&guide, n, m).len() > 3);
        let band = Band::around(&lattice_points(&guide), n, m, 3);
        let whole = best_path(&evidence, &band, &shapes, &model);
        let pieces = best_path_in_pieces(&evidence, &band, &shapes, &model, &guide);
        let spans =
            |p: &[Bead]| -> Vec<_> { p.iter().map(|b| (b.src.clone(), b.tgt.clone())).collect() };
        assert_eq!(spans(&pieces), spans(&whole));
        assert_eq!(whole.iter().filter(|b| b.src.is_empty()).count(), inserted);
    }

    #[test]
    fn bead_lengths_stay_exact_past_two_to_the_24_characters() {
        let lengths = [16_777_216.0, 1.0, 1.0];
        let sums = prefix_sums(3, |i| lengths[i]);
        assert_eq!(sums[3] - sums[1], 2.0);
    }

    #[test]
    fn shapes_follow_max_group() {
        let s = bead_shapes(3);
        for shape in [
            (1, 1),
            (0, 1),
            (1, 0),
            (2, 1),
            (1, 2),
            (2, 2),
            (3, 1),
            (1, 3),
        ] {
            assert!(s.contains(&shape), "{shape:?}");
        }
        assert!(!s.contains(&(3, 2)));
        assert!(!s.contains(&(0, 2)));
    }

    #[test]
    fn band_is_monotone_and_contains_the_path() {
        let path = [(0, 0), (1, 1), (3, 2), (3, 5), (6, 6)];
        let band = Band::around(&path, 6, 6, 1);
        for w in band.lo.windows(2) {
            assert!(w[0] <= w[1]);
        }
        for &(i, j) in &path {
            assert!(band.lo[i] <= j && j <= band.hi[i], "{i},{j} {band:?}");
        }
        assert_eq!((band.lo[0], band.hi[6]), (0, 6));
    }
}
