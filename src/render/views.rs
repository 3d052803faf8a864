//! The [`Report`] in, the template contract out: serializable views whose fields are exactly the
//! variables templates see (documented in the README). Views borrow nothing from the engine.

use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::assemble::{ArticleEntry, Chronology, FigureGroup, Report};
use crate::content::Mark;
use crate::extract::speaker_kind::SpeakerKind;
use crate::extract::{
    Direction, FigureKind, Period, Precision, Qualifier, Status, TimexType, format_value,
};

/// The short strings of claims' views (values, labels, anchors), as the claims hold them.
pub use crate::extract::Text;

/// The id of a claim's mark in its article page: "f3" for the article's third figure, "d2" for
/// its second date. Templates see it as that string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Anchor {
    figure: bool,
    n: u32,
}

impl Anchor {
    /// The anchor of the figure at `index` (0-based) of its article.
    pub fn figure(index: usize) -> Self {
        Anchor {
            figure: true,
            n: index as u32 + 1,
        }
    }

    /// The anchor of the date at `index` (0-based) of its article.
    pub fn date(index: usize) -> Self {
        Anchor {
            figure: false,
            n: index as u32 + 1,
        }
    }
}

impl std::fmt::Display for Anchor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}{}", if self.figure { 'f' } else { 'd' }, self.n)
    }
}

impl Serialize for Anchor {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

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
///
/// Templates see `value_display` and `as_of_display` (written from the value and the as-of date
/// when needed), and `qualifier`, `kind` and `direction` as their labels (see [`FigureView`]'s
/// `Serialize`).
#[derive(Debug, Clone)]
pub struct FigureView {
    /// Anchor of its mark in the article page ("f1"), when marked.
    pub anchor: Option<Anchor>,
    /// Its article: `article` (slug), `article_title`, `article_source`, `article_href`,
    /// `article_url`, `article_published`, one copy shared by the article's claims.
    pub from: Arc<ClaimSource>,
    /// As written.
    pub text: Text,
    /// The value.
    pub value: f64,
    /// Unit.
    pub unit: Option<Text>,
    /// What it measures, with its scope ("people displaced (South Sudan)").
    pub measure: Option<Text>,
    /// What the measure applies to ("South Sudan").
    pub scope: Option<Text>,
    /// Qualifier.
    pub qualifier: Option<Qualifier>,
    /// Kind.
    pub kind: FigureKind,
    /// Which way a change goes, when known.
    pub direction: Option<Direction>,
    /// `forecast` for a forecast or target, `None` for an outcome.
    pub status: Option<Status>,
    /// Speaker.
    pub said_by: Option<Text>,
    /// What kind of author the speaker is, as extraction found it.
    pub said_by_kind: Option<SpeakerKind>,
    /// As of when (written as its value, "2023-10").
    pub as_of: Option<Period>,
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
    /// Where the article states the same claim again (only in figure tables): one row per claim.
    pub restated: Vec<Restatement>,
}

/// Another sentence of an article stating a figure table row's claim again.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Restatement {
    /// Its mark in the article page.
    pub anchor: Anchor,
    /// 1-based line in the article file.
    pub line: usize,
}

impl FigureView {
    /// "7,000"; a change whose direction is known gets its sign ("+300", "−1,800"), one whose
    /// direction is unknown none: "will cut 1,800 jobs" is never shown as an increase. Money is
    /// written with its currency, as people write it ("$2.7 billion", "8.2 billion yuan").
    pub fn value_display(&self) -> String {
        match self.direction {
            Some(direction) => format!("{}{}", sign(direction), self.amount(self.value.abs())),
            None => self.amount(self.value),
        }
    }

    /// `value` as this figure's kind writes it: money with its currency, else the number, a round
    /// number of millions or more in words as people write it ("46 million", "1.2 billion").
    fn amount(&self, value: f64) -> String {
        if self.in_currency() {
            crate::money::write_money(value, self.unit.as_deref())
        } else if value.is_finite() && value.abs() >= 1e6 && value.abs() < 1e15 {
            let words = crate::money::amount(value.abs());
            if value < 0.0 {
                format!("-{words}")
            } else {
                words
            }
        } else {
            format_value(value)
        }
    }

    /// Whether `value_display` writes the currency (`in_currency` in templates): money, and a
    /// change in a currency ("fell 2 1/2" to a share price: "−$2.50"). A template then writes no
    /// unit after it.
    pub fn in_currency(&self) -> bool {
        self.kind == FigureKind::Money
            || self.kind == FigureKind::Change
                && self.unit.as_deref().is_some_and(crate::money::is_currency)
    }

    /// A difference rather than a level: a change, or a figure the text gives a direction ("fell
    /// 3%"). Changes are not charted and never conflict with levels.
    pub fn is_change(&self) -> bool {
        self.kind == FigureKind::Change || self.direction.is_some()
    }

    /// The status's label (`forecast`).
    pub fn status_label(&self) -> Option<&'static str> {
        self.status.map(Status::label)
    }

    /// The direction's label (`up`, `down`).
    pub fn direction_label(&self) -> Option<&'static str> {
        self.direction.map(Direction::label)
    }

    /// The as-of date's label at its precision ("October 2023"), when it is a calendar period.
    pub fn as_of_display(&self) -> Option<String> {
        self.as_of.as_ref().map(Period::label)
    }

    /// The as-of date in ISO 8601 (`as_of_iso`, see [`iso_8601`]), when it is a calendar period.
    pub fn as_of_iso(&self) -> Option<String> {
        let period = self.as_of.as_ref()?;
        iso_8601(period.start, period.precision)
    }

    /// The qualifier's label.
    pub fn qualifier_label(&self) -> Option<&'static str> {
        self.qualifier.map(Qualifier::label)
    }
}

impl Serialize for FigureView {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("anchor", &self.anchor)?;
        self.from.serialize_into(&mut map)?;
        map.serialize_entry("text", &self.text)?;
        map.serialize_entry("value", &self.value)?;
        map.serialize_entry("value_display", &self.value_display())?;
        map.serialize_entry("in_currency", &self.in_currency())?;
        map.serialize_entry("unit", &self.unit)?;
        map.serialize_entry("measure", &self.measure)?;
        map.serialize_entry("scope", &self.scope)?;
        map.serialize_entry("qualifier", &self.qualifier_label())?;
        map.serialize_entry("kind", self.kind.label())?;
        map.serialize_entry("direction", &self.direction_label())?;
        map.serialize_entry("status", &self.status_label())?;
        map.serialize_entry("said_by", &self.said_by)?;
        map.serialize_entry(
            "said_by_type",
            &said_by_type(&self.said_by, self.said_by_kind),
        )?;
        map.serialize_entry("as_of", &self.as_of)?;
        map.serialize_entry("as_of_display", &self.as_of_display())?;
        map.serialize_entry("as_of_iso", &self.as_of_iso())?;
        map.serialize_entry("sentence", &self.sentence)?;
        map.serialize_entry("start", &self.start)?;
        map.serialize_entry("end", &self.end)?;
        map.serialize_entry("line", &self.line)?;
        map.serialize_entry("hand", &self.hand)?;
        map.serialize_entry("conflict", &self.conflict)?;
        map.serialize_entry("restated", &self.restated)?;
        map.end()
    }
}

/// The schema.org type of a speaker (`Person` or `Organization`), when there is one: by the
/// kind extraction gave it with the speaker (hand claims included; cached claims are keyed by
/// the extraction code, so none predates kinds); a group has none.
pub fn said_by_type(said_by: &Option<Text>, kind: Option<SpeakerKind>) -> Option<&'static str> {
    said_by.as_deref().filter(|s| !s.is_empty())?;
    kind?.schema_type()
}

/// The sign of a change in `direction`: `+`, or the minus sign (U+2212) rather than a hyphen.
fn sign(direction: Direction) -> char {
    match direction {
        Direction::Up => '+',
        Direction::Down => '\u{2212}',
    }
}

/// The article a figure or an event comes from, as its view shows it.
#[derive(Debug, Serialize)]
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

impl ClaimSource {
    /// Its fields, into the map of the claim that comes from it (as `#[serde(flatten)]` would).
    fn serialize_into<M: serde::ser::SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("article", &self.article)?;
        map.serialize_entry("article_title", &self.article_title)?;
        map.serialize_entry("article_source", &self.article_source)?;
        map.serialize_entry("article_href", &self.article_href)?;
        map.serialize_entry("article_url", &self.article_url)?;
        map.serialize_entry("article_published", &self.article_published)
    }
}

/// A temporal expression.
///
/// Templates see `type` as its label and `display` written from the value when needed (see
/// [`DateView`]'s `Serialize`).
#[derive(Debug, Clone)]
pub struct DateView {
    /// Anchor of its mark ("d1"), when marked.
    pub anchor: Option<Anchor>,
    /// As written.
    pub text: Text,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value.
    pub value: Text,
    /// TIMEX3 mod.
    pub modifier: Option<Text>,
    /// Character offsets.
    pub start: usize,
    /// End offset.
    pub end: usize,
}

impl DateView {
    /// The label of the value when it is a calendar period.
    pub fn display(&self) -> Option<String> {
        super::words::date(&self.value)
    }

    /// The value in words, its `mod` included ("now", "about 2 years", "every Monday"), when
    /// [`super::words::value_words`] reads it.
    pub fn words(&self) -> Option<String> {
        super::words::value_words(self.kind, &self.value, self.modifier.as_deref())
    }
}

impl Serialize for DateView {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("anchor", &self.anchor)?;
        map.serialize_entry("text", &self.text)?;
        map.serialize_entry("type", self.kind.label())?;
        map.serialize_entry("value", &self.value)?;
        map.serialize_entry("mod", &self.modifier)?;
        map.serialize_entry("display", &self.display())?;
        map.serialize_entry("type_words", super::words::type_words(self.kind))?;
        map.serialize_entry("words", &self.words())?;
        map.serialize_entry("start", &self.start)?;
        map.serialize_entry("end", &self.end)?;
        map.end()
    }
}

/// A chronology entry or an article's event.
///
/// Templates see `date_start`, `date_end`, `precision` and `date_display` as strings (see
/// [`EventView`]'s `Serialize`); they are written from the date's period when needed rather than
/// held, since a large site has hundreds of thousands of events.
#[derive(Debug, Clone)]
pub struct EventView {
    /// Anchor of the dating expression in the article page, when marked.
    pub anchor: Option<Anchor>,
    /// When it happened (written as its value, "2023-07", with its `precision`).
    pub date: Period,
    /// The dating expression as written.
    pub date_text: Text,
    /// The sentence.
    pub text: Arc<str>,
    /// Speaker.
    pub said_by: Option<Text>,
    /// What kind of author the speaker is, as extraction found it.
    pub said_by_kind: Option<SpeakerKind>,
    /// Its article (the same fields as a figure's).
    pub from: Arc<ClaimSource>,
    /// Character offsets of the sentence.
    pub start: usize,
    /// End offset.
    pub end: usize,
}

impl EventView {
    /// First day of the period, for sorting and exports (`date_start`, ISO), when it can be
    /// written (see [`writable`]).
    pub fn date_start(&self) -> Option<chrono::NaiveDate> {
        writable(self.date.start)
    }

    /// The day after the period's last day (`date_end`, ISO): the exclusive end that
    /// iCalendar's `DTEND` wants ("2023-08-01" for "2023-07"). None for a period that ends on
    /// 9999-12-31, whose end cannot be written: the calendar leaves `DTEND` out.
    pub fn date_end(&self) -> Option<chrono::NaiveDate> {
        period_end(&self.date).and_then(writable)
    }

    /// What happened, as a headline (`headline`): the sentence without its dating expression
    /// (TimelineJS shows the date apart), without a closing attribution ("…, the ministry said")
    /// and cut where a clause ends when it is longer than 140 characters, as a title is made
    /// from a lead; the sentence itself, unchanged, when that is all of it.
    pub fn headline(&self) -> std::borrow::Cow<'_, str> {
        let undated = without_date(&self.text, &self.date_text);
        let headline = crate::content::wire::headline_of(&undated, 140);
        if headline.is_empty() || headline == self.text.trim().trim_end_matches('.').trim() {
            self.text.as_ref().into()
        } else {
            closed_quote(headline).into()
        }
    }

    /// The date in ISO 8601 (`date_iso`, see [`iso_8601`]), when it can be written.
    pub fn date_iso(&self) -> Option<String> {
        iso_8601(self.date.start, self.date.precision)
    }

    /// The date's label at its precision (`date_display`): "July 2023".
    pub fn date_display(&self) -> String {
        self.date.label()
    }
}

/// `sentence` without the dating expression `date_text` and a preposition that only places it
/// ("in July 2023", "on Monday", "for 1988", "the following month"): "The border reopened in April 2024." →
/// "The border reopened.". A sentence that opens with it starts at the next word, capitalized.
/// Unchanged when the expression is not found, or when a preposition such as "since", "by" or
/// "until" gives it a meaning the sentence would lose.
fn without_date(sentence: &str, date_text: &str) -> String {
    let Some(at) = sentence
        .find(date_text)
        .filter(|_| !date_text.trim().is_empty())
    else {
        return sentence.to_string();
    };
    let before = sentence[..at].trim_end();
    let after = &sentence[at + date_text.len()..];
    let (head, last) = before
        .rsplit_once(char::is_whitespace)
        .map_or(("", before), |(h, w)| (h.trim_end(), w));
    let before = match last.to_lowercase().as_str() {
        "in" | "on" | "at" | "during" | "for" | "throughout" => head,
        "since" | "by" | "until" | "till" | "from" | "to" | "before" | "after" | "between"
        | "through" | "than" | "of" => return sentence.to_string(),
        _ => before,
    };
    if before.is_empty() {
        let rest = after.trim_start_matches([',', ' ']);
        let mut chars = rest.chars();
        return match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => sentence.to_string(),
        };
    }
    format!("{before}{after}")
}

/// `headline` with the quotation it cut closed: "“The number … has increased by 300" ends with
/// "”".
fn closed_quote(mut headline: String) -> String {
    if headline.matches('“').count() > headline.matches('”').count() {
        headline.push('”');
    } else if headline.matches('"').count() % 2 == 1 {
        headline.push('"');
    }
    headline
}

/// An ISO date, or an empty string for none.
fn iso(date: Option<chrono::NaiveDate>) -> Text {
    // `NaiveDate`'s Display is ISO 8601 (`%Y-%m-%d`) without parsing a format string each time.
    date.map(|d| compact_str::format_compact!("{d}"))
        .unwrap_or_default()
}

impl Serialize for EventView {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("anchor", &self.anchor)?;
        map.serialize_entry("date", &self.date)?;
        map.serialize_entry("date_start", &iso(self.date_start()))?;
        map.serialize_entry("date_end", &iso(self.date_end()))?;
        map.serialize_entry("precision", self.date.precision.label())?;
        map.serialize_entry("date_display", &self.date_display())?;
        map.serialize_entry("date_iso", &self.date_iso())?;
        map.serialize_entry("date_text", &self.date_text)?;
        map.serialize_entry("text", &self.text)?;
        map.serialize_entry("headline", &self.headline())?;
        map.serialize_entry("said_by", &self.said_by)?;
        map.serialize_entry(
            "said_by_type",
            &said_by_type(&self.said_by, self.said_by_kind),
        )?;
        self.from.serialize_into(&mut map)?;
        map.serialize_entry("start", &self.start)?;
        map.serialize_entry("end", &self.end)?;
        map.end()
    }
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

/// A group of a figure table: one series.
#[derive(Debug, Clone, Serialize)]
pub struct FigureGroupView {
    /// The heading: "People displaced (South Sudan)", "Containers", "US dollars".
    pub label: String,
    /// What the series measures, as written or as the analyst names it, or null when its
    /// figures are grouped by unit.
    pub measure: Option<String>,
    /// The scope every row shares ("South Sudan"), or null.
    pub scope: Option<String>,
    /// What is counted, as most often written ("containers"; "other figures" for none).
    pub unit: String,
    /// Anchor id for the group ("containers", "people-displaced-south-sudan"), unique in its
    /// briefing.
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
#[derive(Debug, Clone, Serialize)]
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
    /// The year the group's period starts in (a paged chronology's index lists its periods
    /// year by year).
    pub year: i32,
}

/// A chronology drawn as a timeline: `chronology_timeline` and `briefing.timeline` in templates.
/// The frame (size, lanes, ticks) and the marks are positioned here; `partials/timeline.html`
/// draws them.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineView {
    /// Size, lanes, axis and ticks.
    #[serde(flatten)]
    pub frame: super::charts::TimelineFrame,
    /// One mark per dated statement, in chronology order.
    pub marks: Vec<TimelineMark>,
    /// How many dated statements the chronology it draws holds; more than `marks` when only the
    /// latest are drawn.
    pub total: usize,
    /// The label of the first and of the last mark's date.
    pub from: String,
    /// The label of the last mark's date.
    pub to: String,
}

/// One dated statement on a timeline.
#[derive(Debug, Clone, Serialize)]
pub struct TimelineMark {
    /// Where it is drawn.
    #[serde(flatten)]
    pub place: super::charts::MarkPlace,
    /// The key of its chronology group; with `entry`, its list item's id is `e-<key>-<entry>`.
    pub key: String,
    /// 1-based number of its entry in the group.
    pub entry: usize,
    /// Whether its date is coarser than a day (drawn as a bar as long as the period).
    pub span: bool,
    /// The event shortened to its first words ("BellSouth earned $1.7 billion…"), shown beside
    /// the bar when `label_x` is set.
    pub label: String,
    /// Its date at its precision ("18 March 2024", "Q3 2023").
    pub date: String,
    /// What happened: the sentence without its date (see [`EventView::headline`]).
    pub text: String,
    /// Who said it, or null.
    pub said_by: Option<String>,
    /// The publisher of its article.
    pub source: String,
}

/// A histogram of a chronology's dated statements by month: `chronology_histogram`.
#[derive(Debug, Clone, Serialize)]
pub struct HistogramView {
    /// Size, axis and ticks.
    #[serde(flatten)]
    pub frame: super::charts::HistogramFrame,
    /// One bar per month with statements, oldest first, on a calendar axis from the first to
    /// the last (a month without statements is a gap).
    pub bars: Vec<HistogramBar>,
    /// Statements dated only to a coarser period (a quarter, a year…), which no month holds.
    pub coarser: usize,
}

/// One month of a histogram.
#[derive(Debug, Clone, Serialize)]
pub struct HistogramBar {
    /// Where it is drawn.
    #[serde(flatten)]
    pub place: super::charts::BarPlace,
    /// "March 2021".
    pub label: String,
    /// Dated statements filed under the month.
    pub count: usize,
    /// The month's period page, relative to the site root.
    pub href: String,
}

/// The most characters of a timeline mark's label.
const MARK_LABEL: usize = 28;

/// The event shortened for a timeline's mark: the first words of `headline`, at most
/// [`MARK_LABEL`] characters (and a closing quotation mark), cut after a word with "…" when cut;
/// without an opening "But", "And" or "However".
fn short_label(headline: &str) -> String {
    let mut text = headline.trim();
    for lead in ["But ", "And ", "However, ", "Meanwhile, ", "So "] {
        if let Some(rest) = text.strip_prefix(lead) {
            text = rest.trim_start();
            let mut chars = text.chars();
            if let Some(c) = chars.next() {
                // Its first word now opens the label.
                return short_label(&(c.to_uppercase().collect::<String>() + chars.as_str()));
            }
        }
    }
    let text = text.trim_end_matches(['.', ' ']);
    if text.chars().count() <= MARK_LABEL {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        let next = out.chars().count() + usize::from(!out.is_empty()) + word.chars().count();
        if next > MARK_LABEL - 1 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        // One long word: its first characters.
        out = text.chars().take(MARK_LABEL - 1).collect();
    }
    let out = out.trim_end_matches([',', ';', ':', '—', '–', '-', ' ']);
    // A quotation cut short is closed after the ellipsis.
    closed_quote(format!("{out}…"))
}

/// The latest `limit` entries of `groups` on a timeline, each linking to its list item; None
/// when none of them can be placed.
pub fn timeline_view(groups: &[ChronologyGroupView], limit: usize) -> Option<TimelineView> {
    let total: usize = groups.iter().map(|g| g.entries.len()).sum();
    let skip = total.saturating_sub(limit);
    let mut items = Vec::new();
    let mut marks = Vec::new();
    let mut n = 0;
    for g in groups {
        for (i, e) in g.entries.iter().enumerate() {
            n += 1;
            if n <= skip {
                continue;
            }
            let start = e.date.start;
            let Some(end) = period_end(&e.date) else {
                continue;
            };
            let label = short_label(&e.headline());
            items.push((start, end, label.chars().count()));
            marks.push((g, i + 1, e, label));
        }
    }
    let (frame, places) = super::charts::timeline(&items)?;
    let marks: Vec<TimelineMark> = marks
        .into_iter()
        .zip(places)
        .map(|((g, entry, e, label), place)| TimelineMark {
            place,
            key: g.key.clone(),
            entry,
            span: e.date.precision != Precision::Day,
            label,
            date: e.date_display(),
            text: e.headline().into_owned(),
            said_by: e.said_by.as_ref().map(|s| s.to_string()),
            source: e.from.article_source.clone(),
        })
        .collect();
    Some(TimelineView {
        frame,
        from: marks.first()?.date.clone(),
        to: marks.last()?.date.clone(),
        marks,
        total,
    })
}

/// The histogram of `groups` by month: a bar for each month group, on a calendar axis.
pub fn histogram_view(groups: &[ChronologyGroupView]) -> Option<HistogramView> {
    use chrono::Datelike;
    let mut months: Vec<(chrono::NaiveDate, &ChronologyGroupView)> = Vec::new();
    let mut coarser = 0;
    for g in groups {
        let month = g.entries.first().map(|e| &e.date).filter(|p| {
            matches!(
                p.precision,
                Precision::Day | Precision::Week | Precision::Month
            )
        });
        match month.and_then(|p| p.start.with_day(1)) {
            Some(d) => months.push((d, g)),
            None => coarser += g.count,
        }
    }
    let counts: Vec<_> = months.iter().map(|(d, g)| (*d, g.count)).collect();
    let (frame, places) = super::charts::histogram(&counts)?;
    let bars = months
        .into_iter()
        .zip(places)
        .map(|((d, g), place)| HistogramBar {
            place,
            label: crate::extract::period_label(d, Precision::Month),
            count: g.count,
            href: g.href.clone(),
        })
        .collect();
    Some(HistogramView {
        frame,
        bars,
        coarser,
    })
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
    /// Its series, in the order of its figure table, each with its latest row (the briefing
    /// template's overview; not in whole-site templates, where they would be every row's
    /// worth of summaries again).
    #[serde(skip)]
    pub series: Vec<SeriesSummary>,
    /// Links to the briefing's other HTML pages, relative to the site root: its overview's
    /// further pages, then every page of every series (for whole-site templates such as the
    /// sitemap; empty in briefing templates).
    pub more_pages: Vec<String>,
    /// Its figures export, relative to the site root: `briefings/<slug>.figures.csv`, or the
    /// files of its parts, in order, when it is larger than `max_export_size`.
    pub figure_files: Vec<String>,
    /// The list of those files (`briefings/<slug>.figures.json`), or null when a project
    /// template writes the figures export.
    pub figures_index: Option<String>,
    /// Index of the briefing in the report.
    #[serde(skip)]
    pub index: usize,
}

/// One series of a briefing as its overview lists it, without its rows: they are on its series
/// pages (`series.html`).
#[derive(Debug, Clone, Serialize)]
pub struct SeriesSummary {
    /// Unique in the briefing; the series page is `briefings/<slug>/series/<id>.html`.
    pub id: String,
    /// The heading, as `figure_groups` has it.
    pub label: String,
    /// What the series measures, or null when its figures are grouped by unit.
    pub measure: Option<String>,
    /// The scope every row shares, or null.
    pub scope: Option<String>,
    /// What is counted.
    pub unit: String,
    /// Link to the series' first page, relative to the site root.
    pub href: String,
    /// Number of rows.
    pub row_count: usize,
    /// Number of pages of rows.
    pub page_count: usize,
    /// Whether rows conflict.
    pub has_conflict: bool,
    /// Whether its rows are one series (a measure, or the analyst's name); figures grouped
    /// only by unit are listed, never charted.
    pub is_series: bool,
    /// The row with the latest as-of date (the last row with one; else the last row), or null
    /// for a series without rows.
    pub latest: Option<FigureView>,
    /// The series' line for a small chart: an SVG `points` list in a 100 × 24 box, when the
    /// series has a chart.
    pub sparkline: Option<String>,
}

/// A briefing as a series page names it.
#[derive(Debug, Clone, Serialize)]
pub struct BriefingLink<'a> {
    /// Slug.
    pub slug: &'a str,
    /// Link to its page, relative to the site root.
    pub href: &'a str,
    /// Title.
    pub title: &'a str,
}

/// Where a page stands among the pages of its list: `pager` in templates.
#[derive(Debug, Clone, Serialize)]
pub struct Pager {
    /// This page's number, from 1.
    pub number: usize,
    /// How many pages there are.
    pub count: usize,
    /// The number of this page's first row in the whole list, from 1.
    pub first: usize,
    /// The number of its last row.
    pub last: usize,
    /// Rows in the whole list.
    pub total: usize,
    /// Link to the page before, relative to the site root, or null on the first.
    pub previous: Option<String>,
    /// Link to the page after, or null on the last.
    pub next: Option<String>,
    /// The pages linked: the first, the last, and up to [`PAGER_REACH`] either side of this one,
    /// in order; each `number`, `href`, and `gap` (pages are skipped right before it).
    pub pages: Vec<PagerLink>,
}

/// One page of a [`Pager`].
#[derive(Debug, Clone, Serialize)]
pub struct PagerLink {
    /// From 1.
    pub number: usize,
    /// Relative to the site root.
    pub href: String,
    /// Pages are left out between the link before and this one.
    pub gap: bool,
}

/// How many pages either side of the current one a [`Pager`] links. A list of 58 pages gets at
/// most 7 links (first, two before, this, two after, last), not 58 on every page.
pub const PAGER_REACH: usize = 2;

impl Pager {
    /// Page `page` (from 0) of `count` pages holding `total` rows, `per_page` a page; `href`
    /// gives the link of a page (from 0).
    pub fn new(
        page: usize,
        count: usize,
        total: usize,
        per_page: usize,
        href: impl Fn(usize) -> String,
    ) -> Self {
        let first = page * per_page;
        Pager {
            number: page + 1,
            count,
            first: (first + 1).min(total),
            last: (first + per_page).min(total),
            total,
            previous: page.checked_sub(1).map(&href),
            next: (page + 1 < count).then(|| href(page + 1)),
            pages: pager_pages(page, count)
                .scan(None, |before: &mut Option<usize>, n| {
                    let gap = before.is_some_and(|b| n > b + 1);
                    *before = Some(n);
                    Some(PagerLink {
                        number: n + 1,
                        href: href(n),
                        gap,
                    })
                })
                .collect(),
        }
    }
}

/// The pages (from 0) a pager on page `page` of `count` links, in order: the first, the last
/// and those within [`PAGER_REACH`] of `page`.
fn pager_pages(page: usize, count: usize) -> impl Iterator<Item = usize> {
    let near = page.saturating_sub(PAGER_REACH)..(page + PAGER_REACH + 1).min(count);
    (0..count).filter(move |&n| n == 0 || n + 1 == count || near.contains(&n))
}

/// One page of a series page: which briefing (in the view's order), which series and which
/// page (from 0).
#[derive(Debug, Clone, Copy)]
pub struct SeriesPage {
    /// Position in [`ReportView::briefings`].
    pub briefing: usize,
    /// Position in the briefing's series.
    pub series: usize,
    /// Page number, from 0.
    pub page: usize,
}

/// The output path of page `page` (from 0) of the overview of briefing `slug`:
/// `briefings/<slug>.<ext>`, then `briefings/<slug>/2.<ext>`.
pub fn briefing_page_path(slug: &str, page: usize, ext: &str) -> String {
    if page == 0 {
        format!("briefings/{slug}.{ext}")
    } else {
        format!("briefings/{slug}/{}.{ext}", page + 1)
    }
}

/// The output path of page `page` (from 0) of series `id` of briefing `slug`, with extension
/// `ext`: `briefings/<slug>/series/<id>.<ext>`, then `…/series/<id>/2.<ext>`.
pub fn series_page_path(slug: &str, id: &str, page: usize, ext: &str) -> String {
    if page == 0 {
        format!("briefings/{slug}/series/{id}.{ext}")
    } else {
        format!("briefings/{slug}/series/{id}/{}.{ext}", page + 1)
    }
}

/// The output path of page `page` (from 0) of chronology period `key`, with extension `ext`:
/// `chronology/<key>.<ext>`, then `chronology/<key>/2.<ext>`.
pub fn period_page_path(key: &str, page: usize, ext: &str) -> String {
    if page == 0 {
        format!("chronology/{key}.{ext}")
    } else {
        format!("chronology/{key}/{}.{ext}", page + 1)
    }
}

/// One page of a period page: which chronology group and which page (from 0).
#[derive(Debug, Clone, Copy)]
pub struct PeriodPage {
    /// Position in [`ReportView::chronology`].
    pub group: usize,
    /// Page number, from 0.
    pub page: usize,
}

/// One page of the sitemap: where a page of the site is, relative to the site root, and when it
/// last changed, if known.
#[derive(Debug, Clone, Serialize)]
pub struct SitemapEntry {
    /// Link relative to the site root.
    pub href: String,
    /// ISO date, or null.
    pub lastmod: Option<String>,
}

/// The most URLs one sitemap file may list (sitemaps.org): a site with more gets a sitemap
/// index, `sitemap.xml`, over `sitemap-1.xml`, `sitemap-2.xml`…
pub const SITEMAP_URLS: usize = 50_000;

/// The most dated statements a briefing's timeline draws: its latest, as its TimelineJS file
/// holds.
pub const BRIEFING_TIMELINE: usize = 300;

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
    /// Its own chronology: whole, or its latest entries (see `shows_all`).
    pub chronology: Vec<ChronologyGroupView>,
    /// The latest [`BRIEFING_TIMELINE`] entries of `chronology` on a timeline, or null when it
    /// has none.
    pub timeline: Option<TimelineView>,
    /// Its series, for the overview.
    pub series: Vec<SeriesSummary>,
    /// Whether `figure_groups` holds every row and `chronology` every entry. An HTML page
    /// holds them only when there are no more of each than `rows_per_page`; `figure_groups` is
    /// then empty (the rows are on the series pages) and `chronology` holds the latest
    /// `rows_per_page` entries.
    pub shows_all: bool,
    /// The most rows a page holds (`rows_per_page`).
    pub rows_per_page: usize,
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
    /// `bounded` (for an HTML page) leaves out the rows and all but the latest entries of a
    /// briefing with more of either than `rows_per_page`. A page after the first holds only its
    /// share of the overview: no text, rows, chronology or articles.
    ///
    /// With `page` (an HTML page: `Some(n)`, from 0), `series` holds that page's share of the
    /// overview, `rows_per_page` series; else every series.
    pub fn briefing_view(
        &self,
        report: &Report,
        i: usize,
        bounded: bool,
        page: Option<usize>,
    ) -> BriefingView {
        let data = &self.briefings[i];
        let b = &report.briefings[data.index];
        let articles = self.by_report_index();
        let per_page = report.config.rows_per_page;
        let shows_all = !bounded || (data.figure_count <= per_page && data.event_count <= per_page);
        let later = page.is_some_and(|n| n > 0);
        let (figure_groups, chronology) = if later {
            (Vec::new(), Vec::new())
        } else if shows_all {
            (
                group_views(&b.figures, &articles),
                chronology_view(&b.chronology, &articles),
            )
        } else {
            (
                Vec::new(),
                chronology_view(&latest_entries(&b.chronology, per_page), &articles),
            )
        };
        let series = match page {
            Some(n) => data
                .series
                .iter()
                .skip(n * per_page)
                .take(per_page)
                .cloned()
                .collect(),
            None => data.series.clone(),
        };
        let mut data = data.clone();
        data.series = Vec::new();
        data.more_pages = Vec::new();
        if later {
            data.articles = Vec::new();
        }
        BriefingView {
            data,
            body_html: if later {
                String::new()
            } else {
                crate::content::render_markdown_text(&b.briefing.text[b.briefing.body_offset..])
            },
            timeline: timeline_view(&chronology, BRIEFING_TIMELINE),
            figure_groups,
            chronology,
            series,
            shows_all,
            rows_per_page: per_page,
        }
    }

    /// One page of a series: its group with the page's rows, and a chart of them whose points
    /// link to the rows by their number in the whole series.
    pub fn series_page(&self, report: &Report, page: SeriesPage) -> FigureGroupView {
        let data = &self.briefings[page.briefing];
        let b = &report.briefings[data.index];
        let group = &b.figures[page.series];
        let per_page = report.config.rows_per_page;
        let first = page.page * per_page;
        let rows =
            &group.rows[first.min(group.rows.len())..(first + per_page).min(group.rows.len())];
        let part = FigureGroup {
            name: group.name.clone(),
            label: group.label.clone(),
            measure: group.measure.clone(),
            scope: group.scope.clone(),
            unit: group.unit.clone(),
            rows: rows.to_vec(),
            is_series: group.is_series,
            has_conflict: group.has_conflict,
            note: group.note.clone(),
        };
        let mut view = group_view(
            &part,
            data.series[page.series].id.clone(),
            &self.by_report_index(),
        );
        if let Some(chart) = view.chart.as_mut() {
            for p in &mut chart.points {
                p.row += first;
            }
        }
        view
    }

    /// The rows of `view.briefings[i]`'s figure table, each with the label of its series, series
    /// by series: what its `figures.csv` holds.
    pub fn briefing_rows<'a>(
        &'a self,
        report: &'a Report,
        i: usize,
    ) -> Vec<(&'a str, &'a FigureView)> {
        let b = &report.briefings[self.briefings[i].index];
        b.figures
            .iter()
            .flat_map(|g| {
                g.rows.iter().map(|r| {
                    let article = &self.articles[self.positions[r.article]];
                    (g.label.as_str(), &article.figures[r.figure])
                })
            })
            .collect()
    }

    /// The chronology of `view.briefings[i]`: what its calendar and
    /// TimelineJS file are made from.
    pub fn briefing_chronology(&self, report: &Report, i: usize) -> Vec<ChronologyGroupView> {
        let b = &report.briefings[self.briefings[i].index];
        chronology_view(&b.chronology, &self.by_report_index())
    }

    /// One page of a chronology period: its group holding the page's entries, `per_page` of
    /// them (its `count` stays the period's).
    pub fn period_page(&self, page: PeriodPage, per_page: usize) -> ChronologyGroupView {
        let g = &self.chronology[page.group];
        let first = (page.page * per_page).min(g.entries.len());
        let last = (first + per_page).min(g.entries.len());
        ChronologyGroupView {
            key: g.key.clone(),
            label: g.label.clone(),
            href: g.href.clone(),
            count: g.count,
            entries: g.entries[first..last].to_vec(),
            year: g.year,
        }
    }

    /// Every page of the site the sitemap lists, in its order: the index, the chronology and
    /// its period pages, search, each briefing with its further pages, then every article.
    fn sitemap_entries(&self, per_page: usize) -> Vec<SitemapEntry> {
        let entry = |href: String, lastmod: Option<&str>| SitemapEntry {
            href,
            lastmod: lastmod.map(str::to_string),
        };
        let built = Some(self.site.built.as_str());
        let mut entries = vec![
            entry("index.html".into(), built),
            entry("chronology.html".into(), built),
        ];
        if self.chronology_paged {
            for g in &self.chronology {
                let pages = g.count.div_ceil(per_page).max(1);
                entries
                    .extend((0..pages).map(|n| entry(period_page_path(&g.key, n, PAGE_EXT), None)));
            }
        }
        entries.push(entry("search.html".into(), built));
        for b in &self.briefings {
            let latest = b.articles.first().map(|a| a.published.as_str());
            entries.push(entry(b.href.clone(), latest));
            entries.extend(b.more_pages.iter().map(|href| entry(href.clone(), None)));
        }
        entries.extend(
            self.articles
                .iter()
                .map(|a| entry(a.href.clone(), Some(&a.published))),
        );
        entries
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
    /// The chronology on a timeline, when it is on one page (not paged).
    pub chronology_timeline: Option<TimelineView>,
    /// The chronology's statements by month.
    pub chronology_histogram: Option<HistogramView>,
    /// Every page of every series of every briefing, briefing by briefing.
    #[serde(skip)]
    pub series_pages: Vec<SeriesPage>,
    /// Every HTML page of every briefing (position in `briefings`, page from 0): a briefing
    /// with more series than `rows_per_page` lists them over several pages.
    #[serde(skip)]
    pub briefing_pages: Vec<(usize, usize)>,
    /// Every period page (when the chronology is paged): a period with more entries than
    /// `rows_per_page` lists them over several pages.
    #[serde(skip)]
    pub period_pages: Vec<PeriodPage>,
    /// Every page the sitemap lists (see [`ReportView::sitemap_entries`]).
    #[serde(skip)]
    pub sitemap: Vec<SitemapEntry>,
    /// For each article of the report, its position in `articles`.
    #[serde(skip)]
    positions: Vec<usize>,
}

/// The extension of article and briefing pages in links (`html`).
const PAGE_EXT: &str = "html";

/// Builds every view of the report. The views carry the claims from then on: each article's
/// claims are freed as soon as its view is built, so that the two are never all held at once.
///
/// The chronology's timeline is made only when the chronology is on one page (at most
/// `chronology_on_one_page` statements): at 10,000 articles a timeline of every statement was
/// 29 MB.
pub fn build_views(report: &mut Report) -> ReportView {
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
    let chronology = chronology_view(&report.chronology, &refs);
    let briefings: Vec<BriefingData> = report
        .briefings
        .par_iter()
        .enumerate()
        .map(|(i, b)| briefing_data(i, b, &articles, report.config.rows_per_page))
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
    let series_pages = briefings
        .iter()
        .enumerate()
        .flat_map(|(briefing, b)| {
            b.series.iter().enumerate().flat_map(move |(series, s)| {
                (0..s.page_count).map(move |page| SeriesPage {
                    briefing,
                    series,
                    page,
                })
            })
        })
        .collect();
    let per_page = report.config.rows_per_page;
    for b in &mut briefings {
        let overview = (1..b.series.len().div_ceil(per_page))
            .map(|n| briefing_page_path(&b.slug, n, PAGE_EXT));
        let series = b
            .series
            .iter()
            .flat_map(|s| (0..s.page_count).map(|n| series_page_path(&b.slug, &s.id, n, PAGE_EXT)));
        b.more_pages = overview.chain(series).collect();
    }
    let briefing_pages = briefings
        .iter()
        .enumerate()
        .flat_map(|(i, b)| (0..b.series.len().div_ceil(per_page).max(1)).map(move |n| (i, n)))
        .collect();
    let period_pages = if chronology_paged {
        chronology
            .iter()
            .enumerate()
            .flat_map(|(group, g)| {
                (0..g.count.div_ceil(per_page).max(1)).map(move |page| PeriodPage { group, page })
            })
            .collect()
    } else {
        Vec::new()
    };
    let chronology_timeline = if chronology_paged {
        None
    } else {
        timeline_view(&chronology, usize::MAX)
    };
    let chronology_histogram = histogram_view(&chronology);
    let mut view = ReportView {
        site,
        articles,
        briefings,
        chronology,
        chronology_paged,
        chronology_timeline,
        chronology_histogram,
        series_pages,
        briefing_pages,
        period_pages,
        sitemap: Vec::new(),
        positions,
    };
    view.sitemap = view.sitemap_entries(per_page);
    view
}

/// A briefing's data and counts, without building its tables and chronology.
fn briefing_data(
    index: usize,
    b: &crate::assemble::BriefingEntry,
    articles: &[ArticleView],
    per_page: usize,
) -> BriefingData {
    let mut taken = std::collections::HashSet::new();
    let series = b
        .figures
        .iter()
        .map(|g| {
            let id = unique_id(&g.name, g.rows.len(), &mut taken);
            let figure = |r: &crate::assemble::FigureRow| &articles[r.article].figures[r.figure];
            let latest = g
                .rows
                .iter()
                .rev()
                .find(|r| figure(r).as_of.is_some())
                .or(g.rows.last())
                .map(|r| {
                    let mut f = figure(r).clone();
                    f.conflict = r.conflict;
                    f
                });
            let sparkline = if g.is_series {
                let rows: Vec<&FigureView> = g.rows.iter().map(figure).collect();
                super::charts::chart(&rows).map(|c| super::charts::sparkline(&c))
            } else {
                None
            };
            SeriesSummary {
                href: series_page_path(&b.briefing.slug, &id, 0, PAGE_EXT),
                id,
                label: g.label.clone(),
                measure: g.measure.clone(),
                scope: g.scope.clone(),
                unit: g.unit.clone(),
                row_count: g.rows.len(),
                page_count: g.rows.len().div_ceil(per_page).max(1),
                has_conflict: g.has_conflict,
                is_series: g.is_series,
                latest,
                sparkline,
            }
        })
        .collect();
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
        series,
        more_pages: Vec::new(),
        figure_files: vec![format!("briefings/{}.figures.csv", b.briefing.slug)],
        figures_index: None,
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

/// `date` when outputs can write it: a year from 1 to 9999. iCalendar dates, Atom and sitemap
/// dates and HTML `datetime` values all have four-digit years; chrono writes 10000-01-01 as
/// `+10000-01-01`, which none of them reads.
pub(crate) fn writable(date: chrono::NaiveDate) -> Option<chrono::NaiveDate> {
    use chrono::Datelike;
    (1..=9999).contains(&date.year()).then_some(date)
}

/// A calendar period in ISO 8601, as schema.org's `temporalCoverage` wants it: a day, month or
/// year as that date ("2024-03-20", "2023-07", "2023"); a week, quarter, season, half year or
/// decade, which ISO 8601 has no date for (or, for a week, one few readers parse), as the interval
/// of its first and last days ("2024-01-01/2024-03-31" for 2024-Q1). None when a day of it falls
/// outside the years 1 to 9999 (see [`writable`]).
pub fn iso_8601(start: chrono::NaiveDate, precision: Precision) -> Option<String> {
    use chrono::Datelike;
    let start = writable(start)?;
    Some(match precision {
        // `writable` keeps the year within 1..=9999: four digits, as `%Y` writes them.
        Precision::Day => start.to_string(),
        Precision::Month => format!("{:04}-{:02}", start.year(), start.month()),
        Precision::Year => format!("{:04}", start.year()),
        Precision::Week
        | Precision::Quarter
        | Precision::Season
        | Precision::Half
        | Precision::Decade => {
            let last = end_of(start, precision)?.pred_opt().and_then(writable)?;
            format!("{start}/{last}")
        }
    })
}

/// The day after the last day of `p`: its exclusive end.
pub(crate) fn period_end(p: &Period) -> Option<chrono::NaiveDate> {
    end_of(p.start, p.precision)
}

/// The day after the last day of the period of `precision` starting on `start`.
fn end_of(start: chrono::NaiveDate, precision: Precision) -> Option<chrono::NaiveDate> {
    let months = |n| start.checked_add_months(chrono::Months::new(n));
    match precision {
        Precision::Day => start.succ_opt(),
        Precision::Week => start.checked_add_days(chrono::Days::new(7)),
        Precision::Month => months(1),
        Precision::Quarter | Precision::Season => months(3),
        Precision::Half => months(6),
        Precision::Year => months(12),
        Precision::Decade => months(120),
    }
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
                (f.anchor, "figure", figure_title(f))
            } else {
                let d = &data.dates[i];
                (d.anchor, "date", d.value.to_string())
            };
            Some(Mark {
                range: m.start..m.end,
                id: anchor?.to_string(),
                class,
                title,
            })
        })
        .collect()
}

fn figure_title(f: &FigureView) -> String {
    let mut t = f.amount(f.value);
    if let Some(u) = f.unit.as_ref().filter(|_| f.kind != FigureKind::Money) {
        t.push(' ');
        t.push_str(u);
    }
    if let Some(s) = &f.said_by {
        t.push_str(" — ");
        t.push_str(s);
    }
    t
}

fn article_view(index: usize, entry: &ArticleEntry) -> ArticleView {
    let a = &entry.article;
    let (marks, figure_anchors, date_anchors) = marks(entry);
    let href = format!("articles/{}.{PAGE_EXT}", a.id);
    let line_index = crate::diagnostics::LineIndex::new(&a.text);
    let published = a.published.to_string();
    // The article's fields that each of its claims repeats: one copy, shared. (The claims' own
    // strings are shared with the claims: short ones are inline, sentences are counted.)
    let from = Arc::new(ClaimSource {
        article: a.id.0.clone(),
        article_title: a.title.clone(),
        article_source: a.source.clone(),
        article_href: href.clone(),
        article_url: a.url.clone(),
        article_published: published.clone(),
    });
    let figures: Vec<FigureView> = entry
        .claims
        .figures
        .iter()
        .zip(figure_anchors)
        .enumerate()
        .map(|(i, (f, anchor))| FigureView {
            anchor: anchor.then(|| Anchor::figure(i)),
            from: from.clone(),
            text: f.text.clone(),
            value: f.value,
            unit: f.unit.clone(),
            measure: f.measure.clone(),
            scope: f.scope.clone(),
            qualifier: f.qualifier,
            kind: f.kind,
            direction: f.direction,
            status: f.status,
            said_by: f.said_by.clone(),
            said_by_kind: f.said_by_kind,
            as_of: f.as_of.clone(),
            sentence: f.sentence.clone(),
            start: f.start,
            end: f.end,
            line: line_index.locate(&a.text, f.span.start).0,
            hand: f.hand,
            conflict: false,
            restated: Vec::new(),
        })
        .collect();
    let dates: Vec<DateView> = entry
        .claims
        .dates
        .iter()
        .zip(&date_anchors)
        .enumerate()
        .map(|(i, (d, anchor))| DateView {
            anchor: anchor.then(|| Anchor::date(i)),
            text: d.text.clone(),
            kind: d.kind,
            value: d.value.clone(),
            modifier: d.modifier.clone(),
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
                .and_then(|&i| dates[i].anchor);
            Arc::new(EventView {
                anchor,
                date: e.date.clone(),
                date_text: e.date_text.clone(),
                text: e.text.clone(),
                said_by: e.said_by.clone(),
                said_by_kind: e.said_by_kind,
                from: from.clone(),
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
        published_display: Period::day(a.published).label(),
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

/// The views of a briefing's figure groups, each with an id of its own.
fn group_views(groups: &[FigureGroup], articles: &[&ArticleView]) -> Vec<FigureGroupView> {
    let mut taken = std::collections::HashSet::new();
    groups
        .iter()
        .map(|g| group_view(g, unique_id(&g.name, g.rows.len(), &mut taken), articles))
        .collect()
}

/// The slug of `name` ("containers"), or "figures"; with "-2", "-3"… when it is taken already
/// (two series can slug alike: "jobs" measured and "jobs" counted). A group's rows are anchored
/// `fig-<id>-<row>`, so `taken` holds the ids of the rows too, and an id is taken when one of
/// its rows' is: "number-change-china-2" was both the second "number-change-china" group and
/// the second row of the first (a duplicate id on the page).
fn unique_id(name: &str, rows: usize, taken: &mut std::collections::HashSet<String>) -> String {
    let base = crate::content::slugify(name).unwrap_or_else(|| "figures".into());
    let free = |id: &str, taken: &std::collections::HashSet<String>| {
        !taken.contains(id) && (1..=rows).all(|row| !taken.contains(&format!("{id}-{row}")))
    };
    let mut id = base.clone();
    let mut n = 1;
    while !free(&id, taken) {
        n += 1;
        id = format!("{base}-{n}");
    }
    taken.extend((1..=rows).map(|row| format!("{id}-{row}")));
    taken.insert(id.clone());
    id
}

fn group_view(group: &FigureGroup, id: String, articles: &[&ArticleView]) -> FigureGroupView {
    let rows: Vec<FigureView> = group
        .rows
        .iter()
        .map(|r| {
            let figures = &articles[r.article].figures;
            let mut v = figures[r.figure].clone();
            v.conflict = r.conflict;
            v.restated = r
                .restated
                .iter()
                .filter_map(|&i| {
                    let again = &figures[i];
                    again.anchor.map(|anchor| Restatement {
                        anchor,
                        line: again.line,
                    })
                })
                .collect();
            v
        })
        .collect();
    FigureGroupView {
        label: group.label.clone(),
        measure: group.measure.clone(),
        scope: group.scope.clone(),
        unit: group.unit.clone(),
        id,
        // Figures that share only a unit are no series: no line joins them.
        chart: group
            .is_series
            .then(|| super::charts::chart(&rows))
            .flatten(),
        rows,
        has_conflict: group.has_conflict,
        note: group.note.clone(),
    }
}

/// The latest `n` entries of `chronology`, in their groups.
fn latest_entries(chronology: &Chronology, n: usize) -> Chronology {
    let mut left = n;
    let mut groups = Vec::new();
    for g in chronology.groups.iter().rev() {
        if left == 0 {
            break;
        }
        let take = g.entries.len().min(left);
        left -= take;
        groups.push(crate::assemble::ChronologyGroup {
            key: g.key.clone(),
            label: g.label.clone(),
            entries: g.entries[g.entries.len() - take..].to_vec(),
        });
    }
    groups.reverse();
    Chronology { groups }
}

fn chronology_view(chronology: &Chronology, articles: &[&ArticleView]) -> Vec<ChronologyGroupView> {
    use chrono::Datelike;
    chronology
        .groups
        .par_iter()
        .map(|g| ChronologyGroupView {
            key: g.key.clone(),
            label: g.label.clone(),
            href: format!("chronology/{}.{PAGE_EXT}", g.key),
            count: g.entries.len(),
            entries: g
                .entries
                .iter()
                .map(|e| articles[e.article].events[e.event].clone())
                .collect(),
            year: g.entries.first().map_or(0, |e| e.start.year()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A pager links the first and last pages and two either side of this one, and marks where
    /// pages are left out; a short list links every page.
    #[test]
    fn a_pager_links_the_ends_and_the_pages_near_this_one() {
        let links = |page, count| {
            Pager::new(page, count, count * 10, 10, |n| format!("p{n}"))
                .pages
                .iter()
                .map(|p| (p.number, p.gap))
                .collect::<Vec<_>>()
        };
        let n = |numbers: &[usize], gaps: &[usize]| {
            numbers
                .iter()
                .map(|&x| (x, gaps.contains(&x)))
                .collect::<Vec<_>>()
        };
        assert_eq!(links(9, 58), n(&[1, 8, 9, 10, 11, 12, 58], &[8, 58]));
        assert_eq!(links(0, 58), n(&[1, 2, 3, 58], &[58]));
        assert_eq!(links(57, 58), n(&[1, 56, 57, 58], &[56]));
        assert_eq!(links(3, 58), n(&[1, 2, 3, 4, 5, 6, 58], &[58]));
        assert_eq!(links(2, 5), n(&[1, 2, 3, 4, 5], &[]));
        assert_eq!(links(0, 1), n(&[1], &[]));
        let p = Pager::new(9, 58, 580, 10, |n| format!("p{n}"));
        assert_eq!(p.pages[1].href, "p7");
    }

    #[test]
    fn timeline_labels_are_the_first_words_of_the_event() {
        assert_eq!(
            short_label("North Korea has shipped around 7,000 containers of arms"),
            "North Korea has shipped…"
        );
        assert_eq!(short_label("Kim met Putin."), "Kim met Putin");
        assert_eq!(
            short_label("But the company said its profit, which fell, would recover"),
            "The company said its…"
        );
        assert_eq!(
            short_label("Prices rose, sharply, in every one of the markets"),
            "Prices rose, sharply, in…"
        );
        assert_eq!(
            short_label("“The number of containers from the North has increased”"),
            "“The number of containers…”"
        );
        let long = short_label(&"x".repeat(100));
        assert_eq!(long.chars().count(), MARK_LABEL);
        assert!(long.ends_with('…'));
        assert!(short_label("").is_empty());
    }

    #[test]
    fn a_cut_quotation_is_closed() {
        assert_eq!(closed_quote("“The number rose".into()), "“The number rose”");
        assert_eq!(
            closed_quote("\"The number rose".into()),
            "\"The number rose\""
        );
        assert_eq!(
            closed_quote("His “priority” rose".into()),
            "His “priority” rose"
        );
    }

    #[test]
    fn headlines_leave_the_date_out() {
        assert_eq!(
            without_date("The border reopened in April 2024.", "April 2024"),
            "The border reopened."
        );
        assert_eq!(
            without_date("On Monday, officials met.", "Monday"),
            "Officials met."
        );
        // "For 1988, BellSouth earned …" was "For, BellSouth earned …".
        assert_eq!(
            without_date("For 1988, BellSouth earned $1.7 billion.", "1988"),
            "BellSouth earned $1.7 billion."
        );
        assert_eq!(
            without_date(
                "Seoul accused Pyongyang the following month of lying.",
                "the following month"
            ),
            "Seoul accused Pyongyang of lying."
        );
        // "by March" is a deadline, not a date to leave out; an expression not found stays.
        for (s, d) in [
            ("It ends by March.", "March"),
            ("It rained.", "May"),
            ("It rained.", ""),
        ] {
            assert_eq!(without_date(s, d), s);
        }
    }

    #[test]
    fn periods_in_iso_8601() {
        let iso = |value: &str| {
            let p = Period::parse(value).unwrap();
            iso_8601(p.start, p.precision)
        };
        assert_eq!(iso("2024-03-18TMO").as_deref(), Some("2024-03-18"));
        assert_eq!(iso("2023-07").as_deref(), Some("2023-07"));
        assert_eq!(iso("2023").as_deref(), Some("2023"));
        assert_eq!(iso("2024-Q1").as_deref(), Some("2024-01-01/2024-03-31"));
        assert_eq!(iso("2023-SU").as_deref(), Some("2023-06-01/2023-08-31"));
        assert_eq!(iso("2023-WI").as_deref(), Some("2023-12-01/2024-02-29"));
        assert_eq!(iso("2024-H2").as_deref(), Some("2024-07-01/2024-12-31"));
        assert_eq!(iso("2024-W12").as_deref(), Some("2024-03-18/2024-03-24"));
        assert_eq!(iso("199").as_deref(), Some("1990-01-01/1999-12-31"));
        assert_eq!(iso("9999-Q4").as_deref(), Some("9999-10-01/9999-12-31"));
        // A winter that ends in the year 10000 cannot be written in four digits.
        assert_eq!(iso("9999-WI"), None);
        assert!(Period::parse("PRESENT_REF").is_none());
    }

    /// The variables templates see for a claim: the fields written from others included.
    #[test]
    fn claim_views_give_templates_every_documented_variable() {
        let figure = FigureView {
            anchor: Some(Anchor::figure(0)),
            from: crate::testing::claim_source(),
            text: "about 300".into(),
            value: 300.0,
            unit: Some("homes".into()),
            measure: Some("homes destroyed (Gaza)".into()),
            scope: Some("Gaza".into()),
            qualifier: Some(Qualifier::Approximately),
            kind: FigureKind::Change,
            direction: Some(Direction::Up),
            status: None,
            said_by: None,
            said_by_kind: None,
            as_of: Period::parse("2023-07"),
            sentence: "About 300 more.".into(),
            start: 1,
            end: 2,
            line: 3,
            hand: false,
            conflict: true,
            restated: Vec::new(),
        };
        assert_eq!(
            serde_json::to_value(&figure).unwrap(),
            json!({"anchor": "f1", "article": "a", "article_title": "A", "article_source": "Wire",
                "article_href": "articles/a.html", "article_url": null,
                "article_published": "2024-01-02", "text": "about 300", "value": 300.0,
                "value_display": "+300", "in_currency": false, "unit": "homes",
                "measure": "homes destroyed (Gaza)",
                "scope": "Gaza", "qualifier": "approximately", "kind": "change",
                "direction": "up", "status": null, "said_by": null, "said_by_type": null, "as_of": "2023-07",
                "as_of_display": "July 2023", "as_of_iso": "2023-07", "sentence": "About 300 more.", "start": 1,
                "end": 2, "line": 3, "hand": false, "conflict": true, "restated": []})
        );
        let cut = FigureView {
            value: 1800.0,
            unit: Some("jobs".into()),
            direction: Some(Direction::Down),
            status: None,
            ..figure.clone()
        };
        let v = serde_json::to_value(&cut).unwrap();
        assert_eq!(
            (&v["value_display"], &v["direction"]),
            (&json!("\u{2212}1,800"), &json!("down"))
        );
        let unknown = FigureView {
            direction: None,
            status: None,
            ..cut
        };
        let v = serde_json::to_value(&unknown).unwrap();
        assert_eq!(
            (&v["value_display"], &v["direction"]),
            (&json!("1,800"), &json!(null)),
            "a change of unknown direction has no sign"
        );
        let level = FigureView {
            value: 7000.0,
            measure: None,
            scope: None,
            qualifier: None,
            kind: FigureKind::Level,
            direction: None,
            status: None,
            as_of: None,
            ..figure
        };
        let v = serde_json::to_value(&level).unwrap();
        assert_eq!(
            (
                &v["value_display"],
                &v["qualifier"],
                &v["kind"],
                &v["as_of_display"],
                &v["measure"],
                &v["scope"],
                &v["direction"]
            ),
            (
                &json!("7,000"),
                &json!(null),
                &json!("level"),
                &json!(null),
                &json!(null),
                &json!(null),
                &json!(null)
            )
        );
        let aid = FigureView {
            value: 2.7e9,
            unit: Some("USD".into()),
            kind: FigureKind::Money,
            ..level.clone()
        };
        assert_eq!(aid.value_display(), "$2.7 billion");
        // A share price's move ("fell 2 1/2") is money too, and no unit follows it.
        let fell = FigureView {
            value: 2.5,
            unit: Some("USD".into()),
            kind: FigureKind::Change,
            direction: Some(Direction::Down),
            ..level.clone()
        };
        assert_eq!(
            (fell.value_display().as_str(), fell.in_currency()),
            ("−$2.50", true)
        );
        let added = FigureView {
            unit: Some("jobs".into()),
            ..fell.clone()
        };
        assert_eq!(
            (added.value_display().as_str(), added.in_currency()),
            ("−2.5", false)
        );
        let loss = FigureView {
            value: 200e6,
            direction: Some(Direction::Down),
            status: None,
            ..aid
        };
        assert_eq!(loss.value_display(), "\u{2212}$200 million");
        // A round count of millions is written in words, as the story writes it; another in full.
        let chips = FigureView {
            value: 46e6,
            unit: Some("chips".into()),
            ..level.clone()
        };
        assert_eq!(chips.value_display(), "46 million");
        let more = FigureView {
            value: 1.2e9,
            ..chips.clone()
        };
        assert_eq!(more.value_display(), "1.2 billion");
        let odd = FigureView {
            value: 1_234_567.0,
            ..chips.clone()
        };
        assert_eq!(odd.value_display(), "1,234,567");
        let small = FigureView {
            value: 7000.0,
            ..chips
        };
        assert_eq!(small.value_display(), "7,000");
        let date = DateView {
            anchor: None,
            text: "last July".into(),
            kind: TimexType::Date,
            value: "2023-07".into(),
            modifier: Some("APPROX".into()),
            start: 4,
            end: 13,
        };
        assert_eq!(
            serde_json::to_value(&date).unwrap(),
            json!({"anchor": null, "text": "last July", "type": "DATE", "value": "2023-07",
                "mod": "APPROX", "display": "July 2023", "type_words": "a date",
                "words": "about July 2023", "start": 4, "end": 13})
        );
        let duration = DateView {
            kind: TimexType::Duration,
            value: "P2Y".into(),
            ..date
        };
        let v = serde_json::to_value(&duration).unwrap();
        assert_eq!(
            (&v["type"], &v["display"], &v["type_words"], &v["words"]),
            (
                &json!("DURATION"),
                &json!(null),
                &json!("a duration"),
                &json!("about 2 years")
            )
        );
        let event = EventView {
            anchor: Some(Anchor::date(1)),
            date: Period::parse("2023-07").unwrap(),
            date_text: "last July".into(),
            text: "It rained last July.".into(),
            said_by: Some("Kim".into()),
            said_by_kind: Some(SpeakerKind::Person),
            from: crate::testing::claim_source(),
            start: 5,
            end: 25,
        };
        assert_eq!(
            serde_json::to_value(&event).unwrap(),
            json!({"anchor": "d2", "date": "2023-07", "date_start": "2023-07-01",
                "date_end": "2023-08-01", "precision": "month", "date_display": "July 2023",
                "date_iso": "2023-07", "date_text": "last July", "text": "It rained last July.",
                "headline": "It rained", "said_by": "Kim", "said_by_type": "Person",
                "article": "a", "article_title": "A", "article_source": "Wire",
                "article_href": "articles/a.html", "article_url": null,
                "article_published": "2024-01-02", "start": 5, "end": 25})
        );
        // The last year a date can name: its end cannot be written, and is left out.
        let last = EventView {
            date: Period::parse("9999").unwrap(),
            ..event
        };
        let v = serde_json::to_value(&last).unwrap();
        assert_eq!(
            (&v["date_start"], &v["date_end"], &v["date_display"]),
            (&json!("9999-01-01"), &json!(""), &json!("9999"))
        );
    }
}
