//! A figure in, the series it belongs to out: the figures of one measure ("people displaced
//! (South Sudan)") form one series; a figure without a measure falls back to the thing it counts
//! ("containers"). Also the heading a series is shown under.

use std::borrow::Cow;

use crate::extract::FigureClaim;

/// What a figure table groups by.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum SeriesKey {
    /// Figures of one measure, case-folded with blanks collapsed ("people displaced (south
    /// sudan)").
    Named(String),
    /// Figures without a measure, by the thing they count ([`unit_key`]).
    Unit(String),
}

/// Where a series' name comes from. When the rows of a series name it differently, the name of
/// the strongest source is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum NameSource {
    /// The unit of a figure without a measure.
    Unit,
    /// The measure of a figure, as extracted or written in front matter.
    Measure,
}

/// The series a figure belongs to, and how that figure names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Membership<'a> {
    /// The series.
    pub(crate) key: SeriesKey,
    /// Its name as this figure gives it, blanks collapsed ("people displaced (South Sudan)",
    /// "containers").
    pub(crate) name: Cow<'a, str>,
    /// Where that name comes from.
    pub(crate) source: NameSource,
}

/// The name of the group of figures that have neither a measure nor a unit.
pub(crate) const NO_UNIT: &str = "other figures";

/// The grouping key of a unit: lowercase, simple plural folded ("Containers" ~ "container").
pub fn unit_key(unit: &str) -> String {
    let lower = unit.trim().to_lowercase();
    match lower.strip_suffix('s') {
        Some(stem) if stem.len() > 2 && !stem.ends_with('s') => stem.to_string(),
        _ => lower,
    }
}

/// The key of a series name: case-folded, blanks collapsed ("People  displaced" ~ "people
/// displaced").
pub fn name_key(name: &str) -> String {
    name.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The series `figure` belongs to by what it says: its measure, else its unit.
pub(crate) fn natural_series(figure: &FigureClaim) -> Membership<'_> {
    match figure.measure.as_deref().filter(|m| !m.trim().is_empty()) {
        Some(measure) => Membership {
            key: SeriesKey::Named(name_key(measure)),
            name: collapse_blanks(measure),
            source: NameSource::Measure,
        },
        None => {
            let unit = figure
                .unit
                .as_deref()
                .filter(|u| !u.trim().is_empty())
                .unwrap_or(NO_UNIT);
            Membership {
                key: SeriesKey::Unit(unit_key(unit)),
                name: collapse_blanks(unit),
                source: NameSource::Unit,
            }
        }
    }
}

/// `text` trimmed, with every run of blanks written as one space.
fn collapse_blanks(text: &str) -> Cow<'_, str> {
    let text = text.trim();
    if !text.contains("  ") && !text.contains(|c: char| c.is_whitespace() && c != ' ') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// The heading of a series named `name`: its first letter capitalized, the rest as written
/// ("People displaced (South Sudan)"); a series of money counted in a currency is headed by the
/// currency's name ("US dollars", not "Usd").
pub(crate) fn series_label(name: &str, source: NameSource, money: bool) -> String {
    let name = match source {
        NameSource::Unit if money => crate::money::currency_name(name),
        _ => name.to_string(),
    };
    upper_first(&name)
}

/// `text` with its first character in upper case and the rest untouched.
fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_keys_fold_plurals() {
        assert_eq!(unit_key("Containers"), "container");
        assert_eq!(unit_key("container"), "container");
        assert_eq!(unit_key("percent"), "percent");
        assert_eq!(unit_key("glass"), "glass");
    }

    #[test]
    fn name_keys_fold_case_and_blanks() {
        assert_eq!(
            name_key("  People \t displaced  (South Sudan) "),
            "people displaced (south sudan)"
        );
        assert_eq!(name_key("jobs cut"), name_key("Jobs  Cut"));
    }

    #[test]
    fn names_collapse_blanks() {
        assert_eq!(collapse_blanks(" jobs cut "), "jobs cut");
        assert!(matches!(collapse_blanks("jobs cut"), Cow::Borrowed(_)));
        assert_eq!(
            collapse_blanks("People \t displaced\n(X)"),
            "People displaced (X)"
        );
        assert_eq!(collapse_blanks("jobs\tcut"), "jobs cut");
    }

    #[test]
    fn labels_capitalize_the_first_letter_and_name_currencies() {
        assert_eq!(
            series_label("people displaced (South Sudan)", NameSource::Measure, false),
            "People displaced (South Sudan)"
        );
        assert_eq!(
            series_label("artillery rounds", NameSource::Unit, false),
            "Artillery rounds"
        );
        assert_eq!(series_label("USD", NameSource::Unit, true), "US dollars");
        assert_eq!(series_label("EUR", NameSource::Unit, true), "Euros");
        assert_eq!(series_label("GBP", NameSource::Unit, true), "Pounds");
        assert_eq!(series_label("JPY", NameSource::Unit, true), "Yen");
        assert_eq!(series_label("XOF", NameSource::Unit, true), "XOF");
        assert_eq!(
            series_label(NO_UNIT, NameSource::Unit, false),
            "Other figures"
        );
    }
}
