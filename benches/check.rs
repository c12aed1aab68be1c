//! Speed of `check` after alignment: segment pairs per second on the WMT14 French-original
//! file (1,500 presplit pairs), every family included. Target: ≥ 20,000 pairs/s in release.
//!
//! Run with `cargo bench --bench check`. Prints the median and best of 15 rounds; skips
//! when ../shared is absent. Uses the allocator the `wirealign` binary uses.

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::path::PathBuf;
use std::time::Instant;
use wirealign::align::{align, AlignOptions};
use wirealign::check::{check_documents, Checker};
use wirealign::text::{read_document, segment_document, SegmentOptions};

fn shared(relative: &str) -> Option<PathBuf> {
    let root = std::env::var_os("WIREALIGN_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let path = root.join(relative);
    path.exists().then_some(path)
}

fn main() {
    let (Some(fr), Some(en)) = (
        shared("data/wmt14-newstest-fren/origfr.fr"),
        shared("data/wmt14-newstest-fren/origfr.en"),
    ) else {
        eprintln!("skipping: ../shared/data/wmt14-newstest-fren not found");
        return;
    };
    let fr_doc = read_document(&fr).expect("WMT French reads");
    let en_doc = read_document(&en).expect("WMT English reads");
    let options = |lang: &str| SegmentOptions {
        lang: lang.to_string(),
        presplit: true,
        ..Default::default()
    };
    let fr_segments = segment_document(&fr_doc, &options("fr"));
    let en_segments = segment_document(&en_doc, &options("en"));
    let fr_texts: Vec<&str> = fr_segments.iter().map(|s| s.text.as_str()).collect();
    let en_texts: Vec<&str> = en_segments.iter().map(|s| s.text.as_str()).collect();
    let alignment = align(&fr_texts, &en_texts, &AlignOptions::default());
    let checker = Checker::builtin();

    let run = || {
        check_documents(
            &fr_doc,
            &en_doc,
            &fr_segments,
            &en_segments,
            &alignment,
            &checker,
        )
    };
    // Warm up lazily built lexicons.
    let findings = run();
    // A shared, noisy machine: time each round and report the median and the best, the
    // round least disturbed by other work.
    let rounds = 15;
    let mut seconds: Vec<f64> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            let found = run();
            assert_eq!(found.len(), findings.len(), "every round finds the same");
            start.elapsed().as_secs_f64()
        })
        .collect();
    seconds.sort_by(f64::total_cmp);
    let rate = |s: f64| alignment.links.len() as f64 / s;
    println!(
        "check: {} links, {rounds} rounds: median {:.0} pairs/s, best {:.0} pairs/s ({} findings per round)",
        alignment.links.len(),
        rate(seconds[rounds / 2]),
        rate(seconds[0]),
        findings.len()
    );
}
