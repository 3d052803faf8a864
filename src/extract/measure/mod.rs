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
//!
//! [`assign`] is the public face and holds the rules that choose between the others: the walk
//! back to what a clause speaks of is in `subject`, counts and their predicates in `count`, the
//! words right after a figure in `after`, what a figure takes from the figures before it in
//! `inherit`, and the word lists they read in `lexicon`.

mod after;
mod count;
mod inherit;
mod lexicon;
mod subject;

use std::ops::Range;

use self::after::{
    accounted_share, gap_to_reference, noun_after, of_after, per_share, state_after,
};
use self::count::{count_quantity, has_change_predicate, is_population};
use self::inherit::{Named, base_quantity, bridged, compared, included, inherited, near};
use self::lexicon::{
    CURRENCY_WORDS, HEADCOUNTS, NOT_HEADS, PAYING, PREDICATE_SYNONYMS, PRICE_MOVES,
    REPORTING_VERBS, SYNONYMS, TRADE_VERBS, WHEN_WORDS,
};
use self::subject::{Subject, moving_verb, subject_before};
use super::figures::{FigureKind, FigureMention};
use super::scope::{
    lead_scope, named_for, owner_before, place_after, place_where, segment, without_legal_form,
};
use super::tokens::Token;

pub(super) use self::count::{in_need, is_count_noun, participle, predicate_start};
pub(crate) use self::lexicon::ORGANIZATION_NOUNS;
pub(super) use self::lexicon::{AUXILIARIES, CALENDAR};
pub(super) use self::subject::{is_common_word_start, is_index_quantity};

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
    // The names figures of a list were said of ("3.3% for the S&P 500").
    let mut said_before: Vec<String> = Vec::new();
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
        // "$238.3 million, or 83 cents a share, from $226.5 million, or 78 cents": the second
        // pair of amount and per-share amount leaves "a share" unsaid. ("$18 a share, or about
        // $576 million": an amount in millions is the total, never a share's.)
        let first = f.first_token(tokens);
        let each_share = per_share(tokens, f)
            || (f.kind == FigureKind::Money
                && f.value.abs() < 10_000.0
                && first >= 2
                && tokens[first - 1].lower() == "or"
                && tokens[first - 2].text == ","
                && named.iter().flatten().any(|n| n.per_share))
            || compared_with_share_amount(tokens, at, f, &named);
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
        } else if f.kind == FigureKind::Money && each_share && !closed && paid_each(tokens, f) {
            // "bought 63 million shares … for $26.50 a share": what is paid for each share.
            Some("price".to_string())
        } else if f.kind == FigureKind::Money && !closed && paid_for(tokens, f) {
            // "exercise its right to buy out for $1.9 billion the 55% interest", "agreed to sell
            // the unit for $50 million": what is paid in a purchase.
            Some("price".to_string())
        } else if let Some((whole, owner)) = accounted_share(tokens, f) {
            // "China accounted for about 30% of global steel output": its share of the whole.
            if owner.is_some() {
                possessor = owner;
            }
            Some(format!("share of {}", normalize(&whole)))
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
        } else if let Some(before) = compared(tokens, at)
            .then(|| inherited(&named, f, each_share))
            .flatten()
            .filter(|n| near(tokens, &n.range, &f.range))
        {
            // "a 13% increase from $1.55 billion": what the amount it is compared with measures.
            Some(base_quantity(before))
        } else if let Some(what) = (f.kind == FigureKind::Money)
            .then(|| spent_by_verb(tokens, f))
            .flatten()
        {
            // "will cost the party about 549,000 marks": the verb says what the amount is.
            Some(what.to_string())
        } else {
            let own = match subject_before(tokens, at, &f.range, taken.clone()) {
                Some(Subject::Quantity(phrase, owner)) => {
                    possessor = owner;
                    subject_named = true;
                    // "expected the company to earn 35 cents": the verb read as the subject's
                    // noun says what the amount is.
                    Some(match quantity_of_verb(phrase.clone()) {
                        Some(q) if f.kind == FigureKind::Money => q.to_string(),
                        _ => phrase,
                    })
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
        // "$154.2 million in senior notes paying 12 3/4%": the rate a debt pays, never one series
        // with its amount.
        let level_percent = f.kind == FigureKind::Percent && f.direction.is_none();
        if level_percent
            && f.first_token(tokens)
                .checked_sub(1)
                .is_some_and(|k| tokens[k].lower_in(&PAYING))
            && !quantity.ends_with(" rate")
        {
            quantity.push_str(" rate");
        }
        // "RJR's share of the roughly $5.1 billion market is less than 5%": a percentage said of
        // what an amount of its sentence measures is a share of it.
        let share_of_amount = level_percent
            && !quantity.starts_with("share of ")
            && named.iter().flatten().any(|n| {
                n.kind == FigureKind::Money
                    && n.quantity == quantity
                    && n.range.end <= f.range.start
            });
        if share_of_amount {
            quantity = format!("share of {quantity}");
        }
        // "the Nasdaq Composite had fallen 4.3%, compared with 3.3% for the S&P 500": a like
        // figure said of another index or company, whose name stands for the one it inherited.
        let said_of = (rate.is_none() && f.scope.is_none())
            .then(|| named_for(tokens, f))
            .flatten();
        if let Some(name) = &said_of {
            // The name the inherited quantity opens with: one a figure before was said of, else
            // its capitalized words.
            let words: Vec<&str> = quantity.split(' ').collect();
            let capitalized = words
                .iter()
                .take_while(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
                .count();
            let own = said_before
                .iter()
                .filter(|n| opens_with(&quantity, n))
                .map(|n| n.split(' ').count())
                .max()
                .or(
                    (capitalized > 0 && words[0].starts_with(char::is_uppercase))
                        .then_some(capitalized),
                );
            if let Some(own) = own {
                quantity = std::iter::once(name.as_str())
                    .chain(words[own..].iter().copied())
                    .collect::<Vec<_>>()
                    .join(" ");
            }
            said_before.push(name.clone());
        }
        // A currency's price is the market's, no company's or place's.
        let scope = if rate.is_some() {
            None
        } else {
            said_of
                .or_else(|| f.scope.clone())
                .or_else(|| owner_before(tokens, f))
                .or(possessor)
                .or_else(|| segment_cache.get_or_insert_with(|| segment(tokens)).clone())
                .or_else(|| place_after(tokens, f))
                .or_else(|| place_where(tokens, f))
                .or_else(|| lead_scope(tokens))
                .map(|s| match without_legal_form(&s) {
                    short if short.len() < s.len() => short.to_string(),
                    _ => s,
                })
        };
        // "Nasdaq Composite % change": a quantity that opens with its own name needs no scope.
        let scope = scope.filter(|s| !opens_with(&quantity, s));
        f.scope = scope.clone();
        named.push(Some(Named {
            quantity: quantity.clone(),
            scope: scope.clone(),
            kind: f.kind,
            per_share: each_share,
            value: f.value,
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

/// Whether `quantity` opens with the whole words of `name`: "Nasdaq Composite % change" with
/// "Nasdaq Composite", not with "Nasdaq Comp".
fn opens_with(quantity: &str, name: &str) -> bool {
    quantity
        .strip_prefix(name)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
}

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

/// "raised its offer to $40 a share from $35": an amount compared with an amount for each share
/// just before, of a like size (a fifth to five times it), is for each share too; "$40 a share,
/// or $80 million, from $70 million" compares the total.
fn compared_with_share_amount(
    tokens: &[Token<'_>],
    at: usize,
    f: &FigureMention,
    named: &[Option<Named>],
) -> bool {
    if f.kind != FigureKind::Money || !compared(tokens, at) {
        return false;
    }
    let Some(before) = named
        .iter()
        .rev()
        .flatten()
        .find(|n| n.kind == FigureKind::Money)
    else {
        return false;
    };
    let ratio = f.value / before.value;
    before.per_share && (0.2..=5.0).contains(&ratio) && near(tokens, &before.range, &f.range)
}

/// Whether an amount for each share is what is paid for it: "for $26.50 a share", or "at" after
/// a verb of buying or selling ("bought the shares at $26.50 each"). "Valued the unit at $55 a
/// share" is the value of what is valued, not a price.
fn paid_each(tokens: &[Token<'_>], f: &FigureMention) -> bool {
    let first = f.first_token(tokens);
    match first.checked_sub(1).map(|k| tokens[k].lower()) {
        Some(w) if w == "for" => true,
        Some(w) if w == "at" => tokens[first.saturating_sub(7)..first - 1]
            .iter()
            .any(|t| t.lower_in(&TRADE_VERBS)),
        _ => false,
    }
}

/// Whether amount `f` is the price of a purchase or a sale: "for" right before it and a verb of
/// buying or selling at most four words before that ("buy out for $1.9 billion", "sold its stake
/// in the unit for $50 million").
fn paid_for(tokens: &[Token<'_>], f: &FigureMention) -> bool {
    let first = f.first_token(tokens);
    let Some(k) = first.checked_sub(1).filter(|&k| tokens[k].lower() == "for") else {
        return false;
    };
    tokens[k.saturating_sub(5)..k]
        .iter()
        .any(|t| t.lower_in(&TRADE_VERBS))
}

/// Whether a measure is a currency's price in another ([`exchange_rate`]): the market's, never
/// given a scope.
pub(super) fn is_exchange_rate(measure: &str) -> bool {
    measure
        .split_once(" in ")
        .is_some_and(|(base, _)| CURRENCY_WORDS.contains(base))
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

/// What an amount is that a verb of paying governs and nothing else names: "will cost the
/// party about 549,000 marks" (cost), "each injecting 100 million markkaa" (injection).
fn spent_by_verb(tokens: &[Token<'_>], f: &FigureMention) -> Option<&'static str> {
    let first = f.first_token(tokens);
    (first.saturating_sub(MONEY_VERB_SPAN)..first)
        .rev()
        .take_while(|&k| tokens[k].is_word() || matches!(tokens[k].text, "'s" | "-"))
        .find_map(|k| {
            let word = tokens[k].lower();
            MONEY_VERBS
                .iter()
                .find(|(verb, _)| *verb == word.as_ref())
                .map(|(_, what)| *what)
        })
}

/// How far back a verb of paying may govern its amount: "cost the far-right German People's
/// Union about 549,000 marks".
const MONEY_VERB_SPAN: usize = 8;

/// Verbs of paying and what the amount they govern is.
const MONEY_VERBS: &[(&str, &str)] = &[
    ("cost", "cost"),
    ("costs", "cost"),
    ("costing", "cost"),
    ("fined", "fine"),
    ("spent", "spending"),
    ("spend", "spending"),
    ("spends", "spending"),
    ("inject", "injection"),
    ("injects", "injection"),
    ("injected", "injection"),
    ("injecting", "injection"),
    ("invest", "investment"),
    ("invests", "investment"),
    ("invested", "investment"),
    ("investing", "investment"),
    ("donated", "donation"),
    ("donate", "donation"),
    ("borrowed", "borrowing"),
    ("owes", "debt"),
    ("owed", "debt"),
    // "ordered the maker … to pay $2.25 billion": what is paid.
    ("pay", "payment"),
    ("pays", "payment"),
    // "has set aside about $16 billion": money reserved, not "aside".
    ("aside", "amount set aside"),
    // "forced LIN's hand by bidding $1.9 billion for the stake": what is offered.
    ("bid", "price"),
    ("bids", "price"),
    ("bidding", "price"),
];

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

/// "GM closed down $1.875", "Cineplex closed at $11": a company's stock at the close of trading,
/// the verb within the few words before the amount at token `at`.
fn closed_before(tokens: &[Token<'_>], at: usize) -> bool {
    tokens[at.saturating_sub(5)..at].iter().any(|t| {
        matches!(
            t.text,
            "closed"
                | "closes"
                | "closing"
                | "finished"
                | "ended"
                | "traded"
                | "opened"
                | "trading"
        )
    })
}

/// The token the figure's number starts at (after a currency sign or a qualifier).
fn number_token(tokens: &[Token<'_>], f: &FigureMention) -> usize {
    tokens.partition_point(|t| t.start < f.number.start)
}

/// The quantity without words of time or status, under its one name.
fn normalize(quantity: &str) -> String {
    let kept: Vec<String> = quantity
        .split(' ')
        .filter(|w| !WHEN_WORDS.contains(w.to_lowercase().as_str()))
        // "expects to report net income of …": the verb that reports it is not what it is.
        .skip_while(|w| REPORTING_VERBS.contains(w))
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

    /// Who said "that …" is not what the figure in the clause measures: a percentage of a
    /// whole there is a share of it.
    #[test]
    fn the_speaker_before_that_is_not_the_measure() {
        assert_eq!(
            measures("The bureau estimated that 12 percent of households were without power."),
            ["share of households"]
        );
        assert_eq!(
            measures("Inspectors reported that more than 30% of schools had closed."),
            ["share of schools"]
        );
    }

    /// The verb by which results are given is no part of what they measure: "expects to report
    /// net income of …" measures net income, as "reported net income of …" does.
    #[test]
    fn the_verb_that_reports_a_result_is_not_its_measure() {
        assert_eq!(
            measures("The chain expects to report net income of 31 cents a share."),
            ["net income per share"]
        );
        assert_eq!(
            measures("The insurer will post pretax profit of $12 million."),
            ["pretax profit"]
        );
    }

    /// "for" an amount after a verb of buying or selling: the price paid.
    #[test]
    fn an_amount_paid_in_a_purchase_is_its_price() {
        for text in [
            "LIN would exercise its right to buy out for $1.9 billion the interest of its partner.",
            "Thermo agreed to purchase the chromatography line for $22 million in February.",
        ] {
            assert_eq!(measures(text)[0], "price", "{text}");
        }
        // "for" without a purchase: no price.
        assert_ne!(measures("The firm sued for $5 million.")[0], "price");
        // What a bid governs is a price, whatever names the clause's subject ("offered a reward
        // of $5 million" is a reward: "offered" is not in the list).
        assert_eq!(
            measures("McCaw has forced LIN's hand by bidding $1.9 billion for the stake.")[0],
            "price"
        );
    }

    /// "at" an amount for each share is a price paid only after a verb of buying or selling;
    /// after "closing" it is the price in trading, after a valuation the value.
    #[test]
    fn an_amount_each_share_is_paid_only_when_bought_or_sold() {
        for (text, want) in [
            ("Orlen shares fell, closing at $12 a share.", "share price"),
            (
                "One analyst put the breakup value at $55 a share.",
                "breakup value per share",
            ),
            (
                "Harlow agreed to acquire the shares at $30 a share.",
                "price per share",
            ),
            (
                "Harlow bought the stake for $30 a share.",
                "price per share",
            ),
        ] {
            assert_eq!(measures(text)[0], want, "{text}");
        }
    }

    /// An amount compared with one for each share is for each share when of a like size.
    #[test]
    fn an_amount_compared_with_one_for_each_share_is_for_each_share() {
        let m = measures("Harlow lifted its offer to $40 a share from $35.");
        assert_eq!(m[0], m[1]);
        let m =
            measures("Harlow lifted its offer to $40 a share, or $80 million, from $70 million.");
        assert_eq!(m[1], m[2]);
        assert_ne!(m[0], m[2]);
    }

    #[test]
    fn an_amount_a_verb_of_paying_governs_is_named_by_it() {
        let m = measures("The error will cost the party about 549,000 marks (dlrs 305,000).");
        assert_eq!(m, ["cost", "cost"]);
        let m = measures("Each partner is injecting 100 million markkaa.");
        assert_eq!(m, ["injection"]);
        let m = measures("A jury ordered the maker of a weedkiller to pay $2.25 billion to a man.");
        assert_eq!(m, ["payment"]);
        let m = measures("The company has set aside about $16 billion to resolve the claims.");
        assert_eq!(m, ["amount set aside"]);
        // A clause between the verb and the amount: the verb does not govern it.
        assert_eq!(measures("It cost more, and $5 million came later."), [""]);
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
        // A percentage said of what an amount measures is a share of it.
        let m = measures("Its share of the roughly $5.1 billion market is less than 5%.");
        assert_eq!(m, ["market", "share of market"]);
    }

    #[test]
    fn the_rate_a_debt_pays_is_not_its_amount() {
        let m = measures("It will buy back $154.2 million in senior notes paying 12 3/4%.");
        assert_eq!(m, ["senior notes", "senior notes rate"]);
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
            // Who reports is the name before the relative clause, without its legal form.
            (
                "Later, Ogden Corp., which also has interests in building maintenance, reported net \
                 income of $27.1 million.",
                vec!["net income (Ogden)"],
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
