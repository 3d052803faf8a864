//! Sentences in, who said each one out.
//!
//! Patterns: "X said", "said X", "X told reporters", "according to X", "X accused …", with an
//! apposition on either side ("X, a spokesman for Y, said", "said X, the authority's chief
//! executive"). Speakers are joined across the article: "South Korea's defence minister",
//! "Defence Minister Shin Won-sik", a later "Shin", "the minister" and "he" are one person.
//! Reported speech carries over: the sentences of a quotation that spans several sentences all
//! belong to the speaker named where it closes, and a quote paragraph with no speaker of its own
//! belongs to the previous speaker.
//!
//! `attribute` is the entry point: `find` reads each sentence's speaker phrase (with the phrase
//! boundaries of `phrase`), `resolve` joins the phrases to the article's people and carries
//! quotations over, and `lexicon` holds the word lists they read.

mod continued;
mod find;
mod fullest;
pub(crate) mod lexicon;
mod phrase;
mod resolve;

use std::ops::Range;

use self::find::{Found, find_speaker, is_act, later_speaker};
use self::phrase::is_name;
use self::resolve::{
    Known, Person, apposed_people, carry_reported_speech, name_generic_speakers,
    named_institutions, resolve, subject_organization, titled_people,
};
use super::places::is_place;
use super::speaker_kind::{SpeakerKind, may_be_body, speaker_kind};
use super::tokens::Token;

/// Whether `speaker` is a single word of the calendar: a month ("March", "May" included, which
/// are also names but never speak alone) or a weekday.
fn is_date_word(speaker: &str) -> bool {
    let lower = speaker.to_lowercase();
    !lower.contains(' ')
        && (crate::extract::timex::month_of(&lower).is_some()
            || crate::extract::timex::weekday_of(&lower).is_some())
}

/// Whether `speaker` is named by a noun of a group or a body ("analysts", "U.S. commanders",
/// "the company"): what "they" may refer to, unlike a person's name.
fn is_group(speaker: &str) -> bool {
    let head = speaker.split(',').next().unwrap_or(speaker);
    head.split_whitespace()
        .last()
        .is_some_and(|w| lexicon::SPEAKER_NOUNS.contains_lower(w))
}

/// "In September, it announced plans …" with no body spoken of before: the company the story
/// is about, when it speaks in the story or its lead names it with a legal form
/// ([`crate::extract::scope::article_topic`]).
fn it_is_the_topic(
    text: &str,
    tokenized: &[Vec<Token<'_>>],
    lone_its: &[usize],
    out: &mut [Option<Attribution>],
) {
    if lone_its.is_empty() {
        return;
    }
    let Some(topic) = crate::extract::scope::article_topic(text, tokenized) else {
        return;
    };
    let speaks = out.iter().flatten().any(|a| a.speaker.contains(&topic));
    if !speaks && crate::extract::scope::lead_company(tokenized).as_ref() != Some(&topic) {
        return;
    }
    if !may_be_body(&topic) {
        return;
    }
    // ("He took Polly Peck … In September, it announced": the body the sentence before
    // names, when that is not the topic, is left to the reader.)
    let named_before = |i: usize| {
        i > 0
            && tokenized[i - 1]
                .iter()
                .any(|t| topic.split(' ').next().is_some_and(|w| w == t.text))
    };
    for &i in lone_its.iter().filter(|&&i| named_before(i)) {
        if let Some(f) = find_speaker(&tokenized[i]) {
            out[i] = Some(Attribution::new(
                topic.clone(),
                f.verb,
                SpeakerKind::Organization,
            ));
        }
    }
}

/// The speaker of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The speaker, in the fullest form the article gives ("Defence Minister Shin Won-sik").
    pub speaker: String,
    /// Byte range of the speech verb ("said"), the anchor for the statement's date.
    pub verb: Range<usize>,
    /// What kind of author the speaker is, decided by how it was found: a person named with a
    /// title or a role, or meant by "he" or "she"; an organization meant by "it", named by its
    /// fullest name, or described by a noun that takes a body's name ("the company"); a group
    /// named by a plural noun ("analysts"); else read from the name ([`speaker_kind`]).
    pub kind: SpeakerKind,
    /// A second speaker for the clause that contrasts with the first ("U.S. commanders said
    /// 5,500 were taken, though some military officials later said the total may have
    /// climbed above 8,000"), with the byte range of that clause.
    pub(crate) later: Option<Box<(Range<usize>, Attribution)>>,
}

impl Attribution {
    fn new(speaker: String, verb: Range<usize>, kind: SpeakerKind) -> Self {
        Attribution {
            speaker,
            verb,
            kind,
            later: None,
        }
    }

    /// Who said what is written at byte `at` of the sentence: the second speaker inside its
    /// clause, else this one.
    pub(crate) fn at(&self, at: usize) -> &Attribution {
        match &self.later {
            Some(later) if later.0.contains(&at) => &later.1,
            _ => self,
        }
    }
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
        people.extend(apposed_people(tokens).into_iter().map(|p| (i, p)));
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
    // A person the article names with a title or a role is a person, whatever the name looks
    // like; anyone else is read from the name.
    // (Not a name written as a company's: "Amdahl Corp., a maker of mainframe computers".)
    let kind_of = |speaker: &str| {
        let read = speaker_kind(speaker);
        if read != SpeakerKind::Organization && known.iter().any(|k| k.display == speaker) {
            SpeakerKind::Person
        } else {
            read
        }
    };
    let mut out: Vec<Option<Attribution>> = Vec::with_capacity(sentences.len());
    let mut last_person: Option<String> = None;
    // The organization that spoke last: what "it said" refers to.
    let mut last_body: Option<String> = None;
    // The group or body named by its noun that spoke last ("analysts", "U.S. commanders"):
    // whom "they" means.
    let mut last_group: Option<(String, SpeakerKind)> = None;
    // Sentences whose "it" names no body spoken of before.
    let mut lone_its: Vec<usize> = Vec::new();
    for (i, f) in found.iter().enumerate() {
        let mut inferred = false;
        let resolved = f.as_ref().and_then(|f| {
            let mut kind = None;
            let speaker = if f.phrase == "it" {
                kind = Some(SpeakerKind::Organization);
                // The organization that spoke last, else the one the sentence before is about
                // (a guess that does not make it the organization that spoke last).
                let before = || {
                    inferred = true;
                    subject_organization(&tokenized[i.checked_sub(1)?])
                };
                match last_body.clone().or_else(before) {
                    Some(body) => body,
                    None => {
                        lone_its.push(i);
                        return None;
                    }
                }
            } else if f.phrase.eq_ignore_ascii_case("they") {
                let (group, group_kind) = last_group.clone()?;
                kind = Some(group_kind);
                group
            } else {
                if matches!(f.phrase.as_str(), "he" | "she") {
                    kind = Some(SpeakerKind::Person);
                }
                resolve(&f.phrase, &people, &known, i, last_person.as_deref())?
            };
            // "according to the March projections": a month or a weekday alone is when
            // something was said, never who said it.
            if is_date_word(&speaker) {
                return None;
            }
            // "Japan declared a state of emergency in 7 prefectures": a place that acts says
            // nothing; it speaks only through a verb of saying ("Seoul said").
            if is_place(speaker.trim_start_matches("the ")) && is_act(&tokenized[i], f.verb.start) {
                return None;
            }
            let kind = kind.unwrap_or_else(|| kind_of(&speaker));
            let mut a = Attribution::new(speaker, f.verb.clone(), kind);
            if let Some((from, later)) = later_speaker(&tokenized[i], f)
                && let Some(who) = resolve(&later.phrase, &people, &known, i, None)
                && !is_date_word(&who)
            {
                let clause = from..sentences[i].end;
                let kind = kind_of(&who);
                a.later = Some(Box::new((clause, Attribution::new(who, later.verb, kind))));
            }
            Some(a)
        });
        if let Some(a) = &resolved {
            // A known person, or a name with its role ("Chief executive Maria Lund"; not a
            // name alone, which may be a company's: "Du Pont"): whom "she" refers to next.
            let head = a.speaker.split(',').next().unwrap_or(&a.speaker);
            let role = head
                .split_whitespace()
                .any(|w| w.starts_with(char::is_lowercase));
            let named = head
                .split_whitespace()
                .filter(|w| w.starts_with(char::is_uppercase))
                .count()
                >= 2;
            let person = role && named && speaker_kind(&a.speaker) == SpeakerKind::Person;
            if is_group(&a.speaker) {
                last_group = Some((a.speaker.clone(), a.kind));
            }
            if known.iter().any(|k| k.display == a.speaker) || person {
                last_person = Some(a.speaker.clone());
            } else if !inferred
                && may_be_body(&a.speaker)
                && a.kind != SpeakerKind::Group
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
    it_is_the_topic(text, tokenized, &lone_its, &mut out);
    let paragraphs = continued::Paragraphs::new(text, sentences);
    continued::quotes_named_after(&paragraphs, tokenized, &mut out);
    carry_reported_speech(text, sentences, &mut out);
    continued::continued_statements(&paragraphs, tokenized, &mut out);
    continued::after_a_colon(&paragraphs, &mut out);
    name_generic_speakers(text, tokenized, &mut out);
    named_institutions(&mut out);
    fullest::fullest_names(tokenized, &mut out);
    fullest::surnames_with_particles(&mut out);
    fullest::companies_named_like_people(tokenized, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::sentences::split_sentences;
    use crate::extract::tokens::{Lowered, tokenize_all};

    pub(super) fn speakers(text: &str) -> Vec<Option<String>> {
        let s = split_sentences(text);
        attribute(text, &s, &tokenize_all(text, &Lowered::new(text), &s))
            .into_iter()
            .map(|a| a.map(|a| a.speaker))
            .collect()
    }

    /// A conjunction that opens the clause is not part of who speaks; a verb in its progressive
    /// form ("were predicting") is speech, not a passive.
    #[test]
    fn clause_words_stay_out_of_the_speaker_and_progressives_speak() {
        let s = speakers(
            "Nor do analysts expect a sale for $878 million. The toll rose to 5,500, though some \
             military officials later said it may have climbed above 8,000. Analysts were \
             predicting earnings of $3.90 a share.",
        );
        assert_eq!(s[0].as_deref(), Some("analysts"));
        assert_eq!(s[1].as_deref(), Some("some military officials"));
        assert_eq!(s[2].as_deref(), Some("Analysts"));
    }

    /// "The company said" right after a sentence that opens with a company's name: that one.
    #[test]
    fn the_company_is_the_name_the_sentence_before_opens_with() {
        let s = speakers(
            "Kirschner Medical fell 4 to 15. The company said its earnings will be lower. Sales \
             rose 3%. The company said more.",
        );
        assert_eq!(s[1].as_deref(), Some("Kirschner Medical"));
        assert_ne!(s[3].as_deref(), Some("Sales"));
    }

    #[test]
    fn it_is_the_body_that_spoke_last() {
        let text = "Nordvik AS said some managers will stay. But it said that the cuts will cost \
                    $3 million. It said more.";
        let want = Some("Nordvik AS".to_string());
        assert_eq!(speakers(text), vec![want.clone(), want.clone(), want]);
        // No body spoke before: "it" names no one, unless the sentence before is about one.
        assert_eq!(
            speakers("It said the cuts will cost $3 million."),
            vec![None]
        );
        let s = speakers(
            "But analysts say Sansui is a special case. It expects to post a loss of 6.4 billion \
             yen.",
        );
        assert_eq!(s[1].as_deref(), Some("Sansui"));
        for before in ["Sales rose 5%.", "Maria Lund was upbeat.", "I was there."] {
            let s = speakers(&format!("{before} It expects a loss of $5 million."));
            assert_eq!(s[1], None, "{before}");
        }
        // The maker of a document, a group named by its noun included.
        let s = speakers(
            "Estimates from traders put it at less than 5%. Figures from the Commerce \
             Department show exports fell 3%.",
        );
        assert_eq!(s[0].as_deref(), Some("traders"));
        assert_eq!(s[1].as_deref(), Some("Commerce Department"));
    }

    /// No month or weekday speaks, whatever document it dates.
    #[test]
    fn a_month_that_dates_a_document_is_no_speaker() {
        let s = speakers(
            "Staff now expect inflation of 2.3% in 2026, according to the March projections. \
             Growth was 1%, according to the May figures. Exports rose 2%, Friday's report said.",
        );
        assert!(
            s.iter().all(|s| !s.as_deref().is_some_and(is_date_word)),
            "{s:?}"
        );
        assert!(!is_date_word("Lund") && !is_date_word("May Lund") && is_date_word("Friday"));
    }

    /// "They" is the group or body named by its noun that spoke last, never a person.
    #[test]
    fn they_are_the_group_that_spoke_last() {
        let text = "Brokers put the value at $40 a share. They value the rival bid at $38.";
        assert_eq!(speakers(text)[1].as_deref(), Some("Brokers"));
        let text = "Maria Lund said sales rose. They value the rival bid at $38.";
        assert_eq!(speakers(text)[1], None);
    }

    /// An "it" with no body spoken of before is the company the story is about, when the
    /// sentence before names it; not otherwise.
    #[test]
    fn a_lone_it_is_the_company_of_the_story_named_just_before() {
        let text = "Halvard Shipping Ltd. grew fast. Harbour fees rose. Lund joined Halvard \
                    Shipping in 2019. In May, it announced a $30 million plan.";
        let s = speakers(text);
        assert_eq!(s[3].as_deref(), Some("Halvard Shipping"), "{s:?}");
        let text = "Halvard Shipping Ltd. grew fast. Harbour fees rose. In May, it announced a \
                    $30 million plan.";
        assert_eq!(speakers(text)[2], None);
    }

    /// A clause that contrasts with the first speaker's has its own.
    #[test]
    fn a_contrasting_clause_has_its_own_speaker() {
        let text = "Port officials said 40 ships were waiting, though harbour inspectors said \
                    the queue was closer to 60.";
        let s = split_sentences(text);
        let a = attribute(text, &s, &tokenize_all(text, &Lowered::new(text), &s));
        let a = a[0].as_ref().unwrap();
        let at = |figure: &str| a.at(text.find(figure).unwrap()).speaker.as_str();
        assert_eq!(at("40 ships"), "Port officials");
        assert_eq!(at("60"), "harbour inspectors");
        // Without a second speaker, one for all.
        let text = "Port officials said 40 ships were waiting, though the queue was shorter.";
        let s = split_sentences(text);
        let a = attribute(text, &s, &tokenize_all(text, &Lowered::new(text), &s));
        assert!(a[0].as_ref().unwrap().later.is_none());
    }

    #[test]
    fn she_is_the_titled_person_who_spoke_last_and_a_name_alone_is_no_antecedent() {
        let text = "Chief executive Maria Lund said rates rose 18%. She expects losses to \
                    exceed $60 billion.";
        let lund = Some("Chief executive Maria Lund".to_string());
        assert_eq!(speakers(text), vec![lund.clone(), lund]);
        let text = "Du Pont said sales rose 5%. He said it holds about 23% of the market.";
        assert_eq!(speakers(text)[1], None);
    }

    #[test]
    fn makers_of_documents_and_groups_speak() {
        let text = "Kazakhstan produced 1.8 million bpd, according to a survey by consultancy \
                    PetroLens. The partners said they hold 15% of the shares. Polls have shown \
                    support rising to 51 percent.";
        assert_eq!(
            speakers(text),
            vec![
                Some("PetroLens".to_string()),
                Some("partners".to_string()),
                Some("Polls".to_string())
            ]
        );
    }

    #[test]
    fn a_title_or_an_initial_keeps_its_dot_inside_the_name() {
        let text = "\"About 98% of it was moved,\" says Mr. Litvack. Sales rose 5%, said J. Smith.";
        assert_eq!(
            speakers(text),
            vec![
                Some("Mr. Litvack".to_string()),
                Some("J. Smith".to_string())
            ]
        );
    }

    #[test]
    fn the_subject_says_what_follows_saying() {
        let text = "Shares of Nashua rose. Nashua responded by strengthening its plan and saying \
                    it will buy back 10% of its shares. Shares of Vessler fell 3%, saying nothing.";
        assert_eq!(speakers(text), vec![None, Some("Nashua".to_string()), None]);
    }

    #[test]
    fn a_person_set_off_by_a_role_is_whom_he_means_next() {
        let text = "Michael Swavely, president of the North America division, attributed the \
                    gain to exports. \"Exports will be 50% of revenue,\" he said.";
        let swavely = "Michael Swavely, president of the North America division";
        assert_eq!(speakers(text)[1].as_deref(), Some(swavely));
        // A company set off by a description is no person.
        let text = "Nordvik Bank AS, the Swedish lender, cut jobs. \"Costs fell 5%,\" he said.";
        assert_eq!(speakers(text)[1], None);
    }

    #[test]
    fn a_closing_according_to_covers_the_sentence() {
        let text = "An affiliate of Unicorp disclosed a stake of 5% in Nashua, according to \
                    Daniel M. Junius, Nashua's treasurer.";
        assert_eq!(speakers(text)[0].as_deref(), Some("Daniel M. Junius"));
        // Inside the speaker's own clause it stays theirs.
        let text = "Lund said that, according to the ministry, 300 jobs will go.";
        assert_eq!(speakers(text)[0].as_deref(), Some("Lund"));
    }

    /// A name keeps its particles, and a later mention by the surname with its particles is
    /// the same person.
    #[test]
    fn names_with_particles_are_whole() {
        let text = "Commission President Ingrid van der Berg said 40% of the funds were spent. \
                    Van der Berg said 12 projects were late. Governor Omar bin Said Khalil said \
                    rates would stay at 3%. Omar bin Said said 2 banks had failed.";
        let s = speakers(text);
        assert_eq!(
            s[0].as_deref(),
            Some("President Ingrid van der Berg"),
            "{s:?}"
        );
        assert_eq!(s[1], s[0]);
        assert_eq!(
            s[2].as_deref(),
            Some("Governor Omar bin Said Khalil"),
            "{s:?}"
        );
        assert_eq!(s[3], s[2]);
    }

    pub(super) fn kinds_of(text: &str) -> Vec<Option<SpeakerKind>> {
        let s = split_sentences(text);
        attribute(text, &s, &tokenize_all(text, &Lowered::new(text), &s))
            .into_iter()
            .map(|a| a.map(|a| a.kind))
            .collect()
    }

    /// The kind of a speaker is decided where it is found: a company named by one word the
    /// story never gives a person's given name is a body; a titled name, and "she" after it,
    /// a person; a plural noun a group; "it" a body.
    #[test]
    fn the_kind_of_a_speaker_comes_from_how_it_was_found() {
        use SpeakerKind::*;
        let text = "Sales at Skyvale rose 4%, Skyvale said. It said 2 plants would close. Chief \
                    executive Maria Lund said costs fell 2%. She said 300 jobs would go. \
                    Analysts said the cuts were small. They expect 5% growth.";
        assert_eq!(
            kinds_of(text),
            vec![
                Some(Organization),
                Some(Organization),
                Some(Person),
                Some(Person),
                Some(Group),
                Some(Group)
            ]
        );
        // "It" never means a group.
        let text = "Analysts said the cuts were small. It said 2 plants would close.";
        assert_ne!(speakers(text)[1].as_deref(), Some("Analysts"));
        // A surname the story gives in full is the person's.
        let text = "Tove Berg runs the port. Fees rose 4%, Berg said.";
        assert_eq!(kinds_of(text)[1], Some(Person));
        // A body's fullest name; a role alone is a person's.
        let text = "Shares of Halvard Shipping Ltd. fell. Halvard said costs rose 4%.";
        assert_eq!(kinds_of(text)[1], Some(Organization));
        assert_eq!(kinds_of("Analyst said costs rose 4%.")[0], Some(Person));
    }

    /// A place that acts ("declared a state of emergency", "cut its rate") says nothing; it
    /// speaks through a verb of saying.
    #[test]
    fn a_place_that_acts_is_no_speaker() {
        let text = "Chile declared a state of emergency in 5 regions. Peru cut its key rate to \
                    4.5%. Chile declared that 5 regions were flooded. Peru said 300 roads \
                    were closed.";
        let s = speakers(text);
        assert_eq!(s[0], None);
        assert_eq!(s[1], None);
        assert_eq!(s[2].as_deref(), Some("Chile"));
        assert_eq!(s[3].as_deref(), Some("Peru"));
    }

    /// "We" inside a quotation is whoever the quotation is by.
    #[test]
    fn we_in_a_quote_is_the_quote_s_speaker() {
        let text = "“Sales rose 4%,” said Tomas Ek, the finance chief. “We expect 6% next year.”";
        let s = speakers(text);
        assert!(
            s[0].as_deref().is_some_and(|s| s.starts_with("Tomas Ek")),
            "{s:?}"
        );
        assert_eq!(s[1], s[0]);
    }

    /// A clause joined by ", and" that names its own speaker is that speaker's.
    #[test]
    fn a_joined_clause_with_its_own_speaker_is_theirs() {
        let text = "The government reported 12 deaths, and 3,000 people fled their homes, the \
                    relief agency said.";
        let s = split_sentences(text);
        let a = attribute(text, &s, &tokenize_all(text, &Lowered::new(text), &s));
        let a = a[0].as_ref().unwrap();
        let at = |figure: &str| a.at(text.find(figure).unwrap()).speaker.as_str();
        assert_eq!(at("12 deaths"), "government");
        assert_eq!(at("3,000"), "relief agency");
        // ", and to …" has no subject of its own: the first speaker's still.
        let text = "Nordvik said it would use $10 million to repay debt, and to buy a 10% stake \
                    in a field, the company said.";
        let s = split_sentences(text);
        let a = attribute(text, &s, &tokenize_all(text, &Lowered::new(text), &s));
        let a = a[0].as_ref().unwrap();
        assert_eq!(a.at(text.find("10%").unwrap()).speaker, "Nordvik");
    }

    #[test]
    fn an_organization_announces_its_own_decision() {
        let text = "FRANKFURT, Dec 12 - The European Central Bank cut its deposit rate by 25 \
                    basis points to 3.00%. Sales cut its margin by 2%. Maria Lund cut her \
                    forecast to 3%.";
        assert_eq!(
            speakers(text),
            vec![Some("European Central Bank".to_string()), None, None]
        );
    }
}
