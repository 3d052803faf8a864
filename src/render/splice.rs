//! Exports written again after an edit: the bytes of every item (an article's record, a dated
//! event) whose inputs hash as in the previous build are copied from the previous build's file,
//! and only the other items are written anew.
//!
//! Each export records, for every item, a key (the hash of everything the item's bytes depend
//! on) and where its bytes lie in the file. The next build looks each item's key up in that
//! record: a hit is a range of the published file, and neighbouring hits are copied as one. The
//! record is a hint only: it is used when the published file still has the length and the
//! modification time recorded after it was written, and a record that cannot be read or does
//! not check out means every item is written.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{self, Write};
use std::path::Path;
use std::time::UNIX_EPOCH;

use crate::binary::{Reader, Writer};

/// Where the items of one export lie in its file, and what the file was when written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportRecord {
    /// Length of the file.
    pub len: u64,
    /// Modification time of the file, in nanoseconds since the Unix epoch.
    pub modified: u128,
    /// For each item: key, offset and length of its bytes.
    pub items: Items,
}

/// The length and modification time of the file at `path`, as [`ExportRecord`] keeps them.
pub fn file_stamp(path: &Path) -> Option<(u64, u128)> {
    let meta = std::fs::metadata(path).ok()?;
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some((meta.len(), modified.as_nanos()))
}

/// Where an export's items lie: key, offset and length of each, in file order.
pub type Items = Vec<(u64, u64, u64)>;

/// The previous build's file of an export and where its items lie.
pub struct Previous {
    file: File,
    items: HashMap<u64, (u64, u64)>,
    /// The last block read from the file, and where it starts: items are mostly copied in file
    /// order, so that one read serves the many small items of a block.
    window: Vec<u8>,
    window_start: u64,
    /// How much one read fetches: [`WINDOW`], smaller in tests.
    block: usize,
}

/// How much of the previous file one read fetches.
const WINDOW: usize = 1 << 20;

impl Previous {
    /// Writes the bytes `from..end` of the previous file to `out`, through the window.
    fn copy(&mut self, mut from: u64, end: u64, out: &mut dyn Write) -> io::Result<()> {
        while from < end {
            let in_window = from
                .checked_sub(self.window_start)
                .filter(|&skip| skip < self.window.len() as u64);
            let Some(skip) = in_window else {
                self.window.resize(self.block, 0);
                let n = read_at_most(&self.file, &mut self.window, from)?;
                if n == 0 {
                    return Err(io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        "the previous file is shorter than its record",
                    ));
                }
                self.window.truncate(n);
                self.window_start = from;
                continue;
            };
            let skip = skip as usize;
            let n = (end - from).min((self.window.len() - skip) as u64) as usize;
            out.write_all(&self.window[skip..skip + n])?;
            from += n as u64;
        }
        Ok(())
    }
}

impl Previous {
    /// The previous file and its record, when the file is the one the record describes (same
    /// length and modification time) and every item lies inside it.
    pub fn check(file: File, record: &ExportRecord) -> Option<Previous> {
        let meta = file.metadata().ok()?;
        let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
        if meta.len() != record.len || modified.as_nanos() != record.modified {
            return None;
        }
        let mut items = HashMap::with_capacity(record.items.len());
        for &(key, offset, len) in &record.items {
            if offset.checked_add(len).is_none_or(|end| end > record.len) {
                return None;
            }
            items.insert(key, (offset, len));
        }
        Some(Previous {
            file,
            items,
            window: Vec::new(),
            window_start: 0,
            block: WINDOW,
        })
    }
}

/// Writes an export: plain bytes with [`Splicer::write`], items with [`Splicer::item`].
pub struct Splicer<'a> {
    out: &'a mut dyn Write,
    /// Bytes of the file so far, counting those waiting to be copied.
    at: u64,
    previous: Option<Previous>,
    /// A range of the previous file waiting to be copied.
    pending: Option<(u64, u64)>,
    items: Items,
    copied: u64,
    buf: String,
}

impl<'a> Splicer<'a> {
    /// Writes to `out`, copying from `previous` where it can.
    pub fn new(out: &'a mut dyn Write, previous: Option<Previous>) -> Self {
        Splicer {
            out,
            at: 0,
            previous,
            pending: None,
            items: Vec::new(),
            copied: 0,
            buf: String::new(),
        }
    }

    /// Writes bytes that are not an item (headers, separators).
    pub fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.copy_pending()?;
        self.out.write_all(bytes)?;
        self.at += bytes.len() as u64;
        Ok(())
    }

    /// Writes an item: copied from the previous file when `key` is there, else made by `render`
    /// (which appends to the string it is given). An item without a key is always made.
    pub fn item(&mut self, key: Option<u64>, render: impl FnOnce(&mut String)) -> io::Result<()> {
        if let Some(key) = key
            && let Some(&(offset, len)) = self.previous.as_ref().and_then(|p| p.items.get(&key))
        {
            match &mut self.pending {
                Some((_, end)) if *end == offset => *end += len,
                _ => {
                    self.copy_pending()?;
                    self.pending = Some((offset, offset + len));
                }
            }
            self.items.push((key, self.at, len));
            self.at += len;
            self.copied += len;
            return Ok(());
        }
        self.copy_pending()?;
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        render(&mut buf);
        let written = self.out.write_all(buf.as_bytes());
        let len = buf.len() as u64;
        self.buf = buf;
        written?;
        if let Some(key) = key {
            self.items.push((key, self.at, len));
        }
        self.at += len;
        Ok(())
    }

    /// Copies what is waiting and hands back where the items lie and how many bytes were copied.
    pub fn finish(mut self) -> io::Result<(Items, u64)> {
        self.copy_pending()?;
        Ok((self.items, self.copied))
    }

    fn copy_pending(&mut self) -> io::Result<()> {
        let Some((from, end)) = self.pending.take() else {
            return Ok(());
        };
        match &mut self.previous {
            Some(previous) => previous.copy(from, end, self.out),
            None => Ok(()),
        }
    }
}

/// Reads up to `buf.len()` bytes of `file` at `offset`: fewer only at the end of the file.
fn read_at_most(file: &File, buf: &mut [u8], offset: u64) -> io::Result<usize> {
    use std::io::{Read, Seek, SeekFrom};
    let mut file = file;
    file.seek(SeekFrom::Start(offset))?;
    let mut filled = 0;
    while filled < buf.len() {
        match file.read(&mut buf[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(filled)
}

const MAGIC: &[u8; 8] = b"rptexp01";

/// The records of a build's exports as bytes: a header, each record, and a checksum.
pub fn encode(records: &BTreeMap<String, ExportRecord>) -> Vec<u8> {
    let mut out = Writer::new(MAGIC);
    out.usize(records.len());
    for (path, r) in records {
        out.str(path);
        out.u64(r.len);
        out.u128(r.modified);
        out.usize(r.items.len());
        for &(key, offset, len) in &r.items {
            out.u64(key);
            out.u64(offset);
            out.u64(len);
        }
    }
    out.finish()
}

/// The records [`encode`] wrote, or none when the bytes are not such records.
pub fn decode(bytes: &[u8]) -> Option<BTreeMap<String, ExportRecord>> {
    let mut reader = Reader::open(bytes, MAGIC)?;
    let mut records = BTreeMap::new();
    let count = reader.count(8 + 8 + 16 + 8)?;
    for _ in 0..count {
        let path = reader.string()?;
        let len = reader.u64()?;
        let modified = reader.u128()?;
        let n = reader.count(24)?;
        let mut items = Vec::with_capacity(n);
        for _ in 0..n {
            items.push((reader.u64()?, reader.u64()?, reader.u64()?));
        }
        records.insert(
            path,
            ExportRecord {
                len,
                modified,
                items,
            },
        );
    }
    reader.is_done().then_some(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Items as (key, text); `None` keys are never copied.
    type Texts = Vec<(Option<u64>, String)>;

    /// Writes `items` between a header and separators, copying from `previous` where it can:
    /// the bytes, where the items lie, and how many bytes were copied.
    fn write(items: &Texts, previous: Option<Previous>) -> (Vec<u8>, Items, u64) {
        let mut out = Vec::new();
        let mut s = Splicer::new(&mut out, previous);
        s.write(b"[").unwrap();
        for (i, (key, text)) in items.iter().enumerate() {
            if i > 0 {
                s.write(b",").unwrap();
            }
            s.item(*key, |buf| buf.push_str(text)).unwrap();
        }
        s.write(b"]").unwrap();
        let (recorded, copied) = s.finish().unwrap();
        (out, recorded, copied)
    }

    /// `bytes` as a file, with its record.
    fn previous_file(
        bytes: &[u8],
        items: Vec<(u64, u64, u64)>,
    ) -> (tempfile::TempDir, ExportRecord) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export");
        std::fs::write(&path, bytes).unwrap();
        let (len, modified) = file_stamp(&path).unwrap();
        (
            dir,
            ExportRecord {
                len,
                modified,
                items,
            },
        )
    }

    fn open(dir: &tempfile::TempDir) -> File {
        File::open(dir.path().join("export")).unwrap()
    }

    #[test]
    fn copied_items_give_the_bytes_that_writing_them_gives() {
        let mut random = crate::testing::xorshift(0x853c_49e6_748f_ea9b);
        let mut next = move |n: u64| random() % n;
        for _ in 0..300 {
            let old: Texts = (0..next(12))
                .map(|k| {
                    (
                        Some(k),
                        format!("item {k} {}", "x".repeat(next(5) as usize)),
                    )
                })
                .collect();
            let (bytes, recorded, copied) = write(&old, None);
            assert_eq!(copied, 0);
            let (_dir, record) = previous_file(&bytes, recorded);
            // The new items: some kept, some edited (a new key), some dropped, some added, in
            // a new order now and then.
            let mut new: Texts = Vec::new();
            for (key, text) in &old {
                match next(6) {
                    0 => {}
                    1 => new.push((key.map(|k| k + 1000), format!("{text} edited"))),
                    2 => new.push((None, format!("{text} without a key"))),
                    _ => new.push((*key, text.clone())),
                }
                if next(5) == 0 {
                    let k = 2000 + next(50);
                    new.push((Some(k), format!("new {k}")));
                }
            }
            if next(4) == 0 {
                new.reverse();
            }
            let mut previous = Previous::check(open(&_dir), &record).unwrap();
            // Reads of a few bytes, so that items straddle the blocks read, and blocks are read
            // again when items come in a new order.
            previous.block = 1 + next(16) as usize;
            let (spliced, recorded, copied) = write(&new, Some(previous));
            let (written, written_items, _) = write(&new, None);
            assert_eq!(
                String::from_utf8(spliced).unwrap(),
                String::from_utf8(written).unwrap()
            );
            assert_eq!(
                recorded, written_items,
                "the record does not depend on copying"
            );
            let kept: u64 = new
                .iter()
                .filter(|(key, _)| key.is_some_and(|k| k < 1000))
                .map(|(_, text)| text.len() as u64)
                .sum();
            assert_eq!(copied, kept);
        }
    }

    #[test]
    fn a_previous_file_that_is_not_the_recorded_one_is_not_used() {
        let items: Texts = vec![(Some(1), "one".into()), (Some(2), "two".into())];
        let (bytes, recorded, _) = write(&items, None);
        let (dir, record) = previous_file(&bytes, recorded);
        assert!(Previous::check(open(&dir), &record).is_some());
        let longer = ExportRecord {
            len: record.len + 1,
            ..record.clone()
        };
        assert!(Previous::check(open(&dir), &longer).is_none());
        let other_time = ExportRecord {
            modified: record.modified + 1,
            ..record.clone()
        };
        assert!(Previous::check(open(&dir), &other_time).is_none());
        let outside = ExportRecord {
            items: vec![(1, record.len - 1, 2)],
            ..record.clone()
        };
        assert!(Previous::check(open(&dir), &outside).is_none());
        let overflowing = ExportRecord {
            items: vec![(1, u64::MAX, 2)],
            ..record
        };
        assert!(Previous::check(open(&dir), &overflowing).is_none());
    }

    #[test]
    fn records_round_trip_and_damaged_ones_are_refused() {
        let mut records = BTreeMap::new();
        records.insert(
            "claims.json".to_string(),
            ExportRecord {
                len: 120,
                modified: 1_700_000_000_123_456_789,
                items: vec![(7, 10, 50), (9, 61, 40)],
            },
        );
        records.insert(
            "data/timeline.json".to_string(),
            ExportRecord {
                len: 0,
                modified: 3,
                items: Vec::new(),
            },
        );
        let bytes = encode(&records);
        assert_eq!(decode(&bytes), Some(records));
        for i in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[i] ^= 0x20;
            assert_eq!(decode(&damaged), None, "byte {i} changed");
        }
        for n in 0..bytes.len() {
            assert_eq!(decode(&bytes[..n]), None, "cut to {n} bytes");
        }
        assert_eq!(decode(&encode(&BTreeMap::new())), Some(BTreeMap::new()));
    }
}
