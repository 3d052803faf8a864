//! The [`Report`] in, the template contract out: serializable views whose fields are exactly the
//! variables templates see (documented in the README). Views borrow nothing from the engine.

use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::assemble::{ArticleEntry, Chronology, FigureGroup, Report};
use crate::content::Mark;
use crate::extract::{Period, format_value};

/// The short strings of claims' views (values, labels, anchors): up to 24 bytes kept inline, so
/// that the hundreds of thousands of claims of a large site do not each make a dozen allocations.
pub type Text = compact_str::CompactString;

/// `site`: settings and build facts.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    /// Site title.
    pub title: String,
    /// Description.
    pub description: Option<String>,
    /// Absolute URL of the published site, when configured.
    pub base_url: Option<String>,
    /// Page language.
    pub language: String,
    /// Build date (ISO).
    pub built: String,
    /// "report 0.1.0".
    pub generator: String,
    /// `base_url` ending in exactly one `/`, for absolute URLs (`{{ site.absolute_root }}{{ b.href }}`);
    /// null when `base_url` is not set.
    pub absolute_root: Option<String>,
}

/// A figure claim, as shown in tables and exports.
#[derive(Debug, Clone, Serialize)]
pub struct FigureView {
    /// Anchor of its mark in the article page ("f1"), when marked.
    pub anchor: Option<Text>,
    /// Its article: `article` (slug), `article_title`, `article_source`, `article_href`,
    /// `article_url`, `article_published`, one copy shared by the article's claims.
    #[serde(flatten)]
    pub from: Arc<ClaimSource>,
    /// As written.
    pub text: Text,
    /// The value.
    pub value: f64,
    /// "7,000"; changes get a sign ("+300").
    pub value_display: Text,
    /// Unit.
    pub unit: Option<Text>,
    /// Qualifier label.
    pub qualifier: Option<Text>,
    /// Kind label.
    pub kind: Text,
    /// Speaker.
    pub said_by: Option<Text>,
    /// As-of value ("2023-10").
    pub as_of: Option<Text>,
    /// As-of label at its precision ("October 2023").
    pub as_of_display: Option<Text>,
    /// The sentence.
    pub sentence: Arc<str>,
    /// Character offsets in the article file.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// 1-based line in the article file.
    pub line: usize,
    /// Added by hand.
    pub hand: bool,
    /// Conflicts with another row (only in figure tables).
    pub conflict: bool,
}

/// The article a figure or an event comes from, as its view shows it.
#[derive(Debug, Serialize, Hash)]
pub struct ClaimSource {
    /// Slug of the article.
    pub article: String,
    /// Title of the article.
    pub article_title: String,
    /// Source (publisher) of the article.
    pub article_source: String,
    /// Link to the article page, relative to the site root.
    pub article_href: String,
    /// URL of the original story.
    pub article_url: Option<String>,
    /// Publication date of the article.
    pub article_published: String,
}

/// A temporal expression.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    /// Anchor of its mark ("d1"), when marked.
    pub anchor: Option<Text>,
    /// As written.
    pub text: Text,
    /// TIMEX3 type.
    #[serde(rename = "type")]
    pub kind: Text,
    /// TIMEX3 value.
    pub value: Text,
    /// TIMEX3 mod.
    #[serde(rename = "mod")]
    pub modifier: Option<Text>,
    /// Label when the value is a calendar period.
    pub display: Option<Text>,
    /// Character offsets.
    pub start: usize,
    /// End offset.
    pub end: usize,
}

/// A chronology entry or an article's event.
#[derive(Debug, Clone, Serialize, Hash)]
pub struct EventView {
    /// Anchor of the dating expression in the article page, when marked.
    pub anchor: Option<Text>,
    /// Date value.
    pub date: Text,
    /// First day of the period (ISO), for sorting and exports.
    pub date_start: Text,
    /// The day after the period's last day (ISO): the exclusive end that iCalendar's `DTEND`
    /// wants ("2023-08-01" for "2023-07"). Empty, like `date_start`, when the date is not a
    /// calendar period.
    pub date_end: Text,
    /// Precision label.
    pub precision: Text,
    /// Date label at its precision.
    pub date_display: Text,
    /// The dating expression as written.
    pub date_text: Text,
    /// The sentence.
    pub text: Arc<str>,
    /// Speaker.
    pub said_by: Option<Text>,
    /// Its article (the same fields as a figure's).
    #[serde(flatten)]
    pub from: Arc<ClaimSource>,
    /// Character offsets of the sentence.
    pub start: usize,
    /// End offset.
    pub end: usize,
}

/// An article without its story: what whole-site templates get for each article.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleData {
    /// Slug.
    pub slug: String,
    /// Link to its page, relative to the site root.
    pub href: String,
    /// Source file, relative to the project.
    pub path: String,
    /// Headline.
    pub title: String,
    /// Publisher or agency.
    pub source: String,
    /// Publication date (ISO).
    pub published: String,
    /// Publication date label.
    pub published_display: String,
    /// Original URL.
    pub url: Option<String>,
    /// Dateline.
    pub dateline: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// Admiralty grade.
    pub reliability: Option<String>,
    /// Language.
    pub lang: Option<String>,
    /// Number of figures.
    pub figure_count: usize,
    /// Number of temporal expressions.
    pub date_count: usize,
    /// Number of dated statements.
    pub event_count: usize,
    /// Figures.
    pub figures: Vec<FigureView>,
    /// Temporal expressions.
    pub dates: Vec<DateView>,
    /// Dated statements.
    pub events: Vec<Arc<EventView>>,
}

/// An article, as the `article` template gets it. Its story's HTML is made when its page is
/// rendered (see [`ReportView::article_body`]), so that no more than one story per thread is held
/// as HTML at any time.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleView {
    /// Everything but the story.
    #[serde(flatten)]
    pub data: ArticleData,
    /// The marks placed in the story (figures, dates), sorted.
    #[serde(skip)]
    pub marks: Vec<Placed>,
    /// Index of the article in the report.
    #[serde(skip)]
    pub index: usize,
}

/// The `article` of an article page: the article and its story's HTML.
#[derive(Debug, Serialize)]
pub struct ArticlePage<'a> {
    /// The article.
    #[serde(flatten)]
    pub article: &'a ArticleView,
    /// The story as sanitized HTML with claims marked.
    pub body_html: String,
}

impl std::ops::Deref for ArticleView {
    type Target = ArticleData;
    fn deref(&self) -> &ArticleData {
        &self.data
    }
}

/// A group of a figure table.
#[derive(Debug, Clone, Serialize)]
pub struct FigureGroupView {
    /// What is counted.
    pub unit: String,
    /// Anchor id for the group ("containers").
    pub id: String,
    /// Rows, oldest first.
    pub rows: Vec<FigureView>,
    /// Whether rows conflict.
    pub has_conflict: bool,
    /// The analyst's note on the group (briefing front matter `notes:`).
    pub note: Option<String>,
    /// The series as a chart, when at least two levels have a calendar as-of date.
    pub chart: Option<super::charts::ChartView>,
}

/// A chronology group.
#[derive(Debug, Clone, Serialize, Hash)]
pub struct ChronologyGroupView {
    /// "2023-07".
    pub key: String,
    /// "July 2023".
    pub label: String,
    /// Link to the group's own page (`chronology/2023-07.html`), relative to the site root.
    pub href: String,
    /// Number of entries.
    pub count: usize,
    /// Entries.
    pub entries: Vec<Arc<EventView>>,
    /// Where the group and its entries sit on a timeline of the whole chronology.
    pub timeline: Option<super::charts::TimelineGroupView>,
}

/// A briefing without its text, tables and chronology: what whole-site templates get.
#[derive(Debug, Clone, Serialize)]
pub struct BriefingData {
    /// Slug.
    pub slug: String,
    /// Link to its page.
    pub href: String,
    /// Title.
    pub title: String,
    /// Summary.
    pub summary: Option<String>,
    /// Tags it selects by.
    pub tags: Vec<String>,
    /// Covered articles (newest first), without bodies.
    pub articles: Vec<ArticleSummary>,
    /// Number of figure groups (things counted).
    pub figure_group_count: usize,
    /// Number of figure rows.
    pub figure_count: usize,
    /// Number of chronology entries.
    pub event_count: usize,
    /// Index of the briefing in the report.
    #[serde(skip)]
    pub index: usize,
}

/// A briefing, as the `briefing` template gets it.
#[derive(Debug, Clone, Serialize)]
pub struct BriefingView {
    /// Slug, title, summary, tags, articles and counts.
    #[serde(flatten)]
    pub data: BriefingData,
    /// The analyst's text as HTML.
    pub body_html: String,
    /// Figure table groups.
    pub figure_groups: Vec<FigureGroupView>,
    /// Its own chronology.
    pub chronology: Vec<ChronologyGroupView>,
}

impl std::ops::Deref for BriefingView {
    type Target = BriefingData;
    fn deref(&self) -> &BriefingData {
        &self.data
    }
}

impl ReportView {
    /// The story of `view.articles[i]` as sanitized HTML with its claims marked.
    pub fn article_body(&self, report: &Report, i: usize) -> String {
        let a = &self.articles[i];
        report.articles[a.index]
            .article
            .render_html(&story_marks(a))
    }

    /// The view of `view.briefings[i]`, with its tables and chronology. Made when its page is
    /// rendered, so that no more than one briefing's rows per thread are held at any time.
    pub fn briefing_view(&self, report: &Report, i: usize) -> BriefingView {
        let data = &self.briefings[i];
        let b = &report.briefings[data.index];
        let articles = self.by_report_index();
        BriefingView {
            data: data.clone(),
            body_html: crate::content::render_markdown_text(
                &b.briefing.text[b.briefing.body_offset..],
            ),
            figure_groups: b.figures.iter().map(|g| group_view(g, &articles)).collect(),
            chronology: chronology_view(&b.chronology, &articles, true),
        }
    }

    /// The position in `articles` of the report's article `i`.
    pub fn position(&self, i: usize) -> usize {
        self.positions[i]
    }

    /// The article views in the report's order.
    fn by_report_index(&self) -> Vec<&ArticleView> {
        self.positions.iter().map(|&p| &self.articles[p]).collect()
    }
}

/// An article without its body and claims, for lists.
#[derive(Debug, Clone, Serialize)]
pub struct ArticleSummary {
    /// Slug.
    pub slug: String,
    /// Link.
    pub href: String,
    /// Headline.
    pub title: String,
    /// Publisher.
    pub source: String,
    /// Publication date.
    pub published: String,
    /// Publication date label.
    pub published_display: String,
    /// Original URL.
    pub url: Option<String>,
    /// Number of figures.
    pub figure_count: usize,
    /// Number of events.
    pub event_count: usize,
}

/// Every view of a report, built once.
#[derive(Debug, Clone, Serialize)]
pub struct ReportView {
    /// Site settings.
    pub site: SiteView,
    /// Articles, newest first.
    pub articles: Vec<ArticleView>,
    /// Briefings, sorted by title, without their tables and chronology (see
    /// [`ReportView::briefing_view`]).
    pub briefings: Vec<BriefingData>,
    /// The chronology of all articles.
    pub chronology: Vec<ChronologyGroupView>,
    /// Whether the chronology is too long for one page: its page then lists the groups, and
    /// each group's entries are on the group's own page.
    pub chronology_paged: bool,
    /// For each article of the report, its position in `articles`.
    #[serde(skip)]
    positions: Vec<usize>,
}

/// The extension of article and briefing pages in links (`html`).
const PAGE_EXT: &str = "html";

/// Builds every view of the report. The views carry the claims from then on: each article's
/// claims are freed as soon as its view is built, so that the two are never all held at once.
///
/// `timeline` says whether the chronology's groups get their place on a timeline: nothing reads
/// it when the chronology is paged and every template is a default one, and at 10,000 articles
/// its bars were 29 MB.
pub fn build_views(report: &mut Report, timeline: bool) -> ReportView {
    let site = SiteView {
        title: report.config.title.clone(),
        description: report.config.description.clone(),
        base_url: report.config.base_url.clone(),
        language: report.config.language.clone(),
        built: report.built_at.format("%Y-%m-%d").to_string(),
        generator: format!("report {}", env!("CARGO_PKG_VERSION")),
        absolute_root: report
            .config
            .base_url
            .as_deref()
            .map(|u| format!("{}/", u.trim_end_matches('/'))),
    };
    // Each article's view is independent work, for every core.
    let articles: Vec<ArticleView> = report
        .articles
        .par_iter_mut()
        .enumerate()
        .map(|(i, entry)| {
            let view = article_view(i, entry);
            entry.claims = Default::default();
            view
        })
        .collect();
    let refs: Vec<&ArticleView> = articles.iter().collect();
    let chronology = chronology_view(&report.chronology, &refs, timeline);
    let briefings: Vec<BriefingData> = report
        .briefings
        .iter()
        .enumerate()
        .map(|(i, b)| briefing_data(i, b, &articles))
        .collect();
    let mut articles = articles;
    articles.sort_by(|a, b| b.published.cmp(&a.published).then(a.path.cmp(&b.path)));
    let mut positions = vec![0; articles.len()];
    for (p, a) in articles.iter().enumerate() {
        positions[a.index] = p;
    }
    let mut briefings = briefings;
    briefings.sort_by(|a, b| a.title.cmp(&b.title).then(a.slug.cmp(&b.slug)));
    let chronology_paged =
        chronology.iter().map(|g| g.count).sum::<usize>() > report.config.chronology_on_one_page;
    ReportView {
        site,
        articles,
        briefings,
        chronology,
        chronology_paged,
        positions,
    }
}

/// A briefing's data and counts, without building its tables and chronology.
fn briefing_data(
    index: usize,
    b: &crate::assemble::BriefingEntry,
    articles: &[ArticleView],
) -> BriefingData {
    BriefingData {
        slug: b.briefing.slug.clone(),
        href: format!("briefings/{}.{PAGE_EXT}", b.briefing.slug),
        title: b.briefing.title.clone(),
        summary: b.briefing.summary.clone(),
        tags: b.briefing.tags.clone(),
        articles: b.articles.iter().map(|&i| summary(&articles[i])).collect(),
        figure_group_count: b.figures.len(),
        figure_count: b.figures.iter().map(|g| g.rows.len()).sum(),
        event_count: b.chronology.groups.iter().map(|g| g.entries.len()).sum(),
        index,
    }
}

fn summary(a: &ArticleView) -> ArticleSummary {
    ArticleSummary {
        slug: a.slug.clone(),
        href: a.href.clone(),
        title: a.title.clone(),
        source: a.source.clone(),
        published: a.published.clone(),
        published_display: a.published_display.clone(),
        url: a.url.clone(),
        figure_count: a.figures.len(),
        event_count: a.events.len(),
    }
}

/// The day after the last day of `p`: its exclusive end.
pub(crate) fn period_end(p: &Period) -> Option<chrono::NaiveDate> {
    use crate::extract::Precision;
    let months = |n| p.start.checked_add_months(chrono::Months::new(n));
    match p.precision {
        Precision::Day => p.start.succ_opt(),
        Precision::Week => p.start.checked_add_days(chrono::Days::new(7)),
        Precision::Month => months(1),
        Precision::Quarter | Precision::Season => months(3),
        Precision::Half => months(6),
        Precision::Year => months(12),
        Precision::Decade => months(120),
    }
}

fn period_label(value: &str) -> Option<String> {
    Period::parse(value).map(|p| p.label())
}

/// A claim marked in an article's story: its span and which claim it is. The mark's `id` and
/// `title` are written from the claim's view when the page is made ([`ReportView::article_body`]),
/// so that a build does not hold two strings for each of its claims until then.
#[derive(Debug, Clone, Copy)]
pub struct Placed {
    /// Byte range in the article file.
    start: usize,
    end: usize,
    /// Index of the figure or date in the article's claims.
    claim: u32,
    /// A figure, or else a date.
    figure: bool,
}

/// Marks for an article's claims: figures first, then dates that do not overlap them; and which
/// figures and which dates got one.
fn marks(entry: &ArticleEntry) -> (Vec<Placed>, Vec<bool>, Vec<bool>) {
    let claims = &entry.claims;
    let figure_marks: Vec<Placed> = claims
        .figures
        .iter()
        .enumerate()
        .filter(|(_, f)| !f.span.is_empty())
        .map(|(i, f)| Placed {
            start: f.span.start,
            end: f.span.end,
            claim: i as u32,
            figure: true,
        })
        .collect();
    let date_marks: Vec<Placed> = claims
        .dates
        .iter()
        .enumerate()
        .map(|(i, d)| Placed {
            start: d.span.start,
            end: d.span.end,
            claim: i as u32,
            figure: false,
        })
        .collect();
    // Figures win over dates; earlier wins over later. Both lists are sorted by start, so each
    // keeps a mark only if it starts after the previous kept one ends, and a date is checked
    // against the figure marks by binary search.
    let keep_disjoint = |mut marks: Vec<Placed>| {
        marks.sort_by_key(|m| (m.start, m.end));
        let mut kept: Vec<Placed> = Vec::with_capacity(marks.len());
        for m in marks {
            if kept.last().is_none_or(|k| k.end <= m.start) {
                kept.push(m);
            }
        }
        kept
    };
    let figure_marks = keep_disjoint(figure_marks);
    let date_marks: Vec<Placed> = keep_disjoint(date_marks)
        .into_iter()
        .filter(|d| {
            let i = figure_marks.partition_point(|f| f.end <= d.start);
            figure_marks.get(i).is_none_or(|f| f.start >= d.end)
        })
        .collect();
    let mut figure_anchors = vec![false; claims.figures.len()];
    let mut date_anchors = vec![false; claims.dates.len()];
    for m in figure_marks.iter().chain(&date_marks) {
        let anchors = if m.figure {
            &mut figure_anchors
        } else {
            &mut date_anchors
        };
        anchors[m.claim as usize] = true;
    }
    let mut placed: Vec<Placed> = figure_marks.into_iter().chain(date_marks).collect();
    placed.sort_by_key(|m| (m.start, m.end));
    (placed, figure_anchors, date_anchors)
}

/// The marks of `article`'s story, with their tooltips; a mark's `id` is its claim's anchor
/// (every placed claim has one).
fn story_marks(article: &ArticleView) -> Vec<Mark> {
    let data = &article.data;
    article
        .marks
        .iter()
        .filter_map(|m| {
            let i = m.claim as usize;
            let (anchor, class, title) = if m.figure {
                let f = &data.figures[i];
                (&f.anchor, "figure", figure_title(f))
            } else {
                let d = &data.dates[i];
                (&d.anchor, "date", d.value.to_string())
            };
            Some(Mark {
                range: m.start..m.end,
                id: anchor.as_ref()?.to_string(),
                class,
                title,
            })
        })
        .collect()
}

fn figure_title(f: &FigureView) -> String {
    let mut t = format_value(f.value);
    if let Some(u) = &f.unit {
        t.push(' ');
        t.push_str(u);
    }
    if let Some(s) = &f.said_by {
        t.push_str(" — ");
        t.push_str(s);
    }
    t
}

/// An article's fields that each of its claims repeats, allocated once and shared, and its
/// sentences, shared by the claims quoting the same one.
struct SharedFields {
    from: Arc<ClaimSource>,
    sentences: std::cell::RefCell<std::collections::HashSet<Arc<str>>>,
}

impl SharedFields {
    /// The one copy of `sentence`.
    fn sentence(&self, sentence: &str) -> Arc<str> {
        let mut seen = self.sentences.borrow_mut();
        if let Some(s) = seen.get(sentence) {
            return s.clone();
        }
        let s: Arc<str> = sentence.into();
        seen.insert(s.clone());
        s
    }
}

fn article_view(index: usize, entry: &ArticleEntry) -> ArticleView {
    let a = &entry.article;
    let (marks, figure_anchors, date_anchors) = marks(entry);
    let href = format!("articles/{}.{PAGE_EXT}", a.id);
    let line_index = crate::diagnostics::LineIndex::new(&a.text);
    let published = a.published.format("%Y-%m-%d").to_string();
    let shared = SharedFields {
        from: Arc::new(ClaimSource {
            article: a.id.0.clone(),
            article_title: a.title.clone(),
            article_source: a.source.clone(),
            article_href: href.clone(),
            article_url: a.url.clone(),
            article_published: published.clone(),
        }),
        sentences: Default::default(),
    };
    let figures: Vec<FigureView> = entry
        .claims
        .figures
        .iter()
        .zip(figure_anchors)
        .enumerate()
        .map(|(i, (f, anchor))| FigureView {
            anchor: anchor.then(|| compact_str::format_compact!("f{}", i + 1)),
            from: shared.from.clone(),
            text: f.text.as_str().into(),
            value: f.value,
            value_display: match f.kind {
                crate::extract::FigureKind::Change if f.value >= 0.0 => {
                    compact_str::format_compact!("+{}", format_value(f.value))
                }
                _ => format_value(f.value).into(),
            },
            unit: f.unit.as_deref().map(Text::from),
            qualifier: f.qualifier.map(|q| q.label().into()),
            kind: f.kind.label().into(),
            said_by: f.said_by.as_deref().map(Text::from),
            as_of: f.as_of.as_deref().map(Text::from),
            as_of_display: f.as_of.as_deref().and_then(period_label).map(Text::from),
            sentence: shared.sentence(&f.sentence),
            start: f.start,
            end: f.end,
            line: line_index.locate(&a.text, f.span.start).0,
            hand: f.hand,
            conflict: false,
        })
        .collect();
    let dates: Vec<DateView> = entry
        .claims
        .dates
        .iter()
        .zip(&date_anchors)
        .enumerate()
        .map(|(i, (d, anchor))| DateView {
            anchor: anchor.then(|| compact_str::format_compact!("d{}", i + 1)),
            text: d.text.as_str().into(),
            kind: d.kind.label().into(),
            value: d.value.as_str().into(),
            modifier: d.modifier.as_deref().map(Text::from),
            display: period_label(&d.value).map(Text::from),
            start: d.start,
            end: d.end,
        })
        .collect();
    let date_index: std::collections::HashMap<(usize, usize), usize> = entry
        .claims
        .dates
        .iter()
        .enumerate()
        .map(|(i, d)| ((d.span.start, d.span.end), i))
        .collect();
    let events: Vec<Arc<EventView>> = entry
        .claims
        .events
        .iter()
        .map(|e| {
            let anchor = date_index
                .get(&(e.date_span.start, e.date_span.end))
                .and_then(|&i| dates[i].anchor.clone());
            let period = Period::parse(&e.date);
            Arc::new(EventView {
                anchor,
                date: e.date.as_str().into(),
                date_start: period
                    .as_ref()
                    .map(|p| compact_str::format_compact!("{}", p.start.format("%Y-%m-%d")))
                    .unwrap_or_default(),
                date_end: period
                    .as_ref()
                    .and_then(period_end)
                    .map(|d| compact_str::format_compact!("{}", d.format("%Y-%m-%d")))
                    .unwrap_or_default(),
                precision: e.precision.label().into(),
                date_display: period.map_or_else(|| e.date.as_str().into(), |p| p.label().into()),
                date_text: e.date_text.as_str().into(),
                text: shared.sentence(&e.text),
                said_by: e.said_by.as_deref().map(Text::from),
                from: shared.from.clone(),
                start: e.start,
                end: e.end,
            })
        })
        .collect();
    let data = ArticleData {
        slug: a.id.0.clone(),
        href,
        path: a.path.to_string_lossy().replace('\\', "/"),
        title: a.title.clone(),
        source: a.source.clone(),
        published_display: Period::parse(&published)
            .map(|p| p.label())
            .unwrap_or_default(),
        published,
        url: a.url.clone(),
        dateline: a.dateline.clone(),
        author: a.author.clone(),
        tags: a.tags.clone(),
        reliability: a.reliability.clone(),
        lang: a.lang.clone(),
        figure_count: figures.len(),
        date_count: dates.len(),
        event_count: events.len(),
        figures,
        dates,
        events,
    };
    ArticleView { data, marks, index }
}

fn group_view(group: &FigureGroup, articles: &[&ArticleView]) -> FigureGroupView {
    let rows: Vec<FigureView> = group
        .rows
        .iter()
        .map(|r| {
            let mut v = articles[r.article].figures[r.figure].clone();
            v.conflict = r.conflict;
            v
        })
        .collect();
    FigureGroupView {
        unit: group.unit.clone(),
        id: crate::content::slugify(&group.unit).unwrap_or_else(|| "figures".into()),
        chart: super::charts::chart(&rows),
        rows,
        has_conflict: group.has_conflict,
        note: group.note.clone(),
    }
}

fn chronology_view(
    chronology: &Chronology,
    articles: &[&ArticleView],
    timeline: bool,
) -> Vec<ChronologyGroupView> {
    // Groups are independent until the timeline places them: each one's entries on every core.
    let periods: Vec<_> = if !timeline {
        Vec::new()
    } else {
        chronology
            .groups
            .par_iter()
            .filter_map(|g| {
                let entries: Vec<_> = g
                    .entries
                    .iter()
                    .map(|e| {
                        let a = &articles[e.article];
                        let end = period_end(&e.period)?;
                        let label = format!(
                            "{} (reported {} by {})",
                            e.period.label(),
                            a.published,
                            a.source
                        );
                        Some((
                            e.period.start,
                            end,
                            e.period.precision != crate::extract::Precision::Day,
                            label,
                        ))
                    })
                    .collect::<Option<_>>()?;
                Some((
                    entries
                        .iter()
                        .map(|e: &(chrono::NaiveDate, _, _, _)| e.0)
                        .min()?,
                    entries,
                ))
            })
            .collect()
    };
    // A group whose dates cannot be placed leaves the whole chronology without a timeline
    // rather than with a misleading one.
    let timeline: Vec<Option<_>> = if timeline && periods.len() == chronology.groups.len() {
        super::charts::timeline(&periods)
            .into_iter()
            .map(Some)
            .collect()
    } else {
        vec![None; chronology.groups.len()]
    };
    chronology
        .groups
        .par_iter()
        .zip(timeline)
        .map(|(g, timeline)| ChronologyGroupView {
            key: g.key.clone(),
            label: g.label.clone(),
            href: format!("chronology/{}.{PAGE_EXT}", g.key),
            count: g.entries.len(),
            entries: g
                .entries
                .iter()
                .map(|e| articles[e.article].events[e.event].clone())
                .collect(),
            timeline,
        })
        .collect()
}
