//! Fuzzy search over translation memories.
