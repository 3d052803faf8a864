//! Whether two readings of one quantity can both be right, given their qualifiers:
//! - exact values agree within 0.5%;
//! - when either is approximate ("about", "around", "nearly"), within 10%;
//! - a lower bound ("more than", "at least") disagrees only with a value below it, an upper bound
//!   ("up to", "less than") only with a value above it; two bounds disagree only when the upper
//!   one is below the lower one.
//!
//! Extraction asks it of two figures of one measure in one article, the briefing's conflict
//! check of two rows of one series.

use super::figures::Qualifier;

/// How far apart two exact values may be and still agree, as a share of the larger.
const EXACT: f64 = 0.005;
/// The same when either value is approximate.
const APPROXIMATE: f64 = 0.10;

/// What a row says about the true value, by its qualifier.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Reading {
    /// "7,000".
    Exact(f64),
    /// "about 7,000", "around 7,000", "nearly 7,000".
    About(f64),
    /// "more than 1,000", "at least 1,000".
    AtLeast(f64),
    /// "up to 1,000", "less than 1,000".
    AtMost(f64),
}

impl Reading {
    /// The reading of `value` with `qualifier`.
    pub(crate) fn of(value: f64, qualifier: Option<Qualifier>) -> Self {
        match qualifier {
            None => Reading::Exact(value),
            Some(Qualifier::Approximately | Qualifier::Nearly) => Reading::About(value),
            Some(Qualifier::MoreThan | Qualifier::AtLeast) => Reading::AtLeast(value),
            Some(Qualifier::UpTo | Qualifier::LessThan) => Reading::AtMost(value),
        }
    }

    pub(crate) fn value(self) -> f64 {
        match self {
            Reading::Exact(v) | Reading::About(v) | Reading::AtLeast(v) | Reading::AtMost(v) => v,
        }
    }

    /// How far from its value the true value may be, as a share of it.
    fn tolerance(self) -> f64 {
        match self {
            Reading::About(_) => APPROXIMATE,
            _ => EXACT,
        }
    }

    /// The largest value a point reading allows.
    fn highest(self) -> f64 {
        self.value() + self.tolerance() * self.value().abs()
    }

    /// The smallest value a point reading allows.
    fn lowest(self) -> f64 {
        self.value() - self.tolerance() * self.value().abs()
    }

    /// Which of the four kinds of reading it is, as an index.
    pub(crate) fn category(self) -> usize {
        match self {
            Reading::Exact(_) => 0,
            Reading::About(_) => 1,
            Reading::AtLeast(_) => 2,
            Reading::AtMost(_) => 3,
        }
    }

    /// A reading of the kind of `category` with `value`.
    pub(crate) fn with_category(category: usize, value: f64) -> Self {
        match category {
            0 => Reading::Exact(value),
            1 => Reading::About(value),
            2 => Reading::AtLeast(value),
            _ => Reading::AtMost(value),
        }
    }
}

/// Whether two readings of the same thing at the same date cannot both be right.
pub(crate) fn disagree(a: Reading, b: Reading) -> bool {
    use Reading::{AtLeast, AtMost};
    match (a, b) {
        (AtLeast(_), AtLeast(_)) | (AtMost(_), AtMost(_)) => false,
        (AtLeast(low), AtMost(high)) | (AtMost(high), AtLeast(low)) => high < low,
        (AtLeast(low), point) | (point, AtLeast(low)) => point.highest() < low,
        (AtMost(high), point) | (point, AtMost(high)) => point.lowest() > high,
        (a, b) => {
            let tolerance = a.tolerance().max(b.tolerance());
            let (x, y) = (a.value(), b.value());
            (x - y).abs() > tolerance * x.abs().max(y.abs())
        }
    }
}
