//! A counted figure in, its quantity out: the noun and the predicate that defines it, written
//! after the count ("96,000 people were displaced") or before it ("displaced 96,000 people"),
//! both "people displaced". Also what a quantity's words say of it: whether it counts the members
//! of a population, and whether it already says it is a change ("jobs cut").

use super::lexicon::{
    AMOUNT_PLURALS, AUXILIARIES, BEFORE_COUNT, IRREGULAR_PREDICATES, MEASURE_UNITS, NOT_PREDICATES,
    REPORTED_AS, STOP, TOTALLING, VERB_PARTICIPLES,
};
use crate::extract::figures::FigureMention;
use crate::extract::noun_phrase::noun_phrase_after;
use crate::extract::numbers::unit_word;
use crate::extract::tokens::{Token, aside_after};

/// Whether a quantity counts members of a population: its head is a plural count noun
/// ("people", "displaced children", "shares", "arrests"), not an amount in the plural
/// ("earnings", "sales", "prices").
pub(super) fn is_population(quantity: &str) -> bool {
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

/// Units that are not counted things: currencies, percentages, points, multiples, units of
/// measure. Their figures are named by what they are said of.
pub(in crate::extract) fn is_count_noun(unit: &str) -> bool {
    let last = unit.rsplit(' ').next().unwrap_or(unit);
    let currency_code = unit.len() == 3 && unit.chars().all(|c| c.is_ascii_uppercase());
    !(currency_code || unit.starts_with("per ") || MEASURE_UNITS.contains(last))
}

/// Where the predicate of a count begins, from the token `k` after it: over a part named
/// between commas (", including eight Americans,"), auxiliaries and a passive of report ("were
/// reported dead", "are feared killed").
pub(in crate::extract) fn predicate_start(tokens: &[Token<'_>], mut k: usize) -> usize {
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
    // "10 other people -- including Munero -- died": an aside between dashes.
    if let Some(after) = aside_after(tokens, k) {
        k = after;
    }
    while k < tokens.len() && (tokens[k].lower_in(&AUXILIARIES) || tokens[k].lower_in(&REPORTED_AS))
    {
        k += 1;
    }
    k
}

pub(in crate::extract) fn participle(word: &str) -> Option<String> {
    if let Some((_, p)) = VERB_PARTICIPLES.iter().find(|(w, _)| *w == word) {
        return Some((*p).to_string());
    }
    (word.len() > 4 && word.ends_with("ed") && !NOT_PREDICATES.contains(word))
        .then(|| word.to_string())
}

/// "people killed", "people facing acute hunger", "jobs cut", "cars sold".
pub(super) fn count_quantity(tokens: &[Token<'_>], f: &FigureMention, at: usize) -> Option<String> {
    let unit = f.unit.as_deref()?.to_lowercase();
    let unit = match unit.as_str() {
        "others" | "persons" | "individuals" => "people".to_string(),
        _ => unit,
    };
    let end = f.token_after(tokens);
    // After: "82 were killed", "people who have fled", "people facing acute hunger", "people in
    // South Sudan are facing acute hunger" (a place between is skipped).
    let mut k = end;
    // "children under five needed treatment", "people aged 65 and over": an age that narrows
    // the count, skipped.
    if tokens
        .get(k)
        .is_some_and(|t| matches!(t.lower().as_ref(), "under" | "over" | "aged"))
        && tokens.get(k + 1).is_some_and(|t| {
            t.text.bytes().all(|b| b.is_ascii_digit()) || unit_word(t.lower().as_ref()).is_some()
        })
    {
        k += 2;
    }
    // "in South Sudan", "in northern Kenya": a place, with at most two lowercase words before
    // its name.
    let lowercase_before_name = (k + 1..(k + 3).min(tokens.len()))
        .take_while(|&j| tokens[j].is_word() && !tokens[j].is_capitalized())
        .count();
    if tokens.get(k).is_some_and(|t| t.lower() == "in")
        && tokens
            .get(k + 1 + lowercase_before_name)
            .is_some_and(Token::is_capitalized)
    {
        k += 1 + lowercase_before_name;
        while tokens
            .get(k)
            .is_some_and(|t| t.is_capitalized() || t.text.ends_with("'s"))
        {
            k += 1;
        }
    }
    if let Some(need) = in_need(tokens, k) {
        return Some(format!("{unit} {need}"));
    }
    let k = predicate_start(tokens, k);
    let before = verb_before(tokens, at);
    // "A storm that killed 10 people hit the coast": the count is the object of the relative
    // clause; the verb after it is the main clause's.
    let relative = before.is_some_and(|v| {
        v > 0 && matches!(tokens[v - 1].lower().as_ref(), "that" | "which" | "who")
    }) && k == end;
    if let Some(t) = tokens
        .get(k)
        .filter(|t| !relative && !t.is_capitalized() && t.is_word())
    {
        // "18 million people face acute hunger": the people facing it.
        let w = match t.lower().as_ref() {
            "face" | "faces" | "faced" => "facing".into(),
            "need" | "needs" | "needed" => "needing".into(),
            "lack" | "lacks" | "lacked" => "lacking".into(),
            _ => t.lower(),
        };
        let ing = w.ends_with("ing") && IRREGULAR_PREDICATES.contains(w.as_ref());
        if ing {
            // The object of the participle: "facing acute hunger" (not "catastrophic hunger"),
            // "needing treatment".
            let object = object_words(&tokens[k + 1..]);
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
    if let Some(v) = before
        && let Some(p) = participle(tokens[v].lower().as_ref())
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

/// "people in need of food aid" from the token `k` after the noun: "needing food aid", as
/// "people needing food aid" is named.
pub(in crate::extract) fn in_need(tokens: &[Token<'_>], k: usize) -> Option<String> {
    let words = tokens.get(k..k + 3)?;
    if !(words[0].lower() == "in" && words[1].lower() == "need" && words[2].lower() == "of") {
        return None;
    }
    let object = object_words(&tokens[k + 3..]);
    (!object.is_empty()).then(|| format!("needing {}", object.join(" ")))
}

/// The first two lowercase words of an object ("acute hunger", "food aid"), lowercased.
fn object_words(tokens: &[Token<'_>]) -> Vec<String> {
    tokens
        .iter()
        .take_while(|t| t.is_word() && !t.is_capitalized() && !t.lower_in(&STOP))
        .take(2)
        .map(|t| t.lower().into_owned())
        .collect()
}

/// The token of the verb whose object is the count at token `at` ("killed 259 people", "will cut
/// about 1,800 jobs", "killed his mother and 10 other people"), if a participle stands there.
fn verb_before(tokens: &[Token<'_>], at: usize) -> Option<usize> {
    let mut k = at;
    while k > 0 && BEFORE_COUNT.contains(tokens[k - 1].lower().as_ref()) {
        k -= 1;
    }
    // The second of two objects: over "his mother and", "Elian's mother Elisabeth Brotons and".
    if k > 1 && tokens[k - 1].text == "and" {
        let first = tokens[..k - 1]
            .iter()
            .rev()
            .take(5)
            .position(|t| !t.is_word() || participle(t.lower().as_ref()).is_some())
            .map(|p| k - 2 - p);
        if let Some(v) = first.filter(|&v| participle(tokens[v].lower().as_ref()).is_some()) {
            return Some(v);
        }
    }
    (k > 0 && participle(tokens[k - 1].lower().as_ref()).is_some()).then(|| k - 1)
}

/// Whether a quantity already says it is a change ("jobs cut", "jobs shed", "subscribers lost").
pub(super) fn has_change_predicate(quantity: &str) -> bool {
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
mod tests {
    use crate::extract::measure::tests::measures;

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
                "Nearly 18 million people face acute hunger.",
                "people facing acute hunger",
            ),
            (
                "A storm that killed 10 people hit the coast.",
                "people killed",
            ),
            (
                "A wreck that killed his mother and 10 other people.",
                "people killed",
            ),
            (
                "His mother and 10 other people -- including the captain -- died.",
                "people killed",
            ),
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
            // An age or a place with its lowercase words between the noun and its predicate;
            // a need written as "in need of".
            (
                "Some 450,000 children under five needed treatment.",
                "children needing treatment",
            ),
            (
                "About 2.1 million people in northern Kenya face acute hunger.",
                "people facing acute hunger",
            ),
            (
                "Some 1.2 million people in need of food aid were reached.",
                "people needing food aid",
            ),
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
    fn a_range_is_named_by_the_end_that_names_more() {
        let m = measures("Between 30,000 and 40,000 people have fled.");
        assert_eq!(m, ["people fled", "people fled"]);
    }

    #[test]
    fn a_part_of_a_numbered_whole_is_not_the_whole() {
        let m = measures("Only nine of the European Union's 27 member states have a plan.");
        assert_eq!(m, ["member states of 27", "member states"]);
        // An amount for each is no whole.
        let m = measures("It paid 32 death claims of 100,000 shillings each.");
        assert_eq!(m[0], "death claims");
    }
}
