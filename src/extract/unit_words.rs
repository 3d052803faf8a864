//! Tokens in, units out: the unit written beside a number of a figure, read from the tokens
//! around it. A currency's name after the amount ("swiss francs", "dlrs"), a unit of measure
//! ("square metres", "km/hr", "(kg)"), the dollar a prefix names ("US$", "C $"), sterling told from
//! weight ("1.2 billion pounds"), an age ("five years old") and the cents of an amount in two units
//! ("3 dollars 50 cents"). The words themselves are data in [`super::units`]; [`super::figures`]
//! asks these readers.

use super::figures::lower;
use super::numbers;
use super::tokens::Token;
use super::units::{CURRENCY_SYMBOLS, CURRENCY_WORDS, DOLLAR_PREFIXES, EXACT_UNITS, UNITS};

/// A unit of measure named by `word`.
pub(super) fn unit_name(word: &str) -> Option<&'static str> {
    if let Some((_, u)) = EXACT_UNITS.iter().find(|(w, _)| *w == word) {
        return Some(u);
    }
    let w = word.to_lowercase();
    UNITS.iter().find(|(a, _)| *a == w).map(|(_, u)| *u)
}

/// Whether "pounds" at token `at` is sterling rather than weight: after an amount in millions
/// ("1.2 billion pounds", "a 5 million pound fine") or before its conversion into another
/// currency ("40 pounds ($52)"), and never before "of" ("2 million pounds of beef").
pub(super) fn sterling_after(tokens: &[Token<'_>], at: usize, scaled: bool) -> bool {
    let is = |k: usize, w: &str| tokens.get(k).is_some_and(|t| t.lower() == w);
    if !(is(at, "pounds") || is(at, "pound")) || is(at + 1, "of") {
        return false;
    }
    let converted = is(at + 1, "(")
        && tokens
            .get(at + 2)
            .is_some_and(|t| CURRENCY_SYMBOLS.iter().any(|(s, _)| *s == t.text));
    scaled || converted
}

/// A currency named by the words at token `at` ("dollars", "swiss francs"): the number of tokens
/// and the code.
pub(super) fn currency_word(tokens: &[Token<'_>], at: usize) -> Option<(usize, &'static str)> {
    let mut best: Option<(usize, &'static str)> = None;
    // Most words are no currency's first word: one lowercase and one comparison each.
    let first = lower(tokens.get(at)?);
    // A name's first word ends at its first space or period, so holds neither.
    if first.contains([' ', '.']) {
        return None;
    }
    for (name, code) in CURRENCY_WORDS {
        let first_word = name
            .strip_prefix(first.as_ref())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '.']));
        if !first_word {
            continue;
        }
        let mut k = at;
        let mut ok = true;
        for part in name.split(' ') {
            // "u.s." is tokenized "u" "." "s" ".".
            for piece in part.split_inclusive('.') {
                let (w, dot) = match piece.strip_suffix('.') {
                    Some(w) => (w, true),
                    None => (piece, false),
                };
                if tokens.get(k).map(lower).as_deref() != Some(w) {
                    ok = false;
                    break;
                }
                k += 1;
                if dot {
                    if tokens.get(k).is_some_and(|t| t.text == ".") {
                        k += 1;
                    } else {
                        ok = false;
                        break;
                    }
                }
            }
            if !ok {
                break;
            }
        }
        if ok && best.is_none_or(|(n, _)| k - at > n) {
            best = Some((k - at, code));
        }
    }
    best
}

/// A unit of measure at token `at`: its name and the index after it. Takes "square metres",
/// "metric tons", "km/hr", "miles an hour", "degrees celsius" and bracketed units ("(kg)").
pub(super) fn measure_unit(tokens: &[Token<'_>], at: usize) -> Option<(String, usize)> {
    let w = |k: usize| tokens.get(k).map(lower).unwrap_or_default();
    let raw = |k: usize| tokens.get(k).map_or("", |t| t.text);
    // "(kg)", "[kg]", "{kg}", "<kg>".
    let close = match raw(at) {
        "(" => Some(")"),
        "[" => Some("]"),
        "{" => Some("}"),
        "<" => Some(">"),
        _ => None,
    };
    if let Some(close) = close
        && let Some(u) = unit_name(raw(at + 1))
        && raw(at + 2) == close
    {
        return Some((u.to_string(), at + 3));
    }
    let (mut name, mut next) = match w(at).as_ref() {
        "square" | "sq" | "cubic" => {
            let u = unit_name(raw(at + 1))?;
            let dim = if w(at) == "cubic" { "cubic" } else { "square" };
            (format!("{dim} {u}"), at + 2)
        }
        "metric" if matches!(w(at + 1).as_ref(), "ton" | "tons" | "tonne" | "tonnes") => {
            ("metric tons".to_string(), at + 2)
        }
        _ => (unit_name(raw(at))?.to_string(), at + 1),
    };
    // "deg.", "degrees celsius", "degrees f".
    if name == "degrees" {
        if raw(next) == "." && raw(at) == "deg" {
            next += 1;
        }
        match w(next).as_ref() {
            "c" | "celsius" | "celcius" | "centigrade" | "centigrate" => {
                name = "degrees Celsius".into();
                next += 1;
            }
            "f" | "fahrenheit" | "farenheit" => {
                name = "degrees Fahrenheit".into();
                next += 1;
            }
            _ => {}
        }
    }
    // Rates: "km/hr", "miles an hour", "metres per second".
    let per = match (w(next).as_ref(), w(next + 1).as_ref()) {
        ("/", "hr" | "h") | ("per" | "an" | "a", "hour") => Some("hour"),
        ("per" | "a" | "/", "second" | "s") => Some("second"),
        _ => None,
    };
    if let Some(per) = per
        && !name.contains(" per ")
        && !name.starts_with("degrees")
    {
        name = format!("{name} per {per}");
        next += 2;
    }
    Some((name, next))
}

/// The dollar named by the letters before a "$" at token `d`: the code and the first token.
pub(super) fn dollar_prefix(tokens: &[Token<'_>], d: usize) -> Option<(&'static str, usize)> {
    let dollar = tokens.get(d)?;
    let p = tokens.get(d.checked_sub(1)?)?;
    // "u.s $", "U.S.$".
    if d >= 3 {
        let u = tokens.get(d - 3).map(lower);
        let dot = tokens.get(d - 2).map(|t| t.text);
        if u.as_deref() == Some("u") && dot == Some(".") && lower(p) == "s" {
            return Some(("USD", d - 3));
        }
    }
    if d >= 4 && p.text == "." {
        let u = tokens.get(d - 4).map(lower);
        let s = tokens.get(d - 2).map(lower);
        if u.as_deref() == Some("u") && s.as_deref() == Some("s") {
            return Some(("USD", d - 4));
        }
    }
    let glued = p.end == dollar.start;
    let w = lower(p);
    DOLLAR_PREFIXES
        .iter()
        .find(|(name, _, spaced)| *name == w && (glued || *spaced))
        .map(|(_, code, _)| (*code, d - 1))
}

/// Whether the figure at token `i` is an age ("five years old", "6 weeks of age") and the index
/// after it.
pub(super) fn age_after(tokens: &[Token<'_>], at: usize) -> Option<(String, usize)> {
    let w = |k: usize| tokens.get(k).map(lower).unwrap_or_default();
    let span = match w(at).as_ref() {
        "year" | "years" => "years",
        "month" | "months" => "months",
        "week" | "weeks" => "weeks",
        "day" | "days" => "days",
        _ => return None,
    };
    if w(at + 1) == "old" {
        return Some((format!("{span} old"), at + 2));
    }
    if w(at + 1) == "of" && w(at + 2) == "age" {
        return Some((format!("{span} old"), at + 3));
    }
    None
}

/// Cents after an amount in dollars at token `at`: "[and] 50 cents", or "[and] forty five" closing
/// the sentence or clause. Returns the cents and the index after them.
pub(super) fn cents_after(
    tokens: &[Token<'_>],
    at: usize,
    next: Option<&numbers::Num>,
) -> Option<(f64, usize)> {
    let n = next?;
    let mut k = at;
    if tokens.get(k).map(lower).as_deref() == Some("and") {
        k += 1;
    }
    if tokens.get(k)?.start != n.range.start || n.value >= 100.0 || n.value.fract() != 0.0 {
        return None;
    }
    let after = tokens.partition_point(|t| t.start < n.range.end);
    if tokens.get(after - 1)?.end != n.range.end {
        return None;
    }
    match tokens.get(after).map(lower).as_deref() {
        Some("cents" | "cent" | "pence" | "p") => Some((n.value, after + 1)),
        None | Some("." | "," | ";" | "!" | "?") => Some((n.value, after)),
        _ => None,
    }
}
