//! Word lists that extraction looks words up in, once or more for every token: the words put in
//! buckets by their length, first and last byte on first use, so that a lookup compares a word
//! only with the listed words of its bucket (most words of prose meet none), instead of with each
//! word of the list.

use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A fixed list of words (lowercase), looked up by length, first and last byte.
pub(crate) struct WordSet {
    words: &'static [&'static str],
    buckets: OnceLock<Buckets>,
}

impl WordSet {
    /// The set of `words`; its buckets are made at the first lookup. Keep it in a `static` (a
    /// `const` would make them again at every use).
    pub(crate) const fn new(words: &'static [&'static str]) -> Self {
        WordSet {
            words,
            buckets: OnceLock::new(),
        }
    }

    /// Whether `word` is one of the words, exactly (case and all).
    pub(crate) fn contains<S: AsRef<str> + ?Sized>(&self, word: &S) -> bool {
        let word = word.as_ref();
        self.buckets
            .get_or_init(|| Buckets::new(self.words))
            .of(word)
            .contains(&word)
    }

    /// Whether `word` lowercased is one of the words, without allocating (for text that is not
    /// a token; a token asks [`super::tokens::Token::lower_in`]).
    pub(crate) fn contains_lower(&self, word: &str) -> bool {
        let mut buf = [0u8; MAX_LISTED_WORD];
        ascii_lower(word, &mut buf).is_some_and(|w| self.contains(w))
    }
}

/// The words of a [`WordSet`] sorted by bucket: `words[starts[b]..starts[b + 1]]` are the words
/// of bucket `b`. There are at least twice as many buckets as words, so most buckets are empty.
struct Buckets {
    words: Vec<&'static str>,
    starts: Vec<usize>,
    /// log2 of the number of buckets.
    bits: u32,
}

impl Buckets {
    fn new(list: &[&'static str]) -> Self {
        let bits = (2 * list.len()).next_power_of_two().trailing_zeros();
        let mut words = list.to_vec();
        words.sort_by_key(|w| bucket(w, bits));
        let mut starts = vec![0; (1 << bits) + 1];
        for w in &words {
            starts[bucket(w, bits) + 1] += 1;
        }
        for b in 1..starts.len() {
            starts[b] += starts[b - 1];
        }
        Buckets {
            words,
            starts,
            bits,
        }
    }

    /// The listed words in `word`'s bucket.
    fn of(&self, word: &str) -> &[&'static str] {
        let b = bucket(word, self.bits);
        &self.words[self.starts[b]..self.starts[b + 1]]
    }
}

/// The bucket, of `1 << bits`, of a word: its length, first and last byte, mixed by a
/// multiplication (Fibonacci hashing) whose top `bits` bits are the bucket. "days" and "does"
/// share one; "" has one too.
fn bucket(word: &str, bits: u32) -> usize {
    let bytes = word.as_bytes();
    let first = u32::from(bytes.first().copied().unwrap_or(0));
    let last = u32::from(bytes.last().copied().unwrap_or(0));
    // Lengths past 255 wrap; they only share buckets with other words.
    let key = (bytes.len() as u32 & 0xff) << 16 | first << 8 | last;
    if bits == 0 {
        return 0;
    }
    (key.wrapping_mul(0x9e37_79b9) >> (32 - bits)) as usize
}

/// The longest word a lookup of a lowercased word reads: a word longer than this, or not ASCII,
/// is in no list ([`ascii_lower`], [`super::tokens::Token::lower_in`]).
pub(crate) const MAX_LISTED_WORD: usize = 24;

/// A hasher for maps keyed by short text of our own making.
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

/// FNV-1a: keys are short and of our own making, so a fast hash without protection against
/// chosen collisions is enough.
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
        // Words of one length and first letter ("said", "sail"), of one length, first and last
        // letter ("days", "does"), and not ASCII, empty or long.
        const WORDS: &[&str] = &[
            "said",
            "told",
            "the",
            "a",
            "",
            "über",
            "sail",
            "days",
            "does",
            "3-d",
            "a listed phrase longer than a word",
            "another listed phrase longer than that",
        ];
        static SET: WordSet = WordSet::new(WORDS);
        for w in WORDS {
            assert!(SET.contains(w), "{w:?}");
            assert!(SET.contains(&w.to_string()), "{w:?}");
        }
        for w in [
            "Said",
            "sai",
            "saidx",
            "sale",
            "dyes",
            "told ",
            "THE",
            "b",
            "uber",
            "Über",
            "3-e",
            " ",
            "a listed phrase longer than a worm",
        ] {
            assert!(!SET.contains(w), "{w:?}");
        }
        let word: &str = "told";
        assert!(SET.contains(&word));
    }
}
