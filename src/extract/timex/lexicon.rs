//! Words in, meanings out: month, weekday, part-of-day, season and unit names, number and
//! ordinal words, relative words ("this", "last", "next") and time zones; and the words that may
//! start an expression ([`START_WORDS`]), which let the parser skip most words of prose.

use super::sem::Unit;
use crate::extract::words::WordSet;

pub(crate) fn month_of(w: &str) -> Option<(u32, bool)> {
    // (month, is_abbreviation)
    Some(match w {
        "january" => (1, false),
        "february" => (2, false),
        "march" => (3, false),
        "april" => (4, false),
        "may" => (5, false),
        "june" => (6, false),
        "july" => (7, false),
        "august" => (8, false),
        "september" => (9, false),
        "october" => (10, false),
        "november" => (11, false),
        "december" => (12, false),
        "jan" => (1, true),
        "feb" => (2, true),
        "mar" => (3, true),
        "apr" => (4, true),
        "jun" => (6, true),
        "jul" => (7, true),
        "aug" => (8, true),
        "sep" | "sept" => (9, true),
        "oct" => (10, true),
        "nov" => (11, true),
        "dec" => (12, true),
        _ => return None,
    })
}

pub(crate) fn weekday_of(w: &str) -> Option<u32> {
    let days = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    days.iter().position(|d| *d == w).map(|p| p as u32)
}

pub(super) fn pod_of(w: &str) -> Option<&'static str> {
    match w {
        "morning" => Some("TMO"),
        "afternoon" => Some("TAF"),
        "evening" => Some("TEV"),
        "night" => Some("TNI"),
        _ => None,
    }
}

pub(super) fn season_of(w: &str) -> Option<&'static str> {
    match w {
        "spring" => Some("SP"),
        "summer" => Some("SU"),
        "fall" | "autumn" => Some("FA"),
        "winter" => Some("WI"),
        _ => None,
    }
}

/// Unit word -> (unit, plural).
pub(super) fn unit_of(w: &str) -> Option<(Unit, bool)> {
    Some(match w {
        "second" => (Unit::Sec, false),
        "seconds" => (Unit::Sec, true),
        "minute" => (Unit::Min, false),
        "minutes" => (Unit::Min, true),
        "hour" => (Unit::Hour, false),
        "hours" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "weekend" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" => (Unit::Year, false),
        "years" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        _ => return None,
    })
}

/// Abbreviated duration units.
pub(super) fn unit_abbr(w: &str) -> Option<Unit> {
    Some(match w {
        "h" | "hr" | "hrs" => Unit::Hour,
        "min" | "mins" => Unit::Min,
        "sec" | "secs" => Unit::Sec,
        "yr" | "yrs" => Unit::Year,
        "wk" | "wks" => Unit::Week,
        _ => return None,
    })
}

pub(super) fn small_num(w: &str) -> Option<u32> {
    crate::extract::numbers::unit_word(w)
}

pub(super) fn tens_num(w: &str) -> Option<u32> {
    let tens = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    tens.iter()
        .position(|x| *x == w)
        .map(|p| (p as u32 + 2) * 10)
}

pub(super) fn ordinal_of(w: &str) -> Option<u32> {
    let ords = [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth", "eleventh", "twelfth",
    ];
    ords.iter().position(|x| *x == w).map(|p| p as u32 + 1)
}

/// Spelled ordinal day of month 1..=31 ("first", "twentieth", "thirty-first"), possibly
/// across tokens; `words` returns the token text at an index. Returns (day, next index).
pub(super) fn spelled_day<'w>(words: impl Fn(usize) -> &'w str, i: usize) -> Option<(u32, usize)> {
    let w = words(i);
    if let Some(o) = ordinal_of(w) {
        return Some((o, i + 1));
    }
    let teens = [
        ("thirteenth", 13),
        ("fourteenth", 14),
        ("fifteenth", 15),
        ("sixteenth", 16),
        ("seventeenth", 17),
        ("eighteenth", 18),
        ("nineteenth", 19),
        ("twentieth", 20),
        ("thirtieth", 30),
    ];
    if let Some((_, n)) = teens.iter().find(|(t, _)| *t == w) {
        return Some((*n, i + 1));
    }
    let tens = match w {
        "twenty" => 20,
        "thirty" => 30,
        _ => return None,
    };
    let j = if words(i + 1) == "-" { i + 2 } else { i + 1 };
    let o = ordinal_of(words(j)).filter(|o| *o <= 9)?;
    let d = tens + o;
    (d <= 31).then_some((d, j + 1))
}

pub(super) fn rel_word(w: &str) -> Option<i32> {
    match w {
        "this" => Some(0),
        "last" => Some(-1),
        "next" => Some(1),
        _ => None,
    }
}

/// Every lowercase word the matchers (and the word tables they use) compare the first token of
/// an expression with, sorted. A word outside this list that is not a number word starts no
/// expression (see [`Parser::may_start`]); the test `start_words_cover_the_matchers` keeps the
/// list complete.
#[rustfmt::skip]
const START_WORDS: &[&str] = &[
    "a", "across", "after", "afternoon", "ago", "all", "am", "an", "annual", "annually", "another",
    "approximately", "apr", "april", "as", "aug", "august", "autumn", "back", "before",
    "beginning", "biannually", "biweekly", "bst", "but", "calendar", "cars", "cdt", "cents",
    "centuries", "century", "cet", "christmas", "circa", "close", "coming", "comparable", "couple",
    "cst", "current", "currently", "daily", "day", "days", "dec", "decade", "decades", "december",
    "does", "dollars", "dozen", "dozens", "during", "each", "earlier", "early", "earnings", "edt",
    "eenth", "eighteenth", "eighth", "eighties", "eighty", "election", "eleventh", "end", "ended",
    "ending", "entire", "est", "et", "eve", "evening", "every", "everyday", "fall", "father",
    "feb", "february", "feet", "few", "fewer", "fifteenth", "fifth", "fifties", "fifty", "figures",
    "final", "first", "fiscal", "flight", "following", "formerly", "forties", "fortnightly",
    "forty", "fourteenth", "fourth", "friday", "full", "future", "giving", "gmt", "h", "half",
    "halloween", "her", "high", "highs", "his", "hour", "hourly", "hours", "hr", "hrs", "hundred",
    "hundreds", "independence", "initial", "into", "its", "jan", "january", "jul", "july", "jun",
    "june", "king", "km", "labor", "last", "late", "lately", "later", "latest", "latter", "least",
    "less", "levels", "local", "long", "longer", "lows", "luther", "m", "many", "mar", "march",
    "martin", "may", "mdt", "men", "meters", "metres", "mid", "midday", "middle", "midnight",
    "miles", "min", "mins", "minute", "minutes", "mlk", "model", "monday", "month", "monthly",
    "months", "morning", "most", "mother", "mst", "nd", "near", "new", "next", "night", "nightly",
    "nights", "nineteen", "nineteenth", "nineties", "ninety", "ninth", "noon", "nov", "november",
    "now", "nowadays", "oct", "october", "old", "once", "or", "other", "our", "p", "page", "past",
    "pdt", "per", "period", "plus", "pm", "post", "pre", "preceding", "present", "presently",
    "previous", "prices", "prior", "pst", "q", "quarter", "quarterly", "quarters", "rd", "recent",
    "recently", "results", "right", "room", "roughly", "route", "s", "sales", "same", "saturday",
    "sec", "second", "seconds", "secs", "semiannual", "semiannually", "sep", "sept", "september",
    "seventeenth", "seventh", "seventies", "seventy", "several", "shares", "sixteenth", "sixth",
    "sixties", "sixty", "so", "some", "spring", "st", "start", "summer", "sunday", "tenth", "th",
    "thanks", "thanksgiving", "that", "the", "their", "third", "thirteenth", "thirties",
    "thirtieth", "thirty", "this", "thousand", "thousands", "through", "throughout", "thru",
    "thursday", "thus", "till", "time", "times", "today", "tomorrow", "tonight", "tons", "troops",
    "tuesday", "turn", "twelfth", "twenties", "twentieth", "twenty", "twice", "two", "under",
    "units", "until", "utc", "valentine", "was", "wednesday", "week", "weekend", "weekends",
    "weekly", "weeks", "when", "whole", "winter", "wk", "wks", "women", "year", "yearly", "years",
    "yesterday", "yr", "yrs",
];

/// The other words the matchers name, sorted: they are compared only with tokens before or
/// after an expression's first ("since 2019", "2,000 people", "on 15", "from ... to"), or read
/// by [`Parser::modifier`] before one ("about", "more than"), so they start no expression and
/// [`Parser::may_start`] skips them. The commonest words of prose are among them; the test
/// `context_words_start_nothing` puts each at every token of the tests' examples.
#[rustfmt::skip]
#[cfg(test)]
const CONTEXT_WORDS: &[&str] = &[
    "about", "almost", "and", "around", "at", "between", "billion", "by", "children", "for",
    "from", "has", "in", "is", "million", "more", "nearly", "no", "number", "of", "on", "people",
    "percent", "since", "than", "to", "up",
];

/// [`START_WORDS`] as a set.
pub(super) static START_WORD_SET: WordSet = WordSet::new(START_WORDS);

pub(super) const TZ: &[&str] = &[
    "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "bst", "cet",
];

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use super::{CONTEXT_WORDS, START_WORDS};
    use crate::extract::timex::examples::{SOURCES, code_of, tests_of};
    use crate::extract::timex::grammar::Parser;
    use crate::extract::timex::tokens::{Tok, tokenize};

    #[test]
    fn start_words_cover_the_matchers() {
        // The lexicon and the grammar: every word a matcher compares a token with.
        let code = SOURCES
            .iter()
            .filter(|(path, _)| *path == "lexicon.rs" || path.starts_with("grammar/"))
            .flat_map(|(_, src)| code_of(src).lines());
        for line in code {
            let line = line.split("//").next().unwrap();
            let mut chars = line.chars();
            let mut lit: Option<String> = None;
            while let Some(c) = chars.next() {
                match (&mut lit, c) {
                    (None, '"') => lit = Some(String::new()),
                    (Some(_), '\\') => {
                        chars.next();
                        lit = Some("\\".to_string());
                    }
                    (Some(l), '"') => {
                        if !l.is_empty() && l.bytes().all(|b| b.is_ascii_lowercase()) {
                            let named = |list: &[&str]| list.binary_search(&l.as_str()).is_ok();
                            assert!(named(START_WORDS) || named(CONTEXT_WORDS), "{l:?}");
                        }
                        lit = None;
                    }
                    (Some(l), c) => l.push(c),
                    (None, _) => {}
                }
            }
        }
        assert!(START_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(CONTEXT_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(
            CONTEXT_WORDS
                .iter()
                .all(|w| START_WORDS.binary_search(w).is_err())
        );
    }

    /// The sentences quoted in the tagger's tests, with their lowercase.
    fn example_sentences() -> Vec<(String, String)> {
        let mut out = Vec::new();
        for (path, src) in SOURCES {
            for literal in tests_of(path, src).split('"').skip(1).step_by(2) {
                if literal.contains(' ') && !literal.contains('\\') {
                    out.push((literal.to_string(), literal.to_ascii_lowercase()));
                }
            }
        }
        out
    }

    #[test]
    fn context_words_start_nothing() {
        let sentences = example_sentences();
        assert!(sentences.len() > 300);
        for (text, lowered) in &sentences {
            let toks = tokenize(text, lowered);
            for i in 0..toks.len() {
                for word in CONTEXT_WORDS {
                    for cap in [false, true] {
                        let mut t = toks.clone();
                        t[i] = Tok {
                            w: Cow::Borrowed(word),
                            cap,
                            num: None,
                            len: word.len(),
                            ..t[i].clone()
                        };
                        let found = Parser::new(&t).all_matchers(i);
                        assert!(found.is_none(), "{word:?} at {i} of {text:?}");
                    }
                }
            }
        }
    }
}
