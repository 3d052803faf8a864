//! One build at a time per project: an exclusive lock on `.report-cache/build.lock`, held from
//! the comparison with the last build to the publishing of the new one. A second build (another
//! terminal, or `report serve` rebuilding) waits for the first instead of removing its staging
//! folder. The lock is the operating system's (`flock`/`LockFileEx`), so it is released when its
//! holder exits, even when killed.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use crate::error::Error;

/// The lock file's name, in the cache folder.
const LOCK_FILE: &str = "build.lock";

/// A held build lock; dropped, it is released.
#[derive(Debug)]
pub struct BuildLock {
    _file: File,
}

impl BuildLock {
    /// Takes the build lock of the project whose cache folder is `cache_dir`. When another build
    /// holds it, calls `waiting` with that build's process id (when it wrote one) and blocks until
    /// it is released.
    pub fn acquire(
        cache_dir: &Path,
        waiting: impl FnOnce(Option<u32>),
    ) -> Result<BuildLock, Error> {
        std::fs::create_dir_all(cache_dir).map_err(|source| Error::Write {
            path: cache_dir.to_path_buf(),
            source,
        })?;
        let path = cache_dir.join(LOCK_FILE);
        let mut file = open(&path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                waiting(holder(&mut file));
                file.lock().map_err(|source| lock_error(&path, source))?;
            }
            Err(TryLockError::Error(source)) => return Err(lock_error(&path, source)),
        }
        // Name the holder for a build that has to wait.
        let _ = file.set_len(0);
        let _ = file.seek(SeekFrom::Start(0));
        let _ = write!(file, "{}", std::process::id());
        let _ = file.flush();
        Ok(BuildLock { _file: file })
    }
}

fn open(path: &PathBuf) -> Result<File, Error> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(|source| Error::Write {
            path: path.clone(),
            source,
        })
}

fn lock_error(path: &Path, source: std::io::Error) -> Error {
    Error::Write {
        path: path.to_path_buf(),
        source,
    }
}

/// The process id the holder wrote into the lock file.
fn holder(file: &mut File) -> Option<u32> {
    let mut text = String::new();
    file.seek(SeekFrom::Start(0)).ok()?;
    file.take(32).read_to_string(&mut text).ok()?;
    text.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn a_second_build_waits_for_the_first_and_learns_its_pid() {
        let dir = tempfile::tempdir().unwrap();
        let first = BuildLock::acquire(dir.path(), |_| panic!("nothing holds it")).unwrap();
        let (tx, rx) = mpsc::channel();
        let cache = dir.path().to_path_buf();
        let second = std::thread::spawn(move || {
            let waited = std::sync::Mutex::new(None);
            let lock = BuildLock::acquire(&cache, |pid| *waited.lock().unwrap() = Some(pid));
            tx.send(()).unwrap();
            (lock.is_ok(), waited.into_inner().unwrap())
        });
        // The second one must still be waiting while the first holds the lock.
        assert!(rx.recv_timeout(Duration::from_millis(300)).is_err());
        drop(first);
        rx.recv_timeout(Duration::from_secs(10)).unwrap();
        let (ok, waited) = second.join().unwrap();
        assert!(ok);
        assert_eq!(waited, Some(Some(std::process::id())));
    }
}
