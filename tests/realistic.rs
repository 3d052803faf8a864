//! The realistic project of `tests/fixtures/realistic` (22 stories of several desks in Markdown
//! and wire copy, two briefings): it builds without an error, and its pages hold no link to a
//! missing anchor and no id twice, the faults site-check found on it and on a generated corpus
//! (issue 17). CI runs site-check itself on both.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::{TestProject, copy_dir};
use regex::Regex;

fn realistic() -> TestProject {
    let p = TestProject::empty();
    copy_dir(Path::new("tests/fixtures/realistic"), p.root());
    p
}

/// The HTML pages of the built site, by path.
fn pages(p: &TestProject) -> BTreeMap<String, String> {
    common::tree(&p.site())
        .into_iter()
        .filter(|(path, _)| path.ends_with(".html"))
        .map(|(path, bytes)| (path, String::from_utf8(bytes).unwrap()))
        .collect()
}

#[test]
fn the_realistic_project_builds_without_an_error() {
    let p = realistic();
    let outcome = p.build();
    let errors: Vec<String> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.severity == report::Severity::Error)
        .map(|d| d.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert!(outcome.written);
    assert!(outcome.articles >= 20, "{}", outcome.articles);
    assert_eq!(outcome.briefings, 2);
}

/// A claim written across a line break ("25\nyears") had no mark in the article's text, and the
/// article's table of claims linked to it.
#[test]
fn issue17_every_anchor_an_article_page_links_to_exists() {
    let p = realistic();
    assert!(p.build().written);
    let id = Regex::new(r#" id="([^"]+)""#).unwrap();
    let href = Regex::new(r##" href="#([^"]+)""##).unwrap();
    let mut missing = Vec::new();
    for (path, html) in pages(&p) {
        let ids: BTreeSet<&str> = id
            .captures_iter(&html)
            .map(|c| c.get(1).unwrap().as_str())
            .collect();
        for c in href.captures_iter(&html) {
            let target = c.get(1).unwrap().as_str();
            if !ids.contains(target) {
                missing.push(format!("{path}#{target}"));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}

/// Two series that slug alike ("Number change (China)" and "Number % change (China)") gave the
/// second group the id of the first group's second row: `fig-number-change-china-2` twice.
#[test]
fn issue17_no_id_is_used_twice_on_a_page() {
    let p = realistic();
    // Two series that slug alike, the first with more than one row.
    p.write(
        "content/articles/2024-08-02-twins.md",
        "---\ntitle: Two counts\nsource: AFP\npublished: 2024-08-02\ntags: [sudan]\nclaims:\n  - value: 10\n    unit: trucks\n    measure: Number change (Chad)\n    as_of: 2024-08-01\n  - value: 12\n    unit: trucks\n    measure: Number change (Chad)\n    as_of: 2024-08-02\n  - value: 5\n    kind: percent\n    unit: percent\n    measure: Number % change (Chad)\n---\nAid trucks crossed into Chad on Friday.\n",
    );
    assert!(p.build().written);
    let id = Regex::new(r#" id="([^"]+)""#).unwrap();
    let mut twice = Vec::new();
    for (path, html) in pages(&p) {
        let mut seen = BTreeSet::new();
        for c in id.captures_iter(&html) {
            let id = c.get(1).unwrap().as_str();
            if !seen.insert(id) {
                twice.push(format!("{path}: {id}"));
            }
        }
    }
    assert!(twice.is_empty(), "{twice:#?}");
    let briefing = p.read_site("briefings/sudan-crisis.html");
    assert!(
        briefing.contains("id=\"fig-number-change-chad\""),
        "{briefing}"
    );
    assert!(briefing.contains("id=\"fig-number-change-chad-1\""));
}
