//! Runs of lines with no letter or digit (a dump of punctuation, brackets, Markdown marks or
//! NULs), or with letters scattered among marks (`[a[a[a…`, `![a](`), found before Markdown
//! parsing and kept out of it. The parser allocates a node for nearly every mark of such text
//! (5 MB of `[` took 1.2 GB), the date tokenizer a token for every mark and every letter (5 MB
//! of `[a` took 1.3 GB), and the extractors find nothing in it: the story's plain text leaves
//! such a run out. Its page shows a run of marks shortened (its start and its length) and a run
//! with letters whole, as escaped text. Runs of marks up to [`LONG_RUN`] bytes (a rule, a
//! table's delimiter row, `* * *`) and runs with letters up to [`LONG_SCATTERED_RUN`] bytes (a
//! table of small numbers, a list of links) are Markdown as any other text, so ordinary stories
//! read and render as before.

use std::borrow::Cow;
use std::ops::Range;

/// A run of lines without a letter or digit is kept out of Markdown parsing when it spans more
/// than this many bytes.
pub(crate) const LONG_RUN: usize = 1024;

/// A run of lines whose letters and digits are no more than their marks ([`scattered`]), with
/// at least one letter or digit, is kept out of Markdown parsing when it spans more than this
/// many bytes.
pub(crate) const LONG_SCATTERED_RUN: usize = 4096;

/// How many characters of a run its page shows.
const SHOWN_CHARS: usize = 64;

/// The byte ranges of `body` held by long runs, sorted and apart: runs of lines without a letter
/// or digit longer than [`LONG_RUN`], and runs of lines with letters scattered among marks
/// ([`scattered`]) longer than [`LONG_SCATTERED_RUN`]. Lines in fenced code and in the HTML
/// blocks that blank lines do not end are never part of a run (see [`runs_of`]), and a run of
/// scattered letters never holds the line that opens one.
pub(crate) fn long_runs(body: &str) -> Vec<Range<usize>> {
    let marks = runs_of(body, true, LONG_RUN, |line| {
        !line.chars().any(char::is_alphanumeric)
    });
    // A line that opens fenced code or an HTML block ends a run of scattered letters: code such
    // as `f(a[b]);` is as dense in marks, and is kept as written.
    let with_letters = runs_of(body, true, LONG_SCATTERED_RUN, |line| {
        scattered(line) && opens(lead(line)).is_none()
    })
    .into_iter()
    .filter(|run| has_letters(&body[run.clone()]));
    let mut all: Vec<Range<usize>> = marks.into_iter().chain(with_letters).collect();
    all.sort_by_key(|run| run.start);
    let mut runs: Vec<Range<usize>> = Vec::with_capacity(all.len());
    for run in all {
        match runs.last_mut() {
            Some(last) if run.start <= last.end => last.end = last.end.max(run.end),
            _ => runs.push(run),
        }
    }
    runs
}

/// The runs of wire text (no code, no HTML) with letters scattered among marks, longer than
/// [`LONG_SCATTERED_RUN`]: left out of its plain text as [`long_runs`] are out of Markdown's.
pub(crate) fn scattered_runs(text: &str) -> Vec<Range<usize>> {
    runs_of(text, false, LONG_SCATTERED_RUN, scattered)
        .into_iter()
        .filter(|run| has_letters(&text[run.clone()]))
        .collect()
}

/// Whether `text` holds a letter or digit.
pub(crate) fn has_letters(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// A line whose letters and digits are no more than its marks (characters neither letters,
/// digits nor white space): `[a[a`, `![a](b)`, or a line of marks only. Prose has some twenty
/// letters to a mark. The punctuation of numbers and tables (`.`, `,`, `%`, `$`, `-`, `:`, `|`,
/// `/`, `+`) is no mark here: a long table of figures (`| Q1 | 4.5 | 3.2 |`) is parsed as a
/// table, one cell to a few characters, and its figures are read.
fn scattered(line: &str) -> bool {
    // Counted by bytes, as every line of every story passes here: a character outside ASCII
    // counts as a letter (by its first byte), as Markdown reads no syntax in it.
    let bytes = line.as_bytes();
    let (mut letters, mut marks) = (0usize, 0usize);
    for (k, chunk) in bytes.chunks(32).enumerate() {
        for &b in chunk {
            match BYTE_CLASS[usize::from(b)] {
                LETTER => letters += 1,
                MARK => marks += 1,
                _ => {}
            }
        }
        // Prose is decided halfway: the bytes left cannot make the marks as many.
        let left = bytes.len() - (k * 32 + chunk.len());
        if letters > marks + left {
            return false;
        }
    }
    letters <= marks
}

/// What [`scattered`] counts a byte as.
const LETTER: u8 = 1;
const MARK: u8 = 2;
const NEITHER: u8 = 0;

/// [`LETTER`], [`MARK`] or [`NEITHER`] for each byte: letters and digits of ASCII and the first
/// byte of a character outside it are letters; white space, continuation bytes and the
/// punctuation of numbers and tables are neither; the rest are marks.
static BYTE_CLASS: [u8; 256] = {
    let mut class = [MARK; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        class[b] = match c {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | 0xC0..=0xFF => LETTER,
            0x80..=0xBF
            | b' '
            | b'\t'
            | b'\r'
            | b'\n'
            | 0x0B
            | 0x0C
            | b'.'
            | b','
            | b'%'
            | b'$'
            | b'-'
            | b':'
            | b'|'
            | b'/'
            | b'+' => NEITHER,
            _ => MARK,
        };
        b += 1;
    }
    class
};

/// The byte ranges of `body` held by runs longer than `long`: consecutive lines of which `in_run`
/// holds (blank lines between them included), from the start of the first line to the end of the
/// last line's text. In Markdown (`code`), a run starts outside fenced code and outside the HTML
/// blocks that blank lines do not end (comments, `<pre>`, `<script>`, `<style>`, `<textarea>`,
/// `<?…?>`, `<!…>`, CDATA): code with a line of text anywhere in it is kept as written. A fence
/// or block opened by a line inside a long run is part of the run.
fn runs_of(
    body: &str,
    code: bool,
    long: usize,
    in_run: impl Fn(&str) -> bool,
) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let mut state = Block::Text;
    // The run being read: its start and the end of its last line.
    let mut run: Option<(usize, usize)> = None;
    let mut offset = 0;
    for line in body.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let text = line.trim_end_matches(['\n', '\r']);
        if matches!(state, Block::Text) {
            if blank(text) {
                continue;
            }
            if in_run(text) {
                let from = run.map_or(start, |(from, _)| from);
                run = Some((from, start + text.len()));
                continue;
            }
        }
        // A line of text, or in code: the run before it ends here.
        if let Some((from, to)) = run.take() {
            let after = close_run(body, from..to, long, &mut runs);
            if code {
                state = after;
            }
        }
        if code {
            state = state.next(text);
        }
    }
    if let Some((from, to)) = run {
        close_run(body, from..to, long, &mut runs);
    }
    runs
}

/// Ends the run `range`, which starts in text: kept out of Markdown when longer than `long`, else
/// its lines read as Markdown, where one may open a fence or an HTML block. The state after it.
fn close_run(body: &str, range: Range<usize>, long: usize, runs: &mut Vec<Range<usize>>) -> Block {
    if range.len() > long {
        runs.push(range);
        return Block::Text;
    }
    body[range].split('\n').fold(Block::Text, |state, line| {
        state.next(line.trim_end_matches('\r'))
    })
}

/// A line of blanks only, as Markdown counts them.
fn blank(line: &str) -> bool {
    line.bytes().all(|b| b == b' ' || b == b'\t')
}

/// Where a line falls: in text, or inside a block that blank lines do not end.
#[derive(Debug, Clone, Copy)]
enum Block {
    Text,
    /// Fenced code opened by `len` of `fence` (`` ` `` or `~`).
    Fence {
        fence: u8,
        len: usize,
    },
    /// An HTML block ended by the line that holds this text (ASCII, matched without case).
    Html(&'static str),
}

impl Block {
    /// The state after `line` (without its line break).
    fn next(self, line: &str) -> Block {
        let lead = lead(line);
        match self {
            Block::Text => opens(lead).unwrap_or(Block::Text),
            Block::Fence { fence, len } => {
                let n = lead.bytes().take_while(|&b| b == fence).count();
                if n >= len && blank(&lead[n..]) {
                    Block::Text
                } else {
                    self
                }
            }
            Block::Html(end) => {
                if contains_ignoring_case(line, end) {
                    Block::Text
                } else {
                    self
                }
            }
        }
    }
}

/// The line after its indentation, quote marks and one list marker: where a fence or an HTML
/// block would begin in a list item or a quote.
fn lead(line: &str) -> &str {
    let rest = line.trim_start_matches([' ', '\t', '>']);
    let bullet = rest
        .strip_prefix(['-', '*', '+'])
        .filter(|r| r.starts_with([' ', '\t']));
    let numbered = {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        (1..=9)
            .contains(&digits)
            .then(|| rest[digits..].strip_prefix(['.', ')']))
            .flatten()
            .filter(|r| r.starts_with([' ', '\t']))
    };
    bullet
        .or(numbered)
        .map_or(rest, |r| r.trim_start_matches([' ', '\t']))
}

/// The block that `lead` opens, if any: fenced code or an HTML block that blank lines do not
/// end (CommonMark's kinds 1 to 5). An HTML block that closes on its own line opens nothing.
fn opens(lead: &str) -> Option<Block> {
    for fence in [b'`', b'~'] {
        let len = lead.bytes().take_while(|&b| b == fence).count();
        if len >= 3 && !(fence == b'`' && lead[len..].contains('`')) {
            return Some(Block::Fence { fence, len });
        }
    }
    let lower = lead.get(..10).unwrap_or(lead).to_ascii_lowercase();
    let html = if ["<script", "<pre", "<style", "<textarea"]
        .iter()
        .any(|tag| {
            lower
                .strip_prefix(tag)
                .is_some_and(|r| r.is_empty() || r.starts_with([' ', '\t', '>']))
        }) {
        let tag = ["script", "pre", "style", "textarea"]
            .into_iter()
            .find(|t| lower[1..].starts_with(t))?;
        match tag {
            "script" => "</script>",
            "pre" => "</pre>",
            "style" => "</style>",
            _ => "</textarea>",
        }
    } else if lead.starts_with("<!--") {
        "-->"
    } else if lead.starts_with("<?") {
        "?>"
    } else if lead.starts_with("<![CDATA[") {
        "]]>"
    } else if lead.starts_with("<!") && lead[2..].starts_with(|c: char| c.is_ascii_alphabetic()) {
        ">"
    } else {
        return None;
    };
    // The opening marks are not part of the end: `<!-->` does not close at its own `>`.
    let after_open = match html {
        "-->" => &lead[4..],
        "?>" => &lead[2..],
        "]]>" => &lead[9..],
        ">" => &lead[2..],
        _ => lead,
    };
    (!contains_ignoring_case(after_open, html)).then_some(Block::Html(html))
}

fn contains_ignoring_case(text: &str, needle: &str) -> bool {
    text.as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// `body` with the bytes of every run in `runs` but its line breaks turned into spaces: blank
/// lines to the Markdown parser, at the same offsets.
pub(crate) fn masked<'a>(body: &'a str, runs: &[Range<usize>]) -> Cow<'a, str> {
    if runs.is_empty() {
        return Cow::Borrowed(body);
    }
    let mut bytes = body.as_bytes().to_vec();
    for run in runs {
        for b in &mut bytes[run.clone()] {
            if *b != b'\n' {
                *b = b' ';
            }
        }
    }
    // Every byte of a run became ASCII, and the runs start and end on line boundaries.
    Cow::Owned(String::from_utf8(bytes).expect("runs end on character boundaries"))
}

/// What a page shows of a run kept out of Markdown: its first characters (control characters
/// left out) and how many bytes it holds.
pub(crate) fn shown(run: &str) -> String {
    let start: String = run
        .chars()
        .filter(|c| !c.is_control() || *c == ' ')
        .take(SHOWN_CHARS)
        .collect();
    let start = start.trim();
    let size = thousands(run.len());
    if start.is_empty() {
        format!("({size} bytes without a letter or digit, not shown)")
    } else {
        format!("{start} … ({size} bytes without a letter or digit, not shown whole)")
    }
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`scattered`] by its definition: every byte counted, no early answer.
    fn scattered_by_count(line: &str) -> bool {
        let letters = line
            .bytes()
            .filter(|&b| BYTE_CLASS[usize::from(b)] == LETTER)
            .count();
        let marks = line
            .bytes()
            .filter(|&b| BYTE_CLASS[usize::from(b)] == MARK)
            .count();
        letters <= marks
    }

    #[test]
    fn scattered_answers_early_as_the_whole_count_would() {
        let alphabet: Vec<char> = "aZ9é[]()!*_ .,|\t€".chars().collect();
        let mut next = crate::testing::xorshift(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let line = crate::testing::random_text(&mut next, &alphabet, 120);
            assert_eq!(scattered(&line), scattered_by_count(&line), "{line:?}");
        }
        assert!(scattered("[a[a[a[a"));
        assert!(!scattered("| Q1 | 4.5 | 3.2 |"));
        assert!(!scattered("Prices rose 5% in May, the ministry said."));
    }

    #[test]
    fn a_long_run_of_marks_is_found_from_its_first_line_to_its_last_mark() {
        let marks = "[".repeat(2000);
        let body = format!("Officials said.\n\n{marks}\n\n.,;\n\nThey left.\n");
        let runs = long_runs(&body);
        assert_eq!(runs.len(), 1);
        assert_eq!(&body[runs[0].clone()], format!("{marks}\n\n.,;"));
        let masked = masked(&body, &runs);
        assert_eq!(masked.len(), body.len());
        assert!(masked.starts_with("Officials said.\n\n   "));
        assert!(masked.ends_with("   \n\nThey left.\n"));
        assert_eq!(masked.matches('\n').count(), body.matches('\n').count());
    }

    #[test]
    fn short_runs_and_ordinary_markdown_are_left_alone() {
        let body =
            "# Title\n\n---\n\n* * *\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quoted\n>\n> more\n";
        assert!(long_runs(body).is_empty());
        let many_short = "Text.\n\n***\n\n".repeat(500);
        assert!(long_runs(&many_short).is_empty());
    }

    #[test]
    fn code_is_never_part_of_a_run() {
        let lines = "});\n".repeat(600);
        for body in [
            format!("Intro.\n\n```js\n{lines}```\n\nAfter.\n"),
            format!("Intro.\n\n~~~~ js\n{lines}~~~~\n"),
            format!("- item\n\n  ```text\n{lines}  ```\n"),
            format!("```\nlet x = 1;\n{lines}```\n"),
            format!("<!-- note\n{lines}-->\n"),
            format!("<pre>\n{lines}</pre>\n"),
        ] {
            assert!(long_runs(&body).is_empty(), "{}", &body[..20]);
        }
        // After the fence closes, a run is found again.
        let body = format!("```js\n{lines}```\n\n{lines}");
        let runs = long_runs(&body);
        assert_eq!(runs.len(), 1);
        assert_eq!(runs[0].end, body.len() - 1);
        // A short run that opens a fence: what follows is code until the fence closes.
        let body = format!("```\n}}\nlet x;\n{lines}```\n");
        assert!(long_runs(&body).is_empty());
    }

    #[test]
    fn a_fence_opened_inside_a_long_run_of_marks_is_part_of_it() {
        let marks = ".,;:!?\n".repeat(300);
        let body = format!("Intro.\n\n{marks}```\n{marks}\nAfter.\n");
        let runs = long_runs(&body);
        assert_eq!(runs.len(), 1);
        assert_eq!(
            &body[runs[0].clone()],
            format!("{marks}```\n{marks}").trim_end()
        );
    }

    #[test]
    fn a_long_run_of_letters_scattered_among_marks_is_found() {
        let scattered = "[a](b ![a](".repeat(500);
        let lines = "[a[a[a `a *a\n".repeat(400);
        for run in [scattered.clone(), lines.trim_end().to_string()] {
            let body = format!("Officials said.\n\n{run}\n\nThey left.\n");
            let runs = long_runs(&body);
            assert_eq!(runs.len(), 1);
            assert_eq!(&body[runs[0].clone()], run);
        }
        // Lines of marks next to it are part of the same run.
        let body = format!("Intro.\n\n{}\n{scattered}\n", ".,;\n".repeat(400));
        assert_eq!(long_runs(&body), vec![8..body.len() - 1; 1]);
        // Wire text: the same, and a fence is no code.
        let body = format!("Intro.\n\n```\n{lines}\nAfter.\n");
        assert_eq!(scattered_runs(&body), vec![8..8 + 4 + lines.len() - 1; 1]);
    }

    #[test]
    fn short_runs_of_scattered_letters_and_prose_are_left_alone() {
        // A table of small numbers and a list of links, each under the limit.
        let table = format!("| a | b |\n|---|---|\n{}", "| 1 | 2 |\n".repeat(300));
        let links = "[1](#a) [2](#b)\n".repeat(200);
        let prose = "Officials said on Monday that prices rose (by 5%).\n".repeat(200);
        for body in [table, links, prose] {
            assert!(long_runs(&body).is_empty(), "{}", &body[..20]);
            assert!(scattered_runs(&body).is_empty(), "{}", &body[..20]);
        }
        // A long table of figures, past the limit, is a table.
        let figures = format!(
            "| Quarter | Sales | Margin |\n|---|---:|---:|\n{}",
            "| Q1 | $4.5 | 3.2% |\n".repeat(400)
        );
        assert!(figures.len() > 8_000);
        assert!(long_runs(&figures).is_empty());
        assert!(scattered_runs(&figures).is_empty());
        // Marks only: found by `long_runs` as before, never by `scattered_runs`.
        let marks = "[".repeat(5000);
        assert_eq!(long_runs(&marks), vec![0..5000; 1]);
        assert!(scattered_runs(&marks).is_empty());
        // Code is never part of a run.
        let code = format!("```\n{}```\n", "f(a[b], c[d]);\n".repeat(500));
        assert!(long_runs(&code).is_empty());
    }

    #[test]
    fn a_page_shows_the_start_of_a_run_and_its_size() {
        assert_eq!(
            shown(&"[".repeat(3000)),
            format!(
                "{} … (3,000 bytes without a letter or digit, not shown whole)",
                "[".repeat(64)
            )
        );
        assert_eq!(
            shown(&"\0".repeat(2000)),
            "(2,000 bytes without a letter or digit, not shown)"
        );
    }
}
