//! `mistranslation.plan-as-obligation` on `tests/probes/devait`: « devait » + infinitive
//! for a plan seen from the past, an obligation or a probability, with English that says
//! "had to", "was due to" or "must have". How many wrong "had to" it finds, and how many
//! correct translations it flags.

mod common;

const RULE: &str = "mistranslation.plan-as-obligation";

const FOLDER: &str = "devait";

#[test]
fn the_rows_the_rule_was_shaped_on_stay_found_without_false_alarms() {
    let level = common::ProbeLevel {
        wrong: 9,
        found: 9,
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
        found: 17,
        false_alarms: 0,
    };
    common::assert_probe_level(FOLDER, "heldout2.tsv", RULE, level);
}
