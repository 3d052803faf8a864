//! Words in, meanings out, as tables: month, weekday, part-of-day, season and unit names, number
//! and ordinal words, relative words ("this", "last", "next"), decades, recurrences, holidays
//! and time zones; and the words that may start an expression ([`START_WORDS`]), which let the
//! parser skip most words of prose. (The words that tell the tense of a sentence are with the
//! resolver, in `resolve/tense.rs`.)

use super::sem::{Hol, Unit};
use crate::extract::words::WordSet;

/// Month names and abbreviations: (word, month, abbreviated).
#[rustfmt::skip]
const MONTHS: &[(&str, u32, bool)] = &[
    ("january", 1, false), ("february", 2, false), ("march", 3, false), ("april", 4, false),
    ("may", 5, false), ("june", 6, false), ("july", 7, false), ("august", 8, false),
    ("september", 9, false), ("october", 10, false), ("november", 11, false),
    ("december", 12, false),
    ("jan", 1, true), ("feb", 2, true), ("mar", 3, true), ("apr", 4, true), ("jun", 6, true),
    ("jul", 7, true), ("aug", 8, true), ("sep", 9, true), ("sept", 9, true), ("oct", 10, true),
    ("nov", 11, true), ("dec", 12, true),
];

/// Weekday names, from Monday.
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Parts of the day and their TIMEX3 codes.
const PARTS_OF_DAY: &[(&str, &str)] = &[
    ("morning", "TMO"),
    ("afternoon", "TAF"),
    ("evening", "TEV"),
    ("night", "TNI"),
];

/// Seasons and their TIMEX3 codes.
const SEASONS: &[(&str, &str)] = &[
    ("spring", "SP"),
    ("summer", "SU"),
    ("fall", "FA"),
    ("autumn", "FA"),
    ("winter", "WI"),
];

/// Units of time: (word, unit, plural).
#[rustfmt::skip]
const UNITS: &[(&str, Unit, bool)] = &[
    ("second", Unit::Sec, false), ("seconds", Unit::Sec, true),
    ("minute", Unit::Min, false), ("minutes", Unit::Min, true),
    ("hour", Unit::Hour, false), ("hours", Unit::Hour, true),
    ("day", Unit::Day, false), ("days", Unit::Day, true),
    ("weekend", Unit::Weekend, false), ("weekends", Unit::Weekend, true),
    ("week", Unit::Week, false), ("weeks", Unit::Week, true),
    ("month", Unit::Month, false), ("months", Unit::Month, true),
    ("quarter", Unit::Quarter, false), ("quarters", Unit::Quarter, true),
    ("year", Unit::Year, false), ("years", Unit::Year, true),
    ("decade", Unit::Decade, false), ("decades", Unit::Decade, true),
    ("century", Unit::Century, false), ("centuries", Unit::Century, true),
];

/// Abbreviated units of time.
#[rustfmt::skip]
const UNIT_ABBREVIATIONS: &[(&str, Unit)] = &[
    ("h", Unit::Hour), ("hr", Unit::Hour), ("hrs", Unit::Hour),
    ("min", Unit::Min), ("mins", Unit::Min),
    ("sec", Unit::Sec), ("secs", Unit::Sec),
    ("yr", Unit::Year), ("yrs", Unit::Year),
    ("wk", Unit::Week), ("wks", Unit::Week),
];

/// Tens as words, from twenty.
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Ordinals as words, from first.
const ORDINALS: [&str; 12] = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth",
];

/// The other ordinal days of a month that are one word.
const ORDINAL_DAYS: &[(&str, u32)] = &[
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

/// Words placing a period relative to the publication date's: "this", "last", "next" week.
const RELATIVE_WORDS: &[(&str, i32)] = &[("this", 0), ("last", -1), ("next", 1), ("upcoming", 1)];

/// Decades as words, after "the": ("twenties", 2) is the 1920s.
pub(super) const DECADES: &[(&str, i32)] = &[
    ("twenties", 2),
    ("thirties", 3),
    ("forties", 4),
    ("fifties", 5),
    ("sixties", 6),
    ("seventies", 7),
    ("eighties", 8),
    ("nineties", 9),
];

/// Words that are a recurrence (TIMEX3 SET) by themselves, and its value.
pub(super) const SET_WORDS: &[(&str, &str)] = &[
    ("daily", "P1D"),
    ("weekly", "P1W"),
    ("monthly", "P1M"),
    ("annually", "P1Y"),
    ("yearly", "P1Y"),
    ("hourly", "PT1H"),
    ("nightly", "P1D"),
    ("biweekly", "P2W"),
    ("fortnightly", "P2W"),
    ("semiannually", "P6M"),
    ("biannually", "P6M"),
];

/// Adjectives that are a recurrence only at the end of a phrase: TimeML tags "paid quarterly"
/// but not "quarterly dividend". The flag: whether the adjective is a recurrence before a
/// gathering or habit too ([`RECURRING_EVENTS`]): "a quarterly meeting" is, but "the annual
/// meeting" names the one shareholders' meeting of the year, which TimeBank leaves untagged.
pub(super) const SET_ADJECTIVES: &[(&str, (&str, bool))] = &[
    ("quarterly", ("P3M", true)),
    ("annual", ("P1Y", false)),
    ("everyday", ("P1D", true)),
    ("semiannual", ("P6M", false)),
];

/// Gatherings and habits that recur by their nature: before one of them an adjective of
/// [`SET_ADJECTIVES`] is a recurrence too ("a quarterly meeting", "an everyday routine"),
/// while before an amount or a result it is not ("quarterly dividend", "an everyday matter"),
/// as TimeBank leaves those.
const RECURRING_EVENTS: &[&str] = &[
    "briefing",
    "briefings",
    "checkup",
    "checkups",
    "class",
    "classes",
    "conference",
    "conferences",
    "gathering",
    "gatherings",
    "inspection",
    "inspections",
    "lesson",
    "lessons",
    "meeting",
    "meetings",
    "routine",
    "routines",
    "session",
    "sessions",
    "summit",
    "summits",
    "visit",
    "visits",
];

/// [`RECURRING_EVENTS`] as a set.
pub(super) static RECURRING_EVENT_SET: WordSet = WordSet::new(RECURRING_EVENTS);

/// Singular words that follow a count or a measure, not a year: "1500 percent", "2000 metric
/// tons", "1200 police". After any other lowercase singular word a modern year is a year.
const NOT_AFTER_A_YEAR_WORDS: &[&str] = &[
    "am",
    "billion",
    "cattle",
    "cubic",
    "foot",
    "ft",
    "head",
    "hundred",
    "kg",
    "km",
    "metric",
    "million",
    "mph",
    "or",
    "other",
    "per",
    "percent",
    "personnel",
    "pm",
    "police",
    "square",
    "staff",
    "thousand",
    "yen",
];

/// [`NOT_AFTER_A_YEAR_WORDS`] as a set.
pub(super) static NOT_AFTER_A_YEAR: WordSet = WordSet::new(NOT_AFTER_A_YEAR_WORDS);

/// Words between a number and its unit that leave a length a length: "eight trading days",
/// "an additional year", "five straight days".
const LENGTH_ADJECTIVES: &[&str] = &[
    "additional",
    "business",
    "consecutive",
    "extra",
    "straight",
    "trading",
    "working",
];

/// [`LENGTH_ADJECTIVES`] as a set.
pub(super) static LENGTH_ADJECTIVE_SET: WordSet = WordSet::new(LENGTH_ADJECTIVES);

/// How a holiday's name must be written to be one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Written {
    /// In any case: its first word names nothing else ("christmas").
    AnyCase,
    /// With its first word capitalised ("Father's Day").
    Capitalised,
    /// With its first and last words capitalised ("Labor Day", not "a labor day").
    BothCapitalised,
}

/// Holiday names, as tokens (an apostrophe is a token of its own), how they must be written,
/// and the day they fall on. Names that begin alike are listed longest first: the first that
/// matches is taken.
#[rustfmt::skip]
pub(super) const HOLIDAYS: &[(&[&str], Written, Hol)] = &[
    (&["thanks", "giving", "day"], Written::AnyCase, Hol::Thanksgiving),
    (&["thanks", "giving"], Written::AnyCase, Hol::Thanksgiving),
    (&["father", "'", "s", "day"], Written::Capitalised, Hol::Nth(6, 6, 3)),
    (&["mother", "'", "s", "day"], Written::Capitalised, Hol::Nth(5, 6, 2)),
    (&["mlk", "day"], Written::Capitalised, Hol::Nth(1, 0, 3)),
    (&["martin", "luther", "king", "day"], Written::Capitalised, Hol::Nth(1, 0, 3)),
    (&["labor", "day"], Written::BothCapitalised, Hol::Nth(9, 0, 1)),
    (&["new", "year", "eve"], Written::AnyCase, Hol::Fixed(12, 31)),
    (&["new", "year", "'", "s", "day"], Written::AnyCase, Hol::Fixed(1, 1)),
    (&["new", "year", "'", "s", "eve"], Written::AnyCase, Hol::Fixed(12, 31)),
    (&["christmas", "eve"], Written::AnyCase, Hol::Fixed(12, 24)),
    (&["christmas", "day"], Written::AnyCase, Hol::Fixed(12, 25)),
    (&["christmas"], Written::AnyCase, Hol::Fixed(12, 25)),
    (&["thanksgiving", "day"], Written::AnyCase, Hol::Thanksgiving),
    (&["thanksgiving"], Written::AnyCase, Hol::Thanksgiving),
    (&["halloween"], Written::AnyCase, Hol::Fixed(10, 31)),
    (&["independence", "day"], Written::Capitalised, Hol::Fixed(7, 4)),
    (&["election", "day"], Written::BothCapitalised, Hol::ElectionDay),
    (&["valentine", "'", "s", "day"], Written::Capitalised, Hol::Fixed(2, 14)),
];

/// The meaning of `word` in a table of (word, meaning) pairs.
pub(super) fn lookup<T: Copy>(table: &[(&str, T)], word: &str) -> Option<T> {
    table.iter().find(|(w, _)| *w == word).map(|&(_, v)| v)
}

/// Month name or abbreviation -> (month, abbreviated).
pub(crate) fn month_of(w: &str) -> Option<(u32, bool)> {
    MONTHS
        .iter()
        .find(|(name, _, _)| *name == w)
        .map(|&(_, m, abbreviated)| (m, abbreviated))
}

/// Weekday name -> weekday (0 = Monday).
pub(crate) fn weekday_of(w: &str) -> Option<u32> {
    WEEKDAYS.iter().position(|d| *d == w).map(|p| p as u32)
}

/// Part of the day -> its TIMEX3 code ("morning" -> "TMO").
pub(super) fn pod_of(w: &str) -> Option<&'static str> {
    lookup(PARTS_OF_DAY, w)
}

/// Season -> its TIMEX3 code ("summer" -> "SU").
pub(super) fn season_of(w: &str) -> Option<&'static str> {
    lookup(SEASONS, w)
}

/// Unit word -> (unit, plural).
pub(super) fn unit_of(w: &str) -> Option<(Unit, bool)> {
    UNITS
        .iter()
        .find(|(word, _, _)| *word == w)
        .map(|&(_, u, plural)| (u, plural))
}

/// Abbreviated duration units.
pub(super) fn unit_abbr(w: &str) -> Option<Unit> {
    lookup(UNIT_ABBREVIATIONS, w)
}

/// Number word from "zero" to "nineteen" (the crate's one list of them, in `numbers.rs`).
pub(super) fn small_num(w: &str) -> Option<u32> {
    crate::extract::numbers::unit_word(w)
}

/// Tens word -> its value ("forty" -> 40).
pub(super) fn tens_num(w: &str) -> Option<u32> {
    TENS.iter()
        .position(|x| *x == w)
        .map(|p| (p as u32 + 2) * 10)
}

/// Ordinal word from "first" to "twelfth" -> its number.
pub(super) fn ordinal_of(w: &str) -> Option<u32> {
    ORDINALS.iter().position(|x| *x == w).map(|p| p as u32 + 1)
}

/// Spelled ordinal day of month 1..=31 ("first", "twentieth", "thirty-first"), possibly
/// across tokens; `words` returns the token text at an index. Returns (day, next index).
pub(super) fn spelled_day<'w>(words: impl Fn(usize) -> &'w str, i: usize) -> Option<(u32, usize)> {
    let w = words(i);
    if let Some(o) = ordinal_of(w) {
        return Some((o, i + 1));
    }
    if let Some(n) = lookup(ORDINAL_DAYS, w) {
        return Some((n, i + 1));
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

/// "this", "last", "next" -> 0, -1, 1.
pub(super) fn rel_word(w: &str) -> Option<i32> {
    lookup(RELATIVE_WORDS, w)
}

/// Every lowercase word the matchers (and the word tables they use) compare the first token of
/// an expression with, sorted. A word outside this list that is not a number word starts no
/// expression (see [`Parser::may_start`](super::grammar::Parser::may_start)); the test
/// `start_words_cover_the_matchers` keeps the list complete.
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
    "units", "until", "upcoming", "utc", "valentine", "w", "was", "wednesday", "week", "weekend", "weekends",
    "weekly", "weeks", "when", "whole", "winter", "wk", "wks", "women", "year", "yearly", "years",
    "yesterday", "yr", "yrs",
];

/// The other words the matchers name, sorted: they are compared only with tokens before or
/// after an expression's first ("since 2019", "2,000 people", "on 15", "from ... to"), or read
/// by [`Parser::modifier`](super::grammar::Parser::modifier) before one ("about", "more than"),
/// so they start no expression and [`Parser::may_start`](super::grammar::Parser::may_start)
/// skips them. The commonest words of prose are among them; the test
/// `context_words_start_nothing` puts each at every token of the tests' examples.
#[rustfmt::skip]
#[cfg(test)]
const CONTEXT_WORDS: &[&str] = &[
    "about", "additional", "ahead", "almost", "and", "around", "at", "between", "beyond",
    "billion", "briefing", "briefings", "business", "by", "c", "cattle", "checkup", "checkups",
    "children", "class", "classes", "commencing", "conference", "conferences", "consecutive",
    "cubic", "extra", "foot", "for", "from", "ft", "gathering", "gatherings", "has", "he", "head",
    "in", "inspection", "inspections", "is", "it", "kg", "lesson", "lessons", "meeting",
    "meetings", "metric", "million", "more", "mph", "nearly", "no", "number", "of", "on", "people",
    "percent", "personnel", "police", "routine", "routines", "session", "sessions", "she", "since",
    "square", "staff", "starting", "straight", "summit", "summits", "than", "there", "they", "to",
    "trading", "up", "visit", "visits", "we", "while", "within", "working", "yen",
];

/// [`START_WORDS`] as a set.
pub(super) static START_WORD_SET: WordSet = WordSet::new(START_WORDS);

/// Time zones after a clock time ("15:30 GMT").
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
                            len: word.len() as u32,
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
