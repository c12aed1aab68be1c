//! Speed of `check` after alignment: segment pairs per second on the WMT14 French-original
//! file (1,500 presplit pairs), every family included. Target: ≥ 20,000 pairs/s in release.
//!
//! Run with `cargo bench --bench check`. Prints the figure; skips when ../shared is absent.

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

    // Warm up lazily built lexicons.
    let findings = check_documents(
        &fr_doc,
        &en_doc,
        &fr_segments,
        &en_segments,
        &alignment,
        &checker,
    );
    let rounds = 10;
    let start = Instant::now();
    let mut total = 0;
    for _ in 0..rounds {
        total += check_documents(
            &fr_doc,
            &en_doc,
            &fr_segments,
            &en_segments,
            &alignment,
            &checker,
        )
        .len();
    }
    let seconds = start.elapsed().as_secs_f64();
    let pairs = alignment.links.len() * rounds;
    println!(
        "check: {} links × {rounds} rounds in {seconds:.3} s = {:.0} pairs/s ({} findings per round, {total} in all)",
        alignment.links.len(),
        pairs as f64 / seconds,
        findings.len()
    );
}
