//! TODO
use super::{Finding, Pair, Tokens};

pub fn check(_pair: &Pair, _tokens: &Tokens) -> Vec<Finding> {
    Vec::new()
}
