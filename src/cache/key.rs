//! Keys: stable hashes of what an output depends on, and the build identity.
//!
//! Every hash that is kept on disk or compared with one made by an earlier run is made here, by
//! [`KeyHasher`]: XXH3 (64 bits; `xxhash-rust`), whose output its specification fixes, over
//! fields that are fed as explicit bytes (little-endian numbers, length-prefixed strings). Not
//! `std::hash::Hash`: neither `DefaultHasher` nor the `Hash` impls of the standard types (a
//! `Path`, a tuple) are promised to stay the same across Rust releases, and a key that changes
//! with the compiler only costs time, but one that stays while its meaning changes would reuse
//! stale output.
//!
//! XXH3 rather than BLAKE3 or FNV: hashing each text of 10,000 generated articles (41 MB) on one
//! thread took 3.8 ms with XXH3, 8.6 ms with SipHash (`DefaultHasher`), 29.6 ms with BLAKE3 and
//! 52 ms with FNV-1a (a quiet machine; three rounds agreed within 0.4 ms). Fed in 8-byte pieces,
//! as serialized JSON comes, XXH3 is slower than SipHash (36 ms against 17), hence the buffer in
//! [`KeyHasher::json`] (24 ms). A key guards against accidents, not an adversary: a 64-bit key
//! of a changed input matches the old one with odds of 2⁻⁶⁴.

use std::io::Write;
use std::path::Path;

use chrono::{Datelike as _, NaiveDate};
use xxhash_rust::xxh3::Xxh3;

/// The code that made what the cache keeps, as two hashes computed by `build.rs` when the
/// program is compiled (see there for what each covers).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Identity {
    /// The extraction code: keys the claims cache.
    pub extraction: &'static str,
    /// All the code and the default templates: keys pages, exports and the build record.
    pub rendering: &'static str,
}

impl Identity {
    /// The identity of this program.
    pub const COMPILED: Identity = Identity {
        extraction: env!("REPORT_EXTRACTION_ID"),
        rendering: env!("REPORT_RENDERING_ID"),
    };
}

/// A stable hash of fields, fed one by one.
pub struct KeyHasher(Xxh3);

impl KeyHasher {
    /// A hasher for keys of one kind (`kind` is fed first, so keys of two kinds never meet).
    pub fn new(kind: &str) -> Self {
        let mut h = KeyHasher(Xxh3::new());
        h.str(kind);
        h
    }

    /// Bytes, after their length.
    pub fn bytes(&mut self, bytes: &[u8]) -> &mut Self {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
        self
    }

    /// A string.
    pub fn str(&mut self, text: &str) -> &mut Self {
        self.bytes(text.as_bytes())
    }

    /// A number.
    pub fn u64(&mut self, n: u64) -> &mut Self {
        self.0.update(&n.to_le_bytes());
        self
    }

    /// A count or an index.
    pub fn usize(&mut self, n: usize) -> &mut Self {
        self.u64(n as u64)
    }

    /// Whether a field is there (feed the field itself after it when it is).
    pub fn flag(&mut self, present: bool) -> &mut Self {
        self.0.update(&[u8::from(present)]);
        self
    }

    /// A date, by its day number.
    pub fn date(&mut self, date: NaiveDate) -> &mut Self {
        self.u64(i64::from(date.num_days_from_ce()) as u64)
    }

    /// A path: its bytes on Unix, its text elsewhere.
    pub fn path(&mut self, path: &Path) -> &mut Self {
        #[cfg(unix)]
        {
            self.bytes(std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()))
        }
        #[cfg(not(unix))]
        {
            self.str(&path.to_string_lossy())
        }
    }

    /// The JSON text of `value`, streamed (never held whole), then its length.
    pub fn json<T: serde::Serialize + ?Sized>(&mut self, value: &T) -> &mut Self {
        struct Feed<'a> {
            h: &'a mut Xxh3,
            len: u64,
        }
        impl Write for Feed<'_> {
            fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
                self.h.update(buf);
                self.len += buf.len() as u64;
                Ok(buf.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut feed = Feed {
            h: &mut self.0,
            len: 0,
        };
        {
            // serde_json writes many pieces of a few bytes: gathered, they hash faster.
            let mut buffered = std::io::BufWriter::with_capacity(8 * 1024, &mut feed);
            // Serializing views to JSON does not fail; if it did, the length below still differs
            // from a full text's.
            let _ = serde_json::to_writer(&mut buffered, value);
            let _ = buffered.flush();
        }
        let len = feed.len;
        self.u64(len)
    }

    /// The key.
    pub fn finish(&self) -> u64 {
        self.0.digest()
    }

    /// The key as 16 hexadecimal digits (for file names).
    pub fn finish_hex(&self) -> String {
        format!("{:016x}", self.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable_across_releases() {
        // Fixed values: a change of the hash or of how fields are fed shows here, and must come
        // with the knowledge that every cache in use is invalidated by it. The value is XXH3-64
        // of the fields' bytes as written out by hand (Python's `xxhash.xxh3_64` gives the same).
        let mut h = KeyHasher::new("test");
        h.str("text")
            .u64(7)
            .usize(3)
            .flag(true)
            .date(NaiveDate::from_ymd_opt(2024, 5, 2).unwrap())
            .path(Path::new("content/articles/a.md"))
            .json(&serde_json::json!({"b": [1, 2], "a": "x"}));
        assert_eq!(h.finish_hex(), "4834854cb2988a01");
        assert_eq!(KeyHasher::new("").finish(), {
            let mut x = Xxh3::new();
            x.update(&0u64.to_le_bytes());
            x.digest()
        });
    }

    #[test]
    fn fields_do_not_run_together() {
        let key = |parts: &[&str]| {
            let mut h = KeyHasher::new("k");
            for p in parts {
                h.str(p);
            }
            h.finish()
        };
        assert_ne!(key(&["ab", "c"]), key(&["a", "bc"]));
        assert_ne!(key(&["a"]), key(&["a", ""]));
        assert_ne!(KeyHasher::new("a").finish(), KeyHasher::new("b").finish());
    }

    #[test]
    fn the_identity_is_compiled_in() {
        for id in [Identity::COMPILED.extraction, Identity::COMPILED.rendering] {
            assert_eq!(id.len(), 16);
            assert!(id.bytes().all(|b| b.is_ascii_hexdigit()), "{id}");
        }
        assert_ne!(Identity::COMPILED.extraction, Identity::COMPILED.rendering);
    }

    #[test]
    fn the_extraction_identity_covers_what_extraction_runs() {
        // Every module of the crate that the extraction sources name is itself among them: a
        // change to code extraction runs must change its identity. (`testing` is for tests.)
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let sources: Vec<&str> = env!("REPORT_EXTRACTION_SOURCES").split(',').collect();
        let covered = |module: &str| {
            module == "testing"
                || sources
                    .iter()
                    .any(|s| *s == format!("src/{module}") || *s == format!("src/{module}.rs"))
        };
        let mut files = Vec::new();
        let mut stack: Vec<std::path::PathBuf> = sources.iter().map(|s| root.join(s)).collect();
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
        assert!(files.len() > 20, "{files:?}");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for (at, _) in text.match_indices("crate::") {
                let module: String = text[at + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                    .collect();
                // `crate::Error` is `error`'s; the claims cache's files are listed one by one.
                if !module.is_empty() && module != "cache" {
                    assert!(
                        covered(&module),
                        "{} uses crate::{module}, which REPORT_EXTRACTION_SOURCES (build.rs) \
                         leaves out",
                        file.display()
                    );
                }
            }
        }
    }
}
