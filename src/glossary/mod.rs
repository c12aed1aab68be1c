//! The Sahel security glossary: concept model, built-in data, lookup, TBX/CSV/TSV I/O.
