//! NFC normalisation that keeps a map back to the original byte offsets, so every report
//! points into the file exactly as the user gave it.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

#[derive(Debug, Clone, Default)]
pub struct Normalized {
    pub text: String,
    /// `origin[i]` is the original byte offset of normalised byte `i`; one extra entry for the
    /// end. Empty when every offset is simply shifted by `shift` (UTF-8 text already in NFC,
    /// the common case), which saves eight bytes of map per byte of text.
    origin: Vec<usize>,
    shift: usize,
    /// Length of the normalised text, kept for the map once the text is taken.
    len: usize,
}

impl Normalized {
    /// Normalises `decoded` to NFC. `decoded_origin[i]` gives the file offset of decoded byte
    /// `i` (one extra entry for the end of the text).
    ///
    /// The text is cut into runs that NFC cannot merge across (see [`is_stable_start`]). A run
    /// that NFC leaves unchanged keeps byte-exact offsets; every byte of a run that NFC
    /// rewrites points to the start of the run, because inside a rewritten run there is no
    /// faithful correspondence, and the run's start is always a character boundary of the
    /// original. Run ends map exactly, so spans that start and end between runs (as words
    /// and sentences do) map exactly.
    pub fn new(decoded: &str, decoded_origin: &[usize]) -> Self {
        debug_assert_eq!(decoded_origin.len(), decoded.len() + 1);
        if is_nfc_quick(decoded.chars()) == IsNormalized::Yes {
            return Normalized {
                text: decoded.to_string(),
                origin: decoded_origin.to_vec(),
                shift: 0,
                len: decoded.len(),
            };
        }
        Self::compose(decoded, decoded_origin)
    }

    /// Like [`Normalized::new`], taking ownership so that text already in NFC (most
    /// Windows-1252 and UTF-16 files) keeps its table without a copy.
    pub fn from_table(decoded: String, decoded_origin: Vec<usize>) -> Self {
        debug_assert_eq!(decoded_origin.len(), decoded.len() + 1);
        if is_nfc_quick(decoded.chars()) == IsNormalized::Yes {
            return Normalized {
                len: decoded.len(),
                text: decoded,
                origin: decoded_origin,
                shift: 0,
            };
        }
        Self::compose(&decoded, &decoded_origin)
    }

    fn compose(decoded: &str, decoded_origin: &[usize]) -> Self {
        let mut text = String::with_capacity(decoded.len());
        let mut origin = Vec::with_capacity(decoded.len() + 1);
        let mut composed = String::new();
        for (start, end) in composition_runs(decoded) {
            let run = &decoded[start..end];
            composed.clear();
            composed.extend(run.nfc());
            if composed == run {
                origin.extend_from_slice(&decoded_origin[start..end]);
            } else {
                origin.extend(std::iter::repeat(decoded_origin[start]).take(composed.len()));
            }
            text.push_str(&composed);
        }
        origin.push(decoded_origin[decoded.len()]);
        Normalized {
            len: text.len(),
            text,
            origin,
            shift: 0,
        }
    }

    /// Normalises UTF-8 text that starts `shift` bytes into the file (3 after a byte-order
    /// mark). Text already in NFC keeps no offset table at all.
    pub fn shifted(decoded: String, shift: usize) -> Self {
        if is_nfc_quick(decoded.chars()) == IsNormalized::Yes {
            return Normalized {
                len: decoded.len(),
                text: decoded,
                origin: Vec::new(),
                shift,
            };
        }
        let origin: Vec<usize> = (shift..=decoded.len() + shift).collect();
        Self::compose(&decoded, &origin)
    }

    /// Moves the normalised text out; the offset map keeps working without it. A document
    /// then holds its text once, not twice.
    pub fn take_text(&mut self) -> String {
        std::mem::take(&mut self.text)
    }

    /// Original byte offset for a byte offset into the normalised text.
    pub fn original(&self, offset: usize) -> usize {
        if self.origin.is_empty() {
            return offset.min(self.len) + self.shift;
        }
        self.origin[offset.min(self.origin.len() - 1)]
    }
}

/// A character that NFC never combines with what precedes it: a starter whose NFC quick
/// check is not "maybe". Hangul vowel jamo and some Indic vowel signs are starters with
/// "maybe" that do compose with the previous character, so starters alone are not enough.
fn is_stable_start(c: char) -> bool {
    canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) != IsNormalized::Maybe
}

/// Splits text into runs, each starting at a character NFC never merges backwards.
fn composition_runs(text: &str) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if i > 0 && is_stable_start(c) {
            runs.push((start, i));
            start = i;
        }
    }
    if start < text.len() {
        runs.push((start, text.len()));
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn identity(text: &str) -> Vec<usize> {
        (0..=text.len()).collect()
    }

    #[test]
    fn nfd_accents_are_composed_and_map_to_the_base_letter() {
        let nfd = "Je\u{301}ze\u{301}quel dit";
        let n = Normalized::new(nfd, &identity(nfd));
        assert_eq!(n.text, "Jézéquel dit");
        let d = n.text.find("dit").unwrap();
        assert_eq!(&nfd[n.original(d)..n.original(n.text.len())], "dit");
        assert_eq!(n.original(1), 1); // "é" starts where "e" started
    }

    #[test]
    fn equal_length_rewrite_does_not_keep_stale_offsets() {
        // U+F900 (CJK compatibility ideograph) becomes U+8C48: same UTF-8 length, other text.
        let text = "a\u{F900}b";
        let n = Normalized::new(text, &identity(text));
        assert_eq!(n.text, "a\u{8C48}b");
        assert_eq!(n.original(1), 1);
        assert_eq!(n.original(4), 4);
    }

    #[test]
    fn reordered_marks_map_to_character_boundaries() {
        // Two marks with different lengths whose canonical order is the reverse.
        let text = "x\u{301}\u{1D167}y";
        let n = Normalized::new(text, &identity(text));
        for i in 0..=n.text.len() {
            assert!(text.is_char_boundary(n.original(i)), "offset {i}");
        }
    }

    #[test]
    fn hangul_jamo_compose_across_starters() {
        let text = "\u{1100}\u{1161} ok";
        let n = Normalized::new(text, &identity(text));
        assert_eq!(n.text, "\u{AC00} ok");
        assert_eq!(n.text, text.nfc().collect::<String>());
        let ok = n.text.find("ok").unwrap();
        assert_eq!(&text[n.original(ok)..], "ok");
    }

    #[test]
    fn shifted_text_maps_with_and_without_a_table() {
        let nfc = Normalized::shifted("déjà vu".to_string(), 3);
        assert!(nfc.origin.is_empty());
        assert_eq!(nfc.original(2), 5);
        assert_eq!(nfc.original(100), "déjà vu".len() + 3);
        let nfd = Normalized::shifted("de\u{301}ja\u{300} vu".to_string(), 3);
        assert_eq!(nfd.text, "déjà vu");
        assert_eq!(
            nfd.original(nfd.text.find("vu").unwrap()),
            3 + "de\u{301}ja\u{300} ".len()
        );
    }

    #[test]
    fn already_nfc_text_keeps_identity_offsets_with_shift() {
        let text = "déjà";
        let origin: Vec<usize> = (0..=text.len()).map(|i| i + 3).collect();
        let n = Normalized::new(text, &origin);
        assert_eq!(n.original(2), 5);
        assert_eq!(n.original(text.len()), text.len() + 3);
    }

    #[test]
    fn the_map_works_after_its_text_is_taken() {
        let mut n = Normalized::shifted("déjà vu".to_string(), 3);
        let len = n.text.len();
        assert_eq!(n.take_text(), "déjà vu");
        assert!(n.text.is_empty());
        assert_eq!(n.original(2), 5);
        assert_eq!(n.original(len + 10), len + 3);
    }
}
