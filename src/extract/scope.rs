//! Whose figure it is: the place or organization a measure applies to ("people displaced (South
//! Sudan)", "net income (Nordvik)"). A sentence names it before the figure's noun, at its lead,
//! after the figure or by its event; a paragraph carries an amount's scope to the amounts after it;
//! the article's topic is the scope of what names none.

use super::figures::{FigureKind, FigureMention};
use super::measure::{
    AUXILIARIES, CALENDAR, is_common_word_start, is_count_noun, is_exchange_rate, participle,
};
use super::noun_phrase::join_names;
use super::tokens::{Token, aside_before};
use super::words::{FnvBuildHasher, WordSet};

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
                // "First of America Bank Corp.", "Bank of Japan": one name ("Shares of Vessler"
                // is not).
                if !common_first_word(tokens, start, k)
                    && tokens.get(k).is_some_and(|t| t.text == "of")
                    && tokens.get(k + 1).is_some_and(is_name_word)
                {
                    k += 1;
                }
            }
            if k > start {
                let first_common = common_first_word(tokens, start, k);
                let spoken = tokens
                    .get(k)
                    .is_some_and(|t| matches!(t.lower().as_ref(), "said" | "says" | "told"))
                    || (start > 0 && tokens[start - 1].lower() == "said");
                // The name as written (one space between its words in news text).
                let name = trim_suffix(
                    trim_suffix(&text[tokens[start].start..tokens[k - 1].end], "'s"),
                    "’s",
                );
                // "1045 GMT", "0930 GMT": a zone of clock times is not what a story is about.
                let calendar = tokens[start..k]
                    .iter()
                    .any(|t| t.lower_in(&CALENDAR) || t.lower_in(&super::not_figures::TIME_ZONES));
                if !first_common
                    && !spoken
                    && !calendar
                    && name.len() > 2
                    && !nationality_adjective(tokens, start, k)
                {
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
    best.into_iter()
        .next()
        .map(|(name, _)| name.to_string())
        .or_else(|| lead_company(tokenized))
}

/// `s` without any number of `suffix` at its end, as `trim_end_matches` (which makes a
/// substring searcher at each call).
fn trim_suffix<'s>(mut s: &'s str, suffix: &str) -> &'s str {
    while let Some(rest) = s.strip_suffix(suffix) {
        s = rest;
    }
    s
}

/// "The Cuban government", "the Kenyan capital", "its British subsidiary": a nationality
/// before a common word qualifies what a story is about instead of naming it (an ending in
/// "-an" or "-i" only after an article: "Morgan shares" is a name).
fn nationality_adjective(tokens: &[Token<'_>], start: usize, end: usize) -> bool {
    let word = tokens[start].text.as_bytes();
    let before_common_word = end == start + 1
        && tokens
            .get(end)
            .is_some_and(|t| t.is_word() && t.text.starts_with(|c: char| c.is_lowercase()));
    let after_article = start == 0 || tokens[start - 1].lower_in(&ARTICLES);
    before_common_word
        && (word.ends_with(b"ese")
            || word.ends_with(b"ish")
            || tokens[start].lower_in(&NATIONALITIES)
            || (after_article && (word.ends_with(b"an") || word.ends_with(b"i"))))
}

/// Nationality adjectives without a telling ending.
#[rustfmt::skip]
static NATIONALITIES: WordSet = WordSet::new(&[
    "french", "dutch", "swiss", "greek", "thai", "czech", "welsh", "scots", "african", "american",
    "european", "asian",
]);

#[rustfmt::skip]
static ARTICLES: WordSet = WordSet::new(&["the", "a", "an"]);

/// "GOODY PRODUCTS Inc. cut its quarterly dividend …": a company named with its legal form in
/// the first two sentences, the topic of a short story that names it only once (without the
/// form: "GOODY PRODUCTS").
pub(crate) fn lead_company(tokenized: &[Vec<Token<'_>>]) -> Option<String> {
    tokenized.iter().take(2).find_map(|tokens| {
        let form = tokens
            .iter()
            .position(|t| t.lower_in(&LEGAL_FORMS) && t.is_capitalized())?;
        let start = (0..form)
            .rev()
            .take_while(|&k| is_name_word(&tokens[k]) || tokens[k].text == "&")
            .last()?;
        let name = join_names(&tokens[start..form]);
        let trimmed = name.trim_end_matches(',').trim();
        (start < form && !trimmed.is_empty()).then(|| trimmed.to_string())
    })
}

/// Legal forms after a company's name: "Inc.", "Corp.", "PLC".
#[rustfmt::skip]
static LEGAL_FORMS: WordSet = WordSet::new(&[
    "inc", "corp", "co", "cos", "ltd", "plc", "ag", "sa", "nv", "gmbh", "llc", "incorporated",
]);

/// `measure` without the scope written at its end ("people killed" of "people killed
/// (Kenya)"), if it ends with `scope`.
pub(crate) fn unscoped<'m>(measure: &'m str, scope: &str) -> Option<&'m str> {
    measure
        .strip_suffix(')')?
        .strip_suffix(scope)?
        .strip_suffix(" (")
}

/// Whether `word` is a legal form as written after a name ("Inc.", "Co.,", "S.A.", "PLC").
pub(crate) fn is_legal_form(word: &str) -> bool {
    let letters: String = word.chars().filter(|c| !matches!(c, '.' | ',')).collect();
    LEGAL_FORMS.contains_lower(&letters)
}

/// A company's name without the legal form it may be written with: "Armco" of "Armco Inc", so
/// that its figures are one company's whichever way a sentence names it.
pub(crate) fn without_legal_form(name: &str) -> &str {
    match name.rsplit_once(' ') {
        Some((head, last)) if is_legal_form(last) => head.trim_end_matches(','),
        _ => name,
    }
}

/// Who the possessive token `at` names, as a name: "Nordvik Bank" of "Nordvik Bank's", "Aetna Life
/// & Casualty" of "Aetna Life & Casualty Co.'s" (a legal form is not the name).
pub(crate) fn possessor_name(tokens: &[Token<'_>], at: usize) -> Option<String> {
    let owner = tokens[at].owner()?;
    if !tokens[at].is_capitalized() {
        return Some(owner.to_string());
    }
    // "S.A.'s" is written "S", ".", "A.'s": the letters of an abbreviation before its last.
    let end = if owner.len() == 2 {
        super::tokens::dotted_letters_before(tokens, at)
    } else {
        at
    };
    let letters: String = tokens[end..at]
        .iter()
        .filter(|t| t.text != ".")
        .map(|t| t.text)
        .chain([owner.trim_end_matches('.')])
        .collect();
    let legal_form = LEGAL_FORMS.contains_lower(&letters) || (end < at && letters.len() >= 2);
    let mut start = end;
    while start > 0 && end - start < 4 {
        let t = &tokens[start - 1];
        let joins = matches!(t.text, "&" | "amp") && start >= 2 && is_name_word(&tokens[start - 2]);
        if !(is_name_word(t) || joins) || common_first_word(tokens, start - 1, end) {
            break;
        }
        start -= 1;
    }
    let mut words: Vec<&str> = tokens[start..end].iter().map(|t| t.text).collect();
    if words.is_empty() {
        // "U.S.'s": the abbreviation whole.
        let abbreviation: String = tokens[end..at].iter().map(|t| t.text).collect();
        return Some(abbreviation + owner);
    }
    if !legal_form {
        words.push(owner);
    }
    Some(words.join(" ").replace(" amp ", " & "))
}

/// Where the name words (at most three) that end before token `end` start; `end` when there are
/// none.
pub(crate) fn names_before(tokens: &[Token<'_>], end: usize) -> usize {
    let mut start = end;
    while start > 0 && start + 3 > end && is_name_word(&tokens[start - 1]) {
        start -= 1;
    }
    start
}

/// Whether the name at tokens `start..end` is only a sentence's capitalized first word that is a
/// common word ("Sales"), not a name.
pub(crate) fn common_first_word(tokens: &[Token<'_>], start: usize, end: usize) -> bool {
    start == 0 && end == 1 && is_common_word_start(tokens, 0)
}

/// A word of a name: capitalized letters (not a title or a lone initial).
fn is_name_word(t: &Token<'_>) -> bool {
    t.is_capitalized()
        && t.text.chars().count() > 1
        && t.text
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '&'))
        && !t.lower_in(&TITLES)
}

#[rustfmt::skip]
static TITLES: WordSet = WordSet::new(&[
    "mr", "mrs", "ms", "dr", "the", "a", "an", "in", "on", "at", "but", "and", "it", "he", "she",
    "they", "we", "this", "that", "its", "for", "of", "to", "as", "if", "when", "while", "after",
    "before", "president", "minister", "chief", "executive", "spokesman", "spokeswoman",
    "officials", "analysts", "some", "about", "more", "than", "after", "since", "by", "with",
]);

/// Gives every measure without a scope one (`paragraphs`: the paragraph of each sentence).
/// An amount takes the scope of the amount before it in the same paragraph or the one before
/// ("At EDS, profit jumped 16% … Revenue rose 12%": EDS's revenue). Counts carry no scope to each other ("Three
/// German engineers" says nothing of the next count), but a count takes the place of the event
/// its sentence names, and a count of victims that of the event named just before it; a count
/// of several events' victims has no one place. What names none takes the article's topic. A
/// count's city becomes its country when the story says "Nairobi, Kenya".
pub(crate) fn apply_scopes(
    text: &str,
    tokenized: &[Vec<Token<'_>>],
    paragraphs: &[usize],
    figures: &mut [FigureMention],
) {
    let mut topic: Option<Option<String>> = None;
    // The story's places in their countries, read at the first count that has a place.
    let mut countries: Option<Vec<(String, String)>> = None;
    let mut country_of = |place: &str| {
        countries
            .get_or_insert_with(|| places_in_countries(tokenized))
            .iter()
            .find(|(p, _)| p.eq_ignore_ascii_case(place))
            .map(|(_, country)| country.clone())
    };
    let mut carried: Option<(String, usize)> = None;
    let mut events: Vec<Option<Option<Event>>> = vec![None; tokenized.len()];
    let mut event_at = |si: usize| -> Option<Event> {
        events[si]
            .get_or_insert_with(|| event_of(&tokenized[si]))
            .clone()
    };
    // The last count of victims with a place, and its sentence.
    let mut placed_victims: Option<(usize, String, String)> = None;
    for f in figures.iter_mut() {
        let paragraph = paragraphs.get(f.sentence).copied().unwrap_or(0);
        let amount = !f.unit.as_deref().is_some_and(is_count_noun) || f.kind == FigureKind::Money;
        let violence = if amount {
            None
        } else {
            kind_of_violence(&tokenized[f.sentence], f)
        };
        // "including eight Americans": a part of the count of victims before.
        let part = !amount && f.measure.as_deref().is_some_and(counts_victims) && {
            let tokens = &tokenized[f.sentence];
            f.first_token(tokens)
                .checked_sub(1)
                .is_some_and(|k| tokens[k].lower() == "including")
        };
        let Some(m) = &mut f.measure else { continue };
        if is_exchange_rate(m) {
            continue;
        }
        if let Some(scope) = &f.scope {
            if amount {
                carried = Some((scope.clone(), paragraph));
            } else if let Some(country) = country_of(scope) {
                // "killed in Nairobi" in a story that says "Nairobi, Kenya": Kenya's count.
                if let Some(base) = unscoped(m, scope) {
                    *m = format!("{base} ({country})");
                }
                f.scope = Some(country);
            }
            if let Some(scope) = &f.scope
                && let Some(base) = unscoped(m, scope)
                && counts_victims(base)
            {
                placed_victims = Some((f.sentence, base.to_string(), scope.clone()));
            }
            continue;
        }
        // "At least 74, including eight Americans, were killed in Nairobi, and more than 1,640
        // were wounded": the part of a place's count, and the other victims its clause joins,
        // are that place's.
        if !amount
            && counts_victims(m)
            && let Some((_, before, place)) = placed_victims
                .as_ref()
                .filter(|(si, _, _)| *si == f.sentence)
        {
            let other_predicate = before.rsplit(' ').next() != m.rsplit(' ').next();
            if part || other_predicate {
                m.push_str(&format!(" ({place})"));
                f.scope = Some(place.clone());
                continue;
            }
        }
        if !amount {
            let si = f.sentence;
            let lookback = if counts_victims(m) { EVENT_LOOKBACK } else { 0 };
            let paragraph_before = paragraph.saturating_sub(1);
            let event = (si.saturating_sub(lookback)..=si)
                .rev()
                .take_while(|&s| paragraphs.get(s).is_some_and(|&p| p >= paragraph_before))
                .find_map(&mut event_at);
            match event {
                Some(Event::Place(place)) => {
                    let place = country_of(&place).unwrap_or(place);
                    m.push_str(&format!(" ({place})"));
                    f.scope = Some(place);
                    continue;
                }
                Some(Event::Several) => continue,
                None => {}
            }
            // "12 people injured in abortion-related violence": a kind of violence, not a place.
            if counts_victims(m)
                && let Some(kind) = violence
            {
                m.push_str(&format!(" ({kind})"));
                f.scope = Some(kind);
                continue;
            }
        }
        // "Nasdaq Composite % change", "industrial average % change": a measure that opens with
        // a name, or names an index, is that name's or that index's.
        let base = m
            .strip_suffix(" % change")
            .or_else(|| m.strip_suffix(" change"))
            .unwrap_or(m);
        if m.starts_with(char::is_uppercase) || super::measure::is_index_quantity(base) {
            continue;
        }
        let scope = carried
            .as_ref()
            .filter(|(_, p)| amount && *p + 1 >= paragraph)
            .map(|(s, _)| s.clone())
            .or_else(|| {
                topic
                    .get_or_insert_with(|| article_topic(text, tokenized))
                    .clone()
            });
        if let Some(scope) = scope {
            m.push_str(&format!(" ({scope})"));
            f.scope = Some(scope);
        }
    }
}

/// "Nairobi, Kenya", "NAIROBI, Kenya (AP)": the places an article names with their country, so
/// that a count in Nairobi is Kenya's. A place given two countries is left as it is.
fn places_in_countries(tokenized: &[Vec<Token<'_>>]) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut ambiguous: Vec<String> = Vec::new();
    for tokens in tokenized {
        for k in 1..tokens.len().saturating_sub(1) {
            let country = &tokens[k + 1];
            if tokens[k].text != ","
                || !is_name_word(country)
                || !country.text.chars().all(char::is_alphabetic)
                || country.lower_in(&CALENDAR)
                || tokens.get(k + 2).is_some_and(|t| {
                    (is_name_word(t) && !t.lower_in(&CALENDAR)) || t.text.starts_with('\'')
                })
            {
                continue;
            }
            let start = names_before(tokens, k);
            if start == k || common_first_word(tokens, start, k) {
                continue;
            }
            let place = join_names(&tokens[start..k]);
            match pairs.iter().find(|(p, _)| p.eq_ignore_ascii_case(&place)) {
                Some((_, c)) if !c.eq_ignore_ascii_case(country.text) => ambiguous.push(place),
                Some(_) => {}
                None => pairs.push((place, country.text.to_string())),
            }
        }
    }
    // "Nairobi, the capital of Kenya"; "the Tanzanian capital Dar-es-Salaam", "Nairobi, the Kenyan
    // capital": a city in the country its adjective names, when the story names that country too.
    for tokens in tokenized {
        for k in 1..tokens.len().saturating_sub(1) {
            if !tokens[k].lower_in(&CAPITAL_NOUNS) {
                continue;
            }
            let pair = if k >= 3
                && tokens[k - 1].lower() == "the"
                && tokens[k - 2].text == ","
                && is_name_word(&tokens[k - 3])
                && tokens.get(k + 1).is_some_and(|t| t.text == "of")
                && tokens.get(k + 2).is_some_and(is_name_word)
            {
                // "Nairobi, the capital of Kenya".
                let city = join_names(&tokens[names_before(tokens, k - 2)..k - 2]);
                Some((city, place_name(tokens, k + 2)))
            } else if is_name_word(&tokens[k - 1])
                && let Some(country) = country_of_adjective(tokens[k - 1].text, tokenized)
            {
                // "the Tanzanian capital Dar-es-Salaam", "the Tanzanian capital of Dar es
                // Salaam", "Nairobi, the Kenyan capital".
                let after = if tokens.get(k + 1).is_some_and(|t| t.text == "of") {
                    k + 2
                } else {
                    k + 1
                };
                if tokens.get(after).is_some_and(is_name_word) {
                    Some((place_name(tokens, after), country))
                } else if k >= 4
                    && tokens[k - 2].lower() == "the"
                    && tokens[k - 3].text == ","
                    && is_name_word(&tokens[k - 4])
                {
                    Some((tokens[k - 4].text.to_string(), country))
                } else {
                    None
                }
            } else {
                None
            };
            if let Some((city, country)) = pair
                && !city.is_empty()
                && !pairs.iter().any(|(p, _)| p.eq_ignore_ascii_case(&city))
            {
                pairs.push((city, country));
            }
        }
    }
    // "Uganda, Kenya, Tanzania" is a list, not places in countries.
    let listed: Vec<String> = pairs
        .iter()
        .filter(|(_, c)| pairs.iter().any(|(p, _)| p.eq_ignore_ascii_case(c)))
        .flat_map(|(p, c)| [p.clone(), c.clone()])
        .collect();
    pairs.retain(|(p, _)| !ambiguous.contains(p) && !listed.contains(p));
    pairs
}

/// "displaced in South Sudan", "killed in Nairobi", "killed in the Kenyan capital Nairobi": a
/// capitalized place right after the figure.
pub(super) fn place_after(tokens: &[Token<'_>], f: &FigureMention) -> Option<String> {
    // "74, including eight Americans, were reported killed in …".
    let mut k = super::measure::predicate_start(tokens, f.token_after(tokens));
    for _ in 0..3 {
        let w = tokens.get(k)?.lower();
        if w == "in" {
            break;
        }
        if !AUXILIARIES.contains(w.as_ref())
            && participle(&w).is_none()
            && !tokens[k].lower_in(&super::neighbours::PEOPLE_PREDICATES)
        {
            return None;
        }
        k += 1;
    }
    if tokens.get(k)?.lower() != "in" {
        return None;
    }
    let from = place_named_at(tokens, k + 1)?;
    let names = place_words(tokens, from);
    // "in Big Board composite trading", "in New York Stock Exchange trading": a market, not a
    // place.
    let market = names
        .last()
        .is_some_and(|n| matches!(*n, "Exchange" | "Board" | "Market"))
        || tokens
            .get(from + names.len())
            .is_some_and(|t| matches!(t.text, "trading" | "composite"));
    (!names.is_empty() && !market && !super::not_figures::is_month(names[0]))
        .then(|| names.join(" "))
}

/// "America West Airlines, Phoenix, Ariz., reported third-quarter profit jumped 45%": the
/// company that reports a quantity whose phrase is tokens `start..end`.
pub(super) fn reporter_before(tokens: &[Token<'_>], start: usize, end: usize) -> Option<String> {
    // The verb, in the phrase or before the period's words it may not include ("third-quarter",
    // "net income for the fiscal second-quarter").
    let verb = (start.saturating_sub(8)..end.min(tokens.len()))
        .rev()
        .take_while(|&k| !tokens[k].is_capitalized())
        .find(|&k| tokens[k].lower_in(&REPORTING_VERBS))?;
    if verb < 1 {
        return None;
    }
    // Groups of capitalized words between commas, last first: "Ariz.", "Phoenix", "America West
    // Airlines".
    // "Ogden Corp., which also has interests in …, reported": the name before the relative clause.
    // "National Intergroup, which owns 50% of … -- National Steel Corp. -- posted": before the
    // aside, and before the relative clause the aside ends.
    let close =
        aside_before(tokens, verb).or_else(|| (tokens[verb - 1].text == ",").then(|| verb - 1));
    let mut end = close.map_or(verb, |c| relative_clause_before(tokens, c).unwrap_or(c));
    let mut first: Option<std::ops::Range<usize>> = None;
    for _ in 0..3 {
        let mut k = end;
        while k > 0 && end - k < 5 && (is_name_word(&tokens[k - 1]) || tokens[k - 1].text == ".") {
            k -= 1;
        }
        if k == end || common_first_word(tokens, k, end) {
            break;
        }
        first = Some(k..end);
        if k < 2 || tokens[k - 1].text != "," {
            break;
        }
        end = k - 1;
    }
    let names = first?;
    let words: Vec<&str> = tokens[names]
        .iter()
        .take_while(|t| is_name_word(t))
        .map(|t| t.text)
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The comma that opens a relative clause (", which …", ", who …") closed by the comma at
/// `close`, within the same clause.
pub(super) fn relative_clause_before(tokens: &[Token<'_>], close: usize) -> Option<usize> {
    (close.saturating_sub(30)..close)
        .rev()
        .take_while(|&j| !matches!(tokens[j].text, ";" | ":" | "\"" | "``" | "''"))
        .find(|&j| {
            tokens[j].text == ","
                && tokens
                    .get(j + 1)
                    .is_some_and(|t| matches!(t.lower().as_ref(), "which" | "who" | "whose"))
        })
}

/// Verbs by which a company reports its results.
#[rustfmt::skip]
static REPORTING_VERBS: WordSet = WordSet::new(&[
    "reported", "reports", "posted", "posts", "recorded", "records", "announced", "announces",
]);

/// "Deseret, with about $100 million in assets, …", "Midwest Financial has 12 banks", "First of
/// America, which now has 45 banks": the name that has the figure right after its verb.
pub(super) fn owner_before(tokens: &[Token<'_>], f: &FigureMention) -> Option<String> {
    let mut k = f.first_token(tokens);
    while k > 0 && tokens[k - 1].lower_in(&POSSESSION_ADVERBS) {
        k -= 1;
    }
    // "has $2.3 billion in assets and eight banks": the second thing had shares the verb.
    if k > 1 && tokens[k - 1].text == "and" {
        let verb = (k.saturating_sub(12)..k - 1)
            .rev()
            .take_while(|&j| !matches!(tokens[j].text, "," | ";" | "."))
            .find(|&j| tokens[j].lower_in(&POSSESSION_VERBS))?;
        k = verb + 1;
    }
    let verb = tokens.get(k.checked_sub(1)?)?;
    if !verb.lower_in(&POSSESSION_VERBS) {
        return None;
    }
    k -= 1;
    while k > 0 && tokens[k - 1].lower_in(&POSSESSION_ADVERBS) {
        k -= 1;
    }
    let relative = k >= 2
        && matches!(tokens[k - 1].lower().as_ref(), "which" | "that")
        && tokens[k - 2].text == ",";
    if relative {
        k -= 2;
    } else if verb.lower() == "with" {
        // "Deseret, with …": an apposition, not "a bank with 12 branches".
        if k < 2 || tokens[k - 1].text != "," {
            return None;
        }
        k -= 1;
    }
    let end = k;
    while k > 0 && end - k < 6 {
        let t = &tokens[k - 1];
        let inner_of = t.text == "of" && k >= 2 && is_name_word(&tokens[k - 2]) && k < end;
        // "Salt Lake City-based First Security": the owner starts after its modifier.
        let modifier = t
            .text
            .rsplit_once('-')
            .is_some_and(|(_, w)| w.starts_with(char::is_lowercase));
        // "Mars Inc., which": the dot of an abbreviation, glued to its word.
        let dot = t.text == "." && k >= 2 && tokens[k - 2].end == t.start;
        if modifier || !(is_name_word(t) || inner_of || dot || t.text == "&") {
            break;
        }
        k -= 1;
    }
    while k < end && !is_name_word(&tokens[k]) {
        k += 1;
    }
    if k == end || common_first_word(tokens, k, end) {
        return None;
    }
    let last = (k..end).rev().find(|&j| is_name_word(&tokens[j]))?;
    Some(join_names(&tokens[k..=last]))
}

/// Verbs of having: "has 45 banks", ", with $5.4 billion in assets".
#[rustfmt::skip]
static POSSESSION_VERBS: WordSet = WordSet::new(&[
    "has", "have", "had", "owns", "owned", "operates", "operated", "employs", "employed", "with",
]);

/// Words between a verb of having and its owner or its figure: "which now has", "has about".
#[rustfmt::skip]
static POSSESSION_ADVERBS: WordSet = WordSet::new(&[
    "now", "already", "still", "also", "currently", "about", "some", "nearly", "almost", "around",
    "roughly",
]);

/// "Oklahoma City, where 168 people were killed": the place a relative clause of place opens
/// with, right before the figure.
pub(super) fn place_where(tokens: &[Token<'_>], f: &FigureMention) -> Option<String> {
    let k = f.first_token(tokens);
    if k < 3 || tokens[k - 1].lower() != "where" || tokens[k - 2].text != "," {
        return None;
    }
    let end = k - 2;
    let start = names_before(tokens, end);
    (start < end && !common_first_word(tokens, start, end)).then(|| join_names(&tokens[start..end]))
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
        .take_while(|t| is_name_word(t) && !t.lower_in(&CALENDAR))
        .take(4)
        .count();
    (names > 0 && tokens.get(1 + names)?.text == ",").then(|| join_names(&tokens[1..=names]))
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

/// The event a sentence names, whose victims its counts are of.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Event {
    /// One event, named by its place: "the Tanzania blast", "the blast in Nairobi".
    Place(String),
    /// Several events together: "the embassy bombings", "both bombings", "twin attacks", or
    /// events in two places. Their victims are a total, no one place's.
    Several,
}

/// "The death toll in the Tanzania blast …", "the Nairobi bombing killed …", "The blast in
/// Nairobi …": the event a sentence names; [`Event::Several`] when it names two places, a plural
/// event noun or "both"/"twin" events.
pub(super) fn event_of(tokens: &[Token<'_>]) -> Option<Event> {
    let mut found: Option<Event> = None;
    for k in 0..tokens.len() {
        let Some(plural) = event_noun(tokens[k].text) else {
            continue;
        };
        let several = plural
            || tokens[k.saturating_sub(3)..k]
                .iter()
                .any(|t| t.lower_in(&SEVERAL));
        let event = match place_naming(tokens, k) {
            Some((_, true)) => Event::Several,
            Some(_) if several && second_place_after(tokens, k) => Event::Several,
            Some((place, false)) => Event::Place(place),
            None if several => Event::Several,
            None => continue,
        };
        match &found {
            Some(other) if *other != event => return Some(Event::Several),
            _ => found = Some(event),
        }
    }
    found
}

/// "killed in ethnic clashes", "injured in abortion-related violence", "died in road accidents":
/// a kind of violence or accident with the words that make it one (a bare "in the violence"
/// names none).
fn kind_of_violence(tokens: &[Token<'_>], f: &FigureMention) -> Option<String> {
    let mut k = super::measure::predicate_start(tokens, f.token_after(tokens));
    if tokens
        .get(k)
        .is_some_and(|t| t.lower_in(&super::neighbours::PEOPLE_PREDICATES))
    {
        k += 1;
    }
    if tokens.get(k)?.lower() != "in" {
        return None;
    }
    k += 1;
    if tokens.get(k).is_some_and(|t| t.lower() == "the") {
        k += 1;
    }
    let start = k;
    while tokens.get(k).is_some_and(|t| {
        t.is_word()
            && t.text.chars().all(|c| c.is_lowercase() || c == '-')
            && !t.lower_in(&VIOLENCE)
    }) && k - start < 2
    {
        k += 1;
    }
    (k > start && tokens.get(k)?.lower_in(&VIOLENCE)).then(|| {
        tokens[start..=k]
            .iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ")
    })
}

/// Kinds of violence and accidents a count of victims is said of.
#[rustfmt::skip]
static VIOLENCE: WordSet = WordSet::new(&[
    "violence", "clashes", "fighting", "unrest", "riots", "protests", "accidents", "crashes",
    "attacks", "shootings", "incidents", "conflict", "war", "raids", "strikes",
]);

/// Whether a word is a noun of an event whose victims are counted: `Some(true)` for the plural of
/// a one-off event ("bombings", "attacks": several of them), `Some(false)` otherwise ("the
/// floods" are one disaster).
fn event_noun(word: &str) -> Option<bool> {
    if EVENT_NOUNS.contains_lower(word) {
        Some(false)
    } else {
        let singular = word.strip_suffix('s')?;
        EVENT_NOUNS
            .contains_lower(singular)
            .then(|| !SPELLS.contains_lower(singular))
    }
}

/// Events whose plural is still one event: "the floods", "the fires", "storms".
#[rustfmt::skip]
static SPELLS: WordSet = WordSet::new(&[
    "flood", "fire", "storm", "landslide", "rain", "wildfire",
]);

/// The place an event noun at `k` is named by: the name before it ("the Nairobi bombing", "the
/// Kenya embassy bombing") or after "in" right after it ("the blast in Nairobi", "the bombing in
/// Tanzania's capital"), and whether a second place follows ("bombings in Kenya and Tanzania").
fn place_naming(tokens: &[Token<'_>], k: usize) -> Option<(String, bool)> {
    // Up to two modifiers between the name and the noun ("embassy", "car bomb").
    let mut end = k;
    while end > 0
        && end + 2 > k
        && tokens[end - 1].text.chars().all(|c| c.is_ascii_lowercase())
        && !TITLES.contains(tokens[end - 1].text)
    {
        end -= 1;
    }
    let start = names_before(tokens, end);
    // A sentence's first word is capitalized anyway: "Terrorist bombings" names no place.
    let (names, after) = if start < end && (start > 0 || end - start > 1) {
        (&tokens[start..end], None)
    } else {
        let from = place_in_clause(tokens, k + 1)?;
        let n = tokens[from..]
            .iter()
            .take_while(|t| is_name_word(t))
            .take(3)
            .count();
        (&tokens[from..from + n], tokens.get(from + n))
    };
    let place = names
        .iter()
        .map(|t| t.text.trim_end_matches("'s").trim_end_matches("’s"))
        .collect::<Vec<_>>()
        .join(" ");
    let second = after.is_some_and(|t| t.text == "and" || t.text == "&");
    (!place.is_empty() && !CALENDAR.contains_lower(&place)).then_some((place, second))
}

/// The first name after "in" in the clause from `k` ("the attack on Friday outside the embassy
/// in Mombasa"), past "the" and a description of the place ("in the Tanzanian capital
/// Dar-es-Salaam" → "Dar-es-Salaam").
fn place_in_clause(tokens: &[Token<'_>], k: usize) -> Option<usize> {
    let window = tokens.get(k..)?.iter().take(12);
    let at = k + window
        .take_while(|t| !matches!(t.text, "," | ";" | ":" | "(" | ")" | "\"" | "``" | "''"))
        .position(|t| t.lower() == "in")?;
    place_named_at(tokens, at + 1)
}

/// The token a place's name starts at, from `from` right after "in": the name itself ("in
/// Mombasa") or after "the" and a description ("in the Tanzanian capital Dar-es-Salaam", "in
/// the port city of Mombasa").
fn place_named_at(tokens: &[Token<'_>], mut from: usize) -> Option<usize> {
    if tokens.get(from)?.lower() == "the" {
        from += 1;
        let described = tokens[from..]
            .iter()
            .take(4)
            .position(|t| t.lower_in(&PLACE_NOUNS));
        if let Some(d) = described {
            let mut name = from + d + 1;
            while tokens
                .get(name)
                .is_some_and(|t| t.text == "," || t.lower() == "of")
            {
                name += 1;
            }
            if tokens.get(name).is_some_and(is_name_word) {
                return Some(name);
            }
        }
    }
    tokens.get(from).is_some_and(is_name_word).then_some(from)
}

/// The words of a place's name from `from`, with its particles ("Dar es Salaam", "Rio de
/// Janeiro"), at most four.
fn place_words<'t>(tokens: &'t [Token<'_>], from: usize) -> Vec<&'t str> {
    tokens[from..]
        .iter()
        .enumerate()
        .take_while(|&(i, t)| {
            (t.is_capitalized() && t.text.chars().all(|c| c.is_alphabetic() || c == '-'))
                || (i > 0
                    && t.lower_in(&NAME_PARTICLES)
                    && tokens.get(from + i + 1).is_some_and(Token::is_capitalized))
        })
        .take(4)
        .map(|(_, t)| t.text)
        .collect()
}

/// What a figure set beside another is said of, named right after it with "for": "compared with
/// 3.3% for the S&P 500", "… and 3.6% for the industrial average" (a lowercase phrase only when it
/// names an index). A month or a holiday after "for" is a time, not a scope.
pub(super) fn named_for(tokens: &[Token<'_>], f: &FigureMention) -> Option<String> {
    let mut k = f.token_after(tokens);
    if tokens.get(k)?.lower() != "for" {
        return None;
    }
    k += 1;
    if tokens.get(k).is_some_and(|t| t.lower() == "the") {
        k += 1;
    }
    let start = k;
    let first = tokens.get(start)?;
    if first.is_capitalized() {
        if first.lower_in(&super::measure::CALENDAR) || super::not_figures::is_month(first.text) {
            return None;
        }
        // Capitalized words, with the numbers and "&" of an index's name ("S&P 500").
        while tokens.get(k).is_some_and(|t| {
            (t.is_capitalized() && t.text.chars().all(|c| c.is_alphanumeric() || c == '-'))
                || (k > start && (t.text == "&" || t.text.chars().all(|c| c.is_ascii_digit())))
        }) && k - start < 6
        {
            k += 1;
        }
        return Some(join_names(&tokens[start..k]).replace(" & ", "&"));
    }
    while tokens.get(k).is_some_and(|t| {
        t.is_word() && !t.is_capitalized() && t.text.chars().all(char::is_alphabetic)
    }) && k - start < 3
    {
        k += 1;
    }
    let phrase = join_names(&tokens[start..k]);
    super::measure::is_index_quantity(&phrase).then_some(phrase)
}

/// A place's name from `from`, joined.
fn place_name(tokens: &[Token<'_>], from: usize) -> String {
    place_words(tokens, from).join(" ")
}

/// Lowercase words inside a place's name: "Dar es Salaam", "Rio de Janeiro".
#[rustfmt::skip]
static NAME_PARTICLES: WordSet = WordSet::new(&["es", "de", "del", "da", "do", "la", "el", "al"]);

/// Nouns that describe a place before its name: "the Kenyan capital Nairobi".
#[rustfmt::skip]
static PLACE_NOUNS: WordSet = WordSet::new(&[
    "capital", "city", "town", "village", "port", "province", "state", "region", "district",
]);

/// "the embassy bombings in Nairobi, the Kenyan capital, and Dar es Salaam": a second place
/// joined by "and" in the clause after an event noun at `k`.
fn second_place_after(tokens: &[Token<'_>], k: usize) -> bool {
    let clause = tokens[k + 1..]
        .iter()
        .take(24)
        // A dot inside a sentence is an abbreviation's ("Aug. 7"), not the clause's end.
        .take_while(|t| !matches!(t.text, ";" | "which" | "that" | "who"));
    let mut and = false;
    for t in clause {
        if and && is_name_word(t) {
            return true;
        }
        and = t.text == "and" || t.text == "&";
    }
    false
}

/// Nouns by which a story describes a city of a country: "the Kenyan capital".
#[rustfmt::skip]
static CAPITAL_NOUNS: WordSet = WordSet::new(&["capital", "port", "city"]);

/// The country an adjective of nationality names, when the story names it too: "Tanzanian" →
/// "Tanzania", "Iraqi" → "Iraq", "Sudanese" → "Sudan".
fn country_of_adjective(adjective: &str, tokenized: &[Vec<Token<'_>>]) -> Option<String> {
    ["n", "i", "ese"]
        .iter()
        .filter_map(|end| adjective.strip_suffix(end))
        .filter(|country| country.len() > 2)
        .find(|country| {
            tokenized
                .iter()
                .flatten()
                .any(|t| t.text == *country || t.text.strip_suffix("'s") == Some(country))
        })
        .map(str::to_string)
}

/// Words before an event noun that make it several events.
#[rustfmt::skip]
static SEVERAL: WordSet = WordSet::new(&[
    "both", "twin", "two", "three", "simultaneous", "coordinated", "multiple", "several", "series",
]);

/// A count of victims whose sentence names no event takes the event of the sentences just before
/// it, within its paragraph or the one before ("The blast in Nairobi occurred at 10:35 a.m. …
/// At least 75 people were killed there").
const EVENT_LOOKBACK: usize = 3;

/// Whether a measure counts an event's victims ("people killed", "americans wounded").
fn counts_victims(measure: &str) -> bool {
    measure.rsplit(' ').next().is_some_and(|w| {
        matches!(
            w,
            "killed" | "dead" | "died" | "injured" | "wounded" | "hurt" | "missing" | "victims"
        )
    })
}

/// Nouns of an event whose victims are counted.
#[rustfmt::skip]
static EVENT_NOUNS: WordSet = WordSet::new(&[
    "blast", "bomb", "bombing", "attack", "explosion", "earthquake", "quake", "flood", "fire",
    "wildfire", "crash", "shooting", "massacre", "storm", "cyclone", "hurricane", "typhoon",
    "landslide", "stampede", "collapse",
]);

#[cfg(test)]
mod tests {
    use crate::extract::measure::tests::measures;

    #[test]
    fn whose_is_the_name_that_has_the_figure() {
        let m = measures("Salt Lake City-based First Security, with $5.4 billion in assets, said.");
        assert_eq!(m, ["assets (First Security)"]);
        let m = measures("Nestle's share is 7%, far below Mars Inc., which has about 36%.");
        assert_eq!(m, ["share (Nestle)", "share (Mars)"]);
        let m = measures("The buyer is First of America, which now has 45 banks.");
        assert_eq!(m, ["banks (First of America)"]);
        let m = measures("Midwest Financial has $2.3 billion in assets and eight banks.");
        assert_eq!(
            m,
            ["assets (Midwest Financial)", "banks (Midwest Financial)"]
        );
        // "with" without a comma is not an apposition: a bank with branches is no owner.
        let m = measures("A Texas bank with 12 branches was sold.");
        assert!(!m[0].contains('('), "{m:?}");
    }

    #[test]
    fn a_short_story_is_about_the_company_its_lead_names_with_a_legal_form() {
        let text = "GOODY PRODUCTS Inc. cut its quarterly dividend to five cents a share. The \
                    payout is due Jan. 2.";
        assert_eq!(
            measures(text),
            ["quarterly dividend per share (GOODY PRODUCTS)"]
        );
    }

    #[test]
    fn the_topic_is_a_whole_name_with_of_inside() {
        let text = "First of America Bank Corp. said it completed the deal. First of America now \
                    has 45 banks. Analysts said First of America would grow.";
        let m = measures(text);
        assert_eq!(m, ["banks (First of America)"]);
    }

    #[test]
    fn a_count_of_victims_is_about_the_place_its_event_is_named_by() {
        let m = measures("The death toll in the Tanzania blast has risen to 12.");
        assert_eq!(m, ["people killed (Tanzania)"]);
        let m = measures("The Nairobi bombing killed 247 people.");
        assert_eq!(m, ["people killed (Nairobi)"]);
        let m = measures("Twelve Americans were killed in the Kenya embassy bombing.");
        assert_eq!(m, ["americans killed (Kenya)"]);
        let m = measures(
            "Six people were killed in a car bomb attack on Friday outside the embassy in the \
             Tanzanian capital Dar-es-Salaam.",
        );
        assert_eq!(m, ["people killed (Dar-es-Salaam)"]);
        let m = measures("The psychiatrist worked in Oklahoma City, where 168 people were killed.");
        assert_eq!(m, ["people killed (Oklahoma City)"]);
        // A sentence's first word names no place: "Terrorist bombings".
        let m = measures("Terrorist bombings killed 30 people.");
        assert_eq!(m, ["people killed"]);
    }

    #[test]
    fn victims_of_several_events_have_no_one_place() {
        // The story is about Kenya (its topic), but these counts are totals.
        let story = "Rescuers in Kenya dug. Aid to Kenya grew. Schools in Kenya shut.\n\n";
        for total in [
            "The embassy bombings killed 259 people.",
            "That brought the toll for both bombings to 259.",
            "The bombings in Kenya and Tanzania killed 259 people.",
            "The Nairobi bombing and the Dar es Salaam blast killed 257 people.",
            "The attacks Aug. 7 at the U.S. embassies in Nairobi, Kenya, and Dar es Salaam killed \
             257 people.",
            "The Embassy bombings in Nairobi, the Kenyan capital, and Dar es Salaam left more than \
             250 people dead.",
        ] {
            let m = measures(&format!("{story}{total}"));
            assert_eq!(m, ["people killed"], "{total}");
        }
        let m = measures(&format!("{story}The Nairobi bombing killed 247 people."));
        assert_eq!(m, ["people killed (Nairobi)"]);
        let m = measures(&format!("{story}A storm killed 3 people."));
        assert_eq!(m, ["people killed (Kenya)"]);
        // The floods are one disaster.
        let m = measures(&format!(
            "{story}At least 57 people were killed by the floods."
        ));
        assert_eq!(m, ["people killed (Kenya)"]);
    }

    #[test]
    fn a_count_of_victims_takes_the_event_named_just_before() {
        let m =
            measures("Bombings hit embassies in Kenya and Tanzania.\n\nAt least 82 were killed.");
        assert_eq!(m, ["people killed"]);
        let m = measures(
            "The blast in Mombasa occurred at 10:35 a.m. Friday. At least 75 people were killed \
             there.",
        );
        assert_eq!(m, ["people killed (Mombasa)"]);
        // Too far back: four sentences.
        let m = measures(
            "The blast in Mombasa occurred Friday. Rain fell. Roads closed. Shops shut. At least \
             75 people were killed.",
        );
        assert_eq!(m, ["people killed"]);
    }

    #[test]
    fn a_city_counts_for_the_country_the_story_puts_it_in() {
        let m = measures(
            "MOMBASA, Kenya (AP) _ A blast hit the port.\n\nThe blast in Mombasa killed 75 \
             people.",
        );
        assert_eq!(m, ["people killed (Kenya)"]);
        let m = measures(
            "Six people were killed in the Tanzanian capital Dar-es-Salaam. Tanzania mourned.",
        );
        assert_eq!(m, ["people killed (Tanzania)"]);
        // Unless the story names the country, the city stays.
        let m = measures("Six people were killed in the Tanzanian capital Dar-es-Salaam.");
        assert_eq!(m, ["people killed (Dar-es-Salaam)"]);
        // A list of countries is not a city in a country.
        let m = measures(
            "Aid went to Uganda, Kenya, Tanzania and Rwanda.\n\nThe blast in Uganda killed 75 \
             people.",
        );
        assert_eq!(m, ["people killed (Uganda)"]);
    }
}
