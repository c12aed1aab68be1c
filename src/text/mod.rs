//! Reading text: decoding, NFC normalisation with a map back to the original bytes,
//! tokenisation, accent folding, sentence segmentation and language detection.

pub mod decode;
pub mod lang;
pub mod normalize;
pub mod segment;
pub mod token;

pub use decode::{read_document, Document, Encoding};
pub use segment::{segment_document, Segment, SegmentOptions};
