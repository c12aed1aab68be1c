//! Text, JSON and HTML renderers of alignments and findings.
