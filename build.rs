//! Build script: the build identity, two hashes of the code that makes the output, so that
//! nothing a build keeps for the next one is reused by a program that would make it otherwise.
//!
//! - `REPORT_EXTRACTION_ID`: the sources extraction runs (`EXTRACTION_SOURCES`: the extractor,
//!   the article loader it reads, the claims cache and what they use). The claims cache is keyed
//!   by it, so a template or page change does not extract every article again.
//! - `REPORT_RENDERING_ID`: every source under `src/` and the default templates. Page and export
//!   keys and the record of the last build are keyed by it.
//!
//! Both also cover what builds the code: `Cargo.toml`, `Cargo.lock` (the versions of every
//! dependency), this script, the package version and the compiler's version. Hashed with XXH3,
//! whose output is fixed by its specification, over each file's path and bytes in sorted order.
//! `REPORT_EXTRACTION_SOURCES` lists the extraction sources for the test that checks they
//! reach nothing outside themselves.

use std::path::{Path, PathBuf};

/// What extraction runs: folders and files under the package root.
const EXTRACTION_SOURCES: &[&str] = &[
    "src/extract",
    "src/content",
    "src/cache/mod.rs",
    "src/cache/entry.rs",
    "src/cache/key.rs",
    "src/binary.rs",
    "src/config.rs",
    "src/diagnostics.rs",
    "src/error.rs",
    "src/files.rs",
    "src/money.rs",
];

/// What rendering runs, and the defaults it renders.
const RENDERING_SOURCES: &[&str] = &["src", "templates"];

/// What builds the code, part of both identities.
const TOOLING: &[&str] = &["Cargo.toml", "Cargo.lock", "build.rs"];

fn main() {
    for path in RENDERING_SOURCES.iter().chain(TOOLING) {
        println!("cargo:rerun-if-changed={path}");
    }
    let compiler = std::process::Command::new(std::env::var("RUSTC").unwrap_or("rustc".into()))
        .arg("-vV")
        .output()
        .map(|o| o.stdout)
        .unwrap_or_default();
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let identity = |sources: &[&str]| {
        let mut files = Vec::new();
        for source in sources.iter().chain(TOOLING) {
            collect(Path::new(source), &mut files);
        }
        files.sort();
        files.dedup();
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for bytes in [version.as_bytes(), &compiler] {
            field(&mut h, bytes);
        }
        for file in files {
            let shown = file
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            field(&mut h, shown.as_bytes());
            field(&mut h, &std::fs::read(&file).unwrap_or_default());
        }
        format!("{:016x}", h.digest())
    };
    println!(
        "cargo:rustc-env=REPORT_EXTRACTION_ID={}",
        identity(EXTRACTION_SOURCES)
    );
    println!(
        "cargo:rustc-env=REPORT_RENDERING_ID={}",
        identity(RENDERING_SOURCES)
    );
    println!(
        "cargo:rustc-env=REPORT_EXTRACTION_SOURCES={}",
        EXTRACTION_SOURCES.join(",")
    );
}

/// Feeds `bytes` to `h` after their length, so that no two lists of fields run together alike.
fn field(h: &mut xxhash_rust::xxh3::Xxh3, bytes: &[u8]) {
    h.update(&(bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

/// `path` if it is a file, else every file below it (a missing path adds nothing).
fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    let Ok(meta) = std::fs::metadata(path) else {
        return;
    };
    if !meta.is_dir() {
        out.push(path.to_path_buf());
        return;
    }
    for entry in std::fs::read_dir(path).into_iter().flatten().flatten() {
        collect(&entry.path(), out);
    }
}
