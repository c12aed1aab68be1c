//! Findings JSON, version 1 (DESIGN.md): the documents, the alignment and the findings,
//! with byte offsets into the files as given.

use super::{CheckReport, Side};
use crate::check::Finding;
use serde::Serialize;

#[derive(Serialize)]
struct Document<'a> {
    path: String,
    lang: &'a str,
    segments: usize,
}

#[derive(Serialize)]
struct Link<'a> {
    source: &'a [usize],
    target: &'a [usize],
    score: f64,
}

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    source: Document<'a>,
    target: Document<'a>,
    alignment: Vec<Link<'a>>,
    findings: &'a [Finding],
}

fn document<'a>(side: &Side<'a>) -> Document<'a> {
    Document {
        path: side.doc.path.display().to_string(),
        lang: side.lang,
        segments: side.segments.len(),
    }
}

/// The report as pretty-printed JSON, ending with a newline.
pub fn render(report: &CheckReport) -> String {
    let value = Report {
        version: 1,
        source: document(&report.source),
        target: document(&report.target),
        alignment: report
            .alignment
            .links
            .iter()
            .map(|l| Link {
                source: &l.source,
                target: &l.target,
                score: (l.score * 1000.0).round() / 1000.0,
            })
            .collect(),
        findings: report.findings,
    };
    let mut out = serde_json::to_string_pretty(&value).expect("findings serialise to JSON");
    out.push('\n');
    out
}
