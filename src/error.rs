//! Typed errors. Every input problem names the file and the problem in one line, and maps
//! to exit code 2; see `Error::exit_code`.

use std::path::{Path, PathBuf};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file the user named cannot be used as input (missing, empty, binary, wrong kind).
    #[error("{}: {problem}", path.display())]
    Input { path: PathBuf, problem: String },
    /// A structured file (TMX, TBX, CSV, ladder) is malformed at a known place.
    #[error("{}:{line}:{column}: {problem}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        problem: String,
    },
    /// The command line asks for something that cannot be done.
    #[error("{0}")]
    Usage(String),
    /// Writing an output failed.
    #[error("{}: cannot write: {source}", path.display())]
    Output {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

impl Error {
    pub fn input(path: impl AsRef<Path>, problem: impl Into<String>) -> Self {
        Error::Input {
            path: path.as_ref().to_path_buf(),
            problem: problem.into(),
        }
    }

    pub fn parse(
        path: impl AsRef<Path>,
        line: usize,
        column: usize,
        problem: impl Into<String>,
    ) -> Self {
        Error::Parse {
            path: path.as_ref().to_path_buf(),
            line,
            column,
            problem: problem.into(),
        }
    }

    pub fn usage(problem: impl Into<String>) -> Self {
        Error::Usage(problem.into())
    }

    /// Exit status for the CLI: every error the library reports is a usage or input problem.
    pub fn exit_code(&self) -> i32 {
        2
    }
}
