//! Numbers: every figure on one side must have an equivalent on the other.
//!
//! Digits are read in the conventions of their language (French "3 000", "3,5 %",
//! "12 h 30", "1er"; English "3,000", "3.5%", "12:30", "1st"), number words are read with
//! their scale ("deux cents", "2,5 milliards", "three hundred"), and approximate words
//! ("une centaine", "a dozen", "des milliers") match any value of the same order. A figure
//! is compared as a set of candidate values, so an equivalent rendering never alarms.

use super::{Category, Finding, Pair, Severity, Word};
use crate::text::token::TokenKind;
use foldhash::HashMap;
use std::sync::OnceLock;

mod bounds;
mod units;

const NUMBER_WORDS: &str = include_str!("data/numbers.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WordKind {
    Cardinal,
    Hundred,
    Scale,
    Ordinal,
    Approx,
    ApproxPlural,
    Time,
    Weak,
    Month,
    /// « tripler », "doubled": a figure of its own, never part of a longer number.
    Multiplier,
    /// « tiers », "quarter": a share, whose value is the denominator; read only where
    /// the words around make it one (`fraction_at`).
    Fraction,
}

type Lexicon = HashMap<String, Vec<(WordKind, f64)>>;

/// Number words per language, keyed by folded form.
fn lexicon(lang: &str) -> &'static Lexicon {
    static FR: OnceLock<Lexicon> = OnceLock::new();
    static EN: OnceLock<Lexicon> = OnceLock::new();
    let (cell, code) = if lang == "fr" {
        (&FR, "fr")
    } else {
        (&EN, "en")
    };
    cell.get_or_init(|| parse_lexicon(NUMBER_WORDS, code))
}

fn parse_lexicon(data: &str, lang: &str) -> Lexicon {
    let mut map: Lexicon = HashMap::default();
    for line in data
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let fields: Vec<&str> = line.split('\t').collect();
        let [code, word, kind, value] = fields[..] else {
            panic!("numbers.tsv: malformed line {line:?}");
        };
        if code != lang {
            continue;
        }
        let kind = match kind {
            "cardinal" => WordKind::Cardinal,
            "hundred" => WordKind::Hundred,
            "scale" => WordKind::Scale,
            "ordinal" => WordKind::Ordinal,
            "approx" => WordKind::Approx,
            "approx-plural" => WordKind::ApproxPlural,
            "time" => WordKind::Time,
            "weak" => WordKind::Weak,
            "month" => WordKind::Month,
            "multiplier" => WordKind::Multiplier,
            "fraction" => WordKind::Fraction,
            other => panic!("numbers.tsv: unknown kind {other:?}"),
        };
        let value: f64 = value.parse().expect("numbers.tsv: bad value");
        map.entry(word.to_string()).or_default().push((kind, value));
    }
    map
}

fn lookup(lang: &str, folded: &str, wanted: impl Fn(WordKind) -> bool) -> Option<(WordKind, f64)> {
    lexicon(lang)
        .get(folded)?
        .iter()
        .copied()
        .find(|(k, _)| wanted(*k))
}

/// Whether a folded word of `lang` is a number word that counts ("deux", "cent", "mille").
pub fn is_number_word(lang: &str, folded: &str) -> bool {
    lookup(lang, folded, |k| {
        matches!(k, WordKind::Cardinal | WordKind::Hundred | WordKind::Scale)
    })
    .is_some()
}

/// The value of a number word that counts or approximates a count: « trois » → 3,
/// "sixty" → 60, « une soixantaine » → 60, "dozens" → 12.
pub fn word_value(lang: &str, folded: &str) -> Option<f64> {
    lookup(lang, folded, |k| {
        matches!(
            k,
            WordKind::Cardinal
                | WordKind::Hundred
                | WordKind::Scale
                | WordKind::Approx
                | WordKind::ApproxPlural
        )
    })
    .map(|(_, value)| value)
}

/// How much a figure is worth as evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    /// Matches others but never alarms on its own ("un", "first", "both", "une dizaine").
    Weak,
    /// A number word ("trois", "seventh").
    Words,
    /// Written in digits.
    Digits,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Precision {
    Exact,
    /// "une centaine", "a dozen": of the same order.
    About,
    /// "des centaines", "thousands": that order or more.
    Plural,
}

/// A figure found in a text: local byte span and the values it may stand for.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    pub start: usize,
    pub end: usize,
    pub values: Vec<f64>,
    pub strength: Strength,
    pub precision: Precision,
    /// Components of a clock time or duration (hour, minutes) that may stand alone on the
    /// other side ("2h45" ↔ "2 hours 45 minutes"); never compared with another time.
    pub parts: Vec<f64>,
}

impl Quantity {
    fn new(start: usize, end: usize, values: Vec<f64>, strength: Strength) -> Self {
        Quantity {
            start,
            end,
            values,
            strength,
            precision: Precision::Exact,
            parts: Vec::new(),
        }
    }

    /// True when both stand for the same amount.
    pub fn matches(&self, other: &Quantity) -> bool {
        use Precision::*;
        let pairs = || {
            self.values
                .iter()
                .flat_map(move |a| other.values.iter().map(move |b| (*a, *b)))
        };
        // An approximation (« une trentaine ») is no part of a clock time.
        let part_of = |time: &Quantity, plain: &Quantity| {
            plain.parts.is_empty()
                && plain.precision == Precision::Exact
                && plain
                    .values
                    .iter()
                    .any(|v| time.parts.iter().any(|p| same(*p, *v)))
        };
        if part_of(self, other) || part_of(other, self) {
            return true;
        }
        match (self.precision, other.precision) {
            (Exact, Exact) => pairs().any(|(a, b)| same(a, b)),
            // "hundreds" is at least two hundred: « une centaine » is not hundreds.
            // « plusieurs centaines » is not "several thousand": both plural, one order.
            (Plural, Plural) => pairs().any(|(a, b)| a / b <= 2.0 && b / a <= 2.0),
            (Plural, About) => pairs().any(|(a, b)| b >= a * PLURAL_AT_LEAST),
            (About, Plural) => pairs().any(|(a, b)| a >= b * PLURAL_AT_LEAST),
            (Plural, _) => pairs().any(|(a, b)| b >= a * 0.9),
            (_, Plural) => pairs().any(|(a, b)| a >= b * 0.9),
            _ => pairs().any(|(a, b)| a > 0.0 && b > 0.0 && a / b <= 2.0 && b / a <= 2.0),
        }
    }
}

/// "Hundreds", « des dizaines » beside an approximation: at least two of the unit, less
/// rounding.
const PLURAL_AT_LEAST: f64 = 1.8;

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Values a string of digits may stand for in `lang`: "3 000" → 3000; French "3,5" → 3.5;
/// "3,500" → 3500 or 3.5 (both conventions appear in the wild).
pub fn digit_values(text: &str, lang: &str) -> Vec<f64> {
    let compact: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let mut values = Vec::new();
    let mut push = |s: &str| {
        if let Ok(v) = s.parse::<f64>() {
            if !values.iter().any(|x| same(*x, v)) {
                values.push(v);
            }
        }
    };
    let has_comma = compact.contains(',');
    let has_dot = compact.contains('.');
    match (has_comma, has_dot) {
        (false, false) => push(&compact),
        (true, true) => {
            // The last separator is the decimal one.
            let last = compact.rfind([',', '.']).unwrap_or(0);
            let int: String = compact[..last]
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            push(&format!("{int}.{}", &compact[last + 1..]));
        }
        _ => {
            let sep = if has_comma { ',' } else { '.' };
            let groups: Vec<&str> = compact.split(sep).collect();
            let grouping = groups.len() > 1
                && groups[1..].iter().all(|g| g.len() == 3)
                && (1..=3).contains(&groups[0].len());
            let decimal_sep = if lang == "fr" { ',' } else { '.' };
            if grouping {
                push(&groups.concat());
            }
            if groups.len() == 2 && (!grouping || sep == decimal_sep) {
                push(&format!("{}.{}", groups[0], groups[1]));
            }
        }
    }
    values
}

/// Candidate values of a clock time or duration: 12 h 30 → 1230 (as in "1230 GMT"), the
/// same on the other half of a 12-hour clock, and the hour and minutes alone ("2h45" is
/// "2 hours 45 minutes").
fn time_values(hour: f64, minute: f64) -> Vec<f64> {
    let mut values = Vec::new();
    for h in [hour, hour + 12.0, hour - 12.0] {
        if !(0.0..=24.0).contains(&h) {
            continue;
        }
        values.push(h * 100.0 + minute);
        if minute == 0.0 {
            values.push(h);
        }
    }
    values
}

/// Values of a French clock time: French news keeps the 24-hour clock (« 10h30 » is
/// morning, « 22h30 » evening), so only English on the other half of the day differs.
fn french_time_values(hour: f64, minute: f64) -> Vec<f64> {
    let mut values = vec![hour * 100.0 + minute];
    if minute == 0.0 {
        values.push(hour);
    }
    values
}

const ORDINAL_SUFFIXES: &[&str] = &[
    "er", "re", "e", "eme", "es", "ers", "res", "emes", "st", "nd", "rd", "th", "d",
];

/// Whether the words at `k` put a time in the afternoon (true) or the morning, and how
/// many words they take: "am", "pm", "a.m."; « du matin », « du soir », « de
/// l'après-midi », « de la nuit ».
fn half_of_day(words: &[Word], k: usize, lang: &str) -> Option<(bool, usize)> {
    let folded = |j: usize| words.get(k + j).map_or("", |w| w.folded.as_str());
    if lang == "fr" {
        return match (folded(0), folded(1), folded(2)) {
            ("du", "matin", _) => Some((false, 2)),
            ("du", "soir", _) => Some((true, 2)),
            ("de", "la", "nuit") => Some((false, 3)),
            ("de", "l'", next) if next.starts_with("apres") => Some((true, 3)),
            _ => None,
        };
    }
    let dotted = words.get(k + 1).is_some_and(|w| w.text == ".") && folded(2) == "m";
    match folded(0) {
        "am" => Some((false, 1)),
        "pm" => Some((true, 1)),
        "a" if dotted => Some((false, 3)),
        "p" if dotted => Some((true, 3)),
        _ => None,
    }
}

fn time_parts(hour: f64, minute: f64) -> Vec<f64> {
    if minute > 0.0 {
        vec![hour, minute]
    } else {
        vec![hour]
    }
}

fn adjacent(a: &Word, b: &Word) -> bool {
    a.end == b.start
}

/// Every figure in `words` (tokens of `text`, in language `lang`).
pub fn quantities(words: &[Word], text: &str, lang: &str) -> Vec<Quantity> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let consumed = match words[i].kind {
            TokenKind::Number => digits_at(words, i, text, lang, &mut out),
            TokenKind::Word if words[i].text.contains('-') && has_digit(words[i].text) => {
                hyphenated_digits(&words[i], &mut out);
                1
            }
            TokenKind::Word => words_at(words, i, lang, &mut out),
            TokenKind::Punct => 1,
        };
        i += consumed.max(1);
    }
    out
}

fn has_digit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
}

/// Figures inside a hyphenated word: "COVID-19", "après-11", "post-9".
fn hyphenated_digits(w: &Word, out: &mut Vec<Quantity>) {
    let mut offset = 0;
    for part in w.text.split('-') {
        if !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()) {
            let start = w.start + offset;
            if let Ok(v) = part.parse::<f64>() {
                out.push(Quantity::new(
                    start,
                    start + part.len(),
                    vec![v],
                    Strength::Digits,
                ));
            }
        }
        offset += part.len() + 1;
    }
}

/// A figure in digits at `i`, with what qualifies it (time, scale, ordinal suffix, %).
fn digits_at(words: &[Word], i: usize, text: &str, lang: &str, out: &mut Vec<Quantity>) -> usize {
    let w = &words[i];
    let mut values = digit_values(w.text, lang);
    let mut end = w.end;
    let mut used = 1;
    let mut parts = Vec::new();
    let next = words.get(i + 1);
    let after = words.get(i + 2);
    let is_hour = values
        .first()
        .is_some_and(|v| *v <= 24.0 && v.fract() == 0.0);
    // French clock: "12 h 30", "12h30", "12 h".
    if let (true, Some(n)) = (is_hour && lang == "fr", next) {
        let minutes_inline = n
            .folded
            .strip_prefix('h')
            .filter(|m| m.len() == 2 && m.chars().all(|c| c.is_ascii_digit()));
        if matches!(n.folded.as_str(), "h" | "heure" | "heures") {
            let minute = after
                .filter(|a| a.kind == TokenKind::Number && a.text.len() == 2)
                .and_then(|a| a.text.parse::<f64>().ok());
            parts = time_parts(values[0], minute.unwrap_or(0.0));
            values = french_time_values(values[0], minute.unwrap_or(0.0));
            end = if minute.is_some() {
                after.map_or(n.end, |a| a.end)
            } else {
                n.end
            };
            used = if minute.is_some() { 3 } else { 2 };
        } else if let Some(m) = minutes_inline {
            let m = m.parse().unwrap_or(0.0);
            parts = time_parts(values[0], m);
            values = french_time_values(values[0], m);
            end = n.end;
            used = 2;
        }
    }
    // "9.30pm", "12.30": two decimals that read as a clock time.
    if used == 1 && lang != "fr" {
        if let Some((h, m)) = w
            .text
            .split_once('.')
            .filter(|(h, m)| h.len() <= 2 && m.len() == 2)
        {
            if let (Ok(h), Ok(m)) = (h.parse::<f64>(), m.parse::<f64>()) {
                if h <= 24.0 && m < 60.0 {
                    values.extend(time_values(h, m));
                    parts = time_parts(h, m);
                }
            }
        }
    }
    // Decades: "les années 80" ↔ "the 1980s", "the 80s" ↔ "les années 1980".
    let decade =
        values.len() == 1 && values[0] >= 10.0 && values[0] < 100.0 && values[0] % 10.0 == 0.0;
    let in_decade_context = words[i.saturating_sub(4)..i]
        .iter()
        .any(|p| p.folded == "annees")
        || next.is_some_and(|n| adjacent(w, n) && n.folded == "s");
    if decade && in_decade_context {
        let v = values[0];
        values.extend([1900.0 + v, 2000.0 + v]);
    }
    // Clock with a colon: "12:30".
    if used == 1 && is_hour {
        if let (Some(n), Some(a)) = (next, after) {
            if n.text == ":"
                && adjacent(w, n)
                && adjacent(n, a)
                && a.kind == TokenKind::Number
                && a.text.len() == 2
            {
                let m = a.text.parse().unwrap_or(0.0);
                parts = time_parts(values[0], m);
                values = time_values(values[0], m);
                end = a.end;
                used = 3;
            }
        }
    }
    // "3:00 pm", "3 am", « 3h00 du matin »: the half of the day fixes the hour.
    if is_hour && (!parts.is_empty() || used == 1) {
        if let Some((pm, extra)) = half_of_day(words, i + used, lang) {
            let hour = parts.first().copied().unwrap_or(values[0]);
            let minute = parts.get(1).copied().unwrap_or(0.0);
            let on_clock = hour % 12.0 + if pm { 12.0 } else { 0.0 };
            values = vec![on_clock * 100.0 + minute];
            if minute == 0.0 {
                values.push(on_clock);
            }
            parts = time_parts(hour, minute);
            used += extra;
            end = words[i + used - 1].end;
        }
    }
    // "a 45-billion-CFA-franc package": a scale word joined by a hyphen.
    if used == 1 && lang != "fr" {
        if let (Some(n), Some(a)) = (next, after) {
            let head = a.folded.split('-').next().unwrap_or("");
            let scale = lookup(lang, head, |k| matches!(k, WordKind::Scale))
                .filter(|_| n.text == "-" && adjacent(w, n) && adjacent(n, a));
            if let Some((_, scale)) = scale {
                values = values.iter().map(|v| v * scale).collect();
                end = a.end;
                used = 3;
            }
        }
    }
    if used == 1 {
        if let Some(n) = next.filter(|n| n.kind == TokenKind::Word) {
            let scale = lookup(lang, &n.folded, |k| {
                matches!(k, WordKind::Scale | WordKind::Hundred)
            })
            .map(|(_, s)| s)
            .or_else(|| match n.folded.as_str() {
                "m" if lang != "fr" && adjacent(w, n) => Some(1e6),
                "k" if lang != "fr" && adjacent(w, n) => Some(1e3),
                _ => None,
            });
            if let Some(scale) = scale {
                values = values.iter().map(|v| v * scale).collect();
                end = n.end;
                used = 2;
            } else if adjacent(w, n) && ORDINAL_SUFFIXES.contains(&n.folded.as_str()) {
                end = n.end;
                used = 2;
            }
        }
    }
    // Part of a code such as "A320" or "COVID-19" written across tokens: ignore.
    let glued_to_word = i > 0
        && words[i - 1].kind == TokenKind::Word
        && adjacent(&words[i - 1], w)
        && !text[..w.start].ends_with(['$', '€', '£']);
    if !values.is_empty() && !glued_to_word {
        let mut q = Quantity::new(w.start, end, values, Strength::Digits);
        q.parts = parts;
        out.push(q);
    }
    used
}

/// A figure in words at `i`: a run of cardinal words ("deux cent trente", "twenty-one",
/// "a hundred"), an ordinal, an approximate word, a Roman numeral.
fn words_at(words: &[Word], i: usize, lang: &str, out: &mut Vec<Quantity>) -> usize {
    let w = &words[i];
    // Most words are no number word of any kind: one lookup says so.
    if !w.folded.contains('-') && !lexicon(lang).contains_key(w.folded.as_str()) {
        return approx_word(words, i, lang, out);
    }
    if let Some(share) = fraction_at(words, i, lang) {
        out.push(share);
        return 1;
    }
    let is_counting =
        |k: WordKind| matches!(k, WordKind::Cardinal | WordKind::Hundred | WordKind::Scale);
    let parts = |word: &Word| -> Option<Vec<(WordKind, f64)>> {
        let found = word
            .folded
            .split('-')
            .filter(|p| !p.is_empty() && *p != "et" && *p != "and")
            .map_while(|p| lookup(lang, p, is_counting))
            .collect::<Vec<_>>();
        // "ten-year-old": the leading number parts of a compound count.
        let leads_with_number = word
            .folded
            .split('-')
            .next()
            .is_some_and(|p| lookup(lang, p, is_counting).is_some());
        (leads_with_number && !found.is_empty()).then_some(found)
    };
    // "neuf" is also "new": a number only when a noun follows ("neuf morts", not "un T4 neuf").
    let adjective_neuf = w.folded == "neuf"
        && !words
            .get(i + 1)
            .is_some_and(|n| n.is_word() && !matches!(n.folded.as_str(), "et" | "ou" | "mais"));
    if adjective_neuf {
        return 1;
    }
    if let Some(first) = parts(w) {
        let mut items = first;
        let mut j = i + 1;
        // "two seven-year terms": a compound adjective is a figure of its own, which no
        // number before it continues.
        let continues = |word: &Word| {
            let compound_adjective = word
                .folded
                .split('-')
                .any(|p| !p.is_empty() && lookup(lang, p, is_counting).is_none());
            if compound_adjective {
                None
            } else {
                parts(word)
            }
        };
        while let Some(n) = words.get(j) {
            let link = matches!(n.folded.as_str(), "et" | "and");
            // "two hundred and six", « vingt et un », « soixante et onze » join; "four and
            // sixteen" is a range.
            let joins = |items: &[(WordKind, f64)]| {
                items
                    .last()
                    .is_some_and(|(k, _)| matches!(k, WordKind::Hundred | WordKind::Scale))
                    || words
                        .get(j + 1)
                        .is_some_and(|m| matches!(m.folded.as_str(), "un" | "une" | "onze"))
            };
            if link && !joins(&items) {
                break;
            }
            let candidate = if link { words.get(j + 1) } else { Some(n) };
            match candidate.and_then(continues) {
                Some(more) => {
                    items.extend(more);
                    j += if link { 2 } else { 1 };
                }
                None => break,
            }
        }
        // "a hundred", "a million": the article counts as one.
        let after_article = i > 0 && matches!(words[i - 1].folded.as_str(), "a" | "an");
        let value = combine(&items);
        let only_scale = items.iter().all(|(k, _)| *k != WordKind::Cardinal);
        // "millions" alone is an order of magnitude, not a figure.
        if only_scale && !after_article && w.folded.ends_with('s') {
            return approx_word(words, i, lang, out);
        }
        // "several thousand": many of the unit, as « plusieurs milliers ».
        if only_scale && after_several(words, i) {
            let mut q = Quantity::new(w.start, words[j - 1].end, vec![value], Strength::Weak);
            q.precision = Precision::Plural;
            out.push(q);
            return j - i;
        }
        let strength = if value == 1.0 {
            Strength::Weak
        } else {
            Strength::Words
        };
        let end = words[j - 1].end;
        out.push(Quantity::new(w.start, end, vec![value], strength));
        return j - i;
    }
    approx_word(words, i, lang, out)
}

/// A share in words: « le tiers des recettes », « la moitié de », "a quarter of", "half
/// the budget". It may also be written as a percentage: "half" is 0.5 or 50.
/// Elsewhere the words are no shares: « pays tiers », "the first quarter", "third place".
fn fraction_at(words: &[Word], i: usize, lang: &str) -> Option<Quantity> {
    let w = &words[i];
    let (_, denominator) = lookup(lang, &w.folded, |k| k == WordKind::Fraction)?;
    let word = |k: Option<usize>| k.and_then(|k| words.get(k)).map(|w| w.folded.as_str());
    let (previous, next) = (word(i.checked_sub(1)), word(Some(i + 1)));
    let of_something = if lang == "fr" {
        matches!(next, Some("de" | "des" | "du" | "d'" | "d’"))
    } else {
        matches!(next, Some("of" | "the" | "its" | "their"))
    };
    // English "third" and "quarter" are also ordinals and periods: a share after an
    // article or a count only ("a third of", "two thirds of", "three quarters of").
    let counted = matches!(
        previous,
        Some("a" | "one" | "two" | "three" | "un" | "une" | "deux" | "trois" | "le" | "la" | "les")
    );
    // « un tiers relèveraient de … », "a quarter are": a counted share as a subject.
    let subject = counted
        && next.is_some_and(|n| {
            matches!(
                n,
                "are"
                    | "were"
                    | "is"
                    | "was"
                    | "have"
                    | "had"
                    | "sont"
                    | "ont"
                    | "etaient"
                    | "avaient"
                    | "seraient"
                    | "auraient"
                    | "est"
                    | "a"
            ) || lang == "fr" && n.ends_with("raient")
        });
    let of_something = of_something || subject;
    let ambiguous = lang == "en" && w.folded != "half";
    // "the first half of the month" is a period (« la première quinzaine »).
    let period = matches!(
        previous,
        Some("first" | "second" | "last" | "latter" | "former")
    );
    if !of_something || (ambiguous && !counted) || period {
        return None;
    }
    let share = 1.0 / denominator;
    let percent = 100.0 / denominator;
    let values = vec![share, percent, percent.floor(), percent.round()];
    Some(Quantity::new(w.start, w.end, values, Strength::Words))
}

fn approx_word(words: &[Word], i: usize, lang: &str, out: &mut Vec<Quantity>) -> usize {
    let w = &words[i];
    if let Some((kind, value)) = lookup(lang, &w.folded, |k| {
        !matches!(
            k,
            WordKind::Cardinal | WordKind::Hundred | WordKind::Scale | WordKind::Fraction
        )
    }) {
        let mut q = Quantity::new(w.start, w.end, vec![value], Strength::Weak);
        match kind {
            // "several dozen", « plusieurs centaines »: many of the unit.
            WordKind::Approx if after_several(words, i) => q.precision = Precision::Plural,
            WordKind::Approx => q.precision = Precision::About,
            WordKind::ApproxPlural => q.precision = Precision::Plural,
            WordKind::Time => {
                q.values = time_values(value / 100.0, 0.0);
                q.parts = time_parts(value / 100.0, 0.0);
            }
            WordKind::Ordinal if value >= 3.0 => q.strength = Strength::Words,
            WordKind::Multiplier => q.strength = Strength::Words,
            _ => {}
        }
        let used = if q.precision == Precision::Exact {
            1
        } else {
            of_a_scale(words, i, lang, &mut q)
        };
        out.push(q);
        return used;
    }
    // "XXe", "XIXème": a Roman numeral with its ordinal suffix in one token.
    let stem = w.text.trim_end_matches(|c: char| c.is_lowercase());
    // One-letter stems only for I, V, X: "Ce", "Le", "De" are words, "Xe siècle" is not.
    let plausible_stem = stem.len() >= 2 || matches!(stem, "I" | "V" | "X");
    if plausible_stem
        && stem.len() < w.text.len()
        && ORDINAL_SUFFIXES.contains(&fold_suffix(&w.text[stem.len()..]).as_str())
    {
        if let Some(value) = roman_value(stem) {
            out.push(Quantity::new(w.start, w.end, vec![value], Strength::Words));
            return 1;
        }
    }
    if let Some(value) = roman(w.text) {
        let next = words.get(i + 1);
        let suffixed =
            next.is_some_and(|n| adjacent(w, n) && ORDINAL_SUFFIXES.contains(&n.folded.as_str()));
        let strength = if suffixed {
            Strength::Words
        } else {
            Strength::Weak
        };
        let end = if suffixed {
            next.map_or(w.end, |n| n.end)
        } else {
            w.end
        };
        out.push(Quantity::new(w.start, end, vec![value], strength));
        return if suffixed { 2 } else { 1 };
    }
    1
}

/// « des centaines de millions », "tens of thousands": an approximation of a scale is one
/// figure. Multiplies `q` by the scale and returns the words it takes.
fn of_a_scale(words: &[Word], i: usize, lang: &str, q: &mut Quantity) -> usize {
    let (Some(of), Some(scale)) = (words.get(i + 1), words.get(i + 2)) else {
        return 1;
    };
    if !matches!(of.folded.as_str(), "de" | "d'" | "d’" | "of") {
        return 1;
    }
    let scale = lookup(lang, &scale.folded, |k| {
        matches!(k, WordKind::Scale | WordKind::ApproxPlural)
    })
    .map(|(_, value)| value)
    .filter(|&value| value >= 1000.0);
    let Some(scale) = scale else {
        return 1;
    };
    q.values = q.values.iter().map(|v| v * scale).collect();
    q.end = words[i + 2].end;
    3
}

/// Words before an approximate unit that make it plural ("several dozen").
const SEVERAL: &[&str] = &[
    "several",
    "many",
    "few",
    "some",
    "plusieurs",
    "quelques",
    "nombreuses",
    "nombreux",
];

fn after_several(words: &[Word], i: usize) -> bool {
    i.checked_sub(1)
        .is_some_and(|j| SEVERAL.contains(&words[j].folded.as_str()))
}

fn fold_suffix(suffix: &str) -> String {
    crate::text::token::fold(suffix)
}

/// Value of a run of counting words: "deux cent trente" → 230, "three million" → 3e6.
fn combine(items: &[(WordKind, f64)]) -> f64 {
    let (mut total, mut current): (f64, f64) = (0.0, 0.0);
    for &(kind, value) in items {
        match kind {
            WordKind::Hundred => current = current.max(1.0) * value,
            // "seven thousand million": a larger scale multiplies what came before.
            WordKind::Scale if current == 0.0 && total > 0.0 && total < value => total *= value,
            WordKind::Scale => {
                total += current.max(1.0) * value;
                current = 0.0;
            }
            // "quatre-vingt": a ten after a small number multiplies it.
            _ if value == 20.0 && current > 0.0 && current < 10.0 => current *= value,
            _ => current += value,
        }
    }
    total + current
}

/// Value of an upper-case Roman numeral of two letters or more ("XIV", "XXe").
fn roman(text: &str) -> Option<f64> {
    roman_value(text).filter(|_| text.len() >= 2)
}

/// Value of any upper-case Roman numeral, one letter included ("Xe siècle").
fn roman_value(text: &str) -> Option<f64> {
    if text.is_empty() || !text.chars().all(|c| "IVXLCDM".contains(c)) {
        return None;
    }
    let digit = |c| match c {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        'C' => 100,
        'D' => 500,
        _ => 1000,
    };
    let values: Vec<i64> = text.chars().map(digit).collect();
    let mut total = 0;
    for (k, v) in values.iter().enumerate() {
        if values.get(k + 1).is_some_and(|n| n > v) {
            total -= v;
        } else {
            total += v;
        }
    }
    (total > 0 && total < 4000).then_some(total as f64)
}

/// English rendering of a value for suggestions: 3000 → "3,000", 3.5 → "3.5".
pub fn english(value: f64) -> String {
    if value.fract() != 0.0 {
        return format!("{value}");
    }
    let digits = format!("{}", value as i64);
    if digits.len() <= 4 {
        return digits;
    }
    let mut out = String::new();
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// How the English should write the French figure `q`: a clock time on the English
/// 12-hour clock ("2:30 pm" for « 14h30 »), any other figure with English digits.
fn suggestion(q: &Quantity) -> String {
    if q.parts.is_empty() {
        return english(q.values[0]);
    }
    let (hour, minute) = ((q.values[0] / 100.0) as u32, (q.values[0] % 100.0) as u32);
    let half = if (12..24).contains(&hour) { "pm" } else { "am" };
    let on_dial = match hour % 12 {
        0 => 12,
        h => h,
    };
    match minute {
        0 => format!("{on_dial} {half}"),
        m => format!("{on_dial}:{m:02} {half}"),
    }
}

/// Words mixing letters and digits ("A320", "iPhone6", "COVID-19"), which translation
/// copies as they are; folded and without hyphens.
fn codes<'w>(words: &'w [Word]) -> Vec<(&'w Word<'w>, String)> {
    words
        .iter()
        .filter(|w| w.is_word())
        .filter(|w| {
            w.text
                .split('-')
                .any(|part| has_digit(part) && part.chars().any(char::is_alphabetic))
        })
        .map(|w| (w, w.folded.replace('-', "")))
        .collect()
}

/// "x4" and "x4s", "m2" and "m2space": the same code with an English ending.
fn same_code(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.starts_with(short) && long[short.len()..].chars().all(char::is_alphabetic)
}

/// A code on each side with no twin on the other: most likely the same code changed.
fn changed_code(pair: &Pair, tokens: &super::Tokens) -> Option<Finding> {
    let (source, target) = (codes(&tokens.source), codes(&tokens.target));
    let lone = |side: &[(&Word, String)], other: &[(&Word, String)]| {
        side.iter()
            .find(|(_, key)| !other.iter().any(|(_, k)| same_code(k, key)))
            .map(|(w, _)| (w.start, w.end))
    };
    let (s, t) = (lone(&source, &target)?, lone(&target, &source)?);
    Some(
        Finding::new(
            "number.code",
            Category::Number,
            Severity::Error,
            Some(pair.source.span(s.0, s.1)),
            Some(pair.target.span(t.0, t.1)),
            format!(
                "« {} » in the French is not « {} » in the English",
                &pair.source.text[s.0..s.1],
                &pair.target.text[t.0..t.1]
            ),
        )
        .suggest(&pair.source.text[s.0..s.1]),
    )
}

/// Two figures that may be one changed into the other: same form (digits, words) or the
/// same order of magnitude ("XIVe" and "15th", not "2014" and "forty").
fn comparable(a: &Quantity, b: &Quantity) -> bool {
    a.strength == b.strength
        || a.values.iter().any(|x| {
            b.values
                .iter()
                .any(|y| *x > 0.0 && *y > 0.0 && x / y < 3.0 && y / x < 3.0)
        })
}

/// French number typography left in English: a decimal comma ("2,5 million") or a space
/// between thousands ("3 000"). English writes 2.5 and 3,000.
fn french_format(pair: &Pair, tokens: &super::Tokens) -> Vec<Finding> {
    if pair.target.lang == "fr" {
        return Vec::new();
    }
    let mut findings = Vec::new();
    for w in tokens.target.iter().filter(|w| w.kind == TokenKind::Number) {
        let decimal_comma = w.text.split_once(',').is_some_and(|(int, frac)| {
            !int.is_empty() && (1..=2).contains(&frac.len()) && !frac.contains([',', '.'])
        });
        let space_grouping = w.text.contains([' ', '\u{a0}', '\u{202f}']);
        if !(decimal_comma || space_grouping || dot_grouping(pair, tokens, w.text)) {
            continue;
        }
        let english_form = digit_values(w.text, "fr")
            .first()
            .map(|v| english(*v))
            .unwrap_or_default();
        findings.push(
            Finding::new(
                "number.format",
                Category::Number,
                Severity::Warning,
                None,
                Some(pair.target.span(w.start, w.end)),
                format!("« {} » keeps the French number format", w.text),
            )
            .suggest(english_form),
        );
    }
    findings.extend(french_clock_times(pair, tokens));
    findings.extend(spaced_percent_signs(pair, tokens));
    findings
}

/// A dot between thousands ("1.800" for « 1 800 »), as German and some French copy write
/// them: in English it reads as a decimal point. Several dots say so by themselves; one
/// needs the French figure it groups.
fn dot_grouping(pair: &Pair, tokens: &super::Tokens, text: &str) -> bool {
    let groups: Vec<&str> = text.split('.').collect();
    let grouped = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups[1..].iter().all(|g| g.len() == 3);
    if !grouped || text.contains(',') {
        return false;
    }
    let integer: f64 = groups.concat().parse().unwrap_or(0.0);
    groups.len() > 2
        || quantities(&tokens.source, pair.source.text, "fr")
            .iter()
            .any(|q| q.values.iter().any(|v| same(*v, integer)))
}

/// "70 %": French typography puts a space before the per cent sign, English none.
fn spaced_percent_signs(pair: &Pair, tokens: &super::Tokens) -> Vec<Finding> {
    let text = pair.target.text;
    tokens
        .target
        .windows(2)
        .filter(|w| w[0].kind == TokenKind::Number && w[1].text == "%")
        .filter(|w| w[0].end < w[1].start && text[w[0].end..w[1].start].trim().is_empty())
        .map(|w| {
            Finding::new(
                "number.format",
                Category::Number,
                Severity::Warning,
                None,
                Some(pair.target.span(w[0].start, w[1].end)),
                format!(
                    "« {} » keeps the French space before the per cent sign",
                    &text[w[0].start..w[1].end]
                ),
            )
            .suggest(format!("{}%", w[0].text))
        })
        .collect()
}

/// A French clock time left in English ("16h30", "8h", "16 h 30"): English writes 4:30 pm
/// or 1630 GMT.
fn french_clock_times(pair: &Pair, tokens: &super::Tokens) -> Vec<Finding> {
    let words = &tokens.target;
    (0..words.len())
        .filter_map(|k| {
            let (end, hour, minute) = clock_time_at(words, k)?;
            Some(
                Finding::new(
                    "number.format",
                    Category::Number,
                    Severity::Warning,
                    None,
                    Some(pair.target.span(words[k].start, end)),
                    format!(
                        "« {} » keeps the French way of writing the time",
                        &pair.target.text[words[k].start..end]
                    ),
                )
                .suggest(format!("{hour}:{minute:02}")),
            )
        })
        .collect()
}

/// A clock time in the French form starting at word `k`: its end, hour and minute.
fn clock_time_at(words: &[Word], k: usize) -> Option<(usize, u32, u32)> {
    let hour_word = &words[k];
    let hour: u32 = hour_word.text.parse().ok().filter(|&h| h < 24)?;
    if hour_word.kind != TokenKind::Number || hour_word.text.len() > 2 {
        return None;
    }
    let h = words.get(k + 1).filter(|w| w.kind == TokenKind::Word)?;
    let rest = h.text.strip_prefix(['h', 'H'])?;
    if adjacent(hour_word, h) {
        // "16h30", "8h"
        let minute = if rest.is_empty() {
            0
        } else {
            two_digit_minute(rest)?
        };
        return Some((h.end, hour, minute));
    }
    // "16 h 30"
    let minute_word = words.get(k + 2).filter(|_| rest.is_empty())?;
    let minute = two_digit_minute(minute_word.text)?;
    Some((minute_word.end, hour, minute))
}

fn two_digit_minute(text: &str) -> Option<u32> {
    (text.len() == 2)
        .then(|| text.parse().ok())
        .flatten()
        .filter(|&m| m < 60)
}

/// Shortest run of digits read as one code (a telephone number, an account number).
const MIN_CODE_DIGITS: usize = 8;

/// Runs of digits written with spaces, dots, hyphens or slashes between groups
/// ("08.11.00.06.95", "08 11 00 06 95"): byte span and the digits alone.
fn digit_runs(text: &str) -> Vec<(usize, usize, String)> {
    let is_separator = |c: char| matches!(c, ' ' | '.' | '-' | '/' | '\u{a0}' | '\u{202f}');
    let mut runs = Vec::new();
    let mut current: Option<(usize, usize, String)> = None;
    for (at, c) in text.char_indices() {
        if c.is_ascii_digit() {
            let run = current.get_or_insert((at, at, String::new()));
            run.1 = at + 1;
            run.2.push(c);
        } else if !is_separator(c) || current.as_ref().is_some_and(|r| r.1 < at) {
            runs.extend(current.take());
        }
    }
    runs.extend(current);
    runs
}

/// Spans of the long digit runs written on both sides, whatever the grouping: the figures
/// inside them are one code, rendered.
type Spans = Vec<(usize, usize)>;

fn shared_codes(source: &str, target: &str) -> (Spans, Spans) {
    let digits = |text: &str| text.bytes().filter(u8::is_ascii_digit).count();
    if digits(source) < MIN_CODE_DIGITS || digits(target) < MIN_CODE_DIGITS {
        return (Vec::new(), Vec::new());
    }
    let long = |text| {
        digit_runs(text)
            .into_iter()
            .filter(|r| r.2.len() >= MIN_CODE_DIGITS)
            .collect::<Vec<_>>()
    };
    let (source_runs, target_runs) = (long(source), long(target));
    let shared = |runs: &[(usize, usize, String)], other: &[(usize, usize, String)]| {
        runs.iter()
            .filter(|r| other.iter().any(|o| o.2 == r.2))
            .map(|r| (r.0, r.1))
            .collect()
    };
    (
        shared(&source_runs, &target_runs),
        shared(&target_runs, &source_runs),
    )
}

/// French « le 20h », « du 13h »: an hour after an article names the news bulletin at that
/// time, which English calls "the evening news".
fn names_a_bulletin(q: &Quantity, text: &str) -> bool {
    let figure = text[q.start..q.end].trim_end();
    let hour_only =
        figure.ends_with('h') && figure[..figure.len() - 1].trim().parse::<u8>().is_ok();
    hour_only && matches!(word_before(text, q.start).as_str(), "le" | "du" | "au")
}

/// The word (lower case) before byte `at`, attached or not: "n°" in "n°1", "au" in "au 20h".
fn word_before(text: &str, at: usize) -> String {
    let before = text[..at].trim_end();
    let start = before
        .rfind(|c: char| c.is_whitespace() || c == '\'' || c == '’')
        .map_or(0, |k| {
            k + before[k..].chars().next().map_or(1, char::len_utf8)
        });
    before[start..].to_lowercase()
}

/// English words that render French « n° 1 », « numéro un » (the first of a ranking).
const FIRST_RANK: &[&str] = &[
    "first", "top", "primary", "main", "leading", "chief", "foremost", "premier", "prime",
];

/// « n°1 » rendered as "primary", "top", "leading": the rank, not the figure.
fn rank_one_rendered(q: &Quantity, text: &str, english: &[Word]) -> bool {
    let after_number_sign = matches!(
        word_before(text, q.start).as_str(),
        "n°" | "nº" | "no" | "numéro" | "numero"
    );
    after_number_sign
        && q.values.iter().any(|v| same(*v, 1.0))
        && english
            .iter()
            .any(|w| FIRST_RANK.contains(&w.folded.as_str()))
}

/// Number findings of one pair.
pub fn check(pair: &Pair, tokens: &super::Tokens) -> Vec<Finding> {
    let mut source = quantities(&tokens.source, pair.source.text, pair.source.lang);
    if pair.source.lang == "fr" {
        count_conventional_durations(&mut source, &tokens.source);
    }
    let target = quantities(&tokens.target, pair.target.text, pair.target.lang);
    let (source_codes, target_codes) = shared_codes(pair.source.text, pair.target.text);
    let in_code = |q: &Quantity, codes: &[(usize, usize)]| {
        codes
            .iter()
            .any(|&(start, end)| start <= q.start && q.end <= end)
    };
    let unmatched = |side: &[Quantity], other: &[Quantity], codes: &[(usize, usize)]| {
        side.iter()
            .filter(|q| q.strength > Strength::Weak && !has_counterpart(q, other, side))
            .filter(|q| !in_code(q, codes))
            .cloned()
            .collect::<Vec<Quantity>>()
    };
    let lost: Vec<Quantity> = unmatched(&source, &target, &source_codes)
        .into_iter()
        .filter(|q| {
            !names_a_bulletin(q, pair.source.text)
                && !rank_one_rendered(q, pair.source.text, &tokens.target)
        })
        .collect();
    let extra: Vec<Quantity> = unmatched(&target, &source, &target_codes)
        .into_iter()
        .filter(|q| !converted_in_parentheses(q, pair.target.text))
        .collect();
    // « une quinzaine » never alarms alone, but beside an English figure it does not match
    // ("about fifty") it is the figure that was changed.
    let approximations: Vec<Quantity> = source
        .iter()
        .filter(|q| q.strength == Strength::Weak && q.precision != Precision::Exact)
        .filter(|q| !target.iter().any(|o| o.matches(q)))
        .cloned()
        .collect();
    let mut findings: Vec<Finding> = changed_code(pair, tokens).into_iter().collect();
    findings.extend(units::changed_unit(pair, tokens, &source, &target));
    findings.extend(units::changed_period(pair, tokens));
    findings.extend(bounds::changed_bounds(pair, tokens, &source, &target));
    findings.extend(french_format(pair, tokens));
    findings.extend(changed_approximation(pair, &approximations, &target));
    for q in &extra {
        let text = &pair.target.text[q.start..q.end];
        // A changed figure keeps its form: digits for digits, words for words.
        let counterpart = lost
            .iter()
            .find(|s| comparable(s, q))
            .or(approximations.first());
        let finding = match counterpart {
            Some(s) => Finding::new(
                "number.mismatch",
                Category::Number,
                Severity::Error,
                Some(pair.source.span(s.start, s.end)),
                Some(pair.target.span(q.start, q.end)),
                format!(
                    "« {} » in the French is not « {text} » in the English",
                    &pair.source.text[s.start..s.end]
                ),
            )
            .suggest(suggestion(s)),
            None => Finding::new(
                "number.added",
                Category::Number,
                if q.strength == Strength::Digits {
                    Severity::Warning
                } else {
                    Severity::Info
                },
                None,
                Some(pair.target.span(q.start, q.end)),
                format!("« {text} » has no counterpart in the French"),
            ),
        };
        findings.push(finding);
    }
    for s in &lost {
        if extra.iter().any(|q| comparable(s, q)) {
            continue;
        }
        {
            let text = &pair.source.text[s.start..s.end];
            findings.push(
                Finding::new(
                    "number.missing",
                    Category::Number,
                    if s.strength == Strength::Digits {
                        Severity::Warning
                    } else {
                        Severity::Info
                    },
                    Some(pair.source.span(s.start, s.end)),
                    pair.target_if_single_sentence(),
                    format!("« {text} » in the French is missing from the English"),
                )
                .suggest(suggestion(s)),
            );
        }
    }
    findings
}

/// Imperial units English copy adds after a metric figure: "450 kilometres (280 miles)".
const IMPERIAL_UNITS: &[&str] = &[
    "mile",
    "miles",
    "foot",
    "feet",
    "yard",
    "yards",
    "inch",
    "inches",
    "pound",
    "pounds",
    "lb",
    "lbs",
    "ounce",
    "ounces",
    "acre",
    "acres",
    "gallon",
    "gallons",
    "square",
    "°f",
    "fahrenheit",
];

/// An English figure in parentheses with an imperial unit: the translator's conversion
/// of the figure before it, not a figure of its own.
fn converted_in_parentheses(q: &Quantity, text: &str) -> bool {
    let opened = text[..q.start].trim_end().ends_with('(');
    let unit = text[q.end..]
        .split(|c: char| c.is_whitespace() || c == ')')
        .find(|w| !w.is_empty())
        .is_some_and(|w| IMPERIAL_UNITS.contains(&w.to_lowercase().as_str()));
    opened && unit
}

/// `q` stands for some figure of `other`. An approximation that has its own counterpart
/// (« des milliers » = "thousands") is spoken for, and does not also absorb an exact
/// figure: "1,248" beside "thousands" still has to match « 1 284 ».
fn has_counterpart(q: &Quantity, other: &[Quantity], side: &[Quantity]) -> bool {
    let approximate = |x: &Quantity| x.precision != Precision::Exact;
    let spoken_for = |o: &Quantity| side.iter().any(|p| approximate(p) && p.matches(o));
    other
        .iter()
        .any(|o| o.matches(q) && (!approximate(o) || approximate(q) || !spoken_for(o)))
}

/// « huit jours » is a week and « quinze jours » a fortnight, "two weeks": French counts
/// the days of a week inclusively. « 72 heures » is as often "three days".
fn count_conventional_durations(quantities: &mut [Quantity], words: &[Word]) {
    for q in quantities.iter_mut() {
        let [value] = q.values[..] else {
            continue;
        };
        let next = words.iter().find(|w| w.start >= q.end && w.is_word());
        let equivalents = match next.map(|w| w.folded.as_str()) {
            Some("jours" | "jour") if same(value, 8.0) => vec![1.0, 7.0],
            Some("jours" | "jour") if same(value, 15.0) => vec![2.0, 14.0],
            Some("heures") if value >= 24.0 && same(value % 24.0, 0.0) => vec![value / 24.0],
            _ => continue,
        };
        q.values.extend(equivalents);
    }
}

/// « une quarantaine » rendered "a dozen", « une centaine » "hundreds": an approximate
/// figure on both sides, of different orders.
fn changed_approximation(
    pair: &Pair,
    approximations: &[Quantity],
    target: &[Quantity],
) -> Option<Finding> {
    let french = approximations.first()?;
    let rendered = target.iter().find(|q| {
        q.strength == Strength::Weak
            && q.precision != Precision::Exact
            && !approximations.iter().any(|a| a.matches(q))
    })?;
    let (fr, en) = (
        &pair.source.text[french.start..french.end],
        &pair.target.text[rendered.start..rendered.end],
    );
    Some(
        Finding::new(
            "number.mismatch",
            Category::Number,
            Severity::Warning,
            Some(pair.source.span(french.start, french.end)),
            Some(pair.target.span(rendered.start, rendered.end)),
            format!("« {fr} » in the French is not « {en} » in the English"),
        )
        .suggest(format!("about {}", english(french.values[0]))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::words;

    fn values(text: &str, lang: &str) -> Vec<Vec<f64>> {
        quantities(&words(text), text, lang)
            .into_iter()
            .map(|q| q.values)
            .collect()
    }

    fn equivalent(fr: &str, en: &str) -> bool {
        let s = quantities(&words(fr), fr, "fr");
        let t = quantities(&words(en), en, "en");
        let strong = |q: &&Quantity| q.strength > Strength::Weak;
        !s.is_empty()
            && !t.is_empty()
            && s.iter()
                .filter(strong)
                .all(|a| t.iter().any(|b| a.matches(b)))
            && t.iter()
                .filter(strong)
                .all(|b| s.iter().any(|a| a.matches(b)))
    }

    fn rules(fr: &str, en: &str) -> Vec<String> {
        crate::check::family_rules_on("number.", fr, en)
    }

    #[test]
    fn an_imperial_conversion_in_parentheses_is_no_figure_of_its_own() {
        let fr = "Le convoi a parcouru quelque 450 kilomètres en dix jours.";
        assert!(rules(
            fr,
            "The convoy covered some 450 kilometres (280 miles) in ten days."
        )
        .is_empty());
        assert_eq!(
            rules(
                fr,
                "The convoy covered some 450 kilometres and 280 miles in ten days."
            ),
            ["number.added"]
        );
    }

    #[test]
    fn hours_in_whole_days_may_be_counted_in_days() {
        let fr = "Le gouvernement a décrété un deuil national de 72 heures.";
        assert!(rules(
            fr,
            "The government declared three days of national mourning."
        )
        .is_empty());
        assert!(rules(fr, "The government declared 72 hours of national mourning.").is_empty());
        assert!(!rules(fr, "The government declared two days of national mourning.").is_empty());
    }

    #[test]
    fn a_compound_adjective_is_a_figure_of_its_own() {
        let fr = "La Constitution limite à deux le nombre de mandats de sept ans.";
        assert!(rules(
            fr,
            "The constitution limits presidents to two seven-year terms."
        )
        .is_empty());
        assert_eq!(
            rules(
                fr,
                "The constitution limits presidents to two five-year terms."
            ),
            ["number.mismatch"]
        );
    }

    #[test]
    fn and_joins_number_words_only_after_a_hundred_or_a_scale() {
        let fr = "Cinq personnes ont été condamnées à des peines allant de quatre à seize ans.";
        assert!(rules(
            fr,
            "Five people were sentenced to between four and sixteen years."
        )
        .is_empty());
        assert_eq!(
            rules(
                fr,
                "Five people were sentenced to between four and six years."
            ),
            ["number.mismatch"]
        );
        assert!(rules(
            "Deux cent six soldats et vingt et un civils ont été évacués.",
            "Two hundred and six soldiers and twenty-one civilians were evacuated."
        )
        .is_empty());
    }

    #[test]
    fn a_share_changed_is_a_mismatch() {
        let fr = "Le service de la dette absorbe près d'un tiers des recettes.";
        assert_eq!(
            rules(fr, "Debt service absorbs nearly a quarter of revenue."),
            ["number.mismatch"]
        );
        for en in [
            "Debt service absorbs nearly a third of revenue.",
            "Debt service absorbs nearly 33 percent of revenue.",
        ] {
            assert!(rules(fr, en).is_empty(), "{en}");
        }
        let subject = "Parmi les cas confirmés, un tiers relèveraient de la forme pulmonaire.";
        assert_eq!(
            rules(
                subject,
                "Of the confirmed cases, a quarter are reportedly pneumonic."
            ),
            ["number.mismatch"]
        );
        assert!(rules(
            subject,
            "Of the confirmed cases, a third are reportedly pneumonic."
        )
        .is_empty());
        let half = "La moitié des écoles sont fermées.";
        assert!(rules(half, "Half of the schools are closed.").is_empty());
        assert!(rules(half, "Half the schools are closed.").is_empty());
        assert!(rules(half, "50 percent of schools are closed.").is_empty());
        assert_eq!(
            rules(half, "A third of the schools are closed."),
            ["number.mismatch"]
        );
        // No shares: a quarter of the year, third place.
        for (fr, en) in [
            (
                "La croissance a ralenti au premier trimestre.",
                "Growth slowed in the first quarter of the year.",
            ),
            (
                "Les ventes ont reculé au cours de la première quinzaine du mois.",
                "Sales fell in the first half of the month.",
            ),
            (
                "Il a terminé troisième de la course.",
                "He finished third in the race.",
            ),
        ] {
            assert!(rules(fr, en).is_empty(), "{en}");
        }
    }

    #[test]
    fn an_approximation_of_another_order_is_a_mismatch() {
        for (fr, en) in [
            (
                "Une quarantaine de camions ont brûlé.",
                "A dozen trucks burned.",
            ),
            (
                "Une centaine de civils ont été tués.",
                "Hundreds of civilians were killed.",
            ),
        ] {
            assert_eq!(rules(fr, en), ["number.mismatch"], "{en}");
        }
        for (fr, en) in [
            (
                "Une centaine de civils ont été tués.",
                "Around 100 civilians were killed.",
            ),
            (
                "Des centaines de civils ont fui.",
                "Hundreds of civilians fled.",
            ),
            ("Plusieurs dizaines de blessés.", "Several dozen wounded."),
            ("Plusieurs millions de doses.", "Several million doses."),
        ] {
            assert!(rules(fr, en).is_empty(), "{en}: {:?}", rules(fr, en));
        }
    }

    #[test]
    fn french_clock_times_and_percent_spacing_left_in_english_are_flagged() {
        for (fr, en) in [
            (
                "L'attaque a commencé à 16h30.",
                "The attack began at 16h30.",
            ),
            ("L'attaque a commencé à 8h.", "It began at 8h."),
            ("L'attaque a commencé à 16h30.", "It began at 16 h 30."),
        ] {
            assert_eq!(rules(fr, en), ["number.format"], "{en}");
        }
        assert!(rules("L'attaque a commencé à 16h30.", "It began at 4:30 pm.").is_empty());
        assert!(rules(
            "L'eau est arrivée vers 3h00 du matin.",
            "The water came at 3 am."
        )
        .is_empty());
        assert!(rules(
            "La réunion a eu lieu à 15 heures.",
            "The meeting was at 3 pm."
        )
        .is_empty());
        // French news keeps the 24-hour clock.
        assert!(rules(
            "L'attaque a eu lieu vers 10h30.",
            "The attack took place at 10:30."
        )
        .is_empty());
        assert_eq!(
            rules(
                "L'attaque a eu lieu vers 10h30.",
                "The attack took place at 10:30 pm."
            ),
            ["number.mismatch"]
        );
        assert_eq!(
            rules(
                "L'eau est arrivée vers 3h00 du matin.",
                "The water came at around 3:00 pm."
            ),
            ["number.mismatch"]
        );
        let fr = "Il contrôle plus de 70 % du territoire.";
        assert_eq!(
            rules(fr, "It controls over 70 % of the territory."),
            ["number.format"]
        );
        assert!(rules(fr, "It controls over 70% of the territory.").is_empty());
        assert!(rules("Il a roulé à 90 km/h.", "He drove at 90 km/h.").is_empty());
    }

    #[test]
    fn french_formats() {
        assert_eq!(values("3 000 morts", "fr"), vec![vec![3000.0]]);
        assert_eq!(values("3,5 %", "fr"), vec![vec![3.5]]);
        assert_eq!(values("2,5 milliards", "fr"), vec![vec![2.5e9]]);
        assert!(values("12 h 30", "fr")[0].contains(&1230.0));
    }

    #[test]
    fn number_words() {
        assert_eq!(values("deux cent trente", "fr"), vec![vec![230.0]]);
        assert_eq!(values("quatre-vingt-dix", "fr"), vec![vec![90.0]]);
        assert_eq!(values("vingt et un", "fr"), vec![vec![21.0]]);
        assert_eq!(values("twenty-three thousand", "en"), vec![vec![23000.0]]);
        assert_eq!(values("a hundred", "en"), vec![vec![100.0]]);
    }

    #[test]
    fn equivalent_renderings_match() {
        assert!(equivalent("3 000 soldats", "3,000 soldiers"));
        assert!(equivalent("une centaine de morts", "about a hundred dead"));
        assert!(equivalent("une quinzaine de jours", "some fifteen days"));
        assert!(equivalent("une dizaine de blessés", "a dozen injured"));
        assert!(equivalent(
            "des milliers de manifestants",
            "thousands of protesters"
        ));
        assert!(equivalent("à 12 h 30", "at 12:30"));
        assert!(equivalent("vers 12 h 00 GMT", "around 1200 GMT"));
        assert!(equivalent("à 15 h", "at 3 p.m."));
        assert!(equivalent("le 1er janvier", "on January 1st"));
        assert!(equivalent("1,2 million d'euros", "1.2 million euros"));
        assert!(equivalent(
            "une enveloppe de 45 milliards de FCFA",
            "a 45-billion-CFA-franc package"
        ));
        assert!(equivalent("trois soldats", "3 soldiers"));
        assert!(equivalent("au XXe siècle", "in the 20th century"));
    }

    #[test]
    fn different_values_do_not_match() {
        assert!(!equivalent("37 ans", "38 years old"));
        assert!(!equivalent("3 millions", "3 billion"));
        assert!(!equivalent("sept jours", "eight days"));
    }

    #[test]
    fn french_number_format_in_english_is_flagged() {
        use crate::check::{check_texts, Checker};
        let rules = |fr: &str, en: &str| -> Vec<String> {
            check_texts(fr, en, &Checker::builtin())
                .into_iter()
                .map(|f| f.rule)
                .filter(|r| r == "number.format")
                .collect()
        };
        assert_eq!(
            rules("2,5 millions de personnes", "2,5 million people"),
            vec!["number.format"]
        );
        assert!(rules("2,5 millions de personnes", "2.5 million people").is_empty());
        assert!(rules("3 000 personnes", "3,000 people").is_empty());
        // A dot between thousands, when the French figure confirms it.
        assert_eq!(
            rules("quelque 1 800 salariés", "some 1.800 employees"),
            vec!["number.format"]
        );
        assert!(rules("une hausse de 1,25 %", "a rise of 1.250 percent").is_empty());
    }

    #[test]
    fn codes_are_not_figures() {
        assert!(values("un Airbus A320", "fr")
            .iter()
            .all(|v| v != &vec![320.0]));
    }

    fn number_rules(fr: &str, en: &str) -> Vec<String> {
        use crate::check::{check_texts, Checker};
        check_texts(fr, en, &Checker::builtin())
            .into_iter()
            .map(|f| f.rule)
            .filter(|r| r.starts_with("number."))
            .collect()
    }

    #[test]
    fn a_telephone_number_regrouped_is_the_same_number() {
        let fr = "Appelez le 08.11.00.06.95 avant lundi.";
        assert!(number_rules(fr, "Call 08 11 00 06 95 before Monday.").is_empty());
        assert!(!number_rules(fr, "Call 08 11 00 06 96 before Monday.").is_empty());
    }

    #[test]
    fn the_eight_o_clock_bulletin_is_no_time() {
        let fr = "Il était le soir même au 20h de la télévision publique.";
        assert!(
            number_rules(fr, "He was on public television's evening news that night.").is_empty()
        );
        let time = "Le couvre-feu commence à 20h dans la capitale.";
        assert_eq!(
            number_rules(time, "The curfew starts in the evening in the capital."),
            ["number.missing"]
        );
    }

    #[test]
    fn an_approximation_beside_a_different_figure_was_changed() {
        let fr = "Une quinzaine d'assaillants ont été tués.";
        assert_eq!(
            number_rules(fr, "About fifty attackers were killed."),
            ["number.mismatch"]
        );
        assert!(number_rules(fr, "About 15 attackers were killed.").is_empty());
        assert!(number_rules(fr, "Some attackers were killed.").is_empty());
    }

    #[test]
    fn an_approximation_with_its_own_counterpart_does_not_absorb_a_changed_figure() {
        let fr = "Au total, 1 284 cas ont été recensés, où vivent des milliers de réfugiés.";
        assert_eq!(
            number_rules(
                fr,
                "In all, 1,248 cases were registered, where thousands of refugees live."
            ),
            ["number.mismatch"]
        );
        assert!(number_rules(
            fr,
            "In all, 1,284 cases were registered, where thousands of refugees live."
        )
        .is_empty());
        // Without an English approximation, a figure may still render « des milliers ».
        assert!(number_rules(
            "Des milliers de personnes ont manifesté.",
            "Some 5,000 people demonstrated."
        )
        .is_empty());
    }

    #[test]
    fn a_changed_clock_time_is_suggested_on_the_english_clock() {
        use crate::check::{check_texts, Checker};
        let suggestions = |fr: &str, en: &str| -> Vec<Option<String>> {
            check_texts(fr, en, &Checker::builtin())
                .into_iter()
                .filter(|f| f.rule == "number.mismatch")
                .map(|f| f.suggestion)
                .collect()
        };
        let said = "a-t-il déclaré lors d'un point de presse";
        assert_eq!(
            suggestions(
                &format!("« Tout va bien », {said} à 14h30."),
                "\"All is well,\" he said at a press briefing at 4:30 pm."
            ),
            [Some("2:30 pm".to_string())]
        );
        assert_eq!(
            suggestions(
                &format!("« Tout va bien », {said} à 9h."),
                "\"All is well,\" he said at a press briefing at 10 am."
            ),
            [Some("9 am".to_string())]
        );
    }

    #[test]
    fn multiplying_verbs_are_figures() {
        let fr = "Les prix ont plus que triplé en cinq ans.";
        assert_eq!(
            number_rules(fr, "Prices have more than doubled in five years."),
            ["number.mismatch"]
        );
        assert!(number_rules(fr, "Prices have more than tripled in five years.").is_empty());
        assert!(number_rules(
            "Les prix ont doublé en deux ans.",
            "Prices have doubled in two years."
        )
        .is_empty());
    }

    #[test]
    fn plural_orders_of_magnitude_must_agree() {
        let fr = "Plusieurs centaines de partisans se sont rassemblés devant le siège.";
        assert_eq!(
            number_rules(
                fr,
                "Several thousand supporters gathered outside the headquarters."
            ),
            ["number.mismatch"]
        );
        assert!(number_rules(
            fr,
            "Several hundred supporters gathered outside the headquarters."
        )
        .is_empty());
        assert!(number_rules(
            "Des dizaines de milliers de personnes ont fui.",
            "Tens of thousands of people have fled."
        )
        .is_empty());
        assert!(number_rules(
            "Le manque à gagner atteint plusieurs centaines de millions de francs CFA.",
            "The shortfall reaches several hundred million CFA francs."
        )
        .is_empty());
        assert_eq!(
            number_rules(
                "Des dizaines de milliers de personnes ont fui.",
                "Hundreds of thousands of people have fled."
            ),
            ["number.mismatch"]
        );
    }

    #[test]
    fn a_fortnight_is_two_weeks() {
        let fr = "Un couvre-feu a été instauré pour une durée de quinze jours.";
        assert!(number_rules(fr, "A curfew has been imposed for two weeks.").is_empty());
        assert!(number_rules(fr, "A curfew has been imposed for 15 days.").is_empty());
        assert_eq!(
            number_rules(fr, "A curfew has been imposed for three weeks."),
            ["number.mismatch"]
        );
        assert!(number_rules(
            "Il sera de retour dans huit jours.",
            "He will be back in one week."
        )
        .is_empty());
    }

    #[test]
    fn rank_one_may_be_rendered_as_first() {
        let fr = "Sa proposition n°1 est de créer un ministère.";
        assert!(number_rules(fr, "His main proposal is to create a ministry.").is_empty());
        assert_eq!(
            number_rules(fr, "His proposal is to create a ministry."),
            ["number.missing"]
        );
    }
}
