//! What the cost model sees of a sentence: its length in characters and its tokens as
//! interned, accent-folded word ids with an idf weight, a cognate key (folded prefix) and a
//! flag saying whether an identical token on the other side is evidence (numbers, names,
//! acronyms, longer words, telling punctuation).

use crate::text::hash::FastMap;
use crate::text::token::{fold, tokenize, TokenKind};
use rayon::prelude::*;

/// No id (a token without a cognate key).
pub const NONE: u32 = u32::MAX;

/// Characters of the folded prefix that stands for a cognate ("expédition" ≈ "expedition").
const PREFIX_CHARS: usize = 5;
/// Shortest folded word that gets a cognate key.
const PREFIX_MIN_CHARS: usize = 6;

/// Interned strings shared by both sides, so identical tokens get identical ids.
#[derive(Debug, Default)]
pub struct Vocab {
    ids: FastMap<String, u32>,
    words: Vec<String>,
    /// Cognate key of each word, or `NONE`.
    prefixes: Vec<u32>,
}

impl Vocab {
    pub fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.ids.insert(word.to_string(), id);
        self.words.push(word.to_string());
        self.prefixes.push(NONE);
        id
    }

    /// The word's id and the id of its cognate key (its folded prefix), computed once per
    /// distinct word.
    fn id_with_prefix(&mut self, word: &str) -> (u32, u32) {
        if let Some(&id) = self.ids.get(word) {
            return (id, self.prefixes[id as usize]);
        }
        let id = self.id(word);
        let starts_with_letter = word.chars().next().is_some_and(char::is_alphabetic);
        if starts_with_letter && word.chars().count() >= PREFIX_MIN_CHARS {
            let prefix = format!("~{}", word.chars().take(PREFIX_CHARS).collect::<String>());
            let prefix_id = self.id(&prefix);
            self.prefixes[id as usize] = prefix_id;
        }
        (id, self.prefixes[id as usize])
    }

    pub fn get(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    pub fn word(&self, id: u32) -> &str {
        &self.words[id as usize]
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Token {
    pub word: u32,
    /// Cognate key, or `NONE`.
    pub prefix: u32,
    pub weight: f32,
    /// An identical token on the other side counts as a match.
    pub identity: bool,
    pub is_word: bool,
}

#[derive(Debug, Clone, Default)]
pub struct Sentence {
    pub chars: f32,
    pub tokens: Vec<Token>,
    /// Total token weight: the evidence this sentence brings.
    pub mass: f32,
}

/// A token before interning; most tokens are already folded and are only borrowed.
struct RawToken<'a> {
    folded: std::borrow::Cow<'a, str>,
    /// Whether a folded prefix is a cognate key (words, not numbers or punctuation).
    cognate: bool,
    identity: bool,
    is_word: bool,
}

/// Punctuation that survives translation and so tells sentences apart; quotes of every
/// language share one key.
fn punctuation_key(c: &str) -> Option<&'static str> {
    Some(match c {
        "?" => "?",
        "!" => "!",
        ":" => ":",
        ";" => ";",
        "(" | "[" => "(",
        ")" | "]" => ")",
        "\"" | "«" | "»" | "“" | "”" | "„" | "‹" | "›" => "\"",
        _ => return None,
    })
}

fn raw_tokens(text: &str) -> Vec<RawToken<'_>> {
    tokenize(text)
        .into_iter()
        .filter_map(|token| match token.kind {
            TokenKind::Punct => punctuation_key(token.text).map(|key| RawToken {
                folded: key.into(),
                cognate: false,
                identity: true,
                is_word: false,
            }),
            TokenKind::Number => Some(RawToken {
                folded: if token.text.contains([' ', '\u{a0}', '\u{202f}']) {
                    token.text.replace([' ', '\u{a0}', '\u{202f}'], "").into()
                } else {
                    token.text.into()
                },
                cognate: false,
                identity: true,
                is_word: false,
            }),
            TokenKind::Word => {
                let word = token.text.trim_end_matches(['\'', '’']);
                let has_upper = word.chars().any(char::is_uppercase);
                let folded: std::borrow::Cow<str> = if !word.is_ascii() {
                    fold(word).into()
                } else if has_upper {
                    word.to_ascii_lowercase().into()
                } else {
                    word.into()
                };
                let chars = folded.chars().count();
                let has_digit = folded.chars().any(|c| c.is_ascii_digit());
                Some(RawToken {
                    identity: chars >= 4 || has_digit || (has_upper && chars >= 2),
                    folded,
                    cognate: true,
                    is_word: !has_digit,
                })
            }
        })
        .collect()
}

/// Features of one document side; idf weights are computed over this side.
pub fn featurize(texts: &[&str], vocab: &mut Vocab) -> Vec<Sentence> {
    // Tokenise in parallel, intern in order; chunks keep the temporary strings few.
    let mut sentences: Vec<Sentence> = Vec::with_capacity(texts.len());
    for chunk in texts.chunks(8192) {
        let raw: Vec<Vec<RawToken>> = chunk.par_iter().map(|t| raw_tokens(t)).collect();
        sentences.extend(chunk.iter().zip(&raw).map(|(text, tokens)| {
            Sentence {
                chars: text.chars().filter(|c| !c.is_whitespace()).count() as f32,
                tokens: tokens
                    .iter()
                    .map(|t| {
                        let (word, prefix) = if t.cognate {
                            vocab.id_with_prefix(&t.folded)
                        } else {
                            (vocab.id(&t.folded), NONE)
                        };
                        Token {
                            word,
                            prefix,
                            weight: 1.0,
                            identity: t.identity,
                            is_word: t.is_word,
                        }
                    })
                    .collect(),
                mass: 0.0,
            }
        }));
    }
    assign_idf(&mut sentences);
    sentences
}

/// Weights each word by its inverse document frequency over the side's sentences, so that
/// articles matter little and names, numbers and rare words a lot.
fn assign_idf(sentences: &mut [Sentence]) {
    let mut df: FastMap<u32, u32> = FastMap::default();
    let mut seen: Vec<u32> = Vec::new();
    for s in sentences.iter() {
        seen.clear();
        seen.extend(s.tokens.iter().map(|t| t.word));
        seen.sort_unstable();
        seen.dedup();
        for &w in &seen {
            *df.entry(w).or_default() += 1;
        }
    }
    let n = sentences.len() as f32;
    for s in sentences.iter_mut() {
        for t in &mut s.tokens {
            let idf = ((n + 1.0) / (df[&t.word] as f32 + 0.5)).ln().max(0.2);
            t.weight = if t.is_word { idf } else { idf.clamp(1.0, 3.0) };
        }
        s.mass = s.tokens.iter().map(|t| t.weight).sum();
    }
}
