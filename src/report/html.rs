//! Self-contained HTML review page: the French and English side by side, one row per
//! alignment link, the spans of each finding highlighted and explained under the row.
//! No scripts, fonts or images from elsewhere, so the page opens offline and can be mailed.

use super::{CheckReport, Side};
use crate::check::{Finding, Severity, Span};
use crate::xml::escape;
use std::fmt::Write;

const STYLE: &str = r#"
:root { --error: #c62828; --warning: #b26a00; --info: #1565c0; --line: #ddd; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #222; background: #fafafa; }
header { padding: 16px 24px; background: #263238; color: #fff; }
header h1 { margin: 0 0 4px; font-size: 20px; }
header p { margin: 0; opacity: .85; }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600; color: #fff; }
.badge.error { background: var(--error); } .badge.warning { background: var(--warning); } .badge.info { background: var(--info); }
table { width: 100%; border-collapse: collapse; table-layout: fixed; background: #fff; }
th { position: sticky; top: 0; background: #eceff1; text-align: left; padding: 8px 12px; border-bottom: 1px solid var(--line); }
td { vertical-align: top; padding: 8px 12px; border-bottom: 1px solid var(--line); }
td.n { width: 56px; color: #888; font-size: 12px; }
tr.flagged td { background: #fffdf5; }
mark { border-radius: 3px; padding: 0 1px; }
mark.error { background: #ffcdd2; border-bottom: 2px solid var(--error); }
mark.warning { background: #ffe0b2; border-bottom: 2px solid var(--warning); }
mark.info { background: #bbdefb; border-bottom: 2px solid var(--info); }
.empty { color: #999; font-style: italic; }
td.findings { padding: 0 12px 12px 68px; border-bottom: 2px solid #cfd8dc; background: #fffdf5; }
.finding { margin: 6px 0 0; }
.finding code { font-size: 12px; color: #555; }
.finding .fix { color: #2e7d32; }
"#;

fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

/// Where `span` sits in the segment's text: the occurrence of its text closest to the
/// offset it claims (offsets are into the original file, the text is normalised).
fn locate(segment_text: &str, segment_start: usize, span: &Span) -> Option<(usize, usize)> {
    if span.text.is_empty() {
        return None;
    }
    let expected = span.start.saturating_sub(segment_start);
    segment_text
        .match_indices(span.text.as_str())
        .map(|(i, m)| (i, i + m.len()))
        .min_by_key(|(i, _)| i.abs_diff(expected))
}

/// The segments of one side of a link, with the findings' spans highlighted.
fn render_side(side: &Side, indices: &[usize], spans: &[(&Span, Severity)]) -> String {
    if indices.is_empty() {
        return "<span class=\"empty\">(nothing)</span>".to_string();
    }
    let mut out = String::new();
    for &i in indices {
        let Some(segment) = side.segments.get(i) else {
            continue;
        };
        let mut marks: Vec<(usize, usize, Severity)> = spans
            .iter()
            .filter(|(s, _)| s.segment == i)
            .filter_map(|(s, sev)| {
                locate(&segment.text, segment.start, s).map(|(a, b)| (a, b, *sev))
            })
            .collect();
        // Whole-segment findings are shown by the row colour, not by painting everything.
        marks.retain(|(a, b, _)| {
            !(*a == 0 && *b == segment.text.len() && indices.len() == 1 && segment.text.len() > 40)
        });
        marks.sort_by_key(|(a, b, sev)| (*a, std::cmp::Reverse(*b), std::cmp::Reverse(*sev)));
        let mut cursor = 0;
        for (a, b, sev) in marks {
            if a < cursor {
                continue;
            }
            out.push_str(&escape(&segment.text[cursor..a]));
            let _ = write!(
                out,
                "<mark class=\"{}\">{}</mark>",
                severity_class(sev),
                escape(&segment.text[a..b])
            );
            cursor = b;
        }
        out.push_str(&escape(&segment.text[cursor..]));
        out.push(' ');
    }
    out
}

fn render_finding(out: &mut String, finding: &Finding) {
    let _ = write!(
        out,
        "<p class=\"finding\"><span class=\"badge {cls}\">{cls}</span> <code>{rule}</code> {message}",
        cls = severity_class(finding.severity),
        rule = escape(&finding.rule),
        message = escape(&finding.message),
    );
    if let Some(s) = &finding.source {
        let _ = write!(out, " — French: « {} »", escape(&s.text));
    }
    if let Some(t) = &finding.target {
        let _ = write!(out, " — English: « {} »", escape(&t.text));
    }
    if let Some(fix) = &finding.suggestion {
        let _ = write!(out, " <span class=\"fix\">→ {}</span>", escape(fix));
    }
    out.push_str("</p>");
}

/// Renders the review page.
pub fn render(report: &CheckReport) -> String {
    let count = |s| report.findings.iter().filter(|f| f.severity == s).count();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>wirealign check — {src}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header><h1>wirealign check</h1><p>{src} ({sl}, {sn} segments) ↔ {tgt} ({tl}, {tn} segments) · \
         <span class=\"badge error\">{e} errors</span> <span class=\"badge warning\">{w} warnings</span> \
         <span class=\"badge info\">{i} info</span></p></header>\n",
        src = escape(&report.source.doc.path.display().to_string()),
        tgt = escape(&report.target.doc.path.display().to_string()),
        sl = escape(report.source.lang),
        tl = escape(report.target.lang),
        sn = report.source.segments.len(),
        tn = report.target.segments.len(),
        e = count(Severity::Error),
        w = count(Severity::Warning),
        i = count(Severity::Info),
    );
    out.push_str("<table>\n<thead><tr><th style=\"width:56px\">#</th><th>French</th><th>English</th></tr></thead>\n<tbody>\n");
    let groups = report.by_link();
    for (index, link) in report.alignment.links.iter().enumerate() {
        let findings: Vec<&Finding> = groups
            .iter()
            .find(|(l, _)| *l == Some(index))
            .map(|(_, f)| f.clone())
            .unwrap_or_default();
        let source_spans: Vec<(&Span, Severity)> = findings
            .iter()
            .filter_map(|f| f.source.as_ref().map(|s| (s, f.severity)))
            .collect();
        let target_spans: Vec<(&Span, Severity)> = findings
            .iter()
            .filter_map(|f| f.target.as_ref().map(|s| (s, f.severity)))
            .collect();
        let _ = writeln!(
            out,
            "<tr id=\"pair-{n}\"{cls}><td class=\"n\">{n}</td><td lang=\"{sl}\">{fr}</td><td lang=\"{tl}\">{en}</td></tr>",
            n = index + 1,
            cls = if findings.is_empty() { "" } else { " class=\"flagged\"" },
            sl = escape(report.source.lang),
            tl = escape(report.target.lang),
            fr = render_side(&report.source, &link.source, &source_spans),
            en = render_side(&report.target, &link.target, &target_spans),
        );
        if !findings.is_empty() {
            out.push_str("<tr><td class=\"findings\" colspan=\"3\">");
            for finding in findings {
                render_finding(&mut out, finding);
            }
            out.push_str("</td></tr>\n");
        }
    }
    out.push_str("</tbody>\n</table>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locates_the_nearest_occurrence() {
        let span = Span {
            segment: 0,
            start: 112,
            end: 114,
            text: "37".to_string(),
        };
        assert_eq!(locate("37 ans, puis 37 jours", 100, &span), Some((13, 15)));
    }
}
