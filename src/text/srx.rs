//! A small engine for SRX 2.0 segmentation rules, the format CAT tools (Trados, memoQ,
//! OmegaT, Okapi) export.
//!
//! An SRX file holds named `languagerule`s, each an ordered list of `rule`s with a
//! `beforebreak` and an `afterbreak` regular expression and `break="yes|no"`, and
//! `maprules` that pick the language rules by a pattern on the language code. At each
//! position of the text, the first rule (in order) whose `beforebreak` matches text ending
//! there and whose `afterbreak` matches text starting there decides: break or no break.
//!
//! The break point is the position between the two patterns, never a capture group of the
//! rule's own pattern, so rules with groups of their own (`\b(Mr|Dr)\.`) work: the `srx`
//! crate takes the first group as the break point and gets these wrong.
//!
//! Patterns are Java/ICU regular expressions. Lookaround-free `beforebreak` patterns run on
//! the `regex` crate; the others, and every `afterbreak` (matched anchored at the candidate
//! position with the text before it as context), run on `fancy-regex`, which supports the
//! lookbehind and lookahead SRX files commonly use.

use crate::error::{Error, Result};
use quick_xml::events::{BytesStart, Event};
use std::collections::HashSet;
use std::path::Path;

/// Rules loaded from an SRX file.
#[derive(Debug)]
pub struct SrxRules {
    language_rules: Vec<LanguageRule>,
    maps: Vec<LanguageMap>,
    /// SRX `cascade="yes"`: the rules of every matching map apply, in map order; otherwise
    /// only those of the first matching map.
    cascade: bool,
}

#[derive(Debug)]
struct LanguageRule {
    name: String,
    rules: Vec<Rule>,
}

#[derive(Debug)]
struct Rule {
    is_break: bool,
    /// `None` for an empty pattern, which matches at every position.
    before: Option<BeforePattern>,
    after: Option<fancy_regex::Regex>,
}

#[derive(Debug)]
enum BeforePattern {
    Plain(regex::Regex),
    Fancy(fancy_regex::Regex),
}

#[derive(Debug)]
struct LanguageMap {
    pattern: regex::Regex,
    rule_name: String,
}

impl SrxRules {
    /// Reads an SRX file. Errors name the file, and the line of a bad rule.
    pub fn load(path: &Path) -> Result<SrxRules> {
        let doc = crate::text::read_document(path)?;
        SrxRules::parse(path, &doc.text)
    }

    /// Parses SRX text; `path` is only used in messages.
    pub fn parse(path: &Path, xml: &str) -> Result<SrxRules> {
        Parser::new(path, xml).run()
    }

    /// Names of the language rules that apply to `lang`, in the order they apply.
    pub fn rule_names_for(&self, lang: &str) -> Vec<&str> {
        let mut names = Vec::new();
        for map in &self.maps {
            if map.pattern.is_match(lang) {
                names.push(map.rule_name.as_str());
                if !self.cascade {
                    break;
                }
            }
        }
        names
    }

    /// Byte spans of the segments of `line` for language `lang` (ISO code such as "fr" or
    /// "fr-FR"). Spans cover the line, in order, without overlap.
    pub fn split(&self, line: &str, lang: &str) -> Vec<(usize, usize)> {
        let rules: Vec<&Rule> = self
            .rule_names_for(lang)
            .into_iter()
            .filter_map(|name| self.language_rules.iter().find(|r| r.name == name))
            .flat_map(|r| r.rules.iter())
            .collect();
        let before_ends: Vec<Option<HashSet<usize>>> = rules
            .iter()
            .map(|rule| rule.before.as_ref().map(|p| p.match_ends(line)))
            .collect();
        let mut candidates: Vec<usize> = rules
            .iter()
            .zip(&before_ends)
            .filter(|(rule, _)| rule.is_break)
            .flat_map(|(_, ends)| match ends {
                Some(ends) => ends.iter().copied().collect::<Vec<_>>(),
                None => char_boundaries(line),
            })
            .filter(|&p| p > 0 && p < line.len())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();

        let decides_break = |position: usize| {
            for (rule, ends) in rules.iter().zip(&before_ends) {
                let before = ends.as_ref().map_or(true, |e| e.contains(&position));
                if before && rule.after_matches(line, position) {
                    return rule.is_break;
                }
            }
            false
        };
        let mut spans = Vec::new();
        let mut start = 0;
        for position in candidates {
            if decides_break(position) {
                spans.push((start, position));
                start = position;
            }
        }
        spans.push((start, line.len()));
        spans
    }
}

impl Rule {
    fn after_matches(&self, text: &str, position: usize) -> bool {
        let Some(after) = &self.after else {
            return true;
        };
        let input = fancy_regex::RegexInput::new(text)
            .from_pos(position)
            .anchored(true);
        matches!(after.find_input(input), Ok(Some(_)))
    }
}

impl BeforePattern {
    fn compile(pattern: &str) -> std::result::Result<Self, String> {
        let pattern = &from_java(pattern);
        match regex::Regex::new(pattern) {
            Ok(re) => Ok(BeforePattern::Plain(re)),
            Err(_) => fancy_regex::Regex::new(pattern)
                .map(BeforePattern::Fancy)
                .map_err(|e| e.to_string()),
        }
    }

    /// Every position where a match ends, trying a match from every start position so that
    /// overlapping matches are not lost.
    fn match_ends(&self, text: &str) -> HashSet<usize> {
        let mut ends = HashSet::new();
        let mut from = 0;
        while from <= text.len() {
            let found = match self {
                BeforePattern::Plain(re) => re.find_at(text, from).map(|m| (m.start(), m.end())),
                BeforePattern::Fancy(re) => re
                    .find_from_pos(text, from)
                    .ok()
                    .flatten()
                    .map(|m| (m.start(), m.end())),
            };
            let Some((start, end)) = found else { break };
            ends.insert(end);
            from = next_char_boundary(text, start);
        }
        ends
    }
}

/// Rewrites the Java regular-expression syntax SRX files are written in where Rust's
/// engines spell it differently: `\Q...\E` quoting and the `\p{javaLowerCase}` family.
fn from_java(pattern: &str) -> String {
    const CLASSES: &[(&str, &str)] = &[
        ("javaLowerCase", "Ll"),
        ("javaUpperCase", "Lu"),
        ("javaLetter", "L"),
        ("javaDigit", "Nd"),
        ("javaLetterOrDigit", "Alnum"),
        ("javaWhitespace", "White_Space"),
        ("IsAlphabetic", "Alphabetic"),
        ("IsLetter", "L"),
        ("IsUppercase", "Uppercase"),
        ("IsLowercase", "Lowercase"),
        ("IsWhite_Space", "White_Space"),
        ("IsPunctuation", "P"),
        ("IsDigit", "Nd"),
    ];
    let mut out = String::with_capacity(pattern.len());
    let mut rest = pattern;
    while let Some(i) = rest.find('\\') {
        out.push_str(&rest[..i]);
        let escape = &rest[i..];
        if let Some(quoted) = escape.strip_prefix("\\Q") {
            let end = quoted.find("\\E").unwrap_or(quoted.len());
            out.push_str(&regex::escape(&quoted[..end]));
            rest = quoted.get(end + 2..).unwrap_or("");
            continue;
        }
        let class = CLASSES.iter().find_map(|(java, unicode)| {
            ["p", "P"].iter().find_map(|p| {
                let written = format!("\\{p}{{{java}}}");
                escape
                    .starts_with(&written)
                    .then(|| (format!("\\{p}{{{unicode}}}"), written.len()))
            })
        });
        if let Some((replacement, len)) = class {
            out.push_str(&replacement);
            rest = &escape[len..];
            continue;
        }
        // Any other escape is copied whole, so "\\Q" is not mistaken for quoting.
        let len = 1 + escape[1..].chars().next().map_or(0, char::len_utf8);
        out.push_str(&escape[..len]);
        rest = &escape[len..];
    }
    out.push_str(rest);
    drop_java_unicode_flag(&out)
}

/// Java's inline flag `U` asks for Unicode character classes, which Rust's engines always
/// use; in Rust `U` would instead make every quantifier lazy. `(?iU)` becomes `(?i)`.
fn drop_java_unicode_flag(pattern: &str) -> String {
    static FLAGS: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    let flags = FLAGS.get_or_init(|| {
        regex::Regex::new(r"\(\?([a-zA-Z-]*)U([a-zA-Z-]*)([:)])").expect("valid pattern")
    });
    flags
        .replace_all(pattern, |caps: &regex::Captures| {
            let kept = format!("{}{}", &caps[1], &caps[2]).replace('U', "");
            match (kept.trim_matches('-').is_empty(), &caps[3]) {
                (true, ")") => String::new(),
                (true, _) => "(?:".to_string(),
                (false, end) => format!("(?{kept}{end}"),
            }
        })
        .into_owned()
}

fn next_char_boundary(text: &str, i: usize) -> usize {
    text[i..]
        .chars()
        .next()
        .map_or(text.len() + 1, |c| i + c.len_utf8())
}

fn char_boundaries(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect()
}

/// What the parser is reading the text of.
#[derive(Clone, Copy, PartialEq)]
enum Field {
    None,
    Before,
    After,
}

struct PendingRule {
    is_break: bool,
    before: String,
    after: String,
    /// Byte offset of the `<rule>` tag, for messages.
    offset: usize,
}

struct Parser<'a> {
    path: &'a Path,
    xml: &'a str,
    language_rules: Vec<LanguageRule>,
    maps: Vec<LanguageMap>,
    cascade: bool,
    rule: Option<PendingRule>,
    field: Field,
}

impl<'a> Parser<'a> {
    fn new(path: &'a Path, xml: &'a str) -> Self {
        Parser {
            path,
            xml,
            language_rules: Vec::new(),
            maps: Vec::new(),
            cascade: false,
            rule: None,
            field: Field::None,
        }
    }

    fn error_at(&self, offset: usize, problem: impl Into<String>) -> Error {
        let before = &self.xml[..offset.min(self.xml.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.len() - before.rfind('\n').map_or(0, |i| i + 1) + 1;
        Error::parse(self.path, line, column, problem)
    }

    fn run(mut self) -> Result<SrxRules> {
        let mut reader = quick_xml::Reader::from_str(self.xml);
        let mut saw_srx = false;
        loop {
            let offset = reader.buffer_position() as usize;
            let event = reader
                .read_event()
                .map_err(|e| self.error_at(offset, format!("not well-formed XML: {e}")))?;
            match event {
                Event::Start(e) => {
                    saw_srx |= e.local_name().as_ref() == b"srx";
                    self.open(&e, offset)?;
                }
                Event::Empty(e) => {
                    saw_srx |= e.local_name().as_ref() == b"srx";
                    self.open(&e, offset)?;
                    match e.local_name().as_ref() {
                        // An empty <rule/> has no patterns: it matches everywhere.
                        b"rule" => self.close_rule()?,
                        b"beforebreak" | b"afterbreak" => self.field = Field::None,
                        _ => {}
                    }
                }
                Event::End(e) => match e.local_name().as_ref() {
                    b"beforebreak" | b"afterbreak" => self.field = Field::None,
                    b"rule" => self.close_rule()?,
                    _ => {}
                },
                Event::Text(t) => {
                    let text = t
                        .unescape()
                        .map_err(|e| self.error_at(offset, format!("bad XML text: {e}")))?;
                    self.push_text(&text);
                }
                Event::CData(t) => {
                    let text = String::from_utf8_lossy(&t).into_owned();
                    self.push_text(&text);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        if !saw_srx {
            return Err(Error::input(
                self.path,
                "is not an SRX file (no <srx> element)",
            ));
        }
        for map in &self.maps {
            if !self.language_rules.iter().any(|r| r.name == map.rule_name) {
                return Err(Error::input(
                    self.path,
                    format!(
                        "languagemap refers to unknown languagerule {:?}",
                        map.rule_name
                    ),
                ));
            }
        }
        Ok(SrxRules {
            language_rules: self.language_rules,
            maps: self.maps,
            cascade: self.cascade,
        })
    }

    fn open(&mut self, e: &BytesStart, offset: usize) -> Result<()> {
        match e.local_name().as_ref() {
            b"header" => {
                self.cascade = self.attribute(e, b"cascade", offset)?.as_deref() == Some("yes")
            }
            b"languagerule" => {
                let name = self.required(e, b"languagerulename", offset)?;
                self.language_rules.push(LanguageRule {
                    name,
                    rules: Vec::new(),
                });
            }
            b"rule" => {
                if self.language_rules.is_empty() {
                    return Err(self.error_at(offset, "<rule> outside a <languagerule>"));
                }
                let is_break = self.attribute(e, b"break", offset)?.as_deref() != Some("no");
                self.rule = Some(PendingRule {
                    is_break,
                    before: String::new(),
                    after: String::new(),
                    offset,
                });
            }
            b"beforebreak" => self.field = Field::Before,
            b"afterbreak" => self.field = Field::After,
            b"languagemap" => {
                let pattern = self.required(e, b"languagepattern", offset)?;
                let rule_name = self.required(e, b"languagerulename", offset)?;
                let pattern = regex::RegexBuilder::new(&format!("^(?:{pattern})$"))
                    .case_insensitive(true)
                    .build()
                    .map_err(|err| {
                        self.error_at(offset, format!("bad languagepattern {pattern:?}: {err}"))
                    })?;
                self.maps.push(LanguageMap { pattern, rule_name });
            }
            _ => {}
        }
        Ok(())
    }

    fn push_text(&mut self, text: &str) {
        if let Some(rule) = &mut self.rule {
            match self.field {
                Field::Before => rule.before.push_str(text),
                Field::After => rule.after.push_str(text),
                Field::None => {}
            }
        }
    }

    fn close_rule(&mut self) -> Result<()> {
        let Some(pending) = self.rule.take() else {
            return Ok(());
        };
        let before = if pending.before.is_empty() {
            None
        } else {
            Some(BeforePattern::compile(&pending.before).map_err(|e| {
                self.error_at(
                    pending.offset,
                    format!(
                        "rule's beforebreak {:?} does not compile: {e}",
                        pending.before
                    ),
                )
            })?)
        };
        let after = if pending.after.is_empty() {
            None
        } else {
            Some(
                fancy_regex::Regex::new(&from_java(&pending.after)).map_err(|e| {
                    self.error_at(
                        pending.offset,
                        format!(
                            "rule's afterbreak {:?} does not compile: {e}",
                            pending.after
                        ),
                    )
                })?,
            )
        };
        let rule = Rule {
            is_break: pending.is_break,
            before,
            after,
        };
        self.language_rules
            .last_mut()
            .expect("checked when the rule opened")
            .rules
            .push(rule);
        Ok(())
    }

    fn attribute(&self, e: &BytesStart, name: &[u8], offset: usize) -> Result<Option<String>> {
        for attr in e.attributes() {
            let attr =
                attr.map_err(|err| self.error_at(offset, format!("bad attribute: {err}")))?;
            if attr.key.local_name().as_ref() == name {
                let value = attr
                    .unescape_value()
                    .map_err(|err| self.error_at(offset, format!("bad attribute: {err}")))?;
                return Ok(Some(value.into_owned()));
            }
        }
        Ok(None)
    }

    fn required(&self, e: &BytesStart, name: &[u8], offset: usize) -> Result<String> {
        self.attribute(e, name, offset)?.ok_or_else(|| {
            self.error_at(
                offset,
                format!(
                    "<{}> lacks the {} attribute",
                    String::from_utf8_lossy(e.local_name().as_ref()),
                    String::from_utf8_lossy(name)
                ),
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(body: &str, cascade: &str) -> SrxRules {
        let xml = format!(
            r#"<?xml version="1.0"?>
<srx xmlns="http://www.lisa.org/srx20" version="2.0">
  <header segmentsubflows="yes" cascade="{cascade}"/>
  <body>{body}</body>
</srx>"#
        );
        SrxRules::parse(Path::new("test.srx"), &xml).unwrap()
    }

    fn split<'a>(srx: &SrxRules, text: &'a str, lang: &str) -> Vec<&'a str> {
        srx.split(text, lang)
            .into_iter()
            .map(|(s, e)| text[s..e].trim())
            .collect()
    }

    const BASIC: &str = r#"
<languagerules>
  <languagerule languagerulename="English">
    <rule break="no"><beforebreak>\b(Mr|Dr|St)\.</beforebreak><afterbreak>\s</afterbreak></rule>
  </languagerule>
  <languagerule languagerulename="Default">
    <rule break="no"><beforebreak>(?&lt;=\b\p{Lu})\.</beforebreak><afterbreak>\s\p{Lu}</afterbreak></rule>
    <rule break="yes"><beforebreak>[.?!]+</beforebreak><afterbreak>\s+(?=\p{Lu})</afterbreak></rule>
  </languagerule>
</languagerules>
<maprules>
  <languagemap languagepattern="EN.*" languagerulename="English"/>
  <languagemap languagepattern=".*" languagerulename="Default"/>
</maprules>"#;

    #[test]
    fn rule_with_its_own_capture_group_prevents_the_break() {
        let srx = rules(BASIC, "yes");
        assert_eq!(
            split(&srx, "Mr. Smith arrived. He sat down.", "en"),
            ["Mr. Smith arrived.", "He sat down."]
        );
    }

    #[test]
    fn lookbehind_rules_keep_initials() {
        let srx = rules(BASIC, "yes");
        assert_eq!(
            split(&srx, "J. R. Tolkien wrote. Then he slept!", "fr"),
            ["J. R. Tolkien wrote.", "Then he slept!"]
        );
    }

    #[test]
    fn without_cascade_only_the_first_map_applies() {
        let srx = rules(BASIC, "no");
        assert_eq!(srx.rule_names_for("en-GB"), ["English"]);
        // The English rules alone have no break rule.
        assert_eq!(split(&srx, "One. Two.", "en"), ["One. Two."]);
        assert_eq!(split(&srx, "One. Two.", "fr"), ["One.", "Two."]);
    }

    #[test]
    fn language_without_map_gets_no_breaks() {
        let srx = rules(
            r#"<languagerules><languagerule languagerulename="F">
               <rule><beforebreak>\.</beforebreak><afterbreak>\s</afterbreak></rule>
               </languagerule></languagerules>
               <maprules><languagemap languagepattern="fr" languagerulename="F"/></maprules>"#,
            "no",
        );
        assert_eq!(split(&srx, "Un. Deux.", "fr"), ["Un.", "Deux."]);
        assert_eq!(split(&srx, "One. Two.", "en"), ["One. Two."]);
    }

    #[test]
    fn bad_regex_is_reported_with_its_line() {
        let xml = "<srx version=\"2.0\"><header cascade=\"no\"/><body><languagerules>\n\
                   <languagerule languagerulename=\"X\">\n\
                   <rule><beforebreak>([</beforebreak></rule>\n\
                   </languagerule></languagerules></body></srx>";
        let err = SrxRules::parse(Path::new("bad.srx"), xml)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("bad.srx:3:"), "{err}");
        assert!(err.contains("beforebreak"), "{err}");
    }

    #[test]
    fn java_syntax_is_translated() {
        assert_eq!(from_java(r"\Qp.\E\s"), r"p\.\s");
        assert_eq!(
            from_java(r"\p{javaLowerCase}\P{javaUpperCase}"),
            r"\p{Ll}\P{Lu}"
        );
        assert_eq!(from_java(r"\\Q\.x"), r"\\Q\.x");
        assert_eq!(from_java(r"\Qa.b"), r"a\.b");
        assert_eq!(from_java(r"(?U)\w+\."), r"\w+\.");
        assert_eq!(from_java(r"(?iU)mr\.(?U:x)"), r"(?i)mr\.(?:x)");
        let srx = rules(
            r#"<languagerules><languagerule languagerulename="D">
               <rule break="no"><beforebreak>\Qp.\E</beforebreak><afterbreak>\s*+\p{javaLowerCase}</afterbreak></rule>
               <rule><beforebreak>\.</beforebreak><afterbreak>\s</afterbreak></rule>
               </languagerule></languagerules>
               <maprules><languagemap languagepattern=".*" languagerulename="D"/></maprules>"#,
            "no",
        );
        assert_eq!(
            split(&srx, "Voir p. ex. ceci. Fin.", "fr"),
            ["Voir p. ex.", "ceci.", "Fin."]
        );
    }

    #[test]
    fn not_srx_and_dangling_maps_are_errors() {
        assert!(SrxRules::parse(Path::new("a.xml"), "<tmx/>").is_err());
        let xml = r#"<srx><body><maprules><languagemap languagepattern=".*" languagerulename="Nope"/></maprules></body></srx>"#;
        let err = SrxRules::parse(Path::new("a.srx"), xml)
            .unwrap_err()
            .to_string();
        assert!(err.contains("Nope"), "{err}");
    }
}
