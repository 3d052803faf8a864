//! Lengths of time and offsets by a length: "two years", "a decade", "48-hour", "several years",
//! "the past 24 hours", "three and a half weeks", "3 1/2 hours", and the forms the main matcher
//! leaves out ("3.5 years", "4h", "twenty min", "all day", "half an hour", "another week");
//! "three days ago", "two weeks later", "a year earlier", "two years from now".

use super::Parser;
use super::set::set_value;
use crate::extract::timex::lexicon::{
    LENGTH_ADJECTIVE_SET, small_num, tens_num, unit_abbr, unit_of,
};
use crate::extract::timex::sem::{Cand, Sem, Unit, dur_value};

impl Parser<'_> {
    /// Durations, "N units ago", "N units earlier/later".
    pub(super) fn duration(&self, i: usize) -> Option<Cand> {
        let mut j = i;
        let mut lead: Option<&str> = None; // past/last/next/first/...
        if self.is(j, "the") {
            j += 1;
            if matches!(
                self.w(j),
                "past"
                    | "last"
                    | "next"
                    | "first"
                    | "final"
                    | "previous"
                    | "coming"
                    | "following"
                    | "latest"
                    | "initial"
                    | "preceding"
            ) {
                lead = Some(self.w(j));
                j += 1;
            } else if self.number(j).is_none() {
                // "the weeks ahead", "the years that followed": an unspecified stretch. (In "the
                // weeks before the shooting" the annotations name the event's date instead.)
                if let Some((u, true)) = unit_of(self.w(j))
                    && u >= Unit::Day
                    && u != Unit::Weekend
                    && matches!(self.w(j + 1), "ahead" | "that")
                {
                    // "the weeks ahead" is whole; in "the years that followed" the article
                    // goes with the whole phrase, so only the noun is tagged.
                    let (s, e) = if self.is(j + 1, "ahead") {
                        (i, j + 2)
                    } else {
                        (j, j + 1)
                    };
                    return self.cand(
                        s,
                        e,
                        Sem::Dur {
                            n: None,
                            unit: u,
                            half: false,
                        },
                    );
                }
                return None;
            }
        } else if matches!(self.w(j), "past" | "next" | "last") {
            // "past 20 years" without article: require an explicit number.
            if self.number(j + 1).map(|(_, k)| k > j + 1).unwrap_or(false)
                && !matches!(self.w(j + 1), "a" | "an")
            {
                lead = Some(self.w(j));
                j += 1;
            } else {
                return None;
            }
        }
        let had_the = j > i;
        // "the past week" (no number)
        if had_the && lead.is_some() {
            if let Some((u, false)) = unit_of(self.w(j))
                && u != Unit::Weekend
                && lead != Some("first")
            {
                if matches!(lead, Some("past") | Some("last")) {
                    return self.cand(
                        i,
                        j + 1,
                        Sem::Dur {
                            n: Some(1),
                            unit: u,
                            half: false,
                        },
                    );
                }
                return None;
            }
            if matches!(
                lead,
                Some("past") | Some("last") | Some("next") | Some("coming")
            ) {
                // "the past few years", "the next several days"
                if let Some((None, k)) = self.number(j)
                    && let Some((u, true)) = unit_of(self.w(k))
                {
                    return self.cand(
                        i,
                        k + 1,
                        Sem::Dur {
                            n: None,
                            unit: u,
                            half: false,
                        },
                    );
                }
                if let Some((u, true)) = unit_of(self.w(j)) {
                    if lead == Some("coming") {
                        return self.cand(i, j + 1, Sem::Ref("FUTURE_REF"));
                    }
                    return self.cand(
                        i,
                        j + 1,
                        Sem::Dur {
                            n: None,
                            unit: u,
                            half: false,
                        },
                    );
                }
            }
        }
        // Number + unit
        let (n, mut k) = match self.number(j) {
            Some(x) => x,
            None => {
                // bare plural unit after "for": "for years", "within weeks or months"
                if !had_the
                    && i > 0
                    && matches!(self.w(i.wrapping_sub(1)), "for" | "in" | "within")
                    && let Some((u, true)) = unit_of(self.w(i))
                    && matches!(
                        u,
                        Unit::Year | Unit::Month | Unit::Decade | Unit::Week | Unit::Century
                    )
                {
                    let e = if self.is(i + 1, "or")
                        && unit_of(self.w(i + 2)).is_some_and(|(_, pl)| pl)
                    {
                        i + 3
                    } else {
                        i + 1
                    };
                    return self.cand(
                        i,
                        e,
                        Sem::Dur {
                            n: None,
                            unit: u,
                            half: false,
                        },
                    );
                }
                return None;
            }
        };
        let first_w = self.w(j);
        if self.is(k, "more") && unit_of(self.w(k + 1)).is_some() && !matches!(first_w, "a" | "an")
        {
            k += 1;
        }
        if LENGTH_ADJECTIVE_SET.contains(self.w(k)) && unit_of(self.w(k + 1)).is_some() {
            k += 1;
        }
        // hyphenated adjectival: "48-hour", "five-year", "8-month-old"
        if self.is(k, "-") && self.glued(k) {
            if let Some((u, false)) = unit_of(self.w(k + 1)) {
                if u == Unit::Weekend || u == Unit::Quarter {
                    return None;
                }
                let e = k + 2;
                if self.is(e, "-") && self.is(e + 1, "old") {
                    return None;
                }
                // "the five-year plan": the article belongs to the noun phrase.
                let i = if i < j && self.is(i, "the") && lead.is_none() {
                    j
                } else {
                    i
                };
                return self.cand(
                    i,
                    e,
                    Sem::Dur {
                        n,
                        unit: u,
                        half: false,
                    },
                );
            }
            return None;
        }
        // "two and a half hours"
        let mut pre_half = false;
        if self.is(k, "and")
            && self.is(k + 1, "a")
            && self.is(k + 2, "half")
            && n.is_some()
            && !matches!(first_w, "a" | "an")
            && unit_of(self.w(k + 3)).is_some_and(|(_, pl)| pl)
        {
            pre_half = true;
            k += 3;
        }
        // "5 1/2 hours": a digit count followed by a written half.
        if !pre_half
            && n.is_some()
            && first_w.chars().all(|c| c.is_ascii_digit())
            && self.is(k, "1")
            && self.is(k + 1, "/")
            && self.is(k + 2, "2")
            && self.glued(k + 1)
            && self.glued(k + 2)
            && unit_of(self.w(k + 3)).is_some_and(|(_, pl)| pl)
        {
            pre_half = true;
            k += 3;
        }
        let (u, plural) = unit_of(self.w(k))?;
        // "60 Minutes" (a title)
        if self.cap(k)
            && !self.t.get(k).map(|t| t.para).unwrap_or(false)
            && !(k > 0 && self.is(k.wrapping_sub(1), "."))
        {
            return None;
        }
        if u == Unit::Weekend {
            return None;
        }
        // "52 years old", "a year-earlier ..."
        if self.is(k + 1, "old") || (self.is(k + 1, "-") && self.glued(k + 1)) {
            return None;
        }
        if matches!(first_w, "a" | "an") && plural && n == Some(1) {
            return None;
        }
        if first_w == "some" && !plural {
            return None;
        }
        if n == Some(1) && plural && self.num(j).is_none() {
            return None;
        }
        if u == Unit::Quarter && !had_the {
            // "two quarters" ok; "a quarter" is a fraction.
            if matches!(first_w, "a" | "an") {
                return None;
            }
        }
        let mut e = k + 1;
        let mut half = pre_half;
        if !half && self.is(e, "and") && self.is(e + 1, "a") && self.is(e + 2, "half") {
            half = true;
            e += 3;
        } else if !half && self.is(e, "and") && self.is(e + 1, "half") && !plural {
            half = true;
            e += 2;
        }
        // ago / earlier / later / from now
        if !had_the {
            // "Three days later", "an hour earlier": short offsets are annotated as the
            // length itself, without the adverb.
            if matches!(self.w(e), "later" | "earlier")
                && matches!(u, Unit::Sec | Unit::Min | Unit::Hour | Unit::Day)
            {
                return self.cand(i, e, Sem::Dur { n, unit: u, half });
            }
            match self.w(e) {
                "ago" => return self.cand(i, e + 1, Sem::Ago { n, unit: u }),
                "earlier" | "before"
                    if self.w(e) == "earlier" || matches!(self.w(e + 1), "." | "," | "") =>
                {
                    if let Some(n) = n {
                        return self.cand(
                            i,
                            e + 1,
                            Sem::Anaph {
                                n: -(n as i64),
                                unit: u,
                            },
                        );
                    }
                }
                "later" | "after"
                    if self.w(e) == "later" || matches!(self.w(e + 1), "." | "," | "") =>
                {
                    if let Some(n) = n {
                        return self.cand(
                            i,
                            e + 1,
                            Sem::Anaph {
                                n: n as i64,
                                unit: u,
                            },
                        );
                    }
                }
                "from" if self.is(e + 1, "now") => {
                    return self.cand(i, e + 2, Sem::FromNow { n, unit: u });
                }
                "or" if self.is(e + 1, "so") && self.is(e + 2, "ago") => {
                    return self.cand(i, e + 3, Sem::Ago { n, unit: u });
                }
                _ => {}
            }
            // "a year" after money/percent, "twice a year": a set
            if matches!(first_w, "a" | "an") && !plural && i > 0 {
                let p = self.w(i.wrapping_sub(1));
                if matches!(p, "once" | "twice" | "times") {
                    return self.cand(i, e, Sem::Set(set_value(u)));
                }
                let prev_tok = &self.t[i - 1];
                let nounish = !prev_tok.cap
                    && p.len() > 3
                    && p.ends_with('s')
                    && p.chars().all(|c| c.is_alphabetic())
                    && !matches!(
                        p,
                        "was" | "has" | "this" | "does" | "is" | "across" | "plus"
                    );
                if prev_tok.num.is_some()
                    || nounish
                    || matches!(
                        p,
                        "%" | "million"
                            | "billion"
                            | "percent"
                            | "dollars"
                            | "cents"
                            | "day"
                            | "hour"
                    )
                {
                    return None;
                }
            }
            // "a second group", "a minute detail"
            if matches!(first_w, "a" | "an")
                && matches!(u, Unit::Sec | Unit::Min)
                && self.is_alpha(e)
            {
                return None;
            }
        }
        self.cand(i, e, Sem::Dur { n, unit: u, half })
    }

    /// A digit amount at i, possibly with a decimal part ("3", "3.5", "123.45"), not inside a
    /// larger number. Returns (amount text, next index).
    pub(super) fn amount(&self, i: usize) -> Option<(String, usize)> {
        let n = self.num(i)?;
        if i > 0
            && matches!(self.w(i.wrapping_sub(1)), "." | "," | "/" | ":")
            && self.glued(i)
            && self.num(i.wrapping_sub(2)).is_some()
        {
            return None;
        }
        if self.is(i + 1, ",")
            && self.glued(i + 1)
            && self.num(i + 2).is_some()
            && self.glued(i + 2)
        {
            return None;
        }
        if self.is(i + 1, ".")
            && self.glued(i + 1)
            && self.num(i + 2).is_some()
            && self.glued(i + 2)
        {
            if matches!(self.w(i + 3), "." | ",") && self.glued(i + 3) && self.num(i + 4).is_some()
            {
                return None;
            }
            let frac = self.w(i + 2).trim_end_matches('0');
            if frac.is_empty() {
                return Some((n.to_string(), i + 3));
            }
            return Some((format!("{n}.{frac}"), i + 3));
        }
        Some((n.to_string(), i + 1))
    }

    /// Durations the main matcher leaves out: decimals ("3.5 years", "1.5weeks"), unit
    /// abbreviations ("3h", "3 hrs", "twenty min"), plural hyphenated forms ("30-minutes"),
    /// "twenty and four hours", "all day" / "a full week" / "whole month", "half an hour",
    /// "half-year", "another week".
    pub(super) fn duration_extra(&self, i: usize) -> Option<Cand> {
        let w = self.w(i);
        match w {
            "all" | "full" | "whole" | "entire" => {
                let k = if self.is(i + 1, "-") && self.glued(i + 1) {
                    i + 2
                } else {
                    i + 1
                };
                let (u, false) = unit_of(self.w(k))? else {
                    return None;
                };
                if !matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year) || self.cap(k) {
                    return None;
                }
                // "all year round" stays a duration; "the whole year" is left to the
                // article-led matchers.
                return self.cand(i, k + 1, Sem::DurStr(dur_value(Some(1), u, false)));
            }
            // "for a while", "for some time": a stretch of unknown length.
            "a" | "some"
                if i > 0
                    && self.is(i.wrapping_sub(1), "for")
                    && self.is(i + 1, if w == "a" { "while" } else { "time" }) =>
            {
                return self.cand(i, i + 2, Sem::DurStr("PXX".to_string()));
            }
            "another" => {
                let (u, false) = unit_of(self.w(i + 1))? else {
                    return None;
                };
                if matches!(u, Unit::Weekend | Unit::Quarter) || self.cap(i + 1) {
                    return None;
                }
                return self.cand(i, i + 2, Sem::DurStr(dur_value(Some(1), u, false)));
            }
            "half" | "a" => {
                let h = if w == "a" { i + 1 } else { i };
                if !self.is(h, "half") {
                    return None;
                }
                // "the first half year" is a calendar half, not a length.
                if h > 0
                    && matches!(
                        self.w(h.wrapping_sub(1)),
                        "first" | "second" | "last" | "latter" | "past" | "next" | "this"
                    )
                {
                    return None;
                }
                let mut k = h + 1;
                if (self.is(k, "-") && self.glued(k)) || matches!(self.w(k), "a" | "an") {
                    k += 1;
                }
                let (u, false) = unit_of(self.w(k))? else {
                    return None;
                };
                if matches!(u, Unit::Weekend | Unit::Quarter) || self.cap(k) {
                    return None;
                }
                // "half-year results": adjectival half-year periods are still lengths.
                return self.cand(i, k + 1, Sem::DurStr(half_value(u)));
            }
            _ => {}
        }
        // "day-long", "decades-long": adjectival lengths.
        if let Some((u, plural)) = unit_of(w)
            && self.is(i + 1, "-")
            && self.glued(i + 1)
            && self.is(i + 2, "long")
            && self.glued(i + 2)
            && u != Unit::Weekend
        {
            let n = if plural { None } else { Some(1) };
            return self.cand(
                i,
                i + 3,
                Sem::Dur {
                    n,
                    unit: u,
                    half: false,
                },
            );
        }
        if let Some(tens) = tens_num(w) {
            // "twenty and four hours"
            if self.is(i + 1, "and")
                && let Some(o) = small_num(self.w(i + 2)).filter(|o| (1..10).contains(o))
                && let Some((u, true)) = unit_of(self.w(i + 3))
                && u != Unit::Weekend
            {
                return self.cand(i, i + 4, Sem::DurStr(dur_value(Some(tens + o), u, false)));
            }
        }
        if self.num(i).is_none() {
            // Spelled number + abbreviated unit: "twenty min".
            let (Some(n), k) = self.number(i)? else {
                return None;
            };
            if matches!(w, "a" | "an") || k == i {
                return None;
            }
            let u = unit_abbr(self.w(k))?;
            if self.w(k).len() < 3 {
                return None;
            }
            return self.cand(i, k + 1, Sem::DurStr(dur_value(Some(n), u, false)));
        }
        let (amt, mut k) = self.amount(i)?;
        let decimal = amt.contains('.');
        let mut hyph = false;
        if self.is(k, "-") && self.glued(k) {
            hyph = true;
            k += 1;
        }
        let uw = self.w(k);
        let (u, full) = match unit_of(uw) {
            Some((u, plural)) => {
                // Plain integer forms belong to the main matcher, which knows their
                // exceptions; here only decimals and plural hyphenated forms.
                if !(decimal || (hyph && plural)) {
                    return None;
                }
                (u, true)
            }
            None => {
                let u = unit_abbr(uw)?;
                // A one-letter "h" only when written as a plain lowercase suffix.
                if self.cap(k) || (uw == "h" && hyph) {
                    return None;
                }
                (u, false)
            }
        };
        if full && self.cap(k) && !self.t.get(k).is_some_and(|t| t.para) {
            return None;
        }
        if u == Unit::Weekend {
            return None;
        }
        // "3.5-year-old", "2.5 years old"
        if self.is(k + 1, "old") || (self.is(k + 1, "-") && self.glued(k + 1)) {
            return None;
        }
        // "3h" must not run into letters ("3hx")
        if !full && self.t.get(k + 1).is_some_and(|t| !t.sp) && self.is_alpha(k + 1) {
            return None;
        }
        let v = amount_value(&amt, u)?;
        self.cand(i, k + 1, Sem::DurStr(v))
    }
}

/// Duration value for a digit amount (maybe decimal) of a unit: ("3.5", Year) -> "P3.5Y".
fn amount_value(amt: &str, u: Unit) -> Option<String> {
    let (mult, code, time) = match u {
        Unit::Sec => (1, "S", true),
        Unit::Min => (1, "M", true),
        Unit::Hour => (1, "H", true),
        Unit::Day => (1, "D", false),
        Unit::Week => (1, "W", false),
        Unit::Month => (1, "M", false),
        Unit::Quarter => (3, "M", false),
        Unit::Year => (1, "Y", false),
        Unit::Decade => (10, "Y", false),
        Unit::Century => (100, "Y", false),
        Unit::Weekend => return None,
    };
    let t = if time { "T" } else { "" };
    let a = if mult == 1 {
        amt.to_string()
    } else {
        let x: f64 = amt.parse().ok()?;
        let s = format!("{:.4}", x * f64::from(mult));
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    };
    Some(format!("P{t}{a}{code}"))
}

/// Half of one unit: "PT30M" for half an hour, "P6M" for half a year.
fn half_value(u: Unit) -> String {
    match u {
        Unit::Sec => "PT0.5S".to_string(),
        Unit::Min => "PT30S".to_string(),
        Unit::Hour => "PT30M".to_string(),
        Unit::Day | Unit::Weekend => "PT12H".to_string(),
        Unit::Week => "P0.5W".to_string(),
        Unit::Month => "P0.5M".to_string(),
        Unit::Quarter => "P1.5M".to_string(),
        Unit::Year => "P6M".to_string(),
        Unit::Decade => "P5Y".to_string(),
        Unit::Century => "P50Y".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::timex::TimexType::*;
    use crate::extract::timex::examples::{
        Example, check, check_no_set_or_decimal, check_untagged,
    };

    /// Lengths: "two years", "48-hour", "about two weeks", "three and a half weeks", "3 1/2 hours";
    /// offsets: "three days ago", "Two weeks later"; "a week" after "twice" is a set.
    #[rustfmt::skip]
    const DURATION: &[Example] = &[
        ("The bridge closed three days ago.", "2024-03-20", "three days ago", "2024-03-17", Date, None),
        ("The bridge closed two years ago.", "2024-03-20", "two years ago", "2022", Date, None),
        ("Traffic fell over the past week.", "2024-03-20", "the past week", "P1W", Duration, None),
        ("The trial lasted two years.", "2024-03-20", "two years", "P2Y", Duration, None),
        ("Eight trading days after the crash, shares recovered.", "2024-03-20", "Eight trading days", "P8D", Duration, None),
        ("The option was extended for an additional year.", "2024-03-20", "an additional year", "P1Y", Duration, None),
        ("They began a 48-hour strike.", "2024-03-20", "48-hour", "PT48H", Duration, None),
        ("The trial lasted three months.", "2024-03-20", "three months", "P3M", Duration, None),
        ("The trial lasted a decade.", "2024-03-20", "a decade", "P10Y", Duration, None),
        ("The trial lasted several years.", "2024-03-20", "several years", "PXY", Duration, None),
        ("Rain fell in the past 24 hours.", "2024-03-20", "the past 24 hours", "PT24H", Duration, None),
        ("They agreed a five-year plan.", "2024-03-20", "five-year", "P5Y", Duration, None),
        ("The talks lasted twenty four hours.", "2024-03-20", "twenty four hours", "PT24H", Duration, None),
        ("The talks lasted a dozen days.", "2024-03-20", "a dozen days", "P12D", Duration, None),
        ("The talks lasted about two weeks.", "2024-03-20", "about two weeks", "P2W", Duration, Some("APPROX")),
        ("The talks lasted more than six hours.", "2024-03-20", "more than six hours", "PT6H", Duration, Some("MORE_THAN")),
        ("The talks lasted nearly a month.", "2024-03-20", "nearly a month", "P1M", Duration, Some("LESS_THAN")),
        ("The base will be leased for at least 20 more years.", "2024-03-20", "at least 20 more years", "P20Y", Duration, Some("EQUAL_OR_MORE")),
        ("Profit fell in the third quarter. A year earlier it had risen.", "1989-10-26", "A year earlier", "1988-Q3", Date, None),
        // whole units, halves, another
        ("The talks ran three and a half weeks.", "2024-03-20", "three and a half weeks", "P3.5W", Duration, None),
        ("The meeting ran an hour and half.", "2024-03-20", "an hour and half", "PT1H30M", Duration, None),
        ("Prices rose 48-hour later.", "2024-03-20", "48-hour", "PT48H", Duration, None),
        ("She led the firm for two years.", "2024-03-20", "two years", "P2Y", Duration, None),
        ("He calls his mother twice a week.", "2024-03-20", "a week", "P1W", Set, None),
        ("Prices may fall over the next two years or so.", "2024-03-20", "the next two years or so", "P2Y", Duration, Some("APPROX")),
        // plural units named from an event
        ("Funds may sell bonds in the weeks ahead.", "2024-03-20", "the weeks ahead", "PXW", Duration, None),
        ("In the years that followed, the rebels grew.", "2024-03-20", "years", "PXY", Duration, None),
        // bare plural units after "for", "in", "within"; "weeks or months" is one span
        ("The city was ruled from Moscow for centuries.", "2024-03-20", "centuries", "PXCE", Duration, None),
        ("Troops will arrive within weeks.", "2024-03-20", "weeks", "PXW", Duration, None),
        ("He died within weeks or months of his capture.", "2024-03-20", "weeks or months", "PXW", Duration, None),
        // A digit count with a written half.
        ("The crew waited 3 1/2 hours at the gate.", "2024-03-20", "3 1/2 hours", "PT3H30M", Duration, None),
        ("Inflation ran high for 4 1/2 years.", "2024-03-20", "4 1/2 years", "P4Y6M", Duration, None),
        // Short offsets before "later"/"earlier" are tagged as lengths.
        ("The fire started at noon. Three days later it was out.", "2024-03-20", "Three days", "P3D", Duration, None),
        ("Police arrived an hour later and sealed the street.", "2024-03-20", "an hour", "PT1H", Duration, None),
        ("The doors opened. A minute and a half later the hall was full.", "2024-03-20", "A minute and a half", "PT1M30S", Duration, None),
    ];

    #[test]
    fn duration() {
        check(DURATION);
    }

    /// Lengths the main matcher leaves out: "4h", "7 hrs", "2.5years", "45-minutes", "twelve mins",
    /// "all day", "half an hour", "another month", "day-long".
    #[rustfmt::skip]
    const DURATION_EXTRA: &[Example] = &[
        // abbreviations and decimals
        ("The drive takes 4h on a good day.", "2024-03-20", "4h", "PT4H", Duration, None),
        ("The flight lasted 7 hrs in total.", "2024-03-20", "7 hrs", "PT7H", Duration, None),
        ("Boil the eggs for 9 min then cool.", "2024-03-20", "9 min", "PT9M", Duration, None),
        ("The laser pulse lasts 0.25 sec here.", "2024-03-20", "0.25 sec", "PT0.25S", Duration, None),
        ("He served 2.5years in the navy.", "2024-03-20", "2.5years", "P2.5Y", Duration, None),
        ("The repairs need 1.5 weeks more.", "2024-03-20", "1.5 weeks", "P1.5W", Duration, None),
        ("The plan covers 1.5 decades of work.", "2024-03-20", "1.5 decades", "P15Y", Duration, None),
        ("Allow a 45-minutes break.", "2024-03-20", "45-minutes", "PT45M", Duration, None),
        ("Wait twelve mins for the bus.", "2024-03-20", "twelve mins", "PT12M", Duration, None),
        ("The strike ran thirty and six hours.", "2024-03-20", "thirty and six hours", "PT36H", Duration, None),
        // whole units, halves, another
        ("The vote went on all night and all day.", "2024-03-20", "all day", "P1D", Duration, None),
        ("Crews worked a full week on it.", "2024-03-20", "full week", "P1W", Duration, None),
        ("The ferry was idle the whole month.", "2024-03-20", "whole month", "P1M", Duration, None),
        ("The hearing lasted half an hour.", "2024-03-20", "half an hour", "PT30M", Duration, None),
        ("They talked for a half hour.", "2024-03-20", "a half hour", "PT30M", Duration, None),
        ("It took half a year to fix.", "2024-03-20", "half a year", "P6M", Duration, None),
        ("Can they stay another month?", "2024-03-20", "another month", "P1M", Duration, None),
        ("A day-long strike shut the port.", "2024-03-20", "day-long", "P1D", Duration, None),
        ("The years-long feud ended.", "2024-03-20", "years-long", "PXY", Duration, None),
        ("They will stay for a while.", "2024-03-20", "a while", "PXX", Duration, None),
        ("Troops could stay for some time.", "2024-03-20", "some time", "PXX", Duration, None),
    ];

    #[test]
    fn duration_extra() {
        check(DURATION_EXTRA);
    }

    #[test]
    fn not_durations() {
        check_untagged(&["He is a 6-year-old boy and she is 52 years old."]);
        // scores and decimals stay untagged
        check_no_set_or_decimal(&[
            "The team won 3-2 in 90 minutes.",
            "Her 3.5 percent raise came through.",
        ]);
    }
}
