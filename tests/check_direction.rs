//! `mistranslation.direction-reversed` on `tests/probes/direction`: French passages that
//! say where a movement goes or comes from, with English that keeps or turns round the
//! direction. How many reversals it finds, and how many correct translations it flags.

mod common;

const RULE: &str = "mistranslation.direction-reversed";

const FOLDER: &str = "direction";

#[test]
fn the_rows_the_rule_was_shaped_on_stay_found_without_false_alarms() {
    let level = common::ProbeLevel {
        wrong: 8,
        found: 8,
        false_alarms: 0,
    };
    common::assert_probe_level(FOLDER, "tuning.tsv", RULE, level);
}

#[test]
fn held_out_rows_keep_their_measured_level() {
    let level = common::ProbeLevel {
        wrong: 20,
        found: 20,
        false_alarms: 0,
    };
    common::assert_probe_level(FOLDER, "heldout.tsv", RULE, level);
}

#[test]
fn second_held_out_set_keeps_its_measured_level() {
    let level = common::ProbeLevel {
        wrong: 20,
        found: 16,
        false_alarms: 0,
    };
    common::assert_probe_level(FOLDER, "heldout2.tsv", RULE, level);
}
