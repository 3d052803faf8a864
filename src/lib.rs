//! `report` turns a folder of news articles into a static site of sourced briefings: every
//! figure and every date traced to the article and sentence it comes from.
//!
//! The pipeline, one module per stage:
//! [`content`] (load) → [`extract`] (claims) → [`assemble`] (briefings, tables, chronology) →
//! [`render`] (tera templates, in memory) → [`site`] (atomic write). Each stage hands back
//! [`Diagnostics`]; the library never prints and never reads the clock.
//!
//! ```
//! let text = "date 2024-03-20\nSEOUL (AFP) – Seoul said Monday it had sent 300 trucks.";
//! let out = report::extract_text(std::path::Path::new("story.txt"), text.into(), None).unwrap();
//! assert_eq!(out.published, "2024-03-20");
//! assert_eq!(out.claims.figures[0].value, 300.0);
//! ```
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod assemble;
mod binary;
pub mod cache;
pub mod commands;
pub mod config;
pub mod content;
pub mod diagnostics;
pub mod error;
pub mod extract;
mod files;
pub mod money;
pub mod project;
pub mod render;
pub mod serve;
pub mod site;
#[cfg(test)]
mod testing;

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

pub use diagnostics::{Diagnostic, Diagnostics, Severity};
pub use error::Error;

/// Receives a build's progress, from several threads at once (the CLI draws a progress bar with
/// it; the library itself never prints).
pub trait Progress: Send + Sync + std::fmt::Debug {
    /// A phase starts: `total` steps, or 0 when the count is not known in advance.
    fn start(&self, phase: &'static str, total: usize);
    /// One step of the current phase is done.
    fn step(&self);
    /// The build is over.
    fn finish(&self);
    /// Another build of the project (process `pid`, when known) runs: this one waits for it.
    fn waiting(&self, pid: Option<u32>) {
        let _ = pid;
    }
}

/// What a build or check needs to know.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// Project root (holds `content/`, optional `templates/` and `report.yaml`).
    pub root: PathBuf,
    /// Output folder; `report.yaml`'s `output` (default `site/`) under the root when `None`.
    pub out: Option<PathBuf>,
    /// Build date; the newest publication date when `None` (so builds are reproducible).
    pub build_date: Option<NaiveDate>,
    /// Keep extraction results in `.report-cache/` under the root and reuse them for articles
    /// that did not change.
    pub cache: bool,
    /// Where to report progress, if anywhere.
    pub progress: Option<std::sync::Arc<dyn Progress>>,
    /// Replace an output folder that no build wrote (see [`site::check_output_folder`]).
    pub force: bool,
}

/// What a build did.
#[derive(Debug, Clone, Default)]
pub struct BuildOutcome {
    /// Every problem found, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the site was written.
    pub written: bool,
    /// The output folder.
    pub out: PathBuf,
    /// Articles loaded.
    pub articles: usize,
    /// Briefings loaded.
    pub briefings: usize,
    /// Claims extracted (figures, dates and events).
    pub claims: usize,
    /// Articles whose claims were read from the cache rather than extracted.
    pub cached: usize,
    /// Files rendered.
    pub files: usize,
    /// How long each stage took, in order (shown by `--verbose`).
    pub timings: Vec<(String, std::time::Duration)>,
    /// Nothing the build reads changed since the last build, which had no diagnostic, and its
    /// output is as it left it: nothing was done.
    pub up_to_date: bool,
    /// Files a default template did not write, and why ("sitemap.xml not written: …"): shown by
    /// `check` and `build --verbose`.
    pub notes: Vec<String>,
}

impl BuildOutcome {
    /// True when a diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }
}

/// What a build loads and assembles before rendering.
struct Prepared {
    outcome: BuildOutcome,
    report: assemble::Report,
    templates: Option<render::Templates>,
    diags: Diagnostics,
}

/// Loads, extracts and assembles.
fn prepare(options: &BuildOptions, identity: cache::Identity) -> Result<Prepared, Error> {
    let root = &options.root;
    let clock = std::time::Instant::now();
    let mut diags = Diagnostics::new();
    let (config, d) = config::load_config(root)?;
    diags.extend(d);
    let out = options
        .out
        .clone()
        .unwrap_or_else(|| root.join(&config.output));
    let (content, d) = content::load_content_within(root, config.max_article_size)?;
    diags.extend(d);
    let (mut templates, d) = render::load_templates(root, &root.join("templates"))?;
    diags.extend(d);
    let mut timings = vec![("load".to_string(), clock.elapsed())];
    let clock = std::time::Instant::now();
    let mut entries = Vec::with_capacity(content.articles.len());
    let mut claim_count = 0;
    // Extraction is per article and independent: run it on every core. `collect` keeps the
    // articles' order, so the output does not depend on the thread count.
    if options.cache {
        cache::cache_dir(root)?;
    }
    let cache = cache::ClaimCache::open_as(root, options.cache, identity);
    let progress = options.progress.as_deref();
    if let Some(p) = progress {
        p.start("extracting", content.articles.len());
    }
    let extracted: Vec<(cache::Claimed, content::Article)> = content
        .articles
        .into_par_iter()
        .map(|article| {
            let claimed = cache.claims(&article);
            if let Some(p) = progress {
                p.step();
            }
            (claimed, article)
        })
        .collect();
    cache.prune(&extracted.iter().map(|(c, _)| c.key.clone()).collect());
    let cached = extracted.iter().filter(|(c, _)| c.cached).count();
    for (claimed, article) in extracted {
        diags.extend(content::locate_ignore_entries(
            &article,
            claimed.diagnostics,
        ));
        let claims = claimed.claims;
        claim_count += claims.figures.len() + claims.dates.len() + claims.events.len();
        entries.push(assemble::ArticleEntry { article, claims });
    }
    timings.push(("extract".to_string(), clock.elapsed()));
    let clock = std::time::Instant::now();
    // A build date no output can write (after 9999) is ignored, like an unset one.
    let built_at = options
        .build_date
        .and_then(render::views::writable)
        .or_else(|| entries.iter().map(|e| e.article.published).max())
        .unwrap_or_default();
    let outcome = BuildOutcome {
        out,
        articles: entries.len(),
        briefings: content.briefings.len(),
        claims: claim_count,
        cached,
        ..Default::default()
    };
    // tera's `now()` gives the build date: never the clock.
    if let Some(t) = &mut templates {
        t.set_build_date(built_at);
    }
    let (report, d) = assemble::assemble(config, built_at, entries, content.briefings);
    diags.extend(d);
    timings.push(("assemble".to_string(), clock.elapsed()));
    let outcome = BuildOutcome { timings, ..outcome };
    Ok(Prepared {
        outcome,
        report,
        templates,
        diags,
    })
}

/// Builds the site. Pages are written into a staging folder as they are rendered; the staging
/// folder replaces the output only when nothing failed, so any error leaves the published site
/// as it was. With the cache on, a build whose inputs and output did not change since the last
/// one stops at once ([`BuildOutcome::up_to_date`]).
pub fn build(options: &BuildOptions) -> Result<BuildOutcome, Error> {
    build_as(options, cache::Identity::COMPILED)
}

/// [`build`] as if by the code of `identity`: for tests, which give another identity to stand
/// for changed code (see [`cache::Identity`]).
#[doc(hidden)]
pub fn build_as(options: &BuildOptions, identity: cache::Identity) -> Result<BuildOutcome, Error> {
    // Before the lock: taking it makes `.report-cache/`.
    project::require_project(&options.root)?;
    // One build at a time per project, from the comparison with the last build to publishing.
    let _lock = site::BuildLock::acquire(&cache::cache_dir(&options.root)?, |pid| {
        if let Some(p) = &options.progress {
            p.waiting(pid);
        }
    })?;
    let record = match last_build(options, identity) {
        LastBuild::UpToDate(outcome) => return Ok(outcome),
        LastBuild::Changed(record) => record,
    };
    let prepared = prepare(options, identity)?;
    if prepared.diags.has_errors() {
        // Still render (writing nothing) so that template errors are reported with the rest.
        return render_without_writing(prepared);
    }
    let Prepared {
        mut outcome,
        report,
        templates,
        mut diags,
    } = prepared;
    let Some(templates) = templates else {
        outcome.diagnostics = diags.sorted();
        return Ok(outcome);
    };
    site::check_output_folder(&options.root, &outcome.out, options.force)?;
    let staging = site::Staging::begin(&outcome.out)?;
    let progress = options.progress.as_deref();
    if let Some(p) = progress {
        p.start("writing", 0);
    }
    // Pages whose inputs did not change since the last build are linked from the published
    // output instead of rendered again.
    let record = record.unwrap_or_else(|| {
        cache::BuildRecord::open(
            &options.root,
            &outcome.out,
            options.build_date,
            options.cache,
            identity,
        )
    });
    let previous_pages = record.pages();
    let link = |path: &str| {
        let linked = staging.link(path)?;
        if linked && let Some(p) = progress {
            p.step();
        }
        Ok(linked)
    };
    let reuse = render::Reuse {
        previous: &previous_pages,
        link: &link,
        identity,
    };
    let output = StagingOutput {
        staging: &staging,
        progress,
    };
    let rendered = render::render(report, &templates, &output, Some(&reuse))?;
    if let Some(p) = progress {
        p.finish();
    }
    diags.extend(rendered.diagnostics);
    outcome.files = rendered.files;
    outcome.timings.extend(rendered.timings);
    outcome.notes = rendered.notes;
    outcome.diagnostics = diags.sorted();
    if !outcome.has_errors() {
        let clock = std::time::Instant::now();
        let warnings = staging.commit()?;
        outcome.written = true;
        if !warnings.is_empty() {
            let d: Diagnostics = std::mem::take(&mut outcome.diagnostics)
                .into_iter()
                .chain(
                    warnings
                        .into_iter()
                        .map(|w| Diagnostic::warning(&outcome.out, w)),
                )
                .collect();
            outcome.diagnostics = d.sorted();
        }
        // What the build read and wrote is recorded only when it had no diagnostic, so that a
        // repeated build shows them again.
        let counts = outcome.diagnostics.is_empty().then_some((
            outcome.articles,
            outcome.briefings,
            outcome.claims,
            outcome.files,
        ));
        record.store(&outcome.out, &rendered.page_keys, counts);
        outcome
            .timings
            .push(("publish".to_string(), clock.elapsed()));
    }
    Ok(outcome)
}

/// What the record of the last build says.
enum LastBuild {
    /// Nothing it read or wrote changed: its outcome, with nothing done.
    UpToDate(BuildOutcome),
    /// Something changed (or there is no record, or no configuration to find the output by):
    /// the record to update after this build.
    Changed(Option<cache::BuildRecord>),
}

/// Compares the inputs and the output with the record of the last build (see
/// [`cache::BuildRecord`]).
fn last_build(options: &BuildOptions, identity: cache::Identity) -> LastBuild {
    let clock = std::time::Instant::now();
    let Ok((config, _)) = config::load_config(&options.root) else {
        return LastBuild::Changed(None);
    };
    let out = options
        .out
        .clone()
        .unwrap_or_else(|| options.root.join(&config.output));
    let record = cache::BuildRecord::open(
        &options.root,
        &out,
        options.build_date,
        options.cache,
        identity,
    );
    match record.unchanged(&out) {
        Some(last) => LastBuild::UpToDate(BuildOutcome {
            out,
            articles: last.articles,
            briefings: last.briefings,
            claims: last.claims,
            files: last.files,
            timings: vec![("compare inputs and output".into(), clock.elapsed())],
            up_to_date: true,
            ..Default::default()
        }),
        None => LastBuild::Changed(Some(record)),
    }
}

/// The staging folder as the renderer's output, counting files on the progress bar.
struct StagingOutput<'a> {
    staging: &'a site::Staging,
    progress: Option<&'a dyn Progress>,
}

impl render::Output for StagingOutput<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Error> {
        self.staging.write(path, bytes)?;
        if let Some(p) = self.progress {
            p.step();
        }
        Ok(())
    }

    fn create(&self, path: &str) -> Result<Box<dyn std::io::Write + '_>, Error> {
        let file = self.staging.create(path)?;
        if let Some(p) = self.progress {
            p.step();
        }
        Ok(Box::new(file))
    }
}

/// Does everything a build does except writing, and refuses the output folder a build would
/// refuse.
pub fn check(options: &BuildOptions) -> Result<BuildOutcome, Error> {
    project::require_project(&options.root)?;
    let prepared = prepare(options, cache::Identity::COMPILED)?;
    site::check_output_folder(&options.root, &prepared.outcome.out, options.force)?;
    render_without_writing(prepared)
}

/// Renders into nothing, to find every template problem, and reports.
fn render_without_writing(prepared: Prepared) -> Result<BuildOutcome, Error> {
    let Prepared {
        mut outcome,
        report,
        templates,
        mut diags,
    } = prepared;
    if let Some(templates) = templates {
        let rendered = render::render(report, &templates, &render::Discard, None)?;
        diags.extend(rendered.diagnostics);
        outcome.files = rendered.files;
        outcome.timings.extend(rendered.timings);
        outcome.notes = rendered.notes;
    }
    outcome.diagnostics = diags.sorted();
    Ok(outcome)
}

/// The `report extract` output: one article's claims.
#[derive(Debug, Clone, Serialize)]
pub struct Extraction {
    /// The reference date.
    pub published: String,
    /// Claims.
    #[serde(flatten)]
    pub claims: extract::Claims,
}

/// Extracts the claims of one article file's `text`. `published` is the reference date for a
/// file that has none.
pub fn extract_text(
    path: &Path,
    text: String,
    published: Option<NaiveDate>,
) -> Result<Extraction, Diagnostics> {
    let (article, mut diags) =
        content::parse_article(path, text, published, content::Strictness::Extract);
    let Some(article) = article else {
        return Err(diags);
    };
    let (claims, d) = extract::extract_claims(&article);
    diags.extend(content::locate_ignore_entries(&article, d));
    if diags.has_errors() {
        return Err(diags);
    }
    Ok(Extraction {
        published: article.published.format("%Y-%m-%d").to_string(),
        claims,
    })
}
