//! Shared helpers for integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// Name of the variable `.ci/run` sets so that evaluations on ../shared fail instead of skip.
pub const REQUIRE_SHARED: &str = "WIREALIGN_REQUIRE_SHARED";

/// Path of a file under `../shared/` (or `$WIREALIGN_SHARED`), or `None` with a message
/// when it is absent on this machine. Panics when `WIREALIGN_REQUIRE_SHARED` is set, so CI
/// never silently skips an evaluation.
pub fn shared(relative: &str) -> Option<PathBuf> {
    let root = std::env::var_os("WIREALIGN_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let path = root.join(relative);
    if path.exists() {
        return Some(path);
    }
    if std::env::var_os(REQUIRE_SHARED).is_some() {
        panic!("{} is missing and {REQUIRE_SHARED} is set", path.display());
    }
    eprintln!(
        "skipping: {} not found (evaluation data lives in ../shared)",
        path.display()
    );
    None
}

/// Path of a file in the repository.
pub fn repo(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Runs the lexical checks on one French–English sentence pair aligned 1-1 (each side
/// presplit: one segment per line).
pub fn lexical_findings(
    checks: &wirealign::check::lexical::LexicalChecks,
    fr: &str,
    en: &str,
) -> Vec<wirealign::check::Finding> {
    use wirealign::check::{Pair, Side};
    use wirealign::text::{segment_document, Document, SegmentOptions};
    let src = Document::from_text("fr.txt", fr);
    let tgt = Document::from_text("en.txt", en);
    let presplit = |lang: &str| SegmentOptions {
        lang: lang.to_string(),
        presplit: true,
        ..Default::default()
    };
    let (s, t) = (
        segment_document(&src, &presplit("fr")),
        segment_document(&tgt, &presplit("en")),
    );
    let pair = Pair {
        source: Side::new(&src, s.iter().collect(), "fr"),
        target: Side::new(&tgt, t.iter().collect(), "en"),
        score: 1.0,
    };
    checks.check(&pair)
}

/// How a rule does on a probe table (`id fr en verdict note`, tab-separated): `wrong` rows
/// it should flag, `ok` rows it should leave alone.
pub struct ProbeScore {
    pub found: usize,
    pub wrong: usize,
    pub missed: Vec<String>,
    pub false_alarms: Vec<String>,
}

/// Whether `rule` fires when `checker` checks the French and English passages as files.
pub fn rule_fires(checker: &wirealign::check::Checker, rule: &str, fr: &str, en: &str) -> bool {
    use wirealign::check::{check_files, ReadOptions};
    let dir = tempfile::tempdir().expect("temp dir");
    let (fr_path, en_path) = (dir.path().join("fr.txt"), dir.path().join("en.txt"));
    std::fs::write(&fr_path, fr).expect("write fr");
    std::fs::write(&en_path, en).expect("write en");
    check_files(&fr_path, &en_path, &ReadOptions::default(), checker)
        .expect("check runs")
        .findings
        .iter()
        .any(|f| f.rule == rule)
}

/// Scores `rule` on the probe table `tests/probes/<folder>/<file>` and prints the result.
pub fn score_probe_table(folder: &str, file: &str, rule: &str) -> ProbeScore {
    let path = repo("tests/probes").join(folder).join(file);
    let text = std::fs::read_to_string(&path).expect("probe file reads");
    let checker = wirealign::check::Checker::builtin();
    let mut score = ProbeScore {
        found: 0,
        wrong: 0,
        missed: Vec::new(),
        false_alarms: Vec::new(),
    };
    for row in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cells: Vec<&str> = row.split('\t').collect();
        let [id, fr, en, verdict, _note] = cells[..] else {
            panic!("{file}: five columns expected in {row:?}");
        };
        let fired = rule_fires(&checker, rule, fr, en);
        match verdict {
            "wrong" if fired => score.found += 1,
            "wrong" => score.missed.push(id.to_string()),
            "ok" if fired => score.false_alarms.push(id.to_string()),
            "ok" => {}
            other => panic!("{file}: unknown verdict {other:?}"),
        }
        score.wrong += usize::from(verdict == "wrong");
    }
    println!(
        "{folder}/{file}: {} of {} wrong rows found (missed {:?}), false alarms on correct rows: {:?}",
        score.found, score.wrong, score.missed, score.false_alarms
    );
    score
}

/// The level a probe table must keep: how many rows are wrong, how many of them at least
/// are found, and how many correct rows at most are flagged.
pub struct ProbeLevel {
    pub wrong: usize,
    pub found: usize,
    pub false_alarms: usize,
}

/// Scores `rule` on `tests/probes/<folder>/<file>` and asserts that it keeps `level`.
pub fn assert_probe_level(folder: &str, file: &str, rule: &str, level: ProbeLevel) {
    let score = score_probe_table(folder, file, rule);
    assert_eq!(score.wrong, level.wrong, "{folder}/{file}: wrong rows");
    assert!(
        score.found >= level.found,
        "{folder}/{file}: found {} of {}, floor {} (missed {:?})",
        score.found,
        score.wrong,
        level.found,
        score.missed
    );
    assert!(
        score.false_alarms.len() <= level.false_alarms,
        "{folder}/{file}: false alarms {:?}",
        score.false_alarms
    );
}
