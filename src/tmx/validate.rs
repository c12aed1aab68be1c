//! `tmx validate`: the rules real readers taught us (see ../shared/tools/README.md) —
//! well-formed XML, `version="1.4"`, the header attributes TMX requires with a known
//! `segtype`, `srclang` and an `xml:lang` on every `<tuv>` with hyphenated language tags,
//! dates as `YYYYMMDDThhmmssZ`, and no control characters, not even as `&#12;`.

use super::date;
use super::xml::{decode, line_col, name_of, Events, Node};
use crate::error::Error;
use serde::Serialize;
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

const REQUIRED_HEADER: [&str; 7] = [
    "creationtool",
    "creationtoolversion",
    "segtype",
    "o-tmf",
    "adminlang",
    "srclang",
    "datatype",
];
const SEGTYPES: [&str; 4] = ["block", "paragraph", "sentence", "phrase"];
const DATE_ATTRIBUTES: [&str; 3] = ["creationdate", "changedate", "lastusagedate"];
/// Enough to fix a file; a broken converter can repeat one mistake a million times.
const MAX_PROBLEMS: usize = 100;

/// Every problem found, in document order (empty when the file is valid).
pub fn validate_bytes(path: &Path, bytes: &[u8]) -> Vec<Problem> {
    let text = match decode(path, bytes) {
        Ok(text) => text,
        Err(e) => return vec![problem_from_error(e)],
    };
    let mut problems = control_characters(&text);
    let had_control = !problems.is_empty();
    if let Err(e) = check_structure(path, &text, &mut problems) {
        let duplicate = had_control && e.to_string().contains("not allowed in XML");
        if !duplicate {
            problems.push(problem_from_error(e));
        }
    }
    problems.sort_by_key(|p| (p.line, p.column));
    problems.truncate(MAX_PROBLEMS);
    problems
}

fn problem_from_error(error: Error) -> Problem {
    match error {
        Error::Parse {
            line,
            column,
            problem,
            ..
        } => Problem {
            line,
            column,
            message: format!("not well-formed: {problem}"),
        },
        other => Problem {
            line: 1,
            column: 1,
            message: other.to_string(),
        },
    }
}

fn is_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r')
}

/// Control characters, raw or as character references.
fn control_characters(text: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (offset, c) in text.char_indices() {
        if is_control(c) || c == '\u{FFFE}' || c == '\u{FFFF}' {
            let (line, column) = line_col(text, offset);
            problems.push(Problem {
                line,
                column,
                message: format!("control character U+{:04X}", c as u32),
            });
        }
    }
    let mut rest = text;
    while let Some(at) = rest.find("&#") {
        let offset = text.len() - rest.len() + at;
        let reference = &rest[at + 2..];
        let end = reference.find(';').unwrap_or(reference.len());
        let number = match reference.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(&hex[..end.saturating_sub(1)], 16).ok(),
            None => reference[..end].parse().ok(),
        };
        if let Some(c) = number.and_then(char::from_u32).filter(|c| is_control(*c)) {
            let (line, column) = line_col(text, offset);
            problems.push(Problem {
                line,
                column,
                message: format!(
                    "control character U+{:04X} as a character reference",
                    c as u32
                ),
            });
        }
        rest = &rest[at + 2..];
    }
    problems
}

fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or("");
    (1..=8).contains(&primary.len())
        && primary.chars().all(|c| c.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn at(events: &Events, message: String) -> Problem {
    let (line, column) = events.position();
    Problem {
        line,
        column,
        message,
    }
}

fn check_structure(path: &Path, text: &str, problems: &mut Vec<Problem>) -> crate::Result<()> {
    let mut events = Events::new(path, text);
    let mut seen_header = false;
    let mut seen_root = false;
    // Where the open <tuv> started, until its <seg> shows up.
    let mut tuv_without_seg: Option<(usize, usize)> = None;
    loop {
        let (start, is_empty) = match events.next()? {
            Node::Start(s) => (s, false),
            Node::Empty(s) => (s, true),
            Node::End => {
                if events.last_closed() == "tuv" {
                    if let Some((line, column)) = tuv_without_seg.take() {
                        problems.push(Problem {
                            line,
                            column,
                            message: "<tuv> without <seg>".into(),
                        });
                    }
                }
                continue;
            }
            Node::Text(_) => continue,
            Node::Eof => break,
        };
        let name = name_of(&start);
        let attrs = events.attributes(&start)?;
        let get = |key: &str| {
            attrs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        for key in DATE_ATTRIBUTES {
            if let Some(value) = get(key).filter(|v| !date::is_valid(v)) {
                problems.push(at(
                    &events,
                    format!("{key}=\"{value}\" is not YYYYMMDDThhmmssZ"),
                ));
            }
        }
        if !seen_root {
            seen_root = true;
            if name != "tmx" {
                problems.push(at(&events, format!("root element is <{name}>, not <tmx>")));
            }
            match get("version") {
                Some("1.4") => {}
                Some(v) => problems.push(at(&events, format!("version=\"{v}\", expected \"1.4\""))),
                None => problems.push(at(&events, "<tmx> has no version".into())),
            }
            continue;
        }
        match name.as_str() {
            "header" => {
                seen_header = true;
                for key in REQUIRED_HEADER {
                    if get(key).map_or(true, |v| v.trim().is_empty()) {
                        problems.push(at(&events, format!("<header> has no {key}")));
                    }
                }
                if let Some(segtype) = get("segtype").filter(|s| !SEGTYPES.contains(s)) {
                    problems.push(at(
                        &events,
                        format!(
                            "segtype=\"{segtype}\" is not one of {}",
                            SEGTYPES.join(", ")
                        ),
                    ));
                }
                for key in ["srclang", "adminlang"] {
                    if let Some(tag) = get(key).filter(|t| *t != "*all*" && !t.is_empty()) {
                        if !is_language_tag(tag) {
                            problems.push(at(
                                &events,
                                format!("{key}=\"{tag}\" is not a language tag like fr-FR"),
                            ));
                        }
                    }
                }
            }
            "body" if !seen_header => {
                problems.push(at(&events, "<body> without a <header> before it".into()))
            }
            "tuv" => {
                let message = match (get("xml:lang"), get("lang")) {
                    (Some(tag), _) if !is_language_tag(tag) => Some(format!(
                        "xml:lang=\"{tag}\" is not a language tag like fr-FR"
                    )),
                    (Some(_), _) => None,
                    (None, Some(_)) => Some("<tuv> has lang; TMX 1.4 wants xml:lang".into()),
                    (None, None) => Some("<tuv> has no xml:lang".into()),
                };
                problems.extend(message.map(|m| at(&events, m)));
                if is_empty {
                    problems.push(at(&events, "<tuv> without <seg>".into()));
                } else {
                    tuv_without_seg = Some(events.position());
                }
            }
            "seg" => tuv_without_seg = None,
            _ => {}
        }
    }
    if !seen_header {
        problems.push(Problem {
            line: 1,
            column: 1,
            message: "no <header>".into(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(xml: &str) -> Vec<String> {
        validate_bytes(Path::new("t.tmx"), xml.as_bytes())
            .into_iter()
            .map(|p| p.message)
            .collect()
    }

    const HEADER: &str = r#"<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="fr-FR" datatype="plaintext" creationdate="20250101T120000Z"/>"#;

    fn tmx(version: &str, body: &str) -> String {
        format!("<?xml version=\"1.0\"?>\n<tmx version=\"{version}\">{HEADER}<body>\n{body}\n</body></tmx>")
    }

    #[test]
    fn a_valid_memory_has_no_problem() {
        let xml = tmx(
            "1.4",
            r#"<tu><tuv xml:lang="fr-FR"><seg>a &amp; b</seg></tuv><tuv xml:lang="en"><seg>b</seg></tuv></tu>"#,
        );
        assert_eq!(messages(&xml), Vec::<String>::new());
    }

    #[test]
    fn flags_each_rule() {
        let cases = [
            (
                tmx("1.4b", "<tu><tuv xml:lang=\"fr\"><seg>a</seg></tuv></tu>"),
                "expected \"1.4\"",
            ),
            (
                tmx("1.4", "<tu><tuv xml:lang=\"fr_FR\"><seg>a</seg></tuv></tu>"),
                "not a language tag",
            ),
            (
                tmx("1.4", "<tu><tuv><seg>a</seg></tuv></tu>"),
                "no xml:lang",
            ),
            (
                tmx(
                    "1.4",
                    "<tu creationdate=\"2025-01-01\"><tuv xml:lang=\"fr\"><seg>a</seg></tuv></tu>",
                ),
                "not YYYYMMDDThhmmssZ",
            ),
            (
                tmx(
                    "1.4",
                    "<tu><tuv xml:lang=\"fr\"><seg>a&#12;</seg></tuv></tu>",
                ),
                "character reference",
            ),
            (
                tmx(
                    "1.4",
                    "<tu><tuv xml:lang=\"fr\"><seg>a\u{c}</seg></tuv></tu>",
                ),
                "control character U+000C",
            ),
            (
                tmx(
                    "1.4",
                    "<tu><tuv xml:lang=\"fr\"><seg>a & b</seg></tuv></tu>",
                ),
                "not well-formed",
            ),
            (
                tmx("1.4", "<tu><tuv xml:lang=\"fr\"></tuv></tu>"),
                "without <seg>",
            ),
            (tmx("1.4", "").replace("sentence", "line"), "segtype"),
            (
                tmx("1.4", "").replace(" srclang=\"fr-FR\"", ""),
                "no srclang",
            ),
        ];
        for (xml, expected) in cases {
            let found = messages(&xml);
            assert!(
                found.iter().any(|m| m.contains(expected)),
                "{expected}: {found:?}\n{xml}"
            );
        }
    }

    #[test]
    fn reports_line_and_column() {
        let xml = tmx("1.4", "<tu><tuv xml:lang=\"fr\"><seg>ok</seg></tuv></tu>\n  <tu><tuv xml:lang=\"e_n\"><seg>x</seg></tuv></tu>");
        let problems = validate_bytes(Path::new("t.tmx"), xml.as_bytes());
        assert_eq!(
            (problems[0].line, problems[0].column),
            (4, 7),
            "{problems:?}"
        );
    }
}
