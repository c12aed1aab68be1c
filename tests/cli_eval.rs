//! `wirealign eval`: pooled strict/lax scores and errors on malformed ladders.

use assert_cmd::Command;
use predicates::prelude::*;

fn wirealign() -> Command {
    Command::cargo_bin("wirealign").expect("binary")
}

#[test]
fn scores_are_pooled_over_files() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p
    };
    let g1 = write("g1", "[0]:[0]\n[1, 2]:[1]\n[]:[2]\n[3]:[3]\n");
    let t1 = write("t1", "[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3]:0.9\n");
    let g2 = write("g2", "[0]:[0]\n");
    let t2 = write("t2", "[0]:[0]\n");
    let out = wirealign()
        .args(["eval", "--json", "--gold"])
        .arg(&g1)
        .arg(&g2)
        .arg("--test")
        .arg(&t1)
        .arg(&t2)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // Precision: 3 of 5 test beads exact; recall: 3 of 4 gold beads without the insertion.
    assert!((v["scores"]["precision_strict"].as_f64().unwrap() - 0.6).abs() < 1e-9);
    assert!((v["scores"]["recall_strict"].as_f64().unwrap() - 0.75).abs() < 1e-9);
    assert_eq!(v["bead_types"]["2-1"]["found"], 0);
    wirealign()
        .args(["eval", "--gold"])
        .arg(&g1)
        .arg("--test")
        .arg(&t1)
        .assert()
        .success()
        .stdout(predicate::str::contains("F1"));
}

#[test]
fn malformed_ladder_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let gold = dir.path().join("gold.ladder");
    std::fs::write(&gold, "[0]:[0]\n[1 2]:[1]\n").unwrap();
    wirealign()
        .args(["eval", "--gold"])
        .arg(&gold)
        .arg("--test")
        .arg(&gold)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("gold.ladder:2:"));
}

#[test]
fn unequal_file_lists_are_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let g = dir.path().join("g");
    std::fs::write(&g, "[0]:[0]\n").unwrap();
    wirealign()
        .args(["eval", "--gold"])
        .arg(&g)
        .arg(&g)
        .arg("--test")
        .arg(&g)
        .assert()
        .code(2);
}
