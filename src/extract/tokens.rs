//! Text and a byte range in, tokens out: words (letters and digits with inner hyphens, apostrophes,
//! periods and commas between digits) and single punctuation marks, each with its byte range.

use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

use super::words::{FnvBuildHasher, MAX_LISTED_WORD, WordSet};

/// A word or a punctuation mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    /// Byte range in the text.
    pub(crate) start: usize,
    /// End of the byte range.
    pub(crate) end: usize,
    /// The token as written.
    pub(crate) text: &'a str,
    /// The token lowercased, when it is ASCII (as most words are): a slice of [`Lowered`].
    ascii_lower: Option<&'a str>,
    /// A sentence's first word that the text writes as a name elsewhere ([`mark_initial_names`]).
    pub(crate) name_elsewhere: bool,
}

impl<'a> Token<'a> {
    /// Starts with an uppercase letter.
    pub(crate) fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Is a word (not punctuation).
    pub(crate) fn is_word(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_alphanumeric)
    }

    /// The token lowercased: borrowed when it is ASCII (as most words are), so that comparing
    /// words allocates nothing for them.
    pub(crate) fn lower(&self) -> Cow<'a, str> {
        match self.ascii_lower {
            Some(lower) => Cow::Borrowed(lower),
            None => Cow::Owned(self.text.to_lowercase()),
        }
    }

    /// Whether the token lowercased is one of `set`'s words, from the lowercase it carries,
    /// without allocating: a word longer than [`MAX_LISTED_WORD`] bytes or not ASCII is in no
    /// list.
    pub(crate) fn lower_in(&self, set: &WordSet) -> bool {
        self.ascii_lower
            .is_some_and(|w| w.len() <= MAX_LISTED_WORD && set.contains(w))
    }

    /// Byte range.
    pub(crate) fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// A possessive: "Europe's", "analysts’s".
    pub(crate) fn is_possessive(&self) -> bool {
        self.owner().is_some()
    }

    /// Who a possessive names: "Europe" of "Europe's" (`None` when the word is no possessive).
    pub(crate) fn owner(&self) -> Option<&'a str> {
        self.text
            .strip_suffix("'s")
            .or_else(|| self.text.strip_suffix("’s"))
    }
}

/// Where the run of dotted capital letters ending before token `k` starts ("U", ".", "K", "."
/// of "U.K."; the "S", "." before "A.'s"): `k` when there is none.
pub(crate) fn dotted_letters_before(tokens: &[Token<'_>], k: usize) -> usize {
    let mut from = k;
    while from >= 2
        && tokens[from - 1].text == "."
        && tokens[from - 2].text.len() == 1
        && tokens[from - 2].is_capitalized()
        && tokens[from - 2].end == tokens[from - 1].start
    {
        from -= 2;
    }
    from
}

/// The number of tokens of a dash that opens or closes an aside at token `k` ("—", "--", or
/// "--" written as two hyphens), if one starts there.
pub(crate) fn dash_at(tokens: &[Token<'_>], k: usize) -> Option<usize> {
    match tokens.get(k)?.text {
        "--" | "—" | "–" => Some(1),
        "-" if tokens.get(k + 1).is_some_and(|t| t.text == "-") => Some(2),
        _ => None,
    }
}

/// "10 other people -- including Munero -- died": the token after the closing dash of the aside
/// whose opening dash is at token `k`, looking at most 10 tokens on.
pub(crate) fn aside_after(tokens: &[Token<'_>], k: usize) -> Option<usize> {
    let open = dash_at(tokens, k)?;
    (k + open..tokens.len().min(k + open + 10)).find_map(|c| dash_at(tokens, c).map(|w| c + w))
}

/// "X -- an aside -- reported": where the aside whose closing dash ends right before token `end`
/// opens (the token of its opening dash), looking back at most 12 tokens.
pub(crate) fn aside_before(tokens: &[Token<'_>], end: usize) -> Option<usize> {
    let close =
        (end.saturating_sub(2)..end).find(|&k| dash_at(tokens, k).is_some_and(|w| k + w == end))?;
    (close.saturating_sub(12)..close).rev().find(|&k| {
        dash_at(tokens, k).is_some_and(|w| k + w <= close)
            && (k == 0 || dash_at(tokens, k - 1).is_none())
    })
}

/// `text` lowercased, borrowed when it is ASCII with no capital letter.
pub(crate) fn lowercase(text: &str) -> Cow<'_, str> {
    if text
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.to_lowercase())
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '’' | '.' | ',')
}

/// A text with its ASCII letters lowercased: the same length and byte offsets as the text, so
/// that the lowercase of an ASCII token is the slice of it at the token's range.
pub(crate) struct Lowered(String);

impl Lowered {
    /// `text` with its ASCII letters lowercased.
    pub(crate) fn new(text: &str) -> Self {
        Lowered(text.to_ascii_lowercase())
    }

    /// The lowercased text.
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

/// Tokenizes every sentence of `text` (byte ranges), once for all the extractors that read them.
/// `lowered` is [`Lowered::new`] of `text`.
pub(crate) fn tokenize_all<'a>(
    text: &'a str,
    lowered: &'a Lowered,
    sentences: &[Range<usize>],
) -> Vec<Vec<Token<'a>>> {
    let mut tokenized: Vec<Vec<Token<'a>>> = sentences
        .iter()
        .map(|s| tokenize(text, lowered, s.clone()))
        .collect();
    mark_initial_names(&mut tokenized);
    tokenized
}

/// Marks the first word of a sentence as a name when the text writes it capitalized after a
/// lowercase word and never in lowercase: "Kazakhstan produced 1.8 million bpd" beside "output in
/// Kazakhstan" starts with a name, "Sales rose 3%" beside "its sales" with a common word.
fn mark_initial_names(tokenized: &mut [Vec<Token<'_>>]) {
    let first_word = |tokens: &[Token<'_>]| tokens.iter().position(|t| t.is_word());
    // The capitalized first words, lowercased, and whether they are names so far.
    let mut firsts: HashMap<Cow<'_, str>, bool, FnvBuildHasher> = HashMap::default();
    for tokens in tokenized.iter() {
        if let Some(k) = first_word(tokens)
            && tokens[k].is_capitalized()
        {
            firsts.insert(tokens[k].lower(), false);
        }
    }
    if firsts.is_empty() {
        return;
    }
    let held = Held::of(firsts.keys());
    for tokens in tokenized.iter() {
        for (k, t) in tokens.iter().enumerate() {
            if !held.may_hold(t.text) || !t.is_word() {
                continue;
            }
            let capitalized = t.is_capitalized();
            let after_lowercase =
                k > 0 && tokens[k - 1].is_word() && !tokens[k - 1].is_capitalized();
            if capitalized && !after_lowercase {
                continue;
            }
            let word = t.lower();
            if !capitalized {
                // Written in lowercase: a common word, whatever else the text does with it.
                firsts.remove(&word);
            } else if let Some(name) = firsts.get_mut(&word) {
                *name = true;
            }
        }
    }
    for tokens in tokenized.iter_mut() {
        if let Some(k) = first_word(tokens) {
            let t = &mut tokens[k];
            t.name_elsewhere = t.is_capitalized() && firsts.get(&t.lower()) == Some(&true);
        }
    }
}

/// A few lowercase words by their length and first and last bytes, to pass over the tokens that
/// cannot lowercase to one of them without looking them up: an ASCII word and its lowercase have
/// one length, and a word that is not ASCII is always looked up.
struct Held {
    /// Bit [`Held::bit`] of each word.
    bits: [u64; 4],
}

impl Held {
    fn of<'w>(words: impl Iterator<Item = &'w Cow<'w, str>>) -> Self {
        let mut bits = [0u64; 4];
        for w in words {
            let b = Self::bit(w.as_bytes());
            bits[b / 64] |= 1 << (b % 64);
        }
        Held { bits }
    }

    /// The bit, of 256, of a word lowercased in ASCII (its length, first and last bytes).
    fn bit(word: &[u8]) -> usize {
        let first = usize::from(word.first().map_or(0, u8::to_ascii_lowercase));
        let last = usize::from(word.last().map_or(0, u8::to_ascii_lowercase));
        (word.len().wrapping_mul(37) ^ first.wrapping_mul(11) ^ last) & 255
    }

    /// Whether `word` (as written) may lowercase to one of the words.
    fn may_hold(&self, word: &str) -> bool {
        if !word.is_ascii() {
            return true;
        }
        let b = Self::bit(word.as_bytes());
        self.bits[b / 64] & 1 << (b % 64) != 0
    }
}

/// Tokenizes `text[range]`; `lowered` is [`Lowered::new`] of `text`.
pub(crate) fn tokenize<'a>(
    text: &'a str,
    lowered: &'a Lowered,
    range: Range<usize>,
) -> Vec<Token<'a>> {
    debug_assert_eq!(text.len(), lowered.0.len());
    let slice = &text[range.clone()];
    if !has_alphanumeric(slice) {
        // Punctuation, symbols or control characters only ("----", a run of NULs): no extractor
        // finds a figure, a date or a speaker in it, and a token for each char would cost
        // 50 times the text in memory.
        return Vec::new();
    }
    // A token of an ASCII sentence is ASCII, and needs no test.
    let ascii = slice.is_ascii();
    let token = |start: usize, end: usize| {
        let text = &text[start..end];
        Token {
            start,
            end,
            text,
            ascii_lower: (ascii || text.is_ascii()).then(|| &lowered.0[start..end]),
            name_elsewhere: false,
        }
    };
    // Sized for a token in about four bytes, so that it does not grow.
    let mut out = Vec::with_capacity(slice.len() / 4 + 1);
    let mut push =
        |start: usize, end: usize| out.push(token(range.start + start, range.start + end));
    if ascii {
        // Every char is one byte: read them in place.
        let bytes = slice.as_bytes();
        split_words(
            bytes.len(),
            |k| (k, char::from(bytes[k])),
            slice.len(),
            &mut push,
        );
    } else {
        let chars: Vec<(usize, char)> = slice.char_indices().collect();
        split_words(chars.len(), |k| chars[k], slice.len(), &mut push);
    }
    out
}

/// Whether `text` has a letter or a digit: a text without one holds no word, only marks.
pub(crate) fn has_alphanumeric(text: &str) -> bool {
    // Prose answers at its first byte; only text without an ASCII letter or digit is decoded.
    text.bytes().any(|b| b.is_ascii_alphanumeric())
        || (!text.is_ascii() && text.chars().any(char::is_alphanumeric))
}

/// The tokens of a text of `count` chars and `len` bytes, where `char_at(k)` is the byte offset
/// and the char of the `k`th char: `push(start, end)` for each token's byte range.
fn split_words(
    count: usize,
    char_at: impl Fn(usize) -> (usize, char),
    len: usize,
    mut push: impl FnMut(usize, usize),
) {
    let mut i = 0;
    while i < count {
        let (at, c) = char_at(i);
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if c.is_alphanumeric() {
            let mut j = i + 1;
            while j < count {
                let d = char_at(j).1;
                if d.is_alphanumeric() {
                    j += 1;
                } else if is_joiner(d) && j + 1 < count && char_at(j + 1).1.is_alphanumeric() {
                    // "7,000" and "7.5" join only between digits; "Won-sik", "Korea's" between letters too.
                    let prev_digit = char_at(j - 1).1.is_ascii_digit();
                    let next_digit = char_at(j + 1).1.is_ascii_digit();
                    // "20-30" and "2,000-3,000" are two numbers: a hyphen between digits
                    // joins a range or a score, never one word ("COVID-19" still is one).
                    let ok = match d {
                        ',' => prev_digit && next_digit,
                        '.' => prev_digit && next_digit,
                        '-' => !(prev_digit && next_digit),
                        _ => true,
                    };
                    if !ok {
                        break;
                    }
                    j += 2;
                } else {
                    break;
                }
            }
            // "Co.'s": an abbreviation's possessive is one word, so that it reads as one.
            if j + 2 < count
                && char_at(j).1 == '.'
                && matches!(char_at(j + 1).1, '\'' | '’')
                && matches!(char_at(j + 2).1, 's' | 'S')
                && (j + 3 == count || !char_at(j + 3).1.is_alphanumeric())
            {
                j += 3;
            }
            let end = if j < count { char_at(j).0 } else { len };
            push(at, end);
            i = j;
        } else {
            push(at, at + c.len_utf8());
            i += 1;
        }
    }
}

/// For tests of the rules that read a figure's neighbours: `sentence` as one sentence's tokens,
/// and the first and end token index of `figure` in it. `lowered` is [`Lowered::new`] of
/// `sentence`.
#[cfg(test)]
pub(crate) fn figure_in_sentence<'a>(
    sentence: &'a str,
    lowered: &'a Lowered,
    figure: &str,
) -> (Vec<Token<'a>>, usize, usize) {
    let toks = tokenize(sentence, lowered, 0..sentence.len());
    let at = sentence
        .find(figure)
        .expect("the figure is in the sentence");
    let start = toks.partition_point(|t| t.start < at);
    let end = toks.partition_point(|t| t.start < at + figure.len());
    (toks, start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_borrows_only_what_lowercasing_leaves_unchanged() {
        for text in [
            "said",
            "7,000",
            "",
            "U.S.",
            "Said",
            "é",
            "É",
            "\u{212a}m",
            "ǅ",
            "İ",
        ] {
            let lower = lowercase(text);
            assert_eq!(lower, text.to_lowercase(), "{text:?}");
            if matches!(lower, Cow::Borrowed(_)) {
                assert!(text.is_ascii(), "{text:?}");
            }
        }
        assert!(matches!(lowercase("said"), Cow::Borrowed(_)));
        assert!(matches!(lowercase("Said"), Cow::Owned(_)));
    }

    #[test]
    fn a_stretch_without_letters_or_digits_has_no_tokens() {
        // Issue 17: a token per mark made 5 MB of punctuation or NULs cost about 1 GB.
        for t in [
            ",;:!?()[]-".repeat(100),
            "\0".repeat(1000),
            "—…“”«»".repeat(50),
        ] {
            let lowered = Lowered::new(&t);
            assert!(tokenize(&t, &lowered, 0..t.len()).is_empty(), "{t:?}");
        }
        // One letter or digit anywhere keeps every mark.
        for t in ["-- a --", "--7--", "—é—"] {
            let lowered = Lowered::new(t);
            let tokens = tokenize(t, &lowered, 0..t.len());
            assert!(tokens.iter().any(|t| !t.is_word()), "{t:?}");
            assert!(tokens.iter().any(|t| t.is_word()), "{t:?}");
        }
    }

    /// A word that lowercases to a held one is never passed over.
    #[test]
    fn held_words_are_looked_up() {
        let words: Vec<Cow<'_, str>> = ["kazakhstan", "sales", "km", "é"]
            .into_iter()
            .map(Cow::Borrowed)
            .collect();
        let held = Held::of(words.iter());
        for w in [
            "Kazakhstan",
            "kazakhstan",
            "SALES",
            "Sales",
            "km",
            "KM",
            "\u{212a}m",
            "É",
        ] {
            assert!(held.may_hold(w), "{w}");
        }
        assert!(!held.may_hold("a"));
    }

    #[test]
    fn tokenizes_news_text() {
        let t = "Shin Won-sik’s 7,000 rounds, 1.5%. U.S. Aetna Co.'s net.'sake";
        let lowered = Lowered::new(t);
        let tokens = tokenize(t, &lowered, 0..t.len());
        let words: Vec<&str> = tokens.iter().map(|t| t.text).collect();
        assert_eq!(
            words,
            [
                "Shin",
                "Won-sik’s",
                "7,000",
                "rounds",
                ",",
                "1.5",
                "%",
                ".",
                "U",
                ".",
                "S",
                ".",
                "Aetna",
                "Co.'s",
                "net",
                ".",
                "'",
                "sake"
            ]
        );
    }
}
