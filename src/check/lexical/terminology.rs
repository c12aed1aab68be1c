//! Terminology and acronyms: a French term expects one of its accepted English forms;
//! a form to avoid in English copy is an error (the French acronym "GSIM" left in English
//! for JNIM); a French acronym whose concept disappears from the English is a warning.
//! An acronym that changes between languages (OTAN → NATO) is fine when the English
//! acronym or name is there.

use super::lexicon::TermRule;
use super::pattern::validate_phrase;
use super::pattern::Match;
use super::{LexicalChecks, Owner, Role, Scan};
use crate::check::{Category, Finding, Severity};
use crate::glossary::{Concept, Glossary, Lang};

/// The terminology rules of every concept of `glossary`.
pub fn glossary_terms(glossary: &Glossary) -> Vec<TermRule> {
    glossary.iter().map(term_rule).collect()
}

/// French forms (preferred, variants, acronym) expect an accepted English form; the
/// English renderings to avoid are flagged. Forms the phrase matcher cannot read are
/// left out rather than refused: the glossary validated its own data.
fn term_rule(concept: &Concept) -> TermRule {
    fn forms<'a>(forms: impl Iterator<Item = &'a str>) -> Vec<String> {
        forms
            .filter(|f| validate_phrase(f).is_ok())
            .map(str::to_string)
            .collect()
    }
    TermRule {
        id: concept.id.clone(),
        french: forms(concept.accepted(Lang::Fr)),
        english: forms(concept.accepted(Lang::En))
            .iter()
            .map(|f| inflectable(f))
            .collect(),
        avoid: forms(concept.en_avoid.iter().map(String::as_str)),
        note: String::new(),
    }
}

/// An accepted English form whose lower-case words also match their inflections
/// ("claim" covers "claimed"): the form shows the concept was understood.
fn inflectable(form: &str) -> String {
    form.split(' ')
        .map(|word| {
            let plain = word.chars().all(|c| c.is_ascii_lowercase());
            if plain && word.len() >= 4 {
                format!("{word}*")
            } else {
                word.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl LexicalChecks {
    pub(super) fn terminology(&self, scan: &Scan, out: &mut Vec<Finding>) {
        let mut done: Vec<usize> = Vec::new();
        for m in &scan.english {
            let Owner::Term(t, Role::Wrong) = self.english_owner[m.pattern] else {
                continue;
            };
            // Without the French term, the English form may name something else.
            let french_owner = Owner::Term(t, Role::French);
            let Some(french) = self.find_french(scan, french_owner) else {
                continue;
            };
            if done.contains(&t) || self.glossed(scan, *m, t) || kept_in_a_name(scan, *m) {
                continue;
            }
            done.push(t);
            let term = &self.lexicon.terms[t];
            let source = scan.source_span(french);
            let target = scan.target_span(*m);
            let expected = term
                .english
                .first()
                .map_or(String::new(), |e| e.replace('*', ""));
            out.push(Finding {
                rule: format!("terminology.{}", term.id),
                category: Category::Terminology,
                severity: Severity::Error,
                message: format!(
                    "“{}” is not the accepted English form of « {} »: use “{expected}”{}",
                    target.text,
                    source.text,
                    note(&term.note),
                ),
                source: Some(source),
                target: Some(target),
                suggestion: Some(expected.to_string()),
            });
        }
        for french in &scan.french {
            let Owner::Term(t, Role::French) = self.french_owner[french.pattern] else {
                continue;
            };
            if done.contains(&t) || self.inside_longer_term(scan, *french) {
                continue;
            }
            done.push(t);
            let right = Owner::Term(t, Role::Right);
            if self.find_english(scan, right).is_some() {
                continue;
            }
            let first = scan.source.words[french.first];
            let acronym = first.all_caps && french.first == french.last;
            if acronym && classifies_a_kept_name(scan, *french) {
                continue;
            }
            // A common word ("bilan", "militaires") has many right renderings: only names,
            // acronyms and set terms are expected in a given form.
            let name = first.capitalised || french.first != french.last;
            if !acronym && !name {
                continue;
            }
            let term = &self.lexicon.terms[t];
            let source = scan.source_span(*french);
            let expected = term
                .english
                .first()
                .map_or(String::new(), |e| e.replace('*', ""));
            out.push(Finding {
                rule: format!("{}.{}", if acronym { "acronym" } else { "terminology" }, term.id),
                category: if acronym { Category::Acronym } else { Category::Terminology },
                severity: if acronym { Severity::Warning } else { Severity::Info },
                message: if acronym {
                    format!(
                        "the acronym « {} » has no English counterpart here (expected “{expected}”)",
                        source.text
                    )
                } else {
                    format!("« {} » is usually rendered “{expected}”", source.text)
                },
                source: Some(source),
                target: None,
                suggestion: Some(expected.to_string()),
            });
        }
    }
}

impl LexicalChecks {
    /// A French term inside a longer one (« état-major » in « chef d'état-major général des
    /// armées ») is the longer term's business: its English is that of the whole title.
    fn inside_longer_term(&self, scan: &Scan, french: Match) -> bool {
        scan.french.iter().any(|other| {
            matches!(
                self.french_owner[other.pattern],
                Owner::Term(_, Role::French)
            ) && other.first <= french.first
                && french.last <= other.last
                && other.last - other.first > french.last - french.first
        })
    }

    /// A form to avoid that is immediately glossed by an accepted acronym, "Group for
    /// the Support of Islam and Muslims (JNIM)", explains the acronym rather than
    /// replacing it; unless it is the official name garbled, its words reordered ("Sahel
    /// States Alliance (AES)" for the Alliance of Sahel States).
    fn glossed(&self, scan: &Scan, wrong: Match, term: usize) -> bool {
        let wrong_text = &scan.pair.target.text
            [scan.target.words[wrong.first].orig_start..scan.target.words[wrong.last].orig_end];
        let garbled = self.lexicon.terms[term]
            .english
            .first()
            .is_some_and(|official| same_words(official, wrong_text));
        if garbled {
            return false;
        }
        let next = wrong.last + 1;
        let Some(word) = scan.target.words.get(next) else {
            return false;
        };
        let text = scan.pair.target.text;
        let between = &text[scan.target.words[wrong.last].orig_end..word.orig_start];
        if between.trim() != "(" {
            return false;
        }
        // The accepted acronym anywhere inside the parentheses: "(JNIM)", "(known by its
        // Arabic acronym JNIM)".
        let inside =
            (next..(next + MAX_GLOSS_WORDS).min(scan.target.words.len())).take_while(|&k| {
                k == next
                    || !text[scan.target.words[k - 1].orig_end..scan.target.words[k].orig_start]
                        .contains(')')
            });
        let is_acronym = |word: &str| {
            self.lexicon.terms[term].english.iter().any(|form| {
                let form = form.trim_end_matches('*');
                !form.contains(' ')
                    && form.chars().all(|c| !c.is_lowercase())
                    && form.eq_ignore_ascii_case(word)
            })
        };
        inside.into_iter().any(|k| is_acronym(scan.target.word(k)))
    }
}

/// Words a parenthesis after a term may hold before its acronym.
const MAX_GLOSS_WORDS: usize = 8;

/// The same content words in any order: "Sahel States Alliance" ~ "Alliance of Sahel States".
/// The form to avoid ends a name the French has word for word and English keeps as it is:
/// "Radio Tchad", a station, is no country left in French.
fn kept_in_a_name(scan: &Scan, wrong: Match) -> bool {
    let Some(before) = wrong.first.checked_sub(1) else {
        return false;
    };
    let words = &scan.target.words;
    let (first, start, last) = (words[before], words[wrong.first], words[wrong.last]);
    let text = scan.pair.target.text;
    // One name: "Radio Tchad", not "Grand Sahara (EIGS)".
    let joined = text[first.orig_end..start.orig_start].trim().is_empty();
    let name = &text[first.orig_start..last.orig_end];
    first.capitalised && joined && scan.pair.source.text.contains(name)
}

/// « l'ONG Acled », « le parti PDCI »: an acronym that classifies the name after it, which
/// the English keeps, may be rendered by any description ("the conflict monitor ACLED").
fn classifies_a_kept_name(scan: &Scan, acronym: Match) -> bool {
    let next = acronym.last + 1;
    if !scan.source.words.get(next).is_some_and(|w| w.capitalised) {
        return false;
    }
    let name = scan.source.word(next);
    (0..scan.target.words.len()).any(|i| scan.target.word(i) == name)
}

fn same_words(a: &str, b: &str) -> bool {
    let words = |text: &str| {
        let mut words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .filter(|w| !matches!(w.as_str(), "of" | "the" | "for" | "and" | "in"))
            .collect();
        words.sort();
        words
    };
    let (a, b) = (words(a.trim_end_matches('*')), words(b));
    a.len() > 1 && a == b
}

fn note(note: &str) -> String {
    if note.is_empty() {
        String::new()
    } else {
        format!(" ({note})")
    }
}
