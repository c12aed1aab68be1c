use crate::text::read_document;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files whose language to detect.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

pub fn run(args: Args) -> crate::Result<i32> {
    let mut out = String::new();
    for path in &args.files {
        let doc = read_document(path)?;
        match crate::text::lang::detect(&doc.text) {
            Some(d) => out.push_str(&format!(
                "{}\t{}\t{:.2}\n",
                path.display(),
                d.lang,
                d.confidence
            )),
            None => out.push_str(&format!("{}\tunknown\t0.00\n", path.display())),
        }
    }
    crate::fsutil::write_output(None, out.as_bytes())?;
    Ok(0)
}
