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
    "ft", "approx", "est", "dept", "univ", "assn", "bros", "e.g", "i.e", "a.m", "p.m", "messrs",
    "mmes", "mme", "msgr",
];

/// Sentences without a letter or digit that follow one another over more than this many bytes
/// (a dump of punctuation) are one sentence: each of them would cost the extractors a sentence's
/// structures for nothing to find.
const LONG_MARKS: usize = 64;

/// Sentences as they are found, with runs of sentences without a letter or digit joined (see
/// [`LONG_MARKS`]).
struct Found<'t> {
    text: &'t str,
    out: Vec<Range<usize>>,
    /// Where the sentences without a letter or digit at the end of `out` begin.
    marks_from: Option<usize>,
}

impl Found<'_> {
    fn push(&mut self, sentence: Range<usize>) {
        if self.text[sentence.clone()]
            .chars()
            .any(char::is_alphanumeric)
        {
            self.marks_from = None;
            self.out.push(sentence);
            return;
        }
        let from = *self.marks_from.get_or_insert(self.out.len());
        let start = self.out.get(from).map_or(sentence.start, |s| s.start);
        if sentence.end - start > LONG_MARKS {
            self.out.truncate(from);
            self.out.push(start..sentence.end);
        } else {
            self.out.push(sentence);
        }
    }
}

/// Splits `text` into sentences (byte ranges, trimmed of surrounding white space).
pub fn split_sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Found {
        text,
        out: Vec::new(),
        marks_from: None,
    };
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
    out.out
}

fn split_paragraph(text: &str, para: Range<usize>, out: &mut Found<'_>) {
    let slice = &text[para.clone()];
    let pieces: Vec<Range<usize>> = if slice.is_ascii() {
        ascii_sentence_bounds(slice.as_bytes())
    } else if let Some((ascii, offsets)) = with_stand_ins(slice) {
        ascii_sentence_bounds(&ascii)
            .into_iter()
            .map(|r| offsets[r.start]..offsets[r.end])
            .collect()
    } else {
        slice
            .split_sentence_bound_indices()
            .map(|(offset, piece)| offset..offset + piece.len())
            .collect()
    };
    let mut pending: Option<Range<usize>> = None;
    for piece in pieces {
        let trimmed = trim(text, para.start + piece.start..para.start + piece.end);
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
    if let Some(last) = pending {
        out.push(last);
    }
}

/// The sentence boundaries of UAX #29 on ASCII text, as unicode-segmentation finds them (its
/// property tables cost more than the rest of the splitting): the pieces between boundaries.
/// In ASCII, `.` is ATerm, `!` and `?` STerm, `"'()[]{}` Close, `,-:;` SContinue, tab, vertical
/// tab, form feed and space Sp, CR and LF ParaSep; there is no OLetter, Extend or Format.
fn ascii_sentence_bounds(b: &[u8]) -> Vec<Range<usize>> {
    let close = |c: u8| matches!(c, b'"' | b'\'' | b'(' | b')' | b'[' | b']' | b'{' | b'}');
    let sp = |c: u8| matches!(c, b'\t' | 0x0b | 0x0c | b' ');
    let sa_term = |c: u8| matches!(c, b'.' | b'!' | b'?');
    let para_sep = |c: u8| matches!(c, b'\r' | b'\n');
    // The end of a paragraph separator at `i` (CR LF is one).
    let after_sep = |i: usize| {
        if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
            i + 2
        } else {
            i + 1
        }
    };
    let n = b.len();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < n {
        let c = b[i];
        if para_sep(c) {
            // SB4: a break after every paragraph separator.
            i = after_sep(i);
            out.push(start..i);
            start = i;
            continue;
        }
        if !sa_term(c) {
            i += 1;
            continue;
        }
        let j = i + 1;
        if c == b'.' && j < n {
            // SB6: ATerm × Numeric. SB7: (Upper | Lower) ATerm × Upper.
            if b[j].is_ascii_digit()
                || (b[j].is_ascii_uppercase() && i > 0 && b[i - 1].is_ascii_alphabetic())
            {
                i = j;
                continue;
            }
        }
        // SB9, SB10: no break inside the closing punctuation and spaces that follow.
        let mut m = j;
        while m < n && close(b[m]) {
            m += 1;
        }
        while m < n && sp(b[m]) {
            m += 1;
        }
        // SB8: ATerm Close* Sp* × (¬(OLetter | Upper | Lower | ParaSep | SATerm))* Lower.
        if c == b'.' {
            let mut p = m;
            while p < n && !(b[p].is_ascii_alphabetic() || para_sep(b[p]) || sa_term(b[p])) {
                p += 1;
            }
            if p < n && b[p].is_ascii_lowercase() {
                i = m;
                continue;
            }
        }
        // SB8a: SATerm Close* Sp* × (SContinue | SATerm).
        if m < n && matches!(b[m], b',' | b'-' | b':' | b';' | b'.' | b'!' | b'?') {
            i = m;
            continue;
        }
        // SB11: a break after the terminator, its closing punctuation, spaces and one separator.
        let end = if m < n && para_sep(b[m]) {
            after_sep(m)
        } else {
            m
        };
        out.push(start..end);
        start = end;
        i = end;
    }
    if start < n {
        out.push(start..n);
    }
    out
}

/// `text` with each char outside ASCII replaced by its [`ascii_stand_in`], and the byte offset in
/// `text` of each byte of that (and of its end): `None` when a char has no stand-in. The
/// boundaries [`ascii_sentence_bounds`] finds in it are those of `text`, as the stand-ins are of
/// the same sentence classes.
fn with_stand_ins(text: &str) -> Option<(Vec<u8>, Vec<usize>)> {
    let mut ascii = Vec::with_capacity(text.len());
    let mut offsets = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        ascii.push(if c.is_ascii() {
            c as u8
        } else {
            ascii_stand_in(c)?
        });
        offsets.push(at);
    }
    offsets.push(text.len());
    Some((ascii, offsets))
}

/// An ASCII char of the same UAX #29 sentence class as `c`, for the chars outside ASCII that
/// news text has most (no-break space, curly quotes, dashes, currency signs, accented Latin
/// letters): a paragraph with them is split as ASCII is, without the property tables.
fn ascii_stand_in(c: char) -> Option<u8> {
    match c {
        // Sp.
        '\u{a0}' => Some(b' '),
        // Close: « », ‘ ’ ‚ ‛ “ ” „ ‟.
        '\u{ab}' | '\u{bb}' | '\u{2018}'..='\u{201f}' => Some(b'"'),
        // SContinue: en and em dash.
        '\u{2013}' | '\u{2014}' => Some(b'-'),
        // Upper and Lower: the letters of Latin-1.
        '\u{c0}'..='\u{d6}' | '\u{d8}'..='\u{de}' => Some(b'A'),
        '\u{df}'..='\u{f6}' | '\u{f8}'..='\u{ff}' => Some(b'a'),
        // Other: £ ¥ § © ® ° ± ½ × … € → − • ™.
        '£' | '¥' | '§' | '©' | '®' | '°' | '±' | '½' | '×' | '…' | '€' | '→' | '−' | '•' | '™' => {
            Some(b'$')
        }
        _ => None,
    }
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

    /// The sentence bounds unicode-segmentation finds in `text`.
    fn unicode_bounds(text: &str) -> Vec<Range<usize>> {
        text.split_sentence_bound_indices()
            .map(|(offset, piece)| offset..offset + piece.len())
            .collect()
    }

    #[test]
    fn ascii_bounds_are_those_of_unicode_segmentation() {
        // Random ASCII texts over the characters the rules tell apart.
        let mut alphabet: Vec<char> = "aaaaabbbAAAB1122    ....!?\"'()[],-:;\n\r\t"
            .chars()
            .collect();
        alphabet.extend((0u8..128).map(char::from));
        let mut next = crate::testing::xorshift(0x2545_f491_4f6c_dd1d);
        for _ in 0..50_000 {
            let text = crate::testing::random_text(&mut next, &alphabet, 40);
            let expected = unicode_bounds(&text);
            assert_eq!(ascii_sentence_bounds(text.as_bytes()), expected, "{text:?}");
        }
    }

    /// Text with the chars that have an ASCII stand-in is split as unicode-segmentation splits it.
    #[test]
    fn bounds_with_stand_ins_are_those_of_unicode_segmentation() {
        let alphabet: Vec<char> =
            "aaabAAB12  ..!?\"'()[],-:;\n\r\t$\u{a0}«»‘’‚‛“”„‟–—ÀÉÖØÞßéöøÿ£¥§©®°±½×…€→−•™"
                .chars()
                .collect();
        for c in alphabet.iter().filter(|c| !c.is_ascii()) {
            assert!(ascii_stand_in(*c).is_some(), "{c:?}");
        }
        let mut next = crate::testing::xorshift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..50_000 {
            let text = crate::testing::random_text(&mut next, &alphabet, 40);
            let expected = unicode_bounds(&text);
            let (ascii, offsets) = with_stand_ins(&text).expect("every char has a stand-in");
            let found: Vec<Range<usize>> = ascii_sentence_bounds(&ascii)
                .into_iter()
                .map(|r| offsets[r.start]..offsets[r.end])
                .collect();
            assert_eq!(found, expected, "{text:?}");
        }
        assert!(with_stand_ins("a\u{feff}b").is_none());
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
        // The plural of "Mr." before two names.
        assert_eq!(
            texts("It will pay if Messrs. Varga and Lind bid by May."),
            ["It will pay if Messrs. Varga and Lind bid by May."]
        );
        assert!(texts("   \n\n  ").is_empty());
    }
}
