//! A sentence's tokens in, its speaker phrase and speech verb out, as written: "X said", "said
//! X", "according to X", "X, a spokesman for Y, said", "a poll by X found", "by X's estimate",
//! "X put the death toll at 54". Joining the phrase to the article's people is the job of
//! [`resolve`](mod@super::resolve).

use std::ops::Range;

use super::lexicon::{
    ARTICLES_AND_POSSESSIVES, CLAUSE_WORDS, DOCUMENTS, ESTIMATED_THINGS, FINDING_VERBS, NOUN_FORMS,
    PRONOUNS, RECKONINGS, RELATIVES, SPEAKER_NOUNS, SPEECH_VERBS,
};
use super::phrase::{is_name, join_tokens, join_words, phrase_after, phrase_before, subject_end};
use crate::extract::speaker_kind::may_be_body;
use crate::extract::tokens::Token;
use crate::extract::words::WordSet;

/// A speaker phrase found in a sentence, before joining to the article's people.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub(super) phrase: String,
    /// Role given in an apposition next to the name.
    pub(super) apposition: Option<String>,
    pub(super) verb: Range<usize>,
}

impl Found {
    /// A speaker without an apposition.
    fn plain(phrase: String, verb: Range<usize>) -> Self {
        Found {
            phrase,
            apposition: None,
            verb,
        }
    }
}

/// The speaker phrase and the speech verb, from the first speech verb of the sentence that has one,
/// unless the sentence closes with "…, according to X": that attribution covers the whole
/// sentence ("an affiliate of Unicorp disclosed a stake of 5%, according to Nashua's treasurer").
pub(super) fn find_speaker(tokens: &[Token<'_>]) -> Option<Found> {
    let first = first_speaker(tokens)?;
    let closing = tokens
        .windows(3)
        .rposition(|w| w[0].text == "," && w[1].lower() == "according" && w[2].lower() == "to")
        .map(|k| k + 1)
        .filter(|&k| tokens[k].start > first.verb.end);
    if let Some(k) = closing
        && let Some(found) = first_speaker(&tokens[k..])
        && tokens[k..].iter().skip(2).all(|t| {
            (t.is_word() && !t.text.starts_with(|c: char| c.is_ascii_digit()))
                || matches!(t.text, "." | "," | "'" | "’" | "&" | "-")
        })
    {
        return Some(found);
    }
    Some(first)
}

/// The speaker of a clause after the first speaker's verb that contrasts with it or goes on
/// with a claim of its own (", though …", ", but …", ", while …", ", whereas …", ", and …": "The
/// government reported nine deaths, and 20,000 people fled, its disaster department said"),
/// with the byte where that clause starts; not a pronoun, which names the same speaker or none.
pub(super) fn later_speaker(tokens: &[Token<'_>], first: &Found) -> Option<(usize, Found)> {
    // (", and to purchase …" goes on with the first speaker's clause: no subject of its own.)
    let k = tokens.windows(3).position(|w| {
        w[0].text == ","
            && w[0].start > first.verb.end
            && (matches!(
                w[1].lower().as_ref(),
                "though" | "although" | "but" | "while" | "whereas"
            ) || (w[1].lower() == "and" && w[2].lower() != "to"))
    })?;
    let found = first_speaker(&tokens[k + 2..])?;
    let pronoun = matches!(
        found.phrase.to_lowercase().as_str(),
        "it" | "he" | "she" | "they"
    );
    (!pronoun).then(|| (tokens[k].start, found))
}

fn first_speaker(tokens: &[Token<'_>]) -> Option<Found> {
    if let Some(found) = words_of(tokens) {
        return Some(found);
    }
    for (i, t) in tokens.iter().enumerate() {
        let lower = t.lower();
        if lower == "according" && tokens.get(i + 1).is_some_and(|n| n.lower() == "to") {
            // "according to estimates by Dalbar", "according to figures from the Commerce
            // Department": whose the document is.
            let (mut phrase, _) = source_of_document(tokens, i + 2)
                .map_or_else(|| phrase_after(tokens, i + 2), |s| (s, 0));
            if phrase.is_empty() {
                phrase = described_source(tokens, i + 2).unwrap_or_default();
            }
            if !phrase.is_empty() {
                // "According to X, the …": the comma ends the attribution; what follows is the
                // claim, not an apposition.
                return Some(Found::plain(phrase, t.range()));
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
                    .owner()
                    .filter(|o| o.starts_with(char::is_uppercase))
                    .map(str::to_string),
            };
            if let Some(phrase) = phrase {
                return Some(Found::plain(phrase, reckoning.range()));
            }
        }
        // "A poll by ABC News and the Washington Post found …", "the survey showed …": a
        // document's finding, said by whoever made it.
        if FINDING_VERBS.contains(&lower.as_ref())
            && let Some(phrase) = document_before(tokens, i).or_else(|| {
                // "Analysts see growth of 2%": people who see a number ahead.
                let before = phrase_before(tokens, i);
                (matches!(lower.as_ref(), "see" | "sees")
                    && before
                        .split(' ')
                        .any(|w| SPEAKER_NOUNS.contains(&w.to_lowercase().as_str())))
                .then_some(before)
            })
        {
            return Some(Found::plain(phrase, t.range()));
        }
        // "The ministry put the death toll at 54", "Analysts value the bid at $112 a share":
        // an estimate given.
        let put = matches!(lower.as_ref(), "put" | "puts" | "putting")
            && tokens[i + 1..]
                .iter()
                .take(6)
                .take_while(|n| n.text != "at")
                .any(|n| n.lower_in(&ESTIMATED_THINGS));
        if (put || valued_at(tokens, i)) && !after_be(tokens, i) {
            let before = phrase_before(tokens, i);
            if !before.is_empty() {
                return Some(Found::plain(before, t.range()));
            }
        }
        // "The United States said": a capitalized "States" is a name, not the verb. A passive
        // ("were reported in Brasilia") names no speaker after the verb.
        if t.is_capitalized() || !SPEECH_VERBS.contains(&lower.as_ref()) {
            continue;
        }
        // "The bank cut its rate, saying exports had slowed more than it had expected": what
        // follows "saying" is the subject's, speech verbs inside it included.
        if matches!(lower.as_ref(), "saying" | "citing")
            && let Some(found) = subject_saying(tokens)
        {
            return Some(found);
        }
        // "Analysts polled by the company had forecast …": those polled speak, not the pollster.
        if let Some(phrase) = polled_subject(tokens, i) {
            return Some(Found::plain(phrase, t.range()));
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
        // ("Analysts were predicting …" is progressive, not passive.)
        let passive = i > 0
            && !lower.ends_with("ing")
            && matches!(
                tokens[i - 1].lower().as_ref(),
                "was" | "were" | "is" | "are" | "been" | "being" | "be"
            );
        if passive {
            // "It was estimated by the agency that …": the agent speaks.
            if tokens.get(i + 1).is_some_and(|n| n.lower() == "by") {
                let (phrase, _) = phrase_after(tokens, i + 2);
                if !phrase.is_empty() {
                    return Some(Found::plain(phrase, t.range()));
                }
            }
            continue;
        }
        // "a $500,000 reward announced earlier by Attorney General Janet Reno", "the toll
        // reported by the ministry": a participle without "was" and its agent, who speaks.
        if lower.ends_with("ed") {
            let mut by = i + 1;
            if tokens.get(by).is_some_and(|n| {
                n.lower().ends_with("ly") || matches!(n.lower().as_ref(), "earlier" | "today")
            }) {
                by += 1;
            }
            if tokens.get(by).is_some_and(|n| n.lower() == "by") {
                let (phrase, _) = phrase_after(tokens, by + 1);
                if !phrase.is_empty() {
                    return Some(Found::plain(phrase, t.range()));
                }
            }
        }
        // "It said", "but it said that …": the body that spoke last ([`attribute`]).
        let end = subject_end(tokens, i);
        if end > 0 && tokens[end - 1].lower() == "it" {
            return Some(Found::plain("it".to_string(), t.range()));
        }
        // "…, he said": the person named last ([`resolve`]).
        if end > 0 && matches!(tokens[end - 1].lower().as_ref(), "he" | "she") {
            return Some(Found::plain(
                tokens[end - 1].lower().into_owned(),
                t.range(),
            ));
        }
        // "X -- an aside -- reported", "The central bank, in its quarterly report, forecast":
        // the words before the aside.
        let aside =
            crate::extract::tokens::aside_before(tokens, i).or_else(|| comma_aside(tokens, i));
        let mut before = phrase_before(tokens, aside.unwrap_or(i));
        // "Ogden Corp., which also has interests in …, reported": the name before the relative
        // clause speaks (also when an aside ends it: "…, which owns … -- National Steel --").
        let close = aside.or_else(|| (i > 0 && tokens[i - 1].text == ",").then(|| i - 1));
        if before.is_empty()
            && let Some(close) = close
            && let Some(open) = crate::extract::scope::relative_clause_before(tokens, close)
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
            return Some(Found::plain(before, t.range()));
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
            return Some(Found::plain(phrase, t.range()));
        }
        // "A source familiar with the matter said …": a speaker noun and what qualifies it.
        if let Some(phrase) = qualified_speaker(tokens, i) {
            return Some(Found::plain(phrase, t.range()));
        }
        // "The directors didn't say …, but said …": a verb joined to the clause's first one
        // shares its subject.
        if let Some(found) = joined_verb(tokens, i) {
            return Some(found);
        }
        // "U.S. commanders in charge of planning have indicated": the speaker noun before what
        // qualifies it.
        if let Some(phrase) = qualified_subject(tokens, i) {
            return Some(Found::plain(phrase, t.range()));
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
    subject_saying(tokens).or_else(|| own_decision(tokens))
}

/// "Those were the words of manager Ross Adeyemi", "That was the view of the ministry": a
/// sentence that names who said what came before it.
pub(super) fn words_of(tokens: &[Token<'_>]) -> Option<Found> {
    let [this, be, the, words, of, ..] = tokens else {
        return None;
    };
    let fits = matches!(
        this.lower().as_ref(),
        "those" | "these" | "that" | "this" | "such"
    ) && matches!(be.lower().as_ref(), "were" | "was" | "are" | "is")
        && the.lower() == "the"
        && matches!(
            words.lower().as_ref(),
            "words" | "remarks" | "comments" | "view" | "views" | "verdict" | "message"
        )
        && of.lower() == "of";
    if !fits {
        return None;
    }
    // "the words of Kingsbridge manager Ross Adeyemi at his news conference": capitalized
    // words, a lowercase role between them, the dots of initials.
    let mut end = 5;
    while let Some(t) = tokens.get(end) {
        let name = t.is_word() && t.is_capitalized();
        let role = t.is_word()
            && !t.lower_in(&CLAUSE_WORDS)
            && tokens.get(end + 1).is_some_and(Token::is_capitalized);
        let initial = t.text == "." && tokens[end - 1].text.len() == 1;
        if !(name || role || initial) || end - 5 >= 8 {
            break;
        }
        end += 1;
    }
    if !tokens[5..end].iter().any(Token::is_capitalized) {
        return None;
    }
    let phrase = join_tokens(&tokens[5..end]);
    Some(Found::plain(phrase, words.range()))
}

/// "Nashua responded by strengthening its plan and saying it will buy back up to one million
/// shares", "The company cut its forecast, saying demand fell 5%": the subject of the sentence
/// says what follows "saying".
fn subject_saying(tokens: &[Token<'_>]) -> Option<Found> {
    let saying = tokens.iter().enumerate().skip(1).find(|(i, t)| {
        matches!(t.lower().as_ref(), "saying" | "citing")
            && matches!(tokens[i - 1].lower().as_ref(), "," | "and" | "by")
    })?;
    let (phrase, end) = sentence_subject(tokens)?;
    (end < saying.0).then(|| Found::plain(phrase, saying.1.range()))
}

/// Whether the verb at `verb` is a form of "to be"'s complement: "was valued at", "is put at"
/// (a passive names no speaker before it).
fn after_be(tokens: &[Token<'_>], verb: usize) -> bool {
    verb > 0
        && matches!(
            tokens[verb - 1].lower().as_ref(),
            "was" | "were" | "is" | "are" | "been" | "being" | "be"
        )
}

/// "value(s) … at $112": a valuation verb whose "at" (within six words) is followed by an
/// amount.
fn valued_at(tokens: &[Token<'_>], verb: usize) -> bool {
    if !matches!(tokens[verb].lower().as_ref(), "value" | "values" | "valued") {
        return false;
    }
    let Some(at) = (verb + 2..tokens.len().min(verb + 8)).find(|&k| tokens[k].lower() == "at")
    else {
        return false;
    };
    let mut k = at + 1;
    while tokens
        .get(k)
        .is_some_and(|t| matches!(t.lower().as_ref(), "about" | "around" | "some" | "roughly"))
    {
        k += 1;
    }
    tokens.get(k).is_some_and(|t| {
        t.text
            .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '£' | '€' | '¥'))
    })
}

/// "The directors didn't indicate the source, but said …", "Nashua cut jobs and said …": a
/// speech verb right after "and" or "but" with no subject of its own says what the sentence's
/// subject says.
fn joined_verb(tokens: &[Token<'_>], verb: usize) -> Option<Found> {
    let at = subject_end(tokens, verb);
    let joiner = at.checked_sub(1).map(|k| tokens[k].lower())?;
    if !matches!(joiner.as_ref(), "and" | "but") {
        return None;
    }
    let (phrase, end) = sentence_subject(tokens)?;
    (end < at - 1).then(|| Found::plain(phrase, tokens[verb].range()))
}

/// "U.S. commanders in charge of planning for Middle East crises have indicated …": a speaker
/// noun, then a phrase that qualifies it (a preposition and up to eight words, no comma or
/// clause word), then the verb. The noun phrase speaks.
fn qualified_subject(tokens: &[Token<'_>], verb: usize) -> Option<String> {
    let end = subject_end(tokens, verb);
    let lowest = end.saturating_sub(10);
    let mut k = end;
    while k > lowest {
        k -= 1;
        let t = &tokens[k];
        if !t.is_word() || t.lower_in(&RELATIVES) || t.lower_in(&SPEECH_VERBS) {
            return None;
        }
        let opens = matches!(
            t.lower().as_ref(),
            "in" | "at" | "of" | "for" | "with" | "from"
        );
        if opens && k > 0 && tokens[k - 1].lower_in(&SPEAKER_NOUNS) && k + 1 < end {
            let phrase = phrase_before(tokens, k);
            return (!phrase.is_empty()).then_some(phrase);
        }
    }
    None
}

/// "The central bank, in its quarterly report, forecast …", "the ministry, in a statement,
/// said": a phrase opened by a preposition and set off by commas just before the verb; the comma
/// that opens it.
fn comma_aside(tokens: &[Token<'_>], verb: usize) -> Option<usize> {
    let close = verb.checked_sub(1).filter(|&k| tokens[k].text == ",")?;
    let open = (close.saturating_sub(8)..close)
        .rev()
        .find(|&k| tokens[k].text == ",")?;
    let inside = &tokens[open + 1..close];
    let prepositional = inside.first().is_some_and(|t| {
        matches!(
            t.lower().as_ref(),
            "in" | "on" | "at" | "after" | "during" | "for" | "through" | "via" | "with"
        )
    });
    // "The institute, known by its Portuguese acronym INGD, said": a participle and what it
    // says of the subject.
    let participial = inside.first().is_some_and(|t| {
        !t.is_capitalized()
            && inside.len() >= 2
            && (t.lower().ends_with("ed") || t.lower_in(&IRREGULAR_PARTICIPLES))
            && !t.lower_in(&SPEECH_VERBS)
    });
    ((prepositional || participial) && inside.iter().all(Token::is_word)).then_some(open)
}

/// Participles that do not end in "-ed", of an aside that describes a subject: "known as …",
/// "run by …".
#[rustfmt::skip]
static IRREGULAR_PARTICIPLES: WordSet = WordSet::new(&[
    "known", "run", "held", "set", "seen", "built", "chosen", "hit", "led", "founded",
]);

/// "Analysts polled by the company had forecast …", "economists surveyed by Reuters expect":
/// the speaker noun before a participle of polling, when that participle and its "by" stand
/// between the subject and the verb at `verb`.
fn polled_subject(tokens: &[Token<'_>], verb: usize) -> Option<String> {
    let end = subject_end(tokens, verb);
    let k = (end.saturating_sub(8)..end).find(|&k| {
        tokens[k].lower_in(&POLL_PARTICIPLES)
            && k > 0
            && tokens[k - 1].lower_in(&SPEAKER_NOUNS)
            && tokens.get(k + 1).is_some_and(|n| n.lower() == "by")
    })?;
    if tokens[k..end].iter().any(|t| !t.is_word()) {
        return None;
    }
    let phrase = phrase_before(tokens, k);
    (!phrase.is_empty()).then_some(phrase)
}

/// Participles by which people are asked for their view.
#[rustfmt::skip]
static POLL_PARTICIPLES: WordSet = WordSet::new(&[
    "polled", "surveyed", "questioned", "interviewed", "consulted", "contacted", "asked",
]);

/// Verbs that are an act rather than a statement when a place is their subject and a noun
/// phrase their object: "Japan declared a state of emergency", "Kenya posted a surplus",
/// besides the decisions on its own figure of [`DECISION_VERBS`].
#[rustfmt::skip]
static ACT_VERBS: WordSet = WordSet::new(&[
    "declared", "declares", "declare", "posted", "posts", "proposed", "proposes",
]);

/// Whether the verb at byte `verb` of the sentence is an act ("declared a state of emergency",
/// "cut its rate") rather than a statement ("declared that 300 had died").
pub(super) fn is_act(tokens: &[Token<'_>], verb: usize) -> bool {
    let Some(k) = tokens.iter().position(|t| t.start == verb) else {
        return false;
    };
    let t = &tokens[k];
    if t.lower_in(&DECISION_VERBS) {
        return true;
    }
    t.lower_in(&ACT_VERBS)
        && tokens.get(k + 1).is_some_and(|n| {
            n.is_word() && !matches!(n.lower().as_ref(), "that" | "it" | "he" | "she" | "they")
        })
}

/// "The European Central Bank cut its deposit rate by 25 basis points": an organization that
/// names its own decision on its own figure announces it.
fn own_decision(tokens: &[Token<'_>]) -> Option<Found> {
    // Most sentences have no decision on "its" figure: a look at pairs of words first.
    let decision = |t: &[Token<'_>]| {
        t[0].lower_in(&DECISION_VERBS) && matches!(t[1].lower().as_ref(), "its" | "their")
    };
    if !tokens.windows(2).any(decision) {
        return None;
    }
    let (phrase, end) = sentence_subject(tokens)?;
    let mut verb = end;
    loop {
        if tokens.get(verb).is_some_and(|t| t.lower().ends_with("ly")) {
            verb += 1;
        } else if tokens.get(verb).is_some_and(|t| t.text == "(")
            && tokens.get(verb + 2).is_some_and(|t| t.text == ")")
        {
            // "The International Monetary Fund (IMF) cut …": its acronym.
            verb += 3;
        } else if tokens.get(verb).is_some_and(|t| t.lower() == "on")
            && tokens
                .get(verb + 1)
                .is_some_and(|t| crate::extract::timex::weekday_of(&t.lower()).is_some())
        {
            // "… on Tuesday cut …": when, not what.
            verb += 2;
        } else {
            break;
        }
    }
    let decides = tokens.get(verb..verb + 2).is_some_and(decision);
    let organization = may_be_body(&phrase);
    (decides && organization).then(|| Found::plain(phrase, tokens[verb].range()))
}

/// Verbs of an organization's decision on its own figure.
#[rustfmt::skip]
static DECISION_VERBS: WordSet = WordSet::new(&[
    "cut", "cuts", "raised", "raises", "lowered", "lowers", "reduced", "reduces", "trimmed",
    "trims", "boosted", "boosts", "increased", "increases", "set", "sets", "kept", "keeps",
    "held", "holds", "left", "slashed", "slashes", "hiked", "hikes",
]);

/// The subject at the start of a sentence (after an opening phrase of time or place: "On
/// Monday, Nashua …") when it is a name or a speaker noun followed by its verb; the token after
/// it.
fn sentence_subject(tokens: &[Token<'_>]) -> Option<(String, usize)> {
    let mut from = 0;
    // "FRANKFURT, Dec 12 - The European Central Bank …": after a dateline in capitals.
    let first = tokens.first()?;
    if first.text.len() > 1 && first.text.bytes().all(|b| b.is_ascii_uppercase()) {
        let dash = tokens
            .iter()
            .take(10)
            .position(|t| matches!(t.text, "-" | "—" | "–" | "_"));
        if let Some(dash) = dash {
            from = dash + 1;
            while tokens
                .get(from)
                .is_some_and(|t| matches!(t.text, "-" | "—" | "–" | "_"))
            {
                from += 1;
            }
        }
    }
    if tokens.get(from)?.lower_in(&OPENING_PREPOSITIONS) {
        from += tokens[from..].iter().take(8).position(|t| t.text == ",")? + 1;
    }
    if !tokens.get(from).is_some_and(Token::is_capitalized) {
        return None;
    }
    let (phrase, end) = phrase_after(tokens, from);
    // The subject is followed by its verb, not by more of a noun phrase ("Shares of …").
    let verb_follows = tokens.get(end).is_some_and(|t| {
        (t.is_word() && !t.is_capitalized() && !matches!(t.lower().as_ref(), "of" | "in" | "at"))
            || (t.text == "(" && tokens.get(end + 2).is_some_and(|c| c.text == ")"))
    });
    // A lone capitalized first word is a name only where the text writes it so elsewhere
    // ("Sales rose" is no speaker).
    let lone_first = from == 0 && end == 1 && !tokens[0].name_elsewhere;
    let speaker_like =
        is_name(&phrase) || phrase.split(' ').any(|w| SPEAKER_NOUNS.contains_lower(w));
    (!phrase.is_empty() && speaker_like && verb_follows && !lone_first).then_some((phrase, end))
}

/// Words that open a sentence with a phrase of time or place before its subject.
#[rustfmt::skip]
static OPENING_PREPOSITIONS: WordSet = WordSet::new(&[
    "on", "in", "at", "after", "before", "during", "since", "earlier", "later", "last", "this",
]);

/// "according to a person with knowledge of the talks", "according to an aide to Trade
/// Representative Carla Hills": a source described rather than named, up to the clause's end.
/// The description opens with an article or a noun (not a pronoun, a number or a verb) and
/// holds words only, with the dots of abbreviations ("U.S.").
fn described_source(tokens: &[Token<'_>], from: usize) -> Option<String> {
    let first = tokens.get(from)?;
    let opens = first.is_word()
        && !first.text.starts_with(|c: char| c.is_ascii_digit())
        && !PRONOUNS.contains(&first.lower().as_ref())
        && !CLAUSE_WORDS.contains(&first.lower().as_ref());
    if !opens {
        return None;
    }
    let mut end = from;
    while end < tokens.len() && end - from < 12 {
        let t = &tokens[end];
        let abbreviation_dot = t.text == "."
            && end > from
            && tokens[end - 1].end == t.start
            && tokens[end - 1].text.len() == 1
            && tokens.get(end + 1).is_some_and(Token::is_capitalized);
        let inner = t.is_word() && !RELATIVES.contains(&t.lower().as_ref());
        if !(inner || abbreviation_dot || matches!(t.text, "&" | "-")) {
            break;
        }
        end += 1;
    }
    // Up to the end of the clause: a description cut short by the limit is no source.
    let closed = tokens
        .get(end)
        .is_none_or(|t| matches!(t.text, "," | "." | ";" | ":" | ")" | "”" | "\""));
    let words = &tokens[from..end];
    // "according to the plan" is a reference, not a source: two words besides the article.
    let content = words
        .iter()
        .filter(|t| t.is_word() && !ARTICLES_AND_POSSESSIVES.contains(&t.lower().as_ref()))
        .count();
    (closed && content >= 2).then(|| join_tokens(words))
}

/// "estimates by Dalbar Financial Services", "figures from the Commerce Department": the maker of the document that starts at `from` (after at most three
/// lowercase words: "the latest official figures"), when it is named. A filing "with the SEC" is
/// its filer's, not the SEC's: "with" names no maker.
fn source_of_document(tokens: &[Token<'_>], from: usize) -> Option<String> {
    // ("Figures from the Commerce Department show": the document may open the sentence.)
    let doc = (from..tokens.len().min(from + 4))
        .take_while(|&k| {
            tokens[k].is_word()
                && (!tokens[k].is_capitalized() || k == from && tokens[k].lower_in(&DOCUMENTS))
        })
        .find(|&k| tokens[k].lower_in(&DOCUMENTS))?;
    let mut k = doc + 1;
    if tokens.get(k).is_some_and(|t| {
        matches!(
            t.lower().as_ref(),
            "compiled"
                | "released"
                | "published"
                | "provided"
                | "gathered"
                | "prepared"
                | "distributed"
                | "conducted"
                | "commissioned"
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
    // "a survey by consultancy PetroLens", "by the research firm Kpler": the name after a few
    // words that say what it is.
    let mut name = k + 1;
    while name < k + 4
        && tokens
            .get(name)
            .is_some_and(|t| t.is_word() && !t.is_capitalized())
        && tokens.get(name + 1).is_some_and(Token::is_word)
    {
        name += 1;
    }
    if !tokens.get(name).is_some_and(Token::is_capitalized) {
        name = k + 1;
    }
    let (phrase, _) = phrase_after(tokens, name);
    // "estimates from traders": a group that speaks, named by its noun.
    let group = phrase
        .rsplit(' ')
        .next()
        .is_some_and(|w| SPEAKER_NOUNS.contains(w));
    (phrase.starts_with(char::is_uppercase) || group).then_some(phrase)
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
        let owner = doc.checked_sub(1).and_then(|k| tokens[k].owner());
        if let Some(owner) = owner.filter(|o| !o.is_empty()) {
            return Some(owner.to_string());
        }
        let before = phrase_before(tokens, doc + 1);
        if !before.is_empty() {
            return Some(before);
        }
        // "Staff projections … see": the document as named, with the word before it.
        let named = doc
            .checked_sub(1)
            .filter(|&k| tokens[k].is_word() && !tokens[k].lower_in(&ARTICLES_AND_POSSESSIVES))
            .unwrap_or(doc);
        Some(
            tokens[named..=doc]
                .iter()
                .map(|t| t.text)
                .collect::<Vec<_>>()
                .join(" "),
        )
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
        qualifier == "of" && tokens[noun].lower_in(&crate::extract::measure::ORGANIZATION_NOUNS);
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
    // ("president of the company's BellSouth Enterprises Inc. unit": the dot of an
    // abbreviation glued to its word inside the role; "Phoenix, Ariz.," is a place.)
    let abbreviation_dot = |k: usize| {
        role_tokens[k].text == "."
            && k > 0
            && k + 1 < role_tokens.len()
            && role_tokens[k - 1].is_capitalized()
            && role_tokens[k - 1].end == role_tokens[k].start
    };
    if role_tokens.is_empty()
        || !(0..role_tokens.len()).all(|k| {
            let t = &role_tokens[k];
            t.is_word() || matches!(t.text, "’" | "'") || abbreviation_dot(k)
        })
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
    let mut role: Vec<String> = Vec::new();
    for t in role_tokens {
        match role.last_mut() {
            Some(last) if t.text == "." => last.push('.'),
            _ => role.push(t.text.to_string()),
        }
    }
    let role: Vec<&str> = role.iter().map(String::as_str).collect();
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

#[cfg(test)]
mod tests {
    use crate::extract::attribution::tests::speakers;

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
            (
                "Staff projections published with the decision see inflation of 2.1%.",
                Some("Staff projections"),
            ),
            ("Analysts see growth of 2% next year.", Some("Analysts")),
            ("We see three options.", None),
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
                "The Office for Ports Safety and Coastal Rescue says 30 boats sank.",
                Some("Office for Ports Safety and Coastal Rescue"),
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
            // A source described rather than named, up to the end of its clause; a reference
            // ("the plan") is no source.
            (
                "The club values him at £60 million, according to a person with knowledge of \
                 the talks.",
                Some("person with knowledge of the talks"),
            ),
            (
                "Imports totaled $37 million, according to an aide to U.S. Trade Representative \
                 Carla Hills.",
                Some("aide to U.S. Trade Representative Carla Hills"),
            ),
            ("Prices rose 5%, according to the plan.", None),
            ("Prices rose 5%, according to 2023 figures.", None),
            // A sign glued to a name; a plural possessive.
            (
                "Prices fell after OPEC+ confirmed it would add 138,000 barrels a day.",
                Some("OPEC+"),
            ),
            (
                "Supporters' groups said prices had climbed 9 percent.",
                Some("Supporters' groups"),
            ),
            (
                "The board proposed a dividend of 5.10 euros.",
                Some("board"),
            ),
            // A phrase set off by commas before the verb; an acronym and a day after the name;
            // an abbreviation before the speaker noun.
            (
                "The central bank, in its quarterly report, forecast growth of 2.5%.",
                Some("central bank"),
            ),
            (
                "The International Monetary Fund (IMF) on Tuesday cut its forecast to 2.9%.",
                Some("International Monetary Fund"),
            ),
            (
                "A senior U.S. official, speaking on condition of anonymity, said 3,000 troops \
                 would go.",
                Some("U.S. official"),
            ),
            (
                "Prosecutors allege that the firm hid $30 million in losses.",
                Some("Prosecutors"),
            ),
            // A valuation given ("value … at" an amount); a passive one names no speaker.
            (
                "Brokers value the Halvard offer at about $41 a share.",
                Some("Brokers"),
            ),
            ("The Halvard offer was valued at $41 a share.", None),
            ("Brokers value loyalty at every level.", None),
            // A verb joined by "but" or "and" shares the subject of the clause.
            (
                "The regulators gave no date, but said the fund would pay $2 million.",
                Some("regulators"),
            ),
            ("Sales fell and said nothing.", None),
            // A speaker noun and what qualifies it before the verb.
            (
                "Navy officers in charge of the port have indicated that 12 ships wait.",
                Some("Navy officers"),
            ),
            // Asking and citing are saying.
            ("Ortega asked why 300 beds stood empty.", Some("Ortega")),
            ("The operator cited costs of $12 million.", Some("operator")),
            // A long name with "for the" after "according to"; an aside made of a participle;
            // those polled, not their pollster; what follows ", saying" is the subject's.
            (
                "At least 2,000 people need shelter, according to the UN Office for the \
                 Coordination of Humanitarian Affairs.",
                Some("UN Office for the Coordination of Humanitarian Affairs"),
            ),
            (
                "The agency, known by its initials NDMA, said 4,000 homes had flooded.",
                Some("agency"),
            ),
            (
                "Analysts polled by the newspaper had on average forecast a profit of $2 million.",
                Some("Analysts"),
            ),
            (
                "The Halvard Bank cut its main rate by 50 basis points, saying demand had \
                 weakened more than it had expected.",
                Some("Halvard Bank"),
            ),
            // Names with particles, before and after the verb.
            (
                "“Wells are dry,” said Amal bin Tariq, who runs the clinic.",
                Some("Amal bin Tariq"),
            ),
            (
                "Fewer ships sailed, Pierre de la Tour told reporters.",
                Some("Pierre de la Tour"),
            ),
            // A participle's agent speaks; a company's management is a speaker.
            (
                "Police doubled the $20,000 reward announced earlier by Mayor Ana Lopez.",
                Some("Mayor Ana Lopez"),
            ),
            (
                "The toll of 31 reported by the ministry rose.",
                Some("ministry"),
            ),
            ("The fee was reported by phone at $40.", None),
            (
                "The suit says Halvard's management expects revenue to grow 20% a year.",
                Some("Halvard's management"),
            ),
            // The object of a preposition is not the subject of the verb after it.
            (
                "Guides who work in Peru and Bolivia, where tourism grew, say 300 trips were \
                 cancelled.",
                None,
            ),
            (
                "People close to Halvard said 40 jobs would go.",
                Some("People close to Halvard"),
            ),
            // A speaker noun before the preposition: its phrase speaks.
            (
                "An official from the ministry said 40 jobs would go.",
                Some("official from the ministry"),
            ),
            (
                "An aide to President Ana Vidal said 40 jobs would go.",
                Some("aide to President Ana Vidal"),
            ),
            (
                "A senior broker with Halvard Securities noted that 20 million shares traded.",
                Some("broker with Halvard Securities"),
            ),
            // An abbreviation inside an apposed role.
            (
                "Rhea T. Vance, head of the group's Ostara Foods Inc. unit, said sales rose 3%.",
                Some("Rhea T. Vance, head of the group's Ostara Foods Inc. unit"),
            ),
        ];
        for (text, want) in cases {
            assert_eq!(speakers(text), vec![want.map(str::to_string)], "{text}");
        }
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
}
