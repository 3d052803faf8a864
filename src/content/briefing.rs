//! One briefing file in, a [`Briefing`] definition out: which articles it covers, how the
//! analyst names and arranges its figure series, and the analyst's own text.

use std::path::{Path, PathBuf};

use super::article::slugify;
use super::front_matter;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// A briefing definition, validated.
#[derive(Debug, Clone)]
pub struct Briefing {
    /// Slug, unique among briefings.
    pub slug: String,
    /// Path as shown to users.
    pub path: PathBuf,
    /// The file's full content.
    pub text: String,
    /// Byte offset where the analyst's text starts.
    pub body_offset: usize,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: Option<String>,
    /// Articles with any of these tags are covered.
    pub tags: Vec<String>,
    /// Articles covered by slug.
    pub articles: Vec<String>,
    /// Figure series to feature (by series name or unit), in order; all when empty.
    pub figures: Vec<String>,
    /// The analyst's notes on figure series, by series name or unit.
    pub notes: std::collections::BTreeMap<String, String>,
    /// The analyst's names for series (`series:`), in the order of their keys.
    pub series: Vec<SeriesName>,
}

/// What a key of a briefing's `series:` names: the figures of a measure, or one figure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeriesTarget {
    /// Every figure of this measure as extracted ("people displaced (South Sudan)"), or, for
    /// figures without a measure, of this unit.
    Measure(String),
    /// One figure, written `ARTICLE-SLUG#fN` after its anchor in the article page.
    Figure {
        /// The article's slug.
        article: String,
        /// The figure's index among the article's figures (`f1` is 0).
        index: usize,
    },
}

impl SeriesTarget {
    /// The target a key names: `slug#f3` is the third figure of article `slug`, anything else a
    /// measure.
    pub fn parse(key: &str) -> Self {
        let figure = key.trim().rsplit_once('#').and_then(|(article, anchor)| {
            let n: usize = anchor.strip_prefix('f')?.parse().ok()?;
            let article = article.trim();
            (n >= 1 && !article.is_empty()).then(|| SeriesTarget::Figure {
                article: article.to_string(),
                index: n - 1,
            })
        });
        figure.unwrap_or_else(|| SeriesTarget::Measure(key.trim().to_string()))
    }
}

/// One entry of a briefing's `series:`: the figures it names and the series name to show them
/// under. Two measures given one name are merged; one figure given a name moves to that series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeriesName {
    /// The key as written.
    pub key: String,
    /// What the key names.
    pub target: SeriesTarget,
    /// The series name to show.
    pub name: String,
    /// Byte offset of the key's line in the briefing file, for diagnostics.
    pub offset: usize,
}

/// The summary `report new briefing` writes, for the analyst to replace: published as it is, it
/// would stand under the title and on the index, so a build warns about it.
pub const PLACEHOLDER_SUMMARY: &str = "One paragraph shown under the title and on the index.";

/// The text `report new briefing` writes below the front matter, for the analyst to replace.
pub const PLACEHOLDER_BODY: &str = "The analyst's own text, in Markdown.";

/// Warnings for the placeholders of `report new briefing` still in a briefing, each at its line.
fn placeholders(path: &Path, text: &str, summary: Option<&str>, body_offset: usize) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let front = &text[..body_offset.min(text.len())];
    if summary.map(str::trim) == Some(PLACEHOLDER_SUMMARY) {
        let offset = front
            .find(PLACEHOLDER_SUMMARY)
            .or_else(|| front.find("summary:"))
            .unwrap_or(0);
        diags.push(
            Diagnostic::warning(
                path,
                "the summary is still the placeholder of `report new briefing`",
            )
            .at_offset(text, offset)
            .with_help("write the briefing's summary, or remove `summary:`"),
        );
    }
    let body = &text[body_offset.min(text.len())..];
    if let Some(at) = body.find(PLACEHOLDER_BODY)
        && body.trim() == PLACEHOLDER_BODY
    {
        diags.push(
            Diagnostic::warning(
                path,
                "the text is still the placeholder of `report new briefing`",
            )
            .at_offset(text, body_offset + at)
            .with_help("write the analyst's text below the front matter"),
        );
    }
    diags
}

/// Parses one briefing file.
pub fn parse_briefing(path: &Path, text: String) -> (Option<Briefing>, Diagnostics) {
    let mut diags = Diagnostics::new();
    if text.trim().is_empty() {
        diags.push(
            Diagnostic::error(path, "the file is empty")
                .with_help("a briefing needs front matter with at least `title:`"),
        );
        return (None, diags);
    }
    let split = match front_matter::split(path, &text) {
        Ok(s) => s,
        Err(d) => {
            diags.push(d);
            return (None, diags);
        }
    };
    if !split.present {
        diags.push(
            Diagnostic::error(path, "missing front matter")
                .at(1, 1)
                .with_help("start the file with `---`, then `title:` and `tags:` or `articles:`, then `---`"),
        );
        return (None, diags);
    }
    let (front, d) = front_matter::parse_briefing(path, &text, split);
    diags.extend(d);
    let Some(front) = front else {
        return (None, diags);
    };
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("briefing");
    let slug_source = front.slug.clone().unwrap_or_else(|| stem.to_string());
    let Some(slug) = slugify(&slug_source) else {
        diags.push(Diagnostic::error(
            path,
            format!("cannot make a slug from `{slug_source}`"),
        ));
        return (None, diags);
    };
    if front.tags.is_empty() && front.articles.is_empty() {
        diags.push(
            Diagnostic::warning(path, "the briefing selects no article")
                .at(1, 1)
                .with_help("add `tags:` or `articles:` to its front matter"),
        );
    }
    diags.extend(placeholders(
        path,
        &text,
        front.summary.as_deref(),
        split.body_offset,
    ));
    let briefing = Briefing {
        slug,
        path: path.to_path_buf(),
        body_offset: split.body_offset,
        title: front.title,
        summary: front.summary,
        tags: front.tags,
        articles: front.articles,
        figures: front.figures,
        notes: front.notes,
        series: front.series,
        text,
    };
    (Some(briefing), diags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_keys_name_a_figure_or_a_measure() {
        assert_eq!(
            SeriesTarget::parse("nordvik-results#f3"),
            SeriesTarget::Figure {
                article: "nordvik-results".into(),
                index: 2
            }
        );
        for measure in [
            "people displaced (South Sudan)",
            "a#f0",
            "a#fx",
            "#f2",
            "a#3",
        ] {
            assert_eq!(
                SeriesTarget::parse(measure),
                SeriesTarget::Measure(measure.into()),
                "{measure}"
            );
        }
    }

    #[test]
    fn series_are_read_with_the_line_of_each_key() {
        let text = "---\ntitle: B\ntags: [x]\nseries:\n  jobs cut (Nordvik): Jobs cut\n  \"a#f2\": Net income (Nordvik)\n---\nText.\n";
        let (b, d) = parse_briefing(Path::new("b.md"), text.to_string());
        assert!(d.is_empty(), "{d:?}");
        let b = b.unwrap();
        let lines: Vec<(SeriesTarget, &str, usize)> = b
            .series
            .iter()
            .map(|s| {
                let line = crate::diagnostics::LineIndex::new(text)
                    .locate(text, s.offset)
                    .0;
                (s.target.clone(), s.name.as_str(), line)
            })
            .collect();
        assert_eq!(
            lines,
            [
                (
                    SeriesTarget::Measure("jobs cut (Nordvik)".into()),
                    "Jobs cut",
                    5
                ),
                (
                    SeriesTarget::Figure {
                        article: "a".into(),
                        index: 1
                    },
                    "Net income (Nordvik)",
                    6
                ),
            ]
        );
    }

    #[test]
    fn an_empty_series_name_is_an_error_on_its_line() {
        let text = "---\ntitle: B\ntags: [x]\nseries:\n  jobs cut: \"  \"\n---\n";
        let (b, d) = parse_briefing(Path::new("b.md"), text.to_string());
        assert!(b.is_none());
        let d: Vec<String> = d.iter().map(|d| d.to_string()).collect();
        assert_eq!(
            d,
            [
                "b.md:5:3: error: `series:` gives `jobs cut` an empty name\n  help: write the series name to show, or remove the line"
            ]
        );
    }
}
