//! Adequacy: is the English a translation of this French at all, and in the same order?
//!
//! French content words are matched to English words by spelling (names, numbers and
//! cognates: gouvernement ~ government, crise ~ crisis) or through a core dictionary of
//! frequent news words whose English looks different (semaine ~ week, tué ~ killed). A
//! translation matches a good share of them, in roughly the French order; the translation
//! of another sentence matches almost none, and scrambled English matches them in random
//! order.

use super::{Category, Finding, Pair, Severity, Tokens, Word};
use crate::text::lang::stop_words;
use crate::text::token::{fold, TokenKind};
use std::sync::OnceLock;

const CORE_DICTIONARY: &str = include_str!("data/fr-en-core.tsv");

/// Below this many French content words a sentence is too short to judge ("Non merci.").
const MIN_CONTENT_WORDS: usize = 5;
/// At or below this share of French content words matched, the English translates
/// something else.
const UNRELATED_SHARE: f64 = 0.1;
/// Up to this share of French content words matched, the English is still unrelated
/// when almost none of its own content words (at most `UNRELATED_SHARE`) answer the
/// French: one shared word ("personne" ~ "people") in two unrelated sentences.
const UNRELATED_SHARE_BOTH_WAYS: f64 = 0.2;
/// English content words needed before their share says anything.
const MIN_ENGLISH_CONTENT_WORDS: usize = 8;

/// French words and stems with their English equivalents, folded.
#[derive(Debug, Default)]
struct Dictionary {
    /// foldhash: every French word of every pair is looked up, once per possible stem.
    words: foldhash::HashMap<String, Vec<Equivalent>>,
    /// Stems by their first `STEM_KEY` bytes: one lookup finds the few a word may start
    /// with, instead of one lookup per prefix length.
    stems: foldhash::HashMap<[u8; STEM_KEY], Vec<(String, Vec<Equivalent>)>>,
    /// Stems shorter than the key, read one by one (the core dictionary has none).
    short_stems: Vec<(String, Vec<Equivalent>)>,
    /// Length in bytes of the shortest stem.
    shortest_stem: usize,
}

/// Bytes of a stem that index it; the core dictionary's stems are all this long, as
/// shorter ones over-match.
const STEM_KEY: usize = 4;

fn stem_key(text: &str) -> Option<[u8; STEM_KEY]> {
    text.as_bytes().get(..STEM_KEY)?.try_into().ok()
}

/// An English word, or a stem when `stem` is set.
#[derive(Debug, Clone)]
struct Equivalent {
    text: String,
    stem: bool,
}

impl Equivalent {
    fn matches(&self, english: &str) -> bool {
        if self.stem {
            english.starts_with(&self.text)
        } else {
            english == self.text
        }
    }
}

fn dictionary() -> &'static Dictionary {
    static DICTIONARY: OnceLock<Dictionary> = OnceLock::new();
    DICTIONARY.get_or_init(|| parse_dictionary(CORE_DICTIONARY))
}

fn parse_dictionary(text: &str) -> Dictionary {
    let mut dictionary = Dictionary {
        shortest_stem: usize::MAX,
        ..Dictionary::default()
    };
    let mut stems: foldhash::HashMap<String, Vec<Equivalent>> = Default::default();
    let lines = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    for line in lines {
        let Some((french, english)) = line.split_once('\t') else {
            continue;
        };
        let equivalents: Vec<Equivalent> = english
            .split('|')
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(|e| Equivalent {
                text: fold(e.trim_end_matches('*')),
                stem: e.ends_with('*'),
            })
            .collect();
        let french = french.trim();
        let key = fold(french.trim_end_matches('*'));
        if french.ends_with('*') {
            dictionary.shortest_stem = dictionary.shortest_stem.min(key.len());
            stems.entry(key).or_default().extend(equivalents);
        } else {
            dictionary.words.entry(key).or_default().extend(equivalents);
        }
    }
    for (stem, equivalents) in stems {
        match stem_key(&stem) {
            Some(key) => dictionary
                .stems
                .entry(key)
                .or_default()
                .push((stem, equivalents)),
            None => dictionary.short_stems.push((stem, equivalents)),
        }
    }
    dictionary
}

impl Dictionary {
    /// Every English equivalent of a folded French word: its own entry and those of the
    /// stems it starts with.
    fn equivalents(&self, french: &str) -> Vec<&Equivalent> {
        let exact = self.words.get(french).into_iter().flatten();
        let stems = stem_key(french)
            .and_then(|key| self.stems.get(&key))
            .into_iter()
            .flatten()
            .chain(&self.short_stems)
            .filter(|(stem, _)| french.starts_with(stem.as_str()))
            .flat_map(|(_, equivalents)| equivalents);
        exact.chain(stems).collect()
    }
}

/// Same word in both languages by its spelling: equal, or a shared beginning long enough
/// to be the same stem (gouvernement ~ government, crise ~ crisis). `variants` are the
/// French word's other spellings ([`spelling_variants`]).
fn cognate(french: &str, variants: &[String], english: &str) -> bool {
    if french == english {
        return true;
    }
    if english.len() < 4 || !english.is_ascii() {
        return false;
    }
    shares_stem(french, english) || variants.iter().any(|v| shares_stem(v, english))
}

fn shares_stem(french: &str, english: &str) -> bool {
    let shortest = french.len().min(english.len());
    if shortest < 4 || !french.is_ascii() {
        return false;
    }
    let prefix = french
        .bytes()
        .zip(english.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let close_in_length = french.len().abs_diff(english.len()) <= 3;
    prefix >= 5 || (prefix >= 4 && shortest <= 6 && close_in_length)
}

/// Other spellings of a folded French word, with French "ou" where English has "o" or
/// "u": gouvernement ~ government, groupe ~ group, soutien ~ support.
fn spelling_variants(folded: &str) -> Vec<String> {
    if folded.contains("ou") {
        vec![folded.replacen("ou", "o", 1), folded.replacen("ou", "u", 1)]
    } else {
        Vec::new()
    }
}

fn digits(word: &Word) -> String {
    if word.kind == TokenKind::Number {
        word.text.chars().filter(char::is_ascii_digit).collect()
    } else {
        String::new()
    }
}

pub(super) fn is_content(word: &Word, stop: Option<&foldhash::HashSet<&str>>) -> bool {
    let is_stop = |lower: &str| stop.is_some_and(|s| s.contains(lower));
    match word.kind {
        TokenKind::Number => word.text.bytes().any(|b| b.is_ascii_digit()),
        TokenKind::Punct => false,
        TokenKind::Word if word.text.is_ascii() => {
            let lower = word.folded.trim_end_matches('\'');
            lower.len() >= 3 && !is_stop(lower)
        }
        TokenKind::Word => {
            let lower = word.text.to_lowercase();
            let lower = lower.trim_end_matches(['\'', '’']);
            lower.chars().count() >= 3 && !is_stop(lower)
        }
    }
}

/// A French content word with what it may be rendered by, computed once per word.
/// Whether the core dictionary knows English equivalents of a French word: a word a
/// translation would almost surely show.
pub(super) fn has_equivalent(word: &Word) -> bool {
    word.kind == TokenKind::Word && !dictionary().equivalents(&word.folded).is_empty()
}

struct FrenchWord<'w> {
    word: &'w Word<'w>,
    digits: String,
    spellings: Vec<String>,
    equivalents: Vec<&'static Equivalent>,
    /// The first bytes an English counterpart may start with: the word's own and its
    /// equivalents'. Every English word is first tested against this set.
    initials: [u64; 4],
}

fn initial_bit(word: &str) -> Option<(usize, u64)> {
    let byte = *word.as_bytes().first()?;
    Some((usize::from(byte / 64), 1 << (byte % 64)))
}

impl<'w> FrenchWord<'w> {
    fn new(word: &'w Word<'w>) -> Self {
        let equivalents = if word.kind == TokenKind::Word {
            dictionary().equivalents(&word.folded)
        } else {
            Vec::new()
        };
        let mut initials = [0u64; 4];
        let own = std::iter::once(word.folded.as_str());
        for text in own.chain(equivalents.iter().map(|e| e.text.as_str())) {
            if let Some((slot, bit)) = initial_bit(text) {
                initials[slot] |= bit;
            }
        }
        FrenchWord {
            word,
            digits: digits(word),
            spellings: spelling_variants(&word.folded),
            equivalents,
            initials,
        }
    }

    fn corresponds(&self, english: &Word, english_digits: &str) -> bool {
        match (self.word.kind, english.kind) {
            (TokenKind::Number, TokenKind::Number) => self.digits == english_digits,
            (TokenKind::Word, TokenKind::Word) => {
                let possible = initial_bit(&english.folded)
                    .is_some_and(|(slot, bit)| self.initials[slot] & bit != 0);
                if !possible {
                    return false;
                }
                // Every way of corresponding starts with the same letter: most English
                // words are turned away on it, without a string comparison.
                let initial = english.folded.as_bytes().first();
                let same_initial = |word: &str| word.as_bytes().first() == initial;
                (same_initial(&self.word.folded)
                    && cognate(&self.word.folded, &self.spellings, &english.folded))
                    || self
                        .equivalents
                        .iter()
                        .any(|e| same_initial(&e.text) && e.matches(&english.folded))
            }
            _ => false,
        }
    }
}

/// Which French content words have a counterpart in the English, and where.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Correspondence {
    /// Number of French content words.
    pub content: usize,
    /// Number of English content words.
    pub english_content: usize,
    /// (French token index, English token index) of each content word matched, in French
    /// order; each English word is used once.
    pub matched: Vec<(usize, usize)>,
}

impl Correspondence {
    pub fn of(tokens: &Tokens) -> Self {
        let english: Vec<(usize, String)> = (0..tokens.target.len())
            .filter(|&j| is_content(&tokens.target[j], stop_words("en")))
            .map(|j| (j, digits(&tokens.target[j])))
            .collect();
        let french_stop = stop_words("fr");
        let mut used = vec![false; tokens.target.len()];
        let mut out = Correspondence {
            english_content: english.len(),
            ..Correspondence::default()
        };
        let french_count = tokens.source.len().max(1) as f64;
        for (i, word) in tokens.source.iter().enumerate() {
            if !is_content(word, french_stop) {
                continue;
            }
            out.content += 1;
            let french = FrenchWord::new(word);
            // Of several candidates, the one nearest the French word's relative place.
            let expected = i as f64 / french_count * tokens.target.len() as f64;
            let best = english
                .iter()
                .filter(|(j, digits)| !used[*j] && french.corresponds(&tokens.target[*j], digits))
                .map(|(j, _)| *j)
                .min_by(|&a, &b| {
                    (a as f64 - expected)
                        .abs()
                        .total_cmp(&(b as f64 - expected).abs())
                });
            if let Some(j) = best {
                used[j] = true;
                out.matched.push((i, j));
            }
        }
        out
    }

    /// Share of English content words with a French counterpart.
    pub fn english_share(&self) -> f64 {
        self.matched.len() as f64 / self.english_content.max(1) as f64
    }

    /// Few French words found in the English, or a few more but almost none of the
    /// English found in the French.
    fn is_unrelated(&self) -> bool {
        let share = self.share();
        share <= UNRELATED_SHARE
            || (share <= UNRELATED_SHARE_BOTH_WAYS
                && self.english_content >= MIN_ENGLISH_CONTENT_WORDS
                && self.english_share() <= UNRELATED_SHARE)
    }

    /// Share of French content words with an English counterpart.
    pub fn share(&self) -> f64 {
        self.matched.len() as f64 / self.content.max(1) as f64
    }

    /// Share of matched word pairs whose English order contradicts the French order:
    /// near 0 for a translation, near 0.5 for words in random order.
    pub fn discordance(&self) -> f64 {
        let pairs = &self.matched;
        let mut discordant = 0usize;
        let mut total = 0usize;
        for (k, a) in pairs.iter().enumerate() {
            for b in &pairs[k + 1..] {
                total += 1;
                if (a.0 < b.0) != (a.1 < b.1) {
                    discordant += 1;
                }
            }
        }
        discordant as f64 / total.max(1) as f64
    }
}

impl Correspondence {
    /// Share of French neighbours (consecutive matched words) whose English order is
    /// reversed: low even when a translation moves a whole clause.
    pub fn neighbour_discordance(&self) -> f64 {
        let reversed = self.matched.windows(2).filter(|w| w[1].1 < w[0].1).count();
        reversed as f64 / self.matched.len().saturating_sub(1).max(1) as f64
    }
}

/// An English sentence that shares almost nothing with its French: the translation of
/// another sentence, or text that has nothing to do with it.
pub fn unrelated(pair: &Pair, correspondence: &Correspondence) -> Option<Finding> {
    if correspondence.content < MIN_CONTENT_WORDS || !correspondence.is_unrelated() {
        return None;
    }
    Some(
        Finding::new(
            "mistranslation.unrelated",
            Category::Mistranslation,
            Severity::Error,
            Some(pair.source.whole()),
            Some(pair.target.whole()),
            format!(
                "the English shares {} of the {} content words of the French: it translates something else",
                correspondence.matched.len(),
                correspondence.content
            ),
        )
        .suggest("translate this French sentence"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::words;

    fn correspondence(fr: &str, en: &str) -> Correspondence {
        Correspondence::of(&Tokens {
            source: words(fr),
            target: words(en),
        })
    }

    #[test]
    fn the_core_dictionary_is_a_real_list_of_safe_stems() {
        let d = dictionary();
        let stems: usize = d.stems.values().map(Vec::len).sum();
        assert!(d.words.len() + stems > 2000);
        assert!(
            d.shortest_stem >= STEM_KEY,
            "a French stem shorter than 4 letters over-matches"
        );
        let lines = CORE_DICTIONARY
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
        for line in lines {
            let (french, english) = line.split_once('\t').expect("french<TAB>english");
            assert!(!french.is_empty() && !english.is_empty(), "{line}");
            assert!(!french.trim_end_matches('*').contains('*'), "{line}");
        }
    }

    #[test]
    fn cognates_share_a_stem() {
        let cognate = |fr: &str, en: &str| cognate(fr, &spelling_variants(fr), en);
        assert!(cognate("gouvernement", "government"));
        assert!(cognate("crise", "crisis"));
        assert!(!cognate("pain", "painting"));
    }

    #[test]
    fn dictionary_stems_cover_inflections() {
        let d = parse_dictionary("# test\nsemaine\tweek*\ntu*\tkill*|dead\n");
        let found = |fr: &str, en: &str| d.equivalents(&fold(fr)).iter().any(|e| e.matches(en));
        assert!(found("semaine", "weeks"));
        assert!(found("tués", "killed"));
        assert!(!found("semaines", "weeks"));
        assert!(!found("semaine", "month"));
    }

    #[test]
    fn a_translation_matches_in_order_and_a_scramble_does_not() {
        let fr =
            "Le gouvernement malien a annoncé mardi une crise politique majeure à Bamako en 2024.";
        let good = correspondence(fr, "The Malian government on Tuesday announced a major political crisis in Bamako in 2024.");
        assert!(good.share() >= 0.5, "{good:?}");
        assert!(good.discordance() < 0.2, "{good:?}");
        let scrambled = correspondence(
            fr,
            "2024 Bamako crisis political major announced government Malian the in a in.",
        );
        assert!(scrambled.discordance() > 0.5, "{scrambled:?}");
        let other = correspondence(
            fr,
            "The tiger belongs to the same family as lions, leopards and jaguars.",
        );
        assert_eq!(other.matched, []);
    }

    #[test]
    fn one_shared_word_does_not_make_a_translation() {
        let fr = "Selon la police, une personne a été arrêtée mardi soir près du marché central.";
        let other = correspondence(
            fr,
            "Most people in the old harbour speak Italian, while Latin remains the language of religious ceremonies.",
        );
        assert_eq!(other.matched.len(), 1, "{other:?}");
        assert!(other.share() > UNRELATED_SHARE, "{other:?}");
        assert!(other.is_unrelated(), "{other:?}");
        let good = correspondence(
            fr,
            "According to police, one person was arrested on Tuesday evening near the central market.",
        );
        assert!(!good.is_unrelated(), "{good:?}");
    }
}
