//! Building memories from alignments: one unit per link that has text on both sides, and
//! whole corpora (a folder of document pairs or a manifest) aligned in parallel.

use super::{language_tag, Header, Memory, Prop, TranslationUnit, Variant};
use super::{PROP_DOCUMENT, PROP_FINDINGS, PROP_SCORE};
use crate::align::{align, AlignOptions, Alignment};
use crate::error::{Error, Result};
use crate::text::{read_document, segment_document, Document, SegmentOptions};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// An aligned document: what `align --format tmx` and `check` hand to the writer.
#[derive(Debug, Clone, Copy)]
pub struct AlignedPair<'a> {
    /// Written as the `x-document` prop of every unit.
    pub document: &'a str,
    pub source_lang: &'a str,
    pub target_lang: &'a str,
    pub source: &'a [&'a str],
    pub target: &'a [&'a str],
    pub alignment: &'a Alignment,
    /// `YYYYMMDDThhmmssZ`, see [`super::date::now`].
    pub creationdate: &'a str,
    /// Rule ids found by `check`, indexed like `alignment.links`; empty when not checking.
    pub findings: &'a [Vec<String>],
}

/// One unit per link with text on both sides; the segments of a many-to-many link are joined
/// with a space. Insertions and deletions (an empty side) are left out: a unit without a
/// translation would only ever produce empty matches in a CAT tool.
pub fn units_from_alignment(pair: &AlignedPair) -> Vec<TranslationUnit> {
    let source_lang = language_tag(pair.source_lang);
    let target_lang = language_tag(pair.target_lang);
    let mut units = Vec::new();
    for (index, link) in pair.alignment.links.iter().enumerate() {
        let source = join_segments(pair.source, &link.source);
        let target = join_segments(pair.target, &link.target);
        if source.is_empty() || target.is_empty() {
            continue;
        }
        let mut props = vec![
            Prop::new(PROP_DOCUMENT, pair.document),
            Prop::new(PROP_SCORE, format!("{:.3}", link.score.clamp(0.0, 1.0))),
        ];
        if let Some(rules) = pair.findings.get(index).filter(|r| !r.is_empty()) {
            props.push(Prop::new(PROP_FINDINGS, rules.join(",")));
        }
        units.push(TranslationUnit {
            creationdate: Some(pair.creationdate.to_string()),
            props,
            variants: vec![
                Variant::plain(source_lang.clone(), source),
                Variant::plain(target_lang.clone(), target),
            ],
            ..Default::default()
        });
    }
    units
}

/// A memory holding one aligned document, with the header DESIGN.md fixes.
pub fn memory_from_alignment(pair: &AlignedPair) -> Memory {
    Memory {
        header: Header::wirealign(pair.source_lang, pair.creationdate),
        units: units_from_alignment(pair),
    }
}

fn join_segments(segments: &[&str], indices: &[usize]) -> String {
    let parts: Vec<&str> = indices
        .iter()
        .filter_map(|&i| segments.get(i))
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    parts.join(" ")
}

/// A source document and its translation, named for the `x-document` prop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentPair {
    pub name: String,
    pub source: PathBuf,
    pub target: PathBuf,
}

#[derive(Debug, Clone)]
pub struct CorpusOptions {
    /// Source language; in a corpus folder also the name of the source file (`fr.txt`).
    /// `None`: "fr" for folders, detected per document for manifests.
    pub source_lang: Option<String>,
    pub target_lang: Option<String>,
    pub creationdate: String,
    /// One segment per non-empty line instead of sentence splitting.
    pub presplit: bool,
}

/// The document pairs of a corpus: a folder holding `<from>.txt` and `<to>.txt`, a folder of
/// such folders (like `corpora/`), or a tab-separated manifest of `source  target  [name]`
/// lines (paths relative to the manifest; blank and `#` lines ignored).
pub fn corpus_pairs(input: &Path, opts: &CorpusOptions) -> Result<Vec<DocumentPair>> {
    if input.is_dir() {
        return folder_pairs(input, opts);
    }
    if input.is_file() {
        return manifest_pairs(input);
    }
    Err(Error::input(input, "no such file or folder"))
}

fn folder_pairs(dir: &Path, opts: &CorpusOptions) -> Result<Vec<DocumentPair>> {
    let source_name = format!("{}.txt", opts.source_lang.as_deref().unwrap_or("fr"));
    let target_name = format!("{}.txt", opts.target_lang.as_deref().unwrap_or("en"));
    let pair_in = |folder: &Path| -> Option<DocumentPair> {
        let source = folder.join(&source_name);
        let target = folder.join(&target_name);
        (source.is_file() && target.is_file()).then(|| DocumentPair {
            name: folder_name(folder),
            source,
            target,
        })
    };
    if let Some(pair) = pair_in(dir) {
        return Ok(vec![pair]);
    }
    let mut folders: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Error::input(dir, e.to_string()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    folders.sort();
    let pairs: Vec<DocumentPair> = folders.iter().filter_map(|f| pair_in(f)).collect();
    if pairs.is_empty() {
        return Err(Error::input(
            dir,
            format!("no {source_name} and {target_name} here or in a subfolder"),
        ));
    }
    Ok(pairs)
}

fn folder_name(folder: &Path) -> String {
    let absolute = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    absolute
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| folder.display().to_string())
}

fn manifest_pairs(manifest: &Path) -> Result<Vec<DocumentPair>> {
    let text =
        std::fs::read_to_string(manifest).map_err(|e| Error::input(manifest, e.to_string()))?;
    let base = manifest.parent().unwrap_or(Path::new(""));
    let mut pairs = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 2 || fields.len() > 3 || fields.iter().any(|f| f.trim().is_empty()) {
            return Err(Error::parse(
                manifest,
                number + 1,
                1,
                "expected `source<TAB>target[<TAB>name]`",
            ));
        }
        pairs.push(DocumentPair {
            name: fields.get(2).unwrap_or(&fields[0]).trim().to_string(),
            source: base.join(fields[0].trim()),
            target: base.join(fields[1].trim()),
        });
    }
    if pairs.is_empty() {
        return Err(Error::input(
            manifest,
            "the manifest lists no document pair",
        ));
    }
    Ok(pairs)
}

/// Aligns every pair in parallel and gathers the units in manifest order. `on_done` is called
/// once per finished pair (a progress bar's tick).
pub fn build_corpus(
    pairs: &[DocumentPair],
    opts: &CorpusOptions,
    on_done: &(dyn Fn(&DocumentPair) + Sync),
) -> Result<Memory> {
    let aligned: Vec<(String, Vec<TranslationUnit>)> = pairs
        .par_iter()
        .map(|pair| {
            let result = align_pair(pair, opts);
            on_done(pair);
            result
        })
        .collect::<Result<_>>()?;
    let source_lang = aligned
        .first()
        .map(|(lang, _)| lang.clone())
        .unwrap_or_else(|| "fr".into());
    if let Some((pair, (lang, _))) = pairs
        .iter()
        .zip(&aligned)
        .find(|(_, (lang, _))| *lang != source_lang)
    {
        return Err(Error::input(
            &pair.source,
            format!("source language {lang} differs from {source_lang} in the other documents"),
        ));
    }
    Ok(Memory {
        header: Header::wirealign(&source_lang, &opts.creationdate),
        units: aligned.into_iter().flat_map(|(_, units)| units).collect(),
    })
}

fn align_pair(pair: &DocumentPair, opts: &CorpusOptions) -> Result<(String, Vec<TranslationUnit>)> {
    let source = read_document(&pair.source)?;
    let target = read_document(&pair.target)?;
    let source_lang = language_of(&source, opts.source_lang.as_deref())?;
    let target_lang = language_of(&target, opts.target_lang.as_deref())?;
    let segments = |doc: &Document, lang: &str| {
        let opts = SegmentOptions {
            lang: lang.to_string(),
            presplit: opts.presplit,
            ..Default::default()
        };
        segment_document(doc, &opts)
    };
    let source_segments = segments(&source, &source_lang);
    let target_segments = segments(&target, &target_lang);
    let source_texts: Vec<&str> = source_segments.iter().map(|s| s.text.as_str()).collect();
    let target_texts: Vec<&str> = target_segments.iter().map(|s| s.text.as_str()).collect();
    let alignment = align(&source_texts, &target_texts, &AlignOptions::default());
    let units = units_from_alignment(&AlignedPair {
        document: &pair.name,
        source_lang: &source_lang,
        target_lang: &target_lang,
        source: &source_texts,
        target: &target_texts,
        alignment: &alignment,
        creationdate: &opts.creationdate,
        findings: &[],
    });
    Ok((language_tag(&source_lang), units))
}

fn language_of(doc: &Document, given: Option<&str>) -> Result<String> {
    if let Some(lang) = given {
        return Ok(lang.to_string());
    }
    if let Some(stem) = doc.path.file_stem().and_then(|s| s.to_str()) {
        if stem.len() == 2 && stem.chars().all(|c| c.is_ascii_lowercase()) {
            return Ok(stem.to_string());
        }
    }
    crate::text::lang::detect(&doc.text)
        .map(|d| d.lang)
        .ok_or_else(|| Error::input(&doc.path, "cannot detect the language (use --from/--to)"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Link;

    fn link(source: Vec<usize>, target: Vec<usize>) -> Link {
        Link {
            source,
            target,
            score: 0.8766,
        }
    }

    #[test]
    fn one_unit_per_link_with_both_sides() {
        let source = ["Un.", "Deux.", "Trois.", "Quatre."];
        let target = ["One. Two.", "Three.", "Extra."];
        let alignment = Alignment {
            links: vec![
                link(vec![0, 1], vec![0]),
                link(vec![2], vec![1]),
                link(vec![3], vec![]),
                link(vec![], vec![2]),
            ],
        };
        let findings = vec![
            vec![],
            vec!["number.mismatch".to_string(), "x.y".to_string()],
        ];
        let units = units_from_alignment(&AlignedPair {
            document: "doc",
            source_lang: "fr",
            target_lang: "en_us",
            source: &source,
            target: &target,
            alignment: &alignment,
            creationdate: "20250101T000000Z",
            findings: &findings,
        });
        assert_eq!(units.len(), 2);
        assert_eq!(units[0].variants[0].text, "Un. Deux.");
        assert_eq!(units[0].variants[1].lang, "en-US");
        assert_eq!(units[0].prop(PROP_SCORE), Some("0.877"));
        assert_eq!(units[0].prop(PROP_FINDINGS), None);
        assert_eq!(units[1].prop(PROP_FINDINGS), Some("number.mismatch,x.y"));
        assert_eq!(units[1].prop(PROP_DOCUMENT), Some("doc"));
    }

    #[test]
    fn manifest_lines_are_checked() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = dir.path().join("m.tsv");
        std::fs::write(&manifest, "# pairs\na/fr.txt\ta/en.txt\tdoc-a\n\nb.fr\n").unwrap();
        match corpus_pairs(&manifest, &options()) {
            Err(Error::Parse { line, .. }) => assert_eq!(line, 4),
            other => panic!("{other:?}"),
        }
        std::fs::write(&manifest, "a/fr.txt\ta/en.txt\tdoc-a\n").unwrap();
        let pairs = corpus_pairs(&manifest, &options()).unwrap();
        assert_eq!(pairs[0].name, "doc-a");
        assert_eq!(pairs[0].target, dir.path().join("a/en.txt"));
    }

    fn options() -> CorpusOptions {
        CorpusOptions {
            source_lang: None,
            target_lang: None,
            creationdate: "20250101T000000Z".into(),
            presplit: false,
        }
    }

    #[test]
    fn builds_a_corpus_folder_of_folders() {
        let dir = tempfile::tempdir().unwrap();
        for (slug, fr, en) in [
            ("b", "Deux chats.", "Two cats."),
            ("a", "Un chien.", "A dog."),
        ] {
            std::fs::create_dir(dir.path().join(slug)).unwrap();
            std::fs::write(dir.path().join(slug).join("fr.txt"), fr).unwrap();
            std::fs::write(dir.path().join(slug).join("en.txt"), en).unwrap();
        }
        let pairs = corpus_pairs(dir.path(), &options()).unwrap();
        assert_eq!(
            pairs.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            ["a", "b"]
        );
        let memory = build_corpus(&pairs, &options(), &|_| {}).unwrap();
        assert_eq!(memory.header.srclang, "fr");
        assert_eq!(memory.units.len(), 2);
        assert_eq!(memory.units[0].variants[1].text, "A dog.");
        assert!(corpus_pairs(&dir.path().join("missing"), &options()).is_err());
    }
}
