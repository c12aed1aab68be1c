//! wirealign: sentence alignment, mistranslation checks, translation memories and a
//! Sahel security glossary for French–English wire copy.
//!
//! Data flows one way:
//! `text` (decode, normalise, segment) → `align` → `check` → `report` / `tmx` / `tm`,
//! with `glossary` and the check lexicons feeding alignment and checks.
//! The command-line interface in `cli` only parses arguments and prints.

pub mod align;
pub mod check;
pub mod cli;
pub mod error;
pub mod fsutil;
pub mod glossary;
pub mod report;
pub mod text;
pub mod tm;
pub mod tmx;
pub mod xml;

pub use error::{Error, Result};
