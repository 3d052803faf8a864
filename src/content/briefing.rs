//! One briefing file in, a [`Briefing`] definition out: which articles it covers and the analyst's
//! own text.

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
    /// Figure groups to feature (by unit), in order; all when empty.
    pub figures: Vec<String>,
    /// The analyst's notes on figure groups, by unit.
    pub notes: std::collections::BTreeMap<String, String>,
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
        text,
    };
    (Some(briefing), diags)
}
