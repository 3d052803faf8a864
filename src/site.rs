//! Rendered files in, the published output folder out. The only module that writes to disk.
//!
//! Publishing is atomic as far as the file system allows: everything is written into a staging
//! folder beside the output, and only when every file is written is the old output moved aside
//! and the staging folder renamed into its place. A failed or killed build leaves the previous
//! output as it was; leftovers of a killed build are removed by the next one.

use std::path::{Path, PathBuf};

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
}

impl Staging {
    /// Starts a new output for `out`: removes leftovers of killed builds and creates the staging
    /// folder beside `out`.
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
        remove_leftovers(parent, &name)?;
        let pid = std::process::id();
        let dir = parent.join(format!(".{name}.staging-{pid}"));
        std::fs::create_dir_all(&dir).map_err(|source| Error::Write {
            path: dir.clone(),
            source,
        })?;
        Ok(Staging {
            dir,
            out: out.to_path_buf(),
            old: parent.join(format!(".{name}.old-{pid}")),
            committed: false,
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
        Ok(full)
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
        if std::fs::hard_link(&old, &new).is_err() {
            std::fs::copy(&old, &new).map_err(|source| Error::Write {
                path: new.clone(),
                source,
            })?;
        }
        Ok(true)
    }

    /// The published output's file at `path`, opened for reading, when there is one.
    pub fn published(&self, path: &str) -> Option<std::fs::File> {
        if !is_safe_output_path(path) {
            return None;
        }
        std::fs::File::open(self.out.join(path)).ok()
    }

    /// Where the new output's file at `path` is written (`path` must be safe, as for
    /// [`Staging::write`]).
    pub fn staged(&self, path: &str) -> Option<PathBuf> {
        is_safe_output_path(path).then(|| self.dir.join(path))
    }

    /// Puts the new output in place of the published one.
    pub fn commit(mut self) -> Result<(), Error> {
        swap(&self.dir, &self.out, &self.old)?;
        self.committed = true;
        Ok(())
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
pub fn write_site(files: &[OutputFile], out: &Path) -> Result<(), Error> {
    let staging = Staging::begin(out)?;
    for file in files {
        staging.write(&file.path, &file.contents)?;
    }
    staging.commit()
}

fn swap(staging: &Path, out: &Path, old: &Path) -> Result<(), Error> {
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
    if had_output {
        std::fs::remove_dir_all(old).map_err(|source| Error::Write {
            path: old.to_path_buf(),
            source,
        })?;
    }
    Ok(())
}

/// Removes staging and old folders left by builds that were killed. A `.old-` folder left while
/// no output exists is the last good site: it is put back first.
fn remove_leftovers(parent: &Path, name: &str) -> Result<(), Error> {
    let Ok(entries) = std::fs::read_dir(parent) else {
        return Ok(());
    };
    let out = parent.join(name);
    let mut leftovers: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name().is_some_and(|f| {
                let f = f.to_string_lossy();
                f.starts_with(&format!(".{name}.staging-"))
                    || f.starts_with(&format!(".{name}.old-"))
            })
        })
        .collect();
    leftovers.sort();
    for path in leftovers {
        let is_old = path
            .file_name()
            .is_some_and(|f| f.to_string_lossy().starts_with(&format!(".{name}.old-")));
        if is_old && !out.exists() {
            std::fs::rename(&path, &out).map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
            continue;
        }
        std::fs::remove_dir_all(&path).map_err(|source| Error::Write {
            path: path.clone(),
            source,
        })?;
    }
    Ok(())
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

    #[test]
    fn leftovers_of_a_killed_build_are_cleaned() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        std::fs::create_dir_all(dir.path().join(".site.staging-1/x")).unwrap();
        // Killed between the two renames: only the old copy exists.
        std::fs::create_dir_all(dir.path().join(".site.old-1")).unwrap();
        std::fs::write(dir.path().join(".site.old-1/a.html"), "old").unwrap();
        remove_leftovers(dir.path(), "site").unwrap();
        assert_eq!(std::fs::read_to_string(out.join("a.html")).unwrap(), "old");
        assert!(!dir.path().join(".site.staging-1").exists());
    }
}
