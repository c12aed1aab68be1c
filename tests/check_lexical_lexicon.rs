//! `--lexicon FILE`: user lexicons in the built-in formats, merged over the built-in
//! ones; malformed files refused with the file and line.

mod common;

use wirealign::check::lexical::LexicalChecks;
use wirealign::check::{Category, Finding, Severity};
use wirealign::glossary::Glossary;

fn check(checks: &LexicalChecks, fr: &str, en: &str) -> Vec<Finding> {
    common::lexical_findings(checks, fr, en)
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn a_user_lexicon_adds_rules_and_overrides_built_in_ones() {
    let dir = tempfile::tempdir().unwrap();
    let user = write(
        &dir,
        "house.tsv",
        "# house style\n\
         id\tseverity\tfrench\twrong\tright\tmeaning\n\
         calque.battre-en-breche\terror\tbatt* en breche\tbeat* in breach|beaten in breach\tundermin*|demolish*\tundermine\n\
         false-friend.vindicte\twarning\tvindicte\tvindictive*\tcondemnation\tpublic condemnation\n",
    );
    let checks = LexicalChecks::new(&[user], &Glossary::builtin()).unwrap();
    let f = check(
        &checks,
        "Ces chiffres battent en brèche le discours officiel.",
        "These figures beat in breach the official rhetoric.",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].rule, "calque.battre-en-breche");
    assert_eq!(f[0].category, Category::Calque);
    assert_eq!(f[0].target.as_ref().unwrap().text, "beat in breach");

    let f = check(
        &checks,
        "Il a été livré à la vindicte.",
        "He was handed over to vindictiveness.",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        f[0].severity,
        Severity::Warning,
        "the user entry replaced the built-in one"
    );
    // Built-in entries are still there.
    let f = check(&checks, "Une descente aux enfers.", "A descent into hell.");
    assert_eq!(f.len(), 1, "{f:?}");
}

#[test]
fn user_terms_and_title_words_use_their_own_headers() {
    let dir = tempfile::tempdir().unwrap();
    let terms = write(
        &dir,
        "terms.tsv",
        "id\tfrench\tenglish\tavoid\tnote\n\
         minusca\tMINUSCA\tMINUSCA|UN mission\tMINUSCA mission of the UN\t-\n",
    );
    let words = write(
        &dir,
        "words.tsv",
        "french\tenglish\nreveil\tawakening\nsahel\tsahel\n",
    );
    let checks = LexicalChecks::new(&[terms, words], &Glossary::builtin()).unwrap();
    let f = check(
        &checks,
        "La MINUSCA a été déployée.",
        "The mission was deployed.",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(
        (f[0].rule.as_str(), f[0].severity),
        ("acronym.minusca", Severity::Warning)
    );
    let f = check(
        &checks,
        "Selon l'hebdomadaire Le Réveil du Sahel, la ville est calme.",
        "According to the weekly The Awakening of the Sahel, the town is calm.",
    );
    assert_eq!(f.len(), 1, "{f:?}");
    assert_eq!(f[0].rule, "title.translated");
    assert_eq!(
        f[0].target.as_ref().unwrap().text,
        "The Awakening of the Sahel"
    );
}

#[test]
fn malformed_user_lexicons_are_refused_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        &dir,
        "bad.tsv",
        "id\tseverity\tfrench\twrong\tright\tmeaning\n\
         calque.ok\terror\ta b\tc d\t-\te\n\
         \n\
         calque.bad\terror\tsituer\tsitu*ate\t-\tx\n",
    );
    let err = LexicalChecks::new(std::slice::from_ref(&bad), &Glossary::builtin()).unwrap_err();
    let message = err.to_string();
    assert!(
        message.starts_with(&format!("{}:4:4:", bad.display())),
        "{message}"
    );
    assert_eq!(err.exit_code(), 2);

    let missing = dir.path().join("missing.tsv");
    let err = LexicalChecks::new(&[missing], &Glossary::builtin()).unwrap_err();
    assert!(err.to_string().contains("missing.tsv"), "{err}");

    let headerless = write(&dir, "h.tsv", "vindicte\tvindictive\n");
    let err = LexicalChecks::new(&[headerless], &Glossary::builtin()).unwrap_err();
    assert!(
        err.to_string()
            .contains("h.tsv:1:1: unknown lexicon header"),
        "{err}"
    );
}
