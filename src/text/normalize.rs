//! NFC normalisation that keeps a map back to the original byte offsets, so every report
//! points into the file exactly as the user gave it.

use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, Default)]
pub struct Normalized {
    pub text: String,
    /// `origin[i]` is the original byte offset of normalised byte `i`; one extra entry for the end.
    origin: Vec<usize>,
}

impl Normalized {
    /// Normalises `decoded` to NFC. `decoded_origin[i]` gives the file offset of decoded byte `i`.
    pub fn new(decoded: &str, decoded_origin: &[usize]) -> Self {
        let mut text = String::with_capacity(decoded.len());
        let mut origin = Vec::with_capacity(decoded.len() + 1);
        // NFC only recomposes within a run that starts at a starter character; normalising each
        // such run on its own keeps offsets exact.
        for (start, end) in composition_runs(decoded) {
            let run = &decoded[start..end];
            let before = text.len();
            text.extend(run.nfc());
            for _ in before..text.len() {
                origin.push(decoded_origin[start]);
            }
            if text.len() - before == run.len() {
                // Unchanged run: keep byte-exact offsets.
                origin.truncate(before);
                origin.extend_from_slice(&decoded_origin[start..end]);
            }
        }
        origin.push(decoded_origin[decoded.len()]);
        Normalized { text, origin }
    }

    /// Original byte offset for a byte offset into the normalised text.
    pub fn original(&self, offset: usize) -> usize {
        self.origin[offset.min(self.origin.len() - 1)]
    }
}

/// Splits text into runs of one starter character followed by its combining marks.
fn composition_runs(text: &str) -> Vec<(usize, usize)> {
    let mut runs = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if i > 0 && unicode_normalization::char::canonical_combining_class(c) == 0 {
            runs.push((start, i));
            start = i;
        }
    }
    if start < text.len() {
        runs.push((start, text.len()));
    }
    runs
}
