//! Word tokens with byte spans, lower-casing and accent folding.
//!
//! French elision ("l'article" → "l'", "article") and number groups ("3 000") need our own
//! handling, which UAX #29 word splitting does not give.

use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub text: &'a str,
    /// Byte span in the string that was tokenised.
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

/// Splits `text` into word, number and punctuation tokens.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let (end_index, kind) = if c.is_ascii_digit() {
            (scan_number(&chars, i), TokenKind::Number)
        } else if c.is_alphanumeric() {
            (scan_word(&chars, i), TokenKind::Word)
        } else {
            (i + 1, TokenKind::Punct)
        };
        let end = chars.get(end_index).map_or(text.len(), |&(b, _)| b);
        tokens.push(Token {
            text: &text[start..end],
            start,
            end,
            kind,
        });
        i = end_index;
    }
    tokens
}

fn scan_word(chars: &[(usize, char)], start: usize) -> usize {
    let mut i = start;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_alphanumeric() {
            i += 1;
        } else if is_apostrophe(c) && chars.get(i + 1).is_some_and(|&(_, n)| n.is_alphabetic()) {
            if is_elided_clitic(chars[start..i].iter().map(|&(_, c)| c)) {
                // Elision: the clitic keeps its apostrophe ("l'", "qu'", "d'").
                return i + 1;
            }
            // "aujourd'hui", "don't", "O'Brien" stay whole.
            i += 1;
        } else if c == '-' && chars.get(i + 1).is_some_and(|&(_, n)| n.is_alphanumeric()) {
            i += 1;
        } else {
            break;
        }
    }
    i
}

/// French clitics that drop their vowel before another word: l', d', qu', jusqu'…
fn is_elided_clitic(word: impl Iterator<Item = char>) -> bool {
    let lower: String = word.flat_map(char::to_lowercase).collect();
    matches!(
        lower.as_str(),
        "l" | "d"
            | "j"
            | "m"
            | "n"
            | "s"
            | "t"
            | "c"
            | "ç"
            | "qu"
            | "jusqu"
            | "lorsqu"
            | "puisqu"
            | "quoiqu"
            | "presqu"
    )
}

fn scan_number(chars: &[(usize, char)], mut i: usize) -> usize {
    while i < chars.len() {
        let c = chars[i].1;
        let continues = c.is_ascii_digit()
            || (matches!(c, ',' | '.' | '\u{a0}' | '\u{202f}' | ' ')
                && chars.get(i + 1).is_some_and(|&(_, n)| n.is_ascii_digit())
                && group_follows(chars, i, c));
        if !continues {
            break;
        }
        i += 1;
    }
    i
}

/// A space inside a number must be followed by exactly three digits ("3 000"), otherwise it
/// separates two numbers ("en 2016 3 attaques").
fn group_follows(chars: &[(usize, char)], i: usize, sep: char) -> bool {
    if sep != ' ' && sep != '\u{a0}' && sep != '\u{202f}' {
        return true;
    }
    let digits = chars[i + 1..]
        .iter()
        .take_while(|(_, c)| c.is_ascii_digit())
        .count();
    digits == 3
}

pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Lower-cases and removes diacritics: "Jézéquel" → "jezequel", "ÉTATS" → "etats".
pub fn fold(text: &str) -> String {
    // Most words of English and much of French are plain ASCII: nothing to decompose.
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| t.text).collect()
    }

    #[test]
    fn french_elision_splits_after_the_apostrophe() {
        assert_eq!(texts("l'article"), ["l'", "article"]);
        assert_eq!(texts("qu’il"), ["qu’", "il"]);
        assert_eq!(texts("Côte d'Ivoire"), ["Côte", "d'", "Ivoire"]);
        assert_eq!(texts("jusqu'à"), ["jusqu'", "à"]);
    }

    #[test]
    fn apostrophes_inside_words_stay() {
        assert_eq!(texts("aujourd'hui"), ["aujourd'hui"]);
        assert_eq!(texts("don't O'Brien"), ["don't", "O'Brien"]);
        assert_eq!(texts("les parents'"), ["les", "parents", "'"]);
    }

    #[test]
    fn number_groups_stay_together() {
        assert_eq!(texts("3 000 morts"), ["3 000", "morts"]);
        assert_eq!(texts("3\u{202f}000"), ["3\u{202f}000"]);
        assert_eq!(texts("3,5 %"), ["3,5", "%"]);
        assert_eq!(texts("1,218.5"), ["1,218.5"]);
        assert_eq!(texts("en 2016 3 attaques"), ["en", "2016", "3", "attaques"]);
        assert_eq!(texts("2008."), ["2008", "."]);
    }

    #[test]
    fn kinds_and_spans_are_reported() {
        let tokens = tokenize("Le 12, GSIM-JNIM.");
        let kinds: Vec<TokenKind> = tokens.iter().map(|t| t.kind).collect();
        use TokenKind::*;
        assert_eq!(kinds, [Word, Number, Punct, Word, Punct]);
        for t in &tokens {
            assert_eq!(&"Le 12, GSIM-JNIM."[t.start..t.end], t.text);
        }
    }

    #[test]
    fn fold_removes_accents_and_case() {
        assert_eq!(fold("Jézéquel"), "jezequel");
        assert_eq!(fold("ÉTATS-Unis"), "etats-unis");
        assert_eq!(fold("l’Œuvre"), "l'œuvre");
        assert_eq!(fold("Ça"), "ca");
    }
}
