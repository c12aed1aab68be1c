//! `wirealign check`: align a French original with its English translation and report
//! what looks mistranslated.

use crate::align::Alignment;
use crate::check::{
    any_at_or_above, check_files, findings_by_link, rule_ids, CheckedPair, Checker, ReadOptions,
    Severity,
};
use crate::report::{self, CheckReport};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Never,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The French original.
    pub source: PathBuf,
    /// Its English translation.
    pub target: PathBuf,
    #[command(flatten)]
    pub input: super::PairInput,
    /// Extra glossary (TBX, CSV or TSV); may be repeated.
    #[arg(long, value_name = "FILE")]
    pub glossary: Vec<PathBuf>,
    /// Extra lexicon of false friends or calques (TSV); may be repeated.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Exit with status 1 when a finding at or above this severity exists.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub fail_on: FailOn,
    /// Write the report here instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Also write the aligned pairs as a TMX 1.4b memory, each unit with the rule ids
    /// of its findings in an `x-findings` prop.
    #[arg(long, value_name = "FILE")]
    pub tmx: Option<PathBuf>,
    /// Leave units with a finding at or above this severity out of the --tmx memory.
    #[arg(long, value_enum, requires = "tmx")]
    pub tmx_skip: Option<SkipAt>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SkipAt {
    Error,
    Warning,
}

pub fn run(args: Args) -> crate::Result<i32> {
    let glossary = crate::glossary::Glossary::with_user_files(&args.glossary)?;
    let checker = Checker::new(&args.lexicon, &glossary)?;
    let options = ReadOptions {
        from: args.input.from,
        to: args.input.to,
        presplit: args.input.presplit,
    };
    let checked = check_files(&args.source, &args.target, &options, &checker)?;
    for note in &checked.notes {
        eprintln!("wirealign: warning: {note}");
    }
    let report = CheckReport {
        source: report::Side {
            doc: &checked.source_doc,
            segments: &checked.source_segments,
            lang: &checked.source_lang,
        },
        target: report::Side {
            doc: &checked.target_doc,
            segments: &checked.target_segments,
            lang: &checked.target_lang,
        },
        alignment: &checked.alignment,
        findings: &checked.findings,
    };
    let rendered = match args.format {
        Format::Text => {
            let terminal = args.output.is_none() && std::io::stdout().is_terminal();
            report::text::render(&report, report::text::use_colour(terminal))
        }
        Format::Json => report::json::render(&report),
        Format::Html => report::html::render(&report),
    };
    crate::fsutil::write_output(args.output.as_deref(), rendered.as_bytes())?;
    if let Some(path) = &args.tmx {
        write_tmx(&checked, path, args.tmx_skip)?;
    }
    let threshold = match args.fail_on {
        FailOn::Error => Some(Severity::Error),
        FailOn::Warning => Some(Severity::Warning),
        FailOn::Never => None,
    };
    let failed = threshold.is_some_and(|t| any_at_or_above(&checked.findings, t));
    Ok(i32::from(failed))
}

/// The checked pair as a memory; units whose link has a finding at or above `skip` are
/// left out, so only reviewed-clean pairs are reused.
fn write_tmx(checked: &CheckedPair, path: &Path, skip: Option<SkipAt>) -> crate::Result<()> {
    let threshold = skip.map(|s| match s {
        SkipAt::Error => Severity::Error,
        SkipAt::Warning => Severity::Warning,
    });
    let per_link = findings_by_link(&checked.alignment, &checked.findings);
    let (links, findings): (Vec<_>, Vec<_>) = checked
        .alignment
        .links
        .iter()
        .zip(&per_link)
        .filter(|(_, found)| !threshold.is_some_and(|t| any_at_or_above(found, t)))
        .map(|(link, found)| (link.clone(), rule_ids(found)))
        .unzip();
    let alignment = Alignment { links };
    let document = checked.source_doc.path.display().to_string();
    let (source, target) = (
        segment_texts(&checked.source_segments),
        segment_texts(&checked.target_segments),
    );
    let memory = crate::tmx::memory_from_alignment(&crate::tmx::AlignedPair {
        document: &document,
        source_lang: &checked.source_lang,
        target_lang: &checked.target_lang,
        source: &source,
        target: &target,
        alignment: &alignment,
        creationdate: &crate::tmx::date::now(),
        findings: &findings,
    });
    super::tmx::write_memory(&memory, Some(path))?;
    eprintln!(
        "wirealign: {}: {} units ({} links left out)",
        path.display(),
        memory.units.len(),
        checked.alignment.links.len() - alignment.links.len()
    );
    Ok(())
}

fn segment_texts(segments: &[crate::text::Segment]) -> Vec<&str> {
    segments.iter().map(|s| s.text.as_str()).collect()
}
