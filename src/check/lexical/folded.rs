//! A lower-cased, accent-folded copy of a side's text, tokenised into words, that keeps
//! the way back to the bytes of the original text.
//!
//! Folding changes byte lengths ("é" is two bytes, "e" one; "œ" becomes "oe"), so every
//! folded byte remembers the original character it came from.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// One word of the folded text: folded byte span and original (local) byte span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    pub start: usize,
    pub end: usize,
    pub orig_start: usize,
    pub orig_end: usize,
    /// The original word starts with an upper-case letter.
    pub capitalised: bool,
    /// Every letter of the original word is upper case (an acronym such as "GSIM").
    pub all_caps: bool,
}

/// Two capitals or more and no lower-case letter, except the plural -s English gives
/// acronyms ("NGOs", "IDPs").
fn is_acronym(word: &str) -> bool {
    let singular = word.strip_suffix('s').unwrap_or(word);
    singular.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && singular.chars().all(|c| !c.is_lowercase())
}

#[derive(Debug, Clone, Default)]
pub struct Folded {
    pub text: String,
    pub words: Vec<Word>,
}

impl Folded {
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len());
        for (at, c) in original.char_indices() {
            let span = (at as u32, (at + c.len_utf8()) as u32);
            let before = text.len();
            push_folded(c, &mut text);
            origin.resize(origin.len() + (text.len() - before), span);
        }
        let words = split_words(original, &text, &origin);
        Folded { text, words }
    }

    /// Original local byte span of the folded words `first..=last`.
    pub fn orig_span(&self, first: usize, last: usize) -> (usize, usize) {
        (self.words[first].orig_start, self.words[last].orig_end)
    }

    /// Folded text of word `i`.
    pub fn word(&self, i: usize) -> &str {
        let w = self.words[i];
        &self.text[w.start..w.end]
    }

    /// Word `i` is capitalised where a sentence would not capitalise it: a name
    /// ("Stage Entertainment"), not a sentence start or a quotation's first word.
    pub fn is_name_like(&self, original: &str, i: usize) -> bool {
        let w = self.words[i];
        if !w.capitalised {
            return false;
        }
        // "Stage Entertainment" at a sentence start: followed by another capitalised word.
        let followed_by_capital = self.words.get(i + 1).is_some_and(|next| {
            next.capitalised
                && original[w.orig_end..next.orig_start]
                    .chars()
                    .all(|c| c.is_whitespace() || c == '\u{ad}')
        });
        if followed_by_capital {
            return true;
        }
        let before =
            original[..w.orig_start].trim_end_matches(|c: char| c.is_whitespace() || c == '\u{ad}');
        i > 0
            && !before.ends_with([
                '.', '!', '?', ':', ';', '«', '"', '“', '(', '-', '—', '–', '…',
            ])
    }
}

/// Folds one character the way `crate::text::token::fold` does (lower case, no accents,
/// one apostrophe), and also spells out the ligatures œ and æ.
pub fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        'œ' | 'Œ' => return out.push_str("oe"),
        'æ' | 'Æ' => return out.push_str("ae"),
        '’' | 'ʼ' | '‘' => return out.push('\''),
        _ => {}
    }
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            out.extend(d.to_lowercase());
        }
    });
}

/// Folds a whole string (for lexicon entries).
pub fn fold_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// Words are maximal runs of letters and digits: apostrophes and hyphens separate words,
/// so "l'amalgame" gives "l" and "amalgame", "day-to-day" three words.
fn split_words(original: &str, folded: &str, origin: &[(u32, u32)]) -> Vec<Word> {
    // About one word in six bytes of running text.
    let mut words = Vec::with_capacity(folded.len() / 6 + 1);
    let mut start = None;
    for (at, c) in folded
        .char_indices()
        .chain(std::iter::once((folded.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                let orig_start = origin[s].0 as usize;
                let orig_end = origin[at - 1].1 as usize;
                let orig = &original[orig_start..orig_end];
                let capitalised = orig.chars().next().is_some_and(char::is_uppercase);
                let all_caps = is_acronym(orig);
                words.push(Word {
                    start: s,
                    end: at,
                    orig_start,
                    orig_end,
                    capitalised,
                    all_caps,
                });
                start = None;
            }
            _ => {}
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_offsets_to_the_original() {
        let text = "L'Œuvre du Président « Nouvel Horizon »";
        let f = Folded::new(text);
        assert_eq!(f.text, "l'oeuvre du president « nouvel horizon »");
        let words: Vec<&str> = (0..f.words.len()).map(|i| f.word(i)).collect();
        assert_eq!(
            words,
            ["l", "oeuvre", "du", "president", "nouvel", "horizon"]
        );
        let (s, e) = f.orig_span(1, 1);
        assert_eq!(&text[s..e], "Œuvre");
        let (s, e) = f.orig_span(3, 5);
        assert_eq!(&text[s..e], "Président « Nouvel Horizon");
        assert!(f.words[3].capitalised && !f.words[2].capitalised);
    }

    #[test]
    fn acronyms_are_recognised_by_case() {
        let f = Folded::new("le GSIM et l'Onu, NGOs, Is");
        assert!(f.words[1].all_caps);
        assert!(!f.words[4].all_caps);
        assert!(f.words[5].all_caps, "plural acronym");
        assert!(!f.words[6].all_caps);
    }

    #[test]
    fn names_are_told_from_sentence_starts() {
        let text = "Stage Entertainment. Selon « Stage » et Stage Entertainment. Actuellement";
        let f = Folded::new(text);
        let names: Vec<bool> = (0..f.words.len())
            .map(|i| f.is_name_like(text, i))
            .collect();
        assert_eq!(names, [true, true, false, false, false, true, true, false]);
    }
}
