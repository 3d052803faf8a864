//! The project commands end to end (issue 6): `init`, `new briefing`, `import`,
//! `templates list|eject`, `build --quiet|--verbose`, `completions` and `man`, each run as the
//! binary in a temporary folder, with stdout, stderr, exit code and files checked together.

mod common;

use std::path::Path;

use common::{TestProject, report};

fn read(root: &Path, rel: &str) -> String {
    std::fs::read_to_string(root.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

const SEED: &str = include_str!("../content/articles/000_d3ab9671ae447b92.txt");

// ---- templates ----------------------------------------------------------------------------

#[test]
fn templates_list_shows_defaults_overrides_and_outputs() {
    let p = TestProject::bare();
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
    assert_eq!(row("search.js"), ["search.js", "default", "search.js"]);
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
    let p = TestProject::bare();
    let (code, out, err) = report(&["templates", "eject", "nope.html"], p.root());
    assert_eq!(code, 2);
    assert_eq!(out, "");
    assert!(
        err.starts_with("error: no default template named `nope.html` (defaults: "),
        "{err}"
    );
    assert!(!p.root().join("templates").exists());
}

// ---- init ---------------------------------------------------------------------------------

#[test]
fn init_scaffolds_a_project_that_builds() {
    let p = TestProject::empty();
    let (code, out, err) = report(&["init", "monitor"], p.root());
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        "created monitor/report.yaml\n\
         created monitor/content/articles/000_d3ab9671ae447b92.txt\n\
         created monitor/content/briefings/north-korea-russia-arms.md\n\
         created monitor/README.md\n\
         created monitor/.gitignore\n"
    );
    assert_eq!(err, "next: cd monitor && report build\n");
    let dir = p.root().join("monitor");
    let config = read(&dir, "report.yaml");
    assert!(config.contains("\ntitle: monitor\n"), "{config}");
    for key in ["description", "base_url", "output", "language"] {
        assert!(
            config.contains(&format!("\n# {key}: ")),
            "{key} in {config}"
        );
    }
    assert_eq!(
        read(&dir, "content/articles/000_d3ab9671ae447b92.txt"),
        SEED
    );
    assert!(read(&dir, ".gitignore").contains("site/\n.report-cache/\n"));
    assert!(read(&dir, "README.md").starts_with("# monitor\n"));

    let (code, _, err) = report(&["build"], &dir);
    assert_eq!(code, 0, "{err}");
    assert!(err.starts_with("1 article, 1 briefing, "), "{err}");
    assert!(
        dir.join("site/briefings/north-korea-russia-arms.html")
            .exists()
    );
}

#[test]
fn init_refuses_to_overwrite_and_writes_nothing() {
    let p = TestProject::empty();
    p.write("README.md", "mine");
    let (code, out, err) = report(&["init"], p.root());
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert_eq!(
        err,
        "error: README.md already exists; nothing written (use --force to overwrite)\n"
    );
    assert_eq!(read(p.root(), "README.md"), "mine");
    assert!(!p.root().join("report.yaml").exists());
    assert!(!p.root().join("content").exists());
}

// ---- new briefing -------------------------------------------------------------------------

#[test]
fn new_briefing_with_tags_is_picked_up_by_the_build() {
    let p = TestProject::example();
    let (code, out, err) = report(
        &[
            "new",
            "briefing",
            "Arms: the 2024 count",
            "--tag",
            "north-korea",
            "--tag",
            "russia",
        ],
        p.root(),
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "content/briefings/arms-the-2024-count.md\n");
    let text = read(p.root(), "content/briefings/arms-the-2024-count.md");
    assert!(
        text.starts_with("---\ntitle: \"Arms: the 2024 count\"\n"),
        "{text}"
    );
    assert!(text.contains("tags:"), "{text}");
    assert!(text.contains("\n  - north-korea\n  - russia\n"), "{text}");

    // The example article has no tags, so the new briefing selects nothing yet: a warning.
    let (code, _, err) = report(&["build"], p.root());
    assert_eq!(code, 0, "{err}");
    assert!(
        err.starts_with(
            "content/briefings/arms-the-2024-count.md:1:1: warning: the briefing selects no article"
        ),
        "{err}"
    );
    assert!(p.site().join("briefings/arms-the-2024-count.html").exists());
}

#[test]
fn new_briefing_from_a_slug_and_never_twice() {
    let p = TestProject::bare();
    let (code, out, err) = report(&["new", "briefing", "arms-transfers"], p.root());
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, "content/briefings/arms-transfers.md\n");
    assert!(
        read(p.root(), "content/briefings/arms-transfers.md")
            .starts_with("---\ntitle: Arms transfers\n")
    );
    p.write("content/briefings/arms-transfers.md", "mine");
    let (code, out, err) = report(&["new", "briefing", "arms-transfers"], p.root());
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        "error: content/briefings/arms-transfers.md already exists; nothing written (use --force to overwrite)\n"
    );
    assert_eq!(
        read(p.root(), "content/briefings/arms-transfers.md"),
        "mine"
    );
    let (code, _, err) = report(&["new", "briefing", "///"], p.root());
    assert_eq!(code, 2);
    assert!(
        err.starts_with("error: cannot make a file name from `///`"),
        "{err}"
    );
}

// ---- import -------------------------------------------------------------------------------

const REUTERS: &str = "date 2024-04-02\nKYIV (Reuters) – Ukraine said on Tuesday it had received 1,200 drones from its allies: a record, officials said.\n\nDeliveries began in January.\n";

#[test]
fn import_wire_copy_writes_front_matter_and_builds() {
    let p = TestProject::example();
    p.write("inbox/kyiv.txt", REUTERS);
    let (code, out, err) = report(&["import", "inbox/kyiv.txt"], p.root());
    assert_eq!(code, 0, "{err}");
    let path = "content/articles/ukraine-said-on-tuesday-it-had-received-1-200-drones-from.md";
    assert_eq!(out, format!("inbox/kyiv.txt -> {path}\n"));
    assert_eq!(err, "1 imported, 0 already present\n");
    assert_eq!(
        read(p.root(), path),
        "---\n\
         title: \"Ukraine said on Tuesday it had received 1,200 drones from its allies: a record\"\n\
         source: Reuters\n\
         published: 2024-04-02\n\
         dateline: KYIV\n\
         ---\n\
         Ukraine said on Tuesday it had received 1,200 drones from its allies: a record, officials said.\n\
         \n\
         Deliveries began in January.\n"
    );
    let (code, _, err) = report(&["build"], p.root());
    assert_eq!(code, 0, "{err}");
    assert!(err.starts_with("2 articles, "), "{err}");
    let json = p.read_site("claims/2024-04.json");
    assert!(json.contains("1,200 drones"), "{json}");
}

/// Issue 17, finding 9: `import` read its inputs whole, so a path naming a device or a pipe
/// (a link to /dev/zero) read until memory ran out. It reads at most the project's
/// `max_article_size` and refuses what is not a regular file; the other inputs still go in.
#[test]
fn issue_17_import_reads_at_most_the_size_limit_and_only_regular_files() {
    let p = TestProject::example();
    p.write("report.yaml", "title: T\nmax_article_size: 1 KB\n");
    p.write("inbox/kyiv.txt", REUTERS);
    let long = format!("{REUTERS}{}", "More text follows here.\n".repeat(60));
    p.write("inbox/long.txt", &long);
    let mut inputs = vec!["inbox/kyiv.txt", "inbox/long.txt"];
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("/dev/zero", p.root().join("inbox/zero.txt")).unwrap();
        // A pipe nobody writes to: reading it would wait for ever.
        let status = std::process::Command::new("mkfifo")
            .arg(p.root().join("inbox/pipe.txt"))
            .status()
            .unwrap();
        assert!(status.success());
        // The pipe first: a `report` that read it would wait there (and be stopped) before it
        // could fill the memory from /dev/zero.
        inputs.extend(["inbox/pipe.txt", "inbox/zero.txt"]);
    }
    let run = std::process::Command::new("timeout")
        .arg("60")
        .arg(env!("CARGO_BIN_EXE_report"))
        .arg("import")
        .args(&inputs)
        .current_dir(p.root())
        .output()
        .unwrap();
    let (code, out, err) = (
        run.status.code().unwrap_or(-1),
        String::from_utf8(run.stdout).unwrap(),
        String::from_utf8(run.stderr).unwrap(),
    );
    assert_eq!(code, 1, "{err}");
    assert!(
        out.starts_with("inbox/kyiv.txt -> content/articles/"),
        "{out}"
    );
    let mut expected = vec![
        "inbox/long.txt:39:24: error: the file is larger than the 1 KB limit; it goes on past here"
            .to_string(),
        "  help: split it, or raise `max_article_size` in report.yaml (now 1 KB)".into(),
    ];
    #[cfg(unix)]
    for name in ["pipe", "zero"] {
        expected.push(format!(
            "inbox/{name}.txt: error: not a regular file (a device, a pipe or a folder)"
        ));
        expected.push("  help: give the path of a text file".into());
    }
    expected.push("1 imported, 0 already present".into());
    assert_eq!(err.lines().collect::<Vec<_>>(), expected, "{err}");
}

#[test]
fn import_is_idempotent_by_content() {
    let p = TestProject::example();
    // The seed story is already in the project (as wire text): importing it is a no-op.
    p.write("inbox/seed.txt", SEED);
    // The same Reuters story twice, once re-wrapped: one article.
    p.write("inbox/a.txt", REUTERS);
    p.write(
        "inbox/b.txt",
        &REUTERS.replace("it had received", "it had\nreceived"),
    );
    let (code, out, err) = report(&["import", "inbox"], p.root());
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(
        out.starts_with("inbox/a.txt -> content/articles/ukraine-"),
        "{out}"
    );
    assert!(
        err.contains("inbox/b.txt: already imported as content/articles/ukraine-"),
        "{err}"
    );
    assert!(
        err.contains(
            "inbox/seed.txt: already imported as content/articles/000_d3ab9671ae447b92.txt"
        ),
        "{err}"
    );
    assert!(err.ends_with("1 imported, 2 already present\n"), "{err}");
    let (code, out, err) = report(&["import", "inbox/a.txt"], p.root());
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    assert!(err.ends_with("0 imported, 1 already present\n"), "{err}");
    assert_eq!(
        std::fs::read_dir(p.root().join("content/articles"))
            .unwrap()
            .count(),
        2
    );
}

#[test]
fn import_plain_text_needs_a_date_and_a_source() {
    let p = TestProject::empty();
    p.write(
        "note.txt",
        "The ministry said on Friday that 1,200 families had left.\n",
    );
    let (code, out, err) = report(&["import", "note.txt"], p.root());
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        "note.txt:1:1: error: missing required field `published`\n  help: give the reference date with --published YYYY-MM-DD\n0 imported, 0 already present\n"
    );
    let (code, _, err) = report(
        &["import", "note.txt", "--published", "2024-06-12"],
        p.root(),
    );
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "note.txt:1:1: error: no source: the story has no dateline `CITY (AGENCY) –`\n  help: give the agency with --source NAME\n0 imported, 0 already present\n"
    );
    let (code, out, err) = report(
        &[
            "import",
            "note.txt",
            "--published",
            "2024-06-12",
            "--source",
            "Ministry bulletin",
        ],
        p.root(),
    );
    assert_eq!(code, 0, "{err}");
    let path = "content/articles/the-ministry-said-on-friday-that-1-200-families-had-left.md";
    assert_eq!(out, format!("note.txt -> {path}\n"));
    let text = read(p.root(), path);
    assert!(
        text.starts_with("---\ntitle: \"The ministry said on Friday that 1,200 families had left\"\nsource: Ministry bulletin\npublished: 2024-06-12\n---\n"),
        "{text}"
    );
    let (code, _, err) = report(&["check"], p.root());
    assert_eq!(code, 0, "{err}");
}

#[test]
fn import_never_overwrites_another_story_without_force() {
    let p = TestProject::empty();
    let path = "content/articles/ukraine-said-on-tuesday-it-had-received-1-200-drones-from.md";
    p.write(
        path,
        "---\ntitle: Other\nsource: X\npublished: 2024-01-01\n---\nAnother story.\n",
    );
    p.write("kyiv.txt", REUTERS);
    let (code, out, err) = report(&["import", "kyiv.txt"], p.root());
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        format!(
            "kyiv.txt: error: {path} already exists and holds another story\n  help: use --force to overwrite it\n0 imported, 0 already present\n"
        )
    );
    assert!(read(p.root(), path).contains("Another story."));
    let (code, out, err) = report(&["import", "kyiv.txt", "--force"], p.root());
    assert_eq!(code, 0, "{err}");
    assert_eq!(out, format!("kyiv.txt -> {path}\n"));
    assert!(read(p.root(), path).contains("1,200 drones"));
}

// ---- build --quiet / --verbose ------------------------------------------------------------

#[test]
fn build_quiet_prints_nothing_on_success_and_verbose_prints_the_phases() {
    let p = TestProject::example();
    let (code, out, err) = report(&["build", "--quiet"], p.root());
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    let (code, out, err) = report(&["check", "-v"], p.root());
    assert_eq!((code, out.as_str()), (0, ""), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines[0], "loaded 1 article and 1 briefing");
    assert!(
        lines[1].starts_with("extracted ") && lines[1].ends_with(" claims"),
        "{err}"
    );
    assert!(
        lines[2].starts_with("rendered ") && lines[2].ends_with(" files"),
        "{err}"
    );
    // Then the time of each stage, in pipeline order.
    let stages: Vec<&str> = lines[3..]
        .iter()
        .take_while(|l| l.starts_with("  "))
        .map(|l| l.split_once("s  ").map_or("", |(_, stage)| stage))
        .collect();
    assert_eq!(&stages[..3], ["load", "extract", "assemble"], "{err}");
    assert!(stages.contains(&"render article.html (1 files)"), "{err}");
    assert!(stages.contains(&"write claims.json (2 files)"), "{err}");
    assert!(stages.contains(&"render index.html"), "{err}");
    let rest = &lines[3 + stages.len()..];
    // What the build leaves out: the example has no base_url, so no sitemap.
    assert_eq!(
        rest[0],
        "sitemap.xml not written: a sitemap needs absolute URLs; set base_url in report.yaml"
    );
    let rest = &rest[1..];
    assert_eq!(rest[0], "found 0 errors and 0 warnings");
    assert!(rest[1].starts_with("1 article, 1 briefing, "), "{err}");
    assert!(
        rest[1].contains(" files to ") && rest[1].ends_with('s'),
        "{err}"
    );
    let (code, _, err) = report(&["build", "-q", "-v"], p.root());
    assert_eq!(code, 2, "{err}");
}

#[test]
fn build_quiet_still_reports_problems() {
    let p = TestProject::example();
    p.write("content/articles/bad.md", "---\ntitle: x\n---\nBody.\n");
    let (code, _, err) = report(&["build", "-q"], p.root());
    assert_eq!(code, 1);
    assert!(
        err.contains("content/articles/bad.md:1:1: error: "),
        "{err}"
    );
    assert!(err.ends_with("; nothing written\n"), "{err}");
}

// ---- completions and man ------------------------------------------------------------------

#[test]
fn completions_and_man_page_come_from_the_cli() {
    let p = TestProject::empty();
    let (code, out, err) = report(&["completions", "bash"], p.root());
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("_report()"), "{out}");
    for cmd in ["import", "init", "templates", "eject"] {
        assert!(out.contains(cmd), "{cmd}");
    }
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let (code, out, err) = report(&["completions", shell], p.root());
        assert_eq!(code, 0, "{shell}: {err}");
        assert!(out.contains("report"), "{shell}");
    }
    let (code, _, _) = report(&["completions", "tcsh"], p.root());
    assert_eq!(code, 2);
    let (code, out, err) = report(&["man"], p.root());
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(".ie \\n(.g .ds Aq \\(aq") || out.contains(".TH report"),
        "{out}"
    );
    assert!(out.contains(".TH report 1"), "{out}");
    assert!(out.contains("import"), "{out}");
    // One page: each command's synopsis and options are in it, and no page of its own
    // (`report-build(1)`, which nothing installs) is named.
    assert!(!out.contains("(1)"), "{out}");
    for command in [
        "report build",
        "report new briefing",
        "report templates eject",
    ] {
        assert!(
            out.contains(&format!(".SS \"{command}\"")),
            "{command}: {out}"
        );
    }
    assert!(out.contains("\\fB\\-\\-no\\-cache\\fR"), "{out}");
    assert!(out.contains("\\fB\\-\\-tag\\fR"), "{out}");
    assert_eq!(
        out.matches(".ds Aq").count(),
        2,
        "one apostrophe preamble: {out}"
    );
}

// ---- check --strict -----------------------------------------------------------------------

const DRONES: &str = "---
title: Drones delivered
source: Reuters
published: 2024-04-02
tags: [ukraine]
claims:
  - value: 500
    unit: tanks
    said_by: The ministry
    quote: \"The ministry counted 500 tanks.\"
---
Ukraine received 1,200 drones in March.

Officials said 300 more would come, the ministry said on Monday.
";

const UKRAINE: &str = "---\ntitle: Ukraine\ntags: [ukraine]\n---\nText.\n";

#[test]
fn check_strict_passes_the_example() {
    let p = TestProject::example();
    let (code, _, err) = report(&["check", "--strict"], p.root());
    assert_eq!(code, 0, "{err}");
    // The example has no base_url: check says there will be no sitemap, and nothing else.
    let (note, summary) = err.split_once('\n').unwrap();
    assert!(note.starts_with("sitemap.xml not written"), "{err}");
    assert!(summary.starts_with("1 article, 1 briefing, "), "{err}");
}

#[test]
fn check_strict_refuses_unsourced_figures_and_lost_quotes() {
    let p = TestProject::empty();
    p.write("content/articles/drones.md", DRONES);
    p.write("content/briefings/ukraine.md", UKRAINE);
    // Without --strict the project is fine (one warning).
    let (code, _, err) = report(&["check"], p.root());
    assert_eq!(code, 0, "{err}");
    let (code, out, err) = report(&["check", "--strict"], p.root());
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        "content/articles/drones.md: warning: the quote of a hand-made claim is not in the article: `The ministry counted 500 tanks.`
  help: copy the sentence exactly from the story
content/articles/drones.md:10:13: error: the quote of a hand-made claim is no longer in the article: `The ministry counted 500 tanks.`
  help: copy the sentence exactly from the story, or remove the claim
content/articles/drones.md:12:18: error: figure `1,200 drones` has no speaker (shown in briefing ukraine)
  help: attribute it in the story (\"…, the ministry said\"), or add it under `claims:` with `said_by:` and `ignore:` the extracted one
2 errors; nothing written
"
    );
    // A figure that no briefing shows is not held to the rule.
    p.write(
        "content/briefings/ukraine.md",
        "---\ntitle: Ukraine\ntags: [elsewhere]\n---\nText.\n",
    );
    let (code, _, err) = report(&["check", "--strict"], p.root());
    assert_eq!(code, 1);
    assert!(!err.contains("has no speaker"), "{err}");
    assert!(err.contains("10:13: error: the quote"), "{err}");
}

#[test]
fn strict_rules_flag_a_figure_without_an_as_of_date() {
    let p = TestProject::empty();
    p.write("content/articles/drones.md", DRONES);
    p.write("content/briefings/ukraine.md", UKRAINE);
    let (content, _) = report::content::load_content(p.root()).unwrap();
    let entries = content
        .articles
        .into_iter()
        .map(|article| {
            let (mut claims, _) = report::extract::extract_claims(&article);
            for f in &mut claims.figures {
                f.as_of = None;
            }
            report::assemble::ArticleEntry { article, claims }
        })
        .collect();
    let (r, _) = report::assemble::assemble(
        Default::default(),
        Default::default(),
        entries,
        content.briefings,
    );
    let found: Vec<String> = report::commands::strict::strict_diagnostics(&r)
        .sorted()
        .iter()
        .map(|d| d.to_string().lines().next().unwrap().to_string())
        .collect();
    assert!(
        found.contains(
            &"content/articles/drones.md:14:16: error: figure `300` has no as-of date (shown in briefing ukraine)"
                .to_string()
        ),
        "{found:#?}"
    );
    assert!(
        found.contains(
            &"content/articles/drones.md:12:18: error: figure `1,200 drones` has no as-of date (shown in briefing ukraine)"
                .to_string()
        ),
        "{found:#?}"
    );
}

#[test]
fn check_strict_refuses_conflicting_values_without_a_note_and_accepts_them_with_one() {
    let p = TestProject::empty();
    p.write(
        "content/articles/a.md",
        "---\ntitle: A\nsource: Wire\npublished: 2024-05-03\ntags: [floods]\n---\nThe ministry said on Thursday that 3,000 homes were flooded.\n",
    );
    p.write(
        "content/articles/b.md",
        "---\ntitle: B\nsource: Post\npublished: 2024-05-03\ntags: [floods]\n---\nThe Red Cross said on Thursday that 4,500 homes were flooded.\n",
    );
    p.write(
        "content/briefings/floods.md",
        "---\ntitle: Floods\ntags: [floods]\n---\nText.\n",
    );
    let (code, _, err) = report(&["check", "--strict"], p.root());
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("content/briefings/floods.md:4:1: error: sources give conflicting values for `homes flooded` (as of 2024-05-02) and the briefing has no note on it"),
        "{err}"
    );
    assert!(
        err.contains(
            "help: explain the conflict in the front matter: `notes: {homes flooded: \"…\"}`"
        ),
        "{err}"
    );
    // With a note the briefing passes, and the page shows the note above the table.
    p.write(
        "content/briefings/floods.md",
        "---\ntitle: Floods\ntags: [floods]\nnotes:\n  homes: The ministry counts only insured homes.\n---\nText.\n",
    );
    let (code, _, err) = report(&["check", "--strict"], p.root());
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = report(&["build"], p.root());
    assert_eq!(code, 0, "{err}");
    let html = std::fs::read_to_string(p.root().join("site/briefings/floods.html")).unwrap();
    assert!(html.contains("<p class=\"group-note\"><strong>Note:</strong> The ministry counts only insured homes.</p>"), "{html}");
}
