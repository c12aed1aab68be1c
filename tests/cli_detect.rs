//! `wirealign detect FILE...`: language and confidence per file, bad inputs exit 2.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::PathBuf;

const FR: &str = "Les autorités de transition ont annoncé mercredi la dissolution des partis \
    politiques, une décision qui a suscité de vives critiques dans la capitale malienne.\n";
const EN: &str = "The transitional authorities announced on Wednesday that political parties \
    would be dissolved, a decision that drew sharp criticism in the Malian capital.\n";

fn wirealign() -> Command {
    Command::cargo_bin("wirealign").unwrap()
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn prints_path_language_and_confidence_per_file() {
    let dir = tempfile::tempdir().unwrap();
    let fr = write(&dir, "fr.txt", FR.as_bytes());
    let en = write(&dir, "en.txt", EN.as_bytes());
    let output = wirealign()
        .arg("detect")
        .arg(&fr)
        .arg(&en)
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let rows: Vec<Vec<&str>> = stdout.lines().map(|l| l.split('\t').collect()).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0][0], fr.display().to_string());
    assert_eq!(rows[0][1], "fr");
    assert_eq!(rows[1][1], "en");
    for row in &rows {
        let confidence: f64 = row[2].parse().unwrap();
        assert!(
            (0.0..=1.0).contains(&confidence) && confidence > 0.5,
            "{row:?}"
        );
    }
}

#[test]
fn windows_1252_and_utf16_files_are_detected() {
    let dir = tempfile::tempdir().unwrap();
    let (latin, _, _) = encoding_rs::WINDOWS_1252.encode(FR);
    let cp1252 = write(&dir, "cp1252.txt", &latin);
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(FR.encode_utf16().flat_map(u16::to_le_bytes));
    let utf16 = write(&dir, "utf16.txt", &utf16);
    wirealign()
        .arg("detect")
        .arg(&cp1252)
        .arg(&utf16)
        .assert()
        .success()
        .stdout(predicate::str::contains("cp1252.txt\tfr\t"))
        .stdout(predicate::str::contains("utf16.txt\tfr\t"))
        .stderr(predicate::str::contains("decoded as Windows-1252"));
}

#[test]
fn a_missing_file_is_reported_and_the_others_still_detected() {
    let dir = tempfile::tempdir().unwrap();
    let en = write(&dir, "en.txt", EN.as_bytes());
    let missing = dir.path().join("nope.txt");
    wirealign()
        .arg("detect")
        .arg(&missing)
        .arg(&en)
        .assert()
        .code(2)
        .stdout(predicate::str::contains("en.txt\ten\t"))
        .stderr(predicate::str::contains("nope.txt: no such file"));
}

#[test]
fn bad_inputs_exit_2_with_one_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(&dir, "empty.txt", b"");
    let binary = write(
        &dir,
        "image.png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0",
    );
    for (path, problem) in [
        (empty, "is empty"),
        (binary, "binary"),
        (dir.path().to_path_buf(), "is a directory"),
    ] {
        let output = wirealign().arg("detect").arg(&path).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{}", path.display());
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(&path.display().to_string()), "{stderr}");
        assert!(stderr.contains(problem), "{stderr}");
    }
}

#[test]
fn no_file_is_a_usage_error() {
    wirealign().arg("detect").assert().code(2);
}
