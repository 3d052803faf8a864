//! A folder of the project in, the files below it out: sorted, hidden files skipped, symlinks
//! followed only when they stay inside the project, each file read as UTF-8 with a diagnostic
//! (naming the byte offset) when it is not, and never more of it than a size limit.

use std::collections::BTreeSet;
use std::io::Read;
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

/// Why a file was not read whole.
#[derive(Debug)]
pub(crate) enum ReadError {
    /// Reading failed.
    Io(std::io::Error),
    /// Not a regular file (a device, a pipe, a folder): it could be endless.
    NotAFile,
    /// Longer than the limit: the first `limit` bytes, and the limit.
    TooLarge(Vec<u8>, u64),
}

/// The bytes of the regular file at `path` (links followed), reading at most `limit` bytes of
/// it: a file that goes on past them is [`ReadError::TooLarge`], however it grows meanwhile.
pub(crate) fn read_at_most(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Asked before opening, since opening a pipe waits for a writer; and again of what was
    // opened, in case the path changed in between.
    if !std::fs::metadata(path).map_err(ReadError::Io)?.is_file() {
        return Err(ReadError::NotAFile);
    }
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile);
    }
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize + 1);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        bytes.truncate(limit as usize);
        return Err(ReadError::TooLarge(bytes, limit));
    }
    Ok(bytes)
}

/// `bytes` as a size for people: "10 MB", "512 KB", "1500 bytes".
pub(crate) fn format_size(bytes: u64) -> String {
    match bytes {
        b if b >= 1_000_000 && b % 1_000_000 == 0 => format!("{} MB", b / 1_000_000),
        b if b >= 1_000 && b % 1_000 == 0 => format!("{} KB", b / 1_000),
        b => format!("{b} bytes"),
    }
}

/// The diagnostic for a file of `shown` that [`read_at_most`] refused, located where the file
/// passes the limit, its help naming the `report.yaml` setting of the limit if there is one;
/// `None` for an I/O error, which is the caller's to report.
pub(crate) fn refusal(
    shown: &Path,
    error: &ReadError,
    setting: Option<&str>,
) -> Option<Diagnostic> {
    match error {
        ReadError::Io(_) => None,
        ReadError::NotAFile => Some(
            Diagnostic::error(shown, "not a regular file (a device, a pipe or a folder)")
                .with_help("give the path of a text file"),
        ),
        ReadError::TooLarge(prefix, limit) => {
            // Where the first byte past the limit sits: lines and characters of what was read.
            let line = prefix.iter().filter(|&&b| b == b'\n').count() + 1;
            let line_start = prefix
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&prefix[line_start..])
                .chars()
                .count()
                + 1;
            Some(
                Diagnostic::error(
                    shown,
                    format!(
                        "the file is larger than the {} limit; it goes on past here",
                        format_size(*limit)
                    ),
                )
                .at(line, column)
                .with_help(match setting {
                    Some(setting) => format!(
                        "split it, or raise `{setting}` in report.yaml (now {})",
                        format_size(*limit)
                    ),
                    None => "split it".to_string(),
                }),
            )
        }
    }
}

/// Reads `path` as UTF-8, at most `limit` bytes of it (`setting` names the limit's key in
/// `report.yaml`, if it has one). A file that is not UTF-8 gives a diagnostic at the first bad
/// byte (shown under `shown`) and `None`; so does a file larger than `limit`, at the place it
/// passes it.
pub(crate) fn read_text(
    path: &Path,
    shown: &Path,
    (limit, setting): (u64, Option<&str>),
    diags: &mut Diagnostics,
) -> Result<Option<String>, Error> {
    let bytes = match read_at_most(path, limit) {
        Ok(bytes) => bytes,
        Err(ReadError::Io(source)) => {
            return Err(Error::Read {
                path: path.to_path_buf(),
                source,
            });
        }
        Err(e) => {
            if let Some(d) = refusal(shown, &e, setting) {
                diags.push(d);
            }
            return Ok(None);
        }
    };
    match String::from_utf8(bytes) {
        // A byte-order mark is no part of the text (front matter starts after it).
        Ok(text) => Ok(Some(match text.strip_prefix('\u{feff}') {
            Some(rest) => rest.to_string(),
            None => text,
        })),
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
