//! `wirealign glossary …` end to end: lookup, list, export, import and user glossaries.

use assert_cmd::Command;
use predicates::prelude::*;
use std::fs;

fn wirealign() -> Command {
    Command::cargo_bin("wirealign").unwrap()
}

fn lookup_json(args: &[&str]) -> serde_json::Value {
    let out = wirealign()
        .args(["glossary", "lookup", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn first_id(json: &serde_json::Value) -> &str {
    json["hits"][0]["concept"]["id"].as_str().unwrap()
}

#[test]
fn lookup_ignores_case_accents_and_punctuation_in_either_language() {
    let json = lookup_json(&["etat islamique au grand sahara"]);
    assert_eq!(first_id(&json), "eigs");
    assert_eq!(json["hits"][0]["match"]["kind"], "folded");

    let json = lookup_json(&["G.S.I.M."]);
    assert_eq!(first_id(&json), "jnim");

    let json = lookup_json(&["jnim"]);
    assert_eq!(first_id(&json), "jnim");

    let json = lookup_json(&["African Union"]);
    assert_eq!(first_id(&json), "ua");
    assert_eq!(json["hits"][0]["match"]["kind"], "exact");
}

#[test]
fn lookup_tolerates_typos_and_says_why() {
    let json = lookup_json(&["Wagnr"]);
    assert_eq!(first_id(&json), "wagner");
    assert_eq!(json["hits"][0]["match"]["kind"], "fuzzy");
    assert_eq!(json["hits"][0]["match"]["edits"], 1);

    // Only a word of the term is misspelt.
    let json = lookup_json(&["Barkane"]);
    assert_eq!(first_id(&json), "barkhane");

    let json = lookup_json(&["Tombouctu"]);
    assert_eq!(first_id(&json), "tombouctou");
    assert!(json["hits"][0]["reason"].as_str().unwrap().contains("edit"));
}

#[test]
fn lookup_of_a_rendering_to_avoid_says_what_to_write() {
    wirealign()
        .args([
            "glossary",
            "lookup",
            "Sahel States Alliance",
            "--limit",
            "1",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("rendering to avoid"))
        .stdout(predicate::str::contains("write “Alliance of Sahel States”"));
}

#[test]
fn lookup_ranks_exact_matches_first_and_honours_the_limit() {
    let json = lookup_json(&["Barkhane", "--limit", "3"]);
    let hits = json["hits"].as_array().unwrap();
    assert!(hits.len() <= 3);
    assert_eq!(first_id(&json), "barkhane");
    let scores: Vec<u64> = hits.iter().map(|h| h["score"].as_u64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
}

#[test]
fn lookup_without_a_match_exits_1() {
    wirealign()
        .args(["glossary", "lookup", "xqzzyv"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no glossary entry matches"));
}

#[test]
fn list_filters_by_domain() {
    let out = wirealign()
        .args(["glossary", "list", "--domain", "operation"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Operation Barkhane"));
    assert!(
        text.lines()
            .all(|l| l.split('\t').nth(1) == Some("operation")),
        "{text}"
    );

    let out = wirealign()
        .args([
            "glossary",
            "list",
            "--format",
            "json",
            "--domain",
            "armed group",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"jnim") && !ids.contains(&"barkhane"),
        "{ids:?}"
    );
}

#[test]
fn unknown_domain_is_a_usage_error() {
    wirealign()
        .args(["glossary", "list", "--domain", "weather"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown domain"));
}

#[test]
fn export_then_import_reports_every_concept_as_a_replacement() {
    let dir = tempfile::tempdir().unwrap();
    let listed = wirealign()
        .args(["glossary", "list"])
        .output()
        .unwrap()
        .stdout;
    let count = String::from_utf8(listed).unwrap().lines().count();
    for (format, name) in [
        ("tbx", "g.tbx"),
        ("tbx3", "g3.tbx"),
        ("tsv", "g.txt"),
        ("csv", "g.csv"),
    ] {
        let path = dir.path().join(name);
        wirealign()
            .args(["glossary", "export", "--format", format, "-o"])
            .arg(&path)
            .assert()
            .success();
        wirealign()
            .args(["glossary", "import"])
            .arg(&path)
            .assert()
            .success()
            .stdout(predicate::str::contains(format!(
                "{count} concepts ({count} replace built-in ones, 0 new)"
            )));
    }
}

#[test]
fn default_export_is_tbx_basic_2008() {
    wirealign()
        .args(["glossary", "export"])
        .assert()
        .success()
        .stdout(predicate::str::contains("<martif type=\"TBX-Basic\""));
}

#[test]
fn import_can_convert_a_user_glossary() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("mine.txt");
    // "FAMa" gets the id "fama", the id of a built-in concept, which it therefore replaces.
    fs::write(
        &input,
        "chef de file\tfront-runner\tpolitics\nFAMa\tMalian army\t\n",
    )
    .unwrap();
    let output = dir.path().join("mine.tbx");
    wirealign()
        .args(["glossary", "import"])
        .arg(&input)
        .args(["--format", "tbx", "-o"])
        .arg(&output)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "2 concepts (1 replace built-in ones, 1 new)",
        ));
    let tbx = fs::read_to_string(&output).unwrap();
    assert_eq!(tbx.matches("<termEntry").count(), 2);
}

#[test]
fn user_glossary_overrides_the_builtin_concept_with_the_same_id() {
    let dir = tempfile::tempdir().unwrap();
    let user = dir.path().join("house.csv");
    fs::write(
        &user,
        "id,fr,en,note\njnim,Groupe de soutien à l'islam et aux musulmans,JNIM alliance,house style\n",
    )
    .unwrap();
    let json = lookup_json(&[
        "groupe de soutien a l islam et aux musulmans",
        "--glossary",
        user.to_str().unwrap(),
    ]);
    assert_eq!(first_id(&json), "jnim");
    assert_eq!(
        json["hits"][0]["concept"]["en"]["preferred"],
        "JNIM alliance"
    );
    assert_eq!(json["hits"][0]["concept"]["note"], "house style");
}

#[test]
fn malformed_glossaries_are_refused_with_the_place_named() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("semicolons.csv", "mémoire;memory\n".to_string(), "semicolons.csv:1:1: one column"),
        (
            "amp.tbx",
            "<?xml version=\"1.0\"?>\n<martif type=\"TBX-Basic\"><text><body>\n<termEntry id=\"a\"><langSet xml:lang=\"fr\"><tig><term>R & D</term></tig></langSet></termEntry></body></text></martif>\n".to_string(),
            "amp.tbx:3:",
        ),
        (
            "noterm.tbx",
            "<martif><text><body>\n<termEntry id=\"a\">\n<langSet xml:lang=\"fr\"><tig><termNote type=\"partOfSpeech\">noun</termNote></tig></langSet></termEntry></body></text></martif>\n".to_string(),
            "noterm.tbx:3:",
        ),
        ("notab.txt", "Mali\tMali\nNiger only\n".to_string(), "notab.txt:2:1: no tab"),
        (
            "memory.tmx",
            "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><body/></tmx>\n".to_string(),
            "memory.tmx: XML but not TBX",
        ),
        ("latin1.txt", String::new(), "latin1.txt:1:4: not valid UTF-8"),
    ];
    for (name, content, expected) in cases {
        let path = dir.path().join(name);
        if name == "latin1.txt" {
            fs::write(&path, b"Mal\xe9\tMali\n").unwrap();
        } else {
            fs::write(&path, content).unwrap();
        }
        wirealign()
            .args(["glossary", "lookup", "Mali", "--glossary"])
            .arg(&path)
            .assert()
            .code(2)
            .stdout(predicate::str::is_empty())
            .stderr(predicate::str::contains(expected));
    }
}

#[test]
fn export_to_an_unwritable_place_fails_cleanly() {
    wirealign()
        .args(["glossary", "export", "-o", "/nonexistent-dir/g.tbx"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent-dir/g.tbx"));
}
