//! Lookup keys: case-, accent- and punctuation-insensitive forms of a term.

use crate::text::token::fold;

/// Lower-cased, accent-free, with every run of non-alphanumeric characters turned into a
/// single space: "État islamique au Grand-Sahara" → "etat islamique au grand sahara".
pub fn spaced_key(text: &str) -> String {
    let folded = fold_fast(text);
    let mut out = String::with_capacity(folded.len());
    let mut pending_space = false;
    for c in folded.chars() {
        if c.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        } else {
            pending_space = true;
        }
    }
    out
}

/// The spaced key without its spaces, so that "G.S.I.M.", "GSIM" and "g s i m", or
/// "Ansarul Islam" and "Ansarul-Islam", meet: "gsim", "ansarulislam".
pub fn compact_key(text: &str) -> String {
    fold_fast(text)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// `fold` with an ASCII fast path: most terms are ASCII and need no decomposition, which
/// matters when a 10,000-concept glossary is indexed at every start-up.
fn fold_fast(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        if text.bytes().any(|b| b.is_ascii_uppercase()) {
            text.to_ascii_lowercase().into()
        } else {
            text.into()
        }
    } else {
        fold(text).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_accents_and_punctuation() {
        assert_eq!(
            spaced_key("État islamique au Grand-Sahara"),
            "etat islamique au grand sahara"
        );
        assert_eq!(compact_key("G.S.I.M."), "gsim");
        assert_eq!(compact_key("Ansarul-Islam"), compact_key("Ansarul Islam"));
        assert_eq!(spaced_key("  l’armée  malienne! "), "l armee malienne");
        assert_eq!(
            compact_key("Forces armées maliennes"),
            "forcesarmeesmaliennes"
        );
    }
}
