//! Fuzzes front matter nested deep in flow style: the input's bytes pick YAML tokens (`[`, `{`,
//! `,`, `: `, quotes, comments, anchors, newlines), so that short inputs become deep and odd
//! nestings, set as the value of a key of an article's front matter. The scan that refuses
//! nesting past 128 levels runs before serde_yaml; it must never let through what serde_yaml's
//! own depth limit then refuses (the parser is quadratic in depth before that limit applies),
//! and a run must end quickly (libFuzzer's -timeout) whatever the nesting.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use report::content::{Strictness, parse_article};

const TOKENS: &[&str] = &[
    "[", "[", "[", "{", "{", "{", "]", "}", ", ", ": ", "a", "\"", "'", "#", "\n", " ", "- ",
    "&x ", "*x", "? ", "\\", "\"[\"", "'{'", "!!seq ", "1", "\n  ",
];

const KEYS: &[&str] = &["tags", "claims", "ignore", "title", "nested", "slug"];

fuzz_target!(|data: &[u8]| {
    let Some((&key, rest)) = data.split_first() else {
        return;
    };
    let mut value = String::new();
    for &b in rest {
        match b {
            // A few bytes stand for themselves, so that any character can appear.
            0xF0.. => value.push(char::from(b - 0xF0 + b'!')),
            _ => value.push_str(TOKENS[usize::from(b) % TOKENS.len()]),
        }
    }
    let key = KEYS[usize::from(key) % KEYS.len()];
    let text = format!(
        "---\ntitle: Nested\nsource: AFP\npublished: 2024-03-20\n{key}: {value}\n---\nSeoul said 12 ships.\n"
    );
    let (article, diags) = parse_article(Path::new("a.md"), text, None, Strictness::Project);
    assert!(article.is_some() || diags.has_errors());
    // An alias inside the node it names (`[&x [*x]]`) is refused by serde_yaml with the same
    // "recursion limit exceeded" at once, whatever the nesting: not the scan's to catch.
    if value.contains('*') {
        return;
    }
    for d in diags.iter() {
        // serde_yaml's own limit: the scan should have refused it first, before the parser's
        // quadratic work.
        assert!(
            !d.message.contains("recursion limit exceeded"),
            "the nesting scan let through what serde_yaml refused: {d}"
        );
    }
});
