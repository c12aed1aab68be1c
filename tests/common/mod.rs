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
