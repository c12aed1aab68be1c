//! Lexicon-driven checks: false friends, calques and idioms, context-dependent words,
//! titles that must not be translated, and terminology from the glossary.

use super::{Finding, Pair};

/// All lexicon-driven checks with their embedded data (and any user lexicons).
#[derive(Debug, Default)]
pub struct LexicalChecks {}

impl LexicalChecks {
    /// The built-in lexicons and glossary.
    pub fn builtin() -> Self {
        LexicalChecks {}
    }

    /// Runs every lexical check on one aligned pair.
    pub fn check(&self, _pair: &Pair) -> Vec<Finding> {
        Vec::new()
    }
}
