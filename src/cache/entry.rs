//! One article's cache entry as bytes: its key, its text's length, its claims with their byte
//! spans, and its diagnostics, in a [`crate::binary`] record.
//!
//! Binary rather than JSON: a build after an edit reads every article's entry back, and parsing
//! JSON was most of that time. Floats are kept by their bits, so a cached value is exactly the
//! value extracted.

use crate::binary::{Reader, Writer};
use crate::content::Article;
use crate::diagnostics::{Diagnostic, Diagnostics, Severity};
use crate::extract::speaker_kind::SpeakerKind;
use crate::extract::{
    Claims, DateClaim, Direction, EventClaim, FigureClaim, FigureKind, Period, Qualifier, Quotes,
    Status, TimexType,
};

/// What an entry file starts with. A change to the layout needs no new magic: this file is among
/// the extraction identity's sources, so an edited layout changes every key and an entry of
/// another layout is never looked up.
const MAGIC: &[u8; 8] = b"rptclm03";

/// Every variant of each enum a claim holds, in the order their index is stored.
const QUALIFIERS: [Qualifier; 6] = [
    Qualifier::Approximately,
    Qualifier::Nearly,
    Qualifier::MoreThan,
    Qualifier::AtLeast,
    Qualifier::UpTo,
    Qualifier::LessThan,
];
const KINDS: [FigureKind; 5] = [
    FigureKind::Level,
    FigureKind::Change,
    FigureKind::Percent,
    FigureKind::Money,
    FigureKind::Ratio,
];
const DIRECTIONS: [Direction; 2] = [Direction::Up, Direction::Down];
const STATUSES: [Status; 1] = [Status::Forecast];
const SPEAKER_KINDS: [SpeakerKind; 3] = [
    SpeakerKind::Person,
    SpeakerKind::Organization,
    SpeakerKind::Group,
];
const TYPES: [TimexType; 4] = [
    TimexType::Date,
    TimexType::Time,
    TimexType::Duration,
    TimexType::Set,
];

/// The index of `v` in `all`; a variant missing from the list makes the entry unwritable
/// rather than wrong.
fn index_of<T: PartialEq>(all: &[T], v: &T) -> Option<u8> {
    all.iter().position(|x| x == v).map(|i| i as u8)
}

fn variant<T: Copy>(all: &[T], i: u8) -> Option<T> {
    all.get(usize::from(i)).copied()
}

/// The entry of an article whose text is `text_len` bytes long, or none when a claim holds a
/// value this layout cannot store.
pub(super) fn encode(
    key: &str,
    text_len: usize,
    claims: &Claims,
    diags: &Diagnostics,
) -> Option<Vec<u8>> {
    let mut w = Writer::new(MAGIC);
    w.str(key);
    w.usize(text_len);
    w.usize(claims.figures.len());
    for f in &claims.figures {
        w.str(&f.text);
        w.usize(f.start);
        w.usize(f.end);
        w.f64(f.value);
        w.opt_str(f.unit.as_deref());
        w.opt_str(f.measure.as_deref());
        w.opt_str(f.scope.as_deref());
        w.u8(match &f.qualifier {
            None => 0,
            Some(q) => 1 + index_of(&QUALIFIERS, q)?,
        });
        w.u8(index_of(&KINDS, &f.kind)?);
        w.u8(match &f.direction {
            None => 0,
            Some(d) => 1 + index_of(&DIRECTIONS, d)?,
        });
        w.u8(match &f.status {
            None => 0,
            Some(s) => 1 + index_of(&STATUSES, s)?,
        });
        w.opt_str(f.said_by.as_deref());
        w.u8(match &f.said_by_kind {
            None => 0,
            Some(k) => 1 + index_of(&SPEAKER_KINDS, k)?,
        });
        w.opt_str(f.as_of.as_ref().map(Period::as_str));
        w.str(&f.sentence);
        w.bool(f.hand);
        w.usize(f.span.start);
        w.usize(f.span.end);
    }
    w.usize(claims.dates.len());
    for d in &claims.dates {
        w.str(&d.text);
        w.usize(d.start);
        w.usize(d.end);
        w.u8(index_of(&TYPES, &d.kind)?);
        w.str(&d.value);
        w.opt_str(d.modifier.as_deref());
        w.usize(d.span.start);
        w.usize(d.span.end);
    }
    w.usize(claims.events.len());
    for e in &claims.events {
        w.str(e.date.as_str());
        w.str(&e.text);
        w.opt_str(e.said_by.as_deref());
        w.u8(match &e.said_by_kind {
            None => 0,
            Some(k) => 1 + index_of(&SPEAKER_KINDS, k)?,
        });
        w.usize(e.start);
        w.usize(e.end);
        w.str(&e.date_text);
        w.usize(e.span.start);
        w.usize(e.span.end);
        w.usize(e.date_span.start);
        w.usize(e.date_span.end);
    }
    let diags: Vec<&Diagnostic> = diags.iter().collect();
    w.usize(diags.len());
    for d in diags {
        w.bool(d.severity == Severity::Error);
        w.opt_usize(d.line);
        w.opt_usize(d.column);
        w.str(&d.message);
        w.opt_str(d.help.as_deref());
    }
    Some(w.finish())
}

/// The claims and diagnostics of `article` from its entry, when the entry is whole, is the one
/// for `key`, and every span it holds lies on character boundaries of the article's text.
pub(super) fn decode(bytes: &[u8], key: &str, article: &Article) -> Option<(Claims, Diagnostics)> {
    let text = article.text.as_str();
    let mut r = Reader::open(bytes, MAGIC)?;
    if r.str()? != key || r.usize()? != text.len() {
        return None;
    }
    let span = |r: &mut Reader<'_>| -> Option<std::ops::Range<usize>> {
        let (start, end) = (r.usize()?, r.usize()?);
        (start <= end && text.is_char_boundary(start) && text.is_char_boundary(end))
            .then_some(start..end)
    };
    let mut claims = Claims::default();
    let mut quotes = Quotes::default();
    // The smallest figure, date and event, in bytes: what a count is checked against.
    let n = r.count(7 * 8 + 7)?;
    claims.figures.reserve(n);
    for _ in 0..n {
        claims.figures.push(FigureClaim {
            text: r.text()?,
            start: r.usize()?,
            end: r.usize()?,
            value: r.f64()?,
            unit: r.opt_text()?,
            measure: r.opt_text()?,
            scope: r.opt_text()?,
            qualifier: match r.u8()? {
                0 => None,
                i => Some(variant(&QUALIFIERS, i - 1)?),
            },
            kind: variant(&KINDS, r.u8()?)?,
            direction: match r.u8()? {
                0 => None,
                i => Some(variant(&DIRECTIONS, i - 1)?),
            },
            status: match r.u8()? {
                0 => None,
                i => Some(variant(&STATUSES, i - 1)?),
            },
            said_by: r.opt_text()?,
            said_by_kind: match r.u8()? {
                0 => None,
                i => Some(variant(&SPEAKER_KINDS, i - 1)?),
            },
            as_of: match r.opt_text()? {
                Some(value) => Some(Period::parse(&value)?),
                None => None,
            },
            sentence: quotes.get(r.str()?),
            hand: r.bool()?,
            span: span(&mut r)?,
        });
    }
    let n = r.count(8 * 6 + 2)?;
    claims.dates.reserve(n);
    for _ in 0..n {
        claims.dates.push(DateClaim {
            text: r.text()?,
            start: r.usize()?,
            end: r.usize()?,
            kind: variant(&TYPES, r.u8()?)?,
            value: r.text()?,
            modifier: r.opt_text()?,
            span: span(&mut r)?,
        });
    }
    let n = r.count(8 * 9 + 2)?;
    claims.events.reserve(n);
    for _ in 0..n {
        claims.events.push(EventClaim {
            date: Period::parse(r.str()?)?,
            text: quotes.get(r.str()?),
            said_by: r.opt_text()?,
            said_by_kind: match r.u8()? {
                0 => None,
                i => Some(variant(&SPEAKER_KINDS, i - 1)?),
            },
            start: r.usize()?,
            end: r.usize()?,
            date_text: r.text()?,
            span: span(&mut r)?,
            date_span: span(&mut r)?,
        });
    }
    let n = r.count(8 + 4)?;
    let mut diags = Diagnostics::new();
    for _ in 0..n {
        diags.push(Diagnostic {
            severity: if r.bool()? {
                Severity::Error
            } else {
                Severity::Warning
            },
            path: article.path.clone(),
            line: r.opt_usize()?,
            column: r.opt_usize()?,
            message: r.string()?,
            help: r.opt_string()?,
        });
    }
    r.is_done().then_some((claims, diags))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::article;

    /// Claims using every variant of every enum and both states of every option.
    fn claims(text: &str) -> Claims {
        let figure = |i: usize| FigureClaim {
            text: compact_str::format_compact!("figure “{i}”"),
            start: i,
            end: i + 3,
            value: 4_099_999.999_999_999_5 * i as f64,
            unit: i.is_multiple_of(2).then(|| "people".into()),
            qualifier: if i < QUALIFIERS.len() {
                Some(QUALIFIERS[i])
            } else {
                None
            },
            kind: KINDS[i % KINDS.len()],
            measure: i
                .is_multiple_of(2)
                .then(|| "people displaced (Sudan)".into()),
            scope: i.is_multiple_of(4).then(|| "Sudan".into()),
            direction: [None, Some(Direction::Up), Some(Direction::Down)][i % 3],
            status: i.is_multiple_of(5).then_some(Status::Forecast),
            said_by: i.is_multiple_of(3).then(|| "Kim".into()),
            said_by_kind: i
                .is_multiple_of(3)
                .then(|| SPEAKER_KINDS[i % SPEAKER_KINDS.len()]),
            as_of: (i % 2 == 1).then(|| Period::parse("2023-07").unwrap()),
            sentence: "Un été.".into(),
            hand: i.is_multiple_of(2),
            span: 0..text.len(),
        };
        let date = |i: usize| DateClaim {
            text: "July".into(),
            start: i,
            end: i + 4,
            kind: TYPES[i % TYPES.len()],
            value: "2023-07".into(),
            modifier: i.is_multiple_of(2).then(|| "APPROX".into()),
            span: 1..4,
        };
        let event = |i: usize| EventClaim {
            // A value of every precision.
            date: Period::parse(
                [
                    "2023-07-04",
                    "2023-W27",
                    "2023-07",
                    "2023-Q3",
                    "2023-SU",
                    "2023-H2",
                    "2023",
                    "202",
                ][i % 8],
            )
            .unwrap(),
            text: "It rained.".into(),
            said_by: i.is_multiple_of(2).then(|| "Lee".into()),
            said_by_kind: i
                .is_multiple_of(2)
                .then(|| SPEAKER_KINDS[i % SPEAKER_KINDS.len()]),
            start: i,
            end: i + 10,
            date_text: "in July".into(),
            span: 0..text.len(),
            date_span: 2..2,
        };
        Claims {
            figures: (0..8).map(figure).collect(),
            dates: (0..5).map(date).collect(),
            events: (0..9).map(event).collect(),
        }
    }

    fn diagnostics(a: &Article) -> Diagnostics {
        [
            (Severity::Error, Some(3), Some(7), Some("try this")),
            (Severity::Warning, None, None, None),
        ]
        .into_iter()
        .map(|(severity, line, column, help)| Diagnostic {
            severity,
            path: a.path.clone(),
            line,
            column,
            message: format!("{severity} here"),
            help: help.map(str::to_string),
        })
        .collect()
    }

    #[test]
    fn an_entry_reads_back_exactly_as_written() {
        let a = article("---\ntitle: A\nsource: S\npublished: 2024-05-02\n---\nSome text.\n");
        let (claims, diags) = (claims(&a.text), diagnostics(&a));
        let bytes = encode("k1", a.text.len(), &claims, &diags).unwrap();
        let (back, back_diags) = decode(&bytes, "k1", &a).unwrap();
        assert_eq!(back, claims);
        let spans = |c: &Claims| -> Vec<_> {
            c.figures
                .iter()
                .map(|f| f.span.clone())
                .chain(c.dates.iter().map(|d| d.span.clone()))
                .chain(
                    c.events
                        .iter()
                        .flat_map(|e| [e.span.clone(), e.date_span.clone()]),
                )
                .collect()
        };
        assert_eq!(spans(&back), spans(&claims));
        let bits =
            |c: &Claims| -> Vec<u64> { c.figures.iter().map(|f| f.value.to_bits()).collect() };
        assert_eq!(bits(&back), bits(&claims));
        assert_eq!(back_diags, diags);
        // Another key, another text length, or any damaged byte: not read.
        assert!(decode(&bytes, "k2", &a).is_none());
        let longer = article("---\ntitle: A\nsource: S\npublished: 2024-05-02\n---\nSome text!!\n");
        assert!(decode(&bytes, "k1", &longer).is_none());
        for i in 0..bytes.len() {
            let mut damaged = bytes.clone();
            damaged[i] ^= 1;
            assert!(decode(&damaged, "k1", &a).is_none(), "byte {i}");
        }
    }

    #[test]
    fn an_entry_whose_spans_do_not_fit_the_text_is_not_read() {
        let a = article("---\ntitle: A\nsource: S\npublished: 2024-05-02\n---\nÉté.\n");
        let inside_a_letter = a.text.find('É').unwrap() + 1;
        let mut c = claims(&a.text);
        c.dates[0].span = inside_a_letter..inside_a_letter + 1;
        let bytes = encode("k", a.text.len(), &c, &Diagnostics::new()).unwrap();
        assert!(decode(&bytes, "k", &a).is_none());
        let mut c = claims(&a.text);
        c.events[0].date_span = std::ops::Range { start: 4, end: 2 };
        let bytes = encode("k", a.text.len(), &c, &Diagnostics::new()).unwrap();
        assert!(decode(&bytes, "k", &a).is_none());
        let mut c = claims(&a.text);
        c.figures[0].span = 0..a.text.len() + 1;
        let bytes = encode("k", a.text.len(), &c, &Diagnostics::new()).unwrap();
        assert!(decode(&bytes, "k", &a).is_none());
    }

    /// A record of this layout for `a` under the key "k", with whatever `rest` writes after the
    /// text's length: for records whose checksum is right but whose contents are not.
    fn record(a: &Article, rest: impl FnOnce(&mut Writer)) -> Vec<u8> {
        let mut w = Writer::new(MAGIC);
        w.str("k");
        w.usize(a.text.len());
        rest(&mut w);
        w.finish()
    }

    #[test]
    fn a_whole_record_with_impossible_contents_is_not_read() {
        let a = article("---\ntitle: A\nsource: S\npublished: 2024-05-02\n---\nSome text.\n");
        let figure_then = |qualifier: u8, kind: u8, direction: u8, speaker: u8, text: &[u8]| {
            record(&a, |w| {
                w.usize(1);
                w.usize(text.len());
                w.out_bytes(text);
                w.usize(0);
                w.usize(1);
                w.f64(1.0);
                w.opt_str(None);
                w.opt_str(None);
                w.opt_str(None);
                w.u8(qualifier);
                w.u8(kind);
                w.u8(direction);
                w.u8(0);
                w.opt_str(None);
                w.u8(speaker);
                w.opt_str(None);
                w.str("S.");
                w.bool(false);
                w.usize(0);
                w.usize(1);
                w.usize(0);
                w.usize(0);
                w.usize(0);
            })
        };
        // The well-formed one reads, so that each refusal below is for its one change.
        assert!(decode(&figure_then(0, 0, 2, 3, b"1"), "k", &a).is_some());
        assert!(
            decode(&figure_then(7, 0, 0, 0, b"1"), "k", &a).is_none(),
            "qualifier"
        );
        assert!(
            decode(&figure_then(0, 9, 0, 0, b"1"), "k", &a).is_none(),
            "kind"
        );
        assert!(
            decode(&figure_then(0, 0, 3, 0, b"1"), "k", &a).is_none(),
            "direction"
        );
        assert!(
            decode(&figure_then(0, 0, 0, 4, b"1"), "k", &a).is_none(),
            "speaker kind"
        );
        assert!(
            decode(&figure_then(0, 0, 0, 0, b"\xff"), "k", &a).is_none(),
            "UTF-8"
        );
        // More figures than the record could hold, and trailing bytes.
        let many = record(&a, |w| {
            w.usize(usize::MAX);
        });
        assert!(decode(&many, "k", &a).is_none());
        let trailing = record(&a, |w| {
            for _ in 0..4 {
                w.usize(0);
            }
            w.u8(0);
        });
        assert!(decode(&trailing, "k", &a).is_none());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 64, ..Default::default() })]

        /// Whatever an article's story, its claims come back from their entry as extracted.
        #[test]
        fn extracted_claims_read_back_as_extracted(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "said", "about", "7,000", "containers", "in", "July", "2023", "last", "month",
                "more", "than", "$4.1", "billion", "the", "ministry", "on", "Monday", "é",
                "“quoted”", "12%", "Q3", "since", "2019", ".", ",", "\n\n", "Kim", "told",
            ]), 0..120),
        ) {
            let text = format!(
                "---\ntitle: A\nsource: S\npublished: 2024-03-18\n---\n{}\n",
                words.join(" ")
            );
            let a = article(&text);
            let (claims, diags) = crate::extract::extract_claims(&a);
            let bytes = encode("k", a.text.len(), &claims, &diags).unwrap();
            let (back, back_diags) = decode(&bytes, "k", &a).unwrap();
            proptest::prop_assert_eq!(&back, &claims);
            let spans = |c: &Claims| -> Vec<std::ops::Range<usize>> {
                c.figures
                    .iter()
                    .map(|f| f.span.clone())
                    .chain(c.dates.iter().map(|d| d.span.clone()))
                    .chain(c.events.iter().flat_map(|e| [e.span.clone(), e.date_span.clone()]))
                    .collect()
            };
            proptest::prop_assert_eq!(spans(&back), spans(&claims));
            proptest::prop_assert_eq!(back_diags, diags);
        }
    }
}
