//! Sentence alignment without neural models.
//!
//! Evidence: a Gale–Church length model whose character ratio and variance are estimated
//! from the texts themselves; lexical anchors (identical numbers, names, acronyms and longer
//! words, cognates by folded prefix and string similarity, telling punctuation); an optional
//! user dictionary; paragraph boundaries; and a word-translation table learned by EM from
//! the confident 1-1 links of a first pass over every document given together (Moore 2002).
//! The first pass also sets, per document, the length ratio and variance and how cheap a
//! merge is (a translator who often splits sentences gets cheaper 1-2 and 2-1 beads).
//!
//! Search: a monotone dynamic programme over beads 0-1, 1-0 and a-b up to `max_group`,
//! restricted to a band found coarse-to-fine (blocks of 2, 4, 8… sentences summarised by
//! bottom-k sketches of their anchors), so time and memory grow linearly.
//!
//! A bead pays for the lexical evidence it leaves unexplained: each source sentence's
//! weighted tokens not matched in the bead's target sentences, and the other way round.
//! Merging a sentence into a bead therefore pays off exactly when it explains words.

pub mod dp;
pub mod eval;
pub mod features;
pub mod input;
pub mod ladder;
pub mod lexicon;
pub mod render;

use crate::text::hash::FastSet;
use dp::{Band, Bead, CostModel, Evidence, PairEvidence, Scratch, Sketch, SketchEvidence};
use features::{Sentence, Vocab, NONE};
use lexicon::{Dictionary, Lexicon};
use rayon::prelude::*;
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
    /// Largest group on either side of a bead: a-b beads with a + b ≤ max_group + 1 (4 allows
    /// 2-2, 3-1, 1-3, 2-3, 3-2, 4-1 and 1-4; Text+Berg has such beads in its gold).
    pub max_group: usize,
    /// Learn a word-translation table from a first pass and realign.
    pub bootstrap: bool,
    pub tuning: Tuning,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            max_group: 4,
            bootstrap: true,
            tuning: Tuning::default(),
        }
    }
}

/// Weights of the cost model. The defaults were tuned on the Text+Berg development set only.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tuning {
    pub length_weight: f32,
    pub lexical_weight: f32,
    pub sketch_lexical_weight: f32,
    /// Lexical rate of insertions and deletions relative to `lexical_weight`.
    pub skip_lexical: f32,
    /// Price of each sentence's unexplained share (0..1) of its evidence.
    pub share_weight: f32,
    /// Discount of the skip prior for an empty line, falling to 0 at `short_chars`.
    pub short_skip: f32,
    pub short_chars: f32,
    pub skip: f32,
    pub merge: f32,
    pub many_to_many: f32,
    pub paragraph: f32,
    /// Confidence of a match on the folded prefix alone.
    pub prefix_confidence: f32,
    /// Smallest p(t|s) and p(s|t) for a learned translation.
    pub min_translation_probability: f32,
    /// Band margin (sentences) of the realignment around the first pass.
    pub realign_margin: usize,
    /// Rounds of (learn the translation table, realign).
    pub bootstrap_rounds: usize,
    /// Learn from every bead with both sides, not only 1-1 beads among 1-1 beads.
    pub train_on_merges: bool,
    /// How far the realignment's merge prior follows the share of beads joining three
    /// sentences that the first pass found in the document (0 keeps it fixed).
    pub merge_adaptation: f32,
    /// Share of 2-1 and 1-2 beads at which the merge prior stays as given.
    pub reference_merge_rate: f32,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            length_weight: 0.5,
            lexical_weight: 0.05,
            sketch_lexical_weight: 1.0,
            skip_lexical: 1.0,
            share_weight: 8.0,
            short_skip: 2.0,
            short_chars: 40.0,
            skip: 4.0,
            merge: 3.0,
            many_to_many: 0.0,
            paragraph: 2.0,
            prefix_confidence: 0.7,
            min_translation_probability: 0.1,
            realign_margin: 3,
            bootstrap_rounds: 1,
            train_on_merges: false,
            merge_adaptation: 1.0,
            reference_merge_rate: 0.15,
        }
    }
}

/// One document pair to align: segment texts, and paragraph numbers when known.
#[derive(Debug, Clone, Default)]
pub struct DocPair<'a> {
    pub source: Vec<&'a str>,
    pub target: Vec<&'a str>,
    pub source_paragraphs: Option<Vec<usize>>,
    pub target_paragraphs: Option<Vec<usize>>,
}

/// Aligns two sequences of segment texts.
pub fn align(source: &[&str], target: &[&str], opts: &AlignOptions) -> Alignment {
    let doc = DocPair {
        source: source.to_vec(),
        target: target.to_vec(),
        ..DocPair::default()
    };
    Aligner::new(opts.clone())
        .align_documents(&[doc], &|| ())
        .remove(0)
}

/// Aligns two sequences of segments with their paragraph numbers, so that paragraph
/// boundaries count as evidence.
pub fn align_paragraphs(
    source: &[&str],
    source_paragraphs: &[usize],
    target: &[&str],
    target_paragraphs: &[usize],
    opts: &AlignOptions,
) -> Alignment {
    let doc = DocPair {
        source: source.to_vec(),
        target: target.to_vec(),
        source_paragraphs: Some(source_paragraphs.to_vec()),
        target_paragraphs: Some(target_paragraphs.to_vec()),
    };
    Aligner::new(opts.clone())
        .align_documents(&[doc], &|| ())
        .remove(0)
}

/// An aligner with its options and an optional dictionary.
#[derive(Debug, Clone, Default)]
pub struct Aligner {
    options: AlignOptions,
    dictionary: Dictionary,
}

/// A document prepared for alignment.
struct Prepared {
    src: Vec<Sentence>,
    tgt: Vec<Sentence>,
    src_paragraphs: Option<Vec<usize>>,
    tgt_paragraphs: Option<Vec<usize>>,
    /// Size of the shared vocabulary (key ids are below it).
    keys: usize,
}

impl Aligner {
    pub fn new(options: AlignOptions) -> Aligner {
        Aligner {
            options,
            dictionary: Dictionary::default(),
        }
    }

    pub fn with_dictionary(mut self, dictionary: Dictionary) -> Aligner {
        self.dictionary = dictionary;
        self
    }

    /// Adds the built-in dictionary of the language pair (ISO 639-1), if there is one.
    pub fn with_builtin_dictionary(mut self, source_lang: &str, target_lang: &str) -> Aligner {
        if let Some(builtin) = Dictionary::builtin(source_lang, target_lang) {
            self.dictionary.extend(builtin);
        }
        self
    }

    pub fn align(&self, source: &[&str], target: &[&str]) -> Alignment {
        let doc = DocPair {
            source: source.to_vec(),
            target: target.to_vec(),
            ..DocPair::default()
        };
        self.align_documents(&[doc], &|| ()).remove(0)
    }

    /// Aligns several document pairs in parallel. The translation table is learned from
    /// all of them together, since single documents are small. `progress` is called twice
    /// per document (after each pass).
    pub fn align_documents(
        &self,
        docs: &[DocPair<'_>],
        progress: &(dyn Fn() + Sync),
    ) -> Vec<Alignment> {
        let tuning = &self.options.tuning;
        let mut vocab = Vocab::default();
        let mut prepared: Vec<Prepared> = docs
            .iter()
            .map(|d| Prepared {
                src: features::featurize(&d.source, &mut vocab),
                tgt: features::featurize(&d.target, &mut vocab),
                src_paragraphs: d.source_paragraphs.clone(),
                tgt_paragraphs: d.target_paragraphs.clone(),
                keys: 0,
            })
            .collect();
        for doc in &mut prepared {
            doc.keys = vocab.len();
        }
        let mut lexicon = Lexicon::default();
        self.dictionary.add_to(&mut lexicon, &vocab);
        let src_sides: Vec<&[Sentence]> = prepared.iter().map(|p| p.src.as_slice()).collect();
        let tgt_sides: Vec<&[Sentence]> = prepared.iter().map(|p| p.tgt.as_slice()).collect();
        let source_words = lexicon::word_types(&src_sides, &vocab);
        self.dictionary
            .add_compounds_to(&mut lexicon, &vocab, &source_words);
        lexicon::add_cognates(
            &mut lexicon,
            &source_words,
            &lexicon::word_types(&tgt_sides, &vocab),
            &vocab,
        );
        lexicon.retain_present(&on_target_side(&tgt_sides, vocab.len()));
        let shapes = dp::bead_shapes(self.options.max_group);
        // On long documents the first pass only needs to find the band and the training
        // pairs, and small beads suffice.
        let small_shapes = dp::bead_shapes(self.options.max_group.min(2));
        let first: Vec<(CostModel, Vec<Bead>)> = prepared
            .par_iter()
            .map(|doc| {
                let model = initial_model(doc, tuning);
                let cells = (doc.src.len() + 1) * (doc.tgt.len() + 1);
                let first_shapes = if cells <= dp::FULL_LATTICE {
                    &shapes
                } else {
                    &small_shapes
                };
                let path = first_pass(doc, &lexicon, &model, first_shapes, tuning);
                progress();
                (model, path)
            })
            .collect();
        if !self.options.bootstrap {
            progress_n(progress, docs.len());
            return prepared
                .iter()
                .zip(&first)
                .map(|(doc, (model, path))| links(doc, &lexicon, model, path, tuning))
                .collect();
        }
        let base = lexicon;
        let mut paths: Vec<(CostModel, Vec<Bead>)> = first;
        let rounds = tuning.bootstrap_rounds.max(1);
        let mut lexicon = base.clone();
        for round in 0..rounds {
            let training = training_pairs(&prepared, &paths, tuning.train_on_merges);
            lexicon = base.clone();
            lexicon::learn_translations(
                &mut lexicon,
                &training,
                tuning.min_translation_probability,
            );
            let last = round + 1 == rounds;
            paths = prepared
                .par_iter()
                .zip(&paths)
                .map(|(doc, (model, path))| {
                    let model = adapt_merge_prior(&refine_model(doc, model, path), path, tuning);
                    let evidence = sentence_evidence(doc, &lexicon, tuning);
                    let band = Band::around(
                        &dp::lattice_points(path),
                        doc.src.len(),
                        doc.tgt.len(),
                        tuning.realign_margin,
                    );
                    let path = dp::best_path_in_pieces(&evidence, &band, &shapes, &model, path);
                    if last {
                        progress();
                    }
                    (model, path)
                })
                .collect();
        }
        prepared
            .iter()
            .zip(&paths)
            .map(|(doc, (model, path))| links(doc, &lexicon, model, path, tuning))
            .collect()
    }
}

/// Which word ids occur on a target side.
fn on_target_side(sides: &[&[Sentence]], words: usize) -> Vec<bool> {
    let mut present = vec![false; words];
    for token in sides.iter().flat_map(|s| s.iter()).flat_map(|s| &s.tokens) {
        present[token.word as usize] = true;
    }
    present
}

fn progress_n(progress: &(dyn Fn() + Sync), n: usize) {
    for _ in 0..n {
        progress();
    }
}

/// Length ratio from the totals of the pair; Gale and Church's variance until the first
/// pass gives something better.
fn initial_model(doc: &Prepared, tuning: &Tuning) -> CostModel {
    let src_chars: f32 = doc.src.iter().map(|s| s.chars).sum();
    let tgt_chars: f32 = doc.tgt.iter().map(|s| s.chars).sum();
    let ratio = if src_chars > 0.0 && tgt_chars > 0.0 {
        (tgt_chars / src_chars).clamp(0.2, 5.0)
    } else {
        1.0
    };
    CostModel {
        ratio,
        variance: 6.8,
        length_weight: tuning.length_weight,
        lexical_weight: tuning.lexical_weight,
        skip_lexical: tuning.skip_lexical,
        share_weight: tuning.share_weight,
        short_skip: tuning.short_skip,
        short_chars: tuning.short_chars,
        skip: tuning.skip,
        merge: tuning.merge,
        many_to_many: tuning.many_to_many,
        paragraph: tuning.paragraph,
    }
}

/// Re-estimates the length ratio and variance from the 1-1 beads of the first pass.
fn refine_model(doc: &Prepared, model: &CostModel, path: &[Bead]) -> CostModel {
    let ones: Vec<(f32, f32)> = path
        .iter()
        .filter(|b| b.src.len() == 1 && b.tgt.len() == 1)
        .map(|b| (doc.src[b.src.start].chars, doc.tgt[b.tgt.start].chars))
        .filter(|&(l1, l2)| l1 > 0.0 && l2 > 0.0)
        .collect();
    if ones.len() < 10 {
        return *model;
    }
    let ratio = ones.iter().map(|p| p.1).sum::<f32>() / ones.iter().map(|p| p.0).sum::<f32>();
    let mut squares: Vec<f32> = ones
        .iter()
        .map(|&(l1, l2)| (l2 - ratio * l1).powi(2) / ((l1 + l2 / ratio) / 2.0))
        .collect();
    // A trimmed mean: the worst tenth are likely wrong links.
    squares.sort_by(f32::total_cmp);
    squares.truncate(squares.len() * 9 / 10);
    let variance = squares.iter().sum::<f32>() / squares.len() as f32;
    CostModel {
        ratio: ratio.clamp(0.2, 5.0),
        variance: variance.clamp(2.0, 40.0),
        ..*model
    }
}

/// Largest change (either way) adaptation makes to the merge prior.
const MAX_MERGE_SHIFT: f32 = 2.0;
/// Beads at the reference rate added to a document's counts, so that a short document
/// keeps priors close to the defaults.
const PSEUDO_BEADS: f32 = 20.0;

/// Moves the merge prior towards the document's own habits: a translator who often splits
/// or joins sentences makes merges cheaper, a sentence-by-sentence one makes them dearer.
/// The rate comes from the first pass. (Insertions and deletions are left alone: a first
/// pass tends to absorb them into merges, so their rate is underestimated.)
fn adapt_merge_prior(model: &CostModel, path: &[Bead], tuning: &Tuning) -> CostModel {
    if tuning.merge_adaptation <= 0.0 || path.is_empty() {
        return *model;
    }
    let merges = path
        .iter()
        .filter(|b| !b.src.is_empty() && !b.tgt.is_empty() && b.src.len() + b.tgt.len() == 3)
        .count() as f32;
    let reference = tuning.reference_merge_rate;
    let rate = (merges + PSEUDO_BEADS * reference) / (path.len() as f32 + PSEUDO_BEADS);
    let shift = (tuning.merge_adaptation * (rate / reference).ln())
        .clamp(-MAX_MERGE_SHIFT, MAX_MERGE_SHIFT);
    CostModel {
        merge: (model.merge - shift).max(0.5),
        ..*model
    }
}

fn sentence_evidence<'a>(
    doc: &'a Prepared,
    lexicon: &'a Lexicon,
    tuning: &Tuning,
) -> SentenceEvidence<'a> {
    SentenceEvidence {
        src: &doc.src,
        tgt: &doc.tgt,
        tgt_keys: doc.tgt.iter().map(target_keys).collect(),
        keys: doc.keys,
        lexicon,
        src_paragraphs: doc.src_paragraphs.as_deref(),
        tgt_paragraphs: doc.tgt_paragraphs.as_deref(),
        prefix_confidence: tuning.prefix_confidence,
    }
}

/// First pass: coarse-to-fine on sketches when the lattice is large, then the sentence DP.
fn first_pass(
    doc: &Prepared,
    lexicon: &Lexicon,
    model: &CostModel,
    shapes: &[(usize, usize)],
    tuning: &Tuning,
) -> Vec<Bead> {
    let (n, m) = (doc.src.len(), doc.tgt.len());
    let evidence = sentence_evidence(doc, lexicon, tuning);
    let band = if (n + 1) * (m + 1) <= dp::FULL_LATTICE || n < 2 || m < 2 {
        Band::full(n, m)
    } else {
        let sketches = sketches(doc, lexicon).coarser();
        let sketch_model = CostModel {
            lexical_weight: tuning.sketch_lexical_weight,
            paragraph: 0.0,
            ..*model
        };
        let coarse = dp::coarse_path(&sketches, &sketch_model);
        Band::project(&coarse, n, m, dp::PROJECTION_MARGIN)
    };
    dp::best_path(&evidence, &band, shapes, model)
}

/// Keys a source token can match on the target side, with their confidence.
fn source_candidates(
    token: &features::Token,
    lexicon: &Lexicon,
    prefix_confidence: f32,
    out: &mut Vec<(u32, f32)>,
) {
    if token.identity {
        out.push((token.word, 1.0));
    }
    if token.prefix != NONE {
        out.push((token.prefix, prefix_confidence));
    }
    out.extend_from_slice(lexicon.translations(token.word));
}

fn target_keys(sentence: &Sentence) -> Vec<u32> {
    let mut keys: Vec<u32> = sentence
        .tokens
        .iter()
        .flat_map(|t| [t.word, t.prefix])
        .filter(|&k| k != NONE)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys.shrink_to_fit();
    keys
}

/// Per-sentence sketches of the keys that can match across the two sides. Source keys are
/// turned into sketches as they are found, never stored: with a dictionary a sentence has
/// hundreds of candidate keys.
fn sketches(doc: &Prepared, lexicon: &Lexicon) -> SketchEvidence {
    let tgt_keys: Vec<Vec<u32>> = doc.tgt.iter().map(target_keys).collect();
    let on_target: FastSet<u32> = tgt_keys.iter().flatten().copied().collect();
    let mut on_source: FastSet<u32> = FastSet::default();
    let mut candidates = Vec::new();
    let src: Vec<Sketch> = doc
        .src
        .iter()
        .map(|s| {
            candidates.clear();
            for t in &s.tokens {
                source_candidates(t, lexicon, 1.0, &mut candidates);
            }
            let shared: Vec<u32> = candidates
                .iter()
                .map(|c| c.0)
                .filter(|k| on_target.contains(k))
                .collect();
            on_source.extend(shared.iter().copied());
            Sketch::new(s.chars, shared.iter().map(|&k| dp::key_hash(k)).collect())
        })
        .collect();
    let tgt = tgt_keys
        .iter()
        .zip(&doc.tgt)
        .map(|(keys, s)| {
            let shared = keys.iter().filter(|k| on_source.contains(k));
            Sketch::new(s.chars, shared.map(|&k| dp::key_hash(k)).collect())
        })
        .collect();
    SketchEvidence { src, tgt }
}

/// Most sentence pairs the translation table is trained on (spread evenly over the input).
const MAX_TRAINING_PAIRS: usize = 4000;

/// Word ids of the beads a previous pass rarely gets wrong: 1-1 beads between 1-1 beads,
/// and with `merges` every bead that has both sides.
fn training_pairs(
    docs: &[Prepared],
    paths: &[(CostModel, Vec<Bead>)],
    merges: bool,
) -> Vec<(Vec<u32>, Vec<u32>)> {
    let words = |side: &[Sentence], range: std::ops::Range<usize>| -> Vec<u32> {
        side[range]
            .iter()
            .flat_map(|s| s.tokens.iter())
            .filter(|t| t.is_word)
            .map(|t| t.word)
            .collect()
    };
    let is_one_one = |b: &Bead| b.src.len() == 1 && b.tgt.len() == 1;
    let mut pairs = Vec::new();
    for (doc, (_, path)) in docs.iter().zip(paths) {
        for (k, bead) in path.iter().enumerate() {
            let before = k == 0 || is_one_one(&path[k - 1]);
            let after = k + 1 == path.len() || is_one_one(&path[k + 1]);
            let trusted = if merges {
                !bead.src.is_empty() && !bead.tgt.is_empty()
            } else {
                is_one_one(bead) && before && after
            };
            if trusted {
                pairs.push((
                    words(&doc.src, bead.src.clone()),
                    words(&doc.tgt, bead.tgt.clone()),
                ));
            }
        }
    }
    if pairs.len() > MAX_TRAINING_PAIRS {
        let step = pairs.len() as f64 / MAX_TRAINING_PAIRS as f64;
        pairs = (0..MAX_TRAINING_PAIRS)
            .map(|k| pairs[(k as f64 * step) as usize].clone())
            .collect();
    }
    pairs
}

/// Turns beads into links with a confidence.
fn links(
    doc: &Prepared,
    lexicon: &Lexicon,
    model: &CostModel,
    path: &[Bead],
    tuning: &Tuning,
) -> Alignment {
    let evidence = sentence_evidence(doc, lexicon, tuning);
    let mut scratch = Scratch::default();
    let links = path
        .iter()
        .map(|bead| Link {
            source: bead.src.clone().collect(),
            target: bead.tgt.clone().collect(),
            score: confidence(&evidence, model, bead, &mut scratch),
        })
        .collect();
    Alignment { links }
}

fn sigmoid(x: f32) -> f64 {
    1.0 / (1.0 + (-(x as f64)).exp())
}

/// A link's confidence: how much cheaper the bead is than leaving its sentences unaligned.
/// An insertion or deletion is confident when its sentence shares little with the
/// sentences on the other side next to it.
fn confidence(
    evidence: &SentenceEvidence<'_>,
    model: &CostModel,
    bead: &Bead,
    scratch: &mut Scratch,
) -> f64 {
    let sentences = (bead.src.len() + bead.tgt.len()) as f32;
    if bead.src.is_empty() || bead.tgt.is_empty() {
        let best_overlap = if bead.src.is_empty() {
            let j = bead.tgt.start;
            let mass = evidence.tgt_mass(j).max(1e-3);
            [bead.src.start.checked_sub(1), Some(bead.src.start)]
                .into_iter()
                .flatten()
                .filter(|&i| i < evidence.n())
                .map(|i| evidence.pair_row(i, j, j + 1, scratch)[0].target / mass)
                .fold(0.0, f32::max)
        } else {
            let i = bead.src.start;
            let mass = evidence.src_mass(i).max(1e-3);
            let lo = bead.tgt.start.saturating_sub(1);
            let hi = (bead.tgt.start + 1).min(evidence.m());
            evidence
                .pair_row(i, lo, hi, scratch)
                .iter()
                .map(|p| p.source / mass)
                .fold(0.0, f32::max)
        };
        return (1.0 - best_overlap.min(1.0)) as f64;
    }
    let skip_cost: f32 = bead.src.clone().map(|i| evidence.src_mass(i)).sum::<f32>()
        + bead.tgt.clone().map(|j| evidence.tgt_mass(j)).sum::<f32>();
    let skip_cost = model.skip_lexical
        * (skip_cost * model.lexical_weight + model.share_weight * sentences)
        + model.skip * sentences;
    sigmoid((skip_cost - bead.cost) / sentences - 1.0)
}

/// Sentences with their full token evidence.
struct SentenceEvidence<'a> {
    src: &'a [Sentence],
    tgt: &'a [Sentence],
    tgt_keys: Vec<Vec<u32>>,
    /// Number of key ids (the vocabulary size), for the scratch tables.
    keys: usize,
    lexicon: &'a Lexicon,
    src_paragraphs: Option<&'a [usize]>,
    tgt_paragraphs: Option<&'a [usize]>,
    prefix_confidence: f32,
}

fn paragraph_end(paragraphs: Option<&[usize]>, i: usize) -> bool {
    paragraphs.is_some_and(|p| i + 1 < p.len() && p[i] != p[i + 1])
}

impl Evidence for SentenceEvidence<'_> {
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
        self.src[i].mass
    }
    fn tgt_mass(&self, j: usize) -> f32 {
        self.tgt[j].mass
    }

    fn pair_row(&self, i: usize, lo: usize, hi: usize, scratch: &mut Scratch) -> Vec<PairEvidence> {
        if scratch.reach.len() < self.keys {
            scratch.reach = vec![0.0; self.keys];
            scratch.stamp = vec![u32::MAX; self.keys];
        }
        let source = &self.src[i];
        let mut candidates: Vec<(u32, f32)> = Vec::with_capacity(source.tokens.len() * 3);
        let mut starts = Vec::with_capacity(source.tokens.len() + 1);
        for token in &source.tokens {
            starts.push(candidates.len());
            source_candidates(token, self.lexicon, self.prefix_confidence, &mut candidates);
        }
        starts.push(candidates.len());
        for &(key, confidence) in &candidates {
            let r = &mut scratch.reach[key as usize];
            *r = r.max(confidence);
        }
        let reach = |key: u32| {
            if key == NONE {
                0.0
            } else {
                scratch.reach[key as usize]
            }
        };
        let mut row = Vec::with_capacity(hi.saturating_sub(lo));
        for j in lo..hi.min(self.tgt.len()) {
            for &key in &self.tgt_keys[j] {
                scratch.stamp[key as usize] = j as u32;
            }
            let mut pair = PairEvidence::default();
            for (k, token) in source.tokens.iter().enumerate() {
                let best = candidates[starts[k]..starts[k + 1]]
                    .iter()
                    .filter(|c| scratch.stamp[c.0 as usize] == j as u32)
                    .map(|c| c.1)
                    .fold(0.0, f32::max);
                if best > 0.0 {
                    pair.source += best * token.weight;
                    if k < 32 {
                        pair.source_mask |= 1 << k;
                    }
                }
            }
            for (k, t) in self.tgt[j].tokens.iter().enumerate() {
                let best = reach(t.word).max(reach(t.prefix));
                if best > 0.0 {
                    pair.target += best * t.weight;
                    if k < 32 {
                        pair.target_mask |= 1 << k;
                    }
                }
            }
            row.push(pair);
        }
        for &(key, _) in &candidates {
            scratch.reach[key as usize] = 0.0;
        }
        row
    }

    fn src_token_weight(&self, i: usize, k: usize) -> f32 {
        self.src[i].tokens[k].weight
    }
    fn tgt_token_weight(&self, j: usize, k: usize) -> f32 {
        self.tgt[j].tokens[k].weight
    }

    fn src_paragraph_end(&self, i: usize) -> bool {
        paragraph_end(self.src_paragraphs, i)
    }
    fn tgt_paragraph_end(&self, j: usize) -> bool {
        paragraph_end(self.tgt_paragraphs, j)
    }
    fn has_paragraphs(&self) -> bool {
        self.src_paragraphs.is_some() && self.tgt_paragraphs.is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bead(a: usize, b: usize, at: usize) -> Bead {
        Bead {
            src: at..at + a,
            tgt: at..at + b,
            cost: 0.0,
        }
    }

    fn model(tuning: &Tuning) -> CostModel {
        let doc = Prepared {
            src: Vec::new(),
            tgt: Vec::new(),
            src_paragraphs: None,
            tgt_paragraphs: None,
            keys: 0,
        };
        initial_model(&doc, tuning)
    }

    #[test]
    fn merge_prior_follows_the_documents_merge_rate() {
        let tuning = Tuning::default();
        let base = model(&tuning);
        let faithful: Vec<Bead> = (0..200).map(|k| bead(1, 1, k)).collect();
        let splitting: Vec<Bead> = (0..200)
            .map(|k| {
                if k % 3 == 0 {
                    bead(1, 2, k)
                } else {
                    bead(1, 1, k)
                }
            })
            .collect();
        let dearer = adapt_merge_prior(&base, &faithful, &tuning).merge;
        let cheaper = adapt_merge_prior(&base, &splitting, &tuning).merge;
        assert!(
            cheaper < base.merge && base.merge < dearer,
            "{cheaper} {dearer}"
        );
        assert!(dearer - base.merge <= MAX_MERGE_SHIFT);
        let fixed = Tuning {
            merge_adaptation: 0.0,
            ..tuning
        };
        assert_eq!(
            adapt_merge_prior(&base, &splitting, &fixed).merge,
            base.merge
        );
    }
}
