//! The bound of a figure: « moins de 30 % » is not "more than 30 percent", « près de 300 »
//! (just short of 300) is not "more than 300". The figures agree, so the number check is
//! silent; the words that bound them point the other way.

use super::{Precision, Quantity};
use crate::check::{Category, Finding, Pair, Severity, Word};

pub const RULE: &str = "number.bound";

/// Which side of its figure an amount lies on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Bound {
    /// More than the figure: « plus de », "over", "at least".
    Above,
    /// Less than the figure: « moins de », "under", "up to".
    Below,
    /// Close to the figure and short of it: « près de », "nearly", "almost".
    Nearly,
    /// Close to the figure on either side: « environ », "about", "some".
    About,
}

impl Bound {
    fn english(self) -> &'static str {
        match self {
            Bound::Above => "more than",
            Bound::Below => "less than",
            Bound::Nearly => "nearly",
            Bound::About => "about",
        }
    }

    /// How far two bounds contradict each other: opposite directions are an error, an
    /// approximation turned into a limit (or back) a warning, and close ones nothing.
    fn conflict(french: Bound, english: Bound) -> Option<Severity> {
        use Bound::*;
        match (french, english) {
            (Above, Below) | (Below, Above) | (Nearly, Above) | (Above, Nearly) => {
                Some(Severity::Error)
            }
            (About, Above) | (About, Below) => Some(Severity::Warning),
            _ => None,
        }
    }
}

/// French bounds, as folded word sequences right before the figure. Longer ones first, so
/// that « pas moins de » (at least) wins over « moins de ».
const FRENCH: &[(&[&str], Bound)] = &[
    (&["pas", "moins", "de"], Bound::Above),
    (&["pas", "moins", "d'"], Bound::Above),
    (&["pas", "plus", "de"], Bound::Below),
    (&["pas", "plus", "d'"], Bound::Below),
    (&["plus", "de"], Bound::Above),
    (&["plus", "d'"], Bound::Above),
    (&["au", "moins"], Bound::Above),
    (&["au-dela", "de"], Bound::Above),
    (&["au-dela", "d'"], Bound::Above),
    (&["moins", "de"], Bound::Below),
    (&["moins", "d'"], Bound::Below),
    (&["au", "plus"], Bound::Below),
    (&["au", "maximum"], Bound::Below),
    (&["jusqu'", "a"], Bound::Below),
    (&["pres", "de"], Bound::Nearly),
    (&["pres", "d'"], Bound::Nearly),
    (&["presque"], Bound::Nearly),
    (&["quasiment"], Bound::Nearly),
    (&["environ"], Bound::About),
    (&["quelque"], Bound::About),
    (&["approximativement"], Bound::About),
    (&["autour", "de"], Bound::About),
    (&["autour", "d'"], Bound::About),
];

/// English bounds, the same way. "no more than" restricts (ne … que), so it is a limit
/// from above, and "no fewer than" one from below.
const ENGLISH: &[(&[&str], Bound)] = &[
    (&["no", "more", "than"], Bound::Below),
    (&["not", "more", "than"], Bound::Below),
    (&["no", "fewer", "than"], Bound::Above),
    (&["no", "less", "than"], Bound::Above),
    (&["not", "less", "than"], Bound::Above),
    (&["more", "than"], Bound::Above),
    (&["greater", "than"], Bound::Above),
    (&["in", "excess", "of"], Bound::Above),
    (&["upwards", "of"], Bound::Above),
    (&["at", "least"], Bound::Above),
    (&["over"], Bound::Above),
    (&["above"], Bound::Above),
    (&["exceeding"], Bound::Above),
    (&["less", "than"], Bound::Below),
    (&["fewer", "than"], Bound::Below),
    (&["at", "most"], Bound::Below),
    (&["up", "to"], Bound::Below),
    (&["under"], Bound::Below),
    (&["below"], Bound::Below),
    (&["close", "to"], Bound::Nearly),
    (&["nearly"], Bound::Nearly),
    (&["almost"], Bound::Nearly),
    (&["approaching"], Bound::Nearly),
    (&["about"], Bound::About),
    (&["around"], Bound::About),
    (&["roughly"], Bound::About),
    (&["approximately"], Bound::About),
    (&["some"], Bound::About),
    (&["estimated"], Bound::About),
];

/// Bounds that follow their figure, past a unit (« quinze jours au plus », "300 or
/// more").
const FRENCH_AFTER: &[(&[&str], Bound)] = &[
    (&["au", "plus"], Bound::Below),
    (&["au", "maximum"], Bound::Below),
    (&["au", "moins"], Bound::Above),
    (&["environ"], Bound::About),
];
const ENGLISH_AFTER: &[(&[&str], Bound)] = &[
    (&["or", "more"], Bound::Above),
    (&["at", "least"], Bound::Above),
    (&["or", "less"], Bound::Below),
    (&["or", "fewer"], Bound::Below),
    (&["at", "most"], Bound::Below),
    (&["or", "so"], Bound::About),
];

/// Articles between a bound and a fraction: « plus d'un tiers », "less than a third".
const ARTICLES: &[&str] = &["la", "le", "l'", "un", "une", "a", "an", "the"];

fn same_words(words: &[&Word], phrase: &[&str]) -> bool {
    words.len() == phrase.len()
        && words
            .iter()
            .zip(phrase)
            .all(|(w, p)| w.folded.replace('’', "'") == *p)
}

/// The bound of the figure at bytes `start..end`, before it (past an article) or after
/// it (past one word, its unit), with the byte span of the bound's words.
fn bound_of(
    words: &[Word],
    (start, end): (usize, usize),
    before_table: &[(&[&str], Bound)],
    after_table: &[(&[&str], Bound)],
) -> Option<(Bound, usize, usize)> {
    let mut before: Vec<&Word> = words.iter().filter(|w| w.end <= start).collect();
    let article = before.len() >= 2
        && ARTICLES.contains(&before[before.len() - 1].folded.as_str())
        && before_table.iter().all(|(p, _)| !ends_with(&before, p));
    if article {
        before.pop();
    }
    let span = |w: &[&Word]| (w[0].start, w[w.len() - 1].end);
    let preceding = before_table.iter().find_map(|(phrase, bound)| {
        ends_with(&before, phrase).then(|| {
            let (s, e) = span(&before[before.len() - phrase.len()..]);
            (*bound, s, e)
        })
    });
    let after: Vec<&Word> = words.iter().filter(|w| w.start >= end).take(4).collect();
    let following = || {
        after_table.iter().find_map(|(phrase, bound)| {
            (0..=1).find_map(|skip| {
                let words = after.get(skip..skip + phrase.len())?;
                same_words(words, phrase).then(|| (*bound, span(words).0, span(words).1))
            })
        })
    };
    preceding.or_else(following)
}

fn ends_with(words: &[&Word], phrase: &[&str]) -> bool {
    words.len() >= phrase.len() && same_words(&words[words.len() - phrase.len()..], phrase)
}

/// Findings for figures whose French and English bounds contradict each other.
pub fn changed_bounds(
    pair: &Pair,
    tokens: &crate::check::Tokens,
    source: &[Quantity],
    target: &[Quantity],
) -> Vec<Finding> {
    let mut out = Vec::new();
    for q in source {
        let figure = (q.start, q.end);
        let worded = bound_of(&tokens.source, figure, FRENCH, FRENCH_AFTER);
        // « une centaine » is about a hundred by itself, and only its own round figure
        // renders it ("more than 100"), not a precise count of its order beside it.
        let approximate =
            (q.precision == Precision::About).then_some((Bound::About, q.start, q.end));
        let Some((french, fs, fe)) = worded.or(approximate) else {
            continue;
        };
        let renders = |o: &&Quantity| {
            o.matches(q) && (worded.is_some() || o.values.iter().any(|v| q.values.contains(v)))
        };
        let english = target.iter().filter(renders).find_map(|o| {
            let figure = (o.start, o.end);
            let (bound, start, end) = bound_of(&tokens.target, figure, ENGLISH, ENGLISH_AFTER)?;
            Some((bound, start.min(o.start), end.max(o.end)))
        });
        let Some((english, es, ee)) = english else {
            continue;
        };
        let Some(severity) = Bound::conflict(french, english) else {
            continue;
        };
        let (fs, fe) = (fs.min(q.start), fe.max(q.end));
        let (fr, en) = (&pair.source.text[fs..fe], &pair.target.text[es..ee]);
        out.push(
            Finding::new(
                RULE,
                Category::Number,
                severity,
                Some(pair.source.span(fs, fe)),
                Some(pair.target.span(es, ee)),
                format!(
                    "« {fr} » in the French is not “{en}” in the English: the figure's bound \
                     points the other way"
                ),
            )
            .suggest(french.english()),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    fn bound_rules(fr: &str, en: &str) -> Vec<String> {
        crate::check::family_rules_on(super::RULE, fr, en)
    }

    #[test]
    fn a_bound_that_points_the_other_way_is_flagged() {
        let fr = "Moins de 30 % des ouvrages ont été achevés.";
        assert_eq!(
            bound_rules(fr, "More than 30 percent of the structures were completed."),
            [super::RULE]
        );
        let fr = "Près de 300 soldats ont quitté la base.";
        assert_eq!(
            bound_rules(fr, "More than 300 soldiers left the base."),
            [super::RULE]
        );
        // A fraction after an article; a bound after its figure and unit.
        let fr = "Plus d'un tiers des habitants ont fui.";
        assert_eq!(
            bound_rules(fr, "Less than a third of the inhabitants have fled."),
            [super::RULE]
        );
        let fr = "Le couvre-feu durera quinze jours au plus.";
        assert_eq!(
            bound_rules(fr, "The curfew will last at least fifteen days."),
            [super::RULE]
        );
        // « une centaine » is an approximation: "more than 100" makes it a limit.
        let fr = "Une centaine de camions attendent à la frontière.";
        assert_eq!(
            bound_rules(fr, "More than 100 trucks are waiting at the border."),
            [super::RULE]
        );
        assert!(bound_rules(fr, "Around 100 trucks are waiting at the border.").is_empty());
        // « pas moins de » is at least: "under" turns it round.
        let fr = "Pas moins de 40 villages ont été touchés.";
        assert_eq!(
            bound_rules(fr, "Under 40 villages were affected."),
            [super::RULE]
        );
    }

    #[test]
    fn bounds_of_one_direction_or_none_stay_silent() {
        for (fr, en) in [
            (
                "Moins de 30 % des ouvrages ont été achevés.",
                "Fewer than 30 percent of the structures were completed.",
            ),
            (
                "Près de 300 soldats ont quitté la base.",
                "Almost 300 soldiers left the base.",
            ),
            (
                "Près de 300 soldats ont quitté la base.",
                "Some 300 soldiers left the base.",
            ),
            (
                "Plus de 300 soldats ont quitté la base.",
                "At least 300 soldiers left the base.",
            ),
            (
                "Pas moins de 40 villages ont été touchés.",
                "No fewer than 40 villages were affected.",
            ),
            (
                "Le couvre-feu durera quinze jours au plus.",
                "The curfew will last fifteen days at most.",
            ),
            (
                "Plus d'un tiers des habitants ont fui.",
                "Over a third of the inhabitants have fled.",
            ),
            // A bound the English leaves out is the number check's business, not this one.
            (
                "Plus de 300 soldats ont quitté la base.",
                "300 soldiers left the base.",
            ),
        ] {
            assert!(bound_rules(fr, en).is_empty(), "{en}");
        }
    }
}
