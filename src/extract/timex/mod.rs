//! TIMEX3 temporal expression tagger and normalizer for English news text.
//!
//! Input: the plain text of one article body (any Unicode; paragraphs separated by blank
//! lines) and the document creation (publication) date.
//! Output: a list of [`Timex`] records, sorted by start offset and never overlapping, each with
//! byte offsets into the input, a TIMEX3 type (DATE, TIME, DURATION, SET), a normalized TIMEX3
//! `value` (e.g. `2024-03-18`, `2023-Q3`, `P2Y`, `PRESENT_REF`) and an optional TIMEX3 `mod`.
//!
//! The tagger works on a simple token stream (letter runs, digit runs, single punctuation
//! characters) with hand-written, bounded look-ahead matchers, so it runs in time linear in the
//! input. Spans follow the TimeML / TempEval-3 conventions: leading prepositions are excluded,
//! determiners, relative words and modifiers ("about", "early", "more than") are included.
//! Relative and anaphoric expressions are resolved against the publication date, the local tense
//! of the sentence, and the most recent concrete date mentioned earlier in the text.
//! Ranges are never one expression: "from 4 to 22 January" gives two dates, the first taking
//! its month and year from the second, as TempEval-3 annotates them. "N and a half" lengths
//! keep whole smaller units ("PT2H30M"), as in TimeBank; written decimals stay decimal ("P3.5Y").
//! A bare weekday with "night"/"morning" ("Friday night") is the DATE of that day, as the
//! news annotations mostly give it; evenings, afternoons and "next Friday night" keep TIME with
//! the part of day. Short offsets before "later"/"earlier" ("three days later") are tagged as
//! the length without the adverb; "Earlier"/"Later" before a weekday or "today" stay outside.
//!
//! # Layers
//!
//! Each layer uses only the ones before it (and the public [`Timex`] and [`TimexType`]):
//!
//! 1. `tokens.rs`: text → tokens (letter runs, digit runs, single marks) with byte offsets, and
//!    the sentence of each token.
//! 2. `sem.rs`: what a rule produces: a token span and its meaning before resolution ("last" +
//!    July, a weekday to place by tense, two units after the last date mentioned).
//! 3. `lexicon.rs`: words as data: month, weekday, part-of-day, season and unit names, number
//!    and ordinal words, time zones, and the words that may start an expression.
//! 4. `grammar/`: the matchers, one file per kind (`date.rs`, `year.rs`, `holiday.rs`,
//!    `relative.rs`, `duration.rs`, `set.rs`, `time.rs`), all methods of one `Parser`, which
//!    tries them at a token and keeps the longest match.
//! 5. `resolve/`: a meaning + the publication date + the tense of the sentence (`tense.rs`) +
//!    the last date mentioned → the TIMEX3 type and value; in a narrative (`narrative.rs`),
//!    year-less dates count from the last date the story reached.
//!
//! [`tag`] walks the tokens left to right: at each one the parser's longest match, if any, is
//! kept and the walk goes on after it. From the expressions found, the text is read as news or
//! as a narrative (`resolve/narrative.rs`: history told long after the events, whose year-less
//! dates count from the time the story is in); then each is resolved in order.
//!
//! # Adding a rule
//!
//! 1. Write its examples first, as rows of the examples table in the tests of the file of its
//!    kind: text, publication date, span, TIMEX3 value, type and mod. Test what it must not
//!    tag too (`check_untagged`).
//! 2. New words go in the tables of `lexicon.rs`. A word an expression can start with goes in
//!    `START_WORDS`: the test `start_words_cover_the_matchers` fails until it is there, and the
//!    parser never tries the matchers at a word outside it.
//! 3. Write the matcher as a `Parser` method in that file, returning a `Cand` (its span and a
//!    `Sem`), and call it in `Parser::all_matchers`. A meaning no `Sem` variant has gets a new
//!    variant in `sem.rs` and its resolution in `resolve/mod.rs`.
//! 4. Run `cargo test` and the TempEval-3 evaluation (`cargo run --release --example eval --
//!    tempeval ../shared/data/tempeval3/dev.jsonl`) before and after, and compare.

#[cfg(test)]
mod examples;
mod grammar;
mod lexicon;
mod resolve;
mod sem;
mod tokens;

use chrono::NaiveDate;

use self::grammar::Parser;
pub(crate) use self::lexicon::{month_of, weekday_of};
pub use self::resolve::Reading;
use self::resolve::{State, reading_of, resolve};
use self::tokens::{sentence_ids, tokenize};

/// The TIMEX3 type of a temporal expression.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period (day, week, month, quarter, season, year, decade, ...).
    Date,
    /// A time of day, possibly anchored to a date.
    Time,
    /// A length of time ("two years", "48-hour").
    Duration,
    /// A recurring time ("every week", "daily").
    Set,
}

impl TimexType {
    /// The type as TIMEX3 writes it (and as it serializes): `DATE`, `TIME`, `DURATION`, `SET`.
    pub fn label(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// One temporal expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    /// Byte offset of the first byte of the expression (on a char boundary).
    pub start: usize,
    /// Byte offset one past the last byte of the expression (end exclusive, on a char boundary).
    pub end: usize,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 value: "2024-03-18", "2023-07", "2023", "2023-Q3", "2023-SU", "199" (decade),
    /// "2024-W12", "2024-03-18TMO", "2024-03-18T14:30", "PRESENT_REF", "PAST_REF", "FUTURE_REF",
    /// "P2Y", "PT48H", "P1W" (sets), ...
    pub value: String,
    /// TIMEX3 mod: "APPROX", "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS",
    /// "START", "MID", "END", ...
    pub modifier: Option<String>,
}

/// Finds every temporal expression in `text` (a whole article body; paragraphs separated by blank
/// lines) and normalizes it against `dct`, the document creation (publication) date. Results are
/// sorted by start and never overlap.
pub fn tag(text: &str, dct: NaiveDate) -> Vec<Timex> {
    tag_as(text, dct, None)
}

/// [`tag`] with the reading of the text given (`Some`) or decided from its expressions
/// (`None`): whether year-less expressions count from the publication or from the time the
/// story is in.
pub fn tag_as(text: &str, dct: NaiveDate, reading: Option<Reading>) -> Vec<Timex> {
    tag_lowered(text, &text.to_ascii_lowercase(), dct, reading)
}

/// [`tag_as`] with `lowered`, `text` with its ASCII letters lowercased, made once by the caller
/// for the other extractors too.
pub(crate) fn tag_lowered(
    text: &str,
    lowered: &str,
    dct: NaiveDate,
    reading: Option<Reading>,
) -> Vec<Timex> {
    let toks = tokenize(text, lowered);
    let sent = sentence_ids(&toks);
    let cands = candidates(&toks);
    let reading = reading.unwrap_or_else(|| reading_of(&cands, &toks, dct));
    let mut st = State::new(dct, reading);
    cands
        .iter()
        .filter_map(|c| resolve(c, &toks, &sent, &mut st))
        .collect()
}

/// How `text`, published on `dct`, reads: as news or as a narrative (see [`Reading`]).
pub fn reading(text: &str, dct: NaiveDate) -> Reading {
    let lowered = text.to_ascii_lowercase();
    let toks = tokenize(text, &lowered);
    reading_of(&candidates(&toks), &toks, dct)
}

/// The expressions the grammar finds, left to right: at each token the parser's longest match,
/// if any, and the walk goes on after it.
fn candidates(toks: &[tokens::Tok<'_>]) -> Vec<sem::Cand> {
    let p = Parser::new(toks);
    let mut cands = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        match p.parse_at(i) {
            Some(c) if c.end > i => {
                i = c.end;
                cands.push(c);
            }
            _ => i += 1,
        }
    }
    cands
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::{TimexType, tag};
    use crate::extract::timex::examples::{d, find};

    #[test]
    fn a_types_label_is_its_serialized_name() {
        for kind in [
            TimexType::Date,
            TimexType::Time,
            TimexType::Duration,
            TimexType::Set,
        ] {
            assert_eq!(
                serde_json::to_value(kind).unwrap(),
                serde_json::Value::from(kind.label())
            );
        }
    }

    #[test]
    fn required_example() {
        let text = "North Korea has shipped around 7,000 containers since the transfers began around last July, the minister said Monday. They met in September. The United States said in October 2023 that shipments were underway. Seoul accused Pyongyang the following month of sending shells. Routes are suspended now.";
        let res = tag(text, d("2024-03-20"));
        let got: Vec<(&str, &str)> = res
            .iter()
            .map(|t| (&text[t.start..t.end], t.value.as_str()))
            .collect();
        let lj = find(text, &res, "around last July").or_else(|| find(text, &res, "last July"));
        assert_eq!(lj.map(|t| t.value.as_str()), Some("2023-07"), "{got:?}");
        if let Some(t) = find(text, &res, "around last July") {
            assert_eq!(t.modifier.as_deref(), Some("APPROX"));
        }
        let want = [
            ("Monday", "2024-03-18"),
            ("September", "2023-09"),
            ("October 2023", "2023-10"),
            ("the following month", "2023-11"),
            ("now", "PRESENT_REF"),
        ];
        for (span, v) in want {
            assert_eq!(
                find(text, &res, span).map(|t| t.value.as_str()),
                Some(v),
                "{span}: {got:?}"
            );
        }
        assert!(
            res.iter().all(|t| !text[t.start..t.end].contains("7,000")),
            "{got:?}"
        );
        assert_eq!(res.len(), 6, "{got:?}");
    }

    #[test]
    fn no_panic_on_a_fraction_after_a_byte_order_mark() {
        // Found by property testing: a look-back two tokens before the second token.
        let _ = tag(
            "\u{feff}/0 ",
            NaiveDate::from_ymd_opt(2024, 3, 20).unwrap_or_default(),
        );
        let _ = tag(
            "/0",
            NaiveDate::from_ymd_opt(2024, 3, 20).unwrap_or_default(),
        );
        let _ = tag(
            ".0",
            NaiveDate::from_ymd_opt(2024, 3, 20).unwrap_or_default(),
        );
    }

    #[test]
    fn sorted_and_no_overlap() {
        let text = "On Monday, March 18, 2024 at 3 p.m. and in 2023 and last week, for two years, every day.";
        let res = tag(text, d("2024-03-20"));
        for w in res.windows(2) {
            assert!(w[0].end <= w[1].start);
        }
        assert!(!res.is_empty());
    }

    #[test]
    fn never_panics() {
        let inputs = [
            "",
            " ",
            "\u{0}\u{ffff}\u{1F600} March 99, 99999 9999999999999999999 days ago",
            "the the the following following",
            "31/31/31 2024-13-45 99:99 p.m. 12/31/9999 year-ago quarter Q9",
            "mid- early late the end of",
            "Ünïcödé Mär. 18 — 18 März, 2024年3月18日 四十 days",
            "4294967295 years ago 999999999 years later every 999999999 days",
            "\n\n\n. . . ' ' 's",
        ];
        for s in inputs {
            let _ = tag(s, d("2024-03-20"));
            let _ = tag(s, NaiveDate::MIN);
            let _ = tag(s, NaiveDate::MAX);
        }
        let big = "In 2023 the minister said Monday that 3 p.m. talks would last two years. "
            .repeat(2000);
        let res = tag(&big, d("2024-03-20"));
        assert!(res.len() >= 8000);
    }
}
