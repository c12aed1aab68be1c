//! Mistranslation checks on aligned segment pairs. One module per check family; each
//! produces `Finding`s with the French evidence, the English span, why and a fix.

pub mod adequacy;
pub mod antonyms;
pub mod conditional;
pub mod dates;
pub mod direction;
pub mod document;
pub mod gender;
pub mod lexical;
pub mod names;
pub mod negation;
pub mod numbers;
pub mod omission;
pub mod participle;
pub mod pronoun_animacy;
pub mod pronoun_number;
pub mod untranslated;
pub mod word_order;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    Mistranslation,
    FalseFriend,
    Calque,
    Terminology,
    Title,
    Acronym,
    Number,
    Name,
    Negation,
    Untranslated,
    Omission,
    Addition,
    Punctuation,
}

/// A span of one side: segment index, byte offsets into the file as given, and its text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Span {
    pub segment: usize,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable rule id, e.g. "false-friend.vindicte".
    pub rule: String,
    pub category: Category,
    pub severity: Severity,
    /// French evidence; `None` for an addition.
    pub source: Option<Span>,
    /// English span; `None` for an omission.
    pub target: Option<Span>,
    pub message: String,
    pub suggestion: Option<String>,
}

use crate::align::Alignment;
use crate::text::token::{fold, tokenize, TokenKind};
use crate::text::{Document, Segment};

impl Finding {
    pub fn new(
        rule: &str,
        category: Category,
        severity: Severity,
        source: Option<Span>,
        target: Option<Span>,
        message: String,
    ) -> Self {
        Finding {
            rule: rule.to_string(),
            category,
            severity,
            source,
            target,
            message,
            suggestion: None,
        }
    }

    pub fn suggest(mut self, suggestion: impl Into<String>) -> Self {
        self.suggestion = Some(suggestion.into());
        self
    }
}
use foldhash::HashSet;

/// One side of an aligned pair: the contiguous segments of one link, as a slice of the
/// normalised document text. Checks work on `text` with local byte offsets and turn them
/// into report spans with `span`.
#[derive(Debug, Clone)]
pub struct Side<'a> {
    pub doc: &'a Document,
    pub segments: Vec<&'a Segment>,
    /// Normalised text from the first segment's start to the last segment's end.
    pub text: &'a str,
    /// Offset of `text` in `doc.text`.
    pub offset: usize,
    /// ISO 639-1 language code.
    pub lang: &'a str,
}

impl<'a> Side<'a> {
    pub fn new(doc: &'a Document, segments: Vec<&'a Segment>, lang: &'a str) -> Self {
        let (start, end) = match (segments.first(), segments.last()) {
            (Some(first), Some(last)) => (first.norm_start, last.norm_end),
            _ => (0, 0),
        };
        Side {
            doc,
            segments,
            text: &doc.text[start..end],
            offset: start,
            lang,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// Report span for local byte offsets `[start, end)` of `self.text`: the segment that
    /// contains `start`, and offsets into the file as the user gave it.
    pub fn span(&self, start: usize, end: usize) -> Span {
        let (abs_start, abs_end) = (self.offset + start, self.offset + end);
        let segment = self
            .segments
            .iter()
            .rev()
            .find(|s| s.norm_start <= abs_start)
            .or(self.segments.first())
            .map_or(0, |s| s.index);
        Span {
            segment,
            start: self.doc.original_offset(abs_start),
            end: self.doc.original_offset(abs_end),
            text: self.text[start..end].to_string(),
        }
    }

    /// Span covering the whole side (for omissions, additions, untranslated segments).
    pub fn whole(&self) -> Span {
        self.span(0, self.text.len())
    }
}

/// A token of one side with its folded form (lower case, no accents), shared by the
/// signal checks so each side is tokenised once per pair.
#[derive(Debug, Clone)]
pub struct Word<'a> {
    pub text: &'a str,
    /// Byte span in `Side::text`.
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    pub folded: String,
}

impl Word<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Two letters or more, none lower case: "GSIM", "RDC".
    pub fn is_acronym(&self) -> bool {
        self.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !self.text.chars().any(char::is_lowercase)
    }
}

/// Tokens of a text with folded forms.
pub fn words(text: &str) -> Vec<Word<'_>> {
    tokenize(text)
        .into_iter()
        .map(|t| Word {
            text: t.text,
            start: t.start,
            end: t.end,
            kind: t.kind,
            folded: if t.kind == TokenKind::Punct {
                String::new()
            } else if t.text.is_ascii() {
                // Most tokens: no accent to strip, no need for NFD.
                t.text.to_ascii_lowercase()
            } else {
                fold(t.text)
            },
        })
        .collect()
}

/// Both sides of a pair, tokenised.
#[derive(Debug, Clone)]
pub struct Tokens<'a> {
    pub source: Vec<Word<'a>>,
    pub target: Vec<Word<'a>>,
}

impl<'a> Tokens<'a> {
    pub fn of(pair: &Pair<'a>) -> Self {
        Tokens {
            source: words(pair.source.text),
            target: words(pair.target.text),
        }
    }
}

/// An aligned pair handed to every check.
#[derive(Debug, Clone)]
pub struct Pair<'a> {
    pub source: Side<'a>,
    pub target: Side<'a>,
    /// Alignment confidence of the link.
    pub score: f64,
}

impl Pair<'_> {
    /// Where a finding about something missing from the English points to: the English
    /// sentence of a link with one English sentence, which has to carry whatever its
    /// French says. When the English is several sentences the place is unknown.
    pub fn target_if_single_sentence(&self) -> Option<Span> {
        (self.target.segments.len() == 1).then(|| self.target.whole())
    }
}

/// Runs every check family. Built once and reused for every pair.
#[derive(Debug, Clone)]
pub struct Checker {
    pub lexical: lexical::LexicalChecks,
    pub document: document::DocumentChecks,
    /// ISO 639-1 codes of the source and target documents.
    pub source_lang: String,
    pub target_lang: String,
    /// The glossary's French and English terms, which anchor the alignment as a
    /// dictionary (« casques bleus » ~ "peacekeepers").
    pub align_dictionary: crate::align::lexicon::Dictionary,
}

impl Default for Checker {
    fn default() -> Self {
        Checker::builtin()
    }
}

impl Checker {
    /// French → English with the embedded lexicons.
    pub fn builtin() -> Self {
        Checker::new(&[], &crate::glossary::Glossary::builtin())
            .expect("the built-in lexicons compile")
    }

    /// The built-in lexicons with `user_lexicons` merged over them, and the terminology
    /// and document checks of `glossary` (the built-in one merged with the user's).
    pub fn new(
        user_lexicons: &[std::path::PathBuf],
        glossary: &crate::glossary::Glossary,
    ) -> crate::Result<Self> {
        Ok(Checker {
            lexical: lexical::LexicalChecks::new(user_lexicons, glossary)?,
            document: document::DocumentChecks::from_glossary(glossary),
            source_lang: "fr".to_string(),
            target_lang: "en".to_string(),
            align_dictionary: crate::align::lexicon::Dictionary::from_pairs(glossary.term_pairs()),
        })
    }

    /// Findings of every family on one link with text on both sides.
    pub fn check_pair(&self, pair: &Pair) -> Vec<Finding> {
        let tokens = Tokens::of(pair);
        let mut findings = Vec::new();
        if let Some(whole) = untranslated::untranslated_segment(pair, &tokens) {
            // A French segment left as is: every other check would only repeat it.
            findings.push(whole);
            return findings;
        }
        let correspondence = adequacy::Correspondence::of(&tokens);
        findings.extend(omission::check(pair, &tokens));
        findings.extend(omission::added_appositions(pair, &tokens, &correspondence));
        findings.extend(omission::clause::check(pair, &tokens, &correspondence));
        findings.extend(numbers::check(pair, &tokens));
        findings.extend(dates::check(pair, &tokens));
        findings.extend(direction::check(pair, &tokens));
        findings.extend(names::check(pair, &tokens));
        if let Some(dropped) = names::acronyms::check(pair, &findings) {
            findings.push(dropped);
        }
        findings.extend(negation::check(pair, &tokens));
        findings.extend(negation::reversed::check(pair, &tokens));
        findings.extend(negation::only::check(pair, &tokens));
        findings.extend(antonyms::check(pair, &tokens));
        findings.extend(gender::check(pair, &tokens));
        findings.extend(pronoun_number::check(pair, &tokens));
        findings.extend(conditional::check(pair, &tokens));
        findings.extend(untranslated::check(pair, &tokens));
        findings.extend(untranslated::guillemets(pair));
        match adequacy::unrelated(pair, &correspondence) {
            Some(unrelated) => findings.push(unrelated),
            None => {
                findings.extend(word_order::check(pair, &tokens, &correspondence));
                findings.extend(participle::check(pair, &tokens, &correspondence));
            }
        }
        findings.extend(self.lexical.check(pair));
        detach_from_dropped_sentences(&mut findings);
        findings
    }
}

/// A finding about a French sentence the English left out has no place in the English:
/// the negation of a dropped sentence is not missing from the sentence that survived.
fn detach_from_dropped_sentences(findings: &mut [Finding]) {
    let dropped: Vec<(usize, usize)> = findings
        .iter()
        .filter(|f| f.rule == omission::DROPPED_SENTENCE)
        .filter_map(|f| f.source.as_ref().map(|s| (s.start, s.end)))
        .collect();
    for finding in findings.iter_mut() {
        let inside = finding.source.as_ref().is_some_and(|s| {
            dropped
                .iter()
                .any(|&(start, end)| start <= s.start && s.end <= end)
        });
        if inside && finding.rule != omission::DROPPED_SENTENCE {
            finding.target = None;
        }
    }
}

/// Checks every link of `alignment`: 1-0 links are omissions, 0-1 links additions, other
/// links go through every family. Findings come in link order, then by position, without
/// duplicates; spans are byte offsets into the files as given.
pub fn check_documents(
    source_doc: &Document,
    target_doc: &Document,
    source_segments: &[Segment],
    target_segments: &[Segment],
    alignment: &Alignment,
    checker: &Checker,
) -> Vec<Finding> {
    use rayon::prelude::*;
    let pairs: Vec<Pair> = alignment
        .links
        .iter()
        .map(|link| Pair {
            source: Side::new(
                source_doc,
                pick(&link.source, source_segments),
                &checker.source_lang,
            ),
            target: Side::new(
                target_doc,
                pick(&link.target, target_segments),
                &checker.target_lang,
            ),
            score: link.score,
        })
        .collect();
    // Links are independent: check them in parallel, then keep link order.
    let mut per_link: Vec<Vec<Finding>> = pairs
        .par_iter()
        .map(
            |pair| match (pair.source.is_empty(), pair.target.is_empty()) {
                (true, true) => Vec::new(),
                (false, true) => vec![omission::omitted(pair)],
                (true, false) => vec![omission::added(pair)],
                (false, false) => checker.check_pair(pair),
            },
        )
        .collect();
    for (link, finding) in checker.document.check(&pairs) {
        per_link[link].push(finding);
    }
    names::soften_names_given_earlier(&pairs, &mut per_link);
    for link_findings in &mut per_link {
        link_findings.sort_by_key(position_key);
    }
    let mut seen = HashSet::default();
    per_link
        .into_iter()
        .flatten()
        .filter(|finding| seen.insert(identity_key(finding)))
        .collect()
}

fn pick<'a>(indices: &[usize], segments: &'a [Segment]) -> Vec<&'a Segment> {
    indices.iter().filter_map(|&i| segments.get(i)).collect()
}

fn span_range(span: &Option<Span>) -> (usize, usize) {
    span.as_ref().map_or((usize::MAX, 0), |s| (s.start, s.end))
}

fn position_key(
    finding: &Finding,
) -> ((usize, usize), (usize, usize), std::cmp::Reverse<Severity>) {
    (
        span_range(&finding.target),
        span_range(&finding.source),
        std::cmp::Reverse(finding.severity),
    )
}

fn identity_key(finding: &Finding) -> (String, (usize, usize), (usize, usize)) {
    (
        finding.rule.clone(),
        span_range(&finding.source),
        span_range(&finding.target),
    )
}

/// The findings of each link of `alignment`, indexed like its links: a finding belongs to
/// the link holding its French segment, or its English one for an addition.
pub fn findings_by_link<'f>(
    alignment: &Alignment,
    findings: &'f [Finding],
) -> Vec<Vec<&'f Finding>> {
    let mut by_source = foldhash::HashMap::default();
    let mut by_target = foldhash::HashMap::default();
    for (index, link) in alignment.links.iter().enumerate() {
        by_source.extend(link.source.iter().map(|&s| (s, index)));
        by_target.extend(link.target.iter().map(|&t| (t, index)));
    }
    let mut per_link = vec![Vec::new(); alignment.links.len()];
    for finding in findings {
        let link = match (&finding.source, &finding.target) {
            (Some(source), _) => by_source.get(&source.segment),
            (None, Some(target)) => by_target.get(&target.segment),
            (None, None) => None,
        };
        if let Some(&link) = link {
            per_link[link].push(finding);
        }
    }
    per_link
}

/// Rule ids of `findings`, each once, in order.
pub fn rule_ids(findings: &[&Finding]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for finding in findings {
        if !ids.contains(&finding.rule) {
            ids.push(finding.rule.clone());
        }
    }
    ids
}

/// True when any finding is at or above `threshold`.
pub fn any_at_or_above<F: std::borrow::Borrow<Finding>>(
    findings: &[F],
    threshold: Severity,
) -> bool {
    findings.iter().any(|f| f.borrow().severity >= threshold)
}

/// How to read the two documents before checking them.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Source language; detected when `None`.
    pub from: Option<String>,
    /// Target language; detected when `None`.
    pub to: Option<String>,
    /// One segment per line (both files).
    pub presplit: bool,
}

/// A checked document pair: the inputs, their segments, the alignment and the findings.
#[derive(Debug, Clone)]
pub struct CheckedPair {
    pub source_doc: Document,
    pub target_doc: Document,
    pub source_lang: String,
    pub target_lang: String,
    pub source_segments: Vec<Segment>,
    pub target_segments: Vec<Segment>,
    pub alignment: Alignment,
    pub findings: Vec<Finding>,
    /// Things the user should know (language detection disagreeing with --from/--to).
    pub notes: Vec<String>,
}

/// Language of a document given on the command line or detected; detection is per
/// document, as whatlang is reliable on whole texts only.
fn resolve_lang(
    doc: &Document,
    given: Option<&str>,
    expected: &str,
    notes: &mut Vec<String>,
) -> crate::Result<String> {
    let detected = crate::text::lang::detect(&doc.text);
    let confident = detected.as_ref().filter(|d| d.confidence >= 0.5);
    match (given, confident) {
        (Some(lang), Some(d)) if d.lang != lang => {
            notes.push(format!(
                "{}: given as {lang} but reads as {} (confidence {:.2})",
                doc.path.display(),
                d.lang,
                d.confidence
            ));
            Ok(lang.to_string())
        }
        (Some(lang), _) => Ok(lang.to_string()),
        (None, Some(d)) if d.lang != expected => Err(crate::Error::input(
            &doc.path,
            format!(
                "reads as {} (confidence {:.2}) but `check` expects the {} {}; swap SOURCE and TARGET or pass --from/--to",
                d.lang,
                d.confidence,
                if expected == "fr" { "French source" } else { "English translation" },
                if expected == "fr" { "first" } else { "second" },
            ),
        )),
        (None, _) => Ok(expected.to_string()),
    }
}

/// Reads, segments and aligns two files, then checks every link. Only French → English
/// is supported; other language pairs are refused.
pub fn check_files(
    source: &std::path::Path,
    target: &std::path::Path,
    options: &ReadOptions,
    checker: &Checker,
) -> crate::Result<CheckedPair> {
    let source_doc = crate::text::read_document(source)?;
    let target_doc = crate::text::read_document(target)?;
    let mut notes = Vec::new();
    let source_lang = resolve_lang(&source_doc, options.from.as_deref(), "fr", &mut notes)?;
    let target_lang = resolve_lang(&target_doc, options.to.as_deref(), "en", &mut notes)?;
    if source_lang != "fr" || target_lang != "en" {
        return Err(crate::Error::usage(format!(
            "`check` supports French → English only, not {source_lang} → {target_lang}"
        )));
    }
    let segment = |doc: &Document, lang: &str| {
        crate::text::segment_document(
            doc,
            &crate::text::SegmentOptions {
                lang: lang.to_string(),
                presplit: options.presplit,
                ..Default::default()
            },
        )
    };
    let source_segments = segment(&source_doc, &source_lang);
    let target_segments = segment(&target_doc, &target_lang);
    let source_texts: Vec<&str> = source_segments.iter().map(|s| s.text.as_str()).collect();
    let target_texts: Vec<&str> = target_segments.iter().map(|s| s.text.as_str()).collect();
    let paragraphs =
        |segments: &[Segment]| segments.iter().map(|s| s.paragraph).collect::<Vec<_>>();
    let doc = crate::align::DocPair {
        source: source_texts,
        target: target_texts,
        source_paragraphs: Some(paragraphs(&source_segments)),
        target_paragraphs: Some(paragraphs(&target_segments)),
    };
    let alignment = crate::align::Aligner::new(crate::align::AlignOptions::default())
        .with_dictionary(checker.align_dictionary.clone())
        .with_builtin_dictionary(&source_lang, &target_lang)
        .align_documents(&[doc], &|| ())
        .remove(0);
    let findings = check_documents(
        &source_doc,
        &target_doc,
        &source_segments,
        &target_segments,
        &alignment,
        checker,
    );
    Ok(CheckedPair {
        source_doc,
        target_doc,
        source_lang,
        target_lang,
        source_segments,
        target_segments,
        alignment,
        findings,
        notes,
    })
}

/// Checks one French sentence against one English sentence (each taken as one segment per
/// line): the entry point for evaluations and benchmarks on sentence-level data.
pub fn check_texts(source: &str, target: &str, checker: &Checker) -> Vec<Finding> {
    let source_doc = Document::from_text("source", source);
    let target_doc = Document::from_text("target", target);
    let segment = |doc: &Document, lang: &str| {
        crate::text::segment_document(
            doc,
            &crate::text::SegmentOptions {
                lang: lang.to_string(),
                presplit: true,
                ..Default::default()
            },
        )
    };
    let source_segments = segment(&source_doc, &checker.source_lang);
    let target_segments = segment(&target_doc, &checker.target_lang);
    let link = crate::align::Link {
        source: (0..source_segments.len()).collect(),
        target: (0..target_segments.len()).collect(),
        score: 1.0,
    };
    let alignment = Alignment { links: vec![link] };
    check_documents(
        &source_doc,
        &target_doc,
        &source_segments,
        &target_segments,
        &alignment,
        checker,
    )
}

/// Rule ids the built-in checker reports on one French sentence and its English.
#[cfg(test)]
pub(crate) fn rules_on(fr: &str, en: &str) -> Vec<String> {
    check_texts(fr, en, &Checker::builtin())
        .into_iter()
        .map(|f| f.rule)
        .collect()
}

/// Rule ids of one family (`"number."`) the built-in checker reports on a sentence pair.
#[cfg(test)]
pub(crate) fn family_rules_on(prefix: &str, fr: &str, en: &str) -> Vec<String> {
    rules_on(fr, en)
        .into_iter()
        .filter(|rule| rule.starts_with(prefix))
        .collect()
}

/// Whether the built-in checker reports `rule` on one French sentence and its English.
#[cfg(test)]
pub(crate) fn fires(rule: &str, fr: &str, en: &str) -> bool {
    rules_on(fr, en).iter().any(|r| r == rule)
}

#[cfg(test)]
mod align_tests {
    use super::*;

    #[test]
    fn glossary_terms_anchor_the_alignment_of_checked_files() {
        let dir = tempfile::tempdir().unwrap();
        let fr = dir.path().join("fr.txt");
        let en = dir.path().join("en.txt");
        std::fs::write(
            &fr,
            "Les habitants ont fêté ce départ dans les rues.\n\n\
             Les casques bleus s'en sont allés sans bruit.\n\n\
             Le calme est revenu ce matin dans tout le pays.\n",
        )
        .unwrap();
        std::fs::write(
            &en,
            "Peacekeepers withdrew quietly.\n\nCalm returned this morning across the country.\n",
        )
        .unwrap();
        let target_of_second = |checker: &Checker| {
            let checked = check_files(&fr, &en, &ReadOptions::default(), checker).unwrap();
            checked
                .alignment
                .links
                .iter()
                .find(|l| l.source.contains(&1))
                .map(|l| l.target.clone())
                .unwrap()
        };
        let with_terms = Checker::builtin();
        let without_terms = Checker {
            align_dictionary: crate::align::lexicon::Dictionary::default(),
            ..Checker::builtin()
        };
        assert_eq!(target_of_second(&with_terms), vec![0]);
        assert_ne!(target_of_second(&without_terms), vec![0]);
    }
}
