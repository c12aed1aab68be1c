//! Lexicon files: tab-separated, UTF-8, one entry per line, `#` comments and blank lines
//! ignored. The first other line is a header naming the columns, and so the kind of file:
//!
//! | kind  | header                                      | used by                      |
//! |-------|---------------------------------------------|------------------------------|
//! | rules | `id severity french wrong right meaning`    | false friends, calques, omitted qualifiers |
//! | media | `media right wrong`                         | context ("le quotidien X")   |
//! | words | `french english`                            | translated-title detection   |
//! | terms | `id french english avoid note`              | terminology and acronyms     |
//!
//! Pattern columns hold `|`-separated phrases (see `pattern`): `*` ends a stem, a word in
//! capitals only matches an acronym. In `rules`, the id's family prefix (`false-friend.`,
//! `calque.`, `context.`, `omission.`) gives the category; `right` (and `wrong` in
//! `media`, `avoid` in `terms`) may be `-` for none. An `omission.` rule has no `wrong`
//! (`-`): it fires when the French is there and none of its `right` renderings is.
//! A user file given with `--lexicon` is merged over the built-in one: an entry with the
//! same id (or French key) replaces it.

use super::pattern::validate_phrase;
use crate::check::{Category, Severity};
use crate::error::{Error, Result};
use std::path::Path;

pub const RULES_HEADER: &[&str] = &["id", "severity", "french", "wrong", "right", "meaning"];
pub const MEDIA_HEADER: &[&str] = &["media", "right", "wrong"];
pub const WORDS_HEADER: &[&str] = &["french", "english"];
pub const TERMS_HEADER: &[&str] = &["id", "french", "english", "avoid", "note"];

/// A bilingual rule: a French trigger, an English rendering that betrays a mistranslation,
/// and renderings that show the translator got it right.
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub id: String,
    pub category: Category,
    pub severity: Severity,
    pub french: Vec<String>,
    pub wrong: Vec<String>,
    pub right: Vec<String>,
    /// What the French means; the suggestion.
    pub meaning: String,
}

/// A publication noun ("quotidien") with its English renderings as a noun and the
/// renderings of its other sense.
#[derive(Debug, Clone, PartialEq)]
pub struct Media {
    pub french: String,
    pub right: Vec<String>,
    pub wrong: Vec<String>,
}

/// A concept of the terminology: French forms, accepted English forms, forms to avoid.
#[derive(Debug, Clone, PartialEq)]
pub struct TermRule {
    pub id: String,
    pub french: Vec<String>,
    pub english: Vec<String>,
    pub avoid: Vec<String>,
    pub note: String,
}

/// Everything the lexical checks read, merged from the built-in data and user files.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    pub rules: Vec<Rule>,
    pub media: Vec<Media>,
    /// Folded French word → folded English words (title translation detection).
    pub words: Vec<(String, Vec<String>)>,
    pub terms: Vec<TermRule>,
}

impl Lexicon {
    /// Adds the terminology rules of concepts the lexicons do not already cover: a
    /// lexicon entry with a concept's id replaces what the glossary says for checking.
    pub fn add_glossary_terms(&mut self, terms: impl IntoIterator<Item = TermRule>) {
        for term in terms {
            if !self.terms.iter().any(|t| t.id == term.id) {
                self.terms.push(term);
            }
        }
    }

    /// Parses one file and merges it over `self`.
    pub fn merge_text(&mut self, path: &Path, text: &str) -> Result<()> {
        let mut lines = text
            .lines()
            .enumerate()
            .map(|(i, line)| (i + 1, line.trim_end_matches('\r')))
            .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
        let Some((header_line, header)) = lines.next() else {
            return Err(Error::input(path, "lexicon has no header line"));
        };
        let columns: Vec<&str> = header.split('\t').map(str::trim).collect();
        let kinds = [RULES_HEADER, MEDIA_HEADER, WORDS_HEADER, TERMS_HEADER];
        let Some(kind) = kinds.iter().position(|k| *k == columns.as_slice()) else {
            return Err(Error::parse(
                path,
                header_line,
                1,
                format!(
                    "unknown lexicon header {header:?}; expected one of: {}",
                    kinds.map(|k| k.join("<TAB>")).join(" | ")
                ),
            ));
        };
        for (line, content) in lines {
            let fields: Vec<&str> = content.split('\t').map(str::trim).collect();
            if fields.len() != kinds[kind].len() {
                return Err(Error::parse(
                    path,
                    line,
                    1,
                    format!(
                        "expected {} tab-separated fields, found {}",
                        kinds[kind].len(),
                        fields.len()
                    ),
                ));
            }
            let entry = Fields { path, line, fields };
            match kind {
                0 => upsert(&mut self.rules, entry.rule()?, |r| r.id.clone()),
                1 => upsert(&mut self.media, entry.media()?, |m| m.french.clone()),
                2 => upsert(&mut self.words, entry.word()?, |w| w.0.clone()),
                _ => upsert(&mut self.terms, entry.term()?, |t| t.id.clone()),
            }
        }
        Ok(())
    }

    /// Reads a user lexicon file and merges it over `self`.
    pub fn merge_file(&mut self, path: &Path) -> Result<()> {
        let bytes =
            std::fs::read(path).map_err(|e| Error::input(path, format!("cannot read: {e}")))?;
        let text = String::from_utf8(bytes)
            .map_err(|e| Error::input(path, format!("lexicon is not UTF-8: {e}")))?;
        self.merge_text(path, text.trim_start_matches('\u{feff}'))
    }
}

fn upsert<T, K: PartialEq>(entries: &mut Vec<T>, entry: T, key: impl Fn(&T) -> K) {
    let k = key(&entry);
    match entries.iter_mut().find(|e| key(e) == k) {
        Some(old) => *old = entry,
        None => entries.push(entry),
    }
}

struct Fields<'a> {
    path: &'a Path,
    line: usize,
    fields: Vec<&'a str>,
}

impl Fields<'_> {
    fn error(&self, column: usize, problem: impl Into<String>) -> Error {
        Error::parse(self.path, self.line, column + 1, problem)
    }

    fn text(&self, column: usize) -> Result<String> {
        match self.fields[column] {
            "" => Err(self.error(column, "empty field")),
            s => Ok(s.to_string()),
        }
    }

    /// `|`-separated phrases; `-` means none when `optional`.
    fn phrases(&self, column: usize, optional: bool) -> Result<Vec<String>> {
        let field = self.fields[column];
        if optional && (field == "-" || field.is_empty()) {
            return Ok(Vec::new());
        }
        let mut phrases = Vec::new();
        for phrase in field.split('|').map(str::trim) {
            validate_phrase(phrase).map_err(|e| self.error(column, e))?;
            phrases.push(phrase.to_string());
        }
        Ok(phrases)
    }

    fn rule(&self) -> Result<Rule> {
        let id = self.text(0)?;
        let category = match id.split_once('.') {
            Some(("false-friend", _)) => Category::FalseFriend,
            Some(("calque", _)) => Category::Calque,
            Some(("context", _)) => Category::Mistranslation,
            Some(("omission", _)) => Category::Omission,
            _ => {
                return Err(self.error(
                    0,
                    format!(
                    "rule id {id:?} must start with false-friend., calque., context. or omission."
                ),
                ))
            }
        };
        let severity = match self.fields[1] {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            "info" => Severity::Info,
            other => {
                return Err(self.error(
                    1,
                    format!("severity {other:?} is not error, warning or info"),
                ))
            }
        };
        // An omission rule flags the French left without any rendering: it has no wrong
        // one, and needs its right ones.
        let omission = category == Category::Omission;
        let wrong = self.phrases(3, omission)?;
        let right = self.phrases(4, true)?;
        if omission && !wrong.is_empty() {
            return Err(self.error(3, "an omission rule takes no wrong rendering: write -"));
        }
        if omission && right.is_empty() {
            return Err(self.error(4, "an omission rule needs its right renderings"));
        }
        Ok(Rule {
            id,
            category,
            severity,
            french: self.phrases(2, false)?,
            wrong,
            right,
            meaning: self.text(5)?,
        })
    }

    fn media(&self) -> Result<Media> {
        self.phrases(0, false)?;
        Ok(Media {
            french: self.text(0)?,
            right: self.phrases(1, false)?,
            wrong: self.phrases(2, true)?,
        })
    }

    fn word(&self) -> Result<(String, Vec<String>)> {
        self.phrases(0, false)?;
        let english = self.phrases(1, false)?;
        let french = super::folded::fold_str(&self.text(0)?);
        Ok((
            french,
            english.iter().map(|e| super::folded::fold_str(e)).collect(),
        ))
    }

    fn term(&self) -> Result<TermRule> {
        Ok(TermRule {
            id: self.text(0)?,
            french: self.phrases(1, false)?,
            english: self.phrases(2, false)?,
            avoid: self.phrases(3, true)?,
            note: self.fields[4].to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULES: &str = "# comment\nid\tseverity\tfrench\twrong\tright\tmeaning\n\
        false-friend.vindicte\terror\tvindicte\tvindictive*\tcondemnation\tpublic condemnation\n";

    #[test]
    fn a_rules_file_is_read_and_merged_by_id() {
        let mut lex = Lexicon::default();
        lex.merge_text(Path::new("a.tsv"), RULES).unwrap();
        lex.merge_text(
            Path::new("b.tsv"),
            &RULES.replace("\terror\t", "\twarning\t"),
        )
        .unwrap();
        assert_eq!(lex.rules.len(), 1);
        assert_eq!(lex.rules[0].severity, Severity::Warning);
        assert_eq!(lex.rules[0].category, Category::FalseFriend);
    }

    #[test]
    fn an_omission_rule_has_right_renderings_and_no_wrong_one() {
        let mut lex = Lexicon::default();
        let good = format!("{RULES}omission.x\tinfo\tpresume\t-\talleged\talleged\n");
        lex.merge_text(Path::new("o.tsv"), &good).unwrap();
        assert_eq!(lex.rules[1].category, Category::Omission);
        assert!(lex.rules[1].wrong.is_empty());
        for bad in [
            "omission.x\tinfo\tpresume\tsuspect\talleged\talleged\n",
            "omission.x\tinfo\tpresume\t-\t-\talleged\n",
        ] {
            let err = Lexicon::default()
                .merge_text(Path::new("o.tsv"), &format!("{RULES}{bad}"))
                .unwrap_err()
                .to_string();
            assert!(err.starts_with("o.tsv:4:"), "{err}");
        }
        // Any other rule needs its wrong rendering.
        let bad = format!("{RULES}calque.x\terror\tsituer\t-\tlocate\tplace\n");
        assert!(Lexicon::default()
            .merge_text(Path::new("c.tsv"), &bad)
            .is_err());
    }

    #[test]
    fn malformed_lines_are_refused_with_their_place() {
        let mut lex = Lexicon::default();
        let bad = format!("{RULES}calque.x\terror\tsituer\n");
        let err = lex
            .merge_text(Path::new("u.tsv"), &bad)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("u.tsv:4:1:"), "{err}");
        let bad = format!("{RULES}calque.x\tfatal\ta\tb\t-\tc\n");
        let err = lex
            .merge_text(Path::new("u.tsv"), &bad)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("u.tsv:4:2:"), "{err}");
        let err = lex
            .merge_text(Path::new("u.tsv"), "a\tb\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("unknown lexicon header"), "{err}");
    }
}
