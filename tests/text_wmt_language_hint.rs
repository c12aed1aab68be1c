//! The per-segment language hint on real news: every French line of WMT14 newstest (French
//! originals) and every English line of its professional translation. What matters for the
//! "untranslated French" check is that English sentences are almost never hinted as French;
//! the hint may abstain on short lines. Run with `-- --nocapture` for the figures.

mod common;

use wirealign::text::lang::segment_hint;

/// Share of lines hinted as `lang`, as another language, and left without a hint.
fn tally(path: &std::path::Path, lang: &str) -> (f64, f64, f64, Vec<String>) {
    let text = std::fs::read_to_string(path).unwrap();
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    let (mut right, mut wrong, mut none) = (0, 0, 0);
    let mut mistakes = Vec::new();
    for line in &lines {
        match segment_hint(line) {
            Some((hint, _)) if hint == lang => right += 1,
            Some((hint, confidence)) => {
                wrong += 1;
                mistakes.push(format!("{hint} {confidence:.2} {line}"));
            }
            None => none += 1,
        }
    }
    let n = lines.len() as f64;
    (
        right as f64 / n,
        wrong as f64 / n,
        none as f64 / n,
        mistakes,
    )
}

#[test]
fn segment_hint_is_right_on_news_lines() {
    let Some(dir) = common::shared("data/wmt14-newstest-fren") else {
        return;
    };
    for lang in ["fr", "en"] {
        let (right, wrong, none, mistakes) = tally(&dir.join(format!("origfr.{lang}")), lang);
        println!(
            "{lang}: hinted right {:.2} %, wrong {:.2} %, no hint {:.2} %",
            100.0 * right,
            100.0 * wrong,
            100.0 * none
        );
        for m in &mistakes {
            println!("  {lang} hinted as {m}");
        }
        assert!(right >= 0.90, "{lang}: only {right:.3} hinted right");
        assert!(
            wrong <= 0.005,
            "{lang}: {wrong:.4} hinted as another language"
        );
    }
}
