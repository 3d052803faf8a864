//! Tokens in, candidate expressions out: [`Parser`] tries every matcher at a token and keeps the
//! longest match, with a leading modifier ("about", "early", "the end of") when the expression
//! after it takes one. The matchers are methods of [`Parser`], filed by kind:
//!
//! - `date.rs`: dates with a month: "March 18, 2024", "18 March", "3/18/2024", "2016-11", and
//!   the first day of a day range;
//! - `year.rs`: years, decades, centuries, quarters, halves, seasons, year end;
//! - `holiday.rs`: holidays by name;
//! - `relative.rs`: "today", "last week", weekdays, "the 27th", "the following month", "now";
//! - `duration.rs`: lengths ("two years", "48-hour", "3.5 years") and offsets ("three days ago");
//! - `story.rs`: "that June", "the following spring", "that night": dates a story refers to;
//! - `set.rs`: recurrences ("every week", "daily", "Sundays at 9am");
//! - `time.rs`: clock times ("3 p.m.", "15:30 GMT", "noon", "5 in the morning").
//!
//! Each returns a [`Cand`] (its span and [`Sem`]) or nothing; a new matcher is added to
//! [`Parser::all_matchers`]. Each file keeps its rules' examples in its tests.

mod date;
mod duration;
mod holiday;
mod relative;
mod set;
mod story;
mod time;
mod year;

use super::lexicon::{START_WORD_SET, pod_of, small_num, tens_num, weekday_of};
use super::sem::{Cand, Sem, Unit};
use super::tokens::Tok;

/// The tokens of one text, and the matchers over them (its methods, in this folder).
pub(super) struct Parser<'a> {
    t: &'a [Tok<'a>],
    /// [`Parser::read_number`] at every token, read once: most matchers try a number first.
    numbers: Vec<Option<(Option<u32>, usize)>>,
}

impl<'a> Parser<'a> {
    pub(super) fn new(t: &'a [Tok<'a>]) -> Self {
        let mut p = Parser {
            t,
            numbers: Vec::new(),
        };
        p.numbers = (0..t.len()).map(|i| p.read_number(i)).collect();
        p
    }
    fn w(&self, i: usize) -> &str {
        self.t.get(i).map(|t| t.w.as_ref()).unwrap_or("")
    }
    fn is(&self, i: usize, w: &str) -> bool {
        self.w(i) == w
    }
    fn cap(&self, i: usize) -> bool {
        self.t.get(i).map(|t| t.cap).unwrap_or(false)
    }
    fn num(&self, i: usize) -> Option<u32> {
        self.t.get(i).and_then(|t| t.num)
    }
    fn nlen(&self, i: usize) -> usize {
        self.t.get(i).map_or(0, |t| t.len as usize)
    }
    /// Token i is attached to the previous token (no whitespace).
    fn glued(&self, i: usize) -> bool {
        self.t.get(i).map(|t| !t.sp).unwrap_or(false)
    }
    fn is_alpha(&self, i: usize) -> bool {
        self.t
            .get(i)
            .and_then(|t| t.w.chars().next())
            .map(|c| c.is_alphabetic())
            .unwrap_or(false)
    }

    /// Optional "." glued to an abbreviation.
    fn skip_dot(&self, i: usize) -> usize {
        if self.is(i, ".") && self.glued(i) {
            i + 1
        } else {
            i
        }
    }

    /// A cardinal number (digits or words). Returns (value or None for vague, next index).
    fn number(&self, i: usize) -> Option<(Option<u32>, usize)> {
        match self.numbers.get(i) {
            Some(n) => *n,
            None => self.read_number(i),
        }
    }

    /// [`Parser::number`], read from the tokens.
    fn read_number(&self, i: usize) -> Option<(Option<u32>, usize)> {
        let w = self.w(i);
        if let Some(n) = self.num(i) {
            // Reject "7,000"-style grouped numbers and decimals.
            if self.is(i + 1, ",")
                && self.glued(i + 1)
                && self.nlen(i + 2) == 3
                && self.glued(i + 2)
            {
                return None;
            }
            if self.is(i + 1, ".")
                && self.glued(i + 1)
                && self.num(i + 2).is_some()
                && self.glued(i + 2)
            {
                return None;
            }
            if i > 0
                && (self.is(i.wrapping_sub(1), ".") || self.is(i.wrapping_sub(1), ","))
                && self.glued(i)
                && self.num(i.wrapping_sub(2)).is_some()
            {
                return None;
            }
            return Some((Some(n), i + 1));
        }
        match w {
            "a" | "an" => {
                if self.is(i + 1, "couple") && self.is(i + 2, "of") {
                    return Some((Some(2), i + 3));
                }
                if self.is(i + 1, "few") {
                    return Some((None, i + 2));
                }
                if self.is(i + 1, "dozen") {
                    return Some((Some(12), i + 2));
                }
                if self.is(i + 1, "hundred") {
                    return Some((Some(100), i + 2));
                }
                if self.is(i + 1, "thousand") {
                    return Some((Some(1000), i + 2));
                }
                return Some((Some(1), i + 1));
            }
            "several" | "few" | "many" | "some" => return Some((None, i + 1)),
            "dozens" | "hundreds" | "thousands" if self.is(i + 1, "of") => {
                return Some((None, i + 2));
            }
            "couple" if self.is(i + 1, "of") => return Some((Some(2), i + 2)),
            "dozen" => return Some((Some(12), i + 1)),
            _ => {}
        }
        let mut val;
        let mut j;
        if let Some(t) = tens_num(w) {
            val = t;
            j = i + 1;
            let k = if self.is(j, "-") && self.glued(j) {
                j + 1
            } else {
                j
            };
            if let Some(o) = small_num(self.w(k))
                && (1..10).contains(&o)
            {
                val += o;
                j = k + 1;
            }
        } else if let Some(o) = small_num(w) {
            val = o;
            j = i + 1;
        } else {
            return None;
        }
        if self.is(j, "hundred") {
            val *= 100;
            j += 1;
            if self.is(j, "and")
                && let Some((Some(r), k)) = self.number(j + 1)
                && r < 100
            {
                val += r;
                j = k;
            }
        }
        Some((Some(val), j))
    }

    /// Best candidate starting at token i (longest match), including modifiers.
    pub(super) fn parse_at(&self, i: usize) -> Option<Cand> {
        let t = self.t.get(i)?;
        // Quick reject: tokens that can never start an expression.
        let first = t.w.chars().next()?;
        if !(first.is_alphanumeric() || first == '\'' || first == '$') {
            return None;
        }
        let mut best: Option<Cand> = None;
        if let Some((m, j, kind)) = self.modifier(i)
            && let Some(mut c) = self.core(j)
        {
            // "the end of the year/month/week": the period we are in, not a length of time.
            if kind == ModKind::Date
                && self.is(j, "the")
                && let Sem::Dur {
                    n: None | Some(1),
                    unit:
                        unit @ (Unit::Week | Unit::Month | Unit::Quarter | Unit::Year | Unit::Decade),
                    half: false,
                } = c.sem
            {
                c.sem = Sem::RelUnit { unit, off: 0 };
            }
            let ok = match kind {
                ModKind::Both => !matches!(c.sem, Sem::Set(_) | Sem::Ref(_) | Sem::Weekday { .. }),
                ModKind::Dur => matches!(
                    c.sem,
                    Sem::Dur { .. }
                        | Sem::DurStr(_)
                        | Sem::Ago { .. }
                        | Sem::Anaph { .. }
                        | Sem::FromNow { .. }
                ),
                ModKind::Date => !matches!(
                    c.sem,
                    Sem::Dur { .. } | Sem::DurStr(_) | Sem::Set(_) | Sem::Ref(_)
                ),
            };
            if ok && c.modifier.is_none() {
                c.start = i;
                c.modifier = Some(m);
                best = Some(c);
            }
        }
        if let Some(c) = self.core(i)
            && best.as_ref().map(|b| c.end > b.end).unwrap_or(true)
        {
            best = Some(c);
        }
        best.map(|c| self.open_end(c))
    }

    /// A loose end after an expression belongs to it: "the next two years or so" (APPROX),
    /// "1994 or later", "1990 and beyond" (ON_OR_AFTER), "1980 or earlier" (ON_OR_BEFORE).
    fn open_end(&self, mut c: Cand) -> Cand {
        let e = c.end;
        let (m, after) = match (self.w(e), self.w(e + 1)) {
            ("or", "so")
                if matches!(
                    c.sem,
                    Sem::Dur { .. } | Sem::RelUnit { .. } | Sem::Anaph { .. }
                ) =>
            {
                ("APPROX", 2)
            }
            ("or", "later") | ("and", "beyond") if matches!(c.sem, Sem::Year(_)) => {
                ("ON_OR_AFTER", 2)
            }
            ("or", "earlier") if matches!(c.sem, Sem::Year(_)) => ("ON_OR_BEFORE", 2),
            _ => return c,
        };
        c.end = e + after;
        c.modifier.get_or_insert(m);
        c
    }

    fn modifier(&self, i: usize) -> Option<(&'static str, usize, ModKind)> {
        let w = self.w(i);
        let two = |a: &str, b: &str| self.is(i, a) && self.is(i + 1, b);
        let r = match w {
            "about" | "around" | "approximately" | "roughly" => ("APPROX", i + 1, ModKind::Both),
            "some"
                if self.num(i + 1).is_some()
                    || small_num(self.w(i + 1)).is_some()
                    || tens_num(self.w(i + 1)).is_some() =>
            {
                ("APPROX", i + 1, ModKind::Dur)
            }
            "nearly" | "almost" => ("LESS_THAN", i + 1, ModKind::Both),
            "under" if !self.is(i + 1, "the") => ("LESS_THAN", i + 1, ModKind::Dur),
            _ if two("less", "than") || two("fewer", "than") => ("LESS_THAN", i + 2, ModKind::Dur),
            _ if two("more", "than") || two("longer", "than") => ("MORE_THAN", i + 2, ModKind::Dur),
            _ if two("at", "least") => ("EQUAL_OR_MORE", i + 2, ModKind::Dur),
            _ if two("at", "most") || two("up", "to") => ("EQUAL_OR_LESS", i + 2, ModKind::Dur),
            _ if two("no", "more") && self.is(i + 2, "than") => {
                ("EQUAL_OR_LESS", i + 3, ModKind::Dur)
            }
            "early" | "late" => {
                let m = if w == "early" { "START" } else { "END" };
                let j = if self.is(i + 1, "-") && self.glued(i + 1) {
                    i + 2
                } else {
                    i + 1
                };
                (m, j, ModKind::Date)
            }
            "mid" => {
                let j = if self.is(i + 1, "-") { i + 2 } else { i + 1 };
                ("MID", j, ModKind::Date)
            }
            "the"
                if matches!(
                    self.w(i + 1),
                    "end" | "beginning" | "start" | "middle" | "close" | "turn"
                ) && self.is(i + 2, "of") =>
            {
                let m = match self.w(i + 1) {
                    "end" | "close" => "END",
                    "middle" => "MID",
                    _ => "START",
                };
                (m, i + 3, ModKind::Date)
            }
            "the" if matches!(self.w(i + 1), "early" | "late" | "mid") => {
                let m = match self.w(i + 1) {
                    "early" => "START",
                    "late" => "END",
                    _ => "MID",
                };
                let j = if self.is(i + 2, "-") { i + 3 } else { i + 2 };
                // Only decades take "the early/late"; the core must accept a bare decade.
                if let Some(c) = self.core(j)
                    && matches!(c.sem, Sem::Decade(_) | Sem::Century(_))
                {
                    return Some((m, j, ModKind::Date));
                }
                return None;
            }
            "end" | "beginning" | "middle" if self.is(i + 1, "of") => {
                let m = match w {
                    "end" => "END",
                    "middle" => "MID",
                    _ => "START",
                };
                (m, i + 2, ModKind::Date)
            }
            _ => return None,
        };
        Some(r)
    }

    /// Whether any matcher can start at token i. Every matcher starts with a digit, a number
    /// word or a word it names, capitalised or not, so a word named nowhere starts nothing
    /// and most words of prose are skipped without trying each matcher.
    fn may_start(&self, i: usize) -> bool {
        let Some(t) = self.t.get(i) else {
            return true;
        };
        let w = t.w.as_ref();
        // Number words, read once by `Parser::new`, come first: the test is a lookup.
        self.number(i).is_some()
            || !w.bytes().all(|b| b.is_ascii_lowercase())
            || START_WORD_SET.contains(w)
            // Plural parts of the day and weekdays ("mornings", "Sundays").
            || w.strip_suffix('s').is_some_and(|s| pod_of(s).is_some() || weekday_of(s).is_some())
    }

    /// Core expression (no leading modifier) starting at i: longest of all matchers.
    fn core(&self, i: usize) -> Option<Cand> {
        if !self.may_start(i) {
            debug_assert!(
                self.all_matchers(i).is_none(),
                "token {i} starts an expression"
            );
            return None;
        }
        self.all_matchers(i)
    }

    /// [`Parser::core`] without the quick test of the first token. On equal lengths the
    /// matcher called first wins.
    pub(super) fn all_matchers(&self, i: usize) -> Option<Cand> {
        let mut best: Option<Cand> = None;
        let mut consider = |c: Option<Cand>| {
            if let Some(c) = c
                && best.as_ref().map(|b| c.end > b.end).unwrap_or(true)
            {
                best = Some(c);
            }
        };
        consider(self.time_expr(i));
        consider(self.month_date(i));
        consider(self.day_month(i));
        consider(self.numeric_date(i));
        consider(self.day_ref(i));
        consider(self.weekday(i));
        consider(self.year_expr(i));
        consider(self.decade(i));
        consider(self.relative(i));
        consider(self.quarter(i));
        consider(self.season(i));
        consider(self.story_ref(i));
        consider(self.holiday(i));
        consider(self.year_end(i));
        consider(self.duration(i));
        consider(self.vague(i));
        consider(self.set_expr(i));
        consider(self.duration_extra(i));
        consider(self.set_extra(i));
        consider(self.day_range(i));
        consider(self.prefixed_year(i));
        consider(self.hour_of_day_part(i));
        consider(self.quarter_code_expr(i));
        consider(self.year_month(i));
        consider(self.week_of(i));
        consider(self.coming_unit(i));
        best
    }

    fn cand(&self, start: usize, end: usize, sem: Sem) -> Option<Cand> {
        Some(Cand {
            start,
            end,
            sem,
            modifier: None,
        })
    }
}

/// What a leading modifier may go with: lengths ("more than"), dates ("early"), or both ("about").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ModKind {
    Both,
    Dur,
    Date,
}
