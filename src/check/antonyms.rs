//! Opposites: an English word that says the opposite of the French — « hausse » rendered
//! "fall", « la veille » "the day after", « fermée » "open", « après » "before". Machine
//! translation swaps them rarely but fatally, and nothing else in a sentence betrays it:
//! the numbers, names and negations all still match.
//!
//! The list (`data/antonyms.tsv`) pairs two meanings with the French and English words of
//! each. A pair is flagged only when each side holds one meaning and nothing of the other,
//! and neither side has a negation: « n'a pas augmenté » may fairly become "fell short",
//! « pas avant lundi » "only after Monday".

use super::{negation, Category, Finding, Pair, Severity, Tokens, Word};
use foldhash::HashMap;
use std::sync::OnceLock;

pub const RULE: &str = "mistranslation.antonym";

const OPPOSITES: &str = include_str!("data/antonyms.tsv");

/// What a listed word tells about its meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Names the meaning: may raise a finding.
    Cue,
    /// Shows the meaning is there, too loosely to raise anything (`~`).
    Sign,
    /// A locution whose words mean something else (`!`): « d'après », "lost their lives".
    Locution,
}

/// One listed entry: a sequence of folded words, the first of which may need a given
/// word before it (`la>veille`).
#[derive(Debug, Clone)]
struct Entry {
    words: Vec<String>,
    previous: Option<String>,
    role: Role,
    opposition: usize,
    meaning: usize,
}

/// Where to look an entry up from a word: by the whole word, by its first three letters
/// (stems), or among the few that match a word's end.
#[derive(Debug)]
struct Index {
    whole: HashMap<String, Vec<usize>>,
    stems: HashMap<String, Vec<usize>>,
    endings: Vec<usize>,
    /// Every ending is a hyphen compound's (`*-est`), so only such words need a look.
    endings_hyphenated: bool,
    entries: Vec<Entry>,
}

impl Default for Index {
    fn default() -> Self {
        Index {
            whole: HashMap::default(),
            stems: HashMap::default(),
            endings: Vec::new(),
            endings_hyphenated: true,
            entries: Vec::new(),
        }
    }
}

/// Shortest stem: `an*` would match half the vocabulary.
const MIN_STEM_CHARS: usize = 3;

#[derive(Debug)]
struct Opposites {
    french: Index,
    english: Index,
    /// The first English word of each meaning, suggested as the fix.
    suggestions: Vec<[String; 2]>,
}

fn opposites() -> &'static Opposites {
    static LIST: OnceLock<Opposites> = OnceLock::new();
    LIST.get_or_init(|| parse(OPPOSITES).expect("the built-in list of opposites parses"))
}

fn parse(text: &str) -> Result<Opposites, String> {
    let mut french = Index::default();
    let mut english = Index::default();
    let mut suggestions = Vec::new();
    let rows = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1);
    for (opposition, row) in rows.enumerate() {
        let columns: Vec<&str> = row.split('\t').collect();
        let [fr_a, en_a, fr_b, en_b] = columns[..] else {
            return Err(format!("expected 4 columns: {row}"));
        };
        for (meaning, (fr, en)) in [(fr_a, en_a), (fr_b, en_b)].into_iter().enumerate() {
            french.add_all(fr, opposition, meaning)?;
            english.add_all(en, opposition, meaning)?;
        }
        let first = |column: &str| column.split('|').next().unwrap_or_default().to_string();
        suggestions.push([first(en_a), first(en_b)]);
    }
    Ok(Opposites {
        french,
        english,
        suggestions,
    })
}

impl Index {
    fn add_all(&mut self, column: &str, opposition: usize, meaning: usize) -> Result<(), String> {
        for item in column.split('|') {
            self.add(item, opposition, meaning)?;
        }
        Ok(())
    }

    fn add(&mut self, item: &str, opposition: usize, meaning: usize) -> Result<(), String> {
        let (role, item) = match item.as_bytes().first() {
            Some(b'~') => (Role::Sign, &item[1..]),
            Some(b'!') => (Role::Locution, &item[1..]),
            _ => (Role::Cue, item),
        };
        let (previous, item) = match item.split_once('>') {
            Some((previous, rest)) => (Some(previous.to_string()), rest),
            None => (None, item),
        };
        let words: Vec<String> = item.split(' ').map(str::to_string).collect();
        let first = words[0].as_str();
        if first.is_empty() {
            return Err(format!("empty entry in opposition {opposition}"));
        }
        let at = self.entries.len();
        if first.starts_with('*') {
            self.endings_hyphenated &= first.contains('-');
            self.endings.push(at);
        } else if let Some(stem) = first.strip_suffix('*') {
            if stem.chars().count() < MIN_STEM_CHARS {
                return Err(format!("stem too short: {first}"));
            }
            self.stems
                .entry(prefix(stem).to_string())
                .or_default()
                .push(at);
        } else {
            self.whole.entry(first.to_string()).or_default().push(at);
        }
        self.entries.push(Entry {
            words,
            previous,
            role,
            opposition,
            meaning,
        });
        Ok(())
    }

    /// Every entry found in `words`, with the span of words it covers.
    fn find(&self, words: &[&Word]) -> Vec<Found> {
        let mut found = Vec::new();
        for (i, word) in words.iter().enumerate() {
            let folded = word.folded.as_str();
            // Stems are three letters or more; endings of hyphen compounds (« nord-est »)
            // only end such words.
            let stems = (folded.len() >= MIN_STEM_CHARS)
                .then(|| self.stems.get(prefix(folded)))
                .flatten();
            let endings =
                (!self.endings_hyphenated || folded.contains('-')).then_some(&self.endings);
            let candidates = self
                .whole
                .get(folded)
                .into_iter()
                .flatten()
                .chain(stems.into_iter().flatten())
                .chain(endings.into_iter().flatten());
            for &k in candidates {
                let entry = &self.entries[k];
                if let Some(end) = entry.matches_at(words, i) {
                    found.push(Found {
                        entry: k,
                        from: i,
                        to: end,
                    });
                }
            }
        }
        found
    }
}

/// The first three characters of a word, the key of its stems.
fn prefix(word: &str) -> &str {
    word.char_indices()
        .nth(MIN_STEM_CHARS)
        .map_or(word, |(at, _)| &word[..at])
}

/// `word` is `pattern`, starts with it (`stem*`) or ends with it (`*end`).
fn matches_word(word: &str, pattern: &str) -> bool {
    if let Some(ending) = pattern.strip_prefix('*') {
        word.len() > ending.len() && word.ends_with(ending)
    } else if let Some(stem) = pattern.strip_suffix('*') {
        word.starts_with(stem)
    } else {
        word == pattern
    }
}

impl Entry {
    /// The end (exclusive word index) of this entry matched from word `i`.
    fn matches_at(&self, words: &[&Word], i: usize) -> Option<usize> {
        if let Some(previous) = &self.previous {
            let before = i.checked_sub(1).map(|k| words[k].folded.as_str());
            if before != Some(previous.as_str()) {
                return None;
            }
        }
        let end = i + self.words.len();
        let all = words.get(i..end)?;
        all.iter()
            .zip(&self.words)
            .all(|(w, p)| matches_word(&w.folded, p))
            .then_some(end)
    }
}

#[derive(Debug, Clone, Copy)]
struct Found {
    entry: usize,
    from: usize,
    to: usize,
}

/// What one side says of an opposition: a cue of each meaning (first found) and whether
/// anything of each meaning is there.
#[derive(Debug, Default, Clone, Copy)]
struct Sides {
    cue: [Option<Found>; 2],
    present: [bool; 2],
}

/// Per opposition, what the words of one side say, locutions taken out.
fn meanings(index: &Index, words: &[&Word]) -> Vec<(usize, Sides)> {
    let found = index.find(words);
    let hidden = |f: &Found| {
        found.iter().any(|l| {
            index.entries[l.entry].role == Role::Locution && l.from <= f.from && f.to <= l.to
        })
    };
    // A sentence touches few oppositions: a short list beats a map.
    let mut by_opposition: Vec<(usize, Sides)> = Vec::new();
    for f in found.iter().filter(|f| !hidden(f)) {
        let entry = &index.entries[f.entry];
        if entry.role == Role::Locution {
            continue;
        }
        let at = match by_opposition
            .iter()
            .position(|(o, _)| *o == entry.opposition)
        {
            Some(at) => at,
            None => {
                by_opposition.push((entry.opposition, Sides::default()));
                by_opposition.len() - 1
            }
        };
        let sides = &mut by_opposition[at].1;
        sides.present[entry.meaning] = true;
        if entry.role == Role::Cue && sides.cue[entry.meaning].is_none() {
            sides.cue[entry.meaning] = Some(*f);
        }
    }
    by_opposition
}

/// The French cue and the English cue of the opposite meaning, when each side holds one
/// meaning only.
fn swapped(french: &Sides, english: &Sides) -> Option<(usize, Found, Found)> {
    (0..2).find_map(|meaning| {
        let other = 1 - meaning;
        let said = french.cue[meaning].filter(|_| !french.present[other])?;
        let opposite = english.cue[other].filter(|_| !english.present[meaning])?;
        Some((meaning, said, opposite))
    })
}

pub fn check(pair: &Pair, tokens: &Tokens) -> Vec<Finding> {
    let list = opposites();
    let french_words = words_only(&tokens.source);
    let french = meanings(&list.french, &french_words);
    // Most sentences hold no word of one meaning alone: the English is then not read.
    let one_sided = |sides: &Sides| (0..2).any(|m| sides.cue[m].is_some() && !sides.present[1 - m]);
    if !french.iter().any(|(_, sides)| one_sided(sides)) {
        return Vec::new();
    }
    let english_words = words_only(&tokens.target);
    let english = meanings(&list.english, &english_words);
    let mut swaps: Vec<(usize, usize, Found, Found)> = french
        .iter()
        .filter_map(|&(opposition, ref fr)| {
            let (_, en) = english.iter().find(|(o, _)| *o == opposition)?;
            let (meaning, said, opposite) = swapped(fr, en)?;
            Some((opposition, meaning, said, opposite))
        })
        .collect();
    if swaps.is_empty() {
        return Vec::new();
    }
    let (french_negations, english_negations) = (
        negation::french(&tokens.source),
        negation::english(&tokens.target),
    );
    swaps.retain(|&(_, _, said, opposite)| {
        !near_negation(&french_negations, &french_words, said)
            && !near_negation(&english_negations, &english_words, opposite)
    });
    swaps.sort_by_key(|&(_, _, _, opposite)| opposite.from);
    swaps
        .into_iter()
        .map(|(opposition, meaning, said, opposite)| {
            let fr = span_of(&french_words, said);
            let en = span_of(&english_words, opposite);
            let right = &list.suggestions[opposition][meaning];
            let message = format!(
                "« {} » means “{right}”, but the English says “{}”, its opposite",
                &pair.source.text[fr.0..fr.1],
                &pair.target.text[en.0..en.1]
            );
            Finding::new(
                RULE,
                Category::Mistranslation,
                Severity::Warning,
                Some(pair.source.span(fr.0, fr.1)),
                Some(pair.target.span(en.0, en.1)),
                message,
            )
            .suggest(format!("“{right}”"))
        })
        .collect()
}

/// Words before a cue within which a negation may turn it into its opposite: « ne sera
/// pas libéré avant », "did not fall".
const NEGATION_REACH: usize = 5;

/// A negation governs the cue: a negated word may fairly become its antonym, while a
/// negation elsewhere in the sentence (« Reporters sans frontières ») does not, nor one
/// that is part of the cue itself (« sans fondement »).
fn near_negation(negations: &[negation::Negation], words: &[&Word], cue: Found) -> bool {
    let from = words[cue.from.saturating_sub(NEGATION_REACH)].start;
    let (start, end) = (words[cue.from].start, words[cue.to - 1].end);
    negations.iter().any(|n| {
        let inside = start <= n.start && n.start < end;
        let governs = n.start <= start && (from <= n.start || start < n.end);
        governs && !inside
    })
}

fn words_only<'a>(words: &'a [Word<'a>]) -> Vec<&'a Word<'a>> {
    words.iter().filter(|w| w.is_word()).collect()
}

/// Byte span of the words a match covers.
fn span_of(words: &[&Word], found: Found) -> (usize, usize) {
    (words[found.from].start, words[found.to - 1].end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::check_texts;
    use crate::check::Checker;

    fn antonyms(fr: &str, en: &str) -> Vec<String> {
        check_texts(fr, en, &Checker::builtin())
            .into_iter()
            .filter(|f| f.rule == RULE)
            .map(|f| f.target.map(|t| t.text).unwrap_or_default())
            .collect()
    }

    #[test]
    fn the_list_parses_and_suggests_whole_words() {
        let list = parse(OPPOSITES).unwrap();
        assert!(list.suggestions.len() >= 40);
        for [a, b] in &list.suggestions {
            for word in [a, b] {
                assert!(
                    word.chars()
                        .all(|c| c.is_alphabetic() || c == ' ' || c == '-'),
                    "suggestion {word:?} must be a plain word"
                );
            }
        }
    }

    #[test]
    fn a_rise_rendered_as_a_fall_is_flagged() {
        assert_eq!(
            antonyms(
                "Les prix des céréales ont connu une forte hausse sur les marchés de Mopti.",
                "Cereal prices have seen a sharp fall on the Mopti markets."
            ),
            ["fall"]
        );
        assert!(antonyms(
            "Les prix des céréales ont connu une forte hausse sur les marchés de Mopti.",
            "Cereal prices have risen sharply on the Mopti markets."
        )
        .is_empty());
    }

    #[test]
    fn after_and_before_the_day_before_and_after() {
        assert_eq!(
            antonyms(
                "Il a été arrêté après son retour de Dakar.",
                "He was arrested before his return from Dakar."
            ),
            ["before"]
        );
        assert_eq!(
            antonyms(
                "L'attaque a eu lieu la veille du scrutin.",
                "The attack took place the day after the vote."
            ),
            ["day after"]
        );
        // « dans la foulée » is "right after".
        assert!(antonyms(
            "Les qualifications débuteront dans la foulée, avant la finale.",
            "The qualifiers will follow shortly after. The final comes next."
        )
        .is_empty());
        // « d'après » is "according to".
        assert!(antonyms(
            "D'après la police, il a été arrêté avant le couvre-feu.",
            "According to the police, he was arrested before the curfew."
        )
        .is_empty());
    }

    #[test]
    fn closed_open_and_directions() {
        assert_eq!(
            antonyms(
                "Le Bénin maintient sa frontière terrestre fermée.",
                "Benin is keeping its land border open."
            ),
            ["open"]
        );
        assert_eq!(
            antonyms(
                "Les combats se sont déplacés vers le nord du pays.",
                "The fighting has moved to the south of the country."
            ),
            ["south"]
        );
        assert!(antonyms(
            "Les combats se sont déplacés vers l'Afrique du Sud.",
            "The fighting has moved towards South Africa."
        )
        .is_empty());
        // « est » is a verb unless it follows « l' ».
        assert!(antonyms(
            "Le village est situé à l'ouest de Gao.",
            "The village is located west of Gao."
        )
        .is_empty());
        assert_eq!(
            antonyms(
                "Le village est situé à l'est de Gao.",
                "The village is located west of Gao."
            ),
            ["west"]
        );
    }

    #[test]
    fn killed_and_wounded_are_not_swapped() {
        assert_eq!(
            antonyms(
                "Trois soldats ont été blessés dans l'explosion.",
                "Three soldiers were killed in the explosion."
            ),
            ["killed"]
        );
        assert!(antonyms(
            "Trois soldats ont été mortellement blessés dans l'explosion.",
            "Three soldiers were fatally wounded in the explosion."
        )
        .is_empty());
    }

    /// The cue words the English of `text` holds, locutions taken out.
    fn english_cues(text: &str) -> Vec<String> {
        let tokens = crate::check::words(text);
        let words = words_only(&tokens);
        meanings(&opposites().english, &words)
            .iter()
            .flat_map(|(_, sides)| sides.cue.into_iter().flatten())
            .map(|f| {
                words[f.from..f.to]
                    .iter()
                    .map(|w| w.folded.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect()
    }

    #[test]
    fn a_locution_hides_its_words() {
        // "lost their lives" renders a death, not a defeat.
        assert!(!english_cues("Twelve soldiers lost their lives.").contains(&"lost".to_string()));
        assert!(english_cues("The ruling party lost the elections.").contains(&"lost".to_string()));
        assert_eq!(
            antonyms(
                "Le parti au pouvoir a remporté les élections.",
                "The ruling party lost the elections."
            ),
            ["lost"]
        );
    }

    #[test]
    fn a_negation_may_turn_a_word_into_its_opposite() {
        assert!(antonyms(
            "Il ne sera pas libéré avant lundi.",
            "He will be released only after Monday."
        )
        .is_empty());
        assert!(antonyms(
            "Les prix n'ont pas augmenté cette année.",
            "Prices did not fall this year."
        )
        .is_empty());
    }

    #[test]
    fn a_negation_elsewhere_in_the_sentence_does_not_excuse_a_swap() {
        assert_eq!(
            antonyms(
                "Reporters sans frontières estime que le pays a reculé de quarante places dans son classement.",
                "Reporters Without Borders says the country has climbed forty places in its ranking."
            ),
            ["climbed"]
        );
    }

    #[test]
    fn a_negation_inside_the_cue_is_part_of_its_meaning() {
        assert_eq!(
            antonyms(
                "La société qualifie ces accusations de « sans fondement ».",
                "The company describes these accusations as \"well-founded\"."
            ),
            ["well-founded"]
        );
        assert!(antonyms(
            "La société qualifie ces accusations de « sans fondement ».",
            "The company describes these accusations as \"baseless\"."
        )
        .is_empty());
    }

    #[test]
    fn success_intentions_and_trends_are_not_reversed() {
        assert_eq!(
            antonyms(
                "Le pays a connu quatre coups d'État réussis depuis 1974.",
                "The country has seen four failed coups since 1974."
            ),
            ["failed"]
        );
        assert_eq!(
            antonyms(
                "Le gouvernement accuse des individus malintentionnés.",
                "The government accuses well-meaning individuals."
            ),
            ["well-meaning"]
        );
        assert_eq!(
            antonyms(
                "Les relations se sont nettement dégradées depuis le coup d'État.",
                "Relations have improved sharply since the coup."
            ),
            ["improved"]
        );
        assert!(antonyms(
            "Les relations se sont nettement dégradées depuis le coup d'État.",
            "Relations have deteriorated sharply since the coup."
        )
        .is_empty());
    }

    #[test]
    fn meanings_present_on_both_sides_say_nothing() {
        assert!(antonyms(
            "La hausse des prix a suivi la baisse de la production.",
            "The fall in output was followed by rising prices."
        )
        .is_empty());
    }
}
