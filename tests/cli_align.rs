//! `wirealign align`: formats, errors, warnings and batch mode.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

fn wirealign() -> Command {
    Command::cargo_bin("wirealign").expect("binary")
}

const FR: &str = "Le convoi est parti de Gao lundi avec 40 camions.\n\
Il a atteint Kidal mercredi après deux attaques.\n\
Selon la Minusma, 3 soldats ont été blessés.\n";
const EN: &str = "The convoy left Gao on Monday with 40 trucks.\n\
It reached Kidal on Wednesday after two attacks.\n\
According to Minusma, 3 soldiers were wounded.\n";

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn ladder_output_is_one_to_one() {
    let dir = tempfile::tempdir().unwrap();
    let fr = write(dir.path(), "fr.txt", FR);
    let en = write(dir.path(), "en.txt", EN);
    let out = dir.path().join("out.ladder");
    wirealign()
        .args([
            "align", "--from", "fr", "--to", "en", "--format", "ladder", "-o",
        ])
        .arg(&out)
        .arg(&fr)
        .arg(&en)
        .assert()
        .success();
    let ladder = std::fs::read_to_string(&out).unwrap();
    let beads: Vec<&str> = ladder
        .lines()
        .map(|l| l.rsplit_once(':').unwrap().0)
        .collect();
    assert_eq!(beads, ["[0]:[0]", "[1]:[1]", "[2]:[2]"]);
}

#[test]
fn json_tsv_and_text_formats() {
    let dir = tempfile::tempdir().unwrap();
    let fr = write(dir.path(), "fr.txt", FR);
    let en = write(dir.path(), "en.txt", EN);
    let json = wirealign()
        .args(["align", "--presplit", "--format", "json"])
        .arg(&fr)
        .arg(&en)
        .output()
        .unwrap();
    assert!(json.status.success());
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["links"].as_array().unwrap().len(), 3);
    assert_eq!(
        value["source"]["segments"][1]["start"],
        FR.find("Il a").unwrap()
    );
    wirealign()
        .args(["align", "--presplit", "--format", "tsv"])
        .arg(&fr)
        .arg(&en)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Selon la Minusma, 3 soldats ont été blessés.\tAccording to Minusma",
        ));
    wirealign()
        .args(["align", "--presplit"])
        .arg(&fr)
        .arg(&en)
        .assert()
        .success()
        .stdout(predicate::str::contains("[1] ↔ [1]"));
}

#[test]
fn missing_or_empty_input_exits_2_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let fr = write(dir.path(), "fr.txt", FR);
    let empty = write(dir.path(), "empty.txt", "  \n");
    let assert = wirealign()
        .arg("align")
        .arg(&fr)
        .arg(&empty)
        .assert()
        .code(2);
    let stderr = String::from_utf8(assert.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("empty.txt"), "{stderr}");
    assert_eq!(stderr.trim().lines().count(), 1, "{stderr}");
    wirealign()
        .arg("align")
        .arg(&fr)
        .arg(dir.path().join("missing.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.txt"));
}

#[test]
fn tmx_format_writes_a_memory() {
    let dir = tempfile::tempdir().unwrap();
    let fr = write(dir.path(), "fr.txt", FR);
    let en = write(dir.path(), "en.txt", EN);
    wirealign()
        .args(["align", "--from", "fr", "--to", "en", "--format", "tmx"])
        .arg(&fr)
        .arg(&en)
        .assert()
        .success()
        .stdout(predicate::str::contains("<tmx").and(predicate::str::contains("Minusma")));
}

#[test]
fn same_language_on_both_sides_warns() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.txt", FR);
    let b = write(dir.path(), "b.txt", FR);
    wirealign()
        .arg("align")
        .arg(&a)
        .arg(&b)
        .assert()
        .success()
        .stderr(predicate::str::contains("warning").and(predicate::str::contains("'fr'")));
}

#[test]
fn dictionary_is_read_and_bad_lines_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let fr = write(dir.path(), "fr.txt", FR);
    let en = write(dir.path(), "en.txt", EN);
    let good = write(
        dir.path(),
        "dict.txt",
        "convoy @ convoi\nsoldiers @ soldats\n",
    );
    wirealign()
        .args(["align", "--presplit", "--format", "ladder", "--dict"])
        .arg(&good)
        .arg(&fr)
        .arg(&en)
        .assert()
        .success();
    let bad = write(
        dir.path(),
        "bad.txt",
        "convoy @ convoi\nno separator here\n",
    );
    wirealign()
        .args(["align", "--dict"])
        .arg(&bad)
        .arg(&fr)
        .arg(&en)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.txt:2:"));
}

#[test]
fn batch_manifest_writes_one_output_per_pair() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.fr", FR);
    write(dir.path(), "a.en", EN);
    write(dir.path(), "b.fr", "Une seule phrase à Gao.\n");
    write(dir.path(), "b.en", "A single sentence in Gao.\n");
    let manifest = write(dir.path(), "pairs.tsv", "a.fr\ta.en\nb.fr\tb.en\n");
    let out = dir.path().join("out");
    wirealign()
        .args(["align", "--presplit", "--format", "ladder", "--batch"])
        .arg(&manifest)
        .arg("-o")
        .arg(&out)
        .assert()
        .success();
    assert!(
        std::fs::read_to_string(out.join("a.fr.ladder"))
            .unwrap()
            .lines()
            .count()
            == 3
    );
    assert!(std::fs::read_to_string(out.join("b.fr.ladder"))
        .unwrap()
        .starts_with("[0]:[0]"));
    let folder_out = dir.path().join("out2");
    wirealign()
        .args([
            "align",
            "--presplit",
            "--from",
            "fr",
            "--to",
            "en",
            "--batch",
        ])
        .arg(dir.path())
        .arg("-o")
        .arg(&folder_out)
        .assert()
        .success();
    assert!(folder_out.join("a.fr.txt").exists() && folder_out.join("b.fr.txt").exists());
}

/// The target bead of French sentence `source` in a ladder.
fn target_of(ladder: &str, source: usize) -> String {
    ladder
        .lines()
        .map(|l| l.rsplit_once(':').unwrap().0)
        .find(|bead| {
            let sources = bead.split(':').next().unwrap();
            sources
                .trim_matches(['[', ']'])
                .split(", ")
                .any(|s| s == source.to_string())
        })
        .map(|bead| bead.split(':').nth(1).unwrap().to_string())
        .unwrap()
}

#[test]
fn glossary_terms_anchor_sentences_with_nothing_else_in_common() {
    let dir = tempfile::tempdir().unwrap();
    let fr = write(
        dir.path(),
        "fr.txt",
        "Les habitants ont fêté ce départ dans les rues.\n\
         Les casques bleus ont quitté la ville hier soir.\n\
         Le calme est revenu ce matin dans tout le pays.\n",
    );
    let en = write(
        dir.path(),
        "en.txt",
        "The peacekeepers left the town last night.\n\
         Calm returned this morning across the country.\n",
    );
    let glossary = dir.path().join("glossary.csv");
    wirealign()
        .args(["glossary", "export", "--format", "csv", "-o"])
        .arg(&glossary)
        .assert()
        .success();
    let no_builtin: &std::ffi::OsStr = "--no-builtin-dict".as_ref();
    // Without the built-in dictionary, « casques bleus » = "peacekeepers" is the only link
    // between sentence 1 and English 0.
    assert_ne!(target_of(&fr_en_ladder(&fr, &en, &[no_builtin]), 1), "[0]");
    let with_glossary = fr_en_ladder(
        &fr,
        &en,
        &[no_builtin, "--glossary".as_ref(), glossary.as_os_str()],
    );
    assert_eq!(target_of(&with_glossary, 1), "[0]", "{with_glossary}");
}

#[test]
fn the_builtin_dictionary_links_words_that_look_nothing_alike() {
    let dir = tempfile::tempdir().unwrap();
    let fr = write(
        dir.path(),
        "fr.txt",
        "Les habitants ont fêté ce départ dans les rues.\n\
         Les soldats ont quitté la ville hier soir.\n\
         Le calme est revenu ce matin dans tout le pays.\n",
    );
    let en = write(
        dir.path(),
        "en.txt",
        "The troops left the town last night.\n\
         Calm returned this morning across the country.\n",
    );
    // soldats ~ troops, quitté ~ left, ville ~ town, hier soir ~ last night.
    assert_eq!(target_of(&fr_en_ladder(&fr, &en, &[]), 1), "[0]");
    let no_builtin: &std::ffi::OsStr = "--no-builtin-dict".as_ref();
    assert_ne!(target_of(&fr_en_ladder(&fr, &en, &[no_builtin]), 1), "[0]");
}

/// The ladder `wirealign align` writes for a presplit French–English pair.
fn fr_en_ladder(fr: &Path, en: &Path, extra: &[&std::ffi::OsStr]) -> String {
    let output = wirealign()
        .args(["align", "--presplit", "--from", "fr", "--to", "en"])
        .args(["--format", "ladder"])
        .args(extra)
        .arg(fr)
        .arg(en)
        .output()
        .unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()
}
