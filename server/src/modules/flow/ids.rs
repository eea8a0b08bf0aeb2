//! Maps keyed by node ids with a cheap hash: an id is a pointer into the tree, never
//! chosen by the file's author, so SipHash's protection buys nothing and costs a lot
//! on lookups made for every climb.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default)]
pub struct IdHasher(u64);

impl Hasher for IdHasher {
    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.write_u64(u64::from(*byte));
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 = (self.0.rotate_left(5) ^ value).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn write_usize(&mut self, value: usize) {
        self.write_u64(value as u64);
    }

    fn finish(&self) -> u64 {
        // Pointers are aligned: fold the high bits, which the multiply filled, down.
        self.0 ^ (self.0 >> 29)
    }
}

pub type IdMap<V> = HashMap<usize, V, BuildHasherDefault<IdHasher>>;
pub type IdSet = HashSet<usize, BuildHasherDefault<IdHasher>>;
