//! False alarms of the lexical checks on good professional translation: the 1,500
//! French-original sentences of WMT newstest2014 with their human English references,
//! paired line by line. Pairs with an error or warning are printed for reading; their
//! share must stay at or under 1.5 % (the whole `check` must stay under 3 %).

mod common;

use wirealign::check::lexical::LexicalChecks;
use wirealign::check::{Pair, Severity, Side};
use wirealign::text::{read_document, segment_document, SegmentOptions};

#[test]
fn lexical_false_alarms_on_wmt14_references_stay_under_1_5_percent() {
    let (Some(fr_path), Some(en_path)) = (
        common::shared("data/wmt14-newstest-fren/origfr.fr"),
        common::shared("data/wmt14-newstest-fren/origfr.en"),
    ) else {
        return;
    };
    let fr = read_document(&fr_path).unwrap();
    let en = read_document(&en_path).unwrap();
    let presplit = |lang: &str| SegmentOptions {
        lang: lang.to_string(),
        presplit: true,
        ..Default::default()
    };
    let fr_segments = segment_document(&fr, &presplit("fr"));
    let en_segments = segment_document(&en, &presplit("en"));
    assert_eq!(
        fr_segments.len(),
        en_segments.len(),
        "the WMT files are aligned 1-1"
    );

    let checks = LexicalChecks::builtin();
    let mut flagged = 0;
    for (s, t) in fr_segments.iter().zip(&en_segments) {
        let pair = Pair {
            source: Side::new(&fr, vec![s], "fr"),
            target: Side::new(&en, vec![t], "en"),
            score: 1.0,
        };
        let alarms: Vec<_> = checks
            .check(&pair)
            .into_iter()
            .filter(|f| f.severity >= Severity::Warning)
            .collect();
        if alarms.is_empty() {
            continue;
        }
        flagged += 1;
        println!("--- pair {}\nFR {}\nEN {}", s.index, s.text, t.text);
        for f in alarms {
            println!("  {:?} {}: {}", f.severity, f.rule, f.message);
        }
    }
    let share = 100.0 * flagged as f64 / fr_segments.len() as f64;
    println!(
        "lexical alarms: {flagged} of {} pairs ({share:.2} %)",
        fr_segments.len()
    );
    assert!(
        share <= 1.5,
        "{share:.2} % of good pairs raise a lexical error or warning"
    );
}
