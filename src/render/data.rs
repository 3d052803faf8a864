//! The data exports, written by plain writers (serde_json, and the quoting of the `csv` and
//! `ics_text` filters) with no default template: a project template of the same name replaces the
//! writer (and is rendered by tera like any other template), so each file has one producer.
//!
//! No file grows with the whole site (see `docs/exports.md`):
//!
//! - `claims.json` writes `claims/<YYYY-MM>.json`, one per month of publication, and
//!   `claims/index.json` listing them;
//! - `figures.csv` writes `figures/<YYYY-MM>.csv` and `figures/index.json`;
//! - `briefing.figures.csv`, `briefing.chronology.ics` and `briefing.timeline.json` write
//!   `briefings/<slug>.figures.csv`, `.chronology.ics` and `.timeline.json` from that briefing's
//!   claims only, as a project template of that name would (see [`super::output_paths`]). The
//!   calendar holds the briefing's latest [`CALENDAR_EVENTS`] dated statements and the TimelineJS
//!   file its latest [`TIMELINE_EVENTS`], each saying so when it leaves earlier ones out;
//! - `search/index.json` writes the search index: that manifest, `search/terms/<n>.json` and
//!   `search/docs/<n>.json` (see [`super::search`]).

use std::io::{self, Write};

use chrono::Datelike as _;
use serde::Serialize;

use super::filters::{csv_number, csv_text, ics_escape, ics_escape_into, ics_line, truthy};
use super::views::{ArticleData, ChronologyGroupView, EventView, FigureView, SiteView};
use super::{ReportView, output_paths};
use crate::assemble::Report;
use crate::extract::Precision;

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

/// The columns of `figures/<month>.csv`; a briefing's `figures.csv` has `series` before them.
const FIGURE_COLUMNS: &str = "article,source,published,url,text,value,unit,qualifier,kind,said_by,as_of,sentence,start,end,measure,scope,direction,status";

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
    /// `claims/<month>.json`, by index in [`months`].
    ClaimsMonth(usize),
    /// `figures/index.json`.
    FiguresIndex,
    /// `figures/<month>.csv`.
    FiguresMonth(usize),
    /// `briefings/<slug>.figures.csv`, by index in the view's briefings.
    BriefingFigures(usize),
    /// `briefings/<slug>.chronology.ics`.
    BriefingCalendar(usize),
    /// `briefings/<slug>.timeline.json`.
    BriefingTimeline(usize),
    /// A file of the search index, by index in [`super::search::Index::files`].
    Search(usize),
}

/// The files writer `name` makes, with their output paths (the search index's are made
/// beforehand: `search`).
pub fn plan(
    name: &str,
    view: &ReportView,
    months: &[Month],
    search: Option<&super::search::Index>,
) -> Vec<(File, String)> {
    let monthly = |dir: &str, ext: &str, index: File, month: fn(usize) -> File| {
        std::iter::once((index, format!("{dir}/index.json")))
            .chain(
                months
                    .iter()
                    .enumerate()
                    .map(|(i, m)| (month(i), format!("{dir}/{}.{ext}", m.key))),
            )
            .collect()
    };
    let per_briefing = |file: fn(usize) -> File| {
        output_paths(name, view)
            .into_iter()
            .enumerate()
            .map(|(i, path)| (file(i), path))
            .collect()
    };
    match name {
        "claims.json" => monthly("claims", "json", File::ClaimsIndex, File::ClaimsMonth),
        "figures.csv" => monthly("figures", "csv", File::FiguresIndex, File::FiguresMonth),
        "briefing.figures.csv" => per_briefing(File::BriefingFigures),
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
    /// The search index, when its writer stands.
    pub search: Option<&'a super::search::Index>,
}

/// Writes `file` to `out`.
pub fn write(data: &Data<'_>, file: File, out: &mut dyn Write) -> io::Result<()> {
    let view = data.view;
    match file {
        File::ClaimsIndex => json_line(out, &claims_index(data)),
        File::ClaimsMonth(m) => {
            let month = &data.months[m];
            let articles: Vec<ClaimsArticle<'_>> = view.articles[month.articles.clone()]
                .iter()
                .map(|a| ClaimsArticle::of(a))
                .collect();
            json_line(
                out,
                &ClaimsMonth {
                    month: &month.key,
                    articles,
                },
            )
        }
        File::FiguresIndex => json_line(out, &figures_index(data)),
        File::FiguresMonth(m) => {
            let rows = view.articles[data.months[m].articles.clone()]
                .iter()
                .flat_map(|a| a.figures.iter().map(|f| (None, f)));
            figures_csv(false, rows, out)
        }
        File::BriefingFigures(i) => {
            let rows = view.briefing_rows(data.report, i);
            figures_csv(
                true,
                rows.into_iter().map(|(series, f)| (Some(series), f)),
                out,
            )
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

#[derive(Serialize)]
struct ClaimsIndexMonth<'a> {
    month: &'a str,
    /// Relative to the site root.
    path: String,
    articles: usize,
    figures: usize,
    dates: usize,
    events: usize,
}

/// The months oldest first.
fn claims_index<'a>(data: &Data<'a>) -> ClaimsIndex<'a> {
    let months = data
        .months
        .iter()
        .rev()
        .map(|m| {
            let articles = &data.view.articles[m.articles.clone()];
            ClaimsIndexMonth {
                month: &m.key,
                path: format!("claims/{}.json", m.key),
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
    rows: usize,
}

fn figures_index<'a>(data: &Data<'a>) -> FiguresIndex<'a> {
    let months = data
        .months
        .iter()
        .rev()
        .map(|m| FiguresIndexMonth {
            month: &m.key,
            path: format!("figures/{}.csv", m.key),
            rows: data.view.articles[m.articles.clone()]
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
                    as_of: f.as_of.as_deref(),
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
                    date: &e.date,
                    precision: e.precision.label(),
                    date_text: &e.date_text,
                    said_by: e.said_by.as_deref(),
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
        out.write_all(b"series,")?;
    }
    writeln!(out, "{FIGURE_COLUMNS}")?;
    let mut text = String::new();
    for (series, f) in rows {
        text.clear();
        if let Some(series) = series {
            text.push_str(&csv_text(series));
            text.push(',');
        }
        figure_row(f, &mut text);
        out.write_all(text.as_bytes())?;
    }
    out.flush()
}

/// Appends one row of figures CSV: the cells of [`FIGURE_COLUMNS`], quoted and defused as the
/// `csv` filter does.
fn figure_row(f: &FigureView, text: &mut String) {
    let opt = |s: Option<&str>| s.map_or_else(String::new, csv_text);
    let cells = [
        csv_text(&f.from.article),
        csv_text(&f.from.article_source),
        csv_text(&f.from.article_published),
        opt(f.from.article_url.as_deref()),
        csv_text(&f.text),
        csv_number(f.value),
        opt(f.unit.as_deref()),
        opt(f.qualifier_label()),
        csv_text(f.kind.label()),
        opt(f.said_by.as_deref()),
        opt(f.as_of.as_deref()),
        csv_text(&f.sentence),
        f.start.to_string(),
        f.end.to_string(),
        opt(f.measure.as_deref()),
        opt(f.scope.as_deref()),
        opt(f.direction_label()),
        opt(f.status_label()),
    ];
    text.push_str(&cells.join(","));
    text.push('\n');
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
        let _ = write!(value, " ({} precision\\, written “", e.precision.label());
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
            month: (!matches!(e.precision, Precision::Year | Precision::Decade))
                .then(|| start.month()),
            day: matches!(e.precision, Precision::Day | Precision::Week).then(|| start.day()),
            display_date: e.date_display().into_owned(),
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
            precision: e.precision.label(),
        },
    }
}
