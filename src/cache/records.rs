//! The record of the last successful build into one output folder (see the [module
//! docs](super)): three files, each a hint only. A missing or unreadable one means more work,
//! never a wrong output.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{CACHE_DIR, Identity, KeyHasher};

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
    /// The stamp for builds of `root` into `out` on `build_date` by the code of `identity` (none
    /// when `enabled` is false). Reads the inputs' listing now: a file changed after this call
    /// makes the next build run.
    pub fn open(
        root: &Path,
        out: &Path,
        build_date: Option<chrono::NaiveDate>,
        enabled: bool,
        identity: Identity,
    ) -> Self {
        if !enabled {
            return BuildStamp {
                file: None,
                inputs: None,
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
    let mut names: Vec<std::ffi::OsString> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name())
        .collect();
    names.sort();
    names
        .iter()
        .all(|name| list_into(&path.join(name), &shown.join(name), h))
}
