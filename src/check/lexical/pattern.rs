//! Word-sequence patterns matched word by word over folded text.
//!
//! A pattern is a phrase of words as written in a lexicon: "situer les responsabilités",
//! "amalgame*" (a trailing `*` matches any word starting with the stem, which covers
//! inflections), "GSIM" (a word written in capitals only matches an acronym in capitals).
//! Words of a pattern may be separated in the text by up to `gap` other words, so that
//! clitics, articles and adverbs do not hide a set phrase ("mettre sérieusement en cause").

use super::folded::{fold_str, Folded};
use foldhash::HashMap;

pub type PatternId = usize;

/// Stems are three letters or more: their first three bytes index them.
const STEM_KEY: usize = 3;

fn stem_key(text: &str) -> Option<[u8; STEM_KEY]> {
    text.as_bytes().get(..STEM_KEY)?.try_into().ok()
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Literal {
    text: String,
    stem: bool,
    caps: bool,
}

#[derive(Debug, Clone)]
struct Pattern {
    literals: Vec<usize>,
    /// Reported by `matches`; other patterns are only looked for with `find`.
    eager: bool,
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

/// An acronym matches in capitals, or, from four letters, in the title case French wire
/// copy gives pronounceable ones (Cedeao, Minusma, Otan).
fn case_fits(spec: &Literal, word: &super::folded::Word) -> bool {
    !spec.caps || word.all_caps || (word.capitalised && spec.text.chars().count() >= 4)
}

/// Checks a phrase without compiling it (lexicon loading reports the line).
pub fn validate_phrase(phrase: &str) -> Result<(), String> {
    parse_phrase(phrase).map(drop)
}

/// Collects phrases, then compiles them into one set.
#[derive(Debug, Default)]
pub struct PatternSetBuilder {
    literals: Vec<Literal>,
    patterns: Vec<Pattern>,
}

impl PatternSetBuilder {
    /// Adds a phrase; the error says what is wrong with it. An `eager` pattern is
    /// reported by `matches`; the others are looked for one by one with `find`, which is
    /// cheaper when only a few of them matter for a given pair.
    pub fn add(&mut self, phrase: &str, eager: bool) -> Result<PatternId, String> {
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
        self.patterns.push(Pattern { literals, eager });
        Ok(self.patterns.len() - 1)
    }

    pub fn build(self, gap: usize) -> PatternSet {
        // Literals only ever match whole words or word starts, so each word of a text is
        // looked up, not scanned: its whole text, its text less a plural -s (acronyms), and
        // the stems sharing its first three bytes.
        let mut whole: HashMap<String, Vec<usize>> = HashMap::default();
        let mut stems: HashMap<[u8; STEM_KEY], Vec<usize>> = HashMap::default();
        for (id, literal) in self.literals.iter().enumerate() {
            whole.entry(literal.text.clone()).or_default().push(id);
            if let Some(key) = stem_key(&literal.text).filter(|_| literal.stem) {
                stems.entry(key).or_default().push(id);
            }
        }
        // Each eager pattern is looked for around its rarest word: "in the breast of"
        // is tried where "breast" occurs, not at every "the".
        let mut uses = vec![0usize; self.literals.len()];
        for pattern in &self.patterns {
            for &literal in &pattern.literals {
                uses[literal] += 1;
            }
        }
        let mut anchors = vec![Vec::new(); self.literals.len()];
        for (id, pattern) in self.patterns.iter().enumerate().filter(|(_, p)| p.eager) {
            let (k, &literal) = pattern
                .literals
                .iter()
                .enumerate()
                .min_by_key(|&(_, &l)| (uses[l], std::cmp::Reverse(self.literals[l].text.len())))
                .expect("patterns are not empty");
            anchors[literal].push((id, k));
        }
        PatternSet {
            whole,
            stems,
            literals: self.literals,
            patterns: self.patterns,
            anchors,
            gap,
        }
    }
}

/// (word index, literal id) of every literal found at a word start, sorted.
#[derive(Debug, Clone, Default)]
pub struct Hits(Vec<(usize, usize)>);

impl Hits {
    fn has(&self, word: usize, literal: usize) -> bool {
        self.0.binary_search(&(word, literal)).is_ok()
    }
}

#[derive(Debug, Clone)]
pub struct PatternSet {
    /// Literal text → literal ids with that text.
    whole: HashMap<String, Vec<usize>>,
    /// First bytes of a stem literal → stem literal ids.
    stems: HashMap<[u8; STEM_KEY], Vec<usize>>,
    literals: Vec<Literal>,
    patterns: Vec<Pattern>,
    /// Literal id → patterns anchored on it, with the literal's place in the pattern.
    anchors: Vec<Vec<(PatternId, usize)>>,
    gap: usize,
}

impl PatternSet {
    /// Every literal found at a word start of `folded`.
    pub fn hits(&self, folded: &Folded) -> Hits {
        let mut hits = Vec::new();
        for (index, word) in folded.words.iter().enumerate() {
            let text = &folded.text[word.start..word.end];
            let mut push = |ids: Option<&Vec<usize>>, fits: &dyn Fn(&Literal) -> bool| {
                for &literal in ids.into_iter().flatten() {
                    let spec = &self.literals[literal];
                    if fits(spec) && case_fits(spec, word) {
                        hits.push((index, literal));
                    }
                }
            };
            push(self.whole.get(text), &|_| true);
            // English pluralises acronyms: "NGO" matches "NGOs". Only capitalised words
            // can be acronyms (`case_fits`).
            let may_be_acronym = word.all_caps || word.capitalised;
            if let Some(singular) = text.strip_suffix('s').filter(|_| may_be_acronym) {
                push(self.whole.get(singular), &|spec| spec.caps && !spec.stem);
            }
            if let Some(key) = stem_key(text) {
                push(self.stems.get(&key), &|spec| {
                    spec.text.len() < text.len() && text.starts_with(&spec.text)
                });
            }
        }
        hits.sort_unstable();
        Hits(hits)
    }

    /// Every match of every eager pattern, by pattern then position.
    pub fn matches(&self, hits: &Hits) -> Vec<Match> {
        let mut found = Vec::new();
        for &(word, literal) in &hits.0 {
            for &(pattern, k) in &self.anchors[literal] {
                // The first word lies k to k·(gap+1) words before the anchor.
                let Some(latest) = word.checked_sub(k) else {
                    continue;
                };
                let earliest = word.saturating_sub(k * (self.gap + 1));
                let first_literal = self.patterns[pattern].literals[0];
                for first in earliest..=latest {
                    if !hits.has(first, first_literal) {
                        continue;
                    }
                    if let Some(last) = self.extend(hits, pattern, 1, first) {
                        found.push(Match {
                            pattern,
                            first,
                            last,
                        });
                    }
                }
            }
        }
        found.sort_by_key(|m| (m.pattern, m.first));
        found.dedup_by_key(|m| (m.pattern, m.first));
        found
    }

    /// The first match of one pattern, eager or not.
    pub fn find(&self, hits: &Hits, pattern: PatternId) -> Option<Match> {
        self.find_all(hits, pattern).next()
    }

    /// Every match of `pattern`, one per starting word, in text order.
    pub fn find_all<'a>(
        &'a self,
        hits: &'a Hits,
        pattern: PatternId,
    ) -> impl Iterator<Item = Match> + 'a {
        let first_literal = self.patterns[pattern].literals[0];
        hits.0
            .iter()
            .filter(move |&&(_, literal)| literal == first_literal)
            .filter_map(move |&(first, _)| {
                let last = self.extend(hits, pattern, 1, first)?;
                Some(Match {
                    pattern,
                    first,
                    last,
                })
            })
    }

    /// Whether `word` matches one of the literals of `pattern`: inside a match, tells the
    /// pattern's own words from the words of a gap.
    pub fn is_literal_at(&self, hits: &Hits, pattern: PatternId, word: usize) -> bool {
        self.patterns[pattern]
            .literals
            .iter()
            .any(|&literal| hits.has(word, literal))
    }

    /// Last word of the pattern's remaining literals `k..` matched after `word`, allowing
    /// up to `gap` words in between.
    fn extend(&self, hits: &Hits, pattern: PatternId, k: usize, word: usize) -> Option<usize> {
        let literals = &self.patterns[pattern].literals;
        let Some(&literal) = literals.get(k) else {
            return Some(word);
        };
        (word + 1..=word + 1 + self.gap)
            .filter(|&next| hits.has(next, literal))
            .find_map(|next| self.extend(hits, pattern, k + 1, next))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(phrases: &[&str], gap: usize) -> PatternSet {
        let mut b = PatternSetBuilder::default();
        for p in phrases {
            b.add(p, true).unwrap();
        }
        b.build(gap)
    }

    fn found(set: &PatternSet, text: &str) -> Vec<(PatternId, String)> {
        let f = Folded::new(text);
        set.matches(&set.hits(&f))
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
        let s = set(&["NGO"], 0);
        assert_eq!(found(&s, "several NGOs").len(), 1, "plural acronym");
        assert!(found(&s, "several NGOS2").is_empty());
    }

    #[test]
    fn bad_patterns_are_refused() {
        let mut b = PatternSetBuilder::default();
        assert!(b.add("a*b", true).is_err());
        assert!(b.add("ab*", true).is_err());
        assert!(b.add(" , ", true).is_err());
    }

    #[test]
    fn literals_that_prefix_each_other_are_all_found() {
        let s = set(&["sens*", "sensible", "sensibles", "sensiblement"], 0);
        let ids: Vec<PatternId> = found(&s, "sensibles").into_iter().map(|(p, _)| p).collect();
        assert_eq!(ids, [0, 2]);
        let ids: Vec<PatternId> = found(&s, "sensible").into_iter().map(|(p, _)| p).collect();
        assert_eq!(ids, [0, 1]);
    }

    #[test]
    fn lazy_patterns_are_only_found_on_request() {
        let mut b = PatternSetBuilder::default();
        let eager = b.add("descent into hell", true).unwrap();
        let lazy = b.add("downward spiral", false).unwrap();
        let s = b.build(1);
        let f = Folded::new("a downward spiral, a descent into hell");
        let hits = s.hits(&f);
        let all: Vec<PatternId> = s.matches(&hits).iter().map(|m| m.pattern).collect();
        assert_eq!(all, [eager]);
        let m = s.find(&hits, lazy).unwrap();
        assert_eq!((m.first, m.last), (1, 2));
        assert!(s.find(&Hits::default(), lazy).is_none());
    }
}
