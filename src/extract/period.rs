//! A TIMEX3 date value in ("2023-07", "2024-Q1", "2023-SU", "2024-03-18TMO"), the calendar period it
//! names out: its first day, its precision, and a label that never invents a finer date.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    /// A day: 2024-03-18.
    Day,
    /// An ISO week: 2024-W12.
    Week,
    /// A month: 2023-07.
    Month,
    /// A quarter: 2024-Q1.
    Quarter,
    /// A season: 2023-SU.
    Season,
    /// A half year: 2024-H1.
    Half,
    /// A year: 2023.
    Year,
    /// A decade: 199 (the 1990s).
    Decade,
}

impl Precision {
    /// The label used in JSON.
    pub fn label(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Week => "week",
            Precision::Month => "month",
            Precision::Quarter => "quarter",
            Precision::Season => "season",
            Precision::Half => "half",
            Precision::Year => "year",
            Precision::Decade => "decade",
        }
    }
}

/// A calendar period named by a date value. Claims carry dates as periods from the tagger to the
/// page; the TIMEX3 string is written only at the edges (`report extract`, the exports, the
/// template context), and read back only where text comes in (front matter, the claims cache).
/// It serializes as that string ("2023-07").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Period {
    /// The value, without any time part ("2024-03-18").
    pub value: super::Text,
    /// First day of the period.
    pub start: NaiveDate,
    /// Precision.
    pub precision: Precision,
}

/// The months' names in English, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Period {
    /// Parses a concrete date value; `None` for references (PRESENT_REF), durations and
    /// unresolved values (XXXX-07).
    pub fn parse(value: &str) -> Option<Period> {
        let value = value.split('T').next()?;
        let num = |s: &str| -> Option<i32> {
            (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
                .then(|| s.parse().ok())
                .flatten()
        };
        let parts: Vec<&str> = value.split('-').collect();
        let (start, precision) = match parts.as_slice() {
            [y] if y.len() == 4 => (NaiveDate::from_ymd_opt(num(y)?, 1, 1)?, Precision::Year),
            [d] if d.len() == 3 => (
                NaiveDate::from_ymd_opt(num(d)? * 10, 1, 1)?,
                Precision::Decade,
            ),
            [y, m] if y.len() == 4 && m.len() == 2 && num(m).is_some() => (
                NaiveDate::from_ymd_opt(num(y)?, num(m)? as u32, 1)?,
                Precision::Month,
            ),
            [y, q] if y.len() == 4 && q.starts_with('Q') => {
                let q = num(&q[1..])?;
                if !(1..=4).contains(&q) {
                    return None;
                }
                (
                    NaiveDate::from_ymd_opt(num(y)?, (q as u32 - 1) * 3 + 1, 1)?,
                    Precision::Quarter,
                )
            }
            [y, h] if y.len() == 4 && h.starts_with('H') => {
                let h = num(&h[1..])?;
                if !(1..=2).contains(&h) {
                    return None;
                }
                (
                    NaiveDate::from_ymd_opt(num(y)?, (h as u32 - 1) * 6 + 1, 1)?,
                    Precision::Half,
                )
            }
            [y, w] if y.len() == 4 && w.starts_with('W') && num(&w[1..]).is_some() => {
                let week = num(&w[1..])? as u32;
                (
                    NaiveDate::from_isoywd_opt(num(y)?, week, chrono::Weekday::Mon)?,
                    Precision::Week,
                )
            }
            [y, s] if y.len() == 4 && matches!(*s, "SP" | "SU" | "FA" | "WI") => {
                let month = match *s {
                    "SP" => 3,
                    "SU" => 6,
                    "FA" => 9,
                    _ => 12,
                };
                (
                    NaiveDate::from_ymd_opt(num(y)?, month, 1)?,
                    Precision::Season,
                )
            }
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => (
                NaiveDate::from_ymd_opt(num(y)?, num(m)? as u32, num(d)? as u32)?,
                Precision::Day,
            ),
            _ => return None,
        };
        Some(Period {
            value: value.into(),
            start,
            precision,
        })
    }

    /// The day `date` as a period.
    pub fn day(date: NaiveDate) -> Period {
        Period {
            // `NaiveDate`'s Display is ISO 8601, without parsing a format string each time.
            value: compact_str::format_compact!("{date}"),
            start: date,
            precision: Precision::Day,
        }
    }

    /// The TIMEX3 value ("2023-07").
    pub fn as_str(&self) -> &str {
        &self.value
    }

    /// "18 March 2024", "July 2023", "Q1 2024", "summer 2023", "2023", "the 1990s".
    pub fn label(&self) -> String {
        label(self.start, self.precision)
    }

    /// The month group ("2023-07", "July 2023") a chronology files this period under; periods
    /// coarser than a month are filed under their own label.
    pub fn group(&self) -> (String, String) {
        match self.precision {
            Precision::Day | Precision::Week | Precision::Month => (
                self.start.format("%Y-%m").to_string(),
                format!(
                    "{} {}",
                    MONTHS[self.start.month0() as usize],
                    self.start.year()
                ),
            ),
            _ => (self.value.to_string(), self.label()),
        }
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.value)
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.value)
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Period::parse(&value).ok_or_else(|| {
            serde::de::Error::custom(format!("`{value}` is not a calendar date or period"))
        })
    }
}

/// A period written as two fields, `date` (its value) and `precision`, as events are in
/// `report extract` and `claims.json`; used with `#[serde(flatten, with = …)]`.
pub mod date_and_precision {
    use super::{Period, Precision};
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    struct Fields<'a> {
        #[serde(borrow)]
        date: std::borrow::Cow<'a, str>,
        precision: Precision,
    }

    /// Writes `date` and `precision`.
    pub fn serialize<S: Serializer>(period: &Period, serializer: S) -> Result<S::Ok, S::Error> {
        Fields {
            date: period.as_str().into(),
            precision: period.precision,
        }
        .serialize(serializer)
    }

    /// Reads `date` (the precision follows from it).
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Period, D::Error> {
        let fields = Fields::deserialize(deserializer)?;
        Period::parse(&fields.date).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "`{}` is not a calendar date or period",
                fields.date
            ))
        })
    }
}

/// The label of the period of `precision` starting on `start`: "18 March 2024", "July 2023",
/// "Q1 2024", "summer 2023", "2023", "the 1990s".
pub fn label(start: NaiveDate, precision: Precision) -> String {
    let y = start.year();
    let month = MONTHS[start.month0() as usize];
    match precision {
        Precision::Day => format!("{} {month} {y}", start.day()),
        Precision::Week => format!("week of {} {month} {y}", start.day()),
        Precision::Month => format!("{month} {y}"),
        Precision::Quarter => format!("Q{} {y}", start.month0() / 3 + 1),
        Precision::Half => format!("H{} {y}", start.month0() / 6 + 1),
        Precision::Season => {
            let name = match start.month() {
                3 => "spring",
                6 => "summer",
                9 => "autumn",
                _ => "winter",
            };
            format!("{name} {y}")
        }
        Precision::Year => y.to_string(),
        Precision::Decade => format!("the {y}s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_is_written_and_read_back_as_its_value() {
        let quarter = Period::parse("2024-Q1").unwrap();
        assert_eq!(serde_json::to_string(&quarter).unwrap(), r#""2024-Q1""#);
        assert_eq!(
            serde_json::from_str::<Period>(r#""2024-Q1""#).unwrap(),
            quarter
        );
        let refused = serde_json::from_str::<Period>(r#""PRESENT_REF""#).unwrap_err();
        assert!(
            refused
                .to_string()
                .contains("`PRESENT_REF` is not a calendar date or period"),
            "{refused}"
        );
        // An event writes its date as two fields, and reads its precision from the value.
        #[derive(Debug, PartialEq, Serialize, Deserialize)]
        struct Dated {
            #[serde(flatten, with = "date_and_precision")]
            date: Period,
            text: String,
        }
        let dated = Dated {
            date: Period::parse("2023-07").unwrap(),
            text: "It rained.".into(),
        };
        let json = serde_json::to_value(&dated).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"date": "2023-07", "precision": "month", "text": "It rained."})
        );
        assert_eq!(serde_json::from_value::<Dated>(json).unwrap(), dated);
    }

    #[test]
    fn parses_and_labels_values() {
        let cases = [
            ("2024-03-18", "18 March 2024", Precision::Day),
            ("2024-03-18TMO", "18 March 2024", Precision::Day),
            ("2023-07", "July 2023", Precision::Month),
            ("2024-Q1", "Q1 2024", Precision::Quarter),
            ("2023-SU", "summer 2023", Precision::Season),
            ("2023", "2023", Precision::Year),
            ("199", "the 1990s", Precision::Decade),
            ("2024-H2", "H2 2024", Precision::Half),
        ];
        for (value, label, precision) in cases {
            let p = Period::parse(value).unwrap();
            assert_eq!(
                (p.label().as_str(), p.precision),
                (label, precision),
                "{value}"
            );
        }
        for value in ["PRESENT_REF", "P2Y", "XXXX-07", "2024-13", "2024-02-30", ""] {
            assert!(Period::parse(value).is_none(), "{value}");
        }
    }
}
