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

fn scan_word(chars: &[(usize, char)], mut i: usize) -> usize {
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_alphanumeric() {
            i += 1;
        } else if is_apostrophe(c) {
            // Elision: keep the apostrophe with the clitic and stop ("l'", "qu'", "d'").
            return i + 1;
        } else if c == '-' && chars.get(i + 1).is_some_and(|&(_, n)| n.is_alphanumeric()) {
            i += 1;
        } else {
            break;
        }
    }
    i
}

fn scan_number(chars: &[(usize, char)], mut i: usize) -> usize {
    while i < chars.len() {
        let c = chars[i].1;
        let next_is_digit = chars.get(i + 1).is_some_and(|&(_, n)| n.is_ascii_digit());
        if c.is_ascii_digit() {
            i += 1;
        } else if matches!(c, ',' | '.' | '\u{a0}' | '\u{202f}' | ' ')
            && next_is_digit
            && group_follows(chars, i, c)
        {
            i += 1;
        } else {
            break;
        }
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
    text.nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if is_apostrophe(c) { '\'' } else { c })
        .collect()
}
