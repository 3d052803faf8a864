//! Raw wire copy in (files or folders of `.txt`); articles with front matter under
//! `content/articles/<slug>.md` out, the slug made from the title and tagged with the copy's own
//! `tags:` line and `--tag`. A story already in the project (same text, whatever its file name
//! or whitespace) is not imported again, and is reported as such even when the copy lacks what a
//! new import would need (a date, a source).

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{CommandError, NewFile, write_new_files, yaml_str};
use crate::content::{Strictness, parse_article, slugify};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::files;

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Publication date for copy without a `date` line.
    pub published: Option<NaiveDate>,
    /// Source (agency) for copy without a dateline.
    pub source: Option<String>,
    /// Overwrite an existing article file of the same slug.
    pub force: bool,
    /// Tags for every imported article, besides those of the copy's own `tags:` line.
    pub tags: Vec<String>,
}

/// What happened to one input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportResult {
    /// Written to this path (relative to the project root).
    Imported {
        /// The input file.
        from: PathBuf,
        /// The article written.
        to: PathBuf,
    },
    /// The same story is already in the project.
    Duplicate {
        /// The input file.
        from: PathBuf,
        /// The article that holds it.
        existing: PathBuf,
    },
}

/// The identity of a story: a hash of its text with whitespace runs folded, so re-wrapped copy
/// and the front matter written around it do not matter.
fn story_hash(body: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for word in body.split_whitespace() {
        word.hash(&mut h);
    }
    h.finish()
}

/// The story text of an article file, without its front matter or wire header.
fn story_of(path: &Path, text: String) -> Option<String> {
    // Any date will do: only the offset where the story starts is used.
    let (article, _) = parse_article(path, text, Some(NaiveDate::MIN), Strictness::Extract);
    article.map(|a| a.text[a.story_start()..].to_string())
}

/// Expands folders to the `.txt` files in them, sorted.
fn input_files(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, CommandError> {
    let mut files = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let read = |source| crate::error::Error::Read {
                path: input.clone(),
                source,
            };
            let mut found = Vec::new();
            for entry in std::fs::read_dir(input).map_err(read)? {
                let path = entry.map_err(read)?.path();
                if path.is_file() && path.extension().is_some_and(|e| e == "txt") {
                    found.push(path);
                }
            }
            found.sort();
            files.extend(found);
        } else {
            files.push(input.clone());
        }
    }
    Ok(files)
}

/// The hashes of the stories already under `root/content/articles/` (those of at most
/// `max_size` bytes: a larger one is not a story the build accepts).
fn existing_stories(root: &Path, max_size: u64) -> Result<HashMap<u64, PathBuf>, CommandError> {
    let dir = root.join("content/articles");
    let mut known = HashMap::new();
    if !dir.is_dir() {
        return Ok(known);
    }
    let read = |source| crate::error::Error::Read {
        path: dir.clone(),
        source,
    };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(&dir).map_err(read)? {
        let path = entry.map_err(read)?.path();
        if path
            .extension()
            .is_some_and(|e| e == "md" || e == "markdown" || e == "txt")
        {
            paths.push(path);
        }
    }
    paths.sort();
    for path in paths {
        let Some(text) = files::read_at_most(&path, max_size)
            .ok()
            .and_then(|bytes| String::from_utf8(bytes).ok())
        else {
            continue;
        };
        let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
        if let Some(story) = story_of(&rel, text) {
            known.entry(story_hash(&story)).or_insert(rel);
        }
    }
    Ok(known)
}

/// A slug of at most 60 characters, cut at a dash.
fn short_slug(title: &str) -> Option<String> {
    let slug = slugify(title)?;
    if slug.len() <= 60 {
        return Some(slug);
    }
    let cut = slug[..60].rfind('-').unwrap_or(60);
    Some(slug[..cut].to_string())
}

/// `first` then those of `more` it lacks (compared without case, as briefings select them).
fn merge_tags(first: &[String], more: &[String]) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in first.iter().chain(more) {
        let tag = tag.trim();
        if !tag.is_empty() && !tags.iter().any(|t| t.to_lowercase() == tag.to_lowercase()) {
            tags.push(tag.to_string());
        }
    }
    tags
}

/// The Markdown article for one piece of wire copy.
fn article_text(
    title: &str,
    source: &str,
    published: NaiveDate,
    dateline: Option<&str>,
    tags: &[String],
    story: &str,
) -> String {
    let mut out = format!(
        "---\ntitle: {}\nsource: {}\npublished: {}\n",
        yaml_str(title),
        yaml_str(source),
        published.format("%Y-%m-%d")
    );
    if let Some(d) = dateline {
        out.push_str(&format!("dateline: {}\n", yaml_str(d)));
    }
    if !tags.is_empty() {
        let tags: Vec<String> = tags.iter().map(|t| yaml_str(t)).collect();
        out.push_str(&format!("tags: [{}]\n", tags.join(", ")));
    }
    out.push_str("---\n");
    out.push_str(story.trim());
    out.push('\n');
    out
}

/// Imports `inputs` (files, or folders of `.txt` files) into `root/content/articles/`. A file
/// that cannot be imported gives diagnostics and is skipped; the others still go through.
pub fn import_wire(
    root: &Path,
    inputs: &[PathBuf],
    options: &ImportOptions,
) -> Result<(Vec<ImportResult>, Diagnostics), CommandError> {
    let mut diags = Diagnostics::new();
    let mut results = Vec::new();
    // The project's limit on an article's size; the build reports a bad report.yaml.
    let max_size = crate::config::load_config(root)
        .map(|(config, _)| config.max_article_size)
        .unwrap_or(crate::config::DEFAULT_MAX_ARTICLE_SIZE);
    let mut known = existing_stories(root, max_size)?;
    for from in input_files(inputs)? {
        // Never more than the limit: a path may name a device or a pipe that never ends.
        let text = match files::read_at_most(&from, max_size) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(e) => {
                    diags.push(Diagnostic::error(
                        &from,
                        format!(
                            "the file is not UTF-8 (invalid byte at offset {})",
                            e.utf8_error().valid_up_to()
                        ),
                    ));
                    continue;
                }
            },
            Err(files::ReadError::Io(source)) => {
                return Err(crate::error::Error::Read { path: from, source }.into());
            }
            Err(e) => {
                if let Some(d) = files::refusal(&from, &e, Some("max_article_size")) {
                    diags.push(d);
                }
                continue;
            }
        };
        // A story already in the project is reported as such before anything else is asked
        // of the copy: re-importing a folder must not fail on a file that was imported with
        // `--published` or `--source` the first time.
        if let Some(existing) =
            story_of(&from, text.clone()).and_then(|s| known.get(&story_hash(&s)))
        {
            results.push(ImportResult::Duplicate {
                from,
                existing: existing.clone(),
            });
            continue;
        }
        let (article, d) = parse_article(&from, text, options.published, Strictness::Extract);
        let failed = article.is_none() || d.has_errors();
        diags.extend(d);
        let Some(article) = article.filter(|_| !failed) else {
            continue;
        };
        let story = &article.text[article.story_start()..];
        let hash = story_hash(story);
        let Some(source) = (!article.source.is_empty())
            .then(|| article.source.clone())
            .or_else(|| options.source.clone())
        else {
            diags.push(
                Diagnostic::error(
                    &from,
                    "no source: the story has no dateline `CITY (AGENCY) –`",
                )
                .at(1, 1)
                .with_help("give the agency with --source NAME"),
            );
            continue;
        };
        let Some(slug) = short_slug(&article.title) else {
            diags.push(
                Diagnostic::error(&from, "cannot make a slug from the story's first sentence")
                    .at(1, 1),
            );
            continue;
        };
        let file = NewFile {
            path: Path::new("content/articles").join(format!("{slug}.md")),
            contents: article_text(
                &article.title,
                &source,
                article.published,
                article.dateline.as_deref(),
                &merge_tags(&article.tags, &options.tags),
                story,
            ),
        };
        let to = match write_new_files(root, &[file], options.force) {
            Ok(mut written) => written.remove(0),
            Err(CommandError::Exists(paths)) => {
                diags.push(
                    Diagnostic::error(
                        &from,
                        format!(
                            "{} already exists and holds another story",
                            paths[0].display()
                        ),
                    )
                    .with_help("use --force to overwrite it"),
                );
                continue;
            }
            Err(e) => return Err(e),
        };
        known.insert(hash, to.clone());
        results.push(ImportResult::Imported { from, to });
    }
    Ok((results, diags))
}
