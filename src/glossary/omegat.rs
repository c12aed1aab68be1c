//! OmegaT's glossary format: UTF-8, one entry per line, `source<TAB>target<TAB>comment`,
//! no header and no `#` lines (translate-toolkit reads a `#` line as an entry).
//!
//! Three columns cannot hold a concept, so the comment of a concept's first row carries
//! the other fields as `key: value` pairs separated by " | " (definition first, for the
//! translator who reads it in OmegaT's glossary pane):
//!
//! ```text
//! definition: … | note: … | avoid: GSIM; Group for the Support… | id: jnim | domain: armed group | pos: noun | …
//! ```
//!
//! List items are separated by "; ". Inside values `\` `|` `;` and tab, newline, CR are
//! escaped as `\\` `\|` `\;` `\t` `\n` `\r`. Further rows give the French acronym and
//! variants, so that OmegaT also matches them in the source text; their comment is
//! `variant of: ID` and reading skips them. A row whose comment is not in this form (a
//! glossary written by a translator or by OmegaT) becomes a concept of its own, its comment
//! the note; rows sharing a source term become one concept with English variants.

use super::{make_id, Concept, Glossary};
use crate::error::{Error, Result};
use std::collections::{HashMap, HashSet};
use std::path::Path;

const VARIANT_OF: &str = "variant of: ";

/// Keys of the structured comment, in the order they are written.
const KEYS: [&str; 11] = [
    "definition",
    "note",
    "avoid",
    "id",
    "domain",
    "pos",
    "fr acronym",
    "fr variants",
    "en acronym",
    "en variants",
    "source",
];

/// One glossary row as read, with its 1-based line.
struct Row {
    line: usize,
    source: String,
    target: String,
    comment: String,
}

/// Reads an OmegaT tab-separated glossary.
pub(super) fn parse(text: &str, path: &Path) -> Result<Glossary> {
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cells = line.split('\t');
        let source = cells.next().unwrap_or("").trim().to_string();
        let Some(target) = cells.next() else {
            return Err(Error::parse(
                path,
                line_no,
                1,
                "no tab: an OmegaT glossary row is source<TAB>target<TAB>comment",
            ));
        };
        let comment = cells.next().unwrap_or("").to_string();
        rows.push(Row {
            line: line_no,
            source,
            target: target.trim().to_string(),
            comment,
        });
    }
    concepts_from_rows(rows, path)
}

/// Reads a comma-separated glossary in OmegaT's layout (source, target, comment).
pub(super) fn parse_csv(text: &str, path: &Path) -> Result<Glossary> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            let line = e.position().map_or(0, |p| p.line() as usize);
            Error::parse(path, line, 1, e.to_string())
        })?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() < 2 {
            return Err(Error::parse(
                path,
                line,
                1,
                "one column: a CSV glossary row is source,target,comment separated by commas",
            ));
        }
        rows.push(Row {
            line,
            source: record[0].trim().to_string(),
            target: record[1].trim().to_string(),
            comment: record.get(2).unwrap_or("").to_string(),
        });
    }
    concepts_from_rows(rows, path)
}

fn concepts_from_rows(rows: Vec<Row>, path: &Path) -> Result<Glossary> {
    if rows.is_empty() {
        return Err(Error::input(path, "no glossary rows"));
    }
    let mut concepts: Vec<Concept> = Vec::new();
    let mut taken: HashSet<String> = HashSet::new();
    let mut plain_by_source: HashMap<String, usize> = HashMap::new();
    let mut variant_rows = Vec::new();
    for row in rows {
        let at = |problem: String| Error::parse(path, row.line, 1, problem);
        if row.source.is_empty() || row.target.is_empty() {
            return Err(at("empty source or target term".into()));
        }
        if let Some(id) = row.comment.trim().strip_prefix(VARIANT_OF) {
            variant_rows.push((row.line, id.trim().to_string()));
            continue;
        }
        let concept = match parse_comment(&row.comment).map_err(&at)? {
            Some(fields) => {
                let mut concept = Concept::new("", row.source, row.target);
                apply_fields(&mut concept, fields).map_err(&at)?;
                concept
            }
            None => {
                let key = super::compact_key(&row.source);
                if let Some(&i) = plain_by_source.get(&key) {
                    let existing: &mut Concept = &mut concepts[i];
                    if existing.en.preferred != row.target
                        && !existing.en.variants.contains(&row.target)
                    {
                        existing.en.variants.push(row.target);
                    }
                    continue;
                }
                let mut concept =
                    Concept::new(make_id(&row.source, &taken), row.source, row.target);
                concept.note = row.comment;
                plain_by_source.insert(key, concepts.len());
                concept
            }
        };
        let concept = concept.normalize().map_err(&at)?;
        if !taken.insert(concept.id.clone()) {
            return Err(at(format!("duplicate concept id {:?}", concept.id)));
        }
        concepts.push(concept);
    }
    if let Some((line, id)) = variant_rows.iter().find(|(_, id)| !taken.contains(id)) {
        return Err(Error::parse(
            path,
            *line,
            1,
            format!("\"variant of: {id}\" names no concept of this file"),
        ));
    }
    Glossary::from_normalized(concepts).map_err(|problem| Error::input(path, problem))
}

/// The `key: value` fields of a structured comment, or `None` for a plain comment
/// (anything without an `id` field, or with a part that is not a known key).
fn parse_comment(
    comment: &str,
) -> std::result::Result<Option<Vec<(&'static str, String)>>, String> {
    let mut fields = Vec::new();
    for part in split_unescaped(comment, '|') {
        let part = part.trim();
        let Some((key, value)) = part
            .split_once(": ")
            .or_else(|| part.strip_suffix(':').map(|k| (k, "")))
        else {
            return Ok(None);
        };
        let Some(&key) = KEYS.iter().find(|k| **k == key) else {
            return Ok(None);
        };
        fields.push((key, value.to_string()));
    }
    if fields.iter().any(|(k, _)| *k == "id") {
        Ok(Some(fields))
    } else {
        Ok(None)
    }
}

fn apply_fields(
    concept: &mut Concept,
    fields: Vec<(&'static str, String)>,
) -> std::result::Result<(), String> {
    for (key, value) in fields {
        let list = || -> std::result::Result<Vec<String>, String> {
            split_unescaped(&value, ';')
                .iter()
                .map(|item| unescape(item.trim()))
                .collect()
        };
        match key {
            "definition" => concept.definition = unescape(&value)?,
            "note" => concept.note = unescape(&value)?,
            "source" => concept.source = unescape(&value)?,
            "avoid" => concept.en_avoid = list()?,
            "id" => concept.id = unescape(&value)?,
            "domain" => concept.domain = value.parse()?,
            "pos" => concept.pos = value.parse()?,
            "fr acronym" => concept.fr.acronym = Some(unescape(&value)?),
            "fr variants" => concept.fr.variants = list()?,
            "en acronym" => concept.en.acronym = Some(unescape(&value)?),
            "en variants" => concept.en.variants = list()?,
            _ => unreachable!("keys come from KEYS"),
        }
    }
    Ok(())
}

/// Splits on `sep` where it is not preceded by an escaping backslash; escapes are kept.
fn split_unescaped(text: &str, sep: char) -> Vec<String> {
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            current.push(c);
            if let Some(next) = chars.next() {
                current.push(next);
            }
        } else if c == sep {
            parts.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    parts.push(current);
    parts
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '|' => out.push_str("\\|"),
            ';' => out.push_str("\\;"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

fn unescape(text: &str) -> std::result::Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some(e @ ('\\' | '|' | ';')) => out.push(e),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some(other) => return Err(format!("unknown escape \\{other} in the comment")),
            None => return Err("dangling backslash at the end of the comment".into()),
        }
    }
    Ok(out)
}

/// The structured comment of a concept's first row.
fn comment(concept: &Concept) -> String {
    let list = |items: &[String]| {
        items
            .iter()
            .map(|i| escape(i))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut parts: Vec<String> = Vec::new();
    let mut push = |key: &str, value: String| {
        if !value.is_empty() {
            parts.push(format!("{key}: {value}"));
        }
    };
    push("definition", escape(&concept.definition));
    push("note", escape(&concept.note));
    push("avoid", list(&concept.en_avoid));
    push("id", escape(&concept.id));
    push("domain", concept.domain.label().to_string());
    push("pos", concept.pos.label().to_string());
    push(
        "fr acronym",
        concept
            .fr
            .acronym
            .as_deref()
            .map(escape)
            .unwrap_or_default(),
    );
    push("fr variants", list(&concept.fr.variants));
    push(
        "en acronym",
        concept
            .en
            .acronym
            .as_deref()
            .map(escape)
            .unwrap_or_default(),
    );
    push("en variants", list(&concept.en.variants));
    push("source", escape(&concept.source));
    parts.join(" | ")
}

/// Writes the glossary in OmegaT's tab-separated format.
pub(super) fn write(glossary: &Glossary) -> String {
    let mut out = String::new();
    for concept in glossary {
        let row = |out: &mut String, source: &str, target: &str, comment: &str| {
            out.push_str(source);
            out.push('\t');
            out.push_str(target);
            out.push('\t');
            out.push_str(comment);
            out.push('\n');
        };
        row(
            &mut out,
            &concept.fr.preferred,
            &concept.en.preferred,
            &comment(concept),
        );
        let variant_comment = format!("{VARIANT_OF}{}", concept.id);
        let mut written: HashSet<&str> = HashSet::from([concept.fr.preferred.as_str()]);
        if let Some(acronym) = &concept.fr.acronym {
            let target = concept.en.acronym.as_ref().unwrap_or(&concept.en.preferred);
            if written.insert(acronym) {
                row(&mut out, acronym, target, &variant_comment);
            }
        }
        for variant in &concept.fr.variants {
            if written.insert(variant) {
                row(&mut out, variant, &concept.en.preferred, &variant_comment);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_rows_become_concepts_and_repeated_sources_merge() {
        let g = parse(
            "FAMa\tMalian army\tarmy of Mali\nFAMa\tMalian armed forces\t\nEIGS\tISGS\n",
            Path::new("g.txt"),
        )
        .unwrap();
        assert_eq!(g.len(), 2);
        let fama = &g.concepts()[0];
        assert_eq!(fama.en.variants, ["Malian armed forces"]);
        assert_eq!(fama.note, "army of Mali");
    }

    #[test]
    fn a_row_without_tab_is_refused_with_its_line() {
        let err = parse("a\tb\n\nno tab here\n", Path::new("g.txt")).unwrap_err();
        assert!(err.to_string().starts_with("g.txt:3:1: no tab"), "{err}");
    }

    #[test]
    fn hash_lines_are_skipped_like_omegat_does() {
        let g = parse("# comment\nMali\tMali\n", Path::new("g.txt")).unwrap();
        assert_eq!(g.len(), 1);
    }

    #[test]
    fn semicolon_csv_is_refused() {
        let err = parse_csv("a;b;c\n", Path::new("g.csv")).unwrap_err();
        assert!(err.to_string().contains("one column"), "{err}");
    }
}
