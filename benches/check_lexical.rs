//! Throughput of the lexical checks on the WMT newstest2014 French-original pairs
//! (1,500 one-line pairs, presplit): build once, then check every pair several times.
//! Run with `cargo bench --bench check_lexical`. Target of the whole `check`: ≥ 20,000
//! pairs per second.

use std::path::PathBuf;
use std::time::Instant;
use wirealign::check::lexical::LexicalChecks;
use wirealign::check::{Pair, Side};
use wirealign::text::{read_document, segment_document, SegmentOptions};

fn shared(relative: &str) -> Option<PathBuf> {
    let root = std::env::var_os("WIREALIGN_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    Some(root.join(relative)).filter(|p| p.exists())
}

fn main() {
    let (Some(fr_path), Some(en_path)) = (
        shared("data/wmt14-newstest-fren/origfr.fr"),
        shared("data/wmt14-newstest-fren/origfr.en"),
    ) else {
        eprintln!("skipping: ../shared/data/wmt14-newstest-fren not found");
        return;
    };
    let started = Instant::now();
    let checks = LexicalChecks::builtin();
    println!(
        "build lexicons and automata: {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );

    let fr = read_document(&fr_path).unwrap();
    let en = read_document(&en_path).unwrap();
    let presplit = |lang: &str| SegmentOptions {
        lang: lang.to_string(),
        presplit: true,
        ..Default::default()
    };
    let fr_segments = segment_document(&fr, &presplit("fr"));
    let en_segments = segment_document(&en, &presplit("en"));
    let pairs: Vec<Pair> = fr_segments
        .iter()
        .zip(&en_segments)
        .map(|(s, t)| Pair {
            source: Side::new(&fr, vec![s], "fr"),
            target: Side::new(&en, vec![t], "en"),
            score: 1.0,
        })
        .collect();

    let rounds = 20;
    let cpu_before = cpu_ns();
    let started = Instant::now();
    let mut findings = 0;
    for _ in 0..rounds {
        for pair in &pairs {
            findings += checks.check(pair).len();
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let checked = rounds * pairs.len();
    println!(
        "lexical checks: {checked} pairs in {seconds:.3} s wall = {:.0} pairs/s ({} findings per round)",
        checked as f64 / seconds,
        findings / rounds
    );
    // On a shared machine wall time overstates the cost; time on CPU does not.
    if let (Some(before), Some(after)) = (cpu_before, cpu_ns()) {
        let cpu = (after - before) as f64 / 1e9;
        println!(
            "on CPU: {cpu:.3} s = {:.0} pairs/s per core",
            checked as f64 / cpu
        );
    }
}

/// Nanoseconds this process spent on a CPU (Linux), if known.
fn cpu_ns() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok()
}
