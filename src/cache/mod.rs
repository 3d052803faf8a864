//! An article in, its cached claims out (or nothing, and then they are extracted and stored).
//!
//! Extraction results are kept in `<project>/.report-cache/claims/`, one file per article, named
//! by a hash of everything extraction depends on: the extractor's version and a hash of its source
//! code (made by `build.rs`), the crate's version,
//! the article's path, its reference date and its full text. An entry is never trusted blindly: it
//! carries a checksum, repeats its key and the text's length, and its spans must fall on the
//! text's character boundaries; an entry that does not read back or does not match is ignored and
//! rewritten. Entries that no article used in a build are removed at its end, so the
//! cache holds only what the project has.

use std::collections::BTreeSet;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::content::Article;
use crate::diagnostics::Diagnostics;
use crate::extract::{Claims, EXTRACTOR_VERSION};

mod entry;

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
}

impl ClaimCache {
    /// The cache under `root`, or a cache that stores nothing when `enabled` is false.
    pub fn open(root: &Path, enabled: bool) -> Self {
        ClaimCache {
            dir: enabled.then(|| root.join(CACHE_DIR).join("claims")),
        }
    }

    /// The key of `article`'s entry: what [`ClaimCache::prune`] keeps.
    pub fn key(article: &Article) -> String {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (
            EXTRACTOR_VERSION,
            env!("CARGO_PKG_VERSION"),
            env!("REPORT_EXTRACT_HASH"),
        )
            .hash(&mut h);
        article.path.hash(&mut h);
        article.published.hash(&mut h);
        article.text.hash(&mut h);
        format!("{:016x}", h.finish())
    }

    /// The claims of `article` with their diagnostics and the entry's key: from the cache when a
    /// valid entry exists, else extracted now and stored.
    pub fn claims(&self, article: &Article) -> (String, Claims, Diagnostics) {
        let key = Self::key(article);
        if let Some((claims, diags)) = self.load(&key, article) {
            return (key, claims, diags);
        }
        let (claims, diags) = crate::extract::extract_claims(article);
        self.store(&key, article, &claims, &diags);
        (key, claims, diags)
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
        let (_, claims, _) = cache.claims(&a);
        assert!(claims.figures.len() >= 3, "{:?}", claims.figures);
        let (cached, _) = cache.load(&ClaimCache::key(&a), &a).unwrap();
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
        let key = ClaimCache::key(&a);
        assert!(cache.load(&key, &a).is_none());
        let (_, claims, diags) = cache.claims(&a);
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
        assert!(cache.load(&ClaimCache::key(&b), &b).is_none());
    }
}

/// The fingerprints of the pages of the last successful build into one output folder, kept in
/// `.report-cache/pages-<hash of the output path>.json`. Read as a hint only: a missing or
/// unreadable file means every page is rendered.
#[derive(Debug)]
pub struct PageFingerprints {
    file: Option<PathBuf>,
}

impl PageFingerprints {
    /// The fingerprints for builds of `root` into `out` (none when `enabled` is false).
    pub fn open(root: &Path, out: &Path, enabled: bool) -> Self {
        PageFingerprints {
            file: enabled.then(|| record_file(root, out, "pages")),
        }
    }

    /// The last build's fingerprints, or none.
    pub fn load(&self) -> std::collections::BTreeMap<String, u64> {
        self.file
            .as_ref()
            .and_then(|f| std::fs::read(f).ok())
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    /// Records this build's fingerprints (written beside, then renamed).
    pub fn store(&self, prints: &std::collections::BTreeMap<String, u64>) {
        let Some(file) = &self.file else { return };
        store_json(file, prints);
    }
}

/// Where the items of the default exports of the last successful build into one output folder
/// lie in their files ([`crate::render::splice`]), kept in `.report-cache/exports-<hash of the
/// output path>.bin`. Read as a hint only: a missing, damaged or unreadable file means every
/// item is written.
#[derive(Debug)]
pub struct ExportIndex {
    file: Option<PathBuf>,
}

impl ExportIndex {
    /// The index for builds of `root` into `out` (none when `enabled` is false).
    pub fn open(root: &Path, out: &Path, enabled: bool) -> Self {
        ExportIndex {
            file: enabled.then(|| record_file(root, out, "exports").with_extension("bin")),
        }
    }

    /// The last build's records, or none.
    pub fn load(&self) -> std::collections::BTreeMap<String, crate::render::splice::ExportRecord> {
        self.file
            .as_ref()
            .and_then(|f| std::fs::read(f).ok())
            .and_then(|b| crate::render::splice::decode(&b))
            .unwrap_or_default()
    }

    /// Records this build's exports (written beside, then renamed).
    pub fn store(
        &self,
        records: &std::collections::BTreeMap<String, crate::render::splice::ExportRecord>,
    ) {
        let Some(file) = &self.file else { return };
        store_bytes(file, &crate::render::splice::encode(records));
    }
}

/// What the last successful build of a project into one output folder read and wrote, kept in
/// `.report-cache/build-<hash of the output path>.json`: a hash of the inputs' names, sizes and
/// modification times (`report.yaml`, `content/`, `templates/`, the build date, the version and
/// the program's own file), a hash of the same for every file of the output, and the build's counts. When both hashes match,
/// nothing a build reads changed and nothing it wrote was touched: the build can stop there.
/// Only builds without any diagnostic are recorded, so that a repeated build never hides a
/// warning. A project with symlinks among its inputs is never recorded (a link's target can
/// change without its listing changing).
#[derive(Debug)]
pub struct BuildStamp {
    file: Option<PathBuf>,
    inputs: Option<u64>,
}

/// The record of [`BuildStamp`].
#[derive(Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct StampRecord {
    inputs: u64,
    output: u64,
    /// Articles of the recorded build.
    pub articles: usize,
    /// Briefings.
    pub briefings: usize,
    /// Claims.
    pub claims: usize,
    /// Files written.
    pub files: usize,
}

impl BuildStamp {
    /// The stamp for builds of `root` into `out` on `build_date` (none when `enabled` is false).
    /// Reads the inputs' listing now: a file changed after this call makes the next build run.
    pub fn open(
        root: &Path,
        out: &Path,
        build_date: Option<chrono::NaiveDate>,
        enabled: bool,
    ) -> Self {
        if !enabled {
            return BuildStamp {
                file: None,
                inputs: None,
            };
        }
        let file = record_file(root, out, "build");
        let out = std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf());
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (
            env!("CARGO_PKG_VERSION"),
            EXTRACTOR_VERSION,
            &out,
            build_date,
        )
            .hash(&mut h);
        // The program itself: a rebuilt `report` of the same version (while developing it) may
        // render differently.
        std::env::current_exe()
            .and_then(std::fs::metadata)
            .map(|m| (m.len(), m.modified().ok()))
            .ok()
            .hash(&mut h);
        let listed = ["report.yaml", "content", "templates"]
            .iter()
            .all(|name| list_into(&root.join(name), Path::new(name), &mut h));
        BuildStamp {
            file: Some(file),
            inputs: listed.then(|| h.finish()),
        }
    }

    /// The last build's record, when nothing it read or wrote changed since.
    pub fn unchanged(&self, out: &Path) -> Option<StampRecord> {
        let record: StampRecord =
            serde_json::from_slice(&std::fs::read(self.file.as_ref()?).ok()?).ok()?;
        (Some(record.inputs) == self.inputs && Some(record.output) == output_print(out))
            .then_some(record)
    }

    /// Records a successful build without diagnostics, once its output is published.
    pub fn store(
        &self,
        out: &Path,
        articles: usize,
        briefings: usize,
        claims: usize,
        files: usize,
    ) {
        let (Some(file), Some(inputs), Some(output)) = (&self.file, self.inputs, output_print(out))
        else {
            return;
        };
        let record = StampRecord {
            inputs,
            output,
            articles,
            briefings,
            claims,
            files,
        };
        store_json(file, &record);
    }

    /// Forgets the record (after a build that did not publish, or published with diagnostics).
    pub fn clear(&self) {
        if let Some(file) = &self.file {
            let _ = std::fs::remove_file(file);
        }
    }
}

/// The file of a per-output record: `.report-cache/<kind>-<hash of the version and the absolute
/// output path>.json`, so that builds into different folders keep their own.
fn record_file(root: &Path, out: &Path, kind: &str) -> PathBuf {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (
        env!("CARGO_PKG_VERSION"),
        std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf()),
    )
        .hash(&mut h);
    root.join(CACHE_DIR)
        .join(format!("{kind}-{:016x}.json", h.finish()))
}

/// Writes `value` as JSON beside `file`, then renames it into place, so that a reader never sees
/// half a file. A record that cannot be written is not an error: the next build does more work.
fn store_json<T: Serialize + ?Sized>(file: &Path, value: &T) {
    if let Ok(bytes) = serde_json::to_vec(value) {
        store_bytes(file, &bytes);
    }
}

/// Writes `bytes` beside `file`, then renames them into place. A record that cannot be written
/// is not an error: the next build does more work.
fn store_bytes(file: &Path, bytes: &[u8]) {
    if let Some(dir) = file.parent()
        && std::fs::create_dir_all(dir).is_ok()
    {
        let extension = file
            .extension()
            .map_or_else(String::new, |e| e.to_string_lossy().into_owned());
        let tmp = file.with_extension(format!("{extension}.{}.tmp", std::process::id()));
        if std::fs::write(&tmp, bytes).is_ok() {
            let _ = std::fs::rename(&tmp, file);
        }
    }
}

/// The hash of every file of the output folder: names, sizes, modification times.
fn output_print(out: &Path) -> Option<u64> {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    list_into(out, Path::new(""), &mut h).then(|| h.finish())
}

/// Feeds `path` (shown as `shown`) and everything under it to `h`: names, kinds, sizes and
/// modification times, in sorted order. A missing path counts as such. False when a symlink is
/// met, or a folder cannot be listed.
fn list_into(path: &Path, shown: &Path, h: &mut impl Hasher) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        (shown, "missing").hash(h);
        return true;
    };
    if meta.file_type().is_symlink() {
        return false;
    }
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
    (shown, meta.is_dir(), meta.len(), modified).hash(h);
    if !meta.is_dir() {
        return true;
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        return false;
    };
    let mut names: Vec<std::ffi::OsString> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .collect();
    names.sort();
    names
        .iter()
        .all(|name| list_into(&path.join(name), &shown.join(name), h))
}
