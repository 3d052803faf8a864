//! Text and a byte range in, numbers out: every number written in digits ("1,234.5", ".08",
//! "-4/5", "1.3e6", "2.5^-1", "10k", "2 million", "13 lakh") or in words ("one hundred and
//! three", "two thirds", "half a dozen", "minus five point five", "one over three"), each with
//! its byte range, value and how it was written. [`figures`](super::figures) builds on it.

use std::ops::Range;

/// How permissive the recognizer is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Every reading a number recognizer would accept, to measure recognition on its own.
    Full,
    /// News prose: no thousands grouped by plain spaces, no detached signs, no decimal commas,
    /// no "over" divisions and no lone scale letters ("10 k").
    News,
}

/// A number found in the text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Num {
    /// Byte range of the number as written, sign included.
    pub(crate) range: Range<usize>,
    /// Its value.
    pub(crate) value: f64,
    /// Written in words only.
    pub(crate) spelled: bool,
    /// Carries a scale ("million", "k", "dozen", "lakh").
    pub(crate) scaled: bool,
    /// A fraction ("two thirds", "3/4", "1 over 3").
    pub(crate) fraction: bool,
    /// The denominator of a fraction written with a slash ("3/4", "10 1/2").
    pub(crate) slash: Option<f64>,
}

/// How a lexeme is joined to the one before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Joint {
    Space,
    Glued,
}

#[derive(Clone, Debug)]
struct Digits {
    value: f64,
    /// No decimal point, exponent or scale.
    integer: bool,
    scaled: bool,
    /// Numerator and denominator of a slash fraction.
    slash: Option<(f64, f64)>,
    /// Letters glued to the digits that are not a scale ("ml").
    suffix: bool,
}

#[derive(Clone, Debug)]
enum Kind<'a> {
    Num(Digits),
    /// Lowercased.
    Word(std::borrow::Cow<'a, str>),
    Punct(char),
}

#[derive(Clone, Debug)]
struct Lex<'a> {
    start: usize,
    end: usize,
    joint: Joint,
    /// Starts with a capital letter.
    upper: bool,
    kind: Kind<'a>,
}

impl Lex<'_> {
    fn word(&self) -> Option<&str> {
        match &self.kind {
            Kind::Word(w) => Some(w.as_ref()),
            _ => None,
        }
    }
    fn is_punct(&self, c: char) -> bool {
        matches!(self.kind, Kind::Punct(p) if p == c)
    }
}

/// Scale abbreviations glued to digits ("10k", "1.7bn", "2mil").
fn glued_scale(s: &str, mode: Mode) -> Option<f64> {
    Some(match s {
        "k" | "K" => 1e3,
        "M" | "MM" | "mil" | "mn" | "mln" | "Mn" => 1e6,
        "b" | "B" | "bn" | "bln" | "Bn" => 1e9,
        "G" if mode == Mode::Full => 1e9,
        "tn" | "tln" | "trn" => 1e12,
        _ => return None,
    })
}

/// Scale words after digits ("2 million", "10 bln").
fn digit_scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "bn" | "bln" | "billion" => 1e9,
        "mn" | "mln" | "mil" | "million" => 1e6,
        "tn" | "tln" | "trillion" => 1e12,
        "thousand" => 1e3,
        "lakh" | "lakhs" | "lac" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    })
}

fn is_dozen(w: &str) -> bool {
    matches!(w, "dozen" | "dozens" | "dz" | "dzs" | "doz" | "dozs")
}

/// A word's role in a spelled-out number.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Class {
    /// zero to nineteen.
    Unit(f64),
    /// twenty to ninety.
    Tens(f64),
    Hundred,
    /// thousand and up.
    Scale(f64),
    And,
    /// "a", "an".
    A,
    /// An ordinal used as a denominator ("fifth", "thirds", "quarter", "half").
    Ord(Ordinal),
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Ordinal {
    value: f64,
    plural: bool,
    /// first to ninth: can follow a tens word ("twenty-first").
    unit: bool,
    /// hundredth and up.
    scale: bool,
}

const UNITS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
/// The value of a number word from "zero" to "nineteen".
pub(crate) fn unit_word(w: &str) -> Option<u32> {
    UNITS
        .iter()
        .position(|x| *x == w)
        .and_then(|p| u32::try_from(p).ok())
}

const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];
const UNIT_ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
];
const TEEN_ORDINALS: &[&str] = &[
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
];
const TENS_ORDINALS: &[&str] = &[
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "sixtieth",
    "seventieth",
    "eightieth",
    "ninetieth",
];

fn scale_of(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    })
}

fn ordinal_of(w: &str) -> Option<Ordinal> {
    let (stem, plural) = match w {
        "half" => return Some(ord(2.0, false, false, false)),
        "halves" => return Some(ord(2.0, true, false, false)),
        "quarter" => return Some(ord(4.0, false, false, false)),
        "quarters" => return Some(ord(4.0, true, false, false)),
        _ => match w.strip_suffix('s') {
            Some(s)
                if s.ends_with("th")
                    || s.ends_with("st")
                    || s.ends_with("nd")
                    || s.ends_with("rd") =>
            {
                (s, true)
            }
            _ => (w, false),
        },
    };
    let pos = |list: &[&str]| list.iter().position(|x| *x == stem).map(|p| p as f64);
    if let Some(p) = pos(UNIT_ORDINALS) {
        return Some(ord(p + 1.0, plural, true, false));
    }
    if let Some(p) = pos(TEEN_ORDINALS) {
        return Some(ord(p + 10.0, plural, false, false));
    }
    if let Some(p) = pos(TENS_ORDINALS) {
        return Some(ord((p + 2.0) * 10.0, plural, false, false));
    }
    let scale = match stem {
        "hundredth" => 1e2,
        "thousandth" => 1e3,
        "millionth" => 1e6,
        "billionth" => 1e9,
        "trillionth" => 1e12,
        _ => return None,
    };
    Some(ord(scale, plural, false, true))
}

fn ord(value: f64, plural: bool, unit: bool, scale: bool) -> Ordinal {
    Ordinal {
        value,
        plural,
        unit,
        scale,
    }
}

fn class_of(w: &str) -> Option<Class> {
    if let Some(p) = UNITS.iter().position(|x| *x == w) {
        return Some(Class::Unit(p as f64));
    }
    if matches!(w, "nought" | "naught") {
        return Some(Class::Unit(0.0));
    }
    if let Some(p) = TENS.iter().position(|x| *x == w) {
        return Some(Class::Tens((p as f64 + 2.0) * 10.0));
    }
    if w == "hundred" {
        return Some(Class::Hundred);
    }
    if let Some(s) = scale_of(w) {
        return Some(Class::Scale(s));
    }
    match w {
        "and" => return Some(Class::And),
        "a" | "an" => return Some(Class::A),
        _ => {}
    }
    ordinal_of(w).map(Class::Ord)
}

/// A word of a spelled-out run: its class, lexeme index, and whether a hyphen joins it to the
/// word before.
#[derive(Clone, Copy, Debug)]
struct RunWord {
    class: Class,
    lex: usize,
    hyphen: bool,
}

/// Every number in `text[range]`, in order.
pub(crate) fn scan(text: &str, range: Range<usize>, mode: Mode) -> Vec<Num> {
    // Every number has a digit or a letter: a stretch of marks alone has none, and lexing it
    // would take a lexeme per char.
    if !text
        .get(range.clone())
        .is_some_and(super::tokens::has_alphanumeric)
    {
        return Vec::new();
    }
    // The range with its ASCII letters lowercased (the same byte offsets), from which its ASCII
    // words take their lowercase without allocating one each.
    let lowered = text.get(range.clone()).unwrap_or("").to_ascii_lowercase();
    let lexes = lex(text, &lowered, range, mode);
    let mut out = Vec::new();
    let mut i = 0;
    while i < lexes.len() {
        match parse_signed(&lexes, i, mode) {
            Some((mut num, next)) => {
                num.value = tidy(num.value);
                out.push(num);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// `value` to the 15 significant digits a decimal written in text can have: scaling a decimal
/// fraction leaves a binary remainder ("525.8 million" is 525.8 × 10⁶ = 525799999.99999994),
/// which would show in exports as written.
fn tidy(value: f64) -> f64 {
    if value.fract() == 0.0 || !value.is_finite() {
        return value;
    }
    format!("{value:.14e}").parse().unwrap_or(value)
}

/// The lexemes of `text[range]`; `lowered` is that text with its ASCII letters lowercased.
fn lex<'a>(text: &'a str, lowered: &'a str, range: Range<usize>, mode: Mode) -> Vec<Lex<'a>> {
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    let base = range.start;
    let chars = Chars::of(slice);
    let at = |k: usize| chars.offset(k) + base;
    let ch = |k: usize| chars.get(k).map(|c| c.1);
    // Sized for a lexeme in about four bytes, so that it does not grow.
    let mut out: Vec<Lex<'_>> = Vec::with_capacity(slice.len() / 4 + 1);
    let mut joint = Joint::Space;
    let mut i = 0;
    while i < chars.len() {
        let Some((_, c)) = chars.get(i) else { break };
        if c.is_whitespace() {
            joint = Joint::Space;
            i += 1;
            continue;
        }
        let digit_start = c.is_ascii_digit()
            || (c == '.'
                && ch(i + 1).is_some_and(|d| d.is_ascii_digit())
                && !(i > 0 && ch(i - 1).is_some_and(|d| d.is_alphanumeric())));
        if digit_start {
            // Digits glued to letters ("G7", "A320") are names, not numbers.
            let after_letter = i > 0 && ch(i - 1).is_some_and(char::is_alphabetic);
            let (mut lexes, next) = digits(&chars, i, base, mode);
            if after_letter {
                lexes.clear();
            }
            for (n, mut l) in lexes.into_iter().enumerate() {
                l.joint = if n == 0 { joint } else { Joint::Glued };
                out.push(l);
            }
            joint = Joint::Glued;
            i = next;
            continue;
        }
        if c.is_alphabetic() {
            let mut j = i + 1;
            while ch(j).is_some_and(char::is_alphabetic) {
                j += 1;
            }
            out.push(Lex {
                start: at(i),
                end: at(j),
                joint,
                upper: c.is_uppercase(),
                kind: Kind::Word(lowercase_word(&chars, lowered, i, j)),
            });
            joint = Joint::Glued;
            i = j;
            continue;
        }
        out.push(Lex {
            start: at(i),
            end: at(i + 1),
            joint,
            upper: false,
            kind: Kind::Punct(if c == '−' { '-' } else { c }),
        });
        joint = Joint::Glued;
        i += 1;
    }
    out
}

/// The word of chars `i..j` lowercased: a slice of `lowered` (the slice lowercased in ASCII) when
/// the word is ASCII, as most are.
fn lowercase_word<'a>(
    chars: &Chars<'a>,
    lowered: &'a str,
    i: usize,
    j: usize,
) -> std::borrow::Cow<'a, str> {
    let word = chars.between(i, j);
    if word.is_ascii() {
        std::borrow::Cow::Borrowed(&lowered[chars.offset(i)..chars.offset(j)])
    } else {
        super::tokens::lowercase(word)
    }
}

/// The chars of a slice by index: its bytes when it is ASCII (as most text is), so that lexing
/// it allocates nothing more; else its chars with their byte offsets.
enum Chars<'a> {
    Ascii(&'a str),
    Wide(&'a str, Vec<(usize, char)>),
}

impl<'a> Chars<'a> {
    fn of(slice: &'a str) -> Self {
        if slice.is_ascii() {
            Chars::Ascii(slice)
        } else {
            Chars::Wide(slice, slice.char_indices().collect())
        }
    }

    fn len(&self) -> usize {
        match self {
            Chars::Ascii(s) => s.len(),
            Chars::Wide(_, chars) => chars.len(),
        }
    }

    /// The byte offset and the char of the `k`th char.
    fn get(&self, k: usize) -> Option<(usize, char)> {
        match self {
            Chars::Ascii(s) => s.as_bytes().get(k).map(|&b| (k, char::from(b))),
            Chars::Wide(_, chars) => chars.get(k).copied(),
        }
    }

    /// The byte offset of the `k`th char; the slice's length past its end.
    fn offset(&self, k: usize) -> usize {
        match self {
            Chars::Ascii(s) => k.min(s.len()),
            Chars::Wide(s, chars) => chars.get(k).map_or(s.len(), |c| c.0),
        }
    }

    /// The text of chars `a..b`.
    fn between(&self, a: usize, b: usize) -> &'a str {
        let s = match self {
            Chars::Ascii(s) | Chars::Wide(s, _) => *s,
        };
        &s[self.offset(a)..self.offset(b)]
    }
}

fn is_group_space(c: char, mode: Mode) -> bool {
    matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}') || (c == ' ' && mode == Mode::Full)
}

/// Scans the digit chunk starting at char `i`: one lexeme, or several for dotted or comma lists
/// ("192.168.1.2", "22,24,26"); none for an ordinal ("4th"). Returns the index after the chunk.
fn digits<'a>(chars: &Chars<'a>, i: usize, base: usize, mode: Mode) -> (Vec<Lex<'a>>, usize) {
    let at = |k: usize| chars.offset(k);
    let ch = |k: usize| chars.get(k).map(|c| c.1);
    let is_digit = |k: usize| ch(k).is_some_and(|d| d.is_ascii_digit());
    // The body: digits, with commas and dots between digits.
    let mut j = i;
    if ch(j) == Some('.') {
        j += 1;
    }
    loop {
        let joiner =
            matches!(ch(j), Some(',' | '.')) && j > i && is_digit(j - 1) && is_digit(j + 1);
        if !(is_digit(j) || joiner) {
            break;
        }
        j += 1;
    }
    let mut body = chars.between(i, j).to_string();
    // Thousands grouped by spaces: "1 234 567", "40 000".
    let plain = body.chars().all(|c| c.is_ascii_digit());
    if plain && body.len() <= 3 {
        loop {
            let grouped = ch(j).is_some_and(|c| is_group_space(c, mode))
                && (1..=3).all(|k| is_digit(j + k))
                && !is_digit(j + 4);
            if !grouped {
                break;
            }
            body.push_str(chars.between(j + 1, j + 4));
            j += 4;
        }
        if body.len() > 3 && ch(j) == Some('.') && is_digit(j + 1) {
            body.push('.');
            j += 1;
            while is_digit(j) {
                body.push_str(chars.between(j, j + 1));
                j += 1;
            }
        }
    }
    let span = |a: usize, b: usize| (at(a) + base, at(b) + base);
    let single = |v: f64, integer: bool, a: usize, b: usize| {
        let (start, end) = span(a, b);
        Lex {
            start,
            end,
            joint: Joint::Glued,
            upper: false,
            kind: Kind::Num(Digits {
                value: v,
                integer,
                scaled: false,
                slash: None,
                suffix: false,
            }),
        }
    };
    let Some(value) = body_value(&body, mode) else {
        // A list: split at commas, then at dots.
        let mut out = Vec::new();
        let mut k = i;
        while k < j {
            let mut e = k;
            while e < j && ch(e).is_some_and(|c| c.is_ascii_digit()) {
                e += 1;
            }
            if e > k {
                let piece = chars.between(k, e);
                if let Ok(v) = piece.parse::<f64>() {
                    out.push(single(v, true, k, e));
                }
            }
            k = e + 1;
        }
        return (out, j);
    };
    let mut value = value;
    let mut integer = !body.contains(['.', ',']) || body_is_grouped_int(&body);
    let mut scaled = false;
    let mut slash = None;
    let mut suffix = false;
    let end_body = j;
    // Exponent: "1e10", "12.32e+14", "-12e-1".
    if matches!(ch(j), Some('e' | 'E')) {
        let mut k = j + 1;
        let neg = ch(k) == Some('-');
        if matches!(ch(k), Some('+' | '-')) {
            k += 1;
        }
        let d0 = k;
        while is_digit(k) {
            k += 1;
        }
        if k > d0 && !ch(k).is_some_and(char::is_alphabetic) {
            let exp = chars.between(d0, k);
            if let Ok(e) = exp.parse::<i32>() {
                value *= 10f64.powi(if neg { -e } else { e });
                integer = false;
                j = k;
            }
        }
    } else if ch(j) == Some('^') {
        // Power: "1.1^23", "2.5^-1", "1.1^--23".
        let mut k = j + 1;
        let mut neg = false;
        while let Some(s @ ('+' | '-')) = ch(k) {
            neg ^= s == '-';
            k += 1;
        }
        let d0 = k;
        while is_digit(k) || (ch(k) == Some('.') && is_digit(k + 1) && k > d0) {
            k += 1;
        }
        if k > d0 {
            let exp = chars.between(d0, k);
            if let Ok(e) = exp.parse::<f64>() {
                value = value.powf(if neg { -e } else { e });
                integer = false;
                j = k;
            }
        }
    } else if ch(j) == Some('/') && integer && is_digit(j + 1) {
        // "3/4", but not "3/4/2020".
        let mut k = j + 1;
        while is_digit(k) {
            k += 1;
        }
        let den = chars.between(j + 1, k);
        let more = matches!(ch(k), Some('/' | '.' | ',')) && is_digit(k + 1);
        if let Ok(d) = den.parse::<f64>()
            && d != 0.0
            && !more
        {
            slash = Some((value, d));
            value /= d;
            integer = false;
            j = k;
        }
    }
    // Letters glued on: a scale ("10k"), an ordinal ending ("4th"), or a unit ("75ml").
    if j == end_body && ch(j).is_some_and(char::is_alphabetic) {
        let mut k = j;
        while ch(k).is_some_and(char::is_alphabetic) {
            k += 1;
        }
        let letters = chars.between(j, k);
        let lower = letters.to_lowercase();
        let word_ends = !ch(k).is_some_and(char::is_alphanumeric);
        if integer && word_ends && matches!(lower.as_str(), "st" | "nd" | "rd" | "th") {
            return (Vec::new(), k);
        }
        match glued_scale(letters, mode).filter(|_| word_ends) {
            Some(s) => {
                value *= s;
                scaled = true;
                integer = false;
                j = k;
            }
            None => suffix = true,
        }
    }
    let (start, end) = span(i, j);
    let lex = Lex {
        start,
        end,
        joint: Joint::Glued,
        upper: false,
        kind: Kind::Num(Digits {
            value,
            integer,
            scaled,
            slash,
            suffix,
        }),
    };
    (vec![lex], j)
}

fn body_is_grouped_int(body: &str) -> bool {
    !body.contains('.') && body.contains(',') && grouped(body)
}

fn grouped(int: &str) -> bool {
    let groups: Vec<&str> = int.split(',').collect();
    groups.len() > 1
        && groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
        && groups[1..].iter().all(|g| g.len() == 3)
}

/// The value of a digit body, or `None` when it is a list of numbers.
fn body_value(body: &str, mode: Mode) -> Option<f64> {
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    if body.starts_with('.') {
        return (dots == 1 && commas == 0)
            .then(|| format!("0{body}").parse().ok())
            .flatten();
    }
    if commas == 0 {
        return (dots <= 1).then(|| body.parse().ok()).flatten();
    }
    let (int, frac) = match body.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (body, None),
    };
    if frac.is_some_and(|f| f.contains(['.', ','])) {
        return None;
    }
    if grouped(int) {
        let clean: String = int.chars().filter(|c| *c != ',').collect();
        return match frac {
            Some(f) => format!("{clean}.{f}").parse().ok(),
            None => clean.parse().ok(),
        };
    }
    if mode == Mode::Full && commas == 1 && dots == 0 {
        return body.replace(',', ".").parse().ok();
    }
    None
}

/// A number at lexeme `i`, with a sign word or sign mark before it.
fn parse_signed(lexes: &[Lex<'_>], i: usize, mode: Mode) -> Option<(Num, usize)> {
    let l = lexes.get(i)?;
    let sign_word = matches!(l.word(), Some("minus" | "negative"));
    let sign_mark = l.is_punct('-') && {
        let prev = i.checked_sub(1).and_then(|p| lexes.get(p));
        let next = lexes.get(i + 1);
        let starts = prev.is_none_or(|p| {
            l.joint == Joint::Space || matches!(p.kind, Kind::Punct(c) if "([{=:;,".contains(c))
        });
        let next_digit = next.is_some_and(|n| matches!(n.kind, Kind::Num(_)));
        let glued = next.is_some_and(|n| n.joint == Joint::Glued);
        let detached_ok = mode == Mode::Full
            && prev.is_none_or(|p| !matches!(p.kind, Kind::Num(_) | Kind::Word(_)));
        starts && next_digit && (glued || detached_ok)
    };
    if sign_word || sign_mark {
        if let Some((mut n, next)) = parse_at(lexes, i + 1, mode) {
            n.value = -n.value;
            n.range.start = l.start;
            return Some((n, next));
        }
        return None;
    }
    parse_at(lexes, i, mode)
}

/// An unsigned number at lexeme `i`.
fn parse_at(lexes: &[Lex<'_>], i: usize, mode: Mode) -> Option<(Num, usize)> {
    let l = lexes.get(i)?;
    let (mut num, mut next) = match &l.kind {
        Kind::Num(d) => digit_number(lexes, i, d, mode),
        Kind::Word(w) if w == "half" => {
            // "half a dozen", "half a million", "half".
            let a = lexes.get(i + 1).and_then(Lex::word);
            let s = lexes.get(i + 2).and_then(Lex::word);
            let scale = s.and_then(|s| {
                if is_dozen(s) {
                    Some(12.0)
                } else if s == "hundred" {
                    Some(100.0)
                } else {
                    scale_of(s)
                }
            });
            match (a, scale) {
                (Some("a" | "an"), Some(sc)) => {
                    let end = lexes.get(i + 2).map_or(l.end, |x| x.end);
                    (
                        Num {
                            range: l.start..end,
                            value: 0.5 * sc,
                            spelled: true,
                            scaled: true,
                            fraction: false,
                            slash: None,
                        },
                        i + 3,
                    )
                }
                _ => (
                    Num {
                        range: l.start..l.end,
                        value: 0.5,
                        spelled: true,
                        scaled: false,
                        fraction: true,
                        slash: None,
                    },
                    i + 1,
                ),
            }
        }
        Kind::Word(_) => word_number(lexes, i)?,
        Kind::Punct(_) => return None,
    };
    // "one over three", "2000 over 3", "one out of three": a division when nothing follows.
    if mode == Mode::Full && !num.fraction {
        let w = |k: usize| lexes.get(k).and_then(Lex::word);
        let skip = match (w(next), w(next + 1)) {
            (Some("over"), _) => Some(1),
            (Some("out"), Some("of")) => Some(2),
            _ => None,
        };
        if let Some(skip) = skip
            && let Some((den, after)) = match lexes.get(next + skip).map(|x| &x.kind) {
                Some(Kind::Num(d)) => Some(digit_number(lexes, next + skip, d, mode)),
                Some(Kind::Word(_)) => word_number(lexes, next + skip),
                _ => None,
            }
            && !den.fraction
            && den.value != 0.0
            && lexes.get(after).is_none_or(|x| x.word().is_none())
        {
            num.value /= den.value;
            num.range.end = den.range.end;
            num.fraction = true;
            num.spelled &= den.spelled;
            next = after;
        }
    }
    Some((num, next))
}

/// A number written in digits at lexeme `i`, with any scale words, dozens or a mixed fraction
/// after it.
fn digit_number(lexes: &[Lex<'_>], i: usize, d: &Digits, mode: Mode) -> (Num, usize) {
    let l = &lexes[i];
    let mut num = Num {
        range: l.start..l.end,
        value: d.value,
        spelled: false,
        scaled: d.scaled,
        fraction: d.slash.is_some(),
        slash: d.slash.map(|(_, b)| b),
    };
    let mut next = i + 1;
    if d.suffix {
        return (num, next);
    }
    // A mixed fraction: "10 1/2".
    if d.integer
        && let Some(n) = lexes.get(next)
        && n.joint == Joint::Space
        && let Kind::Num(f) = &n.kind
        && let Some((a, b)) = f.slash
        && a < b
        && !f.suffix
    {
        num.value += a / b;
        num.range.end = n.end;
        num.fraction = true;
        num.slash = Some(b);
        next += 1;
        return (num, next);
    }
    if d.scaled || d.slash.is_some() {
        return (num, next);
    }
    // Scale words: "2 million", "322 hundred", "three lakh crore".
    let mut big = 0.0f64;
    let mut current = num.value;
    let mut total = 0.0;
    while let Some(n) = lexes.get(next) {
        let Some(w) = n.word() else { break };
        let single = w.len() == 1 && n.joint == Joint::Space;
        let s = if single {
            // Lone scale letters: "2.33 k", "1,674.5 G", "1,674,200.5 M".
            match (mode, w, n.upper) {
                (Mode::Full, "k", _) => Some(1e3),
                (Mode::Full, "m", true) => Some(1e6),
                (Mode::Full, "g" | "b", true) => Some(1e9),
                (Mode::Full, "t", true) => Some(1e12),
                _ => None,
            }
        } else if w == "hundred" && big == 0.0 && !num.scaled {
            Some(100.0)
        } else {
            digit_scale_word(w)
        };
        let Some(s) = s else { break };
        if s == 100.0 {
            current *= 100.0;
        } else if s > big {
            total = (total + current) * s;
            current = 0.0;
            big = s;
        } else {
            total += current * s;
            current = 0.0;
        }
        num.scaled = true;
        num.range.end = n.end;
        next += 1;
        if single {
            break;
        }
    }
    num.value = total + current;
    if let Some(n) = lexes.get(next)
        && n.word().is_some_and(is_dozen)
    {
        num.value *= 12.0;
        num.scaled = true;
        num.range.end = n.end;
        next += 1;
    }
    (num, next)
}

/// The run of number words starting at lexeme `i`: words that can be part of a spelled-out
/// number, with hyphens (glued or spaced) between them noted.
fn run_at(lexes: &[Lex<'_>], i: usize) -> Vec<RunWord> {
    let mut run: Vec<RunWord> = Vec::new();
    let mut k = i;
    let mut hyphen = false;
    while let Some(l) = lexes.get(k) {
        if run.len() >= 48 {
            break;
        }
        match &l.kind {
            Kind::Word(w) => {
                let Some(class) = class_of(w) else { break };
                run.push(RunWord {
                    class,
                    lex: k,
                    hyphen,
                });
                hyphen = false;
            }
            Kind::Punct('-')
                if !hyphen
                    && !run.is_empty()
                    && lexes.get(k + 1).is_some_and(|n| n.word().is_some()) =>
            {
                hyphen = true;
            }
            _ => break,
        }
        k += 1;
    }
    run
}

/// A spelled-out number at lexeme `i`: a fraction ("two thirds") or a cardinal with an optional
/// decimal part ("five point five"), scale and dozens.
fn word_number(lexes: &[Lex<'_>], i: usize) -> Option<(Num, usize)> {
    if matches!(lexes.get(i).and_then(Lex::word), Some("a" | "an"))
        && let Some(d) = lexes.get(i + 1).filter(|d| d.word().is_some_and(is_dozen))
    {
        let num = Num {
            range: lexes.get(i)?.start..d.end,
            value: 12.0,
            spelled: true,
            scaled: true,
            fraction: false,
            slash: None,
        };
        return Some((num, i + 2));
    }
    let run = run_at(lexes, i);
    let first = run.first()?;
    if !matches!(first.class, Class::Unit(_) | Class::Tens(_) | Class::A) {
        return None;
    }
    let start = lexes.get(i)?.start;
    let end_of = |k: usize| lexes.get(k).map_or(start, |l| l.end);
    // A fraction ends at the first ordinal.
    if let Some(o) = run.iter().position(|r| matches!(r.class, Class::Ord(_)))
        && let Some(value) = fraction(&run, o, lexes)
    {
        let mut last = run[o].lex;
        let mut value = value;
        // "two and a half million".
        let scale = lexes.get(last + 1).and_then(Lex::word).and_then(scale_of);
        if let Some(s) = scale {
            value *= s;
            last += 1;
        }
        return Some((
            Num {
                range: start..end_of(last),
                value,
                spelled: true,
                scaled: scale.is_some(),
                fraction: scale.is_none(),
                slash: None,
            },
            last + 1,
        ));
    }
    let limit = run
        .iter()
        .position(|r| matches!(r.class, Class::Ord(_)))
        .unwrap_or(run.len());
    let card = cardinal(&run, 0, limit)?;
    let mut value = card.value;
    let mut scaled = card.scaled;
    let mut next = run[card.end - 1].lex + 1;
    let mut end = end_of(next - 1);
    // "point zero three", "point seventy-one".
    if lexes.get(next).and_then(Lex::word) == Some("point") {
        let mut digits = String::new();
        let mut k = next + 1;
        while let Some(c) = lexes.get(k).and_then(Lex::word).and_then(class_of) {
            match c {
                Class::Unit(v) => {
                    digits.push_str(&format!("{v}"));
                    k += 1;
                }
                Class::Tens(t) => {
                    let (unit, skip) = tens_unit(lexes, k);
                    digits.push_str(&format!("{}", t + unit));
                    k += skip;
                }
                _ => break,
            }
        }
        if let Ok(f) = format!("0.{digits}").parse::<f64>()
            && !digits.is_empty()
        {
            value += f;
            next = k;
            end = end_of(k - 1);
            if let Some(s) = lexes.get(next).and_then(Lex::word).and_then(scale_of) {
                value *= s;
                scaled = true;
                end = end_of(next);
                next += 1;
            }
        }
    }
    if let Some(n) = lexes.get(next)
        && n.word().is_some_and(is_dozen)
    {
        value = value - card.small + card.small * 12.0;
        scaled = true;
        end = n.end;
        next += 1;
    }
    Some((
        Num {
            range: start..end,
            value,
            spelled: true,
            scaled,
            fraction: false,
            slash: None,
        },
        next,
    ))
}

/// The unit after a tens word at lexeme `k` ("seventy-one", "fifty - two", "thirty one") and how
/// many lexemes the pair takes.
fn tens_unit(lexes: &[Lex<'_>], k: usize) -> (f64, usize) {
    let unit = |at: usize| match lexes.get(at).and_then(Lex::word).and_then(class_of) {
        Some(Class::Unit(u)) if (1.0..10.0).contains(&u) => Some(u),
        _ => None,
    };
    if lexes.get(k + 1).is_some_and(|l| l.is_punct('-'))
        && let Some(u) = unit(k + 2)
    {
        return (u, 3);
    }
    match unit(k + 1) {
        Some(u) => (u, 2),
        None => (0.0, 1),
    }
}

struct Cardinal {
    value: f64,
    /// Index in the run after the last word used.
    end: usize,
    /// The last group below a hundred ("two" in "three hundred and two"), for dozens.
    small: f64,
    scaled: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Last {
    Start,
    A,
    Unit,
    Tens,
    Hundred,
    Scale(f64),
    And,
}

/// The longest cardinal in `run[a..limit]` starting at `a`.
fn cardinal(run: &[RunWord], a: usize, limit: usize) -> Option<Cardinal> {
    let (mut total, mut big, mut current, mut small) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    let mut last = Last::Start;
    let mut last_good: Option<Cardinal> = None;
    let mut scaled = false;
    let class = |k: usize| run.get(k).filter(|_| k < limit).map(|r| r.class);
    let mut k = a;
    while k < limit {
        let r = run[k];
        let hyphen_ok =
            matches!((last, r.class), (Last::Tens, Class::Unit(u)) if (1.0..10.0).contains(&u));
        if k > a && r.hyphen && !hyphen_ok {
            break;
        }
        match r.class {
            Class::A if k == a => {
                if !matches!(class(k + 1), Some(Class::Hundred | Class::Scale(_))) {
                    break;
                }
                current = 1.0;
                small = 1.0;
                last = Last::A;
            }
            Class::Unit(v) => {
                let ok = match last {
                    Last::Start | Last::Hundred | Last::Scale(_) | Last::And => true,
                    Last::Tens => (1.0..10.0).contains(&v),
                    _ => false,
                };
                if !ok {
                    break;
                }
                current += v;
                small = if last == Last::Tens { small + v } else { v };
                last = Last::Unit;
            }
            Class::Tens(v) => {
                if !matches!(
                    last,
                    Last::Start | Last::Hundred | Last::Scale(_) | Last::And
                ) {
                    break;
                }
                current += v;
                small = v;
                last = Last::Tens;
            }
            Class::Hundred => {
                if !matches!(last, Last::Unit | Last::Tens | Last::A) || current >= 100.0 {
                    break;
                }
                current *= 100.0;
                small = 0.0;
                scaled = true;
                last = Last::Hundred;
            }
            Class::Scale(s) => {
                match last {
                    Last::Unit | Last::Tens | Last::Hundred | Last::A => {
                        if s > big {
                            total = (total + current) * s;
                            big = s;
                        } else {
                            total += current * s;
                        }
                    }
                    Last::Scale(p) if s > p && current == 0.0 && s > big => {
                        total *= s;
                        big = s;
                    }
                    _ => break,
                }
                current = 0.0;
                small = 0.0;
                scaled = true;
                last = Last::Scale(s);
            }
            Class::And => {
                let next = run.get(k + 1).filter(|n| k + 1 < limit && !n.hyphen);
                let ok = match (last, next.map(|n| n.class)) {
                    (Last::Hundred | Last::Scale(_), Some(Class::Unit(_) | Class::Tens(_))) => true,
                    (Last::Tens, Some(Class::Unit(u))) => (1.0..10.0).contains(&u),
                    _ => false,
                };
                if !ok {
                    break;
                }
                last = Last::And;
            }
            _ => break,
        }
        k += 1;
        if !matches!(last, Last::A | Last::And) {
            last_good = Some(Cardinal {
                value: total + current,
                end: k,
                small,
                scaled,
            });
        }
    }
    last_good
}

/// The whole of `run[a..b]` as one cardinal.
fn cardinal_exact(run: &[RunWord], a: usize, b: usize) -> Option<f64> {
    cardinal(run, a, b).filter(|c| c.end == b).map(|c| c.value)
}

/// The value of the denominator `run[a..=o]`, which ends at the ordinal `o`: "fifths",
/// "twenty-first", "one hundred and fifth", "one thousand fifths".
fn denominator(run: &[RunWord], a: usize, o: usize) -> Option<f64> {
    let Class::Ord(ord) = run.get(o)?.class else {
        return None;
    };
    if a == o {
        // "first" and "second" alone are ordinals, not denominators.
        return (!(ord.unit && ord.value <= 2.0)).then_some(ord.value);
    }
    let mut tail_start = o;
    let mut tail = ord.value;
    if let Some(Class::Tens(t)) = run.get(o - 1).map(|r| r.class)
        && ord.unit
        && o > a
    {
        tail_start = o - 1;
        tail += t;
    }
    if tail_start == a {
        return Some(tail);
    }
    if ord.scale && tail_start == o {
        return None;
    }
    let mut k = tail_start;
    if run.get(k - 1).is_some_and(|r| r.class == Class::And) && k - 1 > a {
        k -= 1;
    }
    if !matches!(run[a].class, Class::Unit(_) | Class::Tens(_))
        || !matches!(run[k - 1].class, Class::Hundred | Class::Scale(_))
    {
        return None;
    }
    cardinal_exact(run, a, k).map(|p| p + tail)
}

/// A fraction ending at the ordinal `o` of the run: the numerator and denominator split that
/// leaves the longest denominator, or a whole number plus a proper fraction ("one and a half").
fn fraction(run: &[RunWord], o: usize, lexes: &[Lex<'_>]) -> Option<f64> {
    let Class::Ord(ord) = run.get(o)?.class else {
        return None;
    };
    // "a fifth term", "one second": a singular ordinal with a noun after it is an ordinal.
    let after = lexes.get(run[o].lex + 1);
    let noun_follows = after.is_some_and(|l| {
        l.word().is_some_and(|w| w != "of" && scale_of(w).is_none()) && l.joint == Joint::Space
    });
    let numerator = |a: usize, b: usize| -> Option<f64> {
        if b == a + 1 && run[a].class == Class::A {
            return Some(1.0);
        }
        cardinal_exact(run, a, b)
    };
    let agrees = |n: f64| {
        if ord.plural {
            n != 1.0
        } else {
            n == 1.0 && !noun_follows
        }
    };
    for a in 1..=o {
        // "ninety - five hundred fifths": a hyphen between tens and units holds them together.
        let compound = run[a].hyphen
            && matches!(run[a - 1].class, Class::Tens(_))
            && matches!(run[a].class, Class::Unit(u) if (1.0..10.0).contains(&u));
        if compound {
            continue;
        }
        let Some(d) = denominator(run, a, o) else {
            continue;
        };
        if d == 0.0 {
            continue;
        }
        // Mixed: "one hundred and three quarters" → 100 + 3/4.
        if let Some(p) = run[..a].iter().rposition(|r| r.class == Class::And)
            && p > 0
            && let (Some(whole), Some(n)) = (cardinal_exact(run, 0, p), numerator(p + 1, a))
            && n < d
            && agrees(n)
        {
            // "a million and a half" is a million and half a million.
            let of = match run[p - 1].class {
                Class::Scale(s) => s,
                _ => 1.0,
            };
            return Some(whole + n / d * of);
        }
        if let Some(n) = numerator(0, a)
            && agrees(n)
        {
            return Some(n / d);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str, mode: Mode) -> Vec<(String, f64)> {
        scan(text, 0..text.len(), mode)
            .into_iter()
            .map(|n| (text[n.range].to_string(), n.value))
            .collect()
    }

    fn check(cases: &[(&str, &[(&str, f64)])], mode: Mode) {
        for (text, want) in cases {
            let got = values(text, mode);
            assert_eq!(got.len(), want.len(), "{text}: {got:?}");
            for ((gt, gv), (wt, wv)) in got.iter().zip(want.iter()) {
                assert_eq!(gt, wt, "{text}: {got:?}");
                assert!(
                    (gv - wv).abs() <= 1e-9 * wv.abs().max(1.0),
                    "{text}: {gv} != {wv}"
                );
            }
        }
    }

    #[test]
    fn a_scaled_decimal_is_the_number_written() {
        // Exactly: 525.8 × 10⁶ in binary is 525799999.99999994, 8.2 × 10⁹ is 8199999999.999999.
        for (text, want) in [
            ("net was $525.8 million", 525_800_000.0),
            ("raised 8.2 billion euros", 8_200_000_000.0),
            ("a 1.3e6 gain", 1_300_000.0),
            ("rose 0.1 percent", 0.1),
        ] {
            assert_eq!(values(text, Mode::News)[0].1, want, "{text}");
        }
    }

    #[test]
    fn digits() {
        check(
            &[
                (
                    "It cost 7,500 or 1,250,000.75 in all",
                    &[("7,500", 7500.0), ("1,250,000.75", 1_250_000.75)],
                ),
                ("a rate of .35 today", &[(".35", 0.35)]),
                ("from -12 to 4.5", &[("-12", -12.0), ("4.5", 4.5)]),
                (
                    "host 10.0.0.7 replied",
                    &[("10", 10.0), ("0", 0.0), ("0", 0.0), ("7", 7.0)],
                ),
                (
                    "they raised 40k and 3.5bn",
                    &[("40k", 40e3), ("3.5bn", 3.5e9)],
                ),
                (
                    "roughly 6 million and 45 lakh",
                    &[("6 million", 6e6), ("45 lakh", 4.5e6)],
                ),
                ("2.5e3 and 4^-2", &[("2.5e3", 2500.0), ("4^-2", 0.0625)]),
                ("the 3rd of them, the F-16 and G7", &[("16", 16.0)]),
                (
                    "a 5 1/2 hour wait or 7/8 of it",
                    &[("5 1/2", 5.5), ("7/8", 0.875)],
                ),
                ("4 dozen eggs", &[("4 dozen", 48.0)]),
            ],
            Mode::News,
        );
    }

    #[test]
    fn words() {
        check(
            &[
                (
                    "forty-seven thousand three hundred and nine",
                    &[("forty-seven thousand three hundred and nine", 47309.0)],
                ),
                ("a million and a half", &[("a million and a half", 1.5e6)]),
                (
                    "two and a half million",
                    &[("two and a half million", 2.5e6)],
                ),
                ("half a million people", &[("half a million", 5e5)]),
                ("six point two five metres", &[("six point two five", 6.25)]),
                ("minus eight degrees", &[("minus eight", -8.0)]),
                (
                    "one two three",
                    &[("one", 1.0), ("two", 2.0), ("three", 3.0)],
                ),
                ("eighty - four", &[("eighty - four", 84.0)]),
                (
                    "a dozen and two dozens",
                    &[("a dozen", 12.0), ("two dozens", 24.0)],
                ),
            ],
            Mode::News,
        );
    }

    #[test]
    fn fractions() {
        check(
            &[
                ("two thirds of voters", &[("two thirds", 2.0 / 3.0)]),
                ("a quarter of it", &[("a quarter", 0.25)]),
                (
                    "seven and three eighths",
                    &[("seven and three eighths", 7.375)],
                ),
                ("nine sixteenths", &[("nine sixteenths", 9.0 / 16.0)]),
                (
                    "forty thirty-seconds",
                    &[("forty thirty-seconds", 40.0 / 32.0)],
                ),
                ("a fifth term", &[]),
                ("two millionth visitor", &[("two", 2.0)]),
            ],
            Mode::News,
        );
        check(
            &[
                ("seven over eight", &[("seven over eight", 0.875)]),
                ("3 over 4 weeks", &[("3", 3.0), ("4", 4.0)]),
                ("12 500 and 3,5", &[("12 500", 12500.0), ("3,5", 3.5)]),
            ],
            Mode::Full,
        );
    }
}
