//! Text in, tokens out: letter runs, digit runs and single marks ([`Tok`]), each with its byte
//! range, its lowercase, whether it is capitalised and whether space or a blank line precedes
//! it; and the sentence each token belongs to ([`sentence_ids`]), which bounds the search for
//! the tense of an expression.

use std::borrow::Cow;

/// A letter run, a digit run or a single mark (or a whole paragraph of marks).
#[derive(Debug, Clone)]
pub(super) struct Tok<'a> {
    /// Byte range in the text: start. (32 bits, as the other counts here: an article is at most
    /// the size limit, and a token of 64 bytes rather than 48 made a story's tokens a third
    /// larger.)
    pub(super) s: u32,
    /// Byte range in the text: end.
    pub(super) e: u32,
    /// Lowercased text: borrowed from the text when lowercasing leaves it unchanged.
    pub(super) w: Cow<'a, str>,
    /// First char is uppercase.
    pub(super) cap: bool,
    /// Whitespace precedes this token.
    pub(super) sp: bool,
    /// A blank line (paragraph break) precedes this token.
    pub(super) para: bool,
    /// Numeric value if the token is an ASCII digit run of at most 9 digits.
    pub(super) num: Option<u32>,
    /// Number of chars (only meaningful for digit runs).
    pub(super) len: u32,
}

/// Tokenizes `text`; `lowered` is `text` with its ASCII letters lowercased (the same byte
/// offsets), from which ASCII words take their lowercase without allocating.
pub(super) fn tokenize<'a>(text: &str, lowered: &'a str) -> Vec<Tok<'a>> {
    // Offsets and counts are kept in 32 bits: a text past 4 GiB, far past any article's size
    // limit, makes no token.
    if u32::try_from(text.len()).is_err() {
        return Vec::new();
    }
    // Room for all the tokens of an article at once (about one in four bytes of prose), up to
    // `RESERVED_TOKENS`: past that the vector grows as tokens come, so that a long text that
    // makes few tokens (a paragraph of marks is one) never holds 16 times its size.
    let mut toks = Vec::with_capacity((text.len() / 4 + 1).min(RESERVED_TOKENS));
    // Read by bytes: an ASCII byte is its char, and only the other chars are decoded.
    let bytes = text.as_bytes();
    let mut s = 0;
    let mut sp = true;
    let mut newlines = 0usize;
    while s < bytes.len() {
        let c = char_at(text, s);
        if c.is_whitespace() {
            sp = true;
            if c == '\n' {
                newlines += 1;
            }
            s += c.len_utf8();
            continue;
        }
        if (toks.is_empty() || newlines >= 2)
            && let Some(e) = long_paragraph_of_marks(text, s)
        {
            // One token for the whole paragraph: it holds no date, and a token per mark would
            // cost 60 times the text in memory.
            make_room(&mut toks, s, text.len());
            toks.push(Tok {
                s: s as u32,
                e: e as u32,
                w: Cow::Borrowed(&lowered[s..e]),
                cap: false,
                sp,
                para: newlines >= 2,
                num: None,
                len: 1,
            });
            s = e;
            sp = false;
            newlines = 0;
            continue;
        }
        let mut e = s + c.len_utf8();
        let mut count = 1usize;
        // The value of a digit run of at most 9 digits (which fits in 32 bits).
        let mut num = None;
        if c.is_alphabetic() {
            while e < bytes.len() {
                let d = char_at(text, e);
                if !d.is_alphabetic() {
                    break;
                }
                e += d.len_utf8();
                count += 1;
            }
        } else if c.is_ascii_digit() {
            while e < bytes.len() && bytes[e].is_ascii_digit() {
                e += 1;
                count += 1;
            }
            if count <= 9 {
                num = Some(
                    bytes[s..e]
                        .iter()
                        .fold(0u32, |n, &b| n * 10 + u32::from(b - b'0')),
                );
            }
        }
        let raw = &text[s..e];
        let w = if raw == "\u{2019}" || raw == "`" {
            Cow::Borrowed("'")
        } else if raw.is_ascii() {
            Cow::Borrowed(&lowered[s..e])
        } else {
            Cow::Owned(raw.to_lowercase())
        };
        make_room(&mut toks, s, text.len());
        toks.push(Tok {
            s: s as u32,
            e: e as u32,
            w,
            cap: c.is_uppercase(),
            sp,
            para: newlines >= 2,
            num,
            len: count as u32,
        });
        s = e;
        sp = false;
        newlines = 0;
    }
    toks
}

/// The char that starts at byte `at` of `text` (a char boundary before its end): the byte itself
/// when it is ASCII.
fn char_at(text: &str, at: usize) -> char {
    match text.as_bytes()[at] {
        b @ 0..=0x7f => char::from(b),
        _ => text[at..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER),
    }
}

/// Room for one more token in `toks`, the tokens of the first `read` of `total` bytes: when it is
/// full, room for as many more as the rest of the text makes at the rate so far, and an eighth
/// more, rather than twice as many as it holds (5 MB of prose made 1.05 million tokens in room
/// for 2.1 million). Each growth is by an eighth at least, so the copies stay linear.
fn make_room(toks: &mut Vec<Tok<'_>>, read: usize, total: usize) {
    if toks.len() < toks.capacity() {
        return;
    }
    let n = toks.len();
    let expected = n.saturating_mul(total) / read.max(1);
    toks.reserve_exact((expected.saturating_sub(n) + n / 8).max(16));
}

/// Paragraphs of marks starting at byte `start`, one after another, with no letter or digit,
/// longer than [`LONG_MARKS`] bytes together (a rule of dashes, a dump of punctuation or NULs,
/// many short paragraphs of marks): the end of their last mark. A paragraph ends where
/// whitespace holding two line breaks begins; the paragraph that holds a letter or digit is not
/// one of them.
fn long_paragraph_of_marks(text: &str, start: usize) -> Option<usize> {
    // The end of the last mark read, and of the last paragraph of marks read whole.
    let mut last_mark = start;
    let mut end = start;
    let mut newlines = 0;
    let mut alphanumeric = false;
    for (j, c) in text[start..].char_indices() {
        if c.is_alphanumeric() {
            alphanumeric = true;
            break;
        }
        if c.is_whitespace() {
            newlines += usize::from(c == '\n');
            if newlines == 2 {
                end = last_mark;
            }
        } else {
            last_mark = start + j + c.len_utf8();
            newlines = 0;
        }
    }
    if !alphanumeric {
        end = last_mark;
    }
    (end - start > LONG_MARKS).then_some(end)
}

/// The most tokens reserved before tokenizing: those of 64 KB of prose, more than most articles.
const RESERVED_TOKENS: usize = 1 << 14;

/// Paragraphs of marks up to this many bytes ("* * *", "--") are tokenized as any other text.
const LONG_MARKS: usize = 64;

const ABBREVS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr",
    "mrs", "ms", "dr", "st", "gen", "gov", "sen", "rep", "co", "corp", "inc", "ltd", "jr", "sr",
    "vs", "no", "u", "s", "p", "a", "m", "lt", "col", "sgt", "capt", "prof",
];

/// Sentence index for every token.
pub(super) fn sentence_ids(t: &[Tok<'_>]) -> Vec<usize> {
    let mut ids = Vec::with_capacity(t.len());
    let mut cur = 0usize;
    let mut brk = false;
    for (i, tk) in t.iter().enumerate() {
        // Only a paragraph of marks made one token holds a line break: a word has none.
        if brk || tk.para || (tk.e - tk.s > LONG_MARKS as u32 && tk.w.contains('\n')) {
            cur += 1;
        }
        brk = false;
        ids.push(cur);
        let w = tk.w.as_ref();
        if w == "!" || w == "?" || w == ";" {
            brk = true;
        } else if w == "." {
            let prev_abbrev = i > 0 && {
                let p = &t[i - 1];
                ABBREVS.contains(&p.w.as_ref()) || (p.w.chars().count() == 1 && !p.sp)
            };
            // "Birmingham, Ala., killed": a period followed by a comma ends an abbreviation.
            let next_cap = t
                .get(i + 1)
                .map(|n| (n.cap || n.num.is_none()) && !matches!(n.w.as_ref(), "," | ";" | ":"))
                .unwrap_or(true);
            if !prev_abbrev && next_cap {
                brk = true;
            }
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::tokenize;
    use crate::extract::timex::TimexType::*;
    use crate::extract::timex::examples::{Example, check, d};
    use crate::extract::timex::tag;

    #[test]
    fn a_long_paragraph_of_marks_is_one_token() {
        // Issue 17: a token per mark made 5 MB of punctuation or NULs cost hundreds of MB.
        let marks = ",;:!?()[]-".repeat(1000);
        let nuls = "\0".repeat(10_000);
        for filler in [marks.as_str(), nuls.as_str(), "—“”…«»"] {
            let text = format!(
                "On May 1 it rained.\n\n{}\n\nOn May 2 it snowed.",
                filler.repeat(20)
            );
            let lowered = text.to_ascii_lowercase();
            let toks = tokenize(&text, &lowered);
            // "On May 1 it rained." and "On May 2 it snowed.": six tokens each.
            assert_eq!(toks.len(), 13, "{filler:?}");
            assert!(toks[6].para && toks[7].para);
            let res = tag(&text, d("2024-03-20"));
            let values: Vec<&str> = res.iter().map(|t| t.value.as_str()).collect();
            assert_eq!(values, ["2024-05-01", "2024-05-02"], "{filler:?}");
        }
        // A short one ("* * *", a rule) is tokenized as before.
        let text = "It rained.\n\n* * * --\n\nIt snowed.";
        let lowered = text.to_ascii_lowercase();
        assert_eq!(tokenize(text, &lowered).len(), 11);
        // So is a paragraph with a letter or a digit anywhere.
        let text = format!("{}a", "-".repeat(100));
        let lowered = text.to_ascii_lowercase();
        assert_eq!(tokenize(&text, &lowered).len(), 101);
    }

    /// Sentence ends, which bound the search for a tense cue.
    #[rustfmt::skip]
    const SENTENCE_ENDS: &[Example] = &[
        // A period then a comma ("Ala.,") does not end the sentence: the verb after it
        // still sets the tense.
        ("In January, a week after the vote in Mobile, Ala., a bomb killed six people.", "2024-10-20", "January", "2024-01", Date, None),
    ];

    #[test]
    fn a_period_before_a_comma_ends_no_sentence() {
        check(SENTENCE_ENDS);
    }
}
