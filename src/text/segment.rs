//! Sentence segmentation. Rules are our own (abbreviation lists per language, kept as data
//! files next to this module); `--presplit` takes one segment per line.

use crate::text::Document;

/// A sentence (or heading) of a document.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Segment {
    pub index: usize,
    /// Normalised (NFC) text, trimmed.
    pub text: String,
    /// Byte span in the normalised document text.
    pub norm_start: usize,
    pub norm_end: usize,
    /// Byte span in the file as the user gave it.
    pub start: usize,
    pub end: usize,
    /// Index of the paragraph (line block) the segment belongs to.
    pub paragraph: usize,
}

#[derive(Debug, Clone, Default)]
pub struct SegmentOptions {
    /// ISO 639-1 language code; selects the abbreviation list.
    pub lang: String,
    /// One segment per non-empty line.
    pub presplit: bool,
}

/// Segments a document into sentences with offsets into the original file.
pub fn segment_document(doc: &Document, opts: &SegmentOptions) -> Vec<Segment> {
    let mut segments = Vec::new();
    for (paragraph, (line_start, line)) in lines(&doc.text).enumerate() {
        let spans = if opts.presplit {
            vec![(0, line.len())]
        } else {
            split_sentences(line, &opts.lang)
        };
        for (s, e) in spans {
            let raw = &line[s..e];
            let lead = raw.len() - raw.trim_start().len();
            let trimmed = raw.trim();
            if trimmed.is_empty() {
                continue;
            }
            let norm_start = line_start + s + lead;
            let norm_end = norm_start + trimmed.len();
            segments.push(Segment {
                index: segments.len(),
                text: trimmed.to_string(),
                norm_start,
                norm_end,
                start: doc.original_offset(norm_start),
                end: doc.original_offset(norm_end),
                paragraph,
            });
        }
    }
    segments
}

/// Non-empty lines with their byte offset.
fn lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    text.split_inclusive('\n').filter_map(move |raw| {
        let start = offset;
        offset += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        (!line.trim().is_empty()).then_some((start, line))
    })
}

/// Byte spans of the sentences in one paragraph. Placeholder rules: a full stop, question
/// or exclamation mark followed by a space and an upper-case letter.
pub fn split_sentences(line: &str, _lang: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if matches!(c, '.' | '?' | '!') {
            let next = chars.get(k + 1).map(|&(_, n)| n);
            let after = chars.get(k + 2).map(|&(_, n)| n);
            if next == Some(' ') && after.is_some_and(char::is_uppercase) {
                spans.push((start, i + 1));
                start = i + 1;
            }
        }
    }
    spans.push((start, line.len()));
    spans
}
