//! Word-sequence patterns matched with one Aho-Corasick pass over folded text.
//!
//! A pattern is a phrase of words as written in a lexicon: "situer les responsabilités",
//! "amalgame*" (a trailing `*` matches any word starting with the stem, which covers
//! inflections), "GSIM" (a word written in capitals only matches an acronym in capitals).
//! Words of a pattern may be separated in the text by up to `gap` other words, so that
//! clitics, articles and adverbs do not hide a set phrase ("mettre sérieusement en cause").

use super::folded::{fold_str, Folded};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

pub type PatternId = usize;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Literal {
    text: String,
    stem: bool,
    caps: bool,
}

#[derive(Debug, Clone)]
struct Pattern {
    literals: Vec<usize>,
}

/// A match of a pattern: the first and last word indices in the `Folded` text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub pattern: PatternId,
    pub first: usize,
    pub last: usize,
}

/// Checks a lexicon phrase and splits it into folded literals.
fn parse_phrase(phrase: &str) -> Result<Vec<Literal>, String> {
    let mut literals = Vec::new();
    for raw in phrase.split(|c: char| !(c.is_alphanumeric() || c == '*')) {
        if raw.is_empty() {
            continue;
        }
        let stem = raw.ends_with('*');
        let body = raw.trim_end_matches('*');
        if body.is_empty() || body.contains('*') {
            return Err(format!("misplaced '*' in {phrase:?}"));
        }
        if stem && body.chars().count() < 3 {
            return Err(format!(
                "stem {raw:?} in {phrase:?} is shorter than 3 letters"
            ));
        }
        let caps = body.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && body.chars().all(|c| !c.is_lowercase());
        literals.push(Literal {
            text: fold_str(body),
            stem,
            caps,
        });
    }
    if literals.is_empty() {
        return Err(format!("empty pattern {phrase:?}"));
    }
    Ok(literals)
}

/// Checks a phrase without compiling it (lexicon loading reports the line).
pub fn validate_phrase(phrase: &str) -> Result<(), String> {
    parse_phrase(phrase).map(drop)
}

/// Collects phrases, then compiles them into one automaton.
#[derive(Debug, Default)]
pub struct PatternSetBuilder {
    literals: Vec<Literal>,
    patterns: Vec<Pattern>,
}

impl PatternSetBuilder {
    /// Adds a phrase; the error says what is wrong with it.
    pub fn add(&mut self, phrase: &str) -> Result<PatternId, String> {
        let mut literals = Vec::new();
        for literal in parse_phrase(phrase)? {
            let id = match self.literals.iter().position(|l| *l == literal) {
                Some(id) => id,
                None => {
                    self.literals.push(literal);
                    self.literals.len() - 1
                }
            };
            literals.push(id);
        }
        self.patterns.push(Pattern { literals });
        Ok(self.patterns.len() - 1)
    }

    pub fn build(self, gap: usize) -> PatternSet {
        let mut texts: Vec<&str> = Vec::new();
        let mut by_text: Vec<Vec<usize>> = Vec::new();
        for (id, literal) in self.literals.iter().enumerate() {
            match texts.iter().position(|t| *t == literal.text) {
                Some(at) => by_text[at].push(id),
                None => {
                    texts.push(&literal.text);
                    by_text.push(vec![id]);
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&texts)
            .expect("lexicon automaton fits in memory");
        let mut starts = vec![Vec::new(); self.literals.len()];
        for (id, pattern) in self.patterns.iter().enumerate() {
            starts[pattern.literals[0]].push(id);
        }
        PatternSet {
            automaton,
            by_text,
            literals: self.literals,
            patterns: self.patterns,
            starts,
            gap,
        }
    }
}

#[derive(Debug, Clone)]
pub struct PatternSet {
    automaton: AhoCorasick,
    /// Automaton pattern index → literal ids sharing that text.
    by_text: Vec<Vec<usize>>,
    literals: Vec<Literal>,
    patterns: Vec<Pattern>,
    /// Literal id → patterns that begin with it.
    starts: Vec<Vec<PatternId>>,
    gap: usize,
}

impl PatternSet {
    /// Every match of every pattern in `folded`, by pattern then position.
    pub fn matches(&self, folded: &Folded) -> Vec<Match> {
        let hits = self.word_hits(folded);
        let mut found = Vec::new();
        for &(word, literal) in &hits {
            for &pattern in &self.starts[literal] {
                if let Some(last) = self.extend(&hits, pattern, 1, word) {
                    found.push(Match {
                        pattern,
                        first: word,
                        last,
                    });
                }
            }
        }
        found.sort_by_key(|m| (m.pattern, m.first));
        found
    }

    /// (word index, literal id) for every literal found at a word start, sorted.
    fn word_hits(&self, folded: &Folded) -> Vec<(usize, usize)> {
        let mut hits = Vec::new();
        for m in self.automaton.find_overlapping_iter(&folded.text) {
            let Some(word) = folded.word_starting_at(m.start()) else {
                continue;
            };
            let w = folded.words[word];
            for &literal in &self.by_text[m.pattern().as_usize()] {
                let spec = &self.literals[literal];
                let whole = m.end() == w.end;
                if (whole || spec.stem) && (!spec.caps || w.all_caps) {
                    hits.push((word, literal));
                }
            }
        }
        hits.sort_unstable();
        hits.dedup();
        hits
    }

    /// Last word of the pattern's remaining literals `k..` matched after `word`, allowing
    /// up to `gap` words in between.
    fn extend(
        &self,
        hits: &[(usize, usize)],
        pattern: PatternId,
        k: usize,
        word: usize,
    ) -> Option<usize> {
        let literals = &self.patterns[pattern].literals;
        let Some(&literal) = literals.get(k) else {
            return Some(word);
        };
        (word + 1..=word + 1 + self.gap)
            .filter(|&next| hits.binary_search(&(next, literal)).is_ok())
            .find_map(|next| self.extend(hits, pattern, k + 1, next))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(phrases: &[&str], gap: usize) -> PatternSet {
        let mut b = PatternSetBuilder::default();
        for p in phrases {
            b.add(p).unwrap();
        }
        b.build(gap)
    }

    fn found(set: &PatternSet, text: &str) -> Vec<(PatternId, String)> {
        let f = Folded::new(text);
        set.matches(&f)
            .into_iter()
            .map(|m| {
                let (s, e) = f.orig_span(m.first, m.last);
                (m.pattern, text[s..e].to_string())
            })
            .collect()
    }

    #[test]
    fn stems_cover_inflections_and_words_are_whole() {
        let s = set(&["amalgame*", "vindicte"], 0);
        assert_eq!(
            found(&s, "des Amalgames et la vindictes"),
            [(0, "Amalgames".to_string())]
        );
        assert!(found(&s, "unamalgame").is_empty());
    }

    #[test]
    fn gaps_let_articles_and_clitics_through() {
        let s = set(&["situer responsabilités"], 2);
        assert_eq!(
            found(&s, "Situer toutes les responsabilités")[0].1,
            "Situer toutes les responsabilités"
        );
        assert!(found(&s, "situer à tous les niveaux les responsabilités").is_empty());
    }

    #[test]
    fn capitals_in_a_pattern_require_an_acronym() {
        let s = set(&["AES"], 0);
        assert_eq!(found(&s, "l'AES").len(), 1);
        assert!(found(&s, "les aes").is_empty());
    }

    #[test]
    fn bad_patterns_are_refused() {
        let mut b = PatternSetBuilder::default();
        assert!(b.add("a*b").is_err());
        assert!(b.add("ab*").is_err());
        assert!(b.add(" , ").is_err());
    }
}
