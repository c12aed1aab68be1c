//! Decoding and the map back to the original bytes: every segment's reported offsets must
//! select, in the raw file, exactly the text that was segmented.

use std::path::Path;
use unicode_normalization::UnicodeNormalization;
use wirealign::text::{decode_bytes, segment_document, Document, Encoding, SegmentOptions};

const DISPATCH: &str = "« Situer les responsabilités »\n\
Le quotidien Nouvel Horizon, désigné à la vindicte, accuse M. Keïta. Œuvre déjà citée…\r\n\
\n\
L’Alliance des États du Sahel (AES) réunit 3 000 hommes — soit 3,5 % de plus.\n";

fn french() -> SegmentOptions {
    SegmentOptions {
        lang: "fr".into(),
        ..SegmentOptions::default()
    }
}

fn decode(bytes: &[u8]) -> Document {
    decode_bytes(Path::new("test.txt"), bytes).unwrap()
}

/// Decodes `raw[start..end]` of each segment with `decode_span` and compares it, after NFC,
/// with the segment text.
fn assert_segments_point_into(raw: &[u8], doc: &Document, decode_span: impl Fn(&[u8]) -> String) {
    let segments = segment_document(doc, &french());
    assert!(segments.len() >= 4, "{segments:?}");
    for s in &segments {
        let original = decode_span(&raw[s.start..s.end]);
        assert_eq!(original.nfc().collect::<String>(), s.text, "{s:?}");
    }
}

#[test]
fn utf8_without_bom() {
    let doc = decode(DISPATCH.as_bytes());
    assert_eq!(doc.encoding, Encoding::Utf8);
    assert_eq!(doc.text, DISPATCH);
    assert_segments_point_into(DISPATCH.as_bytes(), &doc, |b| {
        String::from_utf8(b.to_vec()).unwrap()
    });
}

#[test]
fn utf8_with_bom_shifts_offsets() {
    let mut raw = b"\xEF\xBB\xBF".to_vec();
    raw.extend_from_slice(DISPATCH.as_bytes());
    let doc = decode(&raw);
    assert_eq!(doc.encoding, Encoding::Utf8Bom);
    assert!(!doc.text.starts_with('\u{feff}'));
    assert_eq!(doc.original_offset(0), 3);
    assert_segments_point_into(&raw, &doc, |b| String::from_utf8(b.to_vec()).unwrap());
}

#[test]
fn windows_1252_file() {
    let (raw, _, unmappable) = encoding_rs::WINDOWS_1252.encode(DISPATCH);
    assert!(!unmappable);
    let doc = decode(&raw);
    assert_eq!(doc.encoding, Encoding::Windows1252);
    assert_eq!(doc.text, DISPATCH);
    assert_segments_point_into(&raw, &doc, |b| {
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(b)
            .0
            .into_owned()
    });
}

#[test]
fn windows_1252_decodes_every_byte() {
    let raw: Vec<u8> = (0x20..=0xFF).collect();
    let doc = decode(&raw);
    assert_eq!(doc.encoding, Encoding::Windows1252);
    assert_eq!(doc.text.chars().count(), raw.len());
    assert!(doc.text.contains('€') && doc.text.contains('œ') && doc.text.contains('ÿ'));
    for (i, (offset, _)) in doc.text.char_indices().enumerate() {
        assert_eq!(doc.original_offset(offset), i);
    }
}

#[test]
fn nfd_file_maps_composed_text_back() {
    let nfd: String = DISPATCH.nfd().collect();
    assert_ne!(nfd, DISPATCH);
    let doc = decode(nfd.as_bytes());
    assert_eq!(doc.text, DISPATCH);
    assert_segments_point_into(nfd.as_bytes(), &doc, |b| {
        String::from_utf8(b.to_vec()).unwrap()
    });
}

#[test]
fn utf16_little_and_big_endian_with_bom() {
    for little in [true, false] {
        let mut raw = if little {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for unit in DISPATCH.encode_utf16() {
            raw.extend(if little {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        let doc = decode(&raw);
        assert_eq!(
            doc.encoding,
            if little {
                Encoding::Utf16Le
            } else {
                Encoding::Utf16Be
            }
        );
        assert_eq!(doc.text, DISPATCH);
        assert_segments_point_into(&raw, &doc, |b| {
            let units: Vec<u16> = b
                .chunks_exact(2)
                .map(|c| {
                    if little {
                        u16::from_le_bytes([c[0], c[1]])
                    } else {
                        u16::from_be_bytes([c[0], c[1]])
                    }
                })
                .collect();
            String::from_utf16(&units).unwrap()
        });
    }
}

#[test]
fn utf16_without_bom_is_recognised() {
    let raw: Vec<u8> = DISPATCH.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let doc = decode(&raw);
    assert_eq!(doc.encoding, Encoding::Utf16Le);
    assert_eq!(doc.text, DISPATCH);
    assert_eq!(doc.original_offset(doc.text.len()), raw.len());
}

#[test]
fn bad_inputs_are_named_errors() {
    let problem = |bytes: &[u8]| {
        decode_bytes(Path::new("dir/x.txt"), bytes)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(problem(b""), "dir/x.txt: is empty");
    assert_eq!(problem(b" \n\r\n"), "dir/x.txt: contains only whitespace");
    assert!(problem(b"abc\0def\x01\x02\x03").contains("binary"));
    assert!(problem(b"\xEF\xBB\xBFok \xFF").contains("invalid UTF-8 at byte 6"));
    assert!(problem(b"\xFF\xFEa\0b").contains("odd number of bytes"));
    assert!(problem(b"\xFF\xFE\x00\xD8a\0").contains("invalid UTF-16"));
}

#[test]
fn reading_a_missing_file_or_directory_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.txt");
    let err = wirealign::text::read_document(&missing)
        .unwrap_err()
        .to_string();
    assert!(err.ends_with("missing.txt: no such file"), "{err}");
    let err = wirealign::text::read_document(dir.path())
        .unwrap_err()
        .to_string();
    assert!(err.ends_with("is a directory, not a text file"), "{err}");
}
