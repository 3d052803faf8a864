//! The [`Report`] and the [`Templates`] in, the site's files out, in memory: every template that
//! renders on its own becomes one or more [`OutputFile`]s. Pure: no disk.
//!
//! Which template renders what is decided by its file name, not by code: a top-level template
//! whose stem is a view (`index`, `article`, `briefing`, `chronology`) renders that view
//! (`article.html` → `articles/<slug>.html`, `briefing.md` → `briefings/<slug>.md`); any other
//! template (`claims.json`, `feeds/atom.xml`) renders once, to its own path, with the whole site.

pub mod filters;
pub mod templates;
pub mod views;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use tera::Context;

pub use templates::{DEFAULTS, Origin, Templates, load_templates, renders_alone};
pub use views::{ReportView, build_views};

use crate::assemble::Report;
use crate::diagnostics::{Diagnostic, Diagnostics};

/// One file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path relative to the output folder, `/`-separated.
    pub path: String,
    /// Contents.
    pub contents: Vec<u8>,
}

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
        Target::Index | Target::Chronology | Target::Site => vec![name.to_string()],
    }
}

/// The relative prefix from an output path back to the site root ("", "../").
fn root_of(path: &str) -> String {
    "../".repeat(path.matches('/').count())
}

/// Renders every template. Errors become diagnostics naming the template.
pub fn render(report: &Report, templates: &Templates) -> (Vec<OutputFile>, Diagnostics) {
    let view = build_views(report);
    let mut diags = Diagnostics::new();
    let mut files: BTreeMap<String, (OutputFile, String)> = BTreeMap::new();
    // Output paths by their lowercase form: two paths that differ only in case would overwrite
    // each other on case-insensitive file systems (macOS, Windows).
    let mut folded: BTreeMap<String, String> = BTreeMap::new();
    // The whole-site context is built once and shared: only `root` and `page_path` change
    // between the templates that use it, and replacing a key does not copy the rest.
    let mut site_context = match Context::from_serialize(view.site_context()) {
        Ok(c) => c,
        Err(e) => {
            diags.push(Diagnostic::error("templates", templates::error_chain(&e)));
            return (Vec::new(), diags);
        }
    };
    for name in templates.origins.keys().filter(|n| renders_alone(n)) {
        let template_path = PathBuf::from("templates").join(name);
        let target = target_of(name);
        let paths = output_paths(name, &view);
        // One page per article or briefing: independent, rendered on every core (the template
        // set is shared read-only). The results keep the paths' order.
        let rendered: Vec<(String, Result<String, tera::Error>)> = match target {
            Target::Article | Target::Briefing => paths
                .into_par_iter()
                .enumerate()
                .map(|(i, path)| {
                    let mut context = match target {
                        Target::Article => page_context(&view, "article", &view.articles[i]),
                        _ => page_context(&view, "briefing", &view.briefings[i]),
                    };
                    context.insert("root", &root_of(&path));
                    context.insert("page_path", &path);
                    let result = templates.tera.render(name, &context);
                    (path, result)
                })
                .collect(),
            Target::Index | Target::Chronology | Target::Site => paths
                .into_iter()
                .map(|path| {
                    site_context.insert("root", &root_of(&path));
                    site_context.insert("page_path", &path);
                    let result = templates.tera.render(name, &site_context);
                    (path, result)
                })
                .collect(),
        };
        for (path, result) in rendered {
            match result {
                Ok(text) => {
                    if let Some(other) = folded.get(&path.to_lowercase()) {
                        let other_template = files.get(other).map_or("", |(_, t)| t.as_str());
                        diags.push(Diagnostic::error(
                            &template_path,
                            format!("renders to `{path}`, which template `{other_template}` also writes (as `{other}`)"),
                        ));
                        continue;
                    }
                    folded.insert(path.to_lowercase(), path.clone());
                    let file = OutputFile {
                        path: path.clone(),
                        contents: text.into_bytes(),
                    };
                    files.insert(path, (file, name.clone()));
                }
                Err(e) => {
                    diags.push(templates.render_diagnostic(name, &e));
                    break;
                }
            }
        }
    }
    (files.into_values().map(|(f, _)| f).collect(), diags)
}

fn page_context<T: serde::Serialize>(view: &ReportView, key: &str, value: &T) -> Context {
    let mut context = Context::new();
    context.insert("site", &view.site);
    context.insert(key, value);
    context
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
