//! The XML layer shared by the reader and the validator: decoding to UTF-8 (BOM sniffing,
//! UTF-16 through encoding_rs, since quick-xml cannot decode it) and an event stream that
//! enforces what quick-xml leaves to its caller (one root, closed elements, no text outside
//! the root, no forbidden characters), reporting every error with line and column.
//!
//! Document type declarations are skipped, never read: no external file is fetched and no
//! entity beyond the five predefined ones is expanded.

use crate::error::{Error, Result};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::borrow::Cow;
use std::path::Path;

/// Decodes a TMX file to UTF-8: BOM first, then the XML declaration's `encoding`, else UTF-8.
pub(crate) fn decode<'a>(path: &Path, bytes: &'a [u8]) -> Result<Cow<'a, str>> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return decode_with(path, &bytes[bom..], encoding);
    }
    match bytes {
        [b'<', 0, b'?', 0, ..] => return decode_with(path, bytes, encoding_rs::UTF_16LE),
        [0, b'<', 0, b'?', ..] => return decode_with(path, bytes, encoding_rs::UTF_16BE),
        _ => {}
    }
    if let Some(label) = declared_encoding(bytes) {
        match encoding_rs::Encoding::for_label(label.as_bytes()) {
            Some(enc) if enc != encoding_rs::UTF_8 => return decode_with(path, bytes, enc),
            Some(_) => {}
            None => {
                return Err(Error::input(
                    path,
                    format!("unknown encoding \"{label}\" in the XML declaration"),
                ))
            }
        }
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(e) => {
            let valid = std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or_default();
            let (line, column) = line_col(valid, valid.len());
            Err(Error::parse(path, line, column, "invalid UTF-8"))
        }
    }
}

fn decode_with<'a>(
    path: &Path,
    bytes: &'a [u8],
    encoding: &'static encoding_rs::Encoding,
) -> Result<Cow<'a, str>> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .ok_or_else(|| Error::input(path, format!("invalid {} data", encoding.name())))
}

/// The `encoding` pseudo-attribute of an ASCII-compatible XML declaration.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(200)];
    let end = head.windows(2).position(|w| w == b"?>")?;
    let decl = std::str::from_utf8(&head[..end]).ok()?;
    if !decl.starts_with("<?xml") {
        return None;
    }
    let rest = &decl[decl.find("encoding")? + "encoding".len()..];
    let rest = rest.trim_start().strip_prefix('=')?.trim_start();
    let quote = rest.chars().next().filter(|q| *q == '"' || *q == '\'')?;
    let value = &rest[1..];
    Some(value[..value.find(quote)?].to_string())
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.bytes().filter(|b| *b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// True for the characters XML 1.0 forbids outright (C0 controls but tab, LF, CR;
/// U+FFFE, U+FFFF).
pub(crate) fn is_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// One event of the checked stream.
pub(crate) enum Node<'a> {
    Start(BytesStart<'a>),
    Empty(BytesStart<'a>),
    End,
    Text(String),
    Eof,
}

pub(crate) struct Events<'a> {
    reader: Reader<&'a [u8]>,
    text: &'a str,
    path: &'a Path,
    open: Vec<Vec<u8>>,
    seen_root: bool,
    event_start: usize,
    closed: String,
}

impl<'a> Events<'a> {
    pub(crate) fn new(path: &'a Path, text: &'a str) -> Self {
        let mut reader = Reader::from_str(text);
        reader.config_mut().check_end_names = true;
        Events {
            reader,
            text,
            path,
            open: Vec::new(),
            seen_root: false,
            event_start: 0,
            closed: String::new(),
        }
    }

    /// Nesting depth of the element whose start was returned last (root = 1).
    pub(crate) fn depth(&self) -> usize {
        self.open.len()
    }

    /// An error located at the start of the last event.
    pub(crate) fn error(&self, problem: impl Into<String>) -> Error {
        self.error_at(self.event_start, problem)
    }

    fn error_at(&self, offset: usize, problem: impl Into<String>) -> Error {
        let (line, column) = line_col(self.text, offset);
        Error::parse(self.path, line, column, problem)
    }

    /// Name of the element whose end was returned last.
    pub(crate) fn last_closed(&self) -> &str {
        &self.closed
    }

    pub(crate) fn position(&self) -> (usize, usize) {
        line_col(self.text, self.event_start)
    }

    pub(crate) fn next(&mut self) -> Result<Node<'a>> {
        loop {
            self.event_start = self.reader.buffer_position() as usize;
            let event = self
                .reader
                .read_event()
                .map_err(|e| self.error_at(self.reader.error_position() as usize, e.to_string()))?;
            match event {
                Event::Start(start) => {
                    self.enter(&start)?;
                    self.open.push(start.name().as_ref().to_vec());
                    return Ok(Node::Start(start));
                }
                Event::Empty(start) => {
                    self.enter(&start)?;
                    return Ok(Node::Empty(start));
                }
                Event::End(_) => {
                    let closed = self.open.pop().unwrap_or_default();
                    self.closed = String::from_utf8_lossy(&closed).into_owned();
                    return Ok(Node::End);
                }
                Event::Text(text) => {
                    let text = text.unescape().map_err(|e| {
                        self.error(format!("{e} (entities are never expanded from a DTD)"))
                    })?;
                    if self.open.is_empty() {
                        if !text.trim().is_empty() {
                            return Err(self.error("text outside the root element"));
                        }
                        continue;
                    }
                    return Ok(Node::Text(self.checked(text.into_owned())?));
                }
                Event::CData(data) => {
                    if self.open.is_empty() {
                        return Err(self.error("CDATA outside the root element"));
                    }
                    let text = String::from_utf8_lossy(&data.into_inner()).into_owned();
                    return Ok(Node::Text(self.checked(text)?));
                }
                Event::Eof => {
                    if let Some(name) = self.open.last() {
                        return Err(self.error_at(
                            self.text.len(),
                            format!("<{}> is never closed", String::from_utf8_lossy(name)),
                        ));
                    }
                    if !self.seen_root {
                        return Err(self.error("no root element"));
                    }
                    return Ok(Node::Eof);
                }
                // Declarations, comments, processing instructions and the DOCTYPE carry no
                // memory content; the DOCTYPE is deliberately not interpreted.
                Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_) => {}
            }
        }
    }

    fn enter(&mut self, start: &BytesStart) -> Result<()> {
        if start.name().as_ref().is_empty() {
            return Err(self.error("malformed element (an unescaped '<'?)"));
        }
        if self.open.is_empty() {
            if self.seen_root {
                return Err(self.error("a second root element"));
            }
            self.seen_root = true;
        }
        Ok(())
    }

    fn checked(&self, text: String) -> Result<String> {
        // Every forbidden character is a C0 byte or starts with 0xEF (U+FFFE, U+FFFF).
        let suspicious = |b: &u8| (*b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || *b == 0xEF;
        if !text.as_bytes().iter().any(suspicious) {
            return Ok(text);
        }
        match text.chars().find(|c| is_forbidden(*c)) {
            Some(c) => Err(self.error(format!(
                "character U+{:04X} is not allowed in XML 1.0",
                c as u32
            ))),
            None => Ok(text),
        }
    }

    /// The attributes of an element, unescaped, in document order.
    pub(crate) fn attributes(&self, start: &BytesStart) -> Result<Vec<(String, String)>> {
        let mut out = Vec::new();
        for attr in start.attributes() {
            let attr = attr.map_err(|e| self.error(e.to_string()))?;
            let key = String::from_utf8_lossy(attr.key.as_ref()).into_owned();
            let value = attr
                .unescape_value()
                .map_err(|e| self.error(e.to_string()))?
                .into_owned();
            out.push((key, self.checked(value)?));
        }
        Ok(out)
    }
}

/// The local name of an element as a string.
pub(crate) fn name_of(start: &BytesStart) -> String {
    String::from_utf8_lossy(start.name().as_ref()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(line_col("ab\ncé\nd", 0), (1, 1));
        assert_eq!(line_col("ab\ncé\nd", 3), (2, 1));
        assert_eq!(line_col("ab\ncé\nd", 7), (3, 1));
        assert_eq!(line_col("ab\ncéx", 6), (2, 3));
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "<a>é</a>".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert_eq!(decode(Path::new("x"), &bytes).unwrap(), "<a>é</a>");
    }

    #[test]
    fn decodes_declared_latin1() {
        let bytes = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>\xe9</a>";
        assert!(decode(Path::new("x"), bytes).unwrap().contains("<a>é</a>"));
    }
}
