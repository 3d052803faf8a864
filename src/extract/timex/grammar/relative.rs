//! Expressions named from the publication date or the last date mentioned: "today", "tonight",
//! "this morning", "last week", "next July", "later this year", "the following month", "that
//! day"; weekdays ("Monday", "next Friday night"); days without a month name ("the 27th", "the
//! first Monday of April", "Friday next week", "the day after tomorrow"); vague references
//! ("now", "recently", "the future").

use super::Parser;
use crate::extract::timex::lexicon::{
    month_of, ordinal_of, pod_of, rel_word, spelled_day, unit_of, weekday_of,
};
use crate::extract::timex::sem::{Cand, Sem, Unit, YearSpec};

impl Parser<'_> {
    /// Month offset phrase: "this month", "next month", "last month", "previous month",
    /// "the following month". Returns (offset, next index).
    pub(super) fn month_offset(&self, i: usize) -> Option<(i32, usize)> {
        let j = if self.is(i, "the") { i + 1 } else { i };
        let off = match self.w(j) {
            "this" | "current" => 0,
            "next" | "following" | "coming" => 1,
            "last" | "previous" | "prior" => -1,
            _ => return None,
        };
        self.is(j + 1, "month").then_some((off, j + 2))
    }

    /// A day-of-month number or spelled ordinal: "27", "27th", "second", "twenty-first".
    pub(super) fn any_day(&self, i: usize) -> Option<(u32, usize, bool)> {
        if let Some((d, k)) = self.day_num(i)
            && self.num(i).is_some()
        {
            return Some((d, k, k > i + 1));
        }
        spelled_day(|k| self.w(k), i).map(|(d, k)| (d, k, true))
    }

    /// Day references without a month name: "the 27th", "the second", "20th of next month",
    /// "the first Friday of July", "second Sunday", "Friday next week", "next week Friday",
    /// "the day after tomorrow", "two days from tomorrow", "next day".
    pub(super) fn day_ref(&self, i: usize) -> Option<Cand> {
        let has_the = self.is(i, "the");
        let j = if has_the { i + 1 } else { i };
        // "the day before yesterday", "(the) day after tomorrow"
        if self.is(j, "day")
            && matches!(self.w(j + 1), "before" | "after")
            && matches!(self.w(j + 2), "yesterday" | "tomorrow")
        {
            let off = match (self.w(j + 1), self.w(j + 2)) {
                ("before", "yesterday") => -2,
                ("after", "tomorrow") => 2,
                _ => 0,
            };
            return self.cand(i, j + 3, Sem::RelDay { off, pod: None });
        }
        // "two days from tomorrow", "four days from yesterday", "3 days from today"
        if !has_the
            && let Some((Some(n), k)) = self.number(i)
            && matches!(self.w(k), "day" | "days")
            && self.is(k + 1, "from")
            && let Some(base) = match self.w(k + 2) {
                "today" => Some(0),
                "tomorrow" => Some(1),
                "yesterday" => Some(-1),
                _ => None,
            }
        {
            let off = base + n as i64;
            return self.cand(i, k + 3, Sem::RelDay { off, pod: None });
        }
        // "last day", "past day" after a verb particle: the day before.
        if !has_the
            && matches!(self.w(i), "last" | "past")
            && self.is(i + 1, "day")
            && i > 0
            && matches!(
                self.w(i.wrapping_sub(1)),
                "on" | "back" | "for" | "by" | "until"
            )
            && matches!(self.w(i + 2), "" | "." | "," | "!" | "?")
        {
            return self.cand(
                i,
                i + 2,
                Sem::Anaph {
                    n: -1,
                    unit: Unit::Day,
                },
            );
        }
        // "April 24 and 25": a bare day coordinated with a preceding month-day date.
        if !has_the
            && i >= 3
            && matches!(self.w(i.wrapping_sub(1)), "and" | "or" | "to" | "through")
            && self.nlen(i) <= 2
            && let Some(d) = self.num(i).filter(|d| (1..=31).contains(d))
            && self.num(i.wrapping_sub(2)).is_some_and(|p| p < d)
            && self.nlen(i.wrapping_sub(2)) <= 2
            && let Some((m, _)) = month_of(self.w(i.wrapping_sub(3))).or_else(|| {
                // "Sept. 24 and 25"
                if self.is(i.wrapping_sub(3), ".") && i >= 4 {
                    month_of(self.w(i.wrapping_sub(4))).filter(|(_, abbr)| *abbr)
                } else {
                    None
                }
            })
            && !self.is_alpha(i + 1)
            && self.num(i + 1).is_none()
        {
            return self.cand(
                i,
                i + 1,
                Sem::Abs {
                    y: None,
                    m,
                    d: Some(d),
                    ys: YearSpec::Ctx,
                },
            );
        }
        // "on 15": a bare day number closing the sentence.
        if !has_the
            && i > 0
            && self.is(i.wrapping_sub(1), "on")
            && self.nlen(i) <= 2
            && let Some(d) = self.num(i).filter(|d| (1..=31).contains(d))
        {
            let closes = matches!(self.w(i + 1), "" | "!" | "?")
                || (self.is(i + 1, ".") && self.glued(i + 1) && !self.glued(i + 2));
            if closes {
                return self.cand(i, i + 1, Sem::DayOfMonth { d, moff: None });
            }
        }
        // "next day" without an article (with one it is handled as anaphoric elsewhere).
        if !has_the
            && matches!(self.w(i), "next" | "this")
            && self.is(i + 1, "day")
            && i > 0
            && matches!(
                self.w(i.wrapping_sub(1)),
                "on" | "back" | "for" | "by" | "until"
            )
        {
            let sem = if self.is(i, "next") {
                Sem::Anaph {
                    n: 1,
                    unit: Unit::Day,
                }
            } else {
                Sem::Same(Unit::Day)
            };
            return self.cand(i, i + 2, sem);
        }
        // Week + weekday: "next week Sunday", "next week on Friday".
        if !has_the
            && let Some(off) = rel_word(self.w(i)).or(if self.is(i, "previous") {
                Some(-1)
            } else {
                None
            })
            && self.is(i + 1, "week")
        {
            let k = if self.is(i + 2, "on") { i + 3 } else { i + 2 };
            if let Some(wd) = weekday_of(self.w(k)) {
                return self.cand(i, k + 1, Sem::WeekWeekday { wd, off });
            }
        }
        // Weekday + week: "Friday next week", "Sunday of next week".
        if let Some(wd) = weekday_of(self.w(j))
            && !has_the
        {
            let k = if self.is(j + 1, "of") { j + 2 } else { j + 1 };
            if let Some(off) = rel_word(self.w(k))
                && self.is(k + 1, "week")
            {
                return self.cand(i, k + 2, Sem::WeekWeekday { wd, off });
            }
            // "Friday the 15th"
            if self.is(j + 1, "the")
                && let Some((d, k)) = self.any_day(j + 2).map(|(d, k, _)| (d, k)).or_else(|| {
                    let (n, k) = self.number(j + 2)?;
                    n.filter(|n| (1..=31).contains(n)).map(|n| (n, k))
                })
            {
                return self.cand(i, k, Sem::DayOfMonth { d, moff: None });
            }
            return None;
        }
        // Ordinal weekday of a month: "the first Friday of July", "second Monday of next month".
        if let Some(n) = ordinal_of(self.w(j)).filter(|n| *n <= 5)
            && let Some(wd) = weekday_of(self.w(j + 1))
        {
            let k = j + 2;
            if matches!(self.w(k), "of" | "in") {
                if let Some((moff, e)) = self.month_offset(k + 1) {
                    return self.cand(
                        i,
                        e,
                        Sem::NthWeekday {
                            n,
                            wd,
                            m: None,
                            moff,
                        },
                    );
                }
                if let Some((m, abbr)) = month_of(self.w(k + 1)) {
                    let e = if abbr { self.skip_dot(k + 2) } else { k + 2 };
                    return self.cand(
                        i,
                        e,
                        Sem::NthWeekday {
                            n,
                            wd,
                            m: Some(m),
                            moff: 0,
                        },
                    );
                }
            }
            if !has_the {
                return self.cand(
                    i,
                    k,
                    Sem::NthWeekday {
                        n,
                        wd,
                        m: None,
                        moff: 0,
                    },
                );
            }
            return None;
        }
        // Day of month: "the 27th", "20th of next month", "the second".
        let (d, k, ordinal) = match self.any_day(j) {
            Some(x) => x,
            None => {
                // "the thirty", "the twenty one" at the end of a sentence.
                let (n, k) = self.number(j)?;
                let n = n?;
                if !has_the || self.num(j).is_some() || !(1..=31).contains(&n) {
                    return None;
                }
                (n, k, false)
            }
        };
        if self.is(k, "of")
            && let Some((moff, e)) = self.month_offset(k + 1)
        {
            return self.cand(
                i,
                e,
                Sem::DayOfMonth {
                    d,
                    moff: Some(moff),
                },
            );
        }
        if !has_the {
            return None;
        }
        let end_ok = matches!(self.w(k), "" | "." | "!" | "?")
            || (ordinal && matches!(self.w(k), "," | ";"))
            || (i > 0 && self.is(i.wrapping_sub(1), "on") && !self.is_alpha(k));
        if !end_ok
            || (self.num(j).is_some() && !ordinal && !matches!(self.w(k), "" | "." | "!" | "?"))
        {
            return None;
        }
        if !(1..=31).contains(&d) {
            return None;
        }
        self.cand(i, k, Sem::DayOfMonth { d, moff: None })
    }

    /// Weekdays, optionally with part of day or a following date: "Monday", "Monday night",
    /// "Monday, March 18".
    pub(super) fn weekday(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let mut rel = None;
        if let Some(r) = rel_word(self.w(i)) {
            rel = Some(r);
            j += 1;
        }
        let wd = weekday_of(self.w(j))?;
        let mut k = j + 1;
        // Attached date.
        if rel.is_none() {
            let k1 = if self.is(k, ",") { k + 1 } else { k };
            if let Some(c) = self.month_date(k1).or_else(|| self.day_month(k1))
                && matches!(c.sem, Sem::Abs { d: Some(_), .. })
            {
                return self.cand(i, c.end, c.sem);
            }
        }
        let mut pod = None;
        if let Some(p) = pod_of(self.w(k)) {
            pod = Some(p);
            k += 1;
        }
        if self.is(k, "nights") && rel.is_none() {
            return None;
        }
        self.cand(i, k, Sem::Weekday { wd, pod, rel })
    }

    /// Relative expressions: today, yesterday, this week, last July, the following month, ...
    pub(super) fn relative(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        match w {
            "today" => {
                // Generic "today's world"; "VOA Today" (a title).
                if (self.is(i + 1, "'") && self.is(i + 2, "s"))
                    || (self.cap(i)
                        && i > 0
                        && !self.t[i].para
                        && self.is_alpha(i.wrapping_sub(1))
                        && self.cap(i.wrapping_sub(1)))
                {
                    return None;
                }
                return self.cand(i, i + 1, Sem::RelDay { off: 0, pod: None });
            }
            "yesterday" | "tomorrow" => {
                let off = if w == "yesterday" { -1 } else { 1 };
                if let Some(p) = pod_of(self.w(i + 1)) {
                    return self.cand(i, i + 2, Sem::RelDay { off, pod: Some(p) });
                }
                return self.cand(i, i + 1, Sem::RelDay { off, pod: None });
            }
            "year"
                if self.is(i + 1, "-")
                    && matches!(self.w(i + 2), "earlier" | "ago")
                    && !matches!(self.w(i + 3), "quarter" | "period") =>
            {
                return self.cand(
                    i,
                    i + 3,
                    Sem::Anaph {
                        n: -1,
                        unit: Unit::Year,
                    },
                );
            }
            "tonight" => {
                return self.cand(
                    i,
                    i + 1,
                    Sem::RelDay {
                        off: 0,
                        pod: Some("TNI"),
                    },
                );
            }
            // "earlier yesterday" keeps the adverb; before a weekday or "today" it is left
            // out ("Earlier Friday, ..." tags "Friday"), as the news annotations mostly do.
            "earlier" | "later"
                if matches!(self.w(i + 1), "yesterday" | "tomorrow" | "tonight") =>
            {
                let c = self.relative(i + 1)?;
                return self.cand(i, c.end, c.sem);
            }
            // "mid afternoon", "mid-morning yesterday": the part of that day.
            "mid" => {
                let j = if self.is(i + 1, "-") { i + 2 } else { i + 1 };
                let p = pod_of(self.w(j))?;
                let (off, end) = match self.w(j + 1) {
                    "yesterday" => (-1, j + 2),
                    "today" => (0, j + 2),
                    "tomorrow" => (1, j + 2),
                    _ => (0, j + 1),
                };
                return self.cand(i, end, Sem::RelDay { off, pod: Some(p) });
            }
            // "earlier in the week", "later in the year": the unit we are in.
            "earlier" | "later" if self.is(i + 1, "in") && self.is(i + 2, "the") => {
                if let Some((u, false)) = unit_of(self.w(i + 3))
                    && matches!(u, Unit::Week | Unit::Month | Unit::Year | Unit::Quarter)
                {
                    return self.cand(i, i + 4, Sem::RelUnit { unit: u, off: 0 });
                }
                return None;
            }
            "earlier" | "later" if self.is(i + 1, "this") => {
                if let Some((u, false)) = unit_of(self.w(i + 2))
                    && matches!(u, Unit::Week | Unit::Month | Unit::Year | Unit::Quarter)
                {
                    return self.cand(i, i + 3, Sem::RelUnit { unit: u, off: 0 });
                }
                if let Some(p) = pod_of(self.w(i + 2)) {
                    return self.cand(
                        i,
                        i + 3,
                        Sem::RelDay {
                            off: 0,
                            pod: Some(p),
                        },
                    );
                }
                return None;
            }
            _ => {}
        }
        if let Some(off) = rel_word(w) {
            let j = i + 1;
            let nw = self.w(j);
            // A quoted title: ABC's "This Week" is a programme, not a week.
            if self.cap(i)
                && self.cap(j)
                && i > 0
                && matches!(self.w(i - 1), "\"" | "\u{201c}" | "`")
            {
                return None;
            }
            if w == "this"
                && let Some(p) = pod_of(nw)
            {
                return self.cand(
                    i,
                    j + 1,
                    Sem::RelDay {
                        off: 0,
                        pod: Some(p),
                    },
                );
            }
            if w == "last" && matches!(nw, "night" | "evening") {
                return self.cand(
                    i,
                    j + 1,
                    Sem::RelDay {
                        off: -1,
                        pod: pod_of(nw),
                    },
                );
            }
            if let Some((u, false)) = unit_of(nw)
                && matches!(
                    u,
                    Unit::Week
                        | Unit::Weekend
                        | Unit::Month
                        | Unit::Quarter
                        | Unit::Year
                        | Unit::Decade
                        | Unit::Century
                )
            {
                // "this year's third quarter" handled by quarter()
                return self.cand(i, j + 1, Sem::RelUnit { unit: u, off });
            }
            if let Some((m, abbr)) = month_of(nw)
                && (self.cap(j) || !matches!(m, 3 | 5) || abbr)
            {
                // "last Oct. 23": the full date is tagged from the month on.
                if let Some(c) = self.month_date(j)
                    && matches!(c.sem, Sem::Abs { d: Some(_), .. })
                {
                    return None;
                }
                return self.cand(i, j + 1, Sem::Month { m, rel: Some(off) });
            }
            return None;
        }
        if w == "the" || w == "that" || w == "this" {
            let j = i + 1;
            let nw = self.w(j);
            // the following/next/previous/preceding/same <unit>
            let dir: Option<i64> = match nw {
                "following" | "next" => Some(1),
                "previous" | "preceding" | "prior" => Some(-1),
                "same" => Some(0),
                _ => None,
            };
            if w == "the" {
                if let Some(dir) = dir {
                    if let Some((u, false)) = unit_of(self.w(j + 1))
                        && u >= Unit::Day
                        && u != Unit::Weekend
                    {
                        let sem = if dir == 0 {
                            Sem::Same(u)
                        } else {
                            Sem::Anaph { n: dir, unit: u }
                        };
                        return self.cand(i, j + 2, sem);
                    }
                    // "the next morning": the day after the reference date.
                    if dir != 0 && pod_of(self.w(j + 1)).is_some() {
                        return self.cand(
                            i,
                            j + 2,
                            Sem::Anaph {
                                n: dir,
                                unit: Unit::Day,
                            },
                        );
                    }
                    return None;
                }
                if matches!(nw, "current" | "present")
                    && let Some((u, false)) = unit_of(self.w(j + 1))
                    && u >= Unit::Week
                {
                    return self.cand(i, j + 2, Sem::RelUnit { unit: u, off: 0 });
                }
                if nw == "weekend" {
                    return self.cand(i, j + 1, Sem::TenseUnit(Unit::Weekend));
                }
                // "the year ended Sept. 30", "the fiscal year ending in June": a reporting
                // period, annotated as its length.
                if matches!(nw, "year" | "fiscal")
                    && (nw == "year" || self.is(j + 1, "year"))
                    && matches!(
                        self.w(if nw == "year" { j + 1 } else { j + 2 }),
                        "ended" | "ending"
                    )
                {
                    return self.cand(
                        i,
                        if nw == "year" { j + 1 } else { j + 2 },
                        Sem::Dur {
                            n: Some(1),
                            unit: Unit::Year,
                            half: false,
                        },
                    );
                }
                if matches!(nw, "fiscal" | "full") && self.is(j + 1, "year") {
                    if nw == "full" {
                        return self.cand(
                            i,
                            j + 2,
                            Sem::RelUnit {
                                unit: Unit::Year,
                                off: 0,
                            },
                        );
                    }
                    return self.cand(
                        i,
                        j + 2,
                        Sem::Dur {
                            n: Some(1),
                            unit: Unit::Year,
                            half: false,
                        },
                    );
                }
                // "For the year, volume was flat", "a high for the year": the year the story
                // is about, as "that year" is.
                if nw == "year"
                    && !matches!(
                        self.w(j + 1),
                        "-" | "'" | "ago" | "earlier" | "before" | "after" | "later"
                    )
                    && self.num(j + 1).is_none()
                {
                    return self.cand(i, j + 1, Sem::Same(Unit::Year));
                }
                // "For the week, the index fell 3%": the week of the day the story is at.
                if nw == "week"
                    && !matches!(
                        self.w(j + 1),
                        "-" | "of" | "ago" | "earlier" | "before" | "after" | "later" | "ahead"
                    )
                    && self.num(j + 1).is_none()
                {
                    return self.cand(i, j + 1, Sem::Same(Unit::Week));
                }
                // "by the end of the month": the month in question.
                if nw == "month"
                    && !matches!(
                        self.w(j + 1),
                        "-" | "of" | "ago" | "earlier" | "before" | "after" | "later"
                    )
                    && self.num(j + 1).is_none()
                {
                    return self.cand(i, j + 1, Sem::Same(Unit::Month));
                }
                if matches!(nw, "day" | "week" | "month" | "year")
                    && matches!(self.w(j + 1), "before" | "after" | "earlier" | "later")
                {
                    let u = match nw {
                        "day" => Unit::Day,
                        "week" => Unit::Week,
                        "month" => Unit::Month,
                        _ => Unit::Year,
                    };
                    let n = if matches!(self.w(j + 1), "before" | "earlier") {
                        -1
                    } else {
                        1
                    };
                    // "the day before yesterday" etc. are rare; the anaphoric reading wins.
                    if matches!(self.w(j + 1), "earlier" | "later")
                        || matches!(self.w(j + 2), "." | "," | "")
                    {
                        return self.cand(i, j + 2, Sem::Anaph { n, unit: u });
                    }
                }
            }
            if w == "that"
                && let Some((u, false)) = unit_of(nw)
                && matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year)
            {
                return self.cand(i, j + 1, Sem::Same(u));
            }
        }
        None
    }

    /// Vague references.
    pub(super) fn vague(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        let r = match w {
            "now" => {
                // Sentence-initial "Now," is a discourse marker, not a time reference; other
                // sentence-initial uses ("Now the court has ...") are tagged by TimeML.
                let initial = i == 0
                    || matches!(self.w(i.wrapping_sub(1)), "." | "!" | "?" | "\"" | "'")
                    || self.t.get(i).is_some_and(|t| t.para);
                if initial && self.is(i + 1, ",") {
                    return None;
                }
                ("PRESENT_REF", i + 1)
            }
            "currently" | "presently" | "nowadays" => ("PRESENT_REF", i + 1),
            "right" if self.is(i + 1, "now") => ("PRESENT_REF", i + 2),
            "present" if i > 0 && self.is(i.wrapping_sub(1), "at") => ("PRESENT_REF", i + 1),
            "current" => {
                if let Some((u, false)) = unit_of(self.w(i + 1))
                    && u >= Unit::Week
                {
                    return self.cand(i, i + 2, Sem::RelUnit { unit: u, off: 0 });
                }
                if self.is(i + 1, "fiscal") && self.is(i + 2, "year") {
                    return self.cand(
                        i,
                        i + 3,
                        Sem::RelUnit {
                            unit: Unit::Year,
                            off: 0,
                        },
                    );
                }
                ("PRESENT_REF", i + 1)
            }
            "recently" | "formerly" | "lately" => ("PAST_REF", i + 1),
            "recent" => {
                if let Some((u, true)) = unit_of(self.w(i + 1)) {
                    // TimeBank annotates "recent years" mostly as an unspecified duration.
                    return self.cand(
                        i,
                        i + 2,
                        Sem::Dur {
                            n: None,
                            unit: u,
                            half: false,
                        },
                    );
                } else {
                    return None;
                }
            }
            "the" => match self.w(i + 1) {
                "past"
                    if !self.is_alpha(i + 2)
                        || matches!(
                            self.w(i + 2),
                            "and"
                                | "or"
                                | "but"
                                | "that"
                                | "when"
                                | "the"
                                | "it"
                                | "he"
                                | "she"
                                | "they"
                                | "we"
                                | "there"
                        ) =>
                {
                    ("PAST_REF", i + 2)
                }
                "future" => ("FUTURE_REF", i + 2),
                "near" if self.is(i + 2, "future") => ("FUTURE_REF", i + 3),
                _ => return None,
            },
            "coming" => {
                if let Some((_, true)) = unit_of(self.w(i + 1)) {
                    ("FUTURE_REF", i + 2)
                } else {
                    return None;
                }
            }
            _ => return None,
        };
        self.cand(i, r.1, Sem::Ref(r.0))
    }

    /// "the coming week" (singular): the next one.
    pub(super) fn coming_unit(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        if w == "the"
            && self.is(i + 1, "coming")
            && let Some((u, false)) = unit_of(self.w(i + 2))
            && matches!(u, Unit::Week | Unit::Month | Unit::Year)
        {
            return self.cand(i, i + 3, Sem::RelUnit { unit: u, off: 1 });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::timex::TimexType::*;
    use crate::extract::timex::examples::{Example, check, check_untagged};

    /// Named from the publication date or the last date mentioned: "today", "this morning",
    /// "last week", "next July", "later this year", "the weekend", "the following day".
    #[rustfmt::skip]
    const RELATIVE: &[Example] = &[
        ("The strike started last July.", "2024-03-20", "last July", "2023-07", Date, None),
        ("The strike will start next July.", "2024-03-20", "next July", "2024-07", Date, None),
        ("The strike will end this July.", "2024-03-20", "this July", "2024-07", Date, None),
        ("The results came out today.", "2024-03-20", "today", "2024-03-20", Date, None),
        ("The results came out yesterday.", "2024-03-20", "yesterday", "2024-03-19", Date, None),
        ("The results come out tomorrow.", "2024-03-20", "tomorrow", "2024-03-21", Date, None),
        ("He speaks tonight at the forum.", "2024-03-20", "tonight", "2024-03-20TNI", Time, None),
        ("Shares slipped this morning in Tokyo.", "2024-03-20", "this morning", "2024-03-20TMO", Time, None),
        ("Shares slipped last week in Tokyo.", "2024-03-20", "last week", "2024-W11", Date, None),
        ("Shares slipped this year in Tokyo.", "2024-03-20", "this year", "2024", Date, None),
        ("Shares slipped last month in Tokyo.", "2024-03-20", "last month", "2024-02", Date, None),
        ("Shares will rise next year in Tokyo.", "2024-03-20", "next year", "2025", Date, None),
        ("The bridge closed earlier this month.", "2024-03-20", "earlier this month", "2024-03", Date, None),
        ("The bridge will reopen later this year.", "2024-03-20", "later this year", "2024", Date, None),
        ("We could have met earlier in the week.", "2024-03-20", "earlier in the week", "2024-W12", Date, None),
        ("Output fell earlier in the year.", "2024-03-20", "earlier in the year", "2024", Date, None),
        ("By mid afternoon, sources said so.", "2024-03-20", "mid afternoon", "2024-03-20TAF", Time, None),
        ("At mid-afternoon yesterday, shares rose.", "2024-03-20", "mid-afternoon yesterday", "2024-03-19TAF", Time, None),
        ("The upcoming month will be busy.", "2024-03-20", "upcoming month", "2024-04", Date, None),
        ("Markets were closed over the weekend.", "2024-03-20", "the weekend", "2024-W11-WE", Date, None),
        ("The rebels met on Saturday. The talks resumed the following day.", "2024-03-20", "the following day", "2024-03-17", Date, None),
        ("The rebels met on Saturday. The same day, shells fell.", "2024-03-20", "The same day", "2024-03-16", Date, None),
        ("A ruling is due by the end of the year.", "2024-03-20", "the end of the year", "2024", Date, Some("END")),
        // "the year": the year in question; before "ended"/"ending", a reporting period's length
        ("For the year, volume was flat.", "2024-03-20", "the year", "2024", Date, None),
        // "the week": the week of the day the story is at, unnamed after a month or a year
        ("Stocks slid on Friday. For the week, the index lost 2%.", "2024-03-20", "the week", "2024-W11", Date, None),
        ("Sales fell in October 2023, when the week was quiet.", "2024-03-20", "the week", "2023-WXX", Date, None),
        ("Sales fell in 2019. Prices rose for the year too.", "2024-03-20", "the year", "2019", Date, None),
        ("Troops will arrive by the end of the month.", "2024-03-20", "the end of the month", "2024-03", Date, Some("END")),
        ("The mine closed on March 3, 2022. The week before, it had flooded.", "2024-03-20", "The week before", "2022-02-24", Date, None),
        ("Net rose for the year ended Sept. 30.", "2024-03-20", "the year", "P1Y", Duration, None),
        ("Sales rose in the fiscal year ended Jan. 31.", "2024-03-20", "the fiscal year", "P1Y", Duration, None),
        ("He was arrested on March 3. He was freed the next morning.", "2024-03-20", "the next morning", "2024-03-04", Date, None),
        // "Earlier"/"Later" before a weekday or "today" stays outside the span.
        ("The mayor will speak later today in the city hall.", "2024-03-20", "today", "2024-03-20", Date, None),
        // ... but not before yesterday.
        ("Earlier yesterday, the talks broke down.", "2024-03-20", "Earlier yesterday", "2024-03-19", Date, None),
    ];

    #[test]
    fn relative() {
        check(RELATIVE);
    }

    /// Days without a month name: "the 27th", "Friday the 8th", "the first Monday of April",
    /// "Friday next week", "the day after tomorrow", "25" in "April 24 and 25".
    #[rustfmt::skip]
    const DAY_REF: &[Example] = &[
        // days of the month, ordinal weekdays, weekdays of a named week
        ("Rent is due on the 27th.", "2024-03-20", "the 27th", "2024-03-27", Date, None),
        ("The payment arrived on the 2nd.", "2024-03-20", "the 2nd", "2024-03-02", Date, None),
        ("The court ruled on the 15th of last month.", "2024-03-20", "the 15th of last month", "2024-02-15", Date, None),
        ("They met Friday the 8th.", "2024-03-20", "Friday the 8th", "2024-03-08", Date, None),
        ("The council meets the first Monday of April.", "2024-03-20", "the first Monday of April", "2024-04-01", Date, None),
        ("It will meet the second Tuesday of next month.", "2024-03-20", "the second Tuesday of next month", "2024-04-09", Date, None),
        ("The show will air Friday next week.", "2024-03-20", "Friday next week", "2024-03-29", Date, None),
        ("We will talk next week on Monday.", "2024-03-20", "next week on Monday", "2024-03-25", Date, None),
        ("He left last week Tuesday.", "2024-03-20", "last week Tuesday", "2024-03-12", Date, None),
        // day arithmetic around today
        ("The rally is set for the day after tomorrow.", "2024-03-20", "the day after tomorrow", "2024-03-22", Date, None),
        ("He left the day before yesterday.", "2024-03-20", "the day before yesterday", "2024-03-18", Date, None),
        ("Results come three days from tomorrow.", "2024-03-20", "three days from tomorrow", "2024-03-24", Date, None),
        // coordinated bare day
        ("The summit is on April 24 and 25.", "2024-03-20", "25", "2024-04-25", Date, None),
    ];

    #[test]
    fn day_ref() {
        check(DAY_REF);
    }

    /// Weekdays: "Monday", "Monday evening", "next Friday night", "Monday, March 18, 2024".
    #[rustfmt::skip]
    const WEEKDAY: &[Example] = &[
        ("The envoy said Monday that talks had stalled.", "2024-03-20", "Monday", "2024-03-18", Date, None),
        ("The envoys will meet on Monday in Oslo.", "2024-03-20", "Monday", "2024-03-25", Date, None),
        ("Shares rose on Monday, March 18, 2024 in Tokyo.", "2024-03-20", "Monday, March 18, 2024", "2024-03-18", Date, None),
        ("The blast happened Monday evening near the port.", "2024-03-20", "Monday evening", "2024-03-18TEV", Time, None),
        ("The blast happened Monday night near the port.", "2024-03-20", "Monday night", "2024-03-18", Date, None),
        ("Troops left Tuesday morning for the border.", "2024-03-20", "Tuesday morning", "2024-03-19", Date, None),
        ("The rally is set for next Friday night downtown.", "2024-03-20", "next Friday night", "2024-03-22TNI", Time, None),
        // "Earlier"/"Later" before a weekday or "today" stays outside the span.
        ("Earlier Tuesday, the ministers met in Rome.", "2024-03-20", "Tuesday", "2024-03-19", Date, None),
        ("Later Monday, the union rejected the offer.", "2024-03-20", "Monday", "2024-03-18", Date, None),
    ];

    #[test]
    fn weekday() {
        check(WEEKDAY);
    }

    /// Vague references: "currently", "recently", "the future", "right now", "recent years".
    #[rustfmt::skip]
    const VAGUE: &[Example] = &[
        ("The mine is currently closed.", "2024-03-20", "currently", "PRESENT_REF", Date, None),
        ("The mine recently closed.", "2024-03-20", "recently", "PAST_REF", Date, None),
        ("The mine may reopen in the future.", "2024-03-20", "the future", "FUTURE_REF", Date, None),
        ("Mines like this were common in the past.", "2024-03-20", "the past", "PAST_REF", Date, None),
        ("Investors are nervous right now.", "2024-03-20", "right now", "PRESENT_REF", Date, None),
        ("Prices have soared in recent years.", "2024-03-20", "recent years", "PXY", Duration, None),
        ("In the past it considered a bid.", "2024-03-20", "the past", "PAST_REF", Date, None),
    ];

    #[test]
    fn vague() {
        check(VAGUE);
    }

    /// "the coming month": the next one.
    #[rustfmt::skip]
    const COMING_UNIT: &[Example] = &[
        ("The move is set for the coming month.", "2024-03-20", "the coming month", "2024-04", Date, None),
    ];

    #[test]
    fn coming_unit() {
        check(COMING_UNIT);
    }

    #[test]
    fn not_relative() {
        check_untagged(&[
            "Now, the question is who pays.",
            "She finished the 27th lap first.",
            "The quarter-to-quarter comparison was poor.",
            "Baker, speaking on ABC News' \"This Week,\" said so.",
        ]);
    }
}
