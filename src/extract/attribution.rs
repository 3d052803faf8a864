//! Sentences in, who said each one out: "X said", "said X", "X told reporters", "according to X",
//! "X accused …". Titles and names are joined across the article ("South Korea's defence minister"
//! and "Defence Minister Shin Won-sik" are one person), surnames and pronouns resolve to the last
//! person named, and a quote sentence with no speaker of its own belongs to the previous speaker.

use std::ops::Range;

use super::tokens::{Token, tokenize};

/// The speaker of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The speaker, in the fullest form the article gives ("Defence Minister Shin Won-sik").
    pub speaker: String,
    /// Byte range of the speech verb ("said"), the anchor for the statement's date.
    pub verb: Range<usize>,
}

/// Verbs that report speech or a claim.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "accused",
    "accuses",
    "claimed",
    "claims",
    "estimated",
    "estimates",
    "reported",
    "reports",
    "announced",
    "announces",
    "declared",
    "declares",
    "stated",
    "states",
    "added",
    "adds",
    "noted",
    "warned",
    "warns",
    "insisted",
    "confirmed",
    "confirms",
    "denied",
    "denies",
    "argued",
    "explained",
    "wrote",
    "writes",
    "disclosed",
    "revealed",
    "alleged",
    "alleges",
    "predicted",
    "predicts",
    "forecast",
    "forecasts",
    "acknowledged",
    "admitted",
    "testified",
    "indicated",
    "asserted",
    "stressed",
    "tweeted",
    "posted",
];

/// Words that may stand between a subject and its speech verb.
const AUXILIARIES: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "was",
    "were",
    "is",
    "are",
    "previously",
    "earlier",
    "later",
    "repeatedly",
    "again",
    "reportedly",
    "publicly",
    "separately",
    "then",
    "further",
    "would",
    "will",
    "may",
    "might",
    "could",
    "had",
    "been",
    "already",
    "recently",
    "has",
    "not",
];

/// Lowercase words that can head a speaker phrase ("officials said", "state media said").
const SPEAKER_NOUNS: &[&str] = &[
    "minister",
    "ministry",
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "police",
    "media",
    "president",
    "army",
    "military",
    "government",
    "agency",
    "analyst",
    "analysts",
    "experts",
    "expert",
    "source",
    "sources",
    "message",
    "statement",
    "report",
    "leader",
    "chief",
    "officer",
    "authorities",
    "commander",
    "secretary",
    "director",
    "researchers",
    "scientists",
    "diplomats",
    "diplomat",
    "office",
    "department",
    "committee",
    "council",
    "lawmakers",
    "witnesses",
    "residents",
    "prosecutors",
    "investigators",
    "company",
    "bank",
    "spokespeople",
    "survey",
    "study",
    "data",
    "figures",
    "ambassador",
    "governor",
    "mayor",
];

/// Capitalized words that are titles before a name.
const TITLE_WORDS: &[&str] = &[
    "minister",
    "president",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "general",
    "chancellor",
    "prime",
    "foreign",
    "defence",
    "defense",
    "deputy",
    "chief",
    "director",
    "ambassador",
    "governor",
    "mayor",
    "senator",
    "representative",
    "premier",
    "king",
    "queen",
    "prince",
    "admiral",
    "colonel",
    "commander",
    "lieutenant",
    "sergeant",
    "captain",
    "finance",
    "interior",
    "justice",
    "trade",
    "vice",
    "first",
    "state",
    "national",
    "security",
    "adviser",
    "advisor",
    "envoy",
    "leader",
    "chairman",
    "chairwoman",
    "speaker",
    "judge",
    "prosecutor",
    "gen",
    "lt",
    "col",
    "sen",
    "rep",
    "gov",
    "dr",
    "mr",
    "mrs",
    "ms",
    "unification",
    "economy",
    "health",
    "energy",
    "agriculture",
    "education",
    "labour",
    "labor",
    "transport",
    "home",
    "culture",
];

/// Lowercase words that never modify a speaker noun (clause words, prepositions, verbs' helpers).
const NOT_MODIFIERS: &[&str] = &[
    "and", "or", "but", "that", "which", "who", "as", "when", "while", "if", "because", "after",
    "before", "since", "of", "to", "in", "on", "at", "by", "for", "with", "from", "than", "so",
    "said", "says", "told", "is", "was", "are", "were", "has", "have", "had", "not", "then",
];

const PRONOUNS: &[&str] = &["he", "she", "they"];

/// A person named with a title somewhere in the article.
#[derive(Debug, Clone)]
struct Person {
    /// "Defence Minister".
    title: String,
    /// "Shin Won-sik".
    name: String,
}

impl Person {
    fn display(&self) -> String {
        if self.title.is_empty() {
            self.name.clone()
        } else {
            format!("{} {}", self.title, self.name)
        }
    }
}

/// Finds the speaker of each sentence (`None` where there is none).
pub fn attribute(text: &str, sentences: &[Range<usize>]) -> Vec<Option<Attribution>> {
    let tokenized: Vec<Vec<Token<'_>>> = sentences
        .iter()
        .map(|s| tokenize(text, s.clone()))
        .collect();
    let people: Vec<Person> = tokenized.iter().flat_map(|t| titled_people(t)).collect();
    let mut out: Vec<Option<Attribution>> = Vec::with_capacity(sentences.len());
    let mut last_person: Option<String> = None;
    for (i, tokens) in tokenized.iter().enumerate() {
        let found = find_speaker(tokens).and_then(|(phrase, verb)| {
            let speaker = resolve(&phrase, &people, last_person.as_deref())?;
            Some(Attribution { speaker, verb })
        });
        let found = found.or_else(|| {
            // A quote with no speaker of its own continues the previous sentence's speaker.
            let starts_quote = text[sentences[i].clone()].starts_with(['“', '"']);
            if starts_quote {
                out.last().cloned().flatten()
            } else {
                None
            }
        });
        if let Some(a) = &found
            && people.iter().any(|p| p.display() == a.speaker)
        {
            last_person = Some(a.speaker.clone());
        }
        // A titled person named anywhere in the sentence becomes the antecedent of "he"/"she".
        if let Some(p) = titled_people(tokens).last() {
            last_person = Some(p.display());
        }
        out.push(found);
    }
    out
}

/// The speaker phrase and the speech verb's range, from the first speech verb of the sentence.
fn find_speaker(tokens: &[Token<'_>]) -> Option<(String, Range<usize>)> {
    for (i, t) in tokens.iter().enumerate() {
        let lower = t.lower();
        if lower == "according" && tokens.get(i + 1).is_some_and(|n| n.lower() == "to") {
            let phrase = phrase_after(tokens, i + 2);
            if !phrase.is_empty() {
                return Some((phrase, t.range()));
            }
            continue;
        }
        // "The United States said": a capitalized "States" is a name, not the verb.
        if t.is_capitalized() || !SPEECH_VERBS.contains(&lower.as_str()) {
            continue;
        }
        let before = phrase_before(tokens, i);
        if !before.is_empty() {
            return Some((before, t.range()));
        }
        // "…,” said Shin" — the subject follows the verb.
        let after = phrase_after(tokens, i + 1);
        if !after.is_empty() && tokens.get(i + 1).is_some_and(|n| n.is_capitalized()) {
            return Some((after, t.range()));
        }
    }
    None
}

/// The subject phrase ending just before token `verb`, or "" when there is none.
fn phrase_before(tokens: &[Token<'_>], verb: usize) -> String {
    let mut end = verb;
    while end > 0 && AUXILIARIES.contains(&tokens[end - 1].lower().as_str()) {
        end -= 1;
    }
    let mut start = end;
    let mut has_name = false;
    while start > 0 && end - start < 8 {
        let t = &tokens[start - 1];
        if !t.is_word() {
            break;
        }
        let lower = t.lower();
        if lower == "and" {
            // "Washington and experts said" joins; "… since July and Shin said" does not.
            if has_name || start < 2 || !tokens[start - 2].is_capitalized() {
                break;
            }
        } else if t.is_capitalized() {
            has_name = true;
        } else if !(SPEAKER_NOUNS.contains(&lower.as_str())
            || is_modifier_of_noun(&tokens[start..end], &lower))
        {
            break;
        }
        start -= 1;
    }
    let words: Vec<&str> = tokens[start..end].iter().map(|t| t.text).collect();
    let phrase = strip_determiners(&words);
    if phrase.is_empty() || !is_speaker(&tokens[start..end]) {
        return String::new();
    }
    phrase
}

/// A lowercase word placed before a speaker noun ("defence" in "defence minister", "state" in
/// "state media").
fn is_modifier_of_noun(rest: &[Token<'_>], lower: &str) -> bool {
    let Some(head) = rest.iter().rev().find(|t| t.is_word()) else {
        return false;
    };
    let head_is_noun = SPEAKER_NOUNS.contains(&head.lower().as_str());
    // Up to two modifiers: "the central bank", "senior military officials".
    let modifiers = rest
        .iter()
        .take_while(|t| !SPEAKER_NOUNS.contains(&t.lower().as_str()))
        .count();
    head_is_noun
        && modifiers < 2
        && (TITLE_WORDS.contains(&lower)
            || matches!(lower, "the" | "his" | "her" | "their" | "its" | "a")
            || (lower.chars().all(char::is_alphabetic) && !NOT_MODIFIERS.contains(&lower)))
}

/// A speaker phrase starting at token `from`: capitalized words, possessives and role nouns.
fn phrase_after(tokens: &[Token<'_>], from: usize) -> String {
    let mut end = from;
    while end < tokens.len() && end - from < 8 {
        let t = &tokens[end];
        let lower = t.lower();
        let ok = t.is_word()
            && (t.is_capitalized()
                || SPEAKER_NOUNS.contains(&lower.as_str())
                || TITLE_WORDS.contains(&lower.as_str())
                || matches!(lower.as_str(), "the" | "of"));
        if !ok {
            break;
        }
        end += 1;
    }
    while end > from && matches!(tokens[end - 1].lower().as_str(), "the" | "of") {
        end -= 1;
    }
    let words: Vec<&str> = tokens[from..end].iter().map(|t| t.text).collect();
    if !is_speaker(&tokens[from..end]) {
        return String::new();
    }
    strip_determiners(&words)
}

fn is_speaker(tokens: &[Token<'_>]) -> bool {
    tokens.iter().any(|t| {
        let lower = t.lower();
        (t.is_capitalized() && !matches!(lower.as_str(), "the" | "it" | "this" | "that" | "there"))
            || SPEAKER_NOUNS.contains(&lower.as_str())
            || PRONOUNS.contains(&lower.as_str())
    })
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

/// "Defence Minister Shin Won-sik": capitalized title words followed by a capitalized name.
fn titled_people(tokens: &[Token<'_>]) -> Vec<Person> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let mut j = i;
        while j < tokens.len()
            && tokens[j].is_capitalized()
            && TITLE_WORDS.contains(&tokens[j].lower().trim_end_matches(['’', '\'']))
        {
            j += 1;
        }
        let has_role = (i..j).any(|k| {
            !matches!(
                tokens[k].lower().as_str(),
                "foreign"
                    | "defence"
                    | "defense"
                    | "deputy"
                    | "first"
                    | "state"
                    | "national"
                    | "vice"
            )
        });
        let mut k = j;
        while k < tokens.len() && k - j < 4 && tokens[k].is_capitalized() && tokens[k].is_word() {
            k += 1;
        }
        if j > i && k > j && has_role {
            let title: Vec<&str> = tokens[i..j].iter().map(|t| t.text).collect();
            let name: Vec<&str> = tokens[j..k].iter().map(|t| t.text).collect();
            out.push(Person {
                title: title.join(" "),
                name: name.join(" "),
            });
            i = k;
        } else {
            i = j.max(i + 1);
        }
    }
    out
}

/// Joins a speaker phrase to a titled person of the article when it names their role or surname.
fn resolve(phrase: &str, people: &[Person], last_person: Option<&str>) -> Option<String> {
    let lower = phrase.to_lowercase();
    if PRONOUNS.contains(&lower.as_str()) {
        return last_person.map(str::to_string);
    }
    if lower == "it" {
        return None;
    }
    // The role at the end of the phrase: "south korea’s defence minister" → "defence minister".
    let role = lower
        .rsplit(['’', '\''])
        .next()
        .unwrap_or(&lower)
        .trim_start_matches('s')
        .trim();
    for p in people {
        let title = p.title.to_lowercase();
        let name = p.name.to_lowercase();
        let name_words: Vec<&str> = name.split_whitespace().collect();
        let same_role = !role.is_empty() && (role == title || role.ends_with(&format!(" {title}")));
        let surname = name_words.len() > 1 && name_words.contains(&lower.as_str());
        if same_role || surname || lower == name || lower.ends_with(&name) {
            return Some(p.display());
        }
    }
    Some(phrase.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::sentences::split_sentences;

    fn speakers(text: &str) -> Vec<Option<String>> {
        let s = split_sentences(text);
        attribute(text, &s)
            .into_iter()
            .map(|a| a.map(|a| a.speaker))
            .collect()
    }

    #[test]
    fn finds_speakers_in_common_patterns() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Prices rose, the central bank said on Tuesday.",
                Some("central bank"),
            ),
            (
                "“We are ready,” said Mayor Ana Lopez.",
                Some("Mayor Ana Lopez"),
            ),
            (
                "Exports fell 5%, according to the Trade Ministry.",
                Some("Trade Ministry"),
            ),
            (
                "Ukraine accused Moscow of shelling the plant.",
                Some("Ukraine"),
            ),
            (
                "Local officials told reporters the road was closed.",
                Some("Local officials"),
            ),
            ("The storm flooded the valley.", None),
            (
                "Rescuers arrived in May and Lopez said the worst was over.",
                Some("Lopez"),
            ),
            (
                "Brussels and analysts have said the deal is off.",
                Some("Brussels and analysts"),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(speakers(text), vec![want.map(str::to_string)], "{text}");
        }
    }

    #[test]
    fn joins_roles_surnames_and_pronouns_to_named_people() {
        let text = "Exports fell, Chile’s finance minister said. “It will pass,” Finance Minister Rosa Vial said. \
                    Vial said more. He said it again. “The rest is noise.”";
        let all = speakers(text);
        assert_eq!(all.len(), 5);
        for s in all {
            assert_eq!(s.as_deref(), Some("Finance Minister Rosa Vial"));
        }
    }
}
