//! The default article page written straight from its view, without the template engine: the
//! page a large site has most of.
//!
//! The writer produces exactly the bytes that `article.html` renders with the default layout.
//! The template stays the reference: a project that overrides `article.html` or
//! `layouts/base.html` gets its article pages rendered by tera. `tests/exports.rs` builds
//! projects both ways and compares every file of the site byte for byte.

use std::fmt::Write as _;

use super::filters::{script_safe, truthy};
use super::views::{Anchor, ArticlePage, SiteView, Text};

/// The templates the article template reaches, which must all be defaults for its writer.
pub(super) const REACHES: [&str; 2] = ["article.html", "layouts/base.html"];

/// Pushes `text` HTML-escaped, as the engine escapes every value it prints in an HTML template
/// (with the project's escape function).
fn esc(out: &mut String, text: &str) {
    crate::content::escape_with(text, |piece| out.push_str(piece));
}

/// Pushes a value with `| default(value="—")`: the dash for none.
fn esc_or_dash<S: AsRef<str>>(out: &mut String, text: &Option<S>) {
    match text {
        Some(t) => esc(out, t.as_ref()),
        None => out.push('—'),
    }
}

/// Pushes a string as `| script_json | safe` prints it.
fn script_json(out: &mut String, text: &str) {
    out.push_str(&script_safe(
        serde_json::to_string(text).unwrap_or_else(|_| "null".into()),
    ));
}

/// `layouts/base.html` around a page's blocks: `title` (already escaped), `head` and `main`.
fn layout(
    out: &mut String,
    site: &SiteView,
    root: &str,
    title: &str,
    head: impl FnOnce(&mut String),
    main: impl FnOnce(&mut String),
) {
    out.push_str("<!DOCTYPE html>\n<html lang=\"");
    esc(out, &site.language);
    out.push_str("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
    out.push_str(title);
    out.push_str("</title>\n<meta name=\"generator\" content=\"");
    esc(out, &site.generator);
    out.push_str("\">\n<link rel=\"stylesheet\" href=\"");
    esc(out, root);
    out.push_str("style.css\">\n<link rel=\"alternate\" type=\"application/atom+xml\" title=\"");
    esc(out, &site.title);
    out.push_str(": briefings\" href=\"");
    esc(out, root);
    out.push_str("feed.xml\">\n");
    head(out);
    out.push_str("\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">Skip to content</a>\n<header class=\"site-header\">\n<p class=\"site-title\"><a href=\"");
    esc(out, root);
    out.push_str("index.html\">");
    esc(out, &site.title);
    out.push_str("</a></p>\n<nav aria-label=\"Site\">\n<ul>\n");
    for (file, label) in [
        ("index.html", "Briefings"),
        ("chronology.html", "Chronology"),
        ("search.html", "Search"),
        ("figures/index.json", "Figures (CSV by month)"),
        ("claims/index.json", "Claims (JSON by month)"),
        ("feed.xml", "Feed (Atom)"),
    ] {
        out.push_str("<li><a href=\"");
        esc(out, root);
        out.push_str(file);
        out.push_str("\">");
        out.push_str(label);
        out.push_str("</a></li>\n");
    }
    out.push_str("</ul>\n</nav>\n</header>\n<main id=\"main\">\n");
    main(out);
    out.push_str("\n</main>\n<footer class=\"site-footer\">\n<p>");
    // The site and its address, so that a printed page says where it comes from.
    match truthy(&site.absolute_root) {
        Some(url) => {
            out.push_str("<a href=\"");
            esc(out, url);
            out.push_str("\">");
            esc(out, &site.title);
            out.push_str("</a>");
        }
        None => esc(out, &site.title),
    }
    out.push_str(". Built ");
    esc(out, &site.built);
    out.push_str(" with ");
    esc(out, &site.generator);
    out.push_str(
        ". Every figure and date links to the sentence it comes from.</p>\n</footer>\n</body>\n</html>\n",
    );
}

/// A page title block: `<first> — <site title>`, escaped.
fn title(parts: &[&str], site: &SiteView) -> String {
    let mut t = String::new();
    for part in parts {
        esc(&mut t, part);
        t.push_str(" — ");
    }
    esc(&mut t, &site.title);
    t
}

/// `article.html`.
pub(super) fn article_page(site: &SiteView, root: &str, page: &ArticlePage<'_>) -> String {
    let a = &page.article.data;
    let mut out = String::with_capacity(page.body_html.len() * 3 + 4096);
    let title = title(&[&a.title], site);
    layout(
        &mut out,
        site,
        root,
        &title,
        |out| {
            out.push_str("<script type=\"application/ld+json\">\n{\"@context\": \"https://schema.org\", \"@graph\": [\n{\"@type\": \"NewsArticle\", \"@id\": \"#article\", \"headline\": ");
            script_json(out, &a.title);
            out.push_str(", \"datePublished\": ");
            script_json(out, &a.published);
            out.push_str(", \"publisher\": {\"@type\": \"Organization\", \"name\": ");
            script_json(out, &a.source);
            out.push('}');
            if let Some(url) = truthy(&a.url) {
                out.push_str(", \"url\": ");
                script_json(out, url);
            }
            if let Some(author) = truthy(&a.author) {
                out.push_str(", \"author\": {\"@type\": \"Person\", \"name\": ");
                script_json(out, author);
                out.push('}');
            }
            if let Some(dateline) = truthy(&a.dateline) {
                out.push_str(", \"dateline\": ");
                script_json(out, dateline);
            }
            out.push('}');
            for f in &a.figures {
                json_ld_claim(out, &f.text, &f.sentence, &f.said_by, f.as_of_iso());
            }
            for e in &a.events {
                json_ld_claim(out, &e.date_text, &e.text, &e.said_by, e.date_iso());
            }
            out.push_str("\n]}\n</script>\n");
        },
        |out| {
            out.push_str("\n<article>\n<h1>");
            esc(out, &a.title);
            out.push_str("</h1>\n<p class=\"meta\">");
            esc(out, &a.source);
            if let Some(dateline) = truthy(&a.dateline) {
                out.push_str(", ");
                esc(out, dateline);
            }
            out.push_str(" · <time datetime=\"");
            esc(out, &a.published);
            out.push_str("\">");
            esc(out, &a.published_display);
            out.push_str("</time>");
            if let Some(author) = truthy(&a.author) {
                out.push_str(" · ");
                esc(out, author);
            }
            if let Some(reliability) = truthy(&a.reliability) {
                out.push_str(" · reliability ");
                esc(out, reliability);
            }
            if let Some(url) = truthy(&a.url) {
                out.push_str(" · <a href=\"");
                esc(out, url);
                out.push_str("\">original</a>");
            }
            out.push_str("</p>\n");
            if !a.tags.is_empty() {
                out.push_str("<ul class=\"tags\" aria-label=\"Tags\">");
                for t in &a.tags {
                    out.push_str("<li>");
                    esc(out, t);
                    out.push_str("</li>");
                }
                out.push_str("</ul>");
            }
            out.push_str("\n<p class=\"legend\">Marked in the text: <mark class=\"figure\">figures</mark> and <mark class=\"date\">dates</mark>.</p>\n<div class=\"story\">\n");
            out.push_str(&page.body_html);
            out.push_str("\n</div>\n</article>\n<section aria-labelledby=\"claims-figures\">\n<h2 id=\"claims-figures\">Figures</h2>\n");
            if a.figures.is_empty() {
                out.push_str("<p>No figures.</p>");
            } else {
                out.push_str("\n<div class=\"table-wrap\">\n<table class=\"claims\">\n<thead><tr><th scope=\"col\">Figure</th><th scope=\"col\">Value</th><th scope=\"col\">Measure</th><th scope=\"col\">Kind</th><th scope=\"col\">As of</th><th scope=\"col\">Said by</th></tr></thead>\n<tbody>\n");
                for f in &a.figures {
                    out.push_str("\n<tr><td data-label=\"Figure\">");
                    anchored(out, f.anchor, &f.text);
                    out.push_str("</td><td data-label=\"Value\">");
                    if let Some(q) = f.qualifier_label() {
                        esc(out, q);
                        out.push(' ');
                    }
                    esc(out, &f.value_display());
                    // A sum of money carries its currency in its value.
                    if let Some(unit) = truthy(&f.unit).filter(|_| !f.in_currency()) {
                        out.push(' ');
                        esc(out, unit);
                    }
                    out.push_str("</td><td data-label=\"Measure\">");
                    esc_or_dash(out, &f.measure);
                    out.push_str("</td><td data-label=\"Kind\">");
                    esc(out, f.kind.label());
                    // A forecast says so beside its kind: its measure is the outcome's.
                    if let Some(status) = f.status_label() {
                        out.push_str(", ");
                        esc(out, status);
                    }
                    out.push_str("</td><td data-label=\"As of\">");
                    esc_or_dash(out, &f.as_of_display());
                    out.push_str("</td><td data-label=\"Said by\">");
                    esc_or_dash(out, &f.said_by);
                    out.push_str("</td></tr>\n");
                }
                out.push_str("\n</tbody>\n</table>\n</div>\n");
            }
            out.push_str("\n</section>\n<section aria-labelledby=\"claims-dates\">\n<h2 id=\"claims-dates\">Dates</h2>\n");
            if a.dates.is_empty() {
                out.push_str("<p>No dates.</p>");
            } else {
                out.push_str("\n<div class=\"table-wrap\">\n<table class=\"claims\">\n<thead><tr><th scope=\"col\">Expression</th><th scope=\"col\">Type</th><th scope=\"col\">Value</th></tr></thead>\n<tbody>\n");
                for d in &a.dates {
                    out.push_str("\n<tr><td data-label=\"Expression\">");
                    anchored(out, d.anchor, &d.text);
                    out.push_str("</td><td data-label=\"Type\">");
                    out.push_str(super::words::type_words(d.kind));
                    out.push_str("</td><td data-label=\"Value\">");
                    // The value in words; the code when it has a form the words do not read.
                    if let Some(words) = truthy(&d.words()) {
                        esc(out, words);
                    } else {
                        out.push_str("<code>");
                        esc(out, &d.value);
                        out.push_str("</code>");
                        if let Some(m) = truthy(&d.modifier) {
                            out.push_str(" <span class=\"kind\">");
                            esc(out, m);
                            out.push_str("</span>");
                        }
                    }
                    out.push_str("</td></tr>\n");
                }
                out.push_str("\n</tbody>\n</table>\n</div>\n");
            }
            out.push_str("\n</section>\n");
        },
    );
    out
}

/// One schema.org `Claim` of an article page's JSON-LD, after a comma.
fn json_ld_claim(
    out: &mut String,
    name: &str,
    text: &str,
    said_by: &Option<Text>,
    coverage: Option<String>,
) {
    out.push_str(",\n{\"@type\": \"Claim\", \"name\": ");
    script_json(out, name);
    out.push_str(", \"text\": ");
    script_json(out, text);
    out.push_str(
        ", \"appearance\": {\"@id\": \"#article\"}, \"firstAppearance\": {\"@id\": \"#article\"}",
    );
    if let Some(said_by) = truthy(said_by) {
        out.push_str(", \"author\": {\"@type\": ");
        script_json(
            out,
            crate::extract::speaker_kind::speaker_kind(said_by).schema_type(),
        );
        out.push_str(", \"name\": ");
        script_json(out, said_by);
        out.push('}');
    }
    if let Some(coverage) = coverage {
        out.push_str(", \"temporalCoverage\": ");
        script_json(out, &coverage);
    }
    out.push('}');
}

/// A claim's text, linked to its mark in the story when it has one.
fn anchored(out: &mut String, anchor: Option<Anchor>, text: &str) {
    match anchor {
        Some(anchor) => {
            let _ = write!(out, "<a href=\"#{anchor}\">");
            esc(out, text);
            out.push_str("</a>");
        }
        None => esc(out, text),
    }
}
