//! The project's `content/` folder in, validated [`Article`]s and [`Briefing`]s out, sorted by path,
//! with a diagnostic for every file that cannot be used. The only module that reads content from disk.

mod article;
mod briefing;
mod front_matter;
mod mark_runs;
mod markdown;
mod nesting;
mod plain;
pub(crate) mod wire;
pub(crate) mod yaml;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

pub use article::{Article, ArticleFormat, ArticleId, Strictness, parse_article, slugify};
pub use briefing::{
    Briefing, PLACEHOLDER_BODY, PLACEHOLDER_SUMMARY, SeriesName, SeriesTarget, parse_briefing,
};
pub use front_matter::{HandClaim, UrlError, is_partial_iso_date, parse_date, parse_http_url};
pub use markdown::{Mark, escape, render_markdown_text};
pub(crate) use markdown::{unwritable_at, without_unwritable};
pub use plain::PlainText;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::error::Error;
use crate::files;

/// Article file extensions.
const ARTICLE_EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// Everything under `content/`.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// Articles, sorted by path, slugs unique.
    pub articles: Vec<Article>,
    /// Briefings, sorted by path, slugs unique.
    pub briefings: Vec<Briefing>,
}

/// Loads `root/content/articles` and `root/content/briefings`, refusing files larger than
/// [`crate::config::DEFAULT_MAX_ARTICLE_SIZE`].
pub fn load_content(root: &Path) -> Result<(Content, Diagnostics), Error> {
    load_content_within(root, crate::config::DEFAULT_MAX_ARTICLE_SIZE)
}

/// Loads `root/content/articles` and `root/content/briefings`. A file larger than `max_size`
/// bytes is refused with a diagnostic where it passes the limit, and never read further.
pub fn load_content_within(root: &Path, max_size: u64) -> Result<(Content, Diagnostics), Error> {
    let mut diags = Diagnostics::new();
    let articles = read_folder(
        root,
        &root.join("content/articles"),
        ARTICLE_EXTENSIONS,
        max_size,
        &mut diags,
        |path, text| parse_article(path, text, None, Strictness::Project),
    )?;
    let briefings = read_folder(
        root,
        &root.join("content/briefings"),
        &["md", "markdown"],
        max_size,
        &mut diags,
        parse_briefing,
    )?;
    let mut content = Content {
        articles,
        briefings,
    };
    // A slug too long to be a file name, or a second file with a taken slug, is reported and
    // its file left out, so its pages can neither fail at writing nor collide.
    let keep = check_slugs(
        content
            .articles
            .iter()
            .map(|a| (&a.id.0, &a.path, a.text.as_str())),
        "article",
        &mut diags,
    );
    content.articles = keep_marked(content.articles, &keep);
    let keep = check_slugs(
        content
            .briefings
            .iter()
            .map(|b| (&b.slug, &b.path, b.text.as_str())),
        "briefing",
        &mut diags,
    );
    content.briefings = keep_marked(content.briefings, &keep);
    Ok((content, diags))
}

fn keep_marked<T>(items: Vec<T>, keep: &[bool]) -> Vec<T> {
    items
        .into_iter()
        .zip(keep)
        .filter_map(|(item, &k)| k.then_some(item))
        .collect()
}

/// The longest slug, in bytes. A page's file name is its slug and an extension (`.html`), and
/// file systems refuse names longer than 255 bytes: a longer slug passed `check` and failed the
/// build when the page was written.
pub const MAX_SLUG_BYTES: usize = 200;

/// Reports every slug too long for a file name, and every slug used twice (naming both files),
/// at the file's `slug:` line or its start; returns which items to keep (the first of each slug).
fn check_slugs<'a>(
    items: impl Iterator<Item = (&'a String, &'a PathBuf, &'a str)>,
    what: &str,
    diags: &mut Diagnostics,
) -> Vec<bool> {
    let mut seen: BTreeMap<&str, &Path> = BTreeMap::new();
    let mut keep = Vec::new();
    for (slug, path, text) in items {
        let (line, column) = slug_at(text);
        if slug.len() > MAX_SLUG_BYTES {
            keep.push(false);
            diags.push(
                Diagnostic::error(
                    path,
                    format!(
                        "the {what} slug is {} bytes long, more than the {MAX_SLUG_BYTES} a page's file name may take",
                        slug.len()
                    ),
                )
                .at(line, column)
                .with_help("set a shorter `slug:` in its front matter"),
            );
            continue;
        }
        keep.push(!seen.contains_key(slug.as_str()));
        if let Some(first) = seen.get(slug.as_str()) {
            diags.push(
                Diagnostic::error(
                    path,
                    format!(
                        "duplicate {what} slug `{slug}`, also used by {}",
                        first.display()
                    ),
                )
                .at(line, column)
                .with_help("rename one file or set `slug:` in its front matter"),
            );
        } else {
            seen.insert(slug, path);
        }
    }
    keep
}

/// Where a file's slug comes from: the `slug:` line of its front matter, or the start of the
/// file when the slug is made from the file name.
fn slug_at(text: &str) -> (usize, usize) {
    let mut lines = text.lines();
    if lines
        .next()
        .map(|l| l.trim_start_matches('\u{feff}').trim_end())
        != Some("---")
    {
        return (1, 1);
    }
    for (i, line) in lines.enumerate() {
        if matches!(line.trim_end(), "---" | "...") {
            break;
        }
        if line.starts_with("slug:") || line.starts_with("\"slug\":") || line.starts_with("'slug':")
        {
            return (i + 2, 1);
        }
    }
    (1, 1)
}

/// Places the warnings of extraction that name an `ignore:` entry but no line (an entry that
/// matches no claim) at that entry in the article's front matter, or at the `ignore:` key.
pub(crate) fn locate_ignore_entries(article: &Article, diags: Diagnostics) -> Diagnostics {
    const START: &str = "`ignore` entry `";
    diags
        .into_iter()
        .map(|d| {
            if d.line.is_some() {
                return d;
            }
            let Some(entry) = d
                .message
                .strip_prefix(START)
                .and_then(|rest| rest.rsplit_once("` ").map(|(entry, _)| entry))
            else {
                return d;
            };
            match ignore_entry_at(article, entry) {
                Some(at) => d.at_offset(&article.text, at),
                None => d,
            }
        })
        .collect()
}

/// The byte offset of the `ignore:` list item holding `entry` in the front matter (or of the
/// `ignore:` key when the item cannot be found).
fn ignore_entry_at(article: &Article, entry: &str) -> Option<usize> {
    let front = &article.text[..article.body_offset.min(article.text.len())];
    let mut offset = 0;
    let mut key = None;
    for line in front.split_inclusive('\n') {
        let here = offset;
        offset += line.len();
        if key.is_none() {
            if line.starts_with("ignore:") {
                key = Some(here);
                // A flow list on the key's line: `ignore: [a, b]`.
                if line.contains(entry) {
                    return key;
                }
            }
            continue;
        }
        let trimmed = line.trim_start();
        if !(line.starts_with([' ', '\t', '-']) || trimmed.is_empty()) {
            break;
        }
        if let Some(item) = trimmed.strip_prefix('-') {
            let item = item.trim().trim_matches(['"', '\'']);
            if item == entry.trim() {
                return Some(here + (line.len() - trimmed.len()));
            }
        }
    }
    key
}

/// Reads every file with one of `extensions` below `dir` as UTF-8 and parses it, on every core, in
/// the order of the listing (sorted, so that diagnostics and items do not depend on the thread
/// count). Paths are given to `parse` relative to `root`.
fn read_folder<T: Send>(
    root: &Path,
    dir: &Path,
    extensions: &[&str],
    max_size: u64,
    diags: &mut Diagnostics,
    parse: impl Fn(&Path, String) -> (Option<T>, Diagnostics) + Sync,
) -> Result<Vec<T>, Error> {
    let paths = files::list_files(root, dir, &|p| files::has_extension(p, extensions), diags)?;
    let parsed: Vec<Result<(Option<T>, Diagnostics), Error>> = paths
        .into_par_iter()
        .map(|path| {
            let shown = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            let mut d = Diagnostics::new();
            let Some(text) =
                files::read_text(&path, &shown, (max_size, Some("max_article_size")), &mut d)?
            else {
                return Ok((None, d));
            };
            let (item, more) = parse(&shown, text);
            d.extend(more);
            Ok((item, d))
        })
        .collect();
    let mut items = Vec::with_capacity(parsed.len());
    for result in parsed {
        let (item, d) = result?;
        diags.extend(d);
        items.extend(item);
    }
    Ok(items)
}
