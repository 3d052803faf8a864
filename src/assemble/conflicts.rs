//! The rows of one series in, the rows that conflict out: two rows conflict when they give the
//! same kind of figure for the same as-of date, come from different articles or speakers, and
//! their values cannot both be right given their qualifiers. Changes never conflict.
//!
//! The rules, as [`disagree`] applies them to two readings:
//! - exact values agree within 0.5%;
//! - when either is approximate ("about", "around", "nearly"), within 10%;
//! - a lower bound ("more than", "at least") disagrees only with a value below it, an upper bound
//!   ("up to", "less than") only with a value above it; two bounds disagree only when the upper
//!   one is below the lower one.

use std::collections::BTreeMap;

use crate::extract::{FigureClaim, FigureKind};

pub(crate) use crate::extract::readings::{Reading, disagree};

/// Who gives a figure: its article and its speaker. Two rows of one source never conflict.
type Source<'a> = (usize, Option<&'a str>);

/// The rows compared with each other: same as-of date, same kind, and for money the same
/// currency (amounts in two currencies are not compared: exchange rates are out of scope).
type Bucket<'a> = (&'a str, FigureKind, String);

/// One row to check: where it belongs, who gives it and what it says.
#[derive(Debug, Clone)]
pub(crate) struct Checked<'a> {
    bucket: Bucket<'a>,
    source: Source<'a>,
    reading: Reading,
}

/// The row of `figure` (from article `article`) as conflicts see it, or `None` when it is never
/// compared: a change, a figure without an as-of date, or one without a measure (grouped only by
/// its unit, with figures that measure other things: "US dollars" holds a fund's size and its
/// outflow).
pub(crate) fn checked(article: usize, figure: &FigureClaim) -> Option<Checked<'_>> {
    if figure.kind == FigureKind::Change
        || figure.direction.is_some()
        || figure.series_measure().is_none()
    {
        return None;
    }
    let currency = match figure.kind {
        FigureKind::Money => figure.unit.as_deref().unwrap_or("").to_lowercase(),
        _ => String::new(),
    };
    Some(Checked {
        bucket: (figure.as_of.as_ref()?.as_str(), figure.kind, currency),
        source: (article, figure.said_by.as_deref()),
        reading: Reading::of(figure.value, figure.qualifier),
    })
}

/// Which of `rows` conflict with another of them.
///
/// Comparing every pair would be quadratic in a bucket; instead each bucket keeps, for each kind
/// of reading, its lowest and highest values from two different sources. Whether a row disagrees
/// with a reading of one kind only grows as that reading's value moves away from the row's, so
/// if any reading of the kind disagrees with it, the lowest or the highest from another source
/// does.
pub(crate) fn conflicts(rows: &[Option<Checked<'_>>]) -> Vec<bool> {
    let mut buckets: BTreeMap<&Bucket<'_>, [Extremes<'_>; 4]> = BTreeMap::new();
    for row in rows.iter().flatten() {
        let extremes = &mut buckets.entry(&row.bucket).or_default()[row.reading.category()];
        extremes.offer(row.reading.value(), row.source);
    }
    rows.iter()
        .map(|row| {
            let Some(row) = row else {
                return false;
            };
            buckets[&row.bucket]
                .iter()
                .enumerate()
                .any(|(category, extremes)| {
                    extremes
                        .others(row.source)
                        .any(|value| disagree(row.reading, Reading::with_category(category, value)))
                })
        })
        .collect()
}

/// The lowest and the highest values of one kind of reading in a bucket.
#[derive(Debug, Default, Clone, Copy)]
struct Extremes<'a> {
    low: Best<'a>,
    high: Best<'a>,
}

impl<'a> Extremes<'a> {
    fn offer(&mut self, value: f64, source: Source<'a>) {
        self.low.offer(value, source, |a, b| a < b);
        self.high.offer(value, source, |a, b| a > b);
    }

    /// The lowest and highest values from sources other than `source`.
    fn others(&self, source: Source<'a>) -> impl Iterator<Item = f64> {
        [self.low.other_than(source), self.high.other_than(source)]
            .into_iter()
            .flatten()
    }
}

/// The best value offered, and the best from a source other than the best's.
#[derive(Debug, Default, Clone, Copy)]
struct Best<'a> {
    first: Option<(f64, Source<'a>)>,
    second: Option<(f64, Source<'a>)>,
}

impl<'a> Best<'a> {
    fn offer(&mut self, value: f64, source: Source<'a>, better: fn(f64, f64) -> bool) {
        match self.first {
            None => self.first = Some((value, source)),
            Some((best, best_source)) if better(value, best) => {
                if best_source != source {
                    self.second = self.first;
                }
                self.first = Some((value, source));
            }
            Some((_, best_source)) => {
                if best_source != source && self.second.is_none_or(|(v, _)| better(value, v)) {
                    self.second = Some((value, source));
                }
            }
        }
    }

    /// The best value from a source other than `source`.
    fn other_than(&self, source: Source<'a>) -> Option<f64> {
        match self.first {
            Some((value, s)) if s != source => Some(value),
            _ => self.second.map(|(value, _)| value),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Reading::{About, AtLeast, AtMost, Exact};
    use super::*;
    use crate::extract::Qualifier;

    fn row<'a>(
        article: usize,
        said_by: Option<&'a str>,
        as_of: &'a str,
        reading: Reading,
    ) -> Option<Checked<'a>> {
        Some(Checked {
            bucket: (as_of, FigureKind::Level, String::new()),
            source: (article, said_by),
            reading,
        })
    }

    #[test]
    fn exact_values_agree_within_half_a_percent() {
        assert!(!disagree(Exact(1000.0), Exact(1004.0)));
        assert!(!disagree(Exact(1000.0), Exact(995.0)));
        assert!(disagree(Exact(1000.0), Exact(1006.0)));
        assert!(disagree(Exact(3000.0), Exact(4500.0)));
    }

    #[test]
    fn approximate_values_agree_within_ten_percent() {
        assert!(!disagree(About(7000.0), Exact(7500.0)));
        assert!(!disagree(Exact(6400.0), About(7000.0)));
        assert!(!disagree(About(7000.0), About(7700.0)));
        assert!(disagree(About(7000.0), Exact(7800.0)));
        assert!(disagree(Exact(6200.0), About(7000.0)));
        // "nearly" is approximate too.
        assert!(!disagree(
            Reading::of(1000.0, Some(Qualifier::Nearly)),
            Exact(950.0)
        ));
    }

    #[test]
    fn a_lower_bound_conflicts_only_with_a_value_below_it() {
        let more_than = Reading::of(1000.0, Some(Qualifier::MoreThan));
        assert_eq!(more_than, AtLeast(1000.0));
        assert_eq!(Reading::of(1000.0, Some(Qualifier::AtLeast)), more_than);
        assert!(!disagree(more_than, Exact(7000.0)), "above: consistent");
        assert!(!disagree(more_than, Exact(1000.0)), "at the bound");
        assert!(disagree(more_than, Exact(800.0)));
        assert!(disagree(Exact(800.0), more_than));
        // An approximate value may reach the bound.
        assert!(!disagree(more_than, About(950.0)));
        assert!(disagree(more_than, About(850.0)));
        // Two lower bounds never conflict.
        assert!(!disagree(more_than, AtLeast(5.0)));
    }

    #[test]
    fn an_upper_bound_conflicts_only_with_a_value_above_it() {
        let up_to = Reading::of(1000.0, Some(Qualifier::UpTo));
        assert_eq!(up_to, AtMost(1000.0));
        assert_eq!(Reading::of(1000.0, Some(Qualifier::LessThan)), up_to);
        assert!(!disagree(up_to, Exact(700.0)), "below: consistent");
        assert!(disagree(up_to, Exact(1200.0)));
        assert!(disagree(Exact(1200.0), up_to));
        assert!(!disagree(up_to, About(1050.0)));
        assert!(disagree(up_to, About(1150.0)));
        assert!(!disagree(up_to, AtMost(5.0)));
        // A lower and an upper bound conflict when they leave no value between them.
        assert!(disagree(up_to, AtLeast(1500.0)));
        assert!(!disagree(up_to, AtLeast(500.0)));
    }

    #[test]
    fn rows_conflict_only_across_sources_at_one_date() {
        let flags = conflicts(&[
            // The same article and speaker twice: never a conflict.
            row(0, Some("ministry"), "2024-05-02", Exact(3000.0)),
            row(0, Some("ministry"), "2024-05-02", Exact(4500.0)),
            // Another date.
            row(1, Some("Red Cross"), "2024-05-01", Exact(9000.0)),
            // A change (not compared).
            None,
        ]);
        assert_eq!(flags, [false, false, false, false]);
        // Another article, or another speaker in the same article: a conflict.
        let flags = conflicts(&[
            row(0, Some("ministry"), "2024-05-02", Exact(3000.0)),
            row(1, Some("ministry"), "2024-05-02", Exact(4500.0)),
            row(2, Some("police"), "2024-05-02", Exact(3000.0)),
            row(2, Some("mayor"), "2024-05-02", Exact(3001.0)),
        ]);
        assert_eq!(flags, [true, true, true, true]);
    }

    #[test]
    fn changes_and_undated_figures_are_never_compared() {
        let mut figure = FigureClaim {
            text: "".into(),
            start: 0,
            end: 0,
            value: 300.0,
            unit: Some("homes".into()),
            measure: None,
            scope: None,
            qualifier: None,
            kind: FigureKind::Change,
            direction: None,
            status: None,
            said_by: None,
            said_by_kind: None,
            as_of: crate::extract::Period::parse("2024-05-02"),
            sentence: "".into(),
            hand: false,
            span: 0..0,
        };
        assert!(checked(0, &figure).is_none());
        figure.kind = FigureKind::Percent;
        figure.direction = Some(crate::extract::Direction::Down);
        assert!(checked(0, &figure).is_none(), "fell 3%: a change");
        figure.direction = None;
        assert!(
            checked(0, &figure).is_none(),
            "no measure: no series to disagree in"
        );
        figure.measure = Some("inflation".into());
        assert!(checked(0, &figure).is_some());
        figure.as_of = None;
        assert!(checked(0, &figure).is_none());
    }

    /// The linear check flags exactly the rows that comparing every pair flags, on random
    /// buckets mixing sources, dates, qualifiers and values (some negative).
    #[test]
    fn the_linear_check_agrees_with_comparing_every_pair() {
        let mut next = crate::testing::xorshift(0x9e37_79b9_7f4a_7c15);
        let speakers = [None, Some("a"), Some("b")];
        let dates = ["2024-01", "2024-02"];
        let mut seen = [0, 0];
        for _ in 0..3000 {
            let n = (next() % 9) as usize;
            let rows: Vec<Option<Checked<'_>>> = (0..n)
                .map(|_| {
                    if next().is_multiple_of(10) {
                        return None;
                    }
                    let value = (next() % 2000) as f64 - 200.0;
                    let reading = Reading::with_category((next() % 4) as usize, value);
                    row(
                        (next() % 3) as usize,
                        speakers[(next() % 3) as usize],
                        dates[(next() % 2) as usize],
                        reading,
                    )
                })
                .collect();
            let pairwise: Vec<bool> = rows
                .iter()
                .map(|a| {
                    let Some(a) = a else { return false };
                    rows.iter().flatten().any(|b| {
                        a.bucket == b.bucket
                            && a.source != b.source
                            && disagree(a.reading, b.reading)
                    })
                })
                .collect();
            assert_eq!(conflicts(&rows), pairwise, "{rows:?}");
            for flag in pairwise {
                seen[usize::from(flag)] += 1;
            }
        }
        assert!(seen[0] > 1000 && seen[1] > 1000, "{seen:?}");
    }
}
