//! What a number counts: the noun phrase after it ("40 Lagos customers", "1,200 low- or
//! middle-income families", "10 Americans"), its names before it saying whose or where.

use super::figures::lower;
use super::tokens::Token;
use super::words::WordSet;

pub(super) fn is_plural(word: &str) -> bool {
    IRREGULAR_PLURALS.contains(&word)
        || (word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us"))
}

/// The counted noun phrase after a number (see [`noun_phrase_after`]): its words and the index
/// after it. A singular noun counts only when `singular_ok` ("1 car", but not "300 left").
pub(super) fn counted_noun(
    tokens: &[Token<'_>],
    at: usize,
    singular_ok: bool,
) -> Option<(String, usize)> {
    noun_phrase_after(tokens, at, singular_ok).map(|p| (p.unit, p.after))
}

/// A counted noun phrase: the lowercase words that name what is counted, and the capitalized
/// words before them that name whose or where ("40 Lagos customers", "38,000 U.S. troops").
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NounPhrase {
    /// What is counted: "customers", "low- or middle-income families".
    pub(crate) unit: String,
    /// The names before it: "Lagos", "U.S.", "German".
    pub(crate) scope: Option<String>,
    /// Index of the token after the phrase.
    pub(crate) after: usize,
}

/// The noun phrase after a number: up to three capitalized words or initials ("U.S.", "Milton
/// Roy"), then up to four lowercase words ending at the last plural, with coordinated modifiers
/// ("low- or middle-income families").
pub(crate) fn noun_phrase_after(
    tokens: &[Token<'_>],
    at: usize,
    singular_ok: bool,
) -> Option<NounPhrase> {
    // "fell 7/8 Thursday amid concerns": a day or a month after the number dates it and ends
    // what it could count.
    if tokens
        .get(at)
        .is_some_and(|t| t.is_capitalized() && t.lower_in(&super::measure::CALENDAR))
    {
        return None;
    }
    let mut k = at;
    // Names first: capitalized words and the dots of initials.
    let mut names: Vec<&str> = Vec::new();
    let mut name_end = at;
    while k < tokens.len() && names.len() < 6 {
        let t = &tokens[k];
        // "U.S.": the dot of an initial, not the full stop after "Americans.".
        let initial_dot = t.text == "."
            && k > at
            && tokens[k - 1].end == t.start
            && tokens[k - 1].text.chars().count() == 1;
        let name = t.is_capitalized() && t.text.chars().all(|c| c.is_alphabetic() || c == '-');
        if !(name || initial_dot) {
            break;
        }
        names.push(t.text);
        k += 1;
        name_end = k;
    }
    // Names alone, when the last is a plural: "10 Americans", "200 Palestinians".
    let plural_name = names
        .last()
        .is_some_and(|n| n.len() > 3 && n.ends_with('s') && !n.ends_with("ss"));
    // … unless a lowercase plural follows, which the names modify ("40 Lagos customers").
    let lower_follows = tokens[k..]
        .iter()
        .take_while(|t| {
            !t.is_capitalized()
                && t.text.chars().all(char::is_alphabetic)
                && !t.lower_in(&STOPWORDS)
        })
        .take(3)
        .any(|t| is_plural(&lower(t)));
    if plural_name && !lower_follows && name_end > at {
        let last = name_end - 1;
        let scope = (last > at).then(|| join_names(&tokens[at..last]));
        return Some(NounPhrase {
            unit: tokens[last].text.to_string(),
            scope,
            after: name_end,
        });
    }
    let mut words: Vec<(usize, std::borrow::Cow<'_, str>)> = Vec::new();
    while k < tokens.len() && words.len() < 4 {
        let t = &tokens[k];
        let w = lower(t);
        // "low- or middle-income": a dangling hyphen and a conjunction inside the phrase.
        // "10 other people", "a further 350 people": what is counted comes after.
        if words.is_empty() && matches!(w.as_ref(), "other" | "further" | "additional") {
            k += 1;
            continue;
        }
        let dangling = t.text == "-" && !words.is_empty();
        let joined = matches!(w.as_ref(), "or" | "and")
            && k > 0
            && tokens[k - 1].text == "-"
            && !words.is_empty();
        if dangling || joined {
            k += 1;
            continue;
        }
        let alpha = t.text.chars().any(char::is_alphabetic)
            && t.text.chars().all(|c| c.is_alphabetic() || c == '-');
        // "500,000 minority Tutsis", "200 ethnic Albanians": a people named after a modifier.
        if alpha && t.is_capitalized() && !words.is_empty() && is_plural(&w) {
            words.push((k, w));
            break;
        }
        if !alpha || t.is_capitalized() || STOPWORDS.contains(&w.as_ref()) {
            break;
        }
        // "300 families skipped meals": a past tense after a plural noun is its verb, not a
        // modifier of what follows.
        if w.ends_with("ed") && words.last().is_some_and(|(_, p)| is_plural(p)) {
            break;
        }
        words.push((k, w));
        k += 1;
    }
    // The unit ends at the last plural noun; a participle ("polling", "armoured") counts only as
    // a modifier before one: "88,000 polling stations", but not "300 killed" or "20 missing".
    let verb_like = |w: &str| w.ends_with("ed") || (w.ends_with("ing") && !is_plural(w));
    let last = match words.iter().rposition(|(_, w)| is_plural(w)) {
        Some(i) => i,
        None if singular_ok && words.first().is_some_and(|(_, w)| !verb_like(w)) => 0,
        None => return None,
    };
    let first = words[0].0;
    let unit = tokens[first..=words[last].0]
        .iter()
        .fold(String::new(), |mut s, t| {
            let w = lower(t);
            if !s.is_empty() && t.text != "-" && !s.ends_with('-')
                || matches!(w.as_ref(), "or" | "and")
            {
                s.push(' ');
            }
            s.push_str(&w);
            s
        });
    let unit = if unit.contains("  ") {
        unit.replace("  ", " ")
    } else {
        unit
    };
    let scope = (!names.is_empty() && name_end == first).then(|| join_names(&tokens[at..name_end]));
    Some(NounPhrase {
        unit,
        scope,
        after: words[last].0 + 1,
    })
}

/// Capitalized words and initials as written: "Milton Roy", "U.S.".
pub(super) fn join_names(tokens: &[Token<'_>]) -> String {
    tokens.iter().fold(String::new(), |mut s, t| {
        if !s.is_empty() && t.text != "." && !s.ends_with('.') {
            s.push(' ');
        }
        s.push_str(t.text);
        s
    })
}

static STOPWORDS: WordSet = WordSet::new(&[
    "of", "to", "in", "from", "and", "or", "the", "a", "an", "that", "which", "by", "for", "on",
    "at", "with", "since", "as", "was", "were", "is", "are", "had", "have", "has", "will", "would",
    "be", "been", "than", "per", "each", "this", "these", "those", "it", "its", "their", "his",
    "her", "more", "less", "so", "far", "total", "into", "over", "under", "about", "after",
    "before", "during", "while", "who", "what", "when", "where", "if", "but", "not", "last",
    "next", "ago", "earlier", "later", "a", "year", "years", "month", "months", "week", "weeks",
    "day", "days", "all", "such", "also", "could", "may", "might", "can", "being", "through",
    "against", "between", "out", "up", "down", "off", "among", "until", "there", "here", "now",
    "then", "some", "many", "most", "other", "say", "said", "says", "we", "they", "he", "she", "i",
    "you", "our", "my", "above", "below", "beyond", "within", "without", "across", "via", "amid",
    "amidst", "despite", "toward", "towards", "upon", "onto",
]);

static IRREGULAR_PLURALS: WordSet = WordSet::new(&[
    "people",
    "children",
    "men",
    "women",
    "personnel",
    "equipment",
    "cattle",
    "police",
    "staff",
    "livestock",
    "aircraft",
    "ammunition",
    "munitions",
    "fish",
    "sheep",
    "deer",
    "data",
    "media",
]);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tokens::{Lowered, tokenize};

    /// The counted phrase after the first token of `text` (a number).
    fn counted(text: &str) -> Option<String> {
        let lowered = Lowered::new(text);
        let tokens = tokenize(text, &lowered, 0..text.len());
        noun_phrase_after(&tokens, 1, false).map(|p| p.unit)
    }

    #[test]
    fn the_counted_phrase_survives_modifiers_and_names() {
        for (text, want) in [
            ("40 Lagos customers complained", "customers"),
            (
                "1,200 low- or middle-income families",
                "low- or middle-income families",
            ),
            ("10 Americans died", "Americans"),
            // A people named after a modifier.
            ("500,000 minority Tutsis in Rwanda", "minority tutsis"),
            ("300 families skipped meals", "families"),
            // A preposition ends the phrase: "2 points above expectations".
            ("2 points above expectations", "points"),
        ] {
            assert_eq!(counted(text).as_deref(), Some(want), "{text}");
        }
    }

    /// A day or a month after the number dates it; a preposition is never what is counted.
    #[test]
    fn a_date_or_a_preposition_after_the_number_counts_nothing() {
        for text in ["8 Thursday amid concerns", "8 March", "8 amid concerns"] {
            assert_eq!(counted(text), None, "{text}");
        }
    }
}
