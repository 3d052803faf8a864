//! The [`Report`] and the [`Templates`] in, the site's files out, in memory: every template that
//! renders on its own becomes one or more [`OutputFile`]s. Pure: no disk.
//!
//! Which template renders what is decided by its file name, not by code: a top-level template
//! whose stem is a view (`index`, `article`, `briefing`, `chronology`) renders that view
//! (`article.html` → `articles/<slug>.html`, `briefing.md` → `briefings/<slug>.md`); any other
//! template (`claims.json`, `feeds/atom.xml`) renders once, to its own path, with the whole site.

pub mod charts;
pub mod exports;
pub mod filters;
pub mod templates;
pub mod views;

use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tera::Context;

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
        Target::Briefing => view
            .briefings
            .iter()
            .map(|b| format!("briefings/{}.{ext}", b.slug))
            .collect(),
        // Period pages exist only when the chronology page does not list every entry itself.
        Target::Period if !view.chronology_paged => Vec::new(),
        Target::Period => view
            .chronology
            .iter()
            .map(|g| format!("chronology/{}.{ext}", g.key))
            .collect(),
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

/// A writer that keeps the first I/O error it meets, so that a failed write is told apart from a
/// template error after tera has wrapped it.
struct Tracked<'a> {
    inner: Box<dyn Write + 'a>,
    error: Option<std::io::Error>,
}

impl Write for Tracked<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.inner.write(buf).map_err(|e| self.keep(e))
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush().map_err(|e| self.keep(e))
    }
}

impl Tracked<'_> {
    fn keep(&mut self, e: std::io::Error) -> std::io::Error {
        let copy = std::io::Error::new(e.kind(), e.to_string());
        self.error.get_or_insert(e);
        copy
    }
}

/// Renders template `name` straight into the file at `path`. Returns the template's error, if
/// any; a failed write is the function's error.
fn render_streaming(
    templates: &Templates,
    name: &str,
    context: &Context,
    output: &dyn Output,
    path: &str,
) -> Result<Option<tera::Error>, crate::error::Error> {
    let mut file = Tracked {
        inner: output.create(path)?,
        error: None,
    };
    let result = templates
        .tera
        .render_to(name, context, &mut file)
        .and_then(|()| file.flush().map_err(tera::Error::from));
    if let Some(source) = file.error {
        return Err(crate::error::Error::Write {
            path: PathBuf::from(path),
            source,
        });
    }
    Ok(result.err())
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
    let view = build_views(&report);
    timings.push(("views".into(), clock.elapsed()));
    let mut fingerprints = BTreeMap::new();
    let templates_print = templates.fingerprint();
    let site_print = serde_json::to_vec(&view.site).unwrap_or_default();
    let mut diags = Diagnostics::new();
    // Plan every output first: two templates writing one path, or paths that differ only in
    // case (they would overwrite each other on macOS and Windows), are refused before anything
    // is rendered.
    let mut folded: BTreeMap<String, (String, String)> = BTreeMap::new();
    let mut page_plan: Vec<(&String, Vec<(usize, String)>)> = Vec::new();
    let mut site_plan: Vec<(&String, Vec<(usize, String)>)> = Vec::new();
    for name in templates.origins.keys().filter(|n| renders_alone(n)) {
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
            Target::Article | Target::Briefing | Target::Period => page_plan.push((name, pages)),
            Target::Index | Target::Chronology | Target::Site => site_plan.push((name, pages)),
        }
    }
    let mut count = 0;
    // What each article page depends on besides the templates and the site settings: its file
    // (path, text, reference date), its slug and the extractor, from which its view is made. A
    // briefing page depends on its own text and on its articles.
    let article_prints: Vec<u64> = view
        .articles
        .par_iter()
        .map(|a| {
            let article = &report.articles[a.index].article;
            let mut h = std::collections::hash_map::DefaultHasher::new();
            (crate::cache::ClaimCache::key(article), &article.id.0).hash(&mut h);
            h.finish()
        })
        .collect();
    // The default data exports are written straight from the views (see `exports`); a
    // project's own version of one is rendered by tera with the other whole-site templates below.
    let (native, site_plan): (Vec<_>, Vec<_>) = site_plan.into_iter().partition(|(name, _)| {
        templates.origins.get(name.as_str()) == Some(&Origin::Default)
            && exports::writer_for(name).is_some()
    });
    // First every page of articles, briefings and periods, and the native exports: independent
    // jobs, one list for every core (the template set and the views are shared read-only), the
    // largest first so that none is left running alone at the end. Each file is written as soon
    // as it is ready.
    let clock = Instant::now();
    let mut jobs: Vec<Job<'_>> = Vec::new();
    for (name, pages) in &native {
        jobs.extend(pages.iter().map(|(_, path)| Job::Export { name, path }));
    }
    for (name, pages) in &page_plan {
        let target = target_of(name);
        jobs.extend(pages.iter().map(|(i, path)| Job::Page {
            name,
            target,
            i: *i,
            path,
        }));
    }
    let weight = |job: &Job<'_>| match job {
        Job::Page {
            target: Target::Briefing,
            ..
        } => 0,
        Job::Export { .. } => 1,
        Job::Page {
            target: Target::Period,
            ..
        } => 2,
        Job::Page { .. } => 3,
    };
    jobs.sort_by_key(weight);
    let articles: Vec<&views::ArticleData> = view.articles.iter().map(|a| &a.data).collect();
    let briefings: Vec<&views::BriefingData> = view.briefings.iter().collect();
    let data = exports::ExportData {
        site: &view.site,
        articles: &articles,
        briefings: &briefings,
        chronology: &view.chronology,
    };
    // A page whose inputs (templates, site settings, and its own inputs) hash as in the previous
    // build is linked from the previous output instead of rendered.
    let fingerprint = |name: &str, target: Target, i: usize| -> u64 {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (templates_print, &site_print, name).hash(&mut h);
        match target {
            Target::Article => article_prints[i].hash(&mut h),
            Target::Period => {
                let (previous, next) = neighbours(&view.chronology, i);
                hash_json(&(&view.chronology[i], previous, next), &mut h);
            }
            _ => {
                let data = &view.briefings[i];
                hash_json(data, &mut h);
                let b = &report.briefings[data.index];
                b.briefing.text.hash(&mut h);
                for &a in &b.articles {
                    article_prints[view.position(a)].hash(&mut h);
                }
            }
        }
        h.finish()
    };
    let render_page = |name: &str,
                       target: Target,
                       i: usize,
                       path: &str|
     -> Result<(Option<tera::Error>, u64), crate::error::Error> {
        let print = fingerprint(name, target, i);
        if let Some(reuse) = reuse
            && reuse.previous.get(path) == Some(&print)
            && (reuse.link)(path)?
        {
            return Ok((None, print));
        }
        let mut context = Context::new();
        context.insert("site", &view.site);
        match target {
            Target::Article => {
                let page = views::ArticlePage {
                    article: &view.articles[i],
                    body_html: view.article_body(&report, i),
                };
                context.insert("article", &page);
            }
            Target::Period => {
                let (previous, next) = neighbours(&view.chronology, i);
                context.insert("period", &view.chronology[i]);
                // The period as a list of one group, for `partials/chronology.html`.
                context.insert("groups", std::slice::from_ref(&view.chronology[i]));
                context.insert("previous", &previous);
                context.insert("next", &next);
            }
            _ => context.insert("briefing", &view.briefing_view(&report, i)),
        }
        context.insert("root", &root_of(path));
        context.insert("page_path", path);
        match templates.tera.render(name, &context) {
            Ok(text) => output.write(path, text.as_bytes()).map(|()| (None, print)),
            Err(e) => Ok((Some(e), print)),
        }
    };
    let done: Vec<Done<'_>> = jobs
        .par_iter()
        .with_max_len(1)
        .map(|job| -> Result<Done<'_>, crate::error::Error> {
            let clock = Instant::now();
            let (name, path, error, print) = match *job {
                Job::Page {
                    name,
                    target,
                    i,
                    path,
                } => {
                    let (error, print) = render_page(name, target, i, path)?;
                    (name, path, error, Some(print))
                }
                Job::Export { name, path } => {
                    let writer = exports::writer_for(name).expect("partitioned on writer_for");
                    let mut file = output.create(path)?;
                    writer(&data, &mut file)
                        .and_then(|()| file.flush())
                        .map_err(|source| crate::error::Error::Write {
                            path: PathBuf::from(path),
                            source,
                        })?;
                    (name, path, None, None)
                }
            };
            Ok(Done {
                name,
                path,
                error,
                print,
                took: clock.elapsed(),
            })
        })
        .collect::<Result<_, _>>()?;
    // Per template: files written, the first error (it stands for the others), the time spent.
    let mut per_template: BTreeMap<&String, (usize, usize, Option<tera::Error>, Duration)> =
        BTreeMap::new();
    for d in done {
        let entry = per_template
            .entry(d.name)
            .or_insert((0, 0, None, Duration::ZERO));
        entry.0 += 1;
        entry.3 += d.took;
        match d.error {
            Some(e) => {
                entry.2.get_or_insert(e);
            }
            None => {
                entry.1 += 1;
                if let Some(print) = d.print {
                    fingerprints.insert(d.path.clone(), print);
                }
            }
        }
    }
    for (name, (files, written, error, took)) in per_template {
        count += written;
        if let Some(e) = error {
            diags.push(templates.render_diagnostic(name, &e));
        }
        let label = if native.iter().any(|(n, _)| *n == name) {
            format!("write {name}")
        } else {
            format!("render {name} ({files} files)")
        };
        timings.push((label, took));
    }
    timings.push(("pages and exports, side by side".into(), clock.elapsed()));
    // Then the whole-site templates, sharing one context. The articles' texts and the views are
    // no longer needed: each view is turned into the context's value and dropped at once, so the
    // site is never held twice.
    let clock = Instant::now();
    // Freeing hundreds of thousands of claims takes time too: on every core.
    let Report {
        articles,
        briefings,
        chronology,
        ..
    } = report;
    rayon::join(
        || articles.into_par_iter().for_each(drop),
        || drop((briefings, chronology)),
    );
    let default = |name: &String| templates.origins.get(name.as_str()) == Some(&Origin::Default);
    let light = site_plan.iter().all(|(name, _)| default(name))
        && templates
            .origins
            .keys()
            .filter(|name| !renders_alone(name))
            .all(default);
    let site_context = site_context(view, light);
    timings.push(("whole-site context".into(), clock.elapsed()));
    let mut site_context = match site_context {
        Ok(c) => c,
        Err(e) => {
            diags.push(Diagnostic::error("templates", e.to_string()));
            return Ok(Rendered {
                files: count,
                diagnostics: diags,
                fingerprints,
                timings,
            });
        }
    };
    // Whole-site files that do not read `page_path` share one context (per folder depth, for
    // `root`) and render side by side; the others render one after the other, each with its own
    // `page_path`.
    let site_files: Vec<(&String, String)> = site_plan
        .iter()
        .flat_map(|(name, pages)| pages.iter().map(move |(_, path)| (*name, path.clone())))
        .collect();
    let (shared, own): (Vec<_>, Vec<_>) = site_files
        .into_iter()
        .partition(|(name, _)| !templates.may_read(name, "page_path"));
    let mut results: Vec<(&String, Option<tera::Error>, Duration)> = Vec::new();
    let mut roots: Vec<String> = shared.iter().map(|(_, path)| root_of(path)).collect();
    roots.sort();
    roots.dedup();
    for root in roots {
        site_context.insert("root", &root);
        site_context.remove("page_path");
        let context = &site_context;
        let batch: Vec<_> = shared
            .par_iter()
            .filter(|(_, path)| root_of(path) == root)
            .map(|(name, path)| {
                let clock = Instant::now();
                render_streaming(templates, name, context, output, path)
                    .map(|e| (*name, e, clock.elapsed()))
            })
            .collect::<Result<_, _>>()?;
        results.extend(batch);
    }
    for (name, path) in own {
        let clock = Instant::now();
        site_context.insert("root", &root_of(&path));
        site_context.insert("page_path", &path);
        let error = render_streaming(templates, name, &site_context, output, &path)?;
        results.push((name, error, clock.elapsed()));
    }
    // One diagnostic per template, and the timings in the templates' order.
    results.sort_by(|a, b| a.0.cmp(b.0));
    let mut failed: Option<&String> = None;
    for (name, error, took) in results {
        match error {
            None => count += 1,
            Some(e) if failed != Some(name) => {
                diags.push(templates.render_diagnostic(name, &e));
                failed = Some(name);
            }
            Some(_) => {}
        }
        timings.push((format!("render {name}"), took));
    }
    Ok(Rendered {
        files: count,
        diagnostics: diags,
        fingerprints,
        timings,
    })
}

/// Feeds the JSON text of `value` to `hasher`, without holding the text.
fn hash_json<T: serde::Serialize + ?Sized>(value: &T, hasher: &mut impl Hasher) {
    struct Feed<'a, H: Hasher>(&'a mut H);
    impl<H: Hasher> Write for Feed<'_, H> {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.write(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    // Serializing views to JSON does not fail.
    let _ = serde_json::to_writer(Feed(hasher), value);
}

/// One file to make in the page phase.
enum Job<'a> {
    /// A page of an article, a briefing or a period.
    Page {
        name: &'a String,
        target: Target,
        i: usize,
        path: &'a String,
    },
    /// A default export written by [`exports`].
    Export { name: &'a String, path: &'a String },
}

/// A finished [`Job`].
struct Done<'a> {
    name: &'a String,
    path: &'a String,
    error: Option<tera::Error>,
    print: Option<u64>,
    took: Duration,
}

/// A chronology group without its entries: the neighbours of a period page.
#[derive(serde::Serialize)]
struct PeriodLink<'a> {
    key: &'a str,
    label: &'a str,
    href: &'a str,
    count: usize,
}

/// The groups before and after group `i`.
fn neighbours(
    groups: &[views::ChronologyGroupView],
    i: usize,
) -> (Option<PeriodLink<'_>>, Option<PeriodLink<'_>>) {
    fn link(g: &views::ChronologyGroupView) -> PeriodLink<'_> {
        PeriodLink {
            key: &g.key,
            label: &g.label,
            href: &g.href,
            count: g.count,
        }
    }
    (
        i.checked_sub(1).and_then(|j| groups.get(j)).map(link),
        groups.get(i + 1).map(link),
    )
}

/// What [`render`] did.
#[derive(Debug)]
pub struct Rendered {
    /// Files written (or linked from the previous output).
    pub files: usize,
    /// Template problems.
    pub diagnostics: Diagnostics,
    /// The fingerprint of every article and briefing page, for the next build's reuse.
    pub fingerprints: BTreeMap<String, u64>,
    /// How long each step took.
    pub timings: Vec<(String, Duration)>,
}

/// Pages of the previous build that may be reused.
pub struct Reuse<'a> {
    /// Fingerprints of the previous build's pages.
    pub previous: &'a BTreeMap<String, u64>,
    /// Puts the previous build's file at this path into the new output; false when it is gone.
    pub link: &'a (dyn Fn(&str) -> Result<bool, crate::error::Error> + Sync),
}

/// The whole-site context, built from the views by value: every article's data becomes a JSON
/// value and is dropped before the next one is converted.
///
/// `light` leaves out what no default whole-site template reads: the articles' claims, and the
/// chronology's entries when they are on the period pages. Only for a template set whose
/// whole-site templates, layouts and partials are all the defaults, so that no template can tell.
fn site_context(view: ReportView, light: bool) -> Result<Context, serde_json::Error> {
    let ReportView {
        site,
        articles,
        briefings,
        mut chronology,
        chronology_paged,
        ..
    } = view;
    let mut map = serde_json::Map::new();
    map.insert("site".into(), serde_json::to_value(&site)?);
    map.insert("chronology_paged".into(), chronology_paged.into());
    let articles: Vec<serde_json::Value> = articles
        .into_par_iter()
        .map(|mut a| {
            if light {
                a.data.figures = Vec::new();
                a.data.dates = Vec::new();
                a.data.events = Vec::new();
            }
            serde_json::to_value(&a.data)
        })
        .collect::<Result<_, _>>()?;
    map.insert("articles".into(), serde_json::Value::Array(articles));
    let briefings: Vec<serde_json::Value> = briefings
        .into_iter()
        .map(|b| serde_json::to_value(&b))
        .collect::<Result<_, _>>()?;
    map.insert("briefings".into(), serde_json::Value::Array(briefings));
    if light && chronology_paged {
        chronology.par_iter_mut().for_each(|group| {
            group.entries = Vec::new();
            group.timeline = None;
        });
    }
    map.insert("chronology".into(), serde_json::to_value(&chronology)?);
    drop(chronology);
    Context::from_value(serde_json::Value::Object(map))
        .map_err(|e| serde::ser::Error::custom(e.to_string()))
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
