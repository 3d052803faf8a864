//! Sentences in, figures out: every number a story reports ("around 7,000 containers",
//! "$1.7 billion", "12%", "more than one million artillery rounds", "increased by 300"), with its
//! value, the counted unit, the qualifier and the kind. Dates, times, ordinals, list numbering,
//! ages and numbers inside names are not figures.

use std::ops::Range;

use serde::Serialize;

use super::tokens::{Token, tokenize};

/// How a figure relates to the true quantity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, PartialOrd, Ord)]
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
    /// Index of the sentence it was found in.
    pub sentence: usize,
}

const SMALL: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("bn", 1e9),
    ("mn", 1e6),
    ("tn", 1e12),
];

const CURRENCY_SYMBOLS: &[(&str, &str)] = &[
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₩", "KRW"),
    ("₹", "INR"),
    ("₽", "RUB"),
];

const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("pounds sterling", "GBP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("won", "KRW"),
    ("rubles", "RUB"),
    ("roubles", "RUB"),
    ("rupees", "INR"),
    ("francs", "CHF"),
    ("hryvnias", "UAH"),
    ("pesos", "MXN"),
];

const STOPWORDS: &[&str] = &[
    "of", "to", "in", "from", "and", "or", "the", "a", "an", "that", "which", "by", "for", "on",
    "at", "with", "since", "as", "was", "were", "is", "are", "had", "have", "has", "will", "would",
    "be", "been", "than", "per", "each", "this", "these", "those", "it", "its", "their", "his",
    "her", "more", "less", "so", "far", "total", "into", "over", "under", "about", "after",
    "before", "during", "while", "who", "what", "when", "where", "if", "but", "not", "last",
    "next", "ago", "earlier", "later", "a", "year", "years", "month", "months", "week", "weeks",
    "day", "days", "all", "such", "also", "could", "may", "might", "can", "being", "through",
    "against", "between", "out", "up", "down", "off", "among", "until", "there", "here", "now",
    "then", "some", "many", "most", "other", "say", "said", "says", "we", "they", "he", "she", "i",
    "you", "our", "my",
];

const CHANGE_VERBS: &[&str] = &[
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
];

const IRREGULAR_PLURALS: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "personnel",
    "equipment",
    "cattle",
    "police",
    "staff",
    "livestock",
    "aircraft",
    "ammunition",
    "munitions",
    "fish",
    "sheep",
    "deer",
    "data",
    "media",
];

/// Finds the figures of every sentence. `excluded` holds byte ranges already taken by temporal
/// expressions (years, dates, durations), sorted.
pub fn find_figures(
    text: &str,
    sentences: &[Range<usize>],
    excluded: &[Range<usize>],
) -> Vec<FigureMention> {
    let mut out = Vec::new();
    for (si, sentence) in sentences.iter().enumerate() {
        let tokens = tokenize(text, sentence.clone());
        let start = out.len();
        let mut i = 0;
        while i < tokens.len() {
            match figure_at(text, &tokens, i, excluded) {
                Some((mut f, next)) => {
                    f.sentence = si;
                    out.push(f);
                    i = next;
                }
                None => i += 1,
            }
        }
        fill_change_units(text, &tokens, &mut out[start..]);
    }
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
    let tokens = tokenize(text, 0..text.len());
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match tokens[i].is_word().then(|| number_at(&tokens, i)).flatten() {
            Some((value, next, _)) => {
                out.push(NumberMention {
                    range: tokens[i].start..tokens[next - 1].end,
                    value,
                });
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

fn overlaps(r: &Range<usize>, excluded: &[Range<usize>]) -> bool {
    let i = excluded.partition_point(|e| e.end <= r.start);
    excluded.get(i).is_some_and(|e| e.start < r.end)
}

fn lower(t: &Token<'_>) -> String {
    t.text.to_lowercase()
}

/// Parses a digit token ("7,000", "1.5", "1.7bn"): the value and any scale suffix's factor.
fn parse_digits(text: &str) -> Option<f64> {
    let split = text.find(|c: char| c.is_alphabetic()).unwrap_or(text.len());
    let (num, suffix) = text.split_at(split);
    if num.is_empty() || !num.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // Thousands separators must group by three: "7,000" yes, "7,00" no.
    let mut parts = num.split('.');
    let int = parts.next()?;
    let frac = parts.next();
    if parts.next().is_some() {
        return None;
    }
    let groups: Vec<&str> = int.split(',').collect();
    if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
        return None;
    }
    let clean: String = int.chars().filter(|c| *c != ',').collect();
    let value: f64 = match frac {
        Some(f) => format!("{clean}.{f}").parse().ok()?,
        None => clean.parse().ok()?,
    };
    let factor = match suffix.to_lowercase().as_str() {
        "" => 1.0,
        s => SCALES.iter().find(|(w, _)| *w == s)?.1,
    };
    Some(value * factor)
}

fn small_word(word: &str) -> Option<f64> {
    if let Some((tens, units)) = word.split_once('-') {
        let t = SMALL.iter().find(|(w, _)| *w == tens)?.1;
        let u = SMALL.iter().find(|(w, _)| *w == units)?.1;
        return (t >= 20.0 && u < 10.0).then_some(t + u);
    }
    SMALL.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

fn scale_word(word: &str) -> Option<f64> {
    SCALES.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

/// A number starting at token `i`: (value, index after the number, whether it was spelled out
/// with no scale word).
fn number_at(tokens: &[Token<'_>], i: usize) -> Option<(f64, usize, bool)> {
    let t = &tokens[i];
    if t.text.starts_with(|c: char| c.is_ascii_digit()) {
        let mut value = parse_digits(t.text)?;
        let mut j = i + 1;
        while let Some(s) = tokens.get(j).and_then(|n| scale_word(&lower(n))) {
            value *= s;
            j += 1;
        }
        return Some((value, j, false));
    }
    // Spelled out: "one million", "a dozen", "three hundred and twenty", "a million".
    let mut total = 0.0;
    let mut current = 0.0;
    let mut j = i;
    let mut saw_number = false;
    let mut saw_scale = false;
    while j < tokens.len() {
        let w = lower(&tokens[j]);
        if let Some(v) = small_word(&w) {
            current += v;
            saw_number = true;
        } else if w == "a" && !saw_number {
            let next = tokens.get(j + 1).map(lower).unwrap_or_default();
            if scale_word(&next).is_some() || next == "dozen" {
                current = 1.0;
                saw_number = true;
            } else {
                break;
            }
        } else if w == "dozen" && saw_number {
            current *= 12.0;
            saw_scale = true;
        } else if let Some(s) = scale_word(&w).filter(|_| saw_number) {
            if s == 100.0 {
                current *= s;
            } else {
                total += current * s;
                current = 0.0;
            }
            saw_scale = true;
        } else if w == "and"
            && saw_scale
            && tokens
                .get(j + 1)
                .is_some_and(|n| small_word(&lower(n)).is_some())
        {
            // "one hundred and twenty"
        } else {
            break;
        }
        j += 1;
    }
    saw_number.then_some((total + current, j, !saw_scale))
}

fn qualifier_before(tokens: &[Token<'_>], i: usize) -> Option<(Qualifier, usize)> {
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
        if w(i - 1) == "than" && matches!(w(i - 2).as_str(), "more" | "fewer" | "less") {
            return None;
        }
    }
    if i >= 1 {
        let q = match w(i - 1).as_str() {
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

/// The figure whose number starts at token `i`, and the index of the token after it.
fn figure_at(
    text: &str,
    tokens: &[Token<'_>],
    i: usize,
    excluded: &[Range<usize>],
) -> Option<(FigureMention, usize)> {
    let t = &tokens[i];
    if !t.is_word() {
        return None;
    }
    let (value, mut end, spelled_small) = number_at(tokens, i)?;
    let number = t.start..tokens[end - 1].end;
    if overlaps(&number, excluded) {
        return None;
    }
    let prev = |k: usize| i.checked_sub(k).and_then(|p| tokens.get(p));
    let next = tokens.get(end);
    // Times ("15:30"), list numbering ("1." at the start), ordinals in names ("number one").
    if next.is_some_and(|n| n.text == ":") || prev(1).is_some_and(|p| p.text == ":") {
        return None;
    }
    if i == 0 && next.is_some_and(|n| matches!(n.text, "." | ")")) {
        return None;
    }
    if prev(1).is_some_and(|p| {
        matches!(
            lower(p).as_str(),
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
        )
    }) {
        return None;
    }
    // An age after a name: "Smith, 45, said".
    if prev(1).is_some_and(|p| p.text == ",")
        && prev(2).is_some_and(|p| p.is_capitalized())
        && next.is_some_and(|n| n.text == ",")
        && value < 130.0
        && value.fract() == 0.0
    {
        return None;
    }
    // Phone numbers and codes: a digit group glued to others by dashes or slashes.
    if next.is_some_and(|n| matches!(n.text, "-" | "/"))
        && tokens
            .get(end + 1)
            .is_some_and(|n| n.text.starts_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    let mut start_tok = i;
    let mut unit: Option<String> = None;
    let mut kind = FigureKind::Level;
    // Currency before the number: "$", "US$", "€".
    if let Some(p) = prev(1)
        && let Some((_, code)) = CURRENCY_SYMBOLS.iter().find(|(s, _)| *s == p.text)
    {
        unit = Some((*code).to_string());
        kind = FigureKind::Money;
        start_tok = i - 1;
        if *code == "USD" && prev(2).is_some_and(|q| q.text == "US" && q.end == p.start) {
            start_tok = i - 2;
        }
    }
    // Suffix units.
    let next_lower = next.map(lower).unwrap_or_default();
    if unit.is_none() {
        if next_lower == "%" || next_lower == "percent" {
            unit = Some("percent".into());
            kind = FigureKind::Percent;
            end += 1;
        } else if next_lower == "per" && tokens.get(end + 1).is_some_and(|n| lower(n) == "cent") {
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
            end += words;
        } else if let Some((u, after)) = counted_noun(tokens, end) {
            unit = Some(u);
            end = after;
        }
    }
    if spelled_small && unit.is_none() {
        return None;
    }
    if spelled_small && value <= 1.0 {
        return None;
    }
    let mut qualifier = None;
    if let Some((q, qs)) = qualifier_before(tokens, start_tok) {
        qualifier = Some(q);
        start_tok = qs;
    }
    // A change: "increased by 300", "rose 5%", "a further 350,000".
    let w = |k: usize| tokens.get(k).map(lower).unwrap_or_default();
    if start_tok >= 2
        && w(start_tok - 1) == "by"
        && CHANGE_VERBS.contains(&w(start_tok - 2).as_str())
    {
        kind = if kind == FigureKind::Level {
            FigureKind::Change
        } else {
            kind
        };
        mark_change(&mut kind);
        start_tok -= 2;
    } else if start_tok >= 1
        && CHANGE_VERBS.contains(&w(start_tok - 1).as_str())
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
        start_tok -= 2;
    } else if start_tok >= 1 && w(start_tok - 1) == "another" {
        mark_change(&mut kind);
        start_tok -= 1;
    }
    let range = tokens[start_tok].start..tokens[end - 1].end;
    let _ = text;
    Some((
        FigureMention {
            range,
            number,
            value,
            unit,
            qualifier,
            kind,
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

fn currency_word(tokens: &[Token<'_>], at: usize) -> Option<(usize, &'static str)> {
    let w = lower(tokens.get(at)?);
    let (name, code) = CURRENCY_WORDS
        .iter()
        .find(|(n, _)| n.split(' ').next() == Some(w.as_str()))?;
    if name.contains(' ') {
        let second = name.split(' ').nth(1)?;
        return (tokens.get(at + 1).map(lower).as_deref() == Some(second)).then_some((2, code));
    }
    // "US dollars"
    Some((1, code))
}

fn is_plural(word: &str) -> bool {
    IRREGULAR_PLURALS.contains(&word)
        || (word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us"))
}

/// The counted noun phrase after a number: up to three lowercase words, ending at the last plural.
fn counted_noun(tokens: &[Token<'_>], at: usize) -> Option<(String, usize)> {
    let mut words: Vec<(usize, String)> = Vec::new();
    let mut k = at;
    while k < tokens.len() && words.len() < 3 {
        let t = &tokens[k];
        let w = lower(t);
        let alpha = t.text.chars().all(|c| c.is_alphabetic() || c == '-');
        if !alpha
            || t.is_capitalized()
            || STOPWORDS.contains(&w.as_str())
            || w.ends_with("ed")
            || w.ends_with("ing") && !is_plural(&w)
        {
            break;
        }
        words.push((k, w));
        k += 1;
    }
    if words.is_empty() {
        return None;
    }
    let last = words.iter().rposition(|(_, w)| is_plural(w)).unwrap_or(0);
    let phrase: Vec<&str> = words[..=last].iter().map(|(_, w)| w.as_str()).collect();
    Some((phrase.join(" "), words[last].0 + 1))
}

/// A change with no unit of its own counts what its sentence counts: "the number of containers
/// has increased by 300" → containers; otherwise the unit of the nearest figure in the sentence.
fn fill_change_units(_text: &str, tokens: &[Token<'_>], figures: &mut [FigureMention]) {
    let subject = tokens.windows(3).find_map(|w| {
        (matches!(
            lower(&w[0]).as_str(),
            "number" | "amount" | "total" | "count"
        ) && lower(&w[1]) == "of")
            .then(|| {
                counted_noun(tokens, tokens.iter().position(|t| t.start == w[2].start)?)
                    .map(|(u, _)| u)
            })
            .flatten()
    });
    for i in 0..figures.len() {
        if figures[i].unit.is_some() || figures[i].kind != FigureKind::Change {
            continue;
        }
        let nearest = figures[i + 1..]
            .iter()
            .chain(figures[..i].iter().rev())
            .find_map(|f| f.unit.clone());
        figures[i].unit = subject.clone().or(nearest);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::sentences::split_sentences;

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
        find_figures(text, &s, &[])
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

    #[test]
    fn change_takes_the_unit_of_its_subject() {
        let f = figs("The number of shipments has increased by 300 so far.");
        assert_eq!(f[0].2.as_deref(), Some("shipments"));
        assert_eq!(f[0].4, "change");
    }
}
