//! A speaker as written in, whether it is a person, a body or a group out, for the schema.org
//! type of a claim's author: "Defence Minister Shin Won-sik", "Chief executive Maria Lund", "the
//! president of Chile", "a spokesman for the port authority" and a surname alone ("Wei", "Kim")
//! are people; "Red Cross", "United States", "IOM", "Seoul", "Nordvik AS" are bodies;
//! "officials", "analysts at Halvard Securities", "two people familiar with the matter" are
//! groups, which have no schema.org type. Rules as data: the word lists below and
//! [`super::places::PLACES`].
//!
//! This reads the string alone. Attribution decides the kind where it finds the speaker
//! ([`super::attribution::Attribution::kind`]), from how it was found (a title and a name, a
//! company's fullest name, a group's noun), and keeps this reading for what it cannot tell
//! otherwise; a speaker given by hand in front matter is typed by this reading.

use serde::{Deserialize, Serialize};

use super::places::is_place;
use super::words::WordSet;

/// What kind of author a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// One person: a name with a given name, or a role held by one person.
    Person,
    /// An organization, or a place speaking for its government.
    Organization,
    /// People or bodies named by a plural noun ("officials", "analysts", "residents"): no one
    /// author.
    Group,
}

impl SpeakerKind {
    /// The label used in JSON and CSV: `person`, `organization`, `group`.
    pub fn label(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organization => "organization",
            SpeakerKind::Group => "group",
        }
    }

    /// The schema.org type name; none for a group.
    pub fn schema_type(self) -> Option<&'static str> {
        match self {
            SpeakerKind::Person => Some("Person"),
            SpeakerKind::Organization => Some("Organization"),
            SpeakerKind::Group => None,
        }
    }
}

/// Plural nouns of several people or bodies: a speaker headed by one is a group ("senior
/// officials", "analysts at Halvard", "Supporters' groups").
#[rustfmt::skip]
static GROUP_NOUNS: WordSet = WordSet::new(&[
    "officials", "analysts", "economists", "traders", "dealers", "brokers", "bankers",
    "investors", "experts", "sources", "people", "residents", "witnesses", "members",
    "relatives", "families", "doctors", "medics", "rescuers", "researchers", "scientists",
    "diplomats", "lawmakers", "legislators", "prosecutors", "investigators", "ministers",
    "observers", "monitors", "activists", "rebels", "militants", "insurgents", "protesters",
    "organizers", "organisers", "employers", "workers", "lawyers", "attorneys", "commanders",
    "generals", "officers", "executives", "managers", "owners", "strategists", "forecasters",
    "negotiators", "inspectors", "regulators", "aides", "advisers", "advisors", "authorities",
    "partners", "directors", "groups", "unions", "companies", "firms", "banks", "governments",
    "agencies", "leaders", "supporters", "fans", "voters", "farmers", "critics", "opponents",
    "shareholders", "creditors", "bondholders", "students", "teachers", "nurses", "polls",
    "spokespeople", "scholars", "engineers", "planners", "consultants", "physicians", "staff",
]);

/// Words after the head of a speaker phrase that qualify it: "officials at the ministry",
/// "people familiar with the matter", "a spokesman for the port authority".
#[rustfmt::skip]
static QUALIFYING_WORDS: WordSet = WordSet::new(&[
    "of", "for", "at", "in", "with", "from", "on", "to", "familiar", "close", "briefed",
    "involved", "knowledgeable", "who", "which", "polled", "surveyed", "and",
]);

/// The words of a speaker phrase up to what qualifies its head: "two people" of "two people
/// familiar with the matter", "Department" of "Department of Energy".
fn head_words(head: &str) -> Vec<&str> {
    head.split_whitespace()
        .take_while(|w| !QUALIFYING_WORDS.contains(w))
        .collect()
}

/// The last of `words`, without the marks around it and lowercased.
fn last_lower(words: &[&str]) -> Option<String> {
    let w = words.last()?;
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    Some(w.to_lowercase())
}

/// Words of an organization's or a place's name: "Red Cross", "Nordvik AS", "United States",
/// "Department of Energy".
#[rustfmt::skip]
static BODY_WORDS: WordSet = WordSet::new(&[
    "inc", "corp", "co", "ltd", "plc", "ag", "as", "sa", "nv", "gmbh", "llc", "group", "bank",
    "organization", "organisation", "ministry", "department", "agency", "council", "union",
    "programme", "program", "fund", "committee", "office", "police", "army", "government",
    "court", "league", "club", "association", "cross", "crescent", "nations", "states",
    "kingdom", "republic", "united", "federation", "commission", "institute", "authority",
    "bureau", "service", "centre", "center", "party", "coalition", "alliance", "board", "trust",
    "foundation", "university", "airlines", "airways", "motors", "systems", "industries",
    "holdings", "partners", "international", "news", "times", "post", "journal",
    "reuters", "media", "television", "radio", "network", "exchange", "reserve", "treasury",
    "parliament", "senate", "congress", "cabinet", "embassy", "mission", "forces", "navy",
    "ministers", "officials", "analysts", "sources", "members", "relatives", "doctors",
    "residents", "witnesses", "investigators", "prosecutors", "lawmakers", "diplomats",
    "researchers", "experts", "authorities", "leaders", "groups", "workers", "staff",
    "lines", "airline", "cos", "company", "companies", "firm",
    "traders", "economists", "forecasters", "polls", "poll", "unions", "families", "people",
    "police", "militants", "rebels", "troops", "protesters", "voters", "investors", "banks",
    "watch", "forum", "school", "academy", "society", "observatory", "endowment", "institution",
    "house", "city",
]);

/// Words of a company's name after its own ("Nordvik Telecom", "Crossland Savings Bank") that
/// also qualify a person's role ("Energy Secretary …", "Chief Financial Officer …"): a body's
/// when no role is named.
#[rustfmt::skip]
static TRADE_WORDS: WordSet = WordSet::new(&[
    "telecom", "electric", "electronics", "energy", "oil", "petroleum", "steel", "chemical",
    "chemicals", "computer", "communications", "financial", "capital", "securities", "savings",
    "insurance", "investments", "mining", "resources", "pharmaceuticals", "foods", "brands",
    "entertainment", "shipping", "logistics", "technologies", "software", "enterprises",
]);

/// Roles one person holds: "Defence Minister …", "the president of Chile", "a spokeswoman".
#[rustfmt::skip]
static PERSON_ROLES: WordSet = WordSet::new(&[
    "minister", "president", "spokesman", "spokeswoman", "spokesperson", "chief", "executive",
    "director", "secretary", "governor", "mayor", "ambassador", "judge", "prosecutor",
    "chairman", "chairwoman", "chair", "commander", "general", "senator", "representative",
    "official", "analyst", "economist", "manager", "coach", "founder", "ceo", "head", "leader",
    "king", "queen", "prince", "princess", "pope", "dr", "mr", "mrs", "ms", "sir", "lady",
    "lord", "captain", "colonel", "sheriff", "chancellor", "premier", "dean", "professor",
    // One person described, not named: "a source familiar with …", "a trader at …".
    "source", "person", "aide", "insider", "trader", "dealer", "broker", "banker", "lawyer",
    "strategist", "investor", "witness", "resident", "doctor", "adviser", "advisor",
]);

/// Whether `word` (any case, marks around it ignored) is a word of an organization's or a
/// place's name ("Bank", "Inc.", "Lines").
pub(crate) fn is_body_word(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    BODY_WORDS.contains_lower(word) || TRADE_WORDS.contains_lower(word)
}

/// Whether `word` (any case, marks around it ignored) names a role one person holds
/// ("Analyst", "spokesman"), not a name.
pub(crate) fn is_role_word(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    PERSON_ROLES.contains_lower(word)
}

/// Whether `speaker` may be an organization where a person cannot be meant (what "it" refers
/// to, what decides on "its" figure): a body or a group, or one word, which names a company as
/// often as a person ("Nordvik", "Sansui").
pub(crate) fn may_be_body(speaker: &str) -> bool {
    !speaker.trim().contains(' ') || speaker_kind(speaker) != SpeakerKind::Person
}

/// The kind of `speaker`, as a claim's author, read from the string alone.
pub fn speaker_kind(speaker: &str) -> SpeakerKind {
    // "Tom Reyes, a spokesman for the port authority": the name before the apposition.
    let head = speaker.split(',').next().unwrap_or(speaker);
    // "analysts at Halvard", "two people familiar with the matter": a plural noun heads a
    // group; "a spokesman for the port authority": a role one person holds heads a person.
    let core = head_words(head);
    if let Some(noun) = last_lower(&core) {
        if GROUP_NOUNS.contains(noun.as_str()) {
            return SpeakerKind::Group;
        }
        if core.len() < head.split_whitespace().count() && PERSON_ROLES.contains(noun.as_str()) {
            return SpeakerKind::Person;
        }
    }
    let words: Vec<&str> = head.split_whitespace().collect();
    // Whether a word, without the marks around it and lowercased, is one of `set`'s: an ASCII
    // word is lowercased without allocating.
    let listed = |set: &WordSet, w: &str| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_ascii() {
            set.contains_lower(w)
        } else {
            set.contains(w.to_lowercase().as_str())
        }
    };
    // An organization's word anywhere names a body ("Red Cross", "the IOM's officials").
    if words.iter().any(|w| listed(&BODY_WORDS, w)) {
        return SpeakerKind::Organization;
    }
    // A role one person holds ("Defence Minister Shin Won-sik", "president of Chile").
    if words.iter().any(|w| listed(&PERSON_ROLES, w)) {
        return SpeakerKind::Person;
    }
    if words.iter().any(|w| listed(&TRADE_WORDS, w)) {
        return SpeakerKind::Organization;
    }
    // A place alone speaks for its government: "Seoul", "South Korea".
    if is_place(head.trim().trim_start_matches("the ")) {
        return SpeakerKind::Organization;
    }
    // A name of two to four capitalized words, none an acronym ("Maria Lund", "Shin Won-sik"),
    // or one word written as a surname is.
    let name = match words.as_slice() {
        // A single word is a surname ("Wei said", "Kim said") unless it is written as no
        // person's name is: an acronym ("IOM"), a lowercase noun ("partners"), a possessive
        // ("Shoney's"), capitals inside ("PetroLens", after a Mc/Mac/O' prefix excepted),
        // two capitalized halves joined by a hyphen ("Hewlett-Packard"), a sign or a digit.
        [word] => is_surname(word),
        // ("Charles de Gaulle", "Mohammed bin Salman": a name's particles between its words.)
        _ => {
            let particle = |w: &&str| super::attribution::lexicon::NAME_PARTICLES.contains(w);
            (2..=4).contains(&words.iter().filter(|w| capitalized(w)).count())
                && words.first().is_some_and(capitalized)
                && words.last().is_some_and(capitalized)
                && words.iter().all(|w| capitalized(w) || particle(w))
                && !words.iter().any(acronym)
        }
    };
    if name {
        SpeakerKind::Person
    } else {
        // A description or a name written as a company's: a body speaking.
        SpeakerKind::Organization
    }
}

fn capitalized(w: &&str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn acronym(w: &&str) -> bool {
    let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() > 1 && letters.iter().all(|c| c.is_uppercase())
}

/// Whether one word is written as a surname is: capitalized, letters only (an apostrophe or a
/// hyphen inside, as in "O'Neill" and "Won-sik"), no capital after the first but that of a
/// "Mc", "Mac" or "O'" prefix, and not a possessive.
fn is_surname(word: &str) -> bool {
    if !capitalized(&word) || acronym(&word) {
        return false;
    }
    if word.ends_with("'s") || word.ends_with("’s") || word.ends_with(['\'', '’']) {
        return false;
    }
    if !word
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
    {
        return false;
    }
    // "Hewlett-Packard", "Kimberly-Clark": two names joined are a company's.
    if word
        .split('-')
        .skip(1)
        .any(|part| part.starts_with(char::is_uppercase))
    {
        return false;
    }
    let rest = ["Mac", "Mc", "O'", "O’"]
        .iter()
        .find_map(|prefix| word.strip_prefix(prefix))
        .filter(|rest| rest.starts_with(char::is_uppercase))
        .unwrap_or(word);
    rest.chars().skip(1).all(|c| !c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn people_and_bodies_are_told_apart() {
        use SpeakerKind::*;
        for (speaker, want) in [
            ("Defence Minister Shin Won-sik", Person),
            ("Chief executive Maria Lund", Person),
            ("president of Chile", Person),
            ("Maria Lund", Person),
            ("Tom Reyes, a spokesman for the port authority", Person),
            ("Red Cross", Organization),
            ("officials", Group),
            ("United States", Organization),
            ("International Organization for Migration", Organization),
            ("IOM", Organization),
            ("AT&T", Organization),
            ("Seoul", Organization),
            ("family members", Group),
            // A surname alone is a person; a place alone, a name written as a company's, a
            // plural noun of a group and a company with its legal form are bodies.
            ("Wei", Person),
            ("Kim", Person),
            ("McAllister", Person),
            ("O'Neill", Person),
            ("South Korea", Organization),
            ("Kenya", Organization),
            ("the Netherlands", Organization),
            ("PetroLens", Organization),
            ("Hewlett-Packard", Organization),
            ("Shoney's", Organization),
            ("OPEC+", Organization),
            ("3M", Organization),
            ("Forecasters", Group),
            ("Traders", Group),
            ("Nordvik Bank", Organization),
            ("Nordvik Telecom", Organization),
            ("Energy Secretary Ana Lopez", Person),
            ("Delta Air Lines", Organization),
            ("partners", Group),
            ("Human Rights Watch", Organization),
            ("White House", Organization),
            // Plural nouns head groups, whatever qualifies them; a role before what it speaks
            // for is one person's; particles sit inside a name.
            ("two people familiar with the matter", Group),
            ("analysts at Halvard Securities", Group),
            ("Supporters' groups", Group),
            ("a spokesman for the port authority", Person),
            ("source familiar with the talks", Person),
            ("Charles de Gaulle", Person),
            ("Mohammed bin Salman", Person),
            ("Department of Energy", Organization),
        ] {
            assert_eq!(speaker_kind(speaker), want, "{speaker}");
        }
    }
}
