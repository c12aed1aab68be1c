//! The TMX 1.4 writer. Output is deterministic (fixed attribute order, two-space indent,
//! LF line ends), so a memory written, read and written again is byte-identical.

use super::{Header, Memory, Prop, TranslationUnit, Variant};
use std::fmt::Write as _;

/// Something the writer had to change to produce well-formed XML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// Index of the unit in `Memory::units`, `None` for the header.
    pub unit: Option<usize>,
    pub message: String,
}

/// Serialises a memory. Characters XML 1.0 forbids are dropped; use
/// [`write_with_warnings`] to report them.
pub fn write(memory: &Memory) -> String {
    write_with_warnings(memory).0
}

/// Serialises a memory and lists the characters it had to drop. Real readers reject control
/// characters even as character references (`&#12;`), so they cannot be kept.
pub fn write_with_warnings(memory: &Memory) -> (String, Vec<Warning>) {
    let mut out = Out {
        xml: String::with_capacity(256 + memory.units.len() * 320),
        warnings: Vec::new(),
        unit: None,
    };
    out.xml
        .push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n");
    write_header(&mut out, &memory.header);
    out.xml.push_str("  <body>\n");
    for (index, unit) in memory.units.iter().enumerate() {
        out.unit = Some(index);
        write_unit(&mut out, unit);
    }
    out.xml.push_str("  </body>\n</tmx>\n");
    (out.xml, out.warnings)
}

struct Out {
    xml: String,
    warnings: Vec<Warning>,
    unit: Option<usize>,
}

impl Out {
    fn attr(&mut self, name: &str, value: &str) {
        let _ = write!(self.xml, " {name}=\"");
        let value = self.allowed(value);
        crate::xml::escape_into(&mut self.xml, &value, true);
        self.xml.push('"');
    }

    fn text(&mut self, text: &str) {
        let text = self.allowed(text);
        crate::xml::escape_into(&mut self.xml, &text, false);
    }

    /// Removes characters XML 1.0 forbids, recording a warning when there were any.
    fn allowed<'a>(&mut self, text: &'a str) -> std::borrow::Cow<'a, str> {
        if text.chars().all(is_xml_char) {
            return text.into();
        }
        let removed: Vec<String> = text
            .chars()
            .filter(|c| !is_xml_char(*c))
            .map(|c| format!("U+{:04X}", c as u32))
            .collect();
        self.warnings.push(Warning {
            unit: self.unit,
            message: format!(
                "removed {} character(s) XML 1.0 forbids: {}",
                removed.len(),
                removed.join(" ")
            ),
        });
        text.chars()
            .filter(|c| is_xml_char(*c))
            .collect::<String>()
            .into()
    }
}

fn write_header(out: &mut Out, h: &Header) {
    out.xml.push_str("  <header");
    out.attr("creationtool", &h.creationtool);
    out.attr("creationtoolversion", &h.creationtoolversion);
    out.attr("segtype", &h.segtype);
    out.attr("o-tmf", &h.o_tmf);
    out.attr("adminlang", &h.adminlang);
    out.attr("srclang", &h.srclang);
    out.attr("datatype", &h.datatype);
    if let Some(date) = &h.creationdate {
        out.attr("creationdate", date);
    }
    if h.props.is_empty() && h.notes.is_empty() {
        out.xml.push_str("/>\n");
        return;
    }
    out.xml.push_str(">\n");
    write_notes(out, &h.notes, "    ");
    write_props(out, &h.props, "    ");
    out.xml.push_str("  </header>\n");
}

fn write_unit(out: &mut Out, unit: &TranslationUnit) {
    out.xml.push_str("    <tu");
    if let Some(tuid) = &unit.tuid {
        out.attr("tuid", tuid);
    }
    if let Some(date) = &unit.creationdate {
        out.attr("creationdate", date);
    }
    if let Some(date) = &unit.changedate {
        out.attr("changedate", date);
    }
    out.xml.push_str(">\n");
    write_notes(out, &unit.notes, "      ");
    write_props(out, &unit.props, "      ");
    for variant in &unit.variants {
        write_variant(out, variant);
    }
    out.xml.push_str("    </tu>\n");
}

fn write_notes(out: &mut Out, notes: &[String], indent: &str) {
    for note in notes {
        out.xml.push_str(indent);
        out.xml.push_str("<note>");
        out.text(note);
        out.xml.push_str("</note>\n");
    }
}

fn write_props(out: &mut Out, props: &[Prop], indent: &str) {
    for prop in props {
        out.xml.push_str(indent);
        out.xml.push_str("<prop");
        out.attr("type", &prop.kind);
        out.xml.push('>');
        out.text(&prop.value);
        out.xml.push_str("</prop>\n");
    }
}

fn write_variant(out: &mut Out, variant: &Variant) {
    out.xml.push_str("      <tuv");
    out.attr("xml:lang", &variant.lang);
    out.xml.push('>');
    if !variant.notes.is_empty() || !variant.props.is_empty() {
        out.xml.push('\n');
        write_notes(out, &variant.notes, "        ");
        write_props(out, &variant.props, "        ");
        out.xml.push_str("        ");
    }
    out.xml.push_str("<seg>");
    match &variant.markup {
        // Kept inline markup was re-serialised by the reader from parsed events, so it is
        // already well-formed and escaped.
        Some(markup) => {
            let markup = out.allowed(markup).into_owned();
            out.xml.push_str(&markup);
        }
        None => out.text(&variant.text),
    }
    out.xml.push_str("</seg></tuv>\n");
}

/// XML 1.0 `Char`, minus the C1 controls and DEL, which XML allows but which are never
/// text in a translation memory (they are mojibake) and which several readers reject.
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | ' '..='\u{7E}' | '\u{A0}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn memory(text: &str) -> Memory {
        Memory {
            header: Header::wirealign("fr", "20250101T120000Z"),
            units: vec![TranslationUnit {
                props: vec![Prop::new("x-document", "a&b \"c\"")],
                variants: vec![Variant::plain("fr", text), Variant::plain("en", "x")],
                ..Default::default()
            }],
        }
    }

    #[test]
    fn escapes_markup_in_text_and_attributes() {
        let xml = write(&memory("x < 10 & y > 2"));
        assert!(xml.contains("<seg>x &lt; 10 &amp; y &gt; 2</seg>"), "{xml}");
        assert!(
            xml.contains("<prop type=\"x-document\">a&amp;b \"c\"</prop>"),
            "{xml}"
        );
    }

    #[test]
    fn header_carries_the_fixed_attributes() {
        let xml = write(&memory("a"));
        assert!(xml.contains(&format!(
            "<header creationtool=\"wirealign\" creationtoolversion=\"{}\" segtype=\"sentence\" \
             o-tmf=\"wirealign\" adminlang=\"en\" srclang=\"fr\" datatype=\"plaintext\" \
             creationdate=\"20250101T120000Z\"/>",
            env!("CARGO_PKG_VERSION")
        )));
        assert!(xml.contains("<tmx version=\"1.4\">"));
    }

    #[test]
    fn forbidden_characters_are_removed_with_a_warning() {
        let (xml, warnings) = write_with_warnings(&memory("a\u{C}b\u{1}c\u{85}"));
        assert!(xml.contains("<seg>abc</seg>"), "{xml}");
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].unit, Some(0));
        assert!(warnings[0].message.contains("U+000C"));
        let (_, none) = write_with_warnings(&memory("tab\tok"));
        assert!(none.is_empty());
    }
}
