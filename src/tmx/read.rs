//! The streaming TMX reader: TMX 1.1–1.4, one unit at a time through a callback, so a large
//! memory can be indexed without holding a document tree.

use super::xml::{declared_encoding, decode, name_of, Events, Node};
use super::{Header, Memory, Prop, TranslationUnit, Variant};
use crate::error::{Error, Result};
use quick_xml::events::BytesStart;
use std::path::Path;

/// What to do with inline elements (`<bpt>`, `<ept>`, `<ph>`, `<it>`, `<ut>`, `<hi>`, `<sub>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Inline {
    /// Plain text only: native codes dropped, the text of `<hi>` kept.
    #[default]
    Strip,
    /// Also keep the segment's markup in `Variant::markup`, so writing it back keeps the tags.
    Keep,
}

#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    pub inline: Inline,
}

/// Reads a whole memory from a file.
pub fn read_path(path: &Path, opts: &ReadOptions) -> Result<Memory> {
    let mut units = Vec::new();
    let header = read_file_units(path, opts, |_, unit| {
        units.push(unit);
        Ok(())
    })?;
    Ok(Memory { header, units })
}

/// Streams the units of a TMX file. A UTF-8 file is parsed as it is read, so a large memory
/// never sits in memory as text; other encodings are transcoded whole first.
pub fn read_file_units(
    path: &Path,
    opts: &ReadOptions,
    on_unit: impl FnMut(&Header, TranslationUnit) -> Result<()>,
) -> Result<Header> {
    use std::io::BufRead;
    let io_error = |e: std::io::Error| Error::input(path, e.to_string());
    let file = std::fs::File::open(path).map_err(io_error)?;
    let mut stream = std::io::BufReader::with_capacity(1 << 16, file);
    let head = stream.fill_buf().map_err(io_error)?;
    let utf8 = match head {
        [0xEF, 0xBB, 0xBF, ..] => true,
        [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] | [_, 0, ..] | [0, _, ..] => false,
        _ => declared_encoding(head).map_or(true, |label| {
            encoding_rs::Encoding::for_label(label.as_bytes()) == Some(encoding_rs::UTF_8)
        }),
    };
    if !utf8 {
        let bytes = std::fs::read(path).map_err(io_error)?;
        return read_units(path, &bytes, opts, on_unit);
    }
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        stream.consume(3);
    }
    let mut events = Events::from_stream(path, Box::new(stream));
    read_events(&mut events, path, opts, on_unit)
}

/// Reads a whole memory from bytes; `path` only names the input in errors.
pub fn read_bytes(path: &Path, bytes: &[u8], opts: &ReadOptions) -> Result<Memory> {
    let mut units = Vec::new();
    let header = read_units(path, bytes, opts, |_, unit| {
        units.push(unit);
        Ok(())
    })?;
    Ok(Memory { header, units })
}

/// Streams the units of a memory to `on_unit` (with the header, which TMX places first) and
/// returns the header.
pub fn read_units(
    path: &Path,
    bytes: &[u8],
    opts: &ReadOptions,
    on_unit: impl FnMut(&Header, TranslationUnit) -> Result<()>,
) -> Result<Header> {
    let text = decode(path, bytes)?;
    let mut events = Events::new(path, &text);
    read_events(&mut events, path, opts, on_unit)
}

fn read_events(
    events: &mut Events,
    path: &Path,
    opts: &ReadOptions,
    mut on_unit: impl FnMut(&Header, TranslationUnit) -> Result<()>,
) -> Result<Header> {
    let root = loop {
        match events.next()? {
            Node::Start(start) => break start,
            Node::Empty(start) if name_of(&start) == "tmx" => {
                return Err(events.error("<tmx> has no <header>"))
            }
            Node::Empty(start) => {
                return Err(
                    events.error(format!("root element is <{}>, not <tmx>", name_of(&start)))
                )
            }
            _ => {}
        }
    };
    if name_of(&root) != "tmx" {
        return Err(events.error(format!("root element is <{}>, not <tmx>", name_of(&root))));
    }
    let version = attribute(&events.attributes(&root)?, "version");
    match version.as_deref() {
        Some(v) if v.starts_with("1.") => {}
        Some(v) => return Err(events.error(format!("unsupported TMX version \"{v}\""))),
        None => return Err(events.error("<tmx> has no version attribute")),
    }
    let mut header: Option<Header> = None;
    let depth = events.depth();
    loop {
        match events.next()? {
            Node::Start(start) => match name_of(&start).as_str() {
                "header" => header = Some(read_header(events, &start, true)?),
                "body" => {
                    let header = header
                        .as_ref()
                        .ok_or_else(|| events.error("<body> before <header>"))?;
                    read_body(events, header, opts, &mut on_unit)?;
                }
                _ => skip(events)?,
            },
            Node::Empty(start) if name_of(&start) == "header" => {
                header = Some(read_header(events, &start, false)?);
            }
            Node::End if events.depth() < depth => break,
            Node::Eof => break,
            _ => {}
        }
    }
    header.ok_or_else(|| Error::input(path, "no <header> element"))
}

fn attribute(attrs: &[(String, String)], name: &str) -> Option<String> {
    attrs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

/// Consumes events up to the end of the element whose start was just returned.
fn skip(events: &mut Events) -> Result<()> {
    let depth = events.depth();
    while events.depth() >= depth {
        if let Node::Eof = events.next()? {
            break;
        }
    }
    Ok(())
}

/// Text content of the element whose start was just returned (nested markup ignored).
fn text_content(events: &mut Events) -> Result<String> {
    let depth = events.depth();
    let mut text = String::new();
    while events.depth() >= depth {
        match events.next()? {
            Node::Text(t) => text.push_str(&t),
            Node::Eof => break,
            _ => {}
        }
    }
    Ok(text)
}

fn read_prop(events: &mut Events, start: &BytesStart) -> Result<Prop> {
    let kind = attribute(&events.attributes(start)?, "type").unwrap_or_default();
    Ok(Prop::new(kind, text_content(events)?))
}

fn read_header(events: &mut Events, start: &BytesStart, has_children: bool) -> Result<Header> {
    let attrs = events.attributes(start)?;
    let get = |name: &str| attribute(&attrs, name).unwrap_or_default();
    let mut header = Header {
        creationtool: get("creationtool"),
        creationtoolversion: get("creationtoolversion"),
        segtype: get("segtype"),
        o_tmf: get("o-tmf"),
        adminlang: get("adminlang"),
        srclang: get("srclang"),
        datatype: get("datatype"),
        creationdate: attribute(&attrs, "creationdate"),
        notes: Vec::new(),
        props: Vec::new(),
    };
    if has_children {
        let depth = events.depth();
        loop {
            match events.next()? {
                Node::Start(child) => match name_of(&child).as_str() {
                    "prop" => header.props.push(read_prop(events, &child)?),
                    "note" => header.notes.push(text_content(events)?),
                    _ => skip(events)?,
                },
                Node::End if events.depth() < depth => break,
                Node::Eof => break,
                _ => {}
            }
        }
    }
    Ok(header)
}

fn read_body(
    events: &mut Events,
    header: &Header,
    opts: &ReadOptions,
    on_unit: &mut impl FnMut(&Header, TranslationUnit) -> Result<()>,
) -> Result<()> {
    let depth = events.depth();
    loop {
        match events.next()? {
            Node::Start(start) if name_of(&start) == "tu" => {
                let unit = read_unit(events, &start, opts)?;
                on_unit(header, unit)?;
            }
            Node::Start(_) => skip(events)?,
            Node::End if events.depth() < depth => return Ok(()),
            Node::Eof => return Ok(()),
            _ => {}
        }
    }
}

fn read_unit(
    events: &mut Events,
    start: &BytesStart,
    opts: &ReadOptions,
) -> Result<TranslationUnit> {
    let attrs = events.attributes(start)?;
    let mut unit = TranslationUnit {
        tuid: attribute(&attrs, "tuid"),
        creationdate: attribute(&attrs, "creationdate"),
        changedate: attribute(&attrs, "changedate"),
        ..Default::default()
    };
    let depth = events.depth();
    loop {
        match events.next()? {
            Node::Start(child) => match name_of(&child).as_str() {
                "prop" => unit.props.push(read_prop(events, &child)?),
                "note" => unit.notes.push(text_content(events)?),
                "tuv" => unit.variants.push(read_variant(events, &child, opts)?),
                _ => skip(events)?,
            },
            Node::Empty(child) if name_of(&child) == "tuv" => {
                return Err(events.error("<tuv> without <seg>"))
            }
            Node::End if events.depth() < depth => return Ok(unit),
            Node::Eof => return Ok(unit),
            _ => {}
        }
    }
}

fn read_variant(events: &mut Events, start: &BytesStart, opts: &ReadOptions) -> Result<Variant> {
    let attrs = events.attributes(start)?;
    // TMX 1.1–1.3 wrote `lang`; 1.4 uses `xml:lang`.
    let lang = attribute(&attrs, "xml:lang")
        .or_else(|| attribute(&attrs, "lang"))
        .ok_or_else(|| events.error("<tuv> without xml:lang"))?;
    let mut segment: Option<(String, Option<String>)> = None;
    let (mut notes, mut props) = (Vec::new(), Vec::new());
    let depth = events.depth();
    loop {
        match events.next()? {
            Node::Start(child) => match name_of(&child).as_str() {
                "seg" => segment = Some(read_segment(events, opts)?),
                "note" => notes.push(text_content(events)?),
                "prop" => props.push(read_prop(events, &child)?),
                _ => skip(events)?,
            },
            Node::Empty(child) if name_of(&child) == "seg" => segment = Some((String::new(), None)),
            Node::End if events.depth() < depth => break,
            Node::Eof => break,
            _ => {}
        }
    }
    let (text, markup) = segment.ok_or_else(|| events.error("<tuv> without <seg>"))?;
    Ok(Variant {
        lang,
        notes,
        props,
        text,
        markup,
    })
}

/// Inline elements whose content is native code (a tag of the original format), not text.
fn is_native_code(name: &str) -> bool {
    matches!(name, "bpt" | "ept" | "ph" | "it" | "ut")
}

/// Reads `<seg>` content: the plain text, and the re-serialised markup when tags are kept and
/// there were any.
fn read_segment(events: &mut Events, opts: &ReadOptions) -> Result<(String, Option<String>)> {
    let depth = events.depth();
    let mut text = String::new();
    let mut markup = String::new();
    let mut has_tags = false;
    // Depth at which we entered native code; text below it is not segment text.
    let mut code_depth: Option<usize> = None;
    loop {
        match events.next()? {
            Node::Text(t) => {
                if code_depth.is_none() {
                    text.push_str(&t);
                }
                if opts.inline == Inline::Keep {
                    crate::xml::escape_into(&mut markup, &t, false);
                }
            }
            Node::Start(start) => {
                has_tags = true;
                let name = name_of(&start);
                if code_depth.is_none() && (is_native_code(&name) || name == "sub") {
                    code_depth = Some(events.depth());
                }
                open_tag(events, &start, &mut markup)?;
                markup.push('>');
            }
            Node::Empty(start) => {
                has_tags = true;
                open_tag(events, &start, &mut markup)?;
                markup.push_str("/>");
            }
            Node::End => {
                if events.depth() < depth {
                    break;
                }
                // The element just closed was at depth + 1 before the pop.
                let closed = events.depth() + 1;
                if code_depth == Some(closed) {
                    code_depth = None;
                }
                markup.push_str("</");
                markup.push_str(events.last_closed());
                markup.push('>');
            }
            Node::Eof => break,
        }
    }
    let keep = has_tags && opts.inline == Inline::Keep;
    Ok((text, keep.then_some(markup)))
}

fn open_tag(events: &Events, start: &BytesStart, markup: &mut String) -> Result<()> {
    markup.push('<');
    markup.push_str(&name_of(start));
    for (key, value) in events.attributes(start)? {
        markup.push(' ');
        markup.push_str(&key);
        markup.push_str("=\"");
        crate::xml::escape_into(markup, &value, true);
        markup.push('"');
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(xml: &str, inline: Inline) -> Result<Memory> {
        read_bytes(Path::new("t.tmx"), xml.as_bytes(), &ReadOptions { inline })
    }

    const INLINE: &str = r#"<?xml version="1.0"?>
<tmx version="1.4"><header srclang="fr" segtype="sentence"/><body>
<tu><tuv xml:lang="fr"><seg>Cliquez <bpt i="1">&lt;b&gt;</bpt>ici<ept i="1">&lt;/b&gt;</ept>.<ph>&lt;br/&gt;</ph></seg></tuv>
<tuv lang="en"><seg>Click <hi type="b">here</hi>.</seg></tuv></tu></body></tmx>"#;

    #[test]
    fn strips_native_codes_but_keeps_highlighted_text() {
        let memory = read(INLINE, Inline::Strip).unwrap();
        let unit = &memory.units[0];
        assert_eq!(unit.variants[0].text, "Cliquez ici.");
        assert_eq!(unit.variants[0].markup, None);
        assert_eq!(unit.variants[1].lang, "en");
        assert_eq!(unit.variants[1].text, "Click here.");
    }

    #[test]
    fn keeps_inline_markup_when_asked() {
        let memory = read(INLINE, Inline::Keep).unwrap();
        assert_eq!(
            memory.units[0].variants[0].markup.as_deref(),
            Some(
                r#"Cliquez <bpt i="1">&lt;b&gt;</bpt>ici<ept i="1">&lt;/b&gt;</ept>.<ph>&lt;br/&gt;</ph>"#
            )
        );
    }

    #[test]
    fn refuses_malformed_input_with_line_and_column() {
        let cases = [
            ("<tmx version=\"1.4\"><header/><body>\n<tu><tuv xml:lang=\"fr\"><seg>a & b</seg></tuv></tu></body></tmx>", 2),
            ("<tmx version=\"1.4\"><header/><body>\n<tu></body></tmx>", 2),
            ("<tmx version=\"1.4\"><header/><body>\n<tu>", 2),
            ("<tmx version=\"1.4\"><header/><body>\n<tu><tuv><seg>x</seg></tuv></tu></body></tmx>", 2),
            ("<tmx version=\"1.4\"><header/><body>\n<tu><tuv xml:lang=\"fr\"><seg>\u{c}</seg></tuv></tu></body></tmx>", 2),
        ];
        for (xml, line) in cases {
            match read(xml, Inline::Strip) {
                Err(Error::Parse { line: l, .. }) => assert_eq!(l, line, "{xml}"),
                other => panic!("{xml}: expected a parse error, got {other:?}"),
            }
        }
    }

    #[test]
    fn never_expands_dtd_entities() {
        let xml = r#"<?xml version="1.0"?>
<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<tmx version="1.4"><header/><body><tu><tuv xml:lang="fr"><seg>&xxe;</seg></tuv></tu></body></tmx>"#;
        assert!(matches!(read(xml, Inline::Strip), Err(Error::Parse { .. })));
    }

    #[test]
    fn files_stream_and_locate_errors() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.tmx");
        let good = format!("\u{FEFF}{INLINE}");
        std::fs::write(&path, &good).unwrap();
        let memory = read_path(&path, &ReadOptions::default()).unwrap();
        assert_eq!(memory.units[0].variants[1].text, "Click here.");
        std::fs::write(&path, INLINE.replace("Click", "Cl<ick")).unwrap();
        match read_path(&path, &ReadOptions::default()) {
            Err(Error::Parse { line, .. }) => assert_eq!(line, 4),
            other => panic!("{other:?}"),
        }
        let mut utf16 = vec![0xFF, 0xFE];
        for unit in INLINE.encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        std::fs::write(&path, utf16).unwrap();
        let memory = read_path(&path, &ReadOptions::default()).unwrap();
        assert_eq!(memory.units[0].variants[0].text, "Cliquez ici.");
    }

    #[test]
    fn reads_utf16_with_bom() {
        let xml = r#"<?xml version="1.0" encoding="UTF-16"?><tmx version="1.4"><header srclang="fr"/><body><tu><tuv xml:lang="fr"><seg>Été</seg></tuv></tu></body></tmx>"#;
        let mut bytes = vec![0xFE, 0xFF];
        for unit in xml.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        let memory = read_bytes(Path::new("t.tmx"), &bytes, &ReadOptions::default()).unwrap();
        assert_eq!(memory.units[0].variants[0].text, "Été");
    }
}
