//! Mistranslation checks on aligned segment pairs. One module per check family; each
//! produces `Finding`s with the French evidence, the English span, why and a fix.

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
