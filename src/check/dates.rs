//! Weekdays: wire copy dates events by weekday (« a annoncé jeudi »), and machine
//! translation sometimes changes it. A weekday in the English that the French does not
//! name, when the French names another, is a wrong date.

use super::{Category, Finding, Pair, Tokens, Word};
use crate::check::Severity;

pub const RULE: &str = "number.weekday";

const FRENCH_DAYS: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const ENGLISH_DAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// (token index, day number) of each weekday of one side.
fn weekdays(words: &[Word], names: &[&str; 7]) -> Vec<(usize, usize)> {
    words
        .iter()
        .enumerate()
        .filter_map(|(k, w)| {
            let day = names
                .iter()
                .position(|d| *d == w.folded.trim_end_matches('s'));
            day.map(|d| (k, d))
        })
        .collect()
}

pub fn check(pair: &Pair, tokens: &Tokens) -> Vec<Finding> {
    let french = weekdays(&tokens.source, &FRENCH_DAYS);
    let Some(&(first_french, _)) = french.first() else {
        return Vec::new();
    };
    let named: Vec<usize> = french.iter().map(|&(_, d)| d).collect();
    weekdays(&tokens.target, &ENGLISH_DAYS)
        .into_iter()
        .filter(|(_, d)| !named.contains(d))
        .map(|(k, _)| {
            let (fr, en) = (&tokens.source[first_french], &tokens.target[k]);
            let expected: Vec<String> = named
                .iter()
                .map(|&d| capitalised(ENGLISH_DAYS[d]))
                .collect();
            Finding::new(
                RULE,
                Category::Number,
                Severity::Error,
                Some(pair.source.span(fr.start, fr.end)),
                Some(pair.target.span(en.start, en.end)),
                format!(
                    "the French says « {} », the English \"{}\"",
                    fr.text, en.text
                ),
            )
            .suggest(expected.join(" or "))
        })
        .collect()
}

fn capitalised(day: &str) -> String {
    let mut letters = day.chars();
    letters
        .next()
        .map(|c| c.to_uppercase().chain(letters).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    fn flagged(fr: &str, en: &str) -> bool {
        crate::check::fires(super::RULE, fr, en)
    }

    #[test]
    fn a_changed_weekday_is_flagged() {
        assert!(flagged(
            "Le gouvernement a annoncé jeudi la libération des otages.",
            "The government announced on Tuesday the release of the hostages."
        ));
    }

    #[test]
    fn the_same_day_or_no_day_stays_silent() {
        for (fr, en) in [
            (
                "Le gouvernement a annoncé jeudi la libération des otages.",
                "The government announced the release of the hostages on Thursday.",
            ),
            (
                "L'attaque a eu lieu dans la nuit de samedi à dimanche.",
                "The attack took place overnight Saturday.",
            ),
            (
                "Le gouvernement a annoncé la libération des otages.",
                "The government said on Monday the hostages had been freed.",
            ),
        ] {
            assert!(!flagged(fr, en), "{en}");
        }
    }
}
