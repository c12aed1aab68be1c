use crate::text::{read_document, segment_document, SegmentOptions};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Text file to segment.
    pub file: PathBuf,
    /// Language code (fr, en, de); detected when omitted.
    #[arg(long)]
    pub lang: Option<String>,
    /// Take one segment per line.
    #[arg(long)]
    pub presplit: bool,
    #[arg(long, value_enum, default_value = "lines")]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Format {
    Lines,
    Json,
}

pub fn run(args: Args) -> crate::Result<i32> {
    let doc = read_document(&args.file)?;
    let lang = args
        .lang
        .or_else(|| crate::text::lang::detect(&doc.text).map(|d| d.lang))
        .unwrap_or_else(|| "en".into());
    let opts = SegmentOptions {
        lang,
        presplit: args.presplit,
    };
    let segments = segment_document(&doc, &opts);
    let out = match args.format {
        Format::Lines => segments
            .iter()
            .map(|s| format!("{}\n", s.text))
            .collect::<String>(),
        Format::Json => serde_json::to_string_pretty(&segments).expect("segments serialise") + "\n",
    };
    crate::fsutil::write_output(None, out.as_bytes())?;
    Ok(0)
}
