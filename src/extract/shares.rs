//! Shares and multiples written in words, which have no digits for the number scanner to find:
//! "roughly three-quarters of the evacuees" (about 75%, the share of evacuees), "about half of
//! the budget", "less than one-tenth of a percent" (0.1%), "could more than triple" (3 times),
//! "sales doubled" (2 times). Rules as data: the tables below.

use std::ops::Range;

use super::direction::direction_at;
use super::figures::{FigureKind, FigureMention, overlaps, qualifier_before};
use super::tokens::Token;
use super::words::WordSet;

/// Fractions written as one word: "three-quarters", "half", "one-tenth".
const FRACTIONS: &[(&str, f64)] = &[
    ("half", 0.5),
    ("one-half", 0.5),
    ("third", 1.0 / 3.0),
    ("one-third", 1.0 / 3.0),
    ("two-thirds", 2.0 / 3.0),
    ("quarter", 0.25),
    ("one-quarter", 0.25),
    ("three-quarters", 0.75),
    ("three-fourths", 0.75),
    ("fifth", 0.2),
    ("one-fifth", 0.2),
    ("two-fifths", 0.4),
    ("three-fifths", 0.6),
    ("tenth", 0.1),
    ("one-tenth", 0.1),
];

/// Fractions written as two words: "a third", "two thirds", "three quarters".
const NUMERATORS: &[(&str, f64)] = &[("a", 1.0), ("one", 1.0), ("two", 2.0), ("three", 3.0)];
const DENOMINATORS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
];

/// Verbs of a multiple: "doubled", "could more than triple".
const MULTIPLES: &[(&str, f64)] = &[
    ("doubled", 2.0),
    ("tripled", 3.0),
    ("trebled", 3.0),
    ("quadrupled", 4.0),
    ("double", 2.0),
    ("triple", 3.0),
    ("treble", 3.0),
    ("quadruple", 4.0),
    ("doubling", 2.0),
    ("tripling", 3.0),
    ("quadrupling", 4.0),
    ("twice", 2.0),
    ("thrice", 3.0),
];

/// Words before the base form of a multiple that make it a verb ("could double", "expected to
/// triple", "more than double"), not an adjective ("a double blow").
#[rustfmt::skip]
static VERB_BEFORE: WordSet = WordSet::new(&[
    "to", "will", "would", "could", "may", "might", "should", "can", "than", "nearly", "almost",
    "roughly", "about", "more",
]);

/// Words after "twice" that make it a multiple of what follows: "twice the donation", "twice as
/// much", "twice last year's".
#[rustfmt::skip]
static COMPARED: WordSet = WordSet::new(&[
    "the", "as", "its", "their", "his", "her", "that", "what", "last", "this", "those", "these",
]);

/// Every word a share or a multiple can start with: the first words of the tables above.
#[rustfmt::skip]
static FIRST_WORDS: WordSet = WordSet::new(&[
    "half", "one-half", "third", "one-third", "two-thirds", "quarter", "one-quarter",
    "three-quarters", "three-fourths", "fifth", "one-fifth", "two-fifths", "three-fifths", "tenth",
    "one-tenth", "a", "one", "two", "three", "doubled", "tripled", "trebled", "quadrupled",
    "double", "triple", "treble", "quadruple", "doubling", "tripling", "quadrupling", "twice",
    "thrice", "halved", "halving",
]);

/// Words between "of" and what a share is of: "of the evacuees", "of its budget".
#[rustfmt::skip]
static DETERMINERS: WordSet = WordSet::new(&[
    "the", "its", "their", "his", "her", "our", "all", "those", "these", "this", "that",
]);

/// Verbs after what a share is of: "half of the budget went to …".
#[rustfmt::skip]
static VERBS: WordSet = WordSet::new(&[
    "went", "came", "fled", "left", "live", "lives", "say", "said", "are", "were", "face", "faces",
    "skip", "skipped", "come", "go", "goes", "rose", "fell", "think", "want", "own",
]);

/// Words that end what a share is of.
#[rustfmt::skip]
static ENDS: WordSet = WordSet::new(&[
    "of", "to", "in", "from", "and", "or", "that", "which", "who", "was", "were", "is", "are",
    "had", "have", "has", "will", "would", "for", "on", "at", "by", "with", "as", "them", "us",
    "it", "you", "whom",
]);

/// The shares and multiples of one sentence that overlap neither `taken` (figures already found)
/// nor `excluded` (temporal expressions: "the first half of 2024").
pub(crate) fn find(
    tokens: &[Token<'_>],
    taken: &[FigureMention],
    excluded: &[Range<usize>],
) -> Vec<FigureMention> {
    let free = |r: &Range<usize>| {
        !taken
            .iter()
            .any(|f| f.range.start < r.end && r.start < f.range.end)
            && !overlaps(r, excluded)
    };
    let mut out = Vec::new();
    for k in 0..tokens.len() {
        // Most words start nothing here: a look at the first letter, then one lookup.
        let first = tokens[k].text.as_bytes()[0].to_ascii_lowercase();
        if !matches!(first, b'a' | b'd' | b'f' | b'h' | b'o' | b'q' | b't')
            || !tokens[k].lower_in(&FIRST_WORDS)
        {
            continue;
        }
        let found = share_at(tokens, k)
            .or_else(|| multiple_at(tokens, k))
            .or_else(|| halved(tokens, k));
        if let Some(f) = found.filter(|f| free(&f.range)) {
            out.push(f);
        }
    }
    out
}

/// "three-quarters of the evacuees", "a third of imports", "one-tenth of a percent" at token `k`.
fn share_at(tokens: &[Token<'_>], k: usize) -> Option<FigureMention> {
    let w = |i: usize| tokens.get(i).map(Token::lower).unwrap_or_default();
    let (value, first, of) = if let Some((_, v)) = FRACTIONS.iter().find(|(f, _)| *f == w(k)) {
        // "a half", "one half" are read at their first word.
        if k > 0 && NUMERATORS.iter().any(|(n, _)| *n == w(k - 1)) && w(k) == "half" {
            return None;
        }
        (*v, k, k + 1)
    } else {
        let (_, n) = NUMERATORS.iter().find(|(n, _)| *n == w(k))?;
        let (_, d) = DENOMINATORS.iter().find(|(d, _)| *d == w(k + 1))?;
        (n / d, k, k + 2)
    };
    // "the first half", "a second quarter": an ordinal makes it a period, not a share.
    if first > 0
        && matches!(
            w(first - 1).as_ref(),
            "first" | "second" | "third" | "fourth" | "last" | "final"
        )
    {
        return None;
    }
    let (qualifier, start) = match qualifier_before(tokens, first) {
        Some((q, s)) => (Some(q), s),
        None => (None, first),
    };
    // "had risen by a third": the size of a change, in percent.
    if start > 0 && w(start - 1) == "by" && w(of) != "of" {
        return Some(FigureMention {
            range: tokens[start].start..tokens[of - 1].end,
            number: tokens[first].start..tokens[of - 1].end,
            value: value * 100.0,
            unit: Some("percent".into()),
            qualifier,
            kind: FigureKind::Change,
            direction: direction_at(tokens, start, of),
            status: None,
            measure: None,
            scope: None,
            sentence: 0,
        });
    }
    if w(of) != "of" {
        return None;
    }
    let number = tokens[first].start..tokens[of - 1].end;
    let mut mention = FigureMention {
        range: tokens[start].start..tokens[of - 1].end,
        number,
        value: value * 100.0,
        unit: Some("percent".into()),
        qualifier,
        kind: FigureKind::Percent,
        direction: None,
        status: None,
        measure: None,
        scope: None,
        sentence: 0,
    };
    // "one-tenth of a percent": a part of a percentage point.
    let mut i = of + 1;
    if matches!(w(i).as_ref(), "a" | "one") && matches!(w(i + 1).as_ref(), "percent" | "percentage")
    {
        mention.value = value;
        return Some(mention);
    }
    // What it is a share of: "the evacuees", "its 300 families", "imports", "Cineplex's equity"
    // (whose it is becomes the scope).
    while let Some(t) = tokens.get(i) {
        if let Some(owner) = t.owner().filter(|_| t.is_capitalized()) {
            mention.scope = Some(owner.to_string());
        } else if !(DETERMINERS.contains(w(i).as_ref())
            || t.text.starts_with(|c: char| c.is_ascii_digit()))
        {
            break;
        }
        i += 1;
    }
    let mut words: Vec<String> = Vec::new();
    for t in tokens.get(i..)?.iter().take(3) {
        let w = t.lower();
        let verb = !words.is_empty() && (w.ends_with("ed") || VERBS.contains(w.as_ref()));
        if !t.is_word()
            || t.is_capitalized()
            || ENDS.contains(w.as_ref())
            || DETERMINERS.contains(w.as_ref())
            || verb
        {
            break;
        }
        words.push(w.into_owned());
    }
    // "half of them": a share of what the story already named; said of nothing, no figure.
    if words.is_empty() {
        return None;
    }
    mention.measure = Some(match &mention.scope {
        Some(owner) => format!("share of {} ({owner})", words.join(" ")),
        None => format!("share of {}", words.join(" ")),
    });
    Some(mention)
}

/// Verbs that cut a thing "in half".
#[rustfmt::skip]
static CUT_VERBS: WordSet = WordSet::new(&[
    "cut", "cuts", "cutting", "slash", "slashed", "slashes", "slashing", "reduce", "reduced",
    "reduces", "reducing", "trim", "trimmed", "split",
]);

/// How far back from "in half" its verb may stand: "cut its quarterly dividend in half".
const CUT_SPAN: usize = 6;

/// "cut its quarterly dividend in half" (at "half"), "net income halved" (at "halved"): the size
/// of the change, 50% down.
fn halved(tokens: &[Token<'_>], k: usize) -> Option<FigureMention> {
    let w = |i: usize| tokens.get(i).map(Token::lower).unwrap_or_default();
    let start = match w(k).as_ref() {
        "halved" | "halving" => k,
        "half" if k > 0 && w(k - 1) == "in" => {
            let verb = (k.saturating_sub(CUT_SPAN)..k - 1)
                .rev()
                .take_while(|&i| tokens[i].is_word())
                .any(|i| tokens[i].lower_in(&CUT_VERBS));
            if !verb {
                return None;
            }
            k - 1
        }
        _ => return None,
    };
    Some(FigureMention {
        range: tokens[start].start..tokens[k].end,
        number: tokens[k].start..tokens[k].end,
        value: 50.0,
        unit: Some("percent".into()),
        qualifier: None,
        kind: FigureKind::Change,
        direction: Some(super::direction::Direction::Down),
        status: None,
        measure: None,
        scope: None,
        sentence: 0,
    })
}

/// "doubled", "could more than triple" at token `k`: a multiple, as a ratio.
fn multiple_at(tokens: &[Token<'_>], k: usize) -> Option<FigureMention> {
    let word = tokens[k].lower();
    let (form, value) = MULTIPLES.iter().find(|(m, _)| *m == word)?;
    // "more than twice the $13.5 million", "twice as much": a multiple of what follows; "twice a
    // year", "was arrested twice": how often.
    if matches!(*form, "twice" | "thrice") {
        let compared = tokens.get(k + 1).is_some_and(|t| t.lower_in(&COMPARED));
        if !compared {
            return None;
        }
    }
    let base_form =
        !form.ends_with("ed") && !form.ends_with("ing") && !matches!(*form, "twice" | "thrice");
    if base_form && !(k > 0 && VERB_BEFORE.contains(tokens[k - 1].lower().as_ref())) {
        return None;
    }
    // "a double blow", "double-digit", "the triple jump".
    if !base_form && k > 0 && matches!(tokens[k - 1].lower().as_ref(), "a" | "the" | "an") {
        return None;
    }
    let (qualifier, start) = match qualifier_before(tokens, k) {
        Some((q, s)) => (Some(q), s),
        None => (None, k),
    };
    Some(FigureMention {
        range: tokens[start].start..tokens[k].end,
        number: tokens[k].start..tokens[k].end,
        value: *value,
        unit: Some("times".into()),
        qualifier,
        kind: FigureKind::Ratio,
        direction: None,
        status: None,
        measure: None,
        scope: None,
        sentence: 0,
    })
}

#[cfg(test)]
mod tests {
    use crate::extract::figures::find_figures;
    use crate::extract::sentences::split_sentences;
    use crate::extract::tokens::{Lowered, tokenize_all};

    /// (value, unit, measure) of each figure.
    fn figs(text: &str) -> Vec<(f64, String, String)> {
        let s = split_sentences(text);
        find_figures(text, &s, &tokenize_all(text, &Lowered::new(text), &s), &[])
            .into_iter()
            .map(|f| {
                (
                    (f.value * 1000.0).round() / 1000.0,
                    f.unit.unwrap_or_default(),
                    f.measure.unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn shares_in_words_are_percentages_of_what_they_are_of() {
        assert_eq!(
            figs("Roughly three-quarters of the evacuees fled the floods."),
            [(75.0, "percent".into(), "share of evacuees".into())]
        );
        assert_eq!(figs("About half of the budget was spent.")[0].0, 50.0);
        assert_eq!(figs("A third of imports came via Germany.")[0].0, 33.333);
        assert_eq!(
            figs("Prices rose less than one-tenth of a percent.")[0].0,
            0.1
        );
        let two_thirds = figs("Two-thirds of the 300 families skipped meals.");
        assert_eq!(two_thirds[0].2, "share of families");
        assert_eq!(two_thirds[1].0, 300.0);
        // Periods and shares of nothing named are not figures.
        assert!(figs("Sales rose in the first half of the year.").is_empty());
        assert!(figs("Half of them left.").is_empty());
        assert_eq!(
            figs("MCA holds half of Cineplex's equity.")[0].2,
            "share of equity (Cineplex)"
        );
        // Halves: a change of 50%, down.
        for text in [
            "Magna recently cut its quarterly dividend in half.",
            "Net income halved to $3 million.",
        ] {
            let f = figs(text);
            assert_eq!((f[0].0, f[0].1.as_str()), (50.0, "percent"), "{text}");
        }
        assert!(figs("The loaf was broken in half.").is_empty());
        // The size of a change.
        let f = figs("Imports through Germany had risen by a third since October.");
        assert_eq!((f[0].0, f[0].1.as_str()), (33.333, "percent"));
    }

    #[test]
    fn multiples_are_ratios() {
        assert_eq!(
            figs("Outages could more than triple this summer.")[0].0,
            3.0
        );
        assert_eq!(figs("Heat outages roughly doubled.")[0].1, "times");
        assert!(figs("It was a double blow for the team.").is_empty());
        // Every table's words can start a figure.
        let firsts = super::FRACTIONS
            .iter()
            .chain(super::NUMERATORS)
            .chain(super::MULTIPLES)
            .map(|(w, _)| *w);
        for w in firsts {
            assert!(super::FIRST_WORDS.contains(w), "{w}");
            assert!("adfhoqt".contains(&w[..1]), "{w}");
        }
        assert_eq!(figs("A program aimed at doubling trade.")[0].0, 2.0);
        let twice = figs("Net was more than twice the $13.5 million of a year earlier.");
        assert_eq!((twice[0].0, twice[0].1.as_str()), (2.0, "times"));
        assert_eq!(figs("The fine is twice the donation.")[0].0, 2.0);
        assert!(figs("They meet twice a year.").is_empty());
        assert!(figs("He was arrested twice.").is_empty());
    }
}
