//! TMX 1.4 reading (streaming, UTF-8/UTF-16) and writing.
