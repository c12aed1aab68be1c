//! Glossary lookup speed on a 10,000-concept glossary, start-up included.
//!
//! Builds a synthetic glossary of 10,000 concepts (about 90,000 terms of pseudo-words, so
//! that the typo search has many near neighbours), writes it as our tab-separated table,
//! as CSV and as TBX 2008, then times whole `wirealign glossary lookup … --glossary FILE`
//! processes (the release binary: reading the file, merging over the built-in glossary,
//! searching, printing) and the library steps one by one.
//!
//! Every file is read in full by the first lookup, which keeps an index of it in the cache
//! (see `glossary::cache`); the bench gives that first lookup on its own, then the cached
//! ones. The cache is a temporary folder, and the files are left to settle first.
//! Run: `cargo bench --bench glossary`. Target: under 20 ms per lookup process.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};
use wirealign::glossary::{Concept, Domain, Format, Glossary, LookupCache, Terms};

const CONCEPTS: usize = 10_000;
const RUNS: usize = 21;

/// A deterministic generator, so that every run times the same glossary.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }

    fn word(&mut self) -> String {
        const SYLLABLES: [&str; 24] = [
            "ba", "ko", "ra", "mé", "li", "du", "sa", "to", "gou", "na", "fé", "ri", "ma", "tchi",
            "wa", "lo", "dé", "si", "ka", "zou", "né", "pa", "yé", "bou",
        ];
        let len = 2 + self.next(3);
        (0..len)
            .map(|_| SYLLABLES[self.next(SYLLABLES.len())])
            .collect()
    }

    fn phrase(&mut self, words: usize) -> String {
        (0..words)
            .map(|_| self.word())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

fn acronym(phrase: &str) -> String {
    phrase
        .split(' ')
        .filter_map(|w| w.chars().next())
        .collect::<String>()
        .to_uppercase()
}

fn synthetic_glossary() -> Glossary {
    let mut rng = Lcg(42);
    let concepts = (0..CONCEPTS)
        .map(|i| {
            let fr_words = 2 + rng.next(4);
            let fr = rng.phrase(fr_words);
            let en_words = 2 + rng.next(4);
            let en = rng.phrase(en_words);
            let mut concept = Concept::new(format!("c{i}"), fr.clone(), en.clone());
            concept.domain = Domain::ALL[i % Domain::ALL.len()];
            concept.fr = Terms {
                acronym: Some(format!("{}{i}", acronym(&fr))),
                variants: vec![rng.phrase(2), rng.word()],
                preferred: fr,
            };
            concept.en = Terms {
                acronym: Some(format!("{}{i}", acronym(&en))),
                variants: vec![rng.phrase(3), rng.word()],
                preferred: en,
            };
            concept.en_avoid = vec![rng.phrase(2)];
            concept.definition = rng.phrase(12);
            concept.note = rng.phrase(10);
            concept.source = "synthetic".into();
            concept
        })
        .collect();
    Glossary::from_concepts(concepts).expect("synthetic concepts are valid")
}

fn stats(mut times: Vec<Duration>) -> String {
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let at = |share: f64| ((times.len() as f64 * share).ceil() as usize).clamp(1, times.len()) - 1;
    format!(
        "median {:6.2} ms  p90 {:6.2} ms  p95 {:6.2} ms  max {:6.2} ms",
        ms(times[times.len() / 2]),
        ms(times[at(0.90)]),
        ms(times[at(0.95)]),
        ms(times[times.len() - 1])
    )
}

/// CPU time (user + system) used so far by this process's finished children, from
/// /proc/self/stat (fields 16 and 17, in USER_HZ ticks of 10 ms); `None` off Linux.
fn children_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after_name = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = after_name.split(' ').collect();
    // after_name starts at field 3 (state); cutime is field 16, cstime field 17.
    let ticks: u64 = fields.get(13)?.parse::<u64>().ok()? + fields.get(14)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

fn time_process(
    binary: &str,
    args: &[&str],
    cache: &Path,
    runs: usize,
) -> (Vec<Duration>, Option<Duration>, String) {
    let mut times = Vec::with_capacity(runs);
    let mut first_line = String::new();
    let cpu_before = children_cpu();
    for _ in 0..runs {
        let start = Instant::now();
        let out = Command::new(binary)
            .args(args)
            .env("WIREALIGN_CACHE_DIR", cache)
            .output()
            .expect("wirealign runs");
        times.push(start.elapsed());
        assert!(
            out.status.code().is_some_and(|c| c <= 1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        first_line = String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .unwrap_or("(no match)")
            .to_string();
    }
    let cpu = cpu_before
        .zip(children_cpu())
        .map(|(before, after)| (after - before) / runs as u32);
    (times, cpu, first_line)
}

fn cpu_text(cpu: Option<Duration>) -> String {
    cpu.map_or_else(
        || "cpu ?".to_string(),
        |d| format!("cpu {:5.1} ms", d.as_secs_f64() * 1000.0),
    )
}

fn main() {
    let binary = env!("CARGO_BIN_EXE_wirealign");
    let dir = tempfile::tempdir().expect("temporary folder");
    // GLOSSARY_BENCH_DIR keeps the synthetic files, to time them by hand.
    let dir_path = std::env::var_os("GLOSSARY_BENCH_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().to_path_buf());
    let glossary = synthetic_glossary();
    let terms: usize = glossary.iter().map(|c| c.terms().count()).sum();
    let table = dir_path.join("synthetic.tsv");
    let csv = dir_path.join("synthetic.csv");
    let tbx = dir_path.join("synthetic.tbx");
    let written = Instant::now();
    std::fs::write(&table, glossary.to_format(Format::Table)).unwrap();
    std::fs::write(&csv, glossary.to_format(Format::Csv)).unwrap();
    std::fs::write(&tbx, glossary.to_format(Format::Tbx)).unwrap();
    let cache = dir.path().join("cache");
    let size = |p: &Path| std::fs::metadata(p).unwrap().len() as f64 / 1e6;
    println!(
        "synthetic glossary: {} concepts, {terms} terms; table {:.1} MB, CSV {:.1} MB, TBX {:.1} MB",
        glossary.len(),
        size(&table),
        size(&csv),
        size(&tbx)
    );

    let sample = &glossary.concepts()[4321];
    let exact = sample.en.acronym.clone().unwrap();
    let folded = sample.fr.preferred.to_uppercase();
    let mut typo_word = sample.fr.preferred.split(' ').next().unwrap().to_string();
    typo_word.remove(1);
    let mut typo_phrase = sample.en.preferred.clone();
    typo_phrase.insert(3, 'x');
    let queries: [(&str, &str); 6] = [
        ("acronym, exact", &exact),
        ("phrase, upper-cased", &folded),
        ("one word, one letter dropped", &typo_word),
        ("phrase, one letter added", &typo_phrase),
        ("built-in term", "Wagnr"),
        ("no match", "qqqqqqqqqqqq"),
    ];

    println!("\nlibrary steps (10,000 concepts, in process)");
    let start = Instant::now();
    let loaded = Glossary::with_user_files(std::slice::from_ref(&table)).unwrap();
    println!(
        "  load table + merge over built-in   {:7.2} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
    let start = Instant::now();
    let _ = Glossary::load(&tbx).unwrap();
    println!(
        "  load TBX                           {:7.2} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
    for (label, file) in [("table", &table), ("CSV", &csv)] {
        let start = Instant::now();
        let paths = std::slice::from_ref(file);
        let found = Glossary::with_user_files_for_query(paths, &typo_word, None).unwrap();
        println!(
            "  one-off load for one query, {label:<5}  {:7.2} ms ({} concepts kept)",
            start.elapsed().as_secs_f64() * 1e3,
            found.len()
        );
    }
    let start = Instant::now();
    let index = loaded.index();
    println!(
        "  build index                        {:7.2} ms",
        start.elapsed().as_secs_f64() * 1e3
    );
    for (label, query) in queries {
        let start = Instant::now();
        let rounds = 10;
        for _ in 0..rounds {
            std::hint::black_box(loaded.lookup(query, 5));
        }
        let per = start.elapsed().as_secs_f64() * 1e3 / rounds as f64;
        println!("  scan (no index): {label:<18} {per:7.3} ms");
    }
    for (label, query) in queries {
        let start = Instant::now();
        let rounds = 50;
        for _ in 0..rounds {
            std::hint::black_box(index.lookup(query, 5));
        }
        let per = start.elapsed().as_secs_f64() * 1e3 / rounds as f64;
        println!("  index lookup: {label:<21} {per:7.3} ms");
    }

    if std::env::var_os("GLOSSARY_BENCH_LIBRARY_ONLY").is_some() {
        return;
    }
    // Files younger than this are not cached (their times may not yet tell a rewrite).
    std::thread::sleep(
        (LookupCache::SETTLE + Duration::from_millis(100)).saturating_sub(written.elapsed()),
    );
    println!("\nwhole process: wirealign glossary lookup QUERY --glossary FILE ({RUNS} runs each)");
    println!("machine load: {}", load_average());
    let (times, cpu, _) = time_process(binary, &["glossary", "lookup", "JNIM"], &cache, RUNS);
    println!(
        "  {:<30} built-in only           {}  {}",
        "start-up baseline",
        stats(times),
        cpu_text(cpu)
    );
    for (file_label, file) in [("table", &table), ("CSV", &csv), ("TBX", &tbx)] {
        let path = file.to_str().unwrap();
        let args = |query| {
            [
                "glossary",
                "lookup",
                query,
                "--glossary",
                path,
                "--limit",
                "5",
            ]
        };
        if file_label == "table" {
            // Without a cache (or before a file settles) our table is scanned.
            let no_cache = Path::new("");
            for (label, query) in &queries[..3] {
                let (times, cpu, _) = time_process(binary, &args(query), no_cache, RUNS);
                println!(
                    "  {:<30} {file_label:<6} {:<16} {}  {}",
                    format!("no cache: {label}"),
                    short(query),
                    stats(times),
                    cpu_text(cpu)
                );
            }
        }
        let (times, cpu, _) = time_process(binary, &args("cold"), &cache, 1);
        println!(
            "  {:<30} {file_label:<6} {:<16} {}  {}",
            "first lookup: read, index",
            "(any query)",
            stats(times),
            cpu_text(cpu)
        );
        for (label, query) in queries {
            let (times, cpu, first) = time_process(binary, &args(query), &cache, RUNS);
            println!(
                "  {label:<30} {file_label:<6} {:<16} {}  {}  → {}",
                short(query),
                stats(times),
                cpu_text(cpu),
                short(&first)
            );
        }
    }
}

/// The 1, 5 and 15-minute load averages: timings on a shared machine need them.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split(' ').take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".to_string())
}

fn short(text: &str) -> String {
    let cut: String = text.chars().take(40).collect();
    if cut.len() < text.len() {
        format!("{cut}…")
    } else {
        cut
    }
}
