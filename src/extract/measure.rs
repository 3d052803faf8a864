//! What a figure measures, so that figures of one quantity form one series across sentences and
//! articles: "people displaced", "people facing acute hunger", "jobs cut", "net income", "deposit
//! rate % change", each with its scope when the text names one ("people displaced (South
//! Sudan)", "net income (Nordvik)").
//!
//! A count is named by its noun and the predicate that defines it: "96,000 people were
//! displaced" and "displaced 96,000 people" are both "people displaced". Money, percentages,
//! points and multiples are named by the noun phrase they are said of: "sales fell 3%" → "sales",
//! "net income of 2.1 billion crowns" → "net income", "cut its deposit rate by 25 basis points"
//! → "deposit rate". A change is a series of its own ("… change", "… % change").

use std::ops::Range;

use super::figures::{FigureKind, FigureMention};
use super::noun_phrase::noun_phrase_after;
use super::scope::{
    lead_scope, owner_before, place_after, place_where, relative_clause_before, reporter_before,
    segment,
};
use super::tokens::Token;
use super::words::WordSet;

/// Names the measure of every figure of one sentence (in text order). `carried` is the period
/// the paragraph's sentences before named ("In the nine months, EDS earned … Revenue rose 14%");
/// returns the period this sentence names, if it has amounts and names one.
pub(crate) fn assign(
    tokens: &[Token<'_>],
    figures: &mut [FigureMention],
    carried: Option<&'static str>,
) -> Option<&'static str> {
    // Each figure's quantity before its suffixes, for the figures after it to inherit.
    let mut named: Vec<Option<Named>> = Vec::with_capacity(figures.len());
    // Asked only for amounts, which most sentences do not have.
    let mut period_cache: Option<Option<&'static str>> = None;
    // The figure before (named or not): the walk back to a subject stops there.
    let mut before: Option<Range<usize>> = None;
    // The segment the sentence names, looked for once.
    let mut segment_cache: Option<Option<String>> = None;
    for f in figures.iter_mut() {
        let taken = before.replace(f.range.clone());
        // Named where it was found ("share of evacuees").
        if f.measure.is_some() {
            named.push(None);
            continue;
        }
        let at = number_token(tokens, f);
        let counted = f.unit.as_deref().is_some_and(is_count_noun) && f.kind != FigureKind::Money;
        let gap = gap_to_reference(tokens, f);
        let each_share = per_share(tokens, f);
        // An amount after "closed", "traded" and the like: a price in trading.
        let closed = f.kind == FigureKind::Money && closed_before(tokens, at);
        let mut possessor = None;
        // Named by the noun the amount modifies ("a 3% stake", "6 3/8% debentures").
        let mut modified = false;
        // Named by the noun phrase the clause is about ("average attendance … reached 41,200").
        let mut subject_named = false;
        let quantity = if counted {
            count_quantity(tokens, f, at).map(|q| {
                // "up from 96,000 in June": the full quantity of the count compared with.
                // "killed 247 people in Kenya and 10 in Tanzania": an elided count is counted like
                // the one before.
                let elided = !tokens
                    .iter()
                    .skip(at)
                    .take_while(|t| t.end <= f.range.end)
                    .any(|t| t.is_word() && !t.text.starts_with(|c: char| c.is_ascii_digit()));
                match inherited(&named, f, each_share).map(base_quantity) {
                    Some(before) if (elided || compared(tokens, at)) && before.starts_with(&q) => {
                        before
                    }
                    // "killed 259 people, including 12 Americans": the part shares the predicate.
                    Some(before) if included(tokens, at) && !q.contains(' ') => {
                        match before.rsplit_once(' ') {
                            Some((_, predicate)) if participle(predicate).is_some() => {
                                format!("{q} {predicate}")
                            }
                            _ => q,
                        }
                    }
                    _ => q,
                }
            })
        } else if f.kind == FigureKind::Money
            && each_share
            && !closed
            && tokens[..f.first_token(tokens)]
                .last()
                .is_some_and(|t| matches!(t.lower().as_ref(), "for" | "at"))
        {
            // "bought 63 million shares … for $26.50 a share": what is paid for each share.
            Some("price".to_string())
        } else if let Some(state) = state_after(tokens, f) {
            // "storage sites were 85 percent full", "the appeal is 27% funded": how far a thing
            // is in a state, said of the thing.
            let thing = match subject_before(tokens, at, &f.range, taken.clone()) {
                Some(Subject::Quantity(phrase, owner)) => {
                    possessor = owner;
                    Some(phrase)
                }
                Some(Subject::Name(name, _)) => {
                    possessor = Some(name);
                    None
                }
                _ => None,
            };
            Some(match thing {
                Some(q) => format!("{q} {state}"),
                None => state.to_string(),
            })
        } else if let Some(noun) = noun_after(tokens, f).filter(|_| gap.is_none()) {
            modified = true;
            Some(noun)
        } else {
            let own = match subject_before(tokens, at, &f.range, taken.clone()) {
                Some(Subject::Quantity(phrase, owner)) => {
                    possessor = owner;
                    subject_named = true;
                    Some(phrase)
                }
                Some(Subject::Name(name, verb)) => {
                    possessor = Some(name);
                    // "POP plunged $4 to $14.75": a company's price that moved.
                    let price_move = f.kind == FigureKind::Money
                        && f.value < 1000.0
                        && (verb.as_deref().is_some_and(|v| PRICE_MOVES.contains(v))
                            || tokens
                                .get(f.first_token(tokens))
                                .filter(|t| t.start < f.number.start)
                                .is_some_and(|t| t.lower_in(&PRICE_MOVES)));
                    verb.and_then(quantity_of_verb)
                        .or_else(|| (closed || price_move).then_some("share price"))
                        .map(str::to_string)
                }
                // "inflation averaging 2.1% next year, …, before it eases to 1.9%": a pronoun
                // that moves is the quantity the sentence named before.
                Some(Subject::Agent(verb)) => match verb.as_deref() {
                    Some(v) if moving_verb(v) => {
                        inherited(&named, f, each_share).map(base_quantity)
                    }
                    _ => verb.and_then(quantity_of_verb).map(str::to_string),
                },
                None => None,
            };
            own.or_else(|| {
                // "…, down from 3.05 billion": the quantity of the figure before;
                // "revenue rose 3.5% to $8.47 billion": the level of what changed.
                let from = bridged(tokens, &named, taken.as_ref(), &f.range).or_else(|| {
                    inherited(&named, f, each_share).filter(|n| near(tokens, &n.range, &f.range))
                });
                // "accounted for 58% of sales and 71% of operating profit": a share of what
                // follows.
                let whole = (f.kind == FigureKind::Percent && f.direction.is_none())
                    .then(|| of_after(tokens, f))
                    .flatten();
                match (from, whole) {
                    // "the wage bill stood at £212 million, or 71 percent of revenue": the
                    // amount as a share of another, never one series with the amount.
                    (Some(from), Some(whole)) if from.kind == FigureKind::Money => {
                        possessor = possessor.take().or_else(|| from.scope.clone());
                        Some(format!("{} as share of {whole}", base_quantity(from)))
                    }
                    (_, Some(whole)) if tokens[f.token_after(tokens)].text == "of" => {
                        Some(format!("share of {}", normalize(&whole)))
                    }
                    (Some(from), _) => {
                        possessor = possessor.take().or_else(|| from.scope.clone());
                        Some(base_quantity(from))
                    }
                    (None, _) => None,
                }
            })
            .or_else(|| {
                // "Williams shares, which were to be delisted …, closed at $23.25".
                closed.then(|| "share price".to_string())
            })
        };
        let quantity = quantity
            .or_else(|| of_after(tokens, f))
            .map(|q| normalize(&q))
            .filter(|q| is_quantity(q));
        let Some(mut quantity) = quantity else {
            named.push(None);
            continue;
        };
        // "Its stock, which was as high as $18.75 a share", "it closed at $4.375 a share": the
        // price of a share in trading, one series with "closed at $4.375".
        let mut each_share = each_share;
        if each_share
            && f.kind == FigureKind::Money
            && (matches!(
                quantity.as_str(),
                "stock" | "shares" | "share" | "share price" | "high" | "low" | "common stock"
            ) || closed)
        {
            quantity = "share price".to_string();
            each_share = false;
        }
        // "Dow Jones industrials 2596.72, off 17.01; transportation 1190.43": a bare number said
        // of an index is in points.
        if f.unit.is_none()
            && matches!(f.kind, FigureKind::Level | FigureKind::Change)
            && is_index_quantity(&quantity)
        {
            f.unit = Some("points".to_string());
        }
        // "attendance … had reached a record 41,200": a bare number counts what it is said of.
        if subject_named && f.unit.is_none() && f.kind == FigureKind::Level {
            let head = quantity.rsplit(' ').next().unwrap_or(&quantity);
            // "Officials said 300 left": who speaks is not what is counted.
            let spoken = tokens[at.saturating_sub(3)..at]
                .iter()
                .any(|t| matches!(t.text, "said" | "says" | "told" | "say"));
            if !spoken && (is_population(head) || HEADCOUNTS.contains(head)) {
                f.unit = Some(head.to_string());
            }
        }
        // "330,000 bpd above its quota": the gap to a reference level, not the level.
        if let Some(gap) = &gap {
            quantity = format!("{quantity} {gap}");
        }
        let rate = exchange_rate(&quantity, f);
        if let Some(rate) = &rate {
            quantity.clone_from(rate);
        }
        let period = if counted || rate.is_some() {
            None
        } else {
            period_cache
                .get_or_insert_with(|| period_of(tokens))
                .or(carried)
        };
        if let Some(p) = period
            && !quantity.starts_with(p)
        {
            quantity = format!("{p} {quantity}");
        }
        if each_share && !quantity.ends_with(" per share") {
            quantity.push_str(" per share");
        }
        // A currency's price is the market's, no company's or place's.
        let scope = if rate.is_some() {
            None
        } else {
            f.scope
                .clone()
                .or_else(|| owner_before(tokens, f))
                .or(possessor)
                .or_else(|| segment_cache.get_or_insert_with(|| segment(tokens)).clone())
                .or_else(|| place_after(tokens, f))
                .or_else(|| place_where(tokens, f))
                .or_else(|| lead_scope(tokens))
        };
        f.scope = scope.clone();
        named.push(Some(Named {
            quantity: quantity.clone(),
            scope: scope.clone(),
            kind: f.kind,
            per_share: each_share,
            range: f.range.clone(),
        }));
        let change = f.kind == FigureKind::Change || f.direction.is_some();
        let suffix = match (change, f.unit.as_deref()) {
            (true, Some("percent")) => " % change",
            (true, _) if !has_change_predicate(&quantity) => " change",
            _ if f.kind == FigureKind::Ratio => " multiple",
            _ => "",
        };
        // "56% of the population", "the 38.5% of shares tendered": a percentage of a population
        // is its share, never one series with the count (what comes after inherits the count).
        let share = f.kind == FigureKind::Percent
            && f.direction.is_none()
            && !modified
            && is_population(&quantity);
        let share = if share { "share of " } else { "" };
        // "Milton Roy shares leaped $2, to $18.375": an amount of a population is its price.
        if f.kind == FigureKind::Money && !each_share && rate.is_none() && is_population(&quantity)
        {
            if matches!(quantity.as_str(), "shares" | "stock") || quantity.ends_with(" shares") {
                quantity = "share price".to_string();
            } else {
                quantity.push_str(" value");
            }
        }
        f.measure = Some(match scope {
            Some(s) => format!("{share}{quantity}{suffix} ({s})"),
            None => format!("{share}{quantity}{suffix}"),
        });
    }
    period_cache.flatten()
}

/// Whether a quantity counts members of a population: its head is a plural count noun
/// ("people", "displaced children", "shares", "arrests"), not an amount in the plural
/// ("earnings", "sales", "prices").
fn is_population(quantity: &str) -> bool {
    let head = quantity.rsplit(' ').next().unwrap_or(quantity);
    if quantity.starts_with("share of ") {
        return false;
    }
    matches!(
        head,
        "people" | "children" | "women" | "men" | "staff" | "police"
    ) || (head.len() > 3
        && head.ends_with('s')
        && !head.ends_with("ss")
        && !head.ends_with("ics")
        && !AMOUNT_PLURALS.contains(head))
}

/// Singular nouns that are counts of people: "attendance reached 41,200".
#[rustfmt::skip]
static HEADCOUNTS: WordSet = WordSet::new(&[
    "attendance", "turnout", "population", "membership", "enrollment", "enrolment",
    "circulation", "audience", "readership", "viewership", "headcount", "workforce",
]);

/// Plural nouns of amounts, whose percentage is not a share of members: "sales rose to 3% of
/// GDP".
#[rustfmt::skip]
static AMOUNT_PLURALS: WordSet = WordSet::new(&[
    "sales", "earnings", "revenues", "savings", "holdings", "assets", "profits", "prices",
    "rates", "yields", "costs", "taxes", "wages", "exports", "imports", "reserves", "expenses",
    "returns", "losses", "proceeds", "funds", "deposits", "loans", "borrowings", "spends",
    "outlays", "tariffs", "margins", "gains", "futures", "bonds", "notes", "debentures", "results",
    "securities", "treasuries", "stocks", "equities", "markets", "economics", "odds", "sports",
    "news", "means", "series", "premises", "basis", "points", "payments", "prepayments",
    "dividends", "fees", "fines", "damages", "charges", "benefits", "subsidies", "grants",
    "donations", "contributions", "bonuses", "salaries", "pensions", "premiums", "royalties",
    "refunds", "rents", "receipts", "investments", "purchases", "remittances", "pledges",
    "outflows", "inflows", "flows", "withdrawals", "redemptions",
]);

/// "the dollar was at 1.8400 marks and 142.10 yen", "the euro was at $1.0912": the price of a
/// currency in another, "dollar in marks", "euro in US dollars". A figure compared with one
/// ("… compared with 141.52 yen") inherits "dollar in marks" and is priced in its own unit.
fn exchange_rate(quantity: &str, f: &FigureMention) -> Option<String> {
    if f.kind != FigureKind::Money {
        return None;
    }
    let base = quantity.split(" in ").next()?;
    if !CURRENCY_WORDS.contains(base) {
        return None;
    }
    let base = if base == "sterling" { "pound" } else { base };
    let name = crate::money::currency_name(f.unit.as_deref()?);
    (!name.to_lowercase().contains(base)).then(|| format!("{base} in {name}"))
}

/// Whether a measure is a currency's price in another ([`exchange_rate`]): the market's, never
/// given a scope.
pub(super) fn is_exchange_rate(measure: &str) -> bool {
    measure
        .split_once(" in ")
        .is_some_and(|(base, _)| CURRENCY_WORDS.contains(base))
}

/// Currencies as a story names the one it prices: "the dollar", "the euro", "sterling".
#[rustfmt::skip]
static CURRENCY_WORDS: WordSet = WordSet::new(&[
    "dollar", "euro", "pound", "sterling", "yen", "mark", "franc", "yuan", "renminbi", "rupee",
    "peso", "rouble", "ruble", "won", "lira", "rand", "real", "krona", "krone", "zloty",
    "forint", "shekel", "ringgit", "baht", "rupiah", "naira", "bitcoin",
]);

/// Whether the number at `at` is the other side of a comparison: "up from 96,000", "compared
/// with 13,900", "than 5,000", "against 4,100".
fn compared(tokens: &[Token<'_>], at: usize) -> bool {
    let mut k = at;
    while k > 0
        && BEFORE_COUNT.contains(tokens[k - 1].lower().as_ref())
        && tokens[k - 1].lower() != "to"
    {
        k -= 1;
    }
    k > 0
        && matches!(
            tokens[k - 1].lower().as_ref(),
            "from" | "with" | "than" | "against" | "versus" | "vs"
        )
}

/// The quantity of the figure right before, of any family, when only words of comparison stand
/// between: "net fell 6.6% to $486.6 million", "rose 35% to 1,200".
fn bridged<'n>(
    tokens: &[Token<'_>],
    named: &'n [Option<Named>],
    taken: Option<&Range<usize>>,
    own: &Range<usize>,
) -> Option<&'n Named> {
    let taken = taken?;
    let last = named.last()?.as_ref()?;
    if last.range != *taken {
        return None;
    }
    let from = tokens.partition_point(|t| t.start < taken.end);
    let to = tokens.partition_point(|t| t.start < own.start);
    let gap = tokens.get(from..to)?;
    let bridge = gap.len() <= 4
        && gap
            .iter()
            .all(|t| matches!(t.text, "," | "$" | "€" | "£" | "¥") || t.lower_in(&BRIDGE_WORDS));
    bridge.then_some(last)
}

/// Words that may stand between a figure and the level or comparison after it: "fell 6.6% to
/// $486.6 million", "up 9.4% from $7.85 billion", "or about $1.48".
#[rustfmt::skip]
static BRIDGE_WORDS: WordSet = WordSet::new(&[
    "to", "from", "at", "or", "of", "a", "an", "about", "nearly", "some", "around", "almost",
    "roughly", "record", "new", "up", "down", "rising", "falling", "increase", "decrease", "gain",
    "drop", "rise", "fall",
]);

/// A figure's quantity, kept for the figures after it in the sentence.
struct Named {
    quantity: String,
    scope: Option<String>,
    kind: FigureKind,
    per_share: bool,
    range: Range<usize>,
}

/// The nearest figure before in the sentence of the same family (money, percent, other; per
/// share or not): its quantity.
fn inherited<'n>(
    named: &'n [Option<Named>],
    f: &FigureMention,
    per_share: bool,
) -> Option<&'n Named> {
    let family = |k: FigureKind| match k {
        FigureKind::Money => 0,
        FigureKind::Percent => 1,
        _ => 2,
    };
    let same = |n: &&Named| family(n.kind) == family(f.kind);
    // The comparison is with one of the last few figures: a bounded look back keeps a sentence of
    // thousands of figures linear.
    let recent = &named[named.len().saturating_sub(8)..];
    recent
        .iter()
        .rev()
        .flatten()
        .filter(same)
        .find(|n| n.per_share == per_share)
        // "a loss of $26,956, or two cents a share": per share of the amount before.
        .or_else(|| {
            recent
                .iter()
                .rev()
                .flatten()
                .filter(same)
                .find(|_| per_share)
        })
}

/// Whether a figure at `own` is close enough to the named one at `before` to take its quantity:
/// in the same clause ("net was $235.5 million, or $2.07 a share"; "compared with earnings of
/// $33 million last year"), not in a clause of its own ("…, and to purchase … for $40 million").
fn near(tokens: &[Token<'_>], before: &Range<usize>, own: &Range<usize>) -> bool {
    let from = tokens.partition_point(|t| t.start < before.end);
    let to = tokens.partition_point(|t| t.start < own.start);
    let gap = tokens.get(from..to).unwrap_or_default();
    gap.len() <= 12
        && !gap.iter().any(|t| {
            matches!(t.text, ";" | ":")
                || (t.is_word() && !t.is_capitalized() && t.lower_in(&CLAUSE_OPENERS))
        })
}

/// Words that open a clause of its own between two amounts: what comes after is about something
/// else ("…, but …", "…, before …").
#[rustfmt::skip]
static CLAUSE_OPENERS: WordSet = WordSet::new(&[
    "while", "whereas", "but", "because", "although", "when", "after", "before", "including",
    "excluding",
]);

/// A named figure's quantity without " per share": what a figure after it inherits.
fn base_quantity(n: &Named) -> String {
    let q = n.quantity.as_str();
    q.strip_suffix(" per share").unwrap_or(q).to_string()
}

/// The period a sentence's amounts cover, when it names one: results for "the nine months" and
/// for "the third quarter" are different series.
fn period_of(tokens: &[Token<'_>]) -> Option<&'static str> {
    let words: Vec<std::borrow::Cow<'_, str>> = tokens.iter().map(Token::lower).collect();
    let has = |a: &str, b: &str| words.windows(2).any(|w| w[0] == a && w[1] == b);
    if has("nine", "months") || words.iter().any(|w| *w == "nine-month") {
        Some("nine-month")
    } else if has("six", "months")
        || has("first", "half")
        || words.iter().any(|w| *w == "first-half")
    {
        Some("half-year")
    } else if words.iter().any(|w| {
        matches!(
            w.as_ref(),
            "quarter"
                | "quarterly"
                | "third-quarter"
                | "second-quarter"
                | "first-quarter"
                | "fourth-quarter"
        )
    }) {
        Some("quarterly")
    } else if has("full", "year")
        || has("fiscal", "year")
        || words.iter().any(|w| *w == "full-year")
    {
        Some("annual")
    } else {
        None
    }
}

/// What an amount is when its sentence names only who: "Du Pont earned $547 million" → net
/// income, "Kazakhstan produced 1.8 million bpd" → output.
fn quantity_of_verb(verb: String) -> Option<&'static str> {
    match verb.as_str() {
        "earned" | "earns" | "earn" | "made" | "netted" => Some("net income"),
        "lost" | "loses" => Some("net income"),
        "sold" | "sells" => Some("revenue"),
        "paid" | "pays" | "offered" | "offers" | "bid" => Some("price"),
        "produced" | "produces" | "pumped" | "pumps" => Some("output"),
        "exported" | "exports" => Some("exports"),
        "imported" | "imports" => Some("imports"),
        "spent" | "spends" => Some("spending"),
        "raised" => Some("funds raised"),
        _ => None,
    }
}

/// Whether the number at `at` opens a part of the count before it: "…, including 12 Americans",
/// "among them 40 children".
fn included(tokens: &[Token<'_>], at: usize) -> bool {
    let mut k = at;
    while k > 0 && QUALIFYING.contains(tokens[k - 1].text) {
        k -= 1;
    }
    k > 0 && matches!(tokens[k - 1].text, "including" | "among")
}

/// Words between "including" and its number: "including at least 12".
#[rustfmt::skip]
static QUALIFYING: WordSet = WordSet::new(&[
    "at", "least", "about", "some", "more", "than", "nearly", "almost", "over", "around", "them",
]);

/// Verbs of a price moving: "POP plunged $4", "GM rose $1.875".
#[rustfmt::skip]
static PRICE_MOVES: WordSet = WordSet::new(&[
    "rose", "fell", "plunged", "gained", "dropped", "slipped", "climbed", "jumped", "tumbled",
    "soared", "surged", "slumped", "eased", "advanced", "declined", "sank", "edged", "leaped",
    "leapt", "plummeted", "added", "shed",
]);

/// A verb by which "it" or "they" is a quantity that moved ("before it eases to 1.9%"): a price
/// move or a verb in -s ([`VERBISH`]).
fn moving_verb(verb: &str) -> bool {
    PRICE_MOVES.contains(verb) || VERBISH.contains(verb)
}

/// "GM closed down $1.875", "Cineplex closed at $11": a company's stock at the close of trading,
/// the verb within the few words before the amount at token `at`.
fn closed_before(tokens: &[Token<'_>], at: usize) -> bool {
    tokens[at.saturating_sub(5)..at].iter().any(|t| {
        matches!(
            t.text,
            "closed" | "closes" | "finished" | "ended" | "traded" | "opened" | "trading"
        )
    })
}

/// The token the figure's number starts at (after a currency sign or a qualifier).
fn number_token(tokens: &[Token<'_>], f: &FigureMention) -> usize {
    tokens.partition_point(|t| t.start < f.number.start)
}

/// Units that are not counted things: currencies, percentages, points, multiples, units of
/// measure. Their figures are named by what they are said of.
pub(super) fn is_count_noun(unit: &str) -> bool {
    let last = unit.rsplit(' ').next().unwrap_or(unit);
    let currency_code = unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase());
    !(currency_code || unit.starts_with("per ") || MEASURE_UNITS.contains(last))
}

#[rustfmt::skip]
static MEASURE_UNITS: WordSet = WordSet::new(&[
    "percent", "times", "points", "point", "cents", "cent", "pence", "bps", "bp", "barrels",
    "tons", "tonnes", "tonne", "ton", "kilometres", "kilometers", "km", "miles", "metres",
    "meters", "kilograms", "kg", "litres", "liters", "gallons", "hectares", "acres", "megawatts",
    "mw", "gigawatts", "gw", "celsius", "fahrenheit", "degrees", "hour", "second", "day", "ounces",
    "feet", "inches", "yards", "pounds", "grams",
]);

/// Verbs and auxiliaries skipped between a count and its predicate: "82 were killed", "who have
/// fled".
#[rustfmt::skip]
pub(super) static AUXILIARIES: WordSet = WordSet::new(&[
    "were", "was", "are", "is", "have", "has", "had", "been", "being", "be", "will", "would",
    "reportedly", "already", "now", "still", "also", "who", "that", "which", "since", "so", "far",
]);

/// Where the predicate of a count begins, from the token `k` after it: over a part named
/// between commas (", including eight Americans,"), auxiliaries and a passive of report ("were
/// reported dead", "are feared killed").
pub(super) fn predicate_start(tokens: &[Token<'_>], mut k: usize) -> usize {
    if tokens.get(k).is_some_and(|t| t.text == ",")
        && tokens
            .get(k + 1)
            .is_some_and(|t| matches!(t.lower().as_ref(), "including" | "among"))
        && let Some(close) = tokens[k + 1..]
            .iter()
            .take(10)
            .position(|t| matches!(t.text, "," | ";" | "."))
            .filter(|&c| tokens[k + 1 + c].text == ",")
    {
        k += close + 2;
    }
    while k < tokens.len() && (tokens[k].lower_in(&AUXILIARIES) || tokens[k].lower_in(&REPORTED_AS))
    {
        k += 1;
    }
    k
}

/// Passives of report between a count and its predicate: "were reported dead".
#[rustfmt::skip]
static REPORTED_AS: WordSet = WordSet::new(&[
    "reported", "believed", "feared", "confirmed", "presumed", "known", "thought",
]);

/// Irregular participles and verbs that define a count: "people left homeless", "jobs cut".
#[rustfmt::skip]
static IRREGULAR_PREDICATES: WordSet = WordSet::new(&[
    "lost", "shot", "hurt", "held", "taken", "fled", "missing", "dead", "slain", "stolen", "sold",
    "built", "made", "hit", "cut", "seen", "struck", "bought", "paid", "laid", "shed", "sent",
    "homeless", "stranded", "died", "facing", "needing", "living", "fleeing", "awaiting", "seeking",
    "working", "remaining", "trapped", "infected", "affected", "employed", "unemployed",
    "outstanding",
]);

/// Words that are not predicates though they end in -ed: "need", "indeed", "red", "hundred".
#[rustfmt::skip]
static NOT_PREDICATES: WordSet = WordSet::new(&[
    "need", "indeed", "red", "hundred", "bed", "shed", "speed", "seed", "feed", "united",
    "limited", "based", "related", "listed", "so-called",
]);

/// Verbs before a count that define it, as their participle: "cut 1,200 jobs" → jobs cut.
const VERB_PARTICIPLES: &[(&str, &str)] = &[
    ("cut", "cut"),
    ("cuts", "cut"),
    ("cutting", "cut"),
    ("shed", "shed"),
    ("sheds", "shed"),
    ("lose", "lost"),
    ("loses", "lost"),
    ("lost", "lost"),
    ("sold", "sold"),
    ("sell", "sold"),
    ("sells", "sold"),
    ("hire", "hired"),
    ("hires", "hired"),
    ("add", "added"),
    ("adds", "added"),
    ("employ", "employed"),
    ("employs", "employed"),
    ("eliminate", "eliminated"),
    ("eliminates", "eliminated"),
    ("create", "created"),
    ("creates", "created"),
    ("kill", "killed"),
    ("kills", "killed"),
    ("displace", "displaced"),
    ("displaces", "displaced"),
    // Headline words for being displaced: "Floods uproot 268,000".
    ("uproot", "displaced"),
    ("uproots", "displaced"),
    ("uprooted", "displaced"),
    ("uprooting", "displaced"),
    ("send", "sent"),
    ("sent", "sent"),
    ("build", "built"),
    ("built", "built"),
    ("deliver", "delivered"),
    ("delivers", "delivered"),
    ("injure", "injured"),
    ("evacuate", "evacuated"),
    ("arrest", "arrested"),
    ("detain", "detained"),
    ("feed", "fed"),
    ("fed", "fed"),
    ("shot", "shot"),
    ("hold", "held"),
    ("held", "held"),
    ("reach", "reached"),
    ("reaches", "reached"),
    ("killing", "killed"),
    ("wounding", "wounded"),
    ("injuring", "injured"),
    ("displacing", "displaced"),
    ("evacuating", "evacuated"),
    ("arresting", "arrested"),
];

pub(super) fn participle(word: &str) -> Option<String> {
    if let Some((_, p)) = VERB_PARTICIPLES.iter().find(|(w, _)| *w == word) {
        return Some((*p).to_string());
    }
    (word.len() > 4 && word.ends_with("ed") && !NOT_PREDICATES.contains(word))
        .then(|| word.to_string())
}

/// Verbs that give a total without saying what is counted: "to reach around 7,000 containers".
/// Verbs of moving things are not part of what is counted either: "has shipped around 7,000
/// containers" and "7,000 containers in total" are one count.
#[rustfmt::skip]
static TOTALLING: WordSet = WordSet::new(&[
    "shipped", "delivered", "sent", "transferred", "supplied", "provided", "exported",
    "imported", "received", "reached", "totaled", "totalled", "topped", "exceeded", "surpassed", "passed", "numbered",
    "estimated", "counted", "reported", "recorded", "registered", "included", "involved",
]);

/// Qualifiers and determiners between a verb and its count: "cut about 1,800 jobs", "killed at
/// least 75 people", "sold a further 300".
#[rustfmt::skip]
static BEFORE_COUNT: WordSet = WordSet::new(&[
    "about", "around", "some", "nearly", "almost", "more", "than", "at", "least", "up", "to",
    "over", "roughly", "an", "estimated", "a", "further", "another", "additional", "extra",
    "approximately", "just", "only", "the", "fewer", "less", "as", "many", "much", "close",
]);

/// "people killed", "people facing acute hunger", "jobs cut", "cars sold".
fn count_quantity(tokens: &[Token<'_>], f: &FigureMention, at: usize) -> Option<String> {
    let unit = f.unit.as_deref()?.to_lowercase();
    let unit = match unit.as_str() {
        "others" | "persons" | "individuals" => "people".to_string(),
        _ => unit,
    };
    let end = f.token_after(tokens);
    // After: "82 were killed", "people who have fled", "people facing acute hunger", "people in
    // South Sudan are facing acute hunger" (a place between is skipped).
    let mut k = end;
    if tokens.get(k).is_some_and(|t| t.lower() == "in")
        && tokens.get(k + 1).is_some_and(Token::is_capitalized)
    {
        k += 1;
        while tokens
            .get(k)
            .is_some_and(|t| t.is_capitalized() || t.text.ends_with("'s"))
        {
            k += 1;
        }
    }
    let k = predicate_start(tokens, k);
    if let Some(t) = tokens.get(k).filter(|t| !t.is_capitalized() && t.is_word()) {
        let w = t.lower();
        let ing = w.ends_with("ing") && IRREGULAR_PREDICATES.contains(w.as_ref());
        if ing {
            // The object of the participle: "facing acute hunger", "needing aid".
            let object: Vec<String> = tokens[k + 1..]
                .iter()
                .take_while(|t| t.is_word() && !t.is_capitalized() && !t.lower_in(&STOP))
                .take(2)
                .map(|t| t.lower().into_owned())
                .collect();
            return Some(
                format!("{unit} {w} {}", object.join(" "))
                    .trim_end()
                    .to_string(),
            );
        }
        let defining =
            IRREGULAR_PREDICATES.contains(w.as_ref()) || participle(&w).is_some_and(|p| p == *w);
        if defining && !TOTALLING.contains(w.as_ref()) {
            return Some(format!("{unit} {w}"));
        }
    }
    // Before: "killed 259 people", "will cut about 1,800 jobs".
    let mut k = at;
    while k > 0 && BEFORE_COUNT.contains(tokens[k - 1].lower().as_ref()) {
        k -= 1;
    }
    if k > 0
        && let Some(p) = participle(tokens[k - 1].lower().as_ref())
    {
        // "reached 1.2 million people with food aid" counts those reached; "to reach 7,000
        // containers" is only a total.
        let reached_with = p == "reached" && tokens.get(end).is_some_and(|t| t.lower() == "with");
        if !TOTALLING.contains(p.as_str()) || reached_with {
            return Some(format!("{unit} {p}"));
        }
    }
    // "nine of the European Union's 27 member states": a part of a numbered whole is not the
    // whole's series ("member states of 27").
    // The end of a range ("about 275 to 350 of its employees") stays with its other end.
    let range_end = at >= 2
        && matches!(tokens[at - 1].text, "to" | "-" | "–" | "and")
        && tokens[at - 2]
            .text
            .starts_with(|c: char| c.is_ascii_digit());
    if !range_end
        && tokens.get(end).is_some_and(|t| t.lower() == "of")
        && let Some(whole) = (end + 1..(end + 6).min(tokens.len()))
            .find(|&k| tokens[k].text.starts_with(|c: char| c.is_ascii_digit()))
        && noun_phrase_after(tokens, whole + 1, false).is_some_and(|p| p.unit == unit)
    {
        return Some(format!("{unit} of {}", tokens[whole].text));
    }
    Some(unit)
}

/// Words that end a noun phrase or are not part of one.
#[rustfmt::skip]
static STOP: WordSet = WordSet::new(&[
    "of", "to", "in", "from", "and", "or", "the", "a", "an", "that", "which", "by", "for", "on",
    "at", "with", "since", "as", "was", "were", "is", "are", "had", "have", "has", "will",
    "would", "be", "been", "than", "per", "each", "this", "these", "those", "it", "its", "their",
    "his", "her", "our", "more", "less", "so", "over", "under", "about", "after", "before",
    "during", "while", "who", "what", "when", "where", "if", "but", "not", "all", "also", "could",
    "may", "might", "can", "said", "says", "say", "there", "here", "now", "then", "some", "up",
    "down", "they", "he", "she", "we", "i", "you", "its", "year", "years", "month", "months",
    "week", "weeks", "day", "days", "quarter", "earlier", "ago", "last", "next", "this", "same",
    "period", "time", "total", "just", "only", "still", "around", "nearly", "almost", "roughly",
    "least", "most", "further", "another", "new", "record", "reported", "posted", "recorded",
    "announced", "expects", "expected", "forecast", "estimated", "projected", "sees", "see",
    "reached", "hit", "stood", "totaled", "totalled", "amounted", "came", "rose", "fell", "rise",
    "fall", "grew", "gained", "lost", "dropped", "declined", "increased", "decreased", "climbed",
    "jumped", "slipped", "tumbled", "plunged", "surged", "soared", "eased", "cut", "raised",
    "lowered", "reduced", "added", "shed", "slid", "sank", "dipped", "slumped", "advanced",
    "closed", "ended", "finished", "opened", "traded", "trading", "valued", "worth", "priced",
    "offered", "paid", "pay", "pays", "paying", "earned", "made", "make", "had", "saw", "put",
    "set", "kept", "keep", "left", "leave", "leaves", "held", "holds", "hold", "being", "become",
    "became", "remain", "remained", "remains", "stay", "stayed", "near", "nearly", "than",
    "compared", "against", "versus", "vs", "around", "approximately", "some", "estimated",
    "above", "below", "between", "into", "out", "off", "through", "against", "among", "until",
    "via", "per", "such", "because", "although", "though", "however", "while", "like", "unlike",
    "despite", "including", "excluding", "plus", "minus", "both", "either", "neither", "no",
    "yes", "not", "never", "only", "even", "too", "very", "much", "many", "few", "little",
    "own", "other", "others", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "ten", "half", "double", "twice", "triple", "already",
]);

/// What a money, percent or points figure is said of.
enum Subject {
    /// A noun phrase ("net income", "deposit rate", "DAX") and its possessor ("Germany").
    Quantity(String, Option<String>),
    /// Only a name ("Du Pont earned …"), with the verb after it.
    Name(String, Option<String>),
    /// A pronoun or a generic noun ("it earned", "the company earned"), with the verb after it.
    Agent(Option<String>),
}

/// The noun phrase a money, percent or points figure is said of, walking back from the number
/// over qualifiers, prepositions and verbs to the nearest noun phrase of its clause, never into
/// the figure itself or a figure before it.
fn subject_before(
    tokens: &[Token<'_>],
    at: usize,
    own: &Range<usize>,
    taken: Option<Range<usize>>,
) -> Option<Subject> {
    let inside_taken = |t: &Token<'_>| {
        taken
            .as_ref()
            .is_some_and(|r| t.start < r.end && r.start < t.end)
    };
    let mut k = at;
    // Skip the figure's own sign and the words between the phrase and the number: prepositions,
    // auxiliaries, adverbs and the verb ("were little changed at", "edged down to").
    let mut verb = None;
    // "capital gains of $48 million": the word before "of" is the noun, never a verb.
    let mut of_seen = false;
    while k > 0 {
        let t = &tokens[k - 1];
        if t.start >= own.start && t.end <= own.end && k - 1 < at {
            k -= 1;
            continue;
        }
        if inside_taken(t) {
            return None;
        }
        let w = t.lower();
        // "a share" after the figure before: what follows belongs to it.
        if matches!(w.as_ref(), "share" | "shares")
            && k >= 2
            && matches!(tokens[k - 2].lower().as_ref(), "a" | "per")
        {
            return None;
        }
        // "the pound, which was at $1.5765": the relative clause's antecedent.
        if t.text == ","
            && tokens
                .get(k)
                .is_some_and(|n| matches!(n.lower().as_ref(), "which" | "who"))
        {
            k -= 1;
            continue;
        }
        // "GM Class H, which represents …, closed at $29": the name before the relative clause.
        if t.text == ","
            && let Some(open) = relative_clause_before(tokens, k - 1)
        {
            k = open;
            continue;
        }
        // "Sales, however, were …": a parenthetical connective.
        if t.text == ","
            && k >= 3
            && CONNECTIVES.contains(tokens[k - 2].lower().as_ref())
            && tokens[k - 3].text == ","
        {
            k -= 3;
            continue;
        }
        let lower_word = t.is_word() && !t.is_capitalized();
        // "The Dallas oil and gas concern said that $10 million of the facility …": who speaks is
        // not what the amount is.
        // "…, before it eases to 1.9%": a pronoun that moves.
        if lower_word
            && matches!(w.as_ref(), "it" | "they")
            && verb.as_deref().is_some_and(moving_verb)
        {
            return Some(Subject::Agent(verb));
        }
        // ("Du Pont said it earned $547 million": the verb of the amount came first.)
        if lower_word
            && verb.is_none()
            && matches!(w.as_ref(), "said" | "says" | "say" | "told" | "tells")
        {
            return None;
        }
        // "Sales in the latest quarter were …".
        if lower_word
            && TIME_NOUNS.contains(w.as_ref())
            && let Phrase::Time(before) = time_phrase(tokens, k)
        {
            k = before;
            continue;
        }
        // "operating results for 1989 by $3 million": a year the quantity is for.
        if let Some(before) = year_phrase_before(tokens, k) {
            k = before;
            continue;
        }
        // "earnings for its fourth quarter ended Sept. 30 fell 50%": the date that ends a period.
        if let Some(before) = period_end_before(tokens, k) {
            k = before;
            continue;
        }
        let skip = !t.is_word() && matches!(t.text, "$" | "€" | "£" | "¥" | "-" | "+")
            || (lower_word
                && (STOP.contains(w.as_ref())
                    || w.ends_with("ly")
                    || LINKING.contains(w.as_ref())
                    || (verb.is_none() && !of_seen && VERBISH.contains(w.as_ref()))
                    || (verb.is_none() && !of_seen && participle(&w).is_some_and(|p| p == w))));
        if !skip {
            break;
        }
        of_seen |= w == "of";
        if verb.is_none()
            && lower_word
            && !LINKING.contains(w.as_ref())
            && !PARTICLES.contains(w.as_ref())
        {
            verb = Some(w.into_owned());
        }
        k -= 1;
    }
    let (mut words, mut possessor, start) = match phrase_before(tokens, k, &inside_taken, of_seen) {
        Phrase::Words(words, possessor, start) => (words, possessor, start),
        // "It earned …", "the company earned …": whose is the article's, what is the verb's.
        Phrase::Agent => return Some(Subject::Agent(verb)),
        // "Sales in the latest quarter were …": the noun before a phrase of time.
        Phrase::Time(before) => match phrase_before(tokens, before, &inside_taken, false) {
            Phrase::Words(words, possessor, start) => (words, possessor, start),
            _ => return None,
        },
        Phrase::None => return None,
    };
    // "58% of sales and 71% of operating profit": what the figure before is of is not what this
    // one is said of.
    if let Some(r) = &taken
        && start > 0
    {
        let of_at = if tokens[start - 1].lower() == "the" {
            start.saturating_sub(2)
        } else {
            start - 1
        };
        let after_taken = tokens.partition_point(|t| t.start < r.end);
        if of_at == after_taken && tokens[of_at].lower() == "of" {
            return None;
        }
    }
    // "The number of people displaced rose 3%": the number of what.
    if words.len() == 1
        && words[0].0 == "number"
        && tokens.get(start + 1).is_some_and(|t| t.lower() == "of")
    {
        let of: Vec<(String, bool)> = tokens[start + 2..]
            .iter()
            .take_while(|t| {
                t.is_word() && !t.is_capitalized() && !t.lower_in(&STOP) && !t.lower_in(&VERBISH)
            })
            .take(3)
            .map(|t| (t.lower().into_owned(), false))
            .collect();
        if !of.is_empty() {
            words = of;
        }
    }
    // "Profit at the unit fell", "Sales at Du Pont rose", "Gas storage sites across the European
    // Union were": what before "at the …", whose after.
    let mut p = start;
    if p > 0 && tokens[p - 1].lower() == "the" {
        p -= 1;
    }
    let place = p > 0
        && matches!(
            tokens[p - 1].lower().as_ref(),
            "at" | "for" | "in" | "across" | "throughout"
        );
    if place
        && possessor.is_none()
        && let Phrase::Words(what, owner, _) = phrase_before(tokens, p - 1, &inside_taken, false)
        && !what.iter().all(|(_, name)| *name)
    {
        let whose = words.iter().all(|(_, name)| *name).then(|| {
            words
                .iter()
                .map(|(w, _)| w.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        });
        possessor = owner.or(whose);
        words = what;
    }
    let text = words
        .iter()
        .map(|(w, _)| w.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if is_agent(&text) {
        return Some(Subject::Agent(verb));
    }
    // "Shares in Nordvik Bank rose 1.2%": the company's shares.
    let all_names = words.iter().all(|(_, name)| *name);
    if all_names
        && start >= 2
        && matches!(tokens[start - 1].lower().as_ref(), "in" | "of")
        && matches!(tokens[start - 2].lower().as_ref(), "shares" | "stock")
    {
        return Some(Subject::Quantity("shares".to_string(), Some(text)));
    }
    // Names alone say whose, not what ("Du Pont earned"), except market indexes ("the DAX",
    // "FTSE 100"), which are what their points and percentages measure.
    if all_names && !is_index(&text) {
        return Some(Subject::Name(text, verb));
    }
    // "GM Hughes net", "Nordvik's revenue": the names before the noun say whose.
    let names = words.iter().take_while(|(_, name)| *name).count();
    if names > 0 && possessor.is_none() && !is_index(&text) {
        let owner = words[..names]
            .iter()
            .map(|(w, _)| w.as_str())
            .collect::<Vec<_>>();
        let rest = words[names..]
            .iter()
            .map(|(w, _)| w.as_str())
            .collect::<Vec<_>>();
        return Some(Subject::Quantity(rest.join(" "), Some(owner.join(" "))));
    }
    // "The company's stock": the article's company, not one called "company".
    let possessor = possessor
        .filter(|p| !ORGANIZATION_NOUNS.contains_lower(p))
        .or_else(|| reporter_before(tokens, start, k));
    Some(Subject::Quantity(text, possessor))
}

/// What stands before the verb of a figure's clause.
enum Phrase {
    /// The words of a noun phrase in text order (each with whether it is a name) and its
    /// possessor.
    Words(Vec<(String, bool)>, Option<String>, usize),
    /// A pronoun or a generic noun for the article's subject: "it", "the company".
    Agent,
    /// A phrase of time ("in the latest quarter"); the token index before its preposition.
    Time(usize),
    None,
}

/// The noun phrase ending before token `k` (at most four words). `noun_last`: the word before
/// `k` is a noun whatever it looks like ("capital gains of $48 million").
fn phrase_before(
    tokens: &[Token<'_>],
    mut k: usize,
    inside_taken: &dyn Fn(&Token<'_>) -> bool,
    noun_last: bool,
) -> Phrase {
    let mut words: Vec<(String, bool)> = Vec::new();
    let mut possessor = None;
    while k > 0 && words.len() < 4 {
        let t = &tokens[k - 1];
        if !t.is_word() || inside_taken(t) || t.lower_in(&CALENDAR) {
            break;
        }
        let w = t.lower();
        let digits = t.text.bytes().all(|b| b.is_ascii_digit());
        // "FTSE 100": a number inside an index's name.
        if digits && k >= 2 && tokens[k - 2].is_capitalized() {
            words.push((t.text.to_string(), true));
            k -= 1;
            continue;
        }
        // "The FTSE 100 index": an article opens a phrase, capitalized or not.
        if matches!(w.as_ref(), "the" | "a" | "an") {
            break;
        }
        let first_of_sentence = k == 1;
        let name =
            t.is_capitalized() && !(first_of_sentence && is_common_word_start(tokens, k - 1));
        if words.is_empty() && !name && matches!(w.as_ref(), "it" | "they") {
            return Phrase::Agent;
        }
        if words.is_empty() && !name && TIME_NOUNS.contains(w.as_ref()) {
            return time_phrase(tokens, k);
        }
        let verbish = VERBISH.contains(w.as_ref()) && !(noun_last && words.is_empty());
        if digits || (!name && (STOP.contains(w.as_ref()) || verbish)) {
            break;
        }
        if !name && w.ends_with("ing") && !GERUND_NOUNS.contains(w.as_ref()) {
            break;
        }
        if let Some(owner) = t
            .text
            .strip_suffix("'s")
            .or_else(|| t.text.strip_suffix("’s"))
        {
            possessor = Some(owner.to_string());
            break;
        }
        words.push((
            if name {
                t.text.to_string()
            } else {
                w.into_owned()
            },
            name,
        ));
        k -= 1;
    }
    if words.is_empty() {
        return Phrase::None;
    }
    words.reverse();
    Phrase::Words(words, possessor, k)
}

/// "in the latest quarter", "for the year": walks back over a phrase of time ending before `k` to
/// its preposition.
fn time_phrase(tokens: &[Token<'_>], mut k: usize) -> Phrase {
    let start = k;
    while k > 0 && start - k < 5 {
        let w = tokens[k - 1].lower();
        if matches!(w.as_ref(), "in" | "for" | "during" | "over") {
            return Phrase::Time(k - 1);
        }
        let part = TIME_NOUNS.contains(w.as_ref())
            || WHEN_WORDS.contains(w.as_ref())
            || matches!(
                w.as_ref(),
                "the"
                    | "latest"
                    | "last"
                    | "past"
                    | "same"
                    | "most"
                    | "recent"
                    | "its"
                    | "their"
                    | "this"
                    | "that"
            );
        if !part {
            break;
        }
        k -= 1;
    }
    // "attendance this season had reached": a phrase of time without a preposition.
    if k < start && matches!(tokens[k].lower().as_ref(), "this" | "last" | "next") {
        return Phrase::Time(k);
    }
    Phrase::None
}

/// "for 1989", "in fiscal 1990": a year after a preposition ending before token `k`; the token
/// index of its preposition.
fn year_phrase_before(tokens: &[Token<'_>], k: usize) -> Option<usize> {
    let year = tokens.get(k.checked_sub(1)?)?;
    let is_year = year.text.len() == 4
        && year.text.bytes().all(|b| b.is_ascii_digit())
        && matches!(&year.text[..2], "19" | "20");
    if !is_year {
        return None;
    }
    let mut j = k - 1;
    if j > 0 && tokens[j - 1].text.eq_ignore_ascii_case("fiscal") {
        j -= 1;
    }
    (j > 0
        && matches!(
            tokens[j - 1].lower().as_ref(),
            "for" | "in" | "during" | "of"
        ))
    .then(|| j - 1)
}

/// "ended Sept. 30", "ending June 30, 1990", "ended in March": a period's end written before
/// the verb, ending before token `k`; the token index of its "ended".
fn period_end_before(tokens: &[Token<'_>], k: usize) -> Option<usize> {
    let mut j = k;
    while j > 0 && k - j < 6 {
        let t = &tokens[j - 1];
        if t.text.eq_ignore_ascii_case("ended") || t.text.eq_ignore_ascii_case("ending") {
            return (j < k).then_some(j - 1);
        }
        let part = t.text.bytes().all(|b| b.is_ascii_digit())
            || matches!(t.text, "." | ",")
            || t.text.eq_ignore_ascii_case("in")
            || super::not_figures::is_month(t.text);
        if !part {
            return None;
        }
        j -= 1;
    }
    None
}

/// Nouns of a period of time.
#[rustfmt::skip]
static TIME_NOUNS: WordSet = WordSet::new(&[
    "quarter", "year", "period", "months", "month", "half", "week", "weeks", "days", "session",
    "season",
]);

/// Generic nouns for an organization a story is about, which say neither whose nor what: "the
/// company earned", "the company said". Read here for subjects and by
/// [`super::attribution`] for speakers.
#[rustfmt::skip]
pub(crate) static ORGANIZATION_NOUNS: WordSet = WordSet::new(&[
    "company", "firm", "group", "concern", "bank", "carrier", "maker", "airline", "retailer",
    "insurer", "lender", "utility",
]);

/// A subject that is the article's organization: a generic noun for it, "the unit", "it".
fn is_agent(phrase: &str) -> bool {
    ORGANIZATION_NOUNS.contains(phrase) || matches!(phrase, "unit" | "it")
}

/// Parenthetical connectives: "Sales, however, were …".
#[rustfmt::skip]
static CONNECTIVES: WordSet = WordSet::new(&[
    "however", "meanwhile", "though", "too", "also", "moreover", "overall", "nevertheless",
]);

/// Prepositions and particles between a verb and its amount: never the verb ("edged down to").
#[rustfmt::skip]
static PARTICLES: WordSet = WordSet::new(&[
    "to", "from", "at", "by", "up", "down", "of", "in", "on", "off", "as", "than", "over",
    "under", "above", "below", "into", "around", "about", "some", "nearly", "almost", "roughly",
    "approximately", "just", "only", "more", "less", "least", "most", "a", "an", "the", "and",
    "or", "with", "for", "back", "that",
]);

/// Words of a predicate that say nothing of what is measured: "were little changed at".
#[rustfmt::skip]
static LINKING: WordSet = WordSet::new(&[
    "little", "changed", "unchanged", "steady", "flat", "quoted", "pegged", "seen", "put",
]);

/// Market indexes: their names are what their points and percentages measure ("the Dow Jones
/// industrial average", "FTSE 100"), but not a company named like one ("Dow Jones shares").
fn is_index(name: &str) -> bool {
    let upper = name.to_uppercase();
    let common = name
        .split(' ')
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .any(|w| !INDEX_WORDS.contains(w));
    !common
        && [
            "DAX",
            "FTSE",
            "STOXX",
            "CAC",
            "NIKKEI",
            "DOW",
            "S&P",
            "NASDAQ",
            "HANG SENG",
            "KOSPI",
            "SENSEX",
            "IBEX",
            "TOPIX",
            "ASX",
            "MSCI",
            "EURO STOXX",
        ]
        .iter()
        .any(|i| upper.starts_with(i))
}

/// A quantity that is an index: a market index's name ("Dow Jones industrials") or a phrase ending
/// in a word for one ("Treasury index", "transportation").
fn is_index_quantity(quantity: &str) -> bool {
    let head = quantity.rsplit(' ').next().unwrap_or(quantity);
    is_index(quantity) || INDEX_HEADS.contains(head)
}

/// Words that end the name of an index in market tables.
#[rustfmt::skip]
static INDEX_HEADS: WordSet = WordSet::new(&[
    "index", "average", "industrials", "transportation", "transports", "utilities", "composite",
]);

/// Common words of an index's name: "the Dow Jones industrial average".
#[rustfmt::skip]
static INDEX_WORDS: WordSet = WordSet::new(&[
    "index", "average", "industrial", "industrials", "composite", "transportation", "utilities",
    "futures", "blue-chip", "benchmark", "share", "all-share", "stock",
]);

/// Words that end a subject phrase though they look like nouns: verbs in -s, and prepositions.
#[rustfmt::skip]
static VERBISH: WordSet = WordSet::new(&[
    "eases", "slips", "rises", "falls", "gains", "climbs", "jumps", "says", "adds", "amid",
    "toward", "towards", "full", "changed", "lower", "higher", "bidding", "sees", "expects",
    "forecasts", "plans", "wants", "needs", "shows", "showed", "show", "means", "seems",
    "totals", "reaches", "hits", "tops", "nears", "drops", "dips", "sinks", "soars", "surges",
    "jumps", "slides", "edges", "edged", "hovers", "hovered", "remains", "stands", "stood",
    "expect", "predict", "predicts", "project", "projects", "anticipate", "anticipates",
    "estimate", "estimates", "forecast", "averaging", "averaged", "totaling", "totalling",
    "include", "includes", "included", "contains", "contained",
]);

/// Nouns in -ing: "spending", "funding".
#[rustfmt::skip]
static GERUND_NOUNS: WordSet = WordSet::new(&[
    "spending", "funding", "financing", "lending", "housing", "borrowing", "earnings", "savings",
    "holdings", "shipping", "trading", "building", "manufacturing", "training", "pricing",
    "offering", "listing", "rating", "ranking", "polling", "ring", "king", "spring", "opening",
    "sterling", "shilling", "ceiling", "thing", "string", "wing", "sibling",
]);

/// Weekdays and months: never what a figure measures ("said on Friday they had made a £45 million
/// offer").
#[rustfmt::skip]
pub(super) static CALENDAR: WordSet = WordSet::new(&[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "today", "yesterday", "tomorrow", "told", "tells", "tell", "says", "said",
]);

/// Nouns of change after an amount: "a 3% drop in revenue" measures revenue.
#[rustfmt::skip]
static CHANGE_NOUNS: WordSet = WordSet::new(&[
    "drop", "decline", "fall", "cut", "cuts", "decrease", "reduction", "rise", "increase",
    "gain", "gains", "jump", "hike", "growth", "surge", "boost", "slump", "plunge", "slide",
    "dip", "climb", "advance", "loss", "losses",
]);

/// The noun an amount modifies: "a £45 million offer", "a $2 billion loan", "a 3% stake"; for a
/// noun of change, what changes: "a 3% drop in revenue" → revenue.
fn noun_after(tokens: &[Token<'_>], f: &FigureMention) -> Option<String> {
    let end = f.token_after(tokens);
    let words = |from: usize| -> Vec<String> {
        tokens
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|t| {
                t.is_word()
                    && !t.is_capitalized()
                    && !t.lower_in(&STOP)
                    && !t.lower_in(&CALENDAR)
                    && !t.text.bytes().all(|b| b.is_ascii_digit())
            })
            .take(3)
            .map(|t| t.lower().into_owned())
            .collect()
    };
    // "$54 million in scheduled payments", "$2.3 billion in assets": an amount of what follows
    // "in" (not "fell $5 million in trading", "$3 million in the quarter").
    if f.kind == FigureKind::Money
        && f.direction.is_none()
        && tokens.get(end).is_some_and(|t| t.text == "in")
    {
        let what = words(end + 1);
        let head = what.last()?;
        let gerund = head.ends_with("ing") && !GERUND_NOUNS.contains(head.as_str());
        return (!gerund && !TIME_NOUNS.contains(head.as_str())).then(|| what.join(" "));
    }
    let mut after = words(end);
    // "a $24 million one-time charge associated with …": the phrase ends before a participle.
    let verbal = |w: &String| w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly");
    if let Some(cut) = after.iter().position(verbal) {
        after.truncate(cut);
    }
    let head = after.last()?;
    if CHANGE_NOUNS.contains(head.as_str()) {
        let k = end + after.len();
        if tokens.get(k).is_some_and(|t| t.lower() == "in") {
            let object = words(k + 1);
            return (!object.is_empty()).then(|| object.join(" "));
        }
        return None;
    }
    Some(after.join(" "))
}

/// "85 percent full", "27% funded", "60 percent complete": the state a percentage is the extent
/// of, right after it.
fn state_after<'t>(tokens: &'t [Token<'_>], f: &FigureMention) -> Option<&'t str> {
    if f.kind != FigureKind::Percent {
        return None;
    }
    let end = f.token_after(tokens);
    let t = tokens.get(end)?;
    t.lower_in(&PERCENT_STATES).then_some(t.text)
}

/// States a percentage measures the extent of.
#[rustfmt::skip]
static PERCENT_STATES: WordSet = WordSet::new(&[
    "full", "funded", "complete", "completed", "owned", "booked", "occupied", "vaccinated",
    "built", "finished", "subscribed", "utilized", "utilised", "contained",
]);

/// "some 330,000 bpd above its quota", "$2 billion short of the target", "0.3 points below
/// analysts' forecasts": a figure that is a gap to a reference level, as "above quota".
fn gap_to_reference(tokens: &[Token<'_>], f: &FigureMention) -> Option<String> {
    let end = f.token_after(tokens);
    let mut k = end;
    let side = match tokens.get(k)?.lower().as_ref() {
        "above" | "over" | "beyond" => "above",
        "below" | "under" => "below",
        "short" if tokens.get(k + 1).is_some_and(|t| t.lower() == "of") => {
            k += 1;
            "below"
        }
        _ => return None,
    };
    k += 1;
    // Determiners and possessors: "its", "the", "analysts'", "OPEC's".
    while let Some(t) = tokens.get(k)
        && (t.lower_in(&REFERENCE_DETERMINERS)
            || t.is_possessive()
            || t.text.ends_with('\'')
            || t.text == "'")
        && k < end + 5
    {
        k += 1;
    }
    let noun = tokens.get(k)?;
    noun.lower_in(&REFERENCE_LEVELS)
        .then(|| format!("{side} {}", noun.lower().trim_end_matches('s')))
}

/// Words between "above" and the level it refers to.
#[rustfmt::skip]
static REFERENCE_DETERMINERS: WordSet = WordSet::new(&[
    "its", "the", "their", "his", "her", "a", "an", "this", "that", "official", "agreed",
    "analysts", "market", "previous", "government", "bank's", "average",
]);

/// Levels a figure is measured against: "above its quota", "below the target".
#[rustfmt::skip]
static REFERENCE_LEVELS: WordSet = WordSet::new(&[
    "quota", "quotas", "target", "targets", "forecast", "forecasts", "estimate", "estimates",
    "expectations", "consensus", "limit", "limits", "cap", "ceiling", "threshold", "guidance",
    "budget", "plan", "requirement", "requirements", "benchmark",
]);

/// "10 cents a share", "$1.65 per share": an amount for each share.
fn per_share(tokens: &[Token<'_>], f: &FigureMention) -> bool {
    let mut end = f.token_after(tokens);
    // "for $23.31 to $24.25 a share": the lower end of a range is priced like its upper end.
    if tokens
        .get(end)
        .is_some_and(|t| matches!(t.text, "to" | "-" | "–"))
    {
        let mut k = end + 1;
        if tokens
            .get(k)
            .is_some_and(|t| matches!(t.text, "$" | "€" | "£" | "¥"))
        {
            k += 1;
        }
        if tokens
            .get(k)
            .is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit()))
        {
            // "15 cents to 20 cents a share": past the upper end's unit word.
            end = (k + 1..(k + 3).min(tokens.len()))
                .find(|&j| matches!(tokens[j].lower().as_ref(), "a" | "per" | "each"))
                .unwrap_or(k + 1);
        }
    }
    let w = |k: usize| {
        tokens
            .get(k)
            .map(|t| t.lower().into_owned())
            .unwrap_or_default()
    };
    let share = |k: usize| matches!(w(k).as_str(), "share" | "shares");
    // "a $42-a-share payout": written in one word.
    let glued = end > 0 && {
        let last = w(end - 1);
        last.ends_with("-a-share") || last.ends_with("-per-share")
    };
    // "bought 254,200 shares for $15.50 each", "began trading at $14 apiece": each of the
    // shares the sentence speaks of.
    let each_of_shares = matches!(w(end).as_str(), "apiece" | "each")
        && tokens
            .iter()
            .any(|t| matches!(t.lower().as_ref(), "share" | "shares" | "stock"));
    // "$1.65 a share", "$43.50 for each of the 4.9 million shares".
    glued
        || each_of_shares
        || (matches!(w(end).as_str(), "a" | "per" | "each") && share(end + 1))
        || (w(end) == "for"
            && w(end + 1) == "each"
            && w(end + 2) == "of"
            && (end + 3..end + 8).any(share))
}

/// Words that say when, not what: "year-earlier loss" and "loss" are one measure.
/// (The length of the period stays: see [`period_of`].)
#[rustfmt::skip]
static WHEN_WORDS: WordSet = WordSet::new(&[
    "year-earlier", "year-ago", "prior-year", "previous", "earlier", "latest", "current",
    "quarterly", "annual", "yearly", "first-quarter", "second-quarter", "third-quarter",
    "fourth-quarter", "first-half", "second-half", "nine-month", "six-month", "full-year",
    "fiscal", "year-to-date", "first", "second", "third", "fourth",
]);

/// One name for one quantity, as data: the loss is the negative of the income it is compared
/// with, so "net loss" and "net income" are one series.
const SYNONYMS: &[(&str, &str)] = &[
    ("net", "net income"),
    ("job cuts", "jobs cut"),
    ("job losses", "jobs lost"),
    ("net loss", "net income"),
    ("loss", "net income"),
    ("net profit", "net income"),
    ("profit", "net income"),
    ("net earnings", "net income"),
    ("earnings", "net income"),
    ("income", "net income"),
    ("revenues", "revenue"),
    ("sales", "revenue"),
    ("net sales", "revenue"),
    ("turnover", "revenue"),
    ("operating loss", "operating profit"),
    ("operating income", "operating profit"),
];

/// The quantity without words of time or status, under its one name.
fn normalize(quantity: &str) -> String {
    let kept: Vec<String> = quantity
        .split(' ')
        .filter(|w| !WHEN_WORDS.contains(w.to_lowercase().as_str()))
        .map(|w| {
            PREDICATE_SYNONYMS
                .iter()
                .find(|(from, _)| *from == w)
                .map_or(w.to_string(), |(_, to)| (*to).to_string())
        })
        .collect();
    let mut q = kept.join(" ");
    for status in [
        " expected",
        " planned",
        " announced",
        " proposed",
        " reported",
    ] {
        if let Some(rest) = q.strip_suffix(status) {
            q = rest.to_string();
        }
    }
    SYNONYMS
        .iter()
        .find(|(from, _)| *from == q)
        .map_or(q.clone(), |(_, to)| (*to).to_string())
}

/// Whether a phrase can name what is measured: not empty, not opened by a modal, a preposition
/// or a verb ("wouldn't", "without", "owns", "acquire"), not a lone participle ("risen",
/// "ordered"). Such phrases are leftovers of a walk that found no subject; the figure is then
/// grouped by its unit instead.
fn is_quantity(q: &str) -> bool {
    let mut words = q.split(' ');
    let Some(first) = words.next().filter(|w| !w.is_empty()) else {
        return false;
    };
    let alone = words.next().is_none();
    let participle = alone && (first.ends_with("ed") || first.ends_with("en"));
    // "average attendance" names one; "would average 48 euros" does not.
    let modifier = !alone && first == "average";
    !((NOT_HEADS.contains(first) && !modifier) || participle || first.contains('\''))
}

/// Words that never open the name of a quantity.
#[rustfmt::skip]
static NOT_HEADS: WordSet = WordSet::new(&[
    "would", "should", "could", "will", "can", "may", "might", "must", "without", "unless",
    "within", "worldwide", "full", "close", "owns", "own", "acquire", "sell", "seeks", "seek",
    "spend", "save", "use", "reach", "average", "s", "via", "per", "than", "whether",
]);

/// One word for one predicate: the dead and the killed are one count.
const PREDICATE_SYNONYMS: &[(&str, &str)] = &[
    ("dead", "killed"),
    ("died", "killed"),
    ("perished", "killed"),
    ("slain", "killed"),
    ("wounded", "injured"),
    ("hurt", "injured"),
];

/// A capitalized first word of a sentence that is a common word ("Sales fell", "Inflation was"):
/// no capitalized word follows it and the text does not write it as a name elsewhere.
pub(super) fn is_common_word_start(tokens: &[Token<'_>], k: usize) -> bool {
    !tokens[k].name_elsewhere
        && tokens.get(k + 1).is_none_or(|t| !t.is_capitalized())
        && tokens[k].text.chars().skip(1).all(|c| c.is_lowercase())
}

/// "3 million tonnes of wheat", "$5 million in aid": what the amount is of.
fn of_after(tokens: &[Token<'_>], f: &FigureMention) -> Option<String> {
    let end = f.token_after(tokens);
    let prep = tokens.get(end)?.lower();
    if !matches!(prep.as_ref(), "of" | "in") {
        return None;
    }
    let words: Vec<String> = tokens[end + 1..]
        .iter()
        .take_while(|t| {
            t.is_word()
                && !t.is_capitalized()
                && !t.lower_in(&STOP)
                && !t.text.starts_with(|c: char| c.is_ascii_digit())
        })
        .take(3)
        .map(|t| t.lower().into_owned())
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Whether a quantity already says it is a change ("jobs cut", "jobs shed", "subscribers lost").
fn has_change_predicate(quantity: &str) -> bool {
    quantity.rsplit(' ').next().is_some_and(|w| {
        matches!(
            w,
            "cut"
                | "shed"
                | "lost"
                | "added"
                | "eliminated"
                | "created"
                // A flow is itself a change of what it flows from.
                | "outflow"
                | "outflows"
                | "inflow"
                | "inflows"
                | "withdrawals"
                | "redemptions"
        )
    })
}

#[cfg(test)]
pub(super) mod tests {
    use crate::extract::figures::find_figures;
    use crate::extract::sentences::split_sentences;
    use crate::extract::tokens::{Lowered, tokenize_all};

    pub(in crate::extract) fn measures(text: &str) -> Vec<String> {
        let s = split_sentences(text);
        find_figures(text, &s, &tokenize_all(text, &Lowered::new(text), &s), &[])
            .into_iter()
            .map(|f| f.measure.unwrap_or_default())
            .collect()
    }

    #[test]
    fn counts_are_named_by_noun_and_predicate() {
        for (text, want) in [
            (
                "About 96,000 people were displaced in South Sudan.",
                "people displaced (South Sudan)",
            ),
            ("The flood displaced 96,000 people.", "people displaced"),
            ("Floods uproot 268,000 in the north.", "people displaced"),
            (
                "Some 7.7 million people are facing acute hunger.",
                "people facing acute hunger",
            ),
            ("At least 75 people were killed.", "people killed"),
            (
                "Some 7.7 million people in South Sudan are facing acute hunger.",
                "people facing acute hunger (South Sudan)",
            ),
            (
                "Agencies reached 1.2 million people with food aid.",
                "people reached",
            ),
            (
                "More than 240,000 people were displaced, up from 96,000 in June.",
                "people displaced",
            ),
            ("The company will cut about 1,800 jobs.", "jobs cut"),
            ("North Korea shipped 7,000 containers.", "containers"),
            ("It has delivered more than 1,000 containers.", "containers"),
            (
                "The number rose by 300 to reach around 7,000 containers.",
                "containers",
            ),
        ] {
            assert_eq!(measures(text).last().unwrap(), want, "{text}");
        }
    }

    #[test]
    fn money_and_percentages_are_named_by_what_they_are_said_of() {
        for (text, want) in [
            (
                "Sales fell 3% in the quarter.",
                "quarterly revenue % change",
            ),
            ("Sales fell 3% in May.", "revenue % change"),
            (
                "Nordvik reported net income of 2.1 billion crowns.",
                "net income",
            ),
            (
                "The bank cut its deposit rate by 25 basis points.",
                "deposit rate change",
            ),
            ("Germany's DAX gained 0.8%.", "DAX % change (Germany)"),
            ("Inflation was 2.6% in May.", "inflation"),
            (
                "They said on Friday they had made a £45 million offer.",
                "offer",
            ),
            ("It reported a 3% drop in revenue.", "revenue % change"),
            (
                "It had a loss of $158,666, or 10 cents a share.",
                "net income",
            ),
            // The noun an amount modifies ends before a participle.
            (
                "It took a $24 million one-time charge associated with the plan.",
                "one-time charge",
            ),
            (
                "It bought the concern for $26.50 a share.",
                "price per share",
            ),
            (
                "It offered holders a special $42-a-share payout.",
                "payout per share",
            ),
            // An article before an index's name is not part of it.
            ("The FTSE 100 index fell 1.2%.", "FTSE 100 index % change"),
            // A company named like an index is a company.
            (
                "Dow Jones shares fell 50 cents.",
                "share price change (Dow Jones)",
            ),
            (
                "The Dow Jones industrial average rose 5 points.",
                "Dow Jones industrial average change",
            ),
        ] {
            assert_eq!(measures(text)[0], want, "{text}");
        }
    }

    #[test]
    fn an_amount_restated_as_a_percentage_of_another_is_a_share() {
        let m = measures("The wage bill stood at £212 million, or 71 percent of revenue.");
        assert_eq!(m, ["wage bill", "wage bill as share of revenue"]);
    }

    #[test]
    fn a_percentage_of_a_state_is_said_of_the_thing_in_it() {
        let m = measures("Storage sites were 85 percent full, down from 95 percent.");
        assert_eq!(m, ["storage sites full", "storage sites full"]);
        let m = measures("The appeal is 27% funded.");
        assert_eq!(m, ["appeal funded"]);
    }

    #[test]
    fn a_part_of_a_numbered_whole_is_not_the_whole() {
        let m = measures("Only nine of the European Union's 27 member states have a plan.");
        assert_eq!(m, ["member states of 27", "member states"]);
        // An amount for each is no whole.
        let m = measures("It paid 32 death claims of 100,000 shillings each.");
        assert_eq!(m[0], "death claims");
    }

    #[test]
    fn a_market_table_gives_index_points() {
        let text = "Dow Jones industrials 2596.72, off 17.01; transportation 1190.43, off 14.76.";
        let s = split_sentences(text);
        let units: Vec<Option<String>> =
            find_figures(text, &s, &tokenize_all(text, &Lowered::new(text), &s), &[])
                .into_iter()
                .map(|f| f.unit)
                .collect();
        assert_eq!(units, vec![Some("points".to_string()); 4]);
    }

    #[test]
    fn a_gap_to_a_reference_level_is_not_the_level() {
        let m =
            measures("Data show Kazakhstan produced 1.8 million bpd, 330,000 bpd above its quota.");
        assert_eq!(
            m,
            ["output (Kazakhstan)", "output above quota (Kazakhstan)"]
        );
        let m = measures("Revenue was $300 million short of the target.");
        assert_eq!(m, ["revenue below target"]);
        let m = measures("Growth was 2 points above expectations.");
        assert_eq!(m, ["growth above expectation"]);
    }

    #[test]
    fn a_sentence_opening_with_a_name_the_text_writes_elsewhere_is_whose() {
        // "Kazakhstan" is capitalized after a lowercase word elsewhere: a name, not a quantity.
        let text = "Kazakhstan produced 1.8 million bpd. Output in Kazakhstan rose.";
        assert_eq!(measures(text), ["output (Kazakhstan)"]);
        // "Sales" is written in lowercase elsewhere: a common word.
        let text = "Sales rose 3%. Its sales in Kazakhstan were strong.";
        assert_eq!(measures(text)[0], "revenue % change");
    }

    #[test]
    fn a_comparison_keeps_the_subject_of_the_figure_before() {
        let m =
            measures("Net income was 2.1 billion crowns, down from 3.05 billion a year earlier.");
        assert_eq!(m, ["net income", "net income"]);
        let m = measures("Sales rose to $3 million from $2.9 million.");
        assert_eq!(m, ["revenue", "revenue"]);
        let m = measures("It had a year-earlier loss of $26,956, or two cents a share.");
        assert_eq!(m, ["net income", "net income per share"]);
    }

    #[test]
    fn a_level_after_a_change_measures_what_changed() {
        let m = measures("Revenue rose 3.5% to $8.47 billion from $8.18 billion.");
        assert_eq!(m, ["revenue % change", "revenue", "revenue"]);
        let m =
            measures("Sales in the latest quarter were $8.59 billion, up 9.4% from $7.85 billion.");
        assert_eq!(
            m,
            [
                "quarterly revenue",
                "quarterly revenue % change",
                "quarterly revenue"
            ]
        );
        let m = measures("Sales, however, were little changed at 2.46 billion guilders.");
        assert_eq!(m, ["revenue"]);
    }

    #[test]
    fn whose_comes_from_names_the_lead_and_the_paragraph() {
        let m = measures("GM Hughes net fell 6.6% to $486.6 million.");
        assert_eq!(
            m,
            ["net income % change (GM Hughes)", "net income (GM Hughes)"]
        );
        let m = measures("At GMAC, net dropped 3.1% to $234.5 million.");
        assert_eq!(m, ["net income % change (GMAC)", "net income (GMAC)"]);
        let m = measures("In the fibers segment, profit rose to $180 million from $155 million.");
        assert_eq!(
            m,
            ["net income (fibers segment)", "net income (fibers segment)"]
        );
        // The company named in one sentence owns the amounts after it, in its paragraph and the
        // next (wire paragraphs are a sentence or two); the period holds within the paragraph.
        let m = measures(
            "In the nine months, EDS earned $315.8 million. Revenue rose 14% to $4.03 billion.\n\n\
             Revenue rose 2% to $9 billion.\n\nAnalysts were pleased.\n\nSales rose 5%.",
        );
        assert_eq!(
            m,
            [
                "nine-month net income (EDS)",
                "nine-month revenue % change (EDS)",
                "nine-month revenue (EDS)",
                "revenue % change (EDS)",
                "revenue (EDS)",
                "revenue % change",
            ]
        );
        // The company that reports the results owns them.
        let m = measures(
            "Separately, America West Airlines, Phoenix, Ariz., reported third-quarter profit \
             jumped 45% to $5.8 million.",
        );
        assert_eq!(
            m,
            [
                "quarterly net income % change (America West Airlines)",
                "quarterly net income (America West Airlines)",
            ]
        );
        let m = measures("In the year-earlier period, the company earned $461 million.");
        assert_eq!(m, ["net income"]);
    }

    #[test]
    fn subjects_behind_prepositions_and_relative_clauses() {
        let m = measures("Profit at the unit fell to $110.6 million.");
        assert_eq!(m, ["net income"]);
        let m = measures("Sales at Du Pont rose 5% to $3 billion.");
        assert_eq!(m, ["revenue % change (Du Pont)", "revenue (Du Pont)"]);
        let m = measures("The dollar fell against the pound, which was at $1.5765.");
        assert_eq!(m, ["pound in US dollars"]);
        let m = measures("Earnings for its fourth quarter ended Sept. 30 fell 50%.");
        assert_eq!(m, ["quarterly net income % change"]);
        let m = measures("The number of refugees rose 3% to 50,000.");
        assert_eq!(m, ["refugees % change", "refugees"]);
    }

    #[test]
    fn an_exchange_rate_is_a_currency_priced_in_another_and_has_no_scope() {
        let m = measures(
            "At Nordvik, sales rose. The dollar was at 1.8400 marks and 142.10 yen, compared \
             with 1.8353 marks and 141.52 yen. The euro was at $1.0912, while sterling fell 0.2% \
             to $1.2741.",
        );
        assert_eq!(
            m,
            [
                "dollar in marks",
                "dollar in yen",
                "dollar in marks",
                "dollar in yen",
                "euro in US dollars",
                "sterling % change",
                "pound in US dollars",
            ]
        );
    }

    #[test]
    fn prices_shares_and_percentages_of_a_population_are_series_of_their_own() {
        let m = measures("GM closed down $1.875 at $44.875 in trading yesterday.");
        assert_eq!(m, ["share price change (GM)", "share price (GM)"]);
        let m = measures("Milton Roy shares leaped $2, to $18.375 each.");
        assert_eq!(
            m,
            [
                "share price change (Milton Roy)",
                "share price (Milton Roy)"
            ]
        );
        let m = measures("The company's stock fell $1.125 to $13.625 yesterday.");
        assert_eq!(m, ["stock change", "stock"]);
        let m = measures("The price is $43.50 for each of the 4.9 million shares it doesn't own.");
        assert_eq!(m[0], "price per share");
        // A percentage of people is their share; the count stays the count.
        let m = measures("Some 2.1 million refugees, or 40% of the camp residents, lack water.");
        assert_eq!(m, ["refugees", "share of refugees"]);
        let m = measures("Sales were 3% of the total.");
        assert_eq!(m, ["revenue"]);
    }

    #[test]
    fn a_bare_number_counts_the_headcount_it_is_said_of() {
        let first = |text: &str| {
            let s = split_sentences(text);
            let f =
                find_figures(text, &s, &tokenize_all(text, &Lowered::new(text), &s), &[]).remove(0);
            (f.unit, f.measure)
        };
        assert_eq!(
            first("Officials said average attendance this season had reached a record 41,200."),
            (Some("attendance".into()), Some("average attendance".into()))
        );
        // Not what speaks: "the agency said that some 410,000 had fled".
        let (unit, _) = first("In Geneva, the agency said that some 410,000 had fled.");
        assert_eq!(unit.as_deref(), Some("people"));
        let m = measures("His mother and 10 other people drowned.");
        assert_eq!(m, ["people drowned"]);
    }

    #[test]
    fn a_part_of_a_count_shares_its_predicate() {
        let m = measures("The bombs killed 259 people, including 12 Americans.");
        assert_eq!(m, ["people killed", "americans killed"]);
        let m = measures("The quake killed 300 people, including at least 40 children.");
        assert_eq!(m, ["people killed", "children killed"]);
    }

    #[test]
    fn an_elided_count_is_counted_like_the_one_before() {
        let m = measures("The bombs killed 247 people in Kenya and 10 in Tanzania.");
        assert_eq!(m, ["people killed (Kenya)", "people killed (Tanzania)"]);
        let m = measures("The bomb went off, killing 247 people and wounding 5,000 others.");
        assert_eq!(m, ["people killed", "people injured"]);
    }

    #[test]
    fn both_ends_and_conversions_are_one_quantity() {
        for (text, want) in [
            // A particle between verb and amount is not the verb.
            (
                "Revenue edged down to $2.58 billion from $2.63 billion.",
                vec!["revenue", "revenue"],
            ),
            // A year the quantity is for is skipped on the way back to it.
            (
                "It will reduce Nordvik's results for 1989 by $3 million to $4 million.",
                vec!["results change (Nordvik)", "results change (Nordvik)"],
            ),
            // A range priced per share at its upper end.
            (
                "It bought them for $23.31 to $24.25 a share.",
                vec!["price per share", "price per share"],
            ),
            // The conversion into another currency takes the amount's measure.
            (
                "Sales were 942 million Canadian dollars (US$801.2 million).",
                vec!["revenue", "revenue"],
            ),
            // An amount of what follows "in"; "capital gains of" is a noun, not a verb.
            (
                "The payments were $54 million in scheduled payments.",
                vec!["scheduled payments"],
            ),
            (
                "Results included capital gains of $48 million.",
                vec!["capital gains"],
            ),
            // Who reports is the name before the relative clause.
            (
                "Later, Ogden Corp., which also has interests in building maintenance, reported net \
                 income of $27.1 million.",
                vec!["net income (Ogden Corp)"],
            ),
        ] {
            assert_eq!(measures(text), want, "{text}");
        }
    }

    #[test]
    fn what_the_clause_says_decides_the_measure() {
        for (text, want) in [
            // A pronoun that moves is the quantity named before.
            (
                "Staff see inflation averaging 2.1% next year, before it eases to 1.9% in 2026.",
                vec!["inflation", "inflation"],
            ),
            // Who speaks is not what the amount is.
            (
                "The Dallas oil concern said that $10 million would be spent.",
                vec![""],
            ),
            // A percentage of what follows is a share of it.
            (
                "The unit accounted for 58% of sales and 71% of operating profit.",
                vec!["share of revenue", "share of operating profit"],
            ),
            // The name before a relative clause is whose; a market is not a place.
            (
                "GM Class H, which represents a dividend interest, closed at $29, up 25 cents in \
                 Big Board composite trading.",
                vec![
                    "share price (GM Class H)",
                    "share price change (GM Class H)",
                ],
            ),
            // A stock's price a share is its share price, one series with the close.
            (
                "Its stock, which was as high as $18.75 a share, closed at $4.375 a share.",
                vec!["share price", "share price"],
            ),
            // An amount in a clause of its own does not inherit the one before.
            (
                "Debt stood at $8.1 million; the rest, about $40 million, went to acquisitions.",
                vec!["debt", ""],
            ),
            // Each of the shares the sentence speaks of.
            (
                "Crane bought 254,200 shares for $15.50 each.",
                vec!["shares", "price per share"],
            ),
            (
                "The stock began trading this summer at $14 apiece.",
                vec!["share price"],
            ),
        ] {
            assert_eq!(measures(text), want, "{text}");
        }
    }
}
