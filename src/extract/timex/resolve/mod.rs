//! A matched expression in, a [`Timex`] out: its [`Sem`] is normalized against the publication
//! date, the tense around it (`tense.rs`) and the last concrete date mentioned ([`State`]), which
//! each resolved date then replaces, so "the following month" follows the story.

mod narrative;
mod tense;

use chrono::{Datelike, Duration, Months, NaiveDate};

pub use self::narrative::Reading;
pub(super) use self::narrative::reading_of;
use self::tense::{Tense, tense};
use super::sem::{Cand, Hol, Sem, Unit, YearSpec, dur_value};
use super::tokens::Tok;
use super::{Timex, TimexType};

// How much of a date a value names is the precision dates carry out of the tagger.
use crate::extract::Precision;

/// The last concrete date mentioned, which anaphora ("the next day", "that year") count from.
#[derive(Debug, Clone, Copy)]
struct RefDate {
    date: NaiveDate,
    gran: Precision,
}

/// What resolution carries along a text, from one expression to the next.
pub(super) struct State {
    dct: NaiveDate,
    rf: RefDate,
    /// Last explicitly mentioned year with the sentence index of the mention.
    explicit_year: Option<(i32, usize)>,
    /// Whether year-less expressions count from the publication or from the story's time.
    reading: Reading,
}

impl State {
    /// The state at the start of a text: the reference date is the publication date.
    pub(super) fn new(dct: NaiveDate, reading: Reading) -> Self {
        State {
            dct,
            rf: RefDate {
                date: dct,
                gran: Precision::Day,
            },
            explicit_year: None,
            reading,
        }
    }
}

fn holiday_date(h: Hol, y: i32) -> Option<NaiveDate> {
    match h {
        Hol::Fixed(m, d) => NaiveDate::from_ymd_opt(y, m, d),
        Hol::Thanksgiving => NaiveDate::from_weekday_of_month_opt(y, 11, chrono::Weekday::Thu, 4),
        Hol::Nth(m, wd, n) => {
            let wd = chrono::Weekday::try_from(u8::try_from(wd).ok()?).ok()?;
            NaiveDate::from_weekday_of_month_opt(y, m, wd, n)
        }
        Hol::ElectionDay => {
            let first_mon = NaiveDate::from_weekday_of_month_opt(y, 11, chrono::Weekday::Mon, 1)?;
            first_mon.checked_add_signed(Duration::try_days(1)?)
        }
    }
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn shift(date: NaiveDate, unit: Unit, n: i64) -> Option<NaiveDate> {
    let months = |k: i64| -> Option<NaiveDate> {
        let k32 = u32::try_from(k.unsigned_abs()).ok()?;
        if k >= 0 {
            date.checked_add_months(Months::new(k32))
        } else {
            date.checked_sub_months(Months::new(k32))
        }
    };
    match unit {
        Unit::Sec | Unit::Min | Unit::Hour => Some(date),
        Unit::Day => date.checked_add_signed(Duration::try_days(n)?),
        Unit::Week | Unit::Weekend => {
            date.checked_add_signed(Duration::try_days(n.checked_mul(7)?)?)
        }
        Unit::Month => months(n),
        Unit::Quarter => months(n.checked_mul(3)?),
        Unit::Year => months(n.checked_mul(12)?),
        Unit::Decade => months(n.checked_mul(120)?),
        Unit::Century => months(n.checked_mul(1200)?),
    }
}

fn gran_of_unit(u: Unit) -> Precision {
    match u {
        Unit::Sec | Unit::Min | Unit::Hour | Unit::Day => Precision::Day,
        Unit::Week | Unit::Weekend => Precision::Week,
        Unit::Month => Precision::Month,
        Unit::Quarter => Precision::Quarter,
        Unit::Year | Unit::Decade | Unit::Century => Precision::Year,
    }
}

fn season_code(date: NaiveDate) -> (&'static str, i32) {
    let y = date.year();
    match date.month() {
        3..=5 => ("SP", y),
        6..=8 => ("SU", y),
        9..=11 => ("FA", y),
        12 => ("WI", y),
        _ => ("WI", y - 1),
    }
}

fn fmt_date(date: NaiveDate, gran: Precision) -> String {
    let y = date.year();
    match gran {
        Precision::Day => format!("{:04}-{:02}-{:02}", y, date.month(), date.day()),
        Precision::Week => {
            let iw = date.iso_week();
            format!("{:04}-W{:02}", iw.year(), iw.week())
        }
        Precision::Month => format!("{:04}-{:02}", y, date.month()),
        Precision::Quarter => format!("{:04}-Q{}", y, (date.month() - 1) / 3 + 1),
        Precision::Half => format!("{:04}-H{}", y, (date.month() - 1) / 6 + 1),
        Precision::Season => {
            let (s, sy) = season_code(date);
            format!("{sy:04}-{s}")
        }
        Precision::Year => format!("{y:04}"),
        Precision::Decade => format!("{:03}", y.div_euclid(10)),
    }
}

fn season_month(s: &str) -> u32 {
    match s {
        "SP" => 4,
        "SU" => 7,
        "FA" => 10,
        _ => 12,
    }
}

struct Out {
    kind: TimexType,
    value: String,
    /// Concrete date to remember as the new reference.
    rf: Option<RefDate>,
}

pub(super) fn resolve(c: &Cand, t: &[Tok<'_>], sent: &[usize], st: &mut State) -> Option<Timex> {
    let start = t.get(c.start)?.s as usize;
    let end = t.get(c.end.checked_sub(1)?)?.e as usize;
    let sid = sent.get(c.start).copied().unwrap_or(0);
    let tn = tense(t, sent, c.start, c.end);
    let narrative = st.reading == Reading::Narrative;
    // In a narrative, a sentence about what is still to come speaks from the publication.
    let ahead = narrative && narrative::speaks_ahead(t, sent, c.start);
    let story = if narrative && !ahead {
        // "Friday, November 4": the weekday written before a date fixes its year.
        let weekday = t.get(c.start).and_then(|k| super::weekday_of(&k.w));
        narrative::resolve(&c.sem, st.rf, weekday)
    } else {
        None
    };
    let out = match story {
        Some(out) => out,
        None => resolve_sem(&c.sem, st, tn, sid)?,
    };
    // Year-back comparisons ("a year earlier", "the year-ago quarter") do not move the
    // reference point, so chains of comparisons do not drift.
    let comparison = matches!(
        c.sem,
        Sem::Anaph { n, unit: Unit::Year } if n < 0
    ) || matches!(
        c.sem,
        Sem::Quarter {
            ys: YearSpec::YearAgo,
            ..
        }
    ) || matches!(
        c.sem,
        Sem::Ago {
            unit: Unit::Year,
            ..
        }
    );
    let moves = if narrative {
        narrative::moves_story(&c.sem, ahead)
    } else {
        !comparison
    };
    if let Some(r) = out.rf
        && moves
    {
        st.rf = r;
    }
    // Remember explicit years.
    match &c.sem {
        Sem::Abs { y: Some(y), .. } | Sem::Year(y) => st.explicit_year = Some((*y, sid)),
        Sem::Quarter {
            ys: YearSpec::Abs(y),
            ..
        }
        | Sem::Season {
            ys: YearSpec::Abs(y),
            ..
        } => st.explicit_year = Some((*y, sid)),
        _ => {}
    }
    Some(Timex {
        start,
        end,
        kind: out.kind,
        value: out.value,
        modifier: c.modifier.map(|m| m.to_string()),
    })
}

fn context_year(st: &State, sid: usize) -> Option<i32> {
    if st.reading == Reading::Narrative {
        return Some(st.rf.date.year());
    }
    match st.explicit_year {
        Some((y, s)) if sid == s && y != st.dct.year() => Some(y),
        _ => None,
    }
}

fn date_out(date: NaiveDate, gran: Precision) -> Out {
    Out {
        kind: TimexType::Date,
        value: fmt_date(date, gran),
        rf: Some(RefDate { date, gran }),
    }
}

fn resolve_sem(sem: &Sem, st: &State, tn_raw: Tense, sid: usize) -> Option<Out> {
    let tn = if tn_raw == Tense::Upcoming {
        Tense::Future
    } else {
        tn_raw
    };
    let dct = st.dct;
    let dm = dct.month();
    Some(match sem {
        Sem::Abs { y, m, d, ys } => {
            let year = match (y, ys) {
                (Some(y), _) => *y,
                (None, YearSpec::Dct(off)) => dct.year() + off,
                // An explicit year elsewhere in the sentence is more often a different
                // event than this date's year, so only the DCT and tense are used.
                _ => infer_year(dct, *m, d.unwrap_or(1), d.is_some(), tn),
            };
            match d {
                Some(d) => {
                    let date = ymd(year, *m, *d)?;
                    date_out(date, Precision::Day)
                }
                None => date_out(ymd(year, *m, 1)?, Precision::Month),
            }
        }
        Sem::Year(y) => date_out(ymd(*y, 1, 1)?, Precision::Year),
        Sem::Decade(d) => Out {
            kind: TimexType::Date,
            value: format!("{d:03}"),
            rf: None,
        },
        Sem::Century(c) => Out {
            kind: TimexType::Date,
            value: format!("{c:02}"),
            rf: None,
        },
        Sem::Weekday { wd, pod, rel } => {
            let cur = dct.weekday().num_days_from_monday() as i64;
            let wd = *wd as i64;
            let date = match rel {
                Some(-1) => {
                    let back = (cur - wd).rem_euclid(7);
                    let back = if back == 0 { 7 } else { back };
                    dct.checked_add_signed(Duration::try_days(-back)?)?
                }
                Some(1) => {
                    let fwd = (wd - cur).rem_euclid(7);
                    let fwd = if fwd == 0 { 7 } else { fwd };
                    dct.checked_add_signed(Duration::try_days(fwd)?)?
                }
                Some(_) => dct.checked_add_signed(Duration::try_days(wd - cur)?)?,
                None => {
                    if tn_raw == Tense::Upcoming {
                        let fwd = (wd - cur).rem_euclid(7);
                        dct.checked_add_signed(Duration::try_days(fwd)?)?
                    } else if tn == Tense::Future {
                        let fwd = (wd - cur).rem_euclid(7);
                        let fwd = if fwd == 0 { 7 } else { fwd };
                        dct.checked_add_signed(Duration::try_days(fwd)?)?
                    } else {
                        let back = (cur - wd).rem_euclid(7);
                        dct.checked_add_signed(Duration::try_days(-back)?)?
                    }
                }
            };
            match pod {
                // A bare "Friday night" / "Tuesday morning" in news text names the day:
                // annotated as that DATE. Evenings and afternoons keep the part of day.
                Some(p) if !(rel.is_none() && matches!(*p, "TNI" | "TMO")) => Out {
                    kind: TimexType::Time,
                    value: format!("{}{}", fmt_date(date, Precision::Day), p),
                    rf: Some(RefDate {
                        date,
                        gran: Precision::Day,
                    }),
                },
                _ => date_out(date, Precision::Day),
            }
        }
        Sem::WeekdayFrom { wd, dir } => {
            // From the day the story is at; with none, from the publication.
            let base = if st.rf.gran == Precision::Day {
                st.rf.date
            } else {
                dct
            };
            let cur = base.weekday().num_days_from_monday() as i64;
            let wd = *wd as i64;
            let off = if *dir > 0 {
                let fwd = (wd - cur).rem_euclid(7);
                if fwd == 0 { 7 } else { fwd }
            } else {
                let back = (cur - wd).rem_euclid(7);
                -(if back == 0 { 7 } else { back })
            };
            date_out(
                base.checked_add_signed(Duration::try_days(off)?)?,
                Precision::Day,
            )
        }
        Sem::Month { m, rel } => {
            let y = match rel {
                Some(-1) => {
                    if *m < dm {
                        dct.year()
                    } else {
                        dct.year() - 1
                    }
                }
                Some(1) => {
                    if *m > dm {
                        dct.year()
                    } else {
                        dct.year() + 1
                    }
                }
                Some(_) => dct.year(),
                None => infer_year(dct, *m, 1, false, tn),
            };
            date_out(ymd(y, *m, 1)?, Precision::Month)
        }
        Sem::RelDay { off, pod } => {
            let date = dct.checked_add_signed(Duration::try_days(*off)?)?;
            match pod {
                Some(p) => Out {
                    kind: TimexType::Time,
                    value: format!("{}{}", fmt_date(date, Precision::Day), p),
                    rf: Some(RefDate {
                        date,
                        gran: Precision::Day,
                    }),
                },
                None => date_out(date, Precision::Day),
            }
        }
        Sem::RelUnit { unit, off } => rel_unit(dct, *unit, *off as i64)?,
        Sem::TenseUnit(u) => {
            // "the weekend": the last one in past context, the next one in future context.
            let off = match tn {
                Tense::Future | Tense::Upcoming => {
                    if dct.weekday().num_days_from_monday() >= 5 {
                        1
                    } else {
                        0
                    }
                }
                _ => {
                    if dct.weekday().num_days_from_monday() >= 5 {
                        0
                    } else {
                        -1
                    }
                }
            };
            rel_unit(dct, *u, off)?
        }
        Sem::Ago { n, unit } => match n {
            None => Out {
                kind: TimexType::Date,
                value: "PAST_REF".to_string(),
                rf: None,
            },
            Some(n) if *unit == Unit::Year && st.rf.gran == Precision::Quarter => {
                // Financial news: "a year ago" compares with the quarter under discussion.
                date_out(
                    shift(st.rf.date, Unit::Year, -(*n as i64))?,
                    Precision::Quarter,
                )
            }
            Some(n) => {
                let date = shift(dct, *unit, -(*n as i64))?;
                match unit {
                    Unit::Decade => Out {
                        kind: TimexType::Date,
                        value: format!("{:03}", date.year() / 10),
                        rf: None,
                    },
                    Unit::Century => Out {
                        kind: TimexType::Date,
                        value: format!("{:02}", date.year() / 100),
                        rf: None,
                    },
                    _ => date_out(date, gran_of_unit(*unit)),
                }
            }
        },
        Sem::FromNow { n, unit } => match n {
            None => Out {
                kind: TimexType::Date,
                value: "FUTURE_REF".to_string(),
                rf: None,
            },
            Some(n) => date_out(shift(dct, *unit, *n as i64)?, gran_of_unit(*unit)),
        },
        Sem::Anaph { n, unit } => {
            let rf = st.rf;
            let date = shift(rf.date, *unit, *n)?;
            let ug = gran_of_unit(*unit);
            let gran = if matches!(
                rf.gran,
                Precision::Week | Precision::Season | Precision::Half
            ) {
                ug
            } else {
                rf.gran.min(ug)
            };
            date_out(date, gran)
        }
        Sem::Same(u) => {
            let rf = st.rf;
            let ug = gran_of_unit(*u);
            // "that day" after "in 1987", "that same day" after "in October": a day of that
            // year or month the text does not say ("1987-XX-XX", "1998-10-XX"), no date of
            // its own and no new reference.
            let unknown = match (rf.gran, ug) {
                (Precision::Year, Precision::Day) => {
                    Some(format!("{}-XX-XX", fmt_date(rf.date, Precision::Year)))
                }
                (Precision::Month, Precision::Day) => {
                    Some(format!("{}-XX", fmt_date(rf.date, Precision::Month)))
                }
                (Precision::Year, Precision::Month) => {
                    Some(format!("{}-XX", fmt_date(rf.date, Precision::Year)))
                }
                // "the week" after "in October": a week of that year the text does not name.
                (g, Precision::Week) if g > Precision::Week => {
                    Some(format!("{}-WXX", fmt_date(rf.date, Precision::Year)))
                }
                _ => None,
            };
            if let Some(value) = unknown {
                return Some(Out {
                    kind: TimexType::Date,
                    value,
                    rf: None,
                });
            }
            let gran = if rf.gran <= ug { ug } else { rf.gran };
            date_out(rf.date, gran)
        }
        Sem::PartOfDay { off, pod } => {
            if st.rf.gran != Precision::Day {
                return None;
            }
            let date = st.rf.date.checked_add_signed(Duration::try_days(*off)?)?;
            Out {
                kind: TimexType::Time,
                value: format!("{}{}", fmt_date(date, Precision::Day), pod),
                rf: Some(RefDate {
                    date,
                    gran: Precision::Day,
                }),
            }
        }
        Sem::Ref(r) => Out {
            kind: TimexType::Date,
            value: r.to_string(),
            rf: None,
        },
        Sem::Dur { n, unit, half } => Out {
            kind: TimexType::Duration,
            value: dur_value(*n, *unit, *half),
            rf: None,
        },
        Sem::DurStr(v) => Out {
            kind: TimexType::Duration,
            value: v.clone(),
            rf: None,
        },
        Sem::Set(v) => Out {
            kind: TimexType::Set,
            value: v.clone(),
            rf: None,
        },
        Sem::Time { date, h, mi } => {
            let d = match date {
                Some(s) => {
                    let o = resolve_sem(s, st, tn_raw, sid)?;
                    o.rf.map(|r| r.date).unwrap_or(dct)
                }
                None => {
                    if st.rf.gran == Precision::Day {
                        st.rf.date
                    } else {
                        dct
                    }
                }
            };
            Out {
                kind: TimexType::Time,
                value: format!("{}T{:02}:{:02}", fmt_date(d, Precision::Day), h, mi),
                rf: Some(RefDate {
                    date: d,
                    gran: Precision::Day,
                }),
            }
        }
        Sem::WeekNum(n) => {
            let monday = NaiveDate::from_isoywd_opt(dct.year(), *n, chrono::Weekday::Mon)?;
            date_out(monday, Precision::Week)
        }
        Sem::WeekOf(day) => {
            let o = resolve_sem(day, st, tn_raw, sid)?;
            date_out(o.rf?.date, Precision::Week)
        }
        Sem::Quarter { q, ys } => {
            let cur_q = (dm - 1) / 3 + 1;
            // The quarter a report is about: the last one named, else the last one completed.
            let reported = if st.rf.gran == Precision::Quarter {
                st.rf.date
            } else {
                shift(dct, Unit::Quarter, -1)?
            };
            let reported_q = (reported.month() - 1) / 3 + 1;
            let (y, q) = match (ys, *q) {
                // "the 1988 quarter", "last year's quarter": that year's quarter of the report.
                (YearSpec::Abs(y), 0) => (*y, reported_q),
                (YearSpec::Abs(y), q) => (*y, q),
                (YearSpec::Dct(off), 0) => (dct.year() + off, reported_q),
                (YearSpec::Dct(off), q) => (dct.year() + off, q),
                (YearSpec::YearAgo, _) => {
                    let base = if st.rf.gran == Precision::Quarter {
                        st.rf.date
                    } else {
                        shift(dct, Unit::Quarter, -1)?
                    };
                    let d = shift(base, Unit::Year, -1)?;
                    (d.year(), (d.month() - 1) / 3 + 1)
                }
                (YearSpec::Ctx, 0) => {
                    let d = shift(dct, Unit::Quarter, -1)?;
                    (d.year(), (d.month() - 1) / 3 + 1)
                }
                (YearSpec::Ctx, q) => {
                    let y = match context_year(st, sid) {
                        Some(cy) => cy,
                        None => {
                            if tn == Tense::Past && q > cur_q {
                                dct.year() - 1
                            } else {
                                dct.year()
                            }
                        }
                    };
                    (y, q)
                }
            };
            let q = q.clamp(1, 4);
            date_out(ymd(y, (q - 1) * 3 + 1, 1)?, Precision::Quarter)
        }
        Sem::Half { h, ys } => {
            let y = match ys {
                YearSpec::Abs(y) => *y,
                YearSpec::Dct(off) => dct.year() + off,
                _ => match context_year(st, sid) {
                    Some(cy) => cy,
                    None => {
                        if tn == Tense::Past && *h == 2 && dm <= 6 {
                            dct.year() - 1
                        } else {
                            dct.year()
                        }
                    }
                },
            };
            let h = (*h).clamp(1, 2);
            date_out(ymd(y, (h - 1) * 6 + 1, 1)?, Precision::Half)
        }
        Sem::Holiday { h, rel, y } => {
            let date = match (y, rel) {
                (Some(y), _) => holiday_date(*h, *y)?,
                (None, Some(r)) => {
                    let cands = [dct.year() - 1, dct.year(), dct.year() + 1];
                    let mut pick = None;
                    for cy in cands {
                        let Some(d) = holiday_date(*h, cy) else {
                            continue;
                        };
                        let ok = match r {
                            -1 => d < dct,
                            1 => d > dct,
                            _ => cy == dct.year(),
                        };
                        if ok && (*r != 1 || pick.is_none()) {
                            pick = Some(d);
                        }
                    }
                    pick?
                }
                (None, None) => {
                    let base = holiday_date(*h, dct.year())?;
                    let y = infer_year(dct, base.month(), base.day(), true, tn);
                    holiday_date(*h, y)?
                }
            };
            date_out(date, Precision::Day)
        }
        Sem::YearEnd { prev } => {
            let y = if *prev || tn == Tense::Past && dct.month() < 7 {
                dct.year() - 1
            } else {
                dct.year()
            };
            date_out(ymd(y, 1, 1)?, Precision::Year)
        }
        Sem::DayOfMonth { d, moff } => {
            let first = ymd(dct.year(), dm, 1)?;
            let date = match moff {
                Some(off) => shift(first, Unit::Month, *off as i64)?.with_day(*d)?,
                None => {
                    let this = first.with_day(*d);
                    let off = match tn {
                        Tense::Past if *d > dct.day() => -1,
                        Tense::Future if *d < dct.day() => 1,
                        _ => 0,
                    };
                    match (off, this) {
                        (0, Some(x)) => x,
                        _ => shift(first, Unit::Month, if off == 0 { -1 } else { off })?
                            .with_day(*d)?,
                    }
                }
            };
            date_out(date, Precision::Day)
        }
        Sem::NthWeekday { n, wd, m, moff } => {
            let (y, mo) = match m {
                Some(m) => (infer_year(dct, *m, 1, false, tn), *m),
                None => {
                    let f = shift(ymd(dct.year(), dm, 1)?, Unit::Month, *moff as i64)?;
                    (f.year(), f.month())
                }
            };
            let wd = chrono::Weekday::try_from(u8::try_from(*wd).ok()?).ok()?;
            let n = u8::try_from(*n).ok()?;
            date_out(
                NaiveDate::from_weekday_of_month_opt(y, mo, wd, n)?,
                Precision::Day,
            )
        }
        Sem::WeekWeekday { wd, off } => {
            let monday = dct.checked_sub_signed(Duration::try_days(
                dct.weekday().num_days_from_monday() as i64,
            )?)?;
            let date =
                monday.checked_add_signed(Duration::try_days(*off as i64 * 7 + *wd as i64)?)?;
            date_out(date, Precision::Day)
        }
        Sem::Season { s, ys, rel } => {
            let (cur_s, cur_y) = season_code(dct);
            // A winter takes the year of its December (`season_code`), so it comes last.
            let order = |x: &str| match x {
                "SP" => 0,
                "SU" => 1,
                "FA" => 2,
                _ => 3,
            };
            let y = match (ys, rel) {
                (YearSpec::Abs(y), _) => *y,
                (_, Some(-1)) => {
                    if order(s) < order(cur_s) {
                        cur_y
                    } else {
                        cur_y - 1
                    }
                }
                (_, Some(1)) => {
                    if order(s) > order(cur_s) {
                        cur_y
                    } else {
                        cur_y + 1
                    }
                }
                // "this winter" in January: the winter under way.
                (_, Some(_)) if *s == cur_s => cur_y,
                (_, Some(_)) => dct.year(),
                _ => match context_year(st, sid) {
                    Some(cy) => cy,
                    None => {
                        if tn == Tense::Future {
                            if order(s) >= order(cur_s) {
                                cur_y
                            } else {
                                cur_y + 1
                            }
                        } else if order(s) <= order(cur_s) {
                            cur_y
                        } else {
                            cur_y - 1
                        }
                    }
                },
            };
            let date = ymd(y, season_month(s), 1)?;
            Out {
                kind: TimexType::Date,
                value: format!("{y:04}-{s}"),
                rf: Some(RefDate {
                    date,
                    gran: Precision::Season,
                }),
            }
        }
    })
}

fn rel_unit(dct: NaiveDate, unit: Unit, off: i64) -> Option<Out> {
    Some(match unit {
        Unit::Weekend => {
            let d = shift(dct, Unit::Week, off)?;
            let iw = d.iso_week();
            Out {
                kind: TimexType::Date,
                value: format!("{:04}-W{:02}-WE", iw.year(), iw.week()),
                rf: Some(RefDate {
                    date: d,
                    gran: Precision::Week,
                }),
            }
        }
        Unit::Decade => {
            let d = shift(dct, Unit::Decade, off)?;
            Out {
                kind: TimexType::Date,
                value: format!("{:03}", d.year() / 10),
                rf: None,
            }
        }
        Unit::Century => {
            let d = shift(dct, Unit::Century, off)?;
            Out {
                kind: TimexType::Date,
                value: format!("{:02}", d.year() / 100),
                rf: None,
            }
        }
        u => date_out(shift(dct, u, off)?, gran_of_unit(u)),
    })
}

/// Year for a month (and day) without an explicit year, by tense relative to the DCT.
fn infer_year(dct: NaiveDate, m: u32, d: u32, has_day: bool, tn: Tense) -> i32 {
    let y = dct.year();
    if has_day {
        // Closest occurrence, biased by tense.
        let mut best = (i64::MAX, y);
        for cy in [y - 1, y, y + 1] {
            let Some(date) = NaiveDate::from_ymd_opt(cy, m, d.clamp(1, 28)) else {
                continue;
            };
            let diff = (date - dct).num_days();
            let penalty = match tn {
                // A past verb outweighs a date up to about four months ahead.
                Tense::Past if diff > 0 => 200,
                Tense::Future if diff < 0 => 120,
                _ => 0,
            };
            let cost = diff.abs() + penalty;
            if cost < best.0 {
                best = (cost, cy);
            }
        }
        return best.1;
    }
    let key = (m, if has_day { d } else { 0 });
    let now = (dct.month(), if has_day { dct.day() } else { 0 });
    match tn {
        Tense::None => {
            // Up to four months ahead counts as upcoming; otherwise the most recent one.
            let ahead = (m as i32 - dct.month() as i32).rem_euclid(12);
            if ahead == 0 || ahead > 4 {
                if m <= dct.month() { y } else { y - 1 }
            } else if m > dct.month() {
                y
            } else {
                y + 1
            }
        }
        Tense::Past => {
            if key <= now {
                y
            } else {
                y - 1
            }
        }
        Tense::Future | Tense::Upcoming => {
            if key >= now {
                y
            } else {
                y + 1
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::timex::TimexType::*;
    use crate::extract::timex::examples::{Example, check};

    /// Anaphora: resolved against the last date mentioned.
    #[rustfmt::skip]
    const ANAPHORA: &[Example] = &[
        ("The mine closed on October 3, 2023. It reopened the next day.", "2024-03-20", "the next day", "2023-10-04", Date, None),
        ("Exports peaked in 2019. A year earlier they had slumped.", "2024-03-20", "A year earlier", "2018", Date, None),
        ("The mine closed on March 3, 2022. Two weeks later it reopened.", "2024-03-20", "Two weeks later", "2022-03-17", Date, None),
        ("The mine closed in 2019. That year was bleak.", "2024-03-20", "That year", "2019", Date, None),
    ];

    #[test]
    fn anaphora() {
        check(ANAPHORA);
    }
}
