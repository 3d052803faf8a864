//! Recurrences (TIMEX3 SET): "every week", "weekly", "annually", "each year", "every Monday",
//! and the forms the main matcher leaves out: "biweekly", "every other week", "every morning at
//! 9am", "3pm every day", "9am on Sundays", "Tuesday nights", "each 4/15".

use super::Parser;
use crate::extract::timex::lexicon::{
    RECURRING_EVENT_SET, SET_ADJECTIVES, SET_WORDS, lookup, month_of, pod_of, unit_of, weekday_of,
};
use crate::extract::timex::sem::{Cand, Sem, Unit, dur_value};

impl Parser<'_> {
    /// Sets: "every week", "weekly", "biweekly", "annually", "each year", "every Monday".
    pub(super) fn set_expr(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        // Adjectival "daily" before a noun is still a set in TimeML ("daily newspaper" is rare
        // in news).
        if let Some(v) = lookup(SET_WORDS, w) {
            return self.cand(i, i + 1, Sem::Set(v.to_string()));
        }
        match w {
            "every" | "each" | "per" => {
                if let Some((u, false)) = unit_of(self.w(i + 1)) {
                    return self.cand(i, i + 2, Sem::Set(set_value(u)));
                }
                if let Some(wd) = weekday_of(self.w(i + 1)) {
                    return self.cand(i, i + 2, Sem::Set(format!("XXXX-WXX-{}", wd + 1)));
                }
                if let Some((m, false)) = month_of(self.w(i + 1))
                    && self.cap(i + 1)
                {
                    return self.cand(i, i + 2, Sem::Set(format!("XXXX-{m:02}")));
                }
                if w == "every"
                    && let Some((Some(n), k)) = self.number(i + 1)
                    && let Some((u, true)) = unit_of(self.w(k))
                {
                    let v = dur_value(Some(n), u, false);
                    return self.cand(i, k + 1, Sem::Set(v));
                }
                None
            }
            _ => None,
        }
    }

    /// Sets the main matcher leaves out: "every other week", "every morning", "each Monday 4pm",
    /// "every morning at 9am", "3pm every day", "9am on Sundays", "Sundays", "Tuesday nights",
    /// "each 4/15", sentence-final "quarterly" / "annual".
    pub(super) fn set_extra(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        let end_of_phrase =
            |k: usize| k >= self.t.len() || !(self.is_alpha(k) || self.num(k).is_some());
        // Adjectives ("quarterly dividend", "an everyday matter") are not sets in TimeML; the
        // adverbial, phrase-final use is, and so is the adjective before a gathering or habit
        // that recurs by its nature ("a quarterly meeting").
        if let Some((v, before_events)) = lookup(SET_ADJECTIVES, w)
            && (end_of_phrase(i + 1)
                || (before_events && RECURRING_EVENT_SET.contains(self.w(i + 1))))
        {
            return self.cand(i, i + 1, Sem::Set(v.to_string()));
        }
        if matches!(w, "every" | "each") {
            let j = i + 1;
            // every other day / every other Friday
            if w == "every" && self.is(j, "other") {
                if let Some((u, false)) = unit_of(self.w(j + 1))
                    && u != Unit::Weekend
                {
                    return self.cand(i, j + 2, Sem::Set(dur_value(Some(2), u, false)));
                }
                if let Some(wd) = weekday_of(self.w(j + 1)) {
                    return self.cand(i, j + 2, Sem::Set(format!("XXXX-WXX-{}", wd + 1)));
                }
                return None;
            }
            // every Monday (at) 4pm
            if let Some(wd) = weekday_of(self.w(j)) {
                let base = format!("XXXX-WXX-{}", wd + 1);
                if let Some((h, mi, e)) = self.set_time(j + 1, None) {
                    return self.cand(i, e, Sem::Set(format!("{base}{}", clock(h, mi))));
                }
                if let Some(p) = pod_of(self.w(j + 1)) {
                    return self.cand(i, j + 2, Sem::Set(format!("{base}{p}")));
                }
                return None;
            }
            // every morning (at 9am)
            if let Some(p) = pod_of(self.w(j)) {
                if let Some((h, mi, e)) = self.set_time(j + 1, Some(p)) {
                    return self.cand(i, e, Sem::Set(clock(h, mi)));
                }
                return self.cand(i, j + 1, Sem::Set(p.to_string()));
            }
            // each 4/15, every March 5
            if let Some(c) = self.numeric_date(j).or_else(|| self.month_date(j))
                && let Sem::Abs {
                    y: None,
                    m,
                    d: Some(d),
                    ..
                } = c.sem
            {
                return self.cand(i, c.end, Sem::Set(format!("XXXX-{m:02}-{d:02}")));
            }
            return None;
        }
        // mornings at 9am
        if let Some(p) = w.strip_suffix('s').and_then(pod_of) {
            if let Some((h, mi, e)) = self.set_time(i + 1, Some(p)) {
                return self.cand(i, e, Sem::Set(clock(h, mi)));
            }
            return None;
        }
        // Plural weekdays: "Sundays", "Tuesday nights", "Sunday mornings"
        if let Some(wd) = w.strip_suffix('s').and_then(weekday_of) {
            if !self.cap(i) {
                return None;
            }
            let base = format!("XXXX-WXX-{}", wd + 1);
            if let Some((h, mi, e)) = self.set_time(i + 1, None) {
                return self.cand(i, e, Sem::Set(format!("{base}{}", clock(h, mi))));
            }
            return self.cand(i, i + 1, Sem::Set(base));
        }
        if let Some(wd) = weekday_of(w)
            && let Some(p) = self.w(i + 1).strip_suffix('s').and_then(pod_of)
        {
            return self.cand(i, i + 2, Sem::Set(format!("XXXX-WXX-{}{p}", wd + 1)));
        }
        // A clock time followed by a recurrence: "3pm every day", "9am on Sundays".
        if let Some(c) = self.time_expr(i)
            && let Sem::Time { date: None, h, mi } = c.sem
        {
            let j = c.end;
            let t = clock(h, mi);
            if matches!(self.w(j), "every" | "each") {
                if self.is(j + 1, "day") {
                    return self.cand(i, j + 2, Sem::Set(t));
                }
                if let Some(wd) = weekday_of(self.w(j + 1)) {
                    return self.cand(i, j + 2, Sem::Set(format!("XXXX-WXX-{}{t}", wd + 1)));
                }
                return None;
            }
            let k = if self.is(j, "on") { j + 1 } else { j };
            if let Some(wd) = self.w(k).strip_suffix('s').and_then(weekday_of)
                && self.cap(k)
            {
                return self.cand(i, k + 1, Sem::Set(format!("XXXX-WXX-{}{t}", wd + 1)));
            }
        }
        None
    }

    /// A clock time after a recurring day or part of day: "4pm", "at 9am", "at 9" (a bare
    /// hour needs a part of day to fix am/pm). Returns (hour, minute, next index).
    pub(super) fn set_time(&self, i: usize, pod: Option<&str>) -> Option<(u32, u32, usize)> {
        let j = if self.is(i, "at") { i + 1 } else { i };
        if let Some(c) = self.time_expr(j)
            && let Sem::Time { date: None, h, mi } = c.sem
        {
            return Some((h, mi, c.end));
        }
        if j > i
            && let Some(p) = pod
            && let Some(h) = self.num(j).filter(|h| (1..=12).contains(h))
            && !self.is(j + 1, ":")
            && !(self.is(j + 1, ".") && self.num(j + 2).is_some() && self.glued(j + 2))
        {
            let h = match p {
                "TMO" => h % 12,
                "TNI" if h <= 4 || h == 12 => h % 12,
                _ if h < 12 => h + 12,
                _ => h,
            };
            return Some((h, 0, j + 1));
        }
        None
    }
}

/// TIMEX3 clock value for a recurring time: "T09", "T15:30".
fn clock(h: u32, mi: u32) -> String {
    if mi == 0 {
        format!("T{h:02}")
    } else {
        format!("T{h:02}:{mi:02}")
    }
}

pub(super) fn set_value(u: Unit) -> String {
    match u {
        Unit::Weekend => "XXXX-WXX-WE".to_string(),
        _ => dur_value(Some(1), u, false),
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::timex::TimexType::*;
    use crate::extract::timex::examples::{Example, check, check_no_set_or_decimal};

    /// Sets: "every week", "weekly", "biweekly", "each year", "every Monday".
    #[rustfmt::skip]
    const SET_EXPR: &[Example] = &[
        ("The board meets every week.", "2024-03-20", "every week", "P1W", Set, None),
        ("The report is published weekly.", "2024-03-20", "weekly", "P1W", Set, None),
        ("The fee is paid annually.", "2024-03-20", "annually", "P1Y", Set, None),
        ("The fee is paid each year.", "2024-03-20", "each year", "P1Y", Set, None),
        ("The fee is paid daily.", "2024-03-20", "daily", "P1D", Set, None),
        ("The fee is paid monthly.", "2024-03-20", "monthly", "P1M", Set, None),
        ("The center is open every Monday.", "2024-03-20", "every Monday", "XXXX-WXX-1", Set, None),
        ("Fees are billed weekly.", "2024-03-20", "weekly", "P1W", Set, None),
        ("The board meets biweekly.", "2024-03-20", "biweekly", "P2W", Set, None),
    ];

    #[test]
    fn set_expr() {
        check(SET_EXPR);
    }

    /// Sets the main matcher leaves out: "quarterly", "every other day", "every evening at 6pm",
    /// "8am on Sundays", "Thursday nights", "every 6/30".
    #[rustfmt::skip]
    const SET_EXTRA: &[Example] = &[
        ("Dividends are paid quarterly.", "2024-03-20", "quarterly", "P3M", Set, None),
        ("The check is done every other day.", "2024-03-20", "every other day", "P2D", Set, None),
        ("She swims every other Tuesday.", "2024-03-20", "every other Tuesday", "XXXX-WXX-2", Set, None),
        ("He jogs every morning.", "2024-03-20", "every morning", "TMO", Set, None),
        ("He jogs every evening at 6pm.", "2024-03-20", "every evening at 6pm", "T18", Set, None),
        ("The guard walks every night at 10.", "2024-03-20", "every night at 10", "T22", Set, None),
        ("The bell rings 7am every day.", "2024-03-20", "7am every day", "T07", Set, None),
        ("Mass starts at 8am on Sundays.", "2024-03-20", "8am on Sundays", "XXXX-WXX-7T08", Set, None),
        ("The shop closes Saturdays.", "2024-03-20", "Saturdays", "XXXX-WXX-6", Set, None),
        ("The club meets Thursday nights.", "2024-03-20", "Thursday nights", "XXXX-WXX-4TNI", Set, None),
        ("Call each Friday 5pm.", "2024-03-20", "each Friday 5pm", "XXXX-WXX-5T17", Set, None),
        ("Rent is due every 6/30.", "2024-03-20", "every 6/30", "XXXX-06-30", Set, None),
        ("Let's have a quarterly meeting.", "2024-03-20", "quarterly", "P3M", Set, None),
        ("It's an everyday routine.", "2024-03-20", "everyday", "P1D", Set, None),
    ];

    #[test]
    fn set_extra() {
        check(SET_EXTRA);
    }

    #[test]
    fn adjectives_are_not_sets() {
        check_no_set_or_decimal(&[
            "The annual meeting was calm.",
            "It cut its quarterly dividend.",
            "Such risk taking is an everyday matter.",
            "The quarterly results were weak.",
            "Holders adopted the plan at the annual meeting.",
        ]);
    }
}
