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
