//! A folder in; whether it is a `report` project out. A project holds `report.yaml` or a
//! `content/` folder: commands that write a site, a cache or a new file refuse to run anywhere
//! else, so that `report build` in the home folder or `--root /typo` writes nothing.

use std::path::Path;

use crate::error::Error;

/// `Ok` when `root` is a project folder; else why not (no such folder, not a folder, neither
/// `report.yaml` nor `content/` in it).
pub fn require_project(root: &Path) -> Result<(), Error> {
    let path = root.to_path_buf();
    match std::fs::metadata(root) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::NoProjectFolder { path });
        }
        Err(source) => return Err(Error::Read { path, source }),
        Ok(m) if !m.is_dir() => return Err(Error::NotAProject { path, file: true }),
        Ok(_) => {}
    }
    if root.join("report.yaml").is_file() || root.join("content").is_dir() {
        Ok(())
    } else {
        Err(Error::NotAProject { path, file: false })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_project_has_report_yaml_or_content() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let err = require_project(root).unwrap_err().to_string();
        assert!(err.contains("neither report.yaml nor content/"), "{err}");
        assert!(err.contains("report init"), "{err}");
        std::fs::write(root.join("report.yaml"), "title: T\n").unwrap();
        assert!(require_project(root).is_ok());
        std::fs::remove_file(root.join("report.yaml")).unwrap();
        std::fs::create_dir(root.join("content")).unwrap();
        assert!(require_project(root).is_ok());
        let missing = root.join("typo");
        let err = require_project(&missing).unwrap_err().to_string();
        assert!(err.starts_with("no folder "), "{err}");
        std::fs::write(root.join("file"), "").unwrap();
        let err = require_project(&root.join("file")).unwrap_err().to_string();
        assert!(err.contains("is a file"), "{err}");
    }
}
