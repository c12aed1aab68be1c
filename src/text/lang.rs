//! Language detection with whatlang, per document and restricted to an allow-list; per
//! segment only as a hint, since whatlang is unreliable on one sentence: there it is
//! combined with stop words and accented letters.

use crate::text::token::{tokenize, TokenKind};
use std::sync::OnceLock;
use whatlang::{Detector, Lang};

/// Languages we expect on a news desk.
const ALLOWED: &[Lang] = &[
    Lang::Fra,
    Lang::Eng,
    Lang::Deu,
    Lang::Spa,
    Lang::Ita,
    Lang::Por,
    Lang::Nld,
    Lang::Hun,
    Lang::Ara,
    Lang::Rus,
];

/// Whatlang gains nothing from more text than this, and a long document would cost time.
const DETECTION_SAMPLE_BYTES: usize = 20_000;

/// Function words make up about half of running text; a segment where fewer than this share
/// of the words are function words of the hinted language is a name or a quoted title.
const MIN_STOP_WORD_SHARE: f64 = 0.2;

/// Below this confidence a document detection is reported but not trusted for warnings.
pub const RELIABLE_CONFIDENCE: f64 = 0.5;

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Detection {
    /// ISO 639-1 code ("fr", "en").
    pub lang: String,
    pub confidence: f64,
}

impl Detection {
    /// Confident enough to warn a user about it.
    pub fn is_reliable(&self) -> bool {
        self.confidence >= RELIABLE_CONFIDENCE
    }
}

/// Detects the language of a whole document among the allow-listed languages. When
/// whatlang is unsure (a short file), the stop-word and accent evidence of
/// [`segment_hint`] decides between French, English and German.
pub fn detect(text: &str) -> Option<Detection> {
    let sample = sample(text, DETECTION_SAMPLE_BYTES);
    let detector = Detector::with_allowlist(ALLOWED.to_vec());
    let info = detector.detect(sample);
    if let Some(info) = &info {
        if info.is_reliable() {
            return Some(Detection {
                lang: iso639_1(info.lang()).to_string(),
                confidence: info.confidence(),
            });
        }
    }
    match (segment_hint(sample), info) {
        (Some((lang, confidence)), _) => Some(Detection {
            lang: lang.to_string(),
            confidence,
        }),
        (None, Some(info)) => Some(Detection {
            lang: iso639_1(info.lang()).to_string(),
            confidence: info.confidence(),
        }),
        (None, None) => None,
    }
}

/// The language to process `text` in: the one the user gave (lower-cased), else the
/// detected one, else "und" (undetermined: generic rules).
pub fn resolve_language(explicit: Option<&str>, text: &str) -> String {
    match explicit {
        Some(lang) => lang.trim().to_ascii_lowercase(),
        None => detect(text).map_or_else(|| "und".to_string(), |d| d.lang),
    }
}

/// A warning when two documents that should be a source and its translation are detected
/// as the same language (a file given twice, or the wrong file). `None` when they differ or
/// either detection is unsure.
pub fn same_language_warning(
    source_name: &str,
    source_text: &str,
    target_name: &str,
    target_text: &str,
) -> Option<String> {
    let source = detect(source_text)?;
    let target = detect(target_text)?;
    (source.lang == target.lang && source.is_reliable() && target.is_reliable()).then(|| {
        format!(
            "{source_name} and {target_name} both look like {} ({}); is one of them the wrong file?",
            language_name(&source.lang),
            source.lang
        )
    })
}

/// A warning when a document given as `expected` (ISO 639-1) is confidently detected as
/// another language, e.g. a French file given where the English translation is expected.
pub fn unexpected_language_warning(name: &str, text: &str, expected: &str) -> Option<String> {
    let found = detect(text)?;
    let expected = expected.get(..2).unwrap_or(expected).to_ascii_lowercase();
    (found.lang != expected && found.is_reliable()).then(|| {
        format!(
            "{name} looks like {} ({}, confidence {:.2}), not {} ({expected})",
            language_name(&found.lang),
            found.lang,
            found.confidence,
            language_name(&expected)
        )
    })
}

/// A language hint for one segment, as `(ISO 639-1 code, confidence in 0..=1)`, among the
/// languages with built-in evidence (fr, en, de). Combines whatlang with stop words and
/// accented letters, and says nothing (`None`) when the evidence is thin: a short segment,
/// a list of names or numbers.
pub fn segment_hint(text: &str) -> Option<(&'static str, f64)> {
    // A quoted title or name ("Parti de la Banlieue") says nothing about the sentence's own
    // language, unless the quotation is nearly all there is.
    let unquoted = without_quotations(text);
    let text = if word_count(&unquoted) >= 3 {
        unquoted.as_str()
    } else {
        text
    };
    let words: Vec<String> = tokenize(text)
        .into_iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text.to_lowercase().replace('’', "'"))
        .collect();
    if words.len() < 3 {
        return None;
    }
    let evidence = hint_languages();
    let detector = Detector::with_allowlist(evidence.iter().map(|e| e.whatlang).collect());
    let whatlang = detector.detect(text);
    let mut scores: Vec<(&'static str, f64, usize)> = evidence
        .iter()
        .map(|e| {
            let stop_words = words
                .iter()
                .filter(|w| e.stop_words.contains(w.as_str()))
                .count();
            let accents = text.chars().filter(|c| e.letters.contains(*c)).count() as f64;
            let statistical = whatlang
                .as_ref()
                .filter(|info| info.lang() == e.whatlang)
                .map_or(0.0, |info| 2.0 * info.confidence());
            // Accented letters only break ties: a French name in an English sentence has them.
            let score = stop_words as f64 + (accents * 0.4).min(1.0) + statistical;
            (e.code, score, stop_words)
        })
        .collect();
    scores.sort_by(|a, b| b.1.total_cmp(&a.1));
    let (best, best_score, best_stop_words) = scores[0];
    let margin = best_score - scores[1].1;
    // The sentence must be built of the language's function words, not merely quote a
    // title or a name in it ("… launches “Parti de la Banlieue”").
    let share = best_stop_words as f64 / words.len() as f64;
    if best_stop_words < 2 || share < MIN_STOP_WORD_SHARE || margin < 1.0 {
        return None;
    }
    let confidence = (margin / (best_score + 1.0)).clamp(0.0, 1.0);
    Some((best, confidence))
}

fn word_count(text: &str) -> usize {
    tokenize(text)
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .count()
}

/// `text` with every span between double quotation marks (“ ”, « », " ") blanked out.
fn without_quotations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut closing: Option<char> = None;
    for c in text.chars() {
        match closing {
            Some(close) if c == close => {
                closing = None;
                out.push(' ');
            }
            Some(_) => {}
            None => match c {
                '“' => closing = Some('”'),
                '«' => closing = Some('»'),
                '"' => closing = Some('"'),
                _ => out.push(c),
            },
        }
    }
    out
}

/// Evidence for one language of the per-segment hint.
struct HintLanguage {
    code: &'static str,
    whatlang: Lang,
    /// foldhash: the checks look words up here for every token of every pair.
    stop_words: foldhash::HashSet<&'static str>,
    /// Letters that occur in this language's ordinary words and rarely in the others'.
    letters: &'static str,
}

fn hint_languages() -> &'static [HintLanguage] {
    static LANGUAGES: OnceLock<Vec<HintLanguage>> = OnceLock::new();
    LANGUAGES.get_or_init(|| {
        let words = |list: &'static str| -> foldhash::HashSet<&'static str> {
            list.lines()
                .filter(|l| !l.starts_with('#'))
                .flat_map(str::split_whitespace)
                .collect()
        };
        vec![
            HintLanguage {
                code: "fr",
                whatlang: Lang::Fra,
                stop_words: words(include_str!("data/stopwords-fr.txt")),
                letters: "éèêàçùûîôœëïÉÈÊÀÇ",
            },
            HintLanguage {
                code: "en",
                whatlang: Lang::Eng,
                stop_words: words(include_str!("data/stopwords-en.txt")),
                letters: "",
            },
            HintLanguage {
                code: "de",
                whatlang: Lang::Deu,
                stop_words: words(include_str!("data/stopwords-de.txt")),
                letters: "äöüßÄÖÜ",
            },
        ]
    })
}

/// Whether `word` (lower case, with its accents) is one of the very frequent function
/// words of `lang` ("fr", "en", "de"): words that say nothing about what a sentence means.
pub fn is_stop_word(lang: &str, word: &str) -> bool {
    stop_words(lang).is_some_and(|words| words.contains(word))
}

/// The very frequent function words of `lang` ("fr", "en", "de"), lower case with accents.
pub fn stop_words(lang: &str) -> Option<&'static foldhash::HashSet<&'static str>> {
    hint_languages()
        .iter()
        .find(|l| l.code == lang)
        .map(|l| &l.stop_words)
}

/// The start of `text`, at most `max` bytes, cut at a character boundary.
fn sample(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// English name of a language code, for messages.
pub fn language_name(code: &str) -> &'static str {
    match code {
        "fr" => "French",
        "en" => "English",
        "de" => "German",
        "es" => "Spanish",
        "it" => "Italian",
        "pt" => "Portuguese",
        "nl" => "Dutch",
        "hu" => "Hungarian",
        "ar" => "Arabic",
        "ru" => "Russian",
        _ => "another language",
    }
}

pub fn iso639_1(lang: Lang) -> &'static str {
    match lang {
        Lang::Fra => "fr",
        Lang::Eng => "en",
        Lang::Deu => "de",
        Lang::Spa => "es",
        Lang::Ita => "it",
        Lang::Por => "pt",
        Lang::Nld => "nl",
        Lang::Hun => "hu",
        Lang::Ara => "ar",
        Lang::Rus => "ru",
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FR: &str = "Les autorités de transition ont annoncé mercredi la dissolution des partis \
        politiques, une décision qui a suscité de vives critiques dans la capitale.";
    const EN: &str = "The transitional authorities announced on Wednesday that political parties \
        would be dissolved, a decision that drew sharp criticism in the capital.";

    #[test]
    fn documents_are_detected() {
        assert_eq!(detect(FR).unwrap().lang, "fr");
        assert_eq!(detect(EN).unwrap().lang, "en");
    }

    #[test]
    fn explicit_language_wins_over_detection() {
        assert_eq!(resolve_language(Some("FR"), EN), "fr");
        assert_eq!(resolve_language(None, EN), "en");
        assert_eq!(resolve_language(None, "1234 5678"), "und");
    }

    #[test]
    fn segment_hint_recognises_short_sentences() {
        assert_eq!(segment_hint("Il a été tué dans la nuit.").unwrap().0, "fr");
        assert_eq!(
            segment_hint("He was killed during the night.").unwrap().0,
            "en"
        );
        assert_eq!(
            segment_hint("Er wurde in der Nacht getötet.").unwrap().0,
            "de"
        );
    }

    #[test]
    fn quoted_titles_do_not_decide_the_hint() {
        assert_eq!(
            segment_hint("The mayor launched the \"Parti de la Banlieue\" on Friday.")
                .unwrap()
                .0,
            "en"
        );
        assert_eq!(
            segment_hint("« Il faut situer les responsabilités »")
                .unwrap()
                .0,
            "fr"
        );
        assert_eq!(without_quotations("a “b c” d «e» f"), "a   d   f");
    }

    #[test]
    fn segment_hint_abstains_on_names_and_numbers() {
        assert_eq!(segment_hint("Assimi Goïta"), None);
        assert_eq!(segment_hint("Bamako, 12 000"), None);
        assert_eq!(segment_hint("GSIM JNIM AES CEDEAO"), None);
    }

    #[test]
    fn same_language_pair_is_warned_about() {
        let warning = same_language_warning("fr.txt", FR, "en.txt", FR).unwrap();
        assert!(
            warning.contains("fr.txt") && warning.contains("French"),
            "{warning}"
        );
        assert_eq!(same_language_warning("fr.txt", FR, "en.txt", EN), None);
    }

    #[test]
    fn french_file_given_as_english_is_warned_about() {
        let warning = unexpected_language_warning("en.txt", FR, "en").unwrap();
        assert!(warning.contains("en.txt looks like French"), "{warning}");
        assert_eq!(unexpected_language_warning("en.txt", EN, "en-GB"), None);
    }
}
