//! Fatal errors: the build cannot go on (I/O on the output folder, an unreadable directory).
//! Problems in the user's content are [`crate::diagnostics::Diagnostic`]s instead.

use std::path::PathBuf;

/// A failure that stops the run. Every I/O variant names the path.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Reading a file or directory failed.
    #[error("cannot read {path}: {source}")]
    Read {
        /// What could not be read.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// Writing the output failed.
    #[error("cannot write {path}: {source}")]
    Write {
        /// What could not be written.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// `serve` cannot listen on its port because another program does.
    #[error(
        "port {port} is already in use (another `report serve`?); stop it, or choose another port with --port (0 picks a free one)"
    )]
    PortInUse {
        /// The port asked for.
        port: u16,
    },
    /// `serve` cannot listen for another reason.
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        /// The address.
        addr: String,
        /// Why.
        source: std::io::Error,
    },
    /// The output folder is unsafe to replace (it is the project root or contains the content).
    #[error("refusing to use {path} as the output folder: {reason}")]
    UnsafeOutput {
        /// The output folder.
        path: PathBuf,
        /// Why it is refused.
        reason: String,
    },
    /// The project folder given (`--root`) does not exist.
    #[error("no folder {path}: give the project's folder with --root, or create a project there with `report init {path}`", path = .path.display())]
    NoProjectFolder {
        /// The folder asked for.
        path: PathBuf,
    },
    /// The folder holds neither `report.yaml` nor `content/` (or is a file).
    #[error("{} is not a report project: {}; create one with `report init`, or give the project's folder with --root", shown_folder(.path), if *.file { "it is a file" } else { "it has neither report.yaml nor content/" })]
    NotAProject {
        /// The folder.
        path: PathBuf,
        /// It is a file, not a folder.
        file: bool,
    },
    /// The cache folder is or holds a symbolic link: the cache removes files, and never where a
    /// link points.
    #[error("refusing to use the cache {path}: {reason}")]
    UnsafeCache {
        /// The link.
        path: PathBuf,
        /// Why it is refused, and what to do.
        reason: String,
    },
}

/// A folder as the user named it; the current folder in words.
fn shown_folder(path: &std::path::Path) -> String {
    if path.as_os_str().is_empty() || path == std::path::Path::new(".") {
        "this folder".to_string()
    } else {
        path.display().to_string()
    }
}
