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

/// Rule id of a French sentence left out inside a larger link.
pub const DROPPED_SENTENCE: &str = "omission.sentence";

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

/// In a link of several French sentences whose English is too short, the sentence whose
/// removal brings the lengths back in line is probably the one left out.
fn dropped_sentence(pair: &Pair, fr: usize, en: usize) -> Option<Finding> {
    if pair.source.segments.len() < 2 || (en as f64) >= 0.8 * fr as f64 {
        return None;
    }
    let (segment, balance) = pair
        .source
        .segments
        .iter()
        .map(|s| {
            let rest = fr.saturating_sub(letters(&s.text)).max(1);
            (s, en as f64 / rest as f64)
        })
        .min_by(|a, b| (a.1 - 1.0).abs().total_cmp(&(b.1 - 1.0).abs()))?;
    if !(0.8..=1.3).contains(&balance) {
        return None;
    }
    let start = segment.norm_start - pair.source.offset;
    let end = segment.norm_end - pair.source.offset;
    Some(Finding::new(
        DROPPED_SENTENCE,
        Category::Omission,
        Severity::Warning,
        Some(pair.source.span(start, end)),
        None,
        "this French sentence seems to have no counterpart in the English of its link".to_string(),
    ))
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
    let mut findings: Vec<Finding> = dropped_sentence(pair, fr, en).into_iter().collect();
    if findings.is_empty() && fr >= MIN_LETTERS && ratio < SHORT_WARNING {
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
