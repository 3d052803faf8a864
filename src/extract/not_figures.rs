//! Numbers that are not figures, though they look like counts: dates and clock times the tagger
//! left, phone numbers, numbers inside names and models, street addresses, ages, ranks, years,
//! incidental counts and time spans. Each rule is a function with the examples it refuses; the
//! examples are tested below, with near misses that must stay figures.

use super::tokens::Token;
use super::words::WordSet;

/// What [`rejects`] knows of a candidate figure.
pub(crate) struct Candidate<'c, 't> {
    /// The text the tokens are of.
    pub(crate) text: &'c str,
    /// The sentence's tokens.
    pub(crate) tokens: &'c [Token<'t>],
    /// Token index of the number.
    pub(crate) number: usize,
    /// Token index after the number.
    pub(crate) after: usize,
    /// The value.
    pub(crate) value: f64,
    /// The number was written in words ("two").
    pub(crate) spelled: bool,
    /// The counted unit, when one was found.
    pub(crate) unit: Option<&'c str>,
    /// A currency, percent or measure unit was written: an explicit figure.
    pub(crate) explicit: bool,
}

impl<'t> Candidate<'_, 't> {
    fn word(&self, k: usize) -> std::borrow::Cow<'t, str> {
        self.tokens.get(k).map(Token::lower).unwrap_or_default()
    }

    fn before(&self, n: usize) -> std::borrow::Cow<'t, str> {
        self.number
            .checked_sub(n)
            .map(|k| self.word(k))
            .unwrap_or_default()
    }

    fn raw(&self, k: usize) -> &str {
        self.tokens.get(k).map_or("", |t| t.text)
    }

    fn is_integer(&self) -> bool {
        self.value.fract() == 0.0 && !self.raw(self.number).contains([',', '.'])
    }
}

/// A rule: what it refuses, and the test.
type Rule = (&'static str, fn(&Candidate<'_, '_>) -> bool);

/// Why a number is not a figure, or `None` when it may be one.
pub(crate) fn rejects(c: &Candidate<'_, '_>) -> Option<&'static str> {
    let rules: [Rule; 19] = [
        ("a day of a month", day_of_month),
        ("a clock time", clock_time),
        ("a score", score),
        ("a turn of phrase", turn_of_phrase),
        ("a ticker or a variant", dotted_code),
        ("a clause of a law", bracketed_clause),
        ("a race", race_distance),
        ("a phone number", phone_number),
        ("a street address", street_address),
        ("part of a name", inside_name),
        ("an age", age),
        ("a rank", rank),
        ("a year", year),
        ("an incidental count", incidental),
        ("a time span", time_span),
        ("a number inside a code", code),
        ("part of a security's name", security_name),
        ("a model number", model_number),
        ("the base of an index", index_base),
    ];
    rules.iter().find(|(_, rule)| rule(c)).map(|(why, _)| *why)
}

/// "each index is based on the close of 1969 equaling 100", "(1982-84 = 100)": the value an
/// index is reckoned from, which no one measured.
fn index_base(c: &Candidate<'_, '_>) -> bool {
    let by = c.before(1);
    let equal = matches!(
        by.as_ref(),
        "equaling" | "equalling" | "equals" | "equal" | "="
    );
    let based = (0..c.number).any(|k| {
        matches!(
            c.word(k).as_ref(),
            "base" | "based" | "index" | "indexes" | "indices"
        )
    });
    equal && based && c.value == 100.0
}

/// A month's name or abbreviation, lowercase ("nov", "november"): the tagger's own lexicon.
fn month(word: &str) -> bool {
    super::timex::month_of(word).is_some()
}

/// Whether `word` is a month's name or abbreviation, in any case.
pub(crate) fn is_month(word: &str) -> bool {
    month(word.to_lowercase().trim_end_matches('.'))
}

/// "LONDON, Nov 14 - European shares …", "Dec. 12": a day after a month name.
fn day_of_month(c: &Candidate<'_, '_>) -> bool {
    let (m, dot) = if c.before(1) == "." {
        (c.before(2), true)
    } else {
        (c.before(1), false)
    };
    let capital = c
        .tokens
        .get(c.number.wrapping_sub(if dot { 2 } else { 1 }))
        .is_some_and(Token::is_capitalized);
    capital && month(m.as_ref()) && c.is_integer() && (1.0..=31.0).contains(&c.value)
}

/// Time zones after a clock time; never a name a story is about.
#[rustfmt::skip]
pub(crate) static TIME_ZONES: WordSet = WordSet::new(&[
    "gmt", "utc", "est", "edt", "cst", "cdt", "pst", "pdt", "cet", "cest", "bst", "et", "pt",
    "jst", "ist", "hrs", "hours", "local", "z",
]);

/// "shares rose 1.2% at 1045 GMT", "(0735 GMT)": four digits of a 24-hour clock and a zone;
/// "shortly after 11 o'clock": an hour.
fn clock_time(c: &Candidate<'_, '_>) -> bool {
    let next = c.word(c.after);
    if matches!(next.as_ref(), "o'clock" | "o’clock")
        || next == "o" && matches!(c.raw(c.after + 1), "'" | "’") && c.word(c.after + 2) == "clock"
    {
        return c.is_integer() && c.value <= 24.0;
    }
    let digits = c.raw(c.number);
    digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && digits[..2].parse::<u32>().is_ok_and(|h| h < 24)
        && digits[2..].parse::<u32>().is_ok_and(|m| m < 60)
        && TIME_ZONES.contains(c.word(c.after).as_ref())
}

/// A run of bare digit groups: "+44 20 7946 0321", "(255-51) 666-015", "555 0199".
fn phone_number(c: &Candidate<'_, '_>) -> bool {
    let bare = |k: usize| {
        let t = c.raw(k);
        !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
    };
    if !bare(c.number) {
        return false;
    }
    // "dial 911", "call 116 123", "text 88022", "send a text to 88022": digits to call.
    if c.unit.is_none() && !c.spelled && c.raw(c.number).len() >= 3 {
        let mut k = c.number;
        while k > 0 && bare(k - 1) {
            k -= 1;
        }
        let mut before = c.word(k.wrapping_sub(1));
        if matches!(before.as_ref(), "on" | "to" | "at") {
            before = c.word(k.wrapping_sub(2));
        }
        if k > 0 && PHONE_WORDS.contains(before.as_ref()) {
            return true;
        }
    }
    // A "+" glued before the first group.
    if c.number > 0
        && c.raw(c.number - 1) == "+"
        && c.tokens[c.number - 1].end == c.tokens[c.number].start
    {
        return true;
    }
    // Three or more groups in a row, joined by spaces, dashes or brackets.
    let joiner = |k: usize| matches!(c.raw(k), "-" | "(" | ")");
    // (Counting stops at three, so that a run of thousands of numbers costs no more.)
    let mut groups = 1;
    let mut k = c.number;
    while k > 0 && groups < 3 && (bare(k - 1) || joiner(k - 1)) {
        k -= 1;
        groups += usize::from(bare(k));
    }
    let mut k = c.number + 1;
    while k < c.tokens.len() && groups < 3 && (bare(k) || joiner(k)) {
        groups += usize::from(bare(k));
        k += 1;
    }
    groups >= 3
}

/// Words before a number to call: "dial 911", "call 116 123", "the hotline on 0800 555 0123".
#[rustfmt::skip]
static PHONE_WORDS: WordSet = WordSet::new(&[
    "call", "calling", "dial", "dialling", "dialing", "phone", "telephone", "ring", "text",
    "texting", "sms", "fax", "hotline", "helpline", "tel",
]);

#[rustfmt::skip]
static STREET_WORDS: WordSet = WordSet::new(&[
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "drive",
    "dr",
    "lane",
    "ln",
    "boulevard",
    "blvd",
    "way",
    "place",
    "pl",
    "square",
    "sq",
    "court",
    "ct",
    "terrace",
    "highway",
    "hwy",
    "crescent",
    "close",
    "gardens",
    "parkway",
    "plaza",
    "row",
    "strasse",
    "straße",
    "rue",
    "via",
]);

/// "the embassy is at 285 Toure Drive", "14 Kingsway": a number before a capitalized street name.
fn street_address(c: &Candidate<'_, '_>) -> bool {
    if !c.is_integer() || !c.tokens.get(c.after).is_some_and(Token::is_capitalized) {
        return false;
    }
    (c.after..(c.after + 3).min(c.tokens.len())).any(|k| {
        let w = c.word(k);
        c.tokens[k].is_capitalized()
            && (STREET_WORDS.contains(w.as_ref()) || (w.len() > 5 && w.ends_with("way")))
    })
}

/// Capitalized words that may stand before a figure without naming it: a sentence's first word
/// ("About 300", "Another 60,000") or a qualifier.
#[rustfmt::skip]
static LEAD_WORDS: WordSet = WordSet::new(&[
    "about",
    "some",
    "nearly",
    "almost",
    "over",
    "around",
    "roughly",
    "only",
    "another",
    "all",
    "just",
    "exactly",
    "approximately",
    "up",
    "more",
    "fewer",
    "less",
    "at",
    "by",
    "in",
    "of",
    "to",
    "the",
    "a",
    "an",
    "and",
    "but",
    "with",
    "from",
    "since",
    "until",
    "for",
    "on",
    "than",
    "between",
    "each",
    "those",
    "these",
    "its",
    "their",
    "our",
    "his",
    "her",
    "when",
    "while",
    "after",
    "before",
    "as",
    "many",
    "even",
    "still",
    "then",
    "so",
    "if",
    "because",
    "although",
    "total",
    "net",
    "under",
    "below",
    "above",
    "estimated",
    "an",
    "nearly",
    "well",
    "below",
]);

/// "Boeing 787 deliveries", "the FTSE 100", "STOXX 600 index", "Phase 3", "Windows 11", "iPhone
/// 15": a bare whole number right after a capitalized word (or one with a capital inside) that
/// is not a lead word; "exit 12", "gate 4": a number that labels a place.
fn inside_name(c: &Candidate<'_, '_>) -> bool {
    if c.spelled {
        return spelled_in_name(c);
    }
    if c.explicit || c.number == 0 {
        return false;
    }
    let prev = &c.tokens[c.number - 1];
    let camel =
        prev.text.starts_with(char::is_lowercase) && prev.text.chars().any(char::is_uppercase);
    // "iOS 17.2", "macOS 14.1": a release of a product whose name has a capital inside.
    let release = camel && prev.end + 1 >= c.tokens[c.number].start;
    if !(c.is_integer() || release) {
        return false;
    }
    if prev.lower_in(&PLACE_LABELS) || grade_on_scale(c) {
        return true;
    }
    let named = prev.is_capitalized() || camel;
    named
        && prev.end + 1 >= c.tokens[c.number].start
        && prev
            .text
            .chars()
            .all(|ch| ch.is_alphanumeric() || ch == '-')
        && !LEAD_WORDS.contains(prev.lower().as_ref())
        && !month(prev.lower().as_ref())
}

/// "the Group of Seven talks", "the Big Four accounting firms": a number word written with a
/// capital inside a sentence, after a word of the name ("Big") or "of" after one ("Group of").
/// Not in a headline written in capitals ("Storm Kills Seven"), where every word has one.
fn spelled_in_name(c: &Candidate<'_, '_>) -> bool {
    let number = &c.tokens[c.number];
    if c.explicit || c.number == 0 || !number.is_capitalized() {
        return false;
    }
    let prev = &c.tokens[c.number - 1];
    let after_name = |t: &Token<'_>| t.is_capitalized() && !LEAD_WORDS.contains(t.lower().as_ref());
    let in_name = after_name(prev)
        || (prev.text == "of" && c.number >= 2 && after_name(&c.tokens[c.number - 2]));
    // A sentence has a lowercase word of more than three letters; a headline has none.
    in_name
        && c.tokens
            .iter()
            .any(|t| t.is_word() && t.text.starts_with(char::is_lowercase) && t.text.len() > 3)
}

/// Nouns whose number names one of them: "exit 12", "gate 4", "platform 9".
#[rustfmt::skip]
static PLACE_LABELS: WordSet = WordSet::new(&[
    "exit", "junction", "gate", "platform", "room", "suite", "apartment", "terminal", "pier",
    "berth", "hangar", "ward", "block", "bay", "interstate", "highway",
]);

/// Nouns of a scale whose small number is a grade on it: "a category 4 hurricane", "a level 3
/// alert", "phase 2 trials", "stage 4 cancer".
#[rustfmt::skip]
static SCALE_LABELS: WordSet = WordSet::new(&[
    "category", "level", "grade", "tier", "phase", "stage",
]);

/// Whether the number is a grade on a scale: a small whole number after a noun of
/// [`SCALE_LABELS`] that is no verb: "plans to stage 10 rallies" counts rallies, "raised the
/// alert to level 3" is a grade.
fn grade_on_scale(c: &Candidate<'_, '_>) -> bool {
    let verb = c.unit.is_some()
        && matches!(
            c.before(2).as_ref(),
            "to" | "will" | "would" | "could" | "can" | "may" | "might" | "should" | "did" | "must"
        );
    c.tokens[c.number - 1].lower_in(&SCALE_LABELS) && !verb && c.value <= 12.0
}

/// "aged 34", "age 6", "just turned 6", "37 years old", "children under five", "the age of 60".
fn age(c: &Candidate<'_, '_>) -> bool {
    let b1 = c.before(1);
    if matches!(b1.as_ref(), "aged" | "age" | "turned" | "turns" | "turning") && c.value < 130.0 {
        return true;
    }
    // "aged just 19", "aged about 40".
    if matches!(
        b1.as_ref(),
        "just" | "only" | "about" | "around" | "nearly" | "almost" | "barely"
    ) && matches!(c.before(2).as_ref(), "aged" | "age")
        && c.value < 130.0
    {
        return true;
    }
    // "above the age of 60", "at the age of 12".
    if b1 == "of" && c.before(2) == "age" && c.value < 130.0 {
        return true;
    }
    if c.unit.is_some_and(|u| u.ends_with(" old")) {
        return true;
    }
    // "John Glenn, who at 77 is about to go", "who, at 41, leads": a person's age.
    let who = c.before(2) == "who" || (c.before(2) == "," && c.before(3) == "who");
    if b1 == "at" && who && c.unit.is_none() && c.value < 130.0 {
        return true;
    }
    matches!(b1.as_ref(), "under" | "over")
        && matches!(
            c.before(2).as_ref(),
            "children" | "kids" | "babies" | "infants" | "those" | "people" | "adults" | "aged"
        )
        && c.value < 130.0
}

/// "the 10 largest banks", "the 10 most significant", "top-selling 15", "top 5", "No. 3".
fn rank(c: &Candidate<'_, '_>) -> bool {
    let next = c.word(c.after);
    let superlative = next == "most"
        || next == "least"
        || (next.len() > 4
            && next.ends_with("est")
            && !matches!(
                next.as_ref(),
                "interest"
                    | "forest"
                    | "protest"
                    | "request"
                    | "guest"
                    | "harvest"
                    | "arrest"
                    | "suggest"
                    | "contest"
                    | "test"
                    | "chest"
                    | "west"
            ));
    let b1 = c.before(1);
    superlative || b1 == "top" || b1.starts_with("top-") || b1 == "bottom"
}

/// "in 1994, 1995 and 1997": a bare four-digit year the tagger did not take.
fn year(c: &Candidate<'_, '_>) -> bool {
    c.unit.is_none()
        && c.is_integer()
        && c.raw(c.number).len() == 4
        && (1800.0..=2100.0).contains(&c.value)
}

/// "the two countries", "both three …", "their two sons", "one of them": a small count in words
/// that refers back to what the story already named; "in two African capitals": where; "the
/// father of four boys", "a mother of three": a person's family, said to describe them.
fn incidental(c: &Candidate<'_, '_>) -> bool {
    let family = c.before(1) == "of"
        && matches!(
            c.before(2).as_ref(),
            "father" | "mother" | "parent" | "parents" | "grandfather" | "grandmother"
        )
        && c.value <= 20.0;
    // "He had three children", "a widow with two sons", "survived by four grandchildren": a
    // person's family, said to describe them.
    let kin = c.spelled
        && c.value <= 12.0
        && c.unit
            .and_then(|u| u.rsplit(' ').next())
            .is_some_and(|head| KIN.contains(head))
        && matches!(
            c.before(1).as_ref(),
            "had" | "has" | "have" | "having" | "with" | "by" | "leaves"
        );
    // "in two African capitals", "between two countries": places or parties an event is set
    // among, not a count the story reports.
    // "the bombings of two U.S. embassies", "attacks on two mosques": the targets of an event.
    let setting = c.spelled
        && c.value <= 3.0
        && (matches!(
            c.before(1).as_ref(),
            "in" | "at" | "between" | "among" | "across"
        ) || matches!(c.before(1).as_ref(), "of" | "on")
            && (OCCASIONS.contains(c.before(2).as_ref())
                || OCCASIONS.contains(format!("{}s", c.before(2)).as_str())));
    // "giving the authorities two chances", "condemned two terrorist bomb attacks": a few
    // occasions or events the sentence talks about, not a count it reports.
    let occasions = c.spelled
        && c.value <= 3.0
        && c.unit
            .and_then(|u| u.rsplit(' ').next())
            .is_some_and(|head| OCCASIONS.contains(head));
    // "the first of three meetings": the place of one in a series, not a count.
    let series_of =
        c.before(1) == "of" && ORDINALS.contains(c.before(2).as_ref()) && c.value <= 20.0;
    // "three major fund groups -- Fidelity Investments, Vanguard Group Inc. and T. Rowe Price
    // --", "two companies: Acme and Brix": a count that only introduces the names it lists.
    let listed = c.spelled && c.value <= 10.0 && introduces_list(c);
    // "Two men carried a banner", "the trial of two Libyans", "surrounded by two drunks",
    // "appears to have three choices": two or three of a thing the story talks about, as the
    // subject that opens the sentence or after "of", "by" or "have", with nothing done to them
    // that a table would count (killed, detained, displaced …: "Three German engineers were
    // detained" is a figure) and not added to others ("Three other carriers are stationed").
    let few = c.spelled
        && c.value <= 3.0
        && !c.explicit
        && c.unit
            .is_some_and(|u| !matches!(u, "percent" | "percentage points" | "points"))
        && (c.number == 0 || matches!(c.before(1).as_ref(), "of" | "by" | "have" | "has"))
        && !matches!(
            c.word(c.number + 1).as_ref(),
            "other" | "more" | "additional" | "new" | "further" | "extra"
        )
        && !suffered(c);
    family
        || few
        || kin
        || setting
        || occasions
        || listed
        || series_of
        || c.spelled
            && c.value <= 10.0
            && (matches!(
                c.before(1).as_ref(),
                "the" | "these" | "those" | "both" | "their" | "its" | "his" | "her" | "our" | "my"
            ) || c.before(1).ends_with("'s")
                || c.before(1).ends_with("’s"))
}

/// Whether what a count counts suffered something a table counts: a word of harm or loss near
/// it, after its noun ("were detained", "killed") or before it ("killed two").
fn suffered(c: &Candidate<'_, '_>) -> bool {
    let harmed = |k: usize| {
        c.tokens.get(k).is_some_and(|t| {
            t.lower_in(&super::neighbours::PEOPLE_PREDICATES)
                || matches!(
                    t.lower().as_ref(),
                    "kill"
                        | "kills"
                        | "killing"
                        | "die"
                        | "dies"
                        | "dying"
                        | "lost"
                        | "lose"
                        | "loses"
                        | "fired"
                        | "laid"
                        | "hired"
                        | "sentenced"
                        | "convicted"
                )
        })
    };
    (c.after..c.tokens.len().min(c.after + 20)).any(harmed)
        || (c.number.saturating_sub(3)..c.number).any(harmed)
}

/// Whether the words after a count's noun open a list of names: a dash, colon or bracket within
/// four words, then a capitalized name, and "and" before the list closes.
fn introduces_list(c: &Candidate<'_, '_>) -> bool {
    let Some(mut open) = (c.after..c.tokens.len().min(c.after + 5))
        .find(|&k| matches!(c.raw(k), "-" | "--" | "—" | "–" | ":" | "(" | ","))
    else {
        return false;
    };
    // "three Soviet astronauts, Valery Kubasov, Leonid Popov and …": after a comma, full names
    // (two capitalized words each) and no speaker ("12 people, Kenyan police said, and …").
    if c.raw(open) == "," {
        let name_at = |k: usize| {
            c.tokens.get(k).is_some_and(Token::is_capitalized)
                && c.tokens.get(k + 1).is_some_and(Token::is_capitalized)
        };
        let items = &c.tokens[open + 1..c.tokens.len().min(open + 17)];
        let spoken = items
            .iter()
            .any(|t| matches!(t.lower().as_ref(), "said" | "says" | "told" | "according"));
        if !name_at(open + 1) || spoken {
            return false;
        }
    }
    if !c.tokens[c.after..open].iter().all(|t| t.is_word()) {
        return false;
    }
    // "--" written as two hyphens.
    if c.raw(open) == "-" {
        if c.raw(open + 1) != "-" {
            return false;
        }
        open += 1;
    }
    let first_named = c.tokens.get(open + 1).is_some_and(Token::is_capitalized);
    first_named
        && c.tokens[open + 1..]
            .iter()
            .take(16)
            .take_while(|t| !matches!(t.text, "-" | "--" | "—" | ")" | ";"))
            .any(|t| t.text == "and")
}

/// Ordinal words: "the first of three".
#[rustfmt::skip]
static ORDINALS: WordSet = WordSet::new(&[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "last", "final", "latest",
]);

/// A person's kin: "three children", "two sons".
#[rustfmt::skip]
static KIN: WordSet = WordSet::new(&[
    "children", "sons", "daughters", "grandchildren", "kids", "brothers", "sisters", "siblings",
    "grandsons", "granddaughters", "stepchildren",
]);

/// Nouns of occasions and events that a few of, in words, are talked about rather than counted.
#[rustfmt::skip]
static OCCASIONS: WordSet = WordSet::new(&[
    "chances", "ways", "options", "sides", "reasons", "occasions", "attempts", "steps",
    "attacks", "bombings", "blasts", "explosions", "incidents", "bombs",
]);

#[rustfmt::skip]
static SPAN_UNITS: WordSet = WordSet::new(&[
    "seasons",
    "season",
    "years",
    "year",
    "months",
    "month",
    "weeks",
    "week",
    "days",
    "day",
    "hours",
    "hour",
    "decades",
    "decade",
    "minutes",
    "quarters",
    "sessions",
    "matches",
    "games",
    "rounds",
    "centuries",
    "nights",
]);

/// "in two seasons", "the last seven matches", "over the past three years": a span that places
/// something in time.
fn time_span(c: &Candidate<'_, '_>) -> bool {
    let unit_is_span = c
        .unit
        .is_some_and(|u| SPAN_UNITS.contains(u.rsplit(' ').next().unwrap_or(u)));
    let b1 = c.before(1);
    let b2 = c.before(2);
    // "in the next 12 to 18 months": the lower end of a span's range.
    let range_of_span = matches!(c.word(c.after).as_ref(), "to" | "or" | "-" | "–")
        && c.raw(c.after + 1)
            .starts_with(|ch: char| ch.is_ascii_digit())
        && SPAN_UNITS.contains(c.word(c.after + 2).as_ref())
        && matches!(b1.as_ref(), "last" | "past" | "next" | "within" | "over");
    // (Its upper end, "18 months", is the tagger's duration.)
    range_of_span
        || unit_is_span
            && (matches!(
                b1.as_ref(),
                "last" | "past" | "next" | "final" | "within" | "in" | "over"
            ) || matches!(
                b2.as_ref(),
                "last" | "past" | "next" | "within" | "in" | "over"
            ))
}

/// "team no. 225", "#4", "H.R. 3684", numbers in links; digits glued to letters ("T20247719", "COVID-19")
/// never reach here: the tokenizer keeps them in one token.
fn code(c: &Candidate<'_, '_>) -> bool {
    let b = c.before(1);
    (b == "#" && !c.explicit)
        || b.ends_with('/')
        || b.contains("www")
        || b.contains("://")
        || (b == "." && matches!(c.before(2).as_ref(), "no" | "nos" | "nr"))
        // "H.R. 3684", "S. 1": a bare number after an initial's abbreviation labels a bill or
        // a document.
        || (b == "."
            && c.unit.is_none()
            && !c.spelled
            && c.number >= 2
            && c.raw(c.number - 2).len() == 1
            && c.raw(c.number - 2).bytes().all(|b| b.is_ascii_uppercase()))
}

/// "its 80486 computer chip", "the 6502 processor": a number of five digits or more, or of four
/// that cannot be a year, written without a thousands separator and followed by a singular noun,
/// names a model. (A count is written "12,000 troops"; "10000 troops" counts a plural.)
fn model_number(c: &Candidate<'_, '_>) -> bool {
    let raw = c.raw(c.number);
    if c.spelled || c.explicit || raw.len() < 4 || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    if raw.len() == 4 && (1000.0..=2100.0).contains(&c.value) {
        return false;
    }
    let Some(next) = c.tokens.get(c.after) else {
        return false;
    };
    next.text.len() > 2
        && next.text.bytes().all(|b| b.is_ascii_lowercase())
        && !next.text.ends_with('s')
        && !next.lower_in(&NOT_MODEL_NOUNS)
}

/// Singular words after a number that still count ("5000 strong", "2500 police"). Currencies
/// and measures ("15000 yen", "5000 tonne") make the figure explicit, which no rule refuses.
#[rustfmt::skip]
static NOT_MODEL_NOUNS: WordSet = WordSet::new(&[
    "per", "people", "head", "strong", "and", "or", "to", "the", "for", "from", "more", "less",
    "than", "men", "women", "children", "police", "personnel", "staff", "cattle", "sheep", "fish",
    "square", "cubic",
]);

/// "won 5 to 3", "lost 1 to 2", "aged 21 to 25", "aged between 18 and 25": the two numbers of a
/// score or of an age range, written with words between them (with a hyphen: [`super::range_ends`]).
/// The numbers are whole and nothing is counted after the second ("won 2 to 3 million votes"
/// counts votes).
fn score(c: &Candidate<'_, '_>) -> bool {
    let whole = |k: usize| {
        let t = c.raw(k);
        !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit())
    };
    let counts_nothing = |k: usize| {
        c.tokens
            .get(k)
            .is_none_or(|t| !t.is_word() || SCORE_ENDS.contains(t.lower().as_ref()))
    };
    let score_word = |k: usize| {
        c.tokens
            .get(k)
            .is_some_and(|t| t.lower_in(&super::range_ends::SCORE_WORDS))
    };
    if c.unit.is_some() || c.explicit || c.spelled || !whole(c.number) {
        return false;
    }
    let n = c.number;
    // The first number: "won 5 to 3", "aged between 18 and 25".
    let between = n >= 2 && c.word(n - 1) == "between" && score_word(n - 2);
    let first = (n >= 1 && score_word(n - 1) || between)
        && matches!(c.word(n + 1).as_ref(), "to" | "and" | "or")
        && (c.word(n + 1) != "and" || between)
        && whole(n + 2)
        && counts_nothing(n + 3);
    // The second: "5 to 3" after a word of a score.
    let second = n >= 3
        && matches!(c.word(n - 1).as_ref(), "to" | "and" | "or")
        && whole(n - 2)
        && (score_word(n - 3) || c.word(n - 3) == "between" && n >= 4 && score_word(n - 4))
        && counts_nothing(n + 1);
    first || second
}

/// Words after a score that count nothing: "won 5 to 3 in extra time".
#[rustfmt::skip]
static SCORE_ENDS: WordSet = WordSet::new(&[
    "in", "at", "on", "against", "over", "with", "after", "before", "and", "but", "to", "for",
    "or",
]);

/// "a 180-degree turn", "a 360-degree view": an angle that says how far an opinion moved.
fn turn_of_phrase(c: &Candidate<'_, '_>) -> bool {
    c.unit.is_some_and(|u| u.starts_with("degree"))
        && matches!(c.value, 90.0 | 180.0 | 360.0)
        && TURNS.contains(c.word(c.after).as_ref())
}

/// Nouns a turn of phrase in degrees describes.
#[rustfmt::skip]
static TURNS: WordSet = WordSet::new(&[
    "turn", "turnaround", "shift", "reversal", "change", "u-turn", "view", "swing", "pivot",
    "spin", "approach", "about-face", "flip",
]);

/// "Shares of 7203.T", "0700.HK", "the BA.5 subvariant": digits glued by a period to letters,
/// a stock's ticker or a variant's code. A currency written so ("Rs.500") is explicit.
fn dotted_code(c: &Candidate<'_, '_>) -> bool {
    let glued = |a: usize, b: usize| match (c.tokens.get(a), c.tokens.get(b)) {
        (Some(x), Some(y)) => x.end == y.start,
        _ => false,
    };
    let letters = |k: usize| {
        let t = c.raw(k);
        (1..=5).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_uppercase())
    };
    let n = c.number;
    // (The sentence splitter may end the sentence at the period: the letters are read from the
    // text.)
    let after = c.raw(c.after) == "."
        && glued(c.after - 1, c.after)
        && c.text.get(c.tokens[c.after].end..).is_some_and(|rest| {
            let caps = rest.bytes().take_while(u8::is_ascii_uppercase).count();
            (1..=5).contains(&caps)
                && rest[caps..]
                    .chars()
                    .next()
                    .is_none_or(|ch| !ch.is_alphanumeric())
        });
    let before =
        n >= 2 && c.raw(n - 1) == "." && glued(n - 1, n) && glued(n - 2, n - 1) && letters(n - 2);
    !c.explicit && (after || before)
}

/// "a 401(k) plan", "a 501(c)(3) charity": digits with a bracketed letter glued after them name
/// a clause of a law.
fn bracketed_clause(c: &Candidate<'_, '_>) -> bool {
    let (Some(open), Some(letter), Some(close)) = (
        c.tokens.get(c.after),
        c.tokens.get(c.after + 1),
        c.tokens.get(c.after + 2),
    ) else {
        return false;
    };
    open.text == "("
        && open.start == c.tokens[c.after - 1].end
        && letter.text.len() == 1
        && letter.text.bytes().all(|b| b.is_ascii_lowercase())
        && close.text == ")"
}

/// "won the 100 metres", "the 400m hurdles final", "in the 10,000 metres": a race named by its
/// distance, not a distance the story measures.
fn race_distance(c: &Candidate<'_, '_>) -> bool {
    let distance = c.unit.is_some_and(|u| {
        matches!(
            u,
            "metres"
                | "meters"
                | "m"
                | "metre"
                | "meter"
                | "kilometres"
                | "kilometers"
                | "km"
                | "miles"
                | "mile"
        )
    });
    let raced = RACE_WORDS.contains(c.word(c.after + 1).as_ref())
        || RACE_WORDS.contains(c.word(c.after).as_ref())
        || matches!(
            c.before(2).as_ref(),
            "won" | "win" | "wins" | "winning" | "ran"
        );
    distance && c.before(1) == "the" && raced
}

/// Words after a distance that make it a race.
#[rustfmt::skip]
static RACE_WORDS: WordSet = WordSet::new(&[
    "final", "finals", "freestyle", "backstroke", "breaststroke", "butterfly", "medley",
    "hurdles", "relay", "sprint", "race", "title", "heats", "heat", "semi-final", "semifinal",
    "steeplechase", "gold", "crown",
]);

/// "its $1.875 Series A preferred stock", "the 7% Class B shares": a dividend or coupon that
/// names a class of securities, not a figure the story reports.
fn security_name(c: &Candidate<'_, '_>) -> bool {
    c.tokens.get(c.after).is_some_and(|t| {
        matches!(t.text, "Series" | "Class")
            && c.tokens.get(c.after + 1).is_some_and(|n| {
                n.text.len() <= 2
                    && n.text
                        .bytes()
                        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
            })
    })
}

#[cfg(test)]
mod tests {
    use crate::extract::figures::find_figures;
    use crate::extract::sentences::split_sentences;
    use crate::extract::tokens::{Lowered, tokenize_all};

    fn values(text: &str) -> Vec<f64> {
        let s = split_sentences(text);
        find_figures(text, &s, &tokenize_all(text, &Lowered::new(text), &s), &[])
            .into_iter()
            .map(|f| f.value)
            .collect()
    }

    #[test]
    fn refuses_what_is_not_a_figure() {
        for text in [
            "LONDON, Nov 14 - European shares were flat.",
            "The blast came at 0735 GMT on Friday.",
            "Call +44 20 7946 0321 for details.",
            "The embassy is at (255-51) 666-015.",
            "The embassy is at 285 Toure Drive.",
            "The office at 14 Kingsway was shut.",
            "Boeing 787 deliveries resumed.",
            "The interruption in shipment of its 80486 computer chip will be brief.",
            "Britain's FTSE 100 slipped.",
            "The driver, aged 34, was held.",
            "A boy who just turned 6 was found.",
            "Children under five account for most cases.",
            "He was 37 years old when he was kidnapped.",
            "People above the age of 60 were moved first.",
            "It is one of the 10 largest banks.",
            "They are the 10 most significant cases.",
            "There were videotapes from 1994 and 1997.",
            "The two countries signed a treaty.",
            "Slepian, the father of four boys, was shot.",
            "Streets in two African capitals were ruined.",
            "Talks between two airlines stalled.",
            "Elian's four grandparents could not be located.",
            "The iPhone 15 launched.",
            "The road was closed near exit 12.",
            "The woman, 45, was arrested.",
            "The victim and his brother, 29, were taken to hospital.",
            "The activist, 61, and the detainee, 33, were freed.",
            "Inflation was 1e309 percent, the joke went.",
            "A state trial gives the authorities two chances to prosecute.",
            "The government condemned two terrorist bomb attacks in Kenya.",
            "She is a mother of 3 and a nurse.",
            "They lost in two seasons.",
            "Over the last seven matches they scored.",
            "He heads team no. 225 in Baghdad.",
            "The bill, H.R. 3684, passed the House.",
            "The striker is Tomas Ferreira, 24.",
            "It will redeem its $1.875 Series A preferred stock.",
            "He was charged in the bombings of two U.S. embassies.",
            "It condemned the attack on two mosques.",
            "He had three children and a dog.",
            "She is survived by two sons.",
            "Interviews with three major fund groups -- Fidelity Investments, Vanguard Group Inc. \
             and T. Rowe Price -- confirm the trend.",
            "Two companies: Acme Corp. and Brix Ltd. bid.",
            "It was the first of three meetings.",
            "He was ranked #4 in the world.",
            "See paragraph 12 of the ruling.",
            "The 3M Co. said it would close a plant.",
            "He flew with three Soviet astronauts, Valery Kubasov, Leonid Popov and Ivan Petrov.",
            "He will follow astronaut John Glenn, who at 77 is about to fly.",
            "Two bombs exploded outside the embassies.",
            "He joined the Group of Seven talks in Rome.",
            "Auditors at the Big Four firms were asked.",
            "Two men carried a banner.",
            "It blocked the trial of two Libyans suspected of the bombing.",
            "He said the boy was surrounded by two drunks.",
            "In that event, he appears to have three choices.",
            "Each index is based on the close of 1969 equaling 100.",
            "The index (base year 2015 = 100) rose.",
        ] {
            assert_eq!(values(text), Vec::<f64>::new(), "{text}");
        }
        // The lower end of a span's range (the upper end is the tagger's duration).
        let span = values("It plans acquisitions in the next 12 to 18 months.");
        assert!(!span.contains(&12.0), "{span:?}");
    }

    /// Every sentence of `not_figures_cases.txt` through the whole extraction: its figures are
    /// exactly the values the case lists, so a number of a name, a clock, a score, an address or
    /// an idiom is refused and the figure beside it kept. Reports every failing sentence.
    #[test]
    fn the_battery_of_non_figures() {
        let mut failures = Vec::new();
        let mut cases = 0;
        for line in include_str!("not_figures_cases.txt").lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let (sentence, values) = line.rsplit_once('|').expect("a case has a bar");
            let sentence = sentence.trim();
            let mut want: Vec<f64> = values
                .split_whitespace()
                .map(|v| v.parse().expect("a value"))
                .collect();
            let text =
                format!("---\ntitle: A\nsource: Wire\npublished: 2024-03-15\n---\n{sentence}\n");
            let (claims, _) = crate::extract::extract_claims(&crate::testing::article(&text));
            let mut got: Vec<f64> = claims.figures.iter().map(|f| f.value.abs()).collect();
            want.sort_by(f64::total_cmp);
            got.sort_by(f64::total_cmp);
            let same = want.len() == got.len()
                && want
                    .iter()
                    .zip(&got)
                    .all(|(w, g)| (w - g).abs() <= 1e-6 * w.abs().max(1.0));
            if !same {
                failures.push(format!("{sentence}: want {want:?}, got {got:?}"));
            }
            cases += 1;
        }
        assert!(cases >= 150, "{cases} cases");
        assert!(
            failures.is_empty(),
            "{} of {cases} failed:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn keeps_near_misses() {
        for (text, want) in [
            ("About 300 people attended.", 300.0),
            ("Some 15000 troops and 2500 police were sent.", 15000.0),
            ("Some 12000 people fled.", 12000.0),
            ("It paid 15000 yen for the lot.", 15000.0),
            ("The ship carried 5000 tonne of wheat.", 5000.0),
            ("The pipeline is 4000 mile long.", 4000.0),
            ("Floods hit 12 provinces in the north.", 12.0),
            ("Some 40 Lagos customers complained.", 40.0),
            ("Three German engineers were detained.", 3.0),
            ("The 38,000 U.S. troops will stay.", 38000.0),
            ("It sold 2,000 cars in 1994 alone.", 2000.0),
            ("Shares rose 1.2% to 1045 pence.", 1.2),
            ("The index fell 14 points.", 14.0),
            ("It sold $2 million of Series A notes.", 2000000.0),
            ("The bombings of 12 embassies were planned.", 12.0),
            ("Three children were killed in the blast.", 3.0),
            ("Two men were arrested at the border.", 2.0),
            ("Three other carriers are stationed nearby.", 3.0),
            ("Two new cases were confirmed.", 2.0),
            (
                "Three people were killed: two in Kabul and one in Herat.",
                3.0,
            ),
            (
                "Three engineers, Kenyan Police Chief John Mbugua said, and a driver were detained.",
                3.0,
            ),
            ("The index closed at 77 points.", 77.0),
            (
                "Sales will rise in the next 12 months to 18,000 units.",
                18000.0,
            ),
            // A number word that opens the sentence.
            ("Seven soldiers of the Third Army were killed.", 7.0),
            // The pound sign as wire archives write it.
            ("It valued the unit at #300 million.", 300_000_000.0),
        ] {
            assert!(values(text).contains(&want), "{text}: {:?}", values(text));
        }
    }
}
