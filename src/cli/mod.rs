//! Command-line interface: argument parsing and printing only. One file per subcommand.

use clap::{Parser, Subcommand};

pub mod align;
pub mod check;
pub mod completions;
pub mod detect;
pub mod eval;
pub mod glossary;
pub mod segment;
pub mod tm;
pub mod tmx;

/// How to read a source text and its translation, shared by `align` and `check`.
#[derive(Debug, Clone, clap::Args)]
pub struct PairInput {
    /// Source language (ISO 639-1); detected when omitted.
    #[arg(long)]
    pub from: Option<String>,
    /// Target language (ISO 639-1); detected when omitted.
    #[arg(long)]
    pub to: Option<String>,
    /// Take one segment per line instead of splitting sentences.
    #[arg(long)]
    pub presplit: bool,
}

/// Align, check and reuse French–English wire copy.
#[derive(Debug, Parser)]
#[command(name = "wirealign", version, about, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Split a text into sentences.
    Segment(segment::Args),
    /// Detect the language of files.
    Detect(detect::Args),
    /// Align a source text with its translation at sentence level.
    Align(align::Args),
    /// Flag mistranslations in a translation against its source.
    Check(check::Args),
    /// Score alignments against gold ladders (strict and lax precision/recall/F1).
    Eval(eval::Args),
    /// Build, merge, inspect and validate TMX translation memories.
    Tmx(tmx::Args),
    /// Fuzzy search in translation memories.
    Tm(tm::Args),
    /// The Sahel security glossary: lookup, list, export, import.
    Glossary(glossary::Args),
    /// Print shell completions or the man page.
    Completions(completions::Args),
}

/// Runs the parsed command; returns the process exit code.
pub fn run(cli: Cli) -> crate::Result<i32> {
    match cli.command {
        Command::Segment(args) => segment::run(args),
        Command::Detect(args) => detect::run(args),
        Command::Align(args) => align::run(args),
        Command::Check(args) => check::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Tmx(args) => tmx::run(args),
        Command::Tm(args) => tm::run(args),
        Command::Glossary(args) => glossary::run(args),
        Command::Completions(args) => completions::run(args),
    }
}
