use crate::align::input::{load_side, pair_folder, read_manifest, Side};
use crate::align::lexicon::Dictionary;
use crate::align::render::{render, Format};
use crate::align::{AlignOptions, Aligner, Alignment, DocPair};
use crate::error::{Error, Result};
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
#[command(
    after_help = "Batch mode: `--batch MANIFEST -o DIR` aligns every `source<TAB>target` \
line of MANIFEST (or, with a folder and --from/--to, every NAME.<from> with NAME.<to>) in \
parallel, writing DIR/<source file name>.<format>. The word-translation table is learned from \
all pairs of the same two languages together."
)]
pub struct Args {
    /// Source text (one paragraph per line, or one segment per line with --presplit).
    #[arg(required_unless_present = "batch")]
    pub source: Option<PathBuf>,
    /// Target text (the translation).
    #[arg(required_unless_present = "batch")]
    pub target: Option<PathBuf>,
    #[command(flatten)]
    pub input: super::PairInput,
    /// Bilingual dictionary: hunalign `target @ source` lines or `source<TAB>target`.
    #[arg(long, value_name = "FILE")]
    pub dict: Option<PathBuf>,
    /// Glossary (TBX, CSV or TSV) merged over the built-in Sahel glossary, whose French and
    /// English terms become dictionary entries; may be repeated.
    #[arg(long, value_name = "FILE")]
    pub glossary: Vec<PathBuf>,
    /// Leave out the built-in dictionary of the language pair (German–French, French–English,
    /// either way round).
    #[arg(long)]
    pub no_builtin_dict: bool,
    /// Largest group of segments on one side of a bead (4 allows 2-2, 3-1, 2-3, 4-1 and mirrors).
    #[arg(long, default_value_t = 4, value_parser = clap::value_parser!(u8).range(1..=6))]
    pub max_group: u8,
    #[arg(long, value_enum, default_value = "text")]
    pub format: OutputFormat,
    /// Output file (batch: output folder); standard output when omitted.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Align many pairs: a manifest (TSV of source and target paths) or a folder.
    #[arg(long, value_name = "MANIFEST|DIR", conflicts_with_all = ["source", "target"])]
    pub batch: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Text,
    Tsv,
    Json,
    Ladder,
    Tmx,
}

/// The renderer for a format; `None` for TMX, which the TMX writer produces.
fn render_format(format: OutputFormat) -> Option<Format> {
    match format {
        OutputFormat::Text => Some(Format::Text),
        OutputFormat::Tsv => Some(Format::Tsv),
        OutputFormat::Json => Some(Format::Json),
        OutputFormat::Ladder => Some(Format::Ladder),
        OutputFormat::Tmx => None,
    }
}

/// Writes one alignment (atomically when `path` is given, else to standard output).
fn write_alignment(
    alignment: &Alignment,
    source: &Side,
    target: &Side,
    format: Option<Format>,
    path: Option<&Path>,
) -> Result<()> {
    match format {
        Some(format) => {
            let out = render(alignment, source, target, format);
            crate::fsutil::write_output(path, out.as_bytes())
        }
        None => crate::cli::tmx::write_memory(&tmx_memory(alignment, source, target), path),
    }
}

/// One TMX unit per link with both sides, named after the source file.
fn tmx_memory(alignment: &Alignment, source: &Side, target: &Side) -> crate::tmx::Memory {
    let document = source.path.display().to_string();
    let (source_texts, target_texts) = (source.texts(), target.texts());
    crate::tmx::memory_from_alignment(&crate::tmx::AlignedPair {
        document: &document,
        source_lang: &source.lang,
        target_lang: &target.lang,
        source: &source_texts,
        target: &target_texts,
        alignment,
        creationdate: &crate::tmx::date::now(),
        findings: &[],
    })
}

pub fn run(args: Args) -> Result<i32> {
    let format = render_format(args.format);
    let mut aligner = Aligner::new(AlignOptions {
        max_group: args.max_group as usize,
        ..AlignOptions::default()
    });
    let mut dictionary = match &args.dict {
        Some(path) => Dictionary::read(path)?,
        None => Dictionary::default(),
    };
    if !args.glossary.is_empty() {
        let glossary = crate::glossary::Glossary::with_user_files(&args.glossary)?;
        dictionary.extend(Dictionary::from_pairs(glossary.term_pairs()));
    }
    aligner = aligner.with_dictionary(dictionary);
    if let Some(batch) = &args.batch {
        return run_batch(&args, batch, &aligner, format);
    }
    let (source, target) = match (&args.source, &args.target) {
        (Some(s), Some(t)) => (s, t),
        _ => return Err(Error::usage("align needs SOURCE and TARGET (or --batch)")),
    };
    let (source, target) = load_pair(&args, source, target)?;
    let aligner = with_builtin(&args, aligner, &source, &target);
    let doc = doc_pair(&source, &target);
    let alignment = aligner.align_documents(&[doc], &|| ()).remove(0);
    write_alignment(&alignment, &source, &target, format, args.output.as_deref())?;
    Ok(0)
}

/// Indices of the pairs of a batch (given by their two languages) grouped by language
/// pair, in order of first appearance: each group gets its own dictionary and learns its
/// own word table.
fn by_language_pair<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<Vec<usize>> {
    let mut groups: Vec<((&str, &str), Vec<usize>)> = Vec::new();
    for (k, key) in pairs.enumerate() {
        match groups.iter_mut().find(|(g, _)| *g == key) {
            Some((_, members)) => members.push(k),
            None => groups.push((key, vec![k])),
        }
    }
    groups.into_iter().map(|(_, members)| members).collect()
}

/// The aligner with the built-in dictionary of the pair's languages.
fn with_builtin(args: &Args, aligner: Aligner, source: &Side, target: &Side) -> Aligner {
    if args.no_builtin_dict {
        aligner
    } else {
        aligner.with_builtin_dictionary(&source.lang, &target.lang)
    }
}

fn load_pair(args: &Args, source: &Path, target: &Path) -> Result<(Side, Side)> {
    let source = load_side(source, args.input.from.as_deref(), args.input.presplit)?;
    let target = load_side(target, args.input.to.as_deref(), args.input.presplit)?;
    warn_if_suspicious(&source, &target);
    Ok((source, target))
}

fn doc_pair<'a>(source: &'a Side, target: &'a Side) -> DocPair<'a> {
    DocPair {
        source: source.texts(),
        target: target.texts(),
        source_paragraphs: source.paragraphs(),
        target_paragraphs: target.paragraphs(),
    }
}

/// Warnings for inputs that align but probably not as the user meant.
fn warn_if_suspicious(source: &Side, target: &Side) {
    if source.detected && target.detected && source.lang == target.lang {
        eprintln!(
            "wirealign: warning: {} and {} both look like '{}'; is one of them the translation? (use --from/--to to say)",
            source.path.display(),
            target.path.display(),
            source.lang
        );
    }
    let (a, b) = (source.chars().max(1) as f64, target.chars().max(1) as f64);
    if a / b > 3.0 || b / a > 3.0 {
        eprintln!(
            "wirealign: warning: {} and {} differ in length by a factor of {:.1}; much of one side will stay unaligned",
            source.path.display(),
            target.path.display(),
            (a / b).max(b / a)
        );
    }
}

fn run_batch(args: &Args, batch: &Path, aligner: &Aligner, format: Option<Format>) -> Result<i32> {
    use rayon::prelude::*;
    let Some(out_dir) = &args.output else {
        return Err(Error::usage("--batch needs -o DIR (the output folder)"));
    };
    let pairs = if batch.is_dir() {
        match (&args.input.from, &args.input.to) {
            (Some(from), Some(to)) => pair_folder(batch, from, to)?,
            _ => return Err(Error::usage(
                "--batch with a folder needs --from and --to (file extensions of the two sides)",
            )),
        }
    } else {
        read_manifest(batch)?
    };
    std::fs::create_dir_all(out_dir)
        .map_err(|e| Error::input(out_dir, format!("cannot create folder: {e}")))?;
    let sides: Vec<(Side, Side)> = pairs
        .par_iter()
        .map(|(s, t)| load_pair(args, s, t))
        .collect::<Result<_>>()?;
    let bar = indicatif::ProgressBar::new(2 * sides.len() as u64);
    bar.set_style(
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} passes {elapsed} eta {eta}")
            .expect("valid template"),
    );
    let mut alignments = vec![Alignment::default(); sides.len()];
    let languages = sides
        .iter()
        .map(|(s, t)| (s.lang.as_str(), t.lang.as_str()));
    for members in by_language_pair(languages) {
        let (source, target) = &sides[members[0]];
        let aligner = with_builtin(args, aligner.clone(), source, target);
        let docs: Vec<DocPair> = members
            .iter()
            .map(|&k| doc_pair(&sides[k].0, &sides[k].1))
            .collect();
        let aligned = aligner.align_documents(&docs, &|| bar.inc(1));
        for (&k, alignment) in members.iter().zip(aligned) {
            alignments[k] = alignment;
        }
    }
    bar.finish_and_clear();
    for ((source, target), alignment) in sides.iter().zip(&alignments) {
        let name = source
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "alignment".into());
        let extension = format.map_or("tmx", Format::extension);
        let path = out_dir.join(format!("{name}.{extension}"));
        write_alignment(alignment, source, target, format, Some(&path))?;
    }
    eprintln!(
        "wirealign: aligned {} pairs into {}",
        sides.len(),
        out_dir.display()
    );
    Ok(0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_batch_is_grouped_by_language_pair_in_order() {
        let pairs = [
            ("fr", "en"),
            ("de", "fr"),
            ("fr", "en"),
            ("en", "fr"),
            ("de", "fr"),
        ];
        assert_eq!(
            super::by_language_pair(pairs.into_iter()),
            [vec![0, 2], vec![1, 4], vec![3]]
        );
    }
}
