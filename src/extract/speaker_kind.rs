//! Whether a speaker is a person or a body, for the schema.org type of a claim's author:
//! "Defence Minister Shin Won-sik", "Chief executive Maria Lund", "the president of Chile" are
//! people; "Red Cross", "officials", "United States", "IOM", "Nordvik" are not. Rules as data:
//! the word lists below.

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
    // A name of two to four capitalized words, none an acronym ("Maria Lund", "Shin Won-sik").
    let capitalized = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let acronym = |w: &&str| {
        let letters: Vec<char> = w.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() > 1 && letters.iter().all(|c| c.is_uppercase())
    };
    let name = (2..=4).contains(&words.len())
        && words.iter().all(capitalized)
        && !words.iter().any(acronym);
    if name {
        SpeakerKind::Person
    } else {
        // One word ("Seoul", "Nordvik", "IOM") or a description: a body speaking.
        SpeakerKind::Organization
    }
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
        ] {
            assert_eq!(speaker_kind(speaker), want, "{speaker}");
        }
    }
}
