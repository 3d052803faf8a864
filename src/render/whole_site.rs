//! The whole-site templates (index, chronology, feeds, a project's own exports): one context
//! with the whole site, shared by the templates that render side by side, each written to disk as
//! it is rendered.

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tera::Context;

use super::{Origin, Output, Plan, Rendered, ReportView, Templates, renders_alone, root_of};
use crate::assemble::Report;
use crate::diagnostics::Diagnostic;

/// Renders the whole-site templates of `site_plan`, adding to `done`. Takes the report and the
/// views by value: what the templates do not need is freed before their context is built.
pub(super) fn render_whole_site(
    report: Report,
    view: ReportView,
    templates: &Templates,
    output: &dyn Output,
    site_plan: &[Plan<'_>],
    done: &mut Rendered,
) -> Result<(), crate::error::Error> {
    // The whole-site templates share one context. The articles' texts and the views are
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
    done.timings
        .push(("whole-site context".into(), clock.elapsed()));
    let mut site_context = match site_context {
        Ok(c) => c,
        Err(e) => {
            done.diagnostics
                .push(Diagnostic::error("templates", e.to_string()));
            return Ok(());
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
            None => done.files += 1,
            Some(e) if failed != Some(name) => {
                done.diagnostics.push(templates.render_diagnostic(name, &e));
                failed = Some(name);
            }
            Some(_) => {}
        }
        done.timings.push((format!("render {name}"), took));
    }
    Ok(())
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
        chronology_timeline,
        chronology_histogram,
        ..
    } = view;
    let mut map = serde_json::Map::new();
    map.insert("site".into(), serde_json::to_value(&site)?);
    map.insert("chronology_paged".into(), chronology_paged.into());
    map.insert(
        "chronology_timeline".into(),
        serde_json::to_value(&chronology_timeline)?,
    );
    map.insert(
        "chronology_histogram".into(),
        serde_json::to_value(&chronology_histogram)?,
    );
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
        });
    }
    map.insert("chronology".into(), serde_json::to_value(&chronology)?);
    drop(chronology);
    Context::from_value(serde_json::Value::Object(map))
        .map_err(|e| serde::ser::Error::custom(e.to_string()))
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
