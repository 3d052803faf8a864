//! The record of the last successful build into one output folder (see the [module
//! docs](super)): [`BuildRecord`]. It is a hint only: a missing or unreadable file means more
//! work, never a wrong output.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{CACHE_DIR, Identity, KeyHasher};

/// The record of the last successful build of a project into one output folder, kept in
/// `.report-cache/build-<hash of the output path>.json`:
///
/// - the key of every article, briefing and period page it wrote, so that a page whose key is
///   the same is linked from the published output instead of rendered;
/// - when it had no diagnostic, what it read and wrote ([`LastBuild`]): a key of the code's
///   identity, the build date and the inputs' names, sizes and modification times
///   (`report.yaml`, `content/`, `templates/`), and a key of the same for every file of the
///   output. When both match, nothing a build reads changed and nothing it wrote was touched: the
///   build can stop there. Only a build without any diagnostic records this, so that a repeated
///   build never hides a warning, and only for a project without symlinks among its inputs (a
///   link's target can change without its listing changing).
///
/// The file holds two lines of JSON, the second read only when the build runs: what the build
/// read and wrote (or `null`), then the page keys by path.
///
/// Read as a hint only: a missing or unreadable file means every page is rendered.
#[derive(Debug)]
pub struct BuildRecord {
    file: Option<PathBuf>,
    inputs: Option<u64>,
    /// The last build's, when it was recorded.
    last: Option<LastBuild>,
    /// The file's second line, read with the first.
    pages: Vec<u8>,
}

/// What the last build without diagnostics read and wrote, and its counts.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct LastBuild {
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

impl BuildRecord {
    /// The record for builds of `root` into `out` on `build_date` by the code of `identity` (none
    /// when `enabled` is false), with the last build's record read. Reads the inputs' listing
    /// now: a file changed after this call makes the next build run.
    pub fn open(
        root: &Path,
        out: &Path,
        build_date: Option<chrono::NaiveDate>,
        enabled: bool,
        identity: Identity,
    ) -> Self {
        if !enabled {
            return BuildRecord {
                file: None,
                inputs: None,
                last: None,
                pages: Vec::new(),
            };
        }
        let file = record_file(root, out, "build");
        let out = std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf());
        // The code (all of it: extraction and rendering) and the build's settings.
        let mut h = KeyHasher::new("build");
        h.str(identity.extraction)
            .str(identity.rendering)
            .path(&out)
            .flag(build_date.is_some());
        if let Some(date) = build_date {
            h.date(date);
        }
        let listed = ["report.yaml", "content", "templates"]
            .iter()
            .all(|name| list_into(&root.join(name), Path::new(name), &mut h));
        let bytes = std::fs::read(&file).unwrap_or_default();
        let (first, pages) = bytes
            .iter()
            .position(|&b| b == b'\n')
            .map_or((&bytes[..0], &bytes[..0]), |at| bytes.split_at(at));
        BuildRecord {
            file: Some(file),
            inputs: listed.then(|| h.finish()),
            last: serde_json::from_slice(first).ok().flatten(),
            pages: pages.to_vec(),
        }
    }

    /// The last build, when nothing it read or wrote changed since.
    pub fn unchanged(&self, out: &Path) -> Option<&LastBuild> {
        let last = self.last.as_ref()?;
        (Some(last.inputs) == self.inputs && Some(last.output) == output_key(out)).then_some(last)
    }

    /// The key of each page of the last build, by path.
    pub fn pages(&self) -> BTreeMap<String, u64> {
        serde_json::from_slice(&self.pages).unwrap_or_default()
    }

    /// Records a published build: its pages' keys, and with `counts` (articles, briefings,
    /// claims, files; given when it had no diagnostic) what it read and wrote.
    pub fn store(
        &self,
        out: &Path,
        pages: &BTreeMap<String, u64>,
        counts: Option<(usize, usize, usize, usize)>,
    ) {
        let Some(file) = &self.file else { return };
        let last = match (self.inputs, counts) {
            (Some(inputs), Some((articles, briefings, claims, files))) => {
                output_key(out).map(|output| LastBuild {
                    inputs,
                    output,
                    articles,
                    briefings,
                    claims,
                    files,
                })
            }
            _ => None,
        };
        let (Ok(mut bytes), Ok(pages)) = (serde_json::to_vec(&last), serde_json::to_vec(pages))
        else {
            return;
        };
        bytes.push(b'\n');
        bytes.extend(pages);
        bytes.push(b'\n');
        store_bytes(file, &bytes);
    }
}

/// The file of a per-output record: `.report-cache/<kind>-<hash of the absolute output
/// path>.json`, so that builds into different folders keep their own. (What the record holds is
/// keyed by the code's identity inside, so a file left by other code is read and finds nothing to
/// reuse, then is replaced.)
fn record_file(root: &Path, out: &Path, kind: &str) -> PathBuf {
    let mut h = KeyHasher::new("output folder");
    h.path(&std::path::absolute(out).unwrap_or_else(|_| out.to_path_buf()));
    root.join(CACHE_DIR)
        .join(format!("{kind}-{}.json", h.finish_hex()))
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

/// The key of every file of the output folder: names, sizes, modification times.
fn output_key(out: &Path) -> Option<u64> {
    let mut h = KeyHasher::new("output");
    list_into(out, Path::new(""), &mut h).then(|| h.finish())
}

/// Feeds `path` (shown as `shown`) and everything under it to `h`: names, kinds, sizes and
/// modification times, in sorted order. A missing path counts as such. False when a symlink is
/// met, or a folder cannot be listed.
fn list_into(path: &Path, shown: &Path, h: &mut KeyHasher) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        h.path(shown).str("missing");
        return true;
    };
    if meta.file_type().is_symlink() {
        return false;
    }
    list_entry(path, shown, &meta, h)
}

/// [`list_into`] of a path whose metadata is known. The entries of a folder are stat'ed through
/// the folder (`DirEntry::metadata`, relative to its open descriptor) rather than by their whole
/// path, which the kernel would resolve again from the root for each of the tens of thousands of
/// files of a large site: a build with nothing to do spent most of its time there.
fn list_entry(path: &Path, shown: &Path, meta: &std::fs::Metadata, h: &mut KeyHasher) -> bool {
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok());
    h.path(shown)
        .str(if meta.is_dir() { "folder" } else { "file" })
        .u64(meta.len())
        .flag(modified.is_some());
    if let Some(modified) = modified {
        h.u64(modified.as_secs())
            .u64(u64::from(modified.subsec_nanos()));
    }
    if !meta.is_dir() {
        return true;
    }
    let Ok(entries) = std::fs::read_dir(path) else {
        return false;
    };
    let mut children: Vec<(std::ffi::OsString, Option<std::fs::Metadata>)> = entries
        .filter_map(|e| e.ok())
        .map(|e| (e.file_name(), e.metadata().ok()))
        .collect();
    children.sort_by(|a, b| a.0.cmp(&b.0));
    children.iter().all(|(name, meta)| {
        let shown = shown.join(name);
        match meta {
            // Gone since the folder was read.
            None => {
                h.path(&shown).str("missing");
                true
            }
            Some(meta) if meta.file_type().is_symlink() => false,
            Some(meta) => list_entry(&path.join(name), &shown, meta, h),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The key of a folder changes with any file below it (content, a new file, a removed one)
    /// and stays when nothing changed; a symlink anywhere below makes no key.
    #[test]
    fn an_output_key_sees_every_file_below_it() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        std::fs::create_dir_all(out.join("a/b")).unwrap();
        std::fs::write(out.join("a/b/page.html"), "one").unwrap();
        std::fs::write(out.join("index.html"), "home").unwrap();
        let first = output_key(&out).unwrap();
        assert_eq!(output_key(&out), Some(first), "nothing changed");
        std::fs::write(out.join("a/b/page.html"), "two!").unwrap();
        let edited = output_key(&out).unwrap();
        assert_ne!(edited, first, "a nested file edited");
        std::fs::write(out.join("a/new.html"), "").unwrap();
        let added = output_key(&out).unwrap();
        assert_ne!(added, edited, "a file added");
        std::fs::remove_file(out.join("a/new.html")).unwrap();
        assert_ne!(output_key(&out), Some(added), "a file removed");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(out.join("index.html"), out.join("a/b/link.html")).unwrap();
            assert_eq!(output_key(&out), None, "a symlink below");
        }
    }
}
