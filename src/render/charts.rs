//! A figure group's rows in, the geometry of its chart out: points, bands, axis ticks, in the
//! coordinates of an SVG `viewBox`. Drawing is left to the templates (`partials/figure_chart.html`)
//! so users can restyle or replace it; this module only does the arithmetic a template cannot.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::views::{FigureView, period_end};
use crate::extract::{FigureKind, Period, format_value};

/// Width of the chart's `viewBox`.
const WIDTH: f64 = 640.0;
/// Height of the chart's `viewBox`.
const HEIGHT: f64 = 240.0;
/// Room for the value labels on the left, per character of the longest label: enough for the
/// 24-unit text the default style uses on phones (12 px on a 360 px screen).
const LEFT_PER_CHAR: f64 = 14.0;
/// Right margin.
const RIGHT: f64 = 20.0;
/// Top margin.
const TOP: f64 = 20.0;
/// Room for the date labels at the bottom: their baseline is 30 units below the axis
/// (`partials/figure_chart.html`), clear of the lowest value label at the phone size.
const BOTTOM: f64 = 46.0;
/// Half-width of the band drawn around an "approximately" value, as a share of the value. A
/// convention of the chart, not something the source says.
const APPROX: f64 = 0.1;

/// Length of the arrow of an open-ended ("more than") value.
const ARROW: f64 = 28.0;

/// A figure series drawn as a chart: `figure_group.chart` in templates.
#[derive(Debug, Clone, Serialize)]
pub struct ChartView {
    /// `viewBox` width.
    pub width: f64,
    /// `viewBox` height.
    pub height: f64,
    /// The plotting area: left edge.
    pub left: f64,
    /// Right edge.
    pub right: f64,
    /// Top edge.
    pub top: f64,
    /// Bottom edge (the value axis' zero).
    pub bottom: f64,
    /// Value ticks (horizontal grid lines), `pos` is a y.
    pub y_ticks: Vec<TickView>,
    /// Date ticks, `pos` is an x.
    pub x_ticks: Vec<TickView>,
    /// One point per charted row, oldest first.
    pub points: Vec<PointView>,
    /// The series as an SVG `points` list ("x,y x,y …"), through the points in date order.
    pub line: String,
    /// A sentence describing the series, for `<desc>`.
    pub description: String,
}

/// An axis tick.
#[derive(Debug, Clone, Serialize)]
pub struct TickView {
    /// Position along its axis, in `viewBox` units.
    pub pos: f64,
    /// Label ("7,000", "Oct 2023").
    pub label: String,
}

/// One charted figure.
#[derive(Debug, Clone, Serialize)]
pub struct PointView {
    /// 1-based index of its row in the group's `rows` (the table row's anchor is
    /// `fig-<group id>-<row>`).
    pub row: usize,
    /// x of the middle of the as-of period.
    pub x: f64,
    /// x where the as-of period starts and ends: equal to `x` for a day, apart for a month or
    /// coarser, so a month-precision figure is drawn as a span, not an invented day.
    pub x_start: f64,
    /// End of the period.
    pub x_end: f64,
    /// y of the value.
    pub y: f64,
    /// How the value is drawn: `exact`, `approximate` (a band from `y_low` to `y_high`),
    /// `lower_bound` ("more than", "at least": open upwards) or `upper_bound` ("less than",
    /// "up to", "nearly": open downwards).
    pub shape: &'static str,
    /// Top of the band, or the tip of the arrow of a lower bound (smaller y is higher).
    pub y_high: f64,
    /// Bottom of the band, or the tip of the arrow of an upper bound.
    pub y_low: f64,
    /// What the point says: "about 7,000 containers, 18 March 2024 (AFP)".
    pub label: String,
    /// Conflicts with another row.
    pub conflict: bool,
}

/// Width of a sparkline's box.
const SPARK_WIDTH: f64 = 100.0;
/// Height of a sparkline's box.
const SPARK_HEIGHT: f64 = 24.0;
/// The most points a sparkline is drawn through: enough for a trend at 100 units wide.
const SPARK_POINTS: usize = 50;

/// A chart's line scaled into a [`SPARK_WIDTH`] × [`SPARK_HEIGHT`] box as an SVG `points` list,
/// through at most [`SPARK_POINTS`] of its points (evenly chosen, the first and last always).
pub fn sparkline(c: &ChartView) -> String {
    let n = c.points.len();
    let step = n.div_ceil(SPARK_POINTS).max(1);
    let x = |v: f64| (v - c.left) / (c.right - c.left).max(1.0) * SPARK_WIDTH;
    let y = |v: f64| (v - c.top) / (c.bottom - c.top).max(1.0) * SPARK_HEIGHT;
    let mut out = String::new();
    for (i, p) in c.points.iter().enumerate() {
        if i % step == 0 || i + 1 == n {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&format!("{:.1},{:.1}", x(p.x), y(p.y)));
        }
    }
    out
}

/// A row to chart: its 1-based row number, the row, and the first day and exclusive end of its
/// as-of period.
type Dated<'a> = (usize, &'a FigureView, NaiveDate, NaiveDate);

/// The chart of a figure group, when it has at least two levels (not changes) of one kind and
/// unit with a calendar as-of date.
pub fn chart(rows: &[FigureView]) -> Option<ChartView> {
    let dated: Vec<Dated<'_>> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.is_change())
        .filter_map(|(i, r)| {
            let p = Period::parse(r.as_of.as_deref()?)?;
            let end = period_end(&p)?;
            Some((i + 1, r, p.start, end))
        })
        .collect();
    let dated = on_one_axis(dated);
    if dated.len() < 2 {
        return None;
    }
    let day = |d: NaiveDate| f64::from(d.num_days_from_ce());
    let first = dated.iter().map(|d| d.2).min()?;
    let last = dated.iter().map(|d| d.3).max()?;
    // Pad the date range by a twentieth on each side so end points are not on the frame.
    let span = (day(last) - day(first)).max(1.0);
    let (d0, d1) = (day(first) - span / 20.0, day(last) + span / 20.0);
    let top_value = dated
        .iter()
        .map(|d| d.1.value * (1.0 + APPROX))
        .fold(0.0_f64, f64::max);
    let (step, max) = nice_scale(top_value);
    // Values near the largest float overflow the scale: such a series is shown in its table
    // only, never drawn with infinite coordinates (or with a tick loop that never ends).
    if !(max.is_finite() && top_value.is_finite()) {
        return None;
    }
    let steps = (max / step).round() as usize;
    let y_values: Vec<f64> = (0..=steps).map(|i| i as f64 * step).collect();
    let longest = y_values
        .iter()
        .map(|&v| tick_label(v, max).chars().count())
        .max()
        .unwrap_or(1);
    let left = 16.0 + LEFT_PER_CHAR * longest as f64;
    let x_of = |d: f64| left + (d - d0) / (d1 - d0) * (WIDTH - left - RIGHT);
    let bottom = HEIGHT - BOTTOM;
    let y_of = |v: f64| bottom - v / max * (bottom - TOP);
    let mut points: Vec<PointView> = dated
        .iter()
        .map(|&(row, r, start, end)| {
            let (x_start, x_end) = (x_of(day(start)), x_of(day(end)));
            let y = y_of(r.value);
            let (shape, y_high, y_low) = match r.qualifier_label() {
                Some("approximately") => (
                    "approximate",
                    y_of(r.value * (1.0 + APPROX)),
                    y_of(r.value * (1.0 - APPROX)),
                ),
                Some("more than" | "at least") => ("lower_bound", (y - ARROW).max(TOP), y),
                Some("less than" | "up to" | "nearly") => {
                    ("upper_bound", y, (y + ARROW).min(bottom))
                }
                _ => ("exact", y, y),
            };
            let mut label = String::new();
            if let Some(q) = r.qualifier_label() {
                label.push_str(q);
                label.push(' ');
            }
            label.push_str(&r.value_display());
            // A sum of money carries its currency in its value ("$2.7 billion").
            if let Some(u) = r.unit.as_ref().filter(|_| r.kind != FigureKind::Money) {
                label.push(' ');
                label.push_str(u);
            }
            label.push_str(&format!(
                ", {} ({}, {})",
                r.as_of_display().unwrap_or_default(),
                r.from.article_source,
                r.from.article_published
            ));
            PointView {
                row,
                x: round((x_start + x_end) / 2.0),
                x_start: round(x_start),
                x_end: round(x_end),
                y: round(y),
                shape,
                y_high: round(y_high),
                y_low: round(y_low),
                label,
                conflict: r.conflict,
            }
        })
        .collect();
    let coordinates = |p: &PointView| [p.x, p.x_start, p.x_end, p.y, p.y_high, p.y_low];
    if !points.iter().flat_map(coordinates).all(f64::is_finite) {
        return None;
    }
    points.sort_by(|a, b| a.x.total_cmp(&b.x).then(a.row.cmp(&b.row)));
    let line = points
        .iter()
        .map(|p| format!("{},{}", p.x, p.y))
        .collect::<Vec<_>>()
        .join(" ");
    let y_ticks = y_values
        .iter()
        .map(|&v| TickView {
            pos: round(y_of(v)),
            label: tick_label(v, max),
        })
        .collect();
    let x_ticks = date_ticks(first, last)
        .into_iter()
        .map(|(d, label)| TickView {
            pos: round(x_of(day(d))),
            label,
        })
        .collect();
    let description = format!(
        "{} figures from {} to {}: {}.",
        points.len(),
        dated
            .iter()
            .min_by_key(|d| d.2)
            .and_then(|d| d.1.as_of_display())
            .unwrap_or_default(),
        dated
            .iter()
            .max_by_key(|d| d.2)
            .and_then(|d| d.1.as_of_display())
            .unwrap_or_default(),
        points
            .iter()
            .map(|p| p.label.as_str())
            .collect::<Vec<_>>()
            .join("; ")
    );
    Some(ChartView {
        width: WIDTH,
        height: HEIGHT,
        left,
        right: WIDTH - RIGHT,
        top: TOP,
        bottom,
        y_ticks,
        x_ticks,
        points,
        line,
        description,
    })
}

/// The rows of the kind (and for money, the currency) most of `dated` share, the first such
/// among equals: one series, one axis. A series named by its measure may mix kinds or currencies
/// ("$2.7 billion" and "2.1 billion NOK" of one net income), which one axis would draw as if they
/// were comparable; the units of other figures of one measure are spellings of one thing.
fn on_one_axis(dated: Vec<Dated<'_>>) -> Vec<Dated<'_>> {
    let axis = |r: &FigureView| {
        let currency = r.unit.as_deref().filter(|_| r.kind == FigureKind::Money);
        (r.kind, currency.map(str::to_lowercase))
    };
    let mut counts: Vec<((FigureKind, Option<String>), usize)> = Vec::new();
    for d in &dated {
        let a = axis(d.1);
        match counts.iter_mut().find(|(b, _)| *b == a) {
            Some((_, n)) => *n += 1,
            None => counts.push((a, 1)),
        }
    }
    // The first of the most frequent: `max_by_key` would give the last.
    let Some(most) = counts.iter().map(|(_, n)| *n).max() else {
        return dated;
    };
    let Some((chosen, _)) = counts.into_iter().find(|(_, n)| *n == most) else {
        return dated;
    };
    dated.into_iter().filter(|d| axis(d.1) == chosen).collect()
}

/// Where a chronology group sits on the chronology page's timeline: `group.timeline`.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineGroupView {
    /// Start of the group's period, in percent of the timeline's width.
    pub x: f64,
    /// Label of the tick at `x`, when there is room for one ("Jul 2023", "2024").
    pub tick: Option<String>,
    /// One bar per entry.
    pub bars: Vec<TimelineBar>,
}

/// One dated statement on the timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineBar {
    /// 1-based index of its entry in the group (the list item's anchor is `e-<key>-<entry>`).
    pub entry: usize,
    /// Start, in percent of the timeline's width.
    pub x: f64,
    /// Width in percent: the whole period for a month, a quarter, a year…, a sliver for a day.
    pub width: f64,
    /// Row of the timeline (0 on top), so that overlapping periods do not hide each other.
    pub lane: usize,
    /// Whether the date is coarser than a day (drawn as a span).
    pub span: bool,
    /// "July 2023 (reported 2024-03-20 by AFP)".
    pub label: String,
}

/// At most this many rows of bars: further overlapping bars share the row that frees first.
const MAX_LANES: usize = 8;
/// The width given to a single day, in percent, so it stays visible.
const MIN_WIDTH: f64 = 0.8;

/// A statement to place on the timeline: its period's first day and exclusive end, whether it is
/// coarser than a day, and its label.
pub type TimelineEntry = (NaiveDate, NaiveDate, bool, String);

/// Lays out every dated statement of a chronology on one time axis: `groups[i]` holds the
/// entries of group `i` as (start, exclusive end, is a span, label), in chronology order.
pub fn timeline(groups: &[(NaiveDate, Vec<TimelineEntry>)]) -> Vec<TimelineGroupView> {
    let day = |d: NaiveDate| f64::from(d.num_days_from_ce());
    let all = groups.iter().flat_map(|g| g.1.iter());
    let (Some(first), Some(last)) = (all.clone().map(|e| e.0).min(), all.map(|e| e.1).max()) else {
        return Vec::new();
    };
    let (d0, d1) = (day(first), day(last).max(day(first) + 1.0));
    let pct = |d: NaiveDate| ((day(d) - d0) / (d1 - d0) * 10000.0).round() / 100.0;
    let years = last.year() - first.year();
    let label_each = groups.len() <= 12 && years <= 3;
    let mut lane_ends: Vec<f64> = Vec::new();
    let mut last_tick: Option<(f64, i32)> = None;
    groups
        .iter()
        .map(|(start, entries)| {
            let x = pct(*start).clamp(0.0, 100.0);
            let tick = if label_each {
                Some(format!(
                    "{} {}",
                    [
                        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                        "Nov", "Dec"
                    ][start.month0() as usize],
                    start.year()
                ))
            } else if last_tick.is_none_or(|(_, y)| y != start.year()) {
                Some(start.year().to_string())
            } else {
                None
            };
            // Leave 12% between labels.
            let tick = tick.filter(|_| last_tick.is_none_or(|(lx, _)| x - lx >= 12.0));
            if tick.is_some() {
                last_tick = Some((x, start.year()));
            }
            let bars = entries
                .iter()
                .enumerate()
                .map(|(i, (s, e, span, label))| {
                    let (mut x, end) = (pct(*s), pct(*e));
                    let mut width = end - x;
                    if width < MIN_WIDTH {
                        x = (x - (MIN_WIDTH - width) / 2.0).clamp(0.0, 100.0 - MIN_WIDTH);
                        width = MIN_WIDTH;
                    }
                    let lane = match lane_ends.iter().position(|&end| end <= x) {
                        Some(l) => l,
                        None if lane_ends.len() < MAX_LANES => {
                            lane_ends.push(0.0);
                            lane_ends.len() - 1
                        }
                        None => lane_ends
                            .iter()
                            .enumerate()
                            .min_by(|a, b| a.1.total_cmp(b.1))
                            .map_or(0, |(l, _)| l),
                    };
                    lane_ends[lane] = x + width + 0.3;
                    TimelineBar {
                        entry: i + 1,
                        x: (x * 100.0).round() / 100.0,
                        width: (width * 100.0).round() / 100.0,
                        lane,
                        span: *span,
                        label: label.clone(),
                    }
                })
                .collect();
            TimelineGroupView { x, tick, bars }
        })
        .collect()
}

/// Rounds a coordinate to a whole unit (a 640-unit-wide chart needs no more), so the SVG stays
/// short, the output stable, and templates' arithmetic on coordinates exact.
fn round(v: f64) -> f64 {
    v.round()
}

/// A value label of the axis that goes up to `max`, in thousands, millions, billions or trillions
/// when the axis reaches ten thousand or more: "30M" rather than "30,000,000", short enough to be
/// read on a phone. The table below the chart gives every value in full.
fn tick_label(v: f64, max: f64) -> String {
    let (unit, suffix) = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e4, "k")]
        .into_iter()
        .find(|(unit, _)| max >= *unit)
        .map_or((1.0, ""), |(unit, suffix)| {
            (if suffix == "k" { 1e3 } else { unit }, suffix)
        });
    if v == 0.0 {
        return "0".into();
    }
    format!("{}{suffix}", format_value(v / unit))
}

/// A step of 1, 2 or 5 × 10ⁿ giving 3 to 6 ticks from 0 to at least `top`, and the axis maximum.
fn nice_scale(top: f64) -> (f64, f64) {
    if top <= 0.0 || !top.is_finite() {
        return (1.0, 1.0);
    }
    let raw = top / 4.0;
    let magnitude = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * magnitude)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * magnitude);
    (step, (top / step).ceil() * step)
}

/// Ticks at the start of months (every 1, 2, 3, 6 months) or of years, at most 7 of them.
fn date_ticks(first: NaiveDate, last: NaiveDate) -> Vec<(NaiveDate, String)> {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let months_between =
        (last.year() - first.year()) * 12 + last.month() as i32 - first.month() as i32;
    let every = [1, 2, 3, 6, 12, 24, 60, 120]
        .into_iter()
        .find(|n| months_between / n <= 6)
        .unwrap_or(240);
    let mut ticks = Vec::new();
    let Some(mut d) = NaiveDate::from_ymd_opt(first.year(), first.month(), 1) else {
        return ticks;
    };
    // Align to the step (January for yearly ticks, quarters for 3 months...).
    while (d.month0() as i32) % every.min(12) != 0 || (every > 12 && d.year() % (every / 12) != 0) {
        match d.checked_add_months(chrono::Months::new(1)) {
            Some(n) => d = n,
            None => return ticks,
        }
    }
    if d > first {
        // Start at or before the first date.
        if let Some(p) = d.checked_sub_months(chrono::Months::new(every as u32)) {
            d = p;
        }
    }
    // The tick at the end of a period that ends with 9999 would be labelled 10000.
    while d <= last && super::views::writable(d).is_some() {
        if d >= first {
            let label = if every >= 12 {
                d.year().to_string()
            } else {
                format!("{} {}", MONTHS[d.month0() as usize], d.year())
            };
            ticks.push((d, label));
        }
        match d.checked_add_months(chrono::Months::new(every as u32)) {
            Some(n) => d = n,
            None => break,
        }
    }
    ticks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Qualifier;

    fn row(value: f64, qualifier: Option<&str>, kind: &str, as_of: Option<&str>) -> FigureView {
        FigureView {
            anchor: None,
            from: crate::testing::claim_source(),
            text: "".into(),
            value,
            unit: Some("trucks".into()),
            measure: None,
            scope: None,
            qualifier: qualifier.and_then(Qualifier::parse),
            kind: FigureKind::parse(kind).unwrap(),
            direction: None,
            status: None,
            said_by: None,
            as_of: as_of.map(Into::into),
            sentence: "".into(),
            start: 0,
            end: 0,
            line: 1,
            hand: false,
            conflict: false,
            restated: Vec::new(),
        }
    }

    #[test]
    fn values_near_the_largest_float_are_never_drawn() {
        // The axis' maximum overflows to infinity: the points were written as `-inf`, or the
        // tick loop never ended (1.5e308 rounds up to an axis of 2e308).
        for values in [[1.7e308, -1.7e308], [1.5e308, 5.0], [f64::MAX, 1.0]] {
            let rows = [
                row(values[0], None, "level", Some("2024-01-01")),
                row(values[1], None, "level", Some("2024-02-01")),
            ];
            assert!(chart(&rows).is_none(), "{values:?}");
        }
        // Large but drawable values still make a chart, every coordinate finite.
        let rows = [
            row(1e300, None, "level", Some("2024-01-01")),
            row(2e300, Some("approximately"), "level", Some("2024-02-01")),
        ];
        let c = chart(&rows).expect("a chart");
        assert!(
            c.points
                .iter()
                .all(|p| p.y.is_finite() && p.y_low.is_finite())
        );
        assert!(
            !c.line.contains("inf") && !c.line.contains("NaN"),
            "{}",
            c.line
        );
    }

    #[test]
    fn no_date_tick_after_9999() {
        let ticks = date_ticks(
            NaiveDate::from_ymd_opt(9998, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(10000, 1, 1).unwrap(),
        );
        assert!(!ticks.is_empty());
        assert!(
            ticks
                .iter()
                .all(|(d, label)| d.year() <= 9999 && !label.contains("10000")),
            "{ticks:?}"
        );
    }

    #[test]
    fn charts_need_two_dated_levels() {
        assert!(chart(&[row(5.0, None, "level", Some("2024-01-01"))]).is_none());
        // A change is not a level; a row without an as-of date cannot be placed.
        assert!(
            chart(&[
                row(5.0, None, "level", Some("2024-01-01")),
                row(2.0, None, "change", Some("2024-02-01")),
                row(9.0, None, "level", None),
            ])
            .is_none()
        );
        // Nor is a percentage the text gives a direction ("fell 3%").
        let fell = FigureView {
            direction: Some(crate::extract::Direction::Down),
            ..row(3.0, None, "percent", Some("2024-02-01"))
        };
        assert!(chart(&[row(5.0, None, "percent", Some("2024-01-01")), fell]).is_none());
    }

    #[test]
    fn a_chart_draws_the_kind_and_currency_most_rows_share() {
        let nok = FigureView {
            unit: Some("NOK".into()),
            ..row(2.1e9, None, "money", Some("2024-03-01"))
        };
        let usd = |value, as_of| FigureView {
            unit: Some("USD".into()),
            ..row(value, None, "money", Some(as_of))
        };
        let c = chart(&[
            usd(2.7e9, "2023-01-01"),
            nok,
            usd(2.9e9, "2024-01-01"),
            row(5.0, None, "percent", Some("2024-02-01")),
        ])
        .unwrap();
        let rows: Vec<usize> = c.points.iter().map(|p| p.row).collect();
        assert_eq!(rows, [1, 3], "the dollars, on their own axis");
        // Other units of one series are one thing spelled two ways.
        let people = FigureView {
            unit: Some("people".into()),
            ..row(9.0, None, "level", Some("2024-03-01"))
        };
        let c = chart(&[row(8.0, None, "level", Some("2024-01-01")), people]).unwrap();
        assert_eq!(c.points.len(), 2);
    }

    #[test]
    fn every_qualifier_has_its_shape_inside_the_frame() {
        let c = chart(&[
            row(0.0, None, "level", Some("2020")),
            row(40.0, Some("less than"), "level", Some("2023-Q2")),
            row(1e9, Some("approximately"), "level", Some("2024-03-18")),
            row(7.0, Some("more than"), "level", Some("2024-03-18")),
        ])
        .unwrap();
        let shapes: Vec<&str> = c.points.iter().map(|p| p.shape).collect();
        assert_eq!(
            shapes,
            ["exact", "upper_bound", "approximate", "lower_bound"]
        );
        for p in &c.points {
            for x in [p.x, p.x_start, p.x_end] {
                assert!((c.left..=c.right).contains(&x), "{p:?}");
            }
            for y in [p.y, p.y_high, p.y_low] {
                assert!((c.top..=c.bottom).contains(&y), "{p:?}");
            }
            assert!(p.y_high <= p.y && p.y <= p.y_low);
        }
        // A year is a span; a day is a point.
        assert!(c.points[0].x_end - c.points[0].x_start > 50.0);
        assert!(c.points[2].x_end - c.points[2].x_start <= 1.0);
        assert!(!c.x_ticks.is_empty() && c.x_ticks.len() <= 7);
        assert_eq!(c.y_ticks.last().unwrap().pos, c.top);
    }

    #[test]
    fn timeline_lanes_are_capped_and_bars_stay_inside() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let month = (
            d("2023-07-01"),
            d("2023-08-01"),
            true,
            "July 2023".to_string(),
        );
        let day = (
            d("2024-03-18"),
            d("2024-03-19"),
            false,
            "18 March 2024".to_string(),
        );
        let groups = vec![
            (d("2023-07-01"), vec![month; 20]),
            (d("2024-03-01"), vec![day]),
        ];
        let t = timeline(&groups);
        assert_eq!(t.len(), 2);
        let bars: Vec<&TimelineBar> = t.iter().flat_map(|g| &g.bars).collect();
        assert!(bars.iter().all(|b| b.lane < MAX_LANES));
        assert!(bars.iter().all(|b| b.x >= 0.0 && b.x + b.width <= 100.01));
        assert_eq!(t[0].x, 0.0);
        assert!(bars[0].width > 10.0 && bars[20].width == MIN_WIDTH);
        assert!(timeline(&[]).is_empty());
    }

    #[test]
    fn axis_labels_are_short_enough_for_a_phone() {
        assert_eq!(tick_label(0.0, 3e7), "0");
        assert_eq!(tick_label(3e7, 3e7), "30M");
        assert_eq!(tick_label(2.5e9, 3e9), "2.5B");
        assert_eq!(tick_label(20_000.0, 60_000.0), "20k");
        assert_eq!(tick_label(2_000.0, 8_000.0), "2,000");
        assert_eq!(tick_label(0.5, 2.0), "0.5");
        // One suffix per axis, chosen by its top: 500k rather than 0.5M below 1M.
        assert_eq!(tick_label(500_000.0, 1.5e6), "0.5M");
        assert_eq!(tick_label(5_000.0, 20_000.0), "5k");
    }

    #[test]
    fn scales_are_round() {
        assert_eq!(nice_scale(7700.0), (2000.0, 8000.0));
        assert_eq!(nice_scale(1.1e6), (500000.0, 1.5e6));
        assert_eq!(nice_scale(0.0), (1.0, 1.0));
    }

    #[test]
    fn month_ticks_fall_inside_the_range() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let ticks = date_ticks(d("2023-10-01"), d("2024-03-19"));
        let labels: Vec<&str> = ticks.iter().map(|t| t.1.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Oct 2023", "Nov 2023", "Dec 2023", "Jan 2024", "Feb 2024", "Mar 2024"
            ]
        );
        let ticks = date_ticks(d("2015-03-01"), d("2024-03-19"));
        assert!(ticks.len() <= 7 && !ticks.is_empty(), "{ticks:?}");
    }
}
