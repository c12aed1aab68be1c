//! False alarms of `check` on good human translation: WMT14 newstest, 1,500 French-original
//! sentences with professional English, one per line. Target: at most 3 % of pairs with an
//! error or a warning. Prints every flagged pair so a reader can judge them.

mod common;

use wirealign::check::{check_files, Checker, ReadOptions, Severity};

#[test]
fn wmt_false_alarm_rate_is_at_most_three_percent() {
    let Some(fr) = common::shared("data/wmt14-newstest-fren/origfr.fr") else {
        return;
    };
    let Some(en) = common::shared("data/wmt14-newstest-fren/origfr.en") else {
        return;
    };
    let options = ReadOptions {
        presplit: true,
        ..ReadOptions::default()
    };
    let checked = check_files(&fr, &en, &options, &Checker::builtin()).expect("WMT files check");
    let pairs = checked.alignment.links.len();
    assert_eq!(pairs, 1500, "presplit WMT file has 1,500 lines per side");
    let mut flagged: Vec<usize> = checked
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
        .filter_map(|f| f.source.as_ref().or(f.target.as_ref()).map(|s| s.segment))
        .collect();
    flagged.sort_unstable();
    flagged.dedup();
    for f in checked
        .findings
        .iter()
        .filter(|f| f.severity >= Severity::Warning)
    {
        let segment = f
            .source
            .as_ref()
            .or(f.target.as_ref())
            .map_or(0, |s| s.segment);
        println!(
            "line {:>4} {:<8?} {:<24} {}",
            segment + 1,
            f.severity,
            f.rule,
            f.message
        );
    }
    let share = flagged.len() as f64 / pairs as f64;
    println!(
        "WMT14 origfr: {} of {pairs} pairs flagged at warning or above ({:.2} %)",
        flagged.len(),
        share * 100.0
    );
    assert!(
        share <= 0.03,
        "false-alarm share {:.2} % above 3 %",
        share * 100.0
    );
}
