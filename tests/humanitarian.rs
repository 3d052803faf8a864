//! Series from extracted figures: a briefing over two humanitarian stories, three months apart,
//! charts people displaced as one series and keeps the displaced, the hungry, the people reached
//! with aid and the dead apart (fixture `tests/fixtures/humanitarian`, stories written for it).

mod common;

use std::path::Path;

use common::{TestProject, attr_values, between, copy_dir};

fn project() -> TestProject {
    let p = TestProject::empty();
    copy_dir(
        Path::new("tests/fixtures/humanitarian/content"),
        &p.root().join("content"),
    );
    std::fs::copy(
        "tests/fixtures/humanitarian/report.yaml",
        p.root().join("report.yaml"),
    )
    .unwrap();
    p
}

#[test]
fn people_displaced_are_one_series_across_two_stories_and_never_joined_with_other_counts() {
    let p = project();
    let outcome = p.build();
    assert!(!outcome.has_errors(), "{:?}", outcome.diagnostics);
    let html = p.read_site("briefings/south-sudan.html");
    let headings: Vec<&str> = html
        .split("<h3 id=\"fig-")
        .skip(1)
        .map(|h| &h[..h.find('"').unwrap()])
        .collect();
    for want in [
        "people-displaced-south-sudan",
        "people-facing-acute-hunger-south-sudan",
        "people-reached-south-sudan",
        "people-killed-south-sudan",
    ] {
        assert!(headings.contains(&want), "no series {want} in {headings:?}");
    }
    // The displaced series: 96,000 in June (twice: as reported in June and as restated in
    // September) and more than 240,000 in September, charted as one line, with no conflict.
    let group = between(&html, "id=\"fig-people-displaced-south-sudan\"", "</table>");
    let rows: Vec<&str> = group.split("<tr").skip(2).collect();
    let values: Vec<String> = rows
        .iter()
        .map(|r| between(r, "<span class=\"number\">", "</span>").to_string())
        .collect();
    assert_eq!(values, ["96,000", "96,000", "240,000"], "{group}");
    let as_of: Vec<String> = rows
        .iter()
        .map(|r| attr_values(r, "datetime")[0].clone())
        .collect();
    assert_eq!(as_of, ["2025-06", "2025-06-12", "2025-09-17"]);
    assert!(!group.contains("conflict"));
    assert!(group.contains("<svg"), "the series is charted");
    // No other count joins it.
    for other in ["7.7 million", "1.2 million", "1.5 million", "57", "12"] {
        assert!(
            !values.iter().any(|v| v.starts_with(other)),
            "{other} joined the displaced"
        );
    }
}
