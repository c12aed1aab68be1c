//! `wirealign tmx build|merge|stats|validate` from the outside.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn wirealign() -> Command {
    let mut cmd = Command::cargo_bin("wirealign").unwrap();
    cmd.env_remove("SOURCE_DATE_EPOCH");
    cmd
}

fn corpus(dir: &Path) {
    for (slug, fr, en) in [
        (
            "a",
            "Le convoi a été attaqué. Trois soldats sont morts.",
            "The convoy was attacked. Three soldiers died.",
        ),
        ("b", "L'armée dément.", "The army denies it."),
    ] {
        std::fs::create_dir_all(dir.join(slug)).unwrap();
        std::fs::write(dir.join(slug).join("fr.txt"), fr).unwrap();
        std::fs::write(dir.join(slug).join("en.txt"), en).unwrap();
    }
}

#[test]
fn build_writes_a_valid_reproducible_memory() {
    let dir = tempfile::tempdir().unwrap();
    corpus(&dir.path().join("corpora"));
    let out = dir.path().join("out.tmx");
    wirealign()
        .args(["tmx", "build"])
        .arg(dir.path().join("corpora"))
        .arg("-o")
        .arg(&out)
        .args(["--date", "20250102T030405Z"])
        .assert()
        .success();
    let first = std::fs::read_to_string(&out).unwrap();
    assert!(first.contains("creationdate=\"20250102T030405Z\""));
    assert!(first.contains("<prop type=\"x-document\">b</prop>"));
    wirealign()
        .args(["tmx", "validate"])
        .arg(&out)
        .assert()
        .success()
        .stdout(predicate::str::ends_with(": ok\n"));
    // SOURCE_DATE_EPOCH gives the same file as the equivalent --date.
    let second = wirealign()
        .env("SOURCE_DATE_EPOCH", "1735787045")
        .args(["tmx", "build"])
        .arg(dir.path().join("corpora"))
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(second.stdout).unwrap(), first);
}

#[test]
fn merge_dedupes_and_stats_count() {
    let dir = tempfile::tempdir().unwrap();
    corpus(&dir.path().join("corpora"));
    let a = dir.path().join("a.tmx");
    wirealign()
        .args(["tmx", "build"])
        .arg(dir.path().join("corpora"))
        .arg("-o")
        .arg(&a)
        .assert()
        .success();
    let merged = dir.path().join("merged.tmx");
    wirealign()
        .args(["tmx", "merge"])
        .arg(&a)
        .arg(&a)
        .arg("-o")
        .arg(&merged)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "duplicate(s) folded into the copy kept",
        ));
    let stats = wirealign()
        .args(["tmx", "stats", "--format", "json"])
        .arg(&a)
        .arg(&merged)
        .output()
        .unwrap();
    let value: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(value[0]["units"], value[1]["units"]);
    assert_eq!(value[1]["duplicates"], 0);
}

#[test]
fn malformed_memory_is_refused_with_its_location() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.tmx");
    std::fs::write(&bad, "<tmx version=\"1.4\"><header srclang=\"fr\"/><body>\n<tu><tuv xml:lang=\"fr\"><seg>a & b</seg></tuv></tu></body></tmx>").unwrap();
    wirealign()
        .args(["tmx", "stats"])
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.tmx:2:"));
    wirealign()
        .args(["tmx", "validate"])
        .arg(&bad)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("not well-formed"));
    wirealign()
        .args(["tmx", "stats"])
        .arg(dir.path().join("missing.tmx"))
        .assert()
        .code(2);
}

#[test]
fn merge_refuses_mixed_source_languages() {
    let dir = tempfile::tempdir().unwrap();
    let fr = dir.path().join("fr.tmx");
    let en = dir.path().join("en.tmx");
    for (path, lang) in [(&fr, "fr"), (&en, "en")] {
        std::fs::write(
            path,
            format!("<tmx version=\"1.4\"><header srclang=\"{lang}\"/><body/></tmx>"),
        )
        .unwrap();
    }
    wirealign()
        .args(["tmx", "merge"])
        .arg(&fr)
        .arg(&en)
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("en.tmx").and(predicate::str::contains("refusing to mix")),
        );
}

#[test]
fn align_writes_tmx() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path());
    let out = dir.path().join("a.tmx");
    wirealign()
        .env("SOURCE_DATE_EPOCH", "0")
        .arg("align")
        .arg(dir.path().join("a/fr.txt"))
        .arg(dir.path().join("a/en.txt"))
        .args(["--from", "fr", "--to", "en", "--format", "tmx", "-o"])
        .arg(&out)
        .assert()
        .success();
    let bytes = std::fs::read(&out).unwrap();
    assert!(wirealign::tmx::validate_bytes(&out, &bytes).is_empty());
    let memory = wirealign::tmx::read_bytes(&out, &bytes, &Default::default()).unwrap();
    assert_eq!(
        memory.header.creationdate.as_deref(),
        Some("19700101T000000Z")
    );
    let pairs: Vec<(&str, &str)> = memory
        .units
        .iter()
        .map(|u| (u.variants[0].text.as_str(), u.variants[1].text.as_str()))
        .collect();
    assert_eq!(
        pairs,
        [
            ("Le convoi a été attaqué.", "The convoy was attacked."),
            ("Trois soldats sont morts.", "Three soldiers died.")
        ]
    );
}
