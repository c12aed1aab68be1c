//! Lexicon-driven checks (false friends, calques, context-dependent words, titles,
//! terminology). Owned by the `checklex` branch; this stub only fixes the entry point so
//! the pipeline compiles until that branch lands.

use super::{Finding, Pair};

/// The lexicon-driven check families.
#[derive(Debug, Clone, Default)]
pub struct LexicalChecks {}

impl LexicalChecks {
    /// The lexicons embedded in the binary.
    pub fn builtin() -> Self {
        LexicalChecks {}
    }

    /// Findings of every lexical family on one aligned pair.
    pub fn check(&self, _pair: &Pair) -> Vec<Finding> {
        Vec::new()
    }
}
