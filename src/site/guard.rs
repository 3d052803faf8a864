//! Which folders a build may replace. A build replaces its output folder whole, so a wrong
//! `--out` or `output:` would destroy whatever is there: the output must be a folder that an
//! earlier build wrote (it carries [`MARKER`]), an empty folder, or a new one. Anything else needs
//! `--force`, and some places are refused even then.

use std::path::{Component, Path, PathBuf};

use crate::error::Error;

/// The file every build writes into its output; its presence says "report wrote this folder".
pub const MARKER: &str = ".report-site";

/// What the marker says to whoever opens it.
pub(super) const MARKER_TEXT: &str = "This folder is written by `report build` and replaced whole by each build.\n\
Files put here by hand are lost at the next build.\n";

/// Refuses an output folder whose replacement would lose data:
/// - always: the project folder or one of its ancestors; a folder inside the project's content,
///   templates or cache; the file system root; the home folder; a `.git` folder or anything inside
///   one; a file; a mount point (it cannot be renamed aside);
/// - unless `force`: an existing folder that has files but no [`MARKER`] (a build did not make it).
pub fn check_output_folder(root: &Path, out: &Path, force: bool) -> Result<(), Error> {
    let root = resolve(root);
    let out_r = resolve(out);
    let refuse = |reason: String| {
        Err(Error::UnsafeOutput {
            path: out.to_path_buf(),
            reason,
        })
    };
    if out_r.parent().is_none() {
        return refuse("it is the root of the file system".into());
    }
    if home().is_some_and(|home| resolve(&home) == out_r) {
        return refuse("it is the home folder".into());
    }
    if out_r
        .components()
        .any(|c| c == Component::Normal(".git".as_ref()))
    {
        return refuse("it is a `.git` folder or inside one".into());
    }
    if root.starts_with(&out_r) {
        return refuse("it is the project folder or contains it".into());
    }
    for source in ["content", "templates", crate::cache::CACHE_DIR] {
        if out_r.starts_with(root.join(source)) {
            return refuse(format!("it is inside the project's `{source}` folder"));
        }
    }
    let Ok(meta) = std::fs::symlink_metadata(out) else {
        return Ok(()); // a new folder
    };
    if !meta.is_dir() && !meta.file_type().is_symlink() {
        return refuse("it is a file, not a folder".into());
    }
    if is_mount_point(out) {
        return refuse(
            "it is a mount point, which cannot be replaced by renaming; build into a folder \
             inside it (for example --out <mount>/site)"
                .into(),
        );
    }
    if force || out.join(MARKER).is_file() || is_empty_dir(out) {
        return Ok(());
    }
    refuse(format!(
        "it has files that no build of report wrote (it has no `{MARKER}` file), and a build \
         replaces the whole folder; choose another folder, or pass --force to replace it"
    ))
}

fn is_empty_dir(path: &Path) -> bool {
    std::fs::read_dir(path).is_ok_and(|mut entries| entries.next().is_none())
}

/// True when `path` is on another device than its parent folder.
#[cfg(unix)]
fn is_mount_point(path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let path = resolve(path);
    let (Some(parent), Ok(meta)) = (path.parent(), std::fs::metadata(&path)) else {
        return false;
    };
    std::fs::metadata(parent).is_ok_and(|p| p.dev() != meta.dev())
}

#[cfg(not(unix))]
fn is_mount_point(_path: &Path) -> bool {
    false
}

fn home() -> Option<PathBuf> {
    std::env::var_os("HOME")
        .or_else(|| std::env::var_os("USERPROFILE"))
        .filter(|h| !h.is_empty())
        .map(PathBuf::from)
}

/// An absolute path with symlinks resolved as far as the path exists, and `.`/`..` folded.
fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    // Canonicalize the longest existing ancestor, then add the rest.
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => break,
        }
    }
    let mut resolved = std::fs::canonicalize(existing).unwrap_or_else(|_| existing.to_path_buf());
    for name in rest.into_iter().rev() {
        if name == ".." {
            resolved.pop();
        } else if name != "." {
            resolved.push(name);
        }
    }
    resolved
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(root: &Path, out: &Path, force: bool) -> Option<String> {
        check_output_folder(root, out, force)
            .err()
            .map(|e| e.to_string())
    }

    #[test]
    fn a_folder_no_build_wrote_is_replaced_only_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("project");
        let work = dir.path().join("work");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::create_dir_all(&work).unwrap();
        std::fs::write(work.join("thesis.tex"), "years of it").unwrap();
        let why = refused(&root, &work, false).unwrap();
        assert!(why.contains("--force") && why.contains(MARKER), "{why}");
        assert!(refused(&root, &work, true).is_none());
        // An empty folder, a new one and one a build wrote are fine.
        std::fs::create_dir_all(dir.path().join("empty")).unwrap();
        assert!(refused(&root, &dir.path().join("empty"), false).is_none());
        assert!(refused(&root, &dir.path().join("new/site"), false).is_none());
        std::fs::write(work.join(MARKER), MARKER_TEXT).unwrap();
        assert!(refused(&root, &work, false).is_none());
    }

    #[test]
    fn git_files_home_and_the_file_system_root_are_refused_even_with_force() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("project");
        std::fs::create_dir_all(root.join(".git/objects")).unwrap();
        std::fs::write(root.join("report.yaml"), "title: T\n").unwrap();
        for (out, reason) in [
            (root.join(".git"), "`.git`"),
            (root.join(".git/objects"), "`.git`"),
            (root.join("report.yaml"), "a file"),
            (PathBuf::from("/"), "root of the file system"),
            (root.clone(), "project folder"),
            (root.join("content/site"), "`content`"),
            (root.join(".report-cache"), "`.report-cache`"),
        ] {
            let why = refused(&root, &out, true).unwrap_or_default();
            assert!(why.contains(reason), "{}: {why}", out.display());
        }
        if let Some(home) = home().filter(|h| h.is_dir()) {
            let why = refused(&root, &home, true).unwrap_or_default();
            assert!(why.contains("home folder"), "{why}");
        }
    }
}
