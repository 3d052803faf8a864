//! The project commands end to end (issue 6): `init`, `new briefing`, `import`,
//! `templates list|eject`, `build --quiet|--verbose`, `completions` and `man`, each run as the
//! binary in a temporary folder, with stdout, stderr, exit code and files checked together.

mod common;

use std::path::Path;
use std::process::Command;

use common::TestProject;

fn report(args: &[&str], cwd: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_report"))
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

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

// ---- templates ----------------------------------------------------------------------------

#[test]
fn templates_list_shows_defaults_overrides_and_outputs() {
    let p = TestProject::empty();
    p.write("templates/article.html", "{{ article.title }}");
    p.write("templates/briefing.md", "# {{ briefing.title }}");
    p.write("templates/partials/_x.html", "x");
    p.write("templates/feeds/atom.xml", "<feed/>");
    p.write(
        "templates/index.html",
        report::render::DEFAULTS
            .iter()
            .find(|(n, _)| *n == "index.html")
            .unwrap()
            .1,
    );
    let (code, out, err) = report(&["templates", "list"], p.root());
    assert_eq!(code, 0, "{err}");
    assert_eq!(err, "");
    let rows: Vec<Vec<&str>> = out
        .lines()
        .map(|l| {
            l.split("  ")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .collect()
        })
        .collect();
    let row = |name: &str| {
        rows.iter()
            .find(|r| r[0] == name)
            .unwrap_or_else(|| panic!("no {name} in\n{out}"))
            .clone()
    };
    assert_eq!(
        row("article.html"),
        ["article.html", "overridden", "articles/<slug>.html"]
    );
    assert_eq!(
        row("briefing.md"),
        ["briefing.md", "project", "briefings/<slug>.md"]
    );
    assert_eq!(
        row("briefing.html"),
        ["briefing.html", "default", "briefings/<slug>.html"]
    );
    assert_eq!(row("index.html"), ["index.html", "ejected", "index.html"]);
    assert_eq!(
        row("feeds/atom.xml"),
        ["feeds/atom.xml", "project", "feeds/atom.xml"]
    );
    assert_eq!(
        row("claims.json"),
        ["claims.json", "default", "claims.json"]
    );
    assert_eq!(
        row("layouts/base.html"),
        ["layouts/base.html", "default", "(not rendered alone)"]
    );
    assert_eq!(
        row("partials/_x.html"),
        ["partials/_x.html", "project", "(not rendered alone)"]
    );
    // Sorted by name, one row per template.
    let names: Vec<&str> = rows.iter().map(|r| r[0]).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert_eq!(names.len(), report::render::DEFAULTS.len() + 3);
}

#[test]
fn templates_eject_copies_defaults_and_never_overwrites_without_force() {
    let p = TestProject::example();
    let (code, out, err) = report(
        &[
            "templates",
            "eject",
            "article.html",
            "partials/chronology.html",
        ],
        p.root(),
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "created templates/article.html\ncreated templates/partials/chronology.html\n"
    );
    let default = |name: &str| {
        report::render::DEFAULTS
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap()
            .1
    };
    assert_eq!(
        read(p.root(), "templates/article.html"),
        default("article.html")
    );

    // An edited copy is kept: the second eject refuses and writes nothing.
    p.write("templates/article.html", "edited");
    let (code, out, err) = report(&["templates", "eject"], p.root());
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert_eq!(
        err,
        "error: templates/partials/chronology.html, templates/article.html already exist; nothing written (use --force to overwrite)\n"
    );
    assert_eq!(read(p.root(), "templates/article.html"), "edited");
    assert!(!p.root().join("templates/index.html").exists());

    // --force replaces them all; the ejected site builds.
    let (code, out, err) = report(&["templates", "eject", "--force"], p.root());
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), report::render::DEFAULTS.len());
    assert_eq!(
        read(p.root(), "templates/article.html"),
        default("article.html")
    );
    let (code, out, _) = report(&["templates", "list"], p.root());
    assert_eq!(code, 0);
    assert!(out.lines().all(|l| l.contains(" ejected ")), "{out}");
    let (code, _, err) = report(&["build"], p.root());
    assert_eq!(code, 0, "{err}");
}

#[test]
fn templates_eject_of_an_unknown_name_is_a_usage_error() {
    let p = TestProject::empty();
    let (code, out, err) = report(&["templates", "eject", "nope.html"], p.root());
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert!(
        err.starts_with("error: no default template named `nope.html` (defaults: "),
        "{err}"
    );
    assert!(!p.root().join("templates").exists());
}
