//! The figures named before in a sentence in, what a later figure takes from them out: "down from
//! 3.05 billion" has the quantity of the figure it is compared with, "revenue rose 3.5% to $8.47
//! billion" the level of what changed, "including 12 Americans" the predicate of the count it is
//! a part of.

use std::ops::Range;

use super::lexicon::{
    BEFORE_COUNT, BRIDGE_WORDS, CLAUSE_OPENERS, QUALIFYING, TIME_NOUNS, WHEN_WORDS,
};
use crate::extract::figures::{FigureKind, FigureMention};
use crate::extract::tokens::Token;

/// Whether the number at `at` is the other side of a comparison: "up from 96,000", "compared
/// with 13,900", "than 5,000", "against 4,100".
pub(super) fn compared(tokens: &[Token<'_>], at: usize) -> bool {
    let mut k = at;
    while k > 0
        && (BEFORE_COUNT.contains(tokens[k - 1].lower().as_ref())
            || matches!(tokens[k - 1].text, "$" | "€" | "£" | "¥"))
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
pub(super) fn bridged<'n>(
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
    let mut gap = without_time_phrase(tokens.get(from..to)?);
    // "$18 a share, or about $576 million": the total after the amount for each share.
    if let [a, share, rest @ ..] = gap
        && matches!(a.lower().as_ref(), "a" | "per")
        && share.lower() == "share"
    {
        gap = rest;
    }
    let bridge = gap.len() <= 4
        && gap
            .iter()
            .all(|t| matches!(t.text, "," | "$" | "€" | "£" | "¥") || t.lower_in(&BRIDGE_WORDS));
    bridge.then_some(last)
}

/// `gap` without the phrase of time it opens with: "surged 54% in the latest period to $42.9
/// million" bridges like "surged 54% to $42.9 million".
fn without_time_phrase<'g, 't>(gap: &'g [Token<'t>]) -> &'g [Token<'t>] {
    let opens = gap
        .first()
        .is_some_and(|t| matches!(t.lower().as_ref(), "in" | "for" | "during" | "over"));
    if !opens {
        return gap;
    }
    let words = gap[1..]
        .iter()
        .take_while(|t| {
            matches!(t.lower().as_ref(), "the" | "this" | "last" | "its" | "same")
                || t.lower_in(&WHEN_WORDS)
                || t.lower_in(&TIME_NOUNS)
        })
        .count();
    let ends_on_time_noun = words > 0 && gap[words].lower_in(&TIME_NOUNS);
    if ends_on_time_noun {
        &gap[words + 1..]
    } else {
        gap
    }
}

/// A figure's quantity, kept for the figures after it in the sentence.
pub(super) struct Named {
    pub(super) quantity: String,
    pub(super) scope: Option<String>,
    pub(super) kind: FigureKind,
    pub(super) per_share: bool,
    /// The figure's value, to tell an amount for each share from a total.
    pub(super) value: f64,
    pub(super) range: Range<usize>,
}

/// The nearest figure before in the sentence of the same family (money, percent, other; per
/// share or not): its quantity.
pub(super) fn inherited<'n>(
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
pub(super) fn near(tokens: &[Token<'_>], before: &Range<usize>, own: &Range<usize>) -> bool {
    let from = tokens.partition_point(|t| t.start < before.end);
    let to = tokens.partition_point(|t| t.start < own.start);
    let gap = tokens.get(from..to).unwrap_or_default();
    gap.len() <= 12
        && !gap.iter().any(|t| {
            matches!(t.text, ";" | ":")
                || (t.is_word() && !t.is_capitalized() && t.lower_in(&CLAUSE_OPENERS))
        })
}

/// A named figure's quantity without " per share": what a figure after it inherits.
pub(super) fn base_quantity(n: &Named) -> String {
    let q = n.quantity.as_str();
    q.strip_suffix(" per share").unwrap_or(q).to_string()
}

/// Whether the number at `at` opens a part of the count before it: "…, including 12 Americans",
/// "among them 40 children".
pub(super) fn included(tokens: &[Token<'_>], at: usize) -> bool {
    let mut k = at;
    while k > 0 && QUALIFYING.contains(tokens[k - 1].text) {
        k -= 1;
    }
    k > 0 && matches!(tokens[k - 1].text, "including" | "among")
}

#[cfg(test)]
mod tests {
    use crate::extract::measure::tests::measures;

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
}
