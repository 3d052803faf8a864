//! Statements that continue one attributed before or after them, with no speaker of their own:
//! the text after "The Times said in an editorial:", a quote paragraph that "Those were the words
//! of X" attributes afterwards, an agentless forecast ("Growth is seen at 1.1%") or a sentence
//! opening with "Its" right after a body spoke, in the same paragraph.

use std::cell::OnceCell;
use std::ops::Range;

use super::Attribution;
use super::find::words_of;
use super::lexicon::{FORECAST_PARTICIPLES, OWN_STATEMENTS};
use crate::extract::speaker_kind::may_be_body;
use crate::extract::tokens::Token;

/// The paragraph of each sentence of a text, counted from 0 (a blank line between two sentences
/// starts a new one), found when a pass first asks and then shared by the passes of this module.
pub(super) struct Paragraphs<'a> {
    text: &'a str,
    sentences: &'a [Range<usize>],
    of: OnceCell<Vec<usize>>,
}

impl<'a> Paragraphs<'a> {
    pub(super) fn new(text: &'a str, sentences: &'a [Range<usize>]) -> Self {
        Paragraphs {
            text,
            sentences,
            of: OnceCell::new(),
        }
    }

    /// The paragraph of each sentence.
    fn of(&self) -> &[usize] {
        self.of.get_or_init(|| {
            let (text, sentences) = (self.text, self.sentences);
            let mut out = Vec::with_capacity(sentences.len());
            let mut p = 0;
            for (i, s) in sentences.iter().enumerate() {
                if i > 0 && text[sentences[i - 1].end..s.start].matches('\n').count() >= 2 {
                    p += 1;
                }
                out.push(p);
            }
            out
        })
    }

    /// The text of sentence `i`.
    fn sentence(&self, i: usize) -> &'a str {
        &self.text[self.sentences[i].clone()]
    }
}

fn opens_quote(s: &str) -> bool {
    s.trim_start().starts_with(['“', '"', '‘', '\''])
}

/// "Those were the words of manager Ross Adeyemi": the quote paragraphs right before, with no
/// speaker of their own, are that speaker's.
pub(super) fn quotes_named_after(
    paragraphs: &Paragraphs<'_>,
    tokenized: &[Vec<Token<'_>>],
    out: &mut [Option<Attribution>],
) {
    for i in 1..out.len() {
        if out[i].is_none() || words_of(&tokenized[i]).is_none() {
            continue;
        }
        let para = paragraphs.of();
        // The paragraphs before, back to one that does not open with a quotation mark.
        let mut j = i;
        while j > 0 && i - j < 8 && out[j - 1].is_none() {
            let first = (0..j).rev().take_while(|&k| para[k] == para[j - 1]).last();
            if !first.is_some_and(|k| opens_quote(paragraphs.sentence(k))) {
                break;
            }
            j -= 1;
        }
        let a = out[i].clone();
        for slot in &mut out[j..i] {
            *slot = a.clone();
        }
    }
}

/// Sentences without a speaker that go on with what the sentence before in their paragraph
/// said: an agentless forecast ("Economic growth is now forecast at 1.1%", "is seen at 2.3%")
/// and, after a body spoke, a sentence opening with what it puts out ("Its $1.79 billion appeal
/// is 27% funded", "Their forecast is …").
pub(super) fn continued_statements(
    paragraphs: &Paragraphs<'_>,
    tokenized: &[Vec<Token<'_>>],
    out: &mut [Option<Attribution>],
) {
    for i in 1..out.len() {
        if out[i].is_some() || out[i - 1].is_none() {
            continue;
        }
        let tokens = &tokenized[i];
        // ("Its shares closed at $5.125" is the market's figure, not the body's: only what a
        // body itself puts out, named within the subject's first words.)
        let possessive = tokens
            .first()
            .is_some_and(|t| matches!(t.lower().as_ref(), "its" | "their"))
            && tokens[1..]
                .iter()
                .take(5)
                .any(|t| t.lower_in(&OWN_STATEMENTS))
            && out[i - 1].as_ref().is_some_and(|a| may_be_body(&a.speaker));
        if !(possessive || agentless_forecast(tokens)) {
            continue;
        }
        let para = paragraphs.of();
        if para[i] == para[i - 1] {
            out[i] = out[i - 1].clone();
        }
    }
}

/// "is forecast at", "is now seen at", "are expected to": a form of "to be", at most one adverb,
/// a participle of forecasting, and no "by" naming who forecast.
fn agentless_forecast(tokens: &[Token<'_>]) -> bool {
    tokens.iter().enumerate().any(|(k, t)| {
        if !matches!(t.lower().as_ref(), "is" | "are" | "was" | "were") {
            return false;
        }
        let mut p = k + 1;
        if tokens
            .get(p)
            .is_some_and(|n| n.lower().ends_with("ly") || n.lower() == "now")
        {
            p += 1;
        }
        tokens
            .get(p)
            .is_some_and(|n| n.lower_in(&FORECAST_PARTICIPLES))
            && tokens.get(p + 1).is_none_or(|n| n.lower() != "by")
    })
}

/// "The New York Times said in an editorial on Monday:": a statement that ends with a colon
/// covers what follows with no speaker of its own: the whole text when it is in the article's
/// first paragraph, else the next paragraph.
pub(super) fn after_a_colon(paragraphs: &Paragraphs<'_>, out: &mut [Option<Attribution>]) {
    for i in 0..out.len() {
        let Some(a) = out[i].clone() else { continue };
        if !paragraphs.sentence(i).trim_end().ends_with(':') {
            continue;
        }
        let para = paragraphs.of();
        let lead = para[i] == 0;
        let next = para[i] + 1;
        for k in i + 1..out.len() {
            if !lead && para[k] > next {
                break;
            }
            if out[k].is_none() {
                out[k] = Some(a.clone());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::extract::attribution::tests::speakers;

    #[test]
    fn a_lead_that_ends_with_a_colon_covers_the_text() {
        let text = "The Harbour Gazette said in an editorial on Friday:\n\nThe port lost 300 jobs. \
                    Fees rose 4%.\n\nThe mayor said 20 ships wait.";
        let s = speakers(text);
        assert_eq!(s[1].as_deref(), Some("Harbour Gazette"));
        assert_eq!(s[2].as_deref(), Some("Harbour Gazette"));
        assert_eq!(s[3].as_deref(), Some("mayor"));
        // Further on, only the next paragraph.
        let text = "Fees rose.\n\nThe council said on Friday:\n\nThe port lost 300 jobs.\n\n\
                    Rain fell for 3 days.";
        let s = speakers(text);
        assert_eq!(s[2].as_deref(), Some("council"));
        assert_eq!(s[3], None);
    }

    #[test]
    fn a_quote_paragraph_named_after_it_is_its_speakers() {
        let text = "The club bid $40 million, according to a person close to the talks.\n\n\
                    \"We have lost six games. We need a striker.\"\n\nThose were the words of \
                    coach Lena Moreau on Friday.";
        let s = speakers(text);
        assert_eq!(s[1].as_deref(), Some("coach Lena Moreau"));
        assert_eq!(s[2].as_deref(), Some("coach Lena Moreau"));
    }

    #[test]
    fn agentless_forecasts_and_its_go_on_with_the_sentence_before() {
        let text = "The fund's staff see inflation at 2.1% next year. Growth is now forecast at \
                    1.1%. Wages are expected by unions to rise 3%.";
        let s = speakers(text);
        assert_eq!(s[1], s[0]);
        assert_ne!(s[2], s[0]);
        let text = "Prices rose 2%, the relief agency said. Its $2 billion appeal is 30% funded.\n\n\
                    Its staff fled.";
        let s = speakers(text);
        assert_eq!(s[1].as_deref(), Some("relief agency"));
        assert_eq!(s[2], None);
        // A new paragraph, or a person before, is not continued.
        let text = "Growth was 1%, Maria Lund said. Its forecast rose 3%.";
        assert_eq!(speakers(text)[1], None);
        // A share price is the market's.
        let text = "Prices rose 2%, the relief agency said. Its shares rose 3%.";
        assert_eq!(speakers(text)[1], None);
    }
}
