//! Parsing JavaScript and TypeScript with tree-sitter, and the small helpers on nodes
//! that the checks share. Parsing never fails: broken code gives a tree with errors.
//!
//! The bottom layer: text (line index, UTF-16), parsing, JSONC, and the plain diagnostic type
//! every layer above reports in.

pub mod diagnostics;
pub(crate) mod fields;
pub mod json_literal;
pub mod jsonc;
pub mod statements;
pub mod text;
pub mod wording;

use std::cell::RefCell;
use std::ops::Range;
use std::path::Path;

use tree_sitter::{Node, Parser, Tree, TreeCursor};

/// Which grammar reads a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    /// `.ts`, `.mts`, `.cts`: the TypeScript grammar, where `<T>x` is a type assertion.
    TypeScript,
    /// `.tsx`, `.js`, `.jsx`, `.mjs`, `.cjs`: the TSX grammar, which reads JSX and plain JS.
    Tsx,
}

impl Lang {
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?;
        Self::from_extension(ext)
    }

    pub fn from_extension(ext: &str) -> Option<Self> {
        match ext {
            "ts" | "mts" | "cts" => Some(Lang::TypeScript),
            "tsx" | "js" | "jsx" | "mjs" | "cjs" => Some(Lang::Tsx),
            _ => None,
        }
    }

    /// The grammar for an LSP `languageId`, for documents whose path says nothing.
    pub fn from_language_id(id: &str) -> Option<Self> {
        match id {
            "typescript" => Some(Lang::TypeScript),
            "typescriptreact" | "javascript" | "javascriptreact" => Some(Lang::Tsx),
            _ => None,
        }
    }

    fn grammar(self) -> tree_sitter::Language {
        match self {
            Lang::TypeScript => tree_sitter_typescript::LANGUAGE_TYPESCRIPT.into(),
            Lang::Tsx => tree_sitter_typescript::LANGUAGE_TSX.into(),
        }
    }
}

/// Files larger than this are not parsed: no hand-written source is that big, and a
/// generated bundle would only cost time and memory.
pub const MAX_PARSE_BYTES: usize = 4 * 1024 * 1024;

thread_local! {
    static PARSERS: RefCell<Option<(Parser, Parser)>> = const { RefCell::new(None) };
}

/// Parses `text`, reusing `old` (already edited with `Tree::edit`) when given.
/// Returns `None` only for a file too large to parse.
pub fn parse(text: &str, lang: Lang, old: Option<&Tree>) -> Option<Tree> {
    if text.len() > MAX_PARSE_BYTES {
        return None;
    }
    with_parser(lang, |parser| parser.parse(text, old))
}

/// Runs `parse` with this thread's parser for `lang`.
fn with_parser<T>(lang: Lang, parse: impl FnOnce(&mut Parser) -> T) -> T {
    PARSERS.with(|cell| {
        let mut slot = cell.borrow_mut();
        let (ts, tsx) = slot.get_or_insert_with(|| (new_parser(Lang::TypeScript), new_parser(Lang::Tsx)));
        match lang {
            Lang::TypeScript => parse(ts),
            Lang::Tsx => parse(tsx),
        }
    })
}

/// Parses only `ranges` of `text` (sorted, apart): the rest is as if it were not there.
/// `None` for a file too large to parse or ranges tree-sitter refuses.
pub fn parse_ranges(text: &str, lang: Lang, ranges: &[Range<usize>]) -> Option<Tree> {
    if text.len() > MAX_PARSE_BYTES {
        return None;
    }
    let bounds: Vec<usize> = ranges.iter().flat_map(|r| [r.start, r.end]).collect();
    let points = points_at(text, &bounds);
    let included: Vec<tree_sitter::Range> = ranges
        .iter()
        .zip(points.chunks_exact(2))
        .map(|(range, points)| tree_sitter::Range {
            start_byte: range.start,
            end_byte: range.end,
            start_point: points[0],
            end_point: points[1],
        })
        .collect();
    with_parser(lang, |parser| {
        parser.set_included_ranges(&included).ok()?;
        let tree = parser.parse(text, None);
        // The parser is the thread's for every parse after this one: whole files again.
        let _ = parser.set_included_ranges(&[]);
        tree
    })
}

/// Tree-sitter's points for sorted byte offsets, in one pass over the text.
fn points_at(text: &str, offsets: &[usize]) -> Vec<tree_sitter::Point> {
    let bytes = text.as_bytes();
    let mut points = Vec::with_capacity(offsets.len());
    let (mut row, mut line_start, mut scanned) = (0, 0, 0);
    for &offset in offsets {
        let offset = offset.clamp(scanned, text.len());
        for newline in memchr::memchr_iter(b'\n', &bytes[scanned..offset]) {
            row += 1;
            line_start = scanned + newline + 1;
        }
        scanned = offset;
        points.push(tree_sitter::Point { row, column: offset - line_start });
    }
    points
}

fn new_parser(lang: Lang) -> Parser {
    let mut parser = Parser::new();
    // Only fails on an ABI mismatch between tree-sitter and the grammar crate, which the
    // pinned versions rule out; the tests parse with both grammars.
    let _ = parser.set_language(&lang.grammar());
    parser
}

/// Tree-sitter's point for a byte offset. It counts rows at `\n` only, whatever LSP counts,
/// and a tree edited with other points than its own would place its nodes wrongly.
pub fn point_at(text: &str, offset: usize) -> tree_sitter::Point {
    let offset = offset.min(text.len());
    let before = &text.as_bytes()[..offset];
    let row = memchr::memchr_iter(b'\n', before).count();
    let column = offset - memchr::memrchr(b'\n', before).map_or(0, |at| at + 1);
    tree_sitter::Point { row, column }
}

pub fn text<'a>(node: Node, src: &'a str) -> &'a str {
    src.get(node.byte_range()).unwrap_or("")
}

/// A string literal's value and the byte range of its contents (inside the quotes).
/// Template strings count only when they have no `${…}`. Escapes are not decoded, so a
/// literal holding a backslash is treated as not static.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StringLit {
    pub value: String,
    pub content: Range<usize>,
}

pub fn string_literal(node: Node, src: &str) -> Option<StringLit> {
    let kind = node.kind();
    if kind != "string" && kind != "template_string" {
        return None;
    }
    let range = node.byte_range();
    let raw = src.get(range.clone())?;
    let quote = raw.chars().next()?;
    let mut cursor = node.walk();
    let dynamic = node
        .named_children(&mut cursor)
        .any(|child| matches!(child.kind(), "template_substitution" | "escape_sequence"));
    if dynamic {
        return None;
    }
    let start = range.start + quote.len_utf8();
    // An unterminated string (half-typed code) runs to the end of the node.
    let closed = raw.len() >= 2 && raw.ends_with(quote);
    let end = if closed { range.end - quote.len_utf8() } else { range.end };
    let end = end.max(start);
    Some(StringLit { value: src.get(start..end)?.to_string(), content: start..end })
}

/// The expression inside parentheses and non-null assertions (`(x)!` → `x`).
pub fn strip_wrappers(node: Node) -> Node {
    let mut node = node;
    while matches!(node.kind(), "parenthesized_expression" | "non_null_expression") {
        match node.named_child(0) {
            Some(inner) => node = inner,
            None => break,
        }
    }
    node
}

/// The root's children in order, to find the one at a byte by binary search. The root
/// of a long file has hundreds of statements, which tree-sitter's descents
/// (`goto_first_child_for_byte`) scan one by one, through the hidden nodes that hold
/// them: in a 5,000-line file that scan is most of what finding a node costs.
pub struct TopLevel<'t> {
    children: Vec<Node<'t>>,
}

impl<'t> TopLevel<'t> {
    pub fn new(tree: &'t Tree) -> Self {
        let mut cursor = tree.walk();
        let mut children = Vec::new();
        if cursor.goto_first_child() {
            loop {
                children.push(cursor.node());
                if !cursor.goto_next_sibling() {
                    break;
                }
            }
        }
        Self { children }
    }

    /// The child `goto_first_child_for_byte(byte)` moves to from the root: the first
    /// that extends beyond `byte`.
    pub fn child_for_byte(&self, byte: usize) -> Option<Node<'t>> {
        let at = self.children.partition_point(|child| child.end_byte() <= byte);
        self.children.get(at).copied()
    }
}

/// Moves the cursor to the smallest node holding `wanted`: up from where it is (the
/// last `functions`, just before) until a node holds it, then down. (Stepping forward
/// among siblings instead of up and down again measured slower: tree-sitter keeps long
/// sibling lists in hidden nodes that each step climbs through.)
pub fn move_to_smallest_holding(cursor: &mut TreeCursor, wanted: &Range<usize>) {
    let holds = |node: Node| node.start_byte() <= wanted.start && wanted.end <= node.end_byte();
    while !holds(cursor.node()) {
        if !cursor.goto_parent() {
            return;
        }
    }
    while cursor.goto_first_child_for_byte(wanted.start).is_some() {
        if !holds(cursor.node()) {
            cursor.goto_parent();
            return;
        }
    }
}

/// The nodes from the root down to `node`, both included, found in one descent. Walking up
/// with `Node::parent` costs a search down from the root at every step, which makes a walk
/// up a deeply nested tree (100,000 parentheses) quadratic: minutes instead of milliseconds.
pub fn ancestry<'t>(tree: &'t Tree, node: Node<'t>) -> Vec<Node<'t>> {
    let mut chain = vec![tree.root_node()];
    let mut at = tree.root_node();
    while at.id() != node.id() {
        match at.child_with_descendant(node) {
            Some(next) if next.id() != at.id() => {
                chain.push(next);
                at = next;
            }
            _ => break,
        }
    }
    chain
}

/// Visits `node` and every node under it, in document order, without recursion.
pub fn walk_subtree<'t>(node: Node<'t>, mut visit: impl FnMut(Node<'t>)) {
    let mut cursor = node.walk();
    loop {
        visit(cursor.node());
        if cursor.goto_first_child() {
            continue;
        }
        loop {
            if cursor.goto_next_sibling() {
                break;
            }
            if !cursor.goto_parent() {
                return;
            }
        }
    }
}

/// Where `word` occurs in `range` of `src`, not as part of a longer name (a byte next to
/// it that can continue an identifier). Non-ASCII neighbours are left to the tree to
/// judge.
pub fn word_occurrences<'a>(src: &'a str, range: Range<usize>, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    let haystack = src.as_bytes().get(range.clone()).unwrap_or(&[]);
    memchr::memmem::find_iter(haystack, word.as_bytes())
        .map(move |at| range.start + at)
        .filter(move |&start| is_whole_word(src, start..start + word.len()))
}

/// Where the words of `matcher` occur in `src` as whole words (overlapping ones too: a
/// matcher of `load` and `loadAll` finds both in `loadAll()`, and keeps the second). The
/// matcher is built with the standard match kind, the one overlapping search takes.
pub fn whole_words<'a>(
    matcher: &'a aho_corasick::AhoCorasick,
    src: &'a str,
) -> impl Iterator<Item = aho_corasick::Match> + 'a {
    matcher.find_overlapping_iter(src).filter(move |found| is_whole_word(src, found.range()))
}

/// Whether `range` of `src` is not a piece of a longer identifier.
fn is_whole_word(src: &str, range: Range<usize>) -> bool {
    let bytes = src.as_bytes();
    let is_identifier_byte = |byte: &u8| byte.is_ascii_alphanumeric() || *byte == b'_' || *byte == b'$';
    let before = range.start.checked_sub(1).and_then(|i| bytes.get(i));
    !before.is_some_and(is_identifier_byte) && !bytes.get(range.end).is_some_and(is_identifier_byte)
}

/// The node's JSDoc-style comment: the `/** … */` or `//` lines right before it.
pub fn leading_doc_comment(node: Node, src: &str) -> Option<String> {
    let mut anchor = node;
    // A statement's comment sits before the statement, not before the expression in it.
    while let Some(parent) = anchor.parent() {
        if parent.kind() == "program" || parent.start_byte() != anchor.start_byte() {
            break;
        }
        anchor = parent;
    }
    if let Some(parent) = anchor.parent()
        && parent.kind() == "export_statement"
    {
        anchor = parent;
    }
    let comment = anchor.prev_named_sibling().filter(|c| c.kind() == "comment")?;
    let between = src.get(comment.end_byte()..anchor.start_byte())?;
    if between.matches('\n').count() > 1 {
        return None;
    }
    let raw = text(comment, src);
    let cleaned = if let Some(body) = raw.strip_prefix("/**") {
        body.trim_end_matches("*/")
            .lines()
            .map(|line| line.trim().trim_start_matches('*').trim())
            .collect::<Vec<_>>()
            .join("\n")
    } else if let Some(body) = raw.strip_prefix("//") {
        body.trim().to_string()
    } else {
        return None;
    };
    let cleaned = cleaned.trim().to_string();
    (!cleaned.is_empty()).then_some(cleaned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_level_child_for_byte_is_the_cursors() {
        let src = "// a\nconst a = 1;\n\nfunction b() { return 2; }\nb();";
        let tree = parse(src, Lang::Tsx, None).expect("parses");
        let top = TopLevel::new(&tree);
        for byte in 0..=src.len() + 1 {
            let mut cursor = tree.walk();
            let expected = cursor.goto_first_child_for_byte(byte).map(|_| cursor.node().id());
            assert_eq!(top.child_for_byte(byte).map(|n| n.id()), expected, "at byte {byte}");
        }
    }

    #[test]
    fn both_grammars_load_and_parse() {
        for lang in [Lang::TypeScript, Lang::Tsx] {
            let tree = parse("const x: number = 1;", lang, None);
            assert!(tree.is_some_and(|t| !t.root_node().has_error()), "{lang:?}");
        }
    }

    #[test]
    fn string_literal_content_and_template_rules() {
        let src = r#"f("a", `b`, `c${d}`, 'e\n')"#;
        let tree = parse(src, Lang::Tsx, None).expect("parses");
        let mut found = Vec::new();
        walk_subtree(tree.root_node(), |node| {
            if matches!(node.kind(), "string" | "template_string") {
                found.push(string_literal(node, src).map(|s| s.value));
            }
        });
        assert_eq!(found, vec![Some("a".into()), Some("b".into()), None, None]);
    }

    #[test]
    fn doc_comment_before_statement() {
        let src = "/**\n * Does a thing.\n * Twice.\n */\nDeno.serve(() => new Response());";
        let tree = parse(src, Lang::TypeScript, None).expect("parses");
        let mut doc = None;
        walk_subtree(tree.root_node(), |node| {
            if node.kind() == "call_expression" && doc.is_none() {
                doc = leading_doc_comment(node, src);
            }
        });
        assert_eq!(doc.as_deref(), Some("Does a thing.\nTwice."));
    }
}
