//! A folder of the project in, the files below it out: sorted, hidden files skipped, symlinks
//! followed only when they stay inside the project, each file read as UTF-8 with a diagnostic
//! (naming the byte offset) when it is not.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::error::Error;

/// Every file below `dir` whose name passes `accept`, sorted. Symlinks that resolve outside
/// `root` (or that are broken) are reported as warnings and not followed; symlinked folders are
/// visited once, so a link loop cannot hang the walk.
pub(crate) fn list_files(
    root: &Path,
    dir: &Path,
    accept: &dyn Fn(&Path) -> bool,
    diags: &mut Diagnostics,
) -> Result<Vec<PathBuf>, Error> {
    let mut out = Vec::new();
    if !dir.is_dir() {
        return Ok(out);
    }
    let root_real = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let mut visited: BTreeSet<PathBuf> = BTreeSet::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let real = std::fs::canonicalize(&d).unwrap_or_else(|_| d.clone());
        if !visited.insert(real) {
            continue;
        }
        let entries = std::fs::read_dir(&d).map_err(|source| Error::Read {
            path: d.clone(),
            source,
        })?;
        for entry in entries {
            let entry = entry.map_err(|source| Error::Read {
                path: d.clone(),
                source,
            })?;
            let path = entry.path();
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let file_type = entry.file_type().map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })?;
            if file_type.is_symlink() {
                let shown = path.strip_prefix(root).unwrap_or(&path);
                match std::fs::canonicalize(&path) {
                    Ok(target) if target.starts_with(&root_real) => {}
                    Ok(_) => {
                        diags.push(
                            Diagnostic::warning(
                                shown,
                                "symbolic link points outside the project; not followed",
                            )
                            .with_help("copy the file into the project instead"),
                        );
                        continue;
                    }
                    Err(_) => {
                        diags.push(Diagnostic::warning(shown, "broken symbolic link; skipped"));
                        continue;
                    }
                }
            }
            if path.is_dir() {
                stack.push(path);
            } else if path.is_file() && accept(&path) {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Reads `path` as UTF-8. A file that is not UTF-8 gives a diagnostic at the first bad byte
/// (shown under `shown`) and `None`.
pub(crate) fn read_text(
    path: &Path,
    shown: &Path,
    diags: &mut Diagnostics,
) -> Result<Option<String>, Error> {
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Some(text)),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let prefix = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
            diags.push(
                Diagnostic::error(
                    shown,
                    format!("the file is not UTF-8 (invalid byte at offset {at})"),
                )
                .at_offset(&prefix, at)
                .with_help("save the file as UTF-8"),
            );
            Ok(None)
        }
    }
}

/// True when `path` has one of `extensions`.
pub(crate) fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.contains(&e))
}
