//! Hostile content: scripts and unsafe URLs in stories, markup in front matter, formula
//! injection in CSV, odd slugs, case collisions and symbolic links out of the project. Each must
//! be neutralized or refused, and nothing may be written outside the output folder.

mod common;

use common::TestProject;

const FRONT: &str = "source: Wire\npublished: 2024-05-02\ntags: [t]\n";

#[test]
fn raw_html_in_stories_is_sanitized() {
    let p = TestProject::empty();
    p.write(
        "content/articles/a.md",
        &format!(
            "---\ntitle: A\n{FRONT}---\nSafe text.\n\n<script>alert(1)</script>\n\n<iframe src=\"https://evil.example\"></iframe>\n\n\
             <form action=\"https://evil.example\"><input name=x></form>\n\n<p style=\"position:fixed\" onmouseover=\"steal()\">styled</p>\n\n\
             [js](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) <a href=\"JaVaScRiPt:alert(1)\">mixed</a>\n\n\
             <img src=\"x\" onerror=\"alert(1)\"> <svg><script>alert(2)</script></svg> <object data=\"x.swf\"></object>\n"
        ),
    );
    let outcome = p.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let html = p.read_site("articles/a.html").to_lowercase();
    // The page's own JSON-LD is the one script allowed; `script_json` keeps `<` out of it.
    let ld_open = "<script type=\"application/ld+json\">";
    let html = match html.split_once(ld_open) {
        Some((before, after)) => {
            let (ld, rest) = after.split_once("</script>").unwrap();
            assert!(!ld.contains('<'), "{ld}");
            format!("{before}{rest}")
        }
        None => html,
    };
    for bad in [
        "<script",
        "<iframe",
        "<form",
        "<input",
        "style=",
        "onmouseover",
        "onerror",
        "javascript:",
        "data:text",
        "<object",
        "<svg",
    ] {
        assert!(!html.contains(bad), "{bad} reached the page");
    }
    assert!(html.contains("safe text."));
}

#[test]
fn front_matter_strings_are_escaped_in_every_page() {
    let p = TestProject::empty();
    let evil = "<img src=x onerror=alert(1)>\"'&";
    // As a single-quoted YAML scalar.
    let evil = evil.replace('\'', "''");
    p.write(
        "content/articles/a.md",
        &format!(
            "---\ntitle: '{evil}'\nsource: '{evil}'\nauthor: '{evil}'\ndateline: '{evil}'\nreliability: '{evil}'\npublished: 2024-05-02\ntags: ['{evil}']\n---\nOfficials said on Monday that 300 homes were flooded.\n"
        ),
    );
    p.write(
        "content/briefings/b.md",
        &format!("---\ntitle: '{evil}'\nsummary: '{evil}'\ntags: ['{evil}']\n---\nText.\n"),
    );
    let outcome = p.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    for page in [
        "index.html",
        "articles/a.html",
        "briefings/b.html",
        "chronology.html",
    ] {
        let html = p.read_site(page);
        assert!(
            !html.contains("<img"),
            "{page} has raw markup from front matter"
        );
    }
    assert!(
        p.read_site("articles/a.html")
            .contains("&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;")
    );
}

#[test]
fn csv_cells_cannot_start_formulas_and_json_stays_valid() {
    let p = TestProject::empty();
    p.write(
        "content/articles/a.md",
        "---\ntitle: \"Line\\nbreak \\\"quoted\\\" \\u2028 end\"\nsource: \"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\"\npublished: 2024-05-02\nurl: https://example.org/a?b=1&c=2\n---\n@SUM(1+1) officials said on Monday that 300 homes were flooded.\n",
    );
    let outcome = p.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let csv = p.read_site("figures/2024-05.csv");
    let row = csv.lines().nth(1).unwrap();
    assert!(row.starts_with("a,\"'=HYPERLINK("), "{row}");
    assert!(
        !csv.lines()
            .skip(1)
            .any(|l| l.starts_with(['=', '+', '-', '@']))
    );
    let json: serde_json::Value =
        serde_json::from_str(&p.read_site("claims/2024-05.json")).unwrap();
    assert_eq!(
        json["articles"][0]["title"],
        "Line\nbreak \"quoted\" \u{2028} end"
    );
    assert_eq!(json["articles"][0]["url"], "https://example.org/a?b=1&c=2");
}

#[test]
fn urls_must_be_http() {
    for url in [
        "javascript:alert(1)",
        "data:text/html,x",
        "file:///etc/passwd",
        "//evil.example/x",
        "ftp://x.example",
    ] {
        let p = TestProject::empty();
        p.write(
            "content/articles/a.md",
            &format!("---\ntitle: A\n{FRONT}url: \"{url}\"\n---\nText.\n"),
        );
        let lines = p.diagnostics();
        assert_eq!(lines.len(), 1, "{url}: {lines:?}");
        assert!(
            lines[0].contains("must be an http(s) address"),
            "{url}: {lines:?}"
        );
        assert!(!p.site().exists());
    }
}

/// Issue 17, finding 7: a line break in an article's `url` (or in `base_url`) added a property to
/// every event of the calendar. Whitespace and control characters are refused at the key's
/// line, in articles and in `report.yaml`.
#[test]
fn issue_17_urls_with_line_breaks_or_spaces_are_refused_at_their_line() {
    for (url, what) in [
        ("https://example.org/a\\r\\nX-INJ:1", "a line break"),
        ("https://example.org/a b", "a space"),
        ("https://example.org/a\\u0000", "the character U+0000"),
    ] {
        let p = TestProject::empty();
        p.write(
            "content/articles/a.md",
            &format!("---\ntitle: A\n{FRONT}url: \"{url}\"\n---\nText.\n"),
        );
        let lines = p.diagnostics();
        assert_eq!(lines.len(), 1, "{url}: {lines:?}");
        assert!(
            lines[0].starts_with(&format!(
                "content/articles/a.md:6:1: error: `url` holds {what}"
            )),
            "{url}: {lines:?}"
        );
        assert!(!p.site().exists());

        let p = TestProject::empty();
        p.write("report.yaml", &format!("title: T\nbase_url: \"{url}\"\n"));
        p.write(
            "content/articles/a.md",
            &format!("---\ntitle: A\n{FRONT}---\nText.\n"),
        );
        let lines = p.diagnostics();
        assert_eq!(lines.len(), 1, "{url}: {lines:?}");
        assert!(
            lines[0].starts_with(&format!("report.yaml:2:1: error: `base_url` holds {what}")),
            "{url}: {lines:?}"
        );
        assert!(!p.site().exists());
    }
}

/// Issue 17, finding 7: quotes and angle brackets were written raw; the URL is written as the
/// `url` crate normalizes it, in every output.
#[test]
fn issue_17_urls_are_written_normalized() {
    let p = TestProject::empty();
    p.write(
        "report.yaml",
        "title: T\nbase_url: \"HTTPS://Example.ORG/site\"\n",
    );
    p.write(
        "content/articles/a.md",
        &format!(
            "---\ntitle: A\n{FRONT}url: 'https://Example.org/a\"b<c>?q=\"1\"'\n---\nOfficials said on Monday, 1 April 2024, that 300 homes were flooded.\n"
        ),
    );
    p.write(
        "content/briefings/b.md",
        "---\ntitle: B\narticles: [a]\n---\n",
    );
    let outcome = p.build();
    assert!(outcome.written, "{:?}", outcome.diagnostics);
    let normalized = "https://example.org/a%22b%3Cc%3E?q=%221%22";
    let claims = p.claims();
    assert_eq!(claims[0]["url"], normalized);
    let ics = p.read_site("briefings/b.chronology.ics");
    assert!(ics.contains(&format!("URL:{normalized}\r\n")), "{ics}");
    let sitemap = p.read_site("sitemap.xml");
    assert!(
        sitemap.contains("<loc>https://example.org/site/"),
        "{sitemap}"
    );
    for page in [
        "articles/a.html",
        "briefings/b.chronology.ics",
        "briefings/b.timeline.json",
        "briefings/b.figures.csv",
        "claims/2024-05.json",
        "feed.xml",
    ] {
        let text = p.read_site(page);
        assert!(!text.contains("a\"b<c>"), "{page}: {text}");
    }
}

#[test]
fn slugs_cannot_escape_the_output_folder() {
    let p = TestProject::empty();
    for (file, slug) in [
        ("a", "../../escape"),
        ("b", "/etc/passwd"),
        ("c", "..\\\\..\\\\win"),
        ("d", "CON"),
        ("e", "nul.txt"),
    ] {
        p.write(
            &format!("content/articles/{file}.md"),
            &format!("---\ntitle: {file}\n{FRONT}slug: '{slug}'\n---\nText.\n"),
        );
    }
    let outcome = p.build();
    assert!(outcome.diagnostics.is_empty(), "{:?}", outcome.diagnostics);
    let mut written: Vec<String> = std::fs::read_dir(p.site().join("articles"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            "con-page.html",
            "escape.html",
            "etc-passwd.html",
            "nul-txt.html",
            "win.html"
        ]
    );
    // Nothing beside the project's own folders (the cache folder holds the build lock).
    let mut top: Vec<String> = std::fs::read_dir(p.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    top.sort();
    assert_eq!(top, [".report-cache", "content", "site"]);
}

#[test]
fn slugs_that_differ_only_in_case_collide() {
    let p = TestProject::empty();
    p.write(
        "content/articles/Report.md",
        &format!("---\ntitle: A\n{FRONT}---\nText.\n"),
    );
    p.write(
        "content/articles/report.md",
        &format!("---\ntitle: B\n{FRONT}---\nText.\n"),
    );
    let lines = p.diagnostics();
    assert_eq!(
        lines,
        [
            "content/articles/report.md:1:1: error: duplicate article slug `report`, also used by content/articles/Report.md\n  help: rename one file or set `slug:` in its front matter"
        ]
    );
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_project_are_not_followed() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.md"),
        format!("---\ntitle: Secret\n{FRONT}---\nSecret text.\n"),
    )
    .unwrap();
    let p = TestProject::empty();
    p.write(
        "content/articles/a.md",
        &format!("---\ntitle: A\n{FRONT}---\nText.\n"),
    );
    p.write(
        "notes/inside.md",
        &format!("---\ntitle: Inside\n{FRONT}---\nInside text.\n"),
    );
    std::os::unix::fs::symlink(
        outside.path().join("secret.md"),
        p.root().join("content/articles/secret.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path(), p.root().join("content/articles/outdir")).unwrap();
    std::os::unix::fs::symlink(
        p.root().join("notes/inside.md"),
        p.root().join("content/articles/inside.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        p.root().join("content"),
        p.root().join("content/articles/loop"),
    )
    .unwrap();
    let outcome = p.build();
    let lines: Vec<String> = outcome.diagnostics.iter().map(|d| d.to_string()).collect();
    assert_eq!(
        lines,
        [
            "content/articles/outdir: warning: symbolic link points outside the project; not followed\n  help: copy the file into the project instead",
            "content/articles/secret.md: warning: symbolic link points outside the project; not followed\n  help: copy the file into the project instead",
        ]
    );
    assert!(outcome.written);
    assert!(p.site().join("articles/inside.html").is_file());
    assert!(!p.site().join("articles/secret.html").exists());
    for text in p.months("claims") {
        assert!(!text.contains("Secret text"));
    }
}

#[test]
fn the_output_folder_cannot_be_the_project_or_its_sources() {
    let p = TestProject::empty();
    p.write(
        "content/articles/a.md",
        &format!("---\ntitle: A\n{FRONT}---\nText.\n"),
    );
    p.write("templates/notes.txt", "x\n");
    for out in [
        ".",
        "..",
        "content",
        "content/articles",
        "templates",
        ".report-cache/x",
        "content/../content",
    ] {
        let outcome = report::build(&report::BuildOptions {
            root: p.root().to_path_buf(),
            out: Some(p.root().join(out)),
            build_date: None,
            cache: false,
            progress: None,
            force: false,
        });
        let err = outcome.expect_err(out).to_string();
        assert!(err.starts_with("refusing to use"), "{out}: {err}");
    }
    // The sources are intact.
    assert!(p.root().join("content/articles/a.md").is_file());
    assert!(p.root().join("templates/notes.txt").is_file());
    // A folder beside them is fine.
    let outcome = report::build(&report::BuildOptions {
        root: p.root().to_path_buf(),
        out: Some(p.root().join("public")),
        build_date: None,
        cache: false,
        progress: None,
        force: false,
    })
    .unwrap();
    assert!(outcome.written);
}
