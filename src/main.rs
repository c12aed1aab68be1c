use clap::Parser;
use wirealign::cli::{run, Cli};

/// `check` allocates many short-lived strings per segment pair; mimalloc runs it about a
/// fifth faster than the system allocator (`cargo bench --bench check`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
