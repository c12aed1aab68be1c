//! Throughput of decoding and sentence segmentation, printed as MB/s.
//! `cargo bench --bench segmentation`. Uses the WMT14 news from ../shared when present,
//! else a generated French dispatch, repeated to about 20 MB.

use std::path::Path;
use std::time::Instant;
use wirealign::text::{decode_bytes, segment_document, SegmentOptions};

const TARGET_BYTES: usize = 20_000_000;

fn sample_text() -> String {
    let shared =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/wmt14-newstest-fren/origfr.fr");
    std::fs::read_to_string(shared).unwrap_or_else(|_| {
        "Le Gén. Goïta a reçu M. Keïta à Bamako. « C'est fini. » Le bilan atteint 3 000 morts, \
         soit 3,5 % de plus qu'en 2023… Les autorités n'ont pas réagi.\n"
            .repeat(100)
    })
}

fn measure(label: &str, bytes: usize, run: impl Fn() -> usize) {
    run(); // warm-up
    let start = Instant::now();
    let rounds = 3;
    let mut items = 0;
    for _ in 0..rounds {
        items = run();
    }
    let seconds = start.elapsed().as_secs_f64() / rounds as f64;
    println!(
        "{label:<34} {:>8.1} MB/s  ({:.3} s for {:.1} MB, {items} items)",
        bytes as f64 / seconds / 1e6,
        seconds,
        bytes as f64 / 1e6
    );
}

fn main() {
    let unit = sample_text();
    let text = unit.repeat(TARGET_BYTES / unit.len() + 1);
    let path = Path::new("bench.txt");
    let utf8 = text.as_bytes().to_vec();
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    let cp1252 = cp1252.into_owned();

    measure("decode UTF-8 (NFC check)", utf8.len(), || {
        decode_bytes(path, &utf8).unwrap().text.len()
    });
    measure("decode Windows-1252 (with map)", cp1252.len(), || {
        decode_bytes(path, &cp1252).unwrap().text.len()
    });
    let doc = decode_bytes(path, &utf8).unwrap();
    for lang in ["fr", "en", "und"] {
        let opts = SegmentOptions {
            lang: lang.to_string(),
            ..SegmentOptions::default()
        };
        measure(
            &format!("segment built-in rules ({lang})"),
            utf8.len(),
            || segment_document(&doc, &opts).len(),
        );
    }
    let srx = wirealign::text::SrxRules::parse(
        Path::new("bench.srx"),
        r#"<srx version="2.0"><header cascade="no"/><body><languagerules>
           <languagerule languagerulename="D">
           <rule break="no"><beforebreak>\b(?:M|Mme|Dr|Gén)\.</beforebreak><afterbreak>\s</afterbreak></rule>
           <rule break="no"><beforebreak>(?&lt;=\b\p{Lu})\.</beforebreak><afterbreak>\s\p{Lu}</afterbreak></rule>
           <rule><beforebreak>[.?!…]+[»”"]?</beforebreak><afterbreak>\s+(?=\p{Lu})</afterbreak></rule>
           </languagerule></languagerules>
           <maprules><languagemap languagepattern=".*" languagerulename="D"/></maprules></body></srx>"#,
    )
    .unwrap();
    let opts = SegmentOptions {
        lang: "fr".into(),
        srx: Some(std::sync::Arc::new(srx)),
        ..SegmentOptions::default()
    };
    measure("segment SRX rules (3 rules)", utf8.len(), || {
        segment_document(&doc, &opts).len()
    });
}
