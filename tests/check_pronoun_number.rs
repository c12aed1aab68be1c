//! `mistranslation.pronoun-number` on the « en » passages of `tests/probes/pronoun-en`:
//! how many wrong numbers it finds and how many correct translations it flags.

use std::path::Path;
use wirealign::check::{check_files, Checker, ReadOptions};

const RULE: &str = "mistranslation.pronoun-number";

struct Score {
    found: usize,
    wrong: usize,
    false_alarms: Vec<String>,
}

fn fires(checker: &Checker, fr: &str, en: &str) -> bool {
    let dir = tempfile::tempdir().expect("temp dir");
    let (fr_path, en_path) = (dir.path().join("fr.txt"), dir.path().join("en.txt"));
    std::fs::write(&fr_path, fr).expect("write fr");
    std::fs::write(&en_path, en).expect("write en");
    check_files(&fr_path, &en_path, &ReadOptions::default(), checker)
        .expect("check runs")
        .findings
        .iter()
        .any(|f| f.rule == RULE)
}

fn score(file: &str) -> Score {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/probes/pronoun-en")
        .join(file);
    let text = std::fs::read_to_string(&path).expect("probe file reads");
    let checker = Checker::builtin();
    let mut score = Score {
        found: 0,
        wrong: 0,
        false_alarms: Vec::new(),
    };
    for row in text.lines().skip(1).filter(|l| !l.trim().is_empty()) {
        let cells: Vec<&str> = row.split('\t').collect();
        let [id, fr, en, verdict, _note] = cells[..] else {
            panic!("{file}: five columns expected in {row:?}");
        };
        let fired = fires(&checker, fr, en);
        match verdict {
            "wrong" => {
                score.wrong += 1;
                score.found += usize::from(fired);
            }
            "ok" if fired => score.false_alarms.push(id.to_string()),
            "ok" => {}
            other => panic!("{file}: unknown verdict {other:?}"),
        }
    }
    println!(
        "{file}: {} of {} wrong numbers found, false alarms on correct rows: {:?}",
        score.found, score.wrong, score.false_alarms
    );
    score
}

#[test]
fn the_rows_the_rule_was_shaped_on_stay_found_without_false_alarms() {
    let score = score("tuning.tsv");
    assert_eq!(score.wrong, 16);
    assert!(score.found >= 14, "found {} of 16", score.found);
    assert!(score.false_alarms.is_empty(), "{:?}", score.false_alarms);
}

#[test]
fn held_out_rows_keep_their_measured_level() {
    let score = score("heldout.tsv");
    assert_eq!(score.wrong, 16);
    assert!(score.found >= 8, "found {} of 16", score.found);
    assert!(score.false_alarms.len() <= 1, "{:?}", score.false_alarms);
}
