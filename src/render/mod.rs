//! The [`Report`] and the [`Templates`] in, the site's files out, through an [`Output`] (the
//! staging folder of a build, or nothing for a check): the views are built ([`views`]), every
//! output path is planned, then the pages and the default exports are made side by side
//! (`pages.rs`), then the whole-site templates (`whole_site.rs`).
//!
//! Which template renders what is decided by its file name, not by code: a top-level template
//! whose stem is a view (`index`, `article`, `briefing`, `series`, `chronology`, `period`,
//! `sitemap`) renders that
//! view (`article.html` → `articles/<slug>.html`, `briefing.md` → `briefings/<slug>.md`,
//! `series.html` → `briefings/<slug>/series/<id>.html` and its further pages, `sitemap.xml` →
//! `sitemap.xml` and, for a large site, `sitemap-<n>.xml`); any
//! other template (`claims.json`, `feeds/atom.xml`) renders once, to its own path, with the
//! whole site.

pub mod charts;
pub mod data;
pub mod filters;
mod locate;
mod pages;
mod recursion;
pub mod search;
pub mod templates;
pub mod views;
mod whole_site;
pub mod words;

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub use templates::{DEFAULTS, Origin, Templates, load_templates, renders_alone};
pub use views::{ReportView, build_views};

use crate::assemble::Report;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// What a template renders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The index page.
    Index,
    /// The chronology page.
    Chronology,
    /// One file per article.
    Article,
    /// One file per briefing.
    Briefing,
    /// One file per chronology group (a month, or a year for dates known to the year).
    Period,
    /// One file per page of rows of each series of each briefing.
    Series,
    /// The sitemap: one file, or an index over files of at most [`views::SITEMAP_URLS`] pages.
    Sitemap,
    /// One file with the whole site's data.
    Site,
}

/// The target of a template that renders alone, from its name.
pub fn target_of(name: &str) -> Target {
    if name.contains('/') {
        return Target::Site;
    }
    match name.split('.').next().unwrap_or("") {
        "index" => Target::Index,
        "chronology" => Target::Chronology,
        "article" => Target::Article,
        "briefing" => Target::Briefing,
        "period" => Target::Period,
        "series" => Target::Series,
        "sitemap" => Target::Sitemap,
        _ => Target::Site,
    }
}

/// The output paths a template writes (one per article or briefing for those views).
pub fn output_paths(name: &str, view: &ReportView) -> Vec<String> {
    let ext = name.split_once('.').map_or("", |(_, e)| e);
    match target_of(name) {
        Target::Article => view
            .articles
            .iter()
            .map(|a| format!("articles/{}.{ext}", a.slug))
            .collect(),
        // An HTML briefing lists its series over as many pages as they need.
        Target::Briefing if ext == "html" => view
            .briefing_pages
            .iter()
            .map(|&(b, page)| views::briefing_page_path(&view.briefings[b].slug, page, ext))
            .collect(),
        Target::Briefing => view
            .briefings
            .iter()
            .map(|b| format!("briefings/{}.{ext}", b.slug))
            .collect(),
        Target::Series => view
            .series_pages
            .iter()
            .map(|p| {
                let b = &view.briefings[p.briefing];
                views::series_page_path(&b.slug, &b.series[p.series].id, p.page, ext)
            })
            .collect(),
        // Period pages exist only when the chronology page does not list every entry itself.
        Target::Period if !view.chronology_paged => Vec::new(),
        // A period with more entries than `rows_per_page` continues on further pages.
        Target::Period => view
            .period_pages
            .iter()
            .map(|p| views::period_page_path(&view.chronology[p.group].key, p.page, ext))
            .collect(),
        // A sitemap of more pages than one file may list is an index over several files.
        Target::Sitemap => {
            let parts = view.sitemap.len().div_ceil(views::SITEMAP_URLS);
            let dot = if ext.is_empty() { "" } else { "." };
            std::iter::once(name.to_string())
                .chain(
                    (1..=parts)
                        .filter(|_| parts > 1)
                        .map(|n| format!("sitemap-{n}{dot}{ext}")),
                )
                .collect()
        }
        Target::Index | Target::Chronology | Target::Site => vec![name.to_string()],
    }
}

/// The relative prefix from an output path back to the site root ("", "../").
fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// Where rendered files go, from several threads at once.
pub trait Output: Sync {
    /// Writes one whole file.
    fn write(&self, path: &str, bytes: &[u8]) -> Result<(), crate::error::Error>;
    /// Opens one file to be written piece by piece, for a file too large to hold in memory.
    fn create(&self, path: &str) -> Result<Box<dyn Write + '_>, crate::error::Error>;
}

/// An [`Output`] that keeps nothing: for a check, which renders only to find problems.
pub struct Discard;

impl Output for Discard {
    fn write(&self, _: &str, _: &[u8]) -> Result<(), crate::error::Error> {
        Ok(())
    }
    fn create(&self, _: &str) -> Result<Box<dyn Write + '_>, crate::error::Error> {
        Ok(Box::new(std::io::sink()))
    }
}

/// Renders every template and hands each file to `output` as soon as it is ready, so that no
/// more than one page per thread is held in memory; whole-site files are written as they are
/// rendered. Template errors become diagnostics naming the template; a failure of the output
/// (I/O) stops the rendering and is returned.
pub fn render(
    report: Report,
    templates: &Templates,
    output: &dyn Output,
    reuse: Option<&Reuse<'_>>,
) -> Result<Rendered, crate::error::Error> {
    let mut timings: Vec<(String, Duration)> = Vec::new();
    let clock = Instant::now();
    let mut report = report;
    let mut view = build_views(&mut report);
    timings.push(("views".into(), clock.elapsed()));
    let mut diags = Diagnostics::new();
    // Plan every output first: two templates writing one path, or paths that differ only in
    // case (they would overwrite each other on macOS and Windows), are refused before anything
    // is rendered.
    let mut folded: BTreeMap<String, (String, String)> = BTreeMap::new();
    let mut page_plan: Vec<Plan<'_>> = Vec::new();
    let mut site_plan: Vec<Plan<'_>> = Vec::new();
    let mut notes = Vec::new();
    for name in templates.origins.keys().filter(|n| renders_alone(n)) {
        if let Some(note) = left_out(name, templates, &view) {
            notes.push(note);
            continue;
        }
        let mut pages = Vec::new();
        for (i, path) in output_paths(name, &view).into_iter().enumerate() {
            match folded.get(&path.to_lowercase()) {
                Some((other_path, other_template)) => diags.push(Diagnostic::error(
                    PathBuf::from("templates").join(name),
                    format!("renders to `{path}`, which template `{other_template}` also writes (as `{other_path}`)"),
                )),
                None => {
                    folded.insert(path.to_lowercase(), (path.clone(), name.clone()));
                    pages.push((i, path));
                }
            }
        }
        match target_of(name) {
            Target::Article
            | Target::Briefing
            | Target::Period
            | Target::Series
            | Target::Sitemap => page_plan.push((name, pages)),
            Target::Index | Target::Chronology | Target::Site => site_plan.push((name, pages)),
        }
    }
    // The data exports have writers and no default template (see `data`): a project template
    // of the same name, planned above, replaces the writer. The search index is made whole
    // before its files are planned, since its terms decide how it is split.
    let months = data::months(&view);
    // Months and briefings larger than `max_export_size` are split (see `data::Layout`), which
    // takes the length of every row and article of the exports: found while the search index
    // is merged, which is mostly on one core.
    let stands = |name: &str| !templates.origins.contains_key(name);
    let ((search, search_took), (layout, layout_took)) = rayon::join(
        || {
            let clock = Instant::now();
            let search = stands(search::WRITER)
                .then(|| search::Index::build(&search::docs(&view), search::SHARD_BYTES));
            (search, clock.elapsed())
        },
        || {
            let clock = Instant::now();
            let layout = data::Layout::new(
                &report,
                &view,
                &months,
                stands,
                report.config.max_export_size,
            );
            (layout, clock.elapsed())
        },
    );
    if search.is_some() {
        timings.push(("search index".into(), search_took));
    }
    timings.push(("export layout, beside it".into(), layout_took));
    // Each briefing's page links the files of its figures.
    for (b, parts) in view.briefings.iter_mut().zip(&layout.briefing_figures) {
        b.figure_files = data::briefing_figures_paths(&b.slug, parts.len());
        b.figures_index = Some(data::briefing_figures_index(&b.slug));
    }
    let mut data_plan: Vec<DataPlan> = Vec::new();
    for name in data::WRITERS {
        if templates.origins.contains_key(name) {
            continue;
        }
        let mut files = Vec::new();
        for (file, path) in data::plan(name, &view, &months, &layout, search.as_ref()) {
            match folded.get(&path.to_lowercase()) {
                Some((other_path, other_template)) => diags.push(Diagnostic::error(
                    PathBuf::from("templates").join(other_template),
                    format!("renders to `{other_path}`, which the `{name}` export also writes (as `{path}`)"),
                )),
                None => {
                    folded.insert(path.to_lowercase(), (path.clone(), name.to_string()));
                    files.push((file, path));
                }
            }
        }
        data_plan.push((name.to_string(), files));
    }
    let mut done = Rendered {
        files: 0,
        diagnostics: diags,
        page_keys: BTreeMap::new(),
        timings,
        notes,
    };
    // Templates render on threads with room for the deepest nesting the recursion guard allows.
    recursion::on_render_threads(move || {
        let plans = pages::Plans {
            pages: &page_plan,
            data: &data_plan,
            months: &months,
            layout: &layout,
            search: search.as_ref(),
        };
        pages::render_pages(&report, &view, templates, output, reuse, &plans, &mut done)?;
        whole_site::render_whole_site(report, view, templates, output, &site_plan, &mut done)?;
        Ok(done)
    })
}

/// A template and the files it writes (index in its view, output path).
type Plan<'a> = (&'a String, Vec<(usize, String)>);

/// A data export's writer and the files it writes.
type DataPlan = (String, Vec<(data::File, String)>);

/// What [`render`] did.
#[derive(Debug)]
pub struct Rendered {
    /// Files written (or linked from the previous output).
    pub files: usize,
    /// Template problems.
    pub diagnostics: Diagnostics,
    /// The key of every article, briefing and period page and of every file of the data exports,
    /// for the next build's reuse.
    pub page_keys: BTreeMap<String, u64>,
    /// How long each step took.
    pub timings: Vec<(String, Duration)>,
    /// Files not written, and why (see [`left_out`]).
    pub notes: Vec<String>,
}

/// Why the default template `name` writes nothing for this site, if it does not: `sitemap.xml`
/// without `base_url`, since the sitemaps.org protocol requires absolute URLs in `<loc>` and
/// its schema rejects a `<urlset>` without a `<url>`. A project's own `sitemap.xml` is rendered
/// as written.
fn left_out(name: &str, templates: &Templates, view: &ReportView) -> Option<String> {
    (name == "sitemap.xml"
        && view.site.absolute_root.is_none()
        && templates.origins.get(name) == Some(&Origin::Default))
    .then(|| {
        "sitemap.xml not written: a sitemap needs absolute URLs; set base_url in report.yaml"
            .to_string()
    })
}

/// Pages of the previous build that may be reused.
pub struct Reuse<'a> {
    /// The keys of the previous build's pages, by path.
    pub previous: &'a BTreeMap<String, u64>,
    /// Puts the previous build's file at this path into the new output; false when it is gone.
    pub link: &'a (dyn Fn(&str) -> Result<bool, crate::error::Error> + Sync),
    /// The code rendering now: part of every page's and export item's key.
    pub identity: crate::cache::Identity,
}

/// Whether `path` is a safe relative output path (no `..`, not absolute).
pub fn is_safe_output_path(path: &str) -> bool {
    let p = Path::new(path);
    !path.is_empty()
        && p.is_relative()
        && p.components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_from_names() {
        assert_eq!(target_of("article.html"), Target::Article);
        assert_eq!(target_of("briefing.md"), Target::Briefing);
        assert_eq!(target_of("series.html"), Target::Series);
        assert_eq!(target_of("claims.json"), Target::Site);
        assert_eq!(target_of("feeds/article.xml"), Target::Site);
        assert_eq!(root_of("articles/a.html"), "../");
        assert_eq!(root_of("index.html"), "");
    }

    #[test]
    fn output_paths_are_checked() {
        assert!(is_safe_output_path("articles/a.html"));
        assert!(!is_safe_output_path("../x"));
        assert!(!is_safe_output_path("/etc/x"));
    }
}
