//! Clock times (TIMEX3 TIME): "3 p.m.", "15:30 GMT", "7.30 pm local time", "noon", "midnight",
//! "10 p.m. Wednesday", "5 in the morning".

use super::Parser;
use crate::extract::timex::lexicon::{TZ, pod_of};
use crate::extract::timex::sem::{Cand, Sem};

impl Parser<'_> {
    /// Clock times: "3 p.m.", "15:30 GMT", "noon", "10 p.m. Wednesday", "around 7:15 p.m.".
    pub(super) fn time_expr(&self, i: usize) -> Option<Cand> {
        let (mut h, mut mi, mut j);
        let w = self.w(i);
        if matches!(w, "noon" | "midnight" | "midday")
            && !(i > 0 && self.is(i.wrapping_sub(1), "high"))
        {
            h = if w == "midnight" { 0 } else { 12 };
            mi = 0;
            j = i + 1;
        } else if let Some((hh, mm)) = self.wire_clock(i) {
            if self.restates_a_time(i) {
                return None;
            }
            h = hh;
            mi = mm;
            j = i + 1;
        } else {
            let n = self.num(i)?;
            if self.nlen(i) > 2 || n > 24 {
                return None;
            }
            h = n;
            mi = 0;
            j = i + 1;
            let mut has_min = false;
            // "7.30 pm", "7.30 p.m.": British minutes after a dot, only before am/pm.
            let dotted = self.is(j, ".")
                && matches!(self.w(j + 2), "am" | "pm" | "a" | "p")
                && (self.is(j + 3, ".") || matches!(self.w(j + 2), "am" | "pm"));
            if (self.is(j, ":") || dotted)
                && self.glued(j)
                && self.nlen(j + 1) == 2
                && self.glued(j + 1)
            {
                let m = self.num(j + 1)?;
                if m >= 60 {
                    return None;
                }
                mi = m;
                j += 2;
                has_min = true;
            }
            // am/pm
            let ampm =
                if matches!(self.w(j), "a" | "p") && self.is(j + 1, ".") && self.is(j + 2, "m") {
                    let pm = self.is(j, "p");
                    j += 3;
                    if self.is(j, ".") && self.glued(j) {
                        j += 1;
                    }
                    Some(pm)
                } else if matches!(self.w(j), "am" | "pm")
                    && (self.glued(j) || self.t.get(j).map(|t| !t.cap).unwrap_or(false))
                {
                    let pm = self.is(j, "pm");
                    // "am" as a verb ("I am") only when separated and no minutes.
                    if !self.glued(j) && !has_min && self.is(j, "am") {
                        return None;
                    }
                    j += 1;
                    Some(pm)
                } else {
                    None
                };
            match ampm {
                Some(pm) => {
                    if h > 12 {
                        return None;
                    }
                    if pm && h < 12 {
                        h += 12;
                    }
                    if !pm && h == 12 {
                        h = 0;
                    }
                }
                None => {
                    if !has_min {
                        return None;
                    }
                    let prev = if i > 0 { self.w(i.wrapping_sub(1)) } else { "" };
                    let ctx = matches!(
                        prev,
                        "at" | "by"
                            | "until"
                            | "from"
                            | "around"
                            | "about"
                            | "before"
                            | "after"
                            | "since"
                    ) || TZ.contains(&self.w(j))
                        || self.is(j, "local");
                    if !ctx {
                        return None;
                    }
                }
            }
        }
        if TZ.contains(&self.w(j)) && self.cap(j) {
            j += 1;
        } else if self.is(j, "local") && self.is(j + 1, "time") {
            j += 2;
        }
        // Attached date: "Wednesday", "Nov. 9", "today", "yesterday".
        let k = if self.is(j, ",") || self.is(j, "on") {
            j + 1
        } else {
            j
        };
        let mut date: Option<Box<Sem>> = None;
        let mut end = j;
        if let Some(c) = self
            .weekday(k)
            .or_else(|| self.month_date(k))
            .or_else(|| self.day_month(k))
        {
            if matches!(
                c.sem,
                Sem::Weekday { pod: None, .. } | Sem::Abs { d: Some(_), .. }
            ) {
                end = c.end;
                date = Some(Box::new(c.sem));
            }
        } else if matches!(self.w(j), "today" | "yesterday" | "tomorrow") {
            let off = match self.w(j) {
                "yesterday" => -1,
                "tomorrow" => 1,
                _ => 0,
            };
            end = j + 1;
            date = Some(Box::new(Sem::RelDay { off, pod: None }));
        }
        self.cand(i, end, Sem::Time { date, h, mi })
    }

    /// A wire-service clock time, four digits before a time zone or "local time": "1045 GMT",
    /// "0930 local time". Returns (hour, minute); such a number is never a year.
    pub(super) fn wire_clock(&self, i: usize) -> Option<(u32, u32)> {
        let n = self.num(i)?;
        let zoned = (TZ.contains(&self.w(i + 1)) && self.cap(i + 1))
            || (self.is(i + 1, "local") && self.is(i + 2, "time"));
        if self.nlen(i) != 4 || !zoned || n / 100 > 23 || n % 100 > 59 {
            return None;
        }
        Some((n / 100, n % 100))
    }

    /// A clock time in parentheses right after another: "10:35 a.m. (0735 GMT)" is the same
    /// time in another zone, which the TimeBank and AQUAINT annotators leave out.
    fn restates_a_time(&self, i: usize) -> bool {
        i >= 2
            && self.is(i - 1, "(")
            && (matches!(self.w(i - 2), "." | "m" | "am" | "pm")
                || (i >= 3 && self.nlen(i - 2) == 2 && self.is(i - 3, ":")))
    }

    /// An hour fixed by its part of the day: "4 in the morning", "9 in the evening".
    pub(super) fn hour_of_day_part(&self, i: usize) -> Option<Cand> {
        // "4 in the morning", "9 in the evening"
        if let Some(h) = self
            .num(i)
            .filter(|h| (1..=12).contains(h) && self.nlen(i) <= 2)
            && self.is(i + 1, "in")
            && self.is(i + 2, "the")
            && let Some(p) = pod_of(self.w(i + 3))
            && !(i > 0 && matches!(self.w(i.wrapping_sub(1)), "." | "," | "$" | "-" | "/"))
        {
            let h = match p {
                "TMO" => h % 12,
                "TNI" if h <= 4 || h == 12 => h % 12,
                _ if h < 12 => h + 12,
                _ => h,
            };
            return self.cand(
                i,
                i + 4,
                Sem::Time {
                    date: None,
                    h,
                    mi: 0,
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

    /// Clock times: "3 p.m.", "15:30 GMT", "7.30 pm local time", "midday".
    #[rustfmt::skip]
    const TIME_EXPR: &[Example] = &[
        ("The vote closed at 3 p.m. in the capital.", "2024-03-20", "3 p.m.", "2024-03-20T15:00", Time, None),
        ("The vote closed at 15:30 GMT in the capital.", "2024-03-20", "15:30 GMT", "2024-03-20T15:30", Time, None),
        ("The blast happened at 7.30 pm local time.", "2024-03-20", "7.30 pm local time", "2024-03-20T19:30", Time, None),
        ("The court will rule at midday.", "2024-03-20", "midday", "2024-03-20T12:00", Time, None),
        ("Troops crossed the border at 1045 GMT.", "2024-03-20", "1045 GMT", "2024-03-20T10:45", Time, None),
        ("The polls opened at 0700 local time.", "2024-03-20", "0700 local time", "2024-03-20T07:00", Time, None),
        // A wire clock is no year, so nothing after it is read in the year 1045.
        ("They crossed at 1045 GMT and will leave by the end of the month.", "2024-03-20", "the end of the month", "2024-03", Date, Some("END")),
    ];

    #[test]
    fn time_expr() {
        check(TIME_EXPR);
    }

    /// An hour and its part of the day: "5 in the morning".
    #[rustfmt::skip]
    const HOUR_OF_DAY_PART: &[Example] = &[
        ("The ship sails at 5 in the morning.", "2024-03-20", "5 in the morning", "2024-03-20T05:00", Time, None),
    ];

    #[test]
    fn hour_of_day_part() {
        check(HOUR_OF_DAY_PART);
    }

    #[test]
    fn not_times() {
        check_untagged(&["He watched the film High Noon again."]);
        check_span_untagged(&[
            ("The blast occurred at 10:35 a.m. (0735 GMT).", "0735 GMT"),
            ("The blast occurred at 10:35 a.m. (1035 GMT).", "1035"),
        ]);
    }
}
