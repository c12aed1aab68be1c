//! What the cost model sees of a sentence: its length in characters and its tokens as
//! interned, accent-folded word ids with an idf weight, a cognate key (folded prefix) and a
//! flag saying whether an identical token on the other side is evidence (numbers, names,
//! acronyms, longer words, telling punctuation).

use crate::text::token::{fold, tokenize, TokenKind};
use rayon::prelude::*;
use std::collections::HashMap;

/// No id (a token without a cognate key).
pub const NONE: u32 = u32::MAX;

/// Characters of the folded prefix that stands for a cognate ("expédition" ≈ "expedition").
const PREFIX_CHARS: usize = 5;
/// Shortest folded word that gets a cognate key.
const PREFIX_MIN_CHARS: usize = 6;

/// Interned strings shared by both sides, so identical tokens get identical ids.
#[derive(Debug, Default)]
pub struct Vocab {
    ids: HashMap<String, u32>,
    words: Vec<String>,
}

impl Vocab {
    pub fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.ids.insert(word.to_string(), id);
        self.words.push(word.to_string());
        id
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

/// A token before interning.
struct RawToken {
    folded: String,
    prefix: Option<String>,
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

fn raw_tokens(text: &str) -> Vec<RawToken> {
    tokenize(text)
        .into_iter()
        .filter_map(|token| match token.kind {
            TokenKind::Punct => punctuation_key(token.text).map(|key| RawToken {
                folded: key.to_string(),
                prefix: None,
                identity: true,
                is_word: false,
            }),
            TokenKind::Number => Some(RawToken {
                folded: token.text.replace([' ', '\u{a0}', '\u{202f}'], ""),
                prefix: None,
                identity: true,
                is_word: false,
            }),
            TokenKind::Word => {
                let folded = fold(token.text.trim_end_matches(['\'', '’']));
                let chars = folded.chars().count();
                let prefix = (chars >= PREFIX_MIN_CHARS)
                    .then(|| format!("~{}", folded.chars().take(PREFIX_CHARS).collect::<String>()));
                let has_digit = folded.chars().any(|c| c.is_ascii_digit());
                let has_upper = token.text.chars().any(char::is_uppercase);
                Some(RawToken {
                    identity: chars >= 4 || has_digit || (has_upper && chars >= 2),
                    folded,
                    prefix,
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
                    .map(|t| Token {
                        word: vocab.id(&t.folded),
                        prefix: t.prefix.as_deref().map_or(NONE, |p| vocab.id(p)),
                        weight: 1.0,
                        identity: t.identity,
                        is_word: t.is_word,
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
    let mut df: HashMap<u32, u32> = HashMap::new();
    for s in sentences.iter() {
        let mut seen: Vec<u32> = s.tokens.iter().map(|t| t.word).collect();
        seen.sort_unstable();
        seen.dedup();
        for w in seen {
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
