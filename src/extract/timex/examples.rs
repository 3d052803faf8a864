//! Test support: the row each rule's examples are written in ([`Example`]), the checks that run
//! them, and the tagger's own source, for the tests that read it.

use chrono::NaiveDate;

use super::{Timex, TimexType, tag};

/// One example of a rule: (text, publication date, the span tagged, its TIMEX3 value, type and
/// mod). 2024-03-20, the date most examples are read on, is a Wednesday.
pub(super) type Example = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    TimexType,
    Option<&'static str>,
);

pub(super) fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub(super) fn find<'a>(text: &str, res: &'a [Timex], span: &str) -> Option<&'a Timex> {
    res.iter().find(|t| &text[t.start..t.end] == span)
}

/// Tags `text` with reference date `dct`: the expression tagged at `span` (failing when
/// there is none), and every (span, value) tagged, for messages.
fn tagged(text: &str, dct: &str, span: &str) -> (Timex, String) {
    let res = tag(text, d(dct));
    let got: Vec<(&str, &str)> = res
        .iter()
        .map(|t| (&text[t.start..t.end], t.value.as_str()))
        .collect();
    let got = format!("{text}: {got:?}");
    let t = find(text, &res, span)
        .unwrap_or_else(|| panic!("no span {span:?} in {got}"))
        .clone();
    (t, got)
}

/// Checks that each example's span is tagged with its value, type and mod.
pub(super) fn check(examples: &[Example]) {
    for (text, dct, span, value, kind, modifier) in examples {
        let (t, got) = tagged(text, dct, span);
        assert_eq!(t.value, *value, "{got}");
        assert_eq!(t.kind, *kind, "{got}");
        assert_eq!(t.modifier.as_deref(), *modifier, "{got}");
    }
}

/// Checks that nothing at all is tagged in each text (read on 2024-03-20).
pub(super) fn check_untagged(texts: &[&str]) {
    for text in texts {
        let res = tag(text, d("2024-03-20"));
        assert!(res.is_empty(), "{text}: {res:?}");
    }
}

/// Checks that the span is not tagged in its text (read on 2024-03-20).
pub(super) fn check_span_untagged(cases: &[(&str, &str)]) {
    for (text, bad) in cases {
        let res = tag(text, d("2024-03-20"));
        assert!(find(text, &res, bad).is_none(), "{text}: {res:?}");
    }
}

/// Checks that no set and no decimal value is tagged in each text (read on 2024-03-20).
pub(super) fn check_no_set_or_decimal(texts: &[&str]) {
    for text in texts {
        let res = tag(text, d("2024-03-20"));
        assert!(
            res.iter()
                .all(|t| t.kind != TimexType::Set && !t.value.contains('.')),
            "{text}: {res:?}"
        );
    }
}

/// Every file of the tagger, by its path under `timex/`, with its text.
pub(super) const SOURCES: &[(&str, &str)] = &[
    ("examples.rs", include_str!("examples.rs")),
    ("grammar/date.rs", include_str!("grammar/date.rs")),
    ("grammar/duration.rs", include_str!("grammar/duration.rs")),
    ("grammar/holiday.rs", include_str!("grammar/holiday.rs")),
    ("grammar/mod.rs", include_str!("grammar/mod.rs")),
    ("grammar/relative.rs", include_str!("grammar/relative.rs")),
    ("grammar/set.rs", include_str!("grammar/set.rs")),
    ("grammar/story.rs", include_str!("grammar/story.rs")),
    ("grammar/time.rs", include_str!("grammar/time.rs")),
    ("grammar/year.rs", include_str!("grammar/year.rs")),
    ("lexicon.rs", include_str!("lexicon.rs")),
    ("mod.rs", include_str!("mod.rs")),
    ("resolve/mod.rs", include_str!("resolve/mod.rs")),
    ("resolve/narrative.rs", include_str!("resolve/narrative.rs")),
    ("resolve/tense.rs", include_str!("resolve/tense.rs")),
    ("sem.rs", include_str!("sem.rs")),
    ("tokens.rs", include_str!("tokens.rs")),
];

/// A file's code: the text before its unit tests.
pub(super) fn code_of(src: &str) -> &str {
    &src[..src.find("#[cfg(test)]\nmod tests {").unwrap_or(src.len())]
}

/// A file's unit tests (all of this file, which only the tests use).
pub(super) fn tests_of(path: &str, src: &'static str) -> &'static str {
    if path == "examples.rs" {
        return src;
    }
    src.find("mod tests {").map_or("", |i| &src[i..])
}

#[test]
fn sources_are_every_file() {
    fn walk(dir: &std::path::Path, base: &std::path::Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, base, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let rel = path.strip_prefix(base).unwrap();
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let base = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/extract/timex");
    let mut found = Vec::new();
    walk(&base, &base, &mut found);
    found.sort();
    let listed: Vec<&str> = SOURCES.iter().map(|(path, _)| *path).collect();
    assert_eq!(found, listed);
}
