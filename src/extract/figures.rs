//! Sentences in, figures out: every number a story reports ("around 7,000 containers",
//! "$1.7 billion", "12%", "more than one million artillery rounds", "increased by 300"), with its
//! value, the counted unit, the qualifier and the kind. Dates, times, ordinals, list numbering,
//! ages and numbers inside names are not figures.

use super::words::WordSet;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::direction::{Direction, direction_at};
use super::not_figures::{Candidate, rejects};
use super::noun_phrase::{counted_noun, noun_phrase_after};
use super::numbers::{self, Mode};
use super::tokens::Token;
use super::unit_words::{
    age_after, cents_after, currency_word, dollar_prefix, measure_unit, sterling_after, unit_name,
};
use super::units::{CURRENCY_ABBREVIATIONS, CURRENCY_SYMBOLS, CURRENCY_WORDS};

/// How a figure relates to the true quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// around, about, roughly, some, an estimated.
    #[serde(rename = "approximately")]
    Approximately,
    /// nearly, almost, close to.
    #[serde(rename = "nearly")]
    Nearly,
    /// more than, over, above.
    #[serde(rename = "more than")]
    MoreThan,
    /// at least, no fewer than.
    #[serde(rename = "at least")]
    AtLeast,
    /// up to, as many as.
    #[serde(rename = "up to")]
    UpTo,
    /// less than, fewer than, under.
    #[serde(rename = "less than")]
    LessThan,
}

impl Qualifier {
    /// The label used in JSON and tables.
    pub fn label(self) -> &'static str {
        match self {
            Qualifier::Approximately => "approximately",
            Qualifier::Nearly => "nearly",
            Qualifier::MoreThan => "more than",
            Qualifier::AtLeast => "at least",
            Qualifier::UpTo => "up to",
            Qualifier::LessThan => "less than",
        }
    }

    /// Parses a label (as written in front matter).
    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim().to_lowercase().replace('_', " ");
        Some(match t.as_str() {
            "approximately" | "about" | "around" | "roughly" | "approx" => Qualifier::Approximately,
            "nearly" | "almost" => Qualifier::Nearly,
            "more than" | "over" | "above" => Qualifier::MoreThan,
            "at least" => Qualifier::AtLeast,
            "up to" | "at most" => Qualifier::UpTo,
            "less than" | "fewer than" | "under" | "below" => Qualifier::LessThan,
            _ => return None,
        })
    }
}

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// A quantity at a point in time.
    Level,
    /// A difference ("increased by 300", "a further 350,000").
    Change,
    /// A percentage.
    Percent,
    /// An amount of money.
    Money,
    /// A multiple ("four times").
    Ratio,
}

impl FigureKind {
    /// The label used in JSON and tables.
    pub fn label(self) -> &'static str {
        match self {
            FigureKind::Level => "level",
            FigureKind::Change => "change",
            FigureKind::Percent => "percent",
            FigureKind::Money => "money",
            FigureKind::Ratio => "ratio",
        }
    }

    /// Parses a label (as written in front matter).
    pub fn parse(text: &str) -> Option<Self> {
        Some(match text.trim().to_lowercase().as_str() {
            "level" => FigureKind::Level,
            "change" => FigureKind::Change,
            "percent" => FigureKind::Percent,
            "money" => FigureKind::Money,
            "ratio" => FigureKind::Ratio,
            _ => return None,
        })
    }
}

/// A figure found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureMention {
    /// Byte range of the whole figure ("more than one million artillery rounds").
    pub range: Range<usize>,
    /// Byte range of the number itself.
    pub number: Range<usize>,
    /// The value.
    pub value: f64,
    /// What is counted ("artillery rounds", "percent", "USD"), when known.
    pub unit: Option<String>,
    /// Qualifier, when one is written.
    pub qualifier: Option<Qualifier>,
    /// Level, change, percent, money or ratio.
    pub kind: FigureKind,
    /// Which way a change goes, when the text says.
    pub direction: Option<Direction>,
    /// A forecast or target rather than an outcome, when the text says.
    pub status: Option<super::status::Status>,
    /// What the figure measures ("people displaced", "net income"), when it can be told.
    pub measure: Option<String>,
    /// What the measure applies to (a place or an organization), when the text gives one.
    pub scope: Option<String>,
    /// Index of the sentence it was found in.
    pub sentence: usize,
}

impl FigureMention {
    /// The index of the figure's first token (a qualifier or a currency sign included).
    pub(crate) fn first_token(&self, tokens: &[Token<'_>]) -> usize {
        tokens.partition_point(|t| t.start < self.range.start)
    }

    /// The index of the token right after the figure.
    pub(crate) fn token_after(&self, tokens: &[Token<'_>]) -> usize {
        tokens.partition_point(|t| t.start < self.range.end)
    }
}

/// Determiners of a whole a part is counted of: "nine of the …", "19 of their …".
#[rustfmt::skip]
static DETERMINERS: WordSet = WordSet::new(&[
    "the", "its", "their", "those", "these", "his", "her", "our",
]);

/// People an age is given for between commas: "The woman, 45, was arrested".
#[rustfmt::skip]
static PERSONS: WordSet = WordSet::new(&[
    "man", "woman", "boy", "girl", "mother", "father", "son", "daughter", "wife", "husband",
    "victim", "suspect", "driver", "teacher", "doctor", "nurse", "student", "soldier", "officer",
    "worker", "farmer", "resident", "pilot", "passenger", "defendant", "journalist", "brother",
    "sister", "uncle", "aunt", "cousin", "nephew", "niece", "grandmother", "grandfather",
    "grandson", "granddaughter", "friend", "neighbor", "neighbour", "colleague", "partner",
    "girlfriend", "boyfriend", "fiancee", "fiance", "widow", "widower", "child", "baby",
    "toddler", "teenager", "youth", "player", "striker", "goalkeeper", "midfielder", "defender",
    "coach", "manager", "leader", "owner", "actor", "actress", "singer", "author", "writer",
    "lawyer", "witness", "gunman", "attacker", "hostage", "prisoner", "inmate", "patient",
    "priest", "guard", "rider", "runner", "swimmer", "survivor", "mom", "dad", "spouse",
]);

/// A person named by a noun of a trade or state: "the activist", "a fireman", "the detainee".
fn person_noun(t: &Token<'_>) -> bool {
    let w = t.lower();
    t.lower_in(&PERSONS)
        || w.len() > 5
            && (w.ends_with("ist")
                || w.ends_with("man")
                || w.ends_with("woman")
                || w.ends_with("ee"))
            && w.bytes().all(|b| b.is_ascii_lowercase())
}

static CHANGE_VERBS: WordSet = WordSet::new(&[
    "increased",
    "increase",
    "increases",
    "rose",
    "rise",
    "rises",
    "risen",
    "fell",
    "fall",
    "falls",
    "fallen",
    "decreased",
    "decrease",
    "dropped",
    "drop",
    "declined",
    "decline",
    "grew",
    "grow",
    "grown",
    "climbed",
    "jumped",
    "surged",
    "soared",
    "rocketed",
    "skyrocketed",
    "slumped",
    "plunged",
    "gained",
    "lost",
    "cut",
    "raised",
    "reduced",
    "expanded",
    "shrank",
    "up",
    "down",
    "added",
    "slipped",
    "tumbled",
]);

/// The most figures of one sentence that are read with their neighbours and named.
const MAX_LINKED_PER_SENTENCE: usize = 64;

/// Finds the figures of every sentence. `excluded` holds byte ranges already taken by temporal
/// expressions (years, dates, durations), sorted.
pub(crate) fn find_figures(
    text: &str,
    sentences: &[Range<usize>],
    tokenized: &[Vec<Token<'_>>],
    excluded: &[Range<usize>],
) -> Vec<FigureMention> {
    let mut out = Vec::new();
    // The paragraph of each sentence (a blank line between two sentences starts a new one), and
    // the period the paragraph's amounts are for, carried from sentence to sentence.
    let mut paragraphs: Vec<usize> = Vec::with_capacity(sentences.len());
    let mut period: Option<&'static str> = None;
    // The currency of the last share price quoted ("to close at 185 pence"), for bare quotes.
    let mut quoted_in: Option<String> = None;
    let mut read_to = 0;
    for (si, (sentence, tokens)) in sentences.iter().zip(tokenized).enumerate() {
        let mut paragraph = paragraphs.last().copied().unwrap_or(0);
        if sentence.start > read_to {
            if text[read_to..sentence.start].contains("\n\n") {
                paragraph += 1;
                period = None;
            }
            read_to = sentence.start;
        }
        paragraphs.push(paragraph);
        let nums = numbers::scan(text, sentence.clone(), Mode::News);
        let start = out.len();
        // The first token no figure has taken yet.
        let mut free = 0;
        for (k, n) in nums.iter().enumerate() {
            let i = tokens.partition_point(|t| t.end <= n.range.start);
            // A number must start a token: "19" in "COVID-19" does not.
            if i < free || tokens.get(i).is_none_or(|t| t.start != n.range.start) {
                continue;
            }
            let e = tokens.partition_point(|t| t.start < n.range.end);
            if e <= i {
                continue;
            }
            // "3 to 5 million tonnes": the lower end counts in the upper end's scale.
            let scaled = nums.get(k + 1).and_then(|upper| {
                let value = super::range_ends::scaled_lower_end(text, n, upper)?;
                Some(numbers::Num {
                    value,
                    scaled: true,
                    ..n.clone()
                })
            });
            let found = NumberAt {
                num: scaled.as_ref().unwrap_or(n),
                first: i,
                after: e,
                next: nums.get(k + 1),
            };
            if let Some((mut f, next)) = figure_at(text, tokens, &found, excluded) {
                f.sentence = si;
                out.push(f);
                free = next;
            }
        }
        super::range_ends::drop_bare_pairs(text, &mut out, start);
        let words = super::shares::find(tokens, &out[start..], excluded);
        if !words.is_empty() {
            out.extend(
                words
                    .into_iter()
                    .map(|f| FigureMention { sentence: si, ..f }),
            );
            out[start..].sort_by_key(|f| f.range.start);
        }
        super::quotes::mark(tokens, &mut out[start..], quoted_in.as_deref());
        fill_change_units(text, tokens, &mut out[start..]);
        let mut sentence_figures = out.split_off(start);
        // A "sentence" of hundreds of figures is a table or a dump, not prose: its figures are
        // kept as found, unlinked and unnamed, so that such input costs linear time.
        if sentence_figures.len() <= MAX_LINKED_PER_SENTENCE {
            super::neighbours::link(text, tokens, &mut sentence_figures);
            if let Some(p) = super::measure::assign(tokens, &mut sentence_figures, period) {
                period = Some(p);
            }
            super::neighbours::share_measures(tokens, &mut sentence_figures);
        }
        if let Some(unit) = sentence_figures
            .iter()
            .filter(|f| {
                f.measure
                    .as_deref()
                    .is_some_and(|m| m.starts_with("share price") && !m.contains(" per "))
            })
            .find_map(|f| f.unit.clone().filter(|u| u != "cents"))
        {
            quoted_in = Some(unit);
        }
        out.append(&mut sentence_figures);
    }
    super::neighbours::refer_back(tokenized, &mut out);
    super::scope::apply_scopes(text, tokenized, &paragraphs, &mut out);
    super::series::fold(text, &mut out);
    out
}

/// A number found by [`find_numbers`].
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// Byte range of the number as written ("one million", "7,000", "1.7bn").
    pub range: Range<usize>,
    /// Its value.
    pub value: f64,
}

/// Every number in `text`, whatever it counts: the number recognizer that [`find_figures`] builds
/// on, before figures are told apart from years, ordinals and the like. Used by the evaluation
/// harness to measure number recognition on its own.
pub fn find_numbers(text: &str) -> Vec<NumberMention> {
    numbers::scan(text, 0..text.len(), Mode::Full)
        .into_iter()
        .map(|n| NumberMention {
            range: n.range,
            value: n.value,
        })
        .collect()
}

pub(crate) fn overlaps(r: &Range<usize>, excluded: &[Range<usize>]) -> bool {
    let i = excluded.partition_point(|e| e.end <= r.start);
    excluded.get(i).is_some_and(|e| e.start < r.end)
}

pub(super) fn lower<'a>(t: &Token<'a>) -> std::borrow::Cow<'a, str> {
    t.lower()
}

/// A number of the sentence and where it sits among the tokens.
struct NumberAt<'n> {
    num: &'n numbers::Num,
    /// Index of the token the number starts.
    first: usize,
    /// Index of the token after the last one the number touches.
    after: usize,
    /// The number after it in the sentence.
    next: Option<&'n numbers::Num>,
}

pub(crate) fn qualifier_before(tokens: &[Token<'_>], i: usize) -> Option<(Qualifier, usize)> {
    let w = |k: usize| tokens.get(k).map(lower).unwrap_or_default();
    if i >= 2 {
        let pair = format!("{} {}", w(i - 2), w(i - 1));
        let q = match pair.as_str() {
            "more than" | "upwards of" | "just over" | "well over" | "excess of" => {
                Some(Qualifier::MoreThan)
            }
            "fewer than" | "less than" | "just under" => Some(Qualifier::LessThan),
            "at least" | "no fewer" => Some(Qualifier::AtLeast),
            "up to" | "as many" | "as much" => Some(Qualifier::UpTo),
            "close to" => Some(Qualifier::Nearly),
            "an estimated" => Some(Qualifier::Approximately),
            _ => None,
        };
        if let Some(q) = q {
            let mut start = i - 2;
            if matches!(pair.as_str(), "excess of") && start > 0 && w(start - 1) == "in" {
                start -= 1;
            }
            if matches!(pair.as_str(), "as many" | "as much") && start > 0 && w(start - 1) == "as" {
                start -= 1;
            }
            return Some((q, start));
        }
        if w(i - 1) == "than" && matches!(w(i - 2).as_ref(), "more" | "fewer" | "less") {
            return None;
        }
    }
    if i >= 1 {
        let q = match w(i - 1).as_ref() {
            "around" | "about" | "approximately" | "roughly" | "some" | "circa" | "approx"
            | "estimated" | "~" => Some(Qualifier::Approximately),
            "nearly" | "almost" => Some(Qualifier::Nearly),
            "over" | "above" => Some(Qualifier::MoreThan),
            "under" | "below" => Some(Qualifier::LessThan),
            _ => None,
        };
        if let Some(q) = q {
            return Some((q, i - 1));
        }
    }
    None
}

/// Denominators of the slash fractions news writes ("1/2", "3/4", "5/8"); "9/11" or "24/7" are
/// names, not fractions.
const SLASH_DENOMINATORS: &[f64] = &[2.0, 3.0, 4.0, 8.0, 16.0];

/// The figure of the number `at`, and the index of the token after it.
fn figure_at(
    text: &str,
    tokens: &[Token<'_>],
    at: &NumberAt<'_>,
    excluded: &[Range<usize>],
) -> Option<(FigureMention, usize)> {
    let i = at.first;
    let n = at.num;
    // "1e309 shells": a number no table or chart can hold is not a figure.
    if !n.value.is_finite() {
        return None;
    }
    let mut value = n.value;
    let spelled_small = n.spelled && !n.scaled;
    let number = n.range.clone();
    let mut end = at.after;
    if n.slash.is_some_and(|d| !SLASH_DENOMINATORS.contains(&d)) {
        return None;
    }
    let prev = |k: usize| i.checked_sub(k).and_then(|p| tokens.get(p));
    let mut start_tok = i;
    let mut unit: Option<String> = None;
    let mut scope: Option<String> = None;
    let mut kind = FigureKind::Level;
    // An explicit unit (currency, measure, age) makes even "one" a figure.
    let mut explicit = false;
    // Currency before the number: "$", "US$", "c $", "€"; "#300 million", as wire archives
    // write the pound sign (glued, with a scale word: "#4" alone is a number sign).
    let pound_sign = prev(1).is_some_and(|p| p.text == "#" && p.end == tokens[i].start)
        && (tokens
            .get(i + 1)
            .is_some_and(|t| matches!(lower(t).as_ref(), "million" | "billion" | "trillion"))
            || tokens[i].text.ends_with(['m', 'M', 'b', 'B']));
    if let Some(p) = prev(1)
        && let Some((_, code)) = CURRENCY_SYMBOLS
            .iter()
            .find(|(s, _)| *s == p.text)
            .or(pound_sign.then_some(&("#", "GBP")))
    {
        unit = Some((*code).to_string());
        kind = FigureKind::Money;
        explicit = true;
        start_tok = i - 1;
        if p.text == "$"
            && let Some((code, first)) = dollar_prefix(tokens, i - 1)
        {
            unit = Some(code.to_string());
            start_tok = first;
        }
    } else if let Some(p) = prev(1)
        && let Some((_, code)) = CURRENCY_ABBREVIATIONS
            .iter()
            .find(|(w, _)| *w == lower(p).as_ref())
    {
        // Wire-service abbreviations before the amount: "dlrs 50 million", "Rs 500".
        unit = Some((*code).to_string());
        kind = FigureKind::Money;
        explicit = true;
        start_tok = i - 1;
    }
    // Letters glued to the number: "75ml", "3-inch", "one-yen", "12-cent-a-share", "£1m".
    let last = tokens.get(end - 1)?;
    if last.end > number.end {
        let rest = text.get(number.end..last.end)?;
        let rest = rest.strip_prefix('-').unwrap_or(rest);
        let head = rest.split('-').next().unwrap_or(rest);
        if kind == FigureKind::Money && rest == "m" {
            value *= 1e6;
        } else if kind == FigureKind::Money && matches!(rest, "a-share" | "per-share") {
            // "a $42-a-share payout": the amount for each share (see the measure's "per share").
        } else if let Some(u) = unit_name(rest).or_else(|| unit_name(head)) {
            unit = Some(u.to_string());
            explicit = true;
        } else if let Some((_, code)) = CURRENCY_WORDS.iter().find(|(w, _)| *w == head) {
            unit = Some((*code).to_string());
            kind = FigureKind::Money;
            explicit = true;
        } else if let Some((_, code)) = CURRENCY_SYMBOLS.iter().find(|(s, _)| *s == rest) {
            unit = Some((*code).to_string());
            kind = FigureKind::Money;
            explicit = true;
        } else {
            // "15-year-old", "5G", "192.168.1.2": not a figure.
            return None;
        }
    }
    let next = tokens.get(end);
    let age = if unit.is_none() {
        age_after(tokens, end)
    } else {
        None
    };
    if overlaps(&number, excluded) && age.is_none() {
        return None;
    }
    // Times ("15:30"), list numbering ("1." at the start), ordinals in names ("number one").
    if next.is_some_and(|x| x.text == ":" && x.start == last.end)
        || prev(1).is_some_and(|p| p.text == ":" && p.end == number.start)
    {
        return None;
    }
    if i == 0 && next.is_some_and(|x| matches!(x.text, "." | ")")) {
        return None;
    }
    if prev(1).is_some_and(|p| {
        matches!(
            lower(p).as_ref(),
            "number"
                | "no"
                | "no."
                | "page"
                | "article"
                | "chapter"
                | "section"
                | "resolution"
                | "route"
                | "flight"
                | "channel"
                | "paragraph"
                | "clause"
                | "verse"
                | "item"
                | "volume"
                | "episode"
                | "version"
                | "code"
                | "postcode"
                | "zip"
                | "zipcode"
        )
    }) {
        return None;
    }
    // "The 3M Co. said": a name written with a capital scale letter glued to its digits.
    if unit.is_none()
        && kind != FigureKind::Money
        && tokens[i]
            .text
            .strip_suffix(['M', 'K', 'B'])
            .is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
        && next.is_some_and(|x| x.is_capitalized())
    {
        return None;
    }
    // An age after a name or a person: "Smith, 45, said", "The woman, 45, was arrested".
    if prev(1).is_some_and(|p| p.text == ",")
        && prev(2).is_some_and(|p| p.is_capitalized() || person_noun(p))
        && next.is_none_or(|x| matches!(x.text, "," | "." | ";" | ")"))
        && value < 130.0
        && value.fract() == 0.0
    {
        return None;
    }
    // Scores, years, phone numbers and codes: a digit group glued to others by dashes ("3-1",
    // "555-0199"; "20-30 people" is a range) or slashes.
    if super::range_ends::joined_not_range(tokens, i, end) {
        return None;
    }
    if next.is_some_and(|x| x.text == "/" && x.start == last.end)
        && tokens
            .get(end + 1)
            .is_some_and(|x| x.text.starts_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    // Suffix units.
    let next_lower = next.map(lower).unwrap_or_default();
    if let Some((u, after)) = age {
        unit = Some(u);
        explicit = true;
        end = after;
    } else if unit.is_none() {
        let points_after = tokens
            .get(end + 1)
            .is_some_and(|t| matches!(lower(t).as_ref(), "point" | "points"));
        if matches!(next_lower.as_ref(), "percentage" | "percent") && points_after {
            // "0.2 percentage point", "3 percent points": a difference of percentages.
            unit = Some("percentage points".into());
            explicit = true;
            end += 2;
        } else if matches!(
            next_lower.as_ref(),
            "%" | "percent" | "percents" | "percentage" | "pct"
        ) {
            unit = Some("percent".into());
            kind = FigureKind::Percent;
            end += 1;
        } else if next_lower == "per" && tokens.get(end + 1).is_some_and(|x| lower(x) == "cent") {
            unit = Some("percent".into());
            kind = FigureKind::Percent;
            end += 2;
        } else if next_lower == "times" || next_lower == "fold" {
            unit = Some("times".into());
            kind = FigureKind::Ratio;
            end += 1;
        } else if let Some((words, code)) = currency_word(tokens, end) {
            unit = Some(code.to_string());
            kind = FigureKind::Money;
            explicit = true;
            end += words;
        } else if sterling_after(tokens, end, n.scaled) {
            unit = Some("GBP".into());
            kind = FigureKind::Money;
            explicit = true;
            end += 1;
        } else if let Some((_, code)) = next
            .and_then(|x| CURRENCY_SYMBOLS.iter().find(|(s, _)| *s == x.text))
            .filter(|(s, _)| *s != "$")
        {
            // "100 ₡", "100,000 ₭".
            unit = Some((*code).to_string());
            kind = FigureKind::Money;
            explicit = true;
            end += 1;
        } else if let Some((u, after)) = measure_unit(tokens, end) {
            unit = Some(u);
            explicit = true;
            end = after;
        } else if let Some(p) = noun_phrase_after(tokens, end, value.abs() <= 1.0) {
            unit = Some(p.unit);
            scope = p.scope;
            end = p.after;
        }
    }
    // "six of the cases", "Five of the victims": a part counts what its whole counts.
    if unit.is_none()
        && next_lower == "of"
        && tokens
            .get(end + 1)
            .is_some_and(|t| t.lower_in(&DETERMINERS))
        && let Some(p) = noun_phrase_after(tokens, end + 2, false)
    {
        unit = Some(p.unit);
        end = p.after;
    }
    // "nine of the European Union's 27 member states": a part counts what its numbered whole
    // counts (the whole stays a figure of its own).
    if unit.is_none()
        && next_lower == "of"
        && let Some(whole) = (end + 2..(end + 7).min(tokens.len()))
            .find(|&k| tokens[k].text.starts_with(|c: char| c.is_ascii_digit()))
        && tokens[end + 1..whole]
            .iter()
            .any(|t| t.is_possessive() || t.lower_in(&DETERMINERS))
        && let Some(p) = noun_phrase_after(tokens, whole + 1, false)
    {
        unit = Some(p.unit);
    }
    // "three were stabbed": a count of people by its predicate ([`super::neighbours`] names it).
    let people_predicate = unit.is_none() && {
        let mut k = end;
        // "some 410,000 of them had fled".
        if tokens.get(k).is_some_and(|t| lower(t) == "of")
            && tokens
                .get(k + 1)
                .is_some_and(|t| matches!(lower(t).as_ref(), "them" | "those"))
        {
            k += 2;
        }
        let from = k;
        while tokens.get(k).is_some_and(|t| {
            matches!(
                lower(t).as_ref(),
                "were" | "was" | "are" | "have" | "had" | "been"
            )
        }) {
            k += 1;
        }
        // "were reported dead", "are feared killed".
        let k = if k > from {
            super::measure::predicate_start(tokens, k)
        } else {
            k
        };
        k > from
            && tokens
                .get(k)
                .is_some_and(|t| t.lower_in(&super::neighbours::PEOPLE_PREDICATES))
    };
    // "Of the eight victims, three were stabbed": the whole the sentence opens with names them.
    if people_predicate
        && tokens.len() > 3
        && lower(&tokens[0]) == "of"
        && lower(&tokens[1]) == "the"
    {
        let whole = lower(&tokens[2]);
        let counted = tokens[2].text.starts_with(|c: char| c.is_ascii_digit())
            || whole == "dozen"
            || numbers::unit_word(&whole).is_some_and(|v| (2..=12).contains(&v));
        let from = if counted { 3 } else { 2 };
        if let Some(p) = noun_phrase_after(tokens, from, false).filter(|p| p.after < i) {
            unit = Some(p.unit);
        }
    }
    if people_predicate && unit.is_none() {
        unit = Some("people".into());
    }
    // "percent of twenty", "per cent of 210": the percentage written before its number.
    if unit.is_none() && prev(1).is_some_and(|p| lower(p) == "of") {
        let before = |k: usize| prev(k).map(lower).unwrap_or_default();
        let (word_at, first) = match before(2).as_ref() {
            "percent" | "percents" | "percentage" => (2, 2),
            "cent" if before(3) == "per" => (2, 3),
            _ => (0, 0),
        };
        let counted_before =
            prev(first + 1).is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit()));
        if word_at > 0 && !counted_before {
            unit = Some("percent".into());
            kind = FigureKind::Percent;
            explicit = true;
            start_tok = i - first;
        }
    }
    // Money in two units: "3 dollars 50 cents", "thirteen dollars and forty-five cents".
    if kind == FigureKind::Money
        && unit.as_deref() != Some("cents")
        && unit.as_deref() != Some("pence")
        && let Some((cents, after)) = cents_after(tokens, end, at.next)
    {
        value += cents / 100.0;
        end = after;
    }
    let candidate = Candidate {
        text,
        tokens,
        number: i,
        after: at.after,
        value,
        spelled: n.spelled,
        unit: unit.as_deref(),
        explicit,
    };
    if rejects(&candidate).is_some() {
        return None;
    }
    if spelled_small && !explicit && unit.is_none() && !people_predicate {
        return None;
    }
    if spelled_small && !explicit && value.abs() <= 1.0 {
        return None;
    }
    let mut qualifier = None;
    // "the count climbed above 8,000", "the rate fell below 3%": the level passed, not the size
    // of the move ("rose over 5%" is still the size).
    let mut passed = false;
    if let Some((q, qs)) = qualifier_before(tokens, start_tok) {
        qualifier = Some(q);
        passed = matches!(lower(&tokens[qs]).as_ref(), "above" | "below");
        start_tok = qs;
    }
    // A change: "increased by 300", "rose 5%", "a further 350,000".
    let w = |k: usize| tokens.get(k).map(lower).unwrap_or_default();
    let mut direction = if passed {
        None
    } else {
        direction_at(tokens, start_tok, end)
    };
    if direction.is_some() {
        mark_change(&mut kind);
    }
    if passed {
        // The verb before stays out of the figure, as "to" keeps it out of "rose to 8,000".
    } else if start_tok >= 2
        && w(start_tok - 1) == "by"
        && CHANGE_VERBS.contains(&w(start_tok - 2).as_ref())
    {
        mark_change(&mut kind);
        start_tok -= 2;
    } else if start_tok >= 1
        && CHANGE_VERBS.contains(&w(start_tok - 1).as_ref())
        && w(start_tok - 1) != "up"
        && w(start_tok - 1) != "down"
    {
        mark_change(&mut kind);
        start_tok -= 1;
    } else if start_tok >= 2
        && matches!(
            format!("{} {}", w(start_tok - 2), w(start_tok - 1)).as_str(),
            "a further" | "an additional" | "an extra" | "another"
        )
    {
        mark_change(&mut kind);
        direction.get_or_insert(Direction::Up);
        start_tok -= 2;
    } else if start_tok >= 1 && w(start_tok - 1) == "another" {
        mark_change(&mut kind);
        direction.get_or_insert(Direction::Up);
        start_tok -= 1;
    }
    let range = tokens.get(start_tok)?.start..tokens.get(end - 1)?.end;
    let status = super::status::status_at(tokens, start_tok);
    Some((
        FigureMention {
            range,
            number,
            value,
            unit,
            qualifier,
            kind,
            direction,
            status,
            measure: None,
            scope,
            sentence: 0,
        },
        end,
    ))
}

/// Money and percentages stay what they are when they change; plain counts become changes.
fn mark_change(kind: &mut FigureKind) {
    if *kind == FigureKind::Level {
        *kind = FigureKind::Change;
    }
}

/// A change with no unit of its own counts what its sentence counts: "the number of containers
/// has increased by 300" → containers; otherwise the unit of the level right after it ("rose 5 to
/// 913 pence"), else of the nearest figure before it ("141.65 yen, off 0.45; 1.83 marks"), else
/// of any figure after it.
/// `b` restates `a` in another unit: ", or" between them ("down 1.49 euros, or 7.4%").
pub(crate) fn restated_after(tokens: &[Token<'_>], a: &FigureMention, b: &FigureMention) -> bool {
    let from = tokens.partition_point(|t| t.start < a.range.end);
    let to = tokens.partition_point(|t| t.start < b.range.start);
    matches!(&tokens[from..to.max(from)], [comma, or] if comma.text == "," && lower(or) == "or")
}

fn fill_change_units(_text: &str, tokens: &[Token<'_>], figures: &mut [FigureMention]) {
    let subject = tokens.windows(3).enumerate().find_map(|(i, w)| {
        (matches!(
            lower(&w[0]).as_ref(),
            "number" | "amount" | "total" | "count"
        ) && lower(&w[1]) == "of")
            .then(|| counted_noun(tokens, i + 2, true).map(|(u, _)| u))
            .flatten()
    });
    for i in 0..figures.len() {
        if figures[i].unit.is_some() || figures[i].kind != FigureKind::Change {
            continue;
        }
        let own = &figures[i].range;
        // "tumbled 5.39, or 1.2%": a change restated after ", or" is in another unit.
        let right_after = figures.get(i + 1).filter(|next| {
            let a = tokens.partition_point(|t| t.start < own.end);
            let b = tokens.partition_point(|t| t.start < next.range.start);
            b.saturating_sub(a) <= 3
                && !restated_after(tokens, &figures[i], next)
                && !tokens[a..b.max(a)].iter().any(|t| t.text == ";")
        });
        // A figure after it in its clause (no comma or semicolon between): "lost 11 working
        // days each to heat, worth roughly $9 billion" does not count dollars.
        let same_clause = |next: &&FigureMention| {
            let a = tokens.partition_point(|t| t.start < own.end);
            let b = tokens.partition_point(|t| t.start < next.range.start);
            !tokens[a..b.max(a)]
                .iter()
                .any(|t| matches!(t.text, "," | ";" | ":"))
        };
        // "lost about 1%, or 3.95": nor does the change it restates.
        let restates = i > 0 && restated_after(tokens, &figures[i - 1], &figures[i]);
        let nearest = right_after
            .into_iter()
            .chain(figures[..i - usize::from(restates)].iter().rev())
            .chain(figures[i + 1..].iter().filter(same_clause))
            .find_map(|f| f.unit.clone());
        figures[i].unit = subject.clone().or(nearest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::sentences::split_sentences;
    use crate::extract::tokens::{Lowered, tokenize_all};

    /// (text, value, unit, qualifier, kind) of a figure.
    type Row = (
        String,
        f64,
        Option<String>,
        Option<&'static str>,
        &'static str,
    );
    /// (text, value, unit, qualifier, kind) of an expected figure.
    type Case<'a> = (&'a str, f64, Option<&'a str>, Option<&'a str>, &'a str);

    fn figs(text: &str) -> Vec<Row> {
        let s = split_sentences(text);
        find_figures(text, &s, &tokenize_all(text, &Lowered::new(text), &s), &[])
            .into_iter()
            .map(|f| {
                (
                    text[f.range].to_string(),
                    f.value,
                    f.unit,
                    f.qualifier.map(Qualifier::label),
                    f.kind.label(),
                )
            })
            .collect()
    }

    fn one(text: &str) -> Row {
        let all = figs(text);
        assert_eq!(all.len(), 1, "{text}: {all:?}");
        all.into_iter().next().unwrap()
    }

    /// A move "above" or "below" a number reaches that level: the number is no change and has
    /// no direction; "rose over 5%" and "fell by more than 2%" stay the size of a move.
    #[test]
    fn a_level_passed_is_no_change() {
        let kind_and_direction = |text: &str| {
            let s = split_sentences(text);
            find_figures(text, &s, &tokenize_all(text, &Lowered::new(text), &s), &[])
                .into_iter()
                .map(|f| (f.value, f.kind.label(), f.direction))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            kind_and_direction("Officials said the tally of detainees climbed above 4,000."),
            [(4000.0, "level", None)]
        );
        assert_eq!(
            kind_and_direction("The jobless rate fell below 5% in May."),
            [(5.0, "percent", None)]
        );
        let over = kind_and_direction("Shares of the miner rose over 5% on Monday.");
        assert_eq!(over[0].1, "percent");
        assert_eq!(over[0].2, Some(Direction::Up));
        let by = kind_and_direction("Output fell by more than 2% in June.");
        assert_eq!(by[0].2, Some(Direction::Down));
    }

    /// Both ends of a range are figures in the range's unit, the lower counted in the upper's
    /// scale when it has none of its own; a score, a split, a phone number, ages and two joined
    /// numbers that count nothing are none.
    #[test]
    fn ranges_give_both_ends() {
        let values = |text: &str| {
            figs(text)
                .into_iter()
                .map(|r| (r.1, r.2))
                .collect::<Vec<_>>()
        };
        let people = Some("people".to_string());
        for text in [
            "The storm displaced 20,000-30,000 people.",
            "The storm displaced 20-30 thousand people.",
            "Between 20 and 30 thousand people fled.",
        ] {
            assert_eq!(
                values(text),
                [(20000.0, people.clone()), (30000.0, people.clone())],
                "{text}"
            );
        }
        assert_eq!(
            values("It will cut 3 to 5 million tonnes of output.")
                .iter()
                .map(|v| v.0)
                .collect::<Vec<_>>(),
            [3e6, 5e6]
        );
        // "800 to 1.2 million": 800 is more than the 1.2 the scale applies to.
        assert_eq!(values("Some 800 to 1.2 million people fled.")[0].0, 800.0);
        for text in [
            "The team won 3-1 on Sunday.",
            "Call 555-0199 now.",
            "It is a 50-50 venture.",
            "Men aged 18-24 were detained.",
            "It bought a 737-800 from the maker.",
        ] {
            assert!(values(text).is_empty(), "{text}: {:?}", values(text));
        }
    }

    /// "pounds" after millions or before a conversion is sterling; otherwise a weight.
    #[test]
    fn pounds_in_millions_are_sterling() {
        let unit = |text: &str| one(text).2;
        assert_eq!(
            unit("It paid 1.2 billion pounds for it."),
            Some("GBP".into())
        );
        assert_eq!(
            figs("Tickets cost 40 pounds ($52) each.")[0].2,
            Some("GBP".into())
        );
        assert_eq!(unit("He lost 20 pounds in May."), Some("pounds".into()));
        assert_eq!(
            unit("It sold 2 million pounds of beef."),
            Some("pounds".into())
        );
    }

    #[test]
    fn number_forms() {
        let cases: &[Case<'_>] = &[
            (
                "They sent about 4,500 trucks of grain.",
                4500.0,
                Some("trucks"),
                Some("approximately"),
                "level",
            ),
            (
                "The fund holds $1.7 billion.",
                1.7e9,
                Some("USD"),
                None,
                "money",
            ),
            (
                "Turnout was 12% lower.",
                12.0,
                Some("percent"),
                None,
                "percent",
            ),
            (
                "He owes 1.5 billion euros.",
                1.5e9,
                Some("EUR"),
                None,
                "money",
            ),
            (
                "Rain reached 410 millimetres.",
                410.0,
                Some("millimetres"),
                None,
                "level",
            ),
            (
                "Over two million tank shells were made.",
                2e6,
                Some("tank shells"),
                Some("more than"),
                "level",
            ),
            (
                "Exports rose by 300 to 5,000 tonnes.",
                300.0,
                Some("tonnes"),
                None,
                "change",
            ),
            (
                "Shares fell 8 percent.",
                8.0,
                Some("percent"),
                None,
                "percent",
            ),
            (
                "They hired a dozen engineers.",
                12.0,
                Some("engineers"),
                None,
                "level",
            ),
            (
                "Prices are four times higher.",
                4.0,
                Some("times"),
                None,
                "ratio",
            ),
            (
                "It holds at least 30,000 refugees.",
                30000.0,
                Some("refugees"),
                Some("at least"),
                "level",
            ),
            (
                "Up to 7.2 million people need aid.",
                7.2e6,
                Some("people"),
                Some("up to"),
                "level",
            ),
        ];
        for (text, value, unit, qual, kind) in cases {
            let (_, v, u, q, k) = if *text == "Exports rose by 300 to 5,000 tonnes." {
                figs(text).into_iter().next().unwrap()
            } else {
                one(text)
            };
            assert!((v - value).abs() < 1e-6 * value.max(1.0), "{text}: {v}");
            assert_eq!(u.as_deref(), *unit, "{text}");
            assert_eq!(q, *qual, "{text}");
            assert_eq!(k, *kind, "{text}");
        }
    }

    #[test]
    fn figure_text_spans_qualifier_and_unit() {
        assert_eq!(
            one("They sent more than one million artillery rounds to the front.").0,
            "more than one million artillery rounds"
        );
        assert_eq!(
            figs("The count increased by 300 to reach around 7,000 boxes in total.")[0].0,
            "increased by 300"
        );
    }

    #[test]
    fn not_figures() {
        for text in [
            "It is his number one priority.",
            "Smith, 45, said so.",
            "Call 555-1234 today.",
            "They met at 15:30.",
            "One of them left.",
            "He won a fifth term.",
        ] {
            assert!(figs(text).is_empty(), "{text}: {:?}", figs(text));
        }
    }

    /// Checks `(text, figure text, value, unit, kind)` rows, each the first figure of its text.
    fn table(rows: &[(&str, &str, f64, &str, &str)]) {
        for (text, want_text, value, unit, kind) in rows {
            let all = figs(text);
            let Some((t, v, u, _, k)) = all.first() else {
                panic!("{text}: no figure");
            };
            assert_eq!(t, want_text, "{text}: {all:?}");
            assert!(
                (v - value).abs() <= 1e-9 * value.abs().max(1.0),
                "{text}: {v} != {value}"
            );
            assert_eq!(u.as_deref(), Some(*unit), "{text}");
            assert_eq!(k, kind, "{text}");
        }
    }

    #[test]
    fn currencies() {
        table(&[
            (
                "The club paid C$ 4.5 million for him.",
                "C$ 4.5 million",
                4.5e6,
                "CAD",
                "money",
            ),
            (
                "It sold for HK$120,000 last week.",
                "HK$120,000",
                120_000.0,
                "HKD",
                "money",
            ),
            (
                "The deal is worth £3m in total.",
                "£3m",
                3e6,
                "GBP",
                "money",
            ),
            (
                "Fines reached 800 million swiss francs.",
                "800 million swiss francs",
                8e8,
                "CHF",
                "money",
            ),
            (
                "A ticket costs 7 dollars and 25 cents.",
                "7 dollars and 25 cents",
                7.25,
                "USD",
                "money",
            ),
            (
                "Its stock closed at 310 pence on Friday.",
                "310 pence",
                310.0,
                "pence",
                "money",
            ),
            (
                "They budgeted 12 lakh rupees for it.",
                "12 lakh rupees",
                1.2e6,
                "INR",
                "money",
            ),
            ("Bread costs 40 ₴ there.", "40 ₴", 40.0, "UAH", "money"),
        ]);
    }

    #[test]
    fn dimensions() {
        table(&[
            (
                "The lake lies 12 km north of town.",
                "12 km",
                12.0,
                "kilometres",
                "level",
            ),
            (
                "A 30-foot wave hit the pier.",
                "30-foot",
                30.0,
                "feet",
                "level",
            ),
            (
                "She ran a four-mile loop.",
                "four-mile",
                4.0,
                "miles",
                "level",
            ),
            (
                "Each vial holds 250ml of serum.",
                "250ml",
                250.0,
                "millilitres",
                "level",
            ),
            (
                "The wall is 2 1/2 metres high.",
                "2 1/2 metres",
                2.5,
                "metres",
                "level",
            ),
            (
                "Winds hit 140 km/h overnight.",
                "140 km/h",
                140.0,
                "kilometres per hour",
                "level",
            ),
            (
                "The site covers 9,000 square metres.",
                "9,000 square metres",
                9000.0,
                "square metres",
                "level",
            ),
            (
                "It dropped to -7 degrees celsius.",
                "-7 degrees celsius",
                -7.0,
                "degrees Celsius",
                "level",
            ),
        ]);
    }

    #[test]
    fn percentage_points_are_not_percentages() {
        let f = one("Growth is now forecast 0.2 percentage point lower.");
        assert_eq!(
            (f.0.as_str(), f.2.as_deref()),
            ("0.2 percentage point", Some("percentage points"))
        );
        let f = one("Tariffs could knock 0.3 percentage points off output.");
        assert_eq!(f.2.as_deref(), Some("percentage points"));
        assert_eq!(one("Prices rose 3 percent.").2.as_deref(), Some("percent"));
    }

    #[test]
    fn parts_count_what_their_whole_counts() {
        let f = one("Police found suspects in six of the cases.");
        assert_eq!(
            (f.0.as_str(), f.2.as_deref()),
            ("six of the cases", Some("cases"))
        );
        let f = one("Five of the victims were children.");
        assert_eq!(f.2.as_deref(), Some("victims"));
        // "one of them" stays incidental; a small count in words needs a noun or a predicate.
        assert!(figs("One of them died.").is_empty());
        assert!(figs("He gave two.").is_empty());
        let f = figs("Of the eight victims, three were stabbed and two were strangled.");
        let units: Vec<_> = f.iter().map(|r| (r.1, r.2.as_deref())).collect();
        assert_eq!(units, [(3.0, Some("victims")), (2.0, Some("victims"))]);
        let f = one("Police said three were shot.");
        assert_eq!((f.1, f.2.as_deref()), (3.0, Some("people")));
        let f = one("The agency said some 410,000 of them had fled.");
        assert_eq!(f.2.as_deref(), Some("people"));
        let f = one("Kazakhstan produced 1.8 million bpd in February.");
        assert_eq!(f.2.as_deref(), Some("barrels per day"));
    }

    #[test]
    fn percentages_changes_ratios_fractions() {
        table(&[
            (
                "Sales fell 12% in March.",
                "fell 12%",
                12.0,
                "percent",
                "percent",
            ),
            (
                "Output shrank by minus two percent.",
                "shrank by minus two percent",
                -2.0,
                "percent",
                "percent",
            ),
            (
                "Police deployed a further 350,000 officers.",
                "a further 350,000 officers",
                350_000.0,
                "officers",
                "change",
            ),
            (
                "Rents are now three times higher.",
                "three times",
                3.0,
                "times",
                "ratio",
            ),
            (
                "Turnout was 45.5 per cent.",
                "45.5 per cent",
                45.5,
                "percent",
                "percent",
            ),
            (
                "Some two and a half million voters stayed home.",
                "Some two and a half million voters",
                2.5e6,
                "voters",
                "level",
            ),
            (
                "The tank held 3/4 gallon of fuel.",
                "3/4 gallon",
                0.75,
                "gallons",
                "level",
            ),
        ]);
    }

    #[test]
    fn ages_and_not_figures() {
        for text in [
            "The bridge is 120 years old now.",
            "The COVID-19 wave ended.",
            "A 15-year-old boy was hurt.",
            "The G7 met after 9/11.",
            "He won a fifth term.",
            "Open 24/7 for all.",
            "One third of them left.",
        ] {
            assert!(figs(text).is_empty(), "{text}: {:?}", figs(text));
        }
    }

    #[test]
    fn participles_modify_units_but_are_not_units() {
        assert_eq!(
            one("They opened nearly 88,000 polling stations.")
                .2
                .as_deref(),
            Some("polling stations")
        );
        assert_eq!(
            one("About 20 armoured vehicles arrived.").2.as_deref(),
            Some("armoured vehicles")
        );
        // A number without its noun, before a predicate of people, counts people.
        assert_eq!(
            one("Officials said 300 were killed.").2.as_deref(),
            Some("people")
        );
        assert_eq!(one("Officials said 300 left.").2, None);
    }

    #[test]
    fn change_takes_the_unit_of_its_subject() {
        let f = figs("The number of shipments has increased by 300 so far.");
        assert_eq!(f[0].2.as_deref(), Some("shipments"));
        assert_eq!(f[0].4, "change");
    }
}
