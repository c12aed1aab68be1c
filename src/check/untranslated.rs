//! Untranslated text: a whole English segment still in French, or French words left in
//! an English sentence.

use super::{Finding, Pair, Tokens};

pub fn untranslated_segment(_pair: &Pair, _tokens: &Tokens) -> Option<Finding> {
    None
}

pub fn check(_pair: &Pair, _tokens: &Tokens) -> Vec<Finding> {
    Vec::new()
}
