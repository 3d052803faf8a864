//! Speakers named by one word in, the fullest name the article gives them out: "Nordvik said"
//! in a story that writes "Nordvik Bank AS" is Nordvik Bank AS, "Castro said" in one that writes
//! "President Fidel Castro" is the president, "Kim said" after "Kim Jong Un said" is Kim Jong
//! Un. One entity per article, shown by its fullest name, and typed by it
//! ([`crate::extract::speaker_kind`]): a company's legal form or a given name tells which it is.

use super::Attribution;
use super::lexicon::CLAUSE_WORDS;
use super::phrase::join_tokens;
use crate::extract::speaker_kind::is_body_word;
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
    if !out.iter().flatten().any(|a| single(&a.speaker)) {
        return;
    }
    let mut found: Vec<(String, Option<String>)> = Vec::new();
    for i in 0..out.len() {
        let Some(a) = &out[i] else { continue };
        if !single(&a.speaker) {
            continue;
        }
        let word = a.speaker.clone();
        let fuller = match found.iter().find(|(w, _)| *w == word) {
            Some((_, fuller)) => fuller.clone(),
            None => {
                let fuller = among_speakers(&word, out).or_else(|| in_text(&word, tokenized));
                found.push((word, fuller.clone()));
                fuller
            }
        };
        if let Some(fuller) = fuller
            && let Some(a) = &mut out[i]
        {
            a.speaker = fuller;
        }
    }
}

/// The longest other speaker whose name (before an apposition) opens with `word`, or ends with
/// it after a capitalized word: "Kim Jong Un", "Maria Lund" — not "spokesman for Lund".
/// The longest name wins; of two equally long, the one without an apposition.
fn among_speakers(word: &str, out: &[Option<Attribution>]) -> Option<String> {
    let head = |s: &str| s.split(',').next().unwrap_or(s).trim().to_string();
    out.iter()
        .flatten()
        .map(|a| a.speaker.as_str())
        .filter(|s| {
            let head = head(s);
            let words: Vec<&str> = head.split_whitespace().collect();
            // ("Upjohn spokesman" is someone else: a name opening with the word is all
            // capitalized.)
            let opens = words[0] == word && words.iter().all(|w| w.starts_with(char::is_uppercase));
            let ends = words.len() >= 2
                && words[words.len() - 1] == word
                && words[words.len() - 2].starts_with(char::is_uppercase);
            words.len() >= 2 && (opens || ends)
        })
        .max_by_key(|s| (head(s).len(), std::cmp::Reverse(s.len())))
        .map(str::to_string)
}

/// The name of `word` in the text: the runs of capitalized words that hold it, as an
/// organization's ("Nordvik Bank AS", the word first and an organization's word last) or a
/// person's ("Fidel Castro", a given name before the word, no organization's word); `None` when
/// there is none or both.
fn in_text(word: &str, tokenized: &[Vec<Token<'_>>]) -> Option<String> {
    let mut body: Option<String> = None;
    let mut person: Option<String> = None;
    for tokens in tokenized {
        let mut k = 0;
        while k < tokens.len() {
            let end = run_end(tokens, k);
            if end == k {
                k += 1;
                continue;
            }
            let mut start = k;
            // "But Castro said", "Yesterday Castro": words that open a clause are no name.
            while start < end && tokens[start].lower_in(&CLAUSE_WORDS) {
                start += 1;
            }
            let run = &tokens[start..end];
            let words: Vec<&Token<'_>> = run.iter().filter(|t| t.is_word()).collect();
            // The word itself, or the first half of a hyphenated name ("Anheuser-Busch").
            let is_word = |t: &&Token<'_>| {
                t.text == word
                    || t.text.strip_prefix(word).is_some_and(|rest| {
                        rest.strip_prefix('-')
                            .is_some_and(|r| r.starts_with(char::is_uppercase))
                    })
            };
            if let Some(at) = words.iter().position(is_word)
                && (words.len() >= 2 || words[at].text != word)
            {
                let last = words[words.len() - 1];
                let has_body = words.iter().any(|t| is_body_word(t.text));
                if is_body_word(last.text) || words[at].text != word {
                    // "California-based Chiron Corp.": the name from the word on.
                    let from = run
                        .iter()
                        .position(|t| t.start == words[at].start)
                        .unwrap_or(0);
                    let name = join_tokens(&run[from..]);
                    if body.as_ref().is_none_or(|b| b.len() < name.len()) {
                        body = Some(name);
                    }
                } else if at == words.len() - 1 && !has_body && person.is_none() {
                    person = Some(join_tokens(run));
                }
            }
            k = end;
        }
    }
    match (body, person) {
        (Some(b), None) => Some(b),
        (None, Some(p)) => Some(p),
        _ => None,
    }
}

/// Where the run of capitalized words from token `k` ends: capitalized words, the dot of an
/// initial or of a legal form glued to its word ("Walter F. Williams", "Ralston Purina Co."),
/// "&" between two of them; `k` when token `k` opens none.
pub(super) fn run_end(tokens: &[Token<'_>], k: usize) -> usize {
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
