//! Regression tests for inputs that fuzzing or property testing found to crash or hang the
//! parsers and extractors. Each input is kept inline with what it must produce instead.

use std::path::Path;

use chrono::NaiveDate;
use report::content::{Strictness, parse_article};

fn published() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2024, 3, 20)
}

/// Wire text whose fifth byte falls inside a character: the `date ` check sliced it.
#[test]
fn wire_header_with_a_wide_character_at_byte_five() {
    let text = "¡\u{1b170}";
    let (article, diags) =
        parse_article(Path::new("a.txt"), text.into(), None, Strictness::Project);
    assert!(article.is_none());
    let messages: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    assert!(
        messages[0].starts_with("a.txt:1:1: error: missing required field `published`"),
        "{messages:?}"
    );
    let out = report::extract_text(Path::new("a.txt"), text.into(), published()).unwrap();
    assert!(out.claims.figures.is_empty());
}
