//! Omissions and additions: a French segment with no English (1-0 link), an English
//! segment with no French (0-1 link), and links whose English is far shorter or longer
//! than the French warrants.

use super::{Category, Finding, Pair, Severity, Tokens};

/// English runs about as long as French in letters; news translations stay well inside
/// these bounds, so a link outside them has lost or gained a clause.
const SHORT_ERROR: f64 = 0.35;
const SHORT_WARNING: f64 = 0.5;
const LONG_WARNING: f64 = 2.2;
/// Below this many letters a ratio says little ("Non." → "No.").
const MIN_LETTERS: usize = 25;

/// A French segment left without translation.
pub fn omitted(pair: &Pair) -> Finding {
    Finding::new(
        "omission.segment",
        Category::Omission,
        Severity::Error,
        Some(pair.source.whole()),
        None,
        "this French sentence has no English translation".to_string(),
    )
}

/// An English segment with no French source.
pub fn added(pair: &Pair) -> Finding {
    Finding::new(
        "addition.segment",
        Category::Addition,
        Severity::Warning,
        None,
        Some(pair.target.whole()),
        "this English sentence has no French source".to_string(),
    )
}

fn letters(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphanumeric()).count()
}

/// Length outliers inside a link.
pub fn check(pair: &Pair, _tokens: &Tokens) -> Vec<Finding> {
    let (fr, en) = (letters(pair.source.text), letters(pair.target.text));
    if en == 0 {
        return vec![Finding::new(
            "omission.empty",
            Category::Omission,
            Severity::Error,
            Some(pair.source.whole()),
            Some(pair.target.whole()),
            "the English has no words for this French".to_string(),
        )];
    }
    let ratio = en as f64 / fr.max(1) as f64;
    let mut findings = Vec::new();
    if fr >= MIN_LETTERS && ratio < SHORT_WARNING {
        let severity = if ratio < SHORT_ERROR {
            Severity::Error
        } else {
            Severity::Warning
        };
        findings.push(Finding::new(
            "omission.length",
            Category::Omission,
            severity,
            Some(pair.source.whole()),
            Some(pair.target.whole()),
            format!(
                "the English is {:.0} % as long as the French: part of the sentence is probably missing",
                ratio * 100.0
            ),
        ));
    } else if en >= MIN_LETTERS && ratio > LONG_WARNING {
        findings.push(Finding::new(
            "addition.length",
            Category::Addition,
            Severity::Warning,
            Some(pair.source.whole()),
            Some(pair.target.whole()),
            format!(
                "the English is {:.1} times as long as the French: it may carry text that is not in the source",
                ratio
            ),
        ));
    }
    findings
}
