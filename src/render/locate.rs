//! A tera render error and the template sources in; where it happened (the template, partial or
//! macro file, its line and column) and a "did you mean" for an unknown variable, filter, test
//! or function out. tera gives render errors no position, and names the template it was
//! rendering only for unknown variables, so the place is found in the sources.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use super::{Target, target_of};

/// What a render error is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Culprit {
    /// A variable path: `group.unitt`.
    Variable(String),
    /// A filter, unknown or failing.
    Filter(String),
    /// A test (`is odd`), unknown or failing.
    Test(String),
    /// A function, unknown or failing.
    Function(String),
    /// A template included that does not exist.
    Template(String),
}

/// Where a render error is and what would fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Located {
    /// The template it happened in.
    pub(crate) template: String,
    /// Byte offset in that template's source, when found.
    pub(crate) offset: Option<usize>,
    /// "did you mean `upper`?", for an unknown name with a near one.
    pub(crate) help: Option<String>,
}

/// A message pattern whose first group is a name, and the culprit that name is.
type MessagePattern = (Regex, fn(String) -> Culprit);

/// What the error `chain` (every message of the error and its causes, joined) is about.
pub(crate) fn culprit(chain: &str) -> Option<Culprit> {
    static PATTERNS: LazyLock<[MessagePattern; 5]> = LazyLock::new(|| {
        let re = |s: &str| Regex::new(s).expect("a valid pattern");
        [
            (re(r"Variable `([^`]+)` not found"), Culprit::Variable),
            (re(r"Filter (?:call )?'([^']+)'"), Culprit::Filter),
            (re(r"Test (?:call )?'([^']+)'"), Culprit::Test),
            (re(r"Function (?:call )?'([^']+)'"), Culprit::Function),
            // An include names a list: `Template '[partials/x.html]' not found`.
            (
                re(r"Template '\[?([^'\],]+)\]?' not found"),
                Culprit::Template,
            ),
        ]
    });
    PATTERNS
        .iter()
        .filter_map(|(re, make)| {
            let m = re.captures(chain)?;
            Some((m.get(0)?.start(), make(m[1].to_string())))
        })
        .min_by_key(|(at, _)| *at)
        .map(|(_, c)| c)
}

/// Finds where the error `chain` of rendering template `top` happened. `sources` holds every
/// template; the template tera names (`while rendering 'partials/x.html'`), the file that
/// defines the macro it names, or else `top` and then each template `top` reaches (includes,
/// parents, imported macro files) is searched for the culprit.
pub(crate) fn locate(top: &str, chain: &str, sources: &BTreeMap<String, String>) -> Located {
    let culprit = culprit(chain);
    let named = quoted_after(chain, "while rendering '")
        .or_else(|| {
            let full = quoted_after(chain, "error while rendering macro `")?;
            let name = full.rsplit("::").next()?;
            reachable(top, sources)
                .into_iter()
                .find(|t| defines_macro(&sources[t.as_str()], name))
        })
        .or_else(|| quoted_after(chain, "(error happened in '"))
        .filter(|t| sources.contains_key(t));
    let mut candidates: Vec<String> = named.into_iter().collect();
    candidates.extend(reachable(top, sources));
    let found = culprit.as_ref().and_then(|c| {
        candidates
            .iter()
            .find_map(|t| Some((t.clone(), find(c, sources.get(t)?)?)))
    });
    let (template, offset) = match found {
        Some((t, at)) => (t, Some(at)),
        None => (
            candidates.into_iter().next().unwrap_or_else(|| top.into()),
            None,
        ),
    };
    let unknown = chain.contains("not found");
    let help = culprit.filter(|_| unknown).and_then(|c| {
        elsewhere(top, &c)
            .or_else(|| suggestion(&c, sources).map(|s| format!("did you mean `{s}`?")))
    });
    Located {
        template,
        offset,
        help,
    }
}

/// The text between `start` and the next quote that closes it (`'` or a backtick).
fn quoted_after(chain: &str, start: &str) -> Option<String> {
    let from = chain.find(start)? + start.len();
    let close = start.chars().next_back()?;
    let len = chain[from..].find(close)?;
    Some(chain[from..from + len].to_string())
}

fn defines_macro(source: &str, name: &str) -> bool {
    let re = format!(r"\{{%-?\s*macro\s+{}\s*\(", regex::escape(name));
    Regex::new(&re).is_ok_and(|re| re.is_match(source))
}

/// `top`, then the templates it includes, extends or imports, and theirs, in that order.
fn reachable(top: &str, sources: &BTreeMap<String, String>) -> Vec<String> {
    static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"\{%-?\s*(?:include|extends|import)\s+(?:\[[^\]]*\]|"[^"]*"|'[^']*')"#)
            .expect("a valid pattern")
    });
    static NAME: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r#""([^"]*)"|'([^']*)'"#).expect("a valid pattern"));
    let mut out = vec![top.to_string()];
    let mut i = 0;
    while i < out.len() {
        if let Some(source) = sources.get(&out[i]) {
            for tag in REFERENCE.find_iter(source) {
                for name in NAME.captures_iter(tag.as_str()) {
                    let name = name
                        .get(1)
                        .or_else(|| name.get(2))
                        .map_or("", |m| m.as_str());
                    if sources.contains_key(name) && !out.iter().any(|o| o == name) {
                        out.push(name.to_string());
                    }
                }
            }
        }
        i += 1;
    }
    out
}

/// The byte offset of the culprit's name in `source`, inside a tag.
fn find(culprit: &Culprit, source: &str) -> Option<usize> {
    let pattern = match culprit {
        Culprit::Variable(path) => format!(r"(?:^|[^\w.])({})(?:[^\w]|$)", regex::escape(path)),
        Culprit::Filter(name) => format!(r"\|\s*({})\b", regex::escape(name)),
        Culprit::Test(name) => format!(r"\bis\s+(?:not\s+)?({})\b", regex::escape(name)),
        Culprit::Function(name) => format!(r"(?:^|[^\w.])({})\s*\(", regex::escape(name)),
        Culprit::Template(name) => format!(r#"["']({})["']"#, regex::escape(name)),
    };
    let re = Regex::new(&pattern).ok()?;
    re.captures_iter(source)
        .filter_map(|c| c.get(1))
        .map(|m| m.start())
        .find(|&at| inside_tag(source, at))
}

/// Whether `at` lies between `{{`/`{%` and the `}}`/`%}` that closes it.
fn inside_tag(source: &str, at: usize) -> bool {
    let before = &source[..at];
    let open = before.rfind("{{").max(before.rfind("{%"));
    let close = before.rfind("}}").max(before.rfind("%}"));
    match (open, close) {
        (Some(o), Some(c)) => o > c,
        (Some(_), None) => true,
        _ => false,
    }
}

/// For a variable that only templates of another view have (`briefing` in a whole-site
/// template), which templates have it and what this one has instead.
fn elsewhere(top: &str, culprit: &Culprit) -> Option<String> {
    let Culprit::Variable(path) = culprit else {
        return None;
    };
    let first = path.split(['.', '[']).next()?;
    let (target, templates, instead) = match first {
        "article" => (
            Target::Article,
            "article templates (`article.html`, one file per article)",
            Some("`articles`, the list of every article"),
        ),
        "briefing" => (
            Target::Briefing,
            "briefing templates (`briefing.html`, one file per briefing)",
            Some("`briefings`, the list of every briefing"),
        ),
        "series" => (
            Target::Series,
            "series templates (`series.html`, one file per page of each series of a briefing)",
            None,
        ),
        "pager" => (
            Target::Series,
            "paged templates (`briefing.html`, `series.html` and `period.html`)",
            None,
        ),
        "period" | "previous" | "next" => (
            Target::Period,
            "period templates (`period.html`, one file per page of each chronology period)",
            None,
        ),
        "entries" | "sitemaps" => (
            Target::Sitemap,
            "sitemap templates (`sitemap.xml`, one file, or an index and its parts)",
            None,
        ),
        "articles"
        | "briefings"
        | "chronology"
        | "chronology_paged"
        | "chronology_timeline"
        | "chronology_histogram" => (
            Target::Site,
            "whole-site templates (`index.html`, `chronology.html` and every other top-level template that names no view)",
            None,
        ),
        _ => return None,
    };
    let here = target_of(top);
    let has_it = match target {
        Target::Site => matches!(here, Target::Site | Target::Index | Target::Chronology),
        Target::Series if first == "pager" => {
            matches!(here, Target::Series | Target::Period | Target::Briefing)
        }
        // A series page names its briefing too.
        Target::Briefing => matches!(here, Target::Briefing | Target::Series),
        t => t == here,
    };
    if has_it {
        return None;
    }
    let mut help = format!("`{first}` exists only in {templates}");
    if let Some(instead) = instead
        && matches!(here, Target::Site | Target::Index | Target::Chronology)
    {
        help.push_str(&format!("; `{top}` has {instead}"));
    }
    Some(help)
}

/// A template that loads one that does not exist, as tera reports it when templates are
/// loaded (`Template `a.html` loads macros from `m.html` which isn't present in Tera`,
/// `Template 'a.html' is inheriting from 'base.html', which doesn't exist or isn't loaded.`):
/// that template, where it names the missing one, and a near name if there is one.
pub(crate) fn locate_missing(chain: &str, sources: &BTreeMap<String, String>) -> Option<Located> {
    static MISSING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"Template [`']([^`']+)[`'] (?:loads macros from|is inheriting from) [`']([^`']+)[`']",
        )
        .expect("a valid pattern")
    });
    let c = MISSING.captures(chain)?;
    let (template, missing) = (c[1].to_string(), Culprit::Template(c[2].to_string()));
    let offset = sources.get(&template).and_then(|s| find(&missing, s));
    let help = suggestion(&missing, sources).map(|s| format!("did you mean `{s}`?"));
    Some(Located {
        template,
        offset,
        help,
    })
}

/// Filters, tests and functions every template has: tera's built-ins and ours.
#[rustfmt::skip]
const FILTERS: &[&str] = &[
    "upper", "lower", "trim", "trim_start", "trim_end", "trim_start_matches", "trim_end_matches",
    "truncate", "wordcount", "replace", "capitalize", "title", "linebreaksbr", "indent",
    "striptags", "spaceless", "urlencode", "urlencode_strict", "escape", "escape_xml", "slugify",
    "addslashes", "split", "int", "float", "first", "last", "nth", "join", "sort", "unique",
    "slice", "group_by", "filter", "map", "concat", "abs", "pluralize", "round",
    "filesizeformat", "length", "reverse", "date", "json_encode", "as_str", "get", "safe",
    "default", "csv", "number", "ics_text", "ics_lines", "script_json", "datetime",
];
#[rustfmt::skip]
const TESTS: &[&str] = &[
    "defined", "undefined", "odd", "even", "string", "number", "divisibleby", "iterable",
    "object", "starting_with", "ending_with", "containing", "matching",
];
const FUNCTIONS: &[&str] = &["range", "now", "throw", "get_env"];

/// Names other template languages use for these (Liquid, Jinja, Handlebars, Hugo).
#[rustfmt::skip]
const ALIASES: &[(&str, &str)] = &[
    ("upcase", "upper"), ("uppercase", "upper"), ("downcase", "lower"),
    ("lowercase", "lower"), ("strip", "trim"), ("lstrip", "trim_start"),
    ("rstrip", "trim_end"), ("size", "length"), ("count", "length"), ("len", "length"),
    ("slug", "slugify"), ("urlize", "slugify"), ("url_encode", "urlencode"),
    ("urlquote", "urlencode"), ("json", "json_encode"), ("tojson", "json_encode"),
    ("jsonify", "json_encode"), ("strip_html", "striptags"), ("newline_to_br", "linebreaksbr"),
    ("date_format", "date"), ("strftime", "date"), ("dateformat", "date"),
    ("capfirst", "capitalize"), ("titlecase", "title"), ("number_format", "number"),
    ("intcomma", "number"), ("divisible_by", "divisibleby"), ("none", "undefined"),
    ("sameas", "matching"), ("startswith", "starting_with"), ("endswith", "ending_with"),
];

/// A name near the culprit's: a known alias, else the nearest known name within a small edit
/// distance. For a variable, the known names are the variable paths the templates use.
fn suggestion(culprit: &Culprit, sources: &BTreeMap<String, String>) -> Option<String> {
    let (name, known): (&str, Vec<String>) = match culprit {
        Culprit::Filter(n) => (n, FILTERS.iter().map(|s| s.to_string()).collect()),
        Culprit::Test(n) => (n, TESTS.iter().map(|s| s.to_string()).collect()),
        Culprit::Function(n) => (n, FUNCTIONS.iter().map(|s| s.to_string()).collect()),
        Culprit::Variable(n) => (n, variable_paths(sources)),
        Culprit::Template(n) => (n, sources.keys().cloned().collect()),
    };
    if !matches!(culprit, Culprit::Variable(_))
        && let Some((_, to)) = ALIASES.iter().find(|(from, _)| *from == name)
        && known.iter().any(|k| k == to)
    {
        return Some((*to).to_string());
    }
    let most = if name.chars().count() <= 4 { 1 } else { 2 };
    known
        .into_iter()
        .filter(|k| k != name)
        .map(|k| (edit_distance(name, &k), k))
        .filter(|(d, _)| *d <= most)
        .min()
        .map(|(_, k)| k)
}

/// Every dotted variable path written inside a tag of any template (`group.unit`, `site.title`).
fn variable_paths(sources: &BTreeMap<String, String>) -> Vec<String> {
    static PATH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+").expect("a valid pattern")
    });
    let mut paths = std::collections::BTreeSet::new();
    for source in sources.values() {
        for m in PATH.find_iter(source) {
            let before = source[..m.start()].chars().next_back();
            if before != Some('.') && inside_tag(source, m.start()) {
                paths.insert(m.as_str().to_string());
            }
        }
    }
    paths.into_iter().collect()
}

/// Levenshtein distance, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(list: &[(&str, &str)]) -> BTreeMap<String, String> {
        list.iter()
            .map(|(n, s)| (n.to_string(), s.to_string()))
            .collect()
    }

    #[test]
    fn culprits_from_tera_messages() {
        assert_eq!(
            culprit("Variable `group.unitt` not found in context while rendering 'p.html'"),
            Some(Culprit::Variable("group.unitt".into()))
        );
        assert_eq!(
            culprit("Filter 'upcase' not found"),
            Some(Culprit::Filter("upcase".into()))
        );
        assert_eq!(
            culprit("Filter call 'round' failed: Filter `round` was called on an incorrect value"),
            Some(Culprit::Filter("round".into()))
        );
        assert_eq!(
            culprit("Test 'od' not found"),
            Some(Culprit::Test("od".into()))
        );
    }

    #[test]
    fn an_unknown_filter_in_an_included_partial_is_found_there() {
        let s = sources(&[
            (
                "page.html",
                "{{ a | upper }}\n{% include \"partials/p.html\" %}",
            ),
            ("partials/p.html", "x\n  {{ b | upcase }}"),
            ("partials/other.html", "{{ b | upcase }}"),
        ]);
        let l = locate("page.html", "Filter 'upcase' not found", &s);
        assert_eq!(l.template, "partials/p.html");
        assert_eq!(l.offset, Some(s["partials/p.html"].find("upcase").unwrap()));
        assert_eq!(l.help.as_deref(), Some("did you mean `upper`?"));
    }

    #[test]
    fn a_macro_error_is_found_in_the_macro_file() {
        let s = sources(&[
            (
                "page.html",
                "{% import \"macros.html\" as m %}{{ m::row(x=1) }}",
            ),
            (
                "macros.html",
                "{% macro row(x) %}\n{{ x is od }}\n{% endmacro %}",
            ),
        ]);
        let chain = "Failed to render 'page.html': error while rendering macro `m::row`: Test 'od' not found";
        let l = locate("page.html", chain, &s);
        assert_eq!(l.template, "macros.html");
        assert_eq!(l.offset, Some(s["macros.html"].find("od }}").unwrap()));
        assert_eq!(l.help.as_deref(), Some("did you mean `odd`?"));
    }

    #[test]
    fn unknown_variables_get_a_near_path_the_templates_use() {
        let s = sources(&[
            ("page.html", "{% include \"partials/t.html\" %}"),
            ("partials/t.html", "{{ group.unit }} {{ group.unitt }}"),
        ]);
        let chain = "Variable `group.unitt` not found in context while rendering 'partials/t.html'";
        let l = locate("page.html", chain, &s);
        assert_eq!(l.template, "partials/t.html");
        assert_eq!(
            l.offset,
            Some(s["partials/t.html"].find("group.unitt").unwrap())
        );
        assert_eq!(l.help.as_deref(), Some("did you mean `group.unit`?"));
        // Nothing near: no guess.
        let l = locate("page.html", "Variable `zzz.qqq` not found", &s);
        assert_eq!(l.help, None);
    }

    #[test]
    fn a_view_variable_in_another_view_says_where_it_exists() {
        let s = sources(&[("notes.txt", "{{ briefing.title }}")]);
        let l = locate(
            "notes.txt",
            "Variable `briefing.title` not found in context while rendering 'notes.txt'",
            &s,
        );
        assert_eq!(
            l.help.as_deref(),
            Some(
                "`briefing` exists only in briefing templates (`briefing.html`, one file per briefing); `notes.txt` has `briefings`, the list of every briefing"
            )
        );
        assert_eq!(l.offset, Some(3));
        // In a briefing template, `briefing` exists: an unknown field of it gets a guess.
        let s = sources(&[("briefing.html", "{{ briefing.title }} {{ briefing.titel }}")]);
        let l = locate("briefing.html", "Variable `briefing.titel` not found", &s);
        assert_eq!(l.help.as_deref(), Some("did you mean `briefing.title`?"));
    }

    #[test]
    fn a_missing_template_is_placed_where_it_is_named() {
        let s = sources(&[
            ("page.html", "x\n{% include \"partials/tabel.html\" %}"),
            ("partials/table.html", ""),
        ]);
        let l = locate(
            "page.html",
            "Template '[partials/tabel.html]' not found",
            &s,
        );
        assert_eq!(l.template, "page.html");
        assert_eq!(l.offset, Some(s["page.html"].find("partials/").unwrap()));
        assert_eq!(
            l.help.as_deref(),
            Some("did you mean `partials/table.html`?")
        );
        let s = sources(&[
            ("page.html", "{% import \"macro.html\" as m %}"),
            ("macros.html", ""),
        ]);
        let l = locate_missing(
            "Template `page.html` loads macros from `macro.html` which isn't present in Tera",
            &s,
        )
        .unwrap();
        assert_eq!(l.template, "page.html");
        assert_eq!(l.offset, Some(11));
        assert_eq!(l.help.as_deref(), Some("did you mean `macros.html`?"));
    }

    #[test]
    fn distances() {
        assert_eq!(edit_distance("unitt", "unit"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }
}
