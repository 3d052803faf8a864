//! Rendered files in, the published output folder out. The only module that writes to disk.
//!
//! Publishing is atomic as far as the file system allows: everything is written into a staging
//! folder beside the output, and only when every file is written is the old output moved aside
//! and the staging folder renamed into its place. A failed or killed build leaves the previous
//! output as it was; leftovers of a killed build are removed by the next one, never those of a
//! build that is still running. Which folders may be replaced at all is [`guard`]'s business;
//! one build at a time per project is [`lock`]'s.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

mod guard;
mod lock;

pub use guard::{MARKER, check_output_folder};
pub use lock::BuildLock;

use crate::error::Error;
use crate::render::is_safe_output_path;

/// One file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    /// Contents.
    pub contents: Vec<u8>,
}

/// A new output being written beside the published one. Dropped without [`Staging::commit`], it
/// removes itself and the published output stays as it was.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    out: PathBuf,
    old: PathBuf,
    committed: bool,
    /// Every path written or linked, to check the staging folder against before publishing it.
    written: Mutex<BTreeSet<String>>,
    /// Problems that did not stop the build (a leftover that could not be removed).
    warnings: Vec<String>,
}

impl Staging {
    /// Starts a new output for `out`: removes leftovers of killed builds and creates the staging
    /// folder beside `out`, with the [`MARKER`] that lets later builds replace it.
    pub fn begin(out: &Path) -> Result<Staging, Error> {
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .ok_or_else(|| Error::UnsafeOutput {
                path: out.to_path_buf(),
                reason: "it has no folder name".into(),
            })?;
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|source| Error::Write {
            path: parent.to_path_buf(),
            source,
        })?;
        let warnings = remove_leftovers(parent, &name);
        let pid = std::process::id();
        let dir = parent.join(format!(".{name}.staging-{pid}"));
        std::fs::create_dir_all(&dir).map_err(|source| Error::Write {
            path: dir.clone(),
            source,
        })?;
        let marker = dir.join(MARKER);
        std::fs::write(&marker, guard::MARKER_TEXT).map_err(|source| Error::Write {
            path: marker,
            source,
        })?;
        Ok(Staging {
            dir,
            out: out.to_path_buf(),
            old: parent.join(format!(".{name}.old-{pid}")),
            committed: false,
            written: Mutex::new(BTreeSet::new()),
            warnings,
        })
    }

    /// Writes one file (from any thread). The path must stay inside the output folder.
    pub fn write(&self, path: &str, contents: &[u8]) -> Result<(), Error> {
        let full = self.prepare(path)?;
        std::fs::write(&full, contents).map_err(|source| Error::Write {
            path: full.clone(),
            source,
        })
    }

    /// Opens one file for writing (from any thread), for output made piece by piece. The path
    /// must stay inside the output folder.
    pub fn create(&self, path: &str) -> Result<std::io::BufWriter<std::fs::File>, Error> {
        let full = self.prepare(path)?;
        let file = std::fs::File::create(&full).map_err(|source| Error::Write {
            path: full.clone(),
            source,
        })?;
        Ok(std::io::BufWriter::with_capacity(256 * 1024, file))
    }

    /// The full path of `path` in the staging folder, with its folder created.
    fn prepare(&self, path: &str) -> Result<PathBuf, Error> {
        if !is_safe_output_path(path) {
            return Err(Error::UnsafeOutput {
                path: PathBuf::from(path),
                reason: "an output path must stay inside the output folder".into(),
            });
        }
        let full = self.dir.join(path);
        create_parent(&full)?;
        self.note(path);
        Ok(full)
    }

    fn note(&self, path: &str) {
        self.written
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(path.to_string());
    }

    /// Puts the published output's file at `path` into the new output unchanged (a hard link, or a
    /// copy where links are not possible). False when the published output has no such file.
    pub fn link(&self, path: &str) -> Result<bool, Error> {
        if !is_safe_output_path(path) {
            return Ok(false);
        }
        let old = self.out.join(path);
        if !old.is_file() {
            return Ok(false);
        }
        let new = self.dir.join(path);
        create_parent(&new)?;
        self.note(path);
        if std::fs::hard_link(&old, &new).is_err() {
            std::fs::copy(&old, &new).map_err(|source| Error::Write {
                path: new.clone(),
                source,
            })?;
        }
        Ok(true)
    }

    /// Puts the new output in place of the published one, after checking that every file
    /// written is still there (nothing else may have touched the staging folder). Returns the
    /// warnings of the build's housekeeping: a leftover or an old output that could not be
    /// removed does not fail a build whose site was published.
    pub fn commit(mut self) -> Result<Vec<String>, Error> {
        self.verify()?;
        let mut warnings = std::mem::take(&mut self.warnings);
        warnings.extend(swap(&self.dir, &self.out, &self.old)?);
        self.committed = true;
        Ok(warnings)
    }

    /// Fails unless the staging folder holds exactly the marker and every file written.
    fn verify(&self) -> Result<(), Error> {
        let written = self
            .written
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut found = 0usize;
        let mut missing = None;
        count_files(&self.dir, &mut found);
        for path in written.iter() {
            if !self.dir.join(path).is_file() {
                missing = Some(path.clone());
                break;
            }
        }
        if missing.is_none() && found == written.len() + 1 && self.dir.join(MARKER).is_file() {
            return Ok(());
        }
        Err(Error::Write {
            path: self.dir.clone(),
            source: std::io::Error::other(format!(
                "the staging folder changed while the site was written ({found} files found, {} \
                 written{}); the published site was left as it was",
                written.len() + 1,
                missing
                    .map(|m| format!(", {m} missing"))
                    .unwrap_or_default()
            )),
        })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

/// Creates the folder that `file` goes in.
fn create_parent(file: &Path) -> Result<(), Error> {
    match file.parent() {
        Some(dir) => std::fs::create_dir_all(dir).map_err(|source| Error::Write {
            path: dir.to_path_buf(),
            source,
        }),
        None => Ok(()),
    }
}

/// Writes `files` as the new content of `out`, replacing what was there.
pub fn write_site(files: &[OutputFile], out: &Path) -> Result<Vec<String>, Error> {
    let staging = Staging::begin(out)?;
    for file in files {
        staging.write(&file.path, &file.contents)?;
    }
    staging.commit()
}

/// Counts the files under `dir` (links included, not followed).
fn count_files(dir: &Path, found: &mut usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.filter_map(Result::ok) {
        match entry.file_type() {
            Ok(t) if t.is_dir() => count_files(&entry.path(), found),
            Ok(_) => *found += 1,
            Err(_) => {}
        }
    }
}

/// Renames `out` aside to `old`, `staging` into its place, and removes `old`. Failing to remove
/// `old` is a warning: the new site is published by then.
fn swap(staging: &Path, out: &Path, old: &Path) -> Result<Vec<String>, Error> {
    let had_output = out.exists();
    if had_output {
        std::fs::rename(out, old).map_err(|source| Error::Write {
            path: out.to_path_buf(),
            source,
        })?;
    }
    if let Err(source) = std::fs::rename(staging, out) {
        if had_output {
            let _ = std::fs::rename(old, out);
        }
        return Err(Error::Write {
            path: out.to_path_buf(),
            source,
        });
    }
    if had_output && let Err(e) = std::fs::remove_dir_all(old) {
        return Ok(vec![format!(
            "the site was published, but the previous one could not be removed from {}: {e}",
            old.display()
        )]);
    }
    Ok(Vec::new())
}

/// Removes staging and old folders left by builds that were killed, never one whose build is
/// still running. A `.old-` folder left while no output exists is the last good site: it is put
/// back first. What cannot be removed is reported, not fatal: it costs disk space, not data.
fn remove_leftovers(parent: &Path, name: &str) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Vec::new();
    };
    let out = parent.join(name);
    let staging = format!(".{name}.staging-");
    let old = format!(".{name}.old-");
    let mut leftovers: Vec<(PathBuf, bool)> = entries
        .filter_map(Result::ok)
        .filter_map(|e| {
            let f = e.file_name().to_string_lossy().into_owned();
            let (is_old, pid) = if let Some(pid) = f.strip_prefix(&staging) {
                (false, pid.to_string())
            } else {
                (true, f.strip_prefix(&old)?.to_string())
            };
            let alive = pid.parse().is_ok_and(process_is_running);
            (!alive).then(|| (e.path(), is_old))
        })
        .collect();
    leftovers.sort();
    let mut warnings = Vec::new();
    for (path, is_old) in leftovers {
        if is_old && !out.exists() && std::fs::rename(&path, &out).is_ok() {
            continue;
        }
        if let Err(e) = std::fs::remove_dir_all(&path) {
            warnings.push(format!(
                "a leftover of an earlier build could not be removed: {}: {e}",
                path.display()
            ));
        }
    }
    warnings
}

/// True when a process with this id runs (and is not this one: this process's own leftovers are
/// of an earlier build in it, such as `report serve`'s). Where that cannot be known, false: the
/// build lock already keeps two builds of one project apart.
fn process_is_running(pid: u32) -> bool {
    pid != std::process::id()
        && cfg!(target_os = "linux")
        && Path::new("/proc").join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            contents: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn replaces_the_output_whole() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        write_site(&[file("a.html", "1"), file("x/b.html", "2")], &out).unwrap();
        write_site(&[file("a.html", "3")], &out).unwrap();
        assert!(out.join(MARKER).is_file());
        assert_eq!(std::fs::read_to_string(out.join("a.html")).unwrap(), "3");
        assert!(!out.join("x").exists());
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["site"]);
    }

    #[test]
    fn a_failed_write_keeps_the_old_output() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        write_site(&[file("a.html", "1")], &out).unwrap();
        let err = write_site(&[file("b.html", "2"), file("../evil", "x")], &out);
        assert!(err.is_err());
        assert_eq!(std::fs::read_to_string(out.join("a.html")).unwrap(), "1");
        assert!(!out.join("b.html").exists());
        assert!(!dir.path().join("evil").exists());
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn the_staging_folder_of_a_running_build_is_never_removed() {
        let dir = tempfile::tempdir().unwrap();
        // Process 1 always runs.
        std::fs::create_dir_all(dir.path().join(".site.staging-1/x")).unwrap();
        assert!(remove_leftovers(dir.path(), "site").is_empty());
        assert!(dir.path().join(".site.staging-1/x").is_dir());
    }

    #[test]
    fn a_staging_folder_changed_under_the_build_is_not_published() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        write_site(&[file("a.html", "1")], &out).unwrap();
        let staging = Staging::begin(&out).unwrap();
        staging.write("a.html", b"2").unwrap();
        staging.write("b.html", b"2").unwrap();
        std::fs::remove_file(
            dir.path()
                .join(format!(".site.staging-{}/b.html", std::process::id())),
        )
        .unwrap();
        let err = staging.commit().unwrap_err().to_string();
        assert!(err.contains("b.html missing"), "{err}");
        assert_eq!(std::fs::read_to_string(out.join("a.html")).unwrap(), "1");
    }

    #[test]
    fn leftovers_of_a_killed_build_are_cleaned() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        // Process ids above Linux's largest (2^22) belong to no running process.
        std::fs::create_dir_all(dir.path().join(".site.staging-4194400/x")).unwrap();
        // Killed between the two renames: only the old copy exists.
        std::fs::create_dir_all(dir.path().join(".site.old-4194401")).unwrap();
        std::fs::write(dir.path().join(".site.old-4194401/a.html"), "old").unwrap();
        assert!(remove_leftovers(dir.path(), "site").is_empty());
        assert_eq!(std::fs::read_to_string(out.join("a.html")).unwrap(), "old");
        assert!(!dir.path().join(".site.staging-4194400").exists());
    }
}
