//! Omissions and additions: a French segment with no English (1-0 link), an English
//! segment with no French (0-1 link), links whose English is far shorter or longer
//! than the French warrants, and an apposition the English adds to a name.

pub mod clause;

use super::adequacy::{is_content, Correspondence};
use super::{Category, Finding, Pair, Severity, Tokens, Word};
use crate::text::lang::stop_words;
use crate::text::token::TokenKind;

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

/// Longest apposition, in words, read as one ("the country's second city").
const MAX_APPOSITION_WORDS: usize = 6;
/// Share of French content words the English must match before an unmatched apposition
/// says "added" rather than "beyond the dictionary".
const WELL_MATCHED_SHARE: f64 = 0.5;

/// Appositions the English adds after a name (“in Bobo-Dioulasso, the economic capital,
/// and Koudougou”) whose content words match nothing in a French sentence that is
/// otherwise well matched. Translators add such glosses on purpose, so this is a note.
pub fn added_appositions(
    pair: &Pair,
    tokens: &Tokens,
    correspondence: &Correspondence,
) -> Vec<Finding> {
    if correspondence.share() < WELL_MATCHED_SHARE {
        return Vec::new();
    }
    let words = &tokens.target;
    let matched = |j: usize| correspondence.matched.iter().any(|&(_, e)| e == j);
    let mut findings = Vec::new();
    for k in 2..words.len() {
        // A capitalised word after another word: a name, not a sentence opener.
        let after_name =
            words[k - 1].is_capitalised() && words[k - 1].is_word() && words[k - 2].is_word();
        if !(after_name && words[k].text == ",") {
            continue;
        }
        let Some(end) = apposition_end(words, k + 1) else {
            continue;
        };
        let content: Vec<usize> = (k + 1..end)
            .filter(|&j| is_content(&words[j], stop_words("en")))
            .collect();
        if content.len() < 2 || content.iter().any(|&j| matched(j)) {
            continue;
        }
        let (start, stop) = (words[k + 1].start, words[end - 1].end);
        findings.push(Finding::new(
            "addition.apposition",
            Category::Addition,
            Severity::Info,
            None,
            Some(pair.target.span(start, stop)),
            format!(
                "« {} » after « {} » has no counterpart in the French: an addition, check it is wanted",
                &pair.target.text[start..stop],
                words[k - 1].text
            ),
        ));
    }
    findings
}

/// Where an apposition opened after token `first` ends: a determiner, a few lower-case
/// words and a closing comma.
fn apposition_end(words: &[Word], first: usize) -> Option<usize> {
    let opens = words
        .get(first)
        .is_some_and(|w| matches!(w.folded.as_str(), "the" | "a" | "an"));
    if !opens {
        return None;
    }
    let end = (first + 1..words.len().min(first + MAX_APPOSITION_WORDS + 1))
        .find(|&j| words[j].kind == TokenKind::Punct)?;
    let plain = words[first + 1..end]
        .iter()
        .all(|w| w.is_word() && !w.is_capitalised());
    (words[end].text == "," && plain).then_some(end)
}

#[cfg(test)]
mod tests {
    use crate::check::{check_texts, Checker};

    fn appositions(fr: &str, en: &str) -> Vec<String> {
        check_texts(fr, en, &Checker::builtin())
            .into_iter()
            .filter(|f| f.rule == "addition.apposition")
            .map(|f| f.target.map(|t| t.text).unwrap_or_default())
            .collect()
    }

    #[test]
    fn an_apposition_with_no_french_counterpart_is_noted() {
        let fr = "D'autres manifestations sont prévues dimanche à Bobo-Dioulasso et à Koudougou.";
        assert_eq!(
            appositions(
                fr,
                "Other demonstrations are planned on Sunday in Bobo-Dioulasso, the economic capital, and Koudougou."
            ),
            ["the economic capital"]
        );
        assert!(appositions(
            fr,
            "Other demonstrations are planned on Sunday in Bobo-Dioulasso and Koudougou."
        )
        .is_empty());
    }

    #[test]
    fn an_apposition_the_french_has_is_a_translation() {
        let fr = "Des manifestations sont prévues à Bobo-Dioulasso, la capitale économique, et à Koudougou.";
        let en =
            "Demonstrations are planned in Bobo-Dioulasso, the economic capital, and Koudougou.";
        assert!(appositions(fr, en).is_empty());
    }
}
