//! Plain-text report for the terminal: findings grouped by segment pair, each with the
//! French evidence, the English span, why it is wrong and a suggestion.

use super::CheckReport;
use crate::check::{Finding, Severity};
use std::fmt::Write;

/// ANSI styles, or nothing when colour is off.
struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    fn severity(&self, severity: Severity) -> String {
        let (code, label) = match severity {
            Severity::Error => ("1;31", "error"),
            Severity::Warning => ("1;33", "warning"),
            Severity::Info => ("36", "info"),
        };
        self.paint(code, &format!("{label:<7}"))
    }
}

/// Renders the report; `colour` adds ANSI colours (decide with `use_colour`).
pub fn render(report: &CheckReport, colour: bool) -> String {
    let style = Style { on: colour };
    let mut out = String::new();
    for (link, findings) in report.by_link() {
        let (fr, en, label) = match link.map(|i| (i, &report.alignment.links[i])) {
            Some((i, l)) => (
                CheckReport::segments_text(&report.source, &l.source),
                CheckReport::segments_text(&report.target, &l.target),
                format!("pair {} · fr {:?} ↔ en {:?}", i + 1, l.source, l.target),
            ),
            None => (
                String::new(),
                String::new(),
                "outside the alignment".to_string(),
            ),
        };
        let _ = writeln!(out, "{}", style.paint("1", &format!("── {label}")));
        if !fr.is_empty() {
            let _ = writeln!(out, "  fr │ {fr}");
        }
        if !en.is_empty() {
            let _ = writeln!(out, "  en │ {en}");
        }
        for finding in findings {
            write_finding(&mut out, &style, finding);
        }
        out.push('\n');
    }
    let _ = writeln!(out, "{}", summary(report.findings));
    out
}

fn write_finding(out: &mut String, style: &Style, finding: &Finding) {
    let _ = writeln!(
        out,
        "  {} {}  {}",
        style.severity(finding.severity),
        style.paint("2", &finding.rule),
        finding.message
    );
    if let Some(source) = &finding.source {
        let _ = writeln!(out, "          French: « {} »", source.text);
    }
    if let Some(target) = &finding.target {
        let _ = writeln!(
            out,
            "          English: {}",
            style.paint("4", &format!("« {} »", target.text))
        );
    }
    if let Some(suggestion) = &finding.suggestion {
        let _ = writeln!(
            out,
            "          suggestion: {}",
            style.paint("32", suggestion)
        );
    }
}

/// "3 errors, 1 warning, 0 info".
pub fn summary(findings: &[Finding]) -> String {
    let count = |s| findings.iter().filter(|f| f.severity == s).count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    format!(
        "{}, {}, {} info",
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        count(Severity::Info)
    )
}

/// Colour only on a terminal and never when NO_COLOR is set (to anything non-empty).
pub fn use_colour(is_terminal: bool) -> bool {
    is_terminal && std::env::var_os("NO_COLOR").map_or(true, |v| v.is_empty())
}
