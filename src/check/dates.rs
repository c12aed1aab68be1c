//! Weekdays and months: wire copy dates events by weekday (« a annoncé jeudi ») and
//! month (« détenu depuis mars 2024 »), and machine translation sometimes changes them. A
//! weekday or month in the English that the French does not name, when the French names
//! another of its kind, is a wrong date.

use super::{Category, Finding, Pair, Tokens, Word};
use crate::check::Severity;

pub const RULE: &str = "number.weekday";
pub const MONTH_RULE: &str = "number.month";

/// The names of one calendar cycle in both languages, each entry with its spellings.
struct Cycle {
    rule: &'static str,
    french: &'static [&'static [&'static str]],
    english: &'static [&'static [&'static str]],
}

const WEEKDAYS: Cycle = Cycle {
    rule: RULE,
    french: &[
        &["lundi", "lundis"],
        &["mardi", "mardis"],
        &["mercredi", "mercredis"],
        &["jeudi", "jeudis"],
        &["vendredi", "vendredis"],
        &["samedi", "samedis"],
        &["dimanche", "dimanches"],
    ],
    english: &[
        &["monday", "mondays"],
        &["tuesday", "tuesdays"],
        &["wednesday", "wednesdays"],
        &["thursday", "thursdays"],
        &["friday", "fridays"],
        &["saturday", "saturdays"],
        &["sunday", "sundays"],
    ],
};

/// English months with the abbreviations of news style (Feb., Aug., Sept.; not "Jan", a
/// first name).
const MONTHS: Cycle = Cycle {
    rule: MONTH_RULE,
    french: &[
        &["janvier"],
        &["fevrier"],
        &["mars"],
        &["avril"],
        &["mai"],
        &["juin"],
        &["juillet"],
        &["aout"],
        &["septembre"],
        &["octobre"],
        &["novembre"],
        &["decembre"],
    ],
    english: &[
        &["january"],
        &["february", "feb"],
        &["march"],
        &["april", "apr"],
        &["may"],
        &["june"],
        &["july"],
        &["august", "aug"],
        &["september", "sept", "sep"],
        &["october", "oct"],
        &["november", "nov"],
        &["december", "dec"],
    ],
};

/// (token index, position in the cycle) of each name of one side. English names must be
/// capitalised: "may", "march" and "sun" are also common words.
fn named(words: &[Word], names: &[&[&str]], capitalised: bool) -> Vec<(usize, usize)> {
    // Most words start with a letter no name of the cycle starts with.
    let mut initials = [false; 256];
    for spelling in names.iter().flat_map(|spellings| spellings.iter()) {
        if let Some(&b) = spelling.as_bytes().first() {
            initials[usize::from(b)] = true;
        }
    }
    words
        .iter()
        .enumerate()
        .filter(|(_, w)| !capitalised || w.text.starts_with(char::is_uppercase))
        .filter(|(_, w)| {
            w.folded
                .as_bytes()
                .first()
                .is_some_and(|&b| initials[usize::from(b)])
        })
        .filter_map(|(k, w)| {
            let folded = w.folded.trim_end_matches('.');
            names
                .iter()
                .position(|spellings| spellings.contains(&folded))
                .map(|d| (k, d))
        })
        .collect()
}

pub fn check(pair: &Pair, tokens: &Tokens) -> Vec<Finding> {
    let mut findings = changed(pair, tokens, &WEEKDAYS);
    findings.extend(changed(pair, tokens, &MONTHS));
    findings.extend(changed_day_of_month(pair, tokens));
    findings
}

pub const DAY_RULE: &str = "number.date";

/// Words that join the days of one month: « les 6 et 7 septembre », « du 6 au 8 mars »,
/// « entre le 8 et le 28 », "January 1st and 8th", "March 6-8".
const DAY_JOINS: &[&str] = &["et", "au", "le", "and", "to", "the", ",", "-", "–"];

/// A month named in a side with the days attached to it, and the token index of its
/// first day: « le 10 février », « les 6 et 7 septembre »; "February 10", "10 February".
struct Date {
    month: usize,
    days: Vec<u32>,
    first_day: usize,
}

fn day_of_month(words: &[Word], k: usize) -> Option<u32> {
    let digits = words
        .get(k)?
        .text
        .trim_end_matches(|c: char| c.is_alphabetic());
    let value: u32 = digits.parse().ok()?;
    (1..=31).contains(&value).then_some(value)
}

/// "1er", "1st" split by the tokeniser: the suffix after a day number.
fn is_ordinal_suffix(word: &Word) -> bool {
    matches!(
        word.folded.as_str(),
        "er" | "re" | "e" | "eme" | "st" | "nd" | "rd" | "th"
    )
}

/// Days in a run of day numbers and joining words, read from `k` one `step` at a time.
fn days_from(words: &[Word], start: usize, step: isize) -> Vec<(u32, usize)> {
    let at = |k: usize| k.checked_add_signed(step);
    // Past an ordinal suffix, to its number or to what follows it.
    let past_suffix = |k: usize| match words.get(k) {
        Some(w) if is_ordinal_suffix(w) => at(k),
        _ => Some(k),
    };
    let mut days = Vec::new();
    let mut next = if step < 0 {
        past_suffix(start)
    } else {
        Some(start)
    };
    while let Some(k) = next {
        let Some(day) = day_of_month(words, k) else {
            break;
        };
        days.push((day, k));
        let is_join = |j: usize| {
            words.get(j).is_some_and(|w| {
                DAY_JOINS.contains(&w.folded.as_str()) || DAY_JOINS.contains(&w.text)
            })
        };
        // « entre le 8 et le 28 octobre »: a join of one or two words.
        let mut join = at(k)
            .and_then(|j| if step > 0 { past_suffix(j) } else { Some(j) })
            .filter(|&j| is_join(j));
        if let Some(second) = join.and_then(at).filter(|&j| is_join(j)) {
            join = Some(second);
        }
        next = join
            .and_then(at)
            .and_then(|j| if step < 0 { past_suffix(j) } else { Some(j) });
    }
    days
}

fn dates(words: &[Word], french: bool) -> Vec<Date> {
    let names = if french {
        MONTHS.french
    } else {
        MONTHS.english
    };
    let mut found = Vec::new();
    for (k, month) in named(words, names, !french) {
        let mut days = k
            .checked_sub(1)
            .map_or(Vec::new(), |j| days_from(words, j, -1));
        // "February 10": English also puts the days after the month.
        if days.is_empty() && !french {
            days = days_from(words, k + 1, 1);
        }
        if let Some(&(_, first_day)) = days.iter().min_by_key(|(_, at)| *at) {
            found.push(Date {
                month,
                days: days.iter().map(|(d, _)| *d).collect(),
                first_day,
            });
        }
    }
    found
}

/// « le 10 février » rendered "February 1": the month is right, the day is not.
fn changed_day_of_month(pair: &Pair, tokens: &Tokens) -> Option<Finding> {
    let french = dates(&tokens.source, true);
    if french.is_empty() {
        return None;
    }
    let english = dates(&tokens.target, false);
    english.iter().find_map(|e| {
        let same_month: Vec<&Date> = french.iter().filter(|f| f.month == e.month).collect();
        let first = same_month.first()?;
        let named_in_french = |day: &u32| same_month.iter().any(|f| f.days.contains(day));
        let day = e.days.iter().find(|d| !named_in_french(d))?;
        let (fr, en) = (&tokens.source[first.first_day], &tokens.target[e.first_day]);
        Some(
            Finding::new(
                DAY_RULE,
                Category::Number,
                Severity::Error,
                Some(pair.source.span(fr.start, fr.end)),
                Some(pair.target.span(en.start, en.end)),
                format!(
                    "the day of the month changed: « {} » in the French, \"{day}\" in the English",
                    fr.text
                ),
            )
            .suggest(first.days[0].to_string()),
        )
    })
}

/// Words that join the two ends of a span of days or months: « de samedi à dimanche »,
/// "Saturday to Sunday", "Saturday into Sunday", "Saturday-Sunday".
const SPAN_JOINS: &[&str] = &["a", "au", "to", "into", "through", "and", "-", "–"];

/// The first span of two names of the cycle in a side: (index of the second name, the
/// two positions in the cycle).
fn span(words: &[Word], found: &[(usize, usize)]) -> Option<(usize, (usize, usize))> {
    found.windows(2).find_map(|pair| {
        let ((a, first), (b, second)) = (pair[0], pair[1]);
        let joined = b == a + 2
            && (SPAN_JOINS.contains(&words[a + 1].folded.as_str())
                || SPAN_JOINS.contains(&words[a + 1].text));
        joined.then_some((b, (first, second)))
    })
}

fn changed(pair: &Pair, tokens: &Tokens, cycle: &Cycle) -> Vec<Finding> {
    let french = named(&tokens.source, cycle.french, false);
    let Some(&(first_french, _)) = french.first() else {
        return Vec::new();
    };
    let english = named(&tokens.target, cycle.english, true);
    let named_in_french: Vec<usize> = french.iter().map(|&(_, d)| d).collect();
    // « dans la nuit de samedi à dimanche » → "overnight Sunday to Monday": both days are
    // named in the French sentence, but not as this span.
    let changed_span = match (
        span(&tokens.source, &french),
        span(&tokens.target, &english),
    ) {
        (Some((_, french_span)), Some((k, english_span))) if french_span != english_span => {
            Some((k, english_span.1))
        }
        _ => None,
    };
    let mut wrong: Vec<usize> = english
        .into_iter()
        .filter(|(_, d)| !named_in_french.contains(d))
        .chain(changed_span)
        .map(|(k, _)| k)
        .collect();
    wrong.sort_unstable();
    wrong.dedup();
    wrong
        .into_iter()
        .map(|k| {
            let (fr, en) = (&tokens.source[first_french], &tokens.target[k]);
            let expected: Vec<String> = named_in_french
                .iter()
                .map(|&d| capitalised(cycle.english[d][0]))
                .collect();
            Finding::new(
                cycle.rule,
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

fn capitalised(name: &str) -> String {
    let mut letters = name.chars();
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

    fn month_flagged(fr: &str, en: &str) -> bool {
        crate::check::fires(super::MONTH_RULE, fr, en)
    }

    #[test]
    fn a_changed_span_of_days_is_flagged() {
        let fr =
            "Ils ont été enlevés dans la nuit de samedi à dimanche, ont indiqué lundi des sources.";
        assert!(flagged(
            fr,
            "They were kidnapped overnight Sunday to Monday, sources said on Monday."
        ));
        assert!(!flagged(
            fr,
            "They were kidnapped overnight Saturday to Sunday, sources said on Monday."
        ));
    }

    #[test]
    fn a_changed_month_is_flagged_but_not_the_modal_may() {
        assert!(month_flagged(
            "Détenu depuis mars 2024, il a toujours clamé son innocence.",
            "In detention since May 2024, he has always protested his innocence."
        ));
        for (fr, en) in [
            (
                "Détenu depuis mars 2024, il a toujours clamé son innocence.",
                "In detention since March 2024, he may appeal.",
            ),
            (
                "Le vote aura lieu en septembre.",
                "The vote will take place in Sept.",
            ),
        ] {
            assert!(!month_flagged(fr, en), "{en}");
        }
    }

    #[test]
    fn a_changed_day_of_the_month_is_flagged() {
        let fr = "La campagne doit débuter le 10 février et durer dix jours.";
        let day_flagged = |en: &str| crate::check::fires(super::DAY_RULE, fr, en);
        assert!(day_flagged(
            "The campaign is due to begin on February 1 and last ten days."
        ));
        assert!(day_flagged(
            "The campaign is due to begin on 1 February and last ten days."
        ));
        assert!(!day_flagged(
            "The campaign is due to begin on February 10 and last ten days."
        ));
        assert!(!day_flagged(
            "The campaign is due to begin on 10 February and last ten days."
        ));
        assert!(!crate::check::fires(
            super::DAY_RULE,
            "Il est arrivé le 1er mars.",
            "He arrived on March 1st."
        ));
        // Several days of one month.
        let fr = "Le film sortira en deux volets, les 1er et 8 janvier.";
        assert!(!crate::check::fires(
            super::DAY_RULE,
            fr,
            "The film will be released in two parts, on January 1st and 8th."
        ));
        assert!(crate::check::fires(
            super::DAY_RULE,
            fr,
            "The film will be released in two parts, on January 1st and 9th."
        ));
        assert!(!crate::check::fires(
            super::DAY_RULE,
            "Une étude réalisée les 6 et 7 septembre.",
            "A survey carried out on September 6 and 7."
        ));
        assert!(!crate::check::fires(
            super::DAY_RULE,
            "Le chaton a été en contact entre le 8 et le 28 octobre.",
            "The kitten was in contact between 08 to 28 October."
        ));
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
