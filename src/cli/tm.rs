//! `wirealign tm search`.

use crate::error::{Error, Result};
use crate::fsutil::write_output;
use crate::tm::{self, Match, MatchKind, SearchOptions};
use clap::{Subcommand, ValueEnum};
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Fuzzy-search translation memories for a source sentence.
    ///
    /// The match percentage is word-level, as CAT tools show it: 100 × (1 − d / max(n, m)),
    /// rounded down, where d is the number of whole-word (and punctuation) insertions,
    /// deletions and substitutions turning the query into the memory source, and n, m are
    /// their token counts; case is ignored in the distance, but a match differing only in
    /// case or spacing shows 99 %. Exact matches come first, and in-context matches (exact,
    /// and the unit before equals --context) before them. Differences are highlighted on a
    /// terminal (never with NO_COLOR).
    Search {
        /// The source sentence to look for.
        #[arg(required_unless_present = "queries")]
        query: Option<String>,
        /// Search every line of this file instead (one source segment per line, as a CAT
        /// tool pre-translates a document), each with the line before as its context.
        #[arg(long, value_name = "FILE", conflicts_with_all = ["query", "context"])]
        queries: Option<PathBuf>,
        /// Memories to search (TMX 1.1–1.4, UTF-8 or UTF-16).
        #[arg(long = "tmx", required = true, num_args = 1..)]
        tmx: Vec<PathBuf>,
        /// Lowest match percentage shown.
        #[arg(long, default_value_t = 70, value_parser = clap::value_parser!(u8).range(1..=100))]
        min: u8,
        /// Most matches shown.
        #[arg(long, default_value_t = 5)]
        limit: usize,
        /// The source sentence before the query, for in-context matches.
        #[arg(long)]
        context: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

pub fn run(args: Args) -> Result<i32> {
    let Command::Search {
        query,
        queries,
        tmx,
        min,
        limit,
        context,
        format,
    } = args.command;
    let segments = match (&query, &queries) {
        (_, Some(path)) => read_queries(path)?,
        (Some(query), None) if !query.trim().is_empty() => vec![query.clone()],
        _ => return Err(Error::usage("the query is empty")),
    };
    tm::check_paths(&tmx)?;
    let memory = tm::load(&tmx)?;
    let opts = SearchOptions {
        min,
        limit,
        context,
    };
    let found = if queries.is_some() {
        let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
        memory.search_document(&segments, &opts)
    } else {
        vec![memory.search(&segments[0], &opts)]
    };
    let text = match (format, queries.is_some()) {
        (Format::Json, false) => {
            let value = serde_json::json!({ "query": segments[0], "matches": found[0] });
            serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
        }
        (Format::Json, true) => {
            let results: Vec<_> = segments
                .iter()
                .zip(&found)
                .map(|(query, matches)| serde_json::json!({ "query": query, "matches": matches }))
                .collect();
            serde_json::to_string_pretty(&serde_json::json!({ "queries": results }))
                .unwrap_or_default()
                + "\n"
        }
        (Format::Text, batch) => {
            let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            if batch {
                render_document(&segments, &found, colour)
            } else {
                render_text(&found[0], colour)
            }
        }
    };
    write_output(None, text.as_bytes())?;
    if queries.is_some() {
        eprintln!("wirealign: {}", summary(&found));
    }
    Ok(0)
}

/// Non-empty lines of a queries file, in any encoding the readers accept.
fn read_queries(path: &std::path::Path) -> Result<Vec<String>> {
    let doc = crate::text::read_document(path)?;
    let lines: Vec<String> = doc
        .text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    if lines.is_empty() {
        return Err(Error::input(path, "has no query lines"));
    }
    Ok(lines)
}

fn render_document(segments: &[String], found: &[Vec<Match>], colour: bool) -> String {
    let mut out = String::new();
    for (k, (segment, matches)) in segments.iter().zip(found).enumerate() {
        out.push_str(&format!("── [{}] {segment}\n", k + 1));
        out.push_str(&render_text(matches, colour));
        out.push('\n');
    }
    out
}

/// How much of the document the memory covers, as CAT tools count it.
fn summary(found: &[Vec<Match>]) -> String {
    let (mut exact, mut fuzzy) = (0, 0);
    for best in found.iter().filter_map(|matches| matches.first()) {
        match best.kind {
            MatchKind::InContext | MatchKind::Exact => exact += 1,
            MatchKind::Fuzzy => fuzzy += 1,
        }
    }
    format!(
        "{} segments: {exact} exact or in-context, {fuzzy} fuzzy, {} without a match",
        found.len(),
        found.len() - exact - fuzzy
    )
}

const RED: &str = "\x1b[1;31m";
const GREEN: &str = "\x1b[32m";
const RESET: &str = "\x1b[0m";

fn render_text(matches: &[Match], colour: bool) -> String {
    if matches.is_empty() {
        return "no match\n".into();
    }
    let mut out = String::new();
    for m in matches {
        let kind = match m.kind {
            MatchKind::InContext => "in-context",
            MatchKind::Exact => "exact",
            MatchKind::Fuzzy => "fuzzy",
        };
        let origin = match &m.document {
            Some(doc) => format!("{doc}, {}", m.file.display()),
            None => m.file.display().to_string(),
        };
        let score = format!("{:>3}%", m.score);
        if colour {
            out.push_str(&format!("{GREEN}{score}{RESET} {kind}  ({origin})\n"));
        } else {
            out.push_str(&format!("{score} {kind}  ({origin})\n"));
        }
        out.push_str("  source: ");
        out.push_str(&highlight(&m.source, &m.changed, colour));
        out.push('\n');
        if !m.missing.is_empty() {
            out.push_str(&format!("  lacks:  {}\n", m.missing.join(" ")));
        }
        out.push_str(&format!("  target: {}\n", m.target));
    }
    out
}

/// The source with its differing spans in colour, or in [brackets] without colour.
fn highlight(source: &str, changed: &[(usize, usize)], colour: bool) -> String {
    let (open, close) = if colour { (RED, RESET) } else { ("[", "]") };
    let mut out = String::new();
    let mut at = 0;
    for &(start, end) in changed {
        out.push_str(&source[at..start]);
        out.push_str(open);
        out.push_str(&source[start..end]);
        out.push_str(close);
        at = end;
    }
    out.push_str(&source[at..]);
    out
}
