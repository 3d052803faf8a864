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

/// The claims of `text` with offsets that do not slice back to their own text.
fn mismatched_claims(text: &str) -> Vec<String> {
    let out = report::extract_text(Path::new("a.md"), text.into(), published()).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let slice = |s: usize, e: usize| chars.get(s..e).map(|c| c.iter().collect::<String>());
    let figures = out.claims.figures.iter().map(|f| (&f.text, f.start, f.end));
    let dates = out.claims.dates.iter().map(|d| (&d.text, d.start, d.end));
    figures
        .chain(dates)
        .filter(|(t, s, e)| slice(*s, *e).as_deref() != Some(t.as_str()))
        .map(|(t, s, e)| format!("`{t}` at {s}..{e}"))
        .collect()
}

/// A figure in a Markdown code span: the end of its span was counted in plain-text bytes
/// (without the backticks), so it fell short of the span or inside `é`, and the figure's text came
/// out cut (`` `1 tan ``) or empty while its offsets covered the code span. Found by the `extract`
/// fuzz target.
#[test]
fn figure_in_a_code_span_with_a_wide_character() {
    let text = "---\ntitle: t\n---\nThey sent `7 trucks é` and `1 tank`.\n";
    assert_eq!(mismatched_claims(text), Vec::<String>::new());
    let out = report::extract_text(Path::new("a.md"), text.into(), published()).unwrap();
    let figures: Vec<&str> = out.claims.figures.iter().map(|f| f.text.as_str()).collect();
    assert_eq!(figures, ["`7 trucks é`", "`1 tank`"]);
}

/// Front matter whose slug is complex keys (`? ? ?`) and dashes on indented lines, after a
/// quoted `"["`: the nesting scan counted that bracket as still open, as it should, but then took
/// the rest of the text for flow context, where no block collection opens, so the 130 nested
/// keys and sequences passed it and serde_yaml refused them with its own "recursion limit
/// exceeded". Found by the `nesting` fuzz target (crash-413f997c, as the target writes it).
#[test]
fn block_nesting_after_a_quoted_bracket() {
    let long_line = format!(
        "  ? ? ? ? ? ? ? {}{}{}? ? $\n",
        "- ".repeat(60),
        "[".repeat(62),
        "- ".repeat(23)
    );
    let text = [
        "---\ntitle: Nested\nsource: AFP\npublished: 2024-03-20\nslug: \n",
        "  ? \n",
        "  ? ? ? ? ? ? ? ? ? $\n",
        "  ? ? ? ? ? ? ? ? ? ? ? ? ? $\n",
        "  ? ? ? ? ? ? ? #? ? ? ? ? ? $\n",
        "  ? ? ? ? ? ? ? ? ? ? \"[\"\n",
        "  \n",
        "  ? ? ? ? ? ? ? ? ? ? $\n",
        "  ? ? ? ? ? ? ? ? ? ? ? ? \n",
        &long_line,
        "  ? ? ? ? ? ? ? ? ? ? ? #? $\n",
        "  ? ? ? 0000{00 ? ? ? $\n",
        "  ? ? ? ? ? ? ? ? ? ? \"[\"\n",
        "  \n",
        "  ? ?  ? ? ? ? ? ? ? ? $\n",
        "  ? ? ? ? ? $\n",
        "  ? ? ? ? ? ? ? #? ? ? ? ? ? $\n",
        "  ? ? ? ? ? ? ? ? ? ? ? ? ? ? ? ? [\n",
        "---\nSeoul said 12 ships.\n",
    ]
    .concat();
    let (article, diags) = parse_article(Path::new("a.md"), text, None, Strictness::Project);
    assert!(article.is_none());
    let messages: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].starts_with(
            "a.md:14:127: error: lists and mappings nest more than 128 levels deep here"
        ),
        "{messages:?}"
    );
}
