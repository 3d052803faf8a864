//! One article file's text in, an [`Article`] out: front matter or wire header resolved into
//! metadata, with the byte offset where the story starts.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use super::front_matter::{self, HandClaim};
use super::markdown::{self, Mark};
use super::plain::PlainText;
use super::wire;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::extract::Reading;

/// An article's key: its slug.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct ArticleId(pub String);

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// How the story is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArticleFormat {
    /// Markdown with YAML front matter.
    Markdown,
    /// Raw wire copy or plain text.
    Wire,
}

/// An article, loaded and validated.
#[derive(Debug, Clone)]
pub struct Article {
    /// Slug, unique in the project.
    pub id: ArticleId,
    /// Path as shown to users (relative to the project root when loaded from a project).
    pub path: PathBuf,
    /// The file's full content.
    pub text: String,
    /// Markdown or wire text.
    pub format: ArticleFormat,
    /// Byte offset where the story starts.
    pub body_offset: usize,
    /// Headline.
    pub title: String,
    /// Publisher or agency.
    pub source: String,
    /// Publication date, the reference for every relative date in the story.
    pub published: NaiveDate,
    /// The original (http or https).
    pub url: Option<String>,
    /// Place line.
    pub dateline: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Topics.
    pub tags: Vec<String>,
    /// Admiralty grade.
    pub reliability: Option<String>,
    /// Language code.
    pub lang: Option<String>,
    /// How year-less dates read (front matter `dates:`); `None` decides from the text.
    pub dates: Option<Reading>,
    /// Claims added by hand.
    pub hand_claims: Vec<HandClaim>,
    /// Texts of extracted claims to suppress.
    pub ignore: Vec<String>,
}

/// What a caller can do without: a project build needs every required field; `report extract`
/// only needs a reference date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Strictness {
    /// Title, source and published are required.
    Project,
    /// Only a publication date is needed (it may come from `published`).
    Extract,
}

/// Parses one article file. `published` (from the command line) is used when the file has none.
pub fn parse_article(
    path: &Path,
    text: String,
    published: Option<NaiveDate>,
    strictness: Strictness,
) -> (Option<Article>, Diagnostics) {
    let mut diags = Diagnostics::new();
    if text.trim().is_empty() {
        diags.push(
            Diagnostic::error(path, "the file is empty")
                .with_help("an article needs front matter and a story, or wire text"),
        );
        return (None, diags);
    }
    let is_md = matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("md" | "markdown")
    ) || text.starts_with("---\n")
        || text.starts_with("---\r\n");
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("article")
        .to_string();
    let mut header_date_invalid = false;
    let (format, body_offset, front) = if is_md {
        let split = match front_matter::split(path, &text) {
            Ok(s) => s,
            Err(d) => {
                diags.push(d);
                return (None, diags);
            }
        };
        if !split.present && strictness == Strictness::Project {
            diags.push(
                Diagnostic::error(path, "missing front matter")
                    .at(1, 1)
                    .with_help("start the file with `---`, then `title:`, `source:`, `published:` lines, then `---`"),
            );
            return (None, diags);
        }
        let (front, d) = front_matter::parse_article(path, &text, split);
        diags.extend(d);
        let Some(front) = front else {
            return (None, diags);
        };
        (ArticleFormat::Markdown, split.body_offset, front)
    } else {
        let header = wire::parse_header(&text);
        if let Some((bad, offset)) = &header.bad_date {
            header_date_invalid = true;
            diags.push(
                Diagnostic::error(path, format!("invalid date line: `{bad}`"))
                    .at_offset(&text, *offset)
                    .with_help("write the first line as `date YYYY-MM-DD`"),
            );
        }
        let title = header
            .headline
            .clone()
            .unwrap_or_else(|| wire::title_from_lead(&text[header.story_offset..]));
        let front = front_matter::ArticleFront {
            title: Some(title),
            source: header.source.clone(),
            published: header.published,
            dateline: header.dateline.clone(),
            tags: header.tags.clone(),
            ..Default::default()
        };
        (ArticleFormat::Wire, header.body_offset, front)
    };
    let published = front.published.or(published);
    let mut missing = |field: &str, help: &str| {
        diags.push(
            Diagnostic::error(path, format!("missing required field `{field}`"))
                .at(1, 1)
                .with_help(help),
        );
    };
    let invalid_date = front.invalid.contains(&"published") || header_date_invalid;
    if published.is_none() && !invalid_date {
        let help = match (format, strictness) {
            (_, Strictness::Extract) => "give the reference date with --published YYYY-MM-DD",
            (ArticleFormat::Wire, _) => "start the file with a line `date YYYY-MM-DD`",
            (ArticleFormat::Markdown, _) => "add `published: YYYY-MM-DD` to the front matter",
        };
        missing("published", help);
    }
    if strictness == Strictness::Project {
        if front.title.as_deref().is_none_or(str::is_empty) {
            missing("title", "add `title: …` to the front matter");
        }
        if front.source.is_none() {
            let help = match format {
                ArticleFormat::Wire => "start the story with a dateline such as `SEOUL (AFP) –`",
                ArticleFormat::Markdown => {
                    "add `source: …` (publisher or agency) to the front matter"
                }
            };
            missing("source", help);
        }
    }
    let Some(published) = published else {
        return (None, diags);
    };
    if diags.has_errors() {
        return (None, diags);
    }
    let slug_source = front.slug.clone().unwrap_or(stem);
    let Some(slug) = slugify(&slug_source) else {
        diags.push(
            Diagnostic::error(path, format!("cannot make a slug from `{slug_source}`"))
                .with_help("set `slug:` to letters, digits and dashes"),
        );
        return (None, diags);
    };
    let article = Article {
        id: ArticleId(slug),
        path: path.to_path_buf(),
        format,
        body_offset,
        title: front.title.unwrap_or_default(),
        source: front.source.unwrap_or_default(),
        published,
        url: front.url,
        dateline: front.dateline,
        author: front.author,
        tags: front.tags,
        reliability: front.reliability,
        lang: front.lang,
        dates: front.dates,
        hand_claims: front.claims,
        ignore: front.ignore,
        text,
    };
    (Some(article), diags)
}

impl Article {
    /// Byte offset where the story starts for a reader: for wire text, after a headline and the
    /// dateline below it, which the extractors still read (see [`Article::body_offset`]).
    pub fn story_start(&self) -> usize {
        match self.format {
            ArticleFormat::Markdown => self.body_offset,
            ArticleFormat::Wire => wire::parse_header(&self.text).story_offset,
        }
    }

    /// The story as plain text for the extractors.
    pub fn plain_text(&self) -> PlainText {
        match self.format {
            ArticleFormat::Markdown => markdown::plain_text(&self.text, self.body_offset),
            ArticleFormat::Wire => {
                let story = &self.text[self.body_offset..];
                let runs = super::mark_runs::scattered_runs(story);
                PlainText::verbatim_masked(&self.text, self.body_offset, &runs)
            }
        }
    }

    /// The story as sanitized HTML with `marks` (sorted, non-overlapping) highlighted.
    pub fn render_html(&self, marks: &[Mark]) -> String {
        match self.format {
            ArticleFormat::Markdown => {
                markdown::render_markdown(&self.text, self.body_offset, marks)
            }
            ArticleFormat::Wire => markdown::render_plain(&self.text, self.body_offset, marks),
        }
    }
}

/// File names reserved for devices on Windows.
#[rustfmt::skip]
const RESERVED_NAMES: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A safe slug: lowercase ASCII letters, digits, `-` and `_`; `None` when nothing is left.
pub fn slugify(text: &str) -> Option<String> {
    // Letters outside ASCII are spelt in ASCII first (`Türkiye` → `turkiye`, `São` → `sao`,
    // `Москва` → `moskva`) rather than dropped; deunicode's tables are the ones the `slug` crate (and
    // tera's `slugify`) use. What it cannot spell becomes a separator.
    let ascii = deunicode::deunicode_with_tofu(text, "-");
    let mut out = String::new();
    let lower: Vec<char> = ascii.chars().flat_map(char::to_lowercase).collect();
    for (i, &c) in lower.iter().enumerate() {
        // "Kenya's government" → `kenyas-government`: a possessive's apostrophe is no break.
        let possessive = matches!(c, '\'' | '’')
            && out.ends_with(|p: char| p.is_ascii_alphanumeric())
            && lower.get(i + 1) == Some(&'s')
            && lower.get(i + 2).is_none_or(|n| !n.is_ascii_alphanumeric());
        if possessive {
            continue;
        }
        if c.is_ascii_alphanumeric() || c == '_' {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out = out.trim_matches('-').to_string();
    // Names that Windows reserves for devices cannot be files there, whatever the extension.
    if RESERVED_NAMES.contains(&out.as_str()) {
        out.push_str("-page");
    }
    (!out.is_empty() && !out.chars().all(|c| c == '_')).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_safe() {
        assert_eq!(slugify("../../etc/Passwd").as_deref(), Some("etc-passwd"));
        assert_eq!(slugify("000_d3ab").as_deref(), Some("000_d3ab"));
        assert_eq!(slugify("///"), None);
        assert_eq!(slugify("CON").as_deref(), Some("con-page"));
        assert_eq!(slugify("/etc/passwd").as_deref(), Some("etc-passwd"));
        assert_eq!(slugify("C:\\Windows").as_deref(), Some("c-windows"));
        // Issue 18: letters outside ASCII are transliterated, not dropped.
        assert_eq!(
            slugify("Türkiye and Côte d'Ivoire: São Paulo talks").as_deref(),
            Some("turkiye-and-cote-d-ivoire-sao-paulo-talks")
        );
        assert_eq!(slugify("Москва").as_deref(), Some("moskva"));
        assert_eq!(
            slugify("Kenya's government said; Chile’s mine").as_deref(),
            Some("kenyas-government-said-chiles-mine")
        );
        assert_eq!(slugify("Straße — Ærø").as_deref(), Some("strasse-aero"));
    }

    #[test]
    fn wire_text_needs_a_date_in_a_project() {
        let (a, d) = parse_article(
            Path::new("x.txt"),
            "LONDON (Reuters) - Rain.".into(),
            None,
            Strictness::Project,
        );
        assert!(a.is_none());
        assert_eq!(
            d.iter().next().unwrap().to_string(),
            "x.txt:1:1: error: missing required field `published`\n  help: start the file with a line `date YYYY-MM-DD`"
        );
    }

    #[test]
    fn plain_text_with_a_given_date() {
        let (a, d) = parse_article(
            Path::new("x.txt"),
            "Rain fell.".into(),
            NaiveDate::from_ymd_opt(2024, 1, 2),
            Strictness::Extract,
        );
        assert!(d.is_empty());
        assert_eq!(a.unwrap().published.to_string(), "2024-01-02");
    }
}
