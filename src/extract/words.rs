//! Word lists that extraction looks words up in, once or more for every token: a hash set made
//! on first use, instead of a comparison with each word of the list.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A fixed list of words (lowercase), looked up by hashing.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<HashSet<&'static str, BuildHasherDefault<Fnv>>>,
}

impl WordSet {
    /// The set of `words`; it is built at the first lookup. Keep it in a `static` (a `const`
    /// would be built again at every use).
    pub(crate) const fn new(words: &'static [&'static str]) -> Self {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }

    /// Whether `word` is one of the words, exactly (case and all).
    pub(crate) fn contains<S: AsRef<str> + ?Sized>(&self, word: &S) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word.as_ref())
    }

    /// Whether `word` lowercased is one of the words, without allocating (for text that is not
    /// a token; a token asks [`super::tokens::Token::lower_in`]).
    pub(crate) fn contains_lower(&self, word: &str) -> bool {
        let mut buf = [0u8; MAX_LISTED_WORD];
        ascii_lower(word, &mut buf).is_some_and(|w| self.contains(w))
    }
}

/// The longest word a lookup of a lowercased word reads: a word longer than this, or not ASCII,
/// is in no list ([`ascii_lower`], [`super::tokens::Token::lower_in`]).
pub(crate) const MAX_LISTED_WORD: usize = 24;

/// The hasher of [`WordSet`], for other maps keyed by short text of our own making.
pub(crate) type FnvBuildHasher = BuildHasherDefault<Fnv>;

/// Lowercases an ASCII word of up to 24 bytes into `buf` without allocating; `None` for a longer
/// or non-ASCII word (which no short word list holds).
pub(crate) fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; MAX_LISTED_WORD]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buf.len() || !word.is_ascii() {
        return None;
    }
    for (b, w) in buf.iter_mut().zip(bytes) {
        *b = w.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).ok()
}

/// FNV-1a: words are short, and the sets are fixed lists of our own, so a fast hash without
/// protection against chosen collisions is enough.
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_holds_exactly_its_words() {
        static SET: WordSet = WordSet::new(&["said", "told", "the", "a", "", "über"]);
        for w in ["said", "told", "the", "a", "", "über"] {
            assert!(SET.contains(w), "{w:?}");
            assert!(SET.contains(&w.to_string()), "{w:?}");
        }
        for w in ["Said", "sai", "saidx", "told ", "THE", "b", "uber", "Über"] {
            assert!(!SET.contains(w), "{w:?}");
        }
        let word: &str = "told";
        assert!(SET.contains(&word));
    }
}
