//! Checks that read beyond one link: a French acronym kept in English copy must be spelt
//! out somewhere in the document (FAMa → Malian Armed Forces), and "on the contrary"
//! must answer a denial in what comes before it.

use super::{negation, words, Category, Finding, Pair, Severity};
use crate::glossary::Glossary;
use crate::text::token::fold;

/// An acronym built from French words that English copy keeps as it is (FAMa, VDP, MSF):
/// English readers cannot expand it, so the document has to.
#[derive(Debug, Clone, PartialEq)]
struct KeptAcronym {
    acronym: String,
    /// The concept's English names, lower-cased: any of them in the document explains it.
    expansions: Vec<String>,
}

/// Document-level checks, built once from the glossary in use.
#[derive(Debug, Clone, Default)]
pub struct DocumentChecks {
    acronyms: Vec<KeptAcronym>,
    /// Every kept acronym at once: one pass over the document, not one per acronym.
    finder: Option<aho_corasick::AhoCorasick>,
}

impl DocumentChecks {
    pub fn from_glossary(glossary: &Glossary) -> Self {
        let acronyms: Vec<KeptAcronym> = glossary
            .iter()
            .filter_map(|concept| {
                let english = concept.en.acronym.as_deref()?;
                let french = concept.fr.acronym.as_deref()?;
                (english == french).then(|| KeptAcronym {
                    acronym: english.to_string(),
                    expansions: std::iter::once(&concept.en.preferred)
                        .chain(&concept.en.variants)
                        .filter(|name| name.as_str() != english)
                        .map(|name| name.to_lowercase())
                        .collect(),
                })
            })
            .collect();
        let finder = aho_corasick::AhoCorasick::new(acronyms.iter().map(|k| &k.acronym)).ok();
        DocumentChecks { acronyms, finder }
    }

    /// The kept acronyms `text` uses as whole words.
    fn used_in(&self, text: &str) -> Vec<&KeptAcronym> {
        let Some(finder) = &self.finder else {
            return Vec::new();
        };
        let mut used = vec![false; self.acronyms.len()];
        for m in finder.find_overlapping_iter(text) {
            used[m.pattern().as_usize()] |= is_whole_word(text, m.start(), m.end());
        }
        self.acronyms
            .iter()
            .zip(used)
            .filter_map(|(kept, used)| used.then_some(kept))
            .collect()
    }

    /// Findings over the links of one document pair, each with the index of its link.
    pub fn check(&self, pairs: &[Pair]) -> Vec<(usize, Finding)> {
        let mut findings = self.unexplained_acronyms(pairs);
        findings.extend(contrary_without_denial(pairs));
        findings.extend(super::pronoun_animacy::check(pairs));
        findings
    }

    fn unexplained_acronyms(&self, pairs: &[Pair]) -> Vec<(usize, Finding)> {
        let Some(doc) = pairs.first().map(|p| p.target.doc) else {
            return Vec::new();
        };
        let used = self.used_in(&doc.text);
        if used.is_empty() {
            return Vec::new();
        }
        let lower = doc.text.to_lowercase();
        let mut findings = Vec::new();
        for kept in used {
            if kept.expansions.iter().any(|e| lower.contains(e.as_str())) {
                continue;
            }
            let first_use = pairs.iter().enumerate().find_map(|(l, pair)| {
                word_at(pair.target.text, &kept.acronym).map(|start| (l, pair, start))
            });
            let Some((link, pair, start)) = first_use else {
                continue;
            };
            // "the Malian army (FAMa)": glossed in the writer's own words.
            if pair.target.text[..start].trim_end().ends_with('(') {
                continue;
            }
            let end = start + kept.acronym.len();
            let source = word_at(pair.source.text, &kept.acronym)
                .map(|s| pair.source.span(s, s + kept.acronym.len()));
            let expansion = kept.expansions.first().map_or("", String::as_str);
            let finding = Finding::new(
                "acronym.unexplained",
                Category::Acronym,
                Severity::Info,
                source,
                Some(pair.target.span(start, end)),
                format!(
                    "« {} » is a French acronym that English readers cannot expand, and the English never spells it out",
                    kept.acronym
                ),
            )
            .suggest(format!("{} ({})", title_case(expansion), kept.acronym));
            findings.push((link, finding));
        }
        findings
    }
}

/// Byte offset of the first whole-word, case-sensitive occurrence of `word` in `text`.
fn word_at(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word)
        .map(|(at, _)| at)
        .find(|&at| is_whole_word(text, at, at + word.len()))
}

/// `text[start..end]` is neither preceded nor followed by a letter, digit or hyphen.
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let is_word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-');
    !is_word_char(text[..start].chars().next_back()) && !is_word_char(text[end..].chars().next())
}

fn title_case(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map_or(String::new(), |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// « Au contraire » contrasts two things as often as it denies one; English "on the
/// contrary" only denies: the sentence before it must say no. After a sentence with no
/// negation it reads as a contradiction the French never made ("By contrast").
fn contrary_without_denial(pairs: &[Pair]) -> Vec<(usize, Finding)> {
    let mut findings = Vec::new();
    for (link, pair) in pairs.iter().enumerate() {
        if !pair.target.text.contains("ontrary") {
            continue;
        }
        let lower = pair.target.text.to_ascii_lowercase();
        let Some(start) = lower.find("on the contrary") else {
            continue;
        };
        let Some(french_start) = fold_find(pair.source.text, "au contraire") else {
            continue;
        };
        let before = previous_sentence(pairs, link, start);
        if !negation::english(&words(&before)).is_empty() {
            continue;
        }
        let end = start + "on the contrary".len();
        let french = pair
            .source
            .span(french_start, french_start + "au contraire".len());
        let finding = Finding::new(
            "calque.au-contraire",
            Category::Calque,
            Severity::Warning,
            Some(french),
            Some(pair.target.span(start, end)),
            "“on the contrary” denies what was just said, and the sentence before denies nothing: « au contraire » contrasts here".to_string(),
        )
        .suggest("By contrast");
        findings.push((link, finding));
    }
    findings
}

/// The English before byte `start` of link `link` that it answers: the start of its own
/// sentence, or when it opens one, the sentence before (in its link or an earlier one).
fn previous_sentence(pairs: &[Pair], link: usize, start: usize) -> String {
    let target = &pairs[link].target;
    let local = |s: &&crate::text::Segment| s.norm_start - target.offset;
    let Some(k) = target.segments.iter().rposition(|s| local(s) <= start) else {
        return String::new();
    };
    let opening = local(&target.segments[k]);
    if opening < start {
        return target.text[opening..start].to_string();
    }
    let earlier = match k.checked_sub(1) {
        Some(before) => Some(target.segments[before]),
        None => pairs[..link]
            .iter()
            .rev()
            .find_map(|p| p.target.segments.last().copied()),
    };
    earlier.map_or(String::new(), |s| s.text.clone())
}

/// Byte offset in `text` of a folded phrase, found case- and accent-insensitively.
fn fold_find(text: &str, phrase: &str) -> Option<usize> {
    let window = phrase.chars().count();
    text.char_indices().map(|(at, _)| at).find(|&at| {
        let head: String = text[at..].chars().take(window).collect();
        fold(&head) == phrase
    })
}

#[cfg(test)]
mod tests {

    fn rules(fr: &str, en: &str, prefix: &str) -> Vec<String> {
        crate::check::family_rules_on(prefix, fr, en)
    }

    #[test]
    fn a_french_acronym_never_spelt_out_in_english_is_noted_once() {
        let fr = "Les VDP ont repoussé l'attaque. Les VDP ont perdu deux hommes.";
        let bare = "The VDP repelled the attack. The VDP lost two men.";
        assert_eq!(
            rules(fr, bare, "acronym.unexplained"),
            ["acronym.unexplained"]
        );
        for explained in [
            "The Volunteers for the Defence of the Homeland (VDP) repelled the attack. The VDP lost two men.",
            "The army's civilian auxiliaries (VDP) repelled the attack. The VDP lost two men.",
        ] {
            assert!(
                rules(fr, explained, "acronym.unexplained").is_empty(),
                "{explained}"
            );
        }
    }

    #[test]
    fn an_acronym_english_has_its_own_for_is_not_a_kept_french_one() {
        let fr = "L'OTAN a tenu un sommet à Bruxelles.";
        let en = "NATO held a summit in Brussels.";
        assert!(rules(fr, en, "acronym.unexplained").is_empty());
    }

    #[test]
    fn on_the_contrary_must_follow_a_denial() {
        let fr = "Les ventes ont augmenté à Paris. Au contraire, elles ont chuté à Lyon.";
        let contrast = "Sales rose in Paris. On the contrary, they fell in Lyon.";
        assert_eq!(
            rules(fr, contrast, "calque.au-contraire"),
            ["calque.au-contraire"]
        );
        let fr = "Les ventes n'ont pas baissé. Au contraire, elles ont augmenté.";
        let denial = "Sales did not fall. On the contrary, they rose.";
        assert!(rules(fr, denial, "calque.au-contraire").is_empty());
        let by_contrast = "Sales rose in Paris. By contrast, they fell in Lyon.";
        let fr = "Les ventes ont augmenté à Paris. Au contraire, elles ont chuté à Lyon.";
        assert!(rules(fr, by_contrast, "calque").is_empty());
    }

    #[test]
    fn on_the_contrary_inside_a_sentence_answers_its_own_first_clause() {
        let fr = "Il n'a pas reculé, au contraire, il a accéléré.";
        let en = "He did not back down; on the contrary, he sped up.";
        assert!(rules(fr, en, "calque.au-contraire").is_empty());
        let en = "He held his ground, on the contrary, he sped up.";
        assert_eq!(
            rules(fr, en, "calque.au-contraire"),
            ["calque.au-contraire"]
        );
    }
}
