//! TM search at scale: builds a 1,000,000-unit memory from the shared WMT 2014, DEMETR and
//! Text+Berg sentences (first half of one sentence + second half of another, so every unit is
//! a plausible, mostly distinct sentence), writes it with the TMX writer, then reports the
//! load time (read + index), per-query latency percentiles after load, and peak memory.
//!
//! `cargo bench --bench tm` (UNITS=200000 for a smaller run; QUERIES=300).

use std::path::{Path, PathBuf};
use std::time::Instant;
use wirealign::tm::{self, SearchOptions};
use wirealign::tmx::{self, Header, Memory, Prop, TranslationUnit, Variant};

fn shared() -> PathBuf {
    std::env::var_os("WIREALIGN_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

fn env_number(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// `<seg id="…">text</seg>` lines of a WMT SGML file.
fn sgm_segments(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let start = l.find('>')? + 1;
            let end = l.rfind("</seg>")?;
            l.starts_with("<seg").then(|| l[start..end].to_string())
        })
        .collect()
}

fn json_field(line: &str, field: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(line).ok()?;
    value[field].as_str().map(str::to_string)
}

/// French and English sentence pools.
fn pools(root: &Path) -> (Vec<String>, Vec<String>) {
    let data = root.join("data");
    let mut fr = sgm_segments(&data.join("wmt14-newstest-fren/newstest2014-fren-src.fr.sgm"));
    let mut en = sgm_segments(&data.join("wmt14-newstest-fren/newstest2014-fren-ref.en.sgm"));
    let demetr =
        std::fs::read_to_string(data.join("demetr-fr-en/demetr-french.jsonl")).unwrap_or_default();
    for line in demetr.lines() {
        fr.extend(json_field(line, "src_sent"));
        en.extend(json_field(line, "eng_sent"));
    }
    if let Ok(entries) = std::fs::read_dir(data.join("text-berg")) {
        for entry in entries.filter_map(|e| e.ok()) {
            if entry.path().extension().is_some_and(|e| e == "fr") {
                let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
                fr.extend(
                    text.lines()
                        .map(str::trim)
                        .filter(|l| l.split(' ').count() >= 4)
                        .map(str::to_string),
                );
            }
        }
    }
    fr.retain(|s| s.split_whitespace().count() >= 4);
    en.retain(|s| s.split_whitespace().count() >= 4);
    (fr, en)
}

fn halves(sentence: &str) -> (String, String) {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let middle = words.len() / 2;
    (words[..middle].join(" "), words[middle..].join(" "))
}

struct Rng(u64);
impl Rng {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % below
    }
}

fn recombined(pool: &[(String, String)], a: usize, b: usize) -> String {
    format!("{} {}", pool[a].0, pool[b].1)
}

fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

fn main() {
    let root = shared();
    let (fr, en) = pools(&root);
    if fr.is_empty() || en.is_empty() {
        eprintln!(
            "skipping: no sentences under {} (evaluation data lives in ../shared)",
            root.display()
        );
        return;
    }
    let units = env_number("UNITS", 1_000_000);
    let queries = env_number("QUERIES", 300);
    let fr: Vec<(String, String)> = fr.iter().map(|s| halves(s)).collect();
    let en: Vec<(String, String)> = en.iter().map(|s| halves(s)).collect();
    println!("pools: {} French, {} English sentences", fr.len(), en.len());

    // Written in chunks through the real writer, so generation never holds the whole memory.
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("bench.tmx");
    let started = Instant::now();
    let mut rng = Rng(42);
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path).expect("create"));
    let mut written = 0;
    let mut sources = Vec::new();
    while written < units {
        let chunk = (units - written).min(50_000);
        let memory = Memory {
            header: Header::wirealign("fr", "20250101T120000Z"),
            units: (0..chunk)
                .map(|i| {
                    let (a, b) = (rng.next(fr.len()), rng.next(fr.len()));
                    let source = recombined(&fr, a, b);
                    if sources.len() < queries {
                        sources.push(source.clone());
                    }
                    TranslationUnit {
                        creationdate: Some("20250101T120000Z".into()),
                        props: vec![Prop::new(
                            tmx::PROP_DOCUMENT,
                            format!("bench-{}", (written + i) / 25),
                        )],
                        variants: vec![
                            Variant::plain("fr", source),
                            Variant::plain("en", recombined(&en, a % en.len(), b % en.len())),
                        ],
                        ..Default::default()
                    }
                })
                .collect(),
        };
        let xml = tmx::write(&memory);
        let body = &xml[xml.find("<body>\n").unwrap() + 7..xml.rfind("  </body>").unwrap()];
        if written == 0 {
            let head = &xml[..xml.find("<body>\n").unwrap() + 7];
            std::io::Write::write_all(&mut out, head.as_bytes()).unwrap();
        }
        std::io::Write::write_all(&mut out, body.as_bytes()).unwrap();
        written += chunk;
    }
    std::io::Write::write_all(&mut out, b"  </body>\n</tmx>\n").unwrap();
    drop(out);
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "generated {units} units, {:.0} MB of TMX in {:.1} s (peak so far {:.0} MB)",
        size as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        peak_memory_mb().unwrap_or(f64::NAN)
    );
    // Reset the high-water mark so the figure below is the memory's own.
    let _ = std::fs::write("/proc/self/clear_refs", "5");

    let started = Instant::now();
    let bytes = std::fs::read(&path).expect("read back");
    let mut parsed = 0usize;
    tmx::read_units(&path, &bytes, &Default::default(), |_, _| {
        parsed += 1;
        Ok(())
    })
    .expect("the benchmark memory parses");
    drop(bytes);
    println!(
        "parse only (streaming reader, no index): {:.2} s for {parsed} units",
        started.elapsed().as_secs_f64()
    );
    let _ = std::fs::write("/proc/self/clear_refs", "5");

    let started = Instant::now();
    let memory = tm::load(std::slice::from_ref(&path)).expect("the benchmark memory loads");
    let load = started.elapsed().as_secs_f64();
    println!(
        "load (read + index): {load:.2} s for {} units",
        memory.len()
    );

    // Three kinds of query: a unit with one word changed, a unit unchanged, and a new
    // recombination that may or may not be close to something in the memory.
    let mut rng = Rng(7);
    let mut query_texts = Vec::new();
    for (i, source) in sources.iter().enumerate() {
        let text = match i % 3 {
            0 => {
                let mut words: Vec<String> =
                    source.split_whitespace().map(str::to_string).collect();
                let at = rng.next(words.len());
                words[at] = "remplacé".into();
                words.join(" ")
            }
            1 => source.clone(),
            _ => recombined(&fr, rng.next(fr.len()), rng.next(fr.len())),
        };
        query_texts.push(text);
    }
    let opts = SearchOptions::default();
    let mut latencies = Vec::new();
    let mut with_match = 0;
    for query in &query_texts {
        let started = Instant::now();
        let found = memory.search(query, &opts);
        latencies.push(started.elapsed().as_secs_f64() * 1000.0);
        with_match += usize::from(!found.is_empty());
    }
    latencies.sort_by(|a, b| a.total_cmp(b));
    println!(
        "query latency over {} queries (--min 70 --limit 5): p50 {:.2} ms, p95 {:.2} ms, p99 {:.2} ms, max {:.2} ms; {} with a match",
        latencies.len(),
        percentile(&latencies, 0.50),
        percentile(&latencies, 0.95),
        percentile(&latencies, 0.99),
        latencies.last().copied().unwrap_or(0.0),
        with_match
    );
    println!(
        "peak memory (VmHWM) while loading and searching: {:.0} MB",
        peak_memory_mb().unwrap_or(f64::NAN)
    );
}
