//! An article's story as plain text for the extractors, with a map from every plain-text offset
//! back to a byte offset in the article file, so that claims always point into the file.

use std::ops::Range;

/// A run of plain text copied from the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    plain: usize,
    file: usize,
    /// Length in the plain text.
    len: usize,
    /// Length in the file: differs from `len` when inexact (an entity, a code span's backticks).
    file_len: usize,
    /// The plain text equals the file bytes (not an entity or escape).
    exact: bool,
}

/// Plain text plus its map into the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PlainText {
    text: String,
    segments: Vec<Segment>,
}

impl PlainText {
    /// A text taken verbatim from `file_text[offset..]`.
    pub fn verbatim(file_text: &str, offset: usize) -> Self {
        let text = file_text[offset..].to_string();
        let segments = vec![Segment {
            plain: 0,
            file: offset,
            len: text.len(),
            file_len: text.len(),
            exact: true,
        }];
        PlainText { text, segments }
    }

    /// [`PlainText::verbatim`] with the bytes of `runs` (ranges of `file_text[offset..]`, ending
    /// on character boundaries) but their line breaks turned into spaces: text the extractors
    /// skip, at the same offsets. No claim is found in the spaces, so the one segment maps every
    /// claim to the file as before.
    pub fn verbatim_masked(file_text: &str, offset: usize, runs: &[Range<usize>]) -> Self {
        let mut plain = Self::verbatim(file_text, offset);
        if runs.is_empty() {
            return plain;
        }
        let mut bytes = std::mem::take(&mut plain.text).into_bytes();
        for run in runs {
            for b in &mut bytes[run.clone()] {
                if *b != b'\n' {
                    *b = b' ';
                }
            }
        }
        plain.text = String::from_utf8(bytes).expect("runs end on character boundaries");
        plain
    }

    /// An empty text, to be built with [`PlainText::push`].
    pub fn new() -> Self {
        PlainText::default()
    }

    /// Appends `s`, which stands for the file bytes `file` (`exact` when equal to them).
    pub fn push(&mut self, s: &str, file: Range<usize>, exact: bool) {
        if s.is_empty() {
            return;
        }
        self.segments.push(Segment {
            plain: self.text.len(),
            file: file.start,
            len: s.len(),
            file_len: file.len(),
            exact,
        });
        self.text.push_str(s);
    }

    /// Appends a separator that stands for no file text (paragraph breaks).
    pub fn push_break(&mut self, s: &str) {
        self.text.push_str(s);
    }

    /// The plain text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The file byte offset of plain offset `at`. `end` says whether it closes a range (then an
    /// offset inside an inexact segment maps to the segment's end).
    pub fn to_file(&self, at: usize, end: bool) -> usize {
        let i = self.segments.partition_point(|s| s.plain <= at);
        let Some(seg) = i.checked_sub(1).map(|i| self.segments[i]) else {
            return self.segments.first().map_or(0, |s| s.file);
        };
        let inside = at - seg.plain;
        // An end that falls on the start of a segment closes the previous one.
        if end && inside == 0 && i >= 2 {
            let prev = self.segments[i - 2];
            if prev.plain + prev.len == at {
                return prev.file + prev.file_len;
            }
        }
        if seg.exact {
            seg.file + inside.min(seg.file_len)
        } else if end && inside > 0 {
            // Not `seg.len`: that counts plain bytes, and may end inside a character of the file.
            seg.file + seg.file_len
        } else {
            seg.file
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_back_to_the_file() {
        let file = "# T\n\nOne *two*.";
        let mut p = PlainText::new();
        p.push("T", 2..3, true);
        p.push_break("\n\n");
        p.push("One ", 5..9, true);
        p.push("two", 10..13, true);
        p.push(".", 14..15, true);
        assert_eq!(p.as_str(), "T\n\nOne two.");
        let at = p.as_str().find("two").unwrap();
        assert_eq!(&file[p.to_file(at, false)..p.to_file(at + 3, true)], "two");
    }
}
