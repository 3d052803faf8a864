//! Tokens and a speech verb in, the speaker phrase around it out: where the subject before the
//! verb ends and starts ("The World Food Programme on Friday announced"), the phrase after an
//! inverted verb or "according to", and the words that make a phrase a speaker or a name.

use super::lexicon::{
    AUXILIARIES, CLAUSE_WORDS, DEPENDENT_ROLES, NAME_PARTICLES, NOT_MODIFIERS, PRONOUNS,
    SPEAKER_NOUNS, TITLE_WORDS, is_particle_in_name,
};
use crate::extract::tokens::Token;
use crate::extract::words::WordSet;

/// Where the subject before a speech verb ends: before its auxiliaries and a day ("The World
/// Food Programme on Friday announced", "officials Wednesday said").
pub(super) fn subject_end(tokens: &[Token<'_>], verb: usize) -> usize {
    let mut end = verb;
    loop {
        // A capitalized "May" is a name ("Theresa May said"), not the auxiliary.
        if end > 0
            && !tokens[end - 1].is_capitalized()
            && AUXILIARIES.contains(&tokens[end - 1].lower().as_ref())
        {
            end -= 1;
        } else if end >= 2
            && ADVERBIAL_PAIRS.contains(&(
                tokens[end - 2].lower().as_ref(),
                tokens[end - 1].lower().as_ref(),
            ))
        {
            // "Analysts had on average forecast …".
            end -= 2;
        } else if end > 0 && is_calendar(&tokens[end - 1]) {
            end -= 1;
            if end > 0 && tokens[end - 1].lower() == "on" {
                end -= 1;
            }
        } else if end >= 4
            && tokens[end - 1].text == ")"
            && tokens[end - 3].text == "("
            && tokens[end - 2].text.len() >= 2
            && tokens[end - 2]
                .text
                .chars()
                .all(|c| c.is_ascii_uppercase() || c == '&')
            && tokens[end - 4].is_capitalized()
        {
            // "the Office for the Coordination of Humanitarian Affairs (OCHA) said": the name's
            // acronym in brackets.
            end -= 3;
        } else {
            return end;
        }
    }
}

/// Two-word adverbials that may stand between a subject and its verb.
const ADVERBIAL_PAIRS: &[(&str, &str)] = &[
    ("on", "average"),
    ("in", "turn"),
    ("so", "far"),
    ("at", "first"),
    ("for", "now"),
    ("in", "all"),
];

/// Prepositions whose object is never the subject of the verb after it: "travel in Kenya and
/// Tanzania … say", "people close to Lund said".
#[rustfmt::skip]
static PREPOSITIONS: WordSet = WordSet::new(&[
    "in", "at", "from", "to", "into", "across", "near", "with", "about", "against", "between",
    "among",
]);

/// Whether the phrase `tokens[start..end]` is the object of a preposition, alone or, for a
/// place, as the last of two joined by "and" or "or" ("in Kenya and Tanzania"; not "in May and
/// Lopez said").
fn object_of_preposition(tokens: &[Token<'_>], start: usize, end: usize) -> bool {
    let mut k = start;
    if k > 0
        && matches!(tokens[k - 1].lower().as_ref(), "and" | "or")
        && crate::extract::places::is_place(&join_tokens(&tokens[start..end]))
    {
        k -= 1;
        while k > 0 && tokens[k - 1].is_word() && tokens[k - 1].is_capitalized() {
            k -= 1;
        }
    }
    k > 0 && tokens[k - 1].lower_in(&PREPOSITIONS)
}

/// Weekdays, months and relative days: when something was said, never who said it. ("May" and
/// "March" are also names and words; abbreviations are left to the tagger.)
fn is_calendar(t: &Token<'_>) -> bool {
    let mut buf = [0u8; 24];
    let Some(lower) = crate::extract::words::ascii_lower(t.text, &mut buf) else {
        return false;
    };
    matches!(lower, "today" | "yesterday" | "tonight")
        || crate::extract::timex::weekday_of(lower).is_some()
        || (crate::extract::timex::month_of(lower).is_some_and(|(_, abbreviated)| !abbreviated)
            && !matches!(lower, "may" | "march"))
}

/// The subject phrase ending just before token `verb`, or "" when there is none.
pub(super) fn phrase_before(tokens: &[Token<'_>], verb: usize) -> String {
    let end = subject_end(tokens, verb);
    let mut start = end;
    let mut has_name = false;
    while start > 0 && end - start < 12 {
        let t = &tokens[start - 1];
        // "Service Corp. International", "J. P. Morgan": the dot of an abbreviation in a name;
        // "Ogden Projects Inc. said": the dot of a legal form that ends it.
        let abbreviation =
            start >= 2 && tokens[start - 2].is_capitalized() && tokens[start - 2].end == t.start;
        let legal_form = abbreviation
            && matches!(
                tokens[start - 2].text,
                "Inc" | "Corp" | "Co" | "Cos" | "Ltd" | "Bros" | "Mfg" | "Ind"
            );
        // "A senior U.S. official said": an abbreviation before the speaker noun.
        let before_noun = start < end && SPEAKER_NOUNS.contains(&tokens[start].lower().as_ref());
        if t.text == "."
            && abbreviation
            && (legal_form || (start < end && tokens[start].is_capitalized()) || before_noun)
        {
            start -= 1;
            continue;
        }
        // "AT&T", "Johnson & Johnson".
        if t.text == "&"
            && start < end
            && tokens[start].is_capitalized()
            && start >= 2
            && tokens[start - 2].is_capitalized()
        {
            start -= 1;
            continue;
        }
        // "Supporters' groups said": a plural possessive ends in its apostrophe.
        if matches!(t.text, "'" | "’")
            && start >= 2
            && tokens[start - 2].end == t.start
            && tokens[start - 2].text.ends_with('s')
            && start < end
        {
            start -= 1;
            continue;
        }
        // "OPEC+": a sign glued to the end of a name.
        if t.text == "+"
            && start >= 2
            && tokens[start - 2].is_capitalized()
            && tokens[start - 2].end == t.start
        {
            start -= 1;
            continue;
        }
        if !t.is_word() {
            break;
        }
        // "Ursula von der Leyen", "Mohammed bin Salman": a particle between a name's words.
        if start >= 2
            && is_particle_in_name(tokens, start - 1)
            && (tokens[start - 2].is_capitalized() || tokens[start - 2].lower_in(&NAME_PARTICLES))
        {
            start -= 1;
            continue;
        }
        let lower = t.lower();
        // Inside a name: "International Organization for Migration", "president of Chile".
        let joins_name = (matches!(lower.as_ref(), "of" | "for" | "on")
            && start < end
            && (tokens[start].is_capitalized()
                || (tokens[start].lower() == "the"
                    && tokens.get(start + 1).is_some_and(Token::is_capitalized)))
            && start >= 2
            && (tokens[start - 2].is_capitalized()
                || SPEAKER_NOUNS.contains(&tokens[start - 2].lower().as_ref())))
            // "Office for the Coordination of …": "the" after the joining word.
            || (lower == "the"
                && start < end
                && tokens[start].is_capitalized()
                && start >= 3
                && matches!(tokens[start - 2].lower().as_ref(), "of" | "for")
                && tokens[start - 3].is_capitalized());
        if joins_name {
            start -= 1;
            continue;
        }
        // "Officials in Kenya said": the officials speak, not the place; "Analysts at Goldman
        // Sachs expect": the analysts of the firm; "an official from the ministry", "an aide to
        // President Ana Vidal": whom the noun before the preposition speaks for.
        if PREPOSITIONS.contains(&lower)
            && start >= 2
            && (SPEAKER_NOUNS.contains(&tokens[start - 2].lower().as_ref())
                || tokens[start - 2].lower_in(&DEPENDENT_ROLES))
        {
            start -= 1;
            continue;
        }
        // "Department of Energy and Climate Change", "Department for Energy Security and Net
        // Zero": capitalized words back to the "of" or "for" inside the name.
        let inside_name = {
            let mut k = start - 1;
            while k > 0 && start - 1 - k < 4 && tokens[k - 1].is_capitalized() {
                k -= 1;
            }
            k < start - 1
                && k >= 2
                && matches!(tokens[k - 1].lower().as_ref(), "of" | "for")
                && tokens[k - 2].is_capitalized()
        };
        if lower == "and" && inside_name {
            start -= 1;
            continue;
        }
        if lower == "and" {
            // "Washington and experts said" joins; "… since July and Shin said" does not.
            if has_name || start < 2 || !tokens[start - 2].is_capitalized() {
                break;
            }
        } else if t.is_capitalized() {
            // "AT" of "AT&T" is a name, "At" a clause word.
            let acronym = t.text.len() > 1 && t.text.chars().all(|c| c.is_ascii_uppercase());
            if CLAUSE_WORDS.contains(&lower.as_ref()) && !acronym {
                break;
            }
            has_name = true;
        } else if !(SPEAKER_NOUNS.contains(&lower.as_ref())
            || (DEPENDENT_ROLES.contains(&lower)
                && start < end
                && tokens[start].lower_in(&PREPOSITIONS))
            || is_modifier_of_noun(&tokens[start..end], &lower))
        {
            break;
        }
        start -= 1;
    }
    while start < end
        && (matches!(tokens[start].lower().as_ref(), "of" | "for" | "on" | "&")
            || !tokens[start].is_word())
    {
        start += 1;
    }
    if start == end || !is_speaker(&tokens[start..end]) || object_of_preposition(tokens, start, end)
    {
        return String::new();
    }
    join_tokens(&tokens[start..end])
}

/// The tokens as written, without a leading article: tokens that touch stay joined ("AT&T").
pub(super) fn join_tokens(tokens: &[Token<'_>]) -> String {
    let mut from = 0;
    while from + 1 < tokens.len() && matches!(tokens[from].lower().as_ref(), "the" | "a" | "an") {
        from += 1;
    }
    let mut out = String::new();
    let mut last_end = None;
    for t in &tokens[from..] {
        if last_end.is_some_and(|e| e != t.start) {
            out.push(' ');
        }
        out.push_str(t.text);
        last_end = Some(t.end);
    }
    out
}

/// Joins tokens with spaces, but glues possessive apostrophes: "authority ’ s" stays "authority’s".
pub(super) fn join_words(words: &[&str]) -> String {
    let mut out = String::new();
    for w in words {
        if !out.is_empty() && !matches!(*w, "’" | "'") && !out.ends_with(['’', '\'']) {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// A lowercase word placed before a speaker noun ("defence" in "defence minister", "state" in
/// "state media", "central" in "the central bank").
fn is_modifier_of_noun(rest: &[Token<'_>], lower: &str) -> bool {
    let Some(head) = rest.iter().rev().find(|t| t.is_word()) else {
        return false;
    };
    let head_is_noun = SPEAKER_NOUNS.contains(&head.lower().as_ref());
    // Up to two modifiers: "the central bank", "senior military officials".
    let modifiers = rest
        .iter()
        .take_while(|t| !SPEAKER_NOUNS.contains(&t.lower().as_ref()))
        .count();
    head_is_noun
        && modifiers < 2
        && (TITLE_WORDS.contains(&lower)
            || matches!(lower, "the" | "his" | "her" | "their" | "its" | "a")
            || (lower.chars().all(char::is_alphabetic) && !NOT_MODIFIERS.contains(&lower)))
}

/// A speaker phrase starting at token `from` (capitalized words, possessives, role nouns), and the
/// index after it.
pub(super) fn phrase_after(tokens: &[Token<'_>], from: usize) -> (String, usize) {
    let mut end = from;
    while end < tokens.len() && end - from < 12 {
        let t = &tokens[end];
        // "says Mr. Litvack", "said J. Smith": the dot of a title or an initial inside a name.
        if t.text == "."
            && end > from
            && tokens[end - 1].end == t.start
            && (tokens[end - 1].lower_in(&HONORIFICS)
                || (tokens[end - 1].text.len() == 1 && tokens[end - 1].is_capitalized()))
            && tokens.get(end + 1).is_some_and(Token::is_capitalized)
        {
            end += 1;
            continue;
        }
        let lower = t.lower();
        // A lowercase modifier counts when a speaker noun follows it: "the census office".
        let modifies_noun = || {
            lower.chars().all(char::is_alphabetic)
                && !NOT_MODIFIERS.contains(&lower.as_ref())
                && tokens[end + 1..tokens.len().min(end + 3)]
                    .iter()
                    .any(|n| SPEAKER_NOUNS.contains(&n.lower().as_ref()))
        };
        // "Lena von der Heide", "the Office for the Coordination of Humanitarian Affairs":
        // particles and joining words between a name's capitalized words.
        let inside_name = end > from
            && (tokens[end - 1].is_capitalized() || tokens[end - 1].lower_in(&NAME_PARTICLES))
            && (is_particle_in_name(tokens, end)
                // ("and" only after "of" or "for": "Department of Energy and Climate
                // Change", not "ABC News and the Washington Post".)
                || ((lower == "for"
                    || (lower == "and"
                        && tokens[from..end]
                            .iter()
                            .any(|t| matches!(t.text, "of" | "for"))))
                    && tokens.get(end + 1).is_some_and(|n| {
                        n.is_capitalized()
                            || (n.lower() == "the"
                                && tokens.get(end + 2).is_some_and(Token::is_capitalized))
                    })));
        let ok = t.is_word()
            && !is_calendar(t)
            && (t.is_capitalized()
                || inside_name
                || SPEAKER_NOUNS.contains(&lower.as_ref())
                || TITLE_WORDS.contains(&lower.as_ref())
                || matches!(lower.as_ref(), "the" | "of")
                || modifies_noun()
                // "the latest Integrated Food Security Phase Classification analysis".
                || matches!(lower.as_ref(), "a" | "an") && end == from
                || (end > from
                    && matches!(tokens[end - 1].lower().as_ref(), "the" | "a" | "an")
                    && lower.chars().all(char::is_alphabetic)
                    && !NOT_MODIFIERS.contains(&lower.as_ref())
                    && tokens.get(end + 1).is_some_and(Token::is_capitalized)));
        if !ok {
            break;
        }
        end += 1;
    }
    while end > from
        && matches!(
            tokens[end - 1].lower().as_ref(),
            "the" | "of" | "for" | "and"
        )
    {
        end -= 1;
    }
    if !is_speaker(&tokens[from..end]) {
        return (String::new(), end);
    }
    // "the latest Integrated …": the name without the adjective before it.
    let first_name = tokens[from..end]
        .iter()
        .position(Token::is_capitalized)
        .unwrap_or(0);
    let mut words: Vec<std::borrow::Cow<'_, str>> = Vec::new();
    for (k, t) in tokens[from..end].iter().enumerate() {
        if t.text == "." {
            // "Mr." glued to its title.
            if let Some(last) = words.last_mut() {
                last.to_mut().push('.');
            }
            continue;
        }
        if k >= first_name || SPEAKER_NOUNS.contains(&t.lower().as_ref()) || t.lower() == "the" {
            words.push(std::borrow::Cow::Borrowed(t.text));
        }
    }
    let words: Vec<&str> = words.iter().map(|w| w.as_ref()).collect();
    // "according to Upjohn's estimates": Upjohn.
    let phrase = strip_determiners(&words);
    let phrase = phrase
        .strip_suffix("'s")
        .or_else(|| phrase.strip_suffix("’s"))
        .map_or(phrase.clone(), str::to_string);
    (phrase, end)
}

/// Titles written with a dot before a name: "Mr. Litvack", "Dr. Osei".
#[rustfmt::skip]
static HONORIFICS: WordSet = WordSet::new(&[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "rev",
    "messrs", "st",
]);

fn is_speaker(tokens: &[Token<'_>]) -> bool {
    tokens.iter().any(|t| {
        let lower = t.lower();
        (t.is_capitalized() && !CLAUSE_WORDS.contains(&lower.as_ref()) && lower != "the")
            || SPEAKER_NOUNS.contains(&lower.as_ref())
            || PRONOUNS.contains(&lower.as_ref())
    })
}

/// A phrase made only of capitalized words, with a name's particles between them ("Charles de
/// Gaulle"): a proper name.
pub(super) fn is_name(phrase: &str) -> bool {
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let capitalized = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    words.first().is_some_and(capitalized)
        && words.last().is_some_and(capitalized)
        && words
            .iter()
            .all(|w| capitalized(w) || NAME_PARTICLES.contains(w))
}

fn strip_determiners(words: &[&str]) -> String {
    let mut words = words;
    while let Some(first) = words.first() {
        if matches!(first.to_lowercase().as_str(), "the" | "a" | "an") && words.len() > 1 {
            words = &words[1..];
        } else {
            break;
        }
    }
    words.join(" ")
}
