//! Problems found in the user's content, configuration or templates: collected, never thrown.
//!
//! A [`Diagnostic`] carries the path as shown to the user and, where known, a byte offset into that
//! file; the line and column are computed from the offset only when the diagnostic is located
//! (see [`LineIndex`]), so every stage can keep working with byte spans.

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The build goes on and writes the site.
    Warning,
    /// The build writes nothing; exit code 1.
    Error,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        })
    }
}

/// One problem, printed like a compiler message: `path:line:col: error: message`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, relative to the project root where possible.
    pub path: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column (in characters), when known.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when that is obvious.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error about a whole file.
    pub fn error(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.into(),
            line: None,
            column: None,
            message: message.into(),
            help: None,
        }
    }

    /// A warning about a whole file.
    pub fn warning(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(path, message)
        }
    }

    /// Places the diagnostic at a 1-based line and column.
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// Places the diagnostic at a byte offset of `text`, the full content of its file.
    pub fn at_offset(self, text: &str, offset: usize) -> Self {
        let (line, column) = LineIndex::new(text).locate(text, offset);
        self.at(line, column)
    }

    /// Adds a `help:` line.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The sort key: path, then line, then column, then message, so output order is total.
    fn key(&self) -> (&Path, usize, usize, &str) {
        (
            &self.path,
            self.line.unwrap_or(0),
            self.column.unwrap_or(0),
            &self.message,
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Paths and messages quote file names and file text (wire copy holds escape sequences),
        // so every part is made printable: a terminal never runs what a file holds.
        write!(f, "{}", printable(&self.path.display().to_string()))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": {}: {}", self.severity, printable(&self.message))?;
        if let Some(help) = &self.help {
            write!(f, "\n  help: {}", printable(help))?;
        }
        Ok(())
    }
}

/// The longest a `quoted` value of a message is printed, in characters; the rest is cut.
const MAX_QUOTED: usize = 80;

/// `text` as it may be printed to a terminal or a page: control characters (C0, DEL, C1: the
/// escape sequences of wire copy, a newline in a file name) and the bidirectional overrides are
/// written as escapes (`\n`, `\u{1b}`), and a `quoted` value longer than [`MAX_QUOTED`]
/// characters is cut, saying how long it was: a 1 MB key is not echoed whole.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(4096));
    let mut parts = text.split('`').peekable();
    let mut quoted = false;
    while let Some(part) = parts.next() {
        // A part between two backticks is a quoted value; an unpaired last one is not.
        let is_value = quoted && parts.peek().is_some();
        let count = part.chars().count();
        if is_value && count > MAX_QUOTED {
            escape_into(&mut out, part.chars().take(MAX_QUOTED - 1));
            out.push_str(&format!("…` ({count} characters)"));
            quoted = false;
            // The closing backtick has been written.
            if let Some(next) = parts.next() {
                escape_into(&mut out, next.chars());
                if parts.peek().is_some() {
                    out.push('`');
                    quoted = true;
                }
            }
            continue;
        }
        escape_into(&mut out, part.chars());
        if parts.peek().is_some() {
            out.push('`');
            quoted = !quoted;
        }
    }
    out
}

fn escape_into(out: &mut String, chars: impl Iterator<Item = char>) {
    for c in chars {
        match c {
            '\t' => out.push(c),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c.is_control()
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') =>
            {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
            c => out.push(c),
        }
    }
}

/// Every diagnostic of a run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    /// No diagnostics.
    pub fn new() -> Self {
        Diagnostics(Vec::new())
    }

    /// Adds one.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Adds all of another set.
    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    /// True when any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Error)
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The diagnostics sorted by path, line and column, duplicates removed.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.0
            .sort_by(|a, b| a.key().cmp(&b.key()).then(a.severity.cmp(&b.severity)));
        self.0.dedup();
        self.0
    }

    /// Iterates in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics(iter.into_iter().collect())
    }
}

/// Byte offsets of line starts in a text, to turn offsets into lines and columns.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// The 1-based line and 1-based column (in characters) of byte `offset` in `text`.
    pub fn locate(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        let line = self.starts.partition_point(|&s| s <= offset);
        let start = self.starts[line.saturating_sub(1)];
        let column = text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        (line, column + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn printable_escapes_controls_and_cuts_long_values() {
        assert_eq!(printable("plain `text` here"), "plain `text` here");
        assert_eq!(
            printable("a\nb\u{1b}[2J\u{9b}c\td\u{202e}"),
            "a\\nb\\u{1b}[2J\\u{9b}c\td\\u{202e}"
        );
        let long = "k".repeat(1_000_000);
        let shown = printable(&format!("unknown key `{long}` and `x`"));
        assert_eq!(
            shown,
            format!(
                "unknown key `{}…` (1000000 characters) and `x`",
                "k".repeat(MAX_QUOTED - 1)
            )
        );
        // An unpaired backtick quotes nothing.
        assert_eq!(printable("a ` b"), "a ` b");
        let tail = format!("end `{long}");
        assert_eq!(printable(&tail).len(), tail.len());
    }

    #[test]
    fn locates_offsets() {
        let text = "ab\ncdé\nf";
        let index = LineIndex::new(text);
        assert_eq!(index.locate(text, 0), (1, 1));
        assert_eq!(index.locate(text, 3), (2, 1));
        assert_eq!(index.locate(text, 7), (2, 4));
        assert_eq!(index.locate(text, 8), (3, 1));
    }

    #[test]
    fn prints_like_a_compiler() {
        let d = Diagnostic::error("content/a.md", "bad date")
            .at(3, 12)
            .with_help("write 2024-03-20");
        assert_eq!(
            d.to_string(),
            "content/a.md:3:12: error: bad date\n  help: write 2024-03-20"
        );
    }

    #[test]
    fn sorts_by_path_then_line() {
        let all: Diagnostics = [
            Diagnostic::error("b.md", "x").at(1, 1),
            Diagnostic::error("a.md", "y").at(9, 1),
            Diagnostic::error("a.md", "z").at(2, 1),
        ]
        .into_iter()
        .collect();
        let lines: Vec<String> = all.sorted().iter().map(|d| d.to_string()).collect();
        assert_eq!(
            lines,
            [
                "a.md:2:1: error: z",
                "a.md:9:1: error: y",
                "b.md:1:1: error: x"
            ]
        );
    }
}
