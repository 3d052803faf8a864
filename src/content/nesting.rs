//! YAML text in, the byte offset where its collections first nest deeper than a limit out, found
//! in one pass before the text reaches the YAML parser.
//!
//! Why a scan of our own: the parser behind serde_yaml (libyaml) keeps a list of possible keys
//! for every open flow collection and walks it at every token, so text that only opens
//! collections costs time quadratic in their depth, long before serde_yaml's own depth limit
//! (128) is checked on the parsed events. `tags:` followed by 100,000 `[` took 23 s, and 100,000
//! `{a: ` over a minute, to end in an error.
//!
//! The scan follows libyaml's tokenizer where the depth depends on it: where a token starts,
//! which `[`, `]`, `{` and `}` are indicators, where the block collections open (`-`, `?` and
//! `:` at a column deeper than the one around, libyaml's indentation stack) and close, which
//! token a `:` makes a key of (one possible key per flow level, on its line), where quoted
//! scalars, plain scalars, comments, tags, anchors and block scalars (`|`, `>`) start and end,
//! and what a line and a column are: lines end at `\r`, `\n` and the Unicode breaks NEL, LS and
//! PS, columns count characters, and a byte-order mark at the start of a line is skipped. Where
//! it could be wrong it errs towards a deeper count: brackets inside a quoted scalar, a block
//! scalar or a tag count while they are unbalanced there, so a misjudged quote can hide balanced
//! pairs and closing brackets, never an opening bracket left open; those brackets never change
//! whether the text around is in flow or block context, which only real indicators do.

/// Where the text first nests deeper than `limit` collections, flow collections counted with the
/// block collections around them: the byte offset of the bracket, brace or indicator that opens
/// one too many, or `None` when it never does.
pub(crate) fn too_deep(yaml: &str, limit: usize) -> Option<usize> {
    Scan {
        b: yaml.as_bytes(),
        i: 0,
        line_start: 0,
        columns: (0, 0),
        depth: 0,
        limit,
        flows: Vec::new(),
        keys: vec![None],
        indents: Vec::new(),
        key_allowed: true,
        key_peak: 0,
    }
    .run()
    .err()
}

/// How far apart two possible keys' starts and the `:` after them may be (libyaml's limit).
const KEY_REACH: usize = 1024;

/// The scanner's state; `Err(offset)` from its steps means "too deep here".
struct Scan<'a> {
    b: &'a [u8],
    i: usize,
    /// Offset of the current line's first byte, for columns.
    line_start: usize,
    /// A byte offset on the current line and its column, from which the next column is counted.
    columns: (usize, usize),
    /// Collections counted open: flow collections, the mappings of pairs in flow sequences, and
    /// brackets left open inside scalars and tags. Block collections count apart (`indents`).
    depth: usize,
    limit: usize,
    /// The flow collections open outside scalars, innermost last (their number is libyaml's flow
    /// level: zero is block context): whether each is a sequence whose current entry is a
    /// single-pair mapping (`[a: b]`), which the parser opens as one more collection and this
    /// scan counts in `depth`. At most `limit` long.
    flows: Vec<Flow>,
    /// The token that may be a simple key at each flow level (block context first), as libyaml
    /// keeps them: a `:` makes it a key, and in block context opens a mapping at its column.
    keys: Vec<Option<Key>>,
    /// Columns of the open block collections, innermost last (libyaml's indentation stack).
    indents: Vec<usize>,
    /// Whether a token here may be a simple key (`key: value`).
    key_allowed: bool,
    /// The deepest flow nesting since the possible key of block context was noted: a flow
    /// collection that turns out to be a key (`[a: b]: c`) nests inside the mapping its `:`
    /// opens, though the scan meets the mapping after it.
    key_peak: usize,
}

/// An open flow collection (see `Scan::flows`).
#[derive(Clone, Copy, PartialEq)]
enum Flow {
    Mapping,
    Sequence,
    /// A sequence whose current entry is a single-pair mapping.
    SequencePair,
}

/// Where a possible simple key starts.
#[derive(Clone, Copy)]
struct Key {
    at: usize,
    line_start: usize,
    column: usize,
}

impl Scan<'_> {
    fn at(&self, j: usize) -> Option<&u8> {
        self.b.get(j)
    }

    /// The length of the line break at `j`, 0 when there is none: `\r\n`, `\r`, `\n`, NEL
    /// (U+0085), LS (U+2028) and PS (U+2029), as libyaml's `IS_BREAK`.
    fn break_len(&self, j: usize) -> usize {
        match &self.b[j.min(self.b.len())..] {
            [b'\r', b'\n', ..] => 2,
            [b'\r' | b'\n', ..] => 1,
            [0xC2, 0x85, ..] => 2,
            [0xE2, 0x80, 0xA8 | 0xA9, ..] => 3,
            _ => 0,
        }
    }

    /// Whether `j` is the end of the text, a space, a tab or a line break (libyaml's
    /// `IS_BLANKZ`).
    fn blank(&self, j: usize) -> bool {
        matches!(self.at(j), None | Some(b' ' | b'\t')) || self.break_len(j) > 0
    }

    /// The column of `self.i`, in characters as libyaml counts them; counted on from the last
    /// column asked for on this line, so the whole scan counts each byte once.
    fn column(&mut self) -> usize {
        let (from, column) = if self.columns.0 >= self.line_start && self.columns.0 <= self.i {
            self.columns
        } else {
            (self.line_start, 0)
        };
        let chars = self.b[from..self.i]
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count();
        self.columns = (self.i, column + chars);
        column + chars
    }

    /// libyaml's `indent`: the column of the innermost block collection, or -1.
    fn indent(&self) -> isize {
        self.indents.last().map_or(-1, |&c| c as isize)
    }

    fn in_flow(&self) -> bool {
        !self.flows.is_empty()
    }

    /// Moves past one byte, or past a whole line break, keeping track of lines.
    fn bump(&mut self) {
        match self.break_len(self.i) {
            0 => self.i += 1,
            n => {
                self.i += n;
                self.line_start = self.i;
            }
        }
    }

    /// Moves to the next line break or the end of the text.
    fn skip_line(&mut self) {
        while self.i < self.b.len() && self.break_len(self.i) == 0 {
            self.i += 1;
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

    /// Whether the collections counted so far pass the limit. serde_yaml's limit counts the
    /// block collections around flow ones too (the front matter's own mapping is one): 128
    /// brackets after `tags:` passed here and failed there with "recursion limit exceeded"
    /// (found by the `nesting` fuzz target). Each block collection counts twice, for the
    /// sequence a key may hold at its own indentation (`key:` then `- item`), which opens no
    /// indentation level.
    fn over(&self) -> bool {
        self.depth + 2 * self.indents.len() > self.limit
    }

    fn open(&mut self) -> Result<(), usize> {
        self.depth += 1;
        self.key_peak = self.key_peak.max(self.depth);
        if self.over() {
            return Err(self.i);
        }
        Ok(())
    }

    fn run(mut self) -> Result<(), usize> {
        // A byte-order mark at the very start is dropped by libyaml's reader: the line after it
        // starts at column 0.
        if self.b.starts_with(b"\xEF\xBB\xBF") {
            self.i = 3;
            self.line_start = 3;
        }
        loop {
            self.skip_to_token();
            if self.i >= self.b.len() {
                return Ok(());
            }
            if !self.in_flow() {
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

    /// Skips byte-order marks at the start of a line, spaces, tabs, comments and line breaks
    /// (libyaml's `scan_to_next_token`).
    fn skip_to_token(&mut self) {
        while self.i < self.b.len() {
            if self.i == self.line_start && self.b[self.i..].starts_with(b"\xEF\xBB\xBF") {
                self.i += 3;
                continue;
            }
            match self.b[self.i] {
                b' ' | b'\t' => self.i += 1,
                b'#' => self.skip_line(),
                _ if self.break_len(self.i) > 0 => {
                    self.bump();
                    if !self.in_flow() {
                        self.key_allowed = true;
                    }
                }
                _ => return,
            }
        }
    }

    /// One token; `Ok(false)` where libyaml reports an error.
    fn token(&mut self) -> Result<bool, usize> {
        let c = self.b[self.i];
        let next_blank = self.blank(self.i + 1);
        let column = self.column();
        if column == 0
            && (self.b[self.i..].starts_with(b"---") || self.b[self.i..].starts_with(b"..."))
            && self.blank(self.i + 3)
        {
            self.indents.clear();
            self.forget_key();
            self.key_allowed = false;
            self.i += 3;
            return Ok(true);
        }
        if column == 0 && c == b'%' {
            self.skip_line();
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
                self.keys.push(None);
                self.i += 1;
                self.key_allowed = true;
            }
            b']' | b'}' => {
                self.end_pair();
                self.forget_key();
                // A closing bracket with no flow collection open is an error in the parser;
                // brackets left open in scalars stay counted.
                if self.flows.pop().is_some() {
                    self.keys.pop();
                    self.depth -= 1;
                }
                self.i += 1;
                self.key_allowed = false;
            }
            b',' => {
                self.end_pair();
                self.forget_key();
                self.i += 1;
                self.key_allowed = true;
            }
            b'-' if next_blank => {
                if !self.in_flow() && self.indent() < column as isize {
                    self.push_indent(column)?;
                }
                self.forget_key();
                self.i += 1;
                self.key_allowed = true;
            }
            b'?' if self.in_flow() || next_blank => {
                if !self.in_flow() && self.indent() < column as isize {
                    self.push_indent(column)?;
                }
                self.begin_pair()?;
                self.forget_key();
                self.i += 1;
                self.key_allowed = !self.in_flow();
            }
            b':' if self.in_flow() || next_blank => self.value_indicator(column)?,
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
            b'|' | b'>' if !self.in_flow() => {
                self.forget_key();
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
                match self.plain()? {
                    Some(multiline) => self.key_allowed = multiline,
                    None => return Ok(false),
                }
            }
        }
        Ok(true)
    }

    /// Remembers that a token that may be a simple key starts here (libyaml's
    /// `save_simple_key`), when one may.
    fn note_key(&mut self, column: usize) {
        if self.key_allowed {
            let key = Key {
                at: self.i,
                line_start: self.line_start,
                column,
            };
            *self.keys.last_mut().expect("one per flow level") = Some(key);
            if self.flows.is_empty() {
                self.key_peak = self.depth;
            }
        }
    }

    /// A token that is no key ends the possible one at this flow level.
    fn forget_key(&mut self) {
        *self.keys.last_mut().expect("one per flow level") = None;
    }

    /// `:` as an indicator: the possible key before it, if it is still on this line and near,
    /// becomes a key; in block context a block mapping opens at its column, or at the `:`'s own
    /// column after a complex key (libyaml's `fetch_value` and `roll_indent`).
    fn value_indicator(&mut self, column: usize) -> Result<(), usize> {
        self.begin_pair()?;
        let key = self
            .keys
            .last_mut()
            .expect("one per flow level")
            .take()
            .filter(|k| k.line_start == self.line_start && k.at + KEY_REACH >= self.i);
        if !self.in_flow() {
            let at = key.map_or(column, |k| k.column);
            if self.indent() < at as isize {
                self.push_indent(at)?;
                if key.is_some() && self.key_peak + 2 * self.indents.len() > self.limit {
                    return Err(self.i);
                }
            }
        }
        self.i += 1;
        self.key_allowed = key.is_none() && !self.in_flow();
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
            self.depth -= 1;
        }
    }

    /// A block collection opens at `column`; block collections count towards the limit too
    /// (`- - - …` or `? ? ? …` on one line nest without a bracket; found by the nesting fuzz
    /// target).
    fn push_indent(&mut self, column: usize) -> Result<(), usize> {
        self.indents.push(column);
        if self.over() {
            return Err(self.i);
        }
        Ok(())
    }

    /// A quoted scalar, to its closing quote.
    fn quoted(&mut self, quote: u8) -> Result<(), usize> {
        self.i += 1;
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
                    _ if self.blank(self.i) => break,
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

    /// A plain scalar, to where libyaml ends it: `Some(true)` when it went on past a line break
    /// (a key may follow it then), `None` at libyaml's "unexpected ':'".
    fn plain(&mut self) -> Result<Option<bool>, usize> {
        let flow = self.in_flow();
        let indent = self.indent() + 1;
        let mut multiline = false;
        loop {
            // The text of one line.
            while self.i < self.b.len() && !self.blank(self.i) {
                let b = self.b[self.i];
                if b == b':' {
                    if flow
                        && matches!(
                            self.at(self.i + 1),
                            Some(b',' | b'?' | b'[' | b']' | b'{' | b'}')
                        )
                    {
                        return Ok(None);
                    }
                    if self.blank(self.i + 1) {
                        return Ok(Some(multiline));
                    }
                }
                if flow && matches!(b, b',' | b'[' | b']' | b'{' | b'}') {
                    return Ok(Some(multiline));
                }
                self.i += 1;
                // Spaces inside the scalar.
                while matches!(self.at(self.i), Some(b' ' | b'\t')) {
                    self.i += 1;
                }
                if self.at(self.i) == Some(&b'#') && self.blank(self.i - 1) {
                    return Ok(Some(multiline));
                }
            }
            // Line breaks: the scalar goes on where the next text is indented enough (any
            // indentation in flow context) and is not a comment or a document marker.
            let mut j = self.i;
            let mut line_start = self.line_start;
            let mut broke = false;
            while j < self.b.len() {
                match (self.b[j], self.break_len(j)) {
                    (b' ' | b'\t', _) => j += 1,
                    (_, 0) => break,
                    (_, n) => {
                        j += n;
                        line_start = j;
                        broke = true;
                    }
                }
            }
            let rest = &self.b[j..];
            // Only spaces and tabs since the line's start: bytes are characters.
            let column = (j - line_start) as isize;
            let ends = !broke
                || j >= self.b.len()
                || rest[0] == b'#'
                || (column == 0
                    && (rest.starts_with(b"---") || rest.starts_with(b"..."))
                    && self.blank(j + 3))
                || (!flow && column < indent);
            if ends {
                return Ok(Some(multiline));
            }
            self.i = j;
            self.line_start = line_start;
            multiline = true;
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
        self.skip_line();
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
            while self.i < self.b.len() && self.break_len(self.i) == 0 {
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
            if self.break_len(self.i) == 0 {
                return;
            }
            self.bump();
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
            // A flow collection that is a key nests inside the mapping its `:` opens.
            ("[a: ]: |\n", 4),
            ("[\u{feff}: ]: |\n", 4),
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

    /// Whether serde_yaml, given the text, stops at its own depth limit.
    fn refused_for_depth(yaml: &str) -> bool {
        serde_yaml::from_str::<serde_yaml::Value>(yaml)
            .is_err_and(|e| e.to_string().contains("recursion limit"))
    }

    #[test]
    fn block_collections_count_after_brackets_left_open_in_scalars() {
        // The nesting fuzz target's crash-413f997c (a slug of complex keys and dashes on
        // indented lines): the `"["` of an earlier line stays counted, and took the scan into
        // flow context for the rest of the text, where no block collection opens.
        let long_line = format!(
            "  ? ? ? ? ? ? ? {}{}{}? ? $\n",
            "- ".repeat(60),
            "[".repeat(62),
            "- ".repeat(23)
        );
        let artifact = [
            "title: Nested\n",
            "source: AFP\n",
            "published: 2024-03-20\n",
            "slug: \n",
            "  ? \n",
            "  ? ? ? ? ? ? ? ? ? $\n",
            "  ? ? ? ? ? ? ? ? ? ? ? ? ? $\n",
            "  ? ? ? ? ? ? ? #? ? ? ? ? ? $\n",
            "  ? ? ? ? ? ? ? ? ? ? \"[\"\n",
            "  \n",
            "  ? ? ? ? ? ? ? ? ? ? $\n",
            "  ? ? ? ? ? ? ? ? ? ? ? ? \n",
            &long_line,
            "  ? ? ? ? ? ? ? ? ? ? ? #? $\n",
            "  ? ? ? 0000{00 ? ? ? $\n",
            "  ? ? ? ? ? ? ? ? ? ? \"[\"\n",
        ]
        .concat();
        assert!(refused_for_depth(&artifact));
        assert!(too_deep(&artifact, 128).is_some());
        // The same with the least around it: each bracket left open in a quoted or block
        // scalar, then block collections alone.
        for before in ["a: \"[\"\n", "a: '{'\n", "a: |\n  [\n", "a: !<[> b\n"] {
            for indicator in ["- ", "? "] {
                let yaml = format!("{before}b:\n  {}x\n", indicator.repeat(130));
                assert!(refused_for_depth(&yaml), "{yaml:?}");
                assert!(too_deep(&yaml, 128).is_some(), "{yaml:?}");
            }
        }
        // The block collections on the lines after still open and close as the parser's.
        assert_eq!(depth("a: \"[\"\nb:\n  - - x\n  - y\n"), 1 + 2 * 3);
        assert_eq!(depth("a: \"[\"\nb:\n  - - x\nc: y\n"), 1 + 2 * 3);
    }

    #[test]
    fn lines_and_columns_are_the_parsers() {
        // A Unicode line break ends a line for libyaml: the dashes after it are collections,
        // not the rest of the plain scalar `x`.
        for line_break in ["\u{2028}", "\u{2029}", "\u{85}", "\r"] {
            let yaml = format!("a:\n  - - x{line_break}  {}y\n", "- ".repeat(130));
            assert!(refused_for_depth(&yaml), "{yaml:?}");
            assert!(too_deep(&yaml, 128).is_some(), "{yaml:?}");
            let yaml = format!("a:\n  - - x{line_break}  - y\n");
            assert_eq!(depth(&yaml), 2 * 3, "{yaml:?}");
        }
        // A byte-order mark at the start of a line is skipped, not the start of a scalar.
        let yaml = format!("a:\n\u{feff}{}y\n", "- ".repeat(130));
        assert!(refused_for_depth(&yaml));
        assert!(too_deep(&yaml, 128).is_some());
        // At the very start it is not even a column.
        assert_eq!(depth("\u{feff}a:\n - b\n"), 2 * 2);
    }

    #[test]
    fn a_key_is_the_token_before_the_colon_at_its_flow_level() {
        // `[a]` is the key, at column 0, not `a` inside it: the dash at column 1 opens a
        // sequence inside the mapping.
        assert_eq!(depth("[a]:\n - b\n"), 2 * 2);
        assert_eq!(depth("{a: [b]}:\n - c\n"), 2 * 2);
        // A key must be on the colon's line: `a` is no key of the `:` below it, which opens no
        // mapping of its own at its column.
        assert_eq!(depth("? a\n: - b\n"), 2 * 2);
    }

    /// The collections the parser built, however nested: each sequence and mapping counts,
    /// keys too, as serde_yaml's depth limit counts them.
    fn built(v: &serde_yaml::Value) -> usize {
        match v {
            serde_yaml::Value::Sequence(s) => 1 + s.iter().map(built).max().unwrap_or(0),
            serde_yaml::Value::Mapping(m) => {
                1 + m
                    .iter()
                    .map(|(k, v)| built(k).max(built(v)))
                    .max()
                    .unwrap_or(0)
            }
            serde_yaml::Value::Tagged(t) => built(&t.value),
            _ => 0,
        }
    }

    /// Pieces of YAML that open, close and end block and flow collections, lines and scalars.
    const PIECES: &[&str] = &[
        "- ", "- ", "? ", "? ", ": ", ":", "a", "b ", "[", "]", "{", "}", ", ", "\"[\"", "'{'",
        "|\n", "\n", "\n ", "\n  ", "\n   ", "\u{2028}", "\u{85}", "\u{feff}", "é", " #", "!<[> ",
        "&x ", "!!seq ", "---\n",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        /// Whatever mix of block and flow collections the parser builds, the scan never sees
        /// fewer. (Run with 300,000 cases of up to 200 pieces while writing the block counting.)
        #[test]
        fn never_counts_fewer_collections_than_the_parser_builds(
            pieces in proptest::collection::vec(0..PIECES.len(), 0..48)
        ) {
            let yaml: String = pieces.iter().map(|&p| PIECES[p]).collect();
            if let Ok(v) = serde_yaml::from_str::<serde_yaml::Value>(&yaml) {
                let built = built(&v);
                proptest::prop_assert!(depth(&yaml) >= built, "{yaml:?}: {} < {built}", depth(&yaml));
            }
        }
    }
}
