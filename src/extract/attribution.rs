//! Sentences in, who said each one out.
//!
//! Patterns: "X said", "said X", "X told reporters", "according to X", "X accused …", with an
//! apposition on either side ("X, a spokesman for Y, said", "said X, the authority's chief
//! executive"). Speakers are joined across the article: "South Korea's defence minister",
//! "Defence Minister Shin Won-sik", a later "Shin", "the minister" and "he" are one person.
//! Reported speech carries over: the sentences of a quotation that spans several sentences all
//! belong to the speaker named where it closes, and a quote paragraph with no speaker of its own
//! belongs to the previous speaker.

use super::speaker_kind::{SpeakerKind, speaker_kind};
use super::words::WordSet;
use std::ops::Range;

use super::tokens::Token;

/// The speaker of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The speaker, in the fullest form the article gives ("Defence Minister Shin Won-sik").
    pub speaker: String,
    /// Byte range of the speech verb ("said"), the anchor for the statement's date.
    pub verb: Range<usize>,
}

/// Verbs that report speech or a claim.
#[rustfmt::skip]
static SPEECH_VERBS: WordSet = WordSet::new(&[
    "said", "says", "say", "told", "tells", "accused", "accuses", "claimed", "claims", "estimated",
    "estimates", "reported", "reports", "announced", "announces", "declared", "declares", "stated",
    "states", "added", "adds", "noted", "notes", "warned", "warns", "insisted", "confirmed",
    "confirms", "denied", "denies", "argued", "explained", "wrote", "writes", "disclosed",
    "revealed", "alleged", "alleges", "predicted", "predicts", "forecast", "forecasts",
    "acknowledged", "admitted", "testified", "indicated", "asserted", "stressed", "tweeted",
    "posted", "told", "reiterated", "countered", "conceded", "recalled", "cautioned", "expects",
    "expected", "projected", "projects", "expect", "estimate", "predict", "believe", "believes",
    "believed",
]);

/// Speech verbs that are also plural nouns ("Unity states", "news reports of …").
#[rustfmt::skip]
static NOUN_FORMS: WordSet = WordSet::new(&[
    "states", "reports", "claims", "notes", "estimates", "forecasts", "adds", "posts",
]);

/// Words that may stand between a subject and its speech verb.
#[rustfmt::skip]
static AUXILIARIES: WordSet = WordSet::new(&[
    "has", "have", "had", "also", "was", "were", "is", "are", "previously", "earlier", "later",
    "repeatedly", "again", "reportedly", "publicly", "separately", "then", "further", "would",
    "will", "may", "might", "could", "been", "already", "recently", "not", "once", "first",
]);

/// Lowercase words that can head a speaker phrase ("officials said", "state media said").
#[rustfmt::skip]
static SPEAKER_NOUNS: WordSet = WordSet::new(&[
    "members", "league", "club", "relatives", "doctors", "minister", "ministry", "official",
    "officials", "spokesman", "spokeswoman", "spokesperson",
    "police", "media", "president", "army", "military", "government", "agency", "analyst",
    "analysts", "experts", "expert", "source", "sources", "message", "statement", "report",
    "leader", "chief", "officer", "authorities", "commander", "secretary", "director",
    "researchers", "scientists", "diplomats", "diplomat", "office", "department", "committee",
    "council", "lawmakers", "witnesses", "residents", "prosecutors", "investigators", "company",
    "bank", "spokespeople", "survey", "study", "data", "figures", "ambassador", "governor",
    "mayor", "executive", "chairman", "chairwoman", "ministers", "group", "organisation",
    "organization", "observers", "monitors", "activists", "regulator", "court", "judge",
    "prosecutor", "union", "embassy", "newspaper", "broadcaster", "agencies", "commission",
    "institute", "board", "authority", "bureau", "service", "centre", "center", "fund", "party",
    "programme", "program", "federation", "association", "coalition", "alliance", "watchdog",
    "presidency", "cabinet", "parliament", "senate", "congress", "tribunal", "campaign", "firm",
    "concern", "carrier", "maker", "airline", "retailer", "insurer", "lender", "utility",
    "directors", "filing", "filings", "poll", "records", "documents", "rebels", "militants",
    "insurgents", "protesters", "organizers", "organisers", "unions", "employers", "economists",
    "traders", "dealers", "brokers", "lawyers", "attorneys", "hospital", "hospitals", "medics",
    "rescuers",
]);

/// Capitalized words that are titles before a name.
#[rustfmt::skip]
static TITLE_WORDS: WordSet = WordSet::new(&[
    "minister", "president", "secretary", "spokesman", "spokeswoman", "spokesperson", "general",
    "chancellor", "prime", "foreign", "defence", "defense", "deputy", "chief", "director",
    "ambassador", "governor", "mayor", "senator", "representative", "premier", "king", "queen",
    "prince", "admiral", "colonel", "commander", "lieutenant", "sergeant", "captain", "finance",
    "interior", "justice", "trade", "vice", "first", "state", "national", "security", "adviser",
    "advisor", "envoy", "leader", "chairman", "chairwoman", "speaker", "judge", "prosecutor",
    "gen", "lt", "col", "sen", "rep", "gov", "dr", "mr", "mrs", "ms", "unification", "economy",
    "health", "energy", "agriculture", "education", "labour", "labor", "transport", "home",
    "culture", "executive", "attorney", "pope", "archbishop", "sheikh", "emir", "professor",
]);

/// Title words that qualify a role without being one ("Foreign" in "Foreign Minister").
#[rustfmt::skip]
static ROLE_QUALIFIERS: WordSet = WordSet::new(&[
    "foreign", "defence", "defense", "deputy", "first", "state", "national", "vice", "finance",
    "interior", "justice", "trade", "security", "unification", "economy", "health", "energy",
    "agriculture", "education", "labour", "labor", "transport", "home", "culture", "prime",
]);

/// Capitalized words that start a clause rather than a name ("But officials said").
#[rustfmt::skip]
static CLAUSE_WORDS: WordSet = WordSet::new(&[
    "but", "and", "however", "meanwhile", "in", "on", "at", "it", "this", "that", "there",
    "when", "while", "after", "before", "also", "yet", "so", "still", "now", "then", "if",
    "as", "since", "although", "though", "because", "separately", "earlier", "later", "today",
    "yesterday", "instead", "indeed", "moreover", "for", "with", "by", "from", "of", "to",
]);

/// Lowercase words that never modify a speaker noun (clause words, prepositions, verbs' helpers).
#[rustfmt::skip]
static NOT_MODIFIERS: WordSet = WordSet::new(&[
    "and", "or", "but", "that", "which", "who", "as", "when", "while", "if", "because", "after",
    "before", "since", "of", "to", "in", "on", "at", "by", "for", "with", "from", "than", "so",
    "said", "says", "told", "is", "was", "are", "were", "has", "have", "had", "not", "then",
]);

const PRONOUNS: &[&str] = &["he", "she", "they"];

/// A person or body named in the article, with what is known of them.
#[derive(Debug, Clone)]
struct Person {
    /// "Defence Minister" or "the authority's chief executive" (may be empty).
    title: String,
    /// "Shin Won-sik".
    name: String,
    /// The title came from an apposition ("X, the …"), so it follows the name when shown.
    apposition: bool,
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

/// A speaker phrase found in a sentence, before joining to the article's people.
#[derive(Debug, Clone)]
struct Found {
    phrase: String,
    /// Role given in an apposition next to the name.
    apposition: Option<String>,
    verb: Range<usize>,
}

/// Finds the speaker of each sentence (`None` where there is none), from the sentences and their
/// tokens ([`super::tokens::tokenize_all`]).
pub(crate) fn attribute(
    text: &str,
    sentences: &[Range<usize>],
    tokenized: &[Vec<Token<'_>>],
) -> Vec<Option<Attribution>> {
    let found: Vec<Option<Found>> = tokenized.iter().map(|t| find_speaker(t)).collect();
    // Everyone named with a title or an apposition, with the sentence where they are named.
    let mut people: Vec<(usize, Person)> = Vec::new();
    for (i, tokens) in tokenized.iter().enumerate() {
        people.extend(titled_people(tokens).into_iter().map(|p| (i, p)));
        if let Some(f) = &found[i]
            && let Some(role) = &f.apposition
            && is_name(&f.phrase)
        {
            people.push((
                i,
                Person {
                    title: role.clone(),
                    name: f.phrase.clone(),
                    apposition: true,
                },
            ));
        }
    }
    let known: Vec<Known> = people.iter().map(|(_, p)| Known::of(p)).collect();
    let mut out: Vec<Option<Attribution>> = Vec::with_capacity(sentences.len());
    let mut last_person: Option<String> = None;
    // The organization that spoke last: what "it said" refers to.
    let mut last_body: Option<String> = None;
    for (i, f) in found.iter().enumerate() {
        let resolved = f.as_ref().and_then(|f| {
            let speaker = if f.phrase == "it" {
                last_body.clone()?
            } else {
                resolve(&f.phrase, &people, &known, i, last_person.as_deref())?
            };
            Some(Attribution {
                speaker,
                verb: f.verb.clone(),
            })
        });
        if let Some(a) = &resolved {
            if known.iter().any(|k| k.display == a.speaker) {
                last_person = Some(a.speaker.clone());
            } else if speaker_kind(&a.speaker) == SpeakerKind::Organization
                && a.speaker.chars().next().is_some_and(char::is_uppercase)
            {
                last_body = Some(a.speaker.clone());
            }
        }
        // A person named anywhere in the sentence becomes the antecedent of "he" or "she".
        if resolved.is_none()
            && let Some(k) = people.iter().rposition(|(at, _)| *at == i)
        {
            last_person = Some(known[k].display.clone());
        }
        out.push(resolved);
    }
    carry_reported_speech(text, sentences, &mut out);
    name_generic_speakers(text, tokenized, &mut out);
    out
}

/// "the company said", "the agency estimated": a generic noun for the organization the story is
/// about takes its name, when the article's topic ([`super::scope::article_topic`]) is itself
/// a speaker somewhere in it ("Vessler AG said …, the company said") or the company its lead
/// names with a legal form ("GOODY PRODUCTS Inc. cut …"). Otherwise it stays as written.
fn name_generic_speakers(
    text: &str,
    tokenized: &[Vec<Token<'_>>],
    out: &mut [Option<Attribution>],
) {
    let generic = |s: &str| {
        let s = s.strip_prefix("the ").unwrap_or(s).to_lowercase();
        // "maker of hair accessories": the noun before "of".
        let s = s.split(" of ").next().unwrap_or(&s).to_string();
        super::measure::ORGANIZATION_NOUNS.contains(s.as_str())
            || matches!(
                s.as_str(),
                "club" | "agency" | "organisation" | "organization"
            )
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
            .strip_prefix("the ")
            .unwrap_or(&a.speaker)
            .to_lowercase();
        let named = out[..i].iter().rev().flatten().find(|b| {
            b.speaker.contains(' ')
                && b.speaker
                    .rsplit(' ')
                    .next()
                    .is_some_and(|last| last.eq_ignore_ascii_case(&noun))
        });
        if let Some(name) = named.map(|b| b.speaker.clone())
            && let Some(a) = &mut out[i]
        {
            a.speaker = name;
        }
    }
    if !out.iter().flatten().any(|a| generic(&a.speaker)) {
        return;
    }
    let Some(topic) = super::scope::article_topic(text, tokenized) else {
        return;
    };
    let speaks = out.iter().flatten().any(|a| a.speaker.contains(&topic));
    if !speaks && super::scope::lead_company(tokenized).as_ref() != Some(&topic) {
        return;
    }
    for a in out.iter_mut().flatten() {
        if generic(&a.speaker) {
            a.speaker = topic.clone();
        }
    }
}

/// Quotations: every sentence of a quote spanning several sentences takes the speaker named where
/// it closes ("“A. B,” she said"); a sentence that opens with a quote and names nobody continues
/// the previous speaker.
fn carry_reported_speech(text: &str, sentences: &[Range<usize>], out: &mut [Option<Attribution>]) {
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

/// The speaker phrase and the speech verb, from the first speech verb of the sentence that has one.
fn find_speaker(tokens: &[Token<'_>]) -> Option<Found> {
    for (i, t) in tokens.iter().enumerate() {
        let lower = t.lower();
        if lower == "according" && tokens.get(i + 1).is_some_and(|n| n.lower() == "to") {
            // "according to estimates by Dalbar", "according to figures from the Commerce
            // Department": whose the document is.
            let (phrase, _) = source_of_document(tokens, i + 2)
                .map_or_else(|| phrase_after(tokens, i + 2), |s| (s, 0));
            if !phrase.is_empty() {
                // "According to X, the …": the comma ends the attribution; what follows is the
                // claim, not an apposition.
                return Some(Found {
                    phrase,
                    apposition: None,
                    verb: t.range(),
                });
            }
            continue;
        }
        // "By her estimate, …", "by the ministry's count": whose reckoning the claim is.
        if lower == "by"
            && let Some(reckoning) = tokens.get(i + 2).filter(|r| r.lower_in(&RECKONINGS))
        {
            let owner = tokens[i + 1].lower();
            let phrase = match owner.as_ref() {
                "her" => Some("she".to_string()),
                "his" => Some("he".to_string()),
                "its" => Some("it".to_string()),
                _ => tokens[i + 1]
                    .text
                    .strip_suffix("'s")
                    .or_else(|| tokens[i + 1].text.strip_suffix("’s"))
                    .filter(|o| o.starts_with(char::is_uppercase))
                    .map(str::to_string),
            };
            if let Some(phrase) = phrase {
                return Some(Found {
                    phrase,
                    apposition: None,
                    verb: reckoning.range(),
                });
            }
        }
        // "A poll by ABC News and the Washington Post found …", "the survey showed …": a
        // document's finding, said by whoever made it.
        if FINDING_VERBS.contains(&lower.as_ref())
            && let Some(phrase) = document_before(tokens, i)
        {
            return Some(Found {
                phrase,
                apposition: None,
                verb: t.range(),
            });
        }
        // "The ministry put the death toll at 54": an estimate given.
        if matches!(lower.as_ref(), "put" | "puts" | "putting")
            && tokens[i + 1..]
                .iter()
                .take(6)
                .take_while(|n| n.text != "at")
                .any(|n| n.lower_in(&ESTIMATED_THINGS))
        {
            let before = phrase_before(tokens, i);
            if !before.is_empty() {
                return Some(Found {
                    phrase: before,
                    apposition: None,
                    verb: t.range(),
                });
            }
        }
        // "The United States said": a capitalized "States" is a name, not the verb. A passive
        // ("were reported in Brasilia") names no speaker after the verb.
        if t.is_capitalized() || !SPEECH_VERBS.contains(&lower.as_ref()) {
            continue;
        }
        // "in Jonglei and Unity states, where …", "the reports of …": plural nouns, not verbs.
        let noun_like = NOUN_FORMS.contains(&lower.as_ref())
            && tokens.get(i + 1).is_none_or(|n| {
                matches!(
                    n.lower().as_ref(),
                    "," | "." | "where" | "which" | "and" | "of" | ")" | "in" | "on" | "for"
                )
            });
        if noun_like {
            continue;
        }
        let passive = i > 0
            && matches!(
                tokens[i - 1].lower().as_ref(),
                "was" | "were" | "is" | "are" | "been" | "being" | "be"
            );
        if passive {
            // "It was estimated by the agency that …": the agent speaks.
            if tokens.get(i + 1).is_some_and(|n| n.lower() == "by") {
                let (phrase, _) = phrase_after(tokens, i + 2);
                if !phrase.is_empty() {
                    return Some(Found {
                        phrase,
                        apposition: None,
                        verb: t.range(),
                    });
                }
            }
            continue;
        }
        // "It said", "but it said that …": the body that spoke last ([`attribute`]).
        let end = subject_end(tokens, i);
        if end > 0 && tokens[end - 1].lower() == "it" {
            return Some(Found {
                phrase: "it".to_string(),
                apposition: None,
                verb: t.range(),
            });
        }
        // "…, he said": the person named last ([`resolve`]).
        if end > 0 && matches!(tokens[end - 1].lower().as_ref(), "he" | "she") {
            return Some(Found {
                phrase: tokens[end - 1].lower().into_owned(),
                apposition: None,
                verb: t.range(),
            });
        }
        let mut before = phrase_before(tokens, i);
        // "Ogden Corp., which also has interests in …, reported": the name before the relative
        // clause speaks.
        if before.is_empty()
            && i > 0
            && tokens[i - 1].text == ","
            && let Some(open) = super::scope::relative_clause_before(tokens, i - 1)
        {
            before = phrase_before(tokens, open);
        }
        // "a charge associated with Hughes's previously announced plan": a possessive owns the
        // noun after the participle; it says nothing.
        // ("Shoney's said" is a name that speaks.)
        if (before.ends_with("'s") || before.ends_with("’s"))
            && i > 0
            && tokens[i - 1].lower().ends_with("ly")
        {
            continue;
        }
        if !before.is_empty() {
            return Some(Found {
                phrase: before,
                apposition: None,
                verb: t.range(),
            });
        }
        // "X, a spokesman for Y, said".
        if let Some((phrase, role)) = apposition_before(tokens, i) {
            return Some(Found {
                phrase,
                apposition: (!role.is_empty()).then_some(role),
                verb: t.range(),
            });
        }
        // "Oshkosh Truck Corp., Oshkosh, Wis., estimated …", "the unit, GM Hughes Electronics,
        // said …": a name set off by commas.
        if let Some(phrase) = name_in_commas(tokens, i) {
            return Some(Found {
                phrase,
                apposition: None,
                verb: t.range(),
            });
        }
        // "A source familiar with the matter said …": a speaker noun and what qualifies it.
        if let Some(phrase) = qualified_speaker(tokens, i) {
            return Some(Found {
                phrase,
                apposition: None,
                verb: t.range(),
            });
        }
        // The subject follows the verb only in an inverted attribution, after a comma or a
        // quotation ("…,” said Shin, the minister"): "X had told reporters Y" says nothing of Y.
        let at = subject_end(tokens, i);
        let inverted = at == 0 || matches!(tokens[at - 1].text, "," | "”" | "\"" | "’" | "'");
        if !inverted {
            continue;
        }
        // "…,” said Shin, the minister" — the subject follows the verb, possibly after a
        // lowercase descriptor ("said farmer Ines Duarte").
        let mut from = i + 1;
        if tokens
            .get(from)
            .is_some_and(|n| n.is_word() && !n.is_capitalized() && n.lower() != "the")
            && tokens.get(from + 1).is_some_and(Token::is_capitalized)
        {
            from += 1;
        }
        let (after, end) = phrase_after(tokens, from);
        if !after.is_empty()
            && tokens
                .get(from)
                .is_some_and(|n| n.is_capitalized() || n.lower() == "the")
        {
            return Some(Found {
                phrase: after,
                apposition: apposition_after(tokens, end),
                verb: t.range(),
            });
        }
    }
    None
}

/// Documents whose maker is named after them: "estimates by Dalbar", "a poll by ABC News".
#[rustfmt::skip]
static DOCUMENTS: WordSet = WordSet::new(&[
    "estimates", "estimate", "figures", "data", "statistics", "report", "reports", "filing",
    "filings", "survey", "poll", "study", "records", "documents", "calculations", "projections",
    "forecasts", "forecast", "tally", "count", "census", "analysis", "research", "numbers",
]);

/// Nouns of a reckoning after "by her …": "by her estimate", "by his count".
#[rustfmt::skip]
static RECKONINGS: WordSet = WordSet::new(&[
    "estimate", "estimates", "count", "calculation", "calculations", "reckoning", "tally",
    "account", "measure", "figures",
]);

/// What a speaker "puts at" a number: "put the death toll at 54", "puts the cost at $2 billion".
#[rustfmt::skip]
static ESTIMATED_THINGS: WordSet = WordSet::new(&[
    "toll", "number", "figure", "cost", "costs", "damage", "losses", "total", "value", "count",
    "size", "bill", "price", "tally",
]);

/// Verbs by which a document says what it found.
#[rustfmt::skip]
static FINDING_VERBS: WordSet = WordSet::new(&[
    "found", "finds", "showed", "shows", "show", "suggested", "suggests", "indicated", "indicates",
]);

/// "estimates by Dalbar Financial Services", "figures from the Commerce Department": the maker of the document that starts at `from` (after at most three
/// lowercase words: "the latest official figures"), when it is named. A filing "with the SEC" is
/// its filer's, not the SEC's: "with" names no maker.
fn source_of_document(tokens: &[Token<'_>], from: usize) -> Option<String> {
    let doc = (from..tokens.len().min(from + 4))
        .take_while(|&k| tokens[k].is_word() && !tokens[k].is_capitalized())
        .find(|&k| tokens[k].lower_in(&DOCUMENTS))?;
    let mut k = doc + 1;
    if tokens.get(k).is_some_and(|t| {
        matches!(
            t.lower().as_ref(),
            "compiled" | "released" | "published" | "provided" | "gathered" | "prepared"
        )
    }) {
        k += 1;
    }
    if !tokens
        .get(k)
        .is_some_and(|t| matches!(t.lower().as_ref(), "by" | "from" | "of"))
    {
        return None;
    }
    let (phrase, _) = phrase_after(tokens, k + 1);
    (phrase.starts_with(char::is_uppercase)).then_some(phrase)
}

/// The document that is the subject of a finding verb at `verb`, in its clause: its maker when
/// named ("A poll by ABC News … found"), else the document ("The survey showed").
fn document_before(tokens: &[Token<'_>], verb: usize) -> Option<String> {
    let doc = (verb.saturating_sub(12)..verb)
        .rev()
        .take_while(|&k| !matches!(tokens[k].text, "," | ";" | ":"))
        .filter(|&k| tokens[k].lower_in(&DOCUMENTS))
        .last()?;
    let from = (doc.saturating_sub(3)..doc)
        .find(|&k| {
            tokens[k..doc]
                .iter()
                .all(|t| t.is_word() && !t.is_capitalized() || t.lower() == "the")
        })
        .unwrap_or(doc);
    source_of_document(tokens, from).or_else(|| {
        // "The department's figures show": the owner of the document.
        let owner = doc.checked_sub(1).and_then(|k| {
            let t = tokens[k].text;
            t.strip_suffix("'s").or_else(|| t.strip_suffix("’s"))
        });
        if let Some(owner) = owner.filter(|o| !o.is_empty()) {
            return Some(owner.to_string());
        }
        let before = phrase_before(tokens, doc + 1);
        (!before.is_empty()).then_some(before)
    })
}

/// "A source familiar with the matter said", "people close to the talks said", "an official with
/// knowledge of the plan said": a speaker noun followed by what qualifies it, up to the verb.
fn qualified_speaker(tokens: &[Token<'_>], verb: usize) -> Option<String> {
    let end = subject_end(tokens, verb);
    let from = end.saturating_sub(8);
    let noun = (from..end).find(|&k| {
        SPEAKER_NOUNS.contains(&tokens[k].lower().as_ref())
            || matches!(tokens[k].lower().as_ref(), "people" | "person")
    })?;
    let qualifier = tokens.get(noun + 1)?.lower();
    // "The New Jersey maker of hair accessories said": a company described by what it makes.
    let of_company =
        qualifier == "of" && tokens[noun].lower_in(&super::measure::ORGANIZATION_NOUNS);
    if !(of_company
        || matches!(
            qualifier.as_ref(),
            "familiar" | "close" | "with" | "briefed" | "involved" | "knowledgeable"
        ))
        || tokens[noun + 1..end].iter().any(|t| !t.is_word())
    {
        return None;
    }
    let mut start = noun;
    while !of_company
        && start > 0
        && tokens[start - 1].is_word()
        && !tokens[start - 1].is_capitalized()
        && start + 3 > noun
    {
        start -= 1;
    }
    Some(join_tokens(&tokens[start..end]))
}

/// Where the subject before a speech verb ends: before its auxiliaries and a day ("The World
/// Food Programme on Friday announced", "officials Wednesday said").
fn subject_end(tokens: &[Token<'_>], verb: usize) -> usize {
    let mut end = verb;
    loop {
        // A capitalized "May" is a name ("Theresa May said"), not the auxiliary.
        if end > 0
            && !tokens[end - 1].is_capitalized()
            && AUXILIARIES.contains(&tokens[end - 1].lower().as_ref())
        {
            end -= 1;
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

/// Weekdays, months and relative days: when something was said, never who said it. ("May" and
/// "March" are also names and words; abbreviations are left to the tagger.)
fn is_calendar(t: &Token<'_>) -> bool {
    let mut buf = [0u8; 24];
    let Some(lower) = super::words::ascii_lower(t.text, &mut buf) else {
        return false;
    };
    matches!(lower, "today" | "yesterday" | "tonight")
        || super::timex::weekday_of(lower).is_some()
        || (super::timex::month_of(lower).is_some_and(|(_, abbreviated)| !abbreviated)
            && !matches!(lower, "may" | "march"))
}

/// Words that open a relative or adverbial clause, not an apposition.
#[rustfmt::skip]
static RELATIVES: WordSet = WordSet::new(&[
    "where", "which", "who", "whom", "whose", "when", "while", "as", "after", "before", "because",
    "although", "though", "if", "since", "until", "that",
]);

/// The subject phrase ending just before token `verb`, or "" when there is none.
fn phrase_before(tokens: &[Token<'_>], verb: usize) -> String {
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
        if t.text == "."
            && abbreviation
            && (legal_form || (start < end && tokens[start].is_capitalized()))
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
        if !t.is_word() {
            break;
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
        // Sachs expect": the analysts of the firm.
        if matches!(lower.as_ref(), "in" | "at")
            && start >= 2
            && SPEAKER_NOUNS.contains(&tokens[start - 2].lower().as_ref())
        {
            start -= 1;
            continue;
        }
        // "Department of Energy and Climate Change".
        let inside_name = start >= 3
            && tokens[start - 2].is_capitalized()
            && matches!(tokens[start - 3].lower().as_ref(), "of" | "for");
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
    if start == end || !is_speaker(&tokens[start..end]) {
        return String::new();
    }
    join_tokens(&tokens[start..end])
}

/// The tokens as written, without a leading article: tokens that touch stay joined ("AT&T").
fn join_tokens(tokens: &[Token<'_>]) -> String {
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

/// "Ana Lopez, a spokeswoman for the ministry, said": (name, role) when the verb follows a
/// comma-delimited apposition that follows a name.
fn apposition_before(tokens: &[Token<'_>], verb: usize) -> Option<(String, String)> {
    let end = subject_end(tokens, verb);
    if end == 0 || tokens[end - 1].text != "," {
        return None;
    }
    let close = end - 1;
    let open = (close.saturating_sub(20)..close)
        .rev()
        .find(|&k| tokens[k].text == ",")?;
    let role_tokens = &tokens[open + 1..close];
    // "Ana Lopez, 52, said": an age, not a role; the name alone speaks.
    if let [age] = role_tokens
        && age.text.bytes().all(|b| b.is_ascii_digit())
    {
        let name = phrase_before(tokens, open);
        return (!name.is_empty()).then(|| (name, String::new()));
    }
    // "Tromso, where 430 people work, said …": a relative clause, not a role.
    if role_tokens
        .first()
        .is_some_and(|t| RELATIVES.contains(&t.lower().as_ref()))
    {
        return None;
    }
    if role_tokens.is_empty()
        || !role_tokens
            .iter()
            .all(|t| t.is_word() || matches!(t.text, "’" | "'"))
    {
        return None;
    }
    let name = phrase_before(tokens, open);
    if name.is_empty() {
        return None;
    }
    // "A spokesman for Seagram, the Montreal spirits concern, said": the speaker is the role and
    // whom it speaks for; the apposition describes the body.
    if !is_name(&name) {
        return name
            .contains(char::is_uppercase)
            .then(|| (name, String::new()));
    }
    let role: Vec<&str> = role_tokens.iter().map(|t| t.text).collect();
    Some((name, join_words(&role)))
}

/// The subject of a speech verb written as comma-delimited names: a company and its place
/// ("America West Airlines, Phoenix, Ariz., reported") gives the first; a description and its
/// name ("GM's big electronics unit, GM Hughes Electronics, said") gives the name.
fn name_in_commas(tokens: &[Token<'_>], verb: usize) -> Option<String> {
    let end = subject_end(tokens, verb);
    if end == 0 || tokens[end - 1].text != "," {
        return None;
    }
    // Groups of capitalized words between commas, last first.
    let mut groups: Vec<std::ops::Range<usize>> = Vec::new();
    let mut close = end - 1;
    while groups.len() < 3 {
        let mut k = close;
        while k > 0 && close - k < 6 {
            let t = &tokens[k - 1];
            let part = (t.is_capitalized() && !CLAUSE_WORDS.contains(&t.lower().as_ref()))
                || matches!(t.text, "." | "&" | "-")
                || matches!(t.text, "of" | "and");
            if !part {
                break;
            }
            k -= 1;
        }
        if k == close || !tokens[k].is_capitalized() {
            break;
        }
        groups.push(k..close);
        if k == 0 || tokens[k - 1].text != "," {
            break;
        }
        close = k - 1;
    }
    let first = groups.last()?;
    // "Separately, America West …": an opening adverb and its comma.
    let opens_sentence = first.start == 0
        || (first.start == 2 && tokens[1].text == "," && tokens[0].text.ends_with("ly"));
    let described = groups.len() == 1 && first.start >= 2 && tokens[first.start - 1].text == ",";
    if !(groups.len() >= 2 && opens_sentence || described) {
        return None;
    }
    let pick = first.clone();
    let words: Vec<&str> = tokens[pick].iter().map(|t| t.text).collect();
    let name = join_words(&words).replace(" .", ".");
    (!name.is_empty()).then_some(name)
}

/// The apposition after a speaker: "said Ana Lopez, the authority's chief executive" → the role.
fn apposition_after(tokens: &[Token<'_>], end: usize) -> Option<String> {
    if tokens.get(end).map(|t| t.text) != Some(",") {
        return None;
    }
    let first = tokens.get(end + 1)?;
    if !matches!(
        first.lower().as_ref(),
        "the" | "a" | "an" | "his" | "her" | "its" | "their"
    ) {
        return None;
    }
    // A role is a short noun phrase that closes the sentence or the clause: "…, the utility's
    // chief executive." — not a clause of its own ("…, the ministry accounts for 40% of …").
    let limit = tokens.len().min(end + 10);
    let stop =
        (end + 1..limit).find(|&k| !tokens[k].is_word() && !matches!(tokens[k].text, "’" | "'"))?;
    if !matches!(tokens[stop].text, "," | "." | ";" | "”" | "\"") {
        return None;
    }
    let role: Vec<&str> = tokens[end + 1..stop].iter().map(|t| t.text).collect();
    (!role.is_empty()).then(|| join_words(&role))
}

/// Joins tokens with spaces, but glues possessive apostrophes: "authority ’ s" stays "authority’s".
fn join_words(words: &[&str]) -> String {
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
fn phrase_after(tokens: &[Token<'_>], from: usize) -> (String, usize) {
    let mut end = from;
    while end < tokens.len() && end - from < 8 {
        let t = &tokens[end];
        let lower = t.lower();
        // A lowercase modifier counts when a speaker noun follows it: "the census office".
        let modifies_noun = || {
            lower.chars().all(char::is_alphabetic)
                && !NOT_MODIFIERS.contains(&lower.as_ref())
                && tokens[end + 1..tokens.len().min(end + 3)]
                    .iter()
                    .any(|n| SPEAKER_NOUNS.contains(&n.lower().as_ref()))
        };
        let ok = t.is_word()
            && !is_calendar(t)
            && (t.is_capitalized()
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
    while end > from && matches!(tokens[end - 1].lower().as_ref(), "the" | "of") {
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
    let words: Vec<&str> = tokens[from..end]
        .iter()
        .enumerate()
        .filter(|(k, t)| {
            *k >= first_name || SPEAKER_NOUNS.contains(&t.lower().as_ref()) || t.lower() == "the"
        })
        .map(|(_, t)| t.text)
        .collect();
    // "according to Upjohn's estimates": Upjohn.
    let phrase = strip_determiners(&words);
    let phrase = phrase
        .strip_suffix("'s")
        .or_else(|| phrase.strip_suffix("’s"))
        .map_or(phrase.clone(), str::to_string);
    (phrase, end)
}

fn is_speaker(tokens: &[Token<'_>]) -> bool {
    tokens.iter().any(|t| {
        let lower = t.lower();
        (t.is_capitalized() && !CLAUSE_WORDS.contains(&lower.as_ref()) && lower != "the")
            || SPEAKER_NOUNS.contains(&lower.as_ref())
            || PRONOUNS.contains(&lower.as_ref())
    })
}

/// A phrase made only of capitalized words: a proper name.
fn is_name(phrase: &str) -> bool {
    phrase
        .split_whitespace()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase))
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
            && TITLE_WORDS.contains(&tokens[j].lower().trim_end_matches(['’', '\'', '.']))
        {
            j += 1;
        }
        let has_role = (i..j).any(|k| !ROLE_QUALIFIERS.contains(&tokens[k].lower().as_ref()));
        let mut k = j;
        while k < tokens.len()
            && k - j < 4
            && tokens[k].is_capitalized()
            && tokens[k].is_word()
            && !CLAUSE_WORDS.contains(&tokens[k].lower().as_ref())
        {
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

/// What [`resolve`] compares of a person, made once for each person of the article.
struct Known {
    /// [`Person::display`].
    display: String,
    /// The name, lowercased.
    name: String,
    /// [`Person::role`].
    role: String,
}

impl Known {
    fn of(p: &Person) -> Known {
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

/// Joins a speaker phrase to a person of the article when it names their role or surname: the
/// person named last before sentence `at`, else the first named after it. `known` holds what is
/// compared of each of `people`.
fn resolve(
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
    let role = role_of(&lower);
    let phrase_is_name = is_name(phrase);
    let matches = |k: &Known| {
        let person_role = k.role.as_str();
        let same_role = !role.is_empty()
            && !person_role.is_empty()
            && (role == person_role
                || ends_with_word(person_role, &role)
                || ends_with_word(&role, person_role));
        let surname = k.name.split_whitespace().nth(1).is_some()
            && k.name.split_whitespace().any(|w| w == lower);
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
    use super::*;
    use crate::extract::sentences::split_sentences;
    use crate::extract::tokens::{Lowered, tokenize_all};

    fn speakers(text: &str) -> Vec<Option<String>> {
        let s = split_sentences(text);
        attribute(text, &s, &tokenize_all(text, &Lowered::new(text), &s))
            .into_iter()
            .map(|a| a.map(|a| a.speaker))
            .collect()
    }

    #[test]
    fn the_company_is_the_company_the_story_is_about() {
        let text = "Vessler AG said profit rose. Shares of Vessler fell. \
                    Analysts expect Vessler to cut jobs. Sales fell 3%, the company said.";
        assert_eq!(speakers(text)[3].as_deref(), Some("Vessler"));
        // A company the lead names with its legal form is the company, speaking or not.
        let text = "Goody Products Inc. cut its dividend. Net was $1.9 million, the company said.";
        assert_eq!(speakers(text)[1].as_deref(), Some("Goody Products"));
        // A company described by what it makes is the company.
        let text = "Goody Products Inc. cut its dividend. The New Jersey maker of hair \
                    accessories said sales rose 4%.";
        assert_eq!(speakers(text)[1].as_deref(), Some("Goody Products"));
        // Without the topic speaking anywhere, "the company" stays as written.
        let text = "Kenya was hit. Kenya mourned. Sales fell 3%, the company said.";
        assert_eq!(speakers(text)[2].as_deref(), Some("company"));
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
            // A document's maker speaks through it.
            (
                "Funds lost $1.6 billion, according to estimates by Dalbar Financial Services.",
                Some("Dalbar Financial Services"),
            ),
            (
                "Sales rose 12%, according to figures from the Commerce Department.",
                Some("Commerce Department"),
            ),
            (
                "A poll by ABC News and the Washington Post found 6 of 10 Americans agree.",
                Some("ABC News"),
            ),
            (
                "The department's figures show consumption rose 12 percent.",
                Some("department"),
            ),
            ("The survey showed 45% of voters back him.", Some("survey")),
            ("Police found 3 bodies in the house.", None),
            ("The ministry put the death toll at 54.", Some("ministry")),
            (
                "It holds 14.6%, according to a recent SEC filing.",
                Some("SEC filing"),
            ),
            (
                "It was estimated by the agency that demand could exceed supply by 6%.",
                Some("agency"),
            ),
            (
                "By Brandt's estimate, prices will average 48 euros.",
                Some("Brandt"),
            ),
            (
                "The rebels claimed to have killed 40 soldiers.",
                Some("rebels"),
            ),
            (
                "Analysts at Goldman Sachs expect growth of 2.1%.",
                Some("Analysts at Goldman Sachs"),
            ),
            (
                "Officials estimate that 40,000 people have fled.",
                Some("Officials"),
            ),
            // A long name with "for the" inside and its acronym in brackets.
            (
                "Aid reached 1.2 million people, the U.N. Office for the Coordination of \
                 Humanitarian Affairs (OCHA) said.",
                Some("U.N. Office for the Coordination of Humanitarian Affairs"),
            ),
            (
                "About 7.1 million people go hungry, according to the latest Integrated Food \
                 Security Phase Classification analysis.",
                Some("Integrated Food Security Phase Classification"),
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
                "It took a charge tied to Hughes's previously announced plan.",
                None,
            ),
            ("Shoney's said the debt was repaid.", Some("Shoney's")),
            (
                "Ogden Projects Inc. said net income jumped.",
                Some("Ogden Projects Inc."),
            ),
            (
                "Hewlett-Packard Co. said it raised its stake.",
                Some("Hewlett-Packard Co."),
            ),
            (
                "Cineplex Odeon Corp. directors said the bid was acceptable.",
                Some("Cineplex Odeon Corp. directors"),
            ),
            (
                "According to the filing, Hewlett-Packard acquired 730,070 shares.",
                Some("filing"),
            ),
            (
                "Later, Ogden Corp., which also has interests in building maintenance, reported \
                 net income of $27.1 million.",
                Some("Ogden Corp."),
            ),
            (
                "Rescuers arrived in May and Lopez said the worst was over.",
                Some("Lopez"),
            ),
            (
                "Brussels and analysts have said the deal is off.",
                Some("Brussels and analysts"),
            ),
            (
                "But officials said the bridge would reopen.",
                Some("officials"),
            ),
            // Days are when, never who; names keep their inner words and joiners.
            (
                "Some 300 people fled, the International Organization for Migration said on Thursday.",
                Some("International Organization for Migration"),
            ),
            (
                "The World Food Programme on Friday announced cuts.",
                Some("World Food Programme"),
            ),
            ("Revenue rose 3%, AT&T said on Monday.", Some("AT&T")),
            (
                "The Department of Energy and Climate Change says 300 homes were fitted.",
                Some("Department of Energy and Climate Change"),
            ),
            (
                "The president of Chile admitted the error.",
                Some("president of Chile"),
            ),
            (
                "The toll rose to 12, hospital officials and family members said Wednesday.",
                Some("family members"),
            ),
            (
                "Prime Minister Theresa May said so.",
                Some("Prime Minister Theresa May"),
            ),
            (
                "Chief executive Maria Lund, 52, said the plant would close.",
                Some("Chief executive Maria Lund"),
            ),
            // A company, its city and state; a description and its name.
            (
                "Separately, America West Airlines, Phoenix, Ariz., reported a profit.",
                Some("America West Airlines"),
            ),
            (
                "GM's big unit, GM Hughes Electronics, said net income fell 22%.",
                Some("GM Hughes Electronics"),
            ),
            (
                "Jobs will go in Tromso, where 430 people work, said Eirik Haugen.",
                Some("Eirik Haugen"),
            ),
            (
                "Service Corp. International said it expects a profit of 15 cents a share.",
                Some("Service Corp. International"),
            ),
            (
                "According to Upjohn's estimates, only 50% of the staff will go.",
                Some("Upjohn"),
            ),
            (
                "A source familiar with the matter said Nordvik's board had rejected it.",
                Some("source familiar with the matter"),
            ),
            (
                "A spokesman for Seagram, the Montreal spirits concern, said profit would rise.",
                Some("spokesman for Seagram"),
            ),
            (
                "Evacuees fled in Jonglei and Unity states, where rivers burst, the IOM said.",
                Some("IOM"),
            ),
            (
                "The United States said the talks had failed.",
                Some("United States"),
            ),
            (
                "Tom Reyes, a spokesman for the port authority, said 40 ships were waiting.",
                Some("Tom Reyes, a spokesman for the port authority"),
            ),
            (
                "“Repairs will take weeks,” said Nadia Berg, the utility’s chief executive.",
                Some("Nadia Berg, the utility’s chief executive"),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(speakers(text), vec![want.map(str::to_string)], "{text}");
        }
    }

    #[test]
    fn it_is_the_body_that_spoke_last() {
        let text = "Nordvik AS said some managers will stay. But it said that the cuts will cost \
                    $3 million. It said more.";
        let want = Some("Nordvik AS".to_string());
        assert_eq!(speakers(text), vec![want.clone(), want.clone(), want]);
        // No body spoke before: "it" names no one.
        assert_eq!(
            speakers("It said the cuts will cost $3 million."),
            vec![None]
        );
    }

    #[test]
    fn clauses_and_passives_are_not_speakers() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "According to the census office, the region accounts for 12 percent of the vote.",
                Some("census office"),
            ),
            (
                "Over 400 trucks were reported in Lviv on Friday, the agency said.",
                Some("agency"),
            ),
            ("Some 300 people were reported missing in Tromso.", None),
        ];
        for (text, want) in cases {
            assert_eq!(speakers(text), vec![want.map(str::to_string)], "{text}");
        }
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
