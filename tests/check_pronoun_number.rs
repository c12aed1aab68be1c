//! `mistranslation.pronoun-number` on the « en » passages of `tests/probes/pronoun-en`:
//! how many wrong numbers it finds and how many correct translations it flags.

mod common;

const RULE: &str = "mistranslation.pronoun-number";

fn score(file: &str) -> common::ProbeScore {
    common::score_probe_table("pronoun-en", file, RULE)
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
