//! Property tests (proptest) on hostile and arbitrary input: extraction never panics and its
//! offsets slice back to each claim's text, in order and without overlap; article parsing
//! never panics and never refuses silently; slugs are safe path components; `csv` cells
//! round-trip through a CSV reader.

use std::path::Path;

use chrono::NaiveDate;
use proptest::prelude::*;
use report::content::{Strictness, parse_article, slugify};

/// Words the extractors react to, so that generated stories reach deep into them.
const CUES: &[&str] = &[
    "said",
    "says",
    "told",
    "according to",
    "Mr.",
    "Defence Minister Kim",
    "he",
    "around",
    "about",
    "nearly",
    "more than",
    "at least",
    "up to",
    "less than",
    "increased by",
    "rose",
    "a further",
    "million",
    "billion",
    "bn",
    "thousand",
    "hundred and",
    "a dozen",
    "one",
    "three",
    "twenty",
    "number one",
    "percent",
    "per cent",
    "%",
    "$",
    "euros",
    "times",
    "containers",
    "artillery rounds",
    "Monday",
    "last",
    "next",
    "this",
    "ago",
    "weeks",
    "the following month",
    "since",
    "until",
    "by",
    "in",
    "of",
    "early",
    "late",
    "mid-",
    "January",
    "July",
    "October",
    "2023",
    "1990s",
    "Q1",
    "summer",
    "Christmas",
    "today",
    "yesterday",
    "every",
    "year",
    "decade",
    "3 p.m.",
    "31",
    "February",
    "29",
];

/// Separators, including the ones sentence splitting and quotes care about.
const SEPS: &[&str] = &[
    " ", " ", " ", ", ", ". ", ".\n", "\n\n", " – ", " — ", "\u{a0}", " “", "” ", "\"", "'s ",
    ": ", "; ", "(", ")", "-", "/", "…", "\r\n",
];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::sample::select(CUES).prop_map(String::from),
        2 => "[0-9]{1,4}",
        1 => "[0-9]{1,3}(,[0-9]{3}){0,4}(\\.[0-9]{1,3})?",
        1 => "[0-9]{1,2}(st|nd|rd|th)?",
        1 => "[A-Z][a-z]{1,8}",
        1 => any::<char>().prop_map(String::from),
        1 => "[éüß日本語ØЖ\u{301}\u{200b}\u{feff}]{1,3}",
    ]
}

/// A story made of cue words, numbers and odd characters.
fn story() -> impl Strategy<Value = String> {
    prop::collection::vec((word(), prop::sample::select(SEPS)), 0..50).prop_map(|parts| {
        parts.into_iter().fold(String::new(), |mut s, (w, sep)| {
            s.push_str(&w);
            s.push_str(sep);
            s
        })
    })
}

/// Markdown syntax that makes the plain text differ from the file: code spans, entities,
/// emphasis, links, lists, headings, line breaks.
const MARKDOWN: &[&str] = &[
    "`",
    "``",
    "*",
    "**",
    "_",
    "&amp;",
    "&eacute;",
    "&#55;",
    "\\",
    "[",
    "](http://x)",
    "\n- ",
    "\n1. ",
    "\n# ",
    "\n> ",
    "  \n",
    "\n\n",
    "<b>",
    "</b>",
    "<!--",
    "-->",
    "\n```\n",
    "|",
];

fn markdown() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        3 => word(),
        2 => prop::sample::select(MARKDOWN).prop_map(String::from),
        1 => prop::sample::select(SEPS).prop_map(String::from),
    ];
    prop::collection::vec(token, 0..60).prop_map(|t| t.join(" "))
}

/// Any text: a generated story, or arbitrary Unicode.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![3 => story(), 1 => any::<String>()]
}

/// A publication date, mostly ordinary, sometimes at the ends of the calendar.
fn date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        4 => (1950i32..2100, 1u32..=12, 1u32..=31),
        1 => (1i32..=9999, 1u32..=12, 1u32..=31),
        1 => prop::sample::select(vec![(-262_000, 1, 1), (262_000, 12, 31), (0, 1, 1)]),
    ]
    .prop_filter_map("not a calendar day", |(y, m, d)| {
        NaiveDate::from_ymd_opt(y, m, d)
    })
}

fn char_slice(chars: &[char], start: usize, end: usize) -> Option<String> {
    (start <= end && end <= chars.len()).then(|| chars[start..end].iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 192, ..ProptestConfig::default() })]

    #[test]
    fn extraction_offsets_slice_back_in_order(text in text(), published in date()) {
        let Ok(out) = report::extract_text(Path::new("story.txt"), text.clone(), Some(published))
        else {
            // Refused: that must come with a reason, which `extract_text` returns as errors.
            return Ok(());
        };
        let chars: Vec<char> = text.chars().collect();
        let mut last_start = 0;
        for f in &out.claims.figures {
            prop_assert!(!f.hand);
            prop_assert_eq!(char_slice(&chars, f.start, f.end), Some(f.text.to_string()));
            prop_assert!(f.start >= last_start, "figures out of order at {}", f.start);
            last_start = f.start;
        }
        let mut last_end = 0;
        for d in &out.claims.dates {
            prop_assert_eq!(char_slice(&chars, d.start, d.end), Some(d.text.to_string()));
            prop_assert!(d.start >= last_end, "date `{}` at {} overlaps the one before", d.text, d.start);
            prop_assert!(d.start < d.end, "empty date at {}", d.start);
            last_end = d.end;
        }
        for e in &out.claims.events {
            let sentence = char_slice(&chars, e.start, e.end);
            prop_assert!(sentence.is_some(), "event {}..{} outside the text", e.start, e.end);
        }
    }

    #[test]
    fn markdown_extraction_offsets_slice_back(body in markdown(), published in date()) {
        let text = format!("---\ntitle: t\n---\n{body}");
        let out = report::extract_text(Path::new("story.md"), text.clone(), Some(published));
        let out = match out {
            Ok(out) => out,
            Err(diags) => {
                prop_assert!(diags.has_errors());
                return Ok(());
            }
        };
        let chars: Vec<char> = text.chars().collect();
        for f in &out.claims.figures {
            prop_assert_eq!(char_slice(&chars, f.start, f.end), Some(f.text.to_string()));
        }
        for d in &out.claims.dates {
            prop_assert_eq!(char_slice(&chars, d.start, d.end), Some(d.text.to_string()));
        }
    }

    #[test]
    fn articles_with_arbitrary_front_matter_parse_or_say_why(
        lines in prop::collection::vec(front_matter_line(), 0..8),
        body in text(),
        closed in any::<bool>(),
    ) {
        let close = if closed { "---\n" } else { "" };
        let text = format!("---\n{}{close}{body}", lines.concat());
        let (article, diags) =
            parse_article(Path::new("a.md"), text.clone(), None, Strictness::Project);
        match article {
            Some(a) => {
                prop_assert!(!diags.has_errors());
                prop_assert!(a.body_offset <= text.len() && text.is_char_boundary(a.body_offset));
                prop_assert!(is_safe_slug(&a.id.0), "unsafe slug `{}`", a.id.0);
                let _ = a.plain_text();
            }
            None => prop_assert!(diags.has_errors(), "refused without an error: {:?}", text),
        }
    }

    #[test]
    fn wire_text_parses_or_says_why(text in text(), dated in any::<bool>()) {
        let text = if dated { format!("date 2024-03-20\n{text}") } else { text };
        let (article, diags) =
            parse_article(Path::new("a.txt"), text.clone(), None, Strictness::Project);
        match article {
            Some(a) => {
                prop_assert!(text.is_char_boundary(a.body_offset));
                prop_assert!(!a.source.is_empty());
            }
            None => prop_assert!(diags.has_errors()),
        }
    }

    #[test]
    fn slugs_are_safe_path_components(text in prop_oneof![
        any::<String>(),
        "[./\\\\a-zA-Z_ -]{0,12}",
    ]) {
        if let Some(slug) = slugify(&text) {
            prop_assert!(is_safe_slug(&slug), "unsafe slug `{slug}` from `{text}`");
            let page = format!("articles/{slug}.html");
            prop_assert!(report::render::is_safe_output_path(&page));
        }
    }

    #[test]
    fn csv_cells_round_trip(cells in prop::collection::vec(any::<String>(), 1..5)) {
        let mut tera = tera::Tera::default();
        report::render::filters::register(&mut tera);
        // A first fixed cell: a line of one empty cell is a blank line, which readers skip.
        let template: Vec<String> = (0..cells.len()).map(|i| format!("{{{{ c{i} | csv }}}}")).collect();
        tera.add_raw_template("t.csv", &format!("row,{}\n", template.join(","))).unwrap();
        let mut context = tera::Context::new();
        for (i, c) in cells.iter().enumerate() {
            context.insert(format!("c{i}"), c);
        }
        let line = tera.render("t.csv", &context).unwrap();
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(line.as_bytes());
        let record = reader.records().next().expect("one record").expect("valid CSV");
        prop_assert_eq!(record.len(), cells.len() + 1);
        for (got, want) in record.iter().skip(1).zip(&cells) {
            let defused = want.starts_with(['=', '+', '-', '@', '\t', '\r']);
            let expected = if defused { format!("'{want}") } else { want.clone() };
            prop_assert_eq!(got, expected.as_str());
        }
    }
}

/// One front-matter line: a known key with a plausible or hostile value, or anything at all.
fn front_matter_line() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "title",
        "source",
        "published",
        "url",
        "dateline",
        "author",
        "tags",
        "slug",
        "reliability",
        "lang",
        "claims",
        "ignore",
        "publised",
        "",
    ]);
    let value = prop_oneof![
        Just("2024-03-20".to_string()),
        Just("2024-03-20T08:15:00Z".to_string()),
        Just("[a, b]".to_string()),
        Just("\n  - value: 1e400\n    quote: \"\"\n    as_of: 2024-02-30".to_string()),
        Just("&x [*x]".to_string()),
        Just("!!binary aGk=".to_string()),
        Just("|\n  block".to_string()),
        Just("https://example.org/a".to_string()),
        "[a-z0-9 :./_-]{0,10}",
        any::<String>(),
    ];
    prop_oneof![
        4 => (key, value).prop_map(|(k, v)| format!("{k}: {v}\n")),
        1 => any::<String>().prop_map(|s| format!("{s}\n")),
    ]
}

/// A slug that can be used as a file name on any system: not empty, no separator, not `.`/`..`.
fn is_safe_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug != "."
        && slug != ".."
        && !slug.contains(['/', '\\'])
        && !slug.contains("..")
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}
