//! Terminology and acronyms: a French term expects one of its accepted English forms;
//! a form to avoid in English copy is an error (the French acronym "GSIM" left in English
//! for JNIM); a French acronym whose concept disappears from the English is a warning.
//! An acronym that changes between languages (OTAN → NATO) is fine when the English
//! acronym or name is there.

use super::{LexicalChecks, Owner, Role, Scan};
use crate::check::{Category, Finding, Severity};

impl LexicalChecks {
    pub(super) fn terminology(&self, scan: &Scan, out: &mut Vec<Finding>) {
        let mut flagged: Vec<usize> = Vec::new();
        for m in &scan.english {
            let Owner::Term(t, Role::Wrong) = self.english_owner[m.pattern] else {
                continue;
            };
            if flagged.contains(&t) {
                continue;
            }
            flagged.push(t);
            let term = &self.lexicon.terms[t];
            let french = self.first_match(
                &scan.french,
                &self.french_owner,
                Owner::Term(t, Role::French),
            );
            let target = scan.target_span(*m);
            let expected = term.english.first().map_or("", String::as_str);
            out.push(Finding {
                rule: format!("terminology.{}", term.id),
                category: Category::Terminology,
                // Without the French term, the English may name something else.
                severity: if french.is_some() {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                source: french.map(|f| scan.source_span(f)),
                message: format!(
                    "“{}” is not the accepted English form{}: use “{expected}”{}",
                    target.text,
                    french.map_or(String::new(), |f| format!(
                        " of « {} »",
                        scan.source_span(f).text
                    )),
                    note(&term.note),
                ),
                target: Some(target),
                suggestion: Some(expected.to_string()),
            });
        }
        for french in &scan.french {
            let Owner::Term(t, Role::French) = self.french_owner[french.pattern] else {
                continue;
            };
            if flagged.contains(&t) {
                continue;
            }
            flagged.push(t);
            let (term, french) = (&self.lexicon.terms[t], *french);
            if self
                .first_match(
                    &scan.english,
                    &self.english_owner,
                    Owner::Term(t, Role::Right),
                )
                .is_some()
            {
                continue;
            }
            let acronym = scan.source.words[french.first].all_caps && french.first == french.last;
            let source = scan.source_span(french);
            let expected = term.english.first().map_or("", String::as_str);
            out.push(Finding {
                rule: format!("{}.{}", if acronym { "acronym" } else { "terminology" }, term.id),
                category: if acronym { Category::Acronym } else { Category::Terminology },
                severity: if acronym { Severity::Warning } else { Severity::Info },
                message: if acronym {
                    format!("the acronym « {} » has no English counterpart here (expected “{expected}”)", source.text)
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

fn note(note: &str) -> String {
    if note.is_empty() {
        String::new()
    } else {
        format!(" ({note})")
    }
}
