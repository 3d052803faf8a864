//! The binary records a build keeps for the next one (cached claims):
//! an eight-byte magic, little-endian fields, and a checksum of everything before it.
//!
//! A record is a hint, never trusted blindly: [`Reader::open`] refuses bytes whose magic or
//! checksum is wrong, every read is checked against what is left, and a count can never ask for
//! more items than the bytes left could hold.

/// Builds a record.
pub(crate) struct Writer {
    out: Vec<u8>,
}

impl Writer {
    /// A record starting with `magic`.
    pub(crate) fn new(magic: &[u8; 8]) -> Self {
        Writer {
            out: magic.to_vec(),
        }
    }

    pub(crate) fn u8(&mut self, v: u8) {
        self.out.push(v);
    }

    pub(crate) fn u64(&mut self, v: u64) {
        self.out.extend_from_slice(&v.to_le_bytes());
    }

    pub(crate) fn usize(&mut self, v: usize) {
        self.u64(v as u64);
    }

    /// A float by its bits: read back exactly.
    pub(crate) fn f64(&mut self, v: f64) {
        self.u64(v.to_bits());
    }

    pub(crate) fn bool(&mut self, v: bool) {
        self.u8(u8::from(v));
    }

    /// Length, then the bytes.
    pub(crate) fn str(&mut self, s: &str) {
        self.usize(s.len());
        self.out.extend_from_slice(s.as_bytes());
    }

    pub(crate) fn opt_str(&mut self, s: Option<&str>) {
        self.bool(s.is_some());
        if let Some(s) = s {
            self.str(s);
        }
    }

    pub(crate) fn opt_usize(&mut self, v: Option<usize>) {
        self.bool(v.is_some());
        if let Some(v) = v {
            self.usize(v);
        }
    }

    /// Raw bytes, for tests that write records this layout would never hold.
    #[cfg(test)]
    pub(crate) fn out_bytes(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }

    /// The record, with its checksum.
    pub(crate) fn finish(mut self) -> Vec<u8> {
        let sum = checksum(&self.out);
        self.u64(sum);
        self.out
    }
}

/// Reads a record's fields in the order they were written.
pub(crate) struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    /// The fields of `bytes`, when it is a whole record starting with `magic`.
    pub(crate) fn open(bytes: &'a [u8], magic: &[u8; 8]) -> Option<Self> {
        let (body, sum) = bytes.split_at_checked(bytes.len().checked_sub(8)?)?;
        if checksum(body) != u64::from_le_bytes(sum.try_into().ok()?) {
            return None;
        }
        Some(Reader {
            rest: body.strip_prefix(magic.as_slice())?,
        })
    }

    /// Whether every field has been read.
    pub(crate) fn is_done(&self) -> bool {
        self.rest.is_empty()
    }

    pub(crate) fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, tail) = self.rest.split_at_checked(n)?;
        self.rest = tail;
        Some(head)
    }

    pub(crate) fn u8(&mut self) -> Option<u8> {
        Some(self.bytes(1)?[0])
    }

    pub(crate) fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.bytes(8)?.try_into().ok()?))
    }

    pub(crate) fn usize(&mut self) -> Option<usize> {
        usize::try_from(self.u64()?).ok()
    }

    pub(crate) fn f64(&mut self) -> Option<f64> {
        Some(f64::from_bits(self.u64()?))
    }

    pub(crate) fn bool(&mut self) -> Option<bool> {
        match self.u8()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }

    pub(crate) fn str(&mut self) -> Option<&'a str> {
        let n = self.usize()?;
        std::str::from_utf8(self.bytes(n)?).ok()
    }

    pub(crate) fn string(&mut self) -> Option<String> {
        self.str().map(str::to_string)
    }

    pub(crate) fn opt_string(&mut self) -> Option<Option<String>> {
        Some(if self.bool()? {
            Some(self.string()?)
        } else {
            None
        })
    }

    pub(crate) fn text(&mut self) -> Option<crate::extract::Text> {
        self.str().map(Into::into)
    }

    pub(crate) fn opt_text(&mut self) -> Option<Option<crate::extract::Text>> {
        Some(if self.bool()? {
            Some(self.text()?)
        } else {
            None
        })
    }

    pub(crate) fn opt_usize(&mut self) -> Option<Option<usize>> {
        Some(if self.bool()? {
            Some(self.usize()?)
        } else {
            None
        })
    }

    /// A count of items of at least `min_size` bytes each: refused when the bytes left could
    /// not hold that many, so that a damaged count never reserves more than the record's size.
    pub(crate) fn count(&mut self, min_size: usize) -> Option<usize> {
        let n = self.usize()?;
        (n <= self.rest.len() / min_size.max(1)).then_some(n)
    }
}

/// FNV-1a over `bytes`, eight at a time: enough to tell a damaged record from a whole one.
fn checksum(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut chunks = bytes.chunks_exact(8);
    for c in chunks.by_ref() {
        h ^= u64::from_le_bytes(c.try_into().expect("eight bytes"));
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    for &b in chunks.remainder() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAGIC: &[u8; 8] = b"testrec1";

    fn sample() -> Vec<u8> {
        let mut w = Writer::new(MAGIC);
        w.u8(7);
        w.u64(u64::MAX);
        w.f64(4_099_999.999_999_999_5);
        w.bool(true);
        w.str("é “q”");
        w.opt_str(None);
        w.opt_str(Some(""));
        w.opt_usize(Some(3));
        w.usize(2);
        w.finish()
    }

    #[test]
    fn fields_read_back_as_written() {
        let bytes = sample();
        let mut r = Reader::open(&bytes, MAGIC).unwrap();
        assert_eq!(r.u8(), Some(7));
        assert_eq!(r.u64(), Some(u64::MAX));
        assert_eq!(
            r.f64().map(f64::to_bits),
            Some(4_099_999.999_999_999_5_f64.to_bits())
        );
        assert_eq!(r.bool(), Some(true));
        assert_eq!(r.str(), Some("é “q”"));
        assert_eq!(r.opt_string(), Some(None));
        assert_eq!(r.opt_string(), Some(Some(String::new())));
        assert_eq!(r.opt_usize(), Some(Some(3)));
        assert!(!r.is_done());
        // Two items of at least 8 bytes cannot fit in what is left (nothing).
        assert_eq!(r.count(8), None);
        assert!(r.is_done());
        assert_eq!(r.u8(), None, "nothing is read past the end");
    }

    #[test]
    fn damaged_or_foreign_records_are_refused() {
        let bytes = sample();
        assert!(Reader::open(&bytes, b"otherrec").is_none());
        for cut in 0..bytes.len() {
            assert!(Reader::open(&bytes[..cut], MAGIC).is_none(), "cut at {cut}");
        }
        for i in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[i] ^= 0x10;
            assert!(Reader::open(&damaged, MAGIC).is_none(), "byte {i}");
        }
    }
}
