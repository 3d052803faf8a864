//! The default article page written straight from its view, without the template engine: the
//! page a large site has most of, streamed to its file as it is made.
//!
//! The writer produces exactly the bytes that `article.html` renders with the default layout.
//! The template stays the reference: a project that overrides `article.html` or
//! `layouts/base.html` gets its article pages rendered by tera. `tests/exports.rs` builds
//! projects both ways and compares every file of the site byte for byte.

use std::fmt::Write as _;
use std::io;

use super::filters::{script_safe, truthy};
use super::views::{Anchor, ArticlePage, SiteView, Text};

/// The templates the article template reaches, which must all be defaults for its writer.
pub(super) const REACHES: [&str; 2] = ["article.html", "layouts/base.html"];

/// A page being written: a buffer handed to its file whenever it passes [`SPILL`] bytes, so that
/// a page of megabytes (a long story) is never held whole; or, without a file, the whole page.
pub(super) struct Page<'w> {
    buf: String,
    sink: Option<&'w mut dyn io::Write>,
    error: Option<io::Error>,
}

/// How much of a page is held before it goes to its file.
const SPILL: usize = 256 * 1024;

impl<'w> Page<'w> {
    /// A page written to `sink` as it grows.
    fn to(sink: &'w mut dyn io::Write) -> Self {
        Page {
            buf: String::with_capacity(SPILL + 4096),
            sink: Some(sink),
            error: None,
        }
    }

    fn push_str(&mut self, text: &str) {
        self.buf.push_str(text);
    }

    fn push(&mut self, c: char) {
        self.buf.push(c);
    }

    /// Appends `text`, which may be megabytes (a story's HTML): when the page goes to a file,
    /// straight to it after what the buffer holds, rather than copied into the buffer first.
    fn push_large(&mut self, text: &str) {
        let Some(sink) = self.sink.as_mut() else {
            self.buf.push_str(text);
            return;
        };
        if !self.buf.is_empty() {
            if self.error.is_none()
                && let Err(e) = sink.write_all(self.buf.as_bytes())
            {
                self.error = Some(e);
            }
            self.buf.clear();
        }
        if self.error.is_none()
            && let Err(e) = sink.write_all(text.as_bytes())
        {
            self.error = Some(e);
        }
    }

    /// Hands the buffer to the file once it is large.
    fn spill(&mut self) {
        if self.buf.len() >= SPILL {
            self.flush();
        }
    }

    fn flush(&mut self) {
        let Some(sink) = self.sink.as_mut() else {
            return;
        };
        // After a failed write the rest is dropped: the page is lost anyway, and `finish` reports
        // the error.
        if self.error.is_none()
            && let Err(e) = sink.write_all(self.buf.as_bytes())
        {
            self.error = Some(e);
        }
        self.buf.clear();
    }

    /// The rest of the page to its file; the first write error, if any.
    fn finish(mut self) -> io::Result<()> {
        self.flush();
        self.error.map_or(Ok(()), Err)
    }
}

impl std::fmt::Write for Page<'_> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.push_str(s);
        Ok(())
    }
}

/// Where escaped text goes: a page, or a string.
trait Push {
    fn push_str(&mut self, text: &str);
}

impl Push for String {
    fn push_str(&mut self, text: &str) {
        String::push_str(self, text);
    }
}

impl Push for Page<'_> {
    fn push_str(&mut self, text: &str) {
        Page::push_str(self, text);
    }
}

/// Pushes `text` HTML-escaped, as the engine escapes every value it prints in an HTML template
/// (with the project's escape function).
fn esc(out: &mut impl Push, text: &str) {
    crate::content::escape_with(text, |piece| out.push_str(piece));
}

/// Pushes a value with `| default(value="—")`: the dash for none.
fn esc_or_dash<S: AsRef<str>>(out: &mut Page<'_>, text: &Option<S>) {
    match text {
        Some(t) => esc(out, t.as_ref()),
        None => out.push('—'),
    }
}

/// Pushes a string as `| script_json | safe` prints it.
fn script_json(out: &mut Page<'_>, text: &str) {
    out.push_str(&script_safe(
        serde_json::to_string(text).unwrap_or_else(|_| "null".into()),
    ));
}

/// `layouts/base.html` around a page's blocks: `title` (already escaped), `head` and `main`.
fn layout(
    out: &mut Page<'_>,
    site: &SiteView,
    root: &str,
    title: &str,
    head: impl FnOnce(&mut Page<'_>),
    main: impl FnOnce(&mut Page<'_>),
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

/// `article.html`, written to `sink` as it is made: a story of megabytes was copied into a page
/// buffer that reserved three times its HTML.
pub(super) fn article_page(
    site: &SiteView,
    root: &str,
    page: &ArticlePage<'_>,
    sink: &mut dyn io::Write,
) -> io::Result<()> {
    let a = &page.article.data;
    let mut out = Page::to(sink);
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
                json_ld_claim(
                    out,
                    &f.text,
                    &f.sentence,
                    (&f.said_by, f.said_by_kind),
                    f.as_of_iso(),
                );
                out.spill();
            }
            for e in &a.events {
                json_ld_claim(
                    out,
                    &e.date_text,
                    &e.text,
                    (&e.said_by, e.said_by_kind),
                    e.date_iso(),
                );
                out.spill();
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
            out.push_large(&page.body_html);
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
                    out.spill();
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
                    out.spill();
                }
                out.push_str("\n</tbody>\n</table>\n</div>\n");
            }
            out.push_str("\n</section>\n");
        },
    );
    out.finish()
}

/// One schema.org `Claim` of an article page's JSON-LD, after a comma.
fn json_ld_claim(
    out: &mut Page<'_>,
    name: &str,
    text: &str,
    (said_by, kind): (
        &Option<Text>,
        Option<crate::extract::speaker_kind::SpeakerKind>,
    ),
    coverage: Option<String>,
) {
    out.push_str(",\n{\"@type\": \"Claim\", \"name\": ");
    script_json(out, name);
    out.push_str(", \"text\": ");
    script_json(out, text);
    out.push_str(", \"appearance\": {\"@id\": \"#article\"}");
    if let Some(name) = truthy(said_by) {
        // A group ("analysts") has no schema.org type: its name only.
        out.push_str(", \"author\": {");
        if let Some(schema_type) = super::views::said_by_type(said_by, kind) {
            out.push_str("\"@type\": ");
            script_json(out, schema_type);
            out.push_str(", ");
        }
        out.push_str("\"name\": ");
        script_json(out, name);
        out.push('}');
    }
    if let Some(coverage) = coverage {
        out.push_str(", \"temporalCoverage\": ");
        script_json(out, &coverage);
    }
    out.push('}');
}

/// A claim's text, linked to its mark in the story when it has one.
fn anchored(out: &mut Page<'_>, anchor: Option<Anchor>, text: &str) {
    match anchor {
        Some(anchor) => {
            let _ = write!(out, "<a href=\"#{anchor}\">");
            esc(out, text);
            out.push_str("</a>");
        }
        None => esc(out, text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_reaches_its_file_whole_across_spills() {
        let mut file: Vec<u8> = Vec::new();
        let mut page = Page::to(&mut file);
        let line = "0123456789abcdef\n".repeat(1000);
        for _ in 0..40 {
            page.push_str(&line);
            page.spill();
        }
        page.finish().unwrap();
        assert_eq!(file.len(), line.len() * 40);
        assert!(file.chunks(line.len()).all(|c| c == line.as_bytes()));
    }

    #[test]
    fn a_page_reports_the_first_failed_write() {
        struct Full;
        impl io::Write for Full {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::other("disk full"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut sink = Full;
        let mut page = Page::to(&mut sink);
        for _ in 0..3 {
            page.push_str(&"x".repeat(SPILL));
            page.spill();
            assert!(page.buf.is_empty(), "nothing is held after a failed write");
        }
        assert_eq!(page.finish().unwrap_err().to_string(), "disk full");
    }
}
