use crate::text::read_document;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files whose language to detect.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// Prints `path<TAB>language<TAB>confidence` per file ("unknown" when no language is
/// recognised). A file that cannot be read is reported on standard error and the others
/// are still detected; the exit code is then 2.
pub fn run(args: Args) -> crate::Result<i32> {
    let mut out = String::new();
    let mut failed = false;
    for path in &args.files {
        let doc = match read_document(path) {
            Ok(doc) => doc,
            Err(err) => {
                eprintln!("wirealign: {err}");
                failed = true;
                continue;
            }
        };
        let (lang, confidence) = crate::text::lang::detect(&doc.text)
            .map_or(("unknown".to_string(), 0.0), |d| (d.lang, d.confidence));
        out.push_str(&format!("{}\t{lang}\t{confidence:.2}\n", path.display()));
    }
    crate::fsutil::write_output(None, out.as_bytes())?;
    Ok(if failed { 2 } else { 0 })
}
