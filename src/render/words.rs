//! TIMEX3 values in words, for readers: `PRESENT_REF` is "now", `P2Y` "2 years", `XXXX-WXX-1`
//! "every Monday", `2024-02` with `mod: MID` "the middle of February 2024". The codes stay in the
//! data (`type`, `value`, `mod`) and the exports; pages show these words (`type_words`, `words`).

use crate::extract::TimexType;

/// What kind of time an expression names, as a reader would say it.
pub fn type_words(kind: TimexType) -> &'static str {
    match kind {
        TimexType::Date => "a date",
        TimexType::Time => "a time of day",
        TimexType::Duration => "a duration",
        TimexType::Set => "a recurring time",
    }
}

/// A TIMEX3 value in words, with its `mod` before it ("about", "the end of"); `None` when the value
/// has a form this does not read (the page then shows the code).
pub fn value_words(kind: TimexType, value: &str, modifier: Option<&str>) -> Option<String> {
    let words = match value {
        "PRESENT_REF" => Some("now".to_string()),
        "PAST_REF" => Some("the past".to_string()),
        "FUTURE_REF" => Some("the future".to_string()),
        _ => match kind {
            TimexType::Date => date(value),
            TimexType::Time => time(value),
            TimexType::Duration => duration(value),
            TimexType::Set => set(value),
        },
    }?;
    match modifier.filter(|m| !m.is_empty()) {
        None => Some(words),
        Some(m) => Some(format!("{} {words}", mod_words(m)?)),
    }
}

/// A TIMEX3 `mod` in words, placed before the value.
fn mod_words(modifier: &str) -> Option<&'static str> {
    Some(match modifier {
        "APPROX" => "about",
        "BEFORE" => "before",
        "AFTER" => "after",
        "ON_OR_BEFORE" => "on or before",
        "ON_OR_AFTER" => "on or after",
        "START" => "the start of",
        "MID" => "the middle of",
        "END" => "the end of",
        "LESS_THAN" => "less than",
        "MORE_THAN" => "more than",
        "EQUAL_OR_LESS" => "at most",
        "EQUAL_OR_MORE" => "at least",
        _ => return None,
    })
}

/// A TIMEX3 date value that names a calendar date or period, by the label pages use everywhere
/// ("July 2023", "week of …").
pub(crate) fn date(value: &str) -> Option<String> {
    crate::extract::Period::parse(value).map(|p| p.label())
}

/// A time of day, after its date when it has one: "26 January 2024, 10:45", "the morning".
fn time(value: &str) -> Option<String> {
    let (day, clock) = value.split_once('T')?;
    let clock = clock_words(clock)?;
    if day.is_empty() {
        return Some(clock);
    }
    Some(format!("{}, {clock}", date(day)?))
}

/// The part of a TIMEX3 time after `T`: `10:45`, `09` (the hour), or a part of the day.
fn clock_words(clock: &str) -> Option<String> {
    let part = match clock {
        "MO" => "the morning",
        "MI" => "midday",
        "AF" => "the afternoon",
        "EV" => "the evening",
        "NI" => "the night",
        "DT" => "the daytime",
        _ => "",
    };
    if !part.is_empty() {
        return Some(part.to_string());
    }
    let digits = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_digit());
    match clock.split_once(':') {
        None if digits(clock) => Some(format!("{clock}:00")),
        Some((h, m)) if digits(h) && digits(m) => Some(format!("{h}:{m}")),
        _ => None,
    }
}

/// A length of time: `P2Y` "2 years", `PT30M` "30 minutes", `P1Y6M` "1 year 6 months", `PXY`
/// "some years".
fn duration(value: &str) -> Option<String> {
    let parts = duration_parts(value)?;
    Some(
        parts
            .iter()
            .map(|(n, unit)| match n {
                None => format!("some {unit}s"),
                Some(n) if *n == "1" => format!("1 {unit}"),
                Some(n) => format!("{n} {unit}s"),
            })
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// The (number, unit) pairs of an ISO 8601 duration, the number `None` for `X`.
fn duration_parts(value: &str) -> Option<Vec<(Option<&str>, &'static str)>> {
    let rest = value.strip_prefix('P')?;
    let (days, clock) = match rest.split_once('T') {
        Some((d, c)) => (d, c),
        None => (rest, ""),
    };
    let mut parts = Vec::new();
    for (text, units) in [
        (
            days,
            &[('Y', "year"), ('M', "month"), ('W', "week"), ('D', "day")][..],
        ),
        (
            clock,
            &[('H', "hour"), ('M', "minute"), ('S', "second")][..],
        ),
    ] {
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if c.is_ascii_digit() || c == '.' || c == 'X' {
                continue;
            }
            let unit = units.iter().find(|(u, _)| *u == c)?.1;
            let n = &text[start..i];
            let n = match n {
                "" => return None,
                "X" => None,
                n if n.bytes().all(|b| b.is_ascii_digit() || b == b'.') => Some(n),
                _ => return None,
            };
            parts.push((n, unit));
            start = i + 1;
        }
        if start != text.len() {
            return None;
        }
    }
    (!parts.is_empty()).then_some(parts)
}

/// A recurring time: `P1W` "every week", `P2D` "every 2 days", `XXXX-WXX-1` "every Monday",
/// `XXXX-WXX-4TNI` "every Thursday, the night", `XXXX-06-30` "every 30 June".
fn set(value: &str) -> Option<String> {
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    use crate::extract::period::MONTHS;
    if let Some(parts) = duration_parts(value) {
        return match parts.as_slice() {
            [(Some("1"), unit)] => Some(format!("every {unit}")),
            [(Some(n), unit)] => Some(format!("every {n} {unit}s")),
            _ => None,
        };
    }
    if let Some(clock) = value.strip_prefix('T') {
        return Some(format!("every day, {}", clock_words(clock)?));
    }
    let (day, clock) = match value.split_once('T') {
        Some((d, c)) => (d, Some(clock_words(c)?)),
        None => (value, None),
    };
    let when = if let Some(weekday) = day.strip_prefix("XXXX-WXX-") {
        match weekday {
            "WE" => "every weekend".to_string(),
            d => format!(
                "every {}",
                DAYS.get(d.parse::<usize>().ok()?.checked_sub(1)?)?
            ),
        }
    } else if let Some(month_day) = day.strip_prefix("XXXX-") {
        let (m, d) = match month_day.split_once('-') {
            Some((m, d)) => (
                m,
                Some(d.parse::<u32>().ok().filter(|d| (1..=31).contains(d))?),
            ),
            None => (month_day, None),
        };
        let month = MONTHS.get(m.parse::<usize>().ok()?.checked_sub(1)?)?;
        match d {
            Some(d) => format!("every {d} {month}"),
            None => format!("every {month}"),
        }
    } else {
        return None;
    };
    Some(match clock {
        Some(c) => format!("{when}, {c}"),
        None => when,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(kind: TimexType, value: &str) -> Option<String> {
        value_words(kind, value, None)
    }

    #[test]
    fn references_and_dates_read_as_words() {
        assert_eq!(words(TimexType::Date, "PRESENT_REF").unwrap(), "now");
        assert_eq!(words(TimexType::Date, "PAST_REF").unwrap(), "the past");
        assert_eq!(
            words(TimexType::Date, "2024-01-26").unwrap(),
            "26 January 2024"
        );
        assert_eq!(
            value_words(TimexType::Date, "2024-02", Some("MID")).unwrap(),
            "the middle of February 2024"
        );
        assert_eq!(
            value_words(TimexType::Duration, "P2Y", Some("APPROX")).unwrap(),
            "about 2 years"
        );
        // An unknown mod leaves the code on the page rather than half a reading.
        assert_eq!(value_words(TimexType::Date, "2024", Some("ODD")), None);
    }

    #[test]
    fn durations_times_and_sets_read_as_words() {
        let d = |v| words(TimexType::Duration, v);
        assert_eq!(d("P1Y").unwrap(), "1 year");
        assert_eq!(d("P5Y").unwrap(), "5 years");
        assert_eq!(d("P3.5Y").unwrap(), "3.5 years");
        assert_eq!(d("PT30M").unwrap(), "30 minutes");
        assert_eq!(d("P1Y6M").unwrap(), "1 year 6 months");
        assert_eq!(d("PXY").unwrap(), "some years");
        assert_eq!(d("P"), None);
        assert_eq!(d("P3Q"), None);
        let t = |v| words(TimexType::Time, v);
        assert_eq!(t("2024-01-26T10:45").unwrap(), "26 January 2024, 10:45");
        assert_eq!(t("T15:30").unwrap(), "15:30");
        assert_eq!(t("2024-01-26TMO").unwrap(), "26 January 2024, the morning");
        assert_eq!(t("T9"), None);
        let s = |v| words(TimexType::Set, v);
        assert_eq!(s("P1W").unwrap(), "every week");
        assert_eq!(s("P2D").unwrap(), "every 2 days");
        assert_eq!(s("XXXX-WXX-1").unwrap(), "every Monday");
        assert_eq!(s("XXXX-WXX-4TNI").unwrap(), "every Thursday, the night");
        assert_eq!(s("XXXX-WXX-WE").unwrap(), "every weekend");
        assert_eq!(s("XXXX-06-30").unwrap(), "every 30 June");
        assert_eq!(s("XXXX-06").unwrap(), "every June");
        assert_eq!(s("T22").unwrap(), "every day, 22:00");
        assert_eq!(s("XXXX-WXX-9"), None);
        assert_eq!(s("XXXX-13"), None);
    }
}
