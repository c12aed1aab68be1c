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

/// Appends the compact key of `text` to `out` (see [`compact_key`]), in one pass.
pub(crate) fn push_compact_key(text: &str, out: &mut String) {
    let start = out.len();
    let mut i = 0;
    while i < text.len() {
        let b = text.as_bytes()[i];
        if b.is_ascii() {
            i += 1;
            if ASCII_FOLD[usize::from(b)] != 0 {
                out.push(char::from(ASCII_FOLD[usize::from(b)]));
            }
            continue;
        }
        match fold_next(text, &mut i) {
            CharFold::Letter(c) => out.push(c),
            CharFold::Separator => {}
            CharFold::Unusual => {
                out.truncate(start);
                out.push_str(&compact_key(text));
                return;
            }
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

/// [`fold_char`] of the character of `text` at byte `at`, which it moves past that
/// character: by table for ASCII and Latin-1 base letters, the bulk of any glossary.
#[inline(always)]
pub(crate) fn fold_next(text: &str, at: &mut usize) -> CharFold {
    let bytes = text.as_bytes();
    let b = bytes[*at];
    if b.is_ascii() {
        *at += 1;
        return match ASCII_FOLD[usize::from(b)] {
            0 => CharFold::Separator,
            folded => CharFold::Letter(char::from(folded)),
        };
    }
    if b == 0xC3 {
        // A valid two-byte sequence: the second byte is there.
        let folded = LATIN1_FOLD[usize::from(bytes[*at + 1] & 0x3f)];
        if folded != 0 {
            *at += 2;
            return CharFold::Letter(char::from(folded));
        }
    }
    let c = text[*at..].chars().next().expect("a character starts here");
    *at += c.len_utf8();
    fold_char(c)
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

/// The fast fold of ASCII, by byte: the lower-cased letter or digit, 0 for anything else
/// (a separator).
pub(crate) const ASCII_FOLD: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            table[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// The fast fold of U+00C0..=U+00FF (UTF-8 0xC3 then 0x80..=0xBF, indexed by the low six
/// bits of the second byte) when it is an ASCII base letter ('é' → 'e'); 0 for the others
/// (×, ÷, æ, ß, ð…), which take the general path.
pub(crate) const LATIN1_FOLD: [u8; 64] = {
    let mut table = [0u8; 64];
    let mut i = 0;
    while i < 64 {
        if let Some(c) = char::from_u32(0xC0 + i as u32) {
            if let Some(base) = latin_base(c) {
                table[i] = base as u8;
            }
        }
        i += 1;
    }
    table
};

/// The base letter of an accented Latin letter, lower-cased: 'É' → 'e'.
const fn latin_base(c: char) -> Option<char> {
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
    fn the_one_pass_compact_key_is_the_compact_key() {
        for text in [
            "",
            "G.S.I.M.",
            "l’État islamique",
            "Ǆemal ﬁn",
            "ŞĂȚ",
            " a - b ",
            "Œuvre ß",
        ] {
            let mut out = String::from("x");
            push_compact_key(text, &mut out);
            assert_eq!(out, format!("x{}", compact_key(text)), "{text:?}");
        }
    }

    #[test]
    fn byte_tables_agree_with_the_character_fold() {
        for b in 0u8..128 {
            let expected = match fold_char(char::from(b)) {
                CharFold::Letter(c) => c as u32,
                _ => 0,
            };
            assert_eq!(u32::from(ASCII_FOLD[usize::from(b)]), expected, "{b:#x}");
        }
        for i in 0..64u32 {
            let c = char::from_u32(0xC0 + i).unwrap();
            let mut utf8 = [0u8; 2];
            c.encode_utf8(&mut utf8);
            assert_eq!((utf8[0], u32::from(utf8[1] & 0x3f)), (0xC3, i));
            let folded = LATIN1_FOLD[i as usize];
            match fold_char(c) {
                CharFold::Letter(l) if l.is_ascii() => assert_eq!(folded, l as u8, "{c}"),
                _ => assert_eq!(folded, 0, "{c}"),
            }
        }
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
