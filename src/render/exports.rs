//! The default search index (`search-index.js`) written straight from the views, without the
//! template engine.
//!
//! The writer produces exactly the bytes its default template renders: the template stays the
//! reference (it is what `report templates eject` copies and what a project edits), and a
//! project that overrides it gets it rendered by tera. `tests/exports.rs` checks the two paths
//! byte for byte. The other data exports have plain writers and no template (see [`super::data`]).

use std::io;

use serde::Serialize;

use super::filters::script_safe;
use super::splice::Splicer;
use super::views::{ArticleData, BriefingData, SiteView};
use crate::cache::KeyHasher;

/// What the writers read.
pub struct ExportData<'a> {
    /// Site settings.
    pub site: &'a SiteView,
    /// Articles, newest first.
    pub articles: &'a [&'a ArticleData],
    /// Briefings.
    pub briefings: &'a [&'a BriefingData],
    /// The key of what each of `articles` is made from (its file and the extraction code), in the
    /// same order.
    pub keys: &'a [u64],
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
}

/// A writer for a default template, by the template's name.
pub type Writer = fn(&ExportData<'_>, &mut Splicer<'_>) -> io::Result<()>;

/// The writer that stands for the default template `name`, if there is one.
pub fn writer_for(name: &str) -> Option<Writer> {
    Some(match name {
        "search-index.js" => search_index_js,
        _ => return None,
    })
}

/// JSON text of a value, as tera's `json_encode` writes it (objects with sorted keys).
fn json<T: Serialize + ?Sized>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "null".into())
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

/// Non-empty, as tera tests a value in `{% if %}`.
pub(super) fn truthy<S: AsRef<str>>(s: &Option<S>) -> Option<&str> {
    s.as_ref().map(AsRef::as_ref).filter(|s| !s.is_empty())
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
    /// The one-pass writer gives what serializing and `script_safe` give, on random texts with
    /// every ASCII byte and some others.
    #[test]
    fn script_json_writer_agrees_with_serde_json() {
        let mut alphabet: Vec<String> = (0..0x80u8).map(|b| char::from(b).to_string()).collect();
        alphabet.extend(["é", "“", "😀", "\u{2028}", "\u{85}", "</script>"].map(String::from));
        let mut next = crate::testing::xorshift(0xd1b5_4a32_d192_ed03);
        for _ in 0..20_000 {
            let text: String = (0..next() % 24)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize].as_str())
                .collect();
            let mut buf = String::new();
            super::push_script_json(&mut buf, &text);
            assert_eq!(
                buf,
                super::super::filters::script_safe(super::json(&text)),
                "{text:?}"
            );
        }
    }
}
