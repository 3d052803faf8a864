//! Plain text in, sentence byte ranges out. Unicode sentence boundaries (UAX #29) from
//! unicode-segmentation, then repaired where news text fools them: abbreviations and initials
//! ("Gen.", "U.S.", "J. Smith"), and a boundary followed by a lowercase word. Paragraph breaks
//! always end a sentence.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Words that end with a period without ending the sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt",
    "gov", "sen", "rep", "rev", "st", "jr", "sr", "no", "vs", "etc", "inc", "corp", "co", "ltd",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt",
    "ft", "approx", "est", "dept", "univ", "assn", "bros", "e.g", "i.e", "a.m", "p.m",
];

/// Splits `text` into sentences (byte ranges, trimmed of surrounding white space).
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut para_start = 0;
    for (i, _) in text
        .match_indices("\n\n")
        .chain(std::iter::once((text.len(), "")))
    {
        if i < para_start {
            continue;
        }
        split_paragraph(text, para_start..i, &mut out);
        para_start = i + 2;
    }
    out
}

fn split_paragraph(text: &str, para: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut pending: Option<Range<usize>> = None;
    for (offset, piece) in text[para.clone()].split_sentence_bound_indices() {
        let start = para.start + offset;
        let trimmed = trim(text, start..start + piece.len());
        if trimmed.is_empty() {
            continue;
        }
        pending = Some(match pending {
            Some(prev) if joins(&text[prev.clone()], &text[trimmed.clone()]) => {
                prev.start..trimmed.end
            }
            Some(prev) => {
                out.push(prev);
                trimmed
            }
            None => trimmed,
        });
    }
    out.extend(pending);
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return r.start..r.start;
    }
    r.start + lead..r.end - trail
}

/// Whether `next` continues the sentence `prev` instead of starting a new one.
fn joins(prev: &str, next: &str) -> bool {
    let first = next.chars().next().unwrap_or(' ');
    if first.is_lowercase() || first.is_ascii_digit() {
        return true;
    }
    let Some(last_word) = prev.split_whitespace().last() else {
        return false;
    };
    let Some(word) = last_word.strip_suffix('.') else {
        return false;
    };
    let word = word.trim_start_matches(['(', '"', '“', '‘', '\'']);
    let lower = word.to_lowercase();
    // An initial ("J.") or a dotted acronym ("U.S.") — unless the sentence plainly ends there
    // and the next begins like a new one, which we cannot tell; news style favours joining.
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let acronym = word.contains('.') && word.chars().filter(|c| *c != '.').all(char::is_alphabetic);
    ABBREVIATIONS.contains(&lower.as_str()) || initial || (acronym && !ends_like_sentence(next))
}

/// A next piece that opens with a word that usually starts a sentence ("The", "He", "It", a quote).
fn ends_like_sentence(next: &str) -> bool {
    let word = next.split_whitespace().next().unwrap_or("");
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "But"
            | "In"
            | "This"
            | "That"
    ) || next.starts_with(['“', '"'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        split_sentences(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn splits_news_sentences() {
        assert_eq!(
            texts("Gen. Lee said prices rose. The U.S. Army replied.\n\nA new paragraph"),
            [
                "Gen. Lee said prices rose.",
                "The U.S. Army replied.",
                "A new paragraph"
            ]
        );
        assert_eq!(
            texts("“We will win,” he said. Officials in the U.S. The end."),
            [
                "“We will win,” he said.",
                "Officials in the U.S.",
                "The end."
            ]
        );
        assert_eq!(
            texts("Mr. J. Smith arrived at 3 p.m. on Monday."),
            ["Mr. J. Smith arrived at 3 p.m. on Monday."]
        );
        assert!(texts("   \n\n  ").is_empty());
    }
}
