//! Speakers named by one word in, the fullest name the article gives them out: "Nordvik said"
//! in a story that writes "Nordvik Bank AS" is Nordvik Bank AS, "Castro said" in one that writes
//! "President Fidel Castro" is the president, "Kim said" after "Kim Jong Un said" is Kim Jong
//! Un. One entity per article, shown by its fullest name, and typed by it
//! ([`crate::extract::speaker_kind`]): a company's legal form or a given name tells which it is.

use std::collections::HashMap;

use super::Attribution;
use super::lexicon::{CLAUSE_WORDS, NAME_PARTICLES};
use super::phrase::join_tokens;
use crate::extract::speaker_kind::{SpeakerKind, is_body_word, is_role_word};
use crate::extract::tokens::Token;

/// Replaces every one-word speaker by the fullest name of it in the article: another speaker's
/// name that opens or ends with the word, else a run of capitalized words in the text that
/// opens with it and ends with an organization's word ("Nordvik Bank"), or that ends with it
/// after a given name ("Fidel Castro"). A word that both kinds of run contain stays as it is.
pub(super) fn fullest_names(tokenized: &[Vec<Token<'_>>], out: &mut [Option<Attribution>]) {
    // Most articles have no speaker of one word: nothing to look for.
    let single = |s: &str| {
        !s.contains(' ')
            && s.starts_with(char::is_uppercase)
            && s.chars().skip(1).any(char::is_lowercase)
            && s.chars().all(|c| c.is_alphabetic() || c == '-')
    };
    let mut wanted: HashMap<String, Names> = HashMap::new();
    for a in out.iter().flatten() {
        if single(&a.speaker) {
            wanted.entry(a.speaker.clone()).or_default();
        }
    }
    if wanted.is_empty() {
        return;
    }
    among_speakers(out, &mut wanted);
    in_text(tokenized, &mut wanted);
    for a in out.iter_mut().flatten() {
        let Some(names) = wanted.get(&a.speaker) else {
            continue;
        };
        if let Some((fuller, kind)) = names.fullest() {
            a.speaker = fuller;
            a.kind = kind;
        } else if names.body.is_none()
            && names.person.is_none()
            && a.kind != SpeakerKind::Group
            && !is_role_word(&a.speaker)
        {
            // "Skyvale said" with no given name before "Skyvale" anywhere in the story: a
            // company's name, as a person is named in full when first met.
            a.kind = SpeakerKind::Organization;
        }
    }
}

/// "Von der Heide said" after "said Lena von der Heide": a surname with its particles takes the
/// fullest other speaker's name that ends with it, whatever the case of the particles.
pub(super) fn surnames_with_particles(out: &mut [Option<Attribution>]) {
    let surname = |s: &str| {
        let words: Vec<&str> = s.split_whitespace().collect();
        words.len() >= 2
            && words[..words.len() - 1]
                .iter()
                .all(|w| NAME_PARTICLES.contains_lower(w))
            && words[words.len() - 1].starts_with(char::is_uppercase)
    };
    if !out.iter().flatten().any(|a| surname(&a.speaker)) {
        return;
    }
    let names: Vec<(String, SpeakerKind)> = out
        .iter()
        .flatten()
        .filter(|a| !surname(&a.speaker))
        .map(|a| (a.speaker.clone(), a.kind))
        .collect();
    for a in out.iter_mut().flatten() {
        if !surname(&a.speaker) {
            continue;
        }
        let tail = format!(" {}", a.speaker.to_lowercase());
        let fuller = names
            .iter()
            .filter(|(n, _)| {
                let head = n.split(',').next().unwrap_or(n).trim().to_lowercase();
                head.ends_with(&tail)
            })
            .max_by_key(|(n, _)| n.len());
        if let Some((name, kind)) = fuller {
            a.speaker = name.clone();
            a.kind = *kind;
        }
    }
}

/// Speakers read as people only because their name looks like one ("Polly Peck", "Dow Jones":
/// two to four capitalized words, no role) that the story also writes as a company's: with a
/// legal form or an organization's word after them ("Polly Peck International PLC"), or
/// followed by its shares or stock ("Dow Jones shares fell"). They are organizations.
pub(super) fn companies_named_like_people(
    tokenized: &[Vec<Token<'_>>],
    out: &mut [Option<Attribution>],
) {
    let looks_like_a_name = |s: &str| {
        let words: Vec<&str> = s.split_whitespace().collect();
        (2..=4).contains(&words.len())
            && words.iter().all(|w| w.starts_with(char::is_uppercase))
            && !words.iter().any(|w| is_role_word(w))
    };
    let mut wanted: Vec<String> = out
        .iter()
        .flatten()
        .filter(|a| a.kind == SpeakerKind::Person && looks_like_a_name(&a.speaker))
        .map(|a| a.speaker.clone())
        .collect();
    if wanted.is_empty() {
        return;
    }
    wanted.sort();
    wanted.dedup();
    // Only a run that opens with the first word of a wanted name can hold it.
    let firsts: Vec<&str> = wanted
        .iter()
        .filter_map(|n| n.split_whitespace().next())
        .collect();
    let mut companies: Vec<&str> = Vec::new();
    for tokens in tokenized {
        for (k, end) in capitalized_runs(tokens) {
            let opens_a_name = tokens[k..end]
                .iter()
                .find(|t| t.is_word())
                .is_some_and(|t| firsts.contains(&t.text));
            if !opens_a_name {
                continue;
            }
            let run: Vec<&str> = tokens[k..end]
                .iter()
                .filter(|t| t.is_word())
                .map(|t| t.text)
                .collect();
            for name in &wanted {
                let n = name.split_whitespace().count();
                let opens = run.len() >= n && run[..n].iter().copied().eq(name.split_whitespace());
                if !opens {
                    continue;
                }
                let longer_body = run.len() > n && run.last().is_some_and(|w| is_body_word(w));
                let traded = run.len() == n
                    && tokens.get(end).is_some_and(|t| {
                        matches!(
                            t.lower().as_ref(),
                            "shares" | "stock" | "stake" | "shareholders"
                        )
                    });
                if longer_body || traded {
                    companies.push(name);
                }
            }
        }
    }
    for a in out.iter_mut().flatten() {
        if companies.contains(&a.speaker.as_str()) {
            a.kind = SpeakerKind::Organization;
        }
    }
}

/// The fuller names found for one word.
#[derive(Default)]
struct Names {
    /// The longest other speaker's name that holds it ([`among_speakers`]), with its kind.
    speaker: Option<(String, SpeakerKind)>,
    /// The longest organization's name in the text that holds it ([`in_text`]).
    body: Option<String>,
    /// The first person's name in the text that ends with it.
    person: Option<String>,
}

impl Names {
    fn fullest(&self) -> Option<(String, SpeakerKind)> {
        if self.speaker.is_some() {
            return self.speaker.clone();
        }
        match (&self.body, &self.person) {
            (Some(b), None) => Some((b.clone(), SpeakerKind::Organization)),
            (None, Some(p)) => Some((p.clone(), SpeakerKind::Person)),
            _ => None,
        }
    }
}

/// The longest other speaker whose name (before an apposition) opens with a wanted word, or
/// ends with it after a capitalized word: "Kim Jong Un", "Maria Lund" — not "spokesman for
/// Lund". The longest name wins; of two equally long, the one without an apposition.
fn among_speakers(out: &[Option<Attribution>], wanted: &mut HashMap<String, Names>) {
    for (s, kind) in out.iter().flatten().map(|a| (a.speaker.as_str(), a.kind)) {
        let head = s.split(',').next().unwrap_or(s).trim();
        let words: Vec<&str> = head.split_whitespace().collect();
        if words.len() < 2 {
            continue;
        }
        // ("Upjohn spokesman" is someone else: a name opening with the word is all
        // capitalized.)
        let all_capitalized = words.iter().all(|w| w.starts_with(char::is_uppercase));
        let last = words.len() - 1;
        let ends = words[last - 1].starts_with(char::is_uppercase);
        for word in [
            all_capitalized.then_some(words[0]),
            ends.then_some(words[last]),
        ]
        .into_iter()
        .flatten()
        {
            let Some(names) = wanted.get_mut(word) else {
                continue;
            };
            let better = names.speaker.as_ref().is_none_or(|(old, _)| {
                let old_head = old.split(',').next().unwrap_or(old).trim();
                (head.len(), std::cmp::Reverse(s.len()))
                    > (old_head.len(), std::cmp::Reverse(old.len()))
            });
            if better {
                names.speaker = Some((s.to_string(), kind));
            }
        }
    }
}

/// The names of the wanted words in the text, in one pass over its runs of capitalized words:
/// an organization's ("Nordvik Bank AS", from the word to an organization's word at the end;
/// "Anheuser-Busch Cos.", a hyphenated name that opens with it) and a person's ("Fidel
/// Castro", a given name before the word, no organization's word).
fn in_text(tokenized: &[Vec<Token<'_>>], wanted: &mut HashMap<String, Names>) {
    for tokens in tokenized {
        for (k, end) in capitalized_runs(tokens) {
            let mut start = k;
            // "But Castro said", "Yesterday Castro": words that open a clause are no name.
            while start < end && tokens[start].lower_in(&CLAUSE_WORDS) {
                start += 1;
            }
            let run = &tokens[start..end];
            let words: Vec<(usize, &Token<'_>)> = run
                .iter()
                .enumerate()
                .filter(|(_, t)| t.is_word())
                .collect();
            let Some(&(_, last)) = words.last() else {
                continue;
            };
            let has_body = words.iter().any(|(_, t)| is_body_word(t.text));
            for (n, &(from, t)) in words.iter().enumerate() {
                // The word itself, or the first half of a hyphenated name ("Anheuser-Busch").
                let (key, hyphenated) = match t.text.split_once('-') {
                    Some((first, rest)) if rest.starts_with(char::is_uppercase) => (first, true),
                    _ => (t.text, false),
                };
                let Some(names) = wanted.get_mut(key) else {
                    continue;
                };
                if !hyphenated && words.len() < 2 {
                    continue;
                }
                if is_body_word(last.text) || hyphenated {
                    // "California-based Chiron Corp.": the name from the word on.
                    let name = join_tokens(&run[from..]);
                    if names.body.as_ref().is_none_or(|b| b.len() < name.len()) {
                        names.body = Some(name);
                    }
                } else if n == words.len() - 1 && !has_body && names.person.is_none() {
                    names.person = Some(join_tokens(run));
                }
            }
        }
    }
}

/// The runs of capitalized words of `tokens` (see [`run_end`]), as (first, end) token indices.
pub(super) fn capitalized_runs<'a>(
    tokens: &'a [Token<'_>],
) -> impl Iterator<Item = (usize, usize)> + 'a {
    let mut k = 0;
    std::iter::from_fn(move || {
        while k < tokens.len() {
            let end = run_end(tokens, k);
            let start = k;
            k = end.max(k + 1);
            if end > start {
                return Some((start, end));
            }
        }
        None
    })
}

/// Where the run of capitalized words from token `k` ends: capitalized words, the dot of an
/// initial or of a legal form glued to its word ("Walter F. Williams", "Ralston Purina Co."),
/// "&" between two of them; `k` when token `k` opens none.
fn run_end(tokens: &[Token<'_>], k: usize) -> usize {
    let mut end = k;
    while end < tokens.len() {
        let t = &tokens[end];
        let glued_dot = t.text == "."
            && end > k
            && tokens[end - 1].end == t.start
            && (tokens[end - 1].text.len() == 1
                || matches!(tokens[end - 1].text, "Inc" | "Corp" | "Co" | "Ltd" | "Cos"));
        let joins =
            t.text == "&" && end > k && tokens.get(end + 1).is_some_and(Token::is_capitalized);
        let name = t.is_word() && t.is_capitalized() && !t.is_possessive();
        if !(name || glued_dot || joins) {
            break;
        }
        end += 1;
    }
    end
}

#[cfg(test)]
mod tests {
    use crate::extract::attribution::tests::speakers;

    /// A name that looks like a person's is a company's when the story writes it with a legal
    /// form or speaks of its shares.
    #[test]
    fn a_company_named_like_a_person_is_a_body() {
        use crate::extract::attribution::tests::kinds_of;
        use crate::extract::speaker_kind::SpeakerKind::*;
        let text = "Shares of Halden Moss PLC fell. Halden Moss said sales rose 4%.";
        assert_eq!(kinds_of(text)[1], Some(Organization));
        let text = "Tove Berg said sales rose 4%. Tove Berg shares fell.";
        assert_eq!(kinds_of(text)[0], Some(Organization));
        let text = "Tove Berg said sales rose 4%. Tove Berg left early.";
        assert_eq!(kinds_of(text)[0], Some(Person));
    }

    #[test]
    fn a_surname_with_particles_takes_the_full_name() {
        let s = speakers(
            "“Roads are shut,” said Lena van der Berg, who leads the team. Van der Berg said 40 \
             trucks wait.",
        );
        assert_eq!(s[1].as_deref(), Some("Lena van der Berg"), "{s:?}");
    }

    #[test]
    fn a_speaker_of_one_word_takes_the_fullest_name_the_story_gives() {
        // A company's legal form or its noun after the word.
        let s = speakers("Shares of Halvard Shipping Ltd. fell. Halvard said costs rose 4%.");
        assert_eq!(s[1].as_deref(), Some("Halvard Shipping Ltd."));
        let s = speakers("Oslo-based Halvard Telecom grew. Halvard said costs rose 4%.");
        assert_eq!(s[1].as_deref(), Some("Halvard Telecom"));
        // The first half of a hyphenated name is the company's.
        let s = speakers("Dunmore-Pryce Cos. grew. Dunmore said costs rose 4%.");
        assert_eq!(s[1].as_deref(), Some("Dunmore-Pryce Cos."));
        // A given name before the word.
        let s = speakers("The talks were led by Ana Okafor. Costs fell 3%, Okafor said.");
        assert_eq!(s[1].as_deref(), Some("Ana Okafor"));
        // Another speaker's fuller name.
        let s = speakers("Kim Jong Un said 40 rockets were ready. Later Kim said 12 had gone.");
        assert_eq!(s[1].as_deref(), Some("Kim Jong Un"));
        // Not a role of the body, which is someone else.
        let s = speakers("A Halvard spokesman said 3 ships wait. Halvard said 2 left.");
        assert_eq!(s[1].as_deref(), Some("Halvard"));
        // Both kinds in one story, or none: the word as written.
        let s = speakers("Tove Berg sold her stake in Berg Holdings. Sales fell 3%, Berg said.");
        assert_eq!(s[1].as_deref(), Some("Berg"));
        let s = speakers("Sales fell 3%, Wei said.");
        assert_eq!(s[0].as_deref(), Some("Wei"));
        // A clause word before the name is not part of it; a possessive is no name.
        let s = speakers(
            "But Okafor's team was late. Yesterday Okafor arrived. Costs fell 3%, Okafor said.",
        );
        assert_eq!(s[2].as_deref(), Some("Okafor"));
    }
}
