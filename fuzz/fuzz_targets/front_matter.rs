//! Fuzzes front-matter splitting and YAML parsing: any bytes as a `.md` article, in a project.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use report::content::{Strictness, parse_article};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let (article, diags) = parse_article(Path::new("a.md"), text, None, Strictness::Project);
    // Every refusal must say why.
    assert!(article.is_some() || diags.has_errors());
});
