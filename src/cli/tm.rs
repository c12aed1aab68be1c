#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> crate::Result<i32> {
    Err(crate::Error::usage("`tm` is not implemented yet"))
}
