use crate::text::{read_document, segment_document, SegmentOptions, SrxRules};
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Text file to segment.
    pub file: PathBuf,
    /// Language code (fr, en, de); detected when omitted.
    #[arg(long)]
    pub lang: Option<String>,
    /// Take one segment per line.
    #[arg(long, conflicts_with = "srx")]
    pub presplit: bool,
    /// Segment with the rules of a CAT tool's SRX 2.0 file instead of the built-in rules.
    #[arg(long, value_name = "FILE")]
    pub srx: Option<PathBuf>,
    #[arg(long, value_enum, default_value = "lines")]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// One segment per line.
    Lines,
    /// Segments with UTF-8 byte offsets into the file as given.
    Json,
}

#[derive(serde::Serialize)]
struct JsonOutput<'a> {
    path: String,
    lang: &'a str,
    encoding: crate::text::Encoding,
    segments: &'a [crate::text::Segment],
}

pub fn run(args: Args) -> crate::Result<i32> {
    let doc = read_document(&args.file)?;
    let srx = args
        .srx
        .as_deref()
        .map(SrxRules::load)
        .transpose()?
        .map(Arc::new);
    let lang = crate::text::lang::resolve_language(args.lang.as_deref(), &doc.text);
    if let (Some(srx), Some(path)) = (&srx, &args.srx) {
        if srx.rule_names_for(&lang).is_empty() {
            eprintln!(
                "wirealign: note: {}: no languagemap matches {lang:?}; lines are not split",
                path.display()
            );
        }
    }
    let generic = crate::text::rules::LanguageRules::for_lang(&lang)
        .lang
        .is_empty();
    if srx.is_none() && !args.presplit && generic && args.lang.is_some() {
        eprintln!("wirealign: note: no built-in rules for {lang:?}; using the generic rules");
    }
    let opts = SegmentOptions {
        lang: lang.clone(),
        presplit: args.presplit,
        srx,
    };
    let segments = segment_document(&doc, &opts);
    let out = match args.format {
        Format::Lines => segments
            .iter()
            .map(|s| format!("{}\n", s.text))
            .collect::<String>(),
        Format::Json => {
            let output = JsonOutput {
                path: args.file.display().to_string(),
                lang: &lang,
                encoding: doc.encoding,
                segments: &segments,
            };
            serde_json::to_string_pretty(&output).expect("segments serialise") + "\n"
        }
    };
    crate::fsutil::write_output(None, out.as_bytes())?;
    Ok(0)
}
