//! Mistranslation checks on aligned segment pairs. One module per check family; each
//! produces `Finding`s with the French evidence, the English span, why and a fix.

pub mod lexical;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Mistranslation,
    FalseFriend,
    Calque,
    Terminology,
    Title,
    Acronym,
    Number,
    Name,
    Negation,
    Untranslated,
    Omission,
    Addition,
    Punctuation,
}

/// A span of one side: segment index, byte offsets into the file as given, and its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Span {
    pub segment: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable rule id, e.g. "false-friend.vindicte".
    pub rule: String,
    pub category: Category,
    pub severity: Severity,
    /// French evidence; `None` for an addition.
    pub source: Option<Span>,
    /// English span; `None` for an omission.
    pub target: Option<Span>,
    pub message: String,
    pub suggestion: Option<String>,
}

use crate::text::{Document, Segment};

/// One side of an aligned pair: the contiguous segments of one link, as a slice of the
/// normalised document text. Checks work on `text` with local byte offsets and turn them
/// into report spans with `span`.
#[derive(Debug, Clone)]
pub struct Side<'a> {
    pub doc: &'a Document,
    pub segments: Vec<&'a Segment>,
    /// Normalised text from the first segment's start to the last segment's end.
    pub text: &'a str,
    /// Offset of `text` in `doc.text`.
    pub offset: usize,
    /// ISO 639-1 language code.
    pub lang: &'a str,
}

impl<'a> Side<'a> {
    pub fn new(doc: &'a Document, segments: Vec<&'a Segment>, lang: &'a str) -> Self {
        let (start, end) = match (segments.first(), segments.last()) {
            (Some(first), Some(last)) => (first.norm_start, last.norm_end),
            _ => (0, 0),
        };
        Side {
            doc,
            segments,
            text: &doc.text[start..end],
            offset: start,
            lang,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// Report span for local byte offsets `[start, end)` of `self.text`: the segment that
    /// contains `start`, and offsets into the file as the user gave it.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let (abs_start, abs_end) = (self.offset + start, self.offset + end);
        let segment = self
            .segments
            .iter()
            .rev()
            .find(|s| s.norm_start <= abs_start)
            .or(self.segments.first())
            .map_or(0, |s| s.index);
        Span {
            segment,
            start: self.doc.original_offset(abs_start),
            end: self.doc.original_offset(abs_end),
            text: self.text[start..end].to_string(),
        }
    }

    /// Span covering the whole side (for omissions, additions, untranslated segments).
    pub fn whole(&self) -> Span {
        self.span(0, self.text.len())
    }
}

/// An aligned pair handed to every check.
#[derive(Debug, Clone)]
pub struct Pair<'a> {
    pub source: Side<'a>,
    pub target: Side<'a>,
    /// Alignment confidence of the link.
    pub score: f64,
}
