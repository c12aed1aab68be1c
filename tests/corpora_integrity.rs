//! Integrity of the bundled corpora (`corpora/<slug>/`): every pair is complete, the Bamako
//! English is the seed byte for byte, each gold ladder covers both sides' segmentation exactly
//! once and in order, and every span `expected.json` names really occurs in its file.
//!
//! The checks are small pure functions with their own negative tests at the bottom, so that a
//! broken ladder or a stale span cannot slip through a test that is unable to fail.

mod common;

use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use wirealign::text::{read_document, segment_document, Document, Segment, SegmentOptions};

const PAIR_FILES: [&str; 5] = [
    "fr.txt",
    "en.txt",
    "SOURCE.md",
    "gold.ladder",
    "expected.json",
];
const SEED: &str = "seeds/000_35dc1731561789f4.txt";
const CATEGORIES: [&str; 13] = [
    "mistranslation",
    "false-friend",
    "calque",
    "terminology",
    "title",
    "acronym",
    "number",
    "name",
    "negation",
    "untranslated",
    "omission",
    "addition",
    "punctuation",
];

/// One ladder link: source and target segment indices (either side may be empty).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Link {
    source: Vec<usize>,
    target: Vec<usize>,
}

fn corpus_dirs() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = fs::read_dir(common::repo("corpora"))
        .expect("corpora/ exists")
        .map(|entry| entry.expect("readable corpora/ entry").path())
        .filter(|path| path.is_dir())
        .collect();
    dirs.sort();
    dirs
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What `wirealign segment FILE --lang LANG` produces.
fn segments(path: &Path, lang: &str) -> Vec<Segment> {
    let doc = read_document(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    segment_text(&doc, lang)
}

fn segment_text(doc: &Document, lang: &str) -> Vec<Segment> {
    let opts = SegmentOptions {
        lang: lang.into(),
        ..SegmentOptions::default()
    };
    segment_document(doc, &opts)
}

fn paragraphs(segments: &[Segment]) -> Vec<usize> {
    segments.iter().map(|segment| segment.paragraph).collect()
}

/// Index of the segment holding the first occurrence of `needle` in `text` (the file as given).
fn segment_of(segments: &[Segment], text: &str, needle: &str) -> Option<usize> {
    let offset = text.find(needle)?;
    segments
        .iter()
        .position(|s| s.start <= offset && offset < s.end)
}

/// A finding that names both a French and an English span must point at segments the gold
/// ladder links together; otherwise the finding or the ladder is wrong.
fn check_findings_follow_ladder(
    expected: &Value,
    links: &[Link],
    (fr, fr_segments): (&str, &[Segment]),
    (en, en_segments): (&str, &[Segment]),
) -> Vec<String> {
    let mut problems = Vec::new();
    for (k, finding) in expected["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        let (Some(source), Some(target)) = (finding["source"].as_str(), finding["target"].as_str())
        else {
            continue;
        };
        let (Some(s), Some(t)) = (
            segment_of(fr_segments, fr, source),
            segment_of(en_segments, en, target),
        ) else {
            problems.push(format!("finding {k}: span not inside a segment"));
            continue;
        };
        if !links
            .iter()
            .any(|l| l.source.contains(&s) && l.target.contains(&t))
        {
            problems.push(format!(
                "finding {k}: {source:?} (fr segment {s}) and {target:?} (en segment {t}) are not linked"
            ));
        }
    }
    problems
}

/// Parses DESIGN.md's ladder format (`[1, 2]:[3]`, `[5]:[]`, optional `:score`).
fn parse_ladder(text: &str) -> Result<Vec<Link>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| parse_link(line.trim()).map_err(|e| format!("line {}: {e}", n + 1)))
        .collect()
}

fn parse_link(line: &str) -> Result<Link, String> {
    let (source, rest) = parse_bracket(line)?;
    let rest = rest
        .strip_prefix(':')
        .ok_or_else(|| format!("expected ':' after the source side in {line:?}"))?;
    let (target, rest) = parse_bracket(rest)?;
    if !(rest.is_empty()
        || rest
            .strip_prefix(':')
            .is_some_and(|s| s.trim().parse::<f64>().is_ok()))
    {
        return Err(format!("unexpected trailing text {rest:?}"));
    }
    Ok(Link { source, target })
}

/// Parses `[a, b, …]` at the start of `text`; returns the indices and the rest.
fn parse_bracket(text: &str) -> Result<(Vec<usize>, &str), String> {
    let inner_start = text
        .strip_prefix('[')
        .ok_or_else(|| format!("expected '[' at {text:?}"))?;
    let close = inner_start
        .find(']')
        .ok_or_else(|| format!("unclosed '[' in {text:?}"))?;
    let indices = inner_start[..close]
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| s.parse::<usize>().map_err(|_| format!("bad index {s:?}")))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((indices, &inner_start[close + 1..]))
}

/// Checks that `indices`, read link by link, are 0, 1, 2, … n-1: every segment once, in order,
/// with no gap. Each link must also name consecutive indices.
fn check_side_coverage(
    links: &[Link],
    side: fn(&Link) -> &[usize],
    n: usize,
) -> Result<(), String> {
    let mut next = 0;
    for (k, link) in links.iter().enumerate() {
        for &index in side(link) {
            if index != next {
                return Err(format!("link {k}: index {index} where {next} was expected"));
            }
            next += 1;
        }
    }
    if next != n {
        return Err(format!("ladder covers {next} segments, the text has {n}"));
    }
    Ok(())
}

fn check_ladder(
    links: &[Link],
    source_segments: usize,
    target_segments: usize,
) -> Result<(), String> {
    if let Some(k) = links
        .iter()
        .position(|l| l.source.is_empty() && l.target.is_empty())
    {
        return Err(format!("link {k} is empty on both sides"));
    }
    check_side_coverage(links, |l| &l.source, source_segments)
        .map_err(|e| format!("source: {e}"))?;
    check_side_coverage(links, |l| &l.target, target_segments).map_err(|e| format!("target: {e}"))
}

/// Our pairs keep the French paragraphing line for line, so a translator's link never joins
/// segments of different paragraphs, and both sides of a link sit in the same paragraph. This
/// catches a ladder whose counts match the segmentation but whose boundaries do not.
fn check_links_within_paragraphs(
    links: &[Link],
    source_paragraphs: &[usize],
    target_paragraphs: &[usize],
) -> Result<(), String> {
    for (k, link) in links.iter().enumerate() {
        let paragraphs: BTreeSet<usize> = link
            .source
            .iter()
            .map(|&i| source_paragraphs[i])
            .chain(link.target.iter().map(|&i| target_paragraphs[i]))
            .collect();
        if paragraphs.len() > 1 {
            return Err(format!("link {k} {link:?} spans paragraphs {paragraphs:?}"));
        }
    }
    Ok(())
}

/// Checks expected.json against the texts; returns every problem found.
fn check_expected(expected: &Value, fr: &str, en: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if expected["version"] != 1 {
        problems.push("version is not 1".to_string());
    }
    let Some(findings) = expected["findings"].as_array() else {
        return vec!["no findings array".to_string()];
    };
    let mut target_spans = Vec::new();
    for (k, finding) in findings.iter().enumerate() {
        let categories: Vec<&str> = match &finding["category"] {
            Value::String(c) => vec![c.as_str()],
            Value::Array(cs) => cs.iter().filter_map(Value::as_str).collect(),
            _ => vec![],
        };
        if categories.is_empty() || categories.iter().any(|c| !CATEGORIES.contains(c)) {
            problems.push(format!("finding {k}: bad category {}", finding["category"]));
        }
        if finding["note"]
            .as_str()
            .map_or(true, |n| n.trim().is_empty())
        {
            problems.push(format!("finding {k}: no note"));
        }
        let target = finding["target"].as_str();
        let source = finding["source"].as_str();
        match (target, source) {
            (None, None) => problems.push(format!("finding {k}: neither target nor source")),
            (None, Some(_)) if !categories.contains(&"omission") => {
                problems.push(format!("finding {k}: no target but not an omission"))
            }
            (Some(_), None) if !categories.contains(&"addition") => {
                problems.push(format!("finding {k}: no source but not an addition"))
            }
            _ => {}
        }
        if let Some(t) = target {
            match en.find(t) {
                Some(start) => target_spans.push((start, start + t.len(), t)),
                None => problems.push(format!("finding {k}: target {t:?} not in en.txt")),
            }
        }
        if let Some(s) = source.filter(|s| !fr.contains(*s)) {
            problems.push(format!("finding {k}: source {s:?} not in fr.txt"));
        }
    }
    for clean in expected["clean"].as_array().into_iter().flatten() {
        let Some(c) = clean.as_str() else {
            problems.push(format!("clean entry {clean} is not a string"));
            continue;
        };
        let Some(start) = en.find(c) else {
            problems.push(format!("clean {c:?} not in en.txt"));
            continue;
        };
        let end = start + c.len();
        for &(s, e, t) in &target_spans {
            if start < e && s < end {
                problems.push(format!("clean {c:?} overlaps finding target {t:?}"));
            }
        }
    }
    problems
}

/// French wire typography: no ordinary space before ; : ! ? » or after «, one apostrophe style.
fn check_french_typography(fr: &str) -> Vec<String> {
    let mut problems: Vec<String> = [" ;", " :", " !", " ?", " »", "« "]
        .iter()
        .filter(|bad| fr.contains(*bad))
        .map(|bad| format!("ordinary space in {bad:?} (use U+00A0 or U+202F)"))
        .collect();
    if fr.contains('\'') && fr.contains('’') {
        problems.push("both ' and ’ apostrophes".to_string());
    }
    problems
}

#[test]
fn there_are_at_least_three_pairs_including_bamako() {
    let slugs: BTreeSet<String> = corpus_dirs()
        .iter()
        .map(|d| d.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(slugs.len() >= 3, "corpora/ holds {slugs:?}");
    assert!(slugs.contains("bamako-2024-09"), "corpora/ holds {slugs:?}");
}

#[test]
fn every_pair_has_its_five_files() {
    for dir in corpus_dirs() {
        for name in PAIR_FILES {
            let path = dir.join(name);
            assert!(path.is_file(), "{} is missing", path.display());
            assert!(
                !read(&path).trim().is_empty(),
                "{} is empty",
                path.display()
            );
        }
    }
}

#[test]
fn bamako_english_is_the_seed_byte_for_byte() {
    let bamako = fs::read(common::repo("corpora/bamako-2024-09/en.txt")).unwrap();
    let seed = fs::read(common::repo(SEED)).unwrap();
    assert!(
        bamako == seed,
        "corpora/bamako-2024-09/en.txt differs from {SEED}"
    );
    if let Some(shared_seed) = common::shared("seeds/000_35dc1731561789f4.txt") {
        assert!(
            fs::read(shared_seed).unwrap() == seed,
            "{SEED} differs from ../shared/seeds"
        );
    }
}

#[test]
fn gold_ladders_cover_both_segmentations_once_in_order() {
    let mut failures = Vec::new();
    for dir in corpus_dirs() {
        let ladder = parse_ladder(&read(&dir.join("gold.ladder")))
            .unwrap_or_else(|e| panic!("{}/gold.ladder: {e}", dir.display()));
        let fr = paragraphs(&segments(&dir.join("fr.txt"), "fr"));
        let en = paragraphs(&segments(&dir.join("en.txt"), "en"));
        let checked = check_ladder(&ladder, fr.len(), en.len())
            .and_then(|()| check_links_within_paragraphs(&ladder, &fr, &en));
        if let Err(e) = checked {
            failures.push(format!("{}/gold.ladder: {e}", dir.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn expected_spans_occur_in_their_files() {
    let mut failures = Vec::new();
    for dir in corpus_dirs() {
        let path = dir.join("expected.json");
        let expected: Value = serde_json::from_str(&read(&path))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let fr = read(&dir.join("fr.txt"));
        let en = read(&dir.join("en.txt"));
        for problem in check_expected(&expected, &fr, &en) {
            failures.push(format!("{}: {problem}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn expected_findings_sit_in_linked_segments() {
    let mut failures = Vec::new();
    for dir in corpus_dirs() {
        let expected: Value = serde_json::from_str(&read(&dir.join("expected.json"))).unwrap();
        let links = parse_ladder(&read(&dir.join("gold.ladder"))).unwrap();
        let fr = read(&dir.join("fr.txt"));
        let en = read(&dir.join("en.txt"));
        let fr_segments = segments(&dir.join("fr.txt"), "fr");
        let en_segments = segments(&dir.join("en.txt"), "en");
        let problems = check_findings_follow_ladder(
            &expected,
            &links,
            (&fr, &fr_segments),
            (&en, &en_segments),
        );
        for problem in problems {
            failures.push(format!("{}: {problem}", dir.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn french_sides_follow_wire_typography() {
    let mut failures = Vec::new();
    for dir in corpus_dirs() {
        for problem in check_french_typography(&read(&dir.join("fr.txt"))) {
            failures.push(format!("{}/fr.txt: {problem}", dir.display()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// The checks above must be able to fail: each one on a broken input.

#[test]
fn ladder_parser_reads_the_design_format_and_rejects_garbage() {
    let links = parse_ladder("[0]:[0]\n[1, 2]:[3]:0.87\n[]:[4]\n[3]:[]\n").unwrap();
    assert_eq!(links.len(), 4);
    assert_eq!(links[1].source, vec![1, 2]);
    assert_eq!(links[2].source, Vec::<usize>::new());
    assert!(parse_ladder("[0]-[0]").is_err());
    assert!(parse_ladder("[0]:[x]").is_err());
    assert!(parse_ladder("[0:[0]").is_err());
}

#[test]
fn ladder_check_rejects_gaps_repeats_disorder_and_short_cover() {
    let ok = parse_ladder("[0]:[0]\n[1, 2]:[1]\n[]:[2]").unwrap();
    assert!(check_ladder(&ok, 3, 3).is_ok());
    for (bad, why) in [
        ("[0]:[0]\n[2]:[1]\n[]:[2]", "gap"),
        ("[0]:[0]\n[0, 1, 2]:[1, 2]", "repeat"),
        ("[1]:[0]\n[0, 2]:[1, 2]", "disorder"),
        ("[0]:[0]\n[1, 2]:[1]", "target short"),
        ("[0]:[0]\n[1, 2]:[1]\n[]:[2]\n[]:[]", "empty link"),
    ] {
        let links = parse_ladder(bad).unwrap();
        assert!(
            check_ladder(&links, 3, 3).is_err(),
            "{why} accepted: {bad:?}"
        );
    }
}

#[test]
fn paragraph_check_rejects_links_across_paragraphs() {
    let links = parse_ladder("[0]:[0]\n[1]:[1, 2]\n[2]:[3]").unwrap();
    assert!(check_links_within_paragraphs(&links, &[0, 1, 2], &[0, 1, 1, 2]).is_ok());
    // Same counts, but the English split falls one paragraph early.
    assert!(check_links_within_paragraphs(&links, &[0, 1, 2], &[0, 0, 1, 2]).is_err());
    // Both sides agree internally but the link pairs paragraph 1 with paragraph 2.
    assert!(check_links_within_paragraphs(&links, &[0, 1, 2], &[0, 2, 2, 2]).is_err());
}

#[test]
fn ladder_consistency_check_catches_a_finding_on_unlinked_segments() {
    let fr = "Il est parti. Le quotidien a fermé.";
    let en = "He left. The everyday closed.";
    let fr_segments = segment_text(&Document::from_text("fr.txt", fr), "fr");
    let en_segments = segment_text(&Document::from_text("en.txt", en), "en");
    let expected = serde_json::json!({"findings": [
        {"category": "title", "target": "everyday", "source": "Le quotidien", "note": "x"}]});
    let straight = parse_ladder("[0]:[0]\n[1]:[1]").unwrap();
    let crossed = parse_ladder("[0, 1]:[]\n[]:[0, 1]").unwrap();
    let check = |links: &[Link]| {
        check_findings_follow_ladder(&expected, links, (fr, &fr_segments), (en, &en_segments))
    };
    assert!(check(&straight).is_empty(), "{:?}", check(&straight));
    assert_eq!(check(&crossed).len(), 1);
}

#[test]
fn expected_check_catches_missing_spans_bad_categories_and_overlaps() {
    let fr = "Il a assuré que le quotidien était fermé.";
    let en = "He assured that the everyday was closed.";
    let good: Value = serde_json::json!({"version": 1,
        "findings": [{"category": ["false-friend", "mistranslation"], "target": "everyday",
                      "source": "le quotidien", "note": "the daily"}],
        "clean": ["was closed"]});
    assert!(check_expected(&good, fr, en).is_empty());
    let bad: Value = serde_json::json!({"version": 1,
        "findings": [
            {"category": "false-friend", "target": "daily", "source": "le quotidien", "note": "x"},
            {"category": "nonsense", "target": "assured", "source": "a assuré", "note": "x"},
            {"category": "calque", "target": null, "source": "fermé", "note": "x"},
            {"category": "calque", "target": "closed", "source": "absent", "note": ""}],
        "clean": ["was closed", "not there"]});
    assert_eq!(
        check_expected(&bad, fr, en).len(),
        7,
        "{:?}",
        check_expected(&bad, fr, en)
    );
}

#[test]
fn typography_check_catches_plain_spaces_and_mixed_apostrophes() {
    assert!(check_french_typography("Il a dit\u{a0}: «\u{a0}non\u{a0}» l’armée.").is_empty());
    assert_eq!(
        check_french_typography("Il a dit : « non » l'armée, l’État.").len(),
        4
    );
}
