//! XML escaping shared by every writer: TMX, TBX and the HTML report.

/// Escapes markup characters; in attributes also quotes and the whitespace characters that
/// attribute-value normalisation would otherwise turn into spaces. A carriage return is
/// escaped everywhere because XML parsers normalise line ends.
pub fn escape_into(out: &mut String, text: &str, attribute: bool) {
    let special = |b: &u8| matches!(b, b'&' | b'<' | b'>' | b'\r' | b'"' | b'\n' | b'\t');
    if !text.as_bytes().iter().any(special) {
        out.push_str(text);
        return;
    }
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            '"' if attribute => out.push_str("&quot;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
}

/// `text` escaped for an attribute value or element content alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text, true);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_quotes_and_line_ends_are_escaped() {
        assert_eq!(
            escape("<b>\"A&B\"</b>"),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;"
        );
        let mut text = String::new();
        escape_into(&mut text, "a\"b\r\nc", false);
        assert_eq!(text, "a\"b&#13;\nc");
        assert_eq!(escape("a\tb\nc"), "a&#9;b&#10;c");
        assert_eq!(escape("plain"), "plain");
    }
}
