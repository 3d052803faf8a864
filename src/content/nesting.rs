//! YAML text in, the byte offset where its flow collections (`[…]`, `{…}`) first nest deeper than
//! a limit out, found in one pass before the text reaches the YAML parser.
//!
//! Why a scan of our own: the parser behind serde_yaml (libyaml) keeps a list of possible keys
//! for every open flow collection and walks it at every token, so text that only opens
//! collections costs time quadratic in their depth, long before serde_yaml's own depth limit
//! (128) is checked on the parsed events. `tags:` followed by 100,000 `[` took 23 s, and 100,000
//! `{a: ` over a minute, to end in an error.
//!
//! The scan follows libyaml's tokenizer where the depth depends on it: where a token starts,
//! which `[`, `]`, `{` and `}` are indicators, where quoted scalars, plain scalars, comments,
//! tags, anchors and block scalars (`|`, `>`, whose extent depends on the indentation of the
//! block collections around them) start and end. Where it could be wrong it errs towards a
//! deeper count: brackets inside a quoted scalar, a block scalar or a tag count while they are
//! unbalanced there, so a misjudged quote can hide balanced pairs and closing brackets, never an
//! opening bracket left open.

/// Where the text first nests deeper than `limit` collections, flow collections counted with the
/// block collections around them: the byte offset of the bracket or brace that opens one too
/// many, or `None` when it never does.
pub(crate) fn too_deep(yaml: &str, limit: usize) -> Option<usize> {
    Scan {
        b: yaml.as_bytes(),
        i: 0,
        line_start: 0,
        depth: 0,
        limit,
        flows: Vec::new(),
        indents: Vec::new(),
        key_allowed: true,
        key_column: None,
    }
    .run()
    .err()
}

/// The scanner's state; `Err(offset)` from its steps means "too deep here".
struct Scan<'a> {
    b: &'a [u8],
    i: usize,
    /// Offset of the current line's first byte, for columns.
    line_start: usize,
    /// Open flow collections.
    depth: usize,
    limit: usize,
    /// The flow collections open outside scalars, innermost last: whether each is a sequence
    /// whose current entry is a single-pair mapping (`[a: b]`), which the parser opens as one
    /// more collection and this scan counts in `depth`. At most `limit` long.
    flows: Vec<Flow>,
    /// Columns of the open block collections, innermost last (libyaml's indentation stack).
    indents: Vec<usize>,
    /// Whether a token here may be a simple key (`key: value`).
    key_allowed: bool,
    /// Column of the token that may be a simple key on this line.
    key_column: Option<usize>,
}

/// An open flow collection (see `Scan::flows`).
#[derive(Clone, Copy, PartialEq)]
enum Flow {
    Mapping,
    Sequence,
    /// A sequence whose current entry is a single-pair mapping.
    SequencePair,
}

fn blank(b: Option<&u8>) -> bool {
    matches!(b, None | Some(b' ' | b'\t' | b'\n' | b'\r'))
}

fn line_break(b: u8) -> bool {
    b == b'\n' || b == b'\r'
}

impl Scan<'_> {
    fn at(&self, j: usize) -> Option<&u8> {
        self.b.get(j)
    }

    fn column(&self) -> usize {
        self.i - self.line_start
    }

    /// libyaml's `indent`: the column of the innermost block collection, or -1.
    fn indent(&self) -> isize {
        self.indents.last().map_or(-1, |&c| c as isize)
    }

    /// Moves past one byte, keeping track of lines.
    fn bump(&mut self) {
        let c = self.b[self.i];
        self.i += 1;
        if c == b'\n' || (c == b'\r' && self.at(self.i) != Some(&b'\n')) {
            self.line_start = self.i;
        }
    }

    /// A bracket inside a scalar (quoted or block) or a tag: counted while unbalanced there,
    /// `local` being the brackets this scalar holds open.
    fn inner_bracket(&mut self, b: u8, local: &mut usize) -> Result<(), usize> {
        if matches!(b, b'[' | b'{') {
            *local += 1;
            self.open()?;
        } else if matches!(b, b']' | b'}') && *local > 0 {
            *local -= 1;
            self.depth -= 1;
        }
        Ok(())
    }

    fn open(&mut self) -> Result<(), usize> {
        self.depth += 1;
        // serde_yaml's limit counts the block collections around too (the front matter's own
        // mapping is one): 128 brackets after `tags:` passed here and failed there with
        // "recursion limit exceeded" (found by the `nesting` fuzz target). Each block
        // collection counts twice, for the sequence a key may hold at its own indentation
        // (`key:` then `- item`), which opens no indentation level here.
        if self.depth + 2 * self.indents.len() > self.limit {
            return Err(self.i);
        }
        Ok(())
    }

    fn run(mut self) -> Result<(), usize> {
        loop {
            self.skip_to_token();
            if self.i >= self.b.len() {
                return Ok(());
            }
            if self.depth == 0 {
                let column = self.column();
                while self.indents.last().is_some_and(|&c| c > column) {
                    self.indents.pop();
                }
            }
            if !self.token()? {
                // The parser stops with an error here: nothing after it is read.
                return Ok(());
            }
        }
    }

    /// Skips spaces, tabs, comments and line breaks (libyaml's `scan_skip_to_token`).
    fn skip_to_token(&mut self) {
        while self.i < self.b.len() {
            match self.b[self.i] {
                b' ' | b'\t' => self.bump(),
                b'#' => {
                    while self.i < self.b.len() && !line_break(self.b[self.i]) {
                        self.i += 1;
                    }
                }
                b'\n' | b'\r' => {
                    self.bump();
                    if self.depth == 0 {
                        self.key_allowed = true;
                    }
                    self.key_column = None;
                }
                _ => return,
            }
        }
    }

    /// One token; `Ok(false)` where libyaml reports an error.
    fn token(&mut self) -> Result<bool, usize> {
        let c = self.b[self.i];
        let next_blank = blank(self.at(self.i + 1));
        let column = self.column();
        if column == 0
            && (self.b[self.i..].starts_with(b"---") || self.b[self.i..].starts_with(b"..."))
            && blank(self.at(self.i + 3))
        {
            self.i += 3;
            return Ok(true);
        }
        if column == 0 && c == b'%' {
            while self.i < self.b.len() && !line_break(self.b[self.i]) {
                self.i += 1;
            }
            return Ok(true);
        }
        match c {
            b'[' | b'{' => {
                self.note_key(column);
                self.open()?;
                self.flows.push(if c == b'[' {
                    Flow::Sequence
                } else {
                    Flow::Mapping
                });
                self.i += 1;
                self.key_allowed = true;
            }
            b']' | b'}' => {
                self.end_pair();
                self.flows.pop();
                self.depth = self.depth.saturating_sub(1);
                self.i += 1;
                self.key_allowed = false;
            }
            b',' => {
                self.end_pair();
                self.i += 1;
                self.key_allowed = true;
            }
            b'-' if next_blank => {
                if self.depth == 0 && self.indent() < column as isize {
                    self.push_indent(column)?;
                }
                self.i += 1;
                self.key_allowed = true;
            }
            b'?' if self.depth > 0 || next_blank => {
                if self.depth == 0 && self.indent() < column as isize {
                    self.push_indent(column)?;
                }
                self.begin_pair()?;
                self.i += 1;
                self.key_allowed = self.depth == 0;
            }
            b':' if self.depth > 0 || next_blank => self.value_indicator(column)?,
            b'*' | b'&' => {
                self.note_key(column);
                self.i += 1;
                while self
                    .at(self.i)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'_')
                {
                    self.i += 1;
                }
                self.key_allowed = false;
            }
            b'!' => {
                self.note_key(column);
                self.tag()?;
                self.key_allowed = false;
            }
            b'|' | b'>' if self.depth == 0 => {
                self.block_scalar()?;
                self.key_allowed = true;
            }
            b'|' | b'>' | b'%' | b'@' | b'`' => return Ok(false),
            b'\'' | b'"' => {
                self.note_key(column);
                self.quoted(c)?;
                self.key_allowed = false;
            }
            _ => {
                self.note_key(column);
                if !self.plain()? {
                    return Ok(false);
                }
                self.key_allowed = false;
            }
        }
        Ok(true)
    }

    /// Remembers where a token that may be a simple key starts.
    fn note_key(&mut self, column: usize) {
        if self.key_allowed {
            self.key_column = Some(column);
        }
    }

    /// `:` as an indicator: in block context the key before it opens a block mapping at its
    /// column (libyaml's `roll_indent`).
    fn value_indicator(&mut self, column: usize) -> Result<(), usize> {
        self.begin_pair()?;
        if self.depth == 0 {
            let at = self.key_column.take().unwrap_or(column);
            if self.indent() < at as isize {
                self.push_indent(at)?;
            }
        }
        self.i += 1;
        self.key_allowed = self.depth == 0;
        Ok(())
    }

    /// `key: value` or `? key` as an entry of a flow sequence: the parser opens a mapping for the
    /// pair (`tags: [a: [a: …` nests twice per bracket; found by the nesting fuzz target).
    fn begin_pair(&mut self) -> Result<(), usize> {
        if let Some(top) = self.flows.last_mut()
            && *top == Flow::Sequence
        {
            *top = Flow::SequencePair;
            self.open()?;
        }
        Ok(())
    }

    /// The end of a flow sequence's entry closes the mapping of its pair, if it is one.
    fn end_pair(&mut self) {
        if let Some(top) = self.flows.last_mut()
            && *top == Flow::SequencePair
        {
            *top = Flow::Sequence;
            self.depth = self.depth.saturating_sub(1);
        }
    }

    /// A block collection opens at `column`; block collections count towards the limit too
    /// (`- - - …` or `? ? ? …` on one line nest without a bracket; found by the nesting fuzz
    /// target).
    fn push_indent(&mut self, column: usize) -> Result<(), usize> {
        self.indents.push(column);
        if self.depth + 2 * self.indents.len() > self.limit {
            return Err(self.i);
        }
        Ok(())
    }

    /// A quoted scalar, to its closing quote.
    fn quoted(&mut self, quote: u8) -> Result<(), usize> {
        self.bump();
        let mut local = 0;
        while self.i < self.b.len() {
            match self.b[self.i] {
                b @ (b'[' | b'{' | b']' | b'}') => {
                    self.inner_bracket(b, &mut local)?;
                    self.i += 1;
                }
                b'\'' if quote == b'\'' => {
                    if self.at(self.i + 1) == Some(&b'\'') {
                        self.i += 2;
                    } else {
                        self.i += 1;
                        return Ok(());
                    }
                }
                b'"' if quote == b'"' => {
                    self.i += 1;
                    return Ok(());
                }
                b'\\' if quote == b'"' => {
                    self.i += 1;
                    // Only an escaped quote or backslash changes where the scalar ends.
                    if matches!(self.at(self.i), Some(b'"' | b'\\')) {
                        self.i += 1;
                    }
                }
                _ => self.bump(),
            }
        }
        Ok(())
    }

    /// A tag: `!<uri>`, or `!`, `!!` or `!handle!` then a suffix.
    fn tag(&mut self) -> Result<(), usize> {
        self.i += 1;
        if self.at(self.i) == Some(&b'<') {
            // Verbatim: libyaml takes `,`, `[` and `]` as part of the URI here.
            let mut local = 0;
            while let Some(&b) = self.at(self.i) {
                match b {
                    b'>' => {
                        self.i += 1;
                        break;
                    }
                    b'[' | b']' => {
                        self.inner_bracket(b, &mut local)?;
                        self.i += 1;
                    }
                    _ if blank(Some(&b)) => break,
                    _ => self.i += 1,
                }
            }
            return Ok(());
        }
        while let Some(&b) = self.at(self.i) {
            let uri = b.is_ascii_alphanumeric() || b"-_;/?:@&=+$.%!~*'()".contains(&b);
            if !uri {
                break;
            }
            self.i += 1;
        }
        Ok(())
    }

    /// A plain scalar, to where libyaml ends it; `Ok(false)` at libyaml's "unexpected ':'".
    fn plain(&mut self) -> Result<bool, usize> {
        let flow = self.depth > 0;
        let indent = self.indent() + 1;
        loop {
            // The text of one line.
            while let Some(&b) = self.at(self.i) {
                if blank(Some(&b)) {
                    break;
                }
                let next = self.at(self.i + 1);
                if b == b':' {
                    if flow && matches!(next, Some(b',' | b'?' | b'[' | b']' | b'{' | b'}')) {
                        return Ok(false);
                    }
                    if blank(next) {
                        return Ok(true);
                    }
                }
                if flow && matches!(b, b',' | b'[' | b']' | b'{' | b'}') {
                    return Ok(true);
                }
                self.i += 1;
                // Spaces inside the scalar.
                while matches!(self.at(self.i), Some(b' ' | b'\t')) {
                    self.i += 1;
                }
                if self.at(self.i) == Some(&b'#') && blank(self.at(self.i - 1)) {
                    return Ok(true);
                }
            }
            // Line breaks: the scalar goes on where the next text is indented enough (any
            // indentation in flow context) and is not a comment or a document marker.
            let mut j = self.i;
            let mut line_start = self.line_start;
            let mut broke = false;
            while let Some(&b) = self.b.get(j) {
                match b {
                    b' ' | b'\t' => j += 1,
                    b'\n' | b'\r' => {
                        j += 1;
                        if b == b'\n' || self.b.get(j) != Some(&b'\n') {
                            line_start = j;
                        }
                        broke = true;
                    }
                    _ => break,
                }
            }
            let rest = &self.b[j..];
            let column = (j - line_start) as isize;
            let ends = !broke
                || j >= self.b.len()
                || rest[0] == b'#'
                || (column == 0
                    && (rest.starts_with(b"---") || rest.starts_with(b"..."))
                    && blank(rest.get(3)))
                || (!flow && column < indent);
            if ends {
                return Ok(true);
            }
            self.i = j;
            self.line_start = line_start;
            self.key_column = None;
        }
    }

    /// `|` or `>` with its header, then every line of its content (libyaml's
    /// `scan_block_scalar`).
    fn block_scalar(&mut self) -> Result<(), usize> {
        self.i += 1;
        let mut increment = 0;
        for _ in 0..2 {
            match self.at(self.i) {
                Some(b'+' | b'-') => self.i += 1,
                Some(&d @ b'1'..=b'9') => {
                    increment = usize::from(d - b'0');
                    self.i += 1;
                }
                _ => break,
            }
        }
        // The rest of the header line (blanks and a comment).
        while self.i < self.b.len() && !line_break(self.b[self.i]) {
            self.i += 1;
        }
        if self.i >= self.b.len() {
            return Ok(());
        }
        self.bump();
        let parent = self.indent();
        let mut indent = if increment > 0 {
            (parent.max(0) as usize) + increment
        } else {
            0
        };
        // Leading blank lines, and the indentation of the first line of text.
        let mut widest = 0;
        self.breaks(indent, &mut widest);
        if indent == 0 {
            indent = widest.max((parent + 1).max(1) as usize);
        }
        let mut local = 0;
        while self.i < self.b.len() && self.column() == indent {
            while self.i < self.b.len() && !line_break(self.b[self.i]) {
                self.inner_bracket(self.b[self.i], &mut local)?;
                self.i += 1;
            }
            if self.i < self.b.len() {
                self.bump();
            }
            self.breaks(indent, &mut widest);
        }
        Ok(())
    }

    /// Indentation up to `indent` (all of it while `indent` is 0) and blank lines.
    fn breaks(&mut self, indent: usize, widest: &mut usize) {
        loop {
            while (indent == 0 || self.column() < indent) && self.at(self.i) == Some(&b' ') {
                self.i += 1;
            }
            *widest = (*widest).max(self.column());
            match self.at(self.i) {
                Some(&b) if line_break(b) => self.bump(),
                _ => return,
            }
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// The deepest the scan sees: the smallest limit it does not pass.
    pub(in crate::content) fn depth(yaml: &str) -> usize {
        (0..).find(|&l| too_deep(yaml, l).is_none()).unwrap()
    }

    #[test]
    fn counts_flow_nesting_as_the_parser_sees_it() {
        let cases = [
            ("title: a\n", 2),
            // The mapping around counts twice, even with no bracket.
            ("tags: [a, b]\n", 3),
            ("a: [[1], {b: [2]}]\n", 5),
            ("a: {b: {c: {d: 1}}}\n", 5),
            // A pair in a sequence is a mapping of its own.
            ("a: [b: [c: 1]]\n", 6),
            ("a: [b: 1, c, [d]]\n", 4),
            ("a: [? b, [c]]\n", 4),
            // Brackets inside text are not collections...
            ("title: Rates [up] and [[down\n", 2),
            ("title: 'it''s [[['\n", 1),
            ("a: \"x\\\" [[[\"\n", 1),
            ("a: |\n  [[[[\n  text\nb: [1]\n", 1),
            ("# [[[[\na: 1 # [[[\n", 2),
            // ...but a quote inside plain text starts nothing.
            ("a: [x 'y, [[z]]]\n", 3),
            ("a: [x \"y, [[z]]]\n", 3),
            ("- a: |\n    text\n  b: [[1]]\n", 2),
            // Closing brackets inside quotes do not close anything.
            ("a: [\"]\", [\"]\", [\"]\"]]]\n", 3),
            ("a: ['}', {'}': ['}']}]\n", 3),
            // Multi-line plain scalars in flow context.
            ("a: [x\n 'y, [z]]\n", 2),
        ];
        for (yaml, want) in cases {
            assert!(depth(yaml) >= want, "{yaml:?}: {} < {want}", depth(yaml));
            if !yaml.contains(['\'', '"', '|']) {
                assert_eq!(depth(yaml), want, "{yaml:?}");
            }
        }
    }

    #[test]
    fn reports_the_bracket_that_goes_too_deep() {
        let yaml = format!("tags: {}", "[".repeat(200));
        assert_eq!(too_deep(&yaml, 128), Some(6 + 126));
        let yaml = format!("a:\n{}", " {a: \n".repeat(200));
        assert_eq!(too_deep(&yaml, 128), Some(3 + 6 * 126 + 1));
        // What the nesting fuzz target found: 128 brackets in the front matter's mapping.
        let yaml = format!("tags: [{{{}]'{{']]]? \n", "[".repeat(126));
        assert!(too_deep(&yaml, 128).is_some());
        // Without the scan, serde_yaml refuses it only after parsing.
        let parsed: Result<serde_yaml::Value, _> = serde_yaml::from_str(&yaml);
        assert!(parsed.unwrap_err().to_string().contains("recursion limit"));
        // Block collections alone, on one line.
        let yaml = format!("ignore:\n{}a\n", "- ".repeat(100));
        // The first dash is a list at the key's own indentation, which opens no level here.
        assert_eq!(too_deep(&yaml, 128), Some(8 + 2 * 64));
        let yaml = format!("a:\n{}b\n", "? ".repeat(100));
        assert!(too_deep(&yaml, 128).is_some());
        assert_eq!(too_deep("a:\n- - - b\n", 128), None);
        assert_eq!(too_deep(&"[]".repeat(100_000), 128), None);
        // A pair in each sequence (found by the nesting fuzz target): twice per bracket.
        let yaml = format!("tags: {}\n", "[a: ".repeat(70));
        assert!(too_deep(&yaml, 128).is_some());
        let parsed: Result<serde_yaml::Value, _> = serde_yaml::from_str(&yaml);
        assert!(parsed.unwrap_err().to_string().contains("recursion limit"));
    }
}
