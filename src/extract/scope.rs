//! Whose figure it is: the place or organization a measure applies to ("people displaced (South
//! Sudan)", "net income (Nordvik)"). A sentence names it before the figure's noun, at its lead,
//! after the figure or by its event; a paragraph carries an amount's scope to the amounts after it;
//! the article's topic is the scope of what names none.

use super::figures::{FigureKind, FigureMention};
use super::measure::{AUXILIARIES, CALENDAR, is_common_word_start, is_count_noun, participle};
use super::tokens::Token;
use super::words::{FnvBuildHasher, WordSet, ascii_lower};

/// The article's main subject: the name written most often in its first twenty sentences (at
/// least three times, the lead's three sentences counting double). It is the scope of every measure whose sentence names none, so that "net
/// income" in a story about Elco is "net income (Elco)" and stays apart from another company's.
pub(crate) fn article_topic<'a>(text: &'a str, tokenized: &[Vec<Token<'a>>]) -> Option<String> {
    let mut counts: std::collections::HashMap<&'a str, usize, FnvBuildHasher> = Default::default();
    // The lead and the first paragraphs say what a story is about; a long tail adds only cost.
    for (si, tokens) in tokenized.iter().enumerate().take(20) {
        let weight = if si < 3 { 2 } else { 1 };
        let mut k = 0;
        while k < tokens.len() {
            let start = k;
            while k < tokens.len() && is_name_word(&tokens[k]) {
                k += 1;
            }
            if k > start {
                let first_common = start == 0 && k == 1 && is_common_word_start(tokens, 0);
                let spoken = tokens
                    .get(k)
                    .is_some_and(|t| matches!(t.lower().as_ref(), "said" | "says" | "told"))
                    || (start > 0 && tokens[start - 1].lower() == "said");
                // The name as written (one space between its words in news text).
                let name = text[tokens[start].start..tokens[k - 1].end]
                    .trim_end_matches("'s")
                    .trim_end_matches("’s");
                let calendar = tokens[start..k].iter().any(|t| {
                    let mut buf = [0u8; 24];
                    ascii_lower(t.text, &mut buf).is_some_and(|w| CALENDAR.contains(w))
                });
                if !first_common && !spoken && !calendar && name.len() > 2 {
                    *counts.entry(name).or_default() += weight;
                }
            } else {
                k += 1;
            }
        }
    }
    // "RMS International Inc." and "RMS" are one name: a name counts the longer names it begins.
    let totals = counts.keys().map(|name| {
        let total: usize = counts
            .iter()
            .filter(|(other, _)| {
                other.len() >= name.len()
                    && other.starts_with(name)
                    && (other.len() == name.len() || other.as_bytes()[name.len()] == b' ')
            })
            .map(|(_, n)| n)
            .sum();
        (*name, total)
    });
    let mut best: Vec<(&str, usize)> = totals.filter(|(_, n)| *n >= 3).collect();
    best.sort_by(|a, b| {
        b.1.cmp(&a.1)
            .then(a.0.len().cmp(&b.0.len()))
            .then(a.0.cmp(b.0))
    });
    best.into_iter().next().map(|(name, _)| name.to_string())
}

/// A word of a name: capitalized letters (not a title or a lone initial).
fn is_name_word(t: &Token<'_>) -> bool {
    t.is_capitalized()
        && t.text.chars().count() > 1
        && t.text
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '&'))
        && {
            let mut buf = [0u8; 24];
            !ascii_lower(t.text, &mut buf).is_some_and(|w| TITLES.contains(w))
        }
}

#[rustfmt::skip]
static TITLES: WordSet = WordSet::new(&[
    "mr", "mrs", "ms", "dr", "the", "a", "an", "in", "on", "at", "but", "and", "it", "he", "she",
    "they", "we", "this", "that", "its", "for", "of", "to", "as", "if", "when", "while", "after",
    "before", "president", "minister", "chief", "executive", "spokesman", "spokeswoman",
    "officials", "analysts", "some", "about", "more", "than", "after", "since", "by", "with",
]);

/// Gives every measure without a scope one (`paragraphs`: the paragraph of each sentence): the
/// scope of the amount before it in the same paragraph ("At EDS, profit jumped 16% … Revenue rose 12%": EDS's revenue), else the article's
/// topic. Counts carry no scope to each other: "Three German engineers" says nothing of the next
/// count.
pub(crate) fn apply_scopes(
    paragraphs: &[usize],
    figures: &mut [FigureMention],
    topic: Option<&str>,
) {
    let mut carried: Option<(String, usize)> = None;
    for f in figures.iter_mut() {
        let paragraph = paragraphs.get(f.sentence).copied().unwrap_or(0);
        let amount = !f.unit.as_deref().is_some_and(is_count_noun) || f.kind == FigureKind::Money;
        if let Some(scope) = &f.scope {
            if amount {
                carried = Some((scope.clone(), paragraph));
            }
            continue;
        }
        let Some(m) = &mut f.measure else { continue };
        let scope = carried
            .as_ref()
            .filter(|(_, p)| amount && *p == paragraph)
            .map(|(s, _)| s.as_str())
            .or(topic);
        if let Some(scope) = scope {
            m.push_str(&format!(" ({scope})"));
            f.scope = Some(scope.to_string());
        }
    }
}

/// "displaced in South Sudan", "killed in Nairobi": a capitalized place right after the figure.
pub(super) fn place_after(tokens: &[Token<'_>], f: &FigureMention) -> Option<String> {
    let mut k = tokens.partition_point(|t| t.start < f.range.end);
    for _ in 0..3 {
        let w = tokens.get(k)?.lower();
        if w == "in" {
            break;
        }
        if !AUXILIARIES.contains(w.as_ref()) && participle(&w).is_none() {
            return None;
        }
        k += 1;
    }
    if tokens.get(k)?.lower() != "in" {
        return None;
    }
    let names: Vec<&str> = tokens[k + 1..]
        .iter()
        .take_while(|t| t.is_capitalized() && t.text.chars().all(char::is_alphabetic))
        .take(3)
        .map(|t| t.text)
        .collect();
    (!names.is_empty() && !super::not_figures::is_month(names[0])).then(|| names.join(" "))
}

/// "At GMAC, net dropped …", "For Du Pont, …", "In Kenya, …": the name a sentence opens with,
/// which every figure of the sentence is about.
pub(super) fn lead_scope(tokens: &[Token<'_>]) -> Option<String> {
    if !matches!(
        tokens.first()?.text,
        "At" | "For" | "In" | "Among" | "Across"
    ) {
        return None;
    }
    let names = tokens[1..]
        .iter()
        .take_while(|t| is_name_word(t) && !CALENDAR.contains(t.lower().as_ref()))
        .take(4)
        .count();
    (names > 0 && tokens.get(1 + names)?.text == ",").then(|| {
        tokens[1..=names]
            .iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// "in the petroleum segment", "In the fibers segment, …": the part of a company a sentence's
/// amounts are about.
pub(super) fn segment(tokens: &[Token<'_>]) -> Option<String> {
    let end = tokens.iter().position(|t| {
        ["segment", "division", "segments", "divisions"]
            .iter()
            .any(|w| t.text.eq_ignore_ascii_case(w))
    })?;
    let start = tokens[..end]
        .iter()
        .rposition(|t| t.lower() == "the")
        .filter(|&k| end - k <= 4 && k > 0 && tokens[k - 1].lower() == "in")?;
    let words: Vec<String> = tokens[start + 1..=end]
        .iter()
        .map(|t| t.lower().into_owned())
        .collect();
    (words.len() >= 2 && tokens[start + 1..end].iter().all(Token::is_word)).then(|| words.join(" "))
}

/// "The death toll in the Tanzania blast …", "the Nairobi bombing killed …": the place an event
/// noun of the sentence is named by, which a count of its victims is about. `None` when the
/// sentence names two such places or none.
pub(super) fn event_place(tokens: &[Token<'_>]) -> Option<String> {
    let mut found: Option<String> = None;
    for k in 1..tokens.len() {
        if !tokens[k].lower_in(&EVENT_NOUNS) {
            continue;
        }
        let mut start = k;
        while start > 0 && start + 3 > k && is_name_word(&tokens[start - 1]) {
            start -= 1;
        }
        if start == k || (start == 0 && is_common_word_start(tokens, 0)) {
            continue;
        }
        let place = tokens[start..k]
            .iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ");
        match &found {
            Some(other) if *other != place => return None,
            _ => found = Some(place),
        }
    }
    found
}

/// Nouns of an event whose victims are counted.
#[rustfmt::skip]
static EVENT_NOUNS: WordSet = WordSet::new(&[
    "blast", "bombing", "bombings", "attack", "attacks", "explosion", "earthquake", "quake",
    "flood", "floods", "fire", "crash", "shooting", "massacre", "storm", "cyclone", "hurricane",
    "typhoon", "landslide", "stampede", "collapse",
]);
