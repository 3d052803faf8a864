//! A figure group's rows in, the geometry of its chart out: points, bands, axis ticks, in the
//! coordinates of an SVG `viewBox`. Drawing is left to the templates (`partials/figure_chart.html`)
//! so users can restyle or replace it; this module only does the arithmetic a template cannot.

use std::borrow::Borrow;

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::views::{FigureView, period_end};
use crate::extract::{FigureKind, format_value};

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
    /// A sentence describing the series, for `<desc>` ([`describe`]).
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

/// How many points a chart's description names one by one; a longer series is described by its
/// span, lowest and highest, and its table (which lists every row) is left to say the rest.
const DESCRIBED_POINTS: usize = 5;

/// The `<desc>` of a chart of `points` (in drawing order) from `first` to `last`: every point of
/// a short series; the count, span, lowest and highest of a longer one. Each point is a link
/// named by its own label, so a screen reader reaches them all either way.
fn describe(points: &[PointView], first: &str, last: &str) -> String {
    let n = points.len();
    if n <= DESCRIBED_POINTS {
        let labels: Vec<&str> = points.iter().map(|p| p.label.as_str()).collect();
        return format!("{n} figures from {first} to {last}: {}.", labels.join("; "));
    }
    // Drawn values rise as y falls.
    let highest = points.iter().min_by(|a, b| a.y.total_cmp(&b.y));
    let lowest = points.iter().max_by(|a, b| a.y.total_cmp(&b.y));
    match (lowest, highest) {
        (Some(low), Some(high)) => format!(
            "{n} figures from {first} to {last}; the lowest {}, the highest {}. The table below \
             lists each.",
            low.label, high.label
        ),
        _ => format!("{n} figures from {first} to {last}."),
    }
}

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
pub fn chart<R: Borrow<FigureView>>(rows: &[R]) -> Option<ChartView> {
    let dated: Vec<Dated<'_>> = rows
        .iter()
        .map(Borrow::borrow)
        .enumerate()
        .filter(|(_, r)| !r.is_change())
        .filter_map(|(i, r)| {
            let p = r.as_of.as_ref()?;
            let end = period_end(p)?;
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
    let first_date = dated
        .iter()
        .min_by_key(|d| d.2)
        .and_then(|d| d.1.as_of_display())
        .unwrap_or_default();
    let last_date = dated
        .iter()
        .max_by_key(|d| d.2)
        .and_then(|d| d.1.as_of_display())
        .unwrap_or_default();
    let description = describe(&points, &first_date, &last_date);
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

/// The frame of a timeline (`chronology_timeline`, `briefing.timeline` in templates): its size in
/// pixels, its lanes and its calendar ticks. The marks are placed by [`timeline`].
#[derive(Debug, Clone, Serialize)]
pub struct TimelineFrame {
    /// Width of the drawing in pixels: wider for more marks, so that more of them have room for
    /// a label (the frame scrolls sideways where the page is narrower).
    pub width: f64,
    /// Height of the drawing.
    pub height: f64,
    /// Number of lanes of marks.
    pub lanes: usize,
    /// y of the time axis, below the lanes.
    pub axis: f64,
    /// y of the baseline of the tick labels.
    pub tick_label_y: f64,
    /// What one step between ticks is: `month`, `quarter`, `year`, `2 years`, `5 years`,
    /// `decade`, `20 years`, `50 years`, `century`…
    pub unit: &'static str,
    /// Ticks at the first day of each step (a month, a quarter, a year…), oldest first.
    pub ticks: Vec<TimelineTick>,
}

/// A tick of a timeline: a calendar boundary.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineTick {
    /// Position in pixels.
    pub x: f64,
    /// The first day of the step it starts ("2024-04-01").
    pub date: NaiveDate,
    /// Its label, written just right of the tick ("Jan 2024", "Feb", "Q3", "2024"), or null
    /// when it would run past the right edge.
    pub label: Option<String>,
    /// Where the label starts.
    pub label_x: f64,
}

/// Where one mark of a timeline is drawn.
#[derive(Debug, Clone, Serialize)]
pub struct MarkPlace {
    /// Left edge of the bar, in pixels.
    pub x: f64,
    /// Width of the bar: the whole period for a month, a quarter, a year…, a few pixels for a
    /// day.
    pub width: f64,
    /// Lane, from 0 (top).
    pub lane: usize,
    /// y of the top of the bar.
    pub y: f64,
    /// Where the short label starts, when the mark has room for one in its lane; null for a
    /// mark shown without a label.
    pub label_x: Option<f64>,
    /// y of the label's baseline, below the bar.
    pub label_y: f64,
}

/// A thing to place on a timeline: its period's first day and exclusive end, and the length in
/// characters of the label it would like to show.
pub type TimelineItem = (NaiveDate, NaiveDate, usize);

/// Narrowest drawing: the page's column at its widest.
const TIMELINE_MIN_WIDTH: f64 = 1080.0;
/// Widest drawing.
const TIMELINE_MAX_WIDTH: f64 = 2160.0;
/// Width the drawing grows by per mark, between the two.
const TIMELINE_PER_MARK: f64 = 8.0;
/// Room left of the first day and right of the last.
const TIMELINE_MARGIN: f64 = 8.0;
/// Height of a lane: a bar, and a label below it.
const LANE_HEIGHT: f64 = 30.0;
/// Height of a bar.
const BAR_HEIGHT: f64 = 8.0;
/// The narrowest bar (a day), so that it stays visible and can be pointed at.
const MIN_BAR: f64 = 4.0;
/// At most this many lanes: a mark that finds no room in them is drawn over another.
const MAX_LANES: usize = 8;
/// Width of a character of a mark's label (11 px text), rounded up, so that labels estimated
/// not to overlap do not.
const LABEL_CHAR: f64 = 6.8;
/// Width of a character of a tick's label (12 px text), rounded up.
const TICK_CHAR: f64 = 7.4;
/// Space kept after a label.
const LABEL_GAP: f64 = 8.0;

/// A step between ticks: how many months, its name, its shortest length in days, and the most
/// characters its labels have.
struct TickStep {
    months: i32,
    unit: &'static str,
    min_days: f64,
    label_chars: usize,
}

/// The steps a timeline's ticks can take, finest first: months when the span is short, then
/// quarters, years, and several years for long spans.
const TICK_STEPS: [TickStep; 12] = [
    TickStep {
        months: 1,
        unit: "month",
        min_days: 28.0,
        label_chars: 8,
    },
    TickStep {
        months: 3,
        unit: "quarter",
        min_days: 90.0,
        label_chars: 7,
    },
    TickStep {
        months: 12,
        unit: "year",
        min_days: 365.0,
        label_chars: 4,
    },
    TickStep {
        months: 24,
        unit: "2 years",
        min_days: 730.0,
        label_chars: 4,
    },
    TickStep {
        months: 60,
        unit: "5 years",
        min_days: 1826.0,
        label_chars: 4,
    },
    TickStep {
        months: 120,
        unit: "decade",
        min_days: 3652.0,
        label_chars: 4,
    },
    TickStep {
        months: 240,
        unit: "20 years",
        min_days: 7304.0,
        label_chars: 4,
    },
    TickStep {
        months: 600,
        unit: "50 years",
        min_days: 18262.0,
        label_chars: 4,
    },
    TickStep {
        months: 1200,
        unit: "century",
        min_days: 36524.0,
        label_chars: 4,
    },
    TickStep {
        months: 2400,
        unit: "200 years",
        min_days: 73048.0,
        label_chars: 4,
    },
    TickStep {
        months: 6000,
        unit: "500 years",
        min_days: 182621.0,
        label_chars: 4,
    },
    TickStep {
        months: 12000,
        unit: "millennium",
        min_days: 365242.0,
        label_chars: 4,
    },
];

/// Months since year 0 of the first day of the month of `d`.
fn month_index(d: NaiveDate) -> i64 {
    i64::from(d.year()) * 12 + i64::from(d.month0())
}

/// The first day of the month `m` months after year 0 began.
fn month_date(m: i64) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        i32::try_from(m.div_euclid(12)).ok()?,
        u32::try_from(m.rem_euclid(12)).ok()? + 1,
        1,
    )
}

/// The boundary of `months`-month steps at or before `d` (steps of a year or more are counted
/// from year 0, so a decade starts in a year ending in 0).
fn step_floor(d: NaiveDate, months: i64) -> Option<NaiveDate> {
    month_date(month_index(d).div_euclid(months) * months)
}

/// The boundary of `months`-month steps at or after `d`.
fn step_ceil(d: NaiveDate, months: i64) -> Option<NaiveDate> {
    let floor = step_floor(d, months)?;
    if floor == d {
        Some(d)
    } else {
        month_date(month_index(floor) + months)
    }
}

/// The months as tick labels write them.
const SHORT_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The label of a tick of `step` on `d`: the year on the first tick and where a year begins,
/// the month or quarter alone between.
fn calendar_label(d: NaiveDate, step: &TickStep, first: bool) -> String {
    let new_year = first || d.month0() == 0;
    match step.months {
        1 if new_year => format!("{} {}", SHORT_MONTHS[d.month0() as usize], d.year()),
        1 => SHORT_MONTHS[d.month0() as usize].to_string(),
        3 if new_year => format!("Q{} {}", d.month0() / 3 + 1, d.year()),
        3 => format!("Q{}", d.month0() / 3 + 1),
        _ => d.year().to_string(),
    }
}

/// A time axis of calendar ticks over `width` pixels.
struct CalendarAxis {
    step: &'static TickStep,
    d0: NaiveDate,
    per_day: f64,
    ticks: Vec<TimelineTick>,
}

impl CalendarAxis {
    /// The axis from `first` to `last` (exclusive): the finest step (month, quarter, year,
    /// several years) whose shortest interval is wide enough for its longest label, on an axis
    /// from the start of the month (for steps of a year or more, of the year) of the first day to
    /// the end of the month (year) of the last, with a tick at every boundary of the step in
    /// between.
    fn new(first: NaiveDate, last: NaiveDate, width: f64) -> Option<CalendarAxis> {
        let plot = width - 2.0 * TIMELINE_MARGIN;
        let days = |a: NaiveDate, b: NaiveDate| (b - a).num_days() as f64;
        let (step, d0, d1) = TICK_STEPS
            .iter()
            .filter_map(|step| {
                // Months and quarters on an axis from month to month, longer steps from year to year.
                let unit = if step.months < 12 { 1 } else { 12 };
                let d0 = step_floor(first, unit)?;
                let d1 = step_ceil(last, unit)?;
                let per_day = plot / days(d0, d1).max(1.0);
                (step.min_days * per_day >= step.label_chars as f64 * TICK_CHAR + LABEL_GAP)
                    .then_some((step, d0, d1))
            })
            .next()?;
        let per_day = plot / days(d0, d1).max(1.0);
        let mut axis = CalendarAxis {
            step,
            d0,
            per_day,
            ticks: Vec::new(),
        };
        let mut m = month_index(step_floor(d0, i64::from(step.months))?);
        while let Some(d) = month_date(m).filter(|&d| d <= d1) {
            m += i64::from(step.months);
            if d < d0 || super::views::writable(d).is_none() {
                continue;
            }
            let x = round1(axis.x(d));
            let label = calendar_label(d, step, axis.ticks.is_empty());
            let label_x = x + 3.0;
            let fits = label_x + label.chars().count() as f64 * TICK_CHAR <= width;
            axis.ticks.push(TimelineTick {
                x,
                date: d,
                label: fits.then_some(label),
                label_x,
            });
        }
        Some(axis)
    }

    /// The x of the start of day `d`.
    fn x(&self, d: NaiveDate) -> f64 {
        TIMELINE_MARGIN + (d - self.d0).num_days() as f64 * self.per_day
    }
}

/// Lays out a timeline of `items` (each a period and the length of its label): regular ticks at
/// calendar boundaries, the finest step (month, quarter, year, several years) whose labels do
/// not overlap; each item a bar as long as its period, in the first lane where it and its label
/// fit after what is already there, in a new lane while there are fewer than [`MAX_LANES`],
/// else without its label where the bar alone fits (or over the lane that frees first). Returns
/// the frame and one place per item, in the order of `items`; None when there are no items.
pub fn timeline(items: &[TimelineItem]) -> Option<(TimelineFrame, Vec<MarkPlace>)> {
    let first = items.iter().map(|i| i.0).min()?;
    let last = items.iter().map(|i| i.1).max()?.max(first.succ_opt()?);
    let width = (items.len() as f64 * TIMELINE_PER_MARK)
        .clamp(TIMELINE_MIN_WIDTH, TIMELINE_MAX_WIDTH)
        .round();
    let axis = CalendarAxis::new(first, last, width)?;
    let x_of = |d: NaiveDate| axis.x(d);
    // Lanes, in the order of the marks' left edges: where each lane's bars and labels end.
    let mut order: Vec<usize> = (0..items.len()).collect();
    let bars: Vec<(f64, f64)> = items
        .iter()
        .map(|&(start, end, _)| {
            let (x, x_end) = (x_of(start), x_of(end));
            let w = (x_end - x).max(MIN_BAR);
            (x.min(width - TIMELINE_MARGIN - w).max(0.0), w)
        })
        .collect();
    order.sort_by(|&a, &b| bars[a].0.total_cmp(&bars[b].0));
    let mut bar_ends: Vec<f64> = Vec::new();
    let mut label_ends: Vec<f64> = Vec::new();
    let mut places: Vec<Option<MarkPlace>> = vec![None; items.len()];
    for i in order {
        let (x, w) = bars[i];
        let label_w = items[i].2 as f64 * LABEL_CHAR;
        // A label starts with its bar, moved left when it would run past the right edge.
        let label_x = x.min(width - label_w).max(0.0);
        let bar_free = |l: usize, ends: &[f64]| ends[l] <= x;
        let labelled = (items[i].2 > 0)
            .then(|| {
                (0..bar_ends.len())
                    .find(|&l| bar_free(l, &bar_ends) && label_ends[l] <= label_x)
                    .or_else(|| {
                        (bar_ends.len() < MAX_LANES).then(|| {
                            bar_ends.push(0.0);
                            label_ends.push(0.0);
                            bar_ends.len() - 1
                        })
                    })
            })
            .flatten();
        let lane = match labelled {
            Some(l) => {
                label_ends[l] = label_x + label_w + LABEL_GAP;
                l
            }
            None => match (0..bar_ends.len()).find(|&l| bar_free(l, &bar_ends)) {
                Some(l) => l,
                None if bar_ends.len() < MAX_LANES => {
                    bar_ends.push(0.0);
                    label_ends.push(0.0);
                    bar_ends.len() - 1
                }
                None => bar_ends
                    .iter()
                    .enumerate()
                    .min_by(|a, b| a.1.total_cmp(b.1))
                    .map_or(0, |(l, _)| l),
            },
        };
        bar_ends[lane] = bar_ends[lane].max(x + w + 2.0);
        let top = lane as f64 * LANE_HEIGHT;
        places[i] = Some(MarkPlace {
            x: round1(x),
            width: round1(w),
            lane,
            y: top + 4.0,
            label_x: labelled.map(|_| round1(label_x)),
            label_y: top + 4.0 + BAR_HEIGHT + 12.0,
        });
    }
    let lanes = bar_ends.len().max(1);
    let axis_y = lanes as f64 * LANE_HEIGHT + 4.0;
    Some((
        TimelineFrame {
            width,
            height: axis_y + 24.0,
            lanes,
            axis: axis_y,
            tick_label_y: axis_y + 17.0,
            unit: axis.step.unit,
            ticks: axis.ticks,
        },
        places.into_iter().flatten().collect(),
    ))
}

/// The frame of a histogram of entries by month (`chronology_histogram` in templates).
#[derive(Debug, Clone, Serialize)]
pub struct HistogramFrame {
    /// Width of the drawing in pixels.
    pub width: f64,
    /// Height of the drawing.
    pub height: f64,
    /// y of the baseline the bars stand on.
    pub axis: f64,
    /// y of the baseline of the tick labels.
    pub tick_label_y: f64,
    /// The step between ticks, as for a timeline.
    pub unit: &'static str,
    /// Ticks at calendar boundaries, as for a timeline.
    pub ticks: Vec<TimelineTick>,
    /// The largest count: the tallest bar.
    pub max: usize,
}

/// Where one month's bar of a histogram is drawn.
#[derive(Debug, Clone, Serialize)]
pub struct BarPlace {
    /// Left edge.
    pub x: f64,
    /// Width: the month, less a pixel between bars.
    pub width: f64,
    /// Top.
    pub y: f64,
    /// Height, in proportion to the count (at least a pixel for a month with any).
    pub height: f64,
}

/// Height of a histogram's tallest bar.
const HISTOGRAM_HEIGHT: f64 = 80.0;

/// Lays out a histogram of `months` (each the first day of a month and its count) on a calendar
/// axis: one bar per month, as wide as the month, as tall as its count allows. Returns the frame
/// and one place per month, in the order of `months`; None when there are none.
pub fn histogram(months: &[(NaiveDate, usize)]) -> Option<(HistogramFrame, Vec<BarPlace>)> {
    let first = months.iter().map(|m| m.0).min()?;
    let last = months.iter().map(|m| m.0).max()?;
    let last = last.checked_add_months(chrono::Months::new(1))?;
    let width = TIMELINE_MIN_WIDTH;
    let axis = CalendarAxis::new(first, last, width)?;
    let max = months.iter().map(|m| m.1).max()?.max(1);
    let top = 6.0;
    let base = top + HISTOGRAM_HEIGHT;
    let places = months
        .iter()
        .map(|&(start, count)| {
            let x = axis.x(start);
            let end = start
                .checked_add_months(chrono::Months::new(1))
                .map_or(x + MIN_BAR, |e| axis.x(e));
            let height = if count == 0 {
                0.0
            } else {
                (count as f64 / max as f64 * HISTOGRAM_HEIGHT).max(1.0)
            };
            BarPlace {
                x: round1(x),
                width: round1((end - x - 1.0).max(1.0)),
                y: round1(base - height),
                height: round1(height),
            }
        })
        .collect();
    Some((
        HistogramFrame {
            width,
            height: base + 24.0,
            axis: base,
            tick_label_y: base + 17.0,
            unit: axis.step.unit,
            ticks: axis.ticks,
            max,
        },
        places,
    ))
}

/// Rounds a pixel position to a tenth.
fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
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
                format!("{} {}", SHORT_MONTHS[d.month0() as usize], d.year())
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
            said_by_kind: None,
            as_of: as_of.and_then(crate::extract::Period::parse),
            sentence: "".into(),
            start: 0,
            end: 0,
            line: 1,
            hand: false,
            conflict: false,
            restated: Vec::new(),
        }
    }

    /// A short series' description names every point; a long one its count, span, lowest and
    /// highest, not a hundred labels that repeat the links and the table.
    #[test]
    fn a_long_series_is_described_by_its_span_and_extremes() {
        let dates = [
            "2024-01-01",
            "2024-02-01",
            "2024-03-01",
            "2024-04-01",
            "2024-05-01",
            "2024-06-01",
        ];
        let values = [40.0, 10.0, 70.0, 20.0, 30.0, 50.0];
        let rows: Vec<FigureView> = dates
            .iter()
            .zip(values)
            .map(|(d, v)| row(v, None, "level", Some(d)))
            .collect();
        let short = chart(&rows[..3]).unwrap().description;
        assert_eq!(short.matches(" trucks, ").count(), 3, "{short}");
        assert!(short.starts_with("3 figures from "), "{short}");
        let long = chart(&rows).unwrap().description;
        assert!(
            long.starts_with("6 figures from 1 January 2024 to 1 June 2024; "),
            "{long}"
        );
        assert!(
            long.contains("the lowest 10 trucks, 1 February 2024"),
            "{long}"
        );
        assert!(
            long.contains("the highest 70 trucks, 1 March 2024"),
            "{long}"
        );
        assert_eq!(long.matches(" trucks, ").count(), 2, "{long}");
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

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// The ticks of a timeline of days from `first` to `last`, with its unit.
    fn ticks_of(first: &str, last: &str) -> (&'static str, Vec<TimelineTick>, f64) {
        let items = [
            (date(first), date(first).succ_opt().unwrap(), 10),
            (date(last), date(last).succ_opt().unwrap(), 10),
        ];
        let (frame, _) = timeline(&items).unwrap();
        (frame.unit, frame.ticks, frame.width)
    }

    /// Ticks are `months` apart, each on the first day of a month, with labels that do not
    /// reach the next tick's.
    fn assert_regular(ticks: &[TimelineTick], months: i64, width: f64) {
        assert!(ticks.len() >= 2, "{ticks:?}");
        for pair in ticks.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            assert_eq!(a.date.day(), 1);
            assert_eq!(
                month_index(b.date) - month_index(a.date),
                months,
                "{ticks:?}"
            );
            assert_eq!(
                month_index(a.date) % months.min(12) % months,
                0,
                "aligned: {a:?}"
            );
            let label = a
                .label
                .as_deref()
                .expect("every tick but the last has room");
            let end = a.label_x + label.chars().count() as f64 * TICK_CHAR;
            assert!(end < b.label_x, "{label} runs into {:?}", b.label);
        }
        for t in ticks {
            assert!(t.x >= 0.0 && t.x <= width, "{t:?}");
            if let Some(l) = &t.label {
                assert!(t.label_x + l.chars().count() as f64 * TICK_CHAR <= width);
            }
        }
    }

    #[test]
    fn timeline_ticks_are_months_quarters_or_years_by_span() {
        // Uneven groups (Jul, Sep, Nov, Mar) once made uneven ticks: they are every month now.
        let (unit, ticks, width) = ticks_of("2023-07-12", "2024-03-18");
        assert_eq!(unit, "month");
        assert_regular(&ticks, 1, width);
        let labels: Vec<_> = ticks.iter().filter_map(|t| t.label.as_deref()).collect();
        assert_eq!(
            labels,
            [
                "Jul 2023", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan 2024", "Feb", "Mar"
            ]
        );
        // The axis ends where March does: its tick has no room for a label.
        assert_eq!(ticks.last().unwrap().date, date("2024-04-01"));
        assert!(ticks.last().unwrap().label.is_none());
        let (unit, ticks, width) = ticks_of("2022-02-03", "2024-11-30");
        assert_eq!(unit, "quarter");
        assert_regular(&ticks, 3, width);
        assert_eq!(ticks[0].label.as_deref(), Some("Q2 2022"));
        assert_eq!(ticks[3].label.as_deref(), Some("Q1 2023"));
        assert_eq!(ticks[4].label.as_deref(), Some("Q2"));
        let (unit, ticks, width) = ticks_of("1969-06-01", "1994-02-01");
        assert_eq!(unit, "year");
        assert_regular(&ticks, 12, width);
        assert_eq!(ticks[0].label.as_deref(), Some("1969"));
        let (unit, ticks, width) = ticks_of("1890-01-01", "2024-03-18");
        assert_eq!(unit, "5 years");
        assert_regular(&ticks, 60, width);
        assert!(ticks.iter().all(|t| t.date.year() % 5 == 0));
        let (unit, ticks, width) = ticks_of("0001-01-01", "9999-12-31");
        assert_eq!(unit, "500 years");
        assert_regular(&ticks, 6000, width);
        assert!(ticks.iter().all(|t| t.date.year() <= 9999));
        // One day: the month it is in.
        let (unit, ticks, _) = ticks_of("2024-03-18", "2024-03-18");
        assert_eq!(unit, "month");
        assert_eq!(ticks.len(), 2);
    }

    #[test]
    fn timeline_marks_keep_their_labels_apart_and_stay_inside() {
        let month = (date("2023-07-01"), date("2023-08-01"), 20);
        let day = (date("2024-03-18"), date("2024-03-19"), 24);
        let mut items = vec![month; 20];
        items.push(day);
        items.push((date("2024-03-19"), date("2024-03-20"), 0));
        let (frame, places) = timeline(&items).unwrap();
        assert_eq!(places.len(), items.len());
        assert_eq!(frame.lanes, MAX_LANES);
        assert!(places.iter().all(|p| p.lane < MAX_LANES));
        for p in &places {
            assert!(p.x >= 0.0 && p.x + p.width <= frame.width, "{p:?}");
            assert!(p.y + BAR_HEIGHT <= frame.axis && p.label_y <= frame.axis);
        }
        // A month is a bar as long as the month, a day a short mark.
        assert!(
            places[0].width > 40.0 && places[20].width == MIN_BAR,
            "{places:?}"
        );
        // The first month of each lane has its label; the others in the lanes have none, and
        // no two labels of a lane overlap.
        let labelled: Vec<&MarkPlace> = places.iter().filter(|p| p.label_x.is_some()).collect();
        assert!(labelled.len() >= MAX_LANES, "{places:?}");
        assert!(places[20].label_x.is_some(), "the day has room");
        assert!(places[21].label_x.is_none(), "nothing to show");
        for (i, a) in places.iter().enumerate() {
            for (j, b) in places.iter().enumerate().skip(i + 1) {
                if let (Some(xa), Some(xb), true) = (a.label_x, b.label_x, a.lane == b.lane) {
                    let (wa, wb) = (
                        items[i].2 as f64 * LABEL_CHAR,
                        items[j].2 as f64 * LABEL_CHAR,
                    );
                    assert!(xa + wa <= xb || xb + wb <= xa, "{a:?} {b:?}");
                }
            }
        }
        assert!(timeline(&[]).is_none());
    }

    #[test]
    fn a_histogram_has_a_bar_per_month() {
        let months: Vec<(NaiveDate, usize)> = (0..24)
            .map(|m| (month_date(2022 * 12 + m).unwrap(), m as usize))
            .collect();
        let (frame, bars) = histogram(&months).unwrap();
        assert_eq!(bars.len(), 24);
        assert_eq!(frame.max, 23);
        assert_eq!(bars[0].height, 0.0);
        assert_eq!(bars[23].height, HISTOGRAM_HEIGHT);
        assert!(bars.windows(2).all(|b| b[0].x + b[0].width < b[1].x));
        assert!(bars.iter().all(|b| b.y + b.height == frame.axis));
        assert_eq!(frame.unit, "quarter");
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
