//! Figures read with their neighbours in the sentence: the base of a partitive or a rate is part
//! of the figure, not a figure ("6 of 10 Americans", "85 per 100,000 residents"); a number whose
//! noun is left out counts what its neighbour counts ("sold 12,400 cars, down from 13,900";
//! "between 6 and 9 months"; "At least 82 were killed"); "down 1.49 euros, or 7.4%" is one
//! change told twice.

use std::ops::Range;

use super::figures::{FigureKind, FigureMention};
use super::measure::predicate_start;
use super::scope::unscoped;
use super::tokens::Token;
use super::words::WordSet;

/// Applies the rules below to the figures of one sentence, in text order.
pub(crate) fn link(text: &str, tokens: &[Token<'_>], figures: &mut Vec<FigureMention>) {
    absorb_bases(text, tokens, figures);
    borrow_units(text, tokens, figures);
    continue_directions(text, tokens, figures);
}

/// "About 2.1 million people face hunger. The number had risen from 1.8 million in January":
/// a count whose subject is "the number" (or "the total", "the figure", "the tally"), with no
/// noun of its own, counts what the last count of the two sentences before counted.
pub(crate) fn refer_back(tokenized: &[Vec<Token<'_>>], figures: &mut [FigureMention]) {
    for i in 0..figures.len() {
        let f = &figures[i];
        if f.unit.is_some() || f.measure.is_some() || f.kind != FigureKind::Level {
            continue;
        }
        let Some(tokens) = tokenized.get(f.sentence) else {
            continue;
        };
        if !names_the_number(tokens, f.number.start) {
            continue;
        }
        let sentence = f.sentence;
        let antecedent = figures[..i]
            .iter()
            .rev()
            .take_while(|b| b.sentence + 2 >= sentence)
            .find(|b| b.sentence < sentence && b.kind == FigureKind::Level && b.unit.is_some());
        if let Some(b) = antecedent {
            let (unit, measure) = (b.unit.clone(), b.measure.clone());
            figures[i].unit = unit;
            figures[i].measure = measure;
        }
    }
}

/// Whether the clause before byte `at` has "the number" (total, figure, tally) as its subject,
/// not "the number of …", which names its own count. ("The toll" is read before, by
/// `counted_subject`: people killed.)
fn names_the_number(tokens: &[Token<'_>], at: usize) -> bool {
    let end = tokens.partition_point(|t| t.start < at);
    let from = end.saturating_sub(10);
    let clause = tokens[from..end]
        .iter()
        .rposition(|t| matches!(t.text, "," | ";" | ":"))
        .map_or(from, |p| from + p + 1);
    (clause + 1..end).any(|k| {
        matches!(tokens[k - 1].lower().as_ref(), "the" | "that" | "this")
            && matches!(
                tokens[k].lower().as_ref(),
                "number" | "total" | "figure" | "tally"
            )
            && tokens.get(k + 1).is_none_or(|n| n.lower() != "of")
    })
}

/// The lowercase words between two byte offsets, punctuation included ("," "or"); empty when
/// there are more than three.
fn between<'t>(tokens: &'t [Token<'_>], from: usize, to: usize) -> Vec<std::borrow::Cow<'t, str>> {
    let a = tokens.partition_point(|t| t.start < from);
    let b = tokens.partition_point(|t| t.start < to);
    // Every rule here reads gaps of at most three words: a longer one is never collected.
    if b.saturating_sub(a) > 3 {
        return Vec::new();
    }
    tokens[a..b.max(a)].iter().map(Token::lower).collect()
}

#[rustfmt::skip]
static DETERMINERS: WordSet = WordSet::new(&[
    "the", "their", "its", "his", "her", "our", "these", "those", "them", "all",
]);

/// "6 of 10 Americans", "85 per 100,000 residents": the second number is the base; the first
/// figure takes the counted noun (or the rate's denominator as its unit) and the base is dropped.
/// A definite whole ("won 19 of their 23 matches", "nine of the European Union's 27 member
/// states") is a figure of its own: the part takes its noun and the whole stays.
fn absorb_bases(text: &str, tokens: &[Token<'_>], figures: &mut Vec<FigureMention>) {
    let mut i = 0;
    while i + 1 < figures.len() {
        let (a, b) = (&figures[i], &figures[i + 1]);
        if a.unit.is_none()
            && a.kind != FigureKind::Money
            && b.unit.is_some()
            && definite_whole(tokens, a.range.end, b.range.start)
        {
            let (unit, scope) = (b.unit.clone(), b.scope.clone());
            let a = &mut figures[i];
            a.unit = unit;
            a.scope = a.scope.take().or(scope);
            i += 1;
            continue;
        }
        let gap = between(tokens, a.range.end, b.range.start);
        let words: Vec<&str> = gap.iter().map(AsRef::as_ref).collect();
        let partitive = matches!(words.as_slice(), ["of"] | ["out", "of"]);
        let rate = matches!(
            words.as_slice(),
            ["per"] | ["for", "every"] | ["in", "every"] | ["a"]
        );
        if a.unit.is_none()
            && a.kind != FigureKind::Money
            && (partitive || rate)
            && b.unit.is_some()
        {
            let b = figures.remove(i + 1);
            let a = &mut figures[i];
            a.unit = if rate {
                Some(format!("per {}", &text[b.range.clone()]))
            } else {
                b.unit
            };
            if a.scope.is_none() {
                a.scope = b.scope;
            }
            a.range.end = b.range.end;
            continue;
        }
        i += 1;
    }
}

/// Whether the words between two figures make the second a definite whole of the first: "of
/// their", "of the European Union's", "of its more than".
fn definite_whole(tokens: &[Token<'_>], from: usize, to: usize) -> bool {
    let a = tokens.partition_point(|t| t.start < from);
    let b = tokens.partition_point(|t| t.start < to);
    let gap = &tokens[a..b.max(a)];
    gap.len() >= 2
        && gap.len() <= 6
        && gap[0].lower() == "of"
        && gap[1..]
            .iter()
            .any(|t| t.lower_in(&DETERMINERS) || t.is_possessive())
        && gap[1..].iter().all(|t| {
            t.lower_in(&DETERMINERS)
                || t.lower_in(&WHOLE_QUALIFIERS)
                || t.is_capitalized()
                || t.is_possessive()
        })
}

/// Qualifiers of a whole: "of its more than 21,000 employees".
#[rustfmt::skip]
static WHOLE_QUALIFIERS: WordSet = WordSet::new(&[
    "more", "than", "about", "some", "nearly", "almost", "roughly", "around", "over",
]);

/// Words that join the two ends of a range: "6 to 9", "between 6 and 9", "15-25", "2 or 3".
#[rustfmt::skip]
static RANGE_JOINERS: WordSet = WordSet::new(&["to", "and", "-", "–", "or"]);

/// Participles after a number without a noun that say it counts people: "At least 82 were
/// killed", "1,643 wounded".
#[rustfmt::skip]
pub(super) static PEOPLE_PREDICATES: WordSet = WordSet::new(&[
    "killed",
    "dead",
    "died",
    "injured",
    "wounded",
    "hurt",
    "missing",
    "arrested",
    "detained",
    "displaced",
    "evacuated",
    "rescued",
    "drowned",
    "hospitalized",
    "hospitalised",
    "infected",
    "stranded",
    "trapped",
    "affected",
    "homeless",
    "deported",
    "jailed",
    "charged",
    "fled",
    "shot",
    "stabbed",
    "strangled",
    "beaten",
    "asphyxiated",
    "murdered",
    "slain",
    "executed",
    "kidnapped",
    "abducted",
    "hanged",
    "poisoned",
    "sickened",
    "burned",
    "assaulted",
]);

/// A figure without a unit borrows one: from the other end of its range; from the noun before
/// "of" ("attendance of 9,850"); from a predicate that counts people; else from the nearest
/// figure before it in the sentence ("12,400 cars, down from 13,900").
fn borrow_units(text: &str, tokens: &[Token<'_>], figures: &mut [FigureMention]) {
    for i in 0..figures.len() {
        if figures[i].unit.is_some() {
            continue;
        }
        let f = &figures[i];
        // The other end of a range comes after this one.
        if let Some(next) = figures.get(i + 1)
            && next.unit.is_some()
        {
            let gap = between(tokens, f.range.end, next.range.start);
            if gap.len() == 1 && RANGE_JOINERS.contains(gap[0].as_ref()) {
                let (unit, kind, scope) = (next.unit.clone(), next.kind, next.scope.clone());
                let f = &mut figures[i];
                f.unit = unit;
                f.scope = f.scope.take().or(scope);
                if matches!(kind, FigureKind::Money | FigureKind::Percent) {
                    f.kind = kind;
                }
                continue;
            }
        }
        if let Some(noun) = noun_before_of(tokens, &f.range) {
            figures[i].unit = Some(noun);
            continue;
        }
        if let Some(noun) = counted_subject(tokens, &f.range) {
            figures[i].unit = Some(noun);
            continue;
        }
        if people_predicate_after(tokens, f.range.end) || people_verb_before(tokens, &f.range) {
            figures[i].unit = Some("people".into());
            continue;
        }
        // "settled most of roughly 165,000 of them": a count of things named before, never an
        // amount in the currency of the figure before ("427 fugitives …, 133 of them" still
        // counts fugitives).
        let after = f.token_after(tokens);
        let partitive = tokens.get(after..after + 2).is_some_and(|w| {
            w[0].lower() == "of"
                && matches!(w[1].lower().as_ref(), "them" | "these" | "those" | "which")
        });
        // "down 31% from 3.05 billion": the base of a comparison, or an amount in millions, is
        // a level like the one before the change, not a percentage.
        let scaled = ["million", "billion", "trillion", "bn", "mln"]
            .iter()
            .any(|w| text[f.range.clone()].contains(w));
        let at = f.first_token(tokens);
        let base = at > 0 && matches!(tokens[at - 1].lower().as_ref(), "from" | "with" | "than");
        // "sales rose 5% to 1,200", "tumbled 5.39, or 1.2% to 452.76", "lost about 1%, or 3.95,
        // to 448.80": the level a change reached is not a percentage unless written so ("was 5%
        // in May and rose to 5.2" still is).
        let reached = i > 0 && at > 1 && tokens[at - 1].lower() == "to" && {
            let from = figures[i - 1].token_after(tokens);
            when_between(&tokens[from.min(at - 1)..at - 1])
        };
        // "lost about 1%, or 3.95": a restatement is in another unit than what it restates.
        let restates =
            i > 0 && crate::extract::figures::restated_after(tokens, &figures[i - 1], &figures[i]);
        let before = figures[..i - usize::from(restates)].iter().rev().find(|g| {
            g.unit.is_some()
                && !g.unit.as_deref().is_some_and(|u| u.starts_with("per "))
                && !((scaled || reached || base && g.direction.is_some())
                    && g.unit.as_deref() == Some("percent"))
        });
        if let Some(g) = before
            && !(partitive && matches!(g.kind, FigureKind::Money | FigureKind::Percent))
        {
            let (unit, kind) = (g.unit.clone(), g.kind);
            let f = &mut figures[i];
            f.unit = unit;
            if matches!(kind, FigureKind::Money | FigureKind::Percent)
                && f.kind == FigureKind::Level
            {
                f.kind = kind;
            }
        }
    }
    let _ = text;
}

/// Whether `gap`, between a change and the "to" of the level it reached, holds at most commas and
/// when it happened: "fell 1.4%, or 6.43, on Friday, to 437.68", "rose 3% yesterday to 1,200".
fn when_between(gap: &[Token<'_>]) -> bool {
    let words: Vec<&Token<'_>> = gap.iter().filter(|t| t.text != ",").collect();
    words.len() <= 4
        && words.first().is_none_or(|t| {
            matches!(
                t.lower().as_ref(),
                "on" | "in" | "at" | "yesterday" | "today" | "late" | "early"
            )
        })
        && words.iter().all(|t| t.is_word() && !t.lower_in(&NOT_WHEN))
}

/// Words that make a gap more than the time of a change: another clause.
#[rustfmt::skip]
static NOT_WHEN: WordSet = WordSet::new(&[
    "and", "but", "or", "was", "were", "is", "are", "had", "has", "which", "while", "after",
]);

/// "The number of visitors to Tanzania jumped from fewer than 100,000 …", "the number of
/// season-ticket holders had risen to 38,500", "The death toll … has risen to 12": the subject of
/// the clause says what a bare number counts (a toll counts people killed). Looks back at most
/// `SUBJECT_REACH` tokens, not past a semicolon ("The number of people displaced rose 3% to
/// 50,000" reaches over the change).
fn counted_subject(tokens: &[Token<'_>], figure: &Range<usize>) -> Option<String> {
    let at = tokens.partition_point(|t| t.start < figure.start);
    let from = at.saturating_sub(SUBJECT_REACH);
    for k in (from..at).rev() {
        let t = &tokens[k];
        if matches!(t.text, ";" | ":") {
            return None;
        }
        let w = t.lower();
        if w == "toll" {
            return Some("people killed".into());
        }
        // "the number injured topped 2,200": the number of people in that state.
        if matches!(w.as_ref(), "number" | "numbers")
            && tokens
                .get(k + 1)
                .is_some_and(|t| t.lower_in(&PEOPLE_PREDICATES))
        {
            return Some(format!("people {}", tokens[k + 1].lower()));
        }
        if matches!(w.as_ref(), "number" | "numbers") && tokens.get(k + 1)?.lower() == "of" {
            let mut words: Vec<String> = tokens[k + 2..at]
                .iter()
                .take_while(|t| {
                    t.text.chars().all(|c| c.is_alphabetic() || c == '-')
                        && !t.is_capitalized()
                        && !t.lower_in(&SUBJECT_ENDS)
                })
                .take(3)
                .map(|t| t.lower().into_owned())
                .collect();
            // "the number of people in need of food aid": the people needing aid.
            if let Some(need) = super::measure::in_need(tokens, k + 2 + words.len()) {
                words.push(need);
            }
            return (!words.is_empty()).then(|| words.join(" "));
        }
    }
    None
}

/// Words that end the noun after "the number of": prepositions, relatives, auxiliaries and the
/// clause's verb ("the number of refugees rose …").
#[rustfmt::skip]
static SUBJECT_ENDS: WordSet = WordSet::new(&[
    "to", "in", "at", "of", "for", "from", "on", "who", "that", "which", "has", "have", "had",
    "is", "was", "were", "are", "rose", "fell", "jumped", "climbed", "dropped", "grew",
    "increased", "decreased", "declined", "reached", "hit", "stood", "soared", "surged",
    "doubled", "tripled", "topped", "exceeded",
]);

/// How far back [`counted_subject`] looks for "the number of …" or "toll".
const SUBJECT_REACH: usize = 16;

/// "average attendance of 9,850", "a combined population of about 74 million": the noun before
/// "of" (and a qualifier) names what the number counts.
fn noun_before_of(tokens: &[Token<'_>], figure: &Range<usize>) -> Option<String> {
    let at = tokens.partition_point(|t| t.start < figure.start);
    let of = (at >= 2 && tokens[at - 1].lower() == "of").then(|| at - 1)?;
    let noun = &tokens[of - 1];
    let w = noun.lower();
    let alpha = w.chars().all(|c| c.is_alphabetic() || c == '-') && w.len() > 2;
    (alpha && !noun.is_capitalized() && !NOT_COUNTED.contains(w.as_ref())).then(|| w.into_owned())
}

/// Words before "of" that do not name what is counted: "one of 10", "a total of", "out of".
#[rustfmt::skip]
static NOT_COUNTED: WordSet = WordSet::new(&[
    "out", "total", "sum", "one", "two", "three", "each", "most", "some", "all", "none", "any",
    "both", "half", "part", "many", "few", "number", "amount", "age", "ages", "because", "instead",
    "top", "rate", "price", "value", "worth", "cost", "figure", "level",
]);

/// "killed 259 people, including 12 Americans, and injured more than 5,500": a bare number right
/// after a verb that harms or holds people counts people.
fn people_verb_before(tokens: &[Token<'_>], figure: &Range<usize>) -> bool {
    let at = tokens.partition_point(|t| t.start < figure.start);
    at > 0 && tokens[at - 1].lower_in(&PEOPLE_VERBS)
}

/// Verbs before a bare count of people.
#[rustfmt::skip]
static PEOPLE_VERBS: WordSet = WordSet::new(&[
    "killed", "injured", "wounded", "killing", "injuring", "wounding", "arrested", "detained",
    "evacuated", "displaced", "rescued", "kidnapped", "abducted", "kill", "kills", "injure",
    "injures", "displace", "displaces", "uproot", "uproots", "uprooted", "uprooting", "strand",
    "strands", "stranded", "evacuate", "evacuates", "leave", "leaves", "left",
]);

/// "74 were killed", "at least seven were reported dead", "At least 74, including eight
/// Americans, were killed": a bare number whose predicate harms or holds people counts people.
fn people_predicate_after(tokens: &[Token<'_>], end: usize) -> bool {
    let k = predicate_start(tokens, tokens.partition_point(|t| t.start < end));
    tokens
        .get(k)
        .is_some_and(|t| t.lower_in(&PEOPLE_PREDICATES))
}

/// The two ends of a range ("$3 million to $4 million", "between 50% and 60%") and an amount with
/// its conversion into another currency ("942 million Canadian dollars (US$801.2 million)") are
/// one quantity: once measures are named, the second takes the first's measure and scope, or the
/// first the second's when it has none.
pub(crate) fn share_measures(tokens: &[Token<'_>], figures: &mut [FigureMention]) {
    for i in 1..figures.len() {
        let gap = between(tokens, figures[i - 1].range.end, figures[i].range.start);
        let words: Vec<&str> = gap.iter().map(AsRef::as_ref).collect();
        let (a, b) = (&figures[i - 1], &figures[i]);
        let opened = |k: usize| k > 0 && tokens[k - 1].lower() == "between";
        let range = range_ends(a, b, &words)
            || (words.as_slice() == ["and"]
                && range_ends(a, b, &["to"])
                && opened(a.first_token(tokens)));
        let conversion = words.as_slice() == ["("]
            && a.kind == FigureKind::Money
            && b.kind == FigureKind::Money
            && a.unit != b.unit
            && tokens
                .get(b.token_after(tokens))
                .is_some_and(|t| t.text == ")");
        if !(range || conversion) {
            continue;
        }
        // The end that names more of the quantity gives it: "between 30,000 and 40,000 people
        // have fled" counts people who fled, though the lower end borrowed only the noun.
        let (from, to) = match (a.measure.as_deref(), b.measure.as_deref()) {
            (Some(ma), Some(mb)) if names_more(mb, b.scope.as_deref(), ma, a.scope.as_deref()) => {
                (i, i - 1)
            }
            (Some(_), _) => (i - 1, i),
            (None, Some(_)) => (i, i - 1),
            (None, None) => continue,
        };
        let (measure, scope) = (figures[from].measure.clone(), figures[from].scope.clone());
        figures[to].measure = measure;
        figures[to].scope = scope;
    }
}

/// Whether measure `m` (of scope `scope`) names what `other` names and more: "people fled" of
/// "people", each without its scope.
fn names_more(m: &str, scope: Option<&str>, other: &str, other_scope: Option<&str>) -> bool {
    let base = |m, scope: Option<&str>| scope.and_then(|s| unscoped(m, s)).unwrap_or(m);
    let (m, other) = (base(m, scope), base(other, other_scope));
    m.len() > other.len() && m.starts_with(other) && m.as_bytes()[other.len()] == b' '
}

/// Whether `a` and `b`, with `words` between them, are the two ends of a range: "275 to 350 jobs",
/// "15cm-25cm". A range runs low to high in one unit within [`MAX_RANGE_SPREAD`]: "fell $1.125
/// to $13.625" is a change and the level it reached.
fn range_ends(a: &FigureMention, b: &FigureMention, words: &[&str]) -> bool {
    matches!(words, ["to"] | ["-"] | ["–"])
        && a.unit.is_some()
        && a.unit == b.unit
        && a.value < b.value
        && b.value <= a.value * MAX_RANGE_SPREAD
}

/// How many times its lower end the upper end of a range may be ("trim 275 to 350 jobs", "fell
/// 50% to 75%").
const MAX_RANGE_SPREAD: f64 = 3.0;

/// "down 1.49 euros, or 7.4%": a figure after ", or" restates the change before it and goes the
/// same way; so does the upper end of a range of changes: "fell 50% to 75%", "trim about 275 to
/// 350 jobs" (an end in another unit is the level reached: "rose 5% to $10 billion").
fn continue_directions(_text: &str, tokens: &[Token<'_>], figures: &mut [FigureMention]) {
    for i in 1..figures.len() {
        let gap = between(tokens, figures[i - 1].range.end, figures[i].range.start);
        let words: Vec<&str> = gap.iter().map(AsRef::as_ref).collect();
        let range_end = range_ends(&figures[i - 1], &figures[i], &words);
        // "$1.6 billion flowed out of the funds, or nearly 5% of their assets": the amount
        // restated as a percentage.
        let restated =
            figures[i - 1].kind == FigureKind::Money && figures[i].kind == FigureKind::Percent && {
                let a = tokens.partition_point(|t| t.start < figures[i - 1].range.end);
                let b = tokens.partition_point(|t| t.start < figures[i].range.start);
                let gap = &tokens[a..b.max(a)];
                gap.len() <= 8
                    && gap.len() >= 2
                    && gap[gap.len() - 2].text == ","
                    && gap[gap.len() - 1].lower() == "or"
                    && !gap.iter().any(|t| matches!(t.text, ";" | ":"))
            };
        // "a 15-20 percent rise": the lower end of a range goes the way its upper end does.
        if range_end
            && figures[i - 1].direction.is_none()
            && let Some(d) = figures[i].direction
        {
            figures[i - 1].direction = Some(d);
            if figures[i - 1].kind == FigureKind::Level {
                figures[i - 1].kind = FigureKind::Change;
            }
            continue;
        }
        if (range_end
            || restated
            || matches!(words.as_slice(), [",", "or"] | ["or"])
            || parallel(tokens, figures, i))
            && figures[i].direction.is_none()
            && let Some(d) = figures[i - 1].direction
        {
            figures[i].direction = Some(d);
            if figures[i].kind == FigureKind::Level {
                figures[i].kind = FigureKind::Change;
            }
        }
    }
}

/// Words that set a figure beside the one before it as a like quantity: "fell 4.3%, compared
/// with 3.3% for the S&P 500".
#[rustfmt::skip]
static COMPARING: WordSet = WordSet::new(&["compared", "against", "versus", "vs", "vs."]);

/// Words a figure of a list of like changes is followed by: what it is said of ("3.3% for the
/// S&P 500"), the base it is reckoned from ("6.8% from Oct. 13"), or the end of the list.
#[rustfmt::skip]
static LIST_FOLLOWERS: WordSet = WordSet::new(&[
    "for", "from", "in", "at", "on", "over", "since", ",", ".", ";", "and",
]);

/// Whether percentage `i`, with no word of change of its own, is a change like the percentage
/// before it: set beside it by a word of comparison ("the Nasdaq Composite had fallen 4.3%,
/// compared with 3.3% for the S&P 500"), or the next item of such a list ("…, 3.5% for the Big
/// Board Composite and 3.6% for the industrial average"; "down 4.5% from the previous Friday and
/// 6.8% from Oct. 13"). A percentage of something ("3% of stores") is a share, never a change.
fn parallel(tokens: &[Token<'_>], figures: &[FigureMention], i: usize) -> bool {
    let (before, own) = (&figures[i - 1], &figures[i]);
    if before.kind != FigureKind::Percent
        || own.kind != FigureKind::Percent
        || before.unit != own.unit
        || before.direction.is_none()
    {
        return false;
    }
    let after = own.token_after(tokens);
    if !tokens
        .get(after)
        .is_none_or(|t| t.lower_in(&LIST_FOLLOWERS))
    {
        return false;
    }
    let a = before.token_after(tokens);
    let b = own.first_token(tokens);
    let gap = &tokens[a..b.max(a)];
    if gap.is_empty() || gap.len() > 10 || gap.iter().any(|t| matches!(t.text, ";" | ":")) {
        return false;
    }
    // "…, compared with 3.3%": a word of comparison, then at most "with" or "to".
    let compared = gap
        .iter()
        .position(|t| t.lower_in(&COMPARING))
        .is_some_and(|k| {
            gap[k + 1..]
                .iter()
                .all(|t| matches!(t.lower().as_ref(), "with" | "to" | "."))
        });
    // "… 3.3% for the S&P 500, 3.5% …", "… 4.5% from the previous Friday and 6.8% …": what the
    // figure before is said of, then a comma or "and", and no verb between (a word of the
    // list's own kind: a preposition first, a separator last).
    let listed = matches!(gap[0].lower().as_ref(), "for" | "from" | "in" | "at" | "on")
        && matches!(gap[gap.len() - 1].lower().as_ref(), "," | "and")
        && !gap.iter().any(|t| {
            matches!(
                t.lower().as_ref(),
                "was" | "were" | "is" | "are" | "had" | "has" | "have" | "rose" | "fell" | "but"
            )
        });
    compared || listed
}

#[cfg(test)]
mod tests {
    use crate::extract::direction::Direction;
    use crate::extract::figures::find_figures;
    use crate::extract::sentences::split_sentences;
    use crate::extract::tokens::{Lowered, tokenize_all};

    /// (value, unit, direction) of each figure.
    fn figs(text: &str) -> Vec<(f64, Option<String>, Option<Direction>)> {
        let s = split_sentences(text);
        find_figures(text, &s, &tokenize_all(text, &Lowered::new(text), &s), &[])
            .into_iter()
            .map(|f| (f.value, f.unit, f.direction))
            .collect()
    }

    fn units(text: &str) -> Vec<(f64, String)> {
        figs(text)
            .into_iter()
            .map(|(v, u, _)| (v, u.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn bases_of_proportions_and_rates_are_not_figures() {
        assert_eq!(
            units("A poll shows 6 of 10 Americans agree."),
            [(6.0, "Americans".into())]
        );
        // A definite whole is a figure of its own.
        assert_eq!(
            units("They won 19 of their 23 matches."),
            [(19.0, "matches".into()), (23.0, "matches".into())]
        );
        assert_eq!(
            units("Only nine of the European Union's 27 member states have a plan."),
            [
                (9.0, "member states".into()),
                (27.0, "member states".into())
            ]
        );
        assert_eq!(
            units("There were 85 per 100,000 residents."),
            [(85.0, "per 100,000 residents".into())]
        );
    }

    #[test]
    fn elided_units_come_from_the_neighbours() {
        assert_eq!(
            units("It sold 12,400 cars, down from 13,900 a year earlier."),
            [(12400.0, "cars".into()), (13900.0, "cars".into())]
        );
        assert_eq!(
            units("Growth of 2 to 4% is expected."),
            [(2.0, "percent".into()), (4.0, "percent".into())]
        );
        assert_eq!(
            units("At least 82 were killed and more than 1,700 injured."),
            [(82.0, "people".into()), (1700.0, "people".into())]
        );
        assert_eq!(
            units("Average attendance of 9,850 was a record."),
            [(9850.0, "attendance".into())]
        );
        assert_eq!(
            units("The number of visitors to Tanzania jumped from 90,000 to 300,000."),
            [(90000.0, "visitors".into()), (300000.0, "visitors".into())]
        );
        assert_eq!(
            units("It killed 259 people, including 12 Americans, and injured more than 5,500.")[2],
            (5500.0, "people".into())
        );
        // "the number" with no noun of its own: the count of the sentence before.
        assert_eq!(
            units("About 2.1 million people face hunger. The number had risen from 1.8 million."),
            [
                (2_100_000.0, "people".into()),
                (1_800_000.0, "people".into())
            ]
        );
        assert_eq!(
            units("The number of people in need of food aid reached 1.8 million."),
            [(1_800_000.0, "people needing food aid".into())]
        );
        // A count of things named before takes no currency from the amount before it.
        assert_eq!(
            units("It set aside $16 billion and has settled most of roughly 165,000 of them."),
            [(16_000_000_000.0, "USD".into()), (165_000.0, String::new())]
        );
        assert_eq!(
            units("The death toll, initially 10, has risen to 12."),
            [
                (10.0, "people killed".into()),
                (12.0, "people killed".into())
            ]
        );
        // A base in billions is the level before the change, not a percentage.
        assert_eq!(
            units("Net income was 2.1 billion crowns, down 31% from 3.05 billion.")[2],
            (3.05e9, "crowns".into())
        );
    }

    #[test]
    fn a_restated_change_keeps_its_direction() {
        let f = figs("Shares closed down 1.49 euros, or 7.4%, at 18.6 euros.");
        assert_eq!(f[0].2, Some(Direction::Down));
        assert_eq!(f[1].2, Some(Direction::Down));
        assert_eq!(f[2].2, None);
        // The upper end of a range of changes; a level reached in another unit is not one.
        let f = figs("Earnings fell 50% to 75% below last year's.");
        assert_eq!(
            (f[0].2, f[1].2),
            (Some(Direction::Down), Some(Direction::Down))
        );
        let f = figs("Exports rose 5% to $10 billion.");
        assert_eq!((f[0].2, f[1].2), (Some(Direction::Up), None));
        let f = figs("The company's stock fell $1.125 to $13.625 yesterday.");
        assert_eq!((f[0].2, f[1].2), (Some(Direction::Down), None));
        // Like changes set beside it, and the items of their list.
        let f = figs(
            "The Nasdaq Composite had fallen 4.3%, compared with 3.3% for the S&P 500, 3.5% for \
             the Big Board Composite and 3.6% for the industrial average.",
        );
        assert!(f.iter().all(|f| f.2 == Some(Direction::Down)), "{f:?}");
        let f = figs("The index closed down 4.5% from the previous Friday and 6.8% from Oct. 13.");
        assert_eq!(f[1].2, Some(Direction::Down));
        // A share of something, a figure in another unit, or a level before are no like changes.
        let f = figs("Sales fell 5% in Europe and 3% of stores closed.");
        assert_eq!(f[1].2, None);
        let f =
            figs("Sales rose 3.5% to $8.47 billion, compared with $8.1 billion a year earlier.");
        assert_eq!(f[2].2, None);
        let f = figs("Growth slowed to 2.1%, compared with 2.5% in June.");
        assert_eq!(f[1].2, None);
        // The level a change reached, after when it happened, is no percentage.
        let u = units("The index fell 1.4%, or 6.43, on Friday, to 437.68.");
        assert_eq!(u[2], (437.68, "points".into()));
        let u = units("Its shares rose 3% yesterday to 12.50.");
        assert_eq!(u[1], (12.5, String::new()));
        let f = figs("It will reduce results for 1989 by $3 million to $4 million.");
        assert_eq!(
            (f[0].2, f[1].2),
            (Some(Direction::Down), Some(Direction::Down))
        );
    }
}
