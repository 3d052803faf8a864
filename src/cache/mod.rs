//! What a build keeps for the next one, in `<project>/.report-cache/`. Two stores, one kind of
//! key:
//!
//! - **Claims** (this module): `claims/<key>.bin`, one file per article (`entry.rs`'s binary
//!   layout), the article's extracted claims and diagnostics. Shared by every output folder.
//! - **The record of the last build into an output folder** (`records.rs`, [`BuildRecord`]):
//!   `build-<hash of the folder>.json`, the key of each page and of each file of the data
//!   exports (a month of `claims/` or `figures/`, a briefing's figures, calendar and timeline),
//!   to link unchanged files from the published site instead of writing them, and what the
//!   build read and wrote (to stop at once when nothing changed).
//!
//! Every key is a [`key::KeyHasher`] hash (XXH3, stable across Rust releases) of everything the
//! output depends on, including the code that makes it: the [`key::Identity`] that `build.rs`
//! computes from the sources when the program is compiled. A claims key holds the extraction
//! code's identity, so a change to extraction extracts every article again and a change to a
//! template or the renderer does not; page, export and build keys hold the identity of all the
//! code and default templates. No version number is bumped by hand.
//!
//! A claims key is the extraction identity, the article's path, its reference date and its full
//! text. An entry is never trusted blindly: it carries a checksum, repeats its key and the text's
//! length, and its spans must fall on the text's character boundaries; an entry that does not
//! read back or does not match is ignored and rewritten. Entries that no article used in a build
//! are removed at its end, so the cache holds only what the project has.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::content::Article;
use crate::diagnostics::Diagnostics;
use crate::extract::Claims;

mod entry;
pub mod key;
mod records;

pub use key::{Identity, KeyHasher};
pub use records::{BuildRecord, LastBuild};

/// The cache folder under the project root.
pub const CACHE_DIR: &str = ".report-cache";

/// The extension of claims entries (see [`entry`]).
const ENTRY_EXT: &str = "bin";

/// The project's cache folder, checked: neither it nor anything in it may be a symbolic link (the
/// cache removes the entries it no longer needs, and must never do so where a link points; a
/// repository could carry such a link). Not created here.
pub fn cache_dir(root: &Path) -> Result<PathBuf, crate::Error> {
    let dir = root.join(CACHE_DIR);
    refuse_links(&dir, 0)?;
    Ok(dir)
}

/// Fails on the first symbolic link at or below `path` (two levels down: the cache's layout).
fn refuse_links(path: &Path, depth: usize) -> Result<(), crate::Error> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(());
    };
    if meta.file_type().is_symlink() {
        return Err(crate::Error::UnsafeCache {
            path: path.to_path_buf(),
            reason: "it is a symbolic link; the cache holds only what builds derive, so remove \
                     the link (the next build makes a real folder)"
                .into(),
        });
    }
    if meta.is_dir() && depth < 2 {
        for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
            refuse_links(&entry.path(), depth + 1)?;
        }
    }
    Ok(())
}

/// The claims cache of a project. Shared read-only by the extraction threads: no lock.
#[derive(Debug)]
pub struct ClaimCache {
    dir: Option<PathBuf>,
    /// The identity of the extraction code (see [`Identity`]).
    extraction: &'static str,
}

/// An article's claims as [`ClaimCache::claims`] gives them.
pub struct Claimed {
    /// The key of the article's entry: what [`ClaimCache::prune`] keeps.
    pub key: String,
    /// The claims.
    pub claims: Claims,
    /// What extraction said about the article.
    pub diagnostics: Diagnostics,
    /// Whether they were read from the cache rather than extracted now.
    pub cached: bool,
}

impl ClaimCache {
    /// The cache under `root`, or a cache that stores nothing when `enabled` is false.
    pub fn open(root: &Path, enabled: bool) -> Self {
        Self::open_as(root, enabled, Identity::COMPILED)
    }

    /// [`ClaimCache::open`] for entries made by the code of `identity` (tests give another
    /// identity to stand for changed code).
    pub fn open_as(root: &Path, enabled: bool, identity: Identity) -> Self {
        ClaimCache {
            dir: enabled.then(|| root.join(CACHE_DIR).join("claims")),
            extraction: identity.extraction,
        }
    }

    /// The key of `article`'s entry: the extraction code and what it reads of the article.
    pub fn key(&self, article: &Article) -> String {
        let mut h = KeyHasher::new("claims");
        h.str(self.extraction);
        article_inputs(&mut h, article);
        h.finish_hex()
    }

    /// The claims of `article` with their diagnostics and the entry's key: from the cache when a
    /// valid entry exists, else extracted now and stored.
    pub fn claims(&self, article: &Article) -> Claimed {
        let key = self.key(article);
        if let Some((claims, diagnostics)) = self.load(&key, article) {
            return Claimed {
                key,
                claims,
                diagnostics,
                cached: true,
            };
        }
        let (claims, diagnostics) = crate::extract::extract_claims(article);
        self.store(&key, article, &claims, &diagnostics);
        Claimed {
            key,
            claims,
            diagnostics,
            cached: false,
        }
    }

    /// The cached claims and diagnostics of `article`, when a valid entry exists.
    fn load(&self, key: &str, article: &Article) -> Option<(Claims, Diagnostics)> {
        let dir = self.dir.as_ref()?;
        let path = dir.join(format!("{key}.{ENTRY_EXT}"));
        if !std::fs::symlink_metadata(&path).ok()?.is_file() {
            return None;
        }
        let bytes = std::fs::read(path).ok()?;
        entry::decode(&bytes, key, article)
    }

    /// Stores the claims of `article`. A failure to write only costs the next build time, so it is
    /// ignored.
    fn store(&self, key: &str, article: &Article, claims: &Claims, diags: &Diagnostics) {
        let Some(dir) = &self.dir else { return };
        let Some(bytes) = entry::encode(key, article.text.len(), claims, diags) else {
            return;
        };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        // Write beside, then rename: a killed build never leaves half an entry under its name.
        let tmp = dir.join(format!("{key}.{ENTRY_EXT}.{}.tmp", std::process::id()));
        if std::fs::write(&tmp, bytes).is_ok() {
            let _ = std::fs::rename(&tmp, dir.join(format!("{key}.{ENTRY_EXT}")));
        }
    }

    /// Removes the entries whose keys are not in `used` (and stray temporary files).
    pub fn prune(&self, used: &BTreeSet<String>) {
        let Some(dir) = &self.dir else { return };
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            // Only plain files are ever removed: never a link, never what it points to.
            if !entry.file_type().is_ok_and(|t| t.is_file()) {
                continue;
            }
            let name = entry.file_name().to_string_lossy().into_owned();
            let key = name
                .strip_suffix(ENTRY_EXT)
                .and_then(|n| n.strip_suffix('.'))
                .unwrap_or("");
            if !used.contains(key) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

/// Feeds what extraction reads of `article` to `h`: its path, its reference date and its full
/// text (front matter included).
pub fn article_inputs(h: &mut KeyHasher, article: &Article) {
    h.path(&article.path)
        .date(article.published)
        .str(&article.text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::article;

    #[test]
    fn a_cached_figure_has_exactly_the_value_extracted() {
        // 4.1 million is 4099999.9999999995 in binary floating point: JSON text that a fast
        // float parser reads back one unit off, which a cached build would then publish.
        let dir = tempfile::tempdir().unwrap();
        let cache = ClaimCache::open(dir.path(), true);
        let a = article(
            "---\ntitle: A\nsource: S\npublished: 2024-05-02\n---\nThe ministry said 4.1 million people and 7.3 billion dollars were counted, and 0.1 percent more.\n",
        );
        let claims = cache.claims(&a).claims;
        assert!(claims.figures.len() >= 3, "{:?}", claims.figures);
        let (cached, _) = cache.load(&cache.key(&a), &a).unwrap();
        let bits =
            |c: &Claims| -> Vec<u64> { c.figures.iter().map(|f| f.value.to_bits()).collect() };
        assert_eq!(bits(&cached), bits(&claims));
    }

    #[test]
    fn round_trips_and_refuses_corrupt_entries() {
        let dir = tempfile::tempdir().unwrap();
        let cache = ClaimCache::open(dir.path(), true);
        let a = article(
            "---\ntitle: A\nsource: S\npublished: 2024-05-02\n---\nOfficials said on Monday that about 300 homes were lost.\n",
        );
        let key = cache.key(&a);
        assert!(cache.load(&key, &a).is_none());
        let Claimed {
            claims,
            diagnostics: diags,
            cached,
            ..
        } = cache.claims(&a);
        assert!(!cached);
        assert!(cache.claims(&a).cached);
        let (cached, cached_diags) = cache.load(&key, &a).unwrap();
        assert_eq!(cached, claims);
        assert_eq!(cached.figures[0].span, claims.figures[0].span);
        assert_eq!(cached_diags, diags);
        // A corrupt entry is ignored, not trusted.
        let file = std::fs::read_dir(dir.path().join(".report-cache/claims"))
            .unwrap()
            .next()
            .unwrap()
            .unwrap()
            .path();
        std::fs::write(&file, b"garbage").unwrap();
        assert!(cache.load(&key, &a).is_none());
        // An edited article misses.
        let b = article(
            "---\ntitle: A\nsource: S\npublished: 2024-05-02\n---\nOfficials said on Monday that about 400 homes were lost.\n",
        );
        assert!(cache.load(&cache.key(&b), &b).is_none());
    }

    #[test]
    fn other_extraction_code_extracts_every_article_again() {
        let dir = tempfile::tempdir().unwrap();
        let articles: Vec<Article> = (0..5)
            .map(|i| {
                article(&format!(
                    "---\ntitle: A{i}\nsource: S\npublished: 2024-05-02\n---\nOfficials said on Monday that {i}00 homes were lost.\n"
                ))
            })
            .collect();
        let cached = |identity: Identity| -> Vec<bool> {
            let cache = ClaimCache::open_as(dir.path(), true, identity);
            articles.iter().map(|a| cache.claims(a).cached).collect()
        };
        let changed = Identity {
            extraction: "0123456789abcdef",
            ..Identity::COMPILED
        };
        assert_eq!(cached(Identity::COMPILED), [false; 5], "a cold cache");
        assert_eq!(
            cached(Identity::COMPILED),
            [true; 5],
            "the same code reuses"
        );
        assert_eq!(
            cached(changed),
            [false; 5],
            "changed extraction code reuses nothing"
        );
        let rendering = Identity {
            rendering: "0123456789abcdef",
            ..Identity::COMPILED
        };
        assert_eq!(
            cached(rendering),
            [true; 5],
            "changed rendering code does not extract again"
        );
    }
}
