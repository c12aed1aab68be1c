//! `wirealign tmx build|merge|stats|validate`.

use crate::error::{Error, Result};
use crate::fsutil::write_output;
use crate::tmx::{self, date, CorpusOptions, Memory, ReadOptions};
use clap::{Subcommand, ValueEnum};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Align a corpus and write its translation memory.
    ///
    /// INPUT is a folder holding fr.txt and en.txt (named after --from/--to), a folder of
    /// such folders (one document each, named after the folder), or a tab-separated manifest
    /// of `source<TAB>target[<TAB>name]` lines. Documents are aligned in parallel.
    Build {
        input: PathBuf,
        /// Output file (standard output when absent).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Source language (default: fr for folders, detected for manifests).
        #[arg(long)]
        from: Option<String>,
        /// Target language (default: en for folders, detected for manifests).
        #[arg(long)]
        to: Option<String>,
        /// Creation date, YYYYMMDDThhmmssZ or Unix seconds (default: $SOURCE_DATE_EPOCH,
        /// else now). Fix it to make the file reproducible.
        #[arg(long)]
        date: Option<String>,
        /// One segment per non-empty line instead of sentence splitting.
        #[arg(long)]
        presplit: bool,
    },
    /// Merge memories: identical pairs kept once (the newest), every distinct unit kept.
    Merge {
        #[arg(required = true, num_args = 1..)]
        inputs: Vec<PathBuf>,
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Creation date of the merged memory (as for `build`).
        #[arg(long)]
        date: Option<String>,
    },
    /// Count units, languages, duplicates and empty segments.
    Stats {
        #[arg(required = true, num_args = 1..)]
        inputs: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Check memories against the rules CAT tools enforce; exit 1 when a file breaks one.
    Validate {
        #[arg(required = true, num_args = 1..)]
        inputs: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

pub fn run(args: Args) -> Result<i32> {
    match args.command {
        Command::Build {
            input,
            output,
            from,
            to,
            date,
            presplit,
        } => build(&input, output.as_deref(), from, to, date, presplit),
        Command::Merge {
            inputs,
            output,
            date,
        } => merge(&inputs, output.as_deref(), date),
        Command::Stats { inputs, format } => stats(&inputs, format),
        Command::Validate { inputs } => validate(&inputs),
    }
}

fn creation_date(given: Option<String>) -> Result<String> {
    match given {
        Some(text) => date::parse_user_date(&text).ok_or_else(|| {
            Error::usage(format!(
                "--date {text}: expected YYYYMMDDThhmmssZ or Unix seconds"
            ))
        }),
        None => Ok(date::now()),
    }
}

fn build(
    input: &Path,
    output: Option<&Path>,
    from: Option<String>,
    to: Option<String>,
    date: Option<String>,
    presplit: bool,
) -> Result<i32> {
    let opts = CorpusOptions {
        source_lang: from,
        target_lang: to,
        creationdate: creation_date(date)?,
        presplit,
    };
    let pairs = tmx::corpus_pairs(input, &opts)?;
    let bar = indicatif::ProgressBar::new(pairs.len() as u64).with_style(
        indicatif::ProgressStyle::with_template("{spinner} aligning {pos}/{len} {wide_bar} {eta}")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    let memory = tmx::build_corpus(&pairs, &opts, &|_| bar.inc(1))?;
    bar.finish_and_clear();
    write_memory(&memory, output)?;
    eprintln!(
        "wirealign: {} units from {} document pair(s)",
        memory.units.len(),
        pairs.len()
    );
    Ok(0)
}

/// Writes a memory atomically, reporting the characters the writer had to drop.
pub fn write_memory(memory: &Memory, output: Option<&Path>) -> Result<()> {
    let (xml, warnings) = tmx::write_with_warnings(memory);
    let name = output.map_or("<stdout>".into(), |p| p.display().to_string());
    for warning in &warnings {
        match warning.unit {
            Some(unit) => eprintln!(
                "wirealign: warning: {name}: unit {}: {}",
                unit + 1,
                warning.message
            ),
            None => eprintln!("wirealign: warning: {name}: header: {}", warning.message),
        }
    }
    write_output(output, xml.as_bytes())
}

fn read_all(inputs: &[PathBuf]) -> Result<Vec<(PathBuf, Memory)>> {
    inputs
        .iter()
        .map(|path| {
            Ok((
                path.clone(),
                tmx::read_path(
                    path,
                    &ReadOptions {
                        inline: tmx::Inline::Keep,
                    },
                )?,
            ))
        })
        .collect()
}

fn merge(inputs: &[PathBuf], output: Option<&Path>, date: Option<String>) -> Result<i32> {
    let memories = read_all(inputs)?;
    let (merged, report) = tmx::merge(&memories, &creation_date(date)?)?;
    write_memory(&merged, output)?;
    eprintln!(
        "wirealign: merged {} units into {} ({} duplicate(s) folded into the copy kept, notes and props included)",
        report.units_read, report.units_written, report.duplicates
    );
    Ok(0)
}

fn stats(inputs: &[PathBuf], format: Format) -> Result<i32> {
    let mut all = Vec::new();
    for (path, memory) in read_all(inputs)? {
        all.push((path, tmx::stats(&memory)));
    }
    match format {
        Format::Json => {
            let items: Vec<serde_json::Value> = all
                .iter()
                .map(|(path, s)| {
                    let mut value = serde_json::to_value(s).unwrap_or_default();
                    value["path"] = path.display().to_string().into();
                    value
                })
                .collect();
            let text = serde_json::to_string_pretty(&items).unwrap_or_default() + "\n";
            write_output(None, text.as_bytes())?;
        }
        Format::Text => {
            let mut text = String::new();
            for (path, s) in &all {
                let languages: Vec<String> = s
                    .languages
                    .iter()
                    .map(|(lang, n)| format!("{lang} {n}"))
                    .collect();
                text.push_str(&format!(
                    "{}\n  source language  {}\n  units            {}\n  languages        {}\n  duplicates       {}\n  empty segments   {}\n  untranslated     {}\n",
                    path.display(),
                    s.srclang,
                    s.units,
                    languages.join(", "),
                    s.duplicates,
                    s.empty_segments,
                    s.untranslated_units
                ));
            }
            write_output(None, text.as_bytes())?;
        }
    }
    Ok(0)
}

fn validate(inputs: &[PathBuf]) -> Result<i32> {
    let mut invalid = 0;
    let mut text = String::new();
    for path in inputs {
        let bytes = std::fs::read(path).map_err(|e| Error::input(path, e.to_string()))?;
        let problems = tmx::validate_bytes(path, &bytes);
        if problems.is_empty() {
            text.push_str(&format!("{}: ok\n", path.display()));
        } else {
            invalid += 1;
        }
        for p in problems {
            text.push_str(&format!(
                "{}:{}:{}: {}\n",
                path.display(),
                p.line,
                p.column,
                p.message
            ));
        }
    }
    write_output(None, text.as_bytes())?;
    Ok(i32::from(invalid > 0))
}
