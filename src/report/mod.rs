//! Text, JSON and HTML renderers of alignments and findings.

pub mod html;
pub mod json;
pub mod text;

use crate::align::Alignment;
use crate::check::Finding;
use crate::text::{Document, Segment};

/// One checked document pair with everything a renderer needs.
#[derive(Debug, Clone, Copy)]
pub struct CheckReport<'a> {
    pub source: Side<'a>,
    pub target: Side<'a>,
    pub alignment: &'a Alignment,
    pub findings: &'a [Finding],
}

/// One document of the pair.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    pub doc: &'a Document,
    pub segments: &'a [Segment],
    pub lang: &'a str,
}

impl CheckReport<'_> {
    /// Index of the alignment link each finding belongs to (by its source segment, else its
    /// target segment); `None` when the finding's segments are in no link.
    pub fn link_of(&self, finding: &Finding) -> Option<usize> {
        let by_source = finding.source.as_ref().and_then(|s| {
            self.alignment
                .links
                .iter()
                .position(|l| l.source.contains(&s.segment))
        });
        by_source.or_else(|| {
            finding.target.as_ref().and_then(|t| {
                self.alignment
                    .links
                    .iter()
                    .position(|l| l.target.contains(&t.segment))
            })
        })
    }

    /// Findings grouped by link, in link order.
    pub fn by_link(&self) -> Vec<(Option<usize>, Vec<&Finding>)> {
        let mut groups: Vec<(Option<usize>, Vec<&Finding>)> = Vec::new();
        for finding in self.findings {
            let link = self.link_of(finding);
            match groups.iter_mut().find(|(l, _)| *l == link) {
                Some((_, list)) => list.push(finding),
                None => groups.push((link, vec![finding])),
            }
        }
        groups.sort_by_key(|(l, _)| l.unwrap_or(usize::MAX));
        groups
    }

    /// Text of the segments with the given indices, joined by spaces.
    pub fn segments_text(side: &Side, indices: &[usize]) -> String {
        indices
            .iter()
            .filter_map(|&i| side.segments.get(i))
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    }
}
