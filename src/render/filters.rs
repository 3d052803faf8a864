//! Custom tera filters: `csv` (one safe CSV cell), `number` (7000 → "7,000"), `ics_text` (one
//! escaped iCalendar TEXT value), `ics_lines` (a whole calendar folded at 75 octets with CRLF line
//! ends) and `script_json` (JSON safe inside an HTML `<script>` element).

use std::collections::HashMap;

use tera::{Result, Tera, Value, to_value};

/// Registers every custom filter.
pub fn register(tera: &mut Tera) {
    tera.register_filter("csv", csv);
    tera.register_filter("number", number);
    tera.register_filter("ics_text", ics_text);
    tera.register_filter("ics_lines", ics_lines);
    tera.register_filter("script_json", script_json);
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
    let mut out = String::with_capacity(text.len());
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
            // Other control characters are not allowed in TEXT.
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
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
    let mut limit = 75;
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > limit {
            out.push_str("\r\n ");
            // The leading space counts towards the 75 octets.
            limit = 74;
            used = 0;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// Encodes any value as JSON that can sit inside `<script type="application/ld+json">`: `<`, `>`
/// and `&` become `\u003c`, `\u003e`, `\u0026`, so a `</script>` in the data cannot end the element.
/// Use with `| safe` in HTML templates.
fn script_json(value: &Value, _: &HashMap<String, Value>) -> Result<Value> {
    Ok(to_value(script_safe(serde_json::to_string(value)?))?)
}

/// The escaping of [`script_json`], on JSON text.
pub(crate) fn script_safe(json: String) -> String {
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
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        serde_json::Number::from_f64(f).map_or_else(String::new, |n| n.to_string())
    }
}

/// A text as a CSV cell: defused and quoted as [`csv`] does.
pub(crate) fn csv_text(text: &str) -> String {
    let defused = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

fn number(value: &Value, _: &HashMap<String, Value>) -> Result<Value> {
    match value.as_f64() {
        Some(v) => Ok(to_value(crate::extract::format_value(v))?),
        None => Ok(value.clone()),
    }
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
    fn script_json_cannot_close_the_script() {
        let out = apply(script_json, "</script><b>&");
        assert!(!out.contains('<') && !out.contains('>') && !out.contains('&'));
        let back: String = serde_json::from_str(&out).unwrap();
        assert_eq!(back, "</script><b>&");
    }
}
