//! The ends of a range.
//!
//! Two numbers joined by a hyphen: "20-30 people", "2,000-3,000 troops" and "1.5-2%" are the two
//! ends of a range, each a figure; "won 3-1", "a 50-50 venture", "1990-91", "555-0199" and
//! "Boeing 737-800" are a score, a split, a span of years, a phone number and a model: no figure.
//! The tokenizer cuts a hyphen between digits, so that both ends of a range are tokens of their
//! own; this module tells which pairs are ranges.
//!
//! A lower end written without the scale of the upper ("3 to 5 million tonnes", "between 2 and 3
//! billion dollars") counts in that scale: 3 million.

use super::figures::FigureMention;
use super::numbers::Num;
use super::tokens::Token;
use super::words::WordSet;

/// Words before a score: "won 3-1", "a 2-1 victory" (read before the lower number).
#[rustfmt::skip]
pub(crate) static SCORE_WORDS: WordSet = WordSet::new(&[
    "won", "win", "wins", "winning", "lost", "lose", "loses", "losing", "beat", "beats",
    "beating", "drew", "draw", "draws", "defeated", "defeat", "victory", "loss", "led", "lead",
    "leads", "leading", "trailed", "trailing", "trail", "score", "scored", "tied", "tie",
    "edged", "routed", "thrashed", "final", "halftime", "half-time", "vote", "voted", "ruling",
    // Ages: "aged 18-24" (an age is no figure of a table).
    "aged", "age", "ages",
]);

/// Words between the two ends of a range, with "between" before the lower for "and".
const JOINERS: &[&str] = &["to", "-", "–", "or"];

/// The value of `lower` when it is the lower end of a range whose upper end `upper` carries a
/// scale that `lower` lacks: "3 to 5 million" (3 million), "between 2 and 3.5 billion",
/// "1.5-2 million". `None` when it is no such end: "800 to 1.2 million" (800 is more than 1.2),
/// "3 to 5" (no scale).
pub(crate) fn scaled_lower_end(text: &str, lower: &Num, upper: &Num) -> Option<f64> {
    if lower.scaled || lower.fraction || !upper.scaled || upper.fraction {
        return None;
    }
    // Currency signs aside: "$2 to $3 billion", "between €2 and €3 billion".
    let sign = |c: char| matches!(c, '$' | '€' | '£' | '¥');
    let gap = text.get(lower.range.end..upper.range.start)?;
    let gap = gap.trim().trim_end_matches(sign).trim_end();
    let between = || {
        text.get(..lower.range.start)
            .map(|t| {
                t.trim_end_matches(sign)
                    .trim_end()
                    .rsplit(' ')
                    .next()
                    .unwrap_or("")
            })
            .is_some_and(|w| w.eq_ignore_ascii_case("between"))
    };
    if !(JOINERS.contains(&gap) || gap == "and" && between()) {
        return None;
    }
    // The upper end's digits before its scale word: "5" of "5 million", "1.5" of "1.5bn".
    let written = text.get(upper.range.clone())?;
    let digits: String = written
        .trim_start_matches(|c: char| !c.is_ascii_digit())
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
        .filter(|&c| c != ',')
        .collect();
    let mantissa: f64 = digits.trim_end_matches('.').parse().ok()?;
    let scale = upper.value / mantissa;
    (mantissa > 0.0 && scale >= 1000.0 && lower.value > 0.0 && lower.value < mantissa)
        .then_some(lower.value * scale)
}

/// Drops the two ends of a hyphen-joined range that counts nothing ("a 737-800 from Boeing"):
/// without a unit at either end, two joined numbers are more likely a model or a code than a
/// range. `figures[from..]` are one sentence's, in order.
pub(crate) fn drop_bare_pairs(text: &str, figures: &mut Vec<FigureMention>, from: usize) {
    let glued = |a: &FigureMention, b: &FigureMention| {
        a.unit.is_none()
            && b.unit.is_none()
            && a.number.end < b.number.start
            && text.get(a.number.end..b.number.start) == Some("-")
    };
    let mut k = from + 1;
    while k < figures.len() {
        if glued(&figures[k - 1], &figures[k]) {
            figures.drain(k - 1..=k);
        } else {
            k += 1;
        }
    }
}

/// Whether the number whose tokens are `first..end` is joined by a hyphen to a number before or
/// after it ("3-1", "555-0199") without the two being the ends of a range: such a number is no
/// figure. A number joined to none answers `false`.
pub(crate) fn joined_not_range(tokens: &[Token<'_>], first: usize, end: usize) -> bool {
    if let Some(upper) = partner_after(tokens, end) {
        return !is_range(tokens, first, upper);
    }
    if let Some(lower) = partner_before(tokens, first) {
        return !is_range(tokens, lower, first);
    }
    false
}

/// The number token glued by a hyphen after the number ending before token `end`.
fn partner_after(tokens: &[Token<'_>], end: usize) -> Option<usize> {
    let last = tokens.get(end.checked_sub(1)?)?;
    let dash = tokens.get(end)?;
    let next = tokens.get(end + 1)?;
    (is_dash(dash.text)
        && dash.start == last.end
        && next.start == dash.end
        && starts_with_digit(next.text))
    .then_some(end + 1)
}

/// The number token glued by a hyphen before the number starting at token `first`.
fn partner_before(tokens: &[Token<'_>], first: usize) -> Option<usize> {
    let dash = tokens.get(first.checked_sub(1)?)?;
    let prev = tokens.get(first.checked_sub(2)?)?;
    (is_dash(dash.text) && dash.end == tokens[first].start && prev.end == dash.start)
        .then_some(first - 2)
        .filter(|_| starts_with_digit(prev.text))
}

/// A hyphen or an en dash ("2–1", "20–30 people"), as typeset text writes ranges and scores.
fn is_dash(text: &str) -> bool {
    matches!(text, "-" | "–")
}

fn starts_with_digit(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_digit())
}

/// Whether tokens `lower` and `upper` (a hyphen between them) are the ends of a range: plain
/// numbers running low to high within ten times, the upper without a leading zero, not the three
/// and four digits of a phone number, not after a name ("Boeing 737-800") or a score's word.
fn is_range(tokens: &[Token<'_>], lower: usize, upper: usize) -> bool {
    let (a, b) = (tokens[lower].text, tokens[upper].text);
    let (Some(x), Some(y)) = (plain_number(a), plain_number(b)) else {
        return false;
    };
    let leading_zero = b.starts_with('0') && !b.starts_with("0.");
    let phone = a.len() == 3 && b.len() == 4 && !a.contains(['.', ',']) && !b.contains(['.', ',']);
    let before = lower.checked_sub(1).map(|k| &tokens[k]);
    let after_name = lower >= 2 && before.is_some_and(|t| t.is_capitalized());
    let after_score = before.is_some_and(|t| t.lower_in(&SCORE_WORDS));
    x < y && y <= x * 10.0 && !leading_zero && !phone && !after_name && !after_score
}

/// The value of a token of digits with thousands commas or a decimal point ("2,000", "1.5").
fn plain_number(text: &str) -> Option<f64> {
    if !text
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    text.replace(',', "").parse().ok()
}

#[cfg(test)]
mod tests {
    use super::super::tokens::{Lowered, tokenize};
    use super::*;

    /// Whether the number at byte `at` of `sentence` is a hyphen-joined non-range.
    fn rejected(sentence: &str, number: &str) -> bool {
        let lowered = Lowered::new(sentence);
        let tokens = tokenize(sentence, &lowered, 0..sentence.len());
        let at = sentence.find(number).unwrap();
        let k = tokens.iter().position(|t| t.start == at).unwrap();
        joined_not_range(&tokens, k, k + 1)
    }

    #[test]
    fn ranges_are_kept_at_both_ends() {
        for (s, n) in [
            ("The storm displaced 20-30 people.", "20"),
            ("The storm displaced 20-30 people.", "30"),
            ("About 2,000-3,000 troops were sent.", "2,000"),
            ("About 2,000-3,000 troops were sent.", "3,000"),
            ("Prices rose 1.5-2% in May.", "1.5"),
            ("Some 8-10 boats sank.", "8"),
            ("Some 8-10 boats sank.", "10"),
            ("Some 40–60 homes flooded.", "40"),
            ("Some 40–60 homes flooded.", "60"),
        ] {
            assert!(!rejected(s, n), "{s}: {n}");
        }
    }

    #[test]
    fn scores_splits_years_phones_and_models_are_no_figures() {
        for (s, n) in [
            ("The team won 3-1 on Sunday.", "3"),
            ("The team won 3-1 on Sunday.", "1"),
            ("They lost 1-3 to Leeds.", "1"),
            ("It is a 50-50 venture.", "50"),
            ("The 1990-91 budget was cut.", "91"),
            ("Call 555-0199 now.", "555"),
            ("Call 555-0199 now.", "0199"),
            ("Call 555-1234 now.", "555"),
            ("It flies the Boeing 737-800 jet.", "737"),
            ("It flies the Boeing 737-800 jet.", "800"),
            ("Ages 12-150 apply.", "12"),
            ("The visitors won 4–2 in Madrid.", "4"),
            ("The visitors won 4–2 in Madrid.", "2"),
        ] {
            assert!(rejected(s, n), "{s}: {n}");
        }
    }

    #[test]
    fn a_number_joined_to_no_other_is_not_rejected() {
        assert!(!rejected("The storm displaced 20 people.", "20"));
        assert!(!rejected("The storm displaced 20 - 30 people.", "20"));
    }
}
