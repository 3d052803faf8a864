//! Markdown in, two things out: the story as [`PlainText`] for the extractors, and sanitized HTML
//! with the claims marked. The only user of pulldown-cmark and of the HTML sanitizer.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

use super::mark_runs;
use super::plain::PlainText;

fn options() -> Options {
    // No smart punctuation: the plain text must stay byte-equal to the file for exact spans.
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES
}

/// The plain text of the Markdown body `file_text[body_offset..]`: paragraphs, headings, list items
/// and quotes separated by blank lines; inline markup dropped; code kept as text. Long runs of
/// lines without a letter or digit, or with letters scattered among marks, are left out
/// ([`mark_runs`]).
pub(crate) fn plain_text(file_text: &str, body_offset: usize) -> PlainText {
    let body = &file_text[body_offset..];
    let masked = mark_runs::masked(body, &mark_runs::long_runs(body));
    let body: &str = &masked;
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
/// a mark falls inside one run of text (line breaks included).
pub(crate) fn render_markdown(file_text: &str, body_offset: usize, marks: &[Mark]) -> String {
    render(file_text, body_offset, marks, true).0
}

/// [`render_markdown`]; `plain_path` allows the path without the sanitizer for Markdown that
/// cannot carry anything unsafe (see [`plain_event`]). Also tells whether that path was taken.
fn render(file_text: &str, body_offset: usize, marks: &[Mark], plain_path: bool) -> (String, bool) {
    let source = &file_text[body_offset..];
    // Long runs of marks are kept out of the parser and shown shortened, each as a paragraph of
    // its own where the parser's events reach it outside any block.
    let runs = mark_runs::long_runs(source);
    let masked = mark_runs::masked(source, &runs);
    let body: &str = &masked;
    let mut next_run = 0;
    let mut depth = 0usize;
    let mut events = Vec::new();
    let mut next_mark = 0;
    let mut plain = plain_path;
    for (event, range) in joined_text(body, Parser::new_ext(body, options()).into_offset_iter()) {
        if depth == 0 {
            while next_run < runs.len() && runs[next_run].start <= range.start {
                push_run(&mut events, &source[runs[next_run].clone()]);
                next_run += 1;
            }
        }
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        let (start, end) = (body_offset + range.start, body_offset + range.end);
        match event {
            Event::Text(t) if body.get(range.clone()) == Some(&*t) => {
                plain &= plain_text_run(&t);
                while next_mark < marks.len() && marks[next_mark].range.start < start {
                    next_mark += 1;
                }
                let mut cursor = start;
                while next_mark < marks.len() && marks[next_mark].range.end <= end {
                    let m = &marks[next_mark];
                    if m.range.start >= cursor {
                        plain &= plain_attribute(&m.title);
                        push_text(&mut events, &file_text[cursor..m.range.start]);
                        events.push(Event::InlineHtml(CowStr::from(open_mark_attr(m))));
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
            other => {
                plain &= plain_event(&other);
                events.push(other);
            }
        }
    }
    for run in &runs[next_run..] {
        push_run(&mut events, &source[run.clone()]);
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    match plain.then(|| as_sanitized(&html)).flatten() {
        Some(html) => (without_unwritable(html), true),
        None => (without_unwritable(sanitize(&html)), false),
    }
}

/// The events of `body` with each run of text that reads as it is written, and the line breaks
/// inside it (`SoftBreak`), joined into one `Text` of the source: a mark on "25\nyears" at a
/// line's end was left out (only a mark inside one text event was placed), and the page's table
/// linked to an anchor that did not exist. Only blanks may stand between the runs joined (not
/// the `>` of a quote), so the text is the source and renders as before but for the indentation
/// kept after a break, which HTML reads as the same white space.
fn joined_text<'a>(
    body: &'a str,
    events: impl Iterator<Item = (Event<'a>, Range<usize>)>,
) -> Vec<(Event<'a>, Range<usize>)> {
    let verbatim = |event: &Event<'_>, range: &Range<usize>| matches!(event, Event::Text(t) if body.get(range.clone()) == Some(&**t));
    let mut out: Vec<(Event<'a>, Range<usize>)> = Vec::new();
    // Soft breaks after the last text, not yet known to be inside a run.
    let mut pending: Vec<(Event<'a>, Range<usize>)> = Vec::new();
    // Whether the last event of `out` is a text that reads as written: kept rather than compared
    // again with the source at each event, which made a run joined from many events quadratic
    // (5 MB of `[`, a text event each, took 7 minutes).
    let mut joinable = false;
    for (event, range) in events {
        if joinable && matches!(event, Event::SoftBreak) {
            pending.push((event, range));
            continue;
        }
        let is_verbatim = verbatim(&event, &range);
        if joinable && is_verbatim {
            let last = out.len() - 1;
            let from = out[last].1.start;
            if body[out[last].1.end..range.start].trim().is_empty() {
                pending.clear();
                out[last] = (
                    Event::Text(CowStr::Borrowed(&body[from..range.end])),
                    from..range.end,
                );
                continue;
            }
        }
        out.append(&mut pending);
        out.push((event, range));
        joinable = is_verbatim;
    }
    out.append(&mut pending);
    out
}

/// Whether an event of the source renders to nothing the sanitizer would remove or change beyond
/// its serialization: block and inline structure, text, code and links without a title; not raw
/// HTML, images, tables, footnotes or code blocks (whose markup the sanitizer rewrites).
fn plain_event(event: &Event<'_>) -> bool {
    match event {
        Event::Start(
            Tag::Paragraph
            | Tag::BlockQuote(None)
            | Tag::List(_)
            | Tag::Item
            | Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough,
        )
        | Event::End(
            TagEnd::Paragraph
            | TagEnd::BlockQuote(None)
            | TagEnd::List(_)
            | TagEnd::Item
            | TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Heading(_),
        )
        | Event::SoftBreak
        | Event::HardBreak
        | Event::Rule => true,
        // Its URL is checked on the way out (`as_sanitized`).
        Event::Start(Tag::Link { title, .. }) => title.is_empty(),
        Event::End(TagEnd::Link) => true,
        Event::Text(t) | Event::Code(t) => plain_text_run(t),
        _ => false,
    }
}

/// Text without carriage returns, which the HTML parser behind the sanitizer rewrites. It drops
/// NUL, and so does [`as_sanitized`]; other control characters it keeps, as the plain path does
/// (both are then written as spaces by [`without_unwritable`]). A text of NULs took the
/// sanitizer's path and 110 times its size in memory (issue 17).
fn plain_text_run(text: &str) -> bool {
    !text.contains('\r')
}

/// An attribute value the plain path writes as the sanitizer does: no control characters but tab
/// and line feed (the sanitizer's parser rewrites NUL and carriage returns in attributes).
fn plain_attribute(value: &str) -> bool {
    !value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
}

/// HTML made of [`plain_event`]s, serialized as the sanitizer serializes what it keeps: void
/// elements without a slash, no-break spaces as `&nbsp;`, links with `rel="noopener
/// noreferrer"`. Text is escaped alike already (`&`, `<`, `>`), and so are the marks' attributes
/// ([`open_mark_attr`]). None when a link's URL is one the sanitizer would drop.
fn as_sanitized(html: &str) -> Option<String> {
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(at) = rest.find(['<', '\u{a0}', '\0']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix('\0') {
            // The sanitizer's HTML parser drops NUL from text.
            rest = after;
            continue;
        }
        if rest.starts_with('\u{a0}') {
            out.push_str("&nbsp;");
            rest = &rest['\u{a0}'.len_utf8()..];
            continue;
        }
        // A tag: to its `>`, outside quoted values.
        let mut quoted = false;
        let end = rest
            .char_indices()
            .find(|&(_, c)| {
                quoted ^= c == '"';
                c == '>' && !quoted
            })
            .map_or(rest.len(), |(i, _)| i + 1);
        let tag = &rest[..end];
        rest = &rest[end..];
        match tag {
            "<br />" => out.push_str("<br>"),
            "<hr />" => out.push_str("<hr>"),
            _ => match tag
                .strip_prefix("<a href=\"")
                .and_then(|t| t.strip_suffix("\">"))
            {
                Some(href) => {
                    let url = href.replace("&#x27;", "'").replace("&amp;", "&");
                    let kept = match url::Url::parse(&url) {
                        Ok(u) => matches!(u.scheme(), "http" | "https" | "mailto"),
                        Err(e) => e == url::ParseError::RelativeUrlWithoutBase,
                    };
                    if !kept {
                        return None;
                    }
                    out.push_str("<a href=\"");
                    out.push_str(&attr_escape(&url));
                    out.push_str("\" rel=\"noopener noreferrer\">");
                }
                None => out.push_str(&tag.replace('\u{a0}', "&nbsp;")),
            },
        }
    }
    out.push_str(rest);
    Some(out)
}

/// Escapes an attribute value as the sanitizer writes it.
fn attr_escape(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('\u{a0}', "&nbsp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A run kept out of the parser, as the page shows it: a paragraph of its start when it holds no
/// letter or digit, else a paragraph of its text, escaped (carriage returns left out, as the
/// sanitizer's parser leaves them out of `\r\n`, so that the page takes the plain path).
fn push_run(events: &mut Vec<Event<'_>>, run: &str) {
    let shown = if mark_runs::has_letters(run) {
        run.replace('\r', "")
    } else {
        mark_runs::shown(run)
    };
    events.push(Event::Start(Tag::Paragraph));
    events.push(Event::Text(CowStr::from(shown)));
    events.push(Event::End(TagEnd::Paragraph));
}

fn push_text<'a>(events: &mut Vec<Event<'a>>, text: &str) {
    if !text.is_empty() {
        events.push(Event::Text(CowStr::from(text.to_string())));
    }
}

/// Renders raw wire text: paragraphs at blank lines, everything escaped, `marks` applied.
/// Paragraphs without a letter or digit that follow one another over more than
/// [`mark_runs::LONG_RUN`] bytes are shown shortened, as one ([`mark_runs::shown`]).
pub(crate) fn render_plain(file_text: &str, body_offset: usize, marks: &[Mark]) -> String {
    let mut out = PlainPage {
        file_text,
        marks,
        html: String::new(),
        next_mark: 0,
        pending: Vec::new(),
        long: None,
    };
    let mut para_start = body_offset;
    let mut offset = body_offset;
    for line in file_text[body_offset..].split_inclusive('\n') {
        if line.trim().is_empty() {
            out.paragraph(para_start..offset);
            para_start = offset + line.len();
        }
        offset += line.len();
    }
    out.paragraph(para_start..file_text.len());
    out.flush();
    out.html
}

/// The page of wire text as its paragraphs come, one at a time.
struct PlainPage<'a> {
    file_text: &'a str,
    marks: &'a [Mark],
    html: String,
    next_mark: usize,
    /// Paragraphs without a letter or digit not yet written, up to [`mark_runs::LONG_RUN`] bytes.
    pending: Vec<Range<usize>>,
    /// The run of such paragraphs, once longer: written shortened.
    long: Option<Range<usize>>,
}

impl PlainPage<'_> {
    fn paragraph(&mut self, para: Range<usize>) {
        let text = self.file_text[para.clone()].trim_end();
        if text.trim().is_empty() {
            return;
        }
        let para = para.start..para.start + text.len();
        if text.chars().any(char::is_alphanumeric) {
            self.flush();
            self.write(para);
        } else if let Some(run) = &mut self.long {
            run.end = para.end;
        } else {
            let start = self.pending.first().map_or(para.start, |p| p.start);
            if para.end - start > mark_runs::LONG_RUN {
                self.pending.clear();
                self.long = Some(start..para.end);
            } else {
                self.pending.push(para);
            }
        }
    }

    /// Writes what waits: a long run shortened, or the paragraphs of a short one as they are.
    fn flush(&mut self) {
        if let Some(run) = self.long.take() {
            self.html.push_str("<p>");
            self.html
                .push_str(&escape(&mark_runs::shown(&self.file_text[run.clone()])));
            self.html.push_str("</p>\n");
            while self.next_mark < self.marks.len()
                && self.marks[self.next_mark].range.start < run.end
            {
                self.next_mark += 1;
            }
        }
        for para in std::mem::take(&mut self.pending) {
            self.write(para);
        }
    }

    fn write(&mut self, para: Range<usize>) {
        let (file_text, marks, html) = (self.file_text, self.marks, &mut self.html);
        html.push_str("<p>");
        let mut cursor = para.start;
        while self.next_mark < marks.len() && marks[self.next_mark].range.start < para.end {
            let m = &marks[self.next_mark];
            if m.range.start >= cursor && m.range.end <= para.end {
                html.push_str(&escape(&file_text[cursor..m.range.start]));
                html.push_str(&open_mark(m));
                html.push_str(&escape(&file_text[m.range.clone()]));
                html.push_str("</mark>");
                cursor = m.range.end;
            }
            self.next_mark += 1;
        }
        html.push_str(&escape(&file_text[cursor..para.end]));
        html.push_str("</p>\n");
    }
}

fn open_mark(m: &Mark) -> String {
    format!(
        "<mark id=\"{}\" class=\"{}\" title=\"{}\">",
        escape(&m.id),
        m.class,
        escape(&m.title)
    )
}

/// A mark's opening tag for Markdown, its attributes escaped as the sanitizer writes them (`&`,
/// `"`, `<`, `>` but not `'`; it parses the same as [`open_mark`]'s).
fn open_mark_attr(m: &Mark) -> String {
    format!(
        "<mark id=\"{}\" class=\"{}\" title=\"{}\">",
        attr_escape(&m.id),
        m.class,
        attr_escape(&m.title)
    )
}

/// Escapes text for HTML and XML content and attribute values (see [`escape_with`]).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    escape_with(text, |piece| out.push_str(piece));
    out
}

/// [`escape`], handing the escaped text to `push` piece by piece: the five specials (`&`, `<`,
/// `>`, `"`, `'`) as entities, and no character that XML forbids or HTML calls a parse error
/// (see [`unwritable_at`]). One place for every text that reaches an HTML or XML output, through
/// tera's autoescape or the story's HTML: a control character in a title would otherwise make
/// `feed.xml` ill-formed.
fn escape_with(text: &str, push: impl FnMut(&str)) {
    replace_runs(
        text,
        &ESCAPE_LOOK,
        |bytes, i| match bytes[i] {
            b'&' => Some(("&amp;", 1)),
            b'<' => Some(("&lt;", 1)),
            b'>' => Some(("&gt;", 1)),
            b'"' => Some(("&quot;", 1)),
            b'\'' => Some(("&#39;", 1)),
            _ => unwritable_at(bytes, i),
        },
        push,
    );
}

/// Hands `text` to `push` with each sequence `replace` maps (its replacement and its length in
/// bytes) replaced, and the runs between them whole. `look` marks the bytes a replaced sequence
/// may start with: every other byte is copied without a closer look. Every replaced sequence
/// starts on a lead byte, so the runs end on character boundaries.
#[inline]
pub(crate) fn replace_runs(
    text: &str,
    look: &[bool; 256],
    replace: impl Fn(&[u8], usize) -> Option<(&'static str, usize)>,
    mut push: impl FnMut(&str),
) {
    let bytes = text.as_bytes();
    let (mut run, mut i) = (0, 0);
    while let Some(at) = bytes[i..].iter().position(|&b| look[usize::from(b)]) {
        i += at;
        match replace(bytes, i) {
            Some((replacement, len)) => {
                push(&text[run..i]);
                push(replacement);
                i += len;
                run = i;
            }
            None => i += 1,
        }
    }
    push(&text[run..]);
}

/// The bytes that may start a character [`unwritable_at`] replaces: C0 controls but tab, line
/// feed and carriage return, DEL, and the lead bytes of C1 controls (0xC2), of U+FDD0–U+FDEF and
/// U+FFFE/U+FFFF (0xEF) and of the last two code points of the other planes (0xF0–0xF4). Every
/// other byte is copied as it is, without a closer look.
pub(crate) const UNWRITABLE_LOOK: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b as u8, 0..0x09 | 0x0b | 0x0c | 0x0e..0x20 | 0x7f | 0xc2 | 0xef | 0xf0..=0xf4);
        b += 1;
    }
    table
};

/// [`UNWRITABLE_LOOK`] and the five specials of [`escape_with`].
const ESCAPE_LOOK: [bool; 256] = {
    let mut table = UNWRITABLE_LOOK;
    table[b'&' as usize] = true;
    table[b'<' as usize] = true;
    table[b'>' as usize] = true;
    table[b'"' as usize] = true;
    table[b'\'' as usize] = true;
    table
};

/// Whether the UTF-8 sequence starting at byte `i` of `bytes` is a character that no HTML, XML
/// or iCalendar output may carry, and what to write instead, with the sequence's length: a
/// space for a control character (C0 but tab, line feed and carriage return; DEL; C1), so that
/// words it separated stay apart; nothing for a noncharacter (U+FFFE, U+FFFF, U+FDD0–U+FDEF and
/// the last two code points of every plane). XML 1.0 forbids C0 controls and U+FFFE/U+FFFF;
/// HTML calls every control and noncharacter a parse error; iCalendar TEXT allows no control.
#[inline]
pub(crate) fn unwritable_at(bytes: &[u8], i: usize) -> Option<(&'static str, usize)> {
    if !UNWRITABLE_LOOK[usize::from(bytes[i])] {
        return None;
    }
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match bytes[i] {
        0..0x20 | 0x7f => Some((" ", 1)),
        // C1 controls, U+0080–U+009F: 0xC2 0x80–0x9F.
        0xc2 if (0x80..0xa0).contains(&next(1)) => Some((" ", 2)),
        // U+FDD0–U+FDEF and U+FFFE, U+FFFF.
        0xef if (next(1) == 0xb7 && (0x90..0xb0).contains(&next(2)))
            || (next(1) == 0xbf && matches!(next(2), 0xbe | 0xbf)) =>
        {
            Some(("", 3))
        }
        // U+1FFFE, U+1FFFF … U+10FFFF: the low sixteen bits all ones but the last.
        0xf0..=0xf4
            if next(1) & 0x0f == 0x0f && next(2) == 0xbf && matches!(next(3), 0xbe | 0xbf) =>
        {
            Some(("", 4))
        }
        _ => None,
    }
}

/// `html` with every character of [`unwritable_at`] replaced: for HTML made by another writer
/// (the Markdown renderer and its sanitizer), whose text [`escape`] never sees.
pub(crate) fn without_unwritable(html: String) -> String {
    let mut out: Option<String> = None;
    replace_runs(&html, &UNWRITABLE_LOOK, unwritable_at, |piece| {
        // The first piece is the whole text only when nothing was replaced: then no copy.
        if out.is_none() && piece.len() == html.len() {
            return;
        }
        out.get_or_insert_with(|| String::with_capacity(html.len()))
            .push_str(piece);
    });
    out.unwrap_or(html)
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

    /// Escaping whole runs gives what escaping character by character gives, on random texts
    /// with the specials anywhere in them.
    #[test]
    fn escape_agrees_with_escaping_character_by_character() {
        fn reference(text: &str) -> String {
            text.chars()
                .map(|c| match c {
                    '&' => "&amp;".to_string(),
                    '<' => "&lt;".to_string(),
                    '>' => "&gt;".to_string(),
                    '"' => "&quot;".to_string(),
                    '\'' => "&#39;".to_string(),
                    '\t' | '\n' | '\r' => c.to_string(),
                    c if c.is_control() => " ".to_string(),
                    c if (c as u32 & 0xfffe) == 0xfffe
                        || ('\u{fdd0}'..='\u{fdef}').contains(&c) =>
                    {
                        String::new()
                    }
                    c => c.to_string(),
                })
                .collect()
        }
        let alphabet = [
            "a",
            "&",
            "<",
            ">",
            "\"",
            "'",
            "/",
            "é",
            "“",
            "😀",
            " ",
            "0",
            "\u{0}",
            "\u{80}",
            "\u{a6}",
            "\t",
            "\n",
            "\r",
            "\u{1}",
            "\u{b}",
            "\u{1f}",
            "\u{7f}",
            "\u{9f}",
            "\u{a0}",
            "\u{fdd0}",
            "\u{fdef}",
            "\u{fdf0}",
            "\u{fffd}",
            "\u{fffe}",
            "\u{ffff}",
            "\u{1fffe}",
            "\u{10ffff}",
            "\u{1fffd}",
            "\u{2fffe}",
            "\u{efffe}",
        ];
        let mut next = crate::testing::xorshift(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let text: String = (0..next() % 40)
                .map(|_| {
                    // Mostly plain letters, so that long runs hold no special.
                    let k = next() % (alphabet.len() as u64 * 3);
                    alphabet.get(k as usize).copied().unwrap_or("b")
                })
                .collect();
            assert_eq!(escape(&text), reference(&text), "{text:?}");
        }
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

    /// Issue 17 (site-check on a realistic site): a claim written across a line break ("25\nyears")
    /// had no mark, and the article's table linked to a missing anchor.
    #[test]
    fn a_mark_across_a_line_break_is_placed() {
        let file =
            "He was sentenced to 25\nyears in prison, *not*\n  40.\n\n> a quote of 12\n> ships\n";
        let mark = |text: &str, id: &str| {
            let at = file.find(text).unwrap();
            Mark {
                range: at..at + text.len(),
                id: id.into(),
                class: "figure",
                title: "t".into(),
            }
        };
        let marks = [
            mark("25\nyears", "d1"),
            mark("40", "f1"),
            mark("12\n> ships", "f2"),
        ];
        let html = render_markdown(file, 0, &marks);
        assert_eq!(
            html,
            "<p>He was sentenced to <mark id=\"d1\" class=\"figure\" title=\"t\">25\nyears</mark> in prison, <em>not</em>\n<mark id=\"f1\" class=\"figure\" title=\"t\">40</mark>.</p>\n<blockquote>\n<p>a quote of 12\nships</p>\n</blockquote>\n"
        );
    }

    #[test]
    fn markdown_without_the_sanitizer_is_what_the_sanitizer_writes() {
        // Random Markdown from the constructs of the plain path, and some that leave it.
        let pieces = [
            "word",
            "Word",
            "word",
            "7,000",
            " ",
            " ",
            " ",
            "&",
            "<",
            ">",
            "\"q\"",
            "'s",
            "\u{a0}",
            "é",
            "—",
            "*em*",
            "**strong**",
            "_u_",
            "~~del~~",
            "`a<b`",
            "  \n",
            "\\\n",
            "\n",
            "\n\n",
            "# ",
            "## ",
            "> ",
            "- ",
            "* ",
            "1. ",
            "3) ",
            "***\n",
            "&amp;",
            "&nbsp;",
            "&#x7;",
            "&#0;",
            "\t",
            "\r\n",
            "\r",
            "\0",
            "\0\0\0",
            "\u{1}",
            "\u{b}",
            "\u{c}",
            "\u{1b}[31m",
            "\u{7f}",
            "\u{85}",
            "\u{9f}",
            "`a\0b`",
            "*\0*",
            "<b>x</b>",
            "[l](http://x)",
            "[a *b*](https://e.org/p?a=1&b='2' \"t\")",
            "[word](https://e.org/a b)",
            "[l](https://e.org/x?q=a&b=c'd)",
            "[l](/rel/path)",
            "[l](#frag)",
            "[l](javascript:x)",
            "<https://e.org/auto>",
            "<a@b.org>",
            "[l](http://exa mple)",
            "[l](http://[::1)",
            "[l](ftp://e.org)",
            "[l](HTTPS://E.ORG/É)",
            "[r][ref]\n\n[ref]: https://e.org/r\n",
            "| a | b |\n|---|---|\n| 1 | 2 |\n",
            "    code\n",
            "[^1]\n\n[^1]: n\n",
        ];
        let mut next = crate::testing::xorshift(0x9e37_79b9_7f4a_7c15);
        let (mut plain, mut plain_links) = (0, 0);
        for _ in 0..10_000 {
            let doc: String = (0..next() % 30)
                .map(|_| pieces[(next() % pieces.len() as u64) as usize])
                .collect();
            let marks: Vec<Mark> = doc
                .match_indices("word")
                .filter(|_| next().is_multiple_of(2))
                .enumerate()
                .map(|(i, (at, w))| Mark {
                    range: at..at + w.len(),
                    id: format!("f{i}"),
                    class: "figure",
                    title: if (i + doc.len()).is_multiple_of(5) {
                        "a\0b\u{1}c\rd".into()
                    } else {
                        "a<b & \"c\" 'd'\u{a0}>".into()
                    },
                })
                .collect();
            let (fast, took_plain) = render(&doc, 0, &marks, true);
            let (sanitized, _) = render(&doc, 0, &marks, false);
            assert_eq!(fast, sanitized, "{doc:?}");
            plain += usize::from(took_plain);
            plain_links += usize::from(took_plain && fast.contains("<a href"));
        }
        assert!(plain_links > 500, "only {plain_links} with links");
        assert!(plain > 2_000, "only {plain} documents took the plain path");
    }

    /// Issue 17, finding 9: 5 MB of NUL took the sanitizer's path and about 590 MB to render;
    /// the plain path drops NUL as the sanitizer's parser does.
    #[test]
    fn issue_17_nul_takes_the_plain_path() {
        let doc = format!("a{}b `c\0d`\n", "\0".repeat(1000));
        let (html, plain) = render(&doc, 0, &[], true);
        assert!(plain);
        assert_eq!(html, "<p>ab <code>cd</code></p>\n");
        assert_eq!(render(&doc, 0, &[], false).0, html);
    }

    /// A run of text joined from many events (each `[` is one) is joined in linear time: 5 MB
    /// of `[` took 7 minutes to render, 1 MB about 17 s. (A letter keeps the line in the parser;
    /// `[` alone is a run of marks, see the next test.)
    #[test]
    fn a_run_of_many_text_events_renders_in_linear_time() {
        let doc = format!("a{}", "[".repeat(1_000_000));
        let started = std::time::Instant::now();
        let (html, _) = render(&doc, 0, &[], true);
        assert_eq!(html, format!("<p>{doc}</p>\n"));
        assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
    }

    /// Long runs of lines without a letter or digit are kept out of the parser: the plain text
    /// leaves them out, the page shows their start in a paragraph of its own, and the text
    /// around them reads and renders as without them.
    #[test]
    fn issue_17_long_runs_of_marks_are_left_out_of_the_text_and_shortened_on_the_page() {
        let run = "*_`#> [".repeat(400);
        let doc = format!("Prices rose *5%* on Monday.\n\n{run}\n\n> Officials said.\n");
        let plain = plain_text(&doc, 0);
        // A quote ends in a break of its own, as it does without the run.
        assert_eq!(
            plain.as_str(),
            "Prices rose 5% on Monday.\n\nOfficials said.\n\n\n\n"
        );
        let at = plain.as_str().find("Officials").unwrap();
        assert_eq!(&doc[plain.to_file(at, false)..], "Officials said.\n");
        let (html, on_plain_path) = render(&doc, 0, &[], true);
        assert!(on_plain_path);
        assert_eq!(
            html,
            format!(
                "<p>Prices rose <em>5%</em> on Monday.</p>\n<p>{} … (2,800 bytes without a letter or \
                 digit, not shown whole)</p>\n<blockquote>\n<p>Officials said.</p>\n</blockquote>\n",
                escape(&run[..64]).replace("&#39;", "'")
            )
        );
        // Wire text: the same paragraph, shortened alike.
        let wire = format!("Prices rose.\n\n{run}\n\n.\n\nThey fell.\n");
        assert_eq!(
            render_plain(&wire, 0, &[]),
            format!(
                "<p>Prices rose.</p>\n<p>{} … (2,803 bytes without a letter or digit, not shown \
                 whole)</p>\n<p>They fell.</p>\n",
                escape(&run[..64])
            )
        );
    }

    /// Issue 17: letters scattered among marks (`[a[a…`, `![a](`) made a token and a text event
    /// of every letter and mark (5 MB of `[a` took 1.3 GB). A long run of them is left out of the
    /// plain text, and its page shows it whole, escaped, in a paragraph of its own.
    #[test]
    fn issue_17_long_runs_of_scattered_letters_are_left_out_of_the_text_and_shown_escaped() {
        let run = "[a](b <a *a `a\r\n".repeat(400);
        let run = run.trim_end();
        let doc = format!("Prices rose *5%* on Monday.\n\n{run}\n\n> Officials said.\n");
        let plain = plain_text(&doc, 0);
        assert_eq!(
            plain.as_str(),
            "Prices rose 5% on Monday.\n\nOfficials said.\n\n\n\n"
        );
        let (html, on_plain_path) = render(&doc, 0, &[], true);
        assert!(on_plain_path);
        assert_eq!(
            html,
            format!(
                "<p>Prices rose <em>5%</em> on Monday.</p>\n<p>{}</p>\n<blockquote>\n<p>Officials \
                 said.</p>\n</blockquote>\n",
                run.replace('\r', "").replace('<', "&lt;")
            )
        );
        assert_eq!(render(&doc, 0, &[], false).0, html);
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
