use clap::Parser;
use wirealign::cli::{run, Cli};

fn main() {
    let cli = Cli::parse();
    let code = match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("wirealign: {err}");
            err.exit_code()
        }
    };
    std::process::exit(code);
}
