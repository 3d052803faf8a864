//! What a rule matched, before resolution: a [`Cand`] is a token span, its meaning as a [`Sem`]
//! (an explicit date, "last" + July, a weekday to place by tense, N units before the last date
//! mentioned, a length, a recurrence) and its TIMEX3 mod. The grammar makes them; the resolver
//! turns them into TIMEX3 values.

/// A unit of time as words name it ("day", "weeks", "hrs"), from the shortest to the longest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Unit {
    Sec,
    Min,
    Hour,
    Day,
    Weekend,
    Week,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// Where the year of a date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum YearSpec {
    /// An explicit year.
    Abs(i32),
    /// Offset from the DCT year ("this", "last", "next").
    Dct(i32),
    /// From context (reference / tense).
    Ctx,
    /// One year before the reference period ("the year-ago quarter").
    YearAgo,
}

/// The meaning of a matched expression, before resolution.
#[derive(Debug, Clone)]
pub(super) enum Sem {
    /// Absolute calendar date; a missing year is inferred.
    Abs {
        y: Option<i32>,
        m: u32,
        d: Option<u32>,
        ys: YearSpec,
    },
    Year(i32),
    /// Decade prefix: 199 for the 1990s.
    Decade(i32),
    /// Century prefix: 19 for the 20th century.
    Century(i32),
    /// Weekday (0 = Monday), with an optional part of day; rel: None = by tense, Some(-1/0/1).
    Weekday {
        wd: u32,
        pod: Option<&'static str>,
        rel: Option<i32>,
    },
    /// The first weekday (0 = Monday) after (`dir` 1) or before (-1) the day the story is at:
    /// "the following Tuesday", "the previous Friday".
    WeekdayFrom {
        wd: u32,
        dir: i32,
    },
    /// A month name without a day; rel as for weekdays.
    Month {
        m: u32,
        rel: Option<i32>,
    },
    /// DCT plus some days, with an optional part of day.
    RelDay {
        off: i64,
        pod: Option<&'static str>,
    },
    /// "this/last/next week|month|year|..." relative to the DCT.
    RelUnit {
        unit: Unit,
        off: i32,
    },
    /// "the weekend" and other units resolved by tense.
    TenseUnit(Unit),
    /// N units ago (None = unspecified).
    Ago {
        n: Option<u32>,
        unit: Unit,
    },
    /// N units from now.
    FromNow {
        n: Option<u32>,
        unit: Unit,
    },
    /// Relative to the reference date: signed number of units.
    Anaph {
        n: i64,
        unit: Unit,
    },
    /// The reference date at the given unit ("that day", "the same month").
    Same(Unit),
    /// A part of the day `off` days from the reference date ("that night", "the same
    /// afternoon"): a TIME, tagged only when the reference is a day.
    PartOfDay {
        off: i64,
        pod: &'static str,
    },
    Ref(&'static str),
    Dur {
        n: Option<u32>,
        unit: Unit,
        half: bool,
    },
    /// A duration whose value is already normalized ("P3.5Y", "PT30M").
    DurStr(String),
    Set(String),
    Time {
        date: Option<Box<Sem>>,
        h: u32,
        mi: u32,
    },
    /// The ISO week a date falls in ("the week of March 6", "the week starting Feb. 4").
    WeekOf(Box<Sem>),
    /// An ISO week of the publication year by its number ("week 10").
    WeekNum(u32),
    /// Quarter 1..4 (0 = the latest completed quarter).
    Quarter {
        q: u32,
        ys: YearSpec,
    },
    Half {
        h: u32,
        ys: YearSpec,
    },
    /// A holiday; rel as for weekdays; explicit year if given.
    Holiday {
        h: Hol,
        rel: Option<i32>,
        y: Option<i32>,
    },
    /// Year end: the year (mod END); past context or "since" means the previous year.
    YearEnd {
        prev: bool,
    },
    /// A day of the month without a month ("the 27th"); the month is the DCT month shifted
    /// by `moff`, or chosen by tense when `moff` is None.
    DayOfMonth {
        d: u32,
        moff: Option<i32>,
    },
    /// The n-th weekday (0 = Monday) of a month: an explicit month `m` (year by tense) or
    /// the DCT month shifted by `moff`.
    NthWeekday {
        n: u32,
        wd: u32,
        m: Option<u32>,
        moff: i32,
    },
    /// A weekday in the week `off` weeks from the DCT week ("Friday next week").
    WeekWeekday {
        wd: u32,
        off: i32,
    },
    /// Season "SP" "SU" "FA" "WI".
    Season {
        s: &'static str,
        ys: YearSpec,
        rel: Option<i32>,
    },
}

/// The day a holiday falls on, in any year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Hol {
    Fixed(u32, u32),
    Thanksgiving,
    ElectionDay,
    /// The n-th weekday (0 = Monday) of a month: (month, weekday, n).
    Nth(u32, u32, u8),
}

/// A matched expression: tokens `start..end`, their meaning, and the TIMEX3 mod of a leading
/// modifier ("about" → "APPROX", "early" → "START").
#[derive(Debug, Clone)]
pub(super) struct Cand {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) sem: Sem,
    pub(super) modifier: Option<&'static str>,
}

/// TIMEX3 value of a length of `n` units ("P2Y"; `None` is unspecified: "PXY"), and a half
/// unit more when `half` is set ("P2Y6M"). Rules and the resolver both write lengths with it.
pub(super) fn dur_value(n: Option<u32>, u: Unit, half: bool) -> String {
    let (mult, code, time) = match u {
        Unit::Sec => (1, "S", true),
        Unit::Min => (1, "M", true),
        Unit::Hour => (1, "H", true),
        Unit::Day | Unit::Weekend => (1, "D", false),
        Unit::Week => (1, "W", false),
        Unit::Month => (1, "M", false),
        Unit::Quarter => (3, "M", false),
        Unit::Year => (1, "Y", false),
        Unit::Decade => (10, "Y", false),
        Unit::Century => (100, "Y", false),
    };
    let t = if time { "T" } else { "" };
    match n {
        None => match u {
            Unit::Decade => "PXDE".to_string(),
            Unit::Century => "PXCE".to_string(),
            Unit::Quarter => "PXQ".to_string(),
            _ => format!("P{t}X{code}"),
        },
        Some(n) => {
            let n = n.saturating_mul(mult);
            if half {
                // "two and a half years" -> P2Y6M; keep it simple for other units.
                match u {
                    Unit::Year => return format!("P{n}Y6M"),
                    Unit::Hour => return format!("PT{n}H30M"),
                    Unit::Day => return format!("P{n}DT12H"),
                    Unit::Min => return format!("PT{n}M30S"),
                    Unit::Decade => return format!("P{}Y", n.saturating_add(5)),
                    Unit::Century => return format!("P{}Y", n.saturating_add(50)),
                    Unit::Quarter => return format!("P{}.5M", n.saturating_add(1)),
                    Unit::Weekend => {}
                    _ => return format!("P{t}{n}.5{code}"),
                }
            }
            if u == Unit::Weekend {
                return format!("P{}D", n.saturating_mul(2));
            }
            format!("P{t}{n}{code}")
        }
    }
}
