//! Document sync, checked against a reference model: random sequences of incremental edits
//! (multi-byte characters, surrogate pairs, `\r\n`, lone `\r`, U+2028, edits at the end,
//! empty edits, edits that split or join a `\r\n`, positions past a line's or the text's end)
//! go through the server's `Document` and through the model, and the two must agree on the
//! text, on every position both ways, and the incremental tree on a fresh parse.
//!
//! The model holds the text as UTF-16 code units, as a JavaScript client does, and follows
//! the spec word for word: lines end at `\n`, `\r\n` or `\r`; a column past the end of its
//! line means the line's end; a line past the end means the text's end. A column inside a
//! surrogate pair is not defined by the spec: both sides take the pair's start.

use proptest::prelude::*;
use tower_lsp_server::ls_types::{Position, Range, TextDocumentContentChangeEvent, Uri};

use super::documents::Document;
use crate::syntax::{self, Lang};

/// The pieces texts are made of: what makes positions hard, and a call site for the tree.
const PIECES: &[&str] = &[
    "a",
    " ",
    "é",
    "漢",
    "🎉",
    "\r",
    "\n",
    "\r\n",
    "\u{2028}",
    "x\ry",
    "\"",
    "(",
    ")",
    "{",
    "}",
    ";",
    "base44.functions.invoke(\"hi\", { a: 1 })",
    "",
];

struct Model {
    units: Vec<u16>,
}

impl Model {
    fn new(text: &str) -> Self {
        Self { units: text.encode_utf16().collect() }
    }

    /// Each line's start and the end of its content, in code units.
    fn lines(&self) -> Vec<(usize, usize)> {
        let (cr, lf) = (u16::from(b'\r'), u16::from(b'\n'));
        let mut lines = Vec::new();
        let mut start = 0;
        let mut at = 0;
        while at < self.units.len() {
            let unit = self.units[at];
            if unit == lf || unit == cr {
                let crlf = unit == cr && self.units.get(at + 1) == Some(&lf);
                lines.push((start, at));
                at += if crlf { 2 } else { 1 };
                start = at;
            } else {
                at += 1;
            }
        }
        lines.push((start, self.units.len()));
        lines
    }

    fn index(&self, position: Position) -> usize {
        let lines = self.lines();
        let Some(&(start, end)) = lines.get(position.line as usize) else { return self.units.len() };
        let mut at = start + (position.character as usize).min(end - start);
        let inside_pair = |at: usize| {
            at > 0
                && at < self.units.len()
                && (0xDC00..0xE000).contains(&self.units[at])
                && (0xD800..0xDC00).contains(&self.units[at - 1])
        };
        if inside_pair(at) {
            at -= 1;
        }
        at
    }

    fn position(&self, index: usize) -> Position {
        let lines = self.lines();
        let line = lines.iter().rposition(|&(start, _)| start <= index).unwrap_or(0);
        let (start, end) = lines[line];
        Position { line: line as u32, character: (index.min(end) - start) as u32 }
    }

    fn apply(&mut self, change: &TextDocumentContentChangeEvent) {
        match change.range {
            None => self.units = change.text.encode_utf16().collect(),
            Some(range) => {
                let start = self.index(range.start);
                let end = self.index(range.end).max(start);
                self.units.splice(start..end, change.text.encode_utf16());
            }
        }
    }

    fn text(&self) -> String {
        String::from_utf16(&self.units).expect("edits never split a surrogate pair")
    }

    /// The UTF-8 offset of a code-unit index.
    fn byte_offset(&self, index: usize) -> usize {
        String::from_utf16_lossy(&self.units[..index]).len()
    }
}

/// One edit, its positions still seeds: they are made valid (or just past the end) for
/// the text as it is when the edit applies.
#[derive(Debug, Clone)]
struct EditSeed {
    start: (u16, u16),
    /// Lines and columns the range spans.
    span: (u8, u16),
    text: Vec<usize>,
    /// Replace the whole text instead.
    full: bool,
}

fn edit_seed() -> impl Strategy<Value = EditSeed> {
    (
        any::<(u16, u16)>(),
        (0u8..3, any::<u16>()),
        prop::collection::vec(0..PIECES.len(), 0..5),
        prop::bool::weighted(0.05),
    )
        .prop_map(|(start, span, text, full)| EditSeed { start, span, text, full })
}

fn concat(pieces: &[usize]) -> String {
    pieces.iter().map(|&i| PIECES[i]).collect()
}

/// The change an edit seed makes on the model's text as it is now.
fn change_for(model: &Model, seed: &EditSeed) -> TextDocumentContentChangeEvent {
    let text = concat(&seed.text);
    if seed.full {
        return TextDocumentContentChangeEvent { range: None, range_length: None, text };
    }
    let lines = model.lines();
    // Up to one line past the end, and columns up to two past a line's end.
    let line = seed.start.0 as usize % (lines.len() + 1);
    let width = |line: usize| lines.get(line).map_or(0, |&(start, end)| end - start);
    let character = seed.start.1 as usize % (width(line) + 3);
    let end_line = line + seed.span.0 as usize;
    let end_character = seed.span.1 as usize % (width(end_line) + 3);
    let start = Position { line: line as u32, character: character as u32 };
    let end = Position { line: end_line as u32, character: end_character as u32 };
    TextDocumentContentChangeEvent { range: Some(Range { start, end }), range_length: None, text }
}

/// The document and the model agree on the text, every position both ways, the tree and
/// the call sites.
fn assert_agree(doc: &Document, model: &Model) -> Result<(), TestCaseError> {
    let text = model.text();
    prop_assert_eq!(&doc.text, &text);
    let lines = model.lines();
    prop_assert_eq!(doc.lines.line_count(), lines.len());
    let file = doc.file();
    for line in 0..=lines.len() {
        let width = lines.get(line).map_or(0, |&(start, end)| end - start);
        for character in 0..=width + 2 {
            let position = Position { line: line as u32, character: character as u32 };
            let expected = model.byte_offset(model.index(position));
            prop_assert_eq!(file.offset(position), expected, "offset of {:?} in {:?}", position, text);
        }
    }
    let mut index = 0;
    for (offset, c) in text.char_indices() {
        prop_assert_eq!(file.position(offset), model.position(index), "position of byte {} in {:?}", offset, text);
        index += c.len_utf16();
    }
    prop_assert_eq!(file.position(text.len()), model.position(model.units.len()));
    let fresh = syntax::parse(&text, Lang::TypeScript, None);
    prop_assert_eq!(
        doc.tree.as_ref().map(|t| t.root_node().to_sexp()),
        fresh.as_ref().map(|t| t.root_node().to_sexp())
    );
    let sites = |tree: Option<&tree_sitter::Tree>| {
        let graph = crate::modules::graph::ModuleGraph::default();
        let path = std::path::Path::new("/w/a.ts");
        tree.map(|tree| graph.analyse(&graph, path, &text, tree).facts.sites).unwrap_or_default()
    };
    prop_assert_eq!(sites(doc.tree.as_ref()), sites(fresh.as_ref()));
    Ok(())
}

/// 200 sequences a run; `FUZZ_CASES=N` for a longer campaign.
fn cases() -> u32 {
    std::env::var("FUZZ_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(200)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn incremental_edits_keep_the_document_exact(
        initial in prop::collection::vec(0..PIECES.len(), 0..12),
        batches in prop::collection::vec(prop::collection::vec(edit_seed(), 1..4), 1..8),
    ) {
        let uri: Uri = "file:///w/a.ts".parse().expect("a file URI");
        let initial = concat(&initial);
        let mut doc = Document::new(&uri, 1, initial.clone(), "typescript");
        let mut model = Model::new(&initial);
        assert_agree(&doc, &model)?;
        for (version, batch) in batches.iter().enumerate() {
            // Within one didChange each edit applies to the text the one before left.
            let mut changes = Vec::new();
            for seed in batch {
                let change = change_for(&model, seed);
                model.apply(&change);
                changes.push(change);
            }
            doc.apply_changes(version as i32 + 2, changes);
            assert_agree(&doc, &model)?;
        }
    }
}

#[test]
fn edits_that_split_and_join_a_crlf() {
    let uri: Uri = "file:///w/a.ts".parse().expect("a file URI");
    let at = |line, character| Position { line, character };
    let change = |start, end, text: &str| TextDocumentContentChangeEvent {
        range: Some(Range { start, end }),
        range_length: None,
        text: text.into(),
    };
    let mut doc = Document::new(&uri, 1, "a\r\nb".into(), "typescript");
    // Text typed at the end of line 0 goes before the `\r\n`, never between its halves.
    doc.apply_changes(2, vec![change(at(0, 9), at(0, 9), "x")]);
    assert_eq!(doc.text, "ax\r\nb");
    // Deleting the `\n` half alone is not possible by positions; deleting the line end is.
    doc.apply_changes(3, vec![change(at(0, 2), at(1, 0), "\r")]);
    assert_eq!(doc.text, "ax\rb");
    assert_eq!(doc.file().position(3), at(1, 0), "a lone \\r ends the line");
    // A `\n` typed at the start of the next line joins the `\r` into one line end.
    doc.apply_changes(4, vec![change(at(1, 0), at(1, 0), "\n")]);
    assert_eq!(doc.text, "ax\r\nb");
    assert_eq!(doc.lines.line_count(), 2);
    assert_eq!(doc.file().offset(at(1, 0)), 4);
}
