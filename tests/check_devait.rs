//! `mistranslation.plan-as-obligation` on `tests/probes/devait`: « devait » + infinitive
//! for a plan seen from the past, an obligation or a probability, with English that says
//! "had to", "was due to" or "must have". How many wrong "had to" it finds, and how many
//! correct translations it flags.

mod common;

const RULE: &str = "mistranslation.plan-as-obligation";

fn score(file: &str) -> common::ProbeScore {
    common::score_probe_table("devait", file, RULE)
}

#[test]
fn the_rows_the_rule_was_shaped_on_stay_found_without_false_alarms() {
    let score = score("tuning.tsv");
    assert_eq!(score.wrong, 9);
    assert!(score.found >= 9, "found {} of 9", score.found);
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
    assert!(score.found >= 17, "found {} of 20", score.found);
    assert!(score.false_alarms.is_empty(), "{:?}", score.false_alarms);
}
