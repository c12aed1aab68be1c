//! The glossary as exported in every format is accepted by real third-party readers
//! (../shared/tools/check_tbx.sh: xmllint and jing against the TBX schemas,
//! translate-toolkit, OmegaT 3.6's glossary readers), and a deliberately broken export is
//! rejected, so the check can fail. Readers that are not installed are reported MISSING
//! and tolerated (ALLOW_MISSING=1); the test is skipped when ../shared is absent and fails
//! then under WIREALIGN_REQUIRE_SHARED.

mod common;

use std::path::Path;
use std::process::Command;
use wirealign::glossary::{Format, Glossary};

fn check_tbx(script: &Path, file: &Path) -> (bool, String) {
    let out = Command::new("bash")
        .arg(script)
        .arg(file)
        .env("ALLOW_MISSING", "1")
        .output()
        .expect("bash runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn exported_glossaries_pass_the_third_party_readers() {
    let Some(script) = common::shared("tools/check_tbx.sh") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let glossary = Glossary::builtin();
    // OmegaT 3.6 reads tab-separated glossaries named .txt, .utf8 or .tab (not .tsv).
    let exports = [
        (Format::Tbx, "sahel.tbx"),
        (Format::Tbx3, "sahel-v3.tbx"),
        (Format::OmegatTsv, "sahel.txt"),
        (Format::Csv, "sahel.csv"),
    ];
    let mut failures = Vec::new();
    for (format, name) in exports {
        let path = dir.path().join(name);
        std::fs::write(&path, glossary.to_format(format)).unwrap();
        let (ok, report) = check_tbx(&script, &path);
        eprintln!("{report}");
        if !ok {
            failures.push(format!("{format:?}:\n{report}"));
        }
    }
    assert!(failures.is_empty(), "rejected:\n{}", failures.join("\n"));
}

#[test]
fn a_broken_export_is_rejected() {
    let Some(script) = common::shared("tools/check_tbx.sh") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // A langSet without its language: every TBX reader and schema needs xml:lang.
    let broken = Glossary::builtin().to_format(Format::Tbx).replacen(
        "<langSet xml:lang=\"en\">",
        "<langSet>",
        1,
    );
    let path = dir.path().join("broken.tbx");
    std::fs::write(&path, broken).unwrap();
    let (ok, report) = check_tbx(&script, &path);
    let all_missing = !report.contains("ok ") && report.contains("MISSING");
    assert!(
        !ok || all_missing,
        "a TBX without xml:lang passed:\n{report}"
    );
}
