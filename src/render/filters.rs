//! Custom tera filters: `csv` (one safe CSV cell), `number` (7000 → "7,000"), `ics_text` (one
//! escaped iCalendar TEXT value), `ics_lines` (a whole calendar folded at 75 octets with CRLF line
//! ends), `script_json` (JSON safe inside an HTML `<script>` element) and `datetime` (a date
//! value as a valid HTML `datetime`, or nothing). Also the two tera built-in functions that would
//! make builds differ from run to run: `now` gives the build date, `get_random` is refused.

use std::collections::HashMap;

use tera::{Result, Tera, Value, to_value};

/// Registers every custom filter.
pub fn register(tera: &mut Tera) {
    tera.register_filter("csv", csv);
    tera.register_filter("number", number);
    tera.register_filter("ics_text", ics_text);
    tera.register_filter("ics_lines", ics_lines);
    tera.register_filter("script_json", script_json);
    tera.register_filter("datetime", datetime);
    tera.register_function("get_random", no_random);
    tera.register_function("now", |_: &HashMap<String, Value>| -> Result<Value> {
        Err(tera::Error::msg(
            "Function `now` has no build date here (it is set for builds)",
        ))
    });
}

/// Replaces tera's `now` (the clock) with the build date, so that a site built twice from the
/// same input is the same: `now()` is the build date at midnight UTC as RFC 3339
/// (`2024-03-20T00:00:00+00:00`), `now(timestamp=true)` its Unix time. `utc` is accepted and
/// changes nothing.
pub(crate) fn register_now(tera: &mut Tera, build_date: chrono::NaiveDate) {
    let at = build_date.and_time(chrono::NaiveTime::MIN).and_utc();
    tera.register_function("now", move |args: &HashMap<String, Value>| {
        for (key, value) in args {
            match key.as_str() {
                "utc" | "timestamp" if value.is_boolean() => {}
                "utc" | "timestamp" => {
                    return Err(tera::Error::msg(format!(
                        "Function `now` received {key}={value} but `{key}` can only be a boolean"
                    )));
                }
                _ => {
                    return Err(tera::Error::msg(format!(
                        "Function `now` takes `utc` and `timestamp`, not `{key}`"
                    )));
                }
            }
        }
        if args.get("timestamp").and_then(Value::as_bool) == Some(true) {
            Ok(to_value(at.timestamp())?)
        } else {
            Ok(to_value(at.to_rfc3339())?)
        }
    });
}

/// tera's `get_random`, refused: a build must give the same site every time.
fn no_random(_: &HashMap<String, Value>) -> Result<Value> {
    Err(tera::Error::msg(
        "`get_random` is left out so that every build gives the same site; choose by something in the content instead (`loop.index`, a slug)",
    ))
}

/// A date value as a valid HTML `datetime` attribute value (see [`html_datetime`]), or an empty
/// string when it has none: `{% set dt = e.date | datetime %}{% if dt %}<time datetime="{{ dt }}">…`.
fn datetime(value: &Value, _: &HashMap<String, Value>) -> Result<Value> {
    let text = html_datetime(&as_text(value)).map(|d| d.to_string());
    Ok(to_value(text.unwrap_or_default())?)
}

/// A valid HTML `datetime` value (a valid date, month, year or week string), written by its
/// `Display`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HtmlDatetime {
    /// `2024-03-18`.
    Day(i32, u32, u32),
    /// `2024-03`.
    Month(i32, u32),
    /// `2024`.
    Year(i32),
    /// `2024-W12`.
    Week(i32, u32),
}

impl std::fmt::Display for HtmlDatetime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            HtmlDatetime::Day(y, m, d) => write!(f, "{y:04}-{m:02}-{d:02}"),
            HtmlDatetime::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            HtmlDatetime::Year(y) => write!(f, "{y:04}"),
            HtmlDatetime::Week(y, w) => write!(f, "{y:04}-W{w:02}"),
        }
    }
}

/// A date value (`2024-03-18`, `2024-03`, `2024`, `2024-W12`, `2024-Q1`, `2023-SU`, `2024-H1`,
/// `199`) as a valid HTML `datetime` value (see [`html_datetime_of`]); `None` for what is no
/// calendar period (`PRESENT_REF`, durations).
pub(crate) fn html_datetime(value: &str) -> Option<HtmlDatetime> {
    let period = crate::extract::Period::parse(value)?;
    html_datetime_of(period.start, period.precision)
}

/// The period of `precision` starting on `start` as a valid HTML `datetime` value: a day,
/// month, year or ISO week as itself; a quarter, season, half year or decade, which HTML cannot
/// write, as its first day. `None` for a year outside 1–9999, which no output writes (see
/// [`super::views::writable`]).
pub(crate) fn html_datetime_of(
    start: chrono::NaiveDate,
    precision: crate::extract::Precision,
) -> Option<HtmlDatetime> {
    use crate::extract::Precision;
    use chrono::Datelike;
    let start = super::views::writable(start)?;
    let (y, m, d) = (start.year(), start.month(), start.day());
    Some(match precision {
        Precision::Month => HtmlDatetime::Month(y, m),
        Precision::Year => HtmlDatetime::Year(y),
        Precision::Week => {
            let week = start.iso_week();
            if !(1..=9999).contains(&week.year()) {
                return None;
            }
            HtmlDatetime::Week(week.year(), week.week())
        }
        Precision::Day
        | Precision::Quarter
        | Precision::Season
        | Precision::Half
        | Precision::Decade => HtmlDatetime::Day(y, m, d),
    })
}

fn as_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// Escapes a TEXT value of iCalendar (RFC 5545 §3.3.11): `\`, `;`, `,` and newlines.
fn ics_text(value: &Value, _: &HashMap<String, Value>) -> Result<Value> {
    Ok(to_value(ics_escape(&as_text(value)))?)
}

/// The escaping of [`ics_text`], on a string.
pub(crate) fn ics_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    ics_escape_into(text, &mut out);
    out
}

/// [`ics_escape`], appended to `out`.
pub(crate) fn ics_escape_into(text: &str, out: &mut String) {
    // The runs between special bytes are copied whole (every replaced sequence starts on a lead
    // byte, so the runs end on character boundaries).
    let bytes = text.as_bytes();
    let (mut run, mut i) = (0, 0);
    while i < bytes.len() {
        let (replacement, len) = match bytes[i] {
            b'\\' => ("\\\\", 1),
            b';' => ("\\;", 1),
            b',' => ("\\,", 1),
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => ("\\n", 2),
            b'\r' | b'\n' => ("\\n", 1),
            b'\t' => (" ", 1),
            // Other control characters are not allowed in TEXT (C0, DEL and C1 become a space),
            // and noncharacters are dropped, as in every output.
            _ => match crate::content::unwritable_at(bytes, i) {
                Some(found) => found,
                None => {
                    i += 1;
                    continue;
                }
            },
        };
        out.push_str(&text[run..i]);
        out.push_str(replacement);
        i += len;
        run = i;
    }
    out.push_str(&text[run..]);
}

/// Turns a rendered calendar into content lines (RFC 5545 §3.1): blank lines (template layout)
/// dropped, each line folded so that no line is longer than 75 octets (continuations start with
/// one space and never split a character), every line ended by CRLF. Meant for a filter section:
/// `{% filter ics_lines %}BEGIN:VCALENDAR …{% endfilter %}`.
fn ics_lines(value: &Value, _: &HashMap<String, Value>) -> Result<Value> {
    let text = as_text(value);
    let mut out = String::with_capacity(text.len() + text.len() / 32);
    for line in text.lines() {
        ics_line(line, &mut out);
    }
    Ok(to_value(out)?)
}

/// One line of [`ics_lines`]: nothing when blank, else folded and ended by CRLF.
pub(crate) fn ics_line(line: &str, out: &mut String) {
    let line = line.trim_end_matches('\r');
    if line.trim().is_empty() {
        return;
    }
    // Each piece is the longest run of whole characters that fits.
    let mut rest = line;
    let mut limit = 75;
    while rest.len() > limit {
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        // The leading space counts towards the 75 octets.
        limit = 74;
    }
    out.push_str(rest);
    out.push_str("\r\n");
}

/// Encodes any value as JSON that can sit inside `<script type="application/ld+json">`: `<`, `>`
/// and `&` become `\u003c`, `\u003e`, `\u0026`, so a `</script>` in the data cannot end the element.
/// Use with `| safe` in HTML templates.
fn script_json(value: &Value, _: &HashMap<String, Value>) -> Result<Value> {
    Ok(to_value(script_safe(serde_json::to_string(value)?))?)
}

/// The escaping of [`script_json`], on JSON text: `<`, `>` and `&` as `\u` escapes, and no
/// character an HTML page may not carry (JSON text holds C0 controls only as escapes already;
/// DEL and C1 controls become a space and noncharacters are dropped, as in the page's text).
pub(crate) fn script_safe(json: String) -> String {
    let json = crate::content::without_unwritable(json);
    if !json.contains(['<', '>', '&']) {
        return json;
    }
    json.replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// Renders a value as one CSV cell: quoted when needed, and a leading `=`, `+`, `-`, `@`, tab or
/// carriage return neutralized with an apostrophe so spreadsheets do not run it as a formula.
fn csv(value: &Value, _: &HashMap<String, Value>) -> Result<Value> {
    let cell = match value {
        Value::Null => String::new(),
        Value::String(s) => csv_text(s),
        Value::Number(n) => match n.as_f64() {
            Some(f) => csv_number(f),
            None => n.to_string(),
        },
        other => csv_text(&other.to_string()),
    };
    Ok(to_value(cell)?)
}

/// A number as a CSV cell: whole numbers without a decimal point.
pub(crate) fn csv_number(f: f64) -> String {
    let mut out = String::new();
    csv_number_into(f, &mut out);
    out
}

/// Appends [`csv_number`] of `f` to `out`.
pub(crate) fn csv_number_into(f: f64, out: &mut String) {
    use std::fmt::Write as _;
    if f.fract() == 0.0 && f.abs() < 1e15 {
        let _ = write!(out, "{}", f as i64);
    } else if let Some(n) = serde_json::Number::from_f64(f) {
        let _ = write!(out, "{n}");
    }
}

/// A text as a CSV cell: defused and quoted as [`csv`] does.
pub(crate) fn csv_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    csv_text_into(text, &mut out);
    out
}

/// Whether a CSV cell of `text` is defused (a leading `'`) and quoted.
fn csv_needs(text: &str) -> (bool, bool) {
    (
        text.starts_with(['=', '+', '-', '@', '\t', '\r']),
        // Bytes, not chars: these are ASCII, which never occurs inside a longer UTF-8 sequence,
        // and a char pattern decoded every character of every quoted sentence.
        text.bytes()
            .any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')),
    )
}

/// Appends [`csv_text`] of `text` to `out`.
pub(crate) fn csv_text_into(text: &str, out: &mut String) {
    let (defuse, quote) = csv_needs(text);
    if quote {
        out.push('"');
    }
    if defuse {
        out.push('\'');
    }
    if quote {
        for (i, piece) in text.split('"').enumerate() {
            if i > 0 {
                out.push_str("\"\"");
            }
            out.push_str(piece);
        }
        out.push('"');
    } else {
        out.push_str(text);
    }
}

/// The length in bytes of [`csv_text`] of `text`, without making it.
pub(crate) fn csv_text_len(text: &str) -> usize {
    let (defuse, quote) = csv_needs(text);
    let quoting = if quote {
        2 + text.bytes().filter(|&b| b == b'"').count()
    } else {
        0
    };
    text.len() + usize::from(defuse) + quoting
}

fn number(value: &Value, _: &HashMap<String, Value>) -> Result<Value> {
    match value.as_f64() {
        Some(v) => Ok(to_value(crate::extract::format_value(v))?),
        None => Ok(value.clone()),
    }
}

/// Non-empty, as tera tests a value in `{% if %}`.
pub(crate) fn truthy<S: AsRef<str>>(s: &Option<S>) -> Option<&str> {
    s.as_ref().map(AsRef::as_ref).filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(v: Value) -> String {
        csv(&v, &HashMap::new())
            .unwrap()
            .as_str()
            .unwrap()
            .to_string()
    }

    #[test]
    fn csv_cells_are_quoted_and_defused() {
        assert_eq!(cell(Value::from("plain")), "plain");
        assert_eq!(cell(Value::from("a,b")), "\"a,b\"");
        assert_eq!(cell(Value::from("say \"hi\"")), "\"say \"\"hi\"\"\"");
        assert_eq!(
            cell(Value::from("=HYPERLINK(\"x\")")),
            "\"'=HYPERLINK(\"\"x\"\")\""
        );
        assert_eq!(cell(Value::from("-1+2")), "'-1+2");
        assert_eq!(cell(Value::from(-5)), "-5");
        assert_eq!(cell(Value::from(7000.0)), "7000");
        assert_eq!(cell(Value::from(1.5)), "1.5");
        assert_eq!(cell(Value::Null), "");
    }

    #[test]
    fn csv_text_len_is_the_length_of_the_cell() {
        for text in [
            "",
            "plain",
            "a,b",
            "say \"hi\"",
            "=HYPERLINK(\"x\")",
            "-1+2",
            "\tx",
            "\r\n",
            "line\nbreak",
            "\"",
            "é, ü \"ñ\"",
        ] {
            assert_eq!(csv_text_len(text), csv_text(text).len(), "{text:?}");
        }
    }

    fn apply(f: fn(&Value, &HashMap<String, Value>) -> Result<Value>, v: &str) -> String {
        f(&Value::from(v), &HashMap::new())
            .unwrap()
            .as_str()
            .unwrap()
            .to_string()
    }

    #[test]
    fn ics_text_escapes_specials() {
        assert_eq!(
            apply(ics_text, "a,b;c\\d\ne\r\nf"),
            "a\\,b\\;c\\\\d\\ne\\nf"
        );
    }

    #[test]
    fn ics_lines_fold_at_75_octets_with_crlf() {
        let long = format!("SUMMARY:{}", "é".repeat(80));
        let out = apply(ics_lines, &format!("BEGIN:X\n\n  \n{long}\nEND:X\n"));
        assert!(out.ends_with("END:X\r\n"));
        let lines: Vec<&str> = out.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert!(lines.iter().all(|l| l.len() <= 75), "{lines:?}");
        assert!(!out.replace("\r\n", "").contains('\n'));
        let unfolded = out.replace("\r\n ", "");
        assert!(unfolded.contains(&long));
        assert_eq!(unfolded.lines().count(), 3);
    }

    #[test]
    fn ics_escape_keeps_plain_text_and_blanks_controls() {
        assert_eq!(ics_escape("plain é “q” Ĉ"), "plain é “q” Ĉ");
        assert_eq!(ics_escape("a\tb\u{7f}c\u{85}d\u{a0}e"), "a b c d\u{a0}e");
    }

    #[test]
    fn ics_escape_is_the_character_rule() {
        // Character by character, as RFC 5545 states it.
        fn reference(text: &str) -> String {
            let mut out = String::new();
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    ';' => out.push_str("\\;"),
                    ',' => out.push_str("\\,"),
                    '\r' => {
                        if chars.peek() == Some(&'\n') {
                            chars.next();
                        }
                        out.push_str("\\n");
                    }
                    '\n' => out.push_str("\\n"),
                    c if c.is_control() => out.push(' '),
                    c => out.push(c),
                }
            }
            out
        }
        let alphabet = [
            "a", "é", "Ĉ", "“", "\\", ";", ",", "\r", "\n", "\t", "\u{7f}", "\u{85}", "\u{9f}",
            "\u{a0}", "\u{0}", " ", "😀",
        ];
        let mut state: u64 = 0x1234_5678_9abc_def1;
        for _ in 0..20_000 {
            let text: String = (0..state % 12)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    alphabet[(state % alphabet.len() as u64) as usize]
                })
                .collect();
            assert_eq!(ics_escape(&text), reference(&text), "{text:?}");
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        }
    }

    #[test]
    fn ics_line_folds_as_many_whole_characters_as_fit() {
        // Character by character: a fold before any character that would pass the limit.
        fn reference(line: &str) -> String {
            let mut out = String::new();
            let (mut limit, mut used) = (75, 0);
            for c in line.chars() {
                if used + c.len_utf8() > limit {
                    out.push_str("\r\n ");
                    limit = 74;
                    used = 0;
                }
                out.push(c);
                used += c.len_utf8();
            }
            out + "\r\n"
        }
        let mixed = "aé€😀".repeat(40);
        for line in [
            "x".repeat(75),
            "x".repeat(76),
            "x".repeat(300),
            "é".repeat(100),
            mixed.clone(),
            format!("b{mixed}"),
            format!("bc{mixed}"),
        ] {
            let mut out = String::new();
            ics_line(&line, &mut out);
            assert_eq!(out, reference(&line), "{line}");
        }
    }

    #[test]
    fn datetimes_are_valid_html_or_absent() {
        for (value, expected) in [
            ("2024-03-18", Some("2024-03-18")),
            ("2024-03-18TMO", Some("2024-03-18")),
            ("2023-07", Some("2023-07")),
            ("2023", Some("2023")),
            ("2024-W12", Some("2024-W12")),
            // HTML has no quarter, season, half year or decade: their first day.
            ("2024-Q1", Some("2024-01-01")),
            ("2024-Q4", Some("2024-10-01")),
            ("2023-SU", Some("2023-06-01")),
            ("2024-H2", Some("2024-07-01")),
            ("199", Some("1990-01-01")),
            ("9999-12-31", Some("9999-12-31")),
            // No calendar period, or a year no output writes.
            ("0000", None),
            ("10000-01-01", None),
            ("PRESENT_REF", None),
            ("P2Y", None),
            ("XXXX-07", None),
            ("", None),
        ] {
            assert_eq!(
                html_datetime(value).map(|d| d.to_string()).as_deref(),
                expected,
                "{value}"
            );
        }
    }

    #[test]
    fn script_json_cannot_close_the_script() {
        let out = apply(script_json, "</script><b>&");
        assert!(!out.contains('<') && !out.contains('>') && !out.contains('&'));
        let back: String = serde_json::from_str(&out).unwrap();
        assert_eq!(back, "</script><b>&");
    }
}
