//! TBX: TBX-Basic 2008 (`<martif type="TBX-Basic">`, what OmegaT 3.6 and translate-toolkit
//! read) and TBX v3 (ISO 30042:2019, TBX-Basic dialect in DCA style).
//!
//! A concept is a `termEntry` (v3: `conceptEntry`) with its domain as `subjectField` and
//! its note as a `note`; the French and English `langSet`s (v3: `langSec`) hold one `tig`
//! (v3: `termSec`) per term, marked with `administrativeStatus`: preferred, admitted
//! (variants and acronyms, the latter also `termType` acronym) or deprecated (the English
//! renderings to avoid). The definition and the source of the English usage sit in the
//! English `langSet`. Reading accepts any language tag whose primary subtag is `fr` or
//! `en`, `ntig`/`termGrp` as well as `tig`, and files without statuses (the first term
//! of a language is then its preferred term).

use super::{make_id, Concept, Glossary, Lang, PartOfSpeech};
use crate::error::{Error, Result};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::path::Path;

const PREFERRED: &str = "preferredTerm-admn-sts";
const ADMITTED: &str = "admittedTerm-admn-sts";
const DEPRECATED: &str = "deprecatedTerm-admn-sts";
const SUPERSEDED: &str = "supersededTerm-admn-sts";

/// Element names of the two TBX generations.
struct Dialect {
    entry: &'static str,
    lang_set: &'static str,
    term_group: &'static str,
}

const V2: Dialect = Dialect {
    entry: "termEntry",
    lang_set: "langSet",
    term_group: "tig",
};

const V3: Dialect = Dialect {
    entry: "conceptEntry",
    lang_set: "langSec",
    term_group: "termSec",
};

/// Writes TBX-Basic 2008.
pub(super) fn write_v2(glossary: &Glossary) -> String {
    let mut out = String::new();
    out.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<!DOCTYPE martif SYSTEM \"TBXBasiccoreStructV02.dtd\">\n",
        "<martif type=\"TBX-Basic\" xml:lang=\"en\">\n",
        "  <martifHeader>\n",
        "    <fileDesc>\n",
    ));
    write_file_desc(&mut out, glossary);
    out.push_str(concat!(
        "    </fileDesc>\n",
        "    <encodingDesc>\n",
        "      <p type=\"XCSURI\">TBXBasicXCSV02.xcs</p>\n",
        "    </encodingDesc>\n",
        "  </martifHeader>\n",
    ));
    write_body(&mut out, glossary, &V2);
    out.push_str("</martif>\n");
    out
}

/// Writes TBX v3, TBX-Basic dialect, DCA style.
pub(super) fn write_v3(glossary: &Glossary) -> String {
    let mut out = String::new();
    out.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<?xml-model href=\"TBXcoreStructV03.rng\" type=\"application/xml\" schematypens=\"http://relaxng.org/ns/structure/1.0\"?>\n",
        "<?xml-model href=\"TBX-Basic_DCA.sch\" type=\"application/xml\" schematypens=\"http://purl.oclc.org/dsdl/schematron\"?>\n",
        "<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n",
        "  <tbxHeader>\n",
        "    <fileDesc>\n",
    ));
    write_file_desc(&mut out, glossary);
    out.push_str(concat!("    </fileDesc>\n", "  </tbxHeader>\n"));
    write_body(&mut out, glossary, &V3);
    out.push_str("</tbx>\n");
    out
}

fn write_file_desc(out: &mut String, glossary: &Glossary) {
    let _ = writeln!(
        out,
        "      <titleStmt><title>Sahel security glossary (French–English)</title></titleStmt>\n      <sourceDesc><p>Written by wirealign {}: {} concepts</p></sourceDesc>",
        env!("CARGO_PKG_VERSION"),
        glossary.len()
    );
}

fn write_body(out: &mut String, glossary: &Glossary, d: &Dialect) {
    out.push_str("  <text>\n    <body>\n");
    for concept in glossary {
        let _ = writeln!(
            out,
            "      <{} id=\"{}\">",
            d.entry,
            crate::xml::escape(&concept.id)
        );
        element(
            out,
            8,
            "descrip type=\"subjectField\"",
            concept.domain.label(),
        );
        if !concept.note.is_empty() {
            element(out, 8, "note", &concept.note);
        }
        for lang in [Lang::Fr, Lang::En] {
            let _ = writeln!(out, "        <{} xml:lang=\"{}\">", d.lang_set, lang.code());
            if lang == Lang::En {
                if !concept.definition.is_empty() {
                    element(out, 10, "descrip type=\"definition\"", &concept.definition);
                }
                if !concept.source.is_empty() {
                    element(out, 10, "admin type=\"source\"", &concept.source);
                }
            }
            let terms = concept.terms_of(lang);
            let pos = concept.pos.label();
            write_term(out, d, &terms.preferred, pos, PREFERRED, false);
            for variant in &terms.variants {
                write_term(out, d, variant, pos, ADMITTED, false);
            }
            if let Some(acronym) = &terms.acronym {
                write_term(out, d, acronym, pos, ADMITTED, true);
            }
            if lang == Lang::En {
                for avoid in &concept.en_avoid {
                    write_term(out, d, avoid, pos, DEPRECATED, false);
                }
            }
            let _ = writeln!(out, "        </{}>", d.lang_set);
        }
        let _ = writeln!(out, "      </{}>", d.entry);
    }
    out.push_str("    </body>\n  </text>\n");
}

fn write_term(out: &mut String, d: &Dialect, term: &str, pos: &str, status: &str, acronym: bool) {
    let _ = writeln!(out, "          <{}>", d.term_group);
    element(out, 12, "term", term);
    element(out, 12, "termNote type=\"partOfSpeech\"", pos);
    if acronym {
        element(out, 12, "termNote type=\"termType\"", "acronym");
    }
    element(out, 12, "termNote type=\"administrativeStatus\"", status);
    let _ = writeln!(out, "          </{}>", d.term_group);
}

/// `<tag attrs>text</tag>` on its own indented line; `open` may carry attributes.
fn element(out: &mut String, indent: usize, open: &str, text: &str) {
    let name = open.split(' ').next().unwrap_or(open);
    let _ = writeln!(
        out,
        "{:indent$}<{open}>{}</{name}>",
        "",
        crate::xml::escape(text)
    );
}

/// A term as read from a `tig`/`ntig`/`termSec`.
#[derive(Default)]
struct RawTerm {
    text: Option<String>,
    status: Option<String>,
    term_type: Option<String>,
    pos: Option<String>,
}

/// A concept entry as read, before it is turned into a [`Concept`].
#[derive(Default)]
struct RawEntry {
    id: Option<String>,
    /// Byte offset of the entry's start tag; turned into a line only for an error.
    offset: usize,
    subject: Option<String>,
    definition_en: Option<String>,
    definition_other: Option<String>,
    notes: Vec<String>,
    sources: Vec<String>,
    fr: Vec<RawTerm>,
    en: Vec<RawTerm>,
    saw_fr: bool,
    saw_en: bool,
}

/// Text being collected for an element whose content we keep.
struct Capture {
    element: String,
    kind: Option<String>,
    parent: String,
    text: String,
}

/// Reads TBX 2008 or v3 (element local names; namespaces are not checked).
pub(super) fn parse(text: &str, path: &Path) -> Result<Glossary> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(false);
    let at = |offset: usize, problem: String| {
        let (line, column) = super::line_col(text, offset);
        Error::parse(path, line, column, problem)
    };

    let mut stack: Vec<String> = Vec::new();
    let mut root_checked = false;
    let mut entries: Vec<RawEntry> = Vec::new();
    let mut entry: Option<RawEntry> = None;
    let mut lang: Option<Option<Lang>> = None;
    let mut term: Option<RawTerm> = None;
    let mut capture: Option<Capture> = None;

    loop {
        let offset = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            at(
                reader.error_position() as usize,
                format!("malformed XML: {e}"),
            )
        })?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let is_empty = matches!(event, Event::Empty(_));
                let name = local_name(e);
                if !root_checked {
                    if name != "martif" && name != "tbx" {
                        return Err(at(
                            offset,
                            format!("root element <{name}> is neither <martif> (TBX 2008) nor <tbx> (TBX v3)"),
                        ));
                    }
                    root_checked = true;
                }
                match name.as_str() {
                    "termEntry" | "conceptEntry" => {
                        entry = Some(RawEntry {
                            id: attribute(e, "id").map_err(|p| at(offset, p))?,
                            offset,
                            ..RawEntry::default()
                        });
                    }
                    "langSet" | "langSec" => {
                        let code = attribute(e, "xml:lang")
                            .map_err(|p| at(offset, p))?
                            .ok_or_else(|| at(offset, format!("<{name}> without xml:lang")))?;
                        let side = lang_of(&code);
                        if let Some(entry) = entry.as_mut() {
                            match side {
                                Some(Lang::Fr) => entry.saw_fr = true,
                                Some(Lang::En) => entry.saw_en = true,
                                None => {}
                            }
                        }
                        lang = Some(side);
                    }
                    "tig" | "ntig" | "termSec" => {
                        term = Some(RawTerm::default());
                    }
                    "term" | "termNote" | "descrip" | "note" | "admin" if capture.is_none() => {
                        capture = Some(Capture {
                            element: name.clone(),
                            kind: attribute(e, "type").map_err(|p| at(offset, p))?,
                            parent: stack.last().cloned().unwrap_or_default(),
                            text: String::new(),
                        });
                    }
                    _ => {}
                }
                if is_empty {
                    // An empty element closes at once.
                    close(
                        &name,
                        &mut entry,
                        &mut lang,
                        &mut term,
                        &mut capture,
                        &mut entries,
                    )
                    .map_err(|p| at(offset, p))?;
                } else {
                    stack.push(name);
                }
            }
            Event::End(ref e) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                stack.pop();
                close(
                    &name,
                    &mut entry,
                    &mut lang,
                    &mut term,
                    &mut capture,
                    &mut entries,
                )
                .map_err(|p| at(offset, p))?;
            }
            Event::Text(ref t) => {
                if let Some(capture) = capture.as_mut() {
                    let s = t
                        .unescape()
                        .map_err(|e| at(offset, format!("malformed XML text: {e}")))?;
                    capture.text.push_str(&s);
                }
            }
            Event::CData(ref t) => {
                if let Some(capture) = capture.as_mut() {
                    capture.text.push_str(&String::from_utf8_lossy(t));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    if !root_checked {
        return Err(Error::input(path, "no XML element found"));
    }
    if entries.is_empty() {
        return Err(Error::input(
            path,
            "no termEntry/conceptEntry in the TBX file",
        ));
    }

    let mut taken = HashSet::new();
    let mut concepts = Vec::with_capacity(entries.len());
    for raw in entries {
        let line = |offset: usize| super::line_col(text, offset).0;
        let offset = raw.offset;
        let concept = concept_from(raw, &taken)
            .and_then(Concept::normalize)
            .map_err(|p| Error::parse(path, line(offset), 1, p))?;
        if !taken.insert(concept.id.clone()) {
            return Err(Error::parse(
                path,
                line(offset),
                1,
                format!("duplicate concept id {:?}", concept.id),
            ));
        }
        concepts.push(concept);
    }
    Glossary::from_normalized(concepts).map_err(|p| Error::input(path, p))
}

/// Handles the end of element `name`: stores captured text and finished terms/entries.
fn close(
    name: &str,
    entry: &mut Option<RawEntry>,
    lang: &mut Option<Option<Lang>>,
    term: &mut Option<RawTerm>,
    capture: &mut Option<Capture>,
    entries: &mut Vec<RawEntry>,
) -> std::result::Result<(), String> {
    if capture.as_ref().is_some_and(|c| c.element == name) {
        let c = capture.take().expect("checked above");
        store_capture(c, entry.as_mut(), *lang, term.as_mut());
        return Ok(());
    }
    match name {
        "tig" | "ntig" | "termSec" => {
            let finished = term.take().unwrap_or_default();
            if finished
                .text
                .as_deref()
                .map_or(true, |t| t.trim().is_empty())
            {
                return Err(format!("<{name}> without a <term>"));
            }
            if let (Some(entry), Some(Some(side))) = (entry.as_mut(), *lang) {
                match side {
                    Lang::Fr => entry.fr.push(finished),
                    Lang::En => entry.en.push(finished),
                }
            }
        }
        "langSet" | "langSec" => *lang = None,
        "termEntry" | "conceptEntry" => {
            if let Some(finished) = entry.take() {
                entries.push(finished);
            }
        }
        _ => {}
    }
    Ok(())
}

fn store_capture(
    c: Capture,
    entry: Option<&mut RawEntry>,
    lang: Option<Option<Lang>>,
    term: Option<&mut RawTerm>,
) {
    let kind = c.kind.as_deref().unwrap_or("");
    if let Some(term) = term {
        match (c.element.as_str(), kind) {
            ("term", _) => term.text = Some(c.text),
            ("termNote", "administrativeStatus") => term.status = Some(c.text.trim().to_string()),
            ("termNote", "termType") => term.term_type = Some(c.text.trim().to_string()),
            ("termNote", "partOfSpeech") => term.pos = Some(c.text.trim().to_string()),
            _ => {}
        }
        return;
    }
    let Some(entry) = entry else { return };
    match (c.element.as_str(), kind) {
        ("descrip", "subjectField") if c.parent == "termEntry" || c.parent == "conceptEntry" => {
            entry.subject = Some(c.text.trim().to_string());
        }
        ("descrip", "definition") => {
            let slot = if lang == Some(Some(Lang::En)) {
                &mut entry.definition_en
            } else {
                &mut entry.definition_other
            };
            slot.get_or_insert(c.text);
        }
        ("note", _) => entry.notes.push(c.text),
        ("admin", "source") => entry.sources.push(c.text),
        _ => {}
    }
}

/// Turns a read entry into a concept, sorting terms by status.
fn concept_from(raw: RawEntry, taken: &HashSet<String>) -> std::result::Result<Concept, String> {
    let where_ = raw
        .id
        .as_deref()
        .map_or_else(|| "termEntry".to_string(), |id| format!("termEntry {id:?}"));
    if !raw.saw_fr || raw.fr.is_empty() {
        return Err(format!("{where_} has no French (fr) term"));
    }
    if !raw.saw_en || raw.en.is_empty() {
        return Err(format!("{where_} has no English (en) term"));
    }
    let mut concept = Concept::new("", "", "");
    let pos = raw.fr.iter().chain(&raw.en).find_map(|t| t.pos.clone());
    if let Some(pos) = pos {
        concept.pos = pos.parse().unwrap_or(PartOfSpeech::Other);
    }
    let mut note = raw.notes.join("\n");
    if let Some(subject) = raw.subject {
        match subject.parse() {
            Ok(domain) => concept.domain = domain,
            Err(_) => {
                // A subject field from another glossary is kept, not silently lost.
                let prefix = format!("Subject field: {subject}");
                note = if note.is_empty() {
                    prefix
                } else {
                    format!("{prefix}\n{note}")
                };
            }
        }
    }
    concept.note = note;
    concept.definition = raw
        .definition_en
        .or(raw.definition_other)
        .unwrap_or_default();
    concept.source = raw.sources.join("\n");
    for (side, terms) in [(Lang::Fr, raw.fr), (Lang::En, raw.en)] {
        let mut preferred: Option<String> = None;
        let mut variants = Vec::new();
        let mut acronym: Option<String> = None;
        let mut avoid = Vec::new();
        for t in terms {
            let text = t.text.unwrap_or_default();
            let status = t.status.as_deref().unwrap_or("");
            let is_acronym = t.term_type.as_deref() == Some("acronym");
            if status == DEPRECATED || status == SUPERSEDED {
                // French terms to avoid have no place in the model: English copy is checked.
                if side == Lang::En {
                    avoid.push(text);
                }
            } else if is_acronym && acronym.is_none() && status != PREFERRED {
                acronym = Some(text);
            } else if status == PREFERRED && preferred.is_none() {
                preferred = Some(text);
            } else {
                variants.push(text);
            }
        }
        let preferred = match preferred {
            Some(p) => p,
            None if !variants.is_empty() => variants.remove(0),
            None => acronym.take().unwrap_or_default(),
        };
        let slot = match side {
            Lang::Fr => &mut concept.fr,
            Lang::En => &mut concept.en,
        };
        slot.preferred = preferred;
        slot.variants = variants;
        slot.acronym = acronym;
        if side == Lang::En {
            concept.en_avoid = avoid;
        }
    }
    concept.id = match raw.id {
        Some(id) if !id.trim().is_empty() => id,
        _ => make_id(&concept.fr.preferred, taken),
    };
    Ok(concept)
}

fn local_name(e: &BytesStart<'_>) -> String {
    String::from_utf8_lossy(e.local_name().as_ref()).into_owned()
}

fn attribute(e: &BytesStart<'_>, key: &str) -> std::result::Result<Option<String>, String> {
    for attr in e.attributes() {
        let attr = attr.map_err(|err| format!("malformed attribute: {err}"))?;
        if attr.key.as_ref() == key.as_bytes() {
            let value = attr
                .unescape_value()
                .map_err(|err| format!("malformed attribute {key}: {err}"))?;
            return Ok(Some(value.into_owned()));
        }
    }
    Ok(None)
}

/// The side of a language tag: `fr`, `fr-FR`, `fr_CA` → French; `en-GB` → English.
fn lang_of(code: &str) -> Option<Lang> {
    let primary = code
        .split(['-', '_'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match primary.as_str() {
        "fr" => Some(Lang::Fr),
        "en" => Some(Lang::En),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Glossary {
        let mut c = Concept::new(
            "jnim",
            "Groupe de soutien à l'islam et aux musulmans",
            "JNIM",
        );
        c.fr.acronym = Some("GSIM".into());
        c.en_avoid = vec![
            "GSIM".into(),
            "Group for the Support of Islam & Muslims".into(),
        ];
        c.note = "AFP <English> wrote \"GSIM\" until 2021\n\tsecond line".into();
        c.definition = "Al-Qaeda's Sahel alliance".into();
        Glossary::from_concepts(vec![c]).unwrap()
    }

    #[test]
    fn v2_and_v3_round_trip() {
        let g = sample();
        for text in [write_v2(&g), write_v3(&g)] {
            let back = parse(&text, Path::new("g.tbx")).unwrap();
            assert_eq!(back, g, "{text}");
        }
    }

    #[test]
    fn wrong_root_is_named() {
        let err = parse("<?xml version='1.0'?>\n<tmx/>", Path::new("g.tbx")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "g.tbx:2:1: root element <tmx> is neither <martif> (TBX 2008) nor <tbx> (TBX v3)"
        );
    }

    #[test]
    fn entry_without_english_is_refused_with_its_line() {
        let text = "<martif><text><body>\n<termEntry id=\"a\"><langSet xml:lang=\"fr\"><tig><term>x</term></tig></langSet></termEntry>\n</body></text></martif>";
        let err = parse(text, Path::new("g.tbx")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "g.tbx:2:1: termEntry \"a\" has no English (en) term"
        );
    }

    #[test]
    fn unescaped_ampersand_is_refused() {
        let text = "<martif><text><body><termEntry><langSet xml:lang=\"fr\"><tig><term>R & D</term></tig></langSet></termEntry></body></text></martif>";
        let err = parse(text, Path::new("g.tbx")).unwrap_err();
        assert!(err.to_string().starts_with("g.tbx:1:"), "{err}");
    }
}
