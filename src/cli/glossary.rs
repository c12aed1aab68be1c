//! `wirealign glossary`: lookup, list, export and import over the built-in Sahel glossary
//! and any user glossaries given with `--glossary`.

use crate::glossary::{Concept, Domain, Format, Glossary, Hit, Lang, LookupCache, Terms};
use crate::Error;
use serde::Serialize;
use std::fmt::Write as _;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// User glossary (TBX, TSV or CSV) merged over the built-in one; repeatable, later
    /// files win.
    #[arg(long = "glossary", value_name = "FILE", global = true)]
    pub glossaries: Vec<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, clap::Subcommand)]
pub enum Command {
    /// Find concepts by a term in either language (case, accents, punctuation and small
    /// typos do not matter). Exits 1 when nothing matches.
    Lookup {
        /// The term to look up: "jnim", "G.S.I.M.", "etat islamique au grand sahara".
        term: String,
        #[arg(long, value_enum, default_value = "text")]
        format: OutputFormat,
        /// At most this many concepts.
        #[arg(long, default_value_t = 5)]
        limit: usize,
    },
    /// List concepts, optionally of one domain.
    List {
        /// armed-group, state-body, international-body, operation, place, title, general.
        #[arg(long, value_parser = parse_domain)]
        domain: Option<Domain>,
        #[arg(long, value_enum, default_value = "text")]
        format: OutputFormat,
    },
    /// Write the glossary as TBX-Basic 2008 (default), TBX v3, OmegaT TSV or CSV.
    Export {
        #[arg(long, value_enum, default_value = "tbx")]
        format: ExportFormat,
        /// Output file (written atomically); standard output when omitted.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Validate glossary files and report what they would add to or replace in the
    /// built-in glossary; with -o, write them (merged with --merged) in another format.
    Import {
        /// Glossaries to validate: TBX 2008 or v3, OmegaT TSV, CSV, or wirealign's table
        /// (the format is read from the content). Any error refuses the whole import.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Format of the file written with -o.
        #[arg(long, value_enum, default_value = "tbx")]
        format: ExportFormat,
        /// Write the imported concepts to this file (atomically).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// With -o, write the built-in glossary with the imported concepts merged over it.
        #[arg(long)]
        merged: bool,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ExportFormat {
    /// TBX-Basic 2008 (<martif>), read by OmegaT 3.6 and translate-toolkit.
    Tbx,
    /// TBX v3 (ISO 30042:2019), TBX-Basic dialect.
    Tbx3,
    /// OmegaT glossary: source, target, comment; no header.
    Tsv,
    /// CSV with a header row and every field.
    Csv,
    /// wirealign's own tab-separated table with a header (the built-in data format).
    Table,
}

impl From<ExportFormat> for Format {
    fn from(f: ExportFormat) -> Format {
        match f {
            ExportFormat::Tbx => Format::Tbx,
            ExportFormat::Tbx3 => Format::Tbx3,
            ExportFormat::Tsv => Format::OmegatTsv,
            ExportFormat::Csv => Format::Csv,
            ExportFormat::Table => Format::Table,
        }
    }
}

fn parse_domain(s: &str) -> Result<Domain, String> {
    s.parse()
}

pub fn run(args: Args) -> crate::Result<i32> {
    match args.command {
        Command::Import {
            files,
            format,
            output,
            merged,
        } => import(&files, format, output, merged),
        Command::Lookup {
            term,
            format,
            limit,
        } => {
            // Only the concepts the term meets are materialised (same hits as a full load);
            // TBX and CSV files are read from the user's cache while they are unchanged.
            let cache = LookupCache::from_env();
            let glossary =
                Glossary::with_user_files_for_query(&args.glossaries, &term, cache.as_ref())?;
            lookup(&glossary, &term, format, limit)
        }
        command => {
            let glossary = Glossary::with_user_files(&args.glossaries)?;
            match command {
                Command::Lookup { .. } => unreachable!("handled above"),
                Command::List { domain, format } => list(&glossary, domain, format),
                Command::Export { format, output } => {
                    warn_about_omegat_extension(format, output.as_deref());
                    let text = glossary.to_format(format.into());
                    crate::fsutil::write_output(output.as_deref(), text.as_bytes())?;
                    Ok(0)
                }
                Command::Import { .. } => unreachable!("handled above"),
            }
        }
    }
}

fn lookup(
    glossary: &Glossary,
    term: &str,
    format: OutputFormat,
    limit: usize,
) -> crate::Result<i32> {
    if term.trim().is_empty() {
        return Err(Error::usage("glossary lookup: the term is empty"));
    }
    let hits = glossary.lookup(term, limit.max(1));
    let out = match format {
        OutputFormat::Json => {
            #[derive(Serialize)]
            struct Lookup<'a> {
                query: &'a str,
                hits: &'a [Hit<'a>],
            }
            serde_json::to_string_pretty(&Lookup {
                query: term,
                hits: &hits,
            })
            .expect("hits serialise")
                + "\n"
        }
        OutputFormat::Text => hits
            .iter()
            .enumerate()
            .map(|(i, hit)| describe_hit(i + 1, hit))
            .collect(),
    };
    crate::fsutil::write_output(None, out.as_bytes())?;
    if hits.is_empty() {
        if matches!(format, OutputFormat::Text) {
            eprintln!("wirealign: no glossary entry matches {term:?}");
        }
        return Ok(1);
    }
    Ok(0)
}

fn describe_hit(rank: usize, hit: &Hit<'_>) -> String {
    let c = hit.concept;
    let mut out = format!(
        "{rank}. {} — {} [{}] (score {})\n   matched {}\n",
        c.fr.preferred, c.en.preferred, c.domain, hit.score, hit.reason
    );
    out.push_str(&describe_body(c));
    out
}

/// The fields of a concept, indented, for text output.
fn describe_body(c: &Concept) -> String {
    let mut out = String::new();
    for (lang, terms) in [(Lang::Fr, &c.fr), (Lang::En, &c.en)] {
        let _ = writeln!(out, "   {lang}: {}", describe_terms(terms));
    }
    if !c.en_avoid.is_empty() {
        let _ = writeln!(out, "   avoid in English: {}", c.en_avoid.join("; "));
    }
    for (label, text) in [
        ("definition", &c.definition),
        ("note", &c.note),
        ("usage seen in", &c.source),
    ] {
        if !text.is_empty() {
            let _ = writeln!(out, "   {label}: {}", text.replace('\n', "\n      "));
        }
    }
    let _ = writeln!(out, "   id: {} · {}", c.id, c.pos);
    out
}

fn describe_terms(terms: &Terms) -> String {
    let mut out = terms.preferred.clone();
    if let Some(acronym) = &terms.acronym {
        let _ = write!(out, " ({acronym})");
    }
    if !terms.variants.is_empty() {
        let _ = write!(out, "; also {}", terms.variants.join("; "));
    }
    out
}

fn list(glossary: &Glossary, domain: Option<Domain>, format: OutputFormat) -> crate::Result<i32> {
    let concepts: Vec<&Concept> = glossary
        .iter()
        .filter(|c| domain.map_or(true, |d| c.domain == d))
        .collect();
    let out = match format {
        OutputFormat::Json => {
            serde_json::to_string_pretty(&concepts).expect("concepts serialise") + "\n"
        }
        OutputFormat::Text => concepts
            .iter()
            .map(|c| {
                format!(
                    "{}\t{}\t{}\t{}\n",
                    c.id,
                    c.domain,
                    describe_short(&c.fr),
                    describe_short(&c.en)
                )
            })
            .collect(),
    };
    crate::fsutil::write_output(None, out.as_bytes())?;
    Ok(0)
}

fn describe_short(terms: &Terms) -> String {
    match &terms.acronym {
        Some(acronym) => format!("{} ({acronym})", terms.preferred),
        None => terms.preferred.clone(),
    }
}

/// OmegaT 3.6 reads tab-separated glossaries only under .txt, .utf8 or .tab names (a
/// .tsv file makes its reader fail), so say so rather than let the user find out there.
fn warn_about_omegat_extension(format: ExportFormat, output: Option<&std::path::Path>) {
    let extension = output
        .and_then(|p| p.extension())
        .map(|e| e.to_string_lossy().to_lowercase());
    if matches!(format, ExportFormat::Tsv) && extension.as_deref() == Some("tsv") {
        eprintln!("wirealign: note: OmegaT reads tab-separated glossaries named .txt, .utf8 or .tab, not .tsv");
    }
}

fn import(
    files: &[PathBuf],
    format: ExportFormat,
    output: Option<PathBuf>,
    merged: bool,
) -> crate::Result<i32> {
    let builtin = Glossary::builtin();
    let mut imported = Glossary::new();
    let mut report = String::new();
    for path in files {
        let glossary = Glossary::load(path)?;
        let replaced = glossary
            .iter()
            .filter(|c| builtin.replaced_by(c).is_some())
            .count();
        let stats = crate::glossary::Stats::of(&glossary);
        let _ = writeln!(
            report,
            "{}: {} concepts ({} replace built-in ones, {} new); terms: {} French, {} English, {} English to avoid",
            path.display(),
            stats.concepts,
            replaced,
            stats.concepts - replaced,
            stats.french_terms,
            stats.english_terms,
            stats.avoid_terms
        );
        imported.merge(glossary);
    }
    if let Some(output) = output {
        let to_write = if merged {
            let mut all = builtin;
            all.merge(imported);
            all
        } else {
            imported
        };
        crate::fsutil::write_atomic(&output, to_write.to_format(format.into()).as_bytes())?;
        let _ = writeln!(
            report,
            "wrote {} concepts to {}",
            to_write.len(),
            output.display()
        );
    }
    crate::fsutil::write_output(None, report.as_bytes())?;
    Ok(0)
}
