#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(_args: Args) -> crate::Result<i32> {
    Err(crate::Error::usage("`eval` is not implemented yet"))
}
