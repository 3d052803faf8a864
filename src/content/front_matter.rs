//! An article or briefing file in, its front matter out: splits the leading `---` block, parses it
//! (via [`super::yaml`]) and validates it into resolved, typed values.

use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use super::briefing::{SeriesName, SeriesTarget};
use super::yaml::{self, Block};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::extract::Reading;

/// The split of a file into its front-matter block and body.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Split<'a> {
    /// The YAML text between the `---` lines (empty when there is no block).
    pub(crate) yaml: &'a str,
    /// Byte offset of the YAML text in the file.
    pub(crate) yaml_offset: usize,
    /// Byte offset where the body starts.
    pub(crate) body_offset: usize,
    /// Whether the file had a front-matter block.
    pub(crate) present: bool,
}

impl<'a> Split<'a> {
    /// The YAML block of `file_text`, for parsing.
    fn block(self, file_text: &'a str) -> Block<'a> {
        Block {
            file_text,
            yaml: self.yaml,
            offset: self.yaml_offset,
        }
    }
}

/// Splits a leading `---` … `---` block. An opening line without a closing one is an error.
pub(crate) fn split<'a>(path: &Path, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    let start = usize::from(text.starts_with('\u{feff}')) * 3;
    let rest = &text[start..];
    let first_line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    if rest[..first_line_end].trim_end() != "---" {
        return Ok(Split {
            yaml: "",
            yaml_offset: start,
            body_offset: start,
            present: false,
        });
    }
    let yaml_offset = start + first_line_end;
    let mut offset = yaml_offset;
    for line in text[yaml_offset..].split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            return Ok(Split {
                yaml: &text[yaml_offset..offset],
                yaml_offset,
                body_offset: offset + line.len(),
                present: true,
            });
        }
        offset += line.len();
    }
    Err(Diagnostic::error(path, "front matter is not closed")
        .at_offset(text, start)
        .with_help("end the front matter with a line holding only `---`"))
}

/// A scalar as written in YAML, kept as text so that dates are parsed once, by us.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub(crate) enum Scalar {
    /// A string.
    Text(String),
    /// A number (a year, say).
    Int(i64),
    /// A float.
    Float(f64),
}

impl Scalar {
    fn as_text(&self) -> String {
        match self {
            Scalar::Text(s) => s.clone(),
            Scalar::Int(i) => i.to_string(),
            Scalar::Float(f) => f.to_string(),
        }
    }
}

/// A claim added by hand in an article's front matter, as written.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandClaim {
    /// The number.
    pub value: f64,
    /// What is counted.
    pub unit: Option<String>,
    /// approximately, more than, at least, up to, …
    pub qualifier: Option<String>,
    /// level (default), change, percent, money, ratio.
    pub kind: Option<String>,
    /// What the figure measures ("people displaced"): figures of one measure form one series.
    pub measure: Option<String>,
    /// For a change: `up` or `down`.
    pub direction: Option<String>,
    /// `forecast` for a forecast, projection or target; absent for an outcome.
    pub status: Option<String>,
    /// Who said it.
    pub said_by: Option<String>,
    /// As of when (ISO date, month or year).
    pub as_of: Option<String>,
    /// The sentence it comes from; located in the article text when found.
    pub quote: Option<String>,
    /// The figure as written ("around 7,000 containers"); defaults to the value.
    pub text: Option<String>,
}

#[derive(Debug, Deserialize)]
struct RawArticle {
    title: Option<String>,
    source: Option<String>,
    published: Option<Scalar>,
    url: Option<String>,
    dateline: Option<String>,
    author: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    slug: Option<String>,
    reliability: Option<String>,
    lang: Option<String>,
    dates: Option<String>,
    #[serde(default)]
    claims: Vec<HandClaim>,
    #[serde(default)]
    ignore: Vec<String>,
}

/// The keys an article's front matter may hold.
pub(crate) const ARTICLE_KEYS: &[&str] = &[
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
    "dates",
    "claims",
    "ignore",
];

/// An article's front matter, validated. Fields the file may leave out are `Option`s; the
/// required ones are checked by the caller, which may know them from elsewhere (wire text).
#[derive(Debug, Clone, Default)]
pub(crate) struct ArticleFront {
    /// Headline.
    pub(crate) title: Option<String>,
    /// Publisher or agency.
    pub(crate) source: Option<String>,
    /// Publication date.
    pub(crate) published: Option<NaiveDate>,
    /// The original of the story: an http(s) address as the `url` crate normalizes it.
    pub(crate) url: Option<String>,
    /// Place line ("SEOUL").
    pub(crate) dateline: Option<String>,
    /// Byline.
    pub(crate) author: Option<String>,
    /// Topics.
    pub(crate) tags: Vec<String>,
    /// Slug override.
    pub(crate) slug: Option<String>,
    /// Admiralty grade such as `B2`.
    pub(crate) reliability: Option<String>,
    /// Language code.
    pub(crate) lang: Option<String>,
    /// How year-less dates read (`dates: news` or `dates: narrative`); `None` decides from the
    /// text.
    pub(crate) dates: Option<Reading>,
    /// Claims added by hand.
    pub(crate) claims: Vec<HandClaim>,
    /// Texts of extracted claims to suppress.
    pub(crate) ignore: Vec<String>,
    /// Keys whose values were reported as invalid (so they are not also reported missing).
    pub(crate) invalid: Vec<&'static str>,
}

/// Parses and validates an article's front matter block.
pub(crate) fn parse_article(
    path: &Path,
    file_text: &str,
    split: Split<'_>,
) -> (Option<ArticleFront>, Diagnostics) {
    let block = split.block(file_text);
    let (raw, mut diags) = yaml::parse_mapping::<RawArticle>(path, block, ARTICLE_KEYS);
    let Some(raw) = raw else {
        return (None, diags);
    };
    let RawArticle {
        title,
        source,
        published,
        url,
        dateline,
        author,
        tags,
        slug,
        reliability,
        lang,
        dates,
        claims,
        ignore,
    } = raw;
    let at_key = |key: &str, d: Diagnostic| {
        d.at_offset(
            file_text,
            yaml::key_offset(block, key).unwrap_or(split.yaml_offset),
        )
    };
    let mut invalid = Vec::new();
    let published = match published {
        None => None,
        Some(p) => match parse_date(&p.as_text()) {
            Ok(d) => Some(d),
            Err(msg) => {
                invalid.push("published");
                diags.push(at_key(
                    "published",
                    Diagnostic::error(path, format!("invalid `published` date: {msg}"))
                        .with_help("write an ISO date such as 2024-03-20 or 2024-03-20T08:15:00Z"),
                ));
                None
            }
        },
    };
    let dates = match dates.as_deref().map(str::trim) {
        None => None,
        Some("news") => Some(Reading::News),
        Some("narrative") => Some(Reading::Narrative),
        Some(other) => {
            invalid.push("dates");
            diags.push(at_key(
                "dates",
                Diagnostic::error(path, format!("invalid `dates`: `{other}`"))
                    .with_help("write `news` (dates count from the publication) or `narrative` (from the time the story is in), or leave it out to decide from the text"),
            ));
            None
        }
    };
    let url = match url.as_deref().map(|u| parse_http_url("url", u)) {
        None => None,
        Some(Ok(u)) => Some(u),
        Some(Err(d)) => {
            diags.push(at_key("url", d.into_diagnostic(path)));
            None
        }
    };
    for (key, value) in [("title", &title), ("source", &source)] {
        if value.as_deref().is_some_and(|v| v.trim().is_empty()) {
            diags.push(at_key(
                key,
                Diagnostic::error(path, format!("`{key}` is empty")),
            ));
        }
    }
    for claim in &claims {
        // YAML reads `.inf`, `.nan` and `1.0e+400` as floats; no output can write them.
        if !claim.value.is_finite() {
            diags.push(at_key(
                "claims",
                Diagnostic::error(
                    path,
                    format!(
                        "invalid `value` in claims: `{}` is not a finite number",
                        claim.value
                    ),
                )
                .with_help("write the number itself, such as 7000 or 2.5"),
            ));
        }
        if let Some(as_of) = &claim.as_of
            && !is_partial_iso_date(as_of)
        {
            diags.push(at_key(
                "claims",
                Diagnostic::error(path, format!("invalid `as_of` in claims: `{as_of}`"))
                    .with_help("write 2024-03-18, 2024-03 or 2024"),
            ));
        }
    }
    let front = ArticleFront {
        title: title.map(|t| t.trim().to_string()),
        source: source.map(|t| t.trim().to_string()),
        published,
        url,
        dateline,
        author,
        tags,
        slug,
        reliability,
        lang,
        dates,
        claims,
        ignore,
        invalid,
    };
    (Some(front), diags)
}

#[derive(Debug, Deserialize)]
struct RawBriefing {
    title: Option<String>,
    summary: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    articles: Vec<String>,
    #[serde(default)]
    figures: Vec<String>,
    #[serde(default)]
    notes: std::collections::BTreeMap<String, String>,
    #[serde(default)]
    series: std::collections::BTreeMap<String, String>,
    slug: Option<String>,
}

/// The keys a briefing's front matter may hold.
pub(crate) const BRIEFING_KEYS: &[&str] = &[
    "title", "summary", "tags", "articles", "figures", "notes", "series", "slug",
];

/// A briefing's front matter, validated.
#[derive(Debug, Clone)]
pub(crate) struct BriefingFront {
    /// Title (required).
    pub(crate) title: String,
    /// One-paragraph summary.
    pub(crate) summary: Option<String>,
    /// Articles carrying any of these tags are covered.
    pub(crate) tags: Vec<String>,
    /// Articles covered by slug.
    pub(crate) articles: Vec<String>,
    /// Series names or units of the figure series to feature, in order (all when empty).
    pub(crate) figures: Vec<String>,
    /// The analyst's notes on figure series, by series name or unit (a note acknowledges
    /// conflicting values).
    pub(crate) notes: std::collections::BTreeMap<String, String>,
    /// The analyst's names for series.
    pub(crate) series: Vec<SeriesName>,
    /// Slug override.
    pub(crate) slug: Option<String>,
}

/// Parses and validates a briefing's front matter block.
pub(crate) fn parse_briefing(
    path: &Path,
    file_text: &str,
    split: Split<'_>,
) -> (Option<BriefingFront>, Diagnostics) {
    let block = split.block(file_text);
    let (raw, mut diags) = yaml::parse_mapping::<RawBriefing>(path, block, BRIEFING_KEYS);
    let Some(raw) = raw else {
        return (None, diags);
    };
    let RawBriefing {
        title,
        summary,
        tags,
        articles,
        figures,
        notes,
        series,
        slug,
    } = raw;
    let series = series_names(path, block, series, &mut diags);
    let Some(title) = title.filter(|t| !t.trim().is_empty()) else {
        diags.push(
            Diagnostic::error(path, "missing required field `title`")
                .at_offset(file_text, split.yaml_offset.saturating_sub(4))
                .with_help("add `title: …` to the front matter"),
        );
        return (None, diags);
    };
    if diags.has_errors() {
        return (None, diags);
    }
    let front = BriefingFront {
        title: title.trim().to_string(),
        summary,
        tags,
        articles,
        figures,
        notes,
        series,
        slug,
    };
    (Some(front), diags)
}

/// The entries of a briefing's `series:`, each located at its key's line; an empty name is an
/// error there.
fn series_names(
    path: &Path,
    block: Block<'_>,
    series: std::collections::BTreeMap<String, String>,
    diags: &mut Diagnostics,
) -> Vec<SeriesName> {
    let mut out = Vec::with_capacity(series.len());
    for (key, name) in series {
        let offset = yaml::nested_key_offset(block, "series", key.trim()).unwrap_or(block.offset);
        if name.trim().is_empty() {
            diags.push(
                Diagnostic::error(path, format!("`series:` gives `{key}` an empty name"))
                    .at_offset(block.file_text, offset)
                    .with_help("write the series name to show, or remove the line"),
            );
            continue;
        }
        out.push(SeriesName {
            target: SeriesTarget::parse(&key),
            key,
            name: name.trim().to_string(),
            offset,
        });
    }
    // In the order of the file, so that diagnostics and merges follow it.
    out.sort_by_key(|s| s.offset);
    out
}

/// Parses `YYYY-MM-DD`, optionally followed by a time (`T08:15:00Z`, ` 08:15`); the date is kept.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    let date_part = text.get(..10).unwrap_or(text);
    let rest = text.get(10..).unwrap_or("");
    if !(rest.is_empty() || rest.starts_with('T') || rest.starts_with(' ')) {
        return Err(format!("`{text}` is not an ISO date"));
    }
    if rest.len() > 1 {
        let time = rest[1..].trim();
        let ok = chrono::DateTime::parse_from_rfc3339(&format!("{date_part}T{time}")).is_ok()
            || chrono::NaiveDateTime::parse_from_str(
                &format!("{date_part}T{time}"),
                "%Y-%m-%dT%H:%M:%S",
            )
            .is_ok()
            || chrono::NaiveDateTime::parse_from_str(
                &format!("{date_part}T{time}"),
                "%Y-%m-%dT%H:%M",
            )
            .is_ok();
        if !ok {
            return Err(format!("`{text}` has an unreadable time"));
        }
    }
    let bytes = date_part.as_bytes();
    let shaped = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shaped {
        return Err(format!("`{text}` is not an ISO date (YYYY-MM-DD)"));
    }
    NaiveDate::parse_from_str(date_part, "%Y-%m-%d")
        .map_err(|_| format!("`{date_part}` is not a day of the calendar"))
}

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` naming a real period.
pub fn is_partial_iso_date(text: &str) -> bool {
    match text.len() {
        4 => text.bytes().all(|b| b.is_ascii_digit()),
        7 => NaiveDate::parse_from_str(&format!("{text}-01"), "%Y-%m-%d").is_ok(),
        10 => parse_date(text).is_ok(),
        _ => false,
    }
}

/// Why a URL in front matter or configuration was refused: the message and its help line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlError {
    /// What is wrong, naming the key.
    pub message: String,
    /// How to fix it.
    pub help: &'static str,
}

impl UrlError {
    /// The diagnostic for `path`; the caller locates it at the key's line.
    pub fn into_diagnostic(self, path: &Path) -> Diagnostic {
        Diagnostic::error(path, self.message).with_help(self.help)
    }
}

/// The `http://` or `https://` address in `text` (the value of `key`), normalized by the `url`
/// crate: host lower-cased, `"`, `<`, `>` and non-ASCII percent-encoded, an empty path made
/// `/`. Whitespace and control characters are refused rather than dropped, as the URL standard
/// would: the address reaches iCalendar lines, HTML attributes and feeds, and a line break
/// there starts a new property.
pub fn parse_http_url(key: &str, text: &str) -> Result<String, UrlError> {
    let shown = text.escape_debug();
    if let Some(c) = text.chars().find(|c| c.is_whitespace() || c.is_control()) {
        return Err(UrlError {
            message: format!(
                "`{key}` holds {}: `{shown}`",
                match c {
                    ' ' => "a space".to_string(),
                    '\n' | '\r' => "a line break".to_string(),
                    c => format!("the character U+{:04X}", u32::from(c)),
                }
            ),
            help: "write the address without spaces or control characters (a space is %20)",
        });
    }
    let not_http = || UrlError {
        message: format!("`{key}` must be an http(s) address, not `{shown}`"),
        help: "write an address starting with https:// or http://",
    };
    let lower = text.to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return Err(not_http());
    }
    match url::Url::parse(text) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.host().is_some() => Ok(u.into()),
        Ok(_) => Err(not_http()),
        Err(e) => Err(UrlError {
            message: format!("`{key}` is not a valid address ({e}): `{shown}`"),
            help: "write an address starting with https:// or http://",
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter() {
        let text = "---\ntitle: a\n---\nbody";
        let s = split(Path::new("a.md"), text).unwrap();
        assert_eq!(s.yaml, "title: a\n");
        assert_eq!(&text[s.body_offset..], "body");
    }

    #[test]
    fn unterminated_front_matter_is_an_error() {
        let d = split(Path::new("a.md"), "---\ntitle: a\nbody").unwrap_err();
        assert_eq!(
            d.to_string().lines().next().unwrap(),
            "a.md:1:1: error: front matter is not closed"
        );
    }

    #[test]
    fn parses_dates_and_refuses_impossible_ones() {
        assert_eq!(parse_date("2024-03-20").unwrap().to_string(), "2024-03-20");
        assert_eq!(
            parse_date("2024-03-20T08:15:00Z").unwrap().to_string(),
            "2024-03-20"
        );
        assert!(parse_date("2024-02-30").unwrap_err().contains("not a day"));
        assert!(parse_date("20 March").is_err());
        assert!(parse_date("2024-03-20Tnonsense").is_err());
    }

    #[test]
    fn urls_are_parsed_normalized_and_refused_with_control_characters() {
        // (written, normalized or the start of the message)
        let cases = [
            ("https://example.org/a", Ok("https://example.org/a")),
            ("HTTPS://Example.ORG", Ok("https://example.org/")),
            (
                "https://example.org/a\"b<c>?q=\"x\"#\"f\"",
                Ok("https://example.org/a%22b%3Cc%3E?q=%22x%22#%22f%22"),
            ),
            (
                "https://example.org/caf\u{e9}",
                Ok("https://example.org/caf%C3%A9"),
            ),
            (
                "https://example.org/a\r\nX-INJ:1",
                Err("`url` holds a line break"),
            ),
            ("https://example.org/a b", Err("`url` holds a space")),
            (
                "https://example.org/a\tb",
                Err("`url` holds the character U+0009"),
            ),
            (" https://example.org/", Err("`url` holds a space")),
            (
                "https://example.org/\u{85}",
                Err("`url` holds the character U+0085"),
            ),
            (
                "javascript:alert(1)",
                Err("`url` must be an http(s) address"),
            ),
            ("//evil.example/x", Err("`url` must be an http(s) address")),
            ("https://", Err("`url` is not a valid address (empty host)")),
            ("http://[::1", Err("`url` is not a valid address")),
        ];
        for (written, expected) in cases {
            match (parse_http_url("url", written), expected) {
                (Ok(got), Ok(want)) => assert_eq!(got, want, "{written:?}"),
                (Err(got), Err(want)) => {
                    assert!(got.message.starts_with(want), "{written:?}: {got:?}");
                    assert!(!got.message.contains(['\r', '\n']), "{got:?}");
                }
                (got, want) => panic!("{written:?}: got {got:?}, want {want:?}"),
            }
        }
    }
}
