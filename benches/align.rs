//! Alignment speed and memory: the Text+Berg dev+test files (German → French, presplit)
//! repeated to 10k, 100k, 200k and 1M sentences per side as one document, plus a batch of
//! 200k sentences in Text+Berg-sized documents. Each size runs in a child process so the
//! peak resident memory (VmHWM) is its own.
//!
//! `cargo bench --bench align` (sizes can be chosen with `WIREALIGN_BENCH_SIZES=10000,200000`).

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;
use wirealign::align::{AlignOptions, Aligner, DocPair};

const CHILD: &str = "WIREALIGN_BENCH_CHILD";

fn shared_dir() -> Option<PathBuf> {
    let root = std::env::var_os("WIREALIGN_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let dir = root.join("data/text-berg");
    dir.exists().then_some(dir)
}

/// The dev and test documents as (German lines, French lines).
fn documents(dir: &std::path::Path) -> Vec<(Vec<String>, Vec<String>)> {
    let read = |name: String| -> Vec<String> {
        std::fs::read_to_string(dir.join(&name))
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .lines()
            .map(str::to_string)
            .collect()
    };
    std::iter::once("dev".to_string())
        .chain((0..7).map(|k| format!("test{k}")))
        .map(|n| (read(format!("{n}.de")), read(format!("{n}.fr"))))
        .collect()
}

/// Peak resident set of this process in MB.
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// CPU time (user + system) of this process in seconds, from /proc/self/stat.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which is in parentheses): utime and stime are 14 and 15.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |k: usize| {
        fields
            .get(k)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

/// Runs one measurement in this (child) process and prints one line.
fn measure(spec: &str, dir: &std::path::Path) {
    let docs = documents(dir);
    let (batch, size) = match spec.strip_prefix("batch:") {
        Some(n) => (true, n.parse::<usize>().expect("size")),
        None => (false, spec.parse::<usize>().expect("size")),
    };
    let mut src: Vec<String> = Vec::new();
    let mut tgt: Vec<String> = Vec::new();
    let mut pairs: Vec<(usize, usize, usize, usize)> = Vec::new();
    'fill: loop {
        for (de, fr) in &docs {
            if src.len() >= size {
                break 'fill;
            }
            pairs.push((
                src.len(),
                src.len() + de.len(),
                tgt.len(),
                tgt.len() + fr.len(),
            ));
            src.extend(de.iter().cloned());
            tgt.extend(fr.iter().cloned());
        }
    }
    // What `wirealign align` does on a German–French pair: the built-in dictionary included.
    // What `wirealign align` does on a German–French pair: the built-in dictionary included.
    let aligner = Aligner::new(AlignOptions::default()).with_builtin_dictionary("de", "fr");
    let start = Instant::now();
    let cpu_start = cpu_seconds();
    let (links, label) = if batch {
        let docs: Vec<DocPair> = pairs
            .iter()
            .map(|&(s0, s1, t0, t1)| DocPair {
                source: src[s0..s1].iter().map(String::as_str).collect(),
                target: tgt[t0..t1].iter().map(String::as_str).collect(),
                ..DocPair::default()
            })
            .collect();
        let n = docs.len();
        let out = aligner.align_documents(&docs, &|| ());
        (
            out.iter().map(|a| a.links.len()).sum::<usize>(),
            format!("batch of {n} documents"),
        )
    } else {
        src.truncate(size);
        tgt.truncate(size);
        let s: Vec<&str> = src.iter().map(String::as_str).collect();
        let t: Vec<&str> = tgt.iter().map(String::as_str).collect();
        (
            aligner.align(&s, &t).links.len(),
            "one document".to_string(),
        )
    };
    let seconds = start.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu_start;
    println!(
        "{:>9} × {:>9} sentences, {label:<24} wall {seconds:>7.2} s  cpu {cpu:>7.2} s  peak {:>7.1} MB  ({links} links)",
        src.len(),
        tgt.len(),
        peak_mb()
    );
}

fn main() {
    let Some(dir) = shared_dir() else {
        eprintln!("skipping: ../shared/data/text-berg not found");
        return;
    };
    if let Ok(spec) = std::env::var(CHILD) {
        measure(&spec, &dir);
        return;
    }
    let sizes = std::env::var("WIREALIGN_BENCH_SIZES")
        .unwrap_or_else(|_| "10000,100000,200000,1000000,batch:200000".to_string());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "align: Text+Berg dev+test repeated, presplit, {} threads, load average {}",
        rayon::current_num_threads(),
        load.split_whitespace().next().unwrap_or("?")
    );
    let exe = std::env::current_exe().expect("bench executable");
    for spec in sizes.split(',') {
        let status = Command::new(&exe)
            .env(CHILD, spec)
            .status()
            .expect("run child");
        if !status.success() {
            println!("{spec}: child failed ({status})");
        }
    }
}
