//! One copy of each sentence an article's claims quote ([`Quotes`]), shared by them.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

/// One copy of each sentence an article's claims quote, shared by them.
#[derive(Default)]
pub(crate) struct Quotes(HashSet<Arc<str>, BuildHasherDefault<EndsHasher>>);

impl Quotes {
    /// The one copy of `quote`.
    pub(crate) fn get(&mut self, quote: impl AsRef<str> + Into<Arc<str>>) -> Arc<str> {
        if let Some(q) = self.0.get(quote.as_ref()) {
            return q.clone();
        }
        let q: Arc<str> = quote.into();
        self.0.insert(q.clone());
        q
    }
}

/// A hash of a sentence from its length and its first and last 8 bytes, which tell apart the
/// sentences of one article but for the rare pair that shares them (which equality then tells
/// apart): each lookup of a sentence costs the same, however long it is.
#[derive(Default)]
pub(crate) struct EndsHasher(u64);

impl Hasher for EndsHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let word = |b: &[u8]| {
            let mut w = [0u8; 8];
            w[..b.len()].copy_from_slice(b);
            u64::from_le_bytes(w)
        };
        let n = bytes.len();
        let head = word(&bytes[..n.min(8)]);
        let tail = word(&bytes[n.saturating_sub(8)..]);
        for part in [n as u64, head, tail] {
            self.0 = (self.0.rotate_left(5) ^ part).wrapping_mul(0x517c_c1b7_2722_0a95);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_copy_of_each_sentence() {
        let mut quotes = Quotes::default();
        let a = quotes.get("Prices rose 5% in May.");
        let b = quotes.get(String::from("Prices rose 5% in May."));
        // Same length, first and last bytes: told apart by equality.
        let c = quotes.get("Prices fell 5% in May.");
        assert!(Arc::ptr_eq(&a, &b));
        assert!(!Arc::ptr_eq(&a, &c));
        assert_eq!(&*c, "Prices fell 5% in May.");
        assert_eq!(quotes.0.len(), 2);
    }
}
