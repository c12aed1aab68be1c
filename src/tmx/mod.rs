//! TMX 1.4 translation memories: the data model, a streaming reader (TMX 1.1–1.4, UTF-8 and
//! UTF-16), a writer whose output the CAT tools we tested load (OmegaT, translate-toolkit,
//! the TMX 1.4b DTD), building memories from alignments, merging, statistics and validation.
//!
//! The model keeps what a memory needs to round-trip: header, units, their props and
//! variants. Each variant holds its plain text, and its inline markup only when the reader was
//! asked to keep tags, so search and matching never see native codes.

pub mod build;
pub mod date;
pub mod merge;
pub mod read;
pub mod stats;
pub mod validate;
pub mod write;
mod xml;

pub use build::{
    build_corpus, corpus_pairs, memory_from_alignment, units_from_alignment, AlignedPair,
    CorpusOptions, DocumentPair,
};
pub use merge::{merge, MergeReport};
pub use read::{read_bytes, read_path, read_units, Inline, ReadOptions};
pub use stats::{stats, Stats};
pub use validate::{validate_bytes, Problem};
pub use write::{write, write_with_warnings, Warning};

/// Prop type naming the document a unit was aligned from.
pub const PROP_DOCUMENT: &str = "x-document";
/// Prop type holding the alignment score of the link (0–1, three decimals).
pub const PROP_SCORE: &str = "x-score";
/// Prop type listing the rule ids `check` found on the link, comma-separated.
pub const PROP_FINDINGS: &str = "x-findings";

/// `<header>`: the attributes TMX 1.4 requires, plus optional date and props.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Header {
    pub creationtool: String,
    pub creationtoolversion: String,
    pub segtype: String,
    pub o_tmf: String,
    pub adminlang: String,
    pub srclang: String,
    pub datatype: String,
    /// `YYYYMMDDThhmmssZ`.
    pub creationdate: Option<String>,
    pub notes: Vec<String>,
    pub props: Vec<Prop>,
}

impl Header {
    /// The header DESIGN.md fixes for every memory wirealign writes.
    pub fn wirealign(srclang: &str, creationdate: &str) -> Self {
        Header {
            creationtool: "wirealign".into(),
            creationtoolversion: env!("CARGO_PKG_VERSION").into(),
            segtype: "sentence".into(),
            o_tmf: "wirealign".into(),
            adminlang: "en".into(),
            srclang: language_tag(srclang),
            datatype: "plaintext".into(),
            creationdate: Some(creationdate.into()),
            notes: Vec::new(),
            props: Vec::new(),
        }
    }
}

/// `<prop type="…">value</prop>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prop {
    pub kind: String,
    pub value: String,
}

impl Prop {
    pub fn new(kind: impl Into<String>, value: impl Into<String>) -> Self {
        Prop {
            kind: kind.into(),
            value: value.into(),
        }
    }
}

/// `<tuv xml:lang="…"><seg>…</seg></tuv>`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Variant {
    pub lang: String,
    /// The variant's own notes and props (a translator's comment, a CAT tool's metadata).
    pub notes: Vec<String>,
    pub props: Vec<Prop>,
    /// The segment as plain text, inline codes removed.
    pub text: String,
    /// The segment's inner XML, present only when it had inline elements and the reader was
    /// asked to keep them; the writer then emits it instead of `text`.
    pub markup: Option<String>,
}

impl Variant {
    pub fn plain(lang: impl Into<String>, text: impl Into<String>) -> Self {
        Variant {
            lang: lang.into(),
            text: text.into(),
            ..Variant::default()
        }
    }
}

/// `<tu>`: one translation unit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TranslationUnit {
    pub tuid: Option<String>,
    pub creationdate: Option<String>,
    pub changedate: Option<String>,
    pub notes: Vec<String>,
    pub props: Vec<Prop>,
    pub variants: Vec<Variant>,
}

impl TranslationUnit {
    /// The variant in `lang`, matched as CAT tools do: exact tag first, then same primary
    /// language ("fr" matches "fr-FR").
    pub fn variant(&self, lang: &str) -> Option<&Variant> {
        self.variants
            .iter()
            .find(|v| v.lang.eq_ignore_ascii_case(lang))
            .or_else(|| {
                let primary = primary_language(lang);
                self.variants
                    .iter()
                    .find(|v| primary_language(&v.lang).eq_ignore_ascii_case(primary))
            })
    }

    /// The first variant not in `source_lang`: the translation in a bilingual memory.
    pub fn translation(&self, source_lang: &str) -> Option<&Variant> {
        let primary = primary_language(source_lang);
        self.variants
            .iter()
            .find(|v| !primary_language(&v.lang).eq_ignore_ascii_case(primary))
    }

    pub fn prop(&self, kind: &str) -> Option<&str> {
        self.props
            .iter()
            .find(|p| p.kind == kind)
            .map(|p| p.value.as_str())
    }

    /// The newest of `changedate` and `creationdate` (TMX dates sort as strings).
    pub fn newest_date(&self) -> Option<&str> {
        match (self.changedate.as_deref(), self.creationdate.as_deref()) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        }
    }

    /// Records the rule ids `check` found on this unit in an `x-findings` prop.
    pub fn set_findings(&mut self, rule_ids: &[&str]) {
        self.props.retain(|p| p.kind != PROP_FINDINGS);
        if !rule_ids.is_empty() {
            self.props
                .push(Prop::new(PROP_FINDINGS, rule_ids.join(",")));
        }
    }
}

/// A whole memory: header and units in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Memory {
    pub header: Header,
    pub units: Vec<TranslationUnit>,
}

/// "fr" from "fr-FR".
pub fn primary_language(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

/// A language tag as TMX readers want it: hyphen-separated ("fr_FR" → "fr-FR"), primary
/// language lower-case, a two-letter region upper-case.
pub fn language_tag(tag: &str) -> String {
    let mut parts = tag.trim().split(['-', '_']).filter(|p| !p.is_empty());
    let mut out = parts.next().unwrap_or("").to_ascii_lowercase();
    for part in parts {
        out.push('-');
        if part.len() == 2 && part.chars().all(|c| c.is_ascii_alphabetic()) {
            out.push_str(&part.to_ascii_uppercase());
        } else {
            out.push_str(part);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_use_hyphens_and_canonical_case() {
        assert_eq!(language_tag("fr_fr"), "fr-FR");
        assert_eq!(language_tag("EN-us"), "en-US");
        assert_eq!(language_tag("fr"), "fr");
        assert_eq!(language_tag("zh-Hant"), "zh-Hant");
    }

    #[test]
    fn variant_lookup_falls_back_to_primary_language() {
        let unit = TranslationUnit {
            variants: vec![
                Variant::plain("fr-FR", "Bonjour"),
                Variant::plain("en-GB", "Hello"),
            ],
            ..Default::default()
        };
        assert_eq!(unit.variant("fr").unwrap().text, "Bonjour");
        assert_eq!(unit.translation("fr").unwrap().text, "Hello");
        assert!(unit.variant("de").is_none());
    }

    #[test]
    fn newest_date_prefers_the_later_of_change_and_creation() {
        let unit = TranslationUnit {
            creationdate: Some("20200101T000000Z".into()),
            changedate: Some("20210101T000000Z".into()),
            ..Default::default()
        };
        assert_eq!(unit.newest_date(), Some("20210101T000000Z"));
    }
}
