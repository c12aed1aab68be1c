//! File output helpers. Outputs are written atomically (temporary file in the same folder,
//! then rename), so an interrupted run never leaves a half-written memory or report.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::Path;

/// Writes `bytes` to `path` atomically.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let output_error = |source| Error::Output {
        path: path.to_path_buf(),
        source,
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = temp_builder().tempfile_in(dir).map_err(output_error)?;
    tmp.write_all(bytes).map_err(output_error)?;
    tmp.as_file().sync_all().map_err(output_error)?;
    tmp.persist(path).map_err(|e| output_error(e.error))?;
    Ok(())
}

/// A temporary file created like any output file (mode 0666 less the umask), not with the
/// owner-only mode tempfile uses by default: exported glossaries and memories are shared.
fn temp_builder() -> tempfile::Builder<'static, 'static> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".wirealign-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder
}

/// Writes to `path` atomically when given, else to standard output.
pub fn write_output(path: Option<&Path>, bytes: &[u8]) -> Result<()> {
    match path {
        Some(p) => write_atomic(p, bytes),
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(bytes).and_then(|_| out.flush()) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(Error::Io(e)),
            }
        }
    }
}
