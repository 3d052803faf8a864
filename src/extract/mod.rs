//! An [`Article`] in, its [`Claims`] out: figures, temporal expressions and dated events, each with
//! its speaker, traced back to the article file by character offsets. The stages are small and
//! each does one job: [`sentences`] → [`timex`] → [`attribution`] → [`figures`], then this module
//! joins them (as-of dates, events) and applies the analyst's curation from front matter.

pub mod attribution;
pub mod direction;
pub mod figures;
mod measure;
mod neighbours;
mod not_figures;
mod noun_phrase;
mod numbers;
pub mod period;
mod places;
mod quote_copies;
mod quotes;
mod range_ends;
pub(crate) mod readings;
mod scope;
pub mod sentences;
mod series;
mod shares;
pub mod speaker_kind;
pub mod status;
pub mod timex;
mod tokens;
mod unit_words;
mod units;
mod words;

use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::content::{Article, PlainText};
use crate::diagnostics::{Diagnostic, Diagnostics};
pub use direction::Direction;
pub use figures::{FigureKind, Qualifier};
pub use period::{Period, Precision, label as period_label};
pub(crate) use quote_copies::Quotes;
pub use status::Status;
pub use timex::{Reading, Timex, TimexType};

/// The short strings of claims (values, units, speakers, dates as written): up to 24 bytes kept
/// inline, so that the hundreds of thousands of claims of a large site do not each make several
/// allocations. Sentences are [`Arc<str>`], one copy shared by the claims of an article that quote
/// the same sentence.
pub type Text = compact_str::CompactString;

/// A figure claim.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FigureClaim {
    /// The figure as written ("around 7,000 containers").
    pub text: Text,
    /// Start, in characters (Unicode scalar values) into the article file.
    pub start: usize,
    /// End, in characters, exclusive.
    pub end: usize,
    /// The value.
    pub value: f64,
    /// What is counted.
    pub unit: Option<Text>,
    /// What the figure measures, with its scope when there is one ("people displaced (South
    /// Sudan)"): figures of one measure and status form one series ([`Self::series_measure`]).
    pub measure: Option<Text>,
    /// What the measure applies to, a place or an organization ("South Sudan").
    pub scope: Option<Text>,
    /// approximately, more than, …
    pub qualifier: Option<Qualifier>,
    /// level, change, percent, money, ratio.
    pub kind: FigureKind,
    /// Which way a change goes (`up` or `down`); the value is its size.
    pub direction: Option<Direction>,
    /// `forecast` for a forecast or target, `None` for an outcome.
    pub status: Option<Status>,
    /// Who said it.
    pub said_by: Option<Text>,
    /// What kind of author said it: a person, an organization or a group
    /// ([`speaker_kind::SpeakerKind`]), decided where the speaker was found.
    #[serde(default)]
    pub said_by_kind: Option<speaker_kind::SpeakerKind>,
    /// As of when (written as its TIMEX3 date value).
    pub as_of: Option<Period>,
    /// The sentence it comes from, as written.
    pub sentence: Arc<str>,
    /// Added by hand in front matter.
    pub hand: bool,
    /// Byte range in the file.
    #[serde(skip)]
    pub span: Range<usize>,
}

/// A temporal expression.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateClaim {
    /// As written.
    pub text: Text,
    /// Start, in characters.
    pub start: usize,
    /// End, in characters, exclusive.
    pub end: usize,
    /// DATE, TIME, DURATION or SET.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value.
    pub value: Text,
    /// TIMEX3 mod (APPROX, START, …).
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Text>,
    /// Byte range in the file.
    #[serde(skip)]
    pub span: Range<usize>,
}

/// A dated statement for the chronology.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventClaim {
    /// When it happened, at the precision the text gives; written as two fields, `date` (its
    /// value, "2023-07") and `precision`.
    #[serde(flatten, with = "period::date_and_precision")]
    pub date: Period,
    /// The sentence, as written.
    pub text: Arc<str>,
    /// Who said it.
    pub said_by: Option<Text>,
    /// What kind of author said it ([`speaker_kind::SpeakerKind`]).
    #[serde(default)]
    pub said_by_kind: Option<speaker_kind::SpeakerKind>,
    /// Start of the sentence, in characters.
    pub start: usize,
    /// End of the sentence, in characters, exclusive.
    pub end: usize,
    /// The temporal expression that dates it, as written.
    pub date_text: Text,
    /// Byte range of the sentence in the file.
    #[serde(skip)]
    pub span: Range<usize>,
    /// Byte range of the dating expression in the file.
    #[serde(skip)]
    pub date_span: Range<usize>,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Claims {
    /// Figures, in text order.
    pub figures: Vec<FigureClaim>,
    /// Temporal expressions, in text order.
    pub dates: Vec<DateClaim>,
    /// Dated statements, in text order.
    pub events: Vec<EventClaim>,
}

/// Words before a date that make it a bound, not the date of what the sentence reports.
const BOUND_WORDS: &[&str] = &[
    "since", "until", "till", "by", "from", "before", "after", "through",
];

/// The most claims of each kind kept for one article. A news story has tens; a file with more
/// than this is a data dump, and keeping every number would make its pages and exports grow far
/// beyond what anyone can read. The excess is dropped with a warning that says so.
pub const MAX_CLAIMS_PER_KIND: usize = 10_000;

/// Extracts the claims of one article, then applies its `claims:` and `ignore:` curation.
pub fn extract_claims(article: &Article) -> (Claims, Diagnostics) {
    let plain = article.plain_text();
    let (mut claims, found) =
        extract_plain(&article.text, &plain, article.published, article.dates);
    let mut diags = curate(article, &mut claims);
    let counts = [
        ("figures", found[0]),
        ("dates", found[1]),
        ("events", found[2]),
    ];
    for (what, n) in counts {
        if n > MAX_CLAIMS_PER_KIND {
            diags.push(
                Diagnostic::warning(
                    &article.path,
                    format!("{n} {what} found; only the first {MAX_CLAIMS_PER_KIND} are kept"),
                )
                .with_help(
                    "is this a data table rather than a story? split it or keep it out of content/",
                ),
            );
        }
    }
    claims.figures.truncate(MAX_CLAIMS_PER_KIND);
    claims.dates.truncate(MAX_CLAIMS_PER_KIND);
    claims.events.truncate(MAX_CLAIMS_PER_KIND);
    (claims, diags)
}

impl FigureClaim {
    /// The measure that names the figure's series: its measure, and for a forecast the status's
    /// words before the scope ("inflation (ECB)" → "inflation forecast (ECB)"), so that forecasts
    /// and outcomes of one quantity are charted and conflict-checked apart.
    pub fn series_measure(&self) -> Option<std::borrow::Cow<'_, str>> {
        let measure = self.measure.as_deref().filter(|m| !m.trim().is_empty())?;
        let Some(status) = self.status else {
            return Some(measure.into());
        };
        let suffix = status.measure_suffix();
        let scoped = self.scope.as_deref().and_then(|scope| {
            let quantity = scope::unscoped(measure, scope)?;
            Some(format!("{quantity}{suffix} ({scope})"))
        });
        Some(
            scoped
                .unwrap_or_else(|| format!("{measure}{suffix}"))
                .into(),
        )
    }
}

/// Extracts claims from `plain`, the story of `file_text`, against the publication date. Keeps at
/// most [`MAX_CLAIMS_PER_KIND`] of each kind and returns how many figures, dates and events were
/// found in all.
fn extract_plain(
    file_text: &str,
    plain: &PlainText,
    published: chrono::NaiveDate,
    reading: Option<Reading>,
) -> (Claims, [usize; 3]) {
    let text = plain.as_str();
    let sentences = sentences::split_sentences(text);
    let lowered = tokens::Lowered::new(text);
    let timexes = timex::tag_lowered(text, lowered.as_str(), published, reading);
    let tokenized = tokens::tokenize_all(text, &lowered, &sentences);
    let speakers = attribution::attribute(text, &sentences, &tokenized);
    let taken: Vec<Range<usize>> = timexes.iter().map(|t| t.start..t.end).collect();
    let found = figures::find_figures(text, &sentences, &tokenized, &taken);
    let chars = CharIndex::new(file_text);
    let to_file = |r: &Range<usize>| plain.to_file(r.start, false)..plain.to_file(r.end, true);
    let slice = |r: &Range<usize>| Text::from(file_text.get(r.clone()).unwrap_or(""));
    let mut quotes = Quotes::default();

    // Which sentence each temporal expression sits in.
    let sentence_of = |at: usize| sentences.partition_point(|s| s.end <= at);
    let mut claims = Claims::default();
    let mut found_events = 0;
    for t in timexes.iter().take(MAX_CLAIMS_PER_KIND) {
        let span = to_file(&(t.start..t.end));
        claims.dates.push(DateClaim {
            text: slice(&span),
            start: chars.at(span.start),
            end: chars.at(span.end),
            kind: t.kind,
            value: t.value.as_str().into(),
            modifier: t.modifier.as_deref().map(Text::from),
            span,
        });
    }
    // Concrete dates that are not bounds ("since July"): they date events and figures.
    let anchors: Vec<(&Timex, Period)> = timexes
        .iter()
        .filter(|t| t.kind == TimexType::Date && !is_bound(text, t.start))
        .filter_map(|t| Period::parse(&t.value).map(|p| (t, p)))
        .collect();
    let mut seen_events: std::collections::HashSet<(usize, &str), words::FnvBuildHasher> =
        Default::default();
    let stated = stated_times(text, &sentences, &anchors, &found, published);
    // The dates that are no happening: the time a forecast is for ("inflation of 2.3% in 2026")
    // and the reference period of a comparison ("down from 2.9% in April").
    let references: std::collections::HashSet<usize> = stated
        .iter()
        .filter(|s| s.forecast || s.base)
        .filter_map(|s| s.at)
        .collect();
    for (k, (t, period)) in anchors.iter().enumerate() {
        if references.contains(&k) || index_base(text, t.end) || compared_with(text, t.start) {
            continue;
        }
        let si = sentence_of(t.start);
        let Some(sentence) = sentences.get(si) else {
            continue;
        };
        if !seen_events.insert((si, period.value.as_str())) {
            continue;
        }
        found_events += 1;
        if claims.events.len() >= MAX_CLAIMS_PER_KIND {
            continue;
        }
        let span = to_file(sentence);
        let date_span = to_file(&(t.start..t.end));
        claims.events.push(EventClaim {
            date: period.clone(),
            text: quotes.get(excerpt(file_text, &span, &date_span)),
            said_by: speakers[si]
                .as_ref()
                .map(|a| a.at(t.start).speaker.as_str().into()),
            said_by_kind: speakers[si].as_ref().map(|a| a.at(t.start).kind),
            start: chars.at(span.start),
            end: chars.at(span.end),
            date_text: slice(&date_span),
            span,
            date_span,
        });
    }
    let totals = [found.len(), timexes.len(), found_events];
    let mut series = DistinctSeries::default();
    let published_day = Period::day(published);
    for (f, stated) in found.into_iter().zip(&stated).take(MAX_CLAIMS_PER_KIND) {
        let speaker = speakers[f.sentence].as_ref().map(|a| a.at(f.range.start));
        // The date written right after the figure is the one it is stated for; else the one
        // nearest its speech verb or itself.
        let stated_for = stated.at.map(|k| &anchors[k].1);
        let as_of = stated_for.cloned().or_else(|| {
            nearest_date(
                text,
                &sentences[f.sentence],
                &anchors,
                speaker.map(|a| &a.verb),
                &f.range,
            )
        });
        // "…, from $85 million": the base of a comparison is of an earlier time than its
        // sentence, even when no date says which; it is never the same time as another undated
        // figure.
        let earlier = as_of.is_none() && stated.base;
        let as_of = as_of.unwrap_or_else(|| published_day.clone());
        let span = to_file(&f.range);
        let sentence = to_file(&sentences[f.sentence]);
        // A figure stated for a time after the story was written is a forecast: "inflation of
        // 2.3% in 2026", "1.9% next year".
        let future = stated_for.is_some_and(|p| p.start > published);
        let status = f.status.or(future.then_some(Status::Forecast));
        let measure = f
            .measure
            .as_deref()
            .filter(|m| earlier || series.admits(m, &as_of, f.sentence, f.value, f.qualifier))
            .map(Text::from);
        claims.figures.push(FigureClaim {
            text: slice(&span),
            start: chars.at(span.start),
            end: chars.at(span.end),
            value: f.value,
            unit: f.unit.as_deref().map(Text::from),
            measure,
            scope: f.scope.as_deref().map(Text::from),
            qualifier: f.qualifier,
            kind: f.kind,
            direction: f.direction,
            status,
            said_by: speaker.map(|a| a.speaker.as_str().into()),
            said_by_kind: speaker.map(|a| a.kind),
            as_of: Some(as_of),
            sentence: quotes.get(excerpt(file_text, &sentence, &span)),
            hand: false,
            span,
        });
    }
    (claims, totals)
}

/// The measures an article has given its figures so far, with their as-of dates, sentences and
/// readings. A figure whose measure and as-of date match an earlier figure's, stated in another
/// sentence with a value that cannot agree with it ("a reward of up to $5 million" and, further
/// on, "the standard $50,000 reward"; "added 358,000 jobs" and "construction … added 92,000 jobs"),
/// is most often another quantity that the measure does not tell apart: it keeps its value, unit
/// and speaker but no measure, so that it is never charted or conflict-checked with the first.
/// Figures of one sentence ("rose to 7.2% from 6.8%", the two ends of a range) are left alone.
#[derive(Default)]
struct DistinctSeries(Vec<(Text, Period, usize, readings::Reading)>);

impl DistinctSeries {
    fn admits(
        &mut self,
        measure: &str,
        as_of: &Period,
        sentence: usize,
        value: f64,
        qualifier: Option<Qualifier>,
    ) -> bool {
        let reading = readings::Reading::of(value, qualifier);
        let clash = self.0.iter().any(|(m, date, s, r)| {
            *s != sentence
                && date == as_of
                && m.eq_ignore_ascii_case(measure)
                && readings::disagree(*r, reading)
        });
        if !clash {
            self.0
                .push((Text::from(measure), as_of.clone(), sentence, reading));
        }
        !clash
    }
}

/// The longest quote kept for a claim, in bytes. A "sentence" longer than this (a run-on line of
/// scraped text) is quoted as a window around the claim, so that memory stays linear in the
/// article's size however many claims one sentence holds.
const MAX_QUOTE: usize = 600;

/// The sentence `span` of `text` (borrowed: most are quoted already, and need no copy), or a
/// window of it around `focus` marked with ellipses.
fn excerpt<'t>(text: &'t str, span: &Range<usize>, focus: &Range<usize>) -> Cow<'t, str> {
    let whole = text.get(span.clone()).unwrap_or("");
    if whole.len() <= MAX_QUOTE {
        return Cow::Borrowed(whole);
    }
    let half = MAX_QUOTE / 2;
    let mut start = focus.start.saturating_sub(half).max(span.start);
    let mut end = (focus.end + half).min(span.end);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    while !text.is_char_boundary(end) {
        end += 1;
    }
    let mut out = String::new();
    if start > span.start {
        out.push('…');
    }
    out.push_str(text[start..end].trim());
    if end < span.end {
        out.push('…');
    }
    Cow::Owned(out)
}

/// Whether the word before `at` makes the date a bound ("since July", "until 2025").
fn is_bound(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    BOUND_WORDS.contains(&word.to_lowercase().as_str())
}

/// What the text says of the time of one figure ([`stated_times`]).
struct Stated {
    /// The date written right after it, the one it is stated for (an index into the anchors):
    /// "up from 96,000 in June", "2.6% in May", "$5 million as of March", "1.9% next year".
    at: Option<usize>,
    /// It is the base of a comparison ("from $85 million", "compared with 2.9%").
    base: bool,
    /// It is a forecast: said so, or stated for a date after publication.
    forecast: bool,
}

/// What the text says of the time of each of `figures`, in order.
fn stated_times(
    text: &str,
    sentences: &[Range<usize>],
    anchors: &[(&Timex, Period)],
    figures: &[figures::FigureMention],
    published: chrono::NaiveDate,
) -> Vec<Stated> {
    figures
        .iter()
        .map(|f| {
            let at = sentences
                .get(f.sentence)
                .and_then(|s| anchor_right_after(text, s, anchors, &f.range));
            Stated {
                at,
                base: after_comparison(&text[..f.range.start]),
                forecast: f.status.is_some() || at.is_some_and(|k| anchors[k].1.start > published),
            }
        })
        .collect()
}

/// Whether the date ending at byte `end` is the base an index is reckoned from: "based on the
/// close of 1969 equaling 100", "(1982-84 = 100)". Nothing happened then that the story tells.
fn index_base(text: &str, end: usize) -> bool {
    let after = text.get(end..).unwrap_or("");
    // "1982-84 = 100": the range's second year.
    let after = after
        .strip_prefix(['-', '–'])
        .map_or(after, |rest| {
            rest.trim_start_matches(|c: char| c.is_ascii_digit())
        })
        .trim_start();
    ["equaling ", "equalling ", "equals ", "equal to ", "="]
        .iter()
        .any(|w| after.starts_with(w))
}

/// Whether the date starting at byte `start` is the period something is compared with
/// ("fell by half compared with May 2022", "higher than in 2019", "versus the year-ago
/// quarter"): the time of the base, not of a happening the story tells.
fn compared_with(text: &str, start: usize) -> bool {
    let mut words = text[..start]
        .rsplit(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(3);
    let is = |w: Option<&str>, any: &[&str]| {
        w.is_some_and(|w| any.iter().any(|a| w.eq_ignore_ascii_case(a)))
    };
    let mut word = words.next();
    if is(word, &["in", "on", "during"]) {
        word = words.next();
    }
    is(word, &["than", "versus", "vs"])
        || (is(word, &["with", "to"]) && is(words.next(), &["compared", "relative"]))
}

/// The index in `anchors` of the date written right after the figure, when only "in", "on",
/// "as of", "for", "by" or "by the end of" stand between.
fn anchor_right_after(
    text: &str,
    sentence: &Range<usize>,
    anchors: &[(&Timex, Period)],
    figure: &Range<usize>,
) -> Option<usize> {
    let lo = anchors.partition_point(|(t, _)| t.start < sentence.start);
    let hi = anchors.partition_point(|(t, _)| t.end <= sentence.end);
    let inside = anchors.get(lo..hi.max(lo))?;
    let at = inside.partition_point(|(t, _)| t.start < figure.end);
    let (t, _) = inside.get(at)?;
    let gap = text
        .get(figure.end..t.start)
        .unwrap_or("")
        .trim()
        .to_lowercase();
    matches!(
        gap.as_str(),
        "" | "in" | "on" | "as of" | "at the end of" | "by the end of" | "for" | "by"
    )
    .then_some(lo + at)
}

/// The date a figure is stated as of when none is written right after it
/// ([`anchor_right_after`]): the concrete date nearest the speech verb in its sentence (a date after
/// the verb, "said Monday", wins over one before it), else the date nearest the figure. `anchors`
/// are sorted by position; the search is a binary search, so a sentence with thousands of figures
/// and dates costs no more than linear time. A date after a word of comparison is the time of
/// the base compared with, not of what is said before it: in "sales rose 3.5%, compared with
/// $8.1 billion a year earlier", the 3.5% is not as of a year earlier.
fn nearest_date(
    text: &str,
    sentence: &Range<usize>,
    anchors: &[(&Timex, Period)],
    verb: Option<&Range<usize>>,
    figure: &Range<usize>,
) -> Option<Period> {
    let lo = anchors.partition_point(|(t, _)| t.start < sentence.start);
    let hi = anchors.partition_point(|(t, _)| t.end <= sentence.end);
    let inside = anchors.get(lo..hi.max(lo))?;
    let anchor = verb.filter(|v| v.start >= sentence.start && v.end <= sentence.end);
    let (point, weight_before) = match anchor {
        Some(v) => (v.clone(), 2),
        None => (figure.clone(), 1),
    };
    // The nearest date after the point and the nearest before it.
    let after = inside.partition_point(|(t, _)| t.start < point.end);
    let next = inside
        .get(after)
        .filter(|(t, _)| !compares(text.get(point.end..t.start).unwrap_or("")))
        .map(|(t, p)| (t.start - point.end, p));
    // ("The number rose by 24,000 compared with November 2021, according to the UN": the date
    // before the verb is the base's, not the time of the rise.)
    let before = inside[..after]
        .iter()
        .rev()
        .find(|(t, _)| t.end <= point.start)
        .filter(|(t, _)| !compared_with(text, t.start))
        .map(|(t, p)| (weight_before * (point.start - t.end) + weight_before - 1, p));
    [next, before]
        .into_iter()
        .flatten()
        .min_by_key(|(d, _)| *d)
        .map(|(_, p)| p.clone())
}

/// Whether the text `before` a figure ends with a word that makes it the base of a comparison
/// ("from", "than", "compared with"), past any qualifier ("from about").
fn after_comparison(before: &str) -> bool {
    let mut words = before
        .rsplit(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .skip_while(|w| {
            matches!(
                w.as_str(),
                "about" | "around" | "roughly" | "nearly" | "almost" | "some" | "approximately"
            )
        });
    match words.next().as_deref() {
        Some("with" | "to") => words.next().as_deref() == Some("compared"),
        Some(w) => BASE_WORDS.contains(&w),
        None => false,
    }
}

/// Words right before the base of a comparison: "from $85 million", "less than 5%".
const BASE_WORDS: [&str; 4] = ["from", "than", "against", "versus"];

/// Whether `gap` holds a word that introduces the base of a comparison: "compared" or one of
/// [`BASE_WORDS`].
fn compares(gap: &str) -> bool {
    gap.split(|c: char| !c.is_alphabetic()).any(|w| {
        let w = w.to_ascii_lowercase();
        w == "compared" || BASE_WORDS.contains(&w.as_str())
    })
}

/// The value of a hand claim's field (`key`, as written), parsed; a word the field does not know
/// is an error at its front matter line, and the claim is kept without it.
fn known_word<T>(
    diags: &mut Diagnostics,
    article: &Article,
    (key, value): (&str, &Option<String>),
    parse: fn(&str) -> Option<T>,
    help: &str,
) -> Option<T> {
    let v = value.as_deref()?;
    let parsed = parse(v);
    if parsed.is_none() {
        diags.push(at_entry(
            Diagnostic::error(&article.path, format!("unknown {key} `{v}` in claims"))
                .with_help(help),
            article,
            key,
            v,
        ));
    }
    parsed
}

/// `diag` placed at the front matter line that sets `key` to `value` ("direction: sideways"),
/// when it can be found there.
fn at_entry(diag: Diagnostic, article: &Article, key: &str, value: &str) -> Diagnostic {
    let front = &article.text[..article.body_offset.min(article.text.len())];
    let at = front.match_indices(key).find_map(|(at, _)| {
        let rest = front[at + key.len()..].trim_start_matches([' ', '\t']);
        let rest = rest.strip_prefix(':')?.trim_start_matches([' ', '\t']);
        let rest = rest.trim_start_matches(['"', '\'']);
        rest.starts_with(value).then_some(at)
    });
    match at {
        Some(at) => diag.at_offset(&article.text, at),
        None => diag,
    }
}

/// Applies `ignore:` (drop extracted claims whose text matches) and `claims:` (add hand-made
/// figures, located by their quote) from the article's front matter.
fn curate(article: &Article, claims: &mut Claims) -> Diagnostics {
    let mut diags = Diagnostics::new();
    // Compared lowercase with runs of white space as one space: a claim whose text spans a
    // line break ("3,200\nshillings") is ignored by the text as one line.
    let key = |text: &str| {
        text.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    for pattern in &article.ignore {
        let p = key(pattern);
        let before = claims.figures.len() + claims.dates.len() + claims.events.len();
        claims.figures.retain(|f| key(&f.text) != p);
        claims.dates.retain(|d| key(&d.text) != p);
        claims.events.retain(|e| key(&e.date_text) != p);
        if before == claims.figures.len() + claims.dates.len() + claims.events.len() {
            diags.push(
                Diagnostic::warning(
                    &article.path,
                    format!("`ignore` entry `{pattern}` matches no extracted claim"),
                )
                .with_help("write the claim's text exactly as `report extract` prints it"),
            );
        }
    }
    let chars = CharIndex::new(&article.text);
    for hand in &article.hand_claims {
        let qualifier = known_word(
            &mut diags,
            article,
            ("qualifier", &hand.qualifier),
            Qualifier::parse,
            "use approximately, nearly, more than, at least, up to or less than",
        );
        let kind = known_word(
            &mut diags,
            article,
            ("kind", &hand.kind),
            FigureKind::parse,
            "use level, change, percent, money or ratio",
        )
        .unwrap_or(FigureKind::Level);
        let direction = known_word(
            &mut diags,
            article,
            ("direction", &hand.direction),
            Direction::parse,
            "use up or down (or increase, decrease)",
        );
        let status = known_word(
            &mut diags,
            article,
            ("status", &hand.status),
            Status::parse,
            "use forecast (or projection, target), or leave it out for an outcome",
        );
        let located = hand.quote.as_deref().and_then(|q| {
            let at = article.text[article.body_offset..].find(q)? + article.body_offset;
            Some(at..at + q.len())
        });
        if let (Some(q), None) = (&hand.quote, &located) {
            diags.push(
                Diagnostic::warning(
                    &article.path,
                    format!("the quote of a hand-made claim is not in the article: `{q}`"),
                )
                .with_help("copy the sentence exactly from the story"),
            );
        }
        let span = located
            .clone()
            .unwrap_or(article.body_offset..article.body_offset);
        claims.figures.push(FigureClaim {
            text: hand
                .text
                .as_deref()
                .map_or_else(|| format_value(hand.value).into(), Text::from),
            start: chars.at(span.start),
            end: chars.at(span.end),
            value: hand.value,
            unit: hand.unit.as_deref().map(Text::from),
            measure: hand.measure.as_deref().map(Text::from),
            scope: None,
            qualifier,
            kind,
            direction,
            status,
            said_by: hand.said_by.as_deref().map(Text::from),
            // A speaker given by hand is known only by its name.
            said_by_kind: hand.said_by.as_deref().map(speaker_kind::speaker_kind),
            // Checked where front matter is read (`is_partial_iso_date`).
            as_of: Some(
                hand.as_of
                    .as_deref()
                    .and_then(Period::parse)
                    .unwrap_or_else(|| Period::day(article.published)),
            ),
            sentence: hand.quote.as_deref().unwrap_or_default().into(),
            hand: true,
            span,
        });
    }
    diags
}

/// A value as readers write it: 7000 → "7,000", 1.5 → "1.5".
pub fn format_value(value: f64) -> String {
    if value.fract() != 0.0 || value.abs() >= 1e15 {
        let s = format!("{value:.3}");
        return s.trim_end_matches('0').trim_end_matches('.').to_string();
    }
    let digits = format!("{}", value.abs() as u64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if value < 0.0 { format!("-{out}") } else { out }
}

/// Byte offsets to character offsets in one text, in O(1) amortized per lookup.
struct CharIndex<'a> {
    text: &'a str,
    /// Character count at every 64th byte.
    checkpoints: Vec<usize>,
}

impl<'a> CharIndex<'a> {
    const STEP: usize = 64;

    fn new(text: &'a str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / Self::STEP + 1);
        let mut count = 0;
        for block in text.as_bytes().chunks(Self::STEP) {
            checkpoints.push(count);
            count += char_starts(block);
        }
        CharIndex { text, checkpoints }
    }

    fn at(&self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        let block = byte / Self::STEP;
        let Some(&base) = self.checkpoints.get(block) else {
            return self.text.chars().count();
        };
        base + self.text.as_bytes()[block * Self::STEP..byte]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count()
    }
}

/// The bytes of `bytes` that start a character (that are no continuation byte, `10xxxxxx`),
/// counted eight at a time.
fn char_starts(bytes: &[u8]) -> usize {
    let mut chunks = bytes.chunks_exact(8);
    let mut count = 0;
    for chunk in &mut chunks {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        // The high bit of each byte whose top two bits are 10.
        let continuations = w & !(w << 1) & 0x8080_8080_8080_8080;
        count += 8 - continuations.count_ones() as usize;
    }
    count
        + chunks
            .remainder()
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_starts_are_the_chars() {
        for text in ["", "abc", "é", "aé€😀bcdefgh", &"é€😀x".repeat(40)] {
            for end in (0..=text.len()).filter(|&e| text.is_char_boundary(e)) {
                assert_eq!(
                    char_starts(&text.as_bytes()[..end]),
                    text[..end].chars().count()
                );
            }
        }
    }

    #[test]
    fn char_offsets() {
        let text = "é".repeat(300) + "abc";
        let idx = CharIndex::new(&text);
        assert_eq!(idx.at(0), 0);
        assert_eq!(idx.at(600), 300);
        assert_eq!(idx.at(601), 301);
        assert_eq!(idx.at(text.len()), 303);
    }

    /// The claims of an article telling `story`, published on `published`.
    fn claims_of(story: &str, published: &str) -> Claims {
        let text = format!("---\ntitle: A\nsource: Wire\npublished: {published}\n---\n{story}\n");
        extract_claims(&crate::testing::article(&text)).0
    }

    /// The year an index is reckoned from is no happening: "based on the close of 1969 equaling
    /// 100" gives no chronology entry, "the index fell in 1987" does.
    #[test]
    fn an_index_base_is_no_event() {
        let events = |story: &str| {
            claims_of(story, "1989-10-30")
                .events
                .iter()
                .map(|e| e.date.to_string())
                .collect::<Vec<_>>()
        };
        assert!(events("Each index is based on the close of 1969 equaling 100.").is_empty());
        assert!(events("The index (1982-84 = 100) rose.").is_empty());
        assert_eq!(events("The index fell sharply in 1987."), ["1987"]);
    }

    /// No weekday, month, place alone or number is ever a speaker, whatever stands next to the
    /// speech verb: a day before or after it ("On Tuesday the agency said", "Friday's report"),
    /// a month opening the sentence, a country acting ("declared a state of emergency", "cut
    /// its tax", "posted a surplus") or named as a place, a count before the speaker noun. (A
    /// place speaks only through a verb of saying: attribution's tests.)
    #[test]
    fn no_day_month_place_or_number_is_a_speaker() {
        let story = "LIMA, March 3 - Peru declared a state of emergency in 6 provinces on Monday \
                     after floods.\n\nOn Tuesday the Andean Relief Agency said 14,000 people had \
                     been moved. Friday's report put the toll at 31.\n\nIn March, 2,400 homes \
                     were lost in Piura, according to the housing ministry. Bolivia sent 120 \
                     soldiers and 8 boats.\n\n\"We have 900 tents left,\" said Rosa de la Vega, \
                     who runs the Red Cross office in Piura. \"Another 3,000 are on the \
                     way.\"\n\nChile, which shares a border with Peru, on Wednesday pledged $5 \
                     million. Seven of 12 regional governors told reporters on Thursday that 40 \
                     bridges were down. In travel to Peru and Bolivia, where bookings fell, \
                     agents say 700 tours were cancelled.\n\nEcuador cut its fuel tax by 10% in \
                     May, and Colombia posted a surplus of $2 billion in April.";
        let claims = claims_of(story, "2025-03-07");
        let speakers: Vec<&str> = claims
            .figures
            .iter()
            .filter_map(|f| f.said_by.as_deref())
            .chain(claims.events.iter().filter_map(|e| e.said_by.as_deref()))
            .collect();
        for s in &speakers {
            let lower = s.to_lowercase();
            assert!(timex::weekday_of(&lower).is_none(), "weekday {s:?}");
            assert!(timex::month_of(&lower).is_none(), "month {s:?}");
            assert!(!places::is_place(&lower), "place {s:?}");
            assert!(!s.chars().any(|c| c.is_ascii_digit()), "number {s:?}");
        }
        let by = |v: f64| {
            claims
                .figures
                .iter()
                .find(|f| f.value == v)
                .and_then(|f| f.said_by.as_deref())
        };
        assert_eq!(by(14_000.0), Some("Andean Relief Agency"), "{speakers:?}");
        assert_eq!(by(900.0), Some("Rosa de la Vega"), "{speakers:?}");
        assert_eq!(by(3_000.0), Some("Rosa de la Vega"), "{speakers:?}");
        assert_eq!(by(6.0), None, "{speakers:?}");
    }

    /// In a story about a country, "the space agency" is one of its bodies, never the country,
    /// even when a speaker's description names the country ("Norwegian space agency head").
    #[test]
    fn a_body_of_a_country_is_not_the_country() {
        let story = "Norway tested a reusable rocket last year, in a move that drew criticism \
                     from Sweden.\n\nNorway recorded around 900 engineers this week, the space \
                     agency said.\n\nNorway has sent 46 launchers to Sweden since 2020, Norwegian \
                     space agency head Ola Berg said. Norway expects more.\n\nNorway opened a \
                     plant in May. Relations between Norway and Sweden have improved.\n\nThe \
                     total rose by 13 from a year earlier to at least 29 launchers, the space \
                     agency said. Sweden said it had launched a satellite, according to the \
                     ministry.";
        let said: Vec<(f64, Option<String>)> = claims_of(story, "2024-03-15")
            .figures
            .iter()
            .map(|f| (f.value, f.said_by.as_deref().map(str::to_string)))
            .collect();
        let by = |v: f64| {
            said.iter()
                .find(|(x, _)| *x == v)
                .and_then(|(_, s)| s.clone())
        };
        assert_eq!(by(900.0).as_deref(), Some("space agency"), "{said:?}");
        assert_eq!(by(29.0).as_deref(), Some("space agency"), "{said:?}");
        assert_eq!(by(46.0).as_deref(), Some("Ola Berg"), "{said:?}");
    }

    /// The period a figure is compared with is not the time of the figure, wherever the speech
    /// verb stands: the rise is as of publication, not of the month compared with.
    #[test]
    fn a_period_compared_with_is_not_the_figure_s_date() {
        let as_of = |story: &str| {
            claims_of(story, "2022-11-05")
                .figures
                .iter()
                .map(|f| f.as_of.as_ref().map_or("", Period::as_str).to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            as_of("The count rose by 24,000 compared with November 2021, according to the agency."),
            ["2022-11-05"]
        );
        assert_eq!(
            as_of("The count rose by 24,000 in October, according to the agency."),
            ["2022-10"]
        );
    }

    /// The period a figure is compared with is no happening: "fell by half compared with May
    /// 2022" and "higher than in 2019" give no chronology entry; what happened in a month does.
    #[test]
    fn a_period_compared_with_is_no_event() {
        let events = |story: &str| {
            claims_of(story, "2024-04-09")
                .events
                .iter()
                .map(|e| e.date.to_string())
                .collect::<Vec<_>>()
        };
        assert!(events("Arrivals fell by almost half compared with May 2022.").is_empty());
        assert!(
            events("The count nearly doubled compared to last March, the agency said.").is_empty()
        );
        assert!(events("Prices are higher than in 2019.").is_empty());
        assert!(events("Output rose 4% versus the same quarter of 2022.").is_empty());
        assert_eq!(
            events("The ministry compared the plans with rivals in May 2022."),
            ["2022-05"]
        );
        assert_eq!(events("Arrivals fell by half in May 2022."), ["2022-05"]);
    }

    /// Two figures of one measure and date in different sentences whose values cannot agree are
    /// not one series: the later keeps its value but no measure. Values that agree, and figures
    /// of one sentence, keep theirs.
    #[test]
    fn figures_that_cannot_agree_are_not_one_series() {
        let measures = |story: &str| {
            claims_of(story, "2024-03-20")
                .figures
                .iter()
                .map(|f| (f.value, f.measure.as_deref().map(str::to_string)))
                .collect::<Vec<_>>()
        };
        let m = measures(
            "Officials offered a reward of $5 million. The standard $50,000 reward is paid on arrest.",
        );
        assert!(m[0].1.is_some(), "{m:?}");
        assert_eq!(m[1], (50_000.0, None), "{m:?}");
        let m = measures(
            "About 7,000 people were displaced. Officials said 7,100 people were displaced.",
        );
        assert!(m.iter().all(|(_, measure)| measure.is_some()), "{m:?}");
        let m = measures("The rate climbed to 7.2% from 6.8%.");
        assert!(m.iter().all(|(_, measure)| measure.is_some()), "{m:?}");
    }

    /// A date after a word of comparison is the base's, not the time of the figure before it;
    /// a base with no date of its own is of an earlier time, never one series with the figure
    /// it is compared with.
    #[test]
    fn a_date_after_the_base_of_a_comparison_is_the_base_s() {
        let text = "---\ntitle: A\nsource: Wire\npublished: 2024-03-20\n---\nSales rose 3.5% to \
                    $8.47 billion, compared with $8.1 billion a year earlier. Inflation was 2.6% in \
                    May, down from 2.9% in April. Net advanced to $94.2 million. Net was $90 \
                    million, up from $85 million.\n";
        let (claims, _) = extract_claims(&crate::testing::article(text));
        let as_of: Vec<(f64, String)> = claims
            .figures
            .iter()
            .map(|f| {
                (
                    f.value,
                    f.as_of.as_ref().map_or("", Period::as_str).to_string(),
                )
            })
            .collect();
        assert_eq!(
            as_of[..5],
            [
                (3.5, "2024-03-20".to_string()),
                (8.47e9, "2024-03-20".to_string()),
                (8.1e9, "2023-03-20".to_string()),
                (2.6, "2023-05".to_string()),
                (2.9, "2023-04".to_string()),
            ]
        );
        let base = claims.figures.iter().find(|f| f.value == 85e6).unwrap();
        assert!(base.measure.is_some(), "{base:?}");
    }

    /// `dates:` in front matter overrides the reading the tagger would choose (issue 15).
    #[test]
    fn front_matter_dates_choose_the_reading() {
        let june = |dates: &str, story: &str| {
            let text = format!(
                "---\ntitle: A\nsource: Wire\npublished: 2024-03-20\n{dates}---\n{story}\n"
            );
            let (claims, _) = extract_claims(&crate::testing::article(&text));
            let june = claims.dates.iter().find(|d| &*d.text == "June");
            june.map(|d| d.value.to_string()).unwrap_or_default()
        };
        let history = "The pact was signed on October 3, 1990. Talks resumed in June.";
        assert_eq!(june("", history), "1990-06");
        assert_eq!(june("dates: news\n", history), "2023-06");
        let news = "The minister said on Monday that the pact of October 3, 1990 was dead. Talks had resumed in June.";
        assert_eq!(june("", news), "2023-06");
        assert_eq!(june("dates: narrative\n", news), "1990-06");
        let (article, diags) = crate::content::parse_article(
            std::path::Path::new("content/articles/a.md"),
            "---\ntitle: A\nsource: Wire\npublished: 2024-03-20\ndates: history\n---\nx\n".into(),
            None,
            crate::content::Strictness::Project,
        );
        assert!(article.is_none());
        let messages: Vec<String> = diags.iter().map(|d| d.to_string()).collect();
        assert!(
            messages
                .iter()
                .any(|m| m
                    .starts_with("content/articles/a.md:5:1: error: invalid `dates`: `history`")),
            "{messages:?}"
        );
    }

    #[test]
    fn formats_values() {
        assert_eq!(format_value(7000.0), "7,000");
        assert_eq!(format_value(1_000_000.0), "1,000,000");
        assert_eq!(format_value(1.5), "1.5");
        assert_eq!(format_value(300.0), "300");
    }
}
