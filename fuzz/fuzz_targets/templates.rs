//! Fuzzes templates with the project's template setup (tera with the report's filters, escaping
//! and recursion guard): the input, as text, becomes a project's template and `report::check`
//! loads every template and renders the whole site in memory. The first byte picks which
//! template it replaces or adds: a page of its own, the article page, the index, or a partial
//! that the page of its own includes (so that includes and macros between templates are
//! reached). Any template must end as a rendered site or as located diagnostics, never a panic,
//! a stack overflow or a hang.
#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

const ARTICLE: &str = "---\ntitle: Ships counted\nsource: AFP\npublished: 2024-03-20\ntags: [x]\n---\nSEOUL – Seoul said on Monday that around 7,000 containers had been shipped since July, up 4.5% from 2023's second quarter.\n";
const BRIEFING: &str = "---\ntitle: Fuzz\nsummary: Everything.\ntags: [x]\n---\nBody.\n";
const INCLUDER: &str = "{% import \"macros.html\" as m %}{% include \"partial.html\" %}";

/// Where the input goes: (file under `templates/`, what the other template files hold).
const SLOTS: &[(&str, &[(&str, &str)])] = &[
    ("fuzz.html", &[]),
    ("article.html", &[]),
    ("index.html", &[]),
    (
        "partial.html",
        &[("fuzz.html", INCLUDER), ("macros.html", "")],
    ),
    (
        "macros.html",
        &[("fuzz.html", INCLUDER), ("partial.html", "{{ m::x() }}")],
    ),
];

/// One project folder per process, reused: only the templates change between runs.
fn project() -> &'static (tempfile::TempDir, PathBuf) {
    static DIR: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        for (path, text) in [
            ("content/articles/a.md", ARTICLE),
            ("content/briefings/b.md", BRIEFING),
            ("report.yaml", "title: Fuzz\n"),
        ] {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
            std::fs::write(path, text).expect("write");
        }
        let out = root.join("out");
        (dir, out)
    })
}

fn write_templates(templates: &Path, files: &[(&str, &[u8])]) {
    let _ = std::fs::remove_dir_all(templates);
    std::fs::create_dir_all(templates).expect("templates dir");
    for (name, bytes) in files {
        std::fs::write(templates.join(name), bytes).expect("template");
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, template)) = data.split_first() else {
        return;
    };
    let (dir, out) = project();
    let (slot, others) = SLOTS[usize::from(pick) % SLOTS.len()];
    let mut files: Vec<(&str, &[u8])> = others.iter().map(|(n, t)| (*n, t.as_bytes())).collect();
    files.push((slot, template));
    write_templates(&dir.path().join("templates"), &files);
    let options = report::BuildOptions {
        root: dir.path().to_path_buf(),
        out: Some(out.clone()),
        build_date: None,
        // The one article's claims come from the cache after the first run.
        cache: true,
        progress: None,
        force: false,
    };
    let outcome = report::check(&options).expect("check on a temp folder");
    // A template that is not UTF-8, or fails, says so.
    if std::str::from_utf8(template).is_err() {
        assert!(outcome.has_errors());
    }
    for d in &outcome.diagnostics {
        assert!(
            !d.path.as_os_str().is_empty(),
            "a diagnostic without a file: {d}"
        );
    }
});
