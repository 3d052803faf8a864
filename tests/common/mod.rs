//! Helpers for integration tests: a throw-away project folder seeded from the example content.

#![allow(dead_code, unreachable_pub)]

use std::path::{Path, PathBuf};

/// A project in a temporary folder.
pub struct TestProject {
    pub dir: tempfile::TempDir,
}

impl TestProject {
    /// An empty project.
    pub fn empty() -> Self {
        TestProject {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// The smallest project: an empty `content/` folder (commands refuse a folder with neither
    /// `report.yaml` nor `content/`, issue 18).
    pub fn bare() -> Self {
        let p = Self::empty();
        std::fs::create_dir(p.root().join("content")).unwrap();
        p
    }

    /// A project holding a copy of the example `content/` and `report.yaml` (no templates, so the
    /// embedded defaults are used).
    pub fn example() -> Self {
        let p = Self::empty();
        copy_dir(Path::new("content"), &p.root().join("content"));
        std::fs::copy("report.yaml", p.root().join("report.yaml")).unwrap();
        p
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn site(&self) -> PathBuf {
        self.root().join("site")
    }

    /// Writes a file under the project root.
    pub fn write(&self, rel: &str, text: &str) {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Reads a file of the built site.
    pub fn read_site(&self, rel: &str) -> String {
        std::fs::read_to_string(self.site().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
    }

    /// The files `claims/index.json` or `figures/index.json` lists, in its order (oldest month
    /// first), read from the built site.
    pub fn months(&self, export: &str) -> Vec<String> {
        let index: serde_json::Value =
            serde_json::from_str(&self.read_site(&format!("{export}/index.json"))).unwrap();
        index["months"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| self.read_site(m["path"].as_str().unwrap()))
            .collect()
    }

    /// Every article of the built site's `claims/<month>.json` files.
    pub fn claims(&self) -> Vec<serde_json::Value> {
        self.months("claims")
            .iter()
            .flat_map(|text| {
                let month: serde_json::Value = serde_json::from_str(text).unwrap();
                month["articles"].as_array().unwrap().clone()
            })
            .collect()
    }

    /// The built site's `figures/<month>.csv` files as one CSV: the header once, then every
    /// month's rows.
    pub fn figures_csv(&self) -> String {
        let mut out = String::new();
        for (i, text) in self.months("figures").iter().enumerate() {
            let (header, rows) = text.split_once('\n').unwrap();
            if i == 0 {
                out.push_str(header);
                out.push('\n');
            }
            out.push_str(rows);
        }
        out
    }

    /// Builds with the library, without the cache.
    pub fn build(&self) -> report::BuildOutcome {
        self.build_with(false)
    }

    /// Builds with the library, with the cache in `.report-cache/` when `cache` is set.
    pub fn build_with(&self, cache: bool) -> report::BuildOutcome {
        report::build(&report::BuildOptions {
            root: self.root().to_path_buf(),
            out: None,
            build_date: None,
            cache,
            progress: None,
            force: false,
        })
        .unwrap()
    }

    /// Diagnostics of a build, one string each.
    pub fn diagnostics(&self) -> Vec<String> {
        self.build()
            .diagnostics
            .iter()
            .map(|d| d.to_string())
            .collect()
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Every value of `attr="…"` in `html`, in order.
pub fn attr_values(html: &str, attr: &str) -> Vec<String> {
    let needle = format!("{attr}=\"");
    html.match_indices(&needle)
        .map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .collect()
}

/// The text between `start` and the next `end` after it.
pub fn between<'a>(html: &'a str, start: &str, end: &str) -> &'a str {
    let s = html.find(start).unwrap_or_else(|| panic!("no {start}")) + start.len();
    let e = s + html[s..].find(end).unwrap_or_else(|| panic!("no {end}"));
    &html[s..e]
}

/// Runs the `report` binary in `cwd` (without `SOURCE_DATE_EPOCH`): exit code, stdout, stderr.
pub fn report(args: &[&str], cwd: &Path) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_report"))
        .args(args)
        .current_dir(cwd)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// Every file below `dir`, relative path → bytes.
pub fn tree(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                out.insert(rel, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

pub fn many_articles(p: &TestProject, n: usize) {
    for i in 0..n {
        p.write(
            &format!("content/articles/a{i:04}.md"),
            &format!(
                "---\ntitle: Story {i}\nsource: Wire\npublished: 2024-03-{:02}\ntags: [t]\n---\n\
                 Officials said on Monday that about {i},000 people had left since January. \
                 The ministry said the following week that a further 300 had returned.\n",
                1 + i % 28
            ),
        );
    }
    p.write(
        "content/briefings/b.md",
        "---\ntitle: B\ntags: [t]\n---\nText.\n",
    );
}
