//! A fast hasher for the short strings and integer ids that interning and indexing hash
//! millions of times.

use std::collections::{HashMap, HashSet};

/// The multiply-rotate hash of rustc (FxHash): much faster than SipHash on the short
/// strings and integer keys the aligner and the TM index hash. It is not DoS-resistant:
/// a file crafted to collide could slow a run down, which a local tool can live with.
#[derive(Debug, Default, Clone, Copy)]
pub struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    fn write_u32(&mut self, value: u32) {
        self.write_u64(value as u64);
    }

    fn write_u8(&mut self, value: u8) {
        self.write_u64(value as u64);
    }

    fn write_usize(&mut self, value: usize) {
        self.write_u64(value as u64);
    }
}

pub type FastMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;
pub type FastSet<K> = HashSet<K, std::hash::BuildHasherDefault<FastHasher>>;
