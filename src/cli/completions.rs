use clap::CommandFactory;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Shell to generate completions for, or `man` for the man page (roff).
    pub shell: Target,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Target {
    Bash,
    Zsh,
    Fish,
    Elvish,
    Powershell,
    Man,
}

pub fn run(args: Args) -> crate::Result<i32> {
    let mut cmd = super::Cli::command();
    let mut out = std::io::stdout();
    let shell = match args.shell {
        Target::Man => {
            clap_mangen::Man::new(cmd).render(&mut out)?;
            return Ok(0);
        }
        Target::Bash => clap_complete::Shell::Bash,
        Target::Zsh => clap_complete::Shell::Zsh,
        Target::Fish => clap_complete::Shell::Fish,
        Target::Elvish => clap_complete::Shell::Elvish,
        Target::Powershell => clap_complete::Shell::PowerShell,
    };
    clap_complete::generate(shell, &mut cmd, "wirealign", &mut out);
    Ok(0)
}
