//! Fuzzes the raw wire-copy parser (date line, dateline, title from the lead): any bytes as a
//! `.txt` article, in a project.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use report::content::{Strictness, parse_article};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let (article, diags) = parse_article(Path::new("a.txt"), text, None, Strictness::Project);
    assert!(article.is_some() || diags.has_errors());
    if let Some(article) = article {
        assert!(article.text.is_char_boundary(article.body_offset));
        // The HTML of the story, with no claim marked.
        let _ = article.render_html(&[]);
    }
});
