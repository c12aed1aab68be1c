//! `number.bound` on `tests/probes/bounds` and `name.french-form` on
//! `tests/probes/places`: held-out passages by helpers who saw no code, 20 wrong and 20
//! deliberately hard correct rows each. How many wrong rows each rule finds, and how many
//! correct ones it flags. Scored unseen first: bounds 17 / 20, places 16 / 20, no false
//! alarm on either; after general fixes (a bound after its figure, an article before a
//! fraction; a place at a sentence start or named with an article in the French, « Le
//! Caire »): 20 / 20 each, still no false alarm.

mod common;

#[test]
fn bounds_held_out_rows_keep_their_measured_level() {
    let level = common::ProbeLevel {
        wrong: 20,
        found: 20,
        false_alarms: 0,
    };
    common::assert_probe_level("bounds", "heldout.tsv", "number.bound", level);
}

#[test]
fn places_held_out_rows_keep_their_measured_level() {
    let level = common::ProbeLevel {
        wrong: 20,
        found: 20,
        false_alarms: 0,
    };
    common::assert_probe_level("places", "heldout.tsv", "name.french-form", level);
}
