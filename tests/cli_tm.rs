//! `wirealign tm search` from the outside.

use assert_cmd::Command;
use predicates::prelude::*;

const MEMORY: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="fr-FR" datatype="plaintext"/>
  <body>
    <tu><tuv xml:lang="fr-FR"><seg>Le convoi a été attaqué près de Gao.</seg></tuv><tuv xml:lang="en-US"><seg>The convoy was attacked near Gao.</seg></tuv></tu>
    <tu><tuv xml:lang="fr-FR"><seg>Le convoi a été attaqué près de Kidal.</seg></tuv><tuv xml:lang="en-US"><seg>The convoy was attacked near Kidal.</seg></tuv></tu>
    <tu><tuv xml:lang="fr-FR"><seg>Rien à signaler.</seg></tuv><tuv xml:lang="en-US"><seg>Nothing to report.</seg></tuv></tu>
  </body>
</tmx>
"#;

fn memory() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.tmx");
    std::fs::write(&path, MEMORY).unwrap();
    (dir, path)
}

#[test]
fn json_lists_exact_then_fuzzy_matches() {
    let (_dir, path) = memory();
    let output = Command::cargo_bin("wirealign")
        .unwrap()
        .args([
            "tm",
            "search",
            "Le convoi a été attaqué près de Gao.",
            "--format",
            "json",
            "--tmx",
        ])
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success());
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let matches = value["matches"].as_array().unwrap();
    assert_eq!(matches.len(), 2);
    assert_eq!(matches[0]["score"], 100);
    assert_eq!(matches[0]["kind"], "exact");
    assert_eq!(matches[1]["score"], 88);
    assert_eq!(matches[1]["missing"][0], "Gao");
}

#[test]
fn text_output_has_no_colour_off_a_terminal() {
    let (_dir, path) = memory();
    Command::cargo_bin("wirealign")
        .unwrap()
        .args([
            "tm",
            "search",
            "Le convoi a été attaqué près de Tombouctou.",
            "--min",
            "80",
            "--limit",
            "1",
            "--tmx",
        ])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains(" 88% fuzzy").and(predicate::str::contains("[Gao]")))
        .stdout(predicate::str::contains("\x1b[").not());
}

#[test]
fn bad_inputs_exit_2() {
    let (dir, _path) = memory();
    Command::cargo_bin("wirealign")
        .unwrap()
        .args(["tm", "search", "x", "--tmx"])
        .arg(dir.path().join("missing.tmx"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.tmx"));
    Command::cargo_bin("wirealign")
        .unwrap()
        .args(["tm", "search", "x", "--min", "0", "--tmx"])
        .arg(dir.path().join("m.tmx"))
        .assert()
        .code(2);
}

#[test]
fn a_queries_file_is_searched_line_by_line_with_a_summary() {
    let (dir, path) = memory();
    let queries = dir.path().join("dispatch.txt");
    std::fs::write(
        &queries,
        "Le convoi a été attaqué près de Gao.\n\nLe convoi a été attaqué près de Mopti.\nUne phrase sans équivalent dans la mémoire.\n",
    )
    .unwrap();
    let output = Command::cargo_bin("wirealign")
        .unwrap()
        .args(["tm", "search", "--format", "json", "--queries"])
        .arg(&queries)
        .arg("--tmx")
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let results = json["queries"].as_array().unwrap();
    assert_eq!(results.len(), 3, "blank lines are no queries");
    assert_eq!(results[0]["matches"][0]["kind"], "exact");
    assert_eq!(results[1]["matches"][0]["kind"], "fuzzy");
    assert!(results[2]["matches"].as_array().unwrap().is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("3 segments: 1 exact or in-context, 1 fuzzy, 1 without a match"),
        "{stderr}"
    );
}

#[test]
fn a_query_and_a_queries_file_are_exclusive() {
    let (dir, path) = memory();
    let queries = dir.path().join("q.txt");
    std::fs::write(&queries, "Rien à signaler.\n").unwrap();
    Command::cargo_bin("wirealign")
        .unwrap()
        .args(["tm", "search", "Rien", "--queries"])
        .arg(&queries)
        .arg("--tmx")
        .arg(&path)
        .assert()
        .code(2);
}
