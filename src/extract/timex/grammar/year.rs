//! Years and the parts of a year: "2023" in context, "fiscal 1989", "nineteen ninety-six",
//! "post-1990", decades and centuries ("the 1990s", "the nineties", "the 20th century"), quarters
//! and halves ("the third quarter", "the first half of 2023", "Q3 2016", "2016H2"), seasons
//! ("last summer", "the winter of 1994") and "year-end".

use super::Parser;
use crate::extract::timex::lexicon::{
    DECADES, NOT_AFTER_A_YEAR, lookup, ordinal_of, rel_word, season_of, small_num, tens_num,
};
use crate::extract::timex::sem::{Cand, Sem, YearSpec};

impl Parser<'_> {
    /// A 4-digit year token at i, accepted only in year-like context.
    pub(super) fn year_tok(&self, i: usize, strict_ctx: bool) -> Option<i32> {
        let n = self.num(i)?;
        if self.nlen(i) != 4 || !(1000..=2100).contains(&n) || self.wire_clock(i).is_some() {
            return None;
        }
        // Grouped number ("12,000") or decimal or part of a larger numeric token run.
        if i > 0
            && self.glued(i)
            && matches!(self.w(i.wrapping_sub(1)), "," | "." | "$" | "#" | "/" | ":")
        {
            return None;
        }
        if self.glued(i + 1)
            && matches!(self.w(i + 1), "," | "%" | ":" | "/")
            && self.num(i + 2).is_some()
        {
            return None;
        }
        if self.is(i + 1, "%")
            || (self.glued(i + 1) && self.is(i + 1, ".") && self.num(i + 2).is_some())
        {
            return None;
        }
        let prev = if i > 0 { self.w(i.wrapping_sub(1)) } else { "" };
        if matches!(
            prev,
            "$" | "#" | "no" | "number" | "page" | "route" | "flight" | "room" | "model"
        ) {
            return None;
        }
        // Followed by a lowercase plural-looking word: "2000 containers".
        let next = self.t.get(i + 1);
        if let Some(nt) = next {
            let nw = nt.w.as_ref();
            if !nt.cap
                && nw.chars().all(|c| c.is_alphabetic())
                && nw.len() > 3
                && nw.ends_with('s')
                && !matches!(
                    nw,
                    "was"
                        | "has"
                        | "this"
                        | "thus"
                        | "does"
                        | "sales"
                        | "results"
                        | "earnings"
                        | "levels"
                        | "figures"
                        | "prices"
                        | "lows"
                        | "highs"
                )
            {
                return None;
            }
            if matches!(
                nw,
                "people"
                    | "men"
                    | "women"
                    | "children"
                    | "troops"
                    | "feet"
                    | "miles"
                    | "tons"
                    | "metres"
                    | "meters"
                    | "km"
                    | "dollars"
                    | "shares"
                    | "units"
                    | "cars"
            ) {
                return None;
            }
        }
        let ctx = matches!(
            prev,
            "in" | "since"
                | "its"
                | "his"
                | "her"
                | "their"
                | "our"
                | "a"
                | "that"
                | "this"
                | "s"
                | "post"
                | "pre"
                | "of"
                | "by"
                | "until"
                | "till"
                | "from"
                | "to"
                | "during"
                | "before"
                | "after"
                | "through"
                | "between"
                | "and"
                | "or"
                | "fiscal"
                | "year"
                | "early"
                | "late"
                | "mid"
                | "-"
                | "end"
                | "spring"
                | "summer"
                | "fall"
                | "autumn"
                | "winter"
                | "'"
                | "the"
                | "for"
                | "throughout"
                | "than"
                | "into"
                | "circa"
                | "around"
                | "about"
                | "as"
                | "at"
                | "on"
                | "("
                | ","
                | "calendar"
                | "until."
        );
        if ctx {
            return Some(n as i32);
        }
        if strict_ctx {
            return None;
        }
        // Otherwise require a clause boundary after it and a plausible modern year.
        if !(1900..=2099).contains(&n) {
            return None;
        }
        match next {
            None => Some(n as i32),
            Some(nt) => {
                let nw = nt.w.as_ref();
                let punct = !nt
                    .w
                    .chars()
                    .next()
                    .map(|c| c.is_alphanumeric())
                    .unwrap_or(false);
                // A lowercase singular word after a modern year names what happened in it
                // ("his unsuccessful 1996 campaign", "volume in 1989 is"): a count of things
                // takes a plural ("2000 containers"), a measure its unit.
                let singular = nt.w.bytes().all(|b| b.is_ascii_lowercase())
                    && nw.len() > 1
                    && (!nw.ends_with('s') || matches!(nw, "is" | "was" | "has"))
                    && !NOT_AFTER_A_YEAR.contains(nw);
                if (punct && nw != "%" && nw != "-")
                    || nt.cap
                    || singular
                    || matches!(nw, "and" | "to" | "when" | "as")
                {
                    Some(n as i32)
                } else {
                    None
                }
            }
        }
    }

    /// "nineteen ninety-six", "two thousand", "two thousand three".
    pub(super) fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
        let w = self.w(i);
        if let Some(h) = small_num(w).filter(|n| (10..=19).contains(n)) {
            let j = i + 1;
            if let Some(t) = tens_num(self.w(j)) {
                let mut v = t;
                let mut k = j + 1;
                let k2 = if self.is(k, "-") { k + 1 } else { k };
                if let Some(o) = small_num(self.w(k2)).filter(|o| (1..10).contains(o)) {
                    v += o;
                    k = k2 + 1;
                }
                return Some(((h * 100 + v) as i32, k));
            }
            if let Some(o) = small_num(self.w(j)).filter(|o| (10..=19).contains(o)) {
                return Some(((h * 100 + o) as i32, j + 1));
            }
            return None;
        }
        if w == "two" && self.is(i + 1, "thousand") {
            let mut v = 2000;
            let mut k = i + 2;
            let k1 = if self.is(k, "and") { k + 1 } else { k };
            if let Some(o) = small_num(self.w(k1)).filter(|o| *o >= 1) {
                v += o;
                k = k1 + 1;
            }
            return Some((v as i32, k));
        }
        None
    }

    /// Years: "2023" in context, "fiscal 1989", "the year 2000", spelled years.
    pub(super) fn year_expr(&self, i: usize) -> Option<Cand> {
        if self.is(i, "fiscal") {
            let j = if self.is(i + 1, "year") { i + 2 } else { i + 1 };
            if self.nlen(j) == 4 {
                let y = self.num(j).filter(|n| (1000..=2100).contains(n))? as i32;
                return self.cand(i, j + 1, Sem::Year(y));
            }
            return None;
        }
        if self.is(i, "the") && self.is(i + 1, "year") {
            if let Some((y, k)) = self.spelled_year(i + 2) {
                return self.cand(i, k, Sem::Year(y));
            }
            if self.nlen(i + 2) == 4 {
                let y = self.num(i + 2).filter(|n| (1000..=2100).contains(n))? as i32;
                return self.cand(i, i + 3, Sem::Year(y));
            }
            return None;
        }
        if let Some((y, k)) = self.spelled_year(i) {
            // Spelled years only in year contexts.
            let prev = if i > 0 { self.w(i.wrapping_sub(1)) } else { "" };
            if matches!(
                prev,
                "in" | "since" | "of" | "until" | "from" | "to" | "by" | "during" | "and"
            ) || self.is(i, "nineteen")
            {
                return self.cand(i, k, Sem::Year(y));
            }
            return None;
        }
        let y = self.year_tok(i, false)?;
        // "1990s" handled by decade.
        if self.glued(i + 1) && self.is(i + 1, "s") {
            return None;
        }
        self.cand(i, i + 1, Sem::Year(y))
    }

    /// Decades and centuries: "the 1990s", "1990s", "the '90s", "the nineties", "the 20th century".
    pub(super) fn decade(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        if self.is(j, "the") {
            j += 1;
        }
        let had_the = j > i;
        if self.nlen(j) == 4 && self.glued(j + 1) && self.is(j + 1, "s") {
            let n = self.num(j)?;
            if n % 10 == 0 && (1000..=2090).contains(&n) {
                return self.cand(i, j + 2, Sem::Decade((n / 10) as i32));
            }
        }
        if self.is(j, "'")
            && self.nlen(j + 1) == 2
            && self.glued(j + 1)
            && self.is(j + 2, "s")
            && self.glued(j + 2)
        {
            let n = self.num(j + 1)?;
            if n % 10 == 0 {
                let c = if n >= 20 { 190 } else { 200 };
                return self.cand(i, j + 3, Sem::Decade(c + (n / 10) as i32));
            }
        }
        if had_the && self.nlen(j) == 2 && self.is(j + 1, "s") && self.glued(j + 1) {
            let n = self.num(j)?;
            if n % 10 == 0 {
                let c = if n >= 20 { 190 } else { 200 };
                return self.cand(i, j + 2, Sem::Decade(c + (n / 10) as i32));
            }
        }
        if had_the && let Some(d) = lookup(DECADES, self.w(j)) {
            return self.cand(i, j + 1, Sem::Decade(190 + d));
        }
        // "the 20th century", "the 1800s"
        if let Some(n) = self.num(j)
            && self.nlen(j) <= 2
            && matches!(self.w(j + 1), "st" | "nd" | "rd" | "th")
            && self.glued(j + 1)
            && self.is(j + 2, "century")
            && (1..=30).contains(&n)
        {
            return self.cand(i, j + 3, Sem::Century(n as i32 - 1));
        }
        if let Some(o) = ordinal_of(self.w(j))
            && self.is(j + 1, "century")
            && had_the
        {
            return self.cand(i, j + 2, Sem::Century(o as i32 - 1));
        }
        if let Some(o) = small_num(self.w(j)).filter(|_| self.w(j).ends_with("eenth")) {
            let _ = o;
        }
        None
    }

    /// A year after "post-" or "pre-": "post-1959", "pre-2000".
    pub(super) fn prefixed_year(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        // "post-1959", "pre-2000": the year itself.
        if matches!(w, "post" | "pre")
            && self.is(i + 1, "-")
            && self.glued(i + 1)
            && self.glued(i + 2)
            && let Some(y) = self
                .num(i + 2)
                .filter(|y| self.nlen(i + 2) == 4 && (1000..=2100).contains(y))
        {
            return self.cand(i, i + 3, Sem::Year(y as i32));
        }
        None
    }

    /// Quarters and halves.
    pub(super) fn quarter(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let mut ys = YearSpec::Ctx;
        let mut has_the = false;
        if self.is(j, "the") {
            j += 1;
            has_the = true;
        }
        // "this year's", "last year's"
        if let Some(off) = rel_word(self.w(j)) {
            if self.is(j + 1, "year") && self.is(j + 2, "'") && self.is(j + 3, "s") {
                ys = YearSpec::Dct(off);
                j += 4;
            } else if has_the && !self.second_half_at(j) {
                return None;
            }
        }
        if (self.is(j, "year") && self.is(j + 1, "-") && matches!(self.w(j + 2), "ago" | "earlier"))
            && has_the
        {
            ys = YearSpec::YearAgo;
            j += 3;
        }
        if self.nlen(j) == 4
            && has_the
            && let Some(y) = self.num(j).filter(|n| (1000..=2100).contains(n))
        {
            ys = YearSpec::Abs(y as i32);
            j += 1;
        }
        if self.is(j, "fiscal") {
            j += 1;
        }
        let mut q = None;
        let mut half = false;
        // "the third-quarter loss": the hyphenated quarter is an adjective and the article
        // belongs to the noun after it.
        let mut adjective = false;
        if let Some(o) = ordinal_of(self.w(j)).filter(|o| *o <= 4) {
            adjective = self.is(j + 1, "-");
            let k = if self.is(j + 1, "-") { j + 2 } else { j + 1 };
            let k = if self.is(k, "fiscal") { k + 1 } else { k };
            if self.is(k, "quarter") {
                q = Some((o, k + 1));
            } else if self.is(k, "half") && o <= 2 {
                q = Some((o, k + 1));
                half = true;
            } else if o == 1
                && self.is(k, "two")
                && self.is(k + 1, "quarters")
                && self.is(k + 2, "of")
            {
                // "the first two quarters of 1990": its first half.
                q = Some((1, k + 2));
                half = true;
            }
        } else if has_the && self.second_half_at(j) {
            // "the last half of 1989", "the latter half of the year", "the last two quarters of
            // 1990": the second half.
            let k = if self.is(j + 1, "half") { j + 2 } else { j + 3 };
            q = Some((2, k));
            half = true;
        } else if matches!(
            self.w(j),
            "latest" | "last" | "past" | "recent" | "most" | "comparable" | "same"
        ) && has_the
        {
            let k = if self.is(j, "most") && self.is(j + 1, "recent") {
                j + 2
            } else {
                j + 1
            };
            if self.is(k, "quarter") || (self.is(k, "period") && self.w(j) == "latest") {
                q = Some((0, k + 1));
            }
        } else if self.is(j, "quarter")
            && (has_the || ys != YearSpec::Ctx)
            // "the quarter-to-quarter comparison"
            && !(self.is(j + 1, "-") && self.glued(j + 1))
        {
            if ys == YearSpec::Ctx && !self.is(j + 1, "of") {
                // "the quarter" alone: the latest completed quarter.
                q = Some((0, j + 1));
            } else {
                q = Some((0, j + 1));
            }
        } else if matches!(self.w(j), "period")
            && matches!(ys, YearSpec::YearAgo | YearSpec::Abs(_))
        {
            q = Some((0, j + 1));
        } else if self.w(j).len() == 2 && self.w(j).starts_with('q') && self.cap(j) {
            let o = self.w(j)[1..]
                .parse::<u32>()
                .ok()
                .filter(|o| (1..=4).contains(o));
            if let Some(o) = o {
                q = Some((o, j + 1));
            }
        } else if let (Some(o), true) = (self.num(j), self.is(j + 1, "q") && self.glued(j + 1))
            && (1..=4).contains(&o)
        {
            q = Some((o, j + 2));
        }
        let (qn, mut end) = q?;
        // "of 2023", "2023", "of last year", "of this year"
        let k = if self.is(end, "of") { end + 1 } else { end };
        if self.nlen(k) == 4 {
            if let Some(y) = self.num(k).filter(|n| (1000..=2100).contains(n)) {
                ys = YearSpec::Abs(y as i32);
                end = k + 1;
            }
        } else if let Some(off) = rel_word(self.w(k))
            && self.is(k + 1, "year")
        {
            ys = YearSpec::Dct(off);
            end = k + 2;
        }
        let i = if adjective && has_the && ys == YearSpec::Ctx && self.is_alpha(end) {
            i + 1
        } else {
            i
        };
        if half {
            return self.cand(i, end, Sem::Half { h: qn, ys });
        }
        self.cand(i, end, Sem::Quarter { q: qn, ys })
    }

    /// "last half of", "latter half of", "last two quarters of" at token `j`: the second half
    /// of what follows.
    fn second_half_at(&self, j: usize) -> bool {
        let half = self.is(j + 1, "half");
        matches!(self.w(j), "last" | "latter")
            && (half || self.is(j + 1, "two") && self.is(j + 2, "quarters"))
            && self.is(j + if half { 2 } else { 3 }, "of")
    }

    /// Quarters and halves written as codes: "Q3 2016", "Q1", "H2 2016", "2016 Q3", "2016H2".
    pub(super) fn quarter_code_expr(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        // "Q3 2016", "Q1", "H2 2016"
        if matches!(w, "q" | "h") && self.cap(i) {
            return self.quarter_code(i, None);
        }
        let year = self
            .num(i)
            .filter(|y| self.nlen(i) == 4 && (1900..=2100).contains(y))
            .map(|y| y as i32);
        if let Some(y) = year {
            // "2016 Q3", "2016H2"
            if matches!(self.w(i + 1), "q" | "h") && self.cap(i + 1) {
                return self.quarter_code(i + 1, Some(y)).map(|mut c| {
                    c.start = i;
                    c
                });
            }
        }
        None
    }

    /// "Q3" / "H1" (a capital letter glued to its number) with an optional year after it
    /// ("Q3 2016", "Q4 of 2016", "Q3 this year") or a known year before it.
    pub(super) fn quarter_code(&self, i: usize, year: Option<i32>) -> Option<Cand> {
        let half = self.is(i, "h");
        let max = if half { 2 } else { 4 };
        let n = self
            .num(i + 1)
            .filter(|n| (1..=max).contains(n) && self.nlen(i + 1) == 1 && self.glued(i + 1))?;
        // "Q3x", "H1N1"
        if self.t.get(i + 2).is_some_and(|t| !t.sp)
            && (self.is_alpha(i + 2) || self.num(i + 2).is_some())
        {
            return None;
        }
        let mut end = i + 2;
        let mut ys = year.map(YearSpec::Abs).unwrap_or(YearSpec::Ctx);
        if year.is_none() {
            let k = if self.is(end, "of") || self.is(end, ",") {
                end + 1
            } else {
                end
            };
            if let Some(y) = self
                .num(k)
                .filter(|y| self.nlen(k) == 4 && (1900..=2100).contains(y))
            {
                ys = YearSpec::Abs(y as i32);
                end = k + 1;
            } else if let Some(off) = rel_word(self.w(k))
                && self.is(k + 1, "year")
            {
                ys = YearSpec::Dct(off);
                end = k + 2;
            } else if half {
                // A bare "H1" is too often something else.
                return None;
            }
        }
        if half {
            self.cand(i, end, Sem::Half { h: n, ys })
        } else {
            self.cand(i, end, Sem::Quarter { q: n, ys })
        }
    }

    /// Seasons: "summer 2023", "last summer", "the summer", "the winter of 1994".
    pub(super) fn season(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let mut rel = None;
        let mut has_the = false;
        if let Some(r) = rel_word(self.w(j)) {
            rel = Some(r);
            j += 1;
            if r == 0 && self.is(j, "past") {
                rel = Some(-1);
                j += 1;
            }
        } else if self.is(j, "the") {
            has_the = true;
            j += 1;
        }
        let s = season_of(self.w(j))?;
        let mut k = j + 1;
        if self.is(k, "of") {
            k += 1;
        }
        if rel.is_none() {
            if self.nlen(k) == 4
                && let Some(y) = self.num(k).filter(|n| (1000..=2100).contains(n))
            {
                return self.cand(
                    i,
                    k + 1,
                    Sem::Season {
                        s,
                        ys: YearSpec::Abs(y as i32),
                        rel: None,
                    },
                );
            }
            if let Some((y, k2)) = self.spelled_year(k) {
                return self.cand(
                    i,
                    k2,
                    Sem::Season {
                        s,
                        ys: YearSpec::Abs(y),
                        rel: None,
                    },
                );
            }
            if !has_the {
                return None;
            }
            if matches!(self.w(j + 1), "of") {
                return None;
            }
        }
        self.cand(
            i,
            j + 1,
            Sem::Season {
                s,
                ys: YearSpec::Ctx,
                rel,
            },
        )
    }

    /// Year end: "year-end", "year end", "the end of the year" is handled by modifiers.
    pub(super) fn year_end(&self, i: usize) -> Option<Cand> {
        if !self.is(i, "year") {
            return None;
        }
        let e = if self.is(i + 1, "-") && self.is(i + 2, "end") {
            i + 3
        } else if self.is(i + 1, "end")
            || (self.is(i + 1, "'") && self.is(i + 2, "s") && self.is(i + 3, "end"))
        {
            if self.is(i + 1, "end") { i + 2 } else { i + 4 }
        } else {
            return None;
        };
        let prev = i > 0 && matches!(self.w(i.wrapping_sub(1)), "since");
        self.cand(i, e, Sem::YearEnd { prev })
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::timex::TimexType::*;
    use crate::extract::timex::examples::{Example, check, check_span_untagged, check_untagged};

    /// Years: "1998" after "since", "mid-2023", "early 2024", "nineteen ninety-six".
    #[rustfmt::skip]
    const YEAR_EXPR: &[Example] = &[
        ("The firm has operated since 1998 in the city.", "2024-03-20", "1998", "1998", Date, None),
        ("Output fell in 2023, officials said.", "2024-03-20", "2023", "2023", Date, None),
        ("The recovery began in mid-2023 for most firms.", "2024-03-20", "mid-2023", "2023", Date, Some("MID")),
        ("Rates will fall in early 2024, analysts predict.", "2023-11-20", "early 2024", "2024", Date, Some("START")),
        ("The economy grew in nineteen ninety-six.", "2024-03-20", "nineteen ninety-six", "1996", Date, None),
        // an open end belongs to the year
        ("It won't be profitable until 1994 or later.", "1989-10-26", "1994 or later", "1994", Date, Some("ON_OR_AFTER")),
        ("Cash flow for 1990 and beyond looks weak.", "1989-10-26", "1990 and beyond", "1990", Date, Some("ON_OR_AFTER")),
        // a lowercase singular word after a modern year: what happened in it
        ("He lost his unsuccessful 1996 campaign.", "1998-02-13", "1996", "1996", Date, None),
        ("Turnout at the crucial 1992 election was high.", "1998-10-25", "1992", "1992", Date, None),
    ];

    #[test]
    fn year_expr() {
        check(YEAR_EXPR);
    }

    /// Decades and centuries: "the 1990s", "the late 1990s", "the nineties", "the 20th century".
    #[rustfmt::skip]
    const DECADE: &[Example] = &[
        ("The scheme dates from the late 1990s.", "2024-03-20", "the late 1990s", "199", Date, Some("END")),
        ("Music from the 1990s filled the hall.", "2024-03-20", "the 1990s", "199", Date, None),
        ("Music from the nineties filled the hall.", "2024-03-20", "the nineties", "199", Date, None),
        ("It was built in the 20th century.", "2024-03-20", "the 20th century", "19", Date, None),
    ];

    #[test]
    fn decade() {
        check(DECADE);
    }

    /// A year after "post-" or "pre-": the year itself.
    #[rustfmt::skip]
    const PREFIXED_YEAR: &[Example] = &[
        ("The post-1990 order is fading.", "2024-03-20", "post-1990", "1990", Date, None),
    ];

    #[test]
    fn prefixed_year() {
        check(PREFIXED_YEAR);
    }

    /// Quarters and halves in words: "the first quarter", "the first half of 2023", "the quarter".
    #[rustfmt::skip]
    const QUARTER: &[Example] = &[
        ("Sales rose in the first quarter.", "2024-05-20", "the first quarter", "2024-Q1", Date, None),
        ("Sales rose in the first half of 2023.", "2024-03-20", "the first half of 2023", "2023-H1", Date, None),
        ("Output rose 5% in the quarter.", "1989-10-26", "the quarter", "1989-Q3", Date, None),
        ("It expects the third-quarter loss to widen.", "1989-10-26", "third-quarter", "1989-Q3", Date, None),
        ("Profit rose in the fiscal second-quarter of 1989.", "1989-10-26", "the fiscal second-quarter of 1989", "1989-Q2", Date, None),
        // a quarter by its year alone is the quarter the report is about
        ("Net fell in the second quarter. It had risen in the 2023 quarter.", "2024-08-02", "the 2023 quarter", "2023-Q2", Date, None),
        ("Miners earned $4 million in the 2022 period.", "2023-11-01", "the 2022 period", "2022-Q3", Date, None),
        ("Fees for last year's quarter were $2 million.", "2024-10-30", "last year's quarter", "2023-Q3", Date, None),
    ];

    #[test]
    fn quarter() {
        check(QUARTER);
    }

    /// Quarters and halves as codes: "Q2 2023", "2022 Q4", "H1 2023", "2021H2", "Q1 this year".
    #[rustfmt::skip]
    const QUARTER_CODE_EXPR: &[Example] = &[
        ("Sales fell in Q2 2023.", "2024-03-20", "Q2 2023", "2023-Q2", Date, None),
        ("Sales fell in 2022 Q4.", "2024-03-20", "2022 Q4", "2022-Q4", Date, None),
        ("Output rose in H1 2023.", "2024-03-20", "H1 2023", "2023-H1", Date, None),
        ("Output rose in 2021H2.", "2024-03-20", "2021H2", "2021-H2", Date, None),
        ("Earnings will improve in the last half of 1989.", "1989-10-26", "the last half of 1989", "1989-H2", Date, None),
        ("Sales will slow through the first two quarters of 1990.", "1989-10-26", "the first two quarters of 1990", "1990-H1", Date, None),
        ("Profit rose in Q1 this year.", "2024-03-20", "Q1 this year", "2024-Q1", Date, None),
    ];

    #[test]
    fn quarter_code_expr() {
        check(QUARTER_CODE_EXPR);
    }

    /// Seasons: "next spring", "last summer", "summer 2023".
    #[rustfmt::skip]
    const SEASON: &[Example] = &[
        ("The clinic will open next spring.", "2024-03-20", "next spring", "2025-SP", Date, None),
        ("The clinic opened last summer.", "2024-03-20", "last summer", "2023-SU", Date, None),
        ("Sales rose in summer 2023 in Spain.", "2024-03-20", "summer 2023", "2023-SU", Date, None),
        // a winter is named by the year of its December
        ("Hiring surged last fall.", "1998-02-06", "last fall", "1997-FA", Date, None),
        ("Heating bills soared last winter.", "1998-03-20", "last winter", "1997-WI", Date, None),
        ("Snow will close roads this winter.", "1999-01-10", "this winter", "1998-WI", Date, None),
        ("The mill will reopen in the spring.", "1999-01-10", "the spring", "1999-SP", Date, None),
    ];

    #[test]
    fn season() {
        check(SEASON);
    }

    /// The end of the year: "year-end".
    #[rustfmt::skip]
    const YEAR_END: &[Example] = &[
        ("The merger should close by year-end, the bank said.", "2023-11-02", "year-end", "2023", Date, None),
    ];

    #[test]
    fn year_end() {
        check(YEAR_END);
    }

    #[test]
    fn not_years() {
        check_untagged(&[
            "They shipped 2000 containers to the port.",
            "The fund raised 2,000 dollars.",
        ]);
        // strains stay as they are
        check_span_untagged(&[
            ("The H1N1 virus spread.", "H1"),
            ("Some 1950 police were deployed.", "1950"),
            ("It shipped 2000 metric tons.", "2000"),
            ("It shipped 2000 containers.", "2000"),
        ]);
    }
}
