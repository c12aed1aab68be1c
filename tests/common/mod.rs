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
