//! A file's top-level statements found without parsing it: a scan of brackets, strings,
//! templates, comments and regular expressions that ends a statement where a line at
//! nesting depth zero starts with a word and the line before cannot go on. What the index
//! parses of a closed file is chosen from these (`modules::excerpt`), and the parse of the
//! chosen ones is checked against them: a wrong split costs a whole parse. The names a
//! statement declares cannot be checked so; the scan errs on the side of too many.
//!
//! The scan gives up (`None`) on brackets that do not match or a comment left open; JSX text
//! is read as code, with strings and regular expressions ended at the end of a line so
//! that an apostrophe in text spoils one line at most.

use std::ops::Range;

/// One top-level statement: from its first byte to the end of its last token (comments
/// between statements belong to none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopStatement {
    pub range: Range<usize>,
    pub kind: TopKind,
    /// Where the names it declares at the top level are (a declaration's name, each name of
    /// a `const`/`let`/`var` binding; a few more than those at times, never fewer).
    pub declares: Vec<Range<usize>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TopKind {
    /// `import … from "…"` (not `import(…)` nor `import.meta`).
    Import,
    /// `export { … }`, `export * from "…"`: names passed on, nothing declared.
    ExportList,
    Other,
}

/// Words that, ending a line, say the statement goes on. Keywords that also end
/// expressions as names (`as const`, `x.type`, `map.set`) are not among them: a line ending
/// so ends its statement when the next line starts with a word.
const GOES_ON_AFTER: &[&[u8]] = &[
    b"as",
    b"async",
    b"await",
    b"case",
    b"class",
    b"declare",
    b"default",
    b"delete",
    b"do",
    b"else",
    b"enum",
    b"export",
    b"extends",
    b"function",
    b"implements",
    b"import",
    b"in",
    b"instanceof",
    b"interface",
    b"keyof",
    b"new",
    b"return",
    b"satisfies",
    b"throw",
    b"typeof",
    b"void",
    b"yield",
];

/// Words that, starting a line, continue the statement before.
const CONTINUES_WITH: &[&[u8]] = &[
    b"as",
    b"catch",
    b"else",
    b"extends",
    b"finally",
    b"implements",
    b"in",
    b"instanceof",
    b"of",
    b"satisfies",
    b"while",
];

/// Words after which a `/` starts a regular expression.
const REGEX_AFTER: &[&[u8]] = &[
    b"await",
    b"case",
    b"delete",
    b"do",
    b"else",
    b"in",
    b"instanceof",
    b"new",
    b"of",
    b"return",
    b"throw",
    b"typeof",
    b"void",
    b"yield",
];

/// Statements whose body may follow their head on the next line without braces.
const HEAD_KEYWORDS: &[&[u8]] = &[b"do", b"else", b"for", b"if", b"while", b"with"];

/// The top-level statements of `src`, in order; `None` when the scan cannot tell them apart.
pub fn top_statements(src: &str) -> Option<Vec<TopStatement>> {
    let mut scan =
        Scan { src: src.as_bytes(), at: 0, stack: Vec::new(), last: Last::Nothing, done: Vec::new(), open: None };
    scan.run()?;
    Some(scan.done)
}

/// The last token seen, for telling a regular expression from a division and whether a
/// line can end a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Last {
    Nothing,
    Word(usize, usize),
    /// A string, template, number or regular expression.
    Literal,
    Punct(u8),
}

/// Where a `const`/`let`/`var` statement's scan is: in a binding (its words are declared)
/// or in an initializer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Binding {
    No,
    Names,
    /// A type annotation (`const x: Map<K, V> = …`): its words declare nothing.
    Type {
        angles: usize,
    },
    Value,
}

/// The statement being scanned.
struct Open {
    start: usize,
    /// The end of its last token so far.
    end: usize,
    /// Its first three tokens at depth zero, for its kind.
    head: Vec<Last>,
    /// Only modifiers (`export`, `default`, `declare`, `async`, `abstract`) seen so far at
    /// depth zero: a declaration keyword now declares.
    leading: bool,
    binding: Binding,
    /// The next word at depth zero is a declared name (`function f`, `class C`).
    name_next: bool,
    declares: Vec<Range<usize>>,
}

struct Scan<'a> {
    src: &'a [u8],
    at: usize,
    /// Open brackets (`{`, `(`, `[`), template texts (`` ` ``) and their `${` (`$`).
    stack: Vec<u8>,
    last: Last,
    done: Vec<TopStatement>,
    open: Option<Open>,
}

fn is_word_start(byte: u8) -> bool {
    byte.is_ascii_alphabetic() || byte == b'_' || byte == b'$' || byte >= 0x80
}

/// The length of the Unicode space (JavaScript's: no-break space, the `U+2000` block, line and
/// paragraph separators, the byte order mark, …) that `rest` starts with; 0 when none. Read
/// as a space, not as part of a word: `const\u{a0}x` declares `x`.
fn unicode_space(rest: &[u8]) -> usize {
    match rest {
        [0xC2, 0xA0, ..] => 2,
        [0xE1, 0x9A, 0x80, ..] | [0xE3, 0x80, 0x80, ..] | [0xEF, 0xBB, 0xBF, ..] | [0xE2, 0x81, 0x9F, ..] => 3,
        [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..] => 3,
        _ => 0,
    }
}

fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'$' || byte >= 0x80
}

impl<'a> Scan<'a> {
    fn byte(&self, at: usize) -> Option<u8> {
        self.src.get(at).copied()
    }

    fn word(&self, start: usize, end: usize) -> &'a [u8] {
        let src: &'a [u8] = self.src;
        src.get(start..end).unwrap_or(&[])
    }

    /// The word a token is (empty for any other token).
    fn word_of(&self, token: Option<&Last>) -> &'a [u8] {
        match token {
            Some(&Last::Word(start, end)) => self.word(start, end),
            _ => b"",
        }
    }

    fn run(&mut self) -> Option<()> {
        if self.src.starts_with(b"#!") {
            self.at = memchr::memchr(b'\n', self.src).unwrap_or(self.src.len());
        }
        while self.at < self.src.len() {
            if self.stack.last() == Some(&b'`') {
                self.template_text()?;
                self.mark_end();
                continue;
            }
            let byte = self.src[self.at];
            match byte {
                b'\n' => {
                    self.at += 1;
                    if self.stack.is_empty() {
                        if self.line_ends_statement() {
                            self.finish();
                        } else if let Some(open) = &mut self.open {
                            // Statements kept together (`… as const⏎export type T = …`):
                            // the next line may start a declaration all the same.
                            open.leading = true;
                        }
                    }
                    continue;
                }
                b' ' | b'\t' | b'\r' | 0x0b | 0x0c => {
                    self.at += 1;
                    continue;
                }
                _ if unicode_space(&self.src[self.at..]) > 0 => {
                    self.at += unicode_space(&self.src[self.at..]);
                    continue;
                }
                b'/' if self.byte(self.at + 1) == Some(b'/') => {
                    self.at = memchr::memchr(b'\n', &self.src[self.at..]).map_or(self.src.len(), |n| self.at + n);
                    continue;
                }
                b'/' if self.byte(self.at + 1) == Some(b'*') => {
                    let rest = self.src.get(self.at + 2..)?;
                    self.at += 2 + memchr::memmem::find(rest, b"*/")? + 2;
                    continue;
                }
                b'/' if self.regex_may_start() => {
                    self.token(self.at, Last::Literal);
                    self.regex();
                }
                b'\'' | b'"' => {
                    self.token(self.at, Last::Literal);
                    self.string(byte);
                }
                b'`' => {
                    self.token(self.at, Last::Literal);
                    self.stack.push(b'`');
                    self.at += 1;
                }
                b'{' | b'(' | b'[' => {
                    self.token(self.at, Last::Punct(byte));
                    self.stack.push(byte);
                    self.at += 1;
                }
                b'}' | b')' | b']' => {
                    let open = match byte {
                        b'}' => b'{',
                        b')' => b'(',
                        _ => b'[',
                    };
                    match self.stack.pop()? {
                        top if top == open => {}
                        // The end of a template's `${…}`: back in its text.
                        b'$' if byte == b'}' => {}
                        _ => return None,
                    }
                    self.token(self.at, Last::Punct(byte));
                    self.at += 1;
                }
                _ if is_word_start(byte) => {
                    let start = self.at;
                    while self.byte(self.at).is_some_and(is_word_byte) && unicode_space(&self.src[self.at..]) == 0 {
                        self.at += 1;
                    }
                    self.token(start, Last::Word(start, self.at));
                }
                _ if byte.is_ascii_digit() => {
                    let start = self.at;
                    while self.byte(self.at).is_some_and(|b| is_word_byte(b) || b == b'.') {
                        self.at += 1;
                    }
                    self.token(start, Last::Literal);
                }
                _ => {
                    self.token(self.at, Last::Punct(byte));
                    self.at += 1;
                }
            }
            self.mark_end();
        }
        if !self.stack.is_empty() {
            return None;
        }
        self.finish();
        Some(())
    }

    /// A template's text up to its end or its next `${`.
    fn template_text(&mut self) -> Option<()> {
        loop {
            match *self.src.get(self.at)? {
                b'\\' => self.at += 2,
                b'`' => {
                    self.stack.pop();
                    self.at += 1;
                    self.last = Last::Literal;
                    return Some(());
                }
                b'$' if self.byte(self.at + 1) == Some(b'{') => {
                    self.stack.push(b'$');
                    self.at += 2;
                    self.last = Last::Punct(b'{');
                    return Some(());
                }
                _ => self.at += 1,
            }
        }
    }

    /// A quoted string, ended by its quote or (broken, or an apostrophe in JSX text) the
    /// line's end.
    fn string(&mut self, quote: u8) {
        self.at += 1;
        while let Some(byte) = self.byte(self.at) {
            match byte {
                b'\\' => self.at += 2,
                b'\n' => return,
                _ if byte == quote => {
                    self.at += 1;
                    return;
                }
                _ => self.at += 1,
            }
        }
    }

    /// A regular expression (its flags are read as a word), ended at the line's end when
    /// it has no closing slash.
    fn regex(&mut self) {
        self.at += 1;
        let mut in_class = false;
        while let Some(byte) = self.byte(self.at) {
            self.at += 1;
            match byte {
                b'\\' => self.at += 1,
                b'\n' => {
                    self.at -= 1;
                    return;
                }
                b'[' => in_class = true,
                b']' => in_class = false,
                b'/' if !in_class => return,
                _ => {}
            }
        }
    }

    /// Whether the `/` here starts a regular expression rather than dividing, closing a JSX
    /// tag (`</div>`) or ending a self-closing one (`/>`).
    fn regex_may_start(&self) -> bool {
        if (self.at > 0 && self.src[self.at - 1] == b'<') || self.byte(self.at + 1) == Some(b'>') {
            return false;
        }
        match self.last {
            Last::Nothing => true,
            Last::Word(start, end) => REGEX_AFTER.contains(&self.word(start, end)),
            Last::Literal => false,
            Last::Punct(byte) => !matches!(byte, b')' | b']' | b'}'),
        }
    }

    /// Notes a token (opening a statement at it when none is open): its kind, what it
    /// declares. Called before an opening bracket is pushed and after a closing one is
    /// popped, so brackets of the top level count as at depth zero.
    fn token(&mut self, start: usize, token: Last) {
        let depth_zero = self.stack.is_empty();
        let next = self.byte(start + 1);
        let before = start.checked_sub(1).and_then(|i| self.byte(i));
        let word = self.word_of(Some(&token));
        let open = self.open.get_or_insert_with(|| Open {
            start,
            end: start,
            head: Vec::new(),
            leading: true,
            binding: Binding::No,
            name_next: false,
            declares: Vec::new(),
        });
        if depth_zero && open.head.len() < 3 {
            open.head.push(token);
        }
        match token {
            Last::Word(s, e) => open.note_word(word, s..e, depth_zero),
            Last::Punct(byte) if depth_zero => open.note_punct(byte, next, before),
            _ if depth_zero => {
                open.name_next = false;
                open.leading = false;
            }
            _ => {}
        }
        self.last = token;
    }

    /// Whether the line just ended ends the open statement: the next line starts with a
    /// word at column zero that does not continue it, and this one cannot go on.
    fn line_ends_statement(&self) -> bool {
        let Some(open) = &self.open else { return false };
        let Some(next) = self.byte(self.at) else { return false };
        if !is_word_start(next) {
            return false;
        }
        let mut end = self.at;
        while self.byte(end).is_some_and(is_word_byte) {
            end += 1;
        }
        if CONTINUES_WITH.contains(&self.word(self.at, end)) {
            return false;
        }
        let head_word = self.word_of(open.head.first());
        match self.last {
            Last::Nothing => false,
            Last::Word(start, end) => !GOES_ON_AFTER.contains(&self.word(start, end)),
            Last::Literal => true,
            Last::Punct(b')') => !HEAD_KEYWORDS.contains(&head_word),
            Last::Punct(byte) => matches!(byte, b';' | b'}' | b']'),
        }
    }

    /// Closes the open statement, if any.
    fn finish(&mut self) {
        let Some(open) = self.open.take() else { return };
        let end = open.end.min(self.src.len());
        let kind = self.kind_of(&open);
        self.done.push(TopStatement { range: open.start..end, kind, declares: open.declares });
        self.last = Last::Nothing;
    }

    /// The open statement goes on at least to where the scan stands.
    fn mark_end(&mut self) {
        if let Some(open) = &mut self.open {
            open.end = self.at;
        }
    }

    fn kind_of(&self, open: &Open) -> TopKind {
        let word = |token| self.word_of(token);
        let lists = |token: Option<&Last>| matches!(token, Some(Last::Punct(b'{' | b'*')));
        match word(open.head.first()) {
            b"import" if !matches!(open.head.get(1), Some(Last::Punct(b'(' | b'.'))) => TopKind::Import,
            b"export" if lists(open.head.get(1)) => TopKind::ExportList,
            b"export" if word(open.head.get(1)) == b"type" && lists(open.head.get(2)) => TopKind::ExportList,
            _ => TopKind::Other,
        }
    }
}

impl Open {
    fn note_word(&mut self, word: &[u8], range: Range<usize>, depth_zero: bool) {
        if self.binding == Binding::Names {
            self.declares.push(range);
            return;
        }
        if !depth_zero {
            return;
        }
        if self.name_next {
            self.name_next = false;
            self.declares.push(range);
            return;
        }
        if !self.leading {
            return;
        }
        match word {
            b"export" | b"default" | b"declare" | b"async" | b"abstract" => {}
            b"const" | b"let" | b"var" => {
                self.binding = Binding::Names;
                self.leading = false;
            }
            b"function" | b"class" | b"interface" | b"type" | b"enum" | b"namespace" | b"module" => {
                self.name_next = true;
                self.leading = false;
            }
            _ => self.leading = false,
        }
    }

    fn note_punct(&mut self, byte: u8, next: Option<u8>, before: Option<u8>) {
        match (byte, self.binding) {
            // `function*` has its star before the name.
            (b'*', _) if self.name_next => {}
            (b'=', _)
                if next != Some(b'=')
                    && next != Some(b'>')
                    && !before.is_some_and(|b| b"=!<>+-*/%&|^?".contains(&b)) =>
            {
                self.name_next = false;
                if matches!(self.binding, Binding::Names | Binding::Type { .. }) {
                    self.binding = Binding::Value;
                }
            }
            (b':', Binding::Names) => self.binding = Binding::Type { angles: 0 },
            (b'<', Binding::Type { angles }) => self.binding = Binding::Type { angles: angles + 1 },
            (b'>', Binding::Type { angles }) if before != Some(b'=') => {
                self.binding = Binding::Type { angles: angles.saturating_sub(1) }
            }
            (b',', Binding::Value | Binding::Type { angles: 0 }) => self.binding = Binding::Names,
            // `a; const b = 1` on one line: the next declaration starts afresh.
            (b';', _) => {
                self.name_next = false;
                self.binding = Binding::No;
                self.leading = true;
            }
            // `function a() {}function b() {}` (minified): a declaration may follow a block.
            (b'}', _) => {
                self.name_next = false;
                self.leading = true;
            }
            _ => {
                self.name_next = false;
                self.leading = false;
            }
        }
    }
}

#[cfg(test)]
#[path = "statements_tests.rs"]
mod tests;
