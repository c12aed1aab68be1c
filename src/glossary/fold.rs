//! Lookup keys: case-, accent- and punctuation-insensitive forms of a term.

use crate::text::token::fold;

/// Lower-cased, accent-free, with every run of non-alphanumeric characters turned into a
/// single space: "État islamique au Grand-Sahara" → "etat islamique au grand sahara".
pub fn spaced_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_spaced_key(text, &mut out);
    out
}

/// The spaced key without its spaces, so that "G.S.I.M.", "GSIM" and "g s i m", or
/// "Ansarul Islam" and "Ansarul-Islam", meet: "gsim", "ansarulislam".
pub fn compact_key(text: &str) -> String {
    let mut out = spaced_key(text);
    out.retain(|c| c != ' ');
    out
}

/// Appends the spaced key of `text` to `out`. Letters of Latin-1 and the French accents
/// are folded by a table; anything else that may decompose goes through the full
/// Unicode fold (`text::token::fold`), which is slower but rare. Indexing a 10,000-concept
/// glossary at every start-up of a lookup is what this is for.
pub(crate) fn push_spaced_key(text: &str, out: &mut String) {
    let start = out.len();
    let mut pending_space = false;
    for c in text.chars() {
        let folded = match fold_char(c) {
            CharFold::Letter(c) => Some(c),
            CharFold::Separator => None,
            CharFold::Unusual => {
                out.truncate(start);
                return push_spaced_key_slow(text, out);
            }
        };
        match folded {
            Some(c) => {
                if pending_space && out.len() > start {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
            None => pending_space = true,
        }
    }
}

/// What the fast fold makes of one character.
pub(crate) enum CharFold {
    /// A letter or digit, folded.
    Letter(char),
    /// Punctuation, space or a symbol: separates words.
    Separator,
    /// A letter the table does not know (it may decompose): the whole text needs the
    /// Unicode fold.
    Unusual,
}

/// The fast fold of one character. Accented Latin letters are tested before
/// `is_alphanumeric`, whose table look-up is the slow part for them.
#[inline]
pub(crate) fn fold_char(c: char) -> CharFold {
    if c.is_ascii() {
        if c.is_ascii_alphanumeric() {
            CharFold::Letter(c.to_ascii_lowercase())
        } else {
            CharFold::Separator
        }
    } else if let Some(base) = latin_base(c) {
        CharFold::Letter(base)
    } else if is_plain_letter(c) {
        CharFold::Letter(c.to_lowercase().next().unwrap_or(c))
    } else if !c.is_alphanumeric() {
        CharFold::Separator
    } else {
        CharFold::Unusual
    }
}

/// The spaced key through the full Unicode fold, for texts [`fold_char`] calls unusual.
pub(crate) fn push_spaced_key_slow(text: &str, out: &mut String) {
    let start = out.len();
    let mut pending_space = false;
    for c in fold(text).chars() {
        if c.is_alphanumeric() {
            if pending_space && out.len() > start {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        } else {
            pending_space = true;
        }
    }
}

/// The base letter of an accented Latin letter, lower-cased: 'É' → 'e'.
fn latin_base(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => 'y',
        _ => return None,
    })
}

/// Letters the Unicode fold leaves as they are (no decomposition), so lower-casing is
/// all they need.
fn is_plain_letter(c: char) -> bool {
    matches!(
        c,
        'œ' | 'Œ' | 'æ' | 'Æ' | 'ß' | 'ø' | 'Ø' | 'đ' | 'Đ' | 'ł' | 'Ł'
    )
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

    #[test]
    fn fast_path_agrees_with_the_unicode_fold() {
        for text in [
            "État islamique",
            "Ménaka Tillabéri",
            "Goïta",
            "Œuvre ÆSIR",
            "Ouagadougou — «x»",
            "ŞĂȚ Ǆ ﬁ",
            "Ñandú",
            "Straße",
            "l’armée",
        ] {
            let mut slow = String::new();
            push_spaced_key_slow(text, &mut slow);
            assert_eq!(spaced_key(text), slow, "{text}");
        }
    }
}
