//! `mistranslation.pronoun-number` on the « en » passages of `tests/probes/pronoun-en`:
//! how many wrong numbers it finds and how many correct translations it flags.

mod common;

const RULE: &str = "mistranslation.pronoun-number";

const FOLDER: &str = "pronoun-en";

#[test]
fn the_rows_the_rule_was_shaped_on_stay_found_without_false_alarms() {
    let level = common::ProbeLevel {
        wrong: 16,
        found: 14,
        false_alarms: 0,
    };
    common::assert_probe_level(FOLDER, "tuning.tsv", RULE, level);
}

#[test]
fn held_out_rows_keep_their_measured_level() {
    let level = common::ProbeLevel {
        wrong: 16,
        found: 8,
        false_alarms: 1,
    };
    common::assert_probe_level(FOLDER, "heldout.tsv", RULE, level);
}
