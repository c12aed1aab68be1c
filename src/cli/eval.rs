use crate::align::{eval, ladder, Alignment};
use crate::error::{Error, Result};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Gold ladder files.
    #[arg(long, num_args = 1.., required = true)]
    pub gold: Vec<PathBuf>,
    /// Ladder files to score, in the same order as --gold.
    #[arg(long, num_args = 1.., required = true)]
    pub test: Vec<PathBuf>,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> Result<i32> {
    if args.gold.len() != args.test.len() {
        return Err(Error::usage(format!(
            "--gold lists {} files but --test lists {}; they must pair up",
            args.gold.len(),
            args.test.len()
        )));
    }
    let gold: Vec<Alignment> = args
        .gold
        .iter()
        .map(|p| ladder::read_ladder(p))
        .collect::<Result<_>>()?;
    let test: Vec<Alignment> = args
        .test
        .iter()
        .map(|p| ladder::read_ladder(p))
        .collect::<Result<_>>()?;
    let pairs: Vec<(&Alignment, &Alignment)> = gold.iter().zip(&test).collect();
    let scores = eval::score(&pairs);
    let types = eval::bead_type_matches(&pairs);
    let out = if args.json {
        let value = serde_json::json!({
            "scores": scores,
            "bead_types": types.iter().map(|(k, &(found, total))| (k.clone(), serde_json::json!({"found": found, "total": total}))).collect::<serde_json::Map<_, _>>(),
        });
        serde_json::to_string_pretty(&value).expect("scores serialise") + "\n"
    } else {
        let mut out = format!(
            "           strict    lax\nprecision  {:.3}   {:.3}\nrecall     {:.3}   {:.3}\nF1         {:.3}   {:.3}\n",
            scores.precision_strict, scores.precision_lax, scores.recall_strict, scores.recall_lax, scores.f1_strict, scores.f1_lax
        );
        out.push_str("gold bead  found exactly\n");
        for (shape, (found, total)) in &types {
            out.push_str(&format!(
                "{shape:<10} {found}/{total} ({:.0} %)\n",
                100.0 * *found as f64 / *total as f64
            ));
        }
        out
    };
    crate::fsutil::write_output(None, out.as_bytes())?;
    Ok(0)
}
