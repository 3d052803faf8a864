//! The project commands besides building: a project folder and command arguments in, the files
//! created (or the templates listed) out, one module per command. Nothing here prints: the
//! binary decides how results look.

pub mod import;
pub mod init;
pub mod new;
pub mod strict;
pub mod templates;

use std::path::{Path, PathBuf};

/// Why a command could not do its job.
#[derive(Debug, thiserror::Error)]
pub enum CommandError {
    /// A file could not be read or written (the project's I/O error, naming the path).
    #[error(transparent)]
    Io(#[from] crate::error::Error),
    /// Files exist that the command would overwrite; nothing was written.
    #[error("{} already exist{}; nothing written (use --force to overwrite)", list(.0), if .0.len() == 1 { "s" } else { "" })]
    Exists(Vec<PathBuf>),
    /// A name given on the command line is not usable.
    #[error("{0}")]
    Usage(String),
}

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A file to create: its path relative to the project root, and its content.
#[derive(Debug, Clone)]
pub struct NewFile {
    /// Relative to the project root.
    pub path: PathBuf,
    /// What to write.
    pub contents: String,
}

/// Writes `files` under `root`. Without `force`, it first checks that none of them exists and
/// writes nothing if one does, so a refused command leaves the folder as it was. Returns the
/// relative paths written.
pub fn write_new_files(
    root: &Path,
    files: &[NewFile],
    force: bool,
) -> Result<Vec<PathBuf>, CommandError> {
    if !force {
        let existing: Vec<PathBuf> = files
            .iter()
            .filter(|f| root.join(&f.path).exists())
            .map(|f| f.path.clone())
            .collect();
        if !existing.is_empty() {
            return Err(CommandError::Exists(existing));
        }
    }
    let mut written = Vec::with_capacity(files.len());
    for f in files {
        let path = root.join(&f.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|source| crate::error::Error::Write {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        std::fs::write(&path, &f.contents).map_err(|source| crate::error::Error::Write {
            path: path.clone(),
            source,
        })?;
        written.push(f.path.clone());
    }
    Ok(written)
}

/// `text` as a YAML scalar: plain when that reads back as the same string, else double-quoted
/// (a JSON string is a valid YAML double-quoted scalar).
pub(crate) fn yaml_str(text: &str) -> String {
    const RESERVED: &[&str] = &[
        "true", "false", "yes", "no", "on", "off", "null", "y", "n", "~",
    ];
    let plain = text.chars().next().is_some_and(char::is_alphabetic)
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '.' | '\'' | '’' | '(' | ')'))
        && !text.ends_with(' ')
        && !RESERVED.contains(&text.to_lowercase().as_str());
    if plain {
        text.to_string()
    } else {
        serde_json::Value::String(text.to_string()).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_strings_quote_only_when_needed() {
        assert_eq!(yaml_str("Arms transfers"), "Arms transfers");
        assert_eq!(yaml_str("Yes"), "\"Yes\"");
        assert_eq!(yaml_str("a: b"), "\"a: b\"");
        assert_eq!(yaml_str("7,000 containers"), "\"7,000 containers\"");
        assert_eq!(yaml_str("say \"hi\""), "\"say \\\"hi\\\"\"");
        assert_eq!(yaml_str(""), "\"\"");
    }
}
