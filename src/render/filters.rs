//! Custom tera filters: `csv` (one safe CSV cell) and `number` (7000 → "7,000").

use std::collections::HashMap;

use tera::{Result, Tera, Value, to_value};

/// Registers every custom filter.
pub fn register(tera: &mut Tera) {
    tera.register_filter("csv", csv);
    tera.register_filter("number", number);
}

/// Renders a value as one CSV cell: quoted when needed, and a leading `=`, `+`, `-`, `@`, tab or
/// carriage return neutralized with an apostrophe so spreadsheets do not run it as a formula.
fn csv(value: &Value, _: &HashMap<String, Value>) -> Result<Value> {
    let text = match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Number(n) => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            _ => n.to_string(),
        },
        other => other.to_string(),
    };
    let is_number = matches!(value, Value::Number(_));
    let text = if !is_number && text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    };
    let quoted = if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    };
    Ok(to_value(quoted)?)
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
}
