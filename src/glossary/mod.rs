//! The Sahel security glossary: concept model, built-in data, lookup, TBX/CSV/TSV I/O.
//!
//! A [`Glossary`] is a list of [`Concept`]s. Each concept pairs French and English
//! [`Terms`] (a preferred term, accepted variants, an acronym) with the English
//! renderings that wire copy should avoid, a part of speech, a [`Domain`], a definition,
//! a note and where the English usage was seen.
//!
//! The built-in glossary (`sahel.tsv`, next to this file) is embedded in the binary;
//! user files (TBX 2008, TBX v3, OmegaT TSV, CSV, or our own wide TSV) are merged over it
//! with [`Glossary::with_user_files`]: a user concept replaces a built-in one with the same
//! id or the same French preferred term.

mod cache;
mod cache_index;
mod fold;
#[cfg(test)]
mod generated;
mod lookup;
mod omegat;
mod oneshot;
mod table;
mod tbx;

pub use cache::LookupCache;
pub use fold::{compact_key, spaced_key};
pub use lookup::{Hit, Index, MatchKind};

use crate::error::{Error, Result};
use serde::Serialize;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The built-in Sahel security glossary, one concept per row.
const BUILTIN_TSV: &str = include_str!("sahel.tsv");

/// Where a concept belongs on the security beat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Domain {
    ArmedGroup,
    StateBody,
    InternationalBody,
    Operation,
    Place,
    Title,
    General,
}

impl Domain {
    pub const ALL: [Domain; 7] = [
        Domain::ArmedGroup,
        Domain::StateBody,
        Domain::InternationalBody,
        Domain::Operation,
        Domain::Place,
        Domain::Title,
        Domain::General,
    ];

    /// The label used in files (TBX subjectField, TSV and CSV columns).
    pub fn label(self) -> &'static str {
        match self {
            Domain::ArmedGroup => "armed group",
            Domain::StateBody => "state body",
            Domain::InternationalBody => "international body",
            Domain::Operation => "operation",
            Domain::Place => "place",
            Domain::Title => "title",
            Domain::General => "general",
        }
    }
}

impl fmt::Display for Domain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl FromStr for Domain {
    type Err = String;

    /// Accepts the label in any case, with spaces, hyphens or underscores ("armed-group").
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        let wanted = s.trim().to_lowercase().replace(['-', '_'], " ");
        Domain::ALL
            .into_iter()
            .find(|d| d.label() == wanted)
            .ok_or_else(|| {
                let labels: Vec<_> = Domain::ALL.iter().map(|d| d.label()).collect();
                format!(
                    "unknown domain {s:?} (expected one of: {})",
                    labels.join(", ")
                )
            })
    }
}

/// Part of speech, with the values TBX-Basic allows in both TBX 2008 and TBX v3. TBX v3
/// has no `properNoun`, so names (JNIM, Barkhane) are nouns; reading maps `properNoun`
/// to [`PartOfSpeech::Noun`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum PartOfSpeech {
    Noun,
    Adjective,
    Verb,
    Adverb,
    Other,
}

impl PartOfSpeech {
    pub const ALL: [PartOfSpeech; 5] = [
        PartOfSpeech::Noun,
        PartOfSpeech::Adjective,
        PartOfSpeech::Verb,
        PartOfSpeech::Adverb,
        PartOfSpeech::Other,
    ];

    /// The TBX-Basic value (`noun`, `adjective`, …).
    pub fn label(self) -> &'static str {
        match self {
            PartOfSpeech::Noun => "noun",
            PartOfSpeech::Adjective => "adjective",
            PartOfSpeech::Verb => "verb",
            PartOfSpeech::Adverb => "adverb",
            PartOfSpeech::Other => "other",
        }
    }
}

impl fmt::Display for PartOfSpeech {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

impl FromStr for PartOfSpeech {
    type Err = String;

    /// Accepts the TBX value in any case; TBX 2008's `properNoun` is a noun.
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        let wanted: String = s
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '_'))
            .collect::<String>()
            .to_lowercase();
        if wanted == "propernoun" {
            return Ok(PartOfSpeech::Noun);
        }
        PartOfSpeech::ALL
            .into_iter()
            .find(|p| p.label().to_lowercase() == wanted)
            .ok_or_else(|| {
                format!("unknown part of speech {s:?} (expected noun, adjective, verb, adverb or other)")
            })
    }
}

/// A language side of the glossary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// The terms of one language: what to write, what is also accepted, and the acronym.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Terms {
    /// The term to use in copy.
    pub preferred: String,
    /// Other accepted forms (spelling variants, short forms, older names).
    pub variants: Vec<String>,
    /// The acronym used in this language, which may differ from the other language's.
    pub acronym: Option<String>,
}

impl Terms {
    pub fn new(preferred: impl Into<String>) -> Terms {
        Terms {
            preferred: preferred.into(),
            ..Terms::default()
        }
    }
}

/// What a term is within its concept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TermRole {
    Preferred,
    Variant,
    Acronym,
    /// An English rendering wire copy should not use.
    Avoid,
}

impl TermRole {
    pub fn label(self) -> &'static str {
        match self {
            TermRole::Preferred => "preferred",
            TermRole::Variant => "variant",
            TermRole::Acronym => "acronym",
            TermRole::Avoid => "avoid",
        }
    }
}

/// One term of a concept, borrowed: its text, language and role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Term<'a> {
    pub text: &'a str,
    pub lang: Lang,
    pub role: TermRole,
}

/// One concept of the glossary.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Concept {
    /// Stable identifier (an XML name: letter or `_` first, then letters, digits, `_ - .`).
    pub id: String,
    pub domain: Domain,
    pub pos: PartOfSpeech,
    pub fr: Terms,
    pub en: Terms,
    /// English renderings that are wrong in English copy (literal translations, French
    /// acronyms left untranslated, outdated names).
    pub en_avoid: Vec<String>,
    /// One-line definition, in English.
    pub definition: String,
    /// Usage note: acronym order, spelling variants, history of the name.
    pub note: String,
    /// Where the English usage was seen.
    pub source: String,
}

impl Concept {
    /// A concept with the given id and preferred terms, everything else empty.
    pub fn new(id: impl Into<String>, fr: impl Into<String>, en: impl Into<String>) -> Concept {
        Concept {
            id: id.into(),
            domain: Domain::General,
            pos: PartOfSpeech::Noun,
            fr: Terms::new(fr),
            en: Terms::new(en),
            en_avoid: Vec::new(),
            definition: String::new(),
            note: String::new(),
            source: String::new(),
        }
    }

    /// The terms of one language.
    pub fn terms_of(&self, lang: Lang) -> &Terms {
        match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        }
    }

    /// Every term: French preferred, variants, acronym; English preferred, variants,
    /// acronym; then the English renderings to avoid.
    pub fn terms(&self) -> impl Iterator<Item = Term<'_>> {
        let avoid = self.en_avoid.iter().map(|a| Term {
            text: a.as_str(),
            lang: Lang::En,
            role: TermRole::Avoid,
        });
        terms_of_side(Lang::Fr, &self.fr)
            .chain(terms_of_side(Lang::En, &self.en))
            .chain(avoid)
    }

    /// Every accepted form in `lang` (preferred, variants, acronym), without avoided ones.
    pub fn accepted(&self, lang: Lang) -> impl Iterator<Item = &str> {
        let terms = self.terms_of(lang);
        std::iter::once(terms.preferred.as_str())
            .chain(terms.variants.iter().map(String::as_str))
            .chain(terms.acronym.as_deref())
    }

    /// Trims every field, turns CR/CRLF into LF, drops empty list entries and checks the
    /// invariants every format relies on. The message names the field at fault.
    pub fn normalize(mut self) -> std::result::Result<Concept, String> {
        trim_in_place(&mut self.id);
        check_id(&self.id)?;
        for (lang, terms) in [("fr", &mut self.fr), ("en", &mut self.en)] {
            clean_term_in_place(&mut terms.preferred, lang, "preferred term")?;
            if terms.preferred.is_empty() {
                return Err(format!("concept {}: no {lang} preferred term", self.id));
            }
            clean_list(&mut terms.variants, lang, "variant")?;
            if let Some(acronym) = terms.acronym.as_mut() {
                clean_term_in_place(acronym, lang, "acronym")?;
            }
            if terms.acronym.as_deref() == Some("") {
                terms.acronym = None;
            }
        }
        clean_list(&mut self.en_avoid, "en", "rendering to avoid")?;
        clean_text(&mut self.definition, "definition")?;
        clean_text(&mut self.note, "note")?;
        clean_text(&mut self.source, "source")?;
        Ok(self)
    }
}

/// Preferred term, variants and acronym of one language, in that order.
fn terms_of_side(lang: Lang, terms: &Terms) -> impl Iterator<Item = Term<'_>> {
    let preferred = std::iter::once(Term {
        text: terms.preferred.as_str(),
        lang,
        role: TermRole::Preferred,
    });
    let variants = terms.variants.iter().map(move |v| Term {
        text: v.as_str(),
        lang,
        role: TermRole::Variant,
    });
    let acronym = terms.acronym.iter().map(move |a| Term {
        text: a.as_str(),
        lang,
        role: TermRole::Acronym,
    });
    preferred.chain(variants).chain(acronym)
}

fn check_id(id: &str) -> std::result::Result<(), String> {
    let mut chars = id.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_alphabetic() || c == '_');
    if first_ok && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.')) {
        Ok(())
    } else {
        Err(format!(
            "invalid concept id {id:?} (a letter or '_' first, then letters, digits, '_', '-' or '.')"
        ))
    }
}

fn clean_term_in_place(
    term: &mut String,
    lang: &str,
    what: &str,
) -> std::result::Result<(), String> {
    trim_in_place(term);
    if let Some(c) = term.chars().find(|&c| c.is_control() || not_xml(c)) {
        return Err(format!(
            "{lang} {what} {term:?} contains the character U+{:04X} (terms are one line of text)",
            c as u32
        ));
    }
    if term.starts_with('#') {
        // OmegaT reads a glossary line that starts with '#' as a comment.
        return Err(format!("{lang} {what} {term:?} starts with '#'"));
    }
    Ok(())
}

/// Trims without reallocating when there is nothing to trim (the usual case).
fn trim_in_place(text: &mut String) {
    let end = text.trim_end().len();
    text.truncate(end);
    let start = text.len() - text.trim_start().len();
    if start > 0 {
        text.drain(..start);
    }
}

/// Characters XML 1.0 cannot carry, even escaped.
fn not_xml(c: char) -> bool {
    matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

fn clean_list(terms: &mut Vec<String>, lang: &str, what: &str) -> std::result::Result<(), String> {
    for term in terms.iter_mut() {
        clean_term_in_place(term, lang, what)?;
    }
    terms.retain(|t| !t.is_empty());
    Ok(())
}

fn clean_text(text: &mut String, what: &str) -> std::result::Result<(), String> {
    if text.contains('\r') {
        *text = text.replace("\r\n", "\n").replace('\r', "\n");
    }
    if let Some(c) = text
        .chars()
        .find(|&c| (c.is_control() && c != '\n' && c != '\t') || not_xml(c))
    {
        return Err(format!("{what} contains the character U+{:04X}", c as u32));
    }
    trim_in_place(text);
    Ok(())
}

/// Counts reported by `glossary import`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub concepts: usize,
    /// Preferred terms, variants and acronyms.
    pub french_terms: usize,
    pub english_terms: usize,
    pub avoid_terms: usize,
}

impl Stats {
    pub fn of(glossary: &Glossary) -> Stats {
        let mut stats = Stats {
            concepts: glossary.len(),
            french_terms: 0,
            english_terms: 0,
            avoid_terms: 0,
        };
        for term in glossary.iter().flat_map(Concept::terms) {
            match (term.lang, term.role) {
                (_, TermRole::Avoid) => stats.avoid_terms += 1,
                (Lang::Fr, _) => stats.french_terms += 1,
                (Lang::En, _) => stats.english_terms += 1,
            }
        }
        stats
    }
}

/// A file format the glossary reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// TBX-Basic 2008 (`<martif type="TBX-Basic">`), read by OmegaT 3.6 and translate-toolkit.
    Tbx,
    /// TBX v3 (ISO 30042:2019), TBX-Basic dialect, DCA style.
    Tbx3,
    /// OmegaT's glossary: UTF-8, tab-separated source, target, comment; no header.
    OmegatTsv,
    /// CSV with a header row: every field of the model, French and English first.
    Csv,
    /// Our own tab-separated table with a header row (the format of the built-in data).
    Table,
}

/// A set of concepts, unique by id, in a stable order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Glossary {
    concepts: Vec<Concept>,
    by_id: HashMap<String, usize>,
}

impl Glossary {
    pub fn new() -> Glossary {
        Glossary::default()
    }

    /// The built-in Sahel security glossary.
    pub fn builtin() -> Glossary {
        table::parse(BUILTIN_TSV, Path::new("<built-in sahel.tsv>"), b'\t')
            .expect("the built-in glossary is valid (checked by unit tests)")
    }

    /// Builds a glossary, refusing duplicate ids and invalid concepts.
    pub fn from_concepts(concepts: Vec<Concept>) -> std::result::Result<Glossary, String> {
        let mut glossary = Glossary::new();
        for concept in concepts {
            let concept = concept.normalize()?;
            if glossary.by_id.contains_key(&concept.id) {
                return Err(format!("duplicate concept id {:?}", concept.id));
            }
            glossary.push_new(concept);
        }
        Ok(glossary)
    }

    /// Builds a glossary from concepts that have been through [`Concept::normalize`],
    /// refusing duplicate ids.
    pub(crate) fn from_normalized(concepts: Vec<Concept>) -> std::result::Result<Glossary, String> {
        let mut glossary = Glossary::new();
        glossary.concepts.reserve(concepts.len());
        for concept in concepts {
            if glossary.by_id.contains_key(&concept.id) {
                return Err(format!("duplicate concept id {:?}", concept.id));
            }
            glossary.push_new(concept);
        }
        Ok(glossary)
    }

    /// Reads a glossary file, detecting the format from its content: TBX 2008 or v3
    /// (XML), our wide table (tab-separated with an `id` header), OmegaT's tab-separated
    /// glossary, or CSV. Nothing is returned unless the whole file is valid.
    pub fn load(path: impl AsRef<Path>) -> Result<Glossary> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| Error::input(path, e.to_string()))?;
        let text = decode_utf8(path, &bytes)?;
        Glossary::parse(text, path)
    }

    /// Parses glossary text (see [`Glossary::load`]); `path` only names it in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Glossary> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Err(Error::input(path, "empty glossary file"));
        }
        let trimmed = text.trim_start();
        if looks_like_xml(trimmed) && !trimmed.contains("<martif") && !trimmed.contains("<tbx") {
            return Err(Error::input(
                path,
                "XML but not TBX (no <martif> or <tbx> element); a glossary is TBX, CSV or TSV",
            ));
        }
        match detect_format(text) {
            Format::Tbx | Format::Tbx3 => tbx::parse(text, path),
            Format::Table => table::parse(text, path, b'\t'),
            Format::Csv => table::parse_csv(text, path),
            Format::OmegatTsv => omegat::parse(text, path),
        }
    }

    /// The built-in glossary with each user file merged over it, in order. Any invalid
    /// file fails the whole call.
    pub fn with_user_files(paths: &[PathBuf]) -> Result<Glossary> {
        let mut glossary = Glossary::builtin();
        for path in paths {
            glossary.merge(Glossary::load(path)?);
        }
        Ok(glossary)
    }

    /// What [`Glossary::with_user_files`] would build, restricted to the concepts that
    /// `query` meets: a one-off lookup over it gives the same hits, without parsing every
    /// field of every concept of a large user glossary. Files are validated as fully.
    /// With a cache, TBX, CSV and OmegaT files are parsed once and then read from a
    /// table kept in the cache for as long as they do not change.
    pub fn with_user_files_for_query(
        paths: &[PathBuf],
        query: &str,
        cache: Option<&LookupCache>,
    ) -> Result<Glossary> {
        oneshot::with_user_files_for_query(paths, query, cache)
    }

    /// Merges `other` over `self`: a concept of `other` replaces the one with the same id,
    /// or else the one with the same French preferred term (ignoring case, accents and
    /// punctuation); otherwise it is appended.
    pub fn merge(&mut self, other: Glossary) {
        let mut by_french: HashMap<String, usize> = self
            .concepts
            .iter()
            .enumerate()
            .map(|(i, c)| (compact_key(&c.fr.preferred), i))
            .collect();
        for concept in other.concepts {
            let french = compact_key(&concept.fr.preferred);
            let slot = self
                .by_id
                .get(&concept.id)
                .or_else(|| by_french.get(&french))
                .copied();
            match slot {
                Some(i) => {
                    let old = &self.concepts[i];
                    self.by_id.remove(&old.id);
                    let old_french = compact_key(&old.fr.preferred);
                    if by_french.get(&old_french) == Some(&i) {
                        by_french.remove(&old_french);
                    }
                    self.by_id.insert(concept.id.clone(), i);
                    by_french.insert(french, i);
                    self.concepts[i] = concept;
                }
                None => {
                    by_french.insert(french, self.concepts.len());
                    self.push_new(concept);
                }
            }
        }
    }

    /// The concept that `concept` would replace in a [`Glossary::merge`]: same id, or
    /// else same French preferred term.
    pub fn replaced_by(&self, concept: &Concept) -> Option<&Concept> {
        self.get(&concept.id).or_else(|| {
            let french = compact_key(&concept.fr.preferred);
            self.concepts
                .iter()
                .find(|c| compact_key(&c.fr.preferred) == french)
        })
    }

    fn push_new(&mut self, concept: Concept) {
        self.by_id.insert(concept.id.clone(), self.concepts.len());
        self.concepts.push(concept);
    }

    pub fn concepts(&self) -> &[Concept] {
        &self.concepts
    }

    /// Every (French, English) pair of accepted terms of every concept, both ways: the
    /// aligner takes them as dictionary entries whichever language is the source.
    pub fn term_pairs(&self) -> Vec<(&str, &str)> {
        let mut pairs = Vec::new();
        for concept in self.iter() {
            for fr in concept.accepted(Lang::Fr) {
                for en in concept.accepted(Lang::En) {
                    pairs.push((fr, en));
                    pairs.push((en, fr));
                }
            }
        }
        pairs
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Concept> {
        self.concepts.iter()
    }

    pub fn len(&self) -> usize {
        self.concepts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.concepts.is_empty()
    }

    pub fn get(&self, id: &str) -> Option<&Concept> {
        self.by_id.get(id).map(|&i| &self.concepts[i])
    }

    /// Concepts of one domain, in glossary order.
    pub fn in_domain(&self, domain: Domain) -> impl Iterator<Item = &Concept> {
        self.concepts.iter().filter(move |c| c.domain == domain)
    }

    /// Serialises the glossary in `format`.
    pub fn to_format(&self, format: Format) -> String {
        match format {
            Format::Tbx => tbx::write_v2(self),
            Format::Tbx3 => tbx::write_v3(self),
            Format::OmegatTsv => omegat::write(self),
            Format::Csv => table::write(self, b','),
            Format::Table => table::write(self, b'\t'),
        }
    }

    /// The best `limit` concepts for one query, without building an index (see
    /// [`lookup::scan`]); for many lookups build an [`Index`] once.
    pub fn lookup(&self, query: &str, limit: usize) -> Vec<Hit<'_>> {
        lookup::scan(self, query, limit)
    }

    /// Builds the lookup index (folded keys and a length-bucketed table for typos).
    pub fn index(&self) -> Index<'_> {
        Index::new(self)
    }
}

impl<'a> IntoIterator for &'a Glossary {
    type Item = &'a Concept;
    type IntoIter = std::slice::Iter<'a, Concept>;

    fn into_iter(self) -> Self::IntoIter {
        self.concepts.iter()
    }
}

/// An id for a concept read without one: the French term as a slug ("état-major" →
/// "etat-major"), made unique within `taken` with a numeric suffix.
pub(crate) fn make_id(french: &str, taken: &std::collections::HashSet<String>) -> String {
    make_id_in(french, |id| taken.contains(id))
}

/// [`make_id`] against any set of ids, given as its membership test.
pub(crate) fn make_id_in(french: &str, is_taken: impl Fn(&str) -> bool) -> String {
    let slug: String = spaced_key(french)
        .split(' ')
        .take(8)
        .collect::<Vec<_>>()
        .join("-");
    let base = match slug.chars().next() {
        Some(c) if c.is_alphabetic() => slug,
        Some(_) => format!("c-{slug}"),
        None => "concept".to_string(),
    };
    if !is_taken(&base) {
        return base;
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !is_taken(id))
        .expect("some suffix is free")
}

/// Decodes UTF-8 strictly: a glossary in another encoding is refused with the line of the
/// first bad byte, rather than loaded with replacement characters.
fn decode_utf8<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = &bytes[..e.valid_up_to()];
        let line = good.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = good.len() - good.iter().rposition(|&b| b == b'\n').map_or(0, |p| p + 1) + 1;
        Error::parse(
            path,
            line,
            column,
            "not valid UTF-8 (glossaries must be UTF-8; convert with iconv)",
        )
    })
}

/// An XML declaration, doctype or start tag first, and no tab or comma on the first line
/// (a TSV or CSV term may begin with "<").
fn looks_like_xml(trimmed: &str) -> bool {
    let first = trimmed.lines().next().unwrap_or("");
    let tag = trimmed
        .strip_prefix('<')
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| c.is_alphabetic() || c == '?' || c == '!');
    tag && !first.contains(['\t', ','])
}

/// Guesses the format from the first line: XML root, tab-separated (with our header or
/// OmegaT's headerless rows) or comma-separated.
fn detect_format(text: &str) -> Format {
    let trimmed = text.trim_start();
    let xml = ["<?xml", "<!", "<martif", "<tbx"]
        .iter()
        .any(|start| trimmed.starts_with(start));
    if xml {
        return if trimmed.contains("<martif") {
            Format::Tbx
        } else {
            Format::Tbx3
        };
    }
    let first = trimmed.lines().next().unwrap_or("");
    if first.contains('\t') {
        if table::is_header(first.split('\t')) {
            Format::Table
        } else {
            Format::OmegatTsv
        }
    } else {
        Format::Csv
    }
}

/// Maps a 0-based byte offset in `text` to a 1-based (line, column in characters).
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..text.floor_char_boundary_compat(offset)];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

trait FloorCharBoundary {
    fn floor_char_boundary_compat(&self, index: usize) -> usize;
}

impl FloorCharBoundary for str {
    fn floor_char_boundary_compat(&self, mut index: usize) -> usize {
        while !self.is_char_boundary(index) {
            index -= 1;
        }
        index
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_parses_and_ids_are_unique() {
        let g = Glossary::builtin();
        assert!(g.len() >= 80, "only {} concepts", g.len());
        for c in &g {
            assert_eq!(g.get(&c.id).map(|x| &x.id), Some(&c.id));
        }
    }

    #[test]
    fn no_builtin_rendering_is_both_accepted_and_avoided() {
        for c in &Glossary::builtin() {
            for avoid in &c.en_avoid {
                let clash = c
                    .accepted(Lang::En)
                    .find(|t| compact_key(t) == compact_key(avoid));
                assert!(
                    clash.is_none(),
                    "{}: {avoid:?} is accepted and avoided",
                    c.id
                );
            }
        }
    }

    #[test]
    fn issue_items_are_covered() {
        let g = Glossary::builtin();
        let index = g.index();
        for term in [
            "JNIM",
            "GSIM",
            "EIGS",
            "ISGS",
            "ISWAP",
            "Katiba Macina",
            "FLM",
            "MLF",
            "Ansarul Islam",
            "AES",
            "Alliance of Sahel States",
            "CEDEAO",
            "ECOWAS",
            "UEMOA",
            "WAEMU",
            "UA",
            "AU",
            "ONU",
            "UN",
            "MINUSMA",
            "Casques bleus",
            "Barkhane",
            "force conjointe du G5 Sahel",
            "FAMa",
            "FDS",
            "VDP",
            "CNSP",
            "Wagner",
            "Africa Corps",
            "FLA",
            "CSP-PSD",
            "CSP-DPA",
            "CMA",
            "MNLA",
            "HCUA",
            "GATIA",
            "MSA",
            "Plateforme",
            "accord d'Alger",
            "Azawad",
            "katiba",
            "junte",
            "président de la Transition",
            "état-major",
            "élèves gendarmes",
            "école de gendarmerie",
            "EEI",
            "IED",
            "djihadiste",
            "OTAN",
            "NATO",
            "UE",
            "EU",
            "FMI",
            "IMF",
            "BCE",
            "ECB",
            "ONG",
            "NGO",
            "PIB",
            "GDP",
            "RDC",
            "DRC",
            "PDG",
            "CEO",
        ] {
            let hits = index.lookup(term, 1);
            assert!(
                hits.first().is_some_and(|h| h.score >= 95),
                "{term:?} has no concept of its own: {hits:?}"
            );
        }
    }

    #[test]
    fn every_domain_is_used() {
        let g = Glossary::builtin();
        for d in Domain::ALL {
            assert!(g.in_domain(d).next().is_some(), "no concept in {d}");
        }
    }

    #[test]
    fn domain_and_pos_parse_their_labels() {
        for d in Domain::ALL {
            assert_eq!(d.label().parse::<Domain>(), Ok(d));
        }
        assert_eq!("Armed-Group".parse::<Domain>(), Ok(Domain::ArmedGroup));
        for p in PartOfSpeech::ALL {
            assert_eq!(p.label().parse::<PartOfSpeech>(), Ok(p));
        }
        assert!("verbish".parse::<PartOfSpeech>().is_err());
    }

    #[test]
    fn merge_replaces_by_id_then_by_french_term_else_appends() {
        let mut base = Glossary::from_concepts(vec![
            Concept::new("a", "Mali", "Mali"),
            Concept::new("b", "Niger", "Niger"),
        ])
        .unwrap();
        let user = Glossary::from_concepts(vec![
            Concept::new("a", "Mali", "Republic of Mali"),
            Concept::new("x", "NIGER", "Niger Republic"),
            Concept::new("c", "Tchad", "Chad"),
        ])
        .unwrap();
        base.merge(user);
        let ens: Vec<_> = base.iter().map(|c| c.en.preferred.as_str()).collect();
        assert_eq!(ens, ["Republic of Mali", "Niger Republic", "Chad"]);
        assert_eq!(base.get("x").unwrap().en.preferred, "Niger Republic");
        assert!(base.get("b").is_none());
    }

    #[test]
    fn normalize_refuses_control_characters_in_terms_and_bad_ids() {
        let mut c = Concept::new("ok", "a\tb", "c");
        assert!(c.clone().normalize().unwrap_err().contains("U+0009"));
        c.fr.preferred = "#hashtag".into();
        assert!(c.clone().normalize().unwrap_err().contains("'#'"));
        c.fr.preferred = "a".into();
        c.id = "1abc".into();
        assert!(c.clone().normalize().is_err());
        c.id = "abc".into();
        c.note = "line\r\nnext\u{7}".into();
        assert!(c.clone().normalize().unwrap_err().contains("U+0007"));
        c.note = "  line\r\nnext ".into();
        assert_eq!(c.normalize().unwrap().note, "line\nnext");
    }

    #[test]
    fn format_detection_looks_at_content() {
        assert_eq!(detect_format("<?xml version='1.0'?><martif>"), Format::Tbx);
        assert_eq!(detect_format("<b>\tbold\n"), Format::OmegatTsv);
        assert_eq!(
            detect_format("<tbx xmlns='urn:iso:std:iso:30042:ed-2'>"),
            Format::Tbx3
        );
        assert_eq!(detect_format("id\tdomain\tfr\ten\n"), Format::Table);
        assert_eq!(detect_format("JNIM\tJNIM\tnote\n"), Format::OmegatTsv);
        assert_eq!(detect_format("fr,en,definition\n"), Format::Csv);
    }

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\ncdé f", 8), (2, 5));
        assert_eq!(line_col("x", 0), (1, 1));
    }
}
