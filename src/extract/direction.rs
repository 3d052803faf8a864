//! Which way a change goes: "sales fell 3%" is down, "added 2,000 jobs" up. Rules as data: the
//! word lists below, each with examples of the text it reads.

use serde::{Deserialize, Serialize};

use super::tokens::Token;
use super::words::WordSet;

/// The direction of a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// An increase: "rose 5%", "added 300 jobs", "up 2 cents".
    Up,
    /// A decrease: "fell 3%", "will cut about 1,800 jobs", "down 50 cents".
    Down,
}

impl Direction {
    /// The label used in JSON and tables: `up` or `down`.
    pub fn label(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }

    /// Parses a label (as written in front matter): up/down, increase/decrease, +/-.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_lowercase().as_str() {
            "up" | "increase" | "rise" | "+" => Some(Direction::Up),
            "down" | "decrease" | "fall" | "-" => Some(Direction::Down),
            _ => None,
        }
    }
}

/// Verbs and adverbs of decrease before the size of a change: "fell 3%", "cut 1,200 jobs",
/// "shed 450 jobs", "lowered its forecast by 50 basis points", "down 50 cents".
#[rustfmt::skip]
static DOWN_BEFORE: WordSet = WordSet::new(&[
    "fell",
    "fall",
    "falls",
    "falling",
    "fallen",
    "dropped",
    "drop",
    "drops",
    "dropping",
    "declined",
    "decline",
    "declines",
    "declining",
    "decreased",
    "decrease",
    "decreases",
    "lost",
    "lose",
    "loses",
    "losing",
    "shed",
    "sheds",
    "shedding",
    "cut",
    "cuts",
    "cutting",
    "lowered",
    "lower",
    "lowers",
    "reduced",
    "reduce",
    "reduces",
    "reducing",
    "slipped",
    "slip",
    "slips",
    "slid",
    "slide",
    "slides",
    "tumbled",
    "tumble",
    "plunged",
    "plunge",
    "plunges",
    "sank",
    "sink",
    "sinks",
    "sunk",
    "dipped",
    "dip",
    "dips",
    "eased",
    "ease",
    "eases",
    "slumped",
    "slump",
    "shrank",
    "shrink",
    "shrinks",
    "shrunk",
    "contracted",
    "eliminate",
    "eliminated",
    "eliminates",
    "eliminating",
    "trimmed",
    "trim",
    "trims",
    "slashed",
    "slash",
    "slashes",
    "down",
    "retreated",
    "weakened",
    "skidded",
    "plummeted",
    "sagged",
    "knock",
    "knocks",
    "knocked",
    "shave",
    "shaved",
    "wipe",
    "wiped",
    "nose-dived",
    "nosedived",
    "halved",
    "tumbling",
    "sliding",
    "slipping",
    "easing",
    "losing",
    "scrapped",
    "scrap",
    "axed",
    "axe",
    "ax",
    "downgraded",
    "narrowed",
    "off",
    "minus",
]);

/// Nouns of money moving, a few words before its amount: "net outflows totaling nearly $500
/// million", "withdrawals of $2 billion", "inflows of $3 billion".
#[rustfmt::skip]
static FLOW_NOUNS: [(&str, Direction); 6] = [
    ("outflow", Direction::Down), ("outflows", Direction::Down),
    ("withdrawals", Direction::Down), ("redemptions", Direction::Down),
    ("inflow", Direction::Up), ("inflows", Direction::Up),
];

/// Verbs of money or goods moving, whose direction "out" or "in" says: "$1.6 billion flowed out
/// of the funds", "investors yanked out about $182 million", "$2 billion poured into bonds".
#[rustfmt::skip]
static FLOW_VERBS: WordSet = WordSet::new(&[
    "flowed", "flow", "flows", "flowing", "streamed", "stream", "seeped", "seep", "poured",
    "pour", "pours", "drained", "leaked", "pulled", "pull", "pulls", "yanked", "yank", "moved",
    "taken", "took", "withdrawn", "withdrew", "flooded", "rushed",
]);

/// The direction of a noun of change whose size follows with "of": "a rise of 3%", "a drop of
/// 40 points", "outflows of $2 billion". A loss or a gain of money is an amount, not a change.
fn change_noun(noun: &str) -> Option<Direction> {
    if matches!(
        noun,
        "loss" | "losses" | "gain" | "gains" | "lower" | "higher" | "cut" | "cuts"
    ) {
        return None;
    }
    if DOWN_AFTER.contains(noun) {
        return Some(Direction::Down);
    }
    if UP_AFTER.contains(noun) {
        return Some(Direction::Up);
    }
    FLOW_NOUNS.iter().find(|(n, _)| *n == noun).map(|(_, d)| *d)
}

/// The direction a verb of flowing gives with the word after it: out is down, in up.
fn flow(verb: &str, particle: &str) -> Option<Direction> {
    if !FLOW_VERBS.contains(verb) {
        return None;
    }
    match particle {
        "out" => Some(Direction::Down),
        "in" | "into" => Some(Direction::Up),
        _ => None,
    }
}

/// Verbs and adverbs of increase: "rose 5%", "added 2,000", "raised by 25 basis points",
/// "up 2 cents", "gained 0.8%".
#[rustfmt::skip]
static UP_BEFORE: WordSet = WordSet::new(&[
    "rose",
    "rise",
    "rises",
    "rising",
    "risen",
    "increased",
    "increase",
    "increases",
    "increasing",
    "grew",
    "grow",
    "grows",
    "growing",
    "grown",
    "climbed",
    "climb",
    "climbs",
    "climbing",
    "jumped",
    "jump",
    "jumps",
    "surged",
    "surge",
    "surges",
    "soared",
    "soar",
    "rocketed",
    "skyrocketed",
    "leaped",
    "leapt",
    "leap",
    "firmed",
    "gained",
    "gain",
    "gains",
    "gaining",
    "added",
    "add",
    "adds",
    "adding",
    "up",
    "expanded",
    "expand",
    "advanced",
    "advance",
    "rallied",
    "rally",
    "boosted",
    "boost",
    "hiked",
    "hike",
    "strengthened",
    "widened",
    "plus",
    "swelled",
    "spiked",
    "doubled",
    "tripled",
    "quadrupled",
    "upgraded",
    "created",
]);

/// Nouns after the size of a change: "a 3% drop", "1,800 job cuts", "a 25-basis-point rise".
#[rustfmt::skip]
static DOWN_AFTER: WordSet = WordSet::new(&[
    "drop",
    "decline",
    "fall",
    "cut",
    "cuts",
    "decrease",
    "reduction",
    "loss",
    "losses",
    "lower",
    "slump",
    "contraction",
    "layoffs",
    "plunge",
    "slide",
    "dip",
]);

#[rustfmt::skip]
static UP_AFTER: WordSet = WordSet::new(&[
    "rise", "increase", "gain", "gains", "jump", "hike", "higher", "growth", "surge", "boost",
    "rally", "advance",
]);

/// Verbs that are a change only with "by" before the figure: "raised its forecast by 0.2
/// points" is a change, "raised $4.5 billion" (from investors) is an amount.
#[rustfmt::skip]
static UP_WITH_BY: WordSet = WordSet::new(&["raised", "raise", "raises", "raising"]);

/// Verbs that make a figure after "by" a fall: "would dilute earnings by about 9%".
#[rustfmt::skip]
static DOWN_WITH_BY: WordSet = WordSet::new(&[
    "dilute", "dilutes", "diluted", "diluting", "erode", "erodes", "eroded", "eroding", "shrink",
    "shrinks", "shrank", "shrunk", "trim", "trims", "trimmed", "trimming", "undercut", "undercuts",
]);

/// Words that make the figure a level, not the size of the change, when they stand right before
/// it: "rose to 7.2%", "fell from $5", "cut … to 3.00%", "stood at 4%".
#[rustfmt::skip]
static LEVEL_MARKERS: WordSet = WordSet::new(&["to", "from", "at", "of", "was", "is", "stood"]);

/// Words between a level marker and its figure: "from last year's $1.55 billion", "up from the
/// earlier $20", "to the year-earlier 3%" (not "a": "was a 3% drop" is a change).
#[rustfmt::skip]
static LEVEL_DETERMINERS: WordSet = WordSet::new(&[
    "the", "its", "their", "last", "this", "year-earlier", "year-ago", "previous", "earlier",
    "prior", "original", "initial", "former",
]);

/// Words a change verb may be separated from its figure by: "cut its deposit rate by 25 basis
/// points", "fell about 2%", "rose a further 1.2%", "will cut roughly 700 jobs".
const SPAN: usize = 6;

/// Qualifiers between "by" and its figure: "by up to 15%", "by as much as 3%".
#[rustfmt::skip]
static BY_QUALIFIERS: WordSet = WordSet::new(&[
    "up", "to", "as", "much", "about", "some", "nearly", "almost", "around", "roughly", "more",
    "than", "at", "least", "over", "another", "a", "further", "an", "estimated",
]);

/// How far "by" reaches back to its verb: "reduce results for 1989 by $3 million".
const BY_SPAN: usize = 18;

/// The direction of the figure whose first token (after its qualifier) is `start` and whose last
/// token ends before `end`: the nearest change word before it in its clause, else a change noun
/// right after it. `None` when the figure is a level ("rose to 7.2%").
pub(crate) fn direction_at(tokens: &[Token<'_>], start: usize, end: usize) -> Option<Direction> {
    let w = |k: usize| tokens.get(k).map(Token::lower).unwrap_or_default();
    // "rose to 7.2%" is a level; "by up to 15%" is not.
    let up_to = start >= 2 && w(start - 1) == "to" && w(start - 2) == "up";
    // "have lost a total of about $6 billion": the verb reaches over "a total of".
    let total =
        start >= 3 && w(start - 1) == "of" && w(start - 2) == "total" && w(start - 3) == "a";
    // "a rise of 3%", "a net outflow of $150 million": the size of the change a noun names.
    if start >= 2 && w(start - 1) == "of" && !total {
        let noun = w(start - 2);
        if let Some(d) = change_noun(noun.as_ref()) {
            return Some(d);
        }
    }
    // "from last year's $1.55 billion": determiners and a time's possessive before the figure.
    let mut marker = start;
    while marker > 0
        && (LEVEL_DETERMINERS.contains(w(marker - 1).as_ref())
            || tokens[marker - 1].is_possessive())
        && start - marker < 3
    {
        marker -= 1;
    }
    if marker > 0 && LEVEL_MARKERS.contains(w(marker - 1).as_ref()) && !up_to && !total {
        return None;
    }
    let start = if total { start - 3 } else { start };
    // Before: walk back over the clause. "by" reaches further, over other numbers, to its verb:
    // "cut rations to 1.4 million refugees by 40 percent", "cutting back its group by up to 15%".
    let mut before = start;
    while before > 0 && BY_QUALIFIERS.contains(w(before - 1).as_ref()) {
        before -= 1;
    }
    let by = before > 0 && w(before - 1) == "by";
    let span = if by { BY_SPAN } else { SPAN };
    let mut k = if by { before } else { start };
    let mut steps = 0;
    while k > 0 && steps < span {
        k -= 1;
        steps += 1;
        let t = &tokens[k];
        if matches!(t.text, "," | ";" | ":" | "(" | ")" | "\"" | "“" | "”")
            || (!by && t.text.starts_with(|c: char| c.is_ascii_digit()))
        {
            break;
        }
        let word = w(k);
        // "made up 30% of the staff": a share, no rise.
        if word == "up"
            && k > 0
            && matches!(w(k - 1).as_ref(), "make" | "makes" | "made" | "making")
        {
            return None;
        }
        if DOWN_BEFORE.contains(word.as_ref()) {
            return Some(Direction::Down);
        }
        if UP_BEFORE.contains(word.as_ref()) {
            return Some(Direction::Up);
        }
        if UP_WITH_BY.contains(word.as_ref()) && by {
            return Some(Direction::Up);
        }
        if DOWN_WITH_BY.contains(word.as_ref()) && by {
            return Some(Direction::Down);
        }
        // "laid off 300 workers".
        if word == "laid" || word == "lay" {
            return Some(Direction::Down);
        }
        if steps <= 3
            && let Some((_, d)) = FLOW_NOUNS.iter().find(|(n, _)| *n == word)
        {
            return Some(*d);
        }
        // "investors yanked out about $182 million".
        if k > 0
            && let Some(d) = flow(w(k - 1).as_ref(), word.as_ref())
        {
            return Some(d);
        }
    }
    // After: "$1.6 billion flowed out of the junk funds", "$14 million of that seeped out".
    let mut k = end;
    if w(k) == "of" && matches!(w(k + 1).as_ref(), "that" | "it" | "this") {
        k += 2;
    }
    if let Some(d) = flow(w(k).as_ref(), w(k + 1).as_ref()) {
        return Some(d);
    }
    // After: "a 3% drop", "1,800 job cuts" (the noun may be the figure's own unit).
    for t in tokens
        .iter()
        .skip(start + 1)
        .take((end - start).saturating_sub(1) + 3)
    {
        let word = t.lower();
        if DOWN_AFTER.contains(word.as_ref()) {
            return Some(Direction::Down);
        }
        if UP_AFTER.contains(word.as_ref()) {
            return Some(Direction::Up);
        }
        if !t.is_word() && t.end > tokens.get(end.saturating_sub(1)).map_or(0, |e| e.end) {
            break;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::{Lowered, figure_in_sentence};

    fn direction(sentence: &str, figure: &str) -> Option<Direction> {
        let lowered = Lowered::new(sentence);
        let (toks, start, end) = figure_in_sentence(sentence, &lowered, figure);
        direction_at(&toks, start, end)
    }

    #[test]
    fn reads_the_direction_of_changes_and_none_for_levels() {
        use Direction::*;
        for (sentence, figure, want) in [
            (
                "The company will cut about 1,800 jobs.",
                "1,800",
                Some(Down),
            ),
            ("Sales fell 3% in the quarter.", "3%", Some(Down)),
            (
                "The bank lowered its deposit rate by 50 basis points.",
                "50",
                Some(Down),
            ),
            ("Shares were down 50 cents at $12.", "50", Some(Down)),
            // "by" reaches over the qualifier and a long object to its verb.
            (
                "Mobil is cutting back its U.S. oil and gas exploration and production group by \
                 up to 15% as part of a restructuring.",
                "15%",
                Some(Down),
            ),
            ("It raised its forecast by as much as 3%.", "3%", Some(Up)),
            (
                "The pact would dilute BellSouth earnings by about 9% in 1990.",
                "9%",
                Some(Down),
            ),
            ("The issue diluted the stake to 9%.", "9%", None),
            // The base of a comparison after a word of an earlier time.
            (
                "The fund will pay $31 a unit, up from the earlier $25.",
                "$25",
                None,
            ),
            (
                "Rents rose to $900, up from the prior $850 a month.",
                "$850",
                None,
            ),
            ("Employers added 2,000 jobs.", "2,000", Some(Up)),
            ("Nurses made up 30% of the staff.", "30%", None),
            (
                "Sales were $1.7 billion, a 13% increase from last year's $1.5 billion.",
                "$1.5 billion",
                None,
            ),
            ("Sales showed a 3% drop.", "3%", Some(Down)),
            (
                "$1.6 billion flowed out of the funds.",
                "$1.6 billion",
                Some(Down),
            ),
            (
                "$14 million of that seeped out Friday.",
                "$14 million",
                Some(Down),
            ),
            (
                "Investors yanked out about $182 million.",
                "$182 million",
                Some(Down),
            ),
            (
                "They had net outflows totaling $500 million.",
                "$500 million",
                Some(Down),
            ),
            ("Some $2 billion poured into bonds.", "$2 billion", Some(Up)),
            ("The fund flows were $2 billion.", "$2 billion", None),
            ("Sales showed a rise of 3% in May.", "3%", Some(Up)),
            (
                "It had a net outflow of about $150 million.",
                "$150 million",
                Some(Down),
            ),
            (
                "Funds have lost a total of about $6 billion.",
                "$6 billion",
                Some(Down),
            ),
            ("It posted a net loss of $5 million.", "$5 million", None),
            ("Sales reached a level of $5 million.", "$5 million", None),
            (
                "The withdrawals could spell trouble for the $200 billion junk market.",
                "$200 billion",
                None,
            ),
            ("Exports rose 5% to $10 billion.", "5%", Some(Up)),
            (
                "Tariffs could knock 0.3 percentage points off output.",
                "0.3",
                Some(Down),
            ),
            ("Milton Roy shares leaped $2, to $18.375.", "$2", Some(Up)),
            ("Exports rose 5% to $10 billion.", "$10", None),
            ("Inflation fell to 2.6% in May.", "2.6%", None),
            ("It reported a 3% drop in revenue.", "3%", Some(Down)),
            ("Nordvik announced 1,200 job cuts.", "1,200", Some(Down)),
            ("The plant laid off 300 workers.", "300", Some(Down)),
            ("About 300 people attended.", "300", None),
            ("The start-up raised $4.5 billion.", "$4.5", None),
            ("It raised its forecast by 0.2 points.", "0.2", Some(Up)),
            (
                "It may cut rations to 1.4 million refugees by 40 percent.",
                "40 percent",
                Some(Down),
            ),
            (
                "They expected roughly 700 job cuts.",
                "700 job cuts",
                Some(Down),
            ),
            ("Compaq nose-dived $8.625 a share.", "8.625", Some(Down)),
        ] {
            assert_eq!(direction(sentence, figure), want, "{sentence} / {figure}");
        }
    }
}
