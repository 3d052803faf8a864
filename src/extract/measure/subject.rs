//! A figure's place in its sentence in, what its clause speaks of out: the walk back from the
//! number over qualifiers, prepositions, verbs and phrases of time to the nearest noun phrase
//! ("sales fell 3%" → "sales"), a name that says only whose ("Du Pont earned"), or a pronoun or
//! generic noun for the article's organization ("it earned", "the company earned").

use std::ops::Range;

use super::count::participle;
use super::lexicon::{
    CALENDAR, CHANGE_NOUNS, CONNECTIVES, GERUND_NOUNS, INDEX_HEADS, INDEX_WORDS, LINKING,
    ORGANIZATION_NOUNS, PARTICLES, PRICE_MOVES, STOP, TIME_NOUNS, VERBISH, WHEN_WORDS,
};
use crate::extract::scope::{possessor_name, relative_clause_before, reporter_before};
use crate::extract::tokens::{Token, dotted_letters_before};

/// A verb by which "it" or "they" is a quantity that moved ("before it eases to 1.9%"): a price
/// move or a verb in -s ([`VERBISH`]).
pub(super) fn moving_verb(verb: &str) -> bool {
    PRICE_MOVES.contains(verb) || VERBISH.contains(verb)
}

/// The first finite verb of the clause that ends before token `end` ("was" in "The Nikkei index
/// was pressured down … and"), after at least one word of its subject; the clause starts after
/// the last ";" or ":". `None` when there is none, or a comma stands between it and `end`
/// (another clause, whose subject is not shared).
fn first_verb(tokens: &[Token<'_>], end: usize) -> Option<usize> {
    let start = tokens[..end]
        .iter()
        .rposition(|t| matches!(t.text, ";" | ":"))
        .map_or(0, |p| p + 1);
    let at = (start + 1..end).find(|&k| {
        let t = &tokens[k];
        let w = t.lower();
        t.is_word()
            && !t.is_capitalized()
            && (matches!(
                w.as_ref(),
                "was" | "were" | "is" | "are" | "has" | "have" | "had"
            ) || PRICE_MOVES.contains(w.as_ref()))
    })?;
    (!tokens[at..end].iter().any(|t| t.text == ",")).then_some(at)
}

/// What a money, percent or points figure is said of.
pub(super) enum Subject {
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
pub(super) fn subject_before(
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
    let mut verb_at = None;
    // "capital gains of $48 million": the word before "of" is the noun, never a verb.
    let mut of_seen = false;
    while k > 0 {
        let t = &tokens[k - 1];
        if t.start >= own.start && t.end <= own.end && k - 1 < at {
            // "… and fell 151.20 points": the figure's own verb.
            if t.lower_in(&PRICE_MOVES) {
                verb_at = Some(k - 1);
            }
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
        // "Bethlehem, the nation's second largest steelmaker, earned $46.9 million": the name
        // before an apposition.
        if t.text == ","
            && verb.is_some()
            && let Some(open) = apposition_before(tokens, k - 1)
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
        // "The Nikkei index was pressured down by profit-taking … and fell 151.20 points": a verb
        // joined by "and" to the clause's first verb shares its subject.
        if w == "and"
            && verb_at == Some(k)
            && let Some(first) = first_verb(tokens, k - 1)
        {
            k = first;
            continue;
        }
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
        // "The agency estimated that 12 percent of children …": the clause after "that" is what
        // was said; who said it is not what the figure measures.
        if lower_word
            && verb.is_none()
            && w == "that"
            && k >= 2
            && tokens[k - 2].lower_in(&crate::extract::attribution::lexicon::SPEECH_VERBS)
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
                    || (verb.is_none()
                        && !of_seen
                        && verb_in_ing(&w)
                        && !tokens[..k - 1]
                            .last()
                            .is_some_and(|t| matches!(t.lower().as_ref(), "a" | "an" | "the")))
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
            verb_at = Some(k - 1);
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
        // "a drop in operating profit to $58.6 million": a change in the quantity after it.
        && !what.last().is_some_and(|(w, _)| CHANGE_NOUNS.contains(w))
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

/// "with profit declining 30%", "sales rising 4%": a word in -ing right before a figure is a
/// verb, unless it is one of the nouns in -ing ([`GERUND_NOUNS`]: "spending", "funding"), or
/// an adjective after an article ("took a surprising 13% of the vote").
fn verb_in_ing(word: &str) -> bool {
    word.len() > 5 && word.ends_with("ing") && !GERUND_NOUNS.contains(word)
}

/// The comma that opens an apposition closed by the comma at `close` ("Bethlehem, the nation's
/// second largest steelmaker,"): a determiner after it, a name before it, and only words
/// between.
fn apposition_before(tokens: &[Token<'_>], close: usize) -> Option<usize> {
    let open = (close.saturating_sub(10)..close)
        .rev()
        .take_while(|&j| tokens[j].is_word() || tokens[j].text == ",")
        .find(|&j| tokens[j].text == ",")?;
    let determiner = tokens
        .get(open + 1)
        .is_some_and(|t| matches!(t.text, "the" | "a" | "an"));
    let name = open > 0 && tokens[open - 1].is_capitalized() && tokens[open - 1].is_word();
    (determiner && name).then_some(open)
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
        // "U.K. sales": a dotted abbreviation is one name.
        if let Some(from) = abbreviation_ending(tokens, k) {
            let name: String = tokens[from..k].iter().map(|t| t.text).collect();
            words.push((name, true));
            k = from;
            continue;
        }
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
        // ("Third-quarter sales": a period, never a name.)
        let name = t.is_capitalized()
            && !(first_of_sentence && is_common_word_start(tokens, k - 1))
            && !WHEN_WORDS.contains(w.as_ref());
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
        if t.is_possessive() {
            possessor = possessor_name(tokens, k - 1);
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

/// Where the dotted abbreviation of capital letters ending before token `k` ("U.K.", "U.S.")
/// starts, when one does (two letters at least).
fn abbreviation_ending(tokens: &[Token<'_>], k: usize) -> Option<usize> {
    let from = dotted_letters_before(tokens, k);
    (k - from >= 4).then_some(from)
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
        // "this year's third quarter": a time noun's possessive.
        let time_owner = tokens[k - 1]
            .owner()
            .is_some_and(|o| TIME_NOUNS.contains_lower(o));
        let part = TIME_NOUNS.contains(w.as_ref())
            || WHEN_WORDS.contains(w.as_ref())
            || time_owner
            || matches!(
                w.as_ref(),
                "the"
                    | "full"
                    | "fiscal"
                    | "whole"
                    | "entire"
                    | "first"
                    | "second"
                    | "third"
                    | "fourth"
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
            || crate::extract::not_figures::is_month(t.text);
        if !part {
            return None;
        }
        j -= 1;
    }
    None
}

/// A subject that is the article's organization: a generic noun for it, "the unit", "it".
fn is_agent(phrase: &str) -> bool {
    ORGANIZATION_NOUNS.contains(phrase) || matches!(phrase, "unit" | "it")
}

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
pub(in crate::extract) fn is_index_quantity(quantity: &str) -> bool {
    let head = quantity.rsplit(' ').next().unwrap_or(quantity);
    is_index(quantity) || INDEX_HEADS.contains(head)
}

/// A capitalized first word of a sentence that is a common word ("Sales fell", "Inflation was"):
/// no capitalized word follows it and the text does not write it as a name elsewhere.
pub(in crate::extract) fn is_common_word_start(tokens: &[Token<'_>], k: usize) -> bool {
    !tokens[k].name_elsewhere
        && tokens.get(k + 1).is_none_or(|t| !t.is_capitalized())
        && tokens[k].text.chars().skip(1).all(|c| c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use crate::extract::measure::tests::measures;

    /// A verb joined by "and" to its clause's first verb shares its subject; a verb after a
    /// comma or a subject of its own does not.
    #[test]
    fn a_word_in_ing_before_a_figure_is_its_verb() {
        for text in [
            "Results were weak, with revenue sliding 12% to $9 million.",
            "Revenue sliding 12% worried the board.",
        ] {
            assert_eq!(measures(text)[0], "revenue % change", "{text}");
        }
        // A noun in -ing is what is measured; an adjective in -ing is neither.
        assert_eq!(measures("Its spending was $4 million.")[0], "spending");
        assert_eq!(measures("The party won a stunning 13% of the vote.")[0], "");
    }

    #[test]
    fn a_verb_joined_by_and_shares_the_subject_of_the_clause() {
        let m = measures(
            "The Nikkei index was pressured down by profit-taking triggered by sharp advances \
             made through this week and fell 151.20 points to 35527.29.",
        );
        assert_eq!(m, ["Nikkei index change", "Nikkei index"]);
        let m = measures("Sales rose 5% and profit fell 3%.");
        assert_eq!(m, ["revenue % change", "net income % change"]);
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
}
