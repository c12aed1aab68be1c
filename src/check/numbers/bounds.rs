//! The bound of a figure: « moins de 30 % » is not "more than 30 percent", « près de 300 »
//! (just short of 300) is not "more than 300". The figures agree, so the number check is
//! silent; the words that bound them point the other way.

use super::Quantity;
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

/// The bound of the figure starting at byte `start`, with the byte span of its words.
fn bound_before(
    words: &[Word],
    start: usize,
    table: &[(&[&str], Bound)],
) -> Option<(Bound, usize, usize)> {
    let before: Vec<&Word> = words.iter().filter(|w| w.end <= start).collect();
    table.iter().find_map(|(phrase, bound)| {
        let at = before.len().checked_sub(phrase.len())?;
        let tail = &before[at..];
        let same = tail
            .iter()
            .zip(phrase.iter())
            .all(|(w, p)| w.folded.replace('’', "'") == *p);
        same.then(|| (*bound, tail[0].start, tail[tail.len() - 1].end))
    })
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
        let Some((french, fs, fe)) = bound_before(&tokens.source, q.start, FRENCH) else {
            continue;
        };
        let english = target.iter().filter(|o| o.matches(q)).find_map(|o| {
            let (bound, start, _) = bound_before(&tokens.target, o.start, ENGLISH)?;
            Some((bound, start, o.end))
        });
        let Some((english, es, ee)) = english else {
            continue;
        };
        let Some(severity) = Bound::conflict(french, english) else {
            continue;
        };
        let (fr, en) = (&pair.source.text[fs..q.end], &pair.target.text[es..ee]);
        out.push(
            Finding::new(
                RULE,
                Category::Number,
                severity,
                Some(pair.source.span(fs, fe.max(q.end))),
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
