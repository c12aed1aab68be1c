//! The memories in tmx/ are generated from corpora/: each must exist and be what the current
//! code builds from its corpus, with the creation date the file already carries.

mod common;

use std::path::Path;
use wirealign::tmx::{self, CorpusOptions, ReadOptions};

fn regenerate_command(slug: &str, date: &str) -> String {
    format!("cargo run -- tmx build corpora/{slug} -o tmx/{slug}.tmx --date {date}")
}

#[test]
fn committed_memories_match_their_corpora() {
    let corpora = common::repo("corpora");
    let Ok(entries) = std::fs::read_dir(&corpora) else {
        eprintln!("no corpora/ folder: nothing to check");
        return;
    };
    let mut slugs: Vec<String> = entries
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("fr.txt").is_file() && e.path().join("en.txt").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    slugs.sort();
    let mut stale = Vec::new();
    for slug in &slugs {
        let committed = common::repo(&format!("tmx/{slug}.tmx"));
        let Ok(bytes) = std::fs::read(&committed) else {
            stale.push(format!(
                "tmx/{slug}.tmx is missing: {}",
                regenerate_command(slug, "$(date -u +%Y%m%dT%H%M%SZ)")
            ));
            continue;
        };
        let header = tmx::read_bytes(&committed, &bytes, &ReadOptions::default())
            .unwrap_or_else(|e| panic!("{e}"))
            .header;
        let date = header.creationdate.unwrap_or_default();
        let opts = CorpusOptions {
            source_lang: None,
            target_lang: None,
            creationdate: date.clone(),
            presplit: false,
        };
        let pairs = tmx::corpus_pairs(&corpora.join(slug), &opts).unwrap();
        let memory = tmx::build_corpus(&pairs, &opts, &|_| {}).unwrap();
        if tmx::write(&memory).as_bytes() != bytes.as_slice() {
            stale.push(format!(
                "tmx/{slug}.tmx is stale: {}",
                regenerate_command(slug, &date)
            ));
        }
    }
    assert!(stale.is_empty(), "\n{}\n", stale.join("\n"));
}

#[test]
fn every_committed_memory_has_a_corpus() {
    let Ok(entries) = std::fs::read_dir(common::repo("tmx")) else {
        return;
    };
    for entry in entries.filter_map(|e| e.ok()) {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(slug) = name.strip_suffix(".tmx") else {
            continue;
        };
        assert!(
            Path::new(&common::repo(&format!("corpora/{slug}"))).is_dir(),
            "tmx/{name} has no corpora/{slug}/ to be generated from"
        );
    }
}
