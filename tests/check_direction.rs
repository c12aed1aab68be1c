//! `mistranslation.direction-reversed` on `tests/probes/direction`: French passages that
//! say where a movement goes or comes from, with English that keeps or turns round the
//! direction. How many reversals it finds, and how many correct translations it flags.

mod common;

const RULE: &str = "mistranslation.direction-reversed";

fn score(file: &str) -> common::ProbeScore {
    common::score_probe_table("direction", file, RULE)
}

#[test]
fn the_rows_the_rule_was_shaped_on_stay_found_without_false_alarms() {
    let score = score("tuning.tsv");
    assert_eq!(score.wrong, 8);
    assert!(score.found >= 8, "found {} of 8", score.found);
    assert!(score.false_alarms.is_empty(), "{:?}", score.false_alarms);
}

#[test]
fn held_out_rows_keep_their_measured_level() {
    let score = score("heldout.tsv");
    assert_eq!(score.wrong, 20);
    assert!(score.found >= 20, "found {} of 20", score.found);
    assert!(score.false_alarms.is_empty(), "{:?}", score.false_alarms);
}

#[test]
fn second_held_out_set_keeps_its_measured_level() {
    let score = score("heldout2.tsv");
    assert_eq!(score.wrong, 20);
    assert!(score.found >= 16, "found {} of 20", score.found);
    assert!(score.false_alarms.is_empty(), "{:?}", score.false_alarms);
}
