//! Ladder files, the Vecalign/Bertalign gold format: one bead per line, `[1, 2]:[3]`,
//! `[]:[4]` for an insertion, `[5]:[]` for a deletion, optionally followed by `:score`.

use crate::align::{Alignment, Link};
use crate::error::{Error, Result};
use std::path::Path;

/// Reads a ladder file.
pub fn read_ladder(path: &Path) -> Result<Alignment> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Error::input(path, format!("cannot read: {e}")))?;
    parse_ladder(&text, path)
}

/// Parses ladder text; `path` only names the file in errors. Blank lines are skipped.
pub fn parse_ladder(text: &str, path: &Path) -> Result<Alignment> {
    let mut links = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let link = parse_line(line)
            .map_err(|(column, problem)| Error::parse(path, number + 1, column + 1, problem))?;
        links.push(link);
    }
    Ok(Alignment { links })
}

/// Parses one bead; on failure returns the 0-based column and the problem.
fn parse_line(line: &str) -> std::result::Result<Link, (usize, String)> {
    let mut cursor = Cursor { line, pos: 0 };
    cursor.skip_spaces();
    let source = cursor.list()?;
    cursor.expect(':')?;
    let target = cursor.list()?;
    cursor.skip_spaces();
    let score = if cursor.peek() == Some(':') {
        cursor.pos += 1;
        let rest = line[cursor.pos..].trim();
        let score: f64 = rest.parse().map_err(|_| {
            (
                cursor.pos,
                format!("expected a score after ':', found {rest:?}"),
            )
        })?;
        cursor.pos = line.len();
        score
    } else {
        1.0
    };
    cursor.skip_spaces();
    if cursor.pos < line.len() {
        return Err((cursor.pos, format!("unexpected {:?}", &line[cursor.pos..])));
    }
    if source.is_empty() && target.is_empty() {
        return Err((0, "a bead needs at least one segment".into()));
    }
    Ok(Link {
        source,
        target,
        score,
    })
}

struct Cursor<'a> {
    line: &'a str,
    pos: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<char> {
        self.line[self.pos..].chars().next()
    }

    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += self.peek().map_or(0, char::len_utf8);
        }
    }

    fn expect(&mut self, wanted: char) -> std::result::Result<(), (usize, String)> {
        self.skip_spaces();
        match self.peek() {
            Some(c) if c == wanted => {
                self.pos += c.len_utf8();
                Ok(())
            }
            Some(c) => Err((self.pos, format!("expected '{wanted}', found '{c}'"))),
            None => Err((self.pos, format!("expected '{wanted}', found end of line"))),
        }
    }

    /// `[` integers separated by commas `]`. Gold files may hold non-contiguous groups.
    fn list(&mut self) -> std::result::Result<Vec<usize>, (usize, String)> {
        self.expect('[')?;
        let mut items: Vec<usize> = Vec::new();
        loop {
            self.skip_spaces();
            if self.peek() == Some(']') && items.is_empty() {
                self.pos += 1;
                return Ok(items);
            }
            let start = self.pos;
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.pos += 1;
            }
            let number: usize = self.line[start..self.pos]
                .parse()
                .map_err(|_| (start, "expected a segment index".to_string()))?;
            items.push(number);
            self.skip_spaces();
            match self.peek() {
                Some(',') => self.pos += 1,
                Some(']') => {
                    self.pos += 1;
                    return Ok(items);
                }
                Some(c) => return Err((self.pos, format!("expected ',' or ']', found '{c}'"))),
                None => return Err((self.pos, "unterminated list".into())),
            }
        }
    }
}

/// Writes an alignment as ladder lines; `with_scores` appends `:score`.
pub fn format_ladder(alignment: &Alignment, with_scores: bool) -> String {
    let mut out = String::new();
    for link in &alignment.links {
        out.push_str(&format!(
            "{}:{}",
            format_list(&link.source),
            format_list(&link.target)
        ));
        if with_scores {
            out.push_str(&format!(":{:.4}", link.score));
        }
        out.push('\n');
    }
    out
}

fn format_list(items: &[usize]) -> String {
    let inner: Vec<String> = items.iter().map(usize::to_string).collect();
    format!("[{}]", inner.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Alignment> {
        parse_ladder(text, Path::new("g.ladder"))
    }

    #[test]
    fn reads_all_bead_shapes_and_scores() {
        let a = parse("[0]:[0]\n[1, 2]:[3]\n[]:[4]\n[3]:[]:0.25\n").unwrap();
        assert_eq!(a.links.len(), 4);
        assert_eq!(a.links[1].source, vec![1, 2]);
        assert_eq!(a.links[2].source, Vec::<usize>::new());
        assert_eq!(a.links[3].target, Vec::<usize>::new());
        assert!((a.links[3].score - 0.25).abs() < 1e-12);
    }

    #[test]
    fn round_trips() {
        let text = "[0]:[0]\n[1, 2]:[3]\n[]:[4]\n";
        assert_eq!(format_ladder(&parse(text).unwrap(), false), text);
    }

    #[test]
    fn malformed_line_names_line_and_column() {
        let err = parse("[0]:[0]\n[1, x]:[1]\n").unwrap_err();
        match err {
            Error::Parse { line, column, .. } => {
                assert_eq!(line, 2);
                assert_eq!(column, 5);
            }
            other => panic!("unexpected {other:?}"),
        }
        assert!(matches!(
            parse("[0]:[0]\n[1]-[1]\n"),
            Err(Error::Parse { line: 2, .. })
        ));
        assert!(matches!(
            parse("[1, ]:[1]"),
            Err(Error::Parse { line: 1, .. })
        ));
        assert!(matches!(parse("[]:[]"), Err(Error::Parse { line: 1, .. })));
        assert!(matches!(
            parse("[0]:[0]:high"),
            Err(Error::Parse { line: 1, .. })
        ));
    }
}
