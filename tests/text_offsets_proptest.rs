//! Property: whatever the text and encoding, segment offsets land on character boundaries
//! of the original bytes, select exactly the segment's text, and segments come in order
//! without overlapping.

use proptest::prelude::*;
use std::path::Path;
use unicode_normalization::UnicodeNormalization;
use wirealign::text::{decode_bytes, segment_document, SegmentOptions};

/// Pieces that exercise the segmenter and the NFC map: abbreviations, quotes, numbers,
/// decomposed accents, line breaks.
const PIECES: &[&str] = &[
    "Le",
    "M.",
    "Dr",
    "U.S.",
    "J.-H.",
    "etc.",
    "3 000",
    "3,5",
    "1,218.5",
    "2023.",
    "am 3.",
    "e\u{301}te\u{301}",
    "été",
    "Œuvre",
    "«",
    "»",
    "\u{a0}»",
    "“",
    "”",
    "\"",
    "(",
    ")",
    ".",
    "...",
    "…",
    "?",
    "!",
    " ",
    " ",
    " ",
    "\n",
    "\r\n",
    "\n\n",
    "a",
    "Il",
    "The",
    "x\u{323}\u{302}",
    "\u{1100}\u{1161}",
    "。",
    "Ça",
    "l’",
    "—",
];

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 1..60).prop_map(|p| p.concat())
}

#[derive(Debug, Clone, Copy)]
enum Enc {
    Utf8,
    Utf16Le,
    Windows1252,
}

fn encode(text: &str, enc: Enc) -> Option<Vec<u8>> {
    match enc {
        Enc::Utf8 => Some(text.as_bytes().to_vec()),
        Enc::Utf16Le => {
            let mut raw = vec![0xFF, 0xFE];
            raw.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            Some(raw)
        }
        Enc::Windows1252 => {
            let (raw, _, unmappable) = encoding_rs::WINDOWS_1252.encode(text);
            // Valid UTF-8 would be read as UTF-8, not as Windows-1252.
            (!unmappable && std::str::from_utf8(&raw).is_err()).then(|| raw.into_owned())
        }
    }
}

fn decode_span(raw: &[u8], enc: Enc) -> Option<String> {
    match enc {
        Enc::Utf8 => std::str::from_utf8(raw).ok().map(str::to_string),
        Enc::Utf16Le => {
            if raw.len() % 2 != 0 {
                return None;
            }
            let units: Vec<u16> = raw
                .chunks_exact(2)
                .map(|c| u16::from_le_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).ok()
        }
        Enc::Windows1252 => Some(
            encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(raw)
                .0
                .into_owned(),
        ),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn offsets_are_exact_ordered_and_disjoint(
        text in text_strategy(),
        enc in prop::sample::select(vec![Enc::Utf8, Enc::Utf16Le, Enc::Windows1252]),
        lang in prop::sample::select(vec!["fr", "en", "de", "und"]),
        presplit in any::<bool>(),
    ) {
        let Some(raw) = encode(&text, enc) else { return Ok(()) };
        let Ok(doc) = decode_bytes(Path::new("p.txt"), &raw) else { return Ok(()) };
        let opts = SegmentOptions { lang: lang.to_string(), presplit, ..SegmentOptions::default() };
        let segments = segment_document(&doc, &opts);
        let mut previous_end = 0;
        for (i, s) in segments.iter().enumerate() {
            prop_assert_eq!(s.index, i);
            prop_assert!(s.start < s.end && s.end <= raw.len(), "{:?}", s);
            prop_assert!(previous_end <= s.start, "overlap or disorder at {:?}", s);
            previous_end = s.end;
            prop_assert_eq!(&doc.text[s.norm_start..s.norm_end], s.text.as_str());
            prop_assert!(!s.text.contains('\n'));
            let original = decode_span(&raw[s.start..s.end], enc);
            prop_assert!(original.is_some(), "offsets {}..{} split a character", s.start, s.end);
            prop_assert_eq!(original.unwrap().nfc().collect::<String>(), s.text.clone());
        }
    }
}
