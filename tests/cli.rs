//! The binary end to end: stdout, stderr and exit codes together.

mod common;

use std::process::Command;

use common::{TestProject, report};

#[test]
fn extract_plain_text_with_a_given_date() {
    let p = TestProject::empty();
    p.write(
        "note.txt",
        "The ministry said on Friday that 1,200 families had left.",
    );
    let (code, out, err) = report(
        &["extract", "note.txt", "--published", "2024-06-12"],
        p.root(),
    );
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["published"], "2024-06-12");
    assert_eq!(json["figures"][0]["value"], 1200.0);
    assert_eq!(json["figures"][0]["unit"], "families");
    assert_eq!(json["figures"][0]["said_by"], "ministry");
    assert_eq!(json["dates"][0]["text"], "Friday");
    assert_eq!(json["dates"][0]["value"], "2024-06-07");
    assert_eq!(json["figures"][0]["as_of"], "2024-06-07");
}

#[test]
fn extract_without_a_date_says_how_to_give_one() {
    let p = TestProject::empty();
    p.write("note.txt", "Plain text.");
    let (code, out, err) = report(&["extract", "note.txt"], p.root());
    assert_eq!(code, 1);
    assert_eq!(out, "");
    assert_eq!(
        err,
        "note.txt:1:1: error: missing required field `published`\n  help: give the reference date with --published YYYY-MM-DD\n"
    );
}

#[test]
fn build_reports_every_problem_and_exits_1() {
    let p = TestProject::example();
    p.write(
        "content/articles/a.md",
        "---\ntitle: A\nsource: X\npublished: 2024-02-30\n---\nx\n",
    );
    p.write("content/articles/b.md", "");
    let (code, _, err) = report(&["build"], p.root());
    assert_eq!(code, 1);
    assert_eq!(
        err,
        "content/articles/a.md:4:1: error: invalid `published` date: `2024-02-30` is not a day of the calendar\n  \
         help: write an ISO date such as 2024-03-20 or 2024-03-20T08:15:00Z\n\
         content/articles/b.md: error: the file is empty\n  \
         help: an article needs front matter and a story, or wire text\n\
         2 errors; nothing written\n"
    );
    assert!(!p.site().exists());
}

#[test]
fn check_writes_nothing_and_build_writes_the_site() {
    let p = TestProject::example();
    let (code, _, err) = report(&["check"], p.root());
    assert_eq!(code, 0, "{err}");
    // No sitemap without base_url, and check says so.
    assert!(err.contains("would write 22 files"), "{err}");
    assert!(err.starts_with("sitemap.xml not written"), "{err}");
    assert!(!p.site().exists());
    let (code, _, err) = report(&["build"], p.root());
    assert_eq!(code, 0, "{err}");
    assert!(err.starts_with("1 article, 1 briefing,"), "{err}");
    assert!(p.site().join("index.html").is_file());
}

#[test]
fn usage_errors_exit_2() {
    let p = TestProject::empty();
    let (code, _, _) = report(&["frobnicate"], p.root());
    assert_eq!(code, 2);
    let (code, _, err) = report(&["extract", "x.txt", "--published", "2024-13-01"], p.root());
    assert_eq!(code, 2, "{err}");
}

#[test]
fn builds_are_reproducible_and_take_the_date_from_source_date_epoch() {
    let p = TestProject::example();
    report(&["build"], p.root());
    let first = p.read_site("index.html");
    report(&["build"], p.root());
    assert_eq!(first, p.read_site("index.html"));
    assert!(
        first.contains("Built 2024-03-20"),
        "the newest publication date, not the clock"
    );
    let out = Command::new(env!("CARGO_BIN_EXE_report"))
        .arg("build")
        .current_dir(p.root())
        .env("SOURCE_DATE_EPOCH", "1717200000")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(p.read_site("index.html").contains("Built 2024-06-01"));
}

#[test]
fn the_binary_prints_exactly_what_the_library_extracts() {
    // The evaluation harness extracts in one process through `report::extract_text`; the
    // command must give the same claims.
    let p = TestProject::empty();
    let text = "date 2024-01-10\nKYIV (Reuters) – Officials said on Tuesday that about 2,400 homes had lost power since Sunday.";
    p.write("story.txt", text);
    let (code, out, err) = report(&["extract", "story.txt"], p.root());
    assert_eq!(code, 0, "{err}");
    let from_binary: serde_json::Value = serde_json::from_str(&out).unwrap();
    let from_library =
        report::extract_text(std::path::Path::new("story.txt"), text.into(), None).unwrap();
    assert_eq!(from_binary, serde_json::to_value(from_library).unwrap());
    assert_eq!(from_binary["figures"][0]["text"], "about 2,400 homes");
}
