//! Reading the two sides of an alignment (decode, detect the language, segment) and the
//! manifests of batch runs.

use crate::error::{Error, Result};
use crate::text::{read_document, segment_document, Segment, SegmentOptions};
use std::path::{Path, PathBuf};

/// One side of a document pair, segmented. The decoded file is not kept: the segments
/// hold its text, and a 200,000-line side would otherwise hold it a second time.
#[derive(Debug, Clone)]
pub struct Side {
    pub path: PathBuf,
    pub lang: String,
    /// Whether the language was detected rather than given.
    pub detected: bool,
    pub segments: Vec<Segment>,
}

impl Side {
    pub fn texts(&self) -> Vec<&str> {
        self.segments.iter().map(|s| s.text.as_str()).collect()
    }

    /// Paragraph numbers, or `None` when every segment is its own paragraph (presplit
    /// input), which says nothing about where paragraphs end.
    pub fn paragraphs(&self) -> Option<Vec<usize>> {
        let paragraphs: Vec<usize> = self.segments.iter().map(|s| s.paragraph).collect();
        let informative = paragraphs.windows(2).any(|w| w[0] == w[1]);
        informative.then_some(paragraphs)
    }

    pub fn chars(&self) -> usize {
        self.segments.iter().map(|s| s.text.chars().count()).sum()
    }
}

/// Reads and segments `path`; `lang` overrides detection.
pub fn load_side(path: &Path, lang: Option<&str>, presplit: bool) -> Result<Side> {
    let document = read_document(path)?;
    let (lang, detected) = match lang {
        Some(l) => (l.to_string(), false),
        None => match crate::text::lang::detect(&document.text) {
            Some(d) => (d.lang, true),
            None => ("en".to_string(), true),
        },
    };
    let segments = segment_document(
        &document,
        &SegmentOptions {
            lang: lang.clone(),
            presplit,
            ..Default::default()
        },
    );
    if segments.is_empty() {
        return Err(Error::input(path, "has no text to align"));
    }
    Ok(Side {
        path: document.path,
        lang,
        detected,
        segments,
    })
}

/// Reads a manifest: one `source<TAB>target` pair per line; `#` lines and blank lines are
/// skipped; relative paths are relative to the manifest's folder.
pub fn read_manifest(path: &Path) -> Result<Vec<(PathBuf, PathBuf)>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::input(path, format!("cannot read manifest: {e}")))?;
    let base = path.parent().unwrap_or(Path::new(""));
    let mut pairs = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        if fields.len() < 2 || fields[0].is_empty() || fields[1].is_empty() {
            return Err(Error::parse(
                path,
                number + 1,
                1,
                "expected `source<TAB>target`",
            ));
        }
        pairs.push((base.join(fields[0]), base.join(fields[1])));
    }
    if pairs.is_empty() {
        return Err(Error::input(path, "lists no document pairs"));
    }
    Ok(pairs)
}

/// Pairs `NAME.<from>` with `NAME.<to>` in a folder, sorted by name.
pub fn pair_folder(dir: &Path, from: &str, to: &str) -> Result<Vec<(PathBuf, PathBuf)>> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| Error::input(dir, format!("cannot list: {e}")))?;
    let mut pairs = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::input(dir, e.to_string()))?.path();
        if path.extension().is_some_and(|e| e == from) {
            let target = path.with_extension(to);
            if target.is_file() {
                pairs.push((path, target));
            }
        }
    }
    pairs.sort();
    if pairs.is_empty() {
        return Err(Error::input(
            dir,
            format!("holds no *.{from} file with a matching *.{to}"),
        ));
    }
    Ok(pairs)
}
