//! `wirealign check SOURCE TARGET`: exit codes, the three formats, byte offsets into the
//! files as given, refusal of swapped languages.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::PathBuf;

/// A short dispatch with one wrong age, in UTF-8 with a BOM and CRLF line ends so that
/// offsets into the file differ from offsets into the decoded text.
const FR: &str = "\u{feff}Les autorités de transition ont annoncé mercredi la dissolution des partis politiques.\r\n\
Le général de 37 ans a été nommé Premier ministre par la junte à Bamako.\r\n\
Cette décision a suscité de vives critiques dans la capitale malienne.\r\n";
const EN: &str = "\u{feff}The transitional authorities announced on Wednesday the dissolution of political parties.\r\n\
The 38-year-old general was appointed prime minister by the junta in Bamako.\r\n\
The decision drew sharp criticism in the Malian capital.\r\n";
const EN_GOOD: &str =
    "The transitional authorities announced on Wednesday the dissolution of political parties.\n\
The 37-year-old general was appointed prime minister by the junta in Bamako.\n\
The decision drew sharp criticism in the Malian capital.\n";

fn wirealign() -> Command {
    Command::cargo_bin("wirealign").unwrap()
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text.as_bytes()).unwrap();
    path
}

fn json(dir: &tempfile::TempDir, fr: &PathBuf, en: &PathBuf) -> serde_json::Value {
    let output = wirealign()
        .args(["check", "--format", "json", "--fail-on", "never"])
        .arg(fr)
        .arg(en)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let _ = dir;
    serde_json::from_slice(&output.stdout).expect("check --format json prints JSON")
}

#[test]
fn a_wrong_figure_is_an_error_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let fr = write(&dir, "fr.txt", FR);
    let en = write(&dir, "en.txt", EN);
    wirealign()
        .arg("check")
        .arg(&fr)
        .arg(&en)
        .env("NO_COLOR", "1")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("number.mismatch"))
        .stdout(predicate::str::contains("« 37 »"))
        .stdout(predicate::str::contains("\x1b[").not());
}

#[test]
fn a_good_translation_exits_0() {
    let dir = tempfile::tempdir().unwrap();
    let fr = write(&dir, "fr.txt", FR);
    let en = write(&dir, "en.txt", EN_GOOD);
    wirealign().arg("check").arg(&fr).arg(&en).assert().code(0);
}

#[test]
fn fail_on_never_exits_0_and_fail_on_warning_counts_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let fr = write(&dir, "fr.txt", FR);
    let en = write(&dir, "en.txt", EN);
    wirealign()
        .args(["check", "--fail-on", "never"])
        .arg(&fr)
        .arg(&en)
        .assert()
        .code(0);
    wirealign()
        .args(["check", "--fail-on", "warning"])
        .arg(&fr)
        .arg(&en)
        .assert()
        .code(1);
}

#[test]
fn json_follows_schema_v1_with_offsets_into_the_files_as_given() {
    let dir = tempfile::tempdir().unwrap();
    let fr = write(&dir, "fr.txt", FR);
    let en = write(&dir, "en.txt", EN);
    let report = json(&dir, &fr, &en);
    assert_eq!(report["version"], 1);
    assert_eq!(report["source"]["lang"], "fr");
    assert_eq!(report["target"]["lang"], "en");
    assert_eq!(report["source"]["segments"], 3);
    let alignment = report["alignment"].as_array().unwrap();
    assert_eq!(alignment.len(), 3);
    assert!(alignment[0]["source"].is_array() && alignment[0]["score"].is_number());
    let findings = report["findings"].as_array().unwrap();
    let mismatch = findings
        .iter()
        .find(|f| f["rule"] == "number.mismatch")
        .expect("the age is reported");
    assert_eq!(mismatch["category"], "number");
    assert_eq!(mismatch["severity"], "error");
    for (side, text) in [("source", FR), ("target", EN)] {
        let span = &mismatch[side];
        let (start, end) = (
            span["start"].as_u64().unwrap() as usize,
            span["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            &text.as_bytes()[start..end],
            span["text"].as_str().unwrap().as_bytes()
        );
        assert_eq!(span["segment"], 1);
    }
    for key in [
        "rule",
        "category",
        "severity",
        "source",
        "target",
        "message",
        "suggestion",
    ] {
        assert!(mismatch.get(key).is_some(), "finding lacks {key}");
    }
}

#[test]
fn html_is_a_self_contained_page_with_highlights() {
    let dir = tempfile::tempdir().unwrap();
    let fr = write(&dir, "fr.txt", FR);
    let en = write(&dir, "en.txt", EN);
    let out = dir.path().join("report.html");
    wirealign()
        .args(["check", "--format", "html", "--fail-on", "never", "-o"])
        .arg(&out)
        .arg(&fr)
        .arg(&en)
        .assert()
        .code(0)
        .stdout(predicate::str::is_empty());
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<mark class=\"error\">38</mark>"));
    assert!(!page.contains("http://") && !page.contains("https://"));
}

#[test]
fn swapped_languages_are_refused_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let fr = write(&dir, "fr.txt", FR);
    let en = write(&dir, "en.txt", EN);
    wirealign()
        .arg("check")
        .arg(&en)
        .arg(&fr)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("en.txt"))
        .stderr(predicate::str::contains("swap"));
}

#[test]
fn missing_input_exits_2_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let fr = write(&dir, "fr.txt", FR);
    wirealign()
        .arg("check")
        .arg(&fr)
        .arg(dir.path().join("nowhere.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nowhere.txt"));
}

fn memory(path: &std::path::Path) -> wirealign::tmx::Memory {
    wirealign::tmx::read_path(path, &wirealign::tmx::ReadOptions::default()).expect("TMX reads")
}

fn findings_prop(unit: &wirealign::tmx::TranslationUnit) -> Option<&str> {
    unit.props
        .iter()
        .find(|p| p.kind == "x-findings")
        .map(|p| p.value.as_str())
}

#[test]
fn tmx_output_carries_the_findings_and_can_leave_flagged_units_out() {
    let dir = tempfile::tempdir().unwrap();
    let fr = write(&dir, "fr.txt", FR);
    let en = write(&dir, "en.txt", EN);
    let all = dir.path().join("all.tmx");
    let clean = dir.path().join("clean.tmx");
    wirealign()
        .args(["check", "--fail-on", "never", "--tmx"])
        .arg(&all)
        .arg(&fr)
        .arg(&en)
        .assert()
        .success();
    let all = memory(&all);
    assert_eq!(all.units.len(), 3);
    let flagged: Vec<&str> = all.units.iter().filter_map(findings_prop).collect();
    assert!(
        flagged.iter().any(|rules| rules.contains("number.")),
        "{flagged:?}"
    );

    wirealign()
        .args([
            "check",
            "--fail-on",
            "never",
            "--tmx-skip",
            "error",
            "--tmx",
        ])
        .arg(&clean)
        .arg(&fr)
        .arg(&en)
        .assert()
        .success()
        .stderr(predicate::str::contains("1 links left out"));
    let clean = memory(&clean);
    assert_eq!(clean.units.len(), 2);
    assert!(clean
        .units
        .iter()
        .all(|u| u.variants.iter().all(|v| !v.text.contains("38"))));
}
