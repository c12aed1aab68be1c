//! The unit of a figure: « sa cinquième semaine » is not "its fifth month", « 6,4 millions
//! d'euros » not "6.4 million dollars". The figures agree, so the number check is silent;
//! the unit after (or the currency sign before) them does not.

use super::Quantity;
use crate::check::{Category, Finding, Pair, Severity, Word};

pub const RULE: &str = "number.unit";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
    Euro,
    Dollar,
    Franc,
    Pound,
    Millimetre,
    Centimetre,
    Metre,
    Kilometre,
    Mile,
    Kilogram,
    Tonne,
    Hectare,
    Acre,
    Litre,
}

impl Unit {
    fn name(self) -> &'static str {
        match self {
            Unit::Minute => "minutes",
            Unit::Hour => "hours",
            Unit::Day => "days",
            Unit::Week => "weeks",
            Unit::Month => "months",
            Unit::Year => "years",
            Unit::Euro => "euros",
            Unit::Dollar => "dollars",
            Unit::Franc => "francs",
            Unit::Pound => "pounds",
            Unit::Millimetre => "millimetres",
            Unit::Centimetre => "centimetres",
            Unit::Metre => "metres",
            Unit::Kilometre => "kilometres",
            Unit::Mile => "miles",
            Unit::Kilogram => "kilograms",
            Unit::Tonne => "tonnes",
            Unit::Hectare => "hectares",
            Unit::Acre => "acres",
            Unit::Litre => "litres",
        }
    }
}

/// Unit words of `lang`, folded. « livre » is left out: it is also a book.
fn unit_word(lang: &str, folded: &str) -> Option<Unit> {
    let word = folded.trim_end_matches(['\'', '’']);
    let french = lang == "fr";
    Some(match word {
        "minute" | "minutes" | "mn" | "min" => Unit::Minute,
        "heure" | "heures" if french => Unit::Hour,
        "hour" | "hours" if !french => Unit::Hour,
        "jour" | "jours" | "journee" | "journees" if french => Unit::Day,
        "day" | "days" if !french => Unit::Day,
        "semaine" | "semaines" if french => Unit::Week,
        "week" | "weeks" if !french => Unit::Week,
        "mois" if french => Unit::Month,
        "month" | "months" if !french => Unit::Month,
        "an" | "ans" | "annee" | "annees" if french => Unit::Year,
        "year" | "years" if !french => Unit::Year,
        "euro" | "euros" => Unit::Euro,
        "dollar" | "dollars" => Unit::Dollar,
        "franc" | "francs" | "fcfa" | "cfa" => Unit::Franc,
        "pound" | "pounds" | "sterling" if !french => Unit::Pound,
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => Unit::Millimetre,
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => Unit::Centimetre,
        "metre" | "metres" | "meter" | "meters" => Unit::Metre,
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => Unit::Kilometre,
        "mile" | "miles" | "mph" if !french => Unit::Mile,
        "kg" | "kilo" | "kilos" | "kilogramme" | "kilogrammes" | "kilogram" | "kilograms" => {
            Unit::Kilogram
        }
        "tonne" | "tonnes" | "ton" | "tons" => Unit::Tonne,
        "ha" | "hectare" | "hectares" => Unit::Hectare,
        "acre" | "acres" if !french => Unit::Acre,
        "litre" | "litres" | "liter" | "liters" => Unit::Litre,
        _ => return None,
    })
}

fn unit_sign(c: char) -> Option<Unit> {
    match c {
        '€' => Some(Unit::Euro),
        '$' => Some(Unit::Dollar),
        '£' => Some(Unit::Pound),
        _ => None,
    }
}

/// Words that may stand between a figure and its unit: « millions d'euros », "-year-old".
fn is_link(word: &Word) -> bool {
    !word.is_word() && word.text == "-"
        || matches!(
            word.folded.as_str(),
            "de" | "d'" | "d’" | "of" | "us" | "american" | "americain" | "americains"
        )
}

/// The unit of `q`: a sign right before it, or a unit word after it, past linking words.
fn unit_of(q: &Quantity, words: &[Word], text: &str, lang: &str) -> Option<Unit> {
    if !q.parts.is_empty() {
        return None; // a clock time
    }
    if let Some(sign) = text[..q.start]
        .trim_end()
        .chars()
        .next_back()
        .and_then(unit_sign)
    {
        return Some(sign);
    }
    words
        .iter()
        .skip_while(|w| w.start < q.end)
        .take(3)
        .find(|w| !is_link(w))
        .and_then(|w| unit_word(lang, &w.folded))
}

/// A French figure with a unit whose English counterparts all carry another one.
pub fn changed_unit(
    pair: &Pair,
    tokens: &crate::check::Tokens,
    source: &[Quantity],
    target: &[Quantity],
) -> Option<Finding> {
    let lang = (pair.source.lang, pair.target.lang);
    let french_unit = |q: &Quantity| unit_of(q, &tokens.source, pair.source.text, lang.0);
    // « un an … un jour »: "one day" renders the other French figure.
    let rendered_elsewhere = |q: &Quantity, english: &Quantity, unit: Unit| {
        source
            .iter()
            .any(|s| s != q && s.matches(english) && french_unit(s) == Some(unit))
    };
    source.iter().find_map(|q| {
        // « un » is weak evidence; « une trentaine » is a figure like any other.
        if q.strength == super::Strength::Weak && q.precision == super::Precision::Exact {
            return None;
        }
        let unit = french_unit(q)?;
        let counterparts: Vec<(&Quantity, Option<Unit>)> = target
            .iter()
            .filter(|o| o.matches(q))
            .map(|o| (o, unit_of(o, &tokens.target, pair.target.text, lang.1)))
            .collect();
        // An English figure with no unit, or with the same one, may well be the French one.
        let changed = counterparts
            .iter()
            .all(|(_, u)| u.is_some_and(|u| u != unit));
        if counterparts.is_empty() || !changed {
            return None;
        }
        let (english, other) = counterparts[0];
        let other = other?;
        if rendered_elsewhere(q, english, other) || same_duration(q, unit, english, other) {
            return None;
        }
        Some(
            Finding::new(
                RULE,
                Category::Number,
                Severity::Error,
                Some(pair.source.span(q.start, q.end)),
                Some(pair.target.span(english.start, english.end)),
                format!(
                    "« {} » counts {}, the English counts {}",
                    &pair.source.text[q.start..q.end],
                    unit.name(),
                    other.name()
                ),
            )
            .suggest(unit.name()),
        )
    })
}

/// Days in one of a unit of time.
fn days(unit: Unit) -> Option<f64> {
    match unit {
        Unit::Hour => Some(1.0 / 24.0),
        Unit::Day => Some(1.0),
        Unit::Week => Some(7.0),
        Unit::Month => Some(30.0),
        Unit::Year => Some(365.0),
        _ => None,
    }
}

/// « quinze jours » and "two weeks", « douze mois » and "a year": one duration in two
/// units, within a day or a tenth.
fn same_duration(french: &Quantity, unit: Unit, english: &Quantity, other: Unit) -> bool {
    let (Some(a), Some(b)) = (days(unit), days(other)) else {
        return false;
    };
    french.values.iter().any(|f| {
        english.values.iter().any(|e| {
            let (x, y) = (f * a, e * b);
            (x - y).abs() <= 1.0_f64.max(0.1 * x.max(y))
        })
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Last,
    This,
    Next,
}

/// A period named relative to now: « l'année dernière », « le mois prochain », "last
/// year", "next week"; with the byte span of its unit word.
struct Period {
    direction: Direction,
    unit: Unit,
    start: usize,
    end: usize,
}

fn french_direction(folded: &str) -> Option<Direction> {
    Some(match folded {
        "dernier" | "derniere" | "passe" | "passee" | "precedent" | "precedente" => Direction::Last,
        "prochain" | "prochaine" | "suivant" | "suivante" => Direction::Next,
        "ce" | "cet" | "cette" => Direction::This,
        _ => return None,
    })
}

fn english_direction(folded: &str) -> Option<Direction> {
    Some(match folded {
        "last" | "past" | "previous" => Direction::Last,
        "next" | "coming" | "following" => Direction::Next,
        "this" => Direction::This,
        _ => return None,
    })
}

/// Periods of one side. French puts the direction after the unit (« le mois dernier »),
/// except « ce mois-ci »; English before it.
fn periods(words: &[Word], lang: &str) -> Vec<Period> {
    let words: Vec<&Word> = words.iter().filter(|w| w.is_word()).collect();
    let french = lang == "fr";
    let mut found = Vec::new();
    for (k, w) in words.iter().enumerate() {
        let folded = w.folded.split('-').next().unwrap_or("");
        let Some(unit) = unit_word(lang, folded).filter(|u| days(*u).is_some()) else {
            continue;
        };
        let before = k.checked_sub(1).map(|j| words[j].folded.as_str());
        let after = words.get(k + 1).map(|n| n.folded.as_str());
        let direction = if french {
            after.and_then(french_direction).or(before
                .and_then(french_direction)
                .filter(|d| *d == Direction::This))
        } else {
            before.and_then(english_direction)
        };
        if let Some(direction) = direction {
            found.push(Period {
                direction,
                unit,
                start: w.start,
                end: w.end,
            });
        }
    }
    found
}

/// « l'année dernière » rendered "last month": the same direction, another period.
pub fn changed_period(pair: &Pair, tokens: &crate::check::Tokens) -> Option<Finding> {
    let french = periods(&tokens.source, pair.source.lang);
    if french.is_empty() {
        return None;
    }
    let english = periods(&tokens.target, pair.target.lang);
    let has = |side: &[Period], d: Direction, u: Unit| {
        side.iter().any(|p| p.direction == d && p.unit == u)
    };
    french.iter().find_map(|f| {
        if has(&english, f.direction, f.unit) {
            return None;
        }
        let e = english
            .iter()
            .find(|e| e.direction == f.direction && !has(&french, e.direction, e.unit))?;
        Some(
            Finding::new(
                RULE,
                Category::Number,
                Severity::Error,
                Some(pair.source.span(f.start, f.end)),
                Some(pair.target.span(e.start, e.end)),
                format!(
                    "« {} » is not \"{}\": the period changed",
                    &pair.source.text[f.start..f.end],
                    &pair.target.text[e.start..e.end]
                ),
            )
            .suggest(f.unit.name().trim_end_matches('s')),
        )
    })
}

#[cfg(test)]
mod tests {
    fn rules(fr: &str, en: &str) -> Vec<String> {
        crate::check::family_rules_on("number.", fr, en)
    }

    #[test]
    fn a_changed_unit_is_flagged() {
        for (fr, en) in [
            (
                "La pénurie entre dans sa cinquième semaine à Bamako.",
                "The shortage is entering its fifth month in Bamako.",
            ),
            (
                "Il est accusé d'avoir détourné 6,4 millions d'euros.",
                "He is accused of embezzling 6.4 million dollars.",
            ),
            (
                "Il est accusé d'avoir détourné 6,4 millions d'euros.",
                "He is accused of embezzling $6.4 million.",
            ),
            (
                "Les écoles sont fermées depuis trois semaines.",
                "Schools have been closed for three months.",
            ),
            (
                "La pirogue avait parcouru 1 500 km depuis la Gambie.",
                "The pirogue had travelled 1,500 miles from Gambia.",
            ),
            (
                "Des vents de 200 km/h ont balayé la côte.",
                "Winds of 200 mph swept the coast.",
            ),
            (
                "Il est tombé 142 millimètres de pluie en six heures.",
                "142 centimetres of rain fell in six hours.",
            ),
            (
                "La douane a saisi 2,5 tonnes de cannabis.",
                "Customs seized 2.5 kilograms of cannabis.",
            ),
            (
                "Les eaux ont envahi 1 800 hectares de rizières.",
                "The waters flooded 1,800 acres of rice fields.",
            ),
            (
                "Les premiers cas sont apparus à la fin de l'année dernière.",
                "The first cases appeared at the end of last month.",
            ),
            (
                "Les distributions reprendront dès le mois prochain.",
                "Distributions will resume from next week.",
            ),
            (
                "Les blessés ont été évacués vers Dapaong, à une trentaine de kilomètres.",
                "The wounded were evacuated to Dapaong, some 30 miles away.",
            ),
        ] {
            assert_eq!(rules(fr, en), ["number.unit"], "{en}");
        }
    }

    #[test]
    fn the_same_unit_or_none_stays_silent() {
        for (fr, en) in [
            (
                "La pénurie entre dans sa cinquième semaine à Bamako.",
                "The shortage is entering its fifth week in Bamako.",
            ),
            (
                "Il est accusé d'avoir détourné 6,4 millions d'euros.",
                "He is accused of embezzling €6.4 million.",
            ),
            (
                "Il a été condamné à deux ans de prison.",
                "He was sentenced to a two-year prison term.",
            ),
            (
                "Le prêt de 300 000 francs CFA a été remboursé.",
                "The 300,000 CFA franc loan was repaid.",
            ),
            (
                "Il est tombé 142 mm de pluie en six heures.",
                "142 millimetres (5.6 inches) of rain fell in six hours.",
            ),
            (
                "La douane a saisi 2,5 tonnes de cannabis.",
                "Customs seized 2.5 tons of cannabis.",
            ),
            (
                "Les combats ont duré trois jours.",
                "The fighting lasted three days.",
            ),
            (
                "Les premiers cas sont apparus à la fin de l'année dernière.",
                "The first cases appeared late last year.",
            ),
            (
                "Les distributions reprendront dès le mois prochain, et cette semaine à Goz Beïda.",
                "Distributions will resume next month, and this week in Goz Beida.",
            ),
            // The English figure renders the other French one; the number check sees the
            // lost one.
            (
                "Il a vécu trois ans en exil, puis trois jours en prison.",
                "He then spent three days in prison.",
            ),
        ] {
            assert!(
                !rules(fr, en).iter().any(|r| r == "number.unit"),
                "{en}: {:?}",
                rules(fr, en)
            );
        }
    }
}
