//! `wirealign segment FILE [--lang xx] [--presplit] [--srx F] [--format lines|json]`.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::PathBuf;

const DISPATCH: &str = "Situer les responsabilités\n\
M. Keïta, 45 ans, a été désigné à la vindicte. « C'est fini. » Le Dr Traoré n'a rien dit.\n\
\n\
Le bilan s'élève à 3 000 morts, soit 3,5 % de plus qu'en 2023.\n";

fn wirealign() -> Command {
    Command::cargo_bin("wirealign").unwrap()
}

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn stdout_of(cmd: &mut Command) -> String {
    let output = cmd.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn prints_one_segment_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "fr.txt", DISPATCH.as_bytes());
    let out = stdout_of(wirealign().arg("segment").arg(&path));
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        [
            "Situer les responsabilités",
            "M. Keïta, 45 ans, a été désigné à la vindicte.",
            "« C'est fini. »",
            "Le Dr Traoré n'a rien dit.",
            "Le bilan s'élève à 3 000 morts, soit 3,5 % de plus qu'en 2023.",
        ]
    );
}

#[test]
fn presplit_keeps_lines() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "fr.txt", DISPATCH.as_bytes());
    let out = stdout_of(wirealign().args(["segment", "--presplit"]).arg(&path));
    assert_eq!(out.lines().count(), 3);
}

#[test]
fn json_offsets_point_into_a_windows_1252_file() {
    let dir = tempfile::tempdir().unwrap();
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(DISPATCH);
    let path = write(&dir, "fr-1252.txt", &bytes);
    let output = wirealign()
        .args(["segment", "--format", "json", "--lang", "fr"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("decoded as Windows-1252"));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["lang"], "fr");
    assert_eq!(json["encoding"], "Windows1252");
    let segments = json["segments"].as_array().unwrap();
    assert_eq!(segments.len(), 5);
    for segment in segments {
        let start = segment["start"].as_u64().unwrap() as usize;
        let end = segment["end"].as_u64().unwrap() as usize;
        let raw = encoding_rs::WINDOWS_1252.decode(&bytes[start..end]).0;
        assert_eq!(raw, segment["text"].as_str().unwrap());
    }
}

#[test]
fn language_is_detected_or_given() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "en.txt",
        b"Mr. Smith met Gen. Tiani on Monday. They spoke.\n",
    );
    let json: serde_json::Value = serde_json::from_str(&stdout_of(
        wirealign().args(["segment", "--format", "json"]).arg(&path),
    ))
    .unwrap();
    assert_eq!(json["lang"], "en");
    assert_eq!(json["segments"].as_array().unwrap().len(), 2);
    // With French rules "Mr." and "Gen." are not abbreviations.
    let out = stdout_of(wirealign().args(["segment", "--lang", "fr"]).arg(&path));
    assert!(out.lines().count() > 2, "{out}");
}

const SRX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header segmentsubflows="yes" cascade="yes"/>
  <body>
    <languagerules>
      <languagerule languagerulename="Default">
        <rule break="no"><beforebreak>\b(M|Dr)\.</beforebreak><afterbreak>\s</afterbreak></rule>
        <rule break="yes"><beforebreak>[.?!]</beforebreak><afterbreak>\s</afterbreak></rule>
        <rule break="yes"><beforebreak>;</beforebreak><afterbreak>\s</afterbreak></rule>
      </languagerule>
    </languagerules>
    <maprules>
      <languagemap languagepattern=".*" languagerulename="Default"/>
    </maprules>
  </body>
</srx>
"#;

#[test]
fn srx_rules_replace_the_built_in_rules() {
    let dir = tempfile::tempdir().unwrap();
    let srx = write(&dir, "rules.srx", SRX.as_bytes());
    let text = write(
        &dir,
        "fr.txt",
        "M. Keïta est venu; il est reparti. Fin.\n".as_bytes(),
    );
    let out = stdout_of(
        wirealign()
            .args(["segment", "--lang", "fr", "--srx"])
            .arg(&srx)
            .arg(&text),
    );
    assert_eq!(
        out.lines().collect::<Vec<_>>(),
        ["M. Keïta est venu;", "il est reparti.", "Fin."]
    );
}

#[test]
fn srx_exported_in_utf16_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let xml = SRX.replace(r#"encoding="UTF-8""#, r#"encoding="UTF-16""#);
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(xml.encode_utf16().flat_map(u16::to_le_bytes));
    let srx = write(&dir, "trados.srx", &bytes);
    let text = write(
        &dir,
        "fr.txt",
        "M. Keïta est venu; il est reparti.\n".as_bytes(),
    );
    let out = stdout_of(
        wirealign()
            .args(["segment", "--lang", "fr", "--srx"])
            .arg(&srx)
            .arg(&text),
    );
    assert_eq!(out, "M. Keïta est venu;\nil est reparti.\n");
}

#[test]
fn bad_srx_file_exits_2_naming_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let srx = write(&dir, "bad.srx", SRX.replace(r"[.?!]", r"[.?!").as_bytes());
    let text = write(&dir, "fr.txt", b"Un. Deux.\n");
    wirealign()
        .args(["segment", "--srx"])
        .arg(&srx)
        .arg(&text)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.srx:8:"));
    let not_srx = write(&dir, "notes.srx", b"<tmx version=\"1.4\"/>");
    wirealign()
        .args(["segment", "--srx"])
        .arg(&not_srx)
        .arg(&text)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("notes.srx: is not an SRX file"));
}

#[test]
fn utf16_and_bom_files_are_segmented_with_original_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(DISPATCH.encode_utf16().flat_map(u16::to_le_bytes));
    let path = write(&dir, "utf16.txt", &utf16);
    let json: serde_json::Value = serde_json::from_str(&stdout_of(
        wirealign().args(["segment", "--format", "json"]).arg(&path),
    ))
    .unwrap();
    assert_eq!(json["encoding"], "Utf16Le");
    for segment in json["segments"].as_array().unwrap() {
        let (start, end) = (
            segment["start"].as_u64().unwrap() as usize,
            segment["end"].as_u64().unwrap() as usize,
        );
        let units: Vec<u16> = utf16[start..end]
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        assert_eq!(
            String::from_utf16(&units).unwrap(),
            segment["text"].as_str().unwrap()
        );
    }
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(DISPATCH.as_bytes());
    let path = write(&dir, "bom.txt", &bom);
    let out = stdout_of(wirealign().arg("segment").arg(&path));
    assert!(out.starts_with("Situer les responsabilités\n"), "{out:?}");
}

#[test]
fn bad_inputs_exit_2_with_one_line_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (write(&dir, "empty.txt", b""), "is empty"),
        (write(&dir, "blank.txt", b"  \n\n\t\n"), "only whitespace"),
        (
            write(
                &dir,
                "data.bin",
                &[0u8, 159, 146, 150, 0, 1, 2, 3, 4, 5, 0, 0],
            ),
            "binary",
        ),
        (dir.path().join("missing.txt"), "no such file"),
        (dir.path().to_path_buf(), "is a directory"),
    ];
    for (path, problem) in cases {
        let output = wirealign().arg("segment").arg(&path).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{}", path.display());
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(stderr.contains(&path.display().to_string()), "{stderr}");
        assert!(stderr.contains(problem), "{stderr}");
    }
}

#[test]
fn a_language_without_rules_gets_the_generic_ones_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        &dir,
        "es.txt",
        "El Dr. Pérez llegó. La gente huyó.\n".as_bytes(),
    );
    wirealign()
        .args(["segment", "--lang", "es"])
        .arg(&path)
        .assert()
        .success()
        .stdout("El Dr. Pérez llegó.\nLa gente huyó.\n")
        .stderr(predicate::str::contains("no built-in rules for \"es\""));
}

#[test]
fn unknown_format_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(&dir, "fr.txt", DISPATCH.as_bytes());
    wirealign()
        .args(["segment", "--format", "xml"])
        .arg(&path)
        .assert()
        .code(2);
}
