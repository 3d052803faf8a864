//! Narrative reading: history told long after the events. A month, day or weekday without a
//! year ("In April", "on Tuesday", "that autumn") is placed at the time the story is in (the
//! last date it reached, [`RefDate`]) instead of near the publication date, as HeidelTime's
//! narratives mode does.
//!
//! Which reading a text gets is decided once, from the expressions the grammar found in it
//! ([`reading_of`]): a text is narrative when its own dated expressions lie mostly years before
//! its publication and it has few that count from the day of publication ("yesterday", "this
//! week", "last year").
//!
//! What the writer says from the day of publication keeps the publication date in a narrative
//! too: "today", "now", "this week", "last year", "N years ago", and anything in a sentence
//! that speaks of what is still to come ("will", "shall"): an anniversary piece tells a story
//! from fifty years ago and the ceremony "on Saturday". Those expressions do not move the
//! story's reference date; "N years ago" does, since it says when the story is.

use chrono::{Datelike, Duration, Months, NaiveDate};

use super::{Out, Precision, RefDate, date_out, season_code, season_month};
use crate::extract::timex::sem::{Cand, Sem, Unit, YearSpec};
use crate::extract::timex::tokens::Tok;

/// How a text's year-less and anaphoric expressions are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Reading {
    /// Against the publication date and the tense of the sentence (news).
    #[default]
    News,
    /// Against the time the story is in: the last date it reached (history, biography,
    /// anniversary pieces).
    Narrative,
}

/// Years before the publication from which an explicit year is "long before" it.
const FAR_YEARS: i32 = 2;

/// What one expression says about where a text stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// A date with its own year years before publication, or "N years ago".
    Far,
    /// A date with its own year close to publication, or a word that counts from it
    /// ("yesterday", "this week", "next month", "three days ago").
    Near,
    /// A weekday, month or day without a year: news opens with the day of its event ("said
    /// Thursday"), a narrative with a date of its own, so only the first of these counts.
    Yearless,
}

fn cue_of(sem: &Sem, modifier: Option<&str>, dct: NaiveDate) -> Option<Cue> {
    let by_year = |y: i32| {
        Some(if y <= dct.year() - FAR_YEARS {
            Cue::Far
        } else {
            Cue::Near
        })
    };
    match sem {
        Sem::Abs { y: Some(y), .. } | Sem::Year(y) | Sem::Holiday { y: Some(y), .. } => by_year(*y),
        Sem::Quarter {
            ys: YearSpec::Abs(y),
            ..
        }
        | Sem::Half {
            ys: YearSpec::Abs(y),
            ..
        }
        | Sem::Season {
            ys: YearSpec::Abs(y),
            ..
        } => by_year(*y),
        // "Fifty years ago" says when a story is; "more than four decades ago" only how long.
        Sem::Ago {
            n: Some(n),
            unit: Unit::Year | Unit::Decade | Unit::Century,
        } if *n >= FAR_YEARS as u32 => modifier.is_none().then_some(Cue::Far),
        Sem::RelDay { .. }
        | Sem::RelUnit { .. }
        | Sem::WeekWeekday { .. }
        | Sem::FromNow { .. }
        | Sem::Ago { .. } => Some(Cue::Near),
        Sem::Time { date: Some(d), .. } | Sem::WeekOf(d) => cue_of(d, None, dct),
        Sem::Weekday { rel: None, .. }
        | Sem::Month { rel: None, .. }
        | Sem::Abs {
            y: None,
            ys: YearSpec::Ctx,
            ..
        } => Some(Cue::Yearless),
        _ => None,
    }
}

/// Verbs of reporting: a weekday right after one ("said Monday", "announced on Tuesday") is the
/// day news reports from.
const REPORTING_VERBS: &[&str] = &["said", "says", "told", "announced", "reported", "added"];

/// Whether the expression at tokens from `start` is a weekday a verb of reporting dates.
fn reported_on(sem: &Sem, t: &[Tok<'_>], start: usize) -> bool {
    if !matches!(sem, Sem::Weekday { rel: None, .. }) {
        return false;
    }
    let w = |k: usize| t.get(k).map_or("", |x| x.w.as_ref());
    let before = match start.checked_sub(1) {
        Some(k) if w(k) == "on" => k.checked_sub(1),
        k => k,
    };
    before.is_some_and(|k| REPORTING_VERBS.contains(&w(k)))
}

/// The reading of a text from its expressions (`cands`, over tokens `t`), in text order:
/// narrative when it has a date years before publication, more such dates than ones near
/// publication, words counting from it and weekdays a report is dated by ("said Monday"), and
/// it opens with one of them (not with a weekday or a date without a year, as news does).
pub(in crate::extract::timex) fn reading_of(
    cands: &[Cand],
    t: &[Tok<'_>],
    dct: NaiveDate,
) -> Reading {
    let mut cues: Vec<Cue> = Vec::new();
    let mut prev: Option<(&Cand, Option<Cue>)> = None;
    for c in cands {
        let mut cue = cue_of(&c.sem, c.modifier, dct);
        if reported_on(&c.sem, t, c.start) {
            cue = Some(Cue::Near);
        }
        // "Fifty years ago this week": the anniversary formula dates the story, not the week.
        if let Some((p, Some(Cue::Far))) = prev
            && matches!(p.sem, Sem::Ago { .. })
            && p.end == c.start
            && cue == Some(Cue::Near)
        {
            cue = Some(Cue::Far);
        }
        cues.extend(cue);
        prev = Some((c, cue));
    }
    let far = cues.iter().filter(|c| **c == Cue::Far).count();
    let near = cues.iter().filter(|c| **c == Cue::Near).count();
    if far >= 1 && far > near && cues.first() == Some(&Cue::Far) {
        Reading::Narrative
    } else {
        Reading::News
    }
}

/// Whether the sentence of token `i` speaks of what is still to come from the day of
/// publication ("the mayor will lay a wreath on Friday"): then its dates count from that day.
pub(super) fn speaks_ahead(t: &[Tok<'_>], sent: &[usize], i: usize) -> bool {
    let Some(&sid) = sent.get(i) else {
        return false;
    };
    let first = sent.partition_point(|&s| s < sid);
    let last = sent.partition_point(|&s| s <= sid);
    t[first..last.min(t.len())]
        .iter()
        .any(|k| matches!(k.w.as_ref(), "will" | "shall" | "ll"))
}

/// Whether an expression counts from the day of publication, in any reading.
fn counts_from_publication(sem: &Sem) -> bool {
    match sem {
        Sem::RelDay { .. }
        | Sem::RelUnit { .. }
        | Sem::WeekWeekday { .. }
        | Sem::FromNow { .. }
        | Sem::WeekNum(_)
        | Sem::Ref(_)
        | Sem::YearEnd { .. }
        | Sem::Month { rel: Some(0), .. }
        | Sem::Weekday { rel: Some(0), .. }
        | Sem::Season { rel: Some(0), .. }
        | Sem::Abs {
            ys: YearSpec::Dct(_),
            ..
        } => true,
        Sem::Time { date: Some(d), .. } | Sem::WeekOf(d) => counts_from_publication(d),
        _ => false,
    }
}

/// Whether resolving `sem` moves the story's reference date in a narrative: story dates do,
/// what the writer says from the day of publication does not, except "N years ago", which
/// says when the story is.
pub(super) fn moves_story(sem: &Sem, ahead: bool) -> bool {
    match sem {
        Sem::Ago { n: Some(_), .. } => true,
        // "A year earlier" compares; the story stays where it is.
        Sem::Anaph {
            n,
            unit: Unit::Year,
        } if *n < 0 => false,
        _ => !ahead && !counts_from_publication(sem),
    }
}

/// The narrative resolution of `sem` against the story's reference date `rf`, or `None` when
/// the expression is read as in news (it counts from the publication, or has its own year).
/// `weekday` is the weekday written before a date ("Friday, November 4"), which fixes its year.
pub(super) fn resolve(sem: &Sem, rf: RefDate, weekday: Option<u32>) -> Option<Out> {
    if counts_from_publication(sem) {
        return None;
    }
    let anchor = period(rf)?;
    let ay = rf.date.year();
    match sem {
        Sem::Abs {
            y: None,
            m,
            d,
            ys: YearSpec::Ctx,
        } => match d {
            Some(d) => {
                let span: i32 = if weekday.is_some() { 14 } else { 1 };
                let cands = (ay - span..=ay + span)
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, *m, *d))
                    .filter(|x| weekday.is_none_or(|w| x.weekday().num_days_from_monday() == w))
                    .map(|x| (x, x));
                Some(date_out(nearest(cands, anchor)?.0, Precision::Day))
            }
            None => month_near(*m, None, anchor, ay),
        },
        Sem::Month { m, rel } => month_near(*m, *rel, anchor, ay),
        // A weekday is placed only by a day or a week: after "In June" it is not known.
        Sem::Weekday { wd, pod, rel } if rf.gran <= Precision::Week => {
            let (from, to) = (
                anchor.0.checked_sub_signed(Duration::try_days(7)?)?,
                anchor.1.checked_add_signed(Duration::try_days(7)?)?,
            );
            let days = from
                .iter_days()
                .take_while(|x| *x <= to)
                .filter(|x| x.weekday().num_days_from_monday() == *wd)
                .map(|x| (x, x));
            let date = directed(days, anchor, *rel)?.0;
            Some(match pod {
                Some(p) if !(rel.is_none() && matches!(*p, "TNI" | "TMO")) => Out {
                    kind: super::TimexType::Time,
                    value: format!("{}{}", date.format("%Y-%m-%d"), p),
                    rf: Some(RefDate {
                        date,
                        gran: Precision::Day,
                    }),
                },
                _ => date_out(date, Precision::Day),
            })
        }
        Sem::DayOfMonth { d, moff: None } => {
            let first = NaiveDate::from_ymd_opt(ay, rf.date.month(), 1)?;
            let cands = (-1..=1)
                .filter_map(|k: i32| shift_months(first, k))
                .filter_map(|f| f.with_day(*d))
                .map(|x| (x, x));
            Some(date_out(nearest(cands, anchor)?.0, Precision::Day))
        }
        Sem::Season {
            s,
            ys: YearSpec::Ctx,
            rel,
        } if *rel != Some(0) => {
            let cands = (ay - 2..=ay + 1).filter_map(|y| season_period(y, s));
            let (start, _) = directed(cands, anchor, *rel)?;
            let (_, y) = season_code(start);
            Some(Out {
                kind: super::TimexType::Date,
                value: format!("{y:04}-{s}"),
                rf: Some(RefDate {
                    date: NaiveDate::from_ymd_opt(y, season_month(s), 1)?,
                    gran: Precision::Season,
                }),
            })
        }
        Sem::Holiday {
            h,
            rel: None,
            y: None,
        } => {
            let cands = (ay - 1..=ay + 1)
                .filter_map(|y| super::holiday_date(*h, y))
                .map(|x| (x, x));
            Some(date_out(nearest(cands, anchor)?.0, Precision::Day))
        }
        // "By the weekend": the one the story's day or week runs into.
        Sem::TenseUnit(Unit::Weekend) if rf.gran <= Precision::Week => {
            let saturday = anchor
                .0
                .iter_days()
                .find(|x| x.weekday() == chrono::Weekday::Sat)?;
            let iw = saturday.iso_week();
            Some(Out {
                kind: super::TimexType::Date,
                value: format!("{:04}-W{:02}-WE", iw.year(), iw.week()),
                rf: Some(RefDate {
                    date: saturday,
                    gran: Precision::Week,
                }),
            })
        }
        // "Two years earlier", "the following year": in a story, the year it names.
        Sem::Anaph {
            n,
            unit: Unit::Year,
        } => date_out(super::shift(rf.date, Unit::Year, *n)?, Precision::Year).into(),
        // "the week of March 6": the week of the day the story places.
        Sem::WeekOf(d) => date_out(resolve(d, rf, weekday)?.rf?.date, Precision::Week).into(),
        // "Monday at 9 a.m.": the clock time on the day the story places.
        Sem::Time {
            date: Some(d),
            h,
            mi,
        } => {
            let day = resolve(d, rf, weekday)?.rf?.date;
            Some(Out {
                kind: super::TimexType::Time,
                value: format!("{}T{h:02}:{mi:02}", day.format("%Y-%m-%d")),
                rf: Some(RefDate {
                    date: day,
                    gran: Precision::Day,
                }),
            })
        }
        _ => None,
    }
}

/// The month `m` nearest the story's period (`rel` None), or the first after it (`Some(1)`,
/// "the following June") or the last before it (`Some(-1)`).
fn month_near(m: u32, rel: Option<i32>, anchor: (NaiveDate, NaiveDate), ay: i32) -> Option<Out> {
    if rel == Some(0) {
        return None;
    }
    let cands = (ay - 2..=ay + 2).filter_map(|y| {
        let first = NaiveDate::from_ymd_opt(y, m, 1)?;
        Some((first, last_of_month(first)?))
    });
    Some(date_out(directed(cands, anchor, rel)?.0, Precision::Month))
}

/// Weights of a day backward and a day forward: a story moves forward, so of two candidates
/// about as far, the later one is meant (Thursday three days back costs 9, four days on 8).
const BACK_WEIGHT: i64 = 3;
const FORWARD_WEIGHT: i64 = 2;

/// How far the period `c` lies from the story's period `a`, in weighted days (0 when they
/// overlap).
fn cost(c: (NaiveDate, NaiveDate), a: (NaiveDate, NaiveDate)) -> i64 {
    if c.1 < a.0 {
        (a.0 - c.1).num_days() * BACK_WEIGHT
    } else if c.0 > a.1 {
        (c.0 - a.1).num_days() * FORWARD_WEIGHT
    } else {
        0
    }
}

/// The candidate period nearest `anchor` (the earliest of equally near ones).
fn nearest(
    cands: impl Iterator<Item = (NaiveDate, NaiveDate)>,
    anchor: (NaiveDate, NaiveDate),
) -> Option<(NaiveDate, NaiveDate)> {
    cands.min_by_key(|c| (cost(*c, anchor), c.0))
}

/// The nearest candidate (`rel` None), the first after the anchor (`Some(1)`) or the last
/// before it (`Some(-1)`).
fn directed(
    cands: impl Iterator<Item = (NaiveDate, NaiveDate)>,
    anchor: (NaiveDate, NaiveDate),
    rel: Option<i32>,
) -> Option<(NaiveDate, NaiveDate)> {
    match rel {
        Some(r) if r > 0 => cands.filter(|c| c.0 > anchor.1).min_by_key(|c| c.0),
        Some(r) if r < 0 => cands.filter(|c| c.1 < anchor.0).max_by_key(|c| c.0),
        _ => nearest(cands, anchor),
    }
}

fn shift_months(d: NaiveDate, k: i32) -> Option<NaiveDate> {
    if k >= 0 {
        d.checked_add_months(Months::new(k.unsigned_abs()))
    } else {
        d.checked_sub_months(Months::new(k.unsigned_abs()))
    }
}

fn last_of_month(first: NaiveDate) -> Option<NaiveDate> {
    first.checked_add_months(Months::new(1))?.pred_opt()
}

/// The days a season of year `y` spans; a winter runs from December into the next year.
fn season_period(y: i32, s: &str) -> Option<(NaiveDate, NaiveDate)> {
    let start_month = match s {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    };
    let start = NaiveDate::from_ymd_opt(y, start_month, 1)?;
    Some((start, start.checked_add_months(Months::new(3))?.pred_opt()?))
}

/// The days the reference date stands for, by its granularity.
fn period(rf: RefDate) -> Option<(NaiveDate, NaiveDate)> {
    let d = rf.date;
    let first_of = |m: u32| NaiveDate::from_ymd_opt(d.year(), m, 1);
    let months = |start: NaiveDate, n: u32| {
        Some((start, start.checked_add_months(Months::new(n))?.pred_opt()?))
    };
    match rf.gran {
        Precision::Day => Some((d, d)),
        Precision::Week => {
            let monday = d.checked_sub_signed(Duration::try_days(i64::from(
                d.weekday().num_days_from_monday(),
            ))?)?;
            Some((monday, monday.checked_add_signed(Duration::try_days(6)?)?))
        }
        Precision::Month => months(first_of(d.month())?, 1),
        Precision::Quarter => months(first_of((d.month() - 1) / 3 * 3 + 1)?, 3),
        Precision::Half => months(first_of((d.month() - 1) / 6 * 6 + 1)?, 6),
        Precision::Season => {
            let (s, y) = season_code(d);
            season_period(y, s)
        }
        Precision::Year => months(first_of(1)?, 12),
        Precision::Decade => months(
            NaiveDate::from_ymd_opt(d.year() - d.year().rem_euclid(10), 1, 1)?,
            120,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::Reading::{self, *};
    use crate::extract::timex::TimexType::*;
    use crate::extract::timex::examples::{Example, check, d};
    use crate::extract::timex::{reading, tag_as};

    /// How a text reads, from its expressions: (text, publication date, reading).
    #[rustfmt::skip]
    const READINGS: &[(&str, &str, Reading)] = &[
        // history: a date of its own years back first, nothing counted from the publication
        ("On October 14, 1962, a spy plane flew over Cuba. On Tuesday the president saw the pictures.", "2018-04-02", Narrative),
        ("Calder Looms was founded on March 1, 1962. By 1969 it employed 120 people; now it exports.", "2021-05-14", Narrative),
        // the anniversary formula dates the story, not the week
        ("Fifty years ago this week, the Arno flooded Florence. On Sunday the water receded. This week the city remembers.", "2016-11-03", Narrative),
        // news opens with the day of its event
        ("The commander said Thursday he had sent a team to recover the remains of an expert kidnapped in March 1996.", "1998-02-19", News),
        ("BRUSSELS, February 10 -- NATO will admit Poland in March, as agreed in July 1997.", "1999-02-10", News),
        // as many dates near the publication, or words counting from it, as far from it
        ("Sales rose in 2019 and fell in 2023, the company said. Last week it cut jobs.", "2024-03-20", News),
        // a weekday a report is dated by
        ("The company, founded in 1962, said on Monday that sales rose in February.", "2024-03-20", News),
        // a vague "ago" says how long, not when
        ("Thousands paid tribute to the men who launched the revolution more than four decades ago in a rally Saturday.", "2000-04-01", News),
        // no dates at all
        ("The minister said the talks would continue.", "2024-03-20", News),
    ];

    #[test]
    fn a_text_reads_as_news_or_as_a_narrative() {
        for (text, dct, want) in READINGS {
            assert_eq!(reading(text, d(dct)), *want, "{text}");
        }
    }

    /// In a narrative, year-less dates count from the last date the story reached; what the
    /// writer says from the day of publication keeps that day.
    #[rustfmt::skip]
    const NARRATIVE: &[Example] = &[
        // a month without a year: in the story's year
        ("The mill opened on March 1, 1962. Its first order arrived in June.", "2021-05-14", "June", "1962-06", Date, None),
        // the nearest to the story, a later one when about as near: January after December
        ("They reached the pole on December 14, 1911. Scott reached it on January 17.", "2006-03-01", "January 17", "1912-01-17", Date, None),
        ("Scott reached the pole on January 17, 1912, having set out on November 1.", "2006-03-01", "November 1", "1911-11-01", Date, None),
        ("In the winter of 1973 the mill worked short weeks. In February it laid off staff.", "2021-05-14", "February", "1974-02", Date, None),
        // weekdays: the one nearest the story's day; of three days back and four on, the later
        ("The invasion was set for June 5, 1944. On Sunday gales whipped the Channel.", "2014-03-10", "Sunday", "1944-06-04", Date, None),
        ("The invasion was set for June 5, 1944. On Tuesday the ships reached the beaches.", "2014-03-10", "Tuesday", "1944-06-06", Date, None),
        ("The ship sank on Sunday, April 14, 1912. The survivors reached New York on Thursday.", "2010-09-01", "Thursday", "1912-04-18", Date, None),
        ("Nixon was told on August 5, 1974. On Thursday evening he said he would resign.", "2022-08-09", "Thursday evening", "1974-08-08TEV", Time, None),
        // a weekday written with its date fixes the year
        ("Amundsen reached the pole in December 1911. The Fram put into Hobart on Thursday, March 7.", "2006-03-01", "Thursday, March 7", "1912-03-07", Date, None),
        ("Fifty years ago this week, the Arno burst its banks. It broke through on Friday, November 4.", "2016-11-03", "Friday, November 4", "1966-11-04", Date, None),
        // anaphora follow the story; an offset in years names a year
        ("Apollo 13 splashed down on Friday, April 17, 1970. The crew flew to Hawaii the next day.", "2020-02-11", "the next day", "1970-04-18", Date, None),
        ("LeMond won on July 23, 1989. He had been shot two years earlier.", "2019-07-05", "two years earlier", "1987", Date, None),
        ("The wall opened on Thursday, November 9, 1989. By the weekend, two million had crossed.", "2004-06-15", "the weekend", "1989-W45-WE", Date, None),
        // what the writer says from the day of publication keeps it
        ("The bridge fell on March 9, 1993. On Saturday the town will unveil a plaque.", "2023-03-14", "Saturday", "2023-03-18", Date, None),
        ("The bridge fell on March 9, 1993. Its last survivor died last year.", "2023-03-14", "last year", "2022", Date, None),
        ("The bridge fell on March 9, 1993. Its piers are now a landmark.", "2023-03-14", "now", "PRESENT_REF", Date, None),
        ("Fifty years ago this week, the Arno burst its banks on Friday, November 4.", "2016-11-03", "this week", "2016-W44", Date, None),
    ];

    #[test]
    fn year_less_dates_count_from_the_story() {
        check(NARRATIVE);
    }

    #[test]
    fn never_panics_at_the_ends_of_the_calendar() {
        let text = "On Friday, December 31, 9999, it began. On Monday that winter, the following \
                    January 3 and the weekend after, that night, two years earlier, in June.";
        for dct in [
            chrono::NaiveDate::MIN,
            chrono::NaiveDate::MAX,
            d("2024-03-20"),
        ] {
            let _ = tag_as(text, dct, Some(Narrative));
            let _ = tag_as(
                "In 262143 the story began. On Tuesday, in May.",
                dct,
                Some(Narrative),
            );
            let _ = tag_as(
                "In -262143 the story began. On Tuesday, in May.",
                dct,
                Some(Narrative),
            );
        }
    }
}
