//! Messages (issue 17, finding 11): what `build` and `check` print names the file and the line,
//! never runs what a file holds on the terminal, never echoes a huge value whole, and `check`
//! reports what would make the build fail at writing.

mod common;

use common::{TestProject, report};

const ARTICLE: &str = "---\ntitle: Ships counted\nsource: AFP\npublished: 2024-03-21\n---\nSeoul said on Thursday it had counted 12 ships.\n";

fn project() -> TestProject {
    let p = TestProject::empty();
    p.write("report.yaml", "title: Messages\n");
    p.write("content/articles/a.md", ARTICLE);
    p
}

/// A slug longer than a file name may be passed `check` and failed `build` at writing the page
/// ("File name too long", naming a staging path).
#[test]
fn issue17_a_slug_too_long_for_a_file_name_is_reported_by_check_at_its_line() {
    let p = project();
    let long = "x".repeat(300);
    p.write(
        "content/articles/b.md",
        &format!(
            "---\ntitle: Long\nsource: AFP\npublished: 2024-03-21\nslug: {long}\n---\nSeoul said 12 ships.\n"
        ),
    );
    // From the file name: 240 bytes is a name the file system takes, but not with `.html`
    // after a longer prefix; it is refused at the start of the file.
    p.write(
        &format!("content/articles/{}.md", "y".repeat(240)),
        "---\ntitle: Long name\nsource: AFP\npublished: 2024-03-21\n---\nSeoul said 12 ships.\n",
    );
    for command in ["check", "build"] {
        let (code, _, stderr) = report(&[command], p.root());
        assert_eq!(code, 1, "{command}: {stderr}");
        assert!(
            stderr.contains(
                "content/articles/b.md:5:1: error: the article slug is 300 bytes long, more than the 200 a page's file name may take\n  help: set a shorter `slug:` in its front matter"
            ),
            "{command}: {stderr}"
        );
        assert!(
            stderr.contains(&format!(
                "content/articles/{}.md:1:1: error: the article slug is 240 bytes long",
                "y".repeat(240)
            )),
            "{command}: {stderr}"
        );
        assert!(
            !stderr.contains("too long (os error"),
            "{command}: {stderr}"
        );
    }
    assert!(!p.site().exists());

    // A briefing's too.
    let p = project();
    p.write(
        "content/briefings/long.md",
        &format!(
            "---\ntitle: Long\ntags: [x]\nslug: {}\n---\nText.\n",
            "z".repeat(250)
        ),
    );
    let (code, _, stderr) = report(&["check"], p.root());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr
            .contains("content/briefings/long.md:4:1: error: the briefing slug is 250 bytes long"),
        "{stderr}"
    );
}

/// Warnings and errors that had no line:col: duplicate slugs, an `ignore` entry that matches
/// nothing, an `extends` cycle.
#[test]
fn issue17_duplicate_slugs_unused_ignores_and_extends_cycles_are_located() {
    let p = project();
    p.write(
        "content/articles/b.md",
        "---\ntitle: Twin\nsource: AFP\npublished: 2024-03-21\ntags: [x]\nslug: a\n---\nSeoul said 12 ships.\n",
    );
    p.write(
        "content/articles/c.txt",
        "date 2024-03-21\n\nSEOUL (AFP) – Seoul said 12 ships.\n",
    );
    p.write(
        "content/articles/dup.md",
        "---\ntitle: Same name\nsource: AFP\npublished: 2024-03-21\nslug: c\n---\nSeoul said 12 ships.\n",
    );
    let (code, _, stderr) = report(&["check"], p.root());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(
            "content/articles/b.md:6:1: error: duplicate article slug `a`, also used by content/articles/a.md"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "content/articles/dup.md:5:1: error: duplicate article slug `c`, also used by content/articles/c.txt"
        ),
        "{stderr}"
    );

    let p = project();
    p.write(
        "content/articles/b.md",
        "---\ntitle: Ignores\nsource: AFP\npublished: 2024-03-21\nignore:\n  - 12 ships\n  - nothing like this\n---\nSeoul said 12 ships.\n",
    );
    let (code, _, stderr) = report(&["check"], p.root());
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains(
            "content/articles/b.md:7:3: warning: `ignore` entry `nothing like this` matches no extracted claim"
        ),
        "{stderr}"
    );

    let p = project();
    p.write("templates/x.html", "{% extends \"y.html\" %}\n");
    p.write(
        "templates/y.html",
        "{# the other half #}\n{% extends \"x.html\" %}\n",
    );
    p.write("templates/self.html", "{% extends \"self.html\" %}\n");
    let (code, _, stderr) = report(&["check"], p.root());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("templates/self.html:1:1: error: extends cycle: self.html → self.html\n"),
        "{stderr}"
    );
    assert!(
        stderr.contains("templates/x.html:1:1: error: extends cycle: x.html → y.html → x.html\n"),
        "{stderr}"
    );
}

/// Escape sequences in wire copy and in YAML values, and a newline in a file name, reached the
/// terminal raw: a story could clear the screen or retitle the window, and a file name forge a
/// line of output.
#[test]
fn issue17_control_characters_from_files_and_file_names_are_printed_escaped() {
    let p = project();
    p.write(
        "content/articles/w.txt",
        "date 2024-99-01\u{1b}[2J\u{1b}]0;pwned\u{7}\n\nSEOUL (AFP) – Ships \u{1b}[31m12 ships.\n",
    );
    p.write(
        "content/articles/y.md",
        "---\ntitle: K\nsource: AFP\npublished: 2024-01-01\nignore:\n  - \"\\e[31mred\\u009b2J\"\n---\nText 12 ships.\n",
    );
    p.write(
        "content/articles/n\nfake.md:1:1: error: forged\u{1b}[2J.md",
        "---\ntitle: E\nsource: AFP\n---\nText.\n",
    );
    let (code, _, stderr) = report(&["check"], p.root());
    assert_eq!(code, 1, "{stderr}");
    for c in stderr.chars() {
        assert!(
            c == '\n' || !c.is_control(),
            "{c:?} printed raw in {stderr:?}"
        );
    }
    assert!(
        stderr.contains(
            "content/articles/w.txt:1:6: error: invalid date line: `2024-99-01\\u{1b}[2J\\u{1b}]0;pwned\\u{7}`"
        ),
        "{stderr}"
    );
    assert!(
        stderr.contains("`ignore` entry `\\u{1b}[31mred\\u{9b}2J` matches no extracted claim"),
        "{stderr}"
    );
    assert!(
        stderr.contains(
            "content/articles/n\\nfake.md:1:1: error: forged\\u{1b}[2J.md:1:1: error: missing required field `published`"
        ),
        "{stderr}"
    );
    // Every line of the output is a diagnostic, its help, or the summary.
    for line in stderr.lines() {
        assert!(
            line.starts_with("content/articles/")
                || line.starts_with("  help: ")
                || line.ends_with("nothing written"),
            "{line:?}"
        );
    }
}

/// A 1 MB value was echoed whole in its message.
#[test]
fn issue17_a_huge_value_is_cut_in_its_message() {
    let p = project();
    let huge = "k".repeat(1_000_000);
    p.write(
        "content/articles/b.md",
        &format!(
            "---\ntitle: K\nsource: AFP\npublished: 2024-03-21\ndates: {huge}\nignore:\n  - {huge}\n---\nText 12 ships.\n"
        ),
    );
    p.write(
        "content/articles/c.md",
        &format!("---\ntitle: K\nsource: AFP\npublished: {huge}\n---\nText 12 ships.\n"),
    );
    let (code, _, stderr) = report(&["check"], p.root());
    assert_eq!(code, 1);
    assert!(stderr.len() < 2_000, "{} bytes printed", stderr.len());
    assert!(
        stderr.contains(&format!(
            "content/articles/b.md:5:1: error: invalid `dates`: `{}…` (1000000 characters)\n",
            "k".repeat(79)
        )),
        "{stderr}"
    );
    assert!(
        stderr.contains(&format!(
            "content/articles/c.md:4:1: error: invalid `published` date: `{}…` (1000000 characters) is not an ISO date\n",
            "k".repeat(79)
        )),
        "{stderr}"
    );
}

/// A `report.yaml` saved with a byte-order mark (Notepad does) read as "more than one document".
#[test]
fn issue17_a_byte_order_mark_in_report_yaml_is_read_as_nothing() {
    let p = project();
    p.write("report.yaml", "\u{feff}title: With a mark\nlanguage: en\n");
    let (code, _, stderr) = report(&["build", "--quiet"], p.root());
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(stderr, "");
    assert!(p.read_site("index.html").contains("With a mark"));
    // An article's front matter too.
    p.write("content/articles/b.md", &format!("\u{feff}{ARTICLE}"));
    let (code, _, stderr) = report(&["check"], p.root());
    assert_eq!(code, 0, "{stderr}");
}

/// An output folder that is a mount point (a Docker bind mount) failed every build with "Device
/// or resource busy"; it is refused with a message saying what to do. Needs root to mount a
/// tmpfs; where mounting is not allowed the test says so and checks nothing.
#[test]
fn issue17_an_output_folder_that_is_a_mount_point_is_refused_clearly() {
    let p = project();
    std::fs::create_dir(p.site()).unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "report-test", p.site().to_str().unwrap()])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: cannot mount a tmpfs here (not root)");
        return;
    }
    struct Unmount<'a>(&'a std::path::Path);
    impl Drop for Unmount<'_> {
        fn drop(&mut self) {
            let _ = std::process::Command::new("umount").arg(self.0).status();
        }
    }
    let site = p.site();
    let _unmount = Unmount(&site);
    for args in [&["build"][..], &["build", "--force"], &["check"]] {
        let (code, _, stderr) = report(args, p.root());
        assert_eq!(code, 1, "{args:?}: {stderr}");
        assert_eq!(
            stderr,
            "error: refusing to use ./site as the output folder: it is a mount point, which cannot be replaced by renaming; build into a folder inside it (for example --out <mount>/site)\n",
            "{args:?}"
        );
    }
    // Building into a folder inside it works.
    let (code, _, stderr) = report(&["build", "--quiet", "--out", "site/inner"], p.root());
    assert_eq!(code, 0, "{stderr}");
    assert!(p.site().join("inner/index.html").is_file());
}

#[test]
fn an_ignore_entry_matches_a_claim_whose_text_spans_a_line_break() {
    let p = project();
    p.write(
        "content/articles/maize.md",
        "---\ntitle: Maize\nsource: AFP\npublished: 2024-03-21\nignore:\n  - 3,200 shillings\n---\nA bag cost 6,400 shillings, up from 3,200\nshillings in October, traders said.\n",
    );
    let (code, _, stderr) = report(&["build", "--quiet"], p.root());
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("matches no extracted claim"), "{stderr}");
    let claims = p.months("claims").concat();
    assert!(
        claims.contains("\"text\":\"6,400 shillings\"") && !claims.contains("\"text\":\"3,200"),
        "{claims}"
    );
}
