//! The data exports, written by plain writers (serde_json, and the quoting of the `csv` and
//! `ics_text` filters) with no default template: a project template of the same name replaces the
//! writer (and is rendered by tera like any other template), so each file has one producer.
//!
//! No file grows with the whole site, nor with a briefing (see `docs/exports.md`):
//!
//! - `claims.json` writes `claims/<YYYY-MM>.json`, one per month of publication, and
//!   `claims/index.json` listing them;
//! - `figures.csv` writes `figures/<YYYY-MM>.csv` and `figures/index.json`;
//! - `briefing.figures.csv` writes `briefings/<slug>.figures.csv`, the rows of that briefing's
//!   figure tables, and `briefings/<slug>.figures.json` listing it;
//! - `briefing.chronology.ics` and `briefing.timeline.json` write `briefings/<slug>.chronology.ics`
//!   and `.timeline.json` from that briefing's claims only, as a project template of that name
//!   would (see [`super::output_paths`]). The calendar holds the briefing's latest
//!   [`CALENDAR_EVENTS`] dated statements and the TimelineJS file its latest [`TIMELINE_EVENTS`],
//!   each saying so when it leaves earlier ones out;
//! - `search/index.json` writes the search index: that manifest, `search/terms/<n>.json` and
//!   `search/docs/<n>.json` (see [`super::search`]).
//!
//! A month or a briefing's figures larger than `max_export_size` (`report.yaml`) is split into
//! parts of at most that many bytes, `<stem>-1.<ext>`, `<stem>-2.<ext>`… (see [`Layout`]): a
//! month's at an article's end, a briefing's at a series' end unless one series alone is larger.
//! The index lists every file.

use std::io::{self, Write};
use std::ops::Range;

use chrono::Datelike as _;
use rayon::prelude::*;
use serde::Serialize;

use super::filters::{
    csv_number_into, csv_text_into, csv_text_len, ics_escape, ics_escape_into, ics_line, truthy,
};
use super::views::{ArticleData, ChronologyGroupView, EventView, FigureView, SiteView};
use super::{ReportView, output_paths};
use crate::assemble::Report;
use crate::extract::speaker_kind::SpeakerKind;
use crate::extract::{Period, Precision};

/// The names of the writers: what a project template replaces each by.
pub const WRITERS: [&str; 6] = [
    "claims.json",
    "figures.csv",
    "briefing.figures.csv",
    "briefing.chronology.ics",
    "briefing.timeline.json",
    super::search::WRITER,
];

/// The most events a briefing's TimelineJS file holds: its latest. TimelineJS is made for tens
/// to hundreds of slides, and a busy briefing has tens of thousands of dated statements, so
/// files split by year would still hold thousands.
pub const TIMELINE_EVENTS: usize = 300;

/// The most events a briefing's calendar holds: its latest. A calendar is subscribed to for what
/// is recent or coming; every statement stays in `claims/` and on the briefing page.
pub const CALENDAR_EVENTS: usize = 1000;

/// The column a briefing's `figures.csv` has before [`FIGURE_COLUMNS`]: the series' heading.
const SERIES_COLUMN: &str = "series";

/// The columns of `figures/<month>.csv`; a briefing's `figures.csv` has `series` before them.
const FIGURE_COLUMNS: &str = "article,source,published,url,text,value,unit,qualifier,kind,said_by,as_of,sentence,start,end,measure,scope,direction,status,said_by_kind";

/// One month of publication: its key (`2024-03`) and its articles, a run of the site's articles
/// (newest first).
pub struct Month {
    /// `YYYY-MM`.
    pub key: String,
    /// Positions in the view's articles.
    pub articles: std::ops::Range<usize>,
}

/// The months of publication of the site's articles, newest first (the articles' order).
pub fn months(view: &ReportView) -> Vec<Month> {
    let mut out: Vec<Month> = Vec::new();
    for (i, a) in view.articles.iter().enumerate() {
        let key = month_of(&a.published);
        match out.last_mut() {
            Some(m) if m.key == key => m.articles.end = i + 1,
            _ => out.push(Month {
                key: key.to_string(),
                articles: i..i + 1,
            }),
        }
    }
    out
}

/// `2024-03` of `2024-03-18`.
fn month_of(published: &str) -> &str {
    published.get(..7).unwrap_or(published)
}

/// One file a writer makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum File {
    /// `claims/index.json`.
    ClaimsIndex,
    /// A file of `claims/<month>.json`: month by index in [`months`], part by index in
    /// [`Layout::claims`].
    ClaimsMonth(usize, usize),
    /// `figures/index.json`.
    FiguresIndex,
    /// A file of `figures/<month>.csv`.
    FiguresMonth(usize, usize),
    /// `briefings/<slug>.figures.json`, by index in the view's briefings.
    BriefingFiguresIndex(usize),
    /// A file of `briefings/<slug>.figures.csv`: briefing, part.
    BriefingFigures(usize, usize),
    /// `briefings/<slug>.chronology.ics`.
    BriefingCalendar(usize),
    /// `briefings/<slug>.timeline.json`.
    BriefingTimeline(usize),
    /// A file of the search index, by index in [`super::search::Index::files`].
    Search(usize),
}

/// A run of a split export's items written to one file, and the file's size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    /// For a month, positions in the view's articles; for a briefing, positions in
    /// [`ReportView::briefing_rows`].
    pub items: Range<usize>,
    /// Bytes of the file.
    pub bytes: u64,
}

/// How the split exports are split: the parts of each month and of each briefing's figures, for
/// the writers that stand (empty for a writer a project template replaces).
#[derive(Debug, Default)]
pub struct Layout {
    /// Per month (as [`months`]), the parts of `claims/<month>.json`.
    pub claims: Vec<Vec<Part>>,
    /// Per month, the parts of `figures/<month>.csv`.
    pub figures: Vec<Vec<Part>>,
    /// Per briefing, the parts of `briefings/<slug>.figures.csv`.
    pub briefing_figures: Vec<Vec<Part>>,
}

impl Layout {
    /// Splits what the writers for which `stands` is true write into files of at most `bound`
    /// bytes (an article, or a row, larger than that alone gets a file of its own).
    pub fn new(
        report: &Report,
        view: &ReportView,
        months: &[Month],
        stands: impl Fn(&str) -> bool,
        bound: u64,
    ) -> Layout {
        let mut layout = Layout::default();
        let by_month = |sizes: &[u64], empty: &dyn Fn(&Month) -> u64| -> Vec<Vec<Part>> {
            months
                .iter()
                .map(|m| {
                    let articles = m.articles.clone().map(|i| i..i + 1);
                    pack(empty(m), bound, articles, |i| sizes[i])
                })
                .collect()
        };
        if stands("claims.json") {
            // Each article and the comma after it; the file without articles has one comma too
            // few.
            let sizes: Vec<u64> = view
                .articles
                .par_iter()
                .map(|a| {
                    let mut count = Count(0);
                    // Writing to a counter cannot fail.
                    let _ = serde_json::to_writer(&mut count, &ClaimsArticle::of(a));
                    count.0 + 1
                })
                .collect();
            let empty = |m: &Month| {
                let mut count = Count(0);
                let _ = json_line(
                    &mut count,
                    &ClaimsMonth {
                        month: &m.key,
                        articles: Vec::new(),
                    },
                );
                count.0 - 1
            };
            layout.claims = by_month(&sizes, &empty);
        }
        // The length of each figure's row, by article: a figure is in its month's file and in
        // the briefings that cover its article.
        let (months_csv, briefings_csv) = (stands("figures.csv"), stands("briefing.figures.csv"));
        let rows: Vec<Vec<u64>> = if months_csv || briefings_csv {
            view.articles
                .par_iter()
                .map(|a| a.figures.iter().map(|f| figure_row_len(f) as u64).collect())
                .collect()
        } else {
            Vec::new()
        };
        if months_csv {
            let sizes: Vec<u64> = rows.iter().map(|a| a.iter().sum()).collect();
            let header = |_: &Month| FIGURE_COLUMNS.len() as u64 + 1;
            layout.figures = by_month(&sizes, &header);
        }
        if briefings_csv {
            let header = (SERIES_COLUMN.len() + 1 + FIGURE_COLUMNS.len() + 1) as u64;
            layout.briefing_figures = (0..view.briefings.len())
                .into_par_iter()
                .map(|i| {
                    // In the order of `briefing_rows`: series by series.
                    let b = &report.briefings[view.briefings[i].index];
                    let sizes: Vec<u64> = b
                        .figures
                        .iter()
                        .flat_map(|g| {
                            let label = (csv_text_len(&g.label) + 1) as u64;
                            let rows = &rows;
                            g.rows
                                .iter()
                                .map(move |r| label + rows[view.position(r.article)][r.figure])
                        })
                        .collect();
                    let series = series_ranges(report, view, i).into_iter().map(|(_, r)| r);
                    pack(header, bound, series, |r| sizes[r])
                })
                .collect();
        }
        layout
    }
}

/// Packs items into consecutive parts of at most `bound` bytes, each with `header` bytes:
/// `groups` (consecutive runs of items) are kept whole unless a group alone is larger than
/// `bound`, and an item larger than `bound` gets a part of its own. There is always a part,
/// empty when there are no items.
fn pack(
    header: u64,
    bound: u64,
    groups: impl Iterator<Item = Range<usize>>,
    size: impl Fn(usize) -> u64,
) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut part = Part {
        items: 0..0,
        bytes: header,
    };
    let next = |part: &mut Part, at: usize, parts: &mut Vec<Part>| {
        let fresh = Part {
            items: at..at,
            bytes: header,
        };
        parts.push(std::mem::replace(part, fresh));
    };
    for group in groups {
        if part.items.is_empty() {
            part.items = group.start..group.start;
        } else if part.bytes + group.clone().map(&size).sum::<u64>() > bound {
            next(&mut part, group.start, &mut parts);
        }
        for i in group {
            let bytes = size(i);
            if !part.items.is_empty() && part.bytes + bytes > bound {
                next(&mut part, i, &mut parts);
            }
            part.items.end = i + 1;
            part.bytes += bytes;
        }
    }
    parts.push(part);
    parts
}

/// Counts the bytes written to it.
struct Count(u64);

impl Write for Count {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Writes through to a writer, counting the bytes.
struct Counted<'a> {
    out: &'a mut dyn Write,
    bytes: u64,
}

impl Write for Counted<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.out.write(buf)?;
        self.bytes += n as u64;
        Ok(n)
    }
    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// The series of `view.briefings[i]`, in its table's order: each label and its rows' positions
/// in [`ReportView::briefing_rows`].
fn series_ranges<'a>(
    report: &'a Report,
    view: &ReportView,
    i: usize,
) -> Vec<(&'a str, Range<usize>)> {
    let b = &report.briefings[view.briefings[i].index];
    let mut start = 0;
    b.figures
        .iter()
        .map(|g| {
            let range = start..start + g.rows.len();
            start = range.end;
            (g.label.as_str(), range)
        })
        .collect()
}

/// The path of part `p` of `parts` of the file `<stem>.<ext>`: that path itself when the file is
/// whole, else `<stem>-<p + 1>.<ext>`.
pub fn part_path(stem: &str, ext: &str, p: usize, parts: usize) -> String {
    if parts > 1 {
        format!("{stem}-{}.{ext}", p + 1)
    } else {
        format!("{stem}.{ext}")
    }
}

/// The paths of the files of `briefings/<slug>.figures.csv`, split in `parts`.
pub fn briefing_figures_paths(slug: &str, parts: usize) -> Vec<String> {
    let stem = format!("briefings/{slug}.figures");
    (0..parts)
        .map(|p| part_path(&stem, "csv", p, parts))
        .collect()
}

/// The path of the index of a briefing's figures.
pub fn briefing_figures_index(slug: &str) -> String {
    format!("briefings/{slug}.figures.json")
}

/// The files writer `name` makes, with their output paths (the search index's are made
/// beforehand: `search`; the parts of the split exports are in `layout`).
pub fn plan(
    name: &str,
    view: &ReportView,
    months: &[Month],
    layout: &Layout,
    search: Option<&super::search::Index>,
) -> Vec<(File, String)> {
    type Monthly = fn(usize, usize) -> File;
    let monthly = |dir: &str, ext: &str, index: File, parts: &[Vec<Part>], file: Monthly| {
        let mut files = vec![(index, format!("{dir}/index.json"))];
        for (m, (month, parts)) in months.iter().zip(parts).enumerate() {
            let stem = format!("{dir}/{}", month.key);
            let n = parts.len();
            files.extend((0..n).map(|p| (file(m, p), part_path(&stem, ext, p, n))));
        }
        files
    };
    let per_briefing = |file: fn(usize) -> File| {
        output_paths(name, view)
            .into_iter()
            .enumerate()
            .map(|(i, path)| (file(i), path))
            .collect()
    };
    match name {
        "claims.json" => monthly(
            "claims",
            "json",
            File::ClaimsIndex,
            &layout.claims,
            File::ClaimsMonth,
        ),
        "figures.csv" => monthly(
            "figures",
            "csv",
            File::FiguresIndex,
            &layout.figures,
            File::FiguresMonth,
        ),
        "briefing.figures.csv" => {
            let mut files = Vec::new();
            for (i, (b, parts)) in view
                .briefings
                .iter()
                .zip(&layout.briefing_figures)
                .enumerate()
            {
                files.push((
                    File::BriefingFiguresIndex(i),
                    briefing_figures_index(&b.slug),
                ));
                let paths = briefing_figures_paths(&b.slug, parts.len());
                files.extend(
                    (paths.into_iter().enumerate())
                        .map(|(p, path)| (File::BriefingFigures(i, p), path)),
                );
            }
            files
        }
        "briefing.chronology.ics" => per_briefing(File::BriefingCalendar),
        "briefing.timeline.json" => per_briefing(File::BriefingTimeline),
        super::search::WRITER => search.map_or_else(Vec::new, |index| {
            (index.files.iter().enumerate())
                .map(|(i, (path, _))| (File::Search(i), path.clone()))
                .collect()
        }),
        _ => Vec::new(),
    }
}

/// What the writers read.
pub struct Data<'a> {
    /// The report (for the briefings' tables and chronologies).
    pub report: &'a Report,
    /// Its views.
    pub view: &'a ReportView,
    /// The months of publication.
    pub months: &'a [Month],
    /// How the split exports are split.
    pub layout: &'a Layout,
    /// The search index, when its writer stands.
    pub search: Option<&'a super::search::Index>,
}

/// Writes `file` to `out`.
pub fn write(data: &Data<'_>, file: File, out: &mut dyn Write) -> io::Result<()> {
    let view = data.view;
    match file {
        File::ClaimsIndex => json_line(out, &claims_index(data)),
        File::ClaimsMonth(m, p) => {
            let part = &data.layout.claims[m][p];
            let articles: Vec<ClaimsArticle<'_>> = view.articles[part.items.clone()]
                .iter()
                .map(|a| ClaimsArticle::of(a))
                .collect();
            let month = ClaimsMonth {
                month: &data.months[m].key,
                articles,
            };
            checked(out, part.bytes, |out| json_line(out, &month))
        }
        File::FiguresIndex => json_line(out, &figures_index(data)),
        File::FiguresMonth(m, p) => {
            let part = &data.layout.figures[m][p];
            let rows = view.articles[part.items.clone()]
                .iter()
                .flat_map(|a| a.figures.iter().map(|f| (None, f)));
            checked(out, part.bytes, |out| figures_csv(false, rows, out))
        }
        File::BriefingFiguresIndex(i) => json_line(out, &briefing_figures_index_of(data, i)),
        File::BriefingFigures(i, p) => {
            let part = &data.layout.briefing_figures[i][p];
            let rows = view.briefing_rows(data.report, i);
            let rows = rows[part.items.clone()]
                .iter()
                .map(|&(series, f)| (Some(series), f));
            checked(out, part.bytes, |out| figures_csv(true, rows, out))
        }
        File::BriefingCalendar(i) => {
            let chronology = view.briefing_chronology(data.report, i);
            let (events, all) = latest(&chronology, CALENDAR_EVENTS);
            out.write_all(calendar(&view.site, &view.briefings[i].title, &events, all).as_bytes())
        }
        File::BriefingTimeline(i) => {
            let chronology = view.briefing_chronology(data.report, i);
            let (events, all) = latest(&chronology, TIMELINE_EVENTS);
            let b = &view.briefings[i];
            json_line(
                out,
                &timeline(&view.site, &b.title, &b.summary, &events, all),
            )
        }
        File::Search(i) => match data.search.and_then(|index| index.files.get(i)) {
            Some((_, bytes)) => out.write_all(bytes),
            None => Ok(()),
        },
    }
}

/// Writes with `write`, checking (in debug builds) that it writes the `bytes` its part was
/// planned with.
fn checked(
    out: &mut dyn Write,
    bytes: u64,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let mut counted = Counted { out, bytes: 0 };
    write(&mut counted)?;
    debug_assert_eq!(counted.bytes, bytes, "a part's planned size");
    Ok(())
}

/// `value` as JSON and a line break.
fn json_line<T: Serialize>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    serde_json::to_writer(&mut out, value)?;
    out.write_all(b"\n")?;
    out.flush()
}

/// `claims/index.json`.
#[derive(Serialize)]
struct ClaimsIndex<'a> {
    site: &'a SiteView,
    months: Vec<ClaimsIndexMonth<'a>>,
}

/// One file of a month: the whole month, or one of its parts.
#[derive(Serialize)]
struct ClaimsIndexMonth<'a> {
    month: &'a str,
    /// Relative to the site root.
    path: String,
    #[serde(flatten)]
    part: Option<PartOf>,
    articles: usize,
    figures: usize,
    dates: usize,
    events: usize,
}

/// Which part of a file split in several a file is: `part` (from 1) of `parts`.
#[derive(Serialize)]
struct PartOf {
    part: usize,
    parts: usize,
}

/// The files of each month, months oldest first, each with its parts (in their order:
/// the articles newest first) and their paths.
fn month_files<'d>(
    data: &'d Data<'_>,
    dir: &'d str,
    ext: &'d str,
    parts: &'d [Vec<Part>],
) -> impl Iterator<Item = (&'d str, String, Option<PartOf>, &'d Part)> {
    data.months
        .iter()
        .zip(parts)
        .rev()
        .flat_map(move |(m, parts)| {
            let stem = format!("{dir}/{}", m.key);
            let n = parts.len();
            parts.iter().enumerate().map(move |(p, part)| {
                let of = (n > 1).then_some(PartOf {
                    part: p + 1,
                    parts: n,
                });
                (m.key.as_str(), part_path(&stem, ext, p, n), of, part)
            })
        })
}

fn claims_index<'a>(data: &'a Data<'a>) -> ClaimsIndex<'a> {
    let months = month_files(data, "claims", "json", &data.layout.claims)
        .map(|(month, path, part, items)| {
            let articles = &data.view.articles[items.items.clone()];
            ClaimsIndexMonth {
                month,
                path,
                part,
                articles: articles.len(),
                figures: articles.iter().map(|a| a.figures.len()).sum(),
                dates: articles.iter().map(|a| a.dates.len()).sum(),
                events: articles.iter().map(|a| a.events.len()).sum(),
            }
        })
        .collect();
    ClaimsIndex {
        site: &data.view.site,
        months,
    }
}

/// `figures/index.json`.
#[derive(Serialize)]
struct FiguresIndex<'a> {
    site: &'a SiteView,
    columns: Vec<&'static str>,
    months: Vec<FiguresIndexMonth<'a>>,
}

#[derive(Serialize)]
struct FiguresIndexMonth<'a> {
    month: &'a str,
    path: String,
    #[serde(flatten)]
    part: Option<PartOf>,
    rows: usize,
}

fn figures_index<'a>(data: &'a Data<'a>) -> FiguresIndex<'a> {
    let months = month_files(data, "figures", "csv", &data.layout.figures)
        .map(|(month, path, part, items)| FiguresIndexMonth {
            month,
            path,
            part,
            rows: data.view.articles[items.items.clone()]
                .iter()
                .map(|a| a.figures.len())
                .sum(),
        })
        .collect();
    FiguresIndex {
        site: &data.view.site,
        columns: FIGURE_COLUMNS.split(',').collect(),
        months,
    }
}

/// `briefings/<slug>.figures.json`.
#[derive(Serialize)]
struct BriefingFiguresIndex<'a> {
    site: &'a SiteView,
    briefing: super::views::BriefingLink<'a>,
    columns: Vec<&'static str>,
    rows: usize,
    series: usize,
    files: Vec<BriefingFiguresFile<'a>>,
}

/// One file of a briefing's figures: its rows, from the first row of `first_series` to the last
/// of `last_series` (null in a file without rows).
#[derive(Serialize)]
struct BriefingFiguresFile<'a> {
    path: String,
    rows: usize,
    bytes: u64,
    series: usize,
    first_series: Option<&'a str>,
    last_series: Option<&'a str>,
}

fn briefing_figures_index_of<'a>(data: &'a Data<'a>, i: usize) -> BriefingFiguresIndex<'a> {
    let b = &data.view.briefings[i];
    let parts = &data.layout.briefing_figures[i];
    let series = series_ranges(data.report, data.view, i);
    let files = briefing_figures_paths(&b.slug, parts.len())
        .into_iter()
        .zip(parts)
        .map(|(path, part)| {
            // The series with rows in this file, in order.
            let within: Vec<&str> = series
                .iter()
                .filter(|(_, r)| r.start < part.items.end && part.items.start < r.end)
                .map(|&(label, _)| label)
                .collect();
            BriefingFiguresFile {
                path,
                rows: part.items.len(),
                bytes: part.bytes,
                series: within.len(),
                first_series: within.first().copied(),
                last_series: within.last().copied(),
            }
        })
        .collect();
    BriefingFiguresIndex {
        site: &data.view.site,
        briefing: super::views::BriefingLink {
            slug: &b.slug,
            href: &b.href,
            title: &b.title,
        },
        columns: std::iter::once(SERIES_COLUMN)
            .chain(FIGURE_COLUMNS.split(','))
            .collect(),
        rows: b.figure_count,
        series: series.iter().filter(|(_, r)| !r.is_empty()).count(),
        files,
    }
}

/// `claims/<month>.json`.
#[derive(Serialize)]
struct ClaimsMonth<'a> {
    month: &'a str,
    articles: Vec<ClaimsArticle<'a>>,
}

/// An article and its claims, as `claims/<month>.json` holds it.
#[derive(Serialize)]
struct ClaimsArticle<'a> {
    slug: &'a str,
    title: &'a str,
    source: &'a str,
    published: &'a str,
    url: &'a Option<String>,
    path: &'a str,
    tags: &'a [String],
    figures: Vec<ClaimsFigure<'a>>,
    dates: Vec<ClaimsDate<'a>>,
    events: Vec<ClaimsEvent<'a>>,
}

#[derive(Serialize)]
struct ClaimsFigure<'a> {
    text: &'a str,
    value: f64,
    unit: Option<&'a str>,
    measure: Option<&'a str>,
    scope: Option<&'a str>,
    direction: Option<&'static str>,
    status: Option<&'static str>,
    qualifier: Option<&'static str>,
    kind: &'static str,
    said_by: Option<&'a str>,
    said_by_kind: Option<&'static str>,
    as_of: Option<&'a str>,
    sentence: &'a str,
    start: usize,
    end: usize,
    hand: bool,
}

#[derive(Serialize)]
struct ClaimsDate<'a> {
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: &'a str,
    #[serde(rename = "mod")]
    modifier: Option<&'a str>,
    start: usize,
    end: usize,
}

#[derive(Serialize)]
struct ClaimsEvent<'a> {
    date: &'a str,
    precision: &'static str,
    date_text: &'a str,
    said_by: Option<&'a str>,
    said_by_kind: Option<&'static str>,
    text: &'a str,
    start: usize,
    end: usize,
}

impl<'a> ClaimsArticle<'a> {
    fn of(a: &'a ArticleData) -> Self {
        ClaimsArticle {
            slug: &a.slug,
            title: &a.title,
            source: &a.source,
            published: &a.published,
            url: &a.url,
            path: &a.path,
            tags: &a.tags,
            figures: a
                .figures
                .iter()
                .map(|f| ClaimsFigure {
                    text: &f.text,
                    value: f.value,
                    unit: f.unit.as_deref(),
                    measure: f.measure.as_deref(),
                    scope: f.scope.as_deref(),
                    direction: f.direction_label(),
                    status: f.status_label(),
                    qualifier: f.qualifier_label(),
                    kind: f.kind.label(),
                    said_by: f.said_by.as_deref(),
                    said_by_kind: f.said_by_kind.map(SpeakerKind::label),
                    as_of: f.as_of.as_ref().map(Period::as_str),
                    sentence: &f.sentence,
                    start: f.start,
                    end: f.end,
                    hand: f.hand,
                })
                .collect(),
            dates: a
                .dates
                .iter()
                .map(|d| ClaimsDate {
                    text: &d.text,
                    kind: d.kind.label(),
                    value: &d.value,
                    modifier: d.modifier.as_deref(),
                    start: d.start,
                    end: d.end,
                })
                .collect(),
            events: a
                .events
                .iter()
                .map(|e| ClaimsEvent {
                    date: e.date.as_str(),
                    precision: e.date.precision.label(),
                    date_text: &e.date_text,
                    said_by: e.said_by.as_deref(),
                    said_by_kind: e.said_by_kind.map(SpeakerKind::label),
                    text: &e.text,
                    start: e.start,
                    end: e.end,
                })
                .collect(),
        }
    }
}

/// A figures CSV, written row by row as it is made; with a `series` column first for a
/// briefing's.
fn figures_csv<'a>(
    series: bool,
    rows: impl Iterator<Item = (Option<&'a str>, &'a FigureView)>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut out = io::BufWriter::new(out);
    if series {
        write!(out, "{SERIES_COLUMN},")?;
    }
    writeln!(out, "{FIGURE_COLUMNS}")?;
    let mut text = String::new();
    for (series, f) in rows {
        text.clear();
        if let Some(series) = series {
            csv_text_into(series, &mut text);
            text.push(',');
        }
        figure_row(f, &mut text);
        out.write_all(text.as_bytes())?;
    }
    out.flush()
}

/// One cell of a row of figures CSV.
enum Cell<'a> {
    Text(&'a str),
    Number(f64),
    Count(usize),
}

/// The cells of [`FIGURE_COLUMNS`] for a figure (an absent value is an empty text).
fn figure_cells(f: &FigureView) -> [Cell<'_>; 19] {
    fn opt(s: Option<&str>) -> Cell<'_> {
        Cell::Text(s.unwrap_or(""))
    }
    [
        Cell::Text(&f.from.article),
        Cell::Text(&f.from.article_source),
        Cell::Text(&f.from.article_published),
        opt(f.from.article_url.as_deref()),
        Cell::Text(&f.text),
        Cell::Number(f.value),
        opt(f.unit.as_deref()),
        opt(f.qualifier_label()),
        Cell::Text(f.kind.label()),
        opt(f.said_by.as_deref()),
        opt(f.as_of.as_ref().map(Period::as_str)),
        Cell::Text(&f.sentence),
        Cell::Count(f.start),
        Cell::Count(f.end),
        opt(f.measure.as_deref()),
        opt(f.scope.as_deref()),
        opt(f.direction_label()),
        opt(f.status_label()),
        opt(f.said_by_kind.map(SpeakerKind::label)),
    ]
}

/// Appends one row of figures CSV: the cells of [`FIGURE_COLUMNS`], quoted and defused as the
/// `csv` filter does.
fn figure_row(f: &FigureView, text: &mut String) {
    use std::fmt::Write as _;
    for (i, cell) in figure_cells(f).iter().enumerate() {
        if i > 0 {
            text.push(',');
        }
        match *cell {
            Cell::Text(s) => csv_text_into(s, text),
            Cell::Number(v) => csv_number_into(v, text),
            Cell::Count(n) => {
                let _ = write!(text, "{n}");
            }
        }
    }
    text.push('\n');
}

/// The length in bytes of [`figure_row`] of `f`, without making it.
fn figure_row_len(f: &FigureView) -> usize {
    let mut number = String::new();
    let cells = figure_cells(f);
    let commas = cells.len() - 1;
    let cells: usize = cells
        .iter()
        .map(|cell| match *cell {
            Cell::Text(s) => csv_text_len(s),
            Cell::Number(v) => {
                number.clear();
                csv_number_into(v, &mut number);
                number.len()
            }
            Cell::Count(n) => n.checked_ilog10().map_or(1, |d| d as usize + 1),
        })
        .sum();
    cells + commas + 1
}

/// The latest `n` dated entries of a chronology (in its order, oldest first), and how many
/// dated entries it has in all.
fn latest(chronology: &[ChronologyGroupView], n: usize) -> (Vec<&EventView>, usize) {
    let dated: Vec<&EventView> = chronology
        .iter()
        .flat_map(|g| g.entries.iter().map(|e| &**e))
        .filter(|e| e.date_start().is_some())
        .collect();
    let all = dated.len();
    (dated[all.saturating_sub(n)..].to_vec(), all)
}

/// What a file holding the latest `shown` of `all` dated statements says of the others.
fn left_out_note(shown: &[&EventView], all: usize) -> Option<String> {
    (shown.len() < all).then(|| {
        let from = shown.first().map(|e| e.date_display()).unwrap_or_default();
        format!(
            "The latest {} of {all} dated statements, from {from}; every statement is on the briefing page and in claims/.",
            shown.len()
        )
    })
}

/// A briefing's calendar (RFC 5545): one all-day event per dated statement, lasting its period;
/// lines folded at 75 octets and ended by CRLF.
fn calendar(site: &SiteView, title: &str, events: &[&EventView], all: usize) -> String {
    use std::fmt::Write as _;
    let mut text = String::new();
    let line = |l: &str, text: &mut String| ics_line(l, text);
    line("BEGIN:VCALENDAR", &mut text);
    line("VERSION:2.0", &mut text);
    line(
        &format!("PRODID:-//report//{}//EN", ics_escape(&site.generator)),
        &mut text,
    );
    line("CALSCALE:GREGORIAN", &mut text);
    line("METHOD:PUBLISH", &mut text);
    line(
        &format!(
            "X-WR-CALNAME:{} — {}",
            ics_escape(title),
            ics_escape(&site.title)
        ),
        &mut text,
    );
    if let Some(note) = left_out_note(events, all) {
        line(&format!("X-WR-CALDESC:{}", ics_escape(&note)), &mut text);
    }
    let stamp = format!("DTSTAMP:{}T000000Z", site.built.replace('-', ""));
    // One content line at a time; values that are not escaped may hold line breaks, and are
    // split as the filter splits them.
    let mut value = String::new();
    let emit = |value: &mut String, text: &mut String| {
        for part in value.lines() {
            line(part, text);
        }
        value.clear();
    };
    for e in events {
        let from = &e.from;
        line("BEGIN:VEVENT", &mut text);
        let _ = write!(value, "UID:{}-{}-{}@report", from.article, e.start, e.date);
        emit(&mut value, &mut text);
        value.push_str(&stamp);
        emit(&mut value, &mut text);
        for (name, day) in [("DTSTART", e.date_start()), ("DTEND", e.date_end())] {
            if let Some(day) = day {
                let _ = write!(value, "{name};VALUE=DATE:{}", day.format("%Y%m%d"));
            }
            emit(&mut value, &mut text);
        }
        value.push_str("SUMMARY:");
        ics_escape_into(&e.text, &mut value);
        emit(&mut value, &mut text);
        value.push_str("DESCRIPTION:");
        ics_escape_into(&e.date_display(), &mut value);
        let _ = write!(
            value,
            " ({} precision\\, written “",
            e.date.precision.label()
        );
        ics_escape_into(&e.date_text, &mut value);
        value.push_str("”).");
        if let Some(said) = truthy(&e.said_by) {
            value.push_str(" Said by ");
            ics_escape_into(said, &mut value);
            value.push('.');
        }
        value.push_str("\\nSource: ");
        ics_escape_into(&from.article_source, &mut value);
        value.push_str("\\, ");
        ics_escape_into(&from.article_title, &mut value);
        let _ = write!(value, " (published {})", from.article_published);
        if let Some(url) = truthy(&from.article_url) {
            value.push_str("\\n");
            ics_escape_into(url, &mut value);
        }
        emit(&mut value, &mut text);
        match (truthy(&from.article_url), truthy(&site.absolute_root)) {
            (Some(url), _) => {
                let _ = write!(value, "URL:{url}");
            }
            (None, Some(root)) => {
                let _ = write!(value, "URL:{root}{}", from.article_href);
                if let Some(anchor) = e.anchor {
                    let _ = write!(value, "#{anchor}");
                }
            }
            (None, None) => {}
        }
        emit(&mut value, &mut text);
        line("TRANSP:TRANSPARENT", &mut text);
        line("END:VEVENT", &mut text);
    }
    line("END:VCALENDAR", &mut text);
    text
}

/// A TimelineJS file (<https://timeline.knightlab.com/docs/json-format.html>). Its texts are
/// HTML: what comes from articles is escaped.
#[derive(Serialize)]
struct Timeline<'a> {
    title: Slide,
    events: Vec<TimelineEvent<'a>>,
}

#[derive(Serialize)]
struct Slide {
    text: SlideText,
}

#[derive(Serialize)]
struct SlideText {
    headline: String,
    text: String,
}

#[derive(Serialize)]
struct TimelineEvent<'a> {
    unique_id: String,
    start_date: StartDate,
    text: SlideText,
    group: &'a str,
    source: TimelineSource<'a>,
}

/// A date at the event's precision: no day for a month, no month for a year.
#[derive(Serialize)]
struct StartDate {
    year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    day: Option<u32>,
    display_date: String,
}

#[derive(Serialize)]
struct TimelineSource<'a> {
    name: &'a str,
    title: &'a str,
    url: &'a Option<String>,
    published: &'a str,
    date_text: &'a str,
    precision: &'static str,
}

/// HTML-escaped text, without the characters no page may carry.
fn escape(text: &str) -> String {
    crate::content::escape(text)
}

fn timeline<'a>(
    site: &SiteView,
    title: &str,
    summary: &Option<String>,
    events: &[&'a EventView],
    all: usize,
) -> Timeline<'a> {
    let mut text = truthy(summary).map(escape).unwrap_or_default();
    if let Some(note) = left_out_note(events, all) {
        text.push_str(&format!("<p>{}</p>", escape(&note)));
    }
    Timeline {
        title: Slide {
            text: SlideText {
                headline: escape(title),
                text,
            },
        },
        events: events.iter().map(|e| timeline_event(site, e)).collect(),
    }
}

fn timeline_event<'a>(site: &SiteView, e: &'a EventView) -> TimelineEvent<'a> {
    let from = &e.from;
    let start = e.date_start().unwrap_or_default();
    // What happened: TimelineJS shows the date itself.
    let headline = e.headline();
    // The whole sentence when the headline is shorter, who said it and the source, as HTML.
    let mut text = String::new();
    if *headline != *e.text {
        text.push_str(&format!("<blockquote>{}</blockquote>", escape(&e.text)));
    }
    if let Some(said) = truthy(&e.said_by) {
        text.push_str(&format!("<p>{}</p>", escape(said)));
    }
    let cite = escape(&format!(
        "{}, {} ({})",
        from.article_source, from.article_title, from.article_published
    ));
    let href = match (truthy(&from.article_url), truthy(&site.absolute_root)) {
        (Some(url), _) => Some(url.to_string()),
        (None, Some(root)) => Some(format!("{root}{}", from.article_href)),
        (None, None) => None,
    };
    match href {
        Some(href) => text.push_str(&format!(
            "<p>Source: <a href=\"{}\">{cite}</a></p>",
            escape(&href)
        )),
        None => text.push_str(&format!("<p>Source: {cite}</p>")),
    }
    TimelineEvent {
        unique_id: format!("{}-{}-{}", from.article, e.start, e.date),
        start_date: StartDate {
            year: start.year(),
            month: (!matches!(e.date.precision, Precision::Year | Precision::Decade))
                .then(|| start.month()),
            day: matches!(e.date.precision, Precision::Day | Precision::Week).then(|| start.day()),
            display_date: e.date_display(),
        },
        text: SlideText {
            headline: escape(&headline),
            text,
        },
        group: &from.article_source,
        source: TimelineSource {
            name: &from.article_source,
            title: &from.article_title,
            url: &from.article_url,
            published: &from.article_published,
            date_text: &e.date_text,
            precision: e.date.precision.label(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The items and bytes of each part `pack` makes of items of `sizes` in `groups`.
    fn packed(
        header: u64,
        bound: u64,
        groups: &[usize],
        sizes: &[u64],
    ) -> Vec<(Range<usize>, u64)> {
        let mut start = 0;
        let groups = groups.iter().map(|&n| {
            start += n;
            start - n..start
        });
        let groups: Vec<Range<usize>> = groups.collect();
        pack(header, bound, groups.into_iter(), |i| sizes[i])
            .into_iter()
            .map(|p| (p.items, p.bytes))
            .collect()
    }

    #[test]
    fn parts_keep_groups_whole_unless_one_alone_is_too_large() {
        // Two groups of two items fit one part each, not together.
        assert_eq!(
            packed(10, 45, &[2, 2], &[10, 10, 10, 10]),
            [(0..2, 30), (2..4, 30)]
        );
        // All fits: one part.
        assert_eq!(packed(10, 100, &[2, 2], &[10, 10, 10, 10]), [(0..4, 50)]);
        // A group larger than a part starts a part and is split by items; the next group fits
        // after its last items.
        assert_eq!(
            packed(10, 35, &[1, 4, 1], &[5, 10, 10, 10, 10, 5]),
            [(0..1, 15), (1..3, 30), (3..6, 35)]
        );
        // An item larger than a part gets a part of its own.
        assert_eq!(
            packed(10, 30, &[3], &[5, 100, 5]),
            [(0..1, 15), (1..2, 110), (2..3, 15)]
        );
        // No items: one empty part, the header alone.
        assert_eq!(packed(10, 30, &[], &[]), [(0..0, 10)]);
        assert_eq!(packed(10, 30, &[0, 0], &[]), [(0..0, 10)]);
    }

    #[test]
    fn part_paths_number_the_parts_of_a_split_file_only() {
        assert_eq!(
            part_path("claims/2024-03", "json", 0, 1),
            "claims/2024-03.json"
        );
        assert_eq!(
            part_path("claims/2024-03", "json", 0, 2),
            "claims/2024-03-1.json"
        );
        assert_eq!(
            briefing_figures_paths("b", 2),
            ["briefings/b.figures-1.csv", "briefings/b.figures-2.csv"]
        );
    }
}
