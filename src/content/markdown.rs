//! Markdown in, two things out: the story as [`PlainText`] for the extractors, and sanitized HTML
//! with the claims marked. The only user of pulldown-cmark and of the HTML sanitizer.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use super::plain::PlainText;

fn options() -> Options {
    // No smart punctuation: the plain text must stay byte-equal to the file for exact spans.
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

/// The plain text of the Markdown body `file_text[body_offset..]`: paragraphs, headings, list items
/// and quotes separated by blank lines; inline markup dropped; code kept as text.
pub(crate) fn plain_text(file_text: &str, body_offset: usize) -> PlainText {
    let body = &file_text[body_offset..];
    let mut out = PlainText::new();
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        let file = body_offset + range.start..body_offset + range.end;
        match event {
            Event::Text(t) | Event::Code(t) => {
                let exact = body.get(range.clone()) == Some(&*t);
                out.push(&t, file, exact);
            }
            Event::SoftBreak => out.push(" ", file, false),
            Event::HardBreak => out.push("\n", file, false),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::TableCell,
            ) => out.push_break("\n\n"),
            _ => {}
        }
    }
    out
}

/// A span of the article file to highlight in its HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mark {
    /// Byte range in the article file.
    pub range: Range<usize>,
    /// `id` attribute, the anchor that figure tables and the chronology link to.
    pub id: String,
    /// `class` attribute (`figure`, `date`).
    pub class: &'static str,
    /// Tooltip: the normalized value.
    pub title: String,
}

/// Renders the Markdown body to sanitized HTML with `marks` (sorted, non-overlapping) applied where
/// a mark falls inside one run of text.
pub(crate) fn render_markdown(file_text: &str, body_offset: usize, marks: &[Mark]) -> String {
    let body = &file_text[body_offset..];
    let mut events = Vec::new();
    let mut next_mark = 0;
    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        let (start, end) = (body_offset + range.start, body_offset + range.end);
        match event {
            Event::Text(t) if body.get(range.clone()) == Some(&*t) => {
                while next_mark < marks.len() && marks[next_mark].range.start < start {
                    next_mark += 1;
                }
                let mut cursor = start;
                while next_mark < marks.len() && marks[next_mark].range.end <= end {
                    let m = &marks[next_mark];
                    if m.range.start >= cursor {
                        push_text(&mut events, &file_text[cursor..m.range.start]);
                        events.push(Event::InlineHtml(CowStr::from(open_mark(m))));
                        push_text(&mut events, &file_text[m.range.clone()]);
                        events.push(Event::InlineHtml(CowStr::from("</mark>")));
                        cursor = m.range.end;
                    }
                    next_mark += 1;
                }
                push_text(&mut events, &file_text[cursor..end]);
            }
            Event::Start(Tag::Heading { level, .. }) => {
                // Article text sits below the page's own <h1>: demote its headings by one.
                let level = match level {
                    pulldown_cmark::HeadingLevel::H1 => pulldown_cmark::HeadingLevel::H2,
                    l => l,
                };
                events.push(Event::Start(Tag::Heading {
                    level,
                    id: None,
                    classes: Vec::new(),
                    attrs: Vec::new(),
                }));
            }
            Event::End(TagEnd::Heading(pulldown_cmark::HeadingLevel::H1)) => {
                events.push(Event::End(TagEnd::Heading(
                    pulldown_cmark::HeadingLevel::H2,
                )));
            }
            other => events.push(other),
        }
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    sanitize(&html)
}

fn push_text<'a>(events: &mut Vec<Event<'a>>, text: &str) {
    if !text.is_empty() {
        events.push(Event::Text(CowStr::from(text.to_string())));
    }
}

/// Renders raw wire text: paragraphs at blank lines, everything escaped, `marks` applied.
pub(crate) fn render_plain(file_text: &str, body_offset: usize, marks: &[Mark]) -> String {
    let mut html = String::new();
    let mut next_mark = 0;
    let mut para_start = body_offset;
    let body = &file_text[body_offset..];
    let mut paragraphs: Vec<Range<usize>> = Vec::new();
    let mut offset = body_offset;
    for line in body.split_inclusive('\n') {
        if line.trim().is_empty() {
            paragraphs.push(para_start..offset);
            para_start = offset + line.len();
        }
        offset += line.len();
    }
    paragraphs.push(para_start..file_text.len());
    for para in paragraphs {
        let text = file_text[para.clone()].trim_end();
        if text.trim().is_empty() {
            continue;
        }
        let para = para.start..para.start + text.len();
        html.push_str("<p>");
        let mut cursor = para.start;
        while next_mark < marks.len() && marks[next_mark].range.start < para.end {
            let m = &marks[next_mark];
            if m.range.start >= cursor && m.range.end <= para.end {
                html.push_str(&escape(&file_text[cursor..m.range.start]));
                html.push_str(&open_mark(m));
                html.push_str(&escape(&file_text[m.range.clone()]));
                html.push_str("</mark>");
                cursor = m.range.end;
            }
            next_mark += 1;
        }
        html.push_str(&escape(&file_text[cursor..para.end]));
        html.push_str("</p>\n");
    }
    html
}

fn open_mark(m: &Mark) -> String {
    format!(
        "<mark id=\"{}\" class=\"{}\" title=\"{}\">",
        escape(&m.id),
        m.class,
        escape(&m.title)
    )
}

/// Escapes text for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    // Copy the runs between special characters whole (they are ASCII, so byte offsets are
    // character boundaries).
    let mut run = 0;
    for (i, b) in text.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(&text[run..i]);
        out.push_str(entity);
        run = i + 1;
    }
    out.push_str(&text[run..]);
    out
}

/// Renders a briefing's own Markdown text (no marks).
pub fn render_markdown_text(text: &str) -> String {
    render_markdown(text, 0, &[])
}

/// Removes scripts, event handlers, frames, forms, inline styles and unsafe URLs, keeping our marks.
fn sanitize(html: &str) -> String {
    ammonia::Builder::default()
        .add_tags(["mark"])
        .add_tag_attributes("mark", ["id", "class", "title"])
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_replaces_the_five_specials_and_keeps_the_rest() {
        assert_eq!(escape(""), "");
        assert_eq!(escape("plain é “q”"), "plain é “q”");
        assert_eq!(
            escape("<a href=\"x\">Tom & Jerry's</a>é>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;é&gt;"
        );
    }

    #[test]
    fn plain_text_maps_into_the_file() {
        let file = "---\nx: 1\n---\n# Head\n\nOne *two* three.\nNext line.";
        let body = file.find("# Head").unwrap();
        let p = plain_text(file, body);
        assert_eq!(p.as_str(), "Head\n\nOne two three. Next line.\n\n");
        let at = p.as_str().find("two three").unwrap();
        let (s, e) = (p.to_file(at, false), p.to_file(at + 9, true));
        assert_eq!(&file[s..s + 3], "two");
        assert!(file[s..e].ends_with("three"));
    }

    #[test]
    fn marks_and_sanitizes() {
        let file = "Rain fell on Monday.<script>alert(1)</script>\n\n<a href=\"javascript:x\" onclick=\"y\">l</a>";
        let at = file.find("Monday").unwrap();
        let marks = [Mark {
            range: at..at + 6,
            id: "d1".into(),
            class: "date",
            title: "2024-03-18".into(),
        }];
        let html = render_markdown(file, 0, &marks);
        assert!(
            html.contains("<mark id=\"d1\" class=\"date\" title=\"2024-03-18\">Monday</mark>"),
            "{html}"
        );
        assert!(!html.contains("script"), "{html}");
        assert!(!html.contains("javascript"), "{html}");
        assert!(!html.contains("onclick"), "{html}");
    }

    #[test]
    fn plain_rendering_escapes() {
        let file = "A <b> & \"c\".\n\nSecond on Monday.";
        let at = file.find("Monday").unwrap();
        let marks = [Mark {
            range: at..at + 6,
            id: "d1".into(),
            class: "date",
            title: "v".into(),
        }];
        assert_eq!(
            render_plain(file, 0, &marks),
            "<p>A &lt;b&gt; &amp; &quot;c&quot;.</p>\n<p>Second on <mark id=\"d1\" class=\"date\" title=\"v\">Monday</mark>.</p>\n"
        );
    }
}
