//! A figure in, what the words right after it say it measures out: the noun it modifies ("a £45
//! million offer"), what it is of ("3 million tonnes of wheat"), the state it is the extent of
//! ("85 percent full"), the reference level it is a gap to ("above its quota"), and whether it is
//! an amount for each share ("$1.65 a share").

use super::lexicon::{
    CALENDAR, CHANGE_NOUNS, GERUND_NOUNS, PERCENT_STATES, REFERENCE_DETERMINERS, REFERENCE_LEVELS,
    STOP, TIME_NOUNS,
};
use crate::extract::figures::{FigureKind, FigureMention};
use crate::extract::tokens::Token;
use crate::extract::words::WordSet;

/// The noun an amount modifies: "a £45 million offer", "a $2 billion loan", "a 3% stake"; for a
/// noun of change, what changes: "a 3% drop in revenue" → revenue.
pub(super) fn noun_after(tokens: &[Token<'_>], f: &FigureMention) -> Option<String> {
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
    // "about 35 percent several years ago", "51 percent this year": when, not what.
    if after.iter().any(|w| {
        TIME_NOUNS.contains(w.as_str())
            || TIME_NOUNS.contains(w.trim_end_matches('s'))
            || w == "ago"
    }) {
        return None;
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
pub(super) fn state_after<'t>(tokens: &'t [Token<'_>], f: &FigureMention) -> Option<&'t str> {
    if f.kind != FigureKind::Percent {
        return None;
    }
    let end = f.token_after(tokens);
    let t = tokens.get(end)?;
    t.lower_in(&PERCENT_STATES).then_some(t.text)
}

/// "some 330,000 bpd above its quota", "$2 billion short of the target", "0.3 points below
/// analysts' forecasts": a figure that is a gap to a reference level, as "above quota".
pub(super) fn gap_to_reference(tokens: &[Token<'_>], f: &FigureMention) -> Option<String> {
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

/// "10 cents a share", "$1.65 per share": an amount for each share.
pub(super) fn per_share(tokens: &[Token<'_>], f: &FigureMention) -> bool {
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

/// "3 million tonnes of wheat", "$5 million in aid": what the amount is of.
pub(super) fn of_after(tokens: &[Token<'_>], f: &FigureMention) -> Option<String> {
    let end = f.token_after(tokens);
    let prep = tokens.get(end)?.lower();
    if !matches!(prep.as_ref(), "of" | "in") {
        return None;
    }
    // "40% of the 900 eligible workers", "30% of its 3,000 staff": past the determiner and the
    // size of the whole to what it is of.
    // ("40% of the camp residents" after a count of them is a share of that count: left to the
    // figure before.)
    let mut from = end + 1;
    let digits = |k: usize| {
        tokens
            .get(k)
            .is_some_and(|t| t.text.starts_with(|c: char| c.is_ascii_digit()))
    };
    // ("of the 9.6 million outstanding": a scale word, the noun left unsaid.)
    let scale = tokens
        .get(from + 2)
        .is_some_and(|t| matches!(t.lower().as_ref(), "million" | "billion" | "thousand"));
    if tokens
        .get(from)
        .is_some_and(|t| t.lower_in(&WHOLE_DETERMINERS))
        && digits(from + 1)
        && !scale
    {
        from += 2;
    }
    let words: Vec<String> = tokens[from..]
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

/// Determiners before the whole a figure is of: "of the", "of its".
#[rustfmt::skip]
static WHOLE_DETERMINERS: WordSet = WordSet::new(&["the", "its", "their", "his", "her", "our"]);

/// "China accounted for about 30% of global steel output", "exports account for 58% of sales":
/// a percentage a thing accounts for is its share of the whole after "of" (returned: "global
/// steel output"), said of the name before the verb when there is one ("China"). The verb is no
/// part of what is measured ("share of accounts" was read before).
pub(super) fn accounted_share(
    tokens: &[Token<'_>],
    f: &FigureMention,
) -> Option<(String, Option<String>)> {
    if f.kind != FigureKind::Percent || f.direction.is_some() {
        return None;
    }
    let end = f.token_after(tokens);
    if tokens.get(end)?.lower() != "of" {
        return None;
    }
    // Back past the figure's qualifier ("about", "more than", "nearly") to "for" and the verb.
    let mut k = f.first_token(tokens);
    let mut skipped = 0;
    while k > 0 && skipped < 3 && tokens[k - 1].lower_in(&SHARE_QUALIFIERS) {
        k -= 1;
        skipped += 1;
    }
    // "represent 50% of revenue", "make up 12% of the staff": verbs that take the share
    // without "for".
    let direct = k >= 1
        && (tokens[k - 1].lower_in(&SHARE_VERBS)
            || tokens[k - 1].lower_in(&MAKE_VERBS)
                && tokens.get(k).is_some_and(|t| t.lower() == "up"));
    let verb = if direct {
        k - 1
    } else {
        let verb = k.checked_sub(2)?;
        if tokens[k - 1].lower() != "for" || !tokens[verb].lower_in(&ACCOUNT_VERBS) {
            return None;
        }
        verb
    };
    let whole = whole_after(tokens, end + 1)?;
    // The name right before the verb ("the United States accounts", "China accounted",
    // "Tourism accounts"); not a sentence's first word when that is a common plural ("Exports
    // account for …": what the share is of, not whose).
    let start = crate::extract::scope::names_before(tokens, verb);
    let plural = tokens[start].lower().ends_with('s');
    let owner = (start < verb
        && !(plural && crate::extract::scope::common_first_word(tokens, start, verb)))
    .then(|| {
        tokens[start..verb]
            .iter()
            .map(|t| t.text)
            .collect::<Vec<_>>()
            .join(" ")
    });
    Some((whole, owner))
}

/// The whole a share is of, from token `from` on: past a determiner and a possessor ("the
/// country's imports", "its revenue"), up to three words, an acronym kept as written ("GDP").
fn whole_after(tokens: &[Token<'_>], from: usize) -> Option<String> {
    let mut k = from;
    if tokens
        .get(k)
        .is_some_and(|t| t.lower_in(&WHOLE_DETERMINERS))
    {
        k += 1;
    }
    let possessive = |t: &Token<'_>| matches!(t.text, "'s" | "’s" | "'" | "’");
    if tokens.get(k + 1).is_some_and(possessive) {
        k += 2;
    } else if tokens
        .get(k)
        .is_some_and(|t| t.text.ends_with("'s") || t.text.ends_with("’s"))
    {
        k += 1;
    }
    let acronym =
        |t: &Token<'_>| t.text.len() > 1 && t.text.chars().all(|c| c.is_ascii_uppercase());
    let words: Vec<String> = tokens
        .get(k..)?
        .iter()
        .take_while(|t| {
            t.is_word()
                && (!t.is_capitalized() || acronym(t))
                && !t.lower_in(&STOP)
                && !t.text.starts_with(|c: char| c.is_ascii_digit())
        })
        .take(3)
        .map(|t| {
            if acronym(t) {
                t.text.to_string()
            } else {
                t.lower().into_owned()
            }
        })
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Words a thing accounts for its share with.
static ACCOUNT_VERBS: WordSet = WordSet::new(&["account", "accounts", "accounted", "accounting"]);

/// Verbs a thing is its share of a whole with, no "for" between: "represent 50% of revenue".
#[rustfmt::skip]
static SHARE_VERBS: WordSet = WordSet::new(&[
    "represent", "represents", "represented", "representing", "constitute", "constitutes",
    "constituted", "constituting", "comprise", "comprises", "comprised", "comprising",
]);

/// Verbs that take "up" before a share: "make up 12% of the staff".
static MAKE_VERBS: WordSet = WordSet::new(&["make", "makes", "made", "making"]);

/// Words that qualify a percentage, between "for" and it.
#[rustfmt::skip]
static SHARE_QUALIFIERS: WordSet = WordSet::new(&[
    "about", "around", "roughly", "nearly", "almost", "some", "approximately", "over", "under",
    "just", "more", "less", "than", "up", "to", "only", "at", "least", "most", "an", "estimated",
]);

#[cfg(test)]
mod tests {
    use crate::extract::measure::tests::measures;

    #[test]
    fn a_percentage_of_a_state_is_said_of_the_thing_in_it() {
        let m = measures("Storage sites were 85 percent full, down from 95 percent.");
        assert_eq!(m, ["storage sites full", "storage sites full"]);
        let m = measures("The appeal is 27% funded.");
        assert_eq!(m, ["appeal funded"]);
    }

    /// A percentage of a whole named with a determiner and its size is a share of the whole.
    #[test]
    fn a_percentage_of_a_sized_whole_is_a_share_of_it() {
        let m = measures("Only 40% to 45% of the 900 eligible workers will accept the offer.");
        assert_eq!(m[0], "share of eligible workers");
        assert_eq!(m[0], m[1]);
        let m = measures("Roughly 30% of its 2,000 staff left.");
        assert_eq!(m[0], "share of staff");
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

    /// A percentage a thing accounts for is its share of the whole after "of", said of the name
    /// before the verb; the verb is no part of the measure.
    #[test]
    fn a_share_accounted_for_is_a_share_of_the_whole() {
        assert_eq!(
            measures("Chile accounted for about 28% of world copper output last year."),
            ["share of world copper output (Chile)"]
        );
        assert_eq!(
            measures("The United States accounts for 94 percent of aid requests."),
            ["share of aid requests (United States)"]
        );
        assert_eq!(
            measures("Fishing accounts for 7% of GDP in the islands."),
            ["share of GDP (Fishing)"]
        );
        assert_eq!(
            measures("Imports accounted for more than 40 percent of the country's fuel."),
            ["share of fuel"]
        );
    }

    /// A thing may be its share of a whole with no "for": "represent", "constitute", "make up".
    #[test]
    fn a_share_represented_or_made_up_is_a_share_of_the_whole() {
        assert_eq!(
            measures("Tourism represents about 15% of the island's output."),
            ["share of output (Tourism)"]
        );
        assert_eq!(
            measures("Contract workers made up nearly 30 percent of the staff."),
            ["share of staff"]
        );
        assert_eq!(
            measures("Chile constitutes 27% of world copper supply."),
            ["share of world copper supply (Chile)"]
        );
    }
}
