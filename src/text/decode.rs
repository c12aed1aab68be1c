//! Decoding files as users give them: UTF-8 (with or without BOM), UTF-16 with BOM, and
//! Windows-1252 wire copy, which is still common on news desks.

use crate::error::{Error, Result};
use crate::text::normalize::Normalized;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

/// A decoded, NFC-normalised document that remembers where every byte came from.
#[derive(Debug, Clone)]
pub struct Document {
    pub path: PathBuf,
    pub encoding: Encoding,
    /// NFC text; all processing happens on this.
    pub text: String,
    /// Maps byte offsets in `text` back to byte offsets in the file as given.
    pub map: Normalized,
}

impl Document {
    /// Builds a document from in-memory UTF-8 text (tests, library users).
    pub fn from_text(path: impl Into<PathBuf>, text: &str) -> Self {
        let mut map = Normalized::shifted(text.to_string(), 0);
        Document {
            path: path.into(),
            encoding: Encoding::Utf8,
            text: map.take_text(),
            map,
        }
    }

    /// Byte offset in the original file for a byte offset in `text`.
    pub fn original_offset(&self, normalized_offset: usize) -> usize {
        self.map.original(normalized_offset)
    }
}

/// Reads and decodes `path`. Errors name the file and the problem.
pub fn read_document(path: &Path) -> Result<Document> {
    if path.is_dir() {
        return Err(Error::input(path, "is a directory, not a text file"));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::input(path, read_problem(&e)))?;
    decode_bytes(path, &bytes)
}

/// A short description of why a file could not be read.
fn read_problem(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => format!("cannot read: {error}"),
    }
}

/// Decodes raw bytes; `path` is only used in messages. A file that is not UTF-8 is decoded
/// as Windows-1252 with a note on standard error.
pub fn decode_bytes(path: &Path, bytes: &[u8]) -> Result<Document> {
    if bytes.is_empty() {
        return Err(Error::input(path, "is empty"));
    }
    let (encoding, text, offsets) = decode(path, bytes)?;
    if text.trim().is_empty() {
        return Err(Error::input(path, "contains only whitespace"));
    }
    if looks_binary(&text) {
        return Err(Error::input(path, "looks like a binary file, not text"));
    }
    if encoding == Encoding::Windows1252 {
        eprintln!(
            "wirealign: note: {}: not valid UTF-8; decoded as Windows-1252",
            path.display()
        );
    }
    let mut map = match offsets {
        Offsets::Shifted(shift) => Normalized::shifted(text, shift),
        Offsets::Table(table) => Normalized::from_table(text, table),
    };
    Ok(Document {
        path: path.to_path_buf(),
        encoding,
        text: map.take_text(),
        map,
    })
}

/// Where each byte of decoded text came from in the input.
enum Offsets {
    /// Decoded byte `i` is input byte `i + shift` (UTF-8, with or without a byte-order mark).
    Shifted(usize),
    /// The input offset of each decoded byte, plus one entry for the end.
    Table(Vec<usize>),
}

/// Returns the decoded text and where each of its bytes came from.
fn decode(path: &Path, bytes: &[u8]) -> Result<(Encoding, String, Offsets)> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let text = std::str::from_utf8(rest).map_err(|e| {
            Error::input(
                path,
                format!(
                    "has a UTF-8 BOM but invalid UTF-8 at byte {}",
                    e.valid_up_to() + 3
                ),
            )
        })?;
        return Ok((Encoding::Utf8Bom, text.to_string(), Offsets::Shifted(3)));
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let (encoding, text, offsets) = decode_utf16(path, bytes)?;
        return Ok((encoding, text, Offsets::Table(offsets)));
    }
    if let Some(little) = utf16_without_bom(bytes) {
        let mut with_bom = if little {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        with_bom.extend_from_slice(bytes);
        let (encoding, text, offsets) = decode_utf16(path, &with_bom)?;
        let offsets = offsets.into_iter().map(|o| o - 2).collect();
        return Ok((encoding, text, Offsets::Table(offsets)));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok((Encoding::Utf8, text.to_string(), Offsets::Shifted(0)));
    }
    if bytes.contains(&0) {
        return Err(Error::input(path, "looks like a binary file, not text"));
    }
    let (text, offsets) = decode_windows_1252(bytes);
    Ok((Encoding::Windows1252, text, Offsets::Table(offsets)))
}

/// UTF-16 without a byte-order mark shows as text where every other byte is NUL. Returns
/// `Some(true)` for little-endian, `Some(false)` for big-endian.
fn utf16_without_bom(bytes: &[u8]) -> Option<bool> {
    if bytes.len() < 4 || bytes.len() % 2 != 0 {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let pairs = sample.len() / 2;
    let zero_high = sample
        .chunks_exact(2)
        .filter(|p| p[1] == 0 && p[0] != 0)
        .count();
    let zero_low = sample
        .chunks_exact(2)
        .filter(|p| p[0] == 0 && p[1] != 0)
        .count();
    if zero_high * 10 >= pairs * 7 {
        Some(true)
    } else if zero_low * 10 >= pairs * 7 {
        Some(false)
    } else {
        None
    }
}

fn decode_utf16(path: &Path, bytes: &[u8]) -> Result<(Encoding, String, Vec<usize>)> {
    let little = bytes[0] == 0xFF;
    let body = &bytes[2..];
    if body.len() % 2 != 0 {
        return Err(Error::input(
            path,
            "UTF-16 file with an odd number of bytes",
        ));
    }
    let units: Vec<u16> = body
        .chunks_exact(2)
        .map(|c| {
            if little {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        })
        .collect();
    let mut text = String::with_capacity(units.len());
    let mut offsets = Vec::with_capacity(units.len() + 1);
    let mut unit_index = 0;
    for decoded in char::decode_utf16(units.iter().copied()) {
        let c = decoded.map_err(|_| {
            Error::input(
                path,
                format!("invalid UTF-16 at byte {}", 2 + unit_index * 2),
            )
        })?;
        for _ in 0..c.len_utf8() {
            offsets.push(2 + unit_index * 2);
        }
        text.push(c);
        unit_index += c.len_utf16();
    }
    offsets.push(bytes.len());
    let encoding = if little {
        Encoding::Utf16Le
    } else {
        Encoding::Utf16Be
    };
    Ok((encoding, text, offsets))
}

/// Windows-1252 maps every byte to exactly one character (WHATWG maps its five undefined
/// bytes to C1 controls), so the offset of each character is the index of its byte.
fn decode_windows_1252(bytes: &[u8]) -> (String, Vec<usize>) {
    let text = encoding_rs::WINDOWS_1252
        .decode_without_bom_handling(bytes)
        .0
        .into_owned();
    let mut offsets = Vec::with_capacity(text.len() + 1);
    for (byte_index, c) in text.chars().enumerate() {
        offsets.extend(std::iter::repeat(byte_index).take(c.len_utf8()));
    }
    offsets.push(bytes.len());
    debug_assert_eq!(text.chars().count(), bytes.len());
    (text, offsets)
}

/// NUL or a high share of control characters means this is not a text file.
fn looks_binary(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(4096).collect();
    let controls = sample
        .iter()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    sample.contains(&'\0') || controls * 20 > sample.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Error as IoError, ErrorKind};

    #[test]
    fn read_problems_are_short() {
        assert_eq!(
            read_problem(&IoError::from(ErrorKind::NotFound)),
            "no such file"
        );
        assert_eq!(
            read_problem(&IoError::from(ErrorKind::PermissionDenied)),
            "permission denied"
        );
        assert!(read_problem(&IoError::other("disk on fire")).contains("disk on fire"));
    }

    #[test]
    fn utf16_without_bom_needs_a_clear_majority_of_nuls() {
        assert_eq!(utf16_without_bom(b"a\0b\0c\0d\0"), Some(true));
        assert_eq!(utf16_without_bom(b"\0a\0b\0c\0d"), Some(false));
        assert_eq!(utf16_without_bom(b"abcdefgh"), None);
        assert_eq!(utf16_without_bom(b"a\0b\0c"), None);
    }

    #[test]
    fn controls_mean_binary() {
        assert!(looks_binary("\u{1}\u{2}\u{3}abc"));
        assert!(!looks_binary("Bonjour\r\n\tle monde\u{c}"));
    }
}
