//! Pathological input: huge articles, one enormous line, deep nesting, a flood of numbers, a file
//! of only front matter. Each must build (or be refused with a clear message), without panicking;
//! the sizes here are kept modest so the debug-build suite stays quick, and the release-build
//! throughput on the full sizes is measured separately (see docs/internals.md).

mod common;

use common::TestProject;

const FRONT: &str = "---\ntitle: P\nsource: S\npublished: 2024-01-01\ntags: [t]\n---\n";

fn builds(body: &str) -> report::BuildOutcome {
    let p = TestProject::empty();
    p.write("content/articles/p.md", &format!("{FRONT}{body}"));
    p.write(
        "content/briefings/b.md",
        "---\ntitle: B\ntags: [t]\n---\nText.\n",
    );
    let outcome = p.build();
    assert!(outcome.written, "{:?}", outcome.diagnostics);
    assert!(p.read_site("articles/p.html").contains("<h1>P</h1>"));
    outcome
}

#[test]
fn a_large_article() {
    let para = "The ministry said on Monday that about 7,000 containers had been shipped since October 2023. ";
    let body: String = (0..4_000)
        .map(|i| {
            if i % 5 == 4 {
                format!("{para}\n\n")
            } else {
                para.to_string()
            }
        })
        .collect();
    assert!(body.len() > 350_000);
    let outcome = builds(&body);
    assert!(outcome.claims > 10_000);
}

#[test]
fn one_enormous_line() {
    let words = [
        "officials",
        "said",
        "Monday",
        "that",
        "300",
        "homes",
        "were",
        "lost",
        "in",
        "May",
        "and",
        "prices",
        "rose",
        "5%",
    ];
    let body: String = (0..60_000)
        .map(|i| words[i % words.len()])
        .collect::<Vec<_>>()
        .join(" ");
    assert!(body.len() > 300_000 && !body.contains('\n'));
    builds(&body);
}

#[test]
fn deeply_nested_lists_and_quotes() {
    let lists: String = (0..2_000)
        .map(|i| format!("{}- item {i}\n", "  ".repeat(i)))
        .collect();
    builds(&lists);
    builds(&format!("{} deep quote\n", ">".repeat(5_000)));
    builds(&format!("{}text{}", "*".repeat(5_000), "*".repeat(5_000)));
    builds(&format!("{}x{}", "[".repeat(5_000), "]".repeat(5_000)));
}

#[test]
fn a_flood_of_numbers() {
    let body: String = (0..50_000).map(|i| format!("{i} ")).collect();
    builds(&body);
}

#[test]
fn only_front_matter() {
    let outcome = builds("");
    assert_eq!(outcome.claims, 0);
}

#[test]
fn control_characters_and_odd_unicode() {
    let body = "\u{0}\u{1}\u{7f} \u{202e}reversed\u{202c} e\u{301}\u{301}\u{301} \u{feff}\u{200b} 🏳️‍🌈 \u{10ffff} ₩5,000 ٣٤٥ containers\r\n\r\nLast line";
    builds(body);
}

/// Issue 17, finding 9: no input had a size limit. A file under `content/` larger than
/// `max_article_size` (10 MB unless report.yaml says otherwise) is refused where it passes the
/// limit, and is never read further; the other files are still checked.
#[test]
fn issue_17_an_article_over_the_size_limit_is_refused_where_it_passes_it() {
    let p = TestProject::empty();
    p.write(
        "content/articles/small.md",
        &format!("{FRONT}Officials said on Monday that 300 homes were flooded.\n"),
    );
    let line = "Officials said on Monday that 300 homes were flooded.\n";
    // 59 bytes of front matter (6 lines), then lines of 54 bytes: byte 2,000 is the 52nd of
    // line 42.
    let big = format!("{FRONT}{}", line.repeat(100));
    assert!(big.len() > 5_000);
    p.write("content/articles/big.md", &big);
    p.write(
        "content/briefings/b.md",
        &format!("---\ntitle: B\ntags: [t]\n---\n{}", "Text. ".repeat(400)),
    );
    p.write("report.yaml", "title: T\nmax_article_size: 2 KB\n");
    let lines = p.diagnostics();
    assert_eq!(
        lines,
        [
            "content/articles/big.md:42:52: error: the file is larger than the 2 KB limit; it goes on past here\n  help: split it, or raise `max_article_size` in report.yaml (now 2 KB)",
            "content/briefings/b.md:5:1974: error: the file is larger than the 2 KB limit; it goes on past here\n  help: split it, or raise `max_article_size` in report.yaml (now 2 KB)",
        ]
    );
    assert!(!p.site().exists());

    // The default limit: 10 MB.
    let p = TestProject::empty();
    let huge = format!("{FRONT}{}", "word ".repeat(2_000_001));
    p.write("content/articles/huge.md", &huge);
    let lines = p.diagnostics();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        lines[0].starts_with(
            "content/articles/huge.md:7:9999942: error: the file is larger than the 10 MB limit"
        ),
        "{lines:?}"
    );
}
