//! Dates with a month: month name first ("March 18, 2024", "Mar. 18", "March 2024", "Oct-2"),
//! day first ("18 March 2024", "second of August"), in digits ("2024-03-18", "3/18/2024",
//! "13.5.2015", "4/22"), the first day of a day range ("from 5 to 9 May"), a year with a
//! month ("2016-11", "2016 June", "11/2016") and a week by a day in it ("the week of March 6")
//! or its number ("week 10").

use chrono::NaiveDate;

use super::Parser;
use crate::extract::timex::lexicon::{
    month_of, ordinal_of, rel_word, small_num, spelled_day, tens_num, unit_of,
};
use crate::extract::timex::sem::{Cand, Sem, YearSpec};

impl Parser<'_> {
    /// Day-of-month number 1..=31 with optional ordinal suffix; returns (day, next).
    pub(super) fn day_num(&self, i: usize) -> Option<(u32, usize)> {
        let n = self.num(i)?;
        if self.nlen(i) > 2 || !(1..=31).contains(&n) {
            if let Some(o) = ordinal_of(self.w(i)) {
                return Some((o, i + 1));
            }
            return None;
        }
        let mut j = i + 1;
        if matches!(self.w(j), "st" | "nd" | "rd" | "th") && self.glued(j) {
            j += 1;
        }
        // "March 3:30" or "March 3.5" or "March 31,000"
        if self.glued(j)
            && matches!(self.w(j), ":" | "." | ",")
            && self.num(j + 1).is_some()
            && self.glued(j + 1)
        {
            return None;
        }
        if self.is(j, "%") || self.is(j, "-") {
            return None;
        }
        Some((n, j))
    }

    /// "March 18, 2024", "Mar. 18", "March 2024", "March", "Monday, March 18".
    pub(super) fn month_date(&self, i: usize) -> Option<Cand> {
        let (m, abbr) = month_of(self.w(i))?;
        let mut j = i + 1;
        if abbr {
            j = self.skip_dot(j);
        }
        if !self.cap(i) {
            // Lowercase month names ("january 12th", "june next year") only with a following
            // day or year; "may" and "march" are too often verbs.
            let rel_year = matches!(self.w(j), "next" | "last" | "this") && self.is(j + 1, "year");
            if matches!(m, 3 | 5)
                || (self.num(j).is_none() && spelled_day(|k| self.w(k), j).is_none() && !rel_year)
            {
                return None;
            }
        }
        // "Oct-2", "Oct/2", "October. 2" (the last only at the end of the text).
        let sep_day = (matches!(self.w(j), "-" | "/") && self.glued(j) && self.glued(j + 1))
            || (!abbr
                && self.is(j, ".")
                && self.glued(j)
                && matches!(self.w(j + 2), "" | "." | "!" | "?"));
        if sep_day
            && self.nlen(j + 1) <= 2
            && let Some(d) = self.num(j + 1).filter(|d| (1..=31).contains(d))
            && !(self.glued(j + 2)
                && matches!(self.w(j + 2), "-" | "/")
                && self.num(j + 3).is_some())
        {
            return self.cand(
                i,
                j + 2,
                Sem::Abs {
                    y: None,
                    m,
                    d: Some(d),
                    ys: YearSpec::Ctx,
                },
            );
        }
        // Spelled days: "Jan first", "May twenty-first", "May twenty one".
        let spelled = spelled_day(|k| self.w(k), j).or_else(|| {
            let t = tens_num(self.w(j)).filter(|t| *t <= 30)?;
            let k = if self.is(j + 1, "-") { j + 2 } else { j + 1 };
            let o = small_num(self.w(k)).filter(|o| (1..10).contains(o))?;
            (t + o <= 31).then_some((t + o, k + 1))
        });
        if let Some((d, k)) = spelled
            && self.num(k).is_none()
            && unit_of(self.w(k)).is_none()
        {
            return self.cand(
                i,
                k,
                Sem::Abs {
                    y: None,
                    m,
                    d: Some(d),
                    ys: YearSpec::Ctx,
                },
            );
        }
        if let Some((d, k)) = self.day_num(j) {
            // Year after the day.
            let mut k2 = k;
            if self.is(k2, ",") {
                k2 += 1;
            }
            if let Some(y) = self.year_tok(k2, false).or_else(|| {
                if self.nlen(k2) == 4 {
                    self.num(k2)
                        .filter(|n| (1000..=2100).contains(n))
                        .map(|n| n as i32)
                } else {
                    None
                }
            }) {
                return self.cand(
                    i,
                    k2 + 1,
                    Sem::Abs {
                        y: Some(y),
                        m,
                        d: Some(d),
                        ys: YearSpec::Abs(y),
                    },
                );
            }
            if let Some((y, k3)) = self.spelled_year(k2) {
                return self.cand(
                    i,
                    k3,
                    Sem::Abs {
                        y: Some(y),
                        m,
                        d: Some(d),
                        ys: YearSpec::Abs(y),
                    },
                );
            }
            return self.cand(
                i,
                k,
                Sem::Abs {
                    y: None,
                    m,
                    d: Some(d),
                    ys: YearSpec::Ctx,
                },
            );
        }
        if abbr && j == i + 1 && !matches!(self.w(i), "sept") {
            // An undotted abbreviation needs a following day or year.
            if self.nlen(j) != 4 {
                return None;
            }
        }
        let mut k = j;
        if self.is(k, ",") || self.is(k, "of") {
            k += 1;
        }
        if self.nlen(k) == 4
            && let Some(y) = self.num(k).filter(|n| (1000..=2100).contains(n))
        {
            let y = y as i32;
            return self.cand(
                i,
                k + 1,
                Sem::Abs {
                    y: Some(y),
                    m,
                    d: None,
                    ys: YearSpec::Abs(y),
                },
            );
        }
        if let Some((y, k3)) = self.spelled_year(k) {
            return self.cand(
                i,
                k3,
                Sem::Abs {
                    y: Some(y),
                    m,
                    d: None,
                    ys: YearSpec::Abs(y),
                },
            );
        }
        // "January this year", "June last year"
        if let Some(off) = rel_word(self.w(j))
            && self.is(j + 1, "year")
        {
            return self.cand(
                i,
                j + 2,
                Sem::Abs {
                    y: None,
                    m,
                    d: None,
                    ys: YearSpec::Dct(off),
                },
            );
        }
        // Bare month: "May" needs stronger evidence.
        if m == 5 || abbr {
            let prev = if i > 0 { self.w(i.wrapping_sub(1)) } else { "" };
            if !matches!(
                prev,
                "in" | "since"
                    | "until"
                    | "early"
                    | "late"
                    | "mid"
                    | "-"
                    | "of"
                    | "by"
                    | "from"
                    | "through"
                    | "last"
                    | "next"
                    | "this"
                    | "during"
                    | "before"
                    | "after"
                    | "to"
                    | "between"
            ) {
                return None;
            }
        }
        // "March for Life", "March of the Mothers": names, not dates.
        if matches!(self.w(j), "for" | "of") && (self.cap(j + 1) || self.is(j + 1, "the")) {
            return None;
        }
        self.cand(i, j, Sem::Month { m, rel: None })
    }

    /// "18 March 2024", "18 March", "18th of March".
    pub(super) fn day_month(&self, i: usize) -> Option<Cand> {
        // The decimals of an amount are no day: in "6,107.31 August 2019" the date is the month.
        if i > 1
            && self.glued(i)
            && matches!(self.w(i.wrapping_sub(1)), "." | ",")
            && self.glued(i.wrapping_sub(1))
            && self.num(i.wrapping_sub(2)).is_some()
        {
            return None;
        }
        let (d, mut j) = match self.day_num(i).filter(|_| self.num(i).is_some()) {
            Some(x) => x,
            None => {
                // "second of Aug.", "twenty second of June"
                let (d, j) = spelled_day(|k| self.w(k), i)?;
                if !self.is(j, "of") {
                    return None;
                }
                (d, j)
            }
        };
        if self.is(j, "of") || (self.is(j, ".") && self.glued(j)) {
            j += 1;
        }
        let (m, abbr) = month_of(self.w(j))?;
        if !self.cap(j) && matches!(m, 3 | 5) {
            return None;
        }
        let mut k = j + 1;
        if abbr {
            k = self.skip_dot(k);
        }
        let mut k2 = k;
        if self.is(k2, ",") {
            k2 += 1;
        }
        if self.nlen(k2) == 4
            && let Some(y) = self.num(k2).filter(|n| (1000..=2100).contains(n))
        {
            let y = y as i32;
            return self.cand(
                i,
                k2 + 1,
                Sem::Abs {
                    y: Some(y),
                    m,
                    d: Some(d),
                    ys: YearSpec::Abs(y),
                },
            );
        }
        self.cand(
            i,
            k,
            Sem::Abs {
                y: None,
                m,
                d: Some(d),
                ys: YearSpec::Ctx,
            },
        )
    }

    /// "2024-03-18", "3/18/2024", "18/3/2024", "3/18/98", "2015/08/12", "13.5.2015",
    /// "08/12,2015", "2019-sep-1", and year-less "4/22", "22/04", "on 4-22".
    pub(super) fn numeric_date(&self, i: usize) -> Option<Cand> {
        let a = self.num(i)?;
        let prev = if i > 0 { self.w(i.wrapping_sub(1)) } else { "" };
        // Part of a larger number, fraction or decimal ("2 1/2", "3.4/5").
        if i > 0 && self.glued(i) && matches!(prev, "." | "," | "/" | "-" | "$") {
            return None;
        }
        let sep = self.w(i + 1);
        if !matches!(sep, "-" | "/" | ".") || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let year2 = |yy: u32| -> i32 {
            let yy = yy as i32;
            if yy >= 50 { 1900 + yy } else { 2000 + yy }
        };
        // "2019-sep-1", "2019/sep/01"
        if self.nlen(i) == 4
            && let Some((m, _)) = month_of(self.w(i + 2))
            && self.w(i + 3) == sep
            && self.glued(i + 3)
            && self.glued(i + 4)
            && let Some(d) = self.num(i + 4)
        {
            let y = a as i32;
            NaiveDate::from_ymd_opt(y, m, d)?;
            return self.cand(
                i,
                i + 5,
                Sem::Abs {
                    y: Some(y),
                    m,
                    d: Some(d),
                    ys: YearSpec::Abs(y),
                },
            );
        }
        let b = self.num(i + 2)?;
        let three = self.w(i + 3) == sep && self.glued(i + 3) && self.glued(i + 4);
        let c = if three { self.num(i + 4) } else { None };
        if let Some(c) = c {
            // Must not continue as a longer numeric run.
            if self.glued(i + 5)
                && matches!(self.w(i + 5), "-" | "/" | ".")
                && self.num(i + 6).is_some()
            {
                return None;
            }
            let (la, lc) = (self.nlen(i), self.nlen(i + 4));
            let (y, m, d) = if la == 4 {
                (a as i32, b, c)
            } else if lc == 4 || (lc == 2 && sep != ".") {
                let y = if lc == 4 { c as i32 } else { year2(c) };
                if a > 12 { (y, b, a) } else { (y, a, b) }
            } else {
                return None;
            };
            NaiveDate::from_ymd_opt(y, m, d)?;
            return self.cand(
                i,
                i + 5,
                Sem::Abs {
                    y: Some(y),
                    m,
                    d: Some(d),
                    ys: YearSpec::Abs(y),
                },
            );
        }
        if three || self.nlen(i) > 2 || self.nlen(i + 2) > 2 {
            return None;
        }
        // Two numbers: a month/day pair, guarded against fractions, scores and decimals.
        let next = self.w(i + 3);
        if self.glued(i + 3) && matches!(next, "-" | "/" | "%") {
            return None;
        }
        if self.num(i.wrapping_sub(1)).is_some() || (i > 0 && self.is(i.wrapping_sub(1), "-")) {
            return None;
        }
        if next.chars().next().is_some_and(|ch| ch.is_alphabetic())
            && !matches!(
                next,
                "and" | "or" | "to" | "at" | "in" | "for" | "this" | "next"
            )
        {
            return None;
        }
        let comma_year = self.is(i + 3, ",") && matches!(self.nlen(i + 4), 2 | 4);
        let (m, d) = if a > 12 && b <= 12 {
            (b, a)
        } else if (b > 12 || comma_year) && a <= 12 {
            (a, b)
        } else {
            return None;
        };
        if !(1..=31).contains(&d) || m == 0 {
            return None;
        }
        // "-" and "." pairs are scores and decimals unless introduced by "on".
        if sep != "/" && prev != "on" {
            return None;
        }
        // Year after a comma: "08/12,2015", "08/12, 15".
        if self.is(i + 3, ",") {
            if self.nlen(i + 4) == 4
                && let Some(y) = self.num(i + 4).filter(|n| (1000..=2100).contains(n))
            {
                let y = y as i32;
                NaiveDate::from_ymd_opt(y, m, d)?;
                return self.cand(
                    i,
                    i + 5,
                    Sem::Abs {
                        y: Some(y),
                        m,
                        d: Some(d),
                        ys: YearSpec::Abs(y),
                    },
                );
            }
            if self.nlen(i + 4) == 2
                && self.glued(i + 4)
                && let Some(yy) = self.num(i + 4)
            {
                let y = year2(yy);
                NaiveDate::from_ymd_opt(y, m, d)?;
                return self.cand(
                    i,
                    i + 5,
                    Sem::Abs {
                        y: Some(y),
                        m,
                        d: Some(d),
                        ys: YearSpec::Abs(y),
                    },
                );
            }
        }
        NaiveDate::from_ymd_opt(2000, m, d)?;
        self.cand(
            i,
            i + 3,
            Sem::Abs {
                y: None,
                m,
                d: Some(d),
                ys: YearSpec::Ctx,
            },
        )
    }

    /// A plain day-of-month number 1..=31 (at most two digits) with an optional glued ordinal
    /// suffix; returns (day, next index).
    pub(super) fn plain_day(&self, i: usize) -> Option<(u32, usize)> {
        let d = self
            .num(i)
            .filter(|d| (1..=31).contains(d) && self.nlen(i) <= 2)?;
        let j = if matches!(self.w(i + 1), "st" | "nd" | "rd" | "th") && self.glued(i + 1) {
            i + 2
        } else {
            i + 1
        };
        Some((d, j))
    }

    /// A month phrase closing a day range: "January, 1995", "of Sept", "this month",
    /// "in next month", "January 22, 1995". Returns the start day's meaning for day `d`.
    pub(super) fn range_month(&self, k: usize, d: u32) -> Option<Sem> {
        let k = if matches!(self.w(k), "of" | "in" | ",") {
            k + 1
        } else {
            k
        };
        if let Some(off) = rel_word(self.w(k))
            && self.is(k + 1, "month")
        {
            return Some(Sem::DayOfMonth { d, moff: Some(off) });
        }
        let c = self.month_date(k)?;
        match c.sem {
            Sem::Abs { y, m, ys, .. } => Some(Sem::Abs {
                y,
                m,
                d: Some(d),
                ys,
            }),
            Sem::Month { m, .. } => Some(Sem::Abs {
                y: None,
                m,
                d: Some(d),
                ys: YearSpec::Ctx,
            }),
            _ => None,
        }
    }

    /// The first day of a day range whose month follows the second day ("from 4 to 22 January",
    /// "between 3 and 12 of Sept", "November 19-20"). A day range is tagged as two separate
    /// dates, as in TimeML.
    pub(super) fn day_range(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        // Day range with the month at the end.
        if let Some((d, k)) = self.plain_day(i)
            && !(self.is(k, ":") || self.is(k, "."))
        {
            let prev = if i > 0 { self.w(i.wrapping_sub(1)) } else { "" };
            let sep = self.w(k);
            let ok_sep = match sep {
                "to" | "till" | "until" | "through" | "thru" => true,
                "-" => !self.is(i.wrapping_sub(1), "-"),
                "and" => prev == "between",
                _ => false,
            };
            if ok_sep
                && let Some((d2, k2)) = self.plain_day(k + 1)
                && d2 > d
                && let Some(sem) = self.range_month(k2, d)
            {
                return self.cand(i, k, sem);
            }
            if ok_sep
                && sep != "and"
                && matches!(prev, "from" | "between")
                && let Some(c) = self.month_date(k + 1)
                && let Sem::Abs {
                    y,
                    m,
                    d: Some(d2),
                    ys,
                } = c.sem
                && d2 > d
            {
                return self.cand(
                    i,
                    k,
                    Sem::Abs {
                        y,
                        m,
                        d: Some(d),
                        ys,
                    },
                );
            }
        }
        // "November 19-20": the first day alone.
        if let Some((m, _)) = month_of(w)
            && self.cap(i)
            && let Some((d, k)) = self.plain_day(i + 1)
            && self.is(k, "-")
            && let Some((d2, k2)) = self.plain_day(k + 1)
            && d2 > d
        {
            let k3 = if self.is(k2, ",") { k2 + 1 } else { k2 };
            let y = self
                .num(k3)
                .filter(|y| self.nlen(k3) == 4 && (1000..=2100).contains(y))
                .map(|y| y as i32);
            let ys = y.map(YearSpec::Abs).unwrap_or(YearSpec::Ctx);
            return self.cand(
                i,
                k,
                Sem::Abs {
                    y,
                    m,
                    d: Some(d),
                    ys,
                },
            );
        }
        None
    }

    /// A week named by a day in it: "the week of March 6", "the week starting Feb. 4", "the
    /// week beginning on 4 February", "w/c 4 Feb" (week commencing); or by its number in
    /// the year: "week 10".
    pub(super) fn week_of(&self, i: usize) -> Option<Cand> {
        let k = if self.is(i, "the") && self.is(i + 1, "week") {
            // ("the week ended Oct. 20" is a reporting period, as "the year ended" is.)
            if !matches!(
                self.w(i + 2),
                "of" | "starting" | "beginning" | "commencing"
            ) {
                return None;
            }
            if self.is(i + 3, "on") { i + 4 } else { i + 3 }
        } else if self.is(i, "w")
            && self.is(i + 1, "/")
            && self.is(i + 2, "c")
            && self.glued(i + 1)
            && self.glued(i + 2)
        {
            i + 3
        } else if self.is(i, "week") {
            // "week 10", not "a week 10 days later" or "week 10,000".
            let n = self
                .num(i + 1)
                .filter(|n| (1..=53).contains(n) && self.nlen(i + 1) <= 2)?;
            let prev = if i > 0 { self.w(i.wrapping_sub(1)) } else { "" };
            if matches!(prev, "per" | "each" | "every" | "that" | "this")
                || (i > 0 && self.number(i - 1).is_some())
                || (matches!(self.w(i + 2), "," | "." | ":")
                    && self.num(i + 3).is_some()
                    && self.glued(i + 3))
                || unit_of(self.w(i + 2)).is_some()
            {
                return None;
            }
            return self.cand(i, i + 2, Sem::WeekNum(n));
        } else {
            return None;
        };
        let day = [self.month_date(k), self.day_month(k), self.numeric_date(k)]
            .into_iter()
            .flatten()
            .filter(|c| c.start == k && matches!(c.sem, Sem::Abs { d: Some(_), .. }))
            .max_by_key(|c| c.end)?;
        self.cand(i, day.end, Sem::WeekOf(Box::new(day.sem)))
    }

    /// A year and a month: "2016-11", "2016 / 11", "2016 June", "11/2016", "3 - 2015".
    pub(super) fn year_month(&self, i: usize) -> Option<Cand> {
        let year = self
            .num(i)
            .filter(|y| self.nlen(i) == 4 && (1900..=2100).contains(y))
            .map(|y| y as i32);
        if let Some(y) = year {
            // "2016-11", "2016 / 11"
            if matches!(self.w(i + 1), "-" | "/")
                && let Some(m) = self.num(i + 2).filter(|m| (1..=12).contains(m))
                && self.nlen(i + 2) <= 2
                && !(matches!(self.w(i + 3), "-" | "/" | "." | ":") && self.num(i + 4).is_some())
                && !(self.nlen(i + 2) == 2 && m as i32 == (y + 1) % 100)
                && !(i > 0 && matches!(self.w(i.wrapping_sub(1)), "-" | "/" | ":"))
            {
                return self.cand(
                    i,
                    i + 3,
                    Sem::Abs {
                        y: Some(y),
                        m,
                        d: None,
                        ys: YearSpec::Abs(y),
                    },
                );
            }
            // "2016 June", "2016, November"
            let k = if self.is(i + 1, ",") { i + 2 } else { i + 1 };
            if let Some((m, abbr)) = month_of(self.w(k))
                && (self.cap(k) || !matches!(m, 3 | 5))
                && self.plain_day(self.skip_dot(k + 1)).is_none()
                && !(i > 0
                    && (month_of(self.w(i.wrapping_sub(1))).is_some()
                        || self.num(i.wrapping_sub(1)).is_some()))
            {
                let e = if abbr { self.skip_dot(k + 1) } else { k + 1 };
                return self.cand(
                    i,
                    e,
                    Sem::Abs {
                        y: Some(y),
                        m,
                        d: None,
                        ys: YearSpec::Abs(y),
                    },
                );
            }
            return None;
        }
        // "11/2016", "3 - 2015"
        if let Some(m) = self.num(i).filter(|m| (1..=12).contains(m))
            && self.nlen(i) <= 2
            && matches!(self.w(i + 1), "-" | "/")
            && let Some(y) = self
                .num(i + 2)
                .filter(|y| self.nlen(i + 2) == 4 && (1900..=2100).contains(y))
            && !(matches!(self.w(i + 3), "-" | "/") && self.num(i + 4).is_some())
            && !(i > 0 && matches!(self.w(i.wrapping_sub(1)), "-" | "/" | "." | ":" | "$"))
        {
            let y = y as i32;
            return self.cand(
                i,
                i + 3,
                Sem::Abs {
                    y: Some(y),
                    m,
                    d: None,
                    ys: YearSpec::Abs(y),
                },
            );
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::timex::TimexType::*;
    use crate::extract::timex::examples::{Example, check, check_span_untagged, check_untagged};

    /// Month name first: "March 18, 2024", "Mar. 18", "March 2024", "September", "Oct-2",
    /// "May twenty-first", "january 12th, 2016".
    #[rustfmt::skip]
    const MONTH_DATE: &[Example] = &[
        ("The plant opened on March 18, 2024 after delays.", "2024-03-20", "March 18, 2024", "2024-03-18", Date, None),
        ("Talks resumed Mar. 18 in Geneva.", "2024-03-20", "Mar. 18", "2024-03-18", Date, None),
        ("The vote is set for Sept. 5 in the capital.", "2024-03-20", "Sept. 5", "2024-09-05", Date, None),
        ("Prices rose in March 2024 across the region.", "2024-05-02", "March 2024", "2024-03", Date, None),
        ("I'll be out june next year.", "2016-11-07", "june next year", "2017-06", Date, None),
        ("The company was sold in September.", "2024-03-20", "September", "2023-09", Date, None),
        ("The company will be sold in September.", "2024-03-20", "September", "2024-09", Date, None),
        ("The doctor was shot last Oct. 23 at his home.", "1999-04-19", "Oct. 23", "1998-10-23", Date, None),
        // month names with separators, spelled days, lowercase
        ("We will meet again Oct-2.", "2024-03-20", "Oct-2", "2024-10-02", Date, None),
        ("The festival will open May twenty-first.", "2024-03-20", "May twenty-first", "2024-05-21", Date, None),
        ("i will be back january 12th, 2016", "2024-03-20", "january 12th, 2016", "2016-01-12", Date, None),
        ("The vote came in late-January.", "2024-03-20", "late-January", "2024-01", Date, Some("END")),
    ];

    #[test]
    fn month_date() {
        check(MONTH_DATE);
    }

    /// Day first: "18 March 2024", "second of August", "16. Nov. 2016".
    #[rustfmt::skip]
    const DAY_MONTH: &[Example] = &[
        ("The plant opened on 18 March 2024 after delays.", "2024-03-20", "18 March 2024", "2024-03-18", Date, None),
        // month names with separators, spelled days, lowercase
        ("The vote was held on the second of August.", "2024-03-20", "second of August", "2023-08-02", Date, None),
        ("The report came out 16. Nov. 2016 in print.", "2024-03-20", "16. Nov. 2016", "2016-11-16", Date, None),
        // day ranges: the first day is its own date, taking the month after the range
        ("The fair runs from 5 to 9 May 2024.", "2024-03-20", "9 May 2024", "2024-05-09", Date, None),
        // the decimals of an amount before a month are no day
        ("The index ended at 1,204.28 May 2021 and fell.", "2024-03-20", "May 2021", "2021-05", Date, None),
    ];

    #[test]
    fn day_month() {
        check(DAY_MONTH);
    }

    /// Dates in digits: "2024-03-18", "3/18/2024", "21/04/2016", "13.5.2015", "2019-sep-1", "4/22".
    #[rustfmt::skip]
    const NUMERIC_DATE: &[Example] = &[
        ("The filing was dated 2024-03-18 by the clerk.", "2024-03-20", "2024-03-18", "2024-03-18", Date, None),
        ("The filing was dated 3/18/2024 by the clerk.", "2024-03-20", "3/18/2024", "2024-03-18", Date, None),
        ("The contract was signed on 21/04/2016 in Oslo.", "2024-03-20", "21/04/2016", "2016-04-21", Date, None),
        ("Payment was made 2015/08/12.", "2024-03-20", "2015/08/12", "2015-08-12", Date, None),
        ("Results came out on 13.5.2015.", "2024-03-20", "13.5.2015", "2015-05-13", Date, None),
        ("The letter is dated 08/12,2015.", "2024-03-20", "08/12,2015", "2015-08-12", Date, None),
        ("Shipments resumed 2019-sep-1.", "2024-03-20", "2019-sep-1", "2019-09-01", Date, None),
        ("The hearing will be on 4/22.", "2024-03-20", "4/22", "2024-04-22", Date, None),
        ("The filing was on 3-7-2017.", "2024-03-20", "3-7-2017", "2017-03-07", Date, None),
    ];

    #[test]
    fn numeric_date() {
        check(NUMERIC_DATE);
    }

    /// The first day of a day range, taking the month after the range: "from 5 to 9 May 2024".
    #[rustfmt::skip]
    const DAY_RANGE: &[Example] = &[
        // day ranges: the first day is its own date, taking the month after the range
        ("The fair runs from 5 to 9 May 2024.", "2024-03-20", "5", "2024-05-05", Date, None),
        ("Rooms are shut between 11 and 14 of June.", "2024-03-20", "11", "2024-06-11", Date, None),
        ("The course is 2-6 next month.", "2024-03-20", "2", "2024-04-02", Date, None),
        ("Trials ran from 3 until 8 of this month.", "2024-03-20", "3", "2024-03-03", Date, None),
        ("The show ran from 12 to July 16, 2019.", "2024-03-20", "12", "2019-07-12", Date, None),
        ("The show ran July 12-16, 2019.", "2024-03-20", "July 12", "2019-07-12", Date, None),
    ];

    #[test]
    fn day_range() {
        check(DAY_RANGE);
    }

    /// A year and a month: "2023-07", "7/2023", "2023 / 7", "2021 October".
    #[rustfmt::skip]
    const YEAR_MONTH: &[Example] = &[
        ("The data for 2023-07 are final.", "2024-03-20", "2023-07", "2023-07", Date, None),
        ("The data for 7/2023 are final.", "2024-03-20", "7/2023", "2023-07", Date, None),
        ("The data for 2023 / 7 are final.", "2024-03-20", "2023 / 7", "2023-07", Date, None),
        ("It was built in 2021 October.", "2024-03-20", "2021 October", "2021-10", Date, None),
    ];

    #[test]
    fn year_month() {
        check(YEAR_MONTH);
    }

    /// A week by a day in it ("the week of June 10", "w/c 6 May") or by its number ("week 14").
    #[rustfmt::skip]
    const WEEK_OF: &[Example] = &[
        ("A hearing is set for the week of June 10.", "2024-03-20", "the week of June 10", "2024-W24", Date, None),
        ("Deliveries will resume the week starting on 8 April.", "2024-03-20", "the week starting on 8 April", "2024-W15", Date, None),
        ("Book the hall for w/c 6 May.", "2024-03-20", "w/c 6 May", "2024-W19", Date, None),
        ("The audit starts in week 14.", "2024-03-20", "week 14", "2024-W14", Date, None),
    ];

    #[test]
    fn week_of() {
        check(WEEK_OF);
        check_span_untagged(&[
            ("He worked one week 12 hours a day.", "week 12"),
            ("They paid 3 week 10 dollars.", "week 10"),
        ]);
    }

    #[test]
    fn not_dates() {
        check_untagged(&[
            "Officials march through the square.",
            "She may decide to stay.",
            "The March for Life drew crowds.",
            "The index rose 1.5 percent.",
            "He owns 3/4 of the company.",
            "The team won 4-2 at home.",
            "The index rose 4.22 points.",
        ]);
        // year ranges and scores stay as they are
        check_span_untagged(&[
            ("The 2010-11 season was long.", "2010-11"),
            ("They won 3 to 5 percent more.", "3"),
            (
                "The index ended at 1,204.28 May 2021 and fell.",
                "28 May 2021",
            ),
        ]);
    }
}
