//! Lexicon-driven checks: false friends, calques, context-dependent words, publication
//! titles that must stay as they are, and terminology/acronyms.
//!
//! Every family is bilingual: a French trigger in the source side of a link and a
//! suspicious English rendering in its target side, with silence when a right rendering is
//! there. All phrases of all lexicons are compiled once into two pattern sets (one per
//! language) over accent-folded, lower-cased text; each pair is folded once per side and
//! each of its words looked up in the set's word and stem tables.
//!
//! Data (reviewable TSV, embedded): `lexical/data/false_friends.tsv`, `calques.tsv`, `senses.tsv`,
//! `media.tsv`, `title_words.tsv`, `terms.tsv`; the glossary's concepts add terminology.
//! `--lexicon FILE` takes the same formats, told apart by their header line (see
//! `lexicon` for the columns), and is merged over the built-in data.

mod folded;
mod lexicon;
mod pattern;
mod terminology;
mod title;

pub use lexicon::{Lexicon, Media, Rule, TermRule};
pub use terminology::glossary_terms;

use super::{Category, Finding, Pair, Side, Span};
use crate::error::Result;
use crate::glossary::Glossary;
use folded::Folded;
use foldhash::HashMap;
use pattern::{Hits, Match, PatternId, PatternSet, PatternSetBuilder};
use std::path::{Path, PathBuf};

/// Words a French phrase's words may be apart by (clitics, articles, adverbs).
const FRENCH_GAP: usize = 2;
/// English renderings are matched nearly word for word.
const ENGLISH_GAP: usize = 1;

const BUILTIN: &[(&str, &str)] = &[
    (
        "false_friends.tsv",
        include_str!("lexical/data/false_friends.tsv"),
    ),
    ("calques.tsv", include_str!("lexical/data/calques.tsv")),
    (
        "qualifiers.tsv",
        include_str!("lexical/data/qualifiers.tsv"),
    ),
    ("senses.tsv", include_str!("lexical/data/senses.tsv")),
    ("media.tsv", include_str!("lexical/data/media.tsv")),
    (
        "title_words.tsv",
        include_str!("lexical/data/title_words.tsv"),
    ),
    ("terms.tsv", include_str!("lexical/data/terms.tsv")),
];

/// What a compiled pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Owner {
    Rule(usize, Role),
    Media(usize, Role),
    Term(usize, Role),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Role {
    French,
    Wrong,
    Right,
}

/// The compiled lexicons. Build once, then `check` every pair.
#[derive(Debug, Clone)]
pub struct LexicalChecks {
    lexicon: Lexicon,
    french: PatternSet,
    english: PatternSet,
    french_owner: Vec<Owner>,
    english_owner: Vec<Owner>,
    french_patterns: HashMap<Owner, Vec<PatternId>>,
    english_patterns: HashMap<Owner, Vec<PatternId>>,
    words: HashMap<String, Vec<String>>,
}

impl LexicalChecks {
    /// The built-in lexicons and the built-in glossary.
    pub fn builtin() -> Self {
        let mut lexicon = builtin_lexicon();
        lexicon.add_glossary_terms(glossary_terms(&Glossary::builtin()));
        Self::from_lexicon(lexicon).expect("built-in lexicons compile")
    }

    /// Built-in lexicons, the terminology of `glossary` (built-in glossary plus the
    /// user's `--glossary` files, as the caller loaded it) for concepts the lexicons do
    /// not cover, then each `--lexicon` file merged over them (same id replaces).
    pub fn new(user_lexicons: &[PathBuf], glossary: &Glossary) -> Result<Self> {
        let mut lexicon = builtin_lexicon();
        lexicon.add_glossary_terms(glossary_terms(glossary));
        for path in user_lexicons {
            lexicon.merge_file(path)?;
        }
        Self::from_lexicon(lexicon)
    }

    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Compiles every phrase. Eager patterns start a finding (an English rendering to
    /// flag, a French media noun or term); the others are only looked for once a finding
    /// is on the table, which keeps the cost per pair low.
    fn from_lexicon(lexicon: Lexicon) -> Result<Self> {
        let (eager, lazy) = (true, false);
        let mut fr = Compiler::default();
        let mut en = Compiler::default();
        for (i, rule) in lexicon.rules.iter().enumerate() {
            // An omission rule starts from its French; the others from a wrong rendering.
            let omission = rule.wrong.is_empty();
            fr.add_all(&rule.french, Owner::Rule(i, Role::French), omission);
            en.add_all(&rule.wrong, Owner::Rule(i, Role::Wrong), eager);
            en.add_all(&rule.right, Owner::Rule(i, Role::Right), lazy);
        }
        for (i, media) in lexicon.media.iter().enumerate() {
            let french = std::slice::from_ref(&media.french);
            fr.add_all(french, Owner::Media(i, Role::French), eager);
            en.add_all(&media.wrong, Owner::Media(i, Role::Wrong), lazy);
            en.add_all(&media.right, Owner::Media(i, Role::Right), lazy);
        }
        for (i, term) in lexicon.terms.iter().enumerate() {
            fr.add_all(&term.french, Owner::Term(i, Role::French), eager);
            en.add_all(&term.english, Owner::Term(i, Role::Right), lazy);
            en.add_all(&term.avoid, Owner::Term(i, Role::Wrong), eager);
        }
        let words = lexicon.words.iter().cloned().collect();
        Ok(LexicalChecks {
            french: fr.builder.build(FRENCH_GAP),
            english: en.builder.build(ENGLISH_GAP),
            french_owner: fr.owners,
            english_owner: en.owners,
            french_patterns: fr.patterns_of,
            english_patterns: en.patterns_of,
            lexicon,
            words,
        })
    }

    /// Findings of every lexical family on one aligned pair.
    pub fn check(&self, pair: &Pair) -> Vec<Finding> {
        if pair.source.is_empty() || pair.target.is_empty() || !is_french_to_english(pair) {
            return Vec::new();
        }
        let source = Folded::new(pair.source.text);
        let target = Folded::new(pair.target.text);
        let french_hits = self.french.hits(&source);
        let english_hits = self.english.hits(&target);
        let scan = Scan {
            pair,
            french: self.french.matches(&french_hits),
            english: self.english.matches(&english_hits),
            french_hits,
            english_hits,
            source,
            target,
        };
        let mut findings = Vec::new();
        self.bilingual_rules(&scan, &mut findings);
        self.omitted_qualifiers(&scan, &mut findings);
        self.publications(&scan, &mut findings);
        self.terminology(&scan, &mut findings);
        findings
    }

    /// False friends, calques and context rules: French trigger + wrong English, and no
    /// right English.
    fn bilingual_rules(&self, scan: &Scan, out: &mut Vec<Finding>) {
        let mut candidates: Vec<(usize, Match)> = scan
            .english
            .iter()
            .filter_map(|m| match self.english_owner[m.pattern] {
                Owner::Rule(r, Role::Wrong) => Some((r, *m)),
                _ => None,
            })
            .collect();
        candidates.sort_by_key(|(r, m)| (*r, m.first));
        candidates.dedup_by_key(|(r, _)| *r);
        for (r, wrong) in candidates {
            let Some(french) = self.find_french(scan, Owner::Rule(r, Role::French)) else {
                continue;
            };
            // "Stage Entertainment", "Le Parisien Libéré": a name, not the common word.
            if scan
                .source
                .is_name_like(scan.pair.source.text, french.first)
                && !capitalised_common_noun(scan.source.word(french.first))
            {
                continue;
            }
            if second_half_of_a_compound(scan, french) {
                continue;
            }
            if self.right_rendering_apart(scan, r, wrong) {
                continue;
            }
            let rule = &self.lexicon.rules[r];
            let source = scan.source_span(french);
            let target = scan.target_span(wrong);
            let message = match rule.category {
                Category::FalseFriend => format!(
                    "« {} » means “{}”: “{}” is a false friend",
                    source.text, rule.meaning, target.text
                ),
                Category::Calque => format!(
                    "« {} » is a set phrase meaning “{}”; “{}” renders it word for word",
                    source.text, rule.meaning, target.text
                ),
                _ => format!(
                    "« {} » here means “{}”, not “{}”",
                    source.text, rule.meaning, target.text
                ),
            };
            out.push(Finding {
                rule: rule.id.clone(),
                category: rule.category,
                severity: rule.severity,
                source: Some(source),
                target: Some(target),
                message,
                suggestion: Some(rule.meaning.clone()),
            });
        }
    }

    /// Omission rules: a French qualifier (« présumé », « ancien », « par intérim ») with
    /// none of its renderings in the English.
    fn omitted_qualifiers(&self, scan: &Scan, out: &mut Vec<Finding>) {
        let mut seen = Vec::new();
        for m in &scan.french {
            let Owner::Rule(r, Role::French) = self.french_owner[m.pattern] else {
                continue;
            };
            let rule = &self.lexicon.rules[r];
            if !rule.wrong.is_empty() || seen.contains(&r) {
                continue;
            }
            seen.push(r);
            let named = scan.source.is_name_like(scan.pair.source.text, m.first);
            if named
                || self
                    .find_english(scan, Owner::Rule(r, Role::Right))
                    .is_some()
            {
                continue;
            }
            let source = scan.source_span(*m);
            out.push(Finding {
                rule: rule.id.clone(),
                category: rule.category,
                severity: rule.severity,
                message: format!(
                    "« {} » ({}) has no counterpart in the English",
                    source.text, rule.meaning
                ),
                source: Some(source),
                target: scan.pair.target_if_single_sentence(),
                suggestion: Some(rule.meaning.clone()),
            });
        }
    }

    /// A right rendering of rule `r` in the English that is no part of the `wrong` one:
    /// the "question" inside "put in question" is part of the calque, not its cure, but
    /// "taken place" inside "has (taken) place" fills the gap of the wrong "has place".
    fn right_rendering_apart(&self, scan: &Scan, r: usize, wrong: Match) -> bool {
        let Some(patterns) = self.english_patterns.get(&Owner::Rule(r, Role::Right)) else {
            return false;
        };
        let hits = &scan.english_hits;
        let own_word = |w: usize| self.english.is_literal_at(hits, wrong.pattern, w);
        patterns.iter().any(|&p| {
            self.english.find_all(hits, p).any(|m| {
                m.first < wrong.first || m.last > wrong.last || !(m.first..=m.last).all(own_word)
            })
        })
    }

    /// First match (in text order) in the French side of any pattern of `owner`.
    fn find_french(&self, scan: &Scan, owner: Owner) -> Option<Match> {
        first_of(
            &self.french,
            &scan.french_hits,
            self.french_patterns.get(&owner),
        )
    }

    /// First match (in text order) in the English side of any pattern of `owner`.
    fn find_english(&self, scan: &Scan, owner: Owner) -> Option<Match> {
        first_of(
            &self.english,
            &scan.english_hits,
            self.english_patterns.get(&owner),
        )
    }
}

fn first_of(set: &PatternSet, hits: &Hits, patterns: Option<&Vec<PatternId>>) -> Option<Match> {
    patterns?
        .iter()
        .filter_map(|&p| set.find(hits, p))
        .min_by_key(|m| m.first)
}

/// « avions-cargos », « navire-hôpital »: the word after a hyphen is the second half of a
/// compound, whose meaning is the compound's (a "cargo plane"), not the word's alone.
fn second_half_of_a_compound(scan: &Scan, french: Match) -> bool {
    let start = scan.source.words[french.first].orig_start;
    let mut before = scan.pair.source.text[..start].chars().rev();
    before.next() == Some('-') && before.next().is_some_and(char::is_alphabetic)
}

fn builtin_lexicon() -> Lexicon {
    let mut lexicon = Lexicon::default();
    for (name, text) in BUILTIN {
        lexicon
            .merge_text(Path::new(name), text)
            .unwrap_or_else(|e| panic!("built-in lexicon: {e}"));
    }
    lexicon
}

fn is_french_to_english(pair: &Pair) -> bool {
    let lang =
        |side: &Side, code: &str| side.lang.is_empty() || side.lang.eq_ignore_ascii_case(code);
    lang(&pair.source, "fr") && lang(&pair.target, "en")
}

#[derive(Default)]
struct Compiler {
    builder: PatternSetBuilder,
    owners: Vec<Owner>,
    patterns_of: HashMap<Owner, Vec<PatternId>>,
}

impl Compiler {
    /// Phrases were validated when the lexicon was read.
    fn add_all(&mut self, phrases: &[String], owner: Owner, eager: bool) {
        for phrase in phrases {
            let id: PatternId = self
                .builder
                .add(phrase, eager)
                .expect("lexicon phrases are validated on load");
            debug_assert_eq!(id, self.owners.len());
            self.owners.push(owner);
            self.patterns_of.entry(owner).or_default().push(id);
        }
    }
}

/// One pair, folded and scanned.
struct Scan<'p, 'a> {
    pair: &'p Pair<'a>,
    source: Folded,
    target: Folded,
    /// Matches of the eager patterns.
    french: Vec<Match>,
    english: Vec<Match>,
    french_hits: Hits,
    english_hits: Hits,
}

impl Scan<'_, '_> {
    fn source_span(&self, m: Match) -> Span {
        let (start, end) = self.source.orig_span(m.first, m.last);
        self.pair.source.span(start, end)
    }

    fn target_span(&self, m: Match) -> Span {
        let (start, end) = self.target.orig_span(m.first, m.last);
        self.pair.target.span(start, end)
    }
}

/// Nouns French capitalises without making them names: « les Occidentaux » (Westerners).
fn capitalised_common_noun(folded: &str) -> bool {
    matches!(
        folded,
        "occidental" | "occidentale" | "occidentaux" | "occidentales" | "orientaux"
    )
}
