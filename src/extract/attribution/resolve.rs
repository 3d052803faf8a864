//! Speaker phrases of every sentence in, the article's people and bodies out: titles, surnames,
//! roles and pronouns are joined to the person they name ("the minister", "Shin", "he" →
//! "Defence Minister Shin Won-sik"), a generic noun to the organization the story is about ("the
//! company"), and a quotation over several sentences to the speaker named where it closes.

use std::ops::Range;

use super::Attribution;
use super::lexicon::{
    APPOSED_ROLES, CLAUSE_WORDS, DEPENDENT_ROLES, NAME_PARTICLES, PRONOUNS, ROLE_QUALIFIERS,
    TITLE_WORDS, is_particle_in_name,
};
use super::phrase::{is_name, join_tokens};
use crate::extract::places::is_place;
use crate::extract::speaker_kind::{SpeakerKind, may_be_body};
use crate::extract::tokens::Token;

/// A person or body named in the article, with what is known of them.
#[derive(Debug, Clone)]
pub(super) struct Person {
    /// "Defence Minister" or "the authority's chief executive" (may be empty).
    pub(super) title: String,
    /// "Shin Won-sik".
    pub(super) name: String,
    /// The title came from an apposition ("X, the …"), so it follows the name when shown.
    pub(super) apposition: bool,
}

impl Person {
    fn display(&self) -> String {
        match (self.title.is_empty(), self.apposition) {
            (true, _) => self.name.clone(),
            (false, true) => format!("{}, {}", self.name, self.title),
            (false, false) => format!("{} {}", self.title, self.name),
        }
    }

    /// The role, lowercased, without a possessive owner: "the authority's chief executive" →
    /// "chief executive".
    fn role(&self) -> String {
        role_of(&self.title.to_lowercase())
    }
}

fn role_of(phrase: &str) -> String {
    let after_owner = phrase.rsplit(['’', '\'']).next().unwrap_or(phrase);
    let after_owner = after_owner
        .strip_prefix('s')
        .map_or(after_owner, str::trim_start);
    let words: Vec<&str> = after_owner
        .split_whitespace()
        .filter(|w| !matches!(*w, "the" | "a" | "an" | "his" | "her" | "its" | "their"))
        .collect();
    // "a spokesman for the ministry" → "spokesman".
    let end = words
        .iter()
        .position(|w| matches!(*w, "for" | "of" | "at" | "in"))
        .unwrap_or(words.len());
    words[..end].join(" ")
}

/// "the company said", "the agency estimated": a generic noun for the organization the story is
/// about takes its name, when the article's topic
/// ([`crate::extract::scope::article_topic`]) is itself a speaker somewhere in it ("Vessler AG
/// said …, the company said") or the company its lead names with a legal form ("GOODY PRODUCTS
/// Inc. cut …"). Otherwise it stays as written.
pub(super) fn name_generic_speakers(
    text: &str,
    tokenized: &[Vec<Token<'_>>],
    out: &mut [Option<Attribution>],
) {
    let generic = |s: &str| {
        let s = s.strip_prefix("the ").unwrap_or(s);
        // "maker of hair accessories": the noun before "of".
        let s = s
            .as_bytes()
            .windows(4)
            .position(|w| w == b" of ")
            .map_or(s, |k| &s[..k]);
        // "the Swedish lender", "the gas concern", "the New York-based company": the noun
        // after a few words that describe it; not a name ("International Energy Agency") or a
        // name's possessive.
        let (describing, noun) = s.rsplit_once(' ').unwrap_or(("", s));
        let organization = crate::extract::measure::ORGANIZATION_NOUNS.contains_lower(noun)
            || GENERIC_BODIES.iter().any(|n| noun.eq_ignore_ascii_case(n));
        if !organization || describing.split(' ').count() > 3 || s.contains(['\'', '’']) {
            return false;
        }
        let based = describing.contains("-based");
        describing.is_empty()
            || describing.split(' ').all(|w| {
                !w.starts_with(char::is_uppercase)
                    || based
                    || ["ish", "ese", "an", "i"].iter().any(|end| w.ends_with(end))
            })
    };
    if !out.iter().flatten().any(|a| generic(&a.speaker)) {
        return;
    }
    // "The International Energy Agency has warned … It was estimated by the agency": the body
    // that spoke before under a name ending in the noun.
    for i in 0..out.len() {
        let Some(a) = &out[i] else { continue };
        if !generic(&a.speaker) {
            continue;
        }
        let noun = a
            .speaker
            .rsplit(' ')
            .next()
            .unwrap_or(&a.speaker)
            .to_lowercase();
        let named = out[..i].iter().rev().flatten().find(|b| {
            b.speaker.contains(' ')
                && b.speaker
                    .rsplit(' ')
                    .next()
                    .is_some_and(|last| last.eq_ignore_ascii_case(&noun))
        });
        if let Some((name, kind)) = named.map(|b| (b.speaker.clone(), b.kind))
            && let Some(a) = &mut out[i]
        {
            a.speaker = name;
            a.kind = kind;
        }
    }
    // "Shares in Nordvik Bank rose after the Swedish lender announced …": the organization the
    // same sentence names before the description.
    // "Weisfield's rocketed after the jewelry store operator said …": the name the sentence
    // opens with. (A description's noun is lowercase: "Organization of African Unity" is a
    // name.) A generic noun never names a place: "Japan recorded 900 engineers, the space agency
    // said" is a body of Japan's, not Japan.
    for i in 0..out.len() {
        let Some(a) = &out[i] else { continue };
        if !generic(&a.speaker) || !described(&a.speaker) {
            continue;
        }
        if let Some(name) = body_named_before(&tokenized[i], a.verb.start)
            .or_else(|| opening_name(&tokenized[i]))
            .filter(|n| !is_place(n))
            && let Some(a) = &mut out[i]
        {
            a.speaker = name;
            a.kind = SpeakerKind::Organization;
        }
    }
    // "Kirschner Medical fell 4 to 15. The company said …": the name the sentence before opens
    // with.
    for i in 1..out.len() {
        let Some(a) = &out[i] else { continue };
        if !generic(&a.speaker) {
            continue;
        }
        if let Some(name) = opening_name(&tokenized[i - 1]).filter(|n| !is_place(n))
            && let Some(a) = &mut out[i]
        {
            a.speaker = name;
            a.kind = SpeakerKind::Organization;
        }
    }
    if !out.iter().flatten().any(|a| generic(&a.speaker)) {
        return;
    }
    let Some(topic) = crate::extract::scope::article_topic(text, tokenized) else {
        return;
    };
    // A story about a country: "the space agency" is one of its bodies, not the country
    // ("Seoul said" stays Seoul's: only a generic noun is never a place).
    if is_place(&topic) {
        return;
    }
    let speaks = out.iter().flatten().any(|a| a.speaker.contains(&topic));
    if !speaks && crate::extract::scope::lead_company(tokenized).as_ref() != Some(&topic) {
        return;
    }
    for a in out.iter_mut().flatten() {
        if generic(&a.speaker) {
            a.speaker = topic.clone();
            a.kind = SpeakerKind::Organization;
        }
    }
}

/// Nouns by which a story names again an institution it named in full before: "the institute"
/// after "the National Institute for Disaster Risk Management".
#[rustfmt::skip]
static INSTITUTION_NOUNS: crate::extract::words::WordSet = crate::extract::words::WordSet::new(&[
    "institute", "federation", "commission", "committee", "office", "council", "agency",
    "ministry", "department", "bank", "fund", "union", "organization", "organisation",
    "programme", "program", "authority", "bureau", "board", "service", "court", "tribunal",
    "association", "foundation", "alliance", "coalition",
]);

/// "The National Institute for Disaster Risk Management said … The institute said …": a
/// speaker named by one such noun ([`INSTITUTION_NOUNS`]) is the last speaker before it whose
/// name has that noun at its head, before its "for", "of" or "on" ("Institute" of "National
/// Institute for …") or at its end.
pub(super) fn named_institutions(out: &mut [Option<Attribution>]) {
    let lone_noun = |s: &str| !s.contains(' ') && INSTITUTION_NOUNS.contains(s);
    if !out.iter().flatten().any(|a| lone_noun(&a.speaker)) {
        return;
    }
    let head_noun = |name: &str| -> Option<String> {
        let head = name.split(',').next().unwrap_or(name);
        let before = [" for ", " of ", " on "]
            .iter()
            .filter_map(|j| head.find(j))
            .min()
            .map_or(head, |k| &head[..k]);
        let noun = before.rsplit(' ').next()?;
        (head.contains(' ') && noun.starts_with(char::is_uppercase)).then(|| noun.to_lowercase())
    };
    for i in 0..out.len() {
        let Some(a) = &out[i] else { continue };
        if !lone_noun(&a.speaker) {
            continue;
        }
        let noun = a.speaker.clone();
        let named = out[..i]
            .iter()
            .rev()
            .flatten()
            .find(|b| head_noun(&b.speaker).as_deref() == Some(noun.as_str()))
            .map(|b| (b.speaker.clone(), b.kind));
        if let Some((name, kind)) = named
            && let Some(a) = &mut out[i]
        {
            a.speaker = name;
            a.kind = kind;
        }
    }
}

/// Whether the noun of `speaker` (before "of", else its last word) is lowercase: "the Swedish
/// lender", not "Organization of African Unity".
fn described(speaker: &str) -> bool {
    let head = speaker.split(" of ").next().unwrap_or(speaker);
    head.rsplit(' ')
        .next()
        .is_some_and(|noun| noun.starts_with(char::is_lowercase))
}

/// Nouns by which a story describes an organization, besides
/// [`crate::extract::measure::ORGANIZATION_NOUNS`]: "the restaurant operator", "the club".
const GENERIC_BODIES: &[&str] = &[
    "club",
    "agency",
    "organisation",
    "organization",
    "operator",
    "producer",
    "manufacturer",
    "chain",
    "publisher",
    "broadcaster",
    "supplier",
    "distributor",
    "developer",
    "miner",
];

/// The last name of an organization (capitalized words ending in an organization's word:
/// "Nordvik Bank", "Halvard Shipping Ltd.") in `tokens` before byte `before`.
fn body_named_before(tokens: &[Token<'_>], before: usize) -> Option<String> {
    let mut found = None;
    let runs = super::fullest::capitalized_runs(tokens);
    for (k, end) in runs.take_while(|&(k, _)| tokens[k].start < before) {
        let words: Vec<&Token<'_>> = tokens[k..end].iter().filter(|t| t.is_word()).collect();
        let last = words.last().map(|t| t.text).unwrap_or_default();
        let from = (k..end)
            .find(|&j| !tokens[j].lower_in(&CLAUSE_WORDS))
            .unwrap_or(end);
        if words.len() >= 2
            && from < end
            && tokens[end - 1].start < before
            && crate::extract::speaker_kind::is_body_word(last)
        {
            found = Some(join_tokens(&tokens[from..end]));
        }
    }
    found
}

/// The organization a sentence names as the subject of a clause, for an "it" that follows: "But
/// analysts say Sansui is a special case. It expects …". A capitalized name right after the
/// sentence's start, a clause word or a verb of saying, and followed by a finite verb; not a
/// person's name (one with a given name or a title) and not a common word that only opens the
/// sentence. The last such name in the sentence.
pub(super) fn subject_organization(tokens: &[Token<'_>]) -> Option<String> {
    let mut found = None;
    let mut k = 0;
    while k < tokens.len() {
        // (After a clause word, not a preposition: "First of America" is one name.)
        let opens = k == 0
            || (tokens[k - 1].lower_in(&super::lexicon::CLAUSE_WORDS)
                && !matches!(
                    tokens[k - 1].lower().as_ref(),
                    "of" | "to" | "in" | "on" | "at" | "for" | "with" | "by" | "from"
                ))
            || matches!(
                tokens[k - 1].lower().as_ref(),
                "say" | "says" | "said" | "that" | "," | "think" | "believe"
            );
        if !opens
            || !tokens[k].is_capitalized()
            || tokens[k].lower_in(&super::lexicon::CLAUSE_WORDS)
        {
            k += 1;
            continue;
        }
        let end = (k..tokens.len())
            .find(|&e| !(tokens[e].is_capitalized() || tokens[e].text == "&"))
            .unwrap_or(tokens.len());
        let verb = tokens.get(end).map(|t| t.lower());
        let finite = verb.as_deref().is_some_and(|v| {
            matches!(
                v,
                "is" | "was"
                    | "has"
                    | "had"
                    | "will"
                    | "would"
                    | "said"
                    | "says"
                    | "reported"
                    | "posted"
                    | "expects"
                    | "plans"
                    | "isn"
                    | "wasn"
                    | "hasn"
                    | "doesn"
                    | "didn"
                    | "agreed"
                    | "announced"
            )
        });
        let common =
            end == k + 1 && k == 0 && crate::extract::measure::is_common_word_start(tokens, 0);
        if finite && !common && end - k <= 4 {
            let name = super::phrase::join_tokens(&tokens[k..end]);
            // ("I was there": a pronoun, no name.)
            if name.len() > 1 && may_be_body(&name) {
                found = Some(name);
            }
        }
        k = end.max(k + 1);
    }
    found
}

/// The name a sentence opens with as the subject of its verb ("Kirschner Medical fell 4 to 15",
/// "Polly Peck International posted …"): capitalized words, then a lowercase word; not a clause
/// word ("In", "But"), an article, or a common word that only starts the sentence ("Sales rose").
fn opening_name(tokens: &[Token<'_>]) -> Option<String> {
    let end = tokens
        .iter()
        .position(|t| !(t.is_capitalized() || t.text == "&"))?;
    let verb = &tokens[end];
    if end == 0 || end > 5 || !verb.is_word() || verb.lower_in(&super::lexicon::NOT_MODIFIERS) {
        return None;
    }
    let first = tokens[0].lower();
    if super::lexicon::CLAUSE_WORDS.contains(first.as_ref())
        || matches!(
            first.as_ref(),
            "the" | "a" | "an" | "its" | "his" | "her" | "their"
        )
        || (end == 1 && crate::extract::measure::is_common_word_start(tokens, 0))
    {
        return None;
    }
    Some(super::phrase::join_tokens(&tokens[..end]))
}

/// Quotations: every sentence of a quote spanning several sentences takes the speaker named where
/// it closes ("“A. B,” she said"); a sentence that opens with a quote and names nobody continues
/// the previous speaker.
pub(super) fn carry_reported_speech(
    text: &str,
    sentences: &[Range<usize>],
    out: &mut [Option<Attribution>],
) {
    let opens = |s: &str| s.starts_with(['“', '"']);
    // A closing curly quote, or a straight quote that is not the opening one.
    let closes = |s: &str| {
        let straight = s.matches('"').count();
        s.contains('”') || (opens(s) && straight >= 2) || (!opens(s) && straight % 2 == 1)
    };
    let mut i = 0;
    while i < sentences.len() {
        let first = &text[sentences[i].clone()];
        if opens(first) && !closes(first) {
            // Find where the quotation closes (within the same paragraph run of sentences).
            let mut j = i + 1;
            while j < sentences.len() && j - i < 12 && !closes(&text[sentences[j].clone()]) {
                j += 1;
            }
            if j < sentences.len()
                && let Some(a) = out[j].clone()
            {
                for slot in out.iter_mut().take(j).skip(i) {
                    if slot.is_none() {
                        *slot = Some(a.clone());
                    }
                }
            }
            i = j + 1;
            continue;
        }
        i += 1;
    }
    for i in 1..sentences.len() {
        if out[i].is_none() && opens(&text[sentences[i].clone()]) {
            out[i] = out[i - 1].clone();
        }
    }
}

/// "Defence Minister Shin Won-sik": capitalized title words followed by a capitalized name.
pub(super) fn titled_people(tokens: &[Token<'_>]) -> Vec<Person> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let mut j = i;
        while j < tokens.len()
            && tokens[j].is_capitalized()
            && TITLE_WORDS.contains(&tokens[j].lower().trim_end_matches(['’', '\'', '.']))
        {
            j += 1;
        }
        let has_role = (i..j).any(|k| !ROLE_QUALIFIERS.contains(&tokens[k].lower().as_ref()));
        // The name, with its particles ("Ursula von der Leyen"): up to four capitalized words.
        let mut k = j;
        let mut words = 0;
        while k < tokens.len() && words < 4 {
            let t = &tokens[k];
            if t.is_capitalized() && t.is_word() && !CLAUSE_WORDS.contains(&t.lower().as_ref()) {
                words += 1;
            } else if !(k > j && is_particle_in_name(tokens, k)) {
                break;
            }
            k += 1;
        }
        if j > i && k > j && has_role {
            let title: Vec<&str> = tokens[i..j].iter().map(|t| t.text).collect();
            let name: Vec<&str> = tokens[j..k].iter().map(|t| t.text).collect();
            out.push(Person {
                title: title.join(" "),
                name: name.join(" "),
                apposition: false,
            });
            i = k;
        } else {
            i = j.max(i + 1);
        }
    }
    out
}

/// "Michael Swavely, president of Compaq's North America division, attributed …", "Daniel M.
/// Junius, Nashua's treasurer": a person's name (two to four capitalized words) followed by a
/// role set off by commas, wherever the sentence names them; whom a later "he" may mean.
pub(super) fn apposed_people(tokens: &[Token<'_>]) -> Vec<Person> {
    let mut out = Vec::new();
    for (comma, t) in tokens.iter().enumerate() {
        if t.text != "," || comma < 2 {
            continue;
        }
        // The name: capitalized words and the initials' dots, back from the comma.
        let mut start = comma;
        while start > 0 && comma - start < 6 {
            let w = &tokens[start - 1];
            let initial_dot = w.text == "." && start >= 2 && tokens[start - 2].text.len() == 1;
            let particle = start < comma
                && start >= 2
                && is_particle_in_name(tokens, start - 1)
                && (tokens[start - 2].is_capitalized()
                    || tokens[start - 2].lower_in(&NAME_PARTICLES));
            if !(initial_dot || particle || (w.is_capitalized() && w.is_word())) {
                break;
            }
            start -= 1;
        }
        let words = tokens[start..comma].iter().filter(|w| w.is_word()).count();
        if !(2..=4).contains(&words)
            || tokens[start..comma]
                .iter()
                .any(|w| CLAUSE_WORDS.contains(&w.lower().as_ref()))
        {
            continue;
        }
        // The role: up to the next comma, naming a role one person holds.
        let Some(close) =
            (comma + 1..tokens.len().min(comma + 12)).find(|&k| tokens[k].text == ",")
        else {
            continue;
        };
        let role = &tokens[comma + 1..close];
        let holds = role.iter().any(|w| {
            !w.is_capitalized() && w.is_word() && APPOSED_ROLES.contains(&w.lower().as_ref())
        });
        let words_only = role
            .iter()
            .all(|w| w.is_word() || matches!(w.text, "'" | "’"));
        if !(holds && words_only) {
            continue;
        }
        let name = join_tokens(&tokens[start..comma]);
        if crate::extract::speaker_kind::speaker_kind(&name)
            != crate::extract::speaker_kind::SpeakerKind::Person
        {
            continue;
        }
        let role: Vec<&str> = role.iter().map(|w| w.text).collect();
        out.push(Person {
            title: super::phrase::join_words(&role),
            name,
            apposition: true,
        });
    }
    out
}

/// What [`resolve`] compares of a person, made once for each person of the article.
pub(super) struct Known {
    /// [`Person::display`].
    pub(super) display: String,
    /// The name, lowercased.
    name: String,
    /// [`Person::role`].
    role: String,
}

impl Known {
    pub(super) fn of(p: &Person) -> Known {
        Known {
            display: p.display(),
            name: p.name.to_lowercase(),
            role: p.role(),
        }
    }
}

/// `text` ends with a space and then `word`.
fn ends_with_word(text: &str, word: &str) -> bool {
    text.strip_suffix(word)
        .is_some_and(|head| head.ends_with(' '))
}

/// Roles of a country's or a government's head, whom "the leader" means.
const HEADS_OF_STATE: &[&str] = &[
    "president",
    "prime minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "emir",
    "sultan",
    "supreme leader",
];

/// Joins a speaker phrase to a person of the article when it names their role or surname: the
/// person named last before sentence `at`, else the first named after it. `known` holds what is
/// compared of each of `people`.
pub(super) fn resolve(
    phrase: &str,
    people: &[(usize, Person)],
    known: &[Known],
    at: usize,
    last_person: Option<&str>,
) -> Option<String> {
    let lower = phrase.to_lowercase();
    if PRONOUNS.contains(&lower.as_ref()) {
        return last_person.map(str::to_string);
    }
    // "an aide to Trade Representative Carla Hills", "a spokesman for Mr. Lund": someone who
    // speaks for the person named, not that person.
    let mut words = lower.split_whitespace();
    if words.next().is_some_and(|w| DEPENDENT_ROLES.contains(w))
        && words.next().is_some_and(|w| matches!(w, "to" | "for"))
    {
        return Some(phrase.to_string());
    }
    let role = role_of(&lower);
    let phrase_is_name = is_name(phrase);
    let matches = |k: &Known| {
        let person_role = k.role.as_str();
        // "the Cuban leader" is the country's head: "President Fidel Castro".
        let leads = (role == "leader" || ends_with_word(&role, "leader"))
            && HEADS_OF_STATE.contains(&person_role);
        let same_role = !role.is_empty()
            && !person_role.is_empty()
            && (role == person_role
                || ends_with_word(person_role, &role)
                || ends_with_word(&role, person_role)
                || leads);
        let surname = k.name.split_whitespace().nth(1).is_some()
            && (k.name.split_whitespace().any(|w| w == lower)
                // "Von der Leyen", "Abdul Rahman": the end or the start of a longer name.
                || (lower.contains(' ')
                    && (ends_with_word(&k.name, &lower)
                        || k.name
                            .strip_prefix(lower.as_str())
                            .is_some_and(|rest| rest.starts_with(' ')))));
        same_role && !phrase_is_name
            || surname
            || lower == k.name
            || ends_with_word(&lower, &k.name)
    };
    let before = (0..people.len())
        .rev()
        .find(|&j| people[j].0 <= at && matches(&known[j]));
    let after = || (0..people.len()).find(|&j| people[j].0 > at && matches(&known[j]));
    match before.or_else(after) {
        Some(j) => Some(known[j].display.clone()),
        None => Some(phrase.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::attribution::tests::speakers;

    #[test]
    fn the_company_is_the_company_the_story_is_about() {
        let text = "Vessler AG said profit rose. Shares of Vessler fell. \
                    Analysts expect Vessler to cut jobs. Sales fell 3%, the company said.";
        // (By the fullest name the story gives it.)
        assert_eq!(speakers(text)[3].as_deref(), Some("Vessler AG"));
        // A company the lead names with its legal form is the company, speaking or not.
        let text = "Goody Products Inc. cut its dividend. Net was $1.9 million, the company said.";
        assert_eq!(speakers(text)[1].as_deref(), Some("Goody Products"));
        // A company described by what it makes is the company.
        let text = "Goody Products Inc. cut its dividend. The New Jersey maker of hair \
                    accessories said sales rose 4%.";
        assert_eq!(speakers(text)[1].as_deref(), Some("Goody Products"));
        // A body the same sentence names before the description.
        let text = "Shares in Halvard Shipping rose after the Norwegian carrier said profit \
                    rose 9%.";
        assert_eq!(speakers(text)[0].as_deref(), Some("Halvard Shipping"));
        let text = "Brandvik's soared 4 after the ferry operator said it had a bidder.";
        assert_eq!(speakers(text)[0].as_deref(), Some("Brandvik's"));
        let text = "The Organization of Arctic Ports said 300 ships wait.";
        assert_eq!(
            speakers(text)[0].as_deref(),
            Some("Organization of Arctic Ports")
        );
        // Without the topic speaking anywhere, "the company" stays as written.
        let text = "Kenya was hit. Kenya mourned. Sales fell 3%, the company said.";
        assert_eq!(speakers(text)[2].as_deref(), Some("company"));
        // A country is none of its bodies: not the one the sentence opens with, nor the one the
        // sentence before opens with.
        let text = "Norway said it would act. Norway sent 40 satellites up, the space agency \
                    said. Norway tested a rocket. The agency said 3 failed.";
        let s = speakers(text);
        assert_eq!(s[0].as_deref(), Some("Norway"));
        assert_eq!(s[1].as_deref(), Some("space agency"), "{s:?}");
        assert_eq!(s[3].as_deref(), Some("space agency"), "{s:?}");
    }

    #[test]
    fn the_institute_is_the_institute_named_before() {
        let text = "The National Institute for Ports Safety said 12 boats sank. Rain fell. The \
                    institute, known by its initials NIPS, said 3 crews were missing.";
        let s = speakers(text);
        assert_eq!(
            s[2].as_deref(),
            Some("National Institute for Ports Safety"),
            "{s:?}"
        );
        // Not a body whose head is another noun.
        let text = "The Office for Ports Safety said 12 boats sank. The institute said 3 crews \
                    were missing.";
        assert_eq!(speakers(text)[1].as_deref(), Some("institute"));
    }

    #[test]
    fn joins_roles_surnames_and_pronouns_to_named_people() {
        let text = "Exports fell, Chile’s finance minister said. “It will pass,” Finance Minister Rosa Vial said. \
                    Vial said more. He said it again. “The rest is noise.” The minister said nothing else. \
                    Of the eight, three were lost, she said.";
        let all = speakers(text);
        assert_eq!(all.len(), 7);
        for s in all {
            assert_eq!(s.as_deref(), Some("Finance Minister Rosa Vial"));
        }
    }

    #[test]
    fn the_leader_is_the_head_of_state_named_before() {
        let text = "President Ana Vidal said 300 prisoners were freed. The Chilean leader said \
                    40 more would follow.";
        assert_eq!(speakers(text)[1].as_deref(), Some("President Ana Vidal"));
        let text = "Finance Minister Ana Vidal said 300 jobs went. The union leader said 40 \
                    more would go.";
        assert_eq!(speakers(text)[1].as_deref(), Some("union leader"));
    }

    #[test]
    fn a_role_named_in_an_apposition_is_resolved_later() {
        let text = "“We have 300 trucks,” said Nadia Berg, the utility’s chief executive. \
                    The chief executive said repairs had begun.";
        let all = speakers(text);
        assert_eq!(
            all[1].as_deref(),
            Some("Nadia Berg, the utility’s chief executive")
        );
    }

    #[test]
    fn a_quotation_over_several_sentences_belongs_to_its_speaker() {
        let text = "Floods cut the roads.\n\n“Water reached the second floor. We lost 200 cattle. \
                    Nobody came,” said farmer Ines Duarte.\n\n“We will rebuild.”\n\nThe rain stopped.";
        let all = speakers(text);
        assert_eq!(all[0], None);
        for s in &all[1..5] {
            assert_eq!(s.as_deref(), Some("Ines Duarte"), "{all:?}");
        }
        assert_eq!(all[5], None);
    }
}
