//! The project's `templates/` folder in, a ready [`Templates`] set out: the embedded defaults,
//! overridden file by file by the project's own templates, every default also reachable as
//! `default/<name>` so a user template can extend it and change one block.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tera::Tera;

use super::{filters, locate, recursion};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::error::Error;

/// The default templates, embedded in the binary.
pub const DEFAULTS: &[(&str, &str)] = &[
    (
        "layouts/base.html",
        include_str!("../../templates/layouts/base.html"),
    ),
    (
        "partials/figure_table.html",
        include_str!("../../templates/partials/figure_table.html"),
    ),
    (
        "partials/figure_chart.html",
        include_str!("../../templates/partials/figure_chart.html"),
    ),
    (
        "partials/timeline.html",
        include_str!("../../templates/partials/timeline.html"),
    ),
    (
        "partials/chronology.html",
        include_str!("../../templates/partials/chronology.html"),
    ),
    (
        "partials/period_nav.html",
        include_str!("../../templates/partials/period_nav.html"),
    ),
    (
        "partials/pager.html",
        include_str!("../../templates/partials/pager.html"),
    ),
    (
        "partials/series_overview.html",
        include_str!("../../templates/partials/series_overview.html"),
    ),
    ("series.html", include_str!("../../templates/series.html")),
    ("period.html", include_str!("../../templates/period.html")),
    ("index.html", include_str!("../../templates/index.html")),
    ("article.html", include_str!("../../templates/article.html")),
    (
        "briefing.html",
        include_str!("../../templates/briefing.html"),
    ),
    (
        "chronology.html",
        include_str!("../../templates/chronology.html"),
    ),
    ("style.css", include_str!("../../templates/style.css")),
    ("feed.xml", include_str!("../../templates/feed.xml")),
    ("sitemap.xml", include_str!("../../templates/sitemap.xml")),
    ("search.html", include_str!("../../templates/search.html")),
    ("search.js", include_str!("../../templates/search.js")),
];

/// Where a template comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// Built in.
    Default,
    /// The project's `templates/` folder.
    Project,
}

/// A loaded template set.
pub struct Templates {
    pub(crate) tera: Tera,
    /// Every template name (without the `default/` copies) and where it comes from.
    pub origins: BTreeMap<String, Origin>,
    /// The source of every template, to place render errors on a line.
    sources: BTreeMap<String, String>,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates")
            .field("origins", &self.origins)
            .finish()
    }
}

/// Whether a template renders on its own (not a layout, partial or `_`-prefixed helper).
pub fn renders_alone(name: &str) -> bool {
    !(name.starts_with("partials/")
        || name.starts_with("layouts/")
        || name.starts_with("default/")
        || name.rsplit('/').next().is_some_and(|f| f.starts_with('_')))
}

impl Templates {
    /// Whether template `name`, or any template it could extend or include (conservatively: any
    /// template that does not render alone), may read the variable `variable`. A template that
    /// dumps the whole context (`__tera_context`) reads every variable.
    pub fn may_read(&self, name: &str, variable: &str) -> bool {
        self.sources
            .iter()
            .filter(|(n, _)| n.as_str() == name || !renders_alone(n))
            .any(|(_, source)| source.contains(variable) || source.contains("__tera_context"))
    }
}

/// Loads the defaults and the project's `templates_dir` (which may not exist).
pub fn load_templates(
    root: &Path,
    templates_dir: &Path,
) -> Result<(Option<Templates>, Diagnostics), Error> {
    let mut diags = Diagnostics::new();
    let mut user: Vec<(String, String, PathBuf)> = Vec::new();
    if templates_dir.is_dir() {
        collect(root, templates_dir, &mut user, &mut diags)?;
    }
    user.sort();
    let shown = |p: &Path| p.strip_prefix(root).unwrap_or(p).to_path_buf();
    let mut ok: Vec<(String, String)> = Vec::new();
    for (name, text, path) in &user {
        match tera::Template::new(name, None, text) {
            Ok(_) => ok.push((name.clone(), text.clone())),
            Err(e) => diags.push(template_diagnostic(&shown(path), &e)),
        }
    }
    if diags.has_errors() {
        return Ok((None, diags));
    }
    let mut origins = BTreeMap::new();
    let mut all: Vec<(String, String)> = Vec::new();
    // The defaults under `default/` are for project templates that extend or include them;
    // parsing them costs as much as parsing the defaults themselves, so only when one does.
    let extends_defaults = ok.iter().any(|(_, text)| text.contains("default/"));
    for (name, text) in DEFAULTS {
        if extends_defaults {
            all.push((format!("default/{name}"), (*text).to_string()));
        }
        if !ok.iter().any(|(n, _)| n == name) {
            all.push(((*name).to_string(), (*text).to_string()));
            origins.insert((*name).to_string(), Origin::Default);
        }
    }
    for (name, text) in ok {
        let same_as_default = DEFAULTS.iter().any(|(n, t)| *n == name && *t == text);
        origins.insert(
            name.clone(),
            if same_as_default {
                Origin::Default
            } else {
                Origin::Project
            },
        );
        all.push((name, text));
    }
    let sources: BTreeMap<String, String> = all.iter().cloned().collect();
    let mut tera = Tera::default();
    tera.autoescape_on(vec![".html", ".htm", ".xml", ".svg"]);
    // Escape what HTML and XML need (& < > " '), and leave `/` alone so links stay readable.
    tera.set_escape_fn(crate::content::escape);
    filters::register(&mut tera);
    let is_project = |name: &str| origins.get(name) == Some(&Origin::Project);
    // Tera refuses a cycle of `extends`; the cycle is then told at the tag that closes it, which
    // takes parsing every template once more, so only when loading failed.
    if let Err(e) = tera.add_raw_templates(all) {
        let cycles = recursion::extends_cycles(&sources, &is_project);
        if !cycles.is_empty() {
            diags.extend(cycles.into_iter().collect());
            return Ok((None, diags));
        }
        let name = error_template_name(&e);
        let path = name.as_deref().map_or_else(
            || PathBuf::from("templates"),
            |n| PathBuf::from("templates").join(n.trim_start_matches("default/")),
        );
        let mut d = template_diagnostic(&path, &e);
        // A template that loads one that does not exist: at the name, with a near one.
        if let Some(l) = locate::locate_missing(&error_chain(&e), &sources) {
            d.path = PathBuf::from("templates").join(l.template.trim_start_matches("default/"));
            if let (Some(at), Some(source)) = (l.offset, sources.get(&l.template)) {
                d = d.at_offset(source, at);
            }
            if let Some(help) = l.help {
                d = d.with_help(help);
            }
        }
        diags.push(d);
        return Ok((None, diags));
    }
    let cycles = recursion::include_cycles(&tera, &sources, &is_project);
    if !cycles.is_empty() {
        for d in cycles {
            diags.push(d);
        }
        return Ok((None, diags));
    }
    recursion::guard(&mut tera, &sources);
    Ok((
        Some(Templates {
            tera,
            origins,
            sources,
        }),
        diags,
    ))
}

/// Reads every template below `dir`: (name with `/` separators, text, path).
fn collect(
    root: &Path,
    dir: &Path,
    out: &mut Vec<(String, String, PathBuf)>,
    diags: &mut Diagnostics,
) -> Result<(), Error> {
    for path in crate::files::list_files(root, dir, &|_| true, diags)? {
        let name = path
            .strip_prefix(dir)
            .unwrap_or(&path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        let shown = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
        if let Some(text) = crate::files::read_text(
            &path,
            &shown,
            // A template has no setting of its own: no template comes near this.
            (crate::config::DEFAULT_MAX_ARTICLE_SIZE, None),
            diags,
        )? {
            out.push((name, text, path));
        }
    }
    Ok(())
}

impl Templates {
    /// Makes tera's `now()` give `build_date` (see [`filters::register_now`]).
    pub fn set_build_date(&mut self, build_date: chrono::NaiveDate) {
        filters::register_now(&mut self.tera, build_date);
    }

    /// A stable hash of every template's name and source: pages rendered with another set
    /// differ.
    pub fn fingerprint(&self) -> u64 {
        let mut h = crate::cache::KeyHasher::new("templates");
        h.usize(self.sources.len());
        for (name, source) in &self.sources {
            h.str(name).str(source);
        }
        h.finish()
    }

    /// Renders template `name` into `write`, with includes and macro calls guarded against
    /// recursion without end (see [`recursion`]).
    pub(crate) fn render_to(
        &self,
        name: &str,
        context: &tera::Context,
        write: impl std::io::Write,
    ) -> tera::Result<()> {
        recursion::render_guarded(|| self.tera.render_to(name, context, write))
    }

    /// A render error of template `name` as a diagnostic, placed where it happened: in the
    /// partial, parent or macro file when it happened there (see [`locate`]), at the line and
    /// column of the variable, filter, test or function it names, with a "did you mean" for an
    /// unknown name that is near a known one. Includes and macro calls nested too deep are
    /// placed at the macro (or include) that went too deep.
    pub(crate) fn render_diagnostic(&self, name: &str, e: &tera::Error) -> Diagnostic {
        if let Some(deep) = recursion::TooDeep::find(e) {
            return deep.diagnostic();
        }
        // A default reached as `default/<name>` is shown where `eject` would put it.
        let path_of =
            |t: &str| PathBuf::from("templates").join(t.strip_prefix("default/").unwrap_or(t));
        let mut d = template_diagnostic(&path_of(name), e);
        if d.line.is_some() {
            return d;
        }
        let located = locate::locate(name, &error_chain(e), &self.sources);
        d.path = path_of(&located.template);
        if let (Some(at), Some(source)) = (located.offset, self.sources.get(&located.template)) {
            d = d.at_offset(source, at);
        }
        match located.help {
            Some(help) => d.with_help(help),
            None => d,
        }
    }
}

/// The messages of a tera error and its causes, outermost first.
fn error_parts(e: &tera::Error) -> Vec<String> {
    let mut parts = vec![e.to_string()];
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        parts.push(s.to_string());
        source = s.source();
    }
    parts
}

/// The whole cause chain of a tera error, one message.
pub(crate) fn error_chain(e: &tera::Error) -> String {
    error_parts(e).join(": ")
}

fn error_template_name(e: &tera::Error) -> Option<String> {
    let text = error_chain(e);
    let start = text.find('\'')? + 1;
    let end = start + text[start..].find('\'')?;
    Some(text[start..end].to_string())
}

/// A tera error as a diagnostic: the parser's message with its line and column, or the chain of
/// render errors without the "Failed to render 'x'" wrappers (the path already names the template).
pub(crate) fn template_diagnostic(path: &Path, e: &tera::Error) -> Diagnostic {
    let parts = error_parts(e);
    for part in &parts {
        let Some(at) = part.find("--> ") else {
            continue;
        };
        let rest = &part[at + 4..];
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || c == ':'))
            .unwrap_or(rest.len());
        let location = rest[..end]
            .split_once(':')
            .and_then(|(l, c)| Some((l.parse().ok()?, c.parse().ok()?)));
        let expected = part
            .lines()
            .find_map(|l| l.trim_start().strip_prefix("= "))
            .unwrap_or("invalid syntax");
        let d = Diagnostic::error(path, format!("syntax error: {expected}"));
        return match location {
            Some((line, col)) => d.at(line, col),
            None => d,
        };
    }
    let causes: Vec<&str> = parts
        .iter()
        .map(String::as_str)
        .filter(|p| !(p.starts_with("Failed to render") || p.starts_with("Failed to parse")))
        .collect();
    let message = if causes.is_empty() {
        parts.join(": ")
    } else {
        causes.join(": ")
    };
    Diagnostic::error(path, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_default_parses() {
        let dir = tempfile::tempdir().unwrap();
        let (t, d) = load_templates(dir.path(), &dir.path().join("templates")).unwrap();
        assert!(d.is_empty(), "{d:?}");
        let t = t.unwrap();
        assert!(t.origins.values().all(|o| *o == Origin::Default));
        // No project template reaches for the defaults by their `default/` names: not loaded.
        assert!(t.tera.get_template("default/layouts/base.html").is_err());
    }

    /// A project template that extends a default by its `default/` name gets every default under
    /// that name, and renders through it.
    #[test]
    fn a_project_template_extends_a_default_by_its_default_name() {
        let dir = tempfile::tempdir().unwrap();
        let templates = dir.path().join("templates");
        std::fs::create_dir_all(&templates).unwrap();
        std::fs::write(
            templates.join("index.html"),
            "{% extends \"default/index.html\" %}{% block title %}MINE{% endblock title %}",
        )
        .unwrap();
        let (t, d) = load_templates(dir.path(), &templates).unwrap();
        assert!(d.is_empty(), "{d:?}");
        let t = t.unwrap();
        assert!(t.tera.get_template("default/layouts/base.html").is_ok());
        assert!(t.tera.get_template("default/index.html").is_ok());
        assert_eq!(t.origins.get("index.html"), Some(&Origin::Project));
    }

    #[test]
    fn syntax_errors_name_template_and_line() {
        let dir = tempfile::tempdir().unwrap();
        let templates = dir.path().join("templates");
        std::fs::create_dir_all(&templates).unwrap();
        std::fs::write(
            templates.join("notes.txt"),
            "ok\n{{ site.title | }}\nmore\n",
        )
        .unwrap();
        let (t, d) = load_templates(dir.path(), &templates).unwrap();
        assert!(t.is_none());
        let d: Vec<_> = d.iter().collect();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].path, PathBuf::from("templates/notes.txt"));
        assert_eq!(d[0].line, Some(2), "{}", d[0]);
    }

    #[test]
    fn which_templates_render() {
        assert!(renders_alone("figures.csv"));
        assert!(renders_alone("feeds/atom.xml"));
        assert!(!renders_alone("partials/x.html"));
        assert!(!renders_alone("layouts/base.html"));
        assert!(!renders_alone("_macros.html"));
    }
}
