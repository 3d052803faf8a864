//! Fuzzes the whole pipeline on one article: the input becomes `content/articles/a.md` in a
//! project with a fixed briefing, then load → extract → assemble → render → write into a
//! temporary output folder.
#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

const BRIEFING: &str =
    "---\ntitle: Fuzz\nsummary: Everything.\narticles: [a]\ntags: [x]\n---\nBody.\n";

/// One project folder per process, reused: only the article changes between runs.
fn project() -> &'static (tempfile::TempDir, PathBuf) {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let briefings = dir.path().join("content/briefings");
        std::fs::create_dir_all(&briefings).expect("briefings dir");
        std::fs::create_dir_all(dir.path().join("content/articles")).expect("articles dir");
        std::fs::write(briefings.join("b.md"), BRIEFING).expect("briefing");
        let out = dir.path().join("out");
        (dir, out)
    })
}

fuzz_target!(|data: &[u8]| {
    let (dir, out) = project();
    // Raw bytes: a file that is not UTF-8 must become a diagnostic too.
    std::fs::write(dir.path().join("content/articles/a.md"), data).expect("article");
    let options = report::BuildOptions {
        root: dir.path().to_path_buf(),
        out: Some(out.clone()),
        build_date: None,
        cache: false,
        progress: None,
        force: false,
    };
    let outcome = report::build(&options).expect("build on a writable temp folder");
    assert_eq!(outcome.written, !outcome.has_errors());
});
