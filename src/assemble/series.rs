//! A figure in, the series it belongs to out: the figures of one measure ("people displaced
//! (South Sudan)") form one series; a figure without a measure falls back to the thing it counts
//! ("containers"); the analyst's `series:` in a briefing's front matter renames, merges and
//! splits series. Also the heading a series is shown under.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::content::{SeriesName, SeriesTarget};
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
    /// The analyst's name for the series (`series:` in the briefing's front matter).
    Analyst,
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
    match figure.series_measure() {
        Some(measure) => Membership {
            key: SeriesKey::Named(name_key(&measure)),
            name: match measure {
                Cow::Borrowed(m) => collapse_blanks(m),
                Cow::Owned(m) => Cow::Owned(collapse_blanks(&m).into_owned()),
            },
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

/// The analyst's names for series (a briefing's `series:`), to apply to its figures: an entry
/// for one figure first, else the entry for the figure's measure, else, for a figure without a
/// measure, the entry for its unit.
pub(crate) struct AnalystNames<'a> {
    entries: &'a [SeriesName],
    /// By article slug: (figure index, entry).
    by_figure: HashMap<&'a str, Vec<(usize, usize)>>,
    /// By [`name_key`] of the measure: the entry.
    by_measure: HashMap<String, usize>,
    /// By [`unit_key`] of the key: the entry.
    by_unit: HashMap<String, usize>,
    /// Which entries named a figure.
    used: Vec<bool>,
    /// Entries that name the figures an earlier entry names, with that entry: never applied.
    repeated: Vec<(usize, usize)>,
}

impl<'a> AnalystNames<'a> {
    /// Ready to apply `entries`, in the order of the file: of two keys naming the same figures,
    /// the first applies.
    pub(crate) fn new(entries: &'a [SeriesName]) -> Self {
        let mut names = AnalystNames {
            entries,
            by_figure: HashMap::new(),
            by_measure: HashMap::new(),
            by_unit: HashMap::new(),
            used: vec![false; entries.len()],
            repeated: Vec::new(),
        };
        for (i, entry) in entries.iter().enumerate() {
            let first = match &entry.target {
                SeriesTarget::Figure { article, index } => {
                    let figures = names.by_figure.entry(article.as_str()).or_default();
                    match figures.iter().find(|(f, _)| f == index) {
                        Some(&(_, first)) => Some(first),
                        None => {
                            figures.push((*index, i));
                            None
                        }
                    }
                }
                SeriesTarget::Measure(measure) => {
                    names.by_unit.entry(unit_key(measure)).or_insert(i);
                    match names.by_measure.get(&name_key(measure)) {
                        Some(&first) => Some(first),
                        None => {
                            names.by_measure.insert(name_key(measure), i);
                            None
                        }
                    }
                }
            };
            if let Some(first) = first {
                names.repeated.push((i, first));
            }
        }
        names
    }

    /// Whether there is no entry.
    pub(crate) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The analyst's name for `figure`, the figure at `index` of article `slug`, if the analyst
    /// gives it one.
    pub(crate) fn name_for(
        &mut self,
        slug: &str,
        index: usize,
        figure: &FigureClaim,
    ) -> Option<&'a str> {
        let own = self
            .by_figure
            .get(slug)
            .and_then(|figures| figures.iter().find(|(f, _)| *f == index))
            .map(|&(_, entry)| entry);
        let entry = own.or_else(|| match figure.series_measure() {
            Some(measure) => self.by_measure.get(&name_key(&measure)).copied(),
            None => {
                let unit = figure.unit.as_deref().filter(|u| !u.trim().is_empty());
                self.by_unit
                    .get(&unit_key(unit.unwrap_or(NO_UNIT)))
                    .copied()
            }
        })?;
        self.used[entry] = true;
        Some(&self.entries[entry].name)
    }

    /// The entries that named no figure, and those that repeat an earlier one (with it).
    pub(crate) fn unused(&self) -> (Vec<&'a SeriesName>, Vec<(&'a SeriesName, &'a SeriesName)>) {
        let repeated: Vec<_> = self
            .repeated
            .iter()
            .map(|&(i, first)| (&self.entries[i], &self.entries[first]))
            .collect();
        let unused = (0..self.entries.len())
            .filter(|&i| !self.used[i] && !self.repeated.iter().any(|&(r, _)| r == i))
            .map(|i| &self.entries[i])
            .collect();
        (unused, repeated)
    }
}

/// The series the analyst's `name` stands for: the series of that measure or name when the
/// briefing has one; else the series counting that unit when it has one (a figure moved to
/// "containers" joins the containers); else a series of its own.
pub(crate) fn analyst_series<'a>(name: &'a str, natural: &HashSet<SeriesKey>) -> Membership<'a> {
    let named = SeriesKey::Named(name_key(name));
    let counted = SeriesKey::Unit(unit_key(name));
    let key = if !natural.contains(&named) && natural.contains(&counted) {
        counted
    } else {
        named
    };
    Membership {
        key,
        name: collapse_blanks(name),
        source: NameSource::Analyst,
    }
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
    fn a_forecast_is_a_series_apart_from_the_outcome_it_measures() {
        let outcome = FigureClaim {
            text: "2.6%".into(),
            start: 0,
            end: 0,
            value: 2.6,
            unit: Some("percent".into()),
            measure: Some("inflation (ECB)".into()),
            scope: Some("ECB".into()),
            qualifier: None,
            kind: crate::extract::FigureKind::Percent,
            direction: None,
            status: None,
            said_by: None,
            said_by_kind: None,
            as_of: crate::extract::Period::parse("2024-05"),
            sentence: "".into(),
            hand: false,
            span: 0..0,
        };
        let forecast = FigureClaim {
            status: Some(crate::extract::status::Status::Forecast),
            ..outcome.clone()
        };
        let (a, b) = (natural_series(&outcome), natural_series(&forecast));
        assert_eq!(a.key, SeriesKey::Named("inflation (ecb)".into()));
        assert_eq!(b.key, SeriesKey::Named("inflation forecast (ecb)".into()));
        assert_eq!(b.name, "inflation forecast (ECB)");
        // Without a scope, the words go last.
        let unscoped = FigureClaim {
            measure: Some("inflation".into()),
            scope: None,
            ..forecast
        };
        assert_eq!(natural_series(&unscoped).name, "inflation forecast");
    }

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
