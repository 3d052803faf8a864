//! Whether a speaker is a person or a body, for the schema.org type of a claim's author:
//! "Defence Minister Shin Won-sik", "Chief executive Maria Lund", "the president of Chile" and a
//! surname alone ("Wei", "Kim") are people; "Red Cross", "officials", "United States", "IOM",
//! "Seoul", "Nordvik AS" are not. Rules as data: the word lists below and
//! [`super::places::PLACES`]. A company the story names only by one word ("Nordvik said") is
//! typed by the name attribution gives it, the fullest the article writes ("Nordvik Bank").

use super::places::is_place;
use super::words::WordSet;

/// The schema.org type of a speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerKind {
    /// One person: a name with a given name, or a role held by one person.
    Person,
    /// An organization, a place speaking for its government, or a group ("officials").
    Organization,
}

impl SpeakerKind {
    /// The schema.org type name.
    pub fn schema_type(self) -> &'static str {
        match self {
            SpeakerKind::Person => "Person",
            SpeakerKind::Organization => "Organization",
        }
    }
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
    "house",
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
]);

/// Whether `word` (any case, marks around it ignored) is a word of an organization's or a
/// place's name ("Bank", "Inc.", "Lines").
pub(crate) fn is_body_word(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric());
    BODY_WORDS.contains_lower(word) || TRADE_WORDS.contains_lower(word)
}

/// Whether `speaker` may be an organization where a person cannot be meant (what "it" refers
/// to, what decides on "its" figure): a body, or one word, which names a company as often as a
/// person ("Nordvik", "Sansui").
pub(crate) fn may_be_body(speaker: &str) -> bool {
    !speaker.trim().contains(' ') || speaker_kind(speaker) == SpeakerKind::Organization
}

/// The kind of `speaker`, as a claim's author.
pub fn speaker_kind(speaker: &str) -> SpeakerKind {
    // "Tom Reyes, a spokesman for the port authority": the name before the apposition.
    let head = speaker.split(',').next().unwrap_or(speaker);
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
        _ => {
            (2..=4).contains(&words.len())
                && words.iter().all(capitalized)
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
            ("officials", Organization),
            ("United States", Organization),
            ("International Organization for Migration", Organization),
            ("IOM", Organization),
            ("AT&T", Organization),
            ("Seoul", Organization),
            ("family members", Organization),
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
            ("Forecasters", Organization),
            ("Traders", Organization),
            ("Nordvik Bank", Organization),
            ("Nordvik Telecom", Organization),
            ("Energy Secretary Ana Lopez", Person),
            ("Delta Air Lines", Organization),
            ("partners", Organization),
            ("Human Rights Watch", Organization),
            ("White House", Organization),
        ] {
            assert_eq!(speaker_kind(speaker), want, "{speaker}");
        }
    }
}
