//! Reading text: decoding, NFC normalisation with a map back to the original bytes,
//! tokenisation, accent folding, sentence segmentation and language detection.

pub mod decode;
pub mod hash;
pub mod lang;
pub mod normalize;
pub mod rules;
pub mod segment;
pub mod srx;
pub mod token;

pub use decode::{decode_bytes, read_document, Document, Encoding};
pub use segment::{segment_document, split_sentences, Segment, SegmentOptions};
pub use srx::SrxRules;
