//! Third-party readers (../shared/tools/check_tmx.sh: xmllint with the TMX 1.4b DTD and
//! OmegaT's XSD, translate-toolkit, OmegaT 3.6 pre-translating the French text, hypomnema
//! when installed) accept the memories we write; our validator and reader agree with them
//! on the shared good and broken samples.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use wirealign::align::{Alignment, Link};
use wirealign::tmx::{self, AlignedPair, Inline, ReadOptions};

/// Runs check_tmx.sh; hypomnema may be missing (it needs Python ≥ 3.13), no other client may.
fn check_with_readers(script: &Path, file: &Path) {
    check_with(script, file, None)
}

/// Runs check_tmx.sh, all clients or the `only` ones.
fn check_with(script: &Path, file: &Path, only: Option<&str>) {
    let mut command = Command::new("bash");
    command.arg(script).arg(file).env("ALLOW_MISSING", "1");
    if let Some(only) = only {
        command.env("ONLY", only);
    }
    let output = command.output().expect("bash runs");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{}:\n{report}", file.display());
    for line in report.lines().filter(|l| l.starts_with("MISSING")) {
        let tolerated =
            line.contains("hypomnema") || std::env::var_os(common::REQUIRE_SHARED).is_none();
        assert!(tolerated, "a reader is missing:\n{report}");
        eprintln!("{line}");
    }
}

fn lines(path: &Path, count: usize) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .take(count)
        .map(str::to_string)
        .collect()
}

#[test]
fn readers_accept_a_memory_we_write() {
    let (Some(script), Some(fr), Some(en)) = (
        common::shared("tools/check_tmx.sh"),
        common::shared("data/wmt14-newstest-fren/origfr.fr"),
        common::shared("data/wmt14-newstest-fren/origfr.en"),
    ) else {
        return;
    };
    let mut source = lines(&fr, 60);
    let mut target = lines(&en, 60);
    // Markup characters and a form feed the writer must drop.
    source.push("Prix < 10 € & « taxes » comprises\u{c}.".into());
    target.push("Price < €10 & \"taxes\" included.".into());
    let source_refs: Vec<&str> = source.iter().map(String::as_str).collect();
    let target_refs: Vec<&str> = target.iter().map(String::as_str).collect();
    let mut links: Vec<Link> = (0..source.len())
        .map(|i| Link {
            source: vec![i],
            target: vec![i],
            score: 0.9,
        })
        .collect();
    // A 2-1 link and a deletion.
    links[0].source = vec![0, 1];
    links[1].target = vec![];
    let alignment = Alignment { links };
    let findings = vec![vec!["number.mismatch".to_string()]];
    let memory = tmx::memory_from_alignment(&AlignedPair {
        document: "wmt14 <origfr> & co",
        source_lang: "fr",
        target_lang: "en",
        source: &source_refs,
        target: &target_refs,
        alignment: &alignment,
        creationdate: "20250101T120000Z",
        findings: &findings,
    });
    let (xml, warnings) = tmx::write_with_warnings(&memory);
    assert_eq!(warnings.len(), 1, "the form feed is reported");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("wmt.tmx");
    wirealign::fsutil::write_atomic(&file, xml.as_bytes()).unwrap();
    assert!(tmx::validate_bytes(&file, xml.as_bytes()).is_empty());
    check_with_readers(&script, &file);
}

#[test]
fn readers_accept_the_generated_memories() {
    let Some(script) = common::shared("tools/check_tmx.sh") else {
        return;
    };
    let Ok(entries) = std::fs::read_dir(common::repo("tmx")) else {
        return;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "tmx"))
        .collect();
    files.sort();
    // The schemas on every file; all readers (OmegaT takes seconds) once, on their union.
    let mut memories = Vec::new();
    for file in files {
        check_with(&script, &file, Some("xmllint-dtd xmllint-xsd"));
        memories.push((
            file.clone(),
            tmx::read_path(&file, &ReadOptions::default()).unwrap(),
        ));
    }
    if memories.is_empty() {
        return;
    }
    let (union, _) = tmx::merge(&memories, "20250101T120000Z").unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("generated.tmx");
    std::fs::write(&file, tmx::write(&union)).unwrap();
    check_with_readers(&script, &file);
}

#[test]
fn inline_tags_survive_a_rewrite_that_readers_accept() {
    let (Some(script), Some(sample)) = (
        common::shared("tools/check_tmx.sh"),
        common::shared("tools/samples/good_inline.tmx"),
    ) else {
        return;
    };
    let memory = tmx::read_path(
        &sample,
        &ReadOptions {
            inline: Inline::Keep,
        },
    )
    .unwrap();
    let xml = tmx::write(&memory);
    assert!(
        xml.contains("<bpt i=\"1\" x=\"1\">&lt;b&gt;</bpt>"),
        "{xml}"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("inline.tmx");
    std::fs::write(&file, &xml).unwrap();
    check_with_readers(&script, &file);
}

#[test]
fn validator_agrees_with_the_shared_samples() {
    let Some(samples) = common::shared("tools/samples") else {
        return;
    };
    let mut checked = 0;
    for entry in std::fs::read_dir(&samples).unwrap().filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if !name.ends_with(".tmx") {
            continue;
        }
        let bytes = std::fs::read(entry.path()).unwrap();
        let problems = tmx::validate_bytes(&entry.path(), &bytes);
        if name.starts_with("good") {
            assert!(problems.is_empty(), "{name}: {problems:?}");
            tmx::read_bytes(&entry.path(), &bytes, &ReadOptions::default())
                .unwrap_or_else(|e| panic!("{e}"));
        } else {
            assert!(!problems.is_empty(), "{name} is broken but passed");
        }
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} TMX samples found");
}
