//! The default data exports (`claims.json`, `figures.csv`, `chronology.ics`, `timeline.json`,
//! `search-index.js`) written straight from the views, without the template engine.
//!
//! Each writer produces exactly the bytes its default template renders: the templates stay the
//! reference (they are what `report templates eject` copies and what a project edits), and a
//! project that overrides one gets it rendered by tera. The engine walks every claim of every
//! article through its expression evaluator and needs the whole site as one JSON tree; these
//! writers stream the same output from the views in a fraction of the time and memory.
//! `tests/exports.rs` checks the two paths byte for byte.

use std::collections::HashMap;
use std::io;

use chrono::Datelike as _;
use serde::Serialize;

use super::filters::{csv_number, csv_text, ics_escape, ics_escape_into, ics_line, script_safe};
use super::splice::{Splicer, unique};
use super::views::{ArticleData, BriefingData, ChronologyGroupView, EventView, SiteView};
use crate::cache::KeyHasher;
use crate::extract::Precision;

/// What the writers read.
pub struct ExportData<'a> {
    /// Site settings.
    pub site: &'a SiteView,
    /// Articles, newest first.
    pub articles: &'a [&'a ArticleData],
    /// Briefings.
    pub briefings: &'a [&'a BriefingData],
    /// The chronology.
    pub chronology: &'a [ChronologyGroupView],
    /// The key of what each of `articles` is made from (its file and the extraction code), in the
    /// same order.
    pub keys: &'a [u64],
    /// The same by article slug.
    pub key_of: &'a HashMap<&'a str, u64>,
    /// What every item of every export depends on besides its article: the site settings, the
    /// templates and the code (its identity, so that no item is copied from a file that other
    /// writers wrote; see [`super::splice`]).
    pub base: u64,
}

impl ExportData<'_> {
    /// The key of the item of export `name` made from article `i` alone.
    fn article_key(&self, name: &str, i: usize) -> u64 {
        let mut h = KeyHasher::new("export item");
        h.u64(self.base).str(name).u64(self.keys[i]);
        h.finish()
    }

    /// The keys of the items of export `name` made from `events`, one each; an event whose
    /// article is unknown, or that shares its key with another, gets none.
    fn event_keys(&self, name: &str, events: &[&EventView]) -> Vec<Option<u64>> {
        unique(
            events
                .iter()
                .map(|e| {
                    let key = self.key_of.get(e.from.article.as_str())?;
                    let mut h = KeyHasher::new("export event");
                    h.u64(self.base)
                        .str(name)
                        .u64(*key)
                        .usize(e.start)
                        .usize(e.end)
                        .str(&e.date);
                    Some(h.finish())
                })
                .collect(),
        )
    }
}

/// A writer for a default template, by the template's name.
pub type Writer = fn(&ExportData<'_>, &mut Splicer<'_>) -> io::Result<()>;

/// The writer that stands for the default template `name`, if there is one.
pub fn writer_for(name: &str) -> Option<Writer> {
    Some(match name {
        "claims.json" => claims_json,
        "figures.csv" => figures_csv,
        "chronology.ics" => chronology_ics,
        "timeline.json" => timeline_json,
        "search-index.js" => search_index_js,
        _ => return None,
    })
}

/// JSON text of a value, as tera's `json_encode` writes it (objects with sorted keys).
fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
}

/// What tera's `escape` filter writes (`&`, `<`, `>`, `"`, `'` and `/` as entities), copying the
/// runs between those characters whole.
fn escape_filter(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    crate::content::replace_ascii(text, tera_escape, |piece| out.push_str(piece));
    out
}

/// The entity tera's `escape` filter writes for `b`, if it replaces it.
fn tera_escape(b: u8) -> Option<&'static str> {
    match b {
        b'&' => Some("&amp;"),
        b'<' => Some("&lt;"),
        b'>' => Some("&gt;"),
        b'"' => Some("&quot;"),
        b'\'' => Some("&#x27;"),
        b'/' => Some("&#x2F;"),
        _ => None,
    }
}

/// The escapes of JSON strings as serde_json writes them: the quote, the backslash, and control
/// characters (`\b`, `\t`, `\n`, `\f`, `\r`, else `\u00XX` in lowercase hex).
fn json_escape(b: u8) -> Option<&'static str> {
    const CONTROL: [&str; 32] = [
        "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007",
        "\\b", "\\t", "\\n", "\\u000b", "\\f", "\\r", "\\u000e", "\\u000f", "\\u0010", "\\u0011",
        "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017", "\\u0018", "\\u0019",
        "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
    ];
    match b {
        b'"' => Some("\\\""),
        b'\\' => Some("\\\\"),
        0..=0x1f => Some(CONTROL[usize::from(b)]),
        _ => None,
    }
}

/// Appends `text` as a JSON string: what [`json`] writes for it, without a string of its own.
fn push_json(buf: &mut String, text: &str) {
    buf.push('"');
    crate::content::replace_ascii(text, json_escape, |piece| buf.push_str(piece));
    buf.push('"');
}

/// Appends the inside of the JSON string of `escape_filter(text)` (no quotes), in one pass: the
/// entities tera's `escape` writes hold nothing JSON escapes, so each byte takes one of the two.
fn push_json_escaped(buf: &mut String, text: &str) {
    crate::content::replace_ascii(
        text,
        |b| tera_escape(b).or_else(|| json_escape(b)),
        |piece| buf.push_str(piece),
    );
}

/// Appends what `script_safe(json(text))` writes, in one pass.
fn push_script_json(buf: &mut String, text: &str) {
    /// The bytes that may need more than copying: what JSON escapes, what `script_safe` escapes,
    /// and the lead bytes of characters no page may carry.
    const LOOK: [bool; 256] = {
        let mut table = crate::content::UNWRITABLE_LOOK;
        let mut b = 0;
        while b < 0x20 {
            table[b] = true;
            b += 1;
        }
        table[b'"' as usize] = true;
        table[b'\\' as usize] = true;
        table[b'<' as usize] = true;
        table[b'>' as usize] = true;
        table[b'&' as usize] = true;
        table
    };
    buf.push('"');
    crate::content::replace_runs(
        text,
        &LOOK,
        |bytes, i| match bytes[i] {
            b'<' => Some(("\\u003c", 1)),
            b'>' => Some(("\\u003e", 1)),
            b'&' => Some(("\\u0026", 1)),
            b => json_escape(b)
                .map(|e| (e, 1))
                .or_else(|| crate::content::unwritable_at(bytes, i)),
        },
        |piece| buf.push_str(piece),
    );
    buf.push('"');
}

/// A value through a JSON tree first, for objects whose keys tera would sort.
fn json_sorted<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_value(value).map_or_else(|_| "null".into(), |v| json(&v))
}

fn claims_json(data: &ExportData<'_>, out: &mut Splicer<'_>) -> io::Result<()> {
    out.write(
        format!(
            "{{\n  \"site\": {},\n  \"articles\": [",
            json_sorted(data.site)
        )
        .as_bytes(),
    )?;
    for (i, a) in data.articles.iter().enumerate() {
        if i > 0 {
            out.write(b",")?;
        }
        out.item(Some(data.article_key("claims.json", i)), |buf| {
            claims_json_article(a, buf)
        })?;
    }
    out.write(b"\n  ]\n}\n")
}

fn claims_json_article(a: &ArticleData, buf: &mut String) {
    use std::fmt::Write as _;
    let _ = write!(
        buf,
        "\n    {{\n      \"slug\": {},\n      \"title\": {},\n      \"source\": {},\n      \"published\": {},\n      \"url\": {},\n      \"path\": {},\n      \"tags\": {},\n      \"figures\": [",
        json(&a.slug),
        json(&a.title),
        json(&a.source),
        json(&a.published),
        json(&a.url),
        json(&a.path),
        json(&a.tags)
    );
    for (j, f) in a.figures.iter().enumerate() {
        if j > 0 {
            buf.push_str(", ");
        }
        let _ = write!(
            buf,
            "{{\"text\": {}, \"value\": {}, \"unit\": {}, \"measure\": {}, \"scope\": {}, \"direction\": {}, \"status\": {}, \"qualifier\": {}, \"kind\": {}, \"said_by\": {}, \"as_of\": {}, \"sentence\": {}, \"start\": {}, \"end\": {}, \"hand\": {}}}",
            json(&f.text),
            json(&f.value),
            json(&f.unit),
            json(&f.measure),
            json(&f.scope),
            json(&f.direction_label()),
            json(&f.status_label()),
            json(&f.qualifier_label()),
            json(f.kind.label()),
            json(&f.said_by),
            json(&f.as_of),
            json(&f.sentence),
            f.start,
            f.end,
            f.hand
        );
    }
    buf.push_str("],\n      \"dates\": [");
    for (j, d) in a.dates.iter().enumerate() {
        if j > 0 {
            buf.push_str(", ");
        }
        let _ = write!(
            buf,
            "{{\"text\": {}, \"type\": {}, \"value\": {}, \"mod\": {}, \"start\": {}, \"end\": {}}}",
            json(&d.text),
            json(d.kind.label()),
            json(&d.value),
            json(&d.modifier),
            d.start,
            d.end
        );
    }
    buf.push_str("],\n      \"events\": [");
    for (j, e) in a.events.iter().enumerate() {
        if j > 0 {
            buf.push_str(", ");
        }
        let _ = write!(
            buf,
            "{{\"date\": {}, \"precision\": {}, \"date_text\": {}, \"said_by\": {}, \"text\": {}, \"start\": {}, \"end\": {}}}",
            json(&e.date),
            json(e.precision.label()),
            json(&e.date_text),
            json(&e.said_by),
            json(&e.text),
            e.start,
            e.end
        );
    }
    buf.push_str("]\n    }");
}

fn figures_csv(data: &ExportData<'_>, out: &mut Splicer<'_>) -> io::Result<()> {
    out.write(
        b"article,source,published,url,text,value,unit,qualifier,kind,said_by,as_of,sentence,start,end,measure,scope,direction,status\n",
    )?;
    fn opt<S: AsRef<str>>(s: &Option<S>) -> String {
        s.as_ref()
            .map_or_else(String::new, |s| csv_text(s.as_ref()))
    }
    for (i, a) in data.articles.iter().enumerate() {
        out.item(Some(data.article_key("figures.csv", i)), |buf| {
            use std::fmt::Write as _;
            for f in &a.figures {
                let _ = writeln!(
                    buf,
                    "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
                    csv_text(&f.from.article),
                    csv_text(&f.from.article_source),
                    csv_text(&f.from.article_published),
                    opt(&f.from.article_url),
                    csv_text(&f.text),
                    csv_number(f.value),
                    opt(&f.unit),
                    opt(&f.qualifier_label()),
                    csv_text(f.kind.label()),
                    opt(&f.said_by),
                    opt(&f.as_of),
                    csv_text(&f.sentence),
                    f.start,
                    f.end,
                    opt(&f.measure),
                    opt(&f.scope),
                    opt(&f.direction_label()),
                    opt(&f.status_label())
                );
            }
        })?;
    }
    Ok(())
}

/// Non-empty, as tera tests a value in `{% if %}`.
pub(super) fn truthy<S: AsRef<str>>(s: &Option<S>) -> Option<&str> {
    s.as_ref().map(AsRef::as_ref).filter(|s| !s.is_empty())
}

fn chronology_ics(data: &ExportData<'_>, out: &mut Splicer<'_>) -> io::Result<()> {
    use std::fmt::Write as _;
    let site = data.site;
    let mut text = String::new();
    let line = |l: &str, text: &mut String| ics_line(l, text);
    line("BEGIN:VCALENDAR", &mut text);
    line("VERSION:2.0", &mut text);
    line(
        &format!("PRODID:-//report//{}//EN", ics_escape(&site.generator)),
        &mut text,
    );
    line("CALSCALE:GREGORIAN", &mut text);
    line("METHOD:PUBLISH", &mut text);
    line(
        &format!("X-WR-CALNAME:{} — chronology", ics_escape(&site.title)),
        &mut text,
    );
    out.write(text.as_bytes())?;
    let stamp = format!("DTSTAMP:{}T000000Z", site.built.replace('-', ""));
    let events: Vec<&EventView> = data
        .chronology
        .iter()
        .flat_map(|group| group.entries.iter().map(|e| &**e))
        .filter(|e| e.date_start().is_some())
        .collect();
    let keys = data.event_keys("chronology.ics", &events);
    // One content line at a time; values that are not escaped may hold line breaks, and are
    // split as the filter splits them.
    let mut value = String::new();
    for (e, key) in events.into_iter().zip(keys) {
        out.item(key, |text| {
            let emit = |value: &mut String, text: &mut String| {
                for part in value.lines() {
                    line(part, text);
                }
                value.clear();
            };
            let from = &e.from;
            line("BEGIN:VEVENT", text);
            let _ = write!(value, "UID:{}-{}-{}@report", from.article, e.start, e.date);
            emit(&mut value, text);
            value.push_str(&stamp);
            emit(&mut value, text);
            for (name, day) in [("DTSTART", e.date_start()), ("DTEND", e.date_end())] {
                if let Some(day) = day {
                    let _ = write!(value, "{name};VALUE=DATE:{}", day.format("%Y%m%d"));
                }
                emit(&mut value, text);
            }
            value.push_str("SUMMARY:");
            ics_escape_into(&e.text, &mut value);
            emit(&mut value, text);
            value.push_str("DESCRIPTION:");
            ics_escape_into(&e.date_display(), &mut value);
            let _ = write!(value, " ({} precision\\, written “", e.precision.label());
            ics_escape_into(&e.date_text, &mut value);
            value.push_str("”).");
            if let Some(said) = truthy(&e.said_by) {
                value.push_str(" Said by ");
                ics_escape_into(said, &mut value);
                value.push('.');
            }
            value.push_str("\\nSource: ");
            ics_escape_into(&from.article_source, &mut value);
            value.push_str("\\, ");
            ics_escape_into(&from.article_title, &mut value);
            let _ = write!(value, " (published {})", from.article_published);
            if let Some(url) = truthy(&from.article_url) {
                value.push_str("\\n");
                ics_escape_into(url, &mut value);
            }
            emit(&mut value, text);
            match (truthy(&from.article_url), truthy(&site.absolute_root)) {
                (Some(url), _) => {
                    let _ = write!(value, "URL:{url}");
                }
                (None, Some(root)) => {
                    let _ = write!(value, "URL:{root}{}", from.article_href);
                    if let Some(anchor) = e.anchor {
                        let _ = write!(value, "#{anchor}");
                    }
                }
                (None, None) => {}
            }
            emit(&mut value, text);
            line("TRANSP:TRANSPARENT", text);
            line("END:VEVENT", text);
        })?;
    }
    text.clear();
    line("END:VCALENDAR", &mut text);
    out.write(text.as_bytes())
}

fn timeline_json(data: &ExportData<'_>, out: &mut Splicer<'_>) -> io::Result<()> {
    let site = data.site;
    let escape = escape_filter;
    let description = truthy(&site.description).map_or_else(|| "\"\"".into(), |d| json(&escape(d)));
    out.write(
        format!(
            "{{\n  \"title\": {{\"text\": {{\"headline\": {}, \"text\": {}}}}},\n  \"events\": [",
            json(&escape(&site.title)),
            description
        )
        .as_bytes(),
    )?;
    let events: Vec<&EventView> = data
        .chronology
        .iter()
        .flat_map(|group| group.entries.iter().map(|e| &**e))
        .filter(|e| e.date_start().is_some())
        .collect();
    let keys = data.event_keys("timeline.json", &events);
    for (i, (e, key)) in events.into_iter().zip(keys).enumerate() {
        if i > 0 {
            out.write(b",")?;
        }
        out.item(key, |buf| timeline_event(site, e, buf))?;
    }
    out.write(b"\n  ]\n}\n")
}

fn timeline_event(site: &SiteView, e: &EventView, buf: &mut String) {
    use std::fmt::Write as _;
    let from = &e.from;
    let root = truthy(&site.absolute_root);
    let url = truthy(&from.article_url);
    let start = e.date_start().unwrap_or_default();
    buf.push_str("\n    {\n      \"unique_id\": ");
    push_json(buf, &format!("{}-{}-{}", from.article, e.start, e.date));
    let _ = write!(buf, ",\n      \"start_date\": {{\"year\": {}", start.year());
    if !matches!(e.precision, Precision::Year | Precision::Decade) {
        let _ = write!(buf, ", \"month\": {}", start.month());
    }
    if matches!(e.precision, Precision::Day | Precision::Week) {
        let _ = write!(buf, ", \"day\": {}", start.day());
    }
    buf.push_str(", \"display_date\": ");
    let display = e.date_display();
    push_json(buf, &display);
    buf.push_str("},\n      \"text\": {\n        \"headline\": \"");
    // What happened: TimelineJS shows the date itself.
    let headline = e.headline();
    push_json_escaped(buf, &headline);
    // The whole sentence when the headline is shorter, who said it and the source, as HTML
    // inside one JSON string.
    buf.push_str("\",\n        \"text\": \"");
    if *headline != *e.text {
        buf.push_str("<blockquote>");
        push_json_escaped(buf, &e.text);
        buf.push_str("</blockquote>");
    }
    if let Some(said) = truthy(&e.said_by) {
        buf.push_str("<p>");
        push_json_escaped(buf, said);
        buf.push_str("</p>");
    }
    buf.push_str("<p>Source: ");
    let link = url.is_some() || root.is_some();
    if link {
        buf.push_str("<a href=\\\"");
        match (url, root) {
            (Some(url), _) => push_json_escaped(buf, url),
            (None, Some(root)) => {
                push_json_escaped(buf, root);
                push_json_escaped(buf, &from.article_href);
            }
            (None, None) => {}
        }
        buf.push_str("\\\">");
    }
    push_json_escaped(buf, &from.article_source);
    buf.push_str(", ");
    push_json_escaped(buf, &from.article_title);
    buf.push_str(" (");
    push_json_escaped(buf, &from.article_published);
    buf.push(')');
    if link {
        buf.push_str("</a>");
    }
    buf.push_str("</p>\"\n      },\n      \"group\": ");
    push_json(buf, &from.article_source);
    buf.push_str(",\n      \"source\": {\"name\": ");
    push_json(buf, &from.article_source);
    buf.push_str(", \"title\": ");
    push_json(buf, &from.article_title);
    buf.push_str(", \"url\": ");
    match &from.article_url {
        Some(url) => push_json(buf, url),
        None => buf.push_str("null"),
    }
    buf.push_str(", \"published\": ");
    push_json(buf, &from.article_published);
    buf.push_str(", \"date_text\": ");
    push_json(buf, &e.date_text);
    buf.push_str(", \"precision\": ");
    push_json(buf, e.precision.label());
    buf.push_str("}\n    }");
}

fn search_index_js(data: &ExportData<'_>, out: &mut Splicer<'_>) -> io::Result<()> {
    // The template's opening comment leaves a line break before the script.
    out.write(b"\nwindow.REPORT_SEARCH = [")?;
    for (i, a) in data.articles.iter().enumerate() {
        out.item(Some(data.article_key("search-index.js", i)), |buf| {
            search_index_article(a, buf)
        })?;
    }
    for b in data.briefings {
        out.write(
            format!(
                "\n{{\"k\": \"briefing\", \"t\": {}, \"s\": {}, \"u\": {}}},",
                sj(&b.title),
                sj_opt(&b.summary),
                sj(&b.href)
            )
            .as_bytes(),
        )?;
    }
    out.write(b"\nnull].filter(Boolean);\n")
}

/// `| default(value="")` in the template: a missing value is an empty string.
fn sj_opt<S: AsRef<str>>(s: &Option<S>) -> String {
    script_safe(json(s.as_ref().map_or("", AsRef::as_ref)))
}

/// A value as the search index's template writes it: JSON, safe inside a script.
fn sj(s: &str) -> String {
    script_safe(json(s))
}

fn search_index_article(a: &ArticleData, buf: &mut String) {
    fn opt(s: &Option<super::views::Text>) -> &str {
        s.as_deref().unwrap_or_default()
    }
    let link = |buf: &mut String, anchor: Option<super::views::Anchor>| match anchor {
        Some(anchor) => push_script_json(buf, &format!("{}#{anchor}", a.href)),
        None => push_script_json(buf, &a.href),
    };
    buf.push_str("\n{\"k\": \"article\", \"t\": ");
    push_script_json(buf, &a.title);
    buf.push_str(", \"s\": ");
    push_script_json(buf, &format!("{}, {}", a.source, a.published_display));
    buf.push_str(", \"u\": ");
    push_script_json(buf, &a.href);
    buf.push_str("},");
    for f in &a.figures {
        buf.push_str("\n{\"k\": \"figure\", \"t\": ");
        push_script_json(buf, &f.text);
        buf.push_str(", \"s\": ");
        push_script_json(buf, &f.sentence);
        buf.push_str(", \"w\": ");
        push_script_json(buf, opt(&f.said_by));
        buf.push_str(", \"u\": ");
        link(buf, f.anchor);
        buf.push_str("},");
    }
    for e in &a.events {
        buf.push_str("\n{\"k\": \"event\", \"t\": ");
        push_script_json(buf, &e.date_display());
        buf.push_str(", \"s\": ");
        push_script_json(buf, &e.text);
        buf.push_str(", \"w\": ");
        push_script_json(buf, opt(&e.said_by));
        buf.push_str(", \"u\": ");
        link(buf, e.anchor);
        buf.push_str("},");
    }
}

#[cfg(test)]
mod tests {
    /// The one-pass JSON writers give what serializing (and escaping first) gives, on random
    /// texts with every ASCII byte and some others.
    #[test]
    fn json_writers_agree_with_serde_json() {
        let mut alphabet: Vec<String> = (0..0x80u8).map(|b| char::from(b).to_string()).collect();
        alphabet.extend(["é", "“", "😀", "\u{2028}", "\u{85}", "</script>"].map(String::from));
        let mut next = crate::testing::xorshift(0xd1b5_4a32_d192_ed03);
        for _ in 0..20_000 {
            let text: String = (0..next() % 24)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize].as_str())
                .collect();
            let mut buf = String::new();
            super::push_json(&mut buf, &text);
            assert_eq!(buf, super::json(&text), "{text:?}");
            buf.clear();
            super::push_json_escaped(&mut buf, &text);
            assert_eq!(
                format!("\"{buf}\""),
                super::json(&super::escape_filter(&text)),
                "{text:?}"
            );
            buf.clear();
            super::push_script_json(&mut buf, &text);
            assert_eq!(
                buf,
                super::super::filters::script_safe(super::json(&text)),
                "{text:?}"
            );
        }
    }

    #[test]
    fn escape_filter_is_teras() {
        // Every ASCII byte alone and among others, so that the bytes it replaces are exactly
        // the ones tera's filter replaces.
        for b in 0..0x80u8 {
            let c = char::from(b);
            for text in [c.to_string(), format!("abcdefg{c}hijklmn{c}{c}")] {
                assert_eq!(
                    super::escape_filter(&text),
                    tera::escape_html(&text),
                    "{text:?}"
                );
            }
        }
        for text in [
            "",
            "plain",
            "a & b < c > d \"e\" 'f' /g/",
            "é “q” </script> &amp; //",
            "😀/&",
        ] {
            assert_eq!(
                super::escape_filter(text),
                tera::escape_html(text),
                "{text}"
            );
        }
    }
}
