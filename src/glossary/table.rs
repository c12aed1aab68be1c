//! The wide table: one concept per row, every field in a named column. Tab-separated it is
//! the format of the built-in data (`sahel.tsv`); comma-separated it is the CSV export,
//! with French, English and the definition first so that OmegaT's CSV reader (source,
//! target, comment) shows something useful.
//!
//! List cells (variants, renderings to avoid) join their items with " | "; a literal `|`
//! or `\` inside an item is escaped with a backslash. In the tab-separated table, which
//! has no quoting, text cells escape tab, newline and backslash as `\t`, `\n`, `\\`.

use super::lookup::Matcher;
use super::oneshot::Slots;
use super::{omegat, Concept, Glossary, Terms};
use crate::error::{Error, Result};
use std::collections::HashSet;
use std::path::Path;
use std::rc::Rc;

/// Column order of the tab-separated table (built-in data): id and classification first.
const TABLE_COLUMNS: [Column; 13] = [
    Column::Id,
    Column::Domain,
    Column::Pos,
    Column::Fr,
    Column::FrAcronym,
    Column::FrVariants,
    Column::En,
    Column::EnAcronym,
    Column::EnVariants,
    Column::EnAvoid,
    Column::Definition,
    Column::Note,
    Column::Source,
];

/// Column order of the CSV export: source, target and a comment first, as OmegaT reads.
const CSV_COLUMNS: [Column; 13] = [
    Column::Fr,
    Column::En,
    Column::Definition,
    Column::Id,
    Column::Domain,
    Column::Pos,
    Column::FrAcronym,
    Column::FrVariants,
    Column::EnAcronym,
    Column::EnVariants,
    Column::EnAvoid,
    Column::Note,
    Column::Source,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Column {
    Id,
    Domain,
    Pos,
    Fr,
    FrAcronym,
    FrVariants,
    En,
    EnAcronym,
    EnVariants,
    EnAvoid,
    Definition,
    Note,
    Source,
}

impl Column {
    fn name(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Domain => "domain",
            Column::Pos => "pos",
            Column::Fr => "fr",
            Column::FrAcronym => "fr_acronym",
            Column::FrVariants => "fr_variants",
            Column::En => "en",
            Column::EnAcronym => "en_acronym",
            Column::EnVariants => "en_variants",
            Column::EnAvoid => "en_avoid",
            Column::Definition => "definition",
            Column::Note => "note",
            Column::Source => "source",
        }
    }

    fn from_name(name: &str) -> Option<Column> {
        let name = name.trim().to_lowercase().replace([' ', '-'], "_");
        TABLE_COLUMNS.into_iter().find(|c| c.name() == name)
    }
}

/// True when a first row names our columns (at least `fr` and `en`).
pub(super) fn is_header<'a>(cells: impl Iterator<Item = &'a str>) -> bool {
    let names: HashSet<Column> = cells.filter_map(Column::from_name).collect();
    names.contains(&Column::Fr) && names.contains(&Column::En)
}

/// Reads a CSV glossary: our wide table when the first row is our header, otherwise
/// OmegaT-style rows (source, target, comment).
pub(super) fn parse_csv(text: &str, path: &Path) -> Result<Glossary> {
    let first = text.lines().next().unwrap_or("");
    let first_cells = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(first.as_bytes())
        .records()
        .next()
        .and_then(|r| r.ok());
    match first_cells {
        Some(cells) if is_header(cells.iter()) => parse(text, path, b','),
        _ => omegat::parse_csv(text, path),
    }
}

/// Reads the wide table with the given delimiter (tab: no quoting, escaped text cells).
pub(super) fn parse(text: &str, path: &Path, delimiter: u8) -> Result<Glossary> {
    let tabbed = delimiter == b'\t';
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .quoting(!tabbed)
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| csv_error(path, &e))?.clone();
    let columns = columns_of(headers.iter(), path)?;

    let mut concepts = Vec::new();
    let mut taken: HashSet<String> = HashSet::new();
    for record in reader.records() {
        let record = record.map_err(|e| csv_error(path, &e))?;
        let line = record.position().map_or(0, |p| p.line() as usize);
        let concept = concept_from_row(&columns, record.iter(), tabbed, |id| taken.contains(id))
            .map_err(|problem| Error::parse(path, line, 1, problem))?;
        if !taken.insert(concept.id.clone()) {
            return Err(Error::parse(
                path,
                line,
                1,
                format!("duplicate concept id {:?}", concept.id),
            ));
        }
        concepts.push(concept);
    }
    if concepts.is_empty() {
        return Err(Error::input(path, "the glossary has a header but no rows"));
    }
    Glossary::from_normalized(concepts).map_err(|problem| Error::input(path, problem))
}

/// The columns named by a header row; an unknown or repeated name, or a missing `fr` or
/// `en` column, is refused with its position.
fn columns_of<'a>(names: impl Iterator<Item = &'a str>, path: &Path) -> Result<Vec<Column>> {
    let mut columns = Vec::new();
    for (i, name) in names.enumerate() {
        let column = Column::from_name(name).ok_or_else(|| {
            Error::parse(
                path,
                1,
                i + 1,
                format!("unknown column {name:?} in the header"),
            )
        })?;
        if columns.contains(&column) {
            return Err(Error::parse(
                path,
                1,
                i + 1,
                format!("column {name:?} appears twice"),
            ));
        }
        columns.push(column);
    }
    for required in [Column::Fr, Column::En] {
        if !columns.contains(&required) {
            return Err(Error::parse(
                path,
                1,
                1,
                format!("the header has no {:?} column", required.name()),
            ));
        }
    }
    Ok(columns)
}

/// One row as a normalised concept; a row without an id gets one made from its French
/// term, unique among the ids `is_taken` knows.
fn concept_from_row<'a>(
    columns: &[Column],
    cells: impl Iterator<Item = &'a str>,
    tabbed: bool,
    is_taken: impl Fn(&str) -> bool,
) -> std::result::Result<Concept, String> {
    let mut concept = Concept::new("", "", "");
    for (&column, cell) in columns.iter().zip(cells) {
        set_cell(&mut concept, column, cell, tabbed)?;
    }
    if concept.id.trim().is_empty() {
        concept.id = super::make_id_in(&concept.fr.preferred, is_taken);
    }
    concept.normalize()
}

fn set_cell(
    concept: &mut Concept,
    column: Column,
    cell: &str,
    tabbed: bool,
) -> std::result::Result<(), String> {
    let text = || {
        if tabbed {
            unescape_text(cell)
        } else {
            Ok(cell.to_string())
        }
    };
    let list = || split_list(cell);
    let optional = |s: String| Some(s).filter(|s| !s.trim().is_empty());
    match column {
        Column::Id => concept.id = text()?,
        Column::Domain => {
            if !cell.trim().is_empty() {
                concept.domain = cell.parse()?;
            }
        }
        Column::Pos => {
            if !cell.trim().is_empty() {
                concept.pos = cell.parse()?;
            }
        }
        Column::Fr => concept.fr.preferred = text()?,
        Column::FrAcronym => concept.fr.acronym = optional(text()?),
        Column::FrVariants => concept.fr.variants = list()?,
        Column::En => concept.en.preferred = text()?,
        Column::EnAcronym => concept.en.acronym = optional(text()?),
        Column::EnVariants => concept.en.variants = list()?,
        Column::EnAvoid => concept.en_avoid = list()?,
        Column::Definition => concept.definition = text()?,
        Column::Note => concept.note = text()?,
        Column::Source => concept.source = text()?,
    }
    Ok(())
}

/// Writes the wide table: tab-separated (our table) or comma-separated (CSV export).
pub(super) fn write(glossary: &Glossary, delimiter: u8) -> String {
    let tabbed = delimiter == b'\t';
    let columns: &[Column] = if tabbed { &TABLE_COLUMNS } else { &CSV_COLUMNS };
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .quote_style(if tabbed {
            csv::QuoteStyle::Never
        } else {
            csv::QuoteStyle::Necessary
        })
        .from_writer(Vec::new());
    let header: Vec<&str> = columns.iter().map(|c| c.name()).collect();
    writer.write_record(&header).expect("writing to memory");
    for concept in glossary {
        let row: Vec<String> = columns.iter().map(|&c| cell(concept, c, tabbed)).collect();
        writer.write_record(&row).expect("writing to memory");
    }
    let bytes = writer.into_inner().expect("writing to memory");
    String::from_utf8(bytes).expect("cells are UTF-8")
}

/// One concept as a row of our table, as [`write`] writes it, without the line end.
pub(super) fn push_row(concept: &Concept, out: &mut String) {
    for (i, &column) in TABLE_COLUMNS.iter().enumerate() {
        if i > 0 {
            out.push('\t');
        }
        out.push_str(&cell(concept, column, true));
    }
}

/// Reads back a row written by [`push_row`] (which always has an id).
pub(super) fn concept_from_row_of_ours(line: &str) -> std::result::Result<Concept, String> {
    if split_on(line, b'\t').count() != TABLE_COLUMNS.len() {
        return Err("a row of the wrong width".to_string());
    }
    concept_from_row(&TABLE_COLUMNS, split_on(line, b'\t'), true, |_| false)
}

fn cell(concept: &Concept, column: Column, tabbed: bool) -> String {
    let text = |s: &str| {
        if tabbed {
            escape_text(s)
        } else {
            s.to_string()
        }
    };
    let acronym = |t: &Terms| text(t.acronym.as_deref().unwrap_or(""));
    match column {
        Column::Id => text(&concept.id),
        Column::Domain => concept.domain.label().to_string(),
        Column::Pos => concept.pos.label().to_string(),
        Column::Fr => text(&concept.fr.preferred),
        Column::FrAcronym => acronym(&concept.fr),
        Column::FrVariants => join_list(&concept.fr.variants),
        Column::En => text(&concept.en.preferred),
        Column::EnAcronym => acronym(&concept.en),
        Column::EnVariants => join_list(&concept.en.variants),
        Column::EnAvoid => join_list(&concept.en_avoid),
        Column::Definition => text(&concept.definition),
        Column::Note => text(&concept.note),
        Column::Source => text(&concept.source),
    }
}

/// Reads the tab-separated table for one lookup, line by line (the caller may feed a
/// large file in chunks): every row is checked, but only the term cells are looked at
/// closely, and only rows with a term that the matcher accepts become concepts; the
/// others are kept as their id and French key, which is all that merging over the
/// built-in glossary needs.
///
/// `None` from any step means "not sure": the table has something this reader leaves to
/// the full one (escapes in an id or a term, control characters, CR line ends, empty
/// lines, a bad row). The caller then runs [`parse`], which either reads the file or names
/// the problem with its line, so that both readers accept exactly the same files.
pub(super) struct QueryScan<'m, 'q> {
    matcher: &'m mut Matcher<'q>,
    /// Empty until the header has been read.
    columns: Vec<Column>,
    slots: Slots,
    /// The French key of the row being read.
    french: String,
    /// Ids of the rows read so far (foldhash: SipHash's resistance to chosen keys is not
    /// needed for the ids of a file the user chose, and costs more than the rest).
    taken: foldhash::HashSet<Rc<str>>,
    /// Domain and part-of-speech labels already checked.
    good_labels: Vec<String>,
}

impl<'m, 'q> QueryScan<'m, 'q> {
    pub(super) fn new(matcher: &'m mut Matcher<'q>) -> Self {
        QueryScan {
            matcher,
            columns: Vec::new(),
            slots: Slots::default(),
            french: String::new(),
            taken: foldhash::HashSet::default(),
            good_labels: Vec::new(),
        }
    }

    /// Makes room for `rows` more rows.
    pub(super) fn reserve(&mut self, rows: usize) {
        self.slots.reserve(rows, 0);
        self.taken.reserve(rows);
    }

    /// Reads whole lines (each ending in '\n', except the last line of the file).
    pub(super) fn lines(&mut self, text: &str) -> Option<()> {
        if !plain_text(text) {
            return None;
        }
        // Most tables have no backslash at all: then no cell needs a closer look.
        let may_escape = memchr::memchr(b'\\', text.as_bytes()).is_some();
        for line in split_on(text, b'\n') {
            if self.columns.is_empty() {
                self.columns = columns_of(line.split('\t'), Path::new("")).ok()?;
            } else {
                self.row(line, may_escape)?;
            }
        }
        Some(())
    }

    /// The slots of every row, in order; `None` when the table has no row.
    pub(super) fn finish(self) -> Option<Slots> {
        (!self.slots.is_empty()).then_some(self.slots)
    }

    fn row(&mut self, line: &str, may_escape: bool) -> Option<()> {
        if line.is_empty() {
            return None;
        }
        let columns = &self.columns;
        let mut cells = split_on(line, b'\t');
        let mut id = "";
        let mut has_french = false;
        let mut french_cell = "";
        let mut met = false;
        for &column in columns {
            let cell = cells.next()?;
            match column {
                Column::Id => {
                    if may_escape && cell.contains('\\') {
                        return None;
                    }
                    id = cell.trim();
                }
                Column::Domain | Column::Pos => {
                    let cell = cell.trim();
                    if !cell.is_empty() && !self.good_labels.iter().any(|l| l == cell) {
                        let ok = match column {
                            Column::Domain => cell.parse::<super::Domain>().is_ok(),
                            _ => cell.parse::<super::PartOfSpeech>().is_ok(),
                        };
                        if !ok {
                            return None;
                        }
                        self.good_labels.push(cell.to_string());
                    }
                }
                Column::Fr | Column::En | Column::FrAcronym | Column::EnAcronym => {
                    let term = plain_term(cell, may_escape)?;
                    let preferred = matches!(column, Column::Fr | Column::En);
                    if preferred && term.is_empty() {
                        return None;
                    }
                    if column == Column::Fr {
                        // The French key is needed for merging whether or not the term is met.
                        let (met_french, key) = self.matcher.meets_keyed(term);
                        met |= met_french;
                        self.french.clear();
                        self.french.push_str(key);
                        has_french = true;
                        french_cell = cell;
                    } else if !met && !term.is_empty() {
                        met = self.matcher.meets(term);
                    }
                }
                Column::FrVariants | Column::EnVariants | Column::EnAvoid => {
                    for item in split_on(cell, b'|') {
                        let item = plain_term(item, may_escape)?;
                        if !met && !item.is_empty() {
                            met = self.matcher.meets(item);
                        }
                    }
                }
                Column::Definition | Column::Note | Column::Source => {
                    if may_escape && cell.contains('\\') {
                        let text = unescape_text(cell).ok()?;
                        if text
                            .chars()
                            .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
                        {
                            return None;
                        }
                    }
                }
            }
        }
        if cells.next().is_some() {
            return None;
        }
        let id: Rc<str> = if id.is_empty() {
            super::make_id_in(french_cell, |id| self.taken.contains(id)).into()
        } else {
            id.into()
        };
        let concept = if met {
            let taken = &self.taken;
            let concept = concept_from_row(columns, split_on(line, b'\t'), true, |id| {
                taken.contains(id)
            })
            .ok()?;
            debug_assert_eq!(concept.id, *id);
            Some(Box::new(concept))
        } else {
            super::check_id(&id).ok()?;
            None
        };
        if !self.taken.insert(id.clone()) {
            return None;
        }
        if !has_french {
            return None;
        }
        self.slots.push(&id, &self.french, concept);
        Some(())
    }
}

/// A term cell or list item that the full reader would take as it is, trimmed: no
/// escape (there is none when `may_escape` is false), and not starting with '#'. Empty
/// items are fine (lists drop them).
fn plain_term(cell: &str, may_escape: bool) -> Option<&str> {
    let term = trim(cell);
    let escaped = may_escape && cell.contains('\\');
    (!escaped && !term.starts_with('#')).then_some(term)
}

/// `str::trim`, with a quick way out for the usual cell: spaces around ASCII text.
fn trim(cell: &str) -> &str {
    let bytes = cell.as_bytes();
    let start = bytes.iter().position(|&b| b != b' ').unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|&b| b != b' ')
        .map_or(start, |last| last + 1);
    // Both ends sit next to an ASCII byte (or the cell's ends), so on char boundaries.
    let trimmed = &cell[start..end];
    match (trimmed.as_bytes().first(), trimmed.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => trimmed,
        _ => trimmed.trim(),
    }
}

/// True when `text` has no control character but tab and LF, and no character XML
/// cannot carry: then no cell read without unescaping can hold one.
fn plain_text(text: &str) -> bool {
    let bytes = text.as_bytes();
    // The lead bytes of C1 controls (0xC2) and of U+FFFE/U+FFFF (0xEF) call for a closer
    // look; most glossaries have neither, and this first test runs at memory speed (a
    // branch-free test over blocks, which the compiler vectorises).
    let maybe =
        |b: u8| (b < 0x20 && b != b'\t' && b != b'\n') || b == 0x7f || b == 0xc2 || b == 0xef;
    let suspect = bytes
        .chunks(64)
        .any(|block| block.iter().fold(false, |seen, &b| seen | maybe(b)));
    if !suspect {
        return true;
    }
    bytes.iter().enumerate().all(|(i, &b)| match b {
        b'\t' | b'\n' => true,
        0..=0x1f | 0x7f => false,
        0xc2 => !matches!(bytes.get(i + 1), Some(0x80..=0x9f)),
        0xef => !(bytes.get(i + 1) == Some(&0xbf) && matches!(bytes.get(i + 2), Some(0xbe | 0xbf))),
        _ => true,
    })
}

/// `text` split on an ASCII byte, as `str::split_terminator` splits it (no empty piece
/// after a final separator) when `byte` is '\n', and as `str::split` otherwise; with
/// memchr's vectorised search, since a 10,000-concept table has some 200,000 cells.
fn split_on(text: &str, byte: u8) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut separators = memchr::memchr_iter(byte, text.as_bytes());
    let keep_last_empty = byte != b'\n';
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        match separators.next() {
            Some(end) => {
                let piece = &text[start..end];
                start = end + 1;
                Some(piece)
            }
            None => {
                done = true;
                (keep_last_empty || start < text.len()).then(|| &text[start..])
            }
        }
    })
}

fn csv_error(path: &Path, error: &csv::Error) -> Error {
    let line = error.position().map_or(0, |p| p.line() as usize);
    let problem = match error.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("{len} columns where the header has {expected_len}"),
        _ => error.to_string(),
    };
    Error::parse(path, line, 1, problem)
}

/// Escapes backslash, tab, newline and CR so that a text fits one tab-separated cell.
pub(super) fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// Undoes [`escape_text`]; an unknown escape is refused rather than guessed.
pub(super) fn unescape_text(text: &str) -> std::result::Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\\') => out.push('\\'),
            Some('t') => out.push('\t'),
            Some('n') => out.push('\n'),
            Some('r') => out.push('\r'),
            Some('|') => out.push('|'),
            Some(other) => return Err(format!("unknown escape \\{other} in {text:?}")),
            None => return Err(format!("dangling backslash at the end of {text:?}")),
        }
    }
    Ok(out)
}

/// Joins list items with " | ", escaping `\` and `|` inside items.
pub(super) fn join_list(items: &[String]) -> String {
    items
        .iter()
        .map(|item| item.replace('\\', "\\\\").replace('|', "\\|"))
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Splits a list cell on unescaped `|`, trimming items and dropping empty ones.
pub(super) fn split_list(cell: &str) -> std::result::Result<Vec<String>, String> {
    let mut items = Vec::new();
    let mut current = String::new();
    let mut chars = cell.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some(escaped @ ('\\' | '|')) => current.push(escaped),
                Some(other) => return Err(format!("unknown escape \\{other} in {cell:?}")),
                None => return Err(format!("dangling backslash at the end of {cell:?}")),
            },
            '|' => items.push(std::mem::take(&mut current)),
            c => current.push(c),
        }
    }
    items.push(current);
    Ok(items
        .into_iter()
        .map(|item| item.trim().to_string())
        .filter(|item| !item.is_empty())
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_trims_as_str_does() {
        for cell in [
            "",
            " ",
            "a",
            " a b ",
            "\u{a0}é\u{2009}",
            " \u{3000}x",
            "x\u{85}",
            "\t a\n",
        ] {
            assert_eq!(trim(cell), cell.trim(), "{cell:?}");
        }
    }

    #[test]
    fn split_on_splits_as_str_does() {
        for text in [
            "",
            "a",
            "a\tb",
            "\t",
            "a\t\tb\t",
            "é\tç|x\n",
            "a\nb\n",
            "a\n\nb",
            "\n",
        ] {
            for byte in [b'\t', b'|', b'\n'] {
                let expected: Vec<&str> = if byte == b'\n' {
                    text.split_terminator('\n').collect()
                } else {
                    text.split(char::from(byte)).collect()
                };
                assert_eq!(
                    split_on(text, byte).collect::<Vec<_>>(),
                    expected,
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn lists_escape_their_separator() {
        let items = vec!["a|b".to_string(), "c\\d".to_string(), "e".to_string()];
        let cell = join_list(&items);
        assert_eq!(cell, "a\\|b | c\\\\d | e");
        assert_eq!(split_list(&cell).unwrap(), items);
        assert!(split_list("a\\x").is_err());
    }

    #[test]
    fn text_escapes_round_trip() {
        let text = "tab\there\nnew \\ line";
        assert_eq!(unescape_text(&escape_text(text)).unwrap(), text);
        assert!(!escape_text(text).contains('\t'));
    }

    #[test]
    fn unknown_column_is_refused_with_its_position() {
        let err = parse("fr\ten\tcolour\nа\tb\tc\n", Path::new("g.tsv"), b'\t').unwrap_err();
        assert_eq!(
            err.to_string(),
            "g.tsv:1:3: unknown column \"colour\" in the header"
        );
    }

    #[test]
    fn short_row_is_refused_with_its_line() {
        let err = parse("fr\ten\nMali\tMali\nNiger\n", Path::new("g.tsv"), b'\t').unwrap_err();
        assert!(err.to_string().starts_with("g.tsv:3:"), "{err}");
    }
}
