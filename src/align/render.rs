//! Alignment outputs: side by side for people, TSV, JSON with byte offsets, and ladder.

use crate::align::input::Side;
use crate::align::{ladder, Alignment};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Tsv,
    Json,
    Ladder,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Tsv => "tsv",
            Format::Json => "json",
            Format::Ladder => "ladder",
        }
    }
}

pub fn render(alignment: &Alignment, source: &Side, target: &Side, format: Format) -> String {
    match format {
        Format::Ladder => ladder::format_ladder(alignment, true),
        Format::Tsv => tsv(alignment, source, target),
        Format::Text => text(alignment, source, target),
        Format::Json => json(alignment, source, target),
    }
}

fn joined(side: &Side, indices: &[usize]) -> String {
    indices
        .iter()
        .map(|&i| side.segments[i].text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn tsv_field(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

fn tsv(alignment: &Alignment, source: &Side, target: &Side) -> String {
    alignment
        .links
        .iter()
        .map(|l| {
            format!(
                "{}\t{}\t{:.4}\n",
                tsv_field(&joined(source, &l.source)),
                tsv_field(&joined(target, &l.target)),
                l.score
            )
        })
        .collect()
}

fn indices(list: &[usize]) -> String {
    let items: Vec<String> = list.iter().map(usize::to_string).collect();
    items.join(",")
}

fn text(alignment: &Alignment, source: &Side, target: &Side) -> String {
    let mut out = String::new();
    for l in &alignment.links {
        out.push_str(&format!(
            "[{}] ↔ [{}]  score {:.2}\n",
            indices(&l.source),
            indices(&l.target),
            l.score
        ));
        out.push_str(&format!(
            "  {}: {}\n",
            source.lang,
            joined(source, &l.source)
        ));
        out.push_str(&format!(
            "  {}: {}\n\n",
            target.lang,
            joined(target, &l.target)
        ));
    }
    out
}

fn json(alignment: &Alignment, source: &Side, target: &Side) -> String {
    let side = |s: &Side| {
        serde_json::json!({
            "path": s.path.display().to_string(),
            "lang": s.lang,
            "segments": s.segments.iter().map(|g| serde_json::json!({
                "index": g.index,
                "text": g.text,
                "start": g.start,
                "end": g.end,
                "paragraph": g.paragraph,
            })).collect::<Vec<_>>(),
        })
    };
    let value = serde_json::json!({
        "version": 1,
        "source": side(source),
        "target": side(target),
        "links": alignment.links,
    });
    serde_json::to_string_pretty(&value).expect("alignment serialises") + "\n"
}
