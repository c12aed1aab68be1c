//! Language detection with whatlang, per document and restricted to an allow-list; per
//! segment only as a hint, since whatlang is unreliable on one sentence.

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

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Detection {
    /// ISO 639-1 code ("fr", "en").
    pub lang: String,
    pub confidence: f64,
}

pub fn detect(text: &str) -> Option<Detection> {
    let detector = Detector::with_allowlist(ALLOWED.to_vec());
    let info = detector.detect(text)?;
    Some(Detection {
        lang: iso639_1(info.lang()).to_string(),
        confidence: info.confidence(),
    })
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
