//! A loaded [`Tera`] set in; include cycles as diagnostics, and a set whose includes and macro
//! calls cannot nest without end, out.
//!
//! Tera follows `{% include %}` and macro calls by recursion in the renderer and has no limit of
//! its own, so `{% include "self.html" %}` or a macro that calls itself without a stopping
//! condition overflows the stack, which aborts the whole process (a build leaves its staging
//! folder behind, and `report serve` dies). Two guards, one for each kind of recursion:
//!
//! - **Includes** name their template literally, so a cycle is found before anything renders
//!   ([`include_cycles`]): it is an error at the include that closes it, whatever the data, and
//!   `check` reports it even when the include sits in a branch no page takes. An include takes no
//!   arguments, so a cycle of includes has nothing to stop it; recursion over nested data is a
//!   macro's job.
//! - **Macros** may call themselves: tera allows it, and a macro that walks a tree stops when the
//!   data does. Whether it stops depends on the data, so it is caught while rendering
//!   ([`guard`]): every macro body and every include is wrapped in two calls of functions
//!   registered here, which count how deep they nest on this thread. Past [`MAX_DEPTH`] (or when
//!   the stack runs low, whatever the depth) the render stops with [`TooDeep`], which becomes a
//!   diagnostic at the macro's definition.
//!
//! The wrapping edits tera's parsed templates (`tera::ast`), which tera documents as public but
//! not stable; `Cargo.lock` pins the version and the tests in `tests/template_recursion.rs` fail
//! if the guard stops working.

use std::cell::Cell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use tera::Tera;
use tera::ast::{Expr, ExprVal, FunctionCall, Node, WS};

use crate::diagnostics::Diagnostic;

/// How deep includes and macro calls may nest in one render. A macro that walks nested data
/// rarely needs more than a dozen levels; each level costs up to 35 KB of stack in a debug build
/// (a macro whose call sits in a loop, a condition and a filter section), a few in a release
/// build, and every render starts with at least [`RED_ZONE`] bytes of it.
pub(crate) const MAX_DEPTH: usize = 64;

/// The stack of the threads templates render on (see [`on_render_threads`]), and of the stack a
/// render moves to when its thread has less than [`RED_ZONE`] left.
const STACK: usize = 16 << 20;

/// A render that starts with less stack than this is moved to a fresh stack of [`STACK`] bytes
/// (see [`render_guarded`]): room for [`MAX_DEPTH`] levels even in a debug build.
const RED_ZONE: usize = 4 << 20;

/// Below this much stack the render stops, whatever the depth: a template nested so deeply
/// within one macro that [`MAX_DEPTH`] levels of it would not fit.
const MIN_STACK: usize = 256 << 10;

const NEST: &str = "__report_nest";
const UNNEST: &str = "__report_unnest";

thread_local! {
    /// How many macro calls and includes enclose the point being rendered on this thread.
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// A place that nests: a macro's definition or an include.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Site {
    /// The template that holds it.
    pub template: String,
    /// `macro `name`` or `include of `name``.
    pub what: String,
    /// How to end the recursion.
    pub help: &'static str,
    /// Its 1-based line and column in the template, when found in the source.
    pub at: Option<(usize, usize)>,
}

/// The error a render stops with when includes and macro calls nest too deep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TooDeep {
    /// The macro or include that went one level too deep.
    pub site: Site,
    /// True when the stack ran low before [`MAX_DEPTH`] was reached.
    pub stack: bool,
}

impl std::fmt::Display for TooDeep {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.stack {
            write!(
                f,
                "{} nests too deep for the stack: does it call itself without end?",
                self.site.what
            )
        } else {
            write!(
                f,
                "{} nests more than {MAX_DEPTH} macro calls and includes deep: does it call itself without end?",
                self.site.what
            )
        }
    }
}

impl std::error::Error for TooDeep {}

impl TooDeep {
    /// The diagnostic, at the macro's definition (or the include) in its template.
    pub(crate) fn diagnostic(&self) -> Diagnostic {
        let name = self.site.template.trim_start_matches("default/");
        let d = Diagnostic::error(PathBuf::from("templates").join(name), self.to_string())
            .with_help(self.site.help);
        match self.site.at {
            Some((line, column)) => d.at(line, column),
            None => d,
        }
    }

    /// The [`TooDeep`] somewhere in the causes of a tera error.
    pub(crate) fn find(e: &tera::Error) -> Option<&TooDeep> {
        let mut source: Option<&(dyn std::error::Error + 'static)> = Some(e);
        while let Some(s) = source {
            if let Some(deep) = s.downcast_ref::<TooDeep>() {
                return Some(deep);
            }
            source = s.source();
        }
        None
    }
}

/// Runs `work` in a thread pool whose threads have [`STACK`] bytes of stack, so that the renders
/// it runs (see [`render_guarded`]) need no stack of their own: rayon's threads have 2 MiB, and
/// moving each page's render to a fresh stack cost a sixth of a build that renders every page
/// with tera. In the current pool when no pool can be made.
pub(crate) fn on_render_threads<R: Send>(work: impl FnOnce() -> R + Send) -> R {
    match rayon::ThreadPoolBuilder::new()
        .num_threads(rayon::current_num_threads())
        .stack_size(STACK)
        .build()
    {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    }
}

/// Runs one render with the depth count at zero and at least [`RED_ZONE`] bytes of stack: on
/// the thread it is called on when that has enough left (the threads of [`on_render_threads`],
/// a main thread), else on a fresh stack.
pub(crate) fn render_guarded<R>(render: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(RED_ZONE, STACK, || {
        DEPTH.with(|d| d.set(0));
        render()
    })
}

/// Wraps every macro body and every include of every template in `tera` so that their nesting is
/// counted, and registers the two counting functions. `sources` places the sites on a line.
pub(crate) fn guard(tera: &mut Tera, sources: &BTreeMap<String, String>) {
    let mut sites: Vec<Site> = Vec::new();
    let mut names: Vec<String> = tera.templates.keys().cloned().collect();
    names.sort();
    for name in names {
        let source = sources.get(&name).map_or("", String::as_str);
        let Some(template) = tera.templates.get_mut(&name) else {
            continue;
        };
        wrap_includes(&mut template.ast, &name, source, &mut sites);
        let mut blocks: Vec<_> = template.blocks_definitions.values_mut().flatten().collect();
        // Each definition belongs to the template that wrote it (a parent's, for inherited blocks).
        blocks.sort_by(|a, b| (&a.0, &a.1.name).cmp(&(&b.0, &b.1.name)));
        for (owner, block) in blocks {
            let owner_source = sources.get(owner.as_str()).map_or("", String::as_str);
            wrap_includes(&mut block.body, owner, owner_source, &mut sites);
        }
        let mut macros: Vec<_> = template.macros.values_mut().collect();
        macros.sort_by(|a, b| a.name.cmp(&b.name));
        for definition in macros {
            wrap_includes(&mut definition.body, &name, source, &mut sites);
            let site = Site {
                template: name.clone(),
                what: format!("macro `{}`", definition.name),
                help: "a macro that calls itself needs a condition that stops it, such as `{% if node.children %}`",
                at: find_tag(source, "macro", &definition.name),
            };
            definition.body.insert(0, nest_node(sites.len()));
            definition.body.push(unnest_node());
            sites.push(site);
        }
    }
    let sites = Arc::new(sites);
    tera.register_function(NEST, move |args: &HashMap<String, tera::Value>| {
        let site = args
            .get("site")
            .and_then(tera::Value::as_u64)
            .and_then(|i| sites.get(usize::try_from(i).ok()?))
            .ok_or_else(|| tera::Error::msg("nesting guard called without its site"))?;
        let depth = DEPTH.with(|d| {
            let depth = d.get() + 1;
            d.set(depth);
            depth
        });
        let stack = stacker::remaining_stack().is_some_and(|left| left < MIN_STACK);
        if depth > MAX_DEPTH || stack {
            let deep = TooDeep {
                site: site.clone(),
                stack,
            };
            return Err(tera::Error::chain(deep.to_string(), deep));
        }
        Ok(tera::Value::String(String::new()))
    });
    tera.register_function(UNNEST, |_: &HashMap<String, tera::Value>| {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
        Ok(tera::Value::String(String::new()))
    });
}

/// `{{ __report_nest(site=N) }}`: renders nothing.
fn nest_node(site: usize) -> Node {
    let index = i64::try_from(site).unwrap_or(i64::MAX);
    let args = HashMap::from([("site".to_string(), Expr::new(ExprVal::Int(index)))]);
    call_node(NEST, args)
}

/// `{{ __report_unnest() }}`: renders nothing.
fn unnest_node() -> Node {
    call_node(UNNEST, HashMap::new())
}

fn call_node(name: &str, args: HashMap<String, Expr>) -> Node {
    Node::VariableBlock(
        WS::default(),
        Expr::new(ExprVal::FunctionCall(FunctionCall {
            name: name.to_string(),
            args,
        })),
    )
}

/// Puts every include in `nodes` (at any depth) between a nest and an unnest call.
fn wrap_includes(nodes: &mut Vec<Node>, template: &str, source: &str, sites: &mut Vec<Site>) {
    let old = std::mem::take(nodes);
    for mut node in old {
        match &mut node {
            Node::Include(_, names, _) => {
                let first = names.first().cloned().unwrap_or_default();
                nodes.push(nest_node(sites.len()));
                sites.push(Site {
                    template: template.to_string(),
                    what: format!("include of `{first}`"),
                    help: "the included template leads back to this include (through a block's `super()` or a macro): include a template without it",
                    at: find_tag(source, "include", &first),
                });
                nodes.push(node);
                nodes.push(unnest_node());
                continue;
            }
            Node::Block(_, block, _) => wrap_includes(&mut block.body, template, source, sites),
            Node::Forloop(_, forloop, _) => {
                wrap_includes(&mut forloop.body, template, source, sites);
                if let Some(empty) = &mut forloop.empty_body {
                    wrap_includes(empty, template, source, sites);
                }
            }
            Node::If(branches, _) => {
                for (_, _, body) in &mut branches.conditions {
                    wrap_includes(body, template, source, sites);
                }
                if let Some((_, body)) = &mut branches.otherwise {
                    wrap_includes(body, template, source, sites);
                }
            }
            Node::FilterSection(_, section, _) => {
                wrap_includes(&mut section.body, template, source, sites);
            }
            // Macro definitions in the tree are not rendered: tera renders the copies in
            // `Template::macros`, which `guard` wraps.
            _ => {}
        }
        nodes.push(node);
    }
}

/// Every include of every template (at any depth, in macros and blocks too), in source order:
/// the names it tries, first to last.
fn includes(nodes: &[Node], out: &mut Vec<Vec<String>>) {
    for node in nodes {
        match node {
            Node::Include(_, names, _) => out.push(names.clone()),
            Node::Block(_, block, _) => includes(&block.body, out),
            Node::MacroDefinition(_, definition, _) => includes(&definition.body, out),
            Node::Forloop(_, forloop, _) => {
                includes(&forloop.body, out);
                if let Some(empty) = &forloop.empty_body {
                    includes(empty, out);
                }
            }
            Node::If(branches, _) => {
                for (_, _, body) in &branches.conditions {
                    includes(body, out);
                }
                if let Some((_, body)) = &branches.otherwise {
                    includes(body, out);
                }
            }
            Node::FilterSection(_, section, _) => includes(&section.body, out),
            _ => {}
        }
    }
}

/// Every include cycle among the templates of `tera`, one error each, placed at the include
/// that leaves the cycle's first template with a file in `templates/` (`is_project`), or its
/// first template by name.
pub(crate) fn include_cycles(
    tera: &Tera,
    sources: &BTreeMap<String, String>,
    is_project: &dyn Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    // The template each include renders: the first of its names that exists, as tera does.
    let mut edges: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (name, template) in &tera.templates {
        let mut found = Vec::new();
        includes(&template.ast, &mut found);
        let targets = edges.entry(name.as_str()).or_default();
        for names in &found {
            if let Some((target, _)) = names
                .iter()
                .find_map(|n| tera.templates.get_key_value(n.as_str()))
            {
                targets.insert(target.as_str());
            }
        }
    }
    let mut cycles: BTreeSet<Vec<&str>> = BTreeSet::new();
    let mut done: BTreeSet<&str> = BTreeSet::new();
    for &start in edges.keys() {
        let mut path = Vec::new();
        find_cycles(start, &edges, &mut path, &mut done, &mut cycles);
    }
    cycles
        .into_iter()
        .map(|cycle| {
            let first = (0..cycle.len())
                .filter(|&i| is_project(cycle[i]))
                .min_by_key(|&i| cycle[i])
                .unwrap_or(0);
            let turned: Vec<&str> = cycle[first..]
                .iter()
                .chain(&cycle[..first])
                .copied()
                .collect();
            let (from, to) = (turned[0], turned.get(1).copied().unwrap_or(turned[0]));
            let mut shown = turned.join(" → ");
            shown.push_str(" → ");
            shown.push_str(from);
            let path = PathBuf::from("templates").join(from.trim_start_matches("default/"));
            let d = Diagnostic::error(path, format!("include cycle: {shown}")).with_help(
                "a template cannot include itself, directly or through others; to repeat a part for nested data, use a macro that calls itself under a condition",
            );
            match find_tag(sources.get(from).map_or("", String::as_str), "include", to) {
                Some((line, column)) => d.at(line, column),
                None => d,
            }
        })
        .collect()
}

/// Every cycle of `{% extends %}` among `templates` (each source by name), one error each, placed at
/// the `extends` of the cycle's first template with a file in `templates/` (`is_project`), or
/// its first by name. tera refuses such a set too, but names no line.
pub(crate) fn extends_cycles(
    templates: &BTreeMap<String, String>,
    is_project: &dyn Fn(&str) -> bool,
) -> Vec<Diagnostic> {
    // A template extends at most one other, so each cycle is met by following parents.
    let parents: BTreeMap<&str, String> = templates
        .iter()
        .filter_map(|(name, source)| {
            let parent = tera::Template::new(name, None, source).ok()?.parent?;
            Some((name.as_str(), parent))
        })
        .collect();
    let mut cycles: BTreeSet<Vec<&str>> = BTreeSet::new();
    for &start in parents.keys() {
        let mut path: Vec<&str> = vec![start];
        while let Some(parent) = parents.get(path[path.len() - 1]) {
            let Some((&parent, _)) = parents.get_key_value(parent.as_str()) else {
                break;
            };
            if let Some(at) = path.iter().position(|n| *n == parent) {
                let cycle = &path[at..];
                let first = (0..cycle.len())
                    .filter(|&i| is_project(cycle[i]))
                    .min_by_key(|&i| cycle[i])
                    .or_else(|| (0..cycle.len()).min_by_key(|&i| cycle[i]))
                    .unwrap_or(0);
                cycles.insert(
                    cycle[first..]
                        .iter()
                        .chain(&cycle[..first])
                        .copied()
                        .collect(),
                );
                break;
            }
            if path.len() > templates.len() {
                break;
            }
            path.push(parent);
        }
    }
    cycles
        .into_iter()
        .map(|cycle| {
            let from = cycle[0];
            let to = cycle.get(1).copied().unwrap_or(from);
            let mut shown = cycle.join(" → ");
            shown.push_str(" → ");
            shown.push_str(from);
            let path = PathBuf::from("templates").join(from.trim_start_matches("default/"));
            let d = Diagnostic::error(path, format!("extends cycle: {shown}"))
                .with_help("a template cannot extend itself, directly or through others");
            match find_tag(
                templates.get(from).map_or("", String::as_str),
                "extends",
                to,
            ) {
                Some((line, column)) => d.at(line, column),
                None => d,
            }
        })
        .collect()
}

/// Depth-first search from `node`; every cycle met is added once, turned to start at its
/// smallest name.
fn find_cycles<'a>(
    node: &'a str,
    edges: &BTreeMap<&'a str, BTreeSet<&'a str>>,
    path: &mut Vec<&'a str>,
    done: &mut BTreeSet<&'a str>,
    cycles: &mut BTreeSet<Vec<&'a str>>,
) {
    if let Some(at) = path.iter().position(|n| *n == node) {
        let cycle = &path[at..];
        let min = (0..cycle.len()).min_by_key(|&i| cycle[i]).unwrap_or(0);
        cycles.insert(cycle[min..].iter().chain(&cycle[..min]).copied().collect());
        return;
    }
    if done.contains(node) {
        return;
    }
    path.push(node);
    for next in edges.get(node).into_iter().flatten() {
        find_cycles(next, edges, path, done, cycles);
    }
    path.pop();
    done.insert(node);
}

/// The line and column of the first `{% <tag> ... %}` in `source` that names `name` in quotes.
fn find_tag(source: &str, tag: &str, name: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(found) = source[from..].find("{%") {
        let start = from + found;
        let inner_start = start + 2;
        let end = source[inner_start..]
            .find("%}")
            .map_or(source.len(), |e| inner_start + e);
        let inner = source[inner_start..end]
            .trim_start_matches('-')
            .trim_start();
        if let Some(rest) = inner.strip_prefix(tag) {
            let named = if tag == "macro" {
                rest.trim_start()
                    .strip_prefix(name)
                    .is_some_and(|r| r.trim_start().starts_with('('))
            } else {
                ['"', '\'', '`']
                    .iter()
                    .any(|q| rest.contains(&format!("{q}{name}{q}")))
            };
            if rest.starts_with(char::is_whitespace) && named {
                let d = Diagnostic::error("", "").at_offset(source, start);
                return d.line.zip(d.column);
            }
        }
        from = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_found_by_name() {
        let source =
            "a\n{% macro other() %}{% endmacro %}\n  {%- macro tree(n) %}\n{% include 'p.html' %}";
        assert_eq!(find_tag(source, "macro", "tree"), Some((3, 3)));
        assert_eq!(find_tag(source, "macro", "tre"), None);
        assert_eq!(find_tag(source, "include", "p.html"), Some((4, 1)));
        assert_eq!(find_tag(source, "include", "q.html"), None);
    }
}
